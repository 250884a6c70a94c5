"""Classes of news English whose type is set by the construction, not the verb: a refusal
held until a condition is met, pressing someone to act, an obligation on a copula ("must be
ready to"), deployments whose aim or mission is peacekeeping, nominal acts carried out by a
light verb, and handing over supplies rather than weapons."""
from __future__ import annotations

from tests.events.support import coded


def test_events_types_negated_commitment_until_a_condition_is_a_refusal_of_the_awaited_party():
    got = coded("Valdoria will not lift its veto until the African Union releases the frozen funds.")
    assert ("120", "VAL", "IGOAFRAU") in got


def test_events_types_the_awaited_condition_is_no_event_of_its_own():
    got = coded("Valdoria will not lift its veto until the African Union releases the frozen funds.")
    assert not any(src == "IGOAFRAU" for _, src, _ in got)


def test_events_types_a_reported_refusal_with_a_passive_condition_targets_its_agent():
    got = coded("The Valdorian dockers said they will not return to work until their demands are met by Ostrava.")
    assert ("120", "VAL", "OST") in got


def test_events_types_unless_condition_on_a_negated_release_is_a_refusal():
    got = coded("Ostrava will not release the prisoners unless Valdoria pays compensation.")
    assert any(code.startswith("12") and src == "OST" and tgt == "VAL" for code, src, tgt in got)


def test_events_types_fighting_until_a_withdrawal_keeps_both_acts():
    got = coded("Valdorian troops fought until Ostrava withdrew its forces from the border.")
    assert {c[:2] for c, _, _ in got} >= {"19", "08"}


def test_events_types_pressuring_someone_to_act_is_a_demand_on_them():
    got = coded("Valdoria has been pressuring Ostrava to release the detained journalists.")
    assert ("100", "VAL", "OST") in got


def test_events_types_bare_pressure_stays_coercion():
    assert ("170", "OST", "VAL") in coded("Ostrava pressured Valdoria.")


def test_events_types_must_be_ready_to_in_reported_speech_is_a_demand():
    got = coded("Valdoria said the United Nations must be ready to mediate between the rival factions.")
    assert ("100", "VAL", "IGOUNO") in got


def test_events_types_must_be_ready_about_oneself_is_no_demand():
    got = coded("Valdoria said it must be ready to defend itself.")
    assert not any(code == "100" for code, _, _ in got)


def test_events_types_troops_sent_to_serve_as_peacekeepers_are_peacekeeping():
    got = coded("Valdoria sent 300 soldiers to Ostrava to serve as a peacekeeping force.")
    assert ("074", "VAL", "OST") in got


def test_events_types_troops_sent_to_fight_stay_a_deployment():
    got = coded("Valdoria sent troops to Ostrava to fight the rebels.")
    assert not any(code == "074" for code, _, _ in got)


def test_events_types_an_announced_deployment_reads_the_phrases_hung_on_the_verb():
    got = coded("Valdoria announced the deployment of 500 troops to Ostrava on a peacekeeping mission.")
    assert ("074", "VAL", "OST") in got


def test_events_types_handing_over_equipment_is_aid_not_a_return():
    got = coded("Valdoria handed over medical equipment and medicines to the health ministry of Ostrava.")
    assert any(code.startswith("07") and src == "VAL" and tgt == "OST" for code, src, tgt in got)


def test_events_types_handing_over_weapons_is_still_a_return():
    got = coded("Valdorian rebels handed over their weapons to the United Nations.")
    assert any(code == "0842" for code, _, _ in got)


def test_events_types_his_country_in_reported_speech_is_the_speakers_side():
    got = coded("The Valdorian president said his country will not lift the ban on Ostravan grain until Ostrava pays its debts.")
    assert any(code.startswith("12") and src == "VAL" and tgt == "OST" for code, src, tgt in got)


def test_events_types_a_possessive_polity_keeps_a_stated_intention():
    got = coded("The Valdorian president said his government would resume talks with Ostrava.")
    assert any(code.startswith("03") and src == "VAL" and tgt == "OST" for code, src, tgt in got)


def test_events_types_reducing_tariffs_is_easing_not_cutting_aid():
    got = coded("Valdoria reduced tariffs on $3 billion of Ostravan imports.")
    assert ("085", "VAL", "OST") in got


def test_events_types_granting_approval_for_a_delivery_is_a_permission():
    got = coded("Valdoria gave approval for the Red Crescent to deliver aid to the border villages.")
    assert any(code == "080" and src == "VAL" for code, src, _ in got)


def test_events_types_a_named_group_declaring_a_refusal_is_its_source():
    got = coded("The strike committee declared that it will not end the strike until Ostrava raises wages.")
    assert any(code.startswith("12") and tgt == "OST" for code, _, tgt in got)


def test_events_types_calling_someone_to_apologize_is_the_apology_too():
    got = coded("The Valdorian foreign minister called his Ostravan counterpart to apologize for the border incident.")
    assert ("055", "VAL", "OST") in got and ("041", "VAL", "OST") in got


def test_events_types_sending_troops_to_apologize_is_no_speech_contact():
    got = coded("Valdoria sent troops to Ostrava to punish the rebels.")
    assert not any(code.startswith("05") for code, _, _ in got)


def test_events_types_welcoming_an_invitation_is_praise_not_hosting():
    got = coded("Valdoria welcomed the Ostravan invitation to a summit in the capital.")
    assert ("051", "VAL", "OST") in got


def test_events_types_a_refusal_named_by_a_noun_targets_the_party_of_the_refused_act():
    got = coded("Valdoria's refusal to negotiate with Ostrava has prolonged the crisis.")
    assert ("120", "VAL", "OST") in got


def test_events_types_a_bare_refusal_noun_names_no_act():
    assert not coded("Valdoria's refusal has angered Ostrava.")


def test_events_types_cancelling_an_agreement_with_someone_rejects_it():
    got = coded("Valdoria scrapped its trade agreement with Ostrava.")
    assert ("120", "VAL", "OST") in got


def test_events_types_cancelling_a_decree_is_still_a_concession():
    got = coded("Valdoria cancelled the decree that banned Ostravan newspapers.")
    assert not any(code == "120" for code, _, _ in got)


def test_events_types_war_games_with_allies_are_military_cooperation():
    got = coded("Valdoria and its Western allies launched war games near the Ostravan coast.")
    assert any(code == "062" and src == "VAL" for code, src, _ in got)


def test_events_types_war_games_alone_stay_a_show_of_force():
    got = coded("Valdorian warships launched war games near the Ostravan coast.")
    assert not any(code == "062" for code, _, _ in got)
