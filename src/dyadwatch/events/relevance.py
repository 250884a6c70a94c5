"""Is an event about politics at all? An event needs a political side.

News about sport, recipes, products or the weather uses the same verbs as politics ("beat",
"attacked", "asked", "supported"), and a coder that reads verbs alone turns a football score
into an assault. CAMEO and PLOVER code interactions of political actors: states and their
organs, international and non-governmental organisations, parties, armed groups, officials,
and crowds acting politically. So an event stands only when at least one side is such an
actor, judged from the actor record the actor stage built (its type, dictionary code and
sector), never from the country a side was merely placed in, or, when neither side is
known as such, when its sentence names a political actor or uses a word of politics
("Ford pardoned Nixon after he resigned the presidency"). A football score or a jam recipe has
neither.
"""
from __future__ import annotations

import functools
from typing import Any

from ..lexicons import lexicon_text
from ..models import Actor, Document

POLITICAL_WORDS_FILE = ("en", "political_words.txt")

# Actor sectors (data/actors/roles.tsv, after the CAMEO actor codebook) that make an actor
# political by themselves. Business, education, media, health and civilians are not: they
# are political sides only when a dictionary code says so (a state company, a party paper).
POLITICAL_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "OPP", "PTY", "REB", "NGO", "IGO", "LAB",
                               "REF", "ELI", "REL", "HRI", "INS", "SEP", "UAF", "IMG", "NGM", "MOD", "RAD", "CRM"})


def political(actor: Actor | None) -> bool:
    """Can this actor be a side of a political event?"""
    if actor is None:
        return False
    if actor.type == "COUNTRY" or actor.code:
        return True  # a state, or an actor the dictionaries know (organs, IGOs, parties, armed groups)
    if (actor.sector or "").upper() in POLITICAL_SECTORS or actor.roles:
        return True  # an official by title, an institution, protesters, rebels
    if actor.type in ("LOCATION", "PERSON") and actor.country is not None:
        return True  # "Kyiv" for Ukraine's government; a person the actor stage placed in a country by name
    if actor.type in ("ORG", "GROUP"):
        return bool(set(actor.name.lower().replace("-", " ").split()) & political_words())
    return False


@functools.lru_cache(maxsize=1)
def political_words() -> frozenset[str]:
    text = lexicon_text(*POLITICAL_WORDS_FILE)
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def political_sentence(doc: Document, sent: Any) -> bool:
    """Does the sentence (a parsed span) name a political actor or use a word of politics?"""
    lo, hi = sent.start_char, sent.end_char
    for a in doc.actors:
        if any(lo <= m.start < hi for m in a.mentions) and political(a):
            return True
    words = political_words()
    return any(t.lemma_.lower() in words or t.lower_ in words for t in sent)
