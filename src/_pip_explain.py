"""pip-explain's start-up hook. Runs in every Python process of the environment:
don't import any costly modules here (only sys; os is already loaded), don't
do any work until one of pip's own modules is imported.

This module is its own ``sys.meta_path`` finder (a module-level
:func:`find_spec`; no class to build at start-up). ``pip_explain.pth`` calls
:func:`start` only in a process whose command line mentions pip
(:func:`started_as_pip`, the same test written inline in the .pth line, so
that any other process imports nothing at all); CPython runs .pth
import lines two or three times per process: the second run finds the
module loaded and the finder installed. Python 3.15+ calls :func:`start` through
``pip_explain.start`` (PEP 829: an entry point always imports its module, so
there the test runs here). Both are idempotent and never raise.
bench/startup.py measures what this costs.
"""
import sys

#: The kill switch: "0", "false", "no" or "off" turn pip-explain off.
ENV_SWITCH = "PIP_EXPLAIN"
#: Set by the outermost pip while it runs, inherited by everything it starts:
#: nested pips (build dependencies) and build backends stay silent.
ENV_ACTIVE = "_PIP_EXPLAIN_ACTIVE"
TARGETS = ("pip._internal.utils.subprocess", "pip._internal.cli.base_command")
_OFF = ("0", "false", "no", "off")


def _getenv(name):
    import os

    return os.environ.get(name)


def enabled():
    return (_getenv(ENV_SWITCH) or "1").strip().lower() not in _OFF


def started_as_pip():
    """Does this process's command line mention pip? ``sys.orig_argv``
    (Python 3.10+) is set before site runs: ``pip install``, ``pip3.12``,
    ``python -m pip``, pip-tools' ``pip-compile``, pip run from its wheel, a
    ``python -c`` script that imports pip. The interpreter's own path
    (``orig_argv[0]``) does not count: a venv may be named after anything.
    Python < 3.10 has no ``orig_argv``: every process counts there (the
    default's ``[1:]`` is "pip"). The .pth line makes the same test inline,
    so that any other process imports nothing at all."""
    return "pip" in str(getattr(sys, "orig_argv", "-pip")[1:])


def start():
    if enabled() and started_as_pip():
        install()


def install():
    if _getenv(ENV_ACTIVE):
        return  # inside a pip run already: a nested pip or a build backend
    this = sys.modules.get(__name__)
    if this is None or this in sys.meta_path:
        return
    if TARGETS[0] in sys.modules or TARGETS[1] in sys.modules:
        try:  # pip was imported before this hook ran: patch it where it is
            from pip_explain._hook import patch_loaded

            patch_loaded()
        except Exception:
            pass
        return
    sys.meta_path.insert(0, this)


def installed():
    """Is the finder in sys.meta_path? (for tests)"""
    return sys.modules.get(__name__) in sys.meta_path


def find_spec(fullname, path=None, target=None):
    """The finder: answers only for two of pip's modules; see pip_explain._hook."""
    if fullname not in TARGETS:
        return None
    try:
        from pip_explain._hook import find_spec
    except Exception:
        return None  # half-uninstalled: stay out of the way
    return find_spec(sys.modules.get(__name__), fullname, path, target)
