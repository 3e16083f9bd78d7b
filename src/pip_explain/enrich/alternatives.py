"""The ways out of a failed build, cheapest first.

1. ``upgrade-pip``: the index has a wheel of the very version pip built, in
   a tag this pip is too old to accept;
2. ``wheel-version``: another version within the requirement ships a wheel
   for this interpreter;
3. ``only-binary``: let pip pick that version itself (it also keeps other
   packages on wheels);
4. ``binary-package``: the same code published as wheels under another name;
5. ``python-version``: other CPython versions get a wheel of this version;
6. ``toolchain``: install what the build missed (the rule's fixes).

Commands are built from pip's own command line and the oracle's facts
(:mod:`pip_explain.enrich.wheels`); everything is quoted for the shell it is
shown in.
"""
from __future__ import annotations

import os
import re
import shlex
import shutil
import sys
from typing import List, Optional, Sequence, Tuple

from pip_explain.model import Alternative, Fix

_REQ_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_RUNS = re.compile(r"[-_.]+")


def _canonical(name: str) -> str:
    return _RUNS.sub("-", name).lower()


def join(words: Sequence[str]) -> str:
    if os.name == "nt":
        import subprocess

        return subprocess.list2cmdline(list(words))
    return " ".join(shlex.quote(w) for w in words)


def _names_package(arg: str, package: str) -> bool:
    if arg.startswith("-") or "/" in arg or "\\" in arg:
        return False
    m = _REQ_NAME.match(arg)
    return m is not None and _canonical(m.group(1)) == _canonical(package)


def with_requirement(args: Sequence[str], package: str, requirement: str) -> List[str]:
    """pip's arguments with the package's requirement replaced by
    ``requirement`` (or added, when it came from a file or a dependency)."""
    out, replaced = [], False
    for arg in args:
        if not replaced and _names_package(arg, package):
            out.append(requirement)
            replaced = True
        else:
            out.append(arg)
    if not replaced:
        out.append(requirement)
    return out


def _python_command(version: str) -> List[str]:
    if os.name == "nt":
        return ["py", "-" + version]
    return ["python" + version]


def build(package: Optional[str], facts, sibling: Optional[str], fixes: Sequence[Fix],
          prog: Sequence[str] = ("pip",), command: str = "install", args: Sequence[str] = (),
          python: Sequence[str] = ("python",)) -> Tuple[Alternative, ...]:
    """``prog``: how the user ran pip (["pip"], ["python3.11", "-m", "pip"]);
    ``python``: this interpreter as the user can type it; ``facts``: the
    oracle's answer or None."""
    out: List[Alternative] = []
    args = [a for a in args]
    if facts is not None and package:
        built = facts.version
        if facts.newer_pip and built:
            needed, filename = facts.newer_pip
            pip_now = "pip %s" % facts.pip_version if facts.pip_version else "this pip"
            detail = "avoid the build: %s is too old for the wheel %s, %s accepts it" % (
                pip_now, filename, "pip >= " + needed if needed else "a newer pip")
            out.append(Alternative("upgrade-pip", join(list(python) + ["-m", "pip", "install", "--upgrade", "pip"]),
                                   detail))
        if facts.best:
            detail = "avoid the build: %s %s ships a wheel for this Python%s" % (
                package, facts.best, " and satisfies your requirement (%s)" % facts.specifier if facts.specifier
                else "")
            req = "%s==%s" % (package, facts.best)
            out.append(Alternative("wheel-version", join(list(prog) + [command] + with_requirement(args, package, req)),
                                   detail))
            out.append(Alternative("only-binary", join(list(prog) + [command, "--only-binary", package] + args),
                                   "or let pip choose the newest version of %s that has a wheel here" % package))
        elif facts.outside:
            detail = ("avoid the build: %s %s ships a wheel for this Python, but your requirement (%s) excludes it"
                      % (package, facts.outside, facts.specifier))
            req = "%s==%s" % (package, facts.outside)
            out.append(Alternative("wheel-version", join(list(prog) + [command] + with_requirement(args, package, req)),
                                   detail))
    if sibling:
        out.append(Alternative("binary-package", join(list(prog) + ["install", sibling]),
                               "avoid the build: %s is the same code, published as wheels" % sibling))
    if facts is not None and package and facts.pythons and facts.version:
        target = _nearest(facts.pythons)
        listed = ", ".join(facts.pythons)
        out.append(Alternative(
            "python-version",
            join(_python_command(target.rstrip("+")) + ["-m", "pip", "install", "%s==%s" % (package, facts.version)]),
            "%s %s has wheels for Python %s on this platform (in a virtual environment of that Python)"
            % (package, facts.version, listed)))
    for fix in fixes:
        if fix and (fix.command or fix.label):
            out.append(Alternative("toolchain", fix.command, fix.label))
    return tuple(out)


def _nearest(pythons: Sequence[str]) -> str:
    """The listed Python closest to this one, newer preferred."""
    here = (sys.version_info[0], sys.version_info[1])

    def key(text):
        major, minor = text.rstrip("+").split(".")
        v = (int(major), int(minor))
        return (0 if v > here else 1, abs(v[1] - here[1]))

    return sorted(pythons, key=key)[0]


def python_words() -> List[str]:
    """This interpreter, as the user can type it."""
    exe = sys.executable or "python"
    found = shutil.which(os.path.basename(exe))
    same = found and os.path.realpath(found) == os.path.realpath(exe)
    return [os.path.basename(exe) if same else exe]
