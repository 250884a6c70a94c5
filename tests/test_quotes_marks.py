"""Quotation marks paired into spans (no parse needed)."""
from __future__ import annotations

from dyadwatch.quotes.marks import find_marked
from dyadwatch.quotes.text import paragraphs, sentence_end, sentence_start


def spans(text: str) -> list[str]:
    return ["|".join(text[a:b] for a, b in m.pieces) for m in find_marked(text, paragraphs(text))]


def test_quotes_marks_straight_and_curly_pairs():
    assert spans('He said "yes" and then “no” twice.') == ["yes", "no"]


def test_quotes_marks_nested_same_mark_does_not_cut_outer():
    text = '"Turkey is its "elder brother" in this region," he said.'
    assert spans(text) == ['Turkey is its "elder brother" in this region,']


def test_quotes_marks_nested_single_inside_double():
    text = "“He told us ‘we will win’ and left,” she said."
    assert spans(text) == ["He told us ‘we will win’ and left,"]


def test_quotes_marks_apostrophes_are_not_marks():
    assert spans("The country's leaders met in the '90s; it wasn't easy and the ministers' staff left.") == []


def test_quotes_marks_guillemets_and_low_high():
    assert spans("«Мы готовы», — сказал он. „Wir sind bereit“, sagte sie.") == ["Мы готовы", "Wir sind bereit"]


def test_quotes_marks_single_quotes_british():
    assert spans("‘This is a disgrace,’ she said, and the ‘Dalma News’ agency agreed.") == ["This is a disgrace,", "Dalma News"]


def test_quotes_marks_multi_paragraph_joined():
    text = '"First paragraph of words.\n\n"Second paragraph of words.\n\n"Last one," he said.'
    (m,) = find_marked(text, paragraphs(text))
    assert [text[a:b] for a, b in m.pieces] == ["First paragraph of words.", "Second paragraph of words.", "Last one,"]
    assert m.open_mark == 0 and text[m.close_mark] == '"'


def test_quotes_marks_unclosed_quote_dropped_when_next_paragraph_is_narrative():
    text = '"This never closes.\n\nThe next paragraph is narrative with a "term" in it.'
    assert spans(text) == ["term"]


def test_quotes_marks_hard_wrapped_lines_are_one_paragraph():
    text = 'He said "this quote runs\nover a wrapped line" and left.'
    assert len(paragraphs(text)) == 1
    assert spans(text) == ["this quote runs\nover a wrapped line"]


def test_quotes_text_sentence_edges_skip_abbreviations():
    text = "It rained. Mr. Smith said so. Then he left."
    at = text.index("Smith")
    assert text[sentence_start(text, 0, at):sentence_end(text, at, len(text))] == "Mr. Smith said so."
