"""He and she in speech contexts ("he said", "according to her"): the person they stand for.

News writes a speaker's name once and then "he said": the antecedent is the subject of the
nearest earlier sentence (or clause) that names a person, not simply the last name written
("Interior Minister A met the ambassador, B ... he said" is A). Candidates whose gender is
known (from an honorific, a gendered role word or an earlier pronoun, else from the given name
or a gendered surname ending) and differs from the pronoun's are passed over.
"""
from __future__ import annotations

from typing import Any

from .draft import Context, Draft
from .names import name_gender

SPEECH_VERBS = frozenset({"say", "tell", "add", "note", "stress", "explain", "believe", "think", "claim", "argue", "emphasize",
                          "emphasise", "insist", "warn", "suggest", "state", "declare", "continue", "conclude", "point", "recall",
                          "comment", "write", "answer", "reply", "admit", "assert", "predict", "sum", "underline", "announce",
                          "deny", "acknowledge", "observe", "remark", "mention", "urge", "consider", "expect", "fear", "doubt"})
PRONOUNS = frozenset({"he", "she"})
OBJECT_PRONOUNS = frozenset({"him", "her"})
# Sentences looked back over for the speaker a pronoun stands for.
PRONOUN_WINDOW_SENTENCES = 3
# Words in or around a person's mentions and roles that give the person's gender.
FEMALE_WORDS = frozenset({"she", "her", "mrs", "mrs.", "ms", "ms.", "madam", "mme", "lady", "baroness", "queen", "princess",
                          "duchess", "spokeswoman", "chairwoman", "businesswoman", "congresswoman", "stateswoman", "actress"})
MALE_WORDS = frozenset({"he", "him", "mr", "mr.", "sir", "lord", "king", "prince", "duke", "spokesman", "chairman", "businessman",
                        "congressman", "statesman"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
QUOTE_MARKS = frozenset({'"', "“", "”", "«", "»"})


def link_pronouns(ctx: Context) -> None:
    """he/she as the subject of a speech verb, him/her after "according to": the person meant."""
    doc = ctx.doc
    for i, tok in enumerate(doc):
        if ctx.taken[i] is not None or tok.lower_ not in PRONOUNS | OBJECT_PRONOUNS:
            continue
        speech = (tok.lower_ in PRONOUNS and tok.dep_ in SUBJECT_DEPS and tok.head.lemma_ in SPEECH_VERBS) or (
            tok.lower_ in OBJECT_PRONOUNS and i >= 2 and doc[i - 1].lower_ == "to" and doc[i - 2].lower_ == "according")
        if not speech:
            continue
        person = antecedent(ctx, i, "f" if tok.lower_ in ("she", "her") else "m")
        if person is not None:
            ctx.mention(person, i, i + 1, "pronoun-speech")


def gender(ctx: Context, draft: Draft) -> str | None:
    """ "f", "m" or None, from the words of the person's mentions (with the word before each) and roles."""
    words: set[str] = set()
    for start, end, _ in draft.mentions:
        words.update(t.lower_ for t in ctx.doc[max(0, start - 1):end])
    for role in draft.roles:
        words.update(role.lower().split())
    female, male = bool(words & FEMALE_WORDS), bool(words & MALE_WORDS)
    if female != male:
        return "f" if female else "m"
    return None if female else name_gender(draft.name)  # the name's evidence, when the text gives none


def antecedent(ctx: Context, i: int, pronoun_gender: str) -> Draft | None:
    """The person a pronoun at token i refers to: sentence by sentence backwards, the main
    subject of the nearest sentence naming a compatible person, else its last such person."""
    doc = ctx.doc
    sents = ctx.sentences()
    at = next(k for k, s in enumerate(sents) if s.start <= i < s.end)
    here, earlier = sents[at], sents[max(0, at - PRONOUN_WINDOW_SENTENCES):at]
    genders: dict[str, str | None] = {}
    for sent in [here, *reversed(earlier)]:
        found = []  # (rank, token start, draft): rank 2 main subject, 1 other subject, 0 other
        for draft in ctx.drafts.values():
            if draft.type != "PERSON":
                continue
            for start, end, _ in draft.mentions:
                if not (sent.start <= start < min(sent.end, i)) or (sent is here and _quoted_before(doc, end, i)):
                    continue
                if draft.id not in genders:
                    genders[draft.id] = gender(ctx, draft)
                if genders[draft.id] not in (None, pronoun_gender):
                    continue
                found.append((_subject_rank(doc, start, end, sent), start, draft))
        if found:
            return max(found, key=lambda f: (f[0], f[1]))[2]
    return None


def _quoted_before(doc: Any, end: int, i: int) -> bool:
    """A quotation mark between a mention and the pronoun: the name was inside the quote."""
    return any(t.text in QUOTE_MARKS for t in doc[end:i])


def _subject_rank(doc: Any, start: int, end: int, sent: Any) -> int:
    """2 when the mention is the subject of the sentence's main verb (or of a verb joined to
    it), 1 when it is the subject of another clause, 0 otherwise."""
    root = next((t for t in doc[start:end] if not (start <= t.head.i < end) or t.head.i == t.i), None)
    if root is None:
        return 0
    if root.dep_ == "appos":
        root = root.head
    if root.dep_ not in SUBJECT_DEPS:
        return 0
    verb = root.head
    main = verb == sent.root or (verb.dep_ == "conj" and verb.head == sent.root)
    return 2 if main else 1
