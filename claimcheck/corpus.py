"""Paths and stdin -> Documents: decoding, metadata, manifest, front matter, datelines."""

from __future__ import annotations

import datetime as dt
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

import regex

from .errors import ConfigError, InputError
from .models import Corpus, Document, MetaField, SkippedFile
from .resources import TOMLDecodeError, bundled_corpus, read_toml
from .text import Line, analyse_layout, byline_match, split_lines

MANIFEST_NAME = "claimcheck.toml"
TEXT_SUFFIXES = (".txt", ".md")
DOCUMENT_KEYS = frozenset({"published", "outlet", "title", "author", "url", "note"})
TOPIC_KEYS = frozenset({"nouns", "verbs", "aliases", "description"})


# --- manifest -----------------------------------------------------------------------


@dataclass(frozen=True)
class Manifest:
    """What a ``claimcheck.toml`` says about documents (keyed by path relative to it)."""

    path: Path
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    topics: dict[str, dict[str, Any]] = field(default_factory=dict)


def read_manifest(path: Path) -> Manifest:
    """Parse and validate a manifest; any problem is a one-line ``ConfigError``."""
    try:
        data = read_toml(path)
    except TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read manifest: {exc.strerror or exc}") from exc

    unknown = set(data) - {"documents", "topics"}
    if unknown:
        raise ConfigError(f"{path}: unknown table [{sorted(unknown)[0]}] (expected [documents.\"FILE\"] or [topics.NAME])")
    documents: dict[str, dict[str, Any]] = {}
    for name, entry in _tables(path, data, "documents"):
        bad = set(entry) - DOCUMENT_KEYS
        if bad:
            raise ConfigError(f"{path}: documents.\"{name}\": unknown key '{sorted(bad)[0]}' (known: {', '.join(sorted(DOCUMENT_KEYS))})")
        if "published" in entry:
            entry = {**entry, "published": _as_date(path, name, entry["published"])}
        documents[Path(name).as_posix()] = entry
    topics: dict[str, dict[str, Any]] = {}
    for name, entry in _tables(path, data, "topics"):
        bad = set(entry) - TOPIC_KEYS
        if bad:
            raise ConfigError(f"{path}: topics.{name}: unknown key '{sorted(bad)[0]}' (known: {', '.join(sorted(TOPIC_KEYS))})")
        for key in ("nouns", "verbs", "aliases"):
            words = entry.get(key, [])
            if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
                raise ConfigError(f"{path}: topics.{name}.{key} must be a list of words")
        topics[name.casefold()] = entry
    return Manifest(path, documents, topics)


def _tables(path: Path, data: dict[str, Any], key: str) -> Iterable[tuple[str, dict[str, Any]]]:
    section = data.get(key, {})
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: '{key}' must be a table")
    for name, entry in section.items():
        if not isinstance(entry, dict):
            raise ConfigError(f"{path}: {key}.\"{name}\" must be a table")
        yield name, entry


def _as_date(path: Path, name: str, value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ConfigError(f"{path}: documents.\"{name}\".published: not a date: {value!r} (use YYYY-MM-DD)")


# --- decoding -----------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str]:
    """Bytes -> (text, encoding). UTF-8 (BOM removed) first, then UTF-16 with a BOM,
    then Windows-1252, then Latin-1, which cannot fail."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def looks_binary(data: bytes) -> bool:
    """A NUL byte in the first 8 KiB (outside UTF-16) marks a binary file."""
    head = data[:8192]
    return b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff"))


# --- metadata from the text ----------------------------------------------------------

_FRONT_MATTER_KEYS = {
    "published": "published", "date": "published", "pubdate": "published",
    "outlet": "outlet", "source": "outlet", "publisher": "outlet", "site": "outlet",
    "title": "title", "headline": "title",
}
_FRONT_MATTER_LINE = regex.compile(r"^\s*(?P<key>[\w-]{1,40})\s*:\s*(?P<value>.*?)\s*$")
_WIRE_DATELINE = regex.compile(
    r"""
    ^\s*\p{Lu}[\p{Lu}\p{M} .'\-]{1,40}    # place in capitals: "SEOUL"
    ,\s+
    (?P<date>[\p{L}.]{3,10}\.?\s+\d{1,2}(?:,\s*\d{4})?)  # "April 30" or "April 30, 2025"
    \s*(?:\((?P<agency>[^()\n]{2,40})\))?  # "(Yonhap)"
    """,
    regex.VERBOSE,
)
_YEAR = regex.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_HEAD_LINES = 15  # datelines are looked for among the first content lines


def _front_matter(lines: Sequence[Line]) -> tuple[dict[str, str], list[int]]:
    if not lines or lines[0].stripped != "---":
        return {}, []
    values: dict[str, str] = {}
    for i, line in enumerate(lines[1:60], 1):
        if line.stripped == "---":
            return values, list(range(i + 1))
        match = _FRONT_MATTER_LINE.match(line.text)
        if match and match.group("key").casefold() in _FRONT_MATTER_KEYS:
            value = match.group("value").strip().strip("'\"")
            values[_FRONT_MATTER_KEYS[match.group("key").casefold()]] = value
    return {}, []  # no closing "---": not front matter


def _full_date(text: str, latest_year: Optional[int]) -> Optional[dt.date]:
    """The day a short dateline text names, if it names exactly one full date."""
    from .dates import find_date_mentions

    anchor = dt.date(latest_year, 12, 31) if latest_year else None
    mentions = find_date_mentions(text, anchor=anchor)
    if len(mentions) != 1 or mentions[0].resolved is None:
        return None
    resolved = mentions[0].resolved
    if resolved.precision != "day":
        return None
    leftover = (text[: mentions[0].start] + text[mentions[0].end :]).strip(" ,.-—–|")
    return resolved.start if not leftover else None


def _dateline(text: str, lines: Sequence[Line], skip: set[int]) -> tuple[Optional[MetaField], list[int], Optional[str]]:
    """(published date, dateline line indexes, agency) from the top of the text."""
    years = [int(y) for y in _YEAR.findall(text)]
    latest_year = max(years) if years else None
    content = [i for i, line in enumerate(lines) if not line.blank and i not in skip][:_HEAD_LINES]
    found: list[tuple[int, dt.date, bool]] = []  # (line index, date, follows a byline)
    for pos, i in enumerate(content):
        line = lines[i].stripped
        if len(line) > 60 or not any(ch.isdigit() for ch in line):
            continue
        day = _full_date(line, None)
        if day:
            after_byline = pos > 0 and byline_match(lines[content[pos - 1]]) is not None
            found.append((i, day, after_byline))
    if found:
        # The date printed under the byline is the article's; a date above the
        # headline is often the day a blog reposted it.
        best = next((f for f in found if f[2]), found[0])
        return MetaField(best[1].isoformat(), "dateline"), [f[0] for f in found], None
    for i in content[:3]:
        match = _WIRE_DATELINE.match(lines[i].text)
        if match and latest_year:
            day = _full_date(match.group("date"), latest_year)
            if day:
                source = "dateline" if _YEAR.search(match.group("date")) else f"dateline (year {latest_year} from the text)"
                return MetaField(day.isoformat(), source), [], match.group("agency")
    return None, [], None


# --- documents ----------------------------------------------------------------------


def build_document(doc_id: str, path: Optional[str], text: str, encoding: str = "utf-8",
                   manifest_entry: Optional[dict[str, Any]] = None) -> Document:
    """Analyse decoded text into a Document with metadata and layout."""
    lines = split_lines(text)
    front, front_lines = _front_matter(lines)
    published, dateline_lines, agency = _dateline(text, lines, set(front_lines))
    metadata = {**{i: "front matter" for i in front_lines}, **{i: "dateline" for i in dateline_lines}}
    layout = analyse_layout(text, lines, metadata_lines=metadata)

    def pick(key: str, *fallbacks: tuple[Optional[str], str]) -> Optional[MetaField]:
        if manifest_entry and manifest_entry.get(key) not in (None, ""):
            value = manifest_entry[key]
            return MetaField(value.isoformat() if isinstance(value, dt.date) else str(value), "manifest")
        if front.get(key) and key != "published":
            return MetaField(front[key], "front matter")
        if front.get(key) and key == "published":
            day = _front_matter_date(front[key])
            if day:
                return MetaField(day.isoformat(), "front matter")
        for value, source in fallbacks:
            if value:
                return MetaField(value, source)
        return None

    return Document(
        id=doc_id,
        path=path,
        text=text,
        published=pick("published", (published.value if published else None, published.source if published else "")),
        outlet=pick("outlet", (layout.outlet_from_byline, "byline"), (agency, "dateline")),
        title=pick("title", (layout.headline, "headline")),
        parts=layout.parts,
        boilerplate=layout.boilerplate,
        encoding=encoding,
    )


def _front_matter_date(value: str) -> Optional[dt.date]:
    """A front-matter date: ISO (a time after it is ignored) or written out in full.
    Anything else is not taken as a date."""
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return _full_date(value.strip(), None)


def _iter_folder(folder: Path) -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if not name.startswith(".") and name.lower().endswith(TEXT_SUFFIXES):
                found.append(Path(dirpath) / name)
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def load_corpus(paths: Sequence[str] = (), manifest: Optional[str] = None) -> Corpus:
    """Load documents from folders, files or ``-`` (stdin); none means the bundled corpus.

    Files that cannot be used are listed in ``Corpus.skipped``; an ``InputError`` is
    raised only when nothing usable remains.
    """
    given = list(paths) or [str(bundled_corpus())]
    explicit = read_manifest(Path(manifest)) if manifest else None
    documents: list[Document] = []
    skipped: list[SkippedFile] = []
    topics: dict[str, dict[str, Any]] = dict(explicit.topics) if explicit else {}
    several = len(given) > 1

    for arg in given:
        if arg == "-":
            data = sys.stdin.buffer.read()
            text, encoding = decode(data)
            documents.append(build_document("-", None, text, encoding, _entry(explicit, None, "-")))
            continue
        path = Path(arg)
        if path.is_dir():
            local = path / MANIFEST_NAME
            folder_manifest = read_manifest(local) if local.is_file() and not explicit else None
            if folder_manifest:
                topics.update(folder_manifest.topics)
            files = _iter_folder(path)
            if not files:
                skipped.append(SkippedFile(arg, "folder holds no .txt or .md files"))
            for file in files:
                rel = file.relative_to(path).as_posix()
                doc_id = f"{arg.rstrip('/')}/{rel}" if several else rel
                entry = _entry(explicit, file, rel) or _entry(folder_manifest, file, rel)
                _load_file(file, doc_id, entry, documents, skipped)
        elif path.exists():
            local = path.parent / MANIFEST_NAME
            folder_manifest = read_manifest(local) if local.is_file() and not explicit else None
            entry = _entry(explicit, path, path.name) or _entry(folder_manifest, path, path.name)
            _load_file(path, arg, entry, documents, skipped)
        else:
            skipped.append(SkippedFile(arg, "no such file or folder"))

    if not documents:
        reasons = "; ".join(f"{s.path}: {s.reason}" for s in skipped) or "no input"
        raise InputError(f"nothing to read ({reasons})")
    return Corpus(tuple(documents), tuple(skipped), topics)


def _entry(manifest: Optional[Manifest], file: Optional[Path], rel: str) -> Optional[dict[str, Any]]:
    if manifest is None:
        return None
    if file is not None:
        try:
            rel = file.resolve().relative_to(manifest.path.resolve().parent).as_posix()
        except ValueError:
            pass
    return manifest.documents.get(rel)


def _load_file(path: Path, doc_id: str, entry: Optional[dict[str, Any]],
               documents: list[Document], skipped: list[SkippedFile]) -> None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        skipped.append(SkippedFile(str(path), exc.strerror or str(exc)))
        return
    if looks_binary(data):
        skipped.append(SkippedFile(str(path), "binary file"))
        return
    text, encoding = decode(data)
    documents.append(build_document(doc_id, str(path), text, encoding, entry))
