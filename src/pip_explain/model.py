"""Value objects shared by the classifier, the enrichment and the renderers."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional, Tuple


@dataclass(frozen=True)
class Evidence:
    """A line of build output that proves a diagnosis (1-based line number)."""

    line: int
    text: str


@dataclass(frozen=True)
class Fix:
    """A command that removes the cause, and what it is for."""

    command: str
    label: str = ""


@dataclass(frozen=True)
class Check:
    """A live check of this machine (``enrich/probes.py``): one line of the ✔/✘ list."""

    name: str
    ok: bool
    detail: str
    fix: str = ""  # doctor: the command that would make it pass
    contradicts: bool = False  # passes although the diagnosis says it is missing
    required: bool = False  # doctor: a typical source build needs it


@dataclass(frozen=True)
class Alternative:
    """A way out, cheapest first: ``kind`` is one of "upgrade-pip",
    "wheel-version", "only-binary", "binary-package", "python-version",
    "toolchain"."""

    kind: str
    command: str
    detail: str = ""


@dataclass(frozen=True)
class Pattern:
    """One wording of a failure.

    ``needle`` is a lower-case literal that every matching line contains: the
    engine finds candidate lines with all needles at once and runs ``regex``
    only on those. ``regex`` must stay linear (no nested quantifiers) and may
    name a group ``d``: the detail (a program, a header). ``accept`` filters
    the detail (the same wording can name gcc or cargo) and ``clean``
    normalises it; ``weak`` patterns count only when no other pattern matched
    anywhere in the output. A ``probe`` is a lookup the build may recover
    from (a pkg-config query before a fallback): it names the cause only when
    no later line of the step matches a pattern (TAXONOMY.md: a probe is not
    a failure); unlike a weak match, error lines no pattern explains do not
    cancel it.
    """

    needle: str
    regex: str
    accept: Optional[Callable[[str], bool]] = None
    detail: Optional[str] = None
    weak: bool = False
    clean: Optional[Callable[[str], str]] = None  # raw match -> detail ("libssl.lib" -> "ssl")
    # Evidence spread over lines: the match counts only if ``then`` matches one
    # of the next ``within`` lines (which may name the detail, group ``d``).
    then: Optional[str] = None
    within: int = 3
    probe: bool = False


@dataclass(frozen=True)
class Rule:
    """A cause of failure, as data: how to recognise it and how to fix it.

    ``fix`` and ``verify`` take a :class:`pip_explain.enrich.fixes.Context`
    and return commands for this machine; ``examples`` are message lines
    (facts from real logs) that must classify to this rule.
    """

    code: str
    cause: str
    title: str
    summary: str
    patterns: Tuple[Pattern, ...]
    fix: Callable
    verify: Callable
    examples: Tuple[str, ...] = ()
    counter_examples: Tuple[str, ...] = ()
    # The long explanation (``pip-explain rule CODE``): why it happens and
    # how to keep it from happening again. ``summary`` says what it means;
    # ``fix`` and ``verify`` give the commands.
    why: str = ""
    prevent: str = ""
    # What the contract's ``detail`` is, when it is not what the log names:
    # "python-version" (python-too-new: the log names a header or symbol).
    detail_kind: str = ""
    # A line in the build's own words that, after a weak match of this rule, confirms it (the build's
    # verdict on what its retries met: "All attempts to download X have failed"): the weak match then
    # stands, whatever unexplained error lines follow (a regex, searched case-insensitively).
    confirmed_by: str = ""


@dataclass(frozen=True)
class Diagnosis:
    """``detail`` is the contract's (TAXONOMY.md); ``subject`` is what the
    log itself names (the same, except for python-too-new, whose detail is
    the Python version while the log names a header or a symbol)."""

    rule: Rule
    detail: Optional[str]
    evidence: Tuple[Evidence, ...]
    subject: Optional[str] = None
    # the answer is a lookup the build may have gone past (TAXONOMY.md: a probe is not a failure), kept because
    # nothing later in the step explained the failure (read again, the log may say more: report._read_unwrapped)
    lookup: bool = field(default=False, compare=False)

    @property
    def cause(self) -> str:
        return self.rule.cause

    @property
    def named(self) -> Optional[str]:
        return self.subject or self.detail

    @property
    def title(self) -> str:
        named = self.named
        if "{detail}" in self.rule.title:
            return self.rule.title.format(detail=named or "").rstrip(": ")
        return self.rule.title + (": " + named if named else "")


@dataclass(frozen=True)
class Explained:
    """The outcome for one failed build: a diagnosis, or the decisive lines."""

    diagnosis: Optional[Diagnosis]
    decisive: Tuple[Evidence, ...] = ()
    package: Optional[str] = None
    version: Optional[str] = None
    step: str = ""
    fixes: Tuple[Fix, ...] = ()
    verify: Tuple[str, ...] = ()
    notes: Tuple[str, ...] = field(default=())
    checks: Tuple[Check, ...] = ()  # run live (inside pip, or explain --check)
    alternatives: Tuple[Alternative, ...] = ()  # the fixes, cheapest first
    confidence: str = "high"  # "low" when a live check contradicts the diagnosis
    wheels: Optional[object] = None  # enrich.wheels.Facts, when the oracle answered
    # what the same build also needs and this machine lacks, beyond the diagnosis (enrich.foresight):
    # (label, evidence "file:line", fix command) each
    also_missing: Tuple[Tuple[str, str, str], ...] = ()
