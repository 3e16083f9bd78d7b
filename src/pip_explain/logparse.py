"""A saved pip log, split into the failed build steps it records.

pip frames a failed subprocess in one of three ways, depending on its version
and verbosity; everything between the frame's start and end is that step's
output. A log with no frame at all (a bare build log) is one segment.

* pip >= 22:  ``× <step> did not run successfully.`` ... ``╰─> [N lines of
  output]`` ... ``[end of output]``
* pip <= 21:  ``ERROR: Command errored out with exit status N:`` ...
  ``Complete output (N lines):`` ... a line of dashes
* ``-v`` and ``--log``: ``Running command <step>`` then the raw lines, up to
  pip's error frame.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, List, Optional

from pip_explain.sanitize import clean_line


@dataclass
class Segment:
    step: str
    first_line: int  # file line number of lines[0]
    lines: List[str]
    package: Optional[str] = None


_NEW_START = re.compile(r"^\s*×\s+(?P<step>.+?) did not run successfully\.?\s*$")
_NEW_OUTPUT = re.compile(r"^\s*╰─>\s*\[\d+ lines? of output\]\s*$")
_NEW_END = re.compile(r"^\s*\[end of output\]\s*$")
_OLD_START = re.compile(r"^\s*ERROR: Command errored out with exit status \d+:")
_OLD_OUTPUT = re.compile(r"^\s*Complete output \(\d+ lines?\):\s*$")
_OLD_END = re.compile(r"^\s*-{20,}\s*$")
_RUNNING = re.compile(r"^\s*Running command (?P<step>.+?)\s*$")
_STOP_RUNNING = re.compile(r"error: subprocess-exited-with-error|ERROR: Command errored out|^\s*×\s|"
                           r"^\s*error: (?:metadata-generation-failed|legacy-install-failure)")
_FOR_NAME = re.compile(r"\bfor ([A-Za-z0-9][A-Za-z0-9._-]*)")
_OLD_CMD = re.compile(r"^\s*command:\s*(?P<cmd>.+)$")


_HOOKS = (
    ("get_requires_for_build_wheel", "Getting requirements to build wheel"),
    ("prepare_metadata_for_build_wheel", "Preparing metadata"),
    ("get_requires_for_build_editable", "Getting requirements to build editable"),
    ("prepare_metadata_for_build_editable", "Preparing editable metadata"),
    ("build_wheel", "Building wheel"),
    ("build_editable", "Building editable"),
    ("egg_info", "python setup.py egg_info"),
    ("bdist_wheel", "python setup.py bdist_wheel"),
    (" develop", "python setup.py develop"),
    ("--ignore-installed", "installing build dependencies"),
    (" install --record", "python setup.py install"),
)


def step_label(description: str) -> str:
    """pip >= 22 describes the step ("Building wheel for x (pyproject.toml)");
    older pips pass the whole command line: name the step it runs."""
    description = " ".join(description.split())
    if len(description) <= 100 and "python" not in description.lower():
        return description
    for needle, label in _HOOKS:
        if needle in description:
            return label
    return "the build subprocess"


def _package(step: str) -> Optional[str]:
    m = _FOR_NAME.search(step)
    return m.group(1) if m else None


def segments(lines: Iterable[str]) -> List[Segment]:
    lines = [clean_line(line) for line in lines]
    found: List[Segment] = []
    i, n = 0, len(lines)
    running: Optional[Segment] = None
    while i < n:
        line = lines[i]
        m = _NEW_START.match(line)
        if m:
            step = m.group("step").strip()
            j = i + 1
            while j < n and j <= i + 4 and not _NEW_OUTPUT.match(lines[j]):
                j += 1
            if j < n and _NEW_OUTPUT.match(lines[j]):
                k = j + 1
                while k < n and not _NEW_END.match(lines[k]):
                    k += 1
                found.append(Segment(step, j + 2, lines[j + 1:k], _package(step)))
                running = None
                i = k + 1
                continue
            if running is not None and running.lines:
                found.append(running)  # -v: "See above for output."
            running = None
            i += 1
            continue
        if _OLD_START.match(line):
            step, j = "the build subprocess", i + 1
            while j < n and j <= i + 6 and not _OLD_OUTPUT.match(lines[j]):
                cm = _OLD_CMD.match(lines[j])
                if cm:
                    step = step_label(cm.group("cmd"))
                j += 1
            if j < n and _OLD_OUTPUT.match(lines[j]):
                k = j + 1
                while k < n and not _OLD_END.match(lines[k]):
                    k += 1
                found.append(Segment(step, j + 2, lines[j + 1:k], None))
                running = None
                i = k + 1
                continue
            if running is not None and running.lines:
                found.append(running)
            running = None
            i += 1
            continue
        m = _RUNNING.match(line)
        if m:
            if running is not None and running.lines and _any_error(running.lines):
                found.append(running)
            step = m.group("step")
            running = Segment(step_label(step), i + 2, [], _package(step))
        elif running is not None:
            if _STOP_RUNNING.search(line):
                found.append(running)
                running = None
            else:
                running.lines.append(line)
        i += 1
    if running is not None and running.lines and _any_error(running.lines):
        found.append(running)
    if not found:
        found.append(Segment("", 1, lines, None))
    return _dedupe(found)


def _any_error(lines: List[str]) -> bool:
    return any("error" in line.lower() for line in lines)


def _dedupe(found: List[Segment]) -> List[Segment]:
    """pip 22.0-25.2 print the same block twice ("See above" the second time)."""
    out: List[Segment] = []
    for seg in found:
        if any(o.lines == seg.lines and o.step == seg.step for o in out):
            continue
        out.append(seg)
    return out
