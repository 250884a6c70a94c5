"""People: named persons from NER and the dictionary, their surnames, titles and roles."""
from __future__ import annotations

import functools
from typing import Any, Protocol

from .coref import SPEECH_VERBS, SUBJECT_DEPS
from .draft import Context, Draft, country_after_of
from .guards import (city_not_person, common_noun_opening, hyphen_given_end, hyphen_given_start, named_as_place,
                     named_as_thing, never_a_name, org_word)
from .kb import Entry, KnowledgeBase, Office, phrase_key, slug
from .places import find_place
from .translit import name_key

FORMER = frozenset({"former", "ex", "ex-", "erstwhile", "ousted", "deposed", "late"})
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam", "mme", "m."})
# Words that may sit inside a title between the office and a name ("President of Azerbaijan").
TITLE_LINKS = frozenset({"of", "to", "the", "for", "and", "-"})
# Longest pre-modifier or apposition taken as a role, in tokens (longer ones are clauses).
MAX_ROLE_TOKENS = 14
# How far into an apposition its role noun may stand: "Peru's best-known human rights lawyer"
# and "the United Nations Deputy Relief Coordinator" put it sixth.
APPOSITION_HEAD_WINDOW = 6
STOP_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD", "WDT", "WP", "CC", "PRP", "PRP$", "RB", ",", ".", ":", "``", "''", "-LRB-", "-RRB-"})


def person_spans(ctx: Context) -> list[tuple[int, int]]:
    """Token spans of PERSON entities, cleaned of articles, possessives and stray marks."""
    spans = []
    for ent in ctx.doc.ents:
        if ent.label_ != "PERSON":
            continue
        start, end = ent.start, ent.end
        while start < end and (ctx.doc[start].lower_ in ("the", "a", "an") or ctx.doc[start].lower_ in HONORIFICS or not ctx.doc[start].is_alpha
                               or (end - start > 2 and _leading_title(ctx, start))):
            start += 1
        while end > start and (ctx.doc[end - 1].text in ("'s", "’s", "'") or not ctx.doc[end - 1].text[-1:].isalnum()):
            end -= 1
        if end <= start or not ctx.doc[start].text[:1].isupper():
            continue
        given = hyphen_given_start(ctx.doc, start)
        if not any(ctx.keys[k] in ctx.kb.roles or ctx.doc[k].lower_ in ctx.kb.roles for k in range(given, start)):
            start = given  # "Yunus-Bek Yevkurov", never "Secretary-General Kofi Annan"
        end = hyphen_given_end(ctx.doc, start, end)
        if not_a_person(ctx, start, end):
            continue
        if all(never_a_name(ctx.doc[i]) for i in range(start, end)):
            continue  # "Sunday", "May" in "early May 2015", a dateline's capitals
        words = [ctx.keys[i] for i in range(start, end)]
        if words[0] in ctx.kb.adjectives and "-" in words:
            continue  # "Azeri-Chechen": a compound of demonyms
        if " ".join(w for w in words if w) in ctx.kb.adjectives or all(
                w in ctx.kb.adjectives or w in ctx.kb.surfaces or (w.endswith("s") and w[:-1] in ctx.kb.adjectives)
                for w in words if w and w != "-"):
            continue  # a country, capital or demonym ("Sri Lankan", "Bosnian Serbs") that NER took for a person
        spans.append((start, end))
    covered = {i for s, e in spans for i in range(s, e)}
    return spans + [s for s in _unlabelled_names(ctx) if not covered & set(range(*s))]


def not_a_person(ctx: Context, start: int, end: int) -> bool:
    """A PERSON entity that names a place, an organisation, the outlet or a common noun."""
    doc = ctx.doc
    if end - start == 1 and (city_not_person(doc[start]) or named_as_place(doc[start]) or named_as_thing(doc[start])):
        return True  # "the Rafah crossing", "over Grozny", "Grozny, Mozdok and Vladikavkaz", "to Nakhchivan, which"
    if end - start == 1 and start > 0 and doc[start - 1].lower_ == "the":
        return True  # "the Chronicle's correspondent", "the Embraer aircraft": names take no article
    if end - start == 1 and common_noun_opening(doc[start]):
        return True  # "Trains are running"
    if any(org_word(doc[k], ctx.kb.roles) for k in range(start, end)):
        return True  # "Ararat Policy Lab": an organisation (linked as one by `orgs`)
    if ctx.outlet:
        name, outlet = phrase_key(doc[start:end].text), phrase_key(ctx.outlet)
        if name and (name == outlet or outlet.endswith(" " + name)):
            return True  # "told Sevan Line": the outlet that publishes the report
    return False


def _leading_title(ctx: Context, k: int) -> bool:
    """ "Spokeswoman" in a PERSON entity "Spokeswoman Maria Lund": a title NER took into the name."""
    role = ctx.kb.roles.get(ctx.keys[k])
    return role is not None and role.type == "PERSON" and role.kind in ("office", "profession")


# Apostrophes inside a name word ("Mata'afa", "O'Neill", "Ma'ruf").
NAME_APOSTROPHES = ("'", "’")


def _name_word(text: str) -> bool:
    """A capitalised word of letters, which may hold an apostrophe inside ("Mata'afa")."""
    core = text
    for a in NAME_APOSTROPHES:
        core = core.replace(a, "")
    return core.isalpha() and text[:1].isupper() and text[-1:].isalpha()


def _unlabelled_names(ctx: Context) -> list[tuple[int, int]]:
    """Two or three capitalised words that NER missed, when the first is a known given name
    ("Elchin Mammadov"), a role follows in apposition ("X Y, a lawyer, ..."), a title of
    office comes right before ("Prime Minister Fiame Naomi Mata'afa": news English titles
    people before their names) or, taken for a place no gazetteer knows, they say or argue
    something as people do."""
    from .names import load_origins

    doc, given = ctx.doc, load_origins().given
    out = []
    i = 0
    while i < len(doc) - 1:
        end = i
        while end < len(doc) and end - i < 3 and doc[end].tag_ in ("NNP", "NNPS") and _name_word(doc[end].text) \
                and not never_a_name(doc[end]):
            end += 1
        if end - i >= 2 and not any(ctx.keys[k] in ctx.kb.adjectives or ctx.keys[k] in ctx.kb.surfaces or ctx.keys[k] in ctx.kb.roles
                                    or org_word(doc[k], ctx.kb.roles) for k in range(i, end)):
            if name_key(doc[i].text) in given or _apposition(ctx, end) is not None or (i > 0 and _leading_title(ctx, i - 1)) \
                    or unknown_place_that_speaks(doc, i, end):
                out.append((i, end))
                i = end
                continue
        i += 1
    return out


def unknown_place_that_speaks(doc: Any, start: int, end: int) -> bool:
    """Capitalised words NER took for a place (or for nothing) that no gazetteer knows as one,
    the subject of a verb of saying: "X Y argued on the BBC that ..." speaks as a person does.
    A known place that speaks ("Hong Kong said") is its government, and stays a place."""
    if any(doc[k].ent_type_ not in ("", "GPE") for k in range(start, end)):
        return False
    if end - start < 2 or find_place(doc[start:end].text) is not None:
        return False  # one word may be a surname or a town; two words no gazetteer knows as a place
    last = doc[end - 1]
    return last.dep_ in SUBJECT_DEPS and last.head.lemma_ in SPEECH_VERBS and last.head.i >= end


def holder_on(offices: list[Office], day: str | None) -> Office | None:
    """The office held on `day` (ISO date; None means now), the most recent start first."""
    held = [o for o in offices if _in_office(o, day)]
    return max(held, key=lambda o: o.start) if held else None


class Settling(Protocol):
    """What settling a person sets: the drafts of every language's actor stage have it."""

    roles: list[str]
    country: str | None
    sector: str | None
    code: str | None


def settle_office(draft: Settling, kb: KnowledgeBase, offices: list[Office], day: str | None) -> bool:
    """Give a person the office held on `day`: its title first among the roles, its sector, its
    country and the code they make (an international organisation's office: no country, and
    the organisation's code). False, and nothing changed, when no office is held that day."""
    office = holder_on(offices, day)
    if office is None:
        return False
    igo = office.country.startswith("IGO")
    draft.roles.insert(0, office.title)
    draft.sector = office.sector
    draft.country = None if igo else office.country
    draft.code = office.country if igo else (kb.country_code(office.country) or "") + office.sector
    return True


def sector_code(kb: KnowledgeBase, country: str | None, sector: str | None) -> str | None:
    """An actor's code: its country's code and its sector ("AZEGOV"), None when neither is known."""
    return ((kb.country_code(country) or "") + (sector or "")) or None


def _in_office(office: Office, day: str | None) -> bool:
    """Dates compare at the precision the data gives (a start of "2019-05" covers all of May)."""
    if day is None:
        return office.end is None
    if day[: len(office.start)] < office.start:
        return False
    return office.end is None or day[: len(office.end)] < office.end


def link_named_persons(ctx: Context) -> None:
    """Full names first (they fix identities), then single names against them."""
    spans = [s for s in person_spans(ctx) if ctx.free(*s)]
    multi = [s for s in spans if _word_count(ctx, *s) >= 2]
    single = [s for s in spans if _word_count(ctx, *s) < 2]
    for start, end in multi:
        draft = person_for_name(ctx, start, end)
        ctx.mention(draft, start, end, draft.rule)
    for start, end in single:
        draft = surname_owner(ctx, name_key(ctx.doc[start:end].text), start)
        if draft is not None:
            ctx.mention(draft, start, end, "surname")
            continue
        entry = official_by_surname(ctx, name_key(ctx.doc[start:end].text))
        if entry is not None:
            ctx.mention(ctx.draft_for(entry, "kb-surname-on-date"), start, end, "kb-surname-on-date")
            continue
        name = ctx.doc[start:end].text
        draft = Draft(id=slug(name), name=name, type="PERSON", rule="ner-person", name_key=name_key(name))
        ctx.mention(draft, start, end, "ner-person")


def _word_count(ctx: Context, start: int, end: int) -> int:
    return sum(1 for t in ctx.doc[start:end] if t.is_alpha and t.lower_ not in ("al", "el", "bin", "de", "van", "von"))


def person_for_name(ctx: Context, start: int, end: int) -> Draft:
    name = " ".join(t.text for t in ctx.doc[start:end] if not t.is_space).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
    key = name_key(name)
    for draft in ctx.drafts.values():
        if draft.type == "PERSON" and draft.name_key == key:
            return draft
    ids = ctx.kb.person_keys.get(key, [])
    if ids:
        draft = ctx.draft_for(ctx.kb.entries[ids[0]], "kb-name")
        draft.name_key = name_key(draft.name)
        return draft
    return Draft(id=slug(name), name=name, type="PERSON", rule="ner-person", name_key=key)


def surname_owner(ctx: Context, key: str, tok: int) -> Draft | None:
    """The person of this document whose surname has this key (the nearest before `tok` first)."""
    if not key:
        return None
    owners = [d for d in ctx.drafts.values() if d.type == "PERSON" and d.name_key and len(d.name_key.split()) > 1
              and (d.name_key.split()[-1] == key or (d.entry is not None and key in _kb_surnames(ctx, d)))]
    if not owners:
        return None
    return max(owners, key=lambda d: (ctx.last_mention_before(d, tok) >= 0, ctx.last_mention_before(d, tok)))


def _kb_surnames(ctx: Context, draft: Draft) -> set[str]:
    return _surnames_by_person(ctx.kb).get(draft.id, set())


@functools.lru_cache(maxsize=4)
def _surnames_by_person(kb: KnowledgeBase) -> dict[str, set[str]]:
    """The last word of every name key of each known person, by the person's id."""
    out: dict[str, set[str]] = {}
    for key, ids in kb.person_keys.items():
        if key:
            for pid in ids:
                out.setdefault(pid, set()).add(key.split()[-1])
    return out


def official_by_surname(ctx: Context, key: str) -> Entry | None:
    """A known official with this surname who held office on the article's date, if only one did."""
    ids = ctx.kb.surname_keys.get(key, [])
    on_date = [i for i in ids if holder_on(ctx.kb.holder_offices(i), ctx.published) is not None]
    if len(on_date) == 1:
        return ctx.kb.entries[on_date[0]]
    if not on_date and len(ids) == 1:
        return ctx.kb.entries[ids[0]]  # the only known person of that name, in office or not
    return None


def link_surnames(ctx: Context) -> None:
    """Later bare surnames ("Dunamalyan", "Mr Djuvarly") of people already named in full."""
    doc = ctx.doc
    for i, tok in enumerate(doc):
        if ctx.taken[i] is not None or not tok.is_alpha or not tok.text[:1].isupper() or len(tok.text) < 3:
            continue
        if never_a_name(tok):
            continue
        end = i + 1
        while end < len(doc) and doc[end].text == "-" and end + 1 < len(doc) and ctx.taken[end + 1] is None:
            end += 2  # hyphenated surnames
        key = name_key(doc[i:end].text)
        draft = surname_owner(ctx, key, i)
        rule = "surname"
        if draft is None and tok.tag_ in ("NNP", "NNPS"):
            entry = official_by_surname(ctx, key)
            draft = ctx.draft_for(entry, "kb-surname-on-date") if entry is not None else None
            rule = "kb-surname-on-date"
        if draft is None:
            continue
        start = i
        if i > 0 and doc[i - 1].lower_ in HONORIFICS and ctx.taken[i - 1] is None:
            start, rule = i - 1, "honorific+surname"
        ctx.mention(draft, start, end, rule)


def attach_titles(ctx: Context) -> None:
    """Pre-modifiers and appositions of person mentions become roles; titles join the mention."""
    for draft in [d for d in ctx.drafts.values() if d.type == "PERSON"]:
        new = []
        for start, end, rule in draft.mentions:
            of_country = country_after_of(ctx, end)
            if of_country and draft.role_country is None:
                draft.role_country = of_country
            appos = _apposition(ctx, end)
            if appos is not None:
                draft.add_role(_clean_role(ctx.doc[appos[0]:appos[1]]))
                _role_hints(ctx, draft, *appos)
                ctx.role_tokens.update(range(*appos))
            role_start = _premodifier_start(ctx, start)
            if role_start < start:
                ctx.role_tokens.update(range(role_start, start))
                draft.add_role(_clean_role(ctx.doc[role_start:start]))
                _role_hints(ctx, draft, role_start, start)
                title_start = _title_start(ctx, role_start, start)
                if title_start < start and all(ctx.taken[k] in (None, draft.id) for k in range(title_start, start)):
                    start, rule = title_start, "title+" + rule
            if start > 0 and ctx.doc[start - 1].lower_ in HONORIFICS and ctx.taken[start - 1] in (None, draft.id):
                start, rule = start - 1, "honorific+" + rule
            new.append((start, end, rule))
        draft.mentions = new
        for start, end, _ in new:
            for k in range(start, end):
                if ctx.taken[k] is None:
                    ctx.taken[k] = draft.id


def _is_role_word(ctx: Context, tok: Any) -> bool:
    low = phrase_key(tok.text)
    if tok.text == "-":
        return False
    return low in ctx.kb.roles or low.rstrip("s") in ctx.kb.roles or low in ctx.kb.adjectives


def _premodifier_start(ctx: Context, start: int) -> int:
    """Leftmost token of a role written before a name ("Armenian political scientist")."""
    doc = ctx.doc
    k = start - 1
    best = start
    steps = 0
    while k >= 0 and steps < MAX_ROLE_TOKENS:
        tok = doc[k]
        if tok.tag_ == "POS" and k > 0 and _country_owner(ctx, k - 1):
            best = k - 1  # "Chile's new President Ana Rojas"
            break
        if tok.is_space or tok.tag_ in STOP_TAGS or tok.dep_ == "poss":
            break
        if tok.text == "-" and k > 0 and not doc[k - 1].whitespace_ and doc[k - 1].is_alpha:
            k -= 1  # "pro-Moscow": the prefix belongs to the word
            steps += 1
            continue
        if tok.lower_ in TITLE_LINKS or tok.tag_ in ("DT", "IN", "HYPH"):
            if tok.lower_ not in TITLE_LINKS or not _link_continues(ctx, k):
                break
        elif tok.tag_ not in ("NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "VBN", "CD"):
            break
        if ctx.taken[k] is not None and not _is_role_word(ctx, tok) and ctx.kb.entries.get(ctx.taken[k], None) is None:
            break
        if _is_role_word(ctx, tok) or (tok.text[:1].isupper() and tok.tag_.startswith("NNP")) or ctx.taken[k] is not None:
            best = k
        elif tok.tag_ in ("NN", "NNS", "JJ") and any(_is_role_word(ctx, t) for t in doc[k + 1:start]):
            best = k
        k -= 1
        steps += 1
    if best < start and not any(_is_role_word(ctx, t) for t in doc[best:start]):
        return start
    while best < start and (doc[best].lower_ in TITLE_LINKS or doc[best].tag_ in ("DT", "HYPH")):
        best += 1
    return best


def _country_owner(ctx: Context, k: int) -> bool:
    owner = ctx.taken[k]
    return owner is not None and owner in ctx.drafts and ctx.drafts[owner].type == "COUNTRY"


def _link_continues(ctx: Context, k: int) -> bool:
    """A link word inside a title: "Ambassador to the ...", "President of ..." (a role word or name to its left)."""
    j = k - 1
    while j >= 0 and ctx.doc[j].lower_ in TITLE_LINKS:
        j -= 1
    return j >= 0 and (_is_role_word(ctx, ctx.doc[j]) or ctx.doc[j].tag_ in ("NNP", "NNPS"))


def _title_start(ctx: Context, role_start: int, start: int) -> int:
    """The part of a pre-modifier that is a title (capitalised office words, country words)."""
    doc = ctx.doc
    k = start
    has_office = False
    while k > role_start:
        tok = doc[k - 1]
        low = phrase_key(tok.text)
        role = ctx.kb.roles.get(low)
        if role is not None and role.kind == "office" and tok.text[:1].isupper():
            has_office = True
        elif not (tok.text[:1].isupper() or low in TITLE_LINKS):
            break
        k -= 1
    while k < start and doc[k].lower_ in TITLE_LINKS:
        k += 1
    return k if has_office else start



def _apposition(ctx: Context, end: int) -> tuple[int, int] | None:
    """", a member of the X Committee," after a name: the role's token span."""
    doc = ctx.doc
    if end >= len(doc) - 1 or doc[end].text != ",":
        return None
    k = end + 1
    if doc[k].lower_ in ("a", "an", "the"):
        k += 1
    head = [t for t in doc[k:k + APPOSITION_HEAD_WINDOW] if _is_role_word(ctx, t) and phrase_key(t.text) not in ctx.kb.adjectives]
    if not head:
        return None
    stop = k
    quotes = 0
    while stop < len(doc) and stop - k < MAX_ROLE_TOKENS:
        tok = doc[stop]
        if tok.text in ('"', "“", "”", "«", "»"):
            quotes += 1
        elif tok.text in (",", ";", ".", "(", ")") or tok.tag_ in ("VBD", "VBZ", "VBP", "MD") or tok.is_space:
            break
        stop += 1
    return (k, stop) if stop > k else None


def _clean_role(span: Any) -> str:
    return " ".join("".join(t.text_with_ws for t in span).split())


def _role_hints(ctx: Context, draft: Draft, start: int, end: int) -> None:
    """Country and sector a role gives: the first country word and the main role word."""
    doc = ctx.doc
    for k in range(start, end):
        low = ctx.keys[k]
        if k > 1 and doc[k - 1].text == "-" and doc[k - 2].lower_ in ("pro", "anti"):
            continue  # "pro-Moscow" says whom one sides with, not where one is from
        owner = ctx.taken[k]
        country = None
        if owner is not None and any(r == "seat-place" for s2, e2, r in ctx.drafts[owner].mentions if s2 <= k < e2):
            continue  # "detained in Baku" says where, not whose
        if low in ctx.kb.adjectives and doc[k].text[:1].isupper():
            country = ctx.kb.adjectives[low]
        elif owner is None and doc[k].text[:1].isupper():
            country = _place_country(ctx, low)  # "an analyst at the Yerevan Policy Institute"
        elif owner is not None and owner in ctx.drafts and ctx.drafts[owner].type != "PERSON":
            country = ctx.drafts[owner].country
            code = ctx.drafts[owner].code or ""
            if code.startswith("IGO") and draft.role_igo is None:
                draft.role_igo = code
        if country and draft.role_country is None:
            draft.role_country = country
    sector = _role_sector(ctx, start, end)
    if any(t.lower_ in FORMER for t in doc[start:end]):
        sector = "ELI"  # CAMEO codes former office holders as elites
    if sector and draft.role_sector is None:
        draft.role_sector = sector


def _place_country(ctx: Context, key: str) -> str | None:
    for surface in ctx.kb.surfaces.get(key, []):
        entry = ctx.kb.entries[surface.entry_id]
        if entry.type == "COUNTRY" and surface.kind in ("country-name", "seat"):
            return entry.country
    return None


def _role_sector(ctx: Context, start: int, end: int) -> str | None:
    """Sector of the role's head: the last role word before any "of/at/to" complement."""
    found = None
    k = start
    while k < end:
        if ctx.doc[k].lower_ in ("of", "at", "to", "for", "in", "with") and found is not None:
            break
        step = 1
        for n in (3, 2, 1):
            if k + n > end:
                continue
            key = " ".join(ctx.keys[k:k + n])
            role = ctx.kb.roles.get(key) or ctx.kb.roles.get(key.rstrip("s"))
            if role is not None:
                found = role.sector or found
                step = n
                break
        k += step
    return found
