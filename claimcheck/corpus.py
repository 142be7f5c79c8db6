"""Paths and stdin -> Documents: decoding, metadata, manifest, layout (front matter and
datelines are read in ``metadata``)."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Optional, Sequence, Union

from .cache import Entry, ResultCache
from .decoding import binary_kind, decode
from .errors import InputError
from .manifest import MANIFEST_NAME, Manifest, read_manifest
from .models import Corpus, Document, InputWarning, MetaField, SkippedFile
from .reading import Unusable, file_identity, listing, not_a_file, read_file, read_stdin, reason_for, walk_relative
from .resources import bundled_corpus

__all__ = ["load_corpus", "build_document", "DocumentDraft", "decode", "read_manifest", "Manifest", "MANIFEST_NAME"]

# --- documents ----------------------------------------------------------------------


def build_document(doc_id: str, path: Optional[str], text: str, encoding: str = "utf-8",
                   manifest_entry: Optional[dict[str, Any]] = None) -> Document:
    """Analyse decoded text into a Document with metadata and layout."""
    # Imported here: a run whose documents all come from the cache never needs them.
    from .metadata import dateline, front_matter, front_matter_date
    from .text import analyse_layout, split_lines

    lines = split_lines(text)
    front, front_lines = front_matter(lines)
    published, dateline_lines, agency = dateline(text, lines, set(front_lines))
    metadata = {**{i: "front matter" for i in front_lines}, **{i: "dateline" for i in dateline_lines}}
    layout = analyse_layout(text, lines, metadata_lines=metadata)

    def pick(key: str, *fallbacks: tuple[Optional[str], str]) -> Optional[MetaField]:
        if manifest_entry and manifest_entry.get(key) not in (None, ""):
            value = manifest_entry[key]
            return MetaField(value.isoformat() if isinstance(value, dt.date) else str(value), "manifest")
        if front.get(key) and key != "published":
            return MetaField(front[key], "front matter")
        if front.get(key) and key == "published":
            day = front_matter_date(front[key])
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


GAVE_UP = "gave up: finding its lines, headlines and furniture took too long"
# Skipped files are listed argument by argument, and inside a folder by relative path:
# (which argument, 0 for the argument itself or 1 for a file inside it, that file's path).
_SkipOrder = tuple[int, int, str]


@dataclass(frozen=True)
class DocumentDraft:
    """A file whose metadata and layout are still to be found (or whose Document is in
    the cache entry found for it), perhaps not even read yet. A stream of drafts lets
    that work run where the document is analysed (in a worker process, when there are
    several) instead of in the process that lists the files."""

    id: str
    path: Optional[str]
    # None: the file is still to be read, from ``path``; "" when ``entry`` holds the
    # document: the file was not even decoded.
    text: Optional[str]
    encoding: str
    manifest_entry: Optional[dict[str, Any]]
    cache_key: Optional[str]  # the key of the file's cache entry (None: not cached)
    order: _SkipOrder  # where it goes among the skipped files if it gives up
    entry: Optional[Entry] = None  # the file's cache entry, when one was found

    def build(self) -> Document:
        """The Document; ``Unusable``, whose message is why the file is skipped, when it
        cannot be read or holds no text, or when finding its layout reached the time limit."""
        if self.entry is not None:
            return pickle.loads(self.entry.document)
        text, encoding = (self.text, self.encoding) if self.text is not None else _read_text(self.path or "")
        try:
            return build_document(self.id, self.path, text, encoding, self.manifest_entry)
        except TimeoutError as exc:  # the regex backstop: linear patterns should never reach it
            raise Unusable(GAVE_UP) from exc


def _read_text(path: str) -> tuple[str, str]:
    """A file's text and encoding; ``Unusable`` when it cannot be read or is not text."""
    data, _ = read_file(path)
    _check_not_binary(data)
    return _decoded(data)


def _check_not_binary(data: bytes) -> None:
    kind = binary_kind(data)
    if kind:
        raise Unusable(f"binary file ({kind})")


def _decoded(data: bytes) -> tuple[str, str]:
    """``decode``, or ``Unusable`` when there is no text."""
    text, encoding = decode(data)
    if not text or text.isspace():  # (not text.strip(), which copies the text)
        raise Unusable("empty file" if not data else "no text (only white space)")
    return text, encoding


@dataclass
class _Loading:
    """What ``load_corpus`` has gathered so far."""

    explicit: Optional[Manifest]
    several: bool
    defer_layout: bool = False  # hand out drafts, built by whoever takes them
    documents: list[Union[Document, DocumentDraft]] = field(default_factory=list)
    skips: list[tuple[_SkipOrder, SkippedFile]] = field(default_factory=list)
    warnings: list[InputWarning] = field(default_factory=list)
    topics: dict[str, dict[str, Any]] = field(default_factory=dict)
    read: dict[tuple[int, int], str] = field(default_factory=dict)  # (device, inode) -> document id
    stdin_read: bool = False
    cache: Optional[ResultCache] = None
    count: int = 0  # documents read so far
    argument: int = 0  # which of the given paths is being read

    @property
    def skipped(self) -> list[SkippedFile]:
        """The skipped files in a stable order, whenever each was found out."""
        return [skip for _, skip in sorted(self.skips, key=lambda entry: entry[0])]

    def skip(self, path: str, reason: str, inside: str = "") -> None:
        """Record a skipped file; ``inside``: its path relative to the folder being read."""
        self.skips.append((self._order(inside), SkippedFile(path, reason)))

    def _order(self, inside: str) -> _SkipOrder:
        return self.argument, 1 if inside else 0, inside

    @property
    def defer_reading(self) -> bool:
        """Whether files are read by whoever builds their drafts: when drafts are handed
        out and no cache key needs a file's bytes first."""
        return self.defer_layout and not (self.cache and self.cache.enabled)

    def add(self, doc_id: str, path: Optional[str], data: bytes, entry: Optional[dict[str, Any]], inside: str = "") -> None:
        """Decode one file's bytes into a document or a draft, or say why it was skipped."""
        cache = self.cache
        try:
            _check_not_binary(data)
            key = cache.key("document", doc_id, path, entry, data) if cache and cache.enabled else None
            found = cache.get(key) if key else None
            if isinstance(found, Entry):  # read before: neither decoded nor laid out again
                draft = DocumentDraft(doc_id, path, "", "", entry, key, self._order(inside), found)
            else:
                text, encoding = _decoded(data)
                draft = DocumentDraft(doc_id, path, text, encoding, entry, key, self._order(inside))
            if self.defer_layout:
                self.documents.append(draft)
                return
            document = draft.build()
        except Unusable as exc:
            self.skip(path or doc_id, str(exc), inside)
            return
        if key and cache:  # the pipeline looks its results up in the same entry
            cache.remember(document, key, draft.entry)
        self.documents.append(document)

    def give_up(self, draft: DocumentDraft, reason: str) -> None:
        """A draft handed out that could not be built: skipped after all."""
        self.skips.append((draft.order, SkippedFile(draft.path or draft.id, reason)))
        self.count -= 1

    def take(self) -> list[Union[Document, DocumentDraft]]:
        """The documents read since the last call (and forget them: they are streamed)."""
        taken, self.documents = self.documents, []
        self.count += len(taken)
        return taken

    def read_stdin(self) -> None:
        if self.stdin_read:
            self.skip("-", "standard input was already read")
            return
        self.stdin_read = True
        try:
            data = read_stdin()
        except Unusable as exc:
            self.skip("-", str(exc))
            return
        if not data:
            self.skip("-", "standard input is empty")
            return
        self.add("-", None, data, _entry(self.explicit, None, "-"))  # never cached: stdin has no file to key on

    def read_file(self, path: Path, doc_id: str, entry: Optional[dict[str, Any]], inside: str = "") -> None:
        name = str(path)
        try:
            data, identity = (None, file_identity(name)) if self.defer_reading else read_file(name)
        except Unusable as exc:
            self.skip(name, str(exc), inside)
            return
        if identity in self.read:
            self.skip(name, f"already read as {self.read[identity]}", inside)
            return
        self.read[identity] = doc_id
        if data is None:  # read, decoded and laid out by whoever builds the draft
            self.documents.append(DocumentDraft(doc_id, name, None, "", entry, None, self._order(inside)))
        else:
            self.add(doc_id, name, data, entry, inside)

    def read_folder(self, arg: str, path: Path) -> Iterator[Union[Document, DocumentDraft]]:
        local = path / MANIFEST_NAME
        folder_manifest = read_manifest(local) if local.is_file() and not self.explicit else None
        if folder_manifest:
            self.topics.update(folder_manifest.topics)
            self.check_entries(folder_manifest)
        files, passed = walk_relative(path)
        if not files:
            empty = not passed and not any(not e.name.startswith(".") for e in listing(path))
            self.skip(arg, "empty folder" if empty else "no .txt or .md files in this folder")
        for passed_over in passed:
            self.skip(passed_over.path, passed_over.reason, Path(passed_over.path).relative_to(path).as_posix())
        for rel, file in files:
            doc_id = f"{arg.rstrip('/')}/{rel}" if self.several else rel
            entry = _entry(self.explicit, file, rel) or _entry(folder_manifest, file, rel)
            self.read_file(file, doc_id, entry, rel)
            yield from self.take()

    def check_entries(self, manifest: Manifest) -> None:
        """Warn about manifest entries that name no file: a typo, or an article since removed.

        A warning, not an error: the documents that are there can still be read.
        """
        for name in manifest.documents:
            if name != "-" and not os.path.isfile(manifest.path.parent / name):
                line = manifest.document_lines.get(name)
                self.warnings.append(InputWarning(str(manifest.path), f'documents."{name}" names no file', line))


_SHOWN_IN_ERROR = 5  # skipped files named in the one-line error when nothing is left


@dataclass
class CorpusStream:
    """Documents read one at a time, for corpora too big to hold at once.

    Iterate it for the documents; once it is exhausted, ``skipped`` and ``warnings``
    are complete (manifest warnings and ``topics`` are known before the first).
    ``InputError`` is raised at the end when nothing usable was found.

    A stream made with ``defer_layout`` hands out ``DocumentDraft``s where it would
    build documents: whoever builds one reports it with ``built`` (with the reason, when
    the file is skipped after all), and calls ``check_read_something`` once all are
    built. Without a cache, the drafts' files are not even read yet: whoever builds a
    draft reads it.
    """

    loading: _Loading
    given: list[str]

    @property
    def topics(self) -> dict[str, dict[str, Any]]:
        return self.loading.topics

    @property
    def skipped(self) -> tuple[SkippedFile, ...]:
        return tuple(self.loading.skipped)

    @property
    def warnings(self) -> tuple[InputWarning, ...]:
        return tuple(self.loading.warnings)

    def __iter__(self) -> Iterator[Union[Document, DocumentDraft]]:
        loading = self.loading
        for number, arg in enumerate(self.given):
            loading.argument = number
            yield from self._read(arg)
            yield from loading.take()
        self.check_read_something()

    def built(self, draft: DocumentDraft, skipped_because: Optional[str]) -> None:
        """A draft this stream handed out, built, or skipped for the reason given."""
        if skipped_because is not None:
            self.loading.give_up(draft, skipped_because)

    def check_read_something(self) -> None:
        """Raise ``InputError`` when no document could be read."""
        loading = self.loading
        if not loading.count:
            skipped = loading.skipped
            shown = _SHOWN_IN_ERROR
            reasons = "; ".join(f"{s.path}: {s.reason}" for s in skipped[:shown]) or "no input"
            more = len(skipped) - shown
            raise InputError(f"nothing to read ({reasons}" + (f"; and {more} more)" if more > 0 else ")"))

    def _read(self, arg: str) -> Iterator[Union[Document, DocumentDraft]]:
        loading = self.loading
        if arg == "-":
            loading.read_stdin()
            return
        try:
            mode = os.stat(arg).st_mode
        except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
            reason = reason_for(exc, arg) if isinstance(exc, OSError) else "not a valid path"
            loading.skip(arg, reason)
            return
        path = Path(arg)
        if stat.S_ISDIR(mode):
            yield from loading.read_folder(arg, path)
        elif stat.S_ISREG(mode):
            local = path.parent / MANIFEST_NAME
            folder_manifest = read_manifest(local) if local.is_file() and not loading.explicit else None
            entry = _entry(loading.explicit, path, path.name) or _entry(folder_manifest, path, path.name)
            loading.read_file(path, arg, entry)
        else:
            loading.skip(arg, not_a_file(mode) or "not a regular file")


def stream_corpus(paths: Sequence[str] = (), manifest: Optional[str] = None,
                  cache: Optional[ResultCache] = None, *, defer_layout: bool = False) -> CorpusStream:
    """Like ``load_corpus``, but documents are read as the stream is iterated.

    Manifests are read (and their errors raised) at once; ``cache`` keeps analysed
    documents keyed by their bytes, so an unchanged file is not analysed again (a draft
    then carries the file's cache entry instead of its text).
    With ``defer_layout`` the stream hands out drafts (see ``CorpusStream``).
    """
    given = list(paths) or [str(bundled_corpus())]
    explicit = read_manifest(Path(manifest)) if manifest else None
    loading = _Loading(explicit, several=len(given) > 1, defer_layout=defer_layout,
                       topics=dict(explicit.topics) if explicit else {}, cache=cache)
    if explicit:
        loading.check_entries(explicit)
    return CorpusStream(loading, given)


def load_corpus(paths: Sequence[str] = (), manifest: Optional[str] = None,
                cache: Optional[ResultCache] = None) -> Corpus:
    """Load documents from folders, files or ``-`` (stdin); none means the bundled corpus.

    Files that cannot be used are listed in ``Corpus.skipped`` with the reason, and
    problems that do not stop a file being read (a manifest entry naming no file) in
    ``Corpus.warnings``; an ``InputError`` is raised only when nothing usable remains.
    """
    stream = stream_corpus(paths, manifest, cache)
    documents = tuple(stream)
    return Corpus(documents, stream.skipped, stream.topics, stream.warnings)


def _entry(manifest: Optional[Manifest], file: Optional[Path], rel: str) -> Optional[dict[str, Any]]:
    if manifest is None:
        return None
    if file is not None:
        try:
            rel = file.resolve().relative_to(manifest.path.resolve().parent).as_posix()
        except (ValueError, OSError):
            pass
    return manifest.documents.get(rel)
