"""Arrow in and out: pyarrow, polars and DuckDB objects (through the Arrow PyCapsule
interface) give the answers the pandas and list paths give, dictionary-encoded texts
included; ``output="arrow"`` and ``Assessment.to_arrow()`` answer as pyarrow Tables.

Expected values are the hand-computed ones of the other tests: S2's 承诺件 of 5 working days
accepted 2026-09-30 10:00 is due 2026-10-13, the instant 2026-10-14 00:00+08:00
(test_pandas.py, README); case C1 with its suspension is on track, due 2026-10-19, and C2 red
on 2026-10-15 (test_pandas.py); S14's October for 张三 at W01 is 71 points, 40.00 yuan of
fines and 150.00 withheld, W01's own card 90 (test_assess.py).
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any, Dict, List

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import zhidu
import zhidu.pandas as zpd

CST = dt.timezone(dt.timedelta(hours=8))

STARTS = ["2026-09-30T10:00", "2101-01-06", "2026-10-10"]
DAYS = [5, 5, 3]

ZHANG: List[Dict[str, Any]] = [
    {"subject": "张三", "window": "W01", "at": "2026-10-09", "rule": "S14.att.1a", "quantity": 2},
    {"subject": "张三", "window": "W01", "at": "2026-10-12", "rule": "S14.att.2"},
    {"subject": "张三", "window": "W01", "at": "2026-10-20", "rule": "S14.att.6", "points": 15,
     "note": "收受礼品, 经查实"},
]

CASES: List[Dict[str, Any]] = [
    {"id": "C1", "class": "promised", "accepted_at": "2026-09-30T10:00", "days": 5,
     "events": "suspend 2026-10-09T10:00 expert_review; resume 2026-10-14T09:00"},
    {"id": "C2", "class": "promised", "accepted_at": "2026-09-30T10:00", "days": None,
     "events": None},
    {"id": "C3", "class": "nope", "accepted_at": "2026-09-30T10:00", "days": 5, "events": None},
]


def test_due_many_reads_every_arrow_column(s2: zhidu.Policy) -> None:
    expected = s2.due_many("promised", STARTS[:1] + STARTS[2:], [5, 3])
    starts = [dt.date(2026, 9, 30), dt.date(2026, 10, 10)]
    columns = [
        pa.array(STARTS[:1] + STARTS[2:]),
        pa.array(STARTS[:1] + STARTS[2:]).dictionary_encode(),
        pa.chunked_array([[STARTS[0]], [STARTS[2]]]),
        pa.array(STARTS[:1] + STARTS[2:], pa.large_string()),
        pl.Series(STARTS[:1] + STARTS[2:]),
        pl.Series(STARTS[:1] + STARTS[2:], dtype=pl.Categorical),
        pa.array([dt.datetime(2026, 9, 30, 10), dt.datetime(2026, 10, 10)], pa.timestamp("us")),
        pa.array([dt.datetime(2026, 9, 30, 2), dt.datetime(2026, 10, 9, 16)],
                 pa.timestamp("ns", "UTC")),
    ]
    for column in columns:
        got = s2.due_many("promised", column, pa.array([5, 3], pa.int8()))
        assert list(got) == list(expected), type(column)
    assert str(expected[0]) == "2026-10-13"
    # Dates (date32) count from the day: 2026-09-30 + 5 working days is 10-13 too.
    got = s2.due_many("promised", pa.array(starts, pa.date32()), 5)
    assert str(got[0]) == "2026-10-13"


def test_due_many_output_arrow(s2: zhidu.Policy) -> None:
    table = pa.table({"accepted_at": STARTS, "days": pa.array(DAYS, pa.int32())})
    with pytest.warns(zhidu.RowWarning) as w:
        out = s2.due_many("promised", table, output="arrow")
    assert w[0].message.indices == [1]  # type: ignore[union-attr]
    assert isinstance(out, pa.Table)
    assert out.column_names == ["due_date", "due_at", "error", "error_code"]
    assert out.schema.field("due_date").type == pa.date32()
    assert out.schema.field("due_at").type == pa.timestamp("s", "+08:00")
    rows = out.to_pylist()
    assert rows[0]["due_date"] == dt.date(2026, 10, 13)
    assert rows[0]["due_at"] == dt.datetime(2026, 10, 14, tzinfo=CST)
    assert rows[0]["error"] is None and rows[2]["error"] is None
    assert rows[1]["due_date"] is None and "2101" in rows[1]["error"]
    assert rows[1]["error_code"] == "coverage"
    # The pandas helper gives the same dates and instants.
    frame = zpd.due_frame(s2, "promised", pd.Series(STARTS), pd.Series(DAYS), errors="collect")
    assert out.column("due_at").to_pandas().equals(frame["due_at"].dt.tz_convert("+08:00")) or [
        r["due_at"] for r in rows] == [None if pd.isna(t) else t.to_pydatetime() for t in frame["due_at"]]
    # "collect": the table alone, errors in their rows; "raise": the first.
    assert s2.due_many("promised", table, errors="collect", output="arrow").equals(out)
    with pytest.raises(zhidu.InputError):
        s2.due_many("promised", table, errors="raise", output="arrow")
    # A polars DataFrame and a DuckDB relation are tables of due rows too.
    assert s2.due_many("promised", pl.from_arrow(table), errors="collect", output="arrow").equals(out)
    con = duckdb.connect()
    con.register("due_rows", table)
    rel = con.sql("select * from due_rows")
    assert s2.due_many("promised", rel, errors="collect", output="arrow").equals(out)


def test_due_many_refuses_what_is_not_a_start(s2: zhidu.Policy) -> None:
    with pytest.raises(zhidu.InputError, match="not dates"):
        s2.due_many("promised", pa.array([1, 2]))
    with pytest.raises(zhidu.InputError, match="Arrow type `Binary`"):
        s2.due_many("promised", pa.array([b"x"]))
    with pytest.raises(zhidu.InputError, match="no column `accepted_at`"):
        s2.due_many("promised", pa.table({"start": STARTS}))
    with pytest.raises(zhidu.InputError, match="`output`"):
        s2.due_many("promised", STARTS, output="frame")
    # A null start is a bad row, not a failed call.
    _, bad = s2.due_many("promised", pa.array([STARTS[0], None]), errors="collect")
    assert [i for i, _ in bad] == [1] and "missing" in str(bad[0][1])


#: DuckDB connections of the relations below, kept open while the tests read them.
_CONNECTIONS: List[Any] = []


def _duck(table: pa.Table) -> Any:
    """``table`` as a DuckDB relation (a query over it, in process)."""
    con = duckdb.connect()
    _CONNECTIONS.append(con)
    con.register("rows", table)
    return con.sql("select * from rows")


def _table(rows: List[Dict[str, Any]]) -> pa.Table:
    """Rows as an Arrow table with a column for every key of any row (null where absent)."""
    keys = list(dict.fromkeys(k for r in rows for k in r))
    return pa.table({k: [r.get(k) for r in rows] for k in keys})


def _arrow_cases() -> pa.Table:
    return _table(CASES)


def test_case_statuses_from_arrow_tables(s2: zhidu.Policy) -> None:
    as_of = dt.datetime(2026, 10, 15, 12)
    expected, bad = s2.case_statuses(CASES, as_of, errors="collect")
    assert [s.status if s else None for s in expected] == ["on_track", "red", None]
    assert [i for i, _ in bad] == [2]
    table = _arrow_cases()
    inputs = [
        table,
        table.to_batches()[0],
        pl.from_arrow(table),
        _duck(table),
        # Dictionary-encoded texts.
        table.set_column(1, "class", table.column("class").dictionary_encode()),
    ]
    for cases in inputs:
        got, bad = s2.case_statuses(cases, as_of, errors="collect")
        assert [s.to_dict() if s else None for s in got] == [
            s.to_dict() if s else None for s in expected], type(cases)
        assert [i for i, _ in bad] == [2]


def test_case_statuses_output_arrow(s2: zhidu.Policy) -> None:
    as_of = dt.datetime(2026, 10, 15, 12)
    out = s2.case_statuses(_arrow_cases(), as_of, errors="collect", output="arrow")
    assert out.num_rows == 3
    rows = out.to_pylist()
    assert (rows[0]["id"], rows[0]["status"], rows[0]["due_date"]) == (
        "C1", "on_track", dt.date(2026, 10, 19))
    assert rows[1]["status"] == "red" and rows[1]["error"] is None
    assert rows[2]["status"] is None and "nope" in rows[2]["error"]
    assert rows[2]["error_code"] == "unknown_class"
    # The columns of zhidu.pandas.case_frame, less `warnings`, plus `error_code`.
    expected = [c for c in zpd.CASE_COLUMNS if c != "warnings"] + ["error_code"]
    assert out.column_names == expected
    # Each field as CaseStatus.to_dict() has it.
    status = s2.case_statuses(CASES[:1], as_of)[0].to_dict()
    for name in ("limit", "remaining", "overdue_days", "unit", "clauses", "basis", "provisional"):
        assert rows[0][name] == status[name], name
    assert rows[0]["due_at"] == status["due_at"]
    empty = s2.case_statuses(_arrow_cases().slice(0, 0), as_of, output="arrow")
    assert empty.schema == out.schema and empty.num_rows == 0


def test_assess_from_arrow_with_dictionary_texts(ps: zhidu.PolicySet) -> None:
    s14 = ps.policy("s14-window-scorecard")
    expected = [c.to_dict() for c in s14.assess(ZHANG, "2026-10")]
    table = _table(ZHANG)
    encoded = table
    for name in ("subject", "window", "rule"):
        i = encoded.schema.get_field_index(name)
        encoded = encoded.set_column(i, name, encoded.column(name).dictionary_encode())
    for incidents in (table, encoded, pl.from_arrow(table), _duck(table)):
        got = s14.assess(incidents, "2026-10")
        assert [c.to_dict() for c in got] == expected, type(incidents)
    card = s14.assess(encoded, "2026-10")[0]
    assert (card.total, card.fines, card.withholdings) == (71, Decimal("40.00"), Decimal("150.00"))


def test_assess_row_errors_keep_their_rows(ps: zhidu.PolicySet) -> None:
    s14 = ps.policy("s14-window-scorecard")
    rows = ZHANG + [{"subject": "李四", "window": "W02", "at": "2026-10-09", "rule": "S14.nope"}]
    table = _table(rows)
    with pytest.warns(zhidu.RowWarning):
        a = s14.assess(table, "2026-10")
    assert [(e.input, e.row) for e in a.errors] == [("incident", 4)]
    with pytest.raises(zhidu.InputError):
        s14.assess(table, "2026-10", errors="raise")


def test_assessment_to_arrow(ps: zhidu.PolicySet) -> None:
    s14 = ps.policy("s14-window-scorecard")
    a = s14.assess(_table(ZHANG), "2026-10")
    people = a.to_arrow()
    assert people.num_rows == 1
    row = people.to_pylist()[0]
    assert (row["subject"], row["kind"], row["window"], row["period"]) == (
        "张三", "person", "W01", "2026-10")
    assert (row["att"], row["svc"], row["biz1"], row["biz_undefined"]) == (11, 20, 15, 25)
    assert (row["total"], row["bonus"]) == (71, 0)
    assert row["fines"] == Decimal("40.00") and row["withholdings"] == Decimal("150.00")
    assert row["effects"] == ["取消年度评先资格"]
    windows = a.to_arrow("window").to_pylist()
    assert [(w["subject"], w["total"]) for w in windows] == [("W01", 90)]
    assert a.to_arrow(None).num_rows == 2
    # The frame of zhidu.pandas holds the same cards.
    frame = zpd.scorecard_frame(a)
    assert list(frame["total"]) == people.column("total").to_pylist()
    empty = s14.assess([], "2026-10").to_arrow()
    assert empty.num_rows == 0 and empty.schema == people.schema
    with pytest.raises(zhidu.InputError):
        a.to_arrow("team")


def test_report_from_arrow_tables(ps: zhidu.PolicySet) -> None:
    s14 = ps.policy("s14-window-scorecard")
    expected = s14.report("2026-10", incidents=ZHANG).to_dict()
    got = s14.report("2026-10", incidents=_table(ZHANG)).to_dict()
    assert got == expected
    roster = pa.table({"subject": ["张三", "王五"], "window": ["W01", "W02"]})
    with_roster = s14.report("2026-10", incidents=pl.from_arrow(_table(ZHANG)),
                             roster=roster)
    subjects = [c["subject"] for c in with_roster.to_dict()["assessment"]["scorecards"]]
    assert "王五" in subjects


def test_a_column_is_no_rows(s2: zhidu.Policy) -> None:
    with pytest.raises(zhidu.InputError):
        s2.case_statuses(pa.array(["C1"]), dt.datetime(2026, 10, 15))
    with pytest.raises(zhidu.InputError):
        s2.case_statuses(pl.Series(["C1"]), dt.datetime(2026, 10, 15))


def test_pandas_inputs_keep_their_path(s2: zhidu.Policy) -> None:
    # pandas objects export Arrow too, but keep their index labels in errors.
    df = pd.DataFrame(CASES, index=[10, 20, 30])
    _, bad = s2.case_statuses(df, dt.datetime(2026, 10, 15, 12), errors="collect")
    assert [(i, e.label) for i, e in bad] == [(2, 30)]


def _stamp(table: pa.Table) -> Dict[str, Any]:
    """The stamp an Arrow answer carries in its schema metadata, parsed."""
    metadata = table.schema.metadata or {}
    return dict(json.loads(metadata[b"zhidu:stamp"]))


def test_arrow_answers_carry_the_policys_stamp(ps: zhidu.PolicySet, s2: zhidu.Policy) -> None:
    # S2's header (policies/s2-service-center.toml): version 2023-10-23, in force from
    # 2004-01-01; the hash is the set's, as the CLI's `stamp` field has it.
    expected = {"policy": "s2-service-center", "version": "2023-10-23",
                "effective_from": "2004-01-01", "hash": ps.content_hash}
    assert s2.stamp == expected
    table = pa.table({"accepted_at": STARTS, "days": pa.array(DAYS, pa.int32())})
    due = s2.due_many("promised", table, errors="collect", output="arrow")
    statuses = s2.case_statuses(_arrow_cases(), dt.datetime(2026, 10, 15, 12), errors="collect",
                                output="arrow")
    empty = s2.case_statuses(_arrow_cases().slice(0, 0), dt.datetime(2026, 10, 15, 12),
                             output="arrow")
    for answer in (due, statuses, empty):
        assert _stamp(answer) == expected
    s14 = ps.policy("s14-window-scorecard")
    cards = s14.assess(_table(ZHANG), "2026-10").to_arrow()
    assert _stamp(cards) == s14.stamp
    assert _stamp(cards)["policy"] == "s14-window-scorecard"
    assert _stamp(cards)["hash"] == ps.content_hash
