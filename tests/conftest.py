"""Shared fixtures."""
from __future__ import annotations

from pathlib import Path

import pytest
from support import SEEDS, need_shared


@pytest.fixture(scope="session")
def seed_records(tmp_path_factory) -> Path:
    """The two seed pages through the whole default pipeline, as JSON Lines (computed once)."""
    need_shared("seeds")
    out = tmp_path_factory.mktemp("seeds") / "seeds.jsonl"
    from dyadwatch.api import extract

    docs = list(extract(sorted(str(p) for p in SEEDS.glob("*.txt"))))
    out.write_text("".join(d.to_json() + "\n" for d in docs), encoding="utf-8")
    return out


