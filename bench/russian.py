#!/usr/bin/env python3
"""Russian throughput against the English pipeline's, side by side in one process, and the
memory of a worker that has processed both languages.

    .venv/bin/python bench/russian.py [--rounds 5] [--copies 4] [--json]

English: the two seed pages (../shared/seeds/*.txt); Russian: the three pages of
../shared/data/ru-news/docs (read from ../shared, never copied), each set repeated `copies`
times so that a round lasts long enough to time. Both go through the whole default pipeline
(`Pipeline.run`, which routes each page to its language's stages); each language is run once
first to load its models. Then rounds alternate English and Russian in this one process and
report the median throughput of each (characters of clean text per second) and their ratio.
The worker's peak resident size (ru_maxrss) is taken at the end, after both languages.
The machine is shared: the load average is printed beside the figures.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
# The targets: Russian at least half the English throughput; a worker under 1 GB.
MIN_RATIO = 0.5
MAX_RSS_MB = 1024


def inputs(paths: list[Path], copies: int):
    from dyadwatch.models import InputRecord

    return [InputRecord(id=f"{p.name}#{k}", data=p.read_bytes(), path=str(p)) for k in range(copies) for p in paths]


def timed(pipeline, records) -> tuple[float, int]:
    start = time.perf_counter()
    chars = sum(len(o.doc.text) for o in pipeline.run(records) if o.doc is not None)
    return time.perf_counter() - start, chars


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--copies", type=int, default=4)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    english = sorted((SHARED / "seeds").glob("*.txt"))
    russian = sorted((SHARED / "data" / "ru-news" / "docs").iterdir()) if (SHARED / "data" / "ru-news" / "docs").is_dir() else []
    if not english or not russian:
        print(f"needs {SHARED / 'seeds'} and {SHARED / 'data' / 'ru-news' / 'docs'}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT / "src"))
    from dyadwatch.pipeline import Pipeline

    pipeline = Pipeline()
    en, ru = inputs(english, args.copies), inputs(russian, args.copies)
    timed(pipeline, en[:len(english)])  # load spaCy
    timed(pipeline, ru[:len(russian)])  # load natasha
    speeds: dict[str, list[float]] = {"en": [], "ru": []}
    for _ in range(args.rounds):
        for lang, records in (("en", en), ("ru", ru)):
            seconds, chars = timed(pipeline, records)
            speeds[lang].append(chars / seconds)
    en_speed, ru_speed = statistics.median(speeds["en"]), statistics.median(speeds["ru"])
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "english_chars_per_s": round(en_speed), "russian_chars_per_s": round(ru_speed),
        "ratio_ru_en": round(ru_speed / en_speed, 3), "ratio_target": MIN_RATIO,
        "worker_peak_rss_mb": round(rss_mb), "rss_target_mb": MAX_RSS_MB,
        "rounds": args.rounds, "copies": args.copies, "load_average": [round(x, 2) for x in os.getloadavg()],
        "ok": ru_speed / en_speed >= MIN_RATIO and rss_mb < MAX_RSS_MB,
    }
    if args.json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k:22s} {v}")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
