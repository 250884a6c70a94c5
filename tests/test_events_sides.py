"""Who is on each side: several subjects, unnamed objects, datelines, reports and victims."""
from __future__ import annotations


def side_names(doc, side):
    if side is None or not side.actor_id:
        return set()
    actor = next((a for a in doc.actors if a.id == side.actor_id), None)
    assert actor is not None, f"side {side.actor_id} is not an actor of the document"
    return {actor.name.lower()} | {m.text.lower() for m in actor.mentions}


def test_sides_coordinated_reactions_are_each_ones_own(english_run):
    doc = english_run("Norway and Chile also voiced concern over the new mining rules.")
    sources = {e.source.country for e in doc.events if e.source}
    assert {"NOR", "CHL"} <= sources
    assert not any(e.source and e.target and {e.source.country, e.target.country} == {"NOR", "CHL"} for e in doc.events)


def test_sides_mutual_acts_still_bind_their_subjects(english_run):
    doc = english_run("Ghana and Togo signed a border agreement on Monday.")
    assert any(e.source and e.target and {e.source.country, e.target.country} == {"GHA", "TGO"} for e in doc.events)


def test_sides_a_failed_agreement_is_between_its_parties(english_run):
    doc = english_run("Peru and Ecuador failed to reach agreement on fishing quotas.")
    assert any(e.plover == "REJECT" and e.source and e.target and {e.source.country, e.target.country} == {"PER", "ECU"}
               for e in doc.events)


def test_sides_an_unnamed_object_is_a_side_with_its_words(english_run):
    doc = english_run("The Malian junta freed forty detained opposition activists on Sunday.")
    (event,) = [e for e in doc.events if e.source and e.source.country == "MLI"]
    assert any("activists" in n for n in side_names(doc, event.target))
    assert event.target.country is None  # nobody says whose activists: no country is guessed


def test_sides_every_side_points_to_an_actor_with_a_mention(english_run):
    doc = english_run("Hundreds of nurses marched through Lusaka demanding higher pay, and police detained twelve of them.")
    assert doc.events
    for e in doc.events:
        for side in (e.source, e.target):
            if side is not None and side.actor_id:
                side_names(doc, side)


def test_sides_the_country_of_a_dateline_is_no_side(english_run):
    doc = english_run("MAPUTO, Mozambique -- Insurgents attacked a police post in Cabo Delgado province, killing four officers.")
    assert not any(e.source and e.source.name == "Mozambique" for e in doc.events)


def test_sides_an_act_noun_or_weapon_is_no_target(english_run):
    doc = english_run("Gunmen opened rocket fire on the convoy near the border.")
    for e in doc.events:
        assert not any(w in n for n in side_names(doc, e.target) for w in ("rocket", "fire"))


def test_sides_coordinated_clauses_each_get_their_own_event(english_run):
    doc = english_run("Panama suspended relations with Venezuela and Peru recalled its ambassador.")
    first = [e for e in doc.events if e.source and e.source.country == "PAN"]
    assert first and all(e.target is None or e.target.country != "PER" for e in first)
    assert any(e.source and e.source.country == "PER" for e in doc.events)
    assert not any(e.source and e.source.country == "VEN" for e in doc.events)


def test_sides_plural_anaphora_resolve_to_the_pair_named_before(english_run):
    doc = english_run("Moldovan and Romanian leaders met in Iasi on Friday. The two leaders agreed to open a new bridge.")
    agreed = [e for e in doc.events if e.plover == "AGREE"]
    assert agreed and {agreed[0].source.country, agreed[0].target.country} == {"MDA", "ROU"}


def test_sides_a_report_is_no_actor(english_run):
    doc = english_run("A report released in Nairobi accused Somalia of blocking aid convoys.")
    assert not any(e.source and "report" in (e.source.name or "").lower() for e in doc.events)
    assert not any(e.source and e.source.country == "KEN" for e in doc.events)
    doc = english_run("A report by Human Rights Watch accused Somalia of blocking aid convoys.")
    assert any(e.plover == "ACCUSE" and e.source and "Human Rights Watch" in (e.source.name or "") for e in doc.events)


def test_sides_victims_are_targets_not_sources(english_run):
    doc = english_run("Four Chadian soldiers were killed near Lake Chad on Sunday.")
    assert doc.events and all(e.source is None or e.source.country != "TCD" for e in doc.events)
    assert any(e.target and e.target.country == "TCD" for e in doc.events)
