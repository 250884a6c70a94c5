"""Verb senses fixed by the subject or by the aim of the act: peacekeepers arriving are a
deployment (074), a delegation arriving is a visit (042); a team sent to investigate is an
investigation (090); vowing to fight threatens force (138), vowing to cooperate is a pledge (030)."""
from __future__ import annotations

from tests.events.support import coded


def test_events_types_peacekeepers_arriving_is_a_deployment():
    got = coded("A battalion of Ostravan peacekeepers arrived in Valdoria on Saturday.")
    assert ("074", "OST", "VAL") in got
    assert not any(code == "042" for code, _, _ in got)


def test_events_types_peacekeeping_troops_landing_is_a_deployment():
    got = coded("The first African Union peacekeeping troops landed in Valdoria on Saturday.")
    assert ("074", "IGOAFRAU", "VAL") in got


def test_events_types_a_delegation_arriving_is_a_visit():
    got = coded("An Ostravan trade delegation arrived in Valdoria on Saturday.")
    assert ("042", "OST", "VAL") in got
    assert not any(code == "074" for code, _, _ in got)


def test_events_types_a_team_sent_to_investigate_is_an_investigation():
    got = coded("The African Union sent a team of experts to Valdoria to investigate the killings at the border.")
    assert ("090", "IGOAFRAU", "VAL") in got


def test_events_types_sending_without_an_aim_of_inquiry_is_not_an_investigation():
    got = coded("The African Union sent a team of experts to Valdoria to train border guards.")
    assert not any(code.startswith("09") for code, _, _ in got)


def test_events_types_vowing_to_fight_is_a_threat_of_force():
    got = coded("Ostravan rebels vowed to fight Valdorian forces until the last village is free.")
    assert any(code == "138" for code, _, _ in got)
    assert not any(code == "030" for code, _, _ in got)


def test_events_types_swearing_to_retaliate_is_a_threat_of_force():
    got = coded("Ostrava has sworn to retaliate against Valdoria for the border raid.")
    assert ("138", "OST", "VAL") in got


def test_events_types_vowing_to_fight_corruption_is_not_a_threat():
    got = coded("The new Ostravan government vowed to fight corruption in the customs service.")
    assert not any(code.startswith("13") for code, _, _ in got)


def test_events_types_vowing_to_cooperate_stays_a_pledge():
    got = coded("Ostrava vowed to cooperate with Valdoria on border security.")
    assert not any(code.startswith("13") for code, _, _ in got)
    assert any(code.startswith("03") for code, _, _ in got)


def test_events_types_a_vehicle_travelling_is_no_visit():
    for text in ("An Ostravan Airways jet flying from Ostrava City to Valdoria crashed on Monday.",
                 "A Valdorian military helicopter flew to Ostrava on Monday."):
        assert not any(code.startswith("04") for code, _, _ in coded(text)), text


def test_events_types_people_flying_somewhere_still_visit():
    got = coded("The Ostravan prime minister flew to Valdoria on Monday.")
    assert any(code == "042" for code, _, _ in got)
