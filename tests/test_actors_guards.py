"""Named-entity guards and the side classes of news English: datelines, hyphenated given
names, cities and outlets that are no persons, a title with its name in apposition, the place
"the city of X" names, and what violence falls on."""
from __future__ import annotations

import pytest


def names_of(doc, side):
    actor = next((a for a in doc.actors if side is not None and a.id == side.actor_id), None)
    return set() if actor is None else {actor.name.lower()} | {m.text.lower() for m in actor.mentions}


@pytest.mark.parametrize("text, filed", [
    ("ROME (Reuters) - Italy summoned the envoy.", "ROME (Reuters) - "),
    ("HANOI, June 9 (AP) - Vietnam protested.", "HANOI, June 9 (AP) - "),
    ("QUITO, Ecuador -- The court ruled.", "QUITO, Ecuador -- "),
    ("Dakar, May 2, APS - The minister spoke.", "Dakar, May 2, APS - "),
])
def test_guards_dateline_spans_cover_place_date_and_agency(text, filed):
    from dyadwatch.actors.guards import dateline_spans

    assert [text[a:b] for a, b in dateline_spans(text)] == [filed]


@pytest.mark.parametrize("text", ["EU - the bloc said", "Rome - a city of hills", "NATO leaders met in Vilnius."])
def test_guards_no_dateline_without_a_place_in_capitals_or_a_date(text):
    from dyadwatch.actors.guards import dateline_spans

    assert dateline_spans(text) == []


def test_guards_a_wire_dateline_is_no_actor_and_no_source(english_run):
    doc = english_run("LIMA, March 4 (AFP) - Peruvian police detained two Bolivian smugglers near the border.")
    assert not any(m.start < doc.text.index("-") for a in doc.actors for m in a.mentions)
    assert doc.events and all(e.source is None or e.source.country == "PER" for e in doc.events)


def test_guards_a_dateline_the_parse_takes_for_a_subject_is_dropped(english_run):
    doc = english_run("NAIROBI (Reuters) - A court in Kenya has quashed the conviction of an opposition senator.")
    sources = [names_of(doc, e.source) for e in doc.events]
    assert sources and all("nairobi" not in " ".join(s) and "reuters" not in " ".join(s) for s in sources)
    assert any(any("court" in n for n in s) for s in sources)


def test_guards_a_hyphenated_given_name_stays_one_person(english_run):
    doc = english_run("Abdul-Karim Haddad met the mayor of Tunis on Friday.")
    people = [a for a in doc.actors if a.type == "PERSON" and "haddad" in a.name.lower()]
    assert len(people) == 1 and people[0].mentions[0].text == "Abdul-Karim Haddad"
    assert not any(a.type in ("LOCATION", "COUNTRY") and a.mentions[0].text.startswith("Abdul") for a in doc.actors)


def test_guards_a_hyphenated_title_is_not_a_given_name(english_run):
    doc = english_run("Vice-President Mary Okoro visited Accra.")
    person = next(a for a in doc.actors if a.type == "PERSON")
    assert person.name == "Mary Okoro"


def test_guards_a_city_written_as_a_place_is_no_person(english_run):
    doc = english_run("Aid trucks waited for days at the Rafah crossing while talks went on in Cairo.")
    assert not any(a.type == "PERSON" and "rafah" in a.name.lower() for a in doc.actors)


def test_guards_an_outlet_is_no_person(english_run):
    doc = english_run("Interfax reported that Georgia had detained a Russian journalist.")
    assert not any(a.type == "PERSON" and a.name == "Interfax" for a in doc.actors)
    assert all("interfax" not in names_of(doc, e.source) for e in doc.events)


@pytest.mark.parametrize("text, name, country", [
    ("The prime minister of Nepal, Sher Deuba, criticized India over the border map.", "deuba", "NPL"),
    ("Senegal's foreign minister, Aissata Sall, accused Mali of hosting armed groups.", "sall", "SEN"),
])
def test_sides_a_title_and_the_name_in_apposition_are_one_source(english_run, text, name, country):
    doc = english_run(text)
    (event,) = [e for e in doc.events if e.plover == "ACCUSE"]
    assert any(name in n for n in names_of(doc, event.source))
    assert event.source.country == country


def test_sides_the_city_of_x_is_the_place_named(english_run):
    doc = english_run("Rebels shelled the Syrian town of Saraqib on Tuesday.")
    (event,) = [e for e in doc.events if e.plover == "ASSAULT"]
    assert "saraqib" in names_of(doc, event.target) and event.target.country == "SYR"


def test_sides_violence_falls_on_what_was_struck_in_its_place(english_run):
    doc = english_run("Kenyan jets bombed militant camps in southern Somalia.")
    (event,) = [e for e in doc.events if e.plover == "ASSAULT"]
    assert any("camps" in n for n in names_of(doc, event.target))
    assert event.target.country == "SOM"


@pytest.mark.parametrize("text, name", [
    ("Samoan Prime Minister Fiame Naomi Mata'afa visited Fiji on Monday.", "Fiame Naomi Mata'afa"),
    ("Samoan Prime Minister Fiame Naomi Mata'afa thanked Japan on Wednesday for its help.", "Fiame Naomi Mata'afa"),
])
def test_guards_a_name_after_a_title_of_office_is_a_person_even_when_ner_misses_it(resolve, text, name):
    doc = resolve(text)
    assert any(a.type == "PERSON" and a.name == name and a.country == "WSM" for a in doc.actors), [(a.name, a.type) for a in doc.actors]
