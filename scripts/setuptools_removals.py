#!/usr/bin/env python3
"""Which modules each setuptools release stopped shipping: the facts behind the
version pins that rules/python.py's build-dependency fix suggests for
"No module named 'X'" (X a module setuptools used to ship).

    python3 scripts/setuptools_removals.py [VERSION ...]

Downloads each release's wheel from the package index (pip download), lists
the modules of setuptools, pkg_resources and setuptools' bundled distutils in
it, and prints, for each module that a later release no longer has, the first
release without it (and any release that brought it back). Needs the index.
"""
import glob
import os
import re
import subprocess
import sys
import tempfile
import zipfile

DEFAULT = ("70.3.0 71.0.0 71.1.0 72.0.0 72.1.0 72.2.0 73.0.1 74.0.0 74.1.3 75.0.0 75.8.0 77.0.3 78.1.1 79.0.1 80.0.0"
           " 80.1.0 80.2.0 80.3.1 80.9.0 81.0.0 82.0.0 83.0.0 84.2.1").split()


def key(version):
    return tuple(int(x) for x in re.findall(r"\d+", version))


def modules(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    return {n[:-3].replace("/", ".").replace(".__init__", "") for n in names
            if n.endswith(".py") and n.startswith(("setuptools/", "pkg_resources/"))
            and "/_vendor/" not in n and "/tests/" not in n}


def main(argv):
    versions = sorted(argv or DEFAULT, key=key)
    work = tempfile.mkdtemp(prefix="st-removals-")
    found = []
    for v in versions:
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "setuptools==" + v, "-d", work],
                       check=True)
        wheel = glob.glob(os.path.join(work, "setuptools-%s-*.whl" % v))[0]
        found.append((v, modules(wheel)))
    everything = set().union(*(m for _, m in found))
    for mod in sorted(everything):
        present = [(v, mod in m) for v, m in found]
        gone = [v for (v, p), (_, before) in zip(present[1:], present) if before and not p]
        back = [v for (v, p), (_, before) in zip(present[1:], present) if p and not before]
        if gone:
            print("%-50s first without it: %s%s" % (mod, ", ".join(gone), ("; back in " + ", ".join(back)) if back else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
