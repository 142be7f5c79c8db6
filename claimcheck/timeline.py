"""Date mentions -> events across sources, clustered, with the dates sources disagree on.

An event is the clause a date expression dates. Events from different places that
share rare key words and have nearby dates are taken to describe the same happening
and clustered; a cluster whose dates cannot all hold (disjoint intervals given by
different documents) is a date conflict.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING, Iterable, Optional, Sequence

from .lexicon import Lexicon, singular
from .models import DURATION, Attribution, Claim, DateInterval, DateReading, Document, DocumentAnchor, Event, EventCluster
from .vocab import STOPWORDS

if TYPE_CHECKING:
    from .claims import DocumentReading
    from .text import Token

# Two events in different sentences are the same happening when the words they share
# carry this share of their key-word weight (weighted Dice: 2·shared / (a + b)) ...
SAME_HAPPENING_SIMILARITY = 0.4
MIN_SHARED_TERMS = 3
# ... and their dates are at most this far apart (a "Saturday" against a "Monday" can be
# the same happening misdated; "last fall" against "on Monday" cannot).
NEAR_DAYS = 7
# Words in more events than this are too common to suggest a match, and would make
# matching quadratic on large corpora.
MAX_POSTINGS = 200


def extract_events(
    doc: Document,
    lexicon: Optional[Lexicon] = None,
    anchor: Optional[DocumentAnchor] = None,
    claims: Sequence[Claim] = (),
    keep_boilerplate: bool = False,
) -> list[Event]:
    """Every dated (or datable) clause in ``doc``, in text order.

    Relative expressions are resolved against ``anchor``, or the document's
    publication date when it is known; ``claims`` whose time reference is an event's
    date expression are listed on that event.
    """
    from .claims import DocumentReading  # the grammars: not needed to cluster cached events

    day, assumed = (anchor.date, anchor.assumed) if anchor else (None, False)
    return events_in(DocumentReading(doc, lexicon, keep_boilerplate, day, assumed), claims)


def events_in(reading: DocumentReading, claims: Sequence[Claim] = ()) -> list[Event]:
    """The events of a document already split into a ``DocumentReading``."""
    from .text import clause_bounds

    doc = reading.doc
    claims_by_date: dict[tuple[int, int], list[str]] = defaultdict(list)
    for claim in claims:
        if claim.time is not None:
            claims_by_date[(claim.time.start, claim.time.end)].append(claim.id)

    events: list[Event] = []
    for index, sentence in enumerate(reading.sentences):
        mentions = reading.dates(index)
        durations = [m for m in mentions if m.kind == DURATION]
        breaks = reading.clause_breaks(index) if mentions else []
        for mention in mentions:
            if mention.kind == DURATION:
                continue
            start, end = clause_bounds(sentence, mention.start, breaks)
            attribution = _outside(reading.attributions.find(index, mention.start), mention, doc.text)
            events.append(
                Event(
                    id=f"{doc.id}:{mention.start}",
                    doc=doc.id,
                    part=doc.part_at(mention.start),
                    date=mention,
                    clause_start=start,
                    clause_end=end,
                    sentence=sentence,
                    attribution=attribution,
                    durations=tuple(d for d in durations if start <= d.start and d.end <= end),
                    claims=tuple(claims_by_date.get((mention.start, mention.end), ())),
                    terms=key_terms(reading.words[index], start, end, mention.start, mention.end, attribution),
                )
            )
    return events


def _outside(attribution: Optional[Attribution], mention, text: str) -> Optional[Attribution]:
    """The attribution with its source cut short of the date, which is never part of a
    claimant's name ("according to the statement on the website *on Monday*")."""
    if attribution is None or not attribution.start < mention.start < attribution.end:
        return attribution
    end = mention.start
    while end > attribution.start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    words = text[attribution.start : end].split()
    while words and words[-1].casefold() in _TRAILING_WORDS:
        words.pop()
    if not words:
        return None
    source = " ".join(words)
    return replace(attribution, source=source, end=text.find(words[-1], attribution.start, end) + len(words[-1]))


_TRAILING_WORDS = frozenset("on in at of from by during since last this next".split())


def key_terms(tokens: Sequence[Token], start: int, end: int, date_start: int, date_end: int,
              attribution: Optional[Attribution]) -> tuple[str, ...]:
    """The words of the clause ``[start, end)`` that may say which happening it is:
    not function or calendar words, not numbers, not the date or the speech verb."""
    verb = (attribution.verb_start, attribution.verb_end) if attribution and attribution.verb_start is not None else None
    terms: list[str] = []
    for tok in tokens:
        if tok.start < start or tok.end > end or date_start <= tok.start < date_end:
            continue
        if verb and verb[0] <= tok.start < verb[1]:
            continue
        word = stem(tok.lower.split("'")[0])
        if len(word) < 3 or word in STOPWORDS or tok.lower in STOPWORDS or any(ch.isdigit() for ch in word):
            continue
        if word not in terms:
            terms.append(word)
    return tuple(terms)


def stem(word: str) -> str:
    """A crude stem so that "thanked", "thanking" and "thanks" match."""
    word = singular(word)
    for suffix in ("ing", "ed"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


# Intervals longer than this are listed under their own heading ("2024", "fall 2024"),
# shorter ones under the month they start in.
MONTH_DAYS = 31


def is_short(iv: DateInterval) -> bool:
    return (iv.end - iv.start).days < MONTH_DAYS


def listing_start(iv: DateInterval) -> dt.date:
    """Where an interval is listed: a short one with its month, a long one at its start."""
    return iv.start.replace(day=1) if is_short(iv) else iv.start


def timeline_order(event: Event) -> tuple:
    """Date order: by the month a short date falls in (a long interval where it starts),
    then by start, a wider interval before the narrower ones it contains; undated
    events last, and after them the ones whose date the calendar does not have; ties in
    document and text order."""
    iv = event.interval
    if iv is None:
        return (1 + event.date.impossible, dt.date.max, dt.date.max, 0, event.doc, event.date.start)
    return (0, listing_start(iv), iv.start, -iv.end.toordinal(), event.doc, event.date.start)


def cluster_events(events: Sequence[Event]) -> tuple[list[Event], list[EventCluster]]:
    """Events in date order with their cluster ids set, and the clusters of two or more."""
    ordered = sorted(events, key=timeline_order)
    dated = [e for e in ordered if e.interval is not None]
    parent = list(range(len(dated)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    weights = _term_weights(dated)
    for i, j in _similar_pairs(dated, weights):
        if _near(dated[i].interval, dated[j].interval):
            parent[root(i)] = root(j)

    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(dated)):
        members[root(i)].append(i)
    groups = sorted((m for m in members.values() if len(m) > 1), key=lambda m: m[0])

    cluster_of: dict[str, str] = {}
    clusters: list[EventCluster] = []
    for number, indexes in enumerate(groups, start=1):
        cluster_id = f"t{number}"
        group = [dated[i] for i in indexes]
        for event in group:
            cluster_of[event.id] = cluster_id
        clusters.append(_cluster(cluster_id, group, weights))
    with_ids = [_with_cluster(e, cluster_of.get(e.id)) for e in ordered]
    return with_ids, clusters


def _with_cluster(event: Event, cluster: Optional[str]) -> Event:
    return replace(event, cluster=cluster) if cluster else event


def _term_weights(events: Sequence[Event]) -> dict[str, float]:
    """Inverse event frequency: a word most events share says little."""
    frequency = Counter(t for e in events for t in set(e.terms))
    n = len(events)
    return {t: math.log((n + 1) / f) for t, f in frequency.items()}


def _similar_pairs(events: Sequence[Event], weights: dict[str, float]) -> Iterable[tuple[int, int]]:
    """Pairs of events in different sentences that share enough rare words (found
    through an inverted index, so common words cost nothing)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, event in enumerate(events):
        for term in event.terms:
            postings[term].append(i)
    shared: dict[tuple[int, int], list[str]] = defaultdict(list)
    for term, indexes in postings.items():
        if len(indexes) > MAX_POSTINGS:
            continue
        for a in range(len(indexes)):
            for b in range(a + 1, len(indexes)):
                shared[(indexes[a], indexes[b])].append(term)
    total = [sum(weights[t] for t in e.terms) for e in events]
    for (i, j), terms in sorted(shared.items()):
        if len(terms) < MIN_SHARED_TERMS or _same_sentence(events[i], events[j]):
            continue
        both = total[i] + total[j]
        if both > 0 and 2 * sum(weights[t] for t in terms) / both >= SAME_HAPPENING_SIMILARITY:
            yield i, j


def _same_sentence(a: Event, b: Event) -> bool:
    return a.doc == b.doc and a.sentence.start == b.sentence.start


def _gap_days(a: DateInterval, b: DateInterval) -> int:
    """Days between two intervals (0 when they overlap)."""
    return max(0, (max(a.start, b.start) - min(a.end, b.end)).days)


def _near(a: Optional[DateInterval], b: Optional[DateInterval]) -> bool:
    return a is not None and b is not None and _gap_days(a, b) <= NEAR_DAYS


def _cluster(cluster_id: str, events: Sequence[Event], weights: dict[str, float]) -> EventCluster:
    counts = Counter(t for e in events for t in e.terms)
    shared = sorted((t for t, n in counts.items() if n > 1), key=lambda t: (-weights.get(t, 0), t))
    readings: dict[tuple[dt.date, dt.date], list[Event]] = defaultdict(list)
    for event in events:
        iv = event.interval
        readings[(iv.start, iv.end)].append(event)
    ordered = sorted(readings.items(), key=lambda kv: (kv[0][0], -kv[0][1].toordinal()))
    conflict = any(
        a.doc != b.doc and _gap_days(a.interval, b.interval) > 0
        for i, a in enumerate(events)
        for b in events[i + 1 :]
    )
    return EventCluster(
        id=cluster_id,
        events=tuple(e.id for e in events),
        terms=tuple(shared[:8]),
        readings=tuple(DateReading(group[0].interval, tuple(e.id for e in group)) for _, group in ordered),
        conflict=conflict,
        reasons=_conflict_reasons(events) if conflict else (),
    )


def _conflict_reasons(events: Sequence[Event]) -> tuple[str, ...]:
    """What may explain dates that disagree: assumed or differing anchors, relative forms."""
    reasons = []
    assumed = sorted({e.doc for e in events if e.date.assumed})
    if assumed:
        reasons.append("resolved against an assumed document date: " + ", ".join(assumed))
    anchors = sorted({e.date.anchor for e in events if e.date.anchor})
    if len(anchors) > 1:
        reasons.append("resolved against different document dates: " + ", ".join(a.isoformat() for a in anchors))
    if any(e.date.kind == "relative" for e in events):
        reasons.append("relative dates ('on Saturday') depend on when each article was written")
    return tuple(reasons)


def matches_keyword(event: Event, keyword: str, lexicon: Lexicon, topics_of_claims: dict[str, Optional[str]]) -> bool:
    """Whether ``keyword`` names the event: a word of its sentence (any number), or a
    topic one of its claims or counted nouns is about."""
    words = keyword.casefold().split()
    if not words:
        return True
    sentence = event.sentence.text.casefold().replace("’", "'")
    if len(words) > 1:
        return " ".join(words) in " ".join(sentence.split())
    wanted = singular(words[0])
    topic = lexicon.topic_for_word(words[0])
    if topic and any(topics_of_claims.get(c) == topic for c in event.claims):
        return True
    for raw in _plain_words(sentence):
        if singular(raw) == wanted or (topic and lexicon.noun_topic((raw,)) == topic):
            return True
    return False


def _plain_words(sentence: str) -> list[str]:
    return [w.strip(".,;:!?\"'()[]“”‘’") for w in sentence.split()]


def overlaps(event: Event, date_from: Optional[dt.date], date_to: Optional[dt.date]) -> bool:
    """Whether the event's date overlaps ``[date_from, date_to]`` (an open end is unbounded)."""
    iv = event.interval
    if iv is None:
        return date_from is None and date_to is None
    return (date_from is None or iv.end >= date_from) and (date_to is None or iv.start <= date_to)
