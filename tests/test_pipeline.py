"""Extraction at scale: the result cache, several processes, and the same output either way."""

from __future__ import annotations

import datetime as dt
import gc
import os
import json
import pickle
import shutil
import sys
from pathlib import Path

import pytest

from claimcheck.cache import FORMAT, ResultCache, cache_usage, clear_cache
from claimcheck.corpus import load_corpus
from claimcheck.lexicon import default_lexicon
from claimcheck import pipeline
from claimcheck.models import DocumentAnchor
from claimcheck.pipeline import PARALLEL_MIN_DOCUMENTS, ExtractOptions, analyse_documents

from helpers import run as invoke

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture
def cache_dir(tmp_path) -> Path:
    return tmp_path / "cache"


def test_second_run_reads_every_document_from_the_cache(cache_dir):
    corpus = load_corpus([])
    lexicon = default_lexicon()
    cold = ResultCache(cache_dir)
    first = [r for _, r in analyse_documents(corpus.documents, lexicon, ExtractOptions(), cache=cold)]
    assert (cold.hits, cold.misses) == (0, len(corpus.documents))
    warm = ResultCache(cache_dir)
    second = [r for _, r in analyse_documents(corpus.documents, lexicon, ExtractOptions(), cache=warm)]
    assert (warm.hits, warm.misses) == (len(corpus.documents), 0)
    assert first == second


def test_options_and_anchors_are_part_of_the_key(cache_dir):
    corpus = load_corpus([])
    lexicon = default_lexicon()
    assumed = {d.id: DocumentAnchor(dt.date(2025, 5, 1), "--as-of", True) for d in corpus.documents}
    runs = [(ExtractOptions(), None), (ExtractOptions(keep_boilerplate=True), None), (ExtractOptions(), assumed)]
    for options, anchors in runs:
        cache = ResultCache(cache_dir)
        list(analyse_documents(corpus.documents, lexicon, options, anchors, cache=cache))
        assert cache.hits == 0, (options, anchors)
    for options, anchors in runs:  # the same again: every result comes from the cache
        cache = ResultCache(cache_dir)
        list(analyse_documents(corpus.documents, lexicon, options, anchors, cache=cache))
        assert cache.hits == len(corpus.documents)


def test_a_damaged_entry_is_recomputed(cache_dir):
    corpus = load_corpus([])
    lexicon = default_lexicon()
    first = [r for _, r in analyse_documents(corpus.documents, lexicon, ExtractOptions(), cache=ResultCache(cache_dir))]
    for entry in cache_dir.rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    again = ResultCache(cache_dir)
    assert [r for _, r in analyse_documents(corpus.documents, lexicon, ExtractOptions(), cache=again)] == first
    assert again.hits == 0


def test_cache_commands_and_no_cache(tmp_path):
    env = {"CLAIMCHECK_CACHE_DIR": str(tmp_path / "c")}
    assert invoke("claims", "--no-cache", "--json", env=env).exit_code == 0
    assert cache_usage(tmp_path / "c" / FORMAT) == (0, 0)
    cold = invoke("claims", "--json", env=env)
    count, size = cache_usage(tmp_path / "c" / FORMAT)
    assert count == 5 and size > 0  # one entry for each of the 5 documents: it and its claims
    warm = invoke("claims", "--json", env=env)
    assert warm.output == cold.output
    streamed = invoke("claims", "--jsonl", env=env)  # another result of the same documents
    assert cache_usage(tmp_path / "c" / FORMAT)[0] == 5
    assert streamed.output == invoke("claims", "--jsonl", "--no-cache", env=env).output
    assert invoke("claims", "--jsonl", env=env).output == streamed.output  # as stored
    info = invoke("cache", "info", env=env)
    assert info.exit_code == 0 and "5 entries" in info.output
    old_format = tmp_path / "c" / "v1" / "ab" / "entry.pickle"  # left by an earlier version
    old_format.parent.mkdir(parents=True)
    old_format.write_bytes(b"old")
    cleared = invoke("cache", "clear", env=env)
    assert cleared.exit_code == 0 and "Removed 6 entries" in cleared.output
    assert cache_usage(tmp_path / "c" / FORMAT) == (0, 0) and not (tmp_path / "c" / "v1").exists()
    assert clear_cache(tmp_path / "c" / FORMAT) == (0, 0)


def test_an_unwritable_cache_is_skipped_quietly(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = invoke("diff", "troops", "--json", env={"CLAIMCHECK_CACHE_DIR": str(blocker)})
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["groups"]


@pytest.fixture
def many_documents(tmp_path) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    for copy in range(PARALLEL_MIN_DOCUMENTS // 5 + 1):
        for source in sorted(CORPUS.glob("*.txt")):
            shutil.copy(source, folder / f"{copy:02d}_{source.name}")
    return folder


@pytest.mark.parametrize("command", [["claims", "--jsonl"], ["diff", "troops", "--json"], ["timeline", "--json"]])
def test_several_processes_give_identical_output(many_documents, command, monkeypatch):
    pools = []
    start_pool = pipeline._Runner.submit

    def spy(runner, tasks):
        pending = start_pool(runner, tasks)
        pools.append(runner.pool)
        return pending

    monkeypatch.setattr(pipeline._Runner, "submit", spy)
    one = invoke(*command, str(many_documents), "--jobs", "1", "--no-cache")
    assert pools and not any(pools)  # one process
    pools.clear()
    two = invoke(*command, str(many_documents), "--jobs", "2", "--no-cache")
    assert pools and all(pools)  # a pool of workers did the extraction
    assert one.exit_code == two.exit_code == 0, two.output
    assert one.output == two.output
    assert one.output.count('"doc":"01_000_') + one.output.count('"doc": "01_000_') > 0


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_files_skipped_while_extracting_are_listed_in_folder_order(tmp_path, monkeypatch, jobs):
    """--jsonl finds a document's layout where it extracts (in a worker with --jobs 2), so
    it learns late that a file had to be skipped; the list comes out as --json's."""
    from claimcheck import corpus

    def layout_or_give_up(doc_id, *args, **kwargs):
        if "gives_up" in doc_id:
            raise TimeoutError("regex timed out")
        return build_document(doc_id, *args, **kwargs)

    build_document = corpus.build_document
    monkeypatch.setattr(corpus, "build_document", layout_or_give_up)
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_DOCUMENTS", 2)
    folder = tmp_path / "mixed"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}_good.txt").write_text(f"Officials said {i + 10} people were hurt.\n", encoding="utf-8")
    (folder / "3_empty.txt").write_bytes(b"")
    (folder / "gives_up.txt").write_text("Officials said 5 people were hurt.\n", encoding="utf-8")
    (folder / "a_gives_up_too.md").write_text("Officials said 7 people were hurt.\n", encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    (folder / "0_binary.txt").write_bytes(b"%PDF-1.4")
    (folder / "sub").mkdir()
    (folder / "sub" / "gives_up.txt").write_text("Officials said 9 people were hurt.\n", encoding="utf-8")
    args = [str(folder), str(folder / "sub" / "gives_up.txt"), "--jobs", jobs, "--no-cache"]

    streamed = [json.loads(line) for line in invoke("claims", "--jsonl", *args).stdout.splitlines()]
    whole = json.loads(invoke("claims", "--json", *args).stdout)
    skipped = [r["data"] for r in streamed if r["type"] == "skipped"]
    assert skipped == whole["skipped"]
    assert [(Path(s["path"]).relative_to(tmp_path).as_posix(), s["reason"].split(":")[0]) for s in skipped] == [
        ("mixed/0_binary.txt", "binary file (PDF document)"), ("mixed/3_empty.txt", "empty file"),
        ("mixed/a_gives_up_too.md", "gave up"), ("mixed/gives_up.txt", "gave up"),
        ("mixed/notes.pdf", "not a .txt or .md file"), ("mixed/sub/gives_up.txt", "gave up"),
        ("mixed/sub/gives_up.txt", "already read as " + str(folder / "sub" / "gives_up.txt")),
    ]
    assert [r["data"]["id"] for r in streamed if r["type"] == "document"] == [d["id"] for d in whole["documents"]]
    assert streamed[-1]["data"]["documents"] == 6 and streamed[-1]["data"]["skipped"] == 7


def test_claims_jsonl_streams_the_same_records_as_json(tmp_path):
    streamed = [json.loads(line) for line in invoke("claims", "--jsonl").output.splitlines()]
    whole = json.loads(invoke("claims", "--json").output)
    by_type = lambda kind: [r["data"] for r in streamed if r["type"] == kind]  # noqa: E731
    assert by_type("document") == whole["documents"]
    assert by_type("claim") == whole["claims"]
    assert streamed[-1] == {"type": "summary", "data": {"schema_version": 1, "command": "claims", "documents": 5,
                                                         "skipped": 0, "warnings": 0, "claims": len(whole["claims"])}}
    # each document's record comes just before its own claims
    current = None
    for record in streamed[:-1]:
        if record["type"] == "document":
            current = record["data"]["id"]
        else:
            assert record["data"]["doc"] == current


def test_a_stream_reads_documents_only_as_they_are_needed(tmp_path):
    from claimcheck.report import RunOptions, stream_claims

    folder = tmp_path / "archive"
    folder.mkdir()
    for i in range(300):
        (folder / f"{i:03d}.txt").write_text(f"Flood report.\n\nOfficials said {i + 10} people were hurt.\n", encoding="utf-8")
    stream = stream_claims([str(folder)], run=RunOptions(jobs=1))
    first_doc, claims = next(iter(stream))
    assert first_doc.id == "000.txt" and claims[0].text == "10"
    assert stream.corpus.loading.count <= 2 * pipeline.WINDOW  # the rest is still unread


@pytest.mark.parametrize("args, message", [
    (["claims", "--jobs", "-2"], "Error: --jobs must be 0 (one per core) or more, not -2"),
    (["diff", "troops", "--tolerance", "5"], "Error: --tolerance must be between 0 and 1 (got 5.0)"),
])
def test_out_of_range_numbers_are_one_line_errors(args, message):
    result = invoke(*args)
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line]
    assert len(lines) == 1 and lines[0].startswith(message), result.output


class _Terminal:
    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


@pytest.mark.parametrize("total", [400, None])
def test_a_progress_bar_for_large_corpora_on_a_terminal_only(total, monkeypatch):
    from claimcheck.cli import PROGRESS_MIN_DOCUMENTS, _ProgressBar

    monkeypatch.setattr("sys.stderr", _Terminal())
    bar = _ProgressBar()
    for done in range(1, PROGRESS_MIN_DOCUMENTS):
        bar(done, total)
    assert (bar.bar is not None) == (total is not None)  # a known large total shows at once
    bar(PROGRESS_MIN_DOCUMENTS, total)
    assert bar.bar is not None  # a stream shows once enough documents have gone by
    if total:
        for done in range(PROGRESS_MIN_DOCUMENTS + 1, total + 1):
            bar(done, total)
        assert bar.bar is None  # taken down when the last document is done, before tables print
    bar.close()
    assert bar.bar is None
    small = _ProgressBar()
    for done in range(1, 11):
        small(done, 10)
    assert small.bar is None
    monkeypatch.setattr("sys.stderr", _Terminal())
    monkeypatch.setattr(_Terminal, "isatty", lambda self: False)
    piped = _ProgressBar()
    piped(1, 1000)
    assert piped.bar is None


def test_the_cache_is_found_again_by_another_process(tmp_path):
    import subprocess
    import sys

    import claimcheck

    env = {**{k: v for k, v in os.environ.items()}, "CLAIMCHECK_CACHE_DIR": str(tmp_path / "c"),
           "PYTHONPATH": str(Path(claimcheck.__file__).resolve().parents[1])}
    folder = tmp_path / "c" / FORMAT
    entries = []
    for seed in ("1", "2"):  # another hash seed: set and dict orders must not reach the keys
        done = subprocess.run([sys.executable, "-m", "claimcheck", "timeline", "--json"], capture_output=True,
                              env={**env, "PYTHONHASHSEED": seed}, timeout=120)
        assert done.returncode == 0, done.stderr
        entries.append(cache_usage(folder)[0])
    # 5 documents with their results and the latest full date of the 3 undated ones; the
    # second run added nothing: every entry was found
    assert entries == [8, 8]


_RENDERED: list[str] = []


@pytest.mark.parametrize("jobs", [1, 2])
def test_without_a_cache_files_are_read_where_they_are_analysed(tmp_path, monkeypatch, jobs):
    """The reading process only lists the files; one gone by the time it is read is
    skipped with the reason, in its place, and the others are still analysed."""
    from claimcheck.corpus import stream_corpus

    monkeypatch.setattr(pipeline, "PARALLEL_MIN_DOCUMENTS", 2)
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(f"Officials said {i + 10} people were hurt.\n", encoding="utf-8")
    (tmp_path / "5.txt").write_bytes("Plus de 3\u00a0000 personnes.\n".encode("cp1252"))
    stream = stream_corpus([str(tmp_path)], defer_layout=True)
    drafts = list(stream)
    assert [d.text for d in drafts] == [None] * 6  # paths only: no text travels to a worker
    (tmp_path / "2.txt").unlink()
    analysed = list(analyse_documents(drafts, default_lexicon(), ExtractOptions(), jobs=jobs, built=stream.built))
    stream.check_read_something()
    assert [doc.id for doc, _ in analysed] == ["0.txt", "1.txt", "3.txt", "4.txt", "5.txt"]
    assert [c.value.low for c in analysed[1][1].claims] == [11]
    assert analysed[-1][0].encoding == "windows-1252"
    assert [(Path(s.path).name, s.reason) for s in stream.skipped] == [("2.txt", "no such file or folder")]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_a_run_with_workers_leaves_the_collector_as_it_found_it(monkeypatch):
    """What was alive when the workers were forked is frozen for the run, then handed
    back: a library caller's objects are not kept from the garbage collector after it."""
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_DOCUMENTS", 2)
    assert gc.get_freeze_count() == 0
    documents = load_corpus([]).documents
    run = analyse_documents(documents, default_lexicon(), ExtractOptions(), jobs=2)
    next(run)
    assert gc.get_freeze_count() > 0  # (the pool is running)
    assert len(list(run)) == len(documents) - 1
    assert gc.get_freeze_count() == 0


def _render_ids(doc, result) -> str:
    _RENDERED.append(doc.id)
    return f"{doc.id}: {len(result.claims)} claims\n"


def test_a_warm_cache_hands_back_what_was_rendered_without_rendering_again(cache_dir):
    from claimcheck.corpus import stream_corpus
    from claimcheck.pipeline import render_documents

    def run(name: str) -> list:
        _RENDERED.clear()
        cache = ResultCache(cache_dir)
        drafts = list(stream_corpus([], cache=cache, defer_layout=True))
        return list(render_documents(drafts, default_lexicon(), ExtractOptions(), (name, _render_ids), cache=cache))

    cold = run("ids")
    assert len(_RENDERED) == len(cold) == 5  # each document analysed and rendered once
    assert run("ids") == cold and _RENDERED == []  # the stored text, nothing unpickled or rendered
    other = run("other format")  # the results are cached, this rendering is not yet
    assert len(_RENDERED) == 5 and [r.text for r in other] == [r.text for r in cold]
    assert run("other format") == other and _RENDERED == []  # now kept beside the first
    assert cache_usage(cache_dir)[0] == 5  # still one entry per document
    expected = [(doc.id, len(result.claims)) for doc, result in analyse_documents(load_corpus([]).documents,
                                                                                   default_lexicon(), ExtractOptions())]
    assert [(r.id, r.claims) for r in cold] == expected


def test_an_entry_keeps_a_bounded_number_of_results(cache_dir):
    from claimcheck.cache import RESULTS_KEPT, Entry

    corpus = load_corpus([])
    lexicon = default_lexicon()
    for day in range(1, RESULTS_KEPT + 3):  # more anchors than an entry keeps results for
        anchors = {d.id: DocumentAnchor(dt.date(2025, 5, day), "--as-of", True) for d in corpus.documents}
        list(analyse_documents(corpus.documents, lexicon, ExtractOptions(), anchors, cache=ResultCache(cache_dir)))
    entries = [pickle.loads(p.read_bytes()) for p in cache_dir.rglob("*.pickle")]
    assert len(entries) == len(corpus.documents)
    assert all(isinstance(e, Entry) and len(e.results) == RESULTS_KEPT for e in entries)


def test_results_for_other_options_stay_in_the_entry_when_one_loaded_corpus_is_read_again(tmp_path):
    cache = ResultCache(tmp_path / "c")
    corpus = load_corpus(cache=cache)
    lexicon = default_lexicon()
    for options in (ExtractOptions(), ExtractOptions(keep_boilerplate=True), ExtractOptions()):
        list(analyse_documents(corpus.documents, lexicon, options, cache=cache))
    assert (cache.misses, cache.hits) == (2 * len(corpus.documents), len(corpus.documents))
