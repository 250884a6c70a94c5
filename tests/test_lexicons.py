"""The per-language data layout: one helper finds a language's lexicon, nothing else names the path."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from dyadwatch.errors import UsageError
from dyadwatch.lexicons import lexicon_label, lexicon_path, lexicon_text

SRC = Path(__file__).resolve().parents[1] / "src" / "dyadwatch"


@pytest.mark.parametrize("language,name", [("en", "verbs.txt"), ("en", "speech.toml"), ("en", "times.toml"),
                                           ("en", "political_words.txt"), ("ru", "verbs.txt"), ("ru", "grammar.toml")])
def test_each_language_file_is_found(language: str, name: str) -> None:
    assert lexicon_path(language, name).is_file()
    assert lexicon_text(language, name).strip()
    assert lexicon_label(language, name) == f"data/{language}/{name}"


def test_missing_language_file_is_a_clear_error() -> None:
    with pytest.raises(UsageError, match="no lexicon 'verbs.txt' for language 'xx'"):
        lexicon_text("xx", "verbs.txt")


@pytest.mark.parametrize("language,name", [("EN", "verbs.txt"), ("en", "../events/cameo.tsv"), ("en", "")])
def test_bad_arguments_are_refused(language: str, name: str) -> None:
    with pytest.raises(UsageError):
        lexicon_path(language, name)


def test_no_module_spells_a_language_folder_itself() -> None:
    """Loaders go through lexicon_path; a quoted "data/<xx>/" path elsewhere in code bypasses it."""
    spelled = re.compile(r"""["']data/[a-z]{2,3}/""")
    offenders = [str(p.relative_to(SRC)) for p in SRC.rglob("*.py")
                 if p.name != "lexicons.py" and spelled.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
