"""Metadata read from a document's own text: front matter and datelines."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import TYPE_CHECKING, Optional, Sequence

import regex

from . import vocab
from .models import MetaField

if TYPE_CHECKING:
    from .text import Line

_FRONT_MATTER_KEYS = {
    "published": "published", "date": "published", "pubdate": "published",
    "outlet": "outlet", "source": "outlet", "publisher": "outlet", "site": "outlet",
    "title": "title", "headline": "title",
}
# The value runs to the end of the line and is stripped afterwards: a lazy ".*?\s*$"
# would try the trailing-space test at every character, quadratic in a long line.
_FRONT_MATTER_LINE = regex.compile(r"^\s*(?P<key>[\w-]{1,40})\s*:(?P<value>.*)$")
_WIRE_DATELINE = regex.compile(
    r"""
    ^\s*\p{Lu}[\p{Lu}\p{M} .'\-]{1,40}    # place in capitals: "SEOUL"
    ,\s+
    (?P<date>[\p{L}.]{3,10}\.?\s+\d{1,2}(?:,\s*\d{4})?)  # "April 30" or "April 30, 2025"
    \s*(?:\((?P<agency>[^()\n]{2,40})\))?  # "(Yonhap)"
    """,
    regex.VERBOSE,
)
_YEAR = regex.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_HEAD_LINES = 15  # datelines are looked for among the first content lines


def front_matter(lines: Sequence[Line]) -> tuple[dict[str, str], list[int]]:
    if not lines or lines[0].stripped != "---":
        return {}, []
    values: dict[str, str] = {}
    for i, line in enumerate(lines[1:60], 1):
        if line.stripped == "---":
            return values, list(range(i + 1))
        match = _FRONT_MATTER_LINE.match(line.text)
        if match and match.group("key").casefold() in _FRONT_MATTER_KEYS:
            value = match.group("value").strip().strip("'\"")
            values[_FRONT_MATTER_KEYS[match.group("key").casefold()]] = value
    return {}, []  # no closing "---": not front matter


# A dateline as most sites print it, "Friday, September 6, 2025" or "September 6, 2025":
# read here directly, as the date grammar reads it (tests/test_metadata.py checks every
# weekday and month name over two centuries), without its ~19 rules. Anything else,
# "Sept. 6" or "6 September 2025", goes to the grammar.
_PRINTED_DATE = re.compile(r"(?:([A-Z][a-z]{2,8}), )?([A-Z][a-z]{2,8}) ([1-9][0-9]?), ((?:19|20)[0-9][0-9])")
_WEEKDAY_NAMES = frozenset(name.capitalize() for name in vocab.WEEKDAYS)
_MONTH_NUMBERS = {name.capitalize(): vocab.MONTHS[name] for name in vocab.full_names(vocab.MONTHS)}


def _full_date(text: str, latest_year: Optional[int]) -> Optional[dt.date]:
    """The day a short dateline text names, if it names exactly one full date."""
    printed = _PRINTED_DATE.fullmatch(text) if latest_year is None else None
    if printed:
        weekday, month, day, year = printed.groups()
        if (weekday is None or weekday in _WEEKDAY_NAMES) and month in _MONTH_NUMBERS:
            try:
                return dt.date(int(year), _MONTH_NUMBERS[month], int(day))
            except ValueError:  # "February 30": no day, as for the grammar
                return None
    return _full_date_by_grammar(text, latest_year)


def _full_date_by_grammar(text: str, latest_year: Optional[int]) -> Optional[dt.date]:
    """``_full_date`` by the date grammar (``find_date_mentions``)."""
    from .dates import find_date_mentions

    anchor = dt.date(latest_year, 12, 31) if latest_year else None
    mentions = find_date_mentions(text, anchor=anchor)
    if len(mentions) != 1 or mentions[0].resolved is None:
        return None
    resolved = mentions[0].resolved
    if resolved.precision != "day":
        return None
    leftover = (text[: mentions[0].start] + text[mentions[0].end :]).strip(" ,.-—–|")
    return resolved.start if not leftover else None


def dateline(text: str, lines: Sequence[Line], skip: set[int]) -> tuple[Optional[MetaField], list[int], Optional[str]]:
    """(published date, dateline line indexes, agency) from the top of the text."""
    from .text import byline_match

    content = list(itertools.islice((i for i, line in enumerate(lines) if not line.blank and i not in skip),
                                    _HEAD_LINES))
    found: list[tuple[int, dt.date, bool]] = []  # (line index, date, follows a byline)
    for pos, i in enumerate(content):
        line = lines[i].stripped
        if len(line) > 60 or not any(map(str.isdigit, line)):
            continue
        day = _full_date(line, None)
        if day:
            after_byline = pos > 0 and byline_match(lines[content[pos - 1]]) is not None
            found.append((i, day, after_byline))
    if found:
        # The date printed under the byline is the article's; a date above the
        # headline is often the day a blog reposted it.
        best = next((f for f in found if f[2]), found[0])
        return MetaField(best[1].isoformat(), "dateline"), [f[0] for f in found], None
    latest_year = None  # the text's latest year, read only when a wire dateline needs it
    for i in content[:3]:
        match = _WIRE_DATELINE.match(lines[i].text)
        if match is None:
            continue
        if latest_year is None:
            latest_year = max(map(int, _YEAR.findall(text)), default=0)
        if latest_year:
            day = _full_date(match.group("date"), latest_year)
            if day:
                source = "dateline" if _YEAR.search(match.group("date")) else f"dateline (year {latest_year} from the text)"
                return MetaField(day.isoformat(), source), [], match.group("agency")
    return None, [], None


def front_matter_date(value: str) -> Optional[dt.date]:
    """A front-matter date: ISO (a time after it is ignored) or written out in full.
    Anything else is not taken as a date."""
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return _full_date(value.strip(), None)
