"""Conflict decisions, grouping and summaries, on hand-made claims."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.comparison import compare, format_value, in_conflict, summarise
from claimcheck.models import EXACT, Attribution, Claim, Sentence, Value

CASES = json.loads((Path(__file__).parent / "cases" / "conflicts.json").read_text(encoding="utf-8"))


def make_claim(n: int, value: Value, *, doc: str = "a.txt", topic: str = "troops", role: str = "total",
               source: str | None = None, text: str = "x") -> Claim:
    sentence = Sentence(0, 1, "x")
    attribution = Attribution(source, 0, 1, "said") if source else None
    return Claim(id=f"{doc}:{n}", doc=doc, part=1, start=n, end=n + 1, text=text, value=value,
                 quantity="count", unit=None, counted="troops", topic=topic, role=role,
                 attribution=attribution, time=None, sentence=sentence)


def value(spec: dict) -> Value:
    return Value(spec["low"], spec["high"], spec.get("approx", False), spec.get("kind", EXACT))


@pytest.mark.parametrize("case", CASES, ids=[c["why"] for c in CASES])
def test_conflict_decision(case):
    a = make_claim(1, value(case["a"]))
    b = make_claim(2, value(case["b"]))
    assert in_conflict(a, b) is case["conflict"]
    assert in_conflict(b, a) is case["conflict"]  # symmetric


def test_tolerance_widens_approximate_values():
    a = make_claim(1, Value(12000, 12000, True))
    b = make_claim(2, Value(14000, 14000, True))
    assert in_conflict(a, b, tolerance=0.05)
    assert not in_conflict(a, b, tolerance=0.10)


def test_totals_and_increments_are_not_compared():
    total = make_claim(1, Value(14000, 14000, True))
    more = make_claim(2, Value(3000, 3000), role="increment")
    comparison = compare([total, more])
    assert [g.role for g in comparison.groups] == ["total", "increment"]
    assert comparison.conflict_count == 0


def test_conflicts_carry_reasons_and_ids():
    a = make_claim(1, Value(14000, 14000, True), doc="a.txt", source="Ukrainian officials")
    b = make_claim(2, Value(12000, 12000, True), doc="b.txt", source="US officials")
    c = make_claim(3, Value(10000, None, kind="lower_bound"), doc="c.txt")
    comparison = compare([a, b, c])
    (group,) = comparison.groups
    assert [(x.a, x.b) for x in group.conflicts] == [("a.txt:1", "b.txt:2")]
    assert "different claimants: Ukrainian officials vs US officials" in group.conflicts[0].reasons
    assert comparison.conflicts_with == {"a.txt:1": ("b.txt:2",), "b.txt:2": ("a.txt:1",)}


def test_summary_names_range_documents_and_claimants():
    claims = [
        make_claim(1, Value(14000, 14000, True), doc="a.txt", source="Ukrainian officials"),
        make_claim(2, Value(10000, None, kind="lower_bound"), doc="b.txt", source="Western intelligence sources"),
        make_claim(3, Value(12000, 12000, True), doc="c.txt", source="ukrainian officials"),
    ]
    assert summarise(claims) == "10,000–14,000 in 3 documents (per Ukrainian officials; Western intelligence sources)"


@pytest.mark.parametrize(
    "v, shown",
    [
        (Value(14000, 14000, True), "~14,000"),
        (Value(10000, None, False, "lower_bound"), "≥ 10,000"),
        (Value(None, 100000, False, "upper_bound"), "≤ 100,000"),
        (Value(11000, 12000, False, "range"), "11,000–12,000"),
        (Value(1300000, 1300000, True), "~1.3 million"),
    ],
)
def test_format_value(v, shown):
    assert format_value(make_claim(1, v)) == shown


def test_vague_values_are_shown_as_written():
    assert format_value(make_claim(1, Value(2000, 9999, True, "vague"), text="thousands")) == "thousands"


def test_parts_are_listed_but_never_compared():
    a = make_claim(1, Value(5000, 5000, True), role="part")
    b = make_claim(2, Value(1000, 1000), role="part")
    (group,) = compare([a, b]).groups
    assert group.role == "part" and group.conflicts == ()
