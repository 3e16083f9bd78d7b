"""Real logs (tests/fixtures/logs, recorded from real failing pip runs, see
its README) classified offline, as ``pip-explain explain`` does.

A log whose cause has a rule must get that cause, proven by the line the
recording named decisive. A log whose cause has no rule yet must come out
unrecognized: never a wrong specific cause.
"""
import glob
import json
import os

import pytest

from conftest import FIXTURES
from pip_explain.enrich.platform import detect
from pip_explain.report import explain_log

LOGS = sorted(glob.glob(os.path.join(FIXTURES, "logs", "*.log")))
# Real-world logs copied from public issue threads (Windows and macOS among them):
# see tests/fixtures/thirdparty/README.md.
THIRDPARTY = sorted(glob.glob(os.path.join(FIXTURES, "thirdparty", "*.log")))
# ... and a set collected and labelled blind after the rules were written (its README)
THIRDPARTY += sorted(glob.glob(os.path.join(FIXTURES, "heldout", "*.log")))
# Scenarios whose wording no rule covers yet: until one does they must come
# out unrecognized (never a wrong specific cause).
PENDING = set()


def explain_file(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    return explain_log(lines, detect())


def test_there_are_fixtures():
    assert len(LOGS) >= 40


def test_there_are_real_world_logs_of_every_cause():
    causes = set()
    for path in THIRDPARTY + LOGS:
        with open(path[:-4] + ".json", encoding="utf-8") as f:
            causes.add(json.load(f)["cause"])
    from pip_explain.causes import CAUSES
    assert causes == set(CAUSES)


@pytest.mark.parametrize("path", LOGS + THIRDPARTY, ids=[os.path.basename(p)[:-4] for p in LOGS + THIRDPARTY])
def test_fixture(path):
    with open(path[:-4] + ".json", encoding="utf-8") as f:
        meta = json.load(f)
    explained = explain_file(path)
    diagnoses = [e.diagnosis for e in explained if e.diagnosis is not None]
    if meta.get("scenario") in PENDING or meta["cause"] == "other":
        assert not diagnoses or diagnoses[0].cause == meta["cause"], "a wrong specific cause"
        assert any(e.decisive for e in explained), "no decisive line shown"
        return
    assert diagnoses, "unrecognized"
    d = diagnoses[0]
    assert d.cause == meta["cause"]
    decisive = meta["decisive"].replace("╰─>", "").strip()
    assert decisive in d.evidence[0].text or d.evidence[0].text in decisive
    with open(path, encoding="utf-8") as f:
        line = f.read().splitlines()[d.evidence[0].line - 1]
    # the line number points at the proof (where an installer wrapped it at 80 columns, pdm, at its start)
    assert d.evidence[0].text in line or (meta.get("installer") == "pdm" and d.evidence[0].text.startswith(line))
