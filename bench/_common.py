"""Shared by the benches: venvs, interleaved timing, statistics, machine facts.

Every bench measures its subject and its reference side by side in one run:
each round runs every variant once, in an order that rotates from round to
round, and the report gives medians (and the per-round paired difference,
which cancels slow drifts of the machine's load). A second bare venv, as
identical to the first as can be, is a control: its ratio shows the noise.
"""
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "src")


def sh(*cmd, **kw):
    out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw)
    if out.returncode != 0:
        raise SystemExit("command failed: %s\n%s" % (" ".join(cmd), out.stdout[-3000:]))
    return out.stdout


def clean_env(**extra):
    env = dict(os.environ)
    for name in ("PYTHONPATH", "PIP_EXPLAIN", "_PIP_EXPLAIN_ACTIVE", "PIP_EXPLAIN_FORMAT", "PIP_EXPLAIN_DEBUG",
                 "PYTHONSTARTUP", "VIRTUAL_ENV"):
        env.pop(name, None)
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PIP_NO_INPUT"] = "1"
    env.update(extra)
    return env


def build_wheel(python, work, tree=ROOT, name="wheel"):
    wheel_dir = os.path.join(work, name)
    sh(python, "-m", "pip", "wheel", "--no-deps", "-q", "-w", wheel_dir, tree)
    return os.path.join(wheel_dir, [n for n in os.listdir(wheel_dir) if n.endswith(".whl")][0])


def site_packages(py):
    return subprocess.run([py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()


def make_venvs(python, work, kinds, wheel=None):
    """kinds: any of
    bare, bare-2   no setuptools, nothing installed (bare-2: the noise control)
    pip-explain    the wheel and its dependencies (rich, packaging)
    no-hook        the same, with pip_explain.pth removed: pip-explain's files, no start-up hook
    setuptools     setuptools and its distutils-precedence.pth (the anchor)
    """
    venvs = {}
    for name in kinds:
        path = os.path.join(work, name)
        sh(python, "-m", "venv", path)
        py = os.path.join(path, "bin", "python")
        env = clean_env()
        # venv seeds setuptools (and its distutils-precedence.pth) up to 3.11
        subprocess.run([py, "-m", "pip", "uninstall", "-q", "-y", "setuptools"], capture_output=True, env=env)
        if name == "pip-explain" or name.startswith("no-hook"):
            sh(py, "-m", "pip", "install", "-q", wheel, env=env)
        if name.startswith("no-hook"):
            site = site_packages(py)
            for f in ("pip_explain.pth", "pip_explain.start"):
                if os.path.exists(os.path.join(site, f)):
                    os.remove(os.path.join(site, f))
        if name == "setuptools":
            sh(py, "-m", "pip", "install", "-q", "setuptools", env=env)
        venvs[name] = py
    return venvs


def interleaved(commands, rounds, warmup=3, env=None, cwd=None, reset=None, cpu=None):
    """commands: {name: argv}. Returns {name: [wall seconds per round]};
    every round runs each command once, in an order rotating round by round.
    reset(name) runs untimed before each timed run. cpu, a dict, receives
    {name: [user+system CPU seconds of the child]} (less sensitive to other
    jobs on the machine than wall time)."""
    names = list(commands)
    times = {n: [] for n in names}
    if cpu is not None:
        cpu.update({n: [] for n in names})
    env = env or clean_env()
    for i in range(-warmup, rounds):
        k = i % len(names)
        for name in names[k:] + names[:k]:
            if reset is not None:
                reset(name)
            t0 = time.perf_counter()
            proc = subprocess.Popen(commands[name], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                    stdin=subprocess.DEVNULL, cwd=cwd)
            _, _, usage = os.wait4(proc.pid, 0)
            dt = time.perf_counter() - t0
            proc.returncode = 0
            if i >= 0:
                times[name].append(dt)
                if cpu is not None:
                    cpu[name].append(usage.ru_utime + usage.ru_stime)
    return times


def quartiles(values):
    if len(values) < 2:
        return values[0], values[0]
    q = statistics.quantiles(values, n=4)
    return q[0], q[2]


def paired(times, name, base):
    """Median of the per-round differences name - base (seconds)."""
    return statistics.median(a - b for a, b in zip(times[name], times[base]))


def table(times, base, unit=1e3, unit_name="ms"):
    """Lines: median, IQR, ratio to base, added time (difference of medians
    and median of paired per-round differences)."""
    b = statistics.median(times[base])
    out = []
    for name, values in times.items():
        m = statistics.median(values)
        lo, hi = quartiles(values)
        line = "  %-16s median %8.2f %s  IQR %7.2f-%-8.2f ratio %.4f" % (name, m * unit, unit_name, lo * unit,
                                                                        hi * unit, m / b)
        if name != base:
            line += "  added %+.3f %s (paired %+.3f)" % ((m - b) * unit, unit_name, paired(times, name, base) * unit)
        out.append(line)
    return out


def machine():
    cpu = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        grep = subprocess.run(["grep", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    except Exception:
        grep = "?"
    return [
        "date:    %s" % datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu:     %s, %d cores (os.cpu_count)" % (cpu, os.cpu_count() or 0),
        "os:      %s %s" % (platform.system(), platform.release()),
        "python:  %s %s" % (platform.python_implementation(), platform.python_version()),
        "grep:    %s" % grep,
        "load:    %s (1, 5, 15 min, at start)" % ", ".join("%.2f" % x for x in os.getloadavg()),
    ]


def header(title, args=None):
    lines = ["== %s" % title] + machine()
    if args is not None:
        lines.append("args:    %s" % " ".join(args))
    return lines


class Report:
    """Prints as it goes, and keeps the lines for bench/results/."""

    def __init__(self, name):
        self.name = name
        self.lines = []

    def __call__(self, *lines):
        for line in lines:
            print(line, flush=True)
            self.lines.append(line)

    def save(self, results_dir=None):
        results_dir = results_dir or os.path.join(ROOT, "bench", "results")
        os.makedirs(results_dir, exist_ok=True)
        path = os.path.join(results_dir, self.name + ".txt")
        with open(path, "w") as f:
            f.write("\n".join(self.lines) + "\n")
        return path


def workdir(prefix):
    import tempfile

    return tempfile.mkdtemp(prefix=prefix)


def cleanup(path):
    shutil.rmtree(path, ignore_errors=True)


def build_wheel_at(python, work, rev):
    """A wheel of pip-explain as it was at git revision rev (a before/after
    comparison in one run)."""
    tree = os.path.join(work, "rev-" + rev.replace("/", "_"))
    os.makedirs(tree)
    archive = subprocess.run(["git", "-C", ROOT, "archive", rev], stdout=subprocess.PIPE, check=True).stdout
    subprocess.run(["tar", "-x", "-C", tree], input=archive, check=True)
    return build_wheel(python, work, tree, "wheel-" + os.path.basename(tree))


def main(name, title, run, rounds, doc, argv=None, before=False):
    """The command line every bench shares: --rounds, --python, --save; runs
    ``run(rounds, python, report, workdir)`` in a throwaway directory. With
    before=True, also --before REV (passed on as ``before=``)."""
    import argparse

    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=rounds)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--save", action="store_true", help="write bench/results/%s.txt" % name)
    if before:
        ap.add_argument("--before", metavar="REV", help="also measure pip-explain as of this git revision")
    args = ap.parse_args(argv)
    report = Report(name)
    report(*header(title, ["--rounds", str(args.rounds)] + (["--before", args.before] if before and args.before
                                                             else [])))
    work = workdir("px-bench-%s-" % name)
    try:
        if before:
            run(args.rounds, args.python, report, work, before=args.before)
        else:
            run(args.rounds, args.python, report, work)
    finally:
        cleanup(work)
    if args.save:
        report.save()
