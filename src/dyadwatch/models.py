"""The document record (contract: dyadwatch.document/1) as typed models.

Every field of the contract is here with its documented type. Fields that the contract
does not name are additions, all optional, so that any reader of version 1 still reads
our output (extended compatibly). `docs/document.schema.json` is generated from these
models by `dyadwatch schema` and a test keeps the two in step.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA = "dyadwatch.document/1"

ActorType = Literal["PERSON", "COUNTRY", "ORG", "LOCATION", "GROUP"]
QuoteKind = Literal["direct", "indirect"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
Modality = Literal["asserted", "reported"]


class Record(BaseModel):
    """Base of every model: unknown keys are refused so typos fail loudly."""

    model_config = ConfigDict(extra="forbid")


class Source(Record):
    path: str | None = None
    url: str | None = None


class Span(Record):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Mention(Span):
    rule: str | None = Field(None, description="how this mention was linked (addition)")


class Actor(Record):
    id: str
    name: str
    type: ActorType
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    roles: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    rule: str | None = Field(None, description="how the actor was identified (addition)")


class Speaker(Record):
    actor_id: str | None = None
    name: str | None = None
    description: str | None = None


class Quote(Record):
    kind: QuoteKind
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    speaker: Speaker | None = None
    cue: str | None = None
    prediction: bool = Field(False, description="the content is about the future (addition)")
    speaker_mention: Span | None = Field(None, description="where the speaker is named (addition)")


class TimeExpr(Record):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    value: str | None = None
    type: TimeType
    rule: str | None = Field(None, description="which normaliser gave the value (addition)")


class EventSide(Record):
    actor_id: str | None = None
    code: str | None = None
    country: str | None = None
    name: str | None = Field(None, description="the actor's canonical name (addition)")
    country_basis: str | None = Field(
        None, description="where the side's country was read when the actor itself has none: 'event place', 'sentence', 'document' (addition)")


class Location(Record):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


class Event(Record):
    source: EventSide | None = None
    target: EventSide | None = None
    cameo: str
    plover: str | None = None
    goldstein: float | None = None
    date: str | None = None
    location: Location | None = None
    evidence: Span
    modality: Modality = "asserted"
    rule: str | None = None
    plover_mode: str | None = Field(None, description="PLOVER mode where the mapping gives one (addition)")
    quad_class: int | None = Field(None, description="1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict (addition)")
    date_precision: str | None = Field(
        None, description="day | week | month | quarter | half | season | year | decade | century from the governing time "
        "expression; 'anchor' when the publication date stood in; 'none' when neither is known (addition)"
    )
    confidence: float | None = Field(
        None, ge=0, le=1, description="probability that the event is right, from its evidence, calibrated on the development set (addition)")
    confidence_basis: list[str] = Field(
        default_factory=list, description="the evidence the confidence was computed from: how the pattern matched, how each side "
        "and the date were found ('source:state', 'target:group', 'date:clause', ...) (addition)")


class Document(Record):
    schema_: Literal["dyadwatch.document/1"] = Field(SCHEMA, alias="schema")
    id: str
    source: Source = Field(default_factory=Source)
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    authors: list[str] = Field(default_factory=list)
    language: str | None = None
    text: str = ""
    captions: list[str] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    times: list[TimeExpr] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    canonical_url: str | None = Field(None, description="canonical URL the page declares (addition)")
    notes: list[str] = Field(default_factory=list, description="e.g. 'originally published in ...' (addition)")
    stages: list[str] = Field(default_factory=list, description="the stages (name.vN) that produced this record (addition)")

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_json(self) -> str:
        return self.model_dump_json(by_alias=True)

    def to_dict(self) -> dict:
        return self.model_dump(mode="json", by_alias=True)


class InputRecord(Record):
    """One document to process, as the runner hands it to the pipeline.

    `html` or `text` (or raw `data` bytes not yet decoded) carries the content; the other
    fields are what is already known of the source and win over extracted values.
    """

    id: str | None = None
    html: str | None = None
    text: str | None = None
    data: bytes | None = None
    url: str | None = None
    path: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    language: str | None = None
    authors: list[str] | None = None
    content_type: str | None = None

    model_config = ConfigDict(extra="ignore")


def document_schema() -> dict:
    """JSON Schema of the document record, as written to docs/document.schema.json."""
    schema = Document.model_json_schema(by_alias=True, mode="serialization")
    schema["$id"] = "https://dyadwatch.invalid/schema/document-1.json"
    schema["title"] = "dyadwatch document record, version 1"
    return schema
