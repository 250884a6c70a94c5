"""Quality gate on the actors test set written for this project (tests/actors/sentences.jsonl).

Each line is an invented sentence with its publication date and the actors it must yield:
`find` is a phrase of the sentence; the actor whose mention covers it must have the given
`code` (a prefix, as the mention names it: "Baku" -> AZEGOV), and `id` / `type` / `country`
when given. `set` names a group of sentences written together before the rules they test
(`python tests/test_actors_testset.py SET` scores one group alone).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

SET = Path(__file__).parent / "actors" / "sentences.jsonl"
# Floor pinned a little under the measured score (230/230 when pinned); raise it when it rises.
FLOOR = 0.97


def load_cases() -> list[dict]:
    return [json.loads(line) for line in SET.read_text(encoding="utf-8").splitlines() if line.strip()]


def check_case(case: dict, doc) -> list[str]:
    """Misses for one sentence (empty when every expectation holds)."""
    from dyadwatch.actors.lookup import actor_at, mention_code, mentions_in

    misses = []
    for want in case["expect"]:
        start = doc.text.find(want["find"])
        if start < 0:
            misses.append(f"{want['find']!r} not in text")
            continue
        end = start + len(want["find"])
        actor = actor_at(doc, start, end)
        if actor is None:
            misses.append(f"{want['find']!r}: no actor")
            continue
        mention = max((m for m, a in mentions_in(doc, start, end) if a is actor), key=lambda m: m.end - m.start)
        code = mention_code(actor, mention) or ""
        problems = []
        if "code" in want and not code.startswith(want["code"]):
            problems.append(f"code {code} want {want['code']}")
        if "id" in want and actor.id != want["id"]:
            problems.append(f"id {actor.id} want {want['id']}")
        if "type" in want and actor.type != want["type"]:
            problems.append(f"type {actor.type} want {want['type']}")
        if "country" in want and actor.country != want["country"]:
            problems.append(f"country {actor.country} want {want['country']}")
        if problems:
            misses.append(f"{want['find']!r}: " + ", ".join(problems) + f" [{mention.rule}]")
    return misses


def score_testset(only: str | None = None) -> tuple[int, int, list[str]]:
    from dyadwatch.models import InputRecord
    from dyadwatch.pipeline import Pipeline, build

    cases = [c for c in load_cases() if only is None or c.get("set") == only]
    pipeline = Pipeline(stages=build(["extract", "parse", "actors"]))
    inputs = [InputRecord(id=str(i), text=c["text"], published=c.get("published"), language="en") for i, c in enumerate(cases)]
    ok = total = 0
    misses = []
    for case, outcome in zip(cases, pipeline.run(inputs)):
        problems = check_case(case, outcome.doc)
        total += len(case["expect"])
        ok += len(case["expect"]) - len(problems)
        misses += [f"{case['text'][:60]!r}: {p}" for p in problems]
    return ok, total, misses


def test_actors_testset_has_enough_sentences():
    cases = load_cases()
    assert len(cases) >= 80
    assert all(case["expect"] for case in cases)


def test_actors_testset_score_above_floor():
    try:
        from dyadwatch.nlp import load_english

        load_english()
    except Exception as exc:  # noqa: BLE001 - any model failure means: skip with the reason
        pytest.skip(f"spaCy English model not available: {exc}")
    ok, total, misses = score_testset()
    assert ok / total >= FLOOR, f"{ok}/{total} = {ok / total:.3f} below {FLOOR}:\n" + "\n".join(misses)


if __name__ == "__main__":
    import sys

    ok, total, misses = score_testset(sys.argv[1] if len(sys.argv) > 1 else None)
    print("\n".join(misses))
    print(f"{ok}/{total} = {ok / total:.3f}")
