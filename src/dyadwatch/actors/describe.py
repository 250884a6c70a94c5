"""Descriptions that refer to actors without naming them.

"the Azerbaijani authorities" (the government of a country), "the Russian Foreign Ministry"
(a state institution), "Armenian observers" (a group), "the Azerbaijani leader" (an office
holder), "the Transcaucasian republic" (an epithet for a country named nearby), "the expert"
(a person named earlier), and bare "police" or "the
government", given the country the text is about when it says so.

Mention spans follow one convention: names, titles and epithets are name-like and are
recorded without their article ("Russian Foreign Ministry", "Azerbaijani leader",
"Transcaucasian republic"); descriptions of groups, collectives and people keep it ("the
Russian side", "the expert", "the interlocutor of Armenpress").
"""
from __future__ import annotations

from collections import Counter

from .draft import PLACING_PREPS, Context, Draft, country_after_of
from .kb import Role, slug
from .match import span_key
from .persons import person_for_name, holder_on
from .translit import name_key

# Collective nouns that stand for a country's government: they resolve to the country itself.
GOV_COLLECTIVES = frozenset({"authorities", "side", "leadership", "government", "administration", "regime", "ruling circles", "cabinet", "officials"})
# Bodies and groups that are actors even without a country word ("police fired", "rebels said").
GENERIC_HEADS = frozenset({"government", "authorities", "police", "army", "military", "opposition", "rebels", "protesters", "protestors",
                           "demonstrators", "militants", "insurgents", "separatists", "troops", "security forces", "armed forces",
                           "parliament", "security services", "local authorities", "guerrillas", "guerillas", "gunmen",
                           "fighters"})
# How far back (in tokens) "the ministry" may find "the Russian Foreign Ministry" it repeats:
# about three sentences of wire copy.
NAMESAKE_WINDOW = 80
# Group nouns an ethnic or religious name may stand before ("Tamil rebels", "Karen guerrillas");
# named by a word that is no country's, the group still belongs to the country of its context.
ETHNIC_MODIFIABLE = frozenset({"rebels", "guerrillas", "guerillas", "militants", "insurgents", "separatists", "fighters",
                               "protesters", "demonstrators", "gunmen"})
# Nouns that, after a regional adjective, make an epithet for a country ("the Central Asian republic").
EPITHET_NOUNS = frozenset({"republic", "state", "country", "nation", "kingdom", "emirate", "monarchy", "neighbour", "neighbor"})
# Office words and the KB office titles they stand for, most senior first.
OFFICE_TITLES = {
    "leader": ("Supreme Leader", "President", "Leader", "King", "Emir", "Prime Minister", "Chancellor"),
    "president": ("President",),
    "head of state": ("President", "King", "Emir", "Supreme Leader"),
    "prime minister": ("Prime Minister", "Chairman of the Cabinet"),
    "premier": ("Premier", "Prime Minister"),
    "chancellor": ("Chancellor",),
    "foreign minister": ("Foreign Minister", "Secretary of State", "Foreign Secretary"),
    "defence minister": ("Defence Minister",),
    "defense minister": ("Defence Minister",),
    "king": ("King",),
    "emir": ("Emir",),
    "supreme leader": ("Supreme Leader",),
}
# Share of all country mentions one country needs to be "the country the text is about",
# and the fewest mentions; calibrated on invented one-country and two-country test texts.
DOMINANT_SHARE = 0.5
DOMINANT_MIN = 3
MAX_ROLE_WORDS = 3
# "ethnic" before a demonym names people of that origin, usually a minority in another country.
ETHNIC = "ethnic"
# CAMEO codes ethnic groups as civilians (the agents dictionary's ETHNIC_GROUP).
ETHNIC_SECTOR = "CVL"


def role_at(ctx: Context, k: int, end: int) -> tuple[Role, int] | None:
    """The longest role phrase starting at token k (plural forms too)."""
    for n in range(MAX_ROLE_WORDS, 0, -1):
        if k + n > end or not ctx.keys[k + n - 1]:
            continue
        key = span_key(ctx.doc, ctx.keys, k, k + n)  # "Vice-President" as one word
        for form in (key, key[:-1] if key.endswith("s") else "", key[:-2] if key.endswith("es") else "",
                     key[:-3] + "man" if key.endswith("men") else ""):
            role = ctx.kb.roles.get(form) if form else None
            if role is not None:
                return role, k + n
    return None


def _det_start(ctx: Context, i: int) -> int:
    return i - 1 if i > 0 and ctx.doc[i - 1].lower_ == "the" else i


# Demonyms of more than one word ("Sri Lankan", "Papua New Guinean"), widest first.
MULTIWORD_DEMONYM_WIDTHS = (3, 2)


def _in_compound(ctx: Context, i: int) -> bool:
    doc = ctx.doc
    return (i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_) or (
        i + 1 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_)


def _leads(ctx: Context, k: int) -> bool:
    """Tokens k.. read "-led": "Vietnamese-led forces" are forces of the country that leads them."""
    doc = ctx.doc
    return k + 1 < len(doc) and doc[k].text == "-" and doc[k + 1].lower_ == "led" and ctx.taken[k + 1] is None


def _past_led(ctx: Context, k: int) -> int:
    return k + 2 if _leads(ctx, k) else k


def _followed_by_name(ctx: Context, k: int) -> bool:
    return k < len(ctx.doc) and ctx.doc[k].text[:1].isupper() and ctx.doc[k].tag_ in ("NNP", "NNPS")


def _continues_noun(ctx: Context, k: int) -> bool:
    """The phrase goes on with another common noun ("government bonds"), not a time word."""
    if k >= len(ctx.doc):
        return False
    tok = ctx.doc[k]
    return tok.tag_ in ("NN", "NNS", "NNP", "NNPS") and not tok.text[:1].isupper() and tok.ent_type_ not in ("DATE", "TIME")


def extend_role(ctx: Context, role: Role, end: int) -> tuple[Role, int]:
    """ "government officials", "army officers": the last of several role nouns is the head."""
    while end < len(ctx.doc) and ctx.taken[end] is None:
        nxt = role_at(ctx, end, len(ctx.doc))
        if nxt is None:
            break
        role, end = nxt
    return role, end


def link_descriptors(ctx: Context) -> None:
    """Country adjective (or "Country's") + role phrase."""
    doc, n = ctx.doc, len(ctx.doc)
    for i in range(n):
        country, first = _country_word(ctx, i)
        if country is None:
            continue
        countries = [(country, i, first)]
        while first + 1 < n and doc[first].lower_ in ("and", "or", ",") and _country_word(ctx, first + 1)[0]:
            nxt, after = _country_word(ctx, first + 1)
            countries.append((nxt, first + 1, after))  # "Polish and Czech officials"
            first = after
        found = role_at(ctx, first, n)
        if i > 0 and doc[i - 1].lower_ == ETHNIC and len(countries) == 1 and ctx.taken[i - 1] is None:
            _ethnic_group(ctx, country, i - 1, first, found)
            continue
        if found is None:
            if len(countries) == 1 and _settled_group(ctx, country, i, first):
                continue
            for country, start, after in countries:
                _demonym_alone(ctx, country, start, after)
            continue
        role, end = extend_role(ctx, *found)
        if not ctx.free(first, end) or (role.kind == "office" and any(k in ctx.role_tokens for k in range(i, end))):
            continue  # taken, or the title of a named person ("Azerbaijani Ambassador ... Rahman Mustafayev")
        if _continues_noun(ctx, end) and not (role.kind in ("body", "group") and ctx.doc[end - 1].tag_ in ("NN", "NNS")):
            # "Chinese military policies": no institution, but the adjective still names the country.
            for country, start, after in countries:
                _demonym_alone(ctx, country, start, after)
            continue
        for country, start, after in countries:
            last = start == countries[-1][1]
            _descriptor(ctx, country, role, start, end if last else after, end)


def _descriptor(ctx: Context, country: str, role: Role, i: int, end: int, phrase_end: int) -> None:
    doc = ctx.doc
    plural = doc[phrase_end - 1].tag_ in ("NNS", "NNPS")
    if role.phrase in GOV_COLLECTIVES:
        draft = ctx.country_draft(country, "adjective")
        if draft is not None:
            ctx.mention(draft, _det_start(ctx, i), end, f"adjective+{role.phrase}>GOV")
    elif role.kind == "office" and not plural:
        if not _followed_by_name(ctx, phrase_end):
            _office_reference(ctx, country, role, i, end)
    elif role.kind in ("body", "group") or plural:
        _institution(ctx, country, role, i, end)
    elif role.type == "PERSON" and i > 0 and doc[i - 1].lower_ in ("a", "an") and not _followed_by_name(ctx, phrase_end):
        # "an Italian researcher", "a Dutch businessman": someone unnamed, new to the text,
        # known by nationality and occupation (a definite "the Armenian analyst" points back
        # to a person named before and is left to the role-noun rule).
        _institution(ctx, country, role, i, end)


def _ethnic_group(ctx: Context, ethnicity: str, i: int, after: int, found: tuple[Role, int] | None) -> None:
    """ "ethnic Albanians", "ethnic Uzbek fighters": people of that origin living elsewhere;
    the group's country is the place the text puts them in (settled when the document is read)."""
    end, sector = after, ETHNIC_SECTOR
    if found is not None:
        role, end = extend_role(ctx, *found)
        sector = role.sector or sector
    elif ctx.doc[after - 1].tag_ not in ("NNS", "NNPS"):
        return  # "ethnic Albanian" before a noun that is no group ("ethnic Albanian areas")
    if not ctx.free(i, end):
        return
    draft_id = slug(f"ethnic {' '.join(ctx.keys[i + 1:end])}")
    draft = ctx.drafts.get(draft_id) or Draft(id=draft_id, name=ctx.doc[i:end].text, type="GROUP", sector=sector,
                                               code=sector, rule="ethnic-group", ethnicity=ethnicity)
    ctx.mention(draft, i, end, "ethnic-group")


def _settled_group(ctx: Context, country: str, i: int, k: int) -> bool:
    """ "Bosnian Serbs", "Kosovo Albanians": people of one origin (the plural demonym) living in
    the country of the first word; the group belongs to that country. Returns whether it was linked."""
    doc = ctx.doc
    if k >= len(doc) or doc[k].tag_ not in ("NNPS", "NNS") or ctx.taken[k] is not None or not ctx.free(i, k + 1):
        return False
    origin = demonym(ctx, ctx.keys[k])
    if origin is None or origin == country or ctx.keys[k] in ctx.kb.adjectives:
        return False
    code = ctx.kb.country_code(country) or country
    draft_id = slug(f"{country} {ctx.keys[k]}")
    draft = ctx.drafts.get(draft_id) or Draft(id=draft_id, name=doc[i:k + 1].text, type="GROUP", country=country,
                                               sector=ETHNIC_SECTOR, code=code + ETHNIC_SECTOR, rule="settled-group",
                                               ethnicity=origin)
    ctx.mention(draft, _det_start(ctx, i), k + 1, "settled-group")
    return True


def _demonym_alone(ctx: Context, country: str, i: int, end: int) -> None:
    """ "the Palestinians" (a plural demonym: the country's people) or "a Brazilian proposal"
    (a demonym before any other noun: the country, as the proposal's author)."""
    tok = ctx.doc[end - 1]
    draft = ctx.country_draft(country, "demonym")
    if draft is None or ctx.taken[i] is not None:
        return  # "Azerbaijan's economy": the name is already a mention
    if tok.tag_ in ("NNPS", "NNS") and tok.text.endswith("s") and ctx.keys[end - 1] not in ctx.kb.adjectives:
        ctx.mention(draft, _det_start(ctx, i), end, "demonym-people")
    elif end < len(ctx.doc) and ctx.doc[end].tag_ in ("NN", "NNS", "JJ", "NNP", "NNPS", "VBG"):
        ctx.mention(draft, i, end, "demonym")


def _country_word(ctx: Context, i: int) -> tuple[str | None, int]:
    """(ISO code, index after the country word) when token i is a demonym or "Country's"."""
    doc = ctx.doc
    tok = doc[i]
    if not tok.text[:1].isupper() or (_in_compound(ctx, i) and not _leads(ctx, i + 1)):
        return None, i
    for width in MULTIWORD_DEMONYM_WIDTHS:
        # "South Korean", "Sri Lankan": a demonym of several words.
        if i + width <= len(doc) and all(ctx.taken[k] is None and ctx.keys[k] for k in range(i, i + width)):
            iso = demonym(ctx, " ".join(ctx.keys[i:i + width]))
            if iso is not None:
                return iso, _past_led(ctx, i + width)
    if ctx.taken[i] is None:
        iso = demonym(ctx, ctx.keys[i])
        if iso is not None:
            return iso, _past_led(ctx, i + 1)
    owner = ctx.taken[i]
    draft = ctx.drafts.get(owner) if owner else None
    if draft is None or draft.type != "COUNTRY" or (i + 1 < len(doc) and ctx.taken[i + 1] == owner):
        return None, i
    if i + 1 < len(doc) and doc[i + 1].text in ("'s", "’s") and ctx.taken[i + 1] is None:
        return draft.country, i + 2
    if _names_country(ctx, draft, i) and i + 1 < len(doc) and ctx.taken[i + 1] is None and (
            role_at(ctx, i + 1, len(doc)) is not None or doc[i + 1].lower_ in ("and", "or")):
        return draft.country, i + 1  # "U.S. negotiators", "US Congress", "U.S. and Chinese envoys"
    return None, i


def _names_country(ctx: Context, draft: Draft, i: int) -> bool:
    """Token i ends a mention of the country by its name (not a capital used as a place)."""
    return any(e - 1 == i and rule == "country-name" for _, e, rule in draft.mentions)


def demonym(ctx: Context, key: str) -> str | None:
    """Country of a demonym, singular or plural ("Israeli", "Israelis", "Palestinians")."""
    if key in ctx.kb.adjectives:
        return ctx.kb.adjectives[key]
    if key.endswith("s") and key[:-1] in ctx.kb.adjectives:
        return ctx.kb.adjectives[key[:-1]]
    return None


def _office_reference(ctx: Context, country: str, role: Role, i: int, end: int) -> None:
    """ "the Azerbaijani leader": a person of the document, else the office holder on the date."""
    named = _apposed_name(ctx, end)
    if named is not None:
        # "The president of Kenya, William Ruto, ...": the title and the name are one person
        named.role_country = named.role_country or country
        named.role_sector = named.role_sector or role.sector
        named.add_role(ctx.doc[i:end].text)
        ctx.mention(named, _det_start(ctx, i), end, "office-title-apposition")
        return
    person = _person_of(ctx, country, role, i)
    if person is None:
        entry_id = _holder_id(ctx, country, role.phrase)
        if entry_id is None:
            _unnamed_official(ctx, country, role, i, end)
            return
        person = ctx.draft_for(ctx.kb.entries[entry_id], "office-on-date")
    ctx.mention(person, i, end, "office-title")


def _apposed_name(ctx: Context, end: int) -> Draft | None:
    """The person named in apposition right after a title ("..., William Ruto, ..."): a name
    set off by a comma and closed by a comma, a full stop or a verb. A name no step has taken
    yet (NER may call it an organisation) becomes a person here."""

    doc = ctx.doc
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    draft = ctx.drafts.get(ctx.taken[end + 1] or "")
    if draft is not None:
        span = next(((s, e) for s, e, _ in draft.mentions if s == end + 1), None)
        if span is None or not (draft.type == "PERSON" or (draft.type == "ORG" and draft.entry is None and len(draft.mentions) == 1
                                                           and all(t.ent_type_ in ("PERSON", "ORG") for t in doc[span[0]:span[1]]))):
            return None
    else:
        ent = next((e for e in doc.ents if e.start == end + 1 and e.label_ in ("PERSON", "ORG")), None)
        if ent is None or len(ent) < 2 or not ctx.free(ent.start, ent.end):
            return None
        span = (ent.start, ent.end)
    words = doc[span[0]:span[1]]
    if not all(t.text[:1].isupper() or t.text in ("-", "‑") or t.lower_ in NAME_PARTICLES for t in words):
        return None
    closing = doc[span[1]] if span[1] < len(doc) else None
    if closing is not None and closing.text not in (",", ".", ";") and closing.pos_ not in ("VERB", "AUX"):
        return None
    if draft is None:
        draft = person_for_name(ctx, *span)
        ctx.mention(draft, span[0], span[1], "apposition-name")
    elif draft.type == "ORG":
        # a name NER took for an organisation, in apposition to an office: a person
        draft.type, draft.name_key = "PERSON", name_key(draft.name)
    return ctx.drafts.get(draft.id, draft)


# Lower-case words inside personal names ("Alberto van Klaveren", "Ahmed bin Salman").
NAME_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "dos", "das", "du", "la", "le", "el", "al", "bin", "ibn", "ben", "y"})


def _unnamed_official(ctx: Context, country: str, role: Role, i: int, end: int) -> None:
    """ "a Russian official", "an Argentine judge": an unnamed person of that country and sector."""
    words = ctx.doc[i:end].text
    draft_id = slug(f"{country} {role.phrase}")
    draft = ctx.drafts.get(draft_id) or Draft(id=draft_id, name=words, type="PERSON", country=country, sector=role.sector,
                                               code=(ctx.kb.country_code(country) or "") + (role.sector or ""), rule="unnamed-official")
    draft.role_country, draft.role_sector = country, role.sector
    ctx.mention(draft, _det_start(ctx, i), end, "unnamed-official")


def _person_of(ctx: Context, country: str, role: Role, before: int) -> Draft | None:
    best, best_at = None, -1
    for draft in ctx.drafts.values():
        if draft.type != "PERSON" or person_country(draft) != country:
            continue
        at = ctx.last_mention_before(draft, before)
        titles = " ".join(draft.roles).lower() + " " + " ".join(o.title.lower() for o in ctx.kb.holder_offices(draft.id))
        wanted = [t.lower() for t in OFFICE_TITLES.get(role.phrase, (role.phrase,))]
        if at > best_at and any(w in titles for w in wanted):
            best, best_at = draft, at
    return best


def _holder_id(ctx: Context, country: str, phrase: str) -> str | None:
    wanted = OFFICE_TITLES.get(phrase)
    if not wanted:
        return None
    held = []
    for pid, offices in ctx.kb.offices.items():
        office = holder_on([o for o in offices if o.country == country], ctx.published)
        if office is None:
            continue
        rank = next((r for r, w in enumerate(wanted) if office.title.startswith(w) or office.title.startswith("Acting " + w)), None)
        if rank is not None:
            held.append((rank, pid))
    return min(held)[1] if held else None


def person_country(draft: Draft) -> str | None:
    if draft.entry is not None and draft.entry.country:
        return draft.entry.country
    return draft.role_country or draft.country


def _institution(ctx: Context, country: str, role: Role, i: int, end: int) -> None:
    doc = ctx.doc
    words = doc[i:end].text
    draft_id = slug(f"{country} {' '.join(ctx.keys[i + 1:end])}")
    typ = "GROUP" if role.kind == "group" or role.type in ("PERSON", "GROUP") else "ORG"
    draft = ctx.drafts.get(draft_id) or Draft(id=draft_id, name=words, type=typ, country=country, sector=role.sector,
                                               code=(ctx.kb.country_code(country) or "") + (role.sector or ""), rule="adjective+institution")
    name_like = all(t.text[:1].isupper() for t in doc[i:end])
    ctx.mention(draft, i if name_like else _det_start(ctx, i), end, "adjective+institution")


def link_epithets(ctx: Context) -> None:
    """ "the Transcaucasian republic": the member country of that region named most recently."""
    doc = ctx.doc
    for i, tok in enumerate(doc[:-1]):
        if not tok.text[:1].isupper():
            continue
        found = _region_adjective(ctx, i)
        if found is None:
            continue
        region_id, k = found
        if k >= len(doc) or ctx.keys[k] not in EPITHET_NOUNS or not ctx.free(i, k + 1):
            continue
        members = ctx.kb.regions[region_id].members
        countries = [d for d in ctx.drafts.values() if d.type == "COUNTRY" and d.country in members]
        if not countries:
            continue
        recent = max(countries, key=lambda d: (ctx.last_mention_before(d, i), len(d.mentions)))
        ctx.mention(recent, i, k + 1, "epithet")


def _region_adjective(ctx: Context, i: int) -> tuple[str, int] | None:
    """(region id, index after) for a regional adjective of one or two words at token i."""
    for n in (2, 1):
        key = " ".join(ctx.keys[i:i + n])
        if key in ctx.kb.region_adjectives:
            return ctx.kb.region_adjectives[key], i + n
    return None


def dominant_country(ctx: Context, *, strict: bool = False) -> str | None:
    """The country the text is about; `strict` wants it named often, not merely alone."""
    counts = Counter(d.country for d in ctx.drafts.values()
                     if d.type == "COUNTRY" or (d.type == "LOCATION" and d.rule == "seat-place") for _ in d.mentions)
    return dominant_of(counts, strict=strict)


def dominant_of(counts: Counter, *, strict: bool = False) -> str | None:
    """The country most of these mentions name, when it has DOMINANT_MIN of them and
    DOMINANT_SHARE of all; unless `strict`, also the only country named at all."""
    total = sum(counts.values())
    if not total:
        return None
    country, top = counts.most_common(1)[0]
    if len(counts) == 1 and not strict:
        return country  # the only country the text names
    return country if top >= DOMINANT_MIN and top / total >= DOMINANT_SHARE else None


def sentence_country(ctx: Context, i: int, *, places_only: bool = False) -> str | None:
    """The one country the sentence of token i names (by name, capital, demonym or a place in it;
    with `places_only`, not by a demonym)."""
    sent = ctx.doc[i].sent
    found = ctx.sentence_countries(sent.start, sent.end, places_only=places_only)
    return found.pop() if len(found) == 1 else None


def link_generic(ctx: Context) -> None:
    """ "police", "the government", "rebels": the country of the sentence or of the text, else none."""
    doc, n = ctx.doc, len(ctx.doc)
    dominant = None
    dominant_done = False
    for i in range(n):
        if ctx.taken[i] is not None or not doc[i].is_alpha or _in_compound(ctx, i):
            continue
        if doc[i].tag_ not in ("NN", "NNS", "JJ") and not (doc[i].is_sent_start and doc[i].tag_ in ("NNP", "NNPS")):
            continue
        found = role_at(ctx, i, n)
        if found is None or found[0].phrase not in GENERIC_HEADS:
            continue
        role, end = found
        if not ctx.free(i, end) or _continues_noun(ctx, end):
            continue
        earlier = _named_before(ctx, i, end)
        if earlier is not None:
            ctx.mention(earlier, _det_start(ctx, i), end, "definite-description")
            continue
        named_by = None
        if i > 0 and doc[i - 1].tag_ in ("NN", "NNS", "NNP", "POS"):
            if not _ethnic_name_before(ctx, i, role):
                continue
            named_by = i - 1  # "Tamil rebels": the name joins the group's mention
        # Armed groups are placed by where they act, never by their victims' nationality
        # ("militants killed two French tourists").
        armed = role.sector == "REB"
        country = country_after_of(ctx, end, PLACING_PREPS | {"of"}) or sentence_country(ctx, i, places_only=armed)
        if country is None and armed:
            country = dominant_country(ctx, strict=True)
        elif country is None:
            if not dominant_done:
                dominant, dominant_done = dominant_country(ctx), True
            country = dominant
        start = _det_start(ctx, i)
        if country and role.phrase in GOV_COLLECTIVES | {"local authorities"}:
            draft = ctx.country_draft(country, "context")
            if draft is not None:
                ctx.mention(draft, start, end, f"{role.phrase}+context>GOV")
            continue
        _generic_actor(ctx, country, role, start if named_by is None else named_by, end, named=named_by is not None)



def _named_before(ctx: Context, i: int, end: int) -> Draft | None:
    """ "the ministry" after "the Russian Foreign Ministry", "the rebels" after "Tamil rebels":
    a definite generic noun that repeats the head of a body named in full shortly before is
    that body (the nearest one within NAMESAKE_WINDOW tokens)."""
    doc = ctx.doc
    if i == 0 or doc[i - 1].lower_ != "the":
        return None
    head = doc[end - 1].lower_
    best, best_at = None, -1
    for draft in ctx.drafts.values():
        if draft.type not in ("ORG", "GROUP", "COUNTRY") or not draft.country:
            continue
        for s, e, _ in draft.mentions:
            if e - s > 1 and best_at < e <= i and i - e <= NAMESAKE_WINDOW and doc[e - 1].lower_ == head:
                best, best_at = draft, e
    return best


def _ethnic_name_before(ctx: Context, i: int, role: Role) -> bool:
    """Is token i-1 a capitalised name of a people, faith or region before a group noun
    ("Tamil rebels", "Shona rebels", "Darfur rebels") that is no country's word? NER takes
    such names for a person or an unknown place; that reading is dropped for the group's."""
    doc = ctx.doc
    prev = doc[i - 1]
    if role.phrase not in ETHNIC_MODIFIABLE or not prev.text[:1].isupper() or prev.tag_ != "NNP":
        return False
    if i - 1 > 0 and (doc[i - 2].tag_ in ("NNP", "NNPS") or ctx.keys[i - 2] in ctx.kb.adjectives or ctx.taken[i - 2] is not None):
        return False  # part of a longer name, or "Iraqi Kurd fighters" (the country's word decides)
    owner = ctx.taken[i - 1]
    draft = ctx.drafts.get(owner) if owner else None
    if draft is not None:
        lone = len(draft.mentions) == 1 and draft.mentions[0][1] - draft.mentions[0][0] == 1
        if not lone or not (draft.type == "PERSON" or (draft.type == "LOCATION" and draft.country is None)):
            return False
        ctx.drafts.pop(draft.id, None)
        ctx.taken[i - 1] = None
    return True


def _generic_actor(ctx: Context, country: str | None, role: Role, start: int, end: int, *, named: bool = False) -> None:
    adjective = _adjective_for(ctx, country)
    name = f"{adjective} {role.phrase}" if adjective else role.phrase
    if named:
        name = ctx.doc[start:end].text  # "Tamil rebels": the text's own name for the group
    typ = "GROUP" if role.kind == "group" or role.type == "GROUP" else "ORG"
    draft_id = slug(f"{country or ''} {name if named else role.phrase}")
    code = ((ctx.kb.country_code(country) or "") if country else "") + (role.sector or "")
    draft = ctx.drafts.get(draft_id) or Draft(id=draft_id, name=name, type=typ, country=country, sector=role.sector,
                                               code=code or None, rule="generic" + ("+context" if country else ""))
    ctx.mention(draft, start, end, draft.rule)


def _adjective_for(ctx: Context, country: str | None) -> str | None:
    if not country:
        return None
    for adj, iso in ctx.kb.adjectives.items():
        if iso == country:
            return adj.title()
    return None


def link_role_nouns(ctx: Context) -> None:
    """ "the expert", "the Armenian analyst", "the interlocutor of X": a person named earlier."""
    doc, n = ctx.doc, len(ctx.doc)
    for i in range(n - 1):
        if doc[i].lower_ != "the" or ctx.taken[i] is not None:
            continue
        k, country = i + 1, None
        if ctx.keys[k] in ctx.kb.adjectives and doc[k].text[:1].isupper():
            country, k = ctx.kb.adjectives[ctx.keys[k]], k + 1
        found = role_at(ctx, k, n)
        if found is None or found[0].type != "PERSON" or doc[found[1] - 1].tag_ in ("NNS", "NNPS"):
            continue
        role, end = found
        if _followed_by_name(ctx, end) or _continues_noun(ctx, end) or not ctx.free(k, end):
            continue
        of_country = country_after_of(ctx, end) if role.kind == "office" else None
        if of_country is not None:
            k2 = end + 1 + (doc[end + 1].lower_ == "the")
            _office_reference(ctx, of_country, role, i, k2 + 1)
            continue
        end = _of_phrase_end(ctx, end) if role.kind == "profession" else end
        person = _antecedent(ctx, role, country, i)
        if person is not None:
            ctx.mention(person, i, end, "role-noun", nested=True)
            for j in range(i, end):
                if ctx.taken[j] is None:
                    ctx.taken[j] = person.id


def _of_phrase_end(ctx: Context, end: int) -> int:
    doc = ctx.doc
    if end >= len(doc) or doc[end].lower_ != "of":
        return end
    k = end + 1
    while k < len(doc) and k - end < 8 and doc[k].tag_ not in ("VBD", "VBZ", "VBP", "VB", "MD", ",", ".", ":") and not doc[k].is_space:
        k += 1
    return k if k > end + 1 else end


def _antecedent(ctx: Context, role: Role, country: str | None, before: int) -> Draft | None:
    best, best_at = None, -1
    for draft in ctx.drafts.values():
        if draft.type != "PERSON":
            continue
        at = ctx.last_mention_before(draft, before)
        if at < 0 or at <= best_at:
            continue
        if country is not None and person_country(draft) not in (None, country):
            continue
        official = bool(ctx.kb.holder_offices(draft.id)) or draft.role_sector in ("GOV", "MIL", "LEG", "JUD")
        if role.kind == "office":
            if not official or not any(role.phrase in r.lower() for r in draft.roles + [o.title for o in ctx.kb.holder_offices(draft.id)]):
                continue
        elif official:
            continue
        best, best_at = draft, at
    return best
