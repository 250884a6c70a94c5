"""The cross-document verbs on the command line: link, timeline, dyad, network."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from dyadwatch.cli import cli, main
from dyadwatch.link.synthetic import crash_corpus
from dyadwatch.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("cli") / "links.duckdb"
    with Store(path) as store:
        store.write(crash_corpus(), "test")
    return str(path)


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_link_cli_link_then_timeline_json(db: str):
    res = invoke("link", "--db", db)
    assert res.exit_code == 0
    assert "linked events" in res.stderr
    res = invoke("timeline", "--db", db, "--json")
    assert res.exit_code == 0
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    call = [r for r in rows if r["cameo"].startswith("04")]
    assert len(call) == 1 and call[0]["date"] == "2024-12-28"
    assert set(call[0]["outlets"]) == {"TASS", "Azertac", "Caucasian Knot"}
    assert call[0]["evidence"] and call[0]["goldstein"] == pytest.approx(1.9)
    assert "note:" not in res.stderr  # links are current after `link`


def test_link_cli_timeline_actor_variant_and_dates(db: str):
    invoke("link", "--db", db)
    res = invoke("timeline", "--db", db, "--actor", "Aliev", "--since", "2025-01-01", "--json")
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["cameo"] for r in rows] == ["111"]
    assert rows[0]["source"] == "Ilham Aliyev" and rows[0]["reports"] == 2


def test_link_cli_timeline_table_and_export(db: str, tmp_path: Path):
    out = tmp_path / "timeline.csv"
    res = invoke("timeline", "--db", db, "-o", str(out))
    assert res.exit_code == 0
    assert "Vladimir Putin" in res.stdout and "TASS" in res.stdout
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert header.replace('"', "").startswith("date,source,target,cameo")


def test_link_cli_dyad_json_and_plot(db: str, tmp_path: Path):
    chart = tmp_path / "dyad.png"
    res = invoke("dyad", "RUS", "AZE", "--db", db, "--by", "week", "--json", "--plot", str(chart))
    assert res.exit_code == 0
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert {r["direction"] for r in rows} == {"RUS->AZE", "AZE->RUS"}
    weeks = {(r["period"], r["direction"]): r for r in rows}
    assert weeks[("2024-12-23", "RUS->AZE")]["events"] == 2
    assert weeks[("2025-01-06", "AZE->RUS")]["verbal_conflict"] == 1
    assert weeks[("2025-01-06", "RUS->AZE")]["goldstein_mean"] is None
    assert chart.stat().st_size > 5000 and chart.read_bytes().startswith(b"\x89PNG")


def test_link_cli_network_graphml_and_json(db: str, tmp_path: Path):
    graphml = tmp_path / "net.graphml"
    res = invoke("network", "--db", db, "--graphml", str(graphml), "--graph-json")
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    edges = [json.loads(line) for line in invoke("network", "--db", db, "--json").stdout.splitlines()]
    assert len(edges) == len(data["edges"]) and all("weight" in e for e in edges)
    graph = nx.read_graphml(graphml)
    assert {n["id"] for n in data["nodes"]} == set(graph.nodes)
    assert graph.edges["vladimir-putin", "ilham-aliyev"]["weight"] == 2


def test_link_cli_unknown_actor_is_a_usage_error(db: str, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["timeline", "--db", db, "--actor", "Nobody Atall"])
    assert exit_info.value.code == 2
    assert "no actor matches" in capsys.readouterr().err


def test_link_cli_missing_store_says_what_to_do(tmp_path: Path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["timeline", "--db", str(tmp_path / "none.duckdb")])
    assert exit_info.value.code == 2
    assert "dyadwatch ingest" in capsys.readouterr().err
    assert not (tmp_path / "none.duckdb").exists()
