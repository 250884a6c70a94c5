"""Mutual acts of coordinated subjects: with no one else named, each subject acts on each
other one (CAMEO codes a mutual act once per direction); a reaction of several subjects with
no addressee stays each one's own act."""
from __future__ import annotations

from tests.events.support import coded, make_doc


def _pairs(text: str, root: str) -> set[tuple[str | None, str | None]]:
    return {(src, tgt) for code, src, tgt in coded(text) if code.startswith(root)}


def test_events_mutual_signing_binds_the_subjects_in_each_direction():
    assert {("VAL", "OST"), ("OST", "VAL")} <= _pairs("Valdoria and Ostrava signed a memorandum on fishing rights on Tuesday.", "05")


def test_events_mutual_agreement_is_coded_in_each_direction():
    assert {("VAL", "OST"), ("OST", "VAL")} <= _pairs("Valdoria and Ostrava agreed on Wednesday to mount joint patrols along their border.", "03")


def test_events_mutual_resumed_talks_are_coded_in_each_direction():
    assert {("VAL", "OST"), ("OST", "VAL")} <= _pairs("Valdoria and Ostrava resumed talks on the disputed river islands.", "04")


def test_events_mutual_envoys_of_two_parties_name_both_of_them():
    assert {("VAL", "OST"), ("OST", "VAL")} <= _pairs("Envoys of Valdoria and Ostrava held a new round of negotiations this week.", "04")


def test_events_mutual_the_place_of_the_act_is_no_party():
    got = _pairs("Valdoria and Ostrava agreed in Marvane to build a railway between the two capitals.", "03")
    assert {("VAL", "OST"), ("OST", "VAL")} <= got
    assert not any(tgt == "MRV" for _, tgt in got)


def test_events_mutual_a_reaction_with_no_addressee_binds_no_one():
    got = coded("Valdoria and Ostrava expressed concern over the missile test.")
    assert not any({src, tgt} == {"VAL", "OST"} for _, src, tgt in got)


def test_events_mutual_a_second_name_hung_on_the_first_ones_apposition_is_a_subject_too():
    from dyadwatch.events.coder import code_parse

    text = "Valdorian Prime Minister Ana Rojas and Ostravan Prime Minister Ivo Petrov agreed in Marvane to build a railway."
    doc, parse = make_doc(text, {"Ana Rojas": ("VAL", "VALGOV", "PERSON"), "Ivo Petrov": ("OST", "OSTGOV", "PERSON"),
                                 "Marvane": ("MRV", "MRV", "LOCATION")})
    got = {(e.source and e.source.code, e.target and e.target.code) for e in code_parse(doc, parse).events}
    assert {("VALGOV", "OSTGOV"), ("OSTGOV", "VALGOV")} <= got


def test_events_mutual_a_minister_and_the_state_she_speaks_for_are_one_side():
    from dyadwatch.events.mutual import mutual_pairs
    from dyadwatch.models import Actor

    state = Actor(id="ost", name="Ostrava", type="COUNTRY", country="OST", code="OST")
    minister = Actor(id="ost-petrov", name="Ivo Petrov", type="PERSON", country="OST", code="OSTGOV")
    other = Actor(id="val", name="Valdoria", type="COUNTRY", country="VAL", code="VAL")
    pairs = {(a.id, b.id) for a, b in mutual_pairs([other, state, minister])}
    assert ("ost", "ost-petrov") not in pairs and ("ost-petrov", "ost") not in pairs
    assert {("val", "ost"), ("ost", "val"), ("val", "ost-petrov"), ("ost-petrov", "val")} <= pairs


def test_events_mutual_agreement_about_a_third_party_still_binds_the_subjects():
    got = _pairs("Valdoria and Ostrava agreed on Friday to share warning data on Marvanian missile launches.", "03")
    assert {("VAL", "OST"), ("OST", "VAL")} <= got and not {t for _, t in got} & {"MRV"}


def test_events_mutual_agreement_to_act_on_a_third_party_stays_an_act_on_it():
    got = _pairs("Valdoria and Ostrava agreed to send aid to Marvane.", "03")
    assert {("VAL", "MRV"), ("OST", "MRV")} <= got and ("VAL", "OST") not in got


def test_events_talks_a_traveller_went_for_are_the_travellers_own():
    got = coded("The Valdorian delegation visited Marvane on Monday for talks with Ostrava on the river dispute.")
    assert any(code.startswith("04") and src == "VAL" and tgt == "OST" for code, src, tgt in got), got
    assert not any(tgt == "OST" and src is None for _, src, tgt in got)
