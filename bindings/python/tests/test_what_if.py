"""`zhidu.diff` / `Policy.what_if` and result stamps from Python (issue #17 points 4, 5).

The expected changes are the hand-worked ones of the CLI's test
(`crates/zhidu-cli/tests/what_if.rs`, where the working is written out): S2.assess.ji.1
raised from 10 to 15 points and the complaint_complex class shortened from 7 to 5 days.
"""

from __future__ import annotations

import csv
import hashlib
import pathlib
from typing import Any, Dict, List

import zhidu

ROOT = pathlib.Path(__file__).resolve().parents[3]
MONTH = ROOT / "examples" / "2026-10"


def rows(name: str) -> List[Dict[str, Any]]:
    with open(MONTH / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def changed_s2() -> zhidu.Policy:
    text = (ROOT / "policies" / "s2-service-center.toml").read_text(encoding="utf-8")
    rule = 'code = "S2.assess.ji.1"\ncategory = "ji"\nkind = "deduction"\nunit = "discovery"\npoints = '
    limit = 'id = "complaint_complex"\nname = "复杂投诉 (一周内答复)"\nunit = "calendar_days"\nlimit = '
    assert text.count(rule + "10") == 1 and text.count(limit + "7") == 1
    text = text.replace(rule + "10", rule + "15").replace(limit + "7", limit + "5")
    return zhidu.PolicySet.from_sources({"s2-service-center.toml": text}).policy(
        "s2-service-center"
    )


def inputs() -> Dict[str, Any]:
    cases = (MONTH / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    return dict(
        cases=[line for line in cases if line.strip()],
        incidents=rows("incidents.csv"),
        violations=rows("violations.csv"),
        roster=rows("roster.csv"),
    )


def test_the_example_month_under_the_changed_copy() -> None:
    before = zhidu.PolicySet.builtin()
    d = zhidu.diff(before, changed_s2(), "2026-10", **inputs())
    assert isinstance(d, zhidu.WhatIf)
    assert d.totals == {"cases": 13, "people": 1, "window_cards": 0, "ranks": 1, "decisions": 0, "skipped": 0}
    assert d.before["hash"] != d.after["hash"]
    assert [c["id"] for c in d.cases][:2] == ["ZW-20260928-083", "ZW-20261008-161"]
    c161 = d.cases[1]
    assert c161["changed"] == ["due_date", "status", "overdue_days"]
    assert (str(c161["old"]["due_date"]), str(c161["new"]["due_date"])) == ("2026-10-15", "2026-10-13")
    assert c161["responsible"] == [{"kind": "class", "id": "complaint_complex"}]
    card = d.scorecards[0]
    assert (card["subject"], card["before"]["total"], card["after"]["total"]) == ("郑凯", 62, 57)
    assert card["responsible"] == [{"kind": "rule", "id": "S2.assess.ji.1"}]
    assert d.ranks[0]["window"] == "W07 民政"
    assert d.decisions == []
    assert "郑凯" in d.to_text("zh") and d.to_html("en").startswith("<!doctype html>")


def test_identical_policies_make_an_empty_diff() -> None:
    s2 = zhidu.PolicySet.builtin().policy("s2-service-center")
    d = s2.what_if(s2, "2026-10", **inputs())
    assert d.is_empty() and d.before == d.after
    assert d.totals == {"cases": 0, "people": 0, "window_cards": 0, "ranks": 0, "decisions": 0, "skipped": 0}

    assert d.skipped == []


def test_rows_the_after_side_cannot_answer_are_listed() -> None:
    # S2 without its complaint_complex class: the 19 cases of that class (cases.jsonl lines
    # 171 … 3391, as the CLI's test lists them) are after-side skipped rows.
    text = (ROOT / "policies" / "s2-service-center.toml").read_text(encoding="utf-8")
    start = text.index('[[class]]\nid = "complaint_complex"')
    end = text.index("[[class]]", start + 1)
    after = zhidu.PolicySet.from_sources(
        {"s2-service-center.toml": text[:start] + text[end:]}
    ).policy("s2-service-center")
    d = zhidu.diff(zhidu.PolicySet.builtin(), after, "2026-10", **inputs())
    assert d.totals["skipped"] == 19
    assert [s["row"] for s in d.skipped][:3] == [171, 269, 450]
    assert {(s["side"], s["input"]) for s in d.skipped} == {("after", "case")}


def test_assessments_and_decisions_carry_the_policy_stamp() -> None:
    s2 = zhidu.PolicySet.builtin().policy("s2-service-center")
    expected = definition_hash(
        [p.read_bytes() for p in sorted((ROOT / "policies").rglob("*.toml"))]
    )
    a = s2.assess(rows("incidents.csv"), "2026-10")
    d = s2.decide(rows("violations.csv"))
    for result in (a, d):
        assert result.stamp == s2.stamp
        assert result.stamp["hash"] == expected


def definition_hash(texts: List[bytes]) -> str:
    """The stamp's hash by its definition, with hashlib: the sorted per-file SHA-256 hex
    digests, one a line, hashed."""
    digests = sorted(hashlib.sha256(t).hexdigest() for t in texts)
    return hashlib.sha256("".join(d + "\n" for d in digests).encode()).hexdigest()


def test_the_stamp_hash_is_the_same_as_every_host_computes() -> None:
    # Rust (crates/zhidu/tests/stamp.rs, with sha256sum) and Node (bindings/wasm, with
    # node:crypto) check the same definition over the same files.
    files = sorted(p for p in (ROOT / "policies").rglob("*.toml"))
    expected = definition_hash([p.read_bytes() for p in files])
    builtin = zhidu.PolicySet.builtin()
    assert builtin.content_hash == expected
    assert zhidu.PolicySet.load(ROOT / "policies").content_hash == expected
    s2 = builtin.policy("s2-service-center")
    assert s2.stamp["hash"] == expected
    assert (s2.stamp["policy"], s2.stamp["version"], str(s2.stamp["effective_from"])) == (
        "s2-service-center",
        "2023-10-23",
        "2004-01-01",
    )
    report = s2.report("2026-10")
    assert report.stamp == s2.stamp
