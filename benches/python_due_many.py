"""Benchmark: zhidu's `due_many` on numpy datetime64[D] columns vs `numpy.busday_offset`.

    bindings/python/.venv/bin/python benches/python_due_many.py [--rows N] [--repeat K]

N random rows accepted 2024-01-01 … 2026-11-30 with 0–20 promised working days (S2 承诺件).
numpy gets the statutory holidays as its holiday list but cannot express make-up working days
(调休上班 Saturdays), so its answers are counted wrong where they differ from zhidu's. Prints
rows/s of both, their ratio, numpy's wrong rows, and the cost of one `due()` call. Numbers are
measured, never asserted: run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import time
import warnings

import numpy as np

import zhidu


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def holidays(policy: zhidu.Policy) -> tuple:
    """Holidays and make-up working days of 2024-2026 from the shipped calendar, read off
    explanations (each lists every day it passes with its kind)."""
    off, makeup = set(), set()
    start = dt.date(2023, 12, 31)
    while True:
        try:
            ex = policy.explain("promised", start, 10)
        except zhidu.CoverageError:
            break
        for d in ex.days:
            if d["kind"] == "holiday":
                off.add(d["date"])
            elif d["kind"] == "makeup_workday":
                makeup.add(d["date"])
        start = ex.due.due_date
    return sorted(off), sorted(makeup)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=2_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    n = args.rows

    p = zhidu.PolicySet.builtin().policy("s2-service-center")
    rng = np.random.default_rng(20261001)
    first, last = np.datetime64("2024-01-01"), np.datetime64("2026-11-30")
    starts = first + rng.integers(0, int((last - first).astype(int)), n).astype("timedelta64[D]")
    days = rng.integers(0, 21, n)

    off, makeup = holidays(p)
    hol = np.array(off, dtype="datetime64[D]")
    cal = np.busdaycalendar(weekmask="1111100", holidays=hol)

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no row may fail in this range
        ours = p.due_many("promised", starts, days)
    theirs = np.busday_offset(starts, days, roll="forward", busdaycal=cal)

    # busday_offset counts from the start day itself (rolled forward) while zhidu counts from
    # the day after (次日起算); for a start on a working day, both mean "n working days later".
    on_working_day = np.is_busday(starts, busdaycal=cal) & ~np.isin(starts, np.array(makeup, dtype="datetime64[D]"))
    compared = on_working_day & (days > 0)
    wrong = int(np.count_nonzero(ours[compared] != theirs[compared]))

    t_ours = best(lambda: p.due_many("promised", starts, days), args.repeat)
    t_np = best(lambda: np.busday_offset(starts, days, roll="forward", busdaycal=cal), args.repeat)

    # A sample checked against single calls, so the column is right as well as fast.
    idx = rng.integers(0, n, 2000)
    agree = all(
        p.due("promised", str(starts[i]), int(days[i])).due_date == ours[i].astype(object) for i in idx
    )

    CST = dt.timezone(dt.timedelta(hours=8))
    accepted = dt.datetime(2026, 9, 30, 10, tzinfo=CST)
    m = 200_000
    t_dt = best(lambda: [p.due("promised", accepted_at=accepted, days=5) for _ in range(m)], 3) / m
    t_str = best(lambda: [p.due("promised", "2026-09-30T10:00:00+08:00", 5) for _ in range(m)], 3) / m
    t_date = best(lambda: [p.due("promised", dt.date(2026, 9, 30), 5) for _ in range(m)], 3) / m

    threads = os.environ.get("ZHIDU_THREADS", "all cores")
    print(f"rows                          {n:,} (2024-01-01 … 2026-11-30, 0–20 working days)")
    print(f"zhidu due_many (threads: {threads:>9}) {n / t_ours / 1e6:8.1f} M rows/s  ({t_ours * 1e3:.1f} ms)")
    print(f"numpy busday_offset           {n / t_np / 1e6:8.1f} M rows/s  ({t_np * 1e3:.1f} ms)")
    print(f"ratio zhidu / numpy           {t_np / t_ours:8.2f} x")
    print(f"numpy wrong rows              {wrong:,} of {int(compared.sum()):,} comparable rows "
          f"({100 * wrong / max(1, int(compared.sum())):.1f} %; it has no 调休 make-up days: {len(makeup)} in 2024–2026)")
    print(f"zhidu agrees with due()       {agree} (2,000 sampled rows)")
    print(f"due() per call                {t_dt * 1e6:.2f} µs (aware datetime), "
          f"{t_str * 1e6:.2f} µs (ISO string), {t_date * 1e6:.2f} µs (date)")


if __name__ == "__main__":
    main()
