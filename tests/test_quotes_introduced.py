"""Quotations introduced without a verb of saying (issue 13, fourth round): a clause about
someone or about what they said before a colon, a sentence about a named person right before
an unattributed quotation in the same paragraph, a round-up's bare name before a colon.
Passages written for these tests.
"""
from __future__ import annotations


def directs(text: str):
    from dyadwatch.pipeline import run_text

    return [q for q in run_text(text).quotes if q.kind == "direct"]


def test_quotes_introduced_by_a_clause_before_a_colon(english):
    for text, who in (
        ('Finance Minister Helena Varga had a clear warning for the unions: "There is no more money in the budget '
         'for pay rises this year."', "Helena Varga"),
        ('Senator Paul Whitaker spoke in Dayton on Saturday.\n\nHe closed with a promise to the crowd: "We will '
         'reopen every plant that closed in this valley."', "Paul Whitaker"),
        ('Foreign Minister Arvid Holm was asked about the embargo. His reply was brief: "Sweden decides its own '
         'trade and nobody else does."', "Arvid Holm"),
    ):
        (q,) = directs(text)
        assert q.speaker is not None and q.speaker.name == who, text


def test_quotes_introduced_by_the_sentence_before_in_the_paragraph(english):
    text = ('The treasury published its forecast on Monday.\n\nSenator Maria Okafor, who sits on the finance '
            'committee, rejected the numbers. "Their forecast ignores the drought and the cost of the new port."')
    (q,) = directs(text)
    assert q.speaker is not None and q.speaker.name == "Maria Okafor"


def test_quotes_introduced_not_by_a_sentence_about_something_else(english):
    # the sentence before is about a thing, not a person: the quotation stays unattributed
    text = ('The vote was postponed until Thursday. "Nobody in this building believes the numbers add up '
            'any more, and everyone knows it."')
    qs = directs(text)
    assert all(q.speaker is None for q in qs)


def test_quotes_introduced_by_a_name_label_in_a_round_up(english):
    text = ('What the papers say:\n\nHelsingin Sanomat: "The government has one month left to find a '
            'majority."\n\nThe Courier: "Nobody in the capital expects the coalition to last the winter."')
    names = [q.speaker.name if q.speaker else None for q in directs(text)]
    assert names[0] == "Helsingin Sanomat" and (names[1] or "").endswith("Courier"), names
