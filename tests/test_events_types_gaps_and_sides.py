"""Acts news English names with verbs the patterns once lacked (signing, resuming, lifting a
suspension or blockade, suspending aid, ceasing fire), armed acts done jointly with an ally,
and plural phrases ("the two leaders") after a list of more than two names."""
from __future__ import annotations

from tests.events.support import coded, make_doc


def _codes(text: str) -> set[tuple[str, str | None, str | None]]:
    return coded(text)


def test_events_gaps_resumed_joint_inspections_are_cooperation_each_way():
    got = _codes("Customs officers from Valdoria and Ostrava resumed joint inspections at the border crossing on Monday.")
    assert {("060", "VAL", "OST"), ("060", "OST", "VAL")} <= got


def test_events_gaps_resumed_cooperation_is_cooperation():
    got = _codes("Valdoria resumed security cooperation with Ostrava on Monday.")
    assert ("060", "VAL", "OST") in got


def test_events_gaps_resumed_aid_is_aid():
    assert ("070", "VAL", "OST") in _codes("Valdoria resumed aid to Ostrava after a year.")


def test_events_gaps_lifting_a_suspension_eases_a_sanction():
    assert any(code == "081" and src == "VAL" for code, src, _ in _codes("Valdoria lifted the suspension of two radio stations on Friday."))


def test_events_gaps_lifting_punitive_measures_eases_sanctions():
    assert any(code == "085" and src == "VAL" for code, src, _ in _codes("Valdoria began lifting the punitive measures against Ostrava."))


def test_events_gaps_lifting_a_blockade_eases_it():
    assert any(code == "0872" and src == "VAL" for code, src, _ in _codes("Valdoria lifted its blockade of Ostravan ports on Monday."))


def test_events_gaps_suspending_aid_commitments_stops_aid_not_coerces():
    got = _codes("Valdoria suspended new development aid commitments to Ostrava over the border dispute.")
    assert ("162", "VAL", "OST") in got
    assert not any(code.startswith("17") for code, _, _ in got)


def test_events_gaps_two_sides_ceasing_fire_is_a_truce_each_way():
    got = _codes("Valdoria and Ostrava stopped firing across the border on Saturday.")
    assert {("0871", "VAL", "OST"), ("0871", "OST", "VAL")} <= got


def test_events_gaps_a_truce_in_a_place_keeps_the_place_as_its_front():
    got = _codes("Valdoria and Ostrava announced a ceasefire in Marvane on Thursday.")
    assert ("0871", "VAL", "MRV") in got


def test_events_joint_offensive_with_an_ally_against_a_foe():
    got = _codes("The Valdorian army launched a joint offensive with Ostravan troops against rebels in Marvane.")
    assert ("062", "VAL", "OST") in got
    assert not any(code.startswith(("18", "19", "20")) and tgt == "OST" for code, _, tgt in got)


def test_events_joint_the_ally_of_a_plain_offensive_is_not_assaulted():
    got = _codes("The Valdorian army launched a joint operation with Ostravan forces against rebel positions.")
    assert not any(code.startswith("19") and tgt == "OST" for code, _, tgt in got)


def test_events_an_offensive_with_no_ally_keeps_its_target():
    got = _codes("The Valdorian army launched an offensive against Ostravan positions.")
    assert ("190", "VAL", "OST") in got


def _pair_events(text: str, actors: dict) -> set[tuple[str, str | None, str | None]]:
    from dyadwatch.events.coder import code_parse

    doc, parse = make_doc(text, actors)
    return {(e.cameo, e.source and e.source.code, e.target and e.target.code) for e in code_parse(doc, parse).events}


THREE = {"Valdoria": ("VAL", "VAL", "COUNTRY"), "Ostrava": ("OST", "OST", "COUNTRY"), "Marvane": ("MRV", "MRV", "COUNTRY")}


def test_events_plural_the_two_leaders_after_two_names_are_the_pair():
    got = _pair_events("The presidents of Valdoria and Ostrava met on Monday. The two leaders agreed to build a railway.",
                       {k: v for k, v in THREE.items() if k != "Marvane"})
    assert any(code.startswith("03") and {src, tgt} == {"VAL", "OST"} for code, src, tgt in got)


def test_events_plural_the_two_leaders_after_three_names_are_no_guess():
    got = _pair_events("The presidents of Valdoria, Ostrava and Marvane met on Monday. The two leaders agreed to build a railway.", THREE)
    assert not any(code.startswith("03") for code, _, _ in got)


def test_events_plural_two_persons_in_a_longer_list_are_the_two_leaders():
    actors = {**THREE, "Ana Rojas": ("VAL", "VALGOV", "PERSON"), "Ivo Petrov": ("OST", "OSTGOV", "PERSON")}
    got = _pair_events("Ana Rojas, Ivo Petrov and Marvane held a summit on Monday. The two leaders agreed to build a railway.", actors)
    assert any(code.startswith("03") and {src, tgt} == {"VALGOV", "OSTGOV"} for code, src, tgt in got)
    assert not any(code.startswith("03") and "MRV" in (src, tgt) for code, src, tgt in got)


def test_events_protest_aim_named_by_a_demand_on_the_march():
    actors = {"Valdoria": ("VAL", "VAL", "COUNTRY"), "Ana Rojas": ("VAL", "VALGOV", "PERSON")}
    got = _pair_events("Thousands of Valdorian opposition supporters marched on Saturday demanding the resignation of President Ana Rojas.", actors)
    assert any(code.startswith("14") and tgt == "VALGOV" for code, _, tgt in got)


def test_events_protest_aim_named_by_outside():
    got = _codes("Hundreds of students rallied outside the Ostravan embassy in the capital on Monday.")
    assert any(code.startswith("14") and tgt == "OST" for code, _, tgt in got)


def test_events_protest_aim_named_by_in_protest_against():
    got = _codes("Dockworkers rioted overnight in protest against an Ostravan plan to buy the port.")
    assert any(code.startswith("14") and tgt == "OST" for code, _, tgt in got)


def test_events_protest_aim_is_not_read_from_a_clause_with_its_own_subject():
    got = _codes("Rioters rampaged through the capital after the Ostravan parliament elected a new speaker.")
    assert not any(code.startswith("14") and tgt == "OST" for code, _, tgt in got)
