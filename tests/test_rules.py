"""Every rule recognises its own examples (facts from real logs) and nothing
from its counter-examples; the registry honours the taxonomy contract."""
import os
import re

import pytest

from pip_explain.causes import CAUSES
from pip_explain.classify import Classifier, classify
from pip_explain.rules import all_rules, by_code

RULES = all_rules()


def _cases(attr):
    return [pytest.param(rule, text, id="%s-%d" % (rule.code, i))
            for rule in RULES for i, text in enumerate(getattr(rule, attr))]


@pytest.mark.parametrize("rule,text", _cases("examples"))
def test_example_classifies_to_its_rule(rule, text):
    diagnosis = classify([text])
    if diagnosis is None:  # knowledge that needs the platform (rules/_knowledge.py): the line in a Linux log
        diagnosis = classify([text], known=("unix",))
    assert diagnosis is not None, text
    assert diagnosis.rule is rule, (text, diagnosis.rule.code)
    assert diagnosis.evidence[0].line == 1


@pytest.mark.parametrize("rule,text", _cases("counter_examples"))
def test_counter_example_is_not_this_rule(rule, text):
    diagnosis = classify([text])
    assert diagnosis is None or diagnosis.rule is not rule


def test_codes_unique_and_causes_from_the_taxonomy():
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes))
    for rule in RULES:
        assert re.fullmatch(r"PX\d{3}", rule.code)
        assert rule.cause in CAUSES, rule.cause
        assert rule.examples, rule.code


def test_cause_ids_match_shared_taxonomy():
    path = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "TAXONOMY.md")
    if not os.path.exists(path):
        pytest.skip("../shared/TAXONOMY.md is not beside this checkout")
    text = open(path, encoding="utf-8").read()
    ids = set(re.findall(r"^\| `([a-z-]+)` \|", text, re.MULTILINE))
    assert ids == set(CAUSES)


def test_by_code_is_case_insensitive():
    assert by_code()["PX001"].cause == "compiler-missing"


def test_first_root_cause_wins_over_later_symptoms():
    lines = [
        "building 'netifaces' extension",
        "netifaces.c:1:10: fatal error: Python.h: No such file or directory",
        "compilation terminated.",
        "error: command '/usr/bin/gcc' failed with exit code 1",
    ]
    d = classify(lines)
    assert d.cause == "python-headers-missing" and d.detail == "Python.h"
    assert d.evidence[0].line == 2


def test_earliest_line_wins_between_two_causes():
    lines = ["x.c:1:10: fatal error: ffi.h: No such file or directory",
             "error: command 'g++' failed: No such file or directory"]
    assert classify(lines).cause == "library-header-missing"


def test_weak_pattern_only_when_nothing_else_matched():
    weak = "Rust not found, installing into a temporary directory"
    assert classify([weak]).cause == "rust-missing"
    lines = [weak, "x.c:1:10: fatal error: ffi.h: No such file or directory"]
    assert classify(lines).cause == "library-header-missing"


def test_nothing_recognised_is_none():
    assert classify(["src/a.c:10:5: error: unknown type name 'foo'", "error: command 'gcc' failed"]) is None


def test_escape_sequences_do_not_hide_a_match():
    line = "\x1b[01m\x1b[Knetifaces.c:1:10:\x1b[m\x1b[K \x1b[01;31m\x1b[Kfatal error: \x1b[m\x1b[KPython.h: No such file or directory"
    d = classify([line])
    assert d.cause == "python-headers-missing"
    assert "\x1b" not in d.evidence[0].text


def test_engine_knows_no_rule_by_name():
    # A classifier over a single rule sees only that rule.
    rust = by_code()["PX020"]
    only = Classifier([rust])
    assert only.classify(["error: command 'gcc' failed: No such file or directory"]) is None
    assert only.classify(["error: can't find Rust compiler"]).rule is rust


def test_overlong_lines_and_pathological_input_stay_cheap():
    # 1 MB lines built to make a backtracking engine stall.
    bad = ["a" * 1_000_000, "fatal error: " + "x" * 1_000_000, "'" * 1_000_000, ": not found" * 100_000]
    assert classify(bad) is None
    # ... and the shapes and situations of this session's batches (b26-b28): a quoted include's echo, a padded
    # terminal copy, a doubled -I flag, a pkg-config call, CMake's program lookup, a make target
    worse = ["x.c:1:1: fatal error: " + "a." * 200_000, '#include "' + "a" * 100_000, ("x" * 80 + " " * 113) * 5_000,
             " -I-I" * 200_000, "pkg-config (" * 100_000, "Could NOT find SWIG (missing: " + "A_B " * 100_000,
             "make: *** [" + "x" * 100_000 + "] Error 127", "Exception: could not find " + "a " * 200_000]
    classify(worse)  # (the timing is bench/'s; here: it returns)


def test_every_cause_of_the_taxonomy_has_a_rule():
    covered = {r.cause for r in RULES}
    assert set(CAUSES) == covered
    # "other" is the honest fallback; its rules (PX090 onwards, rules/known.py: PX09x, then PX100 ...) are failures
    # outside the taxonomy whose cause and fix are known for sure: the contract still says "other"
    assert all(r.code.startswith(("PX09", "PX1")) for r in RULES if r.cause == "other")


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_rule_explains_itself(rule):
    # `pip-explain rule CODE` renders these: what (summary), why, fix, verify, prevent
    assert rule.summary and rule.why and rule.prevent and rule.examples


def test_a_retried_download_does_not_outweigh_a_real_error():
    retry = ("WARNING: Retrying (Retry(total=4)) after connection broken by 'NewConnectionError(': Failed to"
             " establish a new connection: [Errno -3] Temporary failure in name resolution')': /simple/numpy/")
    # alone (and with pip's verdicts after it), the retries are the cause
    assert classify([retry, "ERROR: Could not find a version that satisfies the requirement numpy (from versions:"
                     " none)", "ERROR: No matching distribution found for numpy"]).cause == "network"
    # followed by an error nothing explains, they are not: unrecognized
    assert classify([retry, "src/a.c:10:5: error: unknown type name 'foo'"]) is None
    # followed by a recognised cause, that cause
    assert classify([retry, "x.c:1:10: fatal error: ffi.h: No such file or directory"]).cause == \
        "library-header-missing"


def test_killed_alone_is_memory_but_not_over_a_later_error():
    assert classify(["Killed"]).cause == "resources"
    assert classify(["Killed", "src/a.c:10:5: error: expected ';' before '}' token"]) is None


def test_cmake_optional_packages_are_not_causes():
    lines = ["-- Could NOT find OpenMP_C (missing: OpenMP_C_FLAGS OpenMP_C_LIB_NAMES)",
             "  Could NOT find ZLIB (missing: ZLIB_LIBRARY ZLIB_INCLUDE_DIR)"]
    d = classify(lines)
    assert d.cause == "library-header-missing" and d.detail == "zlib.h" and d.evidence[0].line == 2
    # a find module whose include directory was found: the library's configuration (PX031)
    d = classify(["-- Could NOT find OpenMP_C (missing: OpenMP_C_FLAGS OpenMP_C_LIB_NAMES)",
                  "  Could NOT find PkgConfig (missing: PKG_CONFIG_EXECUTABLE)"])
    assert d.cause == "config-tool-missing" and d.detail == "pkg-config" and d.evidence[0].line == 2


def test_python_itself_is_not_a_library_dependency():
    assert classify(["  Could NOT find Python3 (missing: Python3_INCLUDE_DIRS Development.Module)"]).cause == \
        "python-headers-missing"
    assert classify(["meson.build:5:0: ERROR: Python dependency not found"]).cause == "python-headers-missing"
    assert classify(["/bin/sh: 1: python3.12-config: not found"]).detail == "Python.h"


def test_link_names_are_normalised():
    assert classify(["LINK : fatal error LNK1181: cannot open input file 'libssl.lib'"]).detail == "ssl"
    assert classify(["/usr/bin/ld: cannot find -lpq: No such file or directory"]).detail == "pq"


def test_msvc_wins_over_its_own_link_symptom_only_when_earlier():
    lines = ["error: Microsoft Visual C++ 14.0 or greater is required.",
             "LINK : fatal error LNK1181: cannot open input file 'x.lib'"]
    assert classify(lines).cause == "msvc-missing"


def test_ci_line_prefixes_do_not_hide_anchored_evidence():
    assert classify(["#12 45.67 Killed"]).cause == "resources"
    # (a find module missing only the library's file: the library, its headers found, b60-lib-lookups-12/09)
    assert classify(["2024-05-01T10:00:00.1234567Z   Could NOT find ZLIB (missing: ZLIB_LIBRARY)"]).cause == \
        "library-link-missing"


def test_windows_sdk_headers_mean_incomplete_build_tools_not_a_library():
    line = "C:\\\\Python312\\\\include\\\\pyconfig.h(59): fatal error C1083: Cannot open include file: 'io.h': No such file"
    assert classify([line]).cause == "msvc-missing"
    assert classify(["x.c(2): fatal error C1083: Cannot open include file: 'zlib.h': No such file or directory"]).cause \
        == "library-header-missing"


def test_every_pattern_compiles():
    # the classifier compiles a pattern only when a line holds its needle: a broken one must fail here
    for rule in all_rules():
        for pattern in rule.patterns:
            re.compile(pattern.regex, re.IGNORECASE)
            if pattern.then:
                re.compile(pattern.then, re.IGNORECASE)
            assert pattern.needle == pattern.needle.lower(), (rule.code, pattern.needle)
