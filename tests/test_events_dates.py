"""An event takes the date of its own clause, else the publication date; a past act recalled as
background is no new event. Checked on invented sentences and over the demo corpus's stored events."""
from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.models import Document, Event
from dyadwatch.times.calendar import precision_of
from dyadwatch.times.governing import clause_bounds, sentence_bounds

CORPUS = Path(__file__).resolve().parents[1] / "samples" / "corpus"


@pytest.fixture(scope="module")
def run(run_published):
    return lambda text: run_published(text, "2025-03-14")


def own_clause_times(doc: Document, e: Event) -> list[str]:
    """Values of the calendar time expressions inside the clauses the event's evidence covers."""
    s, t = sentence_bounds(doc.text, e.evidence.start, e.evidence.end)
    own = [(a, b) for a, b in clause_bounds(doc.text, s, t) if a < max(e.evidence.end, e.evidence.start + 1) and e.evidence.start < b]
    return [x.value for x in doc.times if x.value and any(a <= x.start < b for a, b in own) and precision_of(x.value)]


def dated_from_own_clause(doc: Document, e: Event) -> bool:
    if e.date_precision in ("anchor", "none"):
        return e.date_precision != "anchor" or e.date == (doc.published or "")[:10]
    return any(v == e.date or v[:10] == e.date for v in own_clause_times(doc, e))


def test_dates_a_date_of_the_next_clause_is_not_the_events(run):
    doc = run("The two foreign ministers met in Tashkent, while the 2019 accord was signed in June of that year.")
    meetings = [e for e in doc.events if e.cameo.startswith("04")]
    assert meetings and all(e.date == "2025-03-14" and e.date_precision == "anchor" for e in meetings)


def test_dates_the_own_clause_date_wins(run):
    doc = run("Uganda expelled two Kenyan diplomats on Tuesday after a dispute that began in 2019.")
    expulsions = [e for e in doc.events if e.source and e.source.country == "UGA"]
    assert expulsions and all(e.date == "2025-03-11" and e.date_precision == "day" for e in expulsions)


def test_dates_a_neighbouring_sentence_never_dates_an_event(run):
    doc = run("Talks collapsed on February 2. Kenya then recalled its ambassador from Uganda.")
    recalls = [e for e in doc.events if e.cameo.startswith("16")]
    assert recalls and all(e.date_precision == "anchor" for e in recalls)


@pytest.mark.parametrize("text", [
    "Crowds laid flowers on the second anniversary of the invasion.",
    "Trade has not recovered since the 2008 blockade.",
    "Officials still argue over the 2021 ceasefire.",
    "Reconstruction began in the aftermath of the bombing.",
])
def test_dates_a_past_act_recalled_as_background_is_no_event(run, text):
    doc = run(text)
    assert not [e for e in doc.events if e.plover in ("ASSAULT", "COERCE", "AGREE", "SANCTION")], doc.events


@pytest.mark.parametrize("text", [
    "Uganda signed a border treaty with Kenya in 2019.",
    "Kenya and Uganda held several rounds of talks on the border in the early 2000s.",
    "Uganda has accused Kenya of backing rebels since 2021.",
])
def test_dates_an_act_its_own_phrase_dates_to_an_earlier_year_is_background(run, text):
    doc = run(text)
    assert not [e for e in doc.events if e.source and e.source.country in ("UGA", "KEN")], doc.events


@pytest.mark.parametrize("text", [
    "Uganda signed a border treaty with Kenya on Tuesday, six years after a first accord in 2019.",
    "Uganda signed a border treaty with Kenya in 2025.",
])
def test_dates_a_year_of_another_phrase_or_of_this_year_keeps_the_act(run, text):
    doc = run(text)
    assert [e for e in doc.events if e.cameo.startswith("05") and e.source and e.source.country == "UGA"], doc.events


def test_dates_the_date_in_a_wire_dateline_never_dates_the_first_act(run):
    doc = run("KAMPALA, March 14, 2025 - Uganda accused Kenya on Tuesday of backing the rebels.")
    accusations = [e for e in doc.events if e.source and e.source.country == "UGA"]
    assert accusations and all(e.date == "2025-03-11" for e in accusations), accusations


@pytest.fixture(scope="module")
def corpus_documents(tmp_path_factory) -> list[Document]:
    from dyadwatch import api
    from dyadwatch.errors import ModelMissing
    from dyadwatch.nlp import load_english
    from dyadwatch.store import Store

    if not CORPUS.is_dir():
        pytest.skip("samples/corpus not found")
    try:
        load_english()
    except ModelMissing as e:
        pytest.skip(f"no English spaCy model: {e}")
    db = tmp_path_factory.mktemp("dates") / "demo.duckdb"
    api.ingest([str(CORPUS)], db=db)
    with Store(db, read_only=True) as store:
        return list(store.documents())


def test_dates_demo_corpus_events_are_dated_only_by_their_own_clause(corpus_documents):
    events = [(d, e) for d in corpus_documents for e in d.events]
    assert len(events) > 20, "the demo corpus should give events"
    wrong = [(e.date, e.date_precision, e.evidence.text[:80]) for d, e in events if not dated_from_own_clause(d, e)]
    assert not wrong, wrong
    assert any(e.date_precision not in ("anchor", "none") for _, e in events), "no event took a date of its own clause"


def test_dates_an_act_dated_to_a_day_of_an_earlier_year_is_still_news(run):
    doc = run("On December 28, 2024, Uganda recalled its ambassador from Kenya.")
    assert [e for e in doc.events if e.cameo.startswith("16") and e.date == "2024-12-28"], doc.events
