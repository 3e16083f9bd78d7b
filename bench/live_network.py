"""A live blind batch of network failures while pip fetches build requirements.

    python bench/live_network.py [--pip latest] [--pip 22.3.1] ...

A tiny local sdist (setuptools backend) is installed with build isolation, so
pip must fetch setuptools from an index, through each of these failures:

    refused     an index on a closed local port
    dns         an index whose host name does not resolve (.invalid)
    proxy       a proxy on a closed local port
    timeout     an index that accepts the connection and never answers
    offline     no network at all (a private network namespace: unshare -n)
    empty       a reachable index that has no setuptools (no error on the wire)

Every row is labelled ``network`` before the run (TAXONOMY.md: a download
during the build failed; a build requirement every index carries reported as
not found means no index was reachable). pip-explain is installed in the venv
and asked for JSON; reported per row: right, wrong, unrecognized, no panel.
"""
import argparse
import http.server
import os
import shutil
import socket
import subprocess
import sys
import tarfile
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))

from live_batch import json_tail  # noqa: E402


def make_sdist(work):
    src = os.path.join(work, "pxnet-1.0")
    os.makedirs(src)
    with open(os.path.join(src, "pyproject.toml"), "w") as f:
        f.write('[build-system]\nrequires = ["setuptools>=40.8.0"]\nbuild-backend = "setuptools.build_meta"\n')
    with open(os.path.join(src, "setup.cfg"), "w") as f:
        f.write("[metadata]\nname = pxnet\nversion = 1.0\n")
    with open(os.path.join(src, "PKG-INFO"), "w") as f:
        f.write("Metadata-Version: 2.1\nName: pxnet\nVersion: 1.0\n")
    path = os.path.join(work, "pxnet-1.0.tar.gz")
    with tarfile.open(path, "w:gz") as t:
        t.add(src, arcname="pxnet-1.0")
    return path


def silent_server():
    """A port that accepts connections and never answers."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(16)
    held = []

    def accept():
        while True:
            try:
                held.append(s.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    return s, s.getsockname()[1]


def empty_index(work):
    root = os.path.join(work, "index", "simple")
    os.makedirs(root)
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=os.path.dirname(root), **k)  # noqa: E731
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, httpd.server_address[1]


def venv_with(work, pip):
    venv = os.path.join(work, "venv-" + pip)
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    vpy = os.path.join(venv, "bin", "python")
    spec = "pip" if pip == "latest" else "pip==" + pip
    subprocess.run([vpy, "-m", "pip", "install", "-q", "--upgrade", spec], check=True)
    wheels = os.path.join(work, "wheels")
    if not os.path.isdir(wheels):
        subprocess.run([vpy, "-m", "pip", "wheel", "-q", "--no-deps", "-w", wheels, ROOT], check=True)
    subprocess.run([vpy, "-m", "pip", "install", "-q", os.path.join(wheels, os.listdir(wheels)[0])], check=True)
    return vpy


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pip", action="append", help="pip versions (default: latest and 22.3.1)")
    args = ap.parse_args(argv)
    work = tempfile.mkdtemp(prefix="px-net-")
    sdist = make_sdist(work)
    silent, silent_port = silent_server()
    httpd, index_port = empty_index(work)
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    closed_port = closed.getsockname()[1]
    closed.close()
    fast = ["--retries", "0", "--timeout", "3"]
    rows = [
        ("refused", ["--index-url", "http://127.0.0.1:%d/simple" % closed_port] + fast, []),
        ("dns", ["--index-url", "https://pypi.pxnet.invalid/simple"] + fast, []),
        ("proxy", ["--proxy", "http://127.0.0.1:%d" % closed_port] + fast, []),
        ("timeout", ["--index-url", "http://127.0.0.1:%d/simple" % silent_port] + fast, []),
        ("offline", fast, ["unshare", "-n"]),
        ("empty", ["--index-url", "http://127.0.0.1:%d/simple" % index_port] + fast, []),
    ]
    tally = {"right": 0, "wrong": 0, "unrecognized": 0, "no panel": 0}
    print(time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))
    for pip in args.pip or ["latest", "22.3.1"]:
        vpy = venv_with(work, pip)
        version = subprocess.run([vpy, "-m", "pip", "--version"], capture_output=True, text=True).stdout.split()[1]
        env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
        env.update(PIP_EXPLAIN_FORMAT="json", PIP_EXPLAIN_ORACLE="0", PIP_DISABLE_PIP_VERSION_CHECK="1",
                   PIP_NO_INPUT="1", PIP_CONFIG_FILE=os.devnull)
        for name, extra, prefix in rows:
            if prefix and not shutil.which(prefix[0]):
                print("%-8s pip %-8s skipped (no %s)" % (name, version, prefix[0]))
                continue
            cmd = prefix + [vpy, "-m", "pip", "install", "--no-cache-dir"] + extra + [sdist]
            proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
            data = json_tail(proc.stderr) if proc.returncode else None
            if proc.returncode == 0:
                outcome, got = "void", "(installed)"
            elif data is None:
                outcome, got = "no panel", "-"
            else:
                got = data.get("cause") or "other"
                outcome = "right" if got == "network" else ("unrecognized" if got == "other" else "wrong")
                tally[outcome] += 1 if outcome in tally else 0
            if outcome == "no panel":
                tally["no panel"] += 1
            print("%-8s pip %-8s %-13s got %s" % (name, version, outcome, got))
            sys.stdout.flush()
    silent.close()
    httpd.shutdown()
    n = sum(tally.values())
    print("\nscored %d: right %d, wrong specific %d, unrecognized %d, no panel %d"
          % (n, tally["right"], tally["wrong"], tally["unrecognized"], tally["no panel"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
