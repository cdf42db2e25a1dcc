"""`Policy.access` and `Policy.retention` (issue #15 points 4 and 6) as an analyst meets them:
typed results, rows from dicts or a DataFrame, bad rows by `errors=`; the expected values are
worked from the seed clauses and the DEFAULTs they name."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import zhidu


@pytest.fixture(scope="module")
def ps() -> zhidu.PolicySet:
    return zhidu.PolicySet.builtin()


def test_access_from_a_dataframe(ps: zhidu.PolicySet) -> None:
    # S12.3.4.5: borrowing needs the manager's approval, returned the same day (A24: every
    # level); S12.3.4.2: 机密 circulates to company leaders only.
    frame = pd.DataFrame([
        {"subject": "赵六", "role": "staff", "action": "borrow", "level": "秘密", "facts": ""},
        {"subject": "钱七", "role": "department_head", "action": "read", "level": "机密", "facts": ""},
    ])
    d = ps.policy("s12-confidentiality").access(frame)
    assert isinstance(d, zhidu.AccessDecisions) and len(d) == 2
    assert d[0].decision == "allow_with_approval"
    assert d[0].approvals == [{"id": "manager_approval", "name": "物业服务中心经理审批同意",
                               "by": "物业服务中心经理", "given": False}]
    assert [c["id"] for c in d[0].conditions] == ["same_day_return"]
    assert d[1].decision == "deny" and d[1].clauses == ["S12.3.4.2"]


def test_access_bad_rows_are_collected(ps: zhidu.PolicySet) -> None:
    rows = [
        {"subject": "小王", "role": "staff", "action": "lend", "item": "window_disk"},
        {"subject": "小王", "role": "staff", "action": "lend", "item": "window_disk", "facts": ["bribe"]},
    ]
    d = ps.policy("s1-window-it").access(rows, errors="collect")
    assert [x.decision for x in d] == ["deny"]
    assert [(e.row, e.input) for e in d.errors] == [(2, "request")]
    with pytest.raises(zhidu.InputError):
        ps.policy("s1-window-it").access(rows, errors="raise")


def test_retention_dates_are_dates(ps: zhidu.PolicySet) -> None:
    # S6.mgmt.3b, A28: 2024-02-29 + 2 years = 2026-02-28 (民法典 第二百零三条).
    r = ps.policy("s6-food-additives").retention(
        [{"id": "P-1", "kind": "purchase_record", "date": dt.date(2024, 2, 29)}],
        as_of=dt.date(2026, 3, 1),
    )
    line = r[0]
    assert line.keep_until == dt.date(2026, 2, 28) and line.status == "past"
    assert r.past == ["P-1"] and r.as_of == dt.date(2026, 3, 1)


def test_retention_until_public_has_no_date(ps: zhidu.PolicySet) -> None:
    r = ps.policy("s12-confidentiality").retention(
        [{"id": "H-1", "kind": "held_information", "date": "2025-03-01"}], as_of="2027-01-01"
    )
    assert r[0].keep_until is None and r[0].until_event == "public" and r[0].status == "keep"


def test_a_policy_without_the_kind(ps: zhidu.PolicySet) -> None:
    with pytest.raises(zhidu.InputError):
        ps.policy("s10-service-system").retention([], as_of="2027-01-01")
