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
        {"accepted_at": ["2026-09-30T10:00", "2101-01-06", "2026-10-10"], "days": [5, 5, 3]},
        index=["a", "b", "c"],
    )
    with pytest.warns(zhidu.RowWarning) as w:
        out = zpd.due_frame(s2, "promised", df["accepted_at"], df["days"])
    assert w[0].filename == __file__
    assert list(out.index) == ["a", "b", "c"]
    assert out.loc["a", "due_date"] == pd.Timestamp("2026-10-13")
    assert out.loc["a", "due_at"] == pd.Timestamp("2026-10-14T00:00:00+08:00")
    assert str(out["due_at"].dt.tz) == "UTC+08:00"
    assert pd.isna(out.loc["b", "due_date"]) and "2101" in out.loc["b", "error"]
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


def test_scorecard_and_rank_frames(ps: zhidu.PolicySet) -> None:
    from decimal import Decimal

    s14 = ps.policy("s14-window-scorecard")
    incidents = pd.DataFrame(
        {
            "subject": ["张三", "张三", "李四"],
            "window": ["W01", "W01", "W02"],
            "at": pd.to_datetime(["2026-10-09", "2026-10-20", "2026-10-13"]),
            "rule": ["S14.att.1a", "S14.att.6", "S14.att.2"],
            "points": [np.nan, 15, np.nan],
            "note": [None, "收受礼品, 经查实", None],
        }
    )
    a = s14.assess(incidents, period="2026-10")
    cards = zpd.scorecard_frame(a, kind=None)         # both kinds, as one frame
    assert zpd.scorecard_frame(a)["subject"].tolist() == ["张三", "李四"]   # people by default
    assert list(cards.columns) == [
        "subject", "kind", "window", "period", "att", "svc", "biz1", "biz_undefined",
        "bonus", "total", "fines", "withholdings", "effects",
    ]
    assert cards["subject"].tolist() == ["张三", "李四", "W01"]
    # att.6's points and 150 yuan are 张三's; W01 carries its effect only.
    assert cards["total"].tolist() == [74, 88, 90] and cards["att"].tolist() == [14, 28, 30]
    assert cards["fines"].dtype == object and cards["fines"].tolist() == [
        Decimal("10.00"), Decimal("20.00"), Decimal("0.00")
    ]
    assert cards["withholdings"].dtype == object and cards["withholdings"].tolist() == [
        Decimal("150.00"), Decimal("0.00"), Decimal("0.00")
    ]
    assert cards["fines"].sum() == Decimal("30.00")        # exact
    assert cards["effects"].iloc[2] == ["取消年度评先资格"]
    assert cards["effects"].iloc[0] == ["取消年度评先资格"]
    ranking = zpd.rank_frame(a)
    assert ranking[["rank", "window", "members", "eligible"]].values.tolist() == [
        [1, "W02", 1, True], [2, "W01", 1, True]
    ]
    assert ranking["score"].tolist() == [Decimal("88.00"), Decimal("74.00")]
    assert ranking["disqualified_by"].iloc[1] == []
    empty = zpd.scorecard_frame(s14.assess([], period="2026-10"))
    assert len(empty) == 0 and "fines" in empty.columns
