"""Fuzzing at scale: the properties of tests/test_fuzz.py by the million, and
the pathological inputs (a 100 MB line, 1 M short lines, regex-backtracking
bait for every rule's pattern) with their times and growth.

    python3 bench/fuzz.py --cases 1000000            # everything
    python3 bench/fuzz.py --cases 20000 --no-big     # quick
    python3 bench/fuzz.py ... --out bench/results/fuzz.txt

Every case: classify, decisive_lines and plain() on random hostile lines
(escapes, OSC 8 links, titles, rich markup, controls, NULs, CR-only lines,
invalid UTF-8 decoded as pip decodes it, secrets); every --full-every'th case
also goes through explain_lines, the panel (plain and in colour), the JSON and
the retry command, checked for controls, escapes, interpreted markup and
secrets (tests/fuzzkit.py). A failing case is printed and the run exits 1.
"""
from __future__ import annotations

import argparse
import os
import platform as _platform
import random
import re
import string
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path[:0] = [os.path.join(ROOT, "src"), os.path.join(ROOT, "tests")]

import fuzzkit  # noqa: E402
from pip_explain import render  # noqa: E402
from pip_explain.classify import MAX_LINE, decisive_lines, default_classifier  # noqa: E402
from pip_explain.enrich.platform import detect  # noqa: E402
from pip_explain.report import explain_lines  # noqa: E402
from pip_explain.rules import all_rules  # noqa: E402
from pip_explain.sanitize import clean_line, plain  # noqa: E402

RULES = all_rules()
REPS = 3
EXAMPLES = [ex for r in RULES for ex in r.examples]
ALNUM = string.ascii_letters + string.digits
PRINTABLE = string.printable + "éü漢字😀│╰─>×"


def rand_word(rng):
    k = rng.random()
    if k < 0.3:
        return rng.choice(fuzzkit.HOSTILE)
    if k < 0.45:
        return rng.choice(EXAMPLES)
    if k < 0.6:
        x = "".join(rng.choice(fuzzkit.HOSTILE + tuple("abc.-_/ h")) for _ in range(rng.randint(0, 5)))
        return rng.choice(fuzzkit.TRIGGERS).format(x=x)
    if k < 0.75:
        raw = bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 12)))
        return raw.decode("utf-8", rng.choice(("replace", "backslashreplace")))  # pip's decoding
    if k < 0.9:
        return "".join(rng.choice(PRINTABLE) for _ in range(rng.randint(0, 16)))
    return "".join(chr(rng.randint(0, 0x2FFF)) for _ in range(rng.randint(0, 6))).encode(
        "utf-8", "replace").decode("utf-8", "replace")


def rand_case(rng):
    lines = ["".join(rand_word(rng) for _ in range(rng.randint(0, 8))) for _ in range(rng.randint(0, 12))]
    secrets = []
    for _ in range(rng.choice((0, 0, 1, 2))):
        form = rng.choice(fuzzkit.SECRET_FORMS + (fuzzkit.AKIA,))
        value = "".join(rng.choice(ALNUM) for _ in range(rng.randint(16, 24)))
        text = fuzzkit.secret_text(form, value)
        if lines and rng.random() < 0.5:
            i = rng.randrange(len(lines))
            lines[i] += text + rng.choice(EXAMPLES + [""])
        else:
            lines.append(rng.choice(("", "ERROR: ", "fatal error: ")) + text)
        secrets.extend(fuzzkit.secret_values(form, value))
    return lines, secrets


def fuzz(cases, full_every, seed, report):
    rng = random.Random(seed)
    platform = detect()
    classifier = default_classifier()
    try:  # colour output through rich (pip's vendored copy when rich is not installed)
        if render._rich() is None:
            import pip._vendor.rich.console  # noqa: F401
    except Exception:
        pass
    color = render._rich() is not None
    full = lines_seen = 0
    t0 = time.perf_counter()
    for i in range(cases):
        lines, secrets = rand_case(rng)
        lines_seen += len(lines)
        try:
            if i % full_every == 0:
                args = ["install"] + [rand_word(rng) for _ in range(rng.randint(0, 3))]
                if secrets:
                    args.append("--index-url=https://u:%s@h/simple" % secrets[0])
                fuzzkit.check_everything(lines, secrets, platform, args, rng.choice((None, rand_word(rng))),
                                         rng.choice((None, rand_word(rng))), rand_word(rng),
                                         color_ok=color and i % (full_every * 10) == 0)
                full += 1
            else:
                classifier.classify(lines)
                for ev in decisive_lines(lines):
                    fuzzkit.check_text(plain(ev.text), secrets, "decisive line")
                for line in lines:
                    fuzzkit.check_text(plain(line), secrets, "plain()")
        except Exception:
            report("FAILED case %d (seed %d): %r" % (i, seed, (lines, secrets)))
            raise
        if i and i % 100000 == 0:
            report("  ... %d cases, %.0f s" % (i, time.perf_counter() - t0))
    dt = time.perf_counter() - t0
    report("random cases: %d (%d lines), %d of them through panel+colour+JSON+retry; %.1f s, %.0f cases/s; "
           "0 failures" % (cases, lines_seen, full, dt, cases / dt))


# -- pathological inputs ----------------------------------------------------------

def timed(func, *args):
    t0 = time.perf_counter()
    func(*args)
    return time.perf_counter() - t0


def whole_pipeline(lines):
    platform = detect()
    e = explain_lines(lines, platform, "pkg", "1.0", "Building wheel for pkg")
    out = render.panel([e], "pip install pkg", 80, platform.label)
    text = render.as_text(out)
    fuzzkit.check_text(text, (), "panel")
    render.to_json([e], "pip install pkg", platform.label)
    return text


def big_inputs(report, big):
    mib = 1 << 20
    report("pathological inputs (time; growth 10x input -> time ratio, linear ~10):")
    for name, make in (
        ("one line of 'a'", lambda n: ["a" * n]),
        ("one line, escapes", lambda n: [("\x1b[31m\x1b]8;;u\x07x" * (n // 12 + 1))[:n]]),
        ("one line, ESC ] without end", lambda n: ["\x1b]" + "a" * (n - 2)]),
        ("one line, markup bait", lambda n: [("[link=" * (n // 6 + 1))[:n]]),
        ("one line, URL userinfo bait", lambda n: [("https://u:" + "p" * (n - 10))]),
        ("one line, ://a: repeated", lambda n: [("://a:" * (n // 5 + 1))[:n]]),
        ("one line, ?token= repeated", lambda n: [("?token=" * (n // 7 + 1))[:n]]),
        ("one line, authorization: + spaces", lambda n: ["authorization:" + " " * (n - 14)]),
        ("one line, A..._TOKEN bait", lambda n: [("A" * (n - 6)) + "_TOKEN"]),
        ("one line, CR-only", lambda n: [("\r" * n)]),
        ("one line, fatal error + long tail", lambda n: ["fatal error: " + "x" * (n - 40) + ".h: No such file or directory"]),
        ("short lines", lambda n: ["fatal errr: x.h: No such file %d" % i for i in range(n // 32)]),
    ):
        t1 = timed(whole_pipeline, make(mib))
        t10 = timed(whole_pipeline, make(10 * mib))
        report("  %-36s 1 MiB %.3f s, 10 MiB %.3f s, ratio %.1f" % (name, t1, t10, t10 / max(t1, 1e-9)))
    if big:
        line = "x" * (100 * mib - 64) + " fatal error: Python.h: No such file or directory"
        t = timed(whole_pipeline, [line])
        report("  a single 100 MB line (the cause at its end, beyond the 4 KiB bound): %.2f s" % t)
        line = "fatal error: Python.h: No such file or directory " + "x" * (100 * mib - 64)
        t0 = time.perf_counter()
        text = whole_pipeline([line])
        report("  a single 100 MB line (the cause at its start): %.2f s, panel %d bytes" % (
            time.perf_counter() - t0, len(text)))
        lines = ["building 'spam' extension %d" % i for i in range(1000000)]
        lines[-1] = "spam.c:1:10: fatal error: Python.h: No such file or directory"
        t = timed(whole_pipeline, lines)
        report("  1 M short lines (the cause on the last): %.2f s" % t)
        lines[-1] = "nothing to see"
        t = timed(whole_pipeline, lines)
        report("  1 M short lines (nothing recognised, fallback): %.2f s" % t)


def baits(regex_text, examples):
    """Lines built to make a pattern backtrack: its examples cut short and
    repeated, the needle repeated, the needle followed by long runs."""
    out = []
    for ex in examples:
        for cut in (len(ex) // 2, len(ex) - 1):
            head = ex[:cut]
            if head:
                out.append(("%r[:%d]*k" % (ex[:20], cut), head, head))
        out.append(("%r + spaces" % ex[:20], ex[:-1], " "))
        out.append(("%r + word chars" % ex[:20], ex[:-1], "a"))
    return out


def backtracking(report):
    """Every pattern, every bait: time per line at 1 KiB and at 4 KiB (the
    line bound); linear work grows 4x, quadratic 16x."""
    classifier = default_classifier()
    worst = []
    n_baits = 0
    for rule in RULES:
        examples = list(rule.examples)
        for pattern in rule.patterns:
            regex = re.compile(pattern.regex, re.IGNORECASE)
            mine = [ex for ex in examples if regex.search(clean_line(ex))] or examples[:1]
            cases = baits(pattern.regex, mine) + [("needle*k", pattern.needle, pattern.needle),
                                                  ("needle+spaces", pattern.needle, " "),
                                                  ("needle+a", pattern.needle, "a")]
            for label, head, fill in cases:
                n_baits += 1
                ts = []
                for size in (1024, MAX_LINE):
                    body = (head + fill * (size // max(len(fill), 1)))[:size] if fill != head else (
                        head * (size // len(head) + 1))[:size]
                    lines = [body] * REPS
                    t0 = time.perf_counter()
                    classifier.classify(lines)
                    decisive_lines(lines)
                    regex.search(body)
                    ts.append((time.perf_counter() - t0) / REPS)
                worst.append((ts[1] / max(ts[0], 1e-9), ts[1], rule.code, pattern.regex[:60], label))
    worst.sort(reverse=True)
    report("backtracking bait: %d patterns of %d rules, %d bait lines, each at 1 KiB and 4 KiB" % (
        sum(len(r.patterns) for r in RULES), len(RULES), n_baits))
    slowest = max(worst, key=lambda w: w[1])
    report("  slowest 4 KiB line: %.2f ms (%s %s, %s)" % (slowest[1] * 1e3, slowest[2], slowest[3], slowest[4]))
    report("  largest 1 KiB -> 4 KiB growth (linear ~4, quadratic ~16):")
    for ratio, t, code, rx, label in worst[:5]:
        report("    %.1fx  %.3f ms  %s %s  [%s]" % (ratio, t * 1e3, code, rx, label))


def machine():
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "")
    except OSError:
        pass
    return "%s, %d cores, %s; Python %s; %s" % (cpu or _platform.processor(), os.cpu_count() or 0,
                                                _platform.platform(), _platform.python_version(),
                                                time.strftime("%Y-%m-%d"))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cases", type=int, default=1000000)
    ap.add_argument("--full-every", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-big", action="store_true", help="skip the 100 MB line and the 1 M lines")
    ap.add_argument("--no-pathological", action="store_true")
    ap.add_argument("--out", help="also write the report to this file")
    args = ap.parse_args(argv)
    lines = []

    def report(msg):
        print(msg, flush=True)
        lines.append(msg)

    report("pip-explain fuzz bench: " + machine())
    t0 = time.perf_counter()
    if not args.no_pathological:
        backtracking(report)
        big_inputs(report, not args.no_big)
    fuzz(args.cases, args.full_every, args.seed, report)
    report("total %.0f s" % (time.perf_counter() - t0))
    if args.out:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        with open(args.out, "w") as f:
            f.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
