"""Tests for claimcheck.dates: table-driven cases, properties, laziness and speed."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimcheck import date_gates, date_patterns, date_tables, dates, vocab
from claimcheck.dates import find_date_mentions, resolve_expression
from claimcheck.models import DateInterval
from timing import least_time

ROOT = Path(__file__).resolve().parents[1]
CASES = json.loads((ROOT / "tests" / "cases" / "dates.json").read_text(encoding="utf-8"))
PRECISIONS = {"day", "week", "month", "season", "quarter", "year", "decade", "century", "span", "present"}


def _anchor(case: dict) -> dt.date | None:
    return dt.date.fromisoformat(case["anchor"]) if case["anchor"] else None


def _summary(m) -> dict:
    r = m.resolved
    return {
        "text": m.text,
        "kind": m.kind,
        "start": r and r.start.isoformat(),
        "end": r and r.end.isoformat(),
        "precision": r and r.precision,
        "future": m.future,
    } | ({"impossible": True} if m.impossible else {})


def _check_invariants(text: str, mentions, anchor, assumed) -> None:
    prev_end = -1
    for m in mentions:
        assert text[m.start:m.end] == m.text and m.text
        assert m.start >= prev_end, "sorted and non-overlapping"
        prev_end = m.end
        assert m.kind in ("absolute", "relative", "duration")
        if m.kind == "duration":
            assert m.resolved is None and m.anchor is None and not m.assumed
        elif m.kind == "absolute":
            assert (m.resolved is None) == m.impossible and m.anchor is None and not m.assumed
        else:
            assert m.anchor == anchor and m.assumed == (assumed and anchor is not None)
            if anchor is None:
                assert m.resolved is None
        if m.resolved is not None:
            assert m.resolved.start <= m.resolved.end
            assert m.resolved.precision in PRECISIONS
            if m.resolved.precision == "season":
                assert m.resolved.note == vocab.SEASON_NOTE


@pytest.mark.parametrize("case", CASES, ids=[f"{i:03d}-{c['text'][:40]}" for i, c in enumerate(CASES)])
def test_case_table(case):
    anchor = _anchor(case)
    mentions = find_date_mentions(case["text"], anchor=anchor, assumed=case["assumed"], **case.get("options", {}))
    assert [_summary(m) for m in mentions] == case["expect"]
    _check_invariants(case["text"], mentions, anchor, case["assumed"])


def test_case_table_is_big_enough():
    assert len(CASES) >= 90
    assert sum(1 for c in CASES if not c["expect"]) >= 10  # negatives


def test_offsets_are_relative_to_the_whole_text_and_window_is_respected():
    text = "Intro on Saturday. Middle: in January. End: last fall."
    start = text.index("Middle")
    end = text.index("End")
    got = find_date_mentions(text, start, end, anchor=dt.date(2025, 4, 28))
    assert [(m.text, m.start) for m in got] == [("in January", text.index("in January"))]
    assert find_date_mentions(text, 5, 5) == []
    assert find_date_mentions(text, 40, 10) == []


def test_datetime_anchor_is_treated_as_its_date():
    got = find_date_mentions("on Saturday", anchor=dt.datetime(2025, 4, 28, 23, 59))
    assert got[0].anchor == dt.date(2025, 4, 28)
    assert got[0].resolved == DateInterval(dt.date(2025, 4, 26), dt.date(2025, 4, 26), "day")


def test_resolve_expression():
    a = dt.date(2025, 4, 28)
    assert resolve_expression("last fall", a) == DateInterval(
        dt.date(2024, 9, 1), dt.date(2024, 11, 30), "season", vocab.SEASON_NOTE)
    assert resolve_expression("April 28, 2025", None) == DateInterval(a, a, "day")
    assert resolve_expression("in 2024", None) == DateInterval(dt.date(2024, 1, 1), dt.date(2024, 12, 31), "year")
    assert resolve_expression("last year", None) is None  # relative, no anchor
    assert resolve_expression("seven months", a) is None  # a duration
    assert resolve_expression("may", a) is None
    assert resolve_expression("on Monday and on Tuesday", a) is None  # two mentions


def test_patterns_are_compiled_module_constants():
    assert dates.PATTERNS and all(isinstance(p, regex.Pattern) for p in dates.PATTERNS.values())
    assert all(p.flags & regex.VERBOSE for p in dates.PATTERNS.values())


# ---------------------------------------------------------------- trigger words

def test_every_rule_has_triggers():
    assert list(date_gates.TRIGGERS) == list(date_patterns.PATTERNS)


def _assert_triggers_cover(text: str) -> None:
    """A rule that matches somewhere in ``text`` is never skipped by its triggers, and
    is tried wherever it can match."""
    tried = date_gates.rules_to_try(text, 0, len(text))
    for name, pattern in date_patterns.PATTERNS.items():
        if pattern.search(text):
            assert name in tried, (name, text)
        starts = date_gates.match_starts(name, text, 0, len(text))
        if starts is not None:
            for pos in range(len(text)):
                if pattern.match(text, pos):
                    assert pos in starts, (name, text, pos)


def test_triggers_cover_every_case():
    for case in CASES:
        _assert_triggers_cover(case["text"])
        for expected in case["expect"]:
            _assert_triggers_cover(expected["text"])


def test_ascii_folds_are_every_letter_ignorecase_matches_to_ascii():
    letter = regex.compile(r"[a-z]", regex.IGNORECASE)
    found = {chr(cp) for cp in range(128, 0x110000) if letter.fullmatch(chr(cp))}
    assert found == {odd for odd, _ in vocab.ASCII_LOOKALIKES}
    _assert_triggers_cover("\u0130n 2024, on \u017fATURDAY, the wee\u212a before, for \u017fix months")
    _assert_triggers_cover("xApril 5, for TWENTY-one days, junov 3, a month later, MAY 1")


def test_a_vague_count_ago_says_how_it_was_read():
    (mention,) = find_date_mentions("They met a few weeks ago.", anchor=dt.date(2025, 4, 28))
    assert mention.resolved.note == '"few" read as 2 to 5 weeks back'
    (mention,) = find_date_mentions("It happened up to a few days ago.", anchor=dt.date(2025, 4, 28))
    assert (mention.text, mention.resolved.start, mention.resolved.end) == ("up to a few days ago", dt.date(2025, 4, 23), dt.date(2025, 4, 28))
    assert mention.resolved.note == '"few" read as up to 5 days back'


def test_non_ascii_digits_are_searched_for_everywhere():
    assert date_gates.match_starts("duration", "for \u0663 months", 0, 12) is None
    assert [m.text for m in find_date_mentions("for \u0663 months")] == ["for \u0663 months"]


# ---------------------------------------------------------------- properties

_TOKENS = [
    "on", "in", "last", "next", "this", "the", "of", "early", "mid-", "late", "past", "ago",
    "May", "may", "March", "Sun", "Monday", "April", "Feb.", "fall", "winter", "week", "weekend",
    "year", "years", "months", "three", "twenty-five", "a", "more than", "2024", "1990s", "28",
    "29", "31", "0", "2,024", "Q1", "quarter", "from", "to", "between", "and", "will", "said",
    "yesterday", "-", ",", ".", " ", "\n", "/", "04/28/2025", "2024-02-30", "period", "three-month",
]
_texty = st.lists(st.one_of(st.sampled_from(_TOKENS), st.text(max_size=4)), max_size=30).map(" ".join)
_anchors = st.one_of(st.none(), st.dates(), st.sampled_from([dt.date.min, dt.date.max, dt.date(2024, 2, 29)]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(max_size=200), _texty), anchor=_anchors, assumed=st.booleans())
def test_never_raises_and_spans_are_consistent(text, anchor, assumed):
    mentions = find_date_mentions(text, anchor=anchor, assumed=assumed)
    _check_invariants(text, mentions, anchor, assumed)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=100), _texty))
def test_triggers_cover_random_text(text):
    _assert_triggers_cover(text)


@settings(max_examples=150, deadline=None)
@given(text=_texty, anchor=_anchors, data=st.data())
def test_window_mentions_lie_inside_the_window(text, anchor, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for m in find_date_mentions(text, start, end, anchor=anchor):
        assert start <= m.start < m.end <= end
        assert text[m.start:m.end] == m.text


@settings(max_examples=100, deadline=None)
@given(text=_texty, anchor=st.dates(min_value=dt.date(1700, 1, 1), max_value=dt.date(2100, 12, 31)))
@example(text="last 2,024 year", anchor=dt.date(2000, 1, 1))  # found by this test: past year 1
def test_relative_mentions_resolve_with_an_ordinary_anchor(text, anchor):
    for m in find_date_mentions(text, anchor=anchor):
        if m.kind == "relative":
            assert m.resolved is not None, m


# ---------------------------------------------------------------- dateparser is lazy

def test_dateparser_is_not_imported_for_the_common_forms():
    common = [c for c in CASES if not c.get("uses_dateparser")]
    script = (
        "import sys, json, datetime as dt\n"
        "import claimcheck.dates as d\n"
        "assert 'dateparser' not in sys.modules, 'imported at module import'\n"
        f"cases = json.loads({json.dumps(json.dumps(common))})\n"
        "for c in cases:\n"
        "    a = dt.date.fromisoformat(c['anchor']) if c['anchor'] else None\n"
        "    d.find_date_mentions(c['text'], anchor=a)\n"
        "    for e in c['expect']:\n"
        "        d.resolve_expression(e['text'], a)\n"
        "assert 'dateparser' not in sys.modules, 'imported while resolving'\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_numeric_dates_fall_back_to_dateparser():
    got = find_date_mentions("Signed 04/28/2025 and 28.04.2025, not 13/13/2025.")
    assert [(m.text, m.kind, m.resolved.start) for m in got] == [
        ("04/28/2025", "absolute", dt.date(2025, 4, 28)),
        ("28.04.2025", "absolute", dt.date(2025, 4, 28)),
    ]


# ---------------------------------------------------------------- regex safety

_ADVERSARIAL = {
    "weekdays": "Monday, " * 12_500,
    "digits": "1" * 100_000,
    "digit groups": "12 " * 33_000,
    "punctuation": ".,;:-/'’(" * 11_000,
    "dates": "April 28, " * 10_000,
    "prepositions": "in the " * 14_000,
    "hedged counts": "more than three " * 6_000,
    "years": "from 2022 to " * 8_000,
    "hyphens": "mid-" * 25_000,
    "whitespace": " \n" * 50_000,
}


# Against one regex step per character: real dates in every word take about 30 of
# those (measured); a backtracking pattern takes thousands.
RATIO_BOUND = 300


@pytest.mark.parametrize("name", list(_ADVERSARIAL))
def test_adversarial_input_runs_in_roughly_linear_time(name, monkeypatch):
    from claimcheck.errors import PartialReadWarning

    text = _ADVERSARIAL[name]
    every_character = regex.compile(r"(?s).")
    step = least_time(lambda: every_character.findall(text))
    # The search timeout is only a backstop: set it to the bound, and make a scan it cuts
    # off an error, so a runaway pattern fails here instead of passing with partial results.
    monkeypatch.setattr(dates, "SEARCH_TIMEOUT", RATIO_BOUND * step)
    with warnings.catch_warnings():
        warnings.simplefilter("error", PartialReadWarning)
        took = least_time(lambda: find_date_mentions(text, anchor=dt.date(2025, 4, 28)),
                          enough=RATIO_BOUND * step, limit_reached=(PartialReadWarning,))
    assert took / step < RATIO_BOUND, f"{name}: {took:.2f}s vs {step:.4f}s (inf: cut off by the time limit)"


def test_search_timeout_returns_partial_results_and_says_so(monkeypatch):
    from claimcheck.errors import PartialReadWarning

    monkeypatch.setattr(dates, "SEARCH_TIMEOUT", 0.0)
    text = "on Saturday " * 20_000
    with pytest.warns(PartialReadWarning, match="may be missing"):
        assert isinstance(find_date_mentions(text, anchor=dt.date(2025, 4, 28)), list)


def _naive_present_groups(text: str) -> int:
    """The trigger groups of ``text`` looked for the plain way: every word as a substring
    of the lowered text, the run markers in every run of letters and digits, digits with
    the patterns' own \\d (the token-by-token look must give the same)."""
    g = date_gates
    lowered = vocab.ascii_lower(text)
    present = 0
    for word, bits in g._BITS.items():
        if word not in (g.DIGIT, g.YEAR, g.MONTH, g.WEEKDAY, g.UNIT, g.ERA, g.HOLIDAY) and word in lowered:
            present |= bits
    for run in g._RUN.findall(lowered):
        for marker, shown in g._RUN_MARKERS:
            if shown.search(run):
                present |= g._BITS[marker]
    if g._DIGIT.search(text):
        present |= g._BITS[g.DIGIT]
    if g._YEAR_SHAPED.search(text):
        present |= g._BITS[g.YEAR]
    return present


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=100), _texty))
def test_token_look_finds_the_trigger_groups_of_the_plain_look(text):
    assert date_gates._present_groups(text, 0, len(text)) == _naive_present_groups(text)


def test_token_look_on_cases():
    for case in CASES:
        assert date_gates._present_groups(case["text"], 0, len(case["text"])) == _naive_present_groups(case["text"])


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=100), _texty))
def test_month_led_scanners_find_every_place_their_look_matches(text):
    """The places-first scanners (month names by their stems, month-led looks at month,
    digit or "the") find what their look finds tried at every place."""
    g = date_gates
    lowered = vocab.ascii_lower(text)
    assert g._month_starts(lowered) == [m.start() for m in g._MONTH_NAME.finditer(lowered)]
    for name, look in [("day_date", g._DAY_DATE_START), ("day_range", g._DAY_RANGE_START),
                       ("day_date_of_year", g._DAY_DATE_OF_YEAR_START),
                       ("month_numeric", g._MONTH_AMONG_DIGITS_START), ("month_glued", g._MONTH_GLUED_START)]:
        assert g._STARTS[name](lowered) == [i for i in range(len(lowered) + 1) if look.match(lowered, i)], name


def _lookbehind_first_looks() -> dict[str, tuple[re.Pattern, re.Pattern]]:
    """Scanners written with the check of what stands before them after their first
    letter or digit (so that the engine skips to those), beside their plain form."""
    g, T = date_gates, date_gates.T
    return {
        "digit run": (g._DIGIT_RUN_START, re.compile(r"(?<![0-9])[0-9]")),
        "year": (g._YEAR_START, re.compile(r"(?<![0-9])(?:1[6-9]|2[01])[0-9][0-9]")),
        "year after dash": (g._YEAR_AFTER_DASH, re.compile(r"(?<=[0-9][-–])(?<![0-9])(?:1[6-9]|2[01])[0-9][0-9]")),
        "number then number": (g._NUMBER_THEN_NUMBER, re.compile(r"(?<![a-z0-9_.,/])[0-9]{1,2}[/-][0-9]")),
        "lone weekday": (g._LONE_WEEKDAY_START, re.compile(r"(?<![a-z0-9_])(?:%s)(?![a-z0-9_])" % "|".join(
            re.escape(w) + (r"\." if stop else "")
            for w, stop in sorted(T.LONE_WEEKDAY_ABBREVIATIONS.items(), key=lambda i: -len(i[0]))))),
        "year words": (g._YEAR_WORDS_START, re.compile(
            r"(?<![a-z0-9_])(?:%s|two(?=\s+thousand))" % "|".join(T.YEAR_WORD_HUNDREDS))),
        "numeric date": (g._NUMERIC_DATE_START, re.compile(
            r"(?<![a-z0-9_.,/-])[0-9]{1,2}([/.])[0-9]{1,2}\1(?:1[6-9]|2[01])[0-9][0-9]")),
        "iso embedded": (g._ISO_EMBEDDED_START, re.compile(
            r"(?<=[_-])[0-9]{4}-[0-9]|(?<![a-z0-9_.,])[0-9]{8}")),
        "day word": (g._DAY_WORD_START, re.compile(
            rf"(?<![a-z0-9_])(?:the\s+(?=(?:{g._DAY_WORDS}))|(?:{g._DAY_WORDS}))")),
    }


_LOOK_TEXT = st.one_of(st.text(alphabet="0123456789-–/.,_ abtw12hiedgnoufrsmq\n", max_size=60),
                       _texty.map(str.lower))


@settings(max_examples=400, deadline=None)
@given(text=_LOOK_TEXT)
def test_digit_or_letter_first_scanners_match_their_plain_form(text):
    for name, (quick, plain) in _lookbehind_first_looks().items():
        assert [m.span() for m in quick.finditer(text)] == [m.span() for m in plain.finditer(text)], name


_COUNT_AND_UNIT_TEXT = st.lists(st.sampled_from(
    ["three", "a", "an", "twenty", "couple", "2.5", "3,000", "1", "-", " ", "  ", "\n", "\u2003", "months", "day",
     "fortnight", "hour", "big", "of", "in", "last", "first", "20th", "the", "x", ",", ".", "years", "decade", "é",
     "this", "past", "next", "week", "weekend", "month", "year", "recent", "coming", "monday", "sat", "tue", "15"]),
    max_size=14).map("".join)


@settings(max_examples=500, deadline=None)
@given(text=st.one_of(_COUNT_AND_UNIT_TEXT, _LOOK_TEXT))
def test_unit_led_and_split_scanners_match_their_plain_form(text):
    """The scanners looking only before units (duration, calendar), only at stems
    (weekday_day, calendar_count) or in parts (of_month, span_rel) find what their single
    look's finditer finds."""
    g = date_gates
    assert g._duration_starts(text) == [m.start() for m in g._DURATION_START.finditer(text)]
    of_month = g._STARTS["of_month"](text)  # every place its look finds, or none where the rule cannot match
    assert of_month in ([m.start() for m in g._OF_MONTH_START.finditer(text)], [])
    assert of_month or not date_patterns.PATTERNS["of_month"].search(text)
    assert g._STARTS["calendar"](text) == [m.start() for m in g._CALENDAR_START.finditer(text)]
    assert g._STARTS["span_rel"](text) == [m.start() for m in g._SPAN_REL_START.finditer(text)]
    for name, look in [("weekday_day", g._WEEKDAY_DAY_START), ("calendar_count", g._CALENDAR_COUNT_START)]:
        assert g._STARTS[name](text) == [m.start() for m in look.finditer(text)], name


@settings(max_examples=400, deadline=None)
@given(text=st.one_of(st.text(max_size=80), _texty,
                      st.lists(st.sampled_from([*date_tables.FUTURE_CUES, "WILL", "We'll", "it’ll", "Won’t", "LET'S",
                                                "x", ",", " ", "\u0130", "\u212a", "—"]), max_size=8).map(" ".join)))
def test_a_text_without_future_cue_keys_holds_no_future_cue(text):
    """The quick look of future_cue never hides a cue FUTURE_CUE would find in the
    text's words, joined (or any run of them)."""
    from claimcheck.date_context import may_hold_future_cue
    words = date_patterns.WORD.findall(text)
    if date_patterns.FUTURE_CUE.search(" ".join(words)):
        assert may_hold_future_cue(text), text


def test_of_month_is_tried_wherever_it_matches():
    """Its looks run only where a month stands after "of" or "in" (read backwards)."""
    for text in ["the first Tuesday of October", "on the 20th day of the month", "the last day of next month",
                 "5 in May", "the third Friday in\tthe  coming month", "first day of  may", "2nd Monday of\nthe Sept.",
                 "the last Friday of this month's", "the 3rd of previous month", "fifth in the jan", "4 of monthly"]:
        _assert_triggers_cover(text)
        assert date_gates._STARTS["of_month"](text.lower()), text
    for text in ["the first of many in 2024", "5 of them by March", "the last day, in the month"]:
        assert date_gates._STARTS["of_month"](text.lower()) == [], text


@settings(max_examples=500, deadline=None)
@given(text=st.one_of(st.text(max_size=60), st.text(alphabet=".!?\n \t\"'”’)]ab3\u2003\x1c\x85", max_size=16)))
def test_last_sentence_end_is_where_the_last_sentence_end_match_ends(text):
    from claimcheck.date_context import last_end, last_sentence_end
    assert last_sentence_end(text) == last_end(date_patterns.SENTENCE_END, text)


def test_year_era_is_tried_wherever_it_matches():
    for text in ["in 14 AD", "in 2014CE,", "the year 33 A.D. saw", "c. 400 c.e.", "in 79\tAD", "in \u0661\u0664 AD",
                 "from 1200 AD to 1300 CE", "since the price rose 5 percent"]:
        _assert_triggers_cover(text)
    assert "year_era" not in date_gates.rules_to_try("since the price rose 5 percent", 0, 31)
