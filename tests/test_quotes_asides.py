"""Where a report ends and who it belongs to when the writer adds an aside (issue 13, fourth round).

A concessive clause after a comma ("..., though Y ...", "..., even as Y ...") and the source of
a report ("..., according to three aides") are the writer's words, not the reported ones; and
"according to Y" after "X said / was quoted as saying" names the source, X stays the speaker.
Passages written for these tests.
"""
from __future__ import annotations


def quotes_of(text: str):
    from dyadwatch.pipeline import run_text

    return run_text(text).quotes


def reported(text: str):
    return [q for q in quotes_of(text) if q.kind == "indirect"]


def test_quotes_asides_concessive_clause_is_not_reported(english):
    for text, content in (
        ("Finance Minister Petra Lindgren said the budget would balance by 2027, though economists at the central "
         "bank have questioned the growth forecast.", "the budget would balance by 2027"),
        ("Governor Mark Ellison insisted that the bridge was safe, even as engineers closed two of its lanes.",
         "the bridge was safe"),
        ("According to the Danish shipping agency, the strike has cost exporters millions, although no figures were published.",
         "the strike has cost exporters millions"),
    ):
        qs = reported(text)
        assert [q.text.rstrip(".,") for q in qs][:1] == [content], text


def test_quotes_asides_source_of_a_report_is_not_its_content(english):
    (q,) = reported("Senator Dana Whitfield believes that the tax bill can pass before the summer, according to "
                    "two staff members who attended the meeting.")
    assert q.text == "the tax bill can pass before the summer"
    assert q.speaker.name == "Dana Whitfield"


def test_quotes_asides_according_to_after_a_verb_names_the_source(english):
    text = ('Defence Minister Karl Brenner was quoted as saying that the army "cannot hold the line for another winter", '
            'according to a report in the Nordic Herald.')
    qs = quotes_of(text)
    assert len(qs) == 1 and qs[0].speaker.name == "Karl Brenner", [(q.text, q.speaker) for q in qs]
    # "according to" alone, or in the middle of the clause it attributes, still names the speaker
    (q,) = reported("The convoy, according to Colonel Ivan Petrenko, reached the city before dawn.")
    assert q.speaker.name == "Ivan Petrenko"


def test_quotes_asides_condition_after_a_quotation_is_not_its_attribution(english):
    text = ('Trade Minister Laila Haddad said Jordan would "answer in kind" if the European Union insisted on '
            'the new levies.')
    qs = quotes_of(text)
    assert len(qs) == 1 and qs[0].kind == "indirect", [(q.kind, q.text) for q in qs]
    assert qs[0].speaker.name == "Laila Haddad" and [p.text for p in qs[0].parts] == ["answer in kind"]


def test_quotes_asides_hearsay_gives_the_one_heard_from(english):
    (q,) = reported("We are hearing from two diplomats in Vienna that the talks will resume on Monday.")
    assert q.text == "the talks will resume on Monday" and "diplomats" in q.speaker.name
    (q,) = reported("Reporters were told by a senior police officer that the suspect had been released.")
    assert q.text == "the suspect had been released" and "officer" in q.speaker.name
    # a hearer named as such, with no one heard from, passes on nothing of anyone's
    assert reported("The committee heard that the funds had run out in March.") == []


def test_quotes_asides_that_clause_after_a_programme_is_the_verbs(english):
    (q,) = reported("Labour Minister Tom Reddy said on Sunday on Channel 4's evening programme that the strike "
                    "would end within a week.")
    assert q.text.rstrip(".") == "the strike would end within a week" and q.speaker.name == "Tom Reddy"


def test_quotes_asides_officials_of_accounts_are_roles(english):
    (q,) = reported("The city's comptroller said the pension fund had lost a fifth of its value.")
    assert q.speaker is not None and "comptroller" in q.speaker.name
