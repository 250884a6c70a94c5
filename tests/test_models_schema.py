"""The document record: models, generated schema and contract agree."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from dyadwatch.models import SCHEMA, Document, Event, EventSide, Span, document_schema

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_schema_file_matches_models():
    on_disk = json.loads((DOCS / "document.schema.json").read_text(encoding="utf-8"))
    assert on_disk == document_schema(), "docs/document.schema.json is stale: run `dyadwatch schema -o docs/document.schema.json`"


def test_schema_names_every_contract_field():
    props = document_schema()["properties"]
    for name in ("schema", "id", "source", "outlet", "title", "published", "authors", "language", "text",
                 "captions", "actors", "quotes", "times", "events"):
        assert name in props


def test_document_serialises_with_schema_tag_and_validates():
    doc = Document(id="x", text="Moscow called Baku.", events=[
        Event(cameo="040", evidence=Span(start=0, end=19, text="Moscow called Baku."),
              source=EventSide(code="RUSGOV", country="RUS"), target=EventSide(code="AZEGOV", country="AZE"))])
    data = doc.to_dict()
    assert data["schema"] == SCHEMA == "dyadwatch.document/1"
    jsonschema.validate(data, document_schema())
    assert Document.model_validate_json(doc.to_json()) == doc


def test_unknown_field_is_refused():
    with pytest.raises(ValueError):
        Document.model_validate({"schema": SCHEMA, "id": "x", "text": "", "colour": "red"})


def test_contract_example_keys_are_readable():
    # A v1 record as the contract shows it, with no additions, reads into the models.
    rec = {"schema": SCHEMA, "id": "sha256:1", "source": {"path": "a.txt", "url": None}, "outlet": None,
           "title": "t", "published": "2025-01-07T23:58", "authors": ["A B"], "language": "en", "text": "abc",
           "captions": [], "actors": [{"id": "a", "name": "A", "type": "PERSON", "country": None, "sector": None,
                                        "code": None, "roles": [], "mentions": [{"start": 0, "end": 1, "text": "a"}]}],
           "quotes": [{"kind": "direct", "text": "b", "start": 1, "end": 2,
                       "speaker": {"actor_id": "a", "name": "A", "description": None}, "cue": "said"}],
           "times": [{"text": "c", "start": 2, "end": 3, "value": "2025-01-07", "type": "DATE"}],
           "events": [{"source": {"actor_id": "a", "code": "RUSGOV", "country": "RUS"}, "target": None,
                       "cameo": "055", "plover": "CONCEDE", "goldstein": 3.5, "date": "2024-12-28", "location": None,
                       "evidence": {"start": 0, "end": 3, "text": "abc"}, "modality": "asserted", "rule": "r"}]}
    jsonschema.validate(rec, document_schema())
    assert Document.model_validate(rec).events[0].plover == "CONCEDE"
