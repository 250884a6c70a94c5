"""Language of an article (ISO 639-1), with lingua restricted to a few languages.

lingua with every language loaded takes about 1.3 GB; this set, built lazily in low
accuracy mode, stays near 30 MB. Low accuracy mode is reliable on article-length text,
which is what it sees here; very short text gets no answer rather than a guess.
"""
from __future__ import annotations

from functools import cache

# English and Russian are the languages the pipeline analyses. The others are the ones news
# about this region is commonly written in; recognising them lets a run mark such pages
# instead of pushing them through an English parser as English.
LANGUAGES = (
    "ENGLISH", "RUSSIAN", "UKRAINIAN", "GERMAN", "FRENCH", "SPANISH",
    "TURKISH", "AZERBAIJANI", "ARMENIAN", "GEORGIAN", "ARABIC", "KAZAKH",
)
# Characters of text looked at: the start of an article settles its language, and the
# detector's time grows with the length.
SAMPLE_CHARS = 3000
# Below this many letters there is too little to tell (calibrated: lingua's low accuracy
# mode is documented as unreliable below ~120 characters; a headline alone is shorter).
MIN_LETTERS = 20
# The winning language's confidence must reach this, else the answer is "unknown".
MIN_CONFIDENCE = 0.5
# A text shorter than this many letters, where low accuracy mode is unreliable, is given a
# language only when the detector is sure: a sentence of names ("Nikol Pashinyan met Ilham
# Aliyev in Abu Dhabi.") splits 0.6/0.4 between two wrong languages, real short text scores 1.0.
SHORT_LETTERS = 120
MIN_CONFIDENCE_SHORT = 0.9


@cache
def detector():
    from lingua import Language, LanguageDetectorBuilder

    langs = [getattr(Language, name) for name in LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language `text` is written in, or None when it cannot tell."""
    sample = text[:SAMPLE_CHARS]
    letters = sum(1 for ch in sample if ch.isalpha())
    if letters < MIN_LETTERS:
        return None
    values = detector().compute_language_confidence_values(sample)
    if not values or values[0].value < (MIN_CONFIDENCE_SHORT if letters < SHORT_LETTERS else MIN_CONFIDENCE):
        return None
    return values[0].language.iso_code_639_1.name.lower()
