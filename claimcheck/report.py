"""The library's top level: corpus in, report out. Renderers turn reports into text."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterable, Iterator, Optional, Sequence, Union

from .cache import ResultCache
from .comparison import DEFAULT_TOLERANCE, Comparison, compare
from .corpus import CorpusStream, load_corpus, stream_corpus
from .errors import ConfigError, TopicError
from .lexicon import Lexicon, lexicon_for, singular
from .models import Claim, Corpus, Document, DocumentAnchor, Event, EventCluster, InputWarning, SkippedFile
from .pipeline import (Built, DocumentResult, ExtractOptions, Progress, Rendered, Renderer, Source, analyse_documents,
                       render_documents)

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


@dataclass(frozen=True)
class TimelineReport:
    """Dated events across the corpus in date order, with clusters and date conflicts."""

    corpus: Corpus
    events: tuple[Event, ...]
    clusters: tuple[EventCluster, ...]
    anchors: dict[str, Optional[DocumentAnchor]]
    claims: dict[str, Claim]  # the claims events list, by id
    keyword: Optional[str] = None
    date_from: Optional[dt.date] = None
    date_to: Optional[dt.date] = None

    @property
    def has_conflicts(self) -> bool:
        return any(c.conflict for c in self.clusters)


Report = Union[ClaimsReport, DiffReport, SourcesReport, TimelineReport]


@dataclass(frozen=True)
class RunOptions:
    """How extraction runs: processes, cache, progress. None of it changes the output."""

    jobs: int = 1
    cache: Optional[ResultCache] = None
    progress: Optional[Progress] = None


def analysed(documents: Iterable[Source], lexicon: Lexicon, options: ExtractOptions, run: RunOptions,
             problems: list[InputWarning], anchors: Optional[dict[str, Optional[DocumentAnchor]]] = None,
             built: Optional[Built] = None) -> Iterator[tuple[Document, DocumentResult]]:
    """``analyse_documents`` with ``run``'s settings; each document that could only be
    partly read adds a warning to ``problems``."""
    results = analyse_documents(documents, lexicon, options, anchors, jobs=run.jobs, cache=run.cache,
                                progress=run.progress, built=built)
    for doc, result in results:
        if result.problem:
            problems.append(InputWarning(doc.path or doc.id, result.problem))
        yield doc, result


def read_corpus_claims(paths: Sequence[str], manifest: Optional[str], keep_boilerplate: bool,
                       run: RunOptions) -> tuple[list[Claim], Corpus, Lexicon]:
    """Claims from every document (document order, then text order), the corpus with a
    warning for each document that could only be partly read, and the lexicon; each
    document is laid out where its claims are read (in the workers, when there are
    several) or taken from the cache with them."""
    stream = stream_corpus(paths, manifest, run.cache, defer_layout=True)
    drafts = list(stream)  # every file read first: a folder's manifest may add topics
    lexicon = lexicon_for(stream.topics)
    problems: list[InputWarning] = []
    documents, claims = [], []
    for doc, result in analysed(drafts, lexicon, ExtractOptions(keep_boilerplate), run, problems, built=stream.built):
        documents.append(doc)
        claims.extend(result.claims)
    stream.check_read_something()  # every draft is built now
    corpus = Corpus(tuple(documents), stream.skipped, stream.topics, stream.warnings)
    return claims, with_warnings(corpus, problems), lexicon


def with_warnings(corpus: Corpus, problems: Sequence[InputWarning]) -> Corpus:
    return replace(corpus, warnings=corpus.warnings + tuple(problems)) if problems else corpus


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
    run: RunOptions = RunOptions(),
) -> ClaimsReport:
    claims, corpus, lexicon = read_corpus_claims(paths, manifest, keep_boilerplate, run)
    if topic is not None:
        topic, claims = select_topic(topic, claims, lexicon)
    return ClaimsReport(corpus, tuple(claims), topic)


def build_diff_report(
    topic: Optional[str] = None,
    paths: Sequence[str] = (),
    manifest: Optional[str] = None,
    keep_boilerplate: bool = False,
    tolerance: float = DEFAULT_TOLERANCE,
    run: RunOptions = RunOptions(),
) -> DiffReport:
    """Compare the claims on ``topic``; with no topic, every topic that has a conflict."""
    if not 0 <= tolerance < 1:
        raise ConfigError(f"--tolerance must be between 0 and 1 (got {tolerance})", hint="0.05 means 5%")
    claims, corpus, lexicon = read_corpus_claims(paths, manifest, keep_boilerplate, run)
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


_USER_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def parse_date_option(value: Optional[str], option: str, *, last_day: bool = False, day_only: bool = False) -> Optional[dt.date]:
    """A date given on the command line: YYYY-MM-DD, or (unless ``day_only``) YYYY-MM or
    YYYY, taken as their first day, or their last with ``last_day``."""
    if value is None:
        return None
    wanted = "YYYY-MM-DD" if day_only else "YYYY-MM-DD, YYYY-MM or YYYY"
    m = _USER_DATE.fullmatch(value.strip())
    if not m or (day_only and m.group(3) is None):
        raise ConfigError(f"{option} must be a date ({wanted}), not '{value}'")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if month is None:
            return dt.date(year, 12, 31) if last_day else dt.date(year, 1, 1)
        if day is None:
            first = dt.date(year, int(month), 1)
            if not last_day:
                return first
            following = dt.date(year + (first.month == 12), first.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(year, int(month), int(day))
    except ValueError:
        raise ConfigError(f"{option} is not a real date: '{value}'", hint=wanted) from None


def build_timeline_report(
    keyword: Optional[str] = None,
    paths: Sequence[str] = (),
    manifest: Optional[str] = None,
    as_of: Optional[dt.date] = None,
    date_from: Optional[dt.date] = None,
    date_to: Optional[dt.date] = None,
    keep_boilerplate: bool = False,
    run: RunOptions = RunOptions(),
) -> TimelineReport:
    """Every dated event in date order, clustered across sources; then filtered by
    ``keyword`` and by the dates ``[date_from, date_to]``."""
    from .anchors import document_anchors
    from .timeline import cluster_events, matches_keyword, overlaps

    if date_from and date_to and date_from > date_to:
        raise ConfigError(f"--from {date_from} is after --to {date_to}")
    if keyword is not None and not keyword.strip():
        raise ConfigError("the keyword is empty", hint="give a word such as 'troops', or leave it out")
    corpus = load_corpus(paths, manifest, run.cache)
    lexicon = lexicon_for(corpus.topics)
    anchors = document_anchors(corpus, as_of, run.cache)
    events: list[Event] = []
    claims: dict[str, Claim] = {}
    problems: list[InputWarning] = []
    for _, result in analysed(corpus.documents, lexicon, ExtractOptions(keep_boilerplate, events=True), run,
                              problems, anchors):
        claims.update((c.id, c) for c in result.claims)
        events.extend(result.events)
    corpus = with_warnings(corpus, problems)
    events, clusters = cluster_events(events)
    topics = {cid: c.topic for cid, c in claims.items()}
    shown = [
        e for e in events
        if overlaps(e, date_from, date_to) and (keyword is None or matches_keyword(e, keyword, lexicon, topics))
    ]
    shown_clusters = {e.cluster for e in shown}
    listed = {cid for e in shown for cid in e.claims}
    return TimelineReport(
        corpus,
        tuple(shown),
        tuple(c for c in clusters if c.id in shown_clusters),
        anchors,
        {cid: c for cid, c in claims.items() if cid in listed},
        keyword,
        date_from,
        date_to,
    )


class ClaimsStream:
    """`claims` over a corpus read one document at a time, for archives too large to
    hold: iterate it once for ``(document, claims)`` (or, made with ``render``, for each
    document's rendered output); after that ``skipped`` and ``warnings`` are complete."""

    def __init__(self, corpus: CorpusStream, keep_boilerplate: bool, run: RunOptions,
                 render: Optional[Renderer] = None) -> None:
        self.corpus = corpus
        self.problems: list[InputWarning] = []
        lexicon, options = lexicon_for(corpus.topics), ExtractOptions(keep_boilerplate)
        if render is None:
            self._results: Iterator = analysed(corpus, lexicon, options, run, self.problems, built=corpus.built)
        else:
            self._results = render_documents(corpus, lexicon, options, render, jobs=run.jobs, cache=run.cache,
                                             progress=run.progress, built=corpus.built)

    def __iter__(self) -> Iterator:
        """``(document, claims)``, or each ``Rendered`` document when made with ``render``."""
        for found in self._results:
            if isinstance(found, Rendered):
                if found.problem:
                    self.problems.append(InputWarning(found.path or found.id, found.problem))
                yield found
            else:
                doc, result = found
                yield doc, result.claims
        self.corpus.check_read_something()  # every draft the corpus handed out is built now

    @property
    def skipped(self) -> tuple[SkippedFile, ...]:
        return self.corpus.skipped

    @property
    def warnings(self) -> tuple[InputWarning, ...]:
        return self.corpus.warnings + tuple(self.problems)


def stream_claims(paths: Sequence[str] = (), manifest: Optional[str] = None, keep_boilerplate: bool = False,
                  run: RunOptions = RunOptions(), render: Optional[Renderer] = None) -> ClaimsStream:
    """Every claim, document by document, without holding the corpus in memory; with
    ``render``, each document rendered where it was analysed (see ``render_documents``)."""
    # Documents are laid out where they are analysed: in the workers, when there are several.
    return ClaimsStream(stream_corpus(paths, manifest, run.cache, defer_layout=True), keep_boilerplate, run, render)
