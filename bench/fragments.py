"""Fragments: what is left of a diagnosis when only part of the log is pasted.

    python bench/fragments.py [DIR...] [--show N]

Most logs in public threads are fragments: the lines around the error, or the
tail. For every labelled log that pip-explain gets right whole, the labelled
decisive line is found and the log is cut around it:

    line       the decisive line alone
    near3      3 lines either side
    near10     10 lines either side
    from       the decisive line to the end (the error and pip's frame after it)
    upto       the start up to the decisive line (the frame is lost)

and classified again. A fragment may lose the cause ("unrecognized" is an
honest answer when the context that proves it is gone) but must never get
another specific cause: that count is the one to keep at zero.
"""
import argparse
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "src"))
sys.path.insert(0, os.path.join(ROOT, "bench"))

from framings import CORPORA, logs, predict, read  # noqa: E402

from pip_explain.enrich.platform import detect  # noqa: E402

CUTS = {
    "line": lambda lines, d: lines[d:d + 1],
    "near3": lambda lines, d: lines[max(0, d - 3):d + 4],
    "near10": lambda lines, d: lines[max(0, d - 10):d + 11],
    "from": lambda lines, d: lines[d:],
    "upto": lambda lines, d: lines[:d + 1],
}


def decisive_index(lines, decisive):
    want = decisive.strip()
    for i, line in enumerate(lines):
        if want and want in line:
            return i
    return None


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", default=[os.path.join(ROOT, "tests", "fixtures", d) for d in CORPORA])
    ap.add_argument("--show", type=int, default=0, help="list up to N wrong specific causes per cut")
    args = ap.parse_args(argv)
    platform = detect()
    counts = {name: [0, 0, 0] for name in CUTS}  # kept, unrecognized, wrong specific
    wrong = {name: [] for name in CUTS}
    n = 0
    for path in logs(args.dirs):
        with open(path[:-4] + ".json", encoding="utf-8") as f:
            meta = json.load(f)
        if meta["cause"] == "other" or not meta.get("decisive") or meta.get("pending"):
            continue
        lines = read(path)
        if predict(lines, platform)[0] != meta["cause"]:
            continue
        d = decisive_index(lines, meta["decisive"])
        if d is None:
            continue
        n += 1
        for name, cut in CUTS.items():
            got = predict(cut(lines, d), platform)[0]
            if got == meta["cause"]:
                counts[name][0] += 1
            elif got == "other":
                counts[name][1] += 1
            else:
                counts[name][2] += 1
                wrong[name].append((os.path.relpath(path, ROOT), meta["cause"], got))
    print("%d logs right whole, with a specific label and its decisive line found" % n)
    print("%-8s %18s %18s %18s" % ("cut", "same cause", "unrecognized", "wrong specific"))
    for name in CUTS:
        kept, lost, bad = counts[name]
        print("%-8s %10d %5.1f %% %10d %5.1f %% %10d %5.1f %%" % (
            name, kept, 100.0 * kept / n, lost, 100.0 * lost / n, bad, 100.0 * bad / n))
        for path, want, got in wrong[name][:args.show]:
            print("      %s: %s -> %s" % (path, want, got))
    return 0


if __name__ == "__main__":
    sys.exit(main())
