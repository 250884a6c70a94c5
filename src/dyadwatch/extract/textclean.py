"""Scraped article text with its site chrome: a line-level cleaner.

When a page arrives as text (copied or scraped without its markup), HTML extractors cannot
help. What remains is how news pages are built: a header of short menu items, tickers and
dates; a headline; a lead and body paragraphs written as sentences; photo captions with a
credit; a footer with author, source and republication notes; then lists of other stories
under "All news"-style headings, share buttons and subscription prompts.

Each line is given a kind from its own form (`classify`). The body is the largest run of
prose lines that no end-of-article heading or footer interrupts; the title is the headline
nearest above it; dates, bylines, captions and notes are read from their own lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .datelines import find_date, line_date, wire_dateline

# --- thresholds (calibrated on how news pages are laid out, not on any one page) ---------
# A line of running text has at least this many words and ends like a sentence. Menu items
# and link titles are shorter or end without punctuation.
PROSE_MIN_WORDS = 4
# A line this long is prose even without final punctuation (a paragraph cut off by the
# scraper, a lead written without a full stop); headlines stay well under it.
PROSE_MIN_WORDS_UNENDED = 25
# Headlines run 3 to ~25 words; longer unpunctuated lines are text, shorter ones menu items.
TITLE_MIN_WORDS, TITLE_MAX_WORDS = 3, 30
# How many non-blank lines above the body the headline may sit (dates, captions, bylines
# and tickers between them are skipped and do not count).
TITLE_LOOKBACK = 6
# Non-prose lines tolerated inside a body before it is taken to have ended (an inline
# caption, an ad label, a "read also" link, a subheading).
MAX_BODY_GAP = 4
# The first run of prose with at least this many characters and this share of the largest
# run is the article (a short news item is ~500 characters; comment threads and lists of
# other stories below an article often add up to three times the article's length).
MIN_ARTICLE_CHARS = 500
EARLY_RUN_SHARE = 0.25
# Headline-like lines in a row form a link list (other stories), not subheadings.
LINK_LIST_MIN_RUN = 3
# Captions and credits are short; a long line that mentions a photo is text.
CAPTION_MAX_WORDS = 40
# Bylines and source lines are short; share and subscription prompts too.
BYLINE_MAX_WORDS = 14
PROMPT_MAX_WORDS = 14
# A "click here" line longer than this is a paragraph that happens to say it.
CLICK_MAX_WORDS = 40
# Hard-wrapped text (lines broken at a fixed width inside paragraphs): a line this long or
# longer that does not end a sentence continues on the next line. Text wrapped at 60-80
# columns has most lines above it; menu items and headlines are below.
WRAP_MIN_CHARS = 55
WRAP_MAX_CHARS = 100
# A block is hard-wrapped when it has this many lines and this share of them (all but the
# last) fall in the width band above.
WRAP_MIN_BLOCK_LINES = 3
WRAP_BLOCK_SHARE = 0.8

# --- vocabularies: the words sites use for their chrome (English and Russian) -------------
# Headings that open the lists of other stories below an article: nothing after them is the
# article's body.
END_HEADINGS = (
    "all news", "more news", "show more news", "show more", "load more", "latest news", "latest",
    "most read", "most popular", "popular", "related", "related news", "related articles",
    "related stories", "read more", "see also", "more on this topic", "more stories", "top stories",
    "recommended", "you may also like", "you might also like", "comments", "leave a comment",
    "news feed", "news from partners", "partner news", "other news", "editor's picks", "trending",
    "все новости", "еще новости", "ещё новости", "показать еще", "показать ещё", "читайте также",
    "новости по теме", "по теме", "популярное", "главное", "комментарии", "лента новостей",
    "новости партнеров", "другие новости", "самое читаемое",
)
# Lines that are page furniture wherever they stand.
CHROME_LINES = (
    "advertisement", "advertising", "sponsored", "sponsored content", "ad", "menu", "search",
    "home", "print", "email", "e-mail", "close", "back to top", "skip to content", "top",
    "реклама", "меню", "поиск", "главная", "наверх", "версия для печати",
)
PROMPT = re.compile(
    r"^(?:share(?: this| on| via|:)?|tweet|follow us|follow|subscribe|sign up|join us|like us|"
    r"download (?:our|the) app|get the app|поделиться|подписаться|подпишитесь|следите за)\b",
    re.I,
)
# Headings of reader-comment sections ("[ 167 comments ]", "Top rated comments", "Leave a
# reply"): comments follow the article and are often longer than it.
COMMENT_HEADING = re.compile(
    r"^\W*(?:\d+\s+comments?|(?:top rated |reader |show |view all |all )?comments(?: \(\d+\))?|leave a (?:reply|comment)|"
    r"join the (?:discussion|conversation)|add (?:a|your) comment|\d+\s+комментари\w*|оставить комментарий)\W*$",
    re.I,
)
LEGAL = re.compile(
    r"^(?:©|\(c\)|copyright\b)|all rights reserved|все права защищены|"
    r"\b(?:uses?|accept|consent to|allow)\b.{0,40}\bcookies\b|\bcookies?\b.{0,60}\b(?:policy|settings|consent|browser)\b|"
    r"\b(?:requires|enable|turn on) javascript\b|используем (?:файлы )?cookie",
    re.I,
)
CLICK = re.compile(r"\bclick here\b|\bнажмите здесь\b|\bподробнее по ссылке\b", re.I)
LINK_PREFIX = re.compile(
    r"^(?:read (?:also|more|next)|see also|also read|related|more|watch|listen|"
    r"читайте (?:также|еще|ещё)|смотрите (?:также)?|по теме)\s*[:»>|-]", re.I,
)
# A caption ends with (or is) a photo credit.
CAPTION = re.compile(
    r"(?:^|[\s.(|/,])(?:photos?|photograph|image|picture|illustration|video|credit|"
    r"фото|фотография|иллюстрация|кадр|видео)(?:\s+(?:by|credit|courtesy(?: of)?)\b|\s*[:/©])\s*\S"
    r"|^©|\(©|\b(?:getty images|shutterstock|depositphotos|alamy)\s*\)?\.?$",
    re.I,
)
BYLINE = re.compile(
    r"^(?:authors?|written by|reporting by|text|автор|авторы|текст)\s*[:–—-]\s*(?P<names>.+?)"
    r"(?:\s*[.;|,]?\s+(?:source|источник)\s*[:–—-]\s*(?P<source>.+))?$",
    re.I,
)
BY = re.compile(r"^(?i:by|written by|reporting by|words by|posted by|story by)\s+(?P<names>[A-ZА-ЯЁ].+)$")
# Where the names of a byline end: a semicolon, or a bar, bullet or spaced dash before a date,
# an outlet or a place.
BYLINE_TAIL = re.compile(r"\s*;\s*|\s+[|•·]\s*|\s+[-–—]\s+")
SOURCE = re.compile(r"^(?:source|источник)\s*[:–—-]\s*(?P<source>.+)$", re.I)
NOTE = re.compile(
    r"\b(?:originally|first)\s+(?:published|appeared|posted|ran)\b|\bвпервые опубликован|"
    r"\bопубликован[аоы]?\s+(?:на|в)\s+(?:сайте|издании|газете)",
    re.I,
)
# Words that say a "Source:" line names a person or a desk, not an outlet.
ROLE_WORDS = re.compile(r"\b(?:correspondent|reporter|staff|own|editor|author|desk|корреспондент|редакц)", re.I)
QUOTED = re.compile(r"[‘“«\"„]([^‘’“”«»\"„]{2,60})[’”»\"“]")
NAMED_AFTER = re.compile(r"\b(?:in|by|at)\s+(?:the\s+)?((?:[A-Z][\w&.'’-]*)(?:\s+(?:[A-Z][\w&.'’-]*|of|and))*)")
NAME_PART = re.compile(r"^(?:[A-ZА-ЯЁ][\w'’.-]*|de|da|van|von|al|el|bin|ibn|ben|der|la|le)$")
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”»’)]*\s+(?=[A-ZА-ЯЁ\"“«])")
TICKER_TOKEN = re.compile(r"^(?:[^\w\s]|[A-Z]{3}(?:/[A-Z]{3})?|[^\w\s]*[+\-−–]?[\d.,]*\d[\d.,]*%?[^\w\s]*)$")
WORD = re.compile(r"\S+")
TERMINAL = ".!?…:;。！？"
# Chinese, Japanese and Korean characters: text in these scripts has no spaces between
# words; about two characters make a word for the length thresholds above.
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
UNSPACED_CHARS_PER_WORD = 2
CLOSERS = "\"”»’')]」』）"

PROSE, HEADLINE, SHORT, TICKER, DATE, END, CHROME, LINK, CAPTION_LINE, BYLINE_LINE, NOTE_LINE = (
    "prose", "headline", "short", "ticker", "date", "end", "chrome", "link", "caption", "byline", "note",
)
# Kinds that close a body: after them the page is past its article.
HARD_BREAKS = frozenset({END, NOTE_LINE, BYLINE_LINE})
# Kinds skipped when looking up from the body for the headline.
ABOVE_TITLE_SKIP = frozenset({DATE, CAPTION_LINE, BYLINE_LINE, TICKER, CHROME, LINK})


@dataclass(frozen=True, kw_only=True)
class CleanArticle:
    """What the cleaner found: the body (paragraphs joined by a blank line) and metadata."""

    text: str
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    captions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Line:
    index: int
    text: str
    kind: str


def squash(line: str) -> str:
    return " ".join(line.split())


def bare(line: str) -> str:
    """The words of a line without bullets, arrows and punctuation around them, lowercased."""
    return re.sub(r"^[\W_]+|[\W_]+$", "", line).lower()


def ends_sentence(line: str) -> bool:
    return line.rstrip(CLOSERS)[-1:] in TERMINAL if line.rstrip(CLOSERS) else False


def is_ticker(words: list[str]) -> bool:
    """Quotes of currencies and indices: numbers, signs and currency codes only."""
    return any(any(c.isdigit() for c in w) for w in words) and all(TICKER_TOKEN.match(w) for w in words)


def is_byline(line: str, n_words: int) -> bool:
    if n_words > BYLINE_MAX_WORDS * 2:
        return False
    if BYLINE.match(line) or (n_words <= BYLINE_MAX_WORDS and SOURCE.match(line)):
        return True
    m = BY.match(line)
    return bool(m) and n_words <= BYLINE_MAX_WORDS and not ends_sentence(line.rstrip(".")) and bool(person_names(m.group("names")))


def word_count(line: str, words: list[str]) -> int:
    """Words in a line; scripts written without spaces count by characters."""
    wide = len(UNSPACED.findall(line))
    return max(len(words), len(words) - 1 + wide // UNSPACED_CHARS_PER_WORD) if wide else len(words)


def classify(line: str) -> str:
    """The kind of one non-blank line, from its own form."""
    words = WORD.findall(line)
    n, low = word_count(line, words), bare(line)
    if NOTE.search(line):
        return NOTE_LINE
    if is_byline(line, n):
        return BYLINE_LINE
    if n <= CAPTION_MAX_WORDS and CAPTION.search(line):
        return CAPTION_LINE
    if line_date(line):
        return DATE
    if low in END_HEADINGS or COMMENT_HEADING.match(line):
        return END
    if low in CHROME_LINES or (n <= PROMPT_MAX_WORDS and PROMPT.match(low)) or LEGAL.search(line):
        return CHROME
    if n <= CLICK_MAX_WORDS and CLICK.search(line):
        return CHROME
    if LINK_PREFIX.match(line):
        return LINK
    if is_ticker(words):
        return TICKER
    if (n >= PROSE_MIN_WORDS and ends_sentence(line)) or n >= PROSE_MIN_WORDS_UNENDED:
        return PROSE
    if TITLE_MIN_WORDS <= n <= TITLE_MAX_WORDS and line.rstrip(CLOSERS)[-1:] not in ".,;:" and (line[0].isupper() or line[0].isdigit() or line[0] in "\"“«‘'"):
        return HEADLINE
    return SHORT


def is_wrapped_block(block: list[str]) -> bool:
    """A block of lines broken at a fixed width: most lines but the last near one length."""
    inner = [x.strip() for x in block[:-1]]
    if len(block) < WRAP_MIN_BLOCK_LINES:
        return False
    in_width = sum(1 for x in inner if WRAP_MIN_CHARS <= len(x) <= WRAP_MAX_CHARS)
    unended = sum(1 for x in inner if not ends_sentence(x))
    return in_width >= WRAP_BLOCK_SHARE * len(inner) and unended >= len(inner) / 2


def unwrap(lines: list[str]) -> list[str]:
    """Join the lines of hard-wrapped paragraphs; a line continued in lowercase joins too."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    out: list[str] = []
    for block in blocks:
        if is_wrapped_block(block):
            out.append(" ".join(block))
        else:
            for line in block:
                prev = out[-1] if out and out[-1] else ""
                if prev and WRAP_MIN_CHARS <= len(prev) <= WRAP_MAX_CHARS and not ends_sentence(prev) and line[:1].islower():
                    out[-1] = prev + " " + line
                else:
                    out.append(line)
        out.append("")
    return out


def kinds(text: str) -> list[Line]:
    raw = unwrap(text.split("\n"))
    return [Line(i, squash(s), classify(squash(s))) for i, s in enumerate(raw) if s.strip()]


def mark_link_lists(lines: list[Line]) -> list[Line]:
    """Runs of headline-like lines are lists of links to other stories."""
    out = list(lines)
    i = 0
    while i < len(out):
        j = i
        # A date line ends a list: below it starts the article's own header.
        while j < len(out) and out[j].kind in (HEADLINE, SHORT) and (out[j].kind != SHORT or j > i):
            j += 1
        if sum(1 for x in out[i:j] if x.kind == HEADLINE) >= LINK_LIST_MIN_RUN:
            for k in range(i, j):
                if out[k].kind == HEADLINE:
                    out[k] = Line(out[k].index, out[k].text, LINK)
        i = max(j, i + 1)
    return out


def body_runs(lines: list[Line]) -> list[tuple[int, int]]:
    """(first, last) positions in `lines` of each run of prose that nothing breaks."""
    runs: list[tuple[int, int]] = []
    start = last = None
    gap = 0
    for pos, line in enumerate(lines):
        if line.kind == PROSE:
            if start is None:
                start = pos
            last, gap = pos, 0
            continue
        if start is None:
            continue
        gap += 1
        if line.kind in HARD_BREAKS or gap > MAX_BODY_GAP:
            runs.append((start, last))
            start, gap = None, 0
    if start is not None:
        runs.append((start, last))
    return runs


def best_run(lines: list[Line]) -> tuple[int, int] | None:
    """The article's run: the first one of article size that is not dwarfed by a later one.

    Pages put the article first and reader comments or other stories after it; those can
    add up to more text than the article, so the largest run alone is not the answer.
    """
    runs = body_runs(lines)
    if not runs:
        return None
    size = [sum(len(x.text) for x in lines[a:b + 1] if x.kind == PROSE) for a, b in runs]
    largest = max(size)
    for run, n in zip(runs, size):
        if n >= min(MIN_ARTICLE_CHARS, largest) and n >= EARLY_RUN_SHARE * largest:
            return run
    return runs[size.index(largest)]


def find_title(lines: list[Line], body_start: int) -> str | None:
    """The headline nearest above the body, skipping dates, captions, bylines and tickers."""
    seen = 0
    for line in reversed(lines[:body_start]):
        if line.kind in ABOVE_TITLE_SKIP:
            continue
        if line.kind == HEADLINE:
            return line.text
        if line.kind in (END, PROSE):
            return None
        seen += 1
        if seen >= TITLE_LOOKBACK:
            return None
    return None


def person_names(names: str) -> list[str]:
    """Person names in a byline ("Faik Medjid", "A. Smith and B. Jones"), roles dropped; what
    follows a separator ("By A. Smith | 14 May 2025", "By A. Smith - Reuters") is not a name."""
    names = BYLINE_TAIL.split(names)[0]
    out = []
    for part in re.split(r"\s*(?:,|&|\band\b|\bи\b)\s*", names):
        words = part.strip(" .").split()
        if 1 <= len(words) <= 5 and all(NAME_PART.match(w) for w in words) and words[0][0].isupper():
            out.append(" ".join(words))
    return out


def read_byline(line: str) -> tuple[list[str], str | None]:
    """(authors, source) of a byline or source line."""
    m = BYLINE.match(line)
    if m:
        return person_names(m.group("names")), (m.group("source") or "").strip() or None
    m = BY.match(line)
    if m:
        return person_names(m.group("names")), None
    m = SOURCE.match(line)
    return [], (m.group("source").strip() if m else None)


def read_note(line: str) -> tuple[str, str | None]:
    """The republication sentence(s) of a note line, and the outlet it names."""
    sentences = [s for s in SENTENCE_END.split(line) if s.strip()]
    kept = [s for s in sentences if NOTE.search(s)] or [line]
    note = " ".join(kept)
    m = QUOTED.search(note)
    if m:
        return note, m.group(1).strip()
    m = NAMED_AFTER.search(note[NOTE.search(note).end():] if NOTE.search(note) else note)
    return note, (m.group(1).strip() if m else None)


def outlet_from_source(source: str | None) -> str | None:
    if not source or ROLE_WORDS.search(source) or len(source.split()) > 6:
        return None
    return source.strip(" .")


def pick_published(lines: list[Line], first: int, last: int) -> str | None:
    """The date nearest above the body; else a wire dateline's; else the first one below."""
    for line in reversed(lines[:first]):
        if line.kind == DATE:
            return line_date(line.text)
    wire = wire_dateline(lines[first].text)
    if wire and wire.value:
        return wire.value
    for line in lines[last + 1:]:
        if line.kind == DATE:
            return line_date(line.text)
    for line in lines[:first]:
        if line.kind == BYLINE_LINE:
            found = find_date(line.text)
            if found:
                return found.value
    return None


# A copyright footer naming its holder: "© 2025 «Outlet». Все права защищены.", "© 2024 Outlet.
# All rights reserved." The holder of a news page's copyright is its outlet.
COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–—]\s*\d{4})?\s*,?\s*)?[«“\"]?(?P<name>[^«»“”\".|]{2,50}?)[»”\"]?\s*[.|,]?\s*"
                       r"(?:все права защищены|all rights reserved)", re.I)
# A line ending in a colon just before a paragraph that opens with a dash or a quotation mark
# is the sentence that introduces the quotation ("X пояснил:" then "— ..."), part of the body.
QUOTE_OPENERS = ("—", "–", "«", "“", "\"", "„")


def copyright_holder(line: str) -> str | None:
    m = COPYRIGHT.search(line.strip())
    return m.group("name").strip() if m else None


def introduces_quote(lines: list[Line], p: int, last: int) -> bool:
    x = lines[p]
    if x.kind != SHORT or p >= last or not x.text.rstrip().endswith(":") or len(x.text.split()) < 2:
        return False
    nxt = lines[p + 1]
    return nxt.kind == PROSE and nxt.text.lstrip().startswith(QUOTE_OPENERS)


def article_end(lines: list[Line], last: int) -> int:
    """Position of the first end-of-article heading below the body (or the end)."""
    return next((p for p in range(last + 1, len(lines)) if lines[p].kind == END), len(lines))


def clean_scraped_text(text: str) -> CleanArticle:
    """Body and metadata of an article given as text with its site chrome."""
    lines = mark_link_lists(kinds(text))
    run = best_run(lines)
    if run is None:
        # No line long enough for running text: a note of a sentence or two still counts
        # when it is written as sentences; menus and lists of links do not end like that.
        short = [x.text for x in lines if x.kind == SHORT and ends_sentence(x.text)]
        return CleanArticle(text="\n\n".join(short))
    first, last = run
    body = [x.text for p, x in enumerate(lines[first:last + 1], first)
            if x.kind == PROSE or (x.kind == HEADLINE and first < p < last) or introduces_quote(lines, p, last)]
    top = next((p + 1 for p in range(first - 1, -1, -1) if lines[p].kind == END), 0)
    zone = lines[top:article_end(lines, last)]
    authors: list[str] = []
    outlet: str | None = None
    notes: list[str] = []
    for line in zone:
        if line.kind == BYLINE_LINE:
            names, source = read_byline(line.text)
            authors.extend(n for n in names if n not in authors)
            outlet = outlet or outlet_from_source(source)
        elif line.kind == NOTE_LINE:
            note, named = read_note(line.text)
            notes.append(note)
            outlet = named or outlet
    wire = wire_dateline(lines[first].text)
    if outlet is None and wire and wire.agency:
        outlet = wire.agency
    outlet = outlet or next((o for o in (copyright_holder(x.text) for x in lines[last + 1:]) if o), None)
    return CleanArticle(
        text="\n\n".join(body),
        title=find_title(lines, first),
        published=pick_published(lines, first, last),
        authors=authors,
        outlet=outlet,
        captions=[x.text for x in zone if x.kind == CAPTION_LINE],
        notes=notes,
    )
