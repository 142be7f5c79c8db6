"""Claims -> groups of comparable figures -> conflicts, each with what may explain it."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Optional, Sequence

from .models import INCREMENT, LOWER_BOUND, PART, TOTAL, UPPER_BOUND, VAGUE, Claim, Document

DEFAULT_TOLERANCE = 0.05
# A vague plural names an order of magnitude: "thousands" is 2,000-9,999 as written,
# but no reader would call it wrong for 14,000; it is wrong once "tens of thousands"
# would be the word. So its ceiling, for comparison, is just under twice its top.
VAGUE_CEILING_FACTOR = 2.0

ROLE_ORDER = {TOTAL: 0, INCREMENT: 1, PART: 2}
# Parts ("including 3,000 reinforcements", "5,000 builders and 1,000 deminers") each
# describe their own sub-population, so they are listed but never compared.
COMPARED_ROLES = frozenset({TOTAL, INCREMENT})
ROLE_LABELS = {
    TOTAL: "totals",
    INCREMENT: "additions (reinforcements, more, additional)",
    PART: "parts of a larger figure (not compared)",
}


@dataclass(frozen=True)
class Conflict:
    """Two claims whose values cannot both hold."""

    a: str
    b: str
    reasons: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"claims": [self.a, self.b], "reasons": list(self.reasons)}


@dataclass(frozen=True)
class Group:
    """Claims that measure the same thing and so can be compared."""

    id: str
    topic: str
    role: str
    unit: Optional[str]
    label: str
    claims: tuple[Claim, ...]
    conflicts: tuple[Conflict, ...]
    summary: str

    @property
    def conflicting_ids(self) -> frozenset[str]:
        return frozenset(i for c in self.conflicts for i in (c.a, c.b))


@dataclass(frozen=True)
class Comparison:
    groups: tuple[Group, ...]
    conflicts_with: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def conflict_count(self) -> int:
        return sum(len(g.conflicts) for g in self.groups)


def comparison_interval(claim: Claim, tolerance: float) -> tuple[float, float]:
    """The interval a claim allows once hedging is taken into account."""
    v = claim.value
    low = -math.inf if v.low is None else float(v.low)
    high = math.inf if v.high is None else float(v.high)
    if v.kind == VAGUE:
        high = high * VAGUE_CEILING_FACTOR
    if v.approx or v.kind == VAGUE:
        low = low * (1 - tolerance) if low > 0 else low
        high = high * (1 + tolerance)
    return low, high


def in_conflict(a: Claim, b: Claim, tolerance: float = DEFAULT_TOLERANCE) -> bool:
    """True when the two claims' intervals cannot overlap."""
    a_low, a_high = comparison_interval(a, tolerance)
    b_low, b_high = comparison_interval(b, tolerance)
    return a_high < b_low or b_high < a_low


def conflict_reasons(a: Claim, b: Claim, documents: Mapping[str, Document]) -> tuple[str, ...]:
    """What differs between two conflicting claims and may explain the difference."""
    reasons = []
    who_a, who_b = _claimant(a), _claimant(b)
    if who_a and who_b and who_a.casefold() != who_b.casefold():
        reasons.append(f"different claimants: {who_a} vs {who_b}")
    elif (who_a is None) != (who_b is None):
        reasons.append(f"only one names a source: {who_a or who_b}")
    time_a = a.time.text if a.time else None
    time_b = b.time.text if b.time else None
    if time_a != time_b and (time_a or time_b):
        reasons.append(f"different time references: {time_a or '(none)'} vs {time_b or '(none)'}")
    date_a, date_b = _published(documents.get(a.doc)), _published(documents.get(b.doc))
    if a.doc != b.doc and date_a and date_b and date_a != date_b:
        reasons.append(f"published on different dates: {date_a} vs {date_b}")
    for claim in (a, b):
        for note in claim.notes:
            if note.startswith(("includes ", "described as")):
                reasons.append(f"{claim.text} {note}")
    if a.doc == b.doc:
        reasons.append("both in the same document")
    return tuple(reasons) or ("nothing in the claims explains the difference",)


def _claimant(claim: Claim) -> Optional[str]:
    return claim.attribution.source if claim.attribution else None


def _published(doc: Optional[Document]) -> Optional[str]:
    return doc.published.value if doc and doc.published else None


def compare(
    claims: Sequence[Claim],
    documents: Iterable[Document] = (),
    tolerance: float = DEFAULT_TOLERANCE,
) -> Comparison:
    """Group claims by topic, role and unit, and find the pairs that conflict."""
    docs = {d.id: d for d in documents}
    buckets: dict[tuple[str, str, Optional[str]], list[Claim]] = {}
    for claim in claims:
        if claim.topic:
            buckets.setdefault((claim.topic, claim.role, claim.unit), []).append(claim)

    groups = []
    conflicts_with: dict[str, list[str]] = {}
    for topic, role, unit in sorted(buckets, key=lambda k: (k[0], ROLE_ORDER.get(k[1], 9), k[2] or "")):
        members = tuple(sorted(buckets[(topic, role, unit)], key=lambda c: (c.doc, c.start)))
        conflicts = []
        for i, a in enumerate(members if role in COMPARED_ROLES else ()):
            for b in members[i + 1 :]:
                if in_conflict(a, b, tolerance):
                    conflicts.append(Conflict(a.id, b.id, conflict_reasons(a, b, docs)))
                    conflicts_with.setdefault(a.id, []).append(b.id)
                    conflicts_with.setdefault(b.id, []).append(a.id)
        suffix = f"-{unit}" if unit else ""
        groups.append(
            Group(
                id=f"{topic}/{role}{suffix}",
                topic=topic,
                role=role,
                unit=unit,
                label=f"{topic}: {ROLE_LABELS.get(role, role)}" + (f" ({unit})" if unit else ""),
                claims=members,
                conflicts=tuple(conflicts),
                summary=summarise(members),
            )
        )
    return Comparison(tuple(groups), {k: tuple(v) for k, v in conflicts_with.items()})


def format_number(x: float) -> str:
    """14000 -> "14,000"; 1300000 -> "1.3 million"; 2.5 -> "2.5"."""
    if x >= 1_000_000 and x % 100_000 == 0:
        for scale, word in ((1_000_000_000, "billion"), (1_000_000, "million")):
            if x >= scale:
                return f"{x / scale:g} {word}"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def format_value(claim: Claim) -> str:
    """A value as a reader would say it: "about 14,000", "at least 10,000", "11,000–12,000"."""
    v = claim.value
    if v.kind == VAGUE:
        return claim.text  # "thousands": the word says it better than 2,000-9,999
    if v.kind == LOWER_BOUND:
        body = f"≥ {format_number(v.low)}"
    elif v.kind == UPPER_BOUND:
        body = f"≤ {format_number(v.high)}"
    elif v.low == v.high:
        body = format_number(v.low)
    else:
        body = f"{format_number(v.low)}–{format_number(v.high)}"
    return ("~" + body) if v.approx and v.kind not in (LOWER_BOUND, UPPER_BOUND) else body


def summarise(claims: Sequence[Claim]) -> str:
    """"10,000–14,000 in 5 documents (per A; B; C)"."""
    precise = [c for c in claims if c.value.kind != VAGUE] or list(claims)
    points = [x for c in precise for x in (c.value.low, c.value.high) if x is not None]
    if not points:
        return ""
    low, high = min(points), max(points)
    span = format_number(low) if low == high else f"{format_number(low)}–{format_number(high)}"
    docs = len({c.doc for c in claims})
    sources = []
    for claim in claims:
        who = _claimant(claim)
        if who and who.casefold() not in {s.casefold() for s in sources}:
            sources.append(who)
    per = f" (per {'; '.join(sources)})" if sources else ""
    noun = "document" if docs == 1 else "documents"
    return f"{span} in {docs} {noun}{per}"
