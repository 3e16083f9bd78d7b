"""Faults injected around a real pip run: pip's exit code and output must be
what they are without pip-explain, with no traceback from pip-explain, and
interpreter start-up unaffected.

Each test runs this interpreter's own pip (``python -m pip install`` of a
tiny local project whose in-tree PEP 517 backend prints a compiler error and
fails; offline, no build isolation, ~1 s) in a fresh process. pip-explain is
loaded the way an installation loads it: a ``sitecustomize`` runs
``site.addsitedir`` on a directory holding ``pip_explain.pth``, after the
fault was set up (``PX_FAULT``). Every run is compared with the same command
under ``PIP_EXPLAIN=0``. Start-up (``python -c pass``) is checked under every
fault as well.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from conftest import SRC

pytest.importorskip("pip")

BACKEND = textwrap.dedent('''
    import os, sys, time

    def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
        print("gcc -I/usr/include/python3 -c spam.c -o spam.o")
        print("spam.c:1:10: fatal error: Python.h: No such file or directory", file=sys.stderr)
        sys.stdout.flush(); sys.stderr.flush()
        marker = os.environ.get("PX_SLOW_MARKER")
        if marker:
            open(marker, "w").close()
            time.sleep(60)
        sys.exit(1)

    build_sdist = build_wheel
''')

# The fault, set up before pip-explain's .pth runs (PX_FAULT), then the .pth.
SITECUSTOMIZE = textwrap.dedent('''
    import os, site, sys

    fault = os.environ.get("PX_FAULT", "")
    hook_dir = os.environ["PX_HOOK_DIR"]

    class _Block:
        """Makes the named top-level packages unimportable (uninstalled)."""
        def __init__(self, names):
            self.names = names
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in self.names:
                raise ModuleNotFoundError("No module named %r" % name, name=name)
            return None

    if fault == "half-uninstalled":
        sys.meta_path.insert(0, _Block({"pip_explain"}))
    if fault == "rich-missing":
        sys.meta_path.insert(0, _Block({"rich"}))
    if fault == "packaging-missing":
        sys.meta_path.insert(0, _Block({"packaging"}))

    # an installed pip-explain (tox) is kept out by PIP_EXPLAIN=0 at start-up;
    # the switch the test asked for applies from here on
    os.environ["PIP_EXPLAIN"] = os.environ.get("PX_EXPLAIN", "1")
    # as in a fresh process started with that switch: the .pth line skips
    # itself once _pip_explain is loaded, and start-up loaded it switched off
    sys.modules.pop("_pip_explain", None)
    for _ in range(3 if fault == "pth-three-times" else 1):
        site.addsitedir(hook_dir)

    def _patch(mod, name, value):
        import importlib
        setattr(importlib.import_module(mod), name, value)

    def _raise(*a, **k):
        raise RuntimeError("injected fault")

    def _interrupt(*a, **k):
        raise KeyboardInterrupt

    if os.environ.get("PIP_EXPLAIN") != "0":
        if fault == "classifier-raises":
            import pip_explain.classify as c
            c.Classifier.classify = _raise
        elif fault == "classifier-interrupts":
            import pip_explain.classify as c
            c.Classifier.classify = _interrupt
        elif fault == "report-raises":
            _patch("pip_explain.report", "on_failure", _raise)
            _patch("pip_explain.report", "emit", _raise)
        elif fault == "platform-raises":
            _patch("pip_explain.enrich.platform", "detect", _raise)
            _patch("pip_explain.report", "detect", _raise)
        elif fault == "rich-broken":
            import pip_explain.render as r

            class Console:
                def __init__(self, *a, **k):
                    pass
                def print(self, *a, **k):
                    raise RuntimeError("broken rich")
            r._rich = lambda: (Console, object)
        elif fault == "rich-import-broken":
            import pip_explain.render as r
            r._rich = _raise
        elif fault == "stderr-write-raises":
            import pip_explain.report as rep
            orig = rep.emit
            class Bad:
                def write(self, s): raise OSError(5, "I/O error")
                def flush(self): raise OSError(5, "I/O error")
                def isatty(self): return False
            rep.emit = lambda run, status, stream=None: orig(run, status, Bad())
''')


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    root = tmp_path_factory.mktemp("faults")
    proj = root / "failpkg"
    proj.mkdir()
    (proj / "pyproject.toml").write_text(
        '[build-system]\nrequires = []\nbuild-backend = "failing_backend"\nbackend-path = ["."]\n'
        '[project]\nname = "failpkg"\nversion = "1.0"\n')
    (proj / "failing_backend.py").write_text(BACKEND)
    hook = root / "hook"  # what an installation puts in site-packages
    hook.mkdir()
    shutil.copy(os.path.join(SRC, "pip_explain.pth"), hook / "pip_explain.pth")
    inject = root / "inject"
    inject.mkdir()
    (inject / "sitecustomize.py").write_text(SITECUSTOMIZE)
    return root


def _env(lab, explain=True, fault="", extra=None, hook_dir=None, pythonpath=()):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "_PIP_EXPLAIN", "PX_"))}
    env.update({
        "PYTHONPATH": os.pathsep.join([str(p) for p in pythonpath] + [str(lab / "inject"), SRC]),
        "PX_HOOK_DIR": str(hook_dir or lab / "hook"),
        "PX_FAULT": fault,
        "PX_EXPLAIN": "1" if explain else "0",
        "PIP_EXPLAIN": "0",  # see sitecustomize: PX_EXPLAIN decides
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PIP_CONFIG_FILE": os.devnull,
        "PIP_NO_INPUT": "1",
        "TERM": "dumb",
        "COLUMNS": "80",
    })
    env.pop("FORCE_COLOR", None)
    env.update(extra or {})
    return env


def _pip_cmd(lab, project=None):
    return [sys.executable, "-m", "pip", "install", "--no-build-isolation", "--no-deps", "--no-index",
            "--no-cache-dir", str(project or lab / "failpkg")]


def _run(cmd, env, **kw):
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, cwd=str(kw.pop("cwd", "/")),
                          **kw)


_TMP = re.compile(r"/tmp/[^\s'\"]+")


def _norm(text):
    return _TMP.sub("<tmp>", text)


def _same_as_baseline(base, other, appended_ok=True):
    assert other.returncode == base.returncode, (base.returncode, other.returncode, other.stderr)
    assert _norm(other.stdout) == _norm(base.stdout)
    b, o = _norm(base.stderr), _norm(other.stderr)
    assert o.startswith(b), "pip's own stderr changed:\n--- without\n%s\n--- with\n%s" % (b, o)
    extra = o[len(b):]
    assert "Traceback" not in extra and "pip_explain" not in extra, extra
    if not appended_ok:
        assert extra == "", extra
    return extra


def _startup_quiet(lab, **kw):
    r = _run([sys.executable, "-c", "pass"], _env(lab, **kw))
    assert (r.returncode, r.stdout, r.stderr) == (0, "", ""), r


@pytest.fixture(scope="module")
def baseline(lab):
    r = _run(_pip_cmd(lab), _env(lab, explain=False))
    assert r.returncode == 1 and "Python.h" in r.stdout + r.stderr, r
    return r


def test_the_fault_lab_works(lab, baseline):
    """Without a fault the panel is appended: the faults below are not no-ops."""
    r = _run(_pip_cmd(lab), _env(lab))
    extra = _same_as_baseline(baseline, r)
    assert "pip-explain: python-headers-missing" in extra, extra


FAULTS_SILENT = ["classifier-raises", "classifier-interrupts", "report-raises", "half-uninstalled",
                 "stderr-write-raises"]
FAULTS_DEGRADED = ["platform-raises", "rich-missing", "rich-broken", "rich-import-broken", "pth-three-times",
                   "packaging-missing"]


@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize("fault", FAULTS_SILENT + FAULTS_DEGRADED)
def test_fault_leaves_pip_alone(lab, baseline, fault, fmt):
    extra_env = {"FORCE_COLOR": "1"} if fault.startswith("rich") else {}
    if fmt == "json":
        extra_env["PIP_EXPLAIN_FORMAT"] = "json"
    r = _run(_pip_cmd(lab), _env(lab, fault=fault, extra=extra_env))
    extra = _same_as_baseline(baseline, r)
    if fault in ("classifier-raises", "classifier-interrupts", "report-raises", "half-uninstalled"):
        assert extra == "", extra
    if fault in ("pth-three-times", "packaging-missing"):
        assert extra.count("pip-explain:" if fmt == "text" else '"diagnoses"') == 1, extra
    _startup_quiet(lab, fault=fault)


def test_half_uninstalled_pth_without_its_module(lab, baseline, tmp_path):
    """The .pth left behind alone (_pip_explain.py and the package gone)."""
    hook = tmp_path / "hook"
    hook.mkdir()
    shutil.copy(lab / "hook" / "pip_explain.pth", hook / "pip_explain.pth")
    env = _env(lab, fault="half-uninstalled", hook_dir=hook)
    env["PYTHONPATH"] = str(lab / "inject")  # no src: nothing of pip-explain importable
    r = _run(_pip_cmd(lab), env)
    _same_as_baseline(baseline, r, appended_ok=False)
    q = _run([sys.executable, "-c", "pass"], env)
    assert (q.returncode, q.stdout, q.stderr) == (0, "", "")


def test_debug_shows_the_injected_fault_in_one_line(lab, baseline):
    r = _run(_pip_cmd(lab), _env(lab, fault="classifier-raises", extra={"PIP_EXPLAIN_DEBUG": "1"}))
    extra = _same_as_baseline(baseline, r)
    assert "pip-explain: internal error: RuntimeError('injected fault')" in extra


def test_stderr_closed(lab):
    """pip ... 2>&-"""
    results = []
    for explain in (False, True):
        env = _env(lab, explain=explain)
        r = subprocess.run(["sh", "-c", 'exec "$@" 2>&-', "sh"] + _pip_cmd(lab), env=env, capture_output=False,
                           stdout=subprocess.PIPE, text=True, timeout=120, cwd="/")
        results.append(r)
    assert results[1].returncode == results[0].returncode
    assert _norm(results[1].stdout) == _norm(results[0].stdout)


def test_broken_pipe_on_stderr(lab, tmp_path):
    """pip ... 2>&1 | head -c0: stderr is a pipe nobody reads."""
    results = []
    for explain in (False, True):
        for fmt in ("text", "json"):
            out = tmp_path / ("out-%s-%s" % (explain, fmt))
            env = _env(lab, explain=explain, extra={"PIP_EXPLAIN_FORMAT": fmt})
            with open(out, "w") as f:
                p = subprocess.Popen(_pip_cmd(lab), env=env, stdout=f, stderr=subprocess.PIPE, cwd="/")
                p.stderr.close()
                rc = p.wait(timeout=120)
            results.append((rc, _norm(out.read_text())))
    assert len(set(results)) == 1, results


def test_keyboard_interrupt_during_the_build(lab, tmp_path):
    """Ctrl-C (SIGINT to the process group) while the build runs."""
    outcome = []
    for explain in (False, True):
        marker = tmp_path / ("started-%s" % explain)
        env = _env(lab, explain=explain, extra={"PX_SLOW_MARKER": str(marker)})
        p = subprocess.Popen(_pip_cmd(lab), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             start_new_session=True, cwd="/")
        deadline = time.monotonic() + 60
        while not marker.exists() and time.monotonic() < deadline and p.poll() is None:
            time.sleep(0.05)
        assert marker.exists(), "the slow build did not start"
        os.killpg(p.pid, signal.SIGINT)
        out, err = p.communicate(timeout=60)
        outcome.append((p.returncode, _norm(out), err))
    (rc0, out0, err0), (rc1, out1, err1) = outcome
    assert rc1 == rc0, (rc0, rc1, err1)
    assert out1 == out0
    assert "pip_explain" not in err1 and "pip-explain" not in err1, err1


def test_two_pips_at_once(lab, tmp_path, baseline):
    """Two failing installs in the same environment at the same time."""
    projects = []
    for i in range(2):
        dest = tmp_path / ("p%d" % i) / "failpkg"
        shutil.copytree(lab / "failpkg", dest)
        projects.append(dest)
    procs = [subprocess.Popen(_pip_cmd(lab, proj), env=_env(lab), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, cwd="/") for proj in projects]
    for p, _proj in zip(procs, projects):
        out, err = p.communicate(timeout=120)
        assert p.returncode == baseline.returncode
        assert err.count("pip-explain: python-headers-missing") == 1, err
        assert "Traceback" not in err


def test_read_only_site_packages(lab, baseline, tmp_path):
    """pip-explain's files on a read-only mount (no __pycache__ can be written)."""
    if not shutil.which("unshare"):
        pytest.skip("unshare(1) not installed")
    ro = tmp_path / "ro"
    shutil.copytree(SRC, ro / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(lab / "hook" / "pip_explain.pth", ro / "hook.pth")
    hook = ro / "hookdir"
    hook.mkdir()
    shutil.copy(lab / "hook" / "pip_explain.pth", hook / "pip_explain.pth")
    env = _env(lab, hook_dir=hook)
    env["PYTHONPATH"] = os.pathsep.join([str(lab / "inject"), str(ro / "src")])
    script = 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" && shift && exec "$@"'
    probe = subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c", script + " 2>/dev/null",
                            "sh", str(ro), "true"], capture_output=True, timeout=60)
    if probe.returncode != 0:
        pytest.skip("no private mount namespace here")
    r = _run(["unshare", "-m", "--propagation", "private", "sh", "-c", script, "sh", str(ro)] + _pip_cmd(lab), env)
    extra = _same_as_baseline(baseline, r)
    assert "pip-explain: python-headers-missing" in extra, extra
    assert not list((ro / "src").rglob("__pycache__")), "wrote into the read-only tree?"
    q = _run(["unshare", "-m", "--propagation", "private", "sh", "-c", script, "sh", str(ro), sys.executable,
              "-c", "pass"], env)
    assert (q.returncode, q.stdout, q.stderr) == (0, "", "")


# -- a future pip: call_subprocess / Command.main gone or different ----------

FAKE_PIP = {
    "no-call-subprocess": ("def run_it(cmd):\n    return 'ran ' + cmd\n", None),
    "other-signature": ("class InstallationError(Exception):\n    pass\n"
                        "def call_subprocess(cmd, *, spinner=None, stdout_only=False):\n"
                        "    raise InstallationError('boom: ' + cmd)\n", None),
    "not-a-function": ("class InstallationError(Exception):\n    pass\n"
                       "class _C:\n    def __call__(self, *a, **k):\n        raise InstallationError('x')\n"
                       "call_subprocess = _C()\n", None),
    "main-staticmethod": (None, "class Command:\n    @staticmethod\n    def main(args):\n        return len(args)\n"),
    "main-classmethod": (None, "class Command:\n    @classmethod\n    def main(cls, args):\n        return len(args)\n"),
    "main-no-args": (None, "class Command:\n    def main(self):\n        return 3\n"),
    "main-keyword-only": (None, "class Command:\n    def main(self, *, argv):\n        return len(argv)\n"),
    "main-returns-object": (None, "class Command:\n    def main(self, args):\n        return {'status': 1}\n"),
    "main-inherited": (None, "class Base:\n    def main(self, args):\n        return 2\nclass Command(Base):\n"
                             "    pass\n"),
    "no-command": (None, "class Cmd:\n    def main(self, args):\n        return 4\n"),
    "main-property": (None, "class Command:\n    @property\n    def main(self):\n        return lambda a: 5\n"),
}

DRIVER = textwrap.dedent('''
    import inspect
    import pip._internal.utils.subprocess as s
    import pip._internal.cli.base_command as b
    out = []
    cs = getattr(s, "call_subprocess", None)
    if cs is not None:
        try:
            cs("cc -c x.c")
        except Exception as e:
            out.append("%s: %s" % (type(e).__name__, e))
    C = getattr(b, "Command", None)
    if C is not None:
        m = C.__dict__.get("main")
        kind = type(m).__name__
        try:
            if kind == "staticmethod" or kind == "classmethod":
                out.append(repr(C.main([1, 2])))
                out.append(repr(C().main([1, 2, 3])))
            elif isinstance(m, property):
                out.append(repr(C().main(1)))
            elif "argv" in str(inspect.signature(C.main)):
                out.append(repr(C().main(argv=[1])))
            else:
                try:
                    out.append(repr(C().main([1])))
                except TypeError:
                    out.append(repr(C().main()))
        except Exception as e:
            out.append("%s: %s" % (type(e).__name__, e))
    print("\\n".join(out))
''')


@pytest.mark.parametrize("variant", sorted(FAKE_PIP))
def test_future_pip_with_other_internals(lab, tmp_path, variant):
    sub_src, cmd_src = FAKE_PIP[variant]
    root = tmp_path / "fakepip"
    for d in ("pip", "pip/_internal", "pip/_internal/utils", "pip/_internal/cli"):
        (root / d).mkdir(parents=True)
        (root / d / "__init__.py").write_text("")
    (root / "pip/_internal/utils/subprocess.py").write_text(sub_src or "def call_subprocess(cmd):\n    return 0\n")
    (root / "pip/_internal/cli/base_command.py").write_text(
        cmd_src or "class Command:\n    def main(self, args):\n        return 0\n")
    results = []
    for explain in (False, True):
        env = _env(lab, explain=explain, pythonpath=[root], extra={"PIP_EXPLAIN_DEBUG": "1"})
        results.append(_run([sys.executable, "-c", DRIVER], env))
    off, on = results
    assert off.returncode == 0, off.stderr
    assert (on.returncode, on.stdout, on.stderr) == (off.returncode, off.stdout, off.stderr)


def test_verbose_traceback_is_pips_own(lab, tmp_path):
    """With -v (and --log) pip logs the traceback of a build error that went
    through pip-explain's call_subprocess wrapper: it must show pip's frames
    only, as without pip-explain (found with pip 20.3.4's setup.py install)."""
    proj = tmp_path / "metafail"
    proj.mkdir()
    (proj / "pyproject.toml").write_text(
        '[build-system]\nrequires = []\nbuild-backend = "failing_backend"\nbackend-path = ["."]\n'
        '[project]\nname = "metafail"\nversion = "1.0"\n')
    (proj / "failing_backend.py").write_text(BACKEND.replace("def build_wheel(", "def get_requires_for_build_wheel("
                                                             "config_settings=None):\n    return build_wheel(None)\n\n"
                                                             "def build_wheel(", 1))
    log = tmp_path / "pip.log"
    cmd = _pip_cmd(lab, proj) + ["-vv", "--log", str(log)]  # pip >= 22: -vv for DEBUG
    alone = _run(cmd, _env(lab, explain=False))
    log_alone = log.read_text()
    log.unlink()
    assert "Exception information:" in log_alone and "Traceback" in log_alone, log_alone[-3000:]
    with_px = _run(cmd, _env(lab))
    extra = _same_as_baseline(_Timeless(alone), _Timeless(with_px))
    assert "pip-explain: python-headers-missing" in extra, extra
    stamp = re.compile(r"^\S+T[\d:,.]+ ", re.M)
    assert _norm(stamp.sub("", log.read_text())) == _norm(stamp.sub("", log_alone))


class _Timeless:
    """A run with pip's timing figures evened out (-v prints some)."""

    _TIMES = re.compile(r"\b\d+(?:\.\d+)?(?:s| seconds)\b")

    def __init__(self, run):
        self.returncode = run.returncode
        self.stdout = self._TIMES.sub("<t>", run.stdout)
        self.stderr = self._TIMES.sub("<t>", run.stderr)
