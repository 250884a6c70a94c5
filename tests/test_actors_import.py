"""Importing PETRARCH/Phoenix dictionaries and resolving with them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadwatch.actors.phoenix import parse_code, parse_phoenix
from dyadwatch.actors.userdict import import_dictionaries

PHOENIX = Path(__file__).resolve().parents[2] / "shared" / "data" / "events" / "phoenix-dictionaries"

SAMPLE = """# an invented dictionary in the Phoenix layout
ZORAB_TESTOV_  # CountryInfo.txt
+ZORAB_TESTOFF_
\t[GEOGOV 050101-091231]
\t[GEOELI >100101]
NORTHERN_WIDGET_WORKS_ [RUSBUS]
KARTLI_LIBERATION_FRONT_ [GEOREB] # a group
FARMHAND [~AGR]
!PERSON! = MAN, WOMAN
"""


def test_phoenix_codes_and_dates():
    assert parse_code("AZEGOV 030804-031104").start == "2003-08-04"
    assert parse_code("AZEGOV >031031").start == "2003-10-31"
    assert parse_code("USRAZE <911018").end == "1991-10-18"
    assert parse_code("IGOUNO >20070101").start == "2007-01-01"
    assert parse_code("---") is None


def test_phoenix_entries_aliases_and_agents():
    parsed = parse_phoenix(SAMPLE)
    names = [e.name for e in parsed.entries]
    assert names == ["ZORAB TESTOV", "NORTHERN WIDGET WORKS", "KARTLI LIBERATION FRONT"]
    assert parsed.entries[0].aliases == ["ZORAB TESTOFF"]
    assert [c.code for c in parsed.entries[0].codes] == ["GEOGOV", "GEOELI"]
    assert parsed.agents[0].phrase == "farmhand" and parsed.agents[0].sector == "AGR"
    assert parsed.skipped == 1


def test_import_writes_people_orgs_and_groups(tmp_path):
    src = tmp_path / "sample.actors.txt"
    src.write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "dict.json"
    summary = import_dictionaries([src], out)
    data = json.loads(out.read_text(encoding="utf-8"))
    by_id = {a["id"]: a for a in data["actors"]}
    assert by_id["zorab-testov"]["type"] == "PERSON"
    assert by_id["zorab-testov"]["offices"][0] == {"title": "GEOGOV", "country": "GEO", "sector": "GOV", "start": "2005-01-01", "end": "2009-12-31"}
    assert by_id["northern-widget-works"]["type"] == "ORG" and by_id["northern-widget-works"]["country"] == "RUS"
    assert by_id["kartli-liberation-front"]["type"] == "GROUP"
    assert summary.people == 1 and summary.agents == 1


def _resolve(text: str, published: str, dict_path: Path):
    from dyadwatch.actors.kb import load_kb
    from dyadwatch.actors.resolve import resolve_actors
    from dyadwatch.nlp import load_english

    try:
        nlp = load_english()
    except Exception as exc:  # noqa: BLE001 - any model failure means: skip with the reason
        pytest.skip(f"spaCy English model not available: {exc}")
    return resolve_actors(nlp(text), published=published, kb=load_kb(str(dict_path)))


def test_imported_people_resolve_with_dated_codes(tmp_path):
    src = tmp_path / "sample.actors.txt"
    src.write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "dict.json"
    import_dictionaries([src], out)
    actors = _resolve("Zorab Testoff met managers of Northern Widget Works in Tbilisi.", "2007-05-05", out)
    by_id = {a.id: a for a in actors}
    assert by_id["zorab-testov"].code == "GEOGOV"
    assert by_id["northern-widget-works"].code == "RUSBUS"
    later = {a.id: a for a in _resolve("Zorab Testov spoke.", "2012-01-01", out)}
    assert later["zorab-testov"].code == "GEOELI"


def test_import_real_phoenix_files(tmp_path):
    if not (PHOENIX / "Phoenix.Countries.actors.txt").is_file():
        pytest.skip("../shared/data/events/phoenix-dictionaries not found")
    out = tmp_path / "phoenix.json"
    summary = import_dictionaries([PHOENIX / "Phoenix.Countries.actors.txt", PHOENIX / "Phoenix.agents.txt"], out)
    assert summary.people > 10000 and summary.countries_extended > 150 and summary.agents > 1000
    actors = {a.id: a for a in _resolve("Abulfez Elchibey addressed the crowd.", "1993-01-10", out)}
    assert actors["abulfez-elchibey"].code == "AZEGOV"


def test_cli_import_and_show(tmp_path, monkeypatch):
    from dyadwatch.cli import cli

    src = tmp_path / "sample.actors.txt"
    src.write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "dict.json"
    runner = CliRunner()
    result = runner.invoke(cli, ["actors", "import", str(src), "--dict", str(out), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output.splitlines()[0])["people"] == 1
    monkeypatch.setenv("DYADWATCH_ACTOR_DICT", str(out))
    shown = runner.invoke(cli, ["actors", "show", "Testoff", "--date", "2007-01-01", "--json"])
    assert shown.exit_code == 0, shown.output
    row = json.loads(shown.output.splitlines()[0])
    assert row["id"] == "zorab-testov" and row["code"] == "GEOGOV" and row["source"] == "user"
