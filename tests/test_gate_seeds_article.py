"""Quality gate: every `article.*` row of ../shared/eval/score.py at 1.000 on the two seeds."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.gate

ARTICLE_ROWS = ("article.title", "article.published", "article.language", "article.body_start", "article.body_end",
                "article.no_chrome", "article.paragraphs", "article.caption", "article.authors", "article.outlet")


def test_gate_seeds_article_rows_present(seed_rows):
    for key in ARTICLE_ROWS:
        assert key in seed_rows.rows, f"score.py no longer reports {key}"


def test_gate_seeds_every_article_row_at_one(seed_rows):
    below = {k: v for k, v in seed_rows.rows.items() if k.startswith("article.") and v < 1.0}
    assert not below, f"article rows below 1.000: {below}; misses: {seed_rows.misses_of('article.')}"
