"""Resolvers of the less common date forms, one per rule of :mod:`claimcheck.date_patterns`
(``_r_<rule>``): holidays, day and numeric ranges, weekday forms ("Friday after next",
"Mon 13th", "tuesday of next week"), nth days and weeks of a month, quarters, the edges
of a period, offsets from today. The common forms and the search are in
:mod:`claimcheck.dates`, which documents the conventions.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Callable, Optional

import regex

from claimcheck import date_calendar as cal
from claimcheck import date_patterns as P
from claimcheck import date_tables as T
from claimcheck import vocab
from claimcheck.date_context import (Context, Resolved, count_value, day_no, full_year, in_year, month_no,
                                     relative, words_key, year_in_words)
from claimcheck.models import ABSOLUTE, DateInterval


def _r_century(c: Context) -> Resolved:
    """ "the 20th century": 1900-1999, as TimeML and common usage count it."""
    n = int(c.g("cent")) if c.has("cent") else T.CENTURY_ORDINALS[c.g("cent_word").lower()]
    first = max(1, 100 * (n - 1))
    return Resolved(ABSOLUTE, DateInterval(dt.date(first, 1, 1), dt.date(100 * n - 1, 12, 31), "century"))


def _r_of_month(c: Context) -> Optional[Resolved]:
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
        mo = month_no(c.g("m"))
        if c.has("y"):
            return Resolved(ABSOLUTE, day_in(int(c.g("y")), mo))
        fut = c.future_cue()
        return relative(c, lambda: cal.pick(lambda y: day_in(y, mo), a, future=fut), fut)
    step = T.MONTH_MODIFIERS[c.g("mod").lower()] if c.has("mod") else 0

    def make() -> DateInterval:
        first = cal.add_months(a.replace(day=1), step)
        return day_in(first.year, first.month)
    return relative(c, make, lambda iv: iv.start > a)


def _r_after_next(c: Context) -> Resolved:
    """ "Friday after next": the Friday after the coming one; "March after next" likewise."""
    a = c.anchor
    if c.has("wd"):
        wd = vocab.WEEKDAYS[c.g("wd").lower()]
        return relative(c, lambda: cal.day_iv(cal.weekday_after(a, wd, 2)), True)
    mo = month_no(c.g("m"))

    def make() -> Optional[DateInterval]:
        coming = cal.pick(lambda y: cal.month_iv(y, mo), a, after=cal.month_end(a.year, a.month))
        return coming and cal.month_iv(coming.start.year + 1, mo)
    return relative(c, make, True)


def _r_weekday_count(c: Context) -> Resolved:
    """ "three Fridays from now": the third Friday after the anchor; "two Thursdays ago"."""
    wd, n = vocab.WEEKDAYS[c.g("wd").lower()], int(count_value(c.g("n")))
    sign = T.COUNT_DIRECTIONS[words_key(c.g("dir"))]
    a = c.anchor
    if sign > 0:
        return relative(c, lambda: cal.day_iv(cal.weekday_after(a, wd, n)), True)
    return relative(c, lambda: cal.day_iv(cal.weekday_before(a, wd, n)))


def _r_calendar_count(c: Context) -> Resolved:
    """ "next three months" (without "the"): the three calendar months after the anchor's."""
    unit, n = c.g("unit").lower(), int(count_value(c.g("n")))
    sign = T.CALENDAR_COUNT_DIRECTIONS[c.g("dir").lower()]
    a = c.anchor

    def make() -> DateInterval:
        own, far = cal.containing(a, unit), cal.containing(cal.shift(a, unit, sign * n), unit)
        if sign < 0:
            return DateInterval(far.start, own.start - dt.timedelta(days=1), "span")
        return DateInterval(own.end + dt.timedelta(days=1), far.end, "span")
    return relative(c, make, sign > 0)


def _r_quarter_bare(c: Context) -> Resolved:
    """ "3rd qtr 2018", "2018Q4", "next qtr", "the third quarter" (not in a game's story)."""
    q = int(c.g("q")) if c.has("q") and c.g("q").isdigit() else (T.QUARTERS.get((c.g("q") or "").lower()))
    if c.has("yy"):  # 2018Q4 / 18q4
        return Resolved(ABSOLUTE, cal.quarter_iv(full_year(c.g("yy")), q))
    if c.has("y"):
        return Resolved(ABSOLUTE, cal.quarter_iv(int(c.g("y")), q))
    if c.has("rel"):  # "next year's first quarter"
        return in_year(c, lambda y: cal.quarter_iv(y, q))
    a = c.anchor
    if not c.has("mod"):  # "the third quarter": the nearest, as a year-less month
        if P.GAME_CUE.search(c.sentence()):
            return None  # "scored in the third quarter": a period of a game
        fut = c.future_cue()
        return relative(c, lambda: cal.pick(lambda y: cal.quarter_iv(y, q), a, future=fut), fut)
    step = T.QUARTER_ABBR_MODIFIERS[c.g("mod").lower()]
    return relative(c, lambda: cal.quarter_shift(a, step), step > 0)


def _r_upcoming_count(c: Context) -> Resolved:
    """ "upcoming two weeks" (no "the"): the week two weeks ahead, as "in two weeks"."""
    unit, n = c.g("unit").lower(), int(count_value(c.g("n")))
    if unit == "quarter":
        return relative(c, lambda: cal.quarter_shift(c.anchor, n), True)
    return relative(c, lambda: cal.containing(cal.shift(c.anchor, unit, n), unit), True)


def _r_calendar_abbr(c: Context) -> Resolved:
    """ "last yr", "next wk": as "last year", "next week"."""
    unit = T.UNIT_ABBREVIATIONS[c.g("unit").lower()]
    step = T.CALENDAR_MODIFIERS[words_key(c.g("mod"))]
    return relative(c, lambda: cal.containing(cal.shift(c.anchor, unit, step), unit), step > 0)


def _r_year_era(c: Context) -> Optional[Resolved]:
    y = int(c.g("y"))
    return Resolved(ABSOLUTE, cal.year_iv(y)) if y >= 1 else None


def _holiday_key(name: str) -> str:
    return " ".join(regex.sub(r"['’.]", "", name.lower()).split())


_HOLIDAY_RULES = {_holiday_key(name): rule for name, rule in T.HOLIDAYS.items()}


def _r_holiday(c: Context) -> Optional[Resolved]:
    """A holiday, or a day counted from it: "three days after Easter", "a year from Christmas"."""
    res = _holiday(c)
    if not c.has("ounit") or res is None or res.interval is None:
        return res
    n = int(count_value(c.g("on"))) * (-1 if c.g("odir").lower() == "before" else 1)
    iv = cal.day_iv(cal.shift(res.interval.start, c.g("ounit").lower(), n))
    return Resolved(res.kind, iv, c.anchor is not None and iv.start > c.anchor)


def _holiday(c: Context) -> Optional[Resolved]:
    rule = _HOLIDAY_RULES[_holiday_key(c.g("hol"))]

    def make(y: int) -> DateInterval:
        return cal.holiday_iv(rule, y)
    if c.has("yw"):  # "Easter Sunday two thousand ten"
        y = year_in_words(c.g("yw"))
        return Resolved(ABSOLUTE, make(y)) if y else None
    if c.has("y") or c.has("rel"):
        return in_year(c, make)
    a = c.anchor
    if c.has("unit"):  # "Thanksgiving 3 months ago": the one of the year the offset lands in
        n = int(count_value(c.g("n"))) * (-1 if (c.g("dir") or "").lower() == "ago" else 1)
        return relative(c, lambda: make(cal.shift(a, c.g("unit").lower(), n).year), n > 0)
    mod = (c.g("mod") or "").lower()
    if mod == "last":  # the last one over before the anchor
        return relative(c, lambda: cal.pick(make, a, before=a))
    if mod == "next":  # the first one after the anchor
        return relative(c, lambda: cal.pick(make, a, after=a), True)
    fut = mod == "this" or c.future_cue()  # "this Christmas": the one not yet over
    return relative(c, lambda: cal.pick(make, a, future=fut), fut)


def _r_present(c: Context) -> Resolved:
    return relative(c, lambda: DateInterval(c.anchor, c.anchor, "present"))


def _r_quarter_rel(c: Context) -> Resolved:
    if c.has("q"):  # "the first quarter of the year": the anchor's year
        q = T.QUARTERS[c.g("q").lower()]
        return relative(c, lambda: cal.quarter_iv(c.anchor.year, q), lambda iv: iv.start > c.anchor)
    step = T.QUARTER_MODIFIERS[c.g("mod").lower()]
    return relative(c, lambda: cal.quarter_shift(c.anchor, step), step > 0)


def _r_quarter_code(c: Context) -> Resolved:
    y = int(c.g("y"))
    iv = cal.quarter_iv(y, int(c.g("q"))) if c.has("q") else cal.half_iv(y, int(c.g("h")))
    return Resolved(ABSOLUTE, iv)


def _r_weekday_day(c: Context) -> Optional[Resolved]:
    """ "Friday 7/6", "Mon 13th", "tuesday the eleventh": the weekday names which month."""
    day = day_no(c.g("d"))
    if c.has("y"):
        return Resolved(ABSOLUTE, cal.day_iv(dt.date(int(c.g("y")), int(c.g("mo")), day)))
    fut = c.future_cue()
    if c.has("mo"):
        mo = int(c.g("mo"))
        cal.check_day(mo, day)
        return relative(c, lambda: cal.pick(lambda y: cal.day_iv(dt.date(y, mo, day)), c.anchor, future=fut), fut)
    wd = vocab.WEEKDAYS[c.g("wd").lower().rstrip(".")]

    def make() -> Optional[DateInterval]:
        d = cal.weekday_of_month_day(c.anchor, wd, day, future=fut)
        return cal.day_iv(d) if d else None
    return relative(c, make, fut)


def _r_day_range(c: Context) -> Optional[Resolved]:
    """ "November 19-20", "Nov 18-Dec 19, 2015", "between 3 and 12 of Sept", "Jan-Feb 2017",
    "January 12, 2016 - 01/22/2016"."""
    if c.has("ma") and not c.has("da"):  # Jan-Feb 2017
        ma, mb, yb = month_no(c.g("ma")), month_no(c.g("mb")), int(c.g("yb"))
        ya = yb - (ma > mb)
        return Resolved(ABSOLUTE, DateInterval(dt.date(ya, ma, 1), cal.month_end(yb, mb), "span"))
    if c.g("sep").lower() == "and" and not c.has("kw"):
        return None  # "March 3 and 12": two dates, not a range
    da, db = day_no(c.g("da")), day_no(c.g("db"))
    ma = c.g("ma") or c.g("mb")
    if ma is None:
        return None  # "19 to 20": no month
    ma, mb = month_no(ma), int(c.g("mob")) if c.has("mob") else month_no(c.g("mb") or ma)
    ya, yb = (int(c.g(k)) if c.has(k) else None for k in ("ya", "yb"))
    return _day_span(c, (ma, da), (mb, db), ya, yb)


def _day_span(c: Context, begin: tuple[int, int], end: tuple[int, int],
              ya: Optional[int], yb: Optional[int]) -> Optional[Resolved]:
    """The days from (month, day) ``begin`` to ``end``; a written year fills the other
    one, none picks the range around the anchor. "Dec 28 - Jan 3" runs into the next year."""
    (ma, da), (mb, db) = begin, end
    wraps = (ma, da) > (mb, db)

    def make(y: int) -> Optional[DateInterval]:
        first, last = dt.date(y, ma, da), dt.date(y + wraps, mb, db)
        return DateInterval(first, last, "span") if first <= last else None
    if ya is None and yb is None:
        fut = c.future_cue()
        return relative(c, lambda: cal.pick(make, c.anchor, future=fut), fut)
    ya = ya if ya is not None else yb - wraps
    yb = yb if yb is not None else ya + wraps
    first, last = dt.date(ya, ma, da), dt.date(yb, mb, db)
    return Resolved(ABSOLUTE, DateInterval(first, last, "span")) if first <= last else None


def _part_of_named_month(c: Context, part: Callable[[DateInterval], DateInterval]) -> Resolved:
    """``part`` of the month the text names ("the first week of July", "the end of March"):
    in its written year or, without one, the nearest such month around the anchor."""
    mo = month_no(c.g("m"))
    if c.has("y"):
        return Resolved(ABSOLUTE, part(cal.month_iv(int(c.g("y")), mo)))
    fut = c.future_cue()
    return relative(c, lambda: part(cal.pick(lambda y: cal.month_iv(y, mo), c.anchor, future=fut)), fut)


def _r_week_of(c: Context) -> Optional[Resolved]:
    """ "the last week of July", "first week of 2015", "the week of April 10th"."""
    a = c.anchor
    if c.has("of"):  # the Monday-Sunday week containing that day
        mo, day = month_no(c.g("m")), int(c.g("d"))
        if c.has("y"):
            return Resolved(ABSOLUTE, cal.containing(dt.date(int(c.g("y")), mo, day), "week"))
        fut = c.future_cue()
        return relative(c, lambda: cal.pick(lambda y: cal.containing(dt.date(y, mo, day), "week"), a, future=fut), fut)
    n = T.WEEK_ORDINALS[c.g("ord").lower()]
    if c.has("m"):
        return _part_of_named_month(c, lambda month: cal.nth_week(month, n))
    if c.has("y"):
        return Resolved(ABSOLUTE, cal.nth_week(cal.year_iv(int(c.g("y"))), n))
    unit, step = c.g("unit").lower(), T.CALENDAR_MODIFIERS[c.g("rel").lower()]
    return relative(c, lambda: cal.nth_week(cal.containing(cal.shift(a, unit, step), unit), n), step > 0)


def _r_weekday_week(c: Context) -> Resolved:
    """ "next week Mon", "tuesday of last week": that weekday of the week named."""
    wd = vocab.WEEKDAYS[c.g("wd").lower().rstrip(".")]
    step = T.WEEK_MODIFIERS[c.g("wmod").lower()]
    a = c.anchor
    return relative(c, lambda: cal.day_iv(a + dt.timedelta(days=7 * step + wd - a.weekday())),
                lambda iv: iv.start > a)


def _r_weekday_mod(c: Context) -> Resolved:
    """ "previous Wednesday" as "last Wednesday", "coming Thursday" as "next Thursday"."""
    wd = vocab.WEEKDAYS[c.g("wd").lower()]
    a = c.anchor
    if T.WEEKDAY_MODIFIERS[c.g("mod").lower()] == "next":
        return relative(c, lambda: cal.day_iv(cal.weekday_after(a, wd)), True)
    return relative(c, lambda: cal.day_iv(cal.weekday_before(a, wd)))


def _r_month_numeric(c: Context) -> Optional[Resolved]:
    """ "Oct/2", "05-Aug-2016", "2019/aug/01", "Dec-2018", "31-Oct-74", "Wed, Feb13": a
    month name among numbers."""
    mo = month_no(c.g("m"))
    if not c.has("d"):
        return Resolved(ABSOLUTE, cal.month_iv(int(c.g("y")), mo))
    day = int(c.g("d"))
    if c.has("y") or c.has("yy"):
        return Resolved(ABSOLUTE, cal.day_iv(dt.date(full_year(c.g("y") or c.g("yy")), mo, day)))
    return _yearless_day(c, mo, day)


_r_month_glued = _r_month_numeric  # "Feb13", "Wed, Feb13"


def _yearless_day(c: Context, mo: int, day: int) -> Optional[Resolved]:
    """A day without its year: the nearest one (on the weekday named, if any) before the
    anchor, or after it after a future verb; ImpossibleDate for a day no month has ("Feb 30")."""
    cal.check_day(mo, day)
    fut = c.future_cue()
    wd = vocab.WEEKDAYS[c.g("wd").lower().rstrip(".")] if c.has("wd") else None

    def make() -> Optional[DateInterval]:
        named = cal.nearest_on_weekday(mo, day, wd, c.anchor) if wd is not None else None
        return named or cal.pick(lambda y: cal.day_iv(dt.date(y, mo, day)), c.anchor, future=fut)
    return relative(c, make, fut)


def _r_numeric_day(c: Context) -> Optional[Resolved]:
    """ "on 2/15", "by 22/04": a year-less numeric date after a preposition (month first,
    as dateparser reads "04/05/2025", unless the first number cannot be a month)."""
    return _yearless_day(c, int(c.g("mo")), int(c.g("d")))


def _r_numeric_month(c: Context) -> Optional[Resolved]:
    """ "2015-3", "2014/10", "12-2015", "2/2013": a month of a year. "2011-12", "2015-6"
    (the next year's last digits) are a season or fiscal year, left to the year rules."""
    y, mo = c.g("y"), c.g("mo")
    if c.m.start("y") < c.m.start("mo") and str(int(y) + 1).endswith(mo):
        return None
    return Resolved(ABSOLUTE, cal.month_iv(int(y), int(mo)))


def _r_year_words(c: Context) -> Optional[Resolved]:
    """ "in nineteen ninety six", "in two thousand and fifteen": a year said in words."""
    y = year_in_words(c.g("yw"))
    return Resolved(ABSOLUTE, cal.year_iv(y)) if y else None


def _r_numeric_range(c: Context) -> Optional[Resolved]:
    """ "from 10/1 to 11/7", "10/1/2018 - 10/7/2018", "5/1-5/7, 2020" (month first)."""
    ya, yb = (int(c.g(k)) if c.has(k) else None for k in ("ya", "yb"))
    yb = yb if yb is not None else (int(c.g("yc")) if c.has("yc") else None)
    if ya is None and yb is None and not c.has("kw"):
        return None  # "3/4 - 1/2": fractions or scores, not dates
    return _day_span(c, *((int(c.g("mo" + s)), int(c.g("d" + s))) for s in "ab"), ya, yb)


def _r_edge_of(c: Context) -> Optional[Resolved]:
    """ "the end of this year", "the beginning of March", "later in the week": a half."""
    edge = (c.g("edge") or "").lower()
    which = T.EDGES[edge] if edge else 1
    a = c.anchor
    if c.has("y") and not c.has("m"):
        return Resolved(ABSOLUTE, cal.half(cal.year_iv(int(c.g("y"))), which))
    if c.has("m"):
        return _part_of_named_month(c, lambda month: cal.half(month, which))
    unit = T.EOX[c.g("eox").lower()] if c.has("eox") else c.g("unit").lower()
    step = T.EDGE_MODIFIERS[words_key(c.g("mod"))] if c.has("mod") else 0

    def make() -> DateInterval:
        iv = cal.half(cal.containing(cal.shift(a, unit, step), unit), which)
        if iv.start > a and not c.has("mod") and edge != "later" and not c.future_cue():
            # "peaked by the end of year": the last one begun, as for a year-less date
            iv = cal.half(cal.containing(cal.shift(a, unit, -1), unit), which)
        return iv
    return relative(c, make, lambda iv: iv.start > a)


def _r_day_date_words(c: Context) -> Optional[Resolved]:
    mo, day = month_no(c.g("m1") or c.g("m2")), day_no(c.g("d1") or c.g("d2"))
    if c.has("y"):  # "March third 2015"
        return Resolved(ABSOLUTE, cal.day_iv(dt.date(int(c.g("y")), mo, day)))
    cal.check_day(mo, day)
    fut = c.future_cue()
    return relative(c, lambda: cal.pick(lambda y: cal.day_iv(dt.date(y, mo, day)), c.anchor, future=fut), fut)


def _r_day_of_month(c: Context) -> Resolved:
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
    return relative(c, make, fut)


def _r_nth_day_of(c: Context) -> Optional[Resolved]:
    """ "the 15th day of June", "the thirty-first day of the month"."""
    day, a = day_no(c.g("d")), c.anchor
    if c.has("m"):
        mo = month_no(c.g("m"))
        if c.has("y"):
            return Resolved(ABSOLUTE, cal.day_iv(dt.date(int(c.g("y")), mo, day)))
        fut = c.future_cue()
        return relative(c, lambda: cal.pick(lambda y: cal.day_iv(dt.date(y, mo, day)), a, future=fut), fut)
    step = T.CALENDAR_MODIFIERS[c.g("rel").lower()] if c.has("rel") else 0
    return relative(c, lambda: cal.day_iv(cal.add_months(a.replace(day=1), step).replace(day=day)),
                lambda iv: iv.start > a)


def _deictic_day(word: str, anchor: dt.date) -> dt.date:
    return anchor + dt.timedelta(days=0 if word.lower() == "now" else T.DEICTIC_DAYS[word.lower()])


def _r_deixis_range(c: Context) -> Optional[Resolved]:
    """ "between now and November 15th", "from 2019-aug-01 to today"."""
    if not (c.has("na") or c.has("nb")):
        return None  # two dates: the "span" rule's
    a = c.anchor

    def end(s: str) -> dt.date:
        if c.has("n" + s):
            return _deictic_day(c.g("n" + s), a)
        mo, day = month_no(c.g("m" + s)), int(c.g("d" + s))
        if c.has("y") and s == "a":
            return dt.date(int(c.g("y")), mo, day)
        # a year-less date: the one on the far side of the anchor from the other end
        after = s == "b"
        iv = cal.pick(lambda y: cal.day_iv(dt.date(y, mo, day)), a, future=after)
        return iv.start

    def make() -> Optional[DateInterval]:
        first, last = end("a"), end("b")
        return DateInterval(first, last, "span") if first <= last else None
    return relative(c, make, lambda iv: iv.end > a)


def _r_offset_from_deixis(c: Context) -> Resolved:
    """ "two days after today", "3 days from today": that day."""
    unit, n = c.g("unit").lower(), int(count_value(c.g("n")))
    sign = -1 if c.g("dir").lower() == "before" else 1
    return relative(c, lambda: cal.day_iv(cal.shift(_deictic_day(c.g("base"), c.anchor), unit, sign * n)),
                lambda iv: iv.start > c.anchor)


def _r_iso_week(c: Context) -> Optional[Resolved]:
    """ "week 31": that ISO week of the anchor's year."""
    n = int(c.g("wn"))

    def make() -> Optional[DateInterval]:
        monday = dt.date.fromisocalendar(c.anchor.year, n, 1)
        return DateInterval(monday, monday + dt.timedelta(days=6), "week")
    return relative(c, make, lambda iv: iv.start > c.anchor)


def _r_to_date(c: Context) -> Resolved:
    """ "the year to date": from the start of the anchor's year (month, quarter) to it."""
    unit, a = c.g("unit").lower(), c.anchor

    def make() -> DateInterval:
        start = cal.quarter_shift(a, 0).start if unit == "quarter" else cal.containing(a, unit).start
        return DateInterval(start, a, "span")
    return relative(c, make)


def _r_month_span_year(c: Context) -> Resolved:
    """ "from April to June in 2017": the months of that year (the first of the year
    before when the range wraps: "from November to February in 2017")."""
    ma, mb, y = month_no(c.g("ma")), month_no(c.g("mb")), int(c.g("y"))
    return Resolved(ABSOLUTE, DateInterval(dt.date(y - (ma > mb), ma, 1), cal.month_end(y, mb), "span"))


def _r_calendar_year(c: Context) -> Resolved:
    step = T.CALENDAR_MODIFIERS[words_key(c.g("mod"))]
    return relative(c, lambda: cal.year_iv(c.anchor.year + step), step > 0)


RESOLVERS: dict[str, Callable[[Context], Optional[Resolved]]] = {
    name[len("_r_"):]: resolver for name, resolver in globals().items() if name.startswith("_r_")
}
