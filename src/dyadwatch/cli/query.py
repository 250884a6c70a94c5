"""Listing commands over the store: articles, quotes, events."""
from __future__ import annotations

import click

from .. import api
from ..frames import plain_rows
from .output import common_filters, emit, min_confidence_option

# Columns a table shows when --columns is not given: what fits 80 columns and says most.
# --json, --csv and --tsv write every column.
ARTICLE_COLUMNS = ("published", "outlet", "title", "events", "quotes", "id")
QUOTE_COLUMNS = ("published", "speaker", "kind", "text", "outlet")
EVENT_COLUMNS = ("date", "source", "target", "cameo", "goldstein", "outlet", "evidence")


@click.command()
@common_filters
def articles(db, actor, since, until, outlet, type_, limit, fmt, columns) -> None:
    """Stored articles: date, outlet, title, counts, and the page's URL or file.

    \b
    Example:
      dyadwatch articles --db demo.duckdb --outlet "Kura River" --limit 5
    """
    rows = api.articles(db, actor=actor, since=since, until=until, outlet=outlet, type=type_, limit=limit, as_frame=False)
    emit(plain_rows(rows), fmt, columns=columns, default=ARTICLE_COLUMNS, title="articles")


@click.command()
@common_filters
@click.option("--speaker", help="speaker: actor id or any name variant")
@click.option("--predictions", is_flag=True, help="only quotations about the future")
@click.option("--cue-class", type=click.Choice(["speech", "belief"]),
              help="only words said (speech) or only views held (belief: 'believes', 'is convinced')")
def quotes(db, actor, since, until, outlet, type_, limit, fmt, columns, speaker, predictions, cue_class) -> None:
    """Stored quotations with their speakers and the article they come from.

    \b
    Example:
      dyadwatch quotes --db demo.duckdb --speaker Hovakimyan --predictions --limit 5
    """
    rows = api.quotes(db, actor=actor, since=since, until=until, outlet=outlet, type=type_, limit=limit,
                       speaker=speaker, predictions=predictions, cue_class=cue_class, as_frame=False)
    emit(plain_rows(rows), fmt, columns=columns, default=QUOTE_COLUMNS, title="quotes")


@click.command()
@common_filters
@min_confidence_option
def events(db, actor, since, until, outlet, type_, limit, fmt, columns, min_confidence) -> None:
    """Stored events, one row per report, each with its source article (outlet, title,
    publication date, URL or file); `timeline` shows linked events.

    \b
    Example:
      dyadwatch events --db demo.duckdb --actor AZEGOV --since 2024-12-25 --limit 8
    """
    rows = api.events(db, actor=actor, since=since, until=until, outlet=outlet, type=type_, limit=limit,
                       min_confidence=min_confidence, as_frame=False)
    emit(plain_rows(rows), fmt, columns=columns, default=EVENT_COLUMNS, title="events")


COMMANDS = [articles, quotes, events]
