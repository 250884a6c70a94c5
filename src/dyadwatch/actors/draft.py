"""Actors under construction inside one document, and the resolution context they share."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .guards import doc_datelines
from .kb import Entry, KnowledgeBase


@dataclass
class Draft:
    """One actor of the document while its mentions are collected."""

    id: str
    name: str
    type: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    entry: Entry | None = None
    rule: str = ""
    roles: list[str] = field(default_factory=list)
    role_country: str | None = None
    role_sector: str | None = None
    role_igo: str | None = None
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # token start, end, rule
    name_key: str = ""
    region_members: tuple[str, ...] = ()
    ethnicity: str | None = None  # "ethnic Albanians": the country of the ethnic name, not of the group

    def add_role(self, role: str) -> None:
        if role and role not in self.roles:
            self.roles.append(role)


@dataclass
class Context:
    """Everything resolution needs about one document; filled step by step."""

    doc: Any
    kb: KnowledgeBase
    keys: list[str]
    published: str | None
    outlet: str | None = None  # the outlet that published the document: never one of its actors
    drafts: dict[str, Draft] = field(default_factory=dict)
    taken: list[str | None] = field(default_factory=list)  # actor id per token, or None
    role_tokens: set[int] = field(default_factory=set)  # tokens of roles written around a name
    datelines: list[tuple[int, int]] = field(default_factory=list)  # character spans of wire datelines
    _sentences: list[Any] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not self.taken:
            self.taken = [None] * len(self.doc)
        if not self.datelines:
            self.datelines = doc_datelines(self.doc)

    def sentences(self) -> list[Any]:
        """The parse's sentences, read once: each `doc.sents` walks every token of the text."""
        if self._sentences is None:
            self._sentences = list(self.doc.sents)
        return self._sentences

    def in_dateline(self, start: int, end: int) -> bool:
        """Do tokens [start, end) start inside a wire dateline ("PARIS (Reuters) -")? A name
        running on from one ("BAMAKO - Armed") is the parse joining the dateline to the story."""
        if not self.datelines or start >= end:
            return False
        lo = self.doc[start].idx
        return any(a <= lo < b for a, b in self.datelines)

    def free(self, start: int, end: int) -> bool:
        return all(self.taken[i] is None for i in range(start, end))

    def mention(self, draft: Draft, start: int, end: int, rule: str, *, nested: bool = False) -> None:
        """Record a mention of `draft` over tokens [start, end)."""
        if start >= end or self.in_dateline(start, end):
            return  # where and through whom a story was filed is no actor of it
        if draft.id not in self.drafts:
            self.drafts[draft.id] = draft
        draft = self.drafts[draft.id]
        draft.mentions.append((start, end, rule))
        if not nested:
            for i in range(start, end):
                self.taken[i] = draft.id

    def draft_for(self, entry: Entry, rule: str) -> Draft:
        if entry.id in self.drafts:
            return self.drafts[entry.id]
        draft = Draft(id=entry.id, name=entry.name, type=entry.type, country=entry.country, sector=entry.sector,
                      code=entry.code, entry=entry, rule=rule)
        self.drafts[entry.id] = draft
        return draft

    def country_draft(self, iso3: str, rule: str) -> Draft | None:
        eid = self.kb.country_ids.get(iso3)
        return self.draft_for(self.kb.entries[eid], rule) if eid else None

    def sentence_countries(self, start: int, end: int, *, named_only: bool = False, places_only: bool = False) -> set[str]:
        """Countries named in tokens [start, end): countries by any name, places by their
        country ("in Aleppo" is Syria). `named_only` leaves out collectives ("the German
        government") that are actors of their own; `places_only` also leaves out demonyms
        ("two French tourists" says who the tourists are, not where the act happened)."""
        found = set()
        for k in range(start, end):
            owner = self.taken[k]
            draft = self.drafts.get(owner) if owner else None
            if draft is None or not draft.country or draft.type not in ("COUNTRY", "LOCATION"):
                continue
            if named_only and draft.type == "COUNTRY" and any(s <= k < e and ">GOV" in r for s, e, r in draft.mentions):
                continue
            if places_only and draft.type == "COUNTRY" and any(s <= k < e and r.startswith(("demonym", "adjective")) for s, e, r in draft.mentions):
                continue
            found.add(draft.country)
        return found

    def last_mention_before(self, draft: Draft, tok: int) -> int:
        ends = [s for s, e, _ in draft.mentions if s < tok]
        return max(ends) if ends else -1


# Prepositions that place a group in a country ("police in Lagos", "students throughout Chile",
# "refugees from Chechnya"); "of" also names an owner ("Ministry of Internal Affairs of Russia").
PLACING_PREPS = frozenset({"in", "from", "throughout", "across", "inside"})


def country_after_of(ctx: Context, end: int, preps: frozenset[str] = frozenset({"of"})) -> str | None:
    """The country named right after "of" (or one of `preps`) at token `end` ("Ministry of
    Internal Affairs of the Russian Federation", "Ruslan Nuriev of Uzbekistan"), when an earlier
    rule linked it; with placing prepositions a place of the country counts too ("in Baghdad")."""
    doc = ctx.doc
    if end + 1 < len(doc) and doc[end].lower_ in preps:
        k = end + 1 + (doc[end + 1].lower_ == "the")
        owner = ctx.taken[k] if k < len(doc) else None
        draft = ctx.drafts.get(owner) if owner else None
        if draft is not None and (draft.type == "COUNTRY" or (draft.type == "LOCATION" and doc[end].lower_ in PLACING_PREPS)):
            return draft.country
    return None
