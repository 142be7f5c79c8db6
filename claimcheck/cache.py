"""A per-document cache of extraction results in the user's cache directory.

Each document has one entry (:class:`Entry`), keyed by where it came from (its id,
path and manifest entry, and its bytes) and the code that read it (the version and a
digest of the package's sources). The entry holds the analysed Document and the
results read from it, each under a key made of the options, anchor and lexicon it
was read with (:class:`Stored`), so a change to any of them is a miss, never a stale
answer; a warm run opens one file per document. Documents and results are kept
pickled inside the entry, and a result may keep its rendered output too, so a run
unpickles only what it uses. Entries are pickles written atomically; one that cannot
be read is treated as missing. The cache is a convenience: any failure to write it
is ignored.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from . import __version__

ENV_DIR = "CLAIMCHECK_CACHE_DIR"
FORMAT = "v2"  # v2: one entry per document (v1 kept the document and each result apart)
OLD_FORMATS = ("v1",)  # folders of earlier formats beside this one: never read, cleared


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


@dataclass
class Stored:
    """One result in an entry: pickled, with what a reader may want without unpickling it."""

    result: bytes  # the pickled DocumentResult
    claims: int  # how many claims it holds
    problem: Optional[str]  # why the document could only be partly read, if it could
    renderings: dict[str, str] = field(default_factory=dict)  # output already rendered from it, by format


@dataclass
class Entry:
    """A document's entry: the Document (pickled) and the results read from it, by key."""

    document: bytes
    results: dict[str, Stored] = field(default_factory=dict)  # oldest first

    def with_result(self, key: str, stored: Stored) -> "Entry":
        """This entry with ``stored`` under ``key``, dropping the oldest beyond ``RESULTS_KEPT``."""
        results = {k: v for k, v in self.results.items() if k != key}
        results[key] = stored
        return Entry(self.document, dict(list(results.items())[-RESULTS_KEPT:]))


RESULTS_KEPT = 4  # results per document (claims, timeline, with and without --keep-boilerplate...)


class ResultCache:
    """Get and put entries by key; ``directory=None`` turns it off. ``hits`` and
    ``misses`` count results found and not found (the pipeline counts them)."""

    def __init__(self, directory: Optional[Path]) -> None:
        self.directory = directory
        self.hits = 0
        self.misses = 0
        # Documents read this run: id(document) -> (document, its entry key, its entry if
        # one was found), so their results are looked up where the document was found.
        self._read: dict[int, tuple[Any, str, Optional[Entry]]] = {}

    def remember(self, document: Any, key: str, entry: Optional[Entry]) -> None:
        """``document`` was read from the file keyed ``key`` (and found in ``entry``)."""
        if self.directory is not None:
            self._read[id(document)] = (document, key, entry)

    def recall(self, document: Any) -> Optional[tuple[str, Optional[Entry]]]:
        """The key and entry ``remember`` was told for this very document, if any. The
        entry is handed out once: results may be added to it afterwards, so a second
        reading of the same document gets None and reads the entry again."""
        found = self._read.get(id(document))
        if found is None or found[0] is not document:
            return None
        self._read[id(document)] = (document, found[1], None)
        return found[1:]

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
            return None
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
    """Delete every entry (in the default place, those of earlier formats too); returns
    how many entries and bytes were removed."""
    roots = [directory] if directory else [cache_dir(), *(cache_dir().parent / old for old in OLD_FORMATS)]
    count = size = 0
    for root in roots:
        entries, used = cache_usage(root)
        count, size = count + entries, size + used
        _remove_entries(root, remove_root=root.name in OLD_FORMATS)
    return count, size


def _remove_entries(root: Path, remove_root: bool) -> None:
    """Delete the entries under ``root`` and the folders left empty (never other files)."""
    if not root.is_dir():
        return
    folders = sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True)
    for path in root.rglob("*"):
        if path.is_file() and path.suffix in (".pickle", ".tmp"):
            path.unlink(missing_ok=True)
    for folder in folders + ([root] if remove_root else []):
        try:
            folder.rmdir()
        except OSError:
            pass  # not empty: something else lives there
