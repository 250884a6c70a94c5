"""The closed-class grammar words of a language, read from `data/<language>/grammar.toml`.

Both frame readers (spaCy's English labels in events.frames, Universal Dependencies in
events.frames_ud) decide whether a predicate's act happened from these words: negators,
modals, future auxiliaries, conditional marks, verbs of saying and of intention. A language
leaves out the groups its grammar does not use; each group is then empty. A key that is not
a group below is refused, so a misspelt group cannot silently empty one.
"""
from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, fields

from ..errors import UsageError
from ..lexicons import lexicon_label, lexicon_text

FILE = "grammar.toml"


@dataclass(frozen=True)
class Grammar:
    """Word groups, each a set of lower-case words (English) or lemmas (Russian)."""

    negators: frozenset[str] = frozenset()  # negate the word they govern or stand before
    negating_adverbs: frozenset[str] = frozenset()  # adverbs or determiners that negate their head ("never")
    negating_determiners: frozenset[str] = frozenset()  # negate the noun that governs an act ("no plans to")
    negating_pronouns: frozenset[str] = frozenset()  # as subject or object: nobody acted, or on nobody
    modals: frozenset[str] = frozenset()  # possible, required or hypothetical, not an act
    obligation_modals: frozenset[str] = frozenset()  # the modals of obligation ("must")
    modal_adverbs: frozenset[str] = frozenset()  # make a statement a guess
    future_auxiliaries: frozenset[str] = frozenset()  # put their verb in the future
    future_form_prefixes: frozenset[str] = frozenset()  # word forms of a future auxiliary the tagger misreads
    future_heads: frozenset[str] = frozenset()  # heads of an infinitive that put it in the future
    conditional_marks: frozenset[str] = frozenset()  # make a clause a condition
    reporting_verbs: frozenset[str] = frozenset()  # report what someone said; their complement is reported
    nonfactive_heads: frozenset[str] = frozenset()  # opinion, expectation, intention: the complement has not happened
    implicative_heads: frozenset[str] = frozenset()  # their complement did happen ("began to")
    accusing_heads: frozenset[str] = frozenset()  # the act they charge someone with is alleged ("accused X of firing")
    irrealis_modifiers: frozenset[str] = frozenset()  # make a nominal event unreal ("the planned visit")
    trend_adverbs: frozenset[str] = frozenset()  # make a verb a trend, not one act
    infinitive_marks: frozenset[str] = frozenset()  # mark an infinitive ("to")
    contrast_conjunctions: frozenset[str] = frozenset()  # a coordination that does not share its head's status
    source_prepositions: frozenset[str] = frozenset()  # attribute a clause to a source ("according to")
    happen_verbs: frozenset[str] = frozenset()  # say the event noun they govern took place
    carrying_verbs: frozenset[str] = frozenset()  # their subject carries out the act their object names
    statement_verbs: frozenset[str] = frozenset()  # statements a state addresses to another
    anaphoric_time: frozenset[str] = frozenset()  # date a clause by the time named just before
    conveyances: frozenset[str] = frozenset()  # vehicles: they travel, but only people visit


GROUPS = frozenset(f.name for f in fields(Grammar))


def parse_grammar(text: str, origin: str) -> Grammar:
    """A Grammar from the TOML text of a grammar file; a clear error for anything else."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise UsageError(f"{origin}: not valid TOML ({e})") from None
    unknown = sorted(set(data) - GROUPS)
    if unknown:
        raise UsageError(f"{origin}: unknown word groups {unknown}; the groups are {sorted(GROUPS)}")
    groups: dict[str, frozenset[str]] = {}
    for key, words in data.items():
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise UsageError(f"{origin}: {key} must be a list of words")
        groups[key] = frozenset(words)
    return Grammar(**groups)


@functools.lru_cache(maxsize=8)
def grammar(language: str) -> Grammar:
    """The grammar words of `language` ("en", "ru"), read once per process."""
    return parse_grammar(lexicon_text(language, FILE), lexicon_label(language, FILE))
