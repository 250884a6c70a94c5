"""Inputs from the network and from archives: URLs, RSS/Atom feeds, WARC files (runner side).

Every URL is untrusted. A fetch has a timeout, a size cap and a redirect limit; answers
that are not pages or feeds are refused by their content type; hosts that resolve to
private, loopback, link-local or otherwise non-public addresses are refused unless the
caller allows them (`allow_private`), and the connection goes to the address that was
checked, so a second DNS answer cannot swap it. Failures raise InputError with a stable
reason; the readers turn them into counted skips.
"""
from __future__ import annotations

import gzip
from html import escape
import http.client
import io
import ipaddress
import re
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from . import __version__
from .errors import InputError
from .models import InputRecord

# Largest body read from the network or out of a compressed file (the same bound as files:
# the largest page of both extraction benchmarks is under 2 MB).
MAX_FETCH_BYTES = 5 * 1024 * 1024
# Seconds to wait for a connection or for any single read...
CONNECT_TIMEOUT = 15.0
# ... and for a whole response, so that a server dripping bytes cannot hold a run forever.
TOTAL_TIMEOUT = 60.0
# Redirects followed before giving up (browsers allow 20; news sites need 1-3).
MAX_REDIRECTS = 5
READ_CHUNK = 64 * 1024
USER_AGENT = f"dyadwatch/{__version__} (news article extraction)"
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
                        "text/xml", "application/feed+json"})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
# A feed item's own text (RSS `content:encoded` or `description`, Atom `content` or `summary`)
# is the article itself, read without fetching the item's link, when it does not end as a
# teaser does (TEASER_END) and holds at least FEED_BODY_CHARS characters of text in at least
# FEED_BODY_SENTENCES sentences, or FEED_LONG_CHARS characters. A summary (a headline
# restated, a lead sentence) has one or two sentences; a wire brief of three short sentences
# is about 250 characters, and the shortest article of the demo corpus has 1,601 characters
# in 11 sentences.
FEED_BODY_CHARS = 250
FEED_BODY_SENTENCES = 3
# Text this long is a body however its sentences are marked (the former single rule: no
# summary runs to 1,500 characters).
FEED_LONG_CHARS = 1500
# The end of a sentence: a full stop, question or exclamation mark (a closing quotation mark
# or bracket may follow) before a space or the end of the text.
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*(?=\s|$)")
# How a teaser ends: a cut marked with an ellipsis, a "read more" link, or the line that
# publishing systems add to excerpts ("The post … appeared first on …").
TEASER_END = re.compile(r"(?:…|\.\.\.)\s*\]?\s*$|\b(?:read more|continue reading|read the full|appeared first on)\b",
                        re.IGNORECASE)
# Characters at the end of an item's text searched for TEASER_END.
TEASER_TAIL = 160
URL_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(?://|[^\\/])")
# `<` may not occur inside a tag: a run of thousands of `<` then stays linear instead of
# each one scanning to the end of the text for its `>`.
TAG = re.compile(r"<[^<>]+>")
# Numeric character references (`&#1114112;`, `&#xD800;`) that name no character: the feed
# parser raises on them, so they are replaced by U+FFFD's reference before parsing.
CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,16})|([0-9]{1,20}));")
HOST_NAME = re.compile(r"^(?=.{1,253}\.?$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)*\.?$")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
FEED_SUFFIXES = (".rss", ".atom")
# Bytes a complete WARC file may hold after its last record (the record separator).
WARC_TRAILING_BYTES = 8


@dataclass(frozen=True)
class Fetched:
    url: str
    data: bytes
    content_type: str


@dataclass(frozen=True)
class FeedItem:
    """One item of a feed: what it says of its article, and the texts it carries (the
    `content` of content:encoded or Atom content, the `summary` of description or Atom summary)."""

    link: str | None
    title: str | None
    published: str | None
    authors: list[str] = field(default_factory=list)
    content: str | None = None
    summary: str | None = None


def is_url(arg: str) -> bool:
    """Whether an input argument is meant as a URL (has a scheme), valid or not."""
    return bool(URL_LIKE.match(arg)) and not Path(arg).exists()


def check_url(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of an http(s) URL, or InputError('invalid-url')."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as e:
        raise InputError("invalid-url", f"{url!r} is not a valid URL ({e})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise InputError("invalid-url", f"{url!r}: only http and https URLs can be fetched")
    if not parts.hostname:
        raise InputError("invalid-url", f"{url!r} names no host")
    if not valid_host(parts.hostname):
        raise InputError("invalid-url", f"{url!r}: {parts.hostname!r} is not a valid host name")
    return scheme, parts.hostname, port or (443 if scheme == "https" else 80)


def valid_host(host: str) -> bool:
    """An IP address, or a DNS name (internationalised names in their ASCII form)."""
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    return bool(HOST_NAME.match(ascii_host))


def is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_unspecified or ip.is_reserved)


def resolve(host: str, port: int, allow_private: bool) -> str:
    """The address to connect to for `host`; refuses non-public addresses unless allowed.

    Every address the name resolves to is checked: a name with one private address among
    public ones is refused.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as e:
        raise InputError("dns-failed", f"cannot resolve host {host!r} ({e}); check the URL") from None
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    if not allow_private:
        for ip in addresses:
            if not is_public(ip):
                named = f"{ip} is" if host.strip("[]") == str(ip) else f"{host} resolves to {ip},"
                raise InputError(
                    "private-address",
                    f"{named} a private, loopback or link-local address; "
                    "pass --allow-private (allow_private=True) to fetch from local networks",
                )
    return str(addresses[0])


class PinnedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection to an address checked beforehand, whatever DNS says later."""

    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self) -> None:
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


def read_capped(resp: http.client.HTTPResponse, url: str, deadline: float) -> bytes:
    """The body, read as it arrives (`read1`: whatever one receive brings, so a server
    dripping bytes cannot hold a read open past the deadline), within the size cap."""
    length = resp.getheader("Content-Length")
    if length and length.isdigit() and int(length) > MAX_FETCH_BYTES:
        raise InputError("too-large", f"{url} announces {int(length):,} bytes; the limit is {MAX_FETCH_BYTES:,}")
    buf = bytearray()
    while True:
        if time.monotonic() > deadline:
            raise InputError("timeout", f"{url} took longer than {TOTAL_TIMEOUT:.0f} s to send its page")
        chunk = resp.read1(READ_CHUNK)
        if not chunk:
            return bytes(buf)
        buf += chunk
        if len(buf) > MAX_FETCH_BYTES:
            raise InputError("too-large", f"{url} sent more than {MAX_FETCH_BYTES:,} bytes")


def request_once(url: str, allow_private: bool, deadline: float) -> tuple[int, str | None, str, bytes]:
    """(status, Location, Content-Type, body) of one GET; the body is empty for redirects."""
    scheme, host, port = check_url(url)
    address = resolve(host, port, allow_private)
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    cls = PinnedHTTPSConnection if scheme == "https" else PinnedHTTPConnection
    conn = cls(host, port, address, min(CONNECT_TIMEOUT, max(deadline - time.monotonic(), 0.001)))
    # At the deadline the connection is shut down from outside, whatever read it is in
    # (headers dripped a byte at a time included): the wait can never outlast the deadline.
    watchdog = threading.Timer(max(deadline - time.monotonic(), 0.001), cut_connection, [conn])
    watchdog.daemon = True
    watchdog.start()
    try:
        conn.request("GET", target, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, identity",
                                             "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5"})
        resp = conn.getresponse()
        ctype = resp.getheader("Content-Type") or ""
        if resp.status in REDIRECTS:
            return resp.status, resp.getheader("Location"), ctype, b""
        if resp.status >= 400:
            raise InputError("http-error", f"{url} answered HTTP {resp.status} {resp.reason}")
        check_type(url, ctype)
        body = read_capped(resp, url, deadline)
        if (resp.getheader("Content-Encoding") or "").lower() == "gzip":
            body = gunzip_capped(body, url)
        return resp.status, None, ctype, body
    except (OSError, http.client.HTTPException, ValueError, AttributeError) as e:
        # a connection cut by the watchdog fails in whichever of these its read was in
        if time.monotonic() >= deadline:
            raise InputError("timeout", f"{url} took longer than {TOTAL_TIMEOUT:.0f} s in all") from None
        if isinstance(e, TimeoutError):
            raise InputError("timeout", f"{url} did not answer within {CONNECT_TIMEOUT:.0f} s") from None
        if isinstance(e, ssl.SSLError):
            raise InputError("fetch-failed", f"{url}: TLS failed ({e.reason or e})") from None
        raise InputError("fetch-failed", f"{url}: {e.__class__.__name__}: {e}") from None
    finally:
        watchdog.cancel()
        conn.close()


def cut_connection(conn: http.client.HTTPConnection) -> None:
    sock = conn.sock
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def check_type(url: str, content_type: str) -> None:
    kind = media_type(content_type)
    if kind and kind not in PAGE_TYPES and kind not in FEED_TYPES:
        raise InputError("unsupported-type", f"{url} is {kind}, not a web page or a feed")


def fetch_url(url: str, *, allow_private: bool = False) -> Fetched:
    """The body of `url` after at most MAX_REDIRECTS redirects, every hop checked."""
    deadline = time.monotonic() + TOTAL_TIMEOUT
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        status, location, ctype, body = request_once(current, allow_private, deadline)
        if status not in REDIRECTS:
            return Fetched(url=current, data=body, content_type=ctype)
        if not location:
            raise InputError("http-error", f"{current} redirects (HTTP {status}) without a Location")
        current = urljoin(current, location)
    raise InputError("too-many-redirects", f"{url} redirected more than {MAX_REDIRECTS} times")


def gunzip_capped(data: bytes, where: str) -> bytes:
    """Decompressed gzip data, refusing truncated streams and bombs past MAX_FETCH_BYTES."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            out = fh.read(MAX_FETCH_BYTES + 1)
    except EOFError:
        raise InputError("truncated", f"{where}: the gzip data ends early (a partial download?)") from None
    except (gzip.BadGzipFile, zlib.error) as e:
        raise InputError("bad-gzip", f"{where}: not readable as gzip ({e})") from None
    if len(out) > MAX_FETCH_BYTES:
        raise InputError("too-large", f"{where} decompresses to more than {MAX_FETCH_BYTES:,} bytes")
    return out


# --- feeds --------------------------------------------------------------------------------

def looks_like_feed(data: bytes, content_type: str | None = None) -> bool:
    kind = media_type(content_type)
    if kind in ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json"):
        return True
    head = data[:2048].lstrip().lower()
    return b"<rss" in head or b"<rdf:rdf" in head or (b"<feed" in head and b"atom" in head)


def feed_date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", parsed)


def valid_char_ref(m: re.Match) -> bytes:
    code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return b"&#xFFFD;"
    return m.group(0)


def parse_feed(data: bytes, where: str) -> list[FeedItem]:
    """The items of an RSS or Atom feed; InputError('bad-feed') when it has none to read."""
    import feedparser

    try:
        parsed = feedparser.parse(CHAR_REF.sub(valid_char_ref, data))
    except (ValueError, RecursionError, LookupError) as e:
        raise InputError("bad-feed", f"{where} cannot be read as a feed ({type(e).__name__}: {e})") from None
    if not parsed.entries:
        problem = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        raise InputError("bad-feed", f"{where} is not an RSS/Atom feed with items{problem}")
    items = []
    for entry in parsed.entries:
        # feedparser reads content:encoded and Atom content into `content`, description and
        # Atom summary into `summary`; the longest content part is the body when there are several
        contents = [c.get("value") for c in entry.get("content") or [] if c.get("value")]
        authors = [a.get("name") for a in entry.get("authors") or [] if a.get("name")]
        items.append(FeedItem(link=entry.get("link"), title=entry.get("title"), published=feed_date(entry),
                              authors=authors, content=max(contents, key=len) if contents else None,
                              summary=entry.get("summary")))
    return items


def markup_text(html: str) -> str:
    """The text of a fragment of markup, tags dropped and spaces made single."""
    from html import unescape

    return " ".join(unescape(TAG.sub(" ", html)).split())


def is_article_body(html: str | None) -> bool:
    """Whether a feed item's own text is an article rather than a teaser (FEED_BODY_CHARS)."""
    if not html:
        return False
    text = markup_text(html)
    if TEASER_END.search(text[-TEASER_TAIL:]):
        return False
    return len(text) >= FEED_LONG_CHARS or (len(text) >= FEED_BODY_CHARS
                                           and len(SENTENCE_END.findall(text)) >= FEED_BODY_SENTENCES)


def item_body(item: FeedItem) -> str | None:
    """The article an item carries itself (its content, else a description that holds a
    body), as HTML; None when it carries only a summary."""
    for html in (item.content, item.summary):
        if is_article_body(html):
            # plain-text content (no tag at all) is one paragraph of markup-free text
            return html if TAG.search(html) else f"<p>{escape(html)}</p>"
    return None


def feed_records(items: list[FeedItem], where: str, *, allow_private: bool,
                 offline: bool = False) -> Iterator[InputRecord | InputError]:
    """An input record per feed item: its own text when it carries the article (never
    fetched), else the page of its link (with `offline`, a counted skip instead)."""
    for item in items:
        given = {"title": item.title, "published": item.published, "authors": item.authors or None}
        body = item_body(item)
        if body is not None:
            yield InputRecord(html=body, url=item.link, path=where, **given)
            continue
        if not item.link:
            yield InputError("no-text", f"{where}: an item ({item.title!r}) has neither full text nor a link")
            continue
        if offline:
            yield InputError("offline", f"{where}: the item {item.title!r} carries only a summary and its link "
                                        f"{item.link} is not fetched offline; drop --offline to fetch it")
            continue
        try:
            page = fetch_url(urljoin(where, item.link) if is_url(where) else item.link, allow_private=allow_private)
        except InputError as e:
            yield e
            continue
        yield InputRecord(data=page.data, url=page.url, content_type=page.content_type, **given)


# --- web archives -------------------------------------------------------------------------

def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def warc_records(path: Path) -> Iterator[InputRecord | InputError]:
    """A record for every HTML page answered with 200 in a WARC file; the rest is passed over.

    A file that breaks off (a truncated .warc or .warc.gz) yields the complete pages before
    the break and then one InputError('truncated'). warcio itself reads a cut file quietly
    to its end, so completeness is checked here: every record must be read to its declared
    length, and the records must account for the whole file.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    where = str(path)
    count = end = 0
    cut = False
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            records = ArchiveIterator(fh, arc2warc=True)
            for rec in records:
                page = warc_page(rec)
                data = rec.content_stream().read(MAX_FETCH_BYTES + 1) if page else b""
                end = records.get_record_offset() + records.get_record_length()
                if rec.raw_stream.limit > 0 and len(data) <= MAX_FETCH_BYTES:
                    cut = True
                    break
                if page is None:
                    continue
                count += 1
                if len(data) > MAX_FETCH_BYTES:
                    yield InputError("too-large", f"{where}: the page {page[0]} is over {MAX_FETCH_BYTES:,} bytes")
                    continue
                yield InputRecord(data=data, url=page[0], path=where, content_type=page[1])
    # warcio fails on a record header cut in the middle with AttributeError or ValueError
    # rather than its own exception; both mean the same broken file here.
    except (ArchiveLoadFailed, EOFError, zlib.error, gzip.BadGzipFile, AttributeError, ValueError) as e:
        yield InputError("truncated", f"{where}: the archive is cut or damaged after {count} page(s) ({e.__class__.__name__})")
        return
    if cut or size - end > WARC_TRAILING_BYTES:
        yield InputError("truncated", f"{where}: the archive breaks off after {count} page(s) (a partial download?)")


def warc_page(rec) -> tuple[str, str] | None:
    """(URL, Content-Type) of a WARC record that is an HTML page answered with 200."""
    if rec.rec_type != "response" or rec.http_headers is None:
        return None
    ctype = rec.http_headers.get_header("Content-Type") or ""
    if rec.http_headers.get_statuscode() != "200" or media_type(ctype) not in ("text/html", "application/xhtml+xml"):
        return None
    return rec.rec_headers.get_header("WARC-Target-URI"), ctype
