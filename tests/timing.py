"""How the tests that guard against super-linear time measure it.

They compare a run with a yardstick (a simpler scan, a smaller input) on a machine that
other work shares. Other work only ever adds time, so the least of a few runs is the
truest figure, and a run stalled by another process gets another try; a pattern that
backtracks, or code that is quadratic, is slow on every try.
"""

from __future__ import annotations

import time
from typing import Callable, Optional

_FLOOR = 1e-3  # seconds: a ratio's yardstick is never taken as nothing


def least_time(fn: Callable[[], object], runs: int = 3, *, enough: Optional[float] = None,
               limit_reached: tuple[type[BaseException], ...] = (),
               clock: Callable[[], float] = time.perf_counter) -> float:
    """The least time of up to ``runs`` calls of ``fn`` (at least a millisecond), stopping
    at the first that takes less than ``enough``. A call that raises one of
    ``limit_reached`` (a time limit cut it off) counts as endlessly slow."""
    least = float("inf")
    for _ in range(runs):
        started = clock()
        try:
            fn()
        except limit_reached:
            continue
        least = min(least, max(clock() - started, _FLOOR))
        if enough is not None and least < enough:
            break
    return least
