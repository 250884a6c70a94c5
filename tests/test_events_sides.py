"""Who is on each side: several subjects, unnamed objects, datelines, reports and victims."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def run():
    from dyadwatch.errors import ModelMissing
    from dyadwatch.nlp import load_english
    from dyadwatch.pipeline import run_text

    try:
        load_english()
    except ModelMissing as e:
        pytest.skip(f"no English spaCy model: {e}")
    return lambda text: run_text(text, published="2024-05-01")


def side_names(doc, side):
    if side is None or not side.actor_id:
        return set()
    actor = next((a for a in doc.actors if a.id == side.actor_id), None)
    assert actor is not None, f"side {side.actor_id} is not an actor of the document"
    return {actor.name.lower()} | {m.text.lower() for m in actor.mentions}


def test_sides_coordinated_reactions_are_each_ones_own(run):
    doc = run("Norway and Chile also voiced concern over the new mining rules.")
    sources = {e.source.country for e in doc.events if e.source}
    assert {"NOR", "CHL"} <= sources
    assert not any(e.source and e.target and {e.source.country, e.target.country} == {"NOR", "CHL"} for e in doc.events)


def test_sides_mutual_acts_still_bind_their_subjects(run):
    doc = run("Ghana and Togo signed a border agreement on Monday.")
    assert any(e.source and e.target and {e.source.country, e.target.country} == {"GHA", "TGO"} for e in doc.events)


def test_sides_a_failed_agreement_is_between_its_parties(run):
    doc = run("Peru and Ecuador failed to reach agreement on fishing quotas.")
    assert any(e.plover == "REJECT" and e.source and e.target and {e.source.country, e.target.country} == {"PER", "ECU"}
               for e in doc.events)


def test_sides_an_unnamed_object_is_a_side_with_its_words(run):
    doc = run("The Malian junta freed forty detained opposition activists on Sunday.")
    (event,) = [e for e in doc.events if e.source and e.source.country == "MLI"]
    assert any("activists" in n for n in side_names(doc, event.target))
    assert event.target.country is None  # nobody says whose activists: no country is guessed


def test_sides_every_side_points_to_an_actor_with_a_mention(run):
    doc = run("Hundreds of nurses marched through Lusaka demanding higher pay, and police detained twelve of them.")
    assert doc.events
    for e in doc.events:
        for side in (e.source, e.target):
            if side is not None and side.actor_id:
                side_names(doc, side)


def test_sides_the_country_of_a_dateline_is_no_side(run):
    doc = run("MAPUTO, Mozambique -- Insurgents attacked a police post in Cabo Delgado province, killing four officers.")
    assert not any(e.source and e.source.name == "Mozambique" for e in doc.events)


def test_sides_an_act_noun_or_weapon_is_no_target(run):
    doc = run("Gunmen opened rocket fire on the convoy near the border.")
    for e in doc.events:
        assert not any(w in n for n in side_names(doc, e.target) for w in ("rocket", "fire"))
