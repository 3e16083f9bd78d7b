"""The wheel oracle's reasoning, the alternatives and the live checks, fast.

The file lists are real (tests/fixtures/index/*.json, recorded from the
package index by tests/fixtures/record/index_listing.py). The interpreter's
tags are built with ``packaging.tags`` for a named platform, so the answers
do not depend on the machine running the tests; "an old pip" is the same
tag list without the tag family that pip did not know yet. The real old pip
is in integration/test_oracle.py.
"""
from __future__ import annotations

import json
import os
import shlex
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from packaging import tags

from conftest import SRC
from pip_explain.enrich import alternatives, probes, wheels
from pip_explain.model import Fix

INDEX = Path(__file__).parent / "fixtures" / "index"


def files(project):
    return json.loads((INDEX / (project + ".json")).read_text())["files"]


def linux_tags(python=(3, 11), glibc=36, arch="x86_64"):
    platforms = ["manylinux_2_%d_%s" % (v, arch) for v in range(glibc, 16, -1)]
    platforms += ["manylinux2014_" + arch, "manylinux_2_12_" + arch, "manylinux2010_" + arch,
                  "manylinux_2_5_" + arch, "manylinux1_" + arch, "linux_" + arch]
    return list(tags.cpython_tags(python, platforms=platforms)) + list(
        tags.compatible_tags(python, "cp%d%d" % python, platforms))


def musl_tags(python=(3, 11)):
    platforms = ["musllinux_1_%d_x86_64" % v for v in (2, 1, 0)] + ["linux_x86_64"]
    return list(tags.cpython_tags(python, platforms=platforms)) + list(
        tags.compatible_tags(python, "cp%d%d" % python, platforms))


def accepted(all_files, modern, pip_tags=None):
    """Split a file list the way pip's LinkEvaluator does: (compatible rows, others)."""
    pip_tags = set(str(t) for t in modern) if pip_tags is None else pip_tags
    rows, others = [], []
    for f in all_files:
        if f.endswith(".whl"):
            _, version, _, wtags = __import__("packaging.utils", fromlist=["x"]).parse_wheel_filename(f)
            if set(str(t) for t in wtags) & pip_tags:
                rows.append((str(version), f, False))
            else:
                others.append(f)
        else:
            rows.append((f.rsplit("-", 1)[1].replace(".tar.gz", ""), f, False))
    return rows, others


def test_other_pythons_get_a_wheel():
    modern = linux_tags((3, 11))
    listing = [f for f in files("ujson") if "-cp311-" not in f]  # as on the test index: no cp311 wheel
    rows, others = accepted(listing, modern)
    facts = wheels.facts_from("ujson", "5.10.0", "==5.10.0", rows, others, set(map(str, modern)), modern,
                              current=(3, 11))
    assert "3.10" in facts.pythons and "3.12" in facts.pythons and "3.11" not in facts.pythons
    assert facts.best is None and facts.newer_pip is None
    assert facts.wheel_versions == ()


def test_older_release_with_a_wheel_is_best():
    modern = linux_tags((3, 11))
    rows, others = accepted(files("psutil"), modern)
    rows = [r for r in rows if not (r[0] == "7.2.2" and r[1].endswith(".whl"))]  # 7.2.2 as an sdist only
    facts = wheels.facts_from("psutil", "7.2.2", "", rows, others, set(map(str, modern)), modern, current=(3, 11))
    assert facts.best == "7.2.1"
    assert facts.wheel_versions[0] == "7.2.1"
    limited = wheels.facts_from("psutil", "7.2.2", ">=7.2.2", rows, others, set(map(str, modern)), modern)
    assert limited.best is None and limited.outside == "7.2.1"
    yanked = [(v, f, True) if v == "7.2.1" else (v, f, y) for v, f, y in rows]
    assert wheels.facts_from("psutil", "7.2.2", "", yanked, others, set(map(str, modern)), modern).best is None


def test_pip_too_old_for_pep600_wheels():
    modern = linux_tags((3, 11))
    old_pip = set(str(t) for t in modern if "manylinux_" not in t.platform)  # before pip 20.3
    rows, others = accepted(files("numpy"), modern, old_pip)
    facts = wheels.facts_from("numpy", "2.3.5", "", rows, others, old_pip, modern, pip_version="20.2.4")
    assert facts.newer_pip is not None
    assert facts.newer_pip[0] == "20.3" and "cp311-cp311-manylinux_2_27_x86_64" in facts.newer_pip[1]
    new_pip = wheels.facts_from("numpy", "2.3.5", "", *accepted(files("numpy"), modern), set(map(str, modern)),
                                modern)
    assert new_pip.newer_pip is None


def test_pip_too_old_for_musllinux():
    modern = musl_tags((3, 11))
    old_pip = set(str(t) for t in modern if "musllinux" not in t.platform)
    rows, others = accepted(files("ujson"), modern, old_pip)
    facts = wheels.facts_from("ujson", "5.10.0", "", rows, others, old_pip, modern, current=(3, 11))
    assert facts.newer_pip and facts.newer_pip[0] == "21.2"


def test_newest_version_within_a_specifier():
    assert wheels.newest_version(files("psutil"), "psutil", "<7.2.2") == "7.2.1"
    assert wheels.newest_version(files("psutil"), "PSUTIL", "") == "7.2.2"
    assert wheels.newest_version(files("psutil"), "other", "") is None


def test_alternatives_cheapest_first():
    facts = wheels.Facts("psycopg2", "2.9.10", "<3", ("2.9.9",), "2.9.9", None, ("3.12",),
                         ("20.3", "psycopg2-2.9.10-cp311-cp311-manylinux_2_17_x86_64.whl"), "20.2.4")
    out = alternatives.build("psycopg2", facts, "psycopg2-binary", (Fix("apt-get install libpq-dev", "install"),),
                             ["pip"], "install", ["-q", "psycopg2<3", "flask"], ["python3.11"])
    kinds = [a.kind for a in out]
    assert kinds == ["upgrade-pip", "wheel-version", "only-binary", "binary-package", "python-version", "toolchain"]
    assert out[0].command == "python3.11 -m pip install --upgrade pip"
    assert shlex.split(out[1].command) == ["pip", "install", "-q", "psycopg2==2.9.9", "flask"]
    assert shlex.split(out[2].command) == ["pip", "install", "--only-binary", "psycopg2", "-q", "psycopg2<3", "flask"]
    assert out[3].command == "pip install psycopg2-binary"
    assert out[4].command == "python3.12 -m pip install psycopg2==2.9.10"


def test_requirement_added_when_not_on_the_command_line():
    assert alternatives.with_requirement(["-r", "req.txt"], "psutil", "psutil==7.2.1") == [
        "-r", "req.txt", "psutil==7.2.1"]
    assert alternatives.with_requirement(["./psutil-dir"], "psutil", "psutil==1") == ["./psutil-dir", "psutil==1"]
    assert alternatives.with_requirement(["PSUTIL[test]>=7"], "psutil", "psutil==1") == ["psutil==1"]


def test_no_facts_means_only_the_toolchain():
    out = alternatives.build("netifaces", None, None, (Fix("apt-get install gcc", "install gcc"),))
    assert [a.kind for a in out] == ["toolchain"]


# -- live checks ---------------------------------------------------------------

def _bin(tmp_path, programs):
    d = tmp_path / "bin"
    d.mkdir(exist_ok=True)
    for name, body in programs.items():
        p = d / name
        p.write_text("#!/bin/sh\n" + body + "\n")
        p.chmod(p.stat().st_mode | stat.S_IEXEC)
    return str(d)


@pytest.mark.skipif(os.name == "nt", reason="POSIX shell scripts")
def test_compiler_missing_confirmed_and_contradicted(tmp_path, monkeypatch):
    monkeypatch.delenv("CC", raising=False)
    empty = str(tmp_path / "empty")
    os.mkdir(empty)
    checks = probes.for_diagnosis("compiler-missing", "gcc", prober=probes.Prober(env={"PATH": empty}),
                                  system="linux")
    assert checks and not any(c.ok for c in checks)
    assert probes.contradiction(checks) is None
    path = _bin(tmp_path, {"gcc": 'echo "gcc (Fake) 12.2.0"'})
    checks = probes.for_diagnosis("compiler-missing", "gcc", prober=probes.Prober(env={"PATH": path}),
                                  system="linux")
    found = [c for c in checks if c.ok]
    assert found and found[0].contradicts and "12.2.0" in found[0].detail
    assert "contradicts" in probes.contradiction(checks)


@pytest.mark.skipif(os.name == "nt", reason="POSIX shell scripts")
def test_a_hanging_program_is_bounded(tmp_path):
    # wrappers whose child keeps the output pipe open after the wrapper is gone
    path = _bin(tmp_path, {"cmake": "/bin/sleep 30 &\n/bin/sleep 30", "ninja": "exec /bin/sleep 30"})
    prober = probes.Prober(budget=1.0, env={"PATH": path})
    start = time.monotonic()
    a = probes.for_diagnosis("cmake-missing", None, prober=prober)
    b = probes.for_diagnosis("build-tool-missing", "ninja", prober=prober)
    assert time.monotonic() - start < 2.5
    assert not a[0].ok or "did not answer" in a[0].detail
    assert "not checked" in b[0].detail or "did not answer" in b[0].detail


def test_log_text_never_reaches_argv(tmp_path):
    """Names from the log only select known names; the rest is not run."""
    ran = []

    class Recording(probes.Prober):
        def run(self, argv):
            ran.append(list(argv))
            return 1, ""

    hostile = ["$(touch /tmp/x)", "--output=/etc/passwd", "a;b", "../../etc/shadow", "-lfoo", "gcc;rm"]
    for cause in ("config-tool-missing", "build-tool-missing", "library-header-missing", "library-link-missing",
                  "compiler-missing", "rust-too-old", "cmake-missing"):
        for detail in hostile:
            probes.for_diagnosis(cause, detail, prober=Recording(which=lambda n, path=None: "/usr/bin/" + n),
                                 system="linux")
    words = {w for argv in ran for w in argv[1:]}
    assert not any(h in w for h in hostile for w in words), words
    assert words <= {"--version", "-version", "--exists", "-p"} | set(
        w for w in words if w.isidentifier() or w.replace("-", "").replace(".", "").isalnum()), words


def test_known_names_come_from_the_table():
    assert probes.known_pkgconfig("LIBFFI") == "libffi"
    assert probes.known_pkgconfig("ffi.h", "header") == "libffi"
    assert probes.known_pkgconfig("nosuchthing") is None
    assert probes.known_tool("/usr/bin/pg_config") == "pg_config"
    assert probes.known_tool("rm -rf") is None


def _cli(args, env=None):
    e = dict(os.environ, PYTHONPATH=SRC)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "pip_explain"] + args, env=e, capture_output=True, text=True,
                          timeout=120)


def test_doctor_json_and_exit_code(tmp_path):
    r = _cli(["doctor", "--format", "json"])
    data = json.loads(r.stdout)
    names = [c["name"] for c in data["checks"]]
    assert "C compiler" in names and "Python headers" in names and "pip" in names and "wheel tags" in names
    for c in data["checks"]:
        assert set(c) >= {"name", "ok", "detail", "fix"}
    failing_required = [c for c in data["checks"] if c["required"] and not c["ok"]]
    assert r.returncode == (1 if failing_required else 0)
    empty = tmp_path / "empty"
    empty.mkdir()
    r = _cli(["doctor", "--format", "json"], {"PATH": str(empty), "CC": "", "CXX": ""})
    data = json.loads(r.stdout)
    cc = next(c for c in data["checks"] if c["name"] == "C compiler")
    assert r.returncode == 1 and cc["ok"] is False and cc["required"] is True
    r = _cli(["doctor"], {"PATH": str(empty), "CC": "", "CXX": ""})
    assert r.returncode == 1 and "✘ C compiler" in r.stdout and "Traceback" not in r.stderr


def test_explain_check_runs_the_probes(tmp_path):
    log = tmp_path / "build.log"
    log.write_text("  error: command 'gcc' failed: No such file or directory\n")
    empty = tmp_path / "empty"
    empty.mkdir()
    r = _cli(["explain", "--check", "--format", "json", str(log)], {"PATH": str(empty), "CC": ""})
    d = json.loads(r.stdout)["diagnoses"][0]
    assert d["checks"] and d["checks"][0]["ok"] is False and d["confidence"] == "high"
    assert [a["kind"] for a in d["alternatives"]] == ["toolchain"] * len(d["alternatives"])
    r = _cli(["explain", "--format", "json", str(log)])
    assert json.loads(r.stdout)["diagnoses"][0]["checks"] == []


class _Scripted(probes.Prober):
    """A prober whose programs answer from a table (macOS/Windows tools on Linux)."""

    def __init__(self, answers, on_path=()):
        probes.Prober.__init__(self, which=lambda n, path=None: ("/bin/" + n) if n in on_path else None)
        self.answers = answers
        self.ran = []

    def run(self, argv):
        self.ran.append(list(argv))
        return self.answers.get(os.path.basename(argv[0]), (None, "could not run"))


def test_macos_checks_read_xcode_select(tmp_path):
    dev = tmp_path / "CommandLineTools"
    dev.mkdir()
    ok = probes.for_diagnosis("xcode-clt-missing", None, prober=_Scripted({"xcode-select": (0, str(dev))},
                                                                          on_path=("xcode-select",)))
    assert ok[0].ok and ok[0].contradicts and ok[0].detail == str(dev)
    missing = probes.for_diagnosis("xcode-clt-missing", None, prober=_Scripted(
        {"xcode-select": (2, "xcode-select: error: unable to get active developer directory")},
        on_path=("xcode-select",)))
    assert not missing[0].ok and "unable to get active developer directory" in missing[0].detail
    assert probes.contradiction(missing) is None


def test_windows_checks_ask_vswhere(monkeypatch, tmp_path):
    vswhere = tmp_path / "vswhere.exe"
    vswhere.write_text("")
    monkeypatch.setattr(probes, "_VSWHERE", str(vswhere))
    s = _Scripted({"vswhere.exe": (0, r"C:\Program Files\Microsoft Visual Studio\2022\BuildTools")})
    checks = probes.for_diagnosis("msvc-missing", "14.0", prober=s, system="windows")
    assert checks[0].ok and "BuildTools" in checks[0].detail and checks[0].contradicts
    assert s.ran[0][1:] == ["-latest", "-products", "*", "-requires",
                            "Microsoft.VisualStudio.Component.VC.Tools.x86.x64", "-property", "installationPath"]
    assert checks[1].name == "cl.exe on PATH" and not checks[1].ok
    empty = _Scripted({"vswhere.exe": (0, "")})
    assert not probes.for_diagnosis("compiler-missing", "cl.exe", prober=empty, system="windows")[0].ok
    monkeypatch.setattr(probes, "_VSWHERE", str(tmp_path / "absent.exe"))
    absent = probes.for_diagnosis("msvc-missing", None, prober=_Scripted({}), system="windows")
    assert not absent[0].ok and "vswhere.exe not found" in absent[0].detail
