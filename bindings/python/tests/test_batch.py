"""Column calls: every input form, error modes, and agreement with the single calls."""

from __future__ import annotations

import datetime as dt
import random
import warnings

import numpy as np
import pandas as pd
import pytest

import zhidu

CST = dt.timezone(dt.timedelta(hours=8))


def random_rows(n: int, seed: int = 7) -> tuple:
    rng = random.Random(seed)
    first = dt.date(2024, 1, 1)
    starts = [first + dt.timedelta(days=rng.randrange(0, 3 * 365)) for _ in range(n)]
    days = [rng.randrange(0, 21) for _ in range(n)]
    return starts, days


def expected(p: zhidu.Policy, cls: str, starts: list, days: list) -> list:
    out = []
    for s, d in zip(starts, days):
        try:
            out.append(p.due(cls, s, d).due_date)
        except zhidu.ZhiduError:
            out.append(None)
    return out


@pytest.mark.parametrize("cls", ["promised", "complaint_complex", "reported_up"])
def test_due_many_agrees_with_due_on_random_rows(s2: zhidu.Policy, cls: str) -> None:
    starts, days = random_rows(5000)
    if cls != "promised":
        days = [None] * len(days)
    want = expected(s2, cls, starts, days)
    arr = np.array(starts, dtype="datetime64[D]")
    numpy_days = None if cls != "promised" else np.array(days)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", zhidu.RowWarning)
        got = s2.due_many(cls, arr, numpy_days)
        from_list = s2.due_many(cls, starts, None if cls != "promised" else days)
    assert got.dtype == np.dtype("datetime64[D]")
    assert [None if np.isnat(x) else x.astype(object) for x in got] == want
    assert np.array_equal(from_list, got, equal_nan=True)


def test_due_many_input_forms(s2: zhidu.Policy) -> None:
    want = np.array(["2026-10-13", "2026-10-14"], dtype="datetime64[D]")
    forms = [
        ["2026-09-30", "2026-10-10"],
        ("2026-09-30T10:00:00+08:00", "2026-10-10T09:00"),
        [dt.date(2026, 9, 30), dt.date(2026, 10, 10)],
        [dt.datetime(2026, 9, 30, 10, tzinfo=CST), dt.datetime(2026, 10, 10, 9)],
        np.array(["2026-09-30", "2026-10-10"], dtype="datetime64[D]"),
        np.array(["2026-09-30T10:00", "2026-10-10T09:00"], dtype="datetime64[m]"),
        np.array(["2026-09-30T10:00:00.5", "2026-10-10"], dtype="datetime64[ns]"),
        np.array(["2026-09-30", "2026-10-10"], dtype=object),
        np.array(["2026-09-30", "2026-10-10"]),  # unicode
        pd.Series(pd.to_datetime(["2026-09-30", "2026-10-10"])),
        pd.Series(pd.to_datetime(["2026-09-30 02:00", "2026-10-10 01:00"]).tz_localize("UTC")),
        pd.DatetimeIndex(["2026-09-30", "2026-10-10"]),
        pd.Series(["2026-09-30", "2026-10-10"]),
        iter(["2026-09-30", "2026-10-10"]),
    ]
    for days in (5, [5, 3], np.array([5, 3], dtype=np.int32), pd.Series([5, 3]), np.array([5.0, 3.0])):
        for form in forms:
            if isinstance(form, type(iter([]))):
                form = iter(["2026-09-30", "2026-10-10"])
            got = s2.due_many("promised", form, days)
            if days == 5 if isinstance(days, int) else False:
                assert str(got[0]) == "2026-10-13", form
            else:
                assert np.array_equal(got, want), (form, days, got)


def test_due_many_days_none_and_nan(s2: zhidu.Policy) -> None:
    got = s2.due_many("promised", ["2026-09-30", "2026-09-30"], pd.Series([np.nan, 3.0]))
    assert [str(x) for x in got] == ["2026-10-13", "2026-10-10"]  # NaN: the default of 5
    got = s2.due_many("promised", ["2026-09-30", "2026-09-30"], [None, 3])
    assert [str(x) for x in got] == ["2026-10-13", "2026-10-10"]
    assert str(s2.due_many("promised", ["2026-09-30"])[0]) == "2026-10-13"
    nullable = pd.Series([5, None], dtype="Int64")
    assert [str(x) for x in s2.due_many("promised", ["2026-09-30"] * 2, nullable)] == [
        "2026-10-13", "2026-10-13"
    ]


def test_due_many_minutes_class(ps: zhidu.PolicySet) -> None:
    s10 = ps.policy("s10-service-system")
    got = s10.due_many("immediate", [dt.datetime(2026, 10, 12, 23, 50), "2026-10-12"], errors="collect")
    dates, bad = got
    assert str(dates[0]) == "2026-10-13" and np.isnat(dates[1])
    assert [i for i, _ in bad] == [1] and "needs an instant" in str(bad[0][1])


def test_error_modes(s2: zhidu.Policy) -> None:
    rows = ["2026-09-30", "2101-03-01", None, "x", dt.date(2026, 9, 30)]
    days = [5, 5, 5, 5, -3]
    with pytest.warns(zhidu.RowWarning) as record:
        got = s2.due_many("promised", rows, days)
    w = record[0].message
    assert isinstance(w, zhidu.RowWarning)
    assert w.count == 4 and w.indices == [1, 2, 3, 4]
    assert "4 of 5 rows failed (rows 1, 2, 3, 4)" in str(w) and "2101" in str(w)
    assert record[0].filename == __file__
    assert str(got[0]) == "2026-10-13" and all(np.isnat(x) for x in got[1:])

    dates, bad = s2.due_many("promised", rows, days, errors="collect")
    assert [i for i, _ in bad] == [1, 2, 3, 4]
    assert [type(e) for _, e in bad] == [zhidu.CoverageError] + [zhidu.InputError] * 3
    assert all(e.index == i for i, e in bad)
    assert np.array_equal(dates, got, equal_nan=True)

    with pytest.raises(zhidu.InputError) as e:
        s2.due_many("promised", rows, days, errors="raise")
    assert e.value.index == 1 and isinstance(e.value.__cause__, zhidu.CoverageError)
    assert str(e.value).startswith("row 1: ")

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert s2.due_many("promised", ["2026-09-30"], 5, errors="raise")[0] == np.datetime64("2026-10-13")
    with pytest.raises(zhidu.InputError):
        s2.due_many("promised", rows, days, errors="ignore")  # type: ignore[call-overload]


def test_whole_call_errors(s2: zhidu.Policy) -> None:
    with pytest.raises(zhidu.UnknownClassError):
        s2.due_many("promsied", ["2026-09-30"])
    with pytest.raises(zhidu.InputError):
        s2.due_many("promised", ["2026-09-30", "2026-09-30"], [1, 2, 3])
    with pytest.raises(zhidu.InputError):
        s2.due_many("promised", np.zeros((2, 2), dtype="datetime64[D]"))
    with pytest.raises(zhidu.InputError):
        s2.due_many("promised", np.array([1.5, 2.5]))
    with pytest.raises(zhidu.InputError):
        s2.due_many("promised", 5)
    with pytest.raises(zhidu.InputError):
        s2.due_many("promised", ["2026-09-30"], "five")


def test_empty_columns(s2: zhidu.Policy) -> None:
    assert len(s2.due_many("promised", [])) == 0
    assert len(s2.due_many("promised", np.array([], dtype="datetime64[D]"), np.array([], dtype=int))) == 0
    assert s2.case_statuses([], "2026-10-01") == []


def test_big_column_is_split_and_in_order(s2: zhidu.Policy) -> None:
    starts, days = random_rows(120_000, seed=3)
    arr = np.array(starts, dtype="datetime64[D]")
    got, bad = s2.due_many("promised", arr, np.array(days), errors="collect")
    sample = list(range(0, 120_000, 997))
    want = expected(s2, "promised", [starts[i] for i in sample], [days[i] for i in sample])
    assert [None if np.isnat(got[i]) else got[i].astype(object) for i in sample] == want
    assert [i for i, _ in bad] == sorted(i for i, _ in bad)  # in row order across threads
    assert all(np.isnat(got[i]) for i, _ in bad)


def test_case_statuses(s2: zhidu.Policy) -> None:
    case = {"id": "C1", "class": "promised", "accepted_at": "2026-09-30T10:00", "days": 5}
    cases = [case, dict(case, id="bad", **{"class": "promsied"}), "{}", dict(case, id="C3", days=1)]
    with pytest.warns(zhidu.RowWarning):
        out = s2.case_statuses(cases, as_of="2026-10-12T09:00")
    assert [None if s is None else s.status for s in out] == ["yellow", None, None, "red"]
    out2, bad = s2.case_statuses(iter(cases), as_of="2026-10-12T09:00", errors="collect")
    assert out2 == out and [i for i, _ in bad] == [1, 2]
    assert isinstance(bad[0][1], zhidu.UnknownClassError) and bad[1][1].index == 2
    with pytest.raises(zhidu.InputError) as e:
        s2.case_statuses(cases, as_of="2026-10-12T09:00", errors="raise")
    assert e.value.index == 1


def test_no_numpy_returns_dates(tmp_path: object) -> None:
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['numpy'] = None; sys.modules['pandas'] = None\n"
        "import zhidu, datetime, warnings\n"
        "p = zhidu.PolicySet.builtin().policy('s2-service-center')\n"
        "with warnings.catch_warnings(record=True):\n"
        "    warnings.simplefilter('always')\n"
        "    out = p.due_many('promised', ['2026-09-30', '2101-01-01'], 5)\n"
        "assert out == [datetime.date(2026, 10, 13), None], out\n"
        "print('ok')\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.stdout.strip() == "ok", run.stderr
