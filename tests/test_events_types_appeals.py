"""Appeals read by their construction: asking third parties to punish or oppose someone rallies
opposition against that someone (113); "pushed for X to do" is a demand on X; "called for X to
do" an appeal to X; a reminder issued to X is a demand on X."""
from __future__ import annotations

from tests.events.support import coded


def test_events_types_calling_for_sanctions_against_a_state_rallies_opposition_to_it():
    got = coded("Ostrava on Monday called for sanctions against Valdoria over the mass arrests.")
    assert ("113", "OST", "VAL") in got


def test_events_types_calling_for_an_inquiry_stays_an_appeal():
    got = coded("Ostrava on Monday called for an inquiry into the mass arrests.")
    assert any(code == "020" for code, _, _ in got)
    assert not any(code == "113" for code, _, _ in got)


def test_events_types_calling_on_others_to_unite_against_a_state_rallies_opposition():
    got = coded("Ostrava called on its neighbours to unite and stand against Valdoria.")
    assert ("113", "OST", "VAL") in got


def test_events_types_pushing_for_another_state_to_act_is_a_demand_on_it():
    got = coded("Ostrava is pushing hard for Valdoria to reopen the border crossings.")
    assert ("100", "OST", "VAL") in got


def test_events_types_calling_for_another_state_to_act_is_an_appeal_to_it():
    got = coded("Ostrava called for Valdoria to return to the negotiating table.")
    assert any(code.startswith("02") and src == "OST" and tgt == "VAL" for code, src, tgt in got)


def test_events_types_issuing_a_reminder_to_a_state_is_a_demand():
    got = coded("Ostrava issued a sharp reminder to Valdoria that it must respect the border treaty.")
    assert ("100", "OST", "VAL") in got
