"""One identity per actor across documents.

Per-document actor ids are meant to be stable, but an outlet that writes "Aliev" and one
that writes "Aliyev" may give the same person two ids, and an analyst unknown to the
dictionary gets an id from whatever spelling each outlet used. Actors are joined when:
- they carry the same id (ids are stable by contract);
- they are states (type COUNTRY) with the same country code;
- their names fold to the same key after transliteration folding, with the same type and
  agreeing countries (equal, or one unknown and the match unambiguous);
- their names share a consonant skeleton and the folded names are close (rapidfuzz);
- one is known by a surname alone (or an initial and surname) and exactly one full name
  of the same country matches it.
Every step is a dictionary lookup per actor, so the cost grows linearly with the actors.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from .groups import Groups
from .knowledge import knowledge
from .records import ActorRecord, Identity, IdentityLink

# Least rapidfuzz ratio (0-100) between two folded names that share a consonant skeleton
# for them to be one person: vowel-only differences left after folding ("Mustafaev" and
# "Mustafayev" fold apart on the "ay") score 90+, different names with one skeleton
# ("Karimov", "Kurmov") about 70-80. Calibrated on the variant pairs of tests/test_link_identity.py.
SKELETON_MIN_RATIO = 85

# Types whose names are joined across documents by spelling. Places are resolved to
# countries or gazetteer entries upstream; joining them by spelling would merge namesakes.
NAMED_TYPES = ("PERSON", "ORG", "GROUP")

SEPARATORS = re.compile(r"[\s\-‐-―_/.,]+")
NOT_LETTER = re.compile(r"[^a-z]")
REPEATS = re.compile(r"(.)\1+")
VOWELS = re.compile(r"[aeiou]")


def ascii_letters(text: str) -> str:
    """Lower-case ASCII spelling: Cyrillic romanised, accents and apostrophes dropped."""
    letters = knowledge().letters
    lowered = "".join(letters.get(ch, ch) for ch in text.lower())
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_tokens(name: str) -> list[str]:
    """The words of a name in lower-case ASCII, without punctuation ("Al-Assad" -> al, assad)."""
    out = []
    for part in SEPARATORS.split(ascii_letters(name)):
        token = NOT_LETTER.sub("", part)
        if token:
            out.append(token)
    return out


def fold_token(token: str) -> str:
    """One spelling for the romanisations of a name word (Aliyev, Aliev -> alev)."""
    for pattern, repl in knowledge().transliteration:
        token = pattern.sub(repl, token)
    return REPEATS.sub(r"\1", token)


def skeleton_token(folded: str) -> str:
    """A folded word without its vowels after the first letter (alev -> alv)."""
    return REPEATS.sub(r"\1", folded[:1] + VOWELS.sub("", folded[1:]))


def fold_name(name: str) -> str:
    return " ".join(fold_token(t) for t in name_tokens(name))


def skeleton_name(name: str) -> str:
    return " ".join(skeleton_token(fold_token(t)) for t in name_tokens(name))


@dataclass(frozen=True, kw_only=True)
class Unit:
    """All records that carry one per-document actor id."""

    actor_id: str
    name: str  # most frequent canonical name
    type: str
    country: str | None
    documents: int


def units_of(records: list[ActorRecord]) -> dict[str, Unit]:
    by_id: dict[str, list[ActorRecord]] = defaultdict(list)
    for r in records:
        by_id[r.actor_id].append(r)
    units = {}
    for actor_id, rs in by_id.items():
        countries = Counter(r.country for r in rs if r.country)
        units[actor_id] = Unit(
            actor_id=actor_id,
            name=Counter(r.name for r in rs).most_common(1)[0][0],
            type=Counter(r.type for r in rs).most_common(1)[0][0],
            country=countries.most_common(1)[0][0] if countries else None,
            documents=len({r.doc_id for r in rs}),
        )
    return units


def join_on_key(groups: Groups[str], rules: dict[str, str], units: Iterable[Unit], key_of, rule: str,
                accept=None) -> None:
    """Join units whose key (with type) is equal and whose countries agree.

    Within one key, units with a country join the others of that country; units without
    one join only when a single country is present (else it is unclear who they are).
    `accept(a, b)` may veto a pair.
    """
    buckets: dict[tuple[str, str], list[Unit]] = defaultdict(list)
    for u in units:
        key = key_of(u)
        if key:
            buckets[(u.type, key)].append(u)
    for members in buckets.values():
        if len(members) < 2:
            continue
        by_country: dict[str | None, list[Unit]] = defaultdict(list)
        for u in members:
            by_country[u.country].append(u)
        known = [c for c in by_country if c is not None]
        for country in known:
            head = by_country[country][0]
            for u in by_country[country][1:]:
                merge(groups, rules, head, u, rule, accept)
        unknown = by_country.get(None, [])
        target = by_country[known[0]][0] if len(known) == 1 else (unknown[0] if unknown else None)
        for u in unknown:
            if target is not None and u is not target:
                merge(groups, rules, target, u, rule, accept)


def merge(groups: Groups[str], rules: dict[str, str], a: Unit, b: Unit, rule: str, accept) -> None:
    if groups.same(a.actor_id, b.actor_id) or (accept is not None and not accept(a, b)):
        return
    groups.union(a.actor_id, b.actor_id)
    rules.setdefault(b.actor_id, rule)
    rules.setdefault(a.actor_id, rule)


def close_spelling(a: Unit, b: Unit) -> bool:
    return fuzz.ratio(fold_name(a.name), fold_name(b.name)) >= SKELETON_MIN_RATIO


def join_surnames(groups: Groups[str], rules: dict[str, str], units: list[Unit]) -> None:
    """A person named by surname alone (or initial + surname) joins the one full name that fits."""
    full: dict[str, list[Unit]] = defaultdict(list)
    for u in units:
        tokens = [fold_token(t) for t in name_tokens(u.name)]
        if u.type == "PERSON" and len(tokens) >= 2 and len(tokens[0]) > 1:
            full[tokens[-1]].append(u)
    for u in units:
        tokens = [fold_token(t) for t in name_tokens(u.name)]
        if u.type != "PERSON" or not tokens or not (len(tokens) == 1 or (len(tokens) == 2 and len(tokens[0]) == 1)):
            continue
        initial = tokens[0] if len(tokens) == 2 else None
        fits = [f for f in full.get(tokens[-1], [])
                if (u.country is None or f.country in (None, u.country))
                and (initial is None or fold_token(name_tokens(f.name)[0]).startswith(initial))]
        people = {groups.find(f.actor_id) for f in fits}
        if len(people) == 1:
            merge(groups, rules, fits[0], u, "surname", None)


def head_order(u: Unit) -> tuple:
    """Which member names an identity: a full name over a surname alone, then the id most
    documents use, then one that knows its country."""
    return (u.type == "PERSON" and len(name_tokens(u.name)) < 2, -u.documents, u.country is None,
            len(u.actor_id), u.actor_id)


def identities_of(records: Iterable[ActorRecord]) -> tuple[list[IdentityLink], list[Identity]]:
    """Each per-document actor mapped to a global identity, and the identities themselves."""
    records = list(records)
    units = units_of(records)
    groups: Groups[str] = Groups(units)
    rules: dict[str, str] = {}
    ordered = sorted(units.values(), key=lambda u: (-u.documents, u.actor_id))
    join_on_key(groups, rules, [u for u in ordered if u.type == "COUNTRY" and u.country],
                lambda u: u.country, "country")
    named = [u for u in ordered if u.type in NAMED_TYPES]
    join_on_key(groups, rules, named, lambda u: fold_name(u.name), "transliteration")
    join_on_key(groups, rules, named, lambda u: skeleton_name(u.name), "skeleton", close_spelling)
    join_surnames(groups, rules, named)

    by_id: dict[str, list[ActorRecord]] = defaultdict(list)
    for r in records:
        by_id[r.actor_id].append(r)
    links: list[IdentityLink] = []
    identities: list[Identity] = []
    for members in groups.members().values():
        head = min((units[m] for m in members), key=head_order)
        rs = [r for m in members for r in by_id[m]]
        countries = Counter(r.country for r in rs if r.country)
        codes = Counter(r.code for r in rs if r.code)
        head_names = Counter(r.name for r in by_id[head.actor_id])
        identities.append(Identity(
            global_id=head.actor_id,
            name=head_names.most_common(1)[0][0],
            type=Counter(r.type for r in rs).most_common(1)[0][0],
            country=countries.most_common(1)[0][0] if countries else None,
            code=codes.most_common(1)[0][0] if codes else None,
            variants=tuple(sorted({r.name for r in rs} | {a for r in rs for a in r.aliases})),
            actor_ids=tuple(sorted(members)),
            documents=len({r.doc_id for r in rs}),
        ))
        for r in rs:
            rule = "self" if r.actor_id == head.actor_id else rules.get(r.actor_id, "self")
            links.append(IdentityLink(doc_id=r.doc_id, actor_id=r.actor_id, global_id=head.actor_id, rule=rule))
    identities.sort(key=lambda i: (-i.documents, i.global_id))
    return links, identities
