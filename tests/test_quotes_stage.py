"""The quotation stage on documents whose actors are built here (independent of the actor stage)."""
from __future__ import annotations

import re

import pytest

from dyadwatch.errors import ModelMissing
from dyadwatch.models import Actor, Document, Mention
from dyadwatch.quotes.stage import find_quotes


@pytest.fixture(scope="module")
def nlp():
    from dyadwatch.nlp import load_english

    try:
        return load_english()
    except ModelMissing as e:
        pytest.skip(f"needs the English spaCy model: {e}")


def actor(text: str, actor_id: str, name: str, kind: str, *phrases: str, roles: tuple[str, ...] = ()) -> Actor:
    mentions = [Mention(start=m.start(), end=m.end(), text=m.group()) for p in phrases for m in re.finditer(re.escape(p), text)]
    return Actor(id=actor_id, name=name, type=kind, mentions=mentions, roles=list(roles))


def quotes_of(nlp, text: str, *actors: Actor, parse: bool = True):
    doc = Document(id="t", text=text, actors=list(actors))
    return find_quotes(doc, nlp(text) if parse else None)


def test_quotes_stage_speaker_through_role_noun_mention(nlp):
    text = ('Armenian political scientist Norayr Dunamalyan gave an interview.\n\n'
            '"Moscow has fewer levers than it had a year ago," the interlocutor of the agency summed up.')
    dun = actor(text, "norayr-dunamalyan", "Norayr Dunamalyan", "PERSON", "Norayr Dunamalyan", "the interlocutor of the agency")
    agency = actor(text, "agency", "Some Agency", "ORG", "agency")
    (q,) = quotes_of(nlp, text, dun, agency)
    assert q.kind == "direct" and q.speaker.actor_id == "norayr-dunamalyan"
    assert q.speaker.description == "Armenian political scientist"
    assert q.cue == "summed up"
    assert text[q.speaker_mention.start:q.speaker_mention.end] == q.speaker_mention.text
    assert "interlocutor" in q.speaker_mention.text


def test_quotes_stage_direct_text_and_offsets_agree(nlp):
    text = 'The talks ended. "We will meet again in March," said Levan Beridze, the deputy minister.'
    (q,) = quotes_of(nlp, text, actor(text, "levan-beridze", "Levan Beridze", "PERSON", "Levan Beridze"))
    assert q.text == text[q.start:q.end] == "We will meet again in March"
    assert q.prediction is True
    assert q.speaker.name == "Levan Beridze" and q.speaker.description == "the deputy minister"


def test_quotes_stage_pronoun_falls_back_to_preceding_person(nlp):
    text = ('Tomas Lindqvist runs the port authority.\n\n'
            '"We lost a third of our cargo in one year," he said.')
    (q,) = quotes_of(nlp, text, actor(text, "tomas-lindqvist", "Tomas Lindqvist", "PERSON", "Tomas Lindqvist"))
    assert q.speaker.actor_id == "tomas-lindqvist"
    assert q.speaker_mention.text == "he"


def test_quotes_stage_fallback_without_any_actor_uses_the_name(nlp):
    text = '"The ceasefire is holding," Elena Sorokina said, "but a pause is not peace."'
    qs = quotes_of(nlp, text)
    # a split quotation is one record with both pieces as its parts (issue 13)
    assert [[p.text for p in q.parts] for q in qs] == [["The ceasefire is holding", "but a pause is not peace."]]
    assert all(q.speaker is not None and q.speaker.name == "Elena Sorokina" and q.speaker.actor_id is None for q in qs)


def test_quotes_stage_scare_quotes_titles_and_names_are_not_quotes(nlp):
    text = ('Aliyev went with "trump cards": Baku plays a "Baku game" with Moscow, the "Turan" agency wrote. '
            'Her book "Why Small States Survive" was praised, and the minister denounced the "provocations".')
    assert [q for q in quotes_of(nlp, text) if q.kind == "direct"] == []


def test_quotes_stage_continuation_paragraph_takes_the_previous_speaker(nlp):
    text = ('"The ports are full," said Oksana Melnyk, who runs a grain terminal.\n\n'
            '"We are storing wheat in warehouses that were built for fertiliser, and some of it will rot."')
    qs = quotes_of(nlp, text, actor(text, "oksana-melnyk", "Oksana Melnyk", "PERSON", "Oksana Melnyk"))
    assert len(qs) == 2 and qs[1].speaker.actor_id == "oksana-melnyk" and qs[1].cue is None


def test_quotes_stage_reported_speech_forms(nlp):
    text = ('Political scientist Aram Harutyunyan believes that the next elections will be decided abroad. '
            'However, the turnout will stay low, he has noted. '
            'According to him, the opposition has no single leader.')
    qs = quotes_of(nlp, text, actor(text, "aram-harutyunyan", "Aram Harutyunyan", "PERSON", "Aram Harutyunyan"))
    got = [(q.kind, q.text.rstrip("."), q.cue, q.speaker.actor_id, q.prediction) for q in qs]
    assert got == [
        ("indirect", "the next elections will be decided abroad", "believes", "aram-harutyunyan", True),
        ("indirect", "the turnout will stay low", "noted", "aram-harutyunyan", True),
        ("indirect", "the opposition has no single leader", "According to", "aram-harutyunyan", False),
    ]
    assert all(text[q.start:q.end] == q.text for q in qs)


def test_quotes_stage_reported_clause_inside_direct_quote_is_not_separate(nlp):
    text = '"Many believe that there will be no clash between the two countries," the analyst Ivan Petrov said.'
    qs = quotes_of(nlp, text)
    assert [q.kind for q in qs] == ["direct"]


def test_quotes_stage_multi_paragraph_quote_is_one(nlp):
    text = ('Anna Petrosyan spoke at length.\n\n"First we stopped the hidden transfers. It took two years.\n\n'
            '"Then we opened every large contract to inspection," she said.')
    (q,) = quotes_of(nlp, text, actor(text, "anna-petrosyan", "Anna Petrosyan", "PERSON", "Anna Petrosyan"))
    assert q.text == "First we stopped the hidden transfers. It took two years.\n\nThen we opened every large contract to inspection"
    assert q.speaker.actor_id == "anna-petrosyan"


def test_quotes_stage_without_parse_finds_marked_quotes_with_dash_attribution(nlp):
    text = "Переговоры продолжатся.\n\n«Мы готовы обсуждать все вопросы без условий», — сказал Андрей Волков. Его «план мира» не принят."
    qs = quotes_of(nlp, text, parse=False)
    assert [(q.kind, q.text, q.cue, q.speaker.name) for q in qs] == [
        ("direct", "Мы готовы обсуждать все вопросы без условий", "сказал", "Андрей Волков")]


def test_quotes_stage_empty_text_has_no_quotes(nlp):
    assert find_quotes(Document(id="e", text=""), None) == []
