"""A per-document cache of extraction results in the user's cache directory.

A result is stored under a key made of the document (id, text, layout, metadata),
the options and lexicon it was read with, and the code that read it (the version and
a digest of the package's sources), so a change to any of them is a miss, never a
stale answer. Entries are pickles written atomically; one that cannot be read is
treated as missing. The cache is a convenience: any failure to write it is ignored.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from . import __version__

ENV_DIR = "CLAIMCHECK_CACHE_DIR"
FORMAT = "v1"


def cache_dir() -> Path:
    """Where entries live: $CLAIMCHECK_CACHE_DIR, else the platform's user cache folder."""
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR]).expanduser() / FORMAT
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "claimcheck" / FORMAT


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The version and the name, size and modification time of each of the package's
    sources and data files: an edit or a reinstall invalidates every entry. (Reading
    the files themselves would cost more than a warm run saves.)"""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for folder, folders, files in os.walk(package):
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".toml")):
                info = os.stat(os.path.join(folder, name))
                digest.update(f"{os.path.relpath(os.path.join(folder, name), package)}:{info.st_size}:{info.st_mtime_ns}".encode())
    return digest.hexdigest()


class ResultCache:
    """Get and put extraction results by key; ``directory=None`` turns it off."""

    def __init__(self, directory: Optional[Path]) -> None:
        self.directory = directory
        self.hits = 0
        self.misses = 0

    @classmethod
    def default(cls, enabled: bool = True) -> "ResultCache":
        return cls(cache_dir() if enabled else None)

    @property
    def enabled(self) -> bool:
        return self.directory is not None

    def key(self, *parts: Any) -> str:
        """A key for ``parts`` and this code. Text and bytes are hashed as they are,
        anything else by its ``repr`` (value-based for the frozen dataclasses; pickles
        are not, as they record which objects were shared)."""
        digest = hashlib.sha256(code_digest().encode())
        for part in parts:
            if isinstance(part, bytes):
                data = part
            else:
                data = (part if isinstance(part, str) else repr(part)).encode("utf-8", "surrogatepass")
            digest.update(len(data).to_bytes(8, "little"))
            digest.update(data)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        assert self.directory is not None
        return self.directory / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Optional[Any]:
        if self.directory is None:
            return None
        try:
            with open(self._path(key), "rb") as handle:
                value = pickle.load(handle)
        except Exception:  # missing, unreadable or written by another version: recompute
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: Any) -> None:
        if self.directory is None:
            return
        import tempfile  # only a run that writes pays for importing it

        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except OSError:
            self.directory = None  # a read-only or full disk: carry on without a cache


def cache_usage(directory: Optional[Path] = None) -> tuple[int, int]:
    """Number of entries and their total size in bytes."""
    root = directory or cache_dir()
    files = [p for p in root.rglob("*.pickle")] if root.is_dir() else []
    return len(files), sum(p.stat().st_size for p in files)


def clear_cache(directory: Optional[Path] = None) -> tuple[int, int]:
    """Delete every entry; returns how many entries and bytes were removed."""
    root = directory or cache_dir()
    count, size = cache_usage(root)
    if root.is_dir():
        for path in sorted(root.rglob("*"), reverse=True):
            if path.is_file() and path.suffix in (".pickle", ".tmp"):
                path.unlink(missing_ok=True)
            elif path.is_dir():
                try:
                    path.rmdir()
                except OSError:
                    pass
    return count, size
