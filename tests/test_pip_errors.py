"""Build failures pip reports without a failed build subprocess behind them
(an unimportable backend, build dependencies pip installs in-process, a
wheel the backend did not write) end with a panel; failures that are not
builds do not; a failure both paths see gets one panel.

Real pip runs on tiny local projects (offline, ~1 s each), with this
interpreter's own pip and with pip releases unpacked from their wheels
(downloaded once into the test cache; the test is skipped without network).
pip-explain is loaded as in tests/test_faults.py: a ``sitecustomize`` adds a
directory holding ``pip_explain.pth``. Every run is compared with the same
command under pip-explain's kill switch: exit code and stdout equal, stderr
only appended to.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from conftest import SRC

pytest.importorskip("pip")

import importlib  # noqa: E402

_pip = importlib.import_module("pip_explain._pip")

SITECUSTOMIZE = textwrap.dedent('''
    import os, site, sys
    # an installed pip-explain (tox) is kept out by PIP_EXPLAIN=0 at start-up;
    # the switch the test asked for applies from here on
    os.environ["PIP_EXPLAIN"] = os.environ.get("PX_EXPLAIN", "1")
    sys.modules.pop("_pip_explain", None)
    site.addsitedir(os.environ["PX_HOOK_DIR"])
''')

# Backends in the project's tree (backend-path), so no build requirement is needed.
PROJECTS = {
    # the backend cannot be imported: the hook process reports BackendUnavailable
    "unimportable": {
        "pyproject.toml": '[build-system]\nrequires = []\nbuild-backend = "broken_backend"\nbackend-path = ["."]\n',
        "broken_backend.py": "import px_absent_build_module  # noqa\n",
    },
    # a build requirement no index has (with --no-index: none at all)
    "missingdep": {
        "pyproject.toml": '[build-system]\nrequires = ["px-absent-build-dep==1.0"]\n'
                          'build-backend = "setuptools.build_meta"\n',
        "setup.cfg": "[metadata]\nname = missingdep\nversion = 1.0\n",
    },
    # prepare_metadata_for_build_wheel fails in the hook process (a call_subprocess failure)
    "metahook": {
        "pyproject.toml": '[build-system]\nrequires = []\nbuild-backend = "meta_backend"\nbackend-path = ["."]\n',
        "meta_backend.py": textwrap.dedent('''
            import sys

            def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
                print("error: can't find Rust compiler", file=sys.stderr)
                sys.exit(1)

            def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
                sys.exit(1)
        '''),
    },
    # the backend asks for another version of a build requirement than pyproject.toml installed
    # (pymssql 2.3.0's setuptools_scm, recorded live: bench/results/live-batch1.txt)
    "conflictdep": {
        "pyproject.toml": '[build-system]\nrequires = ["pxdep==1.0"]\nbuild-backend = "asks_backend"\n'
                          'backend-path = ["."]\n',
        "asks_backend.py": textwrap.dedent('''
            def get_requires_for_build_wheel(config_settings=None):
                return ["pxdep>=2"]

            def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
                raise SystemExit(1)
        '''),
    },
    # build_wheel "succeeds" without writing the wheel it names
    "nowheel": {
        "pyproject.toml": '[build-system]\nrequires = []\nbuild-backend = "odd_backend"\nbackend-path = ["."]\n',
        "odd_backend.py": textwrap.dedent('''
            import os

            def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
                d = os.path.join(metadata_directory, "nowheel-1.0.dist-info")
                os.makedirs(d)
                with open(os.path.join(d, "METADATA"), "w") as f:
                    f.write("Metadata-Version: 2.1\\nName: nowheel\\nVersion: 1.0\\n")
                return "nowheel-1.0.dist-info"

            def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
                return "nowheel-1.0-py3-none-any.whl"
        '''),
    },
}

OWN = "own"  # this interpreter's pip


def _cache() -> Path:
    explicit = os.environ.get("PIP_EXPLAIN_TEST_CACHE")
    base = explicit or os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"),
                                    "pip-explain-tests")
    root = Path(base) / "pip-unpacked"
    root.mkdir(parents=True, exist_ok=True)
    return root


def _pip_dir(version):
    """A directory holding pip ``version`` (its wheel unpacked), for PYTHONPATH."""
    if version == OWN:
        return None
    target = _cache() / version
    if (target / "pip" / "__init__.py").exists():
        return target
    download = _cache() / ("download-" + version)
    r = subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:",
                        "pip==" + version, "-d", str(download)], capture_output=True, text=True, timeout=300)
    wheels = list(download.glob("pip-%s-*.whl" % version))
    if r.returncode != 0 or not wheels:
        pytest.skip("cannot download pip %s: %s" % (version, (r.stderr or r.stdout).strip()[-200:]))
    tmp = _cache() / (".%s.%d" % (version, os.getpid()))
    shutil.rmtree(tmp, ignore_errors=True)
    with zipfile.ZipFile(wheels[0]) as z:
        z.extractall(tmp)
    if target.exists():
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        os.replace(tmp, target)
    return target


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    root = tmp_path_factory.mktemp("piperrors")
    for name, files in PROJECTS.items():
        proj = root / name
        proj.mkdir()
        for fname, text in files.items():
            (proj / fname).write_text(text)
    wheels = root / "wheels"  # pxdep 1.0, the build requirement of conflictdep
    wheels.mkdir()
    with zipfile.ZipFile(wheels / "pxdep-1.0-py3-none-any.whl", "w") as z:
        z.writestr("pxdep/__init__.py", "")
        z.writestr("pxdep-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: pxdep\nVersion: 1.0\n")
        z.writestr("pxdep-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\nGenerator: px\nRoot-Is-Purelib: true\n"
                   "Tag: py3-none-any\n")
        z.writestr("pxdep-1.0.dist-info/RECORD", "")
    hook = root / "hook"
    hook.mkdir()
    shutil.copy(os.path.join(SRC, "pip_explain.pth"), hook / "pip_explain.pth")
    inject = root / "inject"
    inject.mkdir()
    (inject / "sitecustomize.py").write_text(SITECUSTOMIZE)
    return root


def _env(lab, pip_dir, explain, extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "_PIP_EXPLAIN", "PX_"))}
    path = ([str(pip_dir)] if pip_dir else []) + [str(lab / "inject"), SRC]
    env.update({
        "PYTHONPATH": os.pathsep.join(path),
        "PX_HOOK_DIR": str(lab / "hook"),
        "PX_EXPLAIN": "1" if explain else "0",
        "PIP_EXPLAIN": "0",  # see SITECUSTOMIZE: PX_EXPLAIN decides
        "PIP_EXPLAIN_ORACLE": "0",
        "PIP_EXPLAIN_CHECKS": "0",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PIP_CONFIG_FILE": os.devnull,
        "PIP_NO_INPUT": "1",
        "TERM": "dumb",
        "COLUMNS": "80",
    })
    env.pop("FORCE_COLOR", None)
    env.update(extra or {})
    return env


_TMP = re.compile(r"/tmp/[^\s'\"]+|\d+\.\d+s\b")


def _norm(text):
    return _TMP.sub("<x>", text)


def _run_pip(lab, version, args, fmt="json"):
    """Run pip with and without pip-explain: (result with, what it appended)."""
    pip_dir = _pip_dir(version)
    cmd = [sys.executable, "-m", "pip", "install", "--no-index", "--no-cache-dir"] + args
    runs = []
    for explain in (False, True):
        extra = {"PIP_EXPLAIN_FORMAT": fmt} if explain else None
        runs.append(subprocess.run(cmd, env=_env(lab, pip_dir, explain, extra), capture_output=True, text=True,
                                   timeout=300, cwd=str(lab)))
    base, with_px = runs
    assert with_px.returncode == base.returncode, (base.returncode, with_px.returncode, with_px.stderr)
    assert _norm(with_px.stdout) == _norm(base.stdout)
    b, o = _norm(base.stderr), _norm(with_px.stderr)
    assert o.startswith(b), "pip's own stderr changed:\n--- without\n%s\n--- with\n%s" % (b, o)
    extra = o[len(b):]
    assert "Traceback" not in extra, extra
    return base, extra


def _panel(appended):
    assert appended.strip(), "no panel"
    return json.loads(appended.strip().splitlines()[-1])


def _pip_version(version):
    if version != OWN:
        return tuple(int(p) for p in version.split(".")[:2])
    import pip

    return tuple(int(p) for p in re.findall(r"\d+", pip.__version__)[:2])


@pytest.mark.parametrize("version", [OWN, "20.3.4", "26.3"])
def test_unimportable_backend_gets_a_panel(lab, version):
    """26.3: BackendUnavailableError (exit 1); <= 26.2: pyproject_hooks' (pep517's)
    BackendUnavailable, uncaught (exit 2). No build subprocess fails."""
    base, appended = _run_pip(lab, version, ["--no-build-isolation", str(lab / "unimportable")])
    assert base.returncode == (1 if _pip_version(version) >= (26, 3) else 2), base.stderr
    found = _panel(appended)
    assert found["cause"] == "build-dependency-missing", found
    assert found["detail"] == "px_absent_build_module"
    d = found["diagnoses"][0]
    assert d["evidence"][0]["text"].endswith("No module named 'px_absent_build_module'")
    assert d["step"].startswith("Calling build backend hook ")  # the hook pip called


def test_build_dependencies_installed_in_process(lab):
    """26.0+ --use-feature=inprocess-build-deps: BuildDependencyInstallError
    carries the resolver's error; no nested pip runs."""
    _, appended = _run_pip(lab, "26.3", ["--use-feature=inprocess-build-deps", str(lab / "missingdep")])
    found = _panel(appended)
    assert found["cause"] == "build-dependency-missing", found
    assert found["detail"] == "px-absent-build-dep"
    assert found["diagnoses"][0]["step"] == "installing build dependencies"


@pytest.mark.parametrize("version", ["26.3"])
def test_nested_build_dependency_pip_one_panel(lab, version):
    """The nested pip fails (a call_subprocess failure) and pip's final error
    (25.3+: FailedToPrepareCandidate) names it again: one panel."""
    _, appended = _run_pip(lab, version, [str(lab / "missingdep")])
    found = _panel(appended)
    assert found["cause"] == "build-dependency-missing", found
    assert len(found["diagnoses"]) + len(found["unrecognized"]) == 1, found


@pytest.mark.parametrize("version", [OWN, "26.3"])
def test_metadata_hook_failure_one_panel(lab, version):
    """MetadataGenerationFailed (22.0+) follows the hook's failed subprocess: one panel."""
    _, appended = _run_pip(lab, version, ["--no-build-isolation", str(lab / "metahook")], fmt="text")
    assert appended.count("pip-explain:") == 1, appended
    assert "pip-explain: rust-missing" in appended


@pytest.mark.parametrize("version", [OWN, "26.3"])
def test_wheel_not_written_is_unrecognized_but_named(lab, version):
    """InstallWheelBuildError (25.2+) / "Could not build wheels for X" after a
    build that raised in pip, not in a subprocess: an honest "unrecognized"."""
    _, appended = _run_pip(lab, version, ["--no-build-isolation", str(lab / "nowheel")])
    found = _panel(appended)
    assert found["cause"] == "other" and found["diagnoses"] == [], found
    assert [u["package"] for u in found["unrecognized"]] == ["nowheel"]
    assert found["unrecognized"][0]["step"] == "Building wheel"


@pytest.mark.parametrize("version", [OWN])
def test_not_a_build_failure_gets_no_panel(lab, version):
    base, appended = _run_pip(lab, version, ["px-absent-distribution-xyz"])
    assert base.returncode == 1 and "No matching distribution" in base.stderr
    assert appended == ""


@pytest.mark.parametrize("version", [OWN, "20.3.4", "26.3"])
def test_build_dependency_conflict_gets_a_panel(lab, version):
    """pip's own check of the build environment raises an InstallationError
    ("Some build dependencies for X conflict with the backend dependencies:
    pxdep==1.0 is incompatible with pxdep>=2."): no build subprocess failed."""
    base, appended = _run_pip(lab, version, ["--find-links", str(lab / "wheels"), str(lab / "conflictdep")])
    assert base.returncode == 1 and "conflict with the backend dependencies" in base.stderr, base.stderr
    found = _panel(appended)
    assert found["cause"] == "build-dependency-missing", found
    assert found["detail"] == "pxdep"
    assert found["diagnoses"][0]["step"] == "Installing build dependencies"


def test_name_from_a_link():
    assert _pip._name_version("file:///tmp/lab-cache/sdists/numpy-1.24.4.tar.gz") == ("numpy", "1.24.4")
    assert _pip._name_version("https://host/p/python_ldap-3.4.0.zip#sha256=00") == ("python_ldap", "3.4.0")
    assert _pip._name_version("psycopg2") == ("psycopg2", None)
    assert _pip._name_version("file:///src/project") == (None, None)
    assert _pip._for_name("Could not build wheels for oddpkg, which is required to install") == "oddpkg"
    assert _pip._for_name("Could not build wheels for a, b, which use PEP 517") is None
    assert _pip._for_name("Some build dependencies for pymssql==2.3.0 from https://h/p/pymssql-2.3.0.tar.gz conflict"
                          " with the backend dependencies: a==1 is incompatible with a>=2.") == "pymssql==2.3.0"
    assert _pip._name_version("pymssql==2.3.0") == ("pymssql", "2.3.0")
