"""Fixtures for pip-explain's integration tests (real pip, real sdists).

Run from the repository root::

    pytest integration                       # quick subset (a few minutes)
    PIP_EXPLAIN_MATRIX=1 pytest integration  # pip 21.3.1 ... 26.3 on 3.11, 26.3 on 3.13
    tox -e integration / tox -e matrix

The tests need network access to the package index the first time (sdists,
pip releases, build dependencies; cached afterwards in
~/.cache/pip-explain-tests), Python 3.11 (and 3.13 for the matrix) under pyenv
or on PATH, and, for the tests marked ``needs_ns``, root and ``unshare -m``.
Every test here is marked ``integration``; ``-m 'not needs_ns'`` leaves out
the mount-namespace tests.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import harness  # noqa: E402

_HERE = Path(__file__).resolve().parent


def pytest_configure(config):
    config.addinivalue_line("markers", "integration: runs real pip in real virtual environments (slow)")
    config.addinivalue_line("markers", "needs_ns: needs root and a private mount namespace (unshare -m)")


def pytest_collection_modifyitems(config, items):
    ns_reason = None
    for item in items:
        if _HERE not in Path(str(item.fspath)).resolve().parents:
            continue
        item.add_marker(pytest.mark.integration)
        if item.get_closest_marker("needs_ns"):
            if ns_reason is None:
                ns_reason = harness.namespace_unavailable_reason() or ""
            if ns_reason:
                item.add_marker(pytest.mark.skip(reason="needs_ns: " + ns_reason))


def pytest_report_header(config):
    mode = "full matrix (PIP_EXPLAIN_MATRIX=1)" if harness.matrix_enabled() else "quick subset"
    wheel = os.environ.get("PIP_EXPLAIN_WHEEL") or (
        "tox's package" if "pip_explain-" in os.environ.get("TOX_PACKAGE", "") else "built from " + str(_HERE.parent))
    return "pip-explain integration: %s; wheel: %s; cache: %s" % (mode, wheel, harness.cache_root())


def _skip_unavailable(func, *args, **kwargs):
    try:
        return func(*args, **kwargs)
    except harness.Unavailable as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def px_cache() -> Path:
    return harness.cache_root()


@pytest.fixture(scope="session")
def session_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("px-session")


@pytest.fixture(scope="session")
def pip_cache(px_cache, session_dir) -> Path:
    """pip's cache for every pip the tests run: the HTTP cache persists across
    sessions, wheels/ belongs to this session and is removed before each run."""
    return harness.session_pip_cache(session_dir, px_cache / "pip")


@pytest.fixture(scope="session")
def wheelhouse(session_dir) -> harness.Wheelhouse:
    return harness.Wheelhouse(session_dir / "wheelhouse")


@pytest.fixture(scope="session")
def venvs(session_dir, px_cache, pip_cache, wheelhouse) -> harness.VenvFactory:
    factory = harness.VenvFactory(session_dir / "venvs", px_cache, pip_cache)
    factory.set_wheelhouse(wheelhouse)
    return factory


@pytest.fixture
def bare_venv(venvs):
    """``bare_venv("3.11", "26.3")``: a shared venv without pip-explain (do not modify)."""
    return lambda python, pip: _skip_unavailable(venvs.bare, python, pip)


@pytest.fixture
def explain_venv(venvs):
    """``explain_venv("3.11", "26.3")``: a shared venv with pip-explain installed (do not modify)."""
    return lambda python, pip: _skip_unavailable(venvs.with_pip_explain, python, pip)


@pytest.fixture
def fresh_venv(venvs, tmp_path):
    """``fresh_venv(template, name)``: a private copy of a venv, for tests that change it."""
    return lambda template, name="venv": venvs.clone(template, tmp_path / name)


@pytest.fixture
def sdist(px_cache):
    """``sdist("netifaces", "0.11.0")``: the real sdist from the index, cached, never built."""
    return lambda name, version: _skip_unavailable(harness.fetch_sdist, name, version, px_cache)


@pytest.fixture
def pip_runner(tmp_path, pip_cache) -> harness.PipRunner:
    return harness.PipRunner(tmp_path / "run", pip_cache)


@pytest.fixture
def needs_ns():
    reason = harness.namespace_unavailable_reason()
    if reason:
        pytest.skip(reason)
