"""`dyadwatch explain` on Russian text re-codes it with natasha's parse and the Russian coder."""
from __future__ import annotations

import pytest

from dyadwatch.events.explain import explain_document, explain_text, render

TEXT = ("Министр иностранных дел Армении провёл переговоры с послом Франции в Ереване. "
        "Грузия не будет вводить санкции против Турции.")


@pytest.fixture(scope="module")
def explained():
    return explain_text(TEXT, "2025-03-04")


def test_russian_sentence_is_parsed_into_universal_dependencies(explained) -> None:
    words = {t.text: t for t in explained.tokens}
    assert words["провёл"].lemma == "провести"
    assert {t.dep for t in explained.tokens} & {"nsubj", "obl", "obj"}  # UD relations, not spaCy's English labels
    assert all(t.dep not in ("dobj", "pobj", "prep") for t in explained.tokens)


def test_russian_predicates_are_decided_by_russian_patterns(explained) -> None:
    by_word = {d.text: d for d in explained.decisions}
    met = by_word["провёл"]
    assert met.outcome == "event" and met.pattern is not None and met.pattern.id.startswith("ru-verbs:")
    assert met.events and met.events[0].cameo.startswith("04")
    future = by_word["вводить"]
    assert future.outcome in ("future", "negated") and not future.events
    assert future.detail
    assert "ru-verbs:" in render(explained)


def test_stored_russian_event_is_explained_by_its_own_decision(explained) -> None:
    from dyadwatch.pipeline import run_text

    doc = run_text(TEXT, published="2025-03-04")
    assert doc.language == "ru" and doc.events
    x = explain_document(doc, 0)
    assert x.focus is not None and x.decisions[x.focus].events[0].cameo == doc.events[0].cameo
    assert x.text.startswith("Министр") and x.text.rstrip().endswith("Ереване.")
