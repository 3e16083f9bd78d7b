"""Foresight (issue 14): what a build needs, read from real sdists of the
package index (fetched once, sha256-checked, cached under
~/.cache/pip-explain-tests/sdists), never run; and doctor's command line.

The sdists are those the failure lab fails to build when a toolchain piece is
hidden (psycopg2 2.9.10, PyAudio 0.2.14, python-ldap 3.4.8, pycairo 1.29.2,
bcrypt 4.3.0, rpds-py 0.22.3, cffi 1.17.1, netifaces 0.11.0), and markupsafe
3.0.2, whose C speedups are optional.
"""
import json
import os
import subprocess
import sys

import pytest

from pip_explain import doctor
from pip_explain.enrich import foresight, probes
from pip_explain.enrich.platform import detect

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SRC = os.path.join(ROOT, "src")
sys.path.insert(0, os.path.join(ROOT, "integration"))
import harness  # noqa: E402


def _sdist(name, version):
    try:
        return str(harness.fetch_sdist(name, version))
    except harness.Unavailable as exc:
        pytest.skip(str(exc))


def _needs(reading):
    return {(n.cause, n.detail): n for n in reading.needs}


def test_psycopg2_needs_pg_config_and_libpq_headers():
    r = foresight.read_source(_sdist("psycopg2", "2.9.10"))
    assert (r.name, r.version) == ("psycopg2", "2.9.10")
    assert r.backend == "setuptools.build_meta:__legacy__" and r.languages == ["C"] and r.compiled
    needs = _needs(r)
    assert needs[("config-tool-missing", "pg_config")].evidence.startswith("setup.py:")
    assert needs[("library-header-missing", "libpq-fe.h")].evidence == "psycopg/green.h:30"
    assert ("compiler-missing", "cc") in needs and ("python-headers-missing", "Python.h") in needs
    assert not r.optional_ext  # its build_extension catches CompileError only to print advice, then re-raises


def test_pyaudio_portaudio_header():
    r = foresight.read_source(_sdist("pyaudio", "0.2.14"))
    assert _needs(r)[("library-header-missing", "portaudio.h")].evidence == "src/pyaudio/device_api.c:9"


def test_library_headers_only_debians_index_knows():
    """qrencode.h and pcre.h are in no row of the package table; Debian's Contents index lists them under
    their libraries' names (libqrencode-dev, libpcre3-dev): needs all the same (live batch 19)."""
    r = foresight.read_source(_sdist("qrencode", "1.2"))
    assert _needs(r)[("library-header-missing", "qrencode.h")].evidence == "qr_encode.c:3"
    r = foresight.read_source(_sdist("python-pcre", "0.7"))
    assert _needs(r)[("library-header-missing", "pcre.h")].evidence == "src/pcremodule.c:32"


def test_python_ldap_guarded_and_conditional_includes():
    """Modules/common.h: lber.h inside the include guard is a need; winsock.h
    (#if defined(MS_WINDOWS)) and openldap.h (#if LDAP_VENDOR_VERSION ...) are not."""
    r = foresight.read_source(_sdist("python-ldap", "3.4.8"))
    needs = _needs(r)
    assert needs[("library-header-missing", "lber.h")].evidence == "Modules/common.h:15"
    details = {n.detail for n in r.needs}
    assert "winsock.h" not in details and "openldap.h" not in details
    assert ("library-header-missing", "ldap.h") not in needs  # same library as lber.h: listed once
    # "#ifdef HAVE_SASL / #include <sasl/sasl.h>", and setup.cfg says "defines = HAVE_SASL HAVE_TLS"
    assert needs[("library-header-missing", "sasl/sasl.h")].evidence == "Modules/LDAPObject.c:16"


def test_mysqlclient_pkg_config_and_its_modules():
    """pkg-config asked unless MYSQLCLIENT_CFLAGS is set (``if not cflags:``), for
    one of the modules its find_package_name() lists."""
    r = foresight.read_source(_sdist("mysqlclient", "2.3.1"))
    needs = _needs(r)
    assert needs[("config-tool-missing", "pkg-config")].evidence.startswith("setup.py:")
    mods = needs[("config-tool-missing", "mysqlclient")]
    assert set(mods.alternatives) >= {"mysqlclient", "mariadb"}
    assert not any(n.cause == "library-header-missing" for n in r.needs)  # pkg-config fails first


def test_pycairo_meson_dependency():
    r = foresight.read_source(_sdist("pycairo", "1.29.2"))
    assert r.backend == "mesonpy" and "C" in r.languages
    needs = _needs(r)
    # dependency('cairo', ..., required: cc.get_id() != 'msvc'): required on this machine
    assert needs[("config-tool-missing", "cairo")].evidence == "cairo/meson.build:31"
    assert ("config-tool-missing", "pkg-config") in needs
    assert ("build-tool-missing", "ninja") in needs and ("build-tool-missing", "meson") in needs
    assert ("library-header-missing", "cairo.h") not in needs  # pkg-config's failure comes first


@pytest.mark.parametrize("name,version,backend", [("bcrypt", "4.3.0", "setuptools.build_meta"),
                                                  ("rpds-py", "0.22.3", "maturin")])
def test_rust_projects(name, version, backend):
    r = foresight.read_source(_sdist(name, version))
    assert r.backend == backend and "Rust" in r.languages
    needs = _needs(r)
    assert ("rust-missing", "rustc") in needs and ("compiler-missing", "cc") in needs  # rustc links with cc
    assert ("python-headers-missing", "Python.h") not in needs  # PyO3 does not include Python.h
    crates = needs[("network", "crates.io")]  # cargo downloads the Cargo.lock's crates when it builds
    assert crates.evidence.endswith("Cargo.lock") and len(crates.crates) > 10


def test_crates_not_in_cargos_cache_are_a_question_not_a_missing(tmp_path, monkeypatch):
    reading = foresight.read_source(_sdist("rpds-py", "0.22.3"))
    monkeypatch.setenv("CARGO_HOME", str(tmp_path))
    checked = foresight.check(reading, foresight.machine(probes.Prober(budget=20), detect()))
    net = next(n for n in checked.needs if n.cause == "network")
    assert net.ok is None and "crates.io" in net.found and net not in checked.missing
    name, version = net.crates[0]
    cache = tmp_path / "registry" / "cache" / "index.crates.io-1949cf8c6b5b557f"
    cache.mkdir(parents=True)
    for name, version in net.crates:
        (cache / ("%s-%s.crate" % (name, version))).write_bytes(b"")
    checked = foresight.check(reading, foresight.machine(probes.Prober(budget=20), detect()))
    assert next(n for n in checked.needs if n.cause == "network").ok is True


def test_cffi_links_libffi():
    r = foresight.read_source(_sdist("cffi", "1.17.1"))
    needs = _needs(r)
    assert needs[("library-link-missing", "ffi")].evidence == "setup.py:11"
    # pkg-config is only asked inside try/except OSError: cffi builds without it
    assert ("config-tool-missing", "pkg-config") not in needs


def test_optional_speedups_are_optional():
    r = foresight.read_source(_sdist("markupsafe", "3.0.2"))
    assert r.optional_ext and r.needs and all(n.optional for n in r.needs)
    r = foresight.read_source(_sdist("netifaces", "0.11.0"))  # CompileError caught in a feature probe only
    assert r.compiled and not r.optional_ext


def test_members_are_streamed_and_bounded(tmp_path):
    path = _sdist("netifaces", "0.11.0")
    seen = [(rel, size) for rel, size, _ in foresight.members(path)]
    assert ("setup.py", os.path.getsize(path)) not in seen and any(rel == "setup.py" for rel, _ in seen)
    r = foresight.read_source(path)
    assert r.bytes_read <= r.files * foresight.MAX_MEMBER


def test_conditionals_on_this_platform():
    assert foresight._evaluate("ifdef", "_WIN32") == ("true" if sys.platform == "win32" else "false")
    assert foresight._evaluate("if", "defined(_WIN32) || defined(__CYGWIN__)") == (
        "true" if sys.platform in ("win32", "cygwin") else "false")
    assert foresight._evaluate("if", "HAVE_SASL") == "unknown"
    assert foresight._evaluate("ifndef", "__APPLE__") == ("false" if sys.platform == "darwin" else "true")


def test_checks_on_this_machine_and_with_tools_hidden(tmp_path):
    reading = foresight.read_source(_sdist("psycopg2", "2.9.10"))
    platform = detect()
    here = foresight.check(reading, foresight.machine(probes.Prober(budget=20), platform))
    for n in here.needs:
        assert n.ok in (True, False, None) and (n.ok is not False or n.fix or platform.manager is None)
    empty = tmp_path / "empty"
    empty.mkdir()
    bare = probes.Prober(budget=20, env={"PATH": str(empty)})
    hidden = foresight.check(reading, foresight.machine(bare, platform))
    pg = next(n for n in hidden.needs if n.detail == "pg_config")
    cc = next(n for n in hidden.needs if n.cause == "compiler-missing")
    assert pg.ok is False and cc.ok is False and pg in hidden.missing
    if platform.manager == "apt":
        assert "libpq-dev" in pg.fix and "build-essential" in cc.fix
        merged, others = foresight.combined(platform, [cc.fix, pg.fix, pg.fix])
        assert merged.endswith("build-essential libpq-dev") and others == []


def test_no_isolation_checks_build_requirements(tmp_path):
    reading = foresight.read_source(_sdist("pycairo", "1.29.2"))
    m = foresight.machine(probes.Prober(budget=20), detect(), isolation=False)
    checked = foresight.check(reading, m)
    reqs = [n for n in checked.needs if n.cause == "build-dependency-missing"]
    assert reqs and {n.detail.split(">")[0].split("=")[0].strip() for n in reqs} >= {"meson-python"}


def _cli(args, env=None, cwd=None):
    e = dict(os.environ, PYTHONPATH=SRC)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "pip_explain", "doctor"] + args, env=e, capture_output=True,
                          text=True, timeout=300, cwd=cwd)


def test_doctor_requirement_files_constraints_markers_and_local_sdists(tmp_path):
    """pip's own parser: nested -r, a marker false here, local sdists; no index needed."""
    pyaudio, psycopg2 = _sdist("pyaudio", "0.2.14"), _sdist("psycopg2", "2.9.10")
    (tmp_path / "nested.txt").write_text("%s\nnot-for-here==1.0 ; python_version < '3'\n" % psycopg2)
    (tmp_path / "requirements.txt").write_text("-r nested.txt\n%s\n" % pyaudio)
    (tmp_path / "c.txt").write_text("")
    r = _cli(["--format", "json", "--no-index", "-r", str(tmp_path / "requirements.txt"), "-c",
              str(tmp_path / "c.txt")], cwd=str(tmp_path))
    data = json.loads(r.stdout)
    names = [p["name"] for p in data["packages"]]
    assert names == ["psycopg2", "PyAudio"], (names, r.stderr)
    assert data["skipped"] and "not-for-here" in data["skipped"][0]
    for p in data["packages"]:
        assert p["wheel"] is False and set(p["build"]) >= {"backend", "languages", "needs"}
        for n in p["build"]["needs"]:
            assert set(n) >= {"cause", "detail", "ok", "evidence", "fix"}
    missing = [n for p in data["packages"] for n in p["build"]["needs"] if n["ok"] is False and not n["optional"]]
    assert r.returncode == (1 if missing else 0)
    assert bool(data["missing"]["install"]) == any(n["fix"] for n in missing) or data["missing"]["other"]


def test_doctor_source_tree_and_text(tmp_path):
    """``pip-explain doctor .``: would my own project build here?"""
    proj = tmp_path / "proj"
    (proj / "src").mkdir(parents=True)
    # the layout of netifaces' own sdist, unpacked: a source tree
    import tarfile

    with tarfile.open(_sdist("netifaces", "0.11.0")) as t:
        t.extractall(proj, filter="data") if sys.version_info >= (3, 12) else t.extractall(proj)
    tree = next(p for p in proj.iterdir() if p.name.startswith("netifaces"))
    empty = tmp_path / "empty"
    empty.mkdir()
    r = _cli(["--no-index", "."], env={"PATH": str(empty), "CC": "", "CXX": ""}, cwd=str(tree))
    assert r.returncode == 1, r.stdout + r.stderr
    assert "netifaces" in r.stdout and "✘ C compiler" in r.stdout and "Traceback" not in r.stderr
    assert "Missing here for these builds: C compiler" in r.stdout


def test_ways_out_are_typed_commands(monkeypatch, tmp_path):
    """Issue 13 point 5: never the path of the pip-explain script."""
    words = doctor.user_pip()
    assert words[0] in ("pip", "pip3", "pip%d.%d" % sys.version_info[:2]) or words[1:] == ["-m", "pip"]
    assert not any("pip-explain" in w for w in words)
    monkeypatch.setattr(sys, "argv", ["/somewhere/bin/pip-explain", "doctor"])
    assert not any("pip-explain" in w for w in doctor.user_pip())
