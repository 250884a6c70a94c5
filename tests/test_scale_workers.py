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


def test_batch_restart_skips_finished_shards(tmp_path: Path):
    pytest.importorskip("distributed", reason="Dask distributed is not installed")
    from distributed import Client, LocalCluster

    args = [str(p) for p in write_corpus(tmp_path / "in", 9)]
    out = tmp_path / "shards"
    from dyadwatch import cluster

    with LocalCluster(n_workers=1, processes=False, dashboard_address=":0") as lc, Client(lc) as client:
        first = cluster.run_batch(args, out, client=client, stages=["extract"], partition_size=2)
        assert (first.shards_written, first.shards_skipped, first.documents.written) == (5, 0, 9)
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
    assert result.documents.written == n and result.shards_written == n // 2


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
