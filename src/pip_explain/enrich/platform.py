"""What machine and interpreter a fix is for: pure parsing, one reading edge."""
from __future__ import annotations

import os
import shutil
import sys
import sysconfig
from dataclasses import dataclass, field
from typing import Dict, Optional, Tuple

APT, DNF, YUM, APK, PACMAN, ZYPPER, BREW, CONDA = "apt", "dnf", "yum", "apk", "pacman", "zypper", "brew", "conda"

_FAMILIES = (
    # (os-release ids, manager)
    (("debian", "ubuntu", "linuxmint", "pop", "raspbian", "kali", "elementary", "neon", "zorin", "devuan"), APT),
    (("fedora", "rhel", "centos", "rocky", "almalinux", "ol", "amzn", "nobara"), DNF),
    (("alpine", "postmarketos"), APK),
    (("arch", "archarm", "manjaro", "endeavouros", "garuda", "artix"), PACMAN),
)


@dataclass(frozen=True)
class Python:
    version: Tuple[int, int]
    implementation: str  # "cpython", "pypy", ...
    executable: str
    base_prefix: str
    include: str  # where Python.h must be
    from_distro: bool  # installed by the OS package manager (/usr)
    origin: str  # "distro", "pyenv", "uv", "conda", "homebrew", "python.org", "other"


@dataclass(frozen=True)
class Platform:
    system: str  # "linux", "darwin", "windows" or sys.platform
    distro: str = ""  # os-release ID
    like: Tuple[str, ...] = ()
    version: str = ""
    name: str = ""  # PRETTY_NAME, or "macOS", "Windows"
    manager: Optional[str] = None  # apt dnf yum apk pacman zypper brew conda
    sudo: bool = False  # prefix system package commands with sudo
    python: Optional[Python] = None
    extra: Dict[str, str] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.name or self.system


def parse_os_release(text: str) -> Dict[str, str]:
    values = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        values[key.strip()] = value
    return values


def manager_for(distro: str, like: Tuple[str, ...], version: str = "") -> Optional[str]:
    for ident in (distro,) + like:
        if ident.startswith("opensuse") or ident in ("sles", "sled", "suse"):
            return ZYPPER
        for ids, manager in _FAMILIES:
            if ident in ids:
                return YUM if manager == DNF and _old_rhel(distro, version) else manager
    return None


def _old_rhel(distro: str, version: str) -> bool:
    major = version.split(".")[0]
    if not major.isdigit():
        return False
    return (distro in ("rhel", "centos", "ol") and int(major) < 8) or (distro == "amzn" and int(major) < 2023)


def python_origin(base_prefix: str, executable: str, conda: bool, system: str) -> str:
    path = (base_prefix + os.sep + executable).replace("\\", "/").lower()
    if conda:
        return "conda"
    if "/.pyenv/" in path or "/pyenv/" in path:
        return "pyenv"
    if "/uv/python/" in path:
        return "uv"
    if system == "darwin" and ("/homebrew/" in path or "/cellar/" in path):
        return "homebrew"
    if system == "darwin" and "/library/frameworks/python.framework" in path:
        return "python.org"
    if system == "windows":
        return "python.org"
    if base_prefix in ("/usr", "/usr/"):
        return "distro"
    return "other"


def detect_python() -> Python:
    base = getattr(sys, "base_prefix", sys.prefix)
    conda = os.path.isdir(os.path.join(sys.prefix, "conda-meta")) or os.path.isdir(os.path.join(base, "conda-meta"))
    system = _system()
    try:
        include = sysconfig.get_paths()["include"]
    except Exception:
        include = os.path.join(base, "include")
    origin = python_origin(base, sys.executable, conda, system)
    return Python(
        version=(sys.version_info[0], sys.version_info[1]),
        implementation=sys.implementation.name,
        executable=sys.executable,
        base_prefix=base,
        include=include,
        from_distro=origin == "distro",
        origin=origin,
    )


def _system() -> str:
    if sys.platform.startswith("linux"):
        return "linux"
    if sys.platform == "darwin":
        return "darwin"
    if sys.platform in ("win32", "cygwin"):
        return "windows"
    return sys.platform


def detect(os_release_paths=("/etc/os-release", "/usr/lib/os-release")) -> Platform:
    """The platform of this process (reads /etc/os-release on Linux)."""
    system = _system()
    python = detect_python()
    sudo = _needs_sudo(system)
    if system == "darwin":
        mac = _mac_version()
        return Platform("darwin", name="macOS " + mac if mac else "macOS", version=mac,
                        manager=CONDA if python.origin == "conda" else BREW, python=python)
    if system == "windows":
        return Platform("windows", name="Windows", manager=CONDA if python.origin == "conda" else None, python=python)
    values: Dict[str, str] = {}
    for path in os_release_paths:
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                values = parse_os_release(f.read(65536))
            break
        except OSError:
            continue
    distro = values.get("ID", "").lower()
    like = tuple(values.get("ID_LIKE", "").lower().split())
    version = values.get("VERSION_ID", "")
    manager = manager_for(distro, like, version)
    return Platform(
        system,
        distro=distro,
        like=like,
        version=version,
        name=values.get("PRETTY_NAME", "") or values.get("NAME", "") or system,
        manager=manager,
        sudo=sudo,
        python=python,
        extra={"conda": "1"} if python.origin == "conda" else {},
    )


def _needs_sudo(system: str) -> bool:
    if system != "linux":
        return False
    try:
        if os.geteuid() == 0:
            return False
    except AttributeError:
        return False
    return shutil.which("sudo") is not None


def _mac_version() -> str:
    try:
        import platform

        return platform.mac_ver()[0]
    except Exception:
        return ""
