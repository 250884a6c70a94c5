"""`dyadwatch query "SQL"`: read-only SQL on the store, printed like every listing."""
from __future__ import annotations

import click

from .. import api
from ..frames import records
from .output import emit, output_options


@click.command()
@click.argument("sql")
@click.option("--db", default=api.DEFAULT_DB, show_default=True, help="store file")
@output_options
def query(sql: str, db: str, fmt: str | None, columns: str | None) -> None:
    """Run one read-only SELECT on the store: views articles, actors, quotes, reports (event
    reports with their sources) and events_linked; internal tables as store.<name>.

    \b
    Example:
      dyadwatch query --db demo.duckdb "SELECT outlet, count(*) AS reports FROM reports GROUP BY outlet ORDER BY reports DESC"
    """
    emit(records(api.query(db, sql)), fmt, columns=columns, title=None)


COMMANDS = [query]
