"""Article metadata from an HTML page: title, publication date, authors, outlet, URL, language.

Each field is read from the sources news sites fill in, most reliable first: schema.org
JSON-LD (written for search engines), Open Graph / article / Dublin Core / Parse.ly meta
tags, microdata (`itemprop`), `<time datetime>`, then the visible byline and headline.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml.html import HtmlElement

from .html_authors import clean_name, merge_authors, split_authors, without_outlets
from .html_dates import normalize_date
from .html_jsonld import read_jsonld
from .html_byline_date import headline_date, headline_window
from .html_title import choose_title, clean_site_name, headline_element, site_from_title

DATE_META = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "article:published", "datepublished", "publication_date", "publish_date", "publish-date",
    "publishdate", "pubdate", "article.published", "parsely-pub-date", "sailthru.date",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created",
    "dc.date.created", "citation_publication_date", "citation_date", "original-publish-date",
    "article_date_original", "date", "created", "datecreated", "og:pubdate", "release_date",
)
AUTHOR_META = (
    "author", "article:author", "og:article:author", "parsely-author", "sailthru.author",
    "dc.creator", "dcterms.creator", "byl", "citation_author", "twitter:data1:author",
)
# Class/id words of elements that hold a byline (common CMS templates: WordPress themes,
# Arc, Brightspot, Drupal, Ghost).
BYLINE_CLASS = re.compile(
    r"\b(?:byline|by-line|author(?:[-_]?name)?|article[-_]author|post[-_]author|entry[-_]author|"
    r"writer|contributor|c-byline|story[-_]byline|meta[-_]author|posted[-_]by)\b",
    re.IGNORECASE,
)
DATE_CLASS = re.compile(r"\b(?:published|pub[-_]?date|post[-_]?date|entry[-_]date|article[-_]date|"
                        r"date[-_]published|posted[-_]on|dateline|timestamp)\b", re.IGNORECASE)
# Containers whose dates and bylines belong to other items than the article.
FOREIGN_BLOCK = re.compile(
    r"\b(?:comment|related|recommend|sidebar|widget|footer|popular|trending|more-stories|"
    r"read-next|newsletter|promo|teaser|card|rail)", re.IGNORECASE)
NAME_WORD = r"(?:[A-Z][\w'’.\-]*|van|von|de|der|den|da|del|della|la|le|bin|al|ibn)"
BYLINE_IN_TEXT = re.compile(
    rf"(?:\b[Bb]y|\b[Ww]ritten by|\b[Aa]uthor:|\bAUTHOR:?|\bBY)\s+"
    rf"([A-Z][\w'’.\-]+(?:\s+(?:{NAME_WORD}|and|&)){{0,6}})"
)
AUTHOR_HREF = re.compile(r"/(?:author|authors|writer|writers|byline|profile|profiles|people|staff|journalist|"
                         r"contributors?|autor|autoren|auteur|avtor)/[^/?#]+/?$", re.IGNORECASE)
# A byline element with more text than this is a container, not a byline (calibrated on
# news/blog templates: bylines with name, role and date stay under ~150 characters).
MAX_BYLINE_CHARS = 160
# How far up the tree to look for a foreign block around a candidate.
FOREIGN_DEPTH = 6


@dataclass(frozen=True, kw_only=True)
class PageMetadata:
    title: str | None = None
    published: str | None = None
    modified: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    canonical_url: str | None = None
    language: str | None = None


def meta_tags(tree: HtmlElement) -> dict[str, str]:
    """First value of each meta tag by lower-cased name/property/itemprop."""
    out: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if content is None or not content.strip():
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = (meta.get(attr) or "").strip().lower()
            if key and key not in out:
                out[key] = " ".join(content.split())
    return out


def _classes(el: HtmlElement) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''} {el.get('itemprop') or ''} {el.get('rel') or ''}"


def _in_foreign_block(el: HtmlElement) -> bool:
    node = el.getparent()
    for _ in range(FOREIGN_DEPTH):
        if node is None:
            return False
        if node.tag in ("footer", "aside", "nav") or FOREIGN_BLOCK.search(_classes(node)):
            return True
        node = node.getparent()
    return False


def _text(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())


def _first_date(tree: HtmlElement, meta: dict[str, str]) -> str | None:
    for key in DATE_META:
        value = normalize_date(meta.get(key))
        if value:
            return value
    for el in tree.xpath('//*[@itemprop="datePublished" or @itemprop="dateCreated"]'):
        value = normalize_date(el.get("content") or el.get("datetime") or _text(el))
        if value:
            return value
    times = [t for t in tree.iter("time") if not _in_foreign_block(t)]
    for el in times:
        if el.get("pubdate") is not None or DATE_CLASS.search(_classes(el)):
            value = normalize_date(el.get("datetime") or _text(el))
            if value:
                return value
    for el in times:
        value = normalize_date(el.get("datetime"))
        if value:
            return value
    return None


def _byline_date(tree: HtmlElement) -> str | None:
    for el in tree.xpath("//body//*[@class or @id]"):
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "body", "html"):
            continue
        if DATE_CLASS.search(_classes(el)) and not _in_foreign_block(el):
            text = _text(el)
            if text and len(text) <= MAX_BYLINE_CHARS:
                value = normalize_date(text)
                if value:
                    return value
    return None


def _htmldate(tree: HtmlElement, url: str | None) -> str | None:
    from htmldate import find_date

    try:
        found = find_date(tree, url=url, original_date=True, extensive_search=True,
                          outputformat="%Y-%m-%d")
    except (ValueError, TypeError):
        return None
    return normalize_date(found)


def _meta_authors(meta: dict[str, str]) -> list[str]:
    names: list[str] = []
    for key in AUTHOR_META:
        value = meta.get(key)
        if value and not value.lower().startswith(("http://", "https://", "www.")):
            names.extend(split_authors(value))
        if names:
            break
    return names


def _byline_authors(tree: HtmlElement) -> list[str]:
    for el in tree.xpath('//body//*[@itemprop="author"] | //body//a[@rel="author"]'):
        if _in_foreign_block(el):
            continue
        named = el.xpath('.//*[@itemprop="name"]')
        text = (named[0].get("content") or _text(named[0])) if named else _text(el)
        if text and len(text) <= MAX_BYLINE_CHARS:
            found = split_authors(text)
            if found:
                return found
    for el in tree.xpath("//body//*[@class or @id]"):
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "body", "html", "img", "meta"):
            continue
        if BYLINE_CLASS.search(_classes(el)) and not _in_foreign_block(el):
            text = _text(el)
            if text and len(text) <= MAX_BYLINE_CHARS:
                found = split_authors(text)
                if found:
                    return found
    return []


def _window_authors(window: str) -> list[str]:
    """Names after "By" / "Written by" / "Author:" in the text under the headline."""
    m = BYLINE_IN_TEXT.search(window)
    return split_authors(m.group(1)) if m else []


def _author_link_names(tree: HtmlElement) -> list[str]:
    """Text of links to author pages (/author/slug: WordPress and most CMSs)."""
    for link in tree.xpath("//body//a[@href]"):
        if AUTHOR_HREF.search(link.get("href") or "") and not _in_foreign_block(link):
            text = _text(link)
            if text and len(text) <= MAX_BYLINE_CHARS:
                found = split_authors(text)
                if found:
                    return found
    return []


def _trafilatura_authors(tree: HtmlElement) -> list[str]:
    """trafilatura's byline XPaths, a wider net than ours for templates we do not know."""
    from trafilatura.metadata import extract_author

    found = extract_author(tree)
    return split_authors(found) if found else []


def _authors(stages: list[Callable[[], list[str]]], outlets: list[str | None]) -> list[str]:
    """People from the first source that names any; the outlet credited as its own author
    only when no source names anyone else (company blogs, one-person sites)."""
    seen: list[list[str]] = []
    for stage in stages:
        names = stage()
        people = without_outlets(names, outlets)
        if people:
            return people
        seen.append(names)
    return next((names for names in seen if names), [])


def _canonical(tree: HtmlElement, meta: dict[str, str], url: str | None) -> str | None:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return urljoin(url or "", link.get("href").strip())
    og = meta.get("og:url")
    if og:
        return urljoin(url or "", og)
    return url


def _language(tree: HtmlElement, meta: dict[str, str], ld_language: str | None) -> str | None:
    raw = (tree.get("lang") or tree.get("xml:lang") or meta.get("content-language")
           or meta.get("og:locale") or meta.get("language") or ld_language or "")
    code = re.split(r"[-_,;\s]", raw.strip().lower(), maxsplit=1)[0]
    return code if re.fullmatch(r"[a-z]{2}", code) else None


def _outlet(meta: dict[str, str], ld_site: str | None, ld_publisher: str | None,
            url: str | None) -> str | None:
    for value in (meta.get("og:site_name"), ld_publisher, ld_site, meta.get("application-name")):
        name = clean_site_name(value)
        if name:
            return name
    return None


def extract_metadata(tree: HtmlElement, url: str | None = None) -> PageMetadata:
    meta = meta_tags(tree)
    ld = read_jsonld(tree)
    page_url = url or meta.get("og:url")
    outlet = _outlet(meta, ld.site_name, ld.publisher, page_url)
    title = choose_title(tree, meta, ld.headline, site_names=[outlet, ld.site_name, ld.publisher],
                         url=page_url)
    h1 = headline_element(tree, title)
    shown = headline_date(h1)
    machine = (normalize_date(ld.published) or _first_date(tree, meta) or _byline_date(tree)
               or normalize_date(ld.page_published))
    if shown is not None and machine is not None and shown.value[:10] == machine[:10]:
        published = machine  # the same day, and the machine-readable form has time and offset
    elif shown is not None and (shown.label != "updated" or machine is None):
        published = shown.value
    else:
        published = machine or _htmldate(tree, page_url)
    outlets = [outlet, ld.publisher, ld.site_name, meta.get("og:site_name")]
    ld_people = [a for name in ld.authors
                 for a in (split_authors(name) if " and " in name else [clean_name(name)]) if a]
    authors = _authors([lambda: merge_authors(ld_people), lambda: _meta_authors(meta),
                        lambda: _byline_authors(tree), lambda: _window_authors(headline_window(h1)),
                        lambda: _author_link_names(tree), lambda: _trafilatura_authors(tree),
                        lambda: merge_authors([a for a in map(clean_name, ld.org_authors) if a])],
                       outlets)
    outlet = outlet or site_from_title(tree.findtext(".//title"), title)
    return PageMetadata(
        title=title,
        published=published,
        modified=normalize_date(ld.modified) or normalize_date(meta.get("article:modified_time")),
        authors=authors,
        outlet=outlet,
        canonical_url=_canonical(tree, meta, url),
        language=_language(tree, meta, ld.language),
    )

