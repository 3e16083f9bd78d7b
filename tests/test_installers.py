"""Other installers' frames in a saved log: uv, poetry, pdm, python -m build,
and pip run by pipenv, hatch and tox (logparse.segments, report.explain_log,
`pip-explain explain`).

The logs are real runs recorded here (tests/fixtures/logs/installer-*, made
by tests/fixtures/record/installers.sh: each installer from the package
index, netifaces 0.11.0 with every C compiler hidden, pyaudio 0.2.14 without
portaudio.h); the older uv and poetry wordings are quoted from the tools'
own documentation and public issue threads (named at each)."""
import json
import os

import pytest

from conftest import FIXTURES
from pip_explain import cli
from pip_explain.enrich.platform import Platform
from pip_explain.logparse import LogFile, segments
from pip_explain.report import explain_lines, explain_log, explain_saved_log

LOGS = os.path.join(FIXTURES, "logs")
DEBIAN = Platform("linux", "debian", (), "12", "Debian GNU/Linux 12", "apt", sudo=True)

# fixture -> (installer, package, version, step, retry)
CASES = {
    "installer-uv-pip-netifaces": ("uv", "netifaces", "0.11.0",
                                   "Building wheel for netifaces (uv: setuptools.build_meta:__legacy__.build_wheel)",
                                   "uv pip install netifaces==0.11.0"),
    "installer-uv-add-netifaces": ("uv", "netifaces", "0.11.0",
                                   "Building wheel for netifaces (uv: setuptools.build_meta:__legacy__.build_wheel)",
                                   "uv add netifaces==0.11.0"),
    "installer-uv-pip-netifaces__uv-0.4.30": ("uv", "netifaces", "0.11.0", "Building wheel for netifaces (uv: build_wheel)",
                                              "uv pip install netifaces==0.11.0"),
    "installer-poetry-netifaces__poetry-1.8.5": ("poetry", "netifaces", "0.11.0",
                                                 "Building wheel for netifaces (poetry: build_wheel)", "poetry install"),
    "installer-uv-pip-pyaudio": ("uv", "pyaudio", "0.2.14",
                                 "Building wheel for pyaudio (uv: setuptools.build_meta.build_wheel)",
                                 "uv pip install pyaudio==0.2.14"),
    "installer-poetry-netifaces": ("poetry", "netifaces", "0.11.0", "Building wheel for netifaces (poetry: build_wheel)",
                                   "poetry install"),
    "installer-poetry-pyaudio": ("poetry", "pyaudio", "0.2.14", "Building wheel for pyaudio (poetry: build_wheel)",
                                 "poetry install"),
    "installer-pdm-netifaces": ("pdm", "netifaces", "0.11.0", "Building wheel for netifaces (pdm: build_wheel)",
                                "pdm install"),
    "installer-pdm-pyaudio": ("pdm", "pyaudio", "0.2.14", "Building wheel for pyaudio (pdm: build_wheel)", "pdm install"),
    "installer-build-netifaces": ("build", "netifaces", None, "Building wheel for netifaces (build: build_wheel)",
                                  "python -m build"),
    "installer-pipenv-netifaces": ("pipenv", "netifaces", "0.11.0", "Building wheel for netifaces (pyproject.toml)",
                                   "pipenv install"),
    "installer-hatch-netifaces": ("hatch", "netifaces", None, "Building wheel for netifaces (pyproject.toml)",
                                  "hatch env create"),
    "installer-tox-netifaces": ("tox", "netifaces", "0.11.0", "Building wheel for netifaces (pyproject.toml)",
                                "tox -e py"),
}


def _lines(name):
    with open(os.path.join(LOGS, name + ".log"), encoding="utf-8") as f:
        return f.read().splitlines()


@pytest.mark.parametrize("name", sorted(CASES))
def test_recorded_frame(name):
    installer, package, version, step, retry = CASES[name]
    for source in (_lines(name), LogFile(os.path.join(LOGS, name + ".log"))):
        found = segments(source)
        assert len(found) == 1, found
        seg = found[0]
        assert (seg.installer, seg.package, seg.version, seg.step, seg.retry) == (installer, package, version, step,
                                                                                   retry)
    with open(os.path.join(LOGS, name + ".json"), encoding="utf-8") as f:
        meta = json.load(f)
    explained, said = explain_saved_log(_lines(name), DEBIAN)
    d = explained[0]
    assert d.diagnosis is not None and d.diagnosis.cause == meta["cause"]
    assert (d.package, d.version, d.step) == (package, version, step)
    assert said == retry


def test_streamed_lines_equal_listed():
    for name in CASES:
        listed = segments(_lines(name))[0]
        streamed = segments(LogFile(os.path.join(LOGS, name + ".log")))[0]
        assert list(streamed.lines) == list(listed.lines)
        assert streamed.first_line == listed.first_line


def test_poetry_bars_are_removed():
    seg = segments(_lines("installer-poetry-netifaces"))[0]
    assert not any(line.lstrip().startswith("|") for line in seg.lines)
    assert "error: [Errno 2] No such file or directory: 'gcc'" in [line.strip() for line in seg.lines]


def test_pdm_wrapped_line_is_joined():
    seg = segments(_lines("installer-pdm-pyaudio"))[0]
    joined = [line for line in seg.lines if "portaudio.h: No such file or directory" in line]
    assert joined and joined[0].startswith("src/pyaudio/device_api.c:9:10: fatal error")
    assert len(list(seg.lines)) == len(set(range(len(list(seg.lines)))))  # line numbers kept (empty continuations)


# uv's graphical report (uv's documentation, "Troubleshooting build failures", docs/reference/troubleshooting/
# build-failures.md: `uv pip install -p 3.13 'numpy<1.20'`)
UV_GRAPHICAL = """Resolved 1 package in 62ms
  × Failed to build `numpy==1.19.5`
  ├─▶ The build backend returned an error
  ╰─▶ Call to `setuptools.build_meta:__legacy__.build_wheel()` failed (exit status: 1)

      [stderr]
      Traceback (most recent call last):
        File "<string>", line 8, in <module>
          from setuptools.build_meta import __legacy__ as backend
        File "/home/konsti/.cache/uv/builds-v0/.tmpi4bgKb/lib/python3.13/site-packages/setuptools/__init__.py", line 9, in <module>
          import distutils.core
      ModuleNotFoundError: No module named 'distutils'

      hint: `distutils` was removed from the standard library in Python 3.12. Consider adding a constraint (like `numpy >1.19.5`) to avoid building a version of `numpy` that depends
      on `distutils`.
""".splitlines()

# uv before 0.5 (astral-sh/uv#8727, `uv add transformers`)
UV_CAUSED_BY = """Resolved 19 packages in 26ms
error: Failed to prepare distributions
  Caused by: Failed to download and build `tokenizers==0.20.1`
  Caused by: Build backend failed to build wheel through `build_wheel` (exit status: 1)

[stdout]
Running `maturin pep517 build-wheel -i /home/user/.cache/uv/builds-v0/.tmpplqTLO/bin/python --compatibility off`

[stderr]
💥 maturin failed
  Caused by: Cargo metadata failed. Do you have cargo in your PATH?
  Caused by: No such file or directory (os error 2)
Error: command ['maturin', 'pep517', 'build-wheel', '-i', '/home/user/.cache/uv/builds-v0/.tmpplqTLO/bin/python', '--compatibility', 'off'] returned non-zero exit status 1
""".splitlines()

# poetry 1.x in a Docker build (huggingface/dataset-viewer#3091)
POETRY_1 = """9.917   ChefBuildError
9.917
9.917   Backend subprocess exited when trying to invoke build_wheel
9.917
9.917   running bdist_wheel
9.917   running build
9.917   running build_clib
9.917   building 'libmarisa-trie' library
9.917   g++ -Wno-unused-result -Wsign-compare -DNDEBUG -g -fwrapv -O3 -Wall -fPIC -Imarisa-trie/lib -Imarisa-trie/include -c marisa-trie/lib/marisa/agent.cc -o build/temp.linux-aarch64-cpython-39/marisa-trie/lib/marisa/agent.o
9.917   error: command 'g++' failed: No such file or directory
9.917
9.917
9.917   at /usr/local/lib/python3.9/site-packages/poetry/installation/chef.py:164 in _prepare
""".splitlines()


def test_uv_graphical():
    seg = segments(UV_GRAPHICAL)[0]
    assert (seg.installer, seg.package, seg.version) == ("uv", "numpy", "1.19.5")
    assert seg.step == "Building wheel for numpy (uv: setuptools.build_meta:__legacy__.build_wheel)"
    assert seg.retry == "uv pip install numpy==1.19.5"
    e = explain_log(UV_GRAPHICAL, DEBIAN)[0]
    assert e.diagnosis.cause == "distutils-missing" and e.version == "1.19.5"


def test_uv_caused_by():
    seg = segments(UV_CAUSED_BY)[0]
    assert (seg.installer, seg.package, seg.version) == ("uv", "tokenizers", "0.20.1")
    assert seg.step == "Building wheel for tokenizers (uv: build_wheel)"
    assert seg.retry == "uv sync"
    e = explain_log(UV_CAUSED_BY, DEBIAN)[0]
    # maturin's "Cargo metadata failed" has no rule yet: unrecognized, never a wrong cause
    assert e.diagnosis is None or e.diagnosis.cause == "rust-missing"
    assert e.package == "tokenizers" and (e.diagnosis is not None or e.decisive)


def test_uv_0_4_body_keeps_setuptools_warnings():
    lines = UV_CAUSED_BY[:6] + ["warning: no previously-included files matching '*.pyc' found anywhere in distribution",
                                "error: command 'gcc' failed: No such file or directory", "",
                                "hint: This usually indicates a problem with the package or the build environment."]
    seg = segments(lines)[0]
    assert list(seg.lines)[-2:] == ["error: command 'gcc' failed: No such file or directory", ""]


def test_poetry_1_in_docker():
    seg = segments(POETRY_1)[0]
    assert seg.installer == "poetry" and seg.step == "Building wheel (poetry: build_wheel)"
    e = explain_log(POETRY_1, DEBIAN)[0]
    assert e.diagnosis.cause == "cxx-compiler-missing"


def test_ways_out_in_the_installers_words():
    from pip_explain.logparse import Segment
    from pip_explain.report import _framed

    e = explain_lines(["Error: pg_config executable not found."], DEBIAN, "psycopg2", "2.9.9")
    assert e.alternatives[0].command == "pip install psycopg2-binary"
    for installer, retry, words in (("poetry", "poetry install", "poetry add psycopg2-binary"),
                                    ("uv", "uv add psycopg2==2.9.9", "uv add psycopg2-binary"),
                                    ("uv", "uv pip install psycopg2==2.9.9", "uv pip install psycopg2-binary"),
                                    ("pdm", "pdm install", "pdm add psycopg2-binary"),
                                    ("pipenv", "pipenv install", "pipenv install psycopg2-binary")):
        seg = Segment("x", 1, [], "psycopg2", "2.9.9", installer, retry)
        assert _framed(e, seg).alternatives[0].command == words


def test_a_command_line_in_the_log_is_the_retry():
    lines = ["$ uv pip install --python 3.12 'netifaces==0.11.0'"] + _lines("installer-uv-pip-netifaces")
    assert segments(lines)[0].retry == "uv pip install --python 3.12 'netifaces==0.11.0'"


def test_pip_logs_have_no_installer_retry():
    with open(os.path.join(LOGS, "c-compiler-missing__pip-26.3.log"), encoding="utf-8") as f:
        seg = segments(f.read().splitlines())[0]
    assert seg.installer == "pip" and seg.retry is None
    assert (seg.package, seg.version) == ("netifaces", "0.11.0")  # from pip's "Processing .../netifaces-0.11.0.tar.gz"


def test_explain_cli_names_package_version_step_and_retry(capsys):
    assert cli.main(["explain", os.path.join(LOGS, "installer-uv-pip-netifaces.log")]) == 0
    out = capsys.readouterr().out
    assert "netifaces 0.11.0 contains C code" in out
    assert "Building wheel for netifaces (uv: setuptools.build_meta:__legacy__.build_wheel), line 38" in out
    assert "retry: uv pip install netifaces==0.11.0" in out
    assert cli.main(["explain", "--format", "json", os.path.join(LOGS, "installer-poetry-pyaudio.log")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["retry"] == "poetry install"
    assert (data["diagnoses"][0]["package"], data["diagnoses"][0]["version"]) == ("pyaudio", "0.2.14")


def test_a_metadata_step_that_names_no_package_is_the_sdist_fetched_last():
    """pip >= 22's "× python setup.py egg_info did not run successfully." and
    "× Getting requirements to build wheel did not run successfully." name no
    package: it is the sdist pip fetched right before (rocketcea, pyproj,
    mysqlclient inside a Docker build)."""
    blind = os.path.join(FIXTURES, "blind")
    for rel, name, version in (
            ("b12-rust-fortran-cuda/11-rocketcea-py312-no-numpy-distutils.log", "rocketcea", "1.1.34"),
            ("b12-linux-longtail/04-pyproj-raspbian-bullseye-proj-exe.log", "pyproj", "3.5.0"),
            ("b6-recent-issues/18-mysqlclient-pkgconfig-docker-redash.log", "mysqlclient", "2.2.0")):
        with open(os.path.join(blind, rel), encoding="utf-8") as f:
            segs = segments(f.read().splitlines())
        assert [(s.package, s.version) for s in segs] == [(name, version)]


def test_an_excerpt_without_frames_names_the_package_it_says_failed():
    """A paste of the last lines only, with no frame of pip's around them,
    still ends with pip's "Failed building wheel for X" (or "Failed to build
    X"): the retry names X instead of a placeholder."""
    blind = os.path.join(FIXTURES, "blind")
    for rel, name in (
            ("b19-package-bugs/20-pytest-dependency-win-arm64-setuptools81-copy-file-dry-run.log", "pytest-dependency"),
            ("b19-windows-new/01-selenium-driverless-frozenlist-py312-no-msvc.log", "frozenlist")):
        with open(os.path.join(blind, rel), encoding="utf-8") as f:
            explained, _ = explain_saved_log(f.read().splitlines(), DEBIAN)
        assert explained[0].diagnosis is not None
        assert explained[0].package == name, rel


PIPX = os.path.join(FIXTURES, "pipx")
PIPX_FILE = "cmd_2026-12-07_21.50.47_pip_errors.log"


def _pipx_summary(tmp_path, here):
    """pipx's recorded summary, its pointer moved to tmp_path (where pip's whole output is put when ``here``)."""
    logs = tmp_path / "pipx" / "logs"
    logs.mkdir(parents=True)
    if here:
        with open(os.path.join(PIPX, PIPX_FILE), "rb") as f:
            (logs / PIPX_FILE).write_bytes(f.read())
    with open(os.path.join(PIPX, "pipx-install-ethtool.log"), encoding="utf-8") as f:
        text = f.read().replace("/home/user/.local/pipx/logs/" + PIPX_FILE, str(logs / PIPX_FILE))
    summary = tmp_path / "pipx-output.log"
    summary.write_text(text, encoding="utf-8")
    return str(summary), str(logs / PIPX_FILE)


def test_pipx_summary_is_explained_from_the_file_it_names(tmp_path, capsys):
    from pip_explain.logparse import pipx_pip_log

    summary, full = _pipx_summary(tmp_path, here=True)
    with open(summary, encoding="utf-8") as f:
        assert pipx_pip_log(f) == full
    assert cli.main(["explain", "--format", "json", summary]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["cause"], out["detail"]) == ("config-tool-missing", "libnl-3.0")
    assert any(full in note for note in out["platform"]["notes"])


def test_pipx_summary_without_the_file_names_it(tmp_path, capsys):
    summary, full = _pipx_summary(tmp_path, here=False)
    assert cli.main(["explain", summary]) == 0
    out = capsys.readouterr().out
    assert "does not recognize" in out and "not on this machine" in out and os.path.basename(full) in out


def test_pipx_pointer_is_only_pipx_own_file_name(tmp_path):
    from pip_explain.logparse import pipx_full_log, pipx_pip_log

    # a log naming any other file is not followed
    assert pipx_pip_log(["Fatal error from pip prevented installation. Full pip output in file:",
                         "    /etc/passwd"]) is None
    pointer = "Fatal error from pip prevented installation. Full pip output in file:"
    named = str(tmp_path / PIPX_FILE)
    assert pipx_full_log([pointer, "    " + named]) == (named, False)  # absent
    (tmp_path / PIPX_FILE).mkdir()
    assert pipx_full_log([pointer, "    " + named]) == (named, False)  # a directory
    # ... the path on the pointer's own line too
    assert pipx_full_log([pointer + " " + named]) == (named, False)


def test_pipx_summary_under_run_is_explained_from_the_file_it_names(tmp_path):
    from pip_explain import run

    summary, _full = _pipx_summary(tmp_path, here=True)
    found = run.explain_output(summary, ["pipx", "install", "ethtool==0.15"])
    assert found is not None
    shown, retry, _platform = found
    assert (shown[0].diagnosis.cause, shown[0].diagnosis.detail) == ("config-tool-missing", "libnl-3.0")
    assert retry == "pipx install ethtool==0.15"
