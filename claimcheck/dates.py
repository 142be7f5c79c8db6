"""Find date and duration expressions in text and resolve them to calendar intervals.

Every mention comes from our own regex grammar (:mod:`claimcheck.date_patterns`); it is then
resolved with plain calendar arithmetic. Conventions (all intervals inclusive):

* weekday ("on Saturday"): the most recent such day on or before the anchor (the anchor
  itself when it is that weekday); the next one after the anchor when a future verb
  ("will", "is set to", ...) precedes it in the sentence. "last Monday" is strictly
  before the anchor; "next Monday" strictly after.
* year-less dates and months ("April 24", "in January"): the most recent one whose
  start is not after the anchor (the nearest one not yet over, after a future verb).
* "N days ago" -> that day; "N weeks ago" -> the Monday-Sunday week containing it;
  "N months ago" -> that calendar month; "N years ago" -> calendar year anchor.year-N.
  "more than N years ago" -> span [anchor-(N+1)y, anchor-Ny]; "less than N ... ago" ->
  [anchor-N, anchor]; "about N ... ago" as if unhedged.
* early / mid / late: thirds. Of a month: days 1-10, 11-20, 21-end; of a year: Jan-Apr,
  May-Aug, Sep-Dec; of a season: its first, second, third month; of a decade: years 0-3,
  4-6, 7-9. Precision "span".
* seasons are meteorological (``vocab.SEASON_NOTE``); "winter 2024" starts in Dec 2024.
  "last fall": the most recent fall that ended before the anchor's own season began.
* "in N weeks" -> like "N weeks ago", forward, future. "the past N months" ->
  [anchor - N months, anchor]; "within the next N months" -> [anchor, anchor + N months].
  Vague plurals ("the coming weeks", "the past few months") count as three units.
* "over the weekend": the last Saturday-Sunday whose Saturday is on or before the
  anchor; "last weekend": the last one that ended before the anchor. Precision "span".
* "this summer" is the one starting in the anchor's year ("this winter" in Jan-Feb:
  the one under way); ``future`` is set when it starts after the anchor.

* holidays (``date_tables.HOLIDAYS``: fixed dates, "the fourth Thursday of November",
  Western and Orthodox Easter cycles) resolve like year-less dates; "last Easter" is the
  last one over, "next Christmas" the first one after the anchor.
* "the first Tuesday of October", "the last day of May", "the 20th of next month": the
  day in that month (a year-less month as above). "Sunday, Feb 10" without a year: the
  nearest year, either side of the anchor, in which that date is a Sunday.
* "the 20th century" is 1900-1999; "a 2010 comment" and the "2010" of "2009-2010" are years.
* ``prefer="future"`` (Duckling's reading) makes every under-specified date the next one
  after the anchor, "this Monday" the coming one and "next Monday" the one of next week.
* "Friday after next": the Friday after the coming one. "three Fridays from now": the
  third one after the anchor. "next three months" (no "the"): the three calendar months
  after the anchor's own ("the next three months" is a span from the anchor).
  ``present=True`` reads "now", "currently" as the anchor day (precision "present").

Durations ("for seven months", "over a three-month period") are found so that callers
can tell them from dates; they never resolve. Only numeric dates such as "04/28/2025"
go to dateparser, imported lazily.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import time
from typing import Callable, Iterator, NamedTuple, Optional

import regex

from claimcheck import date_calendar as cal
from claimcheck import date_patterns as P
from claimcheck import date_tables as T
from claimcheck import vocab
from claimcheck.errors import warn_partial
from claimcheck.models import ABSOLUTE, DURATION, RELATIVE, DateInterval, DateMention

SEARCH_TIMEOUT = 5.0  # seconds for all patterns together; a backstop, never reached normally
PATTERNS = P.PATTERNS  # the core of each rule, by name


# ---------------------------------------------------------------- resolvers

class _Res(NamedTuple):
    kind: str
    interval: Optional[DateInterval]
    future: bool = False


class _Ctx(NamedTuple):
    text: str
    m: regex.Match  # the core
    left: Optional[regex.Match]  # the words before it, if any
    anchor: Optional[dt.date]
    prefer_future: bool = False  # an under-specified date is the next one, not the last

    @property
    def start(self) -> int:
        return self.m.start() if self.left is None else self.left.start()

    def g(self, name: str) -> Optional[str]:
        """A named group of the core, else of the left context."""
        for m in (self.m, self.left):
            if m is not None and name in m.re.groupindex and m.group(name) is not None:
                return m.group(name)
        return None

    def has(self, name: str) -> bool:
        return self.g(name) is not None

    def future_cue(self) -> bool:
        """Is the mention governed by a future verb? The cue must be in the same clause,
        a few words before the mention ("will be held on Friday"), or just after it when
        the mention opens the sentence ("On Friday, Putin will visit"). With
        ``prefer="future"`` every under-specified date counts as future."""
        if self.prefer_future:
            return True
        s, e = self.start, self.m.end()
        before = self.text[max(0, s - 160):s]
        before = before[_last_end(P.SENTENCE_END, before):]
        if P.WORD.search(before):
            clause = before[_last_end(P.CLAUSE_BREAK, before):]
            clause = clause[_last_end(P.REPORTING, clause):]  # "X will ..., officials said Monday"
            return bool(P.FUTURE_CUE.search(" ".join(P.WORD.findall(clause)[-P.LOOK_WORDS:])))
        after = self.text[e:e + 100].lstrip(" ,;:")
        for stop in (P.SENTENCE_END, P.CLAUSE_BREAK, P.REPORTING):
            cut = stop.search(after)
            after = after if cut is None else after[:cut.start()]
        return bool(P.FUTURE_CUE.search(" ".join(P.WORD.findall(after)[:P.LOOK_WORDS])))


def _last_end(pattern: regex.Pattern, s: str) -> int:
    ends = [m.end() for m in pattern.finditer(s)]
    return ends[-1] if ends else 0


def _month_no(name: str) -> int:
    return vocab.MONTHS[name.lower()]


def _count_value(s: str) -> int | float:
    s = regex.sub(r"\s+", " ", s.lower())
    if s in ("a", "an"):
        return 1
    if s in T.VAGUE_COUNTS:
        return T.VAGUE_COUNTS[s]
    if s[0].isdigit():
        return float(s.replace(",", "")) if "." in s else int(s.replace(",", ""))
    return sum(vocab.TENS_WORDS.get(w, vocab.UNIT_WORDS.get(w, 0)) for w in regex.split(r"[-\s]", s))


def _rel(c: _Ctx, make: Callable[[], Optional[DateInterval]],
         future: bool | Callable[[DateInterval], bool] = False) -> _Res:
    """A relative mention: ``make()`` runs only with an anchor, and an anchor so close
    to year 1 or 9999 that the arithmetic overflows leaves the mention unresolved."""
    if c.anchor is None:
        return _Res(RELATIVE, None, future if isinstance(future, bool) else False)
    try:
        iv = make()
    except (ValueError, OverflowError):
        iv = None
    if not isinstance(future, bool):
        future = iv is not None and future(iv)
    return _Res(RELATIVE, iv, future)


def _r_day_date(c: _Ctx) -> Optional[_Res]:
    mo, day = _month_no(c.g("m1") or c.g("m2")), int(c.g("d1") or c.g("d2"))
    if c.has("y"):
        return _Res(ABSOLUTE, cal.day_iv(dt.date(int(c.g("y")), mo, day)))
    if day > (29 if mo == 2 else calendar.monthrange(2001, mo)[1]):
        return None
    fut = c.future_cue()
    wd = vocab.WEEKDAYS[c.g("wd").lower()] if c.has("wd") else None

    def make() -> Optional[DateInterval]:
        named = cal.nearest_on_weekday(mo, day, wd, c.anchor) if wd is not None else None
        return named or cal.pick(lambda y: cal.day_iv(dt.date(y, mo, day)), c.anchor, future=fut)
    return _rel(c, make, fut)


def _r_iso_date(c: _Ctx) -> _Res:
    return _Res(ABSOLUTE, cal.day_iv(dt.date(int(c.g("y")), int(c.g("mo")), int(c.g("d")))))


def _r_numeric_date(c: _Ctx) -> Optional[_Res]:
    d = _dateparser_day(c.g("num").lower())
    return _Res(ABSOLUTE, cal.day_iv(d)) if d else None


def _r_month(c: _Ctx) -> Optional[_Res]:
    mod = (c.g("mod") or "").lower()
    if not (c.has("prep") or mod or c.has("y") or c.has("rel")):
        return None  # a bare "March" or "May": too often not a date
    mo, third = _month_no(c.g("m")), (mod if mod in T.THIRDS else None)

    def make(y: int) -> DateInterval:
        return cal.third(cal.month_iv(y, mo), third)
    if c.has("y"):
        return _Res(ABSOLUTE, make(int(c.g("y"))))
    if c.has("rel"):
        step = {"last": -1, "this": 0, "next": 1}[c.g("rel").lower()]
        return _rel(c, lambda: make(c.anchor.year + step), step > 0)
    a = c.anchor
    if mod == "last":
        return _rel(c, lambda: cal.pick(make, a, before=a.replace(day=1)))
    if mod == "next":
        return _rel(c, lambda: cal.pick(make, a, after=cal.month_end(a.year, a.month)), True)
    if mod == "this":
        return _rel(c, lambda: make(a.year), lambda iv: iv.start > a)
    fut = c.future_cue()
    return _rel(c, lambda: cal.pick(make, a, future=fut), fut)


def _r_season(c: _Ctx) -> Optional[_Res]:
    mod = regex.sub(r"\s+", " ", (c.g("mod") or "").lower())
    if not (mod or c.has("y") or c.has("rel") or c.has("eml") or (c.has("prep") and c.has("the"))):
        return None  # "the fall", "a summer offensive"
    name, third = c.g("season"), c.g("eml")

    def make(y: int) -> DateInterval:
        return cal.third(cal.season_iv(name, y), third)
    if c.has("y"):
        return _Res(ABSOLUTE, make(int(c.g("y"))))
    a = c.anchor
    if c.has("rel"):
        step = {"last": -1, "this": 0, "next": 1}[c.g("rel").lower()]
        return _rel(c, lambda: make(a.year + step), step > 0)
    if mod in ("last", "past", "this past"):
        return _rel(c, lambda: cal.pick(make, a, before=cal.current_season_start(a)))
    if mod == "next":
        return _rel(c, lambda: cal.pick(make, a, after=a), True)
    if mod == "this":  # the one starting this year (winter: the one containing Jan-Feb)
        late_start = vocab.SEASONS[name.lower()][0] > 10
        return _rel(c, lambda: make(a.year - (a.month <= 2 and late_start)), lambda iv: iv.start > a)
    fut = c.future_cue()
    return _rel(c, lambda: cal.pick(make, a, future=fut), fut)


def _r_year(c: _Ctx) -> _Res:
    return _Res(ABSOLUTE, cal.year_iv(int(c.g("y"))))


_r_year_attr = _r_year_range_end = _r_year  # "a 2010 comment", "2009-2010"


def _r_century(c: _Ctx) -> _Res:
    """ "the 20th century": 1900-1999, as TimeML and common usage count it."""
    n = int(c.g("cent")) if c.has("cent") else T.CENTURY_ORDINALS[c.g("cent_word").lower()]
    first = max(1, 100 * (n - 1))
    return _Res(ABSOLUTE, DateInterval(dt.date(first, 1, 1), dt.date(100 * n - 1, 12, 31), "century"))


def _r_year_part(c: _Ctx) -> _Res:
    return _Res(ABSOLUTE, cal.third(cal.year_iv(int(c.g("y"))), c.g("eml")))


def _r_decade(c: _Ctx) -> _Res:
    y = int(c.g("dec"))
    return _Res(ABSOLUTE, cal.third(DateInterval(dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "decade"), c.g("eml")))


def _r_quarter(c: _Ctx) -> _Res:
    q = T.QUARTERS.get(c.g("q").lower()) or int(c.g("q"))

    def make(y: int) -> DateInterval:
        return DateInterval(dt.date(y, 3 * q - 2, 1), cal.month_end(y, 3 * q), "quarter")
    if c.has("y"):
        return _Res(ABSOLUTE, make(int(c.g("y"))))
    step = {"last": -1, "this": 0, "next": 1}[c.g("rel").lower()]
    return _rel(c, lambda: make(c.anchor.year + step), step > 0)


def _r_deixis(c: _Ctx) -> _Res:
    n = T.DEICTIC_DAYS[regex.sub(r"\s+", " ", c.g("deixis").lower())]
    return _rel(c, lambda: cal.day_iv(c.anchor + dt.timedelta(days=n)), n > 0)


def _r_calendar(c: _Ctx) -> _Res:
    unit = c.g("unit").lower()
    mod = regex.sub(r"\s+", " ", (c.g("mod") or "").lower())
    part = (c.g("part") or "").lower()
    a = c.anchor
    if unit == "weekend":  # Saturday-Sunday
        if mod == "this":  # the one of the anchor's Monday-Sunday week
            return _rel(c, lambda: cal.weekend(a + dt.timedelta(days=5 - a.weekday())), lambda iv: iv.start > a)
        if mod == "next":  # the first Saturday after the anchor
            return _rel(c, lambda: cal.weekend(a + dt.timedelta(days=(4 - a.weekday()) % 7 + 1)), True)
        if mod == "last":  # the last one that ended before the anchor
            return _rel(c, lambda: cal.weekend(a - dt.timedelta(days=a.weekday() + 2)))
        # "over the weekend", "this past weekend": the last Saturday on or before the anchor
        return _rel(c, lambda: cal.weekend(a - dt.timedelta(days=(a.weekday() - 5) % 7)))
    step = T.CALENDAR_MODIFIERS[mod]

    def make() -> DateInterval:
        iv = cal.containing(cal.shift(a, unit, step), unit)
        if part == "earlier":
            return DateInterval(iv.start, min(a, iv.end), "span")
        if part == "later":
            return DateInterval(max(a, iv.start), iv.end, "span")
        return cal.third(iv, part or None)
    return _rel(c, make, step > 0 or (step == 0 and part == "later"))


def _r_span_rel(c: _Ctx) -> Optional[_Res]:
    unit = c.g("unit").lower()
    direction = c.g("dir").lower()
    n = _count_value(c.g("n")) if c.has("n") else (T.VAGUE_PLURAL if c.has("plural") else 1)
    if unit == "day" and not (c.has("n") or c.has("plural")):
        return None  # "the next day" counts from the story's events, not the anchor
    sign = -1 if direction == "recent" else T.SPAN_DIRECTIONS.get(direction, 1)
    a = c.anchor

    def make() -> DateInterval:
        other = cal.shift(a, unit, sign * int(n))
        return DateInterval(min(a, other), max(a, other), "span")
    return _rel(c, make, sign > 0)


def _r_ago(c: _Ctx) -> _Res:
    unit, n = c.g("unit").lower(), int(_count_value(c.g("n")))
    hedge = T.HEDGES.get(regex.sub(r"\s+", " ", (c.g("hedge") or "").lower()), "approx")
    a = c.anchor

    def make() -> DateInterval:
        if hedge == "over":
            return DateInterval(cal.shift(a, unit, -n - 1), cal.shift(a, unit, -n), "span")
        if hedge == "under":
            return DateInterval(cal.shift(a, unit, -n), a, "span")
        return cal.containing(cal.shift(a, unit, -n), unit)
    return _rel(c, make)


def _r_in_future(c: _Ctx) -> _Res:
    words = P.WORD.findall(c.text[max(0, c.m.start() - 80):c.m.start()])[-P.LOOK_WORDS:]
    if P.RETRO_CUE.search(" ".join(words)):  # "the first time in 15 years"
        return _Res(DURATION, None)
    unit, n = c.g("unit").lower(), int(_count_value(c.g("n")))
    return _rel(c, lambda: cal.containing(cal.shift(c.anchor, unit, n), unit), True)


def _r_duration(c: _Ctx) -> Optional[_Res]:
    n = c.g("n").lower()
    if not (c.has("prep") or c.has("noun")):
        if n in ("a", "an") and not c.has("after"):
            return None  # "170 sanctions a month"
        if n == "one" and c.g("unit").lower() == "day":
            return None  # "one day" = some day
    return _Res(DURATION, None)


def _r_weekday(c: _Ctx) -> _Res:
    wd = vocab.WEEKDAYS[c.g("wd").lower()]
    mod = (c.g("mod") or "").lower()
    a = c.anchor
    if c.prefer_future and mod == "next":  # Duckling: "next Monday" is next week's
        return _rel(c, lambda: cal.day_iv(a + dt.timedelta(days=7 - a.weekday() + wd)), True)
    if c.prefer_future and mod == "this":  # Duckling: "this Monday" is the coming one
        return _rel(c, lambda: cal.day_iv(a + dt.timedelta(days=(wd - a.weekday() - 1) % 7 + 1)), True)
    if mod == "next" or (mod != "last" and mod != "this" and c.future_cue()):
        return _rel(c, lambda: cal.day_iv(a + dt.timedelta(days=(wd - a.weekday() - 1) % 7 + 1)), True)
    if mod == "last":
        return _rel(c, lambda: cal.day_iv(a - dt.timedelta(days=(a.weekday() - wd - 1) % 7 + 1)))
    if mod == "this":
        return _rel(c, lambda: cal.day_iv(a + dt.timedelta(days=wd - a.weekday())), lambda iv: iv.start > a)
    return _rel(c, lambda: cal.day_iv(a - dt.timedelta(days=(a.weekday() - wd) % 7)))


def _r_of_month(c: _Ctx) -> Optional[_Res]:
    """ "the first Tuesday of October", "the last day of May", "the 20th of next month"."""
    n = T.NTH[c.g("nth").lower()] if c.has("nth") else 1
    wd = vocab.WEEKDAYS[c.g("wd").lower()] if c.has("wd") else None

    def day_in(y: int, mo: int) -> DateInterval:
        if wd is not None:
            return cal.day_iv(cal.nth_weekday(y, mo, wd, -n if c.has("last") else n))
        if c.has("last"):
            return cal.day_iv(cal.month_end(y, mo) - dt.timedelta(days=n - 1))
        return cal.day_iv(dt.date(y, mo, int(c.g("d")) if c.has("d") else n))
    a = c.anchor
    if c.has("m"):
        mo = _month_no(c.g("m"))
        if c.has("y"):
            return _Res(ABSOLUTE, day_in(int(c.g("y")), mo))
        fut = c.future_cue()
        return _rel(c, lambda: cal.pick(lambda y: day_in(y, mo), a, future=fut), fut)
    step = T.MONTH_MODIFIERS[c.g("mod").lower()] if c.has("mod") else 0

    def make() -> DateInterval:
        first = cal.add_months(a.replace(day=1), step)
        return day_in(first.year, first.month)
    return _rel(c, make, lambda iv: iv.start > a)


def _r_after_next(c: _Ctx) -> _Res:
    """ "Friday after next": the Friday after the coming one; "March after next" likewise."""
    a = c.anchor
    if c.has("wd"):
        wd = vocab.WEEKDAYS[c.g("wd").lower()]
        return _rel(c, lambda: cal.day_iv(a + dt.timedelta(days=(wd - a.weekday() - 1) % 7 + 8)), True)
    mo = _month_no(c.g("m"))

    def make() -> Optional[DateInterval]:
        coming = cal.pick(lambda y: cal.month_iv(y, mo), a, after=cal.month_end(a.year, a.month))
        return coming and cal.month_iv(coming.start.year + 1, mo)
    return _rel(c, make, True)


def _r_weekday_count(c: _Ctx) -> _Res:
    """ "three Fridays from now": the third Friday after the anchor; "two Thursdays ago"."""
    wd, n = vocab.WEEKDAYS[c.g("wd").lower()], int(_count_value(c.g("n")))
    sign = T.COUNT_DIRECTIONS[regex.sub(r"\s+", " ", c.g("dir").lower())]
    a = c.anchor
    if sign > 0:
        return _rel(c, lambda: cal.day_iv(a + dt.timedelta(days=(wd - a.weekday() - 1) % 7 + 1 + 7 * (n - 1))), True)
    return _rel(c, lambda: cal.day_iv(a - dt.timedelta(days=(a.weekday() - wd - 1) % 7 + 1 + 7 * (n - 1))))


def _r_calendar_count(c: _Ctx) -> _Res:
    """ "next three months" (without "the"): the three calendar months after the anchor's."""
    unit, n = c.g("unit").lower(), int(_count_value(c.g("n")))
    sign = T.CALENDAR_COUNT_DIRECTIONS[c.g("dir").lower()]
    a = c.anchor

    def make() -> DateInterval:
        own, far = cal.containing(a, unit), cal.containing(cal.shift(a, unit, sign * n), unit)
        if sign < 0:
            return DateInterval(far.start, own.start - dt.timedelta(days=1), "span")
        return DateInterval(own.end + dt.timedelta(days=1), far.end, "span")
    return _rel(c, make, sign > 0)


def _r_quarter_bare(c: _Ctx) -> _Res:
    """ "3rd qtr 2018", "2018Q4", "next qtr" ("the third quarter" alone may be a game's)."""
    q = int(c.g("q")) if c.has("q") and c.g("q").isdigit() else (T.QUARTERS.get((c.g("q") or "").lower()))
    if c.has("yy"):
        yy = int(c.g("yy"))
        return _Res(ABSOLUTE, cal.quarter_iv(yy + 2000 if yy < 100 else yy, q))
    if c.has("y"):
        return _Res(ABSOLUTE, cal.quarter_iv(int(c.g("y")), q))
    a = c.anchor
    step = T.QUARTER_ABBR_MODIFIERS[c.g("mod").lower()]
    return _rel(c, lambda: cal.quarter_shift(a, step), step > 0)


def _r_upcoming_count(c: _Ctx) -> _Res:
    """ "upcoming two weeks" (no "the"): the week two weeks ahead, as "in two weeks"."""
    unit, n = c.g("unit").lower(), int(_count_value(c.g("n")))
    if unit == "quarter":
        return _rel(c, lambda: cal.quarter_shift(c.anchor, n), True)
    return _rel(c, lambda: cal.containing(cal.shift(c.anchor, unit, n), unit), True)


def _r_calendar_abbr(c: _Ctx) -> _Res:
    """ "last yr", "next wk": as "last year", "next week"."""
    unit = T.UNIT_ABBREVIATIONS[c.g("unit").lower()]
    step = T.CALENDAR_MODIFIERS[regex.sub(r"\s+", " ", c.g("mod").lower())]
    return _rel(c, lambda: cal.containing(cal.shift(c.anchor, unit, step), unit), step > 0)


def _r_year_era(c: _Ctx) -> Optional[_Res]:
    y = int(c.g("y"))
    return _Res(ABSOLUTE, cal.year_iv(y)) if y >= 1 else None


def _holiday_key(name: str) -> str:
    return " ".join(regex.sub(r"['’.]", "", name.lower()).split())


_HOLIDAY_RULES = {_holiday_key(name): rule for name, rule in T.HOLIDAYS.items()}


def _r_holiday(c: _Ctx) -> Optional[_Res]:
    rule = _HOLIDAY_RULES[_holiday_key(c.g("hol"))]

    def make(y: int) -> DateInterval:
        return cal.holiday_iv(rule, y)
    if c.has("y"):
        return _Res(ABSOLUTE, make(int(c.g("y"))))
    a = c.anchor
    if c.has("rel"):
        step = {"last": -1, "this": 0, "next": 1}[c.g("rel").lower()]
        return _rel(c, lambda: make(a.year + step), step > 0)
    if c.has("unit"):  # "Thanksgiving 3 months ago": the one of the year the offset lands in
        n = int(_count_value(c.g("n"))) * (-1 if (c.g("dir") or "").lower() == "ago" else 1)
        return _rel(c, lambda: make(cal.shift(a, c.g("unit").lower(), n).year), n > 0)
    mod = (c.g("mod") or "").lower()
    if mod == "last":  # the last one over before the anchor
        return _rel(c, lambda: cal.pick(make, a, before=a))
    if mod == "next":  # the first one after the anchor
        return _rel(c, lambda: cal.pick(make, a, after=a), True)
    fut = mod == "this" or c.future_cue()  # "this Christmas": the one not yet over
    return _rel(c, lambda: cal.pick(make, a, future=fut), fut)


def _r_present(c: _Ctx) -> _Res:
    return _rel(c, lambda: DateInterval(c.anchor, c.anchor, "present"))


def _r_span(c: _Ctx) -> Optional[_Res]:
    """ "from X to Y": a year-less end takes the other end's year."""
    (ya, da), (yb, db) = ([None if c.g(k + s) is None else int(c.g(k + s)) for k in "yd"] for s in "ab")
    ma, mb = (None if c.g("m" + s) is None else _month_no(c.g("m" + s)) for s in "ab")
    later = (mb or 12, db or 31) >= (ma or 1, da or 1)  # Y falls later in its year than X

    def ivs(ya: int, yb: int) -> Optional[DateInterval]:
        first, last = cal.endpoint_iv(ya, ma, da), cal.endpoint_iv(yb, mb, db)
        return DateInterval(first.start, last.end, "span") if first.start <= last.end else None
    if ya is None and yb is None:  # "between January and March": the most recent March
        def make() -> Optional[DateInterval]:
            end = cal.pick(lambda y: cal.endpoint_iv(y, mb, db), c.anchor)
            return end and ivs(end.start.year - (not later), end.start.year)
        return _rel(c, make)
    ya = ya if ya is not None else yb - (not later)
    yb = yb if yb is not None else ya + (not later)
    iv = ivs(ya, yb)
    return _Res(ABSOLUTE, iv) if iv else None


def _day_no(s: str) -> int:
    """A day of the month: "13th" -> 13, "thirty first" -> 31."""
    s = regex.sub(r"\s+", " ", s.lower())
    return int(regex.match(r"\d+", s).group()) if s[0].isdigit() else T.DAY_ORDINAL_WORDS[s]


def _r_quarter_rel(c: _Ctx) -> _Res:
    if c.has("q"):  # "the first quarter of the year": the anchor's year
        q = T.QUARTERS[c.g("q").lower()]
        return _rel(c, lambda: cal.quarter_iv(c.anchor.year, q), lambda iv: iv.start > c.anchor)
    step = T.QUARTER_MODIFIERS[c.g("mod").lower()]
    return _rel(c, lambda: cal.quarter_shift(c.anchor, step), step > 0)


def _r_quarter_code(c: _Ctx) -> _Res:
    y = int(c.g("y"))
    iv = cal.quarter_iv(y, int(c.g("q"))) if c.has("q") else cal.half_iv(y, int(c.g("h")))
    return _Res(ABSOLUTE, iv)


def _r_weekday_day(c: _Ctx) -> Optional[_Res]:
    """ "Friday 7/6", "Mon 13th", "tuesday the eleventh": the weekday names which month."""
    day = _day_no(c.g("d"))
    if c.has("y"):
        return _Res(ABSOLUTE, cal.day_iv(dt.date(int(c.g("y")), int(c.g("mo")), day)))
    fut = c.future_cue()
    if c.has("mo"):
        mo = int(c.g("mo"))
        if day > (29 if mo == 2 else calendar.monthrange(2001, mo)[1]):
            return None
        return _rel(c, lambda: cal.pick(lambda y: cal.day_iv(dt.date(y, mo, day)), c.anchor, future=fut), fut)
    wd = vocab.WEEKDAYS[c.g("wd").lower().rstrip(".")]

    def make() -> Optional[DateInterval]:
        d = cal.weekday_of_month_day(c.anchor, wd, day, future=fut)
        return cal.day_iv(d) if d else None
    return _rel(c, make, fut)


def _r_day_range(c: _Ctx) -> Optional[_Res]:
    """ "November 19-20", "Nov 18-Dec 19, 2015", "between 3 and 12 of Sept", "Jan-Feb 2017"."""
    if c.has("ma") and not c.has("da"):  # Jan-Feb 2017
        ma, mb, yb = _month_no(c.g("ma")), _month_no(c.g("mb")), int(c.g("yb"))
        ya = yb - (ma > mb)
        return _Res(ABSOLUTE, DateInterval(dt.date(ya, ma, 1), cal.month_end(yb, mb), "span"))
    if c.g("sep").lower() == "and" and not c.has("kw"):
        return None  # "March 3 and 12": two dates, not a range
    da, db = _day_no(c.g("da")), _day_no(c.g("db"))
    ma = c.g("ma") or c.g("mb")
    if ma is None:
        return None  # "19 to 20": no month
    ma, mb = _month_no(ma), _month_no(c.g("mb") or ma)
    wraps = (ma, da) > (mb, db)  # "Dec 28 - Jan 3": into the next year
    ya, yb = (int(c.g(k)) if c.has(k) else None for k in ("ya", "yb"))

    def make(y: int) -> Optional[DateInterval]:
        first, last = dt.date(y, ma, da), dt.date(y + wraps, mb, db)
        return DateInterval(first, last, "span") if first <= last else None
    if ya is None and yb is None:
        fut = c.future_cue()
        return _rel(c, lambda: cal.pick(make, c.anchor, future=fut), fut)
    ya = ya if ya is not None else yb - wraps
    yb = yb if yb is not None else ya + wraps
    first, last = dt.date(ya, ma, da), dt.date(yb, mb, db)
    return _Res(ABSOLUTE, DateInterval(first, last, "span")) if first <= last else None


def _r_week_of(c: _Ctx) -> Optional[_Res]:
    """ "the last week of July", "first week of 2015", "the week of April 10th"."""
    a = c.anchor
    if c.has("of"):  # the Monday-Sunday week containing that day
        mo, day = _month_no(c.g("m")), int(c.g("d"))
        if c.has("y"):
            return _Res(ABSOLUTE, cal.containing(dt.date(int(c.g("y")), mo, day), "week"))
        fut = c.future_cue()
        return _rel(c, lambda: cal.pick(lambda y: cal.containing(dt.date(y, mo, day), "week"), a, future=fut), fut)
    n = T.WEEK_ORDINALS[c.g("ord").lower()]
    if c.has("m"):
        mo = _month_no(c.g("m"))
        if c.has("y"):
            return _Res(ABSOLUTE, cal.nth_week(cal.month_iv(int(c.g("y")), mo), n))
        fut = c.future_cue()
        return _rel(c, lambda: cal.nth_week(cal.pick(lambda y: cal.month_iv(y, mo), a, future=fut), n), fut)
    if c.has("y"):
        return _Res(ABSOLUTE, cal.nth_week(cal.year_iv(int(c.g("y"))), n))
    unit, step = c.g("unit").lower(), T.CALENDAR_MODIFIERS[c.g("rel").lower()]
    return _rel(c, lambda: cal.nth_week(cal.containing(cal.shift(a, unit, step), unit), n), step > 0)


def _r_weekday_week(c: _Ctx) -> _Res:
    """ "next week Mon", "tuesday of last week": that weekday of the week named."""
    wd = vocab.WEEKDAYS[c.g("wd").lower().rstrip(".")]
    step = T.WEEK_MODIFIERS[c.g("wmod").lower()]
    a = c.anchor
    return _rel(c, lambda: cal.day_iv(a + dt.timedelta(days=7 * step + wd - a.weekday())),
                lambda iv: iv.start > a)


def _r_weekday_mod(c: _Ctx) -> _Res:
    """ "previous Wednesday" as "last Wednesday", "coming Thursday" as "next Thursday"."""
    wd = vocab.WEEKDAYS[c.g("wd").lower()]
    a = c.anchor
    if T.WEEKDAY_MODIFIERS[c.g("mod").lower()] == "next":
        return _rel(c, lambda: cal.day_iv(a + dt.timedelta(days=(wd - a.weekday() - 1) % 7 + 1)), True)
    return _rel(c, lambda: cal.day_iv(a - dt.timedelta(days=(a.weekday() - wd - 1) % 7 + 1)))


def _r_month_numeric(c: _Ctx) -> Optional[_Res]:
    """ "Oct/2", "05-Aug-2016", "2019/aug/01", "Dec-2018": a month name among numbers."""
    mo = _month_no(c.g("m"))
    if not c.has("d"):
        return _Res(ABSOLUTE, cal.month_iv(int(c.g("y")), mo))
    day = int(c.g("d"))
    if c.has("y"):
        return _Res(ABSOLUTE, cal.day_iv(dt.date(int(c.g("y")), mo, day)))
    if day > (29 if mo == 2 else calendar.monthrange(2001, mo)[1]):
        return None
    fut = c.future_cue()
    return _rel(c, lambda: cal.pick(lambda y: cal.day_iv(dt.date(y, mo, day)), c.anchor, future=fut), fut)


def _r_numeric_range(c: _Ctx) -> Optional[_Res]:
    """ "from 10/1 to 11/7", "10/1/2018 - 10/7/2018", "5/1-5/7, 2020" (month first)."""
    ya, yb = (int(c.g(k)) if c.has(k) else None for k in ("ya", "yb"))
    yb = yb if yb is not None else (int(c.g("yc")) if c.has("yc") else None)
    if ya is None and yb is None and not c.has("kw"):
        return None  # "3/4 - 1/2": fractions or scores, not dates
    (ma, da), (mb, db) = ((int(c.g("mo" + s)), int(c.g("d" + s))) for s in "ab")
    wraps = (ma, da) > (mb, db)

    def make(y: int) -> Optional[DateInterval]:
        first, last = dt.date(y, ma, da), dt.date(y + wraps, mb, db)
        return DateInterval(first, last, "span") if first <= last else None
    if ya is None and yb is None:
        fut = c.future_cue()
        return _rel(c, lambda: cal.pick(make, c.anchor, future=fut), fut)
    ya = ya if ya is not None else yb - wraps
    yb = yb if yb is not None else ya + wraps
    first, last = dt.date(ya, ma, da), dt.date(yb, mb, db)
    return _Res(ABSOLUTE, DateInterval(first, last, "span")) if first <= last else None


def _r_edge_of(c: _Ctx) -> Optional[_Res]:
    """ "the end of this year", "the beginning of March", "later in the week": a half."""
    which = T.EDGES[c.g("edge").lower()] if c.has("edge") else 1
    a = c.anchor
    if c.has("y") and not c.has("m"):
        return _Res(ABSOLUTE, cal.half(cal.year_iv(int(c.g("y"))), which))
    if c.has("m"):
        mo = _month_no(c.g("m"))
        if c.has("y"):
            return _Res(ABSOLUTE, cal.half(cal.month_iv(int(c.g("y")), mo), which))
        fut = c.future_cue()
        return _rel(c, lambda: cal.half(cal.pick(lambda y: cal.month_iv(y, mo), a, future=fut), which), fut)
    unit = T.EOX[c.g("eox").lower()] if c.has("eox") else c.g("unit").lower()
    step = T.EDGE_MODIFIERS[c.g("mod").lower()] if c.has("mod") else 0

    def make() -> DateInterval:
        iv = cal.half(cal.containing(cal.shift(a, unit, step), unit), which)
        if iv.start > a and not c.has("mod") and edge != "later" and not c.future_cue():
            # "peaked by the end of year": the last one begun, as for a year-less date
            iv = cal.half(cal.containing(cal.shift(a, unit, -1), unit), which)
        return iv
    edge = (c.g("edge") or "").lower()
    return _rel(c, make, lambda iv: iv.start > a)


_r_day_date_of_year = _r_day_date


def _r_day_date_words(c: _Ctx) -> Optional[_Res]:
    mo, day = _month_no(c.g("m1") or c.g("m2")), _day_no(c.g("d1") or c.g("d2"))
    if day > (29 if mo == 2 else calendar.monthrange(2001, mo)[1]):
        return None
    fut = c.future_cue()
    return _rel(c, lambda: cal.pick(lambda y: cal.day_iv(dt.date(y, mo, day)), c.anchor, future=fut), fut)


def _r_day_of_month(c: _Ctx) -> _Res:
    """ "on the 18th": that day of the anchor's month if not after it, else of the month
    before (after a future verb: of the anchor's month if not past, else the next)."""
    day, fut, a = int(c.g("d")), c.future_cue(), c.anchor

    def make() -> Optional[DateInterval]:
        for k in (range(0, 3) if fut else range(0, -3, -1)):
            first = cal.add_months(a.replace(day=1), k)
            if day <= calendar.monthrange(first.year, first.month)[1] and \
                    (first.replace(day=day) >= a if fut else first.replace(day=day) <= a):
                return cal.day_iv(first.replace(day=day))
        return None
    return _rel(c, make, fut)


def _r_nth_day_of(c: _Ctx) -> Optional[_Res]:
    """ "the 15th day of June", "the thirty-first day of the month"."""
    day, a = _day_no(c.g("d")), c.anchor
    if c.has("m"):
        mo = _month_no(c.g("m"))
        if c.has("y"):
            return _Res(ABSOLUTE, cal.day_iv(dt.date(int(c.g("y")), mo, day)))
        fut = c.future_cue()
        return _rel(c, lambda: cal.pick(lambda y: cal.day_iv(dt.date(y, mo, day)), a, future=fut), fut)
    step = T.CALENDAR_MODIFIERS[c.g("rel").lower()] if c.has("rel") else 0
    return _rel(c, lambda: cal.day_iv(cal.add_months(a.replace(day=1), step).replace(day=day)),
                lambda iv: iv.start > a)


def _deictic_day(word: str, anchor: dt.date) -> dt.date:
    return anchor + dt.timedelta(days=0 if word.lower() == "now" else T.DEICTIC_DAYS[word.lower()])


def _r_deixis_range(c: _Ctx) -> Optional[_Res]:
    """ "between now and November 15th", "from 2019-aug-01 to today"."""
    if not (c.has("na") or c.has("nb")):
        return None  # two dates: the "span" rule's
    a = c.anchor

    def end(s: str) -> dt.date:
        if c.has("n" + s):
            return _deictic_day(c.g("n" + s), a)
        mo, day = _month_no(c.g("m" + s)), int(c.g("d" + s))
        if c.has("y") and s == "a":
            return dt.date(int(c.g("y")), mo, day)
        # a year-less date: the one on the far side of the anchor from the other end
        after = s == "b"
        iv = cal.pick(lambda y: cal.day_iv(dt.date(y, mo, day)), a, future=after)
        return iv.start

    def make() -> Optional[DateInterval]:
        first, last = end("a"), end("b")
        return DateInterval(first, last, "span") if first <= last else None
    return _rel(c, make, lambda iv: iv.end > a)


def _r_offset_from_deixis(c: _Ctx) -> _Res:
    """ "two days after today", "3 days from today": that day."""
    unit, n = c.g("unit").lower(), int(_count_value(c.g("n")))
    sign = -1 if c.g("dir").lower() == "before" else 1
    return _rel(c, lambda: cal.day_iv(cal.shift(_deictic_day(c.g("base"), c.anchor), unit, sign * n)),
                lambda iv: iv.start > c.anchor)


def _r_iso_week(c: _Ctx) -> Optional[_Res]:
    """ "week 31": that ISO week of the anchor's year."""
    n = int(c.g("wn"))

    def make() -> Optional[DateInterval]:
        monday = dt.date.fromisocalendar(c.anchor.year, n, 1)
        return DateInterval(monday, monday + dt.timedelta(days=6), "week")
    return _rel(c, make, lambda iv: iv.start > c.anchor)


_r_iso_embedded = _r_iso_date
_r_year_list = _r_year


def _r_to_date(c: _Ctx) -> _Res:
    """ "the year to date": from the start of the anchor's year (month, quarter) to it."""
    unit, a = c.g("unit").lower(), c.anchor

    def make() -> DateInterval:
        start = cal.quarter_shift(a, 0).start if unit == "quarter" else cal.containing(a, unit).start
        return DateInterval(start, a, "span")
    return _rel(c, make)


def _r_month_span_year(c: _Ctx) -> _Res:
    """ "from April to June in 2017": the months of that year (the first of the year
    before when the range wraps: "from November to February in 2017")."""
    ma, mb, y = _month_no(c.g("ma")), _month_no(c.g("mb")), int(c.g("y"))
    return _Res(ABSOLUTE, DateInterval(dt.date(y - (ma > mb), ma, 1), cal.month_end(y, mb), "span"))


def _r_calendar_year(c: _Ctx) -> _Res:
    step = T.CALENDAR_MODIFIERS[regex.sub(r"\s+", " ", c.g("mod").lower())]
    return _rel(c, lambda: cal.year_iv(c.anchor.year + step), step > 0)


_RESOLVERS: dict[str, Callable[[_Ctx], Optional[_Res]]] = {
    name: globals()[f"_r_{name}"] for name in P.PATTERNS
}


@functools.lru_cache(maxsize=1024)
def _dateparser_day(span: str, anchor: Optional[dt.date] = None) -> Optional[dt.date]:
    """A numeric date ("04/28/2025") read by dateparser, imported only when needed.

    Cached by (lower-cased span, anchor); absolute spans are passed without an anchor.
    """
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
                "REQUIRE_PARTS": ["day", "month", "year"]}
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime(anchor.year, anchor.month, anchor.day)
    try:
        parsed = dateparser.parse(span, languages=["en"], settings=settings)
    except Exception:  # dateparser's own errors on odd input: not a date
        return None
    return parsed.date() if parsed else None


# ---------------------------------------------------------------- public API

def find_date_mentions(text: str, start: int = 0, end: int | None = None, *,
                       anchor: dt.date | None = None, assumed: bool = False,
                       prefer: str = "past", present: bool = False) -> list[DateMention]:
    """Date and duration mentions in ``text[start:end]``, sorted, longest match winning.

    Relative mentions are resolved against ``anchor`` (None: left unresolved);
    ``assumed`` is recorded on them to say the anchor was inferred.

    ``prefer`` orients an under-specified date ("Friday", "March 3", "Christmas"):
    ``"past"`` (news: the most recent one, unless a future verb governs it) or
    ``"future"`` (an assistant's reading, Duckling's: the next one after the anchor).
    ``present=True`` also reads "now", "currently" as the anchor day, precision
    ``"present"`` (TimeML's PRESENT_REF); a news timeline leaves them out.
    """
    if prefer not in ("past", "future"):
        raise ValueError(f"prefer must be 'past' or 'future', not {prefer!r}")
    end = len(text) if end is None else max(0, min(end, len(text)))
    start = max(0, min(start, end))
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    found: list[tuple[int, int, int, DateMention]] = []
    deadline = time.monotonic() + SEARCH_TIMEOUT
    for rank, name in P.ranked_rules_to_try(text, start, end):  # the stretch holds words of each
        if name in P.OPT_IN and not present:
            continue  # not asked for
        pattern = P.PATTERNS[name]
        left_pattern = P.LEFT_PATTERNS.get(name)
        try:
            for m in _matches(pattern, text, start, end, P.match_starts(name, text, start, end), deadline):
                left = None
                if left_pattern is not None:
                    left = left_pattern.match(text, max(start, m.start() - P.LEFT_REACH), m.start())
                    left = left if left is not None and left.end() > left.start() else None
                if left is None and name in P.LEFT_REQUIRED:
                    continue
                mention = _mention(name, _Ctx(text, m, left, anchor, prefer == "future"), assumed)
                if mention is not None:
                    found.append((mention.end - mention.start, mention.start, rank, mention))
        except TimeoutError:
            warn_partial(f"dates ({name})", start, end)  # keep what this pattern found so far
    return _longest_first(found)


def _matches(pattern: regex.Pattern, text: str, start: int, end: int, starts: Optional[list[int]],
             deadline: float) -> Iterator[regex.Match]:
    """``pattern.finditer(text, start, end)``, tried only at ``starts`` when they are given."""
    if starts is None:
        yield from pattern.finditer(text, start, end, timeout=max(0.01, deadline - time.monotonic()))
        return
    pos = start
    for at in starts:
        if at < pos:
            continue  # inside the previous match
        m = pattern.match(text, at, end, timeout=max(0.01, deadline - time.monotonic()))
        if m is not None:
            yield m
            pos = max(m.end(), at + 1)


def _mention(name: str, c: _Ctx, assumed: bool) -> Optional[DateMention]:
    try:
        res = _RESOLVERS[name](c)
    except ValueError:  # an impossible date: "February 30, 2025"
        return None
    if res is None:
        return None
    used = res.kind == RELATIVE and c.anchor is not None
    return DateMention(c.start, c.m.end(), c.text[c.start:c.m.end()], res.kind, res.interval,
                       res.future, c.anchor if used else None, assumed if used else False)


def _longest_first(found: list[tuple[int, int, int, DateMention]]) -> list[DateMention]:
    """Keep the longest of overlapping mentions (then the earliest, then pattern order)."""
    taken: list[DateMention] = []
    starts: list[int] = []

    for _, _, _, mention in sorted(found, key=lambda f: (-f[0], f[1], f[2])):
        i = bisect.bisect(starts, mention.start)
        if i and taken[i - 1].end > mention.start:
            continue
        if i < len(taken) and taken[i].start < mention.end:
            continue
        starts.insert(i, mention.start)
        taken.insert(i, mention)
    return taken


def resolve_expression(text: str, anchor: dt.date | None) -> DateInterval | None:
    """The interval of a single date expression ("last fall", "April 28, 2025").

    None when ``text`` holds no date mention or several, or for a duration, or for a
    relative expression without an anchor.
    """
    mentions = find_date_mentions(text, anchor=anchor)
    return mentions[0].resolved if len(mentions) == 1 else None
