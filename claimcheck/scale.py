"""Extraction over very large archives with Dask (``pip install 'claimcheck[dask]'``).

A Dask bag maps claimcheck over a list of files, on the cores of one machine or on a
cluster, and writes one flat record per claim as JSON Lines or Parquet for DuckDB,
pandas or Spark to aggregate::

    from claimcheck import scale
    bag = scale.claims_bag(files)                 # files: paths of .txt/.md articles
    scale.write_parquet(bag, "claims.parquet")    # or scale.write_jsonl(bag, "claims/")

Each file is read on its own, so relative dates in undated files stay unresolved (the
corpus-wide anchor of ``claimcheck timeline`` needs every file at once), and a file
that cannot be read yields one record with ``error`` set instead of claims.
"""

from __future__ import annotations

import json

from pathlib import Path
from typing import Any, Iterable, Optional

from .models import Claim

# One flat record per claim: scalar columns only, so that Parquet needs no nesting.
# The types are pandas' nullable ones: an error record has no offsets or value.
COLUMNS: dict[str, str] = {
    "doc": "string", "part": "Int64", "start": "Int64", "end": "Int64", "text": "string",
    "low": "Float64", "high": "Float64", "approx": "boolean", "kind": "string",
    "quantity": "string", "unit": "string", "counted": "string", "topic": "string", "role": "string",
    "source": "string", "time_text": "string", "time_start": "string", "time_end": "string",
    "sentence": "string", "error": "string",
}


def flat_claim(claim: Claim) -> dict[str, Any]:
    """A claim as one flat record (the columns of ``COLUMNS``)."""
    resolved = claim.time.resolved if claim.time else None
    return {
        "doc": claim.doc, "part": claim.part, "start": claim.start, "end": claim.end, "text": claim.text,
        "low": _float(claim.value.low), "high": _float(claim.value.high), "approx": claim.value.approx,
        "kind": claim.value.kind, "quantity": claim.quantity, "unit": claim.unit, "counted": claim.counted,
        "topic": claim.topic, "role": claim.role,
        "source": claim.attribution.source if claim.attribution else None,
        "time_text": claim.time.text if claim.time else None,
        "time_start": resolved.start.isoformat() if resolved else None,
        "time_end": resolved.end.isoformat() if resolved else None,
        "sentence": claim.sentence.text, "error": None,
    }


def _float(x: Optional[float]) -> Optional[float]:
    return None if x is None else float(x)


def file_claims(path: str, keep_boilerplate: bool = False) -> list[dict[str, Any]]:
    """The flat claim records of one file (one record with ``error`` if it cannot be read)."""
    from .claims import extract_claims
    from .corpus import load_corpus
    from .errors import ClaimcheckError
    from .lexicon import default_lexicon

    try:
        corpus = load_corpus([path])
    except ClaimcheckError as exc:
        return [{**dict.fromkeys(COLUMNS), "doc": path, "error": exc.message}]
    return [flat_claim(c) for doc in corpus.documents for c in extract_claims(doc, default_lexicon(), keep_boilerplate)]


def text_files(folder: str) -> list[str]:
    """Every .txt and .md file under ``folder``, in the order the CLI reads them."""
    from .reading import walk

    files, _ = walk(Path(folder))
    return [str(p) for p in files]


def claims_bag(files: Iterable[str], keep_boilerplate: bool = False, files_per_partition: int = 50):
    """A Dask bag of flat claim records, one partition per ``files_per_partition`` files."""
    import dask.bag as db

    paths = list(files)
    partitions = max(1, -(-len(paths) // files_per_partition))
    return db.from_sequence(paths, npartitions=partitions).map(file_claims, keep_boilerplate).flatten()


def write_jsonl(bag, directory: str) -> list[str]:
    """Write the records as JSON Lines, one file per partition; returns the file names."""
    Path(directory).mkdir(parents=True, exist_ok=True)
    return bag.map(json_line).to_textfiles(str(Path(directory) / "*.jsonl"))


def json_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


def write_parquet(bag, directory: str) -> None:
    """Write the records as a Parquet dataset (needs pandas and pyarrow)."""
    import pandas as pd

    meta = pd.DataFrame({name: pd.Series(dtype=kind) for name, kind in COLUMNS.items()})
    frame = bag.to_dataframe(meta=meta).astype(COLUMNS)
    frame.to_parquet(directory, write_index=False)
