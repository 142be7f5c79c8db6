"""Frozen dataclasses shared by every stage of the pipeline.

Offsets are always half-open ``[start, end)`` code-point offsets into a document's
decoded text, so ``document.text[x.start:x.end] == x.text`` holds for every span.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Optional, Union

Number = Union[int, float]

# Value kinds: how a number phrase bounds the quantity it states.
EXACT = "exact"  # 14,000
RANGE = "range"  # 11,000-12,000, between 10 and 12
LOWER_BOUND = "lower_bound"  # at least 10,000, more than 60
UPPER_BOUND = "upper_bound"  # up to 100,000, fewer than 20
VAGUE = "vague"  # thousands, dozens, a few hundred


def tidy_number(x: Optional[float]) -> Optional[Number]:
    """Return ``x`` as an int when it is integral, so JSON shows 14000, not 14000.0."""
    if x is None:
        return None
    if isinstance(x, float) and x.is_integer() and abs(x) < 2**63:
        return int(x)
    return x


@dataclass(frozen=True)
class Value:
    """A quantity as an interval: ``low``/``high`` of None mean open on that side."""

    low: Optional[Number]
    high: Optional[Number]
    approx: bool = False
    kind: str = EXACT

    def to_dict(self) -> dict[str, Any]:
        return {"low": self.low, "high": self.high, "approx": self.approx, "kind": self.kind}


# Quantity kinds of a number phrase. Only COUNT, MONEY, PERCENT and MEASURE become claims;
# the rest are recognised so that they are never mistaken for counts.
COUNT = "count"
MONEY = "money"
PERCENT = "percent"
MEASURE = "measure"
DURATION = "duration"
AGE = "age"
YEAR = "year"
DATE = "date"
TIME = "time"
ORDINAL = "ordinal"
RATIO = "ratio"
CLAIM_QUANTITIES = frozenset({COUNT, MONEY, PERCENT, MEASURE})

# A claim's role among the figures on its topic: only figures of one role are compared.
TOTAL = "total"  # the size of the whole thing counted
INCREMENT = "increment"  # an addition: "3,000 reinforcements", "thousands more"
PART = "part"  # a share of a larger figure: "including 3,000 ..."


@dataclass(frozen=True)
class NumberPhrase:
    """A number phrase found in text: the span includes its hedge ("about 14,000")."""

    start: int
    end: int
    text: str
    value: Value
    quantity: str  # one of COUNT, MONEY, PERCENT, MEASURE, DURATION, AGE, YEAR, ...
    unit: Optional[str] = None  # "USD", "%", "mm", "ton", "month", ...


@dataclass(frozen=True)
class DateInterval:
    """A resolved date: the calendar interval ``[start, end]`` (both inclusive)."""

    start: date
    end: date
    precision: str  # day, week, month, season, quarter, year, decade, span
    note: Optional[str] = None  # e.g. "meteorological seasons (fall = Sep-Nov)"

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "precision": self.precision,
            "note": self.note,
        }


# Kinds of date mention: resolved without an anchor, resolved against one, or a length
# of time that is not a date at all (the same word as the DURATION quantity kind).
ABSOLUTE = "absolute"  # April 28, 2025; in 2024
RELATIVE = "relative"  # on Saturday; last fall


# How a mention of a day the calendar does not have is shown, in every output.
IMPOSSIBLE_NOTE = "not a calendar date"


@dataclass(frozen=True)
class DateMention:
    """A date or duration expression found in text, resolved when it can be."""

    start: int
    end: int
    text: str
    kind: str  # ABSOLUTE, RELATIVE or DURATION
    resolved: Optional[DateInterval] = None  # None: relative with no anchor, a duration, or impossible
    future: bool = False  # "next month", "within the next two months"
    anchor: Optional[date] = None  # the date a relative expression was resolved against
    assumed: bool = False  # the anchor was inferred, not the document's known date
    impossible: bool = False  # names a day the calendar does not have: "February 30" (never resolved)


@dataclass(frozen=True)
class MetaField:
    """One metadata value with where it came from (manifest, front-matter, dateline)."""

    value: Any
    source: str


@dataclass(frozen=True)
class Span:
    """A stretch of a document left out of claims, with the reason."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class Part:
    """One article inside a file (a file may hold several, each with its headline)."""

    number: int
    start: int
    end: int
    title: Optional[str] = None
    byline: Optional[str] = None


@dataclass(frozen=True)
class Document:
    """A decoded text file with its metadata, articles and page furniture."""

    id: str  # path relative to the folder given, or as given; "-" for stdin
    path: Optional[str]
    text: str
    published: Optional[MetaField] = None
    outlet: Optional[MetaField] = None
    title: Optional[MetaField] = None
    parts: tuple[Part, ...] = ()
    boilerplate: tuple[Span, ...] = ()
    encoding: str = "utf-8"

    def part_at(self, offset: int) -> int:
        """The number of the article that contains ``offset`` (1 when there is one)."""
        i = bisect_right(self.parts, offset, key=lambda part: part.start) - 1  # parts are in text order
        if i >= 0 and offset < self.parts[i].end:
            return self.parts[i].number
        return self.parts[-1].number if self.parts else 1

    @property
    def published_date(self) -> Optional[date]:
        """The publication date as a date, when it is known."""
        return date.fromisoformat(self.published.value) if self.published else None

    @property
    def label(self) -> str:
        """How tables name the document: its outlet when known, else its id."""
        return self.outlet.value if self.outlet else self.id


@dataclass(frozen=True)
class SkippedFile:
    """A file that was asked for but could not be used, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class InputWarning:
    """A problem that did not stop the run: a manifest entry naming no file, or a
    document only partly read."""

    path: str  # the file concerned (a document's id when it has no path)
    message: str
    line: Optional[int] = None

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line, "message": self.message}


@dataclass(frozen=True)
class Corpus:
    documents: tuple[Document, ...]
    skipped: tuple[SkippedFile, ...] = ()
    topics: dict[str, Any] = field(default_factory=dict)  # user topics from the manifest
    warnings: tuple[InputWarning, ...] = ()


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Attribution:
    """Who asserts a claim: ``source`` says it (``via`` an outlet, when named)."""

    source: str
    start: int
    end: int
    verb: str
    via: Optional[str] = None
    pronoun: Optional[str] = None  # the pronoun the sentence used, when resolved to ``source``
    verb_start: Optional[int] = None  # where ``verb`` stands in the document
    verb_end: Optional[int] = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "via": self.via,
            "verb": self.verb,
            "start": self.start,
            "end": self.end,
            "verb_start": self.verb_start,
            "verb_end": self.verb_end,
            "pronoun": self.pronoun,
        }


@dataclass(frozen=True)
class Claim:
    """A quantitative claim with full provenance."""

    id: str
    doc: str
    part: int
    start: int
    end: int
    text: str
    value: Value
    quantity: str
    unit: Optional[str]
    counted: Optional[str]
    topic: Optional[str]
    role: str  # "total", "increment" or "part"
    attribution: Optional[Attribution]
    time: Optional[DateMention]
    sentence: Sentence
    notes: tuple[str, ...] = ()  # e.g. 'described as "additional"', 'includes 3,000 ...'


@dataclass(frozen=True)
class DocumentAnchor:
    """The date a document's relative expressions ("on Saturday") are resolved against."""

    date: date
    basis: str  # how it was chosen: "published (manifest)", "--as-of", "latest full date in the text", ...
    assumed: bool  # True unless it is the document's known publication date

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "basis": self.basis, "assumed": self.assumed}


@dataclass(frozen=True)
class Event:
    """A happening dated by one date expression: the clause it dates, with provenance.

    ``date.start``/``date.end`` is the date expression's span in the document; the
    clause ``[clause_start, clause_end)`` is what happened.
    """

    id: str
    doc: str
    part: int
    date: DateMention
    clause_start: int
    clause_end: int
    sentence: Sentence
    attribution: Optional[Attribution]
    durations: tuple[DateMention, ...] = ()  # "for seven months" in the same clause
    claims: tuple[str, ...] = ()  # ids of claims this date expression dates
    terms: tuple[str, ...] = ()  # key words used to match it with other sources' events
    cluster: Optional[str] = None  # the id of the EventCluster it belongs to

    @property
    def interval(self) -> Optional[DateInterval]:
        return self.date.resolved


@dataclass(frozen=True)
class DateReading:
    """One date a cluster's events give, and the events that give it."""

    interval: DateInterval
    events: tuple[str, ...]


@dataclass(frozen=True)
class EventCluster:
    """Events from several places that describe the same happening."""

    id: str
    events: tuple[str, ...]
    terms: tuple[str, ...]  # the key words they share
    readings: tuple[DateReading, ...]  # distinct dates, earliest first
    conflict: bool  # two readings cannot both hold
    reasons: tuple[str, ...] = ()  # what may explain a conflict
