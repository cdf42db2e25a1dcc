"""Benchmark: scoring a province's month with `Policy.assess` on a pandas DataFrame, and the
same point table as a zen-engine (GoRules) decision table evaluated one incident per call.

    bindings/python/.venv/bin/python benches/python_assess.py [--rows N] [--repeat K]
        [--zen-rows M] [--no-zen]

N random incidents (default 1,000,000) of October 2026 under the S14 deduction table
(5,000 people at 60 windows, every rule that is not generated from overdue cases, 1–3 units,
the discretionary S14.att.6 and S14.svc.3 with chosen points) go through
`assess(df, period="2026-10", lines=False)`: reading the DataFrame column by column,
scoring (floors, bonuses, exact fines, effects, window cards) and building the cards.

zen-engine is never a dependency of zhidu: the script creates a temporary venv, runs
`pip install zen-engine` there, and skips the comparison if that fails. The decision table is
built from `Policy.deduction_table()` (one row per rule code: points and fine per unit times
the quantity) and evaluated in that venv one incident per call on the first M rows (default
20,000), summing points and fines per subject; its per-row answers are checked against
zhidu's scorecard lines. Numbers are measured, never asserted: run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from decimal import Decimal
from typing import Any, Dict, List

POLICY = "s14-window-scorecard"


def zen_table(table: Dict[str, Any]) -> Dict[str, Any]:
    """The deduction table's rules as a JDM decision table: rule code in, signed points and
    yuan of the incident out."""
    rows = []
    for i, r in enumerate(table["rules"]):
        if r["from_overdue_cases"] or r["kind"] == "effect_only":
            continue
        sign = -1 if r["kind"] == "deduction" else 1
        pts = r["points"]
        points = (f"{sign * pts['value']} * quantity" if pts["type"] == "fixed"
                  else f"{sign} * points * quantity")
        rows.append({"_id": f"r{i}", "in": json.dumps(r["code"]), "points": points,
                     "fine": f"{r['fine']} * quantity"})
    return {
        "nodes": [
            {"id": "request", "type": "inputNode", "name": "request", "position": {"x": 0, "y": 0}},
            {"id": "table", "type": "decisionTableNode", "name": "points", "position": {"x": 200, "y": 0},
             "content": {"hitPolicy": "first",
                         "inputs": [{"id": "in", "name": "rule", "field": "rule"}],
                         "outputs": [{"id": "points", "name": "points", "field": "points"},
                                     {"id": "fine", "name": "fine", "field": "fine"}],
                         "rules": rows}},
            {"id": "response", "type": "outputNode", "name": "response", "position": {"x": 400, "y": 0}},
        ],
        "edges": [
            {"id": "e1", "sourceId": "request", "targetId": "table", "type": "edge"},
            {"id": "e2", "sourceId": "table", "targetId": "response", "type": "edge"},
        ],
    }


def zen_worker(path: str) -> None:
    """Run inside the zen venv: evaluate each incident with one call, sum per subject."""
    import zen  # type: ignore[import-not-found]

    with open(path, encoding="utf-8") as f:
        job = json.load(f)
    decision = zen.ZenEngine().create_decision(json.dumps(job["table"]))
    rows = job["rows"]
    start, cpu = time.perf_counter(), time.process_time()
    points: Dict[str, float] = defaultdict(float)
    fines: Dict[str, float] = defaultdict(float)
    answers = []
    for row in rows:
        out = decision.evaluate(row)["result"]
        points[row["subject"]] += out["points"]
        fines[row["subject"]] += out["fine"]
        answers.append((out["points"], out["fine"]))
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    try:
        from importlib.metadata import version

        zen_version = version("zen-engine")
    except Exception:  # pragma: no cover
        zen_version = "?"
    json.dump({"seconds": elapsed, "cpu": cpu, "answers": answers, "version": zen_version},
              sys.stdout)


def zen_python() -> str | None:
    """A python with zen-engine installed, in a fresh temporary venv; None if it will not
    install here."""
    home = tempfile.mkdtemp(prefix="zen-venv-")
    try:
        subprocess.run([sys.executable, "-m", "venv", home], check=True, capture_output=True)
        py = os.path.join(home, "bin", "python")
        subprocess.run([py, "-m", "pip", "install", "--quiet", "zen-engine"], check=True,
                       capture_output=True, timeout=600)
        return py
    except (subprocess.SubprocessError, OSError) as e:
        print(f"zen-engine: not installable here ({type(e).__name__}); comparison skipped")
        shutil.rmtree(home, ignore_errors=True)
        return None


def incidents(n: int, table: Dict[str, Any]) -> Any:
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(2026)
    rules = [r for r in table["rules"] if not r["from_overdue_cases"] and r["kind"] != "effect_only"]
    codes = np.array([r["code"] for r in rules], dtype=object)
    pick = rng.integers(0, len(rules), size=n)
    people = np.array([f"员{i:04d}" for i in range(5000)], dtype=object)
    who = rng.integers(0, len(people), size=n)
    windows = np.array([f"W{i % 60 + 1:02d}" for i in range(5000)], dtype=object)
    start = np.datetime64("2026-10-01T08:00:00")
    at = start + rng.integers(0, 30 * 86400, size=n).astype("timedelta64[s]")
    points = np.full(n, np.nan)
    for i, r in enumerate(rules):
        if r["points"]["type"] == "range":
            mask = pick == i
            points[mask] = rng.integers(r["points"]["min"], r["points"]["max"] + 1, size=int(mask.sum()))
    return pd.DataFrame({
        "subject": people[who], "window": windows[who], "at": at, "rule": codes[pick],
        "quantity": rng.integers(1, 4, size=n), "points": points,
        # A chosen magnitude needs the assessor's reason (A6).
        "note": np.where(np.isnan(points), None, "考评小组评议"),
    })


def best(fn: Any, repeat: int) -> Any:
    """The best wall time of `repeat` runs, and that run's CPU time (on a shared machine the
    CPU time shows what waiting for a core hides)."""
    runs = []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        fn()
        runs.append((time.perf_counter() - t, time.process_time() - c))
    return min(runs)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--zen-rows", type=int, default=20_000)
    ap.add_argument("--no-zen", action="store_true")
    ap.add_argument("--zen-worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.zen_worker:
        zen_worker(args.zen_worker)
        return

    import zhidu

    policy = zhidu.PolicySet.builtin().policy(POLICY)
    table = policy.deduction_table()
    df = incidents(args.rows, table)
    n = len(df)
    print(f"{n:,} incidents, {df['subject'].nunique():,} people, {df['window'].nunique()} windows, "
          f"{df['rule'].nunique()} rules; zhidu {zhidu.__version__}, "
          f"ZHIDU_THREADS={os.environ.get('ZHIDU_THREADS', 'unset')}, {os.cpu_count()} CPUs")

    result: List[Any] = []
    t, cpu = best(lambda: result.append(policy.assess(df, period="2026-10", lines=False)), args.repeat)
    a = result[-1]
    assert not a.errors, a.errors[:3]
    print(f"zhidu assess(DataFrame, lines=False): {t:.3f} s  {n / t:,.0f} incidents/s  "
          f"(CPU {cpu:.3f} s: {n / cpu:,.0f}/s; {len(a):,} cards, "
          f"fines {sum((c.fines for c in a), Decimal(0)):,})")
    small = df.iloc[: min(n, 200_000)]
    t_lines, cpu_lines = best(lambda: policy.assess(small, period="2026-10"), args.repeat)
    print(f"zhidu assess(DataFrame, lines=True) on {len(small):,}: {len(small) / t_lines:,.0f} "
          f"incidents/s (CPU: {len(small) / cpu_lines:,.0f}/s)")
    records = small.assign(at=small["at"].dt.strftime("%Y-%m-%dT%H:%M:%S")).to_dict("records")
    for r in records:
        if r["points"] != r["points"]:
            del r["points"]
    t_dicts, cpu_dicts = best(lambda: policy.assess(records, period="2026-10", lines=False), args.repeat)
    print(f"zhidu assess(list of dicts, lines=False) on {len(records):,}: "
          f"{len(records) / t_dicts:,.0f} incidents/s (CPU: {len(records) / cpu_dicts:,.0f}/s)")

    if args.no_zen:
        return
    py = zen_python()
    if py is None:
        return
    m = min(args.zen_rows, n)
    rows = records[:m] if m <= len(records) else None
    if rows is None:
        sample = df.iloc[:m]
        rows = sample.assign(at=sample["at"].dt.strftime("%Y-%m-%dT%H:%M:%S")).to_dict("records")
    rows = [{k: (int(v) if k in ("quantity", "points") else v) for k, v in r.items()
             if not (isinstance(v, float) and v != v)} for r in rows]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump({"table": zen_table(table), "rows": rows}, f, ensure_ascii=False)
        job = f.name
    try:
        proc = subprocess.run([py, os.path.abspath(__file__), "--zen-worker", job],
                              capture_output=True, text=True, check=False)
    finally:
        os.unlink(job)
        shutil.rmtree(os.path.dirname(os.path.dirname(py)), ignore_errors=True)
    if proc.returncode != 0:
        print(f"zen-engine: the run failed; comparison skipped\n{proc.stderr[-2000:]}")
        return
    zen_out = json.loads(proc.stdout)
    zen_rate = m / zen_out["seconds"]
    zen_cpu_rate = m / zen_out["cpu"]
    # The same answers, row by row: zhidu's lines (person and window cards) by source row.
    lines: Dict[int, Any] = {}
    for card in policy.assess(rows, period="2026-10"):
        for line in card.lines:
            lines[line["source"]["row"]] = (line["points"], line["fine"])
    agree = sum(1 for i, (p, f) in enumerate(zen_out["answers"])
                if lines.get(i + 1) == (p, Decimal(str(f)).quantize(Decimal("0.01"))))
    print(f"zen-engine {zen_out['version']} decision table, one incident per evaluate() on {m:,}: "
          f"{zen_out['seconds']:.3f} s  {zen_rate:,.0f} incidents/s (CPU: {zen_cpu_rate:,.0f}/s; "
          f"table lookup and sums only: no floors, effects or cards)")
    print(f"same answers: {agree:,} of {m:,} rows")
    print(f"ratio: zhidu is {n / t / zen_rate:,.0f}× zen-engine per incident "
          f"(CPU time: {n / cpu / zen_cpu_rate:,.0f}×)")


if __name__ == "__main__":
    main()
