"""The verbs load only their own module: questions to the store start without pandas,
pyarrow, pydantic or the pipeline, which cost most of a second before any work."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest

from dyadwatch.cli import VERBS, cli

HEAVY = ("pandas", "numpy", "pyarrow", "pydantic", "spacy", "networkx", "datasketch", "dask", "dyadwatch.pipeline",
         "dyadwatch.models", "dyadwatch.link.api")


def test_cli_verb_table_matches_every_module_commands():
    import importlib

    declared = {}
    for module in set(VERBS.values()):
        for command in importlib.import_module(f"dyadwatch.cli.{module}").COMMANDS:
            declared[command.name] = module
    assert declared == VERBS
    ctx = click.Context(cli)
    assert cli.list_commands(ctx) == sorted(VERBS)
    assert cli.get_command(ctx, "no-such-verb") is None


def loaded_modules(args: list[str]) -> set[str]:
    """Modules a `dyadwatch ARGS` process has loaded when it finishes (it must succeed)."""
    code = ("import atexit, json, sys\n"
            "atexit.register(lambda: sys.__stderr__.write('MODULES ' + json.dumps(sorted(sys.modules)) + '\\n'))\n"
            "from dyadwatch.cli import main\n"
            f"main({args!r})\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    line = next(x for x in out.stderr.splitlines() if x.startswith("MODULES "))
    return set(json.loads(line[len("MODULES "):]))


@pytest.mark.parametrize("verb", [
    ["events", "--actor", "{actor}", "--since", "2024-01-01", "--limit", "5", "--json"],
    ["timeline", "--actor", "{actor}", "--limit", "5", "--json"],
    ["dyad", "{country_a}", "{country_b}", "--by", "week", "--json"],
])
def test_store_questions_load_no_heavy_module(demo_store: Path, verb: list[str]):
    import duckdb

    with duckdb.connect(str(demo_store), read_only=True) as con:
        (actor,) = con.execute("SELECT source_id FROM linked_events WHERE source_id IS NOT NULL "
                               "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1").fetchone()
        country_a, country_b = con.execute(
            "SELECT source_country, target_country FROM linked_events WHERE source_country <> target_country "
            "GROUP BY ALL ORDER BY count(*) DESC, 1, 2 LIMIT 1").fetchone()
    args = [a.format(actor=actor, country_a=country_a, country_b=country_b) for a in verb]
    loaded = loaded_modules([*args, "--db", str(demo_store)])
    heavy = sorted(m for m in loaded if m.split(".")[0] in HEAVY or m in HEAVY)
    assert heavy == [], heavy
