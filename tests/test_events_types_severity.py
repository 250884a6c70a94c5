"""Severity and sign: the Goldstein score of what the coder reads points the way the sentence
does (cooperation positive, conflict negative), one invented sentence per CAMEO root, and the
known misreads: leaving an organisation is no de-escalation, water cannon is no firearm,
opening and closing a border go opposite ways. Also relevance (text that is not about
politics gives no event) and the coverage report."""
from __future__ import annotations

import pytest

from dyadwatch.events.ontology import load_ontology
from tests.events.support import coded

# root -> (sentence, expected sign of the Goldstein score); sentences written for these tests.
BY_ROOT = {
    "02": ("Valdoria urged Ostrava to reopen the talks on Monday.", 1),
    "03": ("Valdoria pledged to provide food aid to Ostrava on Monday.", 1),
    "04": ("The Valdorian foreign minister met the Ostravan foreign minister on Monday.", 1),
    "05": ("Valdoria praised Ostrava for its handling of the floods.", 1),
    "06": ("Valdoria shared intelligence with Ostrava on Monday.", 1),
    "07": ("Valdoria sent humanitarian aid to Ostrava on Monday.", 1),
    "08": ("Valdoria released twelve Ostravan prisoners on Monday.", 1),
    "09": ("Valdoria launched an investigation into the Ostravan bank on Monday.", -1),
    "10": ("Valdoria demanded the withdrawal of Ostravan troops on Monday.", -1),
    "11": ("Valdoria condemned Ostrava on Monday.", -1),
    "12": ("Valdoria rejected the Ostravan proposal on Monday.", -1),
    "13": ("Valdoria threatened Ostrava with sanctions on Monday.", -1),
    "14": ("Valdorian students demonstrated against Ostrava on Monday.", -1),
    "15": ("Valdoria deployed troops along the border with Ostrava on Monday.", -1),
    "16": ("Valdoria expelled the Ostravan ambassador on Monday.", -1),
    "17": ("Valdorian police arrested two Ostravan journalists on Monday.", -1),
    "18": ("Valdorian gunmen kidnapped three Ostravan engineers on Monday.", -1),
    "19": ("Valdorian artillery shelled Ostravan villages on Monday.", -1),
    "20": ("Valdorian forces massacred Ostravan villagers on Monday.", -1),
}


def _scores(text: str, root: str) -> list[float]:
    onto = load_ontology()
    return [onto.get(code).goldstein for code, _, _ in coded(text) if code[:2] == root]


@pytest.mark.parametrize("root", sorted(BY_ROOT))
def test_events_severity_sign_follows_the_sentence(root):
    text, sign = BY_ROOT[root]
    scores = _scores(text, root)
    assert scores, f"no root {root} event in {text!r}: {coded(text)}"
    assert all(s * sign > 0 for s in scores), (root, scores)


def test_events_severity_leaving_an_organisation_is_not_de_escalation():
    got = coded("Valdoria withdrew from the regional trade alliance on Monday.")
    onto = load_ontology()
    assert got and all(onto.get(c).goldstein < 0 for c, _, _ in got), got
    assert not any(c.startswith("08") for c, _, _ in got)


def test_events_severity_troops_leaving_a_town_still_withdraw():
    got = coded("Valdorian troops withdrew from the Ostravan border town on Monday.")
    assert any(c.startswith("087") for c, _, _ in got), got


def test_events_severity_water_cannon_is_not_firearms():
    got = coded("Valdorian police fired water cannon at Ostravan protesters on Monday.")
    assert not any(c in ("193", "194") for c, _, _ in got), got


def test_events_severity_opening_and_closing_a_border_go_opposite_ways():
    onto = load_ontology()
    opened = [onto.get(c).goldstein for c, _, _ in coded("Valdoria reopened its border crossing with Ostrava on Monday.")]
    closed = [onto.get(c).goldstein for c, _, _ in coded("Valdoria closed its border with Ostrava on Monday.")]
    assert opened and closed
    assert min(opened) > 0 > max(closed)


@pytest.mark.parametrize("text", [
    "Mix the berries with sugar, then ask a friend to stir the jam until it thickens.",
    "The home side beat the visitors 3-1 on Saturday and the striker thanked the fans.",
    "The new phone supports fast charging, and reviewers praised its bright screen.",
    "Heavy rain hit the coast on Tuesday and strong winds battered the harbour.",
])
def test_events_relevance_text_not_about_politics_gives_no_event(text):
    from dyadwatch.pipeline import run_text

    assert run_text(text).events == []


def test_events_coverage_lists_gaps_and_unused_patterns():
    from dyadwatch.events.coverage import measure, render
    from dyadwatch.models import Document

    cov = measure([Document(id="empty", text="")])
    assert cov.documents == 1 and cov.events == 0
    assert len(cov.unused_patterns) == len(cov.patterns) > 100  # nothing fired on an empty document
    codes = {c.code for c in cov.codes}
    assert "190" in codes and "010" not in codes  # statements (root 01) are listed apart
    assert all(not c.patterns for c in cov.codes_without_pattern)
    assert "codes with no pattern" in render(cov)
