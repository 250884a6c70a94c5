"""Every error a user can cause is one line on stderr that says what to do, never a traceback.

A folder that does not exist for a file to write, a bad date, a store file that is damaged
or not a store, an unknown actor (exit 2 with suggestions, the same answer from every
command), and click's own usage errors.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.cli import main
from dyadwatch.link.synthetic import crash_corpus
from dyadwatch.link.api import relink
from dyadwatch.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    """A small linked store (the invented crash corpus)."""
    path = tmp_path_factory.mktemp("errors") / "crash.duckdb"
    with Store(path) as store:
        store.write(crash_corpus(), "test")
    relink(path)
    return str(path)


def run(capsys, *args: str) -> tuple[int, str]:
    """Exit code and standard error of one command."""
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    return exit_info.value.code, capsys.readouterr().err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err and lines[0].startswith("error: "), err
    return lines[0]


@pytest.mark.parametrize("command", [
    ["extract", "--stages", "extract", "{text}", "-o", "{missing}/records.jsonl"],
    ["extract", "--stages", "extract", "{text}", "--log", "{missing}/skips.log"],
    ["schema", "-o", "{missing}/schema.json"],
    ["export", "--db", "{db}", "--format", "csv", "-o", "{missing}/events.csv"],
    ["timeline", "--db", "{db}", "-o", "{missing}/timeline.csv"],
    ["dyad", "RUS", "AZE", "--db", "{db}", "--plot", "{missing}/dyad.png"],
    ["network", "--db", "{db}", "--graphml", "{missing}/network.graphml"],
    ["actors", "import", "{text}", "--dict", "{missing}/actors.json"],
], ids=lambda c: " ".join(c[:2]))
def test_errors_output_into_a_missing_folder(db: str, tmp_path: Path, capsys, command: list[str]):
    text = tmp_path / "story.txt"
    text.write_text("Officials in Baku and Ankara signed a transit agreement on Friday.", encoding="utf-8")
    missing = tmp_path / "no" / "such"
    args = [a.format(text=text, missing=missing, db=db) for a in command]
    code, err = run(capsys, *args)
    line = one_line(err)
    assert code == 2 and f"the folder {missing} does not exist" in line and "create it" in line
    assert not missing.exists()


@pytest.mark.parametrize("command", [
    ["events", "--since", "{date}"], ["articles", "--until", "{date}"], ["quotes", "--since", "{date}"],
    ["actors", "--since", "{date}"], ["timeline", "--since", "{date}"], ["dyad", "RUS", "AZE", "--until", "{date}"],
    ["network", "--since", "{date}"],
], ids=lambda c: " ".join(c[:2]))
@pytest.mark.parametrize("date", ["28/12/2024", "yesterday", "2024-13-01"])
def test_errors_bad_date(db: str, capsys, command: list[str], date: str):
    code, err = run(capsys, *[a.format(date=date) for a in command], "--db", db)
    line = one_line(err)
    assert code == 2 and "YYYY-MM-DD" in line and repr(date) in line


def damaged_copy(db: str, tmp_path: Path, how: str) -> Path:
    data = Path(db).read_bytes()
    out = tmp_path / f"{how}.duckdb"
    if how == "cut":  # a partial copy: the header and half of the rest
        out.write_bytes(data[: len(data) // 2])
    elif how == "garbage":  # the header of a store, then noise
        out.write_bytes(data[:4096] + bytes(range(256)) * 64)
    elif how == "text":
        out.write_text("not a store\n", encoding="utf-8")
    elif how == "folder":
        out.mkdir()
    return out


@pytest.mark.parametrize("how", ["cut", "garbage", "text", "folder"])
@pytest.mark.parametrize("command", [["events"], ["articles"], ["timeline"], ["dyad", "RUS", "AZE"], ["query", "SELECT 1"],
                                     ["export", "--format", "gdelt", "-o", "out.tsv"]], ids=lambda c: c[0])
def test_errors_damaged_store(db: str, tmp_path: Path, capsys, monkeypatch, how: str, command: list[str]):
    monkeypatch.chdir(tmp_path)
    bad = damaged_copy(db, tmp_path, how)
    before = bad.read_bytes() if bad.is_file() else None
    code, err = run(capsys, *command, "--db", str(bad))
    line = one_line(err)
    assert code in (1, 2) and str(bad) in line
    assert any(hint in line for hint in ("--db", "restore", "ingest")), line
    if before is not None:
        assert bad.read_bytes() == before, "a damaged store must be left as it was"


UNKNOWN_ACTOR_COMMANDS = [["events", "--actor", "{who}"], ["articles", "--actor", "{who}"],
                          ["quotes", "--actor", "{who}"], ["actors", "--actor", "{who}"],
                          ["timeline", "--actor", "{who}"], ["network", "--actor", "{who}"],
                          ["dyad", "{who}", "RUS"]]


@pytest.mark.parametrize("who", ["Putim", "Nobody Atall"])
def test_errors_unknown_actor_gets_one_answer_from_every_command(db: str, capsys, who: str):
    answers = set()
    for command in UNKNOWN_ACTOR_COMMANDS:
        code, err = run(capsys, *[a.format(who=who) for a in command], "--db", db)
        line = one_line(err)
        assert code == 2 and f"no actor matches {who!r}" in line, command
        answers.add(line)
    assert len(answers) == 1, answers
    if who == "Putim":
        assert "did you mean" in answers.pop()


@pytest.mark.parametrize("args", [["events", "--no-such-option"], ["events", "--limit", "many"], ["dyad", "RUS"],
                                  ["no-such-verb"]], ids=" ".join)
def test_errors_usage_mistakes_are_one_line_with_the_help_to_read(capsys, args: list[str]):
    code, err = run(capsys, *args)
    line = one_line(err)
    assert code == 2 and "--help" in line
