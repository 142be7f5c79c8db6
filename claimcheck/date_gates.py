"""Where date rules may match: the cheap looks that let :mod:`claimcheck.dates` skip
most rules in most sentences.

A rule is tried in a stretch of text only when the stretch holds its *trigger words*
(``TRIGGERS``), and then only at the offsets where its core can start (``match_starts``).
Both are conservative: they never hide a match the rule's pattern would find (a test
checks this against every rule), and the patterns themselves live in
:mod:`claimcheck.date_patterns`.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Collection, Iterator
from typing import Any, Optional

import regex

from claimcheck import date_tables as T
from claimcheck import vocab

# ---------------------------------------------------------------- trigger words
# What every match of a rule's core holds: for each group, one of its lower-case words
# (as a substring: cores need not start at a word boundary) or a number of the marked
# shape. A stretch of text without them skips the rule, so one cheap look at a sentence
# replaces most of the searches; the searches themselves are unchanged.

DIGIT, YEAR = "<digit>", "<year>"  # markers: any digit; a 1600-2199 number
# Markers read in runs of letters and digits (``_RUN``): a month name or abbreviation not
# followed by a letter ("april", "Sept.", "feb13", not "mar" of "market" or "dec" of
# "decided"), a weekday not followed by a letter or digit ("Mon.", not "mon" of "month").
# Every rule whose groups use them reads its months with a "\b" after, or before a
# digit, "/", "-", "." or space, and its weekdays with a "\b" after.
# A unit word as a run of its own ("days", "month", not the "day" of "Friday"): the rules
# whose groups use it read a unit after a space or "-", with an "s" at most after it.
MONTH, WEEKDAY, UNIT = "<month>", "<weekday>", "<unit>"
# An era ("AD", "CE": upper case in the rule, so never the "ce" of "since") as a run of
# its own or after the digits of its year ("14 AD", "2014CE"; "A.D." is a word below).
ERA = "<era>"
# A holiday's first word as a whole run ("new" of "New Year's Day", "mother" of
# "mother's", never the "new" of "news"): every holiday match opens with one
# (_HOLIDAY_RUNS below), so a stretch without one skips the rule and its scanner.
HOLIDAY = "<holiday>"


def _stems(words) -> frozenset[str]:
    """The words none of the others is a substring of: enough to find them all."""
    words = {w.lower() for w in words}
    return frozenset(w for w in words if not any(o != w and o in w for o in words))


def _by_first_letter(forms) -> dict[str, str]:
    """Alternations of ``forms`` (regex sources opening with a plain letter, in order) by
    that letter: the engine tries a long alternation form by form at every place, and one
    letter per group instead."""
    assert all(f[0].isalpha() for f in forms), forms
    rests: dict[str, list[str]] = {}
    for form in forms:
        rests.setdefault(form[0], []).append(form[1:])
    return {first: "|".join(rest) for first, rest in rests.items()}


_MONTHS = _stems(vocab.MONTHS)  # jan ... dec
_FULL_WEEKDAYS = vocab.full_names(vocab.WEEKDAYS)  # monday ... (not "mon", inside "month")
_UNITS = _stems(T.UNITS)
_MONTH_WORD = frozenset({MONTH})
_ANY_DATE_END = _MONTH_WORD | {YEAR}

_DAY_WORD_STEMS = {w.split()[0].split("-")[0] for w in T.DAY_ORDINAL_WORDS}  # first ... thirty

TRIGGERS: dict[str, tuple[frozenset[str], ...]] = {
    "day_date": (_MONTH_WORD, frozenset({DIGIT})),
    "iso_date": (frozenset({YEAR}),),
    "numeric_date": (frozenset({YEAR}),),
    "numeric_date_yy": (frozenset({DIGIT}), frozenset({"/", "-"})),
    "numeric_month": (frozenset({YEAR}), frozenset({"/", "-"})),
    "month": (_MONTH_WORD,),
    "season": (_stems(vocab.SEASONS),),
    "year": (frozenset({YEAR}),),
    "year_words": (_stems([*T.YEAR_WORD_HUNDREDS, "thousand"]),),
    "year_part": (_stems(T.THIRDS), frozenset({YEAR})),
    "decade": (frozenset({YEAR}),),
    "quarter": (frozenset({"quarter", "q1", "q2", "q3", "q4"}),),  # first quarter of / Q1 2025
    "deixis": (_stems(k.split()[-1] for k in T.DEICTIC_DAYS),),
    "calendar": (_stems({"weekend", "week", "month", "year"}),),
    "span_rel": (frozenset({UNIT}),),
    "ago": (frozenset({"ago"}),),
    "in_future": (frozenset({UNIT}),),
    "duration": (frozenset({UNIT}),),
    "weekday": (_stems(_FULL_WEEKDAYS),),
    "weekday_abbr": (_stems(w + "." if stop else w for w, stop in T.LONE_WEEKDAY_ABBREVIATIONS.items()),),
    "year_attr": (frozenset({YEAR}),),
    "year_range_end": (frozenset({YEAR}),),
    "century": (frozenset({"century"}),),
    "of_month": (frozenset({"day", DIGIT, WEEKDAY}), _MONTH_WORD | {"month"}),  # "day" of Friday, or "Fri."
    "after_next": (frozenset({"after next"}),),
    "weekday_count": (_stems(_FULL_WEEKDAYS), _stems(T.COUNT_DIRECTIONS)),
    "calendar_count": (_stems(T.CALENDAR_COUNT_DIRECTIONS), frozenset({UNIT})),
    "quarter_bare": (frozenset({"quarter", "qtr", "q1", "q2", "q3", "q4"}),),
    "upcoming_count": (frozenset({"upcoming"}),),
    "calendar_abbr": (frozenset(T.UNIT_ABBREVIATIONS),),
    "year_era": (frozenset({ERA, "a.d", "c.e"}), frozenset({DIGIT})),
    "holiday": (frozenset(T.HOLIDAY_TRIGGERS), frozenset({HOLIDAY})),
    "present": (_stems(T.PRESENT_WORDS),),
    "span": (frozenset({"from", "between"}), _ANY_DATE_END),
    "quarter_rel": (frozenset({"quarter"}),),
    "quarter_code": (frozenset({YEAR}), frozenset({"q1", "q2", "q3", "q4", "h1", "h2"})),
    "weekday_day": (frozenset({WEEKDAY}), frozenset({DIGIT}) | _stems(_DAY_WORD_STEMS)),
    "day_range": (_MONTH_WORD, frozenset({DIGIT}) | _stems(_DAY_WORD_STEMS)),
    "week_of": (frozenset({"week", "w/c"}), _ANY_DATE_END | frozenset({"month", "year"})),
    "weekday_week": (frozenset({"week"}), frozenset({WEEKDAY})),
    "weekday_mod": (_stems(T.WEEKDAY_MODIFIERS), _stems(_FULL_WEEKDAYS)),
    "month_numeric": (_MONTH_WORD, frozenset({DIGIT}), frozenset({"/", "-", ","})),
    "month_glued": (_MONTH_WORD, frozenset({DIGIT})),
    "numeric_range": (frozenset({DIGIT}), frozenset({"/", "-"})),
    "numeric_day": (frozenset({DIGIT}), frozenset({"/"})),
    "edge_of": (frozenset({"end", "beginning", "start", "earlier", "later", "eoy", "eom"}),
                _ANY_DATE_END | frozenset({"year", "month", "week", "eoy", "eom"})),
    "day_date_of_year": (_MONTH_WORD, frozenset({YEAR})),
    "day_date_words": (_MONTH_WORD, _stems(_DAY_WORD_STEMS) | {"1st", "2nd", "3rd"} | {f"{d}th" for d in "0123456789"}),
    "day_of_month": (frozenset({"the"}), frozenset({DIGIT})),
    "nth_day_of": (frozenset({"day"}), _MONTH_WORD | frozenset({"month"})),
    "deixis_range": (frozenset({"between", "from"}), frozenset({"now", "today", "tomorrow", "yesterday"})),
    "offset_from_deixis": (_UNITS, frozenset({"today", "tomorrow", "yesterday"}), frozenset({"after", "from", "before"})),
    "iso_week": (frozenset({"week"}), frozenset({DIGIT})),
    "iso_embedded": (frozenset({YEAR}),),
    "year_list": (frozenset({YEAR}), frozenset({"and", "or"})),
    "to_date": (frozenset({"date"}),),
    "month_span_year": (frozenset({"from", "between"}), _MONTH_WORD, frozenset({YEAR})),
    "calendar_year": (frozenset({"calendar"}),),
}
assert all(any(t in name for t in T.HOLIDAY_TRIGGERS) for name in T.HOLIDAYS), "a holiday without a trigger"
# Each group gets one bit; a word (or marker) sets the bits of the groups it is in.
_GROUPS = [g for groups in TRIGGERS.values() for g in groups]
_BITS = {w: sum(1 << i for i, g in enumerate(_GROUPS) if w in g) for g in _GROUPS for w in g}
_NEEDS = {name: sum(1 << _GROUPS.index(g) for g in groups) for name, groups in TRIGGERS.items()}
_DIGIT = regex.compile(r"\d")
_YEAR_SHAPED = regex.compile(r"(?:1[6-9]|2[01])\d\d")  # what every year piece above holds
_ASCII_DIGIT, _ASCII_YEAR_SHAPED = re.compile(r"[0-9]"), re.compile(r"(?:1[6-9]|2[01])[0-9][0-9]")  # the same in ASCII text

# A word of letters and digits only lies inside one run of them, and a word without a
# space inside one whitespace-separated token: such words are looked for in each token
# once (the tokens' bits remembered across stretches; a token's words are those of its
# runs of letters and digits and the signs it holds), the spaced ones in the whole
# stretch. Same answer as looking for every word in the stretch, a fraction of the work:
# splitting at whitespace is far cheaper than finding the runs, and most tokens recur.
_RUN = re.compile(r"[a-z0-9][a-z0-9]*")  # (one character first: the engine then skips to each)
_RUN_WORDS = tuple((w, bits) for w, bits in sorted(_BITS.items()) if _RUN.fullmatch(w))
_OTHER_WORDS = tuple((w, bits) for w, bits in sorted(_BITS.items())
                     if w not in (DIGIT, YEAR, MONTH, WEEKDAY, UNIT, ERA, HOLIDAY) and not _RUN.fullmatch(w))
_SIGN_WORDS = tuple((w, bits) for w, bits in _OTHER_WORDS if len(w.split()) == 1)  # "a.d", "w/c"
_SPACED_WORDS = tuple((w, bits) for w, bits in _OTHER_WORDS if len(w.split()) > 1)  # "from now"
assert all(w.split(" ") == w.split() for w, _ in _OTHER_WORDS), "a word with a space other than ' '"
# A holiday name starts with one of these whole words ("black", "st", "mother's", ...).
_HOLIDAY_FIRST_WORDS = sorted({name.split()[0].lower() for name in T.HOLIDAYS}, key=lambda w: (-len(w), w))
# The run of letters and digits a holiday match opens with: its first word, up to an
# apostrophe or without it ("mother" of "mother's", "mothers"). A stretch holding none
# of these runs holds no holiday (the HOLIDAY marker).
_HOLIDAY_RUNS = frozenset(_RUN.match(form).group() for word in _HOLIDAY_FIRST_WORDS
                          for form in (word.split("'")[0], word.replace("'", "")))
assert all(_RUN.match(word) for word in _HOLIDAY_FIRST_WORDS), "a holiday opening with a sign"
_MONTH_NAME = re.compile(r"(?:%s)(?![a-z])" % "|".join(  # "s(?:eptember|ept|ep)|o(?:ctober|ct)|..."
    f"{first}(?:{rest})" for first, rest in _by_first_letter(sorted(vocab.MONTHS, key=lambda w: (-len(w), w))).items()))
_RUN_MARKERS = (  # a marker and what shows it in a run
    (MONTH, _MONTH_NAME),
    (WEEKDAY, re.compile(r"(?:%s)$" % "|".join(sorted(vocab.WEEKDAYS, key=lambda w: (-len(w), w))))),
    (UNIT, re.compile(r"^(?:%s)s?$" % "|".join(sorted({*T.UNITS, *T.DURATION_ONLY_UNITS})))),
    (ERA, re.compile(r"(?:^|[0-9])(?:ad|ce)$")),
    (HOLIDAY, re.compile(r"^(?:%s)$" % "|".join(sorted(_HOLIDAY_RUNS, key=lambda w: (-len(w), w))))),
)
_RUN_BITS: dict[str, int] = {}  # a run of letters and digits -> the bits of the words in it
# A token's digits, as flags above every group's bit: they count only in ASCII text
# (elsewhere the patterns' own \d decides, see _present_groups).
_HAS_DIGIT = 1 << len(_GROUPS)
_HAS_YEAR = _HAS_DIGIT << 1
_GROUP_BITS = _HAS_DIGIT - 1


class _TokenMemo:
    """A function of a whitespace-free token, remembered for each token seen (all are
    forgotten past 100,000), with the tokens it gives nothing for kept apart: most
    tokens, taken out of a stretch's at once."""

    def __init__(self, of: Callable[[str], Any]) -> None:
        self._of, self._known, self._empty = of, {}, set()

    def over(self, tokens: frozenset[str]) -> Iterator[Any]:
        """What it gives for each of ``tokens`` that gives something."""
        known = self._known.get
        for token in tokens.difference(self._empty):
            value = known(token)
            if value is None:
                value = self._learn(token)
            if value:
                yield value

    def union(self, tokens: frozenset[str]) -> int:
        """What ``over`` gives, or-ed together (for a function giving bits)."""
        known = self._known.get
        bits = 0
        for token in tokens.difference(self._empty):
            value = known(token)
            bits |= self._learn(token) if value is None else value
        return bits

    def _learn(self, token: str) -> Any:
        value = self._of(token)
        if len(self._known) > 100_000:
            self._known.clear()
            self._empty.clear()
        self._known[token] = value
        if not value:
            self._empty.add(token)
        return value


# Any word of _RUN_WORDS: a new run without one (most: names, numbers) skips the loop.
# The words by their first character, so that the engine tries a few of them at each
# place, not all 120.
_ANY_RUN_WORD = re.compile("|".join(
    f"{re.escape(first)}(?:{'|'.join(re.escape(w[1:]) for w in words)})"
    for first, words in itertools.groupby(sorted(w for w, _ in _RUN_WORDS), key=lambda w: w[0])))
# A run of digits alone (a number's) holds no word and no marker: each holds a letter.
assert not any(w.isdigit() for w, _ in _RUN_WORDS) and all(
    not shown.search(digits) for _, shown in _RUN_MARKERS for digits in ("0", "2024", "12345"))


def _run_bits(run: str) -> int:
    bits = _RUN_BITS.get(run)
    if bits is None:
        bits = 0
        if not run.isdigit():
            if _ANY_RUN_WORD.search(run):
                for word, word_bits in _RUN_WORDS:
                    if word in run:
                        bits |= word_bits
            for marker, shown in _RUN_MARKERS:
                if shown.search(run):
                    bits |= _BITS[marker]
        if len(_RUN_BITS) > 100_000:
            _RUN_BITS.clear()
        _RUN_BITS[run] = bits
    return bits


assert all(not w.isalnum() for w, _ in _SIGN_WORDS)


def _token_bits(token: str) -> int:
    """The bits of the words in a token without whitespace (lower-cased), and its digit flags."""
    if token.isascii() and token.isalnum():  # as most: one run, and no sign word (each holds a sign)
        bits = _run_bits(token)
    else:
        bits = 0
        for run in _RUN.findall(token):
            bits |= _run_bits(run)
        for word, word_bits in _SIGN_WORDS:
            if word in token:
                bits |= word_bits
    if not token.isalpha() and _ASCII_DIGIT.search(token):  # (letters alone hold no digit)
        bits |= _HAS_DIGIT
        if _ASCII_YEAR_SHAPED.search(token):
            bits |= _HAS_YEAR
    return bits


_TOKEN_BITS = _TokenMemo(_token_bits)


def rules_to_try(text: str, start: int, end: int) -> frozenset[str]:
    """The names of the rules whose triggers ``text[start:end]`` holds."""
    return _tried(_present_groups(text, start, end))[0]


def _present_groups(text: str, start: int, end: int, lowered: Optional[str] = None) -> int:
    """The bits of the trigger groups ``text[start:end]`` holds a word of (``lowered``:
    its ``ascii_lower``, if the caller has it)."""
    if lowered is None:
        lowered = vocab.ascii_lower(text[start:end])
    found = _TOKEN_BITS.union(_tokens(lowered))
    present = found & _GROUP_BITS
    for word, bits in _SPACED_WORDS:
        if word in lowered:
            present |= bits
    if lowered.isascii() or not _holds_other_digit(lowered):  # as almost always (no digit but ASCII ones):
        has_digit = found & _HAS_DIGIT                           # the quicker look
        year_shaped = found & _HAS_YEAR  # four digits lie in one token
    else:  # the patterns' own \d (their Unicode tables may know digits the standard's lack)
        has_digit = _DIGIT.search(text, start, end) is not None
        year_shaped = has_digit and _YEAR_SHAPED.search(text, start, end) is not None
    if has_digit:
        present |= _BITS[DIGIT]
    if year_shaped:
        present |= _BITS[YEAR]
    return present


# Runs of non-ASCII characters (one character first: the engine then skips to each).
# News text holds a few (quotes, dashes, no-break spaces), and the same ones again and
# again. Lower-casing neither makes nor unmakes a digit, so those of a lowered stretch
# are those of the stretch.
_NOT_ASCII_RUN = re.compile(r"[^\x00-\x7f][^\x00-\x7f]*")


@functools.lru_cache(maxsize=4096)
def _run_holds_digit(run: str) -> bool:
    """Whether the patterns' own \\d matches in a run of non-ASCII characters."""
    return _DIGIT.search(run) is not None


def _holds_other_digit(lowered: str) -> bool:
    """Whether a (lowered) stretch holds a digit other than the ASCII ones."""
    return any(map(_run_holds_digit, _NOT_ASCII_RUN.findall(lowered)))


@functools.lru_cache(maxsize=4)
def _tokens(lowered: str) -> frozenset[str]:
    """The whitespace-separated tokens of a stretch (the trigger look's and the holiday
    scanner's)."""
    return frozenset(lowered.split())


Scanner = Callable[[str], list[int]]  # where in a lowered stretch a rule's core may start


def _tried(present: int) -> tuple[frozenset[str], tuple[tuple[int, str, Optional[Scanner]], ...]]:
    """The rules whose every group is in ``present``: as a set and ranked, each with its
    scanner (``_STARTS``; None: none), remembered."""
    tried = _TRIED.get(present)
    if tried is None:
        if len(_TRIED) > 10_000:
            _TRIED.clear()
        ranked = tuple((rank, name, _STARTS.get(name)) for rank, (name, need) in enumerate(_NEEDS.items())
                       if present & need == need)
        tried = _TRIED[present] = (frozenset(name for _, name, _ in ranked), ranked)
    return tried


_TRIED: dict[int, tuple[frozenset[str], tuple[tuple[int, str, Optional[Scanner]], ...]]] = {}  # by the groups present


# ---------------------------------------------------------------- where cores start
# The costliest rules are tried only where their core can start (a superset found on
# lower-cased text with the standard library's engine), instead of at every character.

def _prefix_free(words) -> list[str]:
    """The words none of the others starts: their starts are all the words' starts."""
    words = {w.lower() for w in words}
    return sorted(w for w in words if not any(o != w and w.startswith(o) for o in words))


# A count's first word is whole: "a", "three", "twenty(-one)", "couple (of)", never "about".
_COUNT_FIRST_WORDS = sorted({"a", "an", *vocab.UNIT_WORDS, *vocab.TENS_WORDS, *(w.split()[0] for w in T.VAGUE_COUNTS)},
                            key=lambda w: (-len(w), w))


def _at_word_start(forms) -> str:
    """Alternation of ``forms`` (regex sources opening with a plain letter) where no letter,
    digit or "_" stands before them. Each form's first letter comes first and the check
    after it: the engine then skips to those letters, where a pattern opening with the
    check is tried at every place (twice as slow)."""
    return "|".join(f"{first}(?<![a-z0-9_]{first})(?:{rest})" for first, rest in _by_first_letter(forms).items())


_DIGIT_START = r"[0-9](?<![a-z0-9_.,][0-9])"  # as _day() and _count(): not after a word, "." or ","
_COUNT_START = re.compile(rf"{_DIGIT_START}|(?:{_at_word_start(_COUNT_FIRST_WORDS)})(?![a-z0-9_])")  # 3, a, three


def _stem_starts(stems: frozenset[str]) -> Callable[[str], list[int]]:
    """A scanner: where any of ``stems`` starts, anywhere ("xApril 5" holds "apr"), every
    place, overlapping; the caller sorts."""
    def starts(lowered: str) -> list[int]:
        found = []
        for stem in stems:
            i = lowered.find(stem)
            while i >= 0:
                found.append(i)
                i = lowered.find(stem, i + 1)
        return found
    return starts


# A holiday's first word (_HOLIDAY_FIRST_WORDS) is whole, its apostrophe optional as in
# _phrase: "st" is looked for in "St. Patrick's", not in "state".


def _holiday_word(word: str) -> str:
    return "['’]?".join(re.escape(part) for part in word.split("'"))


def _holiday_rest(first: str) -> str:
    """What may follow a holiday's first word: the rest of one of its names, as _phrase
    writes it, and then no letter, digit or apostrophe."""
    rests = sorted({"".join(r"\.?\s+" + _holiday_word(w) for w in name.lower().split()[1:])
                    for name in T.HOLIDAYS if name.lower().split()[0] == first}, key=lambda r: (-len(r), r))
    return "(?:%s)(?![a-z0-9_'’])" % "|".join(rests)


_HOLIDAY_START = re.compile(_at_word_start(
    [f"{_holiday_word(word)}(?={_holiday_rest(word)})" for word in _HOLIDAY_FIRST_WORDS]))

_DAY_WORD_STARTS = _prefix_free(w.split()[0].split("-")[0] for w in T.DAY_ORDINAL_WORDS)
# A day in digits or words, or "the" before one: where a date written day first starts.
_DAY_WORDS = "|".join(_DAY_WORD_STARTS)
_DAY_WORD_START = re.compile(_at_word_start([rf"the\s+(?=(?:{_DAY_WORDS}))", *_DAY_WORD_STARTS]))  # (the) second
_NUMBER_THEN_MONTH = re.compile(r"(?<![a-z0-9_/-])[0-9]{1,4}[/-](?:[0-9]{1,4}[/-])?[a-z]")  # 05-aug, 2020/23/sep
_THE_DAY_START = re.compile(rf"the(?<=(?<![a-z0-9_])the)\s+(?=[0-9]|(?:{_DAY_WORDS}))")  # the 15th / the second
# (the word first, then what stands before it: the engine then skips to each "the")
# Where a year may start: "1" or "2" with no digit before it (its first digit first, then
# what stands before it: the engine then skips to each "1" and "2", where a pattern
# opening with the check is tried at every place, three times as slow).
_YEAR_START = re.compile(r"(?:1(?<![0-9]1)[6-9]|2(?<![0-9]2)[01])[0-9][0-9]")
_YEAR_AFTER_DASH = re.compile(r"(?:1(?<=[0-9][-–]1)[6-9]|2(?<=[0-9][-–]2)[01])[0-9][0-9]")  # (2009-)2010
_YEAR_OR_Q_START = re.compile(r"(?<![0-9])(?:1[6-9]|2[01])[0-9][0-9]|(?<![a-z0-9_])q[1-4]")  # 2019 q1 / q1-2019
# A lone weekday abbreviation as a whole word ("thu", "mon."), not "Africa", "month".
_LONE_WEEKDAY_START = re.compile(r"(?:%s)(?![a-z0-9_])" % _at_word_start(
    [re.escape(w) + (r"\." if stop else "") for w, stop in sorted(T.LONE_WEEKDAY_ABBREVIATIONS.items(), key=lambda i: -len(i[0]))]))
_NUMBER_THEN_NUMBER = re.compile(r"[0-9](?<![a-z0-9_.,/][0-9])[0-9]?[/-][0-9]")  # 10/1
# (a digit first, then what stands before it: the engine then skips to each digit)
_DAY_GLUED_MONTH = re.compile(r"[0-9](?<![a-z0-9_.,/-][0-9])[0-9]?(?:st|nd|rd|th)?(?:%s)" % "|".join(sorted(_MONTHS)))  # 14april
_NUMERIC_YY = re.compile(r"[0-9](?<![a-z0-9_.,/-][0-9])[0-9]?[/-][0-9]{1,2}[/-][0-9]{2}(?![0-9])")  # 10/31/74
_YEAR_AND_MONTH = re.compile(r"[0-9](?<![a-z0-9_.,/-][0-9])(?:[0-9]?[/-](?:1[6-9]|2[01])|[0-9]{3}[/-][0-9])")  # 2/2013, 2015-3
_YEAR_WORDS_START = re.compile(_at_word_start([*T.YEAR_WORD_HUNDREDS, r"two(?=\s+thousand)"]))  # nineteen / two


def _found_either(*patterns: re.Pattern) -> Callable[[str], list[int]]:
    """Where any of ``patterns`` matches in a stretch, in order: as the finditer of their
    alternation when no match of one can start inside a match of another."""
    @functools.lru_cache(maxsize=4)
    def starts(lowered: str) -> list[int]:
        return sorted(m.start() for pattern in patterns for m in pattern.finditer(lowered))
    _IN_ORDER.add(starts)
    return starts


def _found(pattern: re.Pattern) -> Callable[[str], list[int]]:
    """Where ``pattern`` matches in a stretch, in order; remembered for the last few
    stretches, since several rules share a scanner."""
    @functools.lru_cache(maxsize=4)
    def starts(lowered: str) -> list[int]:
        return [m.start() for m in pattern.finditer(lowered)]
    _IN_ORDER.add(starts)
    return starts


_IN_ORDER: set[Callable[[str], list[int]]] = set()  # the scanners whose places come sorted, each once


def _found_at_stems(stems: Collection[str], pattern: re.Pattern) -> Callable[[str], list[int]]:
    """Where ``pattern``, each of whose matches opens with one of ``stems`` (none of
    which starts inside a match), matches in a stretch, in order: tried only where a stem
    stands (found with str.find), not at every place its first letters stand."""
    match = pattern.match

    @functools.lru_cache(maxsize=4)
    def starts(lowered: str) -> list[int]:
        found = []
        for stem in stems:
            at = lowered.find(stem)
            while at >= 0:
                if match(lowered, at):
                    found.append(at)
                at = lowered.find(stem, at + 1)
        return sorted(found)
    _IN_ORDER.add(starts)
    return starts


# Where a month name or abbreviation stands, as the MONTH marker reads it ("xApril 5"
# holds one). No month name holds another but at its start, so no match hides one.
assert not any(o in w[1:] for w in vocab.MONTHS for o in vocab.MONTHS), "a month name inside another"
# Every month name opens with one of twelve three-letter stems: the places where one
# stands, found with str.find, are far fewer than the letters the engine would try.
_MONTH_STEMS = tuple(sorted({w[:3] for w in vocab.MONTHS}))
assert all(len(w) >= 3 for w in vocab.MONTHS)
_month_starts = _found_at_stems(_MONTH_STEMS, _MONTH_NAME)  # (shared by several rules and scanners below)


def _months_and(found: Callable[[str], list[int]]) -> Callable[[str], list[int]]:
    return lambda low: _month_starts(low) + found(low)


_HOLIDAY_RUNS_IN = _TokenMemo(lambda token: _HOLIDAY_RUNS.intersection(_RUN.findall(token)))  # in a token


def _holiday_starts(lowered: str) -> list[int]:
    """Where a holiday may start: its scanner tried only where one of those runs stands
    (a holiday's first word is a whole run, see _HOLIDAY_START), not at every letter.
    The runs of a stretch are those of its tokens (runs hold no whitespace)."""
    runs: set[str] = set()
    for held in _HOLIDAY_RUNS_IN.over(_tokens(lowered)):
        runs.update(held)
    found = set()
    for run in runs:
        i = lowered.find(run)
        while i >= 0:
            if _HOLIDAY_START.match(lowered, i):
                found.add(i)
            i = lowered.find(run, i + 1)
    return sorted(found)


# Tighter looks for the rules tried in many sentences but seldom matching: the word or
# digit a core starts with (as the looks above, so they only ever drop places), and in a
# lookahead, which neither hides the next place nor stands for the whole core, what
# must follow it. A month name is _MONTH_NAME's: not followed by a letter.
_MONTH = _MONTH_NAME.pattern


def _words(words) -> str:
    """Alternation of table words, longest first, a space matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w)))


_COUNT = _COUNT_START.pattern
_DAY_REST = r"[0-9]?(?:st|nd|rd|th)?(?![a-z0-9_])"  # a day after its first digit: 5 / 15th
_DAY_AFTER = r"\.?\s+(?:the\s+)?[0-9]{1,2}(?![0-9])"  # after a month: " 28", ". the 28th"
_RANGE_WORD = r"\s*(?:[-–—]|to|through|thru|until|till|and)"  # a day range's _RANGE_SEP, its spaces after left out
_OF_OR_IN = r"\s+(?:of|in)\s"  # "the 20th of", "July 4th of 1995"
_DAY_DATE_START = re.compile(
    rf"""{_MONTH}(?={_DAY_AFTER})                             # April 28 / Apr. the 28th
      | {_DIGIT_START}(?={_DAY_REST}\s+(?:of\s+)?{_MONTH})   # 28 April / 1st of march
    """, re.VERBOSE)
_RANGE_END = rf"{_RANGE_WORD}\s*(?:the\s+)?(?:[0-9]|{_MONTH})"  # - 19 / to the 19th / to June
_YEAR_THEN_RANGE = rf"(?:,?\s*(?:of\s+|in\s+)?{_YEAR_START.pattern})?{_RANGE_WORD}"  # (, 2014) -
_DAY_RANGE_DAY = rf"{_DAY_REST}(?:\s+(?:of\s+)?{_MONTH}\.?{_YEAR_THEN_RANGE}|{_RANGE_END})"  # 9 June - / 9 to 12
_DAY_RANGE_START = re.compile(
    rf"""{_MONTH}(?={_DAY_AFTER}(?:st|nd|rd|th)?{_YEAR_THEN_RANGE}  # Nov 18 -
                  |\.?{_RANGE_WORD}\s*{_MONTH})                   # Jan-Feb
      | {_DIGIT_START}(?={_DAY_RANGE_DAY})                     # 9 to / 26th of june
      | {_at_word_start(["the"])}\s+(?=[0-9]{_DAY_RANGE_DAY})  # the 9th to
    """, re.VERBOSE)
_DAY_DATE_OF_YEAR_START = re.compile(
    rf"""{_MONTH}(?={_DAY_AFTER}(?:st|nd|rd|th)?{_OF_OR_IN})                  # July 4th of
      | {_DIGIT_START}(?={_DAY_REST}\s+(?:of\s+)?{_MONTH}\.?{_OF_OR_IN})      # 4th of July in
      | {_at_word_start(["the"])}\s+(?=[0-9]{_DAY_REST}\s+(?:of\s+)?{_MONTH}\.?{_OF_OR_IN})
    """, re.VERBOSE)
# A weekday name, then a day: "Friday, 13th", "Mon 7/6", "Tuesday the 4th". No weekday name
# holds another but at its start.
assert not any(o in w[1:] for w in vocab.WEEKDAYS for o in vocab.WEEKDAYS), "a weekday name inside another"
_WEEKDAY_DAY_START = re.compile(rf"(?:{_words(vocab.WEEKDAYS)})(?![a-z0-9_])(?=\.?,?\s+(?:[0-9]|the\s))")
_MONTH_AMONG_DIGITS_START = re.compile(
    rf"""(?<![a-z0-9_/-]){_MONTH}(?=\.?(?:[/-]|\s*[0-9]{{1,2}}\s+,)|,\s*{_YEAR_START.pattern})  # Oct/2, Dec31 , Dec, 2018
      | {_NUMBER_THEN_MONTH.pattern}                           # 05-aug
    """, re.VERBOSE)
_MONTH_GLUED_START = re.compile(
    rf"""(?<![a-z0-9_/-]){_MONTH}(?=[0-9])                    # Feb13
      | {_DAY_GLUED_MONTH.pattern}                             # 14april
    """, re.VERBOSE)
_OF_MONTH_WORD_START = re.compile(  # "the first Tuesday of", "last day of"
    rf"""(?:{_at_word_start(["last", *_prefix_free(w for w in T.NTH if not w[0].isdigit())])})
         (?=(?:\s+[a-z]+\.?){{0,2}}{_OF_OR_IN})""", re.VERBOSE)
_OF_MONTH_DIGIT_START = re.compile(  # "20th (day) in"
    rf"{_DIGIT_START}(?={_DAY_REST}(?:\s+[a-z]+\.?){{0,2}}{_OF_OR_IN})")
# (two looks, not one alternation: a pattern opening with letters or with a digit makes
# the engine skip to those; the two together are tried at every place)
_OF_MONTH_START = re.compile(f"{_OF_MONTH_WORD_START.pattern}|{_OF_MONTH_DIGIT_START.pattern}", re.VERBOSE)
_DURATION_START = re.compile(  # a count, then a unit: "three months", "2.5-hour", "couple of days"
    rf"(?:{_COUNT})(?=[a-z0-9.,-]*(?:\s+[a-z]+)?[-\s]+(?:{_words([*T.UNITS, *T.DURATION_ONLY_UNITS])}))")


def _found_before(stems: frozenset[str], back: re.Pattern, look: re.Pattern) -> Callable[[str], list[int]]:
    """Where ``look`` matches in a stretch (as its finditer: no match starts inside
    another), looked for only shortly before each place one of ``stems`` stands: every
    match sees one there through its lookahead, no further than ``back`` reaches back
    from it (``back`` is matched on the reversed text). For looks whose first words open
    with most letters, tried at every letter of a stretch, while their stems are rare.
    The look's lookahead must end with a stem's word, nothing after it."""
    reach = max(map(len, stems))  # what the look must see past a stem's start

    @functools.lru_cache(maxsize=4)
    def starts(lowered: str) -> list[int]:
        n, reversed_text, found = len(lowered), None, set()
        for stem in stems:
            at = lowered.find(stem)
            while at >= 0:
                if reversed_text is None:
                    reversed_text = lowered[::-1]
                earliest = n - back.match(reversed_text, n - at).end()
                found.update(m.start() for m in look.finditer(lowered, earliest, at + reach) if m.start() < at)
                at = lowered.find(stem, at + 1)
        return sorted(found)
    _IN_ORDER.add(starts)
    return starts


# A count, then a unit: back from the unit over the separators ([-\s]), a word, spaces
# and the count's own token (letters, digits, ".,-").
_duration_starts = _found_before(_stems([*T.UNITS, *T.DURATION_ONLY_UNITS]),
                                 re.compile(r"[-\s]*[a-z0-9.,-]*\s*[a-z0-9.,-]*"), _DURATION_START)
_IN_FUTURE_START = re.compile(rf"{_at_word_start(['in'])}(?=\s+(?:{_COUNT}))")  # in two
_SPAN_REL_START = re.compile(  # the past (three) months / the weeks ahead / recent years
    rf"(?:{_at_word_start(['the', 'recent'])})(?=\s+(?:{_words([*T.SPAN_DIRECTIONS, *T.UNITS])}))")
_CALENDAR_START = re.compile(  # last week / this past month / the weekend: a modifier's first word
    rf"(?:{_at_word_start(_words({m.split()[0] for m in T.CALENDAR_MODIFIERS} | {'the'}).split('|'))})"
    rf"(?=(?:\s+[a-z]+)?\s+(?:week|month|year))")
_CALENDAR_COUNT_START = re.compile(  # last two years
    rf"(?:{_at_word_start(_words(T.CALENDAR_COUNT_DIRECTIONS).split('|'))})(?=\s+(?:{_COUNT}))")
# A modifier's first word, then maybe one more word: back from the unit over two words.
_calendar_starts = _found_before(_stems({"week", "month", "year"}), re.compile(r"\s*[a-z]*\s*[a-z]*"), _CALENDAR_START)
# "the" or "recent", each alone: the engine then skips to each with a fast substring
# search, where the two together have it try every "t" and "r".
_SPAN_REL_LOOKS = [re.compile(rf"{word}(?<![a-z0-9_]{word})(?=\s+(?:{_words([*T.SPAN_DIRECTIONS, *T.UNITS])}))")
                   for word in ("the", "recent")]


_WEEKDAY_STEMS = frozenset(w[:3] for w in vocab.WEEKDAYS)  # mon ... sun
assert all(len(w) >= 3 for w in vocab.WEEKDAYS)
_YEAR_ERA_START = re.compile(  # 14 AD / 2014 c.e.
    r"[0-9](?<![a-z0-9_.,/$£€][0-9])(?=[0-9]{0,3}\s*(?:ad|ce|a\.d|c\.e)(?![a-z0-9_]))")
_NUMERIC_DATE_START = re.compile(  # 04/28/2025, 3.3.2015: the same sign twice, then a year
    r"[0-9](?<![a-z0-9_.,/-][0-9])[0-9]?([/.])[0-9]{1,2}\1(?:1[6-9]|2[01])[0-9][0-9]")
_ISO_EMBEDDED_START = re.compile(  # report-2002-10-09 / 20170302
    r"[0-9](?<=[_-][0-9])[0-9]{3}-[0-9]|[0-9](?<![a-z0-9_.,][0-9])[0-9]{7}")
_YEAR_BEFORE_WORD = re.compile(  # a 2010 comment: a year, then a word (a letter, maybe not ASCII)
    _YEAR_START.pattern + r"(?=\s+(?:[a-z]|[^\x00-\x7f]))")
_DEIXIS_START = re.compile("|".join(  # yesterday / the day before yesterday: only the first letter taken,
    f"{first}(?<![a-z0-9_]{first})(?=(?:{rest})(?![a-z0-9_]))"  # so the "yesterday" inside is found too
    for first, rest in _by_first_letter(_words(T.DEICTIC_DAYS).split("|")).items()))
_SEASON_START = re.compile(rf"(?:{_at_word_start(_words(vocab.SEASONS).split('|'))})(?![a-z0-9_])")  # fall

# The month-led scanners above start at a month name (_MONTH, as _month_starts finds it),
# at a digit no digit stands before (each _DIGIT_START, _NUMBER_THEN_MONTH and
# _DAY_GLUED_MONTH is one) or, for the two with a "the" form, at a "the" before a
# number: they are tried at those places only, found once per stretch, instead of at
# every one of the many letters a month name may open with.
_DIGIT_RUN_START = re.compile(r"[0-9](?<![0-9][0-9])")  # (the digit first: see _YEAR_START)
_THE_BEFORE_DIGIT = re.compile(r"the(?=\s+[0-9])")


@functools.lru_cache(maxsize=4)
def _month_or_digit(lowered: str) -> list[int]:
    # (a month name opens with a letter: the two lists never share a place)
    return sorted(_month_starts(lowered) + [m.start() for m in _DIGIT_RUN_START.finditer(lowered)])


@functools.lru_cache(maxsize=4)
def _month_digit_or_the(lowered: str) -> list[int]:
    # (no month name opens with "t")
    return sorted(_month_or_digit(lowered) + [m.start() for m in _THE_BEFORE_DIGIT.finditer(lowered)])


def _found_at(places: Callable[[str], list[int]], pattern: re.Pattern) -> Callable[[str], list[int]]:
    """Where ``pattern`` (a month-led scanner) matches among ``places``, in order."""
    match = pattern.match

    @functools.lru_cache(maxsize=4)
    def starts(lowered: str) -> list[int]:
        return [i for i in places(lowered) if match(lowered, i)]
    _IN_ORDER.add(starts)
    return starts


# of_month's core ends in a month just after "of" or "in" (and maybe "the"): a month
# name, or "month" (maybe after a modifier: "of next month"). Read backwards from each
# place a month name or "month" starts, the words before it, as this (reversed) says;
# a stretch where none stands so holds no match, and the two looks are not run there.
# (its spaces read from their first, as at a month's first letter: else a search tries a
# long run of spaces from each of them)
_OF_OR_IN_BEFORE_REVERSED = re.compile(
    r"(?<!\s)\s+(?:(?:%s)\s+)?(?:eht\s+)?(?:fo|ni)\s" % "|".join(re.escape(m[::-1]) for m in T.MONTH_MODIFIERS))
_of_month_looks = _found_either(_OF_MONTH_WORD_START, _OF_MONTH_DIGIT_START)


def _of_month_starts(lowered: str) -> list[int]:
    """of_month's places: its two looks, run only where "of"/"in" stands before a month."""
    n, reversed_text = len(lowered), lowered[::-1]
    before = _OF_OR_IN_BEFORE_REVERSED.match
    if any(before(reversed_text, n - at) for at in _month_starts(lowered)):
        return _of_month_looks(lowered)
    at = lowered.find("month")
    while at >= 0:
        if before(reversed_text, n - at):
            return _of_month_looks(lowered)
        at = lowered.find("month", at + 1)
    return []


_IN_ORDER.add(_of_month_starts)
_count_starts = _found(_COUNT_START)
_the_day_starts = _found(_THE_DAY_START)
_year_starts = _found(_YEAR_START)
_from_between_starts = _stem_starts(frozenset({"between", "from"}))
_number_then_number_starts = _found(_NUMBER_THEN_NUMBER)

_IN_ORDER.add(_holiday_starts)
_STARTS: dict[str, Callable[[str], list[int]]] = {
    "day_date": _found_at(_month_or_digit, _DAY_DATE_START),
    "month": _month_starts,
    "duration": _duration_starts,
    "holiday": _holiday_starts,
    "of_month": _of_month_starts,
    "day_range": _found_at(_month_digit_or_the, _DAY_RANGE_START),
    "day_date_of_year": _found_at(_month_digit_or_the, _DAY_DATE_OF_YEAR_START),
    "day_date_words": _months_and(_found(_DAY_WORD_START)),
    "month_numeric": _found_at(_month_or_digit, _MONTH_AMONG_DIGITS_START),
    "month_glued": _found_at(_month_or_digit, _MONTH_GLUED_START),
    "numeric_range": _number_then_number_starts,
    "numeric_day": _number_then_number_starts,
    "numeric_date_yy": _found(_NUMERIC_YY),
    "numeric_month": _found(_YEAR_AND_MONTH),
    "year_words": _found(_YEAR_WORDS_START),
    "weekday_day": _found_at_stems(_WEEKDAY_STEMS, _WEEKDAY_DAY_START),
    "weekday_week": _stem_starts(_stems([*vocab.WEEKDAYS, *T.WEEK_MODIFIERS])),
    "edge_of": _stem_starts(_stems([*T.EDGES, *T.EOX])),
    "offset_from_deixis": _count_starts,
    "nth_day_of": _the_day_starts,
    "day_of_month": _the_day_starts,
    "week_of": _stem_starts(_stems([*T.WEEK_ORDINALS, *T.WEEK_OF_WORDS])),
    "deixis_range": _from_between_starts,
    "month_span_year": _from_between_starts,
    "weekday_mod": _stem_starts(_stems(T.WEEKDAY_MODIFIERS)),
    "weekday": _stem_starts(_stems(_FULL_WEEKDAYS)),  # the weekday word opens the core
    "weekday_abbr": _found(_LONE_WEEKDAY_START),
    "iso_week": _stem_starts(frozenset({"week"})),
    "year_list": _year_starts,
    "iso_embedded": _found_at(_year_starts, _ISO_EMBEDDED_START),
    "quarter_code": _found(_YEAR_OR_Q_START),
    "in_future": _found(_IN_FUTURE_START),
    "span_rel": _found_either(*_SPAN_REL_LOOKS),
    "calendar": _calendar_starts,
    "calendar_count": _found_at_stems(_stems(T.CALENDAR_COUNT_DIRECTIONS), _CALENDAR_COUNT_START),
    "year_era": _found(_YEAR_ERA_START),
    "year": _year_starts,
    # (the year-led looks tried at the places of years, found once, not each in a pass
    # of its own over the stretch: every core they stand for opens with a year)
    "iso_date": _found_at(_year_starts, re.compile(_YEAR_START.pattern + "(?=-)")),  # 2024-
    "decade": _found_at(_year_starts, re.compile(_YEAR_START.pattern + "(?=['’]?s)")),  # 1990s
    "year_attr": _found_at(_year_starts, _YEAR_BEFORE_WORD),
    "numeric_date": _found(_NUMERIC_DATE_START),
    "deixis": _found(_DEIXIS_START),
    "season": _found(_SEASON_START),
    "span": _from_between_starts,
    "year_range_end": _found_at(_year_starts, _YEAR_AFTER_DASH),
}


def match_starts(name: str, text: str, start: int, end: int) -> Optional[list[int]]:
    """Ascending offsets in ``text[start:end]`` where rule ``name``'s core may start, or
    None when the rule has no quick look or it cannot be trusted here."""
    return Stretch(text, start, end).match_starts(name)


class Stretch:
    """A stretch of text as the quick looks read it, for all the rules tried there:
    lower-cased once, the rules to try found once (``ranked_rules``: ``rules_to_try`` as
    (rank, name, scanner) in rule order, a rule's rank being its place in ``PATTERNS``,
    which breaks ties between mentions of one length), each scanner run once (rules that
    share one share its list)."""

    __slots__ = ("start", "lowered", "ranked_rules", "_places")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.start = start
        chunk = text[start:end]
        if chunk.isascii():  # as almost always: ascii_lower is lower(), and to be trusted
            self.lowered = chunk.lower()
            lowered = self.lowered
        else:
            self.lowered = vocab.quick_look_text(chunk)  # None: not to be trusted
            lowered = self.lowered if self.lowered is not None else vocab.ascii_lower(chunk)
        self.ranked_rules = _tried(_present_groups(text, start, end, lowered))[1]
        self._places: dict[Optional[Scanner], list[int]] = {}  # by scanner, those found so far

    def places(self, scan: Optional[Scanner]) -> Optional[list[int]]:
        """Where a rule with scanner ``scan`` may start, ascending, as offsets from
        ``start`` (a list no caller changes); None: anywhere (no scanner, or the quick
        looks cannot be trusted here)."""
        if scan is None or self.lowered is None:
            return None
        found = self._places.get(scan)
        if found is None:
            found = scan(self.lowered)
            if scan not in _IN_ORDER:
                found = sorted(set(found))
            self._places[scan] = found
        return found

    def match_starts(self, name: str) -> Optional[list[int]]:
        """``match_starts`` of rule ``name`` here."""
        found = self.places(_STARTS.get(name))
        return None if found is None else [self.start + i for i in found]
