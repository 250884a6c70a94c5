"""Metadata readers on small inline pages and strings: dates, authors, titles, JSON-LD."""
from __future__ import annotations

import pytest
from lxml import html as lxml_html

from dyadwatch.errors import InputError
from dyadwatch.extract.html import extract_html
from dyadwatch.extract.html_authors import split_authors
from dyadwatch.extract.html_body import clean_lines
from dyadwatch.extract.html_dates import normalize_date
from dyadwatch.extract.html_jsonld import read_jsonld
from dyadwatch.extract.html_title import strip_site_name
from dyadwatch.extract.metadata import extract_metadata


@pytest.mark.parametrize("raw, want", [
    ("2025-01-29T20:47:55+00:00", "2025-01-29T20:47:55+00:00"),
    ("2025-09-28T06:58:21.976-04:00", "2025-09-28T06:58:21-04:00"),
    ("2025-12-17T09:00:08-0500", "2025-12-17T09:00:08-05:00"),
    ("2025-01-04T00:00:00.000Z", "2025-01-04T00:00:00+00:00"),
    ("2025-11-25 08:33:24", "2025-11-25T08:33:24"),
    ("2025-06-17", "2025-06-17"),
    ("January 7, 2025", "2025-01-07"),
    ("Jan. 7, 2025 11:58 AM EST", "2025-01-07T11:58-05:00"),
    ("07.01.2025", "2025-01-07"),
    ("March 2024", "2024-03"),
])
def test_normalize_date_reads_iso_and_written_forms(raw, want):
    assert normalize_date(raw) == want


@pytest.mark.parametrize("raw", ["", "Please enter a valid date", "2025-02-30", "1970-01-01", "© 2024"])
def test_normalize_date_refuses_non_dates(raw):
    assert normalize_date(raw) is None


@pytest.mark.parametrize("byline, want", [
    ("By Jane Roe and John Doe", ["Jane Roe", "John Doe"]),
    ("Written by: Sam Carter | Updated Jan 7, 2025", ["Sam Carter"]),
    ("Ana Pérez y Luis Gómez", ["Ana Pérez", "Luis Gómez"]),
    ("Lee Park, MD, RD", ["Lee Park, MD, RD"]),
    ("Kim Adler, Ph.D.", ["Kim Adler, Ph.D."]),
    ("A. Brown, C. Davis, and E. Fox", ["A. Brown", "C. Davis", "E. Fox"]),
    ("Posted by admin", []),
    ("https://example.org/authors/jane", []),
])
def test_split_authors_cleans_and_splits_bylines(byline, want):
    assert split_authors(byline) == want


@pytest.mark.parametrize("title, want", [
    ("Headline of the day | Acme Daily", "Headline of the day"),
    ("Acme Daily - Headline of the day", "Headline of the day"),
    ("Headline: with a colon inside – Acme Daily", "Headline: with a colon inside"),
    ("Just a headline", "Just a headline"),
])
def test_strip_site_name_removes_the_outlet_part(title, want):
    assert strip_site_name(title, ["Acme Daily"], "https://www.acmedaily.example/x") == want


def test_read_jsonld_follows_graph_and_id_references():
    page = lxml_html.fromstring("""<html><head><script type="application/ld+json">
    {"@graph": [{"@type": "Person", "@id": "#p1", "name": "Rosa Vidal"},
                {"@type": ["NewsArticle"], "headline": "A headline", "datePublished": "2024-05-01",
                 "author": {"@id": "#p1"}, "publisher": {"@type": "Organization", "name": "Acme"}}]}
    </script></head><body><p>x</p></body></html>""")
    facts = read_jsonld(page)
    assert (facts.headline, facts.published, facts.authors, facts.publisher) == (
        "A headline", "2024-05-01", ["Rosa Vidal"], "Acme")


def test_read_jsonld_survives_broken_json():
    page = lxml_html.fromstring('<html><head><script type="application/ld+json">{"@type": "NewsArticle",'
                                '</script></head><body><p>x</p></body></html>')
    assert read_jsonld(page).headline is None


def test_metadata_prefers_headline_h1_over_seo_title():
    page = lxml_html.fromstring("""<html><head><title>Best kettles 2025: top picks | Acme</title>
    <meta property="og:site_name" content="Acme"></head><body>
    <header class="masthead"><h1>Acme</h1></header>
    <div class="post"><h1>The best kettles we tested this year</h1><p>Text of the article.</p></div>
    </body></html>""")
    assert extract_metadata(page, None).title == "The best kettles we tested this year"


def test_metadata_updated_byline_date_does_not_replace_publication_date():
    page = lxml_html.fromstring("""<html><head>
    <meta property="article:published_time" content="2024-02-01T10:00:00+00:00"></head><body>
    <h1>A long headline for the test page</h1><p>Last updated: March 5, 2025</p><p>Body.</p>
    </body></html>""")
    assert extract_metadata(page, None).published == "2024-02-01T10:00:00+00:00"


def test_metadata_printed_byline_date_beats_stale_machine_date():
    page = lxml_html.fromstring("""<html><head>
    <meta property="article:published_time" content="2019-02-01T10:00:00+00:00"></head><body>
    <h1>A long headline for the test page</h1><p>By Ann Lee · May 14, 2025</p><p>Body.</p>
    </body></html>""")
    assert extract_metadata(page, None).published == "2025-05-14"


def test_clean_lines_moves_credits_and_notes_out_of_the_body():
    body = clean_lines("Headline here\nBy Ann Lee\nFirst paragraph of text.\nPhoto: Ben Ode/Agency\n"
                       "Second paragraph.\nThis story originally appeared in the Weekly.\nShare this",
                       title="Headline here", captions=[], authors=["Ann Lee"])
    assert body.text == "First paragraph of text.\n\nSecond paragraph."
    assert body.captions == ["Photo: Ben Ode/Agency"]
    assert body.notes == ["This story originally appeared in the Weekly."]


@pytest.mark.parametrize("html", ["", "   \n "])
def test_extract_html_empty_page_is_an_input_error(html):
    with pytest.raises(InputError) as err:
        extract_html(html, None)
    assert err.value.reason == "empty"


@pytest.mark.parametrize("html", [
    "<html></html>",
    "<p>" * 5000,
    '<html><body><h1>A headline of some length</h1><time datetime="bogus">x</time></body></html>',
    '<script type="application/ld+json">[1, {"@type": "NewsArticle", "author": [null, 3, {"name": ["A B"]}]}]'
    "</script><p>x</p>",
])
def test_extract_html_odd_markup_gives_an_article_not_a_crash(html):
    art = extract_html(html, "not a url")
    assert isinstance(art.text, str) and art.published is None


def test_extract_html_text_without_markup_is_an_input_error():
    with pytest.raises(InputError) as err:
        extract_html("just some words, no markup at all", None)
    assert err.value.reason == "unparsable-html"
