"""Build output is untrusted: make it plain, single-line and secret-free.

Every expression here is linear: no nested quantifiers, and each one that can
fail after a long run starts at a fixed literal ("://", "?", a token prefix).
"""
from __future__ import annotations

import re

# ESC [ params intermediates final (CSI); ESC ] ... BEL or ST (OSC: titles, links);
# ESC P/X/^/_ ... ST (DCS, SOS, PM, APC); any other two-byte ESC sequence.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[ -~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
)
# C0 and C1 controls except tab, and the Unicode bidi overrides / isolates that
# can make a line read differently from what it contains.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Rich markup that would act if a renderer ever parsed it: links, closers,
# event handlers. Other bracketed text (a[i], [end of output]) stays.
_MARKUP = re.compile(r"\[(?:/|/?link(?:=[^\[\]\n]*)?|@[^\[\]\n]*|/[a-z][a-z ]{0,40})\]", re.IGNORECASE)


def strip_escapes(text: str) -> str:
    if "\x1b" in text or "\x9b" in text:
        # redact first too: a sequence can swallow a secret's first letter
        # ("\x9b Authorization: ..." loses its "A"), the terminal would as well
        text = _ESCAPES.sub("", redact(text))
    return _CONTROLS.sub("", text)


def clean_line(text: str) -> str:
    """One line of build output, as plain text: no escapes, no controls.

    A carriage return inside a line (progress bars) keeps what was drawn last.
    """
    if "\r" in text:
        parts = [p for p in text.split("\r") if p.strip()]
        text = parts[-1] if parts else ""
    return strip_escapes(text.expandtabs(4))


def plain(text: str) -> str:
    """Anything from the log or the command line, ready to print on one line."""
    if "\n" in text or "\u2028" in text or "\u2029" in text:
        text = text.replace("\n", " ").replace("\u2028", " ").replace("\u2029", " ")
    return redact(_MARKUP.sub("", clean_line(text)))


# -- secrets ---------------------------------------------------------------

_URL_USERINFO = re.compile(r"://[^/\s@:?#]+(?::[^/\s@?#]*)?@")
_QUERY_SECRET = re.compile(
    r"([?&;](?:access_?token|auth|token|api_?key|apikey|key|secret|password|passwd|pwd|sig|signature|"
    r"x-amz-signature|x-amz-credential|client_secret)=)[^&\s#\"']+",
    re.IGNORECASE,
)
_AUTH_HEADER = re.compile(
    r"((?:proxy-)?authorization\s*[:=]\s*(?:(?:basic|bearer|token|digest)\s+)?)[^\s\"',;]+", re.IGNORECASE
)
_TOKENS = re.compile(
    r"\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|glpat-[A-Za-z0-9_-]{20,}"
    r"|pypi-[A-Za-z0-9_-]{40,}|xox[abposr]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|npm_[A-Za-z0-9]{36})"
)
_ENV_SECRET = re.compile(
    r"\b((?:[A-Z0-9_]*(?:TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|APIKEY|ACCESS_KEY))=)[^\s\"']+"
)
REDACTED = "****"


def redact(text: str) -> str:
    """Remove credentials: URL user:token@, secret query values, auth headers,
    well-known token shapes, VAR=value for secret-looking variables."""
    if "://" in text:
        text = _URL_USERINFO.sub("://" + REDACTED + "@", text)
    if "=" in text:
        text = _QUERY_SECRET.sub(r"\1" + REDACTED, text)
        text = _ENV_SECRET.sub(r"\1" + REDACTED, text)
    low = text.lower()
    if "authoriz" in low:
        text = _AUTH_HEADER.sub(r"\1" + REDACTED, text)
    return _TOKENS.sub(REDACTED, text)
