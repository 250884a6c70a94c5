"""Pages keep answering while a real `dyadwatch ingest` writes to the same store."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient
from web_support import write_store

from dyadwatch.web import create_app

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "corpus"
FILES = 4
URLS = ["/", "/api/overview", "/timeline", "/api/timeline?actor=AZE", "/dyad?a=RUS&b=AZE", "/articles"]


def writer_holds(db: Path) -> bool:
    """True while another process has the store open for writing (no reader may open it)."""
    try:
        duckdb.connect(str(db), read_only=True).close()
        return False
    except duckdb.IOException as e:
        return "lock" in str(e).lower()


def test_web_pages_answer_during_a_concurrent_ingest(tmp_path: Path):
    files = sorted(SAMPLES.glob("*.txt"))[:FILES]
    if len(files) < FILES:
        pytest.skip(f"needs {FILES} sample articles in {SAMPLES}")
    db = write_store(tmp_path / "live.duckdb", hostile=False)
    with TestClient(create_app(db, snapshot_folder=tmp_path / "copies")) as client:
        before = client.get("/api/overview").json()["counts"]["documents"]
        ingest = subprocess.Popen([sys.executable, "-m", "dyadwatch", "ingest", *map(str, files), "--db", str(db)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        answered_while_locked = 0
        statuses = []
        deadline = time.monotonic() + 300
        try:
            while ingest.poll() is None and time.monotonic() < deadline:
                for url in URLS:
                    locked_before = writer_holds(db)
                    status = client.get(url).status_code
                    statuses.append(status)
                    if locked_before and writer_holds(db):
                        answered_while_locked += 1
                time.sleep(0.2)
        finally:
            out, err = ingest.communicate(timeout=300)
        assert ingest.returncode == 0, err
        assert set(statuses) == {200}, statuses
        assert answered_while_locked >= len(URLS), "requests were answered while the ingest held the store"
        # once the writer is gone, the next look at the store picks up what it wrote
        deadline = time.monotonic() + 30
        after = before
        while after == before and time.monotonic() < deadline:
            time.sleep(0.5)
            after = client.get("/api/overview").json()["counts"]["documents"]
        assert after == before + FILES


def test_web_a_reader_copy_never_blocks_the_next_writer(tmp_path: Path):
    """The server holds no connection to the live file between requests, so a writer can open it."""
    db = write_store(tmp_path / "live.duckdb", hostile=False)
    with TestClient(create_app(db, snapshot_folder=tmp_path / "copies")) as client:
        assert client.get("/api/overview").status_code == 200
        con = duckdb.connect(str(db))  # would fail on the lock if the server kept the file open
        con.execute("UPDATE documents SET outlet = 'Renamed' WHERE id = 'tass-1'")
        con.close()
        deadline = time.monotonic() + 10
        outlets: set[str] = set()
        while "Renamed" not in outlets and time.monotonic() < deadline:
            time.sleep(0.3)
            outlets = {a["outlet"] for a in client.get("/api/articles").json()["articles"]}
        assert "Renamed" in outlets
