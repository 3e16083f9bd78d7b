"""``pip-explain doctor [PACKAGE...]``: could this environment build from
source, and would these packages need to?

The same probes the panel runs after a failure (``enrich/probes.py``), as a
table for this interpreter; the fix for each failing check comes from the
rule that explains that failure. For packages, pip's own finder (built from
pip's own options: its configuration files, ``PIP_*`` variables, index URLs,
auth, certificates, proxies) and the wheel oracle answer "wheel or build?".
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, replace
from typing import Any, Dict, List, Optional, Sequence, Tuple

from pip_explain.enrich import probes
from pip_explain.enrich.fixes import Context
from pip_explain.enrich.platform import Platform
from pip_explain.model import Alternative, Check

#: Seconds allowed for the index to answer about one package.
PACKAGE_TIMEOUT = 20.0


def _fix(platform: Platform, code: str, detail: Optional[str]) -> str:
    """The first command of rule ``code``'s fix on this machine."""
    try:
        from pip_explain.rules import by_code

        fixes = by_code()[code].fix(Context(platform, detail, None, "", True)) or ()
    except Exception:
        return ""
    return next((f.command for f in fixes if f and f.command), "")


def _prog(c: Check) -> str:
    return c.name.split("compiler ", 1)[-1]


def _first_working(checks: Sequence[Check], name: str, required: bool, fix: str) -> Check:
    for c in checks:
        if c.ok:
            return Check(name, True, "%s: %s" % (_prog(c), c.detail), required=required)
    return Check(name, False, "not found (tried %s)" % ", ".join(_prog(c) for c in checks), fix=fix,
                 required=required)


def toolchain(platform: Platform, prober: Optional[probes.Prober] = None) -> List[Check]:
    """What a typical source build needs (``required``), and the rest."""
    prober = prober or probes.Prober(budget=15.0)
    system = platform.system
    out: List[Check] = []
    if system == "windows":
        out += [replace(c, required=c.name.startswith("Microsoft"), fix=_fix(platform, "PX003", None) if not c.ok
                        else "") for c in probes.msvc_checks(prober)]
    else:
        if system == "darwin":
            out += [replace(c, required=True, contradicts=False, fix="" if c.ok else _fix(platform, "PX004", None))
                    for c in probes.xcode_checks(prober)]
        cc = probes.compiler_checks(prober, "c", limit=5)
        out.append(_first_working(cc, "C compiler", True, _fix(platform, "PX001", "gcc")))
        cxx = probes.compiler_checks(prober, "c++", limit=5)
        out.append(_first_working(cxx, "C++ compiler", False, _fix(platform, "PX002", "g++")))
    headers = probes.python_headers_check()
    out.append(replace(headers, contradicts=False, required=True,
                       fix="" if headers.ok else _fix(platform, "PX010", "Python.h")))
    for name, code, detail in (("rustc", "PX020", None), ("cargo", "PX020", None), ("pkg-config", "PX031", "pkg-config"),
                               ("cmake", "PX040", None), ("ninja", "PX041", "ninja"), ("meson", "PX041", "meson"),
                               ("gfortran", "PX005", "gfortran")):
        c = probes.program_check(prober, name, name)
        out.append(replace(c, fix="" if c.ok else _fix(platform, code, detail)))
    return out


def interpreter_checks() -> Tuple[List[Check], Dict]:
    """This interpreter's wheel tags, and whether its pip accepts all of them."""
    info: Dict = {}
    out: List[Check] = []
    try:
        from packaging.tags import sys_tags

        modern = [str(t) for t in sys_tags()]
    except Exception:
        modern = []
    indexable = next((t for t in modern if not t.rsplit("-", 1)[-1].startswith("linux_")), modern[0] if modern else "")
    info["tags"] = modern
    out.append(Check("wheel tags", bool(modern), "%s (most specific of %d)" % (indexable, len(modern))
                     if modern else "could not be computed"))
    try:
        import pip
        from pip._internal.utils.compatibility_tags import get_supported

        pip_tags = set(str(t) for t in get_supported())
        version = str(pip.__version__)
    except Exception:
        out.append(Check("pip", False, "pip is not importable from this interpreter",
                         fix=_python() + " -m ensurepip --upgrade"))
        return out, info
    info["pip"] = version
    unknown = [t for t in modern if t not in pip_tags]
    newest = next((t for t in modern if t in pip_tags and not t.rsplit("-", 1)[-1].startswith("linux_")), "")
    platform_of = newest.rsplit("-", 1)[-1] if newest else "none"
    if unknown:
        out.append(Check("pip", False, "pip %s does not accept %d of this interpreter's tags (e.g. %s): wheels "
                         "with them look incompatible to it" % (version, len(unknown), unknown[0]),
                         fix=_python() + " -m pip install --upgrade pip"))
    else:
        out.append(Check("pip", True, "pip %s accepts every tag of this interpreter (newest platform: %s)"
                         % (version, platform_of)))
    return out, info


def _python() -> str:
    from pip_explain.enrich.alternatives import join

    return join(user_python())


# -- packages ----------------------------------------------------------------------

@dataclass
class PackageReport:
    requirement: str
    name: str
    wheel: Optional[bool] = None  # True: a wheel here; False: a build; None: could not tell
    version: Optional[str] = None
    file: Optional[str] = None
    reason: str = ""
    alternatives: Tuple[Alternative, ...] = ()
    build: Optional[Any] = None  # foresight.Reading, checked on this machine, when it builds
    source: Optional[str] = None  # the sdist or tree that was read
    source_link: Optional[object] = None  # pip's Link of the sdist it would build


@dataclass
class Request:
    """What doctor was asked, read by pip's own parser."""

    targets: List[Tuple[str, object, str]]  # (text, packaging Requirement | local path | Link, kind)
    skipped: List[str]  # requirements whose markers are false here
    finder: object = None
    session: object = None
    options: object = None
    error: str = ""


def _pip_install_command():
    from pip._internal.commands import create_command

    return create_command("install")


def parse_request(argv: Sequence[str]) -> Request:
    """``argv`` as ``pip install`` reads it (requirement files, nested ``-r``,
    ``-c`` constraints, index options, local sdists and trees), with pip's
    own parser and finder; markers evaluated for this interpreter."""
    try:
        cmd = _pip_install_command()
        try:
            options, args = cmd.parse_args(list(argv))
        except SystemExit as exc:
            return Request([], [], error="pip could not read these arguments (exit %s)" % exc.code)
        session = cmd._build_session(options)
        finder = cmd._build_package_finder(options=options, session=session)
        ireqs = cmd.get_requirements(args, options, finder, session)
    except (ImportError, AttributeError, TypeError) as exc:  # pip missing, or its internals changed
        return _parse_without_pip(argv, "%s: %s" % (type(exc).__name__, exc))
    except Exception as exc:  # pip's own answer: a requirements file it cannot open, a bad requirement
        from pip_explain.sanitize import plain

        return Request([], [], error="pip: %s" % plain(str(exc))[:500])
    constraints: Dict[str, object] = {}
    for ireq in ireqs:
        if getattr(ireq, "constraint", False) and getattr(ireq, "req", None) is not None and _markers_ok(ireq):
            key = _canon(ireq.req.name)
            prev = constraints.get(key)
            constraints[key] = ireq.req.specifier if prev is None else prev & ireq.req.specifier
    targets: List[Tuple[str, object, str]] = []
    skipped: List[str] = []
    for ireq in ireqs:
        if getattr(ireq, "constraint", False):
            continue
        text = str(getattr(ireq, "req", None) or getattr(getattr(ireq, "link", None), "url", "") or ireq)
        if not _markers_ok(ireq):
            skipped.append(text + (" ; " + str(ireq.markers) if getattr(ireq, "markers", None) else ""))
            continue
        link = getattr(ireq, "link", None)
        if link is not None and getattr(ireq, "original_link", link) is not None and (
                getattr(ireq, "req", None) is None or getattr(link, "url", "").startswith(("file:", "http:", "https:"))):
            path = getattr(link, "file_path", None) if str(link.url).startswith("file:") else None
            if path and os.path.isdir(path):
                targets.append((path, path, "tree"))
            elif path:
                targets.append((path, path, "file"))
            else:
                targets.append((str(link.url), link, "url"))
            continue
        req = ireq.req
        extra = constraints.get(_canon(req.name))
        if extra is not None:
            from packaging.requirements import Requirement

            merged = Requirement(str(req))
            merged.specifier = req.specifier & extra
            req = merged
        targets.append((text, req, "name"))
    return Request(targets, skipped, finder, session, options)


def _markers_ok(ireq) -> bool:
    try:
        return bool(ireq.match_markers())
    except Exception:
        return True


def _canon(name: str) -> str:
    import re

    return re.sub(r"[-_.]+", "-", name).lower()


def _parse_without_pip(argv: Sequence[str], why: str) -> Request:
    """Names and specifiers only (``packaging``), when pip's parser is not usable."""
    from packaging.requirements import Requirement

    targets: List[Tuple[str, object, str]] = []
    skipped: List[str] = []
    for text in argv:
        if text.startswith("-"):
            continue
        if os.path.exists(text):
            targets.append((text, os.path.abspath(text), "tree" if os.path.isdir(text) else "file"))
            continue
        try:
            req = Requirement(text)
        except Exception:
            targets.append((text, None, "bad"))
            continue
        if req.marker is not None and not req.marker.evaluate():
            skipped.append(text)
            continue
        targets.append((text, req, "name"))
    return Request(targets, skipped, error="pip's finder is not available here (%s)" % why)


def packages(requirements: Sequence[str], timeout: float = PACKAGE_TIMEOUT, platform: Optional[Platform] = None,
             request: Optional[Request] = None) -> List[PackageReport]:
    from pip_explain.enrich import foresight, wheels

    request = request or parse_request(requirements)
    out = []
    isolation = bool(getattr(request.options, "build_isolation", True)) if request.options is not None else True
    where = None
    for text, target, kind in request.targets:
        if kind == "bad" or target is None:
            out.append(PackageReport(text, text, None, reason="not a requirement pip-explain can read"))
            continue
        if kind in ("file", "tree", "url"):
            report = PackageReport(text, os.path.basename(str(text).rstrip("/")) or text, False,
                                   reason="pip would build it from %s" % ("this source tree" if kind == "tree"
                                                                         else "this sdist"))
        elif request.finder is None:
            out.append(PackageReport(text, target.name, None, reason=request.error))  # type: ignore[attr-defined]
            continue
        else:
            found = wheels.bounded(_one, request.finder, target, timeout=timeout)
            report = found or PackageReport(text, target.name, None,  # type: ignore[attr-defined]
                                            reason="the index did not answer within %d s" % timeout)
        if report.wheel is False and platform is not None:
            if where is None:
                where = foresight.machine(probes.Prober(budget=60.0), platform, isolation)
            _foresee(report, target if kind != "name" else report.source_link, kind, request, where)
        out.append(report)
    return out


def _foresee(report: PackageReport, target, kind: str, request: Request, where) -> None:
    """Read what pip would build and check its needs here (fills report.build)."""
    from pip_explain.enrich import foresight

    if target is None:
        return
    try:
        if kind in ("file", "tree"):
            path = str(target)
        else:
            cache = getattr(request.options, "cache_dir", None) if request.options is not None else None
            if request.session is None:
                return
            path = foresight.fetch(request.session, target, cache or None)
        report.source = path
        reading = foresight.read_source(path)
    except Exception as exc:
        report.reason += "; its sources could not be read (%s)" % type(exc).__name__
        return
    if kind != "name":
        if reading.name:
            report.name = reading.name
        report.version = reading.version or report.version
        report.file = os.path.basename(path.rstrip("/"))
    report.build = foresight.check(reading, where)
    if not reading.compiled:
        report.reason += "; pure Python: nothing to compile"


def _one(finder, req) -> "PackageReport":
    from pip_explain.enrich import alternatives as ways
    from pip_explain.enrich import wheels
    from pip_explain.enrich.fixes import binary_sibling

    text = str(req)
    result = finder.find_best_candidate(req.name, req.specifier)
    best = getattr(result, "best_candidate", None)
    if best is not None and getattr(best.link, "is_wheel", False):
        return PackageReport(text, req.name, True, str(best.version), str(best.link.filename),
                             "installs from a wheel")
    found = wheels.listing(finder, req.name, finder.find_all_candidates(req.name))
    version = str(best.version) if best is not None else wheels.newest_version(found[1], req.name, req.specifier)
    if version is None:
        return PackageReport(text, req.name, None, reason="no version of %s on the configured indexes matches %s"
                             % (req.name, req.specifier or "any version"))
    facts = wheels.facts_for(finder, req.name, version, str(req.specifier), found)
    if best is not None:
        why = "no wheel of %s %s for this interpreter: pip would build %s" % (req.name, version, best.link.filename)
    else:
        why = "no file of %s %s that this pip can install here" % (req.name, version)
    if facts.newer_pip:
        why = "pip %s is too old for %s: %s" % (facts.pip_version, facts.newer_pip[1],
                                               "it would build %s" % best.link.filename if best is not None
                                               else "it finds nothing to install")
    alternatives = ways.build(req.name, facts, binary_sibling(req.name), (), user_pip(), "install", [text],
                              user_python())
    report = PackageReport(text, req.name, False, version, str(best.link.filename) if best is not None else None,
                           why, alternatives)
    report.source_link = best.link if best is not None else None
    return report


def user_python() -> List[str]:
    """This interpreter as a person would type it: ``python3.11`` when that
    name on PATH is this interpreter, else its path."""
    import shutil

    exe = sys.executable or "python"
    real = os.path.realpath(exe)
    for name in (os.path.basename(exe), "python%d.%d" % sys.version_info[:2], "python3", "python"):
        found = shutil.which(name)
        if found and os.path.realpath(found) == real and os.path.dirname(found) == os.path.dirname(exe):
            return [name]
    return [exe]


def user_pip() -> List[str]:
    """This interpreter's pip as a person would type it: ``pip`` when the
    ``pip`` on PATH belongs to this interpreter, else ``python3.11 -m pip``
    (never the path of the pip-explain script)."""
    import shutil

    here = os.path.dirname(sys.executable or "")
    for name in ("pip", "pip3", "pip%d.%d" % sys.version_info[:2]):
        found = shutil.which(name)
        if found and os.path.dirname(os.path.abspath(found)) == here:
            return [name]
    return user_python() + ["-m", "pip"]


# -- output ------------------------------------------------------------------------

def run(requirements: Sequence[str], platform: Platform) -> Tuple[List[Check], List[PackageReport], Dict]:
    checks = toolchain(platform)
    more, info = interpreter_checks()
    reports: List[PackageReport] = []
    if requirements:
        import logging

        logging.getLogger("pip").addHandler(logging.NullHandler())  # the finder's warnings: not on our output
        request = parse_request(requirements)
        info["skipped"] = request.skipped
        if request.error and not request.targets:
            info["error"] = request.error
        reports = packages(requirements, platform=platform, request=request)
    return checks + more, reports, info


def missing_needs(reports: Sequence[PackageReport]) -> List[Tuple[PackageReport, Any]]:
    out: List[Tuple[PackageReport, Any]] = []
    for r in reports:
        for n in getattr(r.build, "missing", None) or ():
            out.append((r, n))
    return out


def exit_code(checks: Sequence[Check], reports: Sequence[PackageReport], info: Optional[Dict] = None) -> int:
    """Without packages: 1 when a check a typical build needs fails. With
    packages: 1 when a build they need misses something here, or a package
    could not be looked up (or its sources read); 0 otherwise."""
    if info and info.get("error"):
        return 1
    if not reports:
        return 1 if any(c.required and not c.ok for c in checks) else 0
    for r in reports:
        if r.wheel is None:
            return 1
        if r.wheel is False and (r.build is None or r.build.missing):
            return 1
    return 0


def summary(reports: Sequence[PackageReport], platform: Platform) -> Dict:
    """One install command for every system package the builds miss, the
    other commands, and the cheaper ways out."""
    from pip_explain.enrich import foresight

    fixes = [n.fix for _, n in missing_needs(reports) if n.fix]
    install, others = foresight.combined(platform, fixes)
    ways: List[Any] = []
    for r, _ in missing_needs(reports):
        for a in r.alternatives:
            if a.kind != "toolchain" and a.command not in [w["command"] for w in ways]:
                ways.append({"package": r.name, "kind": a.kind, "command": a.command, "detail": a.detail})
    return {"install": install or None, "other": others, "ways_out": ways,
            "missing": ["%s: %s" % (r.name, n.label) for r, n in missing_needs(reports)]}


def _build_json(r: PackageReport):
    b = r.build
    if b is None:
        return None
    return {"backend": b.backend or None, "languages": list(b.languages), "compiled": b.compiled,
            "needs": [{"cause": n.cause, "detail": n.detail, "ok": n.ok, "evidence": n.evidence, "fix": n.fix or None,
                       "found": n.found, "optional": n.optional} for n in b.needs],
            "notes": list(b.notes), "source": r.source}


def to_json(checks, reports, platform: Platform, info: Dict) -> Dict:
    data = {
        "platform": platform.label,
        "python": "%s %d.%d" % (sys.implementation.name, sys.version_info[0], sys.version_info[1]),
        "pip": info.get("pip"),
        "ok": exit_code(checks, reports, info) == 0,
        "checks": [{"name": c.name, "ok": c.ok, "detail": c.detail, "fix": c.fix or None, "required": c.required}
                   for c in checks],
        "packages": [{"requirement": r.requirement, "name": r.name, "wheel": r.wheel, "version": r.version,
                      "file": r.file, "reason": r.reason,
                      "alternatives": [{"kind": a.kind, "command": a.command, "detail": a.detail}
                                       for a in r.alternatives],
                      "build": _build_json(r)} for r in reports],
    }
    if reports:
        data["missing"] = summary(reports, platform)
    if info.get("skipped"):
        data["skipped"] = list(info["skipped"])
    if info.get("error"):
        data["error"] = info["error"]
    return data


def lines(checks, reports, platform: Platform, info: Dict) -> List[List[Tuple[str, str]]]:
    """The report as lines of (text, style) spans, for render.write."""
    from pip_explain import render

    out: List[List[Tuple[str, str]]] = []
    head = "pip-explain doctor: %s, %s %d.%d%s" % (
        platform.label, sys.implementation.name, sys.version_info[0], sys.version_info[1],
        ", pip " + info["pip"] if info.get("pip") else "")
    out.append([(head, render.BOLD)])
    out.append([])
    if reports:  # the packages' own needs replace the generic toolchain table
        checks = [c for c in checks if c.name in ("wheel tags", "pip")]
    width = max(len(c.name) for c in checks) if checks else 10
    for c in checks:
        mark = ("✔ ", render.OK) if c.ok else (("✘ ", render.ERROR) if c.required else ("– ", render.DIM))
        out.append([("  ",  ""), mark, (c.name.ljust(width + 2), render.BOLD), (c.detail, "")])
        if c.fix and not c.ok:
            out.append([(" " * (width + 6) + "fix: ", render.HINT), (c.fix, render.BOLD)])
    if info.get("error"):
        out.append([])
        out.append([("  ? ", render.DIM), (info["error"], "")])
    if reports:
        out.append([])
        for r in reports:
            _package_lines(out, r)
        for text in info.get("skipped") or ():
            out.append([("  – ", render.DIM), (text, render.BOLD), (": not for this interpreter (its marker is false"
                                                                       " here)", render.DIM)])
        out.append([])
        missing = missing_needs(reports)
        if missing:
            s = summary(reports, platform)
            out.append([("Missing here for these builds: ", render.ERROR),
                        (", ".join(dict.fromkeys(n.label for _, n in missing)) + ".", "")])
            if s["install"]:
                out.append([("  install them all: ", render.HINT), (s["install"], render.BOLD)])
            for cmd in s["other"]:
                out.append([("  and: ", render.HINT), (cmd, render.BOLD)])
            if s["ways_out"]:
                out.append([("Or avoid the builds:", render.HINT)])
                for w in s["ways_out"]:
                    out.append([("  %s: " % w["detail"], ""), (w["command"], render.BOLD)])
        elif any(r.wheel is None for r in reports):
            out.append([("Some packages could not be looked up (above).", render.DIM)])
        elif any(r.wheel is False for r in reports):
            out.append([("Everything these builds need was found here.", render.OK)])
        else:
            out.append([("Every package installs from a wheel here: nothing to build.", render.OK)])
        return out
    missing_checks = [c for c in checks if c.required and not c.ok]
    out.append([])
    if missing_checks:
        out.append([("A typical source build would fail here: ", render.ERROR),
                    (", ".join(c.name for c in missing_checks) + " missing.", "")])
    else:
        out.append([("A typical C extension can be built here.", render.OK)])
    return out


def _package_lines(out, r: PackageReport) -> None:
    from pip_explain import render

    if r.wheel:
        out.append([("  ✔ ", render.OK), ("%s %s" % (r.name, r.version), render.BOLD),
                    (": %s (%s)" % (r.reason, r.file), "")])
        return
    b = r.build
    bad = r.wheel is None or b is None or bool(b.missing)
    mark = ("  ✘ ", render.ERROR) if bad and r.wheel is False else (("  ? ", render.DIM) if r.wheel is None
                                                                     else ("  ✔ ", render.OK))
    label = "%s %s" % (r.name, r.version) if r.version else r.name
    out.append([mark, (label, render.BOLD), (": " + r.reason, "")])
    if b is not None:
        if b.needs:
            what = ", ".join(b.languages) if b.languages else "no compiled code"
            out.append([("      builds from source with %s (%s); needs:" % (_backend_name(b.backend), what),
                         "")])
            width = max(len(n.label) for n in b.needs)
            for n in b.needs:
                if n.ok:
                    m = ("✔ ", render.OK)
                elif n.ok is None:
                    m = ("? ", render.DIM)
                else:
                    m = ("– ", render.DIM) if n.optional else ("✘ ", render.ERROR)
                note = " (optional)" if n.optional else ""
                out.append([("        ", ""), m, (n.label.ljust(width + 2), render.BOLD),
                            ((n.found or "") + note, "" if n.ok else render.DIM), ("  [%s]" % n.evidence, render.DIM)])
                if n.ok is False and n.fix and not n.optional:
                    out.append([(" " * (width + 12) + "fix: ", render.HINT), (n.fix, render.BOLD)])
        for note in b.notes:
            out.append([("      note: " + note, render.DIM)])
    if bad or r.wheel is None:
        for a in r.alternatives:
            out.append([("      %s: " % a.detail, ""), (a.command, render.BOLD)])


def _backend_name(backend: str) -> str:
    if not backend:
        return "an unknown backend"
    if backend.startswith("setuptools.build_meta:__legacy__"):
        return "setuptools (setup.py)"
    return backend.split(":")[0].split(".")[0].replace("_", "-") if backend != "mesonpy" else "meson-python"
