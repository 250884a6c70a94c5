"""Institutions as speakers when the text names them again by kind, by a text or by initials
(issue 13, fourth round), and roles that bring in someone new. Passages written for these tests.
"""
from __future__ import annotations


def quotes_of(text: str):
    from dyadwatch.pipeline import run_text

    return run_text(text).quotes


def speakers(text: str) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in quotes_of(text)]


def test_quotes_institutions_definite_kind_noun_is_the_body_named_before(english):
    text = ('Human Rights Watch said the detentions were unlawful. The group warned that more arrests '
            'would follow if the law was passed.')
    assert speakers(text) == ["Human Rights Watch", "Human Rights Watch"]
    text = ("The Federal Reserve kept rates on hold on Wednesday. The bank's statement said that inflation "
            "remained too high.")
    assert speakers(text)[-1] == "Federal Reserve"


def test_quotes_institutions_kind_noun_with_a_name_of_its_own_stays(english):
    text = ('Human Rights Watch said the detentions were unlawful. The defence ministry said that the '
            'detainees were soldiers.')
    names = speakers(text)
    assert names[0] == "Human Rights Watch" and "ministry" in (names[1] or "")


def test_quotes_institutions_according_to_a_text_is_its_issuer(english):
    text = ('A confidential report from the European Court of Auditors said the fund had lost track of '
            'two billion euros. According to the report, most of the money went to road projects.')
    names = speakers(text)
    assert len(names) == 2 and all(n and "Court of Auditors" in n for n in names), names


def test_quotes_institutions_acronym_is_the_organisation_it_abbreviates(english):
    text = ('The International Energy Agency published its outlook on Tuesday. According to the IEA, '
            'oil demand will peak before 2030.')
    assert speakers(text) == ["International Energy Agency"]


def test_quotes_institutions_definite_role_after_an_indefinite_one(english):
    text = ('Chancellor Olaf Brandt wants a new gas deal with Norway, a government adviser said on Monday. '
            'The adviser added that talks would start in the autumn.')
    names = speakers(text)
    assert names[-1] == "government adviser", names


def test_quotes_institutions_one_official_is_someone_new(english):
    text = ('Prime Minister Anna Lindqvist said the coalition would hold. One official said that two '
            'ministers were ready to resign.')
    assert speakers(text) == ["Anna Lindqvist", "One official"]


def test_quotes_institutions_a_text_reports_what_it_found(english):
    text = 'An audit by the World Bank found that road spending had doubled since 2015.'
    (q,) = quotes_of(text)
    assert q.text.startswith("road spending had doubled") and "World Bank" in (q.speaker.name or "")
    # a person who finds something reports nothing
    assert quotes_of("Inspector Lena Falk found that the door had been forced.") == []
