"""The classifier: build output lines in, the first root cause out.

The engine knows no rule by name. It scans the lines once; a prefilter of
every pattern's needle picks the candidate lines, and only those meet the
rules' regular expressions. The earliest line that a rule explains wins (the
first root cause in build order); on one line, the rule listed first wins.
Weak patterns count only when nothing else matched.

The prefilter: needles are lower-case literals, and a line is a candidate when
one of them is in its lowered first :data:`MAX_LINE` characters (after a CI
prefix). A small block of text is searched with ``str.find`` per needle; a
large one with case-sensitive regular expressions built from the needles
(:func:`needle_regexes`: literals, alternations and fixed-width lookbehinds,
linear), built once, the first time a block is large. :meth:`Classifier.classify` reads the lines
in blocks, joins a block's lowered heads with newlines (no needle holds one)
and jumps from one candidate line to the next: the lines in between change
nothing and are skipped, except while a pattern waits for its next lines or a
weak match is pending; then every line takes the per-line path.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import deque
from dataclasses import replace
from itertools import accumulate, islice
from typing import Any, Callable, Deque, Dict, FrozenSet, Iterable, List, Optional, Sequence, Set, Tuple

from pip_explain.model import Diagnosis, Evidence, Pattern, Rule
from pip_explain.sanitize import clean_line, redact

MAX_LINE = 4096  # patterns look at the first 4 KiB of a line (a bound on regex work)
_LARGE = 32768  # characters of a block above which the prefilter's regexes are worth building
_SHORT_LINE = 1024  # a line this short is looked at needle by needle while they are not built
# Prefixes CI systems put before every line: Docker BuildKit ("#12 3.456 "),
# GitHub Actions / ISO timestamps, pytest's failure lines ("E   "), the craft
# tools' "::    ::" padding, up to three stacked (pytest showing BuildKit's
# output). Patterns anchored at a line start see past them.
_CI_PREFIX = re.compile(r"^(?:#\d+ \d+\.\d+ |\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z? |E {3,12}|:: {1,8}::(?: |$)){1,3}")
# _CI_PREFIX changes only a line that starts with "#", a digit, "E" or ":": a
# block of lines joined by newlines in which no line does needs no per-line look.
_CI_FIRST = re.compile(r"[#\d:E]")
_CI_NEXT = re.compile(r"\n[#\d:E]")
_KEPT = 4096  # lines of a stream kept for the situations (about): the first ones, and the latest
_FIRST_BLOCK = 32  # lines read at once; twice as many each time, up to _MAX_BLOCK
_MAX_BLOCK = 1024
# Printable ASCII from the most to the least frequent in build output (the
# test logs, lowered); other characters are rarer still. Only speed depends on it.
_COMMON = " eintoraslcdp_~u/-ym.hgf:1bxvw3,6'*24k()^=850|>97\";j[]qz<\\!{}&`+#?$%@"


def needle_regexes(needles: Iterable[str]) -> Tuple["re.Pattern[str]", "re.Pattern[str]", Dict[str, List[str]]]:
    """Case-sensitive regexes that find ``needles``: ``(scan, find, containing)``.

    A needle that contains another is left out (the shorter one is there
    wherever it is); ``containing`` maps each needle left to all the needles
    that contain it (itself included). ``find`` matches the needles left
    where they start, as a trie: at each position the engine tests one
    character per branch, not every needle; no needle left is a prefix of
    another, so a match is the one needle at its position. ``scan`` matches
    somewhere inside each occurrence of a needle left: at its least common
    character, which fewer positions of build output start with; it then
    reads what follows in a trie and looks behind for the whole needle.
    Literals, alternations and fixed-width lookbehinds: linear time."""
    kept: List[str] = []
    containing: Dict[str, List[str]] = {}
    for needle in sorted(set(needles), key=lambda n: (len(n), n)):
        inside = [k for k in kept if k in needle]  # a needle it contains contains one kept
        for k in inside:
            containing[k].append(needle)
        if not inside:
            kept.append(needle)
            containing[needle] = [needle]
    if not kept:
        nothing = re.compile("(?!)")
        return nothing, nothing, containing
    if kept == [""]:
        everywhere = re.compile("")
        return everywhere, everywhere, containing
    find = "|".join(_alternatives([(needle, "") for needle in kept]))
    by_anchor: Dict[str, list] = {}
    for needle in kept:
        i = max(range(len(needle)), key=lambda i: (_rarity(needle[i]), -i))
        by_anchor.setdefault(needle[i], []).append((needle[i + 1:], needle if i else ""))
    scan = "|".join(re.escape(ch) + _group(_alternatives(items)) for ch, items in sorted(by_anchor.items()))
    return re.compile(scan), re.compile(find), containing


def _rarity(ch: str) -> int:
    at = _COMMON.find(ch)
    return len(_COMMON) if at < 0 else at


def _alternatives(items: List[Tuple[str, str]]) -> List[str]:
    """Regex alternatives for (text, behind) pairs: ``text`` comes next, then
    ``behind`` (when not empty) must end where ``text`` ends."""
    if any(not text and not behind for text, behind in items):
        return [""]  # matched already
    alts = sorted({"(?<=%s)" % re.escape(behind) for text, behind in items if not text})
    follow: Dict[str, list] = {}
    for text, behind in items:
        if text:
            follow.setdefault(text[0], []).append((text[1:], behind))
    alts.extend(re.escape(ch) + _group(_alternatives(rest)) for ch, rest in sorted(follow.items()))
    return alts


def _group(alts: List[str]) -> str:
    return alts[0] if len(alts) == 1 else "(?:%s)" % "|".join(alts)


class Classifier:
    """``rulings``: knowledge that rules a cause out (objects with the fields of
    :class:`pip_explain.rules._knowledge.Ruling`); ``situations``: a function
    from the log's lines to the set of facts the rulings' ``when`` and
    ``unless`` name (called at most once per log, only when a ruling needs it)."""

    def __init__(self, rules: Sequence[Rule], rulings: Sequence = (),
                 situations: Optional[Callable[[Sequence[str]], FrozenSet[str]]] = None):
        self.rules = tuple(rules)
        self._rulings: Dict[str, List[Tuple[Any, Optional["re.Pattern[str]"]]]] = {}
        for ruling in rulings:
            line = re.compile(ruling.line) if ruling.line else None
            self._rulings.setdefault(ruling.cause, []).append((ruling, line))
        self._situations = situations
        self._by_cause: Dict[str, Rule] = {}
        self._by_code: Dict[str, Rule] = {}
        for rule in self.rules:
            self._by_cause.setdefault(rule.cause, rule)
            self._by_code[rule.code] = rule
        # A pattern's regular expressions are compiled the first time a line holds its needle: most logs
        # meet a few dozen of the rules' hundreds of patterns (compiling them all took 0.4 s).
        self._entries: List[Tuple[Rule, Pattern, Optional["re.Pattern[str]"]]] = []
        self._then: Dict[int, "re.Pattern[str]"] = {}
        by_needle: Dict[str, List[int]] = {}
        for rule in self.rules:
            for pattern in rule.patterns:
                self._entries.append((rule, pattern, None))
                by_needle.setdefault(pattern.needle, []).append(len(self._entries) - 1)
        self._by_needle = by_needle
        # searched in lowered text (case-sensitive: the needles are lower case). The regexes cost
        # more to build (60 ms for 330 needles) than a small log costs to read with str.find per
        # needle, so they are built the first time a block of text is large (_LARGE).
        self._needles = tuple(sorted(by_needle))
        self._everywhere = "" in by_needle
        self._regexes: Optional[Tuple["re.Pattern[str]", "re.Pattern[str]", Dict[str, List[str]]]] = None
        self._confirmed_by = {rule.code: re.compile(rule.confirmed_by, re.IGNORECASE)
                              for rule in self.rules if rule.confirmed_by}

    def _built(self) -> Tuple["re.Pattern[str]", "re.Pattern[str]", Dict[str, List[str]]]:
        if self._regexes is None:
            self._regexes = needle_regexes(self._by_needle)
        return self._regexes

    def match_line(self, text: str, follow: Optional[list] = None) -> Optional[Tuple[Rule, Optional[str], bool]]:
        """The rule explaining one line, its detail and whether it is weak.
        Patterns that need the next lines too are appended to ``follow``."""
        hit = self._match_line(text, follow)
        return None if hit is None else (hit[0], hit[1], hit[2].weak)

    def _match_line(self, text: str, follow: Optional[list] = None) -> Optional[Tuple[Rule, Optional[str], Pattern]]:
        head = text[:MAX_LINE]
        lowered = head.lower()
        present: Set[str] = set()
        if self._regexes is None and len(lowered) <= _SHORT_LINE:
            present.update(n for n in self._needles if n in lowered)
            if not present:
                return None
        else:
            _, find, containing = self._built()
            search = find.search
            m = search(lowered)
            if m is None:
                return None
            # every needle in the line contains one that find matches: only those are looked for
            found: Set[str] = set()
            while m is not None:
                needle = m.group()
                if needle not in found:
                    found.add(needle)
                    present.update(n for n in containing[needle] if n in lowered)
                m = search(lowered, m.start() + 1) if needle else None  # "": every needle contains it
        candidates = sorted(i for needle in present for i in self._by_needle[needle])
        # the program table's wordings are one regex in ten rules (their accept tells them apart): searched once
        searched: Dict[str, Any] = {}
        for i in candidates:
            rule, pattern, regex = self._entries[i]
            if regex is None:
                regex = re.compile(pattern.regex, re.IGNORECASE)
                self._entries[i] = (rule, pattern, regex)
                if pattern.then:
                    self._then[i] = re.compile(pattern.then, re.IGNORECASE)
            m = searched.get(pattern.regex, searched)
            if m is searched:
                m = searched[pattern.regex] = regex.search(head)
            if m is None:
                continue
            if pattern.then:
                if follow is not None:  # [entry, lines left, the detail this line names]
                    follow.append([i, pattern.within, m.groupdict().get("d")])
                continue
            detail = m.groupdict().get("d") or pattern.detail
            if detail is not None:
                detail = detail.strip()
            if pattern.accept is not None and not pattern.accept(detail or ""):
                continue
            if pattern.clean is not None and detail:
                detail = pattern.clean(detail) or detail
            return rule, detail, pattern
        return None

    def classify_why(self, lines: Iterable[str], first_line: int = 1, known: Iterable[str] = ()
                     ) -> Tuple[Optional[Diagnosis], Optional[Tuple[str, Evidence]]]:
        """:meth:`classify`, and when knowledge ruled the first root cause out
        of the taxonomy, why (the ruling's reason) and on which line: what to
        tell a user instead of a cause."""
        why: List[Tuple[str, Evidence]] = []
        diagnosis = self.classify(lines, first_line, known, why)
        return diagnosis, (why[0] if why and diagnosis is None else None)

    def classify(self, lines: Iterable[str], first_line: int = 1, known: Iterable[str] = (),
                 why: Optional[List[Tuple[str, Evidence]]] = None) -> Optional[Diagnosis]:
        """The first line a strong pattern explains; else the first weak
        match, unless an error line no pattern explains comes after it (a
        retried download or a bare "Killed" do not outweigh a real error);
        else the first probe (a lookup the build may have recovered from).
        Every match first meets the rulings of its cause: knowledge may say
        it is another cause, or that the first root cause is outside the
        taxonomy (then the answer is None: unrecognized). ``known``: facts the
        caller knows for sure (inside pip: this machine's platform), added to
        what the log shows. ``why``: a list that gets the ruling's reason
        and its line when knowledge ruled the first root cause out."""
        weak: Optional[Diagnosis] = None
        probe: Optional[Diagnosis] = None
        contradicted = False  # an error line no pattern explains came after a weak match
        dropped: Optional[Tuple[int, Diagnosis]] = None  # that line, and the weak match it outweighed
        chain_end = 0  # the line of the weak match kept
        probe_handled = False  # the probe kept is an exception its script caught (_handled)
        places: Set[str] = set()  # the source lines weak matches of the kept cause name
        waiting: List[Tuple[int, str, list]] = []  # (line, text, [[entry, lines left], ...])
        is_sequence = isinstance(lines, Sequence) and not isinstance(lines, str)
        # the lines read so far, when they cannot be read again: the first and the
        # latest _KEPT (bounded memory; the situations are read from them)
        head: List[List[str]] = []  # blocks
        tail: Deque[List[str]] = deque(maxlen=_KEPT // _MAX_BLOCK + 1)
        kept = 0
        facts: List[FrozenSet[str]] = []
        out: List[Any] = []  # the ruling that ruled the first root cause out

        def situations() -> FrozenSet[str]:
            if not facts:
                found = frozenset(known)
                if self._situations is not None:
                    try:
                        found |= self._situations(lines if is_sequence else [ln for b in head + list(tail) for ln in b])  # type: ignore[arg-type]
                    except Exception:
                        pass
                facts.append(found)
            return facts[0]

        source = iter(lines)
        size = _FIRST_BLOCK
        number = first_line  # of block[0]
        while True:
            block = list(islice(source, size))
            if not block:
                break
            if not is_sequence and self._rulings:
                if kept < _KEPT:
                    head.append(block)
                    kept += len(block)
                else:
                    tail.append(block)  # one reference per block: no work per line
            size = min(size * 2, _MAX_BLOCK)
            scan = self._scanner(block)
            j, end = 0, len(block)
            while j < end:
                if scan is not None and not waiting and weak is None:
                    j = scan(j)  # the lines before the next candidate change nothing
                    if j >= end:
                        break
                raw = block[j]
                j += 1
                if not raw:
                    continue
                text = clean_line(raw)
                if waiting and text.strip():  # (a blank line of pip's box, indented, is no line of evidence)
                    confirmed, confirmed_probe = self._confirm(waiting, text)
                    judged: Any = False if confirmed is None else self._judge(
                        confirmed.rule, confirmed.detail, confirmed.evidence[0].text, situations, out)
                    if confirmed is not None and judged is not BYPASSED:
                        if judged is None:
                            if why is not None:
                                why.append((out[0].why, confirmed.evidence[0]))
                            return None
                        if judged is not False:
                            confirmed = replace(confirmed, rule=judged[0], detail=judged[1])
                            confirmed_probe = len(judged) > 2
                        if (probe is not None and probe.rule is confirmed.rule and probe.detail == confirmed.detail
                                and 0 < confirmed.evidence[0].line - probe.evidence[0].line <= 3
                                and INCLUDE_ECHO.match(confirmed.evidence[0].text) is not None):
                            # the compiler's echo of the #include a probe's line just reported ("#include
                            # <linux/ethtool.h>" under a setup script's test compile): the same diagnostic, still a
                            # lookup (psutil under easy_install, b68-app-trackers-4/19)
                            pass
                        elif confirmed_probe:
                            # a lookup confirmed by its next line is still a lookup: a later cause wins (meson's
                            # "Run-time dependency X found: NO" before a fallback subproject that needs gfortran,
                            # live batch 50)
                            if probe is None or probe_handled:
                                probe, probe_handled = confirmed, False
                        elif judged is not False:
                            return confirmed
                        else:
                            # the same cause, seen earlier: its first sign is the evidence
                            return _earliest(confirmed.rule.cause, weak, probe) or confirmed
                follow: list = []
                hit = self._match_line(_CI_PREFIX.sub("", text, count=1), follow)
                if follow:
                    waiting.append((number + j - 1, text.strip(), follow))
                # a link (or a link's continued text) of the weak match's cause chain
                in_chain = weak is not None and number + j - 1 - chain_end <= 2 and _LINK.match(text.strip()) is not None
                if in_chain:
                    chain_end = number + j - 1
                if weak is not None and weak.rule.code in self._confirmed_by and \
                        self._confirmed_by[weak.rule.code].search(text[:MAX_LINE]):
                    return weak  # the build's own verdict confirms the weak match
                if hit is None:
                    if weak is not None and not in_chain and is_error_line(text[:MAX_LINE]) and not (
                            places and _place(text) in places):
                        dropped = (number + j - 1, weak)
                        weak, contradicted = None, True  # keep looking for a strong match only
                    continue
                rule, detail, pattern = hit
                judged = self._judge(rule, detail, text, situations, out)
                if judged is BYPASSED:
                    continue
                if judged is None:  # the first root cause is one no rule names
                    if why is not None:
                        why.append((out[0].why, Evidence(number + j - 1, text.strip())))
                    return None
                if judged is not False:
                    rule, detail = judged[0], judged[1]
                    # knowledge named the cause (later errors are its consequences), or made the match a probe
                    pattern = _PROBED if len(judged) > 2 else _DECIDED
                diagnosis = Diagnosis(rule, detail, (Evidence(number + j - 1, text.strip()),))
                handled = not pattern.probe and not pattern.weak and _handled(block, j)
                if pattern.probe or handled:
                    if probe is None or probe_handled:  # (a caught exception yields to any later lookup)
                        probe, probe_handled = diagnosis, handled
                    continue
                if not pattern.weak:
                    earlier = _earliest(rule.cause, weak, probe)
                    if earlier is None:
                        return diagnosis
                    if earlier is weak and _WARNING.search(earlier.evidence[0].text) and not _WARNING.search(text):
                        return diagnosis  # a compiler's warning foretold it, its error is the failure
                    return earlier  # the same cause, seen earlier: its first sign is the evidence
                if weak is None and contradicted and dropped is not None and dropped[1].rule.cause == rule.cause \
                        and number + j - 1 - dropped[0] <= 2:
                    # the error line was a retry's own header, its reason the same failure again ("Error while
                    # downloading URL2" / "<urlopen error [Errno -2] Name or service not known>"): the first stands
                    weak, contradicted, dropped = dropped[1], False, None
                elif weak is None and not contradicted:
                    weak = diagnosis
                elif weak is not None and weak.rule is rule and in_chain and _CHAIN.match(text.strip()):
                    # a cause chain (uv's "├─▶ ... ╰─▶", anyhow's "Caused by:"): its innermost link says most
                    weak = diagnosis
                if weak is diagnosis:
                    chain_end = number + j - 1
                if weak is not None and rule.cause == weak.rule.cause:
                    place = _place(text)
                    if place is not None:
                        places.add(place)
            number += end
        if weak is not None:
            return weak if probe is None or probe.rule.cause != weak.rule.cause else probe
        return None if probe is None else replace(probe, lookup=True)

    def _judge(self, rule: Rule, detail: Optional[str], text: str, situations, out: list):
        """What the knowledge says of a match: False (nothing: it stands),
        None (ruled out: outside the taxonomy; the ruling appended to ``out``),
        BYPASSED (no evidence at all: the build went around it),
        (rule, detail) instead, or (rule, detail, True): the same cause, as a probe."""
        for ruling, line in self._rulings.get(rule.cause, ()):
            if line is not None and line.search(text[:MAX_LINE]) is None:
                continue
            if not ruling.detail(detail or ""):
                continue
            in_log = getattr(ruling, "in_log", None)  # a test of the detail against the log's facts
            if in_log is not None and not in_log(detail or "", situations()):
                continue
            if ruling.when or ruling.unless:
                facts = situations()
                if ruling.when and not facts.intersection(ruling.when):
                    continue
                if ruling.unless and facts.intersection(ruling.unless):
                    continue
            if getattr(ruling, "bypassed", False):
                return BYPASSED  # no evidence either way: the build went around it
            if getattr(ruling, "probe", False):
                return rule, detail, True  # the same cause, as a probe
            other = None
            if ruling.instead:
                code = getattr(ruling, "rule", None)  # the rule that tells it, else the cause's first
                other = self._by_code.get(code) if code else None
                if other is None or other.cause != ruling.instead:
                    other = self._by_cause.get(ruling.instead)
            if other is None:
                out.append(ruling)
                return None
            return other, (detail if getattr(ruling, "keep_detail", False) else getattr(ruling, "detail_as", None))
        return False

    def _scanner(self, block: List[str]):
        """For a block of lines, a function from a line's index to the index
        of the first line from there on that the prefilter lets through (or
        ``len(block)``): :meth:`match_line`'s prefilter, on every line at
        once. None when the block holds something other than strings (the
        per-line path then meets it as it always did)."""
        try:
            texts = list(map(clean_line, block))
            joined = "\n".join(texts)
        except Exception:
            return None
        heads = texts
        if (_CI_FIRST.match(joined) is not None or _CI_NEXT.search(joined) is not None
                or len(joined) > MAX_LINE and max(map(len, texts)) > MAX_LINE):
            heads = [_CI_PREFIX.sub("", text, count=1)[:MAX_LINE] for text in texts]
            joined = "\n".join(heads)
        if joined.isascii():
            lowered = joined.lower()  # character for character: the offsets stay
        else:
            heads = [head.lower() for head in heads]  # lower() can change a length
            lowered = "\n".join(heads)
        end = len(block)
        starts: List[int] = []  # where each line starts in lowered (and one more: past the end)
        if self._regexes is None and len(lowered) <= _LARGE:
            if self._everywhere:
                return None
            # a small block: each needle looked for with str.find, the candidate lines sorted once
            starts.extend(accumulate([0] + [len(head) + 1 for head in heads]))
            lines: Set[int] = set()
            find = lowered.find
            for needle in self._needles:
                at = find(needle)
                while at >= 0:
                    line = bisect_right(starts, at) - 1
                    lines.add(line)
                    at = find(needle, starts[line + 1]) if line + 1 < len(starts) else -1
            candidates = sorted(lines)

            def scan_small(j: int) -> int:
                k = bisect_right(candidates, j - 1)
                return candidates[k] if k < len(candidates) else end

            return scan_small
        search = self._built()[0].search

        def scan(j: int) -> int:
            if j and not starts:
                starts.extend(accumulate([0] + [len(head) + 1 for head in heads]))
            m = search(lowered, starts[j] if j else 0)
            if m is None:
                return end
            if not starts:
                starts.extend(accumulate([0] + [len(head) + 1 for head in heads]))
            return bisect_right(starts, m.start()) - 1

        return scan

    def _confirm(self, waiting, text: str) -> Tuple[Optional[Diagnosis], bool]:
        """The match this line confirms, if any, and whether its pattern is a probe."""
        head = text[:MAX_LINE]
        for number, evidence, follow in waiting:
            for item in follow:
                i, left, named = item
                if left <= 0:
                    continue
                item[1] -= 1
                m = self._then[i].search(head)
                if m is None:
                    continue
                rule, pattern, _ = self._entries[i]
                detail = m.groupdict().get("d") or named or pattern.detail
                if pattern.accept is not None and not pattern.accept(detail or ""):
                    continue
                if detail and pattern.clean is not None and (m.groupdict().get("d") or named):
                    detail = pattern.clean(detail)
                return Diagnosis(rule, detail, (Evidence(number, evidence),)), pattern.probe
        waiting[:] = [w for w in waiting if any(left > 0 for _, left, _named in w[2])]
        return None, False


# the links of an error's cause chain as uv (miette), anyhow and cargo print them
_CHAIN = re.compile(r"(?:[├╰]─▶|Caused by:|`->|\|->)")
_LINK = re.compile(r"(?:[├╰│]|Caused by:|`->|\|)")  # a link, or a link's continued text
# a compiler's warning at a source location (gcc, clang): a sign of what its error, later, says
def _earliest(cause: str, *found: Optional[Diagnosis]) -> Optional[Diagnosis]:
    """The first (by line) of the weak match and the probe seen so far that named ``cause``, if either did."""
    return min((d for d in found if d is not None and d.rule.cause == cause), key=lambda d: d.evidence[0].line,
               default=None)


_WARNING = re.compile(r":\d{1,7}(?::\d{1,5})?: warning: ")
# a compiler's echo of the #include line its error is about ("   46 | #include <x.h>", " #include "x.h"")
INCLUDE_ECHO = re.compile(r"^\s{0,40}(?:\d{1,7} \| )?#\s{0,4}include\b")
# a compiler's "file:line:column: " (gcc, clang): an error at the line a weak match's warning names is that
# warning's consequence (a removed macro used as a statement, "Py_TRASHCAN_SAFE_BEGIN(o)" with no ";", leaves
# "error: expected ';' before 'if'" on its own line: asynctnt, b21-pkg-bugs-2025/18; PyGObject's
# gi/pygi-resulttuple.c:312 in erpalma/throttled#366), not a contradiction
_PLACE = re.compile(r"^\s*(\S{1,512}?:\d{1,7}):\d{1,5}: ")


def _place(text: str) -> Optional[str]:
    found = _PLACE.match(text)
    return found.group(1) if found else None


_DECIDED = Pattern("", "")  # what a match counts as once a ruling has named its cause: strong
# Python 3's chained traceback: the exception above was caught, and its handler raised the one below
_HANDLED = "During handling of the above exception, another exception occurred"


def _handled(block: List[str], j: int) -> bool:
    """The exception on the line before ``block[j]`` was caught (its handler raised another, printed next): a
    lookup the script went on from, as a probe (pygsl's import of its optional gsl_site before gsl-config)."""
    for raw in block[j:j + 3]:
        if isinstance(raw, str) and _HANDLED in raw:
            return True
    return False


BYPASSED = "bypassed"  # _judge: the line is no evidence (a ruling's ``bypassed``)
_PROBED = Pattern("", "", probe=True)  # ... once a ruling has made it a lookup the build goes on from

_DEFAULT: Optional[Classifier] = None


def default_classifier() -> Classifier:
    global _DEFAULT
    if _DEFAULT is None:
        from pip_explain.rules import all_rules

        from pip_explain.rules._knowledge import RULINGS, situations

        _DEFAULT = Classifier(all_rules(), RULINGS, situations)
    return _DEFAULT


def classify(lines: Iterable[str], first_line: int = 1, known: Iterable[str] = ()) -> Optional[Diagnosis]:
    return default_classifier().classify(lines, first_line, known)


def classify_why(lines: Iterable[str], first_line: int = 1, known: Iterable[str] = ()
                 ) -> Tuple[Optional[Diagnosis], Optional[Tuple[str, Evidence]]]:
    return default_classifier().classify_why(lines, first_line, known)


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
    # pip's note under its frame ("note: This error originates from a subprocess, and is likely not a problem
    # with pip.") and pipenv's wrapper around pip ("ERROR: Couldn't install package: {}")
    "this error originates from a subprocess",
    "couldn't install package:",
    # Sphinx's closing words after any exception it caught (sphinx/cmd/build.py handle_exception: "Please also
    # report this if it was a user error, so that a better error message can be provided next time."): a frame,
    # the exception above it says why (psycopg's docs build in a Nix sandbox, b63-network-3/16)
    "if it was a user error, so that a better error message",
)
# A tool's exit status: a symptom, not the cause (shown only when nothing else is)
_SYMPTOMS = ("failed with exit", "failed with code", "returned non-zero exit status", "exited with",
             # pip < 20: 'Command "python setup.py egg_info" failed with error code 1 in /tmp/pip-build-x/pkg/'
             "failed with error code",
             # make's "make: *** [Makefile:288: install] Error 1" (a recipe's command failed: its output says why)
             "*** [",
             # CMake's FindCUDA when nvcc failed (its run_nvcc.cmake: "CMake Error at
             # x_generated_y.cu.o.Release.cmake:279 (message):" / "Error generating file ..."): nvcc's output says why
             ".cu.o.release.cmake", ".cu.o.debug.cmake", ".cu.o.relwithdebinfo.cmake", ".cu.o.minsizerel.cmake",
             "error generating file",
             # a JSON parser given nothing ("json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)"):
             # the command or download that should have answered failed before it (sqlcipher3's setup.py reading
             # `conan install`'s output when the Conan center was unreachable, live batch 13)
             "expecting value: line 1 column 1 (char 0)")
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
