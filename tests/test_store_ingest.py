"""The store: idempotent ingest, resumable after an interruption, queries and exports."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dyadwatch import api, runner
from dyadwatch.errors import StoreError, UsageError
from dyadwatch.store import Filters, Store
from dyadwatch.store.schema import LATEST
from support import snapshot

STORY = ("Foreign Minister {a} of {c} met his counterpart in Ankara on Monday, the ministry said.\n\n"
         "The two discussed transport links. \"We agreed on the next round,\" {a} told reporters.")
NAMES = [("Anna Petrova", "Armenia"), ("Ivan Sokolov", "Kazakhstan"), ("Leyla Aliyeva", "Georgia"),
         ("Timur Bekov", "Kyrgyzstan"), ("Olga Marku", "Moldova"), ("Rustam Nabiev", "Tajikistan")]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i, (a, c) in enumerate(NAMES):
        (folder / f"{i:02d}.txt").write_text(f"Talks in Ankara {i}\n\n" + STORY.format(a=a, c=c), encoding="utf-8")
    return folder


def test_ingest_twice_changes_nothing(corpus: Path, tmp_path: Path):
    db = tmp_path / "s.duckdb"
    first = api.ingest([str(corpus)], db=db)
    assert (first.written, first.failed) == (len(NAMES), 0)
    before = snapshot(db)
    second = api.ingest([str(corpus)], db=db)
    assert (second.written, second.unchanged) == (0, len(NAMES))
    assert snapshot(db) == before
    assert len(before["documents"]) == len(NAMES)


def test_interrupted_ingest_resumes_to_the_same_store(corpus: Path, tmp_path: Path, monkeypatch):
    whole = tmp_path / "whole.duckdb"
    api.ingest([str(corpus)], db=whole, batch_size=2)

    real = runner.read_inputs

    def dies_after_three(args, fmt=None, **kwargs):
        for n, item in enumerate(real(args, fmt, **kwargs)):
            if n == 3:
                raise KeyboardInterrupt
            yield item

    cut = tmp_path / "cut.duckdb"
    monkeypatch.setattr(runner, "read_inputs", dies_after_three)
    with pytest.raises(KeyboardInterrupt):
        api.ingest([str(corpus)], db=cut, batch_size=2)
    monkeypatch.setattr(runner, "read_inputs", real)
    kept = snapshot(cut)["documents"]
    assert 0 < len(kept) < len(NAMES), "the committed batch survives the interruption"
    again = api.ingest([str(corpus)], db=cut, batch_size=2)
    assert again.unchanged == len(kept)
    assert snapshot(cut) == snapshot(whole)


def test_killed_ingest_process_resumes_to_the_same_store(corpus: Path, tmp_path: Path):
    whole = tmp_path / "whole.duckdb"
    api.ingest([str(corpus)], db=whole, batch_size=1)
    cut = tmp_path / "cut.duckdb"
    cli = [sys.executable, "-m", "dyadwatch", "ingest", str(corpus), "--db", str(cut), "--batch-size", "1"]
    proc = subprocess.Popen(cli, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(2.5)  # somewhere in the run: the end state must not depend on where
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done = subprocess.run(cli, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert snapshot(cut) == snapshot(whole)


def test_queries_filter_and_export(corpus: Path, tmp_path: Path):
    db = tmp_path / "q.duckdb"
    api.ingest([str(corpus)], db=db)
    assert len(api.articles(db)) == len(NAMES)
    assert len(api.articles(db, limit=2)) == 2
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        api.articles(db, since="last week")
    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"out.{fmt}"
        n = api.export(db, out, fmt)
        assert out.stat().st_size > 0
        if fmt == "jsonl":
            assert n == len(NAMES) == len(out.read_text(encoding="utf-8").splitlines())


def test_migrate_is_versioned_and_refuses_newer(tmp_path: Path):
    db = tmp_path / "m.duckdb"
    assert api.migrate(db) == list(range(1, LATEST + 1))
    assert api.migrate(db) == []
    with Store(db) as s:
        s.con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer than this dyadwatch"):
        Store(db)


def test_filters_are_frozen_keywords():
    with pytest.raises(TypeError):
        Filters("AZE")  # type: ignore[misc]
