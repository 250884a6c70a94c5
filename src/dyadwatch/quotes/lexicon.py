"""The speech lexicon (data/en/speech.toml, with the Russian quotation cues of data/ru/speech.toml), loaded once per process."""
from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass

from ..lexicons import lexicon_text


@dataclass(frozen=True)
class Lexicon:
    report_verbs: frozenset[str]  # lemmas that introduce reported speech (say + think verbs)
    belief_verbs: frozenset[str]  # of those, the verbs of opinion (cue class "belief")
    reporting_nouns: frozenset[str]
    utterance_nouns: frozenset[str]  # "his answer", "a message": what someone said, before a colon
    belief_nouns: frozenset[str]
    body_pronouns: frozenset[str]
    informant_nouns: frozenset[str]
    informant_marks: frozenset[str]
    layout_labels: frozenset[str]
    interviewer_labels: frozenset[str]  # "Q:", "HOST:": the interviewer's lines
    answer_labels: frozenset[str]  # "A:": the guest's lines
    interviewer_nouns: frozenset[str]
    anonymity_verbs: frozenset[str]
    label_titles: frozenset[str]
    quote_verbs: frozenset[str]  # lemmas that attribute a direct quotation (report verbs + quote-only verbs)
    directive_verbs: frozenset[str]
    finding_verbs: frozenset[str]  # "the report found that ...", with a text as the subject
    finding_nouns: frozenset[str]
    hearsay_verbs: frozenset[str]  # "we hear from X that ...": X speaks
    naming_verbs: frozenset[str]  # 'X called it "a disaster"': the quoted name is X's word
    opinion_adjectives: frozenset[str]
    according_words: frozenset[str]
    view_nouns: frozenset[str]
    person_nouns: frozenset[str]
    person_pronouns: frozenset[str]
    body_nouns: frozenset[str]
    anaphoric_body_nouns: frozenset[str]  # "the group", "the alliance": a body named before
    media_body_nouns: frozenset[str]
    document_nouns: frozenset[str]  # texts that speak for their issuer ("the statement said")
    issuing_verbs: frozenset[str]
    future_modals: frozenset[str]
    past_future_modals: frozenset[str]
    future_phrases: tuple[str, ...]
    russian_cues: frozenset[str]  # forms of Russian reporting verbs written after a quotation


def _words(values: list[str]) -> frozenset[str]:
    return frozenset(v.lower() for v in values)


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = lexicon_text("en", "speech.toml")
    data = tomllib.loads(raw)
    en, fut = data["english"], data["english"]["future"]
    ru = tomllib.loads(lexicon_text("ru", "speech.toml"))
    report = _words(en["say_verbs"]) | _words(en["think_verbs"])
    return Lexicon(
        report_verbs=report,
        belief_verbs=_words(en["think_verbs"]) - _words(en["say_verbs"]),
        reporting_nouns=_words(en["reporting_nouns"]),
        utterance_nouns=_words(en["utterance_nouns"]) | _words(en["reporting_nouns"]),
        belief_nouns=_words(en["belief_nouns"]),
        body_pronouns=_words(en["body_pronouns"]),
        informant_nouns=_words(en["informant_nouns"]),
        informant_marks=_words(en["informant_marks"]),
        layout_labels=_words(en["layout_labels"]),
        interviewer_labels=_words(en["interviewer_labels"]),
        answer_labels=_words(en["answer_labels"]),
        interviewer_nouns=_words(en["interviewer_nouns"]),
        anonymity_verbs=_words(en["anonymity_verbs"]),
        label_titles=_words(en["label_titles"]),
        quote_verbs=report | _words(en["quote_only_verbs"]),
        directive_verbs=_words(en["directive_verbs"]),
        naming_verbs=_words(en["naming_verbs"]),
        hearsay_verbs=_words(en["hearsay_verbs"]),
        finding_verbs=_words(en["finding_verbs"]),
        finding_nouns=_words(en["finding_nouns"]),
        opinion_adjectives=_words(en["opinion_adjectives"]),
        according_words=_words(en["according_words"]),
        view_nouns=_words(en["view_nouns"]),
        person_nouns=_words(en["person_nouns"]),
        person_pronouns=_words(en["person_pronouns"]),
        body_nouns=_words(en["body_nouns"]),
        anaphoric_body_nouns=_words(en["anaphoric_body_nouns"]),
        media_body_nouns=_words(en["media_body_nouns"]),
        document_nouns=_words(en["document_nouns"]),
        issuing_verbs=_words(en["issuing_verbs"]),
        future_modals=_words(fut["modals"]),
        past_future_modals=_words(fut["past_future_modals"]),
        future_phrases=tuple(p.lower() for p in fut["phrases"]),
        russian_cues=_words(ru["quote_cue_words"]),
    )
