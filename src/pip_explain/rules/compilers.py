"""No compiler: C (PX001), C++ (PX002), Microsoft C++ Build Tools (PX003),
Xcode Command Line Tools (PX004), Fortran (PX005)."""
from pip_explain.enrich.fixes import Context, install, quote, table
from pip_explain.model import Fix, Pattern, Rule
from pip_explain.rules._shapes import (
    CLOSE,
    MSVC_C1083,
    OPEN,
    is_c_compiler,
    is_cxx_compiler,
    is_fortran_compiler,
    is_msvc,
    is_msvc_link_helper,
    is_msvc_own_header,
    is_windows_sdk_lib,
    meson_cmake_compiler,
    missing_program,
    program,
    translated_patterns,
)

_MSVC_INSTALL = Fix(
    'winget install Microsoft.VisualStudio.2022.BuildTools --override '
    '"--passive --wait --add Microsoft.VisualStudio.Workload.VCTools --includeRecommended"',
    "install the Microsoft C++ Build Tools (or the installer from "
    "https://visualstudio.microsoft.com/visual-cpp-build-tools/, workload \"Desktop development with C++\")",
)
# the link.exe that ran was GNU coreutils' (Git for Windows' usr\bin, MSYS2), not Microsoft's linker
_GNU_LINK = "link.exe (a GNU coreutils link ran instead)"
_GNU_LINK_FIX = Fix("where link", "if the Build Tools are installed: the `link` listed before Microsoft's comes from Git"
                    " for Windows' usr\\bin or MSYS2; take that folder off PATH, or build from a Developer PowerShell"
                    " for Visual Studio")
_VSWHERE = (
    '"%ProgramFiles(x86)%\\Microsoft Visual Studio\\Installer\\vswhere.exe" -latest -products * '
    "-requires Microsoft.VisualStudio.Component.VC.Tools.x86.x64 -property installationPath"
)
_XCODE = Fix("xcode-select --install", "install the Xcode Command Line Tools (clang, the SDK headers)")


def _compiler_fix(packages, what):
    def fix(ctx: Context):
        system = ctx.platform.system
        if system == "windows":
            return (_MSVC_INSTALL,)
        if system == "darwin":
            return (_XCODE,)
        return install(ctx, packages, "install " + what) or (
            Fix("", "install %s with your system's package manager (gcc, or clang)" % what),
        )

    return fix


def _version_check(default):
    def verify(ctx: Context):
        if ctx.platform.system == "windows":
            return (_VSWHERE,)
        name = program(ctx.detail) if ctx.detail and ctx.detail not in ("cc1", "cc1plus", "as") else default
        return (quote(name) + " --version",)

    return verify


C_COMPILER = Rule(
    code="PX001",
    cause="compiler-missing",
    title="C compiler not found",
    summary="{package} contains C code that has to be compiled, and the build could not run a C compiler"
    " ({detail} is not installed, or not on PATH).",
    patterns=missing_program(is_c_compiler) + meson_cmake_compiler(r"cc|gcc|clang|icc|icx", "C", "CC", "cc")
    + (
        # Solaris' /usr/ucb/cc, a stub that stands in for Sun Studio's compiler when none is installed: "/usr/ucb/cc:
        # language optional software package not installed" (pycrypto under Solaris 10's Python 2.6, whose pycc
        # wrapper runs cc; b25-termux-bsd-wasm/05)
        Pattern("language optional software package not installed", r"(?P<d>/usr/ucb/cc):\s{1,4}language optional software"
                r" package not installed", clean=lambda d: "cc"),
        Pattern("no acceptable c compiler", r"no acceptable C compiler found in \$PATH", detail="cc"),
        # astropy_helpers' setup_helpers (astropy, photutils, regions, reproject ... < 2019): "The C compiler used to
        # compile Python gcc-4.2, and / which is normally used to compile C extensions, is not / available." (its
        # check of sysconfig's CC; astropy 1.3.2 under Thonny, b54-domain-science/24)
        Pattern("the c compiler used to compile python", r"\bThe C compiler used to compile Python (?P<d>[\w.+/-]{1,64}),"
                r" and\s*$", then=r"\bis not(?: available)?\.?\s*$", within=2, clean=lambda d: d.rsplit("/", 1)[-1]),
        # waf's compiler_c after its "Checking for 'gcc' (C compiler) : not found" lines (waflib/Tools/compiler_c.py;
        # PyInstaller's bootloader on armv7 Alpine, b16-arm-embedded/09)
        Pattern("could not configure a c compiler", r"\bcould not configure a C compiler!", detail="gcc"),
        # rustc links through the C compiler: "error: linker `cc` not found"
        Pattern("linker `", r"error: linker `(?P<d>[^`\s]+)` not found", is_c_compiler),
        # cffi's setup.py when distutils cannot compile "int some_regular_variable_42;" (its
        # no_working_compiler_found()): no compiler, or one that fails on Python's flags. Weak: the errors it
        # points to ("See the error messages above") or a later failure say more when the log has them.
        Pattern("no working compiler found", r"No working compiler found, or bogus compiler options", detail="cc",
                weak=True),
        # ... and its line that says "error" (cffi >= 1.10's wording; else it would count as an error no pattern
        # explains, after the weak match)
        # scikit-build (classic) after every generator it tried failed its test project: no compiler for any of
        # them (on Windows: no Visual Studio; rules/_knowledge.py)
        Pattern("could not get a working generator", r"scikit-build could not get a working generator for your system",
                detail="cc"),
        # gcc's driver on Cygwin when it cannot start its compiler proper (cc1; cc1plus for C++ sources, see
        # rules/_knowledge.py): "gcc: error: spawn: No such file or directory" (libiberty's pex on Windows hosts;
        # cysignals on AppVeyor's Cygwin, b9-platforms/24)
        Pattern("spawn: no such file", r"\bg?cc: error: spawn: No such file or directory", detail="cc1"),
        # ... or its assembler, binutils' `as`, which every C compile runs after cc1: "gcc: error trying to exec
        # 'as': execvp: No such file or directory" (gcc 6; newer: "cannot execute 'as'"), the toolchain incomplete
        # (pytsk3's bundled SleuthKit configure on Debian 9, b31-unseen-headers-2/08)
        Pattern("execvp", r"\bg?cc(?:-[\d.]{1,6})?: (?:fatal )?error(?: trying to exec|: cannot execute) %sas%s: execvp:"
                % (OPEN, CLOSE), detail="as"),
        # ... or its linker: collect2, which gcc runs to link, finds no ld on its search path, "collect2: fatal error:
        # cannot find 'ld'" (GCC's collect2.cc: fatal_error (..., "cannot find %qs", ld_file_name)); meson shows it
        # under "ERROR: Unable to detect linker for compiler `cc -Wl,--version`" (siphash24 with binutils hidden from
        # PATH, live batch 63); the translated wordings come from gcc's catalogue (below)
        Pattern("cannot find", r"\bcannot find %s\s?(?P<d>ld(?:\.\w{1,8})?)\s?%s" % (OPEN, CLOSE)),
        # CMake given a compiler it cannot find: "The CMAKE_C_COMPILER:" / "cl" / "is not a full path and was not
        # found in the PATH." (on Windows, cl outside a Visual Studio environment: rules/_knowledge.py; slycot)
        Pattern("is not a full path", r"is not a full path and was not found in the PATH", detail="cc"),
        # uWSGI's uwsgiconfig.py when running the compiler fails: "Exception: you need a C compiler to build uWSGI"
        # (older: "*** you need a c compiler to build uWSGI ***")
        Pattern("you need a c compiler", r"\byou need a C compiler\b", detail="cc"),
        Pattern("likely, the problem is not related", r"the error messages above\.\s+Likely, the problem is not"
                r" related", detail="cc", weak=True),
    ) + translated_patterns("gcc.cannot_find", r"(?P<d>ld(?:\.\w{1,8})?)"),
    fix=_compiler_fix(
        table(apt="build-essential", dnf="gcc", yum="gcc", apk="build-base", pacman="base-devel", zypper="gcc",
              conda="c-compiler"),
        "a C compiler",
    ),
    verify=_version_check("cc"),
    why="pip builds from the source distribution when the index has no wheel for your Python version and"
    " platform (or when asked to); building a C extension runs the C compiler, often through setuptools,"
    " meson or CMake. Slim container images and fresh machines have none.",
    prevent="Pick a Python version the package ships wheels for, or install a compiler in the image you build"
    " in (build-essential / gcc / build-base).",
    examples=(
        "  could not configure a C compiler!",
        "error: command 'gcc' failed: No such file or directory",
        "error: command '/usr/bin/x86_64-linux-gnu-gcc' failed: No such file or directory",
        "unable to execute 'gcc': No such file or directory",
        "unable to execute gcc: No such file or directory",
        "error: [Errno 2] No such file or directory: 'gcc'",
        "sh: 1: x86_64-linux-gnu-gcc: not found",
        "/bin/sh: cc: command not found",
        "gcc: error trying to exec 'cc1': execvp: No such file or directory",
        "ERROR: Unknown compiler(s): [['cc'], ['gcc'], ['clang'], ['nvc'], ['pgcc'], ['icc'], ['icx']]",
        "-- No CMAKE_C_COMPILER could be found.",
        "configure: error: no acceptable C compiler found in $PATH",
        "error: linker `cc` not found",
        "Exception: you need a C compiler to build uWSGI",
        # cc-rs's ToolNotFound (a Rust build script compiling C)
        "  error occurred: Failed to find tool. Is `gcc` installed?",
        # cffi's setup.py: cffi 1.11.5 on python:alpine (blind b5/01), cffi 1.5.2 in the cryptography docs
        "        No working compiler found, or bogus compiler options passed to",
        "          No working compiler found, or bogus compiler options",
    ),
    counter_examples=(
        "error: command '/usr/bin/gcc' failed with exit code 1",
        "error: command 'gcc' failed with exit status 1",
        "sh: 1: pkg-config: not found",
        "error: [Errno 2] No such file or directory: 'README.md'",
        "mpicc: command not found",
        "error: command 'gcc' failed: No such file",
    ),
)

CXX_COMPILER = Rule(
    code="PX002",
    cause="cxx-compiler-missing",
    title="C++ compiler not found",
    summary="{package} contains C++ code that has to be compiled, and the build could not run a C++ compiler"
    " ({detail} is not installed, or not on PATH).",
    patterns=missing_program(is_cxx_compiler) + meson_cmake_compiler(r"c\+\+|g\+\+|clang\+\+", "CXX", "CXX", "c++") + (
        # gcc's driver handed a C++ source while built (or installed) without its C++ front end: its spec "#C++"
        # says "gcc: error: x.cxx: C++ compiler not installed on this system" (gcc/gcc.cc's default_compilers;
        # openmm through nixpkgs' gfortran wrapper, b15-installers-framing/03; a MIPS SDE gcc in its thread)
        # waf's compiler_cxx (waflib/Tools/compiler_cxx.py), worded as its C one
        Pattern("could not configure a c++ compiler", r"\bcould not configure a C\+\+ compiler!", detail="g++"),
        Pattern("c++ compiler not installed on this system", r"error: \S{1,300}: C\+\+ compiler not installed on this"
                r" system", detail="g++"),
    ),
    fix=_compiler_fix(
        table(apt="g++", dnf="gcc-c++", yum="gcc-c++", apk="g++", pacman="base-devel", zypper="gcc-c++",
              conda="cxx-compiler"),
        "a C++ compiler",
    ),
    verify=_version_check("c++"),
    why="Some distributions split the C++ compiler from the C compiler (Debian's g++, Fedora's gcc-c++): gcc"
    " runs, but compiling .cpp/.cc files needs cc1plus from the C++ package.",
    prevent="Install the C++ compiler together with the C compiler in build images.",
    examples=(
        "error: command 'g++' failed: No such file or directory",
        "gcc: fatal error: cannot execute ‘cc1plus’: execvp: No such file or directory",
        "gcc: fatal error: cannot execute 'cc1plus': execvp: No such file or directory",
        "error: [Errno 2] No such file or directory: 'x86_64-linux-gnu-g++'",
        "sh: 1: c++: not found",
        "-- No CMAKE_CXX_COMPILER could be found.",
        "gcc: error: src/swig_doxygen/OpenMMSwig.cxx: C++ compiler not installed on this system",
    ),
    counter_examples=("error: command '/usr/bin/g++' failed with exit code 1",
                      "gcc-7: error: src/x/SDL_sysfilesystem.m: Objective-C compiler not installed on this system"),
)

MSVC = Rule(
    code="PX003",
    cause="msvc-missing",
    title="Microsoft C++ Build Tools not found",
    summary="{package} has to be compiled, and on Windows that needs the Microsoft C++ Build Tools,"
    " which were not found.",
    patterns=missing_program(is_msvc) + (
        Pattern("microsoft visual c++", r"Microsoft Visual C\+\+ (?P<d>\d+(?:\.\d+)?) (?:or greater )?is required"),
        # ... hard-wrapped by a frontend that reflows the build's output to its width: "error: Microsoft Visual C++
        # 14.0 or greater is" / "required. Get it with ..." (uv under the Krita AI Diffusion plugin,
        # b23-wrappers-framing/01); setuptools' msvc.py has no other sentence that starts this way
        Pattern("microsoft visual c++", r"\berror: Microsoft Visual C\+\+ (?P<d>\d+(?:\.\d+)?) (?:or greater )?is\s*$",
                then=r"^\s*required\b", within=1),
        Pattern("vcvarsall", r"Unable to find vcvarsall\.bat"),
        # Python 2.7's distutils (msvc9compiler.query_vcvarsall) when vcvarsall.bat ran but set no compiler for the
        # platform asked (Visual C++ 2008 Express has no 64-bit compilers): it raises the keys it did get, "ValueError:
        # [u'path']" (Quillpad on a 64-bit Python 2.7, b49-win-mac-2014-20-g/26)
        Pattern("valueerror: [", r"^\s*ValueError: \[u?'path'\]\s*$", detail="9.0"),
        # setuptools' msvc.py composing paths of a Visual Studio that is not (fully) there, then listing one: "error:
        # [WinError 3] The system cannot find the path specified: 'C:\\Program Files (x86)\\Microsoft Visual Studio
        # 14.0\\VC\\PlatformSDK\\lib'" (winkerberos on a server with Python 3.7, b39-old-pip-longtail-10/03;
        # the line wrapped by the console there), the version its directory names
        Pattern("winerror 3", r"\[WinError 3\][^\n]{0,200}?['\"][A-Za-z]:\\{1,2}Program Files(?: \(x86\))?\\{1,2}Microsoft"
                r" Visual Studio (?P<d>\d{1,2}\.\d)\b"),
        Pattern("winerror 3", r"\[WinError 3\][^\n]{0,200}?['\"][A-Za-z]:\\{1,2}Program Files(?: \(x86\))?\\{1,2}Microsoft"
                r" Visual Studio \d{1,2}\.\s*$", then=r"^\s*\d\\", within=1),
        # setuptools' distutils (_msvccompiler.py) when vswhere / vcvarsall find no usable MSVC: "error: Unable to find
        # a compatible Visual Studio installation." (webrtcvad on 32-bit Python 3.8, b16-lang-pages/02; greenlet,
        # shap, chroma-hnswlib in other reports)
        Pattern("unable to find a compatible visual studio", r"Unable to find a compatible Visual Studio installation"),
        # setuptools' msvc.py (EnvironmentInfo._build_paths) when none of the Visual C++ directories it computed
        # exists: "error: INCLUDE environment variable is empty" (also LIB and LIBPATH; not PATH, which says less;
        # pyltp on Python 2.7 without Visual C++ for Python 2.7, b18-lang-issues/14)
        Pattern("environment variable is empty", r"\b(?:INCLUDE|LIB|LIBPATH) environment variable is empty\b"),
        # meson's --vsenv (meson-python on Windows) when vswhere lists no Visual Studio with the C++ tools: its
        # vsenv.py "Could not parse vswhere.exe output" (contourpy 1.1.0, b13-buildsystems/05)
        Pattern("could not parse vswhere.exe output", r"ERROR: Could not parse vswhere\.exe output"),
        # setuptools 24-40's msvc.py with no Visual C++ at all: find_available_vc_vers() is empty and
        # _find_latest_available_vc_ver indexes it ("IndexError: list index out of range"; cffi on 3.7,
        # b13-win-mac-locale/16; setuptools' own source, msvc.py)
        Pattern("_find_latest_available_vc_ver", r"msvc\.py\W{1,4} line \d{1,5}, in _find_latest_available_vc_ver",
                then=r"^\s*IndexError: list index out of range", within=3),
        Pattern("cl.exe", r"command %s(?P<d>[^'\"]*cl\.exe)%s failed: None" % ("['\"]", "['\"]")),
        # cl.exe present but its compiler passes are not: "Command line error D8027 : cannot execute '...c1xx.dll'"
        Pattern("d8027", r"Command line error D8027\s?: cannot execute", detail="cl.exe"),
        # meson on Windows tries icl, then cl (mesonbuild/compilers/detect.py's defaults there): none of its list
        # found, after "Failed to activate VS environment" when there is no Visual Studio
        Pattern("unknown compiler(s)", r"Unknown compiler\(s\): \[\[['\"]icl['\"]\], \[['\"]cl['\"]\]", detail="cl.exe"),
        # CMake's Visual Studio generators first build a probe project, VCTargetsPath.vcxproj, to find the C++
        # toolset (cmGlobalVisualStudio10Generator::FindVCTargetsPath); MSBuild failing it ("error : The
        # BaseOutputPath/OutputPath property is not set for project 'VCTargetsPath.vcxproj'") means the C++ tools for
        # that platform are not in the Visual Studio instance (pocketsphinx on Windows ARM64 with VS 18 Build Tools,
        # b23-fresh-2026/04)
        Pattern("vctargetspath.vcxproj", r"\berror\b[^\n]{0,300}(?:\s|^|[/\\\\])['\"]?VCTargetsPath\.vcxproj\b", detail="cl.exe"),
        Pattern("is not set for project", r"\berror\b[^\n]{0,200}\bproperty is not set for project\s*$", detail="cl.exe",
                then=r"^\s*['\"]?VCTargetsPath\.vcxproj\b", within=1),
        # PyTorch's cpp_extension checks cl before building (check_compiler_ok_for_platform): "UserWarning: Error
        # checking compiler version for cl: [WinError 2] <the system's words>" when cl is not on PATH; a probe, the
        # answer when nothing later names the failure (the build's own bare "error: [WinError 2]": yolov5_obb's
        # nms_rotated, b24-intl-pages/03; yolox, selective_scan and three more with setuptools' words after it)
        Pattern("error checking compiler version for cl", r"Error checking compiler version for cl: \[Win(?:Error 2\]|\s*$)",
                detail="cl.exe", probe=True),
        # Rust on Windows: "error: linker `link.exe` not found"
        Pattern("linker `link.exe` not found", r"linker `link\.exe` not found", detail="link.exe"),
        # ... or a link.exe that is not Microsoft's: rustc takes the PATH's link.exe when it finds no Visual Studio
        # C++ tools, and Git for Windows' (or MSYS2's) GNU coreutils `link` answers with its usage error: "= note:
        # link: extra operand 'C:\...\build_script_build-....rcgu.o'" / "Try 'link --help' for more information."
        # (html-to-markdown on Windows 11, b17-win-arm-cygwin/06; coreutils' link.c)
        Pattern("link: extra operand", r"(?:= note: |^\s*)link: extra operand ['\"‘]", detail=_GNU_LINK),
        # the Build Tools without the Windows SDK: C1083 on the C runtime's or the SDK's own headers (or on the C++
        # standard library's, <map>, <algorithm>: cl run outside a Visual Studio environment)
        Pattern("c1083", MSVC_C1083, is_msvc_own_header),
        # ... or a setup script's own search for it: pywin32's setup.py "RuntimeError: Can't find the Windows SDK"
        # (after its "Can't find a windows 10 sdk"; b34-bindings-4/17, /18)
        Pattern("windows sdk", r"\bCan't find (?:the|a) Windows (?:10 )?SDK\b", detail="Windows SDK"),
        # meson's sanity check of cl (mesonbuild/compilers: "Compiler {name_string()} cannot compile programs.",
        # before 0.63 "can not"): cl runs, and a trivial program does not build with it (LNK1104 kernel32.lib,
        # C1083 on the SDK's headers: the Build Tools without their Windows SDK)
        Pattern("compile programs", r"\bCompiler (?P<d>[^\n]{0,300}?) can ?not compile programs", is_msvc,
                clean=lambda d: "cl.exe"),
        # link.exe cannot run the Windows SDK's resource compiler or manifest tool: "LINK : fatal error LNK1158:
        # cannot run 'rc.exe'" (translated: the code and the quoted name stay)
        Pattern("lnk1158", r"\bLNK1158\b(?:[^'\"“\n]|(?<=\w)'(?=\w)){0,80}['\"“](?P<d>[^'\"”]{1,260}?\.exe)['\"”]", is_msvc_link_helper,
                clean=lambda d: program(d).lower() + ".exe"),
        # CMake on Windows with no Visual Studio to generate for: it falls back to "NMake Makefiles" (its default
        # when it finds no Visual Studio; MinGW Makefiles when asked or with a MinGW-built CMake), whose make
        # program is not there either: "CMake was unable to find a build program corresponding to "NMake
        # Makefiles"", or, in a CMake project() call, "Running / 'nmake' '-?' / failed with: ..." (pyscamp,
        # SCAMP #98; pycdc #484; llama-cpp-python on Windows, blind b8-pages/28). A CPython extension on
        # Windows wants MSVC; the next lines ("CMAKE_C_COMPILER not set") are consequences.
        Pattern("unable to find a build program",
                r'CMake was unable to find a build program corresponding to "(?:NMake|MinGW) Makefiles"',
                detail="cl.exe"),
        Pattern("'nmake' '-?'", r"^\s*'nmake' '-\?'\s*$", detail="nmake.exe", then=r"failed with", within=3),
        # CMake's Visual Studio generator with no Visual Studio installed: "CMake Error at CMakeLists.txt:2 (PROJECT):
        # / Generator / Visual Studio 17 2022 / could not find any instance of Visual Studio." A probe: scikit-build
        # tries its generators in turn (Ninja, NMake, VS 2022, 2019, 2017) and fails only after the last (win11toast
        # #52, VideoProcessingFramework #507, Parselmouth #72)
        # ... and its verdict: "scikit-build could not get a working generator for your system. Aborting build." /
        # "Building windows wheels requires Microsoft Visual Studio." ("... for Python 3.6 requires Microsoft Visual
        # Studio 2022."; skbuild/setuptools_wrap.py)
        # CMake prints "-- Building for: X" only for a generator it chose itself; on Windows it chooses NMake only
        # when it finds no Visual Studio (cmake.cxx's default-generator search). Weak: what failed is said later
        # (b8-unseen-pages/45, b9-issues/52, b14-newtools-2526/02 and seven more, all msvc-missing)
        Pattern("building for: nmake makefiles", r"^\s*-- Building for: NMake Makefiles\s*$", detail="cl.exe", weak=True),
        # ... and NMake chosen that way refusing the platform a setup script passes for Visual Studio ("-A x64"):
        # "Generator / NMake Makefiles / does not support platform specification, but platform / x64 / was specified."
        # (cmGlobalGenerator's message, the generator's name on a line of its own; libmedia_codec's setup.py,
        # b54-domain-media-hw/17)
        Pattern("nmake makefiles", r"^\s*NMake Makefiles\s*$", detail="cl.exe",
                then=r"\bdoes not support platform specification, but platform\b", within=3),
        # dlib's CMakeLists.txt on Windows without it: "You must use Visual Studio to build a python extension on
        # windows.  If you are getting this error it means you have not installed Visual C++." (face_recognition's
        # dependency; DDColor's requirements, b18-popular-2023-24/09)
        Pattern("you must use visual studio", r"You must use Visual Studio to build a python extension on windows",
                detail="cl.exe"),
        Pattern("building windows wheels", r"Building windows wheels (?:for Python [\d.]+ )?requires Microsoft Visual"
                r" Studio", detail="cl.exe"),
        Pattern("could not find any instance of visual studio", r"could not find any instance of Visual Studio",
                detail="cl.exe", probe=True),
        # link.exe cannot open an import library of the Windows SDK or the C runtime (kernel32.lib, ucrt.lib,
        # msvcrt.lib ...): the Build Tools without their SDK, or LIB not set up (mgrs, a CMake try-compile in
        # libmem, dotnet/corert #7521). A library of the package or of Python (python39.lib) is another failure.
        Pattern("lnk1104", r"\bLNK1104\b(?:[^'\"“\n]|(?<=\w)'(?=\w)){0,80}['\"“](?P<d>[^'\"”]{1,260}?\.lib)['\"”]", is_windows_sdk_lib,
                clean=lambda d: d.replace("\\", "/").rsplit("/", 1)[-1].lower()),
    ),
    fix=lambda ctx: (_MSVC_INSTALL,) + ((_GNU_LINK_FIX,) if ctx.detail == _GNU_LINK else ()),
    verify=lambda ctx: (_VSWHERE,),
    why="CPython on Windows is built with Microsoft's compiler, and C extensions must be compiled with the same"
    " one; it is not part of Windows or of Python. setuptools looks for it through vswhere and vcvarsall.bat.",
    prevent="Prefer Python versions the package publishes Windows wheels for (a brand-new Python often has"
    " none yet); install the Build Tools workload \"Desktop development with C++\" once per machine.",
    # Facts from setuptools' and distutils' messages (MSVC cannot be produced on Linux).
    examples=(
        "      error: Unable to find a compatible Visual Studio installation.",
        "error: command 'mc.exe' failed: No such file or directory",
        '"rc" non è riconosciuto come comando interno o esterno,',
        'error: Microsoft Visual C++ 14.0 or greater is required. Get it with "Microsoft C++ Build Tools": '
        "https://visualstudio.microsoft.com/visual-cpp-build-tools/",
        'error: Microsoft Visual C++ 14.0 is required. Get it with "Build Tools for Visual Studio": '
        "https://visualstudio.microsoft.com/downloads/",
        "error: Unable to find vcvarsall.bat",
        "error: INCLUDE environment variable is empty",
        "error: command 'cl.exe' failed: No such file or directory",
        "error: command 'cl.exe' failed: None",
        # setuptools' msvc.py listing a Visual Studio directory that is not there (b39-old-pip-longtail-10/03)
        "error: [WinError 3] The system cannot find the path specified: 'C:\\\\Program Files (x86)\\\\Microsoft Visual"
        " Studio 14.0\\\\VC\\\\PlatformSDK\\\\lib'",
        # nvcc's host compiler (cudamat on Windows, b36-cpp-cuda-ext/21)
        "      nvcc fatal   : Cannot find compiler 'cl.exe' in PATH",
        "C:\\Python312\\include\\pyconfig.h(59): fatal error C1083: Cannot open include file: 'io.h': No such file or"
        " directory",
        "error: linker `link.exe` not found",
        "        = note: link: extra operand 'C:\\Users\\user\\AppData\\Local\\Temp\\pip-install-3v_3u0aq\\x\\target\\"
        "release\\build\\proc-macro2-d02ee965a34aecad\\build_script_build-d02ee965a34aecad.rcgu.o'",
        "..\\meson.build:1:0: ERROR: Unknown compiler(s): [['icl'], ['cl'], ['cc'], ['gcc'], ['clang'], ['clang-cl'],"
        " ['pgcc']]",
        " fatal error C1083: 无法打开包括文件: “io.h”: No such file or directory",
        "mesh_core.h(4): fatal error C1083: 无法打开包括文件: “stdio.h”: No such file or directory",
        # the same, GBK read as UTF-8 by a web page (mistree on Windows, blind b8-pages/18)
        "include\\pyconfig.h(59): fatal error C1083: \ufffd\u07b7\ufffd\ufffd\u0530\ufffd\ufffd\ufffd\u013c\ufffd:"
        " \ufffd\ufffdio.h\ufffd\ufffd: No such file or directory",
        "cl : Command line error D8027 : cannot execute 'C:\\BuildTools\\VC\\bin\\c1xx.dll'",
        # meson's sanity check: contourpy (blind b6/22), scipy 1.9.1 (mesonbuild/meson #10795), numpy 2.0.2
        # (pennylane #6739), a full path (meson #12787)
        "      ..\\meson.build:1:0: ERROR: Compiler cl cannot compile programs.",
        "      ..\\..\\meson.build:1:0: ERROR: Compiler cl can not compile programs.",
        "meson.build:1:0: ERROR: Compiler C:\\Program Files\\Microsoft Visual Studio\\2022\\Community\\VC\\Tools\\MSVC"
        "\\14.37.32822\\bin\\Hostx64\\x64\\cl.exe cannot compile programs.",
        # pycocotools from git under Anaconda (blind b5/69), cffi's ffi.verify() on Windows, IntelPython sdc
        "    LINK : fatal error LNK1158: cannot run 'rc.exe'",
        "  LINK : fatal error LNK1104: cannot open file 'kernel32.lib'",
        "    could not find any instance of Visual Studio.",
        "C:\\Anaconda3\\lib\\site-packages\\torch\\utils\\cpp_extension.py:316: UserWarning: Error checking compiler"
        " version for cl: [WinError 2] The system cannot find the file specified",
        "                      Building windows wheels requires Microsoft Visual Studio.",
        "      -- Building for: NMake Makefiles",
        "        You must use Visual Studio to build a python extension on windows.  If you",
        "  Building windows wheels for Python 3.6 requires Microsoft Visual Studio 2022.",
        'CMake Error: CMake was unable to find a build program corresponding to "MinGW Makefiles".  CMAKE_MAKE_PROGRAM'
        " is not set.  You probably need to select a different build tool.",
    ),
    counter_examples=(
        # gcc-only flags handed to MSVC: the package does not support MSVC, a genuine error
        "cl : Command line error D8021 : invalid numeric argument '/Wno-cpp'",
        "error: command 'C:\\\\Program Files\\\\Microsoft Visual Studio\\\\2022\\\\BuildTools\\\\VC\\\\Tools\\\\MSVC"
        "\\\\14.38.33130\\\\bin\\\\HostX86\\\\x64\\\\cl.exe' failed with exit code 2",
        # meson's sanity check of a compiler that is there on Linux: a broken toolchain, not MSVC
        "../meson.build:1:0: ERROR: Compiler cc cannot compile programs.",
        # Python's own import library (dlib #411): the interpreter's libs folder, not the SDK
        "LINK : fatal error LNK1104: cannot open file 'python35.lib'",
    ),
)

XCODE = Rule(
    code="PX004",
    cause="xcode-clt-missing",
    title="Xcode Command Line Tools not found",
    summary="{package} has to be compiled, and on macOS the compiler (clang) and the SDK come with the Xcode"
    " Command Line Tools, which are not installed (or were removed by a macOS upgrade).",
    patterns=(
        Pattern("invalid active developer path", r"xcrun: error: invalid active developer path"),
        Pattern("no developer tools were found", r"xcode-select: note: no developer tools were found"),
        Pattern("xcrun: error: unable to find utility",
                r"xcrun: error: unable to find utility \W?(?P<d>clang\+*|cc|c\+\+|ld|ar|make)\W"),
        # Xcode installed, its license not accepted: every tool it runs (clang) exits with status 69 after
        # "You have not agreed to the Xcode license agreements, please run 'sudo xcodebuild -license' ..."
        Pattern("xcode license", r"You have not agreed to the Xcode license", detail="license"),
        # xcrun without an SDK: Command Line Tools without their SDK, or an Xcode whose SDK is gone
        Pattern("cannot be located", r"xcrun: error: SDK \W?macosx[\d.]*\W? cannot be located"),
        # the macOS SDK this Python was built against (its sysconfig's -isysroot) is not on this Mac: a hint, the
        # error that follows (a standard header not found) decides (Multicorn #253)
        Pattern("sdk'", r"no such (?:sysroot directory|file or directory): '[^'\n]{0,300}/SDKs/MacOSX[\d.]*\.sdk'",
                weak=True),
    ),
    fix=lambda ctx: ((Fix("sudo xcodebuild -license accept", "accept the Xcode license (Xcode's tools refuse to run"
                          " until it is)"),) if ctx.detail == "license" else (_XCODE,)),
    verify=lambda ctx: ("xcode-select -p", "clang --version"),
    why="macOS ships no compiler by default. `xcode-select --install` adds clang, the linker and the SDK headers;"
    " a major macOS upgrade often removes them again, and every build then fails in `xcrun` before compiling.",
    prevent="After each macOS upgrade run `xcode-select -p`; prefer packages with macOS wheels (universal2 or"
    " arm64/x86_64).",
    # Facts: xcrun's wording, as users report it after macOS upgrades.
    examples=(
        "xcrun: error: invalid active developer path (/Library/Developer/CommandLineTools), missing xcrun at:"
        " /Library/Developer/CommandLineTools/usr/bin/xcrun",
        "xcode-select: note: no developer tools were found at '/Applications/Xcode.app', requesting install."
        " Choose an option in the dialog to download the command line developer tools.",
        'xcrun: error: SDK "macosx" cannot be located',
        "      You have not agreed to the Xcode license agreements, please run 'sudo xcodebuild -license' from within a"
        " Terminal window to review and agree to the Xcode license agreements.",
        "clang: warning: no such sysroot directory: '/Applications/Xcode.app/Contents/Developer/Platforms/MacOSX.platform"
        "/Developer/SDKs/MacOSX10.14.sdk' [-Wmissing-sysroot]",
    ),
)

_FORTRAN_PACKAGES = table(apt="gfortran", dnf="gcc-gfortran", yum="gcc-gfortran", apk="gfortran", pacman="gcc-fortran",
                          zypper="gcc-fortran", brew="gcc", conda="fortran-compiler")

def _fortran_fix(ctx: Context):
    if ctx.platform.system == "darwin" and not ctx.platform.manager == "conda":
        return (Fix("brew install gcc", "Homebrew's gcc provides gfortran"),)
    return install(ctx, _FORTRAN_PACKAGES, "install a Fortran compiler") or (
        Fix("", "install gfortran (part of GCC) with your system's package manager"),
    )


FORTRAN = Rule(
    code="PX005",
    cause="fortran-missing",
    title="Fortran compiler not found",
    summary="{package} contains Fortran code (common in scientific packages such as SciPy), and the build"
    " found no Fortran compiler.",
    patterns=missing_program(is_fortran_compiler)
    + meson_cmake_compiler(r"gfortran|flang[\w-]*|ifort|ifx|f95|g95", "Fortran", "FC", "gfortran") + (
        # numpy.distutils
        Pattern("no fortran compiler found", r"has Fortran sources but no Fortran compiler found"),
        # gcc's driver without its Fortran front end (its spec "#Fortran", gcc/gcc.cc)
        Pattern("fortran compiler not installed on this system", r"error: \S{1,300}: Fortran compiler not installed on"
                r" this system", detail="gfortran"),
    ),
    fix=_fortran_fix,
    verify=lambda ctx: ("gfortran --version",),
    why="Packages with Fortran code compile it on your machine when pip finds no wheel for your Python and"
    " platform; a C compiler alone is not enough.",
    prevent="Use a Python version and platform the package publishes wheels for (then nothing is compiled).",
    examples=(
        "../meson.build:78:0: ERROR: Unknown compiler(s): [['gfortran'], ['flang-new'], ['flang'], ['nvfortran'],"
        " ['pgfortran'], ['ifort'], ['ifx'], ['g95']]",
        "error: library dfftpack has Fortran sources but no Fortran compiler found",
        "-- No CMAKE_Fortran_COMPILER could be found.",
        "error: command 'gfortran' failed: No such file or directory",
        # gcc's "#Fortran" spec, worded as its "#C++" one above
        "gcc: error: scipy/x/y.f: Fortran compiler not installed on this system",
        # camb's setup.py (live batch 31)
        "      RuntimeError: You need ifort or gfortran 6 or higher to compile (found: None).",
    ),
)

RULES = (C_COMPILER, CXX_COMPILER, MSVC, XCODE, FORTRAN)
