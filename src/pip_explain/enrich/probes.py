"""Live checks of this machine's toolchain: is the thing the log says is
missing really missing, now?

Every probe is fixed: the program names and arguments come from this module
or from the package table (``enrich/packages.py``), never from the build log
(a name the log gives is only used to *look up* a known name); no shell;
standard input closed; each run bounded, and all of one report bounded by a
shared deadline. Imported only after a build failed, or by ``doctor``.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import time
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from pip_explain.model import Check
from pip_explain.sanitize import plain

#: Seconds for all probes of one report; one program gets at most PER_RUN.
BUDGET = 3.0
PER_RUN = 2.0


class Prober:
    """Runs probes within one deadline; remembers what it ran."""

    def __init__(self, budget: float = BUDGET, env: Optional[Dict[str, str]] = None,
                 which: Callable[..., Optional[str]] = shutil.which):
        self.deadline = time.monotonic() + budget
        self.env = env if env is not None else os.environ
        self._which = which
        self._seen: Dict[Tuple[str, Tuple[str, ...]], Tuple[Optional[str], str]] = {}

    def which(self, name: str) -> Optional[str]:
        try:
            return self._which(name, path=self.env.get("PATH"))
        except Exception:
            return None

    def program(self, name: str, args: Sequence[str] = ("--version",)) -> Tuple[Optional[str], str]:
        """(path, first line of its output) or (None, why not)."""
        key = (name, tuple(args))
        if key in self._seen:
            return self._seen[key]
        path = self.which(name)
        if path is None:
            result: Tuple[Optional[str], str] = (None, "not found on PATH")
        else:
            code, out = self.run([path] + list(args))
            result = (path, out if code == 0 or out else "found at %s" % path)
        self._seen[key] = result
        return result

    def run(self, argv: List[str]) -> Tuple[Optional[int], str]:
        """(exit status, first non-empty output line); (None, reason) when it
        could not run or ran out of time."""
        left = self.deadline - time.monotonic()
        if left <= 0.05:
            return None, "not checked (time budget spent)"
        limit = min(PER_RUN, left)
        try:
            proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                    env=dict(self.env), shell=False, **_own_group())
        except OSError as exc:
            return None, "could not run: %s" % (exc.strerror or exc)
        try:
            out, _ = proc.communicate(timeout=limit)
        except subprocess.TimeoutExpired:
            _kill(proc)  # with whatever it started: a wrapper's child may hold the pipe
            return None, "did not answer within %.1f s" % limit
        text = out.decode("utf-8", "replace") if out else ""
        first = next((line.strip() for line in text.splitlines() if line.strip()), "")
        return proc.returncode, plain(first)[:200]


def _own_group() -> dict:
    if sys.platform == "win32":
        return {"creationflags": getattr(subprocess, "CREATE_NO_WINDOW", 0)}
    return {"start_new_session": True}


def _kill(proc) -> None:
    try:
        if sys.platform != "win32":
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    except OSError:
        pass
    try:
        proc.wait(timeout=1)
        if proc.stdout is not None:
            proc.stdout.close()
    except Exception:
        pass


# -- what to look for ------------------------------------------------------------

def _first_word(value: Optional[str]) -> Optional[str]:
    """The program of a sysconfig/environment compiler setting ("gcc -pthread" -> "gcc")."""
    if not value or not isinstance(value, str):
        return None
    word = value.strip().split()[0] if value.strip() else ""
    base = os.path.basename(word)
    return word if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.+-]{0,63}", base) else None


def _compilers(env_var: str, config_var: str, defaults: Sequence[str], env) -> List[Tuple[str, str]]:
    """(program, where it comes from), the one the build would use first."""
    found: List[Tuple[str, str]] = []
    for source, value in ((env_var, env.get(env_var)), ("sysconfig " + config_var, _config_var(config_var))):
        prog = _first_word(value)
        if prog:
            found.append((prog, source))
    found.extend((name, "") for name in defaults)
    out, seen = [], set()
    for prog, source in found:
        if prog not in seen:
            seen.add(prog)
            out.append((prog, source))
    return out


def _config_var(name: str) -> Optional[str]:
    try:
        value = sysconfig.get_config_var(name)
    except Exception:
        return None
    return value if isinstance(value, str) else None


def program_check(prober: Prober, name: str, label: str, expected_missing: Sequence[str] = (),
                   args: Sequence[str] = ("--version",), required: bool = False, fix: str = "") -> Check:
    path, info = prober.program(name, args)
    ok = path is not None
    detail = info
    if ok and info and not info.startswith("found at"):
        detail = "%s (%s)" % (info, path)
    return Check(label, ok, detail, fix=fix, contradicts=ok and name in expected_missing, required=required)


def compiler_checks(prober: Prober, lang: str = "c", named: Optional[str] = None, limit: int = 3,
                    required: bool = False, fix: str = "") -> List[Check]:
    """The compilers the build would try, in its order, up to the first that works."""
    if lang == "c":
        names = _compilers("CC", "CC", ("cc", "gcc", "clang"), prober.env)
        what = "C compiler"
    elif lang == "c++":
        names = _compilers("CXX", "CXX", ("c++", "g++", "clang++"), prober.env)
        what = "C++ compiler"
    else:
        names = [(n, "") for n in ("gfortran", "flang-new", "flang", "ifx")]
        fc = _first_word(prober.env.get("FC"))
        if fc:
            names.insert(0, (fc, "FC"))
        what = "Fortran compiler"
    if named:
        base = _first_word(named)
        if base and all(base != n for n, _ in names) and _known_compiler(base):
            names.insert(0, (base, "named in the log"))
    checks: List[Check] = []
    expected = [named] if named else []
    for prog, source in names:
        label = "%s %s" % (what, prog) + (" (%s)" % source if source else "")
        check = program_check(prober, prog, label, expected, required=required, fix=fix)
        checks.append(check)
        if check.ok or len(checks) >= limit:
            break
    return checks


def _known_compiler(name: str) -> bool:
    base = os.path.basename(name).lower()
    if base.endswith(".exe"):
        base = base[:-4]
    return bool(re.fullmatch(r"(?:[\w.]+-)*(?:cc|gcc|g\+\+|c\+\+|clang|clang\+\+|icc|icx|icpc|gfortran|flang(?:-new)?|ifx|ifort)(?:-\d+(?:\.\d+)*)?", base))


def python_headers_check(required: bool = False, fix: str = "") -> Check:
    try:
        include = sysconfig.get_paths()["include"]
    except Exception:
        include = os.path.join(getattr(sys, "base_prefix", sys.prefix), "include")
    header = os.path.join(include, "Python.h")
    if os.path.isfile(header):
        return Check("Python headers", True, header, fix=fix, contradicts=True, required=required)
    return Check("Python headers", False, "no Python.h in %s" % include, fix=fix, required=required)


_VERSION = re.compile(r"(\d+)\.(\d+)(?:\.(\d+))?")


def version_of(text: str) -> Optional[Tuple[int, ...]]:
    m = _VERSION.search(text or "")
    return tuple(int(g) for g in m.groups() if g is not None) if m else None


def rust_checks(prober: Prober, asked: Optional[str] = None, missing: bool = True) -> List[Check]:
    """rustc and cargo; with ``asked`` ("1.74"), whether rustc is new enough."""
    checks = []
    want = version_of(asked) if asked else None
    for name in ("rustc", "cargo"):
        path, info = prober.program(name)
        ok = path is not None
        detail = "%s (%s)" % (info, path) if ok else info
        contradicts = ok and missing
        if ok and want and name == "rustc":
            have = version_of(info)
            if have is not None:
                new_enough = have[:len(want)] >= want
                ok = new_enough
                detail += "; %s %s" % ("meets" if new_enough else "older than", "the %s the build asked for"
                                       % ".".join(map(str, want)))
                contradicts = new_enough
        checks.append(Check(name, ok, detail, contradicts=contradicts))
    return checks


def pkgconfig_checks(prober: Prober, module: Optional[str]) -> List[Check]:
    """pkg-config itself, and ``pkg-config --exists MODULE`` for a module the
    package table knows (its own spelling: the log's text never reaches argv)."""
    tool = program_check(prober, "pkg-config", "pkg-config")
    checks = [tool]
    if not tool.ok or not module:
        return checks
    code, out = prober.run([prober.which("pkg-config") or "pkg-config", "--exists", module])
    if code is None:
        checks.append(Check("pkg-config module %s" % module, False, out))
    else:
        checks.append(Check("pkg-config module %s" % module, code == 0,
                            "found" if code == 0 else "not found in the pkg-config search path",
                            contradicts=code == 0))
    return checks


def known_pkgconfig(name: Optional[str], kind: str = "pc") -> Optional[str]:
    """The table's own spelling of a pkg-config module (for a module name, a
    header or a library the log named), or None."""
    if not name:
        return None
    from pip_explain.enrich import packages

    if kind == "pc":
        row = packages.row_for_pkgconfig(name)
        if row is None:
            return None
        return next((pc for pc in row.pc if pc.lower() == name.lower()), None)
    row = packages.row_for_header(name) if kind == "header" else packages.row_for_library(name)
    return row.pc[0] if row is not None and row.pc else None


def known_tool(name: Optional[str]) -> Optional[str]:
    """A build program this module or the table knows, in its own spelling."""
    if not name:
        return None
    base = os.path.basename(name.strip()).lower()
    if base.endswith(".exe"):
        base = base[:-4]
    if base in _TOOLS:
        return base
    from pip_explain.enrich import packages

    row = packages.row_for_tool(base)
    if row is None:
        return None
    return next((t for t in row.tools if t.lower() == base), None)


_TOOLS = ("cmake", "ninja", "meson", "swig", "make", "gmake", "autoconf", "automake", "libtool", "bison", "flex",
          "nvcc", "git", "patchelf", "pkg-config", "pkgconf", "gperf", "nasm", "yasm", "pg_config", "mysql_config",
          "mariadb_config", "curl-config", "krb5-config", "xml2-config", "xslt-config", "gfortran", "rustc", "cargo")


def file_checks(name: str, dirs: Sequence[str], label: str) -> List[Check]:
    """Is ``name`` (a header or library file the log named, used only as a
    relative path) in one of ``dirs``?"""
    if not re.fullmatch(r"[A-Za-z0-9_+.-]{1,64}(?:/[A-Za-z0-9_+.-]{1,64}){0,3}", name or "") or ".." in name:
        return []
    for d in dirs:
        path = os.path.join(d, name)
        if os.path.isfile(path):
            return [Check(label, True, path, contradicts=True)]
    return [Check(label, False, "not in %s" % ", ".join(dirs))]


def include_dirs() -> List[str]:
    dirs = ["/usr/include", "/usr/local/include"]
    multiarch = _config_var("MULTIARCH")
    if multiarch:
        dirs.insert(1, "/usr/include/" + multiarch)
    for env in ("CONDA_PREFIX", "HOMEBREW_PREFIX"):
        if os.environ.get(env):
            dirs.append(os.path.join(os.environ[env], "include"))
    if sys.platform == "darwin":
        dirs += ["/opt/homebrew/include"]
    return [d for d in dirs if os.path.isdir(d)]


def library_dirs() -> List[str]:
    dirs = ["/usr/lib", "/usr/local/lib", "/lib", "/usr/lib64", "/lib64"]
    multiarch = _config_var("MULTIARCH")
    if multiarch:
        dirs[1:1] = ["/usr/lib/" + multiarch, "/lib/" + multiarch]
    if os.environ.get("CONDA_PREFIX"):
        dirs.append(os.path.join(os.environ["CONDA_PREFIX"], "lib"))
    if sys.platform == "darwin":
        dirs += ["/opt/homebrew/lib"]
    return [d for d in dirs if os.path.isdir(d)]


def library_checks(name: Optional[str]) -> List[Check]:
    if not name or not re.fullmatch(r"[A-Za-z0-9_+.-]{1,64}", name):
        return []
    dirs = library_dirs()
    for d in dirs:
        for suffix in (".so", ".dylib", ".a", ".tbd"):
            path = os.path.join(d, "lib" + name + suffix)
            if os.path.isfile(path):
                return [Check("library lib%s" % name, True, path, contradicts=True)]
    return [Check("library lib%s" % name, False, "no lib%s.so or .a in %s" % (name, ", ".join(dirs[:4])))]


def resource_checks() -> List[Check]:
    checks = []
    tmp = tempfile.gettempdir()
    try:
        free = shutil.disk_usage(tmp).free
        checks.append(Check("free disk space", free > 1 << 30, "%s free in %s" % (_size(free), tmp)))
    except OSError:
        pass
    avail = _mem_available()
    if avail is not None:
        checks.append(Check("available memory", avail > 1 << 30, "%s available" % _size(avail)))
    return checks


def _mem_available() -> Optional[int]:
    try:
        with open("/proc/meminfo", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _size(n: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if n < 1024 or unit == "TiB":
            return ("%.1f %s" % (n, unit)) if unit != "B" else "%d B" % n
        n /= 1024.0
    return str(n)


_VSWHERE = os.path.join(os.environ.get("ProgramFiles(x86)", r"C:\Program Files (x86)"),
                        "Microsoft Visual Studio", "Installer", "vswhere.exe")


def msvc_checks(prober: Prober, required: bool = False, fix: str = "") -> List[Check]:
    code, out = (None, "vswhere.exe not found") if not os.path.isfile(_VSWHERE) else prober.run(
        [_VSWHERE, "-latest", "-products", "*", "-requires", "Microsoft.VisualStudio.Component.VC.Tools.x86.x64",
         "-property", "installationPath"])
    ok = code == 0 and bool(out)
    checks = [Check("Microsoft C++ Build Tools", ok, out if ok else (out or "no installation with the C++ tools"),
                    fix=fix, contradicts=ok, required=required)]
    path = prober.which("cl")
    checks.append(Check("cl.exe on PATH", path is not None, path or "not on PATH (setuptools finds it through vswhere)"))
    return checks


def xcode_checks(prober: Prober, required: bool = False, fix: str = "") -> List[Check]:
    code, out = prober.run(["xcode-select", "-p"]) if prober.which("xcode-select") else (None, "xcode-select not found")
    ok = code == 0 and bool(out) and os.path.isdir(out)
    return [Check("Xcode Command Line Tools", ok, out if ok else (out or "not installed"), fix=fix, contradicts=ok,
                  required=required)]


# -- per diagnosis -----------------------------------------------------------------

def for_diagnosis(cause: str, detail: Optional[str], subject: Optional[str] = None,
                  prober: Optional[Prober] = None, system: Optional[str] = None) -> List[Check]:
    """The checks that confirm or contradict one diagnosis, on this machine."""
    prober = prober or Prober()
    system = system or _system()
    if cause == "compiler-missing":
        if system == "windows":
            return msvc_checks(prober)
        if system == "darwin":
            return xcode_checks(prober) + compiler_checks(prober, "c", detail)
        return compiler_checks(prober, "c", detail)
    if cause == "cxx-compiler-missing":
        return compiler_checks(prober, "c++", detail)
    if cause == "fortran-missing":
        return compiler_checks(prober, "fortran", detail)
    if cause == "msvc-missing":
        return msvc_checks(prober)
    if cause == "xcode-clt-missing":
        return xcode_checks(prober)
    if cause == "python-headers-missing":
        return [python_headers_check()]
    if cause in ("rust-missing", "rust-too-old"):
        return rust_checks(prober, detail if cause == "rust-too-old" else None, missing=cause == "rust-missing")
    if cause == "library-header-missing":
        checks = file_checks(detail or "", include_dirs(), "header %s" % detail) if system != "windows" else []
        module = known_pkgconfig(detail, "header")
        return checks + (pkgconfig_checks(prober, module)[1:] if module and prober.which("pkg-config") else [])
    if cause == "library-link-missing":
        return library_checks(detail) if system != "windows" else []
    if cause == "config-tool-missing":
        tool = known_tool(detail)
        if tool in ("pkg-config", "pkgconf"):
            return [program_check(prober, "pkg-config", "pkg-config", ("pkg-config",))]
        if tool:
            return [program_check(prober, tool, tool, (tool,))]
        return pkgconfig_checks(prober, known_pkgconfig(detail, "pc"))
    if cause == "cmake-missing":
        return [program_check(prober, "cmake", "cmake", ("cmake",))]
    if cause == "build-tool-missing":
        tool = known_tool(detail)
        if tool and tool not in ("rustc", "cargo"):
            args = ("-version",) if tool == "swig" else ("--version",)
            return [program_check(prober, tool, tool, (tool,), args=args)]
        return []
    if cause == "resources":
        return resource_checks()
    return []


def _system() -> str:
    if sys.platform.startswith("linux"):
        return "linux"
    if sys.platform in ("win32", "cygwin"):
        return "windows"
    return sys.platform


def contradiction(checks: Sequence[Check]) -> Optional[str]:
    """The sentence saying a check contradicts the diagnosis, if one does."""
    against = [c for c in checks if c.contradicts]
    if not against:
        return None
    what = "; ".join("%s: %s" % (c.name, c.detail) for c in against[:2])
    return ("checked now, this contradicts the diagnosis (%s). The build may have run with another PATH or"
            " environment, or this was installed since: retry, and if it fails the same way, read the quoted"
            " line yourself." % what)
