"""The `claimcheck` command: parses options, calls the library, picks a renderer.

Library modules are imported inside the commands so that `claimcheck --help`
stays fast.
"""

from __future__ import annotations

import codecs
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Callable, Iterator, List, Optional

import typer


from . import __version__
from .errors import ClaimcheckError, ExitCode

if TYPE_CHECKING:  # the library is imported inside the commands, so --help stays fast
    from .models import Corpus
    from .pipeline import Renderer
    from .report import ClaimsStream, Report

app = typer.Typer(
    name="claimcheck",
    help=(
        "Find the numbers and dates that news reports of one story disagree on.\n\n"
        "Reads plain-text articles (folders of .txt/.md files, files, or - for stdin); "
        "with no path it reads the bundled example corpus."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# --- options shared by every command (declared once) ------------------------------------

Paths = Annotated[
    Optional[List[str]],
    typer.Argument(help="Folders, files or - (stdin). Default: the bundled corpus.", show_default=False),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print one JSON document (schema in the README).")]
JsonlFlag = Annotated[bool, typer.Option("--jsonl", help='Print JSON Lines: {"type": ..., "data": ...} records, then a summary.')]
ManifestOpt = Annotated[
    Optional[Path],
    typer.Option("--manifest", help="Read document metadata and topics from this claimcheck.toml.", show_default=False),
]
KeepBoilerplateFlag = Annotated[
    bool, typer.Option("--keep-boilerplate", help="Also read numbers from page furniture (related articles, comments...).")
]
NoColorFlag = Annotated[bool, typer.Option("--no-color", help="Plain text (also when NO_COLOR is set or output is not a terminal).")]
DebugFlag = Annotated[bool, typer.Option("--debug", help="Show the full traceback of an error.")]
JobsOpt = Annotated[
    int, typer.Option("--jobs", "-j", help="Processes for large corpora (0: one per core).", show_default=True)
]
NoCacheFlag = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the per-document result cache.")]
PROGRESS_MIN_DOCUMENTS = 300  # fewer documents than this finish before a bar is worth drawing


@dataclass(frozen=True)
class OutputOptions:
    json: bool
    jsonl: bool
    no_color: bool
    debug: bool

    @property
    def machine(self) -> bool:
        return self.json or self.jsonl


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = None,
) -> None:
    """Find the numbers and dates that news reports of one story disagree on."""


# --- running a command -----------------------------------------------------------------


def _console(options: OutputOptions):
    from rich.console import Console

    # Rich itself turns colour off for NO_COLOR, TERM=dumb and output that is not a terminal.
    return Console(no_color=options.no_color or None, highlight=False, emoji=False, markup=False, soft_wrap=False)


@contextmanager
def _boundary(options: OutputOptions) -> Iterator[None]:
    """Where library errors, interrupts and output failures become one line and an exit
    status, and a progress bar is taken down whatever happened."""
    try:
        try:
            yield
        finally:
            _PROGRESS.close()
    except ClaimcheckError as exc:
        if options.debug:
            raise
        _fail(exc.message, exc.hint, exc.exit_code)
    except KeyboardInterrupt:
        _interrupted()
    except BrokenPipeError:
        _silence_stdout()  # `claimcheck claims | head`: the reader has all it wants
    except OSError as exc:  # a full disk, a failing device
        _silence_stdout()  # so the flush at exit does not fail a second time
        _fail(f"cannot write the output: {(exc.strerror or str(exc)).lower()}")


def _check_formats(options: OutputOptions) -> bool:
    """Refuse contradictory formats and set up the streams; True when JSON must be ASCII."""
    if options.json and options.jsonl:
        _fail("--json and --jsonl cannot be used together", "pick one output format")
    ascii_only = _prepare_streams(options.machine)
    if sys.stdout is None:  # started with `>&-`: there is nowhere to put the result
        _fail("standard output is closed")
    return ascii_only


def _run(options: OutputOptions, build: Callable[[], Report], to_json: Callable, to_tables: Callable) -> Report:
    """Build a report, print it in the chosen format; library errors become one line."""
    ascii_only = _check_formats(options)
    report = None
    with _boundary(options):
        report = build()
        _warn_about(report.corpus)
        if options.machine:
            render_json = _render("json")
            document = to_json(report)
            lines = [render_json.dumps(document, ascii_only)] if options.json else render_json.dumps_lines(document, ascii_only)
            for line in lines:
                sys.stdout.write(line + "\n")
            sys.stdout.flush()
        else:
            console = _console(options)
            markers = console.no_color or console.color_system is None
            for renderable in to_tables(report, markers):
                console.print(renderable)
    return report


def _render(name: str):
    """A renderer module, imported when it is used: JSON output never loads Rich's tables."""
    import importlib

    return importlib.import_module(f".render.{name}", __package__)


def _stream_jsonl(options: OutputOptions, build: Callable[[Renderer], ClaimsStream]) -> None:
    """JSON Lines written as each document is read, so memory stays flat on any corpus.
    Each document's lines are rendered where it is analysed (in the workers, when there
    are several): this process only writes them."""
    render_json = _render("json")

    ascii_only = _check_formats(options)
    with _boundary(options):
        stream = build(render_json.jsonl_renderer(ascii_only))
        for text in render_json.claims_stream_text(stream, ascii_only):
            sys.stdout.write(text)
        sys.stdout.flush()
        _warn_about(stream)


def _run_options(jobs: int, no_cache: bool):
    """Processes, cache and progress display for a command that extracts claims."""
    from .cache import ResultCache
    from .errors import ConfigError
    from .pipeline import default_jobs
    from .report import RunOptions

    if jobs < 0:
        raise ConfigError(f"--jobs must be 0 (one per core) or more, not {jobs}")
    return RunOptions(jobs or default_jobs(), ResultCache.default(enabled=not no_cache), _PROGRESS)


class _ProgressBar:
    """A Rich progress bar on stderr for large corpora, only when stderr is a terminal.

    With a known total it starts at once if there are enough documents; a stream
    (no total) gets a bar once enough documents have gone by. ``close`` ends it.
    """

    def __init__(self) -> None:
        self.bar = None
        self.task = None

    def __call__(self, done: int, total: Optional[int]) -> None:
        worth_it = total >= PROGRESS_MIN_DOCUMENTS if total else done == PROGRESS_MIN_DOCUMENTS
        if self.bar is None and worth_it and (done == 1 or not total) and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.task = self.bar.add_task("Reading documents", total=total)
            self.bar.start()
        if self.bar is not None:
            self.bar.update(self.task, completed=done)
            if total is not None and done >= total:
                self.close()  # before the tables are printed to the same terminal

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


_PROGRESS = _ProgressBar()  # one command per process: one bar, closed by _boundary


def _interrupted() -> None:
    _message("Interrupted.")
    raise typer.Exit(int(ExitCode.INTERRUPTED))


def _prepare_streams(machine: bool) -> bool:
    """Make printing safe whatever the terminal's encoding; True when JSON must be ASCII.

    Characters the encoding lacks become ``?`` in tables and ``\\uXXXX`` in messages
    and JSON (where the escape is exactly JSON's own), so no run ends in a
    UnicodeEncodeError. JSON for a stream that is not UTF-8 escapes everything
    outside ASCII, which loses nothing.
    """
    for stream, errors in ((sys.stdout, "backslashreplace" if machine else "replace"), (sys.stderr, "backslashreplace")):
        try:
            stream.reconfigure(errors=errors)  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            pass  # not a text stream we can adjust (None when closed, or a test double)
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        return not codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return True


def _warn_about(corpus: Corpus) -> None:
    """One stderr line per skipped file and per warning."""
    for skipped in corpus.skipped:
        _message(f"Warning: skipped {skipped.path}: {skipped.reason}")
    for warning in corpus.warnings:
        where = f"{warning.path}:{warning.line}" if warning.line else warning.path
        _message(f"Warning: {where}: {warning.message}")


def _one_line(text: str) -> str:
    """``text`` with control characters (line breaks, escape sequences...) shown as
    escapes, so a file name can neither break a message in two nor drive the terminal."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii") for ch in text)


def _message(text: str) -> None:
    typer.echo(_one_line(text), err=True)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, ValueError, OSError):
        pass  # not a real file (a test's capture): nothing is left to flush at exit


def _fail(message: str, hint: Optional[str] = None, code: int = ExitCode.USAGE) -> None:
    _message(f"Error: {message}" + (f" ({hint})" if hint else ""))
    raise typer.Exit(int(code))


# --- commands ---------------------------------------------------------------------------


@app.command()
def diff(
    topic: Annotated[
        Optional[str],
        typer.Argument(
            help="What to compare: a topic (troops, deaths, shells, cost...) or any counted noun. "
            "Omit it to summarise every topic that has a conflict.",
            show_default=False,
        ),
    ] = None,
    paths: Paths = None,
    tolerance: Annotated[
        float, typer.Option("--tolerance", help="Relative slack for approximate figures ('about 14,000').")
    ] = 0.05,
    check: Annotated[bool, typer.Option("--check", help="Exit with status 1 when any figures conflict.")] = False,
    manifest: ManifestOpt = None,
    keep_boilerplate: KeepBoilerplateFlag = False,
    jobs: JobsOpt = 0,
    no_cache: NoCacheFlag = False,
    json: JsonFlag = False,
    jsonl: JsonlFlag = False,
    no_color: NoColorFlag = False,
    debug: DebugFlag = False,
) -> None:
    """Show every figure on TOPIC, which ones conflict, and what may explain it.

    Example: claimcheck diff troops ./articles
    """
    from .report import build_diff_report

    path_list = list(paths or [])
    if topic is not None and not path_list and _names_a_path(topic):
        path_list.insert(0, topic)  # `claimcheck diff ./folder`: the first argument is a path
        topic = None
    options = OutputOptions(json, jsonl, no_color, debug)
    report = _run(
        options,
        lambda: build_diff_report(topic, path_list, _path(manifest), keep_boilerplate, tolerance,
                                  _run_options(jobs, no_cache)),
        lambda report: _render("json").diff_document(report),
        lambda report, markers: _render("table").diff_renderables(report, markers),
    )
    if check and report.has_conflicts:
        raise typer.Exit(int(ExitCode.CONFLICTS))


@app.command()
def claims(
    paths: Paths = None,
    topic: Annotated[Optional[str], typer.Option("--topic", "-t", help="Only claims on this topic or counted noun.")] = None,
    manifest: ManifestOpt = None,
    keep_boilerplate: KeepBoilerplateFlag = False,
    jobs: JobsOpt = 0,
    no_cache: NoCacheFlag = False,
    json: JsonFlag = False,
    jsonl: JsonlFlag = False,
    no_color: NoColorFlag = False,
    debug: DebugFlag = False,
) -> None:
    """List every quantitative claim: value, what it counts, topic, who says it, when."""
    from .report import build_claims_report, stream_claims

    options = OutputOptions(json, jsonl, no_color, debug)
    if jsonl and not json and topic is None:
        _stream_jsonl(options, lambda render: stream_claims(paths or [], _path(manifest), keep_boilerplate,
                                                            _run_options(jobs, no_cache), render))
        return
    _run(
        options,
        lambda: build_claims_report(paths or [], topic, _path(manifest), keep_boilerplate, _run_options(jobs, no_cache)),
        lambda report: _render("json").claims_document(report),
        lambda report, markers: _render("table").claims_renderables(report),
    )


@app.command()
def sources(
    paths: Paths = None,
    manifest: ManifestOpt = None,
    json: JsonFlag = False,
    jsonl: JsonlFlag = False,
    no_color: NoColorFlag = False,
    debug: DebugFlag = False,
) -> None:
    """Show each document's date, outlet and title (and where each came from), its
    articles, and the page furniture left out of claims."""
    from .report import build_sources_report

    _run(
        OutputOptions(json, jsonl, no_color, debug),
        lambda: build_sources_report(paths or [], _path(manifest)),
        lambda report: _render("json").sources_document(report),
        lambda report, markers: _render("table").sources_renderables(report),
    )


@app.command()
def timeline(
    keyword: Annotated[
        Optional[str],
        typer.Argument(help="Only events whose sentence mentions this word (or topic, e.g. troops).", show_default=False),
    ] = None,
    paths: Paths = None,
    as_of: Annotated[
        Optional[str],
        typer.Option("--as-of", help="Resolve relative dates in undated documents against this date (YYYY-MM-DD).",
                     show_default=False),
    ] = None,
    date_from: Annotated[
        Optional[str], typer.Option("--from", help="Only events on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).", show_default=False)
    ] = None,
    date_to: Annotated[
        Optional[str], typer.Option("--to", help="Only events on or before this date (YYYY-MM-DD, YYYY-MM or YYYY).", show_default=False)
    ] = None,
    check: Annotated[bool, typer.Option("--check", help="Exit with status 1 when sources date one happening differently.")] = False,
    manifest: ManifestOpt = None,
    keep_boilerplate: KeepBoilerplateFlag = False,
    jobs: JobsOpt = 0,
    no_cache: NoCacheFlag = False,
    json: JsonFlag = False,
    jsonl: JsonlFlag = False,
    no_color: NoColorFlag = False,
    debug: DebugFlag = False,
) -> None:
    """Show dated events across sources in date order, which sources date the same
    happening differently, and what each relative date was resolved against.

    Example: claimcheck timeline troops ./articles --from 2025-01
    """
    from .report import build_timeline_report, parse_date_option

    path_list = list(paths or [])
    if keyword is not None and not path_list and _names_a_path(keyword):
        path_list.insert(0, keyword)
        keyword = None

    def build():
        return build_timeline_report(
            keyword,
            path_list,
            _path(manifest),
            as_of=parse_date_option(as_of, "--as-of", day_only=True),
            date_from=parse_date_option(date_from, "--from"),
            date_to=parse_date_option(date_to, "--to", last_day=True),
            keep_boilerplate=keep_boilerplate,
            run=_run_options(jobs, no_cache),
        )

    report = _run(OutputOptions(json, jsonl, no_color, debug), build,
                  lambda report: _render("json").timeline_document(report),
                  lambda report, markers: _render("timeline_table").timeline_renderables(report, markers))
    if check and report.has_conflicts:
        raise typer.Exit(int(ExitCode.CONFLICTS))


cache_app = typer.Typer(
    help="Show or clear the cache of per-document results (kept in the user cache folder).",
    no_args_is_help=True,
)
app.add_typer(cache_app, name="cache")


@cache_app.command("info")
def cache_info() -> None:
    """Where the cache is, and how many entries and bytes it holds."""
    from .cache import cache_dir, cache_usage

    count, size = cache_usage()
    typer.echo(f"{cache_dir()}: {count} entries, {size:,} bytes")


@cache_app.command("clear")
def cache_clear() -> None:
    """Delete every cached result (they are rebuilt on the next run)."""
    from .cache import cache_dir, clear_cache

    count, size = clear_cache()
    typer.echo(f"Removed {count} entries ({size:,} bytes) from {cache_dir()}")


def _names_a_path(arg: str) -> bool:
    """Whether the first argument of `diff` or `timeline` is a path rather than a word.

    A word the lexicon knows stays a topic even when a folder of that name exists.
    """
    if arg == "-" or "/" in arg or os.sep in arg or arg.lower().endswith((".txt", ".md")):
        return True
    if not arg.strip() or not Path(arg).exists():
        return False
    from .lexicon import default_lexicon

    return default_lexicon().topic_for_word(arg) is None


def _path(path: Optional[Path]) -> Optional[str]:
    return str(path) if path is not None else None


def main() -> None:
    """Console entry point: maps interrupts and broken pipes to quiet exits."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("Interrupted.\n")
        sys.exit(int(ExitCode.INTERRUPTED))
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(int(ExitCode.OK))
