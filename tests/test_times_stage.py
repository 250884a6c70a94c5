"""The times stage in the pipeline, and the paths where dateparser does the work."""
from __future__ import annotations

import datetime as dt

import pytest

from dyadwatch.models import InputRecord
from dyadwatch.pipeline import Pipeline, build
from dyadwatch.times.fallback import numeric_date, zone_offset
from dyadwatch.times.find import find_times

TEXT = ("Their last evidence was the incident with the liner that performed the Baku - Grozny flight "
        "on December 25 and crashed in Aktau.\n\nLast Monday, January 27, Putin met Aliyev; "
        "on February 1 they spoke again.")


def run(text: str, **given) -> list:
    pipe = Pipeline(stages=build(["extract", "times"]))
    (out,) = list(pipe.run([InputRecord(id="t", text=text, **given)]))
    assert out.doc is not None, out.error
    return out.doc


def test_times_stage_runs_without_a_parse_and_keeps_offsets():
    doc = run(TEXT, published="2025-02-02")
    assert doc.text == TEXT
    assert {t.text: t.value for t in doc.times} == {
        "December 25": "2024-12-25", "Last Monday, January 27": "2025-01-27", "February 1": "2025-02-01"}
    for t in doc.times:
        assert doc.text[t.start:t.end] == t.text
    assert "times.v1" in doc.stages


def test_times_stage_given_published_datetime_is_the_anchor():
    doc = run("The talks ended yesterday.", published="2025-01-07T23:58")
    assert [t.value for t in doc.times] == ["2025-01-06"]


def test_times_stage_without_published_leaves_relative_values_unresolved():
    doc = run("The talks ended yesterday, on 6 January 2025.")
    assert {t.text: t.value for t in doc.times} == {"yesterday": None, "6 January 2025": "2025-01-06"}


def test_times_stage_empty_text_gives_no_times():
    from dyadwatch.models import Document
    from dyadwatch.pipeline import Work
    from dyadwatch.times.stage import times_stage

    work = times_stage(Work(input=InputRecord(text=""), doc=Document(id="e", text="")))
    assert work.doc.times == []


# -- where dateparser does the work --------------------------------------------------------

def test_times_fallback_zone_offsets_come_from_dateparser():
    assert zone_offset("MSK") == "+03:00"
    assert zone_offset("EST") == "-05:00"
    assert zone_offset("NATO") is None
    assert zone_offset("Putin") is None


def test_times_fallback_clock_with_unknown_capitalised_word_is_not_a_zone():
    found = find_times("The vote closed at 10:30 NATO officials said.", "2025-02-02")
    assert all("NATO" not in t.text for t in found)


def test_times_fallback_numeric_dates_follow_the_separator_convention():
    assert numeric_date("25.12.2024", "DMY") == "2024-12-25"
    assert numeric_date("12/25/2024", "MDY") == "2024-12-25"
    found = find_times("The decree of 25.12.2024 and the order of 12/25/2024.", "2025-02-02")
    assert [t.value for t in found] == ["2024-12-25", "2024-12-25"]


def test_times_fallback_other_languages_go_to_dateparser_search():
    text = "Вчера президент заявил, что 25 декабря 2024 года самолет разбился."
    found = find_times(text, "2025-01-07", language="ru")
    values = {t.text: t.value for t in found}
    assert values.get("Вчера") == "2025-01-06"
    assert "2024-12-25" in values.values()
    for t in found:
        assert text[t.start:t.end] == t.text


def test_times_fallback_other_language_without_anchor_keeps_only_full_dates():
    found = find_times("Вчера, 25 декабря 2024 года, самолет разбился.", None, language="ru")
    values = {t.text: t.value for t in found}
    assert values.get("Вчера", "absent") in (None, "absent")
    assert "2024-12-25" in values.values()


@pytest.mark.parametrize("phrase", ["December 25", "February 22, 2022", "yesterday", "January 6", "last Monday"])
def test_times_grammar_agrees_with_dateparser_on_plain_dates(phrase):
    import dateparser

    base = dt.datetime(2025, 2, 2, 12, 0)
    theirs = dateparser.parse(phrase, languages=["en"],
                              settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
    (ours,) = find_times(f"It happened {phrase}.", "2025-02-02")
    assert ours.value == theirs.date().isoformat()
