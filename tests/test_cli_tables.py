"""Tables that fit the terminal, and the same rows as JSON Lines, CSV and TSV."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from dyadwatch.cli import cli, main
from dyadwatch.cli.table import cell_text, cut, layout, render, share

DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def invoke(*args: str, width: int = 120):
    return CliRunner(env={"COLUMNS": str(width)}).invoke(cli, list(args), catch_exceptions=False)


def test_table_cut_ends_in_an_ellipsis_within_the_width():
    assert cut("a fairly long sentence", 10) == "a fairly…"
    assert cell_len(cut("a fairly long sentence", 10)) <= 10
    assert cut("short", 10) == "short"


def test_table_cells_show_days_short_hashes_and_one_line():
    assert cell_text("2024-12-28T11:30:00+04:00") == "2024-12-28"
    assert cell_text("sha256:" + "ab12" * 16) == "ab12ab12ab"
    assert cell_text("two\nlines") == "two lines"
    assert cell_text(["TASS", "Azertac"]) == "TASS, Azertac"


def test_table_share_gives_narrow_columns_what_they_want():
    assert share(30, [5, 40]) == [5, 25]
    got = share(30, [40, 40], [2, 1])
    assert got[0] > got[1] and sum(got) == 30


def test_table_layout_leaves_out_text_columns_that_cannot_fit():
    header = ["date", "a", "b", "c"]
    cells = [["2024-01-01", "x" * 30, "y" * 30, "z" * 30]]
    plan = layout(header, cells, 30)
    assert plan.columns[0] == "date" and plan.hidden
    assert sum(plan.widths) + 2 * (len(plan.columns) - 1) <= 30


def test_table_render_never_breaks_a_date_and_keeps_width():
    rows = [{"date": "2025-01-06", "who": "Somebody with a very long name indeed", "what": "w" * 200}]
    lines, hidden = render(rows, ["date", "who", "what"], 40)
    assert not hidden
    assert all(cell_len(line) <= 40 for line in lines)
    assert lines[2].startswith("2025-01-06")


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("verb", ["events", "quotes", "timeline"])
def test_demo_tables_fit_the_terminal_without_broken_dates(demo_store: Path, verb: str, width: int):
    res = invoke(verb, "--db", str(demo_store), "--limit", "15", width=width)
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert len(lines) == 15 + 3  # title, header, rule, one line per row
    assert all(cell_len(line) <= width for line in lines)
    assert all(re.match(r"\d{4}(?:-W?\d{2})?(?:-\d{2})?\s", line) for line in lines[3:])
    assert "note: no room" not in res.stderr
    rows = [json.loads(x) for x in invoke(verb, "--db", str(demo_store), "--limit", "15", "--json").stdout.splitlines()]
    key = "published" if verb == "quotes" else "date"
    for line, row in zip(lines[3:], rows):
        assert line.split()[0] == cell_text(row[key]), line  # the whole date, never cut or wrapped


def test_demo_events_table_names_the_outlet_and_columns_choose(demo_store: Path, capsys):
    res = invoke("events", "--db", str(demo_store), "--columns", "date,outlet,url", "--limit", "5")
    assert res.exit_code == 0
    assert res.stdout.splitlines()[1].split() == ["date", "outlet", "url"]
    with pytest.raises(SystemExit) as exit_info:
        main(["events", "--db", str(demo_store), "--columns", "date,nonsense"])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2 and "nonsense" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("verb", ["articles", "actors", "quotes", "events", "timeline", "network"])
def test_demo_listings_answer_json_csv_and_tsv_alike(demo_store: Path, verb: str):
    as_json = [json.loads(x) for x in invoke(verb, "--db", str(demo_store), "--json").stdout.splitlines()]
    as_csv = list(csv.DictReader(io.StringIO(invoke(verb, "--db", str(demo_store), "--csv").stdout)))
    tsv = invoke(verb, "--db", str(demo_store), "--tsv").stdout.splitlines()
    assert as_json and len(as_json) == len(as_csv) == len(tsv) - 1
    assert list(as_csv[0]) == list(as_json[0]) == tsv[0].split("\t")
    assert all(len(line.split("\t")) == len(as_json[0]) for line in tsv)


def test_json_keeps_full_document_ids(demo_store: Path):
    rows = [json.loads(x) for x in invoke("events", "--db", str(demo_store), "--json", "--limit", "3").stdout.splitlines()]
    assert all(r["doc_id"].startswith("sha256:") and len(r["doc_id"]) == 71 for r in rows)


def test_csv_cells_never_start_a_formula(tmp_path: Path):
    from dyadwatch.cli.output import delimited_cell

    assert delimited_cell("=HYPERLINK(1)", ",") == "'=HYPERLINK(1)"
    assert delimited_cell(-2.0, ",") == -2.0
    assert delimited_cell("a\tb\nc", "\t") == "a b c"
