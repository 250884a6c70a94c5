"""The demo corpus in samples/: its own properties, checked without any NLP.

The corpus is data that other tests and the demo rely on (issue 2: at least 40 reports from
at least 5 invented outlets over at least three months; issue 8: events reported by several
outlets, listed in samples/expected_links.json). These tests keep those promises true when
files are added or edited.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
CORPUS = SAMPLES / "corpus"
FILE_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.(html|txt)$")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

# Promises made in issue 2 and in samples/README.md.
MIN_FILES = 40
MIN_OUTLETS = 5
MIN_SPAN_DAYS = 90
MIN_MULTI_OUTLET_EVENTS = 6
# Share of each format: "about half" HTML, "about half" scraped text.
MIN_FORMAT_SHARE = 0.35
# Body length of a short news report, in words, as the extractor returns it; looser than the
# 150-400 words the reports are written to, because a cleaner may keep a standfirst or a
# "Read also" line, or drop a dateline.
MIN_BODY_WORDS, MAX_BODY_WORDS = 120, 480

# Elements of a page that are site chrome, not the article's visible body.
CHROME_TAGS = {"script", "style", "head", "nav", "header", "footer", "aside", "form", "figure",
               "button", "noscript", "template", "textarea"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
             "track", "wbr"}


class _BodyText(HTMLParser):
    """Visible text of a page outside chrome elements, one block per element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            return
        if self.depth or tag in CHROME_TAGS:
            self.depth += 1
        if tag in {"p", "div", "li", "h1", "h2", "h3", "h4", "section", "article"}:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS:
            return
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data)


def body_text(path: Path) -> str:
    """The text a reader sees in the article: whole file for scraped text, visible body for HTML."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".txt":
        return raw
    parser = _BodyText()
    parser.feed(raw)
    parser.close()
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip(f"no demo corpus at {CORPUS}")
    return sorted(p for p in CORPUS.iterdir() if p.is_file() and not p.name.startswith("."))


def outlets() -> dict[str, dict[str, str]]:
    return json.loads((SAMPLES / "outlets.json").read_text(encoding="utf-8"))["outlets"]


def outlet_of(path: Path, known: dict[str, dict[str, str]]) -> str:
    """Outlet slug of a corpus file from its name (<date>-<outlet-slug>-<short-slug>.<ext>)."""
    rest = FILE_NAME.match(path.name).group(2)  # type: ignore[union-attr]
    matches = [slug for slug in known if rest.startswith(slug + "-")]
    assert len(matches) == 1, f"{path.name}: no single known outlet slug in {sorted(known)}"
    return matches[0]


def groups() -> list[dict]:
    return json.loads((SAMPLES / "expected_links.json").read_text(encoding="utf-8"))


def all_reports(group: dict) -> list[dict]:
    return list(group["reports"]) + list(group.get("also_mentioned_in", []))


def test_samples_corpus_has_enough_files_named_by_date_outlet_and_slug() -> None:
    files = corpus_files()
    assert len(files) >= MIN_FILES
    bad = [p.name for p in files if not FILE_NAME.match(p.name)]
    assert not bad, f"names not <yyyy-mm-dd>-<outlet>-<slug>.(html|txt): {bad}"
    for p in files:
        dt.date.fromisoformat(FILE_NAME.match(p.name).group(1))  # type: ignore[union-attr]
    html_share = sum(p.suffix == ".html" for p in files) / len(files)
    assert MIN_FORMAT_SHARE <= html_share <= 1 - MIN_FORMAT_SHARE


def test_samples_corpus_comes_from_enough_invented_outlets() -> None:
    files = corpus_files()
    known = outlets()
    per_outlet: dict[str, int] = {}
    for p in files:
        slug = outlet_of(p, known)
        assert p.suffix == "." + known[slug]["format"], f"{p.name}: {slug} publishes {known[slug]['format']}"
        per_outlet[slug] = per_outlet.get(slug, 0) + 1
    assert len(per_outlet) >= MIN_OUTLETS
    assert set(per_outlet) == set(known), "every listed outlet has reports, and only listed outlets"


def test_samples_html_pages_carry_site_name_and_publication_time() -> None:
    known = outlets()
    for p in corpus_files():
        if p.suffix != ".html":
            continue
        raw = p.read_text(encoding="utf-8")
        name = known[outlet_of(p, known)]["name"]
        assert f'<meta property="og:site_name" content="{name}">' in raw, p.name
        day = FILE_NAME.match(p.name).group(1)  # type: ignore[union-attr]
        assert re.search(rf'(?:datetime="|content="|"datePublished": "){day}T\d\d:\d\d', raw), f"{p.name}: no machine-readable {day}"


def test_samples_each_report_shows_its_own_publication_date() -> None:
    for p in corpus_files():
        day = dt.date.fromisoformat(FILE_NAME.match(p.name).group(1))  # type: ignore[union-attr]
        raw = p.read_text(encoding="utf-8")
        shown = (day.isoformat(), f"{day:%d.%m.%Y}", f"{day.day} {MONTHS[day.month - 1]} {day.year}",
                 f"{day.day:02d} {MONTHS[day.month - 1]} {day.year}", f"{MONTHS[day.month - 1]} {day.day}, {day.year}")
        assert any(s in raw for s in shown), f"{p.name}: publication date not shown on the page"


def test_samples_corpus_spans_at_least_three_months() -> None:
    days = sorted(dt.date.fromisoformat(FILE_NAME.match(p.name).group(1)) for p in corpus_files())  # type: ignore[union-attr]
    assert (days[-1] - days[0]).days >= MIN_SPAN_DAYS
    months = {(d.year, d.month) for d in days}
    assert len(months) >= 4, "reports in at least four calendar months"


def test_samples_readme_lists_every_corpus_file() -> None:
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    missing = [p.name for p in corpus_files() if p.name not in readme]
    assert not missing, f"samples/README.md does not list {missing}"
    assert "invented" in readme.lower()


def test_samples_expected_links_are_well_formed_multi_outlet_groups() -> None:
    known = outlets()
    gs = groups()
    assert len(gs) >= MIN_MULTI_OUTLET_EVENTS
    for g in gs:
        assert re.fullmatch(r"[A-Z]{3}", g["source"]) and re.fullmatch(r"[A-Z]{3}", g["target"]), g["event"]
        assert re.fullmatch(r"\d\d", g["cameo_root"]) and 1 <= int(g["cameo_root"]) <= 20, g["event"]
        happened = dt.date.fromisoformat(g["date"])
        reports = g["reports"]
        assert len(reports) >= 2, f"{g['event']}: fewer than two reports"
        slugs = [outlet_of(SAMPLES / r["file"], known) for r in reports]
        assert len(set(slugs)) == len(slugs), f"{g['event']}: two reports from one outlet {slugs}"
        files = [r["file"] for r in all_reports(g)]
        assert len(set(files)) == len(files), f"{g['event']}: a file listed twice"
        for r in all_reports(g):
            path = SAMPLES / r["file"]
            assert path.is_file(), r["file"]
            published = dt.date.fromisoformat(FILE_NAME.match(path.name).group(1))  # type: ignore[union-attr]
            assert published >= happened, f"{r['file']} is dated before the event it reports"


def test_samples_every_evidence_is_in_its_report_body() -> None:
    texts: dict[str, str] = {}
    for g in groups():
        for r in all_reports(g):
            text = texts.setdefault(r["file"], body_text(SAMPLES / r["file"]))
            assert r["evidence"] in text, f"{r['file']}: evidence not in the body text: {r['evidence']!r}"
            assert "\n" not in r["evidence"] and r["evidence"] == r["evidence"].strip()


def test_samples_body_text_excludes_chrome() -> None:
    """The helper the evidence check relies on really drops menus, related links and footers."""
    page = ('<html><head><title>T</title></head><body><nav><a>Politics</a></nav><article><h1>Title</h1>'
            '<p>Body &amp; more.</p><aside><ul><li>Related story</li></ul></aside></article>'
            '<footer>&copy; 2025</footer></body></html>')
    parser = _BodyText()
    parser.feed(page)
    text = "".join(parser.parts)
    assert "Body & more." in text and "Title" in text
    assert "Politics" not in text and "Related story" not in text and "2025" not in text
    assert html.unescape("&copy;") not in text


def test_samples_evidence_survives_extraction() -> None:
    """What the linking tests need: each evidence string is in the extracted text, and bodies are report-sized."""
    try:
        from dyadwatch import api
    except ImportError as e:  # pragma: no cover - depends on the environment
        pytest.skip(f"dyadwatch is not importable here ({e})")
    docs = {Path(d.source.path or "").name: d for d in api.extract([str(CORPUS)], stages=["extract"])}
    assert len(docs) == len(corpus_files())
    for g in groups():
        for r in all_reports(g):
            doc = docs.get(Path(r["file"]).name)
            assert doc is not None, f"{r['file']} was not extracted"
            assert r["evidence"] in doc.text, f"{r['file']}: extraction lost {r['evidence']!r}"
    for name, doc in docs.items():
        words = len(doc.text.split())
        assert MIN_BODY_WORDS <= words <= MAX_BODY_WORDS, f"{name}: {words} words of body text"
