"""Sides that name no country of their own ("President X", "the police", "students") take the
country their context gives, and say where it was read."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def code(english):
    from dyadwatch.pipeline import run_text

    return lambda text: run_text(text, published="2024-05-01").events


def test_events_context_titled_person_takes_the_one_country_of_the_sentence(code):
    events = code("Prime Minister Arnaldo Fenwick has dissolved the Paraguayan opposition movement.")
    sides = [e.source for e in events if e.source is not None]
    assert any(s.country == "PRY" and s.country_basis == "sentence" and (s.code or "").startswith("PRY") for s in sides), events


def test_events_context_unnamed_crowd_takes_the_country_of_the_place(code):
    events = code("Thousands of farmers marched in Accra on Monday against the new land law.")
    assert any(e.source and e.source.country == "GHA" for e in events), events


def test_events_context_leaves_international_bodies_without_a_country(code):
    events = code("The United Nations condemned the Myanmar junta on Friday.")
    assert events and all(e.source is None or e.source.country is None for e in events), events
    assert all(e.source is None or e.source.country_basis is None for e in events)


def test_events_context_two_countries_and_no_place_give_no_country(code):
    events = code("Prime Minister Arnaldo Fenwick criticised Brazil and Argentina on Tuesday.")
    sources = [e.source for e in events if e.source is not None]
    assert sources and all(s.country is None for s in sources), events


def _pairs(events):
    return {(e.cameo[:2], e.source and e.source.country, e.target and e.target.country) for e in events}


def test_events_context_own_forces_are_carried_not_targeted(code):
    pairs = _pairs(code("Portugal withdrew its troops from Mozambique on Thursday."))
    assert ("08", "PRT", "MOZ") in pairs, pairs


def test_events_context_threat_targets_what_the_threatened_act_falls_on(code):
    pairs = _pairs(code("Peru threatened to bomb Ecuadorean supply depots as payback for an incursion near the village of Macara."))
    assert ("13", "PER", "ECU") in pairs, pairs


def test_events_context_a_counterpart_with_a_possessive_is_still_the_target(code):
    pairs = _pairs(code("Chile's foreign minister met his Bolivian counterpart in Santiago."))
    assert ("04", "CHL", "BOL") in pairs, pairs


def test_events_context_each_coordinated_country_adjective_is_a_side(code):
    events = code("Senior Peruvian and Chilean officials agreed on Friday to reopen the border crossing.")
    sides = {(e.source and e.source.country, e.target and e.target.country) for e in events}
    assert {frozenset(p) for p in sides} & {frozenset({"PER", "CHL"})}, sides


def test_events_context_a_protest_with_no_target_addresses_the_authorities_of_its_place(code):
    events = code("Thousands of teachers marched through Montevideo on Tuesday.")
    assert any(e.cameo.startswith("14") and e.target and e.target.country == "URY" and (e.target.code or "").endswith("GOV")
               for e in events), events


def test_events_context_a_lifted_curfew_falls_on_the_population(code):
    events = code("Ecuador lifted the curfew in Guayaquil on Monday.")
    assert any(e.cameo.startswith("08") and e.source and e.source.country == "ECU" and e.target and e.target.country == "ECU"
               for e in events), events


def test_events_context_an_unnamed_attacker_is_not_given_the_victims_country(code):
    events = code("A roadside bomb killed two Canadian soldiers on Sunday.")
    assert events and all(e.source is None or e.source.country != "CAN" for e in events), events


def test_events_context_an_unnamed_attacker_is_placed_where_the_violence_happened(code):
    events = code("A car bomb exploded outside a police station in Kandahar, killing three Afghan officers.")
    assert any(e.cameo.startswith("18") and e.source and e.source.country == "AFG" and e.source.country_basis for e in events), events


def test_events_context_counted_victims_are_people_of_the_place(code):
    events = code("Gunmen killed 14 people in Peshawar on Saturday.")
    assert any(e.cameo.startswith("18") and e.target and e.target.country == "PAK" for e in events), events


def test_events_context_transnational_militant_network_takes_no_country(code):
    events = code("Al-Qaeda threatened Kenya on Monday.")
    assert any(e.source and (e.source.code or "").startswith("IMG") and e.source.country is None for e in events), events


def test_events_context_a_charge_with_no_agent_is_brought_by_the_authorities_of_the_place(code):
    pairs = _pairs(code("A Dutch businessman was indicted for fraud in Tunisia on Monday."))
    assert ("11", "TUN", "NLD") in pairs, pairs


def test_events_context_rebels_demanding_of_their_own_president_is_a_demand(code):
    events = code("Togolese rebels announced that President Koffi Amegbo must resign before any talks.")
    assert any(e.cameo.startswith("10") and e.source and e.source.country == "TGO" for e in events), events


def test_events_context_those_engaged_in_violence_are_its_authors(code):
    events = code("Croatian units were engaged in shelling Serb villages near Knin, investigators concluded.")
    assert any(e.cameo.startswith(("19", "20")) and e.source and e.source.country == "HRV" for e in events), events


def test_events_context_the_place_of_whoever_reports_the_act_places_nobody(code):
    events = code("Insurgents bombarded Kadugli with mortars overnight, killing 14 civilians, aid agencies in Nairobi said.")
    assert all(e.target is None or e.target.country != "KEN" for e in events), events


def test_events_context_a_clerics_country_is_not_guessed_from_the_country_he_speaks_of(code):
    events = [e for e in code("Archbishop Peter Okafor condemned Zimbabwe's crackdown on trade unions in a sermon.")
              if e.cameo.startswith("11")]
    assert events and all(e.source is None or e.source.country != "ZWE" for e in events), events


def test_events_context_a_country_adjective_on_a_policy_names_the_country(code):
    pairs = _pairs(code("Thousands of Tibetans protested against Chinese military policies in Dharamsala."))
    assert any(r == "14" and t == "CHN" for r, _, t in pairs), pairs


def test_events_context_a_growing_trend_is_no_single_act_but_a_habit_of_violence_is(code):
    assert not code("Farmers in Kenya are increasingly criticising the Ugandan government over grain tariffs.")
    assert any(e.cameo.startswith("18") for e in code("Bolivian police routinely beat detained protesters in La Paz."))


def test_events_context_one_state_side_never_takes_the_other_state_sides_country(code):
    events = code("The ministry summoned the Iranian ambassador on Monday.")
    assert events and all(e.source is None or e.source.country != "IRN" for e in events), events


def test_events_context_a_thing_as_subject_gets_no_country(code):
    events = code("The tragic incident killed 38 passengers near Almaty.")
    assert all(e.source is None or e.source.country is None for e in events), events


def test_events_context_parties_of_a_meeting_are_not_aimed_at_its_venue(code):
    pairs = _pairs(code("Polish and Czech officials met in Prague on Tuesday."))
    assert ("04", "POL", "CZE") in pairs and not any(s == t for _, s, t in pairs), pairs


def test_events_context_a_trade_ban_falls_on_no_population(code):
    events = code("Peru banned exports of copper ore on Tuesday.")
    assert all(e.target is None or e.target.country != "PER" for e in events), events


def test_events_context_militants_are_not_of_their_victims_country(code):
    events = code("Suspected militants killed two Japanese engineers in the desert.")
    assert events and all(e.source is None or e.source.country != "JPN" for e in events), events


def test_events_context_an_organisation_named_with_its_country_and_then_by_its_head_noun(code):
    events = code("The United Kingdom Treasury froze the assets of two Belarusian banks on Monday. "
                  "The Treasury also accused Belarus of helping Russia evade sanctions.")
    sources = {e.source.country for e in events if e.source is not None}
    assert sources == {"GBR"}, events


def test_events_context_a_dateline_city_is_no_side(code):
    events = code("TBILISI - A Russian drone struck a fuel depot near Sumy overnight, officials said.")
    assert all(e.source is None or e.source.country != "GEO" for e in events), events
    assert all(e.target is None or e.target.country != "GEO" for e in events), events


def test_events_context_people_named_by_nationality_do_not_place_the_state_acting_on_them(code):
    events = code("The ministry expelled two Norwegian reporters on Tuesday.")
    assert events and all(e.source is None or e.source.country != "NOR" for e in events), events


def test_events_context_an_embassy_is_not_of_the_country_it_sits_in(code):
    events = code("The embassy condemned the arrest of two of its nationals in Minsk.")
    assert all(e.source is None or e.source.country != "BLR" for e in events), events


def test_events_context_the_venue_of_talks_is_no_party(code):
    events = code("Serbian and Kosovar negotiators ended two days of talks in Brussels on Friday.")
    assert all(e.target is None or e.target.country != "BEL" for e in events), events


def test_events_context_unnamed_attackers_are_placed_where_they_struck(code):
    events = code("Unknown attackers killed two Chinese engineers in Karachi on Sunday.")
    assert any(e.source and e.source.country == "PAK" and (e.source.code or "").endswith("UAF") for e in events), events


def test_events_context_country_words_for_seas_and_namesakes_give_no_country():
    from dyadwatch.events.sides import country_in_name

    assert country_in_name("Indian Ocean Commission") is None
    assert country_in_name("New Mexico State Police") is None
    assert country_in_name("Papua New Guinea Defence Force") == "PNG"
    assert country_in_name("United States Treasury") == "USA"


def test_events_context_the_streets_of_a_capital_are_a_setting_not_the_addressee(code):
    events = code("Protesters marched through the streets of Lima on Tuesday.")
    assert any(e.cameo.startswith("14") and e.target and (e.target.code or "").endswith("GOV") for e in events), events
