#!/usr/bin/env python3
"""HTML extraction benchmark: our extractor beside trafilatura's plain defaults.

    .venv/bin/python bench/extraction.py                     # both sets, both extractors, markdown
    .venv/bin/python bench/extraction.py --format json --repeat 3 --sets wcxb

Both extractors run on the same pages in the same process. Each page becomes a document
record in the contract format (id, text, title, published, authors); the records are
written as JSON Lines and scored by the shared scorer (../shared/eval/extraction.py score),
so the figures are the scorer's own. Pages per second are timed around the extractor call
alone (the median of --repeat passes). With --every N only every N-th page is run and the
records are scored in-process with the scorer's own functions over that subset.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "extraction.py"
SETS = ("scrapinghub", "wcxb")


@dataclass(frozen=True, kw_only=True)
class Page:
    id: str
    html: str
    url: str | None


Extractor = Callable[[Page], dict]


def load_scorer(path: Path = SCORER) -> ModuleType:
    """The shared scorer as a module (its truth, html_of, tp_fp_fn... functions)."""
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: the shared benchmark is not available here")
    spec = importlib.util.spec_from_file_location("shared_extraction_scorer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_pages(scorer: ModuleType, name: str, every: int = 1) -> tuple[list[Page], dict[str, dict]]:
    """Pages of one set (every `every`-th in id order) and the set's ground truth."""
    gold = scorer.truth(name)
    keys = sorted(gold)[::every]
    pages = [Page(id=k, html=scorer.html_of(name, k), url=gold[k].get("url")) for k in keys]
    return pages, gold


def ours(page: Page) -> dict:
    from dyadwatch.extract.html import extract_html

    art = extract_html(page.html, page.url)
    return {"id": page.id, "text": art.text, "title": art.title, "published": art.published,
            "authors": list(art.authors)}


def trafilatura_defaults(page: Page) -> dict:
    """trafilatura as most people call it: extract() for the body, extract_metadata() beside it."""
    import trafilatura

    text = trafilatura.extract(page.html) or ""
    meta = trafilatura.extract_metadata(page.html)
    authors = [a.strip() for a in (meta.author or "").split(";") if a.strip()] if meta else []
    return {"id": page.id, "text": text, "title": meta.title if meta else None,
            "published": meta.date if meta else None, "authors": authors}


EXTRACTORS: dict[str, Extractor] = {"ours": ours, "trafilatura": trafilatura_defaults}


def run(extractor: Extractor, pages: Iterable[Page]) -> tuple[list[dict], float]:
    """Records for every page and the seconds spent inside the extractor."""
    records, spent = [], 0.0
    for page in pages:
        start = time.perf_counter()
        records.append(extractor(page))
        spent += time.perf_counter() - start
    return records, spent


def score_full(scorer_path: Path, records: list[dict], name: str) -> dict:
    """The shared scorer's verdict on a whole set (run as its own command)."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    try:
        out = subprocess.run([sys.executable, str(scorer_path), "score", fh.name, name],
                             capture_output=True, text=True, check=True)
    finally:
        Path(fh.name).unlink(missing_ok=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def score_subset(scorer: ModuleType, records: list[dict], gold: dict[str, dict], name: str) -> dict:
    """The scorer's metrics over only the pages in `records`, using its own functions."""
    preds = {r["id"]: r for r in records}
    keys = [k for k in sorted(gold) if k in preds]
    rows = [scorer.tp_fp_fn(gold[k]["body"], preds[k].get("text") or "") for k in keys]
    p_rows = [scorer.precision(*r) for r in rows if r[0] + r[1] > 0]
    r_rows = [scorer.recall(*r) for r in rows if r[0] + r[2] > 0]
    p = statistics.mean(p_rows) if p_rows else 0.0
    r = statistics.mean(r_rows) if r_rows else 0.0
    out = {"set": name, "pages": len(keys), "missing": 0, "precision": round(p, 4),
           "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}
    if name == "wcxb":
        fold = scorer.fold
        for field in ("title", "author", "date"):
            pairs = [(gold[k][field], preds[k]) for k in keys if gold[k].get(field)]
            if field == "title":
                ok = sum(fold(want) == fold(p.get("title")) for want, p in pairs)
            elif field == "author":
                ok = sum(any(fold(want) == fold(a) or fold(want) in fold(a) for a in p.get("authors") or [])
                         for want, p in pairs)
            else:
                ok = sum(str(p.get("published") or "")[:10] == str(want)[:10] for want, p in pairs)
            out[f"{field}_accuracy"] = round(ok / len(pairs), 4) if pairs else None
            out[f"{field}_pages"] = len(pairs)
    return out


def measure(name: str, extractors: list[str], every: int = 1, repeat: int = 1,
            dump: Path | None = None) -> list[dict]:
    """One result row per extractor on one set."""
    scorer = load_scorer()
    pages, gold = load_pages(scorer, name, every)
    rows = []
    for label in extractors:
        extractor = EXTRACTORS[label]
        records, spent = run(extractor, pages)
        timings = [spent] + [run(extractor, pages)[1] for _ in range(repeat - 1)]
        result = score_full(SCORER, records, name) if every == 1 else score_subset(scorer, records, gold, name)
        result.update(extractor=label, pages_per_second=round(len(pages) / statistics.median(timings), 1),
                      timing_passes=repeat, every=every)
        rows.append(result)
        if dump:
            dump.mkdir(parents=True, exist_ok=True)
            with (dump / f"{name}-{label}.jsonl").open("w", encoding="utf-8") as fh:
                for rec in records:
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return rows


COLUMNS = ("set", "extractor", "pages", "precision", "recall", "f1", "title_accuracy",
           "author_accuracy", "date_accuracy", "pages_per_second")


def markdown(rows: list[dict]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for row in rows:
        cells = ["" if row.get(c) is None else str(row.get(c)) for c in COLUMNS]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated: scrapinghub,wcxb")
    parser.add_argument("--extractors", default="ours,trafilatura", help="comma-separated: ours,trafilatura")
    parser.add_argument("--every", type=int, default=1, help="run every N-th page only (scored in-process)")
    parser.add_argument("--repeat", type=int, default=1, help="timing passes; pages/sec is their median")
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown")
    parser.add_argument("--dump", type=Path, help="write each extractor's records here as JSON Lines")
    args = parser.parse_args(argv)
    if not SCORER.exists():
        print(f"{SCORER} not found: the shared benchmark is needed", file=sys.stderr)
        return 2
    rows = []
    for name in args.sets.split(","):
        rows.extend(measure(name, args.extractors.split(","), args.every, args.repeat, args.dump))
    print(json.dumps(rows, indent=1) if args.format == "json" else markdown(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
