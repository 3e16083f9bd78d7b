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
from pip_explain.logparse import segments
from pip_explain.report import explain_lines

LOGS = sorted(glob.glob(os.path.join(FIXTURES, "logs", "*.log")))
# Scenarios whose wording no rule covers yet (the knowledge-base issue adds
# them): until then they must come out unrecognized.
PENDING = {
    "cmake-missing-scikit-build-core", "distutils-missing-numpy-py312", "fortran-compiler-missing-scipy",
    "library-missing-meson-pycairo", "linker-library-missing-cffi", "negative-c-api-greenlet",
    "ninja-missing-meson-python", "pg-config-missing-psycopg2", "pkg-config-missing-mysqlclient",
    "setuptools-missing-no-isolation-py312", "swig-missing-m2crypto",
}


def explain_file(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    platform = detect()
    return [explain_lines(s.lines, platform, s.package, None, s.step, s.first_line) for s in segments(lines)]


def test_there_are_fixtures():
    assert len(LOGS) >= 40


@pytest.mark.parametrize("path", LOGS, ids=[os.path.basename(p)[:-4] for p in LOGS])
def test_fixture(path):
    with open(path[:-4] + ".json", encoding="utf-8") as f:
        meta = json.load(f)
    explained = explain_file(path)
    diagnoses = [e.diagnosis for e in explained if e.diagnosis is not None]
    if meta["scenario"] in PENDING:
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
    assert d.evidence[0].text in line  # the line number points at the proof
