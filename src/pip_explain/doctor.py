"""``pip-explain doctor [PACKAGE...]``: could this environment build from
source, and would these packages need to?

The same probes the panel runs after a failure (``enrich/probes.py``), as a
table for this interpreter; the fix for each failing check comes from the
rule that explains that failure. For packages, pip's own finder (built from
pip's own options: its configuration files, ``PIP_*`` variables, index URLs,
auth, certificates, proxies) and the wheel oracle answer "wheel or build?".
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from typing import Dict, List, Optional, Sequence, Tuple

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
    from pip_explain.report import python_words

    from pip_explain.enrich.alternatives import join

    return join(python_words())


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


def _finder():
    """pip's own PackageFinder, configured as ``pip install`` would be here."""
    from pip._internal.commands import create_command

    cmd = create_command("install")
    options, _ = cmd.parse_args([])
    session = cmd._build_session(options)
    finder = cmd._build_package_finder(options=options, session=session)
    return finder


def packages(requirements: Sequence[str], timeout: float = PACKAGE_TIMEOUT) -> List[PackageReport]:
    from packaging.requirements import Requirement

    from pip_explain.enrich import wheels

    out = []
    finder = None
    error = ""
    try:
        finder = _finder()
    except Exception as exc:  # pip missing, or internals changed
        error = "pip's finder is not available here (%s)" % type(exc).__name__
    for text in requirements:
        try:
            req = Requirement(text)
        except Exception:
            out.append(PackageReport(text, text, None, reason="not a requirement pip-explain can read"))
            continue
        if finder is None:
            out.append(PackageReport(text, req.name, None, reason=error))
            continue
        report = wheels.bounded(_one, finder, req, timeout=timeout)
        out.append(report or PackageReport(text, req.name, None,
                                           reason="the index did not answer within %d s" % timeout))
    return out


def _one(finder, req) -> "PackageReport":
    from pip_explain.enrich import alternatives as ways
    from pip_explain.enrich import wheels
    from pip_explain.enrich.fixes import binary_sibling
    from pip_explain.report import pip_words, python_words

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
    alternatives = ways.build(req.name, facts, binary_sibling(req.name), (), pip_words(), "install", [text],
                              python_words())
    return PackageReport(text, req.name, False, version, str(best.link.filename) if best is not None else None,
                         why, alternatives)


# -- output ------------------------------------------------------------------------

def run(requirements: Sequence[str], platform: Platform) -> Tuple[List[Check], List[PackageReport], Dict]:
    checks = toolchain(platform)
    more, info = interpreter_checks()
    return checks + more, packages(requirements) if requirements else [], info


def exit_code(checks: Sequence[Check], reports: Sequence[PackageReport]) -> int:
    """1 when a check a typical build needs fails, or a named package would
    need a build (or could not be looked up); 0 otherwise."""
    if any(c.required and not c.ok for c in checks):
        return 1
    if any(r.wheel is not True for r in reports):
        return 1
    return 0


def to_json(checks, reports, platform: Platform, info: Dict) -> Dict:
    return {
        "platform": platform.label,
        "python": "%s %d.%d" % (sys.implementation.name, sys.version_info[0], sys.version_info[1]),
        "pip": info.get("pip"),
        "ok": exit_code(checks, reports) == 0,
        "checks": [{"name": c.name, "ok": c.ok, "detail": c.detail, "fix": c.fix or None, "required": c.required}
                   for c in checks],
        "packages": [{"requirement": r.requirement, "name": r.name, "wheel": r.wheel, "version": r.version,
                      "file": r.file, "reason": r.reason,
                      "alternatives": [{"kind": a.kind, "command": a.command, "detail": a.detail}
                                       for a in r.alternatives]} for r in reports],
    }


def lines(checks, reports, platform: Platform, info: Dict) -> List[List[Tuple[str, str]]]:
    """The report as lines of (text, style) spans, for render.write."""
    from pip_explain import render

    out: List[List[Tuple[str, str]]] = []
    head = "pip-explain doctor: %s, %s %d.%d%s" % (
        platform.label, sys.implementation.name, sys.version_info[0], sys.version_info[1],
        ", pip " + info["pip"] if info.get("pip") else "")
    out.append([(head, render.BOLD)])
    out.append([])
    width = max(len(c.name) for c in checks) if checks else 10
    for c in checks:
        mark = ("✔ ", render.OK) if c.ok else (("✘ ", render.ERROR) if c.required else ("– ", render.DIM))
        out.append([("  ",  ""), mark, (c.name.ljust(width + 2), render.BOLD), (c.detail, "")])
        if c.fix and not c.ok:
            out.append([(" " * (width + 6) + "fix: ", render.HINT), (c.fix, render.BOLD)])
    if reports:
        out.append([])
        for r in reports:
            if r.wheel:
                out.append([("  ✔ ", render.OK), ("%s %s" % (r.name, r.version), render.BOLD),
                            (": %s (%s)" % (r.reason, r.file), "")])
                continue
            mark = ("  ✘ ", render.ERROR) if r.wheel is False else ("  ? ", render.DIM)
            label = "%s %s" % (r.name, r.version) if r.version else r.name
            out.append([mark, (label, render.BOLD), (": " + r.reason, "")])
            for a in r.alternatives:
                out.append([("      %s: " % a.detail, ""), (a.command, render.BOLD)])
    missing = [c for c in checks if c.required and not c.ok]
    out.append([])
    if missing:
        out.append([("A typical source build would fail here: ", render.ERROR),
                    (", ".join(c.name for c in missing) + " missing.", "")])
    else:
        out.append([("A typical C extension can be built here.", render.OK)])
    return out
