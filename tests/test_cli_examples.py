"""Every example in `--help` runs against the demo store; inputs that do not exist create no store."""
from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from dyadwatch.cli import cli, main
from dyadwatch.cli.output import progress_line

from support import ROOT

# Commands whose help must end with an example: every command and subcommand. The daily
# ones are named so that losing one of them from the command line fails here too.
MUST_HAVE_EXAMPLES = {"articles", "actors", "actors import", "actors show", "quotes", "events", "timeline", "dyad",
                      "network", "query", "export", "ingest", "extract", "link", "stages", "schema", "demo", "db",
                      "db migrate", "explain", "verbs", "verbs import", "verbs list", "verbs coverage", "batch", "load",
                      "serve"}
# An example that reads what another one writes runs after it, in the same folder.
RUNS_AFTER = {"load": "batch"}


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


def test_every_command_ends_its_help_with_an_example():
    have = {name for name, _ in examples()}
    assert set(commands(cli)) - have == set(), "commands whose --help has no example"
    assert MUST_HAVE_EXAMPLES <= have, MUST_HAVE_EXAMPLES - have
    for name, cmd in commands(cli).items():
        last = (cmd.help or "").strip().splitlines()[-1].strip()
        assert last.startswith(f"dyadwatch {name}"), f"the help of {name!r} does not end with its example"


def run_example(line: str, store: Path) -> None:
    """Run one example as the command line would: the demo store for `demo.duckdb`, the
    project's own samples/ for paths under it; files it writes land in the current folder."""
    args = [str(store) if a == "demo.duckdb" else a for a in shlex.split(line)[1:]]
    args = [str(ROOT / a) if a.startswith("samples/") else a for a in args]
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 0, line


def answer_once(db: str, **options) -> None:
    """Stands in for the blocking server of `dyadwatch serve`: the application it would run
    answers its overview page from the store."""
    from fastapi.testclient import TestClient

    from dyadwatch.web import create_app

    with TestClient(create_app(db)) as client:
        assert client.get("/").status_code == 200


@pytest.mark.parametrize("name,line", examples())
def test_help_example_runs_on_the_demo_store(demo_store: Path, tmp_path: Path, name: str, line: str, monkeypatch):
    store = tmp_path / "demo.duckdb"
    shutil.copyfile(demo_store, store)  # examples that write the store write a copy
    monkeypatch.chdir(tmp_path)  # files an example writes land here
    monkeypatch.setattr("dyadwatch.web.serve", answer_once)
    before = dict(examples()).get(RUNS_AFTER.get(name, ""))
    if before:
        run_example(before, store)
    run_example(line, store)


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
