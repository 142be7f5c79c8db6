"""Reports -> Rich renderables. Functions return renderables; only the CLI prints."""

from __future__ import annotations

from typing import Optional

from rich import box
from rich.console import Console, ConsoleOptions, RenderResult
from rich.console import Group as RenderGroup
from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..comparison import Group, format_value
from ..models import IMPOSSIBLE_NOTE, Claim, Corpus, DateInterval, DateMention, Document
from ..report import ClaimsReport, DiffReport, SourcesReport
from ..vocab import season_starting

CONFLICT_STYLE = "bold red"
AGREE_STYLE = "green"
EMPHASIS_STYLE = "bold underline"


SOURCE_WIDTH = 14

# Characters that act on a terminal instead of showing: C0 controls but tab and line
# feed, DEL, C1 controls, and the bidirectional overrides that can make "300" show
# as "003". Scraped text can hold any of them; JSON output keeps them, escaped.
_UNPRINTABLE = dict.fromkeys(
    [*range(0, 9), 11, 12, *range(14, 32), 127, *range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)],
    "\ufffd",
)


def printable(text: str) -> str:
    """``text`` safe to print: carriage returns become line breaks, controls "\ufffd"."""
    if text.isprintable():
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_UNPRINTABLE)


def short_name(doc_id: str, width: int = SOURCE_WIDTH) -> str:
    """A file name cut in the middle to fit a table cell: "001_e466…4263a.txt"."""
    if len(doc_id) <= width:
        return doc_id
    keep = width - 1
    return doc_id[: keep - keep // 2] + "…" + doc_id[-(keep // 2) :]


def _source_label(claim: Claim, docs: dict[str, Document]) -> str:
    """The outlet when known, else the file; with the article number in a multi-article file."""
    doc = docs.get(claim.doc)
    label = doc.outlet.value if doc and doc.outlet else short_name(claim.doc)
    if doc and len(doc.parts) > 1:
        label += f", part {claim.part}"
    return printable(label)


def _who(claim: Claim) -> str:
    a = claim.attribution
    if a is None:
        return "—"
    text = a.source
    if a.pronoun:
        text += f' ("{a.pronoun}")'
    if a.via:  # only verbs of telling have one: "told the BBC"
        text += f", to {a.via}"
    return printable(text)


def _when(mention: Optional[DateMention]) -> str:
    if mention is None:
        return "—"
    if mention.resolved is None:
        note = " (duration)" if mention.kind == "duration" else f" ({IMPOSSIBLE_NOTE})" if mention.impossible else ""
        return printable(mention.text + note)
    flags = ", future" if mention.future else ""
    return printable(f"{mention.text}\n= {format_interval(mention.resolved)}{flags}")


def format_interval(r: DateInterval) -> str:
    """A resolved date at its precision: "2025-04-26", "2025-01", "fall 2024", "2024"."""
    if r.precision == "day":
        return r.start.isoformat()
    if r.precision == "month":
        return r.start.strftime("%Y-%m")
    if r.precision == "year":
        return str(r.start.year)
    if r.precision == "season":
        name = season_starting(r.start.month) or "season"
        return f"{name} {r.start.year}"
    if r.precision == "week":
        return f"week of {r.start.isoformat()}"
    return f"{r.start.isoformat()}..{r.end.isoformat()}"


def emphasised_sentence(claim: Claim, markers: bool) -> Text:
    """The claim's sentence with its number phrase emphasised (``*...*`` without colour)."""
    s = claim.sentence
    before = claim.start - s.start
    after = claim.end - s.start
    text = Text(printable(s.text[:before]))
    phrase = f"*{claim.text}*" if markers else claim.text
    text.append(printable(phrase), style=EMPHASIS_STYLE)
    text.append(printable(s.text[after:]))
    return text


def _value_cell(claim: Claim, conflicting: frozenset[str]) -> Text:
    value = _claim_value(claim)
    style = CONFLICT_STYLE if claim.id in conflicting else AGREE_STYLE
    mark = " ✗" if claim.id in conflicting else ""
    return Text(value + mark, style=style)


def group_table(group: Group, docs: dict[str, Document], markers: bool) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_lines=False, pad_edge=False)
    def fit(cells, cap: int) -> int:
        return min(cap, max(len(line) for cell in cells for line in cell.split("\n")))

    claims = group.claims
    table.add_column("Value", no_wrap=True, width=fit([_claim_value(c) + " ✗" for c in claims], 16))
    table.add_column("Counts", width=fit([_counted(c) for c in claims] + ["Counts"], 12), overflow="fold")
    table.add_column("Who says", ratio=1, overflow="fold")
    table.add_column("When", width=fit([_when(c.time) for c in claims] + ["When"], 12), overflow="fold")
    table.add_column("Source", width=fit([_source_label(c, docs) for c in claims] + ["Source"], SOURCE_WIDTH), overflow="fold")
    table.add_column("Sentence", ratio=2)
    conflicting = group.conflicting_ids
    for claim in group.claims:
        table.add_row(
            _value_cell(claim, conflicting),
            _counted(claim),
            _who(claim),
            _when(claim.time),
            _source_label(claim, docs),
            emphasised_sentence(claim, markers),
        )
    return table


NARROW_WIDTH = 90  # below this a six-column table squeezes the sentence out


class ClaimList:
    """A group's claims: a table where there is room, stacked entries where there is not."""

    def __init__(self, group: Group, docs: dict[str, Document], markers: bool) -> None:
        self.group, self.docs, self.markers = group, docs, markers

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width >= NARROW_WIDTH:
            yield group_table(self.group, self.docs, self.markers)
            return
        conflicting = self.group.conflicting_ids
        for claim in self.group.claims:
            head = _value_cell(claim, conflicting)
            details = [printable(claim.counted or ""), _when(claim.time).replace("\n", " "), _source_label(claim, self.docs)]
            head.append("  " + " · ".join(d for d in details if d and d != "—"))
            yield head
            yield Padding(Text("who says: " + _who(claim), style="dim"), (0, 0, 0, 2))
            yield Padding(emphasised_sentence(claim, self.markers), (0, 0, 1, 2))


def _claim_ref(claim: Claim, docs: dict[str, Document]) -> str:
    doc = docs.get(claim.doc)
    name = doc.label if doc else claim.doc
    return printable(f"{format_value(claim)} ({name})")


def conflict_list(group: Group, docs: dict[str, Document]) -> RenderableType:
    """Each conflicting pair with the reasons that may explain it; wrapped lines stay indented."""
    by_id = {c.id: c for c in group.claims}
    items: list[RenderableType] = [Text(f"Conflicts ({len(group.conflicts)})", style="bold")]
    for conflict in group.conflicts:
        a, b = by_id[conflict.a], by_id[conflict.b]
        pair = Text("✗ ", style=CONFLICT_STYLE)
        pair.append(f"{_claim_ref(a, docs)} vs {_claim_ref(b, docs)}")
        items.append(Padding(pair, (0, 0, 0, 2)))
        for reason in conflict.reasons:
            items.append(Padding(Text(printable(f"- {reason}"), style="dim"), (0, 0, 0, 6)))
    items.append(Text(""))
    return RenderGroup(*items)


def diff_renderables(report: DiffReport, markers: bool = False) -> list[RenderableType]:
    """One table per group, each followed by its conflicts."""
    docs = {d.id: d for d in report.corpus.documents}
    out: list[RenderableType] = []
    if not report.comparison.groups:
        what = f"on '{report.topic}'" if report.topic else "that conflict"
        out.append(Text(f"No claims {what} in {len(docs)} documents."))
    if report.topic is None and report.comparison.groups:
        out.append(topic_overview(report))
        return out + skipped_note(report.corpus)
    for group in report.comparison.groups:
        heading = Text(printable(group.label), style="bold")
        heading.append(printable(f" — {group.summary}"))
        out.append(heading)
        out.append(ClaimList(group, docs, markers))
        if group.conflicts:
            out.append(conflict_list(group, docs))
        else:
            out.append(Text("No conflicts: these figures can all hold at once.\n", style=AGREE_STYLE))
    return out + skipped_note(report.corpus)


def topic_overview(report: DiffReport) -> RenderableType:
    """`diff` with no topic: one row per group that has a conflict."""
    table = Table(title="Topics with conflicting figures", box=box.SIMPLE_HEAD, expand=True, title_justify="left")
    table.add_column("Topic")
    table.add_column("Figures", justify="right")
    table.add_column("Conflicts", justify="right")
    table.add_column("Summary", ratio=1)
    for group in report.comparison.groups:
        if group.conflicts:
            table.add_row(printable(group.label), str(len(group.claims)), Text(str(len(group.conflicts)), style=CONFLICT_STYLE),
                          printable(group.summary))
    hint = Text("Run `claimcheck diff TOPIC` to see the figures and why they conflict.", style="dim")
    return RenderGroup(table, hint)


class ClaimsTable:
    """Every claim, one row each where there is room, one line each where there is not."""

    def __init__(self, report: ClaimsReport) -> None:
        self.report = report
        self.docs = {d.id: d for d in report.corpus.documents}

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width < NARROW_WIDTH:
            for claim in self.report.claims:
                line = Text(f"{_claim_value(claim)}  ", style="bold")
                fields = [claim.counted, claim.topic and f"[{claim.topic}]", _source_label(claim, self.docs)]
                line.append(printable(" · ".join(f for f in fields if f)), style="")
                yield line
                yield Padding(Text(f"who says: {_who(claim)}; when: {_when(claim.time)}".replace("\n", " "), style="dim"), (0, 0, 0, 2))
            return
        table = Table(box=box.SIMPLE_HEAD, expand=True)
        table.add_column("Source", width=SOURCE_WIDTH, overflow="fold")
        table.add_column("Value", no_wrap=True)
        table.add_column("Kind")
        table.add_column("Counts", ratio=1)
        table.add_column("Topic")
        table.add_column("Who says", ratio=2)
        table.add_column("When", ratio=1)
        for claim in self.report.claims:
            kind = claim.quantity if claim.role == "total" else f"{claim.quantity}, {claim.role}"
            table.add_row(_source_label(claim, self.docs), _claim_value(claim), kind, _counted(claim),
                          printable(claim.topic or "—"), _who(claim), _when(claim.time))
        yield table


def _counted(claim: Claim) -> str:
    return printable(claim.counted or "—")


def _claim_value(claim: Claim) -> str:
    return format_value(claim) + (f" {claim.unit}" if claim.unit and claim.quantity != "count" else "")


def claims_renderables(report: ClaimsReport) -> list[RenderableType]:
    title = f"{len(report.claims)} claims" + (f" on '{report.topic}'" if report.topic else "")
    title += f" in {len(report.corpus.documents)} documents"
    return [Text(title, style="bold"), ClaimsTable(report), *skipped_note(report.corpus)]


def sources_renderables(report: SourcesReport) -> list[RenderableType]:
    """Each document's metadata with where it came from, its articles and what was left out."""
    corpus = report.corpus
    out: list[RenderableType] = []
    for doc in corpus.documents:
        table = Table(box=box.SIMPLE, show_header=False, expand=True, title_justify="left", title=printable(doc.id),
                      title_style="bold")
        table.add_column("Field", style="dim", no_wrap=True)
        table.add_column("Value", ratio=1)
        for name, field in (("published", doc.published), ("outlet", doc.outlet), ("title", doc.title)):
            table.add_row(name, printable(f"{field.value}  [{field.source}]") if field else "unknown")
        table.add_row("encoding", f"{doc.encoding}, {len(doc.text):,} characters")
        for part in doc.parts:
            label = part.title or "(untitled)"
            byline = f" — {part.byline}" if part.byline else ""
            table.add_row(f"part {part.number}", printable(f"{label}{byline}  [{part.start}–{part.end})"))
        for span in doc.boilerplate:
            table.add_row("left out", Text(f"{span.reason} [{span.start}–{span.end}): {_preview(doc.text[span.start:span.end])}"))
        out.append(table)
    return out + skipped_note(corpus)


def _preview(text: str, limit: int = 70) -> str:
    flat = printable(" ".join(text.split()))
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def skipped_note(corpus: Corpus) -> list[RenderableType]:
    out: list[RenderableType] = []
    if corpus.skipped:
        text = Text(f"Skipped {len(corpus.skipped)} file(s):\n", style="yellow")
        for skipped in corpus.skipped:
            text.append(printable(f"  {skipped.path}: {skipped.reason}") + "\n")
        out.append(text)
    if corpus.warnings:
        text = Text(f"Warnings ({len(corpus.warnings)}):\n", style="yellow")
        for warning in corpus.warnings:
            where = f"{warning.path}:{warning.line}" if warning.line else warning.path
            text.append(printable(f"  {where}: {warning.message}") + "\n")
        out.append(text)
    return out
