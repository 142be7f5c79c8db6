"""Documents -> per-document extraction results, cached and, for large corpora, in
several processes. Results come back in document order whatever the process count,
so the output is the same with ``--jobs 1`` and ``--jobs 8``."""

from __future__ import annotations

import gc
import os
import pickle
import sys
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Iterator, Optional, Union

from .cache import Entry, ResultCache, Stored
from .corpus import DocumentDraft
from .errors import PartialReadWarning
from .lexicon import Lexicon
from .models import Claim, Document, DocumentAnchor, Event
from .reading import Unusable

# Below this many documents one process is faster than starting others.
PARALLEL_MIN_DOCUMENTS = 16

Progress = Callable[[int, Optional[int]], None]  # (documents finished, documents in all when known)
Source = Union[Document, DocumentDraft]  # a document, or a draft still to be built
Built = Callable[[DocumentDraft, Optional[str]], None]  # a draft, and why its file is skipped (None: it was built)


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


@dataclass(frozen=True)
class Rendered:
    """A document's output, rendered where it was analysed (or taken from the cache),
    with what the process that writes it needs to know: no Document, no Claims."""

    id: str
    path: Optional[str]
    claims: int  # how many claims it holds
    problem: Optional[str]  # why the document could only be partly read, if it could
    text: str


# How ``render_documents`` renders a result: a format name (the cache keeps renderings
# by it, so it must name everything the output depends on) and a function, defined at
# the top of a module, so that worker processes can be given it.
Renderer = tuple[str, Callable[[Document, DocumentResult], str]]


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
    Drafts among them are built by the process that extracts them, and each one
    extracted is passed to ``built`` with None, or with the reason its file is skipped
    when it could not be built (and then it is not yielded); a draft whose result was
    in the cache is not.
    """
    return _Run(lexicon, options, anchors, jobs, cache, progress, built, None).outcomes(documents)  # type: ignore[return-value]


def render_documents(
    documents: Iterable[Source],
    lexicon: Lexicon,
    options: ExtractOptions,
    render: Renderer,
    *,
    jobs: int = 1,
    cache: Optional[ResultCache] = None,
    progress: Optional[Progress] = None,
    built: Optional[Built] = None,
) -> Iterator[Rendered]:
    """Like ``analyse_documents`` (without anchors), but each document comes out
    rendered by ``render``, in the process that analysed it: the Documents and their
    claims never travel between processes, and a warm cache hands back what an earlier
    run rendered without unpickling either."""
    return _Run(lexicon, options, None, jobs, cache, progress, built, render).outcomes(documents)  # type: ignore[return-value]


Outcome = Union[tuple[Document, DocumentResult], Rendered]


@dataclass(frozen=True)
class _Skipped:
    """What a draft that could not be built gives instead of an outcome."""

    reason: str


# A task: the document (or draft), its anchor, its cache entry's key and the entry
# found there (None, None when not cached), and the key of the result in the entry.
Task = tuple[Source, Optional[DocumentAnchor], Optional[str], Optional[Entry], str]


class _Run:
    """One call of ``analyse_documents`` or ``render_documents``."""

    def __init__(self, lexicon: Lexicon, options: ExtractOptions,
                 anchors: Optional[dict[str, Optional[DocumentAnchor]]], jobs: int,
                 cache: Optional[ResultCache], progress: Optional[Progress], built: Optional[Built],
                 render: Optional[Renderer]) -> None:
        self.lexicon, self.options, self.anchors = lexicon, options, anchors or {}
        self.jobs, self.cache, self.progress, self.built = jobs, cache or ResultCache(None), progress, built
        self.render = render
        # Only the topics' nouns and verbs vary with a manifest (the rest is data the code
        # digest covers); sorted, as a set's order changes from one process to the next.
        self.lexicon_key = (self.cache.key(lexicon.topics, sorted(lexicon.nouns.items()), sorted(lexicon.verbs.items()))
                            if self.cache.enabled else "")
        self.result_keys: dict[str, str] = {}  # repr(anchor) -> the key of a result in an entry
        self.done = 0

    def outcomes(self, documents: Iterable[Source]) -> Iterator[Outcome]:
        total = len(documents) if isinstance(documents, Sequence) else None
        # One window is extracted while the next is read (and the one before is written).
        with _Runner(self.jobs, self.lexicon, self.options, self.cache, self.render) as runner:
            in_flight = None
            for window in _windows(documents, WINDOW):
                submitted = self.submit(runner, window)
                if in_flight is not None:
                    yield from self.finish(*in_flight, total)
                in_flight = submitted
            if in_flight is not None:
                yield from self.finish(*in_flight, total)

    def result_key(self, anchor: Optional[DocumentAnchor]) -> str:
        """Where in an entry the result read with ``anchor`` (and these options) is kept."""
        if not self.cache.enabled:
            return ""
        seen = repr(anchor)
        if seen not in self.result_keys:
            self.result_keys[seen] = self.cache.key("result", self.options, anchor, self.lexicon_key)
        return self.result_keys[seen]

    def task(self, item: Source) -> Task:
        anchor = self.anchors.get(item.id)
        cache = self.cache
        if not cache.enabled:
            return item, anchor, None, None, ""
        if isinstance(item, DocumentDraft):
            key, entry = item.cache_key, item.entry
        else:  # a Document: found by the corpus loader, or keyed by all it holds
            recalled = cache.recall(item)
            key, entry = recalled if recalled else (cache.key("built document", item), None)
            if entry is None:
                found = cache.get(key)
                entry = found if isinstance(found, Entry) else None
        return item, anchor, key, entry, self.result_key(anchor)

    def submit(self, runner: "_Runner", window: list[Source]):
        tasks = [self.task(item) for item in window]
        stored: list[Optional[Stored]] = [entry.results.get(result_key) if entry else None
                                          for _, _, _, entry, result_key in tasks]
        todo = [i for i, hit in enumerate(stored) if hit is None]
        if self.cache.enabled:
            self.cache.hits += len(tasks) - len(todo)
            self.cache.misses += len(todo)
        return tasks, stored, todo, runner.submit([tasks[i] for i in todo])

    def finish(self, tasks: list[Task], stored: list[Optional[Stored]], todo: list[int], pending,
               total: Optional[int]) -> Iterator[Outcome]:
        outcomes: list[Optional[Outcome]] = [None] * len(tasks)
        for i, outcome in zip(todo, pending()):
            skipped = outcome if isinstance(outcome, _Skipped) else None
            item = tasks[i][0]
            if isinstance(item, DocumentDraft) and self.built is not None:
                self.built(item, skipped.reason if skipped else None)
            outcomes[i] = None if skipped else outcome
        for task, hit, outcome in zip(tasks, stored, outcomes):
            if hit is not None:
                outcome = self.from_cache(task, hit)
            if outcome is None:  # a draft that could not be built
                continue
            self.done += 1
            if self.progress:
                self.progress(self.done, total)
            yield outcome

    def from_cache(self, task: Task, hit: Stored) -> Outcome:
        item, _, key, entry, result_key = task
        if self.render is not None and self.render[0] in hit.renderings:
            return Rendered(item.id, item.path, hit.claims, hit.problem, hit.renderings[self.render[0]])
        doc = item.build() if isinstance(item, DocumentDraft) else item
        result = pickle.loads(hit.result)
        if self.render is None:
            return doc, result
        name, render = self.render
        text = render(doc, result)
        if key and entry:  # kept for the next run
            self.cache.put(key, entry.with_result(result_key, replace(hit, renderings={**hit.renderings, name: text})))
        return Rendered(item.id, item.path, hit.claims, hit.problem, text)


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


def _analyse_task(task: Task, lexicon: Lexicon, options: ExtractOptions, cache: ResultCache,
                  render: Optional[Renderer]) -> Union[Outcome, _Skipped]:
    """Analyse a document (building it first when it is a draft), keep the result in its
    cache entry, and give it back rendered when ``render`` is given; ``_Skipped`` when a
    draft could not be built."""
    item, anchor, key, entry, result_key = task
    if isinstance(item, DocumentDraft):
        try:
            doc = item.build()
        except Unusable as exc:
            return _Skipped(str(exc))
    else:
        doc = item
    result = analyse_document(doc, lexicon, options, anchor)
    text = render[1](doc, result) if render is not None else None
    if key and cache.enabled:
        stored = Stored(pickle.dumps(result, pickle.HIGHEST_PROTOCOL), len(result.claims), result.problem,
                        {render[0]: text} if render is not None and text is not None else {})
        entry = entry or Entry(pickle.dumps(doc, pickle.HIGHEST_PROTOCOL))
        cache.put(key, entry.with_result(result_key, stored))
    if render is not None:
        return Rendered(doc.id, doc.path, len(result.claims), result.problem, text)  # type: ignore[arg-type]
    return doc, result


def _prepare_grammars() -> None:
    """Import and compile what extraction uses, before worker processes are forked, so
    that they share it instead of each compiling its own (most of a second apiece)."""
    from . import claims, date_patterns, number_patterns, timeline  # noqa: F401  (what extraction imports)

    number_patterns.compile_all()
    date_patterns.compile_all()


class _Runner:
    """Runs extraction tasks in this process, or in a pool started on the first window
    large enough to be worth it and kept for the rest of the run."""

    def __init__(self, jobs: int, lexicon: Lexicon, options: ExtractOptions, cache: ResultCache,
                 render: Optional[Renderer]) -> None:
        self.jobs, self.lexicon, self.options, self.cache, self.render = jobs, lexicon, options, cache, render
        self.pool = None
        self.froze = False  # whether this runner froze the collector's view, to undo

    def __enter__(self) -> "_Runner":
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.terminate() if exc[0] else self.pool.close()
            self.pool.join()
        if self.froze:
            gc.unfreeze()

    def submit(self, tasks: list[Task]) -> Callable[[], list[Union[Outcome, _Skipped]]]:
        """Start the tasks; the returned function waits for their results, in order."""
        if self.jobs <= 1 or (self.pool is None and len(tasks) < PARALLEL_MIN_DOCUMENTS):
            results = [_analyse_task(task, self.lexicon, self.options, self.cache, self.render) for task in tasks]
            return lambda: results
        if self.pool is None:
            import multiprocessing

            # fork shares the imported modules and compiled patterns; elsewhere spawn re-imports.
            method = "fork" if sys.platform.startswith("linux") else "spawn"
            if method == "fork":
                _prepare_grammars()
                # What is alive now (modules, grammars, lexicon) outlives the pool: the
                # cyclic collector stops walking it, here and in the workers, where the
                # walk would also copy the pages they share with this process. Undone
                # on exit, unless someone else froze first.
                self.froze = not gc.get_freeze_count()
                gc.freeze()
            context = multiprocessing.get_context(method)
            self.pool = context.Pool(self.jobs, initializer=_init_worker,
                                     initargs=(self.lexicon, self.options, self.cache.directory, self.render))
        pending = self.pool.map_async(_work, tasks, chunksize=max(1, len(tasks) // (self.jobs * 4)))
        return pending.get


_worker_state: dict[str, object] = {}


def _init_worker(lexicon: Lexicon, options: ExtractOptions, cache_dir, render: Optional[Renderer]) -> None:
    _worker_state.update(lexicon=lexicon, options=options, cache=ResultCache(cache_dir), render=render)


def _work(task: Task) -> Union[Outcome, _Skipped]:
    state = _worker_state
    return _analyse_task(task, state["lexicon"], state["options"], state["cache"], state["render"])  # type: ignore[arg-type]
