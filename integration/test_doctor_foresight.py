"""``pip-explain doctor`` before anything builds (issue 14), against the real
build that follows, in the same environment.

psycopg2 2.9.10 from the package index (no wheel: pip builds it), in a venv
with pip-explain, pg_config left out of PATH: doctor must say, before the
build, that pg_config is missing (with libpq-dev on Debian) and exit 1; the
real ``pip install`` in the same environment then fails on exactly that.
With the machine as it is, doctor must find nothing missing for packages
that do build here (netifaces, psycopg2: libpq-dev is installed on the test
machine, or the test says so and skips that half), and the real build
succeeds.
"""
from __future__ import annotations

import json
import shutil

import pytest

from harness import LATEST_PIP, Hide

PSYCOPG2 = "psycopg2==2.9.10"
NETIFACES = "netifaces==0.11.0"


def _doctor(pip_runner, venv, args, hide=Hide()):
    r = pip_runner.run(venv, ["-m", "pip_explain", "doctor", "--format", "json"] + list(args), hide=hide,
                       python=True)
    try:
        return r, json.loads(r.stdout)
    except ValueError:
        pytest.fail("doctor printed no JSON:\n" + r.describe())


def _missing(data):
    return [(p["name"], n["cause"], n["detail"]) for p in data["packages"]
            for n in (p["build"] or {}).get("needs", []) if n["ok"] is False and not n["optional"]]


def test_doctor_foresees_the_pg_config_failure(explain_venv, pip_runner):
    venv = explain_venv("3.11", LATEST_PIP)
    hide = Hide(programs=("pg_config",))
    r, data = _doctor(pip_runner, venv, [PSYCOPG2], hide)
    pkg = data["packages"][0]
    assert pkg["wheel"] is False and pkg["version"] == "2.9.10", pkg
    assert ("psycopg2", "config-tool-missing", "pg_config") in _missing(data), data
    assert r.rc == 1
    need = next(n for n in pkg["build"]["needs"] if n["detail"] == "pg_config")
    assert need["evidence"].startswith("setup.py:")
    if shutil.which("apt-get"):
        assert "libpq-dev" in (data["missing"]["install"] or ""), data["missing"]
    assert any(w["command"].endswith("install psycopg2-binary") and "pip-explain" not in w["command"]
               for w in data["missing"]["ways_out"]), data["missing"]
    real = pip_runner.run(venv, ["install", "--no-binary", "psycopg2", PSYCOPG2], hide=hide,
                          env={"PIP_EXPLAIN": "0"})
    assert real.rc == 1 and "pg_config executable not found" in real.stdout + real.stderr, real.describe()


@pytest.mark.parametrize("requirement", [NETIFACES, PSYCOPG2])
def test_nothing_missing_for_what_builds_here(explain_venv, pip_runner, requirement):
    venv = explain_venv("3.11", LATEST_PIP)
    r, data = _doctor(pip_runner, venv, [requirement])
    pkg = data["packages"][0]
    assert pkg["wheel"] is False and pkg["build"]["needs"], pkg
    missing = _missing(data)
    real = pip_runner.run(venv, ["wheel", "--no-deps", "-w", str(pip_runner.workdir / "wheels"), requirement],
                          env={"PIP_EXPLAIN": "0"})
    if missing:
        assert real.rc != 0, "doctor said %s is missing, yet the build succeeded" % (missing,)
        pytest.skip("this machine misses %s for %s (the build failed as foreseen)" % (missing, requirement))
    assert r.rc == 0, r.describe()
    assert real.rc == 0, real.describe()
