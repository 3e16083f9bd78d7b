"""Knowledge that rules a cause out (TAXONOMY.md, "Rules of the contract").

A rule's wording proves what a tool said; whether that names the cause depends
on what is known about the world. A library every libc has cannot be a package
to install; a POSIX header under MSVC is a package that does not support
Windows; a compiler's own header that its own wrapper cannot find is a broken
toolchain; CMake without a C compiler on Windows is missing Visual Studio's
tools, not a gcc; setuptools "found in no version" means no index answered.

Each :class:`Ruling` is data: the cause it is about, the details and the
situations it applies to, and what the cause is instead (None: the first root
cause is outside the taxonomy, so the log stays unrecognized). The engine
(:mod:`pip_explain.classify`) applies them to every match before naming a
cause; it knows no ruling by name. Situations are facts about the whole log
(:func:`situations`), computed only when a ruling needs them.
"""
from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from typing import Callable, FrozenSet, Iterable, List, Optional, Sequence, Set, Tuple

from pip_explain.rules._shapes import _CMD_NOT_RECOGNIZED
from pip_explain.rules._shapes import OPEN as _QUOTE
from pip_explain.rules._shapes import (
    EXEC_LOCALS,
    SDIST_TEXT_FILE,
    is_build_tool,
    is_c_compiler,
    is_cmake,
    is_config_tool,
    is_cxx_compiler,
    is_fortran_compiler,
    is_msvc,
    is_python_config,
    is_rust_tool,
    is_windows_sdk_header,
    library_file_gone,
    library_header_gone,
    is_python_header,
    python_header_gone_in,
)

# -- facts ---------------------------------------------------------------------

# Libraries every glibc system has in the C library's own development package
# (libc6-dev / glibc-devel), which any working gcc needs anyway: "cannot find
# -lpthread" there is a linker that does not search the system's library
# directories (conda's compiler_compat/ld, a wrong --sysroot), not a package.
# (libcrypt and libnsl left glibc: their absence is a package, not listed.)
LIBC_LIBRARIES = frozenset({"c", "pthread", "m", "dl", "rt", "util", "resolv", "anl"})

# Headers of POSIX systems that Microsoft's C runtime does not have: under MSVC
# the package (or this part of it) does not support Windows. (MSVC has
# sys/types.h, sys/stat.h, sys/timeb.h, sys/utime.h and sys/locking.h.)
_MSVC_SYS = frozenset({"sys/types.h", "sys/stat.h", "sys/timeb.h", "sys/utime.h", "sys/locking.h"})
POSIX_ONLY_HEADERS = frozenset({
    "unistd.h", "sched.h", "termios.h", "pthread.h", "dlfcn.h", "netdb.h", "poll.h", "pwd.h", "grp.h",
    "syslog.h", "dirent.h", "strings.h", "semaphore.h", "fnmatch.h", "glob.h", "libgen.h", "langinfo.h",
    "err.h", "getopt.h", "execinfo.h", "ucontext.h", "spawn.h", "utime.h", "endian.h", "alloca.h", "termio.h",
    "arpa/inet.h", "netinet/in.h", "netinet/tcp.h", "net/if.h", "ifaddrs.h", "wordexp.h", "sysexits.h",
    "features.h", "byteswap.h", "link.h", "elf.h", "pty.h", "utmp.h", "regex.h", "iconv.h", "nl_types.h",
})

# Headers only glibc has (no other C library, musl included, ships them).
GLIBC_ONLY_HEADERS = frozenset({"execinfo.h", "gnu/libc-version.h", "fstab.h", "printf.h", "mcheck.h"})

# Headers only Windows' C runtime has: on another platform the package (or
# this part of it) does not support it, or its own copy of the file is gone.
WINDOWS_ONLY_HEADERS = frozenset({
    "io.h", "conio.h", "direct.h", "windows.h", "winsock.h", "winsock2.h", "ws2tcpip.h", "tchar.h",
    "crtdbg.h", "winbase.h", "windef.h", "winnt.h", "shlobj.h", "shellapi.h", "mmsystem.h", "objbase.h",
})

# The standard headers of C itself and of its freestanding part (the
# compiler's own): a toolchain cannot work without them.
STANDARD_HEADERS = frozenset({
    "float.h", "stdint.h", "stddef.h", "stdarg.h", "limits.h", "stdbool.h", "iso646.h", "stdalign.h",
    "stdnoreturn.h", "stdatomic.h", "stdio.h", "stdlib.h", "string.h", "math.h", "errno.h", "time.h",
    "wchar.h", "ctype.h", "assert.h", "signal.h", "setjmp.h", "locale.h", "inttypes.h", "wctype.h",
    "fenv.h", "complex.h", "tgmath.h", "uchar.h",
})
# stdint.h and inttypes.h came to MSVC with Visual Studio 2010 (C99 headers):
# missing under MSVC they mean an old compiler (VC9 for Python 2.7), not a library.
C99_HEADERS_MSVC_LACKED = frozenset({"stdint.h", "inttypes.h", "stdbool.h"})

# Build requirements every package index carries (the ones build backends
# declare): "(from versions: none)" for them means no index answered.
INDEX_STAPLES = frozenset({
    "setuptools", "wheel", "setuptools-scm", "setuptools_scm", "hatchling", "hatch-vcs", "flit-core",
    "flit_core", "poetry-core", "poetry_core", "pdm-backend", "pdm-pep517", "scikit-build-core",
    "scikit-build", "meson-python", "maturin", "cython", "numpy", "pip", "packaging", "cffi", "pybind11",
    "setuptools-rust", "setuptools_rust", "cmake", "ninja", "versioneer", "extension-helpers",
})


def _library_name(detail: str) -> str:
    name = detail.strip("'\"`‘’").replace("\\", "/").rsplit("/", 1)[-1]
    return name[2:] if name.startswith("-l") else name


def is_libc_library(detail: str) -> bool:
    return _library_name(detail) in LIBC_LIBRARIES


def _path(detail: str) -> str:
    return detail.strip("'\"`‘’“”<>").replace("\\", "/").lower()


# Libraries of Linux's own interfaces and of POSIX's C library that Windows has no build of: MSVC's linker
# looking for one ("cannot open input file 'aio.lib'") is a package (or a part of it) not made for Windows.
# (and GCC's own C++ runtime, "stdc++", which MSVC has no library of: puq's extension asking for it, LNK1181 on
# 'stdc++.lib', b43-win-mac-2014-20-d/05)
LINUX_ONLY_LIBRARIES = frozenset({"aio", "udev", "asound", "systemd", "bluetooth", "cap", "seccomp", "m", "dl", "rt",
                                  "util", "stdc++"})

# Directories of headers that only Linux has (the kernel's, ALSA's, LXC's containers): under MSVC, the package (or
# this part of it) is for Linux.
LINUX_ONLY_DIRS = ("linux/", "asm/", "alsa/", "bluetooth/", "systemd/", "lxc/")
# ... and of APIs that only Unix systems have (SANE's scanners, X11): no Windows build of them
UNIX_ONLY_DIRS = ("sane/", "x11/")
# Headers of Linux (glibc's and the kernel's interfaces) that macOS does not have: there the package (or this
# part of it) does not support macOS. (malloc.h: macOS has malloc/malloc.h.)
NOT_ON_MACOS_HEADERS = frozenset({
    "malloc.h", "byteswap.h", "features.h", "elf.h", "link.h", "pty.h", "termio.h", "mcheck.h",
    "gnu/libc-version.h", "sys/epoll.h", "sys/inotify.h", "sys/prctl.h",
    "sys/sysinfo.h", "sys/signalfd.h", "sys/timerfd.h", "sys/eventfd.h", "sys/sendfile.h", "sys/vfs.h",
    "sys/io.h", "sys/klog.h", "libudev.h",
})


# Apple's frameworks, whose headers (<CoreFoundation/CoreFoundation.h>, <IOKit/hid/IOHIDManager.h>) only the macOS
# SDK ships: elsewhere a package that includes them is for macOS (MacFSEvents on Debian, live batch 36)
APPLE_FRAMEWORKS = frozenset({
    "CoreFoundation", "CoreServices", "Foundation", "AppKit", "Cocoa", "Carbon", "ApplicationServices", "IOKit",
    "Security", "SystemConfiguration", "CoreAudio", "AudioToolbox", "AudioUnit", "CoreMIDI", "CoreGraphics",
    "CoreText", "CoreVideo", "CoreMedia", "AVFoundation", "QuartzCore", "Quartz", "Metal", "OpenCL", "OpenGL",
    "Accelerate", "DiskArbitration", "CoreWLAN", "CoreBluetooth", "CoreLocation", "ImageIO", "WebKit", "ScriptingBridge",
})


def is_apple_framework_header(detail: str) -> bool:
    parts = detail.strip("'\"`‘’“”<>").replace("\\", "/").split("/")
    return len(parts) >= 2 and parts[0] in APPLE_FRAMEWORKS and parts[-1].endswith(".h")


# ... of them, those every C library of Linux ships with its other headers (glibc's libc6-dev, musl-dev)
_C_LIBRARY_OWN_HEADERS = frozenset({"malloc.h", "features.h", "byteswap.h"})


def is_not_on_macos_header(detail: str) -> bool:
    path = _path(detail)
    return path in NOT_ON_MACOS_HEADERS or path.startswith(LINUX_ONLY_DIRS)


# Linux's own interfaces that Cygwin does not emulate (epoll, inotify, prctl, signalfd, the kernel's headers):
# there the package (or the part of it, a bundled library configured for Linux) does not support Cygwin
NOT_ON_CYGWIN_HEADERS = frozenset({"sys/epoll.h", "sys/inotify.h", "sys/prctl.h", "sys/signalfd.h", "sys/klog.h",
                                   "sys/io.h", "libudev.h"})


def is_not_on_cygwin_header(detail: str) -> bool:
    path = _path(detail)
    return path in NOT_ON_CYGWIN_HEADERS or path.startswith(LINUX_ONLY_DIRS)


def is_posix_only_header(detail: str) -> bool:
    """A POSIX (or Linux-only) header, which Microsoft's C runtime does not have."""
    path = _path(detail)
    if path in _MSVC_SYS:
        return False
    return path in POSIX_ONLY_HEADERS or path.startswith(("sys/", "netinet/", "bits/") + LINUX_ONLY_DIRS + UNIX_ONLY_DIRS)


def is_glibc_only_header(detail: str) -> bool:
    return _path(detail) in GLIBC_ONLY_HEADERS


def is_windows_only_header(detail: str) -> bool:
    return _path(detail) in WINDOWS_ONLY_HEADERS


def is_standard_header(detail: str) -> bool:
    return _path(detail) in STANDARD_HEADERS


def is_c99_header_msvc_lacked(detail: str) -> bool:
    return _path(detail) in C99_HEADERS_MSVC_LACKED


def is_private_header(detail: str) -> bool:
    """``_gw.h``: a header named like a private module (PEP 8: the C part of a
    package is ``_name``; Cython writes ``_name.h`` for its public declarations),
    the package's own or generated by its build, never a library's."""
    name = _path(detail).rsplit("/", 1)[-1]
    return name.startswith("_") and not name.startswith("__")


# C99's integer and boolean headers, which MSVC lacked before Visual Studio 2010 (stdint.h) and 2013 (inttypes.h,
# stdbool.h): projects carry a copy for old compilers in a directory of their own ("msinttypes/stdint.h", pyahocorasick
# 1.1.5's windows.h, b26-longtail-pkgs-a/15); the C library has the real one at the top of its include directory
_C99_COMPAT = ("stdint.h", "inttypes.h", "stdbool.h")
_SYSTEM_SUBDIRS = ("sys/", "bits/", "gnu/", "linux/", "asm/", "machine/", "arm/", "i386/", "x86_64-linux-gnu/",
                   "aarch64-linux-gnu/", "arm-linux-gnueabihf/", "c++/", "architecture/", "_types/")


def is_compat_copy_of_c99_header(detail: str) -> bool:
    """``msinttypes/stdint.h``: a C99 header under a directory of the project's, its copy for compilers without
    one, missing from its sources; no library ships it."""
    path = _path(detail)
    if "/" not in path or path.rsplit("/", 1)[-1] not in _C99_COMPAT:
        return False
    return not path.startswith(_SYSTEM_SUBDIRS) and "/include/" not in "/" + path


def is_old_freetype_path(detail: str) -> bool:
    """``freetype/fterrors.h``: FreeType 2.5.1 (2013) stopped installing its headers under include/freetype/; a
    program includes <ft2build.h> and names the others through its macros (FT_ERRORS_H), with pkg-config's
    -I.../freetype2. Sources that include "freetype/x.h" directly predate that: installing FreeType does not help
    them (PIL 1.1.7, b27-libheaders-a/18). Not ft2build.h, which every FreeType user includes."""
    path = _path(detail)
    return path.startswith("freetype/") and path.endswith(".h") and "/" not in path[9:]


# a compile command with a doubled include flag ("-I-I/opt/homebrew/Cellar/xxhash/0.8.2/include": kitty's setup.py
# on macOS, b27-libheaders-b/13): gcc and clang take "-I/opt/..." as a directory name, so the library's headers there
# are not searched; the build composed its flags wrong, nothing is missing
DOUBLED_INCLUDE_FLAG = "doubled-include-flag"
_DOUBLED_INCLUDE_FLAG = re.compile(r"(?:^|\s)-I-I/")


# the directories projects keep other projects' sources in (git submodules, vendored copies)
_VENDORED_DIRS = ("third_party/", "third-party/", "thirdparty/", "3rdparty/", "3rd_party/", "vendor/", "vendored/",
                  "external/", "extern/", "submodules/", "deps/", "contrib/")


def is_vendored_header(detail: str) -> bool:
    """``third_party/glm/glm/glm.hpp``: a header asked for by its path under the package's own directory of
    other projects' sources (a git submodule, a vendored copy), not through the system's include path."""
    return _path(detail).startswith(_VENDORED_DIRS)


def is_index_staple(detail: str) -> bool:
    return detail.lower().replace(".", "-") in INDEX_STAPLES or detail.lower() in INDEX_STAPLES


def is_cmake_compiler(detail: str) -> bool:
    return is_c_compiler(detail) or is_cxx_compiler(detail)


def is_cxx_runtime(detail: str) -> bool:
    """``c++``: libc++, the C++ runtime that every macOS SDK and Xcode ship
    (Apple's ld64 is the only linker that prints ``library 'X' not found``)."""
    return _library_name(detail) == "c++"


def is_unversioned_libpython(detail: str) -> bool:
    """``-lpython`` with no version: no CPython build makes a ``libpython.so``
    (its Makefile names it ``libpython$(LDVERSION)``, and ``libpython3.so`` for
    the stable ABI), so the build script composed the name wrong (Python 2's
    sysconfig has no LDVERSION)."""
    return _library_name(detail) == "python"


def is_libpython(detail: str) -> bool:
    return re.fullmatch(r"python[0-9.]{0,8}[dmu]{0,3}", _library_name(detail)) is not None


def _package_key(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name.strip("_").lower())


def package_fact(name: str) -> str:
    """The fact that the log builds the package ``name`` (see :func:`situations`)."""
    return "package:" + _package_key(name)


def _packages_named(text: str):
    """The packages a piece of the log says it builds or failed to build ("Failed building wheel for X")."""
    if any(n in text.lower() for n in _PACKAGE_NEEDLES):
        for m in _PACKAGE.finditer(text):
            yield (m.group("n") or m.group("p") or m.group("u") or m.group("g")).split("==", 1)[0].rstrip(".")


def named_package(lines: Iterable[str]) -> Optional[str]:
    """The first package a log names as the one it builds, or None."""
    return next((name for line in lines for name in _packages_named(line)), None)


def is_header_named_after_the_package(detail: str, facts: FrozenSet[str]) -> bool:
    """``pacparser.h`` while building pacparser: a header with no directory,
    named exactly like the package (or its extension module) the log builds,
    is the package's own file, missing from its sources (an sdist without it,
    a submodule not checked out), not a library's. Unless a library of the
    package table ships it: a binding named after its library (btrfsutil.h,
    libbtrfsutil's, while building the btrfsutil binding)."""
    path = _path(detail)
    if "/" in path or not path.endswith((".h", ".hpp", ".hh")):
        return False
    if angle_include_fact(path) in facts:
        # the compiler's echo shows "#include <zbar.h>": a header asked for from the system's include
        # directories, a library's (the zbar binding, b25-qa-pages/03), not a file of the package's tree
        return False
    from pip_explain.enrich.packages import row_for_header

    if row_for_header(path) is not None:
        return False
    if _debian_only_header(path) and _library_header_by_command(facts):
        return False
    if package_fact(path.rsplit(".", 1)[0]) in facts:
        return True
    # the same name with its words joined otherwise: tinyobjloader's tiny_obj_loader.h
    squashed = re.sub(r"[-_.]+", "", path.rsplit(".", 1)[0])
    return len(squashed) >= 5 and any(f.startswith("package:") and f[8:].replace("_", "") == squashed for f in facts)


def is_module_named_after_the_package(detail: str, facts: FrozenSet[str]) -> bool:
    """``_pyrsistent_version`` while building pyrsistent: a private module whose name holds the package's (its
    words joined or not), the package's own file; not ``_cffi_backend`` while building cffi (the module of a
    build requirement named like the package, which the binding needs installed first)."""
    name = detail.strip().lstrip("_").split(".", 1)[0].lower()
    if len(name) < 4:
        return False
    squashed = name.replace("_", "")
    for fact in facts:
        if fact.startswith("package:"):
            package = fact[8:].replace("_", "").replace("-", "")
            # the package itself, imported by its own setup.py to read its version (nvdiffrast under ComfyUI's
            # embeddable Python, b33-cpp-bindings-3/08)
            if len(package) >= 4 and name == fact[8:].lower() and "." not in detail and not detail.startswith("_"):
                return True
            # (a public name needs the package's name then "_": xmlsec's xmlsec_setupinfo, b32-old-pip-longtail-3/16)
            if not detail.startswith("_") and not name.replace("-", "").startswith(package + "_"):
                continue
            if len(package) >= 4 and squashed.startswith(package) and squashed != package:
                return squashed[len(package):] in _OWN_MODULE_SUFFIXES
    return False


# what a project calls the module beside its setup.py that holds its version or build settings
_OWN_MODULE_SUFFIXES = frozenset({"version", "about", "meta", "metadata", "info", "build", "config", "setup",
                                  "setupinfo", "buildinfo"})


# Libraries of the C library on POSIX systems, which MSVC does not have (its C runtime has their
# functions): a setup.py that links libraries=["m"] unconditionally asks link.exe for m.lib. (pthread left
# out: pthreads-win32 and vcpkg make a pthread library for Windows.)
POSIX_LIBC_LIBRARIES = LIBC_LIBRARIES - {"pthread"}
# Libraries Linux has that macOS does not, by design: librt (its functions are in libSystem), GCC's
# libatomic (clang's compiler-rt has the atomics).
NOT_ON_MACOS_LIBRARIES = frozenset({"rt", "atomic"})


def is_posix_libc_library(detail: str) -> bool:
    return _library_name(detail) in POSIX_LIBC_LIBRARIES


def is_libsystem(detail: str) -> bool:
    """``System``: macOS's C library, in every SDK."""
    return _library_name(detail) == "System"


def is_not_on_macos_library(detail: str) -> bool:
    return _library_name(detail) in NOT_ON_MACOS_LIBRARIES


def is_libc_internal_header(detail: str) -> bool:
    """``bits/unistd_ext.h``: a header of glibc's own internal directories, which its public headers
    include (they ship together in the C library's development package)."""
    return _path(detail).startswith(("bits/", "gnu/"))


_SOURCE_EXTS = (".c", ".cc", ".cpp", ".cxx", ".c++", ".m", ".mm", ".h", ".hh", ".hpp", ".hxx", ".cu", ".cuh")


def _stem(name: str) -> str:
    return name.rsplit(".", 1)[0]


def is_own_header(header: str, source: str) -> bool:
    """Whether ``header`` (no directory), missing while ``source`` includes it, is a file of the package's
    own tree rather than a library's, by how projects name their files:

    - a sibling: named with the including file's prefix ("subs_" in mwdust's subs_asciifile.c ->
      subs_memory.h, "abpoa_" in pyabpoa's abpoa_align_simd.c -> abpoa_simd_internal.h), or extending its
      name (crosshair's _tracers.c -> _tracers_pycompat.h); not a SWIG wrapper's (gdal_wrap.cpp includes
      the library's gdal_*.h);
    - the package's header beside its extension module: named like the directory of a module named after
      it (khmer/_khmermodule.cc -> khmer.hh, psautohint/_psautohint.c -> psautohint.h; not
      winpty/cywinpty.c -> winpty.h, src/_portaudiomodule.c -> portaudio.h).

    A header the package table knows (a library's: yaml.h in yaml/_yaml.h) is never the package's own."""
    path = _path(header)
    if "/" in path or not path.endswith((".h", ".hh", ".hpp", ".hxx")):
        return False
    parts = source.replace("\\", "/").lower().rsplit("/", 2)
    name = parts[-1]
    if not name.endswith(_SOURCE_EXTS):
        return False
    h, src = _stem(path), _stem(name)
    if h == src:
        return False
    own = False
    common = os.path.commonprefix([h, src])
    cut = common.rfind("_")
    if not src.endswith("wrap") and ((cut > 0 and len(common[:cut].lstrip("_")) >= 3)
                                     or (h.startswith(src + "_") and len(src.lstrip("_")) >= 3)):
        own = True
    elif len(parts) >= 2 and parts[-2] == h:
        core = src.lstrip("_")
        core = core[:-6].rstrip("_") if core.endswith("module") else core
        own = core == h and core != src
    if not own:
        return False
    from pip_explain.enrich.packages import library_ships_header

    return not library_ships_header(header)


def python_fact(version: Tuple[int, int]) -> str:
    """The fact that the log builds for CPython ``version`` (its include directory, its build directories)."""
    return "python:%d.%d" % version


# setuptools' build directories name the interpreter: build/temp.linux-x86_64-cpython-311, build/lib.win-amd64-cpython-312
_CPYTHON_BUILD_DIR = re.compile(r"[.-]cpython-3(\d\d)\b")


# Python 2's import error names the module without quotes ("ImportError: No module named numpy.distutils.core");
# Python 3.3+ quotes it ("No module named 'numpy'"; `python -m x`'s own "No module named x" has no "ImportError:")
_PYTHON2_IMPORT = re.compile(r"^\s{0,40}ImportError: No module named [A-Za-z_][\w.]{0,100}\s*$", re.MULTILINE)


def _python_versions(facts: FrozenSet[str]) -> list:
    return [tuple(int(n) for n in f[7:].split(".")) for f in facts if f.startswith("python:")]


def _python_at_least(facts: FrozenSet[str], version: Tuple[int, int]) -> bool:
    """The log builds for CPython ``version`` or later (and for no older one)."""
    versions = _python_versions(facts)
    return bool(versions) and all(v >= version for v in versions)


def is_python_header_gone_in_log(detail: str, facts: FrozenSet[str]) -> bool:
    """A header CPython's include directory no longer has, in a log that builds for a Python without it."""
    gone = python_header_gone_in(detail)
    if gone is None:
        return False
    return _python_at_least(facts, gone)


def _unknown_header(header: str) -> bool:
    """No library of the package table, nor CPython, nor Debian under the library's own name ships this header."""
    from pip_explain.enrich.packages import library_ships_header

    return not library_ships_header(header) and not is_python_header(header) and python_header_gone_in(header) is None


def _not_in_package_table(header: str) -> bool:
    """No library of the package table (Debian's index may still name one: libsptk-dev's SPTK.h, a vendored copy's
    namesake) nor CPython ships this header."""
    from pip_explain.enrich.packages import row_for_header

    return row_for_header(header) is None and not is_python_header(header) and python_header_gone_in(header) is None


def _library_ships(header: str) -> bool:
    from pip_explain.enrich.packages import library_ships_header

    return library_ships_header(header)


def _debian_only_header(header: str) -> bool:
    """A header only Debian's index knows, as its library's own (GeoIP.h in libgeoip-dev), not the package table."""
    from pip_explain.enrich.packages import debian_package_for_header, row_for_header

    return row_for_header(header) is None and debian_package_for_header(header) is not None


_SOURCE_BEFORE = re.compile(r"(?:^|[\s/\\])(?P<stem>[\w.+-]{1,128})\.(?:c|cc|cpp|cxx|pyx)(?::\d{1,7}(?::\d{1,5})?:|\(\d{1,7}\)\s?:)"
                            r"[^\n]{0,40}$")


def _binding_source(text: str, at: int, header: str) -> bool:
    """The file that includes ``header`` is named after it, as a binding's is: cf-units' _udunits2.c including
    "udunits2.h", PyAudio's _portaudiomodule.c and portaudio.h. The header is then the library's the binding
    wraps, not the project's own (tinyobjloader's bindings.cc including "tiny_obj_loader.h" is not such a file)."""
    m = _SOURCE_BEFORE.search(text, text.rfind("\n", 0, at) + 1, at)
    if m is None:
        return False
    stem = m.group("stem").lower().lstrip("_")
    for suffix in ("module", "_wrap", "wrap", "_ext", "ext"):
        if stem.endswith(suffix) and len(stem) > len(suffix):
            stem = stem[: -len(suffix)].rstrip("_")
            break
    name = _path(header).rsplit(".", 1)[0]
    # (a library named lib<x> wrapped by _<x>.c: imagecodecs' _aec.c including "libaec.h", b30-unseen-headers/10)
    return stem in (name, name[3:] if name.startswith("lib") and len(name) > 5 else name)


def _library_header_by_command(facts) -> bool:
    """The compile command is shown and looks for headers in no directory above the package's own: a header
    only Debian's index knows is then the library's. Without the command (a two-line excerpt) or with
    "-I.." (a binding built from its library's source tree, pacparser) it may be the project's own file."""
    return COMPILE_SHOWN in facts and TREE_INCLUDE not in facts


# an include directory of the package's own tree on a compile command: relative ("-Ilib/SPTK/include"), under the
# directory pip unpacked the sources into, or under a directory named like the extension the block builds
# ("building 'pysptk._sptk' extension" ... "-I<checkout>/pysptk/lib/SPTK/include": pysptk's git checkout without its
# SPTK submodule, b36-old-pip-longtail-7/12)
_INCLUDE_FLAG = re.compile(r"(?:^|\s)[-/]I\s?['\"]?(?P<d>[^\s'\"]{1,400})")
_BUILDING_EXTENSION = re.compile(r"building '(?P<n>[A-Za-z_][\w]{0,80})[.']")


def _include_paths(text: str) -> Iterable[Tuple[str, bool]]:
    """Each include directory of a compile command in ``text``: lower case, with "/", no trailing "/"; and whether it
    is absolute (a root or a Windows drive)."""
    for m in _INCLUDE_FLAG.finditer(text):
        path = m.group("d").replace("\\", "/").lower().rstrip("/")
        yield path, path.startswith("/") or re.match(r"[a-z]:", path) is not None


def _own_include_dirs(text: str) -> Set[str]:
    """The directory names (lower case) of the include directories in ``text`` that lie in the package's own tree."""
    top = {m.group("n").lower() for m in _BUILDING_EXTENSION.finditer(text)}
    names: Set[str] = set()
    for path, absolute in _include_paths(text):
        parts = [p for p in path.split("/") if p and p not in (".", "..")]
        if absolute:
            cut = next((i for i, p in enumerate(parts) if p in top or p.startswith(("pip-install-", "pip-req-build-",
                                                                                     "pip-build-"))), None)
            if cut is None:
                continue
            parts = parts[cut + 1:]
        names.update(p for p in parts if p not in ("include", "src", "lib", "inc", "source"))
    return names


def _nested_dirs(text: str) -> Set[str]:
    """The last directory names (lower case) of relative include paths two or more deep ("-Ihidapi/hidapi"): a copy
    of a library kept in the package's own tree (cython-hidapi's embedded hidapi, a submodule: its hidapi.h missing
    is the tree's, whatever a system library of that name would ship, b45-uv-poetry-pdm/09)."""
    names: Set[str] = set()
    for path, absolute in _include_paths(text):
        parts = [p for p in path.split("/") if p and p != "."]
        if not absolute and ".." not in parts and len(parts) >= 2:
            names.add(parts[-1])
    return names


def _vendored_include_dirs(text: str) -> Set[str]:
    """The names (lower case) of the directories right under a third-party directory of an include path in ``text``
    ("-I/grouped_gemm/third_party/cutlass/include/" -> cutlass: grouped_gemm's CUTLASS submodule,
    b44-cpp-cuda-ext-7/16), whatever its root: libraries the project vendors in its own tree."""
    names: Set[str] = set()
    for path, _absolute in _include_paths(text):
        parts = path.split("/")
        names.update(parts[i + 1] for i in range(len(parts) - 1) if parts[i] in _VENDOR_DIRS and parts[i + 1])
    return names


def _library_tree_roots(text: str) -> Set[str]:
    """The first directory names (lower case) of relative include paths ending in a library's own include directory
    ("-Ienet/include/" -> enet): a copy of library X kept at X/ in the package's own tree (pyenet's bundled ENet, left
    out of its sdist, live batch 44), so a missing "X/...h" is that copy's, not a system library's."""
    names: Set[str] = set()
    for path, absolute in _include_paths(text):
        parts = [p for p in path.split("/") if p and p != "."]
        if not absolute and ".." not in parts and len(parts) == 2 and parts[1] == "include":
            names.add(parts[0])
    return names


_VENDOR_DIRS = frozenset({"third_party", "third-party", "thirdparty", "3rdparty", "3rd_party", "3rd-party", "vendor",
                          "vendored", "submodules"})
# a missing header under a directory ("fatal error: cutlass/bfloat16.h: No such file or directory", clang's "fatal
# error: 'cutlass/bfloat16.h' file not found", MSVC's "Cannot open include file: 'cutlass/bfloat16.h'")
_MISSING_DIR_INCLUDE = re.compile(r"(?:fatal error|error C1083)[^\n]{0,80}?[\s'\"‘“](?P<h>[A-Za-z_][\w.+-]{0,63}/[\w./+-]{1,200}?"
                                  r"\.(?:h|hh|hpp|hxx|cuh))\b")


_TREE_SITTER_GENERATED = frozenset({"tree_sitter/parser.h", "tree_sitter/alloc.h", "tree_sitter/array.h"})


# a traceback's echo of a source line importing a package's submodule ("    import Adafruit_DHT.platform_detect as x",
# "    from Adafruit_DHT.platform_detect import pi_version")
_PACKAGE_SUBMODULE = re.compile(r"^[^\S\n]{2,40}(?:import|from) [A-Za-z_]\w{0,80}\.(?P<mod>[A-Za-z_]\w{0,80})\b(?: as \w{1,80}|"
                                r" import\b|\s*$)", re.MULTILINE)


def submodule_fact(name: str) -> str:
    return "submodule:" + name


# a traceback's frame in a source tree, not in an installed copy (site-packages, an egg setup_requires fetched, the
# standard library): the directories of its path are the tree's, and a package among them is the tree's own
# (Telethon 0.19.1.6's setup.py running telethon_generator/parsers/errors.py from the unpacked sdist, b70-bots-scrapers-1/18)
_TREE_FRAME = re.compile(r'^\s{0,40}File "(?P<path>[^"\n]{1,400}[/\\][^"\n/\\]{1,120}\.py)", line \d', re.MULTILINE)
_INSTALLED = re.compile(r"[/\\](?:site-packages|dist-packages|pip-build-env-[^/\\]{0,40}|_vendor|[^/\\]{1,120}\.egg|lib[/\\]"
                        r"python\d[\d.]{0,6}|Lib|lib-python|lib_pypy)[/\\]", re.IGNORECASE)


def tree_dir_fact(name: str) -> str:
    return "tree-dir:" + name


# a package's own __init__.py running from a source tree (not an installed copy) and importing the package by its
# name, as a backend that reads __version__ by importing it does (flit_core's get_docstring_and_version_via_import):
# the package the log builds, whatever pip's lines around it were cut to (qbt_migrate, b67-frontends-2026/15)
_OWN_INIT = re.compile(r'^\s{0,40}File "(?P<path>[^"\n]{0,400}[/\\](?P<name>[A-Za-z_]\w{2,80})[/\\]__init__\.py)", line'
                       r' \d{1,6}, in <module>\n\s{2,40}(?:from|import) (?P=name)\b', re.MULTILINE)


def own_header_fact(header: str) -> str:
    return "own-header:" + _path(header)


def is_own_header_in_log(detail: str, facts: FrozenSet[str]) -> bool:
    return own_header_fact(detail) in facts


def angle_include_fact(header: str) -> str:
    return "angle-include:" + _path(header)


# a missing header asked for by a path whose first directory is a directory of the including source's own path, and
# named like that source (pogeo's geometry/base/int128.cc, compiled with -Igeometry, asking for 'base/int128.h':
# b50-win-mac-2014-20-h/08): a source's own header in the package's tree, not a library's. (A binding's directory
# named like the library it wraps is common, rocksdb/_rocksdb.cpp asking for rocksdb/slice.h, kytea/mykytea.hpp for
# kytea/kytea.h: the library's headers, so the names must match too)
_DIR_INCLUDE_FROM = re.compile(
    r"^[^\S\n]{0,40}(?P<src>[^\s:()'\"]{1,300}?)(?::\d{1,7}(?::\d{1,5})?:|\(\d{1,7}\)\s?:)[^\n]{0,40}?(?:fatal error|error"
    r" C1083)[^\n]{0,80}?[\s'\"‘“](?P<h>[A-Za-z_][\w.+-]{0,63}/[\w./+-]{1,200}?\.(?:h|hh|hpp|hxx|cuh))\b",
    re.MULTILINE | re.IGNORECASE)


def _in_own_tree(header: str, source: str) -> bool:
    path = _path(header)
    parts = source.replace("\\", "/").lower().split("/")
    return (path.split("/", 1)[0] in parts[:-1] and _stem(path.rsplit("/", 1)[-1]) == _stem(parts[-1])
            and _not_in_package_table(header))


def bundled_include_fact(header: str) -> str:
    return "bundled-include:" + _path(header)


def is_bundled_include_in_log(detail: str, facts: FrozenSet[str]) -> bool:
    return bundled_include_fact(detail) in facts


# a missing header that a header inside TensorFlow's pip package includes (gcc's "…/site-packages/tensorflow/
# include/tensorflow/core/platform/default/mutex.h:25:22: fatal error: nsync_cv.h: No such file or directory", clang's
# "…: fatal error: 'x.h' file not found"): its wheels carry their dependencies' headers under include/external/ and
# a layout of their own (cuda/include/cuda.h). Not PyTorch's: its headers include the CUDA toolkit's and the
# system's under their usual names (cublas_v2.h, cuda.h: b39-cpp-cuda-ext-3/17, b44-cpp-cuda-ext-7/05)
_BUNDLED_INCLUDE = re.compile(r"[/\\](?:site|dist)-packages[/\\]tensorflow(?:_core)?[/\\]include[/\\][^\s:'\"]{1,300}?:\d{1,7}(?::\d{1,5})?: fatal error: ['\"‘]?"
                              r"(?P<h>[\w.+/-]{1,200}?\.(?:h|hh|hpp|hxx|cuh))\b")


def framework_header_fact(header: str) -> str:
    return "framework-header:" + _path(header)


def is_framework_header_in_log(detail: str, facts: FrozenSet[str]) -> bool:
    return framework_header_fact(detail) in facts


# gcc's and clang's echo of the #include a missing header came from, in angle brackets: "   26 | #include <zbar.h>"
_ANGLE_INCLUDE = re.compile(r"^[^\S\n]{0,40}(?:\d{1,7} ?\| ?)?#[^\S\n]{0,4}include[^\S\n]{0,4}<(?P<h>[\w.+/-]{1,200})>", re.MULTILINE)
# an Objective-C source (.m, .mm) that cannot find a framework's umbrella header, "#import <Name/Name.h>": the header of
# an Apple framework, which only the macOS SDK ships (pyobjc's Modules/_BrowserEngineKit.m, b24-macos-2024-26/08)
_FRAMEWORK_HEADER = re.compile(r"\.mm?:\d{1,7}:\d{1,5}: fatal error: ['\"](?P<h>(?P<f>[A-Z][A-Za-z0-9]{1,60})/(?P=f)\.h)['\"]"
                               r" file not found")


# -- situations: facts about the whole log ---------------------------------------

WINDOWS, UNIX, MUSL, CUSTOM_INDEX = "windows", "unix", "musl", "custom-index"
MACOS = "macos"  # (with UNIX)
# pip (21.2+) names the versions it left out for their Requires-Python: the index answered
PYTHON_FILTERED = "python-filtered"
# pip run with --no-index (local links only: an offline build, flatpak-builder's sandbox)
NO_INDEX = "no-index"
# pip ignoring a plain-HTTP index it was told to use (index/collector.py: "The repository located at %s is not a
# trusted or secure host and is being ignored."): that index was never asked
UNTRUSTED_HOST = "untrusted-host"
# pip's "(from versions: none)" (pip <= 18: "(from versions: )") anywhere, read with the line breaks and indents a
# console's wrapping put inside it: no version at all came back for a requirement
NO_VERSIONS = "no-versions"
# a setup script that went on and then failed opening a text file its sdist does not ship (README.md,
# requirements.txt: rules/known.py's PX097): what the shell said it could not run before was a lookup
SDIST_FILE_MISSING = "sdist-file-missing"
_SDIST_FILE = re.compile(SDIST_TEXT_FILE)
# cargo's "Caused by: feature `edition2024` is required" (a feature "not stabilized in this version of
# Cargo"): a Cargo older than a manifest
CARGO_TOO_OLD = "cargo-too-old"
_CARGO_FEATURE = re.compile(r"^\s{0,40}feature `[\w-]{1,40}` is required", re.MULTILINE)
# a link against a library directory under a temporary directory of the machine that built the
# Python (Anaconda 4.0's sysconfig LIBDIR, /tmp/tmpQcQ0Zo/Anaconda-4.0.0/lib): gone on this one
BUILD_MACHINE_LIBDIR = "build-machine-libdir"
# (also python-build-standalone's, which uv installs: its LIBDIR is the build's /install/lib, "ld: warning: search
# path '/install/lib' not found")
_BUILD_MACHINE_LIBDIR = re.compile(r"-L/tmp/tmp\w{6,8}/|search path '/install/lib' not found|-L/install/lib\b")
# ... and its include directory: python-build-standalone's pkg-config file (python3.pc, read by meson) keeps the
# build's prefix, so the compile line looks for Python.h in /install/include/python3.X (pycairo under a uv-managed
# 3.12, b20-uv-poetry-pdm/07)
BUILD_MACHINE_INCLUDE = "build-machine-include"
_BUILD_MACHINE_INCLUDE = re.compile(r"-I/install/include/python3\.\d{1,2}\b")
# what the log builds: pip, poetry, uv and setuptools name it (facts "package:<name>")
_PACKAGE = re.compile(
    r"(?:Building wheel for|Running setup\.py (?:install|develop) for|Failed to build|Failed building wheel for"
    r"|Failed to download and build"
    r"|Building editable for) `?(?P<n>[A-Za-z0-9][\w.-]{0,80})"
    r"|Installing (?P<p>[A-Za-z0-9][\w.-]{0,80}) \([\w.!+-]{1,40}\): Failed"
    # the directory pip unpacked the sdist into, before its setup.py: pip < 20.1 "pip-install-22kw_g9h\pyrsistent\",
    # later "pip-install-x/pyaudio_2890c577ce6543b39c1950aaaa0440f4/"
    r"|\bpip-(?:install|build)-\w{6,12}[/\\]{1,2}(?P<u>[A-Za-z0-9][\w.-]{0,80}?)(?:_[0-9a-f]{32})?[/\\]{1,2}setup\.py\b"
    # a VCS requirement, named after its repository: pip's "Resolved https://github.com/NVlabs/nvdiffrast to commit
    # c5caf7b..." (b33-cpp-bindings-3/08)
    r"|\bResolved https?://[^\s@]{1,200}/(?P<g>[A-Za-z0-9][\w.-]{0,80}?)(?:\.git)?(?:@\S{1,100})? to commit\b")
# (not setuptools' "building 'X' extension": an extension is often named after the library it wraps,
# pyaudio's '_portaudio', pypcap's 'pcap')
_PACKAGE_NEEDLES = ("building wheel for", "building editable for", "failed to build", "running setup.py", ": failed",
                    "failed building wheel for", "failed to download and build", "pip-install-", "pip-build-",
                    "resolved http")

# scikit-build (classic) trying CMake generators one after the other ("-- Trying 'Ninja' generator", "-- Trying
# 'Visual Studio 17 2022 x64 v143' generator"): each failure is a probe, the last one decides
# sphinx-theme-builder installing its own NodeJS into a nodeenv when none is on PATH (its "Generating new nodeenv
# with NodeJS 14.18.1!" after "Could not find a `node` executable."): the missing node is gone around
STB_NODEENV = "stb-nodeenv"
_STB_NODEENV = re.compile(r"Generating new nodeenv with NodeJS \d")
SKBUILD_TRIAL = "skbuild-generator-trial"
_SKBUILD_TRIAL = re.compile(r"^[^\S\n]{0,40}-- Trying ['\"][^'\"\n]{1,80}['\"] generator", re.MULTILINE)

# rustup ran and could not get the toolchain the package pins for this platform ("error: target
# 'aarch64-apple-darwin' not found in channel."): Rust is there, the pinned toolchain has no build for this machine
# cargo's "spurious network error" retries whose error is the local file system's, not the network's: libgit2
# reading the crates.io index under a 32-bit process emulated by QEMU (arm/v7 docker builds on a 64-bit host)
# fails with "failed to mmap. Could not write data: Out of memory" or EOVERFLOW ("Value too large for defined data
# type"): cargo#8719, rust-lang/cargo#9545; cryptography in two projects' armv7 builds (b14-db-crypto-net/22,
# b15-alpine-docker-ci/16)
CARGO_GIT_LOCAL = "cargo-git-local"
_CARGO_GIT_LOCAL = re.compile(r"spurious network error \(\d{1,3} tries remaining\): (?:failed to mmap\b|could not read"
                              r" directory '[^'\n]{1,300}': Value too large for defined data type)")
# cargo reached a git dependency's repository and the commit the manifest pins is not in it (libgit2's "object not
# found - no match for id (b7a3e34400000000000000000000000000000000); class=Odb (9); code=NotFound (-3)": a rev
# force-pushed away, mistralrs 0.1.24's sdist pinning candle, b44-rust-maturin/29): the server answered
CARGO_GIT_REV_GONE = "cargo-git-rev-gone"
_CARGO_GIT_REV_GONE = re.compile(r"object not found - no match for id \([0-9a-f]{7,40}\); class=Odb\b")
RUSTUP_NO_TARGET = "rustup-no-target"
_RUSTUP_NO_TARGET = re.compile(r"error: target '[\w.-]{1,80}' not found in channel")

# the step compiles C++ sources ("-c src/x.cpp"): a compiler proper that cannot start is cc1plus
CXX_SOURCE = "cxx-source"
_CXX_SOURCE = re.compile(r"\s-c\s+\S{1,300}\.(?:cpp|cc|cxx|c\+\+|C)(?=\s|$)", re.MULTILINE)

# a pkg-config query of a library that only Linux or other Unix systems build (Samba's libsmbclient, ALSA, udev,
# systemd, BlueZ, libcap, libseccomp, SANE, X11): pysmbc's setup.py "library_dirs=pkgconfig_L("smbclient")" (its
# traceback's echo), "pkg-config --libs smbclient"; on Windows the package does not support the platform
UNIX_ONLY_PKGCONFIG = "unix-only-pkgconfig"
_UNIX_ONLY_PKGCONFIG = re.compile(r"pkg-?config[\w-]{0,20}[ (]{1,2}(?:--[\w-]{1,20} ){0,3}[\"']?(?:lib)?(?:smbclient|asound|alsa|udev"
                                  r"|systemd|bluetooth|bluez|seccomp|sane-backends|x11|xcb)\b", re.IGNORECASE)

# Cython 3 refusing an implicit relative cimport: a .pyx in a package directory cimports a sibling by its bare name
# ("from std_memory cimport shared_ptr" in rocksdb/_rocksdb.pyx), which language level 2 resolved next to the .pyx
# and Cython 3.0's default level (3str: absolute imports, its "Migrating from Cython 0.29 to 3.0") no longer does;
# the error, "rocksdb/_rocksdb.pyx:15:0: 'std_memory.pxd' not found", names a file the log shows in that very
# directory ("copying rocksdb/std_memory.pxd -> build/lib...": python-rocksdb 0.7.0, live batch 24)
SIBLING_PXD = "sibling-pxd"
_PXD_NOT_FOUND = re.compile(r"(?:^|[\s/\\])(?P<dir>[\w.-]{1,100})[/\\][\w.-]{1,100}\.p(?:yx|xd):\d{1,7}:\d{1,5}: '(?P<name>\w{1,100})\.pxd'"
                            r" not found", re.MULTILINE)
_PXD_PATH = re.compile(r"(?:^|[\s/\\'\"])(?P<dir>[\w.-]{1,100})[/\\](?P<name>\w{1,100})\.pxd\b(?!')", re.MULTILINE)

# cargo could not load a path dependency: "failed to get `css-inline` as a dependency of package ..." / "failed to
# load source for dependency `css-inline`" / "Unable to update /tmp/pip-install-71d_ro91" / "failed to read
# `/tmp/pip-install-71d_ro91/Cargo.toml`" (cargo's words for a `path = "../x"` crate that is not there: an sdist
# built outside its workspace, css-inline 0.6.1 and pyroscope-io's ffikit, b30-rust-longtail/10, 16); a git or
# registry source says "Unable to update https://..." / "registry `crates-io`" instead
# setuptools' pyproject validator quoting a `project.license` string it refused ("GIVEN VALUE:" and, on the next line,
# "    \"Apache License 2.0\""), which is no SPDX license expression either: no setuptools accepts it (77 and later read
# a string as PEP 639's SPDX expression, with packaging's list, the one used here), so the project's metadata is at
# fault, not an old setuptools (opendatahub-tests under uv, b51-frontends-2026/14)
# C API that Python 3 added and no Python 3 since removed (PEP 3121's module definition in 3.0, PEP 393's compact
# unicode and the UTF-8 accessors in 3.3, PEP 489's multi-phase init in 3.5): missing, the Python is older than the
# sources, a Python 2 (or a 3.x before the name), never one too new. (Not the ones later releases deprecated and
# removed: PyUnicode_READY, PyUnicode_AS_UNICODE.)
PYTHON3_ONLY_API = frozenset({
    "PyModuleDef", "PyModuleDef_HEAD_INIT", "PyModuleDef_Base", "PyModuleDef_Slot", "PyModule_Create", "PyModule_Create2",
    "PyModule_FromDefAndSpec", "PyModule_FromDefAndSpec2", "PyModuleDef_Init", "PyModule_AddFunctions",
    "PyModule_GetDef", "PyModule_GetState", "PyState_FindModule", "PyState_AddModule",
    "PyUnicode_AsUTF8", "PyUnicode_AsUTF8AndSize", "PyUnicode_GET_LENGTH", "PyUnicode_KIND", "PyUnicode_DATA",
    "PyUnicode_READ", "PyUnicode_READ_CHAR", "PyUnicode_WRITE", "PyUnicode_New", "PyUnicode_FromKindAndData",
    "PyUnicode_1BYTE_KIND", "PyUnicode_2BYTE_KIND", "PyUnicode_4BYTE_KIND", "PyUnicode_1BYTE_DATA",
    "PyUnicode_2BYTE_DATA", "PyUnicode_4BYTE_DATA", "PyUnicode_AsUCS4", "PyUnicode_AsUCS4Copy",
    "PyUnicode_DecodeFSDefault", "PyUnicode_DecodeFSDefaultAndSize", "PyUnicode_EncodeFSDefault",
})


# Python 3.10's and 3.11's distutils warning on import (PEP 632): the module is there. AX_PYTHON_DEVEL before its
# 2022 releases takes anything its import test prints on stderr for a failed import, and quotes the warning as "the
# error" under 'cannot import Python module "distutils"' (astrochem, pocketsphinx, b52-lib-lookups-6/10, /24)
DISTUTILS_PRESENT = "distutils-present"
_DISTUTILS_DEPRECATED = re.compile(r"DeprecationWarning: The distutils package is deprecated and slated for removal")


NOT_SPDX_LICENSE = "not-spdx-license"
_GIVEN_LICENSE = re.compile(r"^\s*GIVEN VALUE:\s*\n\s*\"(?P<v>[^\"\n]{1,200})\"\s*$", re.MULTILINE)


def _not_spdx(value: str) -> bool:
    try:
        from packaging.licenses import InvalidLicenseExpression, canonicalize_license_expression
    except ImportError:  # packaging < 24.2 has no SPDX list: no ruling
        return False
    try:
        canonicalize_license_expression(value)
    except InvalidLicenseExpression:
        return True
    return False


CARGO_PATH_DEP = "cargo-path-dep"
_CARGO_PATH_DEP = re.compile(r"^\W{0,8}Unable to update (?:/|[A-Za-z]:\\)[^\n`]{0,300}$", re.MULTILINE)

# pip's fallback after a failed `setup.py bdist_wheel` (pip < 23.1, no pyproject.toml): it runs `setup.py install`,
# and that failed too ("Running setup.py install for pycairo ... error", pip 9-20; "... finished with status
# 'error'" in verbose logs; "error: legacy-install-failure", pip 22.x): what stopped the wheel ("invalid command
# 'bdist_wheel'": no wheel package) was gone around, and the install's own failure is the cause (pycairo under pip
# 9, b30-old-pip-longtail/13)
LEGACY_INSTALL_FAILED = "legacy-install-failed"
_LEGACY_INSTALL_FAILED = re.compile(r"Running setup\.py install for [\w.-]{1,100}(?: \.\.\. error|: finished with status"
                                    r" 'error')|\berror: legacy-install-failure\b")

# pysam's setup.py going on after HTSlib's configure failed: "# pysam: could not configure htslib, choosing
# conservative defaults" (its own words; the configure error before it is a probe, b33-library-lookups-2/14)
CONFIGURE_RECOVERED = "configure-recovered"
_CONFIGURE_RECOVERED = re.compile(r"could not configure [\w.-]{1,40}, choosing conservative defaults")

# make ended on a recipe command the shell could not find: "make: *** [GNUmakefile:57: vendor/Heap-Layers] Error 127",
# "make[2]: *** [Makefile:12: all] Error 127" (127: command not found)
# the Python of a manylinux image (/opt/python/cp310-cp310, /opt/_internal/cpython-3.10.9): headers included, libpython
# only static (PEP 513's rule against linking libpython), so FindPython's Development.Embed finds no library
MANYLINUX_PYTHON = "manylinux-python"
_MANYLINUX_PYTHON = re.compile(r"/opt/(?:_internal/cpython-3\.\d{1,2}|python/cp3\d{1,2}-cp3\d{1,2}t?)\b")
# a Debian multiarch pyconfig.h missing under the stub that includes it ("/usr/include/python3.4m/pyconfig.h:3:52:
# fatal error: x86_64-linux-gnu/python3.4m/pyconfig.h: No such file or directory"): the stub is there, so the
# development package is installed; the compiler is another architecture's (a cross compiler reading the build
# host's headers: spksrc's Synology toolchain, b37-ci-docker-2/18)
MULTIARCH_PYCONFIG = re.compile(r"^[\w-]{1,40}-linux-gnu\w{0,8}/python[\d.]{1,6}\w{0,3}/pyconfig\.h$")
# numpy among the packages the same pip run installs ("Installing collected packages: numpy, mahotas"), after the
# build that needed it: numpy was not there when the package was built (pip < 10 built without isolation, in the
# order it met the requirements; later, a build isolated without it)
NUMPY_INSTALLED_AFTER = "numpy-installed-after"
_NUMPY_INSTALLED_AFTER = re.compile(r"^\s*Installing collected packages: [^\n]{0,4000}?\bnumpy\b", re.MULTILINE)
# CMake refusing LLVM's GNU-style clang.exe on Windows ("... targets the MSVC ABI but has a GNU-like command-line
# interface.  This is not supported."): a compiler was found, CMake will not use it
CLANG_GNU_MSVC_ABI = "clang-gnu-msvc-abi"
_CLANG_GNU_MSVC_ABI = re.compile(r"targets the MSVC ABI but has a GNU-like command-line interface")
# distutils' MSVC linking objects that cl.exe compiled ("build\temp.win-amd64-3.4\Release\x.obj"): the
# compiler ran, so what ran as "link" next (Git's coreutils link.exe first on PATH) is not a missing MSVC
MSVC_OBJECTS = "msvc-objects"
_MSVC_OBJECTS = re.compile(r"\\temp\.win[\w.-]{0,40}\\Release\\[^\s]{1,300}\.obj\b")
# a Unix shell script run through Windows' cmd.exe: "'sh' is not recognized as an internal or external command,"
# (pyds9's XPA build under a native Windows Python, b36-old-pip-longtail-7/08), "'.' is not recognized ..."
# (pysam's "./configure", b14-bio-geo-sci/13), './configure', 'bash': the build is written for a Unix environment
UNIX_SHELL_VIA_CMD = "unix-shell-via-cmd"
_UNIX_SHELL_VIA_CMD = re.compile(r"^\W{0,8}['\"](?:sh|bash|\.|\./configure|\./autogen\.sh|autoreconf)['\"] is not recognized as an"
                                 r" internal or external command", re.MULTILINE)
MAKE_NOT_FOUND = "make-not-found"
_MAKE_NOT_FOUND = re.compile(r"\bmake(?:\[\d{1,3}\])?: \*\*\* \[[^\]\n]{1,300}\] Error 127\b")

# the compiler's command line for a source is shown ("gcc ... -c py_GeoIP.c -o ..."), and whether it adds a directory
# above the package's own to the include path ("-I..", "-I../spidermonkey/js/src": pacparser's setup.py, built from
# its git checkout, finds pacparser.h one level up): a header named after the package, which Debian also ships as a
# library's, is the library's only when the command shows the build looks for it nowhere in a source tree
COMPILE_SHOWN = "compile-shown"
_COMPILE_SHOWN = re.compile(r"\s-c\s+\S{1,300}\.(?:c|cpp|cc|cxx|c\+\+|C|m|mm)(?=\s|$)", re.MULTILINE)
TREE_INCLUDE = "tree-include"
_TREE_INCLUDE = re.compile(r"(?:^|\s)[-/]I\s?\.\.(?:[/\\]|(?=\s)|$)", re.MULTILINE)

# PyPy's interpreter builds the extension: its include directory (c:\pypy27\include, /opt/pypy3.10/include,
# pypy3.9-v7.3.11-linux64/include), its lib_pypy, its SOABI tag (pypy39-pp73), its C-API layer (cpyext)
PYPY = "pypy"
_PYPY = re.compile(r"\bpypy(?:\d[\d.]*)?(?:-v?\d[\w.]*)?[/\\]|\blib_pypy\b|\bpypy\d{2,3}-pp\d{2,3}\b|\bcpyext\b",
                   re.IGNORECASE)

# CMake and MSVC's own words that only Windows prints
_WINDOWS_WORDS = re.compile(
    r"Visual Studio \d{1,2} \d{4}|NMake Makefiles|'nmake' '-\?'|\bfatal error C\d{4}\b|\berror C\d{4}:|\bLNK\d{4}\b"
    r"|\bcl\.exe\b|\\Microsoft Visual Studio\\|(?:^|[\s'\"(=])[A-Za-z]:\\(?:Users|Program Files|ProgramData|Windows)\\"
    # cmd.exe's prompt before the command the user ran ("C:\mod_wsgi-4.4.21>python setup.py install")
    r"|^[A-Za-z]:\\[^<>|\"\n]{0,200}>\s?(?:python|py|pip)\d?(?:\.\d{1,2})?(?:\.exe)?\s",
    re.IGNORECASE | re.MULTILINE)
# ... and that only a Unix prints (scikit-build tries 'Ninja' alone off Windows)
_UNIX_WORDS = re.compile(
    r"Trying '(?:Ninja|Unix Makefiles)' generator|Unix Makefiles|(?:^|[\s'\"(=:])/(?:usr|home|opt|tmp|Users|Library|private)/",
    re.MULTILINE)
_MUSL_WORDS = re.compile(r"\bmusl\b|\balpine\b", re.IGNORECASE)
# Cygwin: its build directories ("build/temp.cygwin-3.4.6-x86_64-3.9"), its target triple, its paths to Windows'
# drives (not distutils' cygwinccompiler, which MinGW builds on Windows use too)
CYGWIN = "cygwin"
_CYGWIN = re.compile(r"\bcygwin-\d|/cygdrive/[a-z]/|-pc-cygwin\b|\bcygwin1\.dll\b", re.IGNORECASE)
# Termux (Android): its clang takes the C library's headers from its own dependency (ndk-sysroot)
TERMUX = "termux"
# a conda toolchain (conda-forge's x86_64-conda-linux-gnu-gcc, Anaconda's x86_64-conda_cos6-linux-gnu-gcc),
# which carries its own sysroot: the C library's headers are its own, not the host's /usr/include
# the log's paths are a conda environment's (anaconda3/, miniforge3/, micromamba/envs/x/, /opt/conda/): its Python
# is conda's, which ships its headers
CONDA_ENV = "conda-env"
CONDA_TOOLCHAIN = "conda-toolchain"
_CONDA_TOOLCHAIN = re.compile(r"\b\w{1,20}-conda(?:_cos\d)?-linux-gnu(?:-(?:gcc|cc|g\+\+|c\+\+|clang|ld)\b|/bin/ld\b)")
# a conda environment's clang on macOS (conda-forge's clang, x86_64-apple-darwin13.4.0-clang): it compiles against
# the SDK that CONDA_BUILD_SYSROOT / SDKROOT name, not by asking the Command Line Tools (momi2, b16-conda-pixi/11)
# CPython's _osx_support (compiler_fixup) when the -isysroot its sysconfig recorded is not on this Mac: "Compiling
# with an SDK that doesn't seem to exist: /Applications/Xcode_15.2.app/.../MacOSX14.2.sdk" -- the interpreter was
# built elsewhere (python-build-standalone, which uv and rye install: b4-mixed 77, 78, b20-macos-homebrew 08, 09)
STALE_SDK = "stale-sdk"
CONDA_CLANG = "conda-clang"
_CONDA_CLANG = re.compile(r"/envs/[^/\s]{1,100}/bin/clang(?:\+\+)?\s|\b(?:x86_64|arm64)-apple-darwin\d{1,2}(?:\.\d{1,2}){0,2}"
                          r"-clang(?:\+\+)?\b")
# Rust's io::Error on a Unix host: "No such file or directory (os error 2)" (strerror; on Windows it is
# FormatMessage's "The system cannot find the file specified." or "program not found")
RUST_UNIX_HOST = "rust-unix-host"
# a program the build ran that is not there, which no rule names (OpenWrt's Python runs its SDK's
# 'ccache_cc'): a failure after the lookups before it
UNEXPLAINED_SPAWN = "unexplained-spawn"
# meson found a GNU-style C compiler ("C compiler for the host machine: gcc (gcc 12.4.0 ...)"): a Windows build
# that uses Cygwin's or MinGW's gcc, where meson's list of C++ compilers it could not find means g++ / clang++
MESON_GNU_C = "meson-gnu-c"
# a compiler's source context line ("  203 |     return _PyObject_CallMethodIdNoArgs(dict, &PyId_keys);") calls C
# API this Python's headers no longer declare, or initializes _PyArg_Parser positionally as before 3.12 (which put
# "int initialized;" first, Include/cpython/modsupport.h): the int-conversion error around it is that change's
CAPI_CONTEXT = "capi-context"
# meson's vsenv activated a Visual Studio ("Activating VS 17.0.5"): vswhere found it with -requires
# Microsoft.VisualStudio.Component.VC.Tools.x86.x64 (or the WDExpress workload), so its C++ toolset is installed
MESON_VS_ACTIVATED = "meson-vs-activated"
# a C compiler ran and reported on a source ("psutil/arch/bsd/proc.c:65:41: error: ...", MSVC's "x.c(12): error
# C2065"): a setup script's later "gcc is not installed" is its guess after the failure, not the cause
COMPILER_RAN = "compiler-ran"
# Apple clang's warning when a target selects libstdc++, which the macOS SDKs no longer ship since Xcode 10: "warning:
# include path for stdlibc++ headers not found; pass '-stdlib=libc++' on the command line to use the libc++ standard
# library instead [-Wstdlibcxx-not-found]" (an easy_install on Mojave whose paths show no macOS, b40-win-mac-2014-20-b/19)
STDLIBCXX_NOT_FOUND = "stdlibcxx-not-found"
_STDLIBCXX_NOT_FOUND = re.compile(r"include path for stdlibc\+\+ headers not found|-Wstdlibcxx-not-found")
# a program was started and the kernel refused its file (ENOEXEC, glibc's strerror "Exec format error"): gcc's driver
# "error trying to exec '.../bin/as': execv: Exec format error", a shell's "cannot execute binary file: Exec format
# error" -- the file is there, built for another machine or damaged
EXEC_FORMAT = "exec-format"
_EXEC_FORMAT = re.compile(r"(?:error trying to exec|cannot execute binary file|execv?p?\b)[^\n]{0,400}: Exec format"
                          r" error\s*$", re.MULTILINE)
_COMPILER_RAN = re.compile(r"^[^\S\n]{0,40}[^\s:()'\"]{1,300}\.(?:c|cc|cpp|cxx|m|mm)(?::\d{1,7}:\d{1,5}:|\(\d{1,7}\)\s?:)"
                           r" (?:fatal )?error\b", re.MULTILINE | re.IGNORECASE)
_MESON_GNU_C = re.compile(r"C compiler for the host machine: (?:\S{0,300}[/\\])?(?:[\w.-]{0,60}-)?(?:gcc|cc|clang)"
                          r"(?:-\d{1,3}|\.exe)? \(")
# (a collector's column may come first: BuildKit's "#5 4.233   576 | ..."; _PyArg_Parser filled positionally from its
# format string or from NULL, the layouts before 3.12 put in front of its new "initialized": cbitstruct's Argument
# Clinic file, b28-capi-compile-errors/17)
_CAPI_CONTEXT = re.compile(r"^[^\S\n]{0,40}(?:#\d{1,4} [\d.]{1,12}[^\S\n]{1,40})?\d{1,7} \|[^\n]{0,300}?(?:\b(?P<n>_?Py[A-Z]\w{1,100})\s?\("
                           r"|\bstatic _PyArg_Parser \w{1,100} = \{\s?(?:NULL|\"[^\"\n]{0,120}\")\s?,)", re.M)
_MESON_VS_ACTIVATED = re.compile(r"^\s*Activating VS \d{1,3}\.\d", re.M)
_SPAWN_ENOENT = re.compile(r"unable to execute %s?(?P<p>[^\s'\"`:]{1,128})%s?: No such file or directory"
                           r"|command %s(?P<q>[^'\"`\n]{1,300})%s failed: No such file or directory" % ((_QUOTE,) * 4))
# a missing #include and the file that includes it: "src/x.c:4:10: fatal error: x.h: ..." (any language),
# clang's quoted form, MSVC's "x.c(4): fatal error C1083: ...: 'x.h'" (facts "own-header:<header>")
_MISSING_INCLUDE = re.compile(
    r"^[^\S\n]{0,40}(?P<src>[^\s:()'\"]{1,300}?)(?::\d{1,7}(?::\d{1,5})?:|\(\d{1,7}\)\s?:)[^\n]{0,120}?"
    r"(?<![\w.+/-])(?P<h>[\w.+-]{1,128}\.(?:h|hh|hpp|hxx))(?![\w.+/-])", re.MULTILINE | re.IGNORECASE)
# ... and a missing header whose #include the compiler echoes right after, in quotes, with no directory: the
# project's own file (neuroshare's sdist without capi/nsAPItypes.h, b18-lang-issues/01), unless a library of the
# package table has that name (portaudio.h, gmp.h, included in quotes by many bindings). gcc >= 9 echoes
# "   46 | #include "x.h"", older gcc " #include "x.h"", clang the line alone; Intel's icc says 'catastrophic error: cannot
# open source file "zran.h"' and echoes the line under it (indexed_gzip's sdist without zran.h, b26-longtail-pkgs-a/14)
_QUOTED_INCLUDE = re.compile(
    r"(?:fatal|catastrophic) error: [^\n]{0,40}?(?<![\w.+/-])(?P<h>[\w.+-]{1,128}\.(?:h|hh|hpp|hxx))\b[^\n]{0,200}\n"
    r"(?:[^\S\n]{0,8}\n)?[^\n#\"]{0,100}#[^\S\n]{0,4}include[^\S\n]{0,4}\"(?P=h)\"", re.IGNORECASE)
# (a blank line between may come from a log whose every line was doubled, pip 1.5's output pasted from a web page
# or a Windows console: pysparse 1.3, b54-domain-science/10)
# (before the echo: gcc's "   46 | ", and the column a log collector puts before every line: docker compose's
# "web-1  | ", BuildKit's "149.3 ", nix's "python3.12-foo> ")
# pip's "Looking in indexes: URL[, URL]": an index that is not the default one only
_INDEXES = re.compile(r"Looking in indexes: (?P<urls>.{1,2000})")
_BLOCK = 512  # lines searched at once
_EDGE = 20000  # lines read at each end of a longer log
# a literal (lower case) that each branch of the regexes above contains
_WINDOWS_NEEDLES = ("visual studio", "nmake", "error c", "lnk", "cl.exe", ":\\")
_UNIX_NEEDLES = ("generator", "unix makefiles", "/usr/", "/home/", "/opt/", "/tmp/", "/users/", "/library/",
                 "/private/")


def _named_program(name: str) -> bool:
    """A program some rule names when it is missing (a compiler, a build tool, a config program)."""
    return any(test(name) for test in (is_c_compiler, is_cxx_compiler, is_fortran_compiler, is_cmake, is_build_tool,
                                       is_config_tool, is_python_config, is_rust_tool, is_msvc))


# Facts read from a block of lines the same way: (fact, literals one of which the block's lower case must hold, the
# regex that then decides, whether it reads the lower case)
_FACT_WORDS: Tuple[Tuple[str, Tuple[str, ...], "re.Pattern[str]", bool], ...] = (
    (WINDOWS, _WINDOWS_NEEDLES, _WINDOWS_WORDS, False),
    (UNIX, _UNIX_NEEDLES, _UNIX_WORDS, False),
    (MUSL, ("musl", "alpine"), _MUSL_WORDS, False),
    (CARGO_GIT_LOCAL, ("spurious network error",), _CARGO_GIT_LOCAL, False),
    (CARGO_GIT_REV_GONE, ("no match for id",), _CARGO_GIT_REV_GONE, False),
    (RUSTUP_NO_TARGET, ("not found in channel",), _RUSTUP_NO_TARGET, False),
    (CXX_SOURCE, (" -c ",), _CXX_SOURCE, False),
    (UNIX_ONLY_PKGCONFIG, ("config",), _UNIX_ONLY_PKGCONFIG, False),
    (DOUBLED_INCLUDE_FLAG, ("-i-i/",), _DOUBLED_INCLUDE_FLAG, False),
    (CONFIGURE_RECOVERED, ("conservative defaults",), _CONFIGURE_RECOVERED, False),
    (CARGO_PATH_DEP, ("unable to update ",), _CARGO_PATH_DEP, False),
    (LEGACY_INSTALL_FAILED, ("install",), _LEGACY_INSTALL_FAILED, False),
    (MAKE_NOT_FOUND, ("error 127",), _MAKE_NOT_FOUND, False),
    (UNIX_SHELL_VIA_CMD, ("is not recognized",), _UNIX_SHELL_VIA_CMD, False),
    (NUMPY_INSTALLED_AFTER, ("installing collected packages",), _NUMPY_INSTALLED_AFTER, False),
    (CLANG_GNU_MSVC_ABI, ("msvc abi",), _CLANG_GNU_MSVC_ABI, False),
    (MSVC_OBJECTS, ("release\\",), _MSVC_OBJECTS, False),
    (MANYLINUX_PYTHON, ("/opt/_internal/cpython-", "/opt/python/cp3"), _MANYLINUX_PYTHON, False),
    (COMPILE_SHOWN, (" -c ",), _COMPILE_SHOWN, False),
    (TREE_INCLUDE, ("i..",), _TREE_INCLUDE, False),
    (SKBUILD_TRIAL, ("' generator",), _SKBUILD_TRIAL, False),
    (STB_NODEENV, ("new nodeenv",), _STB_NODEENV, False),
    (PYPY, ("pypy", "cpyext"), _PYPY, False),
    (CYGWIN, ("cyg",), _CYGWIN, False),
    (COMPILER_RAN, ("error",), _COMPILER_RAN, False),
    (EXEC_FORMAT, ("exec format error",), _EXEC_FORMAT, False),
    (STDLIBCXX_NOT_FOUND, ("stdlibc++ headers not found", "-wstdlibcxx-not-found"), _STDLIBCXX_NOT_FOUND, False),
    (MESON_GNU_C, ("c compiler for the host machine",), _MESON_GNU_C, False),
    (MESON_VS_ACTIVATED, ("activating vs ",), _MESON_VS_ACTIVATED, False),
    (CONDA_TOOLCHAIN, ("-conda",), _CONDA_TOOLCHAIN, True),
    (CONDA_CLANG, ("clang",), _CONDA_CLANG, False),
    (SDIST_FILE_MISSING, ("[errno 2]",), _SDIST_FILE, False),
    (DISTUTILS_PRESENT, ("distutils package is deprecated",), _DISTUTILS_DEPRECATED, False),
)


def situations(lines: Sequence[str]) -> FrozenSet[str]:
    """What the log shows of where and how it ran: :data:`WINDOWS`,
    :data:`UNIX`, :data:`MUSL`, :data:`CUSTOM_INDEX`, :data:`TERMUX`,
    :data:`CONDA_TOOLCHAIN`, :data:`RUST_UNIX_HOST`, :data:`PYPY`; what it builds
    ("package:<name>"); which missing headers are the package's own
    ("own-header:<header>", :func:`is_own_header`); whether it ran a program
    that is not there and that no rule names (:data:`UNEXPLAINED_SPAWN`). The platform comes from
    :func:`pip_explain.enrich.logplatform.infer` (the log decides, not the
    machine reading it), with CMake's and MSVC's own words added."""
    from pip_explain.enrich.logplatform import infer

    if len(lines) > 2 * _EDGE:  # a long log: its start and its end (bounded time)
        lines = list(lines[:_EDGE]) + list(lines[-_EDGE:])
    found = set()
    try:
        lp = infer(lines)
    except Exception:  # the platform is a hint; never fail a diagnosis on it
        lp = None
    if lp is not None and lp.python_version is not None:
        found.add(python_fact(lp.python_version))
    if lp is not None and lp.name is not None:
        found.add(WINDOWS if lp.name == "windows" else UNIX)
        if lp.name == "macos":
            found.add(MACOS)
        if lp.name == "alpine":
            found.add(MUSL)
    if lp is not None and lp.conda:
        found.add(CONDA_ENV)
    debian_quoted: List[str] = []
    pxd_paths: Set[Tuple[str, str]] = set()
    pxd_missing: Set[Tuple[str, str]] = set()
    for start in range(0, len(lines), _BLOCK):
        # a block of lines at once (the regexes are anchored per line: MULTILINE)
        text = "\n".join(line[:4096] for line in lines[start:start + _BLOCK])
        low = text.lower()  # literals first: the regexes run only on a block that holds one
        for fact, needles, words, on_lower in _FACT_WORDS:
            if fact not in found and any(n in low for n in needles) and words.search(low if on_lower else text):
                found.add(fact)
        if ".pxd" in low:
            pxd_paths.update((m.group("dir"), m.group("name")) for m in _PXD_PATH.finditer(text))
            if "pxd' not found" in low:
                pxd_missing.update((m.group("dir"), m.group("name")) for m in _PXD_NOT_FOUND.finditer(text))
        if "cpython-3" in low:
            for m in _CPYTHON_BUILD_DIR.finditer(low):
                found.add(python_fact((3, int(m.group(1)))))
        if "/com.termux/" in low:
            found.add(TERMUX)
        if "given value:" in low and "project.license" in low:
            if any(_not_spdx(m.group("v")) for m in _GIVEN_LICENSE.finditer(text)):
                found.add(NOT_SPDX_LICENSE)
        if "importerror: no module named " in low and _PYTHON2_IMPORT.search(text):
            found.add(python_fact((2, 7)))
        if CAPI_CONTEXT not in found and " | " in text and "py" in low:
            from pip_explain.rules.python import removed_capi

            for m in _CAPI_CONTEXT.finditer(text):
                if m.group("n") is None or removed_capi(m.group("n")):
                    found.add(CAPI_CONTEXT)
                    break
        if "traceback" in low and "import " in low:
            # the submodules a traceback's echoed source imports with their package's name ("import
            # Adafruit_DHT.platform_detect as platform_detect"): modules of the package's own tree
            found.update(submodule_fact(m.group("mod")) for m in _PACKAGE_SUBMODULE.finditer(text))
        if "no module named " in low and 'file "' in low:
            for m in _TREE_FRAME.finditer(text):
                if not _INSTALLED.search(m.group("path")):
                    found.update(tree_dir_fact(part) for part in re.split(r"[/\\]", m.group("path"))[-6:-1]
                                 if part.isidentifier())
        if "__init__.py" in low and "in <module>" in low:  # (a trimmed paste may start below "Traceback")
            found.update("package:" + m.group("name") for m in _OWN_INIT.finditer(text)
                         if not _INSTALLED.search(m.group("path")))
        if "compiling with an sdk that doesn't seem to exist" in low:
            found.add(STALE_SDK)
        if "no such file or directory (os error 2)" in low:
            found.add(RUST_UNIX_HOST)
        if UNEXPLAINED_SPAWN not in found and "no such file or directory" in low:
            for m in _SPAWN_ENOENT.finditer(text):
                if not _named_program(m.group("p") or m.group("q")):
                    found.add(UNEXPLAINED_SPAWN)
                    break
        if ".h" in low:
            own_dirs: Optional[Set[str]] = None
            vendored: Optional[Set[str]] = None
            roots: Set[str] = set()
            for m in _MISSING_INCLUDE.finditer(text):
                if is_own_header(m.group("h"), m.group("src")):
                    found.add(own_header_fact(m.group("h")))
                elif "/" not in m.group("h") and "-i" in low:
                    # a header named like an include directory of the package's own tree (a vendored library's,
                    # a submodule not checked out), which no library of the package table ships
                    if own_dirs is None:
                        own_dirs = _own_include_dirs(text)
                    if _stem(m.group("h").lower()) in own_dirs and (_not_in_package_table(m.group("h"))
                                                                     or _stem(m.group("h").lower()) in _nested_dirs(text)):
                        found.add(own_header_fact(m.group("h")))
            if "/" in low:
                for m in _DIR_INCLUDE_FROM.finditer(text):
                    if _in_own_tree(m.group("h"), m.group("src")):
                        found.add(own_header_fact(m.group("h")))
            if "/" in low and "-i" in low:
                for m in _MISSING_DIR_INCLUDE.finditer(text):
                    # a header under a directory named like a vendored include directory of the package's own
                    # tree, which no library of the package table ships (a submodule not checked out)
                    if vendored is None:
                        vendored = _vendored_include_dirs(text)
                        roots = _library_tree_roots(text)
                    first = _path(m.group("h")).split("/", 1)[0]
                    if (first in vendored and _not_in_package_table(m.group("h"))) or first in roots:
                        # (or under the include directory of a library's copy at X/ in the package's tree,
                        # "-Ienet/include/" and "enet/types.h", whatever library of that name the system may have)
                        found.add(own_header_fact(m.group("h")))
            if "tree_sitter/" in low:
                # the headers `tree-sitter generate` writes into every grammar's own src/tree_sitter/ (parser.h,
                # alloc.h, array.h, beside parser.c: a grammar's CI lists them as generated files, and an Arch
                # PKGBUILD copies them into a grammar's sdist that lacks them); the library's development package
                # ships only api.h: missing, they are the grammar's sdist's (tree-sitter-python built by piwheels,
                # b54-old-api-new-python/22)
                found.update(own_header_fact(m.group("h")) for m in _MISSING_DIR_INCLUDE.finditer(text)
                             if _path(m.group("h")) in _TREE_SITTER_GENERATED)
            if "include <" in low:
                found.update(angle_include_fact(m.group("h")) for m in _ANGLE_INCLUDE.finditer(text))
            if "include" in low:
                for m in _QUOTED_INCLUDE.finditer(text):
                    if _unknown_header(m.group("h")):
                        found.add(own_header_fact(m.group("h")))
                    elif _debian_only_header(m.group("h")) and not _binding_source(text, m.start(), m.group("h")):
                        debian_quoted.append(m.group("h"))
        if "-packages" in low and "fatal error" in low:
            for m in _BUNDLED_INCLUDE.finditer(text):
                if _not_in_package_table(m.group("h")):
                    found.add(bundled_include_fact(m.group("h")))
        if "file not found" in text and (".m:" in text or ".mm:" in text):
            for m in _FRAMEWORK_HEADER.finditer(text):
                found.add(framework_header_fact(m.group("h")))
        if NO_VERSIONS not in found and "(from vers" in low and "(fromversions:none)" in "".join(low.split()).replace(
                "(fromversions:)", "(fromversions:none)"):
            found.add(NO_VERSIONS)
        if NO_INDEX not in found and "--no-index" in text:
            found.add(NO_INDEX)
        if UNTRUSTED_HOST not in found and "is not a trusted or secure host and is being ignored" in text:
            found.add(UNTRUSTED_HOST)
        if "require a different python version" in text:
            found.add(PYTHON_FILTERED)
        if "` is required" in text and _CARGO_FEATURE.search(text):
            found.add(CARGO_TOO_OLD)
        if ("-L/tmp/tmp" in text or "/install/lib" in text) and _BUILD_MACHINE_LIBDIR.search(text):
            found.add(BUILD_MACHINE_LIBDIR)
        if "-I/install/include/" in text and _BUILD_MACHINE_INCLUDE.search(text):
            found.add(BUILD_MACHINE_INCLUDE)
        found.update(package_fact(name) for name in _packages_named(text))
        if "Looking in indexes:" in text:
            for m in _INDEXES.finditer(text):
                if not re.search(r"//(?:pypi\.org|pypi\.python\.org)\b", m.group("urls")):
                    found.add(CUSTOM_INDEX)
    if not _library_header_by_command(found):
        found.update(own_header_fact(h) for h in debian_quoted)
    if pxd_missing & pxd_paths:
        found.add(SIBLING_PXD)
    return frozenset(found)


# -- rulings -------------------------------------------------------------------


@dataclass(frozen=True)
class Ruling:
    """When a match of ``cause`` whose detail ``detail`` accepts, on a line
    ``line`` matches (a regex; None: any), in a log that shows one of
    ``when`` (empty: any log) and none of ``unless``, is not that cause:
    it is ``instead`` (a cause id), or, None, outside the taxonomy (the log
    stays unrecognized: a wrong cause is worse). ``examples``: (line, the
    situations of its log) pairs from real logs that the ruling applies to;
    ``counter_examples`` ones it must leave alone."""

    cause: str
    detail: Callable[[str], bool]
    why: str
    line: Optional[str] = None
    when: Tuple[str, ...] = ()
    unless: Tuple[str, ...] = ()
    instead: Optional[str] = None
    examples: Tuple[Tuple[str, Tuple[str, ...]], ...] = ()
    counter_examples: Tuple[Tuple[str, Tuple[str, ...]], ...] = ()
    # a test of the detail against the log's facts (:func:`situations`), when the detail alone cannot tell
    in_log: Optional[Callable[[str, FrozenSet[str]], bool]] = None
    # in this situation the match is a lookup the build goes on from (TAXONOMY.md: a probe is not a failure):
    # it names the cause only when nothing later in the step does
    probe: bool = False
    # ``instead`` keeps the match's detail (the header a python-too-new names)
    keep_detail: bool = False
    # the code of the rule of ``instead`` that explains it (None: the cause's first rule)
    rule: Optional[str] = None
    # the build went around what the line reports (pip's `setup.py install` after a failed bdist_wheel): the line
    # is no evidence of any cause, and the rest of the log decides
    bypassed: bool = False
    # the detail ``instead`` gets when it does not keep the match's (None: none)
    detail_as: Optional[str] = None


def _any(detail: str) -> bool:
    return True


@functools.lru_cache(maxsize=None)
def _cxx_standard_headers() -> FrozenSet[str]:
    from pip_explain.enrich.packages import CXX_STANDARD_HEADERS

    return frozenset(CXX_STANDARD_HEADERS)


RULINGS: Tuple[Ruling, ...] = (
    Ruling(
        "build-tool-missing", lambda d: d.lower() in ("npm", "yarn", "node", "jlpm"),
        "jupyter-packaging's which() looked for the program by its bare name, and on Windows Node.js installs npm as"
        " npm.cmd: its \"`npm` unavailable\" there comes with npm installed (jupyterlab and ipyvolume from source, both"
        " with a working npm); on Linux and macOS the same words mean the program is missing",
        line=r"^\s*`?[\w.+-]{1,64}`? (?:is )?unavailable\.?(?:\s*$|\s{1,3}If you're running this command using sudo)",
        when=(WINDOWS,),
        # b46-lib-lookups-3/16 (ipyvolume), /17 (jupyterlab); yarn on Linux stays the program's (b55-programs-missing-2/09)
        examples=(("`npm` unavailable.  If you're running this command using sudo, make sure `npm` is available to sudo",
                   (WINDOWS,)),),
        counter_examples=(("`yarn` unavailable.  If you're running this command using sudo, make sure `yarn` is available"
                           " to sudo", (UNIX,)),),
    ),
    Ruling(
        "library-link-missing", is_libc_library,
        "libc, libpthread, libm, libdl and librt come with the C library itself: a linker that cannot find"
        " them does not search the system's library directories (conda's compiler_compat/ld, a wrong"
        " --sysroot); there is no package to install",
        unless=(MUSL, WINDOWS),
        # prophet #408 (blind b2/13), cocoapi #94, Detectron #105
        examples=(("/home/user/anaconda2/compiler_compat/ld: cannot find -lpthread", (UNIX,)),
                  ("/local/mnt/workspace/Apps/anaconda2/envs/py36/compiler_compat/ld: cannot find -lc", (UNIX,)),
                  ("/home/ubuntu/anaconda3/envs/caffe2_p27/compiler_compat/ld: cannot find -lpthread", (UNIX,))),
        counter_examples=(("/usr/bin/ld: cannot find -lffi", (UNIX,)),
                          ("/usr/lib/gcc/x86_64-alpine-linux-musl/12/../../../../x86_64-alpine-linux-musl/bin/ld:"
                           " cannot find -lc", (UNIX, MUSL))),
    ),
    Ruling(
        "library-link-missing", lambda d: _library_name(d).lower() in ("imported_openssl", "imported_crypto"),
        "imported_openssl and imported_crypto are the names of CMake targets in MySQL's own build (its cmake/ssl.cmake"
        " declares them IMPORTED), which a broken mysql_config (Homebrew's mysql@5.6 5.6.46) printed as libraries:"
        " no such library exists; a fixed or another MySQL client package is the way out",
        # mysqlclient on macOS 10.14 (b20-macos-homebrew/11; Homebrew/homebrew-core#45397)
        examples=(("    ld: library not found for -limported_openssl", (MACOS, UNIX)),),
        counter_examples=(("    ld: library not found for -lssl", (MACOS, UNIX)),),
    ),
    Ruling(
        "library-link-missing", is_cxx_runtime,
        "Apple's linker cannot find libc++, which every macOS SDK ships: the SDK or sysroot the build names"
        " is missing or wrong (an interpreter built elsewhere that bakes in its build machine's Xcode SDK, a"
        " broken Command Line Tools install); there is no library to install",
        line=r"\bld: library (?:'c\+\+' not found|not found for -lc\+\+)",
        # codecov-cli and chroma-hnswlib with uv's managed Python (blind b4/77, b4/78: "Compiling with an SDK
        # that doesn't seem to exist"), libsass-python #390 (macOS 12.3.1)
        examples=(("      ld: library 'c++' not found", ()),
                  ("ld: library not found for -lc++", ())),
        counter_examples=(("ld: library 'ssl' not found", ()),
                          ("ld: library not found for -lxml2", ())),
    ),
    Ruling(
        "library-link-missing", lambda d: _library_name(d).lower() == "stdc++",
        "GCC's C++ runtime (libstdc++) asked for by Apple's linker: Xcode 10's SDKs (macOS 10.14) stopped shipping it,"
        " and clang links it only for a deployment target older than 10.9 (the Python's or MACOSX_DEPLOYMENT_TARGET):"
        " a newer deployment target, which makes clang use libc++, not a library to install",
        line=r"\bld: library (?:not found for -lstdc\+\+|'stdc\+\+' not found)",
        # python-igraph under conda's Python on macOS 10.14 (b40-win-mac-2014-20-b/17, /21: fixed by
        # MACOSX_DEPLOYMENT_TARGET=10.14, after clang's "libstdc++ is deprecated; move to libc++" warning)
        examples=(("    ld: library not found for -lstdc++", ()),),
        counter_examples=(("/usr/bin/ld: cannot find -lstdc++", (UNIX,)),),
    ),
    Ruling(
        "library-link-missing", is_unversioned_libpython,
        "-lpython with no version: no Python build makes a libpython.so (CPython's Makefile names it"
        " libpython$(LDVERSION)); the build script composed the name from a sysconfig variable this Python"
        " lacks (Python 2 has no LDVERSION): a bug of the package, not a library to install",
        line=r"-lpython(?![\w.])",
        # mod_wsgi #14 (blind b4/84; the reporter's patch falls back to VERSION); CPython's Makefile.pre.in
        examples=(("/usr/bin/ld: cannot find -lpython", ()),
                  ("ld: library not found for -lpython", ())),
        counter_examples=(("/bin/ld: cannot find -lpython2.7", ()),
                          ("/usr/bin/ld: cannot find -lpython3.6m", ())),
    ),
    Ruling(
        "library-link-missing", is_libpython,
        "libpython searched under a temporary directory of the machine that built this Python (its sysconfig"
        " LIBDIR, e.g. Anaconda 4.0's /tmp/tmpQcQ0Zo/Anaconda-4.0.0/lib): the library is installed, the"
        " Python distribution records the wrong place; nothing to install",
        when=(BUILD_MACHINE_LIBDIR,),
        # anaconda-issues #772: sasl (blind b4/82) and kerberos (ibis-framework[kerberos]) in the same thread
        # (uwsgi under a uv-managed Python on macOS, b11-mixed-b/17)
        examples=(("> /usr/bin/ld: cannot find -lpython2.7", (BUILD_MACHINE_LIBDIR,)),
                  ("ld: library 'python3.12' not found", (BUILD_MACHINE_LIBDIR, MACOS, UNIX))),
        counter_examples=(("/bin/ld: cannot find -lpython2.7", (UNIX,)),),
    ),
    Ruling(
        "other", lambda d: d.lower().startswith("numpy/"),
        "the same pip run installs numpy after this build: numpy was not installed when the package was built"
        " (pip < 10 built in the order it met the requirements, without isolation; later pips build in an"
        " environment without it when the package does not declare it)",
        in_log=lambda d, facts: NUMPY_INSTALLED_AFTER in facts, instead="build-dependency-missing", detail_as="numpy",
        # mahotas 1.4.3 under pip 9 in a fresh Ubuntu image (b38-old-pip-longtail-9/04)
        examples=(("mahotas/numpypp/numpy.hpp:11:33: fatal error: numpy/ndarrayobject.h: No such file or directory",
                   (NUMPY_INSTALLED_AFTER,)),),
        counter_examples=(("mahotas/numpypp/numpy.hpp:11:33: fatal error: numpy/ndarrayobject.h: No such file or"
                           " directory", ()),),
    ),
    Ruling(
        "msvc-missing", _any,
        "MSVC compiled the objects, then the \"link\" that ran was another program of that name (Git for Windows'"
        " coreutils link.exe, first on PATH): the order of PATH, not a missing Visual Studio",
        line=r"\blink: extra operand\b", in_log=lambda d, facts: MSVC_OBJECTS in facts,
        # brian2 on AppVeyor (b38-old-pip-longtail-9/22; its maintainer's diagnosis)
        examples=(("link: extra operand '/INCREMENTAL:NO'", (MSVC_OBJECTS,)),),
        counter_examples=(("link: extra operand '/INCREMENTAL:NO'", (WINDOWS,)),),
    ),
    Ruling(
        "python-headers-missing", _any,
        "the Pythons of manylinux images carry their headers but no shared libpython (PEP 513): CMake's FindPython"
        " asked for Development, which includes Development.Embed and its library; the project's CMake should ask"
        " for Development.Module, nothing is missing to install",
        line=r"\bCould NOT find Python3?\b", when=(MANYLINUX_PYTHON,),
        # a scikit-build-core project under cibuildwheel (b37-ci-docker-2/20; a scikit-build maintainer's reply)
        examples=(("  Could NOT find Python (missing: Python_LIBRARIES Interpreter Development", (MANYLINUX_PYTHON,)),),
        counter_examples=(("  Could NOT find Python (missing: Python_LIBRARIES Interpreter Development", (UNIX,)),),
    ),
    Ruling(
        "python-headers-missing", lambda d: MULTIARCH_PYCONFIG.match(d.replace("\\", "/")) is not None,
        "Debian's pyconfig.h is a stub that includes the one of the compiler's architecture under"
        " /usr/include/<triplet>/: the stub was found, so this Python's development package is installed; the"
        " compiler is another architecture's (a cross compiler reading the build machine's headers), which"
        " installing python3-dev does not change",
        # psutil 5.0 in spksrc's cross build for a Synology NAS (b37-ci-docker-2/18)
        examples=(("/usr/include/python3.4m/pyconfig.h:3:52: fatal error: x86_64-linux-gnu/python3.4m/pyconfig.h: No such"
                   " file or directory", ()),),
        counter_examples=(("x.c:1:10: fatal error: pyconfig.h: No such file or directory", ()),),
    ),
    Ruling(
        "python-headers-missing", _any,
        "CMake's FindPythonLibs (deprecated since CMake 3.12) found no Python include directory in a conda"
        " environment, whose Python ships its headers: the lookup missed them (the build script did not pass"
        " PYTHON_INCLUDE_DIR, or CMake found another Python), nothing to install",
        line=r"\bCould NOT find PythonLibs\b", when=(CONDA_ENV,),
        # qsim's setup.py under micromamba (b36-lib-lookups-2/03; its fix passes -DPYTHON_INCLUDE_DIR to CMake)
        examples=(("  Could NOT find PythonLibs (missing: PYTHON_INCLUDE_DIRS) (Required is at", (CONDA_ENV,)),),
        counter_examples=(("  Could NOT find PythonLibs (missing: PYTHON_INCLUDE_DIRS) (Required is at", (UNIX,)),),
    ),
    Ruling(
        "python-headers-missing", _any,
        "Python.h searched in /install/include, the prefix of the machine that built this Python"
        " (python-build-standalone, which uv installs, records it in its pkg-config file): the headers are"
        " installed with this Python, the build asks the wrong place; nothing to install",
        when=(BUILD_MACHINE_INCLUDE,),
        # pycairo's meson build under uv (b20-uv-poetry-pdm/07; uv's python-build-standalone threads)
        examples=(("../cairo/region.c:32:10: fatal error: Python.h: No such file or directory", (BUILD_MACHINE_INCLUDE,)),),
        counter_examples=(("../cairo/region.c:32:10: fatal error: Python.h: No such file or directory", (UNIX,)),),
    ),
    Ruling(
        "python-too-new", lambda d: d == "ssize_t",
        "Python's Windows headers defined ssize_t up to 3.9 (3.10 dropped it): on an older Python, an undeclared"
        " ssize_t is the package's own code, not this Python's change",
        in_log=lambda d, facts: bool(_python_versions(facts)) and not _python_at_least(facts, (3, 10)),
        examples=(("x.c(139): error C2065: 'ssize_t': undeclared identifier", ("python:3.9",)),),
        counter_examples=(("x.c(139): error C2065: 'ssize_t': undeclared identifier", ("python:3.10",)),
                          ("x.c(139): error C2065: 'ssize_t': undeclared identifier", ())),
    ),
    Ruling(
        "library-link-missing", lambda d: re.fullmatch(r"(?:vcruntime14\d|msvcr\d{2,3}d?)", _library_name(d).lower()) is not None,
        "the Microsoft C runtime that CPython was built with, asked of MinGW's linker: distutils' mingw32 compiler"
        " (cygwinccompiler's get_msvcr) links it for a Python built by MSVC, and MinGW does not ship it. Not a"
        " library to install: the toolchain does not match this Python (MSVC's Build Tools are the supported one)",
        # python-axolotl-curve25519 with MinGW gcc 8.2 on Python 3.6 (b15-win-msvc/03)
        examples=(("c:/mingw/bin/../lib/gcc/mingw32/8.2.0/../../../../mingw32/bin/ld.exe: cannot find -lvcruntime140",
                   (WINDOWS,)), ("ld.exe: cannot find -lmsvcr100", (WINDOWS,))),
        counter_examples=(("ld.exe: cannot find -lpython36", (WINDOWS,)),),
    ),
    Ruling(
        "library-link-missing", lambda d: _library_name(d).lower() in ("quadmath", "gfortran", "gcc_s", "stdc++", "atomic"),
        "a runtime library of the compiler itself, not found by a conda toolchain's linker: conda's compiler"
        " packages ship it (libgcc, libgfortran, libstdcxx), so the toolchain in this environment is incomplete or"
        " its packages disagree; not a system library to install",
        when=(CONDA_TOOLCHAIN,),
        # glmnet_python with conda-forge's gfortran 7.5.0 build 7 (b16-conda-pixi/04: a regression of that build)
        examples=(("/x/envs/b7/bin/../lib/gcc/x86_64-conda-linux-gnu/7.5.0/../../../../x86_64-conda-linux-gnu/bin/ld:"
                   " cannot find -lquadmath", (UNIX, CONDA_TOOLCHAIN)),),
        counter_examples=(("/usr/bin/ld: cannot find -lquadmath", (UNIX,)),),
    ),
    Ruling(
        "network", _any,
        "cargo's \"failed to download `crate vX`\" wraps whatever went wrong with the crate, and its \"Caused by\""
        " says the manifest needs a Cargo feature this Cargo does not have (\"not stabilized in this version of"
        " Cargo\"): an old Rust toolchain, not the network",
        line=r"failed to download `[\w-]{1,80} v", when=(CARGO_TOO_OLD,), instead="rust-too-old",
        # dupekit with maturin (blind b4/46, arrow-csv 57.1), semtools (run-llama/semtools #20),
        # cargo-local-registry #195 (munge_macro 0.4.2): all edition2024 on Cargo 1.75-1.81
        examples=(("      error: failed to download `arrow-csv v57.1.0`", (CARGO_TOO_OLD,)),
                  ("error: failed to download `semtools v1.2.1`", (CARGO_TOO_OLD,)),
                  ("  failed to download `munge_macro v0.4.2`", (CARGO_TOO_OLD,))),
        counter_examples=(("error: failed to download `arrow-csv v57.1.0`", (UNIX,)),),
    ),
    Ruling(
        "library-header-missing", is_posix_only_header,
        "a POSIX (or Linux-only) header that Microsoft's C runtime does not have: the package (or this part of"
        " it) does not support Windows; no library provides it there (WSL or a wheel are the ways out)",
        line=r"\bC1083\b",
        # leadsheet (blind b1/114), nanolib (b3/16); pyalsaaudio (b6/33: ALSA is Linux's sound API)
        examples=(("fatal error C1083: Cannot open include file: 'sys/mman.h': No such file or directory", (WINDOWS,)),
                  ("fatal error C1083: Cannot open include file: 'sched.h': No such file or directory", (WINDOWS,)),
                  ("alsaaudio.c(28): fatal error C1083: Cannot open include file: 'alsa/asoundlib.h': No such file or"
                   " directory", (WINDOWS,))),
        counter_examples=(("x.c(2): fatal error C1083: Cannot open include file: 'zlib.h': No such file or directory",
                           (WINDOWS,)),),
    ),
    Ruling(
        "library-header-missing", lambda d: library_header_gone(d) is not None,
        "a header its library removed in a release older than the current one (PROJ 8's proj_api.h, glibc's"
        " xlocale.h and sys/sysctl.h, OpenCV 4's opencv/*.h): the package's sources predate the library, and its"
        " development package, installed, would not have it",
        instead="other", rule="PX098", keep_detail=True,
        # cartopy 0.19 against PROJ 8 (b14-bio-geo-sci/04)
        examples=(("lib/cartopy/trace.cpp:634:10: fatal error: 'proj_api.h' file not found", (MACOS, UNIX)),
                  ("src/x.c:12:10: fatal error: sys/sysctl.h: No such file or directory", (UNIX,))),
        counter_examples=(("src/x.c:1:10: fatal error: proj.h: No such file or directory", (UNIX,)),),
    ),
    Ruling(
        "library-header-missing", _any,
        "HTSlib's configure stopped on a library's development files, and pysam's setup.py went on with"
        " conservative defaults (its own words): a lookup it recovered from, which a later failure outweighs",
        line=r"configure: error: |development files", when=(CONFIGURE_RECOVERED,), probe=True,
        examples=(("  configure: error: zlib development files not found", (CONFIGURE_RECOVERED,)),),
        counter_examples=(("  configure: error: zlib development files not found", ()),),
    ),
    Ruling(
        "distutils-missing", _any,
        "the error configure quotes under its failed import of distutils is Python 3.10's or 3.11's DeprecationWarning"
        " on importing it: distutils is there, and the check (AX_PYTHON_DEVEL before 2022, which takes any output on"
        " stderr for a failure) is what is wrong; a newer ax_python_devel.m4, or the project's newer build, fixes it",
        line=r"cannot import Python module", when=(DISTUTILS_PRESENT,),
        examples=(('configure: error: cannot import Python module "distutils".', (DISTUTILS_PRESENT,)),),
        counter_examples=(('configure: error: cannot import Python module "distutils".', ()),),
    ),
    Ruling(
        "library-link-missing", lambda d: re.fullmatch(r"gcc_s\.10\.[45]", d) is not None,
        "libgcc_s.10.4 and libgcc_s.10.5 are stubs for binaries built for Mac OS X 10.4 and 10.5, which the"
        " compiler's driver links when the deployment target is that old and which newer SDKs no longer ship: a"
        " toolchain and deployment-target mismatch (an old GCC or gfortran, MACOSX_DEPLOYMENT_TARGET), no library to"
        " install (pyqg with Xcode 6.4's toolchain, fixed by Xcode 7, b52-old-pip-longtail-15/04)",
        line=r"-lgcc_s\.10\.[45]\b",
        examples=(("ld: library not found for -lgcc_s.10.5", ()),),
        counter_examples=(("ld: library not found for -lgcc_s", ()),),
    ),
    Ruling(
        "python-too-new", lambda d: d in PYTHON3_ONLY_API,
        "the sources ask for C API that every Python 3 has and no Python 2 had (the module definition of PEP 3121,"
        " 3.3's UTF-8 and compact-unicode calls): the Python building them is too old for the package, not too new"
        " (a Python 3 extension built with Python 2.7: PyInventor, chianti, b52-old-pip-longtail-15/14-16; canto-curses"
        " and python-gfshare, b27-libheaders-b/17, /20)",
        # (the compilers' words for a name they never saw, not an error about a name they know: "invalid conversion"
        # of 3.7's const PyUnicode_AsUTF8, Rust's pyo3::ffi lacking a function)
        line=r"was not declared|undeclared|implicit declaration of function|identifier not found",
        examples=(("src/PyInventor.cpp:646:44: error: \u2018PyModule_Create\u2019 was not declared in this scope", ()),
                  ("utils.h:121:61: error: \u2018PyUnicode_AsUTF8AndSize\u2019 was not declared in this scope", ())),
        counter_examples=(("src/x.c:12:5: error: \u2018PyUnicode_AS_UNICODE\u2019 was not declared in this scope", ()),),
    ),
    Ruling(
        "config-tool-missing", lambda d: re.fullmatch(r"python-?[23](?:\.\d{1,2})?(?:-embed)?", d) is not None,
        "the pkg-config data of Python itself (python-3.9.pc, python3-embed.pc) comes with Python's development files,"
        " as Python.h does (python3-dev / python3-devel): the build asked pkg-config for Python's headers and library"
        " (blueman's configure on Rocky Linux 9 and under Miniconda, b51-lib-lookups-5/21, /22; meson's 'Python"
        " dependency not found' is the same)",
        line=r"python-?[23]", instead="python-headers-missing", detail_as="Python.h",
        examples=(("No package 'python-3.8' found", ()),
                  ("Package 'python-3.9', required by 'virtual:world', not found", ())),
        counter_examples=(("No package 'pygobject-3.0' found", ()),),
    ),
    Ruling(
        "build-dependency-missing", lambda d: d == "setuptools",
        "the license string setuptools refused is no SPDX license expression either, so no setuptools would accept it:"
        " the project's pyproject.toml is at fault (an SPDX identifier such as \"Apache-2.0\", or the {text = ...}"
        " table), not an old setuptools",
        line=r"`project\.license` must be valid exactly by one definition", when=(NOT_SPDX_LICENSE,),
        # (two lines: the rule needs the next one)
        examples=(("configuration error: `project.license` must be valid exactly by one definition (2 matches found):\n"
                   "    - keys:", (NOT_SPDX_LICENSE,)),),
        counter_examples=(("configuration error: `project.license` must be valid exactly by one definition (2 matches"
                           " found):\n    - keys:", ()),),
    ),
    Ruling(
        "build-tool-missing", lambda d: d.lower() in ("node", "nodejs"),
        "sphinx-theme-builder looks for node and, not finding one, installs NodeJS into the project's nodeenv: the"
        " node it did not find is no cause, what failed after it is",
        line=r"Could not find a `node` executable", when=(STB_NODEENV,), bypassed=True,
        # pydata-sphinx-theme from git under conda on Windows (b64-programs-6/12: the new nodeenv's node then failed,
        # "nodeenv-unhealthy-file-not-found", sphinx-theme-builder's own Windows bug)
        examples=(("[stb] # Could not find a `node` executable.", (STB_NODEENV,)),),
        counter_examples=(("[stb] # Could not find a `node` executable.", ()),),
    ),
    Ruling(
        "build-dependency-missing", lambda d: d == "wheel",
        "without the wheel package, setup.py has no bdist_wheel; pip then falls back to `setup.py install`, which"
        " needs no wheel: when that failed too, its own failure is the cause",
        line=r"invalid command 'bdist_wheel'", when=(LEGACY_INSTALL_FAILED,), bypassed=True,
        examples=(("  error: invalid command 'bdist_wheel'", (LEGACY_INSTALL_FAILED,)),),
        counter_examples=(("  error: invalid command 'bdist_wheel'", ()),),
    ),
    Ruling(
        "network", _any,
        "cargo could not load a crate the package names by its path (`path = \"../x\"`): a file missing from the"
        " sdist or checkout, built outside the workspace it belongs to, not a download",
        line=r"failed to get `[\w-]+` as a dependency of package", when=(CARGO_PATH_DEP,),
        examples=(("error: failed to get `css-inline` as a dependency of package `css-inline-python v0.6.1"
                   " (/tmp/pip-install-71d_ro91/css-inline_d9ee84)`", (CARGO_PATH_DEP,)),),
        counter_examples=(("error: failed to get `pyo3` as a dependency of package `foo v0.1.0 (/tmp/foo)`", ()),),
    ),
    Ruling(
        "network", _any,
        "cargo reached the git repository of a dependency and the commit the manifest pins is not there (removed"
        " upstream by a force-push or a deleted branch): a newer release of the package, or a checkout that pins a"
        " commit that exists, builds; the network is not the cause",
        when=(CARGO_GIT_REV_GONE,),
        examples=(("error: failed to get `candle-core` as a dependency of package `mistralrs-core v0.1.24"
                   " (/tmp/tmps25d5_iz/mistralrs-0.1.24/mistralrs-core)`", (CARGO_GIT_REV_GONE,)),),
        counter_examples=(("error: failed to get `candle-core` as a dependency of package `mistralrs-core v0.1.24"
                           " (/tmp/tmps25d5_iz/mistralrs-0.1.24/mistralrs-core)`", ()),),
    ),
    Ruling(
        "network", _any,
        "cargo's retries of the crates.io index failed on this machine's side (libgit2 could not map or read its"
        " own files: out of memory, EOVERFLOW), the known failure of a 32-bit process emulated by QEMU on a 64-bit"
        " host (arm/v7 docker builds): the network is not the cause",
        when=(CARGO_GIT_LOCAL,), instead="other", rule="PX099",
        examples=(("warning: spurious network error (2 tries remaining): failed to mmap. Could not write data: Out of"
                   " memory; class=Os (2)", (CARGO_GIT_LOCAL,)),
                  ("error: failed to get `asn1` as a dependency of package `cryptography-rust v0.1.0 (/tmp/x/src/rust)`",
                   (CARGO_GIT_LOCAL,))),
        counter_examples=(("warning: spurious network error (2 tries remaining): [6] Couldn't resolve host name"
                           " (Could not resolve host: index.crates.io)", ()),),
    ),
    Ruling(
        "library-link-missing", lambda d: library_file_gone(d) is not None,
        "a library its project stopped building in a release older than the current one (OpenLDAP 2.5's libldap_r,"
        " merged into libldap; FFmpeg 5's libavresample; Boost 1.69's Boost.Signals): the package's build predates"
        " the library, and its development package, installed, would not have it",
        instead="other", rule="PX098", keep_detail=True,
        # python-ldap on Alpine edge (b15-alpine-docker-ci/05, python-ldap#432)
        examples=(("/usr/lib/gcc/x86_64-alpine-linux-musl/10.3.1/../../../../x86_64-alpine-linux-musl/bin/ld: cannot"
                   " find -lldap_r", (UNIX, MUSL)),),
        counter_examples=(("/usr/bin/ld: cannot find -lldap", (UNIX,)),),
    ),
    Ruling(
        "library-link-missing", lambda d: _library_name(d).lower() == "iomp5",
        "Intel's OpenMP runtime (libiomp5) asked for by name on macOS (a setup script's -fopenmp=libiomp5 or"
        " -liomp5): neither Apple nor Homebrew's llvm ships a library by that name (LLVM's is libomp); the flag"
        " is the package's to change, not a library to install",
        line=r"\bld: library not found for -liomp5\b",
        # arctic 1.63's setup.py with Homebrew's clang 6 (b30-unseen-libs/06; its fix, arctic#522, dropped the flag)
        examples=(("ld: library not found for -liomp5", (MACOS,)), ("ld: library not found for -liomp5", ())),
        counter_examples=(("/usr/bin/ld: cannot find -liomp5", (UNIX,)),),
    ),
    Ruling(
        "library-link-missing", lambda d: _library_name(d).lower() == "gomp",
        "GCC's OpenMP runtime (libgomp) looked for by Apple's linker (ld64's words, GNU ld says \"cannot find\"):"
        " older Xcode clangs took -fopenmp and asked for it, some setup scripts add -lgomp themselves; Apple never"
        " shipped it, and with GCC as the compiler its driver would have found its own. Apple's clang has no"
        " OpenMP: LLVM's libomp or GCC as the compiler",
        line=r"\bld: library not found for -lgomp\b", instead="other", rule="PX093",
        # MDAnalysis on OS X 10.7 (b15-old-py2-easyinstall/14); scikit-image#341, pyhsmm#17, pyFAI#118,
        # forcebalance#27 in their threads
        examples=(("ld: library not found for -lgomp", (MACOS,)), ("ld: library not found for -lgomp", ())),
        counter_examples=(("/usr/bin/ld: cannot find -lgomp", (UNIX,)), ("ld: library not found for -lomp", (MACOS,))),
    ),
    Ruling(
        "build-tool-missing", lambda d: d.lower() in ("make", "gmake", "rm", "cp", "mv", "ln", "autoconf", "automake",
                                                      "libtool", "m4"),
        "the build runs a Unix shell script (sh, ./configure) through Windows' cmd.exe, which has neither the shell"
        " nor the tools it calls: the build is written for a Unix environment (MSYS2, Cygwin, WSL), and installing"
        " make alone does not make it one",
        in_log=lambda d, facts: UNIX_SHELL_VIA_CMD in facts,
        # pyds9 1.8 under a native Windows Anaconda (b36-old-pip-longtail-7/08: 'sh', then 'make' and 'rm')
        examples=(("'make' is not recognized as an internal or external command,", (UNIX_SHELL_VIA_CMD,)),),
        counter_examples=(("'make' is not recognized as an internal or external command,", (WINDOWS,)),),
    ),
    Ruling(
        "config-tool-missing", _any,
        "on Windows, the build asked pkg-config for a library that only Linux or other Unix systems build (Samba's"
        " libsmbclient, ALSA, udev, systemd, BlueZ): with or without pkg-config there is nothing to find, the"
        " package does not support Windows",
        in_log=lambda d, facts: WINDOWS in facts and UNIX_ONLY_PKGCONFIG in facts,
        # pysmbc 1.0.23 on Windows (b26-longtail-pkgs-c/14: its setup.py's pkgconfig_L("smbclient"), WinError 2 in
        # Turkish)
        examples=(("Package smbclient was not found in the pkg-config search path.", (WINDOWS, UNIX_ONLY_PKGCONFIG)),),
        counter_examples=(("Package smbclient was not found in the pkg-config search path.", (WINDOWS,)),
                          ("Package smbclient was not found in the pkg-config search path.", (UNIX, UNIX_ONLY_PKGCONFIG))),
    ),
    Ruling(
        "library-link-missing", lambda d: _library_name(d).lower().rsplit(".lib", 1)[0] in LINUX_ONLY_LIBRARIES,
        "a library of Linux's own interfaces (libaio, libudev, ALSA's libasound, BlueZ, libcap, libseccomp) or of"
        " POSIX's C library (libm, libdl, librt) that MSVC's linker looks for: no Windows build of it exists, so"
        " the package (or this part of it) does not support Windows as configured",
        line=r"\bLNK1181\b",
        # DeepSpeed's async_io op on Windows (b14-ml-rust-cpp/11, MSVC's linker in Spanish)
        examples=(("LINK : fatal error LNK1181: no se puede abrir el archivo de entrada 'aio.lib'", (WINDOWS,)),
                  ("LINK : fatal error LNK1181: cannot open input file 'm.lib'", (WINDOWS,))),
        counter_examples=(("LINK : fatal error LNK1181: cannot open input file 'zlib.lib'", (WINDOWS,)),),
    ),
    Ruling(
        "library-header-missing", is_not_on_cygwin_header,
        "a header of Linux's own interfaces (epoll, inotify, prctl, the kernel's) that Cygwin does not have: the"
        " package (or a library it bundles, configured for Linux) does not support Cygwin; no package provides it",
        when=(CYGWIN,),
        # pyzmq's bundled libzmq staged with its Linux platform.hpp under Cygwin (b17-win-arm-cygwin/11)
        examples=(("bundled/zeromq/src/epoll.hpp:29:23: fatal error: sys/epoll.h: No such file or directory",
                   (CYGWIN, UNIX)),),
        counter_examples=(("bundled/zeromq/src/epoll.hpp:29:23: fatal error: sys/epoll.h: No such file or directory",
                           (UNIX,)),
                          ("src/x.c:3:10: fatal error: openssl/ssl.h: No such file or directory", (CYGWIN, UNIX))),
    ),
    Ruling(
        "library-header-missing", is_not_on_macos_header,
        "a header of Linux (the kernel's, ALSA's, BlueZ's, glibc's own) that macOS does not have: the package (or"
        " this part of it) does not support macOS; no library provides it there",
        when=(MACOS,),
        # pyalsaaudio on macOS (blind b9-pages/25: ALSA is Linux's sound API)
        examples=(("alsaaudio.c:28:10: fatal error: 'alsa/asoundlib.h' file not found", (MACOS, UNIX)),
                  ("src/x.c:3:10: fatal error: 'malloc.h' file not found", (MACOS, UNIX))),
        counter_examples=(("alsaaudio.c:28:10: fatal error: alsa/asoundlib.h: No such file or directory", (UNIX,)),
                          ("src/x.c:3:10: fatal error: 'openssl/ssl.h' file not found", (MACOS, UNIX))),
    ),
    Ruling(
        "library-link-missing", _any,
        "a program the build runs (the compiler's own cc1plus, collect2, as, ld, or a tool such as swig) that the"
        " dynamic loader cannot start: its own shared libraries (GCC's prerequisites GMP, MPFR and MPC, libstdc++,"
        " the PCRE a swig was built with) are missing or off LD_LIBRARY_PATH, a tool built, unpacked or packaged"
        " apart from the system; no library the package links",
        line=r"(?:^|[\s/\\])(?:cc1(?:plus|obj)?|collect2|lto1|f951|as|ld(?:\.\w{1,8})?|[\w.-]{0,40}?(?:gcc|g\+\+|c\+\+|cc|gfortran|clang"
             r"(?:\+\+)?)|swig[\d.]{0,4}|cmake|ninja|protoc|bison|flex|make|nasm|cython)(?:-\d[\d.]{0,8})?: error while loading"
             r" shared libraries:",
        # cantera under SCons with a self-built GCC 4.8.5 (b47-cpp-cuda-ext-10/06); Infomap's Python build running a
        # swig that cannot load its libpcre.so.1 (b61-programs-lookups-5/12)
        examples=(("/home/u/gcc/gcc-4.8.5/libexec/gcc/x86_64-unknown-linux-gnu/4.8.5/cc1plus: error while loading shared"
                   " libraries: libmpc.so.3: cannot open shared object file: No such file or directory", ()),),
        counter_examples=(("OSError: libhdf5.so: cannot open shared object file: No such file or directory", ()),),
    ),
    Ruling(
        "build-dependency-missing", lambda d: d.lower() == "py2exe",
        "a setup.py that imports py2exe, the freezer of Windows programs: its author's Windows packaging, no build"
        " requirement (py2exe exists for Windows only, and no build declares it); the package's setup.py has to be"
        " changed, nothing installed helps",
        # boar's setup.py on FreeBSD 9 ("import py2exe" on its second line; the reporter's fix: remove it),
        # b63-frontends-ci-3/16
        examples=(("ImportError: No module named py2exe", ()),),
        counter_examples=(("ImportError: No module named py2app", ()),),
    ),
    Ruling(
        "config-tool-missing", _any,
        "CMake 2.8's FindPkgConfig asked pkg-config for a minimum version (\"package 'X>=V' not found\"): the library"
        " may be absent or older than the build asks for, as a distribution's release often is; the log cannot tell",
        line=r"^\s*--\s{1,4}package '[^'\n]{1,128}?[<>=]",
        # libfreenect2 wanting libusb >= 1.0.20 on Ubuntu 14.04 (1.0.17), libhif wanting gio-unix-2.0 >= 2.44 on an
        # older Debian: b63-lib-lookups-13/25, b60-lib-lookups-12/10, both a version the distribution lacked
        examples=(("--   package 'libusb-1.0>=1.0.20' not found\n  A required package was not found", ()),),
        counter_examples=(("--   package 'libusb-1.0' not found\n  A required package was not found", ()),),
    ),
    Ruling(
        "library-header-missing", _any,
        "CMake's FindPostgreSQL found libpq (its version is printed) and stopped only on PostgreSQL_TYPE_INCLUDE_DIR:"
        " before CMake 3.20 it also wants the server's catalog/pg_type.h (PostgreSQL's server development package),"
        " and some releases do not look where distributions install it; whether a package is missing or the"
        " module looked in the wrong place, the log cannot tell",
        line=r"\(missing: PostgreSQL_TYPE_INCLUDE_DIR\) \(found\b",
        # meow-sql on Debian with postgresql-server-dev-13 installed (CMake 3.18), libpqmxx on Ubuntu 14.04 (CMake
        # 3.2; its maintainer: a CMake bug, fixed by 3.5): b63-lib-lookups-13/12, /13
        examples=(("  Could NOT find PostgreSQL (missing: PostgreSQL_TYPE_INCLUDE_DIR) (found", ()),),
        counter_examples=(("  Could NOT find PostgreSQL (missing: PostgreSQL_LIBRARY PostgreSQL_INCLUDE_DIR"
                           " PostgreSQL_TYPE_INCLUDE_DIR)", ()),),
    ),
    Ruling(
        "library-header-missing", is_apple_framework_header,
        "the header of an Apple framework (CoreFoundation, IOKit, AppKit, ...), which only the macOS SDK ships: on"
        " another system the package (or this part of it) is for macOS; no package installs it there",
        when=(UNIX, WINDOWS), unless=(MACOS,),
        # MacFSEvents 0.8.4 on Debian (live batch 36, tests/fixtures/logs)
        examples=(("    _fsevents.c:2:10: fatal error: CoreFoundation/CoreFoundation.h: No such file or directory", (UNIX,)),),
        # (on macOS itself: the next ruling; with no platform shown, neither)
        counter_examples=(("    _fsevents.c:2:10: fatal error: 'CoreFoundation/CoreFoundation.h' file not found",
                           ()),),
    ),
    Ruling(
        "library-header-missing", is_apple_framework_header,
        "an Apple framework's header missing on macOS itself: no package installs it, the compiler is not reading an"
        " SDK (a Command Line Tools install without its headers, as macOS 10.14's separate headers package, an SDK"
        " path gone after an upgrade, or flags from another machine's Python); `xcrun --show-sdk-path` shows which",
        when=(MACOS,),
        # psutil 4.3.1 under Homebrew's python@2 on Mojave, the 10.14 SDK's paths given as plain -I directories
        # (b65-pip-lookups-1/25)
        examples=(("psutil/_psutil_osx.c:36:10: fatal error: 'CoreFoundation/CoreFoundation.h' file not found",
                   (UNIX, MACOS)),),
        counter_examples=(("psutil/_psutil_osx.c:36:10: fatal error: 'openssl/ssl.h' file not found", (UNIX, MACOS)),),
    ),
    Ruling(
        "library-header-missing", lambda d: _path(d) in _C_LIBRARY_OWN_HEADERS,
        "a header of the C library itself on Linux (glibc's and musl's malloc.h, features.h, byteswap.h), installed"
        " with its other headers (Debian's libc6-dev, musl-dev): one that is missing while the build got that far"
        " means a C library that has none (macOS: malloc/malloc.h; the BSDs), a package that does not support this"
        " platform, not a library to install",
        unless=(WINDOWS, MUSL, CYGWIN),
        # epanettools' bundled EPANET, with clang's wording and no platform shown (b44-win-mac-2014-20-e/24;
        # the thread: macOS has no malloc.h)
        examples=(("src/epanettools/epanet/epanet.c:135:10: fatal error: 'malloc.h' file not found", ()),),
        counter_examples=(("src/x.c:3:10: fatal error: malloc.h: No such file or directory", (MUSL, UNIX)),),
    ),
    Ruling(
        "library-header-missing", is_c99_header_msvc_lacked,
        "stdint.h and inttypes.h came to MSVC with Visual Studio 2010: an MSVC without them is older (VC9,"
        " the compiler of Python 2.7), not a library to install",
        line=r"\bC1083\b",
        # PTVS #2587 (blind b3/77; the maintainer: "The compiler for 2.7 ... does not have that header at
        # all"), xxtea #9, murmurhash #8
        examples=(("fatal error C1083: Cannot open include file: 'stdint.h': No such file or directory", (WINDOWS,)),
                  ("xxtea.c(29) : fatal error C1083: Cannot open include file: 'stdint.h': No such file or directory",
                   (WINDOWS,)),
                  ("murmurhash/mrmr.cpp(248) : fatal error C1083: Cannot open include file: 'stdint.h': No such file"
                   " or directory", (WINDOWS,))),
    ),
    Ruling(
        "library-header-missing", is_glibc_only_header,
        "a header only glibc has: on another C library (musl on Alpine) no package provides it; the package"
        " assumes glibc",
        # numpy on musl (blind b2/96); h2o #2328 and memtier_benchmark #358 on Alpine (libexecinfo left
        # Alpine in 3.17)
        examples=(("numpy/core/src/multiarray/temp_elide.c:85:10: fatal error: 'execinfo.h' file not found", ()),
                  ("/home/user/h2o/src/httpclient.c:25:10: fatal error: execinfo.h: No such file or directory", ()),
                  ("memtier_benchmark.cpp:44:10: fatal error: execinfo.h: No such file or directory", ())),
    ),
    Ruling(
        "library-header-missing", is_windows_only_header,
        "a header of Windows' C runtime, missing on another platform: the package (or this part of it) is"
        " for Windows, or its own copy of the file is gone; no library provides it",
        unless=(WINDOWS,),
        # pysdd (blind b3/75), cpython #27780 (Windows' PC/pyconfig.h compiled by gcc)
        examples=(("pysdd/sdd.c:639:10: fatal error: 'io.h' file not found", (UNIX,)),
                  ("deps/cpython/PC/pyconfig.h:59:16: fatal error: io.h: No such file or directory", ())),
        counter_examples=(("d:\\ai\\anaconda3\\envs\\ssd\\include\\pyconfig.h(59): fatal error C1083: Cannot open include"
                           " file: 'io.h': No such file or directory", (WINDOWS,)),),
    ),
    Ruling(
        "library-header-missing", is_windows_sdk_header,
        "a header of the C runtime or the Windows SDK (io.h, stdio.h, basetsd.h ...), missing on Windows: the"
        " Build Tools are incomplete (no Windows SDK / UCRT); no library provides it. (MSVC's C1083 says so on"
        " its own line; a console's wrapping can leave the header's name on the next one)",
        when=(WINDOWS,), unless=(CYGWIN,), instead="msvc-missing", keep_detail=True,
        # go-icp's and pandas' C1083 for io.h (b5-qa-pages/15, b15-win-msvc/25) and rcssmin's for basetsd.h
        # (b16-conda-pixi/12), wrapped at 80 columns by bench/framings.py
        examples=(("Cannot open include file: 'io.h': No such file or directory", (WINDOWS,)),),
        counter_examples=(("Cannot open include file: 'io.h': No such file or directory", (WINDOWS, CYGWIN)),
                          ("src/x.c:3:10: fatal error: stdio.h: No such file or directory", (UNIX,))),
    ),
    Ruling(
        "library-header-missing", _any,
        "a header that TensorFlow's own headers include (a file under site-packages/tensorflow/include): its pip"
        " wheels carry their dependencies' headers (nsync under include/external/) and expect a layout of their own"
        " (cuda/include/cuda.h), which a custom op's build must pass (tf.sysconfig.get_compile_flags()) or link in;"
        " no system library provides it",
        in_log=is_bundled_include_in_log,
        # TF 1.4-1.5 custom ops compiled without -I$TF_INC/external/nsync/public (crfasrnn_keras, ConMask:
        # b49-cpp-cuda-ext-12/11, /12), TF's cuda_kernel_helper.h asking for cuda/include/cuda.h (its /13)
        examples=(("/usr/local/lib/python3.5/dist-packages/tensorflow/include/tensorflow/core/platform/default/mutex.h"
                   ":25:22: fatal error: nsync_cv.h: No such file or directory", ("bundled-include:nsync_cv.h",)),),
        counter_examples=(("src/x.c:3:10: fatal error: nsync_cv.h: No such file or directory", ()),),
    ),
    Ruling(
        "library-header-missing", is_vendored_header,
        "a header asked for by its path in the package's own tree of other projects' sources (third_party/,"
        " vendor/, external/ ...): a git submodule not checked out or a vendored copy missing from the sources"
        " built; installing a library does not put it there",
        # gsplat 1.0.0 from a checkout without its glm submodule (b25-ml-science-2025-26/17)
        examples=(("gsplat/cuda_legacy/csrc/helpers.cuh:2:10: fatal error: third_party/glm/glm/glm.hpp: No such file or"
                   " directory", ()),),
        counter_examples=(("src/x.c:3:10: fatal error: glm/glm.hpp: No such file or directory", ()),),
    ),
    Ruling(
        "library-header-missing", is_old_freetype_path,
        "a header under include/freetype/, where FreeType stopped installing its headers in 2.5.1 (2013): the"
        " sources predate the FreeType installed (which programs reach through <ft2build.h>); installing it does"
        " not help, a newer release of the package does",
        # PIL 1.1.7's _imagingft.c on Arch with FreeType 2.5.1 (b27-libheaders-a/18); FreeType's CHANGES for 2.5.1
        examples=(("_imagingft.c:73:31: fatal error: freetype/fterrors.h: No such file or directory", ()),),
        counter_examples=(("_imagingft.c:30:10: fatal error: ft2build.h: No such file or directory", ()),),
    ),
    Ruling(
        "library-header-missing", _any,
        "the compile command carries a doubled include flag (\"-I-I/opt/...\"): the compiler takes \"-I/opt/...\" for a"
        " directory's name and never searches the library's include directory the build meant to pass; the"
        " header may well be installed there",
        when=(DOUBLED_INCLUDE_FLAG,),
        # kitty's setup.py with Homebrew's xxhash (b27-libheaders-b/13)
        examples=(("kittens/transfer/algorithm.c:13:10: fatal error: 'xxhash.h' file not found", (DOUBLED_INCLUDE_FLAG,)),),
        counter_examples=(("kittens/transfer/algorithm.c:13:10: fatal error: 'xxhash.h' file not found", ()),),
    ),
    Ruling(
        "library-header-missing", is_compat_copy_of_c99_header,
        "a C99 header (stdint.h, inttypes.h, stdbool.h) under a directory of the project's own: its copy for old"
        " compilers without one, missing from its sources; the C library's own is not in a subdirectory, and no"
        " library package ships such a copy",
        # pyahocorasick 1.1.5's sdist without msinttypes/ (b26-longtail-pkgs-a/15, MSVC 14.0 on AppVeyor)
        examples=(("windows.h(14): fatal error C1083: Cannot open include file: 'msinttypes/stdint.h': No such file or"
                   " directory", ()),),
        counter_examples=(("x.c:1:10: fatal error: sys/stdint.h: No such file or directory", ()),
                          ("x.c:1:10: fatal error: libavutil/time.h: No such file or directory", ())),
    ),
    Ruling(
        "library-header-missing", is_private_header,
        "a header named like the package's own private module (_name.h: Cython writes one for a module's"
        " public declarations, PEP 8 names a package's C part _name): the package's own file, generated"
        " by its build or missing from its sources; no library provides it",
        examples=(("src/gwchannel.cpp:3:10: fatal error: _gw.h: No such file or directory", ()),),
        counter_examples=(("src/pyaudio/device_api.c:9:10: fatal error: portaudio.h: No such file or directory", ()),),
    ),
    Ruling(
        "library-header-missing", _any,
        "a header named exactly like the package the log builds (pacparser.h in pacparser): the package's own"
        " file, missing from its sources (an sdist that does not ship it, a submodule not checked out); no"
        " library provides it",
        in_log=is_header_named_after_the_package,
        # pacparser on Fedora (blind b4/62) and with poetry on macOS (b4/63), pacparser #254 ("Missing
        # pacparser.h from python dist"); psautohint's sdist without its *.h (adobe-type-tools/psautohint #13)
        examples=(("pacparser_py.c:22:10: schwerwiegender Fehler: pacparser.h: Datei oder Verzeichnis nicht gefunden",
                   ("package:pacparser",)),
                  ("pacparser_py.c:22:10: fatal error: 'pacparser.h' file not found", ("package:pacparser",)),
                  ("python/psautohint/_psautohint.c:33:10: fatal error: 'psautohint.h' file not found",
                   ("package:psautohint",))),
        counter_examples=(("src/pyaudio/device_api.c:9:10: fatal error: portaudio.h: No such file or directory",
                           ("package:pyaudio",)),
                          ("src/gssapi/raw/python_gssapi.h:1:10: fatal error: gssapi/gssapi.h: No such file or directory",
                           ("package:gssapi",)),
                          # the btrfsutil binding on PyPI, without libbtrfsutil's header (b20-uv-poetry-pdm/03)
                          ("  constants.c:3:10: fatal error: btrfsutil.h: No such file or directory",
                           ("package:btrfsutil",))),
    ),
    Ruling(
        "library-header-missing", is_standard_header,
        "a standard header that the toolchain's own wrapper of it cannot find (#include_next from Apple's"
        " SDK or libc++): a broken or mismatched compiler/SDK, not a library to install",
        line=r"(?:/Library/Developer/|\.sdk/|/Developer/SDKs/|Xcode[\w.]{0,20}\.app/|/include/c\+\+/v1/|/include-fixed/)"
             r"[^\s:]{0,300}\.h:\d+:\d+: fatal error:",
        # psutil (blind b1/20), llvmlite #692 (a venv's clang), RaftLib #100 (Xcode 11.4.1)
        examples=(("/Developer/SDKs/MacOSX10.6.sdk/usr/include/float.h:8:15: fatal error: 'float.h' file not found", ()),
                  ("/Users/user/PycharmProjects/sapf_in_python_exploratory/venv/bin/../include/c++/v1/stdlib.h:20:15:"
                   " fatal error: 'stdlib.h' file not found", ()),
                  ("/Applications/Xcode_11.4.1.app/Contents/Developer/Toolchains/XcodeDefault.xctoolchain/usr/bin/../"
                   "include/c++/v1/stdlib.h:93:15: fatal error: 'stdlib.h' file not found", ()),
                  # gcc's own limits.h (fixincludes: "#include_next <limits.h> /* recurse down to the real one */"):
                  # conda's gcc 4.8.5 on a newer macOS (pysteps, blind b4/89), a moved MSYS2 mingw64
                  # (MINGW-packages #765), Nix's avr-gcc (nixpkgs #69172)
                  ("/anaconda3/envs/pysteps/lib/gcc/x86_64-apple-darwin11.4.2/4.8.5/include-fixed/limits.h:168:61: fatal"
                   " error: limits.h: No such file or directory", ()),
                  ("/nix/store/sxdn938zndxp3jbj6qk29v4dp1z4v5l0-gcc-debug-8.3.0-avr-stage-final/lib/gcc/avr/8.3.0/"
                   "include-fixed/limits.h:194:15: fatal error: limits.h: No such file or directory", ())),
        counter_examples=(("/usr/local/lib/pyenv/versions/3.7.3/include/python3.7m/Python.h:11:20: fatal error:"
                           " limits.h: No such file or directory", (UNIX,)),),
    ),
    Ruling(
        "compiler-missing", _any,
        "the compiler ran (it reported errors in a source file above): a setup script's \"gcc is not installed\""
        " after the failure is its guess (psutil says so whenever its build fails and no gcc is on PATH, though"
        " the system compiler is cc / clang); the compiler's own errors are the failure",
        line=r"\bis not installed\b", when=(COMPILER_RAN,),
        # psutil 7.1.2 on OpenBSD (b14-lang-musl-mobile/18: a missing ';' in its source, clang as cc)
        examples=(("psutil could not be compiled from sources. gcc is not installed. Try running:", (UNIX, COMPILER_RAN)),),
        counter_examples=(("psutil could not be compiled from sources. gcc is not installed. Try running:", (UNIX,)),),
    ),
    Ruling(
        "library-header-missing", lambda d: d.replace("\\", "/").rsplit("/", 1)[-1] in _cxx_standard_headers(),
        "a header of the C++ standard library itself: on Linux its development package is missing (a g++ without"
        " libstdc++-dev, or a clang++ that picks the newest GCC installed, whose libstdc++-NN-dev is not); on macOS"
        " it is the SDK's libc++, or a deployment target old enough to select the libstdc++ that Xcode 10 removed"
        " (-stdlib=libc++, MACOSX_DEPLOYMENT_TARGET=10.9), and on Windows the Visual C++ tools: only a log that shows"
        " Linux names a package",
        in_log=lambda d, facts: UNIX not in facts or MACOS in facts or STDLIBCXX_NOT_FOUND in facts,
        # kiwisolver under clang++ on Ubuntu 22.04 (b71-robotics-1/14), ROCm's clang without libstdc++'s cmath
        # (b16-gpu-hpc/20); macOS's are the corpus's other (b44-win-mac-2014-20-e/21-26, b32-cpp-bindings-2/07)
        examples=(("src/primesieve.cpp:10:10: fatal error: 'cstdlib' file not found", (UNIX, MACOS)),
                  ("x.cpp:1:10: fatal error: iostream: No such file or directory", ()),
                  ("./diff_match_patch.h:26:10: fatal error: 'limits' file not found", (UNIX, STDLIBCXX_NOT_FOUND))),
        counter_examples=(("py/constraint.cpp:8:10: fatal error: 'algorithm' file not found", (UNIX,)),),
    ),
    Ruling(
        "compiler-missing", _any,
        "the compiler's driver ran and could not start a program of its toolchain that is there (\"Exec format"
        " error\": its file is for another machine, or damaged -- an image of another architecture without"
        " emulation, a broken binutils); a later \"no working compiler\" is that failure, not a missing compiler",
        when=(EXEC_FORMAT,),
        # cffi 1.11.2's "No working compiler found" under Alpine's gcc that cannot exec its as (MusicBot's image,
        # b70-bots-scrapers-1/07)
        examples=(("    No working compiler found, or bogus compiler options passed to", (UNIX, EXEC_FORMAT)),),
        counter_examples=(("    No working compiler found, or bogus compiler options passed to", (UNIX,)),),
    ),
    Ruling(
        "msvc-missing", _any,
        "meson found a GNU C compiler here (Cygwin's or MinGW's gcc, not cl): the list of C++ compilers it then"
        " could not find (icl, cl, c++, g++, clang++) means that toolchain lacks its C++ compiler (g++), not"
        " that Visual Studio is missing",
        line=r"Unknown compiler\(s\): \[\[['\"]icl['\"]\], \[['\"]cl['\"]\], \[['\"]c\+\+['\"]\]",
        when=(MESON_GNU_C,), instead="cxx-compiler-missing",
        # numpy 1.26 with Cygwin's gcc 12 and no g++ (b14-newtools-2526/08)
        examples=(("..\\meson.build:1:0: ERROR: Unknown compiler(s): [['icl'], ['cl'], ['c++'], ['g++'], ['clang++'],"
                   " ['clang-cl']]", (WINDOWS, MESON_GNU_C)),),
        counter_examples=(("..\\meson.build:1:0: ERROR: Unknown compiler(s): [['icl'], ['cl'], ['c++'], ['g++'],"
                           " ['clang++'], ['clang-cl']]", (WINDOWS,)),),
    ),
    Ruling(
        "other", lambda d: d in ("int-conversion", "incompatible-pointer-types"),
        "the source line the compiler shows calls C API this Python's headers no longer declare (the call became an"
        " implicit int) or fills _PyArg_Parser as before 3.12: the sources predate this Python, whatever the compiler",
        when=(CAPI_CONTEXT,), instead="python-too-new", rule="PX013",
        # mypyc's lib-rt calling _PyObject_CallMethodIdNoArgs on 3.13 under gcc 14 (b22-new-compilers/11); multidict
        # 6.0.4's "static _PyArg_Parser _parser = {NULL, _keywords, "add", 0};" on 3.12 under gcc 14 and Apple clang
        # 16 (b22-new-compilers/01, /03)
        examples=(("dict_ops.c:203:12: error: returning ‘int’ from a function with return type ‘PyObject *’ {aka"
                   " ‘struct _object *’} makes pointer from integer without a cast [-Wint-conversion]",
                   (UNIX, CAPI_CONTEXT)),),
        counter_examples=(("src/x.c:12:9: error: assignment to ‘int *’ from ‘long int’ makes pointer from integer"
                           " without a cast [-Wint-conversion]", (UNIX,)),),
    ),
    Ruling(
        "msvc-missing", _any,
        "meson activated a Visual Studio (\"Activating VS ...\"), which its vswhere query finds only with the C++"
        " toolset installed: cl missing from PATH afterwards is the activation failing (a Visual Studio newer than"
        " this meson knows, a blocked vcvarsall), not Visual Studio missing",
        line=r"Unknown compiler\(s\): \[\[['\"]icl['\"]\], \[['\"]cl['\"]\]", when=(MESON_VS_ACTIVATED,),
        # numpy's vendored meson 1.5.2 activating VS 18 (2026) Build Tools (b22-windows-toolchains/04); mesonbuild's
        # utils/vsenv.py passes -requires Microsoft.VisualStudio.Component.VC.Tools.x86.x64 to vswhere
        examples=(("..\\meson.build:1:0: ERROR: Unknown compiler(s): [['icl'], ['cl'], ['cc'], ['gcc'], ['clang'],"
                   " ['clang-cl'], ['pgcc']]", (WINDOWS, MESON_VS_ACTIVATED)),),
        counter_examples=(("..\\meson.build:1:0: ERROR: Unknown compiler(s): [['icl'], ['cl'], ['cc'], ['gcc'], ['clang'],"
                           " ['clang-cl'], ['pgcc']]", (WINDOWS,)),),
    ),
    Ruling(
        "config-tool-missing", lambda d: d == "apxs",
        "apxs is the build tool of Apache's Unix installs; Apache for Windows (Apache Lounge, XAMPP, WAMP) has none."
        " mod_wsgi's old setup.py builds through apxs only (its maintainer: that method is for UNIX/Linux); its newer"
        " releases build on Windows from the Apache directory named by MOD_WSGI_APACHE_ROOTDIR",
        when=(WINDOWS,),
        # mod_wsgi 4.4.21 from cmd.exe (b19-old-stack/06)
        examples=(("RuntimeError: The 'apxs' command appears not to be installed or is not executabl", (WINDOWS,)),),
        counter_examples=(("RuntimeError: The 'apxs' command appears not to be installed or is not executable.", ()),),
    ),
    Ruling(
        "compiler-missing", is_cmake_compiler,
        "CMake found no C compiler on Windows: the compiler there is MSVC (Visual Studio's Build Tools)",
        line=r"CMAKE_C_COMPILER|could not get a working generator|is not a full path", when=(WINDOWS,), instead="msvc-missing",
        examples=(("No CMAKE_C_COMPILER could be found.", (WINDOWS,)),
                  ("CMake Error: CMAKE_C_COMPILER not set, after EnableLanguage", (WINDOWS,)),
                  ("  scikit-build could not get a working generator for your system. Aborting build.", (WINDOWS,))),
    ),
    Ruling(
        "cxx-compiler-missing", is_cmake_compiler,
        "CMake found no C++ compiler on Windows: the compiler there is MSVC (Visual Studio's Build Tools)",
        line=r"CMAKE_CXX_COMPILER", when=(WINDOWS,), instead="msvc-missing",
        examples=(("No CMAKE_CXX_COMPILER could be found.", (WINDOWS,)),),
    ),
    Ruling(
        "compiler-missing", is_cmake_compiler,
        "CMake found no C compiler, and the log does not show the platform: on Windows that is MSVC's Build"
        " Tools, elsewhere a C compiler; the log alone cannot tell",
        line=r"CMAKE_C_COMPILER|could not get a working generator|is not a full path", unless=(WINDOWS, UNIX),
        examples=(("No CMAKE_C_COMPILER could be found.", ()),),
        counter_examples=(("No CMAKE_C_COMPILER could be found.", (UNIX,)),),
    ),
    Ruling(
        "cxx-compiler-missing", is_cmake_compiler,
        "CMake found no C++ compiler, and the log does not show the platform: on Windows that is MSVC's"
        " Build Tools, elsewhere a C++ compiler; the log alone cannot tell",
        line=r"CMAKE_CXX_COMPILER", unless=(WINDOWS, UNIX),
        examples=(("No CMAKE_CXX_COMPILER could be found.", ()),),
        counter_examples=(("No CMAKE_CXX_COMPILER could be found.", (UNIX,)),),
    ),
    Ruling(
        "build-dependency-missing", is_index_staple,
        "a build requirement that every package index carries, found in no version at all: no index"
        " answered (offline, a proxy or firewall, an unreachable or misconfigured index)",
        line=r"\(from versions: (?:none)?\)", unless=(CUSTOM_INDEX, PYTHON_FILTERED), instead="network",
        # lightglue (blind b3/46), pyinputplus behind a firewall (b3/47), BuildKit offline (b2/74), lab recordings
        # (pip <= 18 prints "(from versions: )": python-dateutil in a flatpak sandbox, b13-net-res-misc/11)
        examples=(("ERROR: Could not find a version that satisfies the requirement setuptools>=40.8.0 (from"
                   " versions: none)", ()),
                  ("      ERROR: Could not find a version that satisfies the requirement setuptools (from versions: none)",
                   ())),
        counter_examples=(("ERROR: Could not find a version that satisfies the requirement setuptools>=40.8.0 (from"
                           " versions: none)", (CUSTOM_INDEX,)),),
    ),
    Ruling(
        "build-dependency-missing", is_index_staple,
        "a build requirement that every package index carries, found in no version at all (pip's \"(from versions:"
        " none)\", here broken over lines by a console's width): no index answered",
        when=(NO_VERSIONS,), unless=(CUSTOM_INDEX, PYTHON_FILTERED), instead="network",
        # the same lines as lightglue's and pyinputplus' (b3/46, /47) wrapped at 80 columns by bench/framings.py
        examples=(("ERROR: Could not find a version that satisfies the requirement setuptools>=40.8", (NO_VERSIONS,)),),
        counter_examples=(("ERROR: Could not find a version that satisfies the requirement setuptools>=40.8", ()),),
    ),
    Ruling(
        "build-dependency-missing", _any,
        "pip ignored the index it was given, a plain-HTTP host not marked trusted (\"is not a trusted or secure host"
        " and is being ignored\"): no index was asked, so no version came back; nothing is missing from the index",
        line=r"\(from versions: ?(?:none)?\)", when=(UNTRUSTED_HOST,), instead="network",
        # poetry's pip under an http://mirrors.aliyun.com mirror (maturin for pyDF, b23-pip-error-paths/15); pip's
        # own warning (index/collector.py, pip 9 and later)
        examples=(("ERROR: Could not find a version that satisfies the requirement maturin<0.12,>=0.11 (from versions:"
                   " none)", (UNTRUSTED_HOST,)),),
    ),
    Ruling(
        "build-dependency-missing", is_index_staple,
        "pip ran with --no-index: only the local links were searched, and a build requirement every index"
        " carries was not among them; the offline build lacks it (the sandbox has no index to reach)",
        when=(NO_INDEX,), unless=(PYTHON_FILTERED,), instead="network",
        # flatpak-builder sandboxes: black from poetry-deps (b13-net-res-misc/12, pip 20.x printing no "(from
        # versions" part), python-dateutil (b13-net-res-misc/11)
        examples=(("  ERROR: Could not find a version that satisfies the requirement setuptools>=41.0", (NO_INDEX,)),),
        counter_examples=(("  ERROR: Could not find a version that satisfies the requirement setuptools>=41.0", ()),),
    ),
    Ruling(
        "build-dependency-missing", _any,
        "the index answered: pip left out every version for its Requires-Python (\"Ignored the following"
        " versions that require a different python version\"); this Python is outside what the requirement"
        " supports, nothing is missing",
        line=r"\(from versions: none\)", when=(PYTHON_FILTERED,),
        # dynabench #380, vastdb_sdk #15 (numpy for the build, Python newer than the pin allows)
        examples=(("ERROR: Could not find a version that satisfies the requirement setuptools>=40.8.0 (from"
                   " versions: none)", (PYTHON_FILTERED,)),),
    ),
    Ruling(
        "build-dependency-missing", _any,
        "the index answered with versions of the requirement, none of which satisfies what the package"
        " pins (or none for this platform or Python): nothing to install; the package's pin or the platform"
        " is the problem",
        line=r"\(from versions: (?!none\))[\w.!+-]{1,40}[,)]", unless=(CUSTOM_INDEX,),
        # MPlib on aarch64 (blind b1/93), PatchTST #102 (numpy==1.21.3 in the build requirements). Not when every
        # index searched is another than PyPI (TestPyPI, a private mirror): the pinned version is missing from that
        # index, a build requirement the build cannot get (apache-polaris from TestPyPI, which carries poetry-core
        # 1.2.0 only, b19-linux-servers/14; factur-x-ng there, thirdparty/58)
        examples=(("ERROR: Could not find a version that satisfies the requirement libclang==11.0.1 (from versions:"
                   " 11.1.0, 12.0.0, 13.0.0, 14.0.1, 14.0.6, 15.0.6.1, 16.0.0, 16.0.6, 17.0.6, 18.1.1)", ()),
                  ("      ERROR: Could not find a version that satisfies the requirement numpy==1.21.3 (from versions:"
                   " 1.3.0, 1.4.1, 1.5.0, 1.5.1, 1.6.0, 1.6.1, 1.6.2, 1.7.0, 1.7.1, 1.7.2, 1.8.0, 1.8.1, 1", ())),
        counter_examples=(("      ERROR: Could not find a version that satisfies the requirement poetry-core==2.2.1 (from"
                           " versions: 1.2.0)", (CUSTOM_INDEX,)),),
    ),
    Ruling(
        "library-link-missing", is_posix_libc_library,
        "a library of the C library on POSIX systems (libm, libdl, librt) asked of MSVC's linker: Windows' C"
        " runtime has those functions and no such .lib; the package's setup links it on every platform (a"
        " bug of the package on Windows), there is nothing to install",
        line=r"\bLNK1181\b",
        # universal-portfolios #61 (blind b5/36), sktime-shapelets-forest #1 ("remove the libraries = ['m']"),
        # pycortex #248
        examples=(("LINK : fatal error LNK1181: cannot open input file 'm.lib'", (WINDOWS,)),),
        counter_examples=(("LINK : fatal error LNK1181: cannot open input file 'libssl.lib'", (WINDOWS,)),
                          ("LINK : fatal error LNK1181: cannot open input file 'pthread.lib'", (WINDOWS,))),
    ),
    Ruling(
        "library-link-missing", is_libsystem,
        "libSystem is macOS's C library, in every SDK: a linker that cannot find it was given no SDK (a"
        " Homebrew or conda clang ahead of Apple's on PATH, a missing or mismatched Command Line Tools SDK);"
        " there is no library to install",
        line=r"library not found for -l|\bld: library ['\"]",
        # pyquadkey2 #14 (blind b7/17: Homebrew's llvm first on PATH), pytorch3d #1494 (Homebrew's clang++),
        # numpy #20677, JankyBorders #77 (Xcode 15's wording)
        examples=(("      ld: library not found for -lSystem", ()),
                  ("ld: library 'System' not found", ())),
        counter_examples=(("ld: library not found for -lssl", ()),),
    ),
    Ruling(
        "library-link-missing", is_not_on_macos_library,
        "Apple's linker asked for a library that Linux has and macOS does not have by design (librt: its"
        " functions are in libSystem; libatomic: clang's runtime has the atomics): the package's build links"
        " it on macOS too, a bug of the package there; nothing to install",
        line=r"library not found for -l|\bld: library ['\"]",
        # pynng #107 (blind b7/95: -latomic on Apple Silicon), grpc #1195 and ejdb #106 (-lrt, pip on macOS)
        examples=(("      ld: library not found for -latomic", ()),
                  ("ld: library not found for -lrt", ())),
        counter_examples=(("/usr/bin/ld: cannot find -latomic", (UNIX,)),),
    ),
    Ruling(
        "msvc-missing", _any,
        "Rust's \"linker `link.exe` not found\" with a Unix host's \"No such file or directory (os error 2)\": a"
        " build for a Windows MSVC target cross-compiled on Linux or macOS (cargo-xwin not used, a wrong"
        " --target), not Visual Studio missing on Windows",
        line=r"linker `link\.exe` not found", when=(RUST_UNIX_HOST,),
        # maturin #2394 (blind b6/65), rustup #1470 (Ubuntu), memflow #116 (Fedora); on Windows the note is
        # "program not found" (llmfit #54)
        examples=(("error: linker `link.exe` not found", (RUST_UNIX_HOST,)),),
        counter_examples=(("error: linker `link.exe` not found", (WINDOWS,)),),
    ),
    Ruling(
        "distutils-missing", _any,
        "distutils was found: only modules it no longer has are gone -- msvc9compiler / msvccompiler, which"
        " setuptools 74 removed from its distutils (deprecated since setuptools 65), or the bdist_msi /"
        " bdist_wininst commands, which its distutils dropped in 65 (CPython's own in 3.11 and 3.10); the"
        " package (or a build requirement of it) imports them: an older setuptools or a newer release of the"
        " package, not Python's distutils removal",
        line=r"No module named ['\"]?distutils\.(?:msvc9compiler|msvccompiler|command\.bdist_msi|command\.bdist_wininst)\b",
        # cffi 1.17.0 under cibuildwheel (blind b6/72, cibuildwheel #1991), libsass-python #468, POT 0.8.2
        # through numpy.distutils (setuptools #4612), setuptools #4620 (the maintainer: removed after two years);
        # pocketsphinx 0.1.15's setup.py importing bdist_msi (b70-sci-apps-1/24; setuptools 64.0.0's wheel has
        # _distutils/command/bdist_msi.py and bdist_wininst.py, 65.0.0's neither, checked here)
        examples=(("ModuleNotFoundError: No module named 'distutils.msvc9compiler'", ()),
                  ("  ModuleNotFoundError: No module named 'distutils.msvccompiler'", ()),
                  ("      ModuleNotFoundError: No module named 'distutils.command.bdist_msi'", ())),
        counter_examples=(("ModuleNotFoundError: No module named 'distutils'", ()),
                          ("ModuleNotFoundError: No module named 'distutils.util'", ())),
    ),
    Ruling(
        "build-dependency-missing", lambda d: not d.startswith("__"),
        "a module named after the package the log builds (_pyrsistent_version while building pyrsistent,"
        " xmlsec_setupinfo while building xmlsec): the package's own file beside its setup.py, which the sdist"
        " lacks or this interpreter did not import from there (the Windows embeddable Python's ._pth leaves the"
        " script's directory out of sys.path); no build requirement provides it",
        in_log=is_module_named_after_the_package,
        # pyrsistent's setup.py "from _pyrsistent_version import __version__" under python-3.8.1-embed
        # (b26-longtail-pkgs-c/02; CPython closed the embeddable behaviour as intended, python/cpython#77192)
        examples=(("    ModuleNotFoundError: No module named '_pyrsistent_version'", ("package:pyrsistent",)),
                  ("      ModuleNotFoundError: No module named 'nvdiffrast'", ("package:nvdiffrast",)),
                  ("    ImportError: No module named 'xmlsec_setupinfo'", ("package:xmlsec",))),
        counter_examples=(("ModuleNotFoundError: No module named '_cffi_backend'", ("package:cffi",)),
                          ("    ModuleNotFoundError: No module named '_pyrsistent_version'", ("package:other",))),
    ),
    Ruling(
        "build-dependency-missing", _any,
        "a module the traceback shows is the package's own submodule, imported by its bare name from a sibling (\"import"
        " platform_detect\" in Adafruit_DHT/common.py): Python 2's implicit relative import, which Python 3 removed"
        " (PEP 328); the sources are written for Python 2, no requirement provides the module",
        line=r"No module named ['\"]", instead="python-too-new", detail_as="3",
        in_log=lambda d, facts: submodule_fact(d) in facts,
        # Adafruit_Python_DHT 1.1.2 under pip3 on a Raspberry Pi (b40-linux-distros-2014-20/13); smbus-cffi 0.3.2
        # (b23-niche-domains/13) shows no such frame and stays in CONFLICTS
        examples=(("    ImportError: No module named 'platform_detect'", (submodule_fact("platform_detect"),)),),
        counter_examples=(("    ImportError: No module named 'util'", ()),),
    ),
    Ruling(
        "build-dependency-missing", lambda d: "." in d,
        "the module's package is a directory of the source tree being built (the traceback runs its files from"
        " there, not from an installed copy): a submodule of the package's own that its source lacks, as an"
        " incomplete sdist does; no build requirement provides it",
        line=r"No module named ['\"]", in_log=lambda d, facts: tree_dir_fact(d.split(".", 1)[0]) in facts,
        # Telethon 0.19.1.6's sdist without telethon_generator/utils.py (b70-bots-scrapers-1/18); Cython.Build, whose
        # package no frame runs from the tree, stays a build requirement
        examples=(("ModuleNotFoundError: No module named 'telethon_generator.utils'",
                   (tree_dir_fact("telethon_generator"),)),),
        counter_examples=(("ModuleNotFoundError: No module named 'Cython.Build'", (tree_dir_fact("pkg"),)),),
    ),
    Ruling(
        "build-dependency-missing", lambda d: d.startswith("numpy.distutils"),
        "numpy.distutils exists for no Python from 3.12 on (numpy 1.26 stops building it there, numpy 2 removed"
        " it): no numpy restores it there; the package needs a release that builds without it, or an older"
        " Python. Only a log that shows an older Python (where numpy < 2 still has it) keeps the build"
        " requirement reading; one that shows none is read as the common case, a Python of 3.12 or later",
        in_log=lambda d, facts: not _python_versions(facts) or _python_at_least(facts, (3, 12)),
        instead="python-too-new", rule="PX014", keep_detail=True,
        # rocketcea on 3.12 (b12-rust-fortran-cuda/11, without the version in its lines; the thread's title:
        # "numpy.distutils deprecated as of python 3.12"); numpy's own docs (distutils status migration)
        examples=(("ModuleNotFoundError: No module named 'numpy.distutils'", ("python:3.12",)),
                  ("ModuleNotFoundError: No module named 'numpy.distutils'", ())),
        # Python 2's unquoted ImportError is a fact of an old Python (sharedmem 0.3.3 on pip 8, b15-old-py2-easyinstall/16)
        counter_examples=(("ModuleNotFoundError: No module named 'numpy.distutils'", ("python:3.11",)),
                          ("ImportError: No module named numpy.distutils.core", ("python:2.7",))),
    ),
    Ruling(
        "rust-missing", _any,
        "rustup is there and ran: the toolchain the package pins (its rust-toolchain file, an old nightly) has no"
        " build for this platform, so setuptools-rust's \"can't find Rust compiler\" that follows is its"
        " consequence; a newer release of the package (or an unpinned toolchain) is the way out",
        when=(RUSTUP_NO_TARGET,),
        # tokenizers' pinned nightly-2020-05-14 on an Apple M1 (b10-win-mac-lang/25)
        examples=(("error: can't find Rust compiler", (RUSTUP_NO_TARGET, UNIX)),),
        counter_examples=(("error: can't find Rust compiler", (UNIX,)),),
    ),
    Ruling(
        "compiler-missing", _any,
        "gcc's driver could not start its compiler proper while compiling C++ sources: that is cc1plus, which"
        " comes with the C++ compiler's package (Cygwin's gcc-g++), not the C compiler",
        line=r"error: spawn: No such file", when=(CXX_SOURCE,), instead="cxx-compiler-missing",
        examples=(("gcc: error: spawn: No such file or directory", (CXX_SOURCE, WINDOWS)),),
        counter_examples=(("gcc: error: spawn: No such file or directory", (WINDOWS,)),),
    ),
    Ruling(
        "build-dependency-missing", _any,
        "a .pyx cimports a module by a bare name that Cython found nowhere: with the .pxd beside it in the log it"
        " is Cython 3 refusing an implicit relative cimport (said below); without, a module of another package"
        " or a file missing from the sources, which the log cannot tell apart",
        line=r"\.p(?:yx|xd):\d{1,7}:\d{1,5}: '\w{1,100}\.pxd' not found", unless=(SIBLING_PXD,),
        examples=(("rocksdb/_rocksdb.pyx:15:0: 'std_memory.pxd' not found", ()),),
        counter_examples=(("rocksdb/_rocksdb.pyx:15:0: 'std_memory.pxd' not found", (SIBLING_PXD,)),),
    ),
    Ruling(
        "build-dependency-missing", _any,
        "make stopped on a recipe command the shell could not find (\"Error 127\"): an import error before it came"
        " from a command make went on past (a `python -c` check in a recipe), not what stopped the build",
        line=r"No module named", when=(MAKE_NOT_FOUND,), probe=True,
        # scalene 1.5.21's `make vendor-deps`: a `python -c` import of pip fails, make goes on to git clone, and
        # "/bin/sh: 1: git: not found" ends it with "make: *** [GNUmakefile:57: vendor/Heap-Layers] Error 127"
        # (b26-longtail-pkgs-c/11); 127 is the shell's exit status for a command not found (POSIX, 2.8.2)
        examples=(("ModuleNotFoundError: No module named 'pip'", (MAKE_NOT_FOUND,)),),
        counter_examples=(("ModuleNotFoundError: No module named 'pip'", ()),),
    ),
    Ruling(
        "build-tool-missing", _any,
        "scikit-build tries CMake generators in turn; a generator whose make program is not there (Ninja on"
        " Windows, first in its list) is one it goes past: the generator it ends on decides",
        line=r"unable to find a build program", when=(SKBUILD_TRIAL,), probe=True,
        # NVIDIA VideoProcessingFramework #507 (Ninja missing, then no Visual Studio for the next generators)
        examples=(('  CMake Error: CMake was unable to find a build program corresponding to "Ninja".  CMAKE_MAKE_PROGRAM'
                   " is not set.  You probably need to select a different build tool.", (SKBUILD_TRIAL, WINDOWS)),),
        counter_examples=(('CMake Error: CMake was unable to find a build program corresponding to "Ninja".  CMAKE_MAKE'
                           "_PROGRAM is not set.  You probably need to select a different build tool.", (UNIX,)),),
    ),
    Ruling(
        "python-too-new", _any,
        "CPython 3.13.4 for Windows reports itself free-threaded when it is not (its maintainers rushed out 3.13.5"
        " to fix it): the package's limited-API build is refused by a regular Python; install 3.13.5 or later",
        # psutil on a GitHub Actions Windows runner whose setup-python resolved 3.13 to 3.13.4 (b20-ci-docker-cloud/06)
        line=r"[\\/]3\.13\.4[\\/](?:(?:x64|x86|arm64)[\\/])?include[\\/]Python\.h\(\d{1,4}\)[^\n]{0,80}The limited API is"
        r" not currently supported in the free-threaded build",
        examples=(("  C:\\hostedtoolcache\\windows\\Python\\3.13.4\\arm64\\include\\Python.h(51): fatal error C1189:"
                   " #error:  \"The limited API is not currently supported in the free-threaded build\"", ()),),
        counter_examples=(("  C:\\hostedtoolcache\\windows\\Python\\3.13.5\\x64-freethreaded\\include\\Python.h(51): fatal"
                           " error C1189: #error:  \"The limited API is not currently supported in the free-threaded"
                           " build\"", ()),),
    ),
    Ruling(
        "python-too-new", _any,
        "a C-API name the compiler does not know, under PyPy: its C-API layer (cpyext) implements only part of"
        " CPython's, and older PyPy releases less; the name was not removed by a newer Python, the package (or"
        " this version of it) does not support this PyPy (CPython, or a newer PyPy, are the ways out)",
        line=r"\berror C(?:2065|3861|2039)\b|\bwarning C4013\b|undeclared|implicit declaration|has no member"
        r"|was not declared|: No such file or directory|file not found|Cannot open include file",
        when=(PYPY,),
        # psutil 5.9.0 on PyPy 2.7 under MSVC (blind b8-issues/31: 'PyExc_OSError': undeclared identifier)
        # (and a CPython header its include directory lacks: pysha3's pystrhex.h under PyPy3 5.9, a header
        # CPython 3.5 had; b33-old-pip-longtail-4/15)
        examples=(("psutil/_psutil_common.c(34): error C2065: 'PyExc_OSError': undeclared identifier", (PYPY, WINDOWS)),
                  ("Modules/_sha3/backport.inc:78:22: fatal error: pystrhex.h: No such file or directory", (PYPY, UNIX))),
        counter_examples=(("psutil/_psutil_common.c(34): error C2065: 'PyExc_OSError': undeclared identifier",
                           (WINDOWS,)),
                          ("  error: the configured PyPy interpreter version (3.11) is newer than PyO3's maximum"
                           " supported version (3.10)", (PYPY, UNIX))),
    ),
    Ruling(
        "library-header-missing", is_standard_header,
        "a standard C header that Termux's clang cannot find: on Termux the C library's headers come with the"
        " compiler's own dependencies (ndk-sysroot), so this is a broken or mismatched clang package, not a"
        " library to install",
        when=(TERMUX,),
        # greenlet (blind b7/46, termux-packages #683: fixed in clang 3.9.1-2), termux-packages #3726
        # ("iostream is in the ndk-sysroot package. Clang depends on libllvm which depends on ndk-sysroot")
        examples=(("/data/data/com.termux/files/usr/include/python3.6m/Python.h:25:10: fatal error: 'stdio.h' file not"
                   " found", (TERMUX, UNIX)),),
        counter_examples=(("/usr/include/python2.7/Python.h:19:20: fatal error: limits.h: No such file or directory",
                           (UNIX,)),),
    ),
    Ruling(
        "library-header-missing", is_libc_internal_header,
        "an internal header of the host's glibc (bits/...), included by the host's /usr/include, under a conda"
        " toolchain that brings its own C library headers (sysroot): the build mixed the two (an -I/usr/include"
        " of the package's setup), not a library to install",
        line=r"/usr/include/", when=(CONDA_TOOLCHAIN,),
        # pyaudio under pixi on an RK3588 board (blind b7/90: aarch64-conda-linux-gnu-cc reads the host's
        # unistd.h, whose bits/unistd_ext.h its older sysroot lacks)
        examples=(("/usr/include/unistd.h:1170:10: fatal error: bits/unistd_ext.h: No such file or directory",
                   (CONDA_TOOLCHAIN, UNIX)),),
        counter_examples=(("/usr/include/stdio.h:27:10: fatal error: bits/libc-header-start.h: No such file or"
                           " directory", (UNIX,)),),
    ),
    Ruling(
        "library-header-missing", lambda d: python_header_gone_in(d) is not None and not _library_ships(d),
        "a header by a name CPython's include directory had until a release (code.h until 3.10), which no library"
        " ships: in a log that shows no Python version, the sources predating this Python and a project file"
        " missing from the sources cannot be told apart, and there is no library to install",
        in_log=lambda d, facts: not _python_versions(facts),
        # typed-ast 1.4.3 under Poetry on Ubuntu 24.04's 3.12 ("ast27/Custom/../Include/compile.h:5:10: fatal error:
        # code.h: ...", no Python version in the excerpt: b30-wrappers-outside-pip/02)
        examples=(("ast27/Custom/../Include/compile.h:5:10: fatal error: code.h: No such file or directory", ()),
                  ("      src/parser.c:12:10: fatal error: node.h: No such file or directory", ())),
        counter_examples=(("ast27/Custom/../Include/compile.h:5:10: fatal error: code.h: No such file or directory",
                           ("python:3.9",)),),
    ),
    Ruling(
        "library-header-missing", _any,
        "a header CPython's include directory had and the Python this log builds for no longer has (ast.h and"
        " node.h left in 3.10, code.h and context.h in 3.11, token.h in 3.12): the sources predate this Python",
        in_log=is_python_header_gone_in_log, instead="python-too-new", keep_detail=True,
        # names other projects use too, so only with the Python's version in the log (CPython's include/ of
        # 3.9 and 3.10; distinctive names such as longintrepr.h need no version: PX012)
        examples=(("      src/parser.c:12:10: fatal error: node.h: No such file or directory", ("python:3.10",)),
                  ("ext/tok.c:3:10: fatal error: 'token.h' file not found", ("python:3.12", "python:3.12"))),
        counter_examples=(("      src/parser.c:12:10: fatal error: node.h: No such file or directory", ("python:3.9",)),
                          ("ext/tok.c:3:10: fatal error: 'token.h' file not found", ("python:3.12", "python:3.11"))),
    ),
    Ruling(
        "library-header-missing", _any,
        "the umbrella header of an Apple framework, imported by Objective-C (#import <Name/Name.h>): only the macOS SDK"
        " of Xcode or the Command Line Tools ships it, and the one in use predates the framework; no package installs"
        " it (update Xcode or the Command Line Tools, or use a release of the package that predates the framework)",
        in_log=is_framework_header_in_log,
        # pyobjc 10.2's BrowserEngineKit (new in the macOS 14.4 SDK) on macOS 14.4 with an older Xcode
        # (b24-macos-2024-26/08; the maintainer: "The PyObjC build process assumes that the most recent SDK for the
        # current OS is available")
        examples=(("      Modules/_BrowserEngineKit.m:6:9: fatal error: 'BrowserEngineKit/BrowserEngineKit.h' file not found",
                   ("framework-header:BrowserEngineKit/BrowserEngineKit.h",)),),
        # (a C source's: CUnit's umbrella header is a library's, libcunit1-dev)
        counter_examples=(("tests/test_main.c:3:10: fatal error: 'CUnit/CUnit.h' file not found", ()),),
    ),
    Ruling(
        "library-header-missing", _any,
        "a header of the package's own tree (named with its including file's prefix, or like the package whose"
        " extension module includes it): missing from the sources built (an sdist that does not ship it, a"
        " checkout without it, an include path that misses it), not a library's",
        in_log=is_own_header_in_log,
        # mwdust #40 (blind b5/34: subs_asciifile.c -> subs_memory.h), pyabpoa (abPOA #98:
        # abpoa_align_simd.c -> abpoa_simd_internal.h), khmer #352 (blind b7/04: khmer/_khmermodule.cc ->
        # khmer.hh), psautohint #13
        examples=(("mwdust/util/SFD_CodeC/subs_asciifile.c:4:10: fatal error: subs_memory.h: No such file or directory",
                   ("own-header:subs_memory.h",)),
                  ("src/abpoa_align_simd.c:6:10: fatal error: 'abpoa_simd_internal.h' file not found",
                   ("own-header:abpoa_simd_internal.h",)),
                  ("khmer/_khmermodule.cc:17:20: fatal error: khmer.hh: No such file or directory",
                   ("own-header:khmer.hh",))),
        counter_examples=(("winpty/cywinpty.c(629): fatal error C1083: Cannot open include file: 'winpty.h': No such"
                           " file or directory", (WINDOWS,)),),
    ),
    Ruling(
        "config-tool-missing", _any,
        "the pkg-config lookup was a probe that the build went past: it then failed running a program that is"
        " not there and that no rule names (a compiler name baked into the Python's sysconfig, OpenWrt's"
        " 'ccache_cc'); the library was not what stopped it",
        line=r"was not found in the pkg-config search path|No package .{1,130} found|, required by .{1,130}, not found",
        when=(UNEXPLAINED_SPAWN,),
        # argon2-cffi on OpenWrt (blind b5/03: cffi's libffi probe, then "unable to execute 'ccache_cc'")
        examples=(("    Package libffi was not found in the pkg-config search path.", (UNEXPLAINED_SPAWN,)),
                  ("    No package 'libffi' found", (UNEXPLAINED_SPAWN,))),
        counter_examples=(("Package libffi was not found in the pkg-config search path.", (UNIX,)),
                          ("Error: pg_config executable not found.", (UNEXPLAINED_SPAWN,))),
    ),
)


# (after the rulings above, which know a compiler's own headers and a conda toolchain's sysroot)
def is_macos_sdk_header(detail: str) -> bool:
    """A header every macOS SDK has: C's standard ones and the POSIX system's (sys/types.h, unistd.h, pthread.h).
    (Linux-only ones are ruled out before.)"""
    path = _path(detail)
    posix = path in POSIX_ONLY_HEADERS or path.startswith(("sys/", "netinet/", "arpa/"))
    return is_standard_header(path) or (posix and not is_not_on_macos_header(path))


RULINGS += (
    Ruling(
        "library-header-missing", is_macos_sdk_header,
        "the compiler is a conda environment's clang, which takes the C library's headers from the macOS SDK that"
        " CONDA_BUILD_SYSROOT or SDKROOT names: with none set (or the SDK absent) it finds no stdio.h even when"
        " the Command Line Tools are installed, so the log cannot tell which is missing",
        when=(CONDA_CLANG,),
        # momi2 with conda-forge's clang, Xcode present (b16-conda-pixi/11)
        examples=(("/Users/u/miniconda3/envs/x/include/python3.9/Python.h:25:10: fatal error: 'stdio.h' file not found",
                   (MACOS, CONDA_CLANG)),),
        counter_examples=(("src/x.c:3:10: fatal error: 'openssl/ssl.h' file not found", (MACOS, CONDA_CLANG)),),
    ),
    Ruling(
        "library-header-missing", is_macos_sdk_header,
        "a standard header clang cannot find because the build compiles against the macOS SDK this Python"
        " recorded when it was built, and that SDK is not on this Mac (CPython: \"Compiling with an SDK that"
        " doesn't seem to exist\"): an interpreter built elsewhere (python-build-standalone, which uv and rye"
        " install). The compiler is there; SDKROOT=$(xcrun --show-sdk-path) or another Python gets past it",
        when=(STALE_SDK,),
        # pycryptodomex with python-build-standalone's 3.10 on arm64 (b20-macos-homebrew/09)
        examples=(("  src/common.h:34:10: fatal error: 'stdio.h' file not found", (MACOS, UNIX, STALE_SDK)),),
        counter_examples=(("  src/common.h:34:10: fatal error: 'stdio.h' file not found", (UNIX,)),),
    ),
    Ruling(
        "xcode-clt-missing", _any,
        "the SDK clang was pointed at is the one this Python recorded when it was built, and it is not on this Mac"
        " (CPython: \"Compiling with an SDK that doesn't seem to exist\"): an interpreter built elsewhere"
        " (python-build-standalone, which uv and rye install); the Command Line Tools may well be installed",
        line=r"no such (?:sysroot directory|file or directory): '[^'\n]{0,300}/SDKs/MacOSX",
        when=(STALE_SDK,),
        examples=(("clang: warning: no such sysroot directory: '/Applications/Xcode.app/Contents/Developer/Platforms"
                   "/MacOSX.platform/Developer/SDKs/MacOSX12.3.sdk' [-Wmissing-sysroot]", (MACOS, STALE_SDK)),),
    ),
    Ruling(
        "library-header-missing", is_macos_sdk_header,
        "a standard C or POSIX header (stdio.h, sys/types.h) that clang cannot find on macOS: the C library's headers come"
        " with the macOS SDK of the Command Line Tools (or Xcode), which are missing, broken by a macOS or Xcode"
        " upgrade, or point to an SDK that is gone; no package provides them",
        when=(MACOS,), instead="xcode-clt-missing",
        # pycares under Anaconda (twint #101), frida #338 (fixed by xcode-select --install), Multicorn #253 (a
        # sysroot that is gone), jsonnet #573 and CCL #586 (Mojave's SDK headers package)
        examples=(("/Users/user/anaconda3/include/python3.6m/Python.h:25:10: fatal error: 'stdio.h' file not found",
                   (MACOS, UNIX)),
                  # lmdb under conda on an M1 (b9-platforms/51: the maintainer's fix, reinstalling the tools)
                  ("build/lib/mdb.c:65:10: fatal error: 'sys/types.h' file not found", (MACOS, UNIX))),
        counter_examples=(("/usr/include/python3.11/Python.h:12:10: fatal error: limits.h: No such file or directory",
                           (UNIX,)),
                          ("src/x.c:3:10: fatal error: 'openssl/ssl.h' file not found", (MACOS, UNIX))),
    ),
)


# CMake refusing LLVM's GNU-style clang.exe on Windows: whatever it says of its compilers next is no missing one (the
# rulings that make a CMake compiler on Windows MSVC's come later: these are read first)
RULINGS = tuple(
    Ruling(
        cause, _any,
        "CMake found LLVM's GNU-style clang.exe and refused it (it targets the MSVC ABI without MSVC's command line):"
        " a compiler CMake will not use, not a missing one (clang-cl, or a Visual Studio developer prompt, is what"
        " CMake asks for)",
        in_log=lambda d, facts: CLANG_GNU_MSVC_ABI in facts,
        # gym-retro's CMake build on Windows with LLVM on PATH (b38-old-pip-longtail-9/18)
        examples=(("  CMake Error: CMAKE_%s_COMPILER not set, after EnableLanguage" % lang, (CLANG_GNU_MSVC_ABI,)),),
        counter_examples=(("  CMake Error: CMAKE_%s_COMPILER not set, after EnableLanguage" % lang, (UNIX,)),),
    )
    for cause, lang in (("compiler-missing", "C"), ("cxx-compiler-missing", "CXX"))
) + RULINGS

# A missing header in a file a setup script wrote to a temporary name to test the compiler ("/tmp/tmpy7wa524z.c:1:10:
# fatal error: linux/ethtool.h: ...": psutil's setup.py checks for linux/ethtool.h that way and builds without it
# when it fails; tempfile.mkstemp's name, in /tmp or the build's temp/ directory): a feature test the build goes on
# from, which a later error of the real sources outweighs (psutil 5.6.3 then failing on Python.h under easy_install,
# b68-app-trackers-4/19; on Alpine's linux/types.h, b6-recent-issues/24)
RULINGS += tuple(
    Ruling(
        cause, _any,
        "the compile of a temporary file a setup script wrote to test for a feature, which it goes on without",
        line=r"(?:^|[\s/\\])tmp[a-z0-9_]{6,12}\.(?:c|cc|cpp|cxx)(?::\d{1,7}){1,2}: ", probe=True,
        examples=(("      /tmp/tmpy7wa524z.c:1:10: fatal error: linux/ethtool.h: No such file or directory", ()),),
        counter_examples=(("psutil/_psutil_linux.c:19:10: fatal error: linux/ethtool.h: No such file or directory", ()),),
    )
    for cause in ("library-header-missing",)
)

# A shell's "X: command not found" in a setup script that carried on and then failed on a file its sdist lacks:
# the script only looked X up (glmnet_py's setup.py: "sh: gfortran: command not found", then FileNotFoundError on
# README.md, b13-sci-ml-linux/14)
RULINGS += tuple(
    Ruling(
        cause, _any,
        "the shell could not run it, and the setup script went on: it failed later opening a file its sdist does"
        " not ship, which is what stopped the build",
        line=r"(?:command )?not found\s*$", when=(SDIST_FILE_MISSING,), probe=True,
        examples=(("    sh: %s: command not found" % program, (SDIST_FILE_MISSING,)),),
        counter_examples=(("    sh: %s: command not found" % program, ()),),
    )
    for cause, program in (("compiler-missing", "gcc"), ("cxx-compiler-missing", "g++"), ("fortran-missing", "gfortran"),
                           ("cmake-missing", "cmake"), ("build-tool-missing", "swig"),
                           ("config-tool-missing", "pkg-config"))
)

# cmd.exe's "'gcc' is not recognized as an internal or external command" (any language) answers a script that
# shelled out and then decides for itself: when a later line of the step explains the failure, that line is the
# cause, the program was looked up (PyFMI's setup.py on Windows runs gcc, then raises "FMI Library cannot be
# found", b36-lib-lookups-2/06, cmd in German; b36-lib-lookups-2/05 is the same setup.py on Linux)
_CMD_NOT_RECOGNIZED_LINE = "|".join(re.escape(needle) for needle in
                                    ("is not recognized as an internal or external command",
                                     "ist entweder falsch geschrieben oder") + tuple(n for n, _t in _CMD_NOT_RECOGNIZED))
RULINGS += tuple(
    Ruling(
        cause, _any,
        "cmd.exe could not run it and the build script went on: a later line of the same step says what stopped it",
        line=_CMD_NOT_RECOGNIZED_LINE, probe=True,
        examples=(("    '%s' is not recognized as an internal or external command," % program, ()),),
    )
    for cause, program in (("compiler-missing", "gcc"), ("cxx-compiler-missing", "g++"), ("fortran-missing", "gfortran"),
                           ("cmake-missing", "cmake"), ("build-tool-missing", "swig"),
                           ("config-tool-missing", "pkg-config"), ("msvc-missing", "cl"))
)

# PEP 667's change to exec() and locals() is 3.13's: a get_version() that cannot read the __version__ it exec()ed
# is that only in a log that builds for 3.13 or later (otherwise it is the package's own bug)
RULINGS += (
    Ruling(
        "python-too-new", lambda d: d == EXEC_LOCALS,
        "exec() stopped writing into a function's locals() in Python 3.13 (PEP 667); the log does not show a 3.13"
        " or later Python, so the KeyError is not that",
        in_log=lambda d, facts: not _python_at_least(facts, (3, 13)),
        examples=(("      KeyError: '__version__'", ("python:3.12",)), ("      KeyError: '__version__'", ())),
        counter_examples=(("      KeyError: '__version__'", ("python:3.13",)), ("KeyError: '__version__'", ("python:3.14",))),
    ),
)


def rulings_for(cause: str) -> Tuple[Ruling, ...]:
    return tuple(r for r in RULINGS if r.cause == cause)
