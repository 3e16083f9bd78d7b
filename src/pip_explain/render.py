"""Rendering: the explanation in pip's own visual language, or as JSON.

The panel is first built as lines of (text, style) spans; rich (pip's
vendored copy when pip already loaded it, else the ``rich`` package) only
colours them, and without rich the same lines print as plain text. Text from
the build log is passed through :func:`pip_explain.sanitize.plain` before it
gets here and is never parsed as markup.
"""
from __future__ import annotations

import os
import re
import sys
import textwrap
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from pip_explain.model import Explained
from pip_explain.sanitize import plain

Span = Tuple[str, str]  # (text, style)
Line = List[Span]

ERROR, NOTE, HINT, BOLD, DIM, HEAD = "bold red", "bold magenta", "bold cyan", "bold", "dim", "bold yellow"
OK = "bold green"


def _label(e: Explained) -> str:
    if e.package and e.version:
        return "%s %s" % (e.package, e.version)
    return e.package or "this package"


def _wrap(prefix: Span, text: str, width: int, indent: int = 6) -> List[Line]:
    first = width - len(prefix[0])
    chunks = textwrap.wrap(text, width=max(first, 30), break_long_words=False, break_on_hyphens=False) or [""]
    lines: List[Line] = [[prefix, (chunks[0], "")]]
    rest = " ".join(chunks[1:])
    if rest:
        for chunk in textwrap.wrap(rest, width=max(width - indent, 30), break_long_words=False,
                                   break_on_hyphens=False):
            lines.append([(" " * indent + chunk, "")])
    return lines


#: The longest text shown for one value (an evidence line can be 100 MB long).
MAX_SHOWN = 4096


def _safe(text):
    """Every string that leaves pip-explain: plain (no escape, no control, no
    markup), redacted and bounded, whichever way it came in (an sdist's
    PKG-INFO name, pip's argv, a rule's detail in a fix command)."""
    if not isinstance(text, str) or not text:
        return text
    text = plain(text)
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…"


def _safe_tree(value):
    if isinstance(value, str):
        return _safe(value)
    if isinstance(value, dict):
        return {k: _safe_tree(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_safe_tree(v) for v in value]
    return value


def panel(explained: Sequence[Explained], retry: Optional[str], width: int = 80,
          platform_label: str = "", why_source: Optional[Callable[[Explained], Optional[str]]] = None,
          platform_notes: Sequence[str] = ()) -> List[Line]:
    """The whole explanation as lines of spans (every span made safe).
    ``platform_notes``: what the fixes are for, when that is not this machine
    (``pip-explain explain``: where the log was made, or that it does not show it)."""
    return [[(_safe(text), style) for text, style in line]
            for line in _panel(explained, retry, width, platform_label, why_source, platform_notes)]


def platform_notes(where) -> List[str]:
    """The panel's lines on where a saved log was made (``where``: an
    :class:`~pip_explain.enrich.logplatform.LogPlatform`)."""
    if where.source == "given":
        return ["the fixes are for %s, as --platform asked." % where.label] + list(where.notes)
    if where.source == "this-machine":
        return ["the fixes are for this machine (%s), as --platform asked." % where.label]
    if where.name is None:
        return ["the log does not show where it was made: the commands for the common platforms are given side"
                " by side (--platform NAME picks one)."]
    clue = where.evidence[0] if where.evidence else None
    shown = " (line %d: %s)" % (clue.line, clue.text) if clue is not None else ""
    if where.name == "linux":
        first = "the log was made on Linux%s but does not show which distribution: the commands for the common" \
                " ones are given side by side (--platform NAME picks one)." % shown
    else:
        first = "the log was made on %s%s: the fixes are for it (--platform NAME overrides)." % (where.label, shown)
    return [first] + list(where.notes)


def _panel(explained: Sequence[Explained], retry: Optional[str], width: int,
           platform_label: str, why_source: Optional[Callable[[Explained], Optional[str]]],
           notes: Sequence[str] = ()) -> List[Line]:
    out: List[Line] = []
    seen = set()
    for e in explained:
        key = (e.diagnosis.cause, e.diagnosis.detail, e.package) if e.diagnosis else None
        if key is not None and key in seen:
            continue
        seen.add(key)
        if out:
            out.append([])
        why = why_source(e) if why_source else None
        why = why.format(label=_label(e), package=e.package) if why else None
        out.extend(_block(e, width, platform_label, why))
    for note in notes:
        out.extend(_wrap(("note: ", NOTE), note, width))
    if retry:
        out.append([("      retry: ", HINT), (retry, BOLD)])
    return out


# an installer that stopped while resolving the requirements it was given, before any build: uv's "error: No solution
# found when resolving dependencies" (its top-level resolution; a build requirement's is "... when resolving:
# `setuptools`"), as for an sdist whose file name is not PEP 625's (python-apt 0.7.8, live batch 42)
_RESOLVER_STOP = re.compile(r"^\s*(?:error: )?No solution found when resolving dependencies\b")


def _block(e: Explained, width: int, platform_label: str, why: Optional[str] = None) -> List[Line]:
    step = plain(e.step) if e.step else "the build"
    lines: List[Line] = []
    if e.diagnosis is None and e.decisive and _RESOLVER_STOP.match(e.decisive[0].text):
        lines.append([("pip-explain: ", HEAD), ("no build failed", BOLD)])
        lines.append([])
        lines.append([("× ", ERROR), ("The install stopped while resolving its requirements, before building anything.", BOLD)])
        for i, ev in enumerate(e.decisive):
            mark = "╰─> " if i == 0 else "    "
            lines.append([(mark, ERROR), ("line %d: " % ev.line, DIM), (plain(ev.text), "")])
        lines.extend(_wrap(("note: ", NOTE), "the installer's own lines after it say which requirement could not be"
                                             " satisfied, and why", width))
        return lines
    if e.diagnosis is None:
        lines.append([("pip-explain: ", HEAD), ("unrecognized", BOLD)])
        lines.append([])
        lines.append([("× ", ERROR), ("pip-explain does not recognize why building %s failed." % _label(e), BOLD)])
        if e.decisive:
            lines.append([("│ ", ERROR), ("The lines to read first, from the output of %s:" % step, "")])
            for i, ev in enumerate(e.decisive):
                mark = "╰─> " if i == 0 else "    "
                lines.append([(mark, ERROR), ("line %d: " % ev.line, DIM), (plain(ev.text), "")])
        else:
            lines.append([("╰─> ", ERROR), ("%s printed no error line pip-explain could single out." % step, "")])
        for note in e.notes:  # what knowledge ruled out (report.explain_lines)
            lines.extend(_wrap(("note: ", NOTE), note, width))
        if e.alternatives:
            lines.append([])
            lines.extend(_ways(e, width, platform_label))
        return lines
    d = e.diagnosis
    lines.append([("pip-explain: ", HEAD), (d.cause, BOLD), (" (%s)" % d.rule.code, DIM)])
    lines.append([])
    lines.append([("× ", ERROR), (plain(d.title), BOLD)])
    ev = d.evidence[0]
    lines.append([("│ ", ERROR), ("%s, line %d of its output:" % (step, ev.line), "")])
    lines.append([("╰─> ", ERROR), (plain(ev.text), "")])
    lines.append([])
    summary = d.rule.summary.format(package=_label(e), detail=d.named or "it")
    if not e.package:
        summary = summary[:1].upper() + summary[1:]  # "This package ...", never "Netifaces ..."
    lines.extend(_wrap(("note: ", NOTE), plain(summary), width))
    for note in e.notes + ((why,) if why else ()):
        lines.extend(_wrap(("note: ", NOTE), note, width))
    if e.checks:
        lines.append([("checked now:", NOTE)])
        for c in e.checks:
            lines.append([("  ✔ " if c.ok else "  ✘ ", OK if c.ok else ERROR), (c.name, BOLD), (": " + c.detail, "")])
    lines.extend(_ways(e, width, platform_label))
    if not e.checks:
        for i, command in enumerate(e.verify):
            lines.append([("      check: " if i == 0 else "             ", HINT), (command, BOLD)])
    return lines


def _ways(e: Explained, width: int, platform_label: str) -> List[Line]:
    """The alternatives, cheapest first (the fixes, when there are none)."""
    ways = [(a.detail, a.command) for a in e.alternatives] if e.alternatives else [(f.label, f.command)
                                                                                  for f in e.fixes]
    lines: List[Line] = []
    for i, (label, command) in enumerate(ways):
        label = label[:1].upper() + label[1:] if label else "Fix"
        prefix = ("hint: ", HINT) if i == 0 else ("      ", "")
        if command:
            where = ", on " + platform_label if platform_label and _uses_package_manager(command) else ""
            lines.extend(_wrap(prefix, label + where + ":", width))
            lines.append([("        " + command, BOLD)])
        else:
            lines.extend(_wrap(prefix, label + ".", width))
    return lines


_MANAGERS = ("sudo ", "apt-get ", "dnf ", "yum ", "apk ", "pacman ", "zypper ", "brew ", "conda ")


def _uses_package_manager(command: str) -> bool:
    return command.startswith(_MANAGERS)


# -- output ------------------------------------------------------------------

def as_text(lines: Sequence[Line]) -> str:
    return "".join("".join(text for text, _ in line) + "\n" for line in lines)


def use_color(stream, args: Sequence[str] = ()) -> bool:
    env = os.environ
    if env.get("NO_COLOR") or "--no-color" in args:
        return False
    if env.get("PIP_NO_COLOR", "").strip().lower() in ("1", "true", "yes", "on"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    if env.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except Exception:
        return False


def _rich():
    """rich's Console and Text: pip's vendored copy if pip loaded it, else rich."""
    if "pip._vendor.rich.console" in sys.modules:
        try:
            from pip._vendor.rich.console import Console
            from pip._vendor.rich.text import Text

            return Console, Text
        except Exception:
            pass
    try:
        from rich.console import Console
        from rich.text import Text

        return Console, Text
    except Exception:
        return None


def write(lines: Sequence[Line], stream, color: bool, width: int) -> None:
    """Print the panel; in colour only when asked, and never wrapped by rich."""
    found = _rich() if color else None
    if found is None:
        stream.write(as_text(lines))
        stream.flush()
        return
    Console, Text = found
    console = Console(file=stream, width=width, force_terminal=True, color_system="standard",
                      highlight=False, markup=False, emoji=False, soft_wrap=True)
    for line in lines:
        text = Text()
        for part, style in line:
            text.append(part, style=style or None)
        console.print(text, soft_wrap=True)
    stream.flush()


def to_json(explained: Sequence[Explained], retry: Optional[str] = None, platform_label=None) -> Dict:
    """The explanation as a JSON-ready dict; every string in it made safe.
    ``platform_label``: the ``platform`` object (``{"name", "version",
    "source", "evidence", "label"}``), or a bare label (then it becomes
    ``{"name": None, ..., "source": "this-machine", "label": label}``)."""
    return _safe_tree(_to_json(explained, retry, platform_label))


def platform_json(platform_label) -> Optional[Dict]:
    if not platform_label:
        return None
    if isinstance(platform_label, dict):
        return platform_label
    return {"name": None, "version": None, "source": "this-machine", "evidence": [], "label": platform_label}


def _to_json(explained: Sequence[Explained], retry: Optional[str], platform_label) -> Dict:
    diagnoses, unrecognized, seen = [], [], set()
    for e in explained:
        if e.diagnosis is None:
            unrecognized.append({
                "cause": "other",
                "package": e.package, "version": e.version, "step": plain(e.step) if e.step else None,
                "decisive": [{"line": ev.line, "text": plain(ev.text)} for ev in e.decisive],
                "alternatives": _alternatives_json(e),
                "wheels": _wheels_json(e.wheels),
            })
            continue
        d = e.diagnosis
        key = (d.cause, d.detail, e.package)
        if key in seen:
            continue
        seen.add(key)
        diagnoses.append({
            "cause": d.cause,
            "code": d.rule.code,
            "title": plain(d.title),
            "detail": plain(d.detail) if d.detail else None,
            "subject": plain(d.named) if d.named else None,
            "evidence": [{"line": ev.line, "text": plain(ev.text)} for ev in d.evidence],
            "package": e.package,
            "version": e.version,
            "step": plain(e.step) if e.step else None,
            "fixes": [{"command": f.command, "label": f.label} for f in e.fixes],
            "verify": list(e.verify),
            "confidence": e.confidence,
            "checks": [{"name": c.name, "ok": c.ok, "detail": c.detail} for c in e.checks],
            "alternatives": _alternatives_json(e),
            "wheels": _wheels_json(e.wheels),
            "also_missing": [{"need": plain(label), "evidence": plain(evidence), "fix": plain(fix)}
                             for label, evidence, fix in e.also_missing],
        })
    # The first root cause of the run, for scripts that want one answer.
    first = diagnoses[0] if diagnoses else None
    result = {
        "cause": first["cause"] if first else "other",
        "detail": first["detail"] if first else None,
        "diagnoses": diagnoses,
        "unrecognized": unrecognized,
    }
    if retry is not None:
        result["retry"] = retry
    if platform_label:
        result["platform"] = platform_json(platform_label)
    return result


def _alternatives_json(e: Explained) -> List[Dict]:
    return [{"kind": a.kind, "command": a.command, "detail": a.detail} for a in e.alternatives]


def _wheels_json(facts) -> Optional[Dict]:
    """What the wheel oracle found (None: it was not asked, or could not tell)."""
    if facts is None:
        return None
    return {
        "version_built": facts.version,
        "specifier": facts.specifier,
        "wheel_versions": list(facts.wheel_versions),
        "best": facts.best,
        "pythons": list(facts.pythons),
        "newer_pip": ({"pip": facts.newer_pip[0], "wheel": facts.newer_pip[1]} if facts.newer_pip else None),
        "pip": facts.pip_version,
        "pages_read": facts.pages_read,
    }
