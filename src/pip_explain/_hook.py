"""What the start-up finder (``_pip_explain``) does once pip's modules load.

It finds the module through the other finders, then wraps the loader so that
the module is patched right after its own code ran: the first ``from ...
import call_subprocess`` anywhere in pip then binds the wrapper, and
``Command.main`` is wrapped on the class.
"""
import sys

from pip_explain._env import TARGETS, debug


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
        if not _is_wrapped(loader.exec_module) and not _set(loader, "exec_module", _wrap_exec(loader.exec_module)):
            spec.loader = _ExecLoader(loader)
    elif getattr(loader, "load_module", None) is not None and not _is_wrapped(loader.load_module):
        if not _set(loader, "load_module", _wrap_load(loader.load_module)):
            spec.loader = _LoadLoader(loader)
    return spec


def _is_wrapped(func):
    return getattr(func, "_pip_explain", False)


def _set(loader, name, func):
    """Wrap the loader's method in place; False for a read-only loader (the
    C zipimporter of Python < 3.10, pip run from its wheel)."""
    try:
        setattr(loader, name, func)
        return True
    except (AttributeError, TypeError):
        return False


class _ExecLoader:
    """Stands in for a loader whose ``exec_module`` cannot be wrapped in place
    (only for this one module's spec): runs it, then patches the module."""

    def __init__(self, loader):
        self._loader = loader

    def __getattr__(self, name):
        return getattr(self._loader, name)

    def create_module(self, spec):
        create = getattr(self._loader, "create_module", None)
        return create(spec) if create is not None else None

    def exec_module(self, module):
        self._loader.exec_module(module)
        _patch(getattr(module, "__name__", None), module)


class _LoadLoader:
    """The same for a loader that only has the legacy ``load_module``."""

    def __init__(self, loader):
        self._loader = loader

    def __getattr__(self, name):
        return getattr(self._loader, name)

    def load_module(self, fullname):
        module = self._loader.load_module(fullname)
        _patch(getattr(module, "__name__", fullname), module)
        return module


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
