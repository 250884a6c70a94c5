"""Parquet shards of document records: what a cluster run writes and `dyadwatch load` reads.

A shard holds one partition's outcomes in input order: a row per document (its id and the
record as JSON) and a row per skipped input (its reason and message). The pipeline that
made it is in the file's metadata. Shards are written whole or not at all (a temporary file
renamed into place), so a shard that exists is finished. No Dask here: loading shards needs
only pyarrow.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .errors import UsageError
from .extract.stage import content_id
from .models import Document, InputRecord
from .runner import Report

SHARD_SCHEMA = pa.schema([("id", pa.string()), ("record", pa.string()), ("reason", pa.string()),
                          ("message", pa.string())])
PIPELINE_KEY = b"dyadwatch.pipeline"


def shard_name(index: int, records: list[InputRecord], pipeline_keys: list[str]) -> str:
    digest = hashlib.sha256("\n".join([",".join(pipeline_keys)] + [content_id(r) for r in records]).encode())
    return f"part-{index:06d}-{digest.hexdigest()[:12]}.parquet"


def write_shard(path: Path, rows: list[tuple], pipeline_keys: list[str]) -> None:
    """Write atomically: a reader (or a restarted run) sees a whole shard or none."""
    table = pa.Table.from_pylist([dict(zip(SHARD_SCHEMA.names, r)) for r in rows], schema=SHARD_SCHEMA)
    table = table.replace_schema_metadata({PIPELINE_KEY: ",".join(pipeline_keys).encode()})
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def count_rows(rows: Iterable[tuple], report: Report) -> None:
    for doc_id, _record, reason, message in rows:
        if doc_id is None or reason:
            report.skip(reason or "error", message or "")
        if doc_id is not None:
            report.written += 1


def shard_files(paths: Iterable[str | Path]) -> list[Path]:
    """Shard files named directly or found in the given folders, in shard order."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found.extend(sorted(p.glob("part-*.parquet")))
        elif p.is_file():
            found.append(p)
        else:
            raise UsageError(f"no shard or shard folder at {p}")
    return found


def read_shard(path: Path) -> tuple[str, list[Document], list[tuple[str, str]]]:
    """(pipeline key, documents, skips as (reason, message)) of one shard."""
    try:
        table = pq.read_table(path)
    except (pa.ArrowInvalid, OSError) as e:
        raise UsageError(f"{path} is not a readable Parquet shard: {e}") from e
    if table.schema.names != SHARD_SCHEMA.names:
        raise UsageError(f"{path} is not a dyadwatch shard (columns {table.schema.names})")
    key = (table.schema.metadata or {}).get(PIPELINE_KEY, b"").decode()
    docs, skips = [], []
    for row in table.to_pylist():
        if row["record"] is None or row["reason"]:
            skips.append((row["reason"] or "error", row["message"] or ""))
        if row["record"] is not None:
            docs.append(Document.model_validate_json(row["record"]))
    return key, docs, skips
