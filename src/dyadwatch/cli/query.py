"""Listing commands over the store: articles, quotes, events."""
from __future__ import annotations

import click

from .. import api
from .output import common_filters, emit, min_confidence_option


@click.command()
@common_filters
def articles(db, actor, since, until, outlet, type_, limit, as_json) -> None:
    """Stored articles."""
    emit(api.articles(db, actor=actor, since=since, until=until, outlet=outlet, type=type_, limit=limit), as_json, title="articles")


@click.command()
@common_filters
@click.option("--speaker", help="speaker: actor id or any name variant")
@click.option("--predictions", is_flag=True, help="only quotations about the future")
def quotes(db, actor, since, until, outlet, type_, limit, as_json, speaker, predictions) -> None:
    """Stored quotations with their speakers."""
    rows = api.quotes(db, actor=actor, since=since, until=until, outlet=outlet, type=type_, limit=limit,
                      speaker=speaker, predictions=predictions)
    emit(rows, as_json, title="quotes")


@click.command()
@common_filters
@min_confidence_option
def events(db, actor, since, until, outlet, type_, limit, as_json, min_confidence) -> None:
    """Stored events (per report; `timeline` shows linked events)."""
    emit(api.events(db, actor=actor, since=since, until=until, outlet=outlet, type=type_, limit=limit,
                    min_confidence=min_confidence), as_json, title="events")


COMMANDS = [articles, quotes, events]
