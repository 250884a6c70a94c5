"""The `dyadwatch` command. Each verb is a thin wrapper around `dyadwatch.api`.

A verb's module is imported when the verb runs: a question to the store does not load the
pipeline, its models or pandas (`tests/test_cli_imports.py`)."""
from __future__ import annotations

import importlib
import sys

import click

from ..errors import DyadwatchError, UsageError

# Each verb and the module of this package that defines it (in that module's COMMANDS).
VERBS = {
    "extract": "core", "ingest": "core", "export": "core", "stages": "core", "db": "core", "schema": "core",
    "demo": "core", "articles": "query", "quotes": "query", "events": "query", "query": "sql", "actors": "actors",
    "explain": "events", "verbs": "events", "link": "links", "timeline": "links", "dyad": "links",
    "network": "links", "batch": "scale", "load": "scale", "serve": "web",
}


class Verbs(click.Group):
    """The verbs, each loaded from its module on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(VERBS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in VERBS:
            return None
        module = importlib.import_module(f"{__name__}.{VERBS[name]}")
        return next(c for c in module.COMMANDS if c.name == name)


@click.group(cls=Verbs, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="dyadwatch")
def cli() -> None:
    """Read news about international politics and turn it into sourced, structured event data."""


def main(argv: list[str] | None = None) -> None:
    try:
        cli.main(args=argv, prog_name="dyadwatch", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except click.UsageError as e:
        where = e.ctx.command_path if e.ctx is not None else "dyadwatch"
        click.echo(f"error: {one_line(e.format_message())} (see `{where} --help`)", err=True)
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
    except OSError as e:
        # a file the user named that cannot be read or written (permissions, a full disk)
        click.echo(f"error: {os_error(e)}", err=True)
        sys.exit(1)
    sys.exit(0)


def os_error(error: OSError) -> str:
    """An operating system error as one line that names the file and what went wrong."""
    what = error.strerror or one_line(error) or type(error).__name__
    name = f"{error.filename}: " if error.filename else ""
    return f"{name}{what}; check the path and its permissions"


def one_line(error: Exception) -> str:
    """An error message on one line (library messages may quote multi-line engine errors)."""
    return " ".join(str(error).split())
