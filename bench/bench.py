"""Benchmark claimcheck: startup against a floor, extraction against a ceiling.

    python bench/bench.py                    # 1,000 and 10,000 synthetic files (~10, ~100 MB)
    python bench/bench.py --n 100            # a quick smoke run
    python bench/bench.py --corpus-dir DIR   # keep the generated corpora in DIR and reuse them

Startup: `claimcheck --help` and `claimcheck diff troops` (bundled corpus, result cache
warm, as on every run after the first; and with `--no-cache`) against
bench/floor_app.py, a minimal Typer app with the same signature that prints a 4-row
Rich table. Extraction: `claimcheck claims --jsonl --no-cache DIR > /dev/null` over a
synthetic corpus (bench/synthetic.py) against bench/ceiling.py, one plain `regex`
findall of a number pattern over the same files; then, on the largest corpus, `--jobs 1`
against all cores and against as many `--jobs 1` processes started at once, each over
its share of the files (what the machine gives processes that share nothing: the
ceiling of any `--jobs`), and the first run into an empty cache against the second.
Runs are paired and alternate which goes first; the table gives medians with min-max,
the median of the paired ratios, the peak RSS of the child process (its largest process,
workers included), and the targets of issue 5. Nothing asserts a time. The result
cache lives in a temporary folder, never the user's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

import synthetic

BENCH = Path(__file__).resolve().parent
CACHE = Path(tempfile.mkdtemp(prefix="claimcheck-bench-cache-"))
# Timed commands may write .pyc files (the warm-up makes them), as an installed tool has
# them: pip compiles a package when it installs it. A PYTHONDONTWRITEBYTECODE inherited
# from the shell would make every run compile claimcheck from source.
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "CLAIMCHECK_CACHE_DIR": str(CACHE)}


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float  # the child's peak resident set size


def default_jobs() -> int:
    """What claimcheck's --jobs 0 means here: every core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def claimcheck_command() -> list[str]:
    """The installed claimcheck: the console script beside this Python, else ``-m``."""
    script = Path(sys.executable).with_name("claimcheck")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "claimcheck"]


def run_once(command: list[str]) -> Run:
    """Run ``command`` with its output thrown away; its wall time and peak RSS."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors, env=ENV)
        _, status, usage = os.wait4(child.pid, 0)  # this child's own rusage, not all children's
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            errors.seek(0)
            sys.exit(f"{' '.join(command)} exited with {child.returncode}:\n{errors.read().decode(errors='replace')}")
    return Run(seconds, usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


def run_at_once(commands: list[list[str]]) -> Run:
    """Start every command at the same moment; the wall time until the last one ends and
    the largest peak RSS among them."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        children = [subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors,
                                     env=ENV) for command in commands]
        peak = 0.0
        for child in children:
            _, status, usage = os.wait4(child.pid, 0)
            peak = max(peak, usage.ru_maxrss / 1024)
            if os.waitstatus_to_exitcode(status) != 0:
                errors.seek(0)
                sys.exit(f"{' '.join(child.args[:4])} ... exited with {os.waitstatus_to_exitcode(status)}:\n"
                         f"{errors.read().decode(errors='replace')}")
        return Run(time.perf_counter() - started, peak)


def rotated(runners: list, runs: int, label: str) -> list[list[Run]]:
    """``runs`` rounds of every runner (a function giving a Run), each round starting with
    the next one: the runs of each runner, in order."""
    results: list[list[Run]] = [[] for _ in runners]
    for i in range(runs):
        print(f"  {label} ... round {i + 1}/{runs}", file=sys.stderr, flush=True)
        for k in range(len(runners)):
            j = (i + k) % len(runners)
            results[j].append(runners[j]())
    return results


def paired(first: list[str], second: list[str], runs: int) -> tuple[list[Run], list[Run]]:
    """``runs`` runs of each command, alternating which one goes first."""
    a, b = rotated([lambda: run_once(first), lambda: run_once(second)], runs,
                   " ".join(Path(w).name for w in first[:3]))
    return a, b


@dataclass(frozen=True)
class Row:
    what: str
    ours: list[Run]
    reference_name: str
    reference: list[Run]
    target: str
    megabytes: float = 0.0  # the input size, for MB/s

    @property
    def ratios(self) -> list[float]:
        return [o.seconds / r.seconds for o, r in zip(self.ours, self.reference)]


def _times(runs: list[Run], megabytes: float) -> str:
    seconds = [r.seconds for r in runs]
    text = f"{statistics.median(seconds):.3f} s ({min(seconds):.2f}–{max(seconds):.2f})"
    return text + (f"\n{megabytes / statistics.median(seconds):.2f} MB/s" if megabytes else "")


def table(rows: list[Row], extra: list[tuple[str, str, str]]) -> Table:
    out = Table(caption="times and ratios: median (min–max) of paired runs", caption_justify="left")
    out.add_column("measurement", min_width=26)
    for name in ("claimcheck", "reference", "ratio", "target", "peak RSS"):
        out.add_column(name, no_wrap=True)
    for row in rows:
        ratios = row.ratios
        out.add_row(
            row.what,
            _times(row.ours, row.megabytes),
            f"{_times(row.reference, row.megabytes)}\n{row.reference_name}",
            f"{statistics.median(ratios):.2f}× ({min(ratios):.1f}–{max(ratios):.1f})",
            row.target,
            f"{max(r.peak_mib for r in row.ours):.0f} MiB",
        )
    for what, value, target in extra:
        out.add_row(what, value, "", "", target, "")
    return out


def corpus(n: int, seed: int, keep_in: Path | None, scratch: Path) -> tuple[Path, float]:
    """The synthetic corpus of ``n`` files (made, or reused from ``keep_in``) and its MB."""
    folder = (keep_in or scratch) / f"synthetic-{n}-seed{seed}-v{synthetic.GENERATOR_VERSION}"
    done = folder / ".complete"  # hidden: claimcheck skips it
    if not done.exists():
        synthetic.generate(folder, n, seed)
        done.touch()
    size = sum(p.stat().st_size for p in folder.glob("*.txt"))
    return folder, size / 1e6


def parallel_rows(claimcheck: list[str], folder: Path, megabytes: float, runs: int) -> list[Row]:
    """``--jobs 1`` against one process per core (the default), and against what this
    machine gives as many processes that share nothing: ``--jobs 1`` runs started at
    once, each over its share of the files: about the best any ``--jobs`` can hope for."""
    jobs = default_jobs()
    extract = [*claimcheck, "claims", "--jsonl", "--no-cache"]
    files = sorted(str(p) for p in folder.glob("*.txt"))
    shares = [[*extract, "--jobs", "1", *files[k::jobs]] for k in range(jobs)]  # every jobs-th file: even shares
    alone, every, apart = rotated([lambda: run_once([*extract, "--jobs", "1", str(folder)]),
                                   lambda: run_once([*extract, str(folder)]),
                                   lambda: run_at_once(shares)], runs, "claims --jobs 1 / default / shares")
    n = len(files)
    return [Row(f"claims --jsonl --jobs 1,\n{n:,} files", alone, f"--jobs {jobs} (default)", every,
                "≥ 1.7× (the ratio)", megabytes),
            Row(f"claims --jsonl --jobs 1,\n{n:,} files", alone,
                f"{jobs} × --jobs 1 at once,\neach on 1/{jobs} of the files", apart, "(this machine's\nceiling)",
                megabytes)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, action="append", help="corpus sizes in files (repeatable; default 1000 and 10000)")
    parser.add_argument("--runs", type=int, default=10, help="pairs of startup runs (default 10)")
    parser.add_argument("--extract-runs", type=int, default=3, help="pairs of extraction runs per size (default 3)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus-dir", type=Path, help="keep the generated corpora here and reuse them")
    args = parser.parse_args()
    sizes = sorted(set(args.n or [1000, 10000]))
    console = Console(width=None if sys.stdout.isatty() else 200)  # piped: as wide as the table needs
    claimcheck = claimcheck_command()
    floor = [sys.executable, str(BENCH / "floor_app.py")]
    ceiling = [sys.executable, str(BENCH / "ceiling.py")]
    version = subprocess.run([*claimcheck, "--version"], capture_output=True, text=True).stdout.strip()
    package = subprocess.run([sys.executable, "-c", "import claimcheck, os; print(os.path.dirname(claimcheck.__file__))"],
                             capture_output=True, text=True).stdout.strip()  # which copy is timed
    console.print(f"{dt.date.today()} · {version} · Python {platform.python_version()} · "
                  f"{os.cpu_count()} CPUs · {platform.machine()}\nclaimcheck: {' '.join(claimcheck)} ({package}); "
                  f"startup: {args.runs} pairs, extraction: {args.extract_runs} pairs per size")

    rows = []
    run_once([*claimcheck, "--help"]), run_once([*floor, "--help"])  # warm-up: caches and .pyc files
    run_once([*claimcheck, "diff", "troops"])  # fills the result cache, as any first run does
    startup = ((["--help"], [], "≤ 1.1×", ""), (["diff", "troops"], [], "≤ 1.3×", ",\nbundled corpus, cache warm"),
               (["diff", "troops"], ["--no-cache"], "(cold)", ",\nbundled corpus, --no-cache"))
    for args_, flags, target, note in startup:
        ours, ref = paired([*claimcheck, *args_, *flags], [*floor, *args_], args.runs)
        rows.append(Row("claimcheck " + " ".join(args_) + note, ours, "floor app", ref, target))

    extra = []
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as scratch:
        walls = {}
        for n in sizes:
            print(f"corpus of {n:,} files ...", file=sys.stderr, flush=True)
            folder, megabytes = corpus(n, args.seed, args.corpus_dir, Path(scratch))
            run_once([*ceiling, str(folder)])  # warm-up: the files into the page cache
            extract = [*claimcheck, "claims", "--jsonl", "--no-cache", str(folder)]
            ours, ref = paired(extract, [*ceiling, str(folder)], args.extract_runs)
            rows.append(Row(f"claims --jsonl > /dev/null,\n{n:,} files, {megabytes:.1f} MB", ours,
                            "plain regex findall", ref, "≤ 3× (stretch 2×)", megabytes))
            walls[n] = statistics.median(r.seconds for r in ours)
            if n == sizes[-1] and default_jobs() > 1:
                rows.extend(parallel_rows(claimcheck, folder, megabytes, args.extract_runs))
            if n == sizes[-1]:
                cached = [*claimcheck, "claims", "--jsonl", str(folder)]
                first, second = [], []
                for _ in range(args.extract_runs):
                    shutil.rmtree(CACHE, ignore_errors=True)
                    first.append(run_once(cached))
                    second.append(run_once(cached))
                rows.append(Row(f"claims --jsonl, first run\ninto an empty cache,\n{n:,} files", first,
                                "second run", second, "≥ 10× (the ratio)", megabytes))
        if len(sizes) > 1:
            small, large = sizes[0], sizes[-1]
            extra.append((f"wall {large:,} / {small:,} files", f"{walls[large] / walls[small]:.1f}",
                          f"≤ {1.1 * large / small:.0f} (linear)"))
        largest = next(r for r in rows if r.what.startswith("claims --jsonl >") and f"{sizes[-1]:,} files" in r.what)
        extra.append((f"peak RSS, {sizes[-1]:,} files", f"{max(r.peak_mib for r in largest.ours):.0f} MiB",
                      "≤ 100 MiB at 100 MB"))
    console.print(table(rows, extra))


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(CACHE, ignore_errors=True)
