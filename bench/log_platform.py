"""How often `pip-explain explain` gives a log's own platform's install command first.

    python bench/log_platform.py [CORPUS_DIR...]   (default: tests/fixtures/thirdparty tests/fixtures/heldout)

For every labelled log (sidecar "cause" and "os", or "platform") whose cause
pip-explain names right, the first command of the panel's ways out that is
tied to a platform (apt/dnf/apk/pacman/zypper: Linux; brew, xcode-select:
macOS; winget, vcpkg, choco: Windows; a rustup shell script: not Windows) is
compared with the label. A command every platform can run (pip install ...)
counts as right. Prints the share, with the logs whose platform the log
itself shows (the inference named one) and the others (fixes side by side:
the first is Debian/Ubuntu's) apart, and the same share for the old
behaviour (this machine's fixes) for comparison.
"""
from __future__ import annotations

import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "src"))

from pip_explain.enrich import logplatform  # noqa: E402
from pip_explain.enrich.platform import detect  # noqa: E402
from pip_explain.report import explain_saved_log  # noqa: E402

LINUX_NAMES = {"linux", "debian", "ubuntu", "fedora", "rhel", "centos", "alpine", "arch", "opensuse", "termux"}


def command_platform(command: str) -> str:
    """"linux", "macos", "windows", "unix", "conda" or "any"."""
    words = command.replace("sudo ", "").split()
    head = words[0] if words else ""
    if head in ("apt-get", "apt", "dnf", "yum", "apk", "pacman", "zypper", "apt-file"):
        return "linux"
    if head in ("brew", "xcode-select"):
        return "macos"
    if head in ("winget", "vcpkg", "choco") or "vswhere" in command or command.startswith('"%'):
        return "windows"
    if head == "conda":
        return "conda"
    if "sh.rustup.rs" in command or head == ".":
        return "unix"
    return "any"


def label_os(meta: dict) -> str:
    if VISIBLE_ONLY and not meta.get("platform"):
        return ""  # the label says the log does not show its platform
    if str(meta.get("platform") or "").lower().startswith("conda"):
        return (meta.get("os") or "").lower()  # conda on that system
    value = (meta.get("platform") or meta.get("os") or "").lower()
    if isinstance(meta.get("platform"), dict):
        value = (meta["platform"].get("name") or "").lower()
    name = value.split(":")[0].split()[0] if value else ""
    if name in ("macos", "mac", "darwin", "osx"):
        return "macos"
    if name in ("windows", "win", "win32"):
        return "windows"
    if name in LINUX_NAMES or name.startswith(("linux", "ubuntu", "debian")):
        return "linux"
    return name


FAMILY = {"debian": "apt", "ubuntu": "apt", "mint": "apt", "raspbian": "apt", "pop": "apt", "kali": "apt",
          "fedora": "dnf", "rhel": "dnf", "centos": "dnf", "rocky": "dnf", "almalinux": "dnf", "alma": "dnf",
          "amazon": "dnf", "amazonlinux": "dnf", "amzn": "dnf", "redhat": "dnf", "oracle": "dnf",
          "alpine": "apk", "arch": "pacman", "archlinux": "pacman", "manjaro": "pacman",
          "opensuse": "zypper", "suse": "zypper", "sles": "zypper"}


def label_family(meta: dict) -> str:
    """The package manager family of a distribution-level label ("" when the label names no distribution)."""
    value = meta.get("platform") or ""
    if isinstance(value, dict):
        value = value.get("name") or ""
    value = str(value).lower().replace(":", " ").replace("-", " ").replace("/", " ")
    for word in value.split():
        if word in FAMILY:
            return FAMILY[word]
    return ""


def command_family(command: str) -> str:
    head = (command.replace("sudo ", "").split() or [""])[0]
    return {"apt-get": "apt", "apt": "apt", "apt-file": "apt", "dnf": "dnf", "yum": "dnf", "apk": "apk",
            "pacman": "pacman", "zypper": "zypper"}.get(head, "")


def fits(kind: str, os_name: str, conda: bool) -> bool:
    if kind == "any":
        return True
    if kind == "unix":
        return os_name in ("linux", "macos")
    if kind == "conda":
        return conda
    return kind == os_name


def first_platform_command(explained):
    d = next((e for e in explained if e.diagnosis is not None), None)
    if d is None:
        return None, None
    ways = [a.command for a in d.alternatives if a.command] or [f.command for f in d.fixes if f.command]
    for command in ways:
        kind = command_platform(command)
        if kind != "any":
            return command, kind
    return (ways[0], "any") if ways else (None, None)


def all_platform_kinds(explained):
    d = next((e for e in explained if e.diagnosis is not None), None)
    if d is None:
        return set()
    return {command_platform(a.command) for a in d.alternatives if a.command}


def main(dirs):
    here = detect()
    rows = []
    for d in dirs:
        for path in sorted(glob.glob(os.path.join(d, "*.log"))):
            meta_path = path[:-4] + ".json"
            if not os.path.exists(meta_path):
                continue
            with open(meta_path, encoding="utf-8") as f:
                meta = json.load(f)
            os_name = label_os(meta)
            if os_name not in ("linux", "macos", "windows"):
                continue
            with open(path, encoding="utf-8", errors="replace") as f:
                lines = f.read().splitlines()
            where = logplatform.infer(lines)
            platform = where.platform()
            side = logplatform.common_platforms(where) if platform is None or where.name == "linux" else []
            explained, _ = explain_saved_log(lines, None if side else platform, side)
            diagnosed = [e for e in explained if e.diagnosis is not None]
            if not diagnosed or diagnosed[0].diagnosis.cause != meta.get("cause"):
                continue
            command, kind = first_platform_command(explained)
            old, _ = explain_saved_log(lines, here)
            old_command, old_kind = first_platform_command(old)
            conda = where.conda or "conda" in str(meta.get("notes", "")).lower()
            if str(meta.get("platform") or "").lower().startswith("conda"):
                conda = True  # labelled conda: a conda command is the log's platform's
            family = label_family(meta)
            wants_conda = str(meta.get("platform") or "").lower().startswith("conda")
            rows.append({
                "log": os.path.relpath(path), "os": os_name, "shown": where.name is not None,
                "inferred": where.name, "command": command, "kind": kind,
                "right": command is None or fits(kind, os_name, conda),
                "among": fits(kind, os_name, conda) or any(fits(k, os_name, conda) for k in all_platform_kinds(explained)),
                "old_right": old_command is None or fits(old_kind, os_name, conda),
                "has_command": command is not None and kind != "any",
                "family": family or ("conda" if wants_conda else ""),
                "conda_first": kind == "conda",
                "family_right": ((not family or kind != "linux" or command_family(command or "") == family)
                                 and (command is None or fits(kind, os_name, conda))
                                 and (not wants_conda or kind in ("conda", "any"))),
                "old_family_right": (not family or old_kind != "linux" or command_family(old_command or "") == family)
                and (old_command is None or fits(old_kind, os_name, conda)),
            })
    return rows


def report(rows, out=sys.stdout):
    def share(sub, key):
        n = len(sub)
        k = sum(1 for r in sub if r[key])
        return "%d/%d (%.1f %%)" % (k, n, 100.0 * k / n) if n else "0/0"

    tied = [r for r in rows if r["has_command"]]
    shown = [r for r in tied if r["shown"]]
    hidden = [r for r in tied if not r["shown"]]
    out.write("logs with the right cause and a platform label: %d; with a platform-specific install command: %d\n"
              % (len(rows), len(tied)))
    out.write("first platform-specific command for the log's platform:\n")
    out.write("  all:                                  %s\n" % share(tied, "right"))
    out.write("  the log shows its platform (inferred): %s\n" % share(shown, "right"))
    out.write("  the log does not show it (side by side, first is Debian/Ubuntu's): %s; its platform's command"
              " among those shown: %s\n" % (share(hidden, "right"), share(hidden, "among")))
    out.write("  before (this machine's fixes):        %s\n" % share(tied, "old_right"))
    fam = [r for r in tied if r["family"]]
    if fam:
        out.write("logs labelled with a distribution (or macOS/Windows with one): %d; first command for that"
                  " distribution's package manager: %s (before: %s)\n"
                  % (len(fam), share(fam, "family_right"), share(fam, "old_family_right")))
        for r in fam:
            if not r["family_right"]:
                out.write("  wrong distribution: %s (%s) inferred %s: %s\n" % (r["log"], r["family"], r["inferred"],
                                                                            r["command"]))
    for r in rows:
        if r["has_command"] and not r["right"]:
            out.write("  wrong: %s (%s) inferred %s: %s\n" % (r["log"], r["os"], r["inferred"], r["command"]))


VISIBLE_ONLY = False

if __name__ == "__main__":
    if "--visible" in sys.argv:  # only logs whose label names a platform ("platform" not null)
        sys.argv.remove("--visible")
        VISIBLE_ONLY = True
    dirs = sys.argv[1:] or [os.path.join(HERE, "..", "tests", "fixtures", "thirdparty"),
                            os.path.join(HERE, "..", "tests", "fixtures", "heldout")]
    report(main(dirs))
