"""Every scenario of the failure lab (``../shared/lab``) with pip-explain
installed: the panel's cause must be the scenario's ``LAB-CAUSE``.

The lab's scripts make real ``pip install`` runs fail (a real sdist from the
index, a real backend, a toolchain really hidden in a private mount
namespace); pip-explain's wheel is installed into each scenario's venv first
(``LAB_PREINSTALL``) and asked for JSON (``LAB_PIP_ENV``), and the cause on
the last line of pip's stderr is compared with the scenario's header, mapped
to the taxonomy's ids as lab/README.md maps them.

The lab is not part of this repository (users' machines have no
``../shared``): the file is skipped when it is absent. Knobs:

``PIP_EXPLAIN_LAB``
    the lab's directory (default ``../shared/lab`` next to this checkout);
``PIP_EXPLAIN_LAB_ALL=1``
    every scenario (``tox -e lab``); by default only :data:`QUICK`, the
    fastest ones plus those pip-explain was silent on before it read pip's
    final error (the whole set takes 11-20 minutes per pip here, see
    bench/results/lab.txt);
``PIP_EXPLAIN_LAB_PIPS``
    the pip versions to run the scenarios with (default ``latest``;
    ``tox -e lab`` adds 22.3.1);
``PIP_EXPLAIN_LAB_RESULTS``
    a file to write the table (scenario x pip -> cause, seconds) to.

Scenarios needing Python 3.12 are skipped for pips that do not run there
(< 23.1). Scenarios are run one at a time (the lab's runs are heavy builds).
"""
from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

import harness

LAB = Path(os.environ.get("PIP_EXPLAIN_LAB") or harness.REPO_ROOT.parent / "shared" / "lab")

if not (LAB / "scenarios").is_dir():
    pytest.skip("the failure lab (%s) is absent: it lives next to the project's checkout, not in it" % LAB,
                allow_module_level=True)

# lab/README.md: the lab's cause names -> TAXONOMY.md ids (a taxonomy id maps to itself)
LAB_TO_TAXONOMY = {
    "c-compiler-missing": "compiler-missing",
    "header-missing": "library-header-missing",
    "linker-library-missing": "library-link-missing",
    "library-missing": "config-tool-missing",
    "pkg-config-missing": "config-tool-missing",
    "ninja-missing": "build-tool-missing",
    "meson-missing": "build-tool-missing",
    "tool-missing": "build-tool-missing",
    "fortran-compiler-missing": "fortran-missing",
    "setuptools-missing": "build-dependency-missing",
    "not-a-missing-toolchain": "python-too-new",
}

#: the default run (measured, bench/results/lab.txt): the two pip-explain used
#: to be silent on (a build backend that cannot be imported), and the fastest
QUICK = (
    "distutils-missing-numpy-py312",
    "setuptools-missing-no-isolation-py312",
    "c-compiler-missing",
    "header-missing-python-ldap",
    "library-missing-meson-pycairo",
    "negative-longintrepr-aiohttp",
)

#: pips whose oldest working Python is below 3.12 (pip-internals.md §6: pip < 23.1 fails on 3.12+)
_OLDEST_ON_312 = (23, 1)


def _scenarios() -> List[Tuple[str, str, str]]:
    """(name, taxonomy id, Python) of every scenario script."""
    found = []
    for script in sorted((LAB / "scenarios").glob("*.sh")):
        text = script.read_text(encoding="utf-8", errors="replace")
        m = re.search(r"^# LAB-CAUSE: ([a-z0-9-]+)", text, re.MULTILINE)
        py = re.search(r"^lab_venv (3\.\d+)", text, re.MULTILINE)
        if not m:
            continue
        found.append((script.stem, LAB_TO_TAXONOMY.get(m.group(1), m.group(1)), py.group(1) if py else "3.11"))
    if os.environ.get("PIP_EXPLAIN_LAB_ALL", "").strip() in ("", "0"):
        found = [s for s in found if s[0] in QUICK]
    return found


def _pips() -> List[str]:
    return os.environ.get("PIP_EXPLAIN_LAB_PIPS", "latest").split()


def _version(pip: str) -> Tuple[int, ...]:
    return (999,) if pip == "latest" else tuple(int(p) for p in re.findall(r"\d+", pip)[:2])


_RESULTS: Dict[Tuple[str, str], Tuple[str, str, float]] = {}


@pytest.fixture(scope="module", autouse=True)
def _table():
    yield
    out = os.environ.get("PIP_EXPLAIN_LAB_RESULTS")
    if out and _RESULTS:
        rows = ["%-42s %-8s %-26s %-26s %7s" % ("scenario", "pip", "expected", "panel", "seconds")]
        for (name, pip), (expected, cause, seconds) in sorted(_RESULTS.items()):
            rows.append("%-42s %-8s %-26s %-26s %7.1f" % (name, pip, expected, cause, seconds))
        Path(out).write_text("\n".join(rows) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def px_wheel(wheelhouse) -> Path:
    try:
        return wheelhouse.pip_explain_wheel()
    except harness.Unavailable as exc:
        pytest.skip(str(exc))


@pytest.mark.needs_ns
@pytest.mark.parametrize("pip", _pips())
@pytest.mark.parametrize("name,expected,python", _scenarios(), ids=[s[0] for s in _scenarios()])
def test_lab_scenario(name, expected, python, pip, px_wheel, px_cache, tmp_path):
    if python == "3.12" and _version(pip) < _OLDEST_ON_312:
        pytest.skip("needs Python 3.12, where pip %s does not run" % pip)
    work = tmp_path / "lab"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "LAB_", "_PIP_EXPLAIN"))}
    env.update({
        "PIP_VERSION": pip,
        "LAB_PREINSTALL": str(px_wheel),
        # the wheel oracle would ask the index about each package: not what is tested here
        "LAB_PIP_ENV": "PIP_EXPLAIN_FORMAT=json PIP_EXPLAIN_ORACLE=0",
        "LAB_SPLIT": "1",
        "LAB_CLEAN": "1",
        "LAB_CACHE": str(px_cache / "lab"),
    })
    for key in ("PIP_CERT", "PIP_DEFAULT_TIMEOUT"):  # the only PIP_* settings the lab keeps
        if os.environ.get(key):
            env[key] = os.environ[key]
    start = time.monotonic()
    r = subprocess.run(["bash", str(LAB / "scenarios" / (name + ".sh")), str(work)], env=env,
                       capture_output=True, text=True, timeout=1800)
    seconds = time.monotonic() - start
    rc = (work / "rc").read_text().strip() if (work / "rc").exists() else ""
    if rc == "setup-failed" or r.returncode == 3:
        reason = (work / "setup-error").read_text().strip() if (work / "setup-error").exists() else r.stderr[-300:]
        pytest.skip("%s could not set up with pip %s: %s" % (name, pip, reason))
    stderr = (work / "stderr.txt").read_text(encoding="utf-8", errors="replace")
    assert rc not in ("", "0"), "pip did not fail (rc %r): the scenario does not reproduce\n%s" % (rc, r.stderr)
    try:
        found = harness.json_tail(stderr)
    except AssertionError:
        _RESULTS[(name, pip)] = (expected, "(no panel)", seconds)
        raise
    _RESULTS[(name, pip)] = (expected, found.get("cause"), seconds)
    assert found["cause"] == expected, "%s with pip %s: panel says %s, lab says %s\n%s" % (
        name, pip, found["cause"], expected, stderr[-3000:])
