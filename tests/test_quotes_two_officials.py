"""Two officials in one sentence: the speaker is the subject of the verb of saying, not the
other person named beside it (issue 13, fifth round). Passages written for these tests."""
from __future__ import annotations

from dyadwatch.pipeline import run_text


def speakers(text: str) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in run_text(text).quotes]


def test_quotes_two_officials_participle_and_apposition_name_someone_else(english):
    assert speakers("Foreign Minister Anna Lindqvist, speaking after President Tomas Berg's visit to Kyiv, "
                    "said the aid would continue.") == ["Anna Lindqvist"]
    assert speakers("Marek Dudek, Janssen's defence minister, said the brigade was ready.") == ["Marek Dudek"]


def test_quotes_two_officials_object_of_a_preposed_modifier_is_not_the_pronoun(english):
    text = ("Treasury Secretary Paul Grant admitted on Tuesday that the scheme had been rushed. "
            "Under questioning from Senator Karen Holt, he conceded that some firms had been overcharged.")
    assert speakers(text) == ["Paul Grant", "Paul Grant"]


def test_quotes_two_officials_subject_of_a_preposed_clause_stays_an_antecedent(english):
    text = ("Lena Hoff met the mayor in the morning. After Chancellor Karl Weber landed in Riga, "
            "he said the talks would last two days.")
    assert speakers(text) == ["Karl Weber"]


def test_quotes_two_officials_parenthetical_pronoun_is_not_the_reported_subject(english):
    text = ("Foreign Minister Dmytro Kovalenko told reporters that a decision was close. "
            "President Ivan Petrenko, he added, would travel to Brussels next week.")
    assert speakers(text) == ["Dmytro Kovalenko", "Dmytro Kovalenko"]


def test_quotes_two_officials_two_titles_one_person(english):
    (q,) = run_text('"The reform is overdue," said Deputy Prime Minister and Minister of Finance Jan Nowicki.').quotes
    assert q.speaker.name == "Jan Nowicki"
    assert q.speaker.description == "Deputy Prime Minister and Minister of Finance"
