"""The synthetic corpus the benchmark runs on. (.ci/run runs the benchmark itself on
100 files, so it cannot rot; nothing asserts a time.)"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


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
