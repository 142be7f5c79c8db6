"""The library's top level: corpus in, report out. Renderers turn reports into text."""

from __future__ import annotations

import warnings
from collections import Counter
from dataclasses import dataclass, replace
from typing import Optional, Sequence, Union

from .claims import extract_claims
from .comparison import DEFAULT_TOLERANCE, Comparison, compare
from .corpus import load_corpus
from .errors import ConfigError, PartialReadWarning, TopicError
from .lexicon import Lexicon, lexicon_for, singular
from .models import Claim, Corpus, Document, InputWarning

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class ClaimsReport:
    """Every claim in a corpus (optionally one topic's)."""

    corpus: Corpus
    claims: tuple[Claim, ...]
    topic: Optional[str] = None


@dataclass(frozen=True)
class SourcesReport:
    """The documents with their metadata, articles and what was left out."""

    corpus: Corpus


@dataclass(frozen=True)
class DiffReport:
    """Claims on one topic (or every topic with a conflict), grouped and compared."""

    corpus: Corpus
    topic: Optional[str]
    claims: tuple[Claim, ...]
    comparison: Comparison
    tolerance: float

    @property
    def has_conflicts(self) -> bool:
        return self.comparison.conflict_count > 0


Report = Union[ClaimsReport, DiffReport, SourcesReport]


def corpus_claims(corpus: Corpus, lexicon: Lexicon, keep_boilerplate: bool = False) -> list[Claim]:
    """Claims from every document, in document order then text order."""
    return [c for doc in corpus.documents for c in extract_claims(doc, lexicon, keep_boilerplate)]


def read_claims(corpus: Corpus, lexicon: Lexicon, keep_boilerplate: bool = False) -> tuple[list[Claim], Corpus]:
    """Claims from every document, and the corpus with a warning for each document
    that could only be partly read, so a pathological file is reported, not hidden."""
    claims: list[Claim] = []
    problems: list[InputWarning] = []
    for doc in corpus.documents:
        found, problem = _document_claims(doc, lexicon, keep_boilerplate)
        claims.extend(found)
        if problem:
            problems.append(InputWarning(doc.path or doc.id, problem))
    return claims, replace(corpus, warnings=corpus.warnings + tuple(problems)) if problems else corpus


def _document_claims(doc: Document, lexicon: Lexicon, keep_boilerplate: bool) -> tuple[list[Claim], Optional[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", PartialReadWarning)
        try:
            found = extract_claims(doc, lexicon, keep_boilerplate)
        except TimeoutError:  # splitting into sentences or words: nothing sensible to keep
            return [], "claims not read: splitting the text into sentences reached its time limit"
    partial = []
    for caught_warning in caught:
        if issubclass(caught_warning.category, PartialReadWarning):
            partial.append(str(caught_warning.message))
        else:  # not ours: pass it on as if it had not been caught
            warnings.warn_explicit(caught_warning.message, caught_warning.category, caught_warning.filename, caught_warning.lineno)
    if not partial:
        return found, None
    more = f" (and {len(partial) - 1} more)" if len(partial) > 1 else ""
    return found, f"partly read: {partial[0]}{more}"


def topic_counts(claims: Sequence[Claim]) -> Counter:
    return Counter(c.topic for c in claims if c.topic)


def select_topic(word: str, claims: Sequence[Claim], lexicon: Lexicon) -> tuple[str, list[Claim]]:
    """The claims a user's topic word names.

    A topic name or alias, or a counted noun the lexicon knows, selects that topic.
    Any other word selects the claims whose counted noun is that word (singular or
    plural); when none is, ``TopicError`` lists the topics the corpus has.
    """
    cleaned = word.strip()
    if not cleaned:
        raise ConfigError("the topic is empty", hint="give a word such as 'troops', or leave it out")
    topic = lexicon.topic_for_word(cleaned)
    if topic:
        return topic, [c for c in claims if c.topic == topic]
    key = singular(cleaned.split()[-1])
    matched = [
        replace(c, topic=cleaned.casefold())
        for c in claims
        if c.counted and singular(c.counted.split()[-1]) == key
    ]
    if matched:
        return cleaned.casefold(), matched
    found = ", ".join(f"{name} ({n})" for name, n in sorted(topic_counts(claims).items()))
    raise TopicError(
        f"no claims about '{cleaned}' in this corpus",
        hint=f"topics found: {found}" if found else "no claims were found at all",
    )


def build_claims_report(
    paths: Sequence[str] = (),
    topic: Optional[str] = None,
    manifest: Optional[str] = None,
    keep_boilerplate: bool = False,
) -> ClaimsReport:
    corpus = load_corpus(paths, manifest)
    lexicon = lexicon_for(corpus.topics)
    claims, corpus = read_claims(corpus, lexicon, keep_boilerplate)
    if topic is not None:
        topic, claims = select_topic(topic, claims, lexicon)
    return ClaimsReport(corpus, tuple(claims), topic)


def build_diff_report(
    topic: Optional[str] = None,
    paths: Sequence[str] = (),
    manifest: Optional[str] = None,
    keep_boilerplate: bool = False,
    tolerance: float = DEFAULT_TOLERANCE,
) -> DiffReport:
    """Compare the claims on ``topic``; with no topic, every topic that has a conflict."""
    if not 0 <= tolerance < 1:
        raise ConfigError(f"--tolerance must be between 0 and 1 (got {tolerance})", hint="0.05 means 5%")
    corpus = load_corpus(paths, manifest)
    lexicon = lexicon_for(corpus.topics)
    claims, corpus = read_claims(corpus, lexicon, keep_boilerplate)
    if topic is not None:
        topic, claims = select_topic(topic, claims, lexicon)
    comparison = compare(claims, corpus.documents, tolerance)
    if topic is None:
        conflicted = {g.topic for g in comparison.groups if g.conflicts}
        claims = [c for c in claims if c.topic in conflicted]
        comparison = Comparison(
            tuple(g for g in comparison.groups if g.topic in conflicted), comparison.conflicts_with
        )
    return DiffReport(corpus, topic, tuple(claims), comparison, tolerance)


def build_sources_report(paths: Sequence[str] = (), manifest: Optional[str] = None) -> SourcesReport:
    """The documents with their metadata, articles and what was left out."""
    return SourcesReport(load_corpus(paths, manifest))
