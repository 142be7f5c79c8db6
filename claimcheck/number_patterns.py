"""The number grammar: named regex pieces composed into the patterns that find number
phrases, and the quick looks that say where they may start.

The patterns are compiled on first use (:func:`shapes`, :func:`quick_patterns`,
:func:`phrase`), so importing this module, as every command does, costs nothing until
numbers are read. How matches become values is in :mod:`claimcheck.numbers`; word
tables are in :mod:`claimcheck.number_tables` and :mod:`claimcheck.vocab`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import regex

from . import number_tables as T
from .models import PERCENT
from .vocab import MONTHS, SCALE_SUFFIXES, TENS_WORDS, WEEKDAYS, alternation

_FLAGS = regex.VERBOSE | regex.IGNORECASE
_BLANK = r"[^\S\r\n]"  # a space or a tab, not a line break


def _compile(pattern: str) -> regex.Pattern:
    """``pattern`` compiled with the grammar's flags, its blanks matched case-sensitively:
    no blank has another case, so they match the same characters, and the engine tests
    them without looking up every character's cases (fewer instructions)."""
    return regex.compile(pattern.replace(_BLANK, f"(?-i:{_BLANK})"), _FLAGS)


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
# A space, or one line break. "\r?" is written "(?:\r\n|\n)" (the same strings, tried in
# the same order): the engine resets every repeat of a pattern at each call, and this
# piece is in the patterns hundreds of times.
_S = r"(?:[^\S\r\n]{1,3}|[^\S\r\n]{0,3}(?:\r\n|\n)[^\S\r\n]{0,3})"
_START = r"(?<![\p{L}\p{N}_])"  # not glued to a word on the left
_LEFT_WORD = r"(?<![\p{L}\p{N}_/@])(?<!\p{L}-)"  # nor in a path, nor after "Su-"
_LEFT_DIGIT = r"""(?<![\p{L}\p{N}_/@\#=&~\\])         # not in an identifier, path or query
    (?:(?<!\p{L}-)|(?<=(?<!\p{L})(?:mid|pre|post)-))  # F-16 no, mid-2024 yes
    (?<!\p{N}[.,:/\-–+])(?<!\p{L}[.:])                # not the tail of 1.2.3, 24/7, 5+1, x.2
"""
_END = r"(?![\p{L}\p{N}_@])(?![-–/:.,+]\p{N})"  # a phrase is not glued to more on the right
_WEND = r"(?![\p{L}])"  # end of a word

_DIGITS = r"""(?:(?!0\d)                                # no leading zero: "14 000", "007", "0930"
     | (?=0{2,}\d{2}|0\d{1,2}\.\d))                  # but "0033" and "01.10" are numbers
    (?>\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,12})?          # 14,000 / 1,300,000.5
     | \d{1,3}(?:[\u00a0\u202f\u2009]\d{3}){1,6}(?:\.\d{1,12})?  # 14 000 with a no-break or thin space
     | \d{1,3}(?:\x20\d{3}){2,6}(?!\p{N})(?:\.\d{1,12})?  # 1 234 567: two groups or more after a plain
                                                      # space (one may part two numbers: "May 5 300")
     | (?<=(?<![\s\S])[^\S\r\n]{0,3}|[\r\n][^\S\r\n]{0,3})  # 40 300 opening a text or line; after
       \d{1,3}\x20\d{3}(?![\p{N}]|\x20\d)             # anything, two numbers ("May 5 300")
     | \d{1,3}\x20(?=0)\d{3}(?![\p{N}]|\x20\d)         # but "12 000" anywhere: "000" is no number
     | \d{1,15}(?:\.\d{1,12}(?:e[+-]?\d{1,3}(?![\p{L}\p{N}]))?  # 14000 / 1.3 / 1.3e6 (atomic)
       | e(?:[+-]\d{1,3}|\d{2,3})(?![\p{L}\p{N}]))?  # 1e10, 12e-1; not the Boeing 7E7
     | (?<![\p{L}\p{N}_.,])\.\d{1,12})                 # .08
    (?!\p{N})(?![.,]\p{N})                            # never part of 1,2,3 or 1.2.3
"""
_SCALE = _alt(T.SCALES) + "s?" + _WEND  # hundred, thousand, ..., dozen; "3 dozens", "three billions"
# A spaced scale letter ends a sum ("$1.5 M raised") or a number before nothing or a
# plural ("2.33 k.", "10 k votes"); before a singular word it is a name or a unit ("a 5 K
# run", "the 100 M final", "the 4.5 G network").
_SPACED_LETTER_END = r"""(?:(?<=\p{Sc}[^\S\r\n]{0,2}[\d.,]{1,20}[^\S\r\n]{1,2}[kKMG])  # after a currency sign
    | (?![^\S\r\n]+(?-i:[a-z]+)(?<!s)(?!\w)))        # else no singular word after it
"""
_SUFFIX = rf"""(?:{_alt(SCALE_SUFFIXES)}                # 2.5bn, 300k, $3m
    | \x20{_alt(k for k in SCALE_SUFFIXES if len(k) > 1)}  # 3 mn
    | [^\S\r\n]{{1,2}}(?-i:{alternation(T.SPACED_SUFFIXES)}){_SPACED_LETTER_END}  # 2.33 k, $1.5 M
    | (?<=[.,]\d{{1,12}})[^\S\r\n]{{1,2}}(?-i:{alternation(T.GROUPED_SUFFIXES)}){_SPACED_LETTER_END})  # 1,674.5 G
    (?![\p{{L}}\p{{N}}])
"""

_W_SMALL = rf"""(?:{_alt(TENS_WORDS)}                   # twenty
      (?:(?:[^\S\r\n]?-[^\S\r\n]?|[^\S\r\n]{{1,3}})  # -, " - ", spaces
         {_alt(k for k, v in T.SMALL_WORDS.items() if 1 <= v <= 9)})?  # five
    | {_alt(T.SMALL_WORDS)}){_WEND}                   # seventeen, nought
"""
_W_UNIT = _alt(k for k, v in T.SMALL_WORDS.items() if 1 <= v <= 9) + _WEND  # one ... nine
_W_STEP = rf"(?:-|{_S}){_SCALE}(?:(?:{_S}and)?(?:-|{_S}){_W_SMALL})?"  # " hundred and fifty"
_DENOM = rf"""(?:{_alt(TENS_WORDS)}-{_alt(T.UNIT_ORDINALS)}s?  # twenty-first(s)
    | {_alt(T.PLURAL_DENOMINATORS)} | {_alt(T.DENOMINATORS)}s?){_WEND}  # halves, thirds, a hundredth
"""
_FRACTION_SCALE = rf"(?:(?:-|{_S})(?:of{_S}an?{_S})?{_SCALE})?"  # two thirds of a million
_OVER = rf"(?:{_S}?-{_S}?|{_S})"  # one-eighth, five - eighths, two thirds
_AND_FRACTION = rf"""(?:(?:{_S}and{_S}{_W_SMALL}(?={_S}and{_S}))?  # and three (and three fifths)
    {_S}and{_S}(?:an?|{_W_SMALL}){_OVER}{_DENOM}{_FRACTION_SCALE})  # and a half
"""
_W_INT = rf"(?:{_W_SMALL}|an?(?=(?:-|{_S}){_SCALE}))(?:{_W_STEP}){{0,4}}"  # two hundred and fifty, a hundred
_ORDINAL_HEAD = rf"(?:{_W_SMALL}(?:{_W_STEP}){{0,3}}(?:{_S}and)?(?:-|{_S}))"  # one hundred (and), twenty
_COMPOUND_DENOM = rf"{_ORDINAL_HEAD}{_alt(T.SPACED_COMPOUND_ORDINALS)}s?{_WEND}"  # twenty firsts, one hundred fifth
_ZERO = rf"(?-i:{alternation(T.ZERO_WORDS)}){_WEND}"  # nil (lower case only)
_WORD_NUMBER = rf"""(?:
    an?{_OVER}{_DENOM}{_FRACTION_SCALE}               # a fifth, a half-dozen
  | (?:half|quarter){_S}{_SCALE}                      # half million
  | (?:an?[-\s]half|half{_S}an?)(?:-|{_S}){_SCALE}   # a half-dozen, half a million
  | {_W_UNIT}{_S}{_alt(TENS_WORDS)}(?:[^\S\r\n]?-[^\S\r\n]?|{_S}){_W_UNIT}  # one twenty two: 122
  | {_ORDINAL_HEAD}{_alt(T.SPACED_COMPOUND_ORDINALS)}(?![\p{{L}}\-])  # twenty first (century): an
                                                      # ordinal, which the resolver drops
  | {_W_INT}(?:{_OVER}(?:{_COMPOUND_DENOM}|{_DENOM}){_FRACTION_SCALE})?  # two hundred, two thirds,
                                                      # three twenty firsts (the resolver splits them)
  | dozen{_WEND} | {_ZERO})                          # "a" alone is never a number; nil
"""
_W_DIGIT = _alt(k for k, v in T.SMALL_WORDS.items() if v <= 9) + _WEND  # zero ... nine, nought
_POINT = rf"""{_S}point{_S}                             # "point": a decimal point in words
    (?:{_W_DIGIT}(?:{_S}{_W_DIGIT}){{0,11}}           # nought four, zero three
     | {_W_SMALL}                                     # seventy-one
     | \d{{1,12}}(?!\p{{N}}))                          # 1 point 1
    (?:{_S}{_SCALE})?                                 # two point two million
"""
_DIGIT_NUMBER = rf"""{_DIGITS}(?:{_SUFFIX}              # digits with a scale suffix
    | (?:(?:-|{_S}){_SCALE}){{1,2}})?                 # or words: 1.3 million
"""
_D_SMALL = r"\d{1,3}(?!\p{N}|[.,]\p{N})"  # 21, not 21.5 nor 21,000
_DIGIT_STEPS = rf"""(?:{_S}{_D_SMALL}(?:-|{_S}){_SCALE}){{0,3}}  # 4 thousand 3 hundred
    (?:(?<={_alt(k for k, v in T.SCALES.items() if v >= 1000)}s?)  # 6 crore and two hundred (not "3 dzs and
       {_S}and{_S}{_W_SMALL}(?:-|{_S})hundred(?!s|{_S}{_SCALE})  # five dozs", "3 thousand and five thousand")
       (?!{_S}\p{{Ll}})                                # nor "$5 million and two hundred jobs": two quantities
     | (?<=hundreds?){_S}and{_S}(?:\d{{1,2}}(?!\p{{N}}|[.,]\p{{N}})|{_W_SMALL}))?  # 3 hundred and 21, and one
"""
_POWER = r"\^[+-]{0,2}\d{1,3}(?!\p{N}|[.,]\p{N})"  # 1.1^23, 2.5^-1
_DIGIT_FRACTION = rf"""(?=\d{{1,2}}/|\d{{1,3}}[^\S\r\n]{{1,2}}\d)  # a quick look: 3/ or 2 1
    (?<!{_alt(T.DATE_PREPOSITIONS)}{_S})              # not "on 1/4": a date
    (?:\d{{1,3}}[^\S\r\n]{{1,2}})?               # 2 1/2: a whole number before
    [1-9]\d?/(?:{alternation(T.DIGIT_DENOMINATORS)})  # 3/4 (the resolver wants 3 < 4)
    (?![\p{{N}}/]|[.\-]\p{{N}})                   # not 5/17/2018, 9/11, 24/7
"""
# A phrase's first number may be more than a range's end or a duration's amount: a
# fraction in digits, a power, digits in a compound with scale words.
_DIGIT_FIRST = rf"""(?:{_DIGIT_FRACTION}               # 3/4, 2 1/2
  | {_DIGITS}(?:{_POWER} | {_SUFFIX}                  # 1.1^23, 2.5bn
    | (?:(?:-|{_S}){_SCALE}){{1,2}}{_DIGIT_STEPS})?)  # 1.3 million, 3 hundred and 21
"""
# What may follow any number (one copy, not one per kind: the patterns stay small).
_NUMBER_TAIL = rf"(?:{_POINT}|{_AND_FRACTION})?"  # two point two; 3 million and a half
_WORD_INT_NUMBER = rf"""(?:(?:an?[-\s]half|half{_S}an?)(?:-|{_S}){_SCALE}  # half a million
  | {_W_INT} | dozen{_WEND} | {_ZERO})               # two hundred, dozen, nil: no fractions
"""
# "point 77": a decimal with no whole number, lower case and not after a word ("at that
# point 77 people", "Point 5 of the deal" are no decimals).
_BARE_POINT = rf"""(?<![\p{{L}}\p{{N}},;][^\S\r\n]{{0,3}})(?-i:point){_S}
    (?:\d{{1,12}}(?!\p{{N}}|[.,]\p{{N}})               # point 77
     | {_W_DIGIT}(?:{_S}{_W_DIGIT}){{0,11}})           # point seven seven
"""
# Numbers with no fraction nor "point" (smaller patterns): range ends, "three years ago",
# the amounts of a duration (which reads its own "and a half").
_NUMBER_BARE = rf"(?:{_DIGIT_NUMBER}|{_WORD_INT_NUMBER})"  # inside a range: "-12,000"
_NUMBER_LITE = rf"(?:{_LEFT_DIGIT}{_DIGIT_NUMBER}|{_LEFT_WORD}{_WORD_INT_NUMBER})"
_SIMPLE_NUMBER = rf"(?:{_DIGITS}|{_W_INT})"  # no fractions, points nor suffixes: "one over three"
# A number in digits starts with a digit or a point (tests/test_numbers): before a word,
# one look skips the digits' left context and their shapes (fewer instructions).
_DIGIT_AHEAD = r"(?=[\d.])"
_NUMBER = rf"(?:{_DIGIT_AHEAD}{_LEFT_DIGIT}{_DIGIT_FIRST}|{_LEFT_WORD}(?:{_WORD_NUMBER}|{_BARE_POINT})){_NUMBER_TAIL}"
_PLAIN = rf"(?:{_DIGITS}|{_W_SMALL})"  # no scales: ages, ratios
_PLAIN_L = rf"(?:{_LEFT_DIGIT}{_DIGITS}|{_LEFT_WORD}{_W_SMALL})"

_VAGUE_WORDS = [k for k in T.VAGUE_AMOUNTS if k not in T.VAGUE_QUANTIFIERS + T.VAGUE_NEED_OF]
_VAGUE = rf"""(?:{_alt(T.VAGUE_QUANTIFIERS)}{_S}{_SCALE}(?:{_S}{_SCALE})?  # several hundred
  | {_alt(_VAGUE_WORDS)}{_WEND}                       # dozens, tens of thousands
  | {_alt(T.VAGUE_NEED_OF)}(?={_S}of{_WEND}))         # scores of
"""
_CODES = rf"(?-i:{alternation(T.CURRENCY_CODES)})"  # USD, EUR: upper case only
_CUR = rf"""(?:{_alt(T.CURRENCY_SIGNS)}[^\S\r\n]?(?=\d)  # $5, US$5, €5, "$ 75" (tokenized)
  | {_CODES}{_S}?)                                    # USD 5
"""
# No unit, filler nor code starts with a blank or a dash (tests/test_numbers): with none
# before it, a unit is tried only where neither stands, not tried again after a failed
# " troops" at its blank (fewer instructions).
_UNIT_GLUED = r"(?=[^\s\-])"
_UNIT = rf"""(?:{_S}?{_alt(k for k, (q, _) in T.UNITS.items() if q == PERCENT)}  # 5%, 5 per cent
  | (?:-|{_S}|{_UNIT_GLUED})(?:(?:{_alt(T.TIME_UNIT_FILLERS)}{_S}(?={_alt(T.TIME_UNITS)}{_WEND}))?  # two more years
               (?:{_alt(k for k, (q, _) in T.UNITS.items() if q != PERCENT)}   # 120 mm, 5,000-ton
               | {_CODES})))                          # 5 million USD
    (?![\p{{L}}\p{{N}}_])
"""
# The first characters of the units that are no word ("%", "°", "₦"): after a number,
# they or a word say a unit follows (a small stand-in for _UNIT in a lookahead).
_UNIT_SIGNS = "".join(sorted({regex.escape(k[0]) for k in T.UNITS if not k[0].isalpha()}))
_POST = rf"""(?:{_S}{_alt(k for k in T.POSTFIXES if k[0] not in "-+")}  # or more, or so
  | {alternation(k for k in T.POSTFIXES if k[0] in "-+")})(?![\p{{L}}\p{{N}}_])  # -plus, +, -odd
"""
_TIME_UNIT = _alt(T.TIME_UNITS) + _WEND  # days, months, years
_NEG = rf"""(?:{_START}{_alt(T.NEGATIVES)}{_S}         # minus 5, negative one
  | (?<![\p{{L}}\p{{N}}_.,\-–])-(?=\.?\d)          # -504, but not 3-5 nor F-16
  | (?<![\s\S])-[^\S\r\n]{{1,2}}(?=\d))           # "- 10" opening a text (elsewhere a dash)
"""
_HEDGE = rf"{_START}{_alt(T.HEDGES)}{_S}"  # about, at least, up to
_CONN = rf"""(?(between){_S}and{_S}                  # between 10 and 12
  | (?(from){_S}to{_S}                               # from 10 to 12
  | (?:{_S}?[-–—]{_S}?|{_S}(?:to|or){_S})))          # 10-12, 10 to 12, two or three
"""

# ---- phrase shapes -------------------------------------------------------------------
_QTY = rf"""{_START}
    (?:(?P<between>between){_S}|(?P<from>from){_S})?      # range openers
    (?P<cur>{_CUR})?                                      # $, €, US$, USD
    (?P<neg>{_NEG})?                                      # minus, negative, -
    (?:(?P<pair>{_LEFT_WORD}an?{_S}{_alt(T.PAIR_WORDS)}(?:{_S}of)?{_WEND}(?:{_S}{_SCALE})?)  # a couple (of) (hundred)
     | (?P<vague>{_LEFT_WORD}{_VAGUE})                    # thousands, a few hundred
     | (?P<lo>{_NUMBER})                                  # 14,000
       (?P<restate>{_S}\((?:{_DIGITS}|{_W_SMALL})\))?  # forty-five (45): said twice (contracts)
       (?P<over>{_S}over{_S}(?!(?:19|20)\d\d(?!\p{{N}}))(?P<ov_den>{_SIMPLE_NUMBER})  # one over three, a
         (?!{_S}?[\p{{L}}\p{{N}}{_UNIT_SIGNS}]|-\p{{L}}))?  # fraction when nothing is counted after it
       (?P<lounit>{_UNIT})?                           # 5% (of 5% to 10%)
       (?:(?P<conn>{_CONN})(?P<cur2>{_CUR})?(?P<hi>{_NUMBER_BARE}))?  # -12,000, to $12bn
       (?P<post>{_POST})?)                                # or more, -plus, -odd
    (?:(?(lo)(?(lounit)|(?(conn)|(?(post)|(?!)))))        # (after a bare number lounit has tried here:
       (?P<unit>(?(vague){_S}of)?{_UNIT}))?               # its failure is this one's) 120 mm, of dollars
    (?P<post2>{_S}or{_S}(?:so|more){_WEND})?             # 10 days or so
    {_END}
"""
_RATIO = rf"""(?P<ra_lo>{_PLAIN_L}){_S}(?:in|out{_S}of(?:{_S}every)?|(?:of|in){_S}every){_S}  # one in
    (?!(?:19|20)\d\d(?!\p{{N}}))(?P<ra_hi>{_PLAIN})     # 10, but not "25 in 2024"
    (?!(?:-|{_S}){_TIME_UNIT}){_END}                   # nor "3 in 20 minutes"
"""
_AGE_AFTER = rf"""(?P<age_n>{_PLAIN_L})(?:-|{_S})      # 18- (the number read once for both shapes)
    (?P<age_unit>{_alt(T.AGE_UNITS)})(?:(?:-|{_S})olds?|{_S}of{_S}age){_WEND}  # year-old, weeks of age
"""
_RELDATE = rf"""(?P<rel_n>{_NUMBER_LITE})(?:-|{_S})(?P<rel_unit>{_TIME_UNIT})  # three years
    {_S}(?:ago|from{_S}now|hence){_WEND}              # ago: a date, not a duration
"""
_UNIT_FRACTION = rf"""{_S}and{_S}(?:(?:an?|one|two|three){_S})?  # and a, and three
    {_alt(T.UNIT_FRACTIONS)}{_WEND}                   # half, quarters
"""
_DUR_AMOUNT = rf"(?:{_NUMBER_LITE}|{_LEFT_WORD}an?(?=(?:-|{_S}){_TIME_UNIT}))"  # 1.5, two, an (hour)
DUR_PART = rf"""(?P<amount>{_DUR_AMOUNT})(?P<fraction>{_UNIT_FRACTION})?  # one and a quarter
    (?:-|{_S})(?:of{_S})?(?P<unit>{_TIME_UNIT})       # hour, of hours
    (?P<half>{_S}and{_S}(?:an?{_S})?half{_WEND})?     # and a half
"""
# The piece once more, inside the phrase pattern: its fraction and "and a half" named for
# the check after the first piece.
_DUR_PART_IN = regex.sub(r"\(\?P<(\w+)>", lambda m: {"fraction": "(?P<dur_f>", "half": "(?P<dur_h>"}.get(
    m[1], "(?:"), DUR_PART)
_DUR_MORE = rf"""(?:(?:,?{_S}and|,){_S}(?:\p{{N}}|(?:an?{_S})?(?:half|quarter|{_TIME_UNIT})|{_W_SMALL})  # and a half, , 3 months
  | (?<=hours?){_S}\p{{L}} | {_S}\p{{N}})          # 1 hour thirty, 2 years 3 months
"""
_DURATION = rf"""(?P<dur_half>(?:{_START}half|{_LEFT_DIGIT}1/2)  # half, 1/2
      {_S}(?:an?{_S})?{_TIME_UNIT})                    # an hour
  | (?P<dur_parts>(?:{_DUR_PART_IN}                   # 2 years (one copy of the piece, repeated)
        (?(dur_once)|(?(dur_f)|(?(dur_h)|(?={_DUR_MORE}))))  # after the first: more than "3 days"? (checked
        (?P<dur_once>)                                # where a piece ended, not at every candidate)
        (?:(?:,?{_S}and|,)?{_S}(?=[\p{{L}}\p{{N}}]))?){{1,6}})  # and 3 months, 4 days; the resolver trims
    (?:(?<=\s)(?P<dur_min>{_PLAIN}))?                  # 1 hour (and) thirty: minutes
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

# The shapes of a phrase, in the order they are tried: the first that matches wins.
_FIRST_SHAPES = {
    "skip": rf"(?P<skip>{_URL})",                         # numbers in links are not numbers
    "date": rf"(?P<date>{_DATE})",                        # April 24
    "time": rf"(?P<time>{_TIME})",                        # 9 a.m.
    "decade": rf"(?P<decade>{_LEFT_DIGIT}(?:1[89]|20)\d0s)(?![\p{{L}}\p{{N}}])",  # the 1990s
    "ordinal": rf"(?P<ordinal>{_LEFT_DIGIT}\d{{1,9}}(?:st|nd|rd|th))(?![\p{{L}}\p{{N}}_])",  # 4th
    "agebefore": rf"(?P<agebefore>{_AGE_BEFORE})",        # as young as 18, aged 18
    "appos": r"""(?<=\p{Lu}[\p{L}'’.\-]{1,40},[^\S\r\n])  # after a name and a comma:
        (?P<appos>(?:1[01]\d|[1-9]?\d))(?=,[^\S\r\n])""",  # "George Lowe, 89, died": an age
    "magnitude": rf"(?P<magnitude>{_START}magnitude(?:-|{_S})(?P<mag_n>{_LEFT_DIGIT}{_DIGITS})){_END}",  # magnitude 7.8
    "pct_of": rf"""(?P<pct_of>{_START}{_alt(k for k, (q, _) in T.UNITS.items() if q == PERCENT and k[0].isalpha())}
        {_S}of{_S}(?P<pct_n>{_SIMPLE_NUMBER})             # percent of 10: 10%, only
        (?!{_S}?[\p{{L}}\p{{N}}])){_END}""",             # when nothing is counted after it
}
# Then, after an optional hedge (about, at least, up to), one of these.
_HEDGED_SHAPES = {
    "ratio": rf"(?P<ratio>{_RATIO})",                     # one in 10
    "ageafter": rf"(?P<ageafter>{_AGE_AFTER})",           # 18-year-old
    "reldate": rf"(?P<reldate>{_RELDATE})",               # three years ago
    "dur": rf"(?P<dur>{_DURATION}){_END}",                # an hour and a half
    "qty": rf"(?P<qty>{_QTY})",                           # everything else
}
# All of them in one pattern (every shape with the hedge is tried before any without it).
_PHRASE = "\n  | ".join(_FIRST_SHAPES.values()) + rf"""
  | (?P<hedge>{_HEDGE})?                                  # about, at least, up to
    (?:""" + "\n     | ".join(_HEDGED_SHAPES.values()) + ")\n"


# Every phrase holds a core within _PREFIX characters of its start.
_CORE = rf"""(?=\d){_LEFT_DIGIT}\d      # a digit (looked at first: most calls are at words)
  | {_START}{_alt(T.CORE_WORDS)}s?{_WEND}             # two, hundreds, dozens, scores
  | {_START}one(?=-|{_S}o['’]clock|{_S}and{_S}|{_S}over{_S}  # one-year, one and a half, one over
      |{_S}{_alt(TENS_WORDS)}[\s-]                   # one twenty two
      |{_S}{_alt(T.AGE_UNITS)}{_S}old{_WEND})         # one year old
  | (?<=(?:minus|negative){_S})one{_WEND}             # minus one; "one" alone is no number
  | {_START}{_DENOM}                                  # (one) third, (a) trillionth
"""
# A quick look for where a core may start, run with the standard library's engine on
# lower-cased text: an ASCII digit, a core word or "one", not glued to an ASCII letter or
# digit on the left, nor on the right. It finds every start of a _CORE match (and more);
# _CORE decides.
def _trie(words) -> str:
    """An alternation of ``words`` for the standard library's engine, as a tree of shared
    prefixes ("th(?:ir(?:d|ty)|ousand)"): that engine tries alternatives one by one, so
    a flat list of a hundred words costs a hundred tests at every position."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body
    return "(?:" + build(tree) + ")"


_CORE_HINT_WORDS = {*T.CORE_WORDS, "one", *T.DENOMINATORS, *T.PLURAL_DENOMINATORS}
# The hints scan the lower-cased text with a space put before it (``padded``), and match
# the character before a start, the start itself only looked at: a start is never glued
# to an ASCII letter, digit or "_" on its left, so the character before it is none of
# them (the space stands before the first). A pattern that opens with one character
# class lets the engine skip to that class (past whole words at once) instead of trying
# the pattern at every character: several times faster. m.end() - 1 is the start in the
# unpadded text, and every start is found (a match takes only the character before it).
HINT_PAD = " "
# A core word ends a word, maybe after an "s" (_CORE's _WEND): "ten", "tens", but not
# "tense" nor "cr" in "critical".
CORE_HINT = re.compile(r"[^a-z0-9_](?=[0-9%s])(?=[0-9]|%ss?(?![a-z]))" % (  # the first characters looked at first: faster
    "".join(sorted({w[0] for w in _CORE_HINT_WORDS})), _trie(_CORE_HINT_WORDS)))
_SIGNS = "".join(k for k in T.CURRENCY_SIGNS if len(k) == 1)
_OPENERS = {*T.OPENERS, *T.SMALL_WORDS, *TENS_WORDS, *T.SCALES, *MONTHS, *WEEKDAYS, *T.CURRENCY_CODES}
# Where a phrase may start (a superset); _PHRASE is tried only there.
_CANDIDATE = rf"""{_LEFT_DIGIT}\d         # 14,000
  | {_START}{_alt(k[:-1] for k in T.CURRENCY_SIGNS if len(k) > 1)}?[{_SIGNS}][^\S\r\n]?(?=\d)  # $5, US$ 5
  | {_HEDGE}                                          # about, at least
  | {_START}an?(?=[-\s]{{1,3}}(?:half|few|{_SCALE}|{_TIME_UNIT}|{_DENOM}|{_alt(T.PAIR_WORDS)}  # a dozen, a couple,
                                 |{_alt(TENS_WORDS)}{_WEND}))  # a fifth, a twenty-first
  | (?<![\p{{L}}\p{{N}}_.,\-–])-(?=\.?\d)             # -504
  | (?<![\s\S])-[^\S\r\n]{{1,2}}(?=\d)               # "- 10" opening a text
  | (?<![\p{{L}}\p{{N}}_.,\-–])\.(?=\d)               # .08
  | {_START}{_alt(_OPENERS)}(?![\p{{L}}\p{{N}}])      # two, April, between
"""
# The same quick look for _CANDIDATE: digits, currency signs, and the first words of
# hedges, openers and "a"/"an", each ending where a word ends.
_CANDIDATE_WORDS = {h.split()[0] for h in T.HEDGES} | {w.lower() for w in _OPENERS} | {"a", "an"}
# A sign is only looked at, not consumed: "$" in "c $ 5" starts a candidate of its own.
# Scanned as CORE_HINT is; "- 10" opening the text is a dash right after the pad.
CANDIDATE_HINT = re.compile(r"[^a-z0-9_](?=[0-9]|-\.?[0-9]|\.[0-9]|%s|(?:%s)(?![a-z0-9])|(?<=^.)-\s{1,2}[0-9])" % (
    "|".join(re.escape(k).replace(r"\ ", r"\s{1,8}")  # a space in a sign: any short run
             for k in sorted(T.CURRENCY_SIGNS, key=len, reverse=True)),
    _trie(_CANDIDATE_WORDS)))
GROUPING_SPACE = regex.compile(r"(?<=\d)[\x20\u00a0\u202f\u2009](?=\d{3}(?!\d))")  # 14 000 -> 14000
DIGIT_PARTS = regex.compile(rf"""((?:[\d,]+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?)  # the digits: 14,000 / .08 / 1.3e6
    (\s{{0,2}}(?:{_alt(SCALE_SUFFIXES)}|(?-i:{alternation(T.GROUPED_SUFFIXES)}))(?![a-z]))?  # 2.5bn, 10  k
    (.*)                                               # scale words
""", _FLAGS | regex.DOTALL)
NEXT_WORDS = regex.compile(r"(?:[^\S\r\n]{1,3}([\p{L}'’]{1,40})){1,3}")  # up to three words
GLUED_WORD_AFTER = regex.compile(r"-\p{L}")
WORD_AFTER = regex.compile(r"[^\S\r\n]{1,3}(?!of(?!\p{L}))\p{L}")  # a next word, not "of"


@lru_cache(maxsize=1)
def duration_part() -> regex.Pattern:
    """One amount and time unit of a duration: "one and a quarter hours", "an hour and a half"."""
    return _compile(DUR_PART)


class QuickPatterns(NamedTuple):
    core: regex.Pattern  # a digit or number word: every phrase holds one near its start
    candidate: regex.Pattern  # where a phrase may start


@lru_cache(maxsize=1)
def quick_patterns() -> QuickPatterns:
    """The core and candidate patterns, compiled once, on first use."""
    return QuickPatterns(_compile(_CORE), _compile(_CANDIDATE))


@lru_cache(maxsize=1)
def phrase() -> regex.Pattern:
    """A whole phrase at a given place, in one of the named shapes: every shape in one
    pattern, compiled on first use (it takes most of a second, and is only wanted where
    the quick looks cannot be trusted: :func:`shapes` otherwise)."""
    return _compile(_PHRASE)


class Shapes(NamedTuple):
    """The phrase pattern's shapes compiled one by one, in its order, for trying only those
    a quick look allows; with the rule for the hedge, the same first match as the phrase."""
    first: dict[str, regex.Pattern]  # tried before the hedged ones
    hedge: regex.Pattern  # about, at least: only a hedge
    hedged: dict[str, regex.Pattern]  # "(?P<hedge>...)?" and a shape


@lru_cache(maxsize=1)
def shapes() -> Shapes:
    """The shapes, compiled once, on first use."""
    return Shapes({name: _compile(shape) for name, shape in _FIRST_SHAPES.items()},
                  _compile(_HEDGE),
                  {name: _compile(rf"(?P<hedge>{_HEDGE})?{shape}") for name, shape in _HEDGED_SHAPES.items()})


# Quick looks on lower-cased text that rule shapes out (numbers._phrase_at). Each is
# implied by its shape, so a shape it rejects could not have matched there.
DATE_DIGITS_LOOK = re.compile(rf"""\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}}(?:st|nd|rd|th)?)?  # 24, 24-25
    \s+(?:of\s+)?{_trie(MONTHS)}                        # April
  | \d{{1,2}}[/.]\d | \d{{4}}-\d""", re.VERBOSE)         # 10/03/2024, 2024-10-03
CALENDAR_WORD_LOOK = re.compile(rf"{_trie({*MONTHS, *WEEKDAYS})}\.?,?\s+(?:\d|{_trie(MONTHS)})")  # April 24, Mon. April
ORDINAL_LOOK = re.compile(r"\d{1,9}(?:st|nd|rd|th)")  # 4th
TIME_DIGITS_LOOK = re.compile(r"\d{1,2}(?:[.:]\d\d)?\s*[ap:]|\d{1,2}\s+o['’]c")  # 10:30, 9.30 pm, 3 o'clock
# After a number in digits or in words, what a ratio, an age or a duration must have.
# A number in words starts with one of NUMBER_WORD_LOOK (else only a quantity may start).
NUMBER_WORD_LOOK = re.compile(_trie({*T.SMALL_WORDS, *TENS_WORDS, *T.ZERO_WORDS, "a", "an", "half", "dozen"}) + "(?![a-z])")
# The first words (letters a-z) a quantity (_QTY) may start with: a range opener, the
# letters of a currency sign or a code, a negative, "a couple", a vague amount or a number
# in words (_WORD_NUMBER, _BARE_POINT). Any other word ("Tuesday", "as", "over") starts
# none: a quantity is then not tried there.
QTY_FIRST_WORDS = frozenset({
    "between", "from", *(re.match("[a-z]*", k).group() for k in T.CURRENCY_SIGNS),
    *(code.lower() for code in T.CURRENCY_CODES), *T.NEGATIVES, "a", "an",
    *(k.split()[0] for k in T.VAGUE_AMOUNTS), *T.SMALL_WORDS, *TENS_WORDS, *T.ZERO_WORDS,
    "half", "quarter", "dozen", "point"} - {""})
QTY_WORD_LOOK = re.compile(_trie(QTY_FIRST_WORDS) + "(?![a-z])")
_DIGITS_LOOK = r"[\d.][\d.,e+\-\s/]{0,48}?"  # 14,000 / 1.3e6 / 1/2 and what follows: no letter but e
_WORDS_LOOK = r"[a-z][a-z\s\-]{0,40}?"  # twenty - one
# An amount in digits then words (a suffix, scale words, "and a half", "of"), or in words.
_AMOUNT_LOOK = r"""(?:[\d.][\d.,e+\-\s/]{0,48}?(?:[a-z]{1,12}[\s\-]{1,8}){0,8}?
    | [a-z]{1,12}[\s\-]{0,8}(?:[a-z]{1,12}[\s\-]{1,8}){0,24}?)"""
RATIO_LOOK = re.compile(rf"""(?:{_DIGITS_LOOK}|{_WORDS_LOOK})\s
    (?:in|out\s+of|of)\s+(?:every\s+)?(?:[\d.]|{_trie(set(T.SMALL_WORDS) | set(TENS_WORDS))})  # one in 10, 3 of every four
""", re.VERBOSE)
AGE_AFTER_LOOK = re.compile(rf"""(?:{_DIGITS_LOOK}|{_WORDS_LOOK})[\s\-]
    {_trie(T.AGE_UNITS)}(?:[\s\-]+old|\s+of\s+age)   # 18-year-old, 3 weeks of age
""", re.VERBOSE)
UNIT_AFTER_LOOK = re.compile(rf"{_AMOUNT_LOOK}{_trie(T.TIME_UNITS)}", re.VERBOSE)  # 3 years (ago)
# A duration: "half an hour", "1/2 hour"; or an amount and "and" or a time unit with more
# after it (", 3 months", "and a half", "30"), which a single "3 days" has not (a quantity).
DURATION_LOOK = re.compile(rf"""(?:1/2|half)\s | {_AMOUNT_LOOK}
    (?:and[\s\-]                                      # two and a half years
     | {_trie(T.TIME_UNITS)}(?![a-z])                   # years, and then
       (?:\s*,|\s+(?:and\s|\d|[^\x00-\x7f])|(?<=hour)\s+[a-z]|(?<=hours)\s+[a-z]))  # , and 3 1 hour thirty
""", re.VERBOSE)
# A time unit word, as the shapes after a number read one (after a dash or a blank, and
# ending a word): where none is, no age, duration nor "three years ago" starts before.
TIME_UNIT_WORD = re.compile(rf"[\s\-]{_trie(T.TIME_UNITS)}(?![a-z])")
# How far a number, its time unit and "ago" or "from now" reach, generously (characters).
REACH = 480
HEDGE_STARTS = tuple(sorted({h.split()[0] for h in T.HEDGES}))
PCT_OF_STARTS = tuple(sorted({k.split()[0] for k, (q, _) in T.UNITS.items() if q == PERCENT and k[0].isalpha()}))


def compile_all() -> None:
    """Compile the patterns every extraction uses now (before worker processes fork)."""
    quick_patterns()
    shapes()
    duration_part()


@lru_cache(maxsize=1)
def qty_only() -> regex.Pattern:
    """Quantities alone, for "10 in 5 games": a rare fallback, compiled when first needed."""
    return _compile(rf"(?P<hedge>{_HEDGE})?(?P<qty>{_QTY})")
