"""The value of a number's text: "14,000", "2.5bn", "1.3 million", "twenty-five",
"three twenty firsts", "4th". :mod:`claimcheck.numbers` finds the phrases and reads
their numbers with these functions; they are pure, and news repeats its numbers, so
the busy ones remember their results (Decimals and strings are immutable).
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Optional

import regex

from . import number_patterns as P
from . import number_tables as T
from .models import tidy_number
from .vocab import SCALE_SUFFIXES, TENS_WORDS

SHORT_TIMEOUT = 1.0  # regex timeout (s) for a call on one phrase; a backstop, never reached
# regex calls pass their time limit by position, with concurrent=False (the note in text.py says why).


@lru_cache(maxsize=4096)
def norm(s: str) -> str:
    """Lower case, straight apostrophes, single spaces."""
    return " ".join(s.lower().replace("’", "'").split())


def tidy(d: Optional[Decimal]):
    """A Decimal as the int or float a Value holds (None stays None)."""
    if d is None:
        return None
    return int(d) if d == d.to_integral_value() else tidy_number(float(d))  # (an int is tidy)


def scale_word(w: str) -> str:
    """A scale word in the singular: "dozens" -> "dozen"."""
    return w[:-1] if w.endswith("s") and w[:-1] in T.SCALES else w


def _point_value(s: str) -> Decimal:
    """A decimal written with "point": "nine point nought four", "two point two million",
    "two hundred point seventy-one"."""
    whole, _, rest = s.lower().partition(" point ")
    words = rest.replace("-", " ").split()
    scale = Decimal(1)
    while words and scale_word(words[-1]) in T.SCALES:
        scale *= T.SCALES[scale_word(words.pop())]
    if all(w.isdigit() or T.SMALL_WORDS.get(w, 10) <= 9 for w in words):  # nought four: digit by digit
        digits = "".join(w if w.isdigit() else str(T.SMALL_WORDS[w]) for w in words)
    else:  # seventy-one, eleven
        digits = str(int(words_value(" ".join(words))))
    return (number_value(whole) + Decimal("0." + (digits or "0"))) * scale


_DENOMINATOR_WORDS = frozenset({*T.DENOMINATORS, *T.UNIT_ORDINALS})
_SPACED_HYPHEN = regex.compile(r"\s*-\s*")  # "ninety - five" -> "ninety-five"


def _fraction_words(s: str) -> tuple[list[str], frozenset[int]]:
    """The words of a number and where its hyphenated tokens start: "ninety - five
    hundred-fifths" -> [ninety, five, hundred, fifths], {0, 2} ("ninety-five" is one)."""
    lowered = s.lower()
    tokens = (_SPACED_HYPHEN.sub("-", lowered) if "-" in lowered else lowered).split()
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
        if not head or scale_word(head[-1]) not in T.SCALES:
            return None
    if not head or head[0] not in T.SMALL_WORDS and head[0] not in TENS_WORDS or "and" in head:
        return None
    last = head[-1]
    if last in TENS_WORDS and ordinal < 10 or T.SCALES.get(last, 0) > ordinal:
        return words_value(" ".join(head))
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


def fraction_value(s: str) -> Optional[Decimal]:
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
        scale *= T.SCALES.get(scale_word(w), 1)
    before = words[:first]
    if "and" in before:
        cut = len(before) - 1 - before[::-1].index("and")
        whole_words, numerator_words = before[:cut], before[cut + 1:]
    else:
        whole_words, numerator_words = [], before
    numerator = Decimal(1) if numerator_words in ([], ["a"], ["an"]) else words_value(" ".join(numerator_words))
    if not whole_words:
        return numerator / denominator * scale
    whole = number_value(" ".join(whole_words))
    if numerator >= denominator and scale == 1:  # one hundred and thirty fifths: 130/5
        return (whole + numerator) / denominator
    if scale == 1:  # one million and a half: a half million
        scale = next((T.SCALES[scale_word(w)] for w in reversed(whole_words)
                      if T.SCALES.get(scale_word(w), 0) >= 1000), Decimal(1))
    elif whole < scale:  # two and a half million
        return (whole + numerator / denominator) * scale
    return whole + numerator / denominator * scale


def is_ordinal(s: str) -> bool:
    """Whether words ending in a singular denominator say an ordinal, not a fraction: its
    numerator is not one and makes one compound ordinal with it ("twenty fifth", "one
    hundred fifth" anniversary; but "a fifth", "one one hundred fifth", "three and a
    half", and "a two-third majority", where the plural was left off)."""
    words, starts = _fraction_words(s)
    if not words or words[-1] not in _DENOMINATOR_WORDS:
        return False  # no fraction, or a plural one ("twenty fifths")
    found = _denominator(words, len(words) - 1, starts)
    if found is None:
        return True  # "twenty first"
    before = words[:found[1]]
    numerator = before[len(before) - before[::-1].index("and"):] if "and" in before else before
    if numerator in ([], ["a"], ["an"], ["one"]):
        return numerator == [] and before[-1:] == ["and"]
    last = words[-1]
    return _ordinal_head(numerator, T.UNIT_ORDINALS.get(last) or T.DENOMINATORS[last]) is not None


def words_value(s: str) -> Decimal:
    """The value of a number written in words: "two hundred and fifty", "a half-dozen"."""
    total, current, half = Decimal(0), Decimal(0), False
    words = s.lower().replace("-", " ").split()
    if len(words) > 2 and 1 <= T.SMALL_WORDS.get(words[0], 0) <= 9 and words[1] in TENS_WORDS:
        return T.SMALL_WORDS[words[0]] * 100 + words_value(" ".join(words[1:]))  # one twenty two
    if "and" in words[1:-1] and scale_word(words[-1]) in T.SCALES and T.SCALES[scale_word(words[-1])] < 100:
        cut = len(words) - 1 - words[::-1].index("and")  # three hundred and two dozen: a dozen
        return words_value(" ".join(words[:cut])) + words_value(" ".join(words[cut + 1:]))  # scales its own count
    for w in words:
        w = scale_word(w)
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
def number_value(s: str) -> Decimal:
    """The value of one number: "14,000", "2.5bn", "1.3 million", "twenty-five", "4th"."""
    if " point " in norm(s):
        return _point_value(norm(s))
    if norm(s).startswith("point "):  # point 77
        return _point_value("zero " + norm(s))
    fraction = fraction_value(s)
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
    m = P.DIGIT_PARTS.match(s, None, None, False, False, SHORT_TIMEOUT)
    if not m:
        return words_value(s)
    if any(c.isdigit() for c in m.group(3)) or " and " in norm(m.group(3)):
        return words_value(s)  # 4 thousand 3 hundred and 21, 3 hundred and one
    value = Decimal(m.group(1).replace(",", ""))
    if m.group(2):
        value *= suffix_scale(m.group(2))
    for w in m.group(3).lower().replace("-", " ").split():
        value *= T.SCALES.get(scale_word(w), 1)
    return value


def suffix_scale(suffix: str) -> int:
    """The scale a suffix gives: "bn", " k", " G"."""
    key = suffix.strip()
    return T.GROUPED_SUFFIXES.get(key) or SCALE_SUFFIXES[key.lower()]


def spread_scale(lo_text: str, lo: Decimal, hi_text: str, hi: Decimal) -> Decimal:
    """Give a range's low end the high end's scale: "1.2-1.5 million", "$1-2bn", "10-12,000",
    "two or three million"."""
    lo_words = norm(lo_text).replace("-", " ").split()
    if lo_text[0].isalpha() and not any(scale_word(w) in T.SCALES for w in lo_words):
        hi_words, scale = norm(hi_text).replace("-", " ").split(), Decimal(1)
        while hi_words and scale_word(hi_words[-1]) in T.SCALES:  # three million: 1e6
            scale *= T.SCALES[scale_word(hi_words.pop())]
        return lo * scale if lo * scale <= hi else lo
    if not lo_text[0].isdigit() or "," in lo_text or any(c.isalpha() for c in lo_text):
        return lo
    hi_digits = P.DIGIT_PARTS.match(hi_text, None, None, False, False, SHORT_TIMEOUT)
    base = Decimal(hi_digits.group(1).replace(",", "")) if hi_digits else hi
    if base and hi != base and lo * hi / base <= hi:
        return lo * hi / base  # the high end carries a scale word or suffix
    lead = hi_text.split(",")[0]
    if hi == base and "," in hi_text and lead.isdigit() and lo < int(lead) < lo * 10:
        return lo * 1000 ** hi_text.count(",")  # 10-12,000 is 10,000-12,000
    return lo
