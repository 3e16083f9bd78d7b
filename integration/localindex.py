"""A local PEP 503 package index, served over real HTTP, for pip to talk to.

Real distribution files are fetched once from the package index
(:func:`fetch_file`, cached under ``cache_root()/index-files``), laid out as a
simple-index tree (:func:`build_index`) and served on 127.0.0.1 by
:class:`IndexServer`, which records every request pip makes and can demand
Basic auth (``auth=``) or fail every request with 503 (``fail=True``)::

    root = build_index(tmp_path / "index", [fetch_file(f) for f in UJSON_WHEELS])
    with IndexServer(root) as server:
        pip download --index-url <server.url> ...
        assert server.count("/simple/ujson/") == 1

Headers are those of the real index: ``/simple/`` pages carry
``Cache-Control: max-age=600, public`` and an ``ETag`` (``If-None-Match``
answers 304), files ``Cache-Control: max-age=365000000, immutable``.

Things pip does with this server (pip 26.3): it uses its HTTP cache for an
``http://`` index only when the host is trusted (``--trusted-host 127.0.0.1``
or ``PIP_TRUSTED_HOST``); otherwise every run fetches page and file again.
Credentials in the index URL are sent with the first request (no 401 round
trip) and with the file downloads. Without credentials and with
``PIP_NO_INPUT=1`` the 401 ends in "No matching distribution found" (exit 1).
pip retries 503 answers (``PIP_RETRIES``), so tests of ``fail=True`` should
set ``PIP_RETRIES=0`` to stay fast. ``build_index`` hardlinks the cached
files when it can: never modify the files under ``root/files``.

Standard library only.
"""
from __future__ import annotations

import base64
import hashlib
import html
import http.server
import os
import posixpath
import shutil
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Dict, Iterable, List, NamedTuple, Optional, Tuple

import harness

# Exact filenames on the index (checked against https://pypi.org/simple/<project>/, 2026-11).
UJSON_SDIST = "ujson-5.10.0.tar.gz"
#: cp310 and cp312 only: deliberately no cp311 wheel.
UJSON_WHEELS = (
    "ujson-5.10.0-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "ujson-5.10.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
)
#: the newest psutil release (7.2.2)
PSUTIL_SDIST = "psutil-7.2.2.tar.gz"
#: the release before it (7.2.1), abi3 wheel for Linux x86_64
PSUTIL_OLD_WHEEL = "psutil-7.2.1-cp36-abi3-manylinux2010_x86_64.manylinux_2_12_x86_64.manylinux_2_28_x86_64.whl"
#: the newest numpy 2.3.x (2.3.5); ~16 MB, do not fetch it in every test
NUMPY_PEP600_WHEEL = "numpy-2.3.5-cp311-cp311-manylinux_2_27_x86_64.manylinux_2_28_x86_64.whl"

_SDIST_EXTS = (".tar.gz", ".zip", ".tar.bz2", ".tgz")


def project_name(filename: str) -> str:
    """The normalized project name of a wheel or sdist filename."""
    if filename.endswith(".whl"):
        name = filename.split("-", 1)[0]
    else:
        ext = next((e for e in _SDIST_EXTS if filename.endswith(e)), None)
        if ext is None:
            raise ValueError("not a wheel or sdist filename: %r" % filename)
        name = filename[: -len(ext)].rpartition("-")[0]
    if not name:
        raise ValueError("no project name in %r" % filename)
    return harness._norm_name(name)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fetch_file(filename: str, cache: Optional[Path] = None) -> Path:
    """The distribution file ``filename``, downloaded from the package index
    (``PIP_INDEX_URL`` or PyPI) into ``<cache>/index-files`` (``cache``
    defaults to ``harness.cache_root()``), its sha256 checked against the
    index's link. A cached copy is used without asking the index.

    Raises :class:`harness.Unavailable` when the index cannot be reached (and
    nothing is cached), :class:`harness.HarnessError` when the index does not
    list ``filename`` or the download does not match its sha256."""
    folder = (cache or harness.cache_root()) / "index-files"
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / filename
    if dest.is_file():
        return dest
    links = {fn: (url, sha) for fn, url, sha in harness._index_files(project_name(filename))}
    if filename not in links:
        raise harness.HarnessError("the index lists no file named %s" % filename)
    url, expected = links[filename]
    tmp = folder / (".%s.%d.%d" % (filename, os.getpid(), threading.get_ident()))
    h = hashlib.sha256()
    try:
        with urllib.request.urlopen(url, timeout=600, context=harness._ssl_context()) as r, \
                open(tmp, "wb") as out:
            for chunk in iter(lambda: r.read(1 << 20), b""):
                h.update(chunk)
                out.write(chunk)
        if expected and h.hexdigest() != expected:
            raise harness.HarnessError("sha256 mismatch for %s: index says %s, got %s"
                                       % (url, expected, h.hexdigest()))
        os.replace(tmp, dest)
    except OSError as exc:
        raise harness.Unavailable("cannot download %s: %s" % (url, exc)) from exc
    finally:
        if tmp.exists():
            tmp.unlink()
    return dest


def build_index(root: Path, files: Iterable[Path]) -> Path:
    """A PEP 503 tree under ``root``: ``simple/index.html`` listing the
    projects, ``simple/<name>/index.html`` with one anchor per file
    (``../../files/<filename>#sha256=<hex>``, no ``data-requires-python``),
    the files themselves hardlinked (or copied) into ``files/``. Returns ``root``."""
    files_dir = root / "files"
    files_dir.mkdir(parents=True, exist_ok=True)
    projects = {}  # normalized name -> [(filename, sha256)]
    for src in files:
        src = Path(src)
        dest = files_dir / src.name
        if dest.exists():
            dest.unlink()
        try:
            os.link(src, dest)
        except OSError:
            shutil.copy2(src, dest)
        projects.setdefault(project_name(src.name), []).append((src.name, _sha256(dest)))
    simple = root / "simple"
    simple.mkdir(parents=True, exist_ok=True)
    anchors = "".join('<a href="%s/">%s</a><br/>\n' % (n, n) for n in sorted(projects))
    (simple / "index.html").write_text(_page("Simple index", anchors), encoding="utf-8")
    for name, entries in projects.items():
        anchors = "".join('<a href="../../files/%s#sha256=%s">%s</a><br/>\n'
                          % (html.escape(urllib.parse.quote(fn), quote=True), sha, html.escape(fn))
                          for fn, sha in sorted(entries))
        (simple / name).mkdir(exist_ok=True)
        (simple / name / "index.html").write_text(_page("Links for " + name, anchors), encoding="utf-8")
    return root


def _page(title: str, body: str) -> str:
    return ('<!DOCTYPE html>\n<html>\n<head><meta name="pypi:repository-version" content="1.0">'
            "<title>%s</title></head>\n<body>\n<h1>%s</h1>\n%s</body>\n</html>\n"
            % (html.escape(title), html.escape(title), body))


class Request(NamedTuple):
    method: str
    path: str
    auth: bool  # the client sent an Authorization header


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    owner: "IndexServer"

    def handle_error(self, request, client_address) -> None:
        # clients that hang up mid-response are not an error worth a traceback
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args) -> None:  # silent
        pass

    def do_HEAD(self) -> None:
        self._serve(body=False)

    def do_GET(self) -> None:
        self._serve(body=True)

    def _reply(self, status: int, headers: Iterable[Tuple[str, str]] = (), data: bytes = b"",
               body: bool = True) -> None:
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body and data:
            self.wfile.write(data)

    def _serve(self, body: bool) -> None:
        owner = self.server.owner
        given = self.headers.get("Authorization")
        owner._record(Request(self.command, self.path, given is not None))
        fault = owner.fault_for(self.path)
        if fault == "hang":
            time.sleep(owner.hang_seconds)
        if fault == "503":
            self._reply(503, [("Content-Type", "text/plain")], b"503 Service Unavailable (fault)\n", body)
            return
        if owner.fail:
            self._reply(503, [("Content-Type", "text/plain")], b"503 Service Unavailable (fail=True)\n", body)
            return
        if owner.auth is not None and given != owner._expected_auth:
            owner._note_401()
            self._reply(401, [("WWW-Authenticate", 'Basic realm="test"'), ("Content-Type", "text/plain")],
                        b"401 Unauthorized\n", body)
            return
        url_path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        rel = posixpath.normpath(url_path).lstrip("/")
        target = (owner.root / rel).resolve() if rel not in ("", ".") else owner.root.resolve()
        if owner.root.resolve() not in (target, *target.parents):
            self._reply(404, [("Content-Type", "text/plain")], b"404 Not Found\n", body)
            return
        if target.is_dir():
            if not url_path.endswith("/"):
                self._reply(301, [("Location", url_path + "/")], body=body)
                return
            target = target / "index.html"
        if not target.is_file():
            self._reply(404, [("Content-Type", "text/plain")], b"404 Not Found\n", body)
            return
        data = target.read_bytes()
        if url_path.startswith("/simple/"):
            etag = '"%s"' % hashlib.sha256(data).hexdigest()[:32]
            headers = [("Content-Type", "text/html; charset=utf-8"),
                       ("Cache-Control", "max-age=600, public"), ("ETag", etag)]
            wanted = [t.strip() for t in self.headers.get("If-None-Match", "").split(",")]
            if etag in wanted or "W/" + etag in wanted or "*" in wanted:
                self._reply(304, headers[1:], body=False)
                return
        else:
            headers = [("Content-Type", "application/octet-stream"),
                       ("Cache-Control", "max-age=365000000, immutable")]
        self._reply(200, headers, data, body)


class IndexServer:
    """Serves ``root`` (see :func:`build_index`) on ``http://127.0.0.1:<port>``
    from a daemon thread, recording every request. Use as a context manager
    (or :meth:`start` / :meth:`stop`).

    ``auth=("user", "token")``: requests without exactly that Basic auth get
    401 with ``WWW-Authenticate: Basic realm="test"``. ``fail=True``: every
    request gets 503. Both may be changed while the server runs."""

    def __init__(self, root: Path, auth: Optional[Tuple[str, str]] = None, fail: bool = False):
        self.root = Path(root)
        self.auth = auth
        self.fail = fail
        # {path: (n, "hang" | "503")}: from the n-th request of path on (1-based)
        self.faults: Dict[str, Tuple[int, str]] = {}
        self.hang_seconds = 20.0
        self._seen: Dict[str, int] = {}
        self._lock = threading.Lock()
        self._requests: List[Request] = []
        self._unauthorized = 0
        self._server: Optional[_Server] = None
        self._thread: Optional[threading.Thread] = None

    @property
    def _expected_auth(self) -> Optional[str]:
        if self.auth is None:
            return None
        return "Basic " + base64.b64encode(("%s:%s" % self.auth).encode("utf-8")).decode("ascii")

    def fault_for(self, path: str) -> Optional[str]:
        with self._lock:
            self._seen[path] = n = self._seen.get(path, 0) + 1
            rule = self.faults.get(path)
        return rule[1] if rule is not None and n >= rule[0] else None

    def _record(self, request: Request) -> None:
        with self._lock:
            self._requests.append(request)

    def _note_401(self) -> None:
        with self._lock:
            self._unauthorized += 1

    def start(self) -> "IndexServer":
        if self._server is not None:
            return self
        server = _Server(("127.0.0.1", 0), _Handler)
        server.owner = self
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, args=(0.05,),  # quick shutdown
                                        name="IndexServer", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(10)
        self._server = self._thread = None

    def __enter__(self) -> "IndexServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("IndexServer is not running")
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT/simple/``"""
        return "http://127.0.0.1:%d/simple/" % self.port

    @property
    def url_with_auth(self) -> str:
        """:attr:`url` with the ``auth`` credentials embedded (``http://user:token@...``)."""
        if self.auth is None:
            raise RuntimeError("IndexServer has no auth configured")
        user, token = (urllib.parse.quote(s, safe="") for s in self.auth)
        return "http://%s:%s@127.0.0.1:%d/simple/" % (user, token, self.port)

    @property
    def requests(self) -> List[Request]:
        """Every request so far, (method, path, Authorization sent), in order (a copy)."""
        with self._lock:
            return list(self._requests)

    @property
    def unauthorized(self) -> int:
        """How many requests were answered 401."""
        with self._lock:
            return self._unauthorized

    def reset(self) -> None:
        """Forget the requests recorded so far."""
        with self._lock:
            self._requests.clear()
            self._unauthorized = 0
            self._seen.clear()

    def count(self, prefix: str = "/") -> int:
        """How many requests had a path starting with ``prefix``."""
        with self._lock:
            return sum(1 for r in self._requests if r.path.startswith(prefix))
