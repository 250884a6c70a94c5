"""HTML pages: body text and metadata (interface used by the extraction stage)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, kw_only=True)
class HtmlArticle:
    text: str
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    captions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def extract_html(html: str, url: str | None = None) -> HtmlArticle:
    """Body and metadata of one HTML page (placeholder: trafilatura's defaults)."""
    import trafilatura

    return HtmlArticle(text=trafilatura.extract(html, url=url) or "")
