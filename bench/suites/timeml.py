"""News corpora annotated with TIMEX3 (TempEval-3 platinum, MEANTIME), scored as TE3 does.

Scoring, as TempEval-3's official script:

* strict span: our span equals the gold span; relaxed span: the spans overlap (pairs
  matched one to one, in text order). Precision is over every expression we found,
  recall over every gold expression, including the TIME and SET types we do not try to
  read, so nothing leaves the denominator.
* value: a relaxed match whose TIMEX3 value equals ours. Our interval becomes a value by
  its precision: day ``2013-03-22``, month ``2013-03``, year ``2013``, season
  ``2013-SU``, week ``2013-W12``, quarter ``2013-Q1``, decade ``201``; a span is the
  smallest of month, season, year or decade that holds it ("early December" is
  ``2012-12``, as TIMEX3 writes it with a START modifier). A duration becomes ``P7M``,
  ``P1W``, ``PT3H``, ``PXY`` (vague). A span counted back or forward from the document
  date ("the past two years", "recent weeks", "in 100 days": ending on the document date,
  or beginning on it or the day after, as "the next two days" does) is written as the duration
  TIMEX3 annotates it (``P2Y``, ``PXW``, ``P100D``), a day with a part of the day as
  ``2013-03-22TAF``, and "now" as ``PRESENT_REF``. Value F1 = 2PR / (P + R) with P and R
  counted over all our expressions and all gold ones.
* the library is asked for present-reference expressions too (``present=True``: "now",
  "currently"), which TimeML annotates; ``claimcheck timeline`` leaves them out, as a
  happening dated "now" tells a reader nothing. Without them TE3 scores 84.4 relaxed
  span F1 and 79.5 value F1 (measured 2026-11-22).

MEANTIME's numeric VALUE markables (money, percent, quantity) have no normalised value,
so that suite reports span measures only, against every number phrase we find.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

import regex

from claimcheck.dates import find_date_mentions
from claimcheck.models import DATE, DURATION, ORDINAL, TIME, YEAR, DateInterval, DateMention
from claimcheck.numbers import find_number_phrases
from claimcheck.vocab import season_starting

SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
DURATION_CODES = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "minute": "M",
                  "second": "S", "decade": "Y", "century": "Y"}
TIME_UNITS = {"hour", "minute", "second"}
PART_OF_DAY_CODES = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
# "the past two years", "recent weeks", "in 100 days": a span from the document date.
_COUNTED_SPAN = regex.compile(r"""
    (?:\b(?:the\s+)?(?P<dir>past|last|next|coming|following|previous|recent)\s+  # the past
      | ^in\s+(?=(?!(?:the|next|last|this|past|coming)\b)\S+\s+\w+\s*$)) # in (100 days)
    (?P<count>.*?\s+)?                                                      # two / several
    (?P<unit>day|week|fortnight|month|quarter|year|decade)(?P<plural>s)?\s*$  # years
    """, regex.VERBOSE | regex.IGNORECASE)  # TIMEX3 writes these after a T: PT1H
DURATION_SCALE = {"decade": 10, "century": 100}
# Where a span counted forward begins: the day after the anchor ("the next two days" is
# the two days after it, claimcheck's convention), or the anchor ("in 100 days").
_NEXT_DAYS = (dt.timedelta(0), dt.timedelta(days=1))


@dataclass(frozen=True)
class Unit:
    """A stretch of text scored as a whole: a paragraph's document, or a sentence."""

    id: str
    text: str
    anchor: Optional[dt.date]
    regions: tuple[tuple[int, int], ...]  # where to search (TE3: paragraphs)
    gold: tuple[dict, ...]  # start, end, text, type, value (None: span only)


@dataclass
class SpanScores:
    """Span and value agreement over a corpus, with the failures to learn from."""

    suite: "SpanSuite"
    gold: int = 0
    found: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    failures: list[str] = field(default_factory=list)
    shapes: Counter = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)

    def fail(self, shape: str, detail: str) -> None:
        self.failures.append(detail)
        self.shapes[shape] += 1
        self.examples.setdefault(shape, detail)

    def example_of(self, shape: str) -> str:
        return self.examples[shape]

    @staticmethod
    def f1(hits: int, found: int, gold: int) -> tuple[float, float, float]:
        p = hits / found if found else 0.0
        r = hits / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def measures(self) -> dict[str, tuple[float, float, float]]:
        """Precision, recall and F1 in percent, for each measure the suite has."""
        names = {"strict span": self.strict, "relaxed span": self.relaxed}
        if self.suite.values:
            names["value"] = self.value
        return {name: tuple(x * 100 for x in self.f1(hits, self.found, self.gold))
                for name, hits in names.items()}


@dataclass(frozen=True)
class SpanSuite:
    """A corpus scored by span and value F1 over all its expressions."""

    name: str
    file: str  # the JSON Lines file the units come from
    description: str
    units: Callable[[Path], list[Unit]]
    find: Callable[[Unit], list[tuple[int, int, str, Optional[str]]]]  # start, end, text, value
    values: bool = True
    targets: tuple[tuple[str, float], ...] = ()  # (measure, F1 at least)

    def score(self, folder: Path, limit: Optional[int] = None) -> SpanScores:
        scores = SpanScores(self)
        for unit in self.units(folder)[:limit]:
            _score_unit(scores, unit, self.find(unit), self.values)
        return scores


def _score_unit(scores: SpanScores, unit: Unit, found: list, values: bool) -> None:
    gold = sorted(unit.gold, key=lambda g: g["start"])
    scores.gold += len(gold)
    scores.found += len(found)
    unmatched = list(found)
    for g in gold:
        match = next((f for f in unmatched if f[0] < g["end"] and g["start"] < f[1]), None)
        if match is None:
            scores.fail(f"missed {g['type']}", f"{unit.id}: missed {g['text']!r} ({g['type']} {g.get('value')})")
            continue
        unmatched.remove(match)
        scores.relaxed += 1
        scores.strict += (match[0], match[1]) == (g["start"], g["end"])
        if not values:
            continue
        if match[3] == g["value"]:
            scores.value += 1
        else:
            scores.fail(f"wrong value ({g['type']})",
                        f"{unit.id}: {match[2]!r} -> {match[3]} but {g['text']!r} is {g['value']}")
    for f in unmatched:
        scores.fail("extra", f"{unit.id}: extra {f[2]!r} -> {f[3]}")


# ---------------------------------------------------------------- our output as TIMEX3 values

def interval_value(iv: DateInterval) -> str:
    """A resolved interval as the TIMEX3 value of its precision."""
    if iv.precision == "day":
        return iv.start.isoformat()
    if iv.precision == "month":
        return iv.start.strftime("%Y-%m")
    if iv.precision == "year":
        return str(iv.start.year)
    if iv.precision == "week":
        year, week, _ = iv.start.isocalendar()
        return f"{year}-W{week:02d}"
    if iv.precision == "quarter":
        return f"{iv.start.year}-Q{(iv.start.month - 1) // 3 + 1}"
    if iv.precision == "season":
        name = season_starting(iv.start.month)
        return f"{iv.start.year}-{SEASON_CODES.get(name, 'XX')}"
    if iv.precision == "decade":
        return str(iv.start.year)[:3]
    if iv.precision == "century":
        return f"{iv.start.year // 100:02d}"
    return _span_value(iv)


def _span_value(iv: DateInterval) -> str:
    s, e = iv.start, iv.end
    if (s.year, s.month) == (e.year, e.month):
        return s.strftime("%Y-%m")
    if s.year == e.year:
        return str(s.year)
    if s.year // 10 == e.year // 10:
        return str(s.year)[:3]
    return f"{s.isoformat()}/{e.isoformat()}"


def duration_value(text: str) -> str:
    """"seven months" -> P7M, "a week" -> P1W, "three hours" -> PT3H, "several years" -> PXY."""
    words = text.casefold().replace("-", " ").split()
    unit = next((u for w in reversed(words) for u in DURATION_CODES if w.rstrip("s'") == u), None)
    if unit is None:
        return "P"
    phrases = [p for p in find_number_phrases(text, 0, len(text)) if p.value.low is not None]
    scale = DURATION_SCALE.get(unit, 1)
    if phrases:
        amount = f"{phrases[0].value.low * scale:g}"
    elif any(w in ("a", "an", "one") for w in words) or words[-1] == unit:  # "the next decade"
        amount = str(scale)
    else:
        amount = "X"
    return f"P{'T' if unit in TIME_UNITS else ''}{amount}{DURATION_CODES[unit]}"


def mention_value(mention: DateMention) -> Optional[str]:
    if mention.kind == DURATION:
        return duration_value(mention.text)
    iv = mention.resolved
    if iv is None:
        return None
    if iv.precision == "present":
        return "PRESENT_REF"
    span = _COUNTED_SPAN.search(mention.text)
    if span is not None and mention.anchor is not None and (iv.start - mention.anchor in _NEXT_DAYS
                                                            or iv.end == mention.anchor
                                                            or not span.group("dir")):
        if span.group("count") or span.group("plural") or span.group("unit").lower() == "decade" \
                or not span.group("dir"):
            return duration_value(mention.text[span.start():])
    value = interval_value(iv)
    part = next((code for word, code in PART_OF_DAY_CODES.items()
                 if regex.search(rf"\b{word}\s*$", mention.text, regex.IGNORECASE)), None)
    return f"{value}T{part}" if part and iv.precision == "day" else value


def find_timexes(unit: Unit) -> list[tuple[int, int, str, Optional[str]]]:
    """claimcheck's date and duration mentions in a unit, with their TIMEX3 values."""
    return [(m.start, m.end, m.text, mention_value(m))
            for start, end in unit.regions
            for m in find_date_mentions(unit.text, start, end, anchor=unit.anchor, present=True)]


# Number phrases that TimeML marks as TIMEX3, or not at all, rather than as a VALUE.
NOT_VALUES = frozenset({DATE, YEAR, TIME, DURATION, ORDINAL})


def find_numbers(unit: Unit) -> list[tuple[int, int, str, Optional[str]]]:
    """claimcheck's number phrases in a unit, except dates, times, durations and ordinals."""
    return [(p.start, p.end, p.text, None)
            for start, end in unit.regions
            for p in find_number_phrases(unit.text, start, end) if p.quantity not in NOT_VALUES]


# ---------------------------------------------------------------- the corpora

def _lines(path: Path) -> Iterable[dict]:
    return (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def _date(value: Optional[str]) -> Optional[dt.date]:
    """A creation date; one MEANTIME document writes it DD-MM-YYYY ("03-02-2009" is 3 February)."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return dt.datetime.strptime(value, "%d-%m-%Y").date()


def te3_units(folder: Path) -> list[Unit]:
    """TempEval-3 platinum: each document, searched paragraph by paragraph, its DCT the anchor."""
    return [Unit(doc["doc_id"], doc["text"], _date(doc["dct"]), tuple(map(tuple, doc["paragraphs"])),
                 tuple(doc["timexes"]))
            for doc in _lines(folder / "te3_platinum_docs.jsonl")]


def _meantime_units(folder: Path, kind: str) -> list[Unit]:
    """MEANTIME: each annotated sentence (tokens joined by spaces), its document's DCT the anchor.

    MEANTIME annotates only the start of each article (title, dateline and the first few
    sentences); the sentences after the last one that holds any annotation in the corpus
    are left out, since what we find there could not be scored.
    """
    rows = list(_lines(folder / "meantime_sentences.jsonl"))
    annotated = max(_sentence_index(row) for row in rows if row["expected"])
    return [Unit(row["id"], row["text"], _date(row["dct"]), ((0, len(row["text"])),),
                 tuple(g for g in row["expected"] if g["kind"] == kind))
            for row in rows if _sentence_index(row) <= annotated]


def _sentence_index(row: dict) -> int:
    return int(row["id"].rsplit(":s", 1)[1])


SUITES = (
    SpanSuite("te3", "te3_platinum_docs.jsonl", "TempEval-3 platinum: 20 news documents, 138 TIMEX3, document dates as anchors",
              te3_units, find_timexes, targets=(("value", 80.0), ("relaxed span", 88.0))),
    SpanSuite("meantime_timex", "meantime_sentences.jsonl", "MEANTIME: 120 Wikinews articles, 488 TIMEX3 (tokenized text)",
              lambda folder: _meantime_units(folder, "TIMEX3"), find_timexes),
    SpanSuite("meantime_values", "meantime_sentences.jsonl", "MEANTIME: 417 money, percent and quantity spans (no values given)",
              lambda folder: _meantime_units(folder, "VALUE"), find_numbers, values=False),
)
