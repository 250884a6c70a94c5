"""Encodings as found in the wild, Unicode normalisation, homoglyphs, language identification."""
from __future__ import annotations

import unicodedata

import pytest

from dyadwatch.errors import InputError
from dyadwatch.extract.encoding import decode_bytes
from dyadwatch.extract.language import detect_language
from dyadwatch.extract.normalize import fix_homoglyphs, normalize_text
from dyadwatch.extract.stage import extract_document
from dyadwatch.models import InputRecord

RU = ("Министр иностранных дел Азербайджана заявил в понедельник, что переговоры с Москвой "
      "будут продолжены после завершения расследования крушения самолёта.")
UK = "Міністр закордонних справ України заявив, що переговори з партнерами триватимуть і наступного тижня."
EN = "The foreign minister said on Monday that talks with Moscow would continue after the investigation ends."


@pytest.mark.parametrize("codec", ["cp1251", "koi8_r", "utf-8", "utf-8-sig", "utf-16"])
def test_encoding_decodes_russian_in_common_encodings(codec):
    assert decode_bytes(RU.encode(codec)).text == RU


def test_encoding_decodes_short_cyrillic_headlines():
    for codec in ("cp1251", "koi8_r"):
        assert decode_bytes("Новости дня".encode(codec)).text == "Новости дня"


def test_encoding_decodes_ukrainian_koi8_u():
    assert decode_bytes(UK.encode("koi8_u")).text == UK


def test_encoding_html_meta_charset_is_used():
    page = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><p>{RU}</p></body></html>'
    decoded = decode_bytes(page.encode("cp1251"))
    assert (decoded.encoding, decoded.how) == ("cp1251", "declared")
    assert RU in decoded.text


def test_encoding_mislabelled_koi8_page_is_read_as_koi8():
    page = f'<html><head><meta charset="windows-1251"></head><body><p>{RU}</p></body></html>'
    assert RU in decode_bytes(page.encode("koi8_r")).text


def test_encoding_http_header_charset_wins_over_guessing():
    decoded = decode_bytes("Café, naïve, déjà vu — résumé".encode("cp1252"), content_type="text/plain; charset=windows-1252")
    assert decoded.text == "Café, naïve, déjà vu — résumé"


def test_encoding_utf8_with_one_broken_byte_stays_utf8():
    data = (EN + " " + RU).encode("utf-8") * 20
    data = data[:50] + b"\xff" + data[50:]  # inside the English sentence
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8" and decoded.text.count("\ufffd") == 1


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"  \n\t \n", "empty"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"text with a NUL\x00 byte inside", "binary"),
    (bytes(range(0x80, 0x100)) * 40, "undecodable"),
])
def test_encoding_refuses_with_a_stable_reason(data, reason):
    with pytest.raises(InputError) as err:
        decode_bytes(data)
    assert err.value.reason == reason


def test_normalize_nfc_spaces_and_invisible_characters():
    raw = "Cafe\u0301\u00a0in\u202fBaku\u200b,\u00adtoday\r\nnext"
    out = normalize_text(raw)
    assert out == "Café in Baku,today\nnext"
    assert unicodedata.is_normalized("NFC", out)


def test_normalize_cyrillic_letter_in_latin_word_becomes_latin():
    assert fix_homoglyphs("Source: \u0421K correspondent") == "Source: CK correspondent"
    assert fix_homoglyphs("the Kr\u0435mlin said") == "the Kremlin said"


def test_normalize_latin_letter_in_cyrillic_word_becomes_cyrillic():
    assert fix_homoglyphs("в Мoскве сегодня") == "в Москве сегодня"


def test_normalize_leaves_words_without_lookalikes_and_keeps_length():
    text = "Tбилиси and Wаshington, ЖK"
    out = fix_homoglyphs(text)
    assert len(out) == len(text)
    assert "Тбилиси" in out and "Washington" in out
    assert "ЖK" in out  # "Ж" has no Latin lookalike and "K" is one letter of two: left alone


def test_normalize_applies_to_decoded_files_not_to_given_text():
    text = "Officials at the \u0421K bureau in Moscow\u00a0said the talks would go on next week."
    assert extract_document(InputRecord(text=text)).text == text
    cleaned = extract_document(InputRecord(data=text.encode("utf-8"), content_type="text/plain")).text
    assert cleaned == "Officials at the CK bureau in Moscow said the talks would go on next week."


@pytest.mark.parametrize("text, code", [(EN, "en"), (RU, "ru"), (UK, "uk"),
                                        ("Der Außenminister sagte am Montag, die Gespräche würden fortgesetzt.", "de")])
def test_language_detects_iso_639_1(text, code):
    assert detect_language(text) == code


def test_language_too_short_is_unknown():
    assert detect_language("Baku") is None


def test_language_a_short_sentence_of_foreign_names_is_not_taken_for_their_language():
    assert detect_language("Nikol Pashinyan met Ilham Aliyev in Abu Dhabi.") in (None, "en")
    assert detect_language("Prezident İlham Əliyev bu gün Bakıda görüş keçirib.") == "az"


def test_language_given_wins_and_russian_file_is_marked_ru():
    doc = extract_document(InputRecord(data=(RU + "\n\n" + RU).encode("cp1251"), content_type="text/plain"))
    assert doc.language == "ru" and doc.text.startswith("Министр")
    assert extract_document(InputRecord(text=RU, language="az")).language == "az"
