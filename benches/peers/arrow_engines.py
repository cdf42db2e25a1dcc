"""Arrow rows of the peer harness (issue #16): `due_many` and `assess` from Arrow tables on
one thread, and the engine recipes (PySpark `mapInArrow`, Dask `map_partitions`, DuckDB
relations, Polars `map_batches`) over the same due rows, each checked against the
single-process answer. Called by peers.py in the same run as every other row.

An engine that is not installed (or, for Spark, has no Java) is left out with a note.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import time
from typing import Any, Callable, Dict, List, Optional, Tuple

import numpy as np

#: Rows each engine recipe gets: engines pay a start-up and a hop per batch, so they are
#: timed on a batch big enough for that to be amortised but small enough for one core.
ENGINE_ROWS = 1_000_000


def _best(fn: Callable[[], Any], repeat: int) -> Tuple[float, float, Any]:
    cpu, wall, out = float("inf"), float("inf"), None
    for _ in range(max(1, repeat)):
        c, t = time.process_time(), time.perf_counter()
        out = fn()
        wall = min(wall, time.perf_counter() - t)
        cpu = min(cpu, time.process_time() - c)
    return cpu, wall, out


def _one_thread() -> None:
    # The binding spreads big columns over threads; per-core figures use one.
    os.environ["ZHIDU_THREADS"] = "1"


def measure(zhidu: Any, starts: np.ndarray, days: np.ndarray, incidents: List[tuple], repeat: int,
            say: Callable[[str], None], engines: bool = True) -> Dict[str, Any]:
    """Every Arrow and engine figure: ``{"rows": [(name, host, rows, rate per CPU-second,
    rate by the wall clock, note)], "due_arrow": rate, "due_numpy": rate, "assess_arrow":
    rate, "notes": [...]}``; ``engines=False``: zhidu's own Arrow rows only
    (benches/python_arrow.py)."""
    out: Dict[str, Any] = {"rows": [], "notes": []}
    try:
        import pyarrow as pa
    except ImportError as e:
        out["notes"].append(f"pyarrow not installed here: {e}")
        return out
    previous = os.environ.get("ZHIDU_THREADS")
    _one_thread()
    try:
        _measure(zhidu, pa, starts, days, incidents, repeat, say, out, engines)
    finally:
        if previous is None:
            os.environ.pop("ZHIDU_THREADS", None)
        else:
            os.environ["ZHIDU_THREADS"] = previous
    return out


def _measure(zhidu: Any, pa: Any, starts: np.ndarray, days: np.ndarray, incidents: List[tuple],
             repeat: int, say: Callable[[str], None], out: Dict[str, Any],
             engines: bool = True) -> None:
    rows = out["rows"]
    ps = zhidu.PolicySet.builtin()
    s2, s14 = ps.policy("s2-service-center"), ps.policy("s14-window-scorecard")
    n = len(starts)

    # ---- due_many: numpy columns and an Arrow table, one thread each ----
    say("Arrow due_many …")
    # A 1 M-row call takes tens of milliseconds: more runs than the slow rows get, so the
    # best of them is not one preempted run (the three paths differ by a few per cent).
    due_repeat = max(repeat, 7)
    cpu, wall, by_numpy = _best(lambda: s2.due_many("promised", starts, days), due_repeat)
    out["due_numpy"] = n / cpu
    table = pa.table({"accepted_at": pa.array(starts, pa.date32()), "days": pa.array(days, pa.int32())})
    cpu, wall, answer = _best(lambda: s2.due_many("promised", table, output="arrow"), due_repeat)
    same = np.array_equal(answer.column("due_date").to_numpy().astype("datetime64[D]"), by_numpy)
    out["due_arrow"] = n / cpu
    rows.append(("zhidu `due_many(table, output=\"arrow\")` (date32, int32 → date32 `due_date`, "
                 "timestamp `due_at`)",
                 "Python", n, n / cpu, n / wall,
                 "1 thread; the numpy path's dates" if same else "DIFFERS from the numpy path"))
    cpu, wall, answer = _best(lambda: s2.due_many("promised", table), due_repeat)
    out["due_arrow_numpy"] = n / cpu
    same = np.array_equal(answer, by_numpy)
    rows.append(("zhidu `due_many(table)` (date32, int32 → numpy datetime64[D], as the numpy path)",
                 "Python", n, n / cpu, n / wall,
                 "1 thread; the numpy path's dates" if same else "DIFFERS from the numpy path"))

    # ---- assess from an Arrow table of dictionary-encoded texts ----
    say("Arrow assess …")
    subj, win, at, rule, points, note = (list(c) for c in zip(*incidents))
    inc = pa.table({
        "subject": pa.array(subj).dictionary_encode(),
        "window": pa.array(win).dictionary_encode(),
        "at": pa.array([dt.datetime.fromisoformat(a) for a in at], pa.timestamp("s", "+08:00")),
        "rule": pa.array(rule).dictionary_encode(),
        "points": pa.array(points, pa.int64()),
        "note": pa.array(note).dictionary_encode(),
    })
    m = inc.num_rows
    cpu, wall, assessed = _best(lambda: s14.assess(inc, period="2026-10", lines=False), min(repeat, 3))
    reference = s14.assess([dict(zip(("subject", "window", "at", "rule", "points", "note"), r))
                            for r in incidents[:200_000]], period="2026-10", lines=False)
    sub = s14.assess(inc.slice(0, 200_000), period="2026-10", lines=False)
    same = [c.to_dict() for c in sub] == [c.to_dict() for c in reference]
    out["assess_arrow"] = m / cpu
    rows.append(("zhidu `assess(table, lines=False)`, dictionary-encoded texts", "Python", m,
                 m / cpu, m / wall,
                 ("the dict path's cards (first 200,000 rows compared)" if same
                  else "DIFFERS from the dict path") + f"; {len(assessed.errors)} rows refused"))

    # ---- engines, each over the same due rows ----
    if not engines:
        return
    k = min(ENGINE_ROWS, n)
    base = table.slice(0, k)
    expected = s2.due_many("promised", base, output="arrow").column("due_date")
    for name, run in (("Polars", _polars), ("DuckDB", _duckdb), ("Dask", _dask), ("PySpark", _spark)):
        say(f"{name} recipe …")
        try:
            got = run(s2, base, pa, out, repeat)
        except ImportError as e:
            out["notes"].append(f"{name} not installed here: {e}")
            continue
        except Exception as e:  # noqa: BLE001 - one engine's failure is a note, not the run's end
            out["notes"].append(f"{name} recipe failed: {type(e).__name__}: {e}")
            continue
        if got is None:
            continue
        label, cpu, wall, dates = got
        if isinstance(dates, pa.Array):
            dates = pa.chunked_array([dates])
        same = dates.combine_chunks().equals(expected.combine_chunks())
        rows.append((label, "Python", k, k / cpu if cpu else None, k / wall,
                     ("the single-process dates" if same else "DIFFERS from the single process")))


def _polars(s2: Any, base: Any, pa: Any, out: Dict[str, Any], repeat: int) -> Any:
    import polars as pl

    frame = pl.from_arrow(base)

    def run() -> Any:
        return frame.lazy().map_batches(
            lambda df: pl.from_arrow(s2.due_many("promised", df, output="arrow")),
            validate_output_schema=False,
        ).collect()

    cpu, wall, got = _best(run, repeat)
    dates = got.get_column("due_date").to_arrow().cast(pa.date32())
    return (f"Polars {pl.__version__} `LazyFrame.map_batches` recipe", cpu, wall,
            pa.chunked_array([dates]))


def _duckdb(s2: Any, base: Any, pa: Any, out: Dict[str, Any], repeat: int) -> Any:
    import duckdb

    con = duckdb.connect()
    con.register("due_rows", base)

    def run() -> Any:
        answer = s2.due_many("promised", con.sql("select accepted_at, days from due_rows"),
                             output="arrow")
        return con.sql("select due_date from answer").fetch_arrow_table()

    cpu, wall, got = _best(run, repeat)
    return (f"DuckDB {duckdb.__version__} relation in and out recipe", cpu, wall,
            got.column("due_date").combine_chunks())


def _dask(s2: Any, base: Any, pa: Any, out: Dict[str, Any], repeat: int) -> Any:
    import dask
    import dask.dataframe as dd
    import pandas as pd

    import zhidu.pandas as zpd

    frame = dd.from_pandas(base.to_pandas(), npartitions=8)
    meta = zpd.due_frame(s2, "promised", base.column("accepted_at").to_pandas().iloc[:0]).iloc[:0]

    def run() -> Any:
        with dask.config.set(scheduler="threads", num_workers=1):
            return frame.map_partitions(
                lambda part: zpd.due_frame(s2, "promised", part["accepted_at"], part["days"]),
                meta=meta).compute()

    cpu, wall, got = _best(run, repeat)
    dates = pa.array(got["due_date"].dt.date.tolist(), pa.date32())
    del pd
    return (f"Dask {dask.__version__} `map_partitions` recipe (8 partitions, 1 thread)", cpu,
            wall, pa.chunked_array([dates]))


def _spark(s2: Any, base: Any, pa: Any, out: Dict[str, Any], repeat: int) -> Any:
    if shutil.which("java") is None:
        out["notes"].append("PySpark needs Java, not found: its recipe is not measured")
        return None
    import pyspark
    from pyspark.sql import SparkSession

    import zhidu.spark

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers: this interpreter
    spark = (SparkSession.builder.master("local[1]").appName("zhidu-bench")
             .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "1")
             .config("spark.sql.session.timeZone", "UTC").getOrCreate())
    try:
        ids = base.append_column("row", pa.array(np.arange(base.num_rows)))
        df = spark.createDataFrame(ids).cache()
        df.count()

        def run() -> Any:
            answer = zhidu.spark.due_dates(df, s2, "promised", days="days", keep=["row"])
            return pa.Table.from_batches(answer._collect_as_arrow())

        # Spark's work happens in its JVM and Python workers: by the wall clock only.
        _, wall, got = _best(run, min(repeat, 2))
        dates = got.sort_by("row").column("due_date").combine_chunks()
        return (f"PySpark {pyspark.__version__} `mapInArrow` recipe (local[1]; by the wall clock)",
                None, wall, pa.chunked_array([dates]))
    finally:
        spark.stop()


def targets(got: Dict[str, Any], zen_rate: Optional[float]) -> List[Tuple[str, str, str, bool]]:
    """The issue's targets for the Arrow rows, as peers.py lists targets."""
    out: List[Tuple[str, str, str, bool]] = []
    a = got.get("assess_arrow")
    if a:
        out.append(("Python `assess` from an Arrow table (issue #16)", "≥ 5 M incidents/s on one core",
                    f"{a / 1e6:.2f} M incidents/s (dictionary-encoded texts, lines off, 1 thread)",
                    a >= 5e6))
        if zen_rate:
            out.append(("Python `assess` from Arrow vs zen-engine, per incident", "≥ 250×",
                        f"{a / zen_rate:,.0f}× ({a / 1e6:.2f} M vs {zen_rate:,.0f} incidents/s)",
                        a / zen_rate >= 250))
    d, both, n = got.get("due_arrow_numpy"), got.get("due_arrow"), got.get("due_numpy")
    if d and n:
        # Like for like: the same answer (numpy dates) from an Arrow table and from numpy
        # arrays. Answering Arrow adds a column the numpy path does not compute (`due_at`),
        # so that ratio is shown beside it, not judged by it.
        also = f"; answering Arrow with `due_at` too: {both / n:.2f}× ({both / 1e6:.1f} M rows/s)" if both else ""
        out.append(("Python `due_many` from Arrow vs the numpy path", "≥ 1×",
                    f"{d / n:.2f}× ({d / 1e6:.1f} vs {n / 1e6:.1f} M rows/s, one thread each, "
                    f"both answering numpy dates){also}",
                    d >= n))
    return out


def section(got: Dict[str, Any], fmt_rate: Callable[[Optional[float]], str]) -> List[str]:
    """The RESULTS.md section of the Arrow and engine rows."""
    if not got.get("rows"):
        return []
    lines = [
        "## Arrow in and out, and the engines (issue #16)\n",
        "The Python binding reading Arrow tables (pyarrow here) and answering in Arrow, on one "
        "thread (`ZHIDU_THREADS=1`), and each engine recipe of the README (`zhidu.spark`, Dask "
        f"`map_partitions`, DuckDB relations, Polars `map_batches`) on the first "
        f"{ENGINE_ROWS:,} due rows, its dates compared with the single-process answer. An "
        "engine's rate includes its own overhead (scheduling, serialising batches, for Spark its "
        "JVM and Python workers): the figure to pick an engine by, not zhidu's speed.\n",
        "| path | host | rows | throughput (per CPU-second) | wall clock | answers |",
        "|---|---|---:|---:|---:|---|",
    ]
    for name, host, rows, rate, wall, note in got["rows"]:
        lines.append(f"| {name} | {host} | {rows:,} | {fmt_rate(rate) if rate else '—'} | {fmt_rate(wall)} | {note} |")
    lines.append("")
    return lines
