"""Shared fixtures."""
from __future__ import annotations

from pathlib import Path

import pytest
from support import SEEDS, SeedScores, need_shared, seed_scores


@pytest.fixture(scope="session")
def seed_records(tmp_path_factory) -> Path:
    """The two seed pages through the whole default pipeline, as JSON Lines (computed once)."""
    need_shared("seeds")
    out = tmp_path_factory.mktemp("seeds") / "seeds.jsonl"
    from dyadwatch.api import extract

    docs = list(extract(sorted(str(p) for p in SEEDS.glob("*.txt"))))
    out.write_text("".join(d.to_json() + "\n" for d in docs), encoding="utf-8")
    return out




@pytest.fixture(scope="session")
def english():
    """The English spaCy model is there, or the test skips saying why."""
    from dyadwatch.errors import ModelMissing
    from dyadwatch.nlp import load_english

    try:
        load_english()
    except ModelMissing as e:
        pytest.skip(f"needs the English spaCy model: {e}")


@pytest.fixture(scope="session")
def resolve(english):
    """English text through extraction, parsing and the actor stage (published 7 January 2025
    unless said otherwise), as a document record."""
    from dyadwatch.models import InputRecord
    from dyadwatch.pipeline import Pipeline, build

    pipeline = Pipeline(stages=build(["extract", "parse", "actors"]))

    def run(text: str, published: str | None = "2025-01-07", outlet: str | None = None):
        (out,) = list(pipeline.run([InputRecord(text=text, published=published, language="en", outlet=outlet)]))
        return out.doc

    return run


@pytest.fixture(scope="session")
def run_published():
    """Text through the whole default pipeline, published on a given day (YYYY-MM-DD); skips
    without the English model."""
    from dyadwatch.errors import ModelMissing
    from dyadwatch.nlp import load_english
    from dyadwatch.pipeline import run_text

    try:
        load_english()
    except ModelMissing as e:
        pytest.skip(f"no English spaCy model: {e}")
    return lambda text, published: run_text(text, published=published)


@pytest.fixture(scope="session")
def english_run(run_published):
    """Text through the whole default pipeline, published 1 May 2024."""
    return lambda text: run_published(text, "2024-05-01")


@pytest.fixture(scope="session")
def seed_rows(seed_records: Path) -> SeedScores:
    """score.py's rows for the seeds after the whole default pipeline (computed once for
    every gate that reads them)."""
    return seed_scores(seed_records)


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory) -> Path:
    """The demo corpus (samples/corpus) ingested and linked once, as `make demo` does."""
    from support import ROOT

    corpus = ROOT / "samples" / "corpus"
    if not corpus.is_dir():
        pytest.skip("samples/corpus not found: the demo corpus is needed")
    from dyadwatch.api import ingest

    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    report = ingest([str(corpus)], db=db)
    assert report.written > 0, report.summary()
    return db
