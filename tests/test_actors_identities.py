"""Identities people can read (issue 17): actor ids are slugs of the name, places, outlets,
organisations and common nouns are never people, and stores written with the former phonetic
ids keep working."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadwatch.actors.guards import ORG_NAME_WORDS
from dyadwatch.actors.kb import slug
from dyadwatch.actors.places import find_place
from dyadwatch.cli import cli
from dyadwatch.link import api as link_api
from dyadwatch.link.synthetic import actor, document, event
from dyadwatch.store import Store


def people(doc) -> dict[str, str]:
    return {a.name: a.id for a in doc.actors if a.type == "PERSON"}


@pytest.mark.parametrize("text,place", [
    ("The plane was hit by air defence fire over Grozny, the president said.", "Grozny"),
    ("At the time Grozny, Mozdok and Vladikavkaz were being attacked by drones.", "Mozdok"),
    ("Kazakhstan is expanding its ports at Aktau and Kuryk as traffic grows.", "Kuryk"),
    ("Armenia separates mainland Azerbaijan from its Nakhchivan exclave.", "Nakhchivan"),
    ("Iran offered a road to Nakhchivan, which Baku described as a lifeline.", "Nakhchivan"),
])
def test_identities_places_are_never_people(resolve, text: str, place: str):
    doc = resolve(text)
    assert place not in people(doc), people(doc)


@pytest.mark.parametrize("text,outlet,name", [
    ("Tigran Hovakimyan told Sevan Line that the disagreements were technical.", "Sevan Line", "Sevan Line"),
    ("\"The door is already closed,\" Tagiyev told the Chronicle's correspondent.", None, "Chronicle"),
    ("Anush Melkonyan, a researcher at the Ararat Policy Lab, described the talks.", None, "Ararat Policy Lab"),
    ("Investigators from Brazil, where the Embraer aircraft was built, joined them.", None, "Embraer"),
    ("Gasimzade saw no sign of a rift. \"Trains are running, and gas is flowing.\"", None, "Trains"),
])
def test_identities_outlets_organisations_and_common_nouns_are_never_people(resolve, text: str, outlet, name: str):
    doc = resolve(text, outlet=outlet)
    assert name not in people(doc), people(doc)
    assert all(name not in n for n in people(doc))


def test_identities_ids_are_slugs_of_the_name_as_written(resolve):
    doc = resolve("Armenian analyst Tigran Hovakimyan and Azerbaijani expert Vusal Tagiyev disagreed. "
                  "Hovakimyan said the treaty was close.")
    assert people(doc) == {"Tigran Hovakimyan": "tigran-hovakimyan", "Vusal Tagiyev": "vusal-tagiyev"}


def test_identities_of_the_demo_store_are_readable(demo_store: Path):
    res = CliRunner().invoke(cli, ["actors", "--db", str(demo_store), "--json"], catch_exceptions=False)
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    persons = [r for r in rows if r["type"] == "PERSON"]
    outlets = {r["outlet"] for r in map(json.loads, CliRunner().invoke(
        cli, ["articles", "--db", str(demo_store), "--json"]).stdout.splitlines()) if r["outlet"]}
    assert len(persons) >= 30
    for r in persons:
        named = r["name"][:1].isupper() and all(w[:1].isupper() or w in ("al", "bin") for w in r["name"].replace("-", " ").split())
        if named:  # a person by name (not a role such as "Azerbaijan's ambassador")
            assert r["id"] == slug(r["name"]), r
        assert r["name"] not in outlets and not (ORG_NAME_WORDS & set(r["name"].lower().split())), r
        place = find_place(r["name"])
        assert place is None or place.population < 50_000 or " " in r["name"], r
    ids = {r["id"] for r in rows}
    assert {"ilham-aliyev", "tigran-hovakimyan", "grozny"} <= ids
    assert not {"hrozni", "tihran-hovakimian"} & ids  # the former phonetic keys


def test_identities_a_store_with_former_phonetic_ids_keeps_working(tmp_path: Path):
    """A report stored with the former id (`tihran-hovakimian`) and one with the new id of the
    same person: linking makes them one identity, and either id finds both reports."""
    azerbaijan = actor("azerbaijan", "Azerbaijan", "COUNTRY", "AZE", ("Baku",))
    old = actor("tihran-hovakimian", "Tigran Hovakimyan", "PERSON", "ARM")
    new = actor("tigran-hovakimyan", "Tigran Hovakimyan", "PERSON", "ARM")
    docs = []
    for n, (who, day) in enumerate([(old, "2024-12-02"), (new, "2025-01-13")]):
        text = f"Tigran Hovakimyan criticised Baku on {day}."
        docs.append(document(f"doc-{n}", outlet="Made-up Wire", published=day + "T10:00", text=text,
                             actors=[who, azerbaijan],
                             events=[event(who, azerbaijan, "111", day, "Tigran Hovakimyan criticised Baku",
                                           goldstein=-2.0, text=text)]))
    db = tmp_path / "old.duckdb"
    with Store(db) as store:
        store.write(docs, "test")
    link_api.relink(db)
    for who in ("tihran-hovakimian", "tigran-hovakimyan", "Tigran Hovakimyan"):
        res = CliRunner().invoke(cli, ["events", "--db", str(db), "--actor", who, "--json"], catch_exceptions=False)
        assert res.exit_code == 0 and len(res.stdout.splitlines()) == 2, (who, res.stdout, res.stderr)
        timeline = link_api.timeline(db, actor=who)
        assert len(timeline) == 2, who
    from dyadwatch.api import query

    ids = query(db, "SELECT DISTINCT actor_id, global_id FROM actors WHERE type = 'PERSON' ORDER BY actor_id")
    assert list(ids["actor_id"]) == ["tigran-hovakimyan", "tihran-hovakimian"] and ids["global_id"].nunique() == 1
