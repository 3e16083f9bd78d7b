"""The start-up hook: runs in every Python process of the environment.

Keep this module cheap: it imports nothing but ``sys`` and ``os``, and does
nothing at all until one of pip's own modules is imported. Then it hands the
fresh module to :mod:`pip_explain._pip`, which wraps pip's ``call_subprocess``
before any other pip module binds it by name, and ``Command.main`` so that the
explanation is printed after pip's last line.

``pip_explain.pth`` calls :func:`install` (two or three times per process:
CPython re-runs .pth import lines, pip's build-isolation sitecustomize once
more); Python 3.15+ calls :func:`start` through ``pip_explain.start``
(PEP 829). Every entry point is idempotent and swallows its own errors.
"""
import os
import sys

#: The kill switch. "0", "false", "no" or "off" turn pip-explain off; the .pth
#: line checks it before importing this module, :func:`start` checks it here.
ENV_SWITCH = "PIP_EXPLAIN"
#: Set by the outermost pip while it runs, inherited by everything it starts:
#: nested pips (build dependencies) and build backends stay silent.
ENV_ACTIVE = "_PIP_EXPLAIN_ACTIVE"
#: Shows pip-explain's own internal errors on stderr.
ENV_DEBUG = "PIP_EXPLAIN_DEBUG"

_TARGETS = ("pip._internal.utils.subprocess", "pip._internal.cli.base_command")
_installed = False


def enabled():
    return os.environ.get(ENV_SWITCH, "1").strip().lower() not in ("0", "false", "no", "off")


def debug(exc):
    """Report an internal error, only when asked to (never raises)."""
    try:
        if os.environ.get(ENV_DEBUG, "") not in ("", "0"):
            sys.stderr.write("pip-explain: internal error: %r\n" % (exc,))
    except Exception:
        pass


def start():
    """PEP 829 entry point (``pip_explain.start``)."""
    if enabled():
        install()


def install():
    """Arrange for pip to be patched when it is imported. Idempotent."""
    global _installed
    if _installed:
        return
    _installed = True
    try:
        if os.environ.get(ENV_ACTIVE):
            return  # inside a pip run already: a nested pip or a build backend
        if any(name in sys.modules for name in _TARGETS):
            # pip was imported before the hook ran (sitecustomize, -S then site):
            # patch what is there and rebind the names other modules took.
            from pip_explain import _pip

            _pip.patch_loaded()
            return
        sys.meta_path.insert(0, _PipFinder())
    except Exception as exc:
        debug(exc)


class _PipFinder:
    """A meta path finder that only ever answers for two of pip's modules.

    It finds them through the other finders, then wraps the loader so that the
    module is patched right after its own code ran: the first ``from ...
    import call_subprocess`` anywhere in pip then binds the wrapper.
    """

    def find_spec(self, fullname, path=None, target=None):
        if fullname not in _TARGETS:
            return None
        try:
            return self._find(fullname, path, target)
        except Exception as exc:
            debug(exc)
            return None

    def _find(self, fullname, path, target):
        spec = None
        for finder in list(sys.meta_path):
            if finder is self:
                continue
            find_spec = getattr(finder, "find_spec", None)
            if find_spec is None:
                continue
            spec = find_spec(fullname, path, target)
            if spec is not None:
                break
        loader = getattr(spec, "loader", None)
        if loader is None:
            return None
        # Loaders may be shared between modules (zipimporter): the wrappers check
        # the module's name, and a loader is wrapped once.
        if getattr(loader, "exec_module", None) is not None and not _is_wrapped(loader.exec_module):
            _set(loader, "exec_module", _wrap_exec(loader.exec_module))
        elif getattr(loader, "load_module", None) is not None and not _is_wrapped(loader.load_module):
            _set(loader, "load_module", _wrap_load(loader.load_module))
        return spec


def _is_wrapped(func):
    return getattr(func, "_pip_explain", False)


def _set(loader, name, func):
    try:
        setattr(loader, name, func)
    except (AttributeError, TypeError):
        pass  # read-only loader: the fallback in Command.main covers it


def _wrap_exec(exec_module):
    def wrapped(module):
        exec_module(module)
        _patch(getattr(module, "__name__", None), module)

    wrapped._pip_explain = True
    return wrapped


def _wrap_load(load_module):
    def wrapped(fullname=None, *args):
        module = load_module(fullname, *args) if fullname is not None else load_module()
        _patch(getattr(module, "__name__", fullname), module)
        return module

    wrapped._pip_explain = True
    return wrapped


def _patch(name, module):
    if name not in _TARGETS:
        return
    try:
        from pip_explain import _pip

        _pip.patch_module(name, module)
    except Exception as exc:
        debug(exc)
