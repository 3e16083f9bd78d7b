"""Invariance (issue 6, point 1): pip stays pip with pip-explain installed.

Each case runs the same pip command twice in the same venv: with
``PIP_EXPLAIN=0`` (pip on its own) and with pip-explain on. Exit code and
stdout must be identical (after :func:`harness.normalise`, which only evens
out what differs between two runs of pip alone: temp names, download
progress, spinner frames on a terminal), pip's stderr must be a prefix of the
stderr with pip-explain, and what is appended is a panel after a failure and
nothing at all after a success. With ``--log FILE`` the log files must match
too (timestamps evened out).

Cases: a failing build (netifaces, C compiler hidden) and a successful
install (a local wheel), in every mode: default (pipes, not a TTY), ``-v``,
``-q``, ``--log FILE``, ``--no-color``, and stdout and stderr on
pseudo-terminals; plus ``pip wheel``, ``pip download``, an editable install,
``python -m pip``, pip run from its own wheel as a zip and pip called as a
library, failing and succeeding where that applies.

The default run takes the newest pip; ``tox -e invariance`` runs pip 20.3.4,
21.3.1, 22.0.4, 22.3.1, 23.3.2, 24.0, 24.3.1, 25.2, 25.3, 26.0.1 and 26.3
(``PIP_EXPLAIN_PIPS`` in tox.ini), on Python 3.11.
"""
from __future__ import annotations

import re
import shutil
import tarfile
from pathlib import Path

import pytest

import harness
from harness import LATEST_PIP
from test_live_failures import COMPILER_MISSING, Evidence, _check_pip_output_unchanged

MODES = ("default", "-v", "-q", "--log", "--no-color", "pty")
FAIL = COMPILER_MISSING

_LOG_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[,.]\d+ ?", re.M)


def _combos():
    return [pytest.param(c, id=harness.combo_id(c)) for c in harness.combos((("3.11", LATEST_PIP),))]


def _pair(runner, venv, args, ev, label, hide=harness.Hide(), tty=False, python=False, log=None):
    """pip alone, then with pip-explain; returns (alone, with, logs). The
    directories a command writes into (-d, -w) are emptied before each run."""
    out, logs = [], []
    outputs = [Path(a) for prev, a in zip(args, args[1:]) if prev in ("-d", "-w")]
    for tag, env in (("alone", {"PIP_EXPLAIN": "0"}), ("explained", {})):
        for d in outputs:
            shutil.rmtree(d, ignore_errors=True)
        if log is not None and log.exists():
            log.unlink()
        r = ev.add("%s-%s" % (label, tag), runner.run(venv, args, env=env, hide=hide, tty=tty, python=python))
        out.append(r)
        if log is not None:
            assert log.exists(), "%s: no log written%s" % (label, ev.where())
            shutil.copy(log, ev.dir / ("%s-%s.log" % (label, tag)))
            logs.append(_LOG_TIME.sub("", log.read_text(errors="replace")))
    return out[0], out[1], logs


def _invariant(alone, explained, replace, ev, label, failure):
    """The checks every case makes; returns what pip-explain appended."""
    extra = _check_pip_output_unchanged(alone, explained, label, replace, ev)
    assert "Traceback" not in extra, "%s: traceback appended%s" % (label, ev.where())
    if failure:
        assert alone.rc != 0, "%s: pip alone did not fail (case broken?)%s" % (label, ev.where())
        assert "pip-explain" in extra, "%s: no panel appended after a failure%s" % (label, ev.where())
    else:
        assert alone.rc == 0, "%s: pip alone failed (case broken?)\n%s%s" % (label, alone.describe()[-3000:],
                                                                             ev.where())
        assert extra == "", "%s: a success printed something extra: %r%s" % (label, extra[:500], ev.where())
    return extra


def _mode_args(mode, log):
    return {"default": [], "-v": ["-v"], "-q": ["-q"], "--log": ["--log", str(log)], "--no-color": ["--no-color"],
            "pty": []}[mode]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("combo", _combos())
def test_failing_build_every_mode(combo, mode, explain_venv, sdist, pip_runner, tmp_path):
    ev = Evidence(tmp_path)
    venv = explain_venv(*combo)
    log = tmp_path / "pip.log"
    args = ["install", sdist(FAIL.package, FAIL.version)] + _mode_args(mode, log)
    alone, explained, logs = _pair(pip_runner, venv, args, ev, "fail", hide=FAIL.hide(venv), tty=mode == "pty",
                                   log=log if mode == "--log" else None)
    replace = {str(venv.path): "<venv>", str(pip_runner.workdir): "<work>", str(tmp_path): "<tmp>"}
    assert re.search(FAIL.decisive, alone.stdout + alone.stderr + "".join(logs)), (
        "pip alone did not fail for want of a compiler (case broken?)" + ev.where())
    _invariant(alone, explained, replace, ev, mode, failure=True)
    if logs:
        a, b = harness.normalise(logs[0], replace), harness.normalise(logs[1], replace)
        assert a == b, "--log: the log files differ\n%s%s" % (harness.first_difference(a, b), ev.where())


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("combo", _combos())
def test_successful_install_every_mode(combo, mode, explain_venv, fresh_venv, pip_runner, tmp_path):
    ev = Evidence(tmp_path)
    template = explain_venv(*combo)
    wheel = harness.make_wheel(tmp_path / "dist")
    log = tmp_path / "pip.log"
    runs, logs = [], []
    for tag, env in (("alone", {"PIP_EXPLAIN": "0"}), ("explained", {})):
        venv = fresh_venv(template)  # the same path each time: the install really happens twice
        if log.exists():
            log.unlink()
        runs.append(ev.add("ok-" + tag, pip_runner.run(venv, ["install", "--no-index", wheel] + _mode_args(mode, log),
                                                       env=env, tty=mode == "pty")))
        if mode == "--log":
            shutil.copy(log, ev.dir / ("ok-%s.log" % tag))
            logs.append(_LOG_TIME.sub("", log.read_text(errors="replace")))
    replace = {str(venv.path): "<venv>", str(tmp_path): "<tmp>"}
    _invariant(runs[0], runs[1], replace, ev, mode, failure=False)
    if logs:
        assert harness.normalise(logs[0], replace) == harness.normalise(logs[1], replace), "--log: the log files differ" + ev.where()


# --------------------------------------------------------------------------
# other ways of running pip

def _pip_wheel_file(venv, runner, tmp_path, ev):
    """pip's own wheel, of the venv's pip version (for running pip as a zip)."""
    version = harness.check([venv.python, "-c", "import pip; print(pip.__version__)"], "pip version").stdout.strip()
    dest = tmp_path / "pipwheel"
    r = ev.add("pip-download", runner.run(venv, ["download", "--no-deps", "--only-binary", ":all:", "-d", dest,
                                                 "pip==" + version]))
    assert r.rc == 0, r.describe()
    return next(dest.glob("pip-*.whl"))


def _develop_shim(label, alone):
    """pip < 21.3 installs editables with `setup.py develop`, which today's
    setuptools turns into `python -m pip install -e .` inside pip's build
    environment, where there is no pip: the editable build then fails before
    the compiler is reached (pip alone; pip-explain says "unrecognized")."""
    return label == "editable-fails" and "No module named pip" in alone.stdout + alone.stderr


LIBRARY = ("import sys\n"
           "from pip._internal.cli.main import main\n"
           "sys.exit(main(sys.argv[1:]))\n")


@pytest.mark.parametrize("combo", _combos())
def test_other_ways_of_running_pip(combo, explain_venv, sdist, pip_runner, wheelhouse, tmp_path):
    ev = Evidence(tmp_path)
    venv = explain_venv(*combo)
    failing = sdist(FAIL.package, FAIL.version)
    hide = FAIL.hide(venv)
    replace = {str(venv.path): "<venv>", str(pip_runner.workdir): "<work>", str(tmp_path): "<tmp>"}
    # an unpacked source tree for the editable install
    src = tmp_path / "src"
    with tarfile.open(failing) as tar:
        tar.extractall(src)
    tree = next(src.iterdir())
    script = tmp_path / "pip_as_library.py"
    script.write_text(LIBRARY)
    zipped = _pip_wheel_file(venv, pip_runner, tmp_path, ev)
    okwheel = harness.make_wheel(tmp_path / "dist")
    wheel_out = tmp_path / "wheels"
    cases = [
        # label, args, python (else bin/pip), failure expected
        ("pip-wheel-fails", ["wheel", "--no-deps", "-w", wheel_out, failing], False, True),
        ("pip-download-ok", ["download", "--no-deps", "--no-binary", ":all:", "-d", tmp_path / "dl", failing],
         False, False),
        ("editable-fails", ["install", "-e", tree], False, True),
        ("python-m-pip-fails", ["-m", "pip", "install", failing], True, True),
        ("python-m-pip-ok", ["-m", "pip", "download", "--no-deps", "--no-index", "-d", tmp_path / "dl2", okwheel],
         True, False),
        ("zip-fails", [zipped / "pip", "install", failing], True, True),
        ("zip-ok", [zipped / "pip", "download", "--no-deps", "--no-index", "-d", tmp_path / "dl3", okwheel],
         True, False),
        ("library-fails", [script, "install", failing], True, True),
        ("library-ok", [script, "download", "--no-deps", "--no-index", "-d", tmp_path / "dl4", okwheel], True,
         False),
    ]
    for label, args, python, failure in cases:
        alone, explained, _ = _pair(pip_runner, venv, args, ev, label, hide=hide, python=python)
        _invariant(alone, explained, replace, ev, label, failure)
        if failure and not _develop_shim(label, alone):
            assert re.search(FAIL.decisive, alone.stdout + alone.stderr), (
                "%s: pip alone did not fail for want of a compiler%s" % (label, ev.where()))
    # the successful pip wheel: a wheel really built, nothing appended
    okwheel_sdist = harness.make_sdist(tmp_path / "okdist")
    alone, explained, _ = _pair(pip_runner, venv, ["wheel", "--no-deps", "--no-index", "--find-links",
                                                   wheelhouse.for_python(venv.pyver), "-w", wheel_out, okwheel_sdist],
                                ev, "pip-wheel-ok")
    _invariant(alone, explained, replace, ev, "pip-wheel-ok", failure=False)
