"""Interview transcripts, commentator round-ups and the text's own spelling of a speaker
(issue 13, fifth round). Passages written for these tests."""
from __future__ import annotations

from dyadwatch.pipeline import run_text


def speakers(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker.name if q.speaker else None, q.text[:20]) for q in run_text(text).quotes]


def test_quotes_interviews_questions_go_to_the_named_interviewer_answers_to_the_guest(english):
    text = ('Transcript of a conversation with Defence Minister Pavel Novak on Radio Brno. '
            'Interviewer: Hana Svobodova.\n\n'
            'Q: Will the army get the new howitzers this year?\n\n'
            'A: The first batteries arrive in October, and the rest follow in the spring.\n\n'
            'Q: And if the supplier is late again?\n\n'
            'A: Then the contract gives us the right to buy elsewhere, and we will use it.')
    got = speakers(text)
    assert [s for s, _ in got] == ["Hana Svobodova", "Pavel Novak", "Hana Svobodova", "Pavel Novak"]
    assert all(q.kind == "direct" for q in run_text(text).quotes)


def test_quotes_interviews_in_an_interview_with_x_y_said_makes_x_the_interviewer(english):
    text = ('In an interview with the broadcaster\'s political editor Simon Hale on Sunday, Chancellor Ruth Ellery '
            'said the budget would not raise income tax.\n\n'
            'Q: Can you promise that for the whole parliament?\n\n'
            'A: I can promise it for every budget that I present.')
    assert speakers(text)[-2:] == [("Simon Hale", "Can you promise that"), ("Ruth Ellery", "I can promise it for")]


def test_quotes_interviews_x_spoke_to_y(english):
    text = ('Our correspondent Lukas Brandt spoke to the mayor, Irene Vogel, after the council vote.\n\n'
            'Q: Did you expect to lose the vote on the tram line?\n\n'
            'A: Nobody expects to lose, but the numbers were always going to be close.')
    assert [s for s, _ in speakers(text)] == ["Lukas Brandt", "Irene Vogel"]


def test_quotes_interviews_capital_labels_keep_their_people(english):
    text = ('Presenter Sarah Collins questioned Home Secretary Daniel Reeve on the morning programme.\n\n'
            'COLLINS: How many of the new officers are actually on the streets?\n\n'
            'REEVE: More than three thousand, and every one of them is paid for until 2028.')
    assert [s for s, _ in speakers(text)] == ["Sarah Collins", "Daniel Reeve"]


def test_quotes_interviews_unnamed_q_is_nobodys(english):
    text = ('An interview with the harbour master, Piet Jansen, recorded last week.\n\n'
            'Q: How long will the dredging close the channel?\n\n'
            'A: Three weeks at most, and only at night for the last of them.')
    assert [s for s, _ in speakers(text)] == ["Piet Jansen"]


def test_quotes_roundups_outlet_before_the_name_is_not_the_speaker(english):
    text = ('How the papers saw the election:\n\n'
            'Il Mattino Nuovo, Carla Ferri: "The south voted for change and got the same faces."\n\n'
            'Het Dagblad, Joost Smit: "A result that nobody in The Hague will dare to read honestly."\n\n'
            'Ostsee Rundschau, Peter Lang: The coalition talks will take months, not weeks.')
    quotes = run_text(text).quotes
    assert [q.speaker.name for q in quotes] == ["Carla Ferri", "Joost Smit", "Peter Lang"]
    assert quotes[0].speaker.description == "Il Mattino Nuovo"


def test_quotes_roundups_writing_in_and_columnist_name_the_person(english):
    text = ('Writing in the Morning Ledger, Alan Pryce argues that the plan is badly flawed. '
            'Courier columnist Jane Moss said the cuts were a mistake.')
    assert [s for s, _ in speakers(text)] == ["Alan Pryce", "Jane Moss"]


def test_quotes_speakers_keep_the_texts_spelling(english):
    doc = run_text('ANKARA - President Recep Tayyip Erdoğan said on Tuesday that Turkey would not back down.')
    (q,) = doc.quotes
    assert q.speaker.name == "Recep Tayyip Erdoğan"
    doc = run_text('Czech Prime Minister Andrej Babiš said the budget would be balanced by 2027.')
    assert doc.quotes[0].speaker.name == "Andrej Babiš"


def test_quotes_speakers_texts_spelling_is_found_by_any_spelling(english, tmp_path):
    from dyadwatch import api

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text('Budget vote\n\nPrime Minister Pedro Sánchez said the budget would pass in March.',
                                  encoding="utf-8")
    db = tmp_path / "s.duckdb"
    api.ingest([str(folder)], db=db)
    for spelling in ("Sánchez", "Sanchez", "Pedro Sanchez"):
        rows = api.quotes(db=db, speaker=spelling)
        assert list(rows["speaker"]) == ["Pedro Sánchez"], spelling
