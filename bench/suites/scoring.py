"""How a case-based suite is scored: the rules the whole conformance table rests on.

A **case** is one input text with the spans the suite expects in it. claimcheck's library
runs over the text and returns what it *found*. Then:

* an expected span is **matched** by a found span with the same extent, or one that
  differs only by leading articles or prepositions on either side ("on Friday" for
  "Friday", "the 3rd" for "3rd");
* a matched span **passes** when the suite's value and ours agree (each suite says how
  values are compared);
* a case **passes** when every expected span passes; a case that expects nothing passes
  when we find nothing;
* a found span that matches no expected span is an **extra**. Extras are counted
  separately and do not fail a case that expects something.

Every case stays in the denominator. A suite may put cases in categories (for example
"clock time" in a date suite) and aim its target at some of them; every category is
reported with its count and pass rate, and the ones claimcheck does not try to read are
named out of scope there.
"""

from __future__ import annotations

import json
import regex
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

# Words that may lead a span on either side without making it a different span.
LEADING_WORDS = frozenset("""
    the a an on in at of for by from during since until till to through within over after
    before into upon per around
""".split())

_WORD = regex.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class Expected:
    """A span the suite expects, with its value in the form the suite's comparer reads."""

    start: int
    end: int
    text: str
    value: Any
    kind: str  # e.g. "fraction", "daterange": groups failures into shapes


@dataclass(frozen=True)
class Found:
    """A span claimcheck found, with its value."""

    start: int
    end: int
    text: str
    value: Any


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    expected: tuple[Expected, ...]
    category: str = "all"
    reference: Any = None  # the suite's reference date or time, when it has one


@dataclass
class CaseOutcome:
    case: Case
    passed: bool
    problems: list[tuple[str, str]]  # (shape, detail)
    extras: list[Found]


@dataclass(frozen=True)
class CaseSuite:
    """A suite whose cases pass or fail one by one (Recognizers-Text, Duckling)."""

    name: str
    file: str
    description: str
    load: Callable[[dict], Case]
    find: Callable[[Case], list[Found]]
    same_value: Callable[[Expected, Found], bool]
    target: Optional[float] = None  # pass rate, in percent, of the targeted cases
    target_categories: Optional[frozenset[str]] = None  # the cases the target is about (None: all)
    show: Callable[[Any], str] = repr  # how a value is written in failure details

    def cases(self, folder: Path, limit: Optional[int] = None) -> list[Case]:
        lines = (folder / self.file).read_text(encoding="utf-8").splitlines()
        return [self.load(json.loads(line)) for line in lines[:limit] if line.strip()]

    def score(self, folder: Path, limit: Optional[int] = None) -> "CaseScores":
        scores = CaseScores(self)
        for case in self.cases(folder, limit):
            scores.add(judge(case, self.find(case), self.same_value, self.show))
        return scores


@dataclass
class CaseScores:
    suite: CaseSuite
    outcomes: list[CaseOutcome] = field(default_factory=list)

    def add(self, outcome: CaseOutcome) -> None:
        self.outcomes.append(outcome)

    def targeted(self, category: str) -> bool:
        return self.suite.target_categories is None or category in self.suite.target_categories

    def tally(self, targeted: Optional[bool] = None, category: Optional[str] = None) -> tuple[int, int]:
        """(cases, passed): all of them, those the target is (not) about, or one category's."""
        chosen = [o for o in self.outcomes
                  if (targeted is None or self.targeted(o.case.category) == targeted)
                  and (category is None or o.case.category == category)]
        return len(chosen), sum(o.passed for o in chosen)

    def categories(self) -> list[str]:
        return sorted({o.case.category for o in self.outcomes}, key=lambda c: (not self.targeted(c), c))

    @property
    def extras(self) -> int:
        return sum(len(o.extras) for o in self.outcomes)

    def shapes(self) -> Counter:
        """How often each failure shape occurs."""
        return Counter(shape for o in self.outcomes for shape, _ in o.problems)

    def example_of(self, shape: str) -> str:
        return next(detail for o in self.outcomes for s, detail in o.problems if s == shape)

    def failures(self) -> Iterable[str]:
        for o in self.outcomes:
            for shape, detail in o.problems:
                yield f"{o.case.id} [{o.case.category}] {shape}: {detail}   in {o.case.text!r}"
            for extra in o.extras:
                yield f"{o.case.id} [{o.case.category}] extra: {extra.text!r} -> {self.suite.show(extra.value)}"


def judge(case: Case, found: list[Found], same_value: Callable[[Expected, Found], bool],
          show: Callable[[Any], str] = repr) -> CaseOutcome:
    """Score one case by the rules in this module's docstring."""
    unused = sorted(found, key=lambda f: (f.start, f.end))
    problems: list[tuple[str, str]] = []
    for exp in case.expected:
        match = next((f for f in unused if same_span(case.text, exp, f)), None)
        if match is None:
            near = next((f for f in unused if f.start < exp.end and exp.start < f.end), None)
            if near is None:
                problems.append((f"missed {exp.kind}", f"{exp.text!r} ({show(exp.value)})"))
            else:
                unused.remove(near)
                problems.append((f"other extent {exp.kind}", f"{near.text!r} for {exp.text!r}"))
            continue
        unused.remove(match)
        if not same_value(exp, match):
            problems.append((f"wrong value {exp.kind}",
                             f"{match.text!r} -> {show(match.value)}, expected {show(exp.value)}"))
    passed = not problems and (bool(case.expected) or not unused)
    return CaseOutcome(case, passed, problems, unused)


def same_span(text: str, exp: Expected, found: Found) -> bool:
    """Same extent, or one that differs only by leading articles or prepositions."""
    if found.end != exp.end:
        return False
    lo, hi = sorted((found.start, exp.start))
    return all(w.casefold() in LEADING_WORDS for w in _WORD.findall(text[lo:hi]))

