"""The failure path with the wheel oracle and the live checks (issue 5, point 3).

The same failing install as bench/failure.py (a local index on an HTTP server
in this process, counting requests; pxfail's in-tree backend prints 306 lines
and fails on Python.h), timed from pip's end to the panel written (an
in-process timer around pip-explain's report), in rotating order:

  oracle+checks      the default: wheel oracle and live checks on
  checks only        PIP_EXPLAIN_ORACLE=0
  neither            PIP_EXPLAIN_ORACLE=0 PIP_EXPLAIN_CHECKS=0

and, untimed, PIP_EXPLAIN=0 for the request count. The oracle reads pip's
cached candidate list here (pip found pxfail through its finder): the extra
HTTP requests it makes are counted against the index. pip is the venv's own
(this interpreter's pip); on pip 26 the oracle re-reads the project page
through pip's session (this index sends no cache headers, so that is one
request).

Goal: with the oracle <= 100 ms and 0 extra HTTP requests.

    python bench/oracle.py [--rounds 15]
"""
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common as c  # noqa: E402
import failure as f  # noqa: E402


def run(rounds, python, report, work):
    wheel = c.build_wheel(python, work)
    venvs = c.make_venvs(python, work, ["pip-explain"], wheel)
    py = venvs["pip-explain"]
    index = f.Index(f.make_sdist(os.path.join(work, "index")))
    args = ["install", "--no-cache-dir", "--no-build-isolation", "--index-url", index.url, "pxfail"]
    timer = os.path.join(work, "timer")
    variants = {
        "oracle+checks": {},
        "checks only": {"PIP_EXPLAIN_ORACLE": "0"},
        "neither": {"PIP_EXPLAIN_ORACLE": "0", "PIP_EXPLAIN_CHECKS": "0"},
        "PIP_EXPLAIN=0": {"PIP_EXPLAIN": "0"},
    }
    gap = {n: [] for n in variants}
    requests = {n: [] for n in variants}
    names = list(variants)
    sample = None
    for i in range(-1, rounds):
        k = i % len(names)
        for name in names[k:] + names[:k]:
            env = c.clean_env(COLUMNS="100", PX_BENCH_TIMER=timer, PIP_EXPLAIN_FORMAT="json", **variants[name])
            if os.path.exists(timer):
                os.remove(timer)
            before = index.requests
            _, _, _, blob = f.timed_run([py, "-c", f.DRIVER] + args, env, False)
            if i < 0:
                if name == "oracle+checks":
                    sample = blob
                continue
            requests[name].append(index.requests - before)
            if os.path.exists(timer):
                with open(timer) as fh:
                    gap[name].append(float(fh.read()))
    pip_version = c.sh(py, "-c", "import pip; print(pip.__version__)").strip()
    report("", "pip %s install pxfail (fails: Python.h), %d interleaved rounds" % (pip_version, rounds))
    for name in names[:3]:
        if not gap[name]:
            report("  %-14s no timing (no panel?)" % name)
            continue
        lo, hi = c.quartiles(gap[name])
        report("  %-14s pip's end to the panel written: median %.1f ms (IQR %.1f-%.1f, max %.1f)"
               % (name, statistics.median(gap[name]) * 1e3, lo * 1e3, hi * 1e3, max(gap[name]) * 1e3))
    base = statistics.median(requests["PIP_EXPLAIN=0"])
    report("  HTTP requests to the index per run: " + ", ".join(
        "%s %s" % (n, "/".join(str(x) for x in sorted(set(v)))) for n, v in requests.items() if v))
    if sample is not None:
        text = sample.decode("utf-8", "replace").strip().splitlines()[-1:]
        report("", "the JSON's wheels (oracle+checks): " + (text[0][text[0].find('"wheels"'):][:200] if text else "?"))
    g = statistics.median(gap["oracle+checks"]) * 1e3 if gap["oracle+checks"] else float("inf")
    extra = statistics.median(requests["oracle+checks"]) - base
    report("", "GOAL with the wheel oracle <= 100 ms and 0 extra HTTP requests: %s (%.1f ms, %+d requests)"
           % ("met" if g <= 100 and extra == 0 else "NOT met", g, extra))


def main(argv=None):
    c.main("oracle", "failure path with the wheel oracle and live checks", run, 15, __doc__, argv)


if __name__ == "__main__":
    main()
