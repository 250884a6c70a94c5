"""The `actors` command: list stored actors; import PETRARCH/Phoenix dictionaries; explain a resolution."""
from __future__ import annotations

from pathlib import Path

import click

from .. import api
from ..frames import plain_rows
from .output import common_filters, emit, output_file


@click.group(invoke_without_command=True)
@common_filters
@click.pass_context
def actors(ctx, db, actor, since, until, outlet, type_, limit, fmt, columns) -> None:
    """Stored actors (with a subcommand: import dictionaries, explain a resolution).

    \b
    Example:
      dyadwatch actors --db demo.duckdb --type PERSON --limit 10
    """
    if ctx.invoked_subcommand is None:
        rows = api.actors(db, actor=actor, since=since, until=until, outlet=outlet, type=type_, limit=limit,
                          as_frame=False)
        emit(plain_rows(rows), fmt, columns=columns, title="actors")


@actors.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dict", "dict_path", type=click.Path(dir_okay=False, path_type=Path), callback=output_file,
              help="dictionary file to write (default: $DYADWATCH_ACTOR_DICT, else ~/.config/dyadwatch/actors.json)")
@click.option("--json", "as_json", is_flag=True, help="print the summary as JSON")
def import_(files: tuple[Path, ...], dict_path: Path | None, as_json: bool) -> None:
    """Import PETRARCH/Phoenix actor dictionaries (TABARI .actors and agents files).

    Entries are merged into one user dictionary (JSON) that actor resolution reads on top of
    the built-in knowledge base: country name variants, people with dated offices
    ([AZEGOV 030804-031104]), organisations and groups with their codes, agent words with
    their sectors. Resolution reads $DYADWATCH_ACTOR_DICT when set, else
    ~/.config/dyadwatch/actors.json ($XDG_CONFIG_HOME is honoured); importing with --dict
    elsewhere needs DYADWATCH_ACTOR_DICT pointing there to take effect. Re-importing a file
    adds to what is there; delete the dictionary file to start again.

    \b
    Example:
      dyadwatch actors import samples/dictionaries/example.actors.txt --dict actors.json
    """
    from ..actors.kb import user_dictionary_path
    from ..actors.userdict import import_dictionaries

    summary = import_dictionaries(list(files), dict_path or user_dictionary_path())
    emit([summary.__dict__], as_json, title="imported")


@actors.command("show")
@click.argument("name")
@click.option("--text", help="resolve this text and show how NAME was linked in it")
@click.option("--file", "file_", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="resolve this file (text or HTML) instead")
@click.option("--date", "day", help="date for offices (YYYY-MM-DD; default: the document's date, else today)")
@click.option("--dict", "dict_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="user dictionary to use (default: $DYADWATCH_ACTOR_DICT, else ~/.config/dyadwatch/actors.json if present)")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines instead of tables")
def show(name: str, text: str | None, file_: Path | None, day: str | None, dict_path: Path | None, as_json: bool) -> None:
    """Explain how NAME resolves: knowledge-base entries (offices, codes, spellings), and with
    --text/--file every mention in that document, the rule that linked it and its code.

    \b
    Example:
      dyadwatch actors show Aliyev --date 2024-12-28 --text "Aliyev spoke to Putin by phone."
    """
    import os

    from ..actors.explain import known_entries, resolution_rows
    from ..actors.kb import USER_DICT_ENV, default_kb

    if dict_path is not None:
        os.environ[USER_DICT_ENV] = str(dict_path)  # the resolution below reads the same dictionary
    known = known_entries(default_kb(), name, day)
    emit(known, as_json, title=f"known as {name!r}")
    if text is None and file_ is None:
        return
    doc = _resolve(text, file_, day)
    ids = frozenset(row["id"] for row in known)
    emit(resolution_rows(doc, name, ids), as_json, title=f"{name!r} in {file_ or 'the text'}")


def _resolve(text: str | None, path: Path | None, day: str | None):
    """One document through extract, parse and actors."""
    from ..errors import UsageError
    from ..models import InputRecord
    from ..readers import read_file

    if path is not None:
        inputs = [r for r in read_file(path, None) if isinstance(r, InputRecord)]
        if not inputs:
            raise UsageError(f"{path} could not be read as a document")
        inp = inputs[0].model_copy(update={"published": day} if day else {})
    else:
        inp = InputRecord(text=text, published=day, language="en")
    (outcome,) = list(api.make_pipeline(["extract", "parse", "actors"]).run([inp]))
    if outcome.doc is None:
        raise UsageError(f"the document was skipped: {outcome.error}")
    return outcome.doc


COMMANDS = [actors]
