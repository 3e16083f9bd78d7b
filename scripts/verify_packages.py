#!/usr/bin/env python3
"""Check that every apt package name in pip_explain.enrich.packages exists.

Run on a Debian/Ubuntu machine after ``apt-get update``: asks the local apt
lists (``apt-cache show``), prints each name with "ok" or "UNKNOWN", and exits
non-zero when one is unknown. With ``--headers`` it also asks ``apt-file``
(when installed and updated) whether each header's package really ships it.

    python3 scripts/verify_packages.py [--headers] [--quiet]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src"))

from pip_explain.enrich.packages import ROWS  # noqa: E402


def apt_names():
    names = {}
    for row in ROWS:
        if row.apt is None:
            continue
        for name in row.apt.split():
            names.setdefault(name, row)
    return names


def apt_knows(name: str) -> bool:
    proc = subprocess.run(["apt-cache", "show", "--no-all-versions", name],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return proc.returncode == 0 and "Package:" in proc.stdout


def header_owner(header: str):
    """Packages apt-file says ship */include/.../header, or None without apt-file."""
    proc = subprocess.run(["apt-file", "search", "--regexp", r"/include/(.*/)?%s$" % header.replace(".", r"\.")],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    if proc.returncode not in (0, 1):
        return None
    return {line.split(":", 1)[0] for line in proc.stdout.splitlines() if ":" in line}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--headers", action="store_true", help="also check header -> package with apt-file")
    ap.add_argument("--quiet", action="store_true", help="print only problems")
    args = ap.parse_args(argv)
    if not shutil.which("apt-cache"):
        print("apt-cache not found: run this on Debian or Ubuntu", file=sys.stderr)
        return 2
    bad = 0
    names = apt_names()
    for name in sorted(names):
        ok = apt_knows(name)
        bad += not ok
        if not ok or not args.quiet:
            print("%-8s %s" % ("ok" if ok else "UNKNOWN", name))
    print("%d apt names, %d unknown" % (len(names), bad))
    if args.headers:
        if not shutil.which("apt-file"):
            print("apt-file not installed: skipping header check", file=sys.stderr)
        else:
            wrong = 0
            for row in ROWS:
                if row.apt is None:
                    continue
                for header in row.headers:
                    owners = header_owner(header)
                    if owners is None:
                        continue
                    ok = bool(owners & set(row.apt.split()))
                    wrong += not ok
                    if not ok or not args.quiet:
                        print("%-8s %s -> %s (apt-file: %s)" % ("ok" if ok else "MISMATCH", header, row.apt,
                                                                ", ".join(sorted(owners)[:4]) or "nothing"))
            print("%d header mismatches" % wrong)
            bad += wrong
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
