"""Organisations and places the dictionary does not know, misspelt known names, and
abbreviations explained in parentheses."""
from __future__ import annotations

import functools

from rapidfuzz.distance import Levenshtein

from .draft import Context, Draft, country_after_of
from .guards import org_word
from .kb import KnowledgeBase, phrase_key, slug
from .match import cased_like_name

# Edit distance allowed between a capitalised word and a known one-word name, by the name's
# length: one slip from seven letters up ("Armepress" for Armenpress), none below; calibrated
# on invented misspellings of agency names, where shorter names collided with ordinary words.
FUZZY_MIN_LEN = 7
FUZZY_MAX_EDITS = 1
QUOTES = frozenset({'"', "“", "”", "«", "»", "'", "‘", "’"})
SKIP_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})


@functools.lru_cache(maxsize=4)
def _one_word_names(kb_id: int, kb: KnowledgeBase) -> dict[tuple[int, str], list[tuple[str, str]]]:
    """Known one-word organisation and country names by length and first letter (a slip is
    looked for only after a right first letter), for the misspelling check."""
    out: dict[tuple[int, str], list[tuple[str, str]]] = {}
    for key, surfaces in kb.surfaces.items():
        if " " in key or len(key) < FUZZY_MIN_LEN - FUZZY_MAX_EDITS:
            continue
        for s in surfaces:
            if s.kind in ("org-name", "org-alias", "user", "country-name", "seat"):
                out.setdefault((len(key), key[0]), []).append((key, s.entry_id))
    return out


def fuzzy_entry(ctx: Context, word: str) -> str | None:
    key = phrase_key(word)
    if len(key) < FUZZY_MIN_LEN:
        return None
    names = _one_word_names(id(ctx.kb), ctx.kb)
    hits = {eid for n in range(len(key) - FUZZY_MAX_EDITS, len(key) + FUZZY_MAX_EDITS + 1)
            for name, eid in names.get((n, key[0]), ())
            if Levenshtein.distance(name, key, score_cutoff=FUZZY_MAX_EDITS) <= FUZZY_MAX_EDITS}
    return hits.pop() if len(hits) == 1 else None


def link_misspelt(ctx: Context) -> None:
    """A capitalised word one slip away from a known one-word name."""
    doc = ctx.doc
    for i, tok in enumerate(doc):
        if ctx.taken[i] is not None or not tok.is_alpha or not tok.text[:1].isupper():
            continue
        if tok.is_sent_start and tok.ent_type_ not in ("GPE", "ORG"):
            continue
        if tok.ent_type_ in ("PERSON", "NORP", "DATE") or ctx.keys[i] in ctx.kb.adjectives or ctx.keys[i].rstrip("s") in ctx.kb.adjectives:
            continue  # a demonym is not a misspelt country ("Armenian", "Armenia")
        eid = fuzzy_entry(ctx, tok.text)
        if eid is not None:
            ctx.mention(ctx.draft_for(ctx.kb.entries[eid], "fuzzy-name"), i, i + 1, "fuzzy-name")


def link_unknown_orgs(ctx: Context) -> None:
    """ORG entities outside the dictionary (and PERSON entities whose words name an
    organisation: "Ararat Policy Lab"): country and sector from the words in the name."""
    doc = ctx.doc
    for ent in doc.ents:
        start, end = ent.start, ent.end
        if ent.label_ == "PERSON" and any(org_word(doc[k], ctx.kb.roles) for k in range(start, end)):
            while end < len(doc) and org_word(doc[end], ctx.kb.roles):
                end += 1  # "Ararat Policy" + "Lab": the tagger stopped before the name's last word
        elif ent.label_ != "ORG":
            continue
        start, end = _trim(ctx, start, end)
        if end <= start or not ctx.free(start, end) or not cased_like_name(doc, start, end):
            continue
        if end - start == 1 and (doc[start].is_sent_start or len(doc[start].text) < 2):
            continue
        name = _name_text(ctx, start, end)
        country, sector = _name_hints(ctx, start, end)
        country = country or country_after_of(ctx, end)
        before = _body_before(ctx, start)
        sector = sector or before
        draft_id = slug(name)
        draft = ctx.drafts.get(draft_id) or Draft(id=draft_id, name=name, type="ORG", country=country, sector=sector,
                                                   code=((ctx.kb.country_code(country) or "") + (sector or "")) or None, rule="ner-org")
        ctx.mention(draft, start, end, "ner-org")


def link_quoted_names(ctx: Context) -> None:
    """ 'the NGO "Journalists in Extreme Conditions"': a quoted name after an institution word."""
    doc = ctx.doc
    for i, tok in enumerate(doc[:-2]):
        if tok.text not in QUOTES or ctx.taken[i + 1] is not None:
            continue
        sector = _body_before(ctx, i)
        if sector is None:
            continue
        k = i + 1
        while k < len(doc) and doc[k].text not in QUOTES and k - i < 10 and not doc[k].is_space:
            k += 1
        if k >= len(doc) or doc[k].text not in QUOTES or not ctx.free(i + 1, k) or not doc[i + 1].text[:1].isupper():
            continue
        name = _name_text(ctx, i + 1, k)
        country, _ = _name_hints(ctx, i + 1, k)
        draft = ctx.drafts.get(slug(name)) or Draft(id=slug(name), name=name, type="ORG", country=country, sector=sector,
                                                     code=((ctx.kb.country_code(country) or "") + sector), rule="quoted-name")
        ctx.mention(draft, i + 1, k, "quoted-name")



def _body_before(ctx: Context, i: int) -> str | None:
    """Sector of an institution word just before token i ("the NGO", "news agency")."""
    doc = ctx.doc
    for n in (2, 1):
        if i - n < 0:
            continue
        key = " ".join(ctx.keys[i - n:i])
        role = ctx.kb.roles.get(key)
        if role is not None and role.kind == "body" and role.sector:
            return role.sector
    return None


def _trim(ctx: Context, start: int, end: int) -> tuple[int, int]:
    doc = ctx.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].text in QUOTES or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in QUOTES or doc[end - 1].text in ("'s", "’s", ".", ",") or doc[end - 1].is_space):
        end -= 1
    return start, end


def _name_text(ctx: Context, start: int, end: int) -> str:
    return "".join(t.text_with_ws for t in ctx.doc[start:end] if t.text not in QUOTES).strip()


def _name_hints(ctx: Context, start: int, end: int) -> tuple[str | None, str | None]:
    """Country (a demonym or country name inside) and sector (the last institution word)."""
    country = sector = None
    for k in range(start, end):
        key = ctx.keys[k]
        if country is None and key in ctx.kb.adjectives:
            country = ctx.kb.adjectives[key]
        elif country is None and key in ctx.kb.surfaces:
            for s in ctx.kb.surfaces[key]:
                entry = ctx.kb.entries[s.entry_id]
                if entry.type == "COUNTRY" and s.kind in ("country-name", "seat"):
                    country = entry.country
        for n in (3, 2, 1):
            role = ctx.kb.roles.get(" ".join(ctx.keys[k:k + n])) if k + n <= end else None
            if role is not None and role.kind == "body" and role.sector:
                sector = role.sector
                break
    return country, sector


def link_parentheticals(ctx: Context) -> None:
    """ "Azerbaijan Airlines (AZAL)", "the EAEU (Euro-Asian Economic Union)": both name one actor."""
    doc = ctx.doc
    for i, tok in enumerate(doc):
        if tok.text != "(" or i == 0:
            continue
        close = next((k for k in range(i + 1, min(len(doc), i + 10)) if doc[k].text == ")"), None)
        if close is None or close == i + 1:
            continue
        outside = ctx.taken[i - 1]
        inside_ids = {ctx.taken[k] for k in range(i + 1, close)}
        if outside and inside_ids == {None} and cased_like_name(doc, i + 1, close):
            ctx.mention(ctx.drafts[outside], i + 1, close, "parenthetical")
        elif len(inside_ids) == 1 and None not in inside_ids and outside is None:
            start = i
            while start > 0 and ctx.taken[start - 1] is None and doc[start - 1].text[:1].isupper() and i - start < 8:
                start -= 1
            if start < i:
                ctx.mention(ctx.drafts[inside_ids.pop()], start, i, "parenthetical")
