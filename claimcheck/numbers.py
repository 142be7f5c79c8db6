"""Find number phrases in text ("about 14,000", "$2.5bn", "three-month") and resolve them.

Extract, then resolve: one pattern, compiled at import, recognises a phrase at a given
place; small functions turn the match into a ``Value``, a quantity kind and a unit. The
pattern is only tried near a *core* (a digit or a number word) found by a cheap scan,
which keeps long runs of digits, letters or punctuation linear and fast.
Word tables live in :mod:`claimcheck.number_tables` and :mod:`claimcheck.vocab`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal
from functools import lru_cache
from typing import Optional

import regex

from . import number_tables as T
from .models import (
    AGE, COUNT, DATE, EXACT, LOWER_BOUND, MEASURE, MONEY, ORDINAL, PERCENT, RANGE, RATIO,
    TIME, UPPER_BOUND, VAGUE, YEAR, NumberPhrase, Value, tidy_number,
)
from .vocab import MONTHS, SCALE_SUFFIXES, TENS_WORDS, UNIT_WORDS, WEEKDAYS, alternation, ascii_lower

__all__ = ["find_number_phrases"]

_FLAGS = regex.VERBOSE | regex.IGNORECASE
_SHORT = 1.0  # regex timeout (s) for a call on one phrase; a backstop, never reached
_TIMEOUT_PER_CHAR = 1e-6  # scans over the rest of the text get this much more per character
_PREFIX = 64  # no phrase starts further than this before its first core


def _alt(words) -> str:
    """An alternation of ``words``, longest first and grouped by first letter (the engine
    then tests one letter, not every word); a space in a word matches ``_S``."""
    groups: dict[str, list[str]] = {}
    for w in {w.lower() for w in words}:
        groups.setdefault(w[0], []).append(w[1:])
    branches = []
    for first, rests in sorted(groups.items()):
        tails = [r for r in rests if r]
        tail = f"(?:{alternation(tails)})" + ("?" if "" in rests else "") if tails else ""
        branches.append(regex.escape(first) + tail)
    return "(?:" + "|".join(branches).replace("\\ ", _S) + ")"


def _cased(words) -> str:
    """Case-sensitive alternation of the Capitalised and UPPER forms of ``words``."""
    return "(?-i:" + alternation({w.capitalize() for w in words} | {w.upper() for w in words}) + ")"


# ---- small pieces ------------------------------------------------------------------
_S = r"(?:[^\S\r\n]{1,3}|[^\S\r\n]{0,3}\r?\n[^\S\r\n]{0,3})"  # a space, or one line break
_START = r"(?<![\p{L}\p{N}_])"  # not glued to a word on the left
_LEFT_WORD = r"(?<![\p{L}\p{N}_/@])(?<!\p{L}-)"  # nor in a path, nor after "Su-"
_LEFT_DIGIT = r"""(?<![\p{L}\p{N}_/@\#=&~\\])         # not in an identifier, path or query
    (?:(?<!\p{L}-)|(?<=(?<!\p{L})(?:mid|pre|post)-))  # F-16 no, mid-2024 yes
    (?<!\p{N}[.,:/\-–+])(?<!\p{L}[.:])                # not the tail of 1.2.3, 24/7, 5+1, x.2
"""
_END = r"(?![\p{L}\p{N}_@])(?![-–/:.,+]\p{N})"  # a phrase is not glued to more on the right
_WEND = r"(?![\p{L}])"  # end of a word

_DIGITS = r"""(?!0\d)                                   # no leading zeros: "14 000", "007"
    (?>\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,12})?          # 14,000 / 1,300,000.5
     | \d{1,15}(?:\.\d{1,12})?)                       # 14000 / 1.3 (atomic: no backtracking)
    (?!\p{N})(?![.,]\p{N})                            # never part of 1,2,3 or 1.2.3
"""
_SCALE = _alt(T.SCALES) + _WEND  # hundred, thousand, ..., dozen
_SUFFIX = rf"""(?:{_alt(SCALE_SUFFIXES)}                # 2.5bn, 300k, $3m
    | \x20{_alt(k for k in SCALE_SUFFIXES if len(k) > 1)})(?![\p{{L}}\p{{N}}])  # 3 mn
"""
_DIGIT_NUMBER = rf"""{_DIGITS}(?:{_SUFFIX}              # digits with a scale suffix
    | (?:(?:-|{_S}){_SCALE}){{1,2}})?                 # or words: 1.3 million
"""
_W_SMALL = rf"""(?:{_alt(TENS_WORDS)}                   # twenty
      (?:[-\s]{_alt(k for k, v in UNIT_WORDS.items() if 1 <= v <= 9)})?  # -five
    | {_alt(UNIT_WORDS)}){_WEND}                      # seventeen
"""
_W_STEP = rf"(?:-|{_S}){_SCALE}(?:(?:{_S}and)?(?:-|{_S}){_W_SMALL})?"  # " hundred and fifty"
_WORD_NUMBER = rf"""(?:
    (?:an?[-\s]half|half{_S}an?)(?:-|{_S}){_SCALE}   # a half-dozen, half a million
  | (?:{_W_SMALL}|an?(?=(?:-|{_S}){_SCALE}))(?:{_W_STEP}){{0,4}}  # two hundred and fifty
  | dozen{_WEND})                                     # "a" alone is never a number
"""
_NUMBER_BARE = rf"(?:{_DIGIT_NUMBER}|{_WORD_NUMBER})"  # inside a range: "-12,000"
_NUMBER = rf"(?:{_LEFT_DIGIT}{_DIGIT_NUMBER}|{_LEFT_WORD}{_WORD_NUMBER})"
_PLAIN = rf"(?:{_DIGITS}|{_W_SMALL})"  # no scales: ages, ratios
_PLAIN_L = rf"(?:{_LEFT_DIGIT}{_DIGITS}|{_LEFT_WORD}{_W_SMALL})"

_VAGUE_WORDS = [k for k in T.VAGUE_AMOUNTS if k not in T.VAGUE_QUANTIFIERS + T.VAGUE_NEED_OF]
_VAGUE = rf"""(?:{_alt(T.VAGUE_QUANTIFIERS)}{_S}{_SCALE}(?:{_S}{_SCALE})?  # several hundred
  | {_alt(_VAGUE_WORDS)}{_WEND}                       # dozens, tens of thousands
  | {_alt(T.VAGUE_NEED_OF)}(?={_S}of{_WEND}))         # scores of
"""
_CODES = rf"(?-i:{alternation(T.CURRENCY_CODES)})"  # USD, EUR: upper case only
_CUR = rf"(?:{_alt(T.CURRENCY_SIGNS)}(?=\d)|{_CODES}{_S}?)"  # $5, US$5, €5, USD 5
_UNIT = rf"""(?:{_S}?{_alt(k for k, (q, _) in T.UNITS.items() if q == PERCENT)}  # 5%, 5 per cent
  | (?:-|{_S})?(?:{_alt(k for k, (q, _) in T.UNITS.items() if q != PERCENT)}     # 120 mm, 5,000-ton
               | {_CODES}))                           # 5 million USD
    (?![\p{{L}}\p{{N}}_])
"""
_POST = rf"""(?:{_S}{_alt(k for k in T.POSTFIXES if k[0] not in "-+")}  # or more, or so
  | {alternation(k for k in T.POSTFIXES if k[0] in "-+")})(?![\p{{L}}\p{{N}}_])  # -plus, +, -odd
"""
_TIME_UNIT = _alt(T.TIME_UNITS) + _WEND  # days, months, years
_HEDGE = rf"{_START}{_alt(T.HEDGES)}{_S}"  # about, at least, up to
_CONN = rf"""(?(between){_S}and{_S}                  # between 10 and 12
  | (?(from){_S}to{_S}                               # from 10 to 12
  | (?:{_S}?[-–—]{_S}?|{_S}(?:to|or){_S})))          # 10-12, 10 to 12, two or three
"""

# ---- phrase shapes -------------------------------------------------------------------
_QTY = rf"""{_START}
    (?:(?P<between>between){_S}|(?P<from>from){_S})?      # range openers
    (?P<cur>{_CUR})?                                      # $, €, US$, USD
    (?:(?P<vague>{_LEFT_WORD}{_VAGUE})                    # thousands, a few hundred
     | (?P<lo>{_NUMBER})(?P<lounit>{_UNIT})?              # 14,000 / 5% (of 5% to 10%)
       (?:(?P<conn>{_CONN})(?P<cur2>{_CUR})?(?P<hi>{_NUMBER_BARE}))?  # -12,000, to $12bn
       (?P<post>{_POST})?)                                # or more, -plus, -odd
    (?P<unit>(?(vague){_S}of)?{_UNIT})?                   # 120 mm, of dollars
    (?P<post2>{_S}or{_S}(?:so|more){_WEND})?             # 10 days or so
    {_END}
"""
_RATIO = rf"""(?P<ra_lo>{_PLAIN_L}){_S}(?:in|out{_S}of(?:{_S}every)?|(?:of|in){_S}every){_S}  # one in
    (?!(?:19|20)\d\d(?!\p{{N}}))(?P<ra_hi>{_PLAIN})     # 10, but not "25 in 2024"
    (?!(?:-|{_S}){_TIME_UNIT}){_END}                   # nor "3 in 20 minutes"
"""
_AGE_AFTER = rf"""(?P<age_n>{_PLAIN_L})(?:-|{_S})      # 18-
    (?P<age_unit>{_alt(T.AGE_UNITS)})(?:-|{_S})olds?{_WEND}  # year-old
  | (?P<age_n2>{_PLAIN_L}){_S}years{_S}of{_S}age{_WEND}  # 18 years of age
"""
_RELDATE = rf"""(?P<rel_n>{_NUMBER})(?:-|{_S})(?P<rel_unit>{_TIME_UNIT})  # three years
    {_S}(?:ago|from{_S}now|hence){_WEND}              # ago: a date, not a duration
"""
_AGE_BEFORE = rf"""{_START}(?P<age_word>as{_S}(?:young|old){_S}as|aged|age{_S}of  # as young as
    | (?:between{_S}the{_S})?ages{_S}of|ages?)        # ages 18 to 25
    {_S}(?P<age_lo>{_PLAIN_L})(?:(?:{_S}?[-–]{_S}?|{_S}(?:to|and){_S})(?P<age_hi>{_PLAIN}))?{_END}
"""
_MONTH = _START + _cased(MONTHS) + r"\.?" + _WEND  # April, Sept.; "may" is a verb
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\p{L}\p{N}])"
_YEAR4 = r"(?:1[89]|20)\d\d(?!\p{N})"
_DATE = rf"""(?:{_START}{_cased(WEEKDAYS)}\.?,?{_S})?  # Sun,
    (?:{_MONTH}{_S}{_DAY}(?:{_S}?[-–]{_S}?{_DAY})?(?:,?{_S}{_YEAR4})?  # April 28, 2025
     | {_LEFT_DIGIT}{_DAY}(?:{_S}?[-–]{_S}?{_DAY})?{_S}(?:of{_S})?{_MONTH}(?:,?{_S}{_YEAR4})?  # 24 April
     | {_MONTH},?{_S}{_YEAR4})                        # April 2025
  | {_LEFT_DIGIT}{_YEAR4}-(?:1[0-2]|0?[1-9])-(?:3[01]|[12]\d|0?[1-9])(?!\p{{N}})  # 2024-10-03
  | {_LEFT_DIGIT}\d{{1,2}}[/.]\d{{1,2}}[/.](?:\d{{4}}|\d\d)(?!\p{{N}}|[/.]\p{{N}})  # 10/03/2024
"""
_AMPM = r"(?:[ap]\.m\.?|[ap]m)" + _WEND
_TIME = rf"""{_LEFT_DIGIT}(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?  # 10:30
    (?:{_S}?{_AMPM})?(?!\p{{N}}|[:.]\p{{N}})          # 10:30 pm, not 10:30:5 or 10:30.5
  | {_LEFT_DIGIT}(?:1[0-2]|0?[1-9])(?:[.:][0-5]\d)?{_S}?{_AMPM}  # 9 a.m., 9.30pm
  | (?:{_LEFT_DIGIT}(?:1[0-2]|0?[1-9])|{_LEFT_WORD}{_W_SMALL}){_S}o['’]clock{_WEND}  # 3 o'clock
"""
_URL = _START + r"(?:https?://|www\.)[^\s<>\"'()\[\]{}]{1,2000}"

_PHRASE = regex.compile(rf"""
    (?P<skip>{_URL})                                      # numbers in links are not numbers
  | (?P<date>{_DATE})                                     # April 24
  | (?P<time>{_TIME})                                     # 9 a.m.
  | (?P<decade>{_LEFT_DIGIT}(?:1[89]|20)\d0s)(?![\p{{L}}\p{{N}}])  # the 1990s
  | (?P<ordinal>{_LEFT_DIGIT}\d{{1,9}}(?:st|nd|rd|th))(?![\p{{L}}\p{{N}}_])  # 4th
  | (?P<agebefore>{_AGE_BEFORE})                          # as young as 18, aged 18
  | (?<=\p{{Lu}}[\p{{L}}'’.\-]{{1,40}},[^\S\r\n])          # after a name and a comma:
    (?P<appos>(?:1[01]\d|[1-9]?\d))(?=,[^\S\r\n])          # "George Lowe, 89, died": an age
  | (?P<magnitude>{_START}magnitude(?:-|{_S})(?P<mag_n>{_LEFT_DIGIT}{_DIGITS})){_END}  # magnitude 7.8
  | (?P<hedge>{_HEDGE})?                                  # about, at least, up to
    (?:(?P<ratio>{_RATIO})                                # one in 10
     | (?P<ageafter>{_AGE_AFTER})                         # 18-year-old
     | (?P<reldate>{_RELDATE})                            # three years ago
     | (?P<qty>{_QTY}))                                   # everything else
""", _FLAGS)


@lru_cache(maxsize=1)
def _qty_only() -> regex.Pattern:
    """Quantities alone, for "10 in 5 games"; compiled on first use (a third of the
    grammar's compile time, and most runs never need it)."""
    return regex.compile(rf"(?P<hedge>{_HEDGE})?(?P<qty>{_QTY})", _FLAGS)


# Every phrase holds a core within _PREFIX characters of its start.
_CORE = regex.compile(rf"""{_LEFT_DIGIT}\d             # a digit
  | {_START}{_alt(T.CORE_WORDS)}s?{_WEND}             # two, hundreds, dozens, scores
  | {_START}one(?=-|{_S}o['’]clock)                   # one-year; "one" alone is no number
""", _FLAGS)
# A quick look for where a core may start, run with the standard library's engine on
# lower-cased text: an ASCII digit, a core word or "one", not glued to an ASCII letter or
# digit on the left. It finds every start of a _CORE match (and more); _CORE decides.
_CORE_HINT = re.compile(r"(?<![a-z0-9_])(?:[0-9]|%s)" % "|".join(sorted({*T.CORE_WORDS, "one"})))
_NON_ASCII_DIGIT = regex.compile(r"(?![0-9])\d")  # the quick look sees ASCII digits only
_SIGNS = "".join(k for k in T.CURRENCY_SIGNS if len(k) == 1)
_OPENERS = {*T.OPENERS, *UNIT_WORDS, *TENS_WORDS, *T.SCALES, *MONTHS, *WEEKDAYS, *T.CURRENCY_CODES}
# Where a phrase may start (a superset); _PHRASE is tried only there.
_CANDIDATE = regex.compile(rf"""{_LEFT_DIGIT}\d         # 14,000
  | {_START}{_alt(k[:-1] for k in T.CURRENCY_SIGNS if len(k) > 1)}?[{_SIGNS}](?=\d)  # $5, US$5
  | {_HEDGE}                                          # about, at least
  | {_START}an?(?=[-\s]{{1,3}}(?:half|few|{_SCALE}))  # a dozen, a few hundred
  | {_START}{_alt(_OPENERS)}(?![\p{{L}}\p{{N}}])      # two, April, between
""", _FLAGS)
# The same quick look for _CANDIDATE: digits, currency signs, and the first words of
# hedges, openers and "a"/"an", each ending where a word ends.
_CANDIDATE_WORDS = {h.split()[0] for h in T.HEDGES} | {w.lower() for w in _OPENERS} | {"a", "an"}
_CANDIDATE_HINT = re.compile(r"(?<![a-z0-9_])(?:[0-9]|%s|(?:%s)(?![a-z0-9]))" % (
    "|".join(map(re.escape, sorted(T.CURRENCY_SIGNS, key=len, reverse=True))),
    "|".join(map(re.escape, sorted(_CANDIDATE_WORDS, key=len, reverse=True)))))
_DIGIT_PARTS = regex.compile(rf"""([\d,]+(?:\.\d+)?)   # the digits
    (\s?{_alt(SCALE_SUFFIXES)}(?![a-z]))?              # a scale suffix
    (.*)                                               # scale words
""", _FLAGS | regex.DOTALL)
_NEXT_WORDS = regex.compile(r"(?:[^\S\r\n]{1,3}([\p{L}'’]{1,40})){1,3}")  # up to three words
_GLUED_WORD_AFTER = regex.compile(r"-\p{L}")


# ---- resolving a match -------------------------------------------------------------
def _norm(s: str) -> str:
    return " ".join(s.lower().replace("’", "'").split())


def _tidy(d: Optional[Decimal]):
    return None if d is None else tidy_number(int(d) if d == d.to_integral_value() else float(d))


def _words_value(s: str) -> Decimal:
    """The value of a number written in words: "two hundred and fifty", "a half-dozen"."""
    total, current, half = Decimal(0), Decimal(0), False
    for w in s.lower().replace("-", " ").split():
        if w in ("a", "an"):
            current = Decimal(1)
        elif w == "half":
            half = True
        elif w in UNIT_WORDS or w in TENS_WORDS:
            current += UNIT_WORDS.get(w) or TENS_WORDS.get(w) or 0
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in T.SCALES:
            total, current = total + (current or 1) * T.SCALES[w], Decimal(0)
    return (total + current) / (2 if half else 1)


def _number_value(s: str) -> Decimal:
    """The value of one number: "14,000", "2.5bn", "1.3 million", "twenty-five", "4th"."""
    m = _DIGIT_PARTS.match(s, timeout=_SHORT)
    if not m:
        return _words_value(s)
    value = Decimal(m.group(1).replace(",", ""))
    if m.group(2):
        value *= SCALE_SUFFIXES[m.group(2).strip().lower()]
    for w in m.group(3).lower().replace("-", " ").split():
        value *= T.SCALES.get(w, 1)
    return value


def _spread_scale(lo_text: str, lo: Decimal, hi_text: str, hi: Decimal) -> Decimal:
    """Give a range's low end the high end's scale: "1.2-1.5 million", "$1-2bn", "10-12,000"."""
    if not lo_text[0].isdigit() or "," in lo_text or any(c.isalpha() for c in lo_text):
        return lo
    hi_digits = _DIGIT_PARTS.match(hi_text, timeout=_SHORT)
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


def _kind_of(cur: Optional[str], unit: Optional[str]) -> tuple[str, Optional[str]]:
    """(quantity, unit) from a currency sign and a unit tail: " mm", "-ton", " of dollars"."""
    if cur:
        return MONEY, T.CURRENCY_SIGNS.get(_norm(cur)) or cur.strip().upper()
    key = _norm((unit or "").lstrip("-"))
    key = key[3:] if key.startswith("of ") else key
    if key.upper() in T.CURRENCY_CODES:
        return MONEY, key.upper()
    return T.UNITS.get(key, (COUNT, None))


def _plural_follows(text: str, pos: int, end: int) -> bool:
    """Whether one of the next three words is a plural noun ("North Korean troops")."""
    m = _NEXT_WORDS.match(text, pos, end, timeout=_SHORT)
    for word in m.captures(1) if m else ():
        w = word.lower().replace("’", "'")
        if w in T.IRREGULAR_PLURALS or (word.islower() and len(w) > 3 and w.endswith("s")
                                        and not w.endswith(("ss", "us", "is", "'s"))):
            return True
    return False


def _start(m, g: dict, ranged: bool) -> int:
    """Where a quantity phrase starts: its hedge, range opener, currency or number."""
    for name in ("hedge", "between", "from", "cur", "vague", "lo"):
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

    It stays a count only with a hedge or "between" before it and a plural noun after
    ("about 2000 troops"); a hedge before a year is left out ("around 2020" -> "2020").
    """
    lo_t, hi_t, unit = g["lo"], g["hi"], g["unit"] or g["lounit"]
    if g["cur"] or g["post"] or g["post2"] or (unit and _norm(unit) != "won"):
        return None  # "in 2020 won the vote" is a year, "2,020 won" money
    if not _is_year(lo_t) or hi_t and not (_is_year(hi_t) or len(hi_t) == 2 and hi_t.isdigit()):
        return None
    stop = m.end("hi") if hi_t else m.end("lo")
    if (g["hedge"] or g["between"]) and _plural_follows(text, stop, end):
        return None
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
    if not g["unit"] and _GLUED_WORD_AFTER.match(text, m.end(), end, timeout=_SHORT):
        return None, m.end()  # "thousands-strong" and the like
    value = _bounded(lo, hi, True, _hedging(g)[1], vague=True)
    return _phrase(text, _start(m, g, False), m.end(), value, _kind_of(g["cur"], g["unit"]))


def _single(m, g: dict, text: str, end: int, value: Decimal, stop: int, unit: Optional[str], posts):
    """One number, hedged or bounded: "about 14,000", "at least 1,000", "10 or more"."""
    if _norm(g["lo"]) == "one" and not (unit or "").startswith("-"):
        return None, stop  # "one of", "one soldier": a determiner, not a count
    if not unit and not any(g[p] for p in posts) and text[stop - 1].isalpha() \
            and _GLUED_WORD_AFTER.match(text, stop, end, timeout=_SHORT):
        return None, stop  # "two-thirds", "twenty-something"
    value = _bounded(value, value, *_hedging(g, posts))
    return _phrase(text, _start(m, g, False), stop, value, _kind_of(g["cur"], unit))


def _quantity(m, g: dict, text: str, end: int):
    """A count, amount of money, percentage, measure or duration, with its hedge."""
    if g["vague"]:
        return _vague(m, g, text, end)
    year = _year(m, g, text, end)
    if year is not None:
        return year
    lo = _number_value(g["lo"])
    if not g["hi"]:
        return _single(m, g, text, end, lo, m.end(), g["unit"] or g["lounit"], ("post", "post2"))
    hi = _number_value(g["hi"])
    low = _spread_scale(g["lo"], lo, g["hi"], hi)
    if low < hi and not (g["cur2"] and not g["cur"]) and (
            not g["lounit"] or _kind_of(None, g["lounit"]) == _kind_of(None, g["unit"])):
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


def _with_time_unit(names: tuple, quantity: str, unit_name: str):
    """A resolver for a hedged number with a time unit: "18-year-old", "three years ago"."""
    def resolve(m, g: dict, text: str, end: int):
        n = _number_value(next(g[name] for name in names if g[name]))
        unit = T.UNITS[_norm(g[unit_name])][1] if g[unit_name] else "year"
        return _phrase(text, m.start(), m.end(), _bounded(n, n, *_hedging(g, ())), (quantity, unit))
    return resolve


def _ratio(m, g: dict, text: str, end: int):
    """one in 10, 3 of every 4: the share as a fraction (0.1, 0.75)."""
    lo, hi = _number_value(g["ra_lo"]), _number_value(g["ra_hi"])
    if not 0 < hi or lo > hi:
        return None, m.end()  # "10 in 5 games": read as quantities instead
    share = lo / hi
    return _phrase(text, m.start(), m.end(), _bounded(share, share, *_hedging(g, ())), (RATIO, None))


_RESOLVERS = {  # the name of each alternative in _PHRASE -> its resolver
    "skip": lambda m, g, text, end: ([], m.end()), "date": _date, "time": _time, "decade": _decade,
    "ordinal": _simple("ordinal", ORDINAL), "magnitude": _simple("mag_n", MEASURE, "magnitude"),
    "agebefore": _age_before, "appos": _simple("appos", AGE, "year"), "ageafter": _with_time_unit(("age_n", "age_n2"), AGE, "age_unit"),
    "reldate": _with_time_unit(("rel_n",), DATE, "rel_unit"), "ratio": _ratio, "qty": _quantity,
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
    (``candidates``) may start: a superset, found on lower-cased text by _CORE_HINT and
    _CANDIDATE_HINT. ``trusted`` is False when that quick look cannot be relied on (a
    non-ASCII digit; a letter whose lower case is longer) and the patterns must search."""

    def __init__(self, text: str, start: int, end: int) -> None:
        chunk = text[start:end]
        self._lowered = ascii_lower(chunk)
        self._start = start
        self.trusted = len(self._lowered) == len(chunk) and (chunk.isascii() or not _NON_ASCII_DIGIT.search(chunk))
        self.cores = [start + m.start() for m in _CORE_HINT.finditer(self._lowered)] if self.trusted else []
        self._candidates: Optional[list[int]] = None

    @property
    def candidates(self) -> list[int]:
        if self._candidates is None:  # most sentences hold no core and never ask
            self._candidates = [self._start + m.start() for m in _CANDIDATE_HINT.finditer(self._lowered)]
        return self._candidates


def _next_core(text: str, tried: int, end: int, hints: _Hints):
    """The leftmost ``_CORE`` match at or after ``tried``."""
    if not hints.trusted:
        return _CORE.search(text, tried, end, timeout=_timeout(tried, end))
    starts = hints.cores
    for i in range(bisect_left(starts, tried), len(starts)):
        core = _CORE.match(text, starts[i], end, timeout=_SHORT)
        if core is not None:
            return core
    return None


def _candidates(text: str, pos: int, end: int, hints: _Hints):
    """The ``_CANDIDATE`` matches in ``text[pos:end]``, as ``finditer`` gives them."""
    if not hints.trusted:
        yield from _CANDIDATE.finditer(text, pos, end, timeout=_timeout(pos, end))
        return
    starts = hints.candidates
    i = bisect_left(starts, pos)
    while i < len(starts) and starts[i] < end:
        m = _CANDIDATE.match(text, starts[i], end, timeout=_SHORT)
        if m is None:
            i += 1
            continue
        yield m
        i = bisect_left(starts, m.end(), i + 1)  # matches do not overlap


def _next_match(text: str, pos: int, end: int, hints: _Hints):
    """The leftmost ``_PHRASE`` match at or after ``pos``, tried only at candidates near cores."""
    tried = pos  # every start before ``tried`` has been tried
    while True:
        core = _next_core(text, tried, end, hints)
        if core is None:
            return None
        for candidate in _candidates(text, max(tried, core.start() - _PREFIX), core.end(), hints):
            m = _PHRASE.match(text, candidate.start(), end, timeout=_SHORT)
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
                m = _qty_only().match(text, m.start(), end, timeout=_SHORT)
                phrases, resume = _quantity(m, _groups(m), text, end) if m else (None, resume)
            found.extend(phrases or ())
            pos = max(resume, pos + 1)
    except (TimeoutError, ArithmeticError):
        pass  # a backstop: the patterns are linear, but never hang or raise on odd input
    return found
