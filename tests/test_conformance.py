"""The conformance scorer's rules (bench/suites), and a smoke run of bench/conformance.py."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from conformance import accuracy_table  # noqa: E402
from suites.scoring import Case, Expected, Found, judge, same_span  # noqa: E402
from suites.dates import _matches as same_date  # noqa: E402
from suites.timeml import duration_value, interval_value  # noqa: E402

from claimcheck.models import DateInterval, DateMention  # noqa: E402

EXTBENCH = ROOT.parent / "shared" / "extbench"


def _equal(exp: Expected, found: Found) -> bool:
    return exp.value == found.value


def test_a_span_may_differ_only_by_leading_articles_or_prepositions():
    text = "It fell on the Friday before."
    gold = Expected(15, 21, "Friday", None, "date")
    assert same_span(text, gold, Found(8, 21, "on the Friday", None))
    assert same_span(text, gold, Found(15, 21, "Friday", None))
    assert not same_span(text, gold, Found(3, 21, "fell on the Friday", None))
    assert not same_span(text, gold, Found(15, 28, "Friday before", None))


def test_a_case_passes_only_when_every_expected_span_has_its_value():
    text = "10 and 20"
    case = Case("c", text, (Expected(0, 2, "10", 10, "integer"), Expected(7, 9, "20", 20, "integer")))
    both = [Found(0, 2, "10", 10), Found(7, 9, "20", 20)]
    assert judge(case, both, _equal).passed
    wrong = judge(case, [Found(0, 2, "10", 10), Found(7, 9, "20", 21)], _equal)
    assert not wrong.passed and [shape for shape, _ in wrong.problems] == ["wrong value integer"]
    missed = judge(case, both[:1], _equal)
    assert [shape for shape, _ in missed.problems] == ["missed integer"]
    wider = judge(case, [Found(0, 9, text, 10)], _equal)
    assert [shape for shape, _ in wider.problems] == ["other extent integer", "missed integer"]


def _date_found(text: str, first: str, last: str, precision: str) -> Found:
    interval = DateInterval(dt.date.fromisoformat(first), dt.date.fromisoformat(last), precision)
    return Found(0, len(text), text, DateMention(0, len(text), text, "RELATIVE", interval))


def _date_expected(first: str, last: str) -> Expected:
    return Expected(0, 0, "", frozenset({(dt.date.fromisoformat(first), dt.date.fromisoformat(last))}), "interval")


def test_seasons_compare_by_season_and_year_not_by_their_edges():
    summer = _date_found("this summer", "2013-06-01", "2013-08-31", "season")
    assert same_date(_date_expected("2013-06-21", "2013-09-23"), summer)
    assert not same_date(_date_expected("2012-06-21", "2012-09-23"), summer)
    assert not same_date(_date_expected("2013-09-22", "2013-12-21"), summer)
    winter = _date_found("this winter", "2012-12-01", "2013-02-28", "season")
    assert same_date(_date_expected("2012-12-21", "2013-03-20"), winter)


def test_parts_of_a_period_compare_by_period_and_edge():
    end_of_month = _date_found("the end of the month", "2013-02-16", "2013-02-28", "span")
    assert same_date(_date_expected("2013-02-21", "2013-02-28"), end_of_month)
    assert not same_date(_date_expected("2013-02-01", "2013-02-10"), end_of_month)  # the other edge
    assert not same_date(_date_expected("2013-03-21", "2013-03-31"), end_of_month)  # another month
    assert not same_date(_date_expected("2013-02-01", "2013-02-28"), end_of_month)  # the whole month
    start_of_year = _date_found("beginning of 2017", "2017-01-01", "2017-06-30", "span")
    assert same_date(_date_expected("2017-01-01", "2017-03-31"), start_of_year)
    # Without an edge word, a span must be the same days.
    days = _date_found("from Monday to Wednesday", "2013-02-11", "2013-02-13", "span")
    assert not same_date(_date_expected("2013-02-11", "2013-02-12"), days)


def test_extras_fail_only_a_case_that_expects_nothing():
    extra = [Found(0, 2, "10", 10)]
    positive = Case("p", "10 20", (Expected(3, 5, "20", 20, "integer"),))
    outcome = judge(positive, extra + [Found(3, 5, "20", 20)], _equal)
    assert outcome.passed and outcome.extras == extra
    negative = Case("n", "10 20", ())
    assert judge(negative, [], _equal).passed
    assert not judge(negative, extra, _equal).passed


def test_intervals_and_durations_become_timex3_values():
    def iv(start, end, precision):
        return interval_value(DateInterval(dt.date.fromisoformat(start), dt.date.fromisoformat(end), precision))

    assert iv("2013-03-22", "2013-03-22", "day") == "2013-03-22"
    assert iv("2013-03-18", "2013-03-24", "week") == "2013-W12"
    assert iv("2013-06-01", "2013-08-31", "season") == "2013-SU"
    assert iv("2013-01-01", "2013-03-31", "quarter") == "2013-Q1"
    assert iv("2012-12-01", "2012-12-10", "span") == "2012-12"
    assert duration_value("seven months") == "P7M"
    assert duration_value("a week") == "P1W"
    assert duration_value("three hours") == "PT3H"
    assert duration_value("several years") == "PXY"


@pytest.mark.skipif(not EXTBENCH.is_dir(), reason="the external suites are not here")
def test_the_readme_accuracy_table_is_what_the_script_prints():
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "conformance.py"), "--markdown",
                           "--extbench", str(EXTBENCH)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert accuracy_table(readme) == done.stdout.strip(), "run: python bench/conformance.py --update-readme"


@pytest.mark.skipif(not EXTBENCH.is_dir(), reason="the external suites are not here")
def test_the_conformance_script_scores_every_suite_on_a_small_sample():
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "conformance.py"), "--limit", "3",
                           "--extbench", str(EXTBENCH)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "te3: " in done.stdout and "rt_number: " in done.stdout and "duckling_time: " in done.stdout
    gold, found = map(int, re.search(r"(\d+) gold expressions, (\d+) found", done.stdout).groups())
    assert gold > 0 and found > 0
    assert re.search(r"rt_number +pass rate +\d+/3 ", done.stdout)


SAMPLE = ROOT / "tests" / "extbench_sample"
SAMPLE_SUITES = ("rt_number", "rt_percent", "rt_currency", "rt_datetime", "duckling_numeral",
                 "duckling_money", "duckling_duration", "duckling_time")


def test_the_conformance_script_runs_on_the_bundled_sample():
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "conformance.py"), "--extbench", str(SAMPLE),
                           "--show-failures", "rt_datetime"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert re.search(r"not found: .*te3, meantime_timex, meantime_values", done.stdout)
    for name in SAMPLE_SUITES:
        assert re.search(rf"^{name} +pass rate\S* .*?\d+/\d+ ", done.stdout, re.M), name
        assert re.search(rf"^{name}: .*\n  6 cases: \d+ passed, \d+ failed", done.stdout, re.M), name


def test_the_conformance_script_says_where_the_suites_are_missing(tmp_path):
    script = str(ROOT / "bench" / "conformance.py")
    for args in (["--extbench", str(tmp_path / "nowhere")], ["--extbench", str(tmp_path)],
                 ["--extbench", str(SAMPLE), "--suite", "te3"]):
        done = subprocess.run([sys.executable, script, *args], capture_output=True, text=True, timeout=60)
        assert done.returncode == 2 and done.stderr.startswith("Error: ") and done.stderr.count("\n") == 1, args
