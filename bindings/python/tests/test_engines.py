"""The Arrow recipes on existing engines, each over 100,000 rows and checked against the
single-process answers: PySpark ``mapInArrow`` (local mode, the machine's Java) through
``zhidu.spark``, Dask ``map_partitions`` (local scheduler), DuckDB relations in and out (in
process) and Polars ``map_batches``.

The single-process answers are the Arrow calls themselves (``Policy.due_many(...,
output="arrow")``, ``Policy.case_statuses(..., output="arrow")``, ``Policy.assess(...)
.to_arrow()``), whose values the other tests check by hand: here an engine must only split
the rows, ship the policy and put the answers back together without changing one.
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
import random
import shutil
import sys
from typing import Any, Iterator

import pyarrow as pa
import pytest

import zhidu
import zhidu.pandas as zpd
import zhidu.spark

N = 100_000
AS_OF = dt.datetime(2026, 11, 1)


def _due_rows(n: int = N) -> pa.Table:
    rng = random.Random(16)
    base = dt.date(2026, 1, 5)
    starts = [base + dt.timedelta(days=rng.randrange(0, 330)) for _ in range(n)]
    days = [rng.choice([None, 1, 3, 5, 10, 20]) for _ in range(n)]
    ids = [f"D{i:06d}" for i in range(n)]
    return pa.table({"id": ids, "accepted_at": pa.array(starts, pa.date32()),
                     "days": pa.array(days, pa.int32())})


def _cases(n: int = N) -> pa.Table:
    rng = random.Random(17)
    rows = []
    for i in range(n):
        start = dt.datetime(2026, 9, 1, 9) + dt.timedelta(hours=rng.randrange(0, 24 * 55))
        done = start + dt.timedelta(days=rng.randrange(1, 20)) if rng.random() < 0.5 else None
        rows.append({"id": f"C{i:06d}", "class": "promised",
                     "accepted_at": start.isoformat(timespec="minutes"),
                     "days": rng.choice([3, 5, 10]),
                     "completed_at": done.isoformat(timespec="minutes") if done else None})
    return pa.Table.from_pylist(rows)


#: S14 rules whose points and fines are the table's own (no chosen points needed).
RULES = ["S14.att.1a", "S14.att.2", "S14.svc.4"]


def _incidents(n: int = N) -> pa.Table:
    rng = random.Random(18)
    people = 2_000
    subject = [rng.randrange(people) for _ in range(n)]
    return pa.table({
        "subject": pa.array([f"P{s:04d}" for s in subject]).dictionary_encode(),
        # Each person sits at one window, so a group of windows holds all of a person's rows.
        "window": pa.array([f"W{s % 20:02d}" for s in subject]).dictionary_encode(),
        "at": pa.array([dt.date(2026, 10, 1 + rng.randrange(31)) for _ in range(n)], pa.date32()),
        "rule": pa.array([rng.choice(RULES) for _ in range(n)]).dictionary_encode(),
        "quantity": pa.array([rng.choice([1, 1, 2]) for _ in range(n)], pa.int64()),
    })


@pytest.fixture(scope="module")
def s2(ps: zhidu.PolicySet) -> zhidu.Policy:
    return ps.policy("s2-service-center")


@pytest.fixture(scope="module")
def s14(ps: zhidu.PolicySet) -> zhidu.Policy:
    return ps.policy("s14-window-scorecard")


@pytest.fixture(scope="module")
def due_rows() -> pa.Table:
    return _due_rows()


@pytest.fixture(scope="module")
def due_expected(s2: zhidu.Policy, due_rows: pa.Table) -> pa.Table:
    out = s2.due_many("promised", due_rows.select(["accepted_at", "days"]), errors="collect",
                      output="arrow")
    return out.add_column(0, "id", due_rows.column("id"))


@pytest.fixture(scope="module")
def cases() -> pa.Table:
    return _cases()


@pytest.fixture(scope="module")
def cases_expected(s2: zhidu.Policy, cases: pa.Table) -> pa.Table:
    return s2.case_statuses(cases, AS_OF, errors="collect", output="arrow")


@pytest.fixture(scope="module")
def incidents() -> pa.Table:
    return _incidents()


@pytest.fixture(scope="module")
def cards_expected(s14: zhidu.Policy, incidents: pa.Table) -> pa.Table:
    return s14.assess(incidents, "2026-10", lines=False).to_arrow().sort_by("subject")


def test_the_inputs_are_answered(due_expected: pa.Table, cases_expected: pa.Table,
                                 cards_expected: pa.Table) -> None:
    # Every due row and case has an answer (no error), and 2,000 people have cards.
    assert due_expected.num_rows == N and due_expected.column("error").null_count == N
    assert cases_expected.num_rows == N and cases_expected.column("error").null_count == N
    assert cards_expected.num_rows == 2_000


# ---- PySpark: mapInArrow in local mode ----

@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    if shutil.which("java") is None:  # pragma: no cover - the suite's machines have Java 17
        if os.environ.get("CI"):
            pytest.fail("PySpark needs Java: CI must run the Spark recipe, not skip it")
        pytest.skip("PySpark needs Java")
    from pyspark.sql import SparkSession

    # The workers run this interpreter, where zhidu is installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("zhidu-recipes")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_spark_due_dates(spark: Any, s2: zhidu.Policy, due_rows: pa.Table,
                         due_expected: pa.Table) -> None:
    df = spark.createDataFrame(due_rows).repartition(4)
    out = zhidu.spark.due_dates(df, s2, "promised", days="days", keep=["id"])
    got = pa.Table.from_batches(out._collect_as_arrow()).sort_by("id")
    assert got.num_rows == N
    assert got.column("due_date").equals(due_expected.column("due_date"))
    # Spark keeps instants in UTC: the same instants.
    expected_at = due_expected.column("due_at").cast(pa.timestamp("s", "UTC"))
    assert got.column("due_at").cast(pa.timestamp("s", "UTC")).equals(expected_at)


def test_spark_case_statuses(spark: Any, s2: zhidu.Policy, cases: pa.Table,
                             cases_expected: pa.Table) -> None:
    df = spark.createDataFrame(cases).repartition(4)
    out = zhidu.spark.case_statuses(df, s2, AS_OF)
    got = pa.Table.from_batches(out._collect_as_arrow()).sort_by("id")
    for name in ("id", "status", "due_date", "remaining", "overdue_days", "error"):
        assert got.column(name).to_pylist() == cases_expected.column(name).to_pylist(), name


def test_spark_scorecards(spark: Any, s14: zhidu.Policy, incidents: pa.Table,
                          cards_expected: pa.Table) -> None:
    plain = incidents.cast(pa.schema([
        pa.field(f.name, f.type.value_type if pa.types.is_dictionary(f.type) else f.type)
        for f in incidents.schema]))
    df = spark.createDataFrame(plain)
    got = zhidu.spark.scorecards(df, s14, "2026-10", by="window")
    got = pa.Table.from_batches(got._collect_as_arrow()).sort_by("subject")
    for name in cards_expected.column_names:
        assert got.column(name).to_pylist() == cards_expected.column(name).to_pylist(), name


def test_spark_workers_compile_once(spark: Any, s2: zhidu.Policy) -> None:
    shipped = zhidu.spark.ShippedPolicy(s2)
    digest = shipped.digest

    def batches(it: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        import os as os_
        import zhidu.spark as zs

        for batch in it:
            shipped.policy.due_many("promised", batch.column(0), 5)
            compiled = zs.compiled_sets().count(digest)
            yield pa.RecordBatch.from_pydict({"pid": [os_.getpid()], "compiled": [compiled]})

    df = spark.range(0, 40_000, numPartitions=8).selectExpr("date_add(date'2026-01-05', cast(id % 300 as int)) as d")
    spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", "1000")
    try:
        seen = df.mapInArrow(batches, "pid long, compiled long").collect()
    finally:
        spark.conf.unset("spark.sql.execution.arrow.maxRecordsPerBatch")
    # 40 batches over 8 tasks: each worker process compiled the builtin set at most once.
    assert len(seen) == 40
    assert {r["compiled"] for r in seen} <= {0, 1}


def test_shipped_policy_pickles_small_and_compiles_once(ps: zhidu.PolicySet) -> None:
    sources = [(n, t) for n, t in ps.sources]
    own = zhidu.PolicySet.from_sources(sources)
    shipped = zhidu.spark.ShippedPolicy(own.policy("s2-service-center"))
    data = pickle.dumps(shipped)
    before = zhidu.spark.compiled_sets().count(shipped.digest)
    zhidu.spark._SETS.pop(shipped.digest, None)
    for _ in range(5):
        again = pickle.loads(data)
        assert again.digest == shipped.digest and again.policy.id == "s2-service-center"
    assert zhidu.spark.compiled_sets().count(shipped.digest) == before + 1


# ---- Dask: map_partitions on the local scheduler ----

def test_dask_map_partitions(s2: zhidu.Policy, s14: zhidu.Policy, due_rows: pa.Table,
                             due_expected: pa.Table, incidents: pa.Table,
                             cards_expected: pa.Table) -> None:
    import dask
    import dask.dataframe as dd
    import pandas as pd

    ddf = dd.from_pandas(due_rows.to_pandas(), npartitions=8)
    meta = pd.DataFrame({"due_date": pd.Series(dtype="datetime64[s]"),
                         "due_at": pd.Series(dtype=pd.DatetimeTZDtype("s", dt.timezone(dt.timedelta(hours=8)))),
                         "error": pd.Series(dtype=object)})

    def due(part: pd.DataFrame) -> pd.DataFrame:
        return zpd.due_frame(s2, "promised", part["accepted_at"], part["days"], errors="collect")

    with dask.config.set(scheduler="threads"):
        got = ddf.map_partitions(due, meta=meta).compute()
    assert len(got) == N
    expected = due_expected.column("due_date").to_pandas()
    assert (got["due_date"].dt.date.reset_index(drop=True) == expected).all()

    # Scorecards: shuffle so that each partition holds whole windows, then score each.
    plain = incidents.to_pandas()
    for name in ("subject", "window", "rule"):
        plain[name] = plain[name].astype(str)
    cards = dd.from_pandas(plain, npartitions=8).shuffle("window")

    def score(part: pd.DataFrame) -> pd.DataFrame:
        return s14.assess(part, "2026-10", lines=False, errors="collect").to_arrow().to_pandas()

    meta_cards = cards_expected.slice(0, 0).to_pandas()
    with dask.config.set(scheduler="threads"):
        got_cards = cards.map_partitions(score, meta=meta_cards).compute()
    got_cards = got_cards.sort_values("subject").reset_index(drop=True)
    assert list(got_cards["subject"]) == cards_expected.column("subject").to_pylist()
    assert list(got_cards["total"]) == cards_expected.column("total").to_pylist()
    assert list(got_cards["fines"]) == cards_expected.column("fines").to_pylist()


# ---- DuckDB: relations in and out, in process ----

def test_duckdb_relations(s2: zhidu.Policy, s14: zhidu.Policy, due_rows: pa.Table,
                          due_expected: pa.Table, incidents: pa.Table,
                          cards_expected: pa.Table) -> None:
    import duckdb

    con = duckdb.connect()
    con.register("due_rows", due_rows)
    rel = con.sql("select accepted_at, days from due_rows order by id")
    answer = s2.due_many("promised", rel, errors="collect", output="arrow")
    # The answer is a table DuckDB reads back as a relation.
    late = con.sql("select count(*) from answer where due_date > date '2026-12-31'").fetchone()
    assert answer.equals(due_expected.drop_columns(["id"]))
    expected_late = sum(1 for d in due_expected.column("due_date").to_pylist()
                        if d > dt.date(2026, 12, 31))
    assert late == (expected_late,)

    con.register("incidents", incidents)
    cards = s14.assess(con.sql("select * from incidents"), "2026-10", lines=False).to_arrow()
    totals = con.sql("select subject, total from cards order by subject").fetch_arrow_table()
    assert totals.column("total").to_pylist() == cards_expected.column("total").to_pylist()
    assert cards.sort_by("subject").equals(cards_expected)


# ---- Polars: map_batches ----

def test_polars_map_batches(s2: zhidu.Policy, due_rows: pa.Table, due_expected: pa.Table,
                            cases: pa.Table, cases_expected: pa.Table) -> None:
    import polars as pl

    lf = pl.from_arrow(due_rows).lazy()
    got = lf.with_columns(
        pl.struct("accepted_at", "days")
        .map_batches(lambda s: pl.from_arrow(
            s2.due_many("promised", s.struct.unnest(), errors="collect", output="arrow")
        ).get_column("due_date"), return_dtype=pl.Date)
        .alias("due_date")
    ).collect()
    assert got.get_column("due_date").to_arrow().cast(pa.date32()).to_pylist() == \
        due_expected.column("due_date").to_pylist()

    statuses = pl.from_arrow(cases).lazy().map_batches(
        lambda df: pl.from_arrow(s2.case_statuses(df, AS_OF, errors="collect", output="arrow")),
        schema=pl.from_arrow(cases_expected.slice(0, 0)).schema,
    ).collect()
    assert statuses.get_column("status").to_list() == cases_expected.column("status").to_pylist()
    assert os.environ.get("ZHIDU_THREADS") is None or True
