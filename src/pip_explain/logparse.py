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

import codecs
import re
from collections import deque
from dataclasses import dataclass
from typing import Iterable, Iterator, List, Optional, Tuple

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
    """The failed steps a log records. ``lines`` is a list of lines, or a
    :class:`LogFile`: then nothing is kept in memory but a few lines of
    look-ahead, and each segment's lines are a :class:`LineView` that reads
    its part of the file again when iterated."""
    if isinstance(lines, LogFile):
        return _segments(_StreamSource(lines), _Unique())
    return _segments(_ListSource(lines), [])


class _Unique(list):
    """Drops a segment equal to one already kept as it comes (what
    :func:`_dedupe` does at the end), so that a long log repeating the same
    failure keeps one segment, not one per repetition."""

    def append(self, seg: Segment) -> None:
        if not any(o.lines == seg.lines and o.step == seg.step for o in self):
            list.append(self, seg)


class _ListSource:
    def __init__(self, lines: Iterable[str]):
        self.lines = [clean_line(line) for line in lines]

    def get(self, i: int) -> Optional[str]:
        return self.lines[i] if i < len(self.lines) else None

    def mark(self, i: int) -> None:
        pass

    def token(self, i: int):
        return i

    def take(self, token, start: int, stop: int):
        return self.lines[start:stop]


class _StreamSource:
    """Lines of a LogFile by index, forward only: keeps the lines from the
    last :meth:`mark` on (a few lines of look-ahead)."""

    def __init__(self, log: "LogFile"):
        self.log = log
        self._it = log.scan()
        self._base = 0  # index of self._buf[0]
        self._buf: "deque" = deque()
        self._end: Optional[int] = None

    def _fill(self, i: int) -> bool:
        while i >= self._base + len(self._buf):
            if self._end is not None:
                return False
            item = next(self._it, None)
            if item is None:
                self._end = self._base + len(self._buf)
                return False
            self._buf.append((clean_line(item[0]), item[1]))
        return True

    def get(self, i: int) -> Optional[str]:
        return self._buf[i - self._base][0] if self._fill(i) else None

    def mark(self, i: int) -> None:
        while self._buf and self._base < i:
            self._buf.popleft()
            self._base += 1

    def token(self, i: int):
        if i == 0:
            return (0, 0)  # the whole log (after the lines were read)
        return self._buf[i - self._base][1] if self._fill(i) else None

    def take(self, token, start: int, stop: int) -> "LineView":
        return LineView(self.log, token, stop - start)


def _segments(src, found: List[Segment]) -> List[Segment]:
    i = 0
    running: Optional[_Running] = None
    while True:
        src.mark(i)
        line = src.get(i)
        if line is None:
            break
        m = _NEW_START.match(line)
        if m:
            step = m.group("step").strip()
            j = i + 1
            while j <= i + 4 and src.get(j) is not None and not _NEW_OUTPUT.match(src.get(j)):
                j += 1
            if src.get(j) is not None and _NEW_OUTPUT.match(src.get(j)):
                token, k = src.token(j + 1), j + 1
                while True:
                    src.mark(k)
                    end = src.get(k)
                    if end is None or _NEW_END.match(end):
                        break
                    k += 1
                found.append(Segment(step, j + 2, src.take(token, j + 1, k), _package(step)))
                running = None
                i = k + 1
                continue
            if running is not None and running.count:
                found.append(running.segment(src))  # -v: "See above for output."
            running = None
            i += 1
            continue
        if _OLD_START.match(line):
            step, j = "the build subprocess", i + 1
            while j <= i + 6 and src.get(j) is not None and not _OLD_OUTPUT.match(src.get(j)):
                cm = _OLD_CMD.match(src.get(j))
                if cm:
                    step = step_label(cm.group("cmd"))
                j += 1
            if src.get(j) is not None and _OLD_OUTPUT.match(src.get(j)):
                token, k = src.token(j + 1), j + 1
                while True:
                    src.mark(k)
                    end = src.get(k)
                    if end is None or _OLD_END.match(end):
                        break
                    k += 1
                found.append(Segment(step, j + 2, src.take(token, j + 1, k), None))
                running = None
                i = k + 1
                continue
            if running is not None and running.count:
                found.append(running.segment(src))
            running = None
            i += 1
            continue
        m = _RUNNING.match(line)
        if m:
            if running is not None and running.count and running.error:
                found.append(running.segment(src))
            step = m.group("step")
            running = _Running(step_label(step), i + 2, src.token(i + 1), i + 1, _package(step))
        elif running is not None:
            if _STOP_RUNNING.search(line):
                found.append(running.segment(src))
                running = None
            else:
                running.count += 1
                running.error = running.error or "error" in line.lower()
        i += 1
    if running is not None and running.count and running.error:
        found.append(running.segment(src))
    if not found:
        found.append(Segment("", 1, src.take(src.token(0), 0, i), None))
    return _dedupe(found)


class _Running:
    """A ``Running command`` step being read: lines start..start+count."""

    __slots__ = ("step", "first_line", "token", "start", "count", "error", "package")

    def __init__(self, step, first_line, token, start, package):
        self.step, self.first_line, self.token, self.start = step, first_line, token, start
        self.count, self.error, self.package = 0, False, package

    def segment(self, src) -> Segment:
        return Segment(self.step, self.first_line, src.take(self.token, self.start, self.start + self.count),
                       self.package)


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


# -- a saved log, streamed ----------------------------------------------------

MAX_LOG = 1 << 30  # bytes of a saved log that are read
_CHUNK = 1 << 20
_UTF8_BOM = codecs.BOM_UTF8


class LogFile:
    """The lines of a saved UTF-8 log (BOM or not) exactly as
    ``data.decode("utf-8-sig", errors="replace").splitlines()`` gives them
    for its first :data:`MAX_LOG` bytes, read in chunks: iterating twice
    reads the file twice, and memory does not grow with the file.

    Lines are found on bytes first (``\\n``, ``\\r``: ASCII bytes never occur
    inside a UTF-8 sequence), then each decoded line is split again on the
    other separators ``str.splitlines`` knows (``\\v``, ``\\f``, ``\\x1c``-``\\x1e``,
    ``\\x85``, U+2028, U+2029). A checkpoint (the byte offset of a
    byte line, the index of a line inside it) lets a :class:`LineView` start
    reading in the middle.
    """

    def __init__(self, path: str, limit: int = MAX_LOG):
        self.path = path
        self.limit = limit
        self._len: Optional[int] = None
        self.spool: Optional[str] = None  # a temporary copy of standard input, deleted after use

    def __iter__(self) -> Iterator[str]:
        for line, _ in self.scan():
            yield line

    def __len__(self) -> int:
        if self._len is None:
            self._len = sum(1 for _ in self.scan())
        return self._len

    def scan(self, checkpoint: Tuple[int, int] = (0, 0), chunk_size: int = _CHUNK
             ) -> Iterator[Tuple[str, Tuple[int, int]]]:
        """(line, checkpoint of that line), from ``checkpoint`` on. Reads
        ``chunk_size`` bytes first, twice as much each time up to 1 MiB."""
        offset, skip = checkpoint
        with open(self.path, "rb") as f:
            f.seek(offset)
            remaining = self.limit - offset
            pending = b""
            pos = offset
            while True:
                chunk = f.read(min(chunk_size, remaining)) if remaining > 0 else b""
                chunk_size = min(chunk_size * 2, _CHUNK)
                remaining -= len(chunk)
                data = pending + chunk if pending else chunk
                if not data:
                    return
                parts = data.splitlines(True)
                pending = b""
                if chunk and not parts[-1].endswith(b"\n"):
                    pending = parts.pop()  # unfinished, or a \r that a \n may follow
                for raw in parts:
                    start = pos
                    pos += len(raw)
                    body = raw.rstrip(b"\r\n")
                    if start == 0 and body.startswith(_UTF8_BOM):
                        body = body[3:]
                    text = body.decode("utf-8", "replace")
                    if len(body) != len(raw):
                        pieces = (text + "\n").splitlines()
                    else:
                        pieces = text.splitlines()  # the last line, unterminated
                    for n, piece in enumerate(pieces):
                        if skip:
                            skip -= 1
                            continue
                        yield piece, (start, n)
                if not chunk:
                    return


class LineView:
    """``count`` lines of a LogFile from a checkpoint on, cleaned like the
    lines :func:`segments` keeps; read again from disk at each iteration."""

    def __init__(self, log: LogFile, checkpoint, count: int):
        self.log = log
        self.checkpoint = checkpoint
        self.count = count if checkpoint is not None else 0
        self._digest: Optional[bytes] = None

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[str]:
        if not self.count:
            return
        left = self.count
        for line, _ in self.log.scan(self.checkpoint, 16384):
            yield clean_line(line)
            left -= 1
            if not left:
                return

    def __getitem__(self, index):
        return list(self)[index]

    def digest(self) -> bytes:
        if self._digest is None:
            import hashlib

            h = hashlib.blake2b(digest_size=20)
            for line in self:
                data = line.encode("utf-8", "surrogatepass")
                h.update(b"%d:" % len(data))
                h.update(data)
            self._digest = h.digest()
        return self._digest

    def __eq__(self, other) -> bool:
        if isinstance(other, LineView) and (other.log is self.log and other.checkpoint == self.checkpoint
                                            and other.count == self.count):
            return True
        if isinstance(other, LineView):
            return other.count == self.count and other.digest() == self.digest()
        try:
            if len(other) != self.count:
                return False
        except TypeError:
            return NotImplemented
        return all(a == b for a, b in zip(self, other))

    def __ne__(self, other) -> bool:
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    __hash__ = None  # type: ignore[assignment]  # equal by content, so not hashable

    def __repr__(self) -> str:
        return "LineView(%r, %r, %d lines)" % (self.log.path, self.checkpoint, self.count)
