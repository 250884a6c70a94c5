"""Quality gates for the event coder: the PLOVER gold-standard sentences and the seed pages.

Both run the whole default pipeline in-process and score with the shared scorers, read
from ../shared (never copied). Floors are pinned a little under the scores measured when
they were set; raise them when the coder improves.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
EVAL = SHARED / "eval"
# Measured with the actors stage of the same checkout: type 0.463, triple 0.230 (322 records);
# 0.519 / 0.311 with a later actors stage; 0.668 / 0.394 after intent, obligation, source-only
# and target-author rules (verbs-2025.1); 0.795 / 0.444 with verbs-2025.2 (mobilisation, reduced
# relations, yielding, coercion and aid in their common news forms) and acts that stand without
# a target when their sense is certain; 0.795 / 0.472 after the diplomat and self-target rules;
# 0.863 / 0.665 with verbs-2025.3 (object senses, appeals against a third party, charges) and
# sides read from context (a side's country from the act's place, clause or text; carried
# things and own forces are no target; unnamed victims and protests' addressees). The issue's
# floors are 0.75 / 0.6; ours sit a little under the latest figure.
GSR_TYPE_FLOOR = 0.895  # 0.876 with verbs-2026.2 (types by construction, issue 12); 0.904 with the codebook classes of round 3
GSR_TRIPLE_FLOOR = 0.71  # 0.665 with verbs-2026.2; 0.671 with the sides of round 2; 0.7205 with the codebook classes of round 3
# The floors for the seed pages (measured: found 1.0, precision 0.9, skipped 1.0, date 1.0).
SEED_FLOORS = {"events.found": 0.9, "events.precision": 0.8, "events.non_events_skipped": 1.0, "events.date": 0.9}


def _load_scorer(name: str):
    path = EVAL / f"{name}.py"
    if not path.is_file():
        pytest.skip(f"shared scorer {path} is not here")
    spec = importlib.util.spec_from_file_location(f"shared_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pipeline():
    from dyadwatch.errors import ModelMissing
    from dyadwatch.nlp import load_english
    from dyadwatch.pipeline import Pipeline

    try:
        load_english()
    except ModelMissing as e:
        pytest.skip(f"no English spaCy model: {e}")
    return Pipeline()


def test_gate_plover_gsr_type_and_triple_accuracy(tmp_path, capsys):
    from dyadwatch.models import InputRecord

    gsr = _load_scorer("plover_gsr")
    if not gsr.DATA.is_file():
        pytest.skip(f"PLOVER gold standard {gsr.DATA} is not here")
    inputs = [InputRecord(id=r["id"], text=r["text"], published=r.get("date")) for r in gsr.records()]
    out = tmp_path / "gsr.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for o in _pipeline().run(inputs):
            if o.doc is not None:
                fh.write(o.doc.to_json() + "\n")
    capsys.readouterr()
    gsr.score(str(out))
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert result["records"] == len(inputs)
    assert result["type_accuracy"] >= GSR_TYPE_FLOOR, result
    assert result["triple_accuracy"] >= GSR_TRIPLE_FLOOR, result


@pytest.mark.parametrize("row", sorted(SEED_FLOORS))
def test_gate_seed_events(seed_rows, row):
    assert seed_rows.rows[row] >= SEED_FLOORS[row], seed_rows.misses_of("events.")
