#!/usr/bin/env python3
"""How event linking scales: 10,000 and 100,000 synthetic event reports linked in one run.

    .venv/bin/python bench/linking.py [--small 10000] [--large 100000] [--runs 5] [--json]

The reports come from `dyadwatch.link.synthetic`: happenings between 28 states coded with
21 CAMEO codes, each reported by 1-5 outlets with their own date (exact or publication-
anchored), wording and actor detail, over a period that grows with the corpus (a steady
flow of 200 reports a day). Each size is linked `--runs` times, the sizes taking turns,
and the median is taken; the target is large / small <= 12 for a tenfold corpus. Both
CPU time of this process and wall time are shown: on a shared machine the CPU time is the
steadier measure of what linking itself costs. "dense_large" links the large corpus
squeezed into the small corpus's period (ten times denser news), where the bound on open
events per block keeps the cost in check.
"""
from __future__ import annotations

import argparse
import json
import statistics
import time

from dyadwatch.link.events import link_events
from dyadwatch.link.synthetic import synthetic_reports

TARGET_RATIO = 12.0


def timed(reports: list) -> tuple[float, float, int]:
    """(CPU seconds, wall seconds, linked events) of one linking run."""
    c0, w0 = time.process_time(), time.perf_counter()
    events, _ = link_events(reports)
    return time.process_time() - c0, time.perf_counter() - w0, len(events)


def measure(corpora: dict[str, list], runs: int) -> dict[str, dict]:
    """Median CPU and wall time per corpus; the corpora take turns within each run, so a
    burst of load from other processes falls on all of them alike."""
    samples: dict[str, list[tuple[float, float, int]]] = {name: [] for name in corpora}
    for _ in range(runs):
        for name, reports in corpora.items():
            samples[name].append(timed(reports))
    return {name: {"reports": len(corpora[name]), "linked_events": s[-1][2],
                   "cpu_seconds": round(statistics.median(x[0] for x in s), 3),
                   "wall_seconds": round(statistics.median(x[1] for x in s), 3)}
            for name, s in samples.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", type=int, default=10_000)
    ap.add_argument("--large", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", action="store_true", help="one JSON object instead of text")
    args = ap.parse_args()

    corpora = {
        "small": synthetic_reports(args.small),
        "large": synthetic_reports(args.large),
        "dense_large": synthetic_reports(args.large, reports_per_day=200 * args.large // args.small),
    }
    result = measure(corpora, args.runs)
    small = result["small"]
    for name in ("large", "dense_large"):
        result[name]["cpu_ratio"] = round(result[name]["cpu_seconds"] / small["cpu_seconds"], 2)
        result[name]["wall_ratio"] = round(result[name]["wall_seconds"] / small["wall_seconds"], 2)
    result["target_ratio"] = TARGET_RATIO
    result["runs"] = args.runs
    if args.json:
        print(json.dumps(result))
        return
    for name in ("small", "large", "dense_large"):
        r = result[name]
        ratios = f"   ratio cpu {r['cpu_ratio']:5.2f}, wall {r['wall_ratio']:5.2f}" if name != "small" else ""
        print(f"{name:<12} {r['reports']:>8,} reports -> {r['linked_events']:>7,} events: "
              f"cpu {r['cpu_seconds']:7.3f} s, wall {r['wall_seconds']:7.3f} s{ratios}")
    print(f"medians of {args.runs} runs; target: large / small <= {TARGET_RATIO:g}")


if __name__ == "__main__":
    main()
