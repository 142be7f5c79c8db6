"""Date suites: Recognizers-Text's DateTime spec and Duckling's time corpus, against
``find_date_mentions`` with the suite's reference date as anchor.

Values: ours is a resolved interval ``[start, end]`` (inclusive days). A suite's date
becomes the interval of its grain: a day is itself, a week its seven days, a month, a
quarter, a year. A Duckling interval ends before its ``to`` (exclusive); a
Recognizers-Text date range ends before its ``end``, except a range written with two
days ("from 4-23"), where the spec makes the last day its ``end``: both readings pass.
Recognizers-Text gives an under-specified date ("November 19") both a past and a future
resolution; either passes. Duckling resolves it to the next occurrence after the
reference time only (its README: "the next occurrence"), where claimcheck's news reading
prefers the past: the Duckling scorer passes ``prefer="future"`` to
``find_date_mentions``, the library's option for that orientation, and
``present=True``, since Duckling reads "now" and "at this time" as the reference time.

Two Recognizers-Text shapes have no closed interval, and claimcheck has none for them
either, so they are read as what they refer to:

* an open-ended range ("after 2016", "since August", "before the end of December") gives
  only its boundary day (``start`` or ``end``, with a ``Mod``). claimcheck resolves such a
  mention to the interval it is anchored on (2016; August; December) and does not model
  the open side. That passes when the boundary is that interval's first day or the day
  after its last ("after 2016" starts 2017-01-01): the same date is meant, and a
  different year or month still fails.
* a range from one month to another ("Jan-Feb 2017", "from May to Oct 2020") ends, in
  the spec, on the first day of the last-named month (``P1M`` for "Jan-Feb"), as its
  two-day ranges end on the last-named day. claimcheck reads the last-named month whole,
  as English does; both pass. Only a span naming two months with a range word between
  them is read so: "this quarter" still has to end with its quarter.
* a season ("this summer") is left "not resolved", its timex naming the season and year
  (``2016-SU``). It passes as the meteorological season of that year (winter from the
  December of that year), claimcheck's documented convention; a season timex without a
  year ("WI") keeps no reading.

Two readings are vague by nature, and the suites draw their edges where claimcheck does
not; they are compared at the granularity of a TimeML value, as the TempEval-3 scorer
compares them (``2013-SU``; ``2012`` with ``MOD="END"``):

* a **season** claimcheck resolves (precision ``season``, meteorological: summer is
  June to August) passes for a ~three-month interval of the same season and season year,
  as Duckling's astronomical ones (summer from 21 June to 23 September) are. The season
  of an interval is the one its middle day falls in; its year is the year the season
  starts (a winter from December 2012 is 2012's).
* a **part of a period** named by an edge word ("the end of the month", "beginning of
  2017", "later this year", "EOM") passes when the suite's interval lies in the same
  calendar period (week, month, quarter or year: the smallest one that holds ours), is
  not all of it, and touches the same edge — start, end, or neither for a middle.
  claimcheck reads the beginning and end of a month or year as its halves; Duckling
  uses ten days and a quarter, Recognizers-Text halves and "earlier this month" up to
  the middle, claimcheck up to the day before the anchor. A different period or edge
  still fails.

A date the calendar does not have ("Feb 30", "2/29/2019") is found by claimcheck as an
impossible mention, with no interval; it passes where the suite expects the span with
no resolution, as Recognizers-Text does.

Categories: cases whose every expected span is a date or a date range are **date**
cases, the ones the targets are about. Cases about clock times, date-times, time ranges,
durations and recurring sets are reported with their counts and pass rates, as out of
scope. Cases that expect nothing are **nothing expected**: scored, reported, and not
part of the target. Duckling holidays of lunar and other non-Gregorian calendars
(Chinese, Hebrew, Islamic, Hindu, Sikh, Parsi, Buddhist: ``OTHER_CALENDARS``, by
Duckling's own holiday name) are the category **other calendar**: scored and reported
with their count, not part of the target, as claimcheck's holiday table holds only the
Gregorian and Easter-cycle ones.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

import regex

from claimcheck import date_calendar as cal
from claimcheck import vocab
from claimcheck.dates import DURATION, find_date_mentions
from claimcheck.models import DateMention

from .scoring import Case, CaseSuite, Expected, Found
from .timeml import SEASON_CODES

DATE = "date"
NOTHING = "nothing expected"
CLOCK = "clock time"
Interval = tuple[dt.date, dt.date]


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value[:10])


def _maybe_day(value: Optional[str]) -> Optional[dt.date]:
    """A spec's date, or None for its "not resolved" and other non-dates."""
    try:
        return _day(value) if value else None
    except ValueError:
        return None


def _grain_end(start: dt.date, grain: str) -> dt.date:
    """The last day of the ``grain`` that starts on ``start``."""
    if grain == "week":
        return start + dt.timedelta(days=6)
    months = {"month": 1, "quarter": 3, "year": 12}.get(grain)
    if months is None:
        return start
    month = start.month - 1 + months
    return dt.date(start.year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def _found(case: Case, durations: bool = False, prefer: str = "past", present: bool = False) -> list[Found]:
    anchor = _day(case.reference) if case.reference else None
    return [Found(m.start, m.end, m.text, m)
            for m in find_date_mentions(case.text, anchor=anchor, prefer=prefer, present=present)
            if (m.kind == DURATION) == durations]


def _duckling_found(case: Case) -> list[Found]:
    return _found(case, prefer="future", present=True)


def _matches(exp: Expected, found: Found) -> bool:
    mention: DateMention = found.value
    iv = mention.resolved
    if iv is None:  # a day the calendar does not have ("Feb 30") is left unresolved by both
        return mention.impossible and not exp.value
    ours = (iv.start, iv.end)
    touching = {iv.start, iv.end + dt.timedelta(days=1)}  # an open range's boundary
    if ours in exp.value or any(
            (start is None or end is None) and (start or end) in touching for start, end in exp.value):
        return True
    closed = [(start, end) for start, end in exp.value if start and end]
    if iv.precision == "season":
        return any(_season_of(theirs) == _season_of(ours) for theirs in closed if 80 <= (theirs[1] - theirs[0]).days <= 100)
    if _EDGE_WORD.search(mention.text):
        period = _smallest_period(ours)
        edge = _part_of(period, ours) if period is not None else None
        return edge is not None and any(_part_of(period, theirs) == edge for theirs in closed)
    return False


# Words that name a part of a period rather than all of it.
_EDGE_WORD = regex.compile(r"""\b(?: beginning | start | early | earlier | mid | middle
                                  | end | late | later | bo[my] | eo[my] )\b""",
                           regex.IGNORECASE | regex.VERBOSE)


def _season_of(interval: Interval) -> tuple[int, str]:
    """An interval's season (claimcheck's, as TimeML writes it), by its middle day, and
    the year that season starts in."""
    start, end = interval
    middle = start + (end - start) / 2
    name, (first, _) = next((name, months) for name, months in vocab.SEASONS.items()
                            if (middle.month - months[0]) % 12 < months[1])
    return middle.year - (middle.month < first), SEASON_CODES[name]


def _periods_of(day: dt.date) -> list[Interval]:
    """The calendar week, month, quarter and year that hold ``day``, smallest first."""
    week = day - dt.timedelta(days=day.weekday())
    month = day.replace(day=1)
    quarter = dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    year = dt.date(day.year, 1, 1)
    return [(week, _grain_end(week, "week")), (month, _grain_end(month, "month")),
            (quarter, _grain_end(quarter, "quarter")), (year, _grain_end(year, "year"))]


def _smallest_period(interval: Interval) -> Optional[Interval]:
    return next((p for p in _periods_of(interval[0]) if p[0] <= interval[0] and interval[1] <= p[1]), None)


def _part_of(period: Interval, interval: Interval) -> Optional[str]:
    """Which edge of ``period`` a strict part of it touches: "start", "end" or "middle";
    None when the interval is not a strict part of the period."""
    if not (period[0] <= interval[0] and interval[1] <= period[1]) or interval == period:
        return None
    return "start" if interval[0] == period[0] else "end" if interval[1] == period[1] else "middle"


def _show(value: Any) -> str:
    if isinstance(value, DateMention):
        iv = value.resolved
        return f"{iv.start}..{iv.end} ({iv.precision})" if iv else f"{value.kind}, unresolved"
    if isinstance(value, frozenset):
        return " or ".join(f"{s or ''}..{e or ''}" for s, e in sorted(value, key=str)) or "no interval"
    return str(value)


# ---------------------------------------------------------------- Recognizers-Text

RT_DATE_TYPES = {"datetimeV2.date", "datetimeV2.daterange"}


# A timex's season code ("2016-SU") -> the season's name in claimcheck's calendar.
_SEASON_NAMES = {code: name for name, code in SEASON_CODES.items()}
_SEASON_TIMEX = regex.compile(r"(?P<y>\d{4})-(?P<s>SP|SU|FA|WI)")


_MONTH_NAME = r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_MONTH_RANGE = regex.compile(rf"{_MONTH_NAME}.*?(?:[-–—]|\bto\b|\bthrough\b|\buntil\b|\btill\b)\s*{_MONTH_NAME}",
                             regex.IGNORECASE)


def _season_interval(timex: str) -> Optional[Interval]:
    m = _SEASON_TIMEX.fullmatch(timex or "")
    if m is None:
        return None
    season = cal.season_iv(_SEASON_NAMES[m["s"]], int(m["y"]))
    return season.start, season.end


def _rt_intervals(e: dict) -> frozenset[Interval]:
    """Closed readings as (first day, last day); an open range's boundary as
    (day, None) for a start or (None, day) for an end."""
    readings: set[tuple[Optional[dt.date], Optional[dt.date]]] = set()
    for v in e["values"]:
        start, end = _maybe_day(v.get("start")), _maybe_day(v.get("end"))
        if v.get("type") == "date" and (day := _maybe_day(v.get("value"))):
            readings.add((day, day))
        elif v.get("type") == "daterange" and start and end:
            readings.add((start, end - dt.timedelta(days=1)))
            readings.add((start, end))
            if end.day == 1 and _MONTH_RANGE.search(e["text"]):  # the last-named month whole
                readings.add((start, _grain_end(end, "month")))
        elif v.get("type") == "daterange" and v.get("Mod") and (start or end):
            readings.add((start, end))
        elif v.get("type") == "daterange" and (season := _season_interval(v.get("timex"))):
            readings.add(season)
    return frozenset(readings)


def _rt_load(row: dict) -> Case:
    expected = tuple(Expected(e["start"], e["end"], e["text"], _rt_intervals(e), e["type"].split(".")[-1])
                     for e in row["expected"])
    types = {e["type"] for e in row["expected"]}
    if not types:
        category = NOTHING
    elif types <= RT_DATE_TYPES:
        category = DATE
    else:
        category = "/".join(sorted(t.split(".")[-1] for t in types - RT_DATE_TYPES))
    return Case(row["id"], row["text"], expected, category, row.get("reference_date"))


# ---------------------------------------------------------------- Duckling

DAY_GRAINS = {"day", "week", "month", "quarter", "year"}
OTHER_CALENDAR = "other calendar"
OTHER_CALENDARS = frozenset({
    "Chinese New Year", "Yom Kippur", "Shemini Atzeret", "Simchat Torah", "Tisha B'Av",
    "Yom Ha'atzmaut", "Lag BaOmer", "Yom HaShoah", "Rosh Hashanah", "Hanukkah", "Passover",
    "Sukkot", "Shavuot", "Purim", "Shushan Purim", "Tu BiShvat", "Mawlid", "Eid al-Fitr",
    "Eid al-Adha", "Laylat al-Qadr", "Islamic New Year", "Ashura", "Jumu'atul-Wida",
    "Isra and Mi'raj", "Ramadan", "Dhanteras", "Naraka Chaturdashi", "Diwali", "Bhai Dooj",
    "Chhath", "Maha Saptami", "Vijayadashami", "Navaratri", "Karva Chauth", "Ratha-Yatra",
    "Raksha Bandhan", "Mahavir Jayanti", "Maha Shivaratri", "Dayananda Saraswati Jayanti",
    "Thai Pongal", "Boghi", "Mattu Pongal", "Kaanum Pongal", "Vaisakhi", "Thiru Onam",
    "Vasant Panchami", "Holika Dahan", "Krishna Janmashtami", "Holi", "Parsi New Year",
    "Vesak", "Guru Gobind Singh Jayanti", "Rabindra Jayanti", "Guru Ravidass Jayanti",
    "Pargat Diwas", "Ganesh Chaturthi", "Rama Navami", "Ugadi",
})


def _duckling_interval(v: dict) -> tuple[Optional[frozenset[Interval]], bool]:
    """(the readings of a Duckling time value, whether it is a date rather than a clock time)."""
    if v["type"] == "value":
        start = _maybe_day(v["value"])  # None for a year before the common era
        readings = frozenset({(start, _grain_end(start, v["grain"]))}) if start else frozenset()
        return readings, v["grain"] in DAY_GRAINS
    low, high = v.get("from"), v.get("to")
    grains = {part["grain"] for part in (low, high) if part}
    is_date = grains <= DAY_GRAINS
    start, end = _maybe_day((low or {}).get("value")), _maybe_day((high or {}).get("value"))
    if not (start and end):
        return frozenset(), is_date  # open intervals ("before May") have no interval of ours
    return frozenset({(start, end - dt.timedelta(days=1))}), is_date


def _duckling_load(row: dict) -> Case:
    expected, dates = [], True
    other_calendar = any(e["value"].get("holidayBeta") in OTHER_CALENDARS for e in row["expected"])
    for e in row["expected"]:
        readings, is_date = _duckling_interval(e["value"])
        dates &= is_date
        kind = "holiday" if e["value"].get("holidayBeta") else e["value"]["type"]
        expected.append(Expected(e["start"], e["end"], e["text"], readings, kind))
    if not expected:
        category = NOTHING
    elif row.get("latent"):
        category = "latent"
    elif other_calendar:
        category = OTHER_CALENDAR
    else:
        category = DATE if dates else CLOCK
    return Case(row["id"], row["text"], tuple(expected), category, row.get("reference_date"))


SUITES = (
    CaseSuite("rt_datetime", "rt_datetime.jsonl", "Recognizers-Text English dates and times",
              _rt_load, _found, _matches, target=80.0, target_categories=frozenset({DATE}), show=_show),
    CaseSuite("duckling_time", "duckling_time.jsonl", "Duckling English times and dates",
              _duckling_load, _duckling_found, _matches, target=80.0, target_categories=frozenset({DATE}), show=_show),
)
