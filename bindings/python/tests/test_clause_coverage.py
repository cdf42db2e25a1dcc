"""PolicySet.clause_coverage(): the core's coverage of the regulations (issue #15), the same
shape as `zhidu coverage --format json`. Expected counts are worked by hand from
regulations.md §2."""

from __future__ import annotations

import pytest

import zhidu


def test_all_regulations_with_totals_that_add_up(ps: zhidu.PolicySet) -> None:
    cov = ps.clause_coverage()
    assert [r["id"] for r in cov["regulations"]] == [f"S{n}" for n in range(1, 16)]
    t = cov["totals"]
    assert t["encoded"] + t["with_reason"] + t["missing"] == t["computable"]
    assert t["missing"] == 0
    assert {r["id"] for r in cov["reasons"]} >= {"descriptive", "no-number", "planned"}


def test_one_regulation_by_hand(ps: zhidu.PolicySet) -> None:
    # S1: it.2–it.8 in the table (7 computable), it.1 descriptive. s1-window-it encodes it.2,
    # it.4, it.5, it.7 as access rules and it.3, it.8 as obligations with no period (A32); it.6
    # (窗口计算机应设置密码) has no request to decide and keeps its reason.
    s1 = ps.clause_coverage("S1")["regulations"][0]
    assert s1["totals"] == {
        "clauses": 8,
        "computable": 7,
        "encoded": 6,
        "with_reason": 1,
        "planned": 0,
        "missing": 0,
    }
    password = next(c for c in s1["clauses"] if c["id"] == "S1.it.6")
    assert password == {
        "id": "S1.it.6",
        "line": 25,
        "kinds": ["access-control"],
        "computable": True,
        "encoded": [],
        "reason": "no-sanction",
        "note": "a standing set-up requirement: no request to decide, and S1 defines no sanction",
    }
    scans = next(c for c in s1["clauses"] if c["id"] == "S1.it.3")
    assert [e["policy"] for e in scans["encoded"]] == ["s1-window-it"]


def test_an_encoded_clause_names_its_policy_entry_and_path(ps: zhidu.PolicySet) -> None:
    s10 = ps.clause_coverage(regulation="S10")["regulations"][0]
    quick = next(c for c in s10["clauses"] if c["id"] == "S10.xs.3.4a")
    assert quick["encoded"] == [
        {"policy": "s10-service-system", "entry": "class immediate", "path": quick["encoded"][0]["path"]}
    ]
    assert quick["encoded"][0]["path"].endswith(".source.clause")


def test_an_unknown_regulation_raises(ps: zhidu.PolicySet) -> None:
    with pytest.raises(zhidu.InputError, match="no regulation `S16` in the clause index"):
        ps.clause_coverage("S16")
    with pytest.raises(zhidu.InputError, match="`regulation` must be a string"):
        ps.clause_coverage(8)  # type: ignore[arg-type]
