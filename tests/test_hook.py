"""The start-up hook, in fresh interpreters: cheap, idempotent, lazy."""
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
        "print(sum(f is h for f in sys.meta_path))\n"
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
        "print(h.installed())\n",
        env={"_PIP_EXPLAIN_ACTIVE": "1"},
    )
    assert out.strip() == "False"


def _imported(code):
    e = dict(os.environ, PYTHONPATH=SRC, PIP_EXPLAIN="0")
    out = subprocess.run([sys.executable, "-S", "-X", "importtime", "-c", code],
                         env=e, capture_output=True, text=True, timeout=60)
    return {line.split("|")[-1].strip() for line in out.stderr.splitlines() if "|" in line}


def test_hook_module_imports_only_itself():
    # -S: no site, so no installed .pth; os stands for what site loads anyway
    added = _imported("import os, _pip_explain; _pip_explain.install()") - _imported("import os")
    assert added == {"_pip_explain"}


# what site sees in a process started as `pip install ...`
AS_PIP = "import sys\nsys.argv[:] = ['/venv/bin/pip', 'install', 'x']\nsys.orig_argv = ['/venv/bin/python'] + sys.argv\n"


def _pth_line():
    with open(os.path.join(ROOT, "src", "pip_explain.pth")) as f:
        lines = [line for line in f.read().splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("import ")
    return lines[0]


@pytest.mark.parametrize("switch, active, expected", [
    (None, None, "1 True"), ("1", None, "1 True"), ("yes", None, "1 True"),
    ("0", None, "0 True"), (" Off ", None, "0 True"), ("false", None, "0 True"), ("no", None, "0 True"),
    (None, "1", "0 True"),
])
def test_pth_line_run_three_times_installs_one_finder_and_honours_the_switches(switch, active, expected):
    # run the line the way site.addpackage does (exec), three times as in an
    # isolated build's sitecustomize, in an interpreter without site (-S)
    code = AS_PIP + "for _ in range(3): exec(%r)\nh = sys.modules['_pip_explain']\n" \
           "print(sum(f is h for f in sys.meta_path), sorted(m for m in sys.modules if 'pip' in m) == ['_pip_explain'])" \
           % _pth_line()
    e = dict(os.environ, PYTHONPATH=SRC)
    for name, value in (("PIP_EXPLAIN", switch), ("_PIP_EXPLAIN_ACTIVE", active)):
        e.pop(name, None)
        if value is not None:
            e[name] = value
    out = subprocess.run([sys.executable, "-S", "-c", code], env=e, capture_output=True, text=True, timeout=60)
    assert (out.stdout.strip(), out.stderr) == (expected, "")


def test_pth_line_is_silent_when_its_module_is_gone():
    code = AS_PIP + "for _ in range(3): exec(%r)\nprint(sys.meta_path[0])" % _pth_line()
    e = dict(os.environ, PYTHONPATH="/nonexistent")
    e.pop("_PIP_EXPLAIN_ACTIVE", None)
    e.pop("PIP_EXPLAIN", None)
    out = subprocess.run([sys.executable, "-S", "-c", code], env=e, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stderr == "" and "_pip_explain" not in out.stdout  # half-uninstalled


def test_start_file_names_the_pep829_entry_point():
    with open(os.path.join(ROOT, "src", "pip_explain.start")) as f:
        entries = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    assert entries == ["_pip_explain:start"]
    out = run("import pkgutil, sys; start = pkgutil.resolve_name('_pip_explain:start'); start(); start();"
              "print(sum(f is sys.modules['_pip_explain'] for f in sys.meta_path))", env={"PIP_EXPLAIN": "1"})
    assert out.strip() == "1"
    out = run("import pkgutil, sys; pkgutil.resolve_name('_pip_explain:start')();"
              "print(sys.modules['_pip_explain'] in sys.meta_path)", env={"PIP_EXPLAIN": "off"})
    assert out.strip() == "False"


def _run_pth_line(argv, orig_argv=None):
    """Run the .pth line as site does, with ``sys.argv`` (and ``orig_argv``)
    as in a process started that way: which pip-explain modules got loaded."""
    code = ("import sys\nsys.argv[:] = %r\n" % (argv,)
            + ("sys.orig_argv = %r\n" % (orig_argv,) if orig_argv is not None
               else "sys.__dict__.pop('orig_argv', None)\n")
            + "for _ in range(3): exec(%r)\n" % _pth_line()
            + "print(sorted(m for m in sys.modules if 'pip' in m), sys.modules.get('_pip_explain') in sys.meta_path)")
    e = dict(os.environ, PYTHONPATH=SRC)
    e.pop("_PIP_EXPLAIN_ACTIVE", None)
    e.pop("PIP_EXPLAIN", None)
    out = subprocess.run([sys.executable, "-S", "-c", code], env=e, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stderr == "", out.stderr
    return out.stdout.strip()


@pytest.mark.parametrize("orig_argv", [
    ["/venv/bin/python", "-c", "pass"],
    ["/venv/bin/python"],
    ["/venv/bin/python", "/srv/app/manage.py", "runserver"],
    ["/venv/bin/python", "-m", "pytest", "-q"],
    ["/home/u/pip-explain/.venv/bin/python", "-c", "pass"],  # the interpreter's path does not count
])
def test_pth_line_imports_nothing_in_a_process_that_does_not_mention_pip(orig_argv):
    assert _run_pth_line(orig_argv[1:2] or [""], orig_argv) == "[] False"


@pytest.mark.parametrize("orig_argv", [
    ["/venv/bin/python", "/venv/bin/pip", "install", "x"],
    ["/venv/bin/python", "/venv/bin/pip3.12", "install", "x"],
    # Windows: the launcher pip.exe runs python.exe with itself (a zip of __main__) as the script
    ["C:\\venv\\Scripts\\python.exe", "C:\\venv\\Scripts\\pip.exe", "install", "x"],
    ["/venv/bin/python", "/venv/bin/pip-compile", "requirements.in"],  # pip-tools runs pip in-process
    ["/venv/bin/python", "/tmp/pip-26.3-py3-none-any.whl/pip", "install", "x"],  # pip run from its wheel
    ["/venv/bin/python", "-m", "pip", "install", "x"],
    ["/venv/bin/python", "-X", "importtime", "-mpip", "install", "x"],
    ["/venv/bin/python", "-c", "from pip._internal.cli.main import main; main(['install', 'x'])"],
])
def test_pth_line_loads_the_hook_in_a_process_whose_command_line_mentions_pip(orig_argv):
    assert _run_pth_line(orig_argv[1:2], orig_argv) == "['_pip_explain'] True"


def test_without_orig_argv_every_process_loads_the_hook():
    # Python < 3.10 keeps no orig_argv: the line cannot tell, so it loads the hook (as it always did)
    assert _run_pth_line(["-c"]) == "['_pip_explain'] True"


def test_pth_line_and_module_agree_on_who_is_pip():
    import _pip_explain

    cases = [["python", "-c", "pass"], ["python", "-m", "pip"], ["python", "/x/pip-compile"], ["python", "/srv/m.py"]]
    saved = getattr(sys, "orig_argv", None)
    try:
        for orig in cases:
            sys.orig_argv = orig
            inline = _run_pth_line(orig[1:2], orig) != "[] False"
            assert inline == _pip_explain.started_as_pip(), orig
    finally:
        if saved is None:
            del sys.orig_argv
        else:
            sys.orig_argv = saved


def test_python_c_pass_imports_no_pip_explain_module_with_the_pth_installed(tmp_path):
    import shutil

    site_dir = tmp_path / "site"
    site_dir.mkdir()
    shutil.copy(os.path.join(SRC, "pip_explain.pth"), str(site_dir / "pip_explain.pth"))
    shutil.copy(os.path.join(SRC, "_pip_explain.py"), str(site_dir / "_pip_explain.py"))
    code = "import site; site.addsitedir(%r)" % str(site_dir)
    e = dict(os.environ, PYTHONPATH="")
    e.pop("PIP_EXPLAIN", None)
    e.pop("_PIP_EXPLAIN_ACTIVE", None)
    out = subprocess.run([sys.executable, "-S", "-X", "importtime", "-c", code], env=e, capture_output=True,
                         text=True, timeout=60)
    loaded = {line.split("|")[-1].strip() for line in out.stderr.splitlines() if "|" in line}
    assert not {m for m in loaded if "pip_explain" in m}, loaded


def test_a_loader_that_cannot_be_wrapped_in_place_is_stood_in_for():
    # the C zipimporter of Python < 3.10 (pip run from its wheel) has read-only
    # methods: the finder hands importlib a stand-in loader for that module
    out = run(
        "import sys, importlib.machinery as m, _pip_explain as h\n"
        "class Slotted:\n"
        "    __slots__ = ('inner',)\n"
        "    def __init__(self, inner): self.inner = inner\n"
        "    def create_module(self, spec): return None\n"
        "    def exec_module(self, module): self.inner.exec_module(module)\n"
        "class Finder:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name != 'pip._internal.utils.subprocess': return None\n"
        "        spec = m.PathFinder.find_spec(name, path, target)\n"
        "        spec.loader = Slotted(spec.loader)\n"
        "        return spec\n"
        "h.install()\n"
        "sys.meta_path.insert(1, Finder())\n"
        "import pip._internal.utils.subprocess as s\n"
        "print(getattr(s.call_subprocess, '_pip_explain', False), type(s.__spec__.loader).__name__)\n"
    )
    assert out.split() == ["True", "_ExecLoader"]
