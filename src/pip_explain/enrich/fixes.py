"""Turn "this package is missing" into the command for this machine."""
from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from typing import Dict, Mapping, Optional, Sequence, Tuple, Union

from pip_explain.enrich.platform import APK, APT, BREW, CONDA, DNF, PACMAN, YUM, ZYPPER, Platform
from pip_explain.model import Fix

Packages = Mapping[str, Union[str, Sequence[str], None]]


@dataclass(frozen=True)
class Context:
    """What a rule's fix and verify functions may look at."""

    platform: Platform
    detail: Optional[str] = None
    package: Optional[str] = None  # the distribution being built, when known
    evidence: str = ""  # the line that proved the diagnosis
    live: bool = False  # inside the failing pip (the platform's Python is the one that built)

    @property
    def manager(self) -> Optional[str]:
        return self.platform.manager


def install_command(platform: Platform, manager: str, packages: Sequence[str]) -> str:
    names = " ".join(shlex.quote(p) for p in packages)
    sudo = "sudo " if platform.sudo and manager not in (BREW, CONDA) else ""
    if manager == APT:
        if not platform.sudo and _is_root():
            return "apt-get update && apt-get install -y " + names  # containers start with no lists
        return sudo + "apt-get install " + names
    if manager in (DNF, YUM):
        return sudo + manager + " install " + names
    if manager == APK:
        return sudo + "apk add " + names
    if manager == PACMAN:
        return sudo + "pacman -S --needed " + names
    if manager == ZYPPER:
        return sudo + "zypper install " + names
    if manager == BREW:
        return "brew install " + names
    if manager == CONDA:
        return "conda install -c conda-forge " + names
    raise ValueError(manager)


def install(ctx: Context, packages: Packages, label: str = "") -> Tuple[Fix, ...]:
    """The install command for this machine's package manager, if the table has
    a package for it; nothing otherwise (never a guessed name)."""
    platform = ctx.platform
    order = [platform.manager] if platform.manager else []
    if platform.python is not None and platform.python.origin == "conda" and CONDA not in order:
        order.insert(0, CONDA)
    for manager in order:
        names = packages.get(manager) if manager else None
        if not names:
            continue
        if isinstance(names, str):
            names = names.split()
        return (Fix(install_command(platform, manager, names), label),)
    port = packages.get("vcpkg")
    if isinstance(port, (list, tuple)):
        port = " ".join(port)
    if platform.system == "windows" and port:
        # vcpkg installs into its own tree: the build finds it through INCLUDE and LIB
        return (Fix("vcpkg install %s:x64-windows" % shlex.quote(str(port)),
                    (label + " with vcpkg" if label else "install it with vcpkg") + ", then add its include and lib"
                    " directories to the INCLUDE and LIB environment variables before retrying"),)
    return ()


def search_hint(ctx: Context, path: str) -> Tuple[Fix, ...]:
    """How to find the package that ships a file, when the table has none."""
    manager = ctx.platform.manager
    q = shlex.quote
    if manager == APT:
        return (Fix("apt-file search " + q(path), "find the package that ships it (apt-get install apt-file; apt-file update)"),)
    if manager in (DNF, YUM):
        return (Fix(manager + " provides " + q("*/" + path), "find the package that ships it"),)
    if manager == PACMAN:
        return (Fix("pacman -F " + q(path), "find the package that ships it (pacman -Fy first)"),)
    if manager == ZYPPER:
        return (Fix("zypper search --provides " + q(path), "find the package that ships it"),)
    if manager == BREW:
        return (Fix("brew search " + q(path.rsplit("/", 1)[-1].split(".")[0]), "look for the library in Homebrew"),)
    return ()


def _is_root() -> bool:
    try:
        import os

        return os.geteuid() == 0
    except AttributeError:
        return False


def quote(arg: str) -> str:
    return shlex.quote(arg)


def table(**by_manager: Union[str, Sequence[str], None]) -> Dict[str, Union[str, Sequence[str], None]]:
    """``table(apt="libffi-dev", dnf="libffi-devel", ...)``: readable rule data."""
    return dict(by_manager)


_RUNS = re.compile(r"[-_.]+")
# Packages whose authors publish the same code, prebuilt, under another name.
BINARY_SIBLINGS = {"psycopg2": "psycopg2-binary", "psycopg": "psycopg[binary]", "psycopg-c": "psycopg[binary]"}


def binary_sibling(package: Optional[str]) -> Optional[str]:
    if not package:
        return None
    return BINARY_SIBLINGS.get(_RUNS.sub("-", package).lower())
