"""A Russian and an English report of one meeting, ingested together: one linked event with
both reports, counted once by the timeline and the dyad, and one actor per person."""
from __future__ import annotations

import json

import pytest

from dyadwatch import api as core
from dyadwatch.link import api
from dyadwatch.models import InputRecord
from dyadwatch.pipeline import Pipeline

# Invented wording about a real kind of meeting; both published on Friday 11 July 2025.
ENGLISH = ("Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev held talks in Abu Dhabi on "
           "Thursday, their offices said. The two leaders discussed the draft peace treaty for several hours.")
RUSSIAN = ("Премьер-министр Армении Никол Пашинян и президент Азербайджана Ильхам Алиев в четверг провели переговоры в "
           "Абу-Даби, сообщили их пресс-службы. Лидеры несколько часов обсуждали проект мирного договора.")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("crossling")
    records = folder / "reports.jsonl"
    rows = [{"id": "en-report", "text": ENGLISH, "published": "2025-07-11", "outlet": "Example Wire"},
            {"id": "ru-report", "text": RUSSIAN, "published": "2025-07-11", "outlet": "Пример-Пресс"}]
    records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    path = folder / "news.duckdb"
    report = core.ingest([str(records)], db=path, input_format="jsonl")
    assert report.written == 2, report.summary()
    api.relink(path)
    return path


def test_both_reports_are_coded_as_the_same_dyad_and_day():
    outs = Pipeline().run([InputRecord(id="en", text=ENGLISH, published="2025-07-11"),
                           InputRecord(id="ru", text=RUSSIAN, published="2025-07-11")])
    docs = {o.doc.id: o.doc for o in outs}
    assert docs["en"].language == "en" and docs["ru"].language == "ru"
    for d in docs.values():
        pairs = {(e.cameo[:2], frozenset({e.source.country, e.target.country}), e.date) for e in d.events}
        assert ("04", frozenset({"ARM", "AZE"}), "2025-07-10") in pairs, (d.id, pairs)


def test_one_linked_event_with_both_reports(db):
    timeline = api.timeline(db)
    meetings = timeline[(timeline["cameo"].str[:2] == "04")
                        & (timeline[["source_country", "target_country"]].apply(frozenset, axis=1) == frozenset({"ARM", "AZE"}))]
    assert len(meetings) == 1, meetings.to_string()
    assert int(meetings.iloc[0]["reports"]) == 2


def test_dyad_counts_the_meeting_once(db):
    series = api.dyad(db, "ARM", "AZE", by="day")
    assert int(series["events"].sum()) == 1, series.to_string()


def test_one_actor_per_person_across_languages(db):
    ids = api.identities(db)
    for name in ("Nikol Pashinyan", "Ilham Aliyev"):
        rows = ids[ids["name"] == name]
        assert len(rows) == 1, rows.to_string()
        assert int(rows.iloc[0]["documents"]) == 2
        assert any(v != name and not v.isascii() for v in rows.iloc[0]["variants"]), "the Russian spelling is one of its names"
