"""Article body from HTML: trafilatura tuned for news pages, then cleaned line by line.

trafilatura is run twice, favouring precision and favouring recall, without reader
comments. The precise run drops less chrome but now and then loses most of an article
whose text is split over several containers; when it keeps far less text than the
recall run, the recall run is taken. The chosen text is then cleaned: the headline
repeated at the top, byline and date lines, photo captions and credits (kept apart in
`captions`), "originally published in ..." notes (kept in `notes`) and share/subscribe
lines are taken out; paragraphs are joined by a blank line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml.html import HtmlElement

# When the precision-favouring run keeps less than this share of the recall run's text,
# it has lost part of the article and the recall run is used instead. Calibrated on the
# scrapinghub (181 news pages) and wcxb (711 article pages) benchmarks: 0.5-0.8 are about
# equal on body F1; lower loses articles split over several containers, higher keeps
# related-link lists.
MIN_PRECISE_SHARE = 0.7
# Captions and credits are short; longer "caption" elements are galleries or teasers
# (calibrated on news photo captions, which stay under ~350 characters).
MAX_CAPTION_CHARS = 400
# Lines at the top of the text that may still be headline, byline or date lines.
HEAD_LINES = 4
# Lines at the end that may be share/subscribe/tag chrome.
TAIL_LINES = 6

# Every class test below holds "caption" or "credit": elements without either are passed
# over first, which spares the string functions on most of the page (same nodes, 4x faster).
CAPTION_XPATH = (
    "//figcaption | //*[@class][contains(@class, 'caption') or contains(@class, 'credit')]"
    "[contains(concat(' ', normalize-space(@class), ' '), ' caption ')"
    " or contains(@class, 'wp-caption-text') or contains(@class, 'image-caption')"
    " or contains(@class, 'photo-caption') or contains(@class, 'media-caption')"
    " or contains(@class, 'image-credit') or contains(@class, 'photo-credit')"
    " or contains(@class, 'img-credit') or contains(@class, 'caption-text')]"
)
CREDIT_LINE = re.compile(
    r"^(?:\(?(?:photo|image|picture|foto|фото|illustration|graphic|video)s?\s*(?:credit)?\s*[:/©]"
    r"|\(?(?:photo|image|picture|illustration)s?\s+(?:by|courtesy(?: of)?)\b"
    r"|©|\(c\)\s|copyright\s+(?:photo|image)|credit:|source:\s*(?:getty|reuters|ap|afp|shutterstock)"
    r"|\(?(?:getty images|shutterstock|reuters|ap photo|afp)\b[^.]{0,40}\)?$)",
    re.IGNORECASE,
)
NOTE_LINE = re.compile(
    r"^(?:\W*)(?:this (?:article|story|piece|post|essay|column|interview|report) "
    r"(?:was |is |has been |first |originally )*(?:originally |first )?(?:published|appeared|posted|ran)"
    r"|(?:a version of this|an earlier version of this) (?:article|story|piece)"
    r"|(?:originally|first) (?:published|appeared|posted) (?:in|on|at|by)\b"
    r"|(?:republished|reprinted|syndicated) (?:from|with permission|under)\b)",
    re.IGNORECASE,
)
BYLINE_LINE = re.compile(
    r"^(?:by\s+\S|written by\b|posted by\b|posted on\b|published\b|updated\b|last updated\b|"
    r"author:|reporting by\b|\d+\s+min(?:ute)?s?\s+read\b|reading time\b)",
    re.IGNORECASE,
)
DATE_ONLY_LINE = re.compile(
    r"^[\W\d]*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s*)?"
    r"(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|"
    r"\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4})"
    r"[\s,]*(?:(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?)?[\W]*$",
    re.IGNORECASE,
)
CHROME_LINE = re.compile(
    r"^(?:share (?:this|on|via)\b|share$|tweet$|like this (?:story|article)\b|"
    r"(?:sign up|subscribe)\b.{0,80}(?:newsletter|inbox|updates|free)|"
    r"follow us\b|click here\b|read more\b:?$|related(?: articles| stories| posts)?:?$|"
    r"tags?:|topics?:|filed under\b|more from\b|also on\b|advertisement$|"
    r"tell us what you think|(?:\d+\s+)?comments?$|leave a (?:comment|reply)\b|"
    r"(?:please )?(?:enable|turn on) javascript\b|we use cookies\b)",
    re.IGNORECASE,
)

# Cross-links news templates drop between paragraphs ("READ MORE: <other headline>",
# "Related: ...", "Also on <site> ..."): chrome wherever they stand.
INLINE_CHROME = re.compile(
    r"^(?:read more|see more|see also|related(?: coverage| content| article| story)?|also read|"
    r"more from [^:]{1,40}|must read|recommended|don'?t miss|trending|also on \S+\.\w+)\s*(?::|\||$)"
    r"|^also on \S+\.\w+\b",
    re.IGNORECASE,
)
# Contact lines and widget messages that sit inside article containers.
WIDGET_LINE = re.compile(
    r"^(?:write to|email|contact) .{1,60}\bat \S+@\S+$"
    r"|^an error (?:has )?occurred\b|^(?:please )?try again later\b",
    re.IGNORECASE,
)
TAG_LABEL = re.compile(r"^(?:tags?|topics?|keywords?|filed under|categor(?:y|ies))\s*:?$", re.IGNORECASE)
# Labels of page controls that text extraction leaves as lines of their own.
UI_LABELS = frozenset({
    "updated", "image", "images", "caption", "close", "by", "text size", "print", "print article",
    "order reprints", "reprints", "email", "e-mail", "share", "share this", "advertisement",
    "ad", "comments", "comment", "photo", "video", "listen", "play", "loading", "expand",
    "collapse", "more", "previous", "next", "show more", "hide caption", "toggle caption",
    "enlarge this image", "skip advertisement", "story continues below advertisement",
})


@dataclass(frozen=True, kw_only=True)
class Body:
    text: str
    captions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _fold(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def page_captions(tree: HtmlElement) -> list[str]:
    """Photo captions and credits written in the page's markup."""
    out: list[str] = []
    seen: set[str] = set()
    for el in tree.xpath(CAPTION_XPATH):
        text = " ".join(el.text_content().split())
        key = _fold(text)
        if text and len(text) <= MAX_CAPTION_CHARS and key and key not in seen:
            seen.add(key)
            out.append(text)
    return out


def run_trafilatura(html: str | HtmlElement, url: str | None) -> str:
    """The precise run, or the recall run when the precise one lost part of the article.
    Given the page's tree, each run works on its own copy instead of parsing the page again."""
    import trafilatura

    common = {"url": url, "include_comments": False, "include_tables": True, "deduplicate": False}
    precise = trafilatura.extract(html, favor_precision=True, **common) or ""
    recall = trafilatura.extract(html, favor_recall=True, **common) or ""
    if not recall or len(precise) >= MIN_PRECISE_SHARE * len(recall):
        return precise
    return recall


def _is_caption(line: str, caption_keys: set[str]) -> bool:
    key = _fold(line)
    if not key:
        return False
    if key in caption_keys:
        return True
    return len(line) <= MAX_CAPTION_CHARS and bool(CREDIT_LINE.match(line))


def clean_lines(text: str, *, title: str | None, captions: list[str], authors: list[str]) -> Body:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    caption_keys = {_fold(c) for c in captions}
    title_key = _fold(title or "")
    author_keys = {_fold(a) for a in authors}
    moved_captions: list[str] = []
    notes: list[str] = []
    kept: list[str] = []
    for i, line in enumerate(lines):
        key = _fold(line)
        at_head = i < HEAD_LINES and not kept
        at_tail = i >= len(lines) - TAIL_LINES
        if at_head and title_key and key == title_key:
            continue
        if at_head and (DATE_ONLY_LINE.match(line) or key in author_keys
                        or (BYLINE_LINE.match(line) and len(line) < 120)):
            continue
        if NOTE_LINE.match(line):
            notes.append(line)
            continue
        if _is_caption(line, caption_keys):
            moved_captions.append(line)
            continue
        if at_tail and CHROME_LINE.match(line) and len(line) < 160:
            continue
        if key in UI_LABELS or WIDGET_LINE.match(line) or (INLINE_CHROME.match(line) and len(line) < 200):
            continue
        if at_tail and i > 0 and TAG_LABEL.match(lines[i - 1]) and line.count(",") >= 1 and "." not in line[-2:]:
            continue  # the tag list after a "Tags" label
        if at_tail and TAG_LABEL.match(line):
            continue
        kept.append(line)
    while kept and CHROME_LINE.match(kept[-1]) and len(kept[-1]) < 160:
        kept.pop()
    all_captions = list(captions)
    for line in moved_captions:
        if _fold(line) not in caption_keys:
            all_captions.append(line)
    return Body(text="\n\n".join(kept), captions=all_captions, notes=notes)


def fragment_text(tree: HtmlElement) -> str:
    """The text of a page fragment, one line per top-level element (scripts and styles left out).

    trafilatura wants an article-sized page and returns nothing for a short fragment such as
    a feed item's `<p>...</p>`, which is all the article there is."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    lines = [root.text or ""]
    for child in root:
        if isinstance(child.tag, str) and child.tag.lower() not in ("script", "style", "template", "noscript"):
            lines.append(child.text_content())
        lines.append(child.tail or "")
    return "\n".join(line.strip() for line in lines if line and line.strip())


def extract_body(html: str, tree: HtmlElement, url: str | None, *, title: str | None,
                 authors: list[str], fragment: bool = False) -> Body:
    # a fragment's tree is wrapped in a document of ours: trafilatura is given the markup as it came
    raw = run_trafilatura(html if fragment else tree, url)
    if not raw.strip() and fragment:
        raw = fragment_text(tree)
    return clean_lines(raw, title=title, captions=page_captions(tree), authors=authors)
