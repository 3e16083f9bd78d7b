"""How a pip that explained its own failure tells a surrounding
``pip-explain run`` (:mod:`pip_explain.run`) not to explain it again: ``run``
names a file in :data:`ENV_MARK`, the hook (``report.emit``) appends a line
to it. A leaf: it imports nothing of pip-explain."""
import os

#: Set by ``pip-explain run`` for the command it runs: a file the hook writes to after its panel.
ENV_MARK = "_PIP_EXPLAIN_RUN_MARK"


def note_reported() -> None:
    """Called by the hook after it explained a failure; never raises."""
    path = os.environ.get(ENV_MARK)
    if not path:
        return
    try:
        with open(path, "a", encoding="utf-8") as f:
            f.write("%d\n" % os.getpid())
    except OSError:
        pass
