"""Classes of news English read by the CAMEO and PLOVER codebooks (issue 12, third round):
resignations done, threats held over whoever must meet their condition, forces reinforced
or mobilised against a place or an enemy, runs of things ("a series of bombs"), the clause a
demand noun asks for, reductions of relations announced as decided, forces moved in the
passive, borders opened to expelled people, and a speaker hidden under a participle."""
from __future__ import annotations

from tests.events.support import coded


def test_events_types_codebook_a_resignation_done_is_retreat():
    from dyadwatch.events.ontology import load_ontology

    got = coded("Valdoria's prime minister resigned on Monday after weeks of street protests.")
    assert any(code == "0831" and src == "VAL" for code, src, _ in got)
    assert load_ontology().get("0831").plover == "RETREAT"


def test_events_types_codebook_a_promised_resignation_is_not_a_resignation_done():
    got = coded("Valdoria's prime minister will resign next month.")
    assert not any(code == "0831" for code, _, _ in got)


def test_events_types_codebook_a_threat_on_an_if_condition_targets_whoever_must_meet_it():
    got = coded("Valdoria threatened to walk out of the talks if Ostrava deploys more troops on the border.")
    assert any(code.startswith("13") and (src, tgt) == ("VAL", "OST") for code, src, tgt in got)


def test_events_types_codebook_a_threat_on_an_unless_condition_targets_whoever_must_meet_it():
    got = coded("Ostravan farmers threatened to block the main highways unless Valdoria lifts its grain embargo.")
    assert any(code.startswith("13") and (src, tgt) == ("OST", "VAL") for code, src, tgt in got)


def test_events_types_codebook_a_condition_on_the_threatener_itself_names_no_target():
    got = coded("Valdoria threatened to leave the alliance if Valdorian voters reject the treaty.")
    assert any(code.startswith("13") and src == "VAL" for code, src, _ in got)
    assert not any(code.startswith("13") and tgt == "VAL" for code, _, tgt in got)


def test_events_types_codebook_forces_reinforced_in_a_country_are_aimed_at_it():
    got = coded("Valdoria has reinforced its troops in Ostrava since the border incident.")
    assert ("154", "VAL", "OST") in got


def test_events_types_codebook_reservists_mobilised_for_a_war_against_a_country_are_aimed_at_it():
    got = coded("Valdoria mobilised thousands of reservists on Tuesday for a war against Ostrava.")
    assert ("154", "VAL", "OST") in got


def test_events_types_codebook_a_run_of_bombs_is_a_bombing():
    got = coded("Valdorian rebels detonated a string of bombs in the Ostravan capital.")
    assert any(code.startswith("183") and src == "VAL" for code, src, _ in got)


def test_events_types_codebook_a_demand_noun_reads_the_clause_hung_on_its_verb():
    got = coded("The African Union renewed its demand that Valdoria release the detained journalists.")
    assert any(code.startswith("10") and (src, tgt) == ("IGOAFRAU", "VAL") for code, src, tgt in got)


def test_events_types_codebook_what_a_demand_asks_for_is_no_act():
    got = coded("The African Union renewed its demand that Valdoria release the detained journalists.")
    assert not any(code.startswith("08") for code, _, _ in got)


def test_events_types_codebook_a_cut_announced_as_decided_is_the_cut():
    got = coded("Valdoria announced on Monday it would suspend all aid to Ostrava.")
    assert any(code.startswith("162") and (src, tgt) == ("VAL", "OST") for code, src, tgt in got)


def test_events_types_codebook_a_cut_announced_in_the_future_is_a_threat():
    got = coded("Valdoria announced on Monday that it will suspend all aid to Ostrava.")
    assert any(code.startswith("13") and src == "VAL" for code, src, _ in got)
    assert not any(code.startswith("16") for code, _, _ in got)


def test_events_types_codebook_a_cut_announced_on_a_condition_stays_a_threat():
    got = coded("Valdoria announced it would suspend all aid to Ostrava unless Ostrava frees the hostages.")
    assert any(code.startswith("13") and (src, tgt) == ("VAL", "OST") for code, src, tgt in got)
    assert not any(code.startswith("16") for code, _, _ in got)


def test_events_types_codebook_peacekeepers_pulled_out_in_the_passive_are_their_own_sides_withdrawal():
    got = coded("Two hundred UN peacekeepers were pulled out of Ostrava on Friday.")
    assert any(code.startswith("166") and (src, tgt) == ("IGOUNO", "OST") for code, src, tgt in got)


def test_events_types_codebook_prisoners_released_in_the_passive_do_not_release_themselves():
    got = coded("Twenty Ostravan prisoners were released on Friday.")
    assert not any(code.startswith("084") and src == "OST" for code, src, _ in got)


def test_events_types_codebook_borders_opened_to_evacuees_are_asylum():
    got = coded("Valdoria opened its borders on Sunday to thousands of evacuees from Ostrava.")
    assert any(code == "075" and src == "VAL" for code, src, _ in got)


def test_events_types_codebook_a_speaker_under_a_participle_subject_still_demands():
    got = coded("The Red Crescent operating in Ostrava said Valdorian forces must let aid convoys into the city.")
    assert any(code == "100" and (src, tgt) == ("NGOHLHIRC", "VAL") for code, src, tgt in got)


def test_events_types_codebook_aid_sent_to_help_defend_a_country_is_aimed_at_it():
    got = coded("Valdoria sent military equipment to help defend Ostrava against the insurgents.")
    assert any(code.startswith("07") and (src, tgt) == ("VAL", "OST") for code, src, tgt in got)


def test_events_types_codebook_a_refusal_despite_calls_defies_their_author():
    got = coded("Valdoria refused to lift the blockade despite repeated calls by the United Nations.")
    assert any(code.startswith("12") and (src, tgt) == ("VAL", "IGOUNO") for code, src, tgt in got)


def test_events_types_codebook_a_refusal_despite_pressure_on_a_complement_defies_its_author():
    got = coded("The Valdorian minister declined to step down despite growing pressure from the African Union.")
    assert any(code.startswith("12") and (src, tgt) == ("VAL", "IGOAFRAU") for code, src, tgt in got)


def test_events_sides_a_named_phrase_stops_before_the_clause_hung_on_it():
    from dyadwatch.events.sides import group_span
    from tests.events.support import english

    parse = english()("The minister met a human rights group protesting outside the ministry on Monday.")
    head = next(t for t in parse if t.lower_ == "group")
    assert group_span(head).text == "a human rights group"


def test_events_types_codebook_forces_readied_for_an_attack_are_a_show_of_force():
    got = coded("The Valdorian army prepared to resume shelling Ostravan border posts on Sunday.")
    assert any(code == "150" and src == "VAL" for code, src, _ in got)
    assert not any(code.startswith("19") for code, _, _ in got)  # the shelling has not happened


def test_events_types_codebook_an_attack_not_prepared_is_no_show_of_force():
    got = coded("The Valdorian army did not prepare to attack Ostravan border posts.")
    assert not any(code.startswith("15") or code.startswith("19") for code, _, _ in got)


def test_events_types_codebook_a_possible_measure_on_a_condition_is_a_threat():
    got = coded("Valdoria may suspend its aid to Ostrava if the elections are postponed again.")
    assert any(code.startswith("13") and (src, tgt) == ("VAL", "OST") for code, src, tgt in got)


def test_events_types_codebook_a_possible_measure_without_a_condition_is_no_event():
    assert coded("Valdoria may suspend its aid to Ostrava.") == set()


def test_events_types_codebook_an_attribution_after_the_condition_is_not_whom_a_threat_targets():
    got = coded("Valdoria threatened to quit the talks if the ceasefire collapses, Ostravan officials said.")
    assert any(code.startswith("13") and src == "VAL" for code, src, _ in got)
    assert not any(code.startswith("13") and tgt == "OST" for code, _, tgt in got)
