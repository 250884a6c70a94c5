"""The event coder on sentences written here, with hand-made actors (no actor stage needed)."""
from __future__ import annotations

import pytest

from dyadwatch.events.coder import code_parse
from tests.events.support import country_doc, make_doc


def code(text: str, **kw):
    doc, parse = country_doc(text, **kw)
    return code_parse(doc, parse)


def triples(text: str, **kw) -> set[tuple[str, str | None, str | None]]:
    return {(e.cameo, e.source and e.source.country, e.target and e.target.country) for e in code(text, **kw).events}


def outcomes(text: str) -> dict[str, str]:
    return {d.lemma: d.outcome for d in code(text).decisions}


def test_coder_phone_call_and_conjoined_apology():
    got = triples("On Saturday Putin called Aliyev and apologized for the incident.")
    assert ("041", "RUS", "AZE") in got
    assert ("055", "RUS", "AZE") in got


def test_coder_summoning_an_ambassador_is_an_official_complaint():
    coding = code("Baku summoned the Russian ambassador to the foreign ministry.")
    (event,) = coding.events
    assert (event.cameo, event.source.country, event.target.country) == ("114", "AZE", "RUS")
    assert event.plover == "ACCUSE"
    assert "complaint" in coding.decisions[0].pattern.note


def test_coder_passive_with_agent_takes_the_agent_as_source():
    assert ("111", "ARM", "AZE") in triples("Azerbaijan was sharply criticized by Armenia on Monday.")


def test_coder_light_verb_talks_with():
    assert ("040", "TUR", "RUS") in triples("Erdogan held talks with Putin last week.")


def test_coder_light_verb_express_concern_targets_the_foreign_party():
    got = triples("Moscow expressed concern about anti-Russian publications in the Azerbaijani media.")
    assert got == {("110", "RUS", "AZE")}


def test_coder_reporting_frame_codes_the_embedded_event_as_reported():
    coding = code("Lavrov said Ukraine attacked Russia.")
    (event,) = coding.events
    assert (event.cameo[:2], event.source.country, event.target.country) == ("19", "UKR", "RUS")
    assert event.modality == "reported"


def test_coder_coordinated_subjects_give_one_event_per_pair():
    got = triples("Russia and Turkey criticized France.")
    assert {("111", "RUS", "FRA"), ("111", "TUR", "FRA")} <= got


def test_coder_coordinated_objects_give_one_event_per_pair():
    got = triples("Israel attacked Syria and Iran.")
    assert {("190", "ISR", "SYR"), ("190", "ISR", "IRN")} <= got


def test_coder_visit_is_coded_with_the_visited_country():
    assert ("042", "FRA", "ARM") in triples("The French president visited Armenia in March.", ) | triples("France visited Armenia.")


def test_coder_meeting_at_a_third_place_is_044_with_the_place():
    coding = code("Erdogan met Putin in Baku.")
    event = next(e for e in coding.events if e.cameo.startswith("04"))
    assert event.cameo == "044"
    assert event.location is not None and event.location.country == "AZE"
    assert event.location.lat == pytest.approx(40.38, abs=0.1)


def test_coder_nominal_apology_with_possessor_and_target():
    assert ("055", "RUS", "AZE") in triples("Putin's apology to Aliyev was welcomed in Baku.")


def test_coder_nominal_harsh_statements_regarding():
    got = triples("The harsh statements of Aliyev regarding the actions of Russia drew attention.")
    assert ("111", "AZE", "RUS") in got


def test_coder_signing_an_agreement():
    assert ("057", "RUS", "AZE") in triples("Russia signed a declaration with Azerbaijan.")


def test_coder_signed_agreement_between_two_parties_takes_them_as_sides():
    got = triples("They stressed relations between Russia and Azerbaijan on the basis of the declaration signed in 2022.")
    assert ("057", "RUS", "AZE") in got


@pytest.mark.parametrize("text, reason", [
    ("Turkey has not criticized Russia.", "negated"),
    ("Turkey hasn't criticized Russia.", "negated"),
    ("Turkey never criticized Russia.", "negated"),
    ("Russia could attack Ukraine.", "modal"),
    ("Russia may attack Ukraine.", "modal"),
    ("Russia can attack Ukraine.", "modal"),
    ("Russia will attack Ukraine.", "future"),
    ("If Russia attacks Ukraine, the war will spread.", "conditional"),
    ("Did Russia attack Ukraine?", "question"),
    ("Russia hopes to attack Ukraine.", "embedded"),
    ("Lavrov believes that Russia will attack Ukraine.", "future"),
    ("Moscow has no chance to put pressure on Azerbaijan.", "negated"),
    ("Russia sent troops to attack Ukraine.", "purpose"),
])
def test_coder_non_events_are_not_coded(text, reason):
    coding = code(text)
    assert not [e for e in coding.events if e.cameo[:2] in ("19", "11", "17")], coding.events
    assert reason in {d.outcome for d in coding.decisions}


@pytest.mark.parametrize("text", [
    "Neither government has expelled the other's diplomats.",
    "Neither Turkey nor Russia has criticized Azerbaijan.",
    "No country has recognised the breakaway region.",
    "None of the ministers attended the summit in Baku.",
    "Nobody was arrested after the protest outside the Russian embassy.",
    "Turkey sent no troops to Azerbaijan.",
])
def test_coder_a_subject_or_object_that_names_nobody_negates_the_act(text):
    coding = code(text)
    assert not coding.events, coding.events
    assert "negated" in {d.outcome for d in coding.decisions}


def test_coder_compensation_that_will_be_paid_is_no_event():
    assert not code("Compensation will be paid to Azerbaijan by Russia.").events


def test_coder_event_date_from_governing_time_expression():
    doc, parse = make_doc("On January 6, Aliyev criticized Russia.", {"Aliyev": ("AZE", "AZEGOV", "PERSON"), "Russia": ("RUS", "RUS", "COUNTRY")},
                          times={"January 6": "2025-01-06"}, published="2025-01-07")
    (event,) = code_parse(doc, parse).events
    assert (event.date, event.date_precision) == ("2025-01-06", "day")


def test_coder_event_date_falls_back_to_publication_as_anchor():
    (event,) = code("Aliyev criticized Russia.", published="2025-01-07").events
    assert (event.date, event.date_precision) == ("2025-01-07", "anchor")


def test_coder_evidence_offsets_point_into_the_text():
    text = "Some words first. Then Aliyev criticized Russia harshly."
    doc, parse = country_doc(text)
    (event,) = code_parse(doc, parse).events
    assert text[event.evidence.start:event.evidence.end] == event.evidence.text
    assert "criticized" in event.evidence.text and "Some words" not in event.evidence.text


def test_coder_event_carries_goldstein_quad_class_plover_and_rule():
    (event,) = code("Israel attacked Syria.").events
    assert (event.goldstein, event.quad_class, event.plover) == (-10.0, 4, "ASSAULT")
    assert event.rule and event.rule.startswith("verbs:")


def test_coder_international_organisation_side_has_igo_code():
    (event,) = code("NATO condemned Russia.").events
    assert event.source.code.startswith("IGO")


def test_coder_location_near_the_city_of_x_in_country():
    coding = code("Russia attacked Ukraine near the city of Kharkiv in Ukraine.")
    (event,) = coding.events
    assert event.location is not None and (event.location.name, event.location.country) == ("Kharkiv", "UKR")


def test_coder_stated_intention_is_coded_as_intent():
    got = triples("Turkey said it would send aid to Syria.")
    assert ("033", "TUR", "SYR") in got


def test_coder_narrated_future_cooperation_is_an_announced_intent():
    assert ("033", "TUR", "SYR") in triples("Turkey will send aid to Syria.")


def test_coder_narrated_future_attack_is_a_prediction_not_a_threat():
    assert not code("Turkey will attack Syria.").events


def test_coder_readiness_of_the_subject_is_its_intent():
    assert {e.cameo[:2] for e in code("Germany says it is prepared to pull its soldiers out of Ukraine next year.").events} == {"03"}


def test_coder_intention_conditional_on_another_is_a_threat():
    got = triples("Iran said it will withdraw its ambassador from France unless France apologizes.")
    assert any(c.startswith("13") and s == "IRN" for c, s, _ in got), got


def test_coder_obligation_in_reported_speech_needs_no_pattern_for_the_act():
    assert ("100", "TUR", "IRN") in triples("Turkey declared that Iran must drop its barriers to imports.")


def test_coder_attitude_in_stative_passive_keeps_its_subject():
    # Opposing mediation is CAMEO's rejection of mediation (126); the subject holds the attitude.
    assert ("126", "ISR", "FRA") in triples("Israel is opposed to the mediation by France.")


def test_coder_author_of_a_rejected_call_is_the_target():
    assert any(c.startswith("12") and (s, t) == ("GEO", "UKR") for c, s, t in triples("Georgia rejected calls by Ukraine for new talks."))


def test_coder_rejection_without_a_named_target_keeps_its_source():
    assert any(c.startswith("12") and (s, t) == ("IRN", None) for c, s, t in triples("Iran declined to comment on the plan and refused to resign."))


def test_coder_participle_on_a_noun_of_saying_acts_for_its_issuer():
    assert any(c.startswith("10") and (s, t) == ("TUR", "IRN") for c, s, t in triples("Turkey issued a statement demanding that Iran release the sailors."))


def test_coder_reported_obligation_is_a_demand_on_the_target():
    got = triples("Lavrov said Ukraine must withdraw its troops.")
    assert ("100", "RUS", "UKR") in got


def test_coder_stated_refusal_is_a_rejection():
    assert ("125", "TUR", "ARM") in triples("Turkey said it would not meet Armenia.")


def test_coder_victims_of_an_unknown_attacker():
    coding = code("Three of Turkey's soldiers were killed in Syria.")
    (event,) = coding.events
    assert event.source is None and event.target.country == "TUR" and event.plover == "ASSAULT"


def test_coder_crowd_takes_the_country_of_its_place():
    coding = code("Thousands of demonstrators in Baku protested.")
    (event,) = coding.events
    assert event.source.country == "AZE" and event.cameo.startswith("14")
    # a side named only by a phrase is an actor of the coder's making, with the words that name it
    group = next(g for g in coding.groups if g.id == event.source.actor_id)
    assert group.type == "GROUP" and any("demonstrators" in m.text for m in group.mentions)


def test_coder_narrated_plan_is_the_actors_intent_not_the_act():
    coding = code("Russia plans to attack Ukraine.")
    assert not [e for e in coding.events if e.cameo.startswith("19")]
    assert [(e.cameo, e.source.code, e.target.code) for e in coding.events] == [("138", "RUS", "UKR")]


def test_coder_conditional_offer_of_help_stays_an_offer():
    coding = code("Germany said it would send weapons to Ukraine if it is attacked.")
    assert {e.cameo[:2] for e in coding.events} == {"03"}, coding.events


def test_coder_tagger_lemma_errors_fall_back_to_inflection():
    coding = code("Hundreds of nurses in Malaysia staged rallies on Friday.")
    assert [e.cameo for e in coding.events] == ["141"], coding.decisions


@pytest.mark.parametrize("text, code", [
    ("Russia put its nuclear forces on high alert.", "152"),
    ("Germany strengthened its forces in Kazakhstan.", "154"),
    ("Turkey suspended Syria's membership.", "160"),
    ("France halted military aid to Syria.", "1622"),
    ("Armenia handed back three villages to Azerbaijan.", "0842"),
    ("Russia returned forty prisoners to Ukraine.", "0841"),
    ("Iran declared a state of siege.", "1724"),
    ("Israel closed its border with Syria.", "191"),
    ("Germany sent medical supplies to Ukraine.", "073"),
])
def test_coder_weak_categories_in_their_common_forms(text, code):
    assert code in {e.cameo for e in globals()["code"](text).events}


def test_coder_troops_moved_are_the_theme_not_the_target():
    assert ("154", "RUS", "UKR") in triples("Russia massed troops along the border with Ukraine.")


def test_coder_bare_infinitive_joined_to_a_finite_verb_is_not_an_act():
    found = code("Aliyev demanded from Russia to admit guilt, punish the perpetrators and pay compensation.")
    assert [e.cameo for e in found.events] == ["100"], found.events


def test_coder_own_country_adjective_in_a_setting_is_not_the_target():
    # The apology goes to the one called, not to the airspace of the caller's own country.
    got = triples("Putin phoned Aliyev on Friday and apologised that the drone had crashed in Russian territory.")
    assert ("055", "RUS", "AZE") in got
    assert not any(src == tgt for _, src, tgt in got)


def test_coder_own_country_adjective_in_a_setting_with_no_addressee_gives_no_self_target():
    text = "Erdogan apologised that the ferry sank in Turkish waters."
    doc, parse = make_doc(text, {"Erdogan": ("TUR", "TURGOV", "PERSON"), "Turkish": ("TUR", "TUR", "COUNTRY")})
    events = code_parse(doc, parse).events
    assert events and all(e.target is None for e in events if e.cameo == "055")


def test_coder_domestic_arrests_keep_their_own_country_target():
    got = triples("Russian police arrested Russian activists in Moscow on Sunday.")
    assert any(code.startswith("17") and src == "RUS" and tgt == "RUS" for code, src, tgt in got)
