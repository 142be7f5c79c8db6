"""Find number phrases in text ("about 14,000", "$2.5bn", "three-month") and resolve them.

Extract, then resolve: one pattern, compiled at import, finds candidate spans left to
right; small functions turn each span into a ``Value``, a quantity kind and a unit.
Word tables live in :mod:`claimcheck.number_tables` and :mod:`claimcheck.vocab`.
"""

from __future__ import annotations

import time
from decimal import Decimal, InvalidOperation
from typing import Optional

import regex

from . import number_tables as T
from .models import (
    AGE, COUNT, DATE, DURATION, EXACT, LOWER_BOUND, MEASURE, MONEY, ORDINAL, RANGE, RATIO,
    TIME, UPPER_BOUND, VAGUE, YEAR, NumberPhrase, Value, tidy_number,
)
from .vocab import MONTHS, SCALE_SUFFIXES, TENS_WORDS, UNIT_WORDS, WEEKDAYS, alternation

__all__ = ["find_number_phrases"]

_FLAGS = regex.VERBOSE | regex.IGNORECASE
_SECONDS_PER_CHAR = 20e-6  # regex time budget: 1 s plus this per character searched

# ---- small pieces ------------------------------------------------------------------
_S = r"(?:[^\S\r\n]{1,3}|[^\S\r\n]{0,3}\r?\n[^\S\r\n]{0,3})"  # a space, or one line break


def _alt(words) -> str:
    """An alternation of ``words`` (longest first); spaces in a word match ``_S``."""
    return "(?:" + alternation(words).replace("\\ ", _S) + ")"


def _cased(words) -> str:
    """Case-sensitive alternation of the Capitalised and UPPER forms of ``words``."""
    return "(?-i:" + alternation({w.capitalize() for w in words} | {w.upper() for w in words}) + ")"


_START = r"(?<![\p{L}\p{N}_])"  # not glued to a word on the left
_LEFT_WORD = r"(?<![\p{L}\p{N}_/@])(?<!\p{L}-)"  # nor after "Su-"
_LEFT_DIGIT = r"""(?<![\p{L}\p{N}_/@\#=&~\\])     # not in an identifier, path or query
    (?:(?<!\p{L}-)|(?<=(?<!\p{L})(?:mid|pre|post)-))  # F-16 no, mid-2024 yes
    (?<!\p{N}[.,:/\-–])(?<!\p{L}[.:])"""  # not the tail of 1.2.3, 24/7, 555-1234, x.2
_END = r"(?![\p{L}\p{N}_@])(?![-–/:.,+]\p{N})"  # phrase end: not glued to more
_WEND = r"(?![\p{L}])"  # end of a word

_DIGITS = r"""(?>\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,12})?   # 14,000 / 1,300,000.5
    | \d{1,15}(?:\.\d{1,12})?)                         # 14000 / 1.3
    (?!\p{N})(?![.,]\p{N})"""  # never part of 1,2,3 or 1.2.3
_SCALE = _alt(T.SCALES) + _WEND  # hundred, thousand, ..., dozen
_SUFFIX = "(?:" + _alt(SCALE_SUFFIXES) + "|\\x20" + _alt(k for k in SCALE_SUFFIXES if len(k) > 1) + ")"
_DIGIT_NUMBER = rf"""{_DIGITS}
    (?:{_SUFFIX}(?![\p{{L}}\p{{N}}])         # 2.5bn, 300k, 3 mn
     | (?:(?:-|{_S}){_SCALE}){{1,2}})?        # 1.3 million, 5 hundred thousand
"""

_W_SMALL = rf"""(?:{_alt(TENS_WORDS)}(?:[-\s]{_alt(k for k, v in UNIT_WORDS.items() if 1 <= v <= 9)})?
    | {_alt(UNIT_WORDS)}){_WEND}"""  # twenty-five, twenty five, seventeen
_W_STEP = rf"(?:-|{_S}){_SCALE}(?:(?:{_S}and)?(?:-|{_S}){_W_SMALL})?"  # " hundred and fifty"
_WORD_NUMBER = rf"""(?:
    (?:an?[-\s]half|half{_S}an?)(?:-|{_S}){_SCALE}   # a half-dozen, half a million
  | (?:{_W_SMALL}|an?(?=(?:-|{_S}){_SCALE}))(?:{_W_STEP}){{0,4}}  # two hundred and fifty
  | dozen{_WEND})"""  # "a" alone is never a number
_NUMBER_BARE = rf"(?:{_DIGIT_NUMBER}|{_WORD_NUMBER})"
_NUMBER = rf"(?:{_LEFT_DIGIT}{_DIGIT_NUMBER}|{_LEFT_WORD}{_WORD_NUMBER})"
_PLAIN = rf"(?:{_DIGITS}|{_W_SMALL})"  # no scales: ages, ratios
_PLAIN_L = rf"(?:{_LEFT_DIGIT}{_DIGITS}|{_LEFT_WORD}{_W_SMALL})"

_vague_words = [k for k in T.VAGUE_AMOUNTS if k not in T.VAGUE_QUANTIFIERS]
_VAGUE = rf"""(?:
    {_alt(T.VAGUE_QUANTIFIERS)}{_S}{_SCALE}(?:{_S}{_SCALE})?   # several hundred, a few thousand
  | {_alt(w for w in _vague_words if w not in T.VAGUE_NEED_OF)}{_WEND}  # tens of thousands
  | {_alt(T.VAGUE_NEED_OF)}(?={_S}of{_WEND}))"""  # scores of

_CUR = rf"(?:{_alt(T.CURRENCY_SIGNS)}|(?-i:{alternation(T.CURRENCY_CODES)}){_S}?)"
_PCT = _alt(k for k, (q, _) in T.UNITS.items() if q == "percent")
_UNIT = rf"""(?:{_S}?{_PCT}                         # 5%, 5 per cent
  | (?:-|{_S})?(?:{_alt(k for k, (q, _) in T.UNITS.items() if q != "percent")}
               | (?-i:{alternation(T.CURRENCY_CODES)})))   # 120 mm, 5,000-ton, 300 euros
    (?![\p{{L}}\p{{N}}_])"""
_POST = rf"""(?:{_S}{_alt(k for k in T.POSTFIXES if k[0] not in "-+")}
  | {alternation(k for k in T.POSTFIXES if k[0] in "-+")})(?![\p{{L}}\p{{N}}_])"""  # or more, -odd
_TIME_UNIT = _alt(T.TIME_UNITS) + _WEND
_HEDGE = rf"{_START}{_alt(T.HEDGES)}{_S}"
_CONN = rf"""(?(between){_S}and{_S}                  # between 10 and 12
  | (?(from){_S}to{_S}                               # from 10 to 12
  | (?:{_S}?[-–—]{_S}?|{_S}(?:to|or){_S})))"""  # 10-12, 10 to 12, two or three

# ---- phrase shapes -------------------------------------------------------------------
_QTY = rf"""{_START}
    (?:(?P<between>between){_S}|(?P<from>from){_S})?
    (?P<cur>{_CUR})?                                          # $, €, US$, USD
    (?:(?P<vague>{_LEFT_WORD}{_VAGUE})                        # thousands, a few hundred
     | (?P<lo>{_NUMBER})(?P<lounit>{_UNIT})?                  # 14,000 / 5% (of 5% to 10%)
       (?:(?P<conn>{_CONN})(?P<cur2>{_CUR})?(?P<hi>{_NUMBER_BARE}))?  # -12,000, to $12bn
       (?P<post>{_POST})?)                                    # or more, -plus, -odd
    (?P<unit>(?(vague){_S}of)?{_UNIT})?                       # 120 mm, of dollars
    (?P<post2>{_S}or{_S}(?:so|more){_WEND})?                 # 10 days or so
    {_END}"""
_RATIO = rf"""(?P<ra_lo>{_PLAIN_L}){_S}(?:in|out{_S}of|(?:of|in){_S}every){_S}
    (?!(?:19|20)\d\d(?!\p{{N}}))(?P<ra_hi>{_PLAIN})         # one in 10, not "25 in 2024"
    (?!(?:-|{_S}){_TIME_UNIT}){_END}"""                      # not "3 in 20 minutes"
_AGE_AFTER = rf"""(?P<age_n>{_PLAIN_L})(?:-|{_S})(?P<age_unit>{_alt(T.AGE_UNITS)})(?:-|{_S})olds?{_WEND}
  | (?P<age_n2>{_PLAIN_L}){_S}years{_S}of{_S}age{_WEND}"""  # 18-year-old, 18 years of age
_RELDATE = rf"""(?P<rel_n>{_NUMBER})(?:-|{_S})(?P<rel_unit>{_TIME_UNIT})
    {_S}(?:ago|from{_S}now|hence){_WEND}"""  # three years ago
_AGE_BEFORE = rf"""{_START}(?P<age_word>as{_S}(?:young|old){_S}as|aged|age{_S}of
    | (?:between{_S}the{_S})?ages{_S}of|ages?)
    {_S}(?P<age_lo>{_PLAIN_L})(?:(?:{_S}?[-–]{_S}?|{_S}(?:to|and){_S})(?P<age_hi>{_PLAIN}))?{_END}"""

_MONTH = _START + _cased(MONTHS) + r"\.?" + _WEND
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\p{L}\p{N}])"
_YEAR4 = r"(?:1[89]|20)\d\d(?!\p{N})"
_DATE = rf"""(?:{_START}{_cased(WEEKDAYS)}\.?,?{_S})?
    (?:{_MONTH}{_S}{_DAY}(?:{_S}?[-–]{_S}?{_DAY})?(?:,?{_S}{_YEAR4})?        # April 28, 2025
     | {_LEFT_DIGIT}{_DAY}(?:{_S}?[-–]{_S}?{_DAY})?{_S}(?:of{_S})?{_MONTH}(?:,?{_S}{_YEAR4})?  # 24 April
     | {_MONTH},?{_S}{_YEAR4})                                                # April 2025
  | {_LEFT_DIGIT}{_YEAR4}-(?:1[0-2]|0?[1-9])-(?:3[01]|[12]\d|0?[1-9])(?!\p{{N}})  # 2024-10-03
  | {_LEFT_DIGIT}\d{{1,2}}[/.]\d{{1,2}}[/.](?:\d{{4}}|\d\d)(?!\p{{N}}|[/.]\p{{N}})  # 10/03/2024
"""
_AMPM = r"(?:[ap]\.m\.?|[ap]m)" + _WEND
_TIME = rf"""{_LEFT_DIGIT}(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:{_S}?{_AMPM})?(?!\p{{N}}|[:.]\p{{N}})
  | {_LEFT_DIGIT}(?:1[0-2]|0?[1-9])(?:[.:][0-5]\d)?{_S}?{_AMPM}        # 9 a.m., 9.30pm
  | (?:{_LEFT_DIGIT}(?:1[0-2]|0?[1-9])|{_LEFT_WORD}{_W_SMALL}){_S}o['’]clock{_WEND}"""
_URL = r"(?:https?://|www\.)[^\s<>\"'()\[\]{}]{1,2000}"  # numbers in links are not numbers

_PHRASE = regex.compile(rf"""(?<![\p{{L}}\p{{N}}_])(?=[\p{{L}}\p{{N}}$€£₩¥₽₴₹])(?:  # fast reject: no phrase starts mid-word
    (?P<skip>{_URL})                                      # numbers in links are not numbers
  | (?P<date>{_DATE})
  | (?P<time>{_TIME})
  | (?P<decade>{_LEFT_DIGIT}(?:1[89]|20)\d0s)(?![\p{{L}}\p{{N}}])   # the 1990s
  | (?P<ordinal>{_LEFT_DIGIT}\d{{1,9}}(?:st|nd|rd|th))(?![\p{{L}}\p{{N}}_])  # 4th
  | (?P<agebefore>{_AGE_BEFORE})                          # as young as 18, aged 18
  | (?P<magnitude>{_START}magnitude(?:-|{_S})(?P<mag_n>{_LEFT_DIGIT}{_DIGITS})){_END}
  | (?P<hedge>{_HEDGE})?                                  # about, at least, up to
    (?:(?P<ratio>{_RATIO})                                # one in 10
     | (?P<ageafter>{_AGE_AFTER})                         # 18-year-old
     | (?P<reldate>{_RELDATE})                            # three years ago
     | (?P<qty>{_QTY})))                                  # everything else
""", _FLAGS)
_SIGNS = "".join(k for k in T.CURRENCY_SIGNS if len(k) == 1)
_FIRST_WORDS = {w.split()[0].rstrip(".") for w in (*T.HEDGES, *T.VAGUE_AMOUNTS)} | {
    w.lower() for w in (*UNIT_WORDS, *TENS_WORDS, *T.SCALES, *MONTHS, *WEEKDAYS, *T.CURRENCY_CODES)} | {
    "between", "from", "as", "aged", "age", "ages", "magnitude", "half", "a", "an", "us", "c", "hk",
    "http", "https", "www"}
# Where a phrase can start (a superset): _PHRASE is only tried at these places, which
# keeps long runs of digits, letters or punctuation cheap.
_CANDIDATE = regex.compile(rf"""{_LEFT_DIGIT}\d                 # 14,000
  | [{_SIGNS}](?=\d)                                   # $5
  | {_START}{_alt(_FIRST_WORDS)}(?![\p{{L}}\p{{N}}])  # about, two, April, US$""", _FLAGS)
_PREFIX = 64  # no phrase starts further than this before its first core
_CORE = regex.compile(rf"""{_LEFT_DIGIT}\d               # every phrase holds a core: a digit
  | {_START}{_alt({*UNIT_WORDS, *TENS_WORDS, *T.SCALES, *T.VAGUE_NEED_OF} - {"one"})}s?(?![\p{{L}}])  # two, thousands
  | {_START}one(?=-|{_S}o['’]clock)""", _FLAGS)  # one-year; "one" alone is not a number
_QTY_ONLY = regex.compile(rf"(?P<hedge>{_HEDGE})?(?P<qty>{_QTY})", _FLAGS)  # fallback

_DIGIT_PARTS = regex.compile(r"""([\d,]+(?:\.\d+)?)                 # the digits
    (\s?(?:""" + alternation(SCALE_SUFFIXES) + r""")(?![a-z]))?      # a glued scale
    (.*)""", _FLAGS | regex.DOTALL)                                 # scale words
_WORD = regex.compile(r"[\p{L}]+")
_YEAR_SHAPE = regex.compile(r"(?:19|20)\d\d")
_YEAR_IN = regex.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_INT_IN = regex.compile(r"\d+")
_NEXT_WORDS = regex.compile(r"(?:[^\S\r\n]{1,3}([\p{L}'’]{1,40})){1,3}")
_GLUED_WORD_AFTER = regex.compile(r"-\p{L}")


# ---- resolving a span --------------------------------------------------------------
def _norm(s: str) -> str:
    return " ".join(s.lower().replace("’", "'").split())


def _tidy(d: Optional[Decimal]):
    if d is None:
        return None
    return tidy_number(int(d) if d == d.to_integral_value() else float(d))


def _words_value(s: str) -> Decimal:
    """The value of a number written in words: "two hundred and fifty", "a half-dozen"."""
    total, current, half = Decimal(0), Decimal(0), False
    for w in _WORD.findall(s.lower()):
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
    value = total + current
    return value / 2 if half else value


def _number_value(s: str) -> Decimal:
    """The value of one number: "14,000", "2.5bn", "1.3 million", "twenty-five"."""
    m = _DIGIT_PARTS.match(s)
    if not m:
        return _words_value(s)
    value = Decimal(m.group(1).replace(",", ""))
    if m.group(2):
        value *= SCALE_SUFFIXES[m.group(2).strip().lower()]
    for w in _WORD.findall(m.group(3).lower()):
        value *= T.SCALES.get(w, 1)
    return value


def _spread_scale(lo_text: str, lo: Decimal, hi_text: str, hi: Decimal) -> Decimal:
    """Give a range's low end the high end's scale: "1.2-1.5 million", "$1-2bn", "10-12,000"."""
    if not lo_text[0].isdigit() or "," in lo_text or _WORD.search(lo_text):
        return lo
    hi_digits = _DIGIT_PARTS.match(hi_text)
    base = Decimal(hi_digits.group(1).replace(",", "")) if hi_digits else hi
    if base and hi != base and lo * hi / base <= hi:
        return lo * hi / base  # the high end carries a scale word or suffix
    lead = hi_text.split(",")[0]
    if hi == base and "," in hi_text and lead.isdigit() and lo < int(lead) < lo * 10:
        return lo * 1000 ** hi_text.count(",")  # 10-12,000 is 10,000-12,000
    return lo


def _bounded(low, high, approx: bool, vague: bool, bound: Optional[str]) -> Value:
    """The interval [low, high], opened on one side by a LOWER_BOUND or UPPER_BOUND."""
    if bound == LOWER_BOUND:
        return Value(_tidy(low), None, approx, LOWER_BOUND)
    if bound == UPPER_BOUND:
        return Value(None, _tidy(high), approx, UPPER_BOUND)
    return Value(_tidy(low), _tidy(high), approx, VAGUE if vague else EXACT)


def _hedging(m, posts=("post", "post2")) -> tuple[bool, Optional[str], bool]:
    """(approx, bound, hedged) from the hedge before a number and the postfixes after it."""
    how = T.HEDGES.get(_norm(m.group("hedge"))) if m.group("hedge") else None
    kinds = [T.POSTFIXES[_norm(m.group(p))] for p in posts if m.group(p)]
    bound = next((k for k in kinds if k != T.APPROX), None) or (how if how != T.APPROX else None)
    return T.APPROX in kinds or how == T.APPROX, bound, how is not None or bool(kinds)


def _kind_of(cur: Optional[str], unit: Optional[str]) -> tuple[str, Optional[str]]:
    """(quantity, unit) from a currency sign and a unit tail such as " mm", "-ton", " of dollars"."""
    if cur:
        return MONEY, T.CURRENCY_SIGNS.get(_norm(cur)) or cur.strip().upper()
    if not unit:
        return COUNT, None
    key = _norm(unit.lstrip("-"))
    key = key[3:] if key.startswith("of ") else key
    if key.upper() in T.CURRENCY_CODES:
        return MONEY, key.upper()
    return T.UNITS.get(key, (COUNT, None))


def _plural_follows(text: str, pos: int, end: int) -> bool:
    """Whether one of the next three words is a plural noun ("North Korean troops")."""
    m = _NEXT_WORDS.match(text, pos, end)
    for word in m.captures(1) if m else ():
        w = word.lower().replace("’", "'")
        if w in T.IRREGULAR_PLURALS or (word.islower() and len(w) > 3 and w.endswith("s")
                                        and not w.endswith(("ss", "us", "is", "'s"))):
            return True
    return False


def _start(m, ranged: bool) -> int:
    """Where a quantity phrase starts: its hedge, range opener, currency or number."""
    for name in ("hedge",) + (("between", "from") if ranged else ()) + ("cur", "vague", "lo"):
        if m.group(name):
            return m.start(name)
    return m.start()


def _phrase(text: str, start: int, stop: int, value: Value, kind: tuple) -> NumberPhrase:
    return NumberPhrase(start, stop, text[start:stop], value, kind[0], kind[1])


def _year(m, text: str, end: int):
    """(phrases, resume) when a bare 1900-2099 number (or span of them) is a year, else None.

    A year-shaped number stays a count only when a hedge or "between" comes before it
    and a plural noun after it: "about 2000 troops".
    """
    g = m.group
    lo_t, hi_t, unit = g("lo"), g("hi"), g("unit") or g("lounit")
    if g("cur") or g("post") or g("post2") or (unit and _norm(unit) != "won"):
        return None
    if not _YEAR_SHAPE.fullmatch(lo_t) or hi_t and not (
            _YEAR_SHAPE.fullmatch(hi_t) or len(hi_t) == 2 and hi_t.isdigit()):
        return None
    stop = m.end("hi") if hi_t else m.end("lo")
    if (g("hedge") or g("between")) and _plural_follows(text, stop, end):
        return None
    lo = hi = int(lo_t)
    if hi_t:
        hi = int(hi_t) + (lo - lo % 100 if len(hi_t) == 2 else 0)
        if hi <= lo:
            return [], m.end()
    start = _start(m, True) if hi_t and (g("between") or g("from")) else m.start("lo")
    value = Value(lo, hi, False, RANGE if hi_t else EXACT)
    return [_phrase(text, start, stop, value, (YEAR, None))], stop


def _vague(m, text: str, end: int):
    g = m.group
    key = _norm(g("vague").replace("-", " "))
    if key in T.VAGUE_AMOUNTS:
        lo, hi = (Decimal(x) for x in T.VAGUE_AMOUNTS[key])
    else:  # several hundred, a few thousand: a quantifier times its scale words
        quantifier = next(q for q in T.VAGUE_QUANTIFIERS if key.startswith(q + " "))
        scale = Decimal(1)
        for w in key[len(quantifier):].split():
            scale *= T.SCALES[w]
        lo, hi = (x * scale for x in T.VAGUE_AMOUNTS[quantifier])
    if not g("unit") and _GLUED_WORD_AFTER.match(text, m.end(), end):
        return None, m.end()  # "thousands-strong" and the like
    _, bound, _ = _hedging(m)
    value = _bounded(lo, hi, True, True, bound)
    return [_phrase(text, _start(m, False), m.end(), value, _kind_of(g("cur"), g("unit")))], m.end()


def _resolve_qty(m, text: str, end: int):
    """(phrases, resume) for a quantity match; phrases None means "not a number here"."""
    g = m.group
    if g("vague"):
        return _vague(m, text, end)
    year = _year(m, text, end)
    if year is not None:
        return year
    lo = _number_value(g("lo"))
    hi = _number_value(g("hi")) if g("hi") else None
    if hi is not None:
        lo = _spread_scale(g("lo"), lo, g("hi"), hi)
        ok = lo < hi and not (g("cur2") and not g("cur")) and (
            not g("lounit") or _kind_of(None, g("lounit")) == _kind_of(None, g("unit")))
        if ok:
            approx, _, hedged = _hedging(m)
            kind = _kind_of(g("cur"), g("unit") or g("lounit"))
            value = Value(_tidy(lo), _tidy(hi), hedged, RANGE)
            return [_phrase(text, _start(m, True), m.end(), value, kind)], m.end()
        if g("conn") in ("-", "–"):
            return [], m.end()  # a score such as "3-2", not a range
        return _single(m, text, end, _number_value(g("lo")), m.end("lounit") if g("lounit") else m.end("lo"),
                       g("lounit"), ())
    return _single(m, text, end, lo, m.end(), g("unit") or g("lounit"), ("post", "post2"))


def _single(m, text: str, end: int, value: Decimal, stop: int, unit: Optional[str], posts: tuple):
    """One number, hedged or bounded: "about 14,000", "at least 1,000", "10 or more"."""
    g = m.group
    if _norm(g("lo")) == "one" and not (unit or "").startswith("-"):
        return None, stop  # "one of", "one soldier": a determiner, not a count
    if not unit and not any(g(p) for p in posts) and text[stop - 1].isalpha() \
            and _GLUED_WORD_AFTER.match(text, stop, end):
        return None, stop  # "two-thirds", "twenty-something"
    approx, bound, _ = _hedging(m, posts)
    return [_phrase(text, _start(m, False), stop, _bounded(value, value, approx, False, bound),
                    _kind_of(g("cur"), unit))], stop


def _date(m, text: str, end: int):
    s = m.group("date")
    year = _YEAR_IN.search(s)
    n = int(year.group() if year else _INT_IN.search(s).group())
    return [_phrase(text, m.start(), m.end(), Value(n, n), (DATE, None))], m.end()


def _time(m, text: str, end: int):
    s = m.group("time").lower()
    digits = _INT_IN.findall(s)
    hour = int(digits[0]) if digits else int(_words_value(s))
    minutes = int(digits[1]) if len(digits) > 1 else 0
    if regex.search(r"p\.?m", s) and hour < 12:
        hour += 12
    elif regex.search(r"a\.?m", s) and hour == 12:
        hour = 0
    value = _tidy(Decimal(hour) + Decimal(minutes) / 60) if minutes % 15 == 0 else round(hour + minutes / 60, 4)
    return [_phrase(text, m.start(), m.end(), Value(value, value), (TIME, None))], m.end()


def _simple(name: str, quantity: str, unit: Optional[str] = None):
    """A resolver for a shape whose value is the one number in group ``name``."""
    def resolve(m, text: str, end: int):
        n = _tidy(_number_value(m.group(name)))
        return [_phrase(text, m.start(), m.end(), Value(n, n), (quantity, unit))], m.end()
    return resolve


def _decade(m, text: str, end: int):
    first = int(m.group("decade")[:4])
    value = Value(first, first + 9, False, RANGE)
    return [_phrase(text, m.start(), m.end(), value, (YEAR, None))], m.end()


def _age_before(m, text: str, end: int):
    g = m.group
    lo = _number_value(g("age_lo"))
    hi = _number_value(g("age_hi")) if g("age_hi") else None
    word = _norm(g("age_word"))
    if hi is not None and hi > lo:
        value = Value(_tidy(lo), _tidy(hi), False, RANGE)
    else:
        bound = LOWER_BOUND if "young" in word else UPPER_BOUND if word.startswith("as old") else None
        value = _bounded(lo, lo, False, False, bound)
    return [_phrase(text, m.start(), m.end(), value, (AGE, "year"))], m.end()


def _hedged(name: str, quantity: str, unit_group: Optional[str]):
    """A resolver for a hedged shape: "18-year-old", "more than three years ago"."""
    def resolve(m, text: str, end: int):
        n = _number_value(m.group(name) or m.group(name + "2"))
        unit = T.UNITS[_norm(m.group(unit_group))][1] if unit_group and m.group(unit_group) else "year"
        approx, bound, _ = _hedging(m, ())
        return [_phrase(text, m.start(), m.end(), _bounded(n, n, approx, False, bound), (quantity, unit))], m.end()
    return resolve


def _ratio(m, text: str, end: int):
    lo, hi = _number_value(m.group("ra_lo")), _number_value(m.group("ra_hi"))
    if not 0 < hi or lo > hi or _norm(m.group("ra_lo")) in ("a", "an"):
        return None, m.end()
    approx, bound, _ = _hedging(m, ())
    share = lo / hi
    return [_phrase(text, m.start(), m.end(), _bounded(share, share, approx, False, bound), (RATIO, None))], m.end()


_RESOLVERS = (  # group name -> resolver, in the order the alternatives are tried
    ("skip", lambda m, text, end: ([], m.end())),
    ("date", _date),
    ("time", _time),
    ("decade", _decade),
    ("ordinal", lambda m, text, end: _simple("ordinal", ORDINAL)(m, text, end)),
    ("agebefore", _age_before),
    ("magnitude", _simple("mag_n", MEASURE, "magnitude")),
    ("ratio", _ratio),
    ("ageafter", _hedged("age_n", AGE, "age_unit")),
    ("reldate", _hedged("rel_n", DATE, "rel_unit")),
    ("qty", _resolve_qty),
)


def _search(pattern, text: str, pos: int, end: int, deadline: float, anchored: bool = False):
    timeout = max(deadline - time.monotonic(), 1e-3)
    if anchored:
        return pattern.match(text, pos, end, timeout=timeout)
    return pattern.search(text, pos, end, timeout=timeout)


def _next_match(text: str, pos: int, end: int, deadline: float):
    """The leftmost ``_PHRASE`` match at or after ``pos``, tried only at candidates near cores."""
    tried = pos  # every start before ``tried`` has been tried
    while True:
        core = _search(_CORE, text, tried, end, deadline)
        if core is None:
            return None
        window = max(tried, core.start() - _PREFIX)
        timeout = max(deadline - time.monotonic(), 1e-3)
        for candidate in _CANDIDATE.finditer(text, window, core.end(), timeout=timeout):
            m = _search(_PHRASE, text, candidate.start(), end, deadline, anchored=True)
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
    deadline = time.monotonic() + 1.0 + (end - pos) * _SECONDS_PER_CHAR
    found: list[NumberPhrase] = []
    try:
        while pos < end:
            m = _next_match(text, pos, end, deadline)
            if m is None:
                break
            name, resolve = next((n, r) for n, r in _RESOLVERS if m.group(n) is not None)
            phrases, resume = resolve(m, text, end)
            if phrases is None and name != "qty":  # e.g. "10 in 5": read it as a quantity
                m = _search(_QTY_ONLY, text, m.start(), end, deadline, anchored=True)
                phrases, resume = _resolve_qty(m, text, end) if m else (None, resume)
            found.extend(phrases or ())
            pos = max(resume, m.start() + 1)
    except (TimeoutError, ArithmeticError):
        pass  # a backstop: the patterns are linear, but never hang or raise on odd input
    return found
