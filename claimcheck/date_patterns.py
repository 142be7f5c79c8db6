"""The date grammar: named regex pieces composed into one pattern per kind of mention.

Each rule is a *core* that is searched for and an optional *left context*
(prepositions, modifiers) matched backwards from the core's start; see
:mod:`claimcheck.dates` for how mentions are found and resolved. Word tables live in
:mod:`claimcheck.date_tables` and :mod:`claimcheck.vocab`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Optional

import regex

from claimcheck import date_tables as T
from claimcheck import vocab

# ---------------------------------------------------------------- small named pieces

def _alt(words) -> str:
    """Alternation of table words, longest first, a space matching any whitespace."""
    return vocab.alternation(words).replace(r"\ ", r"\s+")


def _cased(words) -> str:
    """Alternation matching only the Capitalised or UPPER form (for "May", "Sun", ...)."""
    forms = {w.capitalize() for w in words} | {w.upper() for w in words}
    return f"(?-i:{vocab.alternation(forms)})"


_FULL_MONTHS = vocab.full_names(vocab.MONTHS)
_STRICT_MONTHS = set(T.WORD_MONTHS)  # also English words: only capitalised
_MONTH_WORD = rf"(?:{_alt(_FULL_MONTHS - _STRICT_MONTHS)}|{_cased(_FULL_MONTHS & _STRICT_MONTHS)})"
_MONTH_ABBR = _cased(set(vocab.MONTHS) - _FULL_MONTHS)
_ANY_MONTH = _alt(vocab.MONTHS)  # any month name or abbreviation, any case (beside a day)
_FULL_WEEKDAYS = vocab.full_names(vocab.WEEKDAYS)
_WEEKDAY_WORD = _alt(_FULL_WEEKDAYS)
_WEEKDAY_ABBR = _cased(set(vocab.WEEKDAYS) - _FULL_WEEKDAYS)
_SEASON = _alt(vocab.SEASONS)
_UNIT = _alt(T.UNITS)
_DURATION_UNIT = _alt(list(T.UNITS) + list(T.DURATION_ONLY_UNITS))
_PREP = rf"\b(?P<prep>{_alt(T.PREPOSITIONS)})\s+"
_THIRD = rf"\b(?P<eml>{_alt(T.THIRDS)})(?:-|\s+)"
_REL_YEAR = r"(?:the\s+)?(?P<rel>last|this|next)\s+year\b"
_NUMBER_WORD = (
    rf"\b(?:(?:{_alt(vocab.TENS_WORDS)})(?:[-\s](?:{_alt(k for k, v in vocab.UNIT_WORDS.items() if 0 < v < 10)}))?"
    rf"|{_alt(vocab.UNIT_WORDS)})\b"
)
_NOT_PLURAL_AFTER = rf"(?!\s{{1,3}}(?!(?:{_alt(vocab.NOT_PLURAL_WORDS)})\b)(?-i:[a-z]{{2,}}(?<![siu])s)\b)"  # not "analysis", "status"


def _phrase(name: str) -> str:
    """A table phrase as a pattern: any whitespace between words, a full stop allowed
    after one ("St. Patrick's"), an apostrophe optional ("new years eve")."""
    words = ("['’]?".join(regex.escape(part) for part in w.split("'")) for w in name.split())
    return r"\.?\s+".join(words)


def _phrases(names, cased=()) -> str:
    """Alternation of table phrases, longest first; the ``cased`` ones only Capitalised."""
    forms = [_phrase(n) for n in sorted(set(names) - set(cased), key=lambda n: (-len(n), n))]
    forms += [f"(?-i:{_phrase(n.capitalize())}|{_phrase(n.upper())})" for n in cased]
    return "|".join(forms)


def _month(g: str) -> str:
    return rf"(?:(?P<{g}>{_MONTH_WORD})\b|(?P<{g}>{_MONTH_ABBR})\b\.?)"


def _weekday(g: str) -> str:
    return rf"(?:(?P<{g}>{_WEEKDAY_WORD})\b|(?P<{g}>{_WEEKDAY_ABBR})\b\.?)"


def _day(g: str) -> str:  # not after a currency sign: "$12 December 27" is 12 dollars
    return rf"(?<![\w.,$£€])(?<![$£€]\s)(?P<{g}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w%]|[.,]\d)"


_NOT_BC = r"(?!\s*(?-i:BCE?|B\.C\.))"  # "in 1200 BC": no year of ours (the common era only)


def _year(g: str) -> str:
    return rf"(?<![\w.,$£€/])(?P<{g}>1[6-9]\d\d|2[01]\d\d)(?![\w%]|[.,]\d){_NOT_BC}"


def _count(g: str, *, articles: bool = False, vague: bool = False, decimals: bool = False) -> str:
    digits = r"\d{1,3}(?:,\d{3}){1,2}|\d{1,4}" + (r"(?:\.\d{1,2})?" if decimals else "")
    forms = [rf"(?<![\w.,])(?:{digits})(?![.,]\d)", _NUMBER_WORD]
    if articles:
        forms.append(r"\ban?\b")
    if vague:
        forms.append(rf"\b(?:{_alt(T.VAGUE_COUNTS)})\b")
    return rf"(?P<{g}>{'|'.join(forms)})"


def _year_words(g: str) -> str:
    """A year said in words: "nineteen ninety six", "twenty twenty", "two thousand and
    fifteen" (read by ``date_context.year_in_words``); never a bare "two thousand"."""
    units = _alt(k for k, v in vocab.UNIT_WORDS.items() if 1 <= v <= 9)
    teens = _alt(k for k, v in vocab.UNIT_WORDS.items() if 10 <= v <= 19)
    rest = rf"(?:{_alt(vocab.TENS_WORDS)})(?:[-\s](?:{units}))?|{teens}"  # ninety six / fifteen
    return rf"""(?P<{g}>
        \b(?:{_alt(T.YEAR_WORD_HUNDREDS)})\s+(?:{rest})\b   # nineteen ninety six
      | \btwo\s+thousand(?:\s+and)?\s+(?:{rest}|{units})\b )  # two thousand (and) fifteen
    (?!-)                                                 # not "twenty ten-year-olds"
    """


def _endpoint(s: str) -> str:
    """One end of "from X to Y": a date, a month (with year) or a year."""
    return rf"""(?:
        {_month('m' + s)}\s+{_day('d' + s)}(?:,?\s*{_year('y' + s)})?   # April 28(, 2025)
      | {_month('m' + s)}(?:\s+{_year('y' + s)})?                       # April (2025)
      | {_year('y' + s)}                                                # 2024
    )"""


# Month names and day words defined once per pattern and called by name ("(?&MONW)"):
# a rule that names several months compiles one alternation instead of one per mention.
_DEFINITIONS = {
    "MONW": _MONTH_WORD,                # January / May (capitalised)
    "MONA": _MONTH_ABBR,                # Jan / Sept (capitalised)
    "MONX": _ANY_MONTH,                 # any month name, any case
    "DAYW": _alt(T.DAY_ORDINAL_WORDS),  # eleventh / thirty first
    "DAYC": _alt(T.DAY_CARDINAL_WORDS),  # twenty nine / thirty-one
}


def _with_definitions(core: str) -> str:
    """``core`` preceded by the definitions it calls, if any. Such a core starts with a
    word character not after a digit: said first, so that elsewhere the engine fails at
    once (it cannot see through the calls which characters may start a match)."""
    used = "".join(f"(?P<{n}>{d})" for n, d in _DEFINITIONS.items() if f"(?&{n})" in core)
    return f"(?(DEFINE){used})(?<![0-9])(?=\\w)" + core if used else core


def _month_by_day(g: str, *, last: bool = False, dot: str = r"\.?") -> str:
    """A month name or abbreviation in any case ("march", "aug."), for the places beside
    a day where it can be nothing else. ``last``: it ends the date, and a lower-case word
    after it is not read ("the first of may be")."""
    guard = _NO_NOUN_AFTER if last else ""
    return rf"(?:(?P<{g}>{_MONTH_WORD}|{_MONTH_ABBR})\b{dot}|(?P<{g}>{_ANY_MONTH})\b{dot}{guard})"



_NOT_WORD_MONTH = rf"(?!(?:{_alt(T.WORD_MONTHS)})\b)"  # not "may", "march": words without "of"
_ORDINAL_SUFFIX = r"(?<=\d(?:st|nd|rd|th))"  # the day just read was "21st", not "21"


def _month_ref(g: str) -> str:
    """As _month(g), calling the month names of _DEFINE."""
    return rf"(?:(?P<{g}>(?&MONW))\b|(?P<{g}>(?&MONA))\b\.?)"


def _day_word(g: str) -> str:
    """A day of the month in digits ("13th") or in words ("eleventh", "thirty first")."""
    return rf"(?:{_day(g)}|\b(?P<{g}>(?&DAYW))\b)"


def _day_month(s: str) -> str:
    """One end of a day range with its month: "Nov 18(, 2014)", "26th of june (in 2020)"."""
    month = _month if s == "a" else _month_ref  # a range's first month inline: it starts the match
    year = rf"(?:,?\s*(?:of\s+|in\s+)?{_year('y' + s)})?"
    return rf"""(?:
        {month('m' + s)}\s+(?:the\s+)?{_day('d' + s)}{year}         # Nov 18 / june the 28th
      | (?:the\s+)?{_day('d' + s)}\s+(?:of\s+)?{month('m' + s)}{year}  # 26th of june
      | (?:the\s+)?{_day('d' + s)}{_ORDINAL_SUFFIX}\s+           # 21st (lower case: a
        (?:of\s+|{_NOT_WORD_MONTH}){_month_by_day('m' + s, last=True)}{year}  # suffix) of march / aug
    )"""


_RANGE_SEP = r"\s*(?P<sep>[-–—]|to|through|thru|until|till|and)\s*"
# Not a count of something: "March 3 to 5 people". A lower-case word after a bare number.
_NO_NOUN_AFTER = (
    r"(?!\s+(?!(?:in|of|and|or|at|on|for|this|next|last|from|with|when|to|the|i|we|he|she|it|they)\b)"
    r"(?-i:[a-z]{2,}))"
)


_NUM_MONTH = r"(?P<{g}>1[0-2]|0?[1-9])"
_NUM_DAY = r"(?P<{g}>3[01]|[12]\d|0?[1-9])"


def _numeric_day(s: str) -> str:
    """A year-less or full numeric date, month first: "10/1", "5/7/2020", "10-7-2018"."""
    return (rf"(?<![\w.,/]){_NUM_MONTH.format(g='mo' + s)}(?P<sep{s}>[/-]){_NUM_DAY.format(g='d' + s)}"
            rf"(?:(?P=sep{s})(?P<y{s}>1[6-9]\d\d|2[01]\d\d))?(?![\w%]|[.,/]\d)")


def _month_name(g: str) -> str:
    """A month name or capitalised abbreviation with no word boundary after it ("Dec31")."""
    return rf"(?P<{g}>(?&MONW)|(?&MONA))"


_YEAR_AMONG = r"(?P<y>1[6-9]\d\d|2[01]\d\d)(?![\w%])"  # a year, also after "/" ("23/Sep/2020")


def _month_among_digits(g: str) -> str:
    """A month name or abbreviation in any case, written between numbers ("2019/aug/01")."""
    return rf"(?P<{g}>(?&MONX))"


# ---------------------------------------------------------------- the patterns
# Each rule is (left context, core). The core is searched for; the optional left
# context (prepositions, modifiers: "on", "last", "the early") is then matched backwards
# from the core's start and joins the mention. Keeping optional words out of the front
# of the searched pattern makes the search several times faster.

_P = rf"(?:{_PREP})?"  # an optional preposition

_RULES: dict[str, tuple[Optional[str], str]] = {
    "day_date": (
        rf"""{_P}                                         # on / since / by ...
        (?:{_weekday('wd')}(?:,\s*|\s+))?                 # Sun, / Wednesday,
        """,
        rf"""(?: {_month('m1')}\s+(?:the\s+)?{_day('d1')}  # April 28 / Apr. 28th / April the 28th
          | {_month_by_day('m1')}\s+(?:the\s+)?{_day('d1')}{_NO_NOUN_AFTER}  # march 3 (not "march 3 miles")
          | {_day('d2')}\s+(?:of\s+)?{_month('m2')}       # 28 April / 28th of April
          | {_day('d2')}{_ORDINAL_SUFFIX}\s+of\s+{_month_by_day('m2', last=True)} )  # 1st of march
        (?:,?\s*{_year('y')})?                            # , 2025 (else year-less: relative)
        (?:,\s*{_weekday('wd')}(?=\s*(?:[.!?;)]|$)))?       # , Fri (ending the sentence)
        """),
    "iso_date": (
        _P,
        r"""(?<![\w.,/-])(?P<y>1[6-9]\d\d|2[01]\d\d)      # 2024
        -(?P<mo>1[0-2]|0?[1-9])-(?P<d>3[01]|[12]\d|0?[1-9]) # -10-03 / -3-3
        (?![\d%]|[.,/-]\d)                                # not part of a longer number
        """),
    "numeric_date": (
        _P,
        r"""(?<![\w.,/-])(?P<num>\d{1,2}(?P<sep>[/.])\d{1,2}(?P=sep)(?:1[6-9]|20|21)\d\d)  # 04/28/2025
        (?![\w%/]|[.,]\d)                                 # not part of a longer number
        """),
    "numeric_date_yy": (
        _P,
        r"""(?<![\w.,/-])(?:
            (?P<a>\d{1,2})(?P<sep>/)(?P<b>\d{1,2})          # 10/31, 3/3
          | (?P<a>\d\d)(?P<sep>-)(?P<b>\d\d))             # 10-31: with dashes, two digits
                                                          # each ("10-6-11" is a record)
        (?P=sep)(?P<yy>\d\d)                              # /74: a two-digit year
        (?![\w%/-]|[.,]\d)                                # not part of a longer number
        """),
    "numeric_month": (
        _P,
        r"""(?<![\w.,/-])(?:
            (?P<y>1[6-9]\d\d|2[01]\d\d)[/-](?P<mo>1[0-2]|0?[1-9])  # 2015-3 / 2014/10 (not "2011-12")
          | (?P<mo>1[0-2]|0?[1-9])[/-](?P<y>1[6-9]\d\d|2[01]\d\d) )  # 12-2015 / 2/2013
        (?![\w%]|[.,/-]\d)                               # not part of a longer number
        """),
    "month": (
        rf"""{_P}                                         # in / since / by ...
        (?:\b(?P<mod>last|next|this|{_alt(T.THIRDS)})(?:-|\s+))?  # last / mid- / early
        """,
        rf"""(?: {_month('m')}                            # January / Jan.
          | (?<=\bin\s{{1,3}})(?P<m>{_alt(set(vocab.MONTHS) - _FULL_MONTHS)})\b\.? )  # in dec: any case after "in"
        (?:\s+(?:of\s+)?(?:{_year('y')}|{_REL_YEAR}))?    # 2024 / (of) last year
        (?!,?\s+\d)                                       # not the month of "Feb 30, 2025"
        """),
    "season": (
        rf"""{_P}                                         # in / over
        (?:\b(?P<the>the)\s+)?                            # the
        (?:\b(?P<mod>{_alt(T.SEASON_MODIFIERS)})\s+|{_THIRD})?  # last / late
        """,
        rf"""\b(?P<season>{_SEASON})\b                    # fall / autumn
        (?:\s+(?:of\s+)?{_year('y')}|\s+of\s+{_REL_YEAR})?  # (of) 2024 / of last year
        (?!\s+of\b)                                       # not "the fall of Assad"
        """),
    "year": (
        rf"""\b(?P<prep>{_alt(T.YEAR_PREPOSITIONS)})\s+   # in / since / the year (required)
        """,
        rf"""{_year('y')}{_NOT_PLURAL_AFTER}              # 2024, not "in 2000 homes"
        """),
    "year_words": (
        rf"""\b(?P<prep>{_alt(T.YEAR_PREPOSITIONS)})\s+   # in / since (required)
        """,
        rf"""{_year_words('yw')}{_NO_NOUN_AFTER}          # nineteen ninety six, not "in twenty twenty cases"
        """),
    "year_part": (
        rf"""{_P}(?:\bthe\s+)?                            # in the
        """,
        rf"""{_THIRD}{_year('y')}                         # early 2025 / mid-2024
        """),
    "decade": (
        rf"""{_P}(?:\bthe\s+)?(?:{_THIRD})?               # in the early
        """,
        r"""(?<![\w.,$])(?P<dec>1[6-9]\d0|2[01]\d0)['’]?s\b  # 1990s / 1990's
        """),
    "quarter": (
        rf"""{_P}(?:\bthe\s+)?                            # in the
        """,
        rf"""(?: \b(?P<q>{_alt(T.QUARTERS)})\s+quarter\s+of\s+  # first quarter of
            (?:{_year('y')}|{_REL_YEAR})                  # 2025 / last year
          | \bQ(?P<q>[1-4])\s*(?:of\s+)?{_year('y')} )    # Q1 2025
        """),
    "deixis": (
        None,
        rf"""(?<!USA\s)                                   # the newspaper
        \b(?P<deixis>{_alt(T.DEICTIC_DAYS)})\b            # yesterday / tonight
        """),
    "calendar": (
        rf"""{_P}                                         # since / in
        (?:\b(?P<part>{_alt(T.CALENDAR_PARTS)})(?:-|\s+))?  # earlier / late
        """,
        rf"""(?: \b(?P<mod>{_alt(T.CALENDAR_MODIFIERS)})\s+  # last / this / next
            (?P<unit>weekend|week|month|year)\b           # week
          | \bthe\s+(?P<unit>weekend)\b )                 # (over) the weekend
        (?!\s+of\b)                                       # not "last week of April"
        """),
    "span_rel": (
        rf"""\b(?P<prep>{_alt(T.SPAN_PREPOSITIONS)})\s+   # over / within
        """,
        rf"""(?: \bthe\s+(?P<dir>{_alt(T.SPAN_DIRECTIONS)})  # the past / the next
            (?:\s+{_count('n', vague=True)})?             # three / few
            \s+(?P<unit>{_UNIT})(?P<plural>s)?\b          # months
          | \bthe\s+(?P<unit>{_UNIT})(?P<plural>s)\s+(?P<dir>ahead)\b  # the weeks ahead
          | \b(?P<dir>recent)\s+(?P<unit>{_UNIT})(?P<plural>s)\b )      # recent months
        (?!\s+of\b)                                       # not "the last year of his term"
        """),
    "ago": (
        rf"""\b(?P<hedge>{_alt(T.HEDGES)})\s+             # more than
        """,
        rf"""(?: (?:\ban?\s+)?\b(?P<vague>{_alt(T.VAGUE_AGO)})\s+  # (a) few / several / a couple of
          | {_count('n', articles=True)}[-\s]+ )          # three / a
        (?P<unit>{_UNIT})s?\s+ago\b                       # years ago
        """),
    "in_future": (
        None,
        rf"""\bin\s+{_count('n', articles=True)}\s+       # in two / in a
        (?P<unit>{_UNIT})s?(?:['’]?\s+time)?\b            # weeks('s time)
        (?!\s+of\b)                                       # not "in two weeks of fighting"
        """),
    "duration": (
        rf"""(?:\b(?P<prep>{_alt(T.DURATION_PREPOSITIONS)})\s+)?  # for / over
        (?:\b(?P<art>an?|the)\s+)?                        # a
        """,
        rf"""(?: {_count('n', decimals=True)}             # three
            -(?P<unit>{_DURATION_UNIT})(?:-long)?         # -month(-long)
            \s+(?P<noun>{_alt(T.PERIOD_NOUNS)})s?\b       # period
          | {_count('n', decimals=True)}-(?P<unit>{_DURATION_UNIT})-long\b  # three-month-long
          | {_count('n', articles=True, vague=True, decimals=True)}\s+  # seven / a / several
            (?P<unit>{_DURATION_UNIT})s?\b(?![-\w])       # months
            (?P<after>(?=\s+(?:later|earlier|after|before)\b))?  # (a week) later
            (?!\s+(?:ago|old)\b) )                        # a date / an age, not a duration
        """),
    "weekday": (
        rf"""{_P}                                         # on
        (?:\b(?P<mod>last|next|this|early|late)\s+)?      # last / next
        """,
        rf"""(?<!\b(?:a|an|any|each|every|one)\s{{1,3}})         # not "a Monday", "every Friday"
        \b(?P<wd>{_WEEKDAY_WORD})\b                       # Saturday (not "Saturdays")
        (?:\s+(?:{_alt(T.PARTS_OF_DAY)})\b)?              # morning
        """),
    "weekday_abbr": (
        rf"""{_P}                                         # on
        (?:\b(?P<mod>last|next|this)\s+)?                # last / next
        """,
        rf"""(?<!\b(?:a|an|any|each|every|one)\s{{1,3}})  # not "every Fri"
        \b(?: (?P<wd>{_alt(k for k, stop in T.LONE_WEEKDAY_ABBREVIATIONS.items() if not stop)})\b\.?  # thu / Fri.
          | (?P<wd>{_alt(k for k, stop in T.LONE_WEEKDAY_ABBREVIATIONS.items() if stop)})\. )  # mon.
        (?![\w'’-])                                      # not "Fri-Sat", "thu's"
        """),
    "year_attr": (
        None,
        rf"""(?<=\b(?:{_alt(T.YEAR_DETERMINERS)})\s{{1,3}})  # a / the / his (not in the span)
        {_year('y')}{_NOT_PLURAL_AFTER}                    # 2010, not "the 2000 homes"
        (?=\s+[^\W\d_])                                  # a word follows: "a 2010 comment"
        """),
    "year_range_end": (
        None,
        rf"""(?<=(?<![\w.,$£€/])(?:1[6-9]|2[01])\d\d[-–])  # 2009- (read by the rules above)
        {_year('y')}{_NOT_PLURAL_AFTER}                    # 2010
        """),
    "century": (
        rf"""{_P}(?:\bthe\s+)?                            # in the
        """,
        rf"""(?: (?<![\w.,])(?P<cent>1\d|2[01]|[1-9])(?:st|nd|rd|th)  # 20th
          | \b(?P<cent_word>{_alt(T.CENTURY_ORDINALS)}) )  # twentieth
        [-\s]century\b                                    # century
        """),
    "of_month": (
        rf"""{_P}(?:\bthe\s+)?                            # on the
        """,
        rf"""(?: (?:\b(?P<nth>{_alt(T.NTH)})\s+)?\b(?P<last>last)\s+  # (fifth) last
            (?:(?P<unit>day)\b|{_weekday('wd')})          # day / Friday
          | \b(?P<nth>{_alt(T.NTH)})\s+(?:(?P<unit>day)\b|{_weekday('wd')})  # third day / first Tuesday
          | {_day('d')}(?:\s+day\b)? )                    # 20th (day)
        \s+(?:of|in)\s+(?:the\s+)?                        # of (the)
        (?: {_month('m')}(?:,?\s+{_year('y')})?           # October (2014)
          | \b(?P<mod>{_alt(T.MONTH_MODIFIERS)})\s+month\b  # next month
          | \b(?P<cur>month)\b )                          # the month
        """),
    "after_next": (
        _P,
        rf"""(?: {_weekday('wd')} | {_month('m')} )       # Friday / March
        \s+after\s+next\b                                # after next
        """),
    "weekday_count": (
        None,
        rf"""{_count('n')}\s+                               # three
        \b(?P<wd>{_WEEKDAY_WORD})s\s+                     # Fridays
        (?P<dir>{_alt(T.COUNT_DIRECTIONS)})\b              # from now / ago
        """),
    "calendar_count": (
        None,
        rf"""(?<!\bthe\s{{1,3}})                           # not "the last two years": a span
        \b(?P<dir>{_alt(T.CALENDAR_COUNT_DIRECTIONS)})\s+  # last / next
        {_count('n', vague=True)}\s+                       # two / few
        (?P<unit>{_UNIT})s?\b                              # weeks
        """),
    "quarter_bare": (
        rf"""{_P}(?:\bthe\s+|(?:{_year('y')}|{_REL_YEAR})['’]s\s+)?  # in the / 2019's / next year's
        """,
        rf"""(?: \b(?P<q>{_alt(T.QUARTERS)})\s+(?:quarter|qtr)\b  # third quarter / 3rd qtr
            \s+(?:of\s+)?{_year('y')}                      # (of) 2018 (bare: maybe a game's)
          | (?<!\b(?:a|an|another)\s{{1,3}})              # not "a second quarter (of growth)"
            \b(?P<q>{_alt(T.QUARTERS)})[-\s]+(?:quarter|qtr)\b  # third quarter (bare: the
            (?![-\w]|\s+of\b)                            # nearest; not "quarter-final", "of")
          | \b(?P<mod>{_alt(T.QUARTER_ABBR_MODIFIERS)})\s+qtr\b  # this qtr
          | (?<![\w.,])(?P<yy>\d\d|(?:1[6-9]|2[01])\d\d)[qQ](?P<q>[1-4])\b )  # 2018Q4 / 18q4
        """),
    "upcoming_count": (
        None,
        rf"""(?<!\bthe\s{{1,3}})                           # not "the upcoming two weeks": a span
        (?: \bupcoming\s+{_count('n')}                     # upcoming two
          | {_count('n')}\s+upcoming )                     # two upcoming
        \s+(?P<unit>{_UNIT}|quarter)s?\b                   # weeks
        """),
    "calendar_abbr": (
        _P,
        rf"""\b(?P<mod>{_alt(T.CALENDAR_MODIFIERS)})\s+     # last / this / next
        (?P<unit>{_alt(T.UNIT_ABBREVIATIONS)})\b           # yr / wk
        """),
    "year_era": (
        _P,
        r"""(?<![\w.,$£€/])(?P<y>\d{1,4})\s*              # 14 / 2014
        (?P<era>(?-i:AD|CE)|A\.D\.?|C\.E\.?)(?![\w])      # AD / a.d. / CE, not "30 ad slots" (BC: no date of ours)
        """),
    "holiday": (
        rf"""(?: {_count('on', articles=True)}\s+(?P<ounit>{_UNIT})s?\s+  # three days
            (?P<odir>after|before|from)\s+               # after
          | {_P} )(?:\bthe\s+)?                           # on / at the
        (?:\b(?P<mod>last|next|this)\s+)?                # last / next / this
        """,
        rf"""\b(?P<hol>{_phrases(T.HOLIDAYS, T.CASED_HOLIDAYS)})(?![\w'’])  # Thanksgiving / new year's eve
        (?: \s+(?:of\s+)?{_year('y')}                      # (of) 2013
          | \s+{_year_words('yw')}                         # two thousand ten
          | \s+of\s+{_REL_YEAR}                            # of last year
          | \s+in\s+{_count('n', articles=True)}\s+(?P<unit>{_UNIT})s?\b  # in 9 months
          | \s+{_count('n', articles=True)}\s+(?P<unit>{_UNIT})s?\s+(?P<dir>ago|from\s+now|hence)\b )?  # 3 months ago
        """),
    "present": (
        None,
        rf"""(?<![\w'’-])(?P<now>{_alt(T.PRESENT_WORDS)})(?![\w'’-])  # now / currently
        """),
    "span": (
        None,
        rf"""\b(?P<kw>from|(?P<between>between))\s+{_endpoint('a')}  # from 2022 / between January
        (?: \s+(?:to|until|till|through)\s+              # to / through
          | (?(between)\s+and\s+|(?!))                   # and: only after "between" ("from 2015
                                                          #   and 2016" names two years)
          | \s*[-–—]\s* )                                 # -
        {_endpoint('b')}                                  # 2024 / March 2025
        """),
    "quarter_rel": (
        rf"""{_P}(?:\bthe\s+)?                            # in the
        """,
        rf"""(?: \b(?P<mod>{_alt(T.QUARTER_MODIFIERS)})\s+quarter\b  # last quarter / this quarter
            (?!\s+of\b)                                   # not "the last quarter of 2019"
          | \b(?P<q>{_alt(T.QUARTERS)})\s+quarter\s+of\s+the\s+year\b )  # first quarter of the year
        """),
    "quarter_code": (
        rf"""{_P}                                         # in / during
        """,
        rf"""(?: {_year('y')}\s*-?\s*(?:Q(?P<q>[1-4])|H(?P<h>[12]))\b  # 2019 Q1 / 2019-H2
          | \bQ(?P<q>[1-4])-{_year('y')} )                # Q1-2019
        """),
    "weekday_day": (
        _P,
        rf"""{_weekday('wd')},?\s+                        # Friday / Mon
        (?: (?P<mo>1[0-2]|0?[1-9])(?P<sep>[/.-])(?P<d>3[01]|[12]\d|0?[1-9])  # 7/6 (month first)
            (?![\w%]|[.,/-]\d)
          | (?P<d>3[01]|[12]\d|0?[1-9])/(?P<mo>1[0-2]|0?[1-9])(?![\w%]|[.,/-]\d)  # 29/03
          | {_year('y')}-(?P<mo>1[0-2]|0?[1-9])-(?P<d>3[01]|[12]\d|0?[1-9])(?![\w%]|[.,/-]\d)  # 2018-7-6
          | the\s+{_day_word('d')}                        # the eleventh / the 4th
          | (?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b  # 13th
          | (?P<d>3[01]|[12]\d|0?[1-9])(?=\s*(?:[.!?;]|$)) )  # 21 at a sentence's end
        (?!\s+(?:of\s+)?{_month_ref('m')})                    # not "Monday the 21st of April"
        {_NO_NOUN_AFTER}                                  # not "on Tuesday the first shipments"
        """),
    "day_range": (
        rf"""(?:\b(?P<kw>between)\s+|{_PREP})?           # between / from / on
        """,
        rf"""(?: {_day_month('a')}{_RANGE_SEP}            # Nov 18 -
            (?:{_day_month('b')}                            # Dec 19, 2015
              | (?<![\w/])(?P<mob>1[0-2]|0?[1-9])/(?P<db>3[01]|[12]\d|0?[1-9])/{_YEAR_AMONG.replace('<y>', '<yb>')}  # 01/22/2016
              | (?:the\s+)?{_day('db')}(?!/){_NO_NOUN_AFTER} )  # 19
          | (?:the\s+)?{_day('da')}{_RANGE_SEP}{_day_month('b')}  # 9 to 12 of June
          | {_month('ma')}{_RANGE_SEP}{_month_ref('mb')},?\s*{_year('yb')} )  # Jan-Feb 2017
        """),
    "week_of": (
        rf"""{_P}(?:\bthe\s+)?                            # for the
        """,
        rf"""(?: \b(?P<ord>{_alt(T.WEEK_ORDINALS)})\s+week\s+of\s+(?:the\s+)?  # first week of
            (?: {_month_ref('m')}(?:,?\s*{_year('y')})?       # July (2016) / Oct.
              | {_year('y')}                              # 2015
              | (?P<rel>last|this|next)\s+(?P<unit>month|year)\b )  # this month
          | \b(?P<of>{_alt(T.WEEK_OF_WORDS)})\s+          # the week of / w/c
            {_month_ref('m')}\s+{_day('d')}(?:,?\s*{_year('y')})? )  # April 10th
        """),
    "weekday_week": (
        _P,
        rf"""(?: \b(?P<wmod>{_alt(T.WEEK_MODIFIERS)})\s+week\s*(?:[-,]\s*|\s+on\s+)?  # next week (on)
            {_weekday('wd')}                              # Mon / Tuesday
          | {_weekday('wd')}\s+(?:(?:of|from)\s+(?:the\s+)?)?  # tuesday (of / from)
            (?P<wmod>{_alt(T.WEEK_MODIFIERS)})\s+week\b(?!['’])  # next week
          | (?P<wmod>{_alt(T.WEEK_MODIFIERS)})\s+week['’]s\s+{_weekday('wd')} )  # last week's sunday
        """),
    "weekday_mod": (
        _P,
        rf"""\b(?P<mod>{_alt(T.WEEKDAY_MODIFIERS)})\s+    # previous / coming
        \b(?P<wd>{_WEEKDAY_WORD})\b                       # Wednesday
        """),
    "month_numeric": (
        rf"""{_P}(?:{_weekday('wd')}(?:,\s*|\s+))?        # on / Wed,
        """,
        rf"""(?<![\w/-])(?:
            {_month_among_digits('m')}\.?[/-]{_NUM_DAY.format(g='d')}(?:[/-]{_YEAR_AMONG})?(?![\w/-])  # Oct/2, Sep-23-2020
          | {_month_name('m')}\.?\s*{_NUM_DAY.format(g='d')}\s+,\s*{_YEAR_AMONG}  # Dec31 , 1994
          | {_month_among_digits('m')}-{_YEAR_AMONG}-{_NUM_DAY.format(g='d')}\b  # September-2020-23
          | {_month_among_digits('m')}[/-]{_YEAR_AMONG}        # Dec-2018 / dec/2018
          | {_month_name('m')},\s*{_YEAR_AMONG}               # Dec, 2018
          | {_NUM_DAY.format(g='d')}[/-]{_month_among_digits('m')}[/-]{_YEAR_AMONG}  # 05-Aug-2016, 23/Sep/2020
          | {_NUM_DAY.format(g='d')}(?P<sep>[/-]){_month_among_digits('m')}(?P=sep)(?P<yy>\d\d)(?![\w/-])  # 31-Oct-74
          | {_NUM_DAY.format(g='d')}-{_YEAR_AMONG}-{_month_among_digits('m')}\b  # 23-2020-September
          | {_YEAR_AMONG}[/-]{_month_among_digits('m')}[/-]{_NUM_DAY.format(g='d')}\b  # 2019/aug/01
          | {_YEAR_AMONG}/{_NUM_DAY.format(g='d')}/{_month_among_digits('m')}\b )  # 2020/23/Sep
        """),
    "month_glued": (
        rf"""{_P}(?:{_weekday('wd')}(?:,\s*|\s+))?        # on / Wed,
        """,
        rf"""(?: (?<![\w/-]){_month_among_digits('m')}{_NUM_DAY.format(g='d')}  # Feb13 / mar3
            (?![\w%]|[.,/-]\d){_NO_NOUN_AFTER}          # not part of a number, not "OCT4 gene"
          | (?<![\w.,/-]){_NUM_DAY.format(g='d')}(?:st|nd|rd|th)?{_month_among_digits('m')}  # 14april
            \s+{_YEAR_AMONG} )                            # 2015 (required)
        """),
    "numeric_range": (
        r"""(?:\b(?P<kw>from|between)\s+)?               # from / between
        """,
        rf"""{_numeric_day('a')}                          # 10/1(/2018)
        \s*(?:[-–—]|\bto\b|\bthrough\b|\buntil\b)\s*      # - / to
        {_numeric_day('b')}(?:,\s*{_year('yc')})?         # 11/7(/2018) (, 2020)
        """),
    "numeric_day": (
        rf"""\b(?P<prep>{_alt(T.NUMERIC_DAY_PREPOSITIONS)})\s+  # on / by (required: else a fraction)
        """,
        rf"""(?<![\w.,/-])(?!(?:{_alt(T.NUMERIC_NAMES)})(?![\w/]))  # not "after 9/11", "24/7"
        (?: (?P<mo>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])  # 2/15 (month first)
          | (?P<d>3[01]|2\d|1[3-9])/(?P<mo>1[0-2]|0?[1-9]) )  # 22/04 (day first when no month)
        (?![\w%/]|[.,-]\d)                               # not part of a longer number
        (?!\s+(?:of\b|(?:and|or|to)\s+\d))               # not "by 1/3 of", "between 1/4 and 1/3"
        """),
    "edge_of": (
        rf"""{_P}(?:\bthe\s+)?(?:\bvery\s+)?             # by the (very)
        """,
        rf"""(?: \b(?P<edge>end|beginning|start)\s+of\s+(?:the\s+)?  # end of (the)
            (?: (?:around\s+)?                              # (around: Duckling's hedge)
                (?P<mod>{_alt(T.EDGE_MODIFIERS)})\s+(?P<unit>year|month|week)  # this year
              | (?P<unit>year|month|week)                 # year / month
              | {_month_ref('m')}(?:\s+{_year('y')})?          # December (2016)
              | {_year('y')} )                            # 2015
          | \b(?P<edge>earlier|later)\s+in\s+the\s+(?P<unit>year|month|week)  # later in the year
          | \b(?-i:(?P<eox>EOY|EOM)) )                    # EOY
        (?![-\w])                                         # not "the end of the year-long ..."
        """),
    "day_date_of_year": (
        _P,
        rf"""(?: {_month('m1')}\s+{_day('d1')}            # july 4th
          | (?:the\s+)?{_day('d2')}\s+(?:of\s+)?{_month_ref('m2')} )  # 4th of july
        \s+(?:of|in)\s+{_year('y')}                       # of 1995 / in 2020
        """),
    "day_date_words": (
        _P,
        rf"""(?: {_month('m1')},?\s+(?:the\s+)?\b(?P<d1>(?&DAYW))\b  # february twenty second
            (?:,?\s*{_year('y')})?                        # (2015)
          | {_month_by_day('m1')}\s+(?:the\s+)?\b(?P<d1>(?&DAYW))\b  # march first: lower case only
            (?:,?\s*{_year('y')}|(?=\s*(?:[.!?;]|$)))      # with a year or alone, not "may first see"
          | \b(?:the\s+)?(?P<d2>(?&DAYW))\s+of\s+  # second of
            {_month_by_day('m2', last=True, dot="")}     # Aug / march (a final "." ends the sentence)
          | {_month('m1')},\s+{_day('d1')}(?<=[0-9](?:st|nd|rd|th))  # October, 1st (as its triggers: an ASCII digit)
          | {_month('m1')}\s+\b(?P<d1>(?&DAYC))\b(?=\s*(?:[.,;:!?]|$)) )  # May twenty nine (at a clause's end)
        """),
    "day_of_month": (
        r"""\b(?P<prep>on|by|until|till|since|before|after)\s+  # on (required)
        """,
        rf"""\bthe\s+(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b  # the 18th
        (?!\s+(?:of|day|century|anniversary)\b)           # not "the 18th of May", "the 4th day"
        {_NO_NOUN_AFTER}                                  # not "on the 4th floor"
        """),
    "nth_day_of": (
        _P,
        rf"""\bthe\s+{_day_word('d')}\s+day\s+of\s+       # the 15th day of
        (?: the\s+month\b                                 # the month
          | (?P<rel>this|next|last)\s+month\b             # next month
          | {_month_ref('m')}(?:,?\s*{_year('y')})? )         # June (2020)
        """),
    "deixis_range": (
        None,
        rf"""\b(?P<kw>between|from)\s+                    # between / from
        (?: (?P<na>now|today|tomorrow|yesterday)\b        # now
          | {_month_ref('ma')}\s+{_day('da')}                 # Jan 22
          | {_YEAR_AMONG}[/-]{_month_among_digits('ma')}[/-]{_NUM_DAY.format(g='da')}\b )  # 2019-aug-01
        \s+(?:and|to|until|till)\s+                       # and / to
        (?: (?P<nb>now|today|tomorrow|yesterday)\b        # tomorrow
          | {_month_ref('mb')}\s+{_day('db')} )               # November 15th
        """),
    "offset_from_deixis": (
        None,
        rf"""{_count('n')}\s+(?P<unit>{_UNIT})s?\s+       # two days
        (?P<dir>after|from|before)\s+                     # after / from
        (?P<base>today|tomorrow|yesterday)\b              # today ("eight years from now" is a duration)
        """),
    "iso_week": (
        r"""(?:\b(?:in|on|for|during|by)\s+)?(?:\bthe\s+)?  # in the
        """,
        rf"""(?<![\w-])(?-i:[Ww])eek\s+(?P<wn>5[0-3]|[1-4]\d|0?[1-9])\b  # week 31
        (?![.,:/-]\d|\s*[-–]\s*\d)                        # not "week 3-4", "week 2.5"
        (?!\s+(?:of|in|at)\b)                             # not "week 3 of the strike"
        {_NO_NOUN_AFTER}                                  # not "week 3 talks"
        """),
    "iso_embedded": (
        None,
        r"""(?: (?<=[_-])(?P<y>1[6-9]\d\d|2[01]\d\d)      # report-2002
            -(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])  # -10-09
          | (?<![\w.,$£€])(?P<y>19\d\d|20\d\d)            # 2017
            (?P<mo>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01]) )  # 0302
        (?![\d%]|[.,/-]\d)                                # not part of a longer number
        """),
    "year_list": (
        None,
        rf"""(?<=\b(?:in|of|during|since|between|from)\s{{1,3}}(?:1[6-9]|2[01])\d\d\s{{1,3}}(?:and|or)\s{{1,3}})  # in 2007 and
        {_year('y')}{_NOT_PLURAL_AFTER}                   # 2009
        """),
    "to_date": (
        _P,
        r"""\b(?:the\s+)?(?P<unit>year|month|quarter)[-\s]to[-\s]date\b  # the year to date
        """),
    "month_span_year": (
        None,
        rf"""\b(?P<kw>from|(?P<between>between))\s+{_month_ref('ma')}  # from April
        \s+(?:to|until|till|through|-|(?(between)and|(?!)))\s+{_month_ref('mb')}  # to June (and: after "between")
        \s+(?:in|of)\s+{_year('y')}                       # in 2017
        """),
    "calendar_year": (
        _P,
        rf"""\b(?P<mod>{_alt(T.CALENDAR_MODIFIERS)})\s+calendar\s+year\b  # this calendar year
        """),
}

# Rules read only when the caller asks (``find_date_mentions(present=True)``): "now" as
# the anchor day is TimeML's PRESENT_REF, not an event date for a news timeline.
OPT_IN = frozenset({"present"})

LEFT_REQUIRED = frozenset({"year", "day_of_month", "year_words", "numeric_day"})  # a bare "2024", "the 18th", "1/4" is not a mention
LEFT_REACH = 48  # characters a left context may span


class LazyPatterns(Mapping[str, regex.Pattern]):
    """Compiled patterns by name, each compiled once, on first use: a run that meets no
    quarter or ISO date never pays to compile those rules."""

    def __init__(self, sources: dict[str, str], flags: int) -> None:
        self._sources = sources
        self._flags = flags
        self._compiled: dict[str, regex.Pattern] = {}

    def __getitem__(self, name: str) -> regex.Pattern:
        pattern = self._compiled.get(name)
        if pattern is None:
            pattern = self._compiled[name] = regex.compile(self._sources[name], self._flags)
        return pattern

    def __contains__(self, name: object) -> bool:
        """Whether there is such a pattern, without compiling it."""
        return name in self._sources

    def __iter__(self) -> Iterator[str]:
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)


_FLAGS = regex.VERBOSE | regex.IGNORECASE
PATTERNS = LazyPatterns({name: _with_definitions(core) for name, (_, core) in _RULES.items()}, _FLAGS)
# Left contexts are matched right to left (REVERSE), anchored at the core's start.
LEFT_PATTERNS = LazyPatterns({name: left for name, (left, _) in _RULES.items() if left}, _FLAGS | regex.REVERSE)


def compile_all() -> None:
    """Compile every rule now, not on first use (before worker processes fork); but the
    opt-in ones, which extraction never asks for."""
    for patterns in (PATTERNS, LEFT_PATTERNS):
        for name in patterns:
            if name not in OPT_IN:
                patterns[name]


FUTURE_CUE = regex.compile(rf"(?:\b(?:{_alt(T.FUTURE_CUES)})\b|['’]ll\b)", regex.IGNORECASE)
GAME_CUE = regex.compile(rf"\b(?:{_alt(T.GAME_WORDS)})(?![-\w])", regex.IGNORECASE)  # not "game-changing"
RETRO_CUE = regex.compile(rf"\b(?:{_alt(T.RETROSPECTIVE_CUES)})\b", regex.IGNORECASE)
SENTENCE_END = regex.compile(r"[.!?][\"'”’)\]]*\s|\n")
CLAUSE_BREAK = regex.compile(r"[,;:()\[\]—–]|\s-\s")
REPORTING = regex.compile(rf"\b(?:{_alt(T.REPORTING_VERBS)})\b", regex.IGNORECASE)
WORD = regex.compile(r"[\w'’]+")
LOOK_WORDS = 8  # how far a future cue may stand from the date
