"""A deterministic synthetic news corpus, recombined from the bundled articles.

Each file is a dateline, a headline, a byline and paragraphs drawn from ``corpus/*.txt``
with their numbers, names, weekdays, months and relative dates perturbed, so no two
files share content (nothing can be cached by content) while the text keeps the shape
of news copy. File ``i`` depends only on ``(seed, i)``: the first 100 files of a
1,000-file corpus are the 100-file corpus.

    python bench/synthetic.py OUT_DIR --n 1000
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

GENERATOR_VERSION = 1  # bump when the output changes, so a kept corpus is regenerated
SOURCE = Path(__file__).resolve().parent.parent / "corpus"
MEAN_FILE_CHARS = 10_000  # 1,000 files are about 10 MB

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# People named in the bundled corpus, and the invented people who replace them.
PEOPLE = ["Kim Jong Un", "Vladimir Putin", "Valery Gerasimov", "Volodymyr Zelenskyy",
          "Volodymyr Zelensky", "Oleksandr Syrskyi", "Matthew Loh", "Hyonhee Shin",
          "Sergei Shoigu", "Fyodor Tertitskiy", "Elbridge Colby", "Edward Fishman",
          "Artyom Lukin", "Anna Kelly", "Shinhye Kang", "Donald Trump", "Gerasimov",
          "Zelenskyy", "Zelensky", "Syrskyi", "Putin", "Trump", "Kim"]
FIRST_NAMES = ["Ana", "Bogdan", "Chen", "Dara", "Emeka", "Farah", "Goran", "Hana", "Ivo",
               "Jae-won", "Kofi", "Lena", "Mateo", "Nadia", "Oleg", "Priya", "Quentin",
               "Rosa", "Sung-min", "Taras", "Uma", "Viktor", "Wen", "Yusuf", "Zofia"]
LAST_NAMES = ["Abara", "Brandt", "Castillo", "Dvorak", "Esposito", "Fujita", "Gallo",
              "Horvath", "Ibsen", "Jovanovic", "Kovalenko", "Lindqvist", "Moreau", "Novak",
              "Okafor", "Petrov", "Quiroga", "Rahman", "Sato", "Tkachenko", "Umarov",
              "Varga", "Whitlock", "Yilmaz", "Zubkov"]
RELATIVE_DATES = ["last week", "last month", "this week", "earlier this year", "last year",
                  "yesterday", "over the past few months", "next month", "later this year",
                  "over the weekend", "last fall", "in early 2024", "in mid-March", "today",
                  "over the past three months", "in the coming weeks", "this summer", "next year"]
AGO = ["two days ago", "three weeks ago", "six months ago", "a year ago", "four years ago"]
SCALE_WORDS = ["dozens", "hundreds", "thousands", "tens of thousands", "several hundred",
               "a few thousand"]

_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w])|(?<![\w.,])\d+(?:\.\d+)?(?![\w])")
_WEEKDAY = re.compile(r"\b(?:%s)\b" % "|".join(WEEKDAYS))
_MONTH = re.compile(r"\b(?:%s)\b" % "|".join(m for m in MONTHS if m != "May"))
_PERSON = re.compile(r"\b(?:%s)\b" % "|".join(sorted(PEOPLE, key=len, reverse=True)))
_RELATIVE = re.compile(r"""\b(?:(?:last|next|this)\ (?:week|month|year|weekend|fall|summer|spring|winter)
    | yesterday | today | (?P<ago>\w+\ (?:days|weeks|months|years)\ ago))\b""", re.VERBOSE | re.IGNORECASE)
_SCALE = re.compile(r"\b(?:dozens|hundreds|thousands|tens of thousands)\b")


def source_paragraphs(source: Path = SOURCE) -> tuple[list[str], list[str]]:
    """(body paragraphs, headline-like lines) of the bundled corpus, in a fixed order."""
    paragraphs, headlines = [], []
    for path in sorted(source.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            words = line.split()
            if len(line) >= 40 and line[-1] in ".\"”’'":
                paragraphs.append(line)
            elif 4 <= len(words) <= 20 and line[0].isupper() and line[-1] not in ".:;!?":
                headlines.append(line)
    return paragraphs, headlines


def _number_like(rng: random.Random, digits: str) -> str:
    """Another number of the same shape: year for year, commas for commas, decimals kept."""
    whole, _, fraction = digits.partition(".")
    plain = whole.replace(",", "")
    if len(plain) == 4 and "," not in whole and plain[:2] in ("19", "20"):
        return str(rng.randint(2015, 2026))
    lo = 10 ** (len(plain) - 1) if len(plain) > 1 else 1
    n = rng.randint(lo, 10 ** len(plain) - 1)
    out = f"{n:,}" if "," in whole else str(n)
    if fraction:
        out += "." + "".join(str(rng.randint(0, 9)) for _ in fraction)
    return out


def perturb(rng: random.Random, text: str) -> str:
    """``text`` with its numbers, people, weekdays, months and relative dates changed."""
    text = _NUMBER.sub(lambda m: _number_like(rng, m.group()), text)
    text = _PERSON.sub(lambda m: f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
                       if " " in m.group() else rng.choice(LAST_NAMES), text)
    text = _WEEKDAY.sub(lambda m: rng.choice(WEEKDAYS), text)
    text = _MONTH.sub(lambda m: rng.choice(MONTHS), text)
    text = _SCALE.sub(lambda m: rng.choice(SCALE_WORDS), text)

    def relative(m: re.Match) -> str:
        new = rng.choice(AGO if m.group("ago") else RELATIVE_DATES)
        return new[0].upper() + new[1:] if m.group()[0].isupper() else new
    return _RELATIVE.sub(relative, text)


def article(seed: int, index: int, paragraphs: list[str], headlines: list[str]) -> str:
    """The text of file ``index``: dateline, headline, byline, perturbed paragraphs."""
    rng = random.Random(seed * 1_000_003 + index)
    year, month, day = rng.randint(2023, 2026), rng.randint(1, 12), rng.randint(1, 28)
    lines = [f"{rng.choice(WEEKDAYS)}, {MONTHS[month - 1]} {day}, {year}", "",
             perturb(rng, rng.choice(headlines)), "",
             f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}", ""]
    size, target = 0, rng.randint(MEAN_FILE_CHARS * 6 // 10, MEAN_FILE_CHARS * 14 // 10)
    while size < target:
        paragraph = perturb(rng, rng.choice(paragraphs))
        lines += [paragraph, ""]
        size += len(paragraph) + 2
    return "\n".join(lines)


def generate(out: Path, n: int, seed: int = 1) -> int:
    """Write files 0..n-1 into ``out`` (created); returns the total size in bytes."""
    paragraphs, headlines = source_paragraphs()
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(n):
        data = article(seed, i, paragraphs, headlines).encode("utf-8")
        (out / f"{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    total = generate(args.out, args.n, args.seed)
    print(f"{args.n} files, {total / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
