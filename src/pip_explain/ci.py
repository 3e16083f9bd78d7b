"""The explanation where CI users look: GitHub Actions annotations and step
summary, GitLab CI collapsible sections.

* ``GITHUB_ACTIONS=true``: each diagnosis also becomes one
  ``::error title=…::…`` workflow command on the stream given (stderr: the
  runner reads workflow commands from both streams), and a short Markdown
  summary (cause, evidence line, fix, ways out, retry) is appended to the
  file ``$GITHUB_STEP_SUMMARY`` names.
* ``GITLAB_CI=true``: the panel is written inside a custom collapsible
  section (``\\e[0Ksection_start:TIME:NAME[collapsed=false]\\r\\e[0KHEADER`` …
  ``\\e[0Ksection_end:TIME:NAME\\r\\e[0K``), open by default.

Without those variables nothing here writes anything. Every string taken from
a log or a command line goes through :func:`pip_explain.render._safe` (no
escape, no control character, no markup, secrets redacted, bounded) before
it is escaped for its destination. Nothing here raises: a CI extra that fails
must never hide the panel or change the command's outcome.

Escaping (GitHub's runner and ``@actions/core``'s ``command.ts``): in a
command's data ``%`` → ``%25``, CR → ``%0D``, LF → ``%0A``; in a property
value also ``:`` → ``%3A`` and ``,`` → ``%2C``. The data part is everything
after the first ``::`` that ends the properties, so a ``::`` inside it is
kept as text; the runner does not decode ``%3A`` there, which is why colons in
data are left as they are.
"""
from __future__ import annotations

import os
import re
import sys
import time
from contextlib import contextmanager
from typing import Iterator, List, Mapping, Optional, Sequence

#: Bytes appended to $GITHUB_STEP_SUMMARY at most per report (GitHub's cap is 1 MiB per step).
MAX_SUMMARY = 64 * 1024
#: Annotations per report (GitHub shows 10 errors per step).
MAX_ANNOTATIONS = 10
#: Characters of one evidence line in an annotation or the summary.
MAX_EVIDENCE = 500


def detect(environ: Optional[Mapping[str, str]] = None) -> Optional[str]:
    """``"github"``, ``"gitlab"`` or None."""
    env = os.environ if environ is None else environ
    if (env.get("GITHUB_ACTIONS") or "").strip().lower() == "true":
        return "github"
    if (env.get("GITLAB_CI") or "").strip().lower() == "true":
        return "gitlab"
    return None


# -- escaping ------------------------------------------------------------------

def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _safe(text: Optional[str], limit: int = 0) -> str:
    from pip_explain.render import _safe as safe

    out = safe(text or "") or ""
    if limit and len(out) > limit:
        out = out[:limit] + "…"
    return out


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#!|~])")


def md_text(text: str) -> str:
    """Plain text shown as Markdown text: punctuation Markdown acts on is
    backslash-escaped, ``&`` is an entity (no HTML, no links, no emphasis)."""
    return _MD_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;"))


def md_code(text: str) -> str:
    """Inline code whose fence is longer than any backtick run in ``text``."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return fence + pad + text + pad + fence


def md_block(text: str, lang: str = "") -> str:
    longest = max((len(m) for m in re.findall(r"`{3,}", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return "%s%s\n%s\n%s" % (fence, lang, text, fence)


# -- what a diagnosis says --------------------------------------------------------

def _label(e) -> str:
    if e.package and e.version:
        return "%s %s" % (e.package, e.version)
    return e.package or "this package"


def _first_fix(e):
    """(label, command) of the first way out, else of the first fix."""
    if e.alternatives:
        a = e.alternatives[0]
        return a.detail, a.command
    if e.fixes:
        return e.fixes[0].label, e.fixes[0].command
    return "", ""


def _items(explained: Sequence) -> List:
    """The explanations the panel shows: one per (cause, detail, package);
    unrecognized ones only when nothing was recognized."""
    seen, out = set(), []
    recognized = [e for e in explained if e.diagnosis is not None]
    for e in recognized or list(explained)[:1]:
        key = (e.diagnosis.cause, e.diagnosis.detail, e.package) if e.diagnosis else None
        if key is not None and key in seen:
            continue
        seen.add(key)
        out.append(e)
    return out


def error_lines(explained: Sequence, retry: Optional[str] = None) -> List[str]:
    """One ``::error`` workflow command per diagnosis (no line break inside)."""
    lines = []
    for e in _items(explained)[:MAX_ANNOTATIONS]:
        label = _safe(_label(e), 200)
        step = _safe(e.step, 200) if e.step else "the build"
        if e.diagnosis is not None:
            d = e.diagnosis
            title = "pip-explain: %s (%s) in %s" % (d.cause, d.rule.code, label)
            ev = d.evidence[0]
            body = ["%s: %s" % (label, _safe(d.title, 300)),
                    "%s, line %d of its output: %s" % (step, ev.line, _safe(ev.text, MAX_EVIDENCE))]
        else:
            title = "pip-explain: building %s failed (cause not recognized)" % label
            body = ["pip-explain does not recognize why building %s failed." % label]
            if e.decisive:
                ev = e.decisive[0]
                body.append("%s, line %d of its output: %s" % (step, ev.line, _safe(ev.text, MAX_EVIDENCE)))
        what, command = _first_fix(e)
        if command:
            body.append("fix: %s%s" % (_safe(command, 500), " (%s)" % _safe(what, 300) if what else ""))
        if retry:
            body.append("retry: %s" % _safe(retry, 500))
        lines.append("::error title=%s::%s" % (escape_property(_safe(title, 300)), escape_data("\n".join(body))))
    return lines


def summary(explained: Sequence, retry: Optional[str] = None, platform_label: str = "") -> str:
    """A short Markdown report: per diagnosis its cause, evidence line, fix and ways out."""
    parts = []
    for e in _items(explained):
        label = _safe(_label(e), 200)
        step = _safe(e.step, 200) if e.step else "the build"
        shown = None  # the fix shown above the ways out (not repeated in them)
        if e.diagnosis is not None:
            d = e.diagnosis
            parts.append("### pip-explain: %s — %s\n" % (md_code(d.cause), md_text(label)))
            parts.append("**%s** (%s)\n" % (md_text(_safe(d.title, 300)), md_code(d.rule.code)))
            ev = d.evidence[0]
            parts.append("Evidence, %s, line %d of its output:\n\n%s\n" % (
                md_text(step), ev.line, md_block(_safe(ev.text, MAX_EVIDENCE), "text")))
            fixes = [f for f in e.fixes if f.command]
            if fixes:
                from pip_explain.render import _uses_package_manager

                # the fix of the cause itself (a package manager's), else the first one
                fix = next((f for f in fixes if _uses_package_manager(f.command)), fixes[0])
                shown = fix.command
                where = (" (on %s)" % md_text(_safe(platform_label, 100))
                         if platform_label and _uses_package_manager(fix.command) else "")
                parts.append("**Fix**%s: %s\n" % (where, md_text(_safe(fix.label, 300))) if fix.label
                             else "**Fix**%s:\n" % where)
                parts.append(md_block(_safe(fix.command, 500), "sh") + "\n")
        else:
            parts.append("### pip-explain: building %s failed (cause not recognized)\n" % md_text(label))
            if e.decisive:
                parts.append("The lines to read first, from %s:\n\n%s\n" % (
                    md_text(step), md_block("\n".join("line %d: %s" % (ev.line, _safe(ev.text, MAX_EVIDENCE))
                                                      for ev in e.decisive[:5]), "text")))
        ways = [a for a in e.alternatives if a.command != shown]
        if ways:
            parts.append("**Ways out**, cheapest first:\n")
            for a in ways[:6]:
                text = md_text(_safe(a.detail, 300)) if a.detail else "Fix"
                parts.append("- %s%s" % (text[:1].upper() + text[1:], ": " + md_code(_safe(a.command, 500))
                                         if a.command else ""))
            parts.append("")
    if retry:
        parts.append("Retry: %s\n" % md_code(_safe(retry, 500)))
    text = "\n".join(parts).rstrip("\n") + "\n\n"
    if len(text.encode("utf-8")) > MAX_SUMMARY:
        text = text.encode("utf-8")[:MAX_SUMMARY].decode("utf-8", "ignore") + "\n\n(cut)\n\n"
    return text


# -- writing -------------------------------------------------------------------------

def _debug(exc) -> None:
    from pip_explain._env import debug

    debug(exc)


def annotate(explained: Sequence, retry: Optional[str], platform_label: str = "", stream=None,
             environ: Optional[Mapping[str, str]] = None) -> Optional[str]:
    """Under GitHub Actions: the ``::error`` lines on ``stream`` (stderr by
    default) and the summary appended to ``$GITHUB_STEP_SUMMARY``. Returns
    the CI detected (None: nothing written). Never raises."""
    try:
        env = os.environ if environ is None else environ
        kind = detect(env)
        if kind != "github" or not explained:
            return kind
        stream = stream or sys.stderr
        try:
            for line in error_lines(explained, retry):
                stream.write(line + "\n")
            stream.flush()
        except Exception as exc:  # a closed or broken stderr
            _debug(exc)
        path = env.get("GITHUB_STEP_SUMMARY")
        if path:
            try:
                with open(path, "a", encoding="utf-8") as f:
                    f.write(summary(explained, retry, platform_label))
            except Exception as exc:
                _debug(exc)
        return kind
    except Exception as exc:
        _debug(exc)
        return None


_SECTION_NAME = re.compile(r"[^A-Za-z0-9_.-]")


@contextmanager
def section(stream, header: str, environ: Optional[Mapping[str, str]] = None) -> Iterator[None]:
    """Under GitLab CI, what is written inside the block is a collapsible
    section of the job log (open by default); elsewhere nothing changes."""
    kind = None
    name = ""
    try:
        kind = detect(environ)
        if kind == "gitlab":
            name = _SECTION_NAME.sub("_", "pip_explain_%d_%d" % (os.getpid(), int(time.time() * 1000)))
            stream.write("\x1b[0Ksection_start:%d:%s[collapsed=false]\r\x1b[0K%s\n"
                         % (int(time.time()), name, _safe(header, 200)))
            stream.flush()
    except Exception as exc:
        _debug(exc)
        kind = None
    try:
        yield
    finally:
        if kind == "gitlab":
            try:
                stream.write("\x1b[0Ksection_end:%d:%s\r\x1b[0K\n" % (int(time.time()), name))
                stream.flush()
            except Exception as exc:
                _debug(exc)


def header(explained: Sequence) -> str:
    """The section's header: the first cause and package."""
    items = _items(explained)
    if not items:
        return "pip-explain"
    e = items[0]
    if e.diagnosis is not None:
        return "pip-explain: %s in %s" % (e.diagnosis.cause, _label(e))
    return "pip-explain: building %s failed" % _label(e)

