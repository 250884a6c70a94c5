"""A verb's CAMEO sense read from what it acts on: places captured are taken by force (an
assault, 190; holding or annexing them is occupation, 192), people
captured are arrested; charges are legal action, arrests are coercion; agreeing to a ceasefire
states an intent, declaring one is the truce; banning a gathering restricts it, dispersing it
represses it; withdrawing peacekeepers or inspectors ends that involvement."""
from __future__ import annotations

from tests.events.support import coded


def _cameo(text: str) -> set[str]:
    return {c for c, _, _ in coded(text)}


def test_events_types_capturing_a_stronghold_is_an_assault():
    got = _cameo("Valdorian troops captured a rebel stronghold near the river on Tuesday.")
    assert "190" in got and "192" not in got


def test_events_types_annexing_territory_is_occupation():
    assert "192" in _cameo("Valdoria annexed the northern province of Ostrava on Tuesday.")


def test_events_types_capturing_soldiers_is_an_arrest_not_an_occupation():
    got = _cameo("Valdorian troops captured six Ostravan soldiers near the river on Tuesday.")
    assert "173" in got and "192" not in got


def test_events_types_indictment_is_legal_action_not_arrest():
    got = coded("A Valdorian court indicted the Ostravan defence minister on Monday.")
    assert any(code == "115" for code, _, _ in got)
    assert not any(code == "173" for code, _, _ in got)


def test_events_types_arrest_stays_coercion():
    assert "173" in _cameo("Valdorian police arrested two Ostravan journalists on Monday.")


def test_events_types_agreeing_to_a_ceasefire_is_intent_to_de_escalate():
    got = _cameo("Valdoria and Ostrava agreed to a ceasefire on Sunday after a week of clashes.")
    assert "0356" in got and "0871" not in got


def test_events_types_declaring_a_ceasefire_is_the_truce_itself():
    assert "0871" in _cameo("Valdoria declared a ceasefire on Sunday after a week of clashes.")


def test_events_types_banning_a_rally_restricts_assembly():
    got = _cameo("Valdorian police banned a rally planned by opposition students for Friday.")
    assert "1721" in got and "175" not in got


def test_events_types_dispersing_a_rally_is_violent_repression():
    assert "175" in _cameo("Valdorian police dispersed a rally of opposition students on Friday.")


def test_events_types_withdrawing_inspectors_ends_their_involvement():
    got = coded("The United Nations withdrew its weapons inspectors from Valdoria on Monday.")
    assert ("1662", "IGOUNO", "VAL") in got


def test_events_types_withdrawing_peacekeepers_ends_their_involvement():
    got = coded("The UN pulled its peacekeepers out of Valdoria last week.")
    assert ("1661", "IGOUNO", "VAL") in got


def test_events_types_withdrawing_troops_is_still_military_de_escalation():
    assert "087" in _cameo("Ostrava withdrew its troops from Valdoria last week.")


def test_events_types_defacing_websites_is_coercion():
    got = coded("Ostravan hackers defaced hundreds of Valdorian government websites over the weekend.")
    assert any(code == "170" for code, _, _ in got)
