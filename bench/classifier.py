"""Classifier throughput and growth against GNU grep (issue 5, point 4).

Inputs, 1 MB, 10 MB and 100 MB each (--quick: 1 and 10 MB), built in a
temporary directory from the real logs in tests/fixtures/logs: their lines
that no rule matches (and that grep's translation of the rules does not match
either), repeated, with one decisive line (`fatal error: Python.h: No such
file or directory`, PX010) at the start, the middle or the end; and a worst
case built to defeat the prefilter: every line carries the literal needles of
the rules (so every line goes through the candidate regular expressions) but
matches none, decisive line at the end.

Measured side by side, rotating order, median of --rounds runs:

  classify   default_classifier().classify() in-process, over the file's
             lines streamed from disk (decode + split + classify; the rules'
             compile time excluded)
  cli        `python -m pip_explain explain FILE` wall time and peak RSS
             (its output: the decisive line's cause, or for start/middle the
             deduplicated pip frames of the filler make it faster)
             (interpreter start-up and imports included)
  grep -E    `grep -E -i -m 1 -f PATTERNS FILE` (the first match, like the
             classifier), PATTERNS being the rules' regular expressions
             translated to POSIX ERE (a pattern that does not translate is
             replaced by its needle), LC_ALL=C.UTF-8. With this many
             bracket expressions ([:space:], [:alnum:]) GNU grep's DFA gives
             up and it runs at tens of KB/s: it is run on the smallest
             inputs only, once, with a time limit (--grep-limit seconds).
  grep -F    `grep -F -i -c -f NEEDLES FILE`: the rules' literal needles (the
             classifier's prefilter), every line of the file: the fast anchor

100 MB inputs are measured once (--rounds applies to the smaller ones).

Goals: classify >= 1/3 of grep's speed; 10x input -> <= 11x time; peak
memory of `pip-explain explain FILE` independent of the log's size.

    python bench/classifier.py [--quick] [--rounds 3] [--keep DIR]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common as c  # noqa: E402

sys.path.insert(0, c.SRC)
from pip_explain.classify import default_classifier  # noqa: E402

DECISIVE = "      src/module.c:1:10: fatal error: Python.h: No such file or directory"
MB = 1_000_000


# -- grep's patterns ---------------------------------------------------------

_CLASS_ESC = {"s": "[:space:]", "S": None, "w": "[:alnum:]_", "W": None, "d": "0-9", "D": None}
_ESC = {"d": "[0-9]", "D": "[^0-9]", "s": "\\s", "S": "\\S", "w": "\\w", "W": "\\W", "b": "\\b", "B": "\\B"}


def to_ere(rx):
    """Python regex -> POSIX ERE (GNU), or None when it does not translate."""
    out, i, n = [], 0, len(rx)
    while i < n:
        ch = rx[i]
        if ch == "\\":
            nxt = rx[i + 1]
            if nxt in _ESC:
                out.append(_ESC[nxt])
            elif nxt.isalnum():
                return None  # \A, \Z, \1 ...
            else:
                out.append("\\" + nxt if nxt in ".[]()*+?{}|^$\\" else nxt)
            i += 2
        elif ch == "[":
            j, body = i + 1, []
            if j < n and rx[j] == "^":
                body.append("^")
                j += 1
            first = True
            while j < n and (rx[j] != "]" or first and rx[j] == "]"):
                if rx[j] == "\\":
                    e = rx[j + 1]
                    if e in _CLASS_ESC:
                        if _CLASS_ESC[e] is None:
                            return None
                        body.append(_CLASS_ESC[e] if e != "s" else "[:space:]")
                    elif e == "]":
                        body.insert(1 if body[:1] == ["^"] else 0, "]")
                    elif e == "-":
                        body.append("\x00DASH")
                    elif e == "\\":
                        body.append("\\")
                    elif e == "[":
                        body.append("[")
                    elif e.isalnum():
                        return None
                    else:
                        body.append(e)
                    j += 2
                else:
                    body.append(rx[j])
                    j += 1
                first = False
            dash = "\x00DASH" in body
            body = [b for b in body if b != "\x00DASH"]
            out.append("[" + "".join(body) + ("-" if dash else "") + "]")
            i = j + 1
        elif ch == "(" and rx.startswith("(?", i):
            if rx.startswith("(?:", i):
                out.append("(")
                i += 3
            elif rx.startswith("(?P<", i):
                out.append("(")
                i = rx.index(">", i) + 1
            else:
                return None  # lookaround, inline flags
        elif ch in "*+?}" and i + 1 < n and rx[i + 1] == "?":
            out.append(ch)  # lazy -> greedy: same lines match
            i += 2
        else:
            out.append(ch)
            i += 1
    ere = "".join(out)
    ok = subprocess.run(["grep", "-E", "-e", ere, "/dev/null"], capture_output=True, text=True)
    if ok.returncode == 2 or ok.stderr:
        return None
    return ere


def grep_patterns(path):
    clf = default_classifier()
    pats, fallback = [], 0
    for _rule, pattern, _ in clf._entries:
        ere = to_ere(pattern.regex)
        if ere is None:
            fallback += 1
            ere = re.sub(r"([.\[\]()*+?{}|^$\\])", r"\\\1", pattern.needle)
        pats.append(ere)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(pats) + "\n")
    return len(pats), fallback


# -- inputs ------------------------------------------------------------------

def filler_lines(patterns_file):
    clf = default_classifier()
    logs = os.path.join(c.ROOT, "tests", "fixtures", "logs")
    pool = []
    for name in sorted(os.listdir(logs)):
        if name.endswith(".log"):
            with open(os.path.join(logs, name), encoding="utf-8", errors="replace") as f:
                pool.extend(line.rstrip("\n") for line in f)
    pool = [ln for ln in pool if clf.match_line(ln) is None]
    # drop what grep's translation matches too (it must scan as far as we do)
    out = subprocess.run(["grep", "-v", "-E", "-i", "-f", patterns_file], input="\n".join(pool) + "\n",
                         capture_output=True, text=True, env=dict(os.environ, LC_ALL="C.UTF-8"))
    return out.stdout.splitlines()


def adversarial_lines(patterns_file):
    """Lines full of needles that no pattern matches."""
    clf = default_classifier()
    needles = sorted(clf._by_needle)
    lines = []
    for i, needle in enumerate(needles):
        other = needles[(i * 7 + 3) % len(needles)]
        third = needles[(i * 13 + 5) % len(needles)]
        for shape in ("%s x %s y %s", "note %s; see %s (%s)", "[%s] %s -- %s"):
            line = "    " + shape % (needle, other, third) + " " + "z" * (i % 40)
            if clf.match_line(line) is None:
                lines.append(line)
    out = subprocess.run(["grep", "-v", "-E", "-i", "-f", patterns_file], input="\n".join(lines) + "\n",
                         capture_output=True, text=True, env=dict(os.environ, LC_ALL="C.UTF-8"))
    kept = out.stdout.splitlines()
    return kept, len(needles)


def write_log(path, pool, size, where):
    block = ("\n".join(pool) + "\n").encode("utf-8")
    reps = max(1, size // len(block))
    body = (block * (reps + 1))[:size]
    body = body[: body.rfind(b"\n") + 1]
    line = (DECISIVE + "\n").encode()
    if where == "start":
        data = line + body
    elif where == "middle":
        mid = body.rfind(b"\n", 0, len(body) // 2) + 1
        data = body[:mid] + line + body[mid:]
    else:
        data = body + line
    with open(path, "wb") as f:
        f.write(data)


# -- measuring ----------------------------------------------------------------

CLASSIFY = r'''
import sys, time
sys.path.insert(0, sys.argv[1])
from pip_explain.classify import default_classifier
clf = default_classifier()
def lines(path):
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        for line in f:
            yield line.rstrip("\r\n")
t0 = time.perf_counter()
d = clf.classify(lines(sys.argv[2]))
t = time.perf_counter() - t0
print(t, d.evidence[0].line if d else None)
'''


# Peak RSS through GNU time: a child's maxrss survives exec, so measured from
# this (large) process it would start at this process's size.
TIME = ["/usr/bin/time", "-f", "%M"]  # KiB


def measure(path, patterns, needles, rounds, grep_limit):
    env = c.clean_env(LC_ALL="C.UTF-8")
    res = {"classify": [], "cli": [], "grep": [], "grepF": [], "rss": [], "line": None, "grep_line": None}
    for i in range(rounds):
        for step in (["grep", "classify", "grepF", "cli"], ["classify", "cli", "grep", "grepF"],
                     ["cli", "grepF", "grep", "classify"])[i % 3]:
            if step == "grep":
                if not grep_limit or i > 0:  # once per input: it is slow
                    continue
                t0 = time.perf_counter()
                try:
                    out = subprocess.run(["grep", "-E", "-i", "-n", "-m", "1", "-f", patterns, path],
                                         capture_output=True, env=env, timeout=grep_limit)
                    res["grep_line"] = out.stdout.split(b":", 1)[0].decode() or None
                    res["grep"].append(time.perf_counter() - t0)
                except subprocess.TimeoutExpired:
                    res["grep"].append(float("inf"))
                    res["grep_line"] = "timeout"
            elif step == "grepF":
                t0 = time.perf_counter()
                subprocess.run(["grep", "-F", "-i", "-c", "-f", needles, path], capture_output=True, env=env)
                res["grepF"].append(time.perf_counter() - t0)
            elif step == "classify":
                out = subprocess.run([sys.executable, "-c", CLASSIFY, c.SRC, path], capture_output=True, text=True,
                                     env=env)
                t, line = out.stdout.split()
                res["classify"].append(float(t))
                res["line"] = line
            else:
                t0 = time.perf_counter()
                out = subprocess.run(TIME + [sys.executable, "-m", "pip_explain", "explain", path],
                                     env=dict(env, PYTHONPATH=c.SRC), stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, text=True)
                res["cli"].append(time.perf_counter() - t0)
                res["rss"].append(int(out.stderr.strip().splitlines()[-1]))
    return {k: ((statistics.median(v) if v else None) if isinstance(v, list) else v) for k, v in res.items()}


def run(sizes, rounds, report, work, grep_limit):
    patterns = os.path.join(work, "patterns.txt")
    npat, fallback = grep_patterns(patterns)
    needles = os.path.join(work, "needles.txt")
    with open(needles, "w", encoding="utf-8") as f:
        f.write("\n".join(sorted(default_classifier()._by_needle)) + "\n")
    pool = filler_lines(patterns)
    adv, nneedles = adversarial_lines(patterns)
    report("", "grep patterns: %d rules' regular expressions, %d translated to ERE, %d replaced by their needle"
           % (npat, npat - fallback, fallback),
           "filler: %d real build-output lines no rule matches; worst case: %d lines built from the %d needles"
           % (len(pool), len(adv), nneedles), "")
    report("%-7s %6s %10s %7s %10s %7s %9s %7s %9s %7s %12s" % (
        "case", "size", "classify", "MB/s", "grep -E", "ratio", "grep -F", "ratio", "cli", "RSS", "line"))
    table = {}
    for where in ("start", "middle", "end", "worst"):
        for size in sizes:
            path = os.path.join(work, "%s-%d.log" % (where, size))
            write_log(path, adv if where == "worst" else pool, size * MB, "end" if where == "worst" else where)
            m = measure(path, patterns, needles, rounds if size < 100 else 1, grep_limit if size == sizes[0] else 0)
            os.remove(path)
            table[where, size] = m
            ge = "%8.0fms" % (m["grep"] * 1e3) if m["grep"] not in (None, float("inf")) else (
                "  timeout" if m["grep"] else "  not run")
            re_ = "%6.2fx" % (m["grep"] / m["classify"]) if m["grep"] else "      -"
            report("%-7s %4dMB %8.1fms %7.2f %10s %7s %7.1fms %6.2fx %7.0fms %5.0fMB %12s" % (
                where, size, m["classify"] * 1e3, size / m["classify"], ge, re_, m["grepF"] * 1e3,
                m["grepF"] / m["classify"], m["cli"] * 1e3, m["rss"] / 1024,
                "%s/%s" % (m["line"], m["grep_line"] or "-")))
    report("", "(ratio: grep's time / classify's time, the goal is >= 0.33; grep -F reads the whole file, classify "
               "stops at the decisive line: compare end and worst; line: the decisive line found by classify / "
               "grep -E)")
    speeds_e = {k: m["grep"] / m["classify"] for k, m in table.items() if k[0] != "start" and m["grep"]}
    speeds_f = {k: m["grepF"] / m["classify"] for k, m in table.items() if k[0] in ("end", "worst")}
    growth = []
    for where in ("middle", "end", "worst"):
        for a, b in zip(sizes, sizes[1:]):
            growth.append(("classify", where, a, b, table[where, b]["classify"] / table[where, a]["classify"]))
            growth.append(("cli", where, a, b, table[where, b]["cli"] / table[where, a]["cli"]))
    report("growth (time ratio for 10x input): " + "; ".join("%s %s %d->%dMB %.1fx" % g for g in growth))
    big = [g for g in growth if g[0] == "classify"]
    # judged between the two largest sizes: below ~2 MB the file is read in
    # smaller chunks than the 1 MiB the reader grows to (a constant 3-4 MB)
    rss_growth = {w: table[w, sizes[-1]]["rss"] / table[w, sizes[-2]]["rss"] for w in ("start", "middle", "end", "worst")}
    report("peak RSS of pip-explain explain, %d MB -> %d MB: " % (sizes[0], sizes[-1]) + "; ".join(
        "%s %.0f -> %.0f MB" % (w, table[w, sizes[0]]["rss"] / 1024, table[w, sizes[-1]]["rss"] / 1024)
        for w in rss_growth))
    lines = [""]
    if speeds_e:
        slow = min(speeds_e, key=speeds_e.get)
        lines.append("GOAL >= 1/3 of grep -E's speed (same patterns): %s (lowest %.2fx, %s %d MB)"
                     % ("met" if speeds_e[slow] >= 1 / 3 else "NOT met", speeds_e[slow], slow[0], slow[1]))
    slow = min(speeds_f, key=speeds_f.get)
    lines.append("GOAL >= 1/3 of grep -F's speed (the needles only, the fast anchor): %s (lowest %.3fx, %s %d MB)"
                 % ("met" if speeds_f[slow] >= 1 / 3 else "NOT met", speeds_f[slow], slow[0], slow[1]))
    lines.append("GOAL linear growth (10x -> <= 11x): %s (classify worst %.1fx; cli worst %.1fx)"
                 % ("met" if max(g[4] for g in big) <= 11 else "NOT met", max(g[4] for g in big),
                    max(g[4] for g in growth if g[0] == "cli")))
    lines.append("GOAL peak memory of pip-explain explain independent of size: %s (largest growth %.2fx, %d -> %d MB)"
                 % ("met" if max(rss_growth.values()) <= 1.10 else "NOT met", max(rss_growth.values()), sizes[-2],
                    sizes[-1]))
    report(*lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="1 and 10 MB only")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--grep-limit", type=float, default=60, help="seconds for one grep -E run (0: skip)")
    ap.add_argument("--save", action="store_true")
    args = ap.parse_args(argv)
    sizes = [1, 10] if args.quick else [1, 10, 100]
    report = c.Report("classifier")
    report(*c.header("classifier throughput and growth vs GNU grep",
                     ["--rounds", str(args.rounds)] + (["--quick"] if args.quick else [])))
    work = c.workdir("px-bench-classify-")
    try:
        run(sizes, args.rounds, report, work, args.grep_limit)
    finally:
        c.cleanup(work)
    if args.save:
        report.save()


if __name__ == "__main__":
    main()
