"""Worker processes and the Dask cluster: order, skips, shards, restarts, lost workers, and
the same stored records whichever way the stages ran."""
from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch import api
from dyadwatch.runner import Report
from dyadwatch.shards import read_shard, shard_files
from support import snapshot

LINE = "Delegates from {c} arrived in Vienna on Tuesday for talks on river shipping, officials said. Round {i}."
PLACES = ["Norland", "Estovia", "Carpania", "Miravel", "Duskmoor", "Halvia", "Ostrana", "Brellin"]


def count_rows_per_shard(folder: Path) -> dict[str, int]:
    return {p.name: len(read_shard(p)[1]) for p in shard_files([folder])}


def write_corpus(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"{i:03d}.txt"
        p.write_text(f"Shipping talks {i}\n\n" + LINE.format(c=PLACES[i % len(PLACES)], i=i), encoding="utf-8")
        paths.append(p)
    return paths


def test_workers_extract_output_follows_input_order(tmp_path: Path):
    paths = write_corpus(tmp_path / "in", 7)
    (tmp_path / "in" / "003.txt").write_text("", encoding="utf-8")  # an empty page: a counted skip
    args = [str(p) for p in paths]
    alone = list(api.extract(args, stages=["extract"], workers=1, batch_size=2))
    report = Report()
    pooled = list(api.extract(args, stages=["extract"], workers=2, batch_size=2, report=report))
    assert [d.source.path for d in pooled] == [d.source.path for d in alone]
    assert [d.source.path for d in pooled] == [str(p) for i, p in enumerate(paths) if i != 3]
    assert report.failed == 1 and "003.txt" in report.messages[0]
    assert [d.to_json() for d in pooled] == [d.to_json() for d in alone]


@pytest.mark.parametrize("n", [0, 1, 7, 23, 24, 25, 100, 181])
@pytest.mark.parametrize("workers", [1, 2, 4])
def test_worker_batches_keep_order_and_shrink_only_at_the_end(n: int, workers: int):
    from dyadwatch.models import InputRecord
    from dyadwatch.workers import batches

    records = [InputRecord(id=f"d{i}", text="x") for i in range(n)]
    cut = list(batches(records, 8, workers))
    assert [r.id for b in cut for r in b] == [r.id for r in records]
    sizes = [len(b) for b in cut]
    assert all(1 <= s <= 8 for s in sizes)
    assert sizes == sorted(sizes, reverse=True)  # full batches first, then smaller ones
    if n > 8 * (workers + 1):
        assert sizes[0] == 8 and sizes[-1] == 1  # the stream's end goes out one by one
        assert len(sizes) - sizes.count(8) <= 8 * workers  # the shrinking tail is short


def test_batch_restart_skips_finished_shards(tmp_path: Path):
    pytest.importorskip("distributed", reason="Dask distributed is not installed")
    from distributed import Client, LocalCluster

    args = [str(p) for p in write_corpus(tmp_path / "in", 9)]
    out = tmp_path / "shards"
    from dyadwatch import cluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0") as lc, \
            Client(lc) as client:
        first = cluster.run_batch(args, out, client=client, stages=["extract"], partition_size=2)
        # partitions of two; the last ones of the run (for one worker thread) one each
        assert (first.shards_written, first.shards_skipped, first.documents.written) == (5, 0, 9)
        assert sorted(count_rows_per_shard(out).values()) == [1, 2, 2, 2, 2]
        stamps = {p.name: p.stat().st_mtime_ns for p in shard_files([out])}
        again = cluster.run_batch(args, out, client=client, stages=["extract"], partition_size=2)
        assert (again.shards_written, again.shards_skipped) == (0, 5)
        assert {p.name: p.stat().st_mtime_ns for p in shard_files([out])} == stamps
        lost = sorted(stamps)[2]
        (out / lost).unlink()
        third = cluster.run_batch(args, out, client=client, stages=["extract"], partition_size=2)
        assert (third.shards_written, third.shards_skipped) == (1, 4)
        assert (out / lost).exists()


def test_batch_survives_a_killed_worker_and_writes_each_document_once(tmp_path: Path):
    pytest.importorskip("distributed", reason="Dask distributed is not installed")
    from distributed import Client, LocalCluster

    from dyadwatch import cluster

    n = 24
    args = [str(p) for p in write_corpus(tmp_path / "in", n)]
    out = tmp_path / "shards"
    killed: list[str] = []
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as lc, \
            Client(lc) as client:
        def kill_one(_path: Path) -> None:
            if not killed:
                nanny = next(iter(lc.workers.values()))
                killed.append(str(nanny.worker_address))
                nanny.process.process.kill()  # no goodbye to the scheduler: a crash

        result = cluster.run_batch(args, out, client=client, stages=["extract"], partition_size=2, on_shard=kill_one)
    assert killed
    ids = [d.source.path for path in shard_files([out]) for d in read_shard(path)[1]]
    assert sorted(ids) == sorted(args)  # every document exactly once
    # ten partitions of two, then the last four documents one per partition (two threads)
    assert result.documents.written == n and result.shards_written == 14


def test_workers_and_cluster_store_identical_records(tmp_path: Path):
    pytest.importorskip("distributed", reason="Dask distributed is not installed")
    from distributed import Client, LocalCluster

    from dyadwatch import cluster

    folder = tmp_path / "in"
    folder.mkdir()
    texts = ["Turkey's foreign minister met his Greek counterpart in Athens on Monday, the ministry said.",
             "Police in Nairobi arrested 14 protesters on Friday, a spokesman said.",
             "Azerbaijan recalled its ambassador from Moscow on Sunday after the crash, officials said.",
             "Japan signed a trade agreement with Vietnam in Hanoi on Thursday."]
    for i, t in enumerate(texts):
        (folder / f"{i}.txt").write_text(t, encoding="utf-8")
    one, two, dask_db = tmp_path / "one.duckdb", tmp_path / "two.duckdb", tmp_path / "dask.duckdb"
    api.ingest([str(folder)], db=one, workers=1, batch_size=1)
    api.ingest([str(folder)], db=two, workers=2, batch_size=1)
    with LocalCluster(n_workers=1, processes=False, dashboard_address=":0") as lc, Client(lc) as client:
        cluster.run_batch([str(folder)], tmp_path / "shards", client=client, partition_size=2)
    api.load([tmp_path / "shards"], db=dask_db)
    first = snapshot(one)
    assert len(first["documents"]) == len(texts) and first["events"]
    assert snapshot(two) == first
    assert snapshot(dask_db) == first


def test_load_refuses_a_file_that_is_no_shard(tmp_path: Path):
    from dyadwatch.errors import UsageError

    bad = tmp_path / "part-000000-x.parquet"
    bad.write_bytes(b"not parquet at all")
    with pytest.raises(UsageError, match="not a readable Parquet shard"):
        api.load([bad], db=tmp_path / "s.duckdb")


def test_ordinary_commands_never_import_dask():
    import subprocess
    import sys

    code = ("import sys, dyadwatch.api, dyadwatch.cli, dyadwatch.runner, dyadwatch.shards; "
            "print(any(m == 'dask' or m.startswith(('dask.', 'distributed')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def busy_until_stopped(w):
    """A stage (after extract) that never finishes on a page saying "endless": pure Python
    work, as a stage stuck in a long loop is; other pages pass through."""
    import time

    if "endless" in (w.doc.text or ""):
        started = time.monotonic()
        n = 0
        while time.monotonic() - started < 120:
            n += 1
    return w


@pytest.fixture
def endless_stage():
    from dyadwatch import pipeline

    pipeline.registry()
    stage = pipeline.Stage(name="test-endless", version=1, requires=("text",), provides=("endless",),
                           func=busy_until_stopped)
    pipeline._REGISTRY[stage.key] = stage
    yield stage.key
    pipeline._REGISTRY.pop(stage.key, None)


def test_time_limit_holds_in_a_thread_and_leaves_the_thread_usable():
    import threading
    import time

    from dyadwatch.guard import TooSlow, time_limit

    seen: list[str] = []

    def work() -> None:
        started = time.monotonic()
        try:
            with time_limit(0.3):
                while True:
                    pass
        except TooSlow as e:
            seen.append(f"stopped after {time.monotonic() - started:.1f} s: {e}")
        with time_limit(5):  # a block within its budget is left alone, and nothing lands later
            total = sum(range(1000))
        time.sleep(0.5)
        seen.append(f"went on: {total}")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(30)
    assert not thread.is_alive()
    assert len(seen) == 2 and seen[0].startswith("stopped after") and seen[1] == "went on: 499500", seen
    assert float(seen[0].split()[2]) < 5


def test_batch_on_a_cluster_holds_the_time_budget_in_worker_threads(tmp_path: Path, endless_stage: str):
    pytest.importorskip("distributed", reason="Dask distributed is not installed")
    import time

    from distributed import Client, LocalCluster

    from dyadwatch import cluster

    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(["A calm page about river shipping.", "An endless page that never finishes.",
                              "Another calm page about grain."]):
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    started = time.monotonic()
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0") as lc, \
            Client(lc) as client:
        report = cluster.run_batch([str(folder)], tmp_path / "shards", client=client, stages=["extract", endless_stage],
                                   partition_size=3, budget=1.0)
    assert time.monotonic() - started < 100  # the stage alone would run 120 s
    docs = report.documents
    assert docs.skipped.get("too-slow") == 1, docs.summary()
    assert docs.written == 2
    assert any("time budget" in m and "endless" not in m.split(":")[0] for m in docs.messages), docs.messages
    rows = [row for path in shard_files([tmp_path / "shards"]) for row in read_shard(path)[1]]
    assert len(rows) == 2
