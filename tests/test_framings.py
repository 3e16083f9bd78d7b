"""A log's cause does not depend on how it was carried: a CI runner's timestamps,
a Docker build's step prefix, docker compose's service column, a forum quote or
a Markdown code block's indent on every line (bench/framings.py lists them,
with the real logs that carry each). Every labelled log of the corpora, under
every framing, as a list and through the streaming LogFile of `explain`."""
import importlib.util
import os

import pytest

from pip_explain.enrich.platform import detect
from pip_explain.logparse import LogFile, carrier
from pip_explain.report import explain_log

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_spec = importlib.util.spec_from_file_location("framings", os.path.join(ROOT, "bench", "framings.py"))
framings = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(framings)  # type: ignore[union-attr]

LOGS = list(framings.logs(os.path.join(ROOT, "tests", "fixtures", d) for d in framings.CORPORA))


def test_corpora_are_there():
    assert len(LOGS) >= 600


@pytest.mark.parametrize("name", sorted(framings.FRAMINGS))
def test_every_log_keeps_its_cause(name):
    platform = detect()
    changed = []
    for path in LOGS:
        lines = framings.read(path)
        base = framings.predict(lines, platform)
        got = framings.predict(framings.framed(lines, name), platform)
        if got != base:
            changed.append("%s: %s -> %s" % (os.path.relpath(path, ROOT), base, got))
    assert not changed


@pytest.mark.parametrize("name", ["gha", "buildkit", "quote", "indent"])
def test_streamed_log_keeps_its_cause(name, tmp_path):
    platform = detect()
    for path in LOGS[::25]:
        lines = framings.read(path)
        out = tmp_path / "framed.log"
        out.write_text("\n".join(framings.framed(lines, name)) + "\n", encoding="utf-8")
        got = next(((e.diagnosis.cause, e.diagnosis.detail) for e in explain_log(LogFile(str(out)), platform)
                    if e.diagnosis is not None), ("other", None))
        assert got == framings.predict(lines, platform), path


def test_a_prefix_is_one_only_on_most_lines():
    # a log where a few lines start like a timestamp or a quote keeps them
    lines = ["Collecting foo", "> not a quote", "Building wheel for foo (setup.py): started",
             "12:00:01 a clock in the build's own output", "error: subprocess-exited-with-error"]
    assert carrier(lines) is None
    quoted = ["> " + line for line in lines]
    strip = carrier(quoted)
    assert strip is not None and [strip(line) for line in quoted] == lines


def test_builders_excerpts_lose_their_prefixes():
    # BitBake's failed task ("Log data follows:", then "| " before each line of the task's log; b37-ci-docker-2/16)
    bitbake = ["ERROR: python3-anyio-3.5.0-r0 do_compile: ExecutionError('/x/run.do_compile.3499078', 1, None, None)",
               "Log data follows:", "| DEBUG: Executing shell function do_compile", "| Missing build dependencies:",
               "| - setuptools_scm[toml] >= 3.4"]
    strip = carrier(bitbake)
    assert strip is not None and [strip(line) for line in bitbake][3:] == ["Missing build dependencies:",
                                                                          "- setuptools_scm[toml] >= 3.4"]
    # Spack's excerpt of a build log, numbered ("1 warning found in build log:"; b37-ci-docker-2/12)
    spack = ["==> Error: ProcessError: Command exited with status 1:", "1 warning found in build log:",
             "  >> 3    WARNING: The wheel package is not available.", "     4    /x/bin/python3.8: No module named pip"]
    strip = carrier(spack)
    assert strip is not None and [strip(line) for line in spack][2:] == [
        "WARNING: The wheel package is not available.", "/x/bin/python3.8: No module named pip"]


def test_a_lookup_yields_to_the_wrapped_line_after_it():
    # a pkg-config probe, then gcc's missing header cut by a 120-column terminal (python-gssapi on CentOS 7,
    # b39-old-pip-longtail-10/21): read again with the wrap undone, the header explains the failure
    line = ("    gssapi/bindings/__pycache__/_cffi__x8e012de6x6c820412.c:212:27: fatal error: gssapi/gssapi.h: No such file or"
            " directory")
    lines = ["    Package gss was not found in the pkg-config search path.",
             "    Perhaps you should add the directory containing `gss.pc'",
             "    to the PKG_CONFIG_PATH environment variable", "    No package 'gss' found"]
    lines += framings.wrapped([line], 120) + ["     #include <gssapi/gssapi.h>", "    compilation terminated."]
    assert framings.predict(lines, detect())[0] == "library-header-missing"
    assert framings.predict(lines[:4], detect())[0] == "config-tool-missing"


def _same_cause_wrapped(name, cause, width):
    """The blind log ``name`` gives ``cause`` as posted and hard-wrapped at ``width`` columns."""
    lines = framings.read(os.path.join(ROOT, "tests", "fixtures", "blind", name + ".log"))
    assert framings.predict(lines, detect())[0] == cause
    assert framings.predict(framings.wrapped(lines, width), detect())[0] == cause


def test_a_cause_read_from_a_piece_of_a_wrapped_line_yields_to_the_whole_line():
    # pip's "Ignored the following versions that require a different python version: ... <3.11", cut by an 80-column
    # terminal (b23-pip-error-paths/03): its first piece explains nothing, and the "Could not find a version" line
    # after it, itself cut at the width, named numpy; read again with the wrap undone, Python is the cause
    _same_cause_wrapped("b23-pip-error-paths/03-opencv-headless-4546-via-bubbleblaster-py311-numpy1212-requires-python",
                        "python-too-new", 80)


def test_a_lookup_read_from_the_tail_piece_of_a_wrapped_line_yields_to_the_whole_line():
    # configure's "type: /usr/bin/python-config: not found" cut by an 80-column terminal leaves "on-config: not found",
    # which alone names a config program (b52-lib-lookups-6/06); read again whole, python-config
    _same_cause_wrapped("b52-lib-lookups-6/06-libimobiledevice-autogen-ubuntu1804-no-python-config",
                        "python-headers-missing", 80)


def test_inline_code_backticks_are_a_carrier():
    # a forum paste with every line in Markdown's inline-code backticks (pyccl, b41-win-mac-2014-20-c/13)
    lines = ["`checking for gsl_spline2d_eval_e in -lgsl... no`", "`configure: error: Couldn't find libgsl.`",
             "`Traceback (most recent call last):`"]
    strip = carrier(lines)
    assert strip is not None and strip(lines[1]) == "configure: error: Couldn't find libgsl."
    assert carrier(["`a`", "b", "c", "d"]) is None


def test_an_indent_is_one_only_on_every_line():
    assert carrier(["    a", "  b", "    c"]) is not None
    assert carrier(["    a", "b", "    c"]) is None
    strip = carrier(["    a", "      b", "    c"])
    assert strip is not None and strip("      b") == "  b"


def test_hard_wrapped_logs_mostly_keep_their_cause():
    """A console's wrap undone on a second reading (logparse.unwrapped): cut at
    120 columns no log gets another cause; at 80 none does either (a line that explained the log as a piece a terminal
    cut at its width is read again whole)."""
    platform = detect()
    dirs = [os.path.join(ROOT, "tests", "fixtures", d) for d in framings.CORPORA]
    same, lost, other = framings.wrap_counts(dirs, 120, platform)
    assert not other and same >= 0.97 * (same + lost)
    same, lost, other = framings.wrap_counts(dirs, 80, platform)
    assert not other and same >= 0.9 * (same + lost), other


def test_unwrapped_joins_a_console_width_and_a_quoted_name():
    from pip_explain.logparse import unwrapped

    width = "x" * 70
    lines = [width[:-1] + "a", "bc", width[:-1] + "d", "ef", width[:-1] + "g", "hi", "short"]
    assert unwrapped(lines) == [width[:-1] + "abc", "", width[:-1] + "def", "", width[:-1] + "ghi", "", "short"]
    assert unwrapped(["x.c:4:16: warning: implicit declaration of function", "‘PyUnicode_AS_UNICODE’; did you"]) == [
        "x.c:4:16: warning: implicit declaration of function ‘PyUnicode_AS_UNICODE’; did you", ""]
    assert unwrapped(["nothing wrapped here.", "'quoted' after a full stop"]) is None
    # a compiler's diagnostic broken after its severity (grpcio's cygrpc.cpp under uv, b18-popular-2025-26/02)
    assert unwrapped(["      cygrpc.cpp:6354:39: error:", "      ‘_PyInterpreterState_GetConfig’ was not declared"]) == [
        "      cygrpc.cpp:6354:39: error: ‘_PyInterpreterState_GetConfig’ was not declared", ""]
    assert unwrapped(["usage: error:", "'x' is a word"]) is None
    # gcc's severity cut inside its word (an easy_install build in a console, b33-old-pip-longtail-4/08)
    assert unwrapped(["Cython/Plex/Scanners.c:19:20: fatal e", "rror: Python.h: No such file or directory"]) == [
        "Cython/Plex/Scanners.c:19:20: fatal error: Python.h: No such file or directory", ""]
    assert unwrapped(["x.c:1:2: fatal e", "xit"]) is None


SHORT = [path for path in framings.logs(sorted(
    os.path.join(ROOT, "tests", "fixtures", "blind", d) for d in os.listdir(os.path.join(ROOT, "tests", "fixtures", "blind"))))
    if sum(1 for line in framings.read(path) if line.strip()) <= 2]


@pytest.mark.parametrize("name", ["gha", "buildkit", "jenkins", "clock", "gitlab", "quote", "piplog", "stacked"])
def test_one_and_two_line_pastes_keep_their_cause(name):
    """Too few lines to tell a prefix from content by counting (logparse.carrier): a paste of one or two lines
    loses only the prefixes no build output starts with (timestamps, BuildKit's step, a clock, a quote)."""
    assert len(SHORT) >= 20
    platform = detect()
    changed = [path for path in SHORT if framings.predict(framings.framed(framings.read(path), name), platform)
               != framings.predict(framings.read(path), platform)]
    assert not changed


def test_a_short_paste_keeps_what_reads_like_content():
    # BuildKit's bare seconds and a compose column are not taken from one or two lines: "3.14 on manylinux x86_64"
    # ends a line uv wrapped (b20-py314-2026/20)
    assert carrier(["3.14 on manylinux x86_64"]) is None
    strip = carrier(["2024-05-01T10:00:00.1234567Z error: x"])
    assert strip is not None and strip("2024-05-01T10:00:00.1234567Z error: x") == "error: x"


def test_c1083_broken_inside_a_word_by_the_window():
    # b67-app-trackers-1/09: the excerpt's first line without pip's indent, so no hard-wrap width shows; cl.exe's text
    # is fixed, so only a cut inside it joins (not any line ending in a word)
    from pip_explain.logparse import unwrapped

    assert unwrapped(["x\\yvals.h(12): fatal error C1083: Cannot open includ",
                      "e file: 'crtdbg.h': No such file or directory"]) == [
        "x\\yvals.h(12): fatal error C1083: Cannot open include file: 'crtdbg.h': No such file or directory", ""]
    assert unwrapped(["x\\yvals.h(12): fatal error C1083: Cannot open includ", "ed text"]) is None


def test_an_include_echo_under_a_diagnostic_cut_at_the_width_is_read_again():
    # b68-app-trackers-4/19 hard-wrapped at 80 columns (framings.txt): the probe's line cut in two, so the first reading
    # saw only its #include echo; the whole line is a test compile's lookup and Python.h the failure
    lines = [
        "Downloading https://files.pythonhosted.org/packages/1c/ca/5b8c1fe032a458c2c4bcbe",
        "509d1401dca9dda35c7fc46b36bb81c2834740/psutil-5.6.3.tar.gz#sha256=863a85c1c0a510",
        "3a12c05a35e59d336e1d665747e531256e061213e2e90f63f3",
        "Running psutil-5.6.3/setup.py -q bdist_egg --dist-dir /tmp/easy_install-w7rnfaaw",
        "/psutil-5.6.3/egg-dist-tmp-x274iu7g",
        "/tmp/easy_install-w7rnfaaw/psutil-5.6.3/temp/tmpjziqzpw0.c:1:10: fatal error: li",
        "nux/ethtool.h: No such file or directory",
        " #include <linux/ethtool.h>",
        "          ^~~~~~~~~~~~~~~~~",
        "compilation terminated.",
        "psutil/_psutil_common.c:9:10: fatal error: Python.h: No such file or directory",
        " #include <Python.h>",
        "          ^~~~~~~~~~",
        "compilation terminated.",
    ]
    got = [(e.diagnosis.cause, e.diagnosis.detail) for e in explain_log(lines, detect()) if e.diagnosis is not None]
    assert got[:1] == [("python-headers-missing", "Python.h")]
