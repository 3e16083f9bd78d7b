"""A live blind batch: real sdists, built here, where what they need is absent.

    python bench/live_batch.py bench/live/batch1.txt [--python 3.11] [--pip latest] [--installer uv|pipx|poetry]
                                                     [--hide make,gmake,cmake]
                                                     [--hide-files PYTHON_INCLUDE,/usr/include/zlib.h]

Each row of the batch file is ``requirement | expected cause | what is missing``,
labelled before the first run from what the package needs and what this
machine lacks. One venv (the given Python and pip, pip-explain's wheel built
from this tree) installs each requirement from its sdist (``--no-binary``),
with ``PIP_EXPLAIN_FORMAT=json PIP_EXPLAIN_ORACLE=0``; the JSON after pip's
last line gives the cause. Reported per row: right, wrong specific cause,
unrecognized, no panel, or void (the install succeeded: the machine had what
the row said it lacks). Needs the package index.

With ``--installer uv`` the same venv gets uv from the index, each row runs as
``uv pip install --no-binary NAME REQ`` (no hook runs inside uv), and its saved
output goes through ``pip-explain explain --format json``: what a user of uv
gets from the same knowledge. ``--installer pipx`` does the same with
``pipx install --pip-args "--no-cache-dir --no-binary NAME" REQ`` in a pipx home
of its own: pip runs in pipx's venv, without the hook, and pipx prints only its
filtered excerpt of pip's output, which is what is explained. ``--installer
poetry`` gives each row a project of its own (``package-mode = false``, the
requirement its one dependency, ``installer.no-binary`` set for it) and runs
``poetry install`` from a venv of poetry's own into the batch's venv: poetry
builds in its own isolated environment and prints the backend's output under
its own framing, which is what is explained.

With ``--hide`` the installs run with a PATH from which those programs are
gone (a directory of links to everything else on PATH, as ../shared/lab's
``LAB_HIDE_MODE=path``): a program a build starts by name is then really
absent, though the system keeps it. Files (headers, libraries) cannot be
hidden this way; the batch file's header says what was.

With ``--hide-files`` each install runs in a private mount namespace (``unshare
-m``, root; integration/harness.py's ``ns_prefix``) from which those paths are
deleted on an overlayfs over their directory: headers, libraries, a whole
include directory really absent for the build and nothing changed outside.
Globs are expanded; ``PYTHON_INCLUDE`` is the venv's Python's include directory
(Python.h), as without a python3-dev package.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "integration"))


def find_python(version):
    from harness import find_python as find

    return str(find(version))


def rows(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            req, cause, missing = (part.strip() for part in line.split("|", 2))
            yield req, cause, missing


def json_tail(stderr):
    """The JSON object on stderr's last line (PIP_EXPLAIN_FORMAT=json), or None."""
    from harness import json_tail as tail

    try:
        return tail(stderr)
    except AssertionError:
        return None


def path_without(hidden, work):
    """A directory of links to every program on PATH but ``hidden`` (the first of each name wins)."""
    bindir = os.path.join(work, "bin")
    os.makedirs(bindir)
    for d in os.environ.get("PATH", "").split(os.pathsep):
        if not os.path.isdir(d) or os.path.abspath(d).startswith(work):
            continue
        for name in os.listdir(d):
            link = os.path.join(bindir, name)
            if name not in hidden and not os.path.lexists(link):
                os.symlink(os.path.join(d, name), link)
    return bindir


def explained_saved(proc, venv, env):
    """``proc`` with the JSON of `pip-explain explain` on its saved output appended to its stderr (installers that run
    no hook: uv, pipx), where ``json_tail`` reads it as it reads the hook's."""
    said = subprocess.run([os.path.join(venv, "bin", "pip-explain"), "explain", "--format", "json", "-"],
                          input=proc.stdout + proc.stderr, capture_output=True, text=True, env=env)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout,
                                       proc.stderr + "\n" + " ".join(said.stdout.split()))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("batch")
    ap.add_argument("--python", default="3.11")
    ap.add_argument("--pip", default="latest")
    ap.add_argument("--timeout", type=int, default=900)
    ap.add_argument("--installer", choices=("pip", "uv", "pipx", "poetry"), default="pip")
    ap.add_argument("--hide", default="", help="programs absent from PATH during the installs, comma-separated")
    ap.add_argument("--hide-files", default="", help="paths (globs; PYTHON_INCLUDE) deleted in a private mount"
                    " namespace during the installs, comma-separated")
    args = ap.parse_args(argv)
    work = tempfile.mkdtemp(prefix="px-live-")
    python = find_python(args.python)
    venv = os.path.join(work, "venv")
    subprocess.run([python, "-m", "venv", venv], check=True)
    vpy = os.path.join(venv, "bin", "python")
    pip = "pip" if args.pip == "latest" else "pip==" + args.pip
    subprocess.run([vpy, "-m", "pip", "install", "-q", "--upgrade", pip], check=True)
    wheels = os.path.join(work, "wheels")
    subprocess.run([vpy, "-m", "pip", "wheel", "-q", "--no-deps", "-w", wheels, ROOT], check=True)
    subprocess.run([vpy, "-m", "pip", "install", "-q", os.path.join(wheels, os.listdir(wheels)[0])], check=True)
    pip_version = subprocess.run([vpy, "-m", "pip", "--version"], capture_output=True, text=True).stdout.split()[1]
    tool = "pip %s" % pip_version
    if args.installer == "uv":
        subprocess.run([vpy, "-m", "pip", "install", "-q", "uv"], check=True)
        uv = os.path.join(venv, "bin", "uv")
        tool = subprocess.run([uv, "--version"], capture_output=True, text=True).stdout.strip()
    if args.installer == "pipx":
        subprocess.run([vpy, "-m", "pip", "install", "-q", "pipx"], check=True)
        pipx = os.path.join(venv, "bin", "pipx")
        tool = "pipx " + subprocess.run([pipx, "--version"], capture_output=True, text=True).stdout.strip()
    if args.installer == "poetry":  # poetry in a venv of its own: its dependencies stay out of the batch's venv
        pvenv = os.path.join(work, "poetry-venv")
        subprocess.run([python, "-m", "venv", pvenv], check=True)
        subprocess.run([os.path.join(pvenv, "bin", "python"), "-m", "pip", "install", "-q", "poetry"], check=True)
        poetry = os.path.join(pvenv, "bin", "poetry")
        tool = subprocess.run([poetry, "--version"], capture_output=True, text=True).stdout.strip()
        pyver = subprocess.run([vpy, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                               capture_output=True, text=True, check=True).stdout.strip()
    print("python %s, %s, %s" % (args.python, tool, time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())))
    env = dict(os.environ, PIP_EXPLAIN_FORMAT="json", PIP_EXPLAIN_ORACLE="0", PIP_DISABLE_PIP_VERSION_CHECK="1",
               PIP_NO_INPUT="1")
    env.pop("PIP_EXPLAIN", None)
    if args.installer == "pipx":  # pipx's own home: its shared pip and the apps' venvs, none with pip-explain
        env.update(PIPX_HOME=os.path.join(work, "pipx"), PIPX_BIN_DIR=os.path.join(work, "pipx-bin"),
                   PIPX_MAN_DIR=os.path.join(work, "pipx-man"))
    if args.hide:
        env["PATH"] = os.pathsep.join([os.path.join(venv, "bin"), path_without(args.hide.split(","), work)])
        print("hidden from PATH: %s" % ", ".join(args.hide.split(",")))
    prefix = []
    if args.hide_files:
        import glob
        from pathlib import Path

        from harness import Hide, ns_prefix

        include = subprocess.run([vpy, "-c", "import sysconfig; print(sysconfig.get_paths()['include'])"],
                                 capture_output=True, text=True, check=True).stdout.strip()
        files = []
        for spec in args.hide_files.split(","):
            spec = include if spec == "PYTHON_INCLUDE" else spec
            files += sorted(glob.glob(spec)) or [spec]
        files = [f for f in files if os.path.lexists(f)]
        prefix = ns_prefix(Hide(files=tuple(Path(f) for f in files)), Path(work) / "ns")
        print("hidden in a mount namespace: %s" % ", ".join(files))
    tally = {"right": 0, "wrong": 0, "unrecognized": 0, "no panel": 0, "void": 0}
    for req, want, missing in rows(args.batch):
        name = req.split("==")[0]
        t0 = time.monotonic()
        try:
            if args.installer == "uv":
                proc = subprocess.run(prefix + [uv, "pip", "install", "--python", vpy, "--no-cache", "--no-binary", name, req],
                                      capture_output=True, text=True, env=env, timeout=args.timeout)
                if proc.returncode != 0:  # the saved output, explained as a user of uv would have it explained
                    proc = explained_saved(proc, venv, env)
            elif args.installer == "pipx":
                proc = subprocess.run(prefix + [pipx, "install", "--python", python, "--pip-args",
                                       "--no-cache-dir --no-binary " + name, req],
                                      capture_output=True, text=True, env=env, timeout=args.timeout)
                if proc.returncode != 0:  # pipx's console output (its filtered excerpt of pip's), explained
                    proc = explained_saved(proc, venv, env)
            elif args.installer == "poetry":
                project = os.path.join(work, "rows", name)
                os.makedirs(project)
                with open(os.path.join(project, "pyproject.toml"), "w", encoding="utf-8") as f:
                    f.write('[project]\nname = "px-live-row"\nversion = "0"\nrequires-python = "==%s.*"\n'
                            'dependencies = ["%s"]\n\n[tool.poetry]\npackage-mode = false\n' % (pyver, req))
                with open(os.path.join(project, "poetry.toml"), "w", encoding="utf-8") as f:
                    # poetry compares the names as given: the canonical form, or a wheel of "PyWavelets" is taken
                    f.write('[installer]\nno-binary = ["%s"]\n' % re.sub(r"[-_.]+", "-", name).lower())
                penv = dict(env, VIRTUAL_ENV=venv, PATH=os.pathsep.join([os.path.join(venv, "bin"), env["PATH"]]),
                            POETRY_CACHE_DIR=os.path.join(work, "poetry-cache", name))
                proc = subprocess.run(prefix + [poetry, "install", "--no-interaction", "--no-ansi"], cwd=project,
                                      capture_output=True, text=True, env=penv, timeout=args.timeout)
                if proc.returncode != 0:  # poetry's console output, explained as a user of poetry would have it
                    proc = explained_saved(proc, venv, env)
            else:
                proc = subprocess.run(prefix + [vpy, "-m", "pip", "install", "--no-cache-dir", "--no-binary", name, req],
                                      capture_output=True, text=True, env=env, timeout=args.timeout)
        except subprocess.TimeoutExpired:
            print("%-28s timeout" % req)
            continue
        took = time.monotonic() - t0
        if proc.returncode == 0:
            outcome, got = "void", "(installed)"
            if args.installer == "uv":
                subprocess.run([uv, "pip", "uninstall", "--python", vpy, name], env=env, capture_output=True)
            elif args.installer == "pipx":
                subprocess.run([pipx, "uninstall", name], env=env, capture_output=True)
            else:
                subprocess.run([vpy, "-m", "pip", "uninstall", "-q", "-y", name], env=env)
        else:
            data = json_tail(proc.stderr)
            if data is None:
                outcome, got = "no panel", "-"
            else:
                got = data.get("cause") or "other"
                outcome = "right" if got == want else ("unrecognized" if got == "other" else "wrong")
        tally[outcome] += 1
        print("%-28s %-13s expected %-24s got %-24s %5.0f s   (%s)" % (req, outcome, want, got, took, missing))
        sys.stdout.flush()
    n = tally["right"] + tally["wrong"] + tally["unrecognized"] + tally["no panel"]
    print("\nscored %d (void %d): right %d (%.1f %%), wrong specific %d (%.1f %%), unrecognized %d, no panel %d"
          % (n, tally["void"], tally["right"], 100.0 * tally["right"] / max(n, 1), tally["wrong"],
             100.0 * tally["wrong"] / max(n, 1), tally["unrecognized"], tally["no panel"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
