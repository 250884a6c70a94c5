"""Unit tests of the time grammar: one case per class of expression, with and without an anchor."""
from __future__ import annotations

import pytest

from dyadwatch.times.find import find_times

ANCHOR = "2013-03-22"  # a Friday, in ISO week 12 and the first quarter


def one(text: str, published: str | None = ANCHOR, expr: str | None = None):
    """The single time expression of `text` (or the one whose text is `expr`)."""
    found = find_times(text, published)
    if expr is not None:
        found = [t for t in found if t.text == expr]
    assert len(found) == 1, f"expected one expression in {text!r}, got {[t.text for t in found]}"
    t = found[0]
    assert text[t.start:t.end] == t.text
    return t


# (sentence, expression text, value against ANCHOR, type)
WITH_ANCHOR = [
    # full and partial dates
    ("The flight crashed on December 25, 2012.", "December 25, 2012", "2012-12-25", "DATE"),
    ("The talks opened on 4 March 2013 in Geneva.", "4 March 2013", "2013-03-04", "DATE"),
    ("The plane crashed on December 25.", "December 25", "2012-12-25", "DATE"),
    ("He visited Baku on March 3.", "March 3", "2013-03-03", "DATE"),
    ("The summit will open on April 4.", "April 4", "2013-04-04", "DATE"),
    ("It was signed on the 3rd of March.", "the 3rd of March", "2013-03-03", "DATE"),
    ("The truce began on Dec. 24, 2012.", "Dec. 24, 2012", "2012-12-24", "DATE"),
    ("The record is dated 2013-03-19.", "2013-03-19", "2013-03-19", "DATE"),
    ("The decree of 19.03.2013 stands.", "19.03.2013", "2013-03-19", "DATE"),
    # weekdays, merged with their date
    ("Russia said on Tuesday it would respond.", "Tuesday", "2013-03-19", "DATE"),
    ("The ministers will meet on Monday.", "Monday", "2013-03-25", "DATE"),
    ("He left last Monday.", "last Monday", "2013-03-18", "DATE"),
    ("Talks resume next Wednesday.", "next Wednesday", "2013-03-27", "DATE"),
    ("Last Monday, March 18, he resigned.", "Last Monday, March 18", "2013-03-18", "DATE"),
    ("The vote was held Sunday night.", "Sunday night", "2013-03-17TNI", "TIME"),
    # days relative to the anchor
    ("Officials said today that the border is shut.", "today", "2013-03-22", "DATE"),
    ("The army withdrew yesterday.", "yesterday", "2013-03-21", "DATE"),
    ("Voting ends tomorrow.", "tomorrow", "2013-03-23", "DATE"),
    ("Fighting resumed this morning.", "this morning", "2013-03-22TMO", "TIME"),
    ("Shelling was heard last night.", "last night", "2013-03-21TNI", "TIME"),
    # weeks, months, quarters, years
    ("Protests spread last week.", "last week", "2013-W11", "DATE"),
    ("The envoy arrives this week.", "this week", "2013-W12", "DATE"),
    ("Prices fell last month.", "last month", "2013-02", "DATE"),
    ("Elections are due next year.", "next year", "2014", "DATE"),
    ("Exports grew in the first quarter.", "the first quarter", "2013-Q1", "DATE"),
    ("Profits fell in the fourth quarter.", "the fourth quarter", "2012-Q4", "DATE"),
    ("Sales rose in the second quarter of 2011.", "the second quarter of 2011", "2011-Q2", "DATE"),
    ("Output shrank in the first half of 2012.", "the first half of 2012", "2012-H1", "DATE"),
    ("The deal was struck in December.", "December", "2012-12", "DATE"),
    ("The deal was struck in December 2012.", "December 2012", "2012-12", "DATE"),
    ("The treaty lapsed last May.", "last May", "2012-05", "DATE"),
    ("The war began in 2008.", "2008", "2008", "DATE"),
    ("The pandemic of 2009-2010 killed many.", "2010", "2010", "DATE"),
    ("The rift dates from early 2011.", "early 2011", "2011", "DATE"),
    ("The law was passed three years ago.", "three years ago", "2010", "DATE"),
    ("He left two weeks ago.", "two weeks ago", "2013-W10", "DATE"),
    ("It happened a few years ago.", "a few years ago", "PAST_REF", "DATE"),
    # seasons, decades, centuries, holidays
    ("The war broke out in the fall of 2020.", "the fall of 2020", "2020-FA", "DATE"),
    ("The offensive stalled last summer.", "last summer", "2012-SU", "DATE"),
    ("Trade collapsed in the 1990s.", "the 1990s", "199", "DATE"),
    ("Borders were drawn in the 20th century.", "the 20th century", "19", "DATE"),
    ("The crash came on Christmas Day.", "Christmas Day", "2012-12-25", "DATE"),
    ("Pilgrims gathered at Easter 2012.", "Easter 2012", "2012-04-08", "DATE"),
    ("Prices rose earlier this year.", "earlier this year", "2013", "DATE"),
    ("Markets closed last weekend.", "last weekend", "2013-W11-WE", "DATE"),
    # durations
    ("Relations have soured over the past 20 years.", "the past 20 years", "P20Y", "DURATION"),
    ("The ceasefire held for three days.", "three days", "P3D", "DURATION"),
    ("The 44-day war ended in a truce.", "44-day", "P44D", "DURATION"),
    ("A 52-year-old man was detained.", "52-year-old", "P52Y", "DURATION"),
    ("The siege lasted half an hour.", "half an hour", "PT30M", "DURATION"),
    ("They talked for 90 minutes.", "90 minutes", "PT90M", "DURATION"),
    ("The dispute has run for years.", "years", "PXY", "DURATION"),
    ("Growth stalled for several months.", "several months", "PXM", "DURATION"),
    ("The pact held for a decade.", "a decade", "P10Y", "DURATION"),
    ("The talks were held a month after the vote.", "a month", "P1M", "DURATION"),
    ("The marathon winner finished in 2:07:35.", "2:07:35", "PT2H7M35S", "DURATION"),
    # sets
    ("Patrols run every week.", "every week", "P1W", "SET"),
    ("The council meets every Monday.", "every Monday", "XXXX-WXX-1", "SET"),
    ("The report is published annually.", "annually", "P1Y", "SET"),
    ("Inspectors visit twice a year.", "twice a year", "P1Y", "SET"),
    # times of day
    ("The plane landed at 03:32 pm MSK.", "03:32 pm MSK", "2013-03-22T15:32", "TIME"),
    ("The meeting starts at 10 a.m.", "10 a.m.", "2013-03-22T10:00", "TIME"),
    ("Polls close at noon.", "noon", "2013-03-22T12:00", "TIME"),
    # reference words
    ("The border is now closed.", "now", "PRESENT_REF", "DATE"),
    ("Tension has grown recently.", "recently", "PAST_REF", "DATE"),
    ("Talks may resume in the future.", "the future", "FUTURE_REF", "DATE"),
    ("Currently the border is closed.", "Currently", "PRESENT_REF", "DATE"),
]


@pytest.mark.parametrize(("text", "expr", "value", "kind"), WITH_ANCHOR, ids=[c[1] for c in WITH_ANCHOR])
def test_times_grammar_value_with_anchor(text, expr, value, kind):
    t = one(text, ANCHOR, expr)
    assert (t.value, t.type) == (value, kind)


# Expressions whose value does not depend on the publication date keep it without one.
ABSOLUTE = {"December 25, 2012", "4 March 2013", "Dec. 24, 2012", "2013-03-19", "19.03.2013", "Easter 2012", "December 2012", "2008", "2010", "early 2011",
            "the fall of 2020", "the 1990s", "the 20th century", "the second quarter of 2011",
            "the first half of 2012", "now", "recently", "the future", "Currently", "a few years ago"}


@pytest.mark.parametrize(("text", "expr", "value", "kind"), WITH_ANCHOR, ids=[c[1] for c in WITH_ANCHOR])
def test_times_grammar_value_without_anchor(text, expr, value, kind):
    t = one(text, None, expr)
    assert t.type == kind
    if kind in ("DURATION", "SET") or expr in ABSOLUTE:
        assert t.value == value
    else:
        assert t.value is None, f"{expr!r} needs the publication date; got {t.value}"


def test_times_grammar_seed_style_dates_resolve_to_the_most_recent_past():
    text = ("The flight on December 25 crashed in Aktau. Last Monday, January 27, the presidents spoke. "
            "On February 1 the minister called.")
    found = {t.text: t.value for t in find_times(text, "2025-02-02")}
    assert found == {"December 25": "2024-12-25", "Last Monday, January 27": "2025-01-27",
                     "February 1": "2025-02-01"}


def test_times_grammar_weekday_today_resolves_to_the_anchor_itself():
    assert one("The minister spoke on Friday.", ANCHOR).value == "2013-03-22"


def test_times_grammar_anaphoric_day_counts_from_the_last_named_date():
    text = "The envoy arrived on March 3, 2012. The next day he met the president. Two days later he left."
    found = {t.text: t.value for t in find_times(text, ANCHOR)}
    assert found["The next day"] == "2012-03-04"
    assert found["Two days later"] == "2012-03-06"


def test_times_grammar_clock_time_takes_the_day_named_next_to_it():
    t = one("The match was moved to 15:00 GMT Saturday.", ANCHOR, "15:00 GMT")
    assert t.value == "2013-03-16T15:00"


def test_times_grammar_refuses_quantities_and_names():
    text = "More than 2000 troops and 1500 tanks moved. Theresa May may visit. The prices fall."
    assert find_times(text, ANCHOR) == []


def test_times_grammar_offsets_index_the_text_exactly():
    text = "Le 3\u00a0mars\u2014no. On\u00a0Tuesday, \u201cMarch 19\u201d, 2:30 p.m., the talks began."
    for t in find_times(text, ANCHOR):
        assert text[t.start:t.end] == t.text
    assert {t.text for t in find_times(text, ANCHOR)} >= {"Tuesday", "2:30 p.m."}


def test_times_grammar_bad_anchor_leaves_values_unresolved():
    t = one("The army withdrew yesterday.", "not a date")
    assert t.value is None


@pytest.mark.parametrize("text", [
    "The fall of Kabul shocked the region.",
    "The present government resigned.",
    "The future president was sworn in.",
    "He sought a second term.",
    "Officials lifted a night curfew.",
    "Prices fall when demand drops.",
    "Mr. Jan Kowalski spoke.",
])
def test_times_grammar_refuses_look_alikes(text):
    assert find_times(text, ANCHOR) == []
