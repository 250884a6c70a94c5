"""The `actors` command: list stored actors; subcommands added by the actors issue."""
from __future__ import annotations

import click

from .. import api
from .output import common_filters, emit


@click.group(invoke_without_command=True)
@common_filters
@click.pass_context
def actors(ctx, db, actor, since, until, outlet, type_, limit, as_json) -> None:
    """Stored actors (with a subcommand: import dictionaries, explain a resolution)."""
    if ctx.invoked_subcommand is None:
        emit(api.actors(db, actor=actor, since=since, until=until, outlet=outlet, type=type_, limit=limit), as_json, title="actors")


COMMANDS = [actors]
