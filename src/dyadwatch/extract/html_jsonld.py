"""schema.org facts from a page's JSON-LD blocks (`<script type="application/ld+json">`).

News and blog systems (WordPress/Yoast, Arc, Brightspot, Drupal...) describe the article in
JSON-LD for search engines: its headline, datePublished, author and publisher. These are the
most reliable metadata on most pages, because they are written for machines.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml.html import HtmlElement

# schema.org types that describe the article itself (CreativeWork subtypes used for pages
# with a body of text). WebPage is a weaker fallback: it often carries site-wide dates.
ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "report",
    "scholarlyarticle", "techarticle", "socialmediaposting", "liveblogposting", "posting",
    "review", "howto", "recipe", "medicalwebpage", "creativework", "advertisercontentarticle",
    "satiricalarticle", "discussionforumposting", "qapage", "newsarticle,article",
})
PAGE_TYPES = frozenset({"webpage", "itempage", "aboutpage", "collectionpage", "profilepage"})
# Levels of JSON-LD nesting searched for objects (real pages nest a handful; a hostile page
# thousands, which would exhaust the recursion limit).
MAX_JSONLD_DEPTH = 32
ORG_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "localbusiness",
                       "ngo", "educationalorganization", "governmentorganization"})
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True, kw_only=True)
class LdFacts:
    """What the JSON-LD says about the article (the first article-like object wins)."""
    headline: str | None = None
    published: str | None = None
    modified: str | None = None
    authors: list[str] = field(default_factory=list)
    org_authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    site_name: str | None = None
    page_published: str | None = None
    language: str | None = None


def _load(raw: str) -> object | None:
    raw = CONTROL_CHARS.sub(" ", raw.strip())
    if raw.startswith("<!--"):
        raw = raw[4:]
    if raw.endswith("-->"):
        raw = raw[:-3]
    raw = raw.strip().rstrip(";")
    try:
        return json.loads(raw, strict=False)
    except (ValueError, RecursionError):  # nested past Python's recursion limit: not metadata
        return None


def _objects(node: object, depth: int = 0) -> Iterator[dict]:
    """Every JSON object in a JSON-LD document, depth first (through @graph and lists),
    down to MAX_JSONLD_DEPTH levels."""
    if depth > MAX_JSONLD_DEPTH:
        return
    if isinstance(node, list):
        for item in node:
            yield from _objects(item, depth + 1)
    elif isinstance(node, dict):
        yield node
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "hasPart"):
            child = node.get(key)
            if isinstance(child, (list, dict)):
                yield from _objects(child, depth + 1)


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower().rsplit("/", 1)[-1] for k in kinds if k}


def _text(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if isinstance(value, (str, int, float)) and str(value).strip():
        return " ".join(str(value).split())
    return None


def _names(value: object, ids: dict[str, dict], *, organisations: bool = False) -> list[str]:
    """Names of the people (or, with `organisations`, the organisations) in an author value."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, dict) and "name" not in item and isinstance(item.get("@id"), str):
            item = ids.get(item["@id"], item)
        if isinstance(item, dict) and bool(_types(item) & ORG_TYPES) != organisations:
            continue
        if isinstance(item, str) and organisations:
            continue
        if isinstance(item, dict):
            name = item.get("name")
            if isinstance(name, list):
                names.extend(str(n) for n in name if isinstance(n, str))
            elif isinstance(name, str):
                names.append(name)
            elif isinstance(name, dict) and isinstance(name.get("@value"), str):
                names.append(name["@value"])
        elif isinstance(item, str):
            names.append(item)
    return [" ".join(n.split()) for n in names if n and n.strip()]


def jsonld_objects(tree: HtmlElement) -> list[dict]:
    out: list[dict] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        data = _load(script.text)
        if data is not None:
            out.extend(_objects(data))
    return out


def read_jsonld(tree: HtmlElement) -> LdFacts:
    objects = jsonld_objects(tree)
    ids = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str)}
    articles = [o for o in objects if _types(o) & ARTICLE_TYPES]
    pages = [o for o in objects if _types(o) & PAGE_TYPES]
    article = next((o for o in articles if o.get("headline") or o.get("datePublished")), None)
    article = article or (articles[0] if articles else None)
    page = pages[0] if pages else None
    site = next((o for o in objects if "website" in _types(o)), None)
    org = next((o for o in objects if _types(o) & ORG_TYPES), None)
    facts: dict = {}
    if article is not None:
        publisher = article.get("publisher")
        if isinstance(publisher, dict) and "name" not in publisher and isinstance(publisher.get("@id"), str):
            publisher = ids.get(publisher["@id"], publisher)
        facts.update(
            headline=_text(article.get("headline")) or _text(article.get("name")),
            published=_text(article.get("datePublished")) or _text(article.get("dateCreated")),
            modified=_text(article.get("dateModified")),
            authors=_names(article.get("author") or article.get("creator"), ids),
            org_authors=_names(article.get("author") or article.get("creator"), ids, organisations=True),
            publisher=_text(publisher),
            language=_text(article.get("inLanguage")),
        )
    if page is not None:
        facts["page_published"] = _text(page.get("datePublished"))
        if not facts.get("authors"):
            facts["authors"] = _names(page.get("author"), ids)
        facts.setdefault("language", _text(page.get("inLanguage")))
    if site is not None:
        facts["site_name"] = _text(site.get("name"))
    if not facts.get("publisher") and org is not None:
        facts["publisher"] = _text(org.get("name"))
    return LdFacts(**{k: v for k, v in facts.items() if v})
