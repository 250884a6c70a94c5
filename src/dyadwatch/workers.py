"""Worker processes on one machine: the same stage list over every core.

Each worker process builds the pipeline once (so spaCy and the knowledge tables load once
per process, not per batch) and runs whole batches of input records; the parent process
reads inputs, hands out batches, and gets the outcomes back in input order, so the one
writer (the runner's caller) sees documents as a single process would produce them.

A document that fails inside a stage is already an `Outcome` with its reason (the
pipeline's own guard). A worker that dies (killed, out of memory, a crash in native code)
takes its batch with it: the batch is then run again one document at a time in a fresh
pool, and a document that kills a worker on its own is a counted skip ("worker-died").
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from .models import InputRecord
from .pipeline import Outcome, Pipeline, build

# Batches' worth of inputs handed out ahead of the one being collected, per worker: enough to
# keep every worker busy while the parent writes, few enough that memory holds only a few.
AHEAD_PER_WORKER = 2

# Inputs per batch handed to a worker (the worker's pipeline still batches its parser calls
# by its own batch size): small, so that the last batches of a run spread over every worker
# instead of leaving one worker with a long tail (181 pages in batches of 32 kept one of two
# workers idle for a sixth of the run).
WORKER_BATCH = 8

_pipeline: Pipeline | None = None


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - platforms without affinity
        return max(1, os.cpu_count() or 1)


def start_worker(stage_keys: list[str], batch_size: int, budget: float | None) -> None:
    """Process initializer: build the pipeline and load its models once."""
    global _pipeline
    _pipeline = Pipeline(stages=build(stage_keys), batch_size=batch_size, budget=budget)
    warm_up(_pipeline)


def warm_up(pipeline: Pipeline) -> None:
    """Load what the stages load lazily (the parser), so the first batch does not pay for it."""
    if any(s.name == "parse" for s in pipeline.stages):
        from .nlp import load_english

        load_english()


def run_batch(inputs: list[InputRecord]) -> list[Outcome]:
    """In a worker: one batch through the pipeline built by `start_worker`."""
    if _pipeline is None:  # pragma: no cover - the pool always runs the initializer
        raise RuntimeError("worker pipeline not started")
    return list(_pipeline.run(inputs))


def batches(inputs: Iterable[InputRecord], size: int, workers: int = 1) -> Iterator[list[InputRecord]]:
    """Batches of `size` inputs in input order, the last ones shrinking.

    A run ends when its slowest worker ends: with equal batches to the last, one worker
    still parses a whole batch while the others wait. So the inputs left when the stream
    ends (between `size * workers` and `size * (workers + 1)` of them, held back for this)
    go out in batches of a share of what is left, down to one input each.
    """
    held: deque[InputRecord] = deque()
    reserve = size * max(1, workers)
    for inp in inputs:
        held.append(inp)
        if len(held) >= size + reserve:
            yield [held.popleft() for _ in range(size)]
    while held:
        share = max(1, min(size, -(-len(held) // (2 * max(1, workers)))))
        yield [held.popleft() for _ in range(share)]


class WorkerPool:
    """A process pool running a pipeline's stages; `run` yields outcomes in input order."""

    def __init__(self, pipeline: Pipeline, workers: int):
        self.stage_keys = pipeline.keys
        self.batch_size = pipeline.batch_size
        self.budget = pipeline.budget
        self.chunk = min(WORKER_BATCH, pipeline.batch_size)
        self.workers = max(1, workers)
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def _pool(self) -> ProcessPoolExecutor:
        if self.pool is None:
            # spawn, not fork: the parent may hold a DuckDB connection and threads, which a
            # forked child must not inherit
            self.pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=start_worker, initargs=(self.stage_keys, self.batch_size, self.budget))
        return self.pool

    def _restart(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None

    def run(self, inputs: Iterable[InputRecord]) -> Iterator[Outcome]:
        pending: deque[tuple[list[InputRecord], Future]] = deque()
        # counted in inputs, not batches: the small batches at the end of a stream keep as
        # many inputs in flight as the full ones, so no worker waits on the one being collected
        ahead = AHEAD_PER_WORKER * self.workers * self.chunk
        in_flight = 0
        for batch in batches(inputs, self.chunk, self.workers):
            pending.append((batch, self._submit(batch)))
            in_flight += len(batch)
            while in_flight > ahead:
                in_flight -= len(pending[0][0])
                yield from self._collect(*pending.popleft(), pending)
        while pending:
            yield from self._collect(*pending.popleft(), pending)

    def _submit(self, batch: list[InputRecord]) -> Future:
        try:
            return self._pool().submit(run_batch, batch)
        except BrokenProcessPool:
            self._restart()
            return self._pool().submit(run_batch, batch)

    def _collect(self, batch: list[InputRecord], future: Future,
                 pending: deque[tuple[list[InputRecord], Future]]) -> Iterator[Outcome]:
        try:
            yield from future.result()
            return
        except BrokenProcessPool:
            pass
        # the pool is broken for every batch in flight: start a fresh one, run this batch
        # document by document, and hand the batches still waiting to the fresh pool
        self._restart()
        for inp in batch:
            yield from self._alone(inp)
        for i, (waiting, _) in enumerate(pending):
            pending[i] = (waiting, self._submit(waiting))

    def _alone(self, inp: InputRecord) -> list[Outcome]:
        try:
            return self._submit([inp]).result()
        except BrokenProcessPool:
            self._restart()
            return [Outcome(input=inp, error="the worker process died on this document", reason="worker-died")]


def run_parallel(pipeline: Pipeline, inputs: Iterable[InputRecord], workers: int) -> Iterator[Outcome]:
    """Outcomes of `inputs` in input order: in this process for one worker or for input
    that fits in one batch (a pool would only add its start-up), else in a pool."""
    if workers <= 1:
        yield from pipeline.run(inputs)
        return
    stream = iter(inputs)
    head = list(itertools.islice(stream, WORKER_BATCH + 1))
    if len(head) <= min(WORKER_BATCH, pipeline.batch_size):
        yield from pipeline.run(itertools.chain(head, stream))
        return
    with WorkerPool(pipeline, workers) as pool:
        yield from pool.run(itertools.chain(head, stream))
