"""The prefilter's two ways of finding candidate lines give the same answers:
str.find per needle (small blocks, before the regexes are built) and the
needle regexes (large blocks, or once built). Every labelled log of the
corpora is classified both ways."""
import glob
import os

from pip_explain.classify import Classifier
from pip_explain.rules import all_rules
from pip_explain.rules._knowledge import RULINGS, situations

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOGS = sorted(glob.glob(os.path.join(ROOT, "tests", "fixtures", "*", "*.log"))
              + glob.glob(os.path.join(ROOT, "tests", "fixtures", "blind", "*", "*.log")))


def _answer(d):
    return None if d is None else (d.rule.code, d.detail, d.evidence[0].line, d.evidence[0].text)


def test_small_and_large_paths_agree():
    large = Classifier(all_rules(), RULINGS, situations)
    large._built()
    assert len(LOGS) >= 600
    small_only = 0
    for path in LOGS:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
        small = Classifier(all_rules(), RULINGS, situations)  # a fresh one: no regexes yet
        assert _answer(small.classify(lines)) == _answer(large.classify(lines)), path
        small_only += small._regexes is None
    assert small_only >= 500  # most logs never needed the regexes


def test_a_small_log_does_not_build_the_regexes():
    c = Classifier(all_rules(), RULINGS, situations)
    d = c.classify(["Collecting netifaces", "netifaces.c:1:10: fatal error: Python.h: No such file or directory"])
    assert d is not None and d.rule.cause == "python-headers-missing"
    assert c._regexes is None
