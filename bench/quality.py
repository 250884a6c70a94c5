#!/usr/bin/env python3
"""Every shared quality figure in one run, printed as a Markdown table (`make quality`).

    .venv/bin/python bench/quality.py [--only seeds,timex,plover,extraction] [--out DIR]

Each benchmark writes its input records with the shared scorer's `make-input`, runs
`dyadwatch extract` over them exactly as a user would, and scores the output with the
shared scorer, so the figures here are the figures `docs/quality.md` reports.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
DYADWATCH = [sys.executable, "-m", "dyadwatch"]


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, check=False, **kw)


def extract(inp: Path, out: Path, *extra: str) -> float:
    t0 = time.perf_counter()
    res = run([*DYADWATCH, "extract", *extra, str(inp), "-o", str(out)])
    if res.returncode not in (0, 1):
        raise SystemExit(f"extract failed: {res.stderr[-2000:]}")
    return time.perf_counter() - t0


def seeds(work: Path) -> dict:
    out = work / "seeds.jsonl"
    extract(SHARED / "seeds", out)
    res = run([sys.executable, str(EVAL / "score.py"), "--gold", str(SHARED / "gold" / "seeds.json"), "--pred", str(out), "--json"])
    rows = json.loads(res.stdout)["rows"]
    return {k: v["ratio"] for k, v in rows.items() if k != "headline"}


def scored(name: str, script: str, work: Path, *score_args: str) -> dict:
    inp, out = work / f"{name}.in.jsonl", work / f"{name}.out.jsonl"
    inp.write_text(run([sys.executable, str(EVAL / script), "make-input", *score_args]).stdout, encoding="utf-8")
    seconds = extract(inp, out, "--input-format", "jsonl")
    res = run([sys.executable, str(EVAL / script), "score", str(out), *score_args])
    figures = json.loads(res.stdout.strip().splitlines()[-1])
    figures["seconds"] = round(seconds, 1)
    return figures


BENCHES = {
    "seeds": lambda w: seeds(w),
    "timex": lambda w: scored("timex", "timex.py", w),
    "plover": lambda w: scored("plover", "plover_gsr.py", w),
    "extraction-scrapinghub": lambda w: scored("sh", "extraction.py", w, "scrapinghub"),
    "extraction-wcxb": lambda w: scored("wcxb", "extraction.py", w, "wcxb"),
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", help="comma-separated subset of: " + ", ".join(BENCHES))
    ap.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    args = ap.parse_args()
    if not EVAL.is_dir():
        print(f"needs the shared folder at {SHARED}", file=sys.stderr)
        return 1
    names = args.only.split(",") if args.only else list(BENCHES)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            results[name] = BENCHES[name](Path(tmp))
            print(f"{name}: done", file=sys.stderr)
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    for name, figures in results.items():
        print(f"\n### {name}\n\n| figure | value |\n|---|---|")
        for k, v in figures.items():
            if not isinstance(v, dict):
                print(f"| {k} | {v} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
