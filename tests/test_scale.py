"""claimcheck.scale: the Dask bag gives the same claims as the CLI (skipped without Dask)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

dask = pytest.importorskip("dask")
pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

from claimcheck import scale  # noqa: E402
from claimcheck.claims import extract_claims  # noqa: E402
from claimcheck.corpus import load_corpus  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(autouse=True)
def _in_process():
    with dask.config.set(scheduler="synchronous"):
        yield


def expected_records() -> list[tuple]:
    files = scale.text_files(str(CORPUS))
    records = []
    for path in files:
        for doc in load_corpus([path]).documents:
            records += [(c.doc, c.start, c.text, c.topic) for c in extract_claims(doc)]
    return records


def test_jsonl_holds_one_record_per_claim_and_reports_unreadable_files(tmp_path):
    files = scale.text_files(str(CORPUS)) + [str(tmp_path / "missing.txt")]
    written = scale.write_jsonl(scale.claims_bag(files, files_per_partition=2), str(tmp_path / "out"))
    records = [json.loads(line) for name in written for line in Path(name).read_text(encoding="utf-8").splitlines()]
    claims = [(r["doc"], r["start"], r["text"], r["topic"]) for r in records if r["error"] is None]
    assert claims == expected_records()
    (error,) = [r for r in records if r["error"]]
    assert error["doc"].endswith("missing.txt") and "no such file" in error["error"]
    assert set(records[0]) == set(scale.COLUMNS)


def test_parquet_aggregates_like_the_cli(tmp_path):
    bag = scale.claims_bag(scale.text_files(str(CORPUS)))
    scale.write_parquet(bag, str(tmp_path / "claims.parquet"))
    frame = pd.read_parquet(tmp_path / "claims.parquet")
    assert len(frame) == len(expected_records())
    troops = frame[frame.topic == "troops"]
    assert troops.high.max() == 14000 and "about 14,000" in set(troops.text)
