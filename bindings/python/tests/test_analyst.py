"""The package as an analyst meets it (issue #14, points 7, 8, 9 and 11): no batch call drops
a row without a word, pandas' shapes of ids and missing values, the containers read or
refused, and ``as_of`` as users mean it.

Expected values are computed by hand from the regulations: S14.att.1a (迟到) −1 each
(「每人次扣1分」), S14.att.2 (打瞌睡) −2 (「每人次扣2分」); a card starts at 90, the four
categories' maxima 30 + 20 + 15 + 25 (业务管理's undefined 25 points granted in full, A9).
"""

from __future__ import annotations

import datetime as dt
import json
import warnings
from decimal import Decimal
from typing import Any, Dict, Iterator, List

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import zhidu

CST = dt.timezone(dt.timedelta(hours=8))

INCIDENTS: List[Dict[str, Any]] = [
    {"subject": "张三", "window": "W01", "at": "2026-10-09", "rule": "S14.att.1a", "quantity": 2},
    {"subject": "张三", "window": "W01", "at": "2026-10-12", "rule": "S14.att.2"},
    {"subject": "李四", "window": "W02", "at": "2026-10-13", "rule": "S14.att.2"},
]
# 张三: 90 − 2×1 − 2 = 86; 李四: 90 − 2 = 88.
TOTALS = {"张三": 86, "李四": 88}
TYPO = dict(INCIDENTS[2], rule="S14.att.22")


@pytest.fixture(scope="module")
def s14(ps: zhidu.PolicySet) -> zhidu.Policy:
    return ps.policy("s14-window-scorecard")


def totals(cards: zhidu.Assessment) -> Dict[str, int]:
    return {c.subject: c.total for c in cards if c.kind == "person"}


def no_warnings() -> Any:
    ctx = warnings.catch_warnings()
    ctx.__enter__()
    warnings.simplefilter("error")
    return ctx


# -- 7. Never drop rows silently ---------------------------------------------------------------


def test_a_mistyped_rule_code_warns_by_default(s14: zhidu.Policy) -> None:
    rows = INCIDENTS[:2] + [TYPO]
    with pytest.warns(zhidu.RowWarning) as record:
        out = s14.assess(rows, period="2026-10", roster={"李四": "W02"})
    # 李四 is at the full 90 because the row was dropped: the warning says so.
    assert totals(out) == {"张三": 86, "李四": 90}
    (w,) = [r.message for r in record]
    assert isinstance(w, zhidu.RowWarning)
    assert (w.count, w.indices, w.labels) == (1, [2], [2])
    assert "1 of 3 rows failed (rows 3); incident row 3:" in str(w)
    assert "S14.att.22" in str(w)


def test_assess_raise_and_collect(s14: zhidu.Policy) -> None:
    rows = INCIDENTS[:2] + [TYPO]
    with pytest.raises(zhidu.InputError) as info:
        s14.assess(rows, period="2026-10", errors="raise")
    e = info.value
    assert (e.index, e.label) == (2, 2)
    assert str(e).startswith("incident row 3: ")
    assert isinstance(e.__cause__, zhidu.ZhiduError) and e.__cause__.index == 2
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = s14.assess(rows, period="2026-10", errors="collect")
    ((kind, row, err),) = out.errors
    assert (kind, row, err.index, err.help) == ("incident", 3, 2, "did you mean `S14.att.2`?")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        clean = s14.assess(INCIDENTS, period="2026-10")     # no bad row: no warning
    assert totals(clean) == TOTALS


def test_decide_and_report_warn_raise_collect(s2: zhidu.Policy) -> None:
    violations = [
        {"subject": "赵敏", "at": "2026-10-15", "violation": "S2.zr.t1.1"},
        {"subject": "钱七", "at": "2026-10-16", "violation": "S2.zr.t1.9"},   # no such clause
    ]
    with pytest.warns(zhidu.RowWarning, match=r"1 of 2 rows failed \(rows 2\); violation row 2"):
        d = s2.decide(violations)
    assert [x.subject for x in d] == ["赵敏"] and d.errors[0].row == 2
    with pytest.raises(zhidu.InputError, match="violation row 2"):
        s2.decide(violations, errors="raise")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(s2.decide(violations, errors="collect").errors) == 1

    cases = [
        {"id": "A", "class": "promised", "accepted_at": "2026-10-12T09:00", "days": 5,
         "handler": "王五", "window": "W01", "completed_at": "2026-10-13T10:00"},
        {"id": "B", "class": "promsied", "accepted_at": "2026-10-12T09:00", "days": 5},
    ]
    with pytest.warns(zhidu.RowWarning, match=r"\(rows 2\); case row 2"):
        r = s2.report("2026-10", cases=cases, violations=violations[:1])
    assert r.case_errors[0].row == 2
    with pytest.raises(zhidu.InputError, match="case row 2"):
        s2.report("2026-10", cases=cases, errors="raise")
    with pytest.raises(zhidu.InputError, match="errors"):
        s2.report("2026-10", cases=cases, errors="ignore")


def test_every_batch_call_takes_errors(s2: zhidu.Policy, s14: zhidu.Policy) -> None:
    import zhidu.pandas as zpd

    bad_case = [{"id": "B", "class": "promised", "accepted_at": "not a date", "days": 5}]
    calls = [
        lambda errors: s2.due_many("promised", ["not a date"], days=5, errors=errors),
        lambda errors: s2.case_statuses(bad_case, "2026-10-15T12:00", errors=errors),
        lambda errors: s14.assess([TYPO], period="2026-10", errors=errors),
        lambda errors: s2.decide([{"subject": "x", "at": "2026-10-01", "violation": "nope"}],
                                 errors=errors),
        lambda errors: s2.report("2026-10", cases=bad_case, errors=errors),
        lambda errors: s2.case_changes(s2, bad_case, "2026-10-15T12:00", errors=errors),
        lambda errors: zpd.due_frame(s2, "promised", pd.Series(["not a date"]), 5,
                                     errors=errors),
        lambda errors: zpd.case_frame(s2, bad_case, "2026-10-15T12:00", errors=errors),
    ]
    for call in calls:
        with pytest.warns(zhidu.RowWarning):
            call("warn")
        with pytest.raises(zhidu.InputError):
            call("raise")
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            call("collect")


# -- 8. DataFrames as pandas gives them ----------------------------------------------------------


def test_numeric_ids_read_as_the_cli_reads_them(s2: zhidu.Policy) -> None:
    frame = pd.DataFrame({
        "id": [1001, 1002],
        "class": ["promised", "promised"],
        "accepted_at": pd.to_datetime(["2026-10-12 09:00", "2026-10-12 09:00"]),
        "days": [5, 5],
    })
    statuses = s2.case_statuses(frame, "2026-10-15T12:00")
    assert [s.id for s in statuses] == ["1001", "1002"]
    # A column with a gap is float64: 1001.0 is the id `1001`, NaN a missing id.
    gaps = frame.assign(id=[1001.0, np.nan])
    assert gaps["id"].dtype == np.float64
    out, bad = s2.case_statuses(gaps, "2026-10-15T12:00", errors="collect")
    assert out[0].id == "1001" and out[1] is None
    assert bad[0][0] == 1 and bad[0][1].row_error["field"] == "id"


def test_every_missing_value_is_missing(s14: zhidu.Policy) -> None:
    base = pd.DataFrame(INCIDENTS)
    forms = {
        "None": base.assign(note=[None, None, None]),
        "NaN": base.assign(note=[np.nan, np.nan, np.nan]),
        "NaT": base.assign(note=[pd.NaT, pd.NaT, pd.NaT]),
        "pd.NA": base.assign(note=pd.array([pd.NA, pd.NA, pd.NA], dtype="string")),
        "Int64 NA": base.assign(quantity=pd.array([2, pd.NA, pd.NA], dtype="Int64")),
        "object NA": base.assign(quantity=pd.Series([2, pd.NA, None], dtype=object)),
    }
    for name, frame in forms.items():
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert totals(s14.assess(frame, period="2026-10")) == TOTALS, name
            # The same rows as dicts (pandas' records keep the missing markers).
            records = frame.to_dict("records")
            assert totals(s14.assess(records, period="2026-10")) == TOTALS, name


def test_row_errors_carry_the_index_label(s2: zhidu.Policy, s14: zhidu.Policy) -> None:
    frame = pd.DataFrame(INCIDENTS[:2] + [TYPO], index=["r1", "r2", "r3"])
    with pytest.warns(zhidu.RowWarning) as record:
        out = s14.assess(frame, period="2026-10")
    assert record[0].message.labels == ["r3"]              # type: ignore[union-attr]
    ((kind, row, err),) = out.errors
    assert (row, err.index, err.label) == (3, 2, "r3")

    accepted = pd.Series(["2026-10-12", "bad", "2101-01-05"], index=[10, 20, 30])
    _, bad = s2.due_many("promised", accepted, days=5, errors="collect")
    assert [(i, e.label) for i, e in bad] == [(1, 20), (2, 30)]
    with pytest.warns(zhidu.RowWarning) as record:
        s2.due_many("promised", accepted, days=5)
    assert record[0].message.labels == [20, 30]            # type: ignore[union-attr]
    with pytest.raises(zhidu.InputError) as info:
        s2.due_many("promised", accepted, days=5, errors="raise")
    assert (info.value.index, info.value.label) == (1, 20)

    cases = pd.DataFrame(
        [{"id": "A", "class": "promised", "accepted_at": "x", "days": 5}], index=["case-A"]
    )
    _, bad = s2.case_statuses(cases, "2026-10-15T12:00", errors="collect")
    assert bad[0][1].label == "case-A"


# -- 9. Containers read or refused, never misread -----------------------------------------------


def test_tables_of_every_library_are_read_as_rows(s14: zhidu.Policy) -> None:
    frame = pd.DataFrame(INCIDENTS)
    columns = {k: [r.get(k) for r in INCIDENTS] for k in frame.columns}

    def gen() -> Iterator[Dict[str, Any]]:
        yield from INCIDENTS

    forms = {
        "pandas": frame,
        "polars": pl.DataFrame(INCIDENTS),
        "pyarrow": pa.Table.from_pylist(INCIDENTS),
        "dict of lists": columns,
        "dict of arrays": {k: np.array(v, dtype=object) for k, v in columns.items()},
        "generator": gen(),
        "selection": frame[["subject", "at", "rule", "quantity"]],
    }
    for name, rows in forms.items():
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert totals(s14.assess(rows, period="2026-10")) == TOTALS, name
    # A selection of two columns, where two are all a roster has.
    roster = pd.DataFrame({"subject": ["王五"], "window": ["W03"], "x": [1]})[["subject", "window"]]
    assert totals(s14.assess([], period="2026-10", roster=roster)) == {"王五": 90}


def test_cases_frames_are_read_as_rows(s2: zhidu.Policy) -> None:
    cases = [
        {"id": "A", "class": "promised", "accepted_at": "2026-10-12T09:00", "days": 5},
        {"id": "B", "class": "promised", "accepted_at": "2026-10-12T09:00", "days": 1},
        {"id": "C", "class": "promised", "accepted_at": "2026-10-14T09:00", "days": 5},
    ]
    # Due: A 10-16, B 10-12 (24:00), C 10-20; at 10-15 12:00 B is overdue.
    for rows in (pd.DataFrame(cases), pl.DataFrame(cases), pa.Table.from_pylist(cases)):
        out = s2.case_statuses(rows, "2026-10-15T12:00")
        assert [s.id for s in out] == ["A", "B", "C"]
        assert out[1].status == "red" and out[2].status != "red"


def test_containers_that_are_not_rows_are_refused(s2: zhidu.Policy, s14: zhidu.Policy) -> None:
    frame = pd.DataFrame(INCIDENTS)
    refused = [
        frame["rule"],                          # a Series iterates its values
        frame.to_numpy(),
        pl.DataFrame(INCIDENTS)["rule"],
        pl.DataFrame(INCIDENTS).lazy(),
        pa.Table.from_pylist(INCIDENTS).column("rule"),
        "S14.att.2",
        INCIDENTS[0],                           # one row: wrap it in a list
    ]
    for rows in refused:
        with pytest.raises(TypeError, match="pandas or polars DataFrame, a pyarrow Table"):
            s14.assess(rows, period="2026-10")
    with pytest.raises(TypeError, match="one column"):
        s2.due_many("promised", pd.DataFrame({"accepted_at": ["2026-10-12"], "days": [5]}))
    # One column of any library is read.
    for column in (pd.Series(["2026-09-30"]), pl.Series(["2026-09-30"]), pa.array(["2026-09-30"]),
                   pa.chunked_array([["2026-09-30"]])):
        assert [str(d) for d in s2.due_many("promised", column, days=5)] == ["2026-10-13"]


# -- 11. Instants as users mean them -------------------------------------------------------------


def test_as_of_a_bare_date_is_its_start_and_warns(root: Any, s2: zhidu.Policy) -> None:
    cases = [json.loads(line) for line in open(root / "examples/2026-10/cases.jsonl", encoding="utf-8")]
    # Checked against the CLI: `zhidu report --policy s2-service-center --period 2026-10
    # --cases examples/2026-10/cases.jsonl --format json` (as_of: the end of the month,
    # 2026-10-31T23:59:59+08:00) lists 19 red cases; with `--as-of 2026-10-31` (00:00) 14.
    with pytest.warns(zhidu.AsOfWarning, match=r"zhidu.end_of_day\(\"2026-10-31\"\)"):
        early = s2.report("2026-10", cases=cases, as_of="2026-10-31")
    assert len(early.red) == 14
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        end = s2.report("2026-10", cases=cases, as_of=zhidu.end_of_day("2026-10-31"))
        default = s2.report("2026-10", cases=cases)
    assert len(end.red) == len(default.red) == 19
    # A `datetime.date` is a bare date too; a datetime never warns.
    with pytest.warns(zhidu.AsOfWarning):
        s2.case_statuses(cases[:1], dt.date(2026, 10, 31))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s2.case_statuses(cases[:1], dt.datetime(2026, 11, 1))
        at_end = s2.case_status(cases[0], zhidu.end_of_day(dt.date(2026, 10, 31)))
    assert at_end == s2.case_status(cases[0], dt.datetime(2026, 11, 1, tzinfo=CST))


# -- 10. Analysis-ready results -----------------------------------------------------------------


def test_frames_have_a_fixed_schema_even_when_empty(s2: zhidu.Policy, s14: zhidu.Policy) -> None:
    import zhidu.pandas as zpd

    full = zpd.scorecard_frame(s14.assess(INCIDENTS, period="2026-10"))
    empty = zpd.scorecard_frame(s14.assess([], period="2026-10"))
    assert list(empty.columns) == list(full.columns) == [
        "subject", "kind", "window", "period", "att", "svc", "biz1", "biz_undefined",
        "bonus", "total", "fines", "withholdings", "effects",
    ]
    assert empty.dtypes.to_dict() == full.dtypes.to_dict()
    assert full["att"].dtype == np.int64 and full["total"].dtype == np.int64

    lines = zpd.lines_frame(s14.assess(INCIDENTS, period="2026-10"))
    no_lines = zpd.lines_frame(s14.assess([], period="2026-10"))
    assert list(no_lines.columns) == list(lines.columns)
    assert no_lines.dtypes.to_dict() == lines.dtypes.to_dict()

    cases = [{"id": "A", "class": "promised", "accepted_at": "2026-10-12T09:00", "days": 5}]
    some = zpd.case_frame(s2, cases, "2026-10-15T12:00")
    none = zpd.case_frame(s2, [], "2026-10-15T12:00")
    assert list(none.columns) == list(some.columns) == zpd.CASE_COLUMNS
    assert none.dtypes.to_dict() == some.dtypes.to_dict()
    assert list(some["status"].cat.categories) == [s.value for s in zhidu.Status]


def test_person_and_window_cards_apart_with_category_names(s14: zhidu.Policy) -> None:
    import zhidu.pandas as zpd

    # S14.att.3 charges the person and the window (「取消该窗口和工作人员」 reaches both): a
    # line on each card, so one frame of both kinds would count it twice.
    rows = [{"subject": "张三", "window": "W01", "at": "2026-10-09", "rule": "S14.att.3"}]
    cards = s14.assess(rows, period="2026-10")
    assert [(c.subject, c.kind) for c in cards] == [("张三", "person"), ("W01", "window")]
    people = zpd.scorecard_frame(cards)
    windows = zpd.scorecard_frame(cards, kind="window")
    assert people["subject"].tolist() == ["张三"] and windows["subject"].tolist() == ["W01"]
    lines = zpd.lines_frame(cards)
    assert lines.groupby("card_kind")["rule"].apply(list).to_dict() == {
        "person": ["S14.att.3"], "window": ["S14.att.3"]
    }
    # The categories' names as policies/s14-window-scorecard.toml writes them.
    assert cards.category_names == {"att": "考勤", "svc": "服务质量", "biz1": "办件管理",
                                     "biz_undefined": "业务管理 (其余25分,原文缺失)"}
    named = zpd.scorecard_frame(cards, names=True)
    assert "考勤" in named.columns and named.attrs["category_names"]["att"] == "考勤"


def test_card_lines_are_built_once_and_the_lines_frame(s14: zhidu.Policy) -> None:
    import zhidu.pandas as zpd

    cards = s14.assess(INCIDENTS, period="2026-10")
    card = cards.card("张三")
    assert card is not None and card.lines is card.lines          # the same list, not rebuilt
    lines = zpd.lines_frame(cards)
    # 张三: S14.att.1a ×2 (−1 each, 10 yuan each) on 10-09, S14.att.2 (−2, 20 yuan) on 10-12.
    zhang = lines[lines["subject"] == "张三"]
    assert zhang[["rule", "quantity", "points"]].values.tolist() == [
        ["S14.att.1a", 2, -2], ["S14.att.2", 1, -2]
    ]
    assert zhang["fine"].tolist() == [Decimal("20.00"), Decimal("20.00")]
    assert zhang["row"].tolist() == [1, 2]
    assert str(zhang["at"].iloc[0]) == "2026-10-09 00:00:00+08:00"


def test_status_is_an_enumeration_that_refuses_misspellings(s2: zhidu.Policy) -> None:
    late = {"id": "B", "class": "promised", "accepted_at": "2026-10-12T09:00", "days": 1}
    s = s2.case_status(late, "2026-10-15T12:00")          # due 10-13 24:00: red
    assert s.status == "red" and s.status is zhidu.Status.RED and s.status.is_overdue
    assert isinstance(s.status, str) and json.dumps(s.status) == '"red"'
    with pytest.raises(ValueError, match="`overdue` is not a case status"):
        s.status == "overdue"                                # noqa: B015
    with pytest.raises(ValueError, match="`rde` is not a case status"):
        "rde" == s.status                                    # noqa: B015
    assert s.to_dict()["status"] == "red"


# -- 12. Editor docs --------------------------------------------------------------------------


def test_help_and_hovers_say_the_same_numpy_style_docs() -> None:
    """The stubs' docstrings (editors' hovers) are the runtime ones (``help()``), and every
    method of the analyst's surface documents its parameters, what it returns and raises."""
    import ast
    import inspect
    import pathlib

    stub = pathlib.Path(zhidu.__file__).with_name("_zhidu.pyi")
    tree = ast.parse(stub.read_text(encoding="utf-8"))
    (policy,) = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Policy"]
    documented = {}
    for node in policy.body:
        if isinstance(node, ast.FunctionDef) and ast.get_docstring(node):
            documented[node.name] = ast.get_docstring(node)
    surface = ["due", "explain", "due_many", "case_status", "case_statuses", "explain_case",
               "case_changes", "assess", "report", "rank", "decide", "deduction_table",
               "accountability_rules", "rota", "patrol_failures", "obligations", "access",
               "retention", "triggers", "subsidies", "flow_findings", "what_if"]
    assert sorted(documented) == sorted(surface)
    for name, doc in documented.items():
        assert inspect.getdoc(getattr(zhidu.Policy, name)) == doc, name
        assert "Returns\n-------" in doc and "Raises\n------" in doc, name
        params = inspect.signature(getattr(zhidu.Policy, name)).parameters
        for param in params:
            if param != "self":
                assert param in doc.split("Returns")[0], (name, param)


def test_end_of_day() -> None:
    assert zhidu.end_of_day("2026-10-31") == dt.datetime(2026, 11, 1)
    assert zhidu.end_of_day(dt.date(2026, 12, 31)) == dt.datetime(2027, 1, 1)
    with pytest.raises(TypeError):
        zhidu.end_of_day(dt.datetime(2026, 10, 31, 12))    # an instant already
    with pytest.raises(ValueError):
        zhidu.end_of_day("31/10/2026")


def test_case_changes_reads_tables_and_reports_bad_cases(s2: zhidu.Policy) -> None:
    cases = pd.DataFrame([
        {"id": "A", "class": "promised", "accepted_at": "2026-10-12T09:00", "days": 5},
        {"id": "B", "class": "promsied", "accepted_at": "2026-10-12T09:00", "days": 5},
    ], index=["a", "b"])
    # The same policy on both sides: nothing moves, and the bad case is not dropped silently.
    with pytest.warns(zhidu.RowWarning):
        assert s2.case_changes(s2, cases, "2026-10-15T12:00") == []
    changes, bad = s2.case_changes(s2, cases, "2026-10-15T12:00", errors="collect")
    assert changes == [] and [(i, e.label) for i, e in bad] == [(1, "b")]
    with pytest.raises(zhidu.InputError) as info:
        s2.case_changes(s2, cases, "2026-10-15T12:00", errors="raise")
    assert isinstance(info.value.__cause__, zhidu.UnknownClassError) and info.value.label == "b"


def test_missing_starts_read_as_missing(s2: zhidu.Policy) -> None:
    starts = pd.Series(["2026-09-30", pd.NA, None, pd.NaT, np.nan], dtype=object)
    _, bad = s2.due_many("promised", starts, days=5, errors="collect")
    assert [(i, str(e)) for i, e in bad] == [
        (i, "the start is missing (NaT or None)") for i in (1, 2, 3, 4)
    ]


def test_rank_and_decision_frames_keep_their_schema_when_empty(
    s2: zhidu.Policy, s14: zhidu.Policy
) -> None:
    import zhidu.pandas as zpd

    v = [{"subject": "赵敏", "at": "2026-10-15", "violation": "S2.zr.t1.1"}]
    some, none = zpd.decision_frame(s2.decide(v)), zpd.decision_frame(s2.decide([]))
    assert list(some.columns) == list(none.columns)
    assert some.dtypes.to_dict() == none.dtypes.to_dict()
    assert str(some["at"].iloc[0]) == "2026-10-15 00:00:00+08:00"
    ranked = zpd.rank_frame(s14.assess(INCIDENTS, period="2026-10"))
    unranked = zpd.rank_frame(s14.assess([], period="2026-10"))
    assert ranked.dtypes.to_dict() == unranked.dtypes.to_dict()


def test_the_pandas_helpers_document_every_argument() -> None:
    import inspect

    import zhidu.pandas as zpd

    for name in zpd.__all__:
        func = getattr(zpd, name)
        doc = inspect.getdoc(func) or ""
        assert "Parameters\n----------" in doc and "Returns\n-------" in doc, name
        for param in inspect.signature(func).parameters:
            assert f"{param} :" in doc or f"{param}," in doc, (name, param)


def test_the_new_warnings_read_in_chinese(s2: zhidu.Policy, s14: zhidu.Policy) -> None:
    with zhidu.lang("zh"):
        with pytest.warns(zhidu.RowWarning) as rows:
            s14.assess([TYPO], period="2026-10")
        with pytest.warns(zhidu.AsOfWarning) as as_of:
            s2.case_statuses([], "2026-10-31")
        with pytest.raises(TypeError) as refused:
            s14.assess("S14.att.2", period="2026-10")
    assert str(rows[0].message).startswith("1行中有1行出错（行1）；考核记录第1行：")
    assert str(as_of[0].message) == (
        '`as_of` `2026-10-31`指当日0时（当日开始），当日本身不计入；'
        '如指当日结束，请传入`zhidu.end_of_day("2026-10-31")`'
    )
    assert "pyarrow Table 或由列组成的字典，而不是`str`" in str(refused.value)


def test_report_frames_keep_their_schema_when_empty(root: Any, s2: zhidu.Policy) -> None:
    cases = [json.loads(line) for line in open(root / "examples/2026-10/cases.jsonl", encoding="utf-8")]
    violations = [{"subject": "赵敏", "at": "2026-10-15", "violation": "S2.zr.t1.1"}]
    full = s2.report("2026-10", cases=cases, violations=violations, errors="collect").frames()
    empty = s2.report("2026-10").frames()
    assert list(full) == list(empty)
    for name in full:
        assert list(full[name].columns) == list(empty[name].columns), name
        assert full[name].dtypes.to_dict() == empty[name].dtypes.to_dict(), name
        assert len(empty[name]) == 0 and len(full[name]) > 0 or name == "by_item", name
    assert "status_red" in full["by_window"].columns
