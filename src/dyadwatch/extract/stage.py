"""The extraction stage: an input record becomes a document record with clean text.

Three kinds of input reach it:
- plain `text` given in an input record: kept exactly as given (callers hold offsets into
  it), only its language is found when not given;
- HTML (given, or bytes that are a page): body and metadata from `extract_html`;
- bytes of text (files, stdin, text/plain responses): decoded, normalised and cleaned of
  site chrome by the line cleaner.
Fields given with the input (title, published, outlet, authors, language) win over the
extracted ones. Input that holds no article raises InputError with a stable reason.
"""
from __future__ import annotations

import hashlib
import re

from ..errors import InputError
from ..models import Document, InputRecord, Source
from ..pipeline import Work, register
from .encoding import decode_bytes
from .html import HtmlArticle as Extracted
from .language import detect_language
from .normalize import normalize_text, replace_surrogates
from .textclean import clean_scraped_text

# A page or text larger than this is refused (the same limit the readers apply to files:
# real articles are far smaller, and extraction time grows with size).
MAX_INPUT_CHARS = 5 * 1024 * 1024
HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|\?xml)\b", re.I | re.S)
HTML_TAGS = re.compile(r"<(?:p|div|body|head|article|meta|title)\b[^>]*>", re.I)
# Tags among the first characters that make text a page even without a doctype.
MIN_HTML_TAGS = 3
HTML_SNIFF_CHARS = 4096


def content_id(inp: InputRecord) -> str:
    """The input's own id when it gives one, else sha256 of its content."""
    if inp.id:
        return inp.id
    raw = inp.data if inp.data is not None else (inp.html or inp.text or "").encode("utf-8")
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def is_html(text: str, content_type: str | None) -> bool:
    """A page by its declared type, or by its first characters."""
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind in ("text/html", "application/xhtml+xml"):
        return True
    head = text[:HTML_SNIFF_CHARS]
    return bool(HTML_START.match(head)) or len(HTML_TAGS.findall(head)) >= MIN_HTML_TAGS


def tidy(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(normalize_text(value).split())
    return value or None


def from_html(html: str, url: str | None) -> Extracted:
    from .html import extract_html

    if len(html) > MAX_INPUT_CHARS:
        raise InputError("too-large", f"the page has {len(html):,} characters; the limit is {MAX_INPUT_CHARS:,}")
    art = extract_html(html, url)
    return Extracted(
        text=normalize_text(art.text or "").strip(),
        title=tidy(art.title),
        published=art.published,
        authors=[a for a in (tidy(x) for x in art.authors) if a],
        outlet=tidy(art.outlet),
        canonical_url=art.canonical_url,
        language=art.language,
        captions=[c for c in (tidy(x) for x in art.captions) if c],
        notes=[n for n in (tidy(x) for x in art.notes) if n],
    )


def from_scraped(text: str) -> Extracted:
    if len(text) > MAX_INPUT_CHARS:
        raise InputError("too-large", f"the text has {len(text):,} characters; the limit is {MAX_INPUT_CHARS:,}")
    art = clean_scraped_text(normalize_text(text))
    return Extracted(text=art.text, title=art.title, published=art.published, authors=art.authors,
                     outlet=art.outlet, captions=art.captions, notes=art.notes)


def extract_content(inp: InputRecord) -> Extracted:
    """Body and metadata from whatever the input carries."""
    if inp.text is not None:
        if not inp.text.strip():
            raise InputError("empty", "the input record's text is empty")
        return Extracted(text=replace_surrogates(inp.text))
    if inp.html is not None:
        if not inp.html.strip():
            raise InputError("empty", "the input record's html is empty")
        return from_html(inp.html, inp.url)
    if inp.data is not None:
        decoded = decode_bytes(inp.data, content_type=inp.content_type)
        if is_html(decoded.text, inp.content_type):
            return from_html(decoded.text, inp.url)
        return from_scraped(decoded.text)
    raise InputError("empty", "the input has no content: give html, text or a file")


def extract_document(inp: InputRecord) -> Document:
    """The document record for one input: clean text and metadata, given fields first."""
    art = extract_content(inp)
    if not art.text.strip():
        raise InputError("no-text", "no article text found (the page holds only navigation, lists or markup)")
    return Document(
        id=content_id(inp),
        source=Source(path=inp.path, url=inp.url),
        outlet=inp.outlet or art.outlet,
        title=inp.title or art.title,
        published=inp.published or art.published,
        authors=inp.authors or art.authors,
        language=inp.language or detect_language(art.text) or art.language,
        text=art.text,
        captions=art.captions,
        canonical_url=art.canonical_url,
        notes=art.notes,
    )


@register("extract", 1, requires=["input"], provides=["text", "metadata"])
def extract_stage(work: Work) -> Work:
    """Clean article text, title, date, authors, outlet, captions and language."""
    work.doc = extract_document(work.input)
    return work
