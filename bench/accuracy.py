"""Accuracy of the classifier over the labelled corpus (a benchmark, not a test).

    python bench/accuracy.py [DIR...]       (default: tests/fixtures/logs, thirdparty, heldout)

Each log has a JSON sidecar with the expected ``cause`` (a TAXONOMY.md id;
``other`` = no specific cause). A log is explained offline, as
``pip-explain explain FILE`` does; its predicted cause is the first
diagnosis, or ``other`` when nothing was recognised. Prints per-cause
precision and recall, the share of right causes and the share of wrong
specific causes (a specific cause where the label says another one, or
``other``): the two numbers the knowledge base is judged by (targets:
>= 97 % right, <= 1 % wrong specific). ``--misses`` lists every miss.
"""
import argparse
import glob
import json
import os
import sys
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "src"))

from pip_explain.enrich.platform import detect  # noqa: E402
from pip_explain.report import explain_log  # noqa: E402

DEFAULT_DIRS = [os.path.join(ROOT, "tests", "fixtures", d) for d in ("logs", "thirdparty", "heldout")]


def predict(path, platform):
    with open(path, "rb") as f:
        text = f.read().decode("utf-8", errors="replace")
    lines = text.splitlines()
    for e in explain_log(lines, platform):
        if e.diagnosis is not None:
            return e.diagnosis.cause, e.diagnosis.detail, e.diagnosis.evidence[0].text
    return "other", None, None


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", default=DEFAULT_DIRS)
    ap.add_argument("--misses", action="store_true", help="list every log whose cause was not the label")
    args = ap.parse_args(argv)
    platform = detect()
    rows = []
    for d in args.dirs:
        for path in sorted(glob.glob(os.path.join(d, "*.log"))):
            meta_path = path[:-4] + ".json"
            if not os.path.exists(meta_path):
                continue
            with open(meta_path, encoding="utf-8") as f:
                meta = json.load(f)
            got, detail, evidence = predict(path, platform)
            rows.append((os.path.relpath(path, ROOT), meta["cause"], got, detail, evidence))
    if not rows:
        print("no labelled logs found")
        return 2
    tp, fp, fn, support = Counter(), Counter(), Counter(), Counter()
    for _, want, got, _, _ in rows:
        support[want] += 1
        if want == got:
            tp[want] += 1
        else:
            fp[got] += 1
            fn[want] += 1
    right = sum(tp.values())
    wrong_specific = sum(1 for _, want, got, _, _ in rows if got != "other" and got != want)
    missed = sum(1 for _, want, got, _, _ in rows if got == "other" and want != "other")
    by_dir = defaultdict(lambda: [0, 0])
    for path, want, got, _, _ in rows:
        by_dir[os.path.dirname(path)][0] += 1
        by_dir[os.path.dirname(path)][1] += want == got
    print("%-26s %7s %9s %7s" % ("cause", "logs", "precision", "recall"))
    for cause in sorted(set(support) | set(fp)):
        predicted = tp[cause] + fp[cause]
        precision = "%.0f %%" % (100.0 * tp[cause] / predicted) if predicted else "-"
        recall = "%.0f %%" % (100.0 * tp[cause] / support[cause]) if support[cause] else "-"
        print("%-26s %7d %9s %7s" % (cause, support[cause], precision, recall))
    n = len(rows)
    print()
    for d, (count, ok) in sorted(by_dir.items()):
        print("%-40s %4d logs, %5.1f %% right" % (d, count, 100.0 * ok / count))
    print()
    print("logs: %d   right cause: %d (%.1f %%)   wrong specific cause: %d (%.1f %%)   unrecognized instead of a"
          " cause: %d (%.1f %%)" % (n, right, 100.0 * right / n, wrong_specific, 100.0 * wrong_specific / n, missed,
                                    100.0 * missed / n))
    if args.misses:
        print()
        for path, want, got, detail, evidence in rows:
            if want != got:
                print("%s\n    label %s, got %s (%s) on: %s" % (path, want, got, detail, (evidence or "")[:160]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
