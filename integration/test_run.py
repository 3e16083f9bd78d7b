"""``pip-explain run -- COMMAND``: real uv, real poetry and real pip from the
package index, failing on a real sdist (netifaces 0.11.0, no wheel for Python
3.11) with every C and C++ compiler really absent (deleted from overlays of their
directories in a private mount namespace, ``unshare -m``, as the failure lab
does; left out of PATH where that is not permitted), compared with the same
command run alone.

What must hold: the exit code and stdout are identical, the command's stderr
is a prefix of the wrapped run's (the only evening-out is what differs between
two runs of the command alone: temp names, timings), and the panel after it
names the cause, the package and the version. Also: a pip in an environment
without pip-explain, a pip with pip-explain's hook (one panel, not two), a
command that succeeds, one killed by a signal, terminals (uv sees a terminal
and keeps its colours), and GitHub Actions annotations from a failing
``pip install`` (``integration/README``: the hook's path, not ``run``).

The installers are installed once per session into a clone of the
pip-explain venv (pip from the index, versions as resolved that day; the
session's report header names them). Default run: about two minutes; poetry's
case is marked ``slow_installer`` (``-m 'not slow_installer'`` leaves it out).
"""
from __future__ import annotations

import functools
import os
import re
import shutil
import signal
from pathlib import Path
from typing import Dict, Mapping, Optional, Sequence

import pytest

import harness
from harness import LATEST_PIP, Hide

COMBO = ("3.11", LATEST_PIP)
PACKAGE, VERSION = "netifaces", "0.11.0"


@functools.lru_cache(maxsize=None)
def _compilers_hidden() -> Hide:
    """Every C and C++ compiler absent: deleted from an overlay of its
    directory in a private mount namespace (with cc1plus, through which gcc
    compiles C++), as the failure lab does; without ``unshare -m``, left out
    of PATH."""
    import fnmatch
    import glob

    if harness.namespace_unavailable_reason():
        return Hide(programs=harness.C_COMPILERS + harness.CXX_COMPILERS)
    files = []
    for d in harness.SYSTEM_PATH:
        if os.path.isdir(d) and not os.path.islink(d):
            for name in sorted(os.listdir(d)):
                if any(fnmatch.fnmatchcase(name, p) for p in harness.C_COMPILERS + harness.CXX_COMPILERS):
                    files.append(Path(d) / name)
    files += [Path(p) for p in sorted(glob.glob("/usr/lib/gcc/*/*/cc1plus") + glob.glob("/usr/libexec/gcc/*/*/cc1plus"))]
    return Hide(files=tuple(files))

GCC = re.compile(r"No such file or directory: 'gcc'|command 'gcc' failed|unable to execute 'gcc'")

# uv's and poetry's run-to-run differences (on top of harness.normalise)
_TIMING = re.compile(r"(in|after) [\d.]+m?s\b")  # no \b before: "\x1b[2min 266ms" on a terminal
_UV_TMP = re.compile(r"\.tmp[A-Za-z0-9]{6}\b")
_BUILD_ENV = re.compile(r"(builds-v\d+/)[^/\s]+")


def _normalise(text: str, replace: Mapping[str, str]) -> str:
    text = harness.normalise(text, replace)
    text = _TIMING.sub(r"\1 <time>", text)
    text = _UV_TMP.sub(".tmpXXXXXX", text)
    return _BUILD_ENV.sub(r"\1<env>", text)


@pytest.fixture(scope="module")
def installers(venvs, session_dir):
    """A venv with pip-explain, uv and poetry (from the index)."""
    try:
        template = venvs.with_pip_explain(*COMBO)
    except harness.Unavailable as exc:
        pytest.skip(str(exc))
    venv = harness.clone_venv(template, session_dir / "run-installers")
    env = venvs._env()
    r = harness.run([venv.python, "-m", "pip", "install", "-q", "uv", "poetry"], env=env, timeout=900)
    if r.rc != 0:
        pytest.skip("uv and poetry could not be installed from the index:\n" + r.describe()[-2000:])
    versions = harness.check([venv.bindir / "uv", "--version"], "uv --version", env=env).stdout.strip()
    versions += "; " + harness.check([venv.bindir / "poetry", "--version"], "poetry --version",
                                     env=env).stdout.strip()
    venv.versions = versions  # type: ignore[attr-defined]
    return venv


class Runner:
    """Runs a command line in a clean environment with the compilers hidden,
    from a fresh work directory (the same path every time)."""

    def __init__(self, root: Path, pip_cache: Path, tool_cache: Path):
        self.root, self.pip_cache, self.tool_cache = root, pip_cache, tool_cache
        self.evidence = root / "runs"
        self.evidence.mkdir(parents=True, exist_ok=True)
        self.n = 0

    def project(self, text: Optional[str]) -> Path:
        proj = self.root / "project"
        if proj.exists():
            shutil.rmtree(proj)
        proj.mkdir(parents=True)
        if text:
            (proj / "pyproject.toml").write_text(text)
        return proj

    def run(self, venv: harness.Venv, cmd: Sequence[str], env: Optional[Dict[str, str]] = None,
            hide: Optional[Hide] = None, tty: bool = False, project: Optional[str] = None,
            label: str = "") -> harness.Result:
        hide = _compilers_hidden() if hide is None else hide
        work = self.root / "work"
        for d in ("home", "tmp"):
            if (work / d).exists():
                shutil.rmtree(work / d)
            (work / d).mkdir(parents=True)
        shutil.rmtree(self.pip_cache / "wheels", ignore_errors=True)
        path = harness.path_without(hide.programs, work / "bin") if hide.programs else ":".join(harness.SYSTEM_PATH)
        e = harness.base_env(work / "home", "%s:%s" % (venv.bindir, path), self.pip_cache, work / "tmp")
        e.update({
            "VIRTUAL_ENV": str(venv.path),
            "UV_CACHE_DIR": str(self.tool_cache / "uv"), "UV_PYTHON_DOWNLOADS": "never", "UV_NO_PROGRESS": "1",
            "POETRY_CACHE_DIR": str(self.tool_cache / "poetry"),
            "POETRY_VIRTUALENVS_PATH": str(work / "tmp" / "poetry-venvs"),
            "POETRY_NO_INTERACTION": "1",
        })
        if os.environ.get("PIP_CERT"):
            e.setdefault("SSL_CERT_FILE", os.environ["PIP_CERT"])
            e.setdefault("REQUESTS_CA_BUNDLE", os.environ["PIP_CERT"])
        if tty:
            e["TERM"] = "xterm-256color"
        e.update(env or {})
        cwd = self.project(project)
        cmd = [str(c) for c in cmd]
        if hide.needs_ns:
            cmd = harness.ns_prefix(hide, work / "ns") + cmd
        result = (harness.run_tty if tty else harness.run)(cmd, env=e, cwd=cwd, timeout=900)
        shutil.rmtree(work / "ns", ignore_errors=True)
        self.n += 1
        (self.evidence / ("%02d-%s.txt" % (self.n, label or "run"))).write_text(result.describe(),
                                                                                   errors="surrogateescape")
        return result


@pytest.fixture
def runner(tmp_path, pip_cache, session_dir) -> Runner:
    return Runner(tmp_path, pip_cache, session_dir / "tool-cache")


def _px(venv: harness.Venv) -> list:
    return [str(venv.bindir / "pip-explain"), "run", "--"]


def compare(alone: harness.Result, wrapped: harness.Result, replace: Mapping[str, str] = None,
            where: str = "") -> str:
    """The command's own output unchanged; returns what pip-explain appended."""
    replace = dict(replace or {})
    assert wrapped.rc == alone.rc, "exit code %s alone, %s under run%s" % (alone.rc, wrapped.rc, where)
    a_out, w_out = _normalise(alone.stdout, replace), _normalise(wrapped.stdout, replace)
    assert a_out == w_out, "stdout differs\n%s%s" % (harness.first_difference(a_out, w_out), where)
    a_err, w_err = _normalise(alone.stderr, replace), _normalise(wrapped.stderr, replace)
    added = harness.appended(a_err, w_err)
    assert added is not None, "the command's stderr is not a prefix under run\n%s%s" % (
        harness.first_difference(a_err, w_err), where)
    return added


def _names(panel: str, cause: str, package: str, version: str, where: str) -> None:
    flat = harness.flatten(panel)
    assert flat.startswith("pip-explain: %s" % cause), "panel: %r%s" % (panel[:2000], where)
    assert package in flat and version in flat, "panel does not name %s %s: %r%s" % (package, version, panel,
                                                                                      where)


def _where(runner: Runner) -> str:
    return "\n(runs saved in %s)" % runner.evidence


# --------------------------------------------------------------------------

def test_uv_pip_install_failing_build(installers, runner):
    cmd = [str(installers.bindir / "uv"), "pip", "install", "%s==%s" % (PACKAGE, VERSION)]
    alone = runner.run(installers, cmd, label="uv-alone")
    assert alone.rc != 0 and GCC.search(alone.stderr), "uv did not fail on gcc:\n" + alone.describe()[-3000:]
    wrapped = runner.run(installers, _px(installers) + cmd, label="uv-run")
    panel = compare(alone, wrapped, where=_where(runner))
    _names(panel, "compiler-missing", PACKAGE, VERSION, _where(runner))
    assert "retry: " + cmd[0] in harness.flatten(panel)


def test_uv_on_terminals_keeps_its_colours(installers, runner):
    """stdout and stderr on pseudo-terminals: uv colours its error, through run too."""
    cmd = [str(installers.bindir / "uv"), "pip", "install", "%s==%s" % (PACKAGE, VERSION)]
    alone = runner.run(installers, cmd, tty=True, label="uv-tty-alone")
    assert "\x1b[" in alone.stderr, "uv printed no colour on a terminal (test premise)"
    wrapped = runner.run(installers, _px(installers) + cmd, tty=True, label="uv-tty-run")
    panel = compare(alone, wrapped, where=_where(runner))
    _names(re.sub(r"\x1b\[[0-9;]*m", "", panel).lstrip("\n"), "compiler-missing", PACKAGE, VERSION,
           _where(runner))


POETRY_PROJECT = ('[project]\nname = "demo"\nversion = "0.1.0"\nrequires-python = ">=3.11"\ndependencies = []\n\n'
                  '[tool.poetry]\npackage-mode = false\n')


def test_poetry_add_failing_build(installers, runner):
    cmd = [str(installers.bindir / "poetry"), "add", "%s==%s" % (PACKAGE, VERSION)]
    alone = runner.run(installers, cmd, project=POETRY_PROJECT, label="poetry-alone")
    assert alone.rc != 0 and GCC.search(alone.stdout + alone.stderr), (
        "poetry did not fail on gcc:\n" + alone.describe()[-3000:])
    wrapped = runner.run(installers, _px(installers) + cmd, project=POETRY_PROJECT, label="poetry-run")
    panel = compare(alone, wrapped, where=_where(runner))
    _names(panel, "compiler-missing", PACKAGE, VERSION, _where(runner))


def test_pip_where_pip_explain_is_not_installed(installers, bare_venv, sdist, runner):
    """The hook is absent: only run explains."""
    bare = bare_venv(*COMBO)
    cmd = [str(bare.pip), "install", str(sdist(PACKAGE, VERSION))]
    alone = runner.run(bare, cmd, label="bare-pip-alone")
    assert alone.rc == 1 and GCC.search(alone.stderr) and "pip-explain" not in alone.stderr
    wrapped = runner.run(bare, _px(installers) + cmd, label="bare-pip-run")
    panel = compare(alone, wrapped, where=_where(runner))
    _names(panel, "compiler-missing", PACKAGE, VERSION, _where(runner))


def test_pip_with_the_hook_explains_once(installers, sdist, runner):
    """pip-explain's hook in that pip explains (with pip's own facts); run adds nothing."""
    cmd = [str(installers.pip), "install", str(sdist(PACKAGE, VERSION))]
    alone = runner.run(installers, cmd, label="hook-pip-alone")
    assert alone.rc == 1 and alone.stderr.count("pip-explain: compiler-missing") == 1
    wrapped = runner.run(installers, _px(installers) + cmd, label="hook-pip-run")
    assert compare(alone, wrapped, where=_where(runner)) == ""


def test_success_is_unchanged(installers, runner, tmp_path):
    wheel = harness.make_wheel(tmp_path / "dist")
    cmd = [str(installers.bindir / "uv"), "pip", "install", "--no-index", "--dry-run", str(wheel)]
    alone = runner.run(installers, cmd, label="ok-alone")
    wrapped = runner.run(installers, _px(installers) + cmd, label="ok-run")
    assert alone.rc == 0
    assert compare(alone, wrapped, where=_where(runner)) == ""


def test_killed_by_a_signal(installers, runner):
    cmd = [str(installers.python), "-c", "import os, signal; print('bye', flush=True); "
                                         "os.kill(os.getpid(), signal.SIGKILL)"]
    alone = runner.run(installers, cmd, hide=Hide(), label="kill-alone")
    wrapped = runner.run(installers, _px(installers) + cmd, hide=Hide(), label="kill-run")
    assert alone.rc == wrapped.rc == -signal.SIGKILL
    assert (alone.stdout, alone.stderr) == (wrapped.stdout, wrapped.stderr) == ("bye\n", "")


def test_github_actions_annotation_from_a_failing_pip_install(installers, sdist, runner, tmp_path):
    """The hook under GITHUB_ACTIONS=true: the ::error line and the step summary;
    pip's own output is the same as with pip-explain off."""
    summary = tmp_path / "summary.md"
    cmd = [str(installers.pip), "install", str(sdist(PACKAGE, VERSION))]
    gha = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    off = runner.run(installers, cmd, env=dict(gha, PIP_EXPLAIN="0"), label="gha-off")
    assert off.rc == 1 and not summary.exists()
    on = runner.run(installers, cmd, env=gha, label="gha-on")
    added = compare(off, on, where=_where(runner))
    errors = [line for line in added.splitlines() if line.startswith("::error ")]
    assert len(errors) == 1, added
    assert errors[0].startswith("::error title=pip-explain%3A compiler-missing (PX001) in netifaces 0.11.0::")
    text = summary.read_text()
    assert "compiler-missing" in text and "netifaces 0.11.0" in text and GCC.search(text)
    assert "Retry: `" in text
