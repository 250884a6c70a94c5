"""Where a language's lexicons and patterns live: `data/<language>/<name>` inside the package.

Every loader of words or patterns that belong to one language asks here, so the layout is
named once: `lexicon_path("en", "verbs.txt")`, `lexicon_text("ru", "grammar.toml")`. Data
that holds for every language (CAMEO tables, confidence weights, the actor tables, the
pipeline) stays in its own folder and is not read through this module.
"""
from __future__ import annotations

import re
from importlib import resources
from importlib.resources.abc import Traversable

from .errors import UsageError

_LANGUAGE = re.compile(r"[a-z]{2,3}")


def lexicon_path(language: str, name: str) -> Traversable:
    """The packaged file `name` of `language` (a lowercase ISO 639 code such as "en" or "ru")."""
    if not _LANGUAGE.fullmatch(language):
        raise UsageError(f"language must be a lowercase ISO 639 code such as 'en' or 'ru', not {language!r}")
    if not name or "/" in name or "\\" in name or name.startswith("."):
        raise UsageError(f"lexicon name must be a plain file name such as 'verbs.txt', not {name!r}")
    return resources.files("dyadwatch").joinpath("data", language, name)


def lexicon_text(language: str, name: str) -> str:
    """The text of `lexicon_path(language, name)`; a clear error when the language has no such file."""
    path = lexicon_path(language, name)
    if not path.is_file():
        raise UsageError(f"no lexicon {name!r} for language {language!r} (expected data/{language}/{name} in the package)")
    return path.read_text(encoding="utf-8")


def lexicon_label(language: str, name: str) -> str:
    """How messages and pattern sources name the file: `data/<language>/<name>`."""
    return f"data/{language}/{name}"
