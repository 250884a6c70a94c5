"""Classes of news English read by the CAMEO and PLOVER codebooks (issue 12, fourth round):
to whom a concession yields, to whom a stated readiness is told, and what is handed or
deposited as aid. Invented countries (tests/events/support.py), so no rule leans on a name."""
from __future__ import annotations

import re

from tests.events.support import FICTIONAL, ORGANISATIONS, make_doc


def named(text: str) -> set[tuple[str, str | None, str | None]]:
    """(CAMEO, source name, target name) of every event coded in `text`."""
    from dyadwatch.events.coder import code_parse

    known = {**FICTIONAL, **ORGANISATIONS}
    doc, parse = make_doc(text, {k: v for k, v in known.items() if re.search(r"\b" + re.escape(k) + r"\b", text)})
    return {(e.cameo, e.source and e.source.name, e.target and e.target.name) for e in code_parse(doc, parse).events}


def test_events_concessions_in_a_concession_to_people_yields_to_them():
    got = named("Valdoria's parliament, in a concession to rights groups, repealed a law that required bloggers to register.")
    assert any(code.startswith("08") and tgt == "rights groups" for code, _, tgt in got), got


def test_events_concessions_a_response_to_protests_by_a_group_yields_to_its_authors():
    got = named("Valdoria lifted its curfew in response to protests by opposition supporters.")
    assert any(code.startswith("08") and tgt == "opposition supporters" for code, _, tgt in got), got


def test_events_concessions_yielding_to_a_countrys_demands_yields_to_it():
    got = named("Yielding to demands from Ostrava, Valdoria lifted the ban on its grain imports.")
    assert any(code.startswith("08") and (src, tgt) == ("Valdoria", "Ostrava") for code, src, tgt in got), got


def test_events_concessions_bowing_to_a_span_of_pressure_names_who_exerts_it():
    got = named("Bowing to a week of roadblocks by truck drivers, Valdoria's parliament scrapped the new port levy.")
    assert any(code.startswith("08") and src == "Valdoria" and tgt and "truck drivers" in tgt for code, src, tgt in got), got


def test_events_concessions_caving_in_to_pressure_is_yielding():
    got = named("Valdoria caved in to pressure from Ostrava on Monday.")
    assert ("080", "Valdoria", "Ostrava") in got


def test_events_concessions_an_easing_without_a_concession_names_no_one_yielded_to():
    got = named("Valdoria lifted its curfew on Monday after a quiet week.")
    assert not any(tgt in ("Ostrava", "a quiet week") for _, _, tgt in got), got


def test_events_addressees_a_readiness_told_to_a_country_is_offered_to_it():
    got = named("Valdoria told Ostrava on Thursday it was ready to contribute ships to a joint patrol of undersea cables.")
    assert any(code.startswith("03") and (src, tgt) == ("Valdoria", "Ostrava") for code, src, tgt in got), got


def test_events_addressees_a_willingness_told_in_a_that_clause_is_offered_to_the_one_told():
    got = named("Valdoria has told Ostrava that it is willing to host a fresh round of talks on a prisoner exchange.")
    assert any(code.startswith("03") and (src, tgt) == ("Valdoria", "Ostrava") for code, src, tgt in got), got


def test_events_addressees_the_party_of_the_intended_act_outranks_the_audience():
    got = named("Valdoria told reporters on Monday it was ready to host talks with Ostrava.")
    assert any(code.startswith("03") and (src, tgt) == ("Valdoria", "Ostrava") for code, src, tgt in got), got
    assert not any(tgt == "reporters" for _, _, tgt in got), got


def test_events_aid_patrol_boats_handed_over_are_military_aid():
    got = named("Valdoria handed over two patrol boats to Ostrava's navy at a ceremony on Wednesday.")
    assert ("072", "Valdoria", "Ostrava") in got, got


def test_events_aid_a_name_on_the_gift_says_its_kind_not_who_gets_it():
    got = named("Valdoria handed over a Marvane-class patrol boat to Ostrava at a ceremony on Tuesday.")
    assert ("072", "Valdoria", "Ostrava") in got, got
    assert not any(tgt == "Marvane" for _, _, tgt in got), got


def test_events_aid_things_handed_to_a_force_are_aid():
    got = named("Valdoria handed 30 police vehicles to the Ostravan police on Thursday.")
    assert any(code.startswith("07") and src == "Valdoria" and tgt == "Ostravan" for code, src, tgt in got), got
    assert not any(code == "063" for code, _, _ in got), got


def test_events_aid_money_deposited_in_a_central_bank_is_economic_aid():
    got = named("Valdoria deposited $500 million in Ostrava's central bank on Sunday to shore up its currency.")
    assert ("071", "Valdoria", "Ostrava") in got, got


def test_events_aid_food_distributed_to_people_is_aid():
    got = named("The United Nations began distributing maize to 200,000 drought-hit people in Ostrava on Monday.")
    assert any(code.startswith("07") and src == "United Nations" for code, src, _ in got), got


def test_events_aid_a_suspect_handed_over_is_judicial_cooperation():
    got = named("Valdoria handed over the suspect to Ostrava on Friday.")
    assert ("063", "Valdoria", "Ostrava") in got, got


def test_events_between_talks_offered_between_a_plural_pair_name_the_pair_named_before():
    got = named("Valdoria and Ostrava exchanged fire across their border on Monday. "
                "Marvane offered on Wednesday to host talks between the two neighbours in its capital.")
    offers = {(src, tgt) for code, src, tgt in got if code.startswith("03")}
    assert offers == {("Marvane", "Valdoria"), ("Marvane", "Ostrava")}, got


def test_events_between_talks_offered_between_named_countries_target_each():
    got = named("Valdoria offered to host talks between Ostrava and Marvane.")
    assert {("036", "Valdoria", "Ostrava"), ("036", "Valdoria", "Marvane")} <= got, got


def test_events_between_talks_in_a_reported_clause_of_their_own_are_no_offer():
    got = named("Marvane said on Monday that talks between the two sides had failed.")
    assert not any(code.startswith("03") for code, _, _ in got), got


def test_events_charges_the_act_an_accusation_charges_is_no_act_of_record():
    got = named("Valdoria accused Ostravan border guards on Tuesday of firing on a Valdorian patrol, wounding two soldiers.")
    assert ("112", "Valdoria", "Ostravan") in got, got
    assert not any(code.startswith(("18", "19")) for code, _, _ in got), got


def test_events_charges_the_same_act_stated_as_fact_is_coded():
    got = named("Ostravan border guards fired on a Valdorian patrol on Tuesday, wounding two soldiers.")
    assert any(code.startswith("19") and (src, tgt) == ("Ostravan", "Valdorian") for code, src, tgt in got), got


def test_events_charges_blame_for_an_act_codes_the_blame_alone():
    got = named("Valdoria blamed Ostrava for shelling the border town.")
    assert any(code.startswith("11") for code, _, _ in got) and not any(code.startswith("19") for code, _, _ in got), got


def test_events_naming_call_with_an_object_predicate_is_no_telephone_call():
    assert not named('The clash took place along what Valdorian residents call "conditional lines" drawn by Ostravan planners.')
    assert not any(code == "041" for code, _, _ in named("Ostravan officials called the referendum a farce."))


def test_events_naming_a_call_to_someone_is_still_a_call():
    assert ("041", "Valdoria", "Ostrava") in named("Valdoria called Ostrava on Monday.")


def test_events_violence_tear_gas_fired_at_people_targets_them():
    got = named("Police in the Valdorian capital fired tear gas and rubber bullets at opposition supporters on Thursday.")
    assert any(code == "175" and tgt == "opposition supporters" for code, _, tgt in got), got


def test_events_violence_people_shot_at_a_place_deeper_in_the_phrase_are_the_target():
    got = named("Suspected gang members shot dead two police officers at a checkpoint in Ostrava on Sunday.")
    assert any(code.startswith("18") or code.startswith("19") for code, _, _ in got), got
    assert any(tgt and "two police officers" in tgt for _, _, tgt in got), got


def test_events_violence_a_weapon_fired_at_a_thing_names_no_people():
    got = named("Valdorian troops fired rockets at an empty warehouse.")
    assert not any(tgt == "an empty warehouse" and code.startswith("17") for code, _, tgt in got), got


def test_events_release_a_published_thing_is_no_one_set_free():
    assert not named("In a video released by the Valdorian presidency late on Wednesday, the president spoke.")
    assert not any(code == "0841" for code, _, _ in named("Valdoria released a statement on Ostrava."))


def test_events_release_people_released_are_set_free():
    assert ("0841", "Valdoria", "Ostravan") in named("Valdoria released the Ostravan journalist on Monday.")


def test_events_judged_an_election_described_as_credible_is_praise_of_its_holder():
    got = named("Election observers from the African Union on Sunday described Valdoria's general election as peaceful, orderly and credible.")
    assert any(code == "051" and tgt == "Valdoria" for code, _, tgt in got), got


def test_events_judged_a_referendum_described_as_illegal_is_criticism():
    assert ("111", "Ostrava", "Valdoria") in named("Ostrava described Valdoria's referendum as illegal.")


def test_events_judged_a_neutral_description_is_no_event():
    assert not named("Valdoria described the meeting as a routine visit.")


def test_events_datelines_the_subject_the_parse_hangs_on_a_dateline_still_acts():
    assert ("166", "Valdoria", "Ostravan") in named("KORVINA, July 17 - Valdoria expelled two Ostravan diplomats on Wednesday.")
    assert ("072", "Valdoria", "Ostrava") in named("KORVINA, July 17 - Valdoria handed over two patrol boats to Ostrava's navy.")


def test_events_datelines_the_dateline_place_itself_never_acts():
    got = named("OSTRAVA, July 17 - Valdoria recalled its ambassador on Wednesday.")
    assert not any(src == "Ostrava" for _, src, _ in got), got


def test_events_between_relations_between_a_pair_are_the_setting_not_the_parties():
    got = named("Valdoria's foreign minister will visit Marvane amid strained relations between his country and Ostrava.")
    assert not any(tgt == "Ostrava" for _, _, tgt in got), got


def test_events_between_a_mediation_effort_between_a_pair_targets_both():
    got = named("Valdoria launched a mediation effort between Ostrava and Marvane last night.")
    assert {tgt for code, src, tgt in got if code.startswith("04") and src == "Valdoria"} >= {"Ostrava", "Marvane"}, got
