"""Find number phrases in text ("about 14,000", "$2.5bn", "three-month") and resolve them.

Extract, then resolve: one pattern (:mod:`claimcheck.number_patterns`) recognises a
phrase at a given place (tried shape by shape, only the shapes a quick look at the
lower-cased text allows); small functions here turn the match into a ``Value``, a
quantity kind and a unit. The pattern is only tried near a *core* (a digit or a number
word), at places a quick look at the lower-cased text lists, which keeps long runs of
digits, letters or punctuation linear and fast.
"""

from __future__ import annotations

from bisect import bisect_left
from decimal import Decimal
from functools import lru_cache
from typing import Optional

import regex

from . import number_patterns as P
from . import number_tables as T
from . import number_values as V
from .errors import warn_partial
from .models import (
    AGE, COUNT, DATE, DURATION, EXACT, LOWER_BOUND, MEASURE, MONEY, ORDINAL, PERCENT, RANGE, RATIO,
    TIME, UPPER_BOUND, VAGUE, YEAR, NumberPhrase, Value,
)
from .vocab import TENS_WORDS, looks_plural, quick_look_text

__all__ = ["find_number_phrases"]

_SHORT = V.SHORT_TIMEOUT
# regex calls pass their time limit by position, with concurrent=False (the note in text.py says why).
_TIMEOUT_PER_CHAR = 1e-6  # scans over the rest of the text get this much more per character
_PREFIX = 64  # no phrase starts further than this before its first core


# ---- from a match to a phrase (the numbers' values: claimcheck.number_values) -----
def _bounded(low, high, approx: bool, bound: Optional[str], vague: bool = False) -> Value:
    """The interval [low, high], opened on one side by a LOWER_BOUND or UPPER_BOUND."""
    if bound == LOWER_BOUND:
        return Value(V.tidy(low), None, approx, LOWER_BOUND)
    if bound == UPPER_BOUND:
        return Value(None, V.tidy(high), approx, UPPER_BOUND)
    low = V.tidy(low)
    return Value(low, low if high is low else V.tidy(high), approx, VAGUE if vague else EXACT)


def _hedging(g: dict, posts=("post", "post2")) -> tuple[bool, Optional[str]]:
    """(approx, bound) from the hedge before a number and the postfixes after it."""
    return _hedge_and_bound(g["hedge"], tuple(g[p] for p in posts))


@lru_cache(maxsize=1024)
def _hedge_and_bound(hedge: Optional[str], posts: tuple) -> tuple[bool, Optional[str]]:
    """_hedging for the hedge's and the postfixes' text (None when absent): news repeats them."""
    how = T.HEDGES.get(V.norm(hedge)) if hedge else None
    kinds = [T.POSTFIXES[V.norm(p)] for p in posts if p]
    bound = next((k for k in kinds if k != T.APPROX), None) or (how if how != T.APPROX else None)
    return T.APPROX in kinds or how == T.APPROX, bound


@lru_cache(maxsize=1024)
def _unit_key(unit: Optional[str]) -> str:
    """A unit tail as the tables spell it: " mm" -> "mm", "-ton" -> "ton", " of dollars",
    " more years" -> "years"."""
    key = V.norm((unit or "").lstrip("-"))
    first, _, rest = key.partition(" ")
    return rest if first == "of" or first in T.TIME_UNIT_FILLERS and rest else key


def _code(code: str) -> str:
    code = code.strip().upper()
    return T.CODE_ALIASES.get(code, code)


@lru_cache(maxsize=1024)
def _kind_of(cur: Optional[str], unit: Optional[str]) -> tuple[str, Optional[str]]:
    """(quantity, unit) from a currency sign and a unit tail: " mm", "-ton", " of dollars"."""
    if cur:
        return MONEY, T.CURRENCY_SIGNS.get(V.norm(cur)) or _code(cur)
    key = _unit_key(unit)
    if key.upper() in T.CURRENCY_CODES:
        return MONEY, _code(key)
    return T.UNITS.get(key, (COUNT, None))


def _in_main_unit(unit: Optional[str], *values: Decimal):
    """``values`` in the main currency unit when ``unit`` is a subunit ("50 cents" is 0.5)."""
    factor = T.SUBUNIT_FACTORS.get(_unit_key(unit), 1)
    return tuple(v * factor for v in values)


def _plural_follows(text: str, pos: int, end: int, words: int = 3) -> bool:
    """Whether one of the next ``words`` words is a plural noun ("North Korean troops")."""
    m = P.NEXT_WORDS.match(text, pos, end, False, False, _SHORT)
    return any(looks_plural(word) for word in (m.captures(1) if m else ())[:words])


def _start(m, g: dict, ranged: bool) -> int:
    """Where a quantity phrase starts: its hedge, range opener, currency or number."""
    for name in ("hedge", "between", "from", "cur", "neg", "pair", "vague", "lo"):
        if g[name] and (ranged or name not in ("between", "from")):
            return m.start(_group_numbers(m.re)[name])  # by number: a name costs regex an exception
    return m.start()


def _phrase(text: str, start: int, stop: int, value: Value, kind: tuple):
    """([the phrase text[start:stop]], where to resume)."""
    return [NumberPhrase(start, stop, text[start:stop], value, kind[0], kind[1])], stop


def _is_year(s: str) -> bool:
    return len(s) == 4 and s[:2] in ("19", "20") and s.isdigit()


def _year(m, g: dict, text: str, end: int):
    """A bare 1900-2099 number (or span of them) as a year; None when not year-shaped.

    It stays a count when a plural noun follows it ("2000 homes", as the date grammar
    reads it too), or one of the next three words with a hedge or "between" before it
    ("about 2000 North Korean troops"); a hedge before a year is left out ("around 2020"
    -> "2020").
    """
    lo_t, hi_t, unit = g["lo"], g["hi"], g["unit"] or g["lounit"]
    if g["cur"] or g["neg"] or g["post"] or g["post2"] or (unit and V.norm(unit) != "won"):
        return None  # "in 2020 won the vote" is a year, "2,020 won" money
    if not _is_year(lo_t) or hi_t and not (_is_year(hi_t) or len(hi_t) == 2 and hi_t.isdigit()):
        return None
    stop = m.end("hi") if hi_t else m.end("lo")
    if _plural_follows(text, stop, end, 3 if g["hedge"] or g["between"] else 1):
        return None  # "2000 homes", "about 2000 North Korean troops": counts
    lo = hi = int(lo_t)
    if hi_t:
        hi = int(hi_t) + (lo - lo % 100 if len(hi_t) == 2 else 0)  # 2022-24
        if hi <= lo:
            return [], m.end()
    start = m.start("lo") if not hi_t or g["hedge"] else _start(m, g, True)
    return _phrase(text, start, stop, Value(lo, hi, False, RANGE if hi_t else EXACT), (YEAR, None))


def _vague(m, g: dict, text: str, end: int):
    """Dozens, tens of thousands, several hundred: an interval from VAGUE_AMOUNTS."""
    key = V.norm(g["vague"].replace("-", " "))
    if key in T.VAGUE_AMOUNTS:
        lo, hi = (Decimal(x) for x in T.VAGUE_AMOUNTS[key])
    else:  # a quantifier times its scale words
        quantifier = next(q for q in T.VAGUE_QUANTIFIERS if key.startswith(q + " "))
        scale = Decimal(1)
        for w in key[len(quantifier):].split():
            scale *= T.SCALES[w]
        lo, hi = (x * scale for x in T.VAGUE_AMOUNTS[quantifier])
    if not g["unit"] and P.GLUED_WORD_AFTER.match(text, m.end(), end, False, False, _SHORT):
        return None, m.end()  # "thousands-strong" and the like
    value = _bounded(lo, hi, True, _hedging(g)[1], vague=True)
    return _phrase(text, _start(m, g, False), m.end(), value, _kind_of(g["cur"], g["unit"]))


def _pair(m, g: dict, text: str, end: int):
    """a couple (of), a pair (of): two ("a couple of hundred" 200), when "of", a scale, a
    unit or a plural noun follows, or when it is all its line says (an answer: "A couple");
    "they are a couple" counts nobody."""
    stop, words, start = m.end(), V.norm(g["pair"]).split(), _start(m, g, False)
    alone = not text[text.rfind("\n", 0, start) + 1:start].strip() and not text[stop:end].split("\n", 1)[0].strip()
    if not (g["unit"] or len(words) > 2 or _plural_follows(text, stop, end, 1) or alone):
        return None, stop
    n, approx = T.PAIR_WORDS[words[1]]
    for w in words[2:]:  # a couple of hundred: about 200
        n *= T.SCALES.get(V.scale_word(w), 1)
    hedged, bound = _hedging(g)
    value = _bounded(Decimal(n), Decimal(n), approx or hedged, bound)
    return _phrase(text, _start(m, g, False), stop, value, _kind_of(g["cur"], g["unit"]))


def _single(m, g: dict, text: str, end: int, value: Decimal, stop: int, unit: Optional[str], posts):
    """One number, hedged or bounded: "about 14,000", "at least 1,000", "10 or more"."""
    if V.norm(g["lo"]) == "one" and not (unit or "").startswith("-") and not g["neg"]:
        return None, stop  # "one of", "one soldier": a determiner, not a count
    if g["lo"][-1].isalpha() and V.is_ordinal(g["lo"]):
        return None, stop  # "the twenty fifth anniversary", "the twenty first century": ordinals
    if not unit and not any(g[p] for p in posts) and text[stop - 1].isalpha() \
            and P.GLUED_WORD_AFTER.match(text, stop, end, False, False, _SHORT):
        return None, stop  # "two-thirds", "twenty-something"
    kind = _kind_of(g["cur"], unit)
    if kind == (COUNT, None) and value < 1 and V.fraction_value(g["lo"]) is not None:
        words = V.norm(g["lo"]).replace("-", " ").split()
        if words[0] in ("a", "an", "one") and not words[-1].endswith("s") \
                and P.WORD_AFTER.match(text, stop, end, False, False, _SHORT):
            return None, stop  # "a third term", "one hundredth anniversary": ordinals
        kind = (RATIO, None)  # "two thirds" (of voters): a share
    value, = _in_main_unit(None if g["cur"] else unit, value)
    value = _bounded(value, value, *_hedging(g, posts))
    return _phrase(text, _start(m, g, False), stop, value, kind)


def _own_scale(s: str) -> Optional[Decimal]:
    """The scale digits carry ("10 bln" 1e9, "1.3 million" 1e6), or None: "10", "two million"."""
    m = P.DIGIT_PARTS.match(s, None, None, False, False, _SHORT)
    if not m or not (m.group(2) or m.group(3).strip()):
        return None
    scale = V.suffix_scale(m.group(2)) if m.group(2) else Decimal(1)
    for w in m.group(3).lower().replace("-", " ").split():
        scale *= T.SCALES.get(V.scale_word(w), 1)
    return Decimal(scale)


def _proper_fraction(s: str) -> bool:
    """Whether "3/4" (the word of ``s`` with a slash: "2 3/4", "3/4 point 5") has its
    numerator below its denominator."""
    numerator, denominator = next(word for word in s.split() if "/" in word).split("/")
    return int(numerator) < int(denominator)


def _quantity(m, g: dict, text: str, end: int):
    """A count, amount of money, percentage, measure or duration, with its hedge."""
    if g["pair"]:
        return _pair(m, g, text, end)
    if g["vague"]:
        return _vague(m, g, text, end)
    if g["over"]:
        return _over(m, g, text, end)
    if "/" in g["lo"] and not _proper_fraction(g["lo"]):
        return [], m.end()  # "6/4", "24/7": no fraction (a date, a score), no number
    year = _year(m, g, text, end)
    if year is not None:
        return year
    lo = V.number_value(g["lo"]) * (-1 if g["neg"] else 1)
    if g["restate"] and V.number_value(g["restate"].strip()[1:-1]) != abs(lo):
        return _single(m, g, text, end, lo, m.end("lo"), None, ())  # "five (6)": the first only
    if not g["hi"]:
        return _single(m, g, text, end, lo, m.end(), g["unit"] or g["lounit"], ("post", "post2"))
    hi = V.number_value(g["hi"])
    low = V.spread_scale(g["lo"], lo, g["hi"], hi)
    alternatives = V.norm(g["conn"]) == "or" and None is not _own_scale(g["lo"]) != _own_scale(g["hi"]) is not None
    if low < hi and not alternatives and not (g["cur2"] and not g["cur"]) and (
            not g["lounit"] or _kind_of(None, g["lounit"]) == _kind_of(None, g["unit"])):
        low, hi = _in_main_unit(None if g["cur"] else g["unit"] or g["lounit"], low, hi)
        value = Value(V.tidy(low), V.tidy(hi), bool(g["hedge"] or g["post"] or g["post2"]), RANGE)
        return _phrase(text, _start(m, g, True), m.end(), value, _kind_of(g["cur"], g["unit"] or g["lounit"]))
    if g["conn"] in ("-", "–"):
        return [], m.end()  # a score such as "3-2", not a range
    stop = m.end("lounit") if g["lounit"] else m.end("lo")  # "voted 52 to 48": two numbers
    return _single(m, g, text, end, lo, stop, g["lounit"], ())


def _date(m, g: dict, text: str, end: int):
    """A calendar date; its value is the year when written, else the first number (the day)."""
    numbers = "".join(c if c.isdigit() else " " for c in g["date"]).split()
    n = int(next((x for x in numbers if len(x) == 4), numbers[0]))
    return _phrase(text, m.start(), m.end(), Value(n, n), (DATE, None))


def _time(m, g: dict, text: str, end: int):
    """A clock time; its value is the hour on a 24-hour clock (10:30 is 10.5)."""
    s = g["time"].lower()
    numbers = "".join(c if c.isdigit() else " " for c in s).split()
    hour = int(numbers[0]) if numbers else int(V.words_value(s.split()[0]))
    meridiem = s.replace(".", "").rstrip()[-2:]
    hour = hour + 12 if meridiem == "pm" and hour < 12 else 0 if meridiem == "am" and hour == 12 else hour
    n = V.tidy(Decimal(hour) + (Decimal(numbers[1]) / 60 if len(numbers) > 1 else 0))
    n = round(n, 4) if isinstance(n, float) else n
    return _phrase(text, m.start(), m.end(), Value(n, n), (TIME, None))


def _decade(m, g: dict, text: str, end: int):
    first = int(g["decade"][:4])
    return _phrase(text, m.start(), m.end(), Value(first, first + 9, False, RANGE), (YEAR, None))


def _simple(name: str, quantity: str, unit: Optional[str] = None):
    """A resolver for a shape whose value is the one number in group ``name``."""
    def resolve(m, g: dict, text: str, end: int):
        n = V.tidy(V.number_value(g[name]))
        return _phrase(text, m.start(), m.end(), Value(n, n), (quantity, unit))
    return resolve


def _age_before(m, g: dict, text: str, end: int):
    """aged 18, ages 18 to 25; "as young as 18" is at least 18, "as old as 60" at most 60."""
    lo = V.number_value(g["age_lo"])
    hi = V.number_value(g["age_hi"]) if g["age_hi"] else None
    word = V.norm(g["age_word"])
    if hi is not None and hi > lo:
        value = Value(V.tidy(lo), V.tidy(hi), False, RANGE)
    else:
        bound = LOWER_BOUND if "young" in word else UPPER_BOUND if word.startswith("as old") else None
        value = _bounded(lo, lo, False, bound)
    return _phrase(text, m.start(), m.end(), value, (AGE, "year"))


def _with_time_unit(names: tuple, quantity: str, unit_names: tuple):
    """A resolver for a hedged number with a time unit: "18-year-old", "three years ago"."""
    def resolve(m, g: dict, text: str, end: int):
        n = V.number_value(next(g[name] for name in names if g[name]))
        unit_word = next((g[name] for name in unit_names if g[name]), None)
        unit = T.UNITS[V.norm(unit_word)][1] if unit_word else "year"
        return _phrase(text, m.start(), m.end(), _bounded(n, n, *_hedging(g, ())), (quantity, unit))
    return resolve


def _ratio(m, g: dict, text: str, end: int):
    """one in 10, 3 of every 4: the share as a fraction (0.1, 0.75)."""
    lo, hi = V.number_value(g["ra_lo"]), V.number_value(g["ra_hi"])
    if not 0 < hi or lo > hi:
        return None, m.end()  # "10 in 5 games": read as quantities instead
    share = lo / hi
    return _phrase(text, m.start(), m.end(), _bounded(share, share, *_hedging(g, ())), (RATIO, None))


def _unit_length(unit: str, mixed: bool = False) -> int:
    """A time unit's length: in seconds up to a week, in months from a month; all in
    seconds (a year of 365 days) when ``mixed`` ("1 year, 2 days")."""
    if unit in T.UNIT_SECONDS:
        return T.UNIT_SECONDS[unit]
    return T.LONG_UNIT_DAYS[unit] * T.UNIT_SECONDS["day"] if mixed else T.UNIT_MONTHS[unit]


def _duration(m, g: dict, text: str, end: int):
    """A length of time in more than one piece: "half an hour", "two and a half years",
    "2 years and 3 months" (27 months), "1 hour thirty" (90 minutes). A plain "3 days"
    is left to the quantity shape, which knows its hedges and postfixes."""
    if g["dur_half"]:
        unit = T.UNITS[_unit_key(g["dur_half"].split()[-1])][1]
        half = Decimal("0.5")
        return _phrase(text, _start(m, g, False), m.end(), _bounded(half, half, *_hedging(g, ())),
                       (DURATION, unit))
    parts = list(P.duration_part().finditer(text, m.start("dur_parts"), m.end("dur_parts"), False, False, False, _SHORT))
    units = [T.UNITS[_unit_key(part["unit"])][1] for part in parts]
    mixed = len({u in T.UNIT_SECONDS for u in units}) > 1
    lengths = [_unit_length(u, mixed=True) for u in units]
    if any(a <= b for a, b in zip(lengths, lengths[1:])):
        return None, m.end()  # "5 years, 10 years", "3 days 2 months": not one length
    total = Decimal(0)
    for part, unit in zip(parts, units):
        words = V.norm(part["amount"])
        amount = Decimal(1) if words in ("a", "an") else V.number_value(part["amount"])
        if part["fraction"]:
            *count, fraction = V.norm(part["fraction"]).split()[1:]
            count = V.words_value(count[0]) if count and count[0] not in ("a", "an") else Decimal(1)
            amount += count * T.UNIT_FRACTIONS[fraction]
        if part["half"]:
            amount += Decimal("0.5")
        total += amount * _unit_length(unit, mixed)
    stop = parts[-1].end()  # the pattern may have taken a separator after the last piece
    if g["dur_min"] and unit == "hour":  # "1 hour thirty"
        total += V.number_value(g["dur_min"]) * _unit_length("minute")
        unit, stop = "minute", m.end("dur_min")
    simple = len(parts) == 1 and stop == parts[0].end() and not (
        parts[0]["fraction"] or parts[0]["half"] or " of " in V.norm(text[parts[0].start():parts[0].end()]))
    if simple or V.norm(parts[0]["amount"]) in ("a", "an") and len(parts) == 1 and not parts[0]["half"]:
        return None, m.end()  # "3 days" is a quantity; "a month" no number at all
    value = total / _unit_length(unit, mixed)
    return _phrase(text, _start(m, g, False), stop, _bounded(value, value, *_hedging(g, ())), (DURATION, unit))


def _over(m, g: dict, text: str, end: int):
    """one over three, 2000 over 3: a fraction written with "over"."""
    num, den = V.number_value(g["lo"]), V.number_value(g["ov_den"])
    if not den:
        return None, m.end()
    value = num / den * (-1 if g["neg"] else 1)
    kind = (RATIO if abs(value) < 1 else COUNT, None)
    return _phrase(text, _start(m, g, False), m.end("over"), Value(V.tidy(value), V.tidy(value)), kind)


_RESOLVERS = {  # the name of each alternative of the phrase pattern -> its resolver
    "skip": lambda m, g, text, end: ([], m.end()), "date": _date, "time": _time, "decade": _decade,
    "ordinal": _simple("ordinal", ORDINAL), "magnitude": _simple("mag_n", MEASURE, "magnitude"),
    "agebefore": _age_before, "appos": _simple("appos", AGE, "year"), "ageafter": _with_time_unit(("age_n",), AGE, ("age_unit",)),
    "reldate": _with_time_unit(("rel_n",), DATE, ("rel_unit",)), "ratio": _ratio, "qty": _quantity,
    "dur": _duration, "pct_of": _simple("pct_n", PERCENT, "%"),
}


@lru_cache(maxsize=None)
def _group_numbers(pattern: regex.Pattern) -> dict[str, int]:
    """Group name -> number (``m.start(number)`` is cheaper than ``m.start(name)``)."""
    return dict(pattern.groupindex)


@lru_cache(maxsize=None)
def _names(pattern: regex.Pattern) -> tuple[str, ...]:
    return tuple(sorted(pattern.groupindex, key=pattern.groupindex.get))


@lru_cache(maxsize=1)
def _no_groups() -> dict:
    """Every group name of the phrase's shapes, unmatched: a shape matched alone lacks the others."""
    shapes = P.shapes()
    return dict.fromkeys(name for p in (*shapes.first.values(), *shapes.hedged.values()) for name in p.groupindex)


def _groups(m, groups: Optional[tuple] = None) -> dict:
    """All named groups at once (``groups``: ``m.groups()`` when already at hand): one
    ``groups()`` call is far cheaper than many ``group()``."""
    g = _no_groups().copy()
    g.update(zip(_names(m.re), m.groups() if groups is None else groups))
    return g


@lru_cache(maxsize=None)
def _plain_indices(pattern: regex.Pattern) -> tuple[int, int, int]:
    """Where the number ("lo"), its unit and the hedge are in ``m.groups()`` for a
    quantity's pattern."""
    return tuple(pattern.groupindex[name] - 1 for name in ("lo", "lounit", "hedge"))


# Number words that _single takes as they are: not "one" (a determiner), nor nought
# (below one: a fraction?); with a dash after them, _single looks further ("two-thirds").
_PLAIN_WORDS = frozenset(w for w, n in {**T.SMALL_WORDS, **TENS_WORDS}.items() if n >= 2)


def _plain_count(m, groups: tuple, text: str):
    """The commonest phrases resolved in short, or None when another: a whole number in
    ASCII digits and no year ("14,000", "about 8") or a number word ("two"), maybe with a
    unit ("120 mm", "three months"), with nothing else of a quantity (no sign, range or
    postfix). It is what _quantity makes of it (tests/test_numbers)."""
    lo, lounit, hedge = _plain_indices(m.re)
    number, unit = groups[lo], groups[lounit]
    matched = len(groups) - groups.count(None)  # the quantity, its number, maybe a hedge and a unit
    if matched != 2 + (groups[hedge] is not None) + (unit is not None) or number is None \
            or not number.isascii():
        return None
    if not (number.replace(",", "").isdigit() and not _is_year(number)
            or number.lower() in _PLAIN_WORDS and text[m.end():m.end() + 1] != "-"):
        return None
    value = V.number_value(number)
    if unit is not None:
        value, = _in_main_unit(unit, value)
    value = _bounded(value, value, *_hedge_and_bound(groups[hedge], (None, None)))
    return _phrase(text, m.start(), m.end(), value, _kind_of(None, unit))


# ---- scanning ----------------------------------------------------------------------
def _timeout(pos: int, end: int) -> float:
    return _SHORT + (end - pos) * _TIMEOUT_PER_CHAR


class _Hints:
    """Ascending offsets in ``text[start:end]`` where a core (``cores``) or a candidate
    (:meth:`candidates`) may start: a superset, found on lower-cased text by the grammar's
    CORE_HINT and CANDIDATE_HINT. ``trusted`` is False when that quick look cannot be relied on (a
    non-ASCII digit; a letter whose lower case is longer) and the patterns must search."""

    def __init__(self, text: str, start: int, end: int) -> None:
        lowered = quick_look_text(text[start:end])
        self.lowered = lowered or ""  # text[start:end], lower case
        self.start = start
        self.trusted = lowered is not None
        self._padded = P.HINT_PAD + self.lowered  # as the hints scan it: a match's end is a start
        self.cores = [start - 1 + m.end() for m in P.CORE_HINT.finditer(self._padded)] if self.trusted else []
        # Candidates are only wanted in the windows before cores, asked for left to right:
        # the scan goes on from where the last one stopped, and skips the gaps between them.
        self._candidates: list[int] = []  # every candidate start from _scanned_from up to _scanned_to
        self._scanned_from = self._scanned_to = -1  # nothing scanned yet
        self._scan = iter(())
        self._time_units: Optional[list[int]] = None  # where time unit words start, when asked

    def time_unit_after(self, i: int) -> bool:
        """Whether a time unit word ("years", "day") starts after ``lowered[i]``."""
        if self._time_units is None:
            self._time_units = [m.start() + 1 for m in P.TIME_UNIT_WORD.finditer(self.lowered)]
        return bool(self._time_units) and self._time_units[-1] > i

    def candidates(self, pos: int, end: int) -> list[int]:
        """Ascending candidate starts, every one in ``[pos, end)`` among them."""
        if not self._scanned_from <= pos <= self._scanned_to:  # a gap (or back): scan afresh from pos
            self._candidates, self._scanned_from, self._scanned_to = [], pos, pos
            self._scan = P.CANDIDATE_HINT.finditer(self._padded, pos - self.start)  # its pad or separator
        while self._scanned_to < end:
            m = next(self._scan, None)
            if m is None:
                self._scanned_to = len(self.lowered) + self.start + 1  # all found
                break
            self._candidates.append(self.start - 1 + m.end())
            self._scanned_to = self._candidates[-1] + 1
        return self._candidates


# What may stand before an ASCII digit for the core pattern to match that digit alone,
# its first branch, whatever comes before (tests/test_numbers ties them): the commonest
# cores are so found without a call to the pattern. "" is the start of the text.
_BEFORE_A_DIGIT_CORE = frozenset({"", " ", "\n", "(", '"', "$"})


def _next_core(text: str, tried: int, end: int, hints: _Hints) -> Optional[tuple[int, int]]:
    """The span of the leftmost core match at or after ``tried``."""
    if not hints.trusted:
        core = P.quick_patterns().core.search(text, tried, end, False, False, _timeout(tried, end))
        return core.span() if core else None
    starts = hints.cores
    for i in range(bisect_left(starts, tried), len(starts)):
        start = starts[i]
        if "0" <= text[start] <= "9" and text[start - 1:start] in _BEFORE_A_DIGIT_CORE:
            return start, start + 1
        core = P.quick_patterns().core.match(text, start, end, False, False, _SHORT)
        if core is not None:
            return core.span()
    return None


def _candidates(text: str, pos: int, end: int, hints: _Hints):
    """The candidate matches in ``text[pos:end]``, as ``finditer`` gives them."""
    if not hints.trusted:
        yield from P.quick_patterns().candidate.finditer(text, pos, end, False, False, False, _timeout(pos, end))
        return
    starts = hints.candidates(pos, end)
    i = bisect_left(starts, pos)
    while i < len(starts) and starts[i] < end:
        m = P.quick_patterns().candidate.match(text, starts[i], end, False, False, _SHORT)
        if m is None:
            i += 1
            continue
        yield m
        i = bisect_left(starts, m.end(), i + 1)  # matches do not overlap


def _next_match(text: str, pos: int, end: int, hints: _Hints):
    """The leftmost phrase match at or after ``pos``, tried only at candidates near cores."""
    tried = pos  # every start before ``tried`` has been tried
    while True:
        core = _next_core(text, tried, end, hints)
        if core is None:
            return None
        core_start, core_end = core
        for candidate in _candidates(text, max(tried, core_start - _PREFIX), core_end, hints):
            if hints.trusted:
                m = _phrase_at(text, candidate.start(), end, hints)
            else:
                m = P.phrase().match(text, candidate.start(), end, False, False, _SHORT)
            if m is not None:
                return m
        tried = core_end


def _first_shapes(text: str, pos: int, look: str, i: int) -> list[str]:
    """The shapes before the hedged ones that may match at ``pos`` (``look[i]``, lower case)."""
    digit = "0" <= look[i] <= "9"
    allowed = []
    if look.startswith(("http", "www."), i):
        allowed.append("skip")
    if P.DATE_DIGITS_LOOK.match(look, i) if digit else "A" <= text[pos] <= "Z" and P.CALENDAR_WORD_LOOK.match(look, i):
        allowed.append("date")
    if digit and P.TIME_DIGITS_LOOK.match(look, i) or not digit and "clock" in look[i:i + 48]:
        allowed.append("time")
    if digit and look[i + 3:i + 5] == "0s" and look[i:i + 2] in ("18", "19", "20"):  # 1990s
        allowed.append("decade")
    if digit and P.ORDINAL_LOOK.match(look, i):
        allowed.append("ordinal")
    if look.startswith(("as", "age", "between"), i):
        allowed.append("agebefore")
    if digit and pos >= 2 and text[pos - 2] == ",":  # "Lowe, 89,"
        allowed.append("appos")
    if look.startswith("magnitude", i):
        allowed.append("magnitude")
    if look.startswith(P.PCT_OF_STARTS, i):
        allowed.append("pct_of")
    return allowed


def _hedged_shapes(hints: _Hints, i: int) -> list[str]:
    """The shapes after a hedge that may match when their number starts at ``hints.lowered[i]``."""
    look = hints.lowered
    first = look[i:i + 1]
    if not (first != "" and first in "0123456789." or P.NUMBER_WORD_LOOK.match(look, i)):
        if "a" <= first <= "z" and not P.QTY_WORD_LOOK.match(look, i):
            return []  # Tuesday, as: no shape starts so
        return ["qty"]  # $5, -3, between: only a quantity starts so
    allowed = ["ratio"] if P.RATIO_LOOK.match(look, i) else []
    if not hints.time_unit_after(i):  # an age, a duration and "three years ago" hold one
        allowed.append("qty")
        return allowed
    if P.AGE_AFTER_LOOK.match(look, i):
        allowed.append("ageafter")
    if P.UNIT_AFTER_LOOK.match(look, i):
        after = look[i:i + P.REACH]
        if "ago" in after or "now" in after or "hence" in after:  # three years ago
            allowed.append("reldate")
        if P.DURATION_LOOK.match(look, i):  # 2 years and 3 months
            allowed.append("dur")
    allowed.append("qty")
    return allowed


def _phrase_at(text: str, pos: int, end: int, hints: _Hints):
    """The phrase pattern's match at ``pos``, trying its shapes one by one and only those
    the lower-cased text allows there. A hedge ("about") goes with every shape before
    any shape is tried without it, as in the one pattern."""
    shapes, look, i = P.shapes(), hints.lowered, pos - hints.start
    for name in _first_shapes(text, pos, look, i):
        m = shapes.first[name].match(text, pos, end, False, False, _SHORT)
        if m is not None:
            return m
    hedge = shapes.hedge.match(text, pos, end, False, False, _SHORT) if look.startswith(P.HEDGE_STARTS, i) else None
    tried = {}  # shape name -> its match here (or None), from the pass with the hedge
    if hedge is not None:  # first every shape with the hedge (its number starts after it)...
        for name in _hedged_shapes(hints, i + hedge.end() - pos):
            m = tried[name] = shapes.hedged[name].match(text, pos, end, False, False, _SHORT)
            if m is not None and m["hedge"] is not None:  # (a match without it must wait its turn)
                return m
    for name in _hedged_shapes(hints, i):  # ...then every shape without one (same pattern, same place)
        m = tried[name] if name in tried else shapes.hedged[name].match(text, pos, end, False, False, _SHORT)
        if m is not None:
            return m
    return None


def find_number_phrases(text: str, start: int = 0, end: Optional[int] = None) -> list[NumberPhrase]:
    """Every number phrase in ``text[start:end]``, sorted and non-overlapping.

    Offsets are into the whole ``text``; each phrase includes its hedge ("about 14,000")
    but not the counted noun. Never raises: on a regex timeout, returns what it found.
    """
    if not isinstance(text, str):
        return []
    end = len(text) if end is None else max(0, min(end, len(text)))
    pos = max(0, min(start, end))
    found: list[NumberPhrase] = []
    try:
        hints = _Hints(text, pos, end)
        if hints.trusted and not hints.cores:
            return found  # no core, no phrase: most sentences
        while pos < end:
            m = _next_match(text, pos, end, hints)
            if m is None:
                break
            shape, groups = m.lastgroup, m.groups()
            plain = _plain_count(m, groups, text) if shape == "qty" else None
            phrases, resume = plain or _RESOLVERS[shape](m, _groups(m, groups), text, end)
            if phrases is None and m.lastgroup != "qty":  # "10 in 5 games": read as quantities
                m = P.qty_only().match(text, m.start(), end, False, False, _SHORT)
                phrases, resume = _quantity(m, _groups(m), text, end) if m else (None, resume)
            found.extend(phrases or ())
            pos = max(resume, pos + 1)
    except (TimeoutError, ArithmeticError):  # a backstop: the patterns are linear, but never hang or raise
        warn_partial("number phrases", pos, end)
    return found
