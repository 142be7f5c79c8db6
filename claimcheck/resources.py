"""Files that ship with the package: data tables and the bundled corpus."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

PACKAGE_DIR = Path(__file__).resolve().parent
TOMLDecodeError = tomllib.TOMLDecodeError


def parse_toml(text: str) -> dict[str, Any]:
    """Parse TOML text (raises ``TOMLDecodeError``)."""
    return tomllib.loads(text)


def read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file (raises ``TOMLDecodeError`` or ``OSError``)."""
    with open(path, "rb") as handle:
        return tomllib.load(handle)


@lru_cache(maxsize=None)
def load_data(name: str) -> dict[str, Any]:
    """A TOML table from ``claimcheck/data``, parsed once per process."""
    return read_toml(PACKAGE_DIR / "data" / name)


def bundled_corpus() -> Path:
    """The corpus that ships with claimcheck: inside the wheel, or ./corpus in a checkout."""
    for candidate in (PACKAGE_DIR / "corpus", PACKAGE_DIR.parent / "corpus"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the bundled corpus is missing from this installation")
