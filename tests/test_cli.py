"""The command line as a user sees it: golden tables, decoded JSON, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

from helpers import GOLDEN, PLAIN, run
from helpers import compare_golden as _compare_golden


@pytest.mark.parametrize(
    "name, args",
    [
        ("diff_troops", ["diff", "troops"]),
        ("diff_deaths", ["diff", "deaths"]),
        ("diff_shells", ["diff", "shells"]),
        ("diff_all", ["diff"]),
        ("claims", ["claims"]),
        ("sources", ["sources"]),
    ],
)
def test_golden_output(name, args, update_golden):
    result = run(*args)
    _compare_golden(name, result, update_golden)


def test_narrow_terminals_stack_each_claim(update_golden):
    result = run("diff", "deaths", env={"COLUMNS": "60"})
    _compare_golden("diff_deaths_60", result, update_golden)
    assert "who says: Seoul" in result.output
    assert "*some 300*" in result.output
    claims = run("claims", env={"COLUMNS": "60"})
    assert "~14,000  troops · [troops] · Business Insider, part 1" in claims.output
    assert "who says: Ukrainian reports; when: —" in claims.output


def diff_json(topic: str) -> dict:
    result = run("diff", topic, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_diff_troops_lists_each_figure_with_its_claimant():
    data = diff_json("troops")
    (totals,) = [g for g in data["groups"] if g["role"] == "total"]
    claims = {c["id"]: c for c in data["claims"]}
    listed = [(claims[i]["doc"][:3], claims[i]["text"]) for i in totals["claims"]]
    for expected in [("000", "about 14,000"), ("001", "around 14,000"), ("002", "about 11,000"),
                     ("002", "11,000-12,000"), ("003", "at least 10,000"), ("004", "some 12,000")]:
        assert expected in listed
    for claim_id in totals["claims"]:
        claim = claims[claim_id]
        if claim["value"]["kind"] != "vague":
            assert claim["attribution"] is not None, claim["text"]


def test_diff_troops_conflicts_match_the_story():
    data = diff_json("troops")
    by_text = {(c["doc"][:3], c["text"]): c for c in data["claims"]}
    fourteen = {by_text[("000", "about 14,000")]["id"], by_text[("001", "around 14,000")]["id"]}
    for key in [("002", "about 11,000"), ("002", "11,000-12,000"), ("004", "some 12,000")]:
        assert fourteen <= set(by_text[key]["conflicts_with"]), key
    assert by_text[("003", "at least 10,000")]["conflicts_with"] == []


def test_diff_troops_leaves_out_other_populations_and_non_counts():
    texts = {c["text"] for c in diff_json("troops")["claims"]}
    for absent in ["some 1.3 million", "some 300", "two", "25", "about 5,000", "6,000", "5,000-ton", "as young as 18"]:
        assert absent not in texts


def test_diff_deaths_marks_300_against_1000_and_thousands():
    data = diff_json("deaths")
    by_text = {c["text"]: c for c in data["claims"]}
    assert {"some 300", "at least 1,000", "thousands"} <= set(by_text)
    assert by_text["some 300"]["attribution"]["source"] == "Seoul"
    assert {by_text["at least 1,000"]["id"], by_text["thousands"]["id"]} <= set(by_text["some 300"]["conflicts_with"])
    assert by_text["thousands"]["id"] not in by_text["at least 1,000"]["conflicts_with"]


def test_diff_shells_finds_defective_against_recalled_but_not_the_calibre():
    data = diff_json("shells")
    texts = [c["text"] for c in data["claims"]]
    assert "up to 100,000" in texts and "120,000" in texts
    assert "120 mm" not in texts
    recalled = next(c for c in data["claims"] if c["text"] == "up to 100,000")
    assert recalled["conflicts_with"]


def test_json_spans_slice_back_to_the_document_text():
    data = diff_json("troops")
    texts = {d["id"]: Path(d["path"]).read_text(encoding="utf-8-sig") for d in data["documents"]}
    for claim in data["claims"]:
        assert texts[claim["doc"]][claim["start"] : claim["end"]] == claim["text"]
        sentence = claim["sentence"]
        assert texts[claim["doc"]][sentence["start"] : sentence["end"]] == sentence["text"]
    assert data["schema_version"] == 1


def test_jsonl_records_end_with_a_summary():
    result = run("diff", "troops", "--jsonl")
    records = [json.loads(line) for line in result.output.splitlines()]
    assert all(set(r) == {"type", "data"} for r in records)
    assert records[-1]["type"] == "summary"
    summary = records[-1]["data"]
    kinds = [r["type"] for r in records]
    assert summary["claims"] == kinds.count("claim")
    assert summary["documents"] == kinds.count("document") == 5
    assert summary["conflicts"] == sum(len(r["data"]["conflicts"]) for r in records if r["type"] == "group")


def test_sources_json_shows_dates_parts_and_left_out_text():
    result = run("sources", "--json")
    docs = {d["id"][:3]: d for d in json.loads(result.output)["documents"]}
    assert docs["000"]["published"] == {"value": "2025-04-27", "source": "manifest"}
    assert len(docs["000"]["parts"]) == 2
    assert docs["003"]["published"]["value"] == "2025-04-28"
    assert any(item["text"].startswith("Hashtags") and "Related Articles" in item["text"] for item in docs["004"]["left_out"])


def test_claims_command_filters_by_topic():
    result = run("claims", "--topic", "workers", "--json")
    data = json.loads(result.output)
    assert {c["text"] for c in data["claims"]} == {"about 5,000", "1,000", "6,000"}


def test_unknown_counted_noun_is_matched_as_a_word():
    data = diff_json("coffins")
    assert [c["text"] for c in data["claims"]] == ["about a half-dozen"]


def test_check_exits_1_when_figures_conflict():
    assert run("diff", "troops", "--check").exit_code == 1
    assert run("diff", "workers", "--check").exit_code == 0


@pytest.mark.parametrize(
    "args, message",
    [
        (["diff", "cranes"], "Error: no claims about 'cranes' in this corpus (topics found: "),
        (["diff", "troops", "--json", "--jsonl"], "Error: --json and --jsonl cannot be used together"),
        (["diff", "troops", "/no/such/folder"], "Error: nothing to read (/no/such/folder: no such file or folder)"),
    ],
)
def test_user_mistakes_are_one_line_and_exit_2(args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert result.output.startswith(message)
    assert result.output.count("\n") == 1
    assert "Traceback" not in result.output


def test_diff_accepts_a_folder_in_place_of_the_topic(tmp_path):
    (tmp_path / "a.txt").write_text("Officials said 300 troops died.\nOthers said 4,000 troops died.", encoding="utf-8")
    result = run("diff", str(tmp_path), "--json")
    data = json.loads(result.output)
    assert data["topic"] is None
    assert {c["text"] for c in data["claims"]} == {"300", "4,000"}


def test_stdin_is_a_document():
    result = run("claims", "-", "--json", input="Officials said 300 troops died.")
    data = json.loads(result.output)
    assert [(c["doc"], c["text"]) for c in data["claims"]] == [("-", "300")]


def test_help_explains_every_command():
    result = run("--help")
    assert result.exit_code == 0
    for command in ("diff", "claims", "sources"):
        assert command in result.output


def test_python_dash_m_runs_the_tool():
    result = subprocess.run([sys.executable, "-m", "claimcheck", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("claimcheck ")


def test_installed_command_finds_the_bundled_corpus_from_any_directory(tmp_path):
    script = Path(sys.executable).parent / "claimcheck"
    if not script.exists():
        pytest.skip("claimcheck is not installed in this environment")
    env = {k: v for k, v in {**os.environ, **PLAIN}.items() if v is not None}
    result = subprocess.run([str(script), "diff", "troops", "--json"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["documents"]) == 5


def test_an_unreadable_path_is_named_on_stderr_and_the_rest_still_read(tmp_path):
    (tmp_path / "a.txt").write_text("Officials said 300 troops died.", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["claims", str(tmp_path / "a.txt"), str(tmp_path / "gone.txt"), "--json"], env=PLAIN)
    assert result.exit_code == 0
    assert f"Warning: skipped {tmp_path / 'gone.txt'}: no such file or folder" in result.stderr
    data = json.loads(result.stdout)
    assert [c["text"] for c in data["claims"]] == ["300"]
    assert data["skipped"] == [{"path": str(tmp_path / "gone.txt"), "reason": "no such file or folder"}]


def test_user_topics_from_the_manifest(tmp_path):
    (tmp_path / "a.txt").write_text("Officials said 40 howitzers were destroyed.\nOthers said 55 howitzers were destroyed.", encoding="utf-8")
    (tmp_path / "claimcheck.toml").write_text('[topics.artillery]\nnouns = ["howitzers"]\n', encoding="utf-8")
    result = run("diff", "artillery", str(tmp_path), "--json")
    data = json.loads(result.output)
    assert data["topic"] == "artillery"
    assert [c["text"] for c in data["claims"]] == ["40", "55"]
    assert data["claims"][0]["conflicts_with"] == [data["claims"][1]["id"]]


def test_every_command_and_option_is_in_the_readme():
    import typer.main

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    for opt in ("--version",):
        assert f"{opt}" in readme, opt
    for name, command in group.commands.items():
        assert f"claimcheck {name}" in readme, name
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt != "--help":
                    assert f"`{opt}" in readme, f"{name} {opt}"


def test_library_api_named_in_the_readme_works():
    from claimcheck import compare, extract_claims, load_corpus

    corpus = load_corpus([])
    claims = [c for doc in corpus.documents for c in extract_claims(doc)]
    groups = compare([c for c in claims if c.topic == "troops"], corpus.documents).groups
    assert groups[0].label == "troops: totals" and groups[0].conflicts


def test_output_piped_into_head_ends_quietly():
    script = "import sys; from claimcheck.cli import main; sys.argv = ['claimcheck', *sys.argv[1:]]; main()"
    for args, status in ((["claims", "--jsonl"], 0), (["diff", "troops", "--check"], 1)):
        producer = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        producer.stdout.readline()
        producer.stdout.close()  # the reader goes away, like `| head -1`
        stderr = producer.stderr.read().decode()
        assert producer.wait() == status, stderr
        assert "Traceback" not in stderr and "Error" not in stderr


def test_an_empty_topic_is_an_error_not_the_current_folder():
    result = run("diff", "")
    assert result.exit_code == 2
    assert result.output.startswith("Error: the topic is empty")


def test_a_topic_word_stays_a_topic_when_a_folder_has_its_name(tmp_path, monkeypatch):
    (tmp_path / "deaths").mkdir()
    monkeypatch.chdir(tmp_path)
    data = json.loads(run("diff", "deaths", "--json").output)
    assert data["topic"] == "deaths" and len(data["documents"]) == 5


@pytest.mark.parametrize("intro, golden_name", [
    ("`claimcheck diff troops` (at 100 columns", "diff_troops"),
    ("`claimcheck timeline` (excerpt;", "timeline"),
])
def test_the_readme_shows_real_output(intro, golden_name):
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split(intro, 1)[1]
    shown = section.split("```", 2)[1].strip("\n").splitlines()
    golden = [line.rstrip() for line in (GOLDEN / f"{golden_name}.txt").read_text(encoding="utf-8").splitlines()]
    assert len(shown) > 5
    for line in shown:
        if line != "…":
            assert line.rstrip() in golden, line
