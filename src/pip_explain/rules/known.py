"""Failures outside the taxonomy whose cause and fix are known (cause ``other``,
PX09x): the answer stays ``other`` in the JSON contract, and the panel still
names what went wrong and the way out, instead of a list of lines to read.

Each is a change of the toolchain under old sources, or a distribution's
build-flag setup, recognised by the tool's own words: Fedora's hardened-build
specs without redhat-rpm-config (PX090), CMake 4 refusing a project written for
CMake < 3.5 (PX091), GCC 14 and clang 16 turning old C leniencies into errors
(PX092), Apple's clang without OpenMP (PX093), a CUDA toolkit that does not match PyTorch's (PX094)."""
import re

from pip_explain.enrich.fixes import Context, install, quote, table
from pip_explain.model import Fix, Pattern, Rule
from pip_explain.rules._shapes import (
    SDIST_TEXT_FILE,
    is_nvcc,
    library_file_gone,
    _NUMPY_BARE_HEADERS,
    is_python_package_header,
    missing_header,
    missing_program,
)

_RPM_CONFIG = table(dnf="redhat-rpm-config", yum="redhat-rpm-config")


def _rpm_config_fix(ctx: Context):
    return install(ctx, _RPM_CONFIG, "install the RPM build configuration that Python's own compiler flags name") or (
        Fix("sudo dnf install redhat-rpm-config", "install the RPM build configuration that Python's own compiler"
                                                  " flags name (Fedora, RHEL, CentOS)"),
    )


REDHAT_RPM_CONFIG = Rule(
    code="PX090",
    cause="other",
    title="Fedora's build configuration (redhat-rpm-config) not installed",
    summary="The Python of Fedora / RHEL compiles extensions with the distribution's own flags, which point gcc at"
    " spec files of the redhat-rpm-config package (redhat-hardened-cc1, redhat-annobin-cc1); that package is not"
    " installed, so gcc stops before compiling anything.",
    patterns=(
        # gcc: "gcc: error: /usr/lib/rpm/redhat/redhat-hardened-cc1: No such file or directory" (its driver's
        # "cannot read spec file '...'" in other releases); cc1 for annobin's plugin spec
        # (a message about the file, not the -specs= flag of a command line that names it)
        Pattern("/usr/lib/rpm/redhat/redhat-", r"\berror\b[^\n]{0,200}?/usr/lib/rpm/redhat/redhat-(?:hardened|annobin)"
                r"-(?:cc1|ld)'?[:：]\s"),
    ),
    fix=_rpm_config_fix,
    verify=lambda ctx: ("rpm -q redhat-rpm-config",),
    why="Distribution Pythons record the flags they were built with (sysconfig's CFLAGS), and setuptools reuses"
    " them for every extension. Fedora's include -specs=/usr/lib/rpm/redhat/redhat-hardened-cc1, a file of"
    " redhat-rpm-config, which minimal images and fresh installs lack.",
    prevent="Install gcc together with python3-devel and redhat-rpm-config in Fedora / RHEL build images.",
    # psutil (b4/20), netifaces in Docker (b4/17), xxhash (b4/16), termbox (b4/57), borg (b7/15), cffi (b7/14),
    # pywatchman (b7/16), onedrive (b3/69), chipsec (b8-pages/40)
    counter_examples=("gcc -pthread -shared -Wl,-z,relro -specs=/usr/lib/rpm/redhat/redhat-hardened-ld x.o -lpython2.7",),
    examples=(
        "gcc: error: /usr/lib/rpm/redhat/redhat-hardened-cc1: No such file or directory",
        "gcc: fatal error: cannot read spec file '/usr/lib/rpm/redhat/redhat-hardened-cc1': No such file or directory",
        "cc1: fatal error: /usr/lib/rpm/redhat/redhat-annobin-cc1: No such file or directory",
    ),
)


def _cmake4_fix(ctx: Context):
    if ctx.platform.system == "windows":
        setenv = "set CMAKE_POLICY_VERSION_MINIMUM=3.5"
    else:
        setenv = "export CMAKE_POLICY_VERSION_MINIMUM=3.5"
    return (
        Fix(setenv, "let CMake 4 configure the old project anyway (the variable CMake 4 names), then retry"),
        Fix("", "or build with CMake 3: a build constraint 'cmake<4' (PIP_BUILD_CONSTRAINT on pip 25.3+,"
                " PIP_CONSTRAINT before) keeps the isolated build on it; or a newer release of the package"),
    )


CMAKE4_POLICY = Rule(
    code="PX091",
    cause="other",
    title="CMake 4 no longer configures projects written for CMake < 3.5",
    summary="CMake 4.0 removed compatibility with CMake < 3.5, and {package}'s CMakeLists.txt (or one it bundles)"
    " still asks for an older minimum; CMake 4 came from the package index into the build environment.",
    patterns=(
        # cmPolicies (CMake 4.0): "Compatibility with CMake < 3.5 has been removed from CMake." then "Update the
        # VERSION argument <min> value. Or, use the <min>...<max> syntax ... Or, add -DCMAKE_POLICY_VERSION_MINIMUM=3.5"
        Pattern("compatibility with cmake <", r"Compatibility with CMake < [\d.]{1,8} has been removed from CMake"),
    ),
    fix=_cmake4_fix,
    verify=lambda ctx: ("cmake --version",),
    why="pip builds in an isolated environment that installs the newest cmake from the index when the package"
    " asks for it; CMake 4.0 (March 2025) dropped the policies of CMake < 3.5, and projects that never raised"
    " their cmake_minimum_required stopped configuring.",
    prevent="Pin cmake<4 as a build constraint for old packages, or upgrade to a release that raised its minimum.",
    # h3 with its bundled h3lib on a Raspberry Pi (b6/55), a conda env pulling CMake 4 into the build (b6/54)
    examples=("  Compatibility with CMake < 3.5 has been removed from CMake.",),
    counter_examples=("  Compatibility with CMake < 3.10 will be removed from a future version of",),
)


# GCC 14's "permerrors" (https://gcc.gnu.org/gcc-14/porting_to.html) and clang 16's defaults: diagnostics that
# were warnings are errors by default; the bracket names the flag, without "-Werror=".
_FLAGS = ("incompatible-pointer-types", "int-conversion", "implicit-function-declaration", "implicit-int",
          "return-mismatch", "declaration-missing-parameter-type")
# (a paste cut at the console's width may end inside the bracket: "[-Wincompatible-pointer-typ")
_NEW_ERRORS = r"incompatible-pointer-ty\w*|int-conversion|implicit-function-decl\w*|implicit-int\b|return-mismatch" \
    r"|declaration-missing-param\w*"
# ... unless the line names a function of Python's C API ("argument 1 of ‘PyCode_New’"): a C API that changed is
# python-too-new's (PX013), whatever the flag (a type in a signature, ‘PyObject * (*)(void)’, is the package's)
_C_API = re.compile(r"[‘'`]_?Py[A-Z]\w*[’'`]")


def _flag(text: str) -> str:
    cut = text.rsplit("[-W", 1)[1]
    return next(f for f in _FLAGS if f.startswith(cut) or cut.startswith(f))


def _new_errors_fix(ctx: Context):
    flag = ctx.detail or "incompatible-pointer-types"
    return (
        Fix("", "use a newer release of the package, whose sources compile with this compiler"),
        Fix('CFLAGS="-Wno-error=%s" pip install ...' % flag,
            "or let the compiler accept the old code again for this build"),
    )


NEW_COMPILER_ERRORS = Rule(
    code="PX092",
    cause="other",
    title="The compiler now rejects old C in the sources (-W{detail})",
    summary="{package}'s C code relies on something GCC 14 and clang 16 turned from a warning into an error"
    " (here -W{detail}); with this compiler the sources no longer compile as they are.",
    patterns=(
        # (the message and its flag; not "-Werror=X", the package's own choice of errors)
        Pattern("error: ", r"\berror: (?P<d>[^\n]{1,600} \[-W(?:%s))" % _NEW_ERRORS,
                accept=lambda d: _C_API.search(d) is None, clean=_flag),
    ),
    fix=_new_errors_fix,
    verify=lambda ctx: ("cc --version",),
    why="GCC 14 (2024) and clang 16 (2023) made incompatible pointer types, int conversions, implicit function"
    " declarations and implicit int errors by default; code that compiled with a warning for decades now stops.",
    prevent="Pin the package to a release fixed for the new compilers, or build with an older compiler.",
    # pillow-avif-plugin (b6/36), libwapiti on Arch (b7/100)
    examples=(
        "libwapiti/src/api.c:155:31: error: passing argument 3 of ‘tag_viterbi’ from incompatible pointer type"
        " [-Wincompatible-pointer-types]",
        "src/x.c:12:9: error: assignment to ‘int *’ from ‘long int’ makes pointer from integer without a cast"
        " [-Wint-conversion]",
    ),
    counter_examples=(
        "x.c:12:5: error: implicit declaration of function ‘PyEval_InitThreads’ [-Werror=implicit-function-declaration]",
        "x.c:7:14: warning: passing argument 1 of 'f' from incompatible pointer type [-Wincompatible-pointer-types]",
    ),
)


def _openmp_fix(ctx: Context):
    return (
        Fix("brew install libomp", "install LLVM's OpenMP runtime, which Apple's clang lacks; some builds then find"
                                   " it (others need CC pointed at Homebrew's llvm or gcc)"),
        Fix("", "or install a prebuilt wheel or the conda-forge package, which ship OpenMP already"),
    )


APPLE_OPENMP = Rule(
    code="PX093",
    cause="other",
    title="Apple's clang does not support OpenMP (-fopenmp)",
    summary="{package} compiles with OpenMP (-fopenmp), which the clang of Apple's Command Line Tools does not"
    " support.",
    # (also ld64's "ld: library not found for -lgomp": matched as library-link-missing, switched here by knowledge,
    # rules/_knowledge.py)
    # (clang++ is the same driver: cogsworth's OpenMP checks, b24-macos-2024-26/05)
    patterns=(Pattern("unsupported option '-fopenmp'", r"clang(?:\+\+)?: error: unsupported option '-fopenmp'"),),
    fix=_openmp_fix,
    verify=lambda ctx: ("brew --prefix libomp",),
    why="Apple builds clang without OpenMP and ships no libomp; packages that parallelise with OpenMP need LLVM's"
    " libomp (Homebrew), Homebrew's llvm or gcc as the compiler, or a prebuilt binary.",
    prevent="Prefer wheels on macOS (most OpenMP packages publish them), or conda-forge.",
    # pygtftk (b4/76), clustalo (b1/68), velocyto (b1/69, thirdparty/79), landlab (b1/70), pylians3 (b8-pages/33)
    examples=("clang: error: unsupported option '-fopenmp'",),
)


def _cuda_fix(ctx: Context):
    return (
        Fix("", "build against the PyTorch already installed, not a fresh one from the index:"
                " pip install --no-build-isolation <package> (install its other build requirements first)"),
        Fix("", "and make the two CUDA versions agree: a PyTorch built for the CUDA toolkit on PATH (nvcc --version;"
                " the cuXYZ index of download.pytorch.org), or the toolkit PyTorch was built with"
                " (python -c \"import torch; print(torch.version.cuda)\")"),
    )


CUDA_MISMATCH = Rule(
    code="PX094",
    cause="other",
    title="CUDA toolkit {detail} does not match the CUDA PyTorch was built with",
    summary="{package} compiles a CUDA extension against PyTorch, whose build check found the CUDA toolkit on this"
    " machine (nvcc {detail}) to be another major version than the one PyTorch was compiled with.",
    patterns=(
        # torch.utils.cpp_extension's CUDA_MISMATCH_MESSAGE: "The detected CUDA version (12.3) mismatches the version
        # that was used to compile\nPyTorch (11.8). Please make sure to use the same CUDA versions."
        Pattern("mismatches the version that was used to compile",
                r"The detected CUDA version \((?P<d>[\d.]{1,12})\) mismatches the version that was used to compile"),
    ),
    fix=_cuda_fix,
    verify=lambda ctx: ("nvcc --version", 'python -c "import torch; print(torch.version.cuda)"'),
    why="pip builds in an isolated environment that installs the newest torch from the index, often built for"
    " another CUDA than the toolkit on the machine; torch.utils.cpp_extension refuses a major-version mismatch"
    " between nvcc and torch.version.cuda.",
    prevent="Install the package's prebuilt wheel for your torch and CUDA where it publishes one; otherwise build"
    " with --no-build-isolation against a torch that matches the toolkit.",
    # flash-attn with CUDA 12.3 and torch for 11.8 (b6/64); difflogic, causal-conv1d and pointnet2 docs quote it
    examples=("      The detected CUDA version (12.3) mismatches the version that was used to compile",),
    counter_examples=("The detected CUDA version (12.1) has a minor version mismatch with the version that was used"
                      " to compile PyTorch (12.4). Most likely this shouldn't be a problem.",),
)


def _cuda_toolkit_fix(ctx: Context):
    return (
        Fix("", "install a prebuilt wheel of the package for your torch and CUDA where it publishes one (its"
                " release page or index), or a release or option that builds without CUDA"),
        Fix("", "or install the CUDA toolkit (nvcc) of the CUDA version your torch was built for (python -c \"import"
                " torch; print(torch.version.cuda)\"; developer.nvidia.com/cuda-toolkit-archive or conda's"
                " cuda-toolkit) and point CUDA_HOME at it"),
    )


CUDA_TOOLKIT = Rule(
    code="PX095",
    cause="other",
    title="The CUDA toolkit (nvcc) was not found",
    summary="{package} compiles CUDA code, and the build found no CUDA toolkit: no nvcc, no CUDA_HOME. A GPU"
    " package that publishes no wheel for this platform builds its kernels from source.",
    patterns=(
        # torch.utils.cpp_extension: "OSError: CUDA_HOME environment variable is not set. Please set it to your
        # CUDA install root." (torch-ngp, b12-rust-fortran-cuda/03; flash-attn, apex, pointnet2 in threads)
        Pattern("cuda_home environment variable is not set", r"CUDA_HOME environment variable is not set"),
    ) + missing_program(is_nvcc),
    fix=_cuda_toolkit_fix,
    verify=lambda ctx: ("nvcc --version", 'python -c "import torch; print(torch.version.cuda)"'),
    why="CUDA extensions compile with nvcc, which comes with NVIDIA's CUDA toolkit, not with the driver or with"
    " PyTorch's wheels; torch.utils.cpp_extension finds it through CUDA_HOME or /usr/local/cuda. The toolkit is"
    " no cause of the taxonomy (the JSON cause stays `other`): many of these builds only need the package's"
    " prebuilt wheel, or no CUDA at all on a machine without an NVIDIA GPU.",
    prevent="Prefer the package's prebuilt wheels for your torch/CUDA pair; build GPU extensions on a machine or"
    " image with the CUDA toolkit (nvidia/cuda:*-devel).",
    examples=(
        "      OSError: CUDA_HOME environment variable is not set. Please set it to your CUDA install root.",
        "    error: [Errno 2] No such file or directory: '/usr/local/cuda/bin/nvcc'",
        "/bin/sh: 1: nvcc: not found",
    ),
)


def _python_package(header: str) -> str:
    if header.endswith("Config.cmake"):
        return header[:-len("Config.cmake")].lower()
    top = header.replace("\\", "/").split("/", 1)[0].lower()
    if header.lower() in _NUMPY_BARE_HEADERS:
        return "numpy"  # its headers asked for without their directory (arrayobject.h)
    return "torch" if top in ("aten", "c10", "c10d", "caffe2") else top


def _package_headers_fix(ctx: Context):
    dist = _python_package(ctx.detail or "numpy") or "numpy"
    dist = {"cython": "Cython"}.get(dist, dist)
    target = quote(ctx.package) if ctx.package else "PACKAGE"
    return (
        Fix("pip install %s && pip install --no-build-isolation %s" % (quote(dist), target),
            "if %s is not installed where the build runs (a setup script that finds its headers only when it"
            " can import it): install it first and build without isolation" % dist),
        Fix("", "if it is, the package's build does not tell CMake where it is: a newer release, a wheel, or"
                " -D%s_DIR=<its CMake directory> (for pybind11: python -m pybind11 --cmakedir) in CMAKE_ARGS"
                % {"torch": "Torch"}.get(dist, dist))
        if (ctx.detail or "").endswith("Config.cmake") else
        Fix("", "if it is, the package's build does not pass %s's include directory (a setup.py without"
                " include_dirs=[%s.get_include()]): a newer release, a wheel, or that line added to setup.py"
                % (dist, dist if dist != "Cython" else "numpy")),
    )


PACKAGE_HEADERS = Rule(
    code="PX096",
    cause="other",
    title="Files of a Python package not found: {detail}",
    summary="{package} builds against {detail}, which a Python package installs with itself (numpy's and"
    " pybind11's headers, pybind11's CMake files), not the system: the build either ran without that package or"
    " did not tell the compiler (or CMake) where it is.",
    patterns=missing_header(is_python_package_header) + (
        # ... and CMake's find_package() of the CMake files such a package ships (nanobind, torch): the same two
        # readings, the package absent where the build runs or its directory not passed to CMake (-Dnanobind_DIR=
        # $(python -m nanobind --cmakedir)). (pybind11's are also a distribution's development package's,
        # pybind11-dev: PX031's, whose fix names both)
        Pattern("could not find a package configuration file provided by",
                r'Could not find a package configuration file provided by\s?"(?P<d>nanobind|Torch)"',
                clean=lambda d: d.lower() + "Config.cmake" if d != "Torch" else "TorchConfig.cmake"),
    ),
    fix=_package_headers_fix,
    verify=lambda ctx: ('python -c "import numpy; print(numpy.get_include())"',)
    if (ctx.detail or "").lower().startswith("numpy/") else (),
    why="numpy's and pybind11's C headers live inside the installed package (numpy.get_include()), which a"
    " build script must import to find them. A package that does not declare numpy among its build"
    " requirements builds without it under pip's isolation; one whose setup.py never adds the directory fails"
    " even with numpy installed. The log alone does not tell the two apart (the JSON cause stays `other`).",
    prevent="Packages declare numpy in [build-system] requires and pass numpy.get_include(); as a user, prefer"
    " wheels, or install numpy first and build with --no-build-isolation.",
    # aubio 0.4.9 on macOS (b12-qa-forums/12: no numpy in its build requirements), tinyobjloader 0.1 (b5/73: an
    # include path outside the sdist); public threads (studywolf/control #11, text-detection-ctpn #13) where
    # setup.py lacked numpy.get_include()
    examples=("  python/ext/aubio-types.h:17:10: fatal error: 'numpy/arrayobject.h' file not found",
              "ids_core/ids_core.c:34:31: fatal error: numpy/arrayobject.h: No such file or directory"),
    counter_examples=("src/foo.c:3:10: fatal error: ffi.h: No such file or directory",),
)


SDIST_FILE = Rule(
    code="PX097",
    cause="other",
    title="The sdist lacks a file its setup script reads: {detail}",
    summary="{package}'s setup script opens {detail}, which its source distribution does not ship: a packaging"
    " mistake of this release, nothing to install on your side.",
    patterns=(
        # (not pip's own "Could not install packages due to an OSError: [Errno 2] No such file or directory:
        # '/tmp/tmpXXXX/output.json'": the file its hook runner (pyproject_hooks) reads back when the backend's
        # process ended without writing it; ibm_db, b20-syslibs-gui-hw/18)
        Pattern("[errno 2]", r"(?:FileNotFoundError|IOError|OSError): " + SDIST_TEXT_FILE,
                accept=lambda d: re.search(r"(?:^|[/\\])tmp[\w-]{4,16}[/\\]output\.json$", d) is None),
        # maturin, for the readme its Cargo.toml / pyproject.toml names ("Caused by: Failed to read Readme specified
        # in Cargo.toml, which should be at /tmp/pip-install-x/turboapi_d62f/README.md": thirdparty/32)
        Pattern("failed to read", r"Failed to read (?:Readme|readme|license file|License file) specified in"
                r" (?:Cargo|pyproject)\.toml, which should be at (?P<d>\S{1,500})", clean=lambda d: d.rsplit("/", 1)[-1]),
    ),
    fix=lambda ctx: (
        Fix("pip install --upgrade " + quote(ctx.package) if ctx.package else "",
            "another release of %s may ship it (or a wheel of it)" % (ctx.package or "the package")),
        Fix("", "or install it from its repository (pip install git+https://...), where the file exists"),
    ),
    verify=lambda ctx: (),
    why="setup.py files often read README.md or requirements.txt; when MANIFEST.in (or the build backend's"
    " include list) leaves them out of the sdist, every install from that sdist fails the same way, while"
    " the repository, and wheels built there, work.",
    prevent="Maintainers: build the sdist and install it in a clean environment before uploading (python -m build;"
    " pip install dist/*.tar.gz).",
    # glmnet_py 0.1.0b2 (b13-sci-ml-linux/14: README.md), public threads of sdists without requirements.txt
    examples=("    FileNotFoundError: [Errno 2] No such file or directory: 'README.md'",
              "IOError: [Errno 2] No such file or directory: 'requirements.txt'",
              "        Caused by: Failed to read Readme specified in Cargo.toml, which should be at"
              " /tmp/pip-install-wya0tvhc/turboapi_d62fb34b/README.md"),
    counter_examples=("FileNotFoundError: [Errno 2] No such file or directory: 'gfortran'",
                      "error: [Errno 2] No such file or directory: 'cmake'",
                      "ERROR: Could not install packages due to an OSError: [Errno 2] No such file or directory:"
                      " '/tmp/tmp81z8lgmj/output.json'"),
)


def _gone_fix(ctx: Context):
    gone = library_file_gone(ctx.detail or "")
    library, release = gone if gone else ("the library", "a recent release")
    return (
        Fix("pip install --upgrade " + quote(ctx.package) if ctx.package else "",
            "a newer release of %s may be written for %s %s or later" % (ctx.package or "the package", library,
                                                                         release)),
        Fix("", "or build against a release of %s older than %s (an older distribution, conda, a container), or use a wheel"
            % (library, release)),
    )


LIBRARY_HEADER_GONE = Rule(
    code="PX098",
    cause="other",
    title="A file its library no longer ships: {detail}",
    summary="{package}'s build needs {detail}, which its library removed in a release older than the one"
    " installed here: the sources predate the library. Installing its development package does not bring it"
    " back.",
    # matched as library-header-missing (PX011) or library-link-missing (PX030) and switched here by knowledge
    # (rules/_knowledge.py) of the removal (_shapes.LIBRARY_HEADERS_GONE, LIBRARIES_GONE)
    patterns=(),
    fix=_gone_fix,
    verify=lambda ctx: (),
    why="Libraries drop deprecated headers and parts in major releases (PROJ 8 removed proj_api.h, glibc 2.26"
    " xlocale.h and 2.32 sys/sysctl.h, OpenCV 4 its opencv/ C headers, FFmpeg 5 libavresample, OpenLDAP 2.5"
    " merged libldap_r into libldap, Boost 1.69 removed Boost.Signals). An old release of a Python package,"
    " fetched because no wheel matched, still asks for them and cannot build against the current library.",
    prevent="Pin releases of packages that build against system libraries together with the distribution (or"
    " conda environment) they are built on; prefer wheels.",
    # cartopy 0.19 on PROJ 8 (b14-bio-geo-sci/04, cartopy#1770)
    # python-ldap on Alpine with OpenLDAP 2.5 (b15-alpine-docker-ci/05, python-ldap#432)
    examples=("lib/cartopy/trace.cpp:634:10: fatal error: 'proj_api.h' file not found",
              "src/x.c:12:10: fatal error: xlocale.h: No such file or directory",
              # DCNv2 built against torch 2.2 (b36-cpp-cuda-ext/14)
              " fatal error: THC/THC.h: No such file or directory",
              "/usr/lib/gcc/x86_64-alpine-linux-musl/10.3.1/../../../../x86_64-alpine-linux-musl/bin/ld: cannot find"
              " -lldap_r"),
    counter_examples=("lib/x.c:1:10: fatal error: proj.h: No such file or directory", "/usr/bin/ld: cannot find -lldap"),
)


def _cargo_git_fix(ctx: Context):
    return (
        Fix("CARGO_NET_GIT_FETCH_WITH_CLI=true", "let cargo fetch the index with the git program instead of libgit2"
            " (set it in the build's environment, e.g. an ENV line of the Dockerfile), then retry"),
        Fix("CARGO_REGISTRIES_CRATES_IO_PROTOCOL=sparse", "or, with cargo 1.68 or later, read the index over HTTP"
            " (the default from cargo 1.70), which needs no git checkout"),
        Fix("", "or build on a native machine of that architecture, or use a wheel for it"),
    )


CARGO_GIT_EMULATED = Rule(
    code="PX099",
    cause="other",
    title="cargo cannot read the crates.io index under emulation",
    summary="cargo's copy of the crates.io index failed on this machine's side (libgit2 could not map or read its"
    " files), the known failure of a 32-bit build emulated by QEMU on a 64-bit host. The network is not the cause.",
    # matched as network (cargo's "spurious network error" and its "failed to get" verdict) and switched here by
    # knowledge (rules/_knowledge.py, CARGO_GIT_LOCAL)
    patterns=(),
    fix=_cargo_git_fix,
    verify=lambda ctx: ("cargo --version",),
    why="Multi-architecture docker builds run a 32-bit ARM userland through QEMU on a 64-bit host. libgit2 in"
    " such a process fails on the large git index of crates.io (mmap runs out of address space; readdir reports"
    " EOVERFLOW on a 64-bit file system), and cargo reports each attempt as a spurious network error.",
    prevent="Build 32-bit ARM images on ARM hardware, or set CARGO_NET_GIT_FETCH_WITH_CLI=true (or use the sparse"
    " protocol) in emulated builds; prefer packages with wheels for the target.",
    # cryptography in the armv7 builds of two projects (b14-db-crypto-net/22: EOVERFLOW, b15-alpine-docker-ci/16:
    # mmap), cargo#8719
    examples=("warning: spurious network error (2 tries remaining): failed to mmap. Could not write data: Out of"
              " memory; class=Os (2)",
              "warning: spurious network error (1 tries remaining): could not read directory"
              " '/cargo/registry/index/github.com-1285ae84e5963aae/.git/refs': Value too large for defined data type;"
              " class=Os (2)"),
)


NOT_WIN32 = Rule(
    code="PX100",
    cause="other",
    title="The build ran something Windows cannot execute",
    summary="{package}'s build started a program that is not a Windows executable ([WinError 193],"
    " ERROR_BAD_EXE_FORMAT): a shell script run directly, or a binary for another platform or architecture. This"
    " build does not work on Windows as it is; nothing is missing from your machine.",
    # Windows' own error code, the same in every language (its text, "%1 is not a valid Win32 application", is
    # translated): a setup.py that runs a bundled library's autotools scripts (secp256k1-py,
    # b39-win-mac-2014-20/05), a custom prebuild helper (trezor 0.10.0, b46-win-mac-2014-20-f/28), an install
    # script for ODE after its lookups failed (Py3ODE, b55-lib-lookups-9/06)
    patterns=(Pattern("winerror 193", r"\[WinError 193\]"),),
    fix=lambda ctx: (Fix("", "install a wheel of it (a release or a Python version it publishes wheels for), or"
                             " build it under WSL or MSYS2, whose shells run such scripts"),),
    verify=lambda ctx: (),
    why="Build scripts written for Unix run shell scripts (configure, autogen.sh, install scripts) or helper"
    " binaries by name; Windows can start neither, and reports ERROR_BAD_EXE_FORMAT.",
    prevent="On Windows, prefer releases with Windows wheels.",
    examples=("error: [WinError 193] %1 is not a valid Win32 application",),
)


RULES = (REDHAT_RPM_CONFIG, CMAKE4_POLICY, NEW_COMPILER_ERRORS, APPLE_OPENMP, CUDA_MISMATCH, CUDA_TOOLKIT,
         PACKAGE_HEADERS, SDIST_FILE, LIBRARY_HEADER_GONE, CARGO_GIT_EMULATED, NOT_WIN32)
