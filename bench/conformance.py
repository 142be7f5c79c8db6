"""Measure claimcheck's number and date grammar against other projects' test suites.

Usage::

    python bench/conformance.py                      # every suite, summary then details
    python bench/conformance.py --suite rt_number    # one suite (repeatable)
    python bench/conformance.py --show-failures te3  # and every failure of a suite
    python bench/conformance.py --limit 20           # the first 20 cases or documents of each
    python bench/conformance.py --extbench DIR       # where the JSON Lines suites live
                                                     # (default: ../shared/extbench beside the repo)

The suites (see that folder's README) run through claimcheck's library functions:
``find_number_phrases`` for the number suites, ``find_date_mentions`` with the suite's
reference date as anchor for the date suites.

Scoring
-------
Recognizers-Text and Duckling are unit-test suites: each case passes or fails. The rules
(span matching, extras, categories and targets) are in ``bench/suites/scoring.py``; how
values are compared is in ``bench/suites/numbers.py`` and ``bench/suites/dates.py``.
TempEval-3 and MEANTIME are annotated news, scored as TempEval-3's official script does
with strict and relaxed span F1 and value F1 (``bench/suites/timeml.py``).

Published value F1 on TempEval-3 platinum: HeidelTime 77.61, SUTime 67.38 (UzZaman et
al. 2013).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Optional, Union

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from claimcheck import __version__  # noqa: E402
from suites import dates, numbers, timeml  # noqa: E402
from suites.scoring import CaseScores, CaseSuite  # noqa: E402
from suites.timeml import SpanScores, SpanSuite  # noqa: E402

DEFAULT_EXTBENCH = ROOT.parent / "shared" / "extbench"
README = ROOT / "README.md"
TABLE_START, TABLE_END = "<!-- accuracy-table -->", "<!-- /accuracy-table -->"
SUITES: dict[str, Union[CaseSuite, SpanSuite]] = {
    s.name: s for s in (*numbers.SUITES, *dates.SUITES, *timeml.SUITES)}
Scores = Union[CaseScores, SpanScores]
TOP_FAILURES = 10
# Published scores on the same data (UzZaman et al. 2013, TempEval-3 task A).
PUBLISHED = {("te3", "value F1"): "HeidelTime 77.61, SUTime 67.38"}


def summary_rows(scores: Scores) -> list[tuple[str, str, str, str, str, str]]:
    """(suite, measure, size, score, target, met) rows of the summary table."""
    if isinstance(scores, CaseScores):
        suite = scores.suite
        cases, passed = scores.tally(targeted=True)
        what = "pass rate" if suite.target_categories is None else \
            "pass rate, " + ", ".join(sorted(suite.target_categories)) + " cases"
        rate = 100 * passed / cases if cases else 0.0
        target = f"≥ {suite.target:g}%" if suite.target is not None else ""
        met = "" if suite.target is None else ("met" if rate >= suite.target else "not met")
        return [(suite.name, what, f"{passed}/{cases}", f"{rate:.1f}%", target, met)]
    rows = []
    targets = dict(scores.suite.targets)
    for measure, (_, _, f1) in scores.measures().items():
        if measure == "strict span" and measure not in targets:
            continue  # in the details; the summary shows what the targets are about
        target = targets.get(measure)
        rows.append((scores.suite.name, f"{measure} F1", f"{scores.gold} gold", f"{f1:.1f}",
                     "" if target is None else f"≥ {target:g}",
                     "" if target is None else ("met" if f1 >= target else "not met")))
    return rows


SUMMARY_HEADER = ("suite", "measure", "cases", "score", "target", "")


def summary(all_scores: list[Scores]) -> str:
    rows = [SUMMARY_HEADER] + [row for s in all_scores for row in summary_rows(s)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(SUMMARY_HEADER))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows)


def markdown_summary(all_scores: list[Scores]) -> str:
    """The summary as the README's Markdown table, with published scores where there are any."""
    lines = ["| suite | measure | cases | score | target | published |", "|---|---|---|---|---|---|"]
    for scores in all_scores:
        for name, measure, size, score, target, met in summary_rows(scores):
            published = PUBLISHED.get((name, measure), "")
            lines.append(f"| {name} | {measure} | {size} | {score} | {target} {met} | {published} |"
                         .replace("  |", " |"))
    return "\n".join(lines)


def details(scores: Scores) -> str:
    """What a suite's score is made of, and its most common failure shapes."""
    if isinstance(scores, SpanScores):
        lines = [f"{scores.suite.name}: {scores.suite.description}",
                 f"  {scores.gold} gold expressions, {scores.found} found",
                 f"  {'measure':<14}{'P':>8}{'R':>8}{'F1':>8}"]
        lines += [f"  {name:<14}{p:8.1f}{r:8.1f}{f:8.1f}" for name, (p, r, f) in scores.measures().items()]
        shapes = scores.shapes
    else:
        suite = scores.suite
        cases, passed = scores.tally()
        lines = [f"{suite.name}: {suite.description} ({suite.file})",
                 f"  {cases} cases: {passed} passed, {cases - passed} failed ({_rate(passed, cases)}); "
                 f"{scores.extras} extra spans found"]
        for category in scores.categories():
            n, ok = scores.tally(category=category)
            note = "target" if suite.target_categories and scores.targeted(category) else \
                "" if scores.targeted(category) else "not in the target"
            lines.append(f"    {category:<24}{n:>5} cases {ok:>5} passed {_rate(ok, n):>7}  {note}".rstrip())
        shapes = scores.shapes()
    if shapes:
        lines.append("  most common failures:")
        lines += [f"    {n:>4}  {shape}, e.g. {scores.example_of(shape)}"[:160]
                  for shape, n in shapes.most_common(TOP_FAILURES)]
    return "\n".join(lines)


def with_accuracy_table(readme: str, table: str) -> str:
    """``readme`` with ``table`` between its accuracy-table markers."""
    start, end = readme.index(TABLE_START) + len(TABLE_START), readme.index(TABLE_END)
    return f"{readme[:start]}\n{table}\n{readme[end:]}"


def accuracy_table(readme: str) -> str:
    """The table between the README's accuracy-table markers."""
    return readme[readme.index(TABLE_START) + len(TABLE_START):readme.index(TABLE_END)].strip()


def _rate(passed: int, cases: int) -> str:
    return f"{100 * passed / cases:.1f}%" if cases else "-"


def failures(scores: Scores) -> list[str]:
    return list(scores.failures) if isinstance(scores, SpanScores) else list(scores.failures())


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--extbench", type=Path, default=DEFAULT_EXTBENCH, help="folder of the suites' JSON Lines")
    parser.add_argument("--suite", choices=sorted(SUITES), action="append", help="run only this suite (repeatable)")
    parser.add_argument("--show-failures", choices=sorted(SUITES), action="append",
                        help="list every failure of this suite (repeatable)")
    parser.add_argument("--limit", type=int, help="only the first N cases or documents of each suite (smoke runs)")
    parser.add_argument("--markdown", action="store_true", help="print only the summary, as the README's Markdown table")
    parser.add_argument("--update-readme", action="store_true", help="write that table into README.md's Accuracy section")
    args = parser.parse_args(argv)
    if not args.extbench.is_dir():
        print(f"Error: no suites at {args.extbench} (give --extbench DIR)", file=sys.stderr)
        return 2
    missing = [name for name in args.suite or () if not (args.extbench / SUITES[name].file).is_file()]
    if missing:
        print(f"Error: {args.extbench} has no {SUITES[missing[0]].file} (suite {missing[0]})", file=sys.stderr)
        return 2
    names = args.suite or [name for name, suite in SUITES.items() if (args.extbench / suite.file).is_file()]
    if not names:
        print(f"Error: no suites at {args.extbench} (give --extbench DIR)", file=sys.stderr)
        return 2
    all_scores = [SUITES[name].score(args.extbench, args.limit) for name in names]
    if args.markdown:
        print(markdown_summary(all_scores))
        return 0
    if args.update_readme:
        README.write_text(with_accuracy_table(README.read_text(encoding="utf-8"), markdown_summary(all_scores)),
                          encoding="utf-8")
        print(f"wrote the accuracy table into {README}")
        return 0
    skipped = [name for name in SUITES if name not in names and not args.suite]
    print(f"{dt.date.today()} · claimcheck {__version__} · {args.extbench}"
          + (f" · first {args.limit} of each" if args.limit else "")
          + (f" · not found: {', '.join(skipped)}" if skipped else ""))
    print(summary(all_scores))
    for scores in all_scores:
        print()
        print(details(scores))
        if scores.suite.name in (args.show_failures or ()):
            print("\n".join("  " + line for line in failures(scores)))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # piped into head: stop quietly
        sys.stderr.close()
        sys.exit(0)
