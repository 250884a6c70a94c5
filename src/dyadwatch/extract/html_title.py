"""The article's headline: the visible `<h1>` when the page has one that reads as a headline,
else the document title (og:title, JSON-LD headline, `<title>`) without its site-name part.

`<title>` and og:title are written for search results and tabs ("Headline | Outlet",
"Outlet - Headline", a shorter SEO wording); the `<h1>` above the article is what the
reader sees as its title.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from lxml.html import HtmlElement

# Separators sites put between headline and site name in <title>/og:title.
TITLE_SEPARATOR = re.compile(r"\s+[|–—•·»«:/\-]{1,2}\s+|\s*\|\s*|\s+::\s+")
# A headline is at least this many characters and at most this many; shorter h1s are
# logos or section names ("News"), longer ones are paragraphs in an h1 (calibrated on
# news and blog headlines, which run 15-150 characters and rarely past 250).
MIN_HEADLINE_CHARS = 8
MAX_HEADLINE_CHARS = 300
# A trailing title segment of at most this many words, after a "|", is taken for the site
# name even when no site name is declared ("Headline | Acme Daily"); calibrated on
# outlet names, which rarely run past four words.
MAX_SITE_SUFFIX_WORDS = 4
# Containers whose h1 is not the article's: the site header/logo, navigation, asides.
NOT_ARTICLE = re.compile(r"\b(?:logo|brand|masthead|site-title|site-name|navbar|nav|menu|modal|"
                         r"popup|cookie|newsletter|sidebar|footer|related)\b", re.IGNORECASE)
ANCESTOR_DEPTH = 5
# An h1 is taken for the headline over the document title (written for search results)
# when at least this share of its words appear in the document title; below it the h1 is a
# site, blog or section heading. Calibrated on the wcxb article pages, where SEO titles
# reword the visible headline but keep some of its words.
MIN_H1_OVERLAP = 0.3
MIN_WORD_CHARS = 3


def fold(text: str | None) -> str:
    return re.sub(r"[^\w]+", " ", (text or "").lower()).strip()


def clean_site_name(value: str | None) -> str | None:
    if not value:
        return None
    name = " ".join(value.split()).strip()
    if name.startswith("@") or name.lower().startswith(("http://", "https://")):
        return None
    return name or None


def _domain_words(url: str | None) -> set[str]:
    host = (urlsplit(url or "").hostname or "").lower()
    parts = [p for p in host.split(".") if p not in ("www", "com", "org", "net", "co", "uk", "io")]
    return {fold(p) for p in parts if len(p) > 2}


def _is_site_segment(segment: str, site_names: Iterable[str | None], domain: set[str]) -> bool:
    seg = fold(segment)
    if not seg:
        return True
    compact = seg.replace(" ", "")
    for name in site_names:
        folded = fold(name)
        if folded and (seg == folded or compact == folded.replace(" ", "")):
            return True
    return any(compact == d.replace(" ", "") or (len(d) > 3 and compact.startswith(d)) for d in domain)


def strip_site_name(title: str | None, site_names: Iterable[str | None], url: str | None) -> str | None:
    """The headline part of a document title ("Headline | Outlet" -> "Headline")."""
    if not title:
        return None
    title = " ".join(title.split())
    names = list(site_names)
    domain = _domain_words(url)
    parts = TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    seps = TITLE_SEPARATOR.findall(title)
    while len(parts) > 1 and _is_site_segment(parts[-1], names, domain):
        parts, seps = parts[:-1], seps[:-1]
    while len(parts) > 1 and _is_site_segment(parts[0], names, domain):
        parts, seps = parts[1:], seps[1:]
    if (len(parts) > 1 and "|" in seps[-1] and len(parts[-1].split()) <= MAX_SITE_SUFFIX_WORDS
            and len(parts[0].split()) > len(parts[-1].split())):
        parts, seps = parts[:-1], seps[:-1]
    out = parts[0]
    for sep, part in zip(seps, parts[1:]):
        out += sep + part
    return out.strip()


def _outside_article(el: HtmlElement) -> bool:
    node = el.getparent()
    for _ in range(ANCESTOR_DEPTH):
        if node is None:
            return False
        if node.tag in ("header",) and node.getparent() is not None and node.getparent().tag == "body":
            return True
        if node.tag in ("nav", "aside", "footer"):
            return True
        marks = f"{node.get('class') or ''} {node.get('id') or ''}"
        if NOT_ARTICLE.search(marks):
            return True
        node = node.getparent()
    return False


def headline_candidates(tree: HtmlElement) -> list[str]:
    """Texts of the page's h1 elements that can be an article headline."""
    out = []
    for h1 in tree.iter("h1"):
        text = " ".join(h1.text_content().split())
        if MIN_HEADLINE_CHARS <= len(text) <= MAX_HEADLINE_CHARS and not _outside_article(h1):
            out.append(text)
    return out


def _words(text: str) -> set[str]:
    return {w for w in fold(text).split() if len(w) >= MIN_WORD_CHARS}


def _overlap(h1: str, titles: list[str]) -> float:
    """Share of the h1's words found in the best-matching document title."""
    words = _words(h1)
    if not words:
        return 0.0
    return max((len(words & _words(t)) / len(words) for t in titles), default=0.0)


def choose_title(tree: HtmlElement, meta: dict[str, str], ld_headline: str | None, *,
                 site_names: Iterable[str | None], url: str | None) -> str | None:
    names = [n for n in site_names if n]
    doc_title = tree.findtext(".//title")
    raw = [meta.get("og:title"), ld_headline, meta.get("twitter:title"), doc_title]
    cleaned = [t for t in (strip_site_name(t, names, url) for t in raw if t and t.strip()) if t]
    folded = [fold(t) for t in cleaned]
    domain = _domain_words(url)
    h1s = [h for h in headline_candidates(tree) if not _is_site_segment(h, names, domain)]
    if not cleaned:
        return h1s[0] if h1s else None
    for h1 in h1s:
        f = fold(h1)
        if f in folded or any(f in t for t in folded):
            return h1
    for h1 in h1s:
        longer = [t for t in cleaned if fold(t) in fold(h1)]
        if longer:
            # the h1 holds the title plus a kicker, date or subtitle run into it
            return longer[0]
    scored = [(_overlap(h, cleaned), -i, h) for i, h in enumerate(h1s)]
    best = max(scored, default=None)
    if best is not None and best[0] >= MIN_H1_OVERLAP:
        return best[2]
    return cleaned[0]


def headline_element(tree: HtmlElement, title: str | None) -> HtmlElement | None:
    """The h1 that carries the chosen title, else the first h1 that can be a headline."""
    first = None
    for h1 in tree.iter("h1"):
        text = " ".join(h1.text_content().split())
        if not (MIN_HEADLINE_CHARS <= len(text) <= MAX_HEADLINE_CHARS) or _outside_article(h1):
            continue
        if title and fold(text) == fold(title):
            return h1
        first = first if first is not None else h1
    return first


def site_from_title(doc_title: str | None, headline: str | None) -> str | None:
    """The site name a document title carries beside its headline ("Headline | Outlet")."""
    if not doc_title or not headline:
        return None
    title = " ".join(doc_title.split())
    parts = TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return None
    key = fold(headline)
    if fold(parts[0]) == key or key.startswith(fold(parts[0])):
        candidate = parts[-1]
    elif fold(parts[-1]) == key:
        candidate = parts[0]
    else:
        return None
    if fold(candidate) == key or len(candidate.split()) > MAX_SITE_SUFFIX_WORDS:
        return None
    return candidate.strip() or None
