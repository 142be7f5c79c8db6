"""The ``claimcheck.toml`` manifest: document metadata and user topics, validated.

Every problem is one ``ConfigError`` line that starts ``FILE:LINE:`` when the line
is known (``tomllib`` gives it for syntax errors; for a bad value or an unknown key
it is found from the table headers and ``key =`` lines of the file).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

from .errors import ConfigError
from .resources import TOMLDecodeError, parse_toml

MANIFEST_NAME = "claimcheck.toml"
DOCUMENT_KEYS = frozenset({"published", "outlet", "title", "author", "url", "note"})
TOPIC_KEYS = frozenset({"nouns", "verbs", "aliases", "description"})


@dataclass(frozen=True)
class Manifest:
    """What a ``claimcheck.toml`` says about documents (keyed by path relative to it)."""

    path: Path
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    topics: dict[str, dict[str, Any]] = field(default_factory=dict)
    document_lines: dict[str, Optional[int]] = field(default_factory=dict)  # where each entry starts


def read_manifest(path: Path) -> Manifest:
    """Parse and validate a manifest; any problem is a one-line ``ConfigError``."""
    source = _read_source(path)
    try:
        data = parse_toml(source)
    except TOMLDecodeError as exc:
        raise ConfigError(_syntax_error(path, exc)) from exc
    lines = _Locator(source)

    def fail(message: str, *key: str) -> ConfigError:
        line = lines.line_of(*key)
        return ConfigError(f"{path}:{line}: {message}" if line else f"{path}: {message}")

    unknown = sorted(set(data) - {"documents", "topics"})
    if unknown:
        raise fail(f"unknown table [{unknown[0]}] (expected [documents.\"FILE\"] or [topics.NAME])", unknown[0])
    documents: dict[str, dict[str, Any]] = {}
    document_lines: dict[str, Optional[int]] = {}
    for name, entry in _tables(data, "documents", fail):
        bad = sorted(set(entry) - DOCUMENT_KEYS)
        if bad:
            raise fail(f"documents.\"{name}\": unknown key '{bad[0]}' (known: {', '.join(sorted(DOCUMENT_KEYS))})",
                       "documents", name, bad[0])
        if "published" in entry:
            day = _as_date(entry["published"])
            if day is None:
                raise fail(f"documents.\"{name}\".published: not a date: {entry['published']!r} (use YYYY-MM-DD)",
                           "documents", name, "published")
            entry = {**entry, "published": day}
        key = Path(name).as_posix()
        documents[key] = entry
        document_lines[key] = lines.line_of("documents", name)
    topics: dict[str, dict[str, Any]] = {}
    for name, entry in _tables(data, "topics", fail):
        bad = sorted(set(entry) - TOPIC_KEYS)
        if bad:
            raise fail(f"topics.{name}: unknown key '{bad[0]}' (known: {', '.join(sorted(TOPIC_KEYS))})", "topics", name, bad[0])
        for key in ("nouns", "verbs", "aliases"):
            words = entry.get(key, [])
            if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
                raise fail(f"topics.{name}.{key} must be a list of words", "topics", name, key)
        topics[name.casefold()] = entry
    return Manifest(path, documents, topics, document_lines)


def _read_source(path: Path) -> str:
    """The manifest's text: UTF-8, a byte-order mark allowed (Notepad writes one)."""
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):  # a FIFO would block, a folder cannot be parsed
            raise ConfigError(f"{path}: cannot read manifest: not a regular file")
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read manifest: {(exc.strerror or str(exc)).lower()}") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ConfigError(f"{path}:{line}: not UTF-8 text (byte 0x{data[exc.start]:02x}); TOML files must be UTF-8") from exc


# No white space before it in the pattern: the standard library's engine would retry
# that at every space of a long run (the spaces are stripped afterwards instead).
_AT = re.compile(r"\(at line (?P<line>\d+), column (?P<column>\d+)\)$")


def _syntax_error(path: Path, exc: TOMLDecodeError) -> str:
    """``FILE:LINE:COLUMN: invalid TOML: ...`` from tomllib's "... (at line 3, column 7)"."""
    message = str(exc)
    at = _AT.search(message)
    if at:
        return f"{path}:{at['line']}:{at['column']}: invalid TOML: {message[: at.start()].rstrip()}"
    return f"{path}: invalid TOML: {message}"


def _tables(data: dict[str, Any], key: str, fail) -> Iterable[tuple[str, dict[str, Any]]]:
    section = data.get(key, {})
    if not isinstance(section, dict):
        raise fail(f"'{key}' must be a table", key)
    for name, entry in section.items():
        if not isinstance(entry, dict):
            raise fail(f"{key}.\"{name}\" must be a table", key, name)
        yield name, entry


def _as_date(value: Any) -> Optional[dt.date]:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


# --- finding the line of a key --------------------------------------------------------

_KEY_PART = re.compile(
    r"""
    [ \t]*
    (?:(?P<bare>[A-Za-z0-9_-]+)            # bare key: documents, tanks
     | "(?P<basic>(?:[^"\\\n]|\\.)*)"      # "a.txt", with escapes
     | '(?P<literal>[^'\n]*)')             # 'a.txt', as written
    [ \t]*
    """,
    re.VERBOSE,
)


def _dotted_key(line: str, pos: int) -> tuple[Optional[tuple[str, ...]], int]:
    """The dotted key that starts at ``pos`` (``documents."a.txt"``) and where it ends."""
    parts = []
    while True:
        m = _KEY_PART.match(line, pos)
        if not m:
            return None, pos
        if m["bare"] is not None:
            parts.append(m["bare"])
        elif m["literal"] is not None:
            parts.append(m["literal"])
        else:
            try:
                parts.append(json.loads(f'"{m["basic"]}"'))
            except ValueError:
                parts.append(m["basic"])
        pos = m.end()
        if not line.startswith(".", pos):
            return tuple(parts), pos
        pos += 1


class _Locator:
    """Table headers and ``key =`` lines of a TOML text, to say where a key stands."""

    def __init__(self, source: str) -> None:
        self.lines = source.splitlines()
        self.headers: list[tuple[tuple[str, ...], int]] = [((), -1)]  # the root table, then [tables]
        for i, line in enumerate(self.lines):
            stripped = line.lstrip()
            if stripped.startswith("[") and not stripped.startswith("[["):
                key, end = _dotted_key(stripped, 1)
                if key is not None and stripped.startswith("]", end):
                    self.headers.append((key, i))

    def line_of(self, *path: str) -> Optional[int]:
        """The 1-based line where the key ``path`` is defined: the header of its table
        (or of a table inside it), else the ``key =`` line that spells most of it
        inside a table above it (``[documents]`` then ``"a.txt".dated = ...``)."""
        for key, i in self.headers:
            if i >= 0 and key[: len(path)] == path:
                return i + 1
        best, best_line = 0, None
        for n, (key, i) in enumerate(self.headers):
            if path[: len(key)] != key or len(key) >= len(path):
                continue
            rest = path[len(key) :]
            end = self.headers[n + 1][1] if n + 1 < len(self.headers) else len(self.lines)
            for j in range(i + 1, end):
                found, pos = _dotted_key(self.lines[j], 0)
                if not found or not self.lines[j].startswith("=", pos):
                    continue
                shared = next((k for k, (a, b) in enumerate(zip(found, rest)) if a != b), min(len(found), len(rest)))
                if shared > best:
                    best, best_line = shared, j + 1
        return best_line
