"""The cause ids of the taxonomy: the contract of the JSON output."""

CAUSES = {
    "compiler-missing": "no C compiler on PATH",
    "cxx-compiler-missing": "C compiler present, no C++ compiler",
    "python-headers-missing": "Python development headers absent",
    "msvc-missing": "Windows, no Microsoft C++ Build Tools",
    "xcode-clt-missing": "macOS, no Xcode Command Line Tools",
    "rust-missing": "a Rust toolchain is needed and absent",
    "rust-too-old": "Rust present but older than required",
    "library-header-missing": "a C library's development header absent",
    "library-link-missing": "the linker cannot find a library",
    "config-tool-missing": "a library's config program or pkg-config data absent",
    "fortran-missing": "no Fortran compiler",
    "cmake-missing": "CMake absent",
    "build-tool-missing": "another build program absent (ninja, meson, swig, make, ...)",
    "distutils-missing": "code needs distutils, removed from Python 3.12",
    "build-dependency-missing": "a Python build requirement is absent or broken in the build environment",
    "python-too-new": "the package's source does not support this Python",
    "resources": "the build ran out of memory or disk",
    "network": "a download during the build failed",
    "other": "none of the above",
}
