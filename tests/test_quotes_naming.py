"""Quoted words given by a verb of naming (issue 13, fourth round): in 'X called the plan "a gift
to polluters"' the whole quoted predicate is X's word, however short; in 'X called the deal a
"sell-out"' the writer's phrase holds a scare-quoted word. Passages written for these tests.
"""
from __future__ import annotations


def directs(text: str):
    from dyadwatch.pipeline import run_text

    return [q for q in run_text(text).quotes if q.kind == "direct"]


def test_quotes_naming_whole_predicate_in_marks_is_the_subjects_words(english):
    for text, words, who in (
        ('Opposition leader Marta Kovac called the budget "a betrayal of pensioners".', "a betrayal of pensioners", "Marta Kovac"),
        ('Senator Hugh Dalton described the ruling as "reckless".', "reckless", "Hugh Dalton"),
        ('Transport Minister Ole Nygaard dismissed what he called "panic about nothing" and left the room.',
         "panic about nothing", "Ole Nygaard"),
    ):
        (q,) = directs(text)
        assert q.text == words and q.speaker is not None and q.speaker.name == who, text


def test_quotes_naming_scare_word_inside_the_writers_phrase_is_no_quotation(english):
    assert directs('Critics called the agreement a "sell-out" and vowed to fight it in court.') == []
    assert directs('The ministry, which the paper called a "fortress", has not replied.') == []
