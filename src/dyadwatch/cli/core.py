"""Verbs that process inputs and manage the store: extract, ingest, export, stages, db, schema, demo."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .. import api
from ..runner import Report
from ..safe_output import terminal_text
from ..workers import default_workers
from .output import emit, min_confidence_option, output_file, progress, stage_list

allow_private_option = click.option(
    "--allow-private", is_flag=True, help="let URLs reach private, loopback and link-local addresses (off by default)")
workers_option = click.option(
    "--workers", type=click.IntRange(min=1), default=None,
    help="worker processes, each loading the models once (default: the number of cores)")
STAGES_HELP = "run a prefix of the pipeline, e.g. --stages extract (see `dyadwatch stages`)"


verbose_option = click.option("-v", "--verbose", is_flag=True, help="print the traceback of every internal error")
log_option = click.option("--log", "log_file", type=click.Path(dir_okay=False), callback=output_file,
                          help="append every skip, with tracebacks of internal errors, to this file")


offline_option = click.option(
    "--offline", is_flag=True,
    help="fetch nothing: feed items are read from the text they carry; URLs and items with only a summary are skipped")
urls_option = click.option("-i", "--urls", "url_file", type=click.Path(dir_okay=False),
                           help="read inputs from FILE, one URL (or path) a line")


def all_inputs(inputs: tuple[str, ...], url_file: str | None) -> list[str]:
    """The positional inputs and those of an -i/--urls list file."""
    from ..errors import InputError, UsageError
    from ..readers import url_list

    given = list(inputs)
    if url_file:
        try:
            given += url_list(url_file)
        except InputError as e:
            raise UsageError(str(e)) from None
    if not given:
        raise UsageError("give INPUTS (files, folders, URLs, feeds, -) or -i FILE with one URL a line")
    return given


def finish(report: Report, *, verbose: bool = False, log_file: str | None = None) -> None:
    """Summary on stderr; exit 1 when some inputs failed."""
    click.echo(report.summary(), err=True)
    for message in report.messages[:20]:
        click.echo(f"  skipped {terminal_text(message)}", err=True)
    if len(report.messages) > 20:
        click.echo(f"  ... and {len(report.messages) - 20} more", err=True)
    if verbose:
        for detail in report.details:
            click.echo(terminal_text(detail, keep_newlines=True), err=True)
    elif report.details:
        click.echo(f"  {len(report.details)} internal error(s): --verbose or --log FILE shows their tracebacks", err=True)
    if log_file:
        with open(log_file, "a", encoding="utf-8") as fh:
            fh.write(report.summary() + "\n")
            fh.writelines(f"skipped {m}\n" for m in report.messages)
            fh.writelines(d if d.endswith("\n") else d + "\n" for d in report.details)
    if report.failed:
        sys.exit(1)


@click.command()
@click.argument("inputs", nargs=-1)
@urls_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-", callback=output_file,
              help="write here (default stdout)")
@click.option("--stages", help=STAGES_HELP)
@click.option("--input-format", type=click.Choice(["auto", "jsonl"]), default="auto", help="jsonl: input records, one a line")
@allow_private_option
@offline_option
@verbose_option
@log_option
@workers_option
def extract(inputs: tuple[str, ...], url_file: str | None, output: str, stages: str | None, input_format: str,
            allow_private: bool, offline: bool, verbose: bool, log_file: str | None, workers: int | None) -> None:
    """Document records for INPUTS (files, directories, globs, URLs, RSS/Atom feeds, WARC files, -) as JSON Lines.

    \b
    Example:
      dyadwatch extract samples/corpus/2024-11-20-sevan-line-peace-talks-drag-on.txt -o records.jsonl
    """
    from ..readers import count_inputs

    inputs = all_inputs(inputs, url_file)
    report = Report()
    fmt = None if input_format == "auto" else input_format
    out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
    try:
        with progress("extracting", count_inputs(inputs)) as tick:
            for doc in api.extract(inputs, stages=stage_list(stages), input_format=fmt, allow_private=allow_private,
                                   offline=offline, report=report, on_progress=tick, workers=workers or default_workers()):
                out.write(doc.to_json() + "\n")
                report.written += 1
    finally:
        if out is not sys.stdout:
            out.close()
    finish(report, verbose=verbose, log_file=log_file)


@click.command()
@click.argument("inputs", nargs=-1)
@urls_option
@click.option("--db", default=api.DEFAULT_DB, show_default=True, help="store file")
@click.option("--stages", help=STAGES_HELP)
@click.option("--input-format", type=click.Choice(["auto", "jsonl"]), default="auto")
@click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True, help="documents per transaction")
@allow_private_option
@offline_option
@verbose_option
@log_option
@workers_option
def ingest(inputs: tuple[str, ...], url_file: str | None, db: str, stages: str | None, input_format: str,
           batch_size: int, allow_private: bool, offline: bool, verbose: bool, log_file: str | None,
           workers: int | None) -> None:
    """Process INPUTS into the store; documents already stored are skipped.

    \b
    Example:
      dyadwatch ingest samples/corpus --db demo.duckdb
    """
    from ..readers import count_inputs

    inputs = all_inputs(inputs, url_file)
    fmt = None if input_format == "auto" else input_format
    with progress("ingesting", count_inputs(inputs)) as tick:
        report = api.ingest(inputs, db=db, stages=stage_list(stages), input_format=fmt, batch_size=batch_size,
                            allow_private=allow_private, offline=offline, on_progress=tick,
                            workers=workers or default_workers())
    finish(report, verbose=verbose, log_file=log_file)


@click.command()
@click.option("--db", default=api.DEFAULT_DB, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "gdelt", "plover"]), default="jsonl",
              show_default=True, help="gdelt: the GDELT 2.0 event table; plover: POLECAT-style records (docs/exports.md)")
@click.option("-o", "--output", required=True, type=click.Path(), callback=output_file, help="file to write")
@click.option("--table", type=click.Choice(["events", "articles", "quotes"]), default="events", show_default=True,
              help="which table csv and parquet write")
@min_confidence_option
def export(db: str, fmt: str, output: str, table: str, min_confidence: float | None) -> None:
    """Write the store out: document records (jsonl), one table (csv, parquet), or linked
    events as the GDELT 2.0 event table (gdelt) or POLECAT-style PLOVER records (plover),
    tab-separated with a header (Parquet when the file name ends in .parquet).

    \b
    Example:
      dyadwatch export --db demo.duckdb --format gdelt -o events.gdelt.tsv
    """
    n = api.export(db, output, fmt, table, min_confidence=min_confidence)
    click.echo(f"{n} rows written to {output}", err=True)


@click.command()
@click.option("--json", "as_json", is_flag=True)
def stages(as_json: bool) -> None:
    """The registered stages, the default pipeline, and a check of its order.

    \b
    Example:
      dyadwatch stages
    """
    rows, problems = api.stage_table()
    emit(rows, as_json, title="stages")
    for p in problems:
        click.echo(f"problem: {p}", err=True)
    if problems:
        sys.exit(1)
    click.echo("pipeline order checked: every requirement is provided by an earlier stage", err=True)


@click.group()
def db() -> None:
    """Store maintenance.

    \b
    Example:
      dyadwatch db migrate --db demo.duckdb
    """


@db.command()
@click.option("--db", "path", default=api.DEFAULT_DB, show_default=True)
def migrate(path: str) -> None:
    """Bring the store's schema up to date.

    \b
    Example:
      dyadwatch db migrate --db demo.duckdb
    """
    applied = api.migrate(path)
    click.echo(f"applied migrations {applied}" if applied else "schema is up to date", err=True)


@click.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), callback=output_file, help="write here instead of stdout")
def schema(output: str | None) -> None:
    """The JSON Schema of the document record.

    \b
    Example:
      dyadwatch schema -o document.schema.json
    """
    from ..models import document_schema

    text = json.dumps(document_schema(), indent=2, ensure_ascii=False) + "\n"
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


@click.command()
@click.option("--db", default="demo.duckdb", show_default=True)
@click.option("--samples", type=click.Path(exists=True, file_okay=False), help="corpus folder (default: samples/)")
def demo(db: str, samples: str | None) -> None:
    """Ingest the demo corpus and print a short summary.

    \b
    Example:
      dyadwatch demo --db demo.duckdb
    """
    from ..demo import run_demo

    run_demo(db, samples)


COMMANDS = [extract, ingest, export, stages, db, schema, demo]
