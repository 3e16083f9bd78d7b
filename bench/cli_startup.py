"""`pip-explain explain` start-up: CLI start to first output (issue 5, point 5).

On a small real log (tests/fixtures/logs/python-headers-missing__pip-26.3.log),
in a venv with the wheel installed, side by side in rotating order:
`pip-explain explain LOG` (the console script, text), `python -m pip_explain
explain --format json LOG` (stdout a pipe, read as it arrives) and `python -c pass`
(the interpreter's own start-up, the floor). Reported: time to the first
byte of output and to exit, medians; then the slowest imports
(-X importtime, cumulative).

Goal: start to first output <= 150 ms.

    python bench/cli_startup.py [--rounds 30]
"""
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common as c  # noqa: E402

LOG = os.path.join(c.ROOT, "tests", "fixtures", "logs", "python-headers-missing__pip-26.3.log")


def first_output(argv, env):
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    first = None
    while True:
        data = os.read(proc.stdout.fileno(), 65536)
        if first is None:
            first = time.perf_counter() - t0
        if not data:
            break
    proc.wait()
    proc.stdout.close()
    return first, time.perf_counter() - t0


def run(rounds, python, report, work):
    # a venv with the wheel installed, as users have it (the system Python's
    # own .pth files would add their start-up to every figure)
    wheel = c.build_wheel(python, work)
    py = c.make_venvs(python, work, ["pip-explain"], wheel)["pip-explain"]
    env = c.clean_env(COLUMNS="100")
    variants = {
        "python -c pass": [py, "-c", "pass"],
        "explain (text)": [os.path.join(os.path.dirname(py), "pip-explain"), "explain", LOG],
        "explain --format json": [py, "-m", "pip_explain", "explain", "--format", "json", LOG],
    }
    first = {n: [] for n in variants}
    total = {n: [] for n in variants}
    names = list(variants)
    for i in range(-2, rounds):
        k = i % len(names)
        for name in names[k:] + names[:k]:
            f, t = first_output(variants[name], env)
            if i >= 0:
                first[name].append(f)
                total[name].append(t)
    report("", "%d interleaved rounds, log: %s (%d bytes)" % (rounds, os.path.basename(LOG), os.path.getsize(LOG)))
    for name in names:
        lo, hi = c.quartiles(first[name])
        report("  %-22s first output %6.1f ms (IQR %.1f-%.1f)   exit %6.1f ms"
               % (name, statistics.median(first[name]) * 1e3, lo * 1e3, hi * 1e3,
                  statistics.median(total[name]) * 1e3))
    out = subprocess.run([py, "-X", "importtime", "-m", "pip_explain", "explain", LOG], capture_output=True,
                         text=True, env=env)
    rows = []
    for line in out.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        parts = line[len("import time:"):].split("|")
        cum, name = int(parts[1]), parts[2]
        if len(name) - len(name.lstrip()) == 1:  # top level: imported by the CLI itself
            rows.append((cum, name.strip()))
    rows.sort(reverse=True)
    report("  slowest top-level imports (cumulative, one run): " + ", ".join("%s %.1f ms" % (n, us / 1e3)
                                                                         for us, n in rows[:8]))
    worst = max(statistics.median(first[n]) for n in names[1:]) * 1e3
    report("", "GOAL start to first output <= 150 ms: %s (%.1f ms; the interpreter alone %.1f ms)"
           % ("met" if worst <= 150 else "NOT met", worst, statistics.median(first["python -c pass"]) * 1e3))


def main(argv=None):
    c.main('cli_startup', "pip-explain explain start-up", run, 30, __doc__, argv)


if __name__ == "__main__":
    main()
