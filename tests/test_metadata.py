"""claimcheck.metadata: the quick reading of printed datelines agrees with the date grammar."""

from __future__ import annotations

import random

import pytest

from claimcheck import metadata, vocab

_WEEKDAYS = [None] + sorted(name.capitalize() for name in vocab.WEEKDAYS)
_MONTHS = sorted(vocab.full_names(vocab.MONTHS), key=vocab.MONTHS.get)


def _datelines(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        weekday = rng.choice(_WEEKDAYS)
        day = rng.choice([rng.randint(1, 31), rng.randint(28, 31), rng.randint(32, 99)])
        year = rng.randint(1900, 2099)
        out.append((f"{weekday}, " if weekday else "") + f"{rng.choice(_MONTHS).capitalize()} {day}, {year}")
    return out


@pytest.mark.parametrize("line", ["Friday, September 6, 2025", "February 29, 2024", "February 29, 2023",
                                  "Sun, July 73, 2018", "Thurs, January 1, 1900", "Tues, December 31, 2099"]
                         + _datelines(5, 400))
def test_printed_datelines_are_read_as_the_date_grammar_reads_them(line):
    assert metadata._PRINTED_DATE.fullmatch(line)
    assert metadata._full_date(line, None) == metadata._full_date_by_grammar(line, None)
