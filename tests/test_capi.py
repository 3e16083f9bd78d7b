"""rules/_capi.py is what scripts/capi_removals.py makes of CPython's own headers."""
import glob
import importlib.util
import os

import pytest

from pip_explain.rules import python as py_rules

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPT = os.path.join(ROOT, "scripts", "capi_removals.py")
# the releases the committed table was made from (its docstring names them)
RELEASES = ("3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13")


def _script():
    spec = importlib.util.spec_from_file_location("capi_removals", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _prefixes():
    found = []
    for release in RELEASES:
        root = os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv")
        hits = sorted(glob.glob(os.path.join(root, "versions", "%s.*" % release, "include", "python%s*" % release)))
        if not hits:
            return None
        found.append(os.path.dirname(os.path.dirname(hits[-1])))
    return found


def test_generated_table_is_current():
    prefixes = _prefixes()
    if prefixes is None:
        pytest.skip("the CPython %s-%s headers are not installed here" % (RELEASES[0], RELEASES[-1]))
    assert _script().main(["--check"] + prefixes) == 0


@pytest.mark.parametrize("name, version", [
    ("_PyObject_CallMethodIdNoArgs", "3.13"),  # moved to internal/pycore_call.h
    ("Py_TRASHCAN_SAFE_BEGIN", "3.13"),
    ("PyUnicode_AS_UNICODE", "3.12"),
    ("_PyGC_FINALIZED", "3.13"),  # cpython/objimpl.h until 3.12
])
def test_removed_names(name, version):
    assert py_rules.removed_capi(name) == version


@pytest.mark.parametrize("name", ["Py_UNICODE", "PyList_New", "Py_INCREF", "_PyArg_Parser"])
def test_names_still_declared(name):
    assert py_rules.removed_capi(name) == ""
