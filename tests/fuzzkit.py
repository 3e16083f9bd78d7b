"""Hostile build output and the properties pip-explain's output must keep.

Shared by tests/test_fuzz.py (hypothesis, thousands of cases) and
bench/fuzz.py (a plain random generator, millions of cases): the atoms an
arbitrary sdist can print, the secret shapes that must never be shown, and
the checks applied to every panel, JSON document and retry command.
"""
from __future__ import annotations

import io
import json
import re
from typing import Iterable, List, Sequence

# Terminal escapes, rich markup, controls and odd line breaks a build can print.
HOSTILE = (
    "\x1b[31m", "\x1b[0m", "\x1b[2J", "\x1b[?1049h", "\x1b[1;1H", "\x1b[", "\x1b", "\x1b\\",
    "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\", "\x1b]8;;https://evil.example/\x07",
    "\x1b]0;owned title\x07", "\x1b]2;title", "\x1bP+q544e\x1b\\", "\x1b_apc\x1b\\", "\x1b^pm", "\x1bX",
    "\x9b31m", "\x9b", "\x90dcs\x9c", "\x9d0;c1 title\x9c", "\x85",
    "[link=https://evil.example/]x[/link]", "[link]", "[/]", "[/link]", "[bold red]red", "[/bold red]",
    "[@click=app.quit]", "[blink]", ":warning:", "[red", "]", "[[/]/]", "\\[/]",
    "\x00", "\x07", "\x08", "\x7f", "\r", "\r\n", "\n", "\t", "\x0b", "\x0c", "\u2028", "\u2029",
    "\u202e", "\u202d", "\u2066", "\u2069", "\u200f", "\ufeff", "\ufffd",
    "é", "漢字", "😀", "\x1b[38;5;196m",
)

# Lines that make rules match (so evidence, details and fixes carry hostile text).
TRIGGERS = (
    "fatal error: {x}: No such file or directory",
    "{x}.h: No such file or directory",
    "error: command '{x}' failed: No such file or directory",
    "unable to execute '{x}': No such file or directory",
    "/bin/sh: 1: {x}: not found",
    "error: [Errno 2] No such file or directory: '{x}'",
    "can't find Rust compiler",
    "error: Microsoft Visual C++ 14.0 or greater is required. {x}",
    "ERROR: {x}",
    "CMake Error at CMakeLists.txt:1 ({x}):",
    "ModuleNotFoundError: No module named '{x}'",
    "RuntimeError: {x}",
    "{x}: command not found",
    "Package {x} was not found in the pkg-config search path.",
    "ld: cannot find -l{x}",
    "/usr/bin/ld: cannot find -l{x}: No such file or directory",
    "× Building wheel for {x} (pyproject.toml) did not run successfully.",
    "╰─> [3 lines of output]",
    "[end of output]",
    "Running command {x}",
    "ERROR: Command errored out with exit status 1:",
    "Complete output (2 lines):",
    "----------------------------------------",
)

#: Secret shapes. ``{s}`` is a random alphanumeric value of 16+ characters:
#: the test fails if it is ever seen in what pip-explain prints or writes.
SECRET_FORMS = (
    "https://user:{s}@pypi.example.org/simple/",
    "https://{s}@pypi.example.org/simple/",
    "git+https://oauth2:{s}@gitlab.example.com/g/p.git",
    "https://pypi.example.org/simple/?token={s}",
    "https://files.example/x.tar.gz?X-Amz-Signature={s}&x=1",
    "https://pypi.example.org/simple/?api_key={s}",
    "Authorization: Bearer {s}",
    "authorization: token {s}",
    "Proxy-Authorization: Basic {s}",
    "ghp_{s}{s}",
    "github_pat_{s}{s}",
    "glpat-{s}{s}",
    "pypi-AgEIcHlwaS5vcmc{s}{s}{s}",
    "xoxb-{s}",
    "GITHUB_TOKEN={s}",
    "TWINE_PASSWORD={s}",
)
AKIA = "AKIA{u}"  # {u}: 16 characters of [0-9A-Z]

_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SGR = re.compile(r"\x1b\[[0-9;]*m")


def secret_text(form: str, value: str) -> str:
    """The secret ``form`` filled with ``value``, spaced off from its neighbours."""
    if form == AKIA:
        return " " + form.format(u=value.upper()[:16].ljust(16, "Z")) + " "
    return " " + form.format(s=value) + " "


def secret_values(form: str, value: str) -> List[str]:
    """What must not be shown for ``form`` filled with ``value``."""
    if form == AKIA:
        return [form.format(u=value.upper()[:16].ljust(16, "Z"))]
    return [value]


def forbidden_chars(text: str) -> List[str]:
    """Controls (C0 but newline, DEL, C1), ESC, bidi overrides in ``text``."""
    return sorted(set(_FORBIDDEN.findall(text.replace("\n", ""))))


def check_text(text: str, secrets: Iterable[str] = (), where: str = "output") -> None:
    bad = forbidden_chars(text)
    assert not bad, "%s contains control characters %r:\n%r" % (where, bad, text[:2000])
    for s in secrets:
        assert s not in text, "%s shows the secret %r:\n%r" % (where, s, text[:2000])


def check_colored(rendered: str, plain_text: str) -> None:
    """A colour rendering is the plain text plus pip-explain's own SGR codes:
    no escape from the input, no markup interpreted (nothing added or lost)."""
    without = _SGR.sub("", rendered)
    assert "\x1b" not in without and "\x9b" not in without, "escape left in colour output: %r" % rendered[:2000]
    def trim(t):  # rich drops trailing blanks at the end of a line
        return [line.rstrip() for line in t.split("\n")]

    assert trim(without) == trim(plain_text), "colour output differs from the plain text:\n%r\n%r" % (
        without[:2000], plain_text[:2000])


def json_strings(value) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from json_strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from json_strings(v)


def check_everything(lines: Sequence[str], secrets: Sequence[str], platform, args: Sequence[str] = (),
                     package=None, version=None, step="", color_ok: bool = True) -> None:
    """Classify ``lines``, explain them, render panel / colour / JSON / retry,
    and check every output. Raises AssertionError (or whatever crashed)."""
    from pip_explain import render
    from pip_explain.classify import decisive_lines, default_classifier
    from pip_explain.report import explain_lines, retry_command

    default_classifier().classify(lines)
    decisive_lines(lines)
    e = explain_lines(lines, platform, package, version, step)

    class _Cmd:
        name = "install"

    retry = retry_command(_Cmd(), list(args))
    for s in secrets:  # its controls are checked where it is shown: panel and JSON
        assert s not in retry, "retry command shows the secret %r: %r" % (s, retry)
    out = render.panel([e, e], retry, 80, platform.label, lambda x: "pip built {label} from source.")
    plain_text = render.as_text(out)
    check_text(plain_text, secrets, "panel")
    if color_ok:
        buf = io.StringIO()
        render.write(out, buf, color=True, width=80)
        check_colored(buf.getvalue(), plain_text)
    doc = render.to_json([e], retry, platform.label)
    dumped = json.dumps(doc, ensure_ascii=False)
    for s in json_strings(json.loads(dumped)):
        check_text(s, secrets, "JSON string")
    for s in secrets:
        assert s not in dumped, "JSON shows the secret %r" % s
