"""Word tables shared by the number and date grammars (data, not logic).

Each table maps a lower-case surface form to its meaning. Grammar modules build
their regex alternations from these tables, longest form first, so adding a word
here is enough to teach every pattern that uses the table.
"""

from __future__ import annotations

import re
from typing import Optional

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

WEEKDAYS: dict[str, int] = {  # Monday = 0, as datetime.date.weekday()
    "monday": 0, "mon": 0,
    "tuesday": 1, "tue": 1, "tues": 1,
    "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3,
    "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}

# Meteorological seasons (northern hemisphere): first month and length in months.
SEASONS: dict[str, tuple[int, int]] = {
    "spring": (3, 3),
    "summer": (6, 3),
    "fall": (9, 3),
    "autumn": (9, 3),
    "winter": (12, 3),
}


def full_names(table: dict[str, int]) -> set[str]:
    """The longest name of each value in a names table: "september", not "sep"/"sept"."""
    return {max((k for k, v in table.items() if v == n), key=len) for n in set(table.values())}


def season_starting(month: int) -> str:
    """The name of the season that starts in ``month`` ("" when none does)."""
    return next((name for name, (first, _) in SEASONS.items() if first == month), "")


SEASON_NOTE = "meteorological seasons (spring Mar-May, summer Jun-Aug, fall Sep-Nov, winter Dec-Feb)"

UNIT_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}

TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

# Multipliers written as words or as suffixes on digits ("2.5bn", "300k").
SCALE_WORDS: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
SCALE_SUFFIXES: dict[str, int] = {
    "k": 1_000,
    "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "mil": 1_000_000,
    "bn": 1_000_000_000, "b": 1_000_000_000, "bln": 1_000_000_000,
    "tn": 1_000_000_000_000, "trn": 1_000_000_000_000, "tln": 1_000_000_000_000,
}

ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}


# ---- plurals: the ONE rule for "is this word a counted plural?" ("2000 homes" is a
# count, "in 2024 was" a year). The number grammar and the claims' counted nouns use it,
# and the date grammar reads NOT_PLURAL_WORDS after a bare year.
# Plural nouns that do not look plural (and a few common counted plurals).
IRREGULAR_PLURALS: frozenset[str] = frozenset({
    "people", "men", "women", "children", "personnel", "staff", "police", "troops",
    "civilians", "soldiers", "workers", "cattle", "livestock", "sheep", "deer", "fish",
    "aircraft", "infantry", "militia", "youth", "clergy",
})
# Lower-case words ending in "s" that are no plural noun ("in 2024 was ...").
NOT_PLURAL_WORDS: frozenset[str] = frozenset({
    "was", "has", "its", "this", "thus", "plus", "across", "versus", "unless", "whereas",
    "perhaps", "always", "towards", "afterwards", "besides", "is", "as", "does", "goes",
})


def looks_plural(word: str) -> bool:
    """Whether ``word`` is (likely) a plural noun: "troops", "homes", "people"; not "was",
    "bus", "crisis", "Paris" (capitalised words are names), "Kim's"."""
    w = word.casefold().replace("’", "'").rstrip("'")
    if w in IRREGULAR_PLURALS:
        return True
    return (word[:1].islower() and len(w) > 3 and w.endswith("s") and w not in NOT_PLURAL_WORDS
            and not w.endswith(("ss", "us", "is", "'s")))


# ---- hedges: the ONE table of words before a number and how they bound it ("more than
# 10", "more than 10 years ago"). The number grammar reads it as is; the date grammar's
# HEDGES ("over"/"under"/"approx") are derived from it.
HEDGE_LOWER, HEDGE_UPPER, HEDGE_APPROX = "lower_bound", "upper_bound", "approx"
HEDGES: dict[str, str] = {
    **dict.fromkeys((
        "about", "around", "some", "roughly", "approximately", "approx.", "an estimated",
        "estimated", "nearly", "almost", "close to", "circa"), HEDGE_APPROX),
    **dict.fromkeys((
        "at least", "more than", "over", "upwards of", "no fewer than", "no less than",
        "in excess of", "greater than", "above", "a minimum of", "just over", "well over"),
        HEDGE_LOWER),
    **dict.fromkeys((
        "up to", "as many as", "as much as", "at most", "fewer than", "less than", "under",
        "no more than", "not more than", "a maximum of", "below", "just under", "well under"),
        HEDGE_UPPER),
}


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first so that "sept" beats "sep"."""
    import regex

    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))

# Words that say nothing about which happening a sentence reports: function words,
# reporting verbs and calendar words. The timeline matches events on the rest.
STOPWORDS: frozenset[str] = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers him his how i if in into is
    it its itself just me more most my no nor not now of off on once only or other our
    ours out over own same she should so some such than that the their theirs them then
    there these they this those through to too under until up very was we were what when
    where which while who whom why will with would you your yet since per via amid
    according said says say saying told tells tell reported reports report stated added
    noted cited citing one first last next earlier
    later ago year years month months week weeks day days today yesterday tomorrow
    morning afternoon evening night weekend early mid late recent recently time times
    new also however still even many much may might must shall""".split()
) | frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(SEASONS)



# The only non-ASCII letters that regex's IGNORECASE matches to ASCII ones (found by
# trying every code point against [a-z]): dotted capital I, long s, the Kelvin sign.
ASCII_LOOKALIKES: tuple[tuple[str, str], ...] = (("\u0130", "i"), ("\u017f", "s"), ("\u212a", "k"))


def ascii_lower(text: str) -> str:
    """``text`` lower-cased, the ASCII look-alikes mapped first: wherever an IGNORECASE
    pattern matches an ASCII word in ``text``, that word stands in the result. It has
    the length of ``text`` (checked for every code point), so offsets carry over."""
    if not text.isascii():
        for letter, ascii_letter in ASCII_LOOKALIKES:
            if letter in text:
                text = text.replace(letter, ascii_letter)
    return text.lower()


# Runs of non-ASCII characters: looking at these alone is several times faster than
# looking at every character (news text is ASCII but for a few quotes and dashes).
# Written as one character, then the rest of the run: the standard library's engine
# skips ahead to where an opening character class matches, but tries a pattern that
# opens with a repeat at every character (2.6x slower over news sentences).
_NOT_ASCII = re.compile(r"[^\x00-\x7f][^\x00-\x7f]*")


def quick_look_text(chunk: str) -> Optional[str]:
    """``chunk`` as the grammars' quick looks read it (``ascii_lower``), or None when a
    quick look cannot be trusted there: a non-ASCII digit, which only the full
    patterns' ``\\d`` sees, or a lower case of another length."""
    lowered = ascii_lower(chunk)
    if len(lowered) != len(chunk):
        return None
    if not chunk.isascii() and any(map(str.isdecimal, "".join(_NOT_ASCII.findall(chunk)))):  # what \d also matches
        return None
    return lowered

