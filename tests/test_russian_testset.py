"""The Russian test set (tests/ru/cases.toml, written here): actors in all cases, quotation
layouts, scare quotes, time expressions, events and non-events, through the whole pipeline."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from dyadwatch.models import Document, InputRecord
from dyadwatch.pipeline import Pipeline

CASES_FILE = Path(__file__).parent / "ru" / "cases.toml"
DATA = tomllib.loads(CASES_FILE.read_text(encoding="utf-8"))
CASES = DATA["case"]


def _id(case: dict) -> str:
    return f"{case['kind']}-{CASES.index(case)}"


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    inputs = [InputRecord(id=f"ru-{n}", text=c["text"], language="ru", published=c.get("published", DATA["published"]))
              for n, c in enumerate(CASES)]
    out = {}
    for o in Pipeline().run(inputs):
        assert o.doc is not None, o.error
        out[o.doc.id] = o.doc
    return out


def _norm(s: str | None) -> str:
    return (s or "").strip().strip("«»„“\"").lower()


def _side_ok(want: str, side) -> bool:
    return side is not None and (side.country == want or (side.code or "").startswith(want))


def check(case: dict, doc: Document) -> None:
    kind = case["kind"]
    if kind == "actor":
        hits = [a for a in doc.actors if a.name == case["name"] and a.type == case["type"]]
        assert hits, f"no actor {case['name']} ({case['type']}) in {[(a.name, a.type) for a in doc.actors]}"
        if "country" in case:
            assert hits[0].country == case["country"], hits[0]
        assert any(m.text == case["mention"] for a in hits for m in a.mentions), [m.text for a in hits for m in a.mentions]
    elif kind == "quote":
        want = _norm(case["starts"])
        hits = [q for q in doc.quotes if q.kind == case["quote_kind"] and _norm(q.text).startswith(want)]
        assert hits, f"no {case['quote_kind']} quotation starting {case['starts']!r}: {[(q.kind, q.text) for q in doc.quotes]}"
        names = {a.id: a.name for a in doc.actors}
        who = hits[0].speaker
        got = names.get(who.actor_id or "", who.name) if who else None
        assert got == case["speaker"], f"speaker {got!r}, want {case['speaker']!r}"
    elif kind == "noquote":
        taken = [q.text for q in doc.quotes if q.kind == "direct" and _norm(q.text) == _norm(case["quote"])]
        assert not taken, f"scare quote or name taken as a quotation: {taken}"
    elif kind == "time":
        hits = [t for t in doc.times if t.text.lower() == case["expr"].lower()]
        assert hits, f"no time expression {case['expr']!r}: {[(t.text, t.value) for t in doc.times]}"
        assert hits[0].value == case["value"], f"{case['expr']!r} -> {hits[0].value}, want {case['value']}"
    elif kind == "event":
        def fits(e, src, tgt) -> bool:
            return e.cameo.startswith(case["code"]) and _side_ok(src, e.source) and _side_ok(tgt, e.target)

        found = [e for e in doc.events if fits(e, case["source"], case["target"])
                 or (case.get("symmetric") and fits(e, case["target"], case["source"]))]
        got = [(e.cameo, e.source.code if e.source else None, e.target.code if e.target else None) for e in doc.events]
        assert found, f"no {case['code']} {case['source']}->{case['target']}; coded {got}"
    elif kind == "nonevent":
        assert not doc.events, f"coded a non-event: {[(e.cameo, e.evidence.text) for e in doc.events]}"
    else:
        raise AssertionError(f"unknown case kind {kind!r} in {CASES_FILE}")


def test_russian_testset_is_large_and_covers_every_kind():
    kinds = {c["kind"] for c in CASES}
    assert len(CASES) >= 60
    assert kinds == {"actor", "quote", "noquote", "time", "event", "nonevent"}


@pytest.mark.parametrize("n", range(len(CASES)), ids=[_id(c) for c in CASES])
def test_russian_case(docs, n):
    check(CASES[n], docs[f"ru-{n}"])
