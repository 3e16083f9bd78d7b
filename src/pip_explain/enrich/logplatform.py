"""Where a saved log was made, from its own evidence.

A log explained offline usually comes from another machine (a CI runner, a
colleague's Mac, a Docker build): its fixes must be for that machine, not for
the one running ``pip-explain explain``. :func:`infer` reads the log's lines
for what only one kind of machine prints — paths (``/Users/``,
``/opt/homebrew``, ``C:\\…``, ``/usr/lib64``), compiler triples
(``x86_64-linux-gnu-gcc``, ``x86_64-alpine-linux-musl``), gcc's and clang's
version banners, package managers at work, wheel tags and build directories,
conda paths, MSVC — and where the Python came from (pyenv, uv, Homebrew,
python.org, the Windows Store, conda, the distribution).

Every clue is kept (line number, the text, what it means). When clues
disagree, the most specific wins (a distribution's gcc banner over a generic
path) and the result says which clues were outvoted.

Pure functions over lines. Lines are read in blocks: a block is lowered and
joined once and searched for literal needles (``in``, no regex); only the
lines of a block that hold a needle are matched, each by linear regular
expressions on its first :data:`MAX_LINE` characters. :func:`infer_file`
does the same on a file's raw bytes, in 1 MiB chunks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from pip_explain._lazyre import LazyRegex as _Lazy
from pip_explain.enrich.platform import APK, APT, BREW, CONDA, DNF, PACMAN, YUM, ZYPPER, Platform, Python


MAX_LINE = 4096  # characters of a line that are looked at
_BLOCK = 512  # lines per block
_PER_KIND = 3  # clues kept per kind of clue (the first ones)

LINUX, DARWIN, WINDOWS = "linux", "darwin", "windows"

# name -> (system, label, manager, os-release like)
NAMES: Dict[str, Tuple[str, str, Optional[str], Tuple[str, ...]]] = {
    "debian": (LINUX, "Debian", APT, ()),
    "ubuntu": (LINUX, "Ubuntu", APT, ("debian",)),
    "fedora": (LINUX, "Fedora", DNF, ()),
    "rhel": (LINUX, "RHEL", DNF, ("fedora",)),
    "alpine": (LINUX, "Alpine Linux", APK, ()),
    "arch": (LINUX, "Arch Linux", PACMAN, ()),
    "opensuse": (LINUX, "openSUSE", ZYPPER, ("suse",)),
    "termux": (LINUX, "Termux (Android)", None, ()),
    "linux": (LINUX, "Linux", None, ()),
    "macos": (DARWIN, "macOS", BREW, ()),
    "windows": (WINDOWS, "Windows", None, ()),
}
ALIASES = {"mac": "macos", "darwin": "macos", "osx": "macos", "win": "windows", "win32": "windows",
           "centos": "rhel", "rocky": "rhel", "almalinux": "rhel", "alma": "rhel", "redhat": "rhel",
           "amzn": "rhel", "amazonlinux": "rhel", "suse": "opensuse", "sles": "opensuse",
           "archlinux": "arch", "manjaro": "arch", "mint": "ubuntu", "linuxmint": "ubuntu",
           "raspbian": "debian", "pop": "ubuntu"}
# Families: a clue that only tells the family ("debian-family") names its first member
_FAMILY = {"debian-family": ("debian", "Debian or a derivative (Ubuntu, …)"),
           "redhat-family": ("fedora", "Fedora, RHEL or a relative"),
           "lib64": ("fedora", "a Linux with /usr/lib64 (Fedora, RHEL, openSUSE)")}


@dataclass(frozen=True)
class Clue:
    line: int  # 1-based line number in the log
    text: str  # the part of the line that shows it
    means: str  # "macos", "debian-family", "ubuntu", "conda", "python", ...
    weight: int  # 1 generic ... 5 a distribution's own banner
    version: str = ""  # what the clue tells of the version (of the OS, or of Python)
    kind: str = ""  # which signal found it

    def as_json(self) -> Dict:
        return {"line": self.line, "text": self.text, "means": self.means}


@dataclass(frozen=True)
class LogPlatform:
    """Where a log was made. ``name`` is one of :data:`NAMES` or None
    (the log does not show it); ``source`` is "log", "given",
    "this-machine" or "unknown"."""

    name: Optional[str]
    version: str = ""
    source: str = "unknown"
    evidence: Tuple[Clue, ...] = ()
    notes: Tuple[str, ...] = ()
    conda: bool = False
    python_version: Optional[Tuple[int, int]] = None
    python_origin: str = ""  # pyenv, uv, homebrew, python.org, windows-store, conda, distro, other
    python_prefix: str = ""  # where that Python lives, as the log shows it
    python_include: str = ""
    root: bool = False  # the log was made by root (a container)
    label_override: str = ""

    @property
    def known(self) -> bool:
        return self.name is not None

    @property
    def label(self) -> str:
        if self.label_override:
            return self.label_override
        if self.name is None:
            return ""
        base = NAMES[self.name][1]
        if self.name == "rhel" and any(c.kind == "amazon-linux" for c in self.evidence):
            return "Amazon Linux " + ("2" if self.version == "7" else "2023") + (" (conda)" if self.conda else "")
        if self.name == "debian" and any(c.means == "debian-family" for c in self.evidence) \
                and not any(c.means == "debian" for c in self.evidence):
            base = "Debian or Ubuntu"
        if self.name == "fedora" and not any(c.means == "fedora" for c in self.evidence) \
                and self.source == "log":
            base = "Fedora or RHEL"
        text = base + (" " + self.version if self.version else "")
        return text + (" (conda)" if self.conda else "")

    def as_json(self) -> Dict:
        out: Dict[str, object] = {"name": self.name, "version": self.version or None, "source": self.source,
               "evidence": [c.as_json() for c in self.evidence]}
        if self.label:
            out["label"] = self.label
        if self.conda:
            out["conda"] = True
        if self.python_version:
            out["python"] = {"version": "%d.%d" % self.python_version, "origin": self.python_origin or None}
        if self.notes:
            out["notes"] = list(self.notes)
        return out

    def platform(self) -> Optional[Platform]:
        """The :class:`Platform` the fixes are built for (None: not known)."""
        if self.name is None:
            return None
        system, _, manager, like = NAMES[self.name]
        distro = self.name if system == LINUX and self.name != "linux" else ""
        if self.name == "rhel" and _major(self.version) and _major(self.version) < 8:
            manager = YUM
        python = self.python()
        if self.conda:
            if system != LINUX or manager is None:
                manager = CONDA
        extra = {"conda": "1"} if self.conda else {}
        extra["source"] = self.source
        sudo = system == LINUX and not self.root and manager not in (None, APK)
        return Platform(system, distro=distro, like=like, version=self.version, name=self.label,
                        manager=manager, sudo=sudo, python=python, extra=extra)

    def python(self) -> Optional[Python]:
        if self.python_version is None and not self.conda:
            return None
        version = self.python_version or (3, 0)
        origin = "conda" if self.conda and self.python_origin in ("", "other", "conda") else self.python_origin
        if not origin:
            # Python.h is missing from distributions' Pythons: pyenv, uv, conda and
            # the installers of python.org ship their headers
            origin = "distro" if NAMES.get(self.name or "", (None,))[0] == LINUX else "other"
        prefix = self.python_prefix or ("/usr" if origin == "distro" else "")
        include = self.python_include or (prefix.rstrip("/") + "/include/python%d.%d" % version if prefix else "")
        return Python(version=version, implementation="cpython", executable="", base_prefix=prefix,
                      include=include, from_distro=origin == "distro", origin=origin)


def _major(version: str) -> int:
    head = version.split(".")[0]
    return int(head) if head.isdigit() else 0


# -- the signals ---------------------------------------------------------------

# gcc's version banner: "gcc (Debian 12.2.0-14) 12.2.0", "gcc version 11.4.0 (Ubuntu
# 11.4.0-1ubuntu1~22.04)", "gcc (GCC) 11.4.1 20231218 (Red Hat 11.4.1-3)", "gcc (Alpine
# 13.2.1_git20231014) 13.2.1 20231014", "gcc (SUSE Linux) 7.5.0"
_GCC_VENDOR = _Lazy(r"\((Debian|Ubuntu|Raspbian|Red Hat|Alpine|SUSE Linux|Homebrew GCC|conda-forge gcc|"
                         r"MinGW-W64|Rev\d+, Built by MSYS2 project|GCC)\b ?([^()]{0,60})\)")
_GCC_LINE = _Lazy(r"\b(?:gcc|g\+\+|cc|c\+\+|GCC|gfortran)\b")
_GCC_VERSION = _Lazy(r"(?:\)|version) (\d{1,2})\.\d{1,2}\.\d{1,2}\b")
_CLANG = _Lazy(r"\b(Apple|Ubuntu|Debian|Homebrew|Alpine|Fedora) clang version (\d{1,3})")
_UBUNTU_VER = _Lazy(r"ubuntu\d*~(\d\d\.\d\d)")
_TRIPLE = _Lazy(
    r"(?<![\w-])(?:x86_64|aarch64|arm64|arm64e|i[3-6]86|arm|armv7l|powerpc64le|ppc64le|s390x|riscv64|mips64el)-"
    r"(?P<t>linux-gnu(?:eabihf|eabi)?-(?:gcc|g\+\+|cc|c\+\+|ld|gfortran|cpp)\b|linux-gnu(?:eabihf)?/"
    r"|redhat-linux\b|suse-linux\b|alpine-linux-musl|pc-linux-gnu\b|(?:unknown-)?linux-musl|"
    r"(?:apple|unknown)-darwin|w64-mingw32|pc-windows-msvc|linux-android|conda(?:_cos\d)?-linux-gnu|"
    r"unknown-linux-gnu)")
_EL = _Lazy(r"\.(el|fc)(\d{1,2})(?:_\d{1,2})?\b")
_APK_REPO = _Lazy(r"alpinelinux\.org/alpine/v(\d\.\d{1,2})/")
_DOCKER_FROM = _Lazy(r"(?:^|[\s:>])FROM\s+(?:--platform=\S+\s+)?(?:docker\.io/)?(?:library/)?"
                          r"(python|ubuntu|debian|alpine|fedora|centos|rockylinux|almalinux|amazonlinux|archlinux|"
                          r"opensuse/leap|opensuse/tumbleweed|continuumio/miniconda3|condaforge/miniforge3)"
                          r"(?::([\w.-]{1,40}))?(?:\s|@|$)")
_WIN_DRIVE = _Lazy(r"(?<![\w/])[A-Za-z]:\\")
_BUILD_DIR = _Lazy(r"\b(?:lib|temp|bdist)\.(macosx|linux|win)(?:-(\d{1,2}(?:\.\d{1,2})?))?[-.\w]")
_PLATFORM_PLATFORM = _Lazy(r"\bplatform: (Linux|Windows|macOS|Darwin)-([\w.+-]{0,80})")
_MSVC_DIAG = _Lazy(r"(?:\b(?:fatal )?error|warning) (?:C|LNK)\d{4}\b")
_MSVC_FILE = _Lazy(r"\.(?:c|cc|cpp|cxx|h|hpp)\(\d+\)")  # MSVC's "dir\\file.c(215)"
_DASH = _Lazy(r"^\s*(?:/bin/)?sh: \d+: [\w.+-]{1,60}: not found")
_RPM_FLAGS = _Lazy(r"--param=ssp-buffer-size=4|redhat-hardened-cc1|/usr/lib/rpm/redhat/")
_SUSE_FLAGS = _Lazy(r"-fmessage-length=0\b.{0,200}-funwind-tables")
_DEB_FLAGS = _Lazy(r"-f(?:file|debug)-prefix-map=/build/python\d")
_MAC_LD = _Lazy(r"Undefined symbols for architecture|ld: library not found for -l|\s-isysroot\s|\s-arch (?:arm64|x86_64)\b|"
                     r"command '(?:/usr/bin/)?clang(?:\+\+)?' failed")
_ERRNO = _Lazy(r"\[Errno (11001|11002|10054|10060|10061|-2|-3|-5|8)\] |\bat 0x[0-9A-F]{16}>")
_GNU = _Lazy(r"/usr/bin/ld: |collect2: error: ld returned|\bgcc: error|‘[^’\s]{1,80}’|/tmp/pip-(?:build|install|req-build|wheel)-")
_MAC_TAG = _Lazy(r"macosx_(\d{1,2})_\d{1,2}_(?:x86_64|arm64|universal2|intel)")
_MAC_SDK = _Lazy(r"MacOSX(\d{1,2}(?:\.\d{1,2})?)?\.sdk")
# Python: include dirs, interpreters, build dirs, tags (most telling first)
# Each is tried only where its literal part is (found with str.find), and reads
# the path it belongs to backwards from there: no pattern scans a line from every position.
_PY_PYENV = ("pyenv/versions/", _Lazy(r"(\d)\.(\d{1,2})[\w.+-]{0,20}"))
_PY_UV = ("/uv/python/", _Lazy(r"c?python-(\d)\.(\d{1,2})[\w.+-]{0,60}"))
_PY_BREW = ("/python@", _Lazy(r"(\d)\.(\d{1,2})"))
_PY_FRAMEWORK = ("/library/frameworks/python.framework/versions/", _Lazy(r"(\d)\.(\d{1,2})"))
_PY_XCODE = ("/python3.framework/versions/", _Lazy(r"(\d)\.(\d{1,2})"))
_PY_STORE = ("pythonsoftwarefoundation.python.", _Lazy(r"(\d)\.(\d{1,2})"))
_PY_WIN = ("\\python3", _Lazy(r"(\d{1,2})(?:-32|-arm64)?(?=\\)"))
_PY_INCLUDE = ("/include/python", _Lazy(r"(\d)\.(\d{1,2})\b"))
_PATH_STOP = frozenset(" \t'\"=(,;[<>")


def _path_before(line: str, i: int, limit: int = 300) -> str:
    """The part of the path that ends at ``i`` (back to a space, a quote, ``=``; ``-I`` removed)."""
    a = i
    stop = max(0, i - limit)
    while a > stop and line[a - 1] not in _PATH_STOP:
        a -= 1
    token = line[a:i]
    return token[2:] if token.startswith(("-I", "-L")) else token


def _find_python(line: str, low: str, needle: str, rx):
    """(start, end, prefix, major, minor) of the first place that shows a Python's home."""
    i = low.find(needle)
    tries = 0
    while i >= 0 and tries < 4:
        tries += 1
        m = rx.match(line, i + len(needle))
        if m is not None:
            start = i - len(_path_before(line, i))
            if needle == "\\python3":
                major, minor = "3", m.group(1)
                return start, m.end(), line[start:m.end()], major, minor
            if needle == "/include/python":
                return start, m.end(), line[start:i] or "/", m.group(1), m.group(2)
            return start, m.end(), line[start:m.end()], m.group(1), m.group(2)
        i = low.find(needle, i + 1)
    return None


_PY_CONDA = _Lazy(r"((?:/|\\)(?:opt/conda|[\w.-]{0,40}conda\d?|miniforge\d?|mambaforge|micromamba)"
                       r"(?:[/\\]envs[/\\][\w.-]{1,60})?)", re.IGNORECASE)
_PY_VERSION = _Lazy(r"(?:cpython-|cp|python)(3)(1[0-9]|[6-9])\b|python(3)\.(1[0-9]|[6-9])\b", re.IGNORECASE)


_PER_NEEDLE = 64  # lines read per needle: its first ones tell all it can (the scan stays linear and cheap)


class _Scan:
    """The clues found so far (kept to :data:`_PER_KIND` per kind), and the
    needles still looked for (each is read on its first :data:`_PER_NEEDLE`
    lines only)."""

    def __init__(self):
        self.clues: List[Clue] = []
        self.count: Dict[str, int] = {}
        self.signals = list(_SIGNALS)
        self.hits: Dict[str, int] = {}

    def add(self, line: int, text: str, means: str, weight: int, version: str = "", kind: str = "") -> None:
        kind = kind or means
        n = self.count.get(kind, 0)
        self.count[kind] = n + 1
        if n < _PER_KIND:
            self.clues.append(Clue(line, _excerpt(text), means, weight, version, kind))


def _excerpt(text: str, limit: int = 160) -> str:
    """A clue's text as shown: plain (no escapes, controls or markup), redacted, short."""
    from pip_explain.sanitize import plain

    text = plain(text).strip()
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _around(line: str, start: int, end: int, width: int = 100) -> str:
    a = max(0, start - width // 3)
    b = min(len(line), max(end, a + width))
    return ("…" if a else "") + line[a:b].strip() + ("…" if b < len(line) else "")


def _gcc(scan: _Scan, n: int, line: str, low: str) -> None:
    if not _GCC_LINE.search(line):
        return
    for m in _GCC_VENDOR.finditer(line):
        vendor, rest = m.group(1), m.group(2)
        if vendor == "GCC":
            # "gcc (GCC) 11.4.1 20231218 (Red Hat 11.4.1-3)": the vendor follows; "cc (GCC)
            # 13.2.1 20230801" alone is Arch's (an upstream gcc, no distribution patch)
            if "(Red Hat" in line or "(SUSE" in line or "(Alpine" in line:
                continue
            v = _GCC_VERSION.search(line, m.end() - 1)
            if v and re.search(r"\)\s\d{1,2}\.\d{1,2}\.\d{1,2} 20\d{6}\s*$", line[m.start():m.start() + 60]):
                scan.add(n, _around(line, m.start(), m.end() + 20), "arch", 3, kind="gcc-banner-arch")
            continue
        gv = _GCC_VERSION.search(line)
        major = int(gv.group(1)) if gv else 0
        if vendor == "Ubuntu":
            u = _UBUNTU_VER.search(rest)
            scan.add(n, _around(line, m.start(), m.end()), "ubuntu", 5, u.group(1) if u else "", "gcc-banner")
        elif vendor in ("Debian", "Raspbian"):
            deb = {6: "9", 8: "10", 10: "11", 12: "12", 14: "13"}.get(major, "")
            scan.add(n, _around(line, m.start(), m.end()), "debian", 5, deb, "gcc-banner")
        elif vendor == "Red Hat":
            el = _EL.search(line)
            if el:
                name = "rhel" if el.group(1) == "el" else "fedora"
                scan.add(n, _around(line, m.start(), m.end()), name, 5, el.group(2), "gcc-banner")
            elif major in (4, 8, 11):
                scan.add(n, _around(line, m.start(), m.end()), "rhel", 5, {4: "7", 8: "8", 11: "9"}[major],
                         "gcc-banner")
            else:
                scan.add(n, _around(line, m.start(), m.end()), "redhat-family", 5, kind="gcc-banner")
        elif vendor == "Alpine":
            scan.add(n, _around(line, m.start(), m.end()), "alpine", 5, kind="gcc-banner")
        elif vendor == "SUSE Linux":
            scan.add(n, _around(line, m.start(), m.end()), "opensuse", 5, kind="gcc-banner")
        elif vendor == "Homebrew GCC":
            scan.add(n, _around(line, m.start(), m.end()), "macos", 3, kind="gcc-banner")
        elif vendor == "conda-forge gcc":
            scan.add(n, _around(line, m.start(), m.end()), "conda", 4, kind="gcc-banner")
        else:  # MinGW / MSYS2
            scan.add(n, _around(line, m.start(), m.end()), "windows", 4, kind="gcc-banner")


def _clang(scan: _Scan, n: int, line: str, low: str) -> None:
    m = _CLANG.search(line)
    if m:
        vendor = m.group(1)
        means = {"Apple": "macos", "Homebrew": "macos", "Ubuntu": "ubuntu", "Debian": "debian",
                 "Alpine": "alpine", "Fedora": "fedora"}[vendor]
        scan.add(n, _around(line, m.start(), m.end()), means, 5, kind="clang-banner")


_TRIPLES = (
    ("linux-gnu-", "debian-family", 4), ("linux-gnu/", "debian-family", 4), ("linux-gnueabihf", "debian-family", 4),
    ("redhat-linux", "redhat-family", 4), ("suse-linux", "opensuse", 4), ("alpine-linux-musl", "alpine", 4),
    ("pc-linux-gnu", "arch", 3), ("linux-musl", "alpine", 2), ("darwin", "macos", 4), ("w64-mingw32", "windows", 4),
    ("pc-windows-msvc", "windows", 4), ("linux-android", "termux", 4), ("conda", "conda", 4),
    ("unknown-linux-gnu", "linux", 2),
)


def _triple(scan: _Scan, n: int, line: str, low: str) -> None:
    for m in _TRIPLE.finditer(line):
        t = m.group("t")
        if "pc-linux-gnu" in t:
            # Arch's gcc (its target, its lib dir, its driver names); autoconf's config.guess
            # says x86_64-pc-linux-gnu on every Linux ("checking build system type...")
            after = line[m.end():m.end() + 1]
            if not (after in ("/", "-") or "target:" in low or "/gcc/" in low[:m.start()]) or "system type" in low:
                scan.add(n, _around(line, m.start(), m.end()), "linux", 2, kind="triple")
                continue
        for needle, means, weight in _TRIPLES:
            if needle in t:
                if means == "conda":
                    scan.add(n, _around(line, m.start(), m.end()), "conda", weight, kind="triple-conda")
                    scan.add(n, _around(line, m.start(), m.end()), "linux", 2, kind="triple")
                else:
                    scan.add(n, _around(line, m.start(), m.end()), means, weight, kind="triple")
                break


_AMZN = _Lazy(r"\.amzn(2023|2)\b|\bamzn(2023|2)\b")


def _rhel_release(scan: _Scan, n: int, line: str, low: str) -> None:
    a = _AMZN.search(low) if "amzn" in low else None
    if a:
        # Amazon Linux 2 installs with yum (as RHEL 7 does), 2023 with dnf
        version = "7" if (a.group(1) or a.group(2)) == "2" else "9"
        scan.add(n, _around(line, a.start(), a.end()), "rhel", 4, version, "amazon-linux")
        return
    m = _EL.search(line)
    if m and ("rpm" in low or "x86_64" in low or "aarch64" in low or "noarch" in low or "installed" in low):
        name = "rhel" if m.group(1) == "el" else "fedora"
        scan.add(n, _around(line, m.start(), m.end()), name, 4, m.group(2), "package-release")


def _docker(scan: _Scan, n: int, line: str, low: str) -> None:
    m = _DOCKER_FROM.search(line)
    if not m:
        return
    image, tag = m.group(1).lower(), (m.group(2) or "").lower()
    text = _around(line, m.start(), m.end())
    if image == "python":
        if "alpine" in tag:
            scan.add(n, text, "alpine", 5, kind="docker-image")
        else:  # the official python images are Debian (slim, bookworm, bullseye, ...)
            deb = next((v for k, v in (("trixie", "13"), ("bookworm", "12"), ("bullseye", "11"), ("buster", "10"))
                        if k in tag), "")
            scan.add(n, text, "debian", 5, deb, "docker-image")
        pv = re.match(r"(\d)\.(\d{1,2})", tag)
        if pv:
            scan.add(n, text, "python", 2, "%s.%s" % pv.groups(), "python-docker")
        return
    if "conda" in image or "miniforge" in image:
        scan.add(n, text, "conda", 4, kind="docker-image-conda")
        scan.add(n, text, "debian", 4, kind="docker-image")
        return
    name = {"rockylinux": "rhel", "almalinux": "rhel", "centos": "rhel", "amazonlinux": "rhel",
            "archlinux": "arch"}.get(image, image.split("/")[0])
    version = tag if re.match(r"^\d[\d.]*$", tag) else ""
    if image == "amazonlinux":
        version = ""
    scan.add(n, text, name, 5, version, "docker-image")


# A package manager *run* in the log (a Dockerfile's RUN, a CI step's "+ cmd" or "$ cmd"), not
# one a build script only recommends ("Try: sudo apt-get install libxml2-dev" prints on any system)
_RUN = _Lazy(r"^\W{0,3}(?:#\d{1,4} [^\n]{0,80}?)?(?:RUN|\+|\$|#)\s+(?:sudo\s+)?(?:apt-get|apt|dnf|yum|microdnf|apk|pacman)\s")


def _ran(line: str) -> bool:
    return _RUN.search(line[:300]) is not None


def _apt(scan: _Scan, n: int, line: str, low: str) -> None:
    # apt's and dpkg's own output, or apt run
    if "reading package lists" in low or "selecting previously unselected package" in low \
            or low.lstrip().startswith(("dpkg: ", "dpkg-")) or ("apt-get install" in low and _ran(line)):
        scan.add(n, line, "debian-family", 4, kind="apt")


def _apk(scan: _Scan, n: int, line: str, low: str) -> None:
    m = _APK_REPO.search(line)
    if m or ("apk add" in low and _ran(line)):
        scan.add(n, line, "alpine", 4, m.group(1) if m else "", "apk")


def _dnf(scan: _Scan, n: int, line: str, low: str) -> None:
    if "last metadata expiration" in low or _ran(line):
        scan.add(n, line, "redhat-family", 4, kind="dnf")


def _pacman(scan: _Scan, n: int, line: str, low: str) -> None:
    if ":: synchronizing package databases" in low or _ran(line):
        scan.add(n, line, "arch", 4, kind="pacman")


def _mac_path(scan: _Scan, n: int, line: str, low: str) -> None:
    for needle, weight in (("/opt/homebrew/", 4), ("/usr/local/cellar/", 4), ("/library/developer/commandlinetools", 4),
                           ("/applications/xcode", 4), ("xcrun: error", 4), ("/users/", 3), ("/usr/local/opt/", 3),
                           ("/library/frameworks/python.framework", 4), ("/private/var/folders/", 4)):
        i = low.find(needle)
        if i >= 0 and needle == "/users/":
            before = low[max(0, i - 6):i]
            if re.search(r"/mnt/[a-z]$", before):  # WSL: Windows' C:\Users seen from Linux
                scan.add(n, _around(line, i - 6, i + len(needle)), "linux", 2, kind="wsl-path")
                return
            if re.search(r"(?:^|[^\w])[a-z]:$|(?:^|[\s'\"=])/[a-z]$", before):  # C:/Users (Python, MSYS), /c/Users (Git Bash)
                scan.add(n, _around(line, i - 2, i + len(needle)), "windows", 3, kind="win-path")
                return
            if _WIN_DRIVE.search(line[max(0, i - 3):i + 1]):
                continue
        if i >= 0:
            scan.add(n, _around(line, i, i + len(needle)), "macos", weight, kind="mac-path")
            return
    m = _MAC_SDK.search(line)
    if m:
        scan.add(n, _around(line, m.start(), m.end()), "macos", 4, kind="mac-sdk")


def _build_dir(scan: _Scan, n: int, line: str, low: str) -> None:
    # setuptools' build directories: build/temp.macosx-10.13-x86_64-3.7, build/lib.linux-x86_64-cpython-311,
    # build/bdist.linux-armv7l, build\temp.win-amd64-cpython-311
    m = _BUILD_DIR.search(line)
    if m:
        means = {"macosx": "macos", "linux": "linux", "win": "windows"}[m.group(1)]
        # (a macOS build dir names the deployment target, not the system's version)
        scan.add(n, _around(line, m.start(), m.end()), means, 3, kind="build-dir")


def _platform_platform(scan: _Scan, n: int, line: str, low: str) -> None:
    # platform.platform() as build backends' debug output prints it:
    # "platform: Linux-5.10.103-v7+-armv7l-with-debian-10.13", "platform: Windows-10-10.0.22000-SP0"
    m = _PLATFORM_PLATFORM.search(line)
    if not m:
        return
    system, rest = m.group(1), m.group(2).lower()
    text = _around(line, m.start(), m.end())
    if system == "Windows":
        scan.add(n, text, "windows", 5, kind="platform-string")
    elif system in ("macOS", "Darwin"):
        v = re.match(r"(\d{1,2}(?:\.\d{1,2})?)", rest) if system == "macOS" else None
        scan.add(n, text, "macos", 5, v.group(1) if v else "", "platform-string")
    else:
        d = re.search(r"-with-(debian|ubuntu|fedora|centos|redhat|rhel|alpine|arch|opensuse|glibc|libc)[-_]?([\d.]*)", rest)
        if d and d.group(1) not in ("glibc", "libc"):
            name = ALIASES.get(d.group(1), d.group(1))
            scan.add(n, text, name, 5, d.group(2).split(".")[0] if name == "debian" else d.group(2), "platform-string")
        else:
            scan.add(n, text, "linux", 4, kind="platform-string")


def _msvc(scan: _Scan, n: int, line: str, low: str) -> None:
    m = _MSVC_DIAG.search(line)
    if m is None:
        m = _MSVC_FILE.search(line)
        if m is not None and "\\" not in _path_before(line, m.start()):
            m = None
    if m:
        scan.add(n, _around(line, m.start(), m.end()), "windows", 4, kind="msvc-diagnostic")


def _shell(scan: _Scan, n: int, line: str, low: str) -> None:
    # dash, Debian's and Ubuntu's /bin/sh: "/bin/sh: 1: pkg-config: not found"
    m = _DASH.search(line)
    if m:
        scan.add(n, _around(line, m.start(), m.end()), "debian-family", 3, kind="dash")


def _cflags(scan: _Scan, n: int, line: str, low: str) -> None:
    # the distribution's own compiler flags, which its Python passes on to every extension
    for rx, means in ((_RPM_FLAGS, "redhat-family"), (_SUSE_FLAGS, "opensuse"), (_DEB_FLAGS, "debian-family")):
        m = rx.search(line)
        if m:
            scan.add(n, _around(line, m.start(), m.end()), means, 3, kind="cflags")
            return


def _mac_tools(scan: _Scan, n: int, line: str, low: str) -> None:
    # Apple's linker and the clang that setuptools runs on macOS (sysconfig's CC there)
    m = _MAC_LD.search(line)
    if m:
        scan.add(n, _around(line, m.start(), m.end()), "macos", 2, kind="mac-tools")


def _errno(scan: _Scan, n: int, line: str, low: str) -> None:
    # how the C library words a failed name lookup or connection: WinSock's 11001
    # (getaddrinfo failed), 10054, 10060, 10061; glibc's -2/-3/-5 (Name or service not
    # known, Temporary failure in name resolution); macOS's 8 (nodename nor servname
    # provided); and Windows' zero-padded upper-case object addresses in reprs
    m = _ERRNO.search(line)
    if not m:
        return
    code = m.group(1)
    text = _around(line, m.start(), m.end())
    if code is None or code.startswith("1"):
        scan.add(n, text, "windows", 3, kind="errno")
    elif code.startswith("-"):
        if "name" in low or "resolution" in low or "address" in low:
            scan.add(n, text, "linux", 2, kind="errno")
    elif "nodename nor servname" in low:
        scan.add(n, text, "macos", 3, kind="errno")


def _heroku(scan: _Scan, n: int, line: str, low: str) -> None:
    # Heroku's Python buildpack: its stacks are Ubuntu
    scan.add(n, line, "ubuntu", 3, kind="heroku")


def _gnu(scan: _Scan, n: int, line: str, low: str) -> None:
    # GNU ld, gcc's curly quotes, pip's temporary directories under /tmp: Linux, no distribution
    m = _GNU.search(line)
    if m:
        scan.add(n, _around(line, m.start(), m.end()), "linux", 1, kind="gnu")


def _mac_build(scan: _Scan, n: int, line: str, low: str) -> None:
    if "skipping" in low or "compatible" in low or "not a supported wheel" in low:
        return  # pip -v lists the wheels it could not use
    m = _MAC_TAG.search(line)
    if m:
        scan.add(n, _around(line, m.start(), m.end()), "macos", 2, kind="wheel-tag")


def _win(scan: _Scan, n: int, line: str, low: str) -> None:
    for needle, weight in (("\\appdata\\", 4), ("microsoft visual studio", 4), ("\\msvc\\", 4), ("cl.exe", 4),
                           ("link.exe", 4), ("vcvarsall", 4), ("microsoft visual c++", 4), ("windows kits", 4),
                           ("program files", 3), ("lib.win-", 4), ("lib.win32", 4), ("ps c:\\", 4),
                           ("\\site-packages\\", 3), ("win_amd64", 2), ("win_arm64", 2), ("-win32.whl", 2)):
        i = low.find(needle)
        if i >= 0 and needle.startswith(("win_", "-win32")) and ("skipping" in low or "compatible" in low):
            continue  # pip -v lists the wheels it could not use
        if i >= 0:
            scan.add(n, _around(line, i, i + len(needle)), "windows", weight, kind="win-" + needle.strip("\\"))
            return
    m = _WIN_DRIVE.search(line)
    if m:
        scan.add(n, _around(line, m.start(), m.end() + 30), "windows", 3, kind="win-drive")
        return
    i = low.find(".exe")
    if i > 0 and (i + 4 == len(low) or not low[i + 4].isalnum()):
        scan.add(n, _around(line, i - 20, i + 4), "windows", 2, kind="win-exe")


def _linux_path(scan: _Scan, n: int, line: str, low: str) -> None:
    tags_ok = not ("skipping" in low or "compatible" in low or "not a supported wheel" in low)
    for needle, means, weight in (("/data/data/com.termux", "termux", 5), ("/dist-packages", "debian-family", 3),
                                  ("/home/runner/work/", "ubuntu", 3), ("/opt/hostedtoolcache/", "ubuntu", 3),
                                  ("/home/docs/checkouts/readthedocs.org", "ubuntu", 3), ("/app/.heroku/", "ubuntu", 3),
                                  ("/usr/lib64/", "lib64", 2), ("musllinux", "alpine", 2), ("lib.linux-", "linux", 3),
                                  ("manylinux", "linux", 2), ("/home/", "linux", 1), ("/root/", "linux", 1)):
        i = low.find(needle)
        if i >= 0 and needle in ("musllinux", "manylinux") and not tags_ok:
            continue
        if i >= 0 and needle == "musllinux" and "manylinux" in low:
            means, weight = "linux", 2  # a wheel for both libcs
        if i >= 0 and needle == "/usr/lib64/" and (low[:i].strip() in ("-", "*", "•") or "search" in low):
            continue  # a setup script's list of the places it searched (pyslurm's "- /usr/lib64/slurm"), not this system's
        if i >= 0:
            scan.add(n, _around(line, i, i + len(needle)), means, weight, kind="path-" + means)
            if needle == "/root/" or "running pip as the 'root' user" in low:
                scan.add(n, _around(line, i, i + len(needle)), "root", 0, kind="root")
            return


_RUNNER_IMAGE = _Lazy(r"\b(?:ImageOS: ?|Image: )(ubuntu|macos|win|windows)[-_]?(\d{1,2}(?:\.\d{1,2})?)", re.IGNORECASE)
_UV_PYTHON = _Lazy(r"Using (?:CPython|Python) (\d)\.(\d{1,2})(?:\.\d{1,3})?\S* interpreter at: (/usr/bin/python3|\S{1,300})")


def _runner_image(scan: _Scan, n: int, line: str, low: str) -> None:
    # GitHub Actions' "Runner Image" section: "Image: ubuntu-22.04", "ImageOS: macos14", "ImageOS: win22"
    m = _RUNNER_IMAGE.search(line)
    if not m:
        return
    system, version = m.group(1).lower(), m.group(2)
    name = {"ubuntu": "ubuntu", "macos": "macos"}.get(system, "windows")
    if name == "ubuntu" and "." not in version and len(version) == 2:
        version += ".04"
    scan.add(n, _around(line, m.start(), m.end()), name, 5, version if name == "ubuntu" else "", "runner-image")


def _uv_python(scan: _Scan, n: int, line: str, low: str) -> None:
    # uv: "Using CPython 3.11.2 interpreter at: /usr/bin/python3"
    m = _UV_PYTHON.search(line)
    if m:
        origin = "distro" if m.group(3) == "/usr/bin/python3" else "other"
        scan.add(n, _around(line, m.start(), m.end()), "python", 4 if origin == "distro" else 2,
                 "%s.%s" % (m.group(1), m.group(2)), "python-%s:%s" % (origin, "/usr" if origin == "distro" else ""))


# Words only one system prints (its linker, loader, shell or kernel): (needle, means, weight)
_WORDS = (
    (".dylib", "macos", 2), ("-undefined dynamic_lookup", "macos", 3), ("macosx_deployment_target", "macos", 3),
    ("darwin kernel version", "macos", 4),
    ("[winerror ", "windows", 4), ("is not recognized as an internal or external command", "windows", 4),
    ("msbuild", "windows", 4), ("the system cannot find the file specified", "windows", 4),
    ("the system cannot find the path specified", "windows", 4), (".pyd", "windows", 2),
    ("glibc_2.", "linux", 2), ("libc.so.6", "linux", 2), ("ld-musl", "alpine", 4), ("error relocating ", "alpine", 3),
)


def _word(scan: _Scan, n: int, line: str, low: str) -> None:
    for needle, means, weight in _WORDS:
        i = low.find(needle)
        if i >= 0:
            if needle == ".pyd" and low[i + 4:i + 5].isalnum():
                continue
            scan.add(n, _around(line, i, i + len(needle)), means, weight, kind="word-" + needle.strip(" .[-"))
            return


def _root(scan: _Scan, n: int, line: str, low: str) -> None:
    scan.add(n, line, "root", 0, kind="root")


def _python(scan: _Scan, n: int, line: str, low: str) -> None:
    for (needle, rx), origin, weight in ((_PY_PYENV, "pyenv", 5), (_PY_UV, "uv", 5), (_PY_BREW, "homebrew", 5),
                                         (_PY_FRAMEWORK, "python.org", 5), (_PY_XCODE, "xcode", 5),
                                         (_PY_STORE, "windows-store", 5), (_PY_WIN, "python.org", 4),
                                         (_PY_INCLUDE, "", 4)):
        if needle not in low:
            continue
        found = _find_python(line, low, needle, rx)
        if found is None:
            continue
        start, end, prefix, major, minor = found
        version = "%s.%s" % (major, minor)
        if origin == "homebrew" and not low[max(0, start):start + 60].startswith(("/opt/homebrew", "/usr/local",
                                                                                   "/home/linuxbrew")):
            continue
        if origin == "python.org" and needle == "\\python3" and ":\\" not in prefix:
            continue
        if origin == "" and prefix is not None:
            p = prefix.lower()
            if prefix in ("/usr",):
                origin = "distro"
                # /usr/include/python3.X: a distribution's Python (macOS has none there)
                scan.add(n, _around(line, start, end), "linux", 2, kind="usr-include")
            elif "conda" in p or "miniforge" in p or "mambaforge" in p:
                origin = "conda"
            elif "/.pyenv/" in p or "/pyenv/" in p:
                origin = "pyenv"
            elif "/uv/python/" in p:
                origin = "uv"
            elif "/cellar/" in p or "/homebrew/" in p:
                origin = "homebrew"
            elif "/tmp/" in p or "pip-build-env" in p or "build-env" in p or "/.venv" in p or "/venv" in p \
                    or "/envs/" in p and "conda" not in p or "/.tox/" in p:
                weight = 2  # a virtual environment's own include dir: no origin
                origin = "venv"
            else:
                origin = "other"
        scan.add(n, _around(line, start, end), "python", weight, version,
                 "python-" + (origin or "other") + ":" + (prefix or ""))
        return
    m = _PY_VERSION.search(line)
    if m:
        major, minor = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        scan.add(n, _around(line, m.start(), m.end()), "python", 1, "%s.%s" % (major, minor), "python-tag")


def _conda(scan: _Scan, n: int, line: str, low: str) -> None:
    m = _PY_CONDA.search(line)
    if m:
        scan.add(n, _around(line, m.start(), m.end()), "conda", 3, kind="conda-path")
    elif "conda-forge" in low or "conda_build" in low or "/_build_env/" in low:
        i = low.find("conda")
        scan.add(n, _around(line, i, i + 10), "conda", 2, kind="conda-word")


def _distro_word(scan: _Scan, n: int, line: str, low: str) -> None:
    # os-release and `lsb_release`/`cat /etc/os-release` output, pip's own user agent
    m = re.search(r'(?:PRETTY_NAME=|"distro":\s*\{[^}]{0,200}?"name":\s*)"([A-Za-z][\w /.()-]{0,60})"', line)
    if not m:
        return
    text = m.group(1).lower()
    for word, name in (("ubuntu", "ubuntu"), ("debian", "debian"), ("fedora", "fedora"), ("red hat", "rhel"),
                       ("centos", "rhel"), ("rocky", "rhel"), ("alma", "rhel"), ("amazon", "rhel"), ("alpine", "alpine"),
                       ("arch", "arch"), ("manjaro", "arch"), ("opensuse", "opensuse"), ("suse", "opensuse"),
                       ("mint", "ubuntu"), ("raspbian", "debian")):
        if word in text:
            v = re.search(r"(\d{1,2}(?:\.\d{1,2})?)", m.group(1))
            scan.add(n, _around(line, m.start(), m.end()), name, 5, v.group(1) if v else "", "os-release")
            return


# needle (lower case) -> the functions that read a line holding it
_SIGNALS: Tuple[Tuple[str, Tuple], ...] = (
    ("gcc", (_gcc,)), ("g++", (_gcc,)), ("cc (", (_gcc,)),
    ("clang version", (_clang,)),
    ("-linux-", (_triple,)), ("darwin", (_triple,)), ("mingw32", (_triple,)), ("windows-msvc", (_triple,)),
    ("conda-linux", (_triple,)), ("conda_cos", (_triple,)), ("redhat-linux", (_triple,)), ("suse-linux", (_triple,)),
    (".el", (_rhel_release,)), (".fc", (_rhel_release,)), ("amzn", (_rhel_release,)),
    ("from ", (_docker,)),
    ("reading package lists", (_apt,)), ("apt-get install", (_apt,)), ("dpkg", (_apt,)),
    ("alpinelinux.org", (_apk,)), ("apk add", (_apk,)),
    ("last metadata expiration", (_dnf,)), ("dnf install", (_dnf,)), ("yum install", (_dnf,)),
    ("pacman -s", (_pacman,)), (":: synchronizing package databases", (_pacman,)),
    ("/opt/homebrew/", (_mac_path,)), ("/cellar/", (_mac_path,)), ("/users/", (_mac_path,)),
    ("/usr/local/opt/", (_mac_path,)), ("xcrun", (_mac_path,)), ("xcode", (_mac_path,)),
    ("commandlinetools", (_mac_path,)), ("python.framework", (_mac_path,)), (".sdk", (_mac_path,)),
    ("/private/var/folders/", (_mac_path,)),
    ("macosx", (_mac_build, _build_dir)), ("temp.", (_build_dir,)), ("lib.", (_build_dir,)),
    ("bdist.", (_build_dir,)), ("platform: ", (_platform_platform,)),
    ("error c", (_msvc,)), ("warning c", (_msvc,)), ("lnk", (_msvc,)), (".c(", (_msvc,)), (".cpp(", (_msvc,)),
    (".h(", (_msvc,)), (".cc(", (_msvc,)), (".cxx(", (_msvc,)),
    ("sh: ", (_shell,)), ("ssp-buffer-size", (_cflags,)), ("redhat", (_cflags,)),
    ("-fmessage-length=0", (_cflags,)), ("prefix-map=/build/python", (_cflags,)),
    ("undefined symbols for architecture", (_mac_tools,)), ("ld: library not found", (_mac_tools,)),
    ("-isysroot", (_mac_tools,)), ("-arch ", (_mac_tools,)), ("clang' failed", (_mac_tools,)),
    ("clang++' failed", (_mac_tools,)),
    ("[errno ", (_errno,)), (" at 0x", (_errno,)), ("push rejected, failed to compile python app", (_heroku,)),
    ("/usr/bin/ld: ", (_gnu,)), ("collect2", (_gnu,)), ("gcc: error", (_gnu,)), ("‘", (_gnu,)), ("/tmp/pip-", (_gnu,)),
    (":\\", (_win,)), ("\\appdata\\", (_win,)), ("visual studio", (_win,)), ("\\msvc\\", (_win,)),
    (".exe", (_win,)), ("vcvarsall", (_win,)), ("visual c++", (_win,)), ("windows kits", (_win,)),
    ("program files", (_win,)), ("lib.win", (_win,)), ("\\site-packages\\", (_win,)), ("win_amd64", (_win,)),
    ("win_arm64", (_win,)), ("-win32.whl", (_win,)),
    ("com.termux", (_linux_path,)), ("dist-packages", (_linux_path,)), ("/home/runner/work/", (_linux_path,)),
    ("/opt/hostedtoolcache/", (_linux_path,)), ("readthedocs.org", (_linux_path,)), ("/app/.heroku/", (_linux_path,)),
    ("imageos:", (_runner_image,)), ("image: ", (_runner_image,)), ("interpreter at: ", (_uv_python,)), ("/usr/lib64/", (_linux_path,)),
    ("musllinux", (_linux_path,)), ("lib.linux-", (_linux_path,)), ("manylinux", (_linux_path,)),
    ("/home/", (_linux_path,)), ("/root/", (_linux_path,)),
    ("as the 'root' user", (_root,)),
    (".dylib", (_word,)), ("dynamic_lookup", (_word,)), ("macosx_deployment_target", (_word,)),
    ("darwin kernel", (_word,)), ("[winerror ", (_word,)), ("internal or external command", (_word,)),
    ("msbuild", (_word,)), ("the system cannot find the", (_word,)), (".pyd", (_word,)), ("glibc_2.", (_word,)),
    ("libc.so.6", (_word,)), ("ld-musl", (_word,)), ("error relocating ", (_word,)),
    ("python", (_python,)), ("cp3", (_python,)),
    ("conda", (_conda,)), ("miniforge", (_conda,)), ("mambaforge", (_conda,)), ("micromamba", (_conda,)),
    ("pretty_name=", (_distro_word,)), ('"distro":', (_distro_word,)),
)
_NEEDLES = tuple(n for n, _ in _SIGNALS)


def _scan_block(scan: _Scan, lines: Sequence[str], first: int) -> None:
    if not scan.signals:
        return
    lowered = [line[:MAX_LINE].lower() for line in lines]
    block = "\n".join(lowered)
    present = [(needle, funcs) for needle, funcs in scan.signals if needle in block]
    if not present:
        return
    hits = scan.hits
    for i, low in enumerate(lowered):
        done = set()
        for needle, funcs in present:
            if needle in low:
                hits[needle] = hits.get(needle, 0) + 1
                for func in funcs:
                    if func not in done:
                        done.add(func)
                        func(scan, first + i, lines[i][:MAX_LINE], low)
    spent = [needle for needle, _ in present if hits.get(needle, 0) >= _PER_NEEDLE]
    if spent:
        scan.signals = [(n, f) for n, f in scan.signals if n not in spent]


HEAD = 4 << 20  # characters (bytes of a file) read from a log's start ...
TAIL = 1 << 20  # ... and from its end: a longer log's middle is skipped (its lines still counted)
_CHUNK = 1 << 18  # bytes decoded and split into lines at once (a chunk's lines are ~6x its size in memory)


def scan_lines(lines: Iterable[str], first_line: int = 1) -> List[Clue]:
    """Every clue of the lines (the first few of each kind): of the first
    :data:`HEAD` characters and the last :data:`TAIL` ones."""
    from collections import deque

    scan = _Scan()
    block: List[str] = []
    start = first_line
    seen = 0
    n = first_line - 1
    tail: "deque" = deque()
    tail_size = 0
    for line in lines:
        n += 1
        if seen < HEAD:
            seen += len(line) + 1
            block.append(line)
            if len(block) >= _BLOCK:
                _scan_block(scan, block, start)
                start += len(block)
                block = []
            continue
        tail.append((n, line))
        tail_size += len(line) + 1
        while tail_size > TAIL and len(tail) > 1:
            tail_size -= len(tail.popleft()[1]) + 1
    if block:
        _scan_block(scan, block, start)
    while tail:
        chunk = [tail.popleft() for _ in range(min(_BLOCK, len(tail)))]
        _scan_block(scan, [line for _, line in chunk], chunk[0][0])
    return scan.clues


def infer(lines: Iterable[str]) -> LogPlatform:
    """Where the log was made, from its lines (any iterable, read once)."""
    return decide(scan_lines(lines))


def infer_file(path: str, limit: int = 1 << 30) -> LogPlatform:
    """:func:`infer` on a file's first ``limit`` bytes, read in 256 KiB chunks
    (lines split on ``\\n``; line numbers count ``\\n``): its first
    :data:`HEAD` bytes and its last :data:`TAIL` ones; the newlines of the
    middle are only counted."""
    import os

    scan = _Scan()
    size = min(os.path.getsize(path), limit)
    skip_from, skip_to = (HEAD, size - TAIL) if size > HEAD + TAIL else (size, size)
    with open(path, "rb") as f:
        pending = b""
        first = 1
        left = limit
        pos = 0
        while True:
            if pos >= skip_from and pos < skip_to:
                # the middle: count its lines, up to the first newline after it
                while pos < skip_to:
                    block = f.read(min(_CHUNK, skip_to - pos))
                    if not block:
                        break
                    pos += len(block)
                    left -= len(block)
                    first += (pending + block).count(b"\n") if pending else block.count(b"\n")
                    pending = b""
                rest = f.readline()
                pos += len(rest)
                left -= len(rest)
                if rest.endswith(b"\n"):
                    first += 1
            chunk = f.read(min(_CHUNK, left, max(skip_from - pos, 0) or _CHUNK)) if left > 0 else b""
            pos += len(chunk)
            left -= len(chunk)
            data = pending + chunk
            if not data:
                break
            if chunk:
                cut = data.rfind(b"\n")
                if cut < 0 and len(data) < (8 << 20):
                    pending = data
                    continue
                cut = len(data) if cut < 0 else cut + 1
                data, pending = data[:cut], data[cut:]
            else:
                pending = b""
            lines = data.decode("utf-8", "replace").split("\n")
            if lines and lines[-1] == "":
                lines.pop()
            lines = [line.rstrip("\r") for line in lines]
            for i in range(0, len(lines), _BLOCK):
                _scan_block(scan, lines[i:i + _BLOCK], first + i)
            first += len(lines)
            del lines, data  # (not alive while the next chunk is split: the peak stays one chunk's lines)
            if not chunk:
                break
    return decide(scan.clues)


# -- deciding ------------------------------------------------------------------

def _system_of(means: str) -> Optional[str]:
    if means in ("macos",):
        return DARWIN
    if means in ("windows",):
        return WINDOWS
    if means in NAMES or means in _FAMILY:
        return LINUX
    return None


def decide(clues: Sequence[Clue]) -> LogPlatform:
    """The platform the clues point to: the operating system with the
    strongest clue (then the most clues), then within Linux the most
    specific distribution clue. Outvoted clues are named in ``notes``."""
    place = [c for c in clues if _system_of(c.means)]
    python = [c for c in clues if c.means == "python"]
    conda = [c for c in clues if c.means == "conda"]
    root = any(c.means == "root" for c in clues)
    if not place:
        if conda:
            lp = LogPlatform(None, "", "unknown", tuple(conda), (), True)
            return _with_python(lp, python)
        return _with_python(LogPlatform(None), python, keep_evidence=False)
    systems: Dict[str, Tuple[int, int]] = {}
    for c in place:
        s = _system_of(c.means) or LINUX
        best, count = systems.get(s, (0, 0))
        systems[s] = (max(best, c.weight), count + 1)
    system = max(systems, key=lambda s: systems[s])
    chosen = [c for c in place if _system_of(c.means) == system]
    others = [c for c in place if _system_of(c.means) != system]
    notes: List[str] = []
    if others:
        top = max(others, key=lambda c: c.weight)
        notes.append("the log also shows %s (line %d: %s), a less specific clue than %s" % (
            _means_label(top.means), top.line, top.text, _means_label(max(chosen, key=lambda c: c.weight).means)))
    if system == DARWIN:
        name, version = "macos", _first_version(chosen)
    elif system == WINDOWS:
        name, version = "windows", ""
    else:
        name, version, note = _distro(chosen)
        if note:
            notes.append(note)
    # the clues that named it first (a distribution's over the family's, over Linux's), strongest first
    own = {name, "debian-family" if name in ("debian", "ubuntu") else "",
           "redhat-family" if name in ("fedora", "rhel") else "", "lib64" if name in ("fedora", "rhel") else ""}
    evidence = sorted(chosen, key=lambda c: (c.means != name, c.means not in own, -c.weight, c.line))[:4]
    lp = LogPlatform(name, version, "log", tuple(evidence), tuple(notes), bool(conda), root=root and system == LINUX)
    if conda:
        lp = replace(lp, evidence=lp.evidence + (conda[0],))
    return _with_python(lp, python)


def _means_label(means: str) -> str:
    if means in _FAMILY:
        return _FAMILY[means][1]
    return NAMES[means][1] if means in NAMES else means


def _first_version(clues: Sequence[Clue]) -> str:
    for c in sorted(clues, key=lambda c: -c.weight):
        if c.version:
            return c.version
    return ""


def _distro(clues: Sequence[Clue]) -> Tuple[str, str, str]:
    specific = [c for c in clues if c.means not in ("linux",)]
    if not specific:
        return "linux", "", ""
    best = max(c.weight for c in specific)
    top = [c for c in specific if c.weight == best]
    # the most specific: a named distribution over a family
    named = [c for c in top if c.means in NAMES] or top
    counts: Dict[str, int] = {}
    for c in named:
        counts[c.means] = counts.get(c.means, 0) + 1
    means = max(counts, key=lambda m: (counts[m], -min(c.line for c in named if c.means == m)))
    if means in _FAMILY:
        # a family: a named member among weaker clues decides it (ubuntu's clang beside a triple)
        members = {"debian-family": ("debian", "ubuntu"), "redhat-family": ("fedora", "rhel"),
                   "lib64": ("fedora", "rhel", "opensuse")}[means]
        inside = [c for c in specific if c.means in members]
        if inside:
            pick = max(inside, key=lambda c: c.weight)
            means = pick.means
        else:
            return _FAMILY[means][0], "", ""
    version = next((c.version for c in sorted(specific, key=lambda c: -c.weight)
                    if c.means == means and c.version), "")
    note = ""
    rivals = [c for c in specific if c.means != means and c.means in NAMES and c.means not in ("linux",)
              and not _same_family(c.means, means)]
    if rivals:
        r = max(rivals, key=lambda c: c.weight)
        note = "the log also shows %s (line %d: %s); %s is the more specific clue" % (
            _means_label(r.means), r.line, r.text, _means_label(means))
    return means, version, note


def _same_family(a: str, b: str) -> bool:
    fams = ({"debian", "ubuntu", "debian-family"}, {"fedora", "rhel", "redhat-family", "lib64"})
    return any(a in f and b in f for f in fams)


def _with_python(lp: LogPlatform, python: Sequence[Clue], keep_evidence: bool = True) -> LogPlatform:
    if not python:
        return lp
    best = max(python, key=lambda c: (c.weight, -c.line))
    if not best.version:
        return lp
    x, _, y = best.version.partition(".")
    origin, _, prefix = best.kind[len("python-"):].partition(":") if best.kind.startswith("python-") else ("", "", "")
    if origin in ("tag", "docker", "venv", "other") and best.weight < 4:
        origin, prefix = "", ""
    if origin == "other" and lp.name in ("debian", "ubuntu", "linux") and prefix == "/usr/local":
        origin = "other"  # the official Docker images: a Python built into /usr/local
    include = ""
    if prefix and origin not in ("windows-store",):
        include = prefix.rstrip("/\\") + ("\\include" if "\\" in prefix else "/include/python%s.%s" % (x, y))
    if origin == "conda":
        lp = replace(lp, conda=True)
    if origin == "xcode":
        origin = "other"
    evidence = lp.evidence + ((best,) if keep_evidence and best.weight >= 4 else ())
    try:
        version = (int(x), int(y))
    except ValueError:
        return lp
    return replace(lp, python_version=version, python_origin=origin, python_prefix=prefix, python_include=include,
                   evidence=evidence)


# -- given on the command line ---------------------------------------------------

def given(spec: str, from_log: Optional[LogPlatform] = None) -> LogPlatform:
    """``--platform NAME[:VERSION]`` (debian, ubuntu:22.04, fedora, rhel,
    alpine, arch, opensuse, macos, windows, conda). Keeps what the log said
    of its Python. Raises ValueError for an unknown name."""
    name, _, version = spec.strip().partition(":")
    name = name.strip().lower()
    name = ALIASES.get(name, name)
    conda = name == "conda"
    if conda:
        name = from_log.name if from_log is not None and from_log.name else _this_name()
    if name not in NAMES:
        raise ValueError("unknown platform %r (one of: %s)" % (
            spec, ", ".join(sorted(set(NAMES) - {"linux", "termux"}) + ["conda"])))
    base = from_log or LogPlatform(None)
    notes: Tuple[str, ...] = ()
    if base.name is not None and base.name != name and base.evidence:
        clue = base.evidence[0]
        notes = ("the log itself shows %s (line %d: %s)." % (base.label, clue.line, clue.text),)
    return LogPlatform(name, version.strip(), "given", (), notes, conda or base.conda, base.python_version,
                       base.python_origin, base.python_prefix, base.python_include, base.root)


def _this_name() -> str:
    import sys

    if sys.platform == "darwin":
        return "macos"
    if sys.platform in ("win32", "cygwin"):
        return "windows"
    return "linux"


def this_machine(platform: Platform) -> LogPlatform:
    """The running machine, as a :class:`LogPlatform` (source "this-machine")."""
    if platform.system == DARWIN:
        name = "macos"
    elif platform.system == WINDOWS:
        name = "windows"
    else:
        name = ALIASES.get(platform.distro, platform.distro)
        if name not in NAMES:
            name = next((ALIASES.get(x, x) for x in platform.like if ALIASES.get(x, x) in NAMES), "linux")
    py = platform.python
    return LogPlatform(name, platform.version, "this-machine", (), (),
                       bool(platform.extra.get("conda")) or (py is not None and py.origin == "conda"),
                       py.version if py else None, py.origin if py else "", py.base_prefix if py else "",
                       py.include if py else "", label_override=platform.label)


def same_machine_kind(lp: LogPlatform, platform: Platform) -> bool:
    """Could the log have been made on this machine (same OS; on Linux,
    the same distribution family)? Used to decide whether live checks mean
    anything."""
    if lp.name is None:
        return True
    here = this_machine(platform)
    if NAMES[lp.name][0] != NAMES[here.name or "linux"][0]:
        return False
    if NAMES[lp.name][0] != LINUX or lp.name == "linux" or here.name == "linux":
        return True
    return NAMES[lp.name][2] == NAMES[here.name or "linux"][2]


# -- side by side, when the log does not show it --------------------------------------

COMMON: Tuple[Tuple[str, str], ...] = (
    ("debian", "Debian/Ubuntu"), ("fedora", "Fedora/RHEL"), ("alpine", "Alpine"), ("arch", "Arch"),
    ("macos", "macOS"), ("windows", "Windows"),
)


def common_platforms(lp: LogPlatform) -> List[Tuple[str, Platform]]:
    """(short label, Platform) of the common platforms, for a log that does
    not show where it was made (only the Linux ones when it shows Linux but
    not which)."""
    out = []
    for name, label in COMMON:
        if lp.name == "linux" and NAMES[name][0] != LINUX:
            continue
        p = replace(lp, name=name, version="", source="unknown", label_override=label)
        platform = p.platform()
        if platform is not None:
            out.append((label, replace(platform, sudo=NAMES[name][2] not in (None, APK, BREW) and not lp.root)))
    return out
