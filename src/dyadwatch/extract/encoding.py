"""Bytes to text as found in the wild: BOMs, declared charsets, cp1251 / koi8-r, and refusals.

`decode_bytes` is what the extraction stage calls on raw input. It refuses, with a stable
reason, what is not text at all (`binary`), what holds nothing (`empty`) and what no
encoding reads sensibly (`undecodable`).
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import InputError

# How much of the input the binary sniffer and the charset detector look at. 64 KB holds
# the <head> of any real page and enough running text to tell encodings apart.
SNIFF_BYTES = 64 * 1024
# Share of control characters (other than tab, newline, carriage return, form feed) above
# which bytes are not text. Text files have none; a few stray ones survive in old pages.
MAX_CONTROL_SHARE = 0.02
# Valid UTF-8 with at most this share of broken sequences is UTF-8 with damage (a page cut
# in the middle of a character, one pasted byte), not another encoding.
MAX_BAD_UTF8_SHARE = 0.001
# charset-normalizer's "chaos" (0 = clean, 1 = noise) above which no encoding fits.
MAX_CHAOS = 0.3
# Undeclared text is tried as Cyrillic when at least this share of its letter-like bytes
# are high bytes: Russian text is ~90% high bytes, Western European text under 10%.
MIN_CYRILLIC_HIGH_SHARE = 0.3
# ... and taken as Cyrillic when its `cyrillic_fit` reaches this. Russian prose scores
# ~0.85-0.95 in its own code page and below 0.2 in the wrong one (case swapped).
MIN_CYRILLIC_FIT = 0.6
# A non-letter in a Cyrillic reading counts this many times against it: one lost capital
# should outweigh one gained lowercase letter.
MISFIT_WEIGHT = 3
# Two charset-normalizer answers this close in chaos are equally clean.
CHAOS_TIE = 0.01
# Share of U+FFFD replacement characters in the final text above which it is refused.
MAX_REPLACEMENT_SHARE = 0.01

# File signatures of common non-text formats that reach a news pipeline by mistake.
MAGIC = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip data"),
    (b"\x7fELF", "executable"),
    (b"MZ", "Windows executable"),
    (b"\xd0\xcf\x11\xe0", "legacy Office document"),
    (b"RIFF", "RIFF media file"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
)
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Single-byte Cyrillic code pages that decode each other's bytes without error; which one
# is right shows in the letter case (see `cyrillic_fit`).
CYRILLIC_CODECS = ("cp1251", "koi8_r", "koi8_u", "mac_cyrillic", "cp866", "iso8859_5")
# The two that undeclared Russian and Ukrainian pages actually use.
WEB_CYRILLIC_CODECS = ("cp1251", "koi8_r", "koi8_u")
CYRILLIC_LOWER = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў")
CYRILLIC_UPPER = frozenset("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯІЇЄҐЎ")
# Non-ASCII punctuation that Russian text uses (dashes, quotes, ellipsis, numero, degree).
TEXT_SYMBOLS = frozenset("—–«»“”„‘’…№°\u00a0•·")

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)""", re.I)
XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:+-]+)""", re.I)
HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:+-]+)""", re.I)
CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    how: str  # bom | utf-8 | declared | detected


def codec_name(label: str | bytes | None) -> str | None:
    """Python's name for an encoding label, or None when Python does not know it."""
    if not label:
        return None
    if isinstance(label, bytes):
        label = label.decode("ascii", "ignore")
    try:
        info = codecs.lookup(label.strip().lower())
    except (LookupError, ValueError):
        return None
    # "base64", "zlib", "rot13"... are codecs but not text encodings: a page declaring one is
    # read as if it declared nothing (issue 14).
    if info.name == "undefined" or not getattr(info, "_is_text_encoding", True):
        return None
    return info.name


def binary_kind(data: bytes) -> str | None:
    """What the bytes are when they are clearly not text, else None."""
    head = data[:SNIFF_BYTES]
    if any(head.startswith(bom) for bom, _ in BOMS):
        return None
    for magic, kind in MAGIC:
        if head.startswith(magic):
            return kind
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    if head and len(CONTROL.findall(head)) / len(head) > MAX_CONTROL_SHARE:
        return "binary data (control bytes)"
    return None


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset the server or the page itself declares (HTTP header, <meta>, <?xml?>)."""
    if content_type:
        m = HEADER_CHARSET.search(content_type)
        if m and codec_name(m.group(1)):
            return codec_name(m.group(1))
    head = data[:SNIFF_BYTES]
    for pattern in (XML_ENCODING, META_CHARSET):
        m = pattern.search(head)
        if m and codec_name(m.group(1)):
            return codec_name(m.group(1))
    return None


def cyrillic_fit(text: str) -> float:
    """How well `text` reads as Russian or Ukrainian: lowercase letters minus misfits, per non-ASCII character.

    Running text is mostly lowercase. cp1251 and koi8-r put the two cases in each other's
    byte ranges, so reading one as the other turns text into capitals; other Cyrillic code
    pages turn letters into symbols and letters of other alphabets, which count against.
    """
    non_ascii = [ch for ch in text if ord(ch) >= 0x80]
    if not non_ascii:
        return 0.0
    lower = sum(1 for ch in non_ascii if ch in CYRILLIC_LOWER)
    misfit = sum(1 for ch in non_ascii if ch not in CYRILLIC_LOWER and ch not in CYRILLIC_UPPER and ch not in TEXT_SYMBOLS)
    return (lower - MISFIT_WEIGHT * misfit) / len(non_ascii)


def best_cyrillic(data: bytes, candidates: tuple[str, ...] = CYRILLIC_CODECS) -> tuple[str, float]:
    """The Cyrillic code page among `candidates` that reads `data` best, with its fit."""
    sample = data[:SNIFF_BYTES]
    scored = [(cyrillic_fit(sample.decode(c, "replace")), -i, c) for i, c in enumerate(candidates)]
    fit, _, codec = max(scored)
    return codec, fit


def high_byte_share(data: bytes) -> float:
    """Bytes >= 0x80 among letter-like bytes (ASCII letters and high bytes)."""
    sample = data[:SNIFF_BYTES]
    high = sum(1 for b in sample if b >= 0x80)
    letters = sum(1 for b in sample if 0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A)
    return high / (high + letters) if high + letters else 0.0


def try_utf8(data: bytes) -> str | None:
    """UTF-8 text, tolerating a very small share of broken sequences."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "replace")
    non_ascii = sum(1 for b in data if b >= 0x80) or 1
    bad = text.count("\ufffd")
    # Damage is rare among the non-ASCII bytes too; otherwise it is another encoding.
    if bad / len(data) <= MAX_BAD_UTF8_SHARE and bad / non_ascii < MAX_BAD_UTF8_SHARE * 100:
        return text
    return None


def detect(data: bytes) -> str | None:
    """Encoding guessed from the bytes themselves.

    Text written mostly in high bytes that reads well as Cyrillic is Cyrillic (the project's
    second language family; the detector is unreliable on short Cyrillic samples). Otherwise
    charset-normalizer decides, preferring windows-1252, the web's default for undeclared
    pages, among equally clean answers.
    """
    from charset_normalizer import from_bytes

    if high_byte_share(data) >= MIN_CYRILLIC_HIGH_SHARE:
        codec, fit = best_cyrillic(data, WEB_CYRILLIC_CODECS)
        if fit >= MIN_CYRILLIC_FIT:
            return codec
    matches = list(from_bytes(data[:SNIFF_BYTES]))
    if not matches or matches[0].chaos > MAX_CHAOS:
        return None
    best = matches[0]
    name = codec_name(best.encoding)
    if name in CYRILLIC_CODECS:
        return best_cyrillic(data)[0]
    for m in matches:
        if codec_name(m.encoding) == "cp1252" and m.chaos <= best.chaos + CHAOS_TIE:
            return "cp1252"
    return name


def check_decoded(text: str, encoding: str) -> str:
    if text and text.count("\ufffd") / len(text) > MAX_REPLACEMENT_SHARE:
        raise InputError("undecodable", f"the bytes do not read as {encoding} text; re-save the file as UTF-8")
    return text


def decode_bytes(data: bytes, *, content_type: str | None = None) -> Decoded:
    """Text of raw input bytes; refuses empty, binary and undecodable input with InputError."""
    if not data.strip():
        raise InputError("empty", "the input is empty (no bytes, or only white space)")
    kind = binary_kind(data)
    if kind:
        raise InputError("binary", f"the input is {kind}, not text or HTML")
    for bom, name in BOMS:
        if data.startswith(bom):
            return Decoded(check_decoded(data.decode(name, "replace"), name), name, "bom")
    utf8 = try_utf8(data)
    if utf8 is not None:
        return Decoded(check_decoded(utf8, "utf-8"), "utf-8", "utf-8")
    declared = declared_charset(data, content_type)
    if declared and declared != "utf-8":
        if declared in CYRILLIC_CODECS:
            codec, fit = best_cyrillic(data)
            if fit > cyrillic_fit(data[:SNIFF_BYTES].decode(declared, "replace")):
                declared = codec
        try:
            return Decoded(data.decode(declared), declared, "declared")
        except UnicodeError:
            pass
    detected = detect(data)
    if detected is None:
        raise InputError("undecodable", "no text encoding reads these bytes sensibly; re-save the file as UTF-8")
    return Decoded(check_decoded(data.decode(detected, "replace"), detected), detected, "detected")
