"""Tests for claimcheck.numbers: table-driven cases, properties, and regex safety."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.models import COUNT, LOWER_BOUND, RANGE, UPPER_BOUND, VAGUE, YEAR
from claimcheck import number_patterns, numbers
from claimcheck.numbers import find_number_phrases
from claimcheck.vocab import quick_look_text
from timing import least_time

CASES = json.loads((Path(__file__).parent / "cases" / "numbers.json").read_text(encoding="utf-8"))


def _as_dicts(text: str) -> list[dict]:
    return [
        {"text": p.text, **p.value.to_dict(), "quantity": p.quantity, "unit": p.unit}
        for p in find_number_phrases(text)
    ]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_cases(case):
    assert _as_dicts(case["text"]) == case["expect"]


def test_offsets_are_into_the_whole_text():
    text = "Kim sent about 14,000 troops in 2024."
    inner = find_number_phrases(text, 5, 30)
    assert [(p.start, p.end, p.text) for p in inner] == [(9, 21, "about 14,000")]
    assert text[inner[0].start:inner[0].end] == "about 14,000"
    assert [p.text for p in find_number_phrases(text, 0, 21)] == ["about 14,000"]
    assert [p.text for p in find_number_phrases(text, 21)] == ["2024"]


def test_left_context_before_start_still_counts():
    # "16" in F-16 is an identifier even when the scan starts right at the digits.
    assert find_number_phrases("an F-16 jet", 5) == []


def test_non_string_input_gives_nothing():
    assert find_number_phrases(None) == []  # type: ignore[arg-type]


# ---- properties --------------------------------------------------------------------
def _check_invariants(text: str, start: int = 0, end: int | None = None) -> None:
    phrases = find_number_phrases(text, start, end)
    stop = len(text) if end is None else max(0, min(end, len(text)))
    previous_end = max(0, start)
    for p in phrases:
        assert text[p.start:p.end] == p.text
        assert previous_end <= p.start < p.end <= stop
        previous_end = p.end
        v = p.value
        if v.low is not None and v.high is not None:
            assert v.low <= v.high
        assert v.kind != LOWER_BOUND or v.high is None
        assert v.kind != UPPER_BOUND or v.low is None
        assert v.kind not in (RANGE, VAGUE) or (v.low is not None and v.high is not None)


_PIECES = st.sampled_from([
    "about ", "at least ", "up to ", "some ", "between ", " and ", " to ", "-", "–", " — ", ",", ".",
    "1", "2", "14", "000", ",000", "2024", "1.3", " million", "bn", "k", "%", " percent", "$", "€",
    "one", "two", "twenty", "-five", " hundred", " thousand", "a ", "half", "-dozen", "dozens",
    "thousands", "tens of ", " of ", " in ", " or ", " or more", "+", "-odd", " years", "-year-old",
    " ago", " mm", "-ton", "April ", "Sun, ", ":", "/", "am", " ", "\n", "F-", "G", "x", "@", "http://",
])


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_keeps_the_invariants(text):
    _check_invariants(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join), st.integers(0, 40), st.integers(0, 200))
def test_number_like_text_keeps_the_invariants(text, start, end):
    _check_invariants(text)
    _check_invariants(text, start, end)


def _assert_hints_cover(text: str, start: int = 0, end: int | None = None) -> None:
    """Wherever the core or candidate pattern matches, the quick look lists that offset."""
    end = len(text) if end is None else max(0, min(end, len(text)))
    start = max(0, min(start, end))
    hints = numbers._Hints(text, start, end)
    if not hints.trusted:
        return
    for pos in range(start, end):
        if number_patterns.quick_patterns().core.match(text, pos, end):
            assert pos in hints.cores, (text, pos)
        if number_patterns.quick_patterns().candidate.match(text, pos, end):
            assert pos in hints.candidates(start, end), (text, pos)


def test_quick_look_covers_every_case():
    for case in CASES:
        assert numbers._Hints(case["text"], 0, len(case["text"])).trusted, case["text"]
        _assert_hints_cover(case["text"])
    _assert_hints_cover("\u0130n \u017fEVEN da\u212aS about T\u0130WO hundred, us$5 and HK$1")
    _assert_hints_cover("Tens, tense CR critical crs lacs lack halves THIRDS one-year sixty-six "
                        "twenty-first minus one, one o'clock, one twenty two, Ten\u00e9 zero5 nil_")


def test_quick_look_gives_way_to_the_search_for_non_ascii_digits():
    assert not numbers._Hints("about \u0663\u0660 troops", 0, 15).trusted  # Arabic-Indic 30
    assert find_number_phrases("about \u0663\u0660 troops")[0].text == "about \u0663\u0660"


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(_PIECES, max_size=20).map("".join)), st.integers(0, 20))
def test_quick_look_covers_random_text(text, start):
    _assert_hints_cover(text, start)


@given(st.integers(0, 10**12))
def test_comma_grouped_numbers_are_exact_counts(n):
    text = f"sent {n:,} people"
    (phrase,) = find_number_phrases(text)
    assert (phrase.text, phrase.quantity) == (f"{n:,}", COUNT)
    assert (phrase.value.low, phrase.value.high, phrase.value.kind) == (n, n, "exact")


@given(st.integers(1900, 2099))
def test_bare_year_shapes_are_years(n):
    (phrase,) = find_number_phrases(f"in {n} the war")
    assert (phrase.text, phrase.quantity, phrase.value.low) == (str(n), YEAR, n)


# ---- regex safety ------------------------------------------------------------------
ADVERSARIAL = {
    "100k digits": "7" * 100_000,
    "50k comma list": ",".join(str(i % 10) for i in range(50_000)),
    "50k numbers list": ",".join(str(i) for i in range(50_000)),
    "dots": "." * 100_000,
    "dashes": "-" * 100_000,
    "mixed punctuation": ".,-–—/:;!?()[]$€£%+#@" * 5_000,
    "whitespace": " \n\t" * 33_000,
    "hedges without numbers": "about at least more than up to " * 3_500,
    "decimal chain": "1." * 50_000,
    "glued identifiers": "F-16 " * 20_000,
}


@pytest.mark.parametrize("name", ADVERSARIAL)
def test_adversarial_input_stays_roughly_linear(name, monkeypatch):
    from claimcheck.errors import PartialReadWarning

    text = ADVERSARIAL[name]
    # Against one regex step per character: the worst bait here takes about 10 (measured).
    every_character = regex.compile(r"(?s).")
    step = least_time(lambda: every_character.findall(text))
    bound = 100 * step
    # The regex timeouts are only a backstop: set them to the bound, and make a scan they
    # cut off an error, so a runaway pattern fails here instead of passing with partial results.
    monkeypatch.setattr(numbers, "_SHORT", bound)
    monkeypatch.setattr(numbers, "_TIMEOUT_PER_CHAR", 0.0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", PartialReadWarning)
        elapsed = least_time(lambda: find_number_phrases(text), enough=bound, limit_reached=(PartialReadWarning,))
    assert elapsed < bound, f"{name}: {elapsed:.3f}s vs bound {bound:.3f}s (inf: cut off by the time limit)"


def test_news_text_scales_linearly():
    sentence = "Kim sent about 14,000 troops, at least 1,000 died in 2024 and $2.5bn was spent. "
    small, large = sentence * 200, sentence * 1600
    for text in (small, large):
        assert len(find_number_phrases(text)) == 4 * text.count("Kim")
    small_time = least_time(lambda: find_number_phrases(small))
    # 8x the text: linear is ~8x, well under quadratic
    assert least_time(lambda: find_number_phrases(large), enough=32 * small_time) < 32 * small_time


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=20).map("".join), st.lists(st.integers(0, 120), max_size=8))
def test_candidates_asked_window_by_window_are_those_of_one_scan(text, cuts):
    """The candidate hints scanned lazily, window by window left to right (with gaps, and
    once backwards), list every start a scan of the whole text lists in each window."""
    padded = number_patterns.HINT_PAD + (quick_look_text(text) or "")
    if quick_look_text(text) is None:
        return
    everywhere = sorted({m.end() - 1 for m in number_patterns.CANDIDATE_HINT.finditer(padded)})
    hints = numbers._Hints(text, 0, len(text))
    bounds = sorted(min(c, len(text)) for c in cuts) + [0]
    for lo, hi in zip(bounds, bounds[1:] + [len(text)]):
        hi = max(lo, hi)
        got = [s for s in hints.candidates(lo, hi) if lo <= s < hi]
        assert got == [s for s in everywhere if lo <= s < hi], (text, lo, hi)


def test_blanks_match_the_same_characters_with_and_without_case():
    """The grammar matches its blanks case-sensitively (number_patterns._compile): no
    character, in any case, is a blank that was not one, or the other way round."""
    flags = regex.VERBOSE | regex.IGNORECASE
    ignoring, keeping = regex.compile(number_patterns._BLANK, flags), regex.compile(f"(?-i:{number_patterns._BLANK})", flags)
    text = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert [m.start() for m in ignoring.finditer(text)] == [m.start() for m in keeping.finditer(text)]


_SHAPE_PIECES = st.sampled_from([
    "about ", "over ", "as many as ", "as ", "aged ", "Tuesday ", "May ", "April ", "estimated ", "some ",
    "between ", "from ", " and ", " to ", "-", "1", "3", "14,000", "2024", "1.5", "1/2", " million", "bn",
    "%", " percent", "$", "US$", "us $", "USD ", "minus ", "one", "two", "twenty", "-five", " hundred",
    "a ", "an ", "couple of ", "half", "quarter", "dozen", "dozens", "tens of ", "several ", "point ",
    "nil", " in ", " of ", " out of ", " every ", " or more", " years", " year", "-year-old", " old",
    " days", " hours", " months", " ago", " from now", ", ", "three", " weeks", " of age", "10:30",
    " am", "th", "1990s", "magnitude ", "per cent of ", "o'clock", "Lowe, ", "89", ",", ".", " ", "\n",
])


def _assert_shapes_agree_with_the_phrase(text: str) -> None:
    """At every candidate, the shapes the quick looks allow (numbers._phrase_at) find what
    the one phrase pattern finds: the quick looks rule out no shape that could match."""
    hints = numbers._Hints(text, 0, len(text))
    if not hints.trusted:
        return
    for pos in hints.candidates(0, len(text)):
        if pos >= len(text):
            break
        m = number_patterns.phrase().match(text, pos, len(text))
        got = numbers._phrase_at(text, pos, len(text), hints)
        assert (got and (got.span(), got.lastgroup)) == (m and (m.span(), m.lastgroup)), (text, pos)


def test_quick_looks_allow_every_shape_of_the_cases():
    for case in CASES:
        _assert_shapes_agree_with_the_phrase(case["text"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_SHAPE_PIECES, max_size=16).map("".join))
def test_quick_looks_allow_every_shape_of_random_text(text):
    _assert_shapes_agree_with_the_phrase(text)


def test_no_quantity_starts_with_another_word():
    """A quantity starts with a word of QTY_FIRST_WORDS (or no letter): the words that
    may start another shape or a hedge start none, whatever follows them."""
    qty = number_patterns.shapes().hedged["qty"]
    words = number_patterns._CANDIDATE_WORDS - number_patterns.QTY_FIRST_WORDS
    for word in words:
        for after in ("", " 5", "5", " five", "-5", " $5", " a couple", " thousands", " of 10", " 1/2"):
            for cased in (word, word.upper(), word.capitalize()):
                m = qty.match(cased + after)
                assert not (m and m["hedge"] is None), cased + after


def _assert_plain_counts_as_quantities(text: str) -> int:
    """Wherever a quantity matches, the short resolver (numbers._plain_count) gives what
    _quantity gives, or leaves it alone (None). Returns how many it took."""
    taken = 0
    for pattern in (number_patterns.shapes().hedged["qty"], number_patterns.phrase()):
        for pos in range(len(text)):
            m = pattern.match(text, pos)
            if m is None or m.lastgroup != "qty":
                continue
            plain = numbers._plain_count(m, m.groups(), text)
            if plain is not None:
                slow = numbers._quantity(m, numbers._groups(m), text, len(text))
                assert repr(plain) == repr(slow), (text, pos)  # repr: 14000 is not 14000.0
                taken += 1
    return taken


def test_plain_counts_resolve_as_quantities():
    taken = sum(_assert_plain_counts_as_quantities(case["text"]) for case in CASES)
    taken += _assert_plain_counts_as_quantities("about 14,000 troops, 8 tanks, 0 ships, 2,025 men, up to 7 or 8")
    taken += _assert_plain_counts_as_quantities("Two died, TEN fled, some twenty-five or two-thirds or two- "
                                                "one of nil twelve seventy, seven thousand, three years")
    taken += _assert_plain_counts_as_quantities("120 mm, 5,000-ton, 3-day, two months, 50 cents, about 10%, "
                                                "6 percent, 2024 mm, 2,000 won, 30 USD, one-year, 12 kg")
    assert taken > 20


@settings(max_examples=300, deadline=None)
@given(st.lists(_SHAPE_PIECES, max_size=12).map("".join))
def test_plain_counts_resolve_as_quantities_in_random_text(text):
    _assert_plain_counts_as_quantities(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=6), st.sampled_from(sorted(numbers._BEFORE_A_DIGIT_CORE)),
       st.sampled_from("0123456789"), st.text(max_size=6))
def test_a_digit_after_a_plain_character_is_a_core_alone(before, plain, digit, after):
    """numbers._next_core takes a digit after one of _BEFORE_A_DIGIT_CORE for a core of
    one character, without the pattern: the pattern agrees, whatever stands around."""
    before = "" if plain == "" else before
    text = before + plain + digit + after
    pos = len(before + plain)
    assert number_patterns.quick_patterns().core.match(text, pos).span() == (pos, pos + 1), text


def test_no_unit_starts_with_a_blank_or_a_dash():
    """_UNIT tries a unit with nothing before it only where number_patterns._UNIT_GLUED
    allows: no unit, time unit filler nor currency code starts with a blank or a dash."""
    glued = regex.compile(number_patterns._UNIT_GLUED, regex.VERBOSE | regex.IGNORECASE)
    words = {*number_patterns.T.UNITS, *number_patterns.T.TIME_UNIT_FILLERS, *number_patterns.T.CURRENCY_CODES}
    for word in words:
        for cased in (word, word.upper(), word.capitalize()):
            assert glued.match(cased), word


def test_a_number_in_digits_starts_where_its_look_ahead_allows():
    """_NUMBER tries a number in digits (_DIGIT_FIRST) only where _DIGIT_AHEAD allows:
    whatever the first character, it starts none elsewhere."""
    flags = regex.VERBOSE | regex.IGNORECASE
    digits = regex.compile(number_patterns._DIGIT_FIRST, flags)
    ahead = regex.compile(number_patterns._DIGIT_AHEAD, flags)
    for c in map(chr, range(0x30000)):
        if 0xD800 <= ord(c) < 0xE000 or ahead.match(c):
            continue
        for after in ("", "5", "0", "5 1/2", "1/2", ",000", "5 300 200", "e5"):
            assert not digits.match(c + after), c + after
