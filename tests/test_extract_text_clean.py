"""The scraped-text line cleaner: site chrome out, article and metadata in.

Pages here are made up for the tests, in the shapes news sites print: a header with menu
items and a ticker, a headline, a dateline, captions with a credit, a byline footer, a
republication note, and lists of other stories below.
"""
from __future__ import annotations

import pytest

from dyadwatch.extract.datelines import find_date, line_date, wire_dateline
from dyadwatch.extract.stage import extract_document
from dyadwatch.extract.textclean import clean_scraped_text
from dyadwatch.models import InputRecord

BODY = [
    "The foreign ministers of Georgia and Armenia met in Tbilisi on Tuesday to discuss the reopening of a border crossing.",
    "\"We have agreed on a timetable for the technical work,\" the Georgian minister told reporters after the talks.",
    "The crossing was closed in 2022 after a dispute over customs procedures, according to officials in both capitals.",
]

PAGE = "\n".join([
    "Menu",
    "Politics",
    "Economy",
    "  • $ 91.20 -0.35",
    "  • € 99.87 +0.12",
    "",
    "Tbilisi and Yerevan agree to reopen border crossing",
    "",
    "14 March 2024, 18:05",
    "",
    "The two ministers at the press conference. Photo: mfa.gov.ge",
    "",
    BODY[0],
    "",
    BODY[1],
    "",
    "Share on Facebook",
    "",
    BODY[2],
    "",
    "Subscribe to our Telegram channel",
    "To read the full interview, click here.",
    "",
    "Author: Nino Beridze Source: Our correspondent",
    "",
    "All news",
    "",
    "13.03.2024",
    "Parliament passes budget amendments",
    "Central bank keeps rate unchanged",
    "Storm closes mountain pass in the north",
    "Show more news",
])


@pytest.fixture(scope="module")
def page():
    return clean_scraped_text(PAGE)


def test_textclean_keeps_every_body_paragraph_in_order(page):
    assert page.text.split("\n\n") == BODY


def test_textclean_drops_menus_tickers_prompts_and_story_lists(page):
    for chrome in ("Menu", "Politics", "91.20", "99.87", "Share on Facebook", "Subscribe", "click here",
                   "All news", "Show more news", "Parliament passes", "Central bank", "Nino Beridze", "Photo:"):
        assert chrome not in page.text, chrome


def test_textclean_finds_title_date_author_and_caption(page):
    assert page.title == "Tbilisi and Yerevan agree to reopen border crossing"
    assert page.published == "2024-03-14T18:05"
    assert page.authors == ["Nino Beridze"]
    assert page.captions == ["The two ministers at the press conference. Photo: mfa.gov.ge"]


def test_textclean_source_line_naming_a_correspondent_is_not_an_outlet(page):
    assert page.outlet is None


def test_textclean_republication_note_goes_to_notes_and_names_the_outlet():
    text = "\n".join([
        "Court sentences activist to five years",
        BODY[0], BODY[2],
        "This report first appeared in «Ekho Kavkaza» on March 3, 2024. For the full version, click here.",
        "By Lev Orlov",
    ])
    art = clean_scraped_text(text)
    assert art.notes == ["This report first appeared in «Ekho Kavkaza» on March 3, 2024."]
    assert art.outlet == "Ekho Kavkaza"
    assert art.authors == ["Lev Orlov"]
    assert "first appeared" not in art.text and "Lev Orlov" not in art.text


def test_textclean_date_below_the_article_is_the_fallback():
    art = clean_scraped_text("\n".join(["Headline about the border talks today", BODY[0], BODY[1], "All news", "05.11.2023", "Other story headline here"]))
    assert art.published == "2023-11-05"
    assert art.text.split("\n\n") == BODY[:2]


def test_textclean_wire_dateline_gives_date_and_agency():
    first = "DUSHANBE, Oct 9, 2024 (Asia-Plus) - Tajikistan's president received the visiting delegation on Wednesday."
    art = clean_scraped_text("\n\n".join(["Tajik leader receives delegation", first, BODY[2]]))
    assert art.published == "2024-10-09"
    assert art.outlet == "Asia-Plus"
    assert art.text.startswith("DUSHANBE, Oct 9")


def test_textclean_wire_dateline_without_agency_gives_the_date():
    first = "TASHKENT, March 4, 2025 - Uzbekistan's foreign minister received the visiting delegation on Tuesday."
    art = clean_scraped_text("\n\n".join(["Uzbek minister receives delegation", first, BODY[2]]))
    assert art.published == "2025-03-04"
    assert art.outlet is None
    assert wire_dateline("He said on May 5 - then left") is None


@pytest.mark.parametrize("byline", ["By Marta Quiroga | 14 September 2025", "By Marta Quiroga - 14 September 2025",
                                    "By Marta Quiroga • Sept. 14, 2025"])
def test_textclean_byline_with_a_date_after_a_separator_gives_author_and_date_not_a_title(byline):
    art = clean_scraped_text("\n".join(["Andean neighbours sign a water accord", byline, "", BODY[0], "", BODY[1]]))
    assert (art.title, art.authors, art.published) == ("Andean neighbours sign a water accord", ["Marta Quiroga"], "2025-09-14")


def test_textclean_joins_hard_wrapped_paragraphs():
    wrapped = ("The delegation arrived in Baku on Monday evening and was met at the\n"
               "airport by the deputy foreign minister, who said the visit would focus\n"
               "on transit routes across the Caspian Sea and on energy supplies.")
    art = clean_scraped_text("Delegation arrives in Baku for transit talks\n\n" + wrapped + "\n\n" + BODY[1])
    assert art.text.split("\n\n")[0] == " ".join(wrapped.split("\n"))
    assert art.title == "Delegation arrives in Baku for transit talks"


def test_textclean_page_without_prose_has_no_body():
    assert clean_scraped_text("Menu\nNews\nSport\nWeather\n• $ 91.20 -0.35").text == ""


@pytest.mark.parametrize("line, value", [
    ("07 January 2025, 23:58", "2025-01-07T23:58"),
    ("02.02.2025", "2025-02-02"),
    ("Published: Tuesday, 7 January 2025 10:00 GMT+4", "2025-01-07T10:00+04:00"),
    ("Jan. 7, 2025 at 3:32 pm MSK", "2025-01-07T15:32+03:00"),
    ("7 января 2025 г., 14:05", "2025-01-07T14:05"),
    ("2024-12-25T08:30:00Z", "2024-12-25T08:30+00:00"),
    ("Updated 12/25/2024", "2024-12-25"),
])
def test_datelines_read_whole_line_dates(line, value):
    assert line_date(line) == value


@pytest.mark.parametrize("line", ["31.02.2025", "The talks ended on 7 January 2025 without a deal.", "Room 12.03"])
def test_datelines_refuse_impossible_dates_and_sentences(line):
    assert line_date(line) is None


def test_datelines_find_date_inside_a_sentence():
    assert find_date("It was published on January 7, 2025 at 03:32 pm MSK.").value == "2025-01-07T15:32+03:00"


def test_datelines_wire_without_year_gives_month_and_day_only():
    wire = wire_dateline("MOSCOW, Oct 9 (Interfax) - Officials said")
    assert (wire.place, wire.month, wire.day, wire.value, wire.agency) == ("MOSCOW", 10, 9, None, "Interfax")


def test_extract_given_text_is_kept_exactly():
    text = "Menu\n\u00a0 Officials in Baku said on Monday\u00a0that talks would resume.\r\nAll news"
    doc = extract_document(InputRecord(text=text, id="t1"))
    assert doc.text == text


def test_extract_given_fields_win_over_extracted_ones():
    data = PAGE.encode("utf-8")
    doc = extract_document(InputRecord(data=data, title="Given title", published="2024-03-15", outlet="Given Outlet",
                                       authors=["Given Author"], language="ka"))
    assert (doc.title, doc.published, doc.outlet, doc.authors, doc.language) == (
        "Given title", "2024-03-15", "Given Outlet", ["Given Author"], "ka")
    assert doc.text.split("\n\n") == BODY


def test_extract_scraped_bytes_are_cleaned_and_language_found():
    doc = extract_document(InputRecord(data=PAGE.encode("utf-8"), path="page.txt", content_type="text/plain"))
    assert doc.title == "Tbilisi and Yerevan agree to reopen border crossing"
    assert doc.language == "en"
    assert doc.id.startswith("sha256:")


def test_textclean_short_note_written_as_a_sentence_is_kept():
    assert clean_scraped_text("Talks resumed.\n").text == "Talks resumed."
    assert clean_scraped_text("Menu\nTalks\nSport\n").text == ""


def test_dateline_with_place_before_the_date_is_read():
    from dyadwatch.extract.datelines import line_date

    assert line_date("Yerevan, 15 January 2025, 09:40") == "2025-01-15T09:40"
    assert line_date("NEW YORK, March 3, 2025") == "2025-03-03"
    assert line_date("Rio de Janeiro, 3 March 2025") == "2025-03-03"
    # a sentence that happens to hold a date is not a dateline
    assert line_date("The talks in Yerevan began on 15 January 2025") is None
    assert line_date("Armenia and the US signed a charter, 15 January 2025") is None
