"""claimcheck.text: its quick paths find exactly what their patterns would, and
sentences end where a reader would end them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import text as T

_PIECES = st.sampled_from([
    "Kim", "said", "U.S.", "well-prepared", "Pyongyang's", "Pyongyang’s", "14,000", "2.5", "x",
    ".", "!", "?", ". ", "\" ", "” ", "’ ", ") ", "] ", "  ", " ", "\t", "\u00a0", "\n", "\r\n", "\r",
    " \n ", "—", "–", "…", "“", "‘", "é", "Ł", "٣", "ſ", "a" * 45, "-", "'", "The", "he", "(", "[", '"',
])
_texts = st.one_of(st.text(max_size=80), st.lists(_PIECES, max_size=40).map("".join))


def _bounds(text: str, data) -> tuple[int, int]:
    start = data.draw(st.integers(0, len(text)))
    return start, data.draw(st.integers(start, len(text)))


@settings(max_examples=400, deadline=None)
@given(text=_texts, data=st.data())
def test_words_match_the_word_pattern(text, data):
    start, end = _bounds(text, data)
    expected = [(m.start(), m.end(), m.group(), m.group().casefold().replace("’", "'"))
                for m in T._WORD.finditer(text, start, end)]
    assert [tuple(t) for t in T.words(text, start, end)] == expected


@settings(max_examples=400, deadline=None)
@given(text=_texts, data=st.data())
def test_break_scans_match_their_patterns(text, data):
    start, end = _bounds(text, data)
    assert T._sentence_breaks(text, start, end) == [m.span() for m in T._SENTENCE_BREAK.finditer(text, start, end)]
    assert T._paragraphs(text, start, end) == _paragraphs_break_by_break(text, start, end)


def _paragraphs_break_by_break(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """_paragraphs as first written (the reference): at every break of _PARA_BREAK, a
    line that ends in a letter, "," or "-" runs on into a next line in lower case;
    blank lines are left out (they hold no sentence)."""
    paragraphs = []
    pos = start
    for line_end in T._PARA_BREAK.finditer(text, start, end):
        break_start, break_end = line_end.span()
        if text[break_end : break_end + 1].islower():
            last = break_start
            while last > pos and text[last - 1].isspace():
                last -= 1
            ending = text[last - 1] if last > pos else ""
            if ending and (ending.isalpha() or ending in ",-"):
                continue
        paragraphs.append((pos, break_start))
        pos = break_end
    paragraphs.append((pos, end))
    return [(a, b) for i, (a, b) in enumerate(paragraphs) if a < b or i in (0, len(paragraphs) - 1)]


def _quote_spans_by_character(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """quote_spans as first written: one character at a time (the reference)."""
    spans, unclosed, i = [], set(), start
    while i < end:
        closing = T._QUOTE_PAIRS.get(text[i])
        opens = closing and closing not in unclosed and (i == start or text[i - 1] in " \t([—–-")
        if opens and i + 1 < end and not text[i + 1].isspace():
            j = i + 1
            while j < end and not (text[j] == closing and not text[j - 1].isspace()
                                   and (j + 1 >= end or not text[j + 1].isalnum())):
                j += 1
            if j < end:
                spans.append((i, j))
                i = j + 1
                continue
            unclosed.add(closing)
        i += 1
    return spans


@settings(max_examples=400, deadline=None)
@given(text=_texts, data=st.data())
def test_quote_spans_match_the_character_scan(text, data):
    start, end = _bounds(text, data)
    assert T.quote_spans(text, start, end) == _quote_spans_by_character(text, start, end)


@settings(max_examples=500, deadline=None)
@given(text=_texts)
def test_no_quotation_opens_where_may_open_quotation_finds_no_mark_that_may_open_one(text):
    for offset in range(len(text) + 1):
        start, end = T.line_bounds(text, offset)
        if not T.may_open_quotation(text, start, offset):
            assert all(opening >= offset for opening, _ in T.quote_spans(text, start, end))


@given(st.text(alphabet="ab \r\n", max_size=30))
def test_line_bounds_is_the_line_split_lines_finds(value):
    lines = T.split_lines(value)
    for offset in range(len(value) + 1):
        line = next(line for line in reversed(lines) if line.start <= offset)
        assert T.line_bounds(value, offset) == (line.start, line.end)


@pytest.mark.parametrize("text, sentences", [
    ("The vote is on Tues. March 3, officials said. It ended.",
     ["The vote is on Tues. March 3, officials said.", "It ended."]),
    ("Talks resume Thurs. Feb. 5 in Geneva. Gen. Smith said so.",
     ["Talks resume Thurs. Feb. 5 in Geneva.", "Gen. Smith said so."]),
    ("Troops left on Sept. 9. Nobody stayed.", ["Troops left on Sept. 9.", "Nobody stayed."]),
])
def test_abbreviations_of_titles_months_and_weekdays_do_not_end_a_sentence(text, sentences):
    assert [s.text for s in T.split_sentences(text)] == sentences


@pytest.mark.parametrize("call", [
    lambda: T._is_furniture("not a furniture line"),
    lambda: T._starts_block("not a heading"),
    lambda: T._byline_match("Matthew Loh"),
    lambda: T._sentence_breaks("Él dijo. Él fue.", 0, 16),
    lambda: T.clause_breaks("Él dijo, and sí.", T.Sentence(0, 16, "Él dijo, and sí.")),
    lambda: T.words("Él dijo", 0, 7),
])
def test_the_time_limits_given_without_keywords_are_kept(monkeypatch, call):
    """The regex calls give their time limit as the sixth or seventh argument (see
    ``text``): in the wrong place it would be taken for another argument and lost."""
    monkeypatch.setattr(T, "TIMEOUT", 0.0)
    monkeypatch.setattr(T, "TIMEOUT_PER_CHAR", 0.0)
    with pytest.raises(TimeoutError):
        call()


@settings(max_examples=600, deadline=None)
@given(text=st.one_of(_texts, st.lists(st.sampled_from(
    [", ", ",", ";", " and", " AND", "And", " that", " That", "that", " which", " when", "d", " ", "\u00a0", "\t",
     "\n", "x", "é", "’"]), max_size=30).map("".join)), data=st.data())
def test_clause_breaks_match_the_clause_pattern(text, data):
    start, end = _bounds(text, data)
    sentence = T.Sentence(start, end, text[start:end])
    assert T.clause_breaks(text, sentence) == [m.start() for m in T._CLAUSE_BREAK.finditer(text, start, end)]


def _sentences_paragraph_by_paragraph(text: str, start: int, end: int) -> list:
    """split_sentences as first written: each paragraph's breaks found by its own scan."""
    sentences: list = []
    for para_start, para_end in _paragraphs_break_by_break(text, start, end):
        if para_start == para_end:
            continue
        pos = para_start
        for break_start, break_end in T._sentence_breaks(text, para_start, para_end):
            if T._ends_with_abbreviation(text[max(pos, break_start - 40) : break_start]):
                continue
            T._add_sentence(sentences, text, pos, break_start)
            pos = break_end
        T._add_sentence(sentences, text, pos, para_end)
    return sentences


@settings(max_examples=600, deadline=None)
@given(text=_texts, data=st.data())
def test_sentences_split_by_one_scan_match_a_scan_a_paragraph(text, data):
    start, end = _bounds(text, data)
    assert T.split_sentences(text, start, end) == _sentences_paragraph_by_paragraph(text, start, end)


def _furniture_and_block(key: str) -> tuple[bool, bool]:
    return T._is_furniture(key), T._starts_block(key)


_RULE_PIECES = st.sampled_from([
    *T._furniture_rules()[0], "Related", "related:", "Related Articles", "Comments", "More from", "Read next",
    "Copyright", "©", "(c) ", "All rights reserved", "Updated: 5", "2 hours ago", "a day ago", "Visit x.com",
    "Follow us", "Tags:", "Hashtags", "- ", "• ", "* ", "·", "---", "/", "|", "_", " ", "  ", ":", "5", "The", "the",
    "said", "“", "’", "é", "ß", "ſ", "İ", "ı", "K", "Σ", "Ꭰ", "ꭰ", "x",
])


@settings(max_examples=800, deadline=None)
@given(text=st.one_of(st.text(max_size=30), st.lists(_RULE_PIECES, max_size=6).map("".join)))
def test_a_line_ruled_out_by_its_first_characters_is_neither_furniture_nor_a_block(text):
    """``_rule_keys`` leaves out a line's key where its head says no rule can match:
    it must agree with testing the whole key."""
    stripped = text.strip()
    key = T._key(stripped)
    furniture_key, block_key = T._rule_keys(stripped)
    assert furniture_key in ("", key) and block_key in ("", key)
    assert (T._is_furniture(furniture_key), T._starts_block(block_key)) == _furniture_and_block(key)


def test_every_furniture_word_and_heading_is_still_found():
    lines = [*T._furniture_rules()[0], "Related Articles", "related:", "Comments", "© 2025 Yonhap", "(c) 2024",
             "Copyright 2025", "2 hours ago", "Updated: 5 May", "Read more: the rest", "- Share", "• Get link", "---",
             "Hashtags"]
    for line in lines:
        furniture_key, block_key = T._rule_keys(line)
        assert T._is_furniture(furniture_key) or T._starts_block(block_key), line
