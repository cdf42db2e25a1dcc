"""Accountability: `Policy.decide` and the accountability rules; dicts and DataFrames give the
same decisions, conflicts are `ConflictError`s naming both clauses, bad rows never stop the
rest."""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import sys
from typing import Any, Dict, List

import pandas as pd
import pytest

import zhidu
import zhidu.pandas as zpd

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CST = dt.timezone(dt.timedelta(hours=8))
CASES = pathlib.Path(__file__).resolve().parents[3] / "tests" / "cases" / "decide"

HISTORY: List[Dict[str, Any]] = [
    {"subject": "赵敏", "at": "2025-11-20", "violation": "S2.zr.t1.1"},
    {"subject": "韩八", "at": "2025-12-01T10:00", "violation": "S2.zr.t1.3", "flags": ["complaint"]},
    {"subject": "韩八", "at": "2026-04-13T10:00", "violation": "S2.zr.t1.5", "flags": "complaint"},
    {"subject": "赵敏", "at": "2026-10-15", "violation": "S2.zr.t1.1", "note": "再次脱岗"},
    {"subject": "韩八", "at": "2026-10-09T10:00", "violation": "S2.zr.t1.4", "flags": "complaint;"},
    {"subject": "钱七", "at": "2026-10-12", "violation": "S2.zr.t1.1", "flags": ["caused_delay", "crime"]},
]


def test_decisions(s2: zhidu.Policy) -> None:
    d = s2.decide(HISTORY)
    assert isinstance(d, zhidu.Decisions) and d.errors == [] and d.after_as_of == 0
    assert len(d) == 6 and d.policy == "s2-service-center"
    assert [(x.subject, x.at.date().isoformat()) for x in d] == [
        ("赵敏", "2025-11-20"), ("韩八", "2025-12-01"), ("韩八", "2026-04-13"),
        ("韩八", "2026-10-09"), ("钱七", "2026-10-12"), ("赵敏", "2026-10-15"),
    ]
    repeat = d[-1]
    assert (repeat.row, repeat.violation, repeat.applied, repeat.tier) == (4, "S2.zr.t1.1", "S2.zr.t1.1", 2)
    assert repeat.tier_name and repeat.measures == ["通报批评", "调离窗口工作岗位"]
    assert repeat.at == dt.datetime(2026, 10, 15, tzinfo=CST) and repeat.note == "再次脱岗"
    esc = repeat.escalation
    assert esc is not None and (esc["kind"], esc["clause"]) == ("repeat", "S2.zr.t2.4")
    assert esc["refers_to"]["row"] == 1 and esc["refers_to"]["at"] == dt.datetime(2025, 11, 20, tzinfo=CST)
    complaint = d[3]
    assert (complaint.tier, complaint.candidate_tier, complaint.needs_review) == (1, 3, True)
    assert complaint.flags == ["complaint"] and "S2.zr.t3.3" in complaint.clauses
    assert complaint.review_reasons and "never automatic" in complaint.review_reasons[0]
    delayed = d[4]
    assert delayed.applied == "S2.zr.t2.1" and delayed.tier == 2
    assert "移送司法机关" in delayed.measures
    assert d[0].escalation is None and d[0].candidate_tier is None and d[0].note is None
    assert {s["subject"]: s["highest_tier"] for s in d.subjects} == {"赵敏": 2, "韩八": 1, "钱七": 2}
    assert [x.subject for x in d[1:3]] == ["韩八", "韩八"] and d.decisions[0] == d[0]
    with pytest.raises(IndexError):
        d[6]
    assert "tier=2" in repr(repeat) and "decisions=6" in repr(d)


def test_to_dict(s2: zhidu.Policy) -> None:
    d = s2.decide(HISTORY)
    x, j = d[-1].to_dict(), json.loads(d[-1].to_json())
    assert list(x) == list(j) == [
        "row", "subject", "at", "violation", "applied", "tier", "tier_name", "measures",
        "needs_review", "review_reasons", "escalation", "candidate_tier", "flags", "clauses", "note",
        "compensation",
    ]
    assert x["at"] == dt.datetime(2026, 10, 15, tzinfo=CST) and j["at"] == "2026-10-15T00:00:00+08:00"
    assert x["escalation"]["refers_to"]["at"] == dt.datetime(2025, 11, 20, tzinfo=CST)
    whole = d.to_dict()
    assert list(whole) == ["policy", "decisions", "errors", "subjects", "after_as_of"]
    assert whole["decisions"][-1] == x


def test_dicts_and_dataframe_agree(s2: zhidu.Policy) -> None:
    want = [x.to_dict() for x in s2.decide(HISTORY)]
    df = pd.DataFrame(HISTORY)                     # flags: lists, strings and NaN mixed
    assert [x.to_dict() for x in s2.decide(df)] == want
    df["at"] = pd.to_datetime(df["at"], format="ISO8601")
    assert [x.to_dict() for x in s2.decide(df)] == want
    lines = [json.dumps(dict(r, flags=r["flags"] if isinstance(r.get("flags"), list) else
                             [f for f in str(r.get("flags", "")).split(";") if f]), ensure_ascii=False)
             for r in HISTORY]
    assert [x.to_dict() for x in s2.decide(lines)] == want


def test_as_of(s2: zhidu.Policy) -> None:
    d = s2.decide(HISTORY, as_of=dt.datetime(2026, 10, 10))
    assert d.after_as_of == 2 and len(d) == 4   # 钱七 10-12 and 赵敏 10-15 are not yet known
    assert s2.decide(HISTORY, as_of="2026-10-15T00:00:00+08:00").after_as_of == 0
    with pytest.raises(zhidu.InputError):
        s2.decide(HISTORY, as_of="soon")


def test_bad_rows(s2: zhidu.Policy) -> None:
    rows: List[Any] = list(HISTORY)
    rows.insert(2, dict(HISTORY[0], violation="S2.zr.t1.9"))
    rows.insert(4, dict(HISTORY[0], flags=["caused_dealy"]))
    rows.insert(5, dict(HISTORY[0], flags=[1]))
    rows.insert(6, {"subject": "x", "at": "2026-10-12"})
    rows.insert(7, 5)
    d = s2.decide(rows)
    assert [(e.input, e.row) for e in d.errors] == [
        ("violation", 3), ("violation", 5), ("violation", 6), ("violation", 7), ("violation", 8)
    ]
    assert d.errors[1].error.help == "did you mean `caused_delay`?"
    assert "`violation` is missing" in str(d.errors[3].error)
    assert len(d) == len(HISTORY)                  # every other row decided
    assert [x.row for x in d if x.subject == "赵敏"] == [1, 9]


def test_conflict_error(ps: zhidu.PolicySet) -> None:
    scenario = tomllib.loads((CASES / "conflict-refinements-at-evaluation.toml").read_text("utf-8"))
    files = scenario["input"]["files"]
    p = zhidu.PolicySet.from_sources(list(ps.sources) + list(files.items())).policy("test-accountability")
    d = p.decide([
        {"subject": "测甲", "at": "2026-10-05T09:00", "violation": "X.1", "flags": ["a"]},
        {"subject": "测甲", "at": "2026-10-07T09:00", "violation": "X.1", "flags": ["a", "b"]},
    ])
    assert len(d) == 1 and len(d.errors) == 1
    err = d.errors[0].error
    assert isinstance(err, zhidu.ConflictError) and isinstance(err, ValueError)
    assert err.code == "conflict" and err.clauses == ["X.2", "X.3"]
    assert "X.2" in str(err) and "X.3" in str(err) and err.help
    assert err.to_dict()["code"] == "conflict"


def test_accountability_rules(ps: zhidu.PolicySet, s2: zhidu.Policy) -> None:
    r = s2.accountability_rules()
    assert [t["level"] for t in r["tiers"]] == [1, 2, 3]
    assert r["repeat"] == ["S2.zr.t2.4", 12]
    assert any(f["id"] == "crime" for f in r["flags"])
    assert s2.has_accountability_rules
    s14 = ps.policy("s14-window-scorecard")
    assert not s14.has_accountability_rules
    with pytest.raises(zhidu.InputError):
        s14.accountability_rules()
    with pytest.raises(zhidu.InputError, match="no accountability rules"):
        s14.decide(HISTORY)


def test_decision_frame(s2: zhidu.Policy) -> None:
    frame = zpd.decision_frame(s2.decide(HISTORY))
    assert list(frame.columns) == [
        "row", "subject", "at", "violation", "applied", "tier", "tier_name", "measures",
        "needs_review", "review_reasons", "escalation", "escalation_kind", "candidate_tier",
        "flags", "clauses", "note",
    ]
    assert str(frame["tier"].dtype) == "Int64" and str(frame["candidate_tier"].dtype) == "Int64"
    assert frame["at"].iloc[-1] == pd.Timestamp("2026-10-15T00:00:00+08:00")
    assert frame["escalation"].iloc[-1] == "S2.zr.t2.4" and frame["escalation_kind"].iloc[-1] == "repeat"
    assert pd.isna(frame["candidate_tier"].iloc[0]) and frame["candidate_tier"].iloc[3] == 3
    assert frame["needs_review"].dtype == bool
    empty = zpd.decision_frame(s2.decide([]))
    assert len(empty) == 0 and list(empty.columns) == list(frame.columns)
