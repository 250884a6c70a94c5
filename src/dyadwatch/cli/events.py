"""`dyadwatch explain` (why an event exists) and `dyadwatch verbs` (verb dictionaries)."""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click

from ..errors import UsageError
from ..safe_output import terminal_text
from .output import output_file


@click.command()
@click.argument("sentence", required=False)
@click.option("--published", help="publication date (YYYY-MM-DD) that relative dates count from")
@click.option("--db", type=click.Path(dir_okay=False), help="store file holding the document (with --doc)")
@click.option("--doc", "doc_id", help="document id in the store")
@click.option("--event", "event_index", type=click.IntRange(min=0), help="which of the document's events (0-based)")
@click.option("--json", "as_json", is_flag=True, help="the explanation as JSON")
def explain(sentence: str | None, published: str | None, db: str | None, doc_id: str | None, event_index: int | None, as_json: bool) -> None:
    """Why an event exists: the parse, the actors, the pattern that fired, or why none did.

    Give a SENTENCE, or --db PATH --doc ID [--event N] for a stored document (`dyadwatch
    articles` shows document ids).

    \b
    Example:
      dyadwatch explain "Russia summoned the Azerbaijani ambassador." --published 2024-12-28
    """
    from ..events.explain import explain_document, explain_text, render

    if sentence and doc_id:
        raise UsageError("give a sentence or --doc, not both")
    if doc_id:
        from ..store.db import DEFAULT_DB, Store

        db = db or DEFAULT_DB
        with Store(db, read_only=True, migrate=False) as store:
            doc = store.document(doc_id)
        if doc is None:
            raise UsageError(f"no document {doc_id!r} in {db}; list them with `dyadwatch articles --db {db}`")
        x = explain_document(doc, event_index)
    elif sentence:
        x = explain_text(sentence, published)
    else:
        raise UsageError('give a sentence (dyadwatch explain "Russia summoned the Azerbaijani ambassador.") or --db PATH --doc ID')
    if as_json:
        click.echo(json.dumps(asdict(x), default=lambda o: o.model_dump(mode="json") if hasattr(o, "model_dump") else str(o), ensure_ascii=False))
    else:
        click.echo(terminal_text(render(x), keep_newlines=True))


@click.group()
def verbs() -> None:
    """Verb-pattern dictionaries: the built-in one and the user's extra patterns.

    \b
    Example:
      dyadwatch verbs list --lemma summon
    """


@verbs.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), callback=output_file,
              help="write here (default: the user pattern file the coder reads)")
def import_(file: str, output: str | None) -> None:
    """Read a PETRARCH-format verb dictionary (e.g. CAMEO.2.0.txt) into user patterns.

    \b
    Example:
      dyadwatch verbs import samples/dictionaries/example.verbs.txt -o user-verbs.txt
    """
    from ..events.patterns import parse_patterns, user_file
    from ..events.verbs_import import import_file, render

    imported = import_file(file)
    text = render(imported, Path(file).name)
    parse_patterns(text, "user")  # refuse to write what the coder could not read
    out = Path(output) if output else user_file()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    skipped = ", ".join(f"{k}: {v}" for k, v in sorted(imported.skipped.items())) or "none"
    click.echo(f"{imported.patterns} patterns written to {out}; skipped {sum(imported.skipped.values())} ({skipped})", err=True)


@verbs.command("list")
@click.option("--lemma", help="only patterns for this verb or noun")
def list_(lemma: str | None) -> None:
    """The patterns the coder uses (built-in first, then the user's), one JSON object a line.

    \b
    Example:
      dyadwatch verbs list --lemma summon
    """
    from ..events.patterns import load_patterns

    ps = load_patterns()
    for p in ps.all():
        if lemma and lemma.lower() not in p.lemmas:
            continue
        click.echo(json.dumps({"id": p.id, "code": p.code, "pattern": p.text, "note": p.note}, ensure_ascii=False))


@verbs.command("coverage")
@click.argument("records", nargs=-1, type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--db", type=click.Path(dir_okay=False), help="count the documents of this store (instead of, or with, RECORDS)")
def coverage(records: tuple[str, ...], db: str | None) -> None:
    """CAMEO codes no pattern codes, and patterns that never fired in RECORDS (JSON Lines
    written by `dyadwatch extract`, e.g. of the development set and of samples/) or in the
    documents of a store.

    \b
    Example:
      dyadwatch verbs coverage --db demo.duckdb
    """
    from ..api import pattern_coverage
    from ..events.coverage import render

    if not records and not db:
        raise UsageError("give RECORDS (JSON Lines from `dyadwatch extract`) or --db STORE")
    click.echo(render(pattern_coverage(records, db=db)))


COMMANDS = [explain, verbs]
