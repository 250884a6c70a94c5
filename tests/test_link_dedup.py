"""Near-duplicate articles: copies and updates are one story, different reports are not."""
from __future__ import annotations

from dyadwatch.link.dedup import DUPLICATE_JACCARD, find_stories
from dyadwatch.link.records import ArticleText

REPORT = (
    "Azerbaijani President Ilham Aliyev on Monday accused Moscow of trying to hush up the causes of the "
    "plane crash near Aktau, in his sharpest remarks since the disaster. Speaking to local television, "
    "Aliyev said the airliner had been damaged by fire from the ground over Grozny and that the crew had "
    "been denied permission to land at Russian airports. He demanded that Russia admit guilt, punish those "
    "responsible and pay compensation to the families of the victims and to the airline. The Kremlin has "
    "so far said only that the incident happened in Russian airspace while air defences were repelling a "
    "drone attack, and President Vladimir Putin apologised in a phone call on December 28 without saying "
    "that Russia was to blame."
)
UPDATE = REPORT + (
    " Later on Monday the Kremlin spokesman said Moscow would wait for the results of the official "
    "investigation before drawing conclusions, and declined to comment on the demand for compensation."
)
REWRITE = REPORT.replace("sharpest remarks", "harshest words").replace("local television", "national broadcasters")
WIRE_COPY = "BAKU, Jan 6 (Agency) - " + REPORT + " Reporting by the Baku bureau; editing by the news desk."
OTHER_REPORT = (
    "The Russian Foreign Ministry summoned the Azerbaijani ambassador on January 27 and expressed concern "
    "about a series of anti-Russian publications in the Azerbaijani media. Officials in Moscow said the "
    "articles harmed relations between the two countries and called on Baku to complete the investigation "
    "of the crash near Aktau before drawing conclusions about who was to blame for it."
)


def stories(*articles: tuple[str, str, str]) -> dict[str, str]:
    found = find_stories([ArticleText(doc_id=d, text=t, published=p) for d, t, p in articles])
    return {s.doc_id: s.story_id for s in found}


def test_dedup_wire_copy_update_and_rewrite_are_one_story_named_by_the_first():
    got = stories(("copy", WIRE_COPY, "2025-01-06T12:00"), ("orig", REPORT, "2025-01-06T10:00"),
                  ("upd", UPDATE, "2025-01-06T15:00"), ("rew", REWRITE, "2025-01-07"))
    assert set(got.values()) == {"orig"}


def test_dedup_different_reports_on_the_same_dyad_stay_apart():
    got = stories(("a", REPORT, "2025-01-06"), ("b", OTHER_REPORT, "2025-01-28"))
    assert got["a"] != got["b"]


def test_dedup_similarity_recorded_against_the_story_head():
    found = find_stories([ArticleText(doc_id="orig", text=REPORT, published="2025-01-06"),
                          ArticleText(doc_id="copy", text=WIRE_COPY, published="2025-01-07")])
    sims = {s.doc_id: s.similarity for s in found}
    assert sims["orig"] == 1.0
    assert DUPLICATE_JACCARD <= sims["copy"] < 1.0


def test_dedup_exact_copies_with_other_spacing_and_case_are_one_story():
    got = stories(("a", REPORT, "2025-01-06"), ("b", REPORT.upper().replace(" ", "  "), "2025-01-06"))
    assert got["a"] == got["b"]


def test_dedup_empty_texts_are_their_own_stories():
    got = stories(("a", "", None), ("b", "", None), ("c", REPORT, None))
    assert len(set(got.values())) == 3


def test_dedup_many_documents_grouped_without_comparing_every_pair():
    # 300 distinct short reports plus a copy of each: exactly 300 stories of two documents
    base = [f"Report number {i} about talks between delegation {i} and ministry {i * 7} on trade, "
            f"energy {i % 13} and the border crossing at post {i * 3}, officials said on day {i}." for i in range(300)]
    arts = [ArticleText(doc_id=f"d{i}", text=t, published="2025-01-01") for i, t in enumerate(base)]
    arts += [ArticleText(doc_id=f"c{i}", text="COPY: " + t, published="2025-01-02") for i, t in enumerate(base)]
    found = find_stories(arts)
    by_story: dict[str, set[str]] = {}
    for s in found:
        by_story.setdefault(s.story_id, set()).add(s.doc_id)
    assert len(by_story) == 300
    assert all(members == {story, "c" + story[1:]} for story, members in by_story.items())
