"""The linker cannot find a library (PX030): the header was there, the
link-time file (libX.so, libX.a, X.lib) is not."""
import re

from pip_explain.enrich.fixes import Context, install, quote, search_hint, table
from pip_explain.model import Fix, Pattern, Rule
from pip_explain.rules._shapes import ld_cannot_find
from pip_explain.rules.headers import _is_cmake_found_library, _is_known_library

_LIB = r"(?P<d>[A-Za-z0-9_][\w.+-]*)"
# words a sentence puts where a library's name would be ("could not find the required library")
_NOT_A_LIBRARY = frozenset({"the", "a", "any", "required", "shared", "static", "some", "these", "all", "needed",
                            "dynamic", "system", "math", "c", "runtime"})


# Apple's frameworks (the SDK's System/Library/Frameworks) and Python's own
_APPLE_FRAMEWORKS = frozenset({
    "Accelerate", "AGL", "AppKit", "ApplicationServices", "AudioToolbox", "AudioUnit", "AVFoundation", "Carbon", "Cocoa",
    "CoreAudio", "CoreBluetooth", "CoreFoundation", "CoreGraphics", "CoreImage", "CoreLocation", "CoreMedia", "CoreMIDI",
    "CoreML", "CoreServices", "CoreText", "CoreVideo", "CoreWLAN", "DiskArbitration", "Foundation", "GameController",
    "GLUT", "GSS", "ImageIO", "IOBluetooth", "IOKit", "IOSurface", "JavaVM", "Kerberos", "Kernel", "Metal", "MetalKit",
    "MetalPerformanceShaders", "OpenAL", "OpenCL", "OpenGL", "Quartz", "QuartzCore", "QTKit", "ScreenCaptureKit",
    "Security", "SystemConfiguration", "UniformTypeIdentifiers", "VideoToolbox", "Vision", "WebKit", "Python",
})


def _library(detail: str) -> str:
    """``libssl.lib`` / ``ssl.lib`` / ``ssl`` -> the name ``-l`` takes."""
    name = detail.strip("'\"`‘’").replace("\\", "/").rsplit("/", 1)[-1]
    if name.lower().endswith((".lib", ".dll", ".so", ".a", ".dylib", ".tbd")):
        name = name.rsplit(".", 1)[0]
    return name


def _msvc_name(detail: str) -> str:
    """``libssl.lib`` -> ``ssl``; ``python311.lib`` -> ``python311``."""
    name = _library(detail)
    return name[3:] if name.lower().startswith("lib") and len(name) > 3 else name


def _fix(ctx: Context):
    from pip_explain.enrich.packages import packages_for_library

    name = _library(ctx.detail or "")
    if name.lower().startswith("python"):
        return (Fix("", "the Python library itself is missing: install this Python's development package"
                        " (python3-dev / python3-devel), as for a missing Python.h"),)
    packages = packages_for_library(name) if name else None
    if packages:
        fixes = install(ctx, packages, "install the development files of lib%s (they ship the file the linker"
                                       " wants)" % name)
        if fixes:
            return fixes
    from pip_explain.enrich.packages import debian_header_for_library, debian_package_for_header

    header = debian_header_for_library(name) if name else None
    deb = debian_package_for_header(header) if header else None
    if deb:  # no row of the table, but Debian's index ships the library's header under its name (FANN: libfann-dev)
        fixes = install(ctx, table(apt=deb), "install the development files of lib%s" % name)
        if fixes:
            return fixes
    return search_hint(ctx, "lib%s.so" % name) or (
        Fix("", "install the development package of the %s library (lib%s-dev / %s-devel)" % (name, name, name)),
    )


def _verify(ctx: Context):
    name = _library(ctx.detail or "")
    if not name or ctx.platform.system == "windows":
        return ()
    if ctx.platform.system == "darwin":
        return ("ld -l%s -o /dev/null 2>&1 | head -1" % quote(name),)
    return ("ld -l%s --verbose 2>/dev/null | grep succeeded" % quote(name),)



def _without_lib(name: str) -> str:
    """A library named as its file is ("libfoo") -> as the linker's -l names it ("foo")."""
    return name[3:] if name.lower().startswith("lib") and len(name) > 3 else name


def _known_library(name: str) -> bool:
    from pip_explain.enrich.packages import row_for_library

    return row_for_library(name.lower()) is not None

LINK = Rule(
    code="PX030",
    cause="library-link-missing",
    title="Library not found by the linker: {detail}",
    summary="{package} links against the {detail} library, whose link-time file was not found (its development"
    " package is not installed, or it is not on the library path): by the linker, or by the build's own lookup"
    " before it.",
    patterns=(
        # GNU ld / gold: "/usr/bin/ld: cannot find -lffi: No such file or directory" (binutils >= 2.39 adds
        # the reason), "x86_64-linux-gnu-ld: cannot find -lssl"
        Pattern("cannot find -l", r"\bld(?:\.gold|\.bfd)?(?:\.exe)?:? (?:error: )?cannot find -l" + _LIB),
        # ... and a library the command line or a linker script names by its path: "ld: cannot find
        # /usr/lib/aarch64-linux-gnu/libc_nonshared.a" (ldfile.c's "cannot find %s" for a file, not -l; glibc's
        # libc.so script names libc_nonshared.a; b21-arm-sbc/14)
        Pattern("cannot find /", r"\bld(?:\.gold|\.bfd)?(?:\.exe)?:? (?:error: )?cannot find /(?:[^\s/]{1,255}/){0,30}"
                r"lib(?P<d>[A-Za-z0-9_][\w+-]{0,127})\.(?:a|so)(?:\.[\d.]{1,20})?\.?(?:[\s:]|$)"),
        # a setup script's own search for a library's files, in an exception: fann2's "Exception: Couldn't find FANN
        # source libs!" (its find_fann(), live batch 19), pyslurm's "RuntimeError: Cannot locate Slurm library.
        # Searched paths:" (its libslurmfull.so, live batch 41) ...
        *(Pattern(verb, r"^\s*(?:\w{0,40}(?:Error|Exception)|error):\s?(?:could not|couldn't|can't|cannot|unable to) %s"
                  r" (?:the )?(?P<d>[A-Za-z][\w+.-]{1,40}) (?:[<>=]{1,2} ?[\d.]{1,12} )?(?:source |shared )?"
                  r"lib(?:s|rary|raries)?\b(?![^\n]{0,200}(?:\.pc\b|pkg-config|PKG_CONFIG|_PREFIX\b|please set))" % verb,
                  _is_known_library, clean=str.lower) for verb in ("find", "locate")),
        # ... or as the line's own sentence, which a probe may also print before a fallback (hence probe): GalSim's
        # setup.py "Could not find fftw3 library.  Make sure it is installed either in a standard" after "Looking for
        # libfftw3.dylib" (b50-lib-lookups-4/08, /09); healpy's configure "configure: error: could not find the
        # cfitsio library" is a configure error of its own
        *(Pattern(verb, r"^\s*(?:could not|couldn't|can't|cannot|unable to) %s (?:the )?(?P<d>[A-Za-z][\w+.-]{1,40})"
                  r" (?:shared )?librar(?:y|ies)\b[.!]?(?:\s*$|\s+(?:Make sure|Please|Searched|Install))" % verb,
                  _is_known_library, clean=str.lower, probe=True) for verb in ("find", "locate")),
        # a ctypes loader of the package's (shapely < 2's geos.py, which its setup.py imports): "OSError: Could not
        # find library geos_c or load any of its variants ['libgeos_c.so.1', 'libgeos_c.so']" (older: "lib")
        Pattern("or load any of its variants", r"Could not find lib(?:rary)? (?P<d>[\w.+-]{1,64}?)(?:\.dll)? or load any"
                r" of its variants"),
        # ... and a configure script's or a build script's error in the same words turned round: healpy's bundled
        # configure (AC_CHECK_LIB on cfitsio, b23-niche-domains/03) "configure: error: could not find the cfitsio
        # library"; an error only, a warning ("Cannot find ta-lib library, installation may fail.") is a probe
        Pattern("find", r"(?:configure: error|\b[Ee]rror|ERROR):\s?(?:[^\n]{0,60}?\s)?(?:could not|couldn't|cannot|can't"
                r"|unable to) find (?:the )?(?P<d>[A-Za-z][\w+-]{0,40}) librar(?:y|ies)\b",
                lambda d: not d.lower().startswith(("python", "numpy")) and d.lower() not in _NOT_A_LIBRARY),
        # ... or naming it as the linker would, lib and all: CCL's configure (pyccl on macOS with MacPorts' GSL outside
        # the default search, b41-win-mac-2014-20-c/13) "configure: error: Couldn't find libgsl. GSL V2+ required."
        Pattern("find lib", r"\bconfigure: error:\s?(?:\*{1,3}\s?)?(?:could not|couldn't|cannot|can't|unable to) find lib(?!rar(?:y|ies)\b)"
                r"(?P<d>[A-Za-z0-9][\w+]{0,40}(?:-[A-Za-z][\w+]{0,20}){0,3})(?:-\d[\d.]{0,8})?(?:\.|,|\s|$)"),
        # a configure script's AC_MSG_ERROR for a library its AC_CHECK_LIB / PKG_CHECK_MODULES did not find, the
        # library named as the linker names it (configure.ac sources: "libmarkdown not found", "libpci not found",
        # "libuv required", "liblua is required for ${PACKAGE}", "libbpf missing", "libfftw3 : library missing.";
        # autoconf prints "configure: error: " and the message, then exits): not libtool, a program
        Pattern("configure: error", r"\bconfigure: error:\s?(?:\*{1,3}\s?)?(?:the )?lib(?P<d>[A-Za-z0-9][\w+]{0,40})(?:-\d[\d.]{0,8})?"
                r"(?: library)? ?:? (?:(?:was |is )?not found|(?:is |was )?(?:required|missing|not installed)|library missing"
                r"|appears to be missing)\b", lambda d: d.lower() not in ("tool", "toolize", "c", "rary", "raries")),
        # autoconf's AC_CHECK_LIB that failed, "checking for sodium_init in -lsodium... no", when configure's very next
        # line is its AC_MSG_ERROR, whatever the project's words ("configure: error: The Sodium crypto library
        # libraries not found.", "configure: error: Could not find SQLGetPrivateProfileString in -lodbcinst":
        # shadowsocks-libev and mdbtools, b63-lib-lookups-13/18, /14): the link test of that library stopped it;
        # words about development files or headers are left to the rules for those (HTSlib's bzip2 test)
        Pattern(" in -l", r"(?:^|\s)checking for \w{1,80} in -l(?P<d>[A-Za-z0-9][\w+.-]{0,63})\.\.\. no\s*$",
                lambda d: not d.lower().startswith("python"),
                then=r"\bconfigure: error:(?![^\n]{0,200}\b(?:development|devel|headers?)\b)", within=1),
        # ... or by its own name before the word library, or after it: "flagpower library not found", "SLA library
        # not found", "library xerces-c is required to build with ..." (configure.ac sources)
        Pattern("configure: error", r"\bconfigure: error:\s?(?:\*{1,3}\s?)?(?:the )?(?P<d>[A-Za-z][\w+-]{0,40}) librar(?:y|ies) "
                r"(?:was |were |is |are )?(?:not found|missing|required)\b",
                lambda d: not d.lower().startswith(("python", "numpy", "boost")) and d.lower() not in _NOT_A_LIBRARY),
        Pattern("configure: error", r"\bconfigure: error:\s?(?:\*{1,3}\s?)?(?:the )?(?:required )?librar(?:y|ies) (?P<d>[A-Za-z][\w+-]"
                r"{0,40}) (?:was |were |is |are )?(?:not found|missing|required)\b",
                lambda d: not d.lower().startswith(("python", "numpy", "boost")) and d.lower() not in _NOT_A_LIBRARY),
        # ... and a find module's or build script's sentence "X library not found", alone or with advice after it:
        # 'message(FATAL_ERROR "Ogg library not found. Please set OGG_INCLUDE_DIR and OGG_LIBRARY, or install
        # PkgConfig.")' (a FindOgg.cmake), '" *** MPFR library not found. Please set MPFR_DIR."' (a FindMPFR.cmake's
        # FPHSA message); CMake prints a FATAL_ERROR's text indented under "CMake Error at ... (message):". A library
        # the package table knows; a probe, as a script may print it and fall back (a later cause wins)
        Pattern("not found", r"^\s*(?:\w{0,40}(?:Error|Exception|ERROR|error):\s?)?(?:\*{1,3}\s?)?(?:the )?(?P<d>[A-Za-z]"
                r"[\w+-]{0,40}) librar(?:y|ies) (?:was |were |is |are )?not found\b(?:\s*[.!]?\s*$|[.!,;]\s{1,2}(?:please|make"
                r" sure|set|install|try|you)\b)",
                lambda d: _is_known_library(d) and not re.match(r"(?:python|numpy|open|c)?(?:blas|lapack|lapacke)$|"
                                                               r"(?:python|numpy)", d.lower()),
                clean=lambda d: _without_lib(d).lower(), probe=True),
        # ... or telling the user what they lack: cgal-bindings' setup.py "You are missing the mpfr library" (then "You
        # are missing the CGAL library", "You are missing SWIG", and exit 255; b54-domain-science/04). A library the
        # package table knows; a probe (a later cause wins)
        Pattern("missing the", r"^\s*(?:You are|You're|you are|you're) missing (?:the )?(?P<d>[A-Za-z][\w+-]{0,40}) librar(?:y|ies)"
                r"\b", _is_known_library, clean=lambda d: _without_lib(d).lower(),
                probe=True),
        # SCons' CheckLib (SConf.py: "Checking for C library X... " / "Checking for C++ library X... ", then "no"), when
        # the SConstruct's next line gives up on that very library: Mapnik's "Could not find library boost_python-py26
        # for boost python" (b54-lib-lookups-8/22), FIFE's "Required lib SDL_ttf not found!" (/19); a check it goes
        # past, or gives up on in other words, says nothing here
        Pattern("... no", r"(?:^|\s)Checking for C(?:\+\+)? library (?P<d>[\w.+-]{1,60})\.\.\. no\s*$",
                then=r"(?:^|\s)(?:Could not find|Required) lib(?:rary)? (?P<d>[\w.+-]{1,60})(?: not found| for)\b", within=1),
        # ... or naming the library's shared object, found nowhere: PyECLib's setup.py "*** Can not locate
        # liberasurecode.so.1" (its own search of the library path before building; b26-longtail-pkgs-b/12, /13)
        Pattern("locate lib", r"\b(?:can ?not|could not|couldn't|can't|unable to) locate ['\"`]?lib(?P<d>[A-Za-z0-9][\w+-]{0,60})"
                r"\.(?:so(?:\.\d{1,4}){0,3}|dylib)['\"`]?(?=[\s.,;:!]|$)"),
        # h5py's setup_configure, which dlopens HDF5 to read its version: "error: Unable to load dependency HDF5,
        # make sure HDF5 is installed properly" (then dlopen's "tried: 'libhdf5.dylib' (no such file)")
        Pattern("unable to load dependency", r"Unable to load dependency (?P<d>\w{1,40}), make sure \w{1,40} is installed",
                clean=lambda d: d.lower()),
        # a setup script's own words for a library it looked for: python-libzim's "[!] The libzim library cannot be
        # found." (its find_library('zim'); b21-arm-sbc/18), pymqi's "Exception: MQ libraries could not be found"
        # (live batch 10); weak: a lookup with a fallback is a probe
        Pattern("be found", r"\b(?:The )?(?P<d>[A-Za-z][\w+-]{0,40}) librar(?:y|ies) (?:cannot|could not|couldn't|can't)"
                r" be found\b", lambda d: not d.lower().startswith(("python", "numpy", "the", "required", "shared",
                                                                        "static", "some", "these", "all")),
                clean=_without_lib, weak=True),
        # numpy.distutils' system_info, each directory it looked in ("libraries samplerate not found in /usr/lib"),
        # its last line right before the setup script's exception: the lookup was not a probe the build went past
        # (scikits.samplerate 0.3.3, b30-unseen-headers/06); BLAS/LAPACK's own lookups say more elsewhere
        Pattern("not found in", r"^\s*libraries (?P<d>[A-Za-z][\w+-]{0,40}) not found in \S{1,300}\s*$",
                lambda d: not re.match(r"(?:mkl|openblas|blas|lapack|atlas|f77blas|cblas|ptf77blas|ptcblas|satlas|tatlas"
                                       r"|accelerate|veclib|flexiblas|blis|npymath)", d.lower()),
                then=r"^\s*Traceback \(most recent call last\):", within=1),
        # ... and the NotFoundError text of its system_info classes (numpy/distutils/system_info.py), printed as a
        # warning or raised: "UMFPACK sparse solver (http://...) / not found. Directories to search for the libraries
        # can be specified in the / numpy/distutils/site.cfg file (section [umfpack]) or by setting" (scikit-umfpack,
        # b46-lib-lookups-3/23), scikits.audiolab's own copy "error: sndfile (http://...) library not found. /
        # Directories to search ... in the / site.cfg file, in section [sndfile]." (b46-lib-lookups-3/01): the section
        # names the library. A probe (get_info() only warns; a later cause wins), and not BLAS's or LAPACK's, whose
        # lookups numpy and scipy go past (their own sections say more)
        Pattern("directories to search for the libraries", r"\bDirectories to search for the libraries can be specified"
                r" in the\s*$", lambda d: not re.match(r"(?:mkl|openblas|blas|lapack|atlas|blis|flame|accelerate|veclib"
                                                      r"|flexiblas|x11|\w*_src$|\w*_opt$)", d.lower()),
                then=r"\bsection \[(?P<d>[A-Za-z]\w{0,40})\]", within=1, probe=True),
        # PyTables' setup.py, after its own lookup of a library's headers and files: ".. ERROR:: Could not find a local
        # HDF5 installation." (tables 3.5 under pip 9, b30-old-pip-longtail/15; the earlier logs of the same lookup
        # keep ld's "cannot find -lhdf5" before it); a library the package table knows
        Pattern("could not find a local", r"\bCould not find a local (?P<d>[A-Za-z][\w+-]{0,40}) installation\b",
                _known_library, clean=lambda d: d.lower()),
        # FindBoost, REQUIRED, with Boost's headers found and compiled components not: "Could NOT find Boost (missing:
        # thread date_time chrono iostreams) (found version "1.66.0")" (vizdoom 1.1.8, b38-old-pip-longtail-9/02):
        # their libraries (libboost_thread ...) are what is missing, the first named
        Pattern("could not find boost", r"^\s*Could (?-i:NOT) find Boost \(missing: (?P<d>[a-z][a-z0-9_]{0,40})(?: [a-z][a-z0-9_]"
                r"{0,40}){0,30}\) \(found\b", clean=lambda d: "boost_" + d),
        # a find module, REQUIRED, whose verdict misses only the library's file ("Could NOT find LibSolv (missing:
        # LIBSOLV_LIBRARY) (Required is at least version ...)": FindPackageHandleStandardArgs names the variables left
        # unset, and find modules name find_library()'s X_LIBRARY / X_LIBRARIES; its headers were found. libdnf on
        # Ubuntu 16.04 with libsolv under /usr/lib64, b60-lib-lookups-12/09)
        Pattern("could not find", r"^\s*Could (?-i:NOT) find (?P<d>[A-Za-z]\w{0,40}) \(missing:(?: [A-Za-z]\w{0,40}_LIBRAR(?:Y|IES)"
                r"(?:_RELEASE|_DEBUG)?){1,4}\)", lambda d: _is_cmake_found_library(d) and not d.lower().startswith("boost"),
                clean=lambda d: _without_lib(d.lower())),
        # ... its text wrapped by CMake's message() at the variables (EliteQuant_Cpp's Findsodium: "Could NOT find sodium
        # (missing: sodium_LIBRARY_RELEASE" / "sodium_LIBRARY_DEBUG)", b63-lib-lookups-13/19): library variables only
        Pattern("could not find", r"^\s*Could (?-i:NOT) find (?P<d>[A-Za-z]\w{0,40}) \(missing:(?: [A-Za-z]\w{0,40}_LIBRAR(?:Y|IES)"
                r"(?:_RELEASE|_DEBUG)?){1,4}\s*$", lambda d: _is_cmake_found_library(d) and not d.lower().startswith("boost"),
                clean=lambda d: _without_lib(d.lower()),
                then=r"^\s*(?:[A-Za-z]\w{0,40}_LIBRAR(?:Y|IES)(?:_RELEASE|_DEBUG)?\s?){1,4}\)", within=1),
        # CMake at the end of configuring, when a find_library() result a target links is still NOTFOUND
        # (cmGlobalGenerator: "The following variables are used in this project, but they are set to NOTFOUND.",
        # then one variable a line, "ALSA_LIBRARY (ADVANCED)" and "linked by target ..."): that library was looked
        # for and not found (v4l2rtspserver on a Raspberry Pi, b63-lib-lookups-13/10); an include directory is the
        # headers' (PX011), Python's own another cause
        Pattern("are set to notfound", r"The following variables are used in this project, but they are set to NOTFOUND",
                lambda d: _is_cmake_found_library(d) and not d.lower().startswith("boost"),
                clean=lambda d: _without_lib(d.lower()),
                then=r"^\W{0,4}(?P<d>[A-Za-z][A-Za-z0-9]{0,40})_LIBRAR(?:Y|IES)(?:_RELEASE|_DEBUG)?\b", within=3),
        # ... and its older verdict (FindBoost before 3.x's FPHSA, CMake 2.8-3.1), the libraries one a line after it:
        # "Unable to find the requested Boost libraries. ... Could not find the following Boost libraries: /
        # boost_python-py35" ("fine" in CMake 3.0's message: azure-iot-sdks' Python binding on Raspbian,
        # b55-lib-lookups-9/05)
        Pattern("the following boost libraries", r"^\s*Could not fin[de] the following (?:static )?Boost libraries:?\s*$",
                then=r"^\s*(?P<d>boost_[\w.+-]{1,60})\s*$", within=3),
        # ... and through Boost's own CMake package (BoostConfig.cmake, CMake 3.x's FPHSA in config mode): "-- Could NOT
        # find Boost: missing: python311 (found .../BoostConfig.cmake (found version "1.82.0"))" (pyGIMLi with
        # Anaconda's Boost, b52-cpp-cuda-ext-15/09). A probe: without REQUIRED CMake goes on, and a later error names
        # the cause when there is one
        Pattern("could not find boost", r"^\s*(?:-- )?Could (?-i:NOT) find Boost: missing: (?P<d>[a-z][a-z0-9_]{0,40})(?: "
                r"[a-z][a-z0-9_]{0,40}){0,30} \(found\b", clean=lambda d: "boost_" + d, probe=True),
        # CMake's find_library() with REQUIRED (3.18+; cmFindBase: "Could not find <VAR> using the following names:
        # <names>" under "CMake Error at CMakeLists.txt:17 (find_library):"; the same words follow find_program's
        # header, the table of programs' case): the first name, a library the package table knows
        Pattern("(find_library):", r"\bCMake Error at [^\n]{1,300}\(find_library\):\s*$", _known_library,
                clean=_without_lib,
                then=r"^\s*Could not find \w{1,80} using the following names: (?P<d>[A-Za-z0-9_][\w.+-]{0,60}?)"
                r"(?:\.(?:so|a|lib|dylib))?(?:,|\s*$)", within=1),
        # numpy.distutils' system_info (scipy < 1.9's setup.py): "numpy.distutils.system_info.NotFoundError: No
        # BLAS/LAPACK libraries found." (older: "No lapack/blas resources found.")
        Pattern("libraries found", r"No BLAS/LAPACK libraries found", detail="openblas"),
        Pattern("resources found", r"No lapack/blas resources found", detail="openblas"),
        # a BLAS / LAPACK library a build script looked for in its own words: pyscf's setup.py ("*** WARNING: BLAS
        # library not found." before a bare RuntimeError; b19-scientific-fortran/03, /04), CMake find modules
        # ('message(FATAL_ERROR "CBLAS library not found. Please specify library location")', "BLAS library not
        # found in <dir>"), autoconf ("configure: error: OpenBLAS library NOT found"); cuBLAS is CUDA's, left out.
        # A probe: a build that goes on with a bundled BLAS and fails later is explained by that later line.
        Pattern("library not found", r"(?<![\w-])(?:Open|C)?(?:BLAS|LAPACK|LAPACKE) library (?:NOT|not) found\b",
                detail="openblas", probe=True),
        # CMake's FindBLAS / FindLAPACK, REQUIRED: "A required library with BLAS API not found. Please specify library
        # location." (their own FATAL_ERROR, which projects also copy into their CMakeLists.txt: pyscf 2.14's, live
        # batch 50)
        Pattern("api not found", r"\bA required library with (?:BLAS|LAPACK) API not found\b", detail="openblas"),
        # ... and psi4's MathLibsFunctions.cmake: "-- No external LAPACK library found (have you set the MATH_ROOT
        # environment variable?)" (b56-lib-lookups-10/15)
        Pattern("library found", r"\bNo (?:external |usable )?(?:Open|C)?(?:BLAS|LAPACK|LAPACKE) librar(?:y|ies) found\b",
                detail="openblas", probe=True),
        # ... and a meson.build's own error() when its find_library() calls found none: scs' "ERROR: Problem
        # encountered: OpenBLAS or Netlib BLAS/CBLAS is required on all platforms except Windows, and was not found."
        # (live batch 11; meson prints error('...') as "ERROR: Problem encountered: ...")
        Pattern("problem encountered", r"ERROR: Problem encountered: [^\n]{0,200}?\b(?:Open)?BLAS\b[^\n]{0,200}?\b(?:was|were)?"
                r" ?not found", detail="openblas"),
        # Rtree < 1.0 loads libspatialindex_c through ctypes in the setup.py it imports; when find_library finds
        # nothing it gets CDLL(None), the interpreter itself, and the first function it asks for is missing there:
        # "AttributeError: /usr/bin/python3: undefined symbol: Error_GetLastErrorNum" (Linux; b14-bio-geo-sci/09,
        # b19-old-stack/08), "AttributeError: dlsym(RTLD_DEFAULT, Error_GetLastErrorNum): symbol not found" (macOS,
        # fixed by brew install spatialindex); rtree/core.py names that function first
        Pattern("error_getlasterrornum", r"AttributeError: (?:\S{1,300}python[\w.]{0,10}: undefined symbol: |dlsym\("
                r"RTLD_DEFAULT, )Error_GetLastErrorNum\b", detail="spatialindex_c"),
        # ... the same fallback in any package that loads its library through ctypes while setup.py imports it: the
        # interpreter asked for a function (ctypes' __getattr__: AttributeError) or a variable (in_dll: ValueError)
        # of the library it did not find, "ValueError: .../glances/bin/python: undefined symbol: libsensors_version"
        # (py3sensors, b51-old-pip-longtail-14/02); the library is named when the symbol carries its lib<name>_
        # prefix, as libraries' own symbols often do
        Pattern("undefined symbol", r"^\s*(?:AttributeError|ValueError): \S{0,300}/python[\d.]{0,8}[dmtu]{0,3}: undefined "
                r"symbol: (?:lib(?P<d>[a-z][a-z0-9]{1,40})_\w{1,120}|\w{1,120})\s*$"),
        # ... or ctypes.util.find_library() answering None (its documented "not found"), handed on to a path function
        # by the setup script that asked: the echoed call, then "TypeError: expected str, bytes or os.PathLike object,
        # not NoneType" (grib2io's setup.py, b51-lib-lookups-5/14); the library named when the call names it
        Pattern("find_library(", r"^\s{2,}[^\n]{0,200}?\bfind_library\((?:\s*['\"](?P<d>[\w.+-]{1,60})['\"]\s*\)|[^'\"\n]{1,80}\))",
                then=r"^\s*TypeError: [^\n]{0,120}\bnot '?NoneType'?\s*$", within=4),
        # bindgen (a Rust -sys crate generating bindings) loads libclang at build time: "Unable to find libclang:
        # "couldn't find any valid shared libraries matching: ['libclang.so', ..." (clang-sys' own message)
        Pattern("unable to find libclang", r"Unable to find libclang\b", detail="clang"),
    ) + tuple(
        # GNU ld in the languages of binutils' catalogue (fr "ld : ne peut pas trouver -lffi", ja and tr put
        # the library first: "ld: -lffi が見つかりません", "ld: -lffi bulunamadı")
        Pattern(needle, regex) for regex, needle in ld_cannot_find(r"\bld(?:\.gold|\.bfd)?(?:\.exe)?", "-l" + _LIB)
    ) + (
        # lld: "ld.lld: error: unable to find library -lffi"
        Pattern("unable to find library -l", r"unable to find library -l" + _LIB),
        # macOS ld64: "ld: library not found for -lssl"; Xcode 15's ld: "ld: library 'ssl' not found"
        Pattern("library not found for -l", r"library not found for -l" + _LIB),
        # ... and for a framework the link line names ("-framework mei"): "ld: framework not found mei" (pymei with
        # mei.framework outside the framework search path, b52-old-pip-longtail-15/07); not Apple's own frameworks,
        # which only a broken SDK lacks, nor Python.framework, which a Python not built as one lacks
        Pattern("framework not found", r"\bld: framework not found (?P<d>[\w.+-]{1,64})\b",
                lambda d: d not in _APPLE_FRAMEWORKS),
        Pattern("ld: library", r"\bld: library ['\"]" + _LIB + r"['\"] not found"),
        # mold: "mold: fatal: library not found: ffi"
        Pattern("mold: fatal: library not found", r"mold: fatal: library not found: " + _LIB),
        # meson's compiler.find_library(), required: "ERROR: C shared or static library 'SDL2' not found" (its words for a
        # library file no -L directory holds; "C static library", "C shared library" with static: true / false;
        # pygame-ce 2.5.8 without libsdl2-dev, live batch 37, after its dependency('SDL2', required: false) probe)
        Pattern("library", r"\b(?:C|C\+\+|Fortran|Objective-C|CUDA) (?:shared or static|shared|static) library ['\"]"
                + _LIB + r"['\"] not found"),
        # a library the build (or a tool it runs) loads at build time
        # ... and macOS's dyld for the same load by name: h5py's setup_configure loading libhdf5 to read its version,
        # "Loading library to get version: libhdf5.dylib" / "error: dlopen(libhdf5.dylib, 6): image not found"
        # (b64-win-mac-4/10; on Linux "libhdf5.so: cannot open shared object file", b12-arm-old-pages/07); newer
        # dyld: "dlopen(libhdf5.dylib, 0x0006): tried: ..."
        Pattern("dlopen(", r"\bdlopen\((?P<d>lib[\w+-]{1,64})(?:\.[\d.]{1,12})?\.dylib, (?:\d{1,4}|0x[0-9a-fA-F]{1,8})\):"
                r" (?:image not found|tried: )", clean=lambda d: _without_lib(d)),
        Pattern("cannot open shared object file",
                r"(?P<d>lib[\w+-]+)\.so(?:\.[\d.]+)?: cannot open shared object file: No such file",
                clean=lambda d: d[3:]),
        # ... on Windows, a setup script's ctypes loading a DLL by name (Shapely < 1.7's _buildcfg:
        # 'lgeos = CDLL("geos_c.dll")', then "OSError: [WinError 126] The specified module could not be found",
        # b13-win-mac-locale/14); the error's text is in the system's language, its code is not
        Pattern("dll", r"\b(?:CDLL|WinDLL|LoadLibrary|PyDLL)\(\s?r?['\"](?P<d>[\w.+-]{1,128}\.dll)['\"]", clean=_msvc_name,
                then=r"\[WinError 126\]", within=4),
        # MSVC link.exe: "LINK : fatal error LNK1181: cannot open input file 'libssl.lib'"
        # (translated link.exe keeps the code and the quoted file: "LNK1181: não foi possível abrir ... 'x.lib'")
        # (Polish puts the name in „...”: "nie można otworzyć pliku wejściowego „avfilter.lib”", PyAV, b27-tableheaders/02)
        Pattern("lnk1181", r"LNK1181\b(?:[^'\"“„\n]|(?<=\w)'(?=\w)){0,80}['\"“„](?P<d>[^'\"”“]+?\.(?:lib|a))['\"”“]",
                clean=_msvc_name),
    ),
    fix=_fix,
    verify=_verify,
    why="A C library comes in two parts: the runtime file (libX.so.1) that programs load, installed with"
    " almost everything, and the development part (headers, libX.so / X.lib) that only building needs."
    " The linker looks for the development part.",
    prevent="Install the library's -dev/-devel package together with its headers; on Windows give the build"
    " the directory of X.lib (LIB environment variable or vcpkg).",
    examples=(
        "/usr/bin/ld: cannot find -lffi: No such file or directory",
        "/usr/bin/ld: cannot find -lssl",
        # CCL's configure (pyccl, b41-win-mac-2014-20-c/13); FindBoost's compiled components (vizdoom,
        # b38-old-pip-longtail-9/02)
        "configure: error: Couldn't find libgsl. GSL V2+ required.",
        "Ogg library not found. Please set OGG_INCLUDE_DIR and OGG_LIBRARY, or install PkgConfig.",
        " *** MPFR library not found. Please set MPFR_DIR.",
        "    You are missing the mpfr library",
        "configure: error: libmarkdown not found",
        "  -- No external LAPACK library found (have you set the MATH_ROOT environment variable?)",
        "        A required library with BLAS API not found.",
        "configure: error: libuv required",
        "configure: error: SLA library not found",
        "configure: error: library xerces-c is required to build with Pivotal Query Optimizer",
        "  Could NOT find Boost (missing: thread date_time chrono iostreams) (found",
        "/usr/bin/ld: cannot find /usr/lib/aarch64-linux-gnu/libc_nonshared.a",
        "  Exception: MQ libraries could not be found",
        "    *** Can not locate liberasurecode.so.1",
        # fann2's and pyslurm's setup.py (live batches 41)
        "      Exception: Couldn't find FANN source libs!",
        "      RuntimeError: Cannot locate Slurm library. Searched paths:",
        "../meson.build:33:4: ERROR: Problem encountered: OpenBLAS or Netlib BLAS/CBLAS is required on all platforms"
        " except Windows, and was not found.",
        "ld.lld: error: unable to find library -lffi",
        "ld: library not found for -lssl",
        "ld: library 'ssl' not found",
        "      ../meson.build:397:25: ERROR: C shared or static library 'SDL2' not found",
        "LINK : fatal error LNK1181: cannot open input file 'libssl.lib'",
        "    LINK : fatal error LNK1181: nie można otworzyć pliku wejściowego „avfilter.lib”",
        "OSError: libhdf5.so: cannot open shared object file: No such file or directory",
        "OSError: Could not find library geos_c or load any of its variants ['libgeos_c.so.1', 'libgeos_c.so']",
        "    *** WARNING: BLAS library not found.",
        "    AttributeError: /usr/bin/python3: undefined symbol: Error_GetLastErrorNum",
        "    ValueError: /home/foxmask/glances/bin/python: undefined symbol: libsensors_version",
        "AttributeError: dlsym(RTLD_DEFAULT, Error_GetLastErrorNum): symbol not found",
        "configure: error: OpenBLAS library NOT found",
        "    configure: error: could not find the cfitsio library",
        "  error: Unable to load dependency HDF5, make sure HDF5 is installed properly",
        "  thread 'main' panicked at 'Unable to find libclang: \"couldn't find any valid shared libraries matching:"
        " ['libclang.so', 'libclang-*.so', 'libclang.so.*', 'libclang-*.so.*'], set the `LIBCLANG_PATH` environment"
        " variable to a path where one of these files can be found (invalid: [])\"'",
    ),
    counter_examples=(
        "collect2: error: ld returned 1 exit status",
        "ImportError: /usr/lib/python3/dist-packages/_foo.cpython-311-x86_64-linux-gnu.so: undefined symbol: PyFoo_Bar",
        "/usr/bin/ld: foo.o: undefined reference to `bar'",
        "CMake Warning: NVIDIA GPU detected but cuBLAS library not found.",
        "setup.py:49: UserWarning: Cannot find ta-lib library, installation may fail.",
        "configure: error: could not find the required library",
    ),
)

RULES = (LINK,)
