"""Benchmark: reading results in Python, the path users hit after every batch call.

    bindings/python/.venv/bin/python benches/python_results.py [--cases N] [--repeat K]

For each result class with many instances per call (`Due`, `CaseStatus`, `Scorecard`,
`Decision`) it times, over a list of results computed once:

- every property read once per result (`[(r.a, r.b, ...) for r in results]`),
- `to_dict()` of every result,
- `repr()` of every result, and `==` between two equal lists of distinct objects.

It prints nanoseconds per result (CPU time of the process, best of K runs). The scoring of
the results themselves is not timed (see `python_assess.py`, `python_due_many.py`). Numbers
are measured, never asserted: run it on a quiet machine, and compare two builds in the same
run of the machine's load (issue #13 compared the hand-written classes with the generated
ones this way).
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from typing import Any, Callable, List

import zhidu


def best(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def props(results: List[Any], names: List[str]) -> Callable[[], Any]:
    return lambda: [[getattr(r, n) for n in names] for r in results]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=50_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    n = args.cases

    ps = zhidu.PolicySet.builtin()
    s2 = ps.policy("s2-service-center")
    s14 = ps.policy("s14-window-scorecard")
    start = dt.date(2026, 1, 5)
    def dues() -> List[Any]:
        return [s2.due("promised", start + dt.timedelta(days=i % 300), 1 + i % 20) for i in range(n)]

    cases = [
        {
            "id": f"C{i}",
            "class": "promised",
            "accepted_at": (dt.datetime(2026, 9, 1, 9) + dt.timedelta(hours=i % 700)).isoformat(),
            "days": 1 + i % 20,
            "handler": f"p{i % 500}",
            "window": f"W{i % 40:02}",
        }
        for i in range(n)
    ]
    def statuses() -> List[Any]:
        return list(s2.case_statuses(cases, "2026-10-15T12:00:00+08:00"))

    incidents = [
        {"subject": f"p{i % 2000}", "window": f"W{i % 40:02}", "at": f"2026-10-{1 + i % 28:02}T10:00",
         "rule": ["S14.att.1a", "S14.att.2", "S14.att.1b"][i % 3]}
        for i in range(n)
    ]
    def cards() -> List[Any]:
        return list(s14.assess(incidents, "2026-10"))

    violations = [
        {"subject": f"p{i % 5000}", "at": f"2026-{1 + i % 12:02}-{1 + i % 28:02}", "violation": "S2.zr.t1.1"}
        for i in range(min(n, 20_000))
    ]
    def decisions() -> List[Any]:
        return list(s2.decide(violations))


    classes = [
        ("Due", dues, ["due_date", "due_at", "limit", "unit", "warnings", "provisional", "basis"]),
        ("CaseStatus", statuses, ["id", "class_id", "status", "due_date", "due_at", "limit", "unit",
                                  "remaining", "overdue_days", "legal_due_date", "completed_at",
                                  "handler", "window", "clauses", "warnings", "provisional", "basis"]),
        ("Scorecard", cards, ["subject", "kind", "window", "period", "total", "bonus", "fines",
                              "withholdings", "categories", "effects"]),
        ("Decision", decisions, ["row", "subject", "at", "violation", "applied", "tier", "tier_name",
                                 "measures", "needs_review", "review_reasons", "escalation",
                                 "candidate_tier", "flags", "clauses", "note"]),
    ]
    print(f"zhidu {zhidu.__version__}; CPU ns per result, best of {args.repeat}")
    print(f"{'class':<11} {'results':>8} {'properties':>11} {'to_dict':>9} {'repr':>7} {'==':>7}")
    for name, compute, names in classes:
        results, twin = compute(), compute()  # equal, not the same objects
        k = len(results)
        t_props = best(props(results, names), args.repeat)
        t_dict = best(lambda: [r.to_dict() for r in results], args.repeat)
        t_repr = best(lambda: [repr(r) for r in results], args.repeat)
        t_eq = best(lambda: results == twin, args.repeat)
        print(f"{name:<11} {k:>8,} {t_props / k * 1e9:>11,.0f} {t_dict / k * 1e9:>9,.0f} "
              f"{t_repr / k * 1e9:>7,.0f} {t_eq / k * 1e9:>7,.0f}")


if __name__ == "__main__":
    main()
