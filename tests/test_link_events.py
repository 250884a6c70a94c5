"""Event linking: reports of one happening become one event; distinct happenings stay apart."""
from __future__ import annotations

import datetime as dt
import random

from dyadwatch.link.events import ANCHOR_SLACK, DAY_SLACK, link_events
from dyadwatch.link.records import EventReport
from dyadwatch.link.synthetic import synthetic_reports

DAY = dt.date(2025, 1, 6)


def report(doc: str, cameo: str, *, n: int = 0, source: str = "russia", target: str = "azerbaijan",
           sc: str = "RUS", tc: str = "AZE", day: dt.date = DAY, precise: bool = True, outlet: str | None = None,
           published: str | None = None, evidence: str = "", source_person: bool = False,
           target_person: bool = False, story: str | None = None, goldstein: float | None = None) -> EventReport:
    return EventReport(doc_id=doc, n=n, cameo=cameo, date=day, precise=precise, source=source, target=target,
                       source_country=sc, target_country=tc, source_person=source_person,
                       target_person=target_person, outlet=outlet or doc, evidence=evidence,
                       published=published or day.isoformat(), story=story or doc, goldstein=goldstein)


def groups(reports: list[EventReport]) -> set[frozenset[str]]:
    """The linked events as sets of 'doc#n' keys."""
    _, links = link_events(reports)
    by_event: dict[str, set[str]] = {}
    for link in links:
        by_event.setdefault(link.link_id, set()).add(f"{link.doc_id}#{link.n}")
    return {frozenset(v) for v in by_event.values()}


def test_link_events_same_happening_from_three_outlets_is_one_event_with_all_sources():
    reports = [
        report("tass", "042", source="vladimir-putin", target="ilham-aliyev", source_person=True, target_person=True,
               published="2024-12-28T19:40", evidence="Putin phoned Azerbaijani leader Ilham Aliyev", goldstein=1.9),
        report("knot", "041", source="vladimir-putin", target="ilham-aliyev", source_person=True, target_person=True,
               published="2024-12-29T10:00", evidence="Putin called Azerbaijani President Ilham Aliev", goldstein=1.0),
        report("kremlin", "040", source="russia", target="azerbaijan", published="2024-12-28T18:00",
               evidence="Moscow and Baku held phone talks"),
    ]
    events, links = link_events(reports)
    assert len(events) == 1 and len(links) == 3
    event = events[0]
    assert event.reports == 3 and event.stories == 3
    assert set(event.outlets) == {"tass", "knot", "kremlin"}
    assert (event.first_doc, event.first_outlet) == ("kremlin", "kremlin")  # earliest published
    # the most specific actors any report gives stand for the event
    assert (event.source, event.target) == ("vladimir-putin", "ilham-aliyev")
    assert event.date == DAY and event.precise


def test_link_events_call_and_apology_of_one_day_stay_two_events():
    reports = [report(doc, code, n=i, published=f"2024-12-28T{10 + k}:00")
               for k, doc in enumerate(["tass", "knot"]) for i, code in enumerate(["042", "055"])]
    assert groups(reports) == {frozenset({"tass#0", "knot#0"}), frozenset({"tass#1", "knot#1"})}


def test_link_events_one_report_naming_two_kinds_of_act_is_never_merged():
    # criticism (111) and rejection (120) are compatible roots across outlets, but one
    # article that codes both reports two acts
    reports = [report("a", "111", n=0, evidence="criticised"), report("a", "120", n=1, evidence="rejected")]
    assert len(groups(reports)) == 2


def test_link_events_one_report_naming_one_act_twice_joins_the_other_outlets():
    # an article that codes the call 041 in its lead and 043 further down, and another
    # outlet's 041: one call
    reports = [report("a", "043", n=0, evidence="Aliyev received a call from Moscow"),
               report("a", "041", n=1, evidence="Putin phoned the Azerbaijani leader on Saturday"),
               report("b", "041", published="2025-01-05", evidence="Putin phoned Aliyev on Saturday")]
    assert groups(reports) == {frozenset({"a#0", "a#1", "b#0"})}


def test_link_events_compatible_roots_link_across_outlets_but_unrelated_roots_do_not():
    linked = [report("a", "111", evidence="Baku criticised Moscow over the crash"),
              report("b", "120", evidence="Baku rejected Moscow's version of the crash")]
    assert len(groups(linked)) == 1
    apart = [report("a", "040", evidence="Moscow and Baku held talks"),
             report("b", "051", evidence="Moscow praised Baku")]
    assert len(groups(apart)) == 2


def test_link_events_date_window_for_own_and_anchored_dates():
    near = [report("a", "111"), report("b", "111", day=DAY + dt.timedelta(days=DAY_SLACK))]
    assert len(groups(near)) == 1
    far = [report("a", "111"), report("b", "111", day=DAY + dt.timedelta(days=DAY_SLACK + 1))]
    assert len(groups(far)) == 2
    # a report dated only by its publication may come a few days after the event
    anchored = [report("a", "111"), report("b", "111", day=DAY + dt.timedelta(days=ANCHOR_SLACK), precise=False)]
    assert len(groups(anchored)) == 1
    late = [report("a", "111"), report("b", "111", day=DAY + dt.timedelta(days=ANCHOR_SLACK + 1), precise=False)]
    assert len(groups(late)) == 2


def test_link_events_daily_statements_do_not_chain_into_one_event():
    reports = [report(f"d{i}", "111", day=DAY + dt.timedelta(days=i)) for i in range(10)]
    events, links = link_events(reports)
    assert len(events) >= 10 // (DAY_SLACK + 1)
    days = {}
    for link in links:
        days.setdefault(link.link_id, []).append(int(link.doc_id[1:]))
    assert max(max(v) - min(v) for v in days.values()) <= DAY_SLACK


def test_link_events_direction_matters_for_directed_acts_only():
    criticism = [report("a", "111"),
                 report("b", "111", source="azerbaijan", target="russia", sc="AZE", tc="RUS")]
    assert len(groups(criticism)) == 2  # each side criticising the other: two acts
    meeting = [report("a", "040"),
               report("b", "040", source="azerbaijan", target="russia", sc="AZE", tc="RUS")]
    assert len(groups(meeting)) == 1  # a meeting has no direction


def test_link_events_both_directions_keep_their_own_direction_in_the_event():
    events, _ = link_events([report("a", "111", source="azerbaijan", target="russia", sc="AZE", tc="RUS")])
    assert (events[0].source, events[0].target, events[0].source_country, events[0].target_country) == \
        ("azerbaijan", "russia", "AZE", "RUS")


def test_link_events_two_different_people_are_two_happenings():
    reports = [
        report("a", "040", source="vladimir-putin", source_person=True, evidence="Putin held talks with Baku"),
        report("b", "040", source="sergey-lavrov", source_person=True, evidence="Lavrov held talks with Baku"),
    ]
    assert len(groups(reports)) == 2


def test_link_events_unidentified_side_needs_matching_wording():
    unknown = dict(source=None, sc=None)
    same = [report("a", "190", evidence="Gunmen attacked a border post near Gazakh", **unknown),
            report("b", "190", evidence="gunmen attacked a border post near Gazakh on Monday", **unknown)]
    assert len(groups(same)) == 1
    other = [report("a", "190", evidence="Gunmen attacked a border post near Gazakh", **unknown),
             report("b", "190", evidence="Shelling hit a village in the north", **unknown)]
    assert len(groups(other)) == 2


def test_link_events_every_report_in_exactly_one_event_and_copies_counted_as_stories():
    reports = [report("wire", "042", published="2025-01-06T08:00"),
               report("copy", "042", story="wire", published="2025-01-06T09:00"),
               report("own", "042", published="2025-01-06T12:00")]
    events, links = link_events(reports)
    assert sorted((l.doc_id, l.n) for l in links) == sorted(r.key for r in reports)
    assert len(events) == 1
    assert (events[0].reports, events[0].documents, events[0].stories) == (3, 3, 2)


def test_link_events_synthetic_stream_recovers_most_happenings():
    reports = synthetic_reports(3000, seed=3)
    happenings = {r.doc_id.split("-")[0] for r in reports}
    events, links = link_events(reports)
    assert len(links) == len(reports)
    # most reports of a happening end up together: at least 90% of the happenings are one event
    by_event = {}
    for link in links:
        by_event.setdefault(link.link_id, set()).add(link.doc_id.split("-")[0])
    pure = sum(1 for v in by_event.values() if len(v) == 1)
    assert pure / len(by_event) >= 0.9
    assert abs(len(events) - len(happenings)) / len(happenings) <= 0.1


def test_link_events_result_does_not_depend_on_input_order():
    reports = synthetic_reports(2000, seed=5)
    first = groups(reports)
    for seed in (1, 2):
        shuffled = list(reports)
        random.Random(seed).shuffle(shuffled)
        assert groups(shuffled) == first


def test_link_events_work_per_report_is_bounded_in_a_dense_block(monkeypatch):
    # 2,000 different people acting on one day in one block: nothing links, and each
    # report is compared with at most MAX_OPEN open events, not with all earlier ones
    from dyadwatch.link import events as linking

    calls = 0
    real_score = linking.score

    def counting(o, event):
        nonlocal calls
        calls += 1
        return real_score(o, event)

    monkeypatch.setattr(linking, "score", counting)
    reports = [report(f"d{i}", "111", source=f"official-{i}", source_person=True) for i in range(2000)]
    events, _ = link_events(reports)
    assert len(events) == len(reports)
    assert calls <= len(reports) * linking.MAX_OPEN
    assert calls < len(reports) * (len(reports) - 1) // 2 / 10
