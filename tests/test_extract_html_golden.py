"""Whole invented pages through extract_html: exact metadata and must/must-not snippets."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadwatch.extract.html import HtmlArticle, extract_html

PAGES = Path(__file__).parent / "pages"
EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
NAMES = sorted(k for k in EXPECTED if not k.startswith("_"))
EXACT_FIELDS = ("title", "published", "authors", "outlet", "canonical_url", "language")


def _article(name: str) -> HtmlArticle:
    return extract_html((PAGES / name).read_text(encoding="utf-8"), None)


def test_extract_html_golden_every_page_has_expectations():
    pages = sorted(p.name for p in PAGES.glob("*.html"))
    assert pages == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_extract_html_golden_metadata(name):
    art, want = _article(name), EXPECTED[name]
    for key in EXACT_FIELDS:
        if key in want:
            assert getattr(art, key) == want[key], key


@pytest.mark.parametrize("name", NAMES)
def test_extract_html_golden_body_snippets(name):
    art, want = _article(name), EXPECTED[name]
    for snippet in want["must_contain"]:
        assert snippet in art.text
    for snippet in want["must_not_contain"]:
        assert snippet not in art.text


@pytest.mark.parametrize("name", NAMES)
def test_extract_html_golden_captions_and_notes_kept_apart(name):
    art, want = _article(name), EXPECTED[name]
    for snippet in want.get("captions_contain", []):
        assert any(snippet in c for c in art.captions), snippet
    for snippet in want.get("notes_contain", []):
        assert any(snippet in n for n in art.notes), snippet


@pytest.mark.parametrize("name", NAMES)
def test_extract_html_golden_paragraphs_joined_by_blank_line(name):
    art = _article(name)
    paragraphs = art.text.split("\n\n")
    assert len(paragraphs) >= 3
    assert all(p.strip() and "\n" not in p for p in paragraphs)
