#!/usr/bin/env python3
"""Every speed benchmark in turn (`make bench`). Each compares ours with a baseline measured
beside it in the same run and reports medians; see each script's own help for details.

    .venv/bin/python bench/run.py [--quick]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (script, full arguments, --quick arguments)
BENCHES = [
    ("extraction.py", ["--repeat", "3"], ["--repeat", "1", "--every", "8"]),
    ("actors.py", ["--repeat", "5"], ["--repeat", "2"]),
    ("events.py", ["--docs", "30", "--rounds", "3"], ["--docs", "10", "--rounds", "1"]),
    ("timex.py", ["--repeat", "5"], ["--repeat", "1"]),
    ("linking.py", ["--runs", "5"], ["--runs", "1", "--small", "2000", "--large", "20000"]),
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller runs, to check the scripts work")
    args = ap.parse_args()
    failed = 0
    for script, full, quick in BENCHES:
        print(f"\n## {script}\n", flush=True)
        res = subprocess.run([sys.executable, str(HERE / script), *(quick if args.quick else full)])
        failed += res.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
