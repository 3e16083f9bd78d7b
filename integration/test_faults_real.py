"""Faults injected into real venvs (issue 6, point 2), for each pip the run
takes (the newest by default; every pip of ``tox -e invariance``).

tests/test_faults.py injects 16 faults around this interpreter's own pip; here
the same kind of faults hit an installed pip-explain in a venv of another pip,
during a real failing build (netifaces, C compiler hidden). pip alone
(``PIP_EXPLAIN=0``) is the reference: same exit code and stdout, its stderr a
prefix, no traceback, and ``python -c pass`` in the same environment silent.
"""
from __future__ import annotations

import shutil
import textwrap

import pytest

import harness
from harness import LATEST_PIP
from test_live_failures import COMPILER_MISSING as FAIL, Evidence, _check_pip_output_unchanged

# Runs at start-up after the .pth lines (sitecustomize on PYTHONPATH).
SITECUSTOMIZE = textwrap.dedent('''
    import os, sys

    # the fault hits this process only, not the builds pip starts
    fault = os.environ.pop("PX_FAULT", "")
    os.environ.pop("PYTHONPATH", None)

    class _Block:
        def __init__(self, names):
            self.names = names
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in self.names:
                raise ModuleNotFoundError("No module named %r" % name, name=name)
            return None

    def _raise(*a, **k):
        raise RuntimeError("injected fault")

    if fault == "rich-missing":
        sys.meta_path.insert(0, _Block({"rich"}))
    elif fault == "packaging-missing":
        sys.meta_path.insert(0, _Block({"packaging"}))
    elif fault == "classifier-raises":
        import pip_explain.classify as c
        c.Classifier.classify = _raise
    elif fault == "report-raises":
        import pip_explain.report as r
        r.explain_run = _raise
    elif fault == "stderr-closed":
        os.close(2)
''')

FAULTS = ("rich-missing", "packaging-missing", "classifier-raises", "report-raises", "stderr-closed",
          "pth-three-times", "half-uninstalled")


def _combos():
    return [pytest.param(c, id=harness.combo_id(c)) for c in harness.combos((("3.11", LATEST_PIP),))]


@pytest.mark.parametrize("combo", _combos())
def test_faults_in_a_real_venv(combo, explain_venv, fresh_venv, sdist, pip_runner, tmp_path):
    ev = Evidence(tmp_path)
    inject = tmp_path / "inject"
    inject.mkdir()
    (inject / "sitecustomize.py").write_text(SITECUSTOMIZE)
    venv = fresh_venv(explain_venv(*combo))
    site = venv.site_packages()
    path = sdist(FAIL.package, FAIL.version)
    hide = FAIL.hide(venv)
    replace = {str(venv.path): "<venv>", str(pip_runner.workdir): "<work>", str(tmp_path): "<tmp>"}
    alone = ev.add("0-alone", pip_runner.run(venv, ["install", path], env={"PIP_EXPLAIN": "0"}, hide=hide))
    checked = []
    for i, fault in enumerate(FAULTS, 1):
        env = {"PYTHONPATH": str(inject), "PX_FAULT": fault}
        if fault == "pth-three-times":
            for n in ("a", "b"):
                (site / ("%s_copy.pth" % n)).write_text((site / "pip_explain.pth").read_text())
        if fault == "half-uninstalled":
            for p in site.iterdir():
                if p.name in ("pip_explain", "_pip_explain.py") or p.name.startswith("__pycache__"):
                    shutil.rmtree(p) if p.is_dir() else p.unlink()
            for p in site.glob("*_copy.pth"):
                p.unlink()
        r = ev.add("%d-%s" % (i, fault), pip_runner.run(venv, ["install", path], env=env, hide=hide))
        ref = alone
        if fault == "stderr-closed":  # the reference is pip alone with its stderr closed too
            ref = ev.add("%d-%s-alone" % (i, fault), pip_runner.run(venv, ["install", path],
                                                                    env=dict(env, PIP_EXPLAIN="0"), hide=hide))
        extra = _check_pip_output_unchanged(ref, r, fault, replace, ev)
        assert "Traceback" not in extra and "pip_explain" not in extra, "%s: %r%s" % (fault, extra[:500], ev.where())
        expected = {
            # the panel needs neither rich nor packaging: plain text without them
            "rich-missing": 1, "packaging-missing": 1, "pth-three-times": 1,
            # an internal error is swallowed: nothing appended
            "classifier-raises": 0, "report-raises": 0, "half-uninstalled": 0, "stderr-closed": 0,
        }[fault]
        assert extra.count("pip-explain: compiler-missing") == expected, "%s: appended %r%s" % (
            fault, extra[:800], ev.where())
        if not expected:
            assert extra == "", "%s: appended %r%s" % (fault, extra[:300], ev.where())
        label = fault
        quiet = ev.add("%d-%s-python" % (i, fault), harness.run(
            [venv.python, "-c", "pass"], env=dict(harness.base_env(tmp_path, "/usr/bin:/bin", pip_runner.pip_cache),
                                                  **env)))
        assert (quiet.rc, quiet.stdout, quiet.stderr) == (0, "", ""), "%s: python -c pass: %s%s" % (
            label, quiet.describe(), ev.where())
        checked.append(fault)
    assert checked == list(FAULTS)
