"""Interpreter start-up with pip-explain's .pth hook (issue 5, point 1).

Venvs of the same Python, side by side in one run:

  bare, bare-2     nothing installed (bare-2 is a copy: its ratio is the noise)
  pip-explain      the wheel installed (its one-line .pth)
  pip-explain-v0   the same, with the previous .pth line (it imported the
                   _pip_explain module at start-up): before/after in one run
  setuptools       setuptools' distutils-precedence.pth, the canonical lazy
                   start-up hook, as the anchor

Each round runs `python -c pass` once in each venv, in rotating order.
Goal: added time <= 0.1 ms, ratio <= 1.01, and `-X importtime` shows nothing
of pip-explain beyond its hook module.

    python bench/startup.py [--rounds 400] [--python python3]
"""
import os
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common as c  # noqa: E402

# The .pth line up to this issue: it imported the _pip_explain module.
V0_PTH = ('import os; os.environ.get("PIP_EXPLAIN", "1").strip().lower() in ("0", "false", "no", "off") or '
          'exec("try: import _pip_explain; _pip_explain.install()\\nexcept Exception: pass")\n')


# Times site.addpackage() on one .pth of a site-packages directory, undoing
# what the line did between runs (the finder or shim it added, the module it
# imported), so that every run is a first run.
ADDPACKAGE = r'''
import site, sys, time, statistics
sitedir, name = sys.argv[1], sys.argv[2]
def reset():
    sys.meta_path[:] = [f for f in sys.meta_path
                        if type(f).__name__ not in ("PipExplainFinder", "DistutilsMetaFinder")]
    for m in ("_pip_explain", "_distutils_hack"):
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


def run(rounds, python, report, work):
    wheel = c.build_wheel(python, work)
    venvs = c.make_venvs(python, work, ["bare", "bare-2", "pip-explain", "no-hook", "setuptools"], wheel)
    # pip-explain-v0: the no-hook venv with the old line
    venvs["pip-explain-v0"] = venvs.pop("no-hook")
    with open(os.path.join(c.site_packages(venvs["pip-explain-v0"]), "pip_explain.pth"), "w") as f:
        f.write(V0_PTH)
    order = ["bare", "bare-2", "pip-explain", "pip-explain-v0", "setuptools"]
    results = {}
    cpus = {}
    for argv in (["-c", "pass"], ["-I", "-c", "pass"]):
        cpu = {}
        times = c.interleaved({n: [venvs[n]] + argv for n in order}, rounds, cpu=cpu)
        report("", "python %s: %d interleaved rounds (median, IQR, ratio to bare, added; paired = median of "
                   "per-round differences)" % (" ".join(argv), rounds), " wall time:")
        report(*c.table(times, "bare"))
        report(" CPU time of the child (user+system):")
        report(*c.table(cpu, "bare"))
        results[" ".join(argv)] = times
        cpus[" ".join(argv)] = cpu
    times = results["-c pass"]
    added = c.paired(times, "pip-explain", "bare") * 1e3
    noise = c.paired(times, "bare-2", "bare") * 1e3
    ratio = statistics.median(times["pip-explain"]) / statistics.median(times["bare"])
    anchor = c.paired(times, "setuptools", "bare") * 1e3
    report("", "noise (bare-2 vs bare, paired): %+.3f ms; run-to-run IQR of bare: %.2f ms"
           % (noise, (c.quartiles(times["bare"])[1] - c.quartiles(times["bare"])[0]) * 1e3))
    # in-process: the hook's own cost, what site.addpackage spends on the .pth
    env = c.clean_env()
    hook = {}
    for name, pth in (("pip-explain", "pip_explain.pth"), ("pip-explain-v0", "pip_explain.pth"),
                      ("setuptools", "distutils-precedence.pth")):
        out = subprocess.run([venvs[name], "-c", ADDPACKAGE, c.site_packages(venvs[name]), pth],
                             capture_output=True, text=True, env=env)
        hook[name] = float(out.stdout.split()[0]) if out.returncode == 0 else float("nan")
    report("in-process cost of the .pth line (site.addpackage, median of 2000 fresh runs, no other load "
           "effects): " + ", ".join("%s %.1f us" % kv for kv in hook.items()))
    # importtime: which modules of ours load at start-up
    env = c.clean_env()
    for name in ("pip-explain", "pip-explain-v0", "setuptools"):
        out = subprocess.run([venvs[name], "-X", "importtime", "-c", "pass"], capture_output=True, text=True, env=env)
        base = subprocess.run([venvs["bare"], "-X", "importtime", "-c", "pass"], capture_output=True, text=True,
                              env=env)
        names = lambda s: [ln.split("|")[-1].strip() for ln in s.splitlines() if "|" in ln][1:]  # noqa: E731
        extra = [m for m in names(out.stderr) if m not in set(names(base.stderr))]
        report("python -X importtime -c pass, %-15s modules beyond bare's: %s" % (name + ":", ", ".join(extra)
                                                                                 or "none"))
        if name == "pip-explain":
            ours = [m for m in extra if "pip_explain" in m]
    report("", "GOAL added <= 0.1 ms: %s (%+.3f ms wall, paired; %.3f ms in-process; anchor setuptools "
               "%+.3f ms wall, %.3f ms in-process)"
           % ("met" if hook["pip-explain"] <= 100 and added <= 0.1 else
              "met in-process, wall time within noise" if hook["pip-explain"] <= 100 and added <= abs(noise) + 0.1
              else "NOT met", added, hook["pip-explain"] / 1e3, anchor, hook["setuptools"] / 1e3),
           "GOAL ratio <= 1.01: %s (%.4f)" % ("met" if ratio <= 1.01 else "NOT met", ratio),
           "GOAL importtime shows at most the hook module: %s (%s)"
           % ("met" if set(ours) <= {"_pip_explain"} else "NOT met", ", ".join(ours) or "none"))


def main(argv=None):
    c.main('startup', "startup: python -c pass with and without pip-explain's .pth", run, 400, __doc__, argv)


if __name__ == "__main__":
    main()
