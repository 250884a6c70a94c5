"""The runner: reads inputs, runs the pipeline, writes records (the only I/O around stages)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .extract.stage import content_id
from .models import Document, InputRecord
from .pipeline import Outcome, Pipeline
from .readers import Skipped, read_inputs
from .workers import run_parallel


@dataclass
class Report:
    """What a run did: documents written, inputs skipped (by reason), inputs already stored."""

    written: int = 0
    unchanged: int = 0
    skipped: Counter = field(default_factory=Counter)
    messages: list[str] = field(default_factory=list)
    # Tracebacks of internal errors, one per failed input (shown by --verbose, or logged).
    details: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return sum(self.skipped.values())

    def skip(self, reason: str, message: str, detail: str | None = None) -> None:
        self.skipped[reason] += 1
        self.messages.append(message)
        if detail:
            self.details.append(f"{message}\n{detail}")

    def summary(self) -> str:
        parts = [f"{self.written} written"]
        if self.unchanged:
            parts.append(f"{self.unchanged} already stored")
        if self.skipped:
            parts.append(f"{self.failed} skipped (" + ", ".join(f"{k}: {v}" for k, v in sorted(self.skipped.items())) + ")")
        return ", ".join(parts)


def split_inputs(items: Iterable[InputRecord | Skipped], report: Report) -> Iterator[InputRecord]:
    for item in items:
        if isinstance(item, Skipped):
            report.skip(item.reason, f"{item.where}: {item.message}", item.detail)
        else:
            yield item


def process(
    args: Iterable[str],
    *,
    pipeline: Pipeline,
    report: Report,
    input_format: str | None = None,
    allow_private: bool = False,
    offline: bool = False,
    skip_ids: Callable[[list[str]], set[str]] | None = None,
    on_progress: Callable[[int], None] | None = None,
    workers: int = 1,
) -> Iterator[Document]:
    """Documents for every readable input; failures go into `report`.

    `offline` fetches nothing (URLs, and feed items without their text, are counted skips).
    `skip_ids` answers which content ids need no work (already stored by this pipeline);
    those inputs are counted as unchanged and not processed again. With `workers` above
    one, batches run in that many worker processes; documents still come in input order.
    """
    inputs = drop_duplicates(split_inputs(read_inputs(args, input_format, allow_private=allow_private, offline=offline),
                                          report), report)
    if skip_ids is not None:
        inputs = drop_known(inputs, skip_ids, report, pipeline.batch_size)
    for out in run_parallel(pipeline, inputs, workers):
        if on_progress:
            on_progress(1)
        yield from accept(out, report)


def drop_duplicates(inputs: Iterable[InputRecord], report: Report) -> Iterator[InputRecord]:
    """Inputs whose id (given, or the hash of their content) was not seen earlier in this run.

    The first of several inputs with one id is kept and each later one is a counted skip
    'duplicate-id': which version is stored then depends only on input order, never on how
    inputs fall into batches, and every written document is counted once.
    """
    seen: dict[str, str] = {}
    for inp in inputs:
        key = content_id(inp)
        where = inp.path or inp.url or "<input>"
        if key in seen:
            report.skip("duplicate-id", f"{where}: id {key!r} was already read from {seen[key]}; the first one is kept")
            continue
        seen[key] = where
        yield inp


def accept(out: Outcome, report: Report) -> Iterator[Document]:
    where = out.input.path or out.input.url or out.input.id or "<input>"
    if out.doc is None:
        report.skip(out.reason or "error", f"{where}: {out.error}", out.detail)
        return
    if out.reason:
        # Written with what could be done (e.g. text only for an unsupported language),
        # and counted with its reason so a run never passes it over in silence.
        report.skip(out.reason, f"{where}: {out.error}")
    yield out.doc


def drop_known(inputs: Iterable[InputRecord], skip_ids, report: Report, size: int) -> Iterator[InputRecord]:
    batch: list[InputRecord] = []

    def flush() -> Iterator[InputRecord]:
        ids = [content_id(i) for i in batch]
        known = skip_ids(ids)
        for i, key in zip(batch, ids):
            if key in known:
                report.unchanged += 1
            else:
                yield i

    for inp in inputs:
        batch.append(inp)
        if len(batch) >= size:
            yield from flush()
            batch = []
    if batch:
        yield from flush()
