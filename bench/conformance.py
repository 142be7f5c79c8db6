"""Measure claimcheck's grammar against other projects' test suites.

Usage::

    python bench/conformance.py                 # every suite found
    python bench/conformance.py --suite te3     # one suite
    python bench/conformance.py --show-failures te3
    python bench/conformance.py --extbench DIR  # where the JSON Lines suites live
                                                # (default: ../shared/extbench beside the repo)

Suites
------
``te3``: TempEval-3 platinum, 20 news documents with creation dates (DCT) and 138
TIMEX3 annotations. claimcheck's date grammar runs over each paragraph with the DCT as
anchor (as ``claimcheck timeline`` does with a dated document). Scoring, as TE3's
official script:

* strict span: our span equals the gold span; relaxed span: the spans overlap
  (pairs matched one to one, in text order). Precision is over every expression we
  found (dates and durations), recall over every gold TIMEX3, including the TIME and
  SET types we do not try to read, so nothing leaves the denominator.
* value: a relaxed match whose TIMEX3 value equals ours. Our interval becomes a value
  by its precision: day ``2013-03-22``, month ``2013-03``, year ``2013``, season
  ``2013-SU``, week ``2013-W12``, quarter ``2013-Q1``, decade ``201``; a span is the
  smallest of month, season, year or decade that holds it ("early December" is
  ``2012-12``, as TIMEX3 writes it with a START modifier). A duration becomes
  ``P7M``, ``P1W``, ``PXY`` (vague). Value F1 = 2PR / (P + R) with P and R counted
  over all our expressions and all gold ones.

Published value F1 on this set: HeidelTime 77.61, SUTime 67.38 (UzZaman et al. 2013).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claimcheck.dates import DURATION, find_date_mentions  # noqa: E402
from claimcheck.models import DateInterval, DateMention  # noqa: E402
from claimcheck.numbers import find_number_phrases  # noqa: E402
from claimcheck.vocab import season_starting  # noqa: E402

DEFAULT_EXTBENCH = ROOT.parent / "shared" / "extbench"
SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
DURATION_CODES = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "minute": "M", "decade": "Y", "century": "Y"}
TIME_UNITS = {"hour", "minute"}  # TIMEX3 writes these after a T: PT1H
DURATION_SCALE = {"decade": 10, "century": 100}


@dataclass
class Scores:
    """Span and value agreement of one suite, with the failures to learn from."""

    suite: str
    gold: int = 0
    found: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    failures: list[str] = field(default_factory=list)
    shapes: Counter = field(default_factory=Counter)

    @staticmethod
    def f1(hits: int, found: int, gold: int) -> tuple[float, float, float]:
        p = hits / found if found else 0.0
        r = hits / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


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
        year = iv.start.year
        return f"{year}-{SEASON_CODES.get(name, 'XX')}"
    if iv.precision == "decade":
        return str(iv.start.year)[:3]
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
    """"seven months" -> P7M, "a week" -> P1W, "several years" -> PXY."""
    words = text.casefold().replace("-", " ").split()
    unit = next((u for w in reversed(words) for u in DURATION_CODES if w.rstrip("s'") == u), None)
    if unit is None:
        return "P"
    phrases = [p for p in find_number_phrases(text, 0, len(text)) if p.value.low is not None]
    scale = DURATION_SCALE.get(unit, 1)
    if phrases:
        amount = f"{phrases[0].value.low * scale:g}"
    elif any(w in ("a", "an", "one") for w in words):
        amount = str(scale)
    else:
        amount = "X"
    return f"P{'T' if unit in TIME_UNITS else ''}{amount}{DURATION_CODES[unit]}"


def mention_value(mention: DateMention) -> Optional[str]:
    if mention.kind == DURATION:
        return duration_value(mention.text)
    return interval_value(mention.resolved) if mention.resolved else None


# ---------------------------------------------------------------- TempEval-3

def score_te3(folder: Path, limit: Optional[int] = None) -> Scores:
    scores = Scores("te3")
    docs = [json.loads(line) for line in (folder / "te3_platinum_docs.jsonl").read_text(encoding="utf-8").splitlines()]
    for doc in docs[:limit]:
        text, dct = doc["text"], dt.date.fromisoformat(doc["dct"][:10])
        gold = sorted(doc["timexes"], key=lambda t: t["start"])
        found = [m for start, end in doc["paragraphs"] for m in find_date_mentions(text, start, end, anchor=dct)]
        scores.gold += len(gold)
        scores.found += len(found)
        unmatched = list(found)
        for g in gold:
            match = next((m for m in unmatched if m.start < g["end"] and g["start"] < m.end), None)
            if match is None:
                scores.failures.append(f"{doc['doc_id']}: missed {g['text']!r} ({g['type']} {g['value']})")
                scores.shapes[f"missed {g['type']}"] += 1
                continue
            unmatched.remove(match)
            scores.relaxed += 1
            scores.strict += (match.start, match.end) == (g["start"], g["end"])
            ours = mention_value(match)
            if ours == g["value"]:
                scores.value += 1
            else:
                scores.failures.append(f"{doc['doc_id']}: {match.text!r} -> {ours} but {g['text']!r} is {g['value']}")
                scores.shapes[f"wrong value ({g['type']})"] += 1
        for m in unmatched:
            scores.failures.append(f"{doc['doc_id']}: extra {m.text!r} -> {mention_value(m)}")
            scores.shapes["extra"] += 1
    return scores


SUITES: dict[str, Callable[[Path, Optional[int]], Scores]] = {"te3": score_te3}


def report(scores: Scores) -> str:
    sp, sr, sf = Scores.f1(scores.strict, scores.found, scores.gold)
    rp, rr, rf = Scores.f1(scores.relaxed, scores.found, scores.gold)
    vp, vr, vf = Scores.f1(scores.value, scores.found, scores.gold)
    lines = [
        f"{scores.suite}: {scores.gold} gold expressions, {scores.found} found",
        f"  {'measure':<14}{'P':>8}{'R':>8}{'F1':>8}",
        f"  {'strict span':<14}{sp * 100:8.1f}{sr * 100:8.1f}{sf * 100:8.1f}",
        f"  {'relaxed span':<14}{rp * 100:8.1f}{rr * 100:8.1f}{rf * 100:8.1f}",
        f"  {'value':<14}{vp * 100:8.1f}{vr * 100:8.1f}{vf * 100:8.1f}",
        "  most common failures: " + ", ".join(f"{shape} ({n})" for shape, n in scores.shapes.most_common(10)),
    ]
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--extbench", type=Path, default=DEFAULT_EXTBENCH, help="folder of the suites' JSON Lines")
    parser.add_argument("--suite", choices=sorted(SUITES), action="append", help="run only this suite (repeatable)")
    parser.add_argument("--show-failures", choices=sorted(SUITES), help="list every failure of this suite")
    parser.add_argument("--limit", type=int, help="only the first N documents or cases of each suite (smoke runs)")
    args = parser.parse_args(argv)
    if not args.extbench.is_dir():
        print(f"Error: no suites at {args.extbench} (give --extbench DIR)", file=sys.stderr)
        return 2
    for name in args.suite or sorted(SUITES):
        scores = SUITES[name](args.extbench, args.limit)
        print(report(scores))
        if args.show_failures == name:
            print("\n".join("  " + f for f in scores.failures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
