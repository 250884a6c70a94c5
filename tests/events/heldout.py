"""Scores the event coder on tests/events/heldout.tsv (sentences written before tuning).

    .venv/bin/python -m tests.events.heldout [--misses]

Same measure as the PLOVER gold-standard scorer: a sentence counts for its root when some
coded event has one of the expected CAMEO roots, and for the triple when that event's
source and target also match (country equal, or code starting with the expected code).
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

HELDOUT = Path(__file__).with_name("heldout.tsv")


@dataclass(frozen=True)
class Case:
    text: str
    roots: tuple[str, ...]
    source: str | None
    target: str | None
    batch: int = 1  # sets of sentences written at different times; a comment after sentences starts the next


def cases() -> list[Case]:
    out = []
    batch = 1
    for line in HELDOUT.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") and out and out[-1].batch == batch:
            batch += 1
        if not line.strip() or line.startswith("#"):
            continue
        text, roots, src, tgt = line.split("\t")
        out.append(Case(text, tuple(roots.split("|")), None if src == "-" else src, None if tgt == "-" else tgt, batch))
    return out


def _side_ok(want: str | None, side) -> bool:
    if want is None:
        return True
    return side is not None and (side.country == want or (side.code or "").startswith(want))


def score(docs, items: list[Case]) -> tuple[dict, list[str]]:
    root = triple = 0
    misses = []
    per_batch: dict[int, list[int]] = {}
    for case, doc in zip(items, docs):
        same = [e for e in doc.events if e.cameo[:2] in case.roots]
        ok = [e for e in same if _side_ok(case.source, e.source) and _side_ok(case.target, e.target)]
        root += bool(same)
        triple += bool(ok)
        counts = per_batch.setdefault(case.batch, [0, 0, 0])
        counts[0] += 1
        counts[1] += bool(same)
        counts[2] += bool(ok)
        if not ok:
            got = [(e.cameo, e.source and e.source.code, e.target and e.target.code) for e in doc.events]
            misses.append(f"want {'|'.join(case.roots)} {case.source}->{case.target}, got {got}: {case.text}")
    n = len(items)
    batches = {f"set{b}": {"sentences": c[0], "root": round(c[1] / c[0], 3), "triple": round(c[2] / c[0], 3)}
               for b, c in sorted(per_batch.items())}
    return {"sentences": n, "root_accuracy": round(root / n, 3), "triple_accuracy": round(triple / n, 3), "by_set": batches}, misses


def run() -> tuple[dict, list[str]]:
    from dyadwatch.pipeline import run_text

    items = cases()
    docs = [run_text(c.text, published="2024-05-01") for c in items]
    return score(docs, items)


if __name__ == "__main__":
    result, missed = run()
    if "--misses" in sys.argv:
        print("\n".join(missed), file=sys.stderr)
    print(json.dumps(result))
