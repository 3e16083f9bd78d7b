import io
import json

from pip_explain import render
from pip_explain.enrich.platform import Platform, Python
from pip_explain.report import explain_lines

PY = Python((3, 11), "cpython", "/usr/bin/python3.11", "/usr", "/usr/include/python3.11", True, "distro")
DEBIAN = Platform("linux", "debian", (), "12", "Debian GNU/Linux 12 (bookworm)", "apt", True, PY)


def explained(lines, package="netifaces", version="0.11.0"):
    return explain_lines(lines, DEBIAN, package, version, "Building wheel for netifaces (pyproject.toml)")


def test_panel_names_cause_evidence_fix_check_retry():
    e = explained(["running build_ext", "error: command 'gcc' failed: No such file or directory"])
    text = render.as_text(render.panel([e], "pip install netifaces==0.11.0", 80, DEBIAN.label))
    assert text.startswith("pip-explain: compiler-missing (PX001)")
    assert "line 2 of its output" in text
    assert "error: command 'gcc' failed: No such file or directory" in text
    assert "sudo apt-get install build-essential" in text
    assert "check: gcc --version" in text
    assert "retry: pip install netifaces==0.11.0" in text


def test_python_headers_fix_matches_the_interpreter():
    e = explained(["x.c:1:10: fatal error: Python.h: No such file or directory"])
    assert [f.command for f in e.fixes] == ["sudo apt-get install python3.11-dev"]
    assert e.verify == ("ls /usr/include/python3.11/Python.h",)


def test_library_header_check_uses_the_right_preprocessor_and_include_dir():
    # Eigen installs under /usr/include/eigen3 and is C++; ffi.h is plain C at the top of /usr/include
    e = explained(["src/domain.hpp:4:10: fatal error: Eigen/Dense: No such file or directory"])
    assert e.verify == ("echo '#include <Eigen/Dense>' | c++ -E -x c++ $(pkg-config --cflags eigen3 2>/dev/null) -"
                        " >/dev/null && echo found",)
    e = explained(["c/_cffi_backend.c:15:10: fatal error: ffi.h: No such file or directory"])
    assert e.verify[0].startswith("echo '#include <ffi.h>' | cc -E -x c")


def test_unrecognized_shows_the_decisive_lines():
    e = explained(["running build_ext", "src/a.c:10:5: error: unknown type name 'foo'",
                   "error: command '/usr/bin/gcc' failed with exit code 1"])
    assert e.diagnosis is None
    assert [ev.line for ev in e.decisive] == [2]
    text = render.as_text(render.panel([e], None, 80))
    assert "unrecognized" in text and "line 2: src/a.c:10:5: error: unknown type name 'foo'" in text


def test_a_resolver_stop_is_not_called_an_unrecognized_build():
    # uv 0.13.9's output for python-apt 0.7.8, whose sdist file name is not PEP 625's (recorded here, live batch 42):
    # nothing was built, so the panel does not say a build failed
    lines = ["Using Python 3.12.1 environment at: v312uv",
             "error: No solution found when resolving dependencies",
             "  cause: Because python-apt==0.7.8 has a non-PEP 625-compliant source distribution filename and you"
             " require python-apt==0.7.8, we can conclude that your requirements are unsatisfiable."]
    e = explain_lines(lines, DEBIAN, None, None, "")
    assert e.diagnosis is None
    text = render.as_text(render.panel([e], None, 80))
    assert text.startswith("pip-explain: no build failed")
    assert "before building anything" in text and "does not recognize" not in text


def test_log_text_cannot_inject_escapes_or_markup():
    evil = "x.c:1:10: fatal error: \x1b]0;pwned\x07[link=http://evil]ffi.h[/link]: No such file or directory"
    e = explained([evil])
    out = io.StringIO()
    render.write(render.panel([e], None, 80), out, color=True, width=80)
    shown = out.getvalue()
    assert "pwned" not in shown and "link=" not in shown and "\x07" not in shown
    plain = io.StringIO()
    render.write(render.panel([e], None, 80), plain, color=False, width=80)
    assert "\x1b" not in plain.getvalue()


def test_color_policy(monkeypatch):
    class TTY(io.StringIO):
        def isatty(self):
            return True

    for var in ("NO_COLOR", "PIP_NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(var, raising=False)
    assert render.use_color(TTY()) is True
    assert render.use_color(io.StringIO()) is False
    assert render.use_color(TTY(), ["--no-color"]) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert render.use_color(TTY()) is False
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("PIP_NO_COLOR", "true")
    assert render.use_color(TTY()) is False


def test_json_shape():
    e = explained(["error: can't find Rust compiler"])
    data = json.loads(json.dumps(render.to_json([e, e], "pip install bcrypt")))
    assert len(data["diagnoses"]) == 1  # the same cause twice is one diagnosis
    d = data["diagnoses"][0]
    assert {k: d[k] for k in ("cause", "code", "detail")} == {"cause": "rust-missing", "code": "PX020", "detail": None}
    assert d["evidence"] == [{"line": 1, "text": "error: can't find Rust compiler"}]
    assert data["unrecognized"] == [] and data["retry"] == "pip install bcrypt"


def test_wrapping_follows_the_width():
    e = explained(["error: command 'gcc' failed: No such file or directory"])
    for line in render.as_text(render.panel([e], None, 60)).splitlines():
        if line.startswith(("note:", "      ")) and "apt-get" not in line:
            assert len(line) <= 60, line
