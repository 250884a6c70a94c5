"""One quotation, one record (issue 13): no two records over the same words, split quotations
and direct parts of reported speech kept together."""
from __future__ import annotations

import json
from pathlib import Path

from support import need_shared

from dyadwatch.models import Document, Quote
from dyadwatch.quotes.records import fold_direct_into_reported, without_overlaps

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "corpus"


def overlapping(quotes: list[Quote]) -> list[tuple[str, str]]:
    ordered = sorted(quotes, key=lambda q: q.start)
    return [(a.text[:40], b.text[:40]) for a, b in zip(ordered, ordered[1:]) if b.start < a.end]


def test_quotes_records_no_overlap_in_demo_corpus(english):
    from dyadwatch.api import extract

    docs = list(extract(sorted(str(p) for p in SAMPLES.iterdir())))
    assert len(docs) >= 40 and sum(len(d.quotes) for d in docs) >= 40
    bad = {d.id: overlapping(d.quotes) for d in docs if overlapping(d.quotes)}
    assert not bad, bad


def test_quotes_records_no_overlap_in_seeds(seed_records):
    need_shared("seeds")
    docs = [Document.model_validate(json.loads(line)) for line in seed_records.read_text(encoding="utf-8").splitlines()]
    assert sum(len(d.quotes) for d in docs) >= 17
    for d in docs:
        assert not overlapping(d.quotes), d.id
        for q in d.quotes:
            assert all(q.start <= p.start < p.end <= q.end and d.text[p.start:p.end] == p.text for p in q.parts)


def _q(kind: str, text: str, words: str, speaker: str | None = "A", **extra) -> Quote:
    from dyadwatch.models import Speaker

    start = text.index(words)
    return Quote(kind=kind, text=words, start=start, end=start + len(words),
                 speaker=Speaker(name=speaker) if speaker else None, **extra)


def test_quotes_records_direct_inside_reported_is_one_record():
    text = 'Ms Ortiz said the rules were "a cage for growing economies" and must change.'
    reported = _q("indirect", text, 'the rules were "a cage for growing economies" and must change')
    direct = _q("direct", text, "a cage for growing economies")
    (q,) = fold_direct_into_reported([direct], [reported], text)
    assert q.kind == "indirect" and (q.start, q.end) == (reported.start, reported.end)
    assert [p.text for p in q.parts] == ["a cage for growing economies"]


def test_quotes_records_appended_quotation_keeps_its_record_and_ends_the_clause():
    text = 'In her view, the plan is slow and costly, "although nobody doubts the will behind it."'
    reported = _q("indirect", text, 'the plan is slow and costly, "although nobody doubts the will behind it."')
    direct = _q("direct", text, "although nobody doubts the will behind it.")
    found = sorted(fold_direct_into_reported([direct], [reported], text), key=lambda q: q.start)
    assert [(q.kind, q.text) for q in found] == [("indirect", "the plan is slow and costly"), ("direct", direct.text)]


def test_quotes_records_someone_elses_words_inside_a_report_are_their_own():
    text = 'The agency reported that the envoy called and apologised "for the pain this has caused."'
    reported = _q("indirect", text, 'the envoy called and apologised "for the pain this has caused."', speaker="agency")
    direct = _q("direct", text, "for the pain this has caused.", speaker="envoy")
    found = sorted(fold_direct_into_reported([direct], [reported], text), key=lambda q: q.start)
    assert [(q.kind, q.text) for q in found] == [("indirect", "the envoy called and apologised"), ("direct", direct.text)]


def test_quotes_records_fully_quoted_clause_stays_direct():
    text = 'He said that "we will never accept this."'
    reported = _q("indirect", text, '"we will never accept this."')
    direct = _q("direct", text, "we will never accept this.")
    assert fold_direct_into_reported([direct], [reported], text) == [direct]


def test_quotes_records_without_overlaps_keeps_the_longer_claim():
    text = "Officials said that the minister warned that prices would rise."
    outer = _q("indirect", text, "the minister warned that prices would rise")
    inner = _q("indirect", text, "prices would rise", speaker="B")
    assert without_overlaps([inner, outer]) == [outer]
