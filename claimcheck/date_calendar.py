"""Calendar arithmetic for resolving date mentions: months, weeks, seasons, thirds and
the nearest instance of a yearly-recurring interval (conventions in :mod:`claimcheck.dates`)."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Callable, Optional

from claimcheck import date_tables as T
from claimcheck import vocab
from claimcheck.models import DateInterval


class ImpossibleDate(ValueError):
    """A day the calendar does not have: "February 30", "April 31", "2/29/2019"."""


def is_impossible(error: ValueError) -> bool:
    """Whether ``error`` says a named day does not exist (ours, or ``datetime.date``'s:
    "day is out of range for month", worded differently in later Pythons)."""
    message = str(error)
    return isinstance(error, ImpossibleDate) or "day" in message and "month" in message


def check_day(month: int, day: int) -> None:
    """Raise ImpossibleDate for a day no year's ``month`` has (February 29 exists)."""
    if day > (29 if month == 2 else calendar.monthrange(2001, month)[1]):
        raise ImpossibleDate(f"no day {day} in month {month}")


def month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def add_months(d: dt.date, n: int) -> dt.date:
    """``d`` moved by ``n`` months, the day clamped to the month's length."""
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    base, mult = T.UNITS[unit]
    n *= mult
    if base == "day":
        return d + dt.timedelta(days=n)
    if base == "week":
        return d + dt.timedelta(weeks=n)
    return add_months(d, n if base == "month" else 12 * n)


def containing(d: dt.date, unit: str) -> DateInterval:
    """The calendar day, Monday-Sunday week, month or year containing ``d``."""
    base = T.UNITS[unit][0]
    if base == "day":
        return DateInterval(d, d, "day")
    if base == "week":
        monday = d - dt.timedelta(days=d.weekday())
        return DateInterval(monday, monday + dt.timedelta(days=6), "week")
    if base == "month":
        return month_iv(d.year, d.month)
    return year_iv(d.year)


def month_iv(y: int, m: int) -> DateInterval:
    return DateInterval(dt.date(y, m, 1), month_end(y, m), "month")


def year_iv(y: int) -> DateInterval:
    return DateInterval(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")


def season_iv(name: str, y: int) -> DateInterval:
    first, length = vocab.SEASONS[name.lower()]
    end = add_months(dt.date(y, first, 1), length) - dt.timedelta(days=1)
    return DateInterval(dt.date(y, first, 1), end, "season", vocab.SEASON_NOTE)


def current_season_start(d: dt.date) -> dt.date:
    for y in (d.year, d.year - 1):
        for name in vocab.SEASONS:
            iv = season_iv(name, y)
            if iv.start <= d <= iv.end:
                return iv.start
    raise ValueError("no season contains the anchor")  # unreachable with a full table


def third(iv: DateInterval, which: Optional[str]) -> DateInterval:
    """The early / mid / late third of a month, week, season, year or decade."""
    if which is None:
        return iv
    k = T.THIRDS[which.lower()]
    s, e = iv.start, iv.end
    if iv.precision == "month":
        s, e = s.replace(day=(1, 11, 21)[k]), (s.replace(day=10), s.replace(day=20), e)[k]
    elif iv.precision == "week":
        s, e = s + dt.timedelta(days=(0, 2, 4)[k]), s + dt.timedelta(days=(1, 3, 6)[k])
    elif iv.precision == "decade":
        s, e = s.replace(year=s.year + (0, 4, 7)[k]), dt.date(s.year + (3, 6, 9)[k], 12, 31)
    else:  # year or season: split its months in three
        months = (e.year - s.year) * 12 + e.month - s.month + 1
        step = months // 3
        s = add_months(s, k * step)
        e = e if k == 2 else add_months(s, step) - dt.timedelta(days=1)
    return DateInterval(s, e, "span", iv.note)


def pick(make: Callable[[int], Optional[DateInterval]], anchor: dt.date, *,
          future: bool = False, before: Optional[dt.date] = None,
          after: Optional[dt.date] = None) -> Optional[DateInterval]:
    """The instance of a yearly-recurring interval nearest the anchor, as asked.

    Default: the most recent one starting on or before the anchor. ``future``: the first
    one not yet over. ``before``: the most recent one ending before that day. ``after``:
    the first one starting after that day.
    """
    forward = future or after is not None
    years = range(anchor.year - 1, anchor.year + 10) if forward else range(anchor.year + 1, anchor.year - 10, -1)
    for y in years:
        if not 1 <= y <= 9999:
            continue
        try:
            iv = make(y)
        except ValueError:  # Feb 29 in a common year
            continue
        if iv is None:
            continue
        if before is not None and iv.end < before:
            return iv
        if after is not None and iv.start > after:
            return iv
        if before is None and after is None and (iv.end >= anchor if future else iv.start <= anchor):
            return iv
    return None


def day_iv(d: dt.date) -> DateInterval:
    return DateInterval(d, d, "day")


def weekend(sat: dt.date) -> DateInterval:
    return DateInterval(sat, sat + dt.timedelta(days=1), "span")


def endpoint_iv(y: int, m: Optional[int], d: Optional[int]) -> DateInterval:
    if m is None:
        return year_iv(y)
    if d is None:
        return month_iv(y, m)
    return day_iv(dt.date(y, m, d))


def easter(y: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return dt.date(y, month, (h + l - 7 * m + 33 * month + 19) % 32)


def orthodox_easter(y: int) -> dt.date:
    """Orthodox Easter Sunday: the Julian computus, moved to the Gregorian calendar."""
    d = (19 * (y % 19) + 15) % 30
    e = (2 * (y % 4) + 4 * (y % 7) - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian_gap = y // 100 - y // 400 - 2  # 13 days in 1900-2099
    return dt.date(y, month, day + 1) + dt.timedelta(days=julian_gap)


def nth_weekday(y: int, m: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` (Monday = 0) of a month; ``n`` = -1 is the last, -2 the
    one before it. A day past the month's end raises ValueError."""
    if n < 0:
        last = month_end(y, m)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-n - 1))
    first = dt.date(y, m, 1)
    d = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    if d.month != m:
        raise ValueError("no such weekday in the month")
    return d


def holiday_iv(rule: tuple, y: int) -> DateInterval:
    """The day (or span) of a holiday rule of ``date_tables.HOLIDAYS`` in year ``y``."""
    kind, *args = rule
    if kind in ("easter", "orthodox"):
        sunday = (easter if kind == "easter" else orthodox_easter)(y)
        first, last = (sunday + dt.timedelta(days=n) for n in args)
        return DateInterval(first, last, "day" if first == last else "span")
    if kind == "nth":
        m, weekday, n, shift = args
        return day_iv(nth_weekday(y, m, weekday, n) + dt.timedelta(days=shift))
    d = dt.date(y, *args)
    if kind == "weekday" and d.weekday() >= 5:
        d += dt.timedelta(days=-1 if d.weekday() == 5 else 1)
    elif kind == "sunday_back" and d.weekday() == 6:
        d -= dt.timedelta(days=1)
    return day_iv(d)


def quarter_iv(y: int, q: int) -> DateInterval:
    return DateInterval(dt.date(y, 3 * q - 2, 1), month_end(y, 3 * q), "quarter")


def half_iv(y: int, h: int) -> DateInterval:
    return DateInterval(dt.date(y, 6 * h - 5, 1), month_end(y, 6 * h), "span")


def quarter_shift(d: dt.date, n: int) -> DateInterval:
    """The calendar quarter ``n`` quarters after the one containing ``d``."""
    y, q = divmod(d.year * 4 + (d.month - 1) // 3 + n, 4)
    return quarter_iv(y, q + 1)


def weekday_of_month_day(anchor: dt.date, weekday: int, day: int, *, future: bool = False) -> Optional[dt.date]:
    """The nearest day-of-month ``day`` that falls on ``weekday`` ("Mon 13th"): on or
    before the anchor, or on or after it when ``future``."""
    step = 1 if future else -1
    for k in range(0, 12 * 28 * step, step):  # the calendar repeats within 28 years
        first = add_months(anchor.replace(day=1), k)
        if day > calendar.monthrange(first.year, first.month)[1]:
            continue
        d = first.replace(day=day)
        if d.weekday() == weekday and (d >= anchor if future else d <= anchor):
            return d
    return None


def nth_week(period: DateInterval, n: int) -> DateInterval:
    """The ``n``-th Monday-Sunday week of a month or year (-1: the last), counting a week
    that straddles the period's edge when at least four of its days fall inside."""
    if n > 0:
        monday = period.start - dt.timedelta(days=period.start.weekday())
        if (monday + dt.timedelta(days=6) - period.start).days + 1 < 4:
            monday += dt.timedelta(days=7)
        monday += dt.timedelta(weeks=n - 1)
    else:
        monday = period.end - dt.timedelta(days=period.end.weekday())
        if (period.end - monday).days + 1 < 4:
            monday -= dt.timedelta(days=7)
    return DateInterval(monday, monday + dt.timedelta(days=6), "week")


def nearest_on_weekday(month: int, day: int, weekday: int, anchor: dt.date) -> Optional[DateInterval]:
    """ "Sunday, Feb 10" without a year: the one nearest the anchor, before or after it,
    that falls on that weekday (within 14 years), else None."""
    days = []
    for y in range(anchor.year - 14, anchor.year + 15):
        try:
            d = dt.date(y, month, day)
        except ValueError:  # Feb 29, or a year out of range
            continue
        if d.weekday() == weekday:
            days.append(d)
    return day_iv(min(days, key=lambda d: abs(d - anchor))) if days else None


def half(iv: DateInterval, which: int) -> DateInterval:
    """The first (0) or second (1) half of a year (Jan-Jun, Jul-Dec), a month (days
    1-15, 16-end) or a Monday-Sunday week (Mon-Wed, Thu-Sun)."""
    if iv.precision == "week":
        mid = iv.start + dt.timedelta(days=3)
    elif iv.precision == "month":
        mid = iv.start.replace(day=16)
    else:
        mid = add_months(iv.start, 6)
    s, e = (iv.start, mid - dt.timedelta(days=1)) if which == 0 else (mid, iv.end)
    return DateInterval(s, e, "span", iv.note)


def weekday_after(day: dt.date, weekday: int, n: int = 1) -> dt.date:
    """The ``n``-th ``weekday`` (Monday 0) strictly after ``day``: "next Friday", "Friday after next"."""
    return day + dt.timedelta(days=(weekday - day.weekday() - 1) % 7 + 1 + 7 * (n - 1))


def weekday_before(day: dt.date, weekday: int, n: int = 1) -> dt.date:
    """The ``n``-th ``weekday`` strictly before ``day``: "last Friday"."""
    return day - dt.timedelta(days=(day.weekday() - weekday - 1) % 7 + 1 + 7 * (n - 1))
