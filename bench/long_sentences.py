#!/usr/bin/env python3
"""Time of the events stage on one sentence of 1, 2, 4 and 8 thousand words (issue 14).

    .venv/bin/python bench/long_sentences.py [--repeat 3] [--sizes 1000,2000,4000,8000]

Each text is one invented sentence: clauses in which countries and officials act on each
other, joined by commas and conjunctions, with no full stop until the end (the shape of a
scraped page whose punctuation was lost). The text runs through the default pipeline up to
`times` once; then only the events stage is timed, median of --repeat runs. Growth is
reported as the ratio t(n)/t(smallest) beside n·log n's ratio, and the check is that every
ratio stays within n·log n's (times TOLERANCE, for a shared machine's noise). The load
average is printed, since the machine is shared.
"""
from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time

# Timing noise allowed on a shared machine before growth counts as faster than n log n.
TOLERANCE = 1.3
ACTORS = ["Russia", "Azerbaijan", "Armenia", "Georgia", "Turkey", "Iran", "Kazakhstan", "the Kremlin",
          "officials in Baku", "the foreign ministry of Armenia", "President Ilham Aliyev", "envoys from Ankara"]
VERBS = ["criticised", "praised", "met", "accused", "thanked", "warned", "visited", "condemned", "welcomed"]
JOINERS = [", and", " while", ", but", ", as", " and then", ", whereas"]


def sentence(words: int) -> str:
    """One sentence of about `words` words, the same for the same size."""
    parts: list[str] = []
    count = k = 0
    while count < words:
        a, b = ACTORS[k % len(ACTORS)], ACTORS[(k * 5 + 3) % len(ACTORS)]
        clause = f"{a} {VERBS[k % len(VERBS)]} {b} on Monday"
        if k:
            clause = JOINERS[k % len(JOINERS)].lstrip(",").strip() + " " + clause
        parts.append(clause)
        count += len(clause.split())
        k += 1
    return "Reports said that " + ", ".join(parts) + "."


def time_events(words: int, repeat: int) -> tuple[float, int, int]:
    """(median seconds of the events stage, sentences the parse holds, events found)."""
    from dyadwatch.models import Document, InputRecord
    from dyadwatch.pipeline import Work, build

    stages = build()
    before = [s for s in stages if s.name != "events"]
    events = next(s for s in stages if s.name == "events")
    text = sentence(words)
    work = Work(input=InputRecord(id=f"s{words}", text=text, published="2025-01-06"), doc=Document(id="x"))
    for stage in before:
        work = stage.run_many([work])[0]
    times = []
    found = 0
    for _ in range(repeat):
        saved = work.doc.model_copy(deep=True)
        start = time.perf_counter()
        done = events.func(Work(input=work.input, doc=saved, parse=work.parse))
        times.append(time.perf_counter() - start)
        found = len(done.doc.events)
    return statistics.median(times), len(list(work.parse.sents)), found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--sizes", default="1000,2000,4000,8000")
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    print(f"load average before: {os.getloadavg()}")
    rows = []
    for n in sizes:
        seconds, sents, found = time_events(n, args.repeat)
        rows.append((n, seconds, sents, found))
        print(f"{n:>6} words: events stage {seconds:.3f} s (median of {args.repeat}), "
              f"{sents} sentences after the cap, {found} events", flush=True)
    n0, t0 = rows[0][0], rows[0][1]
    ok = True
    print(f"\n{'words':>6} {'t/t0':>7} {'n log n ratio':>14}")
    for n, seconds, _, _ in rows:
        ratio = seconds / t0
        bound = (n * math.log(n)) / (n0 * math.log(n0))
        ok &= ratio <= bound * TOLERANCE
        print(f"{n:>6} {ratio:>7.2f} {bound:>14.2f}")
    print(f"load average after: {os.getloadavg()}")
    print("growth within n log n" if ok else "growth FASTER than n log n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
