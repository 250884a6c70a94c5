"""People named inside a programme's title in quotation marks ('on "Mornings with X"') are part
of the title: a later "she" or "the opposition leader" goes to the person who spoke, not to
the host the programme is named after; and two capitalised words NER took for an unknown
place, the subject of a verb of saying, are a person. Passages written for these tests."""
from __future__ import annotations

PASSAGE = (
    'Ingrid Solberg argued on "Mornings with Clara Dunmore" that the fuel duty had to fall. '
    "The opposition leader also denied that she was planning a pact with the farmers' party. "
    '"There is no pact and there will be none," she said.'
)


def test_quotes_a_host_named_in_a_programme_title_is_no_antecedent(english):
    from dyadwatch.pipeline import run_text

    doc = run_text(PASSAGE)
    speakers = [(q.kind, q.speaker.name if q.speaker else None) for q in doc.quotes]
    assert len(speakers) == 3, speakers
    assert all(name == "Ingrid Solberg" for _, name in speakers), speakers


def test_actors_an_unknown_place_that_argues_is_a_person(english):
    from dyadwatch.actors.persons import unknown_place_that_speaks
    from dyadwatch.nlp import load_english

    nlp = load_english()
    doc = nlp("Hollis Vantreck argued on Tuesday that the levy was unfair.")
    assert unknown_place_that_speaks(doc, 0, 2)
    # a place the gazetteer knows speaks for its government, and stays a place
    doc = nlp("Hong Kong said on Monday that it would review the rules.")
    assert not unknown_place_that_speaks(doc, 0, 2)
    # words that are no subject of a verb of saying stay what NER said
    doc = nlp("Hollis Vantreck is a port on the northern coast.")
    assert not unknown_place_that_speaks(doc, 0, 2)
