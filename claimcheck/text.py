"""Text structure with offsets: lines, page furniture, articles, sentences, quotes.

Nothing here changes the text: every function returns spans into the document
text exactly as it was decoded.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, repeat
from typing import Iterable, NamedTuple, Optional, Sequence

import regex

from . import vocab
from .models import Part, Sentence, Span
from .resources import load_data

TIMEOUT = 2.0  # seconds; a backstop only, the patterns are linear by construction
TIMEOUT_PER_CHAR = 1e-5  # more per character scanned, so a 10 MB line is not cut off at 2 s


def _timeout(length: int) -> float:
    """The time limit for one scan over ``length`` characters."""
    return TIMEOUT + length * TIMEOUT_PER_CHAR


class Line(NamedTuple):
    """One line of a document (a named tuple: cheap to make for every line)."""

    start: int  # first character of the line
    end: int  # end of its content, before the line break
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.text.strip()


_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # the standard library's engine scans ASCII faster
_new_tuple = tuple.__new__  # a named tuple made without its __new__ in Python (made by the thousand)


def split_lines(text: str) -> list[Line]:
    """Lines with offsets; ``\\r\\n``, ``\\r`` and ``\\n`` all end a line."""
    lines = []
    pos = 0
    if "\r" not in text:  # only "\n" ends a line: split by the string method
        for line in text.split("\n"):
            end = pos + len(line)
            lines.append(_new_tuple(Line, (pos, end, line)))
            pos = end + 1
        return lines
    for match in _LINE_BREAK.finditer(text):
        end = match.start()
        lines.append(_new_tuple(Line, (pos, end, text[pos:end])))
        pos = match.end()
    lines.append(Line(pos, len(text), text[pos:]))
    return lines


def line_bounds(text: str, offset: int) -> tuple[int, int]:
    """The ``[start, end)`` of the line of ``split_lines`` that holds ``offset``, found
    without splitting the whole text."""
    if offset and text.startswith("\n", offset) and text[offset - 1] == "\r":
        offset -= 1  # the "\n" of a "\r\n" ends the line before it
    start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    # The first "\n", else the text's end, unless a "\r" comes first: string searches, not a pattern's scan.
    end = text.find("\n", offset)
    if end < 0:
        end = len(text)
    carriage_return = text.find("\r", offset, end)
    return start, end if carriage_return < 0 else carriage_return


# --- page furniture --------------------------------------------------------------

_BULLET = regex.compile(r"^[\s\-*•·]+")


def _key(stripped: str) -> str:
    """A stripped line without a leading bullet, case-folded ("- Get link" -> "get link"):
    what the furniture and trailing-block rules are matched against."""
    return _fold(_body(stripped))


def _body(stripped: str) -> str:
    """A stripped line without a leading bullet ("- Get link" -> "Get link"); a line
    that is all bullet stays whole."""
    if stripped[:1].isalnum() or not stripped:  # no bullet to take off (nor white space: it is stripped)
        return stripped
    return _BULLET.sub("", stripped).strip() or stripped


def _fold(text: str) -> str:
    """``text.casefold()``; for ASCII its ``lower()``, the same and faster."""
    return text.lower() if text.isascii() else text.casefold()


def _any_of(patterns: list[str]) -> regex.Pattern:
    """One pattern that matches where any of ``patterns`` does: one search, not one each."""
    return regex.compile("|".join(f"(?:{p})" for p in patterns), regex.IGNORECASE)


@lru_cache(maxsize=1)
def _furniture_rules() -> tuple[frozenset, regex.Pattern, regex.Pattern]:
    data = load_data("boilerplate.toml")
    exact = frozenset(w.casefold() for w in data["lines"]["exact"])
    return exact, _any_of(data["lines"]["patterns"]), _any_of(data["blocks"]["starts"])


# The regex calls of claimcheck name no argument: regex's search and match take
# (string, pos, endpos, concurrent, partial, timeout), finditer (string, pos, endpos,
# overlapped, concurrent, partial, timeout). A keyword argument costs the regex module
# ~3,500 instructions a call (it makes a string of every keyword name to look up), as
# much as a failed search of a line. And concurrent is False: releasing the GIL for a
# match and taking it back costs ~1,200 more, and a worker has no other thread to let
# run. (tests/test_text.py checks that a time limit given so is kept.)


def _is_furniture(key: str) -> bool:
    """True for a share button, ad slot, copyright line or similar (``key``: see ``_key``)."""
    exact, pattern, _ = _furniture_rules()
    if not key:
        return False
    if key in exact:
        return True
    return pattern.search(key, None, None, False, False, _timeout(len(key))) is not None


def _starts_block(key: str) -> bool:
    """True for a heading such as "Related Articles" or "Comments" (``key``: see ``_key``)."""
    _, _, blocks = _furniture_rules()
    return bool(key) and blocks.search(key, None, None, False, False, _timeout(len(key))) is not None


# Most lines are prose that no rule matches, and a paragraph's key is long to fold and
# to search: a line's first few characters rule most of them out. Which rules could
# match a key that starts so is told by regex's partial matching, which also counts a
# match cut short by the end of the string (so a line opening "rel" may be "related:"),
# and kept for each such start; whole keys are made and searched only where it says yes.
_HEAD = 3  # characters of a key that rule a line in or out


@lru_cache(maxsize=4096)
def _rules_for_head(head: str) -> tuple[bool, bool]:
    """(whether a furniture rule, whether a trailing-block rule) could match a key that
    starts with ``head``."""
    exact, lines, blocks = _furniture_rules()
    furniture = any(word.startswith(head) for word in exact) or (
        lines.search(head, None, None, False, True, TIMEOUT) is not None)
    return furniture, blocks.search(head, None, None, False, True, TIMEOUT) is not None


def _rule_keys(stripped: str) -> tuple[str, str]:
    """The key (see ``_key``) of a stripped line for the furniture rules and for the
    trailing-block rules, each "" (which no rule matches) where no rule of its kind can
    match it."""
    if not stripped:  # a blank line (half of all lines)
        return "", ""
    # The head of the key: folding goes character by character, so folding a prefix
    # gives the key's prefix.
    furniture, block = _rules_for_head(_fold(_body(stripped)[:_HEAD]))
    if not (furniture or block):  # most lines
        return "", ""
    key = _key(stripped)
    return key if furniture else "", key if block else ""


# --- bylines, headlines and articles ---------------------------------------------

_BYLINE = regex.compile(
    r"""
    ^\s*
    (?:by\s+)?                                   # optional "By"
    (?P<name>
      \p{Lu}[\p{L}'’.\-]{0,30}                     # first name or initial
      (?:\s+(?:(?:de|da|van|von|der|al|bin|le)\s+)? # name particles
         \p{Lu}[\p{L}'’.\-]{0,30}){1,3}             # one to three more capitalised names
      (?:\s+and\s+\p{Lu}[\p{L}'’.\-]{0,30}(?:\s+\p{Lu}[\p{L}'’.\-]{0,30}){1,3})?  # co-author
    )
    (?:\s*,\s*(?P<outlet>\p{Lu}[\p{L}&.'’\- ]{1,60}?))?  # ", Bloomberg News"
    (?:\s+on)?                                   # "... on" left by a missing date
    \s*$
    """,
    regex.VERBOSE,
)

_SENTENCE_END = frozenset(".!?:;")


def byline_match(line: Line) -> Optional[regex.Match]:
    """The byline pattern's match for a short line such as "Matthew Loh"."""
    return _byline_match(line.stripped)


def _byline_match(text: str) -> Optional[regex.Match]:
    """``byline_match`` of a line given stripped."""
    if not text or len(text) > 80:
        return None
    return _BYLINE.match(text, None, None, False, False, TIMEOUT)


def _looks_like_headline(text: str) -> bool:
    """A stripped line of 4-30 words that starts with a capital and does not end a sentence."""
    if not text or text[-1] in _SENTENCE_END or not text[0].isupper():  # before splitting a paragraph into words
        return False
    return 4 <= len(text.split()) <= 30


@dataclass(frozen=True)
class Layout:
    """What :func:`analyse_layout` found: articles and the stretches left out."""

    parts: tuple[Part, ...]
    boilerplate: tuple[Span, ...]
    headline: Optional[str]
    outlet_from_byline: Optional[str]


def analyse_layout(text: str, lines: Sequence[Line], metadata_lines: Optional[dict[int, str]] = None) -> Layout:
    """Find page furniture, trailing blocks and the articles a file holds.

    ``metadata_lines`` maps indexes of lines already known to be datelines or front
    matter to that reason; they are left out of claims like furniture.
    """
    stripped = [line.text.strip() for line in lines]  # each line's text, stripped once for every test
    keys = [_rule_keys(text) for text in stripped]
    leave_out: dict[int, str] = dict(metadata_lines or {})
    for i, (key, _) in enumerate(keys):
        if key and i not in leave_out and _is_furniture(key):  # ("": no rule can match the line)
            leave_out[i] = "furniture"

    content = [i for i, text in enumerate(stripped) if text and i not in leave_out]
    headline = {i: _looks_like_headline(stripped[i]) for i in content}
    part_starts = [0]  # indexes into ``lines``
    titles: list[Optional[str]] = [None]
    bylines: list[Optional[str]] = [None]
    outlet = None
    body_chars = 0
    for pos, i in enumerate(content):
        previous = content[pos - 1] if pos else None
        # A byline is a short line after a headline (the cheaper test first).
        match = _byline_match(stripped[i]) if previous is not None and headline[previous] else None
        if match:
            leave_out[i] = "byline"
            outlet = outlet or (match.group("outlet") or "").strip() or None
            if body_chars >= 400 and previous > part_starts[-1]:
                part_starts.append(previous)
                titles.append(stripped[previous])
                bylines.append(match.group("name"))
                body_chars = 0
            elif titles[-1] is None:
                titles[-1] = stripped[previous]
                bylines[-1] = match.group("name")
            continue
        if i not in leave_out and not headline[i]:
            body_chars += len(stripped[i])

    if titles[0] is None:
        titles[0] = _first_headline(stripped, leave_out)
    part_bounds = [lines[i].start for i in part_starts[1:]] + [len(text)]
    parts = []
    start = 0
    for number, end in enumerate(part_bounds, 1):
        parts.append(Part(number, start, end, titles[number - 1], bylines[number - 1]))
        start = end

    spans = _trailing_blocks(lines, stripped, [block_key for _, block_key in keys], part_bounds)
    spans += [Span(lines[i].start, lines[i].end, reason) for i, reason in leave_out.items()]
    return Layout(
        parts=tuple(parts),
        boilerplate=tuple(_merge(spans)),
        headline=titles[0],
        outlet_from_byline=outlet,
    )


def _trailing_blocks(lines: Sequence[Line], stripped: list[str], keys: list[str], part_ends: list[int]) -> list[Span]:
    spans = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if keys[i] and _starts_block(keys[i]):  # ("": a blank line, or one no rule can match)
            end = next(e for e in part_ends if e > line.start)
            spans.append(Span(line.start, end, "trailing block: " + stripped[i][:40]))
            while i < len(lines) and lines[i].start < end:
                i += 1
            continue
        i += 1
    return spans


def _first_headline(stripped: list[str], leave_out: dict[int, str]) -> Optional[str]:
    for i, text in enumerate(stripped[:15]):
        if not text or i in leave_out:
            continue
        if _looks_like_headline(text):
            return text
    return None


def _merge(spans: list[Span]) -> list[Span]:
    """Sort spans and fold the ones that lie inside an earlier span."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if merged and span.end <= merged[-1].end:
            continue
        merged.append(span)
    return merged


def kept_regions(text_length: int, boilerplate: Sequence[Span]) -> list[tuple[int, int]]:
    """The ``[start, end)`` stretches of a document that are article text."""
    regions = []
    pos = 0
    for span in sorted(boilerplate, key=lambda s: s.start):
        if span.start > pos:
            regions.append((pos, span.start))
        pos = max(pos, span.end)
    if pos < text_length:
        regions.append((pos, text_length))
    return regions


# --- sentences --------------------------------------------------------------------

# Words after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen col lt sgt capt maj cmdr adm gov sen rep rev st jr sr
    no vs etc inc corp co ltd dept est approx fig u.s u.n u.k e.u
    """.split()
) | {name for table in (vocab.MONTHS, vocab.WEEKDAYS) for name in set(table) - vocab.full_names(table)}  # jan, tues

_SENTENCE_BREAK = regex.compile(
    r"""
    (?<=[.!?])                # after a sentence-final mark
    [\"'”’)\]]{0,3}           # closing quotes or brackets stay with the sentence
    \K                        # the sentence ends here
    [ \t\u00a0]+              # the gap to the next sentence
    (?=[\"'“‘(\[]?[\p{Lu}\d]) # which starts with a capital or a digit
    """,
    regex.VERBOSE,
)
# Searched from the end (?r): the only place it can match, so only there is it tried.
_LAST_WORD = regex.compile(r"(?r)([\p{L}.]+)\.[\"'”’)\]]{0,3}$")


def _ends_with_abbreviation(chunk: str) -> bool:
    """Whether ``chunk`` (the last 40 characters of a sentence) ends "Gen." or "U.S."."""
    match = _LAST_WORD.search(chunk, None, None, False)
    if not match:
        return False
    word = match.group(1).casefold()
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split_sentences(text: str, start: int = 0, end: Optional[int] = None) -> list[Sentence]:
    """Sentences inside ``text[start:end]``; every line break ends a sentence
    unless the next line continues it in lower case (hard-wrapped text)."""
    end = len(text) if end is None else end
    sentences: list[Sentence] = []
    # The breaks of all paragraphs in one scan: none crosses a line break, nor can end
    # a paragraph (what follows it is a capital, a digit or a quote), so each lies in
    # its paragraph as a scan of that paragraph alone would find it.
    breaks = _sentence_breaks(text, start, end)
    k = 0
    for para_start, para_end in _paragraphs(text, start, end):
        if para_start == para_end:  # the blank line between two paragraphs
            continue
        pos = para_start
        while k < len(breaks) and breaks[k][0] < para_end:
            break_start, break_end = breaks[k]
            k += 1
            if _ends_with_abbreviation(text[max(pos, break_start - 40) : break_start]):
                continue
            _add_sentence(sentences, text, pos, break_start)
            pos = break_end
        _add_sentence(sentences, text, pos, para_end)
    return sentences


# _SENTENCE_BREAK in the standard library's engine, which scans several times faster but
# has no \p{Lu}: it finds every break _SENTENCE_BREAK finds, and says which character
# after the gap decides. An ASCII one ("A"-"Z", "0"-"9") is a capital or digit in both
# engines; any other is left to _SENTENCE_BREAK itself.
_AFTER_THE_MARK = r"""
    [\"'”’)\]]{0,3}              # closing quotes or brackets stay with the sentence
    ([ \t\u00a0]+)                # the gap to the next sentence (group 1)
    (?=[\"'“‘(\[]?                # which starts, after an opening quote or bracket, with
       ([A-Z0-9]|[^\x00-\x7f]))   # an ASCII capital or digit, or a character to check (group 2)
    """
# One pattern for each sentence-final mark, each opening with its mark: a literal first
# character is found by a fast search, where a set ([.!?]) is tried at every position.
# A gap holds no mark, so no two gaps overlap: the gaps after each mark, put in order,
# are the gaps after any.
_GAP_AFTER = {mark: re.compile(re.escape(mark) + _AFTER_THE_MARK, re.VERBOSE) for mark in ".!?"}


def _sentence_breaks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``_SENTENCE_BREAK.finditer(text, start, end)`` (the gaps between
    sentences), found by ``_GAP_AFTER``."""
    breaks = []
    start = max(start - 1, 0)  # the mark may stand just before ``start``
    gaps: Iterable[re.Match] = _GAP_AFTER["."].finditer(text, start, end)
    others = [_GAP_AFTER[mark].finditer(text, start, end) for mark in "!?" if text.find(mark, start, end) >= 0]
    if others:  # (most paragraphs hold only full stops)
        gaps = sorted(chain(gaps, *others), key=re.Match.start)
    for gap in gaps:
        if gap.group(2).isascii():
            breaks.append(gap.span(1))
        else:
            match = _SENTENCE_BREAK.match(text, gap.start() + 1, end, False, False, TIMEOUT)
            if match is not None:
                breaks.append(match.span())
    return breaks


# A line break with the spaces around it: the break between two lines of ``_paragraphs``
# (its definition; ``_paragraphs`` finds the same breaks faster). Spaces before the line
# break are taken only from the start of their run, so that a scan stays linear on a
# long run of spaces.
_PARA_BREAK = re.compile(r"(?:(?<![ \t\u00a0])[ \t\u00a0]+)?(?:\r\n|\r|\n)[ \t\u00a0]*")
# A run of line breaks and the spaces after each: one break, or one and the blank lines
# after it (group 1), which end a paragraph without a look at the next line.
_LINE_END_RUN = re.compile(r"(?:\r\n|\r|\n)[ \t\u00a0]*((?:(?:\r\n|\r|\n)[ \t\u00a0]*)+)?")
_NEWLINE_RUN = re.compile(r"\n[ \t\u00a0]*((?:\n[ \t\u00a0]*)+)?")  # the same in text without "\r"
_SPACES = " \t\u00a0"


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The ``[start, end)`` of each paragraph: lines, but a line that ends in a letter,
    "," or "-" runs on into a next line that starts in lower case. Blank lines are not
    paragraphs: the paragraphs around them are split by the breaks of ``_PARA_BREAK``,
    each a run of line breaks found at once."""
    paragraphs = []
    para_start = pos = start
    # Without a "\r", a line ends at a "\n": a literal first character is found by a
    # fast search, where "\r\n|\r|\n" is tried at every position.
    line_ends = _LINE_END_RUN if text.find("\r", start, end) >= 0 else _NEWLINE_RUN
    for line_end in line_ends.finditer(text, start, end):
        # The break takes the run of spaces before the line break back to the run's start.
        break_start = line_end.start()
        while break_start > pos and text[break_start - 1] in _SPACES:
            break_start -= 1
        if break_start < line_end.start() and break_start and text[break_start - 1] in _SPACES:
            break_start = line_end.start()  # the run of spaces began before ``start``: the break starts at the line end
        pos = line_end.end()
        # Only a next line that starts in lower case can continue this one (tested
        # first: after most line breaks comes a blank line or a capital).
        if line_end.lastindex is None and text[pos : pos + 1].islower():
            last = break_start  # just after the line's last visible character
            while last > para_start and text[last - 1].isspace():
                last -= 1
            ending = text[last - 1] if last > para_start else ""
            if ending and (ending.isalpha() or ending in ",-"):
                continue
        paragraphs.append((para_start, break_start))
        para_start = pos
    paragraphs.append((para_start, end))
    return paragraphs


_TRIM_LEFT = regex.compile(r"[\s\-*•·]+")


def _add_sentence(out: list[Sentence], text: str, start: int, end: int) -> None:
    if start < end and not text[start].isalnum():  # (no letter or digit is a space or bullet)
        lead = _TRIM_LEFT.match(text, start, end, False)
        if lead:
            start = lead.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))


# --- clauses --------------------------------------------------------------------------

_CLAUSE_BREAK = regex.compile(
    r"""
    , \s+ (?:and|but|while|which|who|after|where|when) \b   # ", and ...", ", which ..."
    | \s and \s+ that \b                                  # "... and that ..."
    | ;                                                    # "...; ..."
    """,
    regex.VERBOSE | regex.IGNORECASE,
)


# _CLAUSE_BREAK for plain text (``_is_plain``) in the standard library's engine, which
# finds the same breaks there: its \s spelled out as the white space the regex module
# sees among those characters (not "\x1c"-"\x1f"). It opens with one class of rare
# characters, which the engine skips to at C speed: led by an alternation, or by white
# space, it made a match attempt at nearly every character (~200 instructions each).
# So "... and that" is found at the "d" of its "and", three characters after its start.
_PLAIN_SPACE = r"[ \t\n\r\x0b\x0c\u00a0]"
_PLAIN_CLAUSE_BREAK = re.compile(
    rf"""
    [,;Dd]                                                                    # where a break can be told
    (?: (?<=,) {_PLAIN_SPACE}+ (?i:and|but|while|which|who|after|where|when) \b  # ", and ...", ", which ..."
      | (?<=;)                                                                # "...; ..."
      | (?<={_PLAIN_SPACE}[Aa][Nn][Dd]) {_PLAIN_SPACE}+ (?i:that) \b           # "... and that ..."
    )
    """,
    re.VERBOSE,
)
_AND_THAT_SHIFT = 3  # from the white space before "and" to its "d"


def clause_breaks(text: str, sentence: Sentence) -> list[int]:
    """Where the clause breaks of ``sentence`` stand (offsets into ``text``), in order."""
    start, end = sentence.start, sentence.end
    piece = sentence.text
    if _is_plain(piece):
        # (in the sentence alone: the look-behind must not see the text before it)
        breaks = [m.start() for m in _PLAIN_CLAUSE_BREAK.finditer(piece)]
        return [start + (i - _AND_THAT_SHIFT if piece[i] in "Dd" else i) for i in breaks]
    return [m.start() for m in _CLAUSE_BREAK.finditer(text, start, end, False, False, False, _timeout(end - start))]


def clause_bounds(sentence: Sentence, position: int, breaks: Sequence[int]) -> tuple[int, int]:
    """The ``[start, end)`` of the clause of ``sentence`` that holds ``position``: from
    the last break before it to the next one (``breaks`` from ``clause_breaks``)."""
    i = bisect_left(breaks, position)
    start = breaks[i - 1] if i else sentence.start
    end = breaks[i] if i < len(breaks) else sentence.end
    return start, end


# --- quotations ---------------------------------------------------------------------

_QUOTE_PAIRS = {"“": "”", "‘": "’", '"': '"', "'": "'"}
_QUOTE_MARK = re.compile("[“‘\"']")  # the marks that may open a quotation
_OPENS_AFTER = " \t([—–-"  # what a mark that opens one stands after, unless it starts the paragraph


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[open, close]`` offsets of quotations in ``text[start:end]`` (one paragraph).

    A straight or curly quote opens only after a space, line start or bracket and
    closes only before a space, punctuation or the end, so apostrophes in
    "Pyongyang's" are not taken for quotes.
    """
    spans = []
    unclosed: set[str] = set()  # closing marks known not to occur again before ``end``
    i = start
    while (mark := _QUOTE_MARK.search(text, i, end)) is not None:
        i = mark.start()
        closing = _QUOTE_PAIRS[text[i]]
        opens = closing not in unclosed and (i == start or text[i - 1] in _OPENS_AFTER)
        if opens and i + 1 < end and not text[i + 1].isspace():
            j = _closing_mark(text, i + 1, end, closing)
            if j >= 0:
                spans.append((i, j))
                i = j + 1
                continue
            unclosed.add(closing)  # so a long line of unmatched quotes stays linear
        i += 1
    return spans


def may_open_quotation(text: str, start: int, offset: int) -> bool:
    """Whether a quotation may open in ``text[start:offset]`` (``start`` begins a
    paragraph): a mark there that stands where ``quote_spans`` lets one open. Found
    by string searches, far cheaper than ``quote_spans``."""
    for mark in _QUOTE_PAIRS:
        at = text.find(mark, start, offset)
        while at >= 0:
            if at == start or text[at - 1] in _OPENS_AFTER:
                return True
            at = text.find(mark, at + 1, offset)
    return False


def _closing_mark(text: str, pos: int, end: int, closing: str) -> int:
    """The first ``closing`` mark from ``pos`` that ends a quotation (not after a space,
    not before a letter or digit); -1 when there is none before ``end``."""
    j = text.find(closing, pos, end)
    while j >= 0 and (text[j - 1].isspace() or (j + 1 < end and text[j + 1].isalnum())):
        j = text.find(closing, j + 1, end)
    return j


# --- words ----------------------------------------------------------------------------

# Words that open a noun phrase without being its head.
DETERMINERS = frozenset("the a an his her its their our my your these those this that".split())


class Token(NamedTuple):
    """A word with its offsets (a named tuple: tokens are made by the hundred thousand)."""

    start: int
    end: int
    text: str
    lower: str  # case-folded, curly apostrophe straightened; every rule compares this


_WORD = regex.compile(
    r"""
    [\p{L}\p{N}]                  # a word starts with a letter or digit
    (?:[\p{L}\p{N}'’.\-]{0,40}    # and may hold apostrophes, dots, hyphens ("U.S.", "well-prepared")
       [\p{L}\p{N}])?             # but ends with a letter or digit
    """,
    regex.VERBOSE,
)


# _WORD for text of ASCII and common punctuation, where the standard library's engine
# finds the same words at twice the speed; any other character (an accented letter,
# which the two engines' Unicode tables might class differently) takes _WORD itself.
_PLAIN_WORD = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9'’.\-]{0,40}[A-Za-z0-9])?")
# The same in a split that keeps the words found (split finds the same matches as
# finditer, and this pattern looks neither behind nor at the ends of the piece).
_PLAIN_WORD_SPLIT = re.compile(f"({_PLAIN_WORD.pattern})")
_NOT_PLAIN = re.compile(r"[^\x00-\x7f‘’“”–—…\u00a0]")


def _is_plain(piece: str) -> bool:
    """Whether ``piece`` is plain text: ASCII and common punctuation only (ASCII is one
    fast look; the rest one scan)."""
    return piece.isascii() or _NOT_PLAIN.search(piece) is None


def words(text: str, start: int, end: int) -> list[Token]:
    """Word tokens of ``text[start:end]`` with offsets."""
    piece = text[start:end]
    if _is_plain(piece):
        # Built column by column by C-level maps, without a Python step per word (a
        # sentence's tokens are made by the hundred), nor a match object: the split
        # gives [gap, word, gap, word, ..., gap], and the running sum of their lengths
        # each word's start and end, read in pairs off one iterator (no list of them).
        # Plain words (ASCII and "’") lower-case as their casefold() does; only "’" is
        # left to straighten.
        parts = _PLAIN_WORD_SPLIT.split(piece)
        texts = parts[1::2]
        bounds = accumulate(map(len, parts), initial=start)  # start, word 1 start, word 1 end, ...
        next(bounds)  # (the start of the first gap)
        lowers = map(str.lower, texts)
        if "’" in piece:
            lowers = [word.replace("’", "'") for word in lowers]
        return list(map(_new_tuple, repeat(Token), zip(bounds, bounds, texts, lowers)))
    tokens = []
    for m in _WORD.finditer(text, start, end, False, False, False, _timeout(end - start)):
        word_start, word_end = m.span()
        word = text[word_start:word_end]
        tokens.append(_new_tuple(Token, (word_start, word_end, word, word.casefold().replace("’", "'"))))
    return tokens


class SentenceWords:
    """A document's sentences, each tokenized once however often it is read."""

    def __init__(self, text: str, sentences: Sequence[Sentence]) -> None:
        self.text = text
        self.sentences = list(sentences)
        self._words: dict[int, list[Token]] = {}

    def __getitem__(self, index: int) -> list[Token]:
        if index not in self._words:
            sentence = self.sentences[index]
            self._words[index] = words(self.text, sentence.start, sentence.end)
        return self._words[index]
