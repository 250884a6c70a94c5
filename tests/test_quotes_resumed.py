"""Quotations resumed after their attribution sentence (issue 13, fourth round).

'"A," X said on Monday. "B."' is one statement in two pieces when B has no attribution of its
own: the reader hears the same speaker go on. Passages written for these tests.
"""
from __future__ import annotations


def quotes_of(text: str):
    from dyadwatch.pipeline import run_text

    return run_text(text).quotes


def test_quotes_resumed_after_attribution_sentence_is_one_record(english):
    for text, speaker in (
        ('Mayor Anna Becker toured the flooded district on Sunday.\n\n'
         '"The river rose faster than any model said it would," she told residents. "We will rebuild every bridge."',
         "Anna Becker"),
        ('"Nobody in this chamber wants a shutdown," said Senator Owen Pratt, the ranking member of the appropriations '
         'panel, after a late vote. "But nobody wants to sign a blank cheque either."', "Owen Pratt"),
        ('"Our factories are running at half speed," Harlan Steel chief executive Bea Lund said in a call with analysts. '
         '"Orders will not come back before autumn."', "Bea Lund"),
    ):
        (q,) = [q for q in quotes_of(text) if q.kind == "direct"]
        assert len(q.parts) == 2, text
        assert q.speaker is not None and q.speaker.name == speaker


def test_quotes_resumed_piece_with_its_own_cue_stays_apart(english):
    text = ('"The port will reopen on Friday," harbour master Teodor Vlad said. '
            '"The cranes are already back in service," he added.')
    qs = [q for q in quotes_of(text) if q.kind == "direct"]
    assert len(qs) == 2 and all(not q.parts for q in qs)


def test_quotes_resumed_only_inside_a_paragraph_and_after_a_comma(english):
    # a new paragraph, or a first piece that ends its own sentence, is a quotation of its own
    text = ('"The port will reopen on Friday," harbour master Teodor Vlad said.\n\n'
            '"We have waited long enough for the cranes to come back into service."')
    assert len([q for q in quotes_of(text) if q.kind == "direct"]) == 2
    text = ('Harbour master Teodor Vlad said: "The port will reopen on Friday." He then left the room. '
            '"We have waited long enough for the cranes to come back into service," a docker said.')
    assert len([q for q in quotes_of(text) if q.kind == "direct"]) == 2
