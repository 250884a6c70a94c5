"""The `dyadwatch` command. Each verb is a thin wrapper around `dyadwatch.api`."""
from __future__ import annotations

import sys

import click

from ..errors import DyadwatchError, UsageError
from . import actors, core, events, links, query, scale, sql, web


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="dyadwatch")
def cli() -> None:
    """Read news about international politics and turn it into sourced, structured event data."""


for module in (core, query, sql, actors, events, links, scale, web):
    for command in module.COMMANDS:
        cli.add_command(command)


def main(argv: list[str] | None = None) -> None:
    try:
        cli.main(args=argv, prog_name="dyadwatch", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except click.UsageError as e:
        e.show()
        sys.exit(2)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except UsageError as e:
        click.echo(f"error: {one_line(e)}", err=True)
        sys.exit(2)
    except DyadwatchError as e:
        click.echo(f"error: {one_line(e)}", err=True)
        sys.exit(1)
    except BrokenPipeError:
        sys.exit(0)
    sys.exit(0)


def one_line(error: Exception) -> str:
    """An error message on one line (library messages may quote multi-line engine errors)."""
    return " ".join(str(error).split())
