"""The shared row fixtures (``tests/rows/``) through Python: the same rows as dicts, and
as pandas reads the CSV files, give the hand-worked results and the row errors of
``tests/rows/expected.json`` — the same as the CLI and Node."""

from __future__ import annotations

import json
import pathlib
from typing import Any, Dict, List

import pandas as pd
import pytest

import zhidu

ROWS = pathlib.Path(__file__).resolve().parents[3] / "tests" / "rows"
EXPECTED: Dict[str, Any] = json.loads((ROWS / "expected.json").read_text(encoding="utf-8"))


def objects(name: str) -> List[Any]:
    return list(json.loads((ROWS / f"{name}.json").read_text(encoding="utf-8")))


def shape(e: Any) -> Dict[str, Any]:
    r = e.row_error
    return {"kind": r["kind"], "row": r["row"], "field": r["field"], "code": r["code"]}


def test_cases(s2: zhidu.Policy) -> None:
    want = EXPECTED["case"]
    statuses, errors = s2.case_statuses(objects("cases"), want["as_of"], errors="collect")
    assert len(statuses) == want["rows"]
    assert [shape(e) for _, e in errors] == want["errors"]
    assert [i + 1 for i, _ in errors] == [e["row"] for e in want["errors"]]
    for row, good in want["good"].items():
        status = statuses[int(row) - 1]
        assert status is not None
        d = status.to_dict()
        for k, v in good.items():
            assert str(d[k]) == str(v), (row, k)


@pytest.mark.parametrize("form", ["dicts", "pandas"])
def test_incidents(s2: zhidu.Policy, form: str) -> None:
    want = EXPECTED["incident"]
    rows: Any = objects("incidents") if form == "dicts" else pd.read_csv(ROWS / "incidents.csv")
    out = s2.assess(rows, period=want["period"])
    assert {c.subject: c.total for c in out} == want["totals"]
    assert [shape(e.error) for e in out.errors] == want["errors"]
    assert [(e.input, e.row) for e in out.errors] == [("incident", e["row"]) for e in want["errors"]]


@pytest.mark.parametrize("form", ["dicts", "pandas"])
def test_violations(s2: zhidu.Policy, form: str) -> None:
    want = EXPECTED["violation"]
    rows: Any = objects("violations") if form == "dicts" else pd.read_csv(ROWS / "violations.csv")
    out = s2.decide(rows)
    assert {str(d["row"]): d["violation"] for d in out.to_dict()["decisions"]} == want["decided"]
    assert [shape(e.error) for e in out.errors] == want["errors"]


def test_roster(s2: zhidu.Policy) -> None:
    want = EXPECTED["roster"]
    out = s2.assess([], period=want["period"], roster=objects("roster"))
    assert {c.subject: c.total for c in out} == want["totals"]
    with pytest.raises(zhidu.InputError) as bad:
        s2.assess([], period=want["period"], roster=objects("roster_bad"))
    assert shape(bad.value) == want["bad"]


def test_due(s2: zhidu.Policy) -> None:
    want = EXPECTED["due"]
    table = pd.read_csv(ROWS / "due.csv", dtype=str)
    starts = list(table["accepted_at"])
    days = [int(d) if d.isdigit() else d for d in table["days"]]
    dates, errors = s2.due_many(want["class"], starts, days, errors="collect")
    for row, date in want["good"].items():
        assert str(dates[int(row) - 1])[:10] == date
    assert [i + 1 for i, _ in errors] == [e["row"] for e in want["errors"]]
