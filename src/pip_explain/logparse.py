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

Other installers frame a failed build their own way (wordings from their
own output, recorded in tests/fixtures/logs/installer-*):

* uv: ``Failed to build `pkg==ver``` (after ``error:``, ``×``, ``cause:``
  or ``Caused by:``), then ``Call to `backend.hook` failed`` (or, before
  0.5, ``Build backend failed to build wheel through `build_wheel```), then
  the backend's ``[stdout]`` and ``[stderr]``, indented, up to uv's own
  ``hint:``/``help:`` lines;
* poetry: ``Backend subprocess exited when trying to invoke <hook>``, the
  output (``| ``-prefixed since poetry 2), up to ``Note: This error
  originates from the build backend ... with <pkg> (<ver>)``;
* pdm: ``BuildError: Build backend raised error: Showing the last N lines of
  the build output:`` after ``✖ Install <pkg> <ver> failed``;
* ``python -m build``: the backend's output, then ``ERROR Backend subprocess
  exited when trying to invoke <hook>``;
* pipenv, hatch and tox run pip: pip's frames, with their own lines around
  (``Pipfile.lock``, ``Creating environment:``, ``<env>: install_deps>``)
  that name the installer and its retry.
"""
from __future__ import annotations

import codecs
import re
from collections import deque
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, List, Optional, Sequence, Tuple

from pip_explain._lazyre import LazyRegex as _Lazy
from pip_explain.sanitize import clean_line


@dataclass
class Segment:
    step: str
    first_line: int  # file line number of lines[0]
    lines: List[str]
    package: Optional[str] = None
    version: Optional[str] = None
    installer: str = "pip"  # pip, uv, poetry, pdm, pipenv, hatch, build, tox
    retry: Optional[str] = None  # the command to run again, in the installer's words


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


# -- other installers -----------------------------------------------------------



# A CI runner's or Docker build's prefix before a line ("9.917   ", "#12 3.41 ", "2024-05-01T10:00:00Z ")
_CI = r"^(?:[#\d.:TZ\[\]-]{1,40}(?=\s)\s?){0,2}\s*"
_UV_START = _Lazy(_CI + r"(?:(?:error:|×|Caused by:|cause:|[├╰]─▶) *)?Failed to (?:download and )?build:?\s+"
                       r"`(?P<req>[^`]{1,300})`")
_UV_HOOK = _Lazy(r"Call to `(?P<backend>[\w.:]{0,120}?)\.?(?P<hook>[a-z_]{1,60})(?:\(\))?` failed"
                      r"|Build backend failed to [\w ]{1,40}? (?:through|with) `(?P<hook2>[a-z_]{1,60})(?:\(\))?`")
_UV_MARK = _Lazy(r"^(?P<indent>\s*(?:│\s*)?)\[(?:stdout|stderr)\]\s*$")
_UV_END = _Lazy(r"^(?:hint|help|error|warning|Caused by):|^\s*×\s|^\s{0,2}[├╰]─▶")
_BAR = _Lazy(r"^(\s*)│ ?")
_POETRY_START = _Lazy(_CI + r"Backend subprocess exited when trying to invoke (?P<hook>[a-z_]{1,60})\s*$")
_POETRY_END = _Lazy(_CI + r"(?:Note: This error originates from the build backend|You can verify this by running"
                         r"|at \S{0,300}chef\.py:\d+)")
_POETRY_NAMED = _Lazy(r"with (?P<name>[A-Za-z0-9][\w.-]{0,100}) \((?P<ver>[^()\s]{1,60})\)")
_POETRY_BAR = _Lazy(r"^(\s*)\| ?")
_POETRY_INSTALLING = _Lazy(_CI + r"[-•]\s+(?:Installing|Updating) (?P<name>[A-Za-z0-9][\w.-]{0,100}) \((?P<ver>[^()\s]{1,60})\)")
_PDM_START = _Lazy(r"BuildError: Build backend raised error: Showing the last \d+ lines")
_PDM_FAILED = _Lazy(r"^\s*✖ Install (?P<name>[A-Za-z0-9][\w.-]{0,100}) (?P<ver>\S{1,60}) failed")
_PDM_END = _Lazy(r"^\s*\d+:\d\d:\d\d ✖|^See \S.{0,300} for detailed debug log|^\[\w{1,60}\]: |^\s*✖ |^ERRORS:"
                 r"|^\S{1,60} failed:$|^Traceback \(most recent call last\):")
_BUILD_END = _Lazy(_CI + r"ERROR Backend subprocess exited when trying to invoke (?P<hook>[a-z_]{1,60})\s*$")
_EGG_INFO = _Lazy(r"^\s*writing (?P<name>[A-Za-z0-9][\w.-]{0,100})\.egg-info[/\\]PKG-INFO")
_TOX_ENV = _Lazy(r"^\s*(?P<env>[\w.-]{1,60}): (?:install_deps>|install_package>|install_package_deps>|"
                      r"exit -?\d+ \(|FAIL code \d+)")
_HATCH_ENV = _Lazy(r"^\s*Creating environment: (?P<env>[\w.-]{1,60})\s*$")
_PROMPT = _Lazy(r"^\s*(?:\$|>|#|PS [^>]{0,200}>|RUN)\s+(?P<cmd>(?:uv|poetry|pdm|pipenv|hatch|tox)\s[^\n]{1,300}"
                     r"|python[\d.]{0,5} -m build\b[^\n]{0,300})$")
_REQ = _Lazy(r"^\s*(?P<name>[A-Za-z0-9][\w.-]{0,100})(?:\[[^\]]{0,200}\])?\s*(?:==\s*(?P<ver>[\w.!+-]{1,60}))?")
_RUNS = _Lazy(r"[-_.]+")
_URL_VERSION = _Lazy(r"[/\\ ](?P<name>[A-Za-z0-9][\w.]{0,100})-(?P<ver>\d[\w.!+]{0,60}?)(?:\.tar\.gz|\.zip|\.tar\.bz2|\.tgz)\b")

_HOOK_STEPS = {
    "build_wheel": "Building wheel", "build_editable": "Building editable", "build_sdist": "Building sdist",
    "get_requires_for_build_wheel": "Getting requirements to build wheel",
    "get_requires_for_build_editable": "Getting requirements to build editable",
    "get_requires_for_build_sdist": "Getting requirements to build sdist",
    "prepare_metadata_for_build_wheel": "Preparing metadata",
    "prepare_metadata_for_build_editable": "Preparing editable metadata",
}


def _hook_step(hook: str, name: Optional[str], installer: str, backend: str = "") -> str:
    label = _HOOK_STEPS.get(hook, "Running " + hook if hook else "Building")
    where = installer + (": " + backend + "." + hook if backend else ": " + hook if hook else "")
    return "%s for %s (%s)" % (label, name, where) if name else "%s (%s)" % (label, where)


def _requirement(req: str) -> Tuple[Optional[str], Optional[str]]:
    """uv's ``pkg==1.0``, ``pkg @ file:///.../pkg-1.0.tar.gz``: (name, version)."""
    m = _REQ.match(req)
    if not m:
        return None, None
    version = m.group("ver")
    if not version and "@" in req:
        u = _URL_VERSION.search(req)
        if u:
            version = u.group("ver")
    return m.group("name"), version


class _Installer:
    """What the log shows of the installer that ran pip, or of its own frames."""

    __slots__ = ("name", "env", "command", "uv_mode", "poetry_pkg", "pdm_pkg", "egg_name", "pdm_hook", "sdists",
                 "last_sdist")

    def __init__(self):
        self.name = "pip"
        self.env: Optional[str] = None
        self.command: Optional[str] = None
        self.uv_mode: Optional[str] = None  # "pip", "add", "sync"
        self.poetry_pkg: Optional[Tuple[str, str]] = None
        self.pdm_pkg: Optional[Tuple[str, str]] = None
        self.egg_name: Optional[str] = None
        self.pdm_hook: Optional[str] = None
        self.sdists: dict = {}  # canonical name -> version, from pip's "Downloading x-1.0.tar.gz"
        # the sdist fetched last: pip prepares each one's metadata right after fetching it, and its "× Getting
        # requirements to build wheel / python setup.py egg_info did not run successfully" names no package
        self.last_sdist: Optional[str] = None

    def version_of(self, name: Optional[str]) -> Optional[str]:
        return self.sdists.get(_RUNS.sub("-", name).lower()) if name else None

    def see(self, line: str) -> None:
        """Markers of an installer around pip's frames (cheap checks first)."""
        if ":" in line:
            if "install_deps>" in line or ": exit " in line or ": FAIL code" in line or "install_package" in line:
                m = _TOX_ENV.match(line)
                if m:
                    self.name, self.env = "tox", self.env or m.group("env")
            elif "Creating environment: " in line:
                m = _HATCH_ENV.match(line)
                if m and self.name == "pip":
                    self.name, self.env = "hatch", m.group("env")
            elif line.startswith("error: Failed to add dependencies"):
                self.uv_mode = "add"
            elif line.startswith(("error: Failed to sync", "error: Failed to install", "error: Failed to prepare")):
                self.uv_mode = self.uv_mode or "sync"
        if " environment at" in line and line.lstrip().startswith("Using Python "):
            self.uv_mode = "pip"  # uv pip: "Using Python 3.11.7 environment at[:] /path/venv"
        if "Pipfile" in line and self.name == "pip":
            self.name = "pipenv"
        if ("Installing " in line or "Updating " in line) and "(" in line:
            m = _POETRY_INSTALLING.match(line)
            if m:
                self.poetry_pkg = (m.group("name"), m.group("ver"))
        elif "✖ Install " in line:
            m = _PDM_FAILED.match(line)
            if m:
                self.pdm_pkg = (m.group("name"), m.group("ver"))
        elif ".egg-info" in line and "PKG-INFO" in line:
            m = _EGG_INFO.match(line)
            if m:
                self.egg_name = m.group("name")
        elif "_hook." in line:
            m = re.search(r"_hook\.([a-z_]{1,60})\(", line)
            if m:
                self.pdm_hook = m.group(1)
        if ("Downloading " in line or "Using cached " in line or "Processing " in line) and len(self.sdists) < 100:
            u = _URL_VERSION.search(line[:512])
            if u:
                self.sdists.setdefault(_RUNS.sub("-", u.group("name")).lower(), u.group("ver"))
                self.last_sdist = u.group("name")
        if self.command is None and ("uv " in line or "poetry " in line or "pdm " in line or "pipenv " in line
                                     or "hatch " in line or "tox " in line or "-m build" in line):
            m = _PROMPT.match(line)
            if m:
                self.command = m.group("cmd").strip()

    def retry(self, installer: str, name: Optional[str], version: Optional[str]) -> Optional[str]:
        """The command to run again, in that installer's words."""
        if installer == "pip":
            return None
        if self.command and self.command.split()[0] in (installer, "python", "python3") \
                and (installer != "build" or "build" in self.command):
            return self.command
        req = (name + "==" + version) if name and version else name
        if installer == "uv":
            if self.uv_mode == "add" and req:
                return "uv add " + _quote(req)
            if self.uv_mode == "sync":
                return "uv sync"
            return "uv pip install " + _quote(req) if req else None
        return {"poetry": "poetry install", "pdm": "pdm install", "pipenv": "pipenv install",
                "hatch": "hatch env create" + (" " + self.env if self.env and self.env != "default" else ""),
                "build": "python -m build", "tox": "tox -e " + self.env if self.env else "tox"}.get(installer)


def _quote(word: str) -> str:
    import shlex

    return shlex.quote(word)


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


# the steps pip runs on an sdist as soon as it has fetched it (not "Building wheel", which names the package)
_BEFORE_BUILD = _Lazy(r"^(?:python setup\.py egg_info|Getting requirements to build|Preparing metadata)")


def _package(step: str) -> Optional[str]:
    m = _FOR_NAME.search(step)
    return m.group(1) if m else None


# How a log was carried to the reader: a prefix that a CI runner, a Docker
# build or a forum added to (nearly) every line; up to three stacked.
# (one alternative each: BuildKit's step and seconds; ISO timestamps of GitHub, Azure and Jenkins, with GitLab 17's
# stream marker; a clock column; a quoted reply -- prefixes no build output starts with)
_STRONG_PREFIXES = (r"#\d{1,5} \d{1,6}\.\d{1,3} ",
                    r"\[?\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?\]?(?: \d\d[OE]\+?)? ",
                    r"\[?\d\d:\d\d:\d\d(?:[.,]\d{1,9})?\]? ",
                    r"> ?")
# ... and those that read like words or numbers of the output itself: BuildKit's TTY view (docker compose build),
# seconds only; docker compose's service column ("web-1  | "); nix build -L's derivation name ("python3.12-foo> ")
_WEAK_PREFIXES = (r"\d{1,6}\.\d{1,3} ", r"[\w.-]{1,60} {1,40}\| ", r"[A-Za-z0-9][\w.+-]{0,100}> ")
_CARRIER = _Lazy(r"^(?:%s)" % "|".join(_STRONG_PREFIXES + _WEAK_PREFIXES))
_CARRIER_SAMPLE = 200  # non-empty lines looked at
_CARRIER_SHARE = 0.6  # of them that must carry the prefix
# a paste of one or two lines is too short to tell a prefix from content by counting: only the strong prefixes,
# on every line ("3.14 on manylinux" ends a line uv wrapped)
_SHORT_CARRIER = _Lazy(r"^(?:%s)" % "|".join(_STRONG_PREFIXES))


_INLINE_CODE = _Lazy(r"^`([^`]*)`\s*$")
_SPACK_EXCERPT = _Lazy(r"^\d{1,5} (?:errors?|warnings?) found in build log:\s*$")
_SPACK_NUMBER = _Lazy(r"^\s{0,6}(?:>> ?)?\d{1,7} {2,6}")


def _spack_line(line: str) -> str:
    return _SPACK_NUMBER.sub("", line, count=1)


def _bitbake_line(line: str) -> str:
    return line[2:] if line.startswith("| ") else line


def carrier(lines: Iterable[str]) -> Optional[Callable[[str], str]]:
    """What removes the carrier's prefix from a line of this log, or None.
    Decided on the first non-empty lines, as a whole, one layer at a time: a
    prefix is one only when most lines carry it, and a Markdown code block's
    indent only when every line does."""
    sample: List[str] = []
    for line in lines:
        line = clean_line(line)
        if line.strip():
            sample.append(line)
            if len(sample) == _CARRIER_SAMPLE:
                break
    if not sample:
        return None
    # a forum paste with each line in Markdown's inline-code backticks ("`configure: error: ...`")
    inline = len(sample) >= 3 and sum(1 for line in sample if _INLINE_CODE.match(line)) >= _CARRIER_SHARE * len(sample)
    if inline:
        sample = [_INLINE_CODE.sub(r"\1", line) for line in sample]
    pattern = _CARRIER if len(sample) >= 3 else _SHORT_CARRIER
    layers = 0
    sub = pattern.sub
    share = _CARRIER_SHARE if len(sample) >= 3 else 1.0
    while layers < 3 and sum(1 for line in sample if pattern.match(line)) >= share * len(sample):
        layers += 1
        sample = [sub("", line, count=1) for line in sample]
    indent = min(len(line) - len(line.lstrip(" ")) for line in sample)
    # a builder's excerpt of a failed step, inside whatever carried it: BitBake's failed task (its header lines,
    # "Log data follows:", then the task's log with "| " before each line), Spack's excerpt of a build log
    # ("1 warning found in build log:", then "  >> 3    WARNING: ..." / "     4    text", numbered)
    builder = (_bitbake_line if any(line.strip() == "Log data follows:" for line in sample)
               else _spack_line if any(_SPACK_EXCERPT.match(line.strip()) for line in sample) else None)
    if not layers and not indent and builder is None and not inline:
        return None

    def strip(line: str) -> str:
        if inline:
            line = _INLINE_CODE.sub(r"\1", line)
        for _ in range(layers):
            line = sub("", line, count=1)
        if indent:
            line = line[indent:] if line[:indent].isspace() else line.lstrip(" ")
        return builder(line) if builder is not None else line

    return strip


_WRAP_MIN = 60  # a terminal narrower than this wraps too much of a log to be read back
_QUOTE_START = tuple("'\"‘’“”«»`")


# a compiler's diagnostic broken right after its severity ("x.cpp:6354:39: error:" / "  ‘_PyFoo’ was not declared
# in this scope": grpcio under uv, b18-popular-2025-26/02)
_SEVERITY_CUT = re.compile(r":\d{1,7}:\d{1,5}: (?:fatal )?error:\s*$")
_ENOENT_CUT = re.compile(r"\bNo such file(?: or)?\s*$")
_ENOENT_REST = re.compile(r"\s*(?:or )?directory\s*$")
# MSVC's C1083 broken before the file's name by a narrow window or a mail client: "fatal error C1083: Cannot open
# include file:" / "'ta_libc.h': No such file or directory" (b24-windows-2024-26/05), "... C1083: Cannot" / "open
# include file: 'io.h': ..." (uv's output, /06)
_C1083_CUT = re.compile(r"\bC1083\s?: Cannot(?: open(?: include(?: file:?)?)?)?\s*$")
_C1083_REST = re.compile(r"\s*(?:open |include |file:? ){0,3}['\"]")
# a gcc/clang diagnostic whose text stops on a word, and a next line that goes on with a lower-case word, indented,
# and names something in quotes (not a new diagnostic, not a caret or an echoed source line)
_DIAGNOSTIC_CUT = re.compile(r":\d{1,7}:\d{1,5}: (?:fatal )?error: [^\n]{0,200}\b[a-z]{2,20}$")
_DIAGNOSTIC_REST = re.compile(r"^[^\S\n]{1,8}[a-z][a-z-]{1,30}(?: [\w-]{1,30}){0,4} ['‘\"][^\n]{1,200}$")
_WRAP_SLACK = 16  # a user name shortened in a pasted path ("C:\\Users\\user") after the console wrapped it


def _trimmed(texts: Sequence[str], i: int) -> bool:
    """A line one column short of the width whose break fell on a space that the paste dropped: it ends a
    word and the next line starts one."""
    return (i + 1 < len(texts) and texts[i][-1:].isalnum() and texts[i + 1][:1].isalpha()
            and not texts[i + 1][:1].isupper())


def _cut_short(text: str, nxt: str, width: int) -> bool:
    """A line of a hard-wrapped log made shorter after the wrap (a redacted
    user name): nearly as wide, ending in a word that goes on in the next
    line ("... C1083: Cannot" / " open include file: ...")."""
    return (width - _WRAP_SLACK <= len(text) < width and text[-1:].isalnum()
            and nxt[:1] == " " and nxt[1:2].islower())


_PAD_RUN = re.compile(r" {8,}")


def _unpadded(text: str) -> str:
    """A line copied from a terminal window wider than the program's own wrap: each piece of W columns (80 for a
    serial console or an 80-column pty) padded with spaces to the window's P columns, then the next piece ("...
    nicht gefu" + 113 spaces + "nden", a German gcc on Raspbian copied from a 193-column window,
    b26-languages/03). The padding runs start at W, P + W, 2P + W ... and end at P, 2P ...: those are removed,
    and nothing else."""
    if len(text) < 2 * _WRAP_MIN or "        " not in text:
        return text
    runs = [(m.start(), m.end()) for m in _PAD_RUN.finditer(text)]
    if not runs:
        return text
    width, period = runs[0]
    if width < _WRAP_MIN or period <= width:
        return text
    for k, (start, end) in enumerate(runs):
        if start != k * period + width or end != (k + 1) * period:
            return text
    if len(text) - runs[-1][1] > width:  # the piece after the last run is one piece at most
        return text
    return "".join(text[end:start] for end, start in zip([0] + [e for _, e in runs], [s for s, _ in runs] + [len(text)]))


# fixed texts a window's width cuts inside a word: the line ends with a piece of the text, the next line goes on with
# its rest, and the pieces join with no space. gcc's severity ("...Scanners.c:19:20: fatal e" / "rror: Python.h: No such
# file or directory": an easy_install build in a console, b33-old-pip-longtail-4/08); MSVC's C1083 ("... C1083: Cannot
# open includ" / "e file: 'crtdbg.h': ...": open-webui's chroma-hnswlib under VS 2019, the excerpt's first line without
# pip's indent, b67-app-trackers-1/09; cl.exe's text, Microsoft's documentation of C1083)
_WORD_CUTS = (
    (re.compile(r":\d{1,7}(?::\d{1,5})?: (?P<cut>[a-z ]{1,10})$"), ("fatal error: ", "error: ")),
    (re.compile(r"\bC1083\s?: (?P<cut>Cannot[a-z ]{0,22})$"),
     ("Cannot open include file: ", "Cannot open source file: ", "Cannot open compiler generated file: ")),
)


def _word_cut(joined: str, nxt: str) -> bool:
    """The line ends inside one of the fixed texts above and the next line goes on with its rest."""
    tail = joined[-60:]
    for cut_at, texts in _WORD_CUTS:
        m = cut_at.search(tail)
        if m is not None and any(len(m.group("cut")) < len(text) and (m.group("cut") + nxt).startswith(text)
                                 for text in texts):
            return True
    return False


def unwrapped(lines: Sequence[str]) -> Optional[List[str]]:
    """The lines with a terminal's or a page's wrapping undone, or None when
    nothing looks wrapped. A hard wrap: some lines are exactly as long as the
    widest one (at least three distinct ones, at least 60 columns: a console
    copying its width, cmd.exe's 80), and each such line continues on the
    next. A soft wrap: a compiler message broken at a space before a quoted
    name ("implicit declaration of function" / "'PyUnicode_AS_UNICODE'"). A
    joined line takes the place of its first line and the lines it took in
    become empty, so that every line keeps its number. Used only as a second
    reading of lines nothing explained."""
    texts = [line.rstrip("\r\n") for line in lines]
    padded = [_unpadded(t) for t in texts]
    unpadded = padded != texts
    texts = padded
    widths = [len(t) for t in texts if t.strip()]
    width = max(widths) if widths else 0
    # lines as wide as the widest, or one less where the break fell on a space the paste trimmed ("... No such
    # file or" / "directory")
    full = [i for i, t in enumerate(texts) if len(t) == width or len(t) == width - 1 and _trimmed(texts, i)]
    # three of them; or, in a short excerpt, two that break a word in two ("Buil" / "dTools"), the last line of
    # the excerpt being cut by the excerpt itself
    hard = width >= _WRAP_MIN and (len({texts[i] for i in full}) >= 3 or len(full) == 2 and all(
        i + 1 >= len(texts) or texts[i][-1:].isalnum() and texts[i + 1][:1].isalnum() for i in full))
    out = list(texts)
    changed = False
    i = 0
    while i < len(out) - 1:
        j = i
        joined = out[i]
        while j + 1 < len(out) and out[j + 1].strip():
            nxt = out[j + 1]
            if hard and (len(texts[j]) == width or _cut_short(texts[j], nxt, width)):
                joined += nxt
            elif hard and len(texts[j]) == width - 1 and _trimmed(texts, j):
                joined += " " + nxt
            elif ((joined.rstrip() and joined.rstrip()[-1:] not in ".:;!?,)]}>" or _SEVERITY_CUT.search(joined)) and
                  nxt.lstrip().startswith(_QUOTE_START) and not nxt.startswith((" |", "│"))):
                joined = joined.rstrip() + " " + nxt.strip()
            elif _DIAGNOSTIC_CUT.search(joined) and _DIAGNOSTIC_REST.match(nxt):
                # a compiler's diagnostic broken inside its words by a narrow paste: "x.h:446:36: error: invalid use
                # of" / "  incomplete type 'PyFrameObject' {aka 'struct _frame'}" (a Bazel build, b29-newpython-2025-26/13)
                joined = joined.rstrip() + " " + nxt.strip()
            elif _C1083_CUT.search(joined) and _C1083_REST.match(nxt):
                joined = joined.rstrip() + " " + nxt.strip()
            elif _word_cut(joined, nxt):
                # a fixed text (gcc's severity, MSVC's C1083) broken inside its word by a window's width
                joined = joined + nxt
            elif _ENOENT_CUT.search(joined) and _ENOENT_REST.match(nxt):
                # strerror broken by a narrow window: "... fatal error: x.h: No such file or" / "directory"
                joined = joined.rstrip() + " " + nxt.strip()
            else:
                break
            j += 1
        if j > i:
            out[i] = joined
            for n in range(i + 1, j + 1):
                out[n] = ""
            changed = True
        i = j + 1
    return out if changed or unpadded else None


def uncarried(lines):
    """The log's lines without a carrier's prefix (the same object when it
    has none): a list, or a :class:`LineView` over the whole LogFile."""
    carried = carrier(lines)
    if carried is None:
        return lines
    if isinstance(lines, LogFile):
        return LineView(lines, (0, 0), len(lines), carried)
    return [carried(clean_line(line)) for line in lines]


def segments(lines: Iterable[str]) -> List[Segment]:
    """The failed steps a log records. ``lines`` is a list of lines, or a
    :class:`LogFile`: then nothing is kept in memory but a few lines of
    look-ahead, and each segment's lines are a :class:`LineView` that reads
    its part of the file again when iterated. A carrier's prefix on every
    line (:func:`carrier`) is removed first."""
    if isinstance(lines, LogFile):
        return _segments(_StreamSource(lines, carrier(lines)), _Unique())
    lines = list(lines)
    return _segments(_ListSource(lines, carrier(lines)), [])


class _Unique(list):
    """Drops a segment equal to one already kept as it comes (what
    :func:`_dedupe` does at the end), so that a long log repeating the same
    failure keeps one segment, not one per repetition."""

    def append(self, seg: Segment) -> None:
        if not any(o.lines == seg.lines and o.step == seg.step for o in self):
            list.append(self, seg)


class _ListSource:
    def __init__(self, lines: Iterable[str], carried: Optional[Callable[[str], str]] = None):
        self.lines = [clean_line(line) for line in lines]
        if carried is not None:
            self.lines = [carried(line) for line in self.lines]

    def get(self, i: int) -> Optional[str]:
        return self.lines[i] if i < len(self.lines) else None

    def mark(self, i: int) -> None:
        pass

    def token(self, i: int):
        return i

    def take(self, token, start: int, stop: int, strip=None):
        if strip is not None:
            return [strip(line) for line in self.lines[start:stop]]
        return self.lines[start:stop]


class _StreamSource:
    """Lines of a LogFile by index, forward only: keeps the lines from the
    last :meth:`mark` on (a few lines of look-ahead)."""

    def __init__(self, log: "LogFile", carried: Optional[Callable[[str], str]] = None):
        self.log = log
        self.carried = carried
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
            line = clean_line(item[0])
            self._buf.append((self.carried(line) if self.carried is not None else line, item[1]))
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

    def take(self, token, start: int, stop: int, strip=None) -> "LineView":
        carried = self.carried
        if carried is not None:
            strip = carried if strip is None else _then(carried, strip)
        return LineView(self.log, token, stop - start, strip)


def _strip_bar(line: str) -> str:
    """uv's old graphical frame: ``  │   [stderr]`` -> ``     [stderr]``."""
    return _BAR.sub(r"\1", line, 1) if "│" in line else line


def _strip_pipe(line: str) -> str:
    """poetry 2 quotes the backend's output as ``    | line``."""
    return _POETRY_BAR.sub(r"\1", line, 1) if "|" in line else line


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _uv_frame(src, i: int, m, inst: "_Installer"):
    """uv's frame at line i: (segment or None, next index)."""
    name, version = _requirement(m.group("req"))
    hook = backend = ""
    j = i + 1
    mark = None
    while j <= i + 8:
        line = src.get(j)
        if line is None:
            break
        h = _UV_HOOK.search(line) if "`" in line else None
        if h:
            hook = h.group("hook") or h.group("hook2") or ""
            backend = h.group("backend") or ""
        mm = _UV_MARK.match(line) if "[std" in line else None
        if mm:
            mark = mm
            break
        if j > i + 1 and _UV_START.match(line):
            break  # the next failure, no output shown for this one
        j += 1
    if mark is None:
        return None, i + 1
    width = _indent(_strip_bar(src.get(j)))
    token, k = src.token(j + 1), j + 1
    while True:
        src.mark(k)
        line = src.get(k)
        if line is None:
            break
        if line.strip():
            plain_line = _strip_bar(line)
            if width and _indent(plain_line) < width and "│" not in line:
                break
            if width == 0:
                # the backend's lines are not indented (uv 0.4): only uv's own hint, or its next
                # failure, ends them (setuptools prints "warning: ..." and "error: ..." lines too)
                if line.startswith(("hint:", "help:")) or _UV_START.match(line):
                    break
            elif _indent(line) == 0 and _UV_END.match(line):
                break
        k += 1
    step = _hook_step(hook, name, "uv", backend)
    return Segment(step, j + 2, src.take(token, j + 1, k, _strip_bar), name, version, "uv"), k


def _poetry_frame(src, i: int, m, inst: "_Installer"):
    token, k = src.token(i + 1), i + 1
    end = None
    while True:
        src.mark(k)
        line = src.get(k)
        if line is None:
            break
        if _POETRY_END.match(line):
            end = line
            break
        k += 1
    named = _POETRY_NAMED.search(end) if end and "originates" in end else None
    if named is None and end is not None:
        for n in range(k + 1, k + 30):  # poetry 1: the note follows chef.py's excerpt
            later = src.get(n)
            if later is None:
                break
            if "This error originates from the build backend" in later:
                named = _POETRY_NAMED.search(later)
                break
    name, version = (named.group("name"), named.group("ver")) if named else (inst.poetry_pkg or (None, None))
    step = _hook_step(m.group("hook"), name, "poetry")
    return Segment(step, i + 2, src.take(token, i + 1, k, _strip_pipe), name, version, "poetry"), k


def _pdm_frame(src, i: int, inst: "_Installer"):
    start = i + 1
    nxt = src.get(start)
    if nxt is not None and nxt.strip().startswith("of the build output"):
        start += 1  # the message wrapped at the terminal's width
    k = start
    body: List[str] = []
    while True:
        src.mark(k)
        line = src.get(k)
        if line is None or _PDM_END.match(line):
            break
        if len(body) < _PDM_MAX:
            body.append(line)
        k += 1
    while body and not body[-1].strip():  # the blank line before pdm's summary
        body.pop()
        k -= 1
    name, version = inst.pdm_pkg or (None, None)
    step = _hook_step(inst.pdm_hook or "", name, "pdm")
    return Segment(step, start + 1, _unwrap(body), name, version, "pdm"), k


_PDM_MAX = 4096  # lines of a pdm frame kept (pdm shows the last 10 lines of the build by default)


_RICH_WIDTH = 80  # rich's width without a terminal


def _unwrap(lines: List[str]) -> List[str]:
    """pdm and pipenv print through rich, which wraps long lines at the
    terminal's width (80 columns in a log) and keeps the space it broke at: a
    line ending in a space, or exactly 80 columns wide, is joined with the
    next. The continuation becomes an empty line, so that every line keeps its
    number."""
    out = list(lines)
    i = 0
    while i < len(out) - 1:
        j = i
        while j < len(out) - 1 and (out[j].endswith(" ") or len(lines[j]) == _RICH_WIDTH) and out[j].strip() \
                and out[j + 1].strip():
            j += 1
        if j > i:
            out[i] = "".join(out[i:j + 1])
            for n in range(i + 1, j + 1):
                out[n] = ""
        i = j + 1
    return out


def _segments(src, found: List[Segment]) -> List[Segment]:
    i = 0
    running: Optional[_Running] = None
    inst = _Installer()
    region, region_token = 0, src.token(0)  # where the output not yet in a segment starts
    while True:
        src.mark(i)
        line = src.get(i)
        if line is None:
            break
        if i == region and region_token is None:
            region_token = src.token(i)
        inst.see(line)
        if "Failed to" in line and "build" in line and "`" in line:
            m = _UV_START.match(line)
            if m:
                seg, k = _uv_frame(src, i, m, inst)
                if seg is not None:
                    found.append(seg)
                    running = None
                    region, region_token = k, None
                i = k
                continue
        if "Backend subprocess exited" in line:
            m = _POETRY_START.match(line)
            if m:
                seg, k = _poetry_frame(src, i, m, inst)
                found.append(seg)
                running = None
                region, region_token, i = k + 1, None, k + 1
                continue
            m = _BUILD_END.match(line)
            if m and region_token is not None:
                name = inst.egg_name
                found.append(Segment(_hook_step(m.group("hook"), name, "build"), region + 1,
                                     src.take(region_token, region, i), name, None, "build"))
                running = None
                region, region_token, i = i + 1, None, i + 1
                continue
        if "Build backend raised error" in line and _PDM_START.search(line):
            seg, k = _pdm_frame(src, i, inst)
            found.append(seg)
            running = None
            region, region_token, i = k, None, k
            continue
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
                package = _package(step)
                if package is None and _BEFORE_BUILD.search(step):
                    package = inst.last_sdist
                found.append(Segment(step, j + 2, src.take(token, j + 1, k), package))
                running = None
                i = k + 1
                region, region_token = i, None
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
                region, region_token = i, None
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
    for seg in found:
        if seg.installer == "pip" and inst.name != "pip":
            seg.installer = inst.name
        if seg.version is None and seg.package:
            seg.version = inst.version_of(seg.package)
        if seg.installer == "pipenv" and len(seg.lines) <= _PDM_MAX:
            seg.lines = _unwrap(list(seg.lines))  # pipenv prints pip's output through rich
        seg.retry = inst.retry(seg.installer, seg.package, seg.version)
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
_CHUNK = 1 << 18
_UTF8_BOM = codecs.BOM_UTF8


# pipx prints only a filtered excerpt of pip's output and keeps the whole of it in a file it names
# (pipx/util.py: "Fatal error from pip prevented installation. Full pip output in file:" then the path, indented, on
# its own line; the name is cmd_<date>_<time>_pip_errors.log under pipx's logs directory). pipx 1.18's excerpt of a
# failed build ("Errors from pip install:" / "error: subprocess-exited-with-error") often holds no line of the build
# (symengine, tblite and python-ethtool under pipx, live batch 75): the file does.
_PIPX_POINTER = "full pip output in file:"
_PIPX_LOG = re.compile(r"^\s{0,16}(?P<path>\S[^\n]{0,4000}[/\\]cmd_\d{4}-\d\d-\d\d_\d\d\.\d\d\.\d\d(?:_\d{1,3})?"
                       r"_pip_errors\.log)\s*$")


_PIPX_INLINE = re.compile(r"full pip output in file:\s*(?P<rest>[^\n]*)$", re.IGNORECASE)


def pipx_pip_log(lines: Iterable[str], limit: int = 400) -> Optional[str]:
    """The path of pip's full output that pipx's summary names, or None (read in the first ``limit`` lines)."""
    pointed = False
    for n, line in enumerate(lines):
        if n >= limit:
            return None
        head = line.rstrip("\r\n")[:4096]
        if pointed:
            m = _PIPX_LOG.match(head)
            if m is not None:
                return m.group("path")
            pointed = not head.strip()
        inline = _PIPX_INLINE.search(head) if _PIPX_POINTER in head.lower() else None
        if inline is not None:
            m = _PIPX_LOG.match(inline.group("rest").strip())
            if m is not None:
                return m.group("path")
            pointed = True
    return None


def _pipx_log_here(path: str) -> bool:
    """Whether pipx's file of pip's output is on this machine and one to read: a regular file of this user's
    (what a log names is untrusted: nothing else is followed), readable, not empty."""
    import os
    import stat

    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return False
    if not stat.S_ISREG(st.st_mode) or st.st_size == 0:
        return False
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return False
    return os.access(path, os.R_OK)


def pipx_full_log(lines: Iterable[str]) -> Tuple[Optional[str], bool]:
    """The file of pip's whole output that pipx's summary names (or None), and whether it is here to be read."""
    path = pipx_pip_log(lines)
    return path, path is not None and _pipx_log_here(path)


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
        ``chunk_size`` bytes first, twice as much each time up to 256 KiB."""
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
                del parts, data, chunk  # (not alive while the next chunk is read and split)


def _then(first: Callable[[str], str], second: Callable[[str], str]) -> Callable[[str], str]:
    return lambda line: second(first(line))


class LineView:
    """``count`` lines of a LogFile from a checkpoint on, cleaned like the
    lines :func:`segments` keeps; read again from disk at each iteration."""

    def __init__(self, log: LogFile, checkpoint, count: int, strip=None):
        self.log = log
        self.checkpoint = checkpoint
        self.count = count if checkpoint is not None else 0
        self.strip = strip  # a frame's prefix to remove from each line (poetry's "| ")
        self._digest: Optional[bytes] = None

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[str]:
        if not self.count:
            return
        left = self.count
        strip = self.strip
        for line, _ in self.log.scan(self.checkpoint, 16384):
            yield strip(clean_line(line)) if strip is not None else clean_line(line)
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
                                            and other.count == self.count and other.strip is self.strip):
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
