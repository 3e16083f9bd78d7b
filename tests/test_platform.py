import pytest

from pip_explain.enrich.fixes import Context, install
from pip_explain.enrich.packages import packages_for_header
from pip_explain.enrich.platform import Platform, Python, manager_for, parse_os_release, python_origin
from pip_explain.rules import by_code

OS_RELEASE = '''PRETTY_NAME="Ubuntu 22.04.4 LTS"
NAME="Ubuntu"
VERSION_ID="22.04"
ID=ubuntu
ID_LIKE=debian
'''


def test_parse_os_release():
    v = parse_os_release(OS_RELEASE)
    assert v["ID"] == "ubuntu" and v["ID_LIKE"] == "debian" and v["PRETTY_NAME"] == "Ubuntu 22.04.4 LTS"


@pytest.mark.parametrize("distro,like,version,manager", [
    ("debian", (), "12", "apt"), ("ubuntu", ("debian",), "22.04", "apt"), ("pop", ("ubuntu", "debian"), "", "apt"),
    ("fedora", (), "40", "dnf"), ("rocky", ("rhel", "centos", "fedora"), "9.3", "dnf"), ("centos", ("rhel",), "7", "yum"),
    ("amzn", ("centos", "rhel", "fedora"), "2", "yum"), ("alpine", (), "3.19", "apk"), ("arch", (), "", "pacman"),
    ("manjaro", ("arch",), "", "pacman"), ("opensuse-leap", ("suse", "opensuse"), "15.5", "zypper"),
    ("sles", (), "15", "zypper"), ("nixos", (), "", None),
])
def test_manager_for(distro, like, version, manager):
    assert manager_for(distro, like, version) == manager


def test_python_origin():
    assert python_origin("/usr", "/usr/bin/python3.11", False, "linux") == "distro"
    assert python_origin("/home/u/.pyenv/versions/3.11.7", "/x", False, "linux") == "pyenv"
    assert python_origin("/home/u/.local/share/uv/python/cpython-3.12", "/x", False, "linux") == "uv"
    assert python_origin("/opt/conda", "/opt/conda/bin/python", True, "linux") == "conda"


def platform(manager, origin="distro", system="linux", sudo=True, version=(3, 12)):
    py = Python(version, "cpython", "/usr/bin/python3", "/usr" if origin == "distro" else "/home/u/.pyenv/versions/3.12.1",
                "/usr/include/python3.12", origin == "distro", origin)
    return Platform(system, manager=manager, sudo=sudo, python=py, name=system)


def fixes(code, plat, detail=None):
    rule = by_code()[code]
    return [f.command for f in rule.fix(Context(plat, detail))]


@pytest.mark.parametrize("manager,expected", [
    ("apt", "sudo apt-get install python3.12-dev"), ("apk", "sudo apk add python3-dev"),
    ("zypper", None), ("pacman", "sudo pacman -S --needed python"),
])
def test_python_headers_package_for_the_interpreter(manager, expected):
    got = fixes("PX010", platform(manager))
    if expected:
        assert got == [expected]


def test_python_headers_for_a_pyenv_python_is_not_a_system_package():
    got = fixes("PX010", platform("apt", origin="pyenv"))
    assert got == ["pyenv install --force 3.12.1"]


def test_compiler_fix_per_platform():
    assert fixes("PX001", platform("apt")) == ["sudo apt-get install build-essential"]
    assert fixes("PX001", platform("dnf")) == ["sudo dnf install gcc"]
    assert fixes("PX001", platform("apk")) == ["sudo apk add build-base"]
    assert fixes("PX001", platform("brew", system="darwin")) == ["xcode-select --install"]
    assert fixes("PX001", platform(None, system="windows"))[0].startswith("winget install Microsoft.VisualStudio")


def test_library_header_known_and_unknown():
    assert fixes("PX011", platform("apt"), "portaudio.h") == ["sudo apt-get install portaudio19-dev"]
    assert fixes("PX011", platform("dnf"), "openssl/ssl.h") == ["sudo dnf install openssl-devel"]
    # not in the table: how to search, never a guessed package name
    assert fixes("PX011", platform("apt"), "frobnicate.h") == ["apt-file search frobnicate.h"]
    assert fixes("PX011", platform("dnf"), "frobnicate.h") == ["dnf provides '*/frobnicate.h'"]


def test_header_table_lookup_by_basename_only_when_unambiguous():
    assert packages_for_header("ffi.h")["apt"] == "libffi-dev"
    assert packages_for_header("./ffi.h")["apt"] == "libffi-dev"
    assert packages_for_header("nothing-like-this.h") is None


def test_install_command_shapes():
    plat = platform("apt", sudo=False)
    assert install(Context(plat), {"apt": "gcc"})[0].command in ("apt-get install gcc", "apt-get update && apt-get install -y gcc")
    assert install(Context(platform("conda")), {"apt": "x"}) == ()


def test_link_library_per_manager_and_vcpkg_on_windows():
    assert fixes("PX030", platform("apt"), "ssl") == ["sudo apt-get install libssl-dev"]
    assert fixes("PX030", platform("dnf"), "ffi") == ["sudo dnf install libffi-devel"]
    windows = platform(None, origin="python.org", system="windows", sudo=False)
    assert fixes("PX030", windows, "ssl")[0].startswith("vcpkg install openssl")


def test_config_tools_and_pkgconfig_modules():
    assert fixes("PX031", platform("apt"), "pg_config") == ["sudo apt-get install libpq-dev"]
    assert fixes("PX031", platform("apk"), "pkg-config") == ["sudo apk add pkgconf"]
    # a pkg-config module the table lacks: dnf can install by the module name itself
    assert fixes("PX031", platform("dnf"), "libnotfound-9") == ["sudo dnf install 'pkgconfig(libnotfound-9)'"]


def test_build_tools_offer_the_system_package_and_the_index_wheel():
    got = fixes("PX041", platform("apt"), "ninja")
    assert got == ["sudo apt-get install ninja-build", "pip install ninja"]
    assert fixes("PX040", platform("brew", system="darwin", sudo=False), "cmake")[0] == "brew install cmake"


def test_psycopg2_is_offered_its_binary_sibling_first():
    from pip_explain.report import explain_lines

    e = explain_lines(["Error: pg_config executable not found."], platform("apt"), "psycopg2", "2.9.10")
    assert e.fixes[0].command == "pip install psycopg2-binary"
    assert e.fixes[1].command == "sudo apt-get install libpq-dev"


def test_python_too_new_detail_is_the_python_version():
    from pip_explain.report import explain_lines

    lines = ["gcc -I/home/user/.pyenv/versions/3.13.0/include/python3.13 -c x.c -o x.o",
             "x.c:99:9: error: too few arguments to function ‘_PyLong_AsByteArray’"]
    e = explain_lines(lines, platform("apt"), "x")
    assert e.diagnosis.detail == "3.13" and e.diagnosis.subject == "_PyLong_AsByteArray"
    assert "_PyLong_AsByteArray" in e.diagnosis.title
    # offline and no version in the log: unknown, not this machine's Python
    e = explain_lines(lines[1:], platform("apt"), "x")
    assert e.diagnosis.detail is None
    # inside the failing pip, the running Python is the one that built
    e = explain_lines(lines[1:], platform("apt"), "x", live=True)
    assert e.diagnosis.detail == "3.12"
