"""No compiler: C (PX001), C++ (PX002), Microsoft C++ Build Tools (PX003)."""
from pip_explain.enrich.fixes import Context, install, quote, table
from pip_explain.model import Fix, Pattern, Rule
from pip_explain.rules._shapes import is_c_compiler, is_cxx_compiler, is_msvc, missing_program, program

_MSVC_INSTALL = Fix(
    'winget install Microsoft.VisualStudio.2022.BuildTools --override '
    '"--passive --wait --add Microsoft.VisualStudio.Workload.VCTools --includeRecommended"',
    "install the Microsoft C++ Build Tools (or the installer from "
    "https://visualstudio.microsoft.com/visual-cpp-build-tools/, workload \"Desktop development with C++\")",
)
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
        name = program(ctx.detail) if ctx.detail and ctx.detail not in ("cc1", "cc1plus") else default
        return (quote(name) + " --version",)

    return verify


C_COMPILER = Rule(
    code="PX001",
    cause="compiler-missing",
    title="C compiler not found",
    summary="{package} contains C code that has to be compiled, and the build could not run a C compiler"
    " ({detail} is not installed, or not on PATH).",
    patterns=missing_program(is_c_compiler) + (
        Pattern("unknown compiler(s)", r"Unknown compiler\(s\): \[\[['\"](?P<d>cc|gcc|clang|icc|icx)['\"]"),
        Pattern("no cmake_c_compiler", r"No CMAKE_C_COMPILER could be found", detail="cc"),
        Pattern("no acceptable c compiler", r"no acceptable C compiler found in \$PATH", detail="cc"),
    ),
    fix=_compiler_fix(
        table(apt="build-essential", dnf="gcc", yum="gcc", apk="build-base", pacman="base-devel", zypper="gcc",
              conda="c-compiler"),
        "a C compiler",
    ),
    verify=_version_check("cc"),
    examples=(
        "error: command 'gcc' failed: No such file or directory",
        "error: command '/usr/bin/x86_64-linux-gnu-gcc' failed: No such file or directory",
        "unable to execute 'gcc': No such file or directory",
        "error: [Errno 2] No such file or directory: 'gcc'",
        "sh: 1: x86_64-linux-gnu-gcc: not found",
        "/bin/sh: cc: command not found",
        "gcc: error trying to exec 'cc1': execvp: No such file or directory",
        "ERROR: Unknown compiler(s): [['cc'], ['gcc'], ['clang'], ['nvc'], ['pgcc'], ['icc'], ['icx']]",
        "-- No CMAKE_C_COMPILER could be found.",
        "configure: error: no acceptable C compiler found in $PATH",
    ),
    counter_examples=(
        "error: command '/usr/bin/gcc' failed with exit code 1",
        "error: command 'gcc' failed with exit status 1",
        "sh: 1: pkg-config: not found",
        "error: [Errno 2] No such file or directory: 'README.md'",
        "mpicc: command not found",
    ),
)

CXX_COMPILER = Rule(
    code="PX002",
    cause="cxx-compiler-missing",
    title="C++ compiler not found",
    summary="{package} contains C++ code that has to be compiled, and the build could not run a C++ compiler"
    " ({detail} is not installed, or not on PATH).",
    patterns=missing_program(is_cxx_compiler) + (
        Pattern("unknown compiler(s)", r"Unknown compiler\(s\): \[\[['\"](?P<d>c\+\+|g\+\+|clang\+\+)['\"]"),
        Pattern("no cmake_cxx_compiler", r"No CMAKE_CXX_COMPILER could be found", detail="c++"),
    ),
    fix=_compiler_fix(
        table(apt="g++", dnf="gcc-c++", yum="gcc-c++", apk="g++", pacman="base-devel", zypper="gcc-c++",
              conda="cxx-compiler"),
        "a C++ compiler",
    ),
    verify=_version_check("c++"),
    examples=(
        "error: command 'g++' failed: No such file or directory",
        "gcc: fatal error: cannot execute ‘cc1plus’: execvp: No such file or directory",
        "gcc: fatal error: cannot execute 'cc1plus': execvp: No such file or directory",
        "error: [Errno 2] No such file or directory: 'x86_64-linux-gnu-g++'",
        "sh: 1: c++: not found",
        "-- No CMAKE_CXX_COMPILER could be found.",
    ),
    counter_examples=("error: command '/usr/bin/g++' failed with exit code 1",),
)

MSVC = Rule(
    code="PX003",
    cause="msvc-missing",
    title="Microsoft C++ Build Tools not found",
    summary="{package} has to be compiled, and on Windows that needs the Microsoft C++ Build Tools,"
    " which were not found.",
    patterns=missing_program(is_msvc) + (
        Pattern("microsoft visual c++", r"Microsoft Visual C\+\+ (?P<d>\d+(?:\.\d+)?) (?:or greater )?is required"),
        Pattern("vcvarsall", r"Unable to find vcvarsall\.bat"),
        Pattern("cl.exe", r"command %s(?P<d>[^'\"]*cl\.exe)%s failed: None" % ("['\"]", "['\"]")),
    ),
    fix=lambda ctx: (_MSVC_INSTALL,),
    verify=lambda ctx: (_VSWHERE,),
    # Facts from setuptools' and distutils' messages (MSVC cannot be produced on Linux).
    examples=(
        'error: Microsoft Visual C++ 14.0 or greater is required. Get it with "Microsoft C++ Build Tools": '
        "https://visualstudio.microsoft.com/visual-cpp-build-tools/",
        'error: Microsoft Visual C++ 14.0 is required. Get it with "Build Tools for Visual Studio": '
        "https://visualstudio.microsoft.com/downloads/",
        "error: Unable to find vcvarsall.bat",
        "error: command 'cl.exe' failed: No such file or directory",
        "error: command 'cl.exe' failed: None",
    ),
    counter_examples=(
        "error: command 'C:\\\\Program Files\\\\Microsoft Visual Studio\\\\2022\\\\BuildTools\\\\VC\\\\Tools\\\\MSVC"
        "\\\\14.38.33130\\\\bin\\\\HostX86\\\\x64\\\\cl.exe' failed with exit code 2",
    ),
)

RULES = (C_COMPILER, CXX_COMPILER, MSVC)
