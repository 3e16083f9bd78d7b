"""The classifier: build output lines in, the first root cause out.

The engine knows no rule by name. It scans the lines once; a single compiled
alternation of every pattern's needle picks the candidate lines, and only
those meet the rules' regular expressions. The earliest line that a rule
explains wins (the first root cause in build order); on one line, the rule
listed first wins. Weak patterns count only when nothing else matched.
"""
from __future__ import annotations

import re
from typing import Iterable, List, Optional, Sequence, Tuple

from pip_explain.model import Diagnosis, Evidence, Pattern, Rule
from pip_explain.sanitize import clean_line, redact

MAX_LINE = 4096  # patterns look at the first 4 KiB of a line (a bound on regex work)
# Prefixes CI systems put before every line: Docker BuildKit ("#12 3.456 "),
# GitHub Actions / ISO timestamps. Patterns anchored at a line start see past them.
_CI_PREFIX = re.compile(r"^(?:#\d+ \d+\.\d+ |\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z? )")


class Classifier:
    def __init__(self, rules: Sequence[Rule]):
        self.rules = tuple(rules)
        self._entries: List[Tuple[Rule, Pattern, "re.Pattern[str]"]] = []
        self._then = {}
        by_needle = {}
        for rule in self.rules:
            for pattern in rule.patterns:
                self._entries.append((rule, pattern, re.compile(pattern.regex, re.IGNORECASE)))
                if pattern.then:
                    self._then[len(self._entries) - 1] = re.compile(pattern.then, re.IGNORECASE)
                by_needle.setdefault(pattern.needle, []).append(len(self._entries) - 1)
        self._by_needle = by_needle
        needles = sorted(by_needle, key=len, reverse=True)
        self._prefilter = re.compile("|".join(re.escape(n) for n in needles), re.IGNORECASE)

    def match_line(self, text: str, follow: Optional[list] = None) -> Optional[Tuple[Rule, Optional[str], bool]]:
        """The rule explaining one line, its detail and whether it is weak.
        Patterns that need the next lines too are appended to ``follow``."""
        head = text[:MAX_LINE]
        if self._prefilter.search(head) is None:
            return None
        lowered = head.lower()
        candidates = sorted(i for needle, idx in self._by_needle.items() if needle in lowered for i in idx)
        for i in candidates:
            rule, pattern, regex = self._entries[i]
            m = regex.search(head)
            if m is None:
                continue
            if pattern.then:
                if follow is not None:
                    follow.append([i, pattern.within])
                continue
            detail = m.groupdict().get("d") or pattern.detail
            if detail is not None:
                detail = detail.strip()
            if pattern.accept is not None and not pattern.accept(detail or ""):
                continue
            if pattern.clean is not None and detail:
                detail = pattern.clean(detail) or detail
            return rule, detail, pattern.weak
        return None

    def classify(self, lines: Iterable[str], first_line: int = 1) -> Optional[Diagnosis]:
        """The first line a strong pattern explains; else the first weak
        match, unless an error line no pattern explains comes after it (a
        retried download or a bare "Killed" do not outweigh a real error)."""
        weak = None
        waiting: List[Tuple[int, str, list]] = []  # (line, text, [[entry, lines left], ...])
        for number, raw in enumerate(lines, first_line):
            if not raw:
                continue
            text = clean_line(raw)
            if waiting:
                confirmed = self._confirm(waiting, text)
                if confirmed is not None:
                    return confirmed
            follow: list = []
            hit = self.match_line(_CI_PREFIX.sub("", text, count=1), follow)
            if follow:
                waiting.append((number, text.strip(), follow))
            if hit is None:
                if weak is not None and is_error_line(text[:MAX_LINE]):
                    weak = False  # contradicted: keep looking for a strong match only
                continue
            rule, detail, is_weak = hit
            diagnosis = Diagnosis(rule, detail, (Evidence(number, text.strip()),))
            if not is_weak:
                if weak and weak.rule.cause == rule.cause:
                    return weak  # the same cause, seen earlier: its first sign is the evidence
                return diagnosis
            if weak is None:
                weak = diagnosis
        return weak or None


    def _confirm(self, waiting, text: str) -> Optional[Diagnosis]:
        head = text[:MAX_LINE]
        for number, evidence, follow in waiting:
            for item in follow:
                i, left = item
                if left <= 0:
                    continue
                item[1] -= 1
                m = self._then[i].search(head)
                if m is None:
                    continue
                rule, pattern, _ = self._entries[i]
                detail = m.groupdict().get("d") or pattern.detail
                if pattern.accept is not None and not pattern.accept(detail or ""):
                    continue
                return Diagnosis(rule, detail, (Evidence(number, evidence),))
        waiting[:] = [w for w in waiting if any(left > 0 for _, left in w[2])]
        return None


_DEFAULT: Optional[Classifier] = None


def default_classifier() -> Classifier:
    global _DEFAULT
    if _DEFAULT is None:
        from pip_explain.rules import all_rules

        _DEFAULT = Classifier(all_rules())
    return _DEFAULT


def classify(lines: Iterable[str], first_line: int = 1) -> Optional[Diagnosis]:
    return default_classifier().classify(lines, first_line)


# -- the honest fallback -----------------------------------------------------

_PIP_FRAME = (
    "subprocess-exited-with-error",
    "failed building wheel",
    "could not build wheels",
    "failed to build",
    "did not run successfully",
    "legacy-install-failure",
    "metadata-generation-failed",
    "failed-wheel-build-for-install",
    "command errored out",
)
# A tool's exit status: a symptom, not the cause (shown only when nothing else is)
_SYMPTOMS = ("failed with exit", "failed with code", "returned non-zero exit status", "exited with")
_PIP_NOISE = _PIP_FRAME + _SYMPTOMS
_ERROR_LINE = re.compile(
    r"(?:^|[\s:])(?:fatal )?error\b|^\s*ERROR:|CMake Error|: (?:command )?not found|No such file or directory",
    re.IGNORECASE,
)
_EXCEPTION_LINE = re.compile(r"^\s*(?:[A-Za-z_][\w.]*\.)?[A-Z]\w*(?:Error|Exception|Exit)\b:?")


def is_error_line(text: str) -> bool:
    """A line a tool printed as an error, not pip's own summary of the failure."""
    low = text.lower()
    if any(noise in low for noise in _PIP_NOISE):
        return False
    return _ERROR_LINE.search(text) is not None or _EXCEPTION_LINE.match(text) is not None


def decisive_lines(lines: Sequence[str], first_line: int = 1, limit: int = 4) -> Tuple[Evidence, ...]:
    """The lines a person should read first when no rule matched: the first
    errors the tools printed and the last exception of a traceback (or, when
    there are none, the tools' exit-status lines)."""
    return (_decisive(lines, first_line, limit, _PIP_NOISE)
            or _decisive(lines, first_line, limit, _PIP_FRAME))


def _decisive(lines: Sequence[str], first_line: int, limit: int, noise_words) -> Tuple[Evidence, ...]:
    errors: List[Evidence] = []
    last_exception: Optional[Evidence] = None
    for number, raw in enumerate(lines, first_line):
        # redact before the cut, so that a secret across it is not half shown
        text = redact(clean_line(raw)[:MAX_LINE + 512])[:MAX_LINE].strip()
        if not text:
            continue
        low = text.lower()
        if any(noise in low for noise in noise_words):
            continue
        if _EXCEPTION_LINE.match(text):
            last_exception = Evidence(number, text)
        elif len(errors) < limit - 1 and _ERROR_LINE.search(text) and all(e.text != text for e in errors):
            errors.append(Evidence(number, text))
    if last_exception is not None and all(e.line != last_exception.line for e in errors):
        errors.append(last_exception)
    return tuple(sorted(errors, key=lambda e: e.line))[:limit]
