"""Reports -> JSON documents and JSON Lines records (schema in the README).

``--json`` gives one document; ``--jsonl`` gives ``{"type": ..., "data": {...}}``
records ending with a ``summary`` record. Fields and record types may be added in
later versions; consumers should ignore what they do not know.
"""

from __future__ import annotations

import json as _json
from json.encoder import encode_basestring, encode_basestring_ascii
from typing import Any, Iterator, Optional, Union

from ..comparison import Group
from ..models import IMPOSSIBLE_NOTE, Claim, Corpus, DateMention, Document, DocumentAnchor, Event, EventCluster, MetaField
from ..pipeline import DocumentResult, Renderer
from ..report import SCHEMA_VERSION, ClaimsReport, ClaimsStream, DiffReport, SourcesReport, TimelineReport


def _meta(field: Optional[MetaField]) -> Optional[dict[str, Any]]:
    return {"value": field.value, "source": field.source} if field else None


def document_to_dict(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "path": doc.path,
        "encoding": doc.encoding,
        "characters": len(doc.text),
        "published": _meta(doc.published),
        "outlet": _meta(doc.outlet),
        "title": _meta(doc.title),
        "parts": [
            {"number": p.number, "start": p.start, "end": p.end, "title": p.title, "byline": p.byline}
            for p in doc.parts
        ],
        "left_out": [
            {"start": s.start, "end": s.end, "reason": s.reason, "text": doc.text[s.start : s.end]}
            for s in doc.boilerplate
        ],
    }


def _time(mention: Optional[DateMention]) -> Optional[dict[str, Any]]:
    if mention is None:
        return None
    return {
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "kind": mention.kind,
        "future": mention.future,
        "resolved": mention.resolved.to_dict() if mention.resolved else None,
        "anchor": mention.anchor.isoformat() if mention.anchor else None,
        "assumed": mention.assumed,
    }


def claim_to_dict(claim: Claim, group: Optional[str] = None, conflicts_with: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "id": claim.id,
        "doc": claim.doc,
        "part": claim.part,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "value": claim.value.to_dict(),
        "quantity": claim.quantity,
        "unit": claim.unit,
        "counted": claim.counted,
        "topic": claim.topic,
        "role": claim.role,
        "attribution": claim.attribution.to_dict() if claim.attribution else None,
        "time": _time(claim.time),
        "sentence": {"start": claim.sentence.start, "end": claim.sentence.end, "text": claim.sentence.text},
        "notes": list(claim.notes),
        "group": group,
        "conflicts_with": list(conflicts_with),
    }


def group_to_dict(group: Group) -> dict[str, Any]:
    return {
        "id": group.id,
        "topic": group.topic,
        "role": group.role,
        "unit": group.unit,
        "label": group.label,
        "summary": group.summary,
        "claims": [c.id for c in group.claims],
        "conflicts": [c.to_dict() for c in group.conflicts],
    }


def _skipped(corpus: Union[Corpus, ClaimsStream]) -> list[dict[str, str]]:
    return [{"path": s.path, "reason": s.reason} for s in corpus.skipped]


def _warnings(corpus: Union[Corpus, ClaimsStream]) -> list[dict[str, Any]]:
    return [w.to_dict() for w in corpus.warnings]


def _diff_claims(report: DiffReport) -> list[dict[str, Any]]:
    group_of = {c.id: g.id for g in report.comparison.groups for c in g.claims}
    return [claim_to_dict(c, group_of.get(c.id), report.comparison.conflicts_with.get(c.id, ())) for c in report.claims]


def diff_document(report: DiffReport) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "command": "diff",
        "topic": report.topic,
        "tolerance": report.tolerance,
        "documents": [document_to_dict(d) for d in report.corpus.documents],
        "skipped": _skipped(report.corpus),
        "warnings": _warnings(report.corpus),
        "claims": _diff_claims(report),
        "groups": [group_to_dict(g) for g in report.comparison.groups],
    }


def claims_document(report: ClaimsReport) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "command": "claims",
        "topic": report.topic,
        "documents": [document_to_dict(d) for d in report.corpus.documents],
        "skipped": _skipped(report.corpus),
        "warnings": _warnings(report.corpus),
        "claims": [claim_to_dict(c) for c in report.claims],
    }


def sources_document(report: SourcesReport) -> dict[str, Any]:
    corpus = report.corpus
    return {
        "schema_version": SCHEMA_VERSION,
        "command": "sources",
        "documents": [document_to_dict(d) for d in corpus.documents],
        "skipped": _skipped(corpus),
        "warnings": _warnings(corpus),
    }


def _event_date(event: Event, anchor: Optional[DocumentAnchor]) -> dict[str, Any]:
    mention = event.date
    iv = mention.resolved
    return {
        "start": iv.start.isoformat() if iv else None,
        "end": iv.end.isoformat() if iv else None,
        "precision": iv.precision if iv else None,
        "note": iv.note if iv else IMPOSSIBLE_NOTE if mention.impossible else None,
        "future": mention.future,
        "assumed": mention.assumed,
        "anchor": mention.anchor.isoformat() if mention.anchor else None,
        "anchor_basis": anchor.basis if anchor and mention.anchor else None,
    }


def event_to_dict(event: Event, text: str, anchor: Optional[DocumentAnchor]) -> dict[str, Any]:
    """An event: the date expression's span and text, its resolution, the clause it dates."""
    mention = event.date
    return {
        "id": event.id,
        "doc": event.doc,
        "part": event.part,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "kind": mention.kind,
        "date": _event_date(event, anchor),
        "clause": {"start": event.clause_start, "end": event.clause_end, "text": text[event.clause_start : event.clause_end]},
        "sentence": {"start": event.sentence.start, "end": event.sentence.end, "text": event.sentence.text},
        "attribution": event.attribution.to_dict() if event.attribution else None,
        "durations": [{"text": d.text, "start": d.start, "end": d.end} for d in event.durations],
        "claims": list(event.claims),
        "terms": list(event.terms),
        "cluster": event.cluster,
    }


def cluster_to_dict(cluster: EventCluster) -> dict[str, Any]:
    return {
        "id": cluster.id,
        "events": list(cluster.events),
        "terms": list(cluster.terms),
        "conflict": cluster.conflict,
        "readings": [
            {**reading.interval.to_dict(), "events": list(reading.events)} for reading in cluster.readings
        ],
        "reasons": list(cluster.reasons),
    }


def timeline_document(report: TimelineReport) -> dict[str, Any]:
    texts = {d.id: d.text for d in report.corpus.documents}
    return {
        "schema_version": SCHEMA_VERSION,
        "command": "timeline",
        "keyword": report.keyword,
        "from": report.date_from.isoformat() if report.date_from else None,
        "to": report.date_to.isoformat() if report.date_to else None,
        "documents": [document_to_dict(d) for d in report.corpus.documents],
        "skipped": _skipped(report.corpus),
        "warnings": _warnings(report.corpus),
        "anchors": [
            {"doc": doc_id, **(anchor.to_dict() if anchor else {"date": None, "basis": None, "assumed": False})}
            for doc_id, anchor in report.anchors.items()
        ],
        "events": [event_to_dict(e, texts[e.doc], report.anchors.get(e.doc)) for e in report.events],
        "clusters": [cluster_to_dict(c) for c in report.clusters],
        "claims": [claim_to_dict(c) for c in report.claims.values()],
    }


def records(document: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """JSON Lines records for a JSON document: one per item, then a summary."""
    singular = {
        "documents": "document",
        "skipped": "skipped",
        "warnings": "warning",
        "anchors": "anchor",
        "claims": "claim",
        "groups": "group",
        "events": "event",
        "clusters": "cluster",
    }
    counts = {}
    for key, kind in singular.items():
        items = document.get(key)
        if items is None:
            continue
        counts[key] = len(items)
        for item in items:
            yield {"type": kind, "data": item}
    summary = {"schema_version": document["schema_version"], "command": document["command"], **counts}
    if "groups" in document:
        summary["conflicts"] = sum(len(g["conflicts"]) for g in document["groups"])
    if "clusters" in document:
        summary["date_conflicts"] = sum(1 for c in document["clusters"] if c["conflict"])
    yield {"type": "summary", "data": summary}


def _stream_end(stream: ClaimsStream, documents: int, claims: int) -> Iterator[dict[str, Any]]:
    for skipped in _skipped(stream):
        yield {"type": "skipped", "data": skipped}
    for warning in _warnings(stream):
        yield {"type": "warning", "data": warning}
    summary = {"schema_version": SCHEMA_VERSION, "command": "claims", "documents": documents,
               "skipped": len(stream.skipped), "warnings": len(stream.warnings), "claims": claims}
    yield {"type": "summary", "data": summary}


def document_lines(doc: Document, result: DocumentResult, ascii_only: bool = False) -> str:
    """A document's `claims --jsonl` records, each line ended: its record, then its claims'."""
    lines = [dumps_record({"type": "document", "data": document_to_dict(doc)}, ascii_only)]
    lines.extend(claim_record(claim, ascii_only) for claim in result.claims)
    return "\n".join(lines) + "\n"


def _scalar(x: Any, ascii_only: bool) -> str:
    """A number, true, false or null, exactly as the encoder writes it."""
    if x is None:
        return "null"
    if x is True or x is False:
        return "true" if x else "false"
    return int.__repr__(x) if type(x) is int else dumps_record(x, ascii_only)  # a float: NaN, Infinity, 2.5


_FLAGS = {True: "true", False: "false"}  # (looked up by bools only: 1 == True)


def claim_record(claim: Claim, ascii_only: bool = False) -> str:
    """``dumps_record({"type": "claim", "data": claim_to_dict(claim)}, ascii_only)``,
    written field by field into f-strings: the encoder spends most of a claim line on
    escaping the same keys again and building a dict for every nested object
    (tests/test_render_json.py ties the two). Strings still go through the encoder's
    own escape. Offsets and part numbers are ints, which an f-string writes as the
    encoder does; the other numbers and the flags go through ``_scalar``."""
    string = encode_basestring_ascii if ascii_only else encode_basestring
    value, attribution, time, sentence = claim.value, claim.attribution, claim.time, claim.sentence
    unit, counted, topic = claim.unit, claim.counted, claim.topic
    # The usual types written here without a call: an int writes itself, a flag is looked up.
    low, high, approx = value.low, value.high, value.approx
    low = low if type(low) is int else _scalar(low, ascii_only)
    high = high if type(high) is int else _scalar(high, ascii_only)
    approx = _FLAGS[approx] if type(approx) is bool else _scalar(approx, ascii_only)
    if attribution is None:
        said = "null"
    else:
        via, pronoun, verb_start, verb_end = attribution.via, attribution.pronoun, attribution.verb_start, attribution.verb_end
        said = (
            f'{{"source":{string(attribution.source)},"via":{"null" if via is None else string(via)}'
            f',"verb":{string(attribution.verb)},"start":{attribution.start},"end":{attribution.end}'
            f',"verb_start":{verb_start if type(verb_start) is int else _scalar(verb_start, ascii_only)}'
            f',"verb_end":{verb_end if type(verb_end) is int else _scalar(verb_end, ascii_only)}'
            f',"pronoun":{"null" if pronoun is None else string(pronoun)}}}'
        )
    when = "null" if time is None else _time_record(time, string, ascii_only)
    return (
        f'{{"type":"claim","data":{{"id":{string(claim.id)},"doc":{string(claim.doc)}'
        f',"part":{claim.part},"start":{claim.start},"end":{claim.end},"text":{string(claim.text)}'
        f',"value":{{"low":{low},"high":{high},"approx":{approx},"kind":{string(value.kind)}}}'
        f',"quantity":{string(claim.quantity)},"unit":{"null" if unit is None else string(unit)}'
        f',"counted":{"null" if counted is None else string(counted)}'
        f',"topic":{"null" if topic is None else string(topic)},"role":{string(claim.role)}'
        f',"attribution":{said},"time":{when}'
        f',"sentence":{{"start":{sentence.start},"end":{sentence.end},"text":{string(sentence.text)}}}'
        f',"notes":[{",".join(map(string, claim.notes))}],"group":null,"conflicts_with":[]}}}}'
    )


def _time_record(time: DateMention, string, ascii_only: bool) -> str:
    """``_time(time)`` as the encoder writes it (see ``claim_record``)."""
    resolved, anchor, future, assumed = time.resolved, time.anchor, time.future, time.assumed
    if resolved is None:
        interval = "null"
    else:  # DateInterval.to_dict()
        note = resolved.note
        interval = (
            f'{{"start":{string(resolved.start.isoformat())},"end":{string(resolved.end.isoformat())}'
            f',"precision":{string(resolved.precision)},"note":{"null" if note is None else string(note)}}}'
        )
    return (
        f'{{"text":{string(time.text)},"start":{time.start},"end":{time.end}'
        f',"kind":{string(time.kind)},"future":{_FLAGS[future] if type(future) is bool else _scalar(future, ascii_only)}'
        f',"resolved":{interval},"anchor":{"null" if anchor is None else string(anchor.isoformat())}'
        f',"assumed":{_FLAGS[assumed] if type(assumed) is bool else _scalar(assumed, ascii_only)}}}'
    )


def document_lines_ascii(doc: Document, result: DocumentResult) -> str:
    return document_lines(doc, result, ascii_only=True)


def jsonl_renderer(ascii_only: bool) -> Renderer:
    """How ``claims --jsonl`` renders each document where it is analysed (named by format,
    as the cache keeps renderings by name)."""
    return ("claims-jsonl-ascii", document_lines_ascii) if ascii_only else ("claims-jsonl", document_lines)


def claims_stream_text(stream: ClaimsStream, ascii_only: bool = False) -> Iterator[str]:
    """`claims --jsonl` as text, for a stream made with ``jsonl_renderer(ascii_only)``:
    each document's lines as they come, then the skipped files, warnings and summary."""
    documents = claims = 0
    for rendered in stream:
        documents += 1
        claims += rendered.claims
        yield rendered.text
    for record in _stream_end(stream, documents, claims):
        yield dumps_record(record, ascii_only) + "\n"


# One encoder each way, made once: json.dumps with options makes a new one per call.
_RECORD_ENCODERS = {ascii_only: _json.JSONEncoder(ensure_ascii=ascii_only, separators=(",", ":")) for ascii_only in (False, True)}


def dumps_record(record: dict[str, Any], ascii_only: bool = False) -> str:
    """One JSON Lines record."""
    return _RECORD_ENCODERS[bool(ascii_only)].encode(record)


def dumps(document: dict[str, Any], ascii_only: bool = False) -> str:
    """One JSON document, indented, keys in schema order (all ASCII when asked)."""
    return _json.dumps(document, ensure_ascii=ascii_only, indent=2)


def dumps_lines(document: dict[str, Any], ascii_only: bool = False) -> Iterator[str]:
    for record in records(document):
        yield dumps_record(record, ascii_only)
