#!/usr/bin/env python3
"""Calibrate and check event confidence on the development set (../shared/data/events/plv-train).

    python3 ../shared/eval/plv.py make-input > /tmp/plv.jsonl
    .venv/bin/dyadwatch extract --input-format jsonl /tmp/plv.jsonl -o /tmp/plv-out.jsonl
    .venv/bin/python bench/confidence.py /tmp/plv-out.jsonl            # reliability table of the stored weights
    .venv/bin/python bench/confidence.py /tmp/plv-out.jsonl --fit      # refit, write the weights, table again
    .venv/bin/python bench/confidence.py OUT.jsonl --gold SET.tsv      # the stored weights on another coded set

An event counts as right when a gold pair of its sentence has its PLOVER type and both its
sides overlap the gold sides, by the shared scorer's own rules (`plv.py`: `wanted`,
`overlaps`). A sentence may state more acts than its gold pairs, so "right" undercounts.
Fitting reads the factors each event carries (`confidence_basis`) and writes
`src/dyadwatch/data/events/confidence.toml`; the events' stored confidences are then
recomputed from those factors with the new weights, so no second extraction is needed.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
WEIGHTS = ROOT / "src" / "dyadwatch" / "data" / "events" / "confidence.toml"
HIGH = 0.8

sys.path.insert(0, str(EVAL))
sys.path.insert(0, str(ROOT / "src"))


def labelled(records_path: Path, gold_path: Path | None = None) -> list[tuple[list[str], bool]]:
    import plv

    gold: dict[str, list[dict]] = {}
    for r in plv.read_pairs(gold_path or plv.DATA):
        gold.setdefault(r["id"], []).append(r)
    out = []
    for line in records_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        actors = {a.get("id"): a for a in rec.get("actors") or []}
        for e in rec.get("events") or []:
            right = any((e.get("plover") or "").upper() in plv.wanted(g["type"])
                        and plv.overlaps(g["source"], e.get("source"), actors)
                        and plv.overlaps(g["target"], e.get("target"), actors) for g in gold.get(rec.get("id"), []))
            out.append((list(e.get("confidence_basis") or []), right))
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("records", type=Path, help="output of `dyadwatch extract` over plv.py make-input")
    ap.add_argument("--gold", type=Path, help="coded sentences (plv.py's TSV) the records were made from: the "
                    "reliability of the stored weights on another set (default: the development set)")
    ap.add_argument("--fit", action="store_true", help="refit the weights and write them")
    ap.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    args = ap.parse_args(argv)
    from dyadwatch.events.confidence import Weights, confidence_of, fit, parse_weights, reliability, render_weights

    if args.fit and args.gold:
        ap.error("--fit fits on the development set only: the weights must not learn a test set")
    samples = labelled(args.records, args.gold)
    if not samples:
        print("no events in the records: nothing to calibrate", file=sys.stderr)
        return 1
    if any(not fs for fs, _ in samples):
        print("some events carry no confidence_basis: extract with this version of dyadwatch", file=sys.stderr)
        return 1
    if args.fit:
        w = fit(samples)
        w = Weights(w.intercept, w.factors, calibrated_on=f"plv-train, {len(samples)} events, {dt.date.today().isoformat()}")
        header = ("Weights of the event confidence model (dyadwatch.events.confidence): a logistic model over\n"
                  "the evidence factors of each event. Fitted on the development set (1,050 coded news sentences\n"
                  "of ../shared/data/events/plv-train) by `bench/confidence.py OUT.jsonl --fit`, where an event is\n"
                  "right when its type and both sides match a gold pair of its sentence (the shared plv.py rules).\n"
                  "Regenerate after changing the coder; do not edit by hand.")
        WEIGHTS.write_text(render_weights(w, header), encoding="utf-8")
        print(f"weights written to {WEIGHTS}", file=sys.stderr)
    weights = parse_weights(WEIGHTS.read_text(encoding="utf-8"))
    scored = [(confidence_of(fs, weights), y) for fs, y in samples]
    bins = reliability(scored)
    print("| confidence | events | right | share right |\n|---|---|---|---|")
    for b in bins:
        share = f"{b.share:.3f}" if b.share is not None else "-"
        print(f"| {b.low:.1f}-{b.high:.1f} | {b.events} | {b.right} | {share} |")
    high = [y for c, y in scored if c >= HIGH]
    total_right = sum(y for _, y in scored)
    print(f"\nevents {len(scored)}, right {total_right} ({total_right / len(scored):.3f}); "
          f"confidence >= {HIGH}: {len(high)} events ({len(high) / len(scored):.3f} of all), "
          f"right {sum(high)} ({(sum(high) / len(high)) if high else 0:.3f})")
    if args.json:
        print(json.dumps({"events": len(scored), "right": total_right, "high": len(high), "high_right": sum(high),
                          "bins": [[b.low, b.high, b.events, b.right] for b in bins]}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
