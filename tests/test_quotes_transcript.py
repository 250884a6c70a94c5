"""Transcripts and round-ups without quotation marks (issue 13): a speaker label and a colon."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def english():
    from dyadwatch.errors import ModelMissing
    from dyadwatch.nlp import load_english

    try:
        load_english()
    except ModelMissing as e:
        pytest.skip(f"needs the English spaCy model: {e}")


def quotes_of(text: str):
    from dyadwatch.pipeline import run_text

    return run_text(text).quotes


def test_quotes_transcript_capital_labels_and_answers(english):
    text = ('Governor Rita Alvarez spoke to reporters in the capital.\n\n'
            'REPORTER: Will you sign the bill this week?\n\n'
            'ALVAREZ: I will sign it on Friday if the money for schools stays in it.\n\n'
            'Q: And if it does not?\n\n'
            'A: Then the legislature can explain that to the parents.')
    qs = quotes_of(text)
    assert [(q.speaker.name, q.text[:12]) for q in qs] == [
        ("Reporter", "Will you sig"), ("Rita Alvarez", "I will sign "), ("Rita Alvarez", "Then the leg")]
    assert all(text[q.start:q.end] == q.text and q.kind == "direct" for q in qs)


def test_quotes_transcript_layout_labels_are_not_speakers(english):
    text = ('The talks resumed in Vienna on Monday.\n\n'
            'Photo: Delegates arrive at the palace before the first session.\n\n'
            'Background: The talks began in 2019 and stalled twice since then.\n\n'
            'Source: The foreign ministry of Austria.')
    assert quotes_of(text) == []


def test_quotes_transcript_roundup_entry_names_its_speaker(english):
    text = ('What the columnists said.\n\n'
            'Marta Kowalska, Gazeta Poranna: The deal is good for farmers and bad for everyone else.')
    (q,) = quotes_of(text)
    assert q.speaker.name == "Marta Kowalska" and q.text.startswith("The deal is good")
