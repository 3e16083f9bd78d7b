import pytest

from pip_explain.enrich import packages as P
from pip_explain.enrich.packages import (
    MANAGERS,
    ROWS,
    packages_for_header,
    packages_for_library,
    packages_for_pkgconfig,
    packages_for_tool,
)


def test_coverage_counts():
    headers, libs, tools = set(P.known_headers()), set(P.known_libraries()), set(P.known_tools())
    assert len(headers) + len(libs) + len(tools) >= 80
    assert len(headers) >= 80
    assert len(P.known_pkgconfig()) >= 50
    assert len(ROWS) >= 80


def test_rows_are_well_formed():
    for row in ROWS:
        assert row.headers or row.libs or row.pc or row.tools, row
        for m in MANAGERS:
            value = getattr(row, m)
            assert value is None or (isinstance(value, str) and value.strip() == value and value), (m, row)
        # every row names a Debian package: the one column verified on every run of
        # scripts/verify_packages.py
        assert row.apt, row


def test_managers_column_names():
    assert MANAGERS == ("apt", "dnf", "apk", "pacman", "zypper", "brew", "conda", "vcpkg")
    table = packages_for_header("ffi.h")
    assert set(table) == set(MANAGERS) | {"yum"}
    assert table["yum"] == table["dnf"]


@pytest.mark.parametrize("header,apt", [
    ("ffi.h", "libffi-dev"),
    ("./ffi.h", "libffi-dev"),
    ("openssl/ssl.h", "libssl-dev"),
    ("libpq-fe.h", "libpq-dev"),
    ("mysql.h", "default-libmysqlclient-dev"),
    ("libxml/xmlversion.h", "libxml2-dev"),
    ("portaudio.h", "portaudio19-dev"),
    ("sasl/sasl.h", "libsasl2-dev"),
    ("lber.h", "libldap2-dev"),
    ("jpeglib.h", "libjpeg-dev"),
    ("ft2build.h", "libfreetype-dev"),
    ("girepository.h", "libgirepository1.0-dev"),
    ("cairo.h", "libcairo2-dev"),
    ("curl/curl.h", "libcurl4-openssl-dev"),
    ("graphviz/cgraph.h", "libgraphviz-dev"),
    ("gdal.h", "libgdal-dev"),
    ("geos_c.h", "libgeos-dev"),
    ("SDL2/SDL.h", "libsdl2-dev"),
    ("GL/gl.h", "libgl-dev"),
    ("systemd/sd-daemon.h", "libsystemd-dev"),
    ("hdf5.h", "libhdf5-dev"),
    ("cblas.h", "libopenblas-dev"),
    ("sql.h", "unixodbc-dev"),
    ("libmemcached/memcached.h", "libmemcached-dev"),
    ("cups/cups.h", "libcups2-dev"),
    ("Eigen/Core", "libeigen3-dev"),
])
def test_header_lookup(header, apt):
    assert packages_for_header(header)["apt"] == apt


def test_header_basename_and_paths():
    # a path we do not list, whose basename only one row ships
    assert packages_for_header("/usr/include/libxml2/libxml/parser.h")["apt"] == "libxml2-dev"
    assert packages_for_header("C:\\deps\\include\\openssl\\opensslv.h")["apt"] == "libssl-dev"
    assert packages_for_header("<zlib.h>")["apt"] == "zlib1g-dev"
    # "ssl.h" alone is the basename of openssl/ssl.h only: resolved
    assert packages_for_header("ssl.h")["apt"] == "libssl-dev"


def test_ambiguous_basename_is_none():
    # two rows ship a header called poppler-ish/...: only the full path decides
    basenames = {}
    for row in ROWS:
        for h in row.headers:
            basenames.setdefault(h.rsplit("/", 1)[-1], set()).add(row)
    ambiguous = [b for b, rows in basenames.items() if len(rows) > 1 and b not in P.known_headers()]
    for base in ambiguous:
        assert packages_for_header("some/dir/" + base) is None


@pytest.mark.parametrize("name,apt", [
    ("ssl", "libssl-dev"),
    ("-lssl", "libssl-dev"),
    ("crypto", "libssl-dev"),
    ("ffi", "libffi-dev"),
    ("libffi.so", "libffi-dev"),
    ("libssl.so.3", "libssl-dev"),
    ("ssl.lib", "libssl-dev"),
    ("libssl.lib", "libssl-dev"),
    ("libcrypto.lib", "libssl-dev"),
    ("'zlib.lib'", "zlib1g-dev"),
    ("pq", "libpq-dev"),
    ("mysqlclient", "default-libmysqlclient-dev"),
    ("xml2", "libxml2-dev"),
    ("xslt", "libxslt1-dev"),
    ("z", "zlib1g-dev"),
    ("jpeg", "libjpeg-dev"),
    ("openblas", "libopenblas-dev"),
    ("lapack", "liblapack-dev"),
    ("GL", "libgl-dev"),
    ("odbc", "unixodbc-dev"),
    ("boost_python3", "libboost-python-dev"),
    ("usb-1.0", "libusb-1.0-0-dev"),
    ("gfortran", "gfortran"),
])
def test_library_lookup(name, apt):
    assert packages_for_library(name)["apt"] == apt


def test_library_windows_and_vcpkg():
    table = packages_for_library("libssl.lib")
    assert table["vcpkg"] == "openssl"
    assert packages_for_library("zlib.lib")["vcpkg"] == "zlib"
    assert packages_for_library("ffi")["vcpkg"] == "libffi"
    assert packages_for_library("pq")["vcpkg"] == "libpq"


@pytest.mark.parametrize("module,apt", [
    ("libffi", "libffi-dev"),
    ("libffi >= 3.0", "libffi-dev"),
    ("cairo", "libcairo2-dev"),
    ("mysqlclient", "default-libmysqlclient-dev"),
    ("mariadb", "default-libmysqlclient-dev"),
    ("libxml-2.0", "libxml2-dev"),
    ("gobject-introspection-1.0", "libgirepository1.0-dev"),
    ("libsystemd", "libsystemd-dev"),
    ("dbus-1", "libdbus-1-dev"),
    ("glib-2.0", "libglib2.0-dev"),
    ("openssl", "libssl-dev"),
    ("libpq", "libpq-dev"),
    ("freetype2", "libfreetype-dev"),
    ("hdf5", "libhdf5-dev"),
])
def test_pkgconfig_lookup(module, apt):
    assert packages_for_pkgconfig(module)["apt"] == apt


@pytest.mark.parametrize("program,apt", [
    ("pg_config", "libpq-dev"),
    ("mysql_config", "default-libmysqlclient-dev"),
    ("mariadb_config", "default-libmysqlclient-dev"),
    ("curl-config", "libcurl4-openssl-dev"),
    ("xslt-config", "libxslt1-dev"),
    ("xml2-config", "libxml2-dev"),
    ("krb5-config", "libkrb5-dev"),
    ("gdal-config", "libgdal-dev"),
    ("geos-config", "libgeos-dev"),
    ("pkg-config", "pkg-config"),
    ("pkgconf", "pkg-config"),
    ("cmake", "cmake"),
    ("ninja", "ninja-build"),
    ("meson", "meson"),
    ("swig", "swig"),
    ("make", "make"),
    ("autoconf", "autoconf"),
    ("automake", "automake"),
    ("libtool", "libtool-bin"),
    ("libtoolize", "libtool"),
    ("bison", "bison"),
    ("flex", "flex"),
    ("gfortran", "gfortran"),
    ("nasm", "nasm"),
    ("yasm", "yasm"),
    ("patchelf", "patchelf"),
    ("protoc", "protobuf-compiler libprotobuf-dev"),
    ("git", "git"),
    ("/usr/bin/cmake", "cmake"),
    ("swig.exe", "swig"),
])
def test_tool_lookup(program, apt):
    assert packages_for_tool(program)["apt"] == apt


def test_other_managers():
    ffi = packages_for_header("ffi.h")
    assert ffi["dnf"] == "libffi-devel" and ffi["apk"] == "libffi-dev" and ffi["brew"] == "libffi"
    ssl = packages_for_library("ssl")
    assert ssl["zypper"] == "libopenssl-devel" and ssl["conda"] == "openssl"
    assert packages_for_tool("gfortran")["dnf"] == "gcc-gfortran"
    assert packages_for_tool("ninja")["dnf"] == "ninja-build"
    assert packages_for_tool("cmake")["vcpkg"] is None  # not a library: no port


@pytest.mark.parametrize("fn", [packages_for_header, packages_for_library, packages_for_pkgconfig,
                                packages_for_tool])
def test_unknown_is_none(fn):
    assert fn("nothing-like-this-anywhere") is None
    assert fn("") is None


def test_one_row_shared_by_all_lookups():
    header = P.row_for_header("libpq-fe.h")
    assert header is P.row_for_library("pq") is P.row_for_pkgconfig("libpq") is P.row_for_tool("pg_config")


def test_install_uses_table(monkeypatch):
    from pip_explain.enrich.fixes import Context, install
    from pip_explain.enrich.platform import Platform

    ctx = Context(Platform("linux", distro="fedora", manager="dnf", sudo=True))
    fixes = install(ctx, packages_for_library("ffi"), "x")
    assert fixes and fixes[0].command == "sudo dnf install libffi-devel"
    ctx = Context(Platform("linux", distro="debian", manager="apt", sudo=True))
    fixes = install(ctx, packages_for_tool("protoc"), "x")
    assert fixes[0].command == "sudo apt-get install protobuf-compiler libprotobuf-dev"


def test_debian_index_fills_the_tables_gaps():
    """enrich/_debian_headers.py: headers Debian's -dev packages install into /usr/include under the
    library's own name (generated by scripts/debian_headers.py from Debian's Contents index)."""
    from pip_explain.enrich._debian_headers import HEADERS

    assert len(HEADERS) > 900
    assert P.debian_package_for_header("GeoIP.h") == "libgeoip-dev"
    assert P.debian_package_for_header("geoip.h") == "libgeoip-dev"  # a caller that folded the case
    assert P.debian_package_for_header("dmtx.h") == "libdmtx-dev"
    assert P.debian_package_for_header("LBFGS.h") == "liblbfgspp-dev"  # two libraries, one name up to case
    assert P.debian_package_for_header("lbfgs.h") == "liblbfgs-dev"
    assert P.debian_package_for_header("primesieve.h") == "libprimesieve-dev-common"
    assert P.debian_package_for_header("common.h") is None  # a small library's generic name: left out
    assert P.debian_package_for_header("gdal/gdal.h") is None  # only headers straight in /usr/include
    assert P.library_ships_header("dmtx.h") and P.library_ships_header("ffi.h")
    assert not P.library_ships_header("subs_memory.h")
    assert P.row_for_header("dmtx.h") is None  # the hand-checked table stays as it was


def test_debian_index_selection():
    import importlib.util
    import os

    path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "scripts", "debian_headers.py")
    spec = importlib.util.spec_from_file_location("debian_headers", path)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    # lines in the Contents index's own layout (Debian bookworm's Contents-amd64)
    lines = ["usr/include/GeoIP.h                                     libdevel/libgeoip-dev",
             "usr/include/common.h                                    libdevel/libcodcif-dev",
             "usr/include/portaudio.h                                 devel/portaudio19-dev",
             "usr/include/gdal/gdal.h                                 libdevel/libgdal-dev",
             "usr/include/zbar.h                                      libdevel/libzbar-dev",
             "usr/share/doc/libgeoip-dev/copyright                    libdevel/libgeoip-dev"]
    assert script.select(lines) == {"GeoIP.h": "libgeoip-dev", "portaudio.h": "portaudio19-dev",
                                    "zbar.h": "libzbar-dev"}


def test_library_header_fix_names_debians_package():
    from pip_explain.enrich.fixes import Context
    from pip_explain.enrich.platform import Platform
    from pip_explain.rules.headers import _library_header_fix

    fixes = _library_header_fix(Context(Platform("linux", distro="debian", manager="apt", sudo=True), detail="dmtx.h"))
    assert fixes[0].command == "sudo apt-get install libdmtx-dev" and "Debian's package index" in fixes[0].label
    fixes = _library_header_fix(Context(Platform("linux", distro="fedora", manager="dnf", sudo=True), detail="dmtx.h"))
    assert fixes[0].command.startswith("dnf provides")  # no guessed name for another manager


def test_library_named_in_a_setup_script_maps_to_debians_header():
    assert P.debian_header_for_library("FANN") == "fann.h"  # fann2's "Couldn't find FANN source libs!"
    assert P.debian_header_for_library("libdmtx") == "dmtx.h"
    assert P.debian_header_for_library("GeoIP") == "GeoIP.h"
    assert P.debian_header_for_library("common") is None
    assert P.debian_header_for_library("../x") is None
