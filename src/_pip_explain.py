"""pip-explain's start-up hook. Runs in every Python process of the environment:
don't import any costly modules here (only sys and os), don't do any work
until one of pip's own modules is imported.

``pip_explain.pth`` calls :func:`install` (CPython runs .pth import lines two
or three times per process); Python 3.15+ calls :func:`start` through
``pip_explain.start`` (PEP 829). Both are idempotent and never raise.
"""
import os
import sys

#: The kill switch: "0", "false", "no" or "off" turn pip-explain off.
ENV_SWITCH = "PIP_EXPLAIN"
#: Set by the outermost pip while it runs, inherited by everything it starts:
#: nested pips (build dependencies) and build backends stay silent.
ENV_ACTIVE = "_PIP_EXPLAIN_ACTIVE"
TARGETS = ("pip._internal.utils.subprocess", "pip._internal.cli.base_command")


def enabled():
    return os.environ.get(ENV_SWITCH, "1").strip().lower() not in ("0", "false", "no", "off")


def start():
    if enabled():
        install()


def install():
    if os.environ.get(ENV_ACTIVE):
        return  # inside a pip run already: a nested pip or a build backend
    for finder in sys.meta_path:
        if type(finder).__name__ == "PipExplainFinder":
            return
    if TARGETS[0] in sys.modules or TARGETS[1] in sys.modules:
        try:  # pip was imported before this hook ran: patch it where it is
            from pip_explain._hook import patch_loaded

            patch_loaded()
        except Exception:
            pass
        return
    sys.meta_path.insert(0, PipExplainFinder())


class PipExplainFinder:
    """Answers only for two of pip's modules; see pip_explain._hook."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname not in TARGETS:
            return None
        try:
            from pip_explain._hook import find_spec
        except Exception:
            return None  # half-uninstalled: stay out of the way
        return find_spec(self, fullname, path, target)
