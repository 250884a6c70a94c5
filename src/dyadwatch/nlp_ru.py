"""Russian parsing with natasha: sentences, tokens, lemmas, morphology, UD dependencies, names.

natasha (and its models, which ship inside the package) is imported only when the first
Russian document arrives, so English-only runs never load it. Its output is copied into
the small frozen records below, which is all that later Russian stages read: they do not
depend on natasha's own classes.
"""
from __future__ import annotations

import ctypes
import functools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .pipeline import Work, register

LANGUAGE = "ru"
# Longest text parsed; longer texts are cut here (as the English parser does).
MAX_CHARS = 1_000_000
# natasha's models are numpy matrix products on small batches; with OpenBLAS's default of one
# thread per core they run 3-5x slower on a busy machine than with one thread (measured with
# bench/russian.py on the shared 2-core machine: 900 against 4,500 characters per second), as
# the threads wait on each other and on the pipeline's own workers. Parsing holds it at one.
BLAS_THREADS = 1
# How numpy's bundled OpenBLAS names its thread setters (scipy-openblas builds, plain builds).
BLAS_SETTERS = (("scipy_openblas_set_num_threads64_", "scipy_openblas_get_num_threads64_"),
                ("openblas_set_num_threads", "openblas_get_num_threads"))


@dataclass(frozen=True)
class RuToken:
    """One word or mark: where it stands, its lemma, part of speech (UD), features and head."""

    i: int
    text: str
    start: int
    end: int
    lemma: str
    pos: str
    feats: tuple[tuple[str, str], ...]
    head: int  # index of the head token; -1 for the root of its sentence
    rel: str  # UD relation to the head
    sent: int

    def feat(self, name: str) -> str | None:
        return next((v for k, v in self.feats if k == name), None)

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class RuSentence:
    start: int
    end: int
    first: int  # first token index
    last: int  # one past the last token index


@dataclass(frozen=True)
class RuName:
    """A named entity found by natasha's tagger (PER, LOC, ORG), with its nominative form."""

    start: int
    end: int
    type: str
    text: str
    normal: str
    first: int
    last: int


@dataclass(frozen=True)
class RuParse:
    text: str
    tokens: tuple[RuToken, ...]
    sentences: tuple[RuSentence, ...]
    names: tuple[RuName, ...]
    kids: tuple[tuple[int, ...], ...] = field(repr=False, default=())

    def children(self, tok: RuToken, *rels: str) -> list[RuToken]:
        out = [self.tokens[k] for k in self.kids[tok.i]]
        return [c for c in out if not rels or c.rel.split(":")[0] in rels or c.rel in rels]

    def head_of(self, tok: RuToken) -> RuToken | None:
        return self.tokens[tok.head] if tok.head >= 0 else None

    def sentence_of(self, tok: RuToken) -> RuSentence:
        return self.sentences[tok.sent]

    def subtree(self, tok: RuToken) -> list[RuToken]:
        out, todo = [], [tok.i]
        while todo:
            k = todo.pop()
            out.append(self.tokens[k])
            todo.extend(self.kids[k])
        return sorted(out, key=lambda t: t.i)

    def token_at(self, offset: int) -> RuToken | None:
        for t in self.tokens:
            if t.start <= offset < t.end:
                return t
        return None


@functools.lru_cache(maxsize=1)
def _blas() -> tuple[Any, Any] | None:
    """numpy's OpenBLAS thread setter and getter, or None where there is no such library."""
    import numpy

    folder = Path(numpy.__file__).resolve().parent.parent / "numpy.libs"
    for path in sorted(folder.glob("*openblas*.so*")) if folder.is_dir() else []:
        try:
            lib = ctypes.CDLL(str(path))
        except OSError:
            continue
        for setter, getter in BLAS_SETTERS:
            if hasattr(lib, setter) and hasattr(lib, getter):
                return getattr(lib, setter), getattr(lib, getter)
    return None


@contextmanager
def blas_threads(n: int = BLAS_THREADS) -> Iterator[None]:
    """Hold numpy's OpenBLAS at `n` threads while natasha computes (no-op without OpenBLAS)."""
    found = _blas()
    if found is None:
        yield
        return
    setter, getter = found
    before = getter()
    setter(n)
    try:
        yield
    finally:
        setter(before)


@functools.lru_cache(maxsize=1)
def load_russian() -> dict[str, Any]:
    """natasha's segmenter, taggers, parser and lemmatiser, loaded once per process."""
    import warnings

    with warnings.catch_warnings():
        # natasha's lemmatiser builds a pymorphy2 analyser, which imports the deprecated
        # pkg_resources; nothing of ours to fix, and tests turn warnings into errors.
        warnings.simplefilter("ignore", UserWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

        emb = NewsEmbedding()
        return {
            "segmenter": Segmenter(),
            "morph": NewsMorphTagger(emb),
            "syntax": NewsSyntaxParser(emb),
            "ner": NewsNERTagger(emb),
            "vocab": MorphVocab(),
        }


@functools.lru_cache(maxsize=200_000)
def _lemma(vocab: Any, text: str, pos: str, feats: tuple[tuple[str, str], ...]) -> str:
    return vocab.lemmatize(text, pos, dict(feats)).lower()


def parse_russian(text: str) -> RuParse:
    """natasha's analysis of `text` as frozen records (offsets are into `text`)."""
    models = load_russian()
    from natasha import Doc

    text = text[:MAX_CHARS]
    doc = Doc(text)
    doc.segment(models["segmenter"])
    with blas_threads():
        doc.tag_morph(models["morph"])
        doc.parse_syntax(models["syntax"])
        doc.tag_ner(models["ner"])
    vocab = models["vocab"]
    tokens: list[RuToken] = []
    sentences: list[RuSentence] = []
    for s_i, sent in enumerate(doc.sents):
        first = len(tokens)
        ids = {t.id: first + k for k, t in enumerate(sent.tokens)}
        for k, t in enumerate(sent.tokens):
            feats = tuple(sorted((t.feats or {}).items()))
            pos = t.pos or "X"
            lemma = _lemma(vocab, t.text, pos, feats) if pos not in ("PUNCT", "NUM", "SYM") else t.text.lower()
            tokens.append(RuToken(i=first + k, text=t.text, start=t.start, end=t.stop, lemma=lemma, pos=pos, feats=feats,
                                  head=ids.get(t.head_id, -1), rel=t.rel or "dep", sent=s_i))
        sentences.append(RuSentence(start=sent.start, end=sent.stop, first=first, last=len(tokens)))
    by_start = {t.start: t.i for t in tokens}
    by_end = {t.end: t.i for t in tokens}
    names = []
    for span in doc.spans:
        span.normalize(vocab)
        if span.start in by_start and span.stop in by_end:
            names.append(RuName(start=span.start, end=span.stop, type=span.type, text=span.text, normal=span.normal or span.text,
                                first=by_start[span.start], last=by_end[span.stop] + 1))
    kids: list[list[int]] = [[] for _ in tokens]
    for t in tokens:
        if t.head >= 0 and t.head != t.i:
            kids[t.head].append(t.i)
    return RuParse(text=text, tokens=tuple(tokens), sentences=tuple(sentences), names=tuple(names),
                   kids=tuple(tuple(k) for k in kids))


def parse_batch(items: list[Work]) -> list[Work]:
    for w in items:
        if w.doc.text:
            w.parse = parse_russian(w.doc.text)
    return items


@register("parse-ru", 1, requires=["text"], provides=["parse"], batch=parse_batch)
def parse_ru_stage(work: Work) -> Work:
    """Sentences, tokens, lemmas, morphology, UD dependencies and names (natasha, Russian)."""
    return parse_batch([work])[0]
