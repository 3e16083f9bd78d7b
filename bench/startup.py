"""Interpreter start-up with pip-explain's .pth hook (issue 5, point 1).

Venvs of the same Python, side by side in one run:

  bare, bare-2     nothing installed (bare-2 is a copy: its ratio is the noise)
  pip-explain      the wheel installed (its one-line .pth)
  before           (with --before REV) pip-explain as of that git revision
  floor-line       a .pth whose only line is `import sys`: what any .pth line
                   that runs code costs (CPython reads and compiles it twice
                   per process)
  floor-module     a guarded .pth line importing an empty module: what any
                   .pth hook costs that imports a module in every process
                   (pip-explain's line imports nothing unless the process
                   was started as pip)
  setuptools       setuptools' distutils-precedence.pth, the canonical lazy
                   start-up hook, as the anchor

Each round runs `python -c pass` once in each venv, in rotating order (wall
and CPU time). When valgrind is installed, the instructions each start-up
executes are also counted (callgrind): a figure the machine's load does not
move, so small differences are visible. Goal: added time <= 0.1 ms, ratio
<= 1.01, and `-X importtime` shows nothing of pip-explain beyond its hook
module.

    python bench/startup.py [--rounds 400] [--python python3] [--before REV]
"""
import os
import re
import shutil
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common as c  # noqa: E402

ROOT = c.ROOT

# Times site.addpackage() on one .pth of a site-packages directory, undoing
# what the line did between runs (the finder or shim it added, the module it
# imported), so that every run is a first run.
ADDPACKAGE = r'''
import site, sys, time, statistics
sitedir, name = sys.argv[1], sys.argv[2]
sys.orig_argv = [sys.executable, "-c", "pass"]  # a process not started as pip (this -c code mentions it)
OURS = ("_pip_explain", "_distutils_hack", "_px_empty")
def reset():
    sys.meta_path[:] = [f for f in sys.meta_path
                        if getattr(f, "__name__", None) not in OURS
                        and type(f).__name__ not in ("PipExplainFinder", "DistutilsMetaFinder")]
    for m in OURS:
        sys.modules.pop(m, None)
reset()
runs = []
for _ in range(2000):
    t0 = time.perf_counter()
    site.addpackage(sitedir, name, set())
    runs.append(time.perf_counter() - t0)
    reset()
print(statistics.median(runs) * 1e6)
'''

HOOK_FILES = {"pip-explain": "pip_explain.pth", "before": "pip_explain.pth", "floor-line": "floor.pth",
              "floor-module": "floor.pth", "setuptools": "distutils-precedence.pth"}


def _floors(python, work):
    """The two floor venvs: no pip, one .pth each."""
    # the guarded import line pip-explain shipped before its argv test, importing an empty module
    module_line = ('import sys; "_px_empty" in sys.modules or exec("try: import _px_empty\\n'
                   'except Exception: pass")')
    venvs = {}
    for name, files in (("floor-line", {"floor.pth": "import sys\n"}),
                        ("floor-module", {"floor.pth": module_line + "\n", "_px_empty.py": ""})):
        path = os.path.join(work, name)
        c.sh(python, "-m", "venv", "--without-pip", path)
        py = os.path.join(path, "bin", "python")
        site = c.site_packages(py)
        for fn, text in files.items():
            with open(os.path.join(site, fn), "w") as f:
                f.write(text)
        c.sh(py, "-m", "compileall", "-q", site)
        venvs[name] = py
    return venvs


def _instructions(py, env):
    """Instructions executed by `py -c pass` (callgrind), or None."""
    # a fixed hash seed: otherwise set and dict layouts move the count by up to ~0.3 %
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", py, "-c", "pass"],
                         capture_output=True, text=True, env=dict(env, PYTHONHASHSEED="0"))
    m = re.search(r"Collected : (\d+)", out.stderr)
    return int(m.group(1)) if m else None


def run(rounds, python, report, work, before=None):
    wheel = c.build_wheel(python, work)
    venvs = c.make_venvs(python, work, ["bare", "bare-2", "pip-explain", "setuptools"], wheel)
    order = ["bare", "bare-2", "pip-explain"]
    if before:
        old = c.build_wheel_at(python, work, before)
        venvs["before"] = c.make_venvs(python, os.path.join(work, "b"), ["pip-explain"], old)["pip-explain"]
        order.append("before")
    venvs.update(_floors(python, work))
    order += ["floor-line", "floor-module", "setuptools"]
    results = {}
    for argv in (["-c", "pass"], ["-I", "-c", "pass"]):
        cpu = {}
        times = c.interleaved({n: [venvs[n]] + argv for n in order}, rounds, cpu=cpu)
        report("", "python %s: %d interleaved rounds (median, IQR, ratio to bare, added; paired = median of "
                   "per-round differences)" % (" ".join(argv), rounds), " wall time:")
        report(*c.table(times, "bare"))
        report(" CPU time of the child (user+system):")
        report(*c.table(cpu, "bare"))
        results[" ".join(argv)] = times
    times = results["-c pass"]
    added = c.paired(times, "pip-explain", "bare") * 1e3
    noise = c.paired(times, "bare-2", "bare") * 1e3
    ratio = statistics.median(times["pip-explain"]) / statistics.median(times["bare"])
    report("", "noise (bare-2 vs bare, paired): %+.3f ms; run-to-run IQR of bare: %.2f ms"
           % (noise, (c.quartiles(times["bare"])[1] - c.quartiles(times["bare"])[0]) * 1e3))
    env = c.clean_env()
    # instructions: deterministic, so the floors and the hook separate clearly
    counts = {}
    if shutil.which("valgrind"):
        for name in order:
            counts[name] = _instructions(venvs[name], env)
    if counts and all(counts.values()):
        base = counts["bare"]
        report("", "instructions executed by python -c pass (callgrind, PYTHONHASHSEED=0; one run each, deterministic; "
                   "~%.2f ms per million on this machine from bare's median):"
               % (statistics.median(times["bare"]) * 1e3 / (base / 1e6)))
        for name in order:
            report("  %-16s %12d  ratio %.4f  added %+9d" % (name, counts[name], counts[name] / base,
                                                              counts[name] - base))
    else:
        report("", "instructions: valgrind not installed, not counted")
    # in-process: the hook's own cost, what site.addpackage spends on the .pth
    hook = {}
    for name in order:
        if name not in HOOK_FILES:
            continue
        out = subprocess.run([venvs[name], "-c", ADDPACKAGE, c.site_packages(venvs[name]), HOOK_FILES[name]],
                             capture_output=True, text=True, env=env)
        hook[name] = float(out.stdout.split()[0]) if out.returncode == 0 else float("nan")
    report("in-process cost of one run of the .pth line in a process not started as pip (site.addpackage, "
           "median of 2000 first runs; CPython runs it twice per process in a venv): " + ", ".join("%s %.1f us" % kv for kv in hook.items()))
    # importtime: which modules of ours load at start-up
    ours = []
    for name in order[2:]:
        out = subprocess.run([venvs[name], "-X", "importtime", "-c", "pass"], capture_output=True, text=True, env=env)
        base = subprocess.run([venvs["bare"], "-X", "importtime", "-c", "pass"], capture_output=True, text=True,
                              env=env)
        names = lambda s: [ln.split("|")[-1].strip() for ln in s.splitlines() if "|" in ln][1:]  # noqa: E731
        extra = [m for m in names(out.stderr) if m not in set(names(base.stderr))]
        report("python -X importtime -c pass, %-15s modules beyond bare's: %s" % (name + ":", ", ".join(extra)
                                                                                 or "none"))
        if name == "pip-explain":
            ours = [m for m in extra if "pip_explain" in m]
    floor = c.paired(times, "floor-module", "bare") * 1e3
    report("", "GOAL added <= 0.1 ms: %s (%+.3f ms wall, paired; floor of a .pth importing an empty module "
               "%+.3f ms; anchor setuptools %+.3f ms)"
           % ("met" if added <= 0.1 else "NOT met", added, floor, c.paired(times, "setuptools", "bare") * 1e3),
           "GOAL ratio <= 1.01: %s (%.4f wall%s)"
           % ("met" if ratio <= 1.01 else "NOT met", ratio,
              "; %.4f instructions, floor-line %.4f, floor-module %.4f"
              % tuple(counts[n] / counts["bare"] for n in ("pip-explain", "floor-line", "floor-module"))
              if counts and all(counts.values()) else ""),
           "GOAL importtime shows at most the hook module: %s (%s)"
           % ("met" if set(ours) <= {"_pip_explain"} else "NOT met", ", ".join(ours) or "none"))


def main(argv=None):
    c.main('startup', "startup: python -c pass with and without pip-explain's .pth", run, 400, __doc__, argv,
           before=True)


if __name__ == "__main__":
    main()
