"""Typed records of the cross-document work: what is read from the store and what is written back."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True, slots=True)
class ArticleText:
    """One stored document, as duplicate detection sees it."""

    doc_id: str
    text: str
    published: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Story:
    """A document's story: the group of near-duplicate copies it belongs to."""

    doc_id: str
    story_id: str  # the earliest published document of the group
    similarity: float  # estimated Jaccard similarity to the story's first document (1.0 for itself)


@dataclass(frozen=True, kw_only=True, slots=True)
class ActorRecord:
    """One actor of one document (a row of the actors table)."""

    doc_id: str
    actor_id: str
    name: str
    type: str
    country: str | None = None
    code: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True, slots=True)
class IdentityLink:
    """Which global identity a per-document actor is, and by which rule it was joined."""

    doc_id: str
    actor_id: str
    global_id: str
    rule: str  # self | same-id | country | name | transliteration | skeleton | surname


@dataclass(frozen=True, kw_only=True, slots=True)
class Identity:
    """One actor across all documents."""

    global_id: str
    name: str
    type: str
    country: str | None
    code: str | None
    variants: tuple[str, ...]
    actor_ids: tuple[str, ...]
    documents: int


@dataclass(frozen=True, kw_only=True, slots=True)
class EventReport:
    """One event as one document reports it, with actors already mapped to global identities."""

    doc_id: str
    n: int
    cameo: str
    date: dt.date | None  # the event's day, or the publication day when the event has none
    precise: bool  # True when `date` is the event's own day, False when the publication date stands in
    source: str | None = None  # global actor id
    target: str | None = None
    source_country: str | None = None
    target_country: str | None = None
    source_person: bool = False  # the side is a named individual, not a state or body
    target_person: bool = False
    plover: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    evidence: str = ""
    outlet: str | None = None
    published: str | None = None
    story: str | None = None  # story id of the document (duplicates share one)

    @property
    def key(self) -> tuple[str, int]:
        return (self.doc_id, self.n)


@dataclass(frozen=True, kw_only=True, slots=True)
class ReportLink:
    """A report's place in a linked event."""

    doc_id: str
    n: int
    link_id: str
    score: float  # how well the report matched the event it joined (1.0 for the first report)


@dataclass(frozen=True, kw_only=True, slots=True)
class LinkedEvent:
    """One happening with all its reports."""

    link_id: str
    date: dt.date | None
    precise: bool
    cameo: str
    plover: str | None
    goldstein: float | None
    quad_class: int | None
    source: str | None
    target: str | None
    source_country: str | None
    target_country: str | None
    evidence: str
    first_doc: str
    first_n: int
    first_outlet: str | None
    first_published: str | None
    reports: int
    documents: int
    stories: int
    outlets: tuple[str, ...]
    block: str = ""  # the sweep block (side keys and code group, joined by BLOCK_SEP): where incremental linking looks

BLOCK_SEP = "|"
