"""CI annotations (pip_explain.ci): GitHub workflow commands and step summary, GitLab sections.

The explanations come from the real classifier on lines of a log recorded from
a real pip run (tests/fixtures/logs/c-compiler-missing__pip-22.3.1.log, its
sidecar says how).
"""
from __future__ import annotations

import io
import re
from pathlib import Path

from pip_explain import ci, render
from pip_explain.enrich.platform import Platform, Python
from pip_explain.report import explain_lines

PY = Python((3, 11), "cpython", "/usr/bin/python3.11", "/usr", "/usr/include/python3.11", True, "distro")
DEBIAN = Platform("linux", "debian", (), "12", "Debian GNU/Linux 12 (bookworm)", "apt", True, PY)
LOG = Path(__file__).resolve().parent / "fixtures" / "logs" / "c-compiler-missing__pip-22.3.1.log"
GCC = "error: command 'gcc' failed: No such file or directory"


def _gcc(extra=()):
    lines = LOG.read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if "running build_ext" in line)
    block = [line.strip() for line in lines[start:start + 13]] + list(extra)
    assert any(GCC in line for line in block)
    return explain_lines(block, DEBIAN, "netifaces", "0.11.0", "Building wheel for netifaces (setup.py)")


def test_nothing_without_ci_variables(tmp_path):
    out = io.StringIO()
    assert ci.detect({}) is None
    assert ci.annotate([_gcc()], "pip install netifaces", "Debian 12", out, environ={}) is None
    assert out.getvalue() == ""
    with ci.section(out, "x", environ={}):
        out.write("panel\n")
    assert out.getvalue() == "panel\n"
    assert ci.detect({"GITHUB_ACTIONS": "false", "GITLAB_CI": ""}) is None


def test_github_annotation_and_summary(tmp_path):
    summary = tmp_path / "step.md"
    summary.write_text("earlier step\n")
    out = io.StringIO()
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    assert ci.annotate([_gcc(), _gcc()], "pip install netifaces==0.11.0", DEBIAN.label, out, environ=env) == "github"
    lines = out.getvalue().splitlines()
    assert len(lines) == 1  # the same diagnosis twice: one annotation, like the panel
    line = lines[0]
    assert line.startswith("::error title=pip-explain%3A compiler-missing (PX001) in netifaces 0.11.0::")
    data = line.split("::", 2)[2]
    assert "\n" not in data and "\r" not in data
    decoded = data.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")
    assert GCC in decoded and "retry: pip install netifaces==0.11.0" in decoded
    assert "fix: " in decoded
    text = summary.read_text()
    assert text.startswith("earlier step\n### pip-explain: `compiler-missing` — netifaces 0.11.0")
    assert "```text\n%s\n```" % GCC in text
    assert "**Fix**" in text and "Retry: `pip install netifaces==0.11.0`" in text


def test_escaping_follows_github_rules():
    assert ci.escape_data("50% a\r\nb: c, d") == "50%25 a%0D%0Ab: c, d"
    assert ci.escape_property("50% a\r\nb: c, d") == "50%25 a%0D%0Ab%3A c%2C d"


def test_untrusted_text_cannot_inject_commands_markup_or_secrets(tmp_path):
    evil = ("x.c:1:10: fatal error: ffi.h: No such file or directory \x1b]0;t\x07 %%0A::warning::x\n"
            "::set-env name=A::b ``` <img src=x> [l](http://u:ghp_%s@h) ghp_%s" % ("a" * 36, "b" * 36))
    e = explain_lines([evil], DEBIAN, "cffi", "1.0", "Building wheel for cffi")
    out = io.StringIO()
    summary = tmp_path / "s.md"
    ci.annotate([e], "pip install https://u:tok@example.invalid/x", "", out,
                environ={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    written = out.getvalue()
    assert written.count("\n") == 1 and written.startswith("::error ")
    assert "\x1b" not in written and "\x07" not in written
    assert "ghp_" not in written and ":tok@" not in written
    assert "%0A::warning" not in written  # a literal "%" in the log is escaped: it stays text
    md = summary.read_text()
    assert "ghp_" not in md and ":tok@" not in md and "\x1b" not in md
    # the evidence is in a fence longer than any backtick run it holds; no HTML outside code
    fence = re.search(r"^(`{4,})text$", md, re.M)
    assert fence, md
    outside = re.sub(r"(?ms)^(`{3,})\w*\n.*?^\1$", "", md)
    assert "<img" not in re.sub(r"`[^`]*`", "", outside)


def test_unrecognized_failure_gets_one_annotation():
    e = explain_lines(["src/a.c:10:5: error: unknown type name 'foo'"], DEBIAN, "pkg", "1.0", "Building wheel")
    assert e.diagnosis is None
    lines = ci.error_lines([e])
    assert len(lines) == 1 and "cause not recognized" in lines[0] and "unknown type name" in lines[0]


def test_gitlab_section_wraps_the_panel():
    out = io.StringIO()
    e = _gcc()
    with ci.section(out, ci.header([e]), environ={"GITLAB_CI": "true"}):
        render.write(render.panel([e], None, 80, DEBIAN.label), out, False, 80)
    text = out.getvalue()
    m = re.match(r"\x1b\[0Ksection_start:(\d+):(pip_explain_[0-9_]+)\[collapsed=false\]\r\x1b\[0K"
                 r"pip-explain: compiler-missing in netifaces 0\.11\.0\n", text)
    assert m, repr(text[:200])
    assert text.endswith("\x1b[0Ksection_end:%s:%s\r\x1b[0K\n" % (text.rsplit(":", 2)[1], m.group(2)))
    assert "pip-explain: compiler-missing (PX001)" in text
    assert ci.annotate([e], None, "", io.StringIO(), environ={"GITLAB_CI": "true"}) == "gitlab"


def test_summary_file_unwritable_is_harmless(tmp_path):
    out = io.StringIO()
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(tmp_path / "no" / "such" / "dir" / "f.md")}
    assert ci.annotate([_gcc()], None, "", out, environ=env) == "github"
    assert out.getvalue().startswith("::error ")


def test_broken_stream_is_harmless():
    class Broken:
        def write(self, text):
            raise BrokenPipeError

        def flush(self):
            raise BrokenPipeError

    assert ci.annotate([_gcc()], None, "", Broken(), environ={"GITHUB_ACTIONS": "true"}) == "github"
    with ci.section(Broken(), "h", environ={"GITLAB_CI": "true"}):
        pass


def test_explain_command_annotates_and_wraps(tmp_path):
    """`pip-explain explain LOG` in CI: the ::error line on stderr, the summary file;
    under GitLab the panel on stdout inside a section; neither without the variables."""
    import os
    import subprocess
    import sys

    base = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "GITLAB_", "PIP_EXPLAIN"))}
    cmd = [sys.executable, "-m", "pip_explain", "explain", str(LOG)]
    plain = subprocess.run(cmd, capture_output=True, text=True, env=base)
    assert plain.returncode == 0 and plain.stderr == "" and "\x1b[0Ksection" not in plain.stdout
    summary = tmp_path / "s.md"
    gh = subprocess.run(cmd, capture_output=True, text=True,
                        env=dict(base, GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary)))
    assert gh.stdout == plain.stdout
    assert gh.stderr.startswith("::error title=pip-explain%3A compiler-missing (PX001) in netifaces 0.11.0::")
    assert GCC in summary.read_text()
    gl = subprocess.run(cmd, capture_output=True, env=dict(base, GITLAB_CI="true"))  # bytes: \r stays
    assert gl.stderr == b""
    out = gl.stdout.decode()
    assert re.match(r"\x1b\[0Ksection_start:\d+:pip_explain_\w+\[collapsed=false\]\r\x1b\[0Kpip-explain: ", out)
    assert re.search(r"\n\x1b\[0Ksection_end:\d+:pip_explain_\w+\r\x1b\[0K\n$", out)
    inner = out.split("\n", 1)[1].rsplit("\x1b[0Ksection_end:", 1)[0]
    assert inner == plain.stdout
