"""Quality gate: every `article.*` row of ../shared/eval/score.py at 1.000 on the two seeds.

Runs what a user runs: `dyadwatch extract ../shared/seeds/*.txt --stages extract -o FILE`,
then the shared scorer on FILE.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from support import EVAL, GOLD, ROOT, SEEDS, need_shared

pytestmark = pytest.mark.gate
DYADWATCH = Path(sys.executable).parent / "dyadwatch"


@pytest.fixture(scope="module")
def article_rows(tmp_path_factory) -> dict[str, dict]:
    need_shared("seeds")
    need_shared("gold", "seeds.json")
    need_shared("eval", "score.py")
    if not DYADWATCH.exists():
        pytest.skip(f"needs the dyadwatch console script beside {sys.executable}; install the package first")
    out = tmp_path_factory.mktemp("gate") / "seeds.jsonl"
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    subprocess.run([str(DYADWATCH), "extract", *seeds, "--stages", "extract", "-o", str(out)],
                   cwd=ROOT, check=True, capture_output=True, text=True)
    res = subprocess.run([sys.executable, str(EVAL / "score.py"), "--gold", str(GOLD), "--pred", str(out), "--json"],
                         check=True, capture_output=True, text=True)
    data = json.loads(res.stdout)
    rows = {k: v for k, v in data["rows"].items() if k.startswith("article.")}
    rows["_misses"] = [m for m in data["misses"] if m.startswith("article.")]
    return rows


def test_gate_seeds_article_rows_present(article_rows):
    for key in ("article.title", "article.published", "article.language", "article.body_start", "article.body_end",
                "article.no_chrome", "article.paragraphs", "article.caption", "article.authors", "article.outlet"):
        assert key in article_rows, f"score.py no longer reports {key}"


def test_gate_seeds_every_article_row_at_one(article_rows):
    misses = article_rows.pop("_misses")
    below = {k: v["ratio"] for k, v in article_rows.items() if v["ratio"] < 1.0}
    article_rows["_misses"] = misses
    assert not below, f"article rows below 1.000: {below}; misses: {misses}"
