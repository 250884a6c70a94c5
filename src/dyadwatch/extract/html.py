"""HTML pages: body text and metadata (interface used by the extraction stage)."""
from __future__ import annotations

from dataclasses import dataclass, field

import re

from ..errors import InputError
from .html_body import extract_body
from .metadata import extract_metadata

# A page that names its own <html> or <body> is a document, not a fragment to wrap.
DOCUMENT_TAG = re.compile(r"<(?:html|body)\b", re.I)
# Elements a page may have. Extraction works per element: a 2 MB page of 260,000 tiny
# elements took 43 s and 420 MB to extract; no page of the extraction benchmarks (892 pages)
# has more than 5,000.
MAX_ELEMENTS = 100_000
ANY_TAG = re.compile(r"<[A-Za-z][^<>]*>")
FRAGMENT_SNIFF_CHARS = 4096


@dataclass(frozen=True, kw_only=True)
class HtmlArticle:
    """Body and metadata of one article, from whichever extractor read it (HTML or scraped
    text), before the input's given fields are applied."""

    text: str
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    captions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    modified: str | None = None


def is_fragment(html: str) -> bool:
    """Markup without its document: some tag, but no <html> or <body> among the first characters."""
    head = html[:FRAGMENT_SNIFF_CHARS]
    return bool(ANY_TAG.search(head)) and not DOCUMENT_TAG.search(head)


def parse_html(html: str):
    """The page as an lxml tree (trafilatura's tolerant loader: broken markup, odd encodings)."""
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None and is_fragment(html):
        # A fragment (`<p>...</p>` from a feed item or a JSON Lines record, or bare text)
        # is a valid page body; the loader only takes whole documents.
        tree = load_html(f"<html><body>{html}</body></html>")
    if tree is not None:
        count = sum(1 for _ in tree.iter())
        if count > MAX_ELEMENTS:
            raise InputError("too-complex", f"the page has {count:,} elements; the limit is {MAX_ELEMENTS:,} "
                                            "(extraction time and memory grow with them)")
    if tree is None:
        raise InputError("unparsable-html", "the page could not be parsed as HTML: check that it is a web page")
    return tree


def extract_html(html: str, url: str | None = None) -> HtmlArticle:
    """Body, captions, notes and metadata of one HTML page."""
    if not html or not html.strip():
        raise InputError("empty", "the HTML page is empty: nothing to extract")
    tree = parse_html(html)
    meta = extract_metadata(tree, url)
    body = extract_body(html, tree, url, title=meta.title, authors=meta.authors, fragment=is_fragment(html))
    return HtmlArticle(
        text=body.text,
        title=meta.title,
        published=meta.published,
        authors=meta.authors,
        outlet=meta.outlet,
        canonical_url=meta.canonical_url,
        language=meta.language,
        captions=body.captions,
        notes=body.notes,
        modified=meta.modified,
    )
