"""The benchmark script runs end to end on a tiny corpus (no time is asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bench_prints_its_table(tmp_path):
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench.py"), "--n", "20", "--runs", "1", "--extract-runs", "1",
         "--corpus-dir", str(tmp_path)],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    for row in ("claimcheck --help", "claimcheck diff troops", "claims --jsonl", "peak RSS"):
        assert row in proc.stdout
    assert (tmp_path / "synthetic-20-seed1-v1" / "000019.txt").is_file()  # kept for reuse


def test_synthetic_corpus_is_deterministic(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import synthetic
    finally:
        sys.path.remove(str(ROOT / "bench"))
    synthetic.generate(tmp_path / "a", 5)
    synthetic.generate(tmp_path / "b", 3)
    for name in ("000000.txt", "000002.txt"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert (tmp_path / "a" / "000000.txt").read_bytes() != (tmp_path / "a" / "000001.txt").read_bytes()
