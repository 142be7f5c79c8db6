"""What a date resolver works with: the matched rule in its sentence (:class:`Context`),
what it returns (:class:`Resolved`), and the small readers every resolver shares.

Resolvers live in :mod:`claimcheck.dates` (the common forms) and
:mod:`claimcheck.date_forms` (holidays, ranges, weekday and week forms, quarters, ...).
"""

from __future__ import annotations

import datetime as dt
from typing import Callable, NamedTuple, Optional

import regex

from claimcheck import date_patterns as P
from claimcheck import date_tables as T
from claimcheck import vocab
from claimcheck.models import ABSOLUTE, RELATIVE, DateInterval


class Resolved(NamedTuple):
    """A resolver's answer: ABSOLUTE, RELATIVE or DURATION, the interval if any, and
    whether it lies after the anchor."""
    kind: str
    interval: Optional[DateInterval]
    future: bool = False


class Context(NamedTuple):
    """One match of a rule: its core, the left context joined to it, and the anchor."""
    text: str
    m: regex.Match  # the core
    left: Optional[regex.Match]  # the words before it, if any
    anchor: Optional[dt.date]
    prefer_future: bool = False  # an under-specified date is the next one, not the last

    @property
    def start(self) -> int:
        return self.m.start() if self.left is None else self.left.start()

    def g(self, name: str) -> Optional[str]:
        """A named group of the core, else of the left context (asked for several times
        by each resolver: written out for the core, then the left context)."""
        m = self.m
        number = group_numbers(m.re).get(name)
        if number is not None:
            value = m.group(number)
            if value is not None:
                return value
        left = self.left
        if left is not None:
            number = group_numbers(left.re).get(name)
            if number is not None:
                return left.group(number)
        return None

    def has(self, name: str) -> bool:
        return self.g(name) is not None

    def sentence(self) -> str:
        """The sentence the mention stands in (to a line break or a full stop)."""
        s, e = self.start, self.m.end()
        before = self.text[max(0, s - 300):s]
        after = self.text[e:e + 300]
        cut = P.SENTENCE_END.search(after)
        return before[last_sentence_end(before):] + self.text[s:e] + (after if cut is None else after[:cut.start()])

    def future_cue(self) -> bool:
        """Is the mention governed by a future verb? The cue must be in the same clause,
        a few words before the mention ("will be held on Friday"), or just after it when
        the mention opens the sentence ("On Friday, Putin will visit"). With
        ``prefer="future"`` every under-specified date counts as future."""
        if self.prefer_future:
            return True
        s, e = self.start, self.m.end()
        before = self.text[max(0, s - 160):s]
        before = before[last_sentence_end(before):]
        if P.WORD.search(before):
            if not may_hold_future_cue(before):
                return False  # as most: the clause below (a part of it) holds none
            clause = before[last_end(P.CLAUSE_BREAK, before):]
            clause = clause[last_end(P.REPORTING, clause):]  # "X will ..., officials said Monday"
            return bool(P.FUTURE_CUE.search(" ".join(P.WORD.findall(clause)[-P.LOOK_WORDS:])))
        after = self.text[e:e + 100].lstrip(" ,;:")
        if not may_hold_future_cue(after):
            return False
        for stop in (P.SENTENCE_END, P.CLAUSE_BREAK, P.REPORTING):
            cut = stop.search(after)
            after = after if cut is None else after[:cut.start()]
        return bool(P.FUTURE_CUE.search(" ".join(P.WORD.findall(after)[:P.LOOK_WORDS])))


_GROUP_NUMBERS: dict[regex.Pattern, dict[str, int]] = {}


def group_numbers(pattern: regex.Pattern) -> dict[str, int]:
    """``pattern.groupindex``, kept: regex copies it at every look, and a group asked for
    by name is first tried as a number (an exception raised and dropped each time), so
    groups are read by number. (Groups of one name share their number.)"""
    numbers = _GROUP_NUMBERS.get(pattern)
    if numbers is None:
        numbers = _GROUP_NUMBERS[pattern] = pattern.groupindex
    return numbers


# A word each future cue holds (its longest but "is", "are", "to": "due" of "are due
# to", "won" of "won't"), and the "'ll" of "we'll": text without any of them holds no
# cue, not even once its words are joined as future_cue joins them.
_CUE_KEYS = {max((w for w in regex.findall(r"[a-z]+", cue.lower()) if w not in ("is", "are", "to")), key=len)
             for cue in T.FUTURE_CUES} | {"'ll", "’ll"}
_FUTURE_CUE_KEYS = tuple(sorted(k for k in _CUE_KEYS if not any(o != k and o in k for o in _CUE_KEYS)))


def may_hold_future_cue(s: str) -> bool:
    """False when ``s`` (or any part of it, its words joined) cannot hold a FUTURE_CUE."""
    lowered = vocab.ascii_lower(s)
    for key in _FUTURE_CUE_KEYS:  # (a loop, not any() over a generator: a quarter cheaper)
        if key in lowered:
            return True
    return False


def last_end(pattern: regex.Pattern, s: str) -> int:
    """Where the last match of ``pattern`` in ``s`` ends (0: none)."""
    ends = [m.end() for m in pattern.finditer(s)]
    return ends[-1] if ends else 0


def last_sentence_end(s: str) -> int:
    """``last_end(P.SENTENCE_END, s)``, found from the right: the match at the last place
    one starts (every match opens with ".", "!", "?" or a line break) ends where the last
    match of a scan from the left does, as a match holds no place another may start but
    its final character when that is a line break, whose own match ends with it. One or
    two tries near the end, where the scan read all the text before them."""
    end = len(s)
    while True:
        at = max(s.rfind(".", 0, end), s.rfind("!", 0, end), s.rfind("?", 0, end), s.rfind("\n", 0, end))
        if at < 0:
            return 0
        m = P.SENTENCE_END.match(s, at)
        if m is not None:
            return m.end()
        end = at


_LEADING_DIGITS = regex.compile(r"\d+")  # the 13 of "13th"


def words_key(s: Optional[str]) -> str:
    """Words as a table key: lower case, one space between them ("This  Past" -> "this past")."""
    return " ".join((s or "").lower().split())


def month_no(name: str) -> int:
    """A month name or abbreviation, any case -> 1..12."""
    return vocab.MONTHS[name.lower()]


def count_value(s: str) -> int | float:
    """A count as written: "a" -> 1, "few" -> 3, "1,200" -> 1200, "twenty-one" -> 21."""
    s = words_key(s)
    if s in ("a", "an"):
        return 1
    if s in T.VAGUE_COUNTS:
        return T.VAGUE_COUNTS[s]
    if s[0].isdigit():
        return float(s.replace(",", "")) if "." in s else int(s.replace(",", ""))
    return sum(vocab.TENS_WORDS.get(w, vocab.UNIT_WORDS.get(w, 0)) for w in s.replace("-", " ").split())


def relative(c: Context, make: Callable[[], Optional[DateInterval]],
             future: bool | Callable[[DateInterval], bool] = False) -> Optional[Resolved]:
    """A relative mention: ``make()`` runs only with an anchor. Arithmetic that runs past
    year 1 or 9999 ("last 2,024 years" from 2000, or an anchor at the calendar's edge)
    names no date at all: no mention."""
    if c.anchor is None:
        return Resolved(RELATIVE, None, future if isinstance(future, bool) else False)
    try:
        iv = make()
    except (ValueError, OverflowError):
        return None
    if not isinstance(future, bool):
        future = iv is not None and future(iv)
    return Resolved(RELATIVE, iv, future)


def in_year(c: Context, make: Callable[[int], DateInterval]) -> Optional[Resolved]:
    """A yearly thing (a month, season, quarter, holiday) ``make(year)``, in the year the
    text writes or in last, this or next year's; None when the text says neither."""
    if c.has("y"):
        return Resolved(ABSOLUTE, make(int(c.g("y"))))
    if c.has("rel"):
        step = T.YEAR_STEPS[c.g("rel").lower()]
        return relative(c, lambda: make(c.anchor.year + step), step > 0)
    return None


def day_no(s: str) -> int:
    """A day of the month: "13th" -> 13, "thirty first" -> 31, "twenty nine" -> 29."""
    s = words_key(s)
    if s[0].isdigit():
        return int(_LEADING_DIGITS.match(s).group())
    return T.DAY_ORDINAL_WORDS.get(s) or T.DAY_CARDINAL_WORDS[s]


def full_year(s: str) -> int:
    """A year as written: "1974" -> 1974; two digits by the one pivot: "74" -> 1974, "15" -> 2015."""
    y = int(s)
    if len(s) > 2:
        return y
    return y + (1900 if y >= T.TWO_DIGIT_YEAR_PIVOT else 2000)


def year_in_words(s: str) -> Optional[int]:
    """A year said in words, read by the number grammar: "two thousand and fifteen" (one
    number) or "nineteen ninety six" (hundreds, then the rest: two numbers)."""
    from claimcheck.numbers import find_number_phrases  # only when a year is said in words

    values = [p.value.low for p in find_number_phrases(s)]
    if len(values) == 2 and all(v is not None and v < 100 for v in values):
        values = [values[0] * 100 + values[1]]
    return int(values[0]) if len(values) == 1 and values[0] is not None and 1600 <= values[0] < 2200 else None
