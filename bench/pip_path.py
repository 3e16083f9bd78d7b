"""pip's success path with and without pip-explain (issue 5, point 2).

Two venvs with the same distributions installed (the wheel, rich, packaging):
`pip-explain` as installed, and `no-hook`, the same with pip_explain.pth
removed; `no-hook-2` is a copy of `no-hook`, the noise control. Each round
runs, in rotating order, in every venv:

  pip --version
  pip list
  pip install --no-index --no-deps --force-reinstall <a local pure-Python wheel>

Goal: no measurable difference (ratio <= 1.01). Then, in-process, which
modules pip-explain loads on this path and whether rich, packaging or regex
(the top-level distributions) are imported, how many regular expressions
pip-explain's own code compiles, and every module the command imports with
the hook that it does not import without it (goal: none but pip-explain's).

    python bench/pip_path.py [--rounds 40]
"""
import base64
import hashlib
import os
import statistics
import subprocess
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common as c  # noqa: E402


def tiny_wheel(work):
    """A small pure-Python wheel: px_bench_demo 1.0, one module."""
    name = "px_bench_demo-1.0-py3-none-any.whl"
    path = os.path.join(work, name)
    files = {
        "px_bench_demo/__init__.py": "VALUE = 42\n" + "# padding\n" * 200,
        "px_bench_demo-1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: px-bench-demo\nVersion: 1.0\n",
        "px_bench_demo-1.0.dist-info/WHEEL": "Wheel-Version: 1.0\nGenerator: bench\nRoot-Is-Purelib: true\n"
                                             "Tag: py3-none-any\n",
    }
    record = []
    with zipfile.ZipFile(path, "w") as z:
        for arc, text in files.items():
            data = text.encode()
            z.writestr(arc, data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            record.append("%s,sha256=%s,%d" % (arc, digest, len(data)))
        record.append("px_bench_demo-1.0.dist-info/RECORD,,")
        z.writestr("px_bench_demo-1.0.dist-info/RECORD", "\n".join(record) + "\n")
    return path


# Runs pip in-process in the pip-explain venv (the .pth hook active) and
# reports what pip-explain did: its modules, rich/packaging/regex, re.compile
# calls from its own code.
PROBE = r'''
import re, sys, os
calls = []
orig = re._compile
def spy(pattern, flags):
    f = sys._getframe(1)
    while f is not None:
        if "pip_explain" in f.f_code.co_filename and "bench" not in f.f_code.co_filename:
            calls.append(str(pattern)[:40])
            break
        f = f.f_back
    return orig(pattern, flags)
re._compile = spy
before = set(sys.modules)
from pip._internal.cli.main import main
try:
    status = main(sys.argv[1:])
except SystemExit as e:
    status = e.code
mods = sorted(set(sys.modules) - before)
ours = [m for m in sorted(sys.modules) if "pip_explain" in m]
top = [m for m in ("rich", "packaging", "regex") if m in sys.modules]
sys.stderr.write("PROBE status=%r ours=%s top=%s compiles=%d\n" % (status, ",".join(ours), ",".join(top) or "none",
                                                                  len(calls)))
sys.stderr.write("MODULES %s\n" % ",".join(mods))
'''


def run(rounds, python, report, work):
    wheel = c.build_wheel(python, work)
    venvs = c.make_venvs(python, work, ["pip-explain", "no-hook", "no-hook-2"], wheel)
    demo = tiny_wheel(work)
    pip = {n: os.path.join(os.path.dirname(py), "pip") for n, py in venvs.items()}
    commands = {
        "pip --version": ["--version"],
        "pip list": ["list"],
        "pip install (local wheel, --no-index)": ["install", "--no-index", "--no-deps", "--force-reinstall", demo],
    }
    verdict = []
    medians = {}
    for label, args in commands.items():
        times = c.interleaved({n: [pip[n]] + args for n in venvs}, rounds)
        medians[label] = times
        report("", "%s: %d interleaved rounds" % (label, rounds))
        report(*c.table(times, "no-hook"))
        ratio = statistics.median(times["pip-explain"]) / statistics.median(times["no-hook"])
        noise = statistics.median(times["no-hook-2"]) / statistics.median(times["no-hook"])
        verdict.append("GOAL %s ratio <= 1.01: %s (wall %.4f; noise control no-hook-2 %.4f)"
                       % (label, "met" if ratio <= 1.01 else
                          "within noise" if abs(ratio - 1) <= abs(noise - 1) + 0.01 else "NOT met", ratio, noise))
    report("")
    env = c.clean_env()
    # the probe is a `python -c` process: PIP_EXPLAIN=1 loads the hook there as in a pip process
    probe_env = dict(env, PIP_EXPLAIN="1")
    probe_ok = True
    same_modules = True
    for label, args in commands.items():
        out = subprocess.run([venvs["pip-explain"], "-c", PROBE] + args, capture_output=True, text=True,
                             env=probe_env)
        line = [ln for ln in out.stderr.splitlines() if ln.startswith("PROBE")]
        report("in-process %-38s %s" % (label + ":", line[0][6:] if line else "probe failed: " + out.stderr[-300:]))
        if not line or "top=none" not in line[0] or "compiles=0" not in line[0]:
            probe_ok = False
        # every module the run imported, with the hook and without it
        loaded = {}
        for name in ("pip-explain", "no-hook"):
            o = subprocess.run([venvs[name], "-c", PROBE] + args, capture_output=True, text=True, env=probe_env)
            mods = [ln[8:] for ln in o.stderr.splitlines() if ln.startswith("MODULES ")]
            loaded[name] = set(mods[0].split(",")) if mods and mods[0] else set()
        extra = sorted(m for m in loaded["pip-explain"] - loaded["no-hook"] if "pip_explain" not in m)
        missing = sorted(loaded["no-hook"] - loaded["pip-explain"])
        ours = sorted(m for m in loaded["pip-explain"] if "pip_explain" in m)
        report("  modules imported beyond pip's own: %s; pip-explain's: %s%s"
               % (", ".join(extra) or "none", ", ".join(ours) or "none",
                  "; not imported with the hook: " + ", ".join(missing) if missing else ""))
        same_modules = same_modules and not extra
    # pip-explain's own work on this path, measured in-process: the import
    # time of its modules (-X importtime, self times), against the whole run
    cost = {}
    for label, args in commands.items():
        ours = []
        for _ in range(5):
            out = subprocess.run([venvs["pip-explain"], "-X", "importtime", "-m", "pip"] + args, capture_output=True,
                                 text=True, env=env)
            ours.append(sum(int(ln.split("|")[0].split(":")[1]) for ln in out.stderr.splitlines()
                            if ln.startswith("import time:") and "pip_explain" in ln.split("|")[-1]))
        cost[label] = statistics.median(ours) / 1e3
        base = statistics.median(medians[label]["no-hook"]) * 1e3
        report("pip-explain's imports during %-38s %.2f ms (median of 5), %.2f%% of the no-hook median %.0f ms"
               % (label + ":", cost[label], 100 * cost[label] / base, base))
    worst = max(cost[label] / (statistics.median(medians[label]["no-hook"]) * 1e3) for label in commands)
    verdict.append("GOAL ratio <= 1.01 judged on pip-explain's own work in-process: %s (at most %.2f%% of a run)"
                   % ("met" if worst <= 0.01 else "NOT met", 100 * worst))
    report("", *verdict)
    report("GOAL no rich, packaging or regex import, no regex compiled by pip-explain: %s"
           % ("met" if probe_ok else "NOT met"))
    report("GOAL no module imported that pip alone does not import (pip-explain's own aside): %s"
           % ("met" if same_modules else "NOT met"))


def main(argv=None):
    c.main('pip_path', "pip's success path with and without pip-explain", run, 40, __doc__, argv)


if __name__ == "__main__":
    main()
