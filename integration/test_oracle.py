"""The wheel oracle and the live checks, against a real index on localhost.

A PEP 503 tree of real files from the package index (``localindex``), served
by a real HTTP server in the test that records every request, and real pips
in real venvs, with the C compiler hidden from PATH:

* psutil: the newest release only as an sdist, the release before it as an
  abi3 wheel -> the build fails, the panel offers ``psutil==<older>`` first,
  and running that command installs without a compiler;
* ujson 5.10.0: an sdist plus wheels for CPython 3.10 and 3.12 only, asked
  from 3.11 -> the panel offers another Python;
* numpy 2.3.5's only wheel for cp311 is tagged manylinux_2_27/2_28 (PEP 600)
  -> ``pip-explain doctor`` under pip 20.2.4 says pip is too old for it.

Traffic: each run starts with an empty pip cache; the requests the index sees
with pip-explain must equal those of pip alone (``PIP_EXPLAIN=0``), except
where the test says otherwise (pip 26 without an HTTP cache re-reads the one
project page), and never a name pip did not ask about.
"""
from __future__ import annotations

import collections
import json
import shlex
import subprocess
import sys
from pathlib import Path
from typing import List

import pytest

import harness
import localindex
from harness import LATEST_PIP, Hide

HIDE_CC = Hide(programs=harness.C_COMPILERS + harness.CXX_COMPILERS)
BUILD_DEPS = ("setuptools>=43", "setuptools_scm[toml]>=3.4")
ORACLE_PIPS = (("3.11", "24.0"), ("3.11", LATEST_PIP))


@pytest.fixture(scope="session")
def build_deps(px_cache) -> List[Path]:
    """Wheels of the build requirements of psutil and ujson (real files, once)."""
    dest = px_cache / "index-files" / "build-deps"
    if not any(dest.glob("*.whl")):
        dest.mkdir(parents=True, exist_ok=True)
        cmd = [sys.executable, "-m", "pip", "download", "-q", "--only-binary", ":all:", "--python-version", "3.11",
               "-d", str(dest)] + list(BUILD_DEPS)
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0:
            raise harness.Unavailable("cannot download build requirements: %s" % r.stdout[-500:])
    return sorted(dest.glob("*.whl"))


def _index(tmp_path: Path, files: List[str], deps: List[Path]) -> Path:
    paths = [localindex.fetch_file(f) for f in files] + list(deps)
    return localindex.build_index(tmp_path / "index", paths)


def _run(runner, venv, server, args, env, tmp_path, label, hide=HIDE_CC):
    """One pip run with an empty pip cache; (result, the requests it made)."""
    server.reset()
    cache = tmp_path / ("cache-" + label)
    e = {"PIP_CACHE_DIR": str(cache), "PIP_RETRIES": "0", "PIP_NO_INPUT": "1"}
    e.update(env)
    result = runner.run(venv, args, env=e, hide=hide)
    (tmp_path / (label + ".txt")).write_text(result.describe(), errors="replace")
    return result, collections.Counter((r.method, r.path) for r in server.requests)


def _json(result) -> dict:
    return harness.json_tail(result.stderr)


def _combo(quick):
    return [pytest.param(c, id=harness.combo_id(c)) for c in harness.combos(quick)]


@pytest.mark.parametrize("combo", _combo(ORACLE_PIPS))
def test_older_version_with_a_wheel(combo, explain_venv, fresh_venv, pip_runner, build_deps, tmp_path):
    python, pip = combo
    venv = fresh_venv(explain_venv(python, pip))  # the last run installs into it
    index = _index(tmp_path, [localindex.PSUTIL_SDIST, localindex.PSUTIL_OLD_WHEEL], build_deps)
    newest = localindex.PSUTIL_SDIST.split("-")[1][: -len(".tar.gz")]
    older = localindex.PSUTIL_OLD_WHEEL.split("-")[1]
    with localindex.IndexServer(index) as server:
        args = ["install", "--index-url", server.url, "--trusted-host", "127.0.0.1", "psutil"]
        base, base_req = _run(pip_runner, venv, server, args, {"PIP_EXPLAIN": "0"}, tmp_path, "1-baseline")
        assert base.rc == 1 and "psutil" in base.stdout + base.stderr, base.describe()[-3000:]
        text, text_req = _run(pip_runner, venv, server, args, {}, tmp_path, "2-text")
        js, js_req = _run(pip_runner, venv, server, args, {"PIP_EXPLAIN_FORMAT": "json"}, tmp_path, "3-json")
        # the cheapest way out works: no compiler, no build
        d = _json(js)["diagnoses"][0] if js.rc == 1 else {}
        words = shlex.split(d["alternatives"][0]["command"]) if d.get("alternatives") else ["?"]
        ok, _ = _run(pip_runner, venv, server, words[1:], {}, tmp_path, "4-alternative")

    # pip's own output unchanged, the panel only appended
    for other in (text, js):
        assert other.rc == base.rc
        assert harness.normalise(other.stdout) == harness.normalise(base.stdout)
        assert harness.appended(harness.normalise(base.stderr), harness.normalise(other.stderr)) is not None
    # zero extra requests: the oracle read what pip already had
    assert text_req == base_req, "text run: %r vs pip alone %r" % (text_req - base_req, base_req - text_req)
    assert js_req == base_req, "json run: %r vs pip alone %r" % (js_req - base_req, base_req - js_req)

    data = _json(js)
    d = data["diagnoses"][0]
    assert d["cause"] == "compiler-missing"
    kinds = [a["kind"] for a in d["alternatives"]]
    assert kinds[0] == "wheel-version", kinds
    assert "only-binary" in kinds and kinds[-1] == "toolchain", kinds
    assert "psutil==%s" % older in d["alternatives"][0]["command"]
    assert d["wheels"]["version_built"] == newest and d["wheels"]["best"] == older
    assert d["wheels"]["pages_read"] == (1 if pip.startswith("26") else 0)
    assert d["checks"] and not any(c["ok"] for c in d["checks"]), d["checks"]
    assert d["confidence"] == "high"

    panel = harness.appended(harness.normalise(base.stderr), harness.normalise(text.stderr))
    assert "psutil==%s" % older in panel and "checked now" in panel and "✘ C compiler" in panel, panel
    assert panel.index("psutil==%s" % older) < panel.index("apt-get"), panel

    assert words[0] == "pip", words
    assert ok.rc == 0, ok.describe()[-3000:]
    assert "Successfully installed psutil-%s" % older in ok.stdout


@pytest.mark.parametrize("combo", _combo((("3.11", LATEST_PIP),)))
def test_other_python_versions(combo, explain_venv, pip_runner, build_deps, tmp_path):
    python, pip = combo
    venv = explain_venv(python, pip)
    index = _index(tmp_path, [localindex.UJSON_SDIST] + list(localindex.UJSON_WHEELS), build_deps)
    with localindex.IndexServer(index) as server:
        args = ["install", "--index-url", server.url, "--trusted-host", "127.0.0.1", "ujson==5.10.0"]
        base, base_req = _run(pip_runner, venv, server, args, {"PIP_EXPLAIN": "0"}, tmp_path, "1-baseline")
        js, js_req = _run(pip_runner, venv, server, args, {"PIP_EXPLAIN_FORMAT": "json"}, tmp_path, "2-json")
    assert base.rc == 1 and js.rc == 1
    assert js_req == base_req
    d = _json(js)["diagnoses"][0]
    assert d["wheels"]["pythons"] == ["3.10", "3.12"], d["wheels"]
    alt = next(a for a in d["alternatives"] if a["kind"] == "python-version")
    assert alt["command"] == "python3.12 -m pip install ujson==5.10.0", alt
    assert "3.10, 3.12" in alt["detail"]
    assert not any(a["kind"] == "wheel-version" for a in d["alternatives"])


@pytest.mark.parametrize("combo", _combo((("3.11", LATEST_PIP),)))
def test_no_question_about_a_source_the_user_gave(combo, explain_venv, pip_runner, build_deps, tmp_path):
    """A local sdist: pip never asked the index about it, so neither does the oracle."""
    python, pip = combo
    venv = explain_venv(python, pip)
    index = _index(tmp_path, [localindex.PSUTIL_OLD_WHEEL], build_deps)
    sdist = localindex.fetch_file(localindex.PSUTIL_SDIST)
    with localindex.IndexServer(index) as server:
        args = ["install", "--index-url", server.url, "--trusted-host", "127.0.0.1", str(sdist)]
        base, base_req = _run(pip_runner, venv, server, args, {"PIP_EXPLAIN": "0"}, tmp_path, "1-baseline")
        js, js_req = _run(pip_runner, venv, server, args, {"PIP_EXPLAIN_FORMAT": "json"}, tmp_path, "2-json")
    assert base.rc == 1 and js.rc == 1
    assert js_req == base_req
    assert not any("/simple/psutil/" == path for _, path in js_req), js_req
    d = _json(js)["diagnoses"][0]
    assert d["wheels"] is None
    assert [a["kind"] for a in d["alternatives"]] == ["toolchain"] * len(d["alternatives"])


@pytest.mark.parametrize("combo", _combo((("3.11", LATEST_PIP),)))
def test_without_http_cache_and_with_auth(combo, explain_venv, pip_runner, build_deps, tmp_path):
    """pip 26 keeps no skipped files: without an HTTP cache the oracle reads
    the project page once more, through pip's session (with its credentials),
    from the index pip used; nothing else."""
    python, pip = combo
    venv = explain_venv(python, pip)
    index = _index(tmp_path, [localindex.PSUTIL_SDIST, localindex.PSUTIL_OLD_WHEEL], build_deps)
    with localindex.IndexServer(index, auth=("user", "s3cret-token")) as server:
        args = ["install", "--no-cache-dir", "--index-url", server.url_with_auth, "psutil"]
        base, base_req = _run(pip_runner, venv, server, args, {"PIP_EXPLAIN": "0"}, tmp_path, "1-baseline")
        js, js_req = _run(pip_runner, venv, server, args, {"PIP_EXPLAIN_FORMAT": "json"}, tmp_path, "2-json")
        authed = all(r.auth for r in server.requests)
    assert base.rc == 1 and js.rc == 1
    extra = js_req - base_req
    assert set(extra) <= {("GET", "/simple/psutil/")} and sum(extra.values()) <= 1, extra
    assert authed, "a request without pip's credentials"
    d = _json(js)["diagnoses"][0]
    assert d["alternatives"][0]["kind"] == "wheel-version", d["alternatives"]
    assert "s3cret-token" not in js.stderr.split("\n")[-2], "credentials in the JSON"


def test_doctor_says_pip_is_too_old(venvs, tmp_path):
    """pip 20.2.4 predates PEP 600 tags: numpy 2.3.5's cp311 wheel is invisible to it."""
    try:
        venv = venvs.with_pip_explain("3.11", "20.2.4")
    except harness.Unavailable as exc:
        pytest.skip(str(exc))
    index = localindex.build_index(tmp_path / "index", [localindex.fetch_file(localindex.NUMPY_PEP600_WHEEL)])
    with localindex.IndexServer(index) as server:
        env = harness.base_env(tmp_path / "home", "%s:%s" % (venv.bindir, ":".join(harness.SYSTEM_PATH)),
                               tmp_path / "cache", tmp_path)
        env.update({"PIP_INDEX_URL": server.url, "PIP_TRUSTED_HOST": "127.0.0.1", "PIP_NO_INPUT": "1"})
        (tmp_path / "home").mkdir(exist_ok=True)
        r = harness.run([str(venv.bindir / "pip-explain"), "doctor", "--format", "json", "numpy==2.3.5"], env=env,
                        cwd=tmp_path)
    assert r.rc == 1, r.describe()
    data = json.loads(r.stdout)
    pkg = data["packages"][0]
    assert pkg["wheel"] is False and pkg["version"] == "2.3.5", pkg
    up = pkg["alternatives"][0]
    assert up["kind"] == "upgrade-pip" and "pip >= 20.3" in up["detail"] and "pip 20.2.4" in up["detail"], up
    assert up["command"].endswith("-m pip install --upgrade pip")


@pytest.mark.parametrize("fault", ["hang", "503"])
def test_oracle_failure_changes_nothing(fault, explain_venv, pip_runner, build_deps, tmp_path):
    """pip 26 without a cache re-reads the project page: make that second read
    hang for 20 s, or fail. pip's output and exit code stay pip's; the panel
    comes within the oracle's 3 s bound, without wheel facts."""
    venv = explain_venv("3.11", LATEST_PIP)
    index = _index(tmp_path, [localindex.PSUTIL_SDIST, localindex.PSUTIL_OLD_WHEEL], build_deps)
    with localindex.IndexServer(index) as server:
        args = ["install", "--no-cache-dir", "--index-url", server.url, "psutil"]
        base, _ = _run(pip_runner, venv, server, args, {"PIP_EXPLAIN": "0"}, tmp_path, "1-baseline")
        server.faults = {"/simple/psutil/": (2, fault)}
        server.hang_seconds = 20.0
        js, js_req = _run(pip_runner, venv, server, args, {"PIP_EXPLAIN_FORMAT": "json"}, tmp_path, "2-json")
        server.faults = {}
    assert js.rc == base.rc == 1
    assert harness.normalise(js.stdout) == harness.normalise(base.stdout)
    extra = harness.appended(harness.normalise(base.stderr), harness.normalise(js.stderr))
    assert extra is not None and "Traceback" not in extra, js.stderr[-3000:]
    assert js_req[("GET", "/simple/psutil/")] == 2, js_req  # the oracle did ask
    assert js.seconds < base.seconds + 8, (js.seconds, base.seconds)
    d = harness.json_tail(extra)["diagnoses"][0]
    assert d["cause"] == "compiler-missing"
    if fault == "hang":
        assert d["wheels"] is None
    assert d["alternatives"][-1]["kind"] == "toolchain"


AUDIT = '''
import os, sys

def _hook(event, args):
    if event != "socket.connect":
        return
    addr = args[1]
    host = addr[0] if isinstance(addr, tuple) else str(addr)
    with open(os.environ["PX_CONNECT_LOG"], "a") as f:
        f.write("%s %r\\n" % (os.getpid(), addr))
    if isinstance(addr, tuple) and host not in ("127.0.0.1", "::1", "localhost"):
        raise PermissionError("deny-all: %r" % (addr,))

if os.environ.get("PX_CONNECT_LOG"):
    sys.addaudithook(_hook)
'''


def test_no_surprise_traffic(explain_venv, fresh_venv, pip_runner, build_deps, tmp_path):
    """Every socket connection of pip and everything it starts is logged by an
    audit hook that refuses any address but localhost: with pip-explain (the
    oracle and the checks on, or the oracle off) the connections go to the
    configured index only, and the index sees what it sees without it."""
    venv = fresh_venv(explain_venv("3.11", LATEST_PIP))
    (venv.site_packages() / "sitecustomize.py").write_text(AUDIT)
    index = _index(tmp_path, [localindex.PSUTIL_SDIST, localindex.PSUTIL_OLD_WHEEL], build_deps)
    logs = {}
    with localindex.IndexServer(index) as server:
        args = ["install", "--index-url", server.url, "--trusted-host", "127.0.0.1", "psutil"]
        runs = {}
        for label, env in (("1-baseline", {"PIP_EXPLAIN": "0"}), ("2-explain", {}),
                           ("3-no-oracle", {"PIP_EXPLAIN_ORACLE": "0"})):
            log = tmp_path / (label + ".connects")
            log.write_text("")
            env = dict(env, PX_CONNECT_LOG=str(log), PIP_EXPLAIN_FORMAT="json")
            runs[label] = _run(pip_runner, venv, server, args, env, tmp_path, label)
            logs[label] = log.read_text().splitlines()
        port = server.port
    for label, (result, requests) in runs.items():
        assert result.rc == 1, result.describe()[-2000:]
        assert logs[label], "the audit hook saw no connection at all (%s)" % label
        assert all("'127.0.0.1', %d)" % port in line for line in logs[label]), logs[label]
        assert requests == runs["1-baseline"][1], (label, requests - runs["1-baseline"][1])
    d = harness.json_tail(runs["2-explain"][0].stderr)["diagnoses"][0]
    assert d["alternatives"][0]["kind"] == "wheel-version"
    d = harness.json_tail(runs["3-no-oracle"][0].stderr)["diagnoses"][0]
    assert d["wheels"] is None and d["alternatives"][0]["kind"] == "toolchain"


UJSON6 = ("ujson-6.1.0.tar.gz", "ujson-6.1.0-cp311-cp311-manylinux_2_24_x86_64.manylinux_2_28_x86_64.whl")


def test_pip_too_old_in_the_panel(venvs, fresh_venv, pip_runner, build_deps, tmp_path):
    """pip 20.2.4 does not accept PEP 600 tags: ujson 6.1.0's only cp311 wheel
    is manylinux_2_24/2_28, so it builds the sdist (no compiler: fails). The
    first way out is upgrading pip, and after that the same command installs
    the wheel without a compiler."""
    try:
        venv = fresh_venv(venvs.with_pip_explain("3.11", "20.2.4"))
    except harness.Unavailable as exc:
        pytest.skip(str(exc))
    index = _index(tmp_path, list(UJSON6), build_deps)
    with localindex.IndexServer(index) as server:
        args = ["install", "--index-url", server.url, "--trusted-host", "127.0.0.1", "ujson==6.1.0"]
        base, base_req = _run(pip_runner, venv, server, args, {"PIP_EXPLAIN": "0"}, tmp_path, "1-baseline")
        js, js_req = _run(pip_runner, venv, server, args, {"PIP_EXPLAIN_FORMAT": "json"}, tmp_path, "2-json")
        assert base.rc == 1 and js.rc == 1, base.describe()[-3000:]
        assert js_req == base_req
        data = harness.json_tail(harness.appended(harness.normalise(base.stderr), harness.normalise(js.stderr)))
        d = (data["diagnoses"] or data["unrecognized"])[0]
        up = d["alternatives"][0]
        assert up["kind"] == "upgrade-pip", d["alternatives"]
        assert "pip 20.2.4" in up["detail"] and "pip >= 20.3" in up["detail"] and UJSON6[1] in up["detail"], up
        # take the way out: upgrade pip (from the real index), then the same command
        up_words = shlex.split(up["command"])
        assert up_words[1:] == ["-m", "pip", "install", "--upgrade", "pip"], up_words
        r = harness.run([str(venv.python), "-m", "pip", "install", "-q", "pip==%s" % LATEST_PIP],
                        env=dict(harness._minimal_env(), PIP_EXPLAIN="0"))
        if r.rc != 0:
            pytest.skip("cannot upgrade pip from the package index: %s" % r.stderr[-300:])
        ok, _ = _run(pip_runner, venv, server, args, {}, tmp_path, "3-after-upgrade")
    assert ok.rc == 0 and "Successfully installed ujson-6.1.0" in ok.stdout, ok.describe()[-3000:]
