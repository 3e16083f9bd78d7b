"""Runs every performance bench of issue 5 and keeps the results.

    python bench/run_all.py            # the full run (about 30 minutes on 2 cores)
    python bench/run_all.py --quick    # fewer rounds, logs up to 10 MB (about 10 minutes)

Each bench prints as it goes and writes bench/results/<bench>.txt (with the
machine it ran on); bench/accuracy.py is not a performance bench and is not
run here.
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import classifier  # noqa: E402
import cli_startup  # noqa: E402
import failure  # noqa: E402
import oracle  # noqa: E402
import pip_path  # noqa: E402
import startup  # noqa: E402

FULL = {
    "startup": (startup, ["--rounds", "300"]),
    "pip_path": (pip_path, ["--rounds", "25"]),
    "failure": (failure, ["--rounds", "10"]),
    "oracle": (oracle, ["--rounds", "10"]),
    "classifier": (classifier, ["--rounds", "3"]),
    "cli_startup": (cli_startup, ["--rounds", "30"]),
}
QUICK = {
    "startup": ["--rounds", "100"],
    "pip_path": ["--rounds", "10"],
    "failure": ["--rounds", "5"],
    "oracle": ["--rounds", "5"],
    "classifier": ["--quick", "--rounds", "1"],
    "cli_startup": ["--rounds", "10"],
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--only", nargs="*", choices=sorted(FULL), help="run only these benches")
    ap.add_argument("--no-save", action="store_true", help="do not write bench/results/")
    args = ap.parse_args()
    for name, (module, argv) in FULL.items():
        if args.only and name not in args.only:
            continue
        argv = QUICK[name] if args.quick else argv
        t0 = time.time()
        module.main(argv + ([] if args.no_save else ["--save"]))
        print("[%s: %.0f s]\n" % (name, time.time() - t0), flush=True)


if __name__ == "__main__":
    main()
