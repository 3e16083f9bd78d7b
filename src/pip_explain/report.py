"""From failed build subprocesses to the explanation printed after pip's end.

Imported only after a build subprocess failed, while pip is still building
(pip 26.3 blocks imports once installing has begun): :func:`prepare` loads
and warms everything :func:`emit` will need.
"""
from __future__ import annotations

import io
import json
import os
import re
import shlex
import shutil
import sys
from dataclasses import replace
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from pip_explain import render
from pip_explain.classify import decisive_lines, default_classifier
from pip_explain.enrich import alternatives as ways
from pip_explain.enrich.fixes import Context, binary_sibling
from pip_explain.enrich.platform import Platform, detect
from pip_explain.logparse import step_label
from pip_explain.model import Diagnosis, Explained, Fix
from pip_explain.sanitize import redact

ENV_FORMAT = "PIP_EXPLAIN_FORMAT"
_platform: Optional[Platform] = None
_tag: Optional[str] = None


def prepare() -> None:
    """Load rules, platform facts and the renderer now (idempotent)."""
    global _platform, _tag
    default_classifier()
    if _platform is None:
        _platform = detect()
    if _tag is None:
        _tag = most_specific_tag()
    found = render._rich()
    if found is not None:  # rich imports some modules on first print
        render.write([[("x", "bold")]], io.StringIO(), color=True, width=20)
    from pip_explain.enrich import packages, probes, wheels  # noqa: F401  (used after pip's end)
    from pip_explain import ci, runmark  # noqa: F401  (emit: CI annotations, `pip-explain run`'s mark)

    packages.known_tools()
    wheels.prepare()


def on_failure(failure) -> None:
    """Called at raise time, while the build directory still exists."""
    prepare()
    failure.package, failure.version = identify(failure)
    _read_needs(failure)


# What each failed build's source needs (enrich.foresight), read at raise time
# while pip's build directory still exists; checked after pip's end.
_needs_read: Dict[int, object] = {}


def _read_needs(failure) -> None:
    cwd = getattr(failure, "cwd", None)
    if not cwd or _off(ENV_CHECKS) or not os.path.isdir(str(cwd)):
        return
    try:
        from pip_explain.enrich import foresight

        _needs_read[id(failure)] = foresight.read_source(str(cwd))
    except Exception as exc:
        from pip_explain._env import debug

        debug(exc)


# Causes one toolchain piece stands for, whatever the log calls it (gcc, cc, x86_64-linux-gnu-gcc)
_ONE_PER_CAUSE = frozenset({"compiler-missing", "cxx-compiler-missing", "fortran-missing", "msvc-missing",
                            "xcode-clt-missing", "rust-missing", "rust-too-old", "cmake-missing"})


def with_also_missing(e: Explained, reading, prober, isolation: bool = True) -> Explained:
    """``e`` with what the same build also needs and this machine lacks, beyond
    the diagnosis, and one install command for all of it (issue: fix
    everything at once, not one retry per cause)."""
    d = e.diagnosis
    if d is None or reading is None:
        return e
    from pip_explain.enrich import foresight

    platform = _platform or detect()
    checked = foresight.check(reading, foresight.machine(prober, platform, isolation))

    def same(n) -> bool:
        if n.cause != d.cause:
            return False
        if n.cause in _ONE_PER_CAUSE:
            return True
        named = (d.detail or "").replace("\\", "/").lower()
        return n.detail.lower() == named or named.endswith("/" + n.detail.lower())

    also = [n for n in checked.missing if not same(n)]
    if not also:
        return e
    toolchain = _toolchain(e)
    commands = [f.command for f in toolchain if f.command] + [foresight.fix_for(platform, n) for n in also]
    install, others = foresight.combined(platform, commands)
    fixes = e.fixes
    first = toolchain[0] if toolchain else None
    if install and first is not None and first.command and first.command not in others:
        merged = Fix(install, "install everything this build needs that is missing here (%s, %s)"
                     % (d.named or d.cause, ", ".join(n.label or n.detail for n in also)))
        fixes = tuple(merged if f is first else f for f in e.fixes)
    elif first is not None:
        # the diagnosis' own fix is no system package (a pip command, a download): it stays first, and
        # what else the build lacks gets its own command after it
        rest, _ = foresight.combined(platform, [foresight.fix_for(platform, n) for n in also])
        if rest:
            extra = Fix(rest, "then install what else this build lacks here (%s)"
                        % ", ".join(n.label or n.detail for n in also))
            at = e.fixes.index(first) + 1
            fixes = e.fixes[:at] + (extra,) + e.fixes[at:]
    listed = tuple((n.label or n.detail, n.evidence, foresight.fix_for(platform, n)) for n in also)
    note = "this build also needs, and this machine lacks: %s" % ", ".join(
        "%s (%s)" % (label, evidence) if evidence else label for label, evidence, _ in listed)
    return replace(e, fixes=fixes, also_missing=listed, notes=e.notes + (note,))


def most_specific_tag() -> str:
    """The tag a wheel built for this interpreter would carry: the first one
    an index can host (a ``linux_*`` wheel cannot be uploaded)."""
    for mod in ("packaging.tags", "pip._vendor.packaging.tags"):
        try:
            tags = [str(t) for t in __import__(mod, fromlist=["sys_tags"]).sys_tags()]
        except Exception:
            continue
        for tag in tags:
            if not tag.rsplit("-", 1)[-1].startswith("linux_"):
                return tag
        return tags[0] if tags else ""
    return ""


# -- one failure ---------------------------------------------------------------

_FOR_NAME = re.compile(r"\bfor ([A-Za-z0-9][A-Za-z0-9._-]*)")
def identify(failure) -> Tuple[Optional[str], Optional[str]]:
    """(name, version) of the distribution being built, when it can be told."""
    cwd = getattr(failure, "cwd", None)
    if cwd:
        try:
            with open(os.path.join(str(cwd), "PKG-INFO"), encoding="utf-8", errors="replace") as f:
                head = f.read(8192)
            name = re.search(r"^Name:\s*(\S+)", head, re.MULTILINE)
            version = re.search(r"^Version:\s*(\S+)", head, re.MULTILINE)
            if name:
                return name.group(1), version.group(1) if version else None
        except OSError:
            pass
    m = _FOR_NAME.search(getattr(failure, "description", "") or "")
    return (m.group(1), None) if m else (None, None)


def explain_lines(lines: Sequence[str], platform: Platform, package: Optional[str] = None,
                  version: Optional[str] = None, step: str = "", first_line: int = 1,
                  live: bool = False, side_by_side: Sequence[Tuple[str, Platform]] = (),
                  facts: Tuple[str, ...] = ()) -> Explained:
    """``live``: called inside the failing pip, so this interpreter is the
    one the build used (offline, the log may come from another machine).
    ``side_by_side``: (label, platform) pairs whose fixes are all given, each
    labelled with its platform (a log that does not show where it was made).
    ``facts``: what the rest of the log (or pip's command line) shows that these lines may not (rules/_knowledge.py's
    situations, such as pip's --no-index)."""
    # inside pip the platform is this machine's; offline the log's own lines decide (rules/_knowledge.py)
    known: Tuple[str, ...] = (("windows",) if platform.system == "windows" else ("unix",)) if live else ()
    known += facts
    if package:  # the package the log builds: a fact its own lines may have been cut from
        from pip_explain.rules._knowledge import package_fact

        known += (package_fact(package),)
    diagnosis, ruled_out = default_classifier().classify_why(lines, first_line, known)
    if diagnosis is None and ruled_out is None:
        diagnosis = _read_unwrapped(lines, first_line, known)
    elif diagnosis is not None and (diagnosis.lookup or _cut_at_width(lines, first_line, diagnosis)):
        # only a lookup explained the lines: a terminal's wrapping may have cut the line that explains more
        # (gcc's "No such file or direct" / "ory" at 120 columns, after a pkg-config probe); or the line that explained
        # them is itself a piece a terminal cut at its width, and the whole line says more (pip's "Ignored the
        # following versions that require a different python version: ... <3.11" read at 80 columns, where its first
        # piece alone left a later "Could not find a version" to name numpy: b23-pip-error-paths/03 in framings.txt)
        again = _read_unwrapped(lines, first_line, known)
        # (a lookup read again is taken too when the line that gave the first one was itself a piece cut at the
        # width: "type: /usr/bin/pyth" / "on-config: not found" at 80 columns, b52-lib-lookups-6/06)
        if again is not None and (not again.lookup or _cut_at_width(lines, first_line, diagnosis)):
            diagnosis = again
    sibling = binary_sibling(package)
    if diagnosis is None:
        decisive = decisive_lines(lines, first_line)
        notes: Tuple[str, ...] = ()
        if ruled_out is not None:  # knowledge says what it is not: tell, and show the line
            reason, line = ruled_out
            notes = ("line %d names no missing package: %s." % (line.line, reason),)
            if all(ev.line != line.line for ev in decisive):
                decisive = tuple(sorted(decisive[:3] + (line,), key=lambda ev: ev.line))
        return Explained(None, decisive, package, version, step, notes=notes,
                         alternatives=ways.build(package, None, sibling, ()))
    if diagnosis.rule.detail_kind == "python-version":
        found = python_version_in(lines)
        if found is None and live and platform.python is not None:
            found = "%d.%d" % platform.python.version
        diagnosis = replace(diagnosis, detail=found, subject=diagnosis.detail)
    ctx = Context(platform, diagnosis.detail, package, diagnosis.evidence[0].text, live)
    if side_by_side:
        toolchain = _fixes_side_by_side(diagnosis, package, live, side_by_side)
    else:
        toolchain = tuple(f for f in _call(diagnosis.rule.fix, ctx) if f and (f.command or f.label))
    fixes = toolchain
    if sibling:
        fixes = (Fix("pip install " + shlex.quote(sibling),
                     "avoid the build: %s is the same code, published as wheels" % sibling),) + fixes
    verify = tuple(_call(diagnosis.rule.verify, ctx))
    return Explained(diagnosis, (), package, version, step, fixes, verify,
                     alternatives=ways.build(package, None, sibling, toolchain))


_UNWRAP_MAX = 20000  # lines of a step read a second time with their wrapping undone


def _cut_at_width(lines: Sequence[str], first_line: int, diagnosis: Diagnosis) -> bool:
    """Whether the line that gave ``diagnosis`` is as long as the widest line, at least 60 columns, and the next
    line goes on, or follows such a line: a piece of a line a terminal wrapped at its width (logparse.unwrapped then
    decides whether the whole log looks wrapped)."""
    at = diagnosis.evidence[0].line - first_line
    if not 0 <= at < len(lines) - 1 or len(lines) > _UNWRAP_MAX:
        return False
    try:
        line = lines[at].rstrip("\r\n")
        width = max(len(text.rstrip("\r\n")) for text in lines)
        from pip_explain.logparse import _WRAP_MIN

        if width < _WRAP_MIN:
            return False
        if len(line) == width and bool(lines[at + 1].strip()):
            return True
        # ... or the piece after one: the line before it as wide as the widest, and the line itself not starting a new
        # one (no indentation of its own): "on-config: not found" after "... type: /usr/bin/pyth" at 80 columns
        if at > 0 and len(lines[at - 1].rstrip("\r\n")) == width and line[:1] not in (" ", "\t", ""):
            return True
        # ... or a compiler's echo of an #include right under a diagnostic a terminal cut in two: the echo is all the
        # first reading saw of it ("... tmpjziqzpw0.c:1:10: fatal error: li" / "nux/ethtool.h: No such file or
        # directory" / " #include <linux/ethtool.h>" at 80 columns: psutil's probe, b68-app-trackers-4/19 in
        # framings.txt), and the whole line says more (a lookup)
        from pip_explain.classify import INCLUDE_ECHO

        return at > 1 and INCLUDE_ECHO.match(line) is not None and len(lines[at - 2].rstrip("\r\n")) == width
    except TypeError:  # lines that are not text
        return False


def _read_unwrapped(lines: Sequence[str], first_line: int, known) -> Optional[Diagnosis]:
    """The diagnosis of ``lines`` with a terminal's wrapping undone
    (:func:`pip_explain.logparse.unwrapped`), when nothing explained them as
    they are; None when they do not look wrapped."""
    from pip_explain.logparse import unwrapped

    try:
        if len(lines) > _UNWRAP_MAX:
            return None
        joined = unwrapped(list(lines))
    except TypeError:  # lines that are not text
        return None
    if joined is None:
        return None
    return default_classifier().classify_why(joined, first_line, known)[0]


def _fixes_side_by_side(diagnosis, package, live, platforms: Sequence[Tuple[str, Platform]]) -> Tuple[Fix, ...]:
    """The rule's fixes on each platform, one per distinct command, each
    labelled with the platforms it is for (a command every platform shares,
    such as a pip install, keeps its own label)."""
    order: List[str] = []
    fixes = {}
    where: dict = {}
    for label, p in platforms:
        ctx = Context(p, diagnosis.detail, package, diagnosis.evidence[0].text, live)
        for f in _call(diagnosis.rule.fix, ctx):
            if not f or not (f.command or f.label):
                continue
            key = f.command or f.label
            if key not in fixes:
                order.append(key)
                fixes[key] = f
                where[key] = []
            if label not in where[key]:
                where[key].append(label)
    out = []
    for key in order:
        f, labels = fixes[key], where[key]
        if len(labels) < len(platforms):
            f = Fix(f.command, (f.label or "fix") + ", on " + ", ".join(labels))
        out.append(f)
    return tuple(out)


def _toolchain(e: Explained) -> Tuple[Fix, ...]:
    """The rule's own fixes (explain_lines puts a binary sibling first)."""
    return e.fixes[1:] if binary_sibling(e.package) and e.fixes else e.fixes


def with_checks(e: Explained, prober=None) -> Explained:
    """``e`` with the live checks of its diagnosis run on this machine; a
    check that contradicts the diagnosis lowers its confidence and says so."""
    if e.diagnosis is None:
        return e
    from pip_explain.enrich import probes

    d = e.diagnosis
    system = _platform.system if _platform else None
    checks = tuple(probes.for_diagnosis(d.cause, d.detail, d.subject, prober, system))
    against = probes.contradiction(checks)
    if against is None:
        return replace(e, checks=checks)
    return replace(e, checks=checks, confidence="low", notes=e.notes + (against,))


def with_wheels(e: Explained, facts, prog: Sequence[str], command: str, args: Sequence[str]) -> Explained:
    """``e`` with the ways out the wheel oracle found, cheapest first."""
    toolchain = _toolchain(e) if e.diagnosis is not None else ()
    alternatives = ways.build(e.package, facts, binary_sibling(e.package), toolchain, prog, command, args,
                              python_words())
    return replace(e, alternatives=alternatives, wheels=facts)


def explain_log(lines: Sequence[str], platform: Optional[Platform],
                side_by_side: Sequence[Tuple[str, Platform]] = ()) -> List[Explained]:
    """A saved log, offline: one explanation per failed step its installer
    framed (pip, uv, poetry, pdm, pipenv, hatch, build, tox). When no frame
    explains anything, the whole log is read once more as one build output
    (pastes often cut the frame, or keep the error above it).

    ``platform``: where the log was made (see :mod:`pip_explain.enrich.logplatform`);
    None, or with ``side_by_side``: the fixes of each of those platforms,
    labelled (the log does not show where it was made)."""
    return explain_saved_log(lines, platform, side_by_side)[0]


def _command_facts(lines: Iterable[str]) -> Tuple[str, ...]:
    """What pip's command lines in the log (the user's, the nested one that installs build requirements) say
    of the whole run: --no-index (only local links searched)."""
    from pip_explain.rules._knowledge import NO_INDEX

    return (NO_INDEX,) if any("--no-index" in line for line in lines) else ()


def explain_saved_log(lines: Sequence[str], platform: Optional[Platform],
                      side_by_side: Sequence[Tuple[str, Platform]] = ()) -> Tuple[List[Explained], Optional[str]]:
    """:func:`explain_log`, and the retry command in the installer's words
    (None for pip, whose command line a saved log does not keep)."""
    from pip_explain.logparse import segments, uncarried

    if platform is None:
        if not side_by_side:
            raise ValueError("explain_log needs a platform or side_by_side platforms")
        platform = side_by_side[0][1]
    found = segments(lines)
    facts = _command_facts(lines)
    if all(s.package is None for s in found):  # an excerpt without pip's frames may still name what it builds
        from pip_explain.rules._knowledge import named_package

        name = named_package(lines)
        if name:
            found = [replace(s, package=name) for s in found]
    explained = [_framed(explain_lines(s.lines, platform, s.package, s.version, s.step, s.first_line,
                                       side_by_side=side_by_side, facts=facts), s)
                 for s in found]
    retry = next((s.retry for s, e in zip(found, explained) if s.retry and e.diagnosis is not None),
                 next((s.retry for s in found if s.retry), None))
    if all(e.diagnosis is None for e in explained) and (len(found) > 1 or found[0].first_line != 1
                                                        or len(found[0].lines) != len(lines)):
        first = next((s for s in found if s.package), None)
        whole = explain_lines(uncarried(lines), platform, first.package if first else None, first.version if first else None,
                              side_by_side=side_by_side, facts=facts)
        if whole.diagnosis is not None:
            return [_framed(whole, first) if first is not None else whole], retry
    return explained, retry


# How each installer adds a package (the pip commands of the ways out, in its words)
_ADD_WORDS = {"pipenv": "pipenv install ", "poetry": "poetry add ", "pdm": "pdm add "}


def _framed(e: Explained, seg) -> Explained:
    """Ways out that install a package with pip, in the words of the
    installer that failed (``uv pip install``, ``poetry add``)."""
    installer = getattr(seg, "installer", "pip")
    words: Optional[str]
    if installer == "uv":
        retry = getattr(seg, "retry", "") or ""
        words = "uv add " if retry.startswith("uv add") else "uv pip install "
    else:
        words = _ADD_WORDS.get(installer)
    if not words:
        return e

    def say(command: str) -> str:
        return words + command[len("pip install "):] if command.startswith("pip install ") else command

    return replace(e, fixes=tuple(replace(f, command=say(f.command)) for f in e.fixes),
                   alternatives=tuple(replace(a, command=say(a.command)) for a in e.alternatives))


# Where a build log shows the Python it built for: include dirs, build dirs, tags.
_PYTHON_IN_LOG = re.compile(r"/include/python(3\.\d{1,2})|[-_]cpython-3(\d{1,2})\b|python(3\.\d{1,2})/site-packages"
                            r"|\bcp3(\d{1,2})-|Python[\\/]?3(\d{1,2})[\\/]include", re.IGNORECASE)


def python_version_in(lines: Sequence[str]) -> Optional[str]:
    for line in lines:
        if "ython" not in line and "cp3" not in line:
            continue
        m = _PYTHON_IN_LOG.search(line[:4096])
        if m:
            value = next(g for g in m.groups() if g)
            return value if "." in value else "3." + value
    return None


def _call(func, ctx):
    try:
        return func(ctx) or ()
    except Exception:
        return ()


# -- the pip run ---------------------------------------------------------------

def retry_command(command, args: Sequence[str]) -> str:
    """This pip's own command line, as the user can type it again."""
    name = getattr(command, "name", None) or "install"
    return redact(ways.join(pip_words() + [name] + [str(a) for a in args]))


python_words = ways.python_words  # this interpreter, as the user can type it


def pip_words() -> List[str]:
    """How the user ran this pip: ``pip3``, or ``python3.11 -m pip``."""
    argv0 = sys.argv[0] if getattr(sys, "argv", None) else ""
    base = os.path.basename(argv0)
    if base.lower().startswith("pip") and not base.endswith(".py"):
        found = shutil.which(base)
        same = found and os.path.realpath(found) == os.path.realpath(argv0)
        return [base if same else argv0]
    return python_words() + ["-m", "pip"]


_SOURCE_SUFFIXES = (".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".zip", ".tar")


def _given_as_source(args: Sequence[str], package: str) -> bool:
    """Did the command line name this package's source (a file, a directory,
    a VCS or archive URL) rather than a requirement?"""
    norm = re.sub(r"[-_.]+", "-", package).lower()
    for arg in args:
        if arg.startswith("-"):
            continue
        low = arg.lower()
        if not ("/" in arg or "\\" in arg or "://" in arg or low.endswith(_SOURCE_SUFFIXES) or arg == "."):
            continue
        base = re.sub(r"[-_.]+", "-", os.path.basename(arg.rstrip("/\\").split("#")[0])).lower()
        if base.startswith(norm) or arg == "." or "+" in arg.split("://")[0]:
            return True
    return False


def _why_source(args: Sequence[str]) -> Optional[str]:
    """The note saying why pip built from source (``{label}``/``{package}`` filled per failure)."""
    if any(a.startswith("--no-binary") for a in args):
        return "pip built {label} from source because --no-binary asked it to."
    if not _tag:
        return None
    return ("pip built {label} from source: it found no wheel of {label} for this interpreter"
            " (most specific tag: %s)." % _tag)


def why_note(args: Sequence[str], package: Optional[str]) -> Optional[str]:
    if not package:
        return None
    if _given_as_source(args, package):
        return "pip built {label} from source because the command line named its source."
    return _why_source(args)


def _quiet_level(args: Sequence[str]) -> int:
    level = 0
    for a in args:
        if a == "--quiet":
            level += 1
        elif a.startswith("-q") and set(a[1:]) == {"q"}:
            level += len(a) - 1
    return level


ENV_ORACLE = "PIP_EXPLAIN_ORACLE"  # "0": no wheel oracle
ENV_CHECKS = "PIP_EXPLAIN_CHECKS"  # "0": no live checks


def _off(name: str) -> bool:
    return os.environ.get(name, "1").strip().lower() in ("0", "false", "no", "off")


def explain_run(run) -> List[Explained]:
    platform = _platform or detect()
    explained = []
    args = [str(a) for a in run.args]
    command = getattr(run.command, "name", None) or "install"
    prober = None
    asked = {}
    for failure in run.failures:
        package, version = getattr(failure, "package", None), getattr(failure, "version", None)
        if package is None:
            package, version = identify(failure)
        e = explain_lines(failure.lines, platform, package, version, step_label(failure.description), live=True,
                          facts=_command_facts(args + [str(failure.description or "")]))
        if not _off(ENV_CHECKS):
            if prober is None:
                from pip_explain.enrich.probes import Prober

                prober = Prober()
            e = _guarded(with_checks, e, prober)
            reading = _needs_read.pop(id(failure), None)
            if reading is not None:  # the same prober: the live checks' 3 s budget covers these too
                e = _guarded(with_also_missing, e, reading, prober, "--no-build-isolation" not in args)
        facts = None
        if package and not _off(ENV_ORACLE) and getattr(failure, "finder", None) is not None \
                and getattr(failure, "from_index", False):
            key = (package, version)
            if key not in asked:
                from pip_explain.enrich import wheels

                asked[key] = wheels.bounded(wheels.ask, failure.finder, package, version,
                                            _specifier(getattr(failure, "requirement", None), package))
            facts = asked[key]
        e = _guarded(with_wheels, e, facts, pip_words(), command, args)
        explained.append(e)
    return explained


def machine_json(platform: Optional[Platform]):
    """The JSON ``platform`` object of the machine pip runs on."""
    if platform is None:
        return None
    name = {"darwin": "macos", "windows": "windows"}.get(platform.system, platform.distro or platform.system)
    return {"name": name or None, "version": platform.version or None, "source": "this-machine", "evidence": [],
            "label": platform.label}


def _guarded(func, e, *args):
    try:
        return func(e, *args)
    except Exception as exc:
        from pip_explain._env import debug

        debug(exc)
        return e


def _specifier(requirement: Optional[str], package: str) -> str:
    """The version part of the requirement pip built ("psutil<7" -> "<7")."""
    if not requirement:
        return ""
    try:
        from packaging.requirements import Requirement

        return str(Requirement(requirement).specifier)
    except Exception:
        return ""


def emit(run, status: int, stream=None) -> None:
    """Append the explanation to pip's output (stderr)."""
    stream = stream or sys.stderr
    args = [str(a) for a in run.args]
    if _quiet_level(args) >= 3:
        return
    prepare()
    explained = explain_run(run)
    retry = retry_command(run.command, args)
    label = _platform.label if _platform else ""
    from pip_explain import ci, runmark

    runmark.note_reported()  # under `pip-explain run`: this pip explained itself
    ci.annotate(explained, retry, label, stream)  # GitHub Actions: ::error lines, step summary
    if os.environ.get(ENV_FORMAT, "").strip().lower() == "json":
        stream.write(json.dumps(render.to_json(explained, retry, machine_json(_platform)), ensure_ascii=False) + "\n")
        stream.flush()
        return
    width = shutil.get_terminal_size((80, 24)).columns
    lines = render.panel(explained, retry, width, label, lambda e: why_note(args, e.package))
    try:
        stream.write("\n")
        with ci.section(stream, ci.header(explained)):  # GitLab CI: a collapsible section
            render.write(lines, stream, render.use_color(stream, args), width)
    except BrokenPipeError:
        pass
