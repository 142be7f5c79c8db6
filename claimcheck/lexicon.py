"""The topic lexicon: counted nouns, outcome verbs and attribution words, as data.

The default lives in ``data/lexicon.toml``; a corpus manifest's ``[topics.NAME]``
tables extend it (adding words to a known topic, or new topics).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Mapping, Optional

from .resources import load_data


@lru_cache(maxsize=1 << 16)  # called for most words of every sentence read, on a small vocabulary
def singular(word: str) -> str:
    """A crude singular for matching ("casualties" -> "casualty", "troops" -> "troop")."""
    w = word.casefold().replace("’", "'")
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us")):
        return w[:-1]
    return w


def _key(phrase: str) -> tuple[str, ...]:
    words = phrase.casefold().split()
    return tuple(words[:-1]) + (singular(words[-1]),) if words else ()


@dataclass(frozen=True)
class Lexicon:
    """Lookup tables built once from the lexicon data."""

    nouns: Mapping[tuple[str, ...], str]  # singular key of a counted noun -> topic
    verbs: Mapping[tuple[str, ...], str]  # outcome verb phrase (as written) -> topic
    aliases: Mapping[str, str]  # alias or topic name -> topic
    topics: tuple[str, ...]
    attribution_verbs: frozenset[str]
    telling_verbs: frozenset[str]
    attribution_prefixes: tuple[str, ...]
    roles: Mapping[str, Any]
    quantity_topics: Mapping[str, str]
    longest_noun: int = 1
    longest_verb: int = 1
    descriptions: Mapping[str, str] = field(default_factory=dict)
    noun_heads: frozenset[str] = field(init=False)  # the last word (singular) of every counted noun
    verb_starts: frozenset[str] = field(init=False)  # the first word of every outcome verb phrase
    total_verb_ends: frozenset[str] = field(init=False)  # the last word of every "total" verb (roles)

    def __post_init__(self) -> None:
        object.__setattr__(self, "noun_heads", frozenset(k[-1] for k in self.nouns if k))
        object.__setattr__(self, "verb_starts", frozenset(k[0] for k in self.verbs if k))
        object.__setattr__(self, "total_verb_ends", frozenset(v.split()[-1] for v in self.roles["total_verbs"] if v.split()))

    def noun_topic(self, words: tuple[str, ...]) -> Optional[str]:
        """Topic of a counted noun given as a tuple of lower-case words."""
        return self.nouns.get(words[:-1] + (singular(words[-1]),)) if words else None

    def noun_head(self, word: str) -> Optional[str]:
        """The singular of the lower-case ``word`` when a counted noun ends with it (the
        last word of its key in ``nouns``), else None: a quick test before trying the
        noun phrases that end there."""
        head = singular(word)
        return head if head in self.noun_heads else None

    def verb_topic(self, words: tuple[str, ...]) -> Optional[str]:
        return self.verbs.get(tuple(w.casefold() for w in words))

    def topic_for_word(self, word: str) -> Optional[str]:
        """The topic a user's word names: a topic, an alias, or a known counted noun."""
        w = word.strip().casefold()
        if w in self.aliases:
            return self.aliases[w]
        return self.noun_topic(tuple(w.split())) if w else None


def build_lexicon(extra_topics: Optional[Mapping[str, Mapping[str, Any]]] = None) -> Lexicon:
    """The default lexicon extended with ``extra_topics`` (from a manifest)."""
    data = load_data("lexicon.toml")
    merged: dict[str, dict[str, list[str]]] = {}
    descriptions: dict[str, str] = {}
    for name, entry in list(data["topics"].items()) + list((extra_topics or {}).items()):
        topic = merged.setdefault(name.casefold(), {"nouns": [], "verbs": [], "aliases": []})
        for key in topic:
            topic[key].extend(entry.get(key, []))
        if entry.get("description"):
            descriptions[name.casefold()] = entry["description"]

    nouns: dict[tuple[str, ...], str] = {}
    verbs: dict[tuple[str, ...], str] = {}
    aliases: dict[str, str] = {}
    for name, entry in merged.items():
        aliases[name] = name
        for noun in entry["nouns"]:
            nouns[_key(noun)] = name
        for verb in entry["verbs"]:
            verbs[tuple(verb.casefold().split())] = name
        for alias in entry["aliases"]:
            aliases.setdefault(alias.casefold(), name)

    attribution = data["attribution"]
    return Lexicon(
        nouns=nouns,
        verbs=verbs,
        aliases=aliases,
        topics=tuple(sorted(merged)),
        attribution_verbs=frozenset(attribution["verbs"]),
        telling_verbs=frozenset(attribution["telling"]),
        attribution_prefixes=tuple(sorted(attribution["prefixes"], key=len, reverse=True)),
        roles={name: tuple(words) for name, words in data["roles"].items()},  # (tuples: str.endswith takes them)
        quantity_topics=data["quantities"],
        longest_noun=max((len(k) for k in nouns), default=1),
        longest_verb=max((len(k) for k in verbs), default=1),
        descriptions=descriptions,
    )


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped lexicon, built once per process."""
    return build_lexicon()


def lexicon_for(extra_topics: Optional[Mapping[str, Mapping[str, Any]]]) -> Lexicon:
    return build_lexicon(extra_topics) if extra_topics else default_lexicon()
