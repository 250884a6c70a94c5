"""Incremental linking: the documents added since the last run, linked into what is stored.

A full relink reads every document, actor and event of the store, so an ingest of a few
documents into a store of millions would cost minutes. Here only what the new documents
touch is read and rewritten:

- stories: the new texts are compared with each other and with the stored texts published
  within STORY_DAYS of them (copies and updates of a report follow it within days); a new
  document joins the story of a stored copy, else starts its own;
- identities: a per-document actor id seen before keeps its identity; the other new actors
  are matched against the stored identities by the same rules as a full run (country,
  transliteration, spelling skeleton, surname), and join the identity they match or start one;
- events: each new report falls in one block (its unordered pair of sides and code group);
  the stored linked events of that block dated within RESWEEP_DAYS of the new reports are
  taken apart and swept again together with the new reports, so a new report joins an event
  reported earlier exactly as a full run would have joined them.

The cost grows with the documents added and the density of their blocks around their dates,
not with the size of the store. When links are missing, older than migration 3, or a linked
document was written again, nothing is done here and the caller relinks in full.
"""
from __future__ import annotations

import datetime as dt
import time
from collections import Counter, defaultdict

from ..store import Store
from ..store import increment as sql
from ..store.links import LinkRun, fingerprint
from .dedup import find_stories
from .events import WINDOW_DAYS, link_events, orient
from .identity import identities_of
from .records import BLOCK_SEP, ActorRecord, ArticleText, EventReport, Identity, IdentityLink, Story

# Days around the new documents' publication in which stored texts are compared with them.
# Wire copies and reposts appear within a day or two of the original; a week leaves room for
# late reposts and updates without reading the texts of the whole store.
STORY_DAYS = 7

# Days around a new report's date within which stored events of its block are swept again.
# Twice the sweep window: a new report can join an event up to WINDOW_DAYS before or after
# it, and that event's own reports reach up to WINDOW_DAYS further.
RESWEEP_DAYS = 2 * WINDOW_DAYS

# Prefix of the stand-in records of stored identities (never a real document id).
STORED = "\x00stored:"


def link_increment(store: Store) -> LinkRun | None:
    """Link what was added since the last run into the stored links; None when a full relink is needed."""
    started = time.perf_counter()
    state = sql.pending(store)
    if state is None or state.replaced:
        return None
    stamp = fingerprint(store)
    new = state.new
    articles = sql.new_articles(store, new)
    stories = new_stories(store, articles)
    id_links, changed = new_identities(store, [ActorRecord(
        doc_id=d, actor_id=a, name=n or a, type=t or "PERSON", country=c, code=code, aliases=tuple(al or ()))
        for d, a, n, t, c, code, al in sql.actors_of(store, new)] if new else [])
    from .api import event_reports

    reports = event_reports(sql.events_of(store, new), id_links, people_of(store, id_links, changed), stories) if new else []
    spans = block_spans(reports)
    old_ids = sql.linked_in_blocks(store, spans)
    members = sql.members_of(store, old_ids)
    old_reports = event_reports(members.events, members.identity_links, members.people, members.stories)
    linked, report_links = link_events(old_reports + reports)
    run = LinkRun(fingerprint=stamp, documents=len(new), events=len(reports), linked_events=len(linked),
                  identities=len(changed), stories=len({s.story_id for s in stories}),
                  seconds=round(time.perf_counter() - started, 3))
    sql.apply_increment(store, removed=old_ids, linked=linked, report_links=report_links, stories=stories,
                        identity_links=id_links, identities_changed=changed, run=run)
    return run


def people_of(store: Store, links: list[IdentityLink], changed: list[Identity]) -> set[str]:
    """Which identities of the new documents' actors are named individuals."""
    known = {i.global_id: i for i in changed}
    missing = sorted({x.global_id for x in links} - set(known))
    return {i.global_id for i in [*known.values(), *sql.identities(store, missing)] if i.type == "PERSON"}


def block_spans(reports: list[EventReport]) -> dict[str, tuple[dt.date, dt.date]]:
    """Per block of the new reports: the dates within which stored events are swept again."""
    spans: dict[str, tuple[dt.date, dt.date]] = {}
    pad = dt.timedelta(days=RESWEEP_DAYS)
    for r in reports:
        if r.date is None:
            continue
        key = BLOCK_SEP.join(orient(r).block)
        lo, hi = spans.get(key, (r.date, r.date))
        spans[key] = (min(lo, r.date), max(hi, r.date))
    return {k: (lo - pad, hi + pad) for k, (lo, hi) in spans.items()}


def new_stories(store: Store, articles: list[tuple[str, str, str | None, dt.date | None]]) -> list[Story]:
    """Stories of the new documents: a stored copy's story, or their own."""
    if not articles:
        return []
    dates = [a[3] for a in articles if a[3] is not None]
    near: list[tuple[str, str, str | None, str]] = []
    if dates:
        pad = dt.timedelta(days=STORY_DAYS)
        near = sql.articles_near(store, min(dates) - pad, max(dates) + pad)
    stored_story = {d: s for d, _t, _p, s in near}
    found = find_stories([ArticleText(doc_id=d, text=t, published=p) for d, t, p, _ in near]
                         + [ArticleText(doc_id=d, text=t, published=p) for d, t, p, _ in articles])
    group: dict[str, list[Story]] = defaultdict(list)
    for s in found:
        group[s.story_id].append(s)
    out = []
    for members in group.values():
        stored = [stored_story[s.doc_id] for s in members if s.doc_id in stored_story]
        story_id = Counter(stored).most_common(1)[0][0] if stored else None
        for s in members:
            if s.doc_id not in stored_story:
                out.append(Story(doc_id=s.doc_id, story_id=story_id or s.story_id, similarity=s.similarity))
    return out


def new_identities(store: Store, records: list[ActorRecord]) -> tuple[list[IdentityLink], list[Identity]]:
    """Identity links of the new actors, and every identity they created or extended."""
    if not records:
        return [], []
    known = sql.global_ids_of(store, [r.actor_id for r in records])
    fresh = [r for r in records if r.actor_id not in known]
    joined: dict[str, str] = {}  # new actor id -> stored identity it matched
    created: dict[str, Identity] = {}
    links: list[IdentityLink] = []
    if fresh:
        stored = sql.identities(store)
        stand_ins = [ActorRecord(doc_id=STORED + i.global_id, actor_id=STORED + i.global_id, name=i.name, type=i.type,
                                 country=i.country, code=i.code, aliases=i.variants) for i in stored]
        group_links, groups = identities_of(stand_ins + fresh)
        for ident in groups:
            olds = sorted(a[len(STORED):] for a in ident.actor_ids if a.startswith(STORED))
            news = [a for a in ident.actor_ids if not a.startswith(STORED)]
            if olds:
                joined.update({a: olds[0] for a in news})
            elif news:
                created[ident.global_id] = ident
        rule_of = {(x.doc_id, x.actor_id): x.rule for x in group_links}
        for r in fresh:
            gid = joined.get(r.actor_id)
            if gid is None:
                gid = next(g for g, i in created.items() if r.actor_id in i.actor_ids)
            links.append(IdentityLink(doc_id=r.doc_id, actor_id=r.actor_id, global_id=gid,
                                      rule=rule_of.get((r.doc_id, r.actor_id), "self")))
    for r in records:
        if r.actor_id in known:
            links.append(IdentityLink(doc_id=r.doc_id, actor_id=r.actor_id, global_id=known[r.actor_id], rule="same-id"))
    extended = {i.global_id: i for i in sql.identities(store, [*known.values(), *joined.values()])}
    return links, [*extend(extended, records, links).values(), *created.values()]


def extend(stored: dict[str, Identity], records: list[ActorRecord], links: list[IdentityLink]) -> dict[str, Identity]:
    """Stored identities with the new actors' ids, names and documents added."""
    global_of = {(x.doc_id, x.actor_id): x.global_id for x in links}
    added: dict[str, list[ActorRecord]] = defaultdict(list)
    for r in records:
        gid = global_of[(r.doc_id, r.actor_id)]
        if gid in stored:
            added[gid].append(r)
    out = {}
    for gid, rs in added.items():
        i = stored[gid]
        out[gid] = Identity(
            global_id=gid, name=i.name, type=i.type, country=i.country, code=i.code,
            variants=tuple(sorted(set(i.variants) | {r.name for r in rs} | {a for r in rs for a in r.aliases})),
            actor_ids=tuple(sorted(set(i.actor_ids) | {r.actor_id for r in rs})),
            documents=i.documents + len({r.doc_id for r in rs}))
    return out
