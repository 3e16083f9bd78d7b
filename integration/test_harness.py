"""Quick self-checks of the harness (seconds): if these fail, the live tests'
verdicts mean nothing."""
from __future__ import annotations

import os
import shutil
import sysconfig
from pathlib import Path

import pytest

import harness


def test_normalise_pip_temp_names():
    a = ("/tmp/pip-install-ab12cd_3/x /tmp/pip-build-env-zzzzzzzz/site /tmp/pip-req-build-q1w2e3r4\n"
         "/tmp/pip-wheel-abcdefgh /tmp/pip-modern-metadata-o1bwupby/x.egg-info /tmp/tmp3k3rwmx6\n"
         "  Downloading setuptools-84.2.1-py3-none-any.whl (876 kB)\n"
         "     \u2501\u2501\u2501\u2501 876.3/876.3 kB 354.7 MB/s  0:00:00\n"
         "Created wheel for x: filename=x.whl size=1 sha256=" + "a" * 64 + "\n")
    b = ("/tmp/pip-install-zz99yy88/x /tmp/pip-build-env-a1b2c3d4/site /tmp/pip-req-build-_ewxrwko\n"
         "/tmp/pip-wheel-12345678 /tmp/pip-modern-metadata-kzjkqie2/x.egg-info /tmp/tmpryxtm2jq\n"
         "  Using cached setuptools-84.2.1-py3-none-any.whl (876 kB)\n"
         "Created wheel for x: filename=x.whl size=1 sha256=" + "b" * 64 + "\n")
    assert harness.normalise(a) == harness.normalise(b)
    # pip's own frame glyphs and file:// URLs survive
    keep = "\u2570\u2500> from file:///var/cache/x/sdists/a.tar.gz\n\u2502 exit code: 1\n"
    assert harness.normalise(keep) == keep
    # a literal path replacement wins over the generic rules
    assert harness.normalise("/v/py3.11-pip26.3/bin", {"/v/py3.11-pip26.3": "<venv>"}) == "<venv>/bin"


def test_appended_and_json_tail():
    assert harness.appended("abc\n", "abc\nxyz\n") == "xyz\n"
    assert harness.appended("abc\n", "abX\nxyz\n") is None
    assert harness.json_tail('noise\n{"diagnoses": []}\n') == {"diagnoses": []}
    with pytest.raises(AssertionError):
        harness.json_tail("not json\n")


def test_path_without_hides_only_the_named_programs(tmp_path):
    path = harness.path_without(harness.C_COMPILERS + harness.CXX_COMPILERS + harness.RUST_TOOLS,
                                tmp_path / "bin")
    for prog in ("gcc", "cc", "g++", "c++", "cargo", "rustc", "x86_64-linux-gnu-gcc-12"):
        assert shutil.which(prog, path=path) is None, prog
    assert shutil.which("sh", path=path) is not None
    assert shutil.which("ls", path=path) is not None


@pytest.mark.needs_ns
def test_mount_namespace_hides_dirs_and_files_only_inside(tmp_path):
    include = Path(sysconfig.get_paths()["include"])
    victim_dir = tmp_path / "victim"
    victim_dir.mkdir()
    (victim_dir / "gone.h").write_text("x")
    (victim_dir / "kept.h").write_text("y")
    hide = harness.Hide(dirs=(include,), files=(victim_dir / "gone.h",))
    script = ('test ! -e "$1/Python.h" && test ! -e "$2/gone.h" && test -e "$2/kept.h" && echo hidden')
    r = harness.run(harness.ns_prefix(hide, tmp_path / "ns") + ["sh", "-c", script, "sh", include, victim_dir],
                    timeout=60)
    assert (r.rc, r.stdout) == (0, "hidden\n"), r.describe()
    # nothing changed outside
    assert (include / "Python.h").exists()
    assert (victim_dir / "gone.h").read_text() == "x"
    assert not [line for line in open("/proc/self/mounts") if "px-hide" in line]


def test_find_python_reports_what_it_looked_for(monkeypatch, tmp_path):
    monkeypatch.setenv("PYENV_ROOT", str(tmp_path))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(harness.Unavailable, match=r"no Python 3\.99"):
        harness.find_python("3.99")


def test_make_wheel_and_sdist_are_well_formed(tmp_path):
    import tarfile
    import zipfile

    whl = harness.make_wheel(tmp_path)
    with zipfile.ZipFile(whl) as z:
        names = set(z.namelist())
    assert {"okpkg.py", "okpkg-1.0.dist-info/METADATA", "okpkg-1.0.dist-info/RECORD"} <= names
    sd = harness.make_sdist(tmp_path)
    with tarfile.open(sd) as t:
        assert "okpkg-1.0/pyproject.toml" in t.getnames()
    assert os.path.getsize(sd) > 0
