"""Actor resolution over one parsed document: the steps in order, and the finished actors."""
from __future__ import annotations

import re
from typing import Any

from ..models import Actor, Mention
from .coref import link_pronouns
from .describe import link_descriptors, link_epithets, link_generic, link_role_nouns
from .draft import Context, Draft
from .guards import never_a_name, parse_text
from .kb import KnowledgeBase, default_kb, slug
from .match import find_matches, token_keys
from .names import origin_country
from .orgs import link_misspelt, link_parentheticals, link_quoted_names, link_unknown_orgs
from .places import find_place
from .persons import (attach_titles, link_named_persons, link_surnames, person_spans, sector_code, settle_office,
                      unknown_place_that_speaks)

# A capital after one of these is the place, not the government ("a flat in Baku").
LOCATIVE = frozenset({"in", "near", "at", "outside", "around", "inside", "across"})
# Titles whose holders are usually named beside the country they are posted to, not their own.
DIPLOMATIC_WORDS = ("ambassador", "envoy", "consul", "diplomat", "representative", "negotiator")
# Sectors of state offices whose titled holders belong to the country a text is about.
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP"})
# Sectors of a country's political life (its state, intelligence, opposition and former office
# holders): someone titled with one of these whom the text does not place belongs to the
# country the context names; an archbishop or an activist may be a foreigner speaking of it.
POLITICAL_SECTORS = STATE_SECTORS | {"SPY", "OPP", "ELI"}
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def article_day(published: str | None) -> str | None:
    m = DAY.match(published or "")
    return m.group(0) if m else None


def resolve_actors(parse: Any, published: str | None = None, kb: KnowledgeBase | None = None,
                   outlet: str | None = None) -> list[Actor]:
    """All actors of a parsed document (a spaCy Doc over the document text); `outlet`, the
    outlet that published it, is never taken for a person ("told Sevan Line")."""
    kb = kb or default_kb()
    ctx = Context(doc=parse, kb=kb, keys=token_keys(parse), published=article_day(published), outlet=outlet)
    link_dictionary(ctx)
    link_named_persons(ctx)
    link_surnames(ctx)
    attach_titles(ctx)
    link_descriptors(ctx)
    link_epithets(ctx)
    link_misspelt(ctx)
    link_quoted_names(ctx)
    link_parentheticals(ctx)
    link_unknown_orgs(ctx)
    link_places(ctx)  # before bare bodies and groups, which take their country from places
    link_generic(ctx)
    link_role_nouns(ctx)
    link_pronouns(ctx)
    return finish(ctx)


def link_dictionary(ctx: Context) -> None:
    """Known names: countries, capitals and seats, organisations, regions, officials."""
    persons = [s for s in person_spans(ctx) if s[1] - s[0] >= 2]
    for m in find_matches(ctx.doc, ctx.kb, ctx.keys):
        entry = ctx.kb.entries[m.surface.entry_id]
        if entry.type != "PERSON" and any(ps <= m.start and m.end <= pe and (ps, pe) != (m.start, m.end) for ps, pe in persons):
            continue  # "Jordan" inside a person's name
        rule = {"seat": "seat>GOV", "country-name": "country-name", "region": "region", "official": "kb-name"}.get(m.surface.kind, "kb-name")
        if m.surface.kind == "seat" and m.start > 0 and ctx.doc[m.start - 1].lower_ in LOCATIVE:
            ctx.mention(_seat_place(ctx, m), m.start, m.end, "seat-place")
            continue
        draft = ctx.draft_for(entry, rule)
        if entry.type == "PERSON":
            draft.name_key = draft.name_key or _key(draft.name)
        ctx.mention(draft, m.start, m.end, rule)


def _seat_place(ctx: Context, m: Any) -> Draft:
    """ "in Brussels", "near Ankara": a capital after a locative preposition is the city itself,
    in the country whose capital it is (not the government or organisation it stands for
    when it acts: "Brussels demanded", "Moscow said")."""
    name = ctx.doc[m.start:m.end].text
    country = next((ctx.kb.entries[s.entry_id].country for s in ctx.kb.surfaces.get(m.key, [])
                    if s.kind == "seat" and ctx.kb.entries[s.entry_id].type == "COUNTRY"), None)
    if country is None:
        place = find_place(name)
        country = place.country if place is not None else None
    draft_id = slug(name)
    existing = ctx.drafts.get(draft_id)
    if existing is not None and existing.type == "LOCATION":
        return existing
    return Draft(id=draft_id if existing is None else f"{draft_id}-place", name=name, type="LOCATION", country=country,
                 code=ctx.kb.country_code(country), rule="seat-place")


def _key(name: str) -> str:
    from .translit import name_key

    return name_key(name)


def link_places(ctx: Context) -> None:
    """Other places NER finds (cities, regions): LOCATION actors."""
    for ent in ctx.doc.ents:
        if ent.label_ not in ("GPE", "LOC") or not ctx.free(ent.start, ent.end):
            continue
        start = ent.start + (ctx.doc[ent.start].lower_ == "the")
        if start >= ent.end or not ctx.doc[start].text[:1].isupper():
            continue
        name = ctx.doc[start:ent.end].text
        if unknown_place_that_speaks(ctx.doc, start, ent.end):
            continue  # "X Y argued that ...": a person NER took for a place (`persons`)
        draft = ctx.drafts.get(slug(name))
        if draft is None:
            place = find_place(name)
            country = place.country if place is not None else None
            draft = Draft(id=slug(name), name=name, type="LOCATION", country=country, code=ctx.kb.country_code(country),
                          rule="ner-place" + ("+geonames" if place else ""))
        ctx.mention(draft, start, ent.end, "ner-place")
    _introduced_places(ctx)


# Nouns that introduce a place by name ("the Ukrainian city of Kharkiv", "the port of Hodeidah").
PLACE_INTRO_NOUNS = frozenset({"city", "town", "village", "port", "capital", "region", "province", "district", "enclave", "island"})


def _introduced_places(ctx: Context) -> None:
    """Places named after "the city of" and the like, whatever NER called them: a LOCATION in
    the gazetteer's country, else in the country of an adjective before the noun."""
    doc = ctx.doc
    for i in range(1, len(doc) - 1):
        if doc[i].lower_ != "of" or doc[i - 1].lower_ not in PLACE_INTRO_NOUNS:
            continue
        end = i + 1
        while end < len(doc) and end - i <= 3 and doc[end].tag_ == "NNP" and doc[end].text[:1].isupper():
            end += 1
        if end == i + 1 or not ctx.free(i + 1, end) or any(never_a_name(t) for t in doc[i + 1:end]):
            continue
        name = doc[i + 1:end].text
        place = find_place(name)
        adjective = next((ctx.kb.adjectives[ctx.keys[k]] for k in range(max(0, i - 4), i - 1) if ctx.keys[k] in ctx.kb.adjectives), None)
        country = place.country if place is not None else adjective
        draft = ctx.drafts.get(slug(name)) or Draft(id=slug(name), name=name, type="LOCATION", country=country,
                                                    code=ctx.kb.country_code(country), rule="introduced-place")
        ctx.mention(draft, i + 1, end, "introduced-place")


def finish(ctx: Context) -> list[Actor]:
    actors = []
    text = parse_text(ctx.doc)
    for draft in ctx.drafts.values():
        if not draft.mentions:
            continue
        _settle(ctx, draft)
        actors.append(_actor(ctx, draft, text))
    return sorted(actors, key=lambda a: (a.mentions[0].start if a.mentions else 0, a.id))


def _settle(ctx: Context, draft: Draft) -> None:
    """Country, sector, roles and code from what is known and what the text says."""
    if draft.type != "PERSON":
        _settle_group(ctx, draft)
        return
    offices = ctx.kb.holder_offices(draft.id)
    if settle_office(draft, ctx.kb, offices, ctx.published):
        return
    if draft.entry is not None and draft.entry.country:
        draft.country = draft.entry.country
    else:
        draft.country = draft.role_country or origin_country(ctx, draft) or _titled_in_context(ctx, draft)
    past = [o for o in offices if ctx.published and o.end and o.end <= ctx.published]
    draft.sector = draft.role_sector or ("ELI" if past else None)
    if draft.role_igo and not (draft.entry is not None and draft.entry.country):
        draft.country, draft.code = None, draft.role_igo  # an official of an international organisation
        return
    draft.code = sector_code(ctx.kb, draft.country, draft.sector)


def _titled_in_context(ctx: Context, draft: Draft) -> str | None:
    """ "President Mugabe ... in Zimbabwe", "Police Chief Omar Haddad said the attack in Aleppo":
    a person whose role gives a sector but whom the text does not place belongs to the one
    country named in the sentence where the role is written (the title's mention first)."""
    if draft.role_sector not in POLITICAL_SECTORS or draft.role_igo:
        return None
    if any(w in " ".join(draft.roles).lower() for w in DIPLOMATIC_WORDS):
        return None  # an envoy's sentence names the country he is sent to
    named = [m for m in draft.mentions if not m[2].startswith("pronoun") and m[2] != "role-noun"]
    titled = [m for m in named if m[2].startswith("title+")]
    for start, _, _ in titled or named[:1]:
        sent = ctx.doc[start].sent
        found = ctx.sentence_countries(sent.start, sent.end, named_only=True)
        if len(found) == 1:
            return found.pop()
    if titled and draft.role_sector in STATE_SECTORS:
        from .describe import dominant_country

        return dominant_country(ctx)  # "Interior Minister X" in a text about one country
    return None


def _settle_group(ctx: Context, draft: Draft) -> None:
    """An organisation or group with a sector but no country ("the interior ministry", an
    unknown body): the country its code begins with, else the one country of its sentence,
    else the country the text is about."""
    if draft.country or draft.type not in ("ORG", "GROUP") or not draft.sector:
        return
    code = draft.code or ""
    if code[:3] in ("IGO", "NGO", "MNC"):
        return
    by_code = ctx.kb.country_of_code(code[:3]) if len(code) > 3 and not draft.ethnicity else None
    country = by_code
    if country is None:
        from .describe import dominant_country

        sent = ctx.doc[min(s for s, _, _ in draft.mentions)].sent
        armed = draft.sector == "REB"  # placed by where it acts, not by its victims' nationality
        found = ctx.sentence_countries(sent.start, sent.end, places_only=armed) - {draft.ethnicity}
        country = found.pop() if len(found) == 1 else dominant_country(ctx, strict=armed)
        if country == draft.ethnicity:
            country = None  # "ethnic Albanians" are not Albania's unless the text places them there
    if country:
        draft.country = country
        if not by_code:
            draft.code = (ctx.kb.country_code(country) or "") + (draft.sector or "")


def _actor(ctx: Context, draft: Draft, text: str) -> Actor:
    seen: dict[tuple[int, int], Mention] = {}
    for start, end, rule in sorted(draft.mentions):
        cs = ctx.doc[start].idx
        ce = ctx.doc[end - 1].idx + len(ctx.doc[end - 1].text)
        if (cs, ce) not in seen:
            seen[(cs, ce)] = Mention(start=cs, end=ce, text=text[cs:ce], rule=rule)
    mentions = _drop_inner(list(seen.values()))
    return Actor(id=draft.id, name=draft.name, type=draft.type, country=draft.country, sector=draft.sector, code=draft.code,
                 roles=list(draft.roles), mentions=mentions, rule=draft.rule or None)


def _drop_inner(mentions: list[Mention]) -> list[Mention]:
    """Of two mentions of one actor where one contains the other, keep the longer."""
    out = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if out and out[-1].start <= m.start and m.end <= out[-1].end:
            continue
        out.append(m)
    return out
