"""A missing #include: Python's own headers (PX010), a library's (PX011), or
a header CPython removed (PX012: the sources are older than this Python)."""
import re

from pip_explain.enrich.fixes import Context, install, quote, search_hint
from pip_explain.enrich.packages import (
    CXX_STANDARD_HEADERS,
    debian_header_for_library,
    debian_package_for_header,
    packages_for_header,
    row_for_header,
)
from pip_explain.enrich.platform import APK, APT, DNF, PACMAN, YUM, ZYPPER
from pip_explain.model import Fix, Pattern, Rule
from pip_explain.rules._shapes import (
    CLOSE,
    OPEN,
    is_python_config,
    missing_program,
    is_library_header,
    is_python_header,
    is_removed_python_header,
    missing_header,
)


def _python_headers_fix(ctx: Context):
    platform = ctx.platform
    py = platform.python
    if py is None:
        return (Fix("", "install the development headers of the Python you build with (python3-dev / python3-devel)"),)
    x, y = py.version
    if py.origin == "distro":
        packages = {
            APT: "python%d.%d-dev" % (x, y),
            DNF: "python3-devel" if _is_default_python(x, y) else "python%d.%d-devel" % (x, y),
            YUM: "python3-devel" if _is_default_python(x, y) else "python%d%d-devel" % (x, y),
            APK: "python3-dev",
            PACMAN: "python",
            ZYPPER: "python3-devel" if _is_default_python(x, y) else "python%d%d-devel" % (x, y),
        }
        return install(ctx, packages, "install the headers of Python %d.%d" % (x, y)) or (
            Fix("", "install the development package of Python %d.%d (python3-dev / python3-devel)" % (x, y)),
        )
    where = py.base_prefix
    if py.origin == "pyenv":
        version = where.rstrip("/").rsplit("/", 1)[-1]
        return (Fix("pyenv install --force " + quote(version),
                    "this Python came from pyenv and lost its include dir; reinstall it (pyenv always installs headers)"),)
    if py.origin == "uv":
        return (Fix("uv python install --reinstall %d.%d" % (x, y), "this Python came from uv; reinstall it"),)
    if py.origin == "conda":
        return (Fix("conda install --force-reinstall python=%d.%d" % (x, y),
                    "conda's Python ships its headers; reinstall it in this environment"),)
    if platform.system == "darwin":
        return (Fix("xcode-select --install", "Apple's Python gets its headers from the Command Line Tools"),)
    if platform.system == "windows":
        return (Fix("", "re-run the Python installer, choose Modify and keep \"Install development headers\" "
                        "(Include_dev) selected"),)
    return (Fix("", "no system package provides headers for the Python at %s: reinstall or rebuild that"
                    " Python with its include directory, or use a Python from your distribution" % where),)


def _is_default_python(x: int, y: int) -> bool:
    import os

    try:
        return os.path.realpath("/usr/bin/python3").endswith("python%d.%d" % (x, y))
    except OSError:
        return False


def _python_headers_verify(ctx: Context):
    py = ctx.platform.python
    if py is None:
        return ()
    sep = "\\" if ctx.platform.system == "windows" else "/"
    path = py.include.rstrip("/\\") + sep + "Python.h"
    if ctx.platform.system == "windows":
        return ('dir "%s"' % path,)
    return ("ls " + quote(path),)


PYTHON_HEADERS = Rule(
    code="PX010",
    cause="python-headers-missing",
    title="Python development headers not found",
    summary="{package} is a C extension: it compiles against Python's C API, whose header {detail} is not"
    " installed for this Python.",
    patterns=missing_header(is_python_header) + missing_program(is_python_config, clean=lambda d: "Python.h") + (
        # meson-python: the python dependency needs the headers
        Pattern("python dependency not found", r"ERROR: Python dependency not found", detail="Python.h"),
        # waf's check_python_headers when a test program including Python.h does not compile (waflib/Tools/python.py,
        # its errmsg): "Checking for header Python.h : Distutils not installed? Broken python installation? Get
        # python-config now!" (wxPython's build.py on Ubuntu 18.04 and 20.04, b63-programs-5/04, /05)
        Pattern("get python-config now", r"\bChecking for header Python\.h\s*:\s*Distutils not installed\? Broken python"
                r" installation\? Get python-config now!", detail="Python.h"),
        # ... and a meson.build's dependency('python3') (or 'python3-embed'), which reads python3.pc through pkg-config
        # or sysconfig's headers: 'ERROR: Dependency "python3" not found, tried pkgconfig and sysconfig' (Audio
        # Cutter on Fedora 32 without python3-devel, b58-lib-lookups-11/14)
        Pattern("dependency", r'ERROR:\s{1,2}Dependency "python[\d.]{0,5}(?:-embed)?" not found', detail="Python.h"),
        # a configure script's own verdict after its lookup of Python's headers (a pkg-config check or a test
        # compile): libsmbios' "configure: error: *** python headers not found" (crun's bindings, b52-lib-lookups-6/11),
        # "Python headers not found" / "Python development headers are missing"
        Pattern("headers", r"\b[Pp]ython(?:[23](?:\.\d{1,2})?)? (?:development )?(?:headers|header files) (?:not found|are"
                r" missing|missing|could not be found)\b", detail="Python.h"),
        # a find module's or setup script's own words for the header it looked for: NEURON's FindPythonLibsNew.cmake
        # "Could not find Python.h in /usr/include/python3.7m, install python-dev package" (b55-lib-lookups-9/18)
        Pattern("python.h", r"\b(?:[Cc]ould not|[Cc]ouldn't|[Cc]annot|[Cc]an't|[Uu]nable to) (?:find|locate) Python\.h\b",
                detail="Python.h"),
        # CMake FindPython / FindPythonLibs, REQUIRED
        # (not NumPy's include directory alone: that is numpy missing, PX051)
        Pattern("could not find python", r"^\s*Could (?-i:NOT) find Python(?:3|Libs)?\b.{0,80}(?:(?<!NumPy_)INCLUDE_DIR"
                r"|Development)", detail="Python.h"),
        # ... without REQUIRED, and CMake's generate step then stopping on FindPython's result variables it left
        # NOTFOUND ("CMake Error: The following variables are used in this project, but they are set to NOTFOUND." and
        # the next lines "Python3_LIBRARY" / "PYTHON_INCLUDE_DIR (ADVANCED)": opencv-swig on Ubuntu 18.04 without
        # python3.7-dev, b58-lib-lookups-11/10; the names are FindPython's and FindPythonLibs' documented results)
        Pattern("are set to notfound", r"The following variables are used in this project, but they are set to NOTFOUND",
                detail="Python.h", then=r"^\s*(?:Python[23]?|PYTHON)_(?:LIBRARY|LIBRARIES|INCLUDE_DIRS?)(?:_RELEASE|_DEBUG)?\b",
                within=3),
        # MSVC's linker without Python's own import library (its libs folder: an embeddable or portable Python,
        # ComfyUI's python_embeded): "LINK : fatal error LNK1104: cannot open file 'python313.lib'" (LNK1181 "cannot
        # open input file"; insightface, b10-win-mac-lang/07; dlib #411). (Not python314t.lib asked by a Python
        # that is not free-threaded: CPython 3.14.0b1's own bug, b6/60.)
        Pattern("lnk11", r"\bLNK11(?:04|81)\b(?:[^'\"“\n]|(?<=\w)'(?=\w)){0,80}['\"“]python3?\d{0,3}(?:_d)?\.lib['\"”]",
                detail="Python.h"),
    ),
    fix=_python_headers_fix,
    verify=_python_headers_verify,
    why="Compiling a C extension needs Python.h and the other headers of the exact Python that will load it."
    " Distributions ship them in a separate package (python3-dev, python3-devel) that is not installed by"
    " default; Python builds without their include directory have none.",
    prevent="Install the dev package of every Python you build with, or use Python builds that carry their"
    " headers (python.org, pyenv, uv, conda).",
    examples=(
        "  Could not find Python.h in /usr/include/python3.7m, install python-dev",
        "netifaces.c:1:10: fatal error: Python.h: No such file or directory",
        "src/foo.c:3:10: fatal error: 'Python.h' file not found",
        "foo.c(1): fatal error C1083: Cannot open include file: 'Python.h': No such file or directory",
        "/usr/include/python3.11/Python.h:8:10: fatal error: pyconfig.h: No such file or directory",
        # gcc < 4.5 (CentOS 5's 4.1: cld; pycrypto's MD2.c, mod_wsgi's docs, pgasync in public threads)
        "pycldmodule.cc:5:20: error: Python.h: No such file or directory",
        "src/MD2.c:31:20: error: Python.h: No such file or directory",
        "mod_wsgi.c:113:20: error: Python.h: No such file or directory",
        "      LINK : fatal error LNK1104: cannot open file 'python313.lib'",
        "  Could NOT find Python3 (missing: Python3_INCLUDE_DIRS Development Development.Module) (found version",
    ),
    counter_examples=(
        "        Could NOT find Python3 (missing: Python3_NumPy_INCLUDE_DIRS NumPy) (found",
    ),
)


# libraries no distribution packages, which their Python bindings expect unpacked where they look: what to do instead
_UNPACKAGED = {
    # mujoco-py's README: MuJoCo's binary release under ~/.mujoco (mujoco210 for mujoco-py 2.1, mjpro150 for 1.50);
    # DeepMind's own bindings, the "mujoco" package, ship the library in their wheels
    "MuJoCo": (Fix("", "MuJoCo is not a distribution package: download its binary release and unpack it where the"
                       " message says mujoco-py looks (~/.mujoco/mujoco210 for mujoco-py 2.1, ~/.mujoco/mjpro150 for"
                       " 1.50), or move to DeepMind's 'mujoco' package, whose wheels carry the library"),),
}


def _library_header_fix(ctx: Context):
    header = ctx.detail or ""
    if header in _UNPACKAGED:
        return _UNPACKAGED[header]
    packages = packages_for_header(header)
    if packages:
        fixes = install(ctx, packages, "install the development files that provide %s" % header)
        if fixes and header in CXX_STANDARD_HEADERS:
            # clang++ takes the C++ library of the newest GCC installed, which may not be g++'s default one
            return tuple(fixes) + (Fix("clang++ -v -x c++ -E /dev/null 2>&1 | grep 'Selected GCC'",
                                       "under clang++: it uses the C++ library of the newest GCC it finds; install"
                                       " that GCC's libstdc++ development package (Debian, Ubuntu: libstdc++-NN-dev,"
                                       " NN its version)"),)
        if fixes:
            return fixes
    debian = debian_package_for_header(header)
    if debian and ctx.platform.manager == APT:
        # not in the hand-checked table: Debian's Contents index names the package (Ubuntu's has the same name
        # for nearly all of them; the label says where the name comes from)
        fixes = install(ctx, {"apt": debian}, "install the development files that provide %s (Debian's package"
                                              " index lists it in %s)" % (header, debian))
        if fixes:
            return fixes
    return search_hint(ctx, header) or (
        Fix("", "install the development package of the library that provides %s (often named lib<name>-dev or"
                " <name>-devel)" % header),
    )


def _library_header_verify(ctx: Context):
    if ctx.platform.system == "windows" or not ctx.detail or ctx.detail in _UNPACKAGED:
        return ()
    if ctx.detail.lower().rsplit("/", 1)[-1] in ("jni.h", "jni_md.h"):
        # the JDK's, under its own include directory, which builds find through JAVA_HOME, not the compiler's path
        return ('test -f "${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}/include/jni.h"'
                " && echo found",)
    # C++'s headers through its preprocessor (<Eigen/Dense>, boost/*.hpp), and a library that installs them
    # under a directory of its own (/usr/include/eigen3) with the flags its pkg-config data gives
    cxx = not re.search(r"\.(?:h|inc)$", ctx.detail, re.IGNORECASE)
    row = row_for_header(ctx.detail)
    flags = " $(pkg-config --cflags %s 2>/dev/null)" % row.pc[0] if row is not None and row.pc else ""
    return ("echo '#include <%s>' | %s%s - >/dev/null && echo found"
            % (ctx.detail, "c++ -E -x c++" if cxx else "cc -E -x c", flags),)


def _library_row(name: str):
    from pip_explain.enrich.packages import known_headers, row_for_header, row_for_library, row_for_pkgconfig

    row = row_for_library(name) or row_for_pkgconfig(name) or row_for_pkgconfig(name + "2")
    if row is None and name.isalnum():
        # a library known by its headers' directory: Boost (boost/version.hpp), Eigen, and one named with the
        # library's major version (Subversion's subversion-1/)
        folder = re.compile(r"%s(?:-\d{1,3}(?:\.\d{1,3})?)?/" % re.escape(name.lower()))
        row = next((row_for_header(h) for h in known_headers() if folder.match(h.lower())), None)
    return row


def _is_known_library(name: str) -> bool:
    """The package table knows the library, or Debian ships a header under its name (FANN: fann.h)."""
    return _library_row(name) is not None or debian_header_for_library(name) is not None


def _is_cmake_found_library(name: str) -> bool:
    """A CMake find module's package that is a C library: not Python's own, nor a Python package's (NumPy, Torch,
    Cython, nanobind, F2PY, pybind11), whose absence is another cause."""
    return not re.match(r"(?:python|numpy|torch|cython|nanobind|f2py|pybind11)", name, re.IGNORECASE)


def _library_header(name: str) -> str:
    """A library a setup script names (zlib, jpeg) -> the header it looked for (zlib.h, jpeglib.h)."""
    row = _library_row(name)
    if row is not None and row.headers:
        return row.headers[0]
    return debian_header_for_library(name) or name


# pygame 1.9's names for the libraries its config hunts (buildconfig/config_unix.py's Dependency rows)
_PYGAME_HEADERS = {"SDL": "SDL.h", "FONT": "SDL_ttf.h", "IMAGE": "SDL_image.h", "MIXER": "SDL_mixer.h", "PNG": "png.h",
                   "JPEG": "jpeglib.h", "FREETYPE": "ft2build.h", "PORTMIDI": "portmidi.h", "PORTTIME": "porttime.h"}


LIBRARY_HEADER = Rule(
    code="PX011",
    cause="library-header-missing",
    title="C header not found: {detail}",
    summary="{package} compiles against a C library whose development header {detail} is not installed.",
    patterns=missing_header(is_library_header) + (
        # Pillow's setup.py: "The headers or library files could not be found for zlib,"
        Pattern("the headers or library files could not be found for",
                r"The headers or library files could not be found for (?P<d>[\w.+-]{1,64})", _is_known_library,
                clean=_library_header),
        # a setup script's own words for a library's headers it looked for: netCDF4's "ValueError: did not find
        # netCDF version 4 headers" / "did not find HDF5 headers" (its setup.py), "could not find the X headers"
        # (FindBoost's "Unable to find the Boost header files.  Please set BOOST_ROOT ...": vizdoom on macOS,
        # b38-old-pip-longtail-9/01; the needle is "head", which every such line holds, not "headers")
        Pattern("head", r"\b(?:did not|could not|couldn't|unable to|cannot|can't) find (?:the )?(?P<d>[A-Za-z][\w+-]{1,40})"
                r"(?: version \d{1,2})? (?:development )?head(?:er)?(?:s| files)\b", _is_known_library, clean=_library_header),
        # ... or for a library's installation it probed in a list of prefixes: basemap's setup.py "Can't find geos
        # library in standard locations ('/usr', '/usr/local', ...)" (it checks each prefix's include/geos_c.h;
        # b30-old-pip-longtail/05)
        Pattern("library in standard locations", r"\b(?:can't|cannot|could not|couldn't) find (?P<d>[A-Za-z][\w+-]{1,40})"
                r" library in (?:the )?standard locations\b", _is_known_library, clean=_library_header),
        # cx_Oracle's setup.py (5.x-7.x), which finds no Oracle client (ORACLE_HOME, an Instant Client with its SDK's
        # oci.h): "distutils.errors.DistutilsSetupError: cannot locate an Oracle software installation"
        # (b30-old-pip-longtail/03)
        Pattern("cannot locate an oracle", r"\bcannot locate an Oracle software installation\b", detail="oci.h"),
        # ... or for one header it looked for by name: pypcap's setup.py "pcap.h not found", swiglpk's "FileNotFoundError:
        # Failed to locate glpk.h." / "... we could not find glpk.h." (live batch 10), python-admesh's "Error:
        # admesh/stl.h not found, install ADMesh first." (live batch 43); weak, a lookup may be a probe
        Pattern("not found", r"^\s*(?:error:\s?)?['\"`]?(?P<d>[\w/+-]{1,128}\.h(?:pp|h)?)['\"`]? (?:was )?not found"
                r"(?:\.?\s*$|[,;.] (?:please )?install\b)", is_library_header, weak=True),
    ) + tuple(
        # (also "... the header file X": python-casacore's FindCasacore.cmake, "Casacore: unable to find the header
        # file casa/aips.h." under its FATAL_ERROR, live batch 30)
        Pattern(verb, r"\b(?:could not|couldn't|cannot|can't|unable to|failed to) %s (?:the )?(?:(?:header|include)"
                r"(?: file)? )?['\"`]?(?P<d>[\w/+-]{1,128}\.h(?:pp|h)?)\b" % verb, is_library_header, weak=True)
        for verb in ("find", "locate")
    ) + (
        # ... or an exception naming the header's path under an include directory it looked in: pylibfreenect2's
        # setup.py "OSError: /usr/local/include/libfreenect2/config.h: is not found" (its LIBFREENECT2_INSTALL_PREFIX,
        # b40-linux-distros-2014-20/18): the name after include/
        Pattern("not found", r"^\s*\w{0,40}(?:Error|Exception): \S{0,300}?[/\\]include[/\\](?P<d>[\w/+-]{1,128}\.h(?:pp|h)?):? "
                r"(?:is |was )?not found\b", is_library_header),
        # CMake's find_path() / find_file() with REQUIRED (3.18+; cmFindBase: "Could not find <VAR> using the
        # following files: <names>", a FATAL_ERROR under "CMake Error at CMakeLists.txt:11 (find_path):"): the
        # header a package's CMakeLists.txt looked for is not installed (PyMUMPS' dmumps_c.h, live batch 30)
        Pattern("using the following files", r"\bCould not find \w{1,80} using the following files: (?P<d>[\w/+-]{1,128}"
                r"\.h(?:pp|h)?)\b", is_library_header),
        # a configure script's words for a library's development files: HTSlib's (pysam) "configure: error:
        # libbzip2 development files not found" (also liblzma, libdeflate, libcurl, zlib), b13-buildsystems/08
        Pattern("development files", r"\b(?P<d>[A-Za-z][\w+-]{1,40}) development (?:files|headers) (?:not found|are"
                r" missing|missing)\b", _is_known_library, clean=_library_header),
        # ... and SSSD's "configure: error: tdb header files are not installed" (after "checking for tdb.h... no",
        # CentOS 8 without libtdb-devel, b60-lib-lookups-12/13)
        Pattern("are not installed", r"\b(?P<d>[A-Za-z][\w+-]{1,40}) (?:development )?(?:header files|headers) (?:are|were)"
                r" not installed\b", _is_known_library, clean=_library_header),
        # ... and an exception a setup script raises in its own words, naming a library the package table knows:
        # pgmagick's "Exception: Magick++ not found" after its search for Magick++.h (live batch 17)
        Pattern("not found", r"^\s*(?:\w{0,40}(?:Error|Exception)|error):\s?(?P<d>[A-Za-z][\w+.-]{1,60}) (?:library |headers? )?"
                r"(?:was |were |is )?not found\.?\s*$", _is_known_library, clean=_library_header),
        # ... or says the library is missing: GKextCPy's setup.py "Exception: Missing `eigen3` library. Please install it
        # using the package manager of your operating system" (b52-lib-lookups-6/03)
        Pattern("missing", r"^\s*(?:\w{0,40}(?:Error|Exception)|error):\s?Missing [`'\"]?(?P<d>[A-Za-z][\w+.-]{1,40})[`'\"]?"
                r" (?:library|libraries|dependency|headers?)\b", _is_known_library, clean=_library_header),
        # mujoco-py's builder when MuJoCo's binary distribution (its headers and library, unpacked under ~/.mujoco) is
        # not where it looks: "You appear to be missing MuJoCo.  We expected to find the file here: ..." (its
        # MISSING_MJPRO_MESSAGE in 1.50.1.68, MISSING_MUJOCO_MESSAGE in 2.1.2.14, read in the sdists; gym's mujoco
        # extra, b71-robotics-1/09)
        Pattern("appear to be missing mujoco", r"^\s*You appear to be missing MuJoCo\.\s+We expected to find the file"
                r" here:", detail="MuJoCo"),
        # ... with the word "library" before the name and a major version after it, and advice after: george's
        # setup.py "RuntimeError: Required library Eigen 3 not found. Check the documentation for solutions."
        # (b45-cpp-cuda-ext-8/29)
        Pattern("not found", r"^\s*(?:\w{0,40}(?:Error|Exception)|error):\s?(?:Required |The )?(?:library|dependency)"
                r" (?P<d>[A-Za-z][\w+.-]{1,40})(?: v?\d{1,2}(?:\.\d{1,3})?)? (?:was |is )?not found\b", _is_known_library,
                clean=_library_header),
        # ... or says, in an exception, that it could not find the library's headers: attic's "Exception: Unable to
        # find OpenSSL >= 1.0 headers." (b27-tableheaders/19), borgbackup's "Exception: Could not find lz4
        # lib/headers, please set BORG_LIBLZ4_PREFIX or ensure liblz4.pc is in PKG_CONFIG_PATH." (b11-mixed-b/07,
        # where the .pc it names makes it a pkg-config lookup's: left to that rule); the library file itself ("Could
        # not find fftw3 library", "Couldn't find FANN source libs!") is the link rule's (PX030)
        # ... or a build's own sentence that it found neither the library nor its headers, for a library no table may
        # know: PaGMO 1.x's CMakeLists.txt "I cannot find the keplerian_toolbox library or headers, please install it"
        # (b56-lib-lookups-10/04)
        Pattern("library or headers", r"\b(?:cannot|can't|could not|couldn't|unable to) find (?:the )?(?P<d>[A-Za-z][\w+.-]{1,40})"
                r" (?:library|libraries) (?:or|and|/) headers?\b",
                lambda d: not d.lower().startswith(("python", "numpy", "boost")), clean=_library_header),
    ) + tuple(
        Pattern(verb, r"^\s*(?:\w{0,40}(?:Error|Exception)|error):\s?(?:could not|couldn't|can't|cannot|unable to)"
                r" %s (?:the )?(?P<d>[A-Za-z][\w+.-]{1,40}) (?:[<>=]{1,2} ?[\d.]{1,12} )?(?:source |development )?"
                r"(?:lib/headers|headers?|installation)\b(?![^\n]{0,200}(?:\.pc\b|pkg-config|PKG_CONFIG|_PREFIX\b|please set))"
                % verb, _is_known_library, clean=_library_header)
        for verb in ("find", "locate")
    ) + (
        # gfortran reading the module file of a library's Fortran interface ("use netcdf"): "Fatal Error: Can't open
        # module file 'netcdf.mod' for reading at (1): No such file or directory" (gcc < 5; gcc/fortran/module.c's
        # gfc_fatal_error, "Cannot open module file %qs for reading at %C: %s" since): the module file is what the
        # library's development package installs, as a header is for C. Only a library the package table knows:
        # a project's own module not yet compiled (a make order problem) reads the same
        Pattern("open module file", r"\bFatal Error: (?:Can't|Cannot) open module file %s(?P<d>[\w.+-]{1,80}\.mod)%s for"
                r" reading" % (OPEN, CLOSE), lambda d: row_for_header(d.lower()) is not None, clean=str.lower),
        # a configure script's own words for a header it checked (AC_CHECK_HEADER's action-if-not-found, AC_MSG_ERROR:
        # autoconf prints "configure: error: " and the message, then exits): configure.ac sources say "mecab.h
        # header not found", "'yaml.h' header not found"; the same sentence with the header as object ("missing
        # required header file: X.h", "cannot find X.h") or subject ("X.h is required")
        Pattern("configure: error", r"\bconfigure: error:\s?(?:\*{1,3}\s?)?(?:the )?(?:required )?['\"`]?(?P<d>[A-Za-z_][\w/+.-]"
                r"{0,80}\.h(?:pp|h)?)['\"`]?(?: header(?: file)?)? (?:was |is )?(?:not found|missing|required|not present)\b",
                is_library_header),
        Pattern("configure: error", r"\bconfigure: error:\s?(?:\*{1,3}\s?)?(?:missing (?:required )?header(?: file)?:?|(?:cannot|"
                r"can't|could not|couldn't|unable to) find (?:the )?(?:header (?:file )?)?) ?['\"`]?(?P<d>[A-Za-z_][\w/+.-]{0,80}"
                r"\.h(?:pp|h)?)\b", is_library_header),
        # ... or for a library's headers, named by the library: "configure: error: GSL headers not found" (the
        # sentence of configure.ac's header checks, as "X library not found" is of their library checks)
        Pattern("configure: error", r"\bconfigure: error:\s?(?:\*{1,3}\s?)?(?:the )?(?P<d>[A-Za-z][\w+-]{0,40}) (?:development )?"
                r"(?:headers|header files|include files) (?:were |are )?(?:not found|missing|required)\b",
                lambda d: not d.lower().startswith(("python", "numpy")) and _is_known_library(d), clean=_library_header),
        # ... or that it could not find their include directory: mysql-connector 2.2's setup (its cpy_distutils.py,
        # which also says "Unable to find Protobuf library directory." and "... protoc binary.") "Unable to find
        # Protobuf include directory." (b51-win-mac-2014-20-i/10)
        Pattern("include dir", r"\b(?:could not|couldn't|cannot|can't|unable to) (?:find|locate) (?:the )?(?P<d>[A-Za-z][\w+-]{1,40})"
                r" include dir(?:ector(?:y|ies))?\b", _is_known_library, clean=_library_header),
        # ... and a setup script's or configure's request to install them: python-prctl's setup.py "You need to install
        # libcap development headers to build this module" (its cpp probe of sys/capability.h; live batch 9), HTSlib's
        # configure "Building HTSlib requires libbzip2 development files to be installed on the build machine"
        Pattern("development", r"\b(?:install|requires?) (?:the )?(?P<d>[A-Za-z][\w+-]{1,40}) development (?:files|headers)"
                r"\b", _is_known_library, clean=_library_header),
        # openssl-sys' build script, when OPENSSL_DIR (or its own search) names a prefix without include/: "thread
        # 'main' panicked at 'OpenSSL include directory does not exist: /opt/openssl@1.1/include'" (its
        # build/main.rs; cryptography under Homebrew, b14-db-crypto-net/14)
        Pattern("openssl include directory does not exist", r"OpenSSL include directory does not exist: ",
                detail="openssl/ssl.h"),
        # ... and when neither OPENSSL_DIR, pkg-config nor the usual prefixes gave it one (build/find_normal.rs):
        # "Could not find directory of OpenSSL installation, and this `-sys` crate cannot proceed without this
        # knowledge. ... Make sure you also have the development packages of openssl installed." (cryptography 42,
        # b17-rust-pyo3/05; the message of every openssl-sys since 0.9)
        Pattern("directory of openssl installation", r"Could not find directory of OpenSSL installation",
                detail="openssl/ssl.h"),
        # pygame 1.9's buildconfig hunt, one line a dependency ("FONT    : not found"), then "Missing dependencies"
        # (config_unix.py / config_darwin.py: FONT is SDL_ttf, IMAGE SDL_image, MIXER SDL_mixer; b14-media-gui-hw/15)
        Pattern(": not found", r"^\s*(?P<d>SDL|FONT|IMAGE|MIXER|PNG|JPEG|FREETYPE|PORTMIDI|PORTTIME)\s{0,8}: not found\s*$",
                clean=lambda d: _PYGAME_HEADERS.get(d, d), then=r"^\s*Missing dependencies\s*$", within=12),
        # ... its stdout and stderr interleaved by pip 20's capture, "Missing dependencies" printed before the hunt
        # (pygame 2.0.0.dev8 on a Raspberry Pi, b31-unseen-libs-2/19): weak, the hunt's verdict alone
        Pattern(": not found", r"^\s*(?P<d>SDL|FONT|IMAGE|MIXER|PNG|JPEG|FREETYPE|PORTMIDI|PORTTIME)\s{0,8}: not found\s*$",
                clean=lambda d: _PYGAME_HEADERS.get(d, d), weak=True),
        # CMake's find modules, REQUIRED, when the include directory is among what they miss: "Could NOT find HDF5
        # (missing: HDF5_LIBRARIES HDF5_INCLUDE_DIRS" (FindPackageHandleStandardArgs names the variables not set;
        # openmc, b14-newtools-2526/09; a find module's own name for it, "FFTW3_INCLUDES": espresso++'s FindFFTW3,
        # b55-lib-lookups-9/14): the headers were looked for and are not there (a find without them stays
        # the library's configuration, PX031). Any library, the table's or not (NFFT for TRIQS' cthyb, Qhull for
        # gdstk's sdist: b58-lib-lookups-11/04, /20), but not Python's own nor a Python package's (PX010, PX051)
        Pattern("could not find", r"^\s*Could (?-i:NOT) find (?P<d>[A-Za-z]\w{0,40}) \(missing: [\w ]{0,300}?\b[A-Za-z]\w{0,40}"
                r"_INCLUDES?(?:_(?:DIRS?|PATH))?\b", _is_cmake_found_library, clean=_library_header),
        # autoconf's AC_CHECK_HEADER that failed, "checking for pcap.h... no", when configure's very next line is its
        # AC_MSG_ERROR, whatever the project's words ("configure: error: header missing": bonesi on CentOS 6,
        # b63-lib-lookups-13/24; "configure: error: gssapi.h not found. ...", /15; "tdb header files are not
        # installed", b60-lib-lookups-12/13): that header stopped it
        Pattern("checking for", r"(?:^|\s)checking for (?P<d>[\w/+.-]{1,128}\.h)\.\.\. no\s*$", is_library_header,
                then=r"\bconfigure: error:", within=1),
        # bsddb3's setup.py: "Can't find a local Berkeley DB installation." (b12-qa-forums/04: no libdb-dev); its
        # successor berkeleydb's setup3.py: "Can't find a local Oracle Berkeley DB installation." (live batch 27)
        Pattern("berkeley db installation", r"Can't find a local (?:Oracle )?Berkeley DB installation",
                detail="db.h"),
        # CMake at the end of configuring, when a find_path() result it uses is still NOTFOUND (cmGlobalGenerator:
        # "The following variables are used in this project, but they are set to NOTFOUND." and one variable a
        # line, "Boost_INCLUDE_DIR (ADVANCED)"): the headers of that library were looked for and not found
        # (dionysus, blind b8-issues/18)
        Pattern("are set to notfound", r"The following variables are used in this project, but they are set to NOTFOUND",
                _is_known_library, clean=_library_header,
                then=r"^\W{0,4}(?P<d>[A-Za-z][A-Za-z0-9]{0,40})_INCLUDE_(?:DIR|PATH)S?\b", within=3),
        # SWIG's preprocessor, for a %include / %import (or #include with -includeall) it cannot find:
        # Swig_error(file, line, "Unable to find '%s'\n", fn) -> "swigfaiss.i:312: Error: Unable to find 'x.h'"
        # (-Fmicrosoft: "x.i(312) : Error: ..."); headers only (SWIG's own .swg/.i are its library, not a C one)
        # (on Windows: "swigfaiss.i(312) : Error: Unable to find 'faiss\\impl\\platform_macros.h'")
        Pattern("error: unable to find", r"\bError: Unable to find '(?P<d>[^'\s]{1,256})'", is_library_header,
                clean=lambda d: d.replace("\\", "/")),
        # ... the name wrapped onto the next line by a narrow terminal or uv's output
        Pattern("error: unable to find", r"\bError: Unable to find\s*$", is_library_header,
                then=r"^\s*'(?P<d>[^'\s]{1,256})'\s*$", within=1),
    ),
    fix=_library_header_fix,
    verify=_library_header_verify,
    why="A C library comes as a runtime package (what programs load) and a development package with its"
    " headers; only building needs the latter, so it is usually not installed. The compiler stops at the first"
    " #include it cannot find.",
    prevent="Install the -dev/-devel packages a package's install docs list before building it from source, or"
    " use a version with a wheel for your platform.",
    examples=(
        "src/pyaudio/device_api.c:9:10: fatal error: portaudio.h: No such file or directory",
        "      ../meson.build:59:3: ERROR: C header 'pari/pari.h' not found",
        "      Exception: Magick++ not found",
        # attic's setup.py (b27-tableheaders/19)
        "    Exception: Unable to find OpenSSL >= 1.0 headers. (Looked here: /usr, /usr/local, /opt/local)",
        "Modules/LDAPObject.c:9:10: fatal error: lber.h: No such file or directory",
        "c/_cffi_backend.c:15:10: fatal error: ffi.h: No such file or directory",
        "src/x.c:1:10: fatal error: 'openssl/ssl.h' file not found",
        "x.c(2): fatal error C1083: Cannot open include file: 'zlib.h': No such file or directory",
        # MSVC in other languages, or with the name unquoted (mysqlclient, lxml)
        'src/MySQLdb/_mysql.c(29): fatal error C1083: Datei (Include) kann nicht ge”ffnet werden: "mysql.h": No such'
        " file or directory",
        "etree_defs.h(14): fatal error C1083: 无法打开包括文件: “libxml/xmlversion.h”: No such file or directory",
        "_mysql.c(29): fatal error C1083: Cannot open include file: mysql.h: No such file or directory",
        # Pillow's setup.py (Mojave/Homebrew and pyenv on macOS; jpeg in public threads)
        "The headers or library files could not be found for zlib,",
        "The headers or library files could not be found for jpeg,",
        "    Can't find a local Berkeley DB installation.",
        # CMake's FindZLIB / FindHDF5 (openmc, b14-newtools-2526/09)
        "  Could NOT find ZLIB (missing: ZLIB_LIBRARY ZLIB_INCLUDE_DIR)",
        "  Could NOT find HDF5 (missing: HDF5_LIBRARIES HDF5_INCLUDE_DIRS",
        "  Could not find directory of OpenSSL installation, and this `-sys` crate cannot",
        "  thread 'main' panicked at 'OpenSSL include directory does not exist:"
        " /home/linuxbrew/.linuxbrew/opt/openssl@1.1/include', /github/home/.cache/Homebrew/cargo_cache/registry/src/"
        "index.crates.io-6f17d22bba15001f/openssl-sys-0.9.88/build/main.rs:86:9",
        "      configure: error: libbzip2 development files not found",
        ">    I cannot find the keplerian_toolbox library or headers, please install it",
        "Fatal Error: Can't open module file 'netcdf.mod' for reading at (1): No such file or directory",
        "configure: error: mecab.h header not found",
        "configure: error: 'yaml.h' header not found",
        "      You need to install libcap development headers to build this module",
        "    pcap.h not found",
        "    FileNotFoundError: Failed to locate glpk.h.",
        "        Casacore: unable to find the header file casa/aips.h.",
        "        Could not find MUMPS_INCLUDE_DIR using the following files: dmumps_c.h",
        # SWIG: faiss-cpu over an absent or older libfaiss (blind b6/57, riscv64), M2Crypto without OpenSSL's
        # headers (macOS, Debian)
        "      faiss/faiss/python/swigfaiss.i:312: Error: Unable to find 'faiss/impl/platform_macros.h'",
        "    SWIG/_m2crypto.i:31: Error: Unable to find 'openssl/opensslv.h'",
        "      faiss\\faiss\\python\\swigfaiss.i(312) : Error: Unable to find 'faiss\\impl\\platform_macros.h'",
    ),
    counter_examples=(
        "aiohttp/_websocket.c:198:12: fatal error: longintrepr.h: No such file or directory",
        "src/ext.c:4:10: fatal error: numpy/arrayobject.h: No such file or directory",
        "stitch_wrapper.cpp(453): fatal error C1083: 无法打开包括文件: “stitch_rects.hpp”: No such file or directory",
        "gcc: fatal error: no input files",
        "      Exception: Could not find lz4 lib/headers, please set BORG_LIBLZ4_PREFIX or ensure liblz4.pc is in"
        " PKG_CONFIG_PATH.",
        "cc1: fatal error: src/missing.c: No such file or directory",
        # SWIG's own library files (a broken SWIG install): pocketsphinx/sphinxbase
        "           swig/sphinxbase/ad.i:56: Error: Unable to find 'pybuffer.i'",
        "           :3: Error: Unable to find 'python.swg'",
    ),
)


def _too_new_fix(ctx: Context):
    py = ctx.platform.python
    name = ctx.package or "the package"
    fixes = [Fix("pip install --upgrade " + quote(ctx.package) if ctx.package else "",
                 "a newer release of %s may support this Python" % name)]
    if py is not None:
        fixes.append(Fix("", "or use a Python older than %d.%d for this version of %s" % (py.version + (name,))))
    return tuple(fixes)


REMOVED_HEADER = Rule(
    code="PX012",
    cause="python-too-new",
    title="The sources are older than this Python",
    summary="{package} includes {detail}, a header CPython moved or removed: these sources (often C code"
    " generated by an old Cython) predate this Python. No system package restores it.",
    patterns=missing_header(is_removed_python_header),
    fix=_too_new_fix,
    verify=lambda ctx: (),
    detail_kind="python-version",
    why="CPython moves private headers between releases (longintrepr.h went into cpython/ in 3.11). C files"
    " generated by an old Cython include them by their old name; pip compiles those old sources when the"
    " version you asked for has no wheel for your Python.",
    prevent="Upgrade packages together with Python; check that pinned versions have wheels for the new Python.",
    examples=("aiohttp/_websocket.c:198:12: fatal error: longintrepr.h: No such file or directory",),
)

RULES = (PYTHON_HEADERS, LIBRARY_HEADER, REMOVED_HEADER)
