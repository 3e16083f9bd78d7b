"""Real failing installs of real sdists, with and without pip-explain.

Every failure scenario runs pip three times in the same venv (pip-explain
installed): ``PIP_EXPLAIN=0`` (the baseline: pip on its own), pip-explain's
text panel, and ``PIP_EXPLAIN_FORMAT=json``. pip's own output must not change:
same exit code, the same stdout, and the baseline's stderr as the prefix of
the other two, to which pip-explain only appends.
"""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import pytest

import harness
from harness import LATEST_PIP, Hide

QUICK_TWO = (("3.11", "22.3.1"), ("3.11", LATEST_PIP))
QUICK_ONE = (("3.11", LATEST_PIP),)


@dataclass(frozen=True)
class Scenario:
    id: str
    package: str
    version: str
    cause: str
    decisive: str                       # regex for the line in pip's output that proves the cause
    detail: Optional[str] = None        # must appear in the diagnosis' "detail"
    hide: Callable[[harness.Venv], Hide] = lambda venv: Hide()
    constraints: Tuple[str, ...] = ()
    needs_ns: bool = False
    quick: Tuple[Tuple[str, str], ...] = QUICK_ONE


COMPILER_MISSING = Scenario(
    "compiler-missing", "netifaces", "0.11.0", "compiler-missing",
    decisive=r"No such file or directory: 'gcc'|command 'gcc' failed|unable to execute 'gcc'",
    detail="gcc",
    hide=lambda venv: Hide(programs=harness.C_COMPILERS + harness.CXX_COMPILERS),
    quick=QUICK_TWO,
)
SCENARIOS = [
    COMPILER_MISSING,
    Scenario(
        "python-headers-missing", "netifaces", "0.11.0", "python-headers-missing",
        decisive=r"Python\.h: No such file or directory", detail="Python.h",
        hide=lambda venv: Hide(dirs=(venv.include_dir(),)), needs_ns=True,
    ),
    Scenario(
        "rust-missing-setuptools-rust", "bcrypt", "4.3.0", "rust-missing",
        decisive=r"can't find Rust compiler",
        hide=lambda venv: Hide(programs=harness.RUST_TOOLS),
    ),
    Scenario(
        "rust-missing-maturin", "rpds-py", "0.22.3", "rust-missing",
        decisive=r"Cargo, the Rust package manager, is not installed or is not on PATH",
        hide=lambda venv: Hide(programs=harness.RUST_TOOLS),
        # maturin >= 1.8.4 downloads Rust itself when cargo is absent
        constraints=("maturin<1.8.4",),
    ),
    Scenario(
        "library-header-missing", "pyaudio", "0.2.14", "library-header-missing",
        decisive=r"portaudio\.h: No such file or directory", detail="portaudio.h",
    ),
]


def _params(scenarios: Sequence[Scenario]):
    out = []
    for sc in scenarios:
        for combo in harness.combos(sc.quick):
            marks = [pytest.mark.needs_ns] if sc.needs_ns else []
            out.append(pytest.param(sc, combo, marks=marks, id="%s-%s" % (sc.id, harness.combo_id(combo))))
    return out


def _combo_params(quick):
    return [pytest.param(c, id=harness.combo_id(c)) for c in harness.combos(quick)]


# --------------------------------------------------------------------------
# helpers

class Evidence:
    """Collects the runs of one test; on failure their full output is saved
    next to the test's tmp_path and named in the assertion message."""

    def __init__(self, tmp_path: Path):
        self.dir = tmp_path / "runs"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.runs: List[Tuple[str, harness.Result]] = []

    def add(self, label: str, result: harness.Result) -> harness.Result:
        self.runs.append((label, result))
        (self.dir / (label + ".txt")).write_text(result.describe(), errors="surrogateescape")
        return result

    def where(self) -> str:
        return "\n(full output of the runs: %s)" % self.dir


def _decisive_present(sc: Scenario, base: harness.Result, ev: Evidence, log: str = "") -> None:
    """The baseline is pip on its own: it must have failed for the scenario's
    reason, else the scenario (not pip-explain) is broken on this machine.
    With ``--log FILE`` pip prints the build output only into the file."""
    assert base.rc == 1, "baseline pip run did not fail with exit 1 (scenario broken?)\n%s%s" % (
        base.describe()[-4000:], ev.where())
    assert re.search(sc.decisive, base.stdout + base.stderr + log), (
        "baseline output lacks the decisive line /%s/ (scenario broken on this machine?)%s"
        % (sc.decisive, ev.where()))


def _check_pip_output_unchanged(base: harness.Result, other: harness.Result, label: str,
                                replace: Dict[str, str], ev: Evidence) -> str:
    """Same exit code, same stdout, baseline stderr a prefix. Returns what was appended."""
    assert other.rc == base.rc, "%s: exit code %s, pip alone exits %s%s" % (label, other.rc, base.rc, ev.where())
    bo, oo = harness.normalise(base.stdout, replace), harness.normalise(other.stdout, replace)
    assert oo == bo, "%s: stdout differs from pip's own\n%s%s" % (label, harness.first_difference(bo, oo), ev.where())
    be, oe = harness.normalise(base.stderr, replace), harness.normalise(other.stderr, replace)
    extra = harness.appended(be, oe)
    assert extra is not None, "%s: pip's own stderr is not a prefix of the stderr with pip-explain\n%s%s" % (
        label, harness.first_difference(be, oe), ev.where())
    return extra


def _check_panel(sc: Scenario, panel: str, diag: dict, ev: Evidence) -> None:
    lines = [line for line in panel.splitlines() if line.strip()]
    assert lines, "no panel appended to stderr" + ev.where()
    assert lines[0].lstrip().startswith("pip-explain:"), (
        "panel does not start with a 'pip-explain:' line: %r%s" % (lines[0], ev.where()))
    flat = harness.flatten(panel)
    assert sc.cause in flat, "panel does not name the cause %r:\n%s%s" % (sc.cause, panel, ev.where())
    assert "hint:" in panel, "panel has no 'hint:' line:\n%s%s" % (panel, ev.where())
    assert re.search(r"retry", panel, re.I), "panel has no retry command:\n%s%s" % (panel, ev.where())
    # the decisive line, as the JSON evidence quotes it, is shown in the panel
    quoted = [harness.flatten(e.get("text", "")) for e in diag.get("evidence", [])]
    assert any(q and q in flat for q in quoted) or re.search(sc.decisive, flat), (
        "panel does not show the evidence line (%r):\n%s%s" % (quoted, panel, ev.where()))


def _check_json(sc: Scenario, extra: str, ev: Evidence) -> dict:
    lines = [line for line in extra.splitlines() if line.strip()]
    assert len(lines) == 1, "PIP_EXPLAIN_FORMAT=json appended %d lines, expected 1:\n%s%s" % (
        len(lines), extra, ev.where())
    assert extra.endswith("\n") or extra == lines[0], "JSON line is not the last line" + ev.where()
    data = harness.json_tail(extra)
    diags = data.get("diagnoses")
    assert isinstance(diags, list) and diags, "no diagnoses in %r%s" % (data, ev.where())
    d = diags[0]
    assert d.get("cause") == sc.cause, "cause %r, expected %r (all: %r)%s" % (
        d.get("cause"), sc.cause, [x.get("cause") for x in diags], ev.where())
    assert str(d.get("code", "")).startswith("PX"), "code %r does not start with PX%s" % (d.get("code"), ev.where())
    for key in ("title", "detail", "evidence"):
        assert key in d, "diagnosis lacks %r: %r%s" % (key, d, ev.where())
    if sc.detail:
        assert sc.detail in str(d.get("detail")), "detail %r does not name %r%s" % (d.get("detail"), sc.detail, ev.where())
    evidence = d["evidence"]
    assert isinstance(evidence, list) and evidence, "no evidence lines: %r%s" % (d, ev.where())
    for e in evidence:
        assert isinstance(e.get("line"), int) and isinstance(e.get("text"), str), "bad evidence item %r" % (e,)
    assert any(re.search(sc.decisive, e["text"]) for e in evidence), (
        "no evidence line matches /%s/: %r%s" % (sc.decisive, [e["text"] for e in evidence], ev.where()))
    return d


def explain_three_ways(sc: Scenario, venv: harness.Venv, runner: harness.PipRunner, args: Sequence[str],
                       ev: Evidence, log: Optional[Path] = None) -> Tuple[dict, str]:
    """Baseline, text panel and JSON runs of ``pip args``; all invariants
    checked. ``log``: the file given to ``pip --log``. Returns (JSON diagnosis, panel)."""
    hide = sc.hide(venv)
    replace = {str(venv.path): "<venv>", str(runner.workdir): "<work>"}
    logs = {}

    def go(label, env):
        if log is not None and log.exists():
            log.unlink()
        result = ev.add(label, runner.run(venv, args, env=env, hide=hide, constraints=sc.constraints))
        if log is not None:
            assert log.exists(), "%s: pip --log wrote no log file%s" % (label, ev.where())
            logs[label] = log.read_text(errors="replace")
            shutil.copy(log, ev.dir / (label + ".log"))
        return result

    base = go("1-baseline", {"PIP_EXPLAIN": "0"})
    _decisive_present(sc, base, ev, logs.get("1-baseline", ""))
    text = go("2-text", {})
    js = go("3-json", {"PIP_EXPLAIN_FORMAT": "json"})
    panel = _check_pip_output_unchanged(base, text, "text run", replace, ev)
    extra = _check_pip_output_unchanged(base, js, "json run", replace, ev)
    diag = _check_json(sc, extra, ev)
    _check_panel(sc, panel, diag, ev)
    return diag, panel


# --------------------------------------------------------------------------
# the failure scenarios

@pytest.mark.parametrize("sc,combo", _params(SCENARIOS))
def test_failure_explained(sc, combo, explain_venv, sdist, pip_runner, tmp_path):
    venv = explain_venv(*combo)
    path = sdist(sc.package, sc.version)
    explain_three_ways(sc, venv, pip_runner, ["install", path], Evidence(tmp_path))


@pytest.mark.parametrize("mode", ["-v", "-q", "--log"])
@pytest.mark.parametrize("combo", _combo_params(QUICK_TWO))
def test_pip_modes(mode, combo, explain_venv, sdist, pip_runner, tmp_path):
    """-v, -q and --log FILE change what pip prints and where pip-explain gets
    the build output from; pip's output must still be untouched."""
    venv = explain_venv(*combo)
    path = sdist(COMPILER_MISSING.package, COMPILER_MISSING.version)
    log = tmp_path / "pip.log"
    args = ["install", path] + (["--log", log] if mode == "--log" else [mode])
    explain_three_ways(COMPILER_MISSING, venv, pip_runner, args, Evidence(tmp_path),
                       log=log if mode == "--log" else None)


@pytest.mark.parametrize("combo", _combo_params(QUICK_TWO))
def test_kill_switch_is_byte_identical_to_no_pip_explain(combo, bare_venv, explain_venv, sdist, pip_runner,
                                                          tmp_path):
    """PIP_EXPLAIN=0 with pip-explain installed == pip in a venv without it."""
    ev = Evidence(tmp_path)
    sc = COMPILER_MISSING
    path = sdist(sc.package, sc.version)
    bare, explained = bare_venv(*combo), explain_venv(*combo)
    without = ev.add("1-without", pip_runner.run(bare, ["install", path], hide=sc.hide(bare)))
    _decisive_present(sc, without, ev)
    off = ev.add("2-off", pip_runner.run(explained, ["install", path], env={"PIP_EXPLAIN": "0"},
                                         hide=sc.hide(explained)))
    assert off.rc == without.rc
    # the venvs live at different paths, which gcc's command line shows
    a = harness.normalise(without.stdout + "\0" + without.stderr, {str(bare.path): "<venv>"})
    b = harness.normalise(off.stdout + "\0" + off.stderr, {str(explained.path): "<venv>"})
    assert a == b, "PIP_EXPLAIN=0 output differs from a venv without pip-explain\n%s%s" % (
        harness.first_difference(a, b), ev.where())


# --------------------------------------------------------------------------
# success: nothing extra at all

def _three_fresh_runs(template, fresh_venv, pip_runner, args, ev):
    results = {}
    for label, env in (("1-baseline", {"PIP_EXPLAIN": "0"}), ("2-text", {}),
                       ("3-json", {"PIP_EXPLAIN_FORMAT": "json"})):
        venv = fresh_venv(template)  # same path every time: outputs comparable byte for byte
        results[label] = ev.add(label, pip_runner.run(venv, args, env=env))
    return results


@pytest.mark.parametrize("combo", _combo_params(QUICK_TWO))
def test_success_wheel_prints_nothing_extra(combo, explain_venv, fresh_venv, pip_runner, tmp_path):
    ev = Evidence(tmp_path)
    wheel = harness.make_wheel(tmp_path / "dist")
    runs = _three_fresh_runs(explain_venv(*combo), fresh_venv, pip_runner,
                             ["install", "--no-index", wheel], ev)
    base = runs["1-baseline"]
    assert base.rc == 0, base.describe() + ev.where()
    for label, r in runs.items():
        assert r.rc == 0, "%s: exit %s%s" % (label, r.rc, ev.where())
        assert r.stdout_bytes == base.stdout_bytes, "%s: stdout differs\n%s%s" % (
            label, harness.first_difference(base.stdout, r.stdout), ev.where())
        assert r.stderr_bytes == base.stderr_bytes, "%s: stderr differs\n%s%s" % (
            label, harness.first_difference(base.stderr, r.stderr), ev.where())


@pytest.mark.parametrize("combo", _combo_params(QUICK_TWO))
def test_success_sdist_build_prints_nothing_extra(combo, explain_venv, fresh_venv, pip_runner, wheelhouse,
                                                  tmp_path):
    """A successful PEP 517 build under build isolation: the hook runs in the
    nested build-deps pip and in the backend processes, and must stay silent."""
    ev = Evidence(tmp_path)
    template = explain_venv(*combo)
    sd = harness.make_sdist(tmp_path / "dist")
    args = ["install", "--no-index", "--find-links", wheelhouse.for_python(template.pyver), sd]
    runs = _three_fresh_runs(template, fresh_venv, pip_runner, args, ev)
    base = runs["1-baseline"]
    assert base.rc == 0, base.describe() + ev.where()
    assert "Successfully installed okpkg-1.0" in base.stdout
    for label, r in runs.items():
        assert r.rc == 0, "%s: exit %s%s" % (label, r.rc, ev.where())
        for stream in ("stdout", "stderr"):
            a, b = harness.normalise(getattr(base, stream)), harness.normalise(getattr(r, stream))
            assert a == b, "%s: %s differs\n%s%s" % (label, stream, harness.first_difference(a, b), ev.where())


@pytest.mark.parametrize("combo", _combo_params(QUICK_ONE))
def test_other_pip_commands_unchanged(combo, explain_venv, pip_runner, tmp_path):
    ev = Evidence(tmp_path)
    venv = explain_venv(*combo)
    for i, args in enumerate((["--version"], ["list"], ["show", "pip"], ["check"], ["help", "install"])):
        off = ev.add("%d-off" % i, pip_runner.run(venv, args, env={"PIP_EXPLAIN": "0"}))
        on = ev.add("%d-on" % i, pip_runner.run(venv, args))
        assert (on.rc, on.stdout_bytes, on.stderr_bytes) == (off.rc, off.stdout_bytes, off.stderr_bytes), (
            "pip %s: output changes with pip-explain\n%s%s" % (
                " ".join(args), harness.first_difference(off.stdout + off.stderr, on.stdout + on.stderr), ev.where()))


# --------------------------------------------------------------------------
# uninstall

@pytest.mark.parametrize("combo", _combo_params(QUICK_ONE))
def test_uninstall_leaves_nothing(combo, explain_venv, fresh_venv, sdist, pip_runner, tmp_path):
    ev = Evidence(tmp_path)
    venv = fresh_venv(explain_venv(*combo))
    site = venv.site_packages()
    assert (site / "pip_explain.pth").exists(), "pip_explain.pth not installed in %s" % site
    env = harness.base_env(tmp_path / "home", "%s:%s" % (venv.bindir, ":".join(harness.SYSTEM_PATH)),
                           pip_runner.pip_cache)
    (tmp_path / "home").mkdir(exist_ok=True)
    quiet = ev.add("0-python-pass", harness.run([venv.python, "-c", "pass"], env=env))
    assert (quiet.rc, quiet.stdout, quiet.stderr) == (0, "", ""), "python -c pass with pip-explain: %s" % (
        quiet.describe())

    r = ev.add("1-uninstall", pip_runner.run(venv, ["uninstall", "-y", "pip-explain"]))
    assert r.rc == 0, r.describe()
    left = sorted(p.name for p in site.iterdir() if p.name.lower().replace("-", "_").startswith("pip_explain"))
    assert left == [], "left in site-packages after uninstall: %s" % left
    assert not (venv.bindir / "pip-explain").exists(), "bin/pip-explain left after uninstall"

    after = ev.add("2-python-pass", harness.run([venv.python, "-c", "pass"], env=env))
    assert (after.rc, after.stdout, after.stderr) == (0, "", ""), after.describe()

    # and a failing build is pip's own output again, nothing appended
    sc = COMPILER_MISSING
    fail = ev.add("3-failing-install", pip_runner.run(venv, ["install", sdist(sc.package, sc.version)],
                                                      hide=sc.hide(venv)))
    _decisive_present(sc, fail, ev)
    assert "pip-explain" not in fail.stderr, "pip-explain still speaks after uninstall" + ev.where()
