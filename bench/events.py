#!/usr/bin/env python3
"""Speed of the whole per-document pipeline against bare spaCy parsing, side by side.

    .venv/bin/python bench/events.py [--docs 40] [--rounds 3] [--json]

Reads the first N pages of the shared extraction benchmark (HTML, read from ../shared, never
copied), extracts their text once to know what spaCy alone would parse, then alternates,
round by round in this one process: (a) bare spaCy `nlp.pipe` over those texts, (b) the full
default pipeline (extract, parse, actors, times, quotes, events) over the HTML. Reports the
median throughput of each (characters of clean text per second), their ratio, the median
seconds each stage took, and two memory figures:

  worker_peak_rss_mb   a fresh subprocess streams the same pages through Pipeline.run in its
                       normal batches (batch_size 32) and keeps nothing: a worker's real peak
                       (ru_maxrss), with the resident size after each step of loading.
  held_peak_rss_mb     this benchmark process, which holds every parsed page of a round at
                       once to time stage by stage: an upper bound, not what a worker uses.
"""
from __future__ import annotations

import argparse
import gzip
import json
import resource
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "data" / "extraction" / "wcxb-articles" / "html"
# The targets: pipeline at least 0.6x bare spaCy, a worker under 1 GB.
MIN_RATIO = 0.6
MAX_RSS_MB = 1024


def load_inputs(n: int):
    from dyadwatch.models import InputRecord

    files = sorted(PAGES.glob("*.html.gz"))[:n]
    return [InputRecord(id=f.name, html=gzip.decompress(f.read_bytes()).decode("utf-8", "replace"), url=f"https://bench.invalid/{f.name}") for f in files]


def _rss_mb() -> float:
    """Resident size now (Linux /proc), in MB."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return float("nan")
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def stream_inputs(n: int):
    """The benchmark pages one at a time, as a worker reads its input."""
    from dyadwatch.models import InputRecord

    for f in sorted(PAGES.glob("*.html.gz"))[:n]:
        yield InputRecord(id=f.name, html=gzip.decompress(f.read_bytes()).decode("utf-8", "replace"), url=f"https://bench.invalid/{f.name}")


def worker(n: int) -> dict:
    """Run in a fresh process: stream the pages through Pipeline.run, keeping nothing."""
    steps = {"start": _rss_mb()}
    from dyadwatch.nlp import load_english
    from dyadwatch.pipeline import Pipeline

    load_english()
    steps["spacy_model"] = _rss_mb()
    pipe = Pipeline()
    steps["stages_built"] = _rss_mb()
    docs = events = 0
    for out in pipe.run(stream_inputs(n)):
        if out.doc is not None:
            docs += 1
            events += len(out.doc.events)
        if docs == 1:
            steps["after_first_doc"] = _rss_mb()
    steps["end"] = _rss_mb()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"docs": docs, "events": events, "batch_size": pipe.batch_size, "peak_rss_mb": round(peak),
            "rss_mb_after": {k: round(v) for k, v in steps.items()}}


def worker_in_subprocess(n: int) -> dict:
    res = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", str(n)],
                         capture_output=True, text=True, check=False)
    if res.returncode != 0:
        return {"error": res.stderr[-500:]}
    return json.loads(res.stdout.strip().splitlines()[-1])


def timed_pipeline(stages, inputs):
    from dyadwatch.models import Document
    from dyadwatch.pipeline import Work

    per_stage: dict[str, float] = {}
    items = []
    t = time.perf_counter()
    for inp in inputs:
        try:
            items.append(stages[0].func(Work(input=inp, doc=Document(id=inp.id or "x"))))
        except Exception:  # noqa: BLE001 - a page the extractor refuses is simply not counted
            continue
    per_stage[stages[0].key] = time.perf_counter() - t
    for st in stages[1:]:
        t = time.perf_counter()
        items = st.run_many(items)
        per_stage[st.key] = time.perf_counter() - t
    return items, per_stage


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=40)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--worker", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not PAGES.is_dir():
        print(f"no benchmark pages at {PAGES}", file=sys.stderr)
        return 2
    if args.worker:
        print(json.dumps(worker(args.worker)))
        return 0
    streamed = worker_in_subprocess(args.docs)
    from dyadwatch.nlp import load_english
    from dyadwatch.pipeline import build

    nlp = load_english()
    stages = build()
    inputs = load_inputs(args.docs)
    first, _ = timed_pipeline(stages[:1], inputs)
    texts = [w.doc.text for w in first if w.doc.text and w.doc.language in (None, "en")]
    chars = sum(len(t) for t in texts)
    timed_pipeline(stages, inputs[:3])  # warm every stage's tables and models once
    bare, full, stage_times, events = [], [], {}, 0
    for _ in range(args.rounds):
        t = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=16):
            pass
        bare.append(chars / (time.perf_counter() - t))
        t = time.perf_counter()
        items, per_stage = timed_pipeline(stages, inputs)
        full.append(chars / (time.perf_counter() - t))
        events = sum(len(w.doc.events) for w in items)
        for k, v in per_stage.items():
            stage_times.setdefault(k, []).append(v)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "docs": len(texts), "chars": chars, "rounds": args.rounds, "events": events,
        "bare_spacy_chars_per_s": round(statistics.median(bare)),
        "pipeline_chars_per_s": round(statistics.median(full)),
        "ratio": round(statistics.median(full) / statistics.median(bare), 3),
        "stage_seconds": {k: round(statistics.median(v), 3) for k, v in stage_times.items()},
        "worker_peak_rss_mb": streamed.get("peak_rss_mb"),
        "worker": streamed,
        "held_peak_rss_mb": round(rss_mb),
        "targets": {"ratio": MIN_RATIO, "peak_rss_mb": MAX_RSS_MB},
    }
    if args.json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
