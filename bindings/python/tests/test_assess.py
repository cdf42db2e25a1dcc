"""Scorecards: `Policy.assess`, the ranking, the deduction table; every input form gives the
same cards, money is exact, a bad row is reported with its row and never stops the rest."""

from __future__ import annotations

import datetime as dt
import json
import random
from decimal import Decimal
from typing import Any, Dict, List

import numpy as np
import pandas as pd
import pytest

import zhidu

CST = dt.timezone(dt.timedelta(hours=8))

#: The README's October for 张三 at W01 (S14): 2 × late (−1, 10 yuan each), dozing (−2, 20
#: yuan), a bribe-like 10—20 point offence chosen at 15 with its reason (150 yuan withheld
#: from 当月奖励, apart from fines; 取消年度评先资格 for 张三 and W01).
ZHANG = [
    {"subject": "张三", "window": "W01", "at": "2026-10-09", "rule": "S14.att.1a", "quantity": 2},
    {"subject": "张三", "window": "W01", "at": "2026-10-12", "rule": "S14.att.2"},
    {"subject": "张三", "window": "W01", "at": "2026-10-20", "rule": "S14.att.6", "points": 15,
     "note": "收受礼品, 经查实"},
]


@pytest.fixture(scope="module")
def s14(ps: zhidu.PolicySet) -> zhidu.Policy:
    return ps.policy("s14-window-scorecard")


def cards_of(a: zhidu.Assessment) -> List[Dict[str, Any]]:
    return [c.to_dict() for c in a]


def test_scorecard_attributes(s14: zhidu.Policy) -> None:
    cards = s14.assess(ZHANG, period="2026-10")
    assert isinstance(cards, zhidu.Assessment) and len(cards) == 2
    # S14.att.6's effect names the person and the window: W01's card has the effect only.
    assert (cards[1].subject, cards[1].kind, cards[1].total, cards[1].fines) == (
        "W01", "window", 90, Decimal("0.00")
    )
    assert cards[1].withholdings == Decimal("0.00")
    assert [e["name"] for e in cards[1].effects] == ["取消年度评先资格"]
    card = cards[0]
    assert (card.subject, card.kind, card.window, card.period) == ("张三", "person", "W01", "2026-10")
    assert card.total == 71 and type(card.total) is int and card.bonus == 0
    assert card.fines == Decimal("40.00") and type(card.fines) is Decimal
    assert str(card.fines) == "40.00"
    assert card.withholdings == Decimal("150.00") and type(card.withholdings) is Decimal
    assert [(c["id"], c["score"]) for c in card.categories] == [
        ("att", 11), ("svc", 20), ("biz1", 15), ("biz_undefined", 25)
    ]
    assert card.categories[0] == {
        "id": "att", "name": "考勤", "maximum": 30, "floor": 0, "raw_deductions": 19,
        "applied_deductions": 19, "score": 11,
    }
    assert [e["name"] for e in card.effects] == ["取消年度评先资格"]
    assert card.effects[0]["at"] == dt.datetime(2026, 10, 20, tzinfo=CST)
    assert [line["rule"] for line in card.lines] == ["S14.att.1a", "S14.att.2", "S14.att.6"]
    bribe = card.lines[2]
    assert bribe["fine"] == Decimal("0.00") and type(bribe["fine"]) is Decimal
    assert bribe["withholding"] == Decimal("150.00") and type(bribe["withholding"]) is Decimal
    assert (bribe["basis"], bribe["ref"], bribe["superseded"]) == (None, None, False)
    assert (bribe["points_each"], bribe["points"], bribe["quantity"]) == (-15, -15, 1)
    assert bribe["source"] == {"from": "incident", "row": 3}
    unchosen = s14.assess([dict(ZHANG[2], points=None)], period="2026-10")[0]
    assert unchosen.lines[0]["points"] == -10 and "A6" in unchosen.lines[0]["defaults"]
    assert card.lines[0]["at"] == dt.datetime(2026, 10, 9, tzinfo=CST)
    assert "张三" in repr(card) and "40.00" in repr(card) and "150.00" in repr(card)
    assert card == s14.assess(ZHANG, period="2026-10")[0]


def test_to_dict_is_the_cli_json_with_python_values(s14: zhidu.Policy) -> None:
    card = s14.assess(ZHANG, period="2026-10")[0]
    d, j = card.to_dict(), json.loads(card.to_json())
    assert list(d) == list(j) == [
        "subject", "kind", "window", "period", "categories", "bonus", "total", "fines",
        "withholdings", "effects", "lines",
    ]
    assert d["fines"] == Decimal("40.00") and j["fines"] == "40.00"
    assert d["withholdings"] == Decimal("150.00") and j["withholdings"] == "150.00"
    assert d["lines"][0]["fine"] == Decimal(j["lines"][0]["fine"])
    assert j["lines"][0]["at"] == "2026-10-09T00:00:00+08:00"
    assert d["lines"][0]["at"] == dt.datetime.fromisoformat(j["lines"][0]["at"])
    whole = s14.assess(ZHANG, period="2026-10").to_dict()
    assert list(whole) == [
        "policy", "period", "scorecards", "errors", "outside_period", "outside_rows",
        "unpriced_late", "unpriced_rows",
    ]
    assert whole["scorecards"][0] == d


def test_sequence_protocol(s14: zhidu.Policy) -> None:
    rows = ZHANG + [
        {"subject": "李四", "window": "W02", "at": "2026-10-13", "rule": "S14.att.2"},
        {"subject": "王五", "window": "W02", "at": "2026-10-14", "rule": "S14.svc.4"},
    ]
    cards = s14.assess(rows, period="2026-10")
    subjects = [c.subject for c in cards]
    # Person cards by subject, then window cards (S14.att.6 and the window-charged svc.4).
    assert subjects == ["张三", "李四", "W01", "W02"]
    assert [c.kind for c in cards] == ["person", "person", "window", "window"]
    assert cards[-1].subject == cards[len(cards) - 1].subject
    assert [c.subject for c in cards[1:3]] == subjects[1:3]
    assert [c.subject for c in cards.scorecards] == subjects
    with pytest.raises(IndexError):
        cards[len(cards)]
    li = cards.card("李四")
    assert li is not None and li.total == 88 and li == cards[1]
    assert cards.card("nobody") is None and cards.card("W02") is None  # person cards only
    assert cards.policy == "s14-window-scorecard" and cards.period == "2026-10"
    assert "scorecards=4" in repr(cards)


def test_bad_row_in_the_middle(s14: zhidu.Policy) -> None:
    rng = random.Random(3)
    rows: List[Dict[str, Any]] = [
        {"subject": f"员{i % 37}", "window": f"W{i % 5}", "at": f"2026-10-{1 + i % 28:02d}",
         "rule": rng.choice(["S14.att.1a", "S14.att.2", "S14.svc.1"])}
        for i in range(1001)
    ]
    good = s14.assess(rows, period="2026-10")
    broken = list(rows)
    broken[500] = dict(rows[500], rule="S14.att.99")       # unknown rule
    broken[600] = dict(rows[600], at="2026-10-32")          # no such date
    broken[700] = dict(rows[700], quantity="two")           # wrong type
    out = s14.assess(broken, period="2026-10")
    assert [(e.input, e.row) for e in out.errors] == [("incident", 501), ("incident", 601), ("incident", 701)]
    kind, row, err = out.errors[0]                          # unpacks as a tuple
    assert (kind, row) == ("incident", 501) and isinstance(err, zhidu.InputError)
    assert err.index == 500 and err.help == "did you mean `S14.att.1a`?"
    assert "2026-10-32" in str(out.errors[1].error)
    assert out.errors[2].to_dict()["error"]["code"] == "input"
    # Every other row is scored: the same as scoring the good rows alone.
    rest = [r for i, r in enumerate(rows) if i not in (500, 600, 700)]
    totals = {c.subject: c.total for c in out}
    expected = {c.subject: c.total for c in s14.assess(rest, period="2026-10")}
    assert totals == expected and totals != {c.subject: c.total for c in good}


def test_outside_period(s14: zhidu.Policy) -> None:
    rows = ZHANG + [dict(ZHANG[0], at="2026-11-02"), dict(ZHANG[0], at="2026-09-30T23:59:59")]
    out = s14.assess(rows, period="2026-10")
    assert (out.outside_period, out.outside_rows) == (2, [4, 5])
    assert out[0].total == 71
    # 2026-10-01T00:00 in Beijing is 2026-09-30T16:00Z: inside.
    edge = s14.assess([dict(ZHANG[1], at=dt.datetime(2026, 9, 30, 16, tzinfo=dt.timezone.utc))], period="2026-10")
    assert edge.outside_period == 0 and edge[0].total == 88
    assert s14.assess(ZHANG, period="2026-Q4")[0].period == "2026-Q4"
    assert s14.assess(ZHANG, period="2026")[0].total == 71


def frame_forms() -> List[Any]:
    rows = ZHANG + [
        {"subject": "李四", "window": "W02", "at": "2026-10-13T09:30", "rule": "S14.att.2", "note": "午休"},
        {"subject": "王五", "window": "W02", "at": "2026-10-14", "rule": "S14.svc.4", "case": "C-7"},
    ]
    df = pd.DataFrame(rows)
    forms = [("records", rows), ("frame of strings", df)]
    forms.append(("datetime64", df.assign(at=pd.to_datetime(df["at"], format="ISO8601"))))
    aware = pd.to_datetime(df["at"], format="ISO8601").dt.tz_localize("Asia/Shanghai")
    forms.append(("tz-aware", df.assign(at=aware)))
    forms.append(("utc", df.assign(at=aware.dt.tz_convert("UTC"))))
    forms.append(("Int64", df.assign(quantity=df["quantity"].astype("Int64"), points=df["points"].astype("Int64"))))
    forms.append(("categorical", df.assign(rule=df["rule"].astype("category"), subject=df["subject"].astype("category"))))
    forms.append(("python objects", df.assign(at=[dt.datetime.fromisoformat(s) for s in df["at"]])))
    forms.append(("dates", df.assign(at=[dt.date.fromisoformat(s[:10]) for s in df["at"]])))
    forms.append(("json lines", [json.dumps(r, ensure_ascii=False) for r in rows]))
    forms.append(("generator", (r for r in rows)))
    forms.append(("datetime64[D] numpy", df.assign(at=np.array([s[:10] for s in df["at"]], dtype="datetime64[D]"))))
    return forms


def test_dataframe_and_dicts_give_the_same_cards(s14: zhidu.Policy) -> None:
    forms = frame_forms()
    want = cards_of(s14.assess(forms[0][1], period="2026-10"))
    assert [c["subject"] for c in want] == ["张三", "李四", "W01", "W02"]
    for name, rows in forms:
        got = cards_of(s14.assess(rows, period="2026-10"))
        if name in ("dates", "datetime64[D] numpy"):
            # Dates lose 李四's 09:30: the same scores, lines at midnight.
            assert [(c["subject"], c["total"], c["fines"]) for c in got] == [
                (c["subject"], c["total"], c["fines"]) for c in want
            ], name
        else:
            assert got == want, name


def test_dataframe_with_gaps(s14: zhidu.Policy) -> None:
    df = pd.DataFrame(ZHANG)               # quantity and points are float with NaN
    assert df["quantity"].dtype == np.float64
    assert cards_of(s14.assess(df, period="2026-10")) == cards_of(s14.assess(ZHANG, period="2026-10"))
    df.loc[1, "window"] = None
    df.loc[2, "quantity"] = 1.5
    out = s14.assess(df, period="2026-10")
    assert [(e.row, e.error.code) for e in out.errors] == [(3, "input")]
    assert "whole number" in str(out.errors[0].error)
    with pytest.raises(zhidu.InputError, match="column `qty`"):
        s14.assess(df.rename(columns={"quantity": "qty"}), period="2026-10")
    with pytest.raises(zhidu.InputError, match="no column `rule`"):
        s14.assess(df.drop(columns="rule"), period="2026-10")
    # Text columns are read once per distinct value; a column mixing types is read cell by
    # cell, so equal values of different types (1 and True) are not merged.
    mixed = pd.DataFrame(ZHANG[:2] * 2)
    mixed["window"] = pd.Series(["W01", 5, None, "W01"], dtype=object)
    mixed["quantity"] = pd.Series([1, True, 1, 2.0], dtype=object)
    out = s14.assess(mixed, period="2026-10")
    # A window of 5 is the text "5" (ids read as numbers are ids), as in every host; the
    # boolean quantity is the row's error.
    assert [(e.row, str(e.error)) for e in out.errors] == [
        (2, "`quantity` must be a whole number, not the boolean `true`")
    ]
    assert out[0].total == 90 - 1 - 1 - 2 * 2
    bools = s14.assess(mixed.assign(window="W01"), period="2026-10")
    assert [(e.row, str(e.error)) for e in bools.errors] == [(2, "`quantity` must be a whole number, not the boolean `true`")]
    empty = s14.assess(pd.DataFrame(columns=["subject", "at", "rule"]), period="2026-10")
    assert len(empty) == 0 and empty.errors == []


def test_row_values_of_the_wrong_type(s14: zhidu.Policy) -> None:
    base = ZHANG[1]
    bad: List[Any] = [
        dict(base, at=None),
        dict(base, at=20261012),
        dict(base, at="yesterday"),
        dict(base, quantity=True),
        dict(base, quantity=0),
        dict(base, quantity=-1),
        dict(base, quantity=2**70),
        dict(base, points=1),                  # a fixed-points rule takes none
        dict(base, window=["W01"]),
        dict(base, qty=1),
        {k: v for k, v in base.items() if k != "rule"},
        "{not json",
        7,
        None,
    ]
    out = s14.assess([base] + bad + [base], period="2026-10")
    assert [e.row for e in out.errors] == list(range(2, 2 + len(bad)))
    assert all(isinstance(e.error, zhidu.InputError) for e in out.errors)
    assert out[0].total == 86                  # rows 1 and the last: 2 × −2
    messages = [str(e.error) for e in out.errors]
    assert "`at` is missing" in messages[0]
    assert "unknown field `qty`" in messages[9] and "`rule` is missing" in messages[10]
    # Every row error says where it is, as in every host.
    codes = [(e.error.row_error["row"], e.error.row_error["field"], e.error.row_error["code"]) for e in out.errors[:4]]
    assert codes == [(2, "at", "missing"), (3, "at", "not_instant"), (4, "at", "not_instant"), (5, "quantity", "not_whole")]
    # A numeric id is read as its digits (a spreadsheet's or pandas' idea of an id).
    assert s14.assess([dict(base, subject=5)], period="2026-10")[0].subject == "5"


def test_keys_read_once_per_batch_read_as_each_row_alone(s14: zhidu.Policy) -> None:
    """A batch's dicts share their key strings, which the binding reads once: rows with
    equal keys built at run time (other objects), an unknown key between good rows, and a
    key that is no string read exactly as each row read on its own."""
    base = dict(ZHANG[0])
    runtime = {"".join(["sub", "ject"]): base["subject"], **{k: v for k, v in base.items() if k != "subject"}}
    rows = [base, dict(base, qty=1), runtime, {**base, 5: "x"}, dict(base, item="W01"), base]
    out = s14.assess(rows, period="2026-10")
    alone = [s14.assess([r], period="2026-10") for r in rows]
    assert [e.row for e in out.errors] == [2, 4, 5]
    assert [str(e.error) for e in out.errors] == [str(a.errors[0].error) for a in alone if a.errors]
    assert "unknown field `qty`" in str(out.errors[0].error)
    assert len(out[0].lines) == 3 and all(not a.errors for a in (alone[0], alone[2], alone[5]))


def test_cases_add_overdue_deductions(ps: zhidu.PolicySet, s14: zhidu.Policy) -> None:
    s2 = ps.policy("s2-service-center")
    cases = [
        {"id": "J1", "class": "promised", "accepted_at": "2026-10-12T09:00", "days": 5,
         "handler": "王五", "window": "W03", "completed_at": "2026-10-20T10:00", "joint": True},
        {"id": "C2", "class": "promised", "accepted_at": dt.datetime(2026, 10, 12, 9, 30), "days": 5,
         "handler": "王五", "window": "W03", "completed_at": dt.datetime(2026, 10, 21, 10), "joint": False},
    ]
    for case_policy in ("s2-service-center", s2):
        out = s14.assess([], period="2026-10", cases=cases, case_policy=case_policy)
        assert [(c.subject, c.kind, c.total) for c in out] == [("王五", "person", 86), ("W03", "window", 88)]
        assert out[0].lines[0]["source"] == {"from": "case", "id": "C2", "overdue_days": 2}
    frame = pd.DataFrame(cases)
    assert cards_of(s14.assess([], period="2026-10", cases=frame, case_policy=s2)) == cards_of(out)
    bad = s14.assess([], period="2026-10", cases=[cases[0], {"id": "X"}], case_policy=s2)
    assert [(e.input, e.row) for e in bad.errors] == [("case", 2)]
    with pytest.raises(zhidu.UnknownPolicyError):
        s14.assess([], period="2026-10", cases=cases, case_policy="s2-service-centre")
    # S14 has no deadline classes of its own: the case policy must be named (the core's
    # choice, the same in every host).
    with pytest.raises(zhidu.InputError, match="no deadline classes"):
        s14.assess([], period="2026-10", cases=cases)


def test_roster_forms(s14: zhidu.Policy) -> None:
    forms: List[Any] = [
        {"李四": "W02", "赵六": "W03"},
        [("李四", "W02"), ("赵六", "W03")],
        [["李四", "W02"], ["赵六", "W03"]],
        [{"subject": "李四", "window": "W02"}, {"subject": "赵六", "window": "W03"}],
        pd.DataFrame({"subject": ["李四", "赵六"], "window": ["W02", "W03"]}),
    ]
    for roster in forms:
        out = s14.assess(ZHANG, period="2026-10", roster=roster)
        assert [(c.subject, c.window, c.total) for c in out] == [
            ("张三", "W01", 71), ("李四", "W02", 90), ("赵六", "W03", 90), ("W01", "W01", 90)
        ]
    # A window of 2 is the id "2" (numeric ids are ids in every host), so not bad here.
    for bad in [[("李四",)], {"李四": None}, [5], "W02", 5]:
        with pytest.raises(zhidu.InputError):
            s14.assess(ZHANG, period="2026-10", roster=bad)


def test_lines_false_keeps_totals(s14: zhidu.Policy) -> None:
    full = s14.assess(ZHANG, period="2026-10")
    fast = s14.assess(ZHANG, period="2026-10", lines=False)
    assert fast[0].lines == [] and full[0].lines
    assert (fast[0].total, fast[0].fines, fast[0].effects) == (full[0].total, full[0].fines, full[0].effects)
    assert s14.assess(ZHANG, period="2026-10", lines=np.bool_(False))[0].lines == []
    with pytest.raises(zhidu.InputError):
        s14.assess(ZHANG, period="2026-10", lines="no")  # type: ignore[arg-type]


def test_call_errors(ps: zhidu.PolicySet, s14: zhidu.Policy) -> None:
    for period in ["2026-13", "26-10", "", "2026-Q5"]:
        with pytest.raises(zhidu.InputError) as e:
            s14.assess(ZHANG, period=period)
        assert e.value.help and "2026-10" in e.value.help
    with pytest.raises(zhidu.InputError):
        s14.assess(ZHANG, period=202610)  # type: ignore[arg-type]
    with pytest.raises(zhidu.InputError, match="no deduction table"):
        ps.policy("s10-service-system").assess(ZHANG, period="2026-10")
    for not_rows in [ZHANG[0], "S14.att.1a", 5, None]:
        with pytest.raises(zhidu.InputError):
            s14.assess(not_rows, period="2026-10")
    assert s14.has_deduction_table and not ps.policy("s10-service-system").has_deduction_table


def test_rank(ps: zhidu.PolicySet, s14: zhidu.Policy) -> None:
    rows = ZHANG + [
        {"subject": "李四", "window": "W02", "at": "2026-10-13", "rule": "S14.att.2"},
        {"subject": "王五", "window": "W02", "at": "2026-10-14", "rule": "S14.att.1a"},
    ]
    a = s14.assess(rows, period="2026-10", roster={"赵六": "W03"})
    ranking = a.rank()
    assert ranking == s14.rank(a)
    # 取消年度评先资格 is not the monthly 红旗窗口: W01 stays eligible (and takes no points).
    assert [(r.rank, r.window, r.members, r.eligible) for r in ranking] == [
        (1, "W03", 1, True), (2, "W02", 2, True), (3, "W01", 1, True)
    ]
    assert ranking[1].score == Decimal("88.50") and type(ranking[1].score) is Decimal
    assert ranking[2].score == Decimal("71.00") and ranking[2].disqualified_by == []
    assert ranking[1].to_dict()["score"] == Decimal("88.50")
    assert json.loads(ranking[1].to_json())["score"] == "88.50"
    assert "W02" in repr(ranking[1])
    with pytest.raises(zhidu.InputError):
        s14.rank(rows)  # type: ignore[arg-type]
    with pytest.raises(zhidu.InputError):
        ps.policy("s10-service-system").rank(a)


def test_deduction_table(s14: zhidu.Policy) -> None:
    t = s14.deduction_table()
    assert t["policy"] == "s14-window-scorecard" and t["period"] == "month"
    att6 = next(r for r in t["rules"] if r["code"] == "S14.att.6")
    assert att6["points"] == {"type": "range", "min": 10, "max": 20}
    assert att6["fine"] == Decimal("0.00") and type(att6["fine"]) is Decimal
    assert att6["withholding"] == Decimal("150.00") and type(att6["withholding"]) is Decimal
    assert [c["id"] for c in t["categories"]] == ["att", "svc", "biz1", "biz_undefined"]
    assert any(e["disqualifying"] for e in t["effects"])


def test_big_assessment_agrees_with_small_ones(s14: zhidu.Policy) -> None:
    rng = random.Random(11)
    table = [r for r in s14.deduction_table()["rules"] if not r["from_overdue_cases"]]
    rows = []
    for i in range(3000):
        r = rng.choice(table)
        row: Dict[str, Any] = {"subject": f"员{rng.randrange(50)}", "window": f"W{rng.randrange(6)}",
                               "at": dt.datetime(2026, 10, 1) + dt.timedelta(minutes=rng.randrange(31 * 1440)),
                               "rule": r["code"], "quantity": rng.randrange(1, 4)}
        if r["points"]["type"] == "range":
            row["points"] = rng.randint(r["points"]["min"], r["points"]["max"])
        rows.append(row)
    whole = s14.assess(rows, period="2026-10")
    frame = s14.assess(pd.DataFrame(rows), period="2026-10")
    assert cards_of(whole) == cards_of(frame)
    assert whole.errors == [] or all(e.error.code == "input" for e in whole.errors)
    # Fines are exact: the sum over lines equals the card's fines.
    for c in whole:
        assert sum((line["fine"] for line in c.lines), Decimal(0)) == c.fines


def test_basis_ref_and_joint_are_read_from_dicts_and_frames(ps: zhidu.PolicySet) -> None:
    # S2.kq.5 with basis lian.1 → W01 廉 10 → 90 (A30); bonus.1a and 1b with one ref → +5 once
    # (A33), the 1a line superseded; kq.5 without a basis → a row error.
    s2 = ps.policy("s2-service-center")
    rows = [
        {"subject": "王五", "window": "W01", "at": "2026-10-12", "rule": "S2.kq.5",
         "basis": "S2.assess.lian.1", "note": "临时人员吃拿卡要"},
        {"subject": "郑一", "window": "W05", "at": "2026-10-13", "rule": "S2.assess.bonus.1a", "ref": "D1"},
        {"subject": "郑一", "window": "W05", "at": "2026-10-14", "rule": "S2.assess.bonus.1b", "ref": "D1"},
        {"subject": "王五", "window": "W01", "at": "2026-10-15", "rule": "S2.kq.5"},
    ]
    for form in (rows, pd.DataFrame(rows)):
        out = s2.assess(form, period="2026-10")
        assert [(e.input, e.row) for e in out.errors] == [("incident", 4)]
        w01 = next(c for c in out if c.subject == "W01")
        assert w01.total == 90 and w01.lines[0]["basis"] == "S2.assess.lian.1"
        zheng = out.card("郑一")
        assert zheng is not None and (zheng.total, zheng.bonus) == (105, 5)
        assert [(l["ref"], l["superseded"]) for l in zheng.lines] == [("D1", True), ("D1", False)]
    # A joint S2 case late 2 working days → S14.biz.1.4c −4 on W02, not 1.6 on 李四; a late
    # complaint reply is counted as unpriced.
    s14 = ps.policy("s14-window-scorecard")
    cases = [
        {"id": "J1", "class": "promised", "accepted_at": "2026-10-12T09:00", "days": 5,
         "handler": "李四", "window": "W02", "completed_at": "2026-10-21T10:00", "joint": True},
        {"id": "T1", "class": "complaint_next_day", "accepted_at": "2026-10-12T09:00",
         "handler": "李四", "window": "W02", "completed_at": "2026-10-15T10:00"},
    ]
    for form in (cases, pd.DataFrame(cases)):
        out = s14.assess([], period="2026-10", cases=form, case_policy="s2-service-center")
        assert [(c.subject, c.kind, c.total) for c in out] == [("W02", "window", 86)]
        assert (out.unpriced_late, out.unpriced_rows) == (1, [2])
