"""date_for_span: the time expression that dates a span, else the publication date."""
from __future__ import annotations

from dyadwatch.models import Document
from dyadwatch.times.find import find_times
from dyadwatch.times.governing import date_for_span, sentence_bounds


def doc_of(text: str, published: str | None = "2025-02-02") -> Document:
    return Document(id="t", text=text, published=published, times=find_times(text, published))


def span_of(doc: Document, words: str) -> tuple[int, int]:
    start = doc.text.index(words)
    return start, start + len(words)


def test_times_governing_prefers_the_expression_of_the_same_clause():
    doc = doc_of("Aliyev, who took office in 2003, called Putin on December 28, 2024.")
    assert date_for_span(doc, *span_of(doc, "called Putin")) == ("2024-12-28", "day")


def test_times_governing_relative_clause_keeps_its_own_date():
    doc = doc_of("Aliyev, who took office in 2003, called Putin on December 28, 2024.")
    assert date_for_span(doc, *span_of(doc, "took office")) == ("2003", "year")


def test_times_governing_whole_sentence_takes_the_finest_date():
    doc = doc_of("In January, the president met the envoy on Tuesday.")
    start, end = sentence_bounds(doc.text, 0, 1)
    assert date_for_span(doc, start, end) == ("2025-01-28", "day")


def test_times_governing_falls_back_to_the_anchor():
    doc = doc_of("The crash took place on December 25. Baku demanded an apology.")
    assert date_for_span(doc, *span_of(doc, "demanded an apology")) == ("2025-02-02", "anchor")


def test_times_governing_does_not_cross_sentences():
    doc = doc_of("Mr. Putin apologised on December 28. The Kremlin said nothing more.")
    assert date_for_span(doc, *span_of(doc, "apologised")) == ("2024-12-28", "day")
    assert date_for_span(doc, *span_of(doc, "said nothing"))[1] == "anchor"


def test_times_governing_ignores_durations_and_references():
    doc = doc_of("Relations have been tense for the past 20 years and are now strained.")
    assert date_for_span(doc, *span_of(doc, "are now strained")) == ("2025-02-02", "anchor")


def test_times_governing_week_and_clock_precision():
    doc = doc_of("Protests spread last week. The plane landed at 03:32 pm MSK on February 1.")
    assert date_for_span(doc, *span_of(doc, "Protests spread")) == ("2025-W04", "week")
    assert date_for_span(doc, *span_of(doc, "The plane landed")) == ("2025-02-01", "day")


def test_times_governing_without_anchor_or_time_says_none():
    doc = doc_of("Baku demanded an apology.", published=None)
    assert date_for_span(doc, 0, len(doc.text)) == (None, "none")


def test_times_governing_a_dateline_date_never_dates_an_act():
    doc = doc_of("KORVINA, Feb 2, 2025 - The government expelled two envoys on Friday over the dispute.")
    assert date_for_span(doc, 0, doc.text.index(" over")) == ("2025-01-31", "day")


def test_times_governing_a_clause_dated_only_by_its_dateline_takes_the_anchor():
    doc = doc_of("KORVINA, Jan 30, 2025 - The government expelled two envoys over the dispute.", published=None)
    assert date_for_span(doc, 0, doc.text.index(" over")) == (None, "none")
