"""Foresight against reality (issue 14): does ``pip-explain doctor`` say, before
anything builds, what the build will then fail on?

  predict   every scenario of the failure lab (``$LAB_DIR``, default
            ../shared/lab): ``pip-explain doctor --format json`` run by the
            scenario itself (``LAB_COMMAND``) in the same hidden environment
            (same venv kind, same hidden toolchain, same sdist, same pip
            options such as --no-build-isolation), then, with ``--real``, the
            real ``pip install`` of the same scenario: the table says what
            doctor predicted (the causes of its missing needs), the scenario's
            cause, and whether the real output shows the scenario's decisive
            line. Predicted = the real cause is among the missing needs.
  clean     popular sdists, each built for real here (``pip wheel --no-deps
            --no-binary NAME``) and read by doctor (``--no-binary :all:``): a
            "missing" need for a build that succeeds is a false alarm; a
            build that fails with nothing missing is a miss. Also the time
            doctor takes per package with the sdist in pip's cache.
  memory    peak memory of reading small and large sdists (the archive is
            streamed, never extracted).

    python bench/foresight.py predict [--real] [NAME...]
    python bench/foresight.py clean [NAME...]
    python bench/foresight.py cost [NAME...]
    python bench/foresight.py memory
    python bench/foresight.py all --real      # writes bench/results/foresight.txt
"""
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
LAB = os.environ.get("LAB_DIR", os.path.join(os.path.dirname(ROOT), "shared", "lab"))  # ../shared/lab
PY = sys.executable
RESULTS = os.path.join(HERE, "results", "foresight.txt")

# The lab's cause names in TAXONOMY ids (lab/README.md).
LAB_TO_TAXONOMY = {
    "c-compiler-missing": "compiler-missing", "header-missing": "library-header-missing",
    "linker-library-missing": "library-link-missing", "library-missing": "config-tool-missing",
    "pkg-config-missing": "config-tool-missing", "ninja-missing": "build-tool-missing",
    "meson-missing": "build-tool-missing", "tool-missing": "build-tool-missing",
    "fortran-compiler-missing": "fortran-missing", "setuptools-missing": "build-dependency-missing",
}
TOOLCHAIN = {"compiler-missing", "cxx-compiler-missing", "python-headers-missing", "rust-missing", "rust-too-old",
             "library-header-missing", "library-link-missing", "config-tool-missing", "fortran-missing",
             "cmake-missing", "build-tool-missing"}

# Popular projects with compiled code that build here as the machine is (checked by building them).
CLEAN = ("netifaces", "psutil", "pyyaml", "markupsafe", "simplejson", "ujson", "msgpack", "cffi", "greenlet",
         "wrapt", "regex", "zope.interface", "setproctitle", "crcmod", "bitarray", "mmh3", "xxhash", "lz4",
         "brotli", "psycopg2", "bcrypt", "rpds-py", "kiwisolver", "cytoolz", "editdistance", "frozenlist",
         "multidict", "propcache", "websockets", "ruamel.yaml.clib", "charset-normalizer")


def _wheel():
    out = tempfile.mkdtemp(prefix="pxwheel-foresight-")
    subprocess.run([PY, "-m", "pip", "wheel", "-q", "--no-deps", "-w", out, ROOT], check=True)
    return os.path.join(out, os.listdir(out)[0])


def _header(path):
    head = {}
    with open(path, encoding="utf-8") as f:
        for line in f.read(8000).splitlines():
            m = re.match(r"#\s*LAB-(CAUSE|DECISIVE|FIX):\s*(.*)", line)
            if m:
                head[m.group(1)] = m.group(2).strip()
    return head


def _real_cause(lab_cause):
    word = lab_cause.split()[0]
    if word.startswith("not-a-missing-toolchain"):
        return "python-too-new"
    return LAB_TO_TAXONOMY.get(word, word)


def _scenario(name, env_extra, work):
    env = dict(os.environ, **env_extra)
    t0 = time.time()
    proc = subprocess.run([os.path.join(LAB, "scenarios", name + ".sh"), work], env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=1800)
    return proc, time.time() - t0


def predict(names, real, wheel, out):
    scenarios = sorted(n[:-3] for n in os.listdir(os.path.join(LAB, "scenarios")) if n.endswith(".sh"))
    if names:
        scenarios = [s for s in scenarios if s in names]
    rows = []
    for name in scenarios:
        head = _header(os.path.join(LAB, "scenarios", name + ".sh"))
        cause = _real_cause(head.get("CAUSE", "?"))
        work = tempfile.mkdtemp(prefix="fs-%s-" % name)
        _scenario(name, {"LAB_COMMAND": "pip-explain doctor --format json", "LAB_PREINSTALL": wheel,
                         "LAB_SPLIT": "1", "LAB_CLEAN": "1"}, work)
        try:
            with open(os.path.join(work, "stdout.txt"), encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, ValueError) as exc:
            rows.append((name, cause, "doctor gave no JSON (%s)" % type(exc).__name__, [], None, "", None))
            continue
        missing = []
        for p in data.get("packages", []):
            for n in (p.get("build") or {}).get("needs", []):
                if n["ok"] is False and not n.get("optional"):
                    missing.append("%s:%s" % (n["cause"], n["detail"]))
        rc = open(os.path.join(work, "rc")).read().strip()
        seen = None
        if real:
            work2 = tempfile.mkdtemp(prefix="fs-real-%s-" % name)
            _scenario(name, {"LAB_CLEAN": "1"}, work2)
            text = open(os.path.join(work2, "out.txt"), encoding="utf-8", errors="replace").read()
            seen = bool(re.search(head.get("DECISIVE", "^$"), text))
            shutil.rmtree(work2, ignore_errors=True)
        hit = any(m.split(":", 1)[0] == cause for m in missing)
        rows.append((name, cause, "", missing, hit, rc, seen))
        shutil.rmtree(work, ignore_errors=True)
        print("%-42s real %-24s predicted %s%s" % (name, cause, ", ".join(missing) or "(nothing missing)",
                                                    "" if seen is None else "  [decisive line in the real run: %s]"
                                                    % ("yes" if seen else "NO")), flush=True)
    out.append("== prediction: the lab's scenarios, doctor run in the same hidden environment")
    out.append("%-42s %-24s %-7s %-5s %s" % ("scenario", "real (LAB-CAUSE)", "match", "exit", "doctor's missing needs"))
    tool_hits = tool_all = neg_ok = neg_all = 0
    for name, cause, err, missing, hit, rc, seen in rows:
        if err:
            out.append("%-42s %-24s %-7s %-5s %s" % (name, cause, "ERROR", "", err))
            if cause in TOOLCHAIN:
                tool_all += 1
            continue
        real_note = "" if seen is None else (" (real run: decisive line %s)" % ("seen" if seen else "NOT seen"))
        if cause in TOOLCHAIN:
            tool_all += 1
            tool_hits += bool(hit)
            mark = "yes" if hit else "NO"
        elif cause == "python-too-new":
            neg_all += 1
            neg_ok += not missing
            mark = "right" if not missing else "WRONG"
        else:
            mark = "yes" if hit else "no"
        out.append("%-42s %-24s %-7s %-5s %s%s" % (name, cause, mark, rc, ", ".join(missing) or "-", real_note))
    if tool_all:
        out.append("")
        out.append("toolchain scenarios predicted: %d/%d (%.0f %%); target >= 90 %%" % (
            tool_hits, tool_all, 100.0 * tool_hits / tool_all))
    if neg_all:
        out.append("negatives (the build fails for a reason no install fixes): %d/%d with no false 'missing'"
                   % (neg_ok, neg_all))
    return rows


def _doctor_json(args, env=None):
    t0 = time.time()
    proc = subprocess.run([PY, "-m", "pip_explain", "doctor", "--format", "json"] + list(args),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, timeout=600)
    took = time.time() - t0
    try:
        return json.loads(proc.stdout), proc.returncode, took
    except ValueError:
        return None, proc.returncode, took


def clean(names, out):
    names = names or CLEAN
    rows = []
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "src"))
    for name in names:
        data, rc, _ = _doctor_json(["--no-binary", ":all:", name], env)  # fetches the sdist into pip's cache
        data, rc, took = _doctor_json(["--no-binary", ":all:", name], env)  # timed: the sdist in pip's cache
        pkg = (data or {}).get("packages", [{}])[0] if data else {}
        build = pkg.get("build") or {}
        missing = ["%s:%s" % (n["cause"], n["detail"]) for n in build.get("needs", [])
                   if n["ok"] is False and not n.get("optional")]
        version = pkg.get("version") or ""
        wdir = tempfile.mkdtemp(prefix="fs-build-")
        t0 = time.time()
        proc = subprocess.run([PY, "-m", "pip", "wheel", "-q", "--no-deps", "--no-binary", name, "-w", wdir,
                               "%s==%s" % (name, version) if version else name], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, timeout=1800)
        built = proc.returncode == 0
        shutil.rmtree(wdir, ignore_errors=True)
        unsure = [n for n in build.get("needs", []) if n["ok"] is None and not n.get("optional")]
        verdict = ("false alarm" if missing and built else
                   "flagged '?'" if not missing and not built and unsure else
                   "miss" if not missing and not built else "ok" if built else "predicted failure")
        rows.append((name, version, build.get("backend") or "", ",".join(build.get("languages") or []), missing,
                     built, verdict, took, time.time() - t0))
        print("%-20s %-10s built=%s missing=%s doctor %.1fs" % (name, version, built, missing, took), flush=True)
    out.append("== no false alarms: popular sdists built for real here, and read by doctor first")
    out.append("%-20s %-10s %-28s %-16s %-6s %-18s %-8s %s" % ("package", "version", "backend", "languages", "built",
                                                              "verdict", "doctor", "missing needs"))
    for name, version, backend, langs, missing, built, verdict, took, _btook in rows:
        out.append("%-20s %-10s %-28s %-16s %-6s %-18s %-8s %s" % (name, version, backend[:28], langs[:16],
                                                                 "yes" if built else "NO", verdict, "%.1f s" % took,
                                                                 ", ".join(missing) or "-"))
    alarms = sum(1 for r in rows if r[6] == "false alarm")
    built = sum(1 for r in rows if r[5])
    times = sorted(r[7] for r in rows)
    out.append("")
    out.append("built here: %d/%d; false alarms among them: %d; misses (failed with nothing missing or '?'): %d;"
               " failed where doctor said '?': %d"
               % (built, len(rows), alarms, sum(1 for r in rows if r[6] == "miss"),
                  sum(1 for r in rows if r[6] == "flagged '?'")))
    if times:
        out.append("doctor per package (one package per run, the sdist in pip's cache, index page read): median "
                   "%.1f s, max %.1f s; target <= 3 s" % (times[len(times) // 2], times[-1]))
    return rows


def cost(names, out):
    """doctor on many packages in one run (their sdists in pip's cache): the
    time per package, apart from the fixed start (importing pip, its finder,
    the machine's compiler search list)."""
    names = list(names or CLEAN)
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "src"))
    _doctor_json(["--no-binary", ":all:"] + names, env)  # warm pip's caches
    one = [_doctor_json(["--no-binary", ":all:", names[0]], env)[2] for _ in range(3)]
    runs = [_doctor_json(["--no-binary", ":all:"] + names, env) for _ in range(3)]
    alls = [r[2] for r in runs]
    data = runs[-1][0] or {}
    built = sum(1 for p in data.get("packages", []) if p.get("build"))
    per = (min(alls) - min(one)) / max(1, len(names) - 1)
    out.append("== cost: doctor on %d packages in one run, their sdists in pip's cache (best of 3)" % len(names))
    out.append("one package (%s): %.1f s; all %d: %.1f s (%d read as builds); per further package: %.2f s; "
               "target <= 3 s" % (names[0], min(one), len(names), min(alls), built, per))


def memory(out):
    sdists = []
    cache = os.environ.get("LAB_CACHE", "/tmp/lab-cache") + "/sdists"
    for name in ("netifaces-0.11.0.tar.gz", "psycopg2-2.9.10.tar.gz", "numpy-1.24.4.tar.gz", "scipy-1.13.1.tar.gz"):
        if os.path.exists(os.path.join(cache, name)):
            sdists.append(os.path.join(cache, name))
    out.append("== cost of reading one sdist (read_source + checks on this machine), peak memory of the process")
    code = ("import resource,sys,time,pip_explain.enrich.foresight as f, pip_explain.enrich.probes as p;"
            "from pip_explain.enrich.platform import detect;"
            "t=time.time();r=f.read_source(sys.argv[1]);t1=time.time();"
            "f.check(r,f.machine(p.Prober(budget=30),detect()));t2=time.time();"
            "print('%.2f %.2f %d %d %d' % (t1-t, t2-t1, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, r.files,"
            " r.bytes_read))")
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "src"))
    base = subprocess.run([PY, "-c", "import resource,pip_explain.enrich.foresight;"
                           "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"], env=env,
                          capture_output=True, text=True).stdout.strip()
    out.append("interpreter with the module imported: %.1f MiB" % (int(base) / 1024.0))
    for path in sdists:
        res = subprocess.run([PY, "-c", code, path], env=env, capture_output=True, text=True).stdout.split()
        read, checked, rss, files, nbytes = float(res[0]), float(res[1]), int(res[2]), int(res[3]), int(res[4])
        out.append("%-26s %6.1f MiB archive, %5d files, %5.1f MiB of them read: read %.2f s, checks %.2f s, "
                   "peak %.1f MiB" % (os.path.basename(path), os.path.getsize(path) / 1048576.0, files,
                                      nbytes / 1048576.0, read, checked, rss / 1024.0))


def _machine():
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0, 0, 0)
    return ["date:    %s" % datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "cpu:     %d cores (os.cpu_count)" % (os.cpu_count() or 0),
            "python:  %s" % sys.version.split()[0],
            "load:    %.2f, %.2f, %.2f (1, 5, 15 min, at start)" % load]


def main(argv):
    if not argv:
        print(__doc__)
        return 2
    what, rest = argv[0], argv[1:]
    real = "--real" in rest
    names = [a for a in rest if not a.startswith("-")]
    out = ["== foresight (issue 14): pip-explain doctor before anything builds"] + _machine() + [""]
    if what in ("predict", "all"):
        predict(names if what == "predict" else [], real, _wheel(), out)
        out.append("")
    if what in ("clean", "all"):
        clean(names if what == "clean" else [], out)
        out.append("")
    if what in ("cost", "all"):
        cost(names if what == "cost" else [], out)
        out.append("")
    if what in ("memory", "all"):
        memory(out)
        out.append("")
    text = "\n".join(out) + "\n"
    print(text)
    if what == "all":
        with open(RESULTS, "w", encoding="utf-8") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
