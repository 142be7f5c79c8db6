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
* "in N weeks" -> like "N weeks ago", forward, future. "the past N days" -> the N days
  ending on the anchor, [anchor - N days + 1, anchor] (so "the past week" is seven days);
  "within the next N months" -> the N months after it, [anchor + 1 day, anchor + N months].
  Vague plurals ("the coming weeks", "the past few months") count as three units.
* "earlier this week" -> the days of the week before the anchor, "later this week" the
  days after it; "earlier last month", "later next year" (a period wholly before or after
  the anchor) -> its first or second half, as "the beginning/end of" it (``cal.half``).
* "from 2015 to 2016", "between 2015 and 2016" are ranges; "from 2015 and 2016" two years.
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
* numeric dates are month first ("04/05/2025" is April 5), day first when the first
  number cannot be a month ("22/04"); a two-digit year is 19yy from
  ``date_tables.TWO_DIGIT_YEAR_PIVOT`` (40) up, else 20yy ("10/31/74", "3/3/15"). A
  year-less "2/15" is a date only after a preposition ("on 2/15": the number grammar's
  ``DATE_PREPOSITIONS``). "2015-3", "12-2015" are months; "2011-12" stays a season.
  Years said in words ("in nineteen ninety six") are read by the number grammar.
* "the 20th century" is 1900-1999; "a 2010 comment" and the "2010" of "2009-2010" are years.
  A year followed by "BC" is not read (no interval of ours holds it).
* a bare "the third quarter" is resolved as a year-less month is, unless its sentence
  is about a game (``date_tables.GAME_WORDS``); "next year's first quarter" is that
  year's. "three days after Easter": the day counted from the holiday chosen as above.
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
import datetime as dt
import functools
import re
import time
from typing import Callable, Iterator, Optional

import regex

from claimcheck import date_calendar as cal
from claimcheck import date_forms
from claimcheck import date_gates as G
from claimcheck import date_patterns as P
from claimcheck import date_tables as T
from claimcheck import vocab
from claimcheck.date_context import (Context, Resolved, count_value, full_year, in_year, month_no, relative,
                                     words_key)
from claimcheck.errors import warn_partial
from claimcheck.models import ABSOLUTE, DURATION, RELATIVE, DateInterval, DateMention

SEARCH_TIMEOUT = 5.0  # seconds for all patterns together; a backstop, never reached normally
# regex calls pass their time limit by position, with concurrent=False (the note in text.py says why).
PATTERNS = P.PATTERNS  # the core of each rule, by name


# ---------------------------------------------------------------- resolvers of the common forms
# (the less common ones are in claimcheck.date_forms)

def _r_day_date(c: Context) -> Optional[Resolved]:
    mo, day = month_no(c.g("m1") or c.g("m2")), int(c.g("d1") or c.g("d2"))
    if c.has("y"):
        return Resolved(ABSOLUTE, cal.day_iv(dt.date(int(c.g("y")), mo, day)))
    cal.check_day(mo, day)
    fut = c.future_cue()
    wd = vocab.WEEKDAYS[c.g("wd").lower()] if c.has("wd") else None

    def make() -> Optional[DateInterval]:
        named = cal.nearest_on_weekday(mo, day, wd, c.anchor) if wd is not None else None
        return named or cal.pick(lambda y: cal.day_iv(dt.date(y, mo, day)), c.anchor, future=fut)
    return relative(c, make, fut)


def _r_iso_date(c: Context) -> Resolved:
    return Resolved(ABSOLUTE, cal.day_iv(dt.date(int(c.g("y")), int(c.g("mo")), int(c.g("d")))))


def _r_numeric_date(c: Context) -> Optional[Resolved]:
    a, b, year = c.g("num").split(c.g("sep"))
    return _numeric_day(a, b, int(year))


def _r_numeric_date_yy(c: Context) -> Optional[Resolved]:
    """ "10/31/74", "3-3-15": as "10/31/1974", the two-digit year by the one pivot."""
    return _numeric_day(c.g("a"), c.g("b"), full_year(c.g("yy")))


def _numeric_day(a: str, b: str, year: int) -> Optional[Resolved]:
    """Day and month in dateparser's order; ImpossibleDate when the numbers name a month
    in either order but never a day of it ("2/29/2019", "4/31/2025")."""
    d = _dateparser_day(f"{a}/{b}/{year}")
    if d is not None:
        return Resolved(ABSOLUTE, cal.day_iv(d))
    readings = [(int(m), int(day)) for m, day in ((a, b), (b, a)) if 1 <= int(m) <= 12]
    if readings and all(not 1 <= day <= cal.month_end(year, m).day
                        for m, day in readings):
        raise cal.ImpossibleDate(f"{a}/{b}/{year}")
    return None


def _r_month(c: Context) -> Optional[Resolved]:
    mod = (c.g("mod") or "").lower()
    if not (c.has("prep") or mod or c.has("y") or c.has("rel")):
        return None  # a bare "March" or "May": too often not a date
    mo, third = month_no(c.g("m")), (mod if mod in T.THIRDS else None)

    def make(y: int) -> DateInterval:
        return cal.third(cal.month_iv(y, mo), third)
    if c.has("y") or c.has("rel"):
        return in_year(c, make)
    a = c.anchor
    if mod == "last":
        return relative(c, lambda: cal.pick(make, a, before=a.replace(day=1)))
    if mod == "next":
        return relative(c, lambda: cal.pick(make, a, after=cal.month_end(a.year, a.month)), True)
    if mod == "this":
        return relative(c, lambda: make(a.year), lambda iv: iv.start > a)
    fut = c.future_cue()
    return relative(c, lambda: cal.pick(make, a, future=fut), fut)


def _r_season(c: Context) -> Optional[Resolved]:
    mod = T.SEASON_MODIFIERS.get(words_key(c.g("mod")), "")
    if not (mod or c.has("y") or c.has("rel") or c.has("eml") or (c.has("prep") and c.has("the"))):
        return None  # "the fall", "a summer offensive"
    name, third = c.g("season"), c.g("eml")

    def make(y: int) -> DateInterval:
        return cal.third(cal.season_iv(name, y), third)
    if c.has("y") or c.has("rel"):
        return in_year(c, make)
    a = c.anchor
    if mod == "last":
        return relative(c, lambda: cal.pick(make, a, before=cal.current_season_start(a)))
    if mod == "next":
        return relative(c, lambda: cal.pick(make, a, after=a), True)
    if mod == "this":  # the one starting this year (winter: the one containing Jan-Feb)
        late_start = vocab.SEASONS[name.lower()][0] > 10
        return relative(c, lambda: make(a.year - (a.month <= 2 and late_start)), lambda iv: iv.start > a)
    fut = c.future_cue()
    return relative(c, lambda: cal.pick(make, a, future=fut), fut)


def _r_year(c: Context) -> Resolved:
    return Resolved(ABSOLUTE, cal.year_iv(int(c.g("y"))))


_r_year_attr = _r_year_range_end = _r_year  # "a 2010 comment", "2009-2010"


def _r_year_part(c: Context) -> Resolved:
    return Resolved(ABSOLUTE, cal.third(cal.year_iv(int(c.g("y"))), c.g("eml")))


def _r_decade(c: Context) -> Resolved:
    y = int(c.g("dec"))
    return Resolved(ABSOLUTE, cal.third(DateInterval(dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "decade"), c.g("eml")))


def _r_quarter(c: Context) -> Resolved:
    q = T.QUARTERS.get(c.g("q").lower()) or int(c.g("q"))

    def make(y: int) -> DateInterval:
        return DateInterval(dt.date(y, 3 * q - 2, 1), cal.month_end(y, 3 * q), "quarter")
    return in_year(c, make)


def _r_deixis(c: Context) -> Resolved:
    n = T.DEICTIC_DAYS[words_key(c.g("deixis"))]
    return relative(c, lambda: cal.day_iv(c.anchor + dt.timedelta(days=n)), n > 0)


def _r_calendar(c: Context) -> Resolved:
    unit = c.g("unit").lower()
    mod = words_key(c.g("mod"))
    part = (c.g("part") or "").lower()
    a = c.anchor
    if unit == "weekend":  # Saturday-Sunday
        if mod == "this":  # the one of the anchor's Monday-Sunday week
            return relative(c, lambda: cal.weekend(a + dt.timedelta(days=5 - a.weekday())), lambda iv: iv.start > a)
        if mod == "next":  # the first Saturday after the anchor
            return relative(c, lambda: cal.weekend(cal.weekday_after(a, 5)), True)
        if mod == "last":  # the last one that ended before the anchor
            return relative(c, lambda: cal.weekend(a - dt.timedelta(days=a.weekday() + 2)))
        # "over the weekend", "this past weekend": the last Saturday on or before the anchor
        return relative(c, lambda: cal.weekend(a - dt.timedelta(days=(a.weekday() - 5) % 7)))
    step = T.CALENDAR_MODIFIERS[mod]

    def make() -> DateInterval:
        iv = cal.containing(cal.shift(a, unit, step), unit)
        if part in T.EDGES and not iv.start <= a <= iv.end:
            # "earlier last month", "later next year": a period wholly before or after the
            # anchor; its first or second half, as "the beginning/end of" it
            return cal.half(iv, T.EDGES[part])
        day = dt.timedelta(days=1)
        if part == "earlier":  # "earlier this week": the days of it before the anchor
            return DateInterval(iv.start, max(iv.start, a - day), "span")
        if part == "later":  # "later this week": the days of it after the anchor
            return DateInterval(min(iv.end, a + day), iv.end, "span")
        return cal.third(iv, part or None)
    return relative(c, make, step > 0 or (step == 0 and part == "later"))


def _r_span_rel(c: Context) -> Optional[Resolved]:
    unit = c.g("unit").lower()
    direction = c.g("dir").lower()
    n = count_value(c.g("n")) if c.has("n") else (T.VAGUE_PLURAL if c.has("plural") else 1)
    if unit == "day" and not (c.has("n") or c.has("plural")):
        return None  # "the next day" counts from the story's events, not the anchor
    sign = -1 if direction == "recent" else T.SPAN_DIRECTIONS.get(direction, 1)
    a = c.anchor

    def make() -> DateInterval:
        # N units, the anchor counted once: "the past two days" ends on the anchor (as
        # "the past week" always has), "the next two days" begins the day after it
        day = dt.timedelta(days=1)
        if sign < 0:
            return DateInterval(cal.shift(a, unit, -int(n)) + day, a, "span")
        return DateInterval(a + day, cal.shift(a, unit, int(n)), "span")
    return relative(c, make, sign > 0)


def _r_ago(c: Context) -> Resolved:
    unit = c.g("unit").lower()
    hedge = T.HEDGES.get(words_key(c.g("hedge")), "approx")
    if c.has("vague"):
        return _vague_ago(c, unit, hedge)
    n = int(count_value(c.g("n")))
    a = c.anchor

    def make() -> DateInterval:
        if hedge == "over":
            return DateInterval(cal.shift(a, unit, -n - 1), cal.shift(a, unit, -n), "span")
        if hedge == "under":
            return DateInterval(cal.shift(a, unit, -n), a, "span")
        return cal.containing(cal.shift(a, unit, -n), unit)
    return relative(c, make)


def _vague_ago(c: Context, unit: str, hedge: str) -> Resolved:
    """ "a few weeks ago": the units from the most to the fewest the words may mean back
    ("up to a few weeks ago": to the anchor; "more than" reads as without it)."""
    words = words_key(c.g("vague"))
    fewest, most = T.VAGUE_AGO[words]
    a = c.anchor

    def make() -> DateInterval:
        start = cal.containing(cal.shift(a, unit, -most), unit).start
        if hedge == "under":
            return DateInterval(start, a, "span", f'"{words}" read as up to {most} {unit}s back')
        return DateInterval(start, cal.containing(cal.shift(a, unit, -fewest), unit).end, "span",
                            f'"{words}" read as {fewest} to {most} {unit}s back')
    return relative(c, make)


def _r_in_future(c: Context) -> Resolved:
    words = P.WORD.findall(c.text[max(0, c.m.start() - 80):c.m.start()])[-P.LOOK_WORDS:]
    if P.RETRO_CUE.search(" ".join(words)):  # "the first time in 15 years"
        return Resolved(DURATION, None)
    unit, n = c.g("unit").lower(), int(count_value(c.g("n")))
    return relative(c, lambda: cal.containing(cal.shift(c.anchor, unit, n), unit), True)


def _r_duration(c: Context) -> Optional[Resolved]:
    n = c.g("n").lower()
    if not (c.has("prep") or c.has("noun")):
        if n in ("a", "an") and not c.has("after"):
            return None  # "170 sanctions a month"
        if n == "one" and c.g("unit").lower() == "day":
            return None  # "one day" = some day
    return Resolved(DURATION, None)


def _r_weekday(c: Context) -> Resolved:
    wd = vocab.WEEKDAYS[c.g("wd").lower()]
    mod = (c.g("mod") or "").lower()
    a = c.anchor
    if c.prefer_future and mod == "next":  # Duckling: "next Monday" is next week's
        return relative(c, lambda: cal.day_iv(a + dt.timedelta(days=7 - a.weekday() + wd)), True)
    if c.prefer_future and mod == "this":  # Duckling: "this Monday" is the coming one
        return relative(c, lambda: cal.day_iv(cal.weekday_after(a, wd)), True)
    if mod == "next" or (mod != "last" and mod != "this" and c.future_cue()):
        return relative(c, lambda: cal.day_iv(cal.weekday_after(a, wd)), True)
    if mod == "last":
        return relative(c, lambda: cal.day_iv(cal.weekday_before(a, wd)))
    if mod == "this":
        return relative(c, lambda: cal.day_iv(a + dt.timedelta(days=wd - a.weekday())), lambda iv: iv.start > a)
    return relative(c, lambda: cal.day_iv(a - dt.timedelta(days=(a.weekday() - wd) % 7)))


_r_weekday_abbr = _r_weekday  # "thu", "Fri."


def _r_span(c: Context) -> Optional[Resolved]:
    """ "from X to Y": a year-less end takes the other end's year."""
    (ya, da), (yb, db) = ([None if c.g(k + s) is None else int(c.g(k + s)) for k in "yd"] for s in "ab")
    ma, mb = (None if c.g("m" + s) is None else month_no(c.g("m" + s)) for s in "ab")
    later = (mb or 12, db or 31) >= (ma or 1, da or 1)  # Y falls later in its year than X

    def ivs(ya: int, yb: int) -> Optional[DateInterval]:
        first, last = cal.endpoint_iv(ya, ma, da), cal.endpoint_iv(yb, mb, db)
        return DateInterval(first.start, last.end, "span") if first.start <= last.end else None
    if ya is None and yb is None:  # "between January and March": the most recent March
        def make() -> Optional[DateInterval]:
            end = cal.pick(lambda y: cal.endpoint_iv(y, mb, db), c.anchor)
            return end and ivs(end.start.year - (not later), end.start.year)
        return relative(c, make)
    ya = ya if ya is not None else yb - (not later)
    yb = yb if yb is not None else ya + (not later)
    iv = ivs(ya, yb)
    return Resolved(ABSOLUTE, iv) if iv else None


_r_day_date_of_year = _r_day_date


_r_iso_embedded = _r_iso_date
_r_year_list = _r_year


_RESOLVERS: dict[str, Callable[[Context], Optional[Resolved]]] = {
    name: globals().get(f"_r_{name}") or date_forms.RESOLVERS[name] for name in P.PATTERNS
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
    found: list[tuple[int, int, int, str, Context]] = []  # (length, start, rank, rule, match)
    deadline = time.monotonic() + SEARCH_TIMEOUT
    prefer_future = prefer == "future"
    stretch = G.Stretch(text, start, end)
    opt_in = frozenset() if present else P.OPT_IN
    for rank, name, scan in stretch.ranked_rules:  # the stretch holds words of each
        if name in opt_in:
            continue  # not asked for
        places = stretch.places(scan)  # (found once for the rules that share a scanner)
        if places is not None and not places:
            continue  # no place its core can start: not even compiled, if never met
        pattern, left_pattern, left_required = _LOOKS.get(name) or _looks(name)
        try:
            for m in _matches(pattern, text, start, end, places, deadline):
                left = None
                if left_pattern is not None:
                    left = left_pattern.match(text, max(start, m.start() - P.LEFT_REACH), m.start())
                    left = left if left is not None and left.end() > left.start() else None
                if left is None and left_required:
                    continue
                at = m.start() if left is None else left.start()
                found.append((m.end() - at, at, rank, name, Context(text, m, left, anchor, prefer_future)))
        except TimeoutError:
            warn_partial(f"dates ({name})", start, end)  # keep what this pattern found so far
    return _longest_first(found, assumed)


# A rule's core, its left context's pattern (None: none) and whether that is required,
# kept at the rule's first try (the lazy mappings of date_patterns are Python calls).
_LOOKS: dict[str, tuple[regex.Pattern, Optional[regex.Pattern], bool]] = {}


def _looks(name: str) -> tuple[regex.Pattern, Optional[regex.Pattern], bool]:
    left = P.LEFT_PATTERNS[name] if name in P.LEFT_PATTERNS else None
    looks = _LOOKS[name] = (P.PATTERNS[name], left, name in P.LEFT_REQUIRED)
    return looks


def _matches(pattern: regex.Pattern, text: str, start: int, end: int, places: Optional[list[int]],
             deadline: float) -> Iterator[regex.Match]:
    """``pattern.finditer(text, start, end)``, tried only at ``places`` (offsets from
    ``start``) when they are given (each try with the time left of the search, so that
    many short tries are cut off as one long scan would be)."""
    if places is None:
        yield from pattern.finditer(text, start, end, False, False, False, max(0.01, deadline - time.monotonic()))
        return
    pos = start
    for at in places:
        at += start
        if at < pos:
            continue  # inside the previous match
        left = deadline - time.monotonic()
        if left <= 0:  # the time of all patterns is spent: as a finditer cut off
            raise TimeoutError
        m = pattern.match(text, at, end, False, False, max(0.01, left))
        if m is not None:
            yield m
            pos = max(m.end(), at + 1)


_ENDS_IN_DAY_NUMBER = re.compile(r"(?<![\d/.-])\d{1,2}$")  # "February 30", not "2/29/2019"
_WORD_AFTER = re.compile(r"[ \t]+[a-z]")


def _counts_what_follows(c: Context) -> bool:
    """Whether a match ends in a number that the next (lower-case) word counts."""
    return bool(_ENDS_IN_DAY_NUMBER.search(c.m.group()) and _WORD_AFTER.match(c.text, c.m.end()))


def _mention(name: str, c: Context, assumed: bool) -> Optional[DateMention]:
    try:
        res = _RESOLVERS[name](c)
    except ValueError as error:
        if not cal.is_impossible(error) or _counts_what_follows(c):
            return None  # "In February 30 people were arrested" counts people
        # "February 30, 2025": a date the writer got wrong is worth showing, unresolved
        return DateMention(c.start, c.m.end(), c.text[c.start:c.m.end()], ABSOLUTE, impossible=True)
    if res is None:
        return None
    used = res.kind == RELATIVE and c.anchor is not None
    return DateMention(c.start, c.m.end(), c.text[c.start:c.m.end()], res.kind, res.interval,
                       res.future, c.anchor if used else None, assumed if used else False)


def _longest_first(found: list[tuple[int, int, int, str, Context]], assumed: bool) -> list[DateMention]:
    """The mentions of the matches found, the longest of overlapping ones kept (then the
    earliest, then pattern order). A match is resolved only when no longer one has been
    kept over it (most overlapped matches never are); one that resolves to no mention
    leaves its place to the next, as if never found."""
    if len(found) <= 1:  # as most: nothing to weigh
        mention = _mention(found[0][3], found[0][4], assumed) if found else None
        return [mention] if mention is not None else []
    taken: list[DateMention] = []
    starts: list[int] = []

    for length, start, _, name, c in sorted(found, key=lambda f: (-f[0], f[1], f[2])):
        i = bisect.bisect(starts, start)
        if i and taken[i - 1].end > start:
            continue
        if i < len(taken) and taken[i].start < start + length:
            continue
        mention = _mention(name, c, assumed)
        if mention is None:
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
