"""Start-up cost of the .pth hook, measured side by side in one run.

Three venvs of the same Python: bare, with pip-explain installed, and with
setuptools' distutils-precedence.pth (the canonical lazy start-up hook) as the
anchor. Each round runs every command once in each venv, in rotating order;
the report gives medians and ratios against the bare venv.

    python bench/startup.py [--rounds 200] [--python python3]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sh(*cmd, **kw):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)


def make_venvs(python, work):
    wheel_dir = os.path.join(work, "wheel")
    sh(python, "-m", "pip", "wheel", "--no-deps", "-q", "-w", wheel_dir, ROOT)
    wheel = os.path.join(wheel_dir, os.listdir(wheel_dir)[0])
    venvs = {}
    for name in ("bare", "pip-explain", "setuptools-anchor"):
        path = os.path.join(work, name)
        sh(python, "-m", "venv", path)
        py = os.path.join(path, "bin", "python")
        # venv seeds setuptools (and its distutils-precedence.pth) up to 3.11:
        # only the anchor venv keeps it.
        subprocess.run([py, "-m", "pip", "uninstall", "-q", "-y", "setuptools"], capture_output=True)
        if name == "pip-explain":
            sh(py, "-m", "pip", "install", "-q", wheel)
            sh(py, "-m", "pip", "uninstall", "-q", "-y", "rich", "packaging")  # only the hook matters here
            sh(py, "-m", "pip", "install", "-q", "--no-deps", wheel)
        if name == "setuptools-anchor":
            sh(py, "-m", "pip", "install", "-q", "setuptools")
        venvs[name] = py
    return venvs


def measure(venvs, argv, rounds):
    times = {name: [] for name in venvs}
    names = list(venvs)
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    for i in range(rounds):
        order = names[i % len(names):] + names[: i % len(names)]
        for name in order:
            t0 = time.perf_counter()
            subprocess.run([venvs[name]] + argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - t0)
    return {name: statistics.median(v) for name, v in times.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=200)
    ap.add_argument("--python", default=sys.executable)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="px-bench-")
    try:
        venvs = make_venvs(args.python, work)
        for argv in (["-c", "pass"], ["-I", "-c", "pass"]):
            med = measure(venvs, argv, args.rounds)
            base = med["bare"]
            print("python %s  (median of %d interleaved runs)" % (" ".join(argv), args.rounds))
            for name, value in med.items():
                print("  %-18s %7.2f ms   ratio %.3f   added %+.3f ms" % (name, value * 1e3, value / base,
                                                                          (value - base) * 1e3))
        out = subprocess.run([venvs["pip-explain"], "-X", "importtime", "-c", "pass"], capture_output=True, text=True)
        ours = [line.split("|")[-1].strip() for line in out.stderr.splitlines() if "pip_explain" in line]
        print("python -X importtime -c pass, pip-explain's modules:", ", ".join(ours) or "none")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
