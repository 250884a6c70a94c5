"""Speakers that can speak, one identity across spellings, transcripts without marks (issue 13)."""
from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch import api
from dyadwatch.errors import UsageError


def quotes_of(text: str):
    from dyadwatch.pipeline import run_text

    doc = run_text(text)
    return doc, doc.quotes


def test_quotes_speakers_spellings_are_one_identity(english):
    doc, qs = quotes_of('Political analyst Rauf Mammadzade said the ceasefire was fragile.\n\n'
                        '"Nobody trusts the other side," Mammadzadeh said.')
    assert len(qs) == 2
    assert len({q.speaker.actor_id for q in qs}) == 1 and qs[0].speaker.name == "Rauf Mammadzade"


def test_quotes_speakers_month_and_weekday_are_never_speakers(english):
    doc, qs = quotes_of('In early May 2016, the electoral board said that the count had been fair. '
                        'Governor Lena Ortiz argued Sunday that the board was wrong.')
    names = {q.speaker.name for q in qs if q.speaker}
    assert {"May", "Sunday"}.isdisjoint(names)
    assert not any(a.type == "PERSON" and a.name in ("May", "Sunday") for a in doc.actors)
    assert [q.speaker.name for q in qs] == ["electoral board", "Lena Ortiz"]


def test_quotes_speakers_time_stamp_is_not_the_speaker(english):
    _, (q,) = quotes_of('09:40 GMT - The mayor of the city, Piotr Nowacki, says the bridge will reopen by noon.')
    assert q.speaker.name == "Piotr Nowacki"


def test_quotes_speakers_programme_title_is_no_quotation(english):
    _, qs = quotes_of('"We will not fund this war," Senator Ruth Calder said on "Evening Roundtable." '
                      'She repeated it on "The Week In Review", in "Capital Weekly" and to "Morning Desk".')
    assert [q.text for q in qs] == ["We will not fund this war"]


def test_quotes_speakers_roundup_entries_each_their_own(english):
    text = ('What the columnists wrote.\n\n'
            'Henrik Solberg, The Northern Post: "The minister has run out of excuses and out of time."\n\n'
            'Amira Haddad, Levant Weekly: "A deal is closer than anyone in the capital admits."')
    _, qs = quotes_of(text)
    assert [q.speaker.name for q in qs] == ["Henrik Solberg", "Amira Haddad"]


def test_quotes_speakers_belief_is_its_own_cue_class(english):
    _, qs = quotes_of('Tariq Bashir, a trade economist, believes that the tariffs will hurt exporters. '
                      'Customs officials said that the new checks began on Monday.')
    assert [q.cue_class for q in qs] == ["belief", "speech"]


def test_quotes_speakers_it_is_the_institution_named_before(english):
    _, qs = quotes_of('The interior ministry confirmed that the border post was closed. '
                      'It denied that any refugees had been turned back.')
    assert [q.speaker.name for q in qs] == ["interior ministry", "interior ministry"]


def stored(tmp_path: Path, text: str) -> Path:
    """A store holding one document with `text`."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "s.duckdb"
    api.ingest([str(folder)], db=db)
    return db


def test_quotes_speakers_query_matches_any_spelling(english, tmp_path: Path):
    db = stored(tmp_path, 'Talks stall\n\nAnalyst Rauf Mammadzade said the ceasefire was fragile.\n\n'
                          '"Nobody trusts the other side," Mammadzade added.')
    for spelling in ("Mammadzadeh", "Mamedzade", "Rauf Mammadzadeh"):
        rows = api.quotes(db=db, speaker=spelling)
        assert len(rows) == 2, spelling
    with pytest.raises(UsageError):
        api.quotes(db=db, speaker="Mammadov")  # another name, not another spelling


def test_quotes_speakers_belief_filter_in_the_store(english, tmp_path: Path):
    db = stored(tmp_path, 'Tariffs debated\n\nTariq Bashir, a trade economist, believes that the tariffs will hurt exporters. '
                          'Customs officials said that the new checks began on Monday.')
    assert list(api.quotes(db=db)["cue_class"]) == ["belief", "speech"]
    assert list(api.quotes(db=db, cue_class="belief")["speaker"]) == ["Tariq Bashir"]
    assert list(api.quotes(db=db, cue_class="speech")["speaker"]) == ["Customs officials"]


def test_quotes_speakers_she_is_the_nearest_woman_named_before(english):
    _, (q,) = quotes_of('The inquiry was chaired by Danish judge Birgit Lund, who questioned the army chief Omar Farouk twice.\n\n'
                        '"He did not answer a single question about the convoy," she said.')
    assert q.speaker.name == "Birgit Lund"
    _, (q,) = quotes_of('Olga Sorokina interviewed the mayor, Anton Belov, for an hour.\n\n'
                        '"We have no money left for the roads," he said.')
    assert q.speaker.name == "Anton Belov"


def test_quotes_transcript_capital_labels_and_answers(english):
    text = ('Governor Rita Alvarez spoke to reporters in the capital.\n\n'
            'REPORTER: Will you sign the bill this week?\n\n'
            'ALVAREZ: I will sign it on Friday if the money for schools stays in it.\n\n'
            'Q: And if it does not?\n\n'
            'A: Then the legislature can explain that to the parents.')
    _, qs = quotes_of(text)
    assert [(q.speaker.name, q.text[:12]) for q in qs] == [
        ("Reporter", "Will you sig"), ("Rita Alvarez", "I will sign "), ("Rita Alvarez", "Then the leg")]
    assert all(text[q.start:q.end] == q.text and q.kind == "direct" for q in qs)


def test_quotes_transcript_layout_labels_are_not_speakers(english):
    text = ('The talks resumed in Vienna on Monday.\n\n'
            'Photo: Delegates arrive at the palace before the first session.\n\n'
            'Background: The talks began in 2019 and stalled twice since then.\n\n'
            'Source: The foreign ministry of Austria.')
    assert quotes_of(text)[1] == []


def test_quotes_transcript_roundup_entry_names_its_speaker(english):
    text = ('What the columnists said.\n\n'
            'Marta Kowalska, Gazeta Poranna: The deal is good for farmers and bad for everyone else.')
    _, (q,) = quotes_of(text)
    assert q.speaker.name == "Marta Kowalska" and q.text.startswith("The deal is good")


def test_quotes_speakers_pronoun_continues_the_subject_over_an_object(english):
    # issue 13, fourth round: the person the paragraph is about, not the one met last
    from dyadwatch.pipeline import run_text

    text = ('President Elena Marsh landed in Oslo on Tuesday. She toured the shipyard and later met Prime Minister '
            'Jonas Berg at the castle.\n\n"Norway has been a friend in hard times," she said.')
    (q,) = run_text(text).quotes
    assert q.speaker is not None and q.speaker.name == "Elena Marsh"
    # the nearest person is the subject of the sentence before: that one speaks
    text = ('President Elena Marsh landed in Oslo on Tuesday. Prime Minister Jonas Berg met her at the castle.\n\n'
            '"Norway has been a friend in hard times," he said.')
    (q,) = run_text(text).quotes
    assert q.speaker is not None and q.speaker.name == "Jonas Berg"
