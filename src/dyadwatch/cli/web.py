"""`dyadwatch serve`: the HTTP API and the web pages over a store."""
from __future__ import annotations

import click

from ..store.db import DEFAULT_DB


@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="store file")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="address to listen on; anything but the loopback address needs --token")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--token", envvar="DYADWATCH_TOKEN", help="require this token on every request (or set DYADWATCH_TOKEN)")
def serve(db: str, host: str, port: int, token: str | None) -> None:
    """Serve the store read-only: web pages and their JSON twins under /api/ (docs at /docs).

    Pages keep answering while `dyadwatch ingest` writes to the same store: they read a
    copy that is refreshed whenever the store changed and no writer holds it.

    \b
    Example:
      dyadwatch serve --db demo.duckdb --port 8000
    """
    from ..web import serve as run

    run(db, host=host, port=port, token=token)


COMMANDS = [serve]
