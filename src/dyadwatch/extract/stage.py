"""The extraction stage: an input record becomes a document record with clean text."""
from __future__ import annotations

import hashlib

from ..errors import InputError
from ..models import Document, InputRecord, Source
from ..pipeline import Work, register


def content_id(inp: InputRecord) -> str:
    """The input's own id when it gives one, else sha256 of its content."""
    if inp.id:
        return inp.id
    raw = inp.data if inp.data is not None else (inp.html or inp.text or "").encode("utf-8")
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def extract_document(inp: InputRecord) -> Document:
    """Build the document record for one input (placeholder until the extraction issue)."""
    if inp.text is not None:
        text = inp.text
    elif inp.html is not None or inp.content_type == "text/html":
        import trafilatura

        html = inp.html if inp.html is not None else (inp.data or b"").decode("utf-8", "replace")
        text = trafilatura.extract(html) or ""
    elif inp.data is not None:
        text = inp.data.decode("utf-8", "replace")
    else:
        raise InputError("empty", "the input has no content: give html, text or a file")
    return Document(
        id=content_id(inp),
        source=Source(path=inp.path, url=inp.url),
        outlet=inp.outlet,
        title=inp.title,
        published=inp.published,
        authors=inp.authors or [],
        language=inp.language or "en",
        text=text,
    )


@register("extract", 1, requires=["input"], provides=["text", "metadata"])
def extract_stage(work: Work) -> Work:
    """Clean article text, title, date, authors, outlet, captions and language."""
    work.doc = extract_document(work.input)
    return work
