"""`claimcheck timeline`: events across sources, resolved dates, clusters and conflicts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.corpus import build_document, load_corpus
from claimcheck.models import DocumentAnchor
from claimcheck.report import build_timeline_report, parse_date_option
from claimcheck.timeline import cluster_events, extract_events
from claimcheck.errors import ConfigError

from helpers import run
from helpers import compare_golden as _compare_golden


def timeline_json(*args: str) -> dict:
    result = run("timeline", *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.fixture(scope="module")
def bundled() -> dict:
    return timeline_json()


def events_where(data: dict, doc: str, phrase: str, sentence_has: str = "") -> list[dict]:
    return [
        e for e in data["events"]
        if e["doc"].startswith(doc) and e["text"].casefold() == phrase.casefold() and sentence_has in e["sentence"]["text"]
    ]


def only(data: dict, doc: str, phrase: str, sentence_has: str = "") -> dict:
    found = events_where(data, doc, phrase, sentence_has)
    assert len(found) == 1, (doc, phrase, [e["text"] for e in data["events"] if e["doc"].startswith(doc)])
    return found[0]


# --- the done-when, on the bundled corpus and its manifest ---------------------------------


def test_gerasimov_thanks_on_saturday_in_both_reports(bundled):
    bi = only(bundled, "000", "On Saturday", "Gerasimov")
    bloomberg = only(bundled, "003", "on Saturday", "Gerasimov")
    for event in (bi, bloomberg):
        assert (event["date"]["start"], event["date"]["end"], event["date"]["precision"]) == ("2025-04-26", "2025-04-26", "day")
        assert event["date"]["assumed"] is False
    assert bi["cluster"] is not None and bi["cluster"] == bloomberg["cluster"]
    (cluster,) = [c for c in bundled["clusters"] if c["id"] == bi["cluster"]]
    assert cluster["conflict"] is False
    assert "gerasimov" in cluster["terms"]


@pytest.mark.parametrize(
    "doc, phrase, sentence_has, start, end, precision",
    [
        ("003", "Monday", "victoriously concluded", "2025-04-28", "2025-04-28", "day"),
        ("003", "On Friday", "launch ceremony", "2025-04-25", "2025-04-25", "day"),
        ("003", "In January", "captured two", "2025-01-01", "2025-01-31", "month"),
        ("003", "last fall", "dispatched", "2024-09-01", "2024-11-30", "season"),
        ("000", "in the summer of last year", "Kursk", "2024-06-01", "2024-08-31", "season"),
        ("000", "in the fall of 2024", "reports first emerged", "2024-09-01", "2024-11-30", "season"),
    ],
)
def test_dated_documents_resolve_against_their_publication_date(bundled, doc, phrase, sentence_has, start, end, precision):
    event = only(bundled, doc, phrase, sentence_has)
    assert (event["date"]["start"], event["date"]["end"], event["date"]["precision"]) == (start, end, precision)
    assert event["date"]["assumed"] is False
    if event["kind"] == "relative":
        assert event["date"]["anchor"] == {"000": "2025-04-27", "003": "2025-04-28"}[doc]


def test_undated_document_is_resolved_against_an_assumed_anchor(bundled):
    event = only(bundled, "001", "On April 24")
    assert (event["date"]["start"], event["date"]["end"]) == ("2025-04-24", "2025-04-24")
    assert event["date"]["assumed"] is True
    assert event["date"]["anchor"] == "2025-04-28"
    assert "latest publication date in the corpus" in event["date"]["anchor_basis"]
    (anchor,) = [a for a in bundled["anchors"] if a["doc"].startswith("001")]
    assert anchor == {"doc": anchor["doc"], "date": "2025-04-28", "basis": event["date"]["anchor_basis"], "assumed": True}


def test_next_two_months_is_future(bundled):
    event = only(bundled, "004", "within the next two months")
    assert event["date"]["future"] is True
    assert (event["date"]["start"], event["date"]["end"]) == ("2025-04-29", "2025-06-28")


def test_no_event_from_may_or_measurements(bundled):
    texts = [e["text"] for e in bundled["events"]]
    assert not any(t.casefold() == "may" for t in texts)
    assert not any("120" in t or "mm" in t.split() for t in texts)


def test_events_are_in_date_order_with_their_source(bundled):
    starts = [e["date"]["start"] for e in bundled["events"]]
    assert None not in starts and starts == sorted(starts)  # every bundled date resolves
    for event in bundled["events"]:
        assert event["date"]["start"] <= event["date"]["end"]
        assert event["doc"][:3] in ("000", "001", "002", "003", "004")


def test_every_event_slices_back_to_its_text(bundled):
    texts = {d.id: d.text for d in load_corpus([]).documents}
    for event in bundled["events"]:
        text = texts[event["doc"]]
        assert text[event["start"] : event["end"]] == event["text"]
        assert event["clause"]["start"] <= event["start"] < event["end"] <= event["clause"]["end"]
        assert text[event["clause"]["start"] : event["clause"]["end"]] == event["clause"]["text"]
        assert text[event["sentence"]["start"] : event["sentence"]["end"]] == event["sentence"]["text"]


def test_claims_with_a_time_reference_appear_on_the_timeline(bundled):
    claims = {c["id"]: c for c in bundled["claims"]}
    january = only(bundled, "003", "In January", "captured two")
    figures = sorted(claims[c]["text"] for c in january["claims"])
    assert "some 300" in figures
    for event in bundled["events"]:
        for claim_id in event["claims"]:
            assert claims[claim_id]["time"]["start"] == event["start"]


def test_golden_timeline(update_golden):
    _compare_golden("timeline", run("timeline"), update_golden)


def test_narrow_timeline_stacks_each_event(update_golden):
    result = run("timeline", "troops", env={"COLUMNS": "60"})
    _compare_golden("timeline_troops_60", result, update_golden)


def test_jsonl_has_events_clusters_and_a_summary():
    result = run("timeline", "--jsonl")
    records = [json.loads(line) for line in result.output.splitlines()]
    kinds = {r["type"] for r in records}
    assert {"document", "anchor", "event", "cluster", "claim", "summary"} <= kinds
    summary = records[-1]
    assert summary["type"] == "summary"
    assert summary["data"]["command"] == "timeline"
    assert summary["data"]["events"] == sum(r["type"] == "event" for r in records)
    assert summary["data"]["date_conflicts"] == 0


# --- filters and options ----------------------------------------------------------------


def test_keyword_keeps_events_that_mention_it(bundled):
    data = timeline_json("Gerasimov")
    assert data["keyword"] == "Gerasimov"
    assert len(data["events"]) == 3
    assert all("Gerasimov" in e["sentence"]["text"] for e in data["events"])
    troops = timeline_json("troops")
    assert only(troops, "003", "last fall")  # "soldiers" counts as troops
    assert len(troops["events"]) == 22 and len(bundled["events"]) == 34


def test_from_and_to_filter_by_date():
    data = timeline_json("--from", "2025-04", "--to", "2025-04-26")
    assert data["from"] == "2025-04-01" and data["to"] == "2025-04-26"
    everything = timeline_json()["events"]
    overlapping = [e["id"] for e in everything if e["date"]["start"]
                   and e["date"]["end"] >= "2025-04-01" and e["date"]["start"] <= "2025-04-26"]
    assert [e["id"] for e in data["events"]] == overlapping and len(overlapping) == 15


@pytest.mark.parametrize(
    "args, message",
    [
        (["--as-of", "yesterday"], "--as-of must be a date (YYYY-MM-DD)"),
        (["--as-of", "2025-04"], "--as-of must be a date (YYYY-MM-DD)"),
        (["--from", "2025-02-30"], "--from is not a real date"),
        (["--from", "2025-05", "--to", "2025-04"], "--from 2025-05-01 is after --to 2025-04-30"),
        ([" ", "corpus"], "the keyword is empty"),
    ],
)
def test_bad_dates_and_keywords_are_one_line_errors(args, message):
    result = run("timeline", *args)
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line]
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0], result.output


def test_parse_date_option_takes_whole_months_and_years():
    assert parse_date_option("2024", "--from") == dt.date(2024, 1, 1)
    assert parse_date_option("2024", "--to", last_day=True) == dt.date(2024, 12, 31)
    assert parse_date_option("2024-02", "--to", last_day=True) == dt.date(2024, 2, 29)
    assert parse_date_option("2024-12", "--to", last_day=True) == dt.date(2024, 12, 31)
    with pytest.raises(ConfigError):
        parse_date_option("2024-13", "--from")


# --- anchors, clusters and conflicts on small corpora --------------------------------------


def write(folder: Path, files: dict[str, str], manifest: str = "") -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    if manifest:
        (folder / "claimcheck.toml").write_text(manifest, encoding="utf-8")
    return folder


CEASEFIRE = {
    "a.txt": "The ceasefire talks.\n\nNegotiators from both sides signed the Geneva ceasefire agreement on Saturday, officials said.\n",
    "b.txt": "Talks end.\n\nThe Geneva ceasefire agreement was signed by negotiators from both sides on Monday.\n",
}
MANIFEST = '[documents."a.txt"]\npublished = 2025-03-10\n\n[documents."b.txt"]\npublished = 2025-03-10\n'


def test_sources_dating_one_happening_differently_are_a_conflict(tmp_path):
    folder = write(tmp_path / "news", CEASEFIRE, MANIFEST)
    report = build_timeline_report(paths=[str(folder)])
    (cluster,) = report.clusters
    assert cluster.conflict
    assert [r.interval.start for r in cluster.readings] == [dt.date(2025, 3, 8), dt.date(2025, 3, 10)]
    assert any("relative dates" in reason for reason in cluster.reasons)
    result = run("timeline", str(folder), "--check")
    assert result.exit_code == 1
    assert "✗ t1" in result.output and "2025-03-08" in result.output and "2025-03-10" in result.output


def test_different_happenings_are_not_matched(tmp_path):
    files = {
        "a.txt": "Floods.\n\nHeavy rain flooded the river valley on Saturday.\n",
        "b.txt": "Elections.\n\nVoters in the capital elected a new mayor on Monday.\n",
    }
    folder = write(tmp_path / "news", files, MANIFEST)
    report = build_timeline_report(paths=[str(folder)])
    assert not report.clusters and not report.has_conflicts


def test_as_of_anchors_undated_documents_only(tmp_path):
    folder = write(tmp_path / "news", {**CEASEFIRE, "c.txt": "Later.\n\nThe agreement collapsed on Friday.\n"},
                   '[documents."a.txt"]\npublished = 2025-03-10\n')
    report = build_timeline_report(paths=[str(folder)], as_of=dt.date(2025, 3, 20))
    assert report.anchors["a.txt"] == DocumentAnchor(dt.date(2025, 3, 10), "published (manifest)", False)
    assert report.anchors["c.txt"] == DocumentAnchor(dt.date(2025, 3, 20), "--as-of", True)
    (friday,) = [e for e in report.events if e.doc == "c.txt"]
    assert friday.interval.start == dt.date(2025, 3, 14) and friday.date.assumed


def test_anchor_inferred_from_the_latest_full_date_in_the_text(tmp_path):
    text = "Report.\n\nThe plan was drafted on March 3, 2024, and approved on June 1, 2024. It took effect on Monday.\n"
    folder = write(tmp_path / "news", {"only.txt": text})
    report = build_timeline_report(paths=[str(folder)])
    anchor = report.anchors["only.txt"]
    assert anchor == DocumentAnchor(dt.date(2024, 6, 1), "latest full date in the text", True)
    (monday,) = [e for e in report.events if e.date.text == "on Monday"]
    assert monday.interval.start == dt.date(2024, 5, 27) and monday.date.assumed


def test_without_any_anchor_relative_dates_stay_unresolved(tmp_path):
    folder = write(tmp_path / "news", {"only.txt": "News.\n\nThe bridge reopened on Tuesday after repairs in 2023.\n"})
    data = timeline_json(str(folder))
    by_text = {e["text"]: e for e in data["events"]}
    assert by_text["in 2023"]["date"]["start"] == "2023-01-01"
    tuesday = by_text["on Tuesday"]
    assert tuesday["date"]["start"] is None and tuesday["date"]["anchor"] is None
    assert data["events"][-1]["text"] == "on Tuesday"  # undated events come last
    table = run("timeline", str(folder))
    assert "Not resolved: no document date (give --as-of DATE)" in table.output


def test_a_day_the_calendar_does_not_have_is_listed_apart_not_dropped(tmp_path):
    text = ("News.\n\nThe decree is dated February 30, 2024, the ministry said. "
            "The bridge reopened on Tuesday after repairs in 2023.\n")
    folder = write(tmp_path / "news", {"only.txt": text})
    data = timeline_json(str(folder))
    assert [e["text"] for e in data["events"]] == ["in 2023", "on Tuesday", "February 30, 2024"]
    impossible = data["events"][-1]["date"]
    assert impossible["start"] is None and impossible["note"] == "not a calendar date"
    table = run("timeline", str(folder)).output
    assert table.index("Not resolved: no document date") < table.index("Not a calendar date")


def test_durations_stay_with_the_event_they_qualify(tmp_path):
    text = "War.\n\nThe siege, which lasted seven months, ended in March 2023.\n"
    folder = write(tmp_path / "news", {"only.txt": text})
    (event,) = build_timeline_report(paths=[str(folder)]).events
    assert event.date.text == "in March 2023"
    assert [d.text for d in event.durations] == ["seven months"]


def test_timeline_order_puts_undated_last_and_wider_first():
    doc = build_document("x.txt", None, "A.\n\nIt rained in 2024. It rained in January 2024. It rained on Tuesday.\n")
    events = extract_events(doc)
    ordered, _ = cluster_events(events)
    assert [e.date.text for e in ordered] == ["in 2024", "in January 2024", "on Tuesday"]


# --- properties -------------------------------------------------------------------------

_WORDS = st.sampled_from(
    "on Saturday Monday last fall in January 2024 March 3, 2025 the next two months ago three years may 120 mm "
    "troops said . , and ; week earlier this year".split()
)


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_WORDS, st.text(max_size=8)), max_size=40), st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)))
def test_events_never_raise_and_slice_back(words, day):
    text = " ".join(words)
    doc = build_document("p.txt", None, text)
    events = extract_events(doc, anchor=DocumentAnchor(day, "--as-of", True))
    ordered, clusters = cluster_events(events + extract_events(build_document("q.txt", None, text)))
    for event in ordered:
        assert text[event.date.start : event.date.end] == event.date.text
        assert event.clause_start <= event.date.start < event.date.end <= event.clause_end
        if event.interval:
            assert event.interval.start <= event.interval.end
    for cluster in clusters:
        assert len(cluster.events) >= 2


def test_readme_library_example_runs():
    from claimcheck import document_anchors, extract_events
    from claimcheck.timeline import cluster_events

    corpus = load_corpus([])
    anchors = document_anchors(corpus)
    events = [e for doc in corpus.documents for e in extract_events(doc, anchor=anchors[doc.id])]
    events, clusters = cluster_events(events)
    assert any(c.conflict is False and "gerasimov" in c.terms for c in clusters)

