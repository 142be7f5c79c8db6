"""Loading documents: metadata and where it came from, furniture, articles, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.corpus import build_document, decode, load_corpus, read_manifest
from claimcheck.errors import ConfigError, InputError
from claimcheck.resources import bundled_corpus


@pytest.fixture(scope="module")
def bundled():
    return {d.id: d for d in load_corpus().documents}


def test_bundled_corpus_is_the_seed_articles_byte_for_byte(bundled):
    seeds = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared/seeds is not beside this checkout")
    for seed in sorted(seeds.glob("*.txt")):
        assert (bundled_corpus() / seed.name).read_bytes() == seed.read_bytes()


def test_bundled_corpus_metadata(bundled):
    assert sorted(bundled) == [
        "000_1d296700903c29a3.txt", "001_e466ae1f60d4263a.txt", "002_f3ab224358793bb6.txt",
        "003_ee7869321a2733c2.txt", "004_7a64f5e8588624dd.txt",
    ]
    first = bundled["000_1d296700903c29a3.txt"]
    assert (first.published.value, first.published.source) == ("2025-04-27", "manifest")
    assert first.outlet.value == "Business Insider"
    assert [p.byline for p in first.parts] == ["Matthew Loh", "Matthew Loh"]
    assert first.parts[1].title.startswith("Ukraine said 120,000 useless mortar rounds")
    bloomberg = bundled["003_ee7869321a2733c2.txt"]
    assert (bloomberg.published.value, bloomberg.published.source) == ("2025-04-28", "manifest")
    for undated in ("001_e466ae1f60d4263a.txt", "002_f3ab224358793bb6.txt", "004_7a64f5e8588624dd.txt"):
        assert bundled[undated].published is None


def test_related_articles_at_the_end_of_004_are_left_out(bundled):
    doc = bundled["004_7a64f5e8588624dd.txt"]
    start = doc.text.index("Related Articles")
    assert any(s.start <= start and s.end == len(doc.text) for s in doc.boilerplate)
    assert any(doc.text[s.start : s.end] == "Advertisement" for s in doc.boilerplate)


def test_dateline_under_the_byline_beats_the_repost_date_without_a_manifest(tmp_path):
    seed = bundled_corpus() / "000_1d296700903c29a3.txt"
    (tmp_path / "a.txt").write_bytes(seed.read_bytes())
    (doc,) = load_corpus([str(tmp_path)]).documents
    assert (doc.published.value, doc.published.source) == ("2025-04-27", "dateline")
    # the date lines themselves are metadata, not article text
    assert any(doc.text[s.start : s.end] == "Sun, April 27, 2025" for s in doc.boilerplate)


@pytest.mark.parametrize(
    "top, published",
    [
        ("April 28, 2025\n\nTroops arrived.", "2025-04-28"),
        ("2025-04-28\n\nTroops arrived.", "2025-04-28"),
        ("Sun, April 27, 2025\nTroops arrived.", "2025-04-27"),
        ("SEOUL, April 30 (Yonhap) -- Some 300 troops died, it said. ©2025 Yonhap", "2025-04-30"),
        ("Troops arrived in April.\n", None),
        ("SEOUL, April 30 (Yonhap) -- no year anywhere here.", None),
    ],
)
def test_datelines(top, published):
    doc = build_document("a.txt", None, top)
    assert (doc.published.value if doc.published else None) == published


def test_wire_dateline_names_the_agency_and_where_the_year_came_from():
    doc = build_document("a.txt", None, "SEOUL, April 30 (Yonhap) -- Some 300 troops died. ©2025 Yonhap")
    assert doc.published.source == "dateline (year 2025 from the text)"
    assert (doc.outlet.value, doc.outlet.source) == ("Yonhap", "dateline")


def test_front_matter_beats_dateline_and_manifest_beats_both(tmp_path):
    text = "---\ntitle: Troops\npublished: 2025-05-01\noutlet: Example News\n---\nApril 28, 2025\n\nSome 300 troops died.\n"
    doc = build_document("a.md", None, text)
    assert (doc.published.value, doc.published.source) == ("2025-05-01", "front matter")
    assert (doc.outlet.value, doc.title.value) == ("Example News", "Troops")
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    (tmp_path / "claimcheck.toml").write_text('[documents."a.md"]\npublished = 2025-06-01\n', encoding="utf-8")
    (loaded,) = load_corpus([str(tmp_path)]).documents
    assert (loaded.published.value, loaded.published.source) == ("2025-06-01", "manifest")
    assert loaded.outlet.source == "front matter"


def test_decoding_keeps_offsets_on_the_decoded_text():
    assert decode("\ufeffabc".encode("utf-8")) == ("abc", "utf-8")
    assert decode("“14,000”".encode("cp1252")) == ("“14,000”", "windows-1252")
    assert decode("abc".encode("utf-16")) == ("abc", "utf-16")


def test_folders_are_read_recursively_in_sorted_order_skipping_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text("Two troops.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Three troops.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Four troops.", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    corpus = load_corpus([str(tmp_path)])
    assert [d.id for d in corpus.documents] == ["a.txt", "b/z.md"]


def test_walk_gives_each_file_the_relative_path_pathlib_would(tmp_path):
    from claimcheck.reading import walk, walk_relative

    for name in ["b/z.md", "b/a b.txt", "a.txt", "b-c.txt", "b/c/d.TXT", "bc/e.md", "Z.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Three troops.", encoding="utf-8")
    files, _ = walk_relative(tmp_path)
    assert [rel for rel, path in files] == [path.relative_to(tmp_path).as_posix() for _, path in files]
    assert [rel for rel, _ in files] == sorted(path.relative_to(tmp_path).as_posix() for _, path in files)
    assert walk(tmp_path)[0] == [path for _, path in files] and len(files) == 7


def test_missing_path_is_reported_and_the_rest_still_load(tmp_path):
    (tmp_path / "a.txt").write_text("Three troops.", encoding="utf-8")
    corpus = load_corpus([str(tmp_path / "a.txt"), str(tmp_path / "missing.txt")])
    assert [d.id for d in corpus.documents] == [str(tmp_path / "a.txt")]
    assert [(s.path, s.reason) for s in corpus.skipped] == [(str(tmp_path / "missing.txt"), "no such file or folder")]


def test_nothing_usable_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="nothing to read"):
        load_corpus([str(tmp_path / "missing")])


@pytest.mark.parametrize(
    "content, where, message",
    [
        ('[documents."a.txt"\npublished = 1', ":1:19:", "invalid TOML: Expected ']'"),
        ('# dates\n[documents."a.txt"]\npublished = 2025-02-30', ":3:13:", "invalid TOML: Invalid date"),
        ('[documents."a.txt"]\noutlet = "X"\npublished = "last week"', ":3:", "not a date: 'last week'"),
        ('[documents."a.txt"]\ndated = 2025-01-01', ":2:", "unknown key 'dated'"),
        ('[documents]\n"a.txt".dated = 2025-01-01', ":2:", "unknown key 'dated'"),
        ('[documents."b.txt"]\n[sources]\nx = 1', ":2:", r"unknown table \[sources\]"),
        ('[topics.tanks]\nverbs = []\nnouns = "tanks"', ":3:", "must be a list of words"),
        ('documents = 3', ":1:", "'documents' must be a table"),
    ],
)
def test_malformed_manifest_is_one_clear_error_with_file_and_line(tmp_path, content, where, message):
    path = tmp_path / "claimcheck.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as info:
        read_manifest(path)
    assert info.value.message.startswith(f"{path}{where} ")
    assert "\n" not in info.value.message


def test_a_manifest_that_is_not_utf8_names_the_line(tmp_path):
    path = tmp_path / "claimcheck.toml"
    path.write_bytes('[documents."a.txt"]\noutlet = "Café"\n'.encode("cp1252"))
    with pytest.raises(ConfigError) as info:
        read_manifest(path)
    assert info.value.message == f"{path}:2: not UTF-8 text (byte 0xe9); TOML files must be UTF-8"


def test_a_manifest_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "claimcheck.toml"
    path.write_bytes(b"\xef\xbb\xbf" + '[documents."a.txt"]\noutlet = "Café"\n'.encode())
    assert read_manifest(path).documents == {"a.txt": {"outlet": "Café"}}


@pytest.mark.parametrize("make, reason", [
    (lambda tmp: tmp / "missing.toml", "cannot read manifest: no such file or directory"),
    (lambda tmp: tmp, "cannot read manifest: not a regular file"),
])
def test_a_manifest_that_cannot_be_read_is_one_error(tmp_path, make, reason):
    path = make(tmp_path)
    with pytest.raises(ConfigError) as info:
        read_manifest(path)
    assert info.value.message == f"{path}: {reason}"


def test_manifest_entries_naming_no_file_are_warnings_not_errors(tmp_path):
    (tmp_path / "a.txt").write_text("Some 300 troops died.", encoding="utf-8")
    (tmp_path / "claimcheck.toml").write_text(
        '[documents."a.txt"]\noutlet = "A"\n\n[documents."b.txt"]\noutlet = "B"\n', encoding="utf-8")
    corpus = load_corpus([str(tmp_path)])
    assert [d.outlet.value for d in corpus.documents] == ["A"]
    assert [(w.path, w.line, w.message) for w in corpus.warnings] == [
        (str(tmp_path / "claimcheck.toml"), 4, 'documents."b.txt" names no file')]


@pytest.mark.parametrize(
    "value, published",
    [("2025-05-01T09:30:00Z", "2025-05-01"), ("May 1, 2025", "2025-05-01"), ("last Tuesday", "2025-04-28")],
)
def test_front_matter_dates_are_parsed_or_ignored(value, published):
    text = f"---\npublished: {value}\n---\nApril 28, 2025\n\nSome 300 troops died.\n"
    doc = build_document("a.md", None, text)
    assert doc.published.value == published  # an unreadable value falls back to the dateline


def test_quotations_are_paired_and_unmatched_quotes_stay_linear():
    import time

    from claimcheck.text import quote_spans

    text = "He said “about 300 died” and ‘some 12,000’ were sent, it's said."
    assert [text[a : b + 1] for a, b in quote_spans(text, 0, len(text))] == ["“about 300 died”", "‘some 12,000’"]
    small, large = " “a" * 1_000, " “a" * 8_000
    times = []
    for line in (small, large):
        started = time.process_time()
        assert quote_spans(line, 0, len(line)) == []
        times.append(max(time.process_time() - started, 1e-4))
    assert times[1] / times[0] < 32  # 8x the input: linear is ~8x, quadratic ~64x
