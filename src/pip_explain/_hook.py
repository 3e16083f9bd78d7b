"""What the start-up finder (``_pip_explain``) does once pip's modules load.

It finds the module through the other finders, then wraps the loader so that
the module is patched right after its own code ran: the first ``from ...
import call_subprocess`` anywhere in pip then binds the wrapper, and
``Command.main`` is wrapped on the class.
"""
import os
import sys

from _pip_explain import ENV_ACTIVE, TARGETS  # noqa: F401  (ENV_ACTIVE is used by pip_explain._pip)

#: Shows pip-explain's own internal errors on stderr.
ENV_DEBUG = "PIP_EXPLAIN_DEBUG"


def debug(exc):
    """Report an internal error, only when asked to (never raises)."""
    try:
        if os.environ.get(ENV_DEBUG, "") not in ("", "0"):
            sys.stderr.write("pip-explain: internal error: %r\n" % (exc,))
    except Exception:
        pass


def find_spec(finder, fullname, path=None, target=None):
    try:
        return _find(finder, fullname, path, target)
    except Exception as exc:
        debug(exc)
        return None


def patch_loaded():
    try:
        from pip_explain import _pip

        _pip.patch_loaded()
    except Exception as exc:
        debug(exc)


def _find(finder, fullname, path, target):
    spec = None
    for other in list(sys.meta_path):
        if other is finder:
            continue
        find = getattr(other, "find_spec", None)
        if find is None:
            continue
        spec = find(fullname, path, target)
        if spec is not None:
            break
    loader = getattr(spec, "loader", None)
    if loader is None:
        return None
    # Loaders may be shared between modules (zipimporter): the wrappers check
    # the module's name, and a loader is wrapped once.
    if getattr(loader, "exec_module", None) is not None:
        if not _is_wrapped(loader.exec_module):
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
        pass  # read-only loader: Command.main's late patch covers it


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
    if name not in TARGETS:
        return
    try:
        from pip_explain import _pip

        _pip.patch_module(name, module)
    except Exception as exc:
        debug(exc)
