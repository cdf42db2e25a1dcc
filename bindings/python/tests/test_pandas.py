"""zhidu.pandas: DataFrames that keep the caller's index."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

import zhidu
import zhidu.pandas as zpd


def test_due_frame(s2: zhidu.Policy) -> None:
    df = pd.DataFrame(
        {"accepted_at": ["2026-09-30T10:00", "2031-01-06", "2026-10-10"], "days": [5, 5, 3]},
        index=["a", "b", "c"],
    )
    with pytest.warns(zhidu.RowWarning) as w:
        out = zpd.due_frame(s2, "promised", df["accepted_at"], df["days"])
    assert w[0].filename == __file__
    assert list(out.index) == ["a", "b", "c"]
    assert out.loc["a", "due_date"] == pd.Timestamp("2026-10-13")
    assert out.loc["a", "due_at"] == pd.Timestamp("2026-10-14T00:00:00+08:00")
    assert str(out["due_at"].dt.tz) == "UTC+08:00"
    assert pd.isna(out.loc["b", "due_date"]) and "2031" in out.loc["b", "error"]
    assert pd.isna(out.loc["c", "error"])
    out2 = zpd.due_frame(s2, "promised", df["accepted_at"], df["days"], errors="collect")
    assert out2["error"].notna().sum() == 1
    with pytest.raises(zhidu.InputError):
        zpd.due_frame(s2, "promised", df["accepted_at"], df["days"], errors="raise")


def test_due_frame_minutes(ps: zhidu.PolicySet) -> None:
    s10 = ps.policy("s10-service-system")
    out = zpd.due_frame(s10, "immediate", [dt.datetime(2026, 10, 12, 10, 50)])
    assert out["due_at"].iloc[0] == pd.Timestamp("2026-10-12T11:20:00+08:00")


def test_case_frame(s2: zhidu.Policy) -> None:
    cases = pd.DataFrame(
        [
            {"id": "C1", "class": "promised", "accepted_at": "2026-09-30T10:00", "days": 5,
             "events": "suspend 2026-10-09T10:00 expert_review; resume 2026-10-14T09:00"},
            {"id": "C2", "class": "promised", "accepted_at": "2026-09-30T10:00", "days": np.nan,
             "events": None},
            {"id": "C3", "class": "nope", "accepted_at": "2026-09-30T10:00", "days": 5, "events": None},
        ],
        index=[10, 20, 30],
    )
    out = zpd.case_frame(s2, cases, as_of="2026-10-15T12:00", errors="collect")
    assert list(out.index) == [10, 20, 30]
    assert out.loc[10, "status"] == "on_track" and out.loc[10, "due_date"] == pd.Timestamp("2026-10-19")
    assert out.loc[20, "status"] == "red"
    assert pd.isna(out.loc[30, "status"]) and "nope" in out.loc[30, "error"]
