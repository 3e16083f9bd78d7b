"""After a failure, everything at once: the panel adds what the same build
also needs and this machine lacks (enrich.foresight, read from pip's build
directory at raise time), and one install command covers all of it.

A real pip install of python-ldap 3.4.8, which needs lber.h (libldap2-dev)
and sasl/sasl.h (libsasl2-dev): gcc stops at the first one; the panel names
the other too. Skipped where those headers are installed.
"""
import json
import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "integration"))
import harness  # noqa: E402

HEADERS = ("/usr/include/lber.h", "/usr/include/sasl/sasl.h")


def _sdist(name, version):
    try:
        return str(harness.fetch_sdist(name, version))
    except harness.Unavailable as exc:
        pytest.skip(str(exc))


def _pip_json(args, **env):
    e = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "_PIP_EXPLAIN"))}
    e.update(PIP_EXPLAIN_FORMAT="json", PIP_EXPLAIN_ORACLE="0", PIP_DISABLE_PIP_VERSION_CHECK="1",
             PIP_CONFIG_FILE=os.devnull, PIP_NO_INPUT="1", **env)
    return subprocess.run([sys.executable, "-m", "pip"] + args, env=e, capture_output=True, text=True,
                          timeout=600, cwd="/")


@pytest.mark.skipif(any(os.path.exists(h) for h in HEADERS) or sys.platform != "linux",
                    reason="needs a Linux machine without the ldap and sasl headers")
def test_the_panel_names_what_else_the_build_lacks_and_one_command_installs_all():
    pytest.importorskip("pip")
    r = _pip_json(["install", "--no-deps", "--no-cache-dir", _sdist("python-ldap", "3.4.8")])
    assert r.returncode == 1, r.stderr[-2000:]
    report = json.loads(r.stderr.strip().splitlines()[-1])
    d = report["diagnoses"][0]
    assert d["cause"] == "library-header-missing" and d["detail"] in ("lber.h", "sasl/sasl.h", "ldap.h"), d
    also = {a["need"] for a in d["also_missing"]}
    assert also and d["detail"] not in also, d["also_missing"]
    assert also <= {"lber.h", "sasl/sasl.h", "ldap.h"}, also
    assert all(a["evidence"] for a in d["also_missing"])
    if os.path.exists("/etc/debian_version"):
        fix = d["fixes"][0]["command"]
        assert "libldap2-dev" in fix and "libsasl2-dev" in fix, d["fixes"]


def test_checks_off_reads_nothing(monkeypatch, tmp_path):
    from pip_explain import report

    class Failure:
        cwd = str(tmp_path)

    monkeypatch.setenv(report.ENV_CHECKS, "0")
    report._read_needs(Failure())
    assert id(Failure) not in report._needs_read and not report._needs_read
