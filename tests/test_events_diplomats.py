"""Summoning a diplomat is coded as the complaint it is, whatever names the diplomat."""
from __future__ import annotations

from dyadwatch.events.coder import code_parse
from tests.events.support import make_doc


def _triples(text: str, actors: dict, roles: dict[str, list[str]] | None = None):
    doc, parse = make_doc(text, actors)
    for a in doc.actors:
        a.roles = list((roles or {}).get(a.name, []))
    return {(e.cameo, e.source and e.source.country, e.target and e.target.country) for e in code_parse(doc, parse).events}


ACTORS = {"Tbilisi": ("GEO", "GEOGOV", "COUNTRY"), "Ankara": ("TUR", "TURGOV", "COUNTRY"),
          "Oleg Petrenko": ("UKR", "UKRGOV", "PERSON"), "Ukrainian": ("UKR", "UKR", "COUNTRY")}


def test_events_diplomats_title_before_a_name_makes_the_summons_a_complaint():
    got = _triples("On Friday Tbilisi summoned Ukrainian Ambassador Oleg Petrenko over the remarks.", ACTORS)
    assert ("114", "GEO", "UKR") in got


def test_events_diplomats_role_from_the_actor_stage_makes_the_summons_a_complaint():
    got = _triples("Ankara summoned Oleg Petrenko on Thursday to explain the remarks.", ACTORS,
                   roles={"Oleg Petrenko": ["Ukrainian envoy"]})
    assert ("114", "TUR", "UKR") in got


def test_events_diplomats_summoning_someone_without_a_diplomatic_role_is_not_a_complaint():
    got = _triples("Ankara summoned Oleg Petrenko on Thursday to explain the remarks.", ACTORS,
                   roles={"Oleg Petrenko": ["Ukrainian businessman"]})
    assert not any(code == "114" for code, _, _ in got)


def test_events_diplomats_passive_summons_takes_the_host_institution_as_source():
    actors = {**ACTORS, "Turkish Foreign Ministry": ("TUR", "TURGOV", "ORG")}
    got = _triples("The Ukrainian charge d'affaires was summoned to the Turkish Foreign Ministry on Monday.", actors)
    assert ("114", "TUR", "UKR") in got


def test_events_diplomats_passive_summons_to_an_unnamed_ministry_keeps_the_target():
    got = _triples("Ukrainian Ambassador Oleg Petrenko was summoned to the ministry on Monday.", ACTORS)
    assert ("114", None, "UKR") in got
