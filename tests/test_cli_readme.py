"""Every `dyadwatch` command shown in README.md runs against the demo store and exits 0.

Commands are read from the README's code blocks as a reader would copy them. A store file
(`*.duckdb`) stands for a copy of the demo store, paths under samples/ and ../shared are the
project's own, and files a command writes land in a temporary folder. A command that needs
what a test cannot start (a Dask cluster, the network, a server that runs until stopped, or
the output of such a command) is skipped with the reason.
"""
from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from dyadwatch.cli import main

from support import ROOT, need_shared

README = ROOT / "README.md"
COMMAND = ".venv/bin/dyadwatch"
CODE_BLOCK = re.compile(r"^```[a-z]*\n(.*?)^```", re.M | re.S)
URL = re.compile(r"^https?://")


def readme_commands() -> list[list[str]]:
    """The `dyadwatch` commands of README.md's code blocks, each as its words (comments and
    shell redirections left off)."""
    found = []
    for block in CODE_BLOCK.findall(README.read_text(encoding="utf-8")):
        for line in block.splitlines():
            words = shlex.split(line, comments=True)
            if not words or words[0] != COMMAND:
                continue
            if ">" in words:  # `> file`: the test reads standard output instead
                words = words[: words.index(">")]
            found.append(words[1:])
    return found


def why_skipped(words: list[str], unavailable: set[str]) -> str | None:
    """Why a command cannot run in a test, or None."""
    if words[0] == "serve":
        return "a server that runs until stopped (tests/test_web_*.py exercise it)"
    if "--scheduler" in words:
        return "needs a running Dask cluster"
    if any(URL.match(w) for w in words):
        return "needs the network"
    missing = [w for w in words if w.rstrip("/") in unavailable]
    if missing:
        return f"reads {missing[0]}, which only a skipped command writes"
    return None


def outputs(words: list[str]) -> set[str]:
    return {words[i + 1].rstrip("/") for i, w in enumerate(words[:-1]) if w in ("-o", "--output")}


def cases() -> list:
    """(words, reason to skip) for each command, in README order."""
    unavailable: set[str] = set()
    out = []
    for words in readme_commands():
        reason = why_skipped(words, unavailable)
        if reason:
            unavailable |= outputs(words)
        out.append(pytest.param(words, reason, id=" ".join(words)[:80]))
    return out


def test_readme_shows_commands_of_every_kind():
    verbs = {words[0] for words in readme_commands()}
    assert {"extract", "ingest", "events", "quotes", "timeline", "query", "export", "serve"} <= verbs


@pytest.mark.parametrize("words,skip", cases())
def test_readme_command_runs_on_the_demo_store(demo_store: Path, tmp_path: Path, monkeypatch, capsys,
                                               words: list[str], skip: str | None):
    if skip:
        pytest.skip(skip)
    store = tmp_path / "store.duckdb"
    shutil.copyfile(demo_store, store)
    args = []
    for word in words:
        if word.endswith(".duckdb"):
            word = str(store)
        elif word.startswith("samples/"):
            word = str(ROOT / word)
        elif word.startswith("../shared/"):
            need_shared(*Path(word).parts[2:3])
            word = str(ROOT.parent / word[len("../"):])
        args.append(word)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    err = capsys.readouterr().err
    assert exit_info.value.code == 0, f"{' '.join(words)}\n{err}"
