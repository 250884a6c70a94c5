"""The Russian actor stage (actors-ru.v1): mentions in a natasha parse resolved to actors.

Russian inflects names ("Россия", "России", "Россией"), so phrases are matched by their
lemmas against the Russian lexicons in data/ru/, which point at the entries of the same
knowledge base the English stage uses: "Кремль", "Москва" and "Russia" are one actor.
Persons are found by natasha's name tagger and resolved through their nominative form,
romanised and reduced by the project's transliteration rules, so "Алиев" has the id of
"Aliyev"; an unknown person keeps the Russian nominative as name and gets the id of its
transliteration. A surname alone ("Обухова") continues the person named in full earlier.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from ..lexicons import lexicon_text
from ..models import Actor, Mention
from ..nlp_ru import RuParse, RuToken
from ..pipeline import Work, register
from .draft import Draft as ActorDraft
from .kb import KnowledgeBase, default_kb, slug
from .lookup import SECTOR_MARK
from .persons import sector_code, settle_office
from .translit import name_key

LANGUAGE = "ru"
# Kinds of names.tsv entries that are mentions of an actor by themselves.
ACTOR_KINDS = frozenset({"country", "seat", "org", "body"})
COUNTRY_KINDS = frozenset({"adjective", "demonym"})
# How many tokens back from a name its title may start ("директор Центра евразийских
# транспортных исследований Кирилл Обухов" puts eight words between them).
TITLE_LOOKBACK = 9
# A surname in another case differs from its nominative by an ending of at most this many letters.
MAX_ENDING = 3
QUOTE_MARKS = "«»„“”\"'"
# Prepositions after which a capital names a place; seats that are buildings stay governments.
PLACE_PREPS = frozenset({"в", "во", "из"})
SEAT_BUILDINGS = frozenset({"кремль", "белый"})
# Letters of a first name's key that must agree for a Russian full name to be a known
# person found by surname (the romanisations of one first name differ later: Aleksey/Alexei).
FIRST_NAME_PREFIX = 2


@dataclass(frozen=True)
class RuLexicon:
    names: dict[tuple[str, ...], tuple[str, str]]  # lemma words -> (English name, kind)
    roles: dict[tuple[str, ...], str]  # lemma words -> English role phrase
    persons: dict[str, str]  # key of a Russian spelling -> English name, where romanising fails
    letters: dict[str, str]
    max_words: int


def _rows(name: str) -> list[list[str]]:
    text = lexicon_text(LANGUAGE, name)
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@functools.lru_cache(maxsize=1)
def ru_lexicon() -> RuLexicon:
    names = {tuple(r[0].split()): (r[1], r[2]) for r in _rows("names.tsv")}
    roles = {tuple(r[0].split()): r[1] for r in _rows("roles.tsv")}
    letters = {r[0]: (r[1] if len(r) > 1 else "") for r in _rows("romanize.tsv")}
    lex = RuLexicon(names=names, roles=roles, persons={}, letters=letters, max_words=max(len(k) for k in (*names, *roles)))
    for row in _rows("persons.tsv"):
        lex.persons[ru_name_key(row[0], lex)] = row[1]
        lex.persons.setdefault(ru_name_key(row[0].split()[-1], lex), row[1])
    return lex


def romanize(text: str, lex: RuLexicon | None = None) -> str:
    """Latin letters for Russian Cyrillic (BGN/PCGN, data/ru/romanize.tsv); other characters stay."""
    letters = (lex or ru_lexicon()).letters
    out = []
    for ch in text:
        low = ch.lower()
        rom = letters.get(low)
        if rom is None:
            out.append(ch)
        else:
            out.append(rom.capitalize() if ch != low and rom else rom)
    return "".join(out)


def ru_name_key(name: str, lex: RuLexicon | None = None) -> str:
    """The transliteration key of a name written in Russian (Алиев -> the key of Aliyev)."""
    return name_key(romanize(name, lex))


def country_adjective(kb: KnowledgeBase, iso: str | None) -> str | None:
    return next((adj.title() for adj, c in kb.adjectives.items() if c == iso), None) if iso else None


@dataclass
class Draft(ActorDraft):
    """One actor of a Russian document while its mentions are collected (mentions in
    character offsets, not tokens)."""

    surname: str | None = None  # nominative surname of a person, to continue it


@dataclass
class Reader:
    """What is being built for one document."""

    parse: RuParse
    kb: KnowledgeBase
    published: str | None
    drafts: dict[str, Draft] = field(default_factory=dict)
    taken: set[int] = field(default_factory=set)  # tokens already in a mention
    country_at: dict[int, str] = field(default_factory=dict)  # token -> country it names or qualifies
    persons_at: dict[int, Draft] = field(default_factory=dict)

    def mention(self, draft: Draft, first: int, last: int, rule: str) -> None:
        toks = self.parse.tokens
        while last > first and toks[last - 1].text in QUOTE_MARKS:
            last -= 1
        while first < last and toks[first].text in QUOTE_MARKS:
            first += 1
        if first >= last:
            return
        self.drafts.setdefault(draft.id, draft)
        self.drafts[draft.id].mentions.append((toks[first].start, toks[last - 1].end, rule))
        self.taken.update(range(first, last))


def _word(tok: RuToken) -> tuple[str, str]:
    return tok.lemma, tok.lower


def _match(words: list[RuToken], table: dict[tuple[str, ...], object], max_words: int) -> int:
    """Length of the longest phrase of `table` starting at words[0] (by lemma or by form), or 0."""
    for n in range(min(max_words, len(words)), 0, -1):
        span = words[:n]
        if any(t.pos == "PUNCT" for t in span):
            continue
        lemmas = tuple(t.lemma for t in span)
        forms = tuple(t.lower for t in span)
        if lemmas in table or forms in table:
            return n
    return 0


def _entry(table: dict, span: list[RuToken]):
    return table.get(tuple(t.lemma for t in span)) or table.get(tuple(t.lower for t in span))


def _capitalised(tok: RuToken) -> bool:
    return tok.text[:1].isupper()


def _genitive_country(rd: Reader, k: int) -> tuple[str, int] | None:
    """A country in the genitive right after position k ("МИД России"): (ISO, end token)."""
    toks = rd.parse.tokens
    if k >= len(toks) or toks[k].sent != toks[k - 1].sent:
        return None
    n = _match(toks[k:k + 3], ru_lexicon().names, 3)
    if not n:
        return None
    target, kind = _entry(ru_lexicon().names, toks[k:k + n])
    if kind not in ("country", "seat") or toks[k].feat("Case") not in ("Gen", None) or not _capitalised(toks[k]):
        return None
    entry = rd.kb.entries.get(slug(target))
    return (entry.country, k + n) if entry and entry.country else None


def link_names(rd: Reader) -> None:
    """Countries, seats, organisations and country adjectives, by their lemmas."""
    lex = ru_lexicon()
    toks = rd.parse.tokens
    in_person = {k for n in rd.parse.names if n.type == "PER" for k in range(n.first, n.last)}
    i = 0
    while i < len(toks):
        n = _match(toks[i:i + lex.max_words], lex.names, lex.max_words) if i not in in_person else 0
        if not n:
            i += 1
            continue
        span = toks[i:i + n]
        target, kind = _entry(lex.names, span)
        if kind in COUNTRY_KINDS:
            entry = rd.kb.entries.get(slug(target))
            if entry and entry.country and span[0].lower == span[0].text.lower() or kind == "demonym":
                rd.country_at[i] = entry.country if entry else None
            i += n
            continue
        if not _capitalised(span[0]):
            i += 1
            continue
        end = i + n
        if kind == "body":
            iso, phrase = target.split(" ", 1)
            draft = institution(rd, iso, phrase)
            rd.mention(draft, i, end, "ru-seat")
        else:
            entry = rd.kb.entries.get(slug(target))
            if entry is None:
                i += 1
                continue
            draft = rd.drafts.get(entry.id) or Draft(id=entry.id, name=entry.name, type=entry.type, country=entry.country,
                                                     sector=entry.sector, code=entry.code, rule="ru-dictionary")
            gen = _genitive_country(rd, end) if kind == "org" else None
            if gen and gen[0] == entry.country:
                end = gen[1]  # "Государственный департамент США" is one name
            rule = {"seat": f"ru-seat{SECTOR_MARK}GOV", "country": "ru-country", "org": "ru-org"}[kind]
            if kind == "seat" and entry.type == "COUNTRY" and _is_place(rd, i):
                draft = place(rd, span, entry.country)
                rule = "ru-place"
            rd.mention(draft, i, end, rule)
            if entry.type == "COUNTRY":
                rd.country_at[i] = entry.country
        i = end


def _is_place(rd: Reader, i: int) -> bool:
    """A capital after "в", "во", "из" is where something happens ("переговоры в Абу-Даби"),
    not its government; the Kremlin and the White House stay their governments."""
    toks = rd.parse.tokens
    if not (i > 0 and toks[i - 1].lower in PLACE_PREPS and toks[i - 1].sent == toks[i].sent and toks[i].lemma not in SEAT_BUILDINGS):
        return False
    return not _speaks_impersonally(rd, toks[i])


def _speaks_impersonally(rd: Reader, tok: RuToken) -> bool:
    """"В Тегеране сообщили", "в Баку заявили": a verb of saying with no subject makes the
    capital its speaker, the government."""
    from ..quotes.russian import speech

    head = rd.parse.head_of(tok)
    return head is not None and head.lemma in speech().verbs and not rd.parse.children(head, "nsubj")


def place(rd: Reader, span: list[RuToken], iso: str | None) -> Draft:
    name = " ".join(t.lemma.capitalize() if t.lemma[:1].isalpha() else t.lemma for t in span)
    name = "-".join(w[:1].upper() + w[1:] for w in name.split("-"))
    pid = "place-" + slug(romanize(name))
    return rd.drafts.get(pid) or Draft(id=pid, name=name, type="LOCATION", country=iso, code=rd.kb.country_code(iso), rule="ru-place")


def institution(rd: Reader, iso: str | None, phrase: str) -> Draft:
    """A state body ("МИД России", "Смоленская площадь"): the id its English name gets."""
    role = rd.kb.roles.get(phrase)
    sector = role.sector if role else None
    draft_id = slug(f"{iso or ''} {phrase}")
    adj = country_adjective(rd.kb, iso)
    name = f"{adj} {phrase.title()}" if adj else phrase.title()
    return rd.drafts.get(draft_id) or Draft(id=draft_id, name=name, type="ORG", country=iso, sector=sector,
                                            code=((rd.kb.country_code(iso) or "") + (sector or "")) or None, rule="ru-institution")


def _role_at(rd: Reader, i: int) -> tuple[str, int] | None:
    lex = ru_lexicon()
    toks = rd.parse.tokens
    n = _match(toks[i:i + lex.max_words], lex.roles, lex.max_words)
    if not n:
        return None
    return _entry(lex.roles, toks[i:i + n]), i + n


def link_bodies(rd: Reader) -> None:
    """Institutions named by a role word and a country: "МИД России", "МВД Грузии",
    "правительство Армении", "российский МИД"; a body with no country takes the one its
    sentence names, else the one the text is about."""
    toks = rd.parse.tokens
    i = 0
    while i < len(toks):
        found = _role_at(rd, i) if i not in rd.taken else None
        role = rd.kb.roles.get(found[0]) if found else None
        if not found or role is None or role.kind != "body" or toks[found[1] - 1].pos not in ("NOUN", "PROPN"):
            i += 1
            continue
        phrase, end = found
        iso = rd.country_at.get(i - 1)
        gen = _genitive_country(rd, end)
        start = i - 1 if iso else i
        if gen:
            iso, end = gen
        if iso is None:
            # "правительство" after "правительство Армении" is that government again
            earlier = [d for d in rd.drafts.values() if d.rule == "ru-institution" and d.id.endswith("-" + slug(phrase))]
            iso = earlier[-1].country if earlier else sentence_country(rd, toks[i].sent)
        if iso is None:
            i = end
            continue
        rd.mention(institution(rd, iso, phrase), start, end, "ru-institution")
        i = end


def sentence_country(rd: Reader, sent: int) -> str | None:
    """The one country a sentence names, else the country the text names most."""
    s = rd.parse.sentences[sent]
    here = {c for k, c in rd.country_at.items() if s.first <= k < s.last and c}
    if len(here) == 1:
        return here.pop()
    counts = Counter(c for c in rd.country_at.values() if c)
    top = counts.most_common(2)
    if top and (len(top) == 1 or top[0][1] > top[1][1]):
        return top[0][0]
    return None


def _clean_name(rd: Reader, first: int, last: int) -> int:
    """Where a tagged name really ends: not past a line break or a closing mark."""
    toks = rd.parse.tokens
    for k in range(first + 1, last):
        if "\n" in rd.parse.text[toks[k - 1].end:toks[k].start]:
            return k
    return last


def _known_person(rd: Reader, full: str) -> str | None:
    """The knowledge base's person for a Russian full name (by key; else by surname and initial)."""
    key = ru_name_key(full)
    spelled = ru_lexicon().persons.get(key)
    if spelled:
        key = name_key(spelled)
    ids = rd.kb.person_keys.get(key, [])
    if len(ids) == 1:
        return ids[0]
    words = key.split()
    if len(words) < 2:
        ids = rd.kb.surname_keys.get(words[0], []) if words else []
        return ids[0] if len(ids) == 1 else None
    # a known surname with another first name is another person (Артем Белоусов is not Andrei
    # Belousov): the first names' keys must begin alike (Алексей / Alexei)
    ids = [p for p in rd.kb.surname_keys.get(words[-1], []) if name_key(rd.kb.entries[p].name)[:FIRST_NAME_PREFIX] == key[:FIRST_NAME_PREFIX]]
    return ids[0] if len(ids) == 1 else None


def _same_surname(form: str, surname: str) -> bool:
    """"Обухова" is a case form of "Обухов", "Лаптевой" of "Лаптева"."""
    form, surname = form.lower(), surname.lower()
    if form == surname:
        return True
    stem = surname[:-1] if surname.endswith(("а", "я")) else surname
    return form.startswith(stem) and len(form) - len(stem) <= MAX_ENDING and len(stem) >= 3


def _person_draft(rd: Reader, normal: str) -> Draft:
    words = normal.split()
    surname = words[-1]
    if len(words) == 1:
        for d in rd.drafts.values():
            if d.type == "PERSON" and d.surname and _same_surname(surname, d.surname):
                return d
    pid = _known_person(rd, normal)
    if pid is not None:
        entry = rd.kb.entries[pid]
        draft = rd.drafts.get(pid) or Draft(id=pid, name=entry.name, type="PERSON", country=entry.country,
                                            sector=entry.sector, code=entry.code, rule="ru-known-person")
    else:
        pid = slug(romanize(normal))
        draft = rd.drafts.get(pid) or Draft(id=pid, name=normal, type="PERSON", rule="ru-name")
    if len(words) > 1 or draft.surname is None:
        draft.surname = surname
    return draft


def link_persons(rd: Reader) -> None:
    """Persons tagged by natasha, then their surnames the tagger left untagged."""
    for name in rd.parse.names:
        if name.type != "PER":
            continue
        last = _clean_name(rd, name.first, name.last)
        toks = rd.parse.tokens[name.first:last]
        normal = name.normal if last == name.last else " ".join(t.text for t in toks)
        normal = " ".join(w for w in normal.split() if w[:1].isupper()) or normal
        draft = _person_draft(rd, normal)
        rd.mention(draft, name.first, last, "ru-name" if len(toks) > 1 else "ru-surname")
        for k in range(name.first, last):
            rd.persons_at[k] = draft
        attach_title(rd, draft, name.first)
    persons = [d for d in rd.drafts.values() if d.type == "PERSON" and d.surname]
    for tok in rd.parse.tokens:
        if tok.i in rd.taken or tok.pos not in ("PROPN", "NOUN") or not _capitalised(tok):
            continue
        owner = next((d for d in persons if _same_surname(tok.text, d.surname or "")), None)
        if owner is not None:
            rd.mention(owner, tok.i, tok.i + 1, "ru-surname")
            rd.persons_at[tok.i] = owner


def attach_title(rd: Reader, draft: Draft, first: int) -> None:
    """The office or profession written before a name, and the country it gives: "президент
    России Владимир Путин", "армянский политолог Тигран Авакян"."""
    toks = rd.parse.tokens
    sent = toks[first].sent
    for i in range(first - 1, max(-1, first - TITLE_LOOKBACK), -1):
        if toks[i].sent != sent or i in rd.persons_at or toks[i].text in ".;:!?—":
            return
        found = _role_at(rd, i)
        if not found:
            continue
        phrase, end = found
        role = rd.kb.roles.get(phrase)
        if role is None or role.kind == "body":
            continue
        iso = rd.country_at.get(i - 1) or next((rd.country_at[k] for k in range(end, first) if k in rd.country_at), None)
        start = i - 1 if rd.country_at.get(i - 1) else i
        title = rd.parse.text[toks[start].start:toks[first - 1].end]
        if title not in draft.roles:
            draft.roles.append(title)
        if draft.rule != "ru-known-person":
            draft.country = draft.country or iso
            draft.sector = draft.sector or role.sector
        return


def settle(rd: Reader, draft: Draft) -> None:
    if draft.type != "PERSON":
        return
    offices = rd.kb.holder_offices(draft.id)
    if settle_office(draft, rd.kb, offices, rd.published):
        return
    if offices:
        draft.sector = "ELI"  # a former office holder, as the English stage codes them
    draft.code = sector_code(rd.kb, draft.country, draft.sector)


def _actor(rd: Reader, draft: Draft) -> Actor:
    text = rd.parse.text
    seen: dict[tuple[int, int], Mention] = {}
    for start, end, rule in sorted(draft.mentions):
        seen.setdefault((start, end), Mention(start=start, end=end, text=text[start:end], rule=rule))
    return Actor(id=draft.id, name=draft.name, type=draft.type, country=draft.country, sector=draft.sector, code=draft.code,
                 roles=draft.roles, mentions=list(seen.values()), rule=draft.rule or None)


def resolve_russian(parse: RuParse, published: str | None = None, kb: KnowledgeBase | None = None) -> list[Actor]:
    """All actors of a Russian text parsed by natasha."""
    rd = Reader(parse=parse, kb=kb or default_kb(), published=(published or "")[:10] or None)
    link_names(rd)
    link_persons(rd)
    link_bodies(rd)
    actors = []
    for draft in rd.drafts.values():
        if draft.mentions:
            settle(rd, draft)
            actors.append(_actor(rd, draft))
    return sorted(actors, key=lambda a: (a.mentions[0].start, a.id))




@register("actors-ru", 1, requires=["text", "parse"], provides=["actors"])
def actors_ru_stage(work: Work) -> Work:
    """Mentions resolved to actors (Russian: case forms by lemma, metonyms, roles, transliteration)."""
    if isinstance(work.parse, RuParse) and work.doc.text:
        work.doc.actors = resolve_russian(work.parse, published=work.doc.published)
    return work
