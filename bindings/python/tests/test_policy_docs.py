"""PolicySet.rules() and PolicySet.explain(): the core's readable policies (issue #17), the same
shapes as `zhidu rules --format json` and `zhidu explain --format json`. Expected values are
worked by hand from regulations.md §3b/§3c and the seed lines they cite."""

from __future__ import annotations

import pytest

import zhidu


def test_rules_lists_s14_att_6_with_its_clause_values_and_defaults(ps: zhidu.PolicySet) -> None:
    # regulations.md §3b, S14 row att.6 (seed L913): 每次视情节轻重扣10—20分, 扣除当月奖励150元,
    # in 考勤; the range is A6's DEFAULT; the charge departs from A19's suggestion.
    r = ps.rules("s14-window-scorecard")
    assert r["policy"] == "s14-window-scorecard"
    # 30 rows in §3b's S14 table; att.1f is the fine of att.1a–1d (A5), not a rule: 29.
    assert sum(e["kind"] == "rule" for e in r["entries"]) == 29
    att6 = next(e for e in r["entries"] if e["kind"] == "rule" and e["id"] == "S14.att.6")
    assert att6["sources"][0]["clause"] == "S14.att.6"
    assert "每次视情节轻重扣10—20分,扣除当月奖励150元" in att6["sources"][0]["quote"]
    values = {v["key"]: v["value"] for v in att6["values"]}
    assert values["range"] == [10, 20]
    assert values["category"] == "att"
    assert values["withholding"] == "150"
    marks = {d["param"]: d["mark"] for d in att6["defaults"]}
    assert marks["A6"] == "default"
    assert marks["A19"] == "deviation"
    assert {"policy": "s14-window-scorecard", "kind": "category", "id": "att", "key": "category"} in att6["refers_to"]


def test_explain_a_tier_lists_its_violations(ps: zhidu.PolicySet) -> None:
    # regulations.md §3c: tier 2 (通报批评, 调离窗口工作岗位) takes S2.zr.t2.1–t2.5.
    x = ps.explain("tier:2", policy="s2-service-center")
    assert x["clause"] is None
    [tier] = x["entries"]
    assert tier["entry"]["name"] == "通报批评,调离窗口工作岗位"
    users = sorted(u["id"] for u in tier["used_by"] if u["kind"] == "violation")
    assert users == ["S2.zr.t2.1", "S2.zr.t2.2", "S2.zr.t2.3", "S2.zr.t2.4", "S2.zr.t2.5"]


def test_explain_a_clause_gives_the_index_and_every_citing_entry(ps: zhidu.PolicySet) -> None:
    x = ps.explain("S14.att.6")
    assert x["clause"]["regulation"] == "S14"
    assert x["clause"]["status"]["line"] == 913
    citing = [(c["entry"]["kind"], c["entry"]["id"]) for c in x["clause"]["cited_by"]]
    assert citing == [("assessment", "assessment"), ("effect", "annual_commendation_revoked"), ("rule", "S14.att.6")]


def test_unknown_code_and_policy_raise_with_the_closest(ps: zhidu.PolicySet) -> None:
    with pytest.raises(zhidu.InputError) as e:
        ps.explain("S14.att.66")
    assert e.value.help == "did you mean `S14.att.6`?"
    with pytest.raises(zhidu.UnknownPolicyError):
        ps.rules("s14-window-scorecrd")
    with pytest.raises(TypeError):
        ps.rules(14)  # type: ignore[arg-type]
