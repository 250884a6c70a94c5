"""The same stage list on a Dask cluster: partitions of input records in, Parquet shards out.

This is the only module that imports Dask (`distributed`); it is imported when a batch runs,
never by an ordinary ingest. The client (this process) reads the inputs, cuts them into
partitions in input order and names each partition's shard by its position and a hash of its
documents' content ids and the pipeline, so a restarted run finds the shards already written
and skips those partitions. Workers build the pipeline once per process (`ModelsPlugin`) and
return each partition's outcomes; the client writes every shard itself, atomically (a
temporary file renamed into place), so a worker lost mid-task costs only a recomputation
on another worker: each partition is written once, and each document once.

`load_shards` brings shards into the store (`dyadwatch load SHARDS --db PATH`).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import dask.config
from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from .errors import UsageError
from .models import InputRecord
from .pipeline import DOCUMENT_BUDGET, Outcome, Pipeline, build
from .readers import read_inputs
from .runner import Report, split_inputs
from .shards import count_rows, shard_name, write_shard
from .workers import batches

# Input records per partition (one task, one shard): large enough that a task's overhead
# (scheduling, pickling the pipeline's outcomes) is small beside parsing, small enough that a
# lost worker costs little and a shard stays a few megabytes. The last partitions of a run
# are smaller (`workers.batches`), so that the workers end together; the cut depends only on
# the input, so a restarted run finds the same shards.
PARTITION_SIZE = 32

# Partitions submitted ahead of the results collected, per worker thread: keeps every worker
# busy without reading the whole input into memory first.
AHEAD_PER_THREAD = 2

PLUGIN_NAME = "dyadwatch-models"

# Worker settings that spare the stages Dask's default overheads (why: in the file itself),
# applied to the local cluster `batch` starts; remote workers read the file (README).
WORKER_CONFIG = Path(__file__).with_name("data") / "dask.yaml"


def worker_config() -> dict[str, object]:
    """The settings of `WORKER_CONFIG` as dotted keys, for `dask.config.set`."""
    def flat(tree: dict, prefix: str = "") -> dict[str, object]:
        out: dict[str, object] = {}
        for key, value in tree.items():
            out |= flat(value, f"{prefix}{key}.") if isinstance(value, dict) else {prefix + key: value}
        return out
    return flat(next(iter(dask.config.collect_yaml([str(WORKER_CONFIG)]))))


class ModelsPlugin(WorkerPlugin):
    """Builds the pipeline (loading spaCy and the knowledge tables) once per worker process."""

    def __init__(self, stage_keys: list[str], batch_size: int, budget: float | None):
        self.stage_keys = list(stage_keys)
        self.batch_size = batch_size
        self.budget = budget
        self.pipeline: Pipeline | None = None

    def setup(self, worker) -> None:  # noqa: ANN001 - a distributed.Worker
        from .workers import warm_up

        # tasks run in worker threads: the per-document budget is held there by a watchdog
        # that raises TooSlow in the task's thread (`guard.time_limit`)
        self.pipeline = Pipeline(stages=build(self.stage_keys), batch_size=self.batch_size, budget=self.budget)
        warm_up(self.pipeline)


def run_partition(records: list[InputRecord]) -> list[tuple[str | None, str | None, str | None, str | None]]:
    """On a worker: one partition through the worker's pipeline, as shard rows
    (id, record JSON, skip reason, skip message), documents in input order, skips after."""
    plugin = get_worker().plugins[PLUGIN_NAME]
    return [shard_row(out) for out in plugin.pipeline.run(records)]


def shard_row(out: Outcome) -> tuple[str | None, str | None, str | None, str | None]:
    """A document (with the reason it was only partly processed, if it was), or a skip."""
    where = out.input.path or out.input.url or out.input.id or "<input>"
    if out.doc is not None:
        return (out.doc.id, out.doc.to_json(), out.reason, f"{where}: {out.error}" if out.reason else None)
    return (None, None, out.reason or "error", f"{where}: {out.error}")


@dataclass
class BatchReport:
    """What a cluster run did, per shard and per document."""

    shards_written: int = 0
    shards_skipped: int = 0
    documents: Report = field(default_factory=Report)


def connect(scheduler: str | None, workers: int) -> tuple[Client, LocalCluster | None]:
    """A client of the scheduler at ADDRESS, or of a local cluster of `workers` processes."""
    if scheduler:
        try:
            return Client(scheduler, timeout="20s"), None
        except OSError as e:
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {e}. "
                             "Start one with `dask-scheduler` and give its tcp:// address") from e
    # ":0": the dashboard on any free port, not 8787, which another cluster may hold
    with dask.config.set(worker_config()):
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")
    return Client(cluster), cluster


def run_batch(
    inputs: Iterable[str],
    out_dir: str | Path,
    *,
    client: Client,
    stages: Iterable[str] | None = None,
    input_format: str | None = None,
    allow_private: bool = False,
    partition_size: int = PARTITION_SIZE,
    batch_size: int = 16,
    on_shard: Callable[[Path], None] | None = None,
    budget: float | None = DOCUMENT_BUDGET,
    offline: bool = False,
) -> BatchReport:
    """Run the pipeline over INPUTS on the client's cluster, one Parquet shard per partition;
    a document over `budget` seconds of stage work is skipped as `too-slow`."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    pipeline = Pipeline(stages=build(stages), batch_size=batch_size, budget=budget)
    report = BatchReport()
    client.register_plugin(ModelsPlugin(pipeline.keys, batch_size, pipeline.budget), name=PLUGIN_NAME)
    threads = max(1, sum(client.nthreads().values()))
    records = split_inputs(read_inputs(inputs, input_format, allow_private=allow_private, offline=offline), report.documents)
    todo = as_completed()
    where: dict[str, Path] = {}
    parts = enumerate(batches(records, partition_size, threads))

    def submit_next() -> bool:
        for index, part in parts:
            path = out / shard_name(index, part, pipeline.keys)
            if path.exists():
                report.shards_skipped += 1
                continue
            future = client.submit(run_partition, part, key=f"dyadwatch-{path.stem}", pure=False, retries=2)
            where[future.key] = path
            todo.add(future)
            return True
        return False

    for _ in range(AHEAD_PER_THREAD * threads):
        if not submit_next():
            break
    for future in todo:
        rows = future.result()
        path = where.pop(future.key)
        write_shard(path, rows, pipeline.keys)
        report.shards_written += 1
        count_rows(rows, report.documents)
        future.release()
        if on_shard:
            on_shard(path)
        submit_next()
    return report
