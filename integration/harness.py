"""Harness for pip-explain's integration tests.

Real interpreters, real pips from the package index, real sdists, and a build
toolchain that is really absent while pip runs. Nothing on the machine is
changed: toolchains are hidden from one pip process at a time, either through
its PATH (a directory of symlinks minus the hidden programs, and a fresh HOME
so that ``~/.cargo/bin`` is not used) or inside a private mount namespace
(``unshare -m``; a tmpfs over a directory, or an overlayfs from which single
files are deleted), which needs root.

Everything here is plain functions and small classes so that the fixtures in
``conftest.py`` stay thin. Setup problems raise :class:`Unavailable` (the test
is skipped with that reason: a missing interpreter, no mount namespace, no
network for the first download) or :class:`HarnessError` (the harness itself
failed: the test errors).

Environment knobs:

``PIP_EXPLAIN_TEST_CACHE``
    persistent cache (sdists, pip's HTTP cache, virtualenv's app data);
    default ``$XDG_CACHE_HOME/pip-explain-tests`` or ``~/.cache/pip-explain-tests``.
``PIP_EXPLAIN_WHEEL``
    a pip-explain wheel to test instead of building one from this checkout
    (under tox, the wheel tox built, ``TOX_PACKAGE``, is used by default).
``PIP_EXPLAIN_MATRIX=1`` / ``PIP_EXPLAIN_PIPS``
    which (python, pip) pairs to test, see :func:`combos`.
``PIP_EXPLAIN_TEST_TIMEOUT``
    seconds allowed for one pip run (default 900).
``PYENV_ROOT``
    where to look for interpreters (``$PYENV_ROOT/versions/3.X.Y``), else ``~/.pyenv``.
``PIP_INDEX_URL`` / ``PIP_EXTRA_INDEX_URL`` / ``PIP_TRUSTED_HOST`` / ``PIP_CERT``
    passed on to every pip the harness runs; ``PIP_INDEX_URL`` also serves the sdists.
"""
from __future__ import annotations

import fnmatch
import hashlib
import html.parser
import json
import os
import re
import shlex
import shutil
import ssl
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

REPO_ROOT = Path(__file__).resolve().parent.parent

#: newest pip release (``pip index versions pip``, checked 2026-11); the quick
#: subset tests against it.
LATEST_PIP = "26.3"
#: the pip releases of the full matrix (PIP_EXPLAIN_MATRIX=1) on Python 3.11
#: (all run there); pip < 23.1 does not run on 3.12+, so 3.13 gets the newest
#: pip only. 21.3.1 is the last pip without rich, 22.x takes the legacy
#: "setup.py install" path for netifaces, 25.3 removed it.
MATRIX_PIPS_311 = ("21.3.1", "22.3.1", "23.3.2", "24.3.1", "25.3", LATEST_PIP)
MATRIX_EXTRA = (("3.13", LATEST_PIP),)

SYSTEM_PATH = ("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin")

#: PIP_* settings of the test environment that reach the pips the harness runs
#: (so that a mirror or a proxy CA keeps working); everything else is dropped.
PASSED_PIP_SETTINGS = ("PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_TRUSTED_HOST", "PIP_CERT",
                       "PIP_DEFAULT_TIMEOUT", "PIP_RETRIES")
PASSED_OTHER = ("http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY",
                "SSL_CERT_FILE", "SSL_CERT_DIR")
DEFAULT_CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt"


class Unavailable(Exception):
    """Something this test needs is not available here; the test is skipped."""


class HarnessError(Exception):
    """A setup step failed (not the pip run under test)."""


def matrix_enabled() -> bool:
    return os.environ.get("PIP_EXPLAIN_MATRIX", "").strip() not in ("", "0")


def combos(quick: Sequence[Tuple[str, str]] = (("3.11", LATEST_PIP),)) -> List[Tuple[str, str]]:
    """(python, pip) pairs a test runs on: ``quick`` by default, the whole matrix
    with PIP_EXPLAIN_MATRIX=1, or exactly PIP_EXPLAIN_PIPS ("22.0.4 25.2
    3.13:26.3": pip versions, on Python 3.11 unless prefixed) when set."""
    chosen = os.environ.get("PIP_EXPLAIN_PIPS", "").split()
    if chosen:
        return [tuple(c.split(":", 1)) if ":" in c else ("3.11", c) for c in chosen]
    if matrix_enabled():
        return [("3.11", v) for v in MATRIX_PIPS_311] + list(MATRIX_EXTRA)
    return list(quick)


def combo_id(combo: Tuple[str, str]) -> str:
    return "py%s-pip%s" % combo


# --------------------------------------------------------------------------
# caches and interpreters

def cache_root() -> Path:
    explicit = os.environ.get("PIP_EXPLAIN_TEST_CACHE")
    if explicit:
        root = Path(explicit)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        root = Path(base) / "pip-explain-tests"
    root.mkdir(parents=True, exist_ok=True)
    return root


def session_pip_cache(session_dir: Path, persistent: Path) -> Path:
    """A PIP_CACHE_DIR for one test session: its HTTP caches are the persistent
    ones (pip writes them atomically, so sessions can share them), its wheels/
    is private, so that clearing it before each run never pulls a wheel from
    under another session's running build."""
    cache = session_dir / "pip-cache"
    cache.mkdir(parents=True, exist_ok=True)
    for sub in ("http", "http-v2"):
        target = persistent / sub
        target.mkdir(parents=True, exist_ok=True)
        link = cache / sub
        if not os.path.lexists(link):
            link.symlink_to(target)
    return cache


def _version_key(name: str) -> Tuple:
    return tuple(int(p) if p.isdigit() else -1 for p in re.split(r"[.]", name))


def find_python(version: str) -> Path:
    """The newest CPython ``version`` (``"3.11"``): pyenv's versions dir first
    (``$PYENV_ROOT`` or ``~/.pyenv``), then ``python3.11`` on PATH."""
    pyenv = Path(os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv"))
    found = []
    versions = pyenv / "versions"
    if versions.is_dir():
        for d in versions.iterdir():
            if re.fullmatch(re.escape(version) + r"(\.\d+)?", d.name) and (d / "bin" / "python").exists():
                found.append(d)
    if found:
        return max(found, key=lambda d: _version_key(d.name)) / "bin" / "python"
    on_path = shutil.which("python" + version)
    if on_path:
        return Path(on_path)
    raise Unavailable("no Python %s: looked in %s/versions/%s.* and for python%s on PATH"
                      % (version, pyenv, version, version))


# --------------------------------------------------------------------------
# running things

@dataclass
class Result:
    cmd: List[str]
    rc: int
    stdout_bytes: bytes
    stderr_bytes: bytes
    seconds: float
    env: Dict[str, str] = field(default_factory=dict)

    @property
    def stdout(self) -> str:
        return self.stdout_bytes.decode("utf-8", "surrogateescape")

    @property
    def stderr(self) -> str:
        return self.stderr_bytes.decode("utf-8", "surrogateescape")

    def describe(self) -> str:
        return "$ %s\n[exit %s after %.1fs]\n--- stdout\n%s--- stderr\n%s" % (
            " ".join(shlex.quote(c) for c in self.cmd), self.rc, self.seconds, self.stdout, self.stderr)


def run(cmd: Sequence[str], env: Optional[Mapping[str, str]] = None, cwd: Optional[Path] = None,
        timeout: Optional[float] = None) -> Result:
    t0 = time.monotonic()
    try:
        p = subprocess.run([str(c) for c in cmd], env=dict(env) if env is not None else None,
                           cwd=str(cwd) if cwd else None, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        raise HarnessError("timed out after %ss: %s" % (timeout, " ".join(map(str, cmd)))) from exc
    return Result([str(c) for c in cmd], p.returncode, p.stdout, p.stderr, time.monotonic() - t0,
                  dict(env) if env is not None else {})


def run_tty(cmd: Sequence[str], env: Optional[Mapping[str, str]] = None, cwd: Optional[Path] = None,
            timeout: Optional[float] = None, columns: int = 100, lines: int = 40) -> Result:
    """Like :func:`run`, with stdout and stderr each on its own pseudo-terminal
    (so both are TTYs, as in a terminal, yet still told apart); stdin is
    /dev/null. The terminal driver turns "\\n" into "\\r\\n": undone here."""
    import fcntl
    import pty
    import select
    import struct
    import termios

    t0 = time.monotonic()
    pairs = [pty.openpty(), pty.openpty()]
    for _master, slave in pairs:
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    try:
        p = subprocess.Popen([str(c) for c in cmd], env=dict(env) if env is not None else None,
                             cwd=str(cwd) if cwd else None, stdin=subprocess.DEVNULL,
                             stdout=pairs[0][1], stderr=pairs[1][1], start_new_session=True)
    finally:
        for _, slave in pairs:
            os.close(slave)
    chunks = {pairs[0][0]: [], pairs[1][0]: []}
    open_fds = set(chunks)
    deadline = None if timeout is None else t0 + timeout
    try:
        while open_fds:
            wait = None if deadline is None else max(0.0, deadline - time.monotonic())
            if wait == 0.0:
                p.kill()
                raise HarnessError("timed out after %ss: %s" % (timeout, " ".join(map(str, cmd))))
            ready, _, _ = select.select(list(open_fds), [], [], wait)
            for fd in ready:
                try:
                    data = os.read(fd, 65536)
                except OSError:  # EIO: the last writer closed the terminal
                    data = b""
                if data:
                    chunks[fd].append(data)
                else:
                    open_fds.discard(fd)
        rc = p.wait(timeout=None if deadline is None else max(1.0, deadline - time.monotonic()))
    finally:
        for master, _ in pairs:
            os.close(master)
    out, err = (b"".join(chunks[m]).replace(b"\r\n", b"\n") for m, _ in pairs)
    return Result([str(c) for c in cmd], rc, out, err, time.monotonic() - t0, dict(env) if env is not None else {})


def check(cmd: Sequence[str], what: str, **kw) -> Result:
    r = run(cmd, **kw)
    if r.rc != 0:
        raise HarnessError("%s failed:\n%s" % (what, r.describe()))
    return r


def base_env(home: Path, path: str, pip_cache: Path, tmpdir: Optional[Path] = None) -> Dict[str, str]:
    """An ``env -i`` style environment for pip: nothing from the caller but the
    index/proxy settings that pip needs to reach its index."""
    env = {
        "PATH": path,
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TERM": "dumb",
        "PIP_CONFIG_FILE": os.devnull,
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PIP_NO_INPUT": "1",
        "PIP_CACHE_DIR": str(pip_cache),
        "PIP_DEFAULT_TIMEOUT": "120",
        # wheels built during the run get fixed timestamps (stable sha256 in pip's output)
        "SOURCE_DATE_EPOCH": "1700000000",
    }
    if tmpdir is not None:
        env["TMPDIR"] = str(tmpdir)
    for name in PASSED_PIP_SETTINGS + PASSED_OTHER:
        if os.environ.get(name):
            env[name] = os.environ[name]
    if "PIP_CERT" not in env and os.path.isfile(DEFAULT_CA_BUNDLE):
        env["PIP_CERT"] = DEFAULT_CA_BUNDLE
    return env


# --------------------------------------------------------------------------
# virtual environments

@dataclass
class Venv:
    path: Path
    pyver: str          # "3.11.7"
    pipver: str         # "26.3"
    explain: bool = False

    @property
    def python(self) -> Path:
        return self.path / "bin" / "python"

    @property
    def pip(self) -> Path:
        return self.path / "bin" / "pip"

    @property
    def bindir(self) -> Path:
        return self.path / "bin"

    def sysconfig_path(self, key: str) -> Path:
        r = check([self.python, "-c", "import sysconfig,sys; sys.stdout.write(sysconfig.get_paths()[%r])" % key],
                  "sysconfig of %s" % self.path, env=_minimal_env())
        return Path(r.stdout)

    def site_packages(self) -> Path:
        return self.sysconfig_path("purelib")

    def include_dir(self) -> Path:
        """The interpreter's own include dir (Python.h), not the venv's."""
        return self.sysconfig_path("include")


def _minimal_env() -> Dict[str, str]:
    env = {"PATH": ":".join(SYSTEM_PATH), "LANG": "C.UTF-8", "PIP_EXPLAIN": "0"}
    for k in ("HOME",):
        if k in os.environ:
            env[k] = os.environ[k]
    return env


def clone_venv(src: Venv, dest: Path) -> Venv:
    """Copy a venv. Its python is a symlink to the base interpreter and finds
    pyvenv.cfg next to itself; only the scripts' shebangs name the old path."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(src.path, dest, symlinks=True)
    old, new = str(src.path).encode(), str(dest).encode()
    for f in (dest / "bin").iterdir():
        if f.is_symlink() or not f.is_file():
            continue
        data = f.read_bytes()
        if old in data:
            f.write_bytes(data.replace(old, new))
    return Venv(dest, src.pyver, src.pipver, src.explain)


class VenvFactory:
    """Venvs made with virtualenv, one template per (python, pip[, pip-explain])
    per session; tests that change a venv get a clone."""

    def __init__(self, root: Path, cache: Path, pip_cache: Path):
        self.root = root
        self.cache = cache
        self.pip_cache = pip_cache
        self._templates: Dict[Tuple[str, str, bool], Venv] = {}
        self._wheelhouse: Optional[Wheelhouse] = None
        root.mkdir(parents=True, exist_ok=True)

    def set_wheelhouse(self, wheelhouse: "Wheelhouse") -> None:
        self._wheelhouse = wheelhouse

    def _env(self) -> Dict[str, str]:
        home = self.root / "home"
        home.mkdir(exist_ok=True)
        env = base_env(home, ":".join(SYSTEM_PATH), self.pip_cache)
        env["VIRTUALENV_OVERRIDE_APP_DATA"] = str(self.cache / "virtualenv")
        env["PIP_EXPLAIN"] = "0"
        return env

    def bare(self, python: str, pip: str) -> Venv:
        """A venv of the newest local CPython ``python`` with ``pip==pip``."""
        key = (python, pip, False)
        if key in self._templates:
            return self._templates[key]
        interp = find_python(python)
        dest = self.root / ("py%s-pip%s" % (python, pip))
        if dest.exists():
            shutil.rmtree(dest)
        env = self._env()
        check([sys.executable, "-m", "virtualenv", "--no-periodic-update", "-p", interp, dest],
              "virtualenv -p %s" % interp, env=env, timeout=600)
        py = dest / "bin" / "python"
        check([py, "-m", "pip", "install", "-q", "pip==%s" % pip], "installing pip==%s" % pip, env=env, timeout=600)
        got = check([py, "-m", "pip", "--version"], "pip --version", env=env).stdout.split()
        pyver = check([py, "-c", "import platform; print(platform.python_version())"], "python version",
                      env=env).stdout.strip()
        if len(got) < 2 or got[1] != pip:
            raise HarnessError("asked for pip %s, got %r" % (pip, " ".join(got)))
        # pip < 23.1 imports but does not work on Python 3.12+ (distutils, pkgutil.ImpImporter)
        r = run([py, "-m", "pip", "list"], env=env, timeout=300)
        if r.rc != 0:
            raise Unavailable("pip %s does not run on Python %s" % (pip, pyver))
        venv = Venv(dest, pyver, pip, False)
        self._templates[key] = venv
        return venv

    def with_pip_explain(self, python: str, pip: str) -> Venv:
        """Like :meth:`bare`, plus pip-explain and its dependencies, installed
        from the session wheelhouse (offline)."""
        key = (python, pip, True)
        if key in self._templates:
            return self._templates[key]
        if self._wheelhouse is None:
            raise HarnessError("no wheelhouse set")
        venv = clone_venv(self.bare(python, pip), self.root / ("py%s-pip%s-explain" % (python, pip)))
        venv.explain = True
        self._wheelhouse.install_into(venv, self._env())
        self._templates[key] = venv
        return venv

    def clone(self, venv: Venv, dest: Path) -> Venv:
        return clone_venv(venv, dest)


# --------------------------------------------------------------------------
# pip-explain's wheel and a wheelhouse with its dependencies

class Wheelhouse:
    """pip-explain's wheel, built once per session from this checkout (or
    taken from PIP_EXPLAIN_WHEEL), and, per Python minor version, every wheel
    it needs plus setuptools/wheel for offline builds."""

    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self._wheel: Optional[Path] = None
        self._per_python: Dict[str, Path] = {}

    def pip_explain_wheel(self) -> Path:
        if self._wheel is not None:
            return self._wheel
        given = os.environ.get("PIP_EXPLAIN_WHEEL")
        if not given:
            # under tox: the wheel tox built and installed into the test env
            tox_pkgs = [p for p in os.environ.get("TOX_PACKAGE", "").split(os.pathsep)
                        if os.path.basename(p).startswith("pip_explain-") and p.endswith(".whl")]
            given = tox_pkgs[0] if len(tox_pkgs) == 1 else None
        if given:
            self._wheel = Path(given).resolve()
            if not self._wheel.is_file():
                raise HarnessError("PIP_EXPLAIN_WHEEL=%s does not exist" % given)
            return self._wheel
        dist = self.root / "dist"
        if dist.exists():
            shutil.rmtree(dist)
        # the test environment's own pip and settings (it fetches hatchling)
        env = dict(os.environ)
        env["PIP_EXPLAIN"] = "0"
        check([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, REPO_ROOT],
              "building pip-explain's wheel from %s" % REPO_ROOT, env=env, timeout=900)
        wheels = sorted(dist.glob("pip_explain-*.whl"))
        if len(wheels) != 1:
            raise HarnessError("expected one pip_explain wheel in %s, found %s" % (dist, wheels))
        self._wheel = wheels[0]
        return self._wheel

    def for_python(self, pyver: str) -> Path:
        minor = ".".join(pyver.split(".")[:2])
        if minor in self._per_python:
            return self._per_python[minor]
        wheel = self.pip_explain_wheel()
        dest = self.root / ("py" + minor)
        dest.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ)
        env["PIP_EXPLAIN"] = "0"
        check([sys.executable, "-m", "pip", "download", "-q", "--only-binary=:all:",
               "--python-version", minor, "-d", dest, wheel, "setuptools", "wheel"],
              "downloading pip-explain's dependencies for Python %s" % minor, env=env, timeout=900)
        if not (dest / wheel.name).exists():
            shutil.copy2(wheel, dest / wheel.name)
        self._per_python[minor] = dest
        return dest

    def install_into(self, venv: Venv, env: Mapping[str, str]) -> None:
        wh = self.for_python(venv.pyver)
        check([venv.python, "-m", "pip", "install", "-q", "--no-index", "--find-links", wh,
               wh / self.pip_explain_wheel().name],
              "installing pip-explain into %s" % venv.path, env=env, timeout=600)


# --------------------------------------------------------------------------
# real sdists from the index, never built

_SIMPLE_JSON = "application/vnd.pypi.simple.v1+json"


def _norm_name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _ssl_context() -> ssl.SSLContext:
    ca = os.environ.get("PIP_CERT") or (DEFAULT_CA_BUNDLE if os.path.isfile(DEFAULT_CA_BUNDLE) else None)
    return ssl.create_default_context(cafile=ca) if ca else ssl.create_default_context()


def _sdist_matches(filename: str, name: str, version: str) -> bool:
    for ext in (".tar.gz", ".zip", ".tar.bz2", ".tgz"):
        if filename.endswith(ext):
            n, sep, v = filename[: -len(ext)].rpartition("-")
            return bool(sep) and _norm_name(n) == _norm_name(name) and v == version
    return False


class _Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: List[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href") or "")


def _index_files(name: str) -> List[Tuple[str, str, Optional[str]]]:
    """(filename, url, sha256) of every file the simple index lists for ``name``."""
    index = os.environ.get("PIP_INDEX_URL") or "https://pypi.org/simple/"
    url = urllib.parse.urljoin(index.rstrip("/") + "/", _norm_name(name) + "/")
    req = urllib.request.Request(url, headers={"Accept": _SIMPLE_JSON + ", text/html;q=0.1"})
    try:
        with urllib.request.urlopen(req, timeout=60, context=_ssl_context()) as r:
            ctype = r.headers.get("Content-Type", "")
            body = r.read()
    except OSError as exc:
        raise Unavailable("cannot reach the package index at %s: %s" % (url, exc)) from exc
    out = []
    if ctype.startswith(_SIMPLE_JSON):
        for f in json.loads(body)["files"]:
            out.append((f["filename"], urllib.parse.urljoin(url, f["url"]), (f.get("hashes") or {}).get("sha256")))
        return out
    links = _Links()
    links.feed(body.decode("utf-8", "replace"))
    for href in links.hrefs:
        full, _, frag = urllib.parse.urljoin(url, href).partition("#")
        fn = urllib.parse.unquote(full.rsplit("/", 1)[-1])
        out.append((fn, full, frag[7:] if frag.startswith("sha256=") else None))
    return out


def fetch_sdist(name: str, version: str, cache: Optional[Path] = None) -> Path:
    """The sdist of ``name==version``, downloaded through the simple index API
    (no build step runs; ``pip download`` would prepare its metadata, i.e. run
    the very build that must fail) into ``<cache>/sdists`` with its sha256 checked."""
    cache = (cache or cache_root()) / "sdists"
    cache.mkdir(parents=True, exist_ok=True)
    for f in sorted(cache.iterdir()):
        if _sdist_matches(f.name, name, version):
            return f
    for filename, url, sha in _index_files(name):
        if not _sdist_matches(filename, name, version):
            continue
        try:
            with urllib.request.urlopen(url, timeout=600, context=_ssl_context()) as r:
                data = r.read()
        except OSError as exc:
            raise Unavailable("cannot download %s: %s" % (url, exc)) from exc
        if sha and hashlib.sha256(data).hexdigest() != sha:
            raise HarnessError("sha256 mismatch for %s" % url)
        tmp = cache / (".%s.%d" % (filename, os.getpid()))
        tmp.write_bytes(data)
        os.replace(tmp, cache / filename)
        return cache / filename
    raise HarnessError("the index lists no sdist of %s==%s" % (name, version))


# --------------------------------------------------------------------------
# hiding toolchains

C_COMPILERS = ("gcc", "gcc-[0-9]*", "x86_64-linux-gnu-gcc", "x86_64-linux-gnu-gcc-[0-9]*",
               "cc", "c89", "c99", "c89-gcc", "c99-gcc", "clang", "clang-[0-9]*", "tcc", "icx", "icc")
CXX_COMPILERS = ("g++", "g++-[0-9]*", "x86_64-linux-gnu-g++", "x86_64-linux-gnu-g++-[0-9]*",
                 "c++", "clang++", "clang++-[0-9]*")
RUST_TOOLS = ("cargo", "cargo-*", "rustc", "rustc-*", "rustup", "rustdoc", "rust-*")


@dataclass(frozen=True)
class Hide:
    """What must be absent while pip runs.

    ``programs``: glob patterns of executables left out of PATH (PATH mode; the
    pip run's PATH is a directory of symlinks to the system bin dirs). ``dirs``:
    directories covered by an empty tmpfs, ``files``: paths deleted from an
    overlayfs over their parent (both in a private mount namespace, root only).
    """
    programs: Tuple[str, ...] = ()
    dirs: Tuple[Path, ...] = ()
    files: Tuple[Path, ...] = ()

    @property
    def needs_ns(self) -> bool:
        return bool(self.dirs or self.files)


_NS_PROBE: Optional[str] = None


def namespace_unavailable_reason() -> Optional[str]:
    """None when ``unshare -m`` plus a tmpfs mount works here, else why not."""
    global _NS_PROBE
    if _NS_PROBE is not None:
        return _NS_PROBE or None
    unshare = shutil.which("unshare")
    if not unshare:
        _NS_PROBE = "unshare(1) is not installed"
        return _NS_PROBE
    import tempfile

    with tempfile.TemporaryDirectory(prefix="px-ns-probe-") as d:
        r = run([unshare, "-m", "--propagation", "private", "sh", "-c",
                 'mount -t tmpfs px-probe "$1" && touch "$1/x"', "sh", d], timeout=60)
        leaked = os.path.exists(os.path.join(d, "x"))
    if r.rc != 0:
        _NS_PROBE = "a private mount namespace is not permitted here (unshare -m + mount: %s)" % (
            r.stderr.strip())
    elif leaked:
        _NS_PROBE = "mounts inside unshare -m leak to the host here"
    else:
        _NS_PROBE = ""
    return _NS_PROBE or None


def path_without(programs: Iterable[str], dest: Path, dirs: Sequence[str] = SYSTEM_PATH) -> str:
    """A directory of symlinks to everything in ``dirs`` but ``programs``
    (globs); returns it as a PATH value."""
    patterns = tuple(programs)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for d in dirs:
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if any(fnmatch.fnmatchcase(name, p) for p in patterns):
                continue
            link = dest / name
            if not os.path.lexists(link):
                link.symlink_to(os.path.join(d, name))
    return str(dest)


_NS_SCRIPT = r'''
set -e
work=$1; shift
n=0
while [ "$1" != "--" ]; do
  kind=$1 p=$2; shift 2
  if [ "$kind" = dir ]; then
    mount -t tmpfs -o mode=0755 px-hide "$p"
  else
    n=$((n+1)); d=$(dirname "$p")
    mkdir -p "$work/$n/u" "$work/$n/w"
    if ! grep -q " $d overlay " /proc/self/mounts; then
      mount -t overlay px-hide -o "lowerdir=$d,upperdir=$work/$n/u,workdir=$work/$n/w" "$d"
    fi
    rm -rf -- "$p"
  fi
done
shift
exec "$@"
'''


def ns_prefix(hide: Hide, work: Path) -> List[str]:
    """Command prefix that runs the rest of the command line in a private
    mount namespace where ``hide.dirs`` are empty and ``hide.files`` absent."""
    reason = namespace_unavailable_reason()
    if reason:
        raise Unavailable(reason)
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    args: List[str] = []
    for d in hide.dirs:
        args += ["dir", str(d)]
    # one overlay per parent directory; files sharing a parent reuse it
    for f in hide.files:
        if os.path.lexists(f):
            args += ["file", str(f)]
    return ["unshare", "-m", "--propagation", "private", "sh", "-c", _NS_SCRIPT, "px-ns", str(work)] + args + ["--"]


# --------------------------------------------------------------------------
# running pip

class PipRunner:
    """Runs one pip command line the way a user would type it (``<venv>/bin/pip
    ...``), in a clean environment, with toolchains hidden, capturing stdout,
    stderr and the exit code separately."""

    def __init__(self, workdir: Path, pip_cache: Path, timeout: Optional[float] = None):
        self.workdir = workdir
        self.pip_cache = pip_cache
        self.timeout = timeout or float(os.environ.get("PIP_EXPLAIN_TEST_TIMEOUT", "900"))
        workdir.mkdir(parents=True, exist_ok=True)
        self.runs: List[Result] = []

    def run(self, venv: Venv, args: Sequence[str], env: Optional[Mapping[str, str]] = None,
            hide: Hide = Hide(), constraints: Sequence[str] = (), tty: bool = False,
            python: bool = False) -> Result:
        """``tty``: stdout and stderr on pseudo-terminals (TERM=xterm-256color);
        ``python``: ``<venv>/bin/python args`` instead of ``<venv>/bin/pip args``."""
        home = self.workdir / "home"
        tmp = self.workdir / "tmp"
        for d in (home, tmp):
            if d.exists():
                shutil.rmtree(d)
            d.mkdir(parents=True)
        # a wheel from an earlier successful build must never satisfy this install
        shutil.rmtree(self.pip_cache / "wheels", ignore_errors=True)
        if hide.programs:
            path = path_without(hide.programs, self.workdir / "bin")
        else:
            path = ":".join(SYSTEM_PATH)
        e = base_env(home, "%s:%s" % (venv.bindir, path), self.pip_cache, tmp)
        e["VIRTUAL_ENV"] = str(venv.path)
        if constraints:
            cfile = self.workdir / "constraints.txt"
            cfile.write_text("".join(c + "\n" for c in constraints))
            # pip >= 25.3 reads only PIP_BUILD_CONSTRAINT for isolated build envs
            e["PIP_CONSTRAINT"] = e["PIP_BUILD_CONSTRAINT"] = str(cfile)
        if tty:
            e["TERM"] = "xterm-256color"
        e.update(env or {})
        cmd = [str(venv.python if python else venv.pip)] + [str(a) for a in args]
        if hide.needs_ns:
            cmd = ns_prefix(hide, self.workdir / "ns") + cmd
        result = (run_tty if tty else run)(cmd, env=e, cwd=self.workdir, timeout=self.timeout)
        shutil.rmtree(self.workdir / "ns", ignore_errors=True)
        self.runs.append(result)
        return result


# --------------------------------------------------------------------------
# comparing runs

_TEMP_NAME = re.compile(r"\b(pip-[a-z]+(?:-[a-z]+)*-)[a-z0-9_]{8}(?![a-z0-9_])")
_PY_TEMP = re.compile(r"\btmp-?[a-z0-9_]{8}(?![a-z0-9_])")
_DOWNLOAD = re.compile(r"^(\s*)(?:Downloading|Using cached) (\S+)(?: \([^)]*\))?$", re.M)
_SHA256 = re.compile(r"\b(sha256[=:])[0-9a-f]{64}\b")
# rich progress bars (pip >= 22 draws them in -v output even when not a TTY):
# speed and ETA differ between runs
_PROGRESS = re.compile(r"^[ \t]*[\u2501\u2578-\u257f]+ +[\d.]+/[\d.]+ [kMGT]?i?B\b.*\n", re.M)
# pip's spinner on a terminal redraws its status with backspaces at a fixed
# rate (how many frames a step shows depends on time), inside cursor hide/show
_SPINNER = re.compile(r"(?:\x08+ *\x08*[-\\|/])+")
_CURSOR = re.compile(r"\x1b\[\?25[lh]")


def normalise(text: str, replace: Mapping[str, str] = None) -> str:
    """Make two runs of the same pip command comparable: pip's random temp
    names (pip-install-*, pip-build-env-*, pip-req-build-*, pip-wheel-*,
    pip-modern-metadata-*, ...), Python's tmpXXXXXXXX dirs, "Downloading" vs
    "Using cached", download progress bars, the spinner's frames on a
    terminal, sha256 digests, and the given literal paths (longest first)."""
    for old, new in sorted((replace or {}).items(), key=lambda kv: -len(kv[0])):
        text = text.replace(old, new)
    text = _PROGRESS.sub("", text)
    text = _CURSOR.sub("", _SPINNER.sub("", text))
    text = _TEMP_NAME.sub(r"\1XXXXXXXX", text)
    text = _PY_TEMP.sub(lambda m: m.group(0)[:-8] + "XXXXXXXX", text)
    text = _DOWNLOAD.sub(r"\1Fetching \2", text)
    text = _SHA256.sub(r"\1<sha256>", text)
    return text


def appended(base: str, other: str) -> Optional[str]:
    """What ``other`` adds after ``base`` if ``base`` is its prefix, else None."""
    return other[len(base):] if other.startswith(base) else None


def first_difference(a: str, b: str, context: int = 3) -> str:
    """A short human-readable report of where two texts first differ."""
    la, lb = a.splitlines(), b.splitlines()
    for i in range(max(len(la), len(lb))):
        x = la[i] if i < len(la) else "<end>"
        y = lb[i] if i < len(lb) else "<end>"
        if x != y:
            lo = max(0, i - context)
            ctx = "\n".join("  " + line for line in la[lo:i])
            return "first difference at line %d:\n%s\n- %r\n+ %r" % (i + 1, ctx, x, y)
    return "texts differ only in trailing newlines" if a != b else "identical"


def json_tail(stderr: str) -> dict:
    """The JSON object on stderr's last line (PIP_EXPLAIN_FORMAT=json)."""
    lines = stderr.rstrip("\n").splitlines()
    if not lines:
        raise AssertionError("stderr is empty; expected a JSON line at its end")
    try:
        return json.loads(lines[-1])
    except ValueError as exc:
        raise AssertionError("last stderr line is not JSON: %r (%s)" % (lines[-1], exc)) from None


_BOX = re.compile(r"[\u2500-\u257f\u2190-\u21ff]")


def flatten(text: str) -> str:
    """Text with box-drawing glyphs dropped and whitespace collapsed, so a
    phrase can be found even where a panel wrapped it."""
    return re.sub(r"\s+", " ", _BOX.sub(" ", text)).strip()


# --------------------------------------------------------------------------
# tiny pure-Python distributions for the success path

_OKPKG_MODULE = 'def hello():\n    return "ok"\n'


def make_wheel(dest_dir: Path, name: str = "okpkg", version: str = "1.0") -> Path:
    """A minimal pure-Python wheel, written directly (no build step)."""
    import base64
    import zipfile

    dest_dir.mkdir(parents=True, exist_ok=True)
    dist_info = "%s-%s.dist-info" % (name, version)
    files = {
        "%s.py" % name: _OKPKG_MODULE,
        dist_info + "/METADATA": "Metadata-Version: 2.1\nName: %s\nVersion: %s\n" % (name, version),
        dist_info + "/WHEEL": "Wheel-Version: 1.0\nGenerator: pip-explain-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = []
    for path, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        record.append("%s,sha256=%s,%d" % (path, digest, len(text.encode())))
    record.append(dist_info + "/RECORD,,")
    files[dist_info + "/RECORD"] = "\n".join(record) + "\n"
    out = dest_dir / ("%s-%s-py3-none-any.whl" % (name, version))
    with zipfile.ZipFile(out, "w") as z:
        for path, text in files.items():
            info = zipfile.ZipInfo(path, date_time=(2023, 11, 14, 0, 0, 0))
            info.external_attr = 0o644 << 16
            z.writestr(info, text)
    return out


def make_sdist(dest_dir: Path, name: str = "okpkg", version: str = "1.0") -> Path:
    """A minimal pure-Python sdist with a setuptools PEP 517 backend."""
    import io
    import tarfile

    dest_dir.mkdir(parents=True, exist_ok=True)
    base = "%s-%s" % (name, version)
    files = {
        "pyproject.toml": (
            '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n'
            '[project]\nname = "%s"\nversion = "%s"\n\n[tool.setuptools]\npy-modules = ["%s"]\n'
            % (name, version, name)),
        "%s.py" % name: _OKPKG_MODULE,
        "PKG-INFO": "Metadata-Version: 2.1\nName: %s\nVersion: %s\n" % (name, version),
    }
    out = dest_dir / (base + ".tar.gz")
    with tarfile.open(out, "w:gz") as tar:
        for path, text in files.items():
            data = text.encode()
            info = tarfile.TarInfo("%s/%s" % (base, path))
            info.size, info.mtime, info.mode = len(data), 1700000000, 0o644
            tar.addfile(info, io.BytesIO(data))
    return out
