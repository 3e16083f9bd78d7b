"""Build output is written by arbitrary sdists: property tests (hypothesis).

Whatever the lines contain (terminal escapes, OSC 8 links, title sets, rich
markup, controls, NULs, CR-only lines, invalid UTF-8, secrets), the
classifier, the fallback, the explanation, the panel (plain and in colour),
the JSON and the retry command never raise, print nothing but plain text, and
never show a secret. bench/fuzz.py runs the same checks by the million, plus
the very long inputs.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import string
import tempfile

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import fuzzkit  # noqa: E402
from pip_explain import cli, render  # noqa: E402
from pip_explain.classify import decisive_lines, default_classifier  # noqa: E402
from pip_explain.enrich.platform import detect  # noqa: E402
from pip_explain.rules import all_rules  # noqa: E402

PLATFORM = detect()
EXAMPLES = tuple(ex for r in all_rules() for ex in r.examples)
SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
                database=None, print_blob=True)

ALNUM = string.ascii_letters + string.digits
# a token has digits: a 16-letter word could be one of pip-explain's own
# words (hypothesis found "installationPath", from the vswhere check)
secret_value = st.text(ALNUM, min_size=16, max_size=24).filter(lambda s: any(ch.isdigit() for ch in s))
secret_form = st.sampled_from(fuzzkit.SECRET_FORMS + (fuzzkit.AKIA,))
# a "word" of hostile text: escapes, markup, controls, rule wordings, anything
word = st.one_of(
    st.sampled_from(fuzzkit.HOSTILE),
    st.sampled_from(EXAMPLES),
    st.builds(lambda t, x: t.format(x=x), st.sampled_from(fuzzkit.TRIGGERS),
              st.lists(st.sampled_from(fuzzkit.HOSTILE + tuple("abc.-_/ h")), max_size=6).map("".join)),
    st.text(max_size=12),
    st.text(st.characters(max_codepoint=0xFF), max_size=8),
)
line = st.lists(word, max_size=8).map("".join)


@st.composite
def log_with_secrets(draw):
    """(lines, secret values): hostile lines with secrets planted in some."""
    lines = draw(st.lists(line, min_size=0, max_size=12))
    secrets = []
    for _ in range(draw(st.integers(0, 3))):
        form, value = draw(secret_form), draw(secret_value)
        text = fuzzkit.secret_text(form, value)
        if lines and draw(st.booleans()):
            i = draw(st.integers(0, len(lines) - 1))
            lines[i] = lines[i] + text + draw(st.sampled_from(EXAMPLES + ("",)))
        else:
            lines.append(draw(st.sampled_from(("", "ERROR: ", "fatal error: "))) + text
                         + draw(st.sampled_from(("", ": No such file or directory"))))
        secrets.extend(fuzzkit.secret_values(form, value))
    return lines, secrets


@pytest.fixture(scope="module", autouse=True)
def _rich_for_colour():
    """Colour output goes through rich: pip's vendored copy when no rich is installed."""
    if render._rich() is None:
        try:
            import pip._vendor.rich.console  # noqa: F401
        except Exception:
            pass
    yield


@settings(max_examples=600, **SETTINGS)
@given(st.lists(line, max_size=20))
def test_classifier_and_fallback_never_raise(lines):
    diagnosis = default_classifier().classify(lines)
    if diagnosis is not None:
        assert diagnosis.evidence and diagnosis.evidence[0].line >= 1
    for ev in decisive_lines(lines):
        assert 1 <= ev.line <= len(lines)


@settings(max_examples=900, **SETTINGS)
@given(log_with_secrets(), st.lists(word, max_size=4), st.one_of(st.none(), line), st.one_of(st.none(), line), line)
def test_panel_json_and_retry_are_plain_and_secret_free(log, extra_args, package, version, step):
    lines, secrets = log
    args = ["install"] + extra_args + [fuzzkit.secret_text(fuzzkit.SECRET_FORMS[0], s).strip() for s in secrets[:1]]
    fuzzkit.check_everything(lines, secrets, PLATFORM, args, package, version, step,
                             color_ok=render._rich() is not None)


@settings(max_examples=300, **SETTINGS)
@given(secret_form, secret_value, st.sampled_from(("--index-url", "--extra-index-url", "-i", "")),
       st.sampled_from(("", "=")))
def test_secrets_in_argv_are_redacted_in_the_retry_command(form, value, option, sep):
    from pip_explain.report import retry_command

    class _Cmd:
        name = "install"

    secret = fuzzkit.secret_text(form, value).strip()
    args = ([option + sep + secret] if sep else [option, secret]) if option else [secret]
    retry = retry_command(_Cmd(), ["netifaces"] + args)
    fuzzkit.check_text(retry, fuzzkit.secret_values(form, value), "retry command")


@settings(max_examples=300, **SETTINGS)
@given(st.lists(st.one_of(st.binary(max_size=40), line.map(lambda s: s.encode("utf-8", "surrogatepass")),
                          st.sampled_from([b"\xff\xfe", b"\xc3", b"\xed\xa0\x80", b"\x00", b"\r", b"\r\n",
                                           b"\x1b]0;t\x07", b"\xe2\x80\xae"])), max_size=30),
       st.sampled_from(("text", "json")))
def test_cli_explain_on_arbitrary_files(chunks, fmt):
    data = b"".join(chunks)
    fd, path = tempfile.mkstemp(prefix="px-fuzz-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            rc = cli.main(["explain", "--format", fmt, path])
    finally:
        os.unlink(path)
    assert rc in (0, 2), (rc, err.getvalue())
    if rc == 2:
        assert err.getvalue().startswith("pip-explain: error:") and "\n" == err.getvalue()[-1]
        fuzzkit.check_text(err.getvalue().replace(path, "PATH"), (), "CLI error")
        return
    if fmt == "json":
        doc = json.loads(out.getvalue())
        for s in fuzzkit.json_strings(doc):
            fuzzkit.check_text(s, (), "CLI JSON string")
    else:
        fuzzkit.check_text(out.getvalue(), (), "CLI panel")


def test_redaction_survives_the_line_cut():
    """A secret cut by the 4 KiB line bound must not show its first half."""
    from pip_explain.sanitize import plain

    secret = "A1b2C3d4E5f6G7h8J9k0"
    for pad in (4096 - 40, 4096 - 30, 4096 - 10):
        text = "x" * pad + " https://user:" + secret + "@host/simple ghp_" + secret * 2
        line = "ERROR: " + text
        shown = [plain(ev.text) for ev in decisive_lines([line])]
        for s in shown:
            assert secret[:8] not in s, "partial secret shown after the 4 KiB cut"
