"""The start-up hook, in fresh interpreters: cheap, idempotent, lazy."""
import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, SRC

pip = pytest.importorskip("pip")


def run(code, env=None):
    # PIP_EXPLAIN=0 keeps an installed pip_explain.pth (tox installs the
    # package) out of these interpreters: each test calls install() itself.
    e = dict(os.environ, PYTHONPATH=SRC, PIP_EXPLAIN="0")
    e.pop("_PIP_EXPLAIN_ACTIVE", None)
    e.update(env or {})
    out = subprocess.run([sys.executable, "-c", code], env=e, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_install_adds_one_finder_however_often_it_runs():
    out = run(
        "import sys, _pip_explain as h\n"
        "for _ in range(3): h.install()\n"
        "print(sum(type(f).__name__ == 'PipExplainFinder' for f in sys.meta_path))\n"
        "print(sorted(m for m in sys.modules if m.startswith('pip')))\n"
    )
    count, modules = out.splitlines()
    assert count == "1"
    assert modules == "[]"  # not even pip_explain until pip loads


def test_pip_is_patched_at_import_and_every_importer_binds_the_wrapper():
    out = run(
        "import _pip_explain as h; h.install()\n"
        "import pip._internal.cli.main, pip._internal.build_env as be, pip._internal.utils.subprocess as s\n"
        "from pip._internal.cli.base_command import Command\n"
        "print(getattr(s.call_subprocess, '_pip_explain', False), getattr(be, 'call_subprocess', s.call_subprocess)"
        " is s.call_subprocess, getattr(Command.main, '_pip_explain', False))\n"
    )
    assert out.split() == ["True", "True", "True"]


def test_pip_imported_before_the_hook_is_rebound():
    out = run(
        "import pip._internal.build_env as be, pip._internal.utils.subprocess as s\n"
        "orig = s.call_subprocess\n"
        "import _pip_explain as h; h.install()\n"
        "print(s.call_subprocess is not orig, getattr(be, 'call_subprocess', s.call_subprocess) is s.call_subprocess)\n"
    )
    assert out.split() == ["True", "True"]


def test_nested_pip_and_build_backends_are_left_alone():
    out = run(
        "import sys, _pip_explain as h; h.install()\n"
        "print(any(type(f).__name__ == 'PipExplainFinder' for f in sys.meta_path))\n",
        env={"_PIP_EXPLAIN_ACTIVE": "1"},
    )
    assert out.strip() == "False"


def _imported(code):
    e = dict(os.environ, PYTHONPATH=SRC, PIP_EXPLAIN="0")
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", code],
                         env=e, capture_output=True, text=True, timeout=60)
    return {line.split("|")[-1].strip() for line in out.stderr.splitlines() if "|" in line}


def test_hook_module_imports_only_itself():
    added = _imported("import _pip_explain; _pip_explain.install()") - _imported("pass")
    assert added == {"_pip_explain"}


def test_pth_line_is_one_line_and_honours_the_kill_switch():
    with open(os.path.join(ROOT, "src", "pip_explain.pth")) as f:
        lines = [line for line in f.read().splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("import ")
    line = lines[0]
    # run it the way site.addpackage does, with the module missing: no error
    code = "exec(%r)\nimport sys\nprint('_pip_explain' in sys.modules)" % line
    e = dict(os.environ, PIP_EXPLAIN="0", PYTHONPATH=SRC)
    out = subprocess.run([sys.executable, "-c", code], env=e, capture_output=True, text=True)
    assert out.stdout.strip() == "False" and out.stderr == ""
    e = dict(os.environ, PYTHONPATH="/nonexistent")
    e.pop("_PIP_EXPLAIN_ACTIVE", None)
    out = subprocess.run([sys.executable, "-S", "-c", code], env=e, capture_output=True, text=True)
    assert out.returncode == 0 and out.stderr == ""  # half-uninstalled: silent


def test_start_file_names_the_pep829_entry_point():
    with open(os.path.join(ROOT, "src", "pip_explain.start")) as f:
        entries = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    assert entries == ["_pip_explain:start"]
    out = run("import pkgutil, sys; pkgutil.resolve_name('_pip_explain:start')();"
              "print(sum(type(f).__name__ == 'PipExplainFinder' for f in sys.meta_path))", env={"PIP_EXPLAIN": "1"})
    assert out.strip() == "1"
