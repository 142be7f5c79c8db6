"""The timeline report -> Rich renderables: events grouped by month, then the matches
between sources and the dates they disagree on."""

from __future__ import annotations

from itertools import groupby
from typing import Optional

from rich import box
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..models import IMPOSSIBLE_NOTE, VAGUE, Claim, DateInterval, Document, Event, EventCluster
from ..report import TimelineReport
from ..timeline import is_short
from .table import CONFLICT_STYLE, EMPHASIS_STYLE, NARROW_WIDTH, SOURCE_WIDTH, format_interval, short_name, skipped_note

ASSUMED_MARK = "*"
FUTURE_MARK = "→"
CONFLICT_MARK = "✗"
DATE_WIDTH = 24
WHO_WIDTH = 16
MATCH_WIDTH = 5


def event_label(event: Event) -> str:
    """The heading an event is listed under (see interval_label), or that its date
    names a day the calendar does not have."""
    return IMPOSSIBLE_NOTE.capitalize() if event.date.impossible else interval_label(event.interval)


def interval_label(iv: Optional[DateInterval]) -> str:
    """The heading an event is listed under: its month, or its own longer interval."""
    if iv is None:
        return "Not resolved: no document date (give --as-of DATE)"
    if is_short(iv):
        return iv.start.strftime("%B %Y")
    if iv.precision == "span":
        first, last = iv.start.strftime("%B %Y"), iv.end.strftime("%B %Y")
        return first if first == last else f"{first} – {last}"
    return format_interval(iv)


def date_cell(event: Event, conflicted: frozenset[str]) -> Text:
    """The resolved date with its precision and marks, else the expression as written."""
    mention = event.date
    iv = mention.resolved
    if iv is None:
        return Text(mention.text) + (Text(f"\n{IMPOSSIBLE_NOTE}", style="dim") if mention.impossible else Text(""))
    marks = (ASSUMED_MARK if mention.assumed else "") + (FUTURE_MARK if mention.future else "")
    cell = Text(format_interval(iv) + (f" {marks}" if marks else ""),
                style=CONFLICT_STYLE if event.cluster in conflicted else "")
    precision = iv.precision
    if precision == "season":
        precision += f" ({iv.start.strftime('%b')}–{iv.end.strftime('%b')})"
    cell.append(f"\n{precision}", style="dim")
    return cell


def what_happened(event: Event, text: str, markers: bool, figures: list[str]) -> Text:
    """The clause the date dates, the date phrase emphasised (``*...*`` without colour)."""
    start, end = event.clause_start, event.clause_end
    lead = text[start : event.date.start]
    stripped = lead.lstrip(",; ")
    if stripped and stripped[:4].lower() in ("and ", "but "):
        stripped = stripped.split(" ", 1)[1] if " " in stripped else ""
    out = Text(("…" if start > event.sentence.start else "") + stripped)
    phrase = f"*{event.date.text}*" if markers else event.date.text
    out.append(phrase, style=EMPHASIS_STYLE)
    out.append(text[event.date.end : end].rstrip() + ("…" if end < event.sentence.end else ""))
    for duration in event.durations:
        out.append(f"\n(duration: {duration.text})", style="dim")
    if figures:
        out.append("\nfigures: " + "; ".join(figures), style="dim")
    return out


def who_cell(event: Event) -> str:
    a = event.attribution
    if a is None:
        return "—"
    return a.source + (f' ("{a.pronoun}")' if a.pronoun else "")


def _figure(claim: Claim) -> str:
    """A claim as a reader would say it: "about 11,000 troops", "thousands of soldiers"."""
    counted = claim.counted or ""
    joint = " of " if claim.value.kind == VAGUE and counted and not claim.text.endswith(" of") else " "
    return f"{claim.text}{joint}{counted}".strip() + f" [{claim.topic}]"


class TimelineTables:
    """The events grouped by month: a table per group where there is room, stacked
    entries where there is not."""

    def __init__(self, report: TimelineReport, markers: bool) -> None:
        self.report = report
        self.markers = markers
        self.docs: dict[str, Document] = {d.id: d for d in report.corpus.documents}
        self.conflicted = frozenset(c.id for c in report.clusters if c.conflict)

    def source(self, event: Event) -> str:
        doc = self.docs[event.doc]
        label = doc.outlet.value if doc.outlet else short_name(event.doc)
        return label + (f", part {event.part}" if len(doc.parts) > 1 else "")

    def figures(self, event: Event) -> list[str]:
        claims = [self.report.claims[c] for c in event.claims if c in self.report.claims]
        return [_figure(c) for c in claims if c.topic]

    def match(self, event: Event) -> Text:
        if event.cluster is None:
            return Text("")
        if event.cluster in self.conflicted:
            return Text(f"{event.cluster} {CONFLICT_MARK}", style=CONFLICT_STYLE)
        return Text(event.cluster)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        wide = options.max_width >= NARROW_WIDTH
        first = True
        for label, group in groupby(self.report.events, key=event_label):
            events = list(group)
            yield Text(label, style="bold")
            if wide:
                yield self._table(events, show_header=first)
            else:
                yield from self._stacked(events)
            first = False

    def _table(self, events: list[Event], show_header: bool) -> Table:
        table = Table(box=box.SIMPLE_HEAD if show_header else box.SIMPLE, show_header=show_header,
                      expand=True, pad_edge=False, show_edge=False)
        table.add_column("Date", width=DATE_WIDTH, overflow="fold")
        table.add_column("What happened", ratio=1)
        table.add_column("Who says", width=WHO_WIDTH, overflow="fold")
        table.add_column("Source", width=SOURCE_WIDTH, overflow="fold")
        table.add_column("Match", width=MATCH_WIDTH, no_wrap=True)
        for event in events:
            text = self.docs[event.doc].text
            table.add_row(
                date_cell(event, self.conflicted),
                what_happened(event, text, self.markers, self.figures(event)),
                who_cell(event),
                self.source(event),
                self.match(event),
            )
        return table

    def _stacked(self, events: list[Event]) -> RenderResult:
        for event in events:
            cell = date_cell(event, self.conflicted)
            head = Text(cell.plain.replace("\n", " · "), style=cell.style)
            head.append("  " + " · ".join(d for d in (self.source(event), self.match(event).plain) if d))
            yield head
            if event.attribution:
                yield Padding(Text("who says: " + who_cell(event), style="dim"), (0, 0, 0, 2))
            text = self.docs[event.doc].text
            yield Padding(what_happened(event, text, self.markers, self.figures(event)), (0, 0, 1, 2))


def cluster_notes(report: TimelineReport, docs: dict[str, Document]) -> list[RenderableType]:
    """Each group of matching events from different places; disagreeing dates first."""
    if not report.clusters:
        return []
    events = {e.id: e for e in report.events}
    out: list[RenderableType] = [Text("Same happening, several mentions", style="bold")]
    for cluster in sorted(report.clusters, key=lambda c: (not c.conflict, int(c.id[1:]))):
        out.extend(_cluster_lines(cluster, events, docs))
    out.append(Text(""))
    return out


def _cluster_lines(cluster: EventCluster, events: dict[str, Event], docs: dict[str, Document]) -> list[RenderableType]:
    readings = []
    for reading in cluster.readings:
        where = ", ".join(
            f"{_doc_name(docs, events[e].doc)} '{events[e].date.text}'"
            for e in reading.events if e in events
        )
        readings.append(f"{format_interval(reading.interval)} ({where})")
    head = Text(f"{CONFLICT_MARK} " if cluster.conflict else "= ", style=CONFLICT_STYLE if cluster.conflict else "green")
    head.append(f"{cluster.id} [{', '.join(cluster.terms[:5])}]: ")
    head.append(" vs ".join(readings) if cluster.conflict else " = ".join(readings))
    lines: list[RenderableType] = [Padding(head, (0, 0, 0, 2))]
    for reason in cluster.reasons:
        lines.append(Padding(Text(f"- {reason}", style="dim"), (0, 0, 0, 6)))
    return lines


def _doc_name(docs: dict[str, Document], doc_id: str) -> str:
    doc = docs.get(doc_id)
    return doc.outlet.value if doc and doc.outlet else short_name(doc_id)


def anchor_notes(report: TimelineReport) -> list[RenderableType]:
    """Which document dates were assumed, and from what."""
    shown = {e.doc for e in report.events}
    notes: list[RenderableType] = []
    assumed = [(doc_id, a) for doc_id, a in report.anchors.items() if a and a.assumed and doc_id in shown]
    if assumed:
        notes.append(Text(f"{ASSUMED_MARK} resolved against an assumed document date:", style="dim"))
    for doc_id, anchor in assumed:
        notes.append(Padding(Text(f"{short_name(doc_id)}: {anchor.date.isoformat()}, {anchor.basis}", style="dim"), (0, 0, 0, 2)))
    if any(e.date.future for e in report.events):
        notes.append(Text(f"{FUTURE_MARK} a future date (planned or expected)", style="dim"))
    return notes


def timeline_renderables(report: TimelineReport, markers: bool = False) -> list[RenderableType]:
    docs = {d.id: d for d in report.corpus.documents}
    conflicts = sum(1 for c in report.clusters if c.conflict)
    title = f"{len(report.events)} dated events"
    if report.keyword:
        title += f" mentioning '{report.keyword}'"
    title += f" in {len(docs)} documents; {len(report.clusters)} matched across mentions, {conflicts} with conflicting dates"
    out: list[RenderableType] = [Text(title, style="bold")]
    if not report.events:
        out.append(Text("No dated events" + (f" mention '{report.keyword}'." if report.keyword else " found.")))
        return out + skipped_note(report.corpus)
    out.append(TimelineTables(report, markers))
    out.extend(cluster_notes(report, docs))
    out.extend(anchor_notes(report))
    return out + skipped_note(report.corpus)
