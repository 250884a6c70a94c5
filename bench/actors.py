#!/usr/bin/env python3
"""Actors: the stage's cost next to bare spaCy parsing of the same texts, and its quality.

    .venv/bin/python bench/actors.py [--repeat N] [--articles N] [--quality]

Speed: the same texts (the two seed pages, N article bodies of the shared extraction
benchmark and the PLOVER gold-standard sentences) are parsed with spaCy (`nlp.pipe`, as the
parse stage does) and then resolved by the actor stage, in one process, R times each; the
medians and their ratio are printed. The knowledge base is loaded before timing (once per
process, as in a batch run). The issue's budget: the actor stage adds at most 25%.
--quality also prints the seed actor rows (shared scorer), the project's test set, and how
often the actor under each PLOVER gold side carries the gold country code.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
# The budget for the actor stage, as a share of bare parsing time.
BUDGET = 0.25


def bench_texts(articles: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    truth = SHARED / "data" / "extraction" / "scrapinghub" / "ground-truth.json"
    if truth.is_file():
        bodies = [v.get("articleBody") or "" for v in json.loads(truth.read_text(encoding="utf-8")).values()]
        texts += [b for b in bodies if b][:articles]
    gsr = SHARED / "data" / "events" / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
    if gsr.is_file():
        texts += [r["text"] for r in json.loads(gsr.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    return texts


def speed(texts: list[str], repeat: int) -> dict:
    from dyadwatch.actors.kb import default_kb
    from dyadwatch.actors.resolve import resolve_actors
    from dyadwatch.nlp import load_english

    nlp = load_english()
    default_kb()
    resolve_actors(nlp("Baku and Moscow."))  # warm caches outside the timing
    parse_times, actor_times = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=16))
        t1 = time.perf_counter()
        for doc in docs:
            resolve_actors(doc, published="2025-01-07")
        t2 = time.perf_counter()
        parse_times.append(t1 - t0)
        actor_times.append(t2 - t1)
    parse, actors = statistics.median(parse_times), statistics.median(actor_times)
    return {"texts": len(texts), "chars": sum(map(len, texts)), "repeat": repeat, "parse_s": round(parse, 3),
            "actors_s": round(actors, 3), "ratio": round(actors / parse, 3), "budget": BUDGET, "within_budget": actors / parse <= BUDGET}


def seed_rows() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "seeds.jsonl"
        seeds = [str(p) for p in sorted((SHARED / "seeds").glob("*.txt"))]
        subprocess.run([sys.executable, "-m", "dyadwatch", "extract", *seeds, "--stages", "extract,parse,actors", "-o", str(out)],
                       check=True, capture_output=True)
        res = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(SHARED / "gold" / "seeds.json"),
                              "--pred", str(out), "--json"], check=True, capture_output=True, text=True)
    rows = json.loads(res.stdout)["rows"]
    return {k: v for k, v in rows.items() if k.startswith("actors.")}


def testset() -> str:
    sys.path.insert(0, str(ROOT / "tests"))
    from test_actors_testset import score_testset

    ok, total, _ = score_testset()
    return f"{ok}/{total} = {ok / total:.3f}"


def gsr_sides() -> str:
    """Share of PLOVER gold sides whose text resolves to an actor with the gold country code."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_actors_plover import score_sides

    ok, total = score_sides()
    return f"{ok}/{total} = {ok / total:.3f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5, help="timed passes (medians are reported)")
    ap.add_argument("--articles", type=int, default=40, help="article bodies from the extraction benchmark")
    ap.add_argument("--quality", action="store_true", help="also print quality figures")
    args = ap.parse_args()
    if not (SHARED / "seeds").is_dir():
        print(f"needs {SHARED} (the shared folder beside the project)", file=sys.stderr)
        return 2
    print(json.dumps({"speed": speed(bench_texts(args.articles), args.repeat)}))
    if args.quality:
        print(json.dumps({"seed_actor_rows": seed_rows(), "testset": testset(), "plover_gsr_sides": gsr_sides()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
