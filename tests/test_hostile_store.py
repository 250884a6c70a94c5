"""The store refuses what it must not touch, says why, and finishes interrupted work."""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from dyadwatch import api
from dyadwatch.errors import StoreError
from dyadwatch.link.api import is_current
from dyadwatch.store import Store
from dyadwatch.store.schema import LATEST

TEXTS = {
    "a": "Officials from Azerbaijan met their Kazakh counterparts in Baku on Monday to discuss transit.",
    "b": "Russia criticised Azerbaijan over the crash of the airliner on Tuesday, the ministry said.",
}


def jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_store_refuses_an_sqlite_file_without_writing(tmp_path: Path):
    db = tmp_path / "other.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE notes (x TEXT)")
    con.commit()
    con.close()
    before = db.read_bytes()
    with pytest.raises(StoreError, match="SQLite"):
        Store(db)
    assert db.read_bytes() == before


def test_store_refuses_an_unrelated_duckdb_file_without_writing(tmp_path: Path):
    db = tmp_path / "analytics.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE sales (n INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a dyadwatch store"):
        Store(db)
    con = duckdb.connect(str(db), read_only=True)
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    con.close()
    assert tables == {"sales"}


def test_store_refuses_a_text_file(tmp_path: Path):
    db = tmp_path / "readme.duckdb"
    db.write_text("not a database at all\n" * 10, encoding="utf-8")
    with pytest.raises(StoreError, match="not a DuckDB database"):
        Store(db)


def test_store_from_a_newer_schema_is_refused_with_a_message(tmp_path: Path):
    db = tmp_path / "new.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(LATEST + 1)])
    con.close()
    for read_only in (False, True):
        with pytest.raises(StoreError, match="newer than this dyadwatch"):
            Store(db, read_only=read_only)


def test_store_lock_message_names_the_lock_only_when_it_is_one(tmp_path: Path):
    import subprocess
    import sys

    db = tmp_path / "busy.duckdb"
    Store(db).close()
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('ready', flush=True); time.sleep(60)", str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError) as err:
            Store(db)
        assert "holds its lock" in str(err.value)
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    odd = tmp_path / "folder.duckdb"
    odd.mkdir()
    with pytest.raises(StoreError) as err:
        Store(odd)
    assert "holds its lock" not in str(err.value)


def test_store_interrupted_linking_is_redone_on_the_next_run(tmp_path: Path):
    db = tmp_path / "s.duckdb"
    src = jsonl(tmp_path / "in.jsonl", [{"id": k, "text": v, "published": "2025-01-06"} for k, v in TEXTS.items()])
    first = api.ingest([str(src)], db=db, link=False)  # as if killed after writing, before linking
    assert first.written == 2
    with Store(db, read_only=True) as store:
        assert not is_current(store)
    again = api.ingest([str(src)], db=db)
    assert again.written == 0 and again.unchanged == 2
    with Store(db, read_only=True) as store:
        assert is_current(store)


@pytest.mark.parametrize("batch_size", [1, 2, 16])
def test_store_duplicate_ids_keep_the_first_whatever_the_batch_size(tmp_path: Path, batch_size: int):
    db = tmp_path / f"d{batch_size}.duckdb"
    src = jsonl(tmp_path / "dups.jsonl", [{"id": "same", "text": TEXTS["a"]}, {"id": "other", "text": TEXTS["b"]},
                                          {"id": "same", "text": TEXTS["b"]}])
    report = api.ingest([str(src)], db=db, batch_size=batch_size, link=False)
    assert report.written == 2 and report.skipped == Counter({"duplicate-id": 1})
    assert "already read" in report.messages[0]
    with Store(db, read_only=True) as store:
        assert store.count_documents() == 2
        assert store.document("same").text == TEXTS["a"]
