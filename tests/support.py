"""Helpers for tests: paths to ../shared and running its scorers."""
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "seeds.json"
EVAL = SHARED / "eval"


def need_shared(*parts: str) -> Path:
    """A path under ../shared, or a skip that says what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the shared data folder beside the project); not found")
    return path


def run_scorer(script: str, *args: str) -> dict:
    """Run one of ../shared/eval's scorers and parse its JSON output."""
    path = need_shared("eval", script)
    res = subprocess.run([sys.executable, str(path), *args], capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1]) if not res.stdout.lstrip().startswith("{\n") else json.loads(res.stdout)


@dataclass(frozen=True)
class SeedScores:
    """score.py on the seed pages: {row: ratio} and the misses it lists."""

    rows: dict[str, float]
    misses: list[str]

    def misses_of(self, prefix: str) -> str:
        return "\n".join(m for m in self.misses if m.startswith(prefix))


def seed_scores(records: Path) -> SeedScores:
    """Score document records of the seed pages with ../shared/eval/score.py."""
    need_shared("gold", "seeds.json")
    need_shared("eval", "score.py")
    res = subprocess.run([sys.executable, str(EVAL / "score.py"), "--gold", str(GOLD), "--pred", str(records), "--json"],
                         capture_output=True, text=True, check=True)
    data = json.loads(res.stdout)
    rows = {k: v["ratio"] for k, v in data["rows"].items() if k != "headline"}
    return SeedScores(rows=rows, misses=data["misses"])


def snapshot(db: Path) -> dict[str, list]:
    """Every stored row except ingest timestamps, sorted: two equal snapshots are equal stores."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in ("documents", "actors", "quotes", "times", "events"):
            cols = [c[0] for c in con.execute(f"DESCRIBE {table}").fetchall() if c[0] != "ingested_at"]
            out[table] = sorted(map(repr, con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()))
        return out
    finally:
        con.close()
