"""The environment variables the hook and the pip adapter share, and
:func:`debug`. A leaf: it imports nothing of pip-explain, so every module can
import it without going back up the chain (start-up hook -> ``_hook`` ->
``_pip`` -> ``report`` -> classifier, enrichment, rendering).

``ENV_ACTIVE`` and ``TARGETS`` have the same values in the start-up module
``_pip_explain``, which imports nothing of the package (tests/test_hook.py
checks that they agree).
"""
import os
import sys

#: Set by the outermost pip while it runs, inherited by everything it starts:
#: nested pips (build dependencies) and build backends stay silent.
ENV_ACTIVE = "_PIP_EXPLAIN_ACTIVE"
#: The two pip modules the hook patches when they are imported.
TARGETS = ("pip._internal.utils.subprocess", "pip._internal.cli.base_command")
#: Shows pip-explain's own internal errors on stderr.
ENV_DEBUG = "PIP_EXPLAIN_DEBUG"


def debug(exc):
    """Report an internal error, only when asked to (never raises)."""
    try:
        if os.environ.get(ENV_DEBUG, "") not in ("", "0"):
            sys.stderr.write("pip-explain: internal error: %r\n" % (exc,))
    except Exception:
        pass
