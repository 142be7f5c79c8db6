"""The ceiling for extraction: one plain `regex` findall of a realistic number pattern
over every .txt/.md file of a folder. Nothing that reads numbers can be much faster.

    python bench/ceiling.py DIR
"""

from __future__ import annotations

import os
import sys

import regex

NUMBER = regex.compile(
    r"""
    (?:(?:about|around|some|nearly|almost|at\ least|more\ than|up\ to|over)\s)?  # a hedge
    [$€£]?                                        # a currency sign
    (?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?          # 14,000 / 2.5
    (?:\s?(?:million|billion|bn|m|k|%|percent))?  # a scale or a unit
    """,
    regex.VERBOSE | regex.IGNORECASE,
)


def main(folder: str) -> None:
    found = 0
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith((".txt", ".md")):
                with open(os.path.join(dirpath, name), encoding="utf-8", errors="replace") as handle:
                    found += len(NUMBER.findall(handle.read()))
    print(found)


if __name__ == "__main__":
    main(sys.argv[1])
