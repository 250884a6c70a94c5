"""Gate: the actor rows of the shared seed gold (../shared/eval/score.py) stay above their floors."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
# Floors the issue sets for the seed pages.
FLOORS = {"actors.found": 0.95, "actors.aliases": 0.9, "actors.sector": 1.0}


def _scorer():
    path = SHARED / "eval" / "score.py"
    if not path.is_file() or not (SHARED / "gold" / "seeds.json").is_file():
        pytest.skip("../shared/eval/score.py or ../shared/gold/seeds.json not found: the seed gate needs the shared folder")
    spec = importlib.util.spec_from_file_location("seed_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_actors_seed_rows_meet_floors(tmp_path, capsys):
    scorer = _scorer()
    from dyadwatch.models import InputRecord
    from dyadwatch.pipeline import Pipeline, build
    from dyadwatch.readers import read_file

    try:
        from dyadwatch.nlp import load_english

        load_english()
    except Exception as exc:  # noqa: BLE001 - any model failure means: skip with the reason
        pytest.skip(f"spaCy English model not available: {exc}")
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    pipeline = Pipeline(stages=build(["extract", "parse", "actors"]))
    inputs = [r for p in seeds for r in read_file(p, None) if isinstance(r, InputRecord)]
    out = tmp_path / "seeds.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for outcome in pipeline.run(inputs):
            assert outcome.doc is not None, outcome.error
            fh.write(outcome.doc.to_json() + "\n")
    scorer.main(["--gold", str(SHARED / "gold" / "seeds.json"), "--pred", str(out), "--json"])
    summary = json.loads(capsys.readouterr().out)["rows"]
    for row, floor in FLOORS.items():
        assert summary[row]["ratio"] >= floor, f"{row} {summary[row]} below {floor}"
