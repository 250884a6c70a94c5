#!/usr/bin/env python3
"""Time expressions on TempEval-3 platinum: quality through the CLI, and the stage's speed.

    .venv/bin/python bench/timex.py [--misses] [--repeat N]

Quality: the shared scorer's `make-input` records go through
`dyadwatch extract --input-format jsonl --stages extract,times`, as a user runs it, and the
shared scorer reports relaxed precision/recall/F1, value accuracy and value F1.
Speed: the time grammar alone over the same texts, in process, N times.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--misses", action="store_true", help="print the scorer's misses")
    ap.add_argument("--repeat", type=int, default=20, help="passes over the texts for the speed figure")
    args = ap.parse_args()
    if not (EVAL / "timex.py").exists():
        print(f"needs {EVAL / 'timex.py'} (the shared folder beside the project)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        inp, out = Path(tmp) / "te3.jsonl", Path(tmp) / "te3.out.jsonl"
        inp.write_text(subprocess.run([sys.executable, str(EVAL / "timex.py"), "make-input"], capture_output=True,
                                      text=True, check=True).stdout, encoding="utf-8")
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "dyadwatch", "extract", "--input-format", "jsonl", "--stages",
                        "extract,times", str(inp), "-o", str(out)], check=True, capture_output=True)
        cli_seconds = time.perf_counter() - t0
        score_cmd = [sys.executable, str(EVAL / "timex.py"), "score", str(out)] + (["--misses"] if args.misses else [])
        res = subprocess.run(score_cmd, capture_output=True, text=True, check=True)
        figures = json.loads(res.stdout.strip().splitlines()[-1])
        rules = Counter(t.get("rule") for line in out.read_text(encoding="utf-8").splitlines()
                        for t in json.loads(line).get("times", []))
        records = [json.loads(line) for line in inp.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.misses:
        print(res.stderr, file=sys.stderr)

    sys.path.insert(0, str(ROOT / "src"))
    from dyadwatch.times.find import find_times

    find_times("warm-up on Tuesday", "2013-03-22")
    chars = sum(len(r["text"]) for r in records)
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for r in records:
            find_times(r["text"], r["published"])
    per_doc_ms = (time.perf_counter() - t0) * 1000 / (args.repeat * len(records))
    figures.update({"cli_seconds": round(cli_seconds, 2), "grammar_ms_per_doc": round(per_doc_ms, 2),
                    "chars_per_doc": chars // len(records), "rules": dict(rules.most_common())})
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
