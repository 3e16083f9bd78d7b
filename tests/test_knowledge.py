"""Knowledge that rules a cause out (rules/_knowledge.py) and probes that are
not failures (Pattern.probe), as the engine applies them.

Every ruling's examples are lines of real logs: without the ruling they get
the ruling's cause, with it they get its ``instead`` (or stay unrecognized);
its counter-examples keep their cause. The engine tests use real logs of the
blind batches and the lab."""
import os
import re

import pytest

from conftest import FIXTURES
from pip_explain.classify import Classifier, classify, default_classifier
from pip_explain.model import Pattern, Rule
from pip_explain.rules import all_rules
from pip_explain.rules._knowledge import (
    CUSTOM_INDEX,
    MUSL,
    RULINGS,
    UNIX,
    WINDOWS,
    is_index_staple,
    is_libc_library,
    is_posix_only_header,
    situations,
)

PLAIN = Classifier(all_rules())  # the rules' words alone, no knowledge


def _cases(attr):
    return [pytest.param(ruling, line, known, id="%s-%d-%d" % (ruling.cause, i, j))
            for i, ruling in enumerate(RULINGS) for j, (line, known) in enumerate(getattr(ruling, attr))]


@pytest.mark.parametrize("ruling,line,known", _cases("examples"))
def test_ruling_changes_its_examples(ruling, line, known):
    lines = line.split("\n")  # (an example of two lines: a rule that needs the next line)
    plain = PLAIN.classify(lines, known=known)
    assert plain is not None and plain.cause == ruling.cause, "the rules alone must name the ruled cause"
    judged = classify(lines, known=known)
    if ruling.probe:
        # a probe alone still names its cause; a later cause in the step wins (test_*_probe_* below)
        assert judged is not None and judged.cause == ruling.cause
        later = classify(lines + ["error: Microsoft Visual C++ 14.0 or greater is required."], known=known)
        assert later is not None and later.cause == "msvc-missing"
    elif ruling.instead is None:
        assert judged is None
    else:
        assert judged is not None and judged.cause == ruling.instead
        assert judged.evidence[0].text == lines[0].strip()


@pytest.mark.parametrize("ruling,line,known", _cases("counter_examples"))
def test_ruling_leaves_its_counter_examples(ruling, line, known):
    plain = PLAIN.classify(line.split("\n"), known=known)
    judged = classify(line.split("\n"), known=known)
    assert plain is not None and judged is not None and judged.cause == plain.cause


def test_every_ruling_has_examples_and_a_reason():
    for ruling in RULINGS:
        assert ruling.examples and len(ruling.why) > 40


def test_predicates():
    assert is_libc_library("pthread") and is_libc_library("-lc") and not is_libc_library("ffi")
    assert not is_libc_library("crypt")  # libxcrypt left glibc: a package
    assert is_posix_only_header("sys/mman.h") and is_posix_only_header("unistd.h")
    assert not is_posix_only_header("sys/stat.h") and not is_posix_only_header("zlib.h")
    assert is_index_staple("setuptools") and is_index_staple("setuptools_scm") and not is_index_staple("libclang")


def test_situations_from_the_log_not_this_machine():
    assert WINDOWS in situations(["loading initial cache file C:\\Users\\u\\AppData\\Local\\Temp\\x\\CMakeInit.txt"])
    assert WINDOWS in situations(["  -- Trying 'Ninja (Visual Studio 17 2022 x64 v143)' generator"])
    assert WINDOWS in situations(["   'nmake' '-?'"])
    assert UNIX in situations(["      -- Trying 'Ninja' generator"])
    assert MUSL in situations(["/usr/lib/gcc/x86_64-alpine-linux-musl/12.2.1/../../../../x86_64-alpine-linux-musl/bin/ld"])
    assert CUSTOM_INDEX in situations(["Looking in indexes: https://test.pypi.org/simple/"])
    assert CUSTOM_INDEX not in situations(["Looking in indexes: https://pypi.org/simple, https://download.pytorch.org/whl"])
    assert situations(["No CMAKE_C_COMPILER could be found."]) == frozenset()
    # Python 2's unquoted ImportError is an old Python; Python 3's (quoted) and `python -m`'s say nothing
    assert "python:2.7" in situations(["  ImportError: No module named numpy.distutils.core"])
    assert not any(f.startswith("python:") for f in situations(["ModuleNotFoundError: No module named 'numpy'",
                                                                "/usr/bin/python3: No module named pip"]))


def _log(path):
    with open(os.path.join(FIXTURES, path), encoding="utf-8") as f:
        return f.read().splitlines()


def test_windows_cmake_without_compiler_is_msvc():
    # 64: d:\anaconda paths; 66: Portuguese 'nmake' '-?' failure; 81: English one, no path at all
    for path in ("blind/b1-win-mac-conda/64-llama-cpp-anaconda-win-no-compiler.log",
                 "blind/b1-win-mac-conda/66-llama-cpp-nmake-missing-pt.log",
                 "blind/b3-lang-installers/81-facerecognition-dlib-cmake-nmake-msvc.log"):
        d = classify(_log(path))
        assert d is not None and d.cause == "msvc-missing", path
    # the same words in a Linux log stay a missing C compiler (Kubuntu, scikit-build's plain 'Ninja')
    d = classify(_log("blind/b1-win-mac-conda/67-llama-cpp-kubuntu-no-compiler.log"))
    assert d is not None and d.cause == "compiler-missing"
    # and with no sign of the platform at all, the log cannot tell
    assert classify(_log("blind/b1-win-mac-conda/62-llama-cpp-no-cmake-c-compiler-win.log")) is None


def test_the_caller_may_know_the_platform():
    line = ["CMake Error: CMAKE_C_COMPILER not set, after EnableLanguage"]
    assert classify(line, known=("windows",)).cause == "msvc-missing"
    assert classify(line, known=("unix",)).cause == "compiler-missing"


def test_ruled_out_cause_stops_the_search():
    # conda's ld cannot find libc itself: the later lines are its consequences, not other causes
    assert classify(_log("blind/b2-linux-ci/13-prophet-conda-compiler-compat-ld.log")) is None


def test_iterators_work_as_sequences_do():
    lines = _log("blind/b1-win-mac-conda/66-llama-cpp-nmake-missing-pt.log")
    assert classify(iter(lines)).cause == classify(lines).cause == "msvc-missing"


# -- probes ------------------------------------------------------------------------

def test_probe_loses_to_a_later_fatal_error():
    # Alpine, pkgconf's probe for libffi, then gcc's fatal ffi.h
    d = classify(_log("blind/b2-linux-ci/35-cffi-alpine-pkgconf-ffi-h.log"))
    assert d.cause == "library-header-missing" and d.detail == "ffi.h"


def test_probe_alone_is_the_cause():
    # cffi's pkg-config misses with nothing after them in the excerpt
    d = classify(_log("thirdparty/84-pkg-config-libffi-cffi-warnings.log"))
    assert d.cause == "config-tool-missing" and d.detail == "libffi"


def test_probe_is_not_cancelled_by_unexplained_errors():
    rule = Rule("PX999", "config-tool-missing", "t", "s", (Pattern("probe-me", r"probe-me (?P<d>\w+)", probe=True),),
                fix=lambda ctx: (), verify=lambda ctx: (), examples=("probe-me x",))
    clf = Classifier([rule])
    d = clf.classify(["probe-me zlib", "error: something no rule knows"])
    assert d is not None and d.detail == "zlib"


def test_probe_then_same_cause_keeps_the_first_sign():
    d = default_classifier().classify([
        "Package libpq was not found in the pkg-config search path.",
        "Error: pg_config executable not found.",
    ])
    assert d.cause == "config-tool-missing" and d.evidence[0].line == 1


LAB_SENTENCEPIECE = os.path.join(FIXTURES, "logs", "cmake-missing-after-pkg-config-probe-sentencepiece__pip-26.3.log")


@pytest.mark.skipif(not os.path.exists(LAB_SENTENCEPIECE), reason="recording not present")
def test_cmake_missing_after_a_pkg_config_probe():
    # sentencepiece's setup.py asks pkg-config, then its build_bundled.sh runs cmake
    with open(LAB_SENTENCEPIECE, encoding="utf-8") as f:
        lines = f.read().splitlines()
    plain = PLAIN.classify(lines)
    d = classify(lines)
    assert d is not None and d.cause == "cmake-missing", d
    assert plain is not None and plain.cause == "cmake-missing"


def test_a_stream_keeps_its_first_and_latest_lines_for_the_situations():
    first = ["loading initial cache file C:\\Users\\user\\AppData\\Local\\Temp\\tmp1\\build\\CMakeInit.txt"]
    filler = ["-- filler %d" % i for i in range(20000)]
    last = ["CMake Error: CMAKE_C_COMPILER not set, after EnableLanguage"]
    assert classify(iter(first + filler + last)).cause == "msvc-missing"
    assert classify(iter(filler + first + filler + last)) is None  # a clue in the middle of a stream is not kept
    # a sequence is read at both ends, 20000 lines each
    assert classify(filler[:10000] + first + filler[:10000] + last).cause == "msvc-missing"
    assert classify(filler + first + filler + last) is None


def test_why_a_cause_was_ruled_out():
    from pip_explain.classify import classify_why

    lines = _log("blind/b1-win-mac-conda/114-leadsheet-sys-mman-h-win.log")
    diagnosis, why = classify_why(lines)
    assert diagnosis is None
    reason, evidence = why
    assert "does not support Windows" in reason and "sys/mman.h" in evidence.text and evidence.line == 1
    assert classify_why(_log("blind/b2-linux-ci/35-cffi-alpine-pkgconf-ffi-h.log"))[1] is None


def test_the_panel_says_what_knowledge_ruled_out():
    from pip_explain.enrich.platform import detect
    from pip_explain.render import panel
    from pip_explain.report import explain_lines

    lines = _log("blind/b2-linux-ci/13-prophet-conda-compiler-compat-ld.log")
    e = explain_lines(lines, detect())
    assert e.diagnosis is None and any(ev.line == 2 for ev in e.decisive)
    assert e.notes and "line 2 names no missing package" in e.notes[0] and "compiler_compat" in e.notes[0]
    text = "\n".join("".join(t for t, _ in line) for line in panel([e], None, width=200))
    assert "no missing package" in text


def test_inside_pip_this_machine_is_the_platform():
    from dataclasses import replace

    from pip_explain.enrich.platform import detect
    from pip_explain.report import explain_lines

    line = ["CMake Error: CMAKE_C_COMPILER not set, after EnableLanguage"]
    here = detect()
    assert explain_lines(line, replace(here, system="windows"), live=True).diagnosis.cause == "msvc-missing"
    assert explain_lines(line, replace(here, system="linux"), live=True).diagnosis.cause == "compiler-missing"
    assert explain_lines(line, here).diagnosis is None  # offline: the log shows no platform


# -- b4's wrong causes (blind/b4-mixed): what knowledge rules out --------------------------------

def test_situations_name_the_package_built_and_an_old_cargo():
    from pip_explain.rules._knowledge import BUILD_MACHINE_LIBDIR, CARGO_TOO_OLD, package_fact

    assert package_fact("pacparser") in situations(["  Building wheel for pacparser (pyproject.toml) ... error"])
    assert package_fact("pacparser") in situations(["  - Installing pacparser (1.4.5): Failed"])
    assert package_fact("chroma-hnswlib") in situations(["  × Failed to download and build `chroma-hnswlib==0.7.6`"])
    # setuptools' extension name is not the package: pyaudio's '_portaudio', pypcap's 'pcap'
    assert situations(["building '_portaudio' extension"]) == frozenset()
    assert CARGO_TOO_OLD in situations(["      Caused by:", "        feature `edition2024` is required"])
    assert BUILD_MACHINE_LIBDIR in situations(["> g++ -pthread -shared -L/tmp/tmpQcQ0Zo/Anaconda-4.0.0/lib -lpython2.7"])


def test_predicates_of_b4():
    from pip_explain.rules._knowledge import (
        is_cxx_runtime,
        is_header_named_after_the_package,
        is_libpython,
        is_unversioned_libpython,
        package_fact,
    )

    assert is_cxx_runtime("c++") and not is_cxx_runtime("stdc++")  # libstdc++ did leave Xcode 10
    assert is_unversioned_libpython("python") and not is_unversioned_libpython("python2.7")
    assert is_libpython("python3.6m") and is_libpython("python2.7") and not is_libpython("pythonqt")
    facts = frozenset({package_fact("pacparser")})
    assert is_header_named_after_the_package("pacparser.h", facts)
    assert not is_header_named_after_the_package("pacparser/pacparser.h", facts)  # a library's layout
    assert not is_header_named_after_the_package("portaudio.h", facts)



def test_header_only_debian_knows_is_the_librarys_when_the_command_says_so():
    """tiny_obj_loader.h, pacparser.h: Debian ships both as libraries' headers (libtinyobjloader-dev,
    libpacparser-dev), and early sdists of both bindings expected them in their library's source tree."""
    from pip_explain.rules._knowledge import (
        COMPILE_SHOWN,
        TREE_INCLUDE,
        is_header_named_after_the_package,
        package_fact,
        situations,
    )

    own = frozenset({package_fact("tinyobjloader")})
    assert is_header_named_after_the_package("tiny_obj_loader.h", own)  # no command shown: may be its own
    assert not is_header_named_after_the_package("tiny_obj_loader.h", own | {COMPILE_SHOWN})
    assert is_header_named_after_the_package("tiny_obj_loader.h", own | {COMPILE_SHOWN, TREE_INCLUDE})
    pacparser = situations(_log(os.path.join("blind", "b4-mixed", "62-pacparser-fedora39-de-sdist-header.log")))
    assert {COMPILE_SHOWN, TREE_INCLUDE} <= pacparser  # "-I../spidermonkey/js/src -I.."
    geoip = situations(_log(os.path.join("logs", "geoip-header-missing-geoip__pip-23.3.2.log")))
    assert COMPILE_SHOWN in geoip and TREE_INCLUDE not in geoip  # "-I/tmp/work/v12b/include" only


@pytest.mark.parametrize("name", [
    "62-pacparser-fedora39-de-sdist-header", "63-pacparser-poetry-mac-py313",  # the package's own header
    "77-codecov-cli-uv-mac-pbs-sdk", "78-chroma-hnswlib-uv-mac-pbs-sdk",  # libc++ under a missing SDK
    "82-sasl-anaconda4-tmp-libdir", "84-modwsgi-ldversion-lpython",  # libpython: no package to install
    "89-pysteps-conda-gcc-mac-limits",  # gcc's own include-fixed/limits.h
])
def test_b4_wrong_causes_are_ruled_out(name):
    from pip_explain.enrich.platform import detect
    from pip_explain.report import explain_log

    lines = _log(os.path.join("blind", "b4-mixed", name + ".log"))
    assert PLAIN.classify(lines) is not None  # the rules alone named a cause
    assert all(e.diagnosis is None for e in explain_log(lines, detect()))


def test_b4_failed_download_caused_by_an_old_cargo():
    d = classify(_log("blind/b4-mixed/46-dupekit-uv-cargo-edition2024.log"))
    assert d is not None and d.cause == "rust-too-old"
    # the same cargo wrapper caused by a connection failure stays network (the lab's recording)
    d = classify(_log("logs/network-cargo-crates-unreachable__pip-26.3.log"))
    assert d is not None and d.cause == "network"


def test_libpython_with_a_version_stays_a_library():
    # b4/81 (Fedora, no python2-devel) and b4/80 (libpython3.6m not under -L/usr/lib64): the label stands
    for name in ("81-pycryptodomex-fedora-lpython27", "80-coord-centos7-cvmfs-lpython"):
        d = classify(_log("blind/b4-mixed/%s.log" % name))
        assert d is not None and d.cause == "library-link-missing", name


# -- b5-b7: wrong specific causes ruled out; config lookups that are probes -------------------------


@pytest.mark.parametrize("name", [
    "b5-qa-pages/34-mwdust-sdist-missing-own-header-macos",  # the package's own header (a sibling's prefix)
    "b7-arm-musl-lang/04-khmer-own-header",  # the package's own header (beside its extension module)
    "b5-qa-pages/36-universal-portfolios-m-lib-lnk1181",  # libm asked of MSVC
    "b7-arm-musl-lang/17-pyquadkey2-m1-lsystem-brew-llvm",  # libSystem: no SDK given to the linker
    "b7-arm-musl-lang/95-pynng-m1-latomic",  # no libatomic on macOS
    "b7-arm-musl-lang/46-greenlet-termux-clang-stdio-h",  # Termux's clang without its own stdio.h
    "b7-arm-musl-lang/90-pyaudio-pixi-rk3588-unistd-ext",  # host glibc's bits/ under a conda toolchain
    "b6-recent-issues/33-pyalsaaudio-win-c1083-linux-only",  # ALSA under MSVC
    "b6-recent-issues/65-maturin-xwin-autodetect-link-exe",  # link.exe on a Linux host
    "b6-recent-issues/72-cffi-msvc9compiler-setuptools74-cibw",  # setuptools 74 removed msvc9compiler
    "b5-qa-pages/03-argon2-cffi-openwrt-ccache-cc",  # a pkg-config probe, then a program no rule names
])
def test_b5_b7_wrong_causes_are_ruled_out(name):
    from pip_explain.enrich.platform import detect
    from pip_explain.report import explain_log

    lines = _log(os.path.join("blind", name + ".log"))
    assert PLAIN.classify(lines) is not None  # the rules alone named a cause
    assert all(e.diagnosis is None for e in explain_log(lines, detect()))


@pytest.mark.parametrize("name,cause", [
    # lxml prints its failed xslt-config lookup and carries on: the later failure is the cause
    ("b5-qa-pages/61-lxml-gesetze-tools-xslt-config-debian", "library-header-missing"),
    ("b7-arm-musl-lang/39-lxml-ditto-win-py34-msvc10", "msvc-missing"),
    # mysqlclient's shell line and its own "mysql_config not found" after it: the same cause
    ("b2-linux-ci/23-mysqlclient-docker-python-mysql-config", "config-tool-missing"),
    ("b2-linux-ci/24-mysqlclient-alpine-python-onbuild-mysql-config", "config-tool-missing"),
])
def test_config_program_lookups_are_probes(name, cause):
    d = classify(_log(os.path.join("blind", name + ".log")))
    assert d is not None and d.cause == cause


def test_a_config_lookup_alone_is_still_the_cause():
    d = classify(["/bin/sh: 1: mysql_config: not found"])
    assert d is not None and d.cause == "config-tool-missing" and d.detail == "mysql_config"


def test_own_header_shapes():
    from pip_explain.rules._knowledge import is_own_header

    own = [("subs_memory.h", "mwdust/util/SFD_CodeC/subs_asciifile.c"),  # mwdust #40
           ("abpoa_simd_internal.h", "src/abpoa_align_simd.c"),  # abPOA #98
           ("_tracers_pycompat.h", "crosshair/_tracers.c"),  # CrossHair #197
           ("khmer.hh", "khmer/_khmermodule.cc"),  # khmer #352
           ("psautohint.h", "python/psautohint/_psautohint.c")]  # psautohint #13
    libraries = [("winpty.h", "winpty/cywinpty.c"), ("portaudio.h", "src/_portaudiomodule.c"),
                 ("yaml.h", "yaml/_yaml.h"),  # the package table knows it
                 ("pcap.h", "pcap.c"), ("cuda.h", "src/cpp/cuda.hpp"), ("gdal_priv.h", "extensions/gdal_wrap.cpp"),
                 ("notmuch.h", "build/temp.linux-x86_64-cpython-310/notmuch2._capi.c"),
                 ("zbar.h", "src/zbarlight/_zbarlight.c"), ("hdf.h", "pyhdf/hdfext_wrap.c"),
                 ("alsa/asoundlib.h", "alsa/alsa_foo.c")]
    assert all(is_own_header(h, src) for h, src in own)
    assert not any(is_own_header(h, src) for h, src in libraries)


def test_situations_of_b5_b7():
    from pip_explain.rules._knowledge import CONDA_TOOLCHAIN, RUST_UNIX_HOST, TERMUX, UNEXPLAINED_SPAWN

    def facts(name):
        return situations(_log(os.path.join("blind", name + ".log")))

    assert TERMUX in facts("b7-arm-musl-lang/46-greenlet-termux-clang-stdio-h")
    assert CONDA_TOOLCHAIN in facts("b7-arm-musl-lang/90-pyaudio-pixi-rk3588-unistd-ext")
    assert RUST_UNIX_HOST in facts("b6-recent-issues/65-maturin-xwin-autodetect-link-exe")
    assert UNEXPLAINED_SPAWN in facts("b5-qa-pages/03-argon2-cffi-openwrt-ccache-cc")
    assert "own-header:subs_memory.h" in facts("b5-qa-pages/34-mwdust-sdist-missing-own-header-macos")
    # a compiler missing is a named cause, not an unexplained spawn; a library's header is not the package's
    assert UNEXPLAINED_SPAWN not in situations(["unable to execute 'gcc': No such file or directory"])
    assert not any(f.startswith("own-header:") for f in facts("b4-mixed/01-notmuch2-header"))


def test_a_sources_own_header_under_its_own_directory():
    # pogeo's geometry/base/int128.cc asking for 'base/int128.h' (b50-win-mac-2014-20-h/08); not a binding's
    # directory named like the library it wraps (rocksdb/_rocksdb.cpp asking for rocksdb/slice.h, b13-old-pip-py2/05)
    own = situations(["    geometry/base/int128.cc(11): fatal error C1083: Cannot open include file: 'base/int128.h':"
                      " No such file or directory"])
    assert "own-header:base/int128.h" in own
    binding = situations(["rocksdb/_rocksdb.cpp:617:10: fatal error: 'rocksdb/slice.h' file not found"])
    assert not any(f.startswith("own-header:") for f in binding)


def test_a_header_under_the_include_directory_of_a_librarys_copy_in_the_tree():
    # pyenet compiles its bundled ENet with -Ienet/include/ and the sdist leaves the copy out (live batch 44); a
    # library's header with no such include path, or with the library's include directory outside the tree, stays one
    gcc = ("gcc -fPIC -DHAS_POLL -Ienet/include/ -I/usr/include/python3.12 -c enet.c -o build/temp/enet.o",
           "enet.c:799:10: fatal error: enet/types.h: No such file or directory")
    assert "own-header:enet/types.h" in situations(list(gcc))
    for first in ("gcc -fPIC -Isrc -I/usr/include/python3.12 -c enet.c -o build/temp/enet.o",
                  "gcc -fPIC -I/usr/local/enet/include -c enet.c -o build/temp/enet.o",
                  "gcc -fPIC -Ilib/enet/include -c enet.c -o build/temp/enet.o"):
        assert not any(f.startswith("own-header:") for f in situations([first, gcc[1]])), first


def test_python_headers_gone_match_the_include_directories_of_the_pythons_here():
    """PYTHON_HEADERS_GONE against the include/ of every CPython found under
    pyenv: a header listed as gone in 3.N is absent from 3.N's include
    directory and later ones, and present in the release before (when that
    Python is here)."""
    import glob
    import os

    from pip_explain.rules._shapes import PYTHON_HEADERS_GONE

    found = {}
    for inc in glob.glob(os.path.expanduser("~/.pyenv/versions/*/include/python[23].*")):
        m = re.search(r"python(\d)\.(\d+)m?$", inc)
        if m:
            found[(int(m.group(1)), int(m.group(2)))] = {n.lower() for n in os.listdir(inc) if n.endswith(".h")}
    if len(found) < 2:
        pytest.skip("fewer than two CPython include directories under ~/.pyenv")
    for header, gone in PYTHON_HEADERS_GONE.items():
        for version, names in found.items():
            if version >= gone:
                assert header not in names, (header, version)
        before = max((v for v in found if v < gone), default=None)
        if before is not None:
            assert header in found[before], (header, before)


def test_a_license_string_that_is_no_spdx_expression_is_the_projects_metadata():
    # setuptools' validator refusing "Apache License 2.0" (b51-frontends-2026/14): no setuptools takes it, so not an
    # old setuptools; a valid SPDX string refused by one older than 77 stays that (b17-newpy-freethreaded/05)
    pytest.importorskip("packaging.licenses")
    d = classify(_log("blind/b51-frontends-2026/14-opendatahub-tests-uv-sync-editable-setuptools-license-string-not-spdx.log"))
    assert d is None or d.cause == "other"
    d = classify(_log("blind/b17-newpy-freethreaded/05-optree-no-build-isolation-old-setuptools-pep639-license.log"))
    assert d is not None and d.cause == "build-dependency-missing"
