"""Find number phrases in text ("about 14,000", "$2.5bn", "three-month") and resolve them.

Extract, then resolve: one pattern (:mod:`claimcheck.number_patterns`) recognises a
phrase at a given place; small functions here turn the match into a ``Value``, a
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
from .errors import warn_partial
from .models import (
    AGE, COUNT, DATE, DURATION, EXACT, LOWER_BOUND, MEASURE, MONEY, ORDINAL, PERCENT, RANGE, RATIO,
    TIME, UPPER_BOUND, VAGUE, YEAR, NumberPhrase, Value, tidy_number,
)
from .vocab import SCALE_SUFFIXES, TENS_WORDS, looks_plural, quick_look_text

__all__ = ["find_number_phrases"]

_SHORT = 1.0  # regex timeout (s) for a call on one phrase; a backstop, never reached
_TIMEOUT_PER_CHAR = 1e-6  # scans over the rest of the text get this much more per character
_PREFIX = 64  # no phrase starts further than this before its first core


# ---- resolving a match -------------------------------------------------------------
# The resolvers of a span's text are pure, and news repeats its numbers ("two", "10",
# "1.5 million"): their results are remembered (Decimals and strings are immutable).
@lru_cache(maxsize=4096)
def _norm(s: str) -> str:
    return " ".join(s.lower().replace("’", "'").split())


def _tidy(d: Optional[Decimal]):
    return None if d is None else tidy_number(int(d) if d == d.to_integral_value() else float(d))


def _scale_word(w: str) -> str:
    """A scale word in the singular: "dozens" -> "dozen"."""
    return w[:-1] if w.endswith("s") and w[:-1] in T.SCALES else w


def _point_value(s: str) -> Decimal:
    """A decimal written with "point": "nine point nought four", "two point two million",
    "two hundred point seventy-one"."""
    whole, _, rest = s.lower().partition(" point ")
    words = rest.replace("-", " ").split()
    scale = Decimal(1)
    while words and _scale_word(words[-1]) in T.SCALES:
        scale *= T.SCALES[_scale_word(words.pop())]
    if all(w.isdigit() or T.SMALL_WORDS.get(w, 10) <= 9 for w in words):  # nought four: digit by digit
        digits = "".join(w if w.isdigit() else str(T.SMALL_WORDS[w]) for w in words)
    else:  # seventy-one, eleven
        digits = str(int(_words_value(" ".join(words))))
    return (_number_value(whole) + Decimal("0." + (digits or "0"))) * scale


_DENOMINATOR_WORDS = frozenset({*T.DENOMINATORS, *T.UNIT_ORDINALS})


def _fraction_words(s: str) -> tuple[list[str], frozenset[int]]:
    """The words of a number and where its hyphenated tokens start: "ninety - five
    hundred-fifths" -> [ninety, five, hundred, fifths], {0, 2} ("ninety-five" is one)."""
    tokens = regex.sub(r"\s*-\s*", "-", s.lower()).split()
    words, starts = [], set()
    for token in tokens:
        starts.add(len(words))
        words.extend(w for w in token.split("-") if w)
    return words, frozenset(starts)


def _ordinal_head(head: list[str], ordinal: int) -> Optional[Decimal]:
    """The value of ``head`` when it and an ordinal make one compound ordinal, else None:
    "twenty" + first (21st), "one hundred and" + fifth (105th), but not "two" + fifth."""
    if head and head[-1] == "and":
        head = head[:-1]
        if not head or _scale_word(head[-1]) not in T.SCALES:
            return None
    if not head or head[0] not in T.SMALL_WORDS and head[0] not in TENS_WORDS or "and" in head:
        return None
    last = head[-1]
    if last in TENS_WORDS and ordinal < 10 or T.SCALES.get(last, 0) > ordinal:
        return _words_value(" ".join(head))
    return None


def _denominator(words: list[str], i: int, starts: frozenset[int] = frozenset()) -> Optional[tuple[Decimal, int]]:
    """(value, index of its first word) when ``words[i]`` ends a denominator, else None:
    "thirds", "halves", and after a numerator the longest compound ordinal that starts
    a token: "three twenty firsts" 21, "one one hundred fifth" 105 (a numerator that ends
    in "and" takes no compound: "one hundred and thirty fifths" is 130/5)."""
    w = T.PLURAL_DENOMINATORS.get(words[i], words[i])
    single = w[:-1] if w.endswith("s") and w[:-1] in _DENOMINATOR_WORDS else w
    if single in T.COMPOUND_ORDINALS:
        ordinal = T.UNIT_ORDINALS.get(single) or T.DENOMINATORS[single]
        for j in range(1, i):  # the longest head first
            if j in starts and words[j - 1] != "and":
                head = _ordinal_head(words[j:i], ordinal)
                if head is not None:
                    return head + ordinal, j
    if single in T.DENOMINATORS:
        return T.DENOMINATORS[single], i
    return None


def _fraction_value(s: str) -> Optional[Decimal]:
    """The value of a number holding a fraction in words, or None when it holds none:
    "two thirds" 2/3, "one hundred and three and two thirds", "3 million and a half"
    (3.5 million), "two thirds of a million", "one hundred and thirty fifths" (26)."""
    words, starts = _fraction_words(s)
    at = next((i for i in range(len(words) - 1, -1, -1) if _denominator(words, i, starts)), None)
    if at is None:
        return None
    denominator, first = _denominator(words, at, starts)
    scale = Decimal(1)
    for w in words[at + 1:]:
        scale *= T.SCALES.get(_scale_word(w), 1)
    before = words[:first]
    if "and" in before:
        cut = len(before) - 1 - before[::-1].index("and")
        whole_words, numerator_words = before[:cut], before[cut + 1:]
    else:
        whole_words, numerator_words = [], before
    numerator = Decimal(1) if numerator_words in ([], ["a"], ["an"]) else _words_value(" ".join(numerator_words))
    if not whole_words:
        return numerator / denominator * scale
    whole = _number_value(" ".join(whole_words))
    if numerator >= denominator and scale == 1:  # one hundred and thirty fifths: 130/5
        return (whole + numerator) / denominator
    if scale == 1:  # one million and a half: a half million
        scale = next((T.SCALES[_scale_word(w)] for w in reversed(whole_words)
                      if T.SCALES.get(_scale_word(w), 0) >= 1000), Decimal(1))
    elif whole < scale:  # two and a half million
        return (whole + numerator / denominator) * scale
    return whole + numerator / denominator * scale


def _is_ordinal(s: str) -> bool:
    """Whether words ending in a singular denominator say an ordinal, not a fraction: its
    numerator is not one ("twenty fifth", "one hundred fifth" anniversary, but "a fifth",
    "one one hundred fifth", "three and a half")."""
    words, starts = _fraction_words(s)
    if not words or words[-1] not in _DENOMINATOR_WORDS:
        return False  # no fraction, or a plural one ("twenty fifths")
    found = _denominator(words, len(words) - 1, starts)
    if found is None:
        return True  # "twenty first"
    before = words[:found[1]]
    numerator = before[len(before) - before[::-1].index("and"):] if "and" in before else before
    return numerator not in ([], ["a"], ["an"], ["one"]) or numerator == [] and before[-1:] == ["and"]


def _words_value(s: str) -> Decimal:
    """The value of a number written in words: "two hundred and fifty", "a half-dozen"."""
    total, current, half = Decimal(0), Decimal(0), False
    words = s.lower().replace("-", " ").split()
    if len(words) > 2 and 1 <= T.SMALL_WORDS.get(words[0], 0) <= 9 and words[1] in TENS_WORDS:
        return T.SMALL_WORDS[words[0]] * 100 + _words_value(" ".join(words[1:]))  # one twenty two
    if "and" in words[1:-1] and _scale_word(words[-1]) in T.SCALES and T.SCALES[_scale_word(words[-1])] < 100:
        cut = len(words) - 1 - words[::-1].index("and")  # three hundred and two dozen: a dozen
        return _words_value(" ".join(words[:cut])) + _words_value(" ".join(words[cut + 1:]))  # scales its own count
    for w in words:
        w = _scale_word(w)
        if w[0].isdigit():  # 3 hundred and 21
            current += Decimal(w.replace(",", ""))
        elif w in ("a", "an"):
            current = Decimal(1)
        elif w == "half":
            half = True
        elif w in T.SMALL_WORDS or w in TENS_WORDS:
            current += T.SMALL_WORDS.get(w) or TENS_WORDS.get(w) or 0
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in T.SCALES and total + current < T.SCALES[w]:  # three thousand millions
            total, current = ((total + current) or 1) * T.SCALES[w], Decimal(0)
        elif w in T.SCALES:  # two million three thousand
            total, current = total + (current or 1) * T.SCALES[w], Decimal(0)
    return (total + current) / (2 if half else 1)


@lru_cache(maxsize=4096)
def _number_value(s: str) -> Decimal:
    """The value of one number: "14,000", "2.5bn", "1.3 million", "twenty-five", "4th"."""
    if " point " in _norm(s):
        return _point_value(_norm(s))
    if _norm(s).startswith("point "):  # point 77
        return _point_value("zero " + _norm(s))
    fraction = _fraction_value(s)
    if fraction is not None:
        return fraction
    s = P.GROUPING_SPACE.sub("", s)  # 14\u202f000
    if "/" in s:  # 3/4, 2 1/2
        *whole, fraction = s.split()
        numerator, denominator = fraction.split("/")
        return Decimal(whole[0] if whole else 0) + Decimal(numerator) / Decimal(denominator)
    if "^" in s:  # 1.1^23, 2.5^-1, 1.1^--23
        base, exponent = s.split("^")
        sign = -1 if exponent.count("-") % 2 else 1
        return Decimal(base.replace(",", "")) ** (sign * int(exponent.lstrip("+-")))
    m = P.DIGIT_PARTS.match(s, timeout=_SHORT)
    if not m:
        return _words_value(s)
    if any(c.isdigit() for c in m.group(3)) or " and " in _norm(m.group(3)):
        return _words_value(s)  # 4 thousand 3 hundred and 21, 3 hundred and one
    value = Decimal(m.group(1).replace(",", ""))
    if m.group(2):
        value *= _suffix_scale(m.group(2))
    for w in m.group(3).lower().replace("-", " ").split():
        value *= T.SCALES.get(_scale_word(w), 1)
    return value


def _suffix_scale(suffix: str) -> int:
    """The scale a suffix gives: "bn", " k", " G"."""
    key = suffix.strip()
    return T.GROUPED_SUFFIXES.get(key) or SCALE_SUFFIXES[key.lower()]


def _spread_scale(lo_text: str, lo: Decimal, hi_text: str, hi: Decimal) -> Decimal:
    """Give a range's low end the high end's scale: "1.2-1.5 million", "$1-2bn", "10-12,000",
    "two or three million"."""
    lo_words = _norm(lo_text).replace("-", " ").split()
    if lo_text[0].isalpha() and not any(_scale_word(w) in T.SCALES for w in lo_words):
        hi_words, scale = _norm(hi_text).replace("-", " ").split(), Decimal(1)
        while hi_words and _scale_word(hi_words[-1]) in T.SCALES:  # three million: 1e6
            scale *= T.SCALES[_scale_word(hi_words.pop())]
        return lo * scale if lo * scale <= hi else lo
    if not lo_text[0].isdigit() or "," in lo_text or any(c.isalpha() for c in lo_text):
        return lo
    hi_digits = P.DIGIT_PARTS.match(hi_text, timeout=_SHORT)
    base = Decimal(hi_digits.group(1).replace(",", "")) if hi_digits else hi
    if base and hi != base and lo * hi / base <= hi:
        return lo * hi / base  # the high end carries a scale word or suffix
    lead = hi_text.split(",")[0]
    if hi == base and "," in hi_text and lead.isdigit() and lo < int(lead) < lo * 10:
        return lo * 1000 ** hi_text.count(",")  # 10-12,000 is 10,000-12,000
    return lo


def _bounded(low, high, approx: bool, bound: Optional[str], vague: bool = False) -> Value:
    """The interval [low, high], opened on one side by a LOWER_BOUND or UPPER_BOUND."""
    if bound == LOWER_BOUND:
        return Value(_tidy(low), None, approx, LOWER_BOUND)
    if bound == UPPER_BOUND:
        return Value(None, _tidy(high), approx, UPPER_BOUND)
    return Value(_tidy(low), _tidy(high), approx, VAGUE if vague else EXACT)


def _hedging(g: dict, posts=("post", "post2")) -> tuple[bool, Optional[str]]:
    """(approx, bound) from the hedge before a number and the postfixes after it."""
    how = T.HEDGES.get(_norm(g["hedge"])) if g["hedge"] else None
    kinds = [T.POSTFIXES[_norm(g[p])] for p in posts if g[p]]
    bound = next((k for k in kinds if k != T.APPROX), None) or (how if how != T.APPROX else None)
    return T.APPROX in kinds or how == T.APPROX, bound


def _unit_key(unit: Optional[str]) -> str:
    """A unit tail as the tables spell it: " mm" -> "mm", "-ton" -> "ton", " of dollars",
    " more years" -> "years"."""
    key = _norm((unit or "").lstrip("-"))
    first, _, rest = key.partition(" ")
    return rest if first == "of" or first in T.TIME_UNIT_FILLERS and rest else key


def _code(code: str) -> str:
    code = code.strip().upper()
    return T.CODE_ALIASES.get(code, code)


def _kind_of(cur: Optional[str], unit: Optional[str]) -> tuple[str, Optional[str]]:
    """(quantity, unit) from a currency sign and a unit tail: " mm", "-ton", " of dollars"."""
    if cur:
        return MONEY, T.CURRENCY_SIGNS.get(_norm(cur)) or _code(cur)
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
    m = P.NEXT_WORDS.match(text, pos, end, timeout=_SHORT)
    return any(looks_plural(word) for word in (m.captures(1) if m else ())[:words])


def _start(m, g: dict, ranged: bool) -> int:
    """Where a quantity phrase starts: its hedge, range opener, currency or number."""
    for name in ("hedge", "between", "from", "cur", "neg", "pair", "vague", "lo"):
        if g[name] and (ranged or name not in ("between", "from")):
            return m.start(name)
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
    if g["cur"] or g["neg"] or g["post"] or g["post2"] or (unit and _norm(unit) != "won"):
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
    key = _norm(g["vague"].replace("-", " "))
    if key in T.VAGUE_AMOUNTS:
        lo, hi = (Decimal(x) for x in T.VAGUE_AMOUNTS[key])
    else:  # a quantifier times its scale words
        quantifier = next(q for q in T.VAGUE_QUANTIFIERS if key.startswith(q + " "))
        scale = Decimal(1)
        for w in key[len(quantifier):].split():
            scale *= T.SCALES[w]
        lo, hi = (x * scale for x in T.VAGUE_AMOUNTS[quantifier])
    if not g["unit"] and P.GLUED_WORD_AFTER.match(text, m.end(), end, timeout=_SHORT):
        return None, m.end()  # "thousands-strong" and the like
    value = _bounded(lo, hi, True, _hedging(g)[1], vague=True)
    return _phrase(text, _start(m, g, False), m.end(), value, _kind_of(g["cur"], g["unit"]))


def _pair(m, g: dict, text: str, end: int):
    """a couple (of), a pair (of): two ("a couple of hundred" 200), when "of", a scale, a
    unit or a plural noun follows, or when it is all its line says (an answer: "A couple");
    "they are a couple" counts nobody."""
    stop, words, start = m.end(), _norm(g["pair"]).split(), _start(m, g, False)
    alone = not text[text.rfind("\n", 0, start) + 1:start].strip() and not text[stop:end].split("\n", 1)[0].strip()
    if not (g["unit"] or len(words) > 2 or _plural_follows(text, stop, end, 1) or alone):
        return None, stop
    n, approx = T.PAIR_WORDS[words[1]]
    for w in words[2:]:  # a couple of hundred: about 200
        n *= T.SCALES.get(_scale_word(w), 1)
    hedged, bound = _hedging(g)
    value = _bounded(Decimal(n), Decimal(n), approx or hedged, bound)
    return _phrase(text, _start(m, g, False), stop, value, _kind_of(g["cur"], g["unit"]))


def _single(m, g: dict, text: str, end: int, value: Decimal, stop: int, unit: Optional[str], posts):
    """One number, hedged or bounded: "about 14,000", "at least 1,000", "10 or more"."""
    if _norm(g["lo"]) == "one" and not (unit or "").startswith("-") and not g["neg"]:
        return None, stop  # "one of", "one soldier": a determiner, not a count
    if g["lo"][-1].isalpha() and _is_ordinal(g["lo"]):
        return None, stop  # "the twenty fifth anniversary", "the twenty first century": ordinals
    if not unit and not any(g[p] for p in posts) and text[stop - 1].isalpha() \
            and P.GLUED_WORD_AFTER.match(text, stop, end, timeout=_SHORT):
        return None, stop  # "two-thirds", "twenty-something"
    kind = _kind_of(g["cur"], unit)
    if kind == (COUNT, None) and value < 1 and _fraction_value(g["lo"]) is not None:
        words = _norm(g["lo"]).replace("-", " ").split()
        if words[0] in ("a", "an", "one") and not words[-1].endswith("s") \
                and P.WORD_AFTER.match(text, stop, end, timeout=_SHORT):
            return None, stop  # "a third term", "one hundredth anniversary": ordinals
        kind = (RATIO, None)  # "two thirds" (of voters): a share
    value, = _in_main_unit(None if g["cur"] else unit, value)
    value = _bounded(value, value, *_hedging(g, posts))
    return _phrase(text, _start(m, g, False), stop, value, kind)


def _own_scale(s: str) -> Optional[Decimal]:
    """The scale digits carry ("10 bln" 1e9, "1.3 million" 1e6), or None: "10", "two million"."""
    m = P.DIGIT_PARTS.match(s, timeout=_SHORT)
    if not m or not (m.group(2) or m.group(3).strip()):
        return None
    scale = _suffix_scale(m.group(2)) if m.group(2) else Decimal(1)
    for w in m.group(3).lower().replace("-", " ").split():
        scale *= T.SCALES.get(_scale_word(w), 1)
    return Decimal(scale)


def _proper_fraction(s: str) -> bool:
    """Whether "3/4" (the last word of ``s``) has its numerator below its denominator."""
    numerator, denominator = s.split()[-1].split("/")
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
    lo = _number_value(g["lo"]) * (-1 if g["neg"] else 1)
    if g["restate"] and _number_value(g["restate"].strip()[1:-1]) != abs(lo):
        return _single(m, g, text, end, lo, m.end("lo"), None, ())  # "five (6)": the first only
    if not g["hi"]:
        return _single(m, g, text, end, lo, m.end(), g["unit"] or g["lounit"], ("post", "post2"))
    hi = _number_value(g["hi"])
    low = _spread_scale(g["lo"], lo, g["hi"], hi)
    alternatives = _norm(g["conn"]) == "or" and None is not _own_scale(g["lo"]) != _own_scale(g["hi"]) is not None
    if low < hi and not alternatives and not (g["cur2"] and not g["cur"]) and (
            not g["lounit"] or _kind_of(None, g["lounit"]) == _kind_of(None, g["unit"])):
        low, hi = _in_main_unit(None if g["cur"] else g["unit"] or g["lounit"], low, hi)
        value = Value(_tidy(low), _tidy(hi), bool(g["hedge"] or g["post"] or g["post2"]), RANGE)
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
    hour = int(numbers[0]) if numbers else int(_words_value(s.split()[0]))
    meridiem = s.replace(".", "").rstrip()[-2:]
    hour = hour + 12 if meridiem == "pm" and hour < 12 else 0 if meridiem == "am" and hour == 12 else hour
    n = _tidy(Decimal(hour) + (Decimal(numbers[1]) / 60 if len(numbers) > 1 else 0))
    n = round(n, 4) if isinstance(n, float) else n
    return _phrase(text, m.start(), m.end(), Value(n, n), (TIME, None))


def _decade(m, g: dict, text: str, end: int):
    first = int(g["decade"][:4])
    return _phrase(text, m.start(), m.end(), Value(first, first + 9, False, RANGE), (YEAR, None))


def _simple(name: str, quantity: str, unit: Optional[str] = None):
    """A resolver for a shape whose value is the one number in group ``name``."""
    def resolve(m, g: dict, text: str, end: int):
        n = _tidy(_number_value(g[name]))
        return _phrase(text, m.start(), m.end(), Value(n, n), (quantity, unit))
    return resolve


def _age_before(m, g: dict, text: str, end: int):
    """aged 18, ages 18 to 25; "as young as 18" is at least 18, "as old as 60" at most 60."""
    lo = _number_value(g["age_lo"])
    hi = _number_value(g["age_hi"]) if g["age_hi"] else None
    word = _norm(g["age_word"])
    if hi is not None and hi > lo:
        value = Value(_tidy(lo), _tidy(hi), False, RANGE)
    else:
        bound = LOWER_BOUND if "young" in word else UPPER_BOUND if word.startswith("as old") else None
        value = _bounded(lo, lo, False, bound)
    return _phrase(text, m.start(), m.end(), value, (AGE, "year"))


def _with_time_unit(names: tuple, quantity: str, unit_names: tuple):
    """A resolver for a hedged number with a time unit: "18-year-old", "three years ago"."""
    def resolve(m, g: dict, text: str, end: int):
        n = _number_value(next(g[name] for name in names if g[name]))
        unit_word = next((g[name] for name in unit_names if g[name]), None)
        unit = T.UNITS[_norm(unit_word)][1] if unit_word else "year"
        return _phrase(text, m.start(), m.end(), _bounded(n, n, *_hedging(g, ())), (quantity, unit))
    return resolve


def _ratio(m, g: dict, text: str, end: int):
    """one in 10, 3 of every 4: the share as a fraction (0.1, 0.75)."""
    lo, hi = _number_value(g["ra_lo"]), _number_value(g["ra_hi"])
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
    parts = list(P.duration_part().finditer(text, m.start("dur_parts"), m.end("dur_parts"), timeout=_SHORT))
    units = [T.UNITS[_unit_key(part["unit"])][1] for part in parts]
    mixed = len({u in T.UNIT_SECONDS for u in units}) > 1
    lengths = [_unit_length(u, mixed=True) for u in units]
    if any(a <= b for a, b in zip(lengths, lengths[1:])):
        return None, m.end()  # "5 years, 10 years", "3 days 2 months": not one length
    total = Decimal(0)
    for part, unit in zip(parts, units):
        words = _norm(part["amount"])
        amount = Decimal(1) if words in ("a", "an") else _number_value(part["amount"])
        if part["fraction"]:
            *count, fraction = _norm(part["fraction"]).split()[1:]
            count = _words_value(count[0]) if count and count[0] not in ("a", "an") else Decimal(1)
            amount += count * T.UNIT_FRACTIONS[fraction]
        if part["half"]:
            amount += Decimal("0.5")
        total += amount * _unit_length(unit, mixed)
    stop = parts[-1].end()  # the pattern may have taken a separator after the last piece
    if g["dur_min"] and unit == "hour":  # "1 hour thirty"
        total += _number_value(g["dur_min"]) * _unit_length("minute")
        unit, stop = "minute", m.end("dur_min")
    simple = len(parts) == 1 and stop == parts[0].end() and not (
        parts[0]["fraction"] or parts[0]["half"] or " of " in _norm(text[parts[0].start():parts[0].end()]))
    if simple or _norm(parts[0]["amount"]) in ("a", "an") and len(parts) == 1 and not parts[0]["half"]:
        return None, m.end()  # "3 days" is a quantity; "a month" no number at all
    value = total / _unit_length(unit, mixed)
    return _phrase(text, _start(m, g, False), stop, _bounded(value, value, *_hedging(g, ())), (DURATION, unit))


def _over(m, g: dict, text: str, end: int):
    """one over three, 2000 over 3: a fraction written with "over"."""
    num, den = _number_value(g["lo"]), _number_value(g["ov_den"])
    if not den:
        return None, m.end()
    value = num / den * (-1 if g["neg"] else 1)
    kind = (RATIO if abs(value) < 1 else COUNT, None)
    return _phrase(text, _start(m, g, False), m.end("over"), Value(_tidy(value), _tidy(value)), kind)


_RESOLVERS = {  # the name of each alternative of the phrase pattern -> its resolver
    "skip": lambda m, g, text, end: ([], m.end()), "date": _date, "time": _time, "decade": _decade,
    "ordinal": _simple("ordinal", ORDINAL), "magnitude": _simple("mag_n", MEASURE, "magnitude"),
    "agebefore": _age_before, "appos": _simple("appos", AGE, "year"), "ageafter": _with_time_unit(("age_n",), AGE, ("age_unit",)),
    "reldate": _with_time_unit(("rel_n",), DATE, ("rel_unit",)), "ratio": _ratio, "qty": _quantity,
    "dur": _duration, "pct_of": _simple("pct_n", PERCENT, "%"),
}
@lru_cache(maxsize=None)
def _names(pattern: regex.Pattern) -> tuple[str, ...]:
    return tuple(sorted(pattern.groupindex, key=pattern.groupindex.get))


def _groups(m) -> dict:
    """All named groups at once: one ``groups()`` call is far cheaper than many ``group()``."""
    return dict(zip(_names(m.re), m.groups()))


# ---- scanning ----------------------------------------------------------------------
def _timeout(pos: int, end: int) -> float:
    return _SHORT + (end - pos) * _TIMEOUT_PER_CHAR


class _Hints:
    """Ascending offsets in ``text[start:end]`` where a core (``cores``) or a candidate
    (``candidates``) may start: a superset, found on lower-cased text by the grammar's
    CORE_HINT and CANDIDATE_HINT. ``trusted`` is False when that quick look cannot be relied on (a
    non-ASCII digit; a letter whose lower case is longer) and the patterns must search."""

    def __init__(self, text: str, start: int, end: int) -> None:
        lowered = quick_look_text(text[start:end])
        self._lowered = lowered or ""
        self._start = start
        self.trusted = lowered is not None
        self.cores = [start + m.start() for m in P.CORE_HINT.finditer(self._lowered)] if self.trusted else []
        self._candidates: Optional[list[int]] = None

    @property
    def candidates(self) -> list[int]:
        if self._candidates is None:  # most sentences hold no core and never ask
            self._candidates = [self._start + m.start() for m in P.CANDIDATE_HINT.finditer(self._lowered)]
        return self._candidates


def _next_core(text: str, tried: int, end: int, hints: _Hints):
    """The leftmost core match at or after ``tried``."""
    if not hints.trusted:
        return P.grammar().core.search(text, tried, end, timeout=_timeout(tried, end))
    starts = hints.cores
    for i in range(bisect_left(starts, tried), len(starts)):
        core = P.grammar().core.match(text, starts[i], end, timeout=_SHORT)
        if core is not None:
            return core
    return None


def _candidates(text: str, pos: int, end: int, hints: _Hints):
    """The candidate matches in ``text[pos:end]``, as ``finditer`` gives them."""
    if not hints.trusted:
        yield from P.grammar().candidate.finditer(text, pos, end, timeout=_timeout(pos, end))
        return
    starts = hints.candidates
    i = bisect_left(starts, pos)
    while i < len(starts) and starts[i] < end:
        m = P.grammar().candidate.match(text, starts[i], end, timeout=_SHORT)
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
        for candidate in _candidates(text, max(tried, core.start() - _PREFIX), core.end(), hints):
            m = P.grammar().phrase.match(text, candidate.start(), end, timeout=_SHORT)
            if m is not None:
                return m
        tried = core.end()


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
        while pos < end:
            m = _next_match(text, pos, end, hints)
            if m is None:
                break
            phrases, resume = _RESOLVERS[m.lastgroup](m, _groups(m), text, end)
            if phrases is None and m.lastgroup != "qty":  # "10 in 5 games": read as quantities
                m = P.qty_only().match(text, m.start(), end, timeout=_SHORT)
                phrases, resume = _quantity(m, _groups(m), text, end) if m else (None, resume)
            found.extend(phrases or ())
            pos = max(resume, pos + 1)
    except (TimeoutError, ArithmeticError):  # a backstop: the patterns are linear, but never hang or raise
        warn_partial("number phrases", pos, end)
    return found
