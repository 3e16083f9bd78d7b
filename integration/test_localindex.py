"""The local index (localindex.py): its HTTP behaviour, and a real pip using it."""
from __future__ import annotations

import base64
import hashlib
import urllib.error
import urllib.request
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import pytest

import harness
import localindex
from harness import LATEST_PIP
from localindex import IndexServer, Request

UJSON_WHEEL_312 = localindex.UJSON_WHEELS[1]
assert "-cp312-" in UJSON_WHEEL_312


@pytest.fixture(scope="module")
def ujson_index(tmp_path_factory, px_cache) -> Path:
    """An index tree with the ujson 5.10.0 sdist and its cp310/cp312 wheels."""
    try:
        files = [localindex.fetch_file(f, px_cache) for f in (localindex.UJSON_SDIST,) + localindex.UJSON_WHEELS]
    except harness.Unavailable as exc:
        pytest.skip(str(exc))
    return localindex.build_index(tmp_path_factory.mktemp("ujson-index"), files)


def _get(url: str, headers: Optional[Dict[str, str]] = None, method: str = "GET") -> Tuple[int, Dict[str, str], bytes]:
    req = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_expected_files_exist_on_the_index(px_cache):
    try:
        for name in (localindex.UJSON_SDIST,) + localindex.UJSON_WHEELS + (
                localindex.PSUTIL_SDIST, localindex.PSUTIL_OLD_WHEEL):
            assert localindex.fetch_file(name, px_cache).name == name
        # ~16 MB: only checked to be listed, never downloaded here
        if not (px_cache / "index-files" / localindex.NUMPY_PEP600_WHEEL).is_file():
            listed = {fn for fn, _, _ in harness._index_files("numpy")}
            assert localindex.NUMPY_PEP600_WHEEL in listed
    except harness.Unavailable as exc:
        pytest.skip(str(exc))


def test_project_name():
    assert localindex.project_name(localindex.UJSON_SDIST) == "ujson"
    assert localindex.project_name(localindex.PSUTIL_OLD_WHEEL) == "psutil"
    assert localindex.project_name("Foo_Bar.baz-1.0.tar.gz") == "foo-bar-baz"
    assert localindex.project_name("foo_bar-1.0-py3-none-any.whl") == "foo-bar"


def test_index_tree(ujson_index):
    root_page = (ujson_index / "simple" / "index.html").read_text()
    assert '<a href="ujson/">ujson</a>' in root_page
    page = (ujson_index / "simple" / "ujson" / "index.html").read_text()
    assert page.count("<a ") == 3
    assert "data-requires-python" not in page
    sha = hashlib.sha256((ujson_index / "files" / UJSON_WHEEL_312).read_bytes()).hexdigest()
    assert '<a href="../../files/%s#sha256=%s">' % (UJSON_WHEEL_312, sha) in page
    assert "-cp311-" not in page


def test_server_headers_etag_and_recording(ujson_index):
    with IndexServer(ujson_index) as server:
        status, headers, body = _get(server.url + "ujson/")
        assert status == 200 and UJSON_WHEEL_312.encode() in body
        assert headers["Cache-Control"] == "max-age=600, public"
        etag = headers["ETag"]
        status, headers, body = _get(server.url + "ujson/", {"If-None-Match": etag})
        assert status == 304 and body == b"" and headers["ETag"] == etag
        status, headers, body = _get(server.url + "ujson/", {"If-None-Match": '"other"'})
        assert status == 200
        base = server.url[: -len("/simple/")]
        status, headers, body = _get(base + "/files/" + UJSON_WHEEL_312)
        assert status == 200 and headers["Cache-Control"] == "max-age=365000000, immutable"
        assert body == (ujson_index / "files" / UJSON_WHEEL_312).read_bytes()
        status, headers, body = _get(base + "/files/" + UJSON_WHEEL_312, method="HEAD")
        assert status == 200 and body == b"" and int(headers["Content-Length"]) > 0
        assert _get(base + "/simple/ujson")[0] == 200  # redirected to ujson/
        assert _get(base + "/files/nope.whl")[0] == 404
        assert _get(base + "/%2e%2e/%2e%2e/etc/passwd")[0] == 404
        assert server.count("/simple/ujson/") == 4
        assert server.count("/files/") == 3
        assert server.requests[0] == Request("GET", "/simple/ujson/", False)
        assert ("HEAD", "/files/" + UJSON_WHEEL_312, False) in server.requests
        server.reset()
        assert server.requests == [] and server.count() == 0


def test_server_auth_and_fail(ujson_index):
    with IndexServer(ujson_index, auth=("user", "token")) as server:
        assert server.url_with_auth == server.url.replace("http://", "http://user:token@")
        status, headers, _ = _get(server.url)
        assert status == 401 and headers["WWW-Authenticate"] == 'Basic realm="test"'
        wrong = "Basic " + base64.b64encode(b"user:wrong").decode()
        assert _get(server.url, {"Authorization": wrong})[0] == 401
        right = "Basic " + base64.b64encode(b"user:token").decode()
        assert _get(server.url, {"Authorization": right})[0] == 200
        assert [r.auth for r in server.requests] == [False, True, True]
        assert server.unauthorized == 2
    with IndexServer(ujson_index, fail=True) as server:
        assert _get(server.url + "ujson/")[0] == 503
        assert server.count("/simple/") == 1


def test_fetch_file_through_index_url(ujson_index, tmp_path, monkeypatch):
    """fetch_file honours PIP_INDEX_URL, caches, and reports a broken index as Unavailable."""
    with IndexServer(ujson_index) as server:
        monkeypatch.setenv("PIP_INDEX_URL", server.url)
        got = localindex.fetch_file(UJSON_WHEEL_312, tmp_path)
        assert got == tmp_path / "index-files" / UJSON_WHEEL_312
        assert got.read_bytes() == (ujson_index / "files" / UJSON_WHEEL_312).read_bytes()
        assert server.count("/simple/ujson/") == 1 and server.count("/files/") == 1
        server.reset()
        assert localindex.fetch_file(UJSON_WHEEL_312, tmp_path) == got  # cached: no request
        assert server.requests == []
        with pytest.raises(harness.HarnessError):
            localindex.fetch_file("ujson-5.10.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
                                  tmp_path)
        server.fail = True
        with pytest.raises(harness.Unavailable):
            localindex.fetch_file(localindex.UJSON_WHEELS[0], tmp_path)
        assert localindex.fetch_file(UJSON_WHEEL_312, tmp_path) == got  # still served from the cache


# --------------------------------------------------------------------------
# a real pip against the local index

PIP_DOWNLOAD = ["download", "--no-deps", "--only-binary", ":all:", "--python-version", "3.12",
                "ujson==5.10.0"]


def _pip_download(pip_runner, venv, index_url: str, dest: Path, tmp_path: Path) -> harness.Result:
    # a private pip cache: nothing from (or into) the persistent HTTP cache
    env = {"PIP_CACHE_DIR": str(tmp_path / "pip-cache"), "PIP_RETRIES": "0"}
    return pip_runner.run(venv, PIP_DOWNLOAD + ["--index-url", index_url, "-d", str(dest)], env=env)


def test_pip_downloads_from_local_index(ujson_index, bare_venv, pip_runner, tmp_path):
    venv = bare_venv("3.11", LATEST_PIP)
    with IndexServer(ujson_index) as server:
        r = _pip_download(pip_runner, venv, server.url, tmp_path / "dl", tmp_path)
        seen: List[Request] = server.requests
    assert r.rc == 0, r.describe()
    assert [p.name for p in (tmp_path / "dl").iterdir()] == [UJSON_WHEEL_312]
    assert Request("GET", "/simple/ujson/", False) in seen, seen
    assert Request("GET", "/files/" + UJSON_WHEEL_312, False) in seen, seen


def test_pip_with_and_without_credentials(ujson_index, bare_venv, pip_runner, tmp_path):
    venv = bare_venv("3.11", LATEST_PIP)
    with IndexServer(ujson_index, auth=("user", "token")) as server:
        ok = _pip_download(pip_runner, venv, server.url_with_auth, tmp_path / "ok", tmp_path / "a")
        with_auth = server.requests
        assert ok.rc == 0, ok.describe()
        assert (tmp_path / "ok" / UJSON_WHEEL_312).is_file()
        assert Request("GET", "/files/" + UJSON_WHEEL_312, True) in with_auth, with_auth

        server.reset()
        denied = _pip_download(pip_runner, venv, server.url, tmp_path / "denied", tmp_path / "b")
        assert denied.rc != 0, denied.describe()
        assert not (tmp_path / "denied").exists() or not any((tmp_path / "denied").iterdir())
        assert server.unauthorized >= 1
        assert Request("GET", "/simple/ujson/", False) in server.requests
        assert server.count("/files/") == 0
