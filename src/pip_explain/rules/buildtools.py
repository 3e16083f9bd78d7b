"""A build program is missing: CMake (PX040), or another one such as ninja,
meson, swig, make, autoconf, bison (PX041)."""
from pip_explain.enrich.fixes import Context, install, quote, search_hint, table
from pip_explain.model import Fix, Pattern, Rule
from pip_explain.rules._shapes import is_build_or_fetch_tool, is_build_tool, is_cmake, missing_program, program


def _tool_fix(ctx: Context, tool: str, pip_name: str = ""):
    from pip_explain.enrich.packages import packages_for_tool

    fixes = []
    if pip_name and "no module named" in (ctx.evidence or "").lower():
        fixes.append(Fix("pip install --force-reinstall " + pip_name,
                         "the %s command found on PATH is the package index's wrapper script, and its package is"
                         " gone: reinstall it (in the environment that owns that script)" % tool))
    found = packages_for_tool(tool)
    if found:
        fixes.extend(install(ctx, found, "install " + tool))
    if pip_name:
        fixes.append(Fix("pip install " + pip_name,
                         "or put %s on PATH from the package index (it has wheels for most platforms)" % tool))
    if not fixes:
        fixes.extend(search_hint(ctx, tool) or (Fix("", "install %s with your system's package manager" % tool),))
    return tuple(fixes)


CMAKE = Rule(
    code="PX040",
    cause="cmake-missing",
    title="CMake not found",
    summary="{package} is built with CMake, and no usable cmake program was found.",
    patterns=missing_program(is_cmake) + (
        # scikit-build-core
        Pattern("cmakenotfounderror", r"CMakeNotFoundError: Could not find CMake", detail="cmake"),
        # setup.py templates (pybind11's cmake_example, dlib, ...)
        Pattern("cmake must be installed", r"CMake must be installed", detail="cmake"),
        # scikit-build (classic)
        Pattern("problem with the cmake installation", r"Problem with the CMake installation, aborting build",
                detail="cmake"),
        Pattern("cmake is not installed", r"\bCMake is not installed\b", detail="cmake"),
        # PyTorch's setup (tools/setup_helpers/cmake.py, _get_cmake_command): "RuntimeError: no cmake or cmake3 with
        # version >= 3.5.0 found" (an M1 source build, b18-macos-arm/17)
        Pattern("no cmake or cmake3", r"\bno cmake or cmake3 with version >= ?[\d.]{1,12} found", detail="cmake"),
        # the cmake command on PATH is the index's wrapper script, whose package is gone
        Pattern("no module named", r"No module named %s?cmake%s?\s*$" % ("['\"]", "['\"]"), detail="cmake"),
    ),
    fix=lambda ctx: _tool_fix(ctx, "cmake", "cmake"),
    verify=lambda ctx: ("cmake --version",),
    why="CMake-based packages declare the cmake package as a build requirement or expect cmake on PATH; with"
    " --no-build-isolation, an offline index, or a setup.py that runs cmake itself, none is there.",
    prevent="Keep build isolation on (pip then installs CMake from the index), or install cmake before building.",
    examples=(
        "scikit_build_core.errors.CMakeNotFoundError: Could not find CMake with version >=3.20",
        "subprocess.CalledProcessError: Command 'cmake --version' returned non-zero exit status 127.",
        "RuntimeError: CMake must be installed to build the following extensions: _core",
        "error: [Errno 2] No such file or directory: 'cmake'",
        "/bin/sh: 1: cmake: not found",
        "Problem with the CMake installation, aborting build. CMake executable is cmake",
        "RuntimeError: no cmake or cmake3 with version >= 3.5.0 found",
        "      'cmake' 不是内部或外部命令，也不是可运行的程序",
    ),
)


def _build_tool_fix(ctx: Context):
    tool = program(ctx.detail or "").lower() or "the tool"
    if tool in ("ninja", "ninja-build"):
        return _tool_fix(ctx, "ninja", "ninja")
    if tool == "meson":
        return _tool_fix(ctx, "meson", "meson")
    if tool.startswith("swig"):
        return _tool_fix(ctx, "swig", "swig")
    if tool.rsplit("-", 1)[-1] in ("ar", "ranlib", "ld") and ctx.platform.distro == "termux":
        # Termux's toolchain is LLVM's: llvm-ar, under the GNU names (and the target-prefixed ones the cc crate
        # asks for) only with binutils-is-llvm (termux-packages #11321, maturin #1638)
        return (Fix("pkg install binutils-is-llvm", "install LLVM's binutils under the names builds call (%s)" % tool),)
    if tool in _DH_ADDONS.values():
        return install(ctx, table(apt=tool), "install the package of the debhelper add-on that debian/rules uses") or (
            Fix("sudo apt install " + quote(tool), "install the package of the debhelper add-on that debian/rules"
                                                   " uses"),)
    if tool in ("make", "gmake") and ctx.platform.system == "windows":
        return (Fix("", "this package's build runs make, which Windows does not have: use WSL or MSYS2"),)
    return _tool_fix(ctx, tool)


# debhelper add-ons (dh --with NAME) and the Debian package that ships each (its Debian/Debhelper/Sequence/NAME.pm)
_DH_ADDONS = {"python3": "dh-python", "python2": "dh-python", "pypy": "dh-python", "autoreconf": "dh-autoreconf",
              "sphinxdoc": "sphinx-common", "numpy3": "python3-numpy", "numpy": "python-numpy"}


BUILD_TOOL = Rule(
    code="PX041",
    cause="build-tool-missing",
    title="Build program not found: {detail}",
    summary="{package}'s build runs {detail}, which is not installed (or not on PATH).",
    patterns=missing_program(is_build_or_fetch_tool) + (
        # meson-python: "meson-python: error: Could not find ninja version 1.8.2 or newer." (not its ", found 0.61.2":
        # that meson is there and too old, Ubuntu 22.04's under dbus-python, b18-buildsystems/12; nor ", found ." with
        # no version: meson-python says "found" only of a meson that ran and answered, here numpy's vendored meson.py
        # missing from a git tag's tarball, b24-pip-paths-backends/18; a missing one is 'meson executable "meson" not
        # found', its _get_meson_command)
        Pattern("could not find", r"meson-python: error: Could not find (?P<d>ninja|meson)\b(?![^\n]{0,80}, found\b)"),
        # autoconf's program check that came out empty, when the configure script stops right after (libuv's
        # bundled configure under uvloop on Termux: "checking for ar... no", "configure: error: could not determine
        # link -lib interface", b13-buildsystems/21); a check the script goes past is a probe, hence the stop
        Pattern("... no", r"^\s*checking for (?P<d>[\w.+-]{1,60})\.\.\. no\s*$", is_build_tool,
                then=r"configure: error:", within=8),
        # onnx's CMakeLists.txt (message(FATAL_ERROR "Protobuf compiler not found")) without protoc
        # (b13-sci-ml-linux/17, Ubuntu 24.10: apt install protobuf-compiler)
        Pattern("protobuf compiler not found", r"\bProtobuf compiler not found\b", detail="protoc"),
        # CMake's generator program
        # (the Windows generators, NMake and MinGW Makefiles, are the MSVC rule's)
        Pattern("unable to find a build program",
                r'CMake was unable to find a build program corresponding to "(?P<d>Ninja|Unix Makefiles)"',
                clean=lambda d: "ninja" if d == "Ninja" else "make"),
        # (not SWIG's own "Unable to find 'swig.swg'" nor a header named swig*: the program's name ends there)
        Pattern("unable to find", r"Unable to find %s?(?P<d>swig(?:[\d.]*)?(?:\.exe)?)(?![\w/.])" % "['\"]?"),
        # PyNaCl: "ERROR: The 'make' utility is missing from PATH"
        Pattern("is missing from path", r"%s(?P<d>[\w.+-]{1,128})%s (?:utility|program|command|tool) is missing from PATH"
                % ("['\"‘`]", "['\"’`]"), is_build_tool),
        # the command on PATH is the index's wrapper script (swig, ninja, meson), whose package is gone
        Pattern("no module named", r"No module named %s?(?P<d>swig|ninja|meson|mesonbuild)%s?\s*$" % ("['\"]", "['\"]"),
                clean=lambda d: "meson" if d == "mesonbuild" else d),
        # pip itself, for a VCS requirement: "Cannot find command 'git' - do you have 'git' installed ..."
        Pattern("cannot find command", r"Cannot find command %s(?P<d>git|hg|svn|bzr)%s" % ("['\"]", "['\"]")),
        # file(1), which libtool.m4's configure checks run as /usr/bin/file: "./configure: line 1: /usr/bin/file:
        # not found" (slim images such as Alpine's python:*-alpine have none)
        Pattern("/file: not found", r"(?:^|[\s:])/usr/bin/(?P<d>file): not found"),
        # libtool.m4's LT_PATH_LD in a configure script: "configure: error: no acceptable ld found in $PATH"
        # (gevent's bundled libev / c-ares on Termux)
        Pattern("no acceptable ld found", r"no acceptable ld found in \$PATH", detail="ld"),
        # debhelper's dh without the add-on a debian/rules names (dh $@ --with python3): "dh: error: unable to load
        # addon python3: Can't locate Debian/Debhelper/Sequence/python3.pm in @INC (you may need to install the
        # Debian::Debhelper::Sequence::python3 module)" (mlat-client's dpkg-buildpackage on Raspbian,
        # b23-sandboxed-builders/03; debhelper's Dh_Lib.pm). The add-on's package: dh-python for the Python ones
        Pattern("unable to load addon", r"\bunable to load addon (?P<d>[\w-]{1,60}): Can't locate Debian/Debhelper/Sequence/",
                clean=lambda d: _DH_ADDONS.get(d, "the debhelper add-on %s" % d)),
        # autoconf's config.status when no (GNU) make runs
        Pattern("bootstrapping makefile fragments", r"Something went wrong bootstrapping makefile fragments",
                detail="make"),
    ),
    fix=_build_tool_fix,
    verify=lambda ctx: ((quote(program(ctx.detail)) + " --version",) if ctx.detail else ()),
    why="Besides compilers, builds run generators and helpers: meson and ninja (meson-python), swig (SWIG"
    " wrappers), make and the autotools (bundled C libraries), bison/flex, nasm. Build isolation provides the"
    " ones published on the package index (ninja, meson, cmake, swig); the others come from the system.",
    prevent="Keep build isolation on, and install the system build tools a package documents before building.",
    examples=(
        "meson-python: error: Could not find ninja version 1.8.2 or newer.",
        "      ../meson.build:3:8: ERROR: Program 'bison win_bison' not found or not executable",
        "error: command 'swig' failed: No such file or directory",
        "/bin/sh: 1: make: not found",
        "make: command not found",
        "error: [Errno 2] No such file or directory: 'ninja'",
        'CMake was unable to find a build program corresponding to "Ninja".  CMAKE_MAKE_PROGRAM is not set.',
        "ERROR: Cannot find command 'git' - do you have 'git' installed and in your PATH?",
        "ModuleNotFoundError: No module named 'swig'",
        "error: command 'swig.exe' failed: None",
        "RuntimeError: swig executable not found on path!",
        "      Install swig and try again",
        "./configure: line 1: /usr/bin/file: not found",
        "      protoc not found",
        "RuntimeError: The Protobuf compiler, `protoc`, which is required for building this package, could not be found.",
        "Can't exec \"aclocal\": No such file or directory at /usr/local/Cellar/autoconf/2.69/share/autoconf/Autom4te/"
        "FileUtils.pm line 326.",
        # GNU make running a recipe's program itself: python-zpar's Makefile on macOS (make 3.81, blind b7/78),
        # the kernel's cpupower bindings (make 4.x), GNU make 4.3 here in German
        "  make: wget: No such file or directory",
        "make: swig: No such file or directory",
        "make: swig: Datei oder Verzeichnis nicht gefunden",
        # the cc crate (cc-rs's ToolNotFound) asking for the archiver: maturin on Termux (blind b8-pages/17)
        "  error occurred: Failed to find tool. Is `aarch64-linux-android-ar` installed?",
        "dh: error: unable to load addon python3: Can't locate Debian/Debhelper/Sequence/python3.pm in @INC (you may"
        " need to install the Debian::Debhelper::Sequence::python3 module) (@INC contains: /etc/perl)",
        "Can't exec \"pyversions\": No such file or directory at /usr/share/perl5/Debian/Debhelper/Buildsystem/"
        "python_distutils.pm line 124.",
    ),
    counter_examples=("meson-python: error: Could not find meson version 0.63.3 or newer, found 0.61.2",
                      "make: *** [Makefile:12: all] Error 1", "ninja: build stopped: subcommand failed.",
                      "make: *** [/tmp/zpar.tar.gz] Error 1",
                      "make: *** [Makefile:27: raw_pylibcpupower_wrap.c] Error 127",
                      "make: Makefile.in: No such file or directory",
                      # SWIG's own library missing (a broken SWIG install), not the program
                      "           :1: Error: Unable to find 'swig.swg'"),
)

RULES = (CMAKE, BUILD_TOOL)
