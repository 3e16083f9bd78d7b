"""Where a saved log was made (enrich/logplatform), and `pip-explain explain`
giving the fixes of that platform.

The clue lines are what the tools print (gcc's and clang's version banners,
compiler triples, paths of Homebrew, MSVC, conda, pyenv, uv, the Windows
Store); the corpus tests run the inference on the real logs of
tests/fixtures (recorded here, and copied from public threads)."""
import glob
import json
import os

import pytest

from conftest import FIXTURES
from pip_explain import cli
from pip_explain.enrich import logplatform
from pip_explain.enrich.logplatform import infer, infer_file

LOGS = sorted(glob.glob(os.path.join(FIXTURES, "logs", "*.log")))
THIRDPARTY = sorted(glob.glob(os.path.join(FIXTURES, "thirdparty", "*.log")))


@pytest.mark.parametrize("line,name,version", [
    ("gcc (Debian 12.2.0-14) 12.2.0", "debian", "12"),
    ("cc (Debian 12.2.0-14+deb12u1) 12.2.0", "debian", "12"),
    ("gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0", "ubuntu", "22.04"),
    ("gcc version 11.4.0 (Ubuntu 11.4.0-1ubuntu1~22.04)", "ubuntu", "22.04"),
    ("gcc (GCC) 11.4.1 20231218 (Red Hat 11.4.1-3)", "rhel", "9"),
    ("gcc (GCC) 8.5.0 20210514 (Red Hat 8.5.0-20)", "rhel", "8"),
    ("gcc (GCC) 4.8.5 20150623 (Red Hat 4.8.5-44)", "rhel", "7"),
    ("gcc (GCC) 13.2.1 20231011 (Red Hat 13.2.1-4)", "fedora", ""),
    ("gcc (Alpine 13.2.1_git20231014) 13.2.1 20231014", "alpine", ""),
    ("gcc (SUSE Linux) 7.5.0", "opensuse", ""),
    ("Apple clang version 15.0.0 (clang-1500.3.9.4)", "macos", ""),
    ("Ubuntu clang version 14.0.0-1ubuntu1.1", "ubuntu", ""),
    ("x86_64-linux-gnu-gcc -Wno-unused-result -Wsign-compare -DNDEBUG -g -fwrapv -O2 -Wall -c a.c", "debian", ""),
    ("In file included from /usr/lib/gcc/x86_64-linux-gnu/12/include/immintrin.h:49,", "debian", ""),
    ("/usr/lib/gcc/aarch64-alpine-linux-musl/13.2.1/../../../../aarch64-alpine-linux-musl/bin/ld: cannot find -lffi",
     "alpine", ""),
    ("Target: x86_64-redhat-linux", "fedora", ""),
    ("Target: x86_64-pc-linux-gnu", "arch", ""),
    ("/usr/lib/gcc/x86_64-pc-linux-gnu/13.2.1/include/stddef.h", "arch", ""),
    ("clang: error: linker command failed with exit code 1 (use -v to see invocation) -target arm64-apple-darwin23.4.0",
     "macos", ""),
    ("    /opt/homebrew/opt/openssl@3/include", "macos", ""),
    ("  /usr/local/Cellar/python@3.11/3.11.6/Frameworks/Python.framework/Versions/3.11/include/python3.11",
     "macos", ""),
    ("File \"/Users/user/project/.venv/lib/python3.12/site-packages/setuptools/build_meta.py\"", "macos", ""),
    (r"  File C:\Users\user\AppData\Local\Temp\pip-build-env-abc\overlay\Lib\site-packages\setuptools\dist.py",
     "windows", ""),
    (r'"C:\Program Files\Microsoft Visual Studio\2022\BuildTools\VC\Tools\MSVC\14.38.33130\bin\HostX86\x64\cl.exe"',
     "windows", ""),
    (r"inpoly\inpoly_.c(215): fatal error C1083: Cannot open include file: 'longintrepr.h'", "windows", ""),
    ("  /usr/lib64/python3.9/site-packages", "fedora", ""),
    ("/data/data/com.termux/files/usr/bin/ld: cannot find -lpython3.11", "termux", ""),
    ("  Downloading numpy-1.26.4-cp312-cp312-musllinux_1_1_x86_64.whl (14.1 MB)", "alpine", ""),
    ("      platform: Linux-5.10.103-v7+-armv7l-with-debian-10.13", "debian", "10"),
    ("      platform: Windows-10-10.0.22000-SP0", "windows", ""),
    ("/bin/sh: 1: pkg-config: not found", "debian", ""),
    ("Step 1/6 : FROM python:3.11-alpine", "alpine", ""),
    ("#1 [internal] load metadata; FROM python:3.12-slim-bookworm", "debian", "12"),
    ("fetch https://dl-cdn.alpinelinux.org/alpine/v3.19/main/x86_64/APKINDEX.tar.gz", "alpine", "3.19"),
    ("Reading package lists...", "debian", ""),
    ("FileNotFoundError: [WinError 2] The system cannot find the file specified", "windows", ""),
    ("'cl' is not recognized as an internal or external command,", "windows", ""),
    ("ld: warning: dylib (/opt/local/lib/libz.dylib) was built for newer macOS version", "macos", ""),
    ("Error relocating /usr/local/lib/python3.11/site-packages/x.so: __memcpy_chk: symbol not found", "alpine", ""),
    ("#6 [2/5] RUN apt-get update && apt-get install -y gcc", "debian", ""),
    ("+ apk add --no-cache build-base", "alpine", ""),
    ("$ sudo dnf install -y gcc", "fedora", ""),
])
def test_one_clue(line, name, version):
    lp = infer([line])
    assert lp.name == name, lp
    assert lp.version == version
    assert lp.source == "log"
    assert lp.evidence and lp.evidence[0].line == 1


def test_amazon_linux():
    lp = infer(["  Installed: gcc-7.3.1-17.amzn2.x86_64"])
    assert lp.label == "Amazon Linux 2" and lp.platform().manager == "yum"
    assert infer(["kernel-6.1.61-85.amzn2023.x86_64"]).platform().manager == "dnf"


def test_users_directories():
    assert infer(["/Users/runner/work/x/setup.py"]).name == "macos"
    assert infer(["File \"C:/Users/u/AppData/Local/Temp/x.py\""]).name == "windows"
    assert infer(["  File \"/c/Users/u/project/setup.py\""]).name == "windows"  # Git Bash
    assert infer(["/mnt/c/Users/u/project/.venv/bin/python"]).name == "linux"  # WSL


@pytest.mark.parametrize("line", [
    "creating build/lib.linux-x86_64-cpython-311/M2Crypto",
    "checking build system type... x86_64-pc-linux-gnu",  # autoconf's config.guess, on every Linux
    "gcc -c a.c -o build/temp.linux-x86_64-cpython-311/a.o",
])
def test_only_linux(line):
    assert infer([line]).name == "linux"


@pytest.mark.parametrize("line", [
    "Collecting pyasn1>=0.3.7 (from python-ldap==3.4.8)",  # "from python" is no Dockerfile
    "  Skipping link: none of the wheel's tags (cp311-cp311-macosx_10_9_x86_64) are compatible",  # pip -v
    "  Skipping link: none of the wheel's tags (cp311-cp311-win_amd64) are compatible",
    "error: command 'gcc' failed: No such file or directory",
    "x86_64-linux-gnu.so",
    "    Try: sudo apt-get install libxml2-dev libxslt-dev",  # a build script's advice, printed anywhere
    "  yum install python3-devel   (or: apk add python3-dev)",
])
def test_not_a_clue(line):
    assert infer([line]).name is None


def test_python_and_origin():
    lp = infer(["gcc -I/home/user/.pyenv/versions/3.11.7/include/python3.11 -c a.c",
                "x86_64-linux-gnu-gcc -c b.c"])
    assert lp.name == "debian" and lp.python_version == (3, 11) and lp.python_origin == "pyenv"
    assert lp.platform().python.origin == "pyenv"
    lp = infer(["x86_64-linux-gnu-gcc -I/usr/include/python3.12 -c a.c"])
    assert lp.python_origin == "distro" and lp.platform().python.include == "/usr/include/python3.12"
    lp = infer(["/home/u/.local/share/uv/python/cpython-3.12.4-linux-x86_64-gnu/include/python3.12"])
    assert lp.python_origin == "uv"
    lp = infer(["/Library/Frameworks/Python.framework/Versions/3.11/include/python3.11/Python.h"])
    assert lp.name == "macos" and lp.python_origin == "python.org"
    lp = infer([r"C:\Users\u\AppData\Local\Packages\PythonSoftwareFoundation.Python.3.11_qbz5n2kfra8p0\x"])
    assert lp.name == "windows" and lp.python_origin == "windows-store"
    lp = infer(["gcc -I/opt/conda/include/python3.10 -c a.c", "/opt/conda/compiler_compat/ld: cannot find -lz"])
    assert lp.conda and lp.name is None  # conda, on a system the log does not show
    lp = infer(["gcc -I/opt/conda/include/python3.10 -c a.c", "creating build/lib.linux-x86_64-cpython-310"])
    assert lp.conda and lp.name == "linux" and lp.platform().python.origin == "conda"


def test_conda_on_windows_uses_conda():
    lp = infer([r"C:\Users\u\anaconda3\envs\x\include", r"C:\Users\u\anaconda3\envs\x\python.exe setup.py"])
    assert lp.name == "windows" and lp.conda
    assert lp.platform().manager == "conda"


def test_most_specific_wins_and_says_so():
    lp = infer(["/Users/runner/work/x/setup.py", "gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0"])
    assert lp.name == "ubuntu"
    assert lp.notes and "macOS" in lp.notes[0]
    # a distribution's banner over the family its triple names
    lp = infer(["x86_64-linux-gnu-gcc -c a.c", "gcc (Ubuntu 9.4.0-1ubuntu1~20.04.2) 9.4.0"])
    assert lp.name == "ubuntu" and lp.version == "20.04" and not lp.notes


def test_unknown():
    lp = infer(["error: can't find Rust compiler", "This package requires Rust >=1.56.0."])
    assert lp.name is None and lp.source == "unknown" and lp.platform() is None
    assert [label for label, _ in logplatform.common_platforms(lp)] == [
        "Debian/Ubuntu", "Fedora/RHEL", "Alpine", "Arch", "macOS", "Windows"]
    assert lp.as_json() == {"name": None, "version": None, "source": "unknown", "evidence": []}


def test_given():
    log = infer(["gcc -I/usr/include/python3.11 -c a.c"])
    lp = logplatform.given("ubuntu:22.04", log)
    assert (lp.name, lp.version, lp.source) == ("ubuntu", "22.04", "given")
    assert lp.python_version == (3, 11)
    assert logplatform.given("rhel:7").platform().manager == "yum"
    assert logplatform.given("fedora").platform().manager == "dnf"
    assert logplatform.given("conda", infer([r"C:\x\y.exe"])).platform().manager == "conda"
    with pytest.raises(ValueError):
        logplatform.given("beos")


def test_same_machine_kind():
    from pip_explain.enrich.platform import Platform

    debian = Platform("linux", "debian", (), "12", "Debian GNU/Linux 12", "apt")
    assert logplatform.same_machine_kind(infer(["gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0"]), debian)
    assert not logplatform.same_machine_kind(infer(["/opt/homebrew/bin/gcc"]), debian)
    assert not logplatform.same_machine_kind(infer(["gcc (Alpine 13.2.1_git20231014) 13.2.1"]), debian)
    assert logplatform.same_machine_kind(infer(["nothing here"]), debian)


@pytest.mark.parametrize("path", LOGS, ids=[os.path.basename(p)[:-4] for p in LOGS])
def test_recorded_here_is_linux(path):
    """Every log recorded here was made on this Debian 12 machine."""
    lp = infer_file(path)
    assert lp.name in (None, "linux", "debian"), (lp, lp.evidence)


@pytest.mark.parametrize("path", THIRDPARTY, ids=[os.path.basename(p)[:-4] for p in THIRDPARTY])
def test_public_logs_never_the_wrong_system(path):
    with open(path[:-4] + ".json", encoding="utf-8") as f:
        meta = json.load(f)
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    lp = infer(lines)
    from_file = infer_file(path)
    assert (lp.name, lp.version, lp.python_version) == (from_file.name, from_file.version, from_file.python_version)
    if lp.name is not None:
        system = logplatform.NAMES[lp.name][0]
        assert system == {"linux": "linux", "macos": "darwin", "windows": "windows"}[meta["os"]], lp.evidence


def test_long_log_is_fast_and_counts_lines(tmp_path):
    import time

    path = tmp_path / "long.log"
    line = "gcc -Wall -O2 -I/tmp/pip-build-env-x/include -c src/module_%d.c -o build/temp.linux/src/m.o\n"
    with open(path, "w") as f:
        for i in range(300000):  # about 27 MB: its middle is skipped, its lines counted
            f.write(line % i)
        f.write("gcc (Alpine 13.2.1_git20231014) 13.2.1 20231014\n")
    start = time.perf_counter()
    lp = infer_file(str(path))
    assert time.perf_counter() - start < 10
    assert lp.name == "alpine"
    assert lp.evidence[0].line == 300001


def _run(capsys, *argv):
    code = cli.main(list(argv))
    out = capsys.readouterr().out
    return code, out


def test_explain_gives_the_logs_platform(capsys):
    path = os.path.join(FIXTURES, "thirdparty", "21-macos-opensslv-h-cryptography.log")
    code, out = _run(capsys, "explain", path)
    assert code == 0
    assert "brew install openssl@3" in out and "apt-get" not in out
    assert "the log was made on macOS" in out
    code, out = _run(capsys, "explain", "--format", "json", path)
    platform = json.loads(out)["platform"]
    assert platform["name"] == "macos" and platform["source"] == "log" and platform["evidence"][0]["line"] == 2


def test_explain_side_by_side_when_not_shown(capsys):
    path = os.path.join(FIXTURES, "thirdparty", "27-rust-missing-cryptography-pep517-tail.log")
    code, out = _run(capsys, "explain", path)
    assert "the log does not show where it was made" in out
    assert "on Windows" in out and "winget install Rustlang.Rustup" in out
    code, out = _run(capsys, "explain", "--format", "json", path)
    assert json.loads(out)["platform"]["source"] == "unknown"


def test_explain_platform_override(capsys, tmp_path):
    path = os.path.join(FIXTURES, "thirdparty", "21-macos-opensslv-h-cryptography.log")
    code, out = _run(capsys, "explain", "--platform", "fedora", path)
    assert "dnf install openssl-devel" in out and "brew" not in out
    assert "as --platform asked" in out and "the log itself shows macOS (line 2:" in out
    code, out = _run(capsys, "explain", "--platform", "fedora", "--format", "json", path)
    assert json.loads(out)["platform"]["source"] == "given"
    assert cli.main(["explain", "--platform", "beos", path]) == 2


def test_check_only_for_this_kind_of_machine(capsys):
    path = os.path.join(FIXTURES, "thirdparty", "21-macos-opensslv-h-cryptography.log")
    code, out = _run(capsys, "explain", "--check", path)
    assert "not checked: the log was made on macOS" in out and "checked now" not in out


def test_hook_json_platform_is_this_machine():
    from pip_explain.enrich.platform import detect
    from pip_explain.report import machine_json

    value = machine_json(detect())
    assert value["source"] == "this-machine" and value["evidence"] == [] and value["label"]


def test_adversarial_lines_stay_fast():
    """Long lines built to make a careless pattern backtrack (every pattern is
    tried only where its literal part is, and reads a bounded stretch)."""
    import time

    from pip_explain.logparse import segments

    lines = [
        "9.917" + " " * 4000 + "x Backend subprocess exited",
        " " * 4000 + "Failed to build `" + "a" * 3000,
        "Call to `" + "a." * 2000 + "` failed",
        "Downloading " + "a-" * 2000 + ".tar.gz",
        "/" + "a/" * 2000 + "include/python3.11x",
        "-I" + "/a" * 2000 + "/include/python3",
        "C:\\" + "a\\" * 2000 + ".c(12)",
        "x/pyenv/versions/" * 240,
        "/include/python" * 270,
        "platform: Linux-" + "a" * 4000,
        "/x" + "conda" * 800,
        "gcc (GCC) " + "1" * 4000,
    ]
    for line in lines:
        start = time.perf_counter()
        segments([line] * 100)
        infer([line] * 100)
        assert time.perf_counter() - start < 2.0, line[:40]
