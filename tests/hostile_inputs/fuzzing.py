"""Property-based fuzzing of the extract path and every stage (issue 14).

The property: whatever the bytes, the only exception that may leave reading, extraction
or a stage is InputError (a counted skip with its reason). Used by
tests/test_hostile_fuzz.py (brief, fixed seed) and bench/fuzz.py (`make fuzz`, long).
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from hypothesis import strategies as st

from dyadwatch.errors import InputError
from dyadwatch.models import Document, InputRecord

# Pieces that broke readers and stages before, or are built to: mixed with random text.
PIECES = [
    "<", "<" * 200, ">", "<p>", "</p>", "<div>", "</div>", "<b>", "<br>", "<html>", "<body>", "<head>", "<title>",
    "</title>", "<article>", "<script>", "</script>", "<style>", "<!--", "-->", "<![CDATA[", "]]>", "<?xml version='1.0'?>",
    '<?xml version="1.0" encoding="x-none"?>', '<meta charset="base64">', '<meta charset="undefined">',
    '<meta charset="utf-7">', '<script type="application/ld+json">', "[" * 300, "]" * 300, '{"@graph":' * 50,
    '{"headline": "T", "datePublished": "2025-13-45"}', "&#1114112;", "&#xD800;", "&#0;", "&amp;", "&bogus;", "&#x110000;",
    "<rss version='2.0'><channel><item><title>T</title><description>", "</description></item></channel></rss>",
    "\x00", "\x1b[2J", "\u202e", "\ufeff", "\r", "\n", "\n\n", "\t", " ", "  ", ".", ",", "\u2028", "é", "Москва", "“", "”",
    "\"", "'", "Baku", "Russia", "the Kremlin", "President Ilham Aliyev", "said", "criticised", "met", "on Monday",
    "in 2024", "last week", "Officials from Azerbaijan met Kazakh envoys in Baku on Monday.",
    "\"We will respond,\" the minister said.", "Russia criticised Azerbaijan over the crash, officials said.",
]
CONTENT_TYPES = [None, "text/html", "text/plain", "application/xhtml+xml", "text/html; charset=base64",
                 "text/html; charset=undefined", "application/rss+xml", "text/html; charset=utf-16"]
NAMES = ["page.html", "page.txt", "feed.rss", "feed.xml", "in.jsonl", "page", "x.atom"]

text_pages = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=40)), max_size=40).map("".join)
byte_pages = st.one_of(
    text_pages.map(lambda s: s.encode("utf-8", "surrogatepass")),
    text_pages.map(lambda s: s.encode("utf-16", "surrogatepass")),
    text_pages.map(lambda s: s.encode("cp1251", "replace")),
    st.binary(max_size=3000),
)
sentences = st.lists(st.one_of(st.sampled_from(PIECES[-30:]), st.text(max_size=20)), min_size=1, max_size=60).map(" ".join)


@contextmanager
def offline() -> Iterator[None]:
    """Feed items that would be fetched fail as a refused fetch instead (no network)."""
    import dyadwatch.fetch as fetch

    def refuse(url: str, **_: object):
        raise InputError("fetch-failed", f"{url}: not fetched while fuzzing")

    real = fetch.fetch_url
    fetch.fetch_url = refuse
    try:
        yield
    finally:
        fetch.fetch_url = real


def check_read(data: bytes, name: str) -> int:
    """Read bytes as a file of this name would be read; returns the records found."""
    from dyadwatch.readers import Skipped, read_content

    with offline():
        items = list(read_content(data, name, name, None, False))
    return sum(not isinstance(i, Skipped) for i in items)


def check_extract(data: bytes, content_type: str | None) -> Document | None:
    """The extraction of these bytes, or None when it is refused with a reason."""
    from dyadwatch.extract.stage import extract_document

    try:
        return extract_document(InputRecord(data=data, content_type=content_type))
    except InputError:
        return None


def check_stages(text: str, html: bool = False) -> Document | None:
    """Every stage of the document's language over this text, called directly (so that any
    exception would escape); None when a stage refuses it with a reason."""
    from dyadwatch.pipeline import Work, build, for_language

    record = InputRecord(html=text, published="2025-01-06") if html else InputRecord(text=text, published="2025-01-06")
    stages = build()
    work = Work(input=record, doc=Document(id="fuzz"))
    try:
        work = stages[0].func(work)
        chosen = for_language(stages, work.doc.language)
        for stage in (chosen or [])[1:]:
            work = stage.func(work)
    except InputError:
        return None
    return work.doc
