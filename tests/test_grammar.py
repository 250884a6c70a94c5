"""Grammar words per language (data/<language>/grammar.toml), read by one loader for both frame readers."""
from __future__ import annotations

import pytest

from dyadwatch.errors import UsageError
from dyadwatch.events.grammar import GROUPS, grammar, parse_grammar

# The groups each reader consults; a language file that lost one would silently code more events.
ENGLISH_READS = ("negators", "negating_adverbs", "negating_determiners", "modals", "obligation_modals", "future_auxiliaries",
                 "conditional_marks", "reporting_verbs", "nonfactive_heads", "implicative_heads", "irrealis_modifiers",
                 "trend_adverbs", "infinitive_marks", "contrast_conjunctions", "source_prepositions")
UD_READS = ("negators", "modals", "modal_adverbs", "future_auxiliaries", "future_form_prefixes", "future_heads",
            "conditional_marks", "nonfactive_heads", "implicative_heads", "happen_verbs", "carrying_verbs",
            "statement_verbs", "anaphoric_time")


@pytest.mark.parametrize("language,groups", [("en", ENGLISH_READS), ("ru", UD_READS)])
def test_each_language_fills_the_groups_its_reader_consults(language: str, groups: tuple[str, ...]) -> None:
    g = grammar(language)
    empty = [name for name in groups if not getattr(g, name)]
    assert empty == []
    assert set(groups) <= GROUPS


def test_english_obligation_modals_are_modals() -> None:
    g = grammar("en")
    assert g.obligation_modals <= g.modals
    assert {"will", "must", "if", "say", "begin"} <= g.future_auxiliaries | g.modals | g.conditional_marks | g.reporting_verbs | g.implicative_heads


def test_a_group_left_out_is_empty_and_an_unknown_one_is_refused() -> None:
    g = parse_grammar('modals = ["peut"]\n', "test")
    assert g.modals == frozenset({"peut"}) and g.negators == frozenset()
    with pytest.raises(UsageError, match="unknown word groups.*'modal'"):
        parse_grammar('modal = ["peut"]\n', "test")


@pytest.mark.parametrize("text", ['modals = "peut"\n', "modals = [1]\n", 'modals = [""]\n', "modals = [\n"])
def test_malformed_grammar_is_a_clear_error(text: str) -> None:
    with pytest.raises(UsageError, match="test"):
        parse_grammar(text, "test")
