"""The wheel oracle: did pip have to build from source?

Asked inside the failing pip, with pip's own ``PackageFinder`` (its index
URLs, extra indexes, find-links, ``--no-index``, auth, certificates, proxies
and session), after pip has finished:

* which versions of the package ship a wheel this pip accepts here, and the
  newest one that satisfies the requirement;
* which CPython versions get a wheel of the version that was built;
* whether the index has a wheel a newer pip would accept ("pip too old").

Costs: pip already listed the project's files to pick what it built, and
keeps that list (``find_all_candidates`` is cached; pip 21.3-25.x also keep
the files it skipped). The oracle reads those: no HTTP request. pip 26.x does
not keep skipped files; the project page is read again through pip's own
collector, which pip 26 answers from its HTTP cache when the index allows it.
The oracle never asks about a project pip did not look up itself, and never
an index pip was not configured with. All of it runs in a worker thread with
a hard deadline; its log records are dropped; any failure means "no facts".

The pip-specific reads are the ``_pip_*`` functions; :func:`facts_from` is
pure and takes plain filenames and tag strings.
"""
from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from typing import Iterable, List, Optional, Sequence, Set, Tuple

#: Seconds the oracle may take, all requests included.
DEADLINE = 3.0

# The first pip that understands a tag family (pip's changelog: PEP 600
# manylinux_x_y in 20.3, PEP 656 musllinux in 21.2, macOS universal2 in 21.0.1).
_PIP_FOR_PLATFORM = (("manylinux_", "20.3"), ("musllinux_", "21.2"), ("universal2", "21.0.1"))

_RUNS = re.compile(r"[-_.]+")


def canonical(name: str) -> str:
    return _RUNS.sub("-", name).lower()


@dataclass(frozen=True)
class Facts:
    package: str
    version: Optional[str]  # the version pip built
    specifier: str = ""  # the requirement's, "" = any
    wheel_versions: Tuple[str, ...] = ()  # versions with a wheel this pip accepts here, newest first
    best: Optional[str] = None  # newest of those within the specifier (never the built version)
    outside: Optional[str] = None  # newest wheel version outside the specifier, when none is inside
    pythons: Tuple[str, ...] = ()  # CPython versions with a wheel of the built version here ("3.12", "3.9+")
    newer_pip: Optional[Tuple[str, str]] = None  # (first pip that accepts it, the wheel's filename)
    pip_version: str = ""
    pages_read: int = 0  # index pages the oracle read again (pip 26; its HTTP cache may answer them)


# -- pure part -------------------------------------------------------------------

def _parse_wheel(filename: str):
    from packaging.utils import parse_wheel_filename

    try:
        name, version, _build, tags = parse_wheel_filename(filename)
    except Exception:
        return None
    return canonical(str(name)), str(version), tags


def _version(text: str):
    from packaging.version import Version

    try:
        return Version(text)
    except Exception:
        return None


def _pythons(tags, platforms: Set[str], impl: str) -> List[Tuple[Tuple[int, int], bool]]:
    """(version, and-newer) pairs of ``impl`` interpreters a wheel's tags serve on these platforms."""
    found = []
    for tag in tags:
        if tag.platform not in platforms or not tag.interpreter.startswith(impl):
            continue
        digits = tag.interpreter[len(impl):]
        if len(digits) < 2 or not digits.isdigit():
            continue
        ver = (int(digits[0]), int(digits[1:]))
        found.append((ver, tag.abi == "abi3" or tag.abi == "none"))
    return found


def facts_from(package: str, version: Optional[str], specifier: str,
               compatible: Sequence[Tuple[str, str, bool]], others: Iterable[str],
               pip_tags: Set[str], modern_tags: Sequence, pip_version: str = "",
               current: Optional[Tuple[int, int]] = None, pages_read: int = 0) -> Facts:
    """``compatible``: (version, filename, yanked) of the files pip accepts
    here; ``others``: filenames of the project's other files; ``pip_tags``:
    the tags this pip accepts (strings); ``modern_tags``: this interpreter's
    tags as today's ``packaging`` knows them (``packaging.tags.Tag``)."""
    from packaging.specifiers import SpecifierSet

    try:
        spec = SpecifierSet(specifier or "")
    except Exception:
        spec = SpecifierSet("")
    name = canonical(package)
    built = _version(version) if version else None
    wheel_versions = []
    for ver, filename, yanked in compatible:
        if not filename.lower().endswith(".whl") or yanked:
            continue
        v = _version(ver)
        if v is not None and v not in wheel_versions:
            wheel_versions.append(v)
    wheel_versions.sort(reverse=True)
    inside = [v for v in wheel_versions if spec.contains(v, prereleases=bool(spec) and _allows_pre(spec))
              and v != built]
    best = str(inside[0]) if inside else None
    outside = None
    if best is None:
        final = [v for v in wheel_versions if not v.is_prerelease and v != built]
        outside = str(final[0]) if final and not any(spec.contains(v) for v in final) else None

    modern = set(str(t) for t in modern_tags)
    platforms = set(t.platform for t in modern_tags)
    impl = modern_tags[0].interpreter[:2] if modern_tags else "cp"
    if current is None:
        import sys

        current = (sys.version_info[0], sys.version_info[1])
    pythons: Set[Tuple[Tuple[int, int], bool]] = set()
    newer_pip = None
    files = [f for _, f, _ in compatible] + list(others)
    for filename in files:
        parsed = _parse_wheel(filename)
        if parsed is None or parsed[0] != name:
            continue
        _, wver, tags = parsed
        if built is None or _version(wver) != built:
            continue
        strs = set(str(t) for t in tags)
        if strs & modern and not strs & pip_tags and newer_pip is None:
            newer_pip = (_pip_needed(strs & modern), filename)
        for pyver, up in _pythons(tags, platforms, impl):
            if pyver != current:
                pythons.add((pyver, up))
    listed = _python_list(pythons, current)
    return Facts(package, version, str(spec), tuple(str(v) for v in wheel_versions), best, outside, listed,
                 newer_pip, pip_version, pages_read)


def newest_version(filenames: Iterable[str], package: str, specifier="") -> Optional[str]:
    """The newest version of ``package`` among wheel filenames, within ``specifier``."""
    from packaging.specifiers import SpecifierSet

    spec = SpecifierSet(str(specifier or ""))
    found = []
    for filename in filenames:
        parsed = _parse_wheel(filename)
        if parsed is None or parsed[0] != canonical(package):
            continue
        v = _version(parsed[1])
        if v is not None and spec.contains(v, prereleases=True if _allows_pre(spec) else None):
            found.append(v)
    return str(max(found)) if found else None


def _allows_pre(spec) -> bool:
    return any(_version(s.version) is not None and _version(s.version).is_prerelease for s in spec)


def _pip_needed(tags: Set[str]) -> str:
    needed = ""
    for tag in tags:
        for marker, pip in _PIP_FOR_PLATFORM:
            if marker in tag and (not needed or _version(pip) < _version(needed)):
                needed = pip
    return needed


def _python_list(found: Set[Tuple[Tuple[int, int], bool]], current: Tuple[int, int]) -> Tuple[str, ...]:
    exact = sorted({v for v, up in found if not up and v != current})
    open_ended = sorted({v for v, up in found if up})
    out = ["%d.%d" % v for v in exact]
    if open_ended:
        low = open_ended[0]
        if current < low:  # an abi3 wheel for a newer Python than this one
            out.append("%d.%d+" % low)
    return tuple(out)


# -- reading pip's finder --------------------------------------------------------

def prepare() -> None:
    """Import now what the oracle will use after pip's end (pip 26.3 blocks
    imports once it installs). Without packaging (a broken environment) the
    oracle has no facts; the rest of the report goes on."""
    try:
        import packaging.requirements  # noqa: F401
        import packaging.specifiers  # noqa: F401
        import packaging.tags  # noqa: F401
        import packaging.utils  # noqa: F401
        import packaging.version  # noqa: F401
    except ImportError:
        pass

    for mod in ("pip._internal.models.link", "pip._internal.index.collector"):
        try:
            __import__(mod)
        except Exception:
            pass


def _pip_tags(finder) -> Set[str]:
    target = getattr(finder, "target_python", None) or getattr(finder, "_target_python", None)
    for attr in ("get_sorted_tags", "get_tags"):
        get = getattr(target, attr, None)
        if get is not None:
            return set(str(t) for t in get())
    return set()


def _pip_version() -> str:
    try:
        import pip

        return str(pip.__version__)
    except Exception:
        return ""


def _cached_candidates(finder, name: str):
    """pip's own list for ``name``, only if pip made it in this run."""
    cache = getattr(finder, "_all_candidates", None)  # pip 25.3+
    if isinstance(cache, dict):
        for key in (name, canonical(name)):
            if key in cache:
                return cache[key]
        for key, value in cache.items():
            if canonical(str(key)) == canonical(name):
                return value
        return None
    find = getattr(finder, "find_all_candidates", None)
    if find is None or getattr(find, "cache_info", None) is None:
        return None  # no cache: asking would send requests pip did not send
    return find(canonical(name))  # lru_cache: pip asked with the canonical name


def _candidate_rows(candidates) -> List[Tuple[str, str, bool]]:
    rows = []
    for c in candidates or ():
        link = getattr(c, "link", None)
        filename = getattr(link, "filename", None)
        if not filename:
            continue
        rows.append((str(getattr(c, "version", "")), str(filename), bool(getattr(link, "is_yanked", False))))
    return rows


def _skipped(finder, name: str) -> Optional[List[str]]:
    """Filenames pip saw and did not accept (pip 21.3-25.x keep them)."""
    logged = getattr(finder, "_logged_links", None)
    if logged is None:
        return None
    out = []
    for entry in list(logged):
        link = entry[0] if isinstance(entry, tuple) else entry
        filename = getattr(link, "filename", None)
        if filename:
            out.append(str(filename))
    return out


def _fetched(finder, name: str) -> Tuple[List[str], int]:
    """The project's files on the indexes pip uses, read through pip's own
    collector (pip 26 serves it from its HTTP cache when it may)."""
    from pip._internal.index.collector import parse_links
    from pip._internal.models.link import Link

    scope = getattr(finder, "search_scope", None)
    collector = getattr(finder, "_link_collector", None)
    if scope is None or collector is None:
        return [], 0
    files: List[str] = []
    requests = 0
    for location in scope.get_index_urls_locations(name):
        requests += 1
        try:
            page = collector.fetch_response(Link(location))
        except TypeError:
            page = None
        if page is None:
            continue
        files.extend(str(link.filename) for link in parse_links(page) if getattr(link, "filename", None))
    return files, requests


def listing(finder, package: str, candidates) -> Tuple[List[Tuple[str, str, bool]], List[str], int]:
    """What pip's finder knows of ``package``: (rows of the files it accepts,
    the other filenames, index pages read again to learn them)."""
    others = _skipped(finder, package)
    pages = 0
    if others is None:
        others, pages = _fetched(finder, package)
    return _candidate_rows(candidates), others, pages


def facts_for(finder, package: str, version: Optional[str], specifier: str, found) -> Facts:
    """:func:`facts_from` with this pip's tags, for a :func:`listing`."""
    from packaging.tags import sys_tags

    rows, others, pages = found
    return facts_from(package, version, specifier, rows, others, _pip_tags(finder), list(sys_tags()),
                      _pip_version(), pages_read=pages)


def ask(finder, package: str, version: Optional[str], specifier: str = "") -> Optional[Facts]:
    """The facts, from what pip listed in this run, or None when pip's finder
    cannot tell (never raises)."""
    try:
        compatible = _cached_candidates(finder, package)
        if compatible is None:
            return None
        return facts_for(finder, package, version, specifier, listing(finder, package, compatible))
    except Exception as exc:
        from pip_explain._env import debug

        debug(exc)
        return None


# -- time bound --------------------------------------------------------------------

class _DropThread(logging.Filter):
    def __init__(self, ident: int):
        logging.Filter.__init__(self)
        self.ident = ident

    def filter(self, record):
        return record.thread != self.ident


def bounded(func, *args, timeout: float = DEADLINE):
    """``func(*args)`` in a daemon thread: its result, or None after
    ``timeout`` seconds. Log records the thread makes are dropped (pip's
    handlers would print them)."""
    box: List = []
    go = threading.Event()

    def work():
        go.wait()
        try:
            box.append(func(*args))
        except BaseException:
            pass

    thread = threading.Thread(target=work, name="pip-explain-oracle", daemon=True)
    handlers = _all_handlers()
    thread.start()
    quiet = _DropThread(thread.ident or 0)
    for h in handlers:
        h.addFilter(quiet)
    go.set()
    thread.join(timeout)
    if not thread.is_alive():
        for h in handlers:
            h.removeFilter(quiet)
    # else: the filter stays, so a late record of the abandoned thread stays silent
    return box[0] if box else None


def _all_handlers() -> List[logging.Handler]:
    handlers = list(logging.root.handlers)
    for logger in list(logging.Logger.manager.loggerDict.values()):
        for h in getattr(logger, "handlers", ()):
            if h not in handlers:
                handlers.append(h)
    return handlers
