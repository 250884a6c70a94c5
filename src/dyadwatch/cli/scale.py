"""Verbs of large runs: batch (a Dask cluster, Parquet shards) and load (shards into the store)."""
from __future__ import annotations

import click

from .. import api
from ..runner import Report
from .core import STAGES_HELP, allow_private_option, finish, offline_option
from .output import stage_list


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="folder of Parquet shards (finished shards there are skipped)")
@click.option("--scheduler", help="address of a running Dask scheduler (tcp://HOST:8786); default: a local cluster")
@click.option("--workers", type=click.IntRange(min=1), help="worker processes of the local cluster (default: cores)")
@click.option("--partition-size", type=click.IntRange(min=1), help="documents per partition and shard (default 32; the last ones of a run smaller)")
@click.option("--stages", help=STAGES_HELP)
@click.option("--input-format", type=click.Choice(["auto", "jsonl"]), default="auto")
@allow_private_option
@offline_option
def batch(inputs: tuple[str, ...], out_dir: str, scheduler: str | None, workers: int | None,
          partition_size: int | None, stages: str | None, input_format: str, allow_private: bool,
          offline: bool) -> None:
    """Process INPUTS on a Dask cluster into Parquet shards of document records (then `dyadwatch load`).

    \b
    Example:
      dyadwatch batch samples/corpus --workers 1 --stages extract -o shards
    """
    result = api.batch(inputs, out_dir, scheduler=scheduler, workers=workers, stages=stage_list(stages),
                       input_format=None if input_format == "auto" else input_format, allow_private=allow_private,
                       partition_size=partition_size, offline=offline)
    click.echo(f"{result.shards_written} shards written, {result.shards_skipped} already there, in {out_dir}", err=True)
    finish(result.documents)


@click.command()
@click.argument("shards", nargs=-1, required=True)
@click.option("--db", default=api.DEFAULT_DB, show_default=True, help="store file")
def load(shards: tuple[str, ...], db: str) -> None:
    """Bring Parquet SHARDS (files or folders written by `dyadwatch batch`) into the store.

    \b
    Example:
      dyadwatch load shards --db demo.duckdb
    """
    report = Report()
    api.load(shards, db=db, report=report)
    finish(report)


COMMANDS = [batch, load]
