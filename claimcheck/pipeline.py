"""Documents -> per-document extraction results, cached and, for large corpora, in
several processes. Results come back in document order whatever the process count,
so the output is the same with ``--jobs 1`` and ``--jobs 8``."""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Optional, Union

from .cache import ResultCache
from .corpus import DocumentDraft
from .errors import PartialReadWarning
from .lexicon import Lexicon
from .models import Claim, Document, DocumentAnchor, Event

# Below this many documents one process is faster than starting others.
PARALLEL_MIN_DOCUMENTS = 16

Progress = Callable[[int, Optional[int]], None]  # (documents finished, documents in all when known)
Source = Union[Document, DocumentDraft]  # a document, or a draft still to be built
Built = Callable[[DocumentDraft, Optional[Document]], None]  # a draft's Document, None when it gave up


@dataclass(frozen=True)
class ExtractOptions:
    keep_boilerplate: bool = False
    events: bool = False  # also read timeline events (needs each document's anchor)


@dataclass(frozen=True)
class DocumentResult:
    """What one document yields: its claims, its events when they were asked for, and
    why it could only be partly read, if it could (a pattern reached its time limit)."""

    claims: tuple[Claim, ...]
    events: tuple[Event, ...] = ()
    problem: Optional[str] = None


def analyse_document(doc: Document, lexicon: Lexicon, options: ExtractOptions,
                     anchor: Optional[DocumentAnchor] = None) -> DocumentResult:
    """Claims (and events) of one document, claims' time references resolved against
    ``anchor``; a pathological document gives what could be read and says why."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", PartialReadWarning)
        try:
            claims, events = _extract(doc, lexicon, options, anchor)
        except TimeoutError:  # splitting into sentences or words: nothing sensible to keep
            what = "claims and dates" if options.events else "claims"
            return DocumentResult((), (), f"{what} not read: splitting the text into sentences reached its time limit")
    partial = []
    for caught_warning in caught:
        if issubclass(caught_warning.category, PartialReadWarning):
            partial.append(str(caught_warning.message))
        else:  # not ours: pass it on as if it had not been caught
            warnings.warn_explicit(caught_warning.message, caught_warning.category,
                                   caught_warning.filename, caught_warning.lineno)
    more = f" (and {len(partial) - 1} more)" if len(partial) > 1 else ""
    return DocumentResult(tuple(claims), tuple(events), f"partly read: {partial[0]}{more}" if partial else None)


# What a task gives back: the Document built from a draft (None when the task was a
# built Document, or a draft that gave up) and the result (None when it gave up).
TaskResult = tuple[Optional[Document], Optional[DocumentResult]]


def _analyse_task(item: Source, lexicon: Lexicon, options: ExtractOptions,
                  anchor: Optional[DocumentAnchor]) -> TaskResult:
    """Analyse a document, building it first when it is a draft."""
    if not isinstance(item, DocumentDraft):
        return None, analyse_document(item, lexicon, options, anchor)
    try:
        doc = item.build()
    except TimeoutError:  # the regex backstop: linear patterns should never reach it
        return None, None
    return doc, analyse_document(doc, lexicon, options, anchor)


def _extract(doc, lexicon, options, anchor) -> tuple[list[Claim], list[Event]]:
    # The grammars compile on first use: a run whose results are all cached never needs them.
    from .claims import DocumentReading, claims_in

    day, assumed = (anchor.date, anchor.assumed) if anchor else (None, False)
    reading = DocumentReading(doc, lexicon, options.keep_boilerplate, day, assumed)
    claims = claims_in(reading)
    if not options.events:
        return claims, []
    from .timeline import events_in

    return claims, events_in(reading, claims)


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def analyse_documents(
    documents: Iterable[Source],
    lexicon: Lexicon,
    options: ExtractOptions,
    anchors: Optional[dict[str, Optional[DocumentAnchor]]] = None,
    *,
    jobs: int = 1,
    cache: Optional[ResultCache] = None,
    progress: Optional[Progress] = None,
    built: Optional[Built] = None,
) -> Iterator[tuple[Document, DocumentResult]]:
    """Each document with its result, in document order, as soon as it is ready.

    ``documents`` may be a stream: they are taken a window at a time, so memory holds
    one window whatever the corpus size (and ``progress`` is not told a total).
    Drafts among them are built by the process that extracts them, and each is passed
    to ``built`` with its Document (None when it gave up, and then it is not yielded).
    """
    cache = cache or ResultCache(None)
    anchors = anchors or {}
    total = len(documents) if isinstance(documents, Sequence) else None
    # Only the topics' nouns and verbs vary with a manifest (the rest is data the code
    # digest covers); sorted, as a set's order changes from one process to the next.
    lexicon_key = cache.key(lexicon.topics, sorted(lexicon.nouns.items()), sorted(lexicon.verbs.items())) if cache.enabled else ""
    done = 0

    def key(d: Document) -> Optional[str]:
        if not cache.enabled:
            return None
        return cache.key(d.id, d.text, d.parts, d.boilerplate, d.published, options, anchors.get(d.id), lexicon_key)

    def submit(window: list[Source]):
        # A draft's document is new (its bytes missed the cache), so its result is too.
        keys = [key(d) if isinstance(d, Document) else None for d in window]
        results: list[Optional[DocumentResult]] = [cache.get(k) if k else None for k in keys]
        todo = [i for i, hit in enumerate(results) if not isinstance(hit, DocumentResult)]
        return window, keys, results, todo, runner.submit([(window[i], anchors.get(window[i].id)) for i in todo])

    def finish(window, keys, results, todo, pending) -> Iterator[tuple[Document, DocumentResult]]:
        nonlocal done
        for i, (doc, result) in zip(todo, pending()):
            item = window[i]
            if isinstance(item, DocumentDraft):
                if built is not None:
                    built(item, doc)
                if doc is None:
                    continue
                window[i], keys[i] = doc, key(doc)
            results[i] = result
            if keys[i]:
                cache.put(keys[i], result)
        for doc, result in zip(window, results):
            if result is None:  # a draft that gave up
                continue
            done += 1
            if progress:
                progress(done, total)
            yield doc, result

    # One window is extracted while the next is read (and the one before is written).
    with _Runner(jobs, lexicon, options) as runner:
        in_flight = None
        for window in _windows(documents, WINDOW):
            submitted = submit(window)
            if in_flight is not None:
                yield from finish(*in_flight)
            in_flight = submitted
        if in_flight is not None:
            yield from finish(*in_flight)


WINDOW = 64  # documents in memory at once when streaming


def _windows(items: Iterable[Source], size: int) -> Iterator[list[Source]]:
    window: list[Source] = []
    for item in items:
        window.append(item)
        if len(window) == size:
            yield window
            window = []
    if window:
        yield window


class _Runner:
    """Runs extraction tasks in this process, or in a pool started on the first window
    large enough to be worth it and kept for the rest of the run."""

    def __init__(self, jobs: int, lexicon: Lexicon, options: ExtractOptions) -> None:
        self.jobs, self.lexicon, self.options = jobs, lexicon, options
        self.pool = None

    def __enter__(self) -> "_Runner":
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.terminate() if exc[0] else self.pool.close()
            self.pool.join()

    def submit(self, tasks: list[tuple[Source, Optional[DocumentAnchor]]]) -> Callable[[], list[TaskResult]]:
        """Start the tasks; the returned function waits for their results, in order."""
        if self.jobs <= 1 or (self.pool is None and len(tasks) < PARALLEL_MIN_DOCUMENTS):
            results = [_analyse_task(item, self.lexicon, self.options, anchor) for item, anchor in tasks]
            return lambda: results
        if self.pool is None:
            import multiprocessing

            # fork shares the imported modules and compiled patterns; elsewhere spawn re-imports.
            method = "fork" if sys.platform.startswith("linux") else "spawn"
            context = multiprocessing.get_context(method)
            self.pool = context.Pool(self.jobs, initializer=_init_worker, initargs=(self.lexicon, self.options))
        pending = self.pool.map_async(_work, tasks, chunksize=max(1, len(tasks) // (self.jobs * 4)))
        return pending.get


_worker_state: dict[str, object] = {}


def _init_worker(lexicon: Lexicon, options: ExtractOptions) -> None:
    _worker_state["lexicon"] = lexicon
    _worker_state["options"] = options


def _work(task: tuple[Source, Optional[DocumentAnchor]]) -> TaskResult:
    item, anchor = task
    return _analyse_task(item, _worker_state["lexicon"], _worker_state["options"], anchor)  # type: ignore[arg-type]
