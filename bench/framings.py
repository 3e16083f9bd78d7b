"""Framing invariance: the cause must not depend on how a log was carried.

    python bench/framings.py [DIR...] [--show N]

The same build output reaches users framed by whatever ran it or carried it:
a CI runner's timestamps, a Docker build's step prefix, docker compose's
service column, a forum quote, a Markdown code block's indent. Each framing
below is applied to every line of every labelled log of the corpora; the
predicted cause and detail must be the same as on the log as it was posted.
Prints, per framing, how many logs changed (and which, with ``--show``).

Each framing is one that real logs in this repository carry (the file named
beside it), applied to all the others:

    gha        "2024-05-01T10:00:00.1234567Z "   GitHub Actions / Azure raw logs (blind/b1 89)
    buildkit   "#12 3.412 "                      docker build with BuildKit (blind/b2 08, 32)
    jenkins    "[2024-05-01T10:00:00.123Z] "     Jenkins' timestamper (ISO form)
    clock      "10:00:01 "                       a CI's clock column (blind/b2 56)
    compose    "web-1  | "                       docker compose up / logs
    gitlab     "2024-05-01T10:00:00.123456Z 01O " GitLab runner 17's timestamps
    quote      "> "                              a quoted reply (blind/b2 98, 102, 111)
    indent     "    "                            a Markdown code block (Stack Overflow)
    piplog     "2024-05-01T10:00:00,123 "         pip --log FILE (pip/_internal/utils/logging.py)
    stacked    "> #12 3.412 "                     a quoted Docker build (blind/b2 98)

A terminal or a console that copies its width wraps long lines (cmd.exe at 80
columns, blind/b5 72; a console at 122, blind/b2 26): ``wrap80`` and ``wrap120``
cut every line at that width. Lines change number there, so the report counts
the logs that keep their cause, lose it (unrecognized) or get another one.

Not a test (the corpus decides what the numbers are); ``tests/test_framings.py``
keeps the framings that are invariant today invariant.
"""
import argparse
import glob
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "src"))

from pip_explain.enrich.platform import detect  # noqa: E402
from pip_explain.report import explain_log  # noqa: E402

FRAMINGS = {
    "gha": lambda i: "2024-05-01T10:00:%02d.%07dZ " % (i // 1000 % 60, i % 10000000),
    "buildkit": lambda i: "#12 %d.%03d " % (3 + i // 1000, i % 1000),
    "jenkins": lambda i: "[2024-05-01T10:00:%02d.%03dZ] " % (i // 1000 % 60, i % 1000),
    "clock": lambda i: "10:%02d:%02d " % (i // 60 % 60, i % 60),
    "compose": lambda i: "web-1  | ",
    "gitlab": lambda i: "2024-05-01T10:00:%02d.%06dZ %02dO " % (i // 1000 % 60, i % 1000000, i % 100),
    "quote": lambda i: "> ",
    "indent": lambda i: "    ",
    "piplog": lambda i: "2024-05-01T10:00:%02d,%03d " % (i // 1000 % 60, i % 1000),
    "stacked": lambda i: "> #12 %d.%03d " % (3 + i // 1000, i % 1000),
    # BuildKit's TTY view (docker compose build): the seconds alone (b17-rust-pyo3/14)
    "buildkit-tty": lambda i: "%d.%d " % (149 + i // 100, i % 10),
    # nix build -L: the derivation's name (b17-newpy-freethreaded/06, b13-installers-ci/12)
    "nix": lambda i: "python3.12-foo> ",
}

CORPORA = ["logs", "thirdparty", "heldout", "blind/b1-win-mac-conda", "blind/b2-linux-ci",
           "blind/b3-lang-installers", "blind/b4-mixed"]


WRAPS = (80, 120)


def wrapped(lines, width):
    out = []
    for line in lines:
        while len(line) > width:
            out.append(line[:width])
            line = line[width:]
        out.append(line)
    return out


def predict(lines, platform):
    for e in explain_log(lines, platform):
        if e.diagnosis is not None:
            return e.diagnosis.cause, e.diagnosis.detail
    return "other", None


def framed(lines, name):
    prefix = FRAMINGS[name]
    return [prefix(i) + line for i, line in enumerate(lines)]


def read(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8", errors="replace").splitlines()


def logs(dirs):
    for d in dirs:
        for path in sorted(glob.glob(os.path.join(d, "*.log"))):
            if os.path.exists(path[:-4] + ".json"):
                yield path


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", default=[os.path.join(ROOT, "tests", "fixtures", d) for d in CORPORA])
    ap.add_argument("--show", type=int, default=0, help="list up to N changed logs per framing")
    ap.add_argument("--only", action="append", help="only this framing (repeatable)")
    args = ap.parse_args(argv)
    platform = detect()
    names = args.only or list(FRAMINGS)
    changed = {name: [] for name in names}
    n = 0
    for path in logs(args.dirs):
        lines = read(path)
        base = predict(lines, platform)
        n += 1
        for name in names:
            got = predict(framed(lines, name), platform)
            if got != base:
                changed[name].append((os.path.relpath(path, ROOT), base, got))
    print("%d logs; cause and detail unchanged under each framing:" % n)
    for name in names:
        bad = changed[name]
        print("  %-9s %4d / %d unchanged (%.1f %%)" % (name, n - len(bad), n, 100.0 * (n - len(bad)) / n))
        for path, base, got in bad[:args.show]:
            print("      %s: %s -> %s" % (path, base, got))
    if not args.only:
        print("hard-wrapped (logs with a specific cause as posted): same cause / unrecognized / another cause")
        for width in WRAPS:
            same, lost, other = wrap_counts(args.dirs, width, platform)
            print("  wrap%-5d %4d / %d same, %d unrecognized, %d another cause" % (
                width, same, same + lost + len(other), lost, len(other)))
            for path, base, got in other[:args.show]:
                print("      %s: %s -> %s" % (path, base, got))
    return 0


def wrap_counts(dirs, width, platform):
    same = lost = 0
    other = []
    for path in logs(dirs):
        lines = read(path)
        base = predict(lines, platform)
        if base[0] == "other":
            continue
        got = predict(wrapped(lines, width), platform)
        if got[0] == base[0]:
            same += 1
        elif got[0] == "other":
            lost += 1
        else:
            other.append((os.path.relpath(path, ROOT), base, got))
    return same, lost, other


if __name__ == "__main__":
    sys.exit(main())
