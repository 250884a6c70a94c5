"""Quality gate on the quotation test set written here (tests/quotes/passages.toml).

Figures in the GenderGapTracker's terms (quote F1, speaker accuracy); their published figures on
Canadian news are F1 0.837 and speaker accuracy 0.865. Print ours with
`.venv/bin/python -m tests.quotes.evaluate`.
"""
from __future__ import annotations

import pytest

from dyadwatch.errors import ModelMissing
from quotes.evaluate import HELDOUT, NEWS, NEWS2, Tally, load_passages, run

pytestmark = pytest.mark.gate

# Floors pinned a little below the figures measured when the set was written (all 1.000, speaker
# 0.959), so that a real regression fails and the actor stage's own changes have some room.
MIN_QUOTE_F1 = 0.95
MIN_DIRECT_F1 = 0.95
MIN_INDIRECT_F1 = 0.9
MIN_SPEAKER_ACCURACY = 0.9
MIN_PASSAGES = 60
# The held-out passages (tests/quotes/heldout.toml): first run F1 0.941, speaker 0.958; 0.980 and
# 1.000 after fixing the three general faults it showed. Floors leave room for the one disputed item.
MIN_HELDOUT_F1 = 0.9
MIN_HELDOUT_SPEAKER_ACCURACY = 0.9
# Passages in the manners of real news (issue 13): news.toml was written first and the rules
# were developed on it (first run F1 0.788, reported recall 0.848, speaker 0.897); news2.toml was
# written after them (first run F1 0.923, reported recall 0.789, speaker 1.000). Floors are the
# issue's targets for a new held-out set.
MIN_NEWS_F1 = 0.9
MIN_NEWS_REPORTED_RECALL = 0.85
MIN_NEWS_SPEAKER_ACCURACY = 0.93


def _need_model() -> None:
    from dyadwatch.nlp import load_english

    try:
        load_english()
    except ModelMissing as e:
        pytest.skip(f"needs the English spaCy model: {e}")


@pytest.fixture(scope="module")
def tallies() -> dict[str, Tally]:
    _need_model()
    return run()


@pytest.fixture(scope="module")
def heldout() -> dict[str, Tally]:
    _need_model()
    return run(path=HELDOUT)


def test_quotes_testset_is_large_and_varied():
    passages = load_passages()
    forms = {f for p in passages for f in p["forms"]}
    assert len(passages) >= MIN_PASSAGES
    for form in ("straight", "curly", "guillemets", "low-high", "nested", "multi-paragraph", "split",
                 "attribution-then-colon", "dash-attribution", "partial", "scare", "said-that", "according-to",
                 "trailing", "demanded-to", "is-sure", "role-noun", "pronoun", "continuation"):
        assert form in forms, form


def test_quotes_testset_quote_f1(tallies):
    t = tallies["all"]
    assert t.f1 >= MIN_QUOTE_F1, "\n".join(t.misses)


def test_quotes_testset_f1_per_kind(tallies):
    assert tallies["direct"].f1 >= MIN_DIRECT_F1, "\n".join(tallies["direct"].misses)
    assert tallies["indirect"].f1 >= MIN_INDIRECT_F1, "\n".join(tallies["indirect"].misses)


def test_quotes_testset_speaker_accuracy(tallies):
    t = tallies["all"]
    assert t.speaker_accuracy >= MIN_SPEAKER_ACCURACY, "\n".join(t.misses)


def test_quotes_testset_no_scare_quote_taken(tallies):
    assert tallies["all"].scare_taken == []


def test_quotes_testset_prediction_flags(tallies):
    t = tallies["all"]
    assert t.prediction_total >= 10 and t.prediction_ok == t.prediction_total


def test_quotes_heldout_quote_f1_and_speakers(heldout):
    t = heldout["all"]
    assert t.f1 >= MIN_HELDOUT_F1, "\n".join(t.misses)
    assert t.speaker_accuracy >= MIN_HELDOUT_SPEAKER_ACCURACY, "\n".join(t.misses)
    assert t.scare_taken == []


@pytest.fixture(scope="module", params=[NEWS, NEWS2], ids=["news", "news2"])
def news(request) -> dict[str, Tally]:
    _need_model()
    return run(path=request.param)


def test_quotes_news_sets_reach_the_issue_targets(news):
    t = news["all"]
    assert t.f1 >= MIN_NEWS_F1, "\n".join(t.misses)
    assert news["indirect"].recall >= MIN_NEWS_REPORTED_RECALL, "\n".join(news["indirect"].misses)
    assert t.speaker_accuracy >= MIN_NEWS_SPEAKER_ACCURACY, "\n".join(t.misses)
    assert t.scare_taken == []
