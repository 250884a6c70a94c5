"""Every example in `--help` runs against the demo store; inputs that do not exist create no store."""
from __future__ import annotations

import os
import shlex
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from dyadwatch.cli import cli, main
from dyadwatch.cli.output import progress_line

from support import ROOT

# Commands whose help must end with an example (the verbs an analyst types daily).
MUST_HAVE_EXAMPLES = {"articles", "actors", "quotes", "events", "timeline", "dyad", "network", "query", "export",
                      "ingest", "extract", "link", "stages", "schema", "demo", "db migrate"}


def commands(group: click.Group, prefix: str = "") -> dict[str, click.Command]:
    found = {}
    ctx = click.Context(group)
    for name in group.list_commands(ctx):  # verbs load lazily: ask the group, not its dict
        cmd = group.get_command(ctx, name)
        found[prefix + name] = cmd
        if isinstance(cmd, click.Group):
            found |= commands(cmd, prefix + name + " ")
    return found


def examples() -> list[tuple[str, str]]:
    out = []
    for name, cmd in sorted(commands(cli).items()):
        text = cmd.help or ""
        if "Example:" in text:
            line = text.split("Example:")[1].strip().splitlines()[0].strip()
            out.append((name, line))
    return out


def test_every_daily_command_ends_its_help_with_an_example():
    have = {name for name, _ in examples()}
    assert MUST_HAVE_EXAMPLES <= have, MUST_HAVE_EXAMPLES - have
    for name, line in examples():
        assert line.startswith(f"dyadwatch {name}"), (name, line)


@pytest.mark.parametrize("name,line", examples())
def test_help_example_runs_on_the_demo_store(demo_store: Path, tmp_path: Path, name: str, line: str, monkeypatch):
    args = [str(demo_store) if a == "demo.duckdb" else a for a in shlex.split(line)[1:]]
    args = [str(ROOT / a) if a.startswith("samples/") else a for a in args]
    monkeypatch.chdir(tmp_path)  # files an example writes land here
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 0, line


def test_ingest_of_a_missing_input_creates_no_store(tmp_path: Path, capsys):
    db = tmp_path / "new.duckdb"
    with pytest.raises(SystemExit) as exit_info:
        main(["ingest", str(tmp_path / "no-such-folder"), "--db", str(db)])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2 and "no input found" in err and len(err.strip().splitlines()) == 1
    assert not db.exists()


def test_url_list_file_is_read_one_input_a_line(tmp_path: Path):
    page = tmp_path / "a.txt"
    page.write_text("Valdoria and Estmark signed a trade agreement in the capital on Monday.", encoding="utf-8")
    listing = tmp_path / "inputs.txt"
    listing.write_text(f"# pages to read\n\n{page}\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["extract", "-i", str(listing), "--stages", "extract"], catch_exceptions=False)
    assert res.exit_code == 0
    assert len(res.stdout.splitlines()) == 1 and "Valdoria" in res.stdout


def test_progress_line_shows_done_total_rate_and_time_left():
    assert progress_line("ingesting", 10, 40, 5.0) == "ingesting 10/40  2.0/s  0:15 left"
    assert progress_line("ingesting", 3, None, 1.0) == "ingesting 3  3.0/s"


def test_progress_is_silent_when_not_a_terminal(capsys):
    from dyadwatch.cli.output import progress

    with progress("ingesting", 5) as tick:
        tick(1)
    assert capsys.readouterr().err == ""
