"""Gate: actors under the PLOVER gold-standard sides carry the gold country-style code.

For each of the 322 CAMEO-manual sentences (../shared/data/events/plover-gsr), every gold
source/target side's text is looked up with `actor_at`; it counts when the actor's country
or the code its mention stands for begins with the gold code (USA, IGO, ...). The file uses
a few legacy codes the Phoenix dictionaries replaced (JAP for JPN, ITL for ITA) and codes
NGOs as IGO; those sides count as misses here.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

GSR = Path(__file__).resolve().parents[2] / "shared" / "data" / "events" / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
# Floor pinned under the measured share (528/634 = 0.833 when pinned).
FLOOR = 0.81


def score_sides() -> tuple[int, int]:
    from dyadwatch.actors.lookup import actor_at, mention_code, mentions_in
    from dyadwatch.models import InputRecord
    from dyadwatch.pipeline import Pipeline, build

    records = [r for r in json.loads(GSR.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    pipeline = Pipeline(stages=build(["extract", "parse", "actors"]))
    inputs = [InputRecord(id=r["id"], text=r["text"], published=r.get("date"), language="en") for r in records]
    ok = total = 0
    for record, outcome in zip(records, pipeline.run(inputs)):
        doc = outcome.doc
        for side in ("source", "target"):
            for gold in record.get(side) if isinstance(record.get(side), list) else []:
                text = gold["actorText"].split(" ... ")[0]
                start = doc.text.find(text)
                if start < 0:
                    continue
                total += 1
                actor = actor_at(doc, start, start + len(text))
                if actor is None:
                    continue
                mention = max((m for m, a in mentions_in(doc, start, start + len(text)) if a is actor), key=lambda m: m.end - m.start)
                ok += actor.country == gold["code"] or str(mention_code(actor, mention) or "").startswith(gold["code"])
    return ok, total


def test_actors_plover_sides_carry_gold_codes():
    if not GSR.is_file():
        pytest.skip("../shared/data/events/plover-gsr/PLOVER_GSR_CAMEO.json not found")
    try:
        from dyadwatch.nlp import load_english

        load_english()
    except Exception as exc:  # noqa: BLE001 - any model failure means: skip with the reason
        pytest.skip(f"spaCy English model not available: {exc}")
    ok, total = score_sides()
    assert total > 500
    assert ok / total >= FLOOR, f"{ok}/{total} = {ok / total:.3f} below {FLOOR}"
