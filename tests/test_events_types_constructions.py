"""Constructions of news English that carry an event type without a plain verb pattern:
failing to reach agreement, petition drives, blocking traffic, "resorted to" an act, forcing
an agency "out of" a country, crowd nouns with a nationality adjective, fighters who "were
demobilized", human shields, travelling for talks."""
from __future__ import annotations

from tests.events.support import coded


def _roots(text: str) -> set[str]:
    return {c[:2] for c, _, _ in coded(text)}


def test_events_types_failing_to_reach_agreement_is_a_rejection_between_the_parties():
    got = coded("Valdoria and Ostrava failed to reach agreement over grazing rights after a week of haggling.")
    assert any(code == "120" and {src, tgt} == {"VAL", "OST"} for code, src, tgt in got)


def test_events_types_reaching_agreement_is_not_a_rejection():
    assert "12" not in _roots("Valdoria and Ostrava reached agreement on the water dispute on Sunday.")


def test_events_types_collecting_signatures_is_political_dissent():
    got = coded("The Valdorian opposition began collecting signatures against the new tax law.")
    assert any(code == "140" and src == "VAL" for code, src, _ in got)


def test_events_types_blocking_traffic_is_an_obstruction_protest():
    got = coded("Valdorian farmers blocked traffic into the capital on Monday.")
    assert any(code == "144" and src == "VAL" for code, src, _ in got)


def test_events_types_resorted_to_throwing_stones_keeps_the_throwers():
    got = coded("Valdorian dockworkers resorted to throwing stones at Ostravan guards at the checkpoint.")
    assert ("145", "VAL", "OST") in got


def test_events_types_forcing_an_agency_out_of_a_country_expels_it():
    got = coded("In March Valdoria forced the Red Crescent mission out of the country.")
    assert ("1663", "VAL", "NGOHLHIRC") in got


def test_events_types_forcing_people_out_of_their_homes_is_an_expulsion_of_individuals():
    got = coded("Valdorian soldiers forced Ostravan families out of their homes near the border.")
    assert ("174", "VAL", "OST") in got


def test_events_types_riots_named_by_a_noun_take_their_crowd_as_source():
    got = coded("Valdorian riots against Ostravan trade policies continued for a third day.")
    assert ("145", "VAL", "OST") in got


def test_events_types_a_war_named_by_a_noun_does_not_take_a_place_adjective_as_its_author():
    got = coded("Thousands fled the Valdorian war last year.")
    assert not any(src == "VAL" for _, src, _ in got)


def test_events_types_riot_police_are_not_a_riot():
    got = coded("Valdorian riot police fired tear gas at Ostravan students on Monday.")
    assert not any(code.startswith("14") for code, _, _ in got)


def test_events_types_fighters_who_were_demobilized_demobilized_themselves():
    got = coded("Two thousand Valdorian rebels have been demobilized since the peace accord.")
    assert any(code == "0873" and src == "VAL" for code, src, _ in got)


def test_events_types_holding_civilians_as_human_shields():
    got = coded("Valdorian troops have been holding Ostravan villagers as human shields near the front.")
    assert ("184", "VAL", "OST") in got


def test_events_types_travelling_for_talks_is_a_meeting():
    got = coded("Valdorian and Ostravan delegates travel to Vienna on Thursday for talks about fishing quotas.")
    assert any(code == "040" for code, _, _ in got)
