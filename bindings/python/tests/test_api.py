"""Every method and attribute of the API, with exact types."""

from __future__ import annotations

import datetime as dt
import json
import pathlib
from zoneinfo import ZoneInfo

import pytest

import zhidu

CST = dt.timezone(dt.timedelta(hours=8))


def test_import_surface() -> None:
    for name in zhidu.__all__:
        assert hasattr(zhidu, name), name
    assert isinstance(zhidu.__version__, str)


def test_policy_set_builtin(ps: zhidu.PolicySet) -> None:
    assert ps.is_builtin
    assert "s2-service-center" in ps and "nope" not in ps and 5 not in ps
    assert len(ps) == len(ps.policy_ids) >= 5
    assert [p.id for p in ps.policies()] == ps.policy_ids
    assert ps.warnings == []
    assert any(name.endswith("cn-mainland.toml") for name, _ in ps.sources)
    assert "builtin" in repr(ps)


def test_policy_set_load_and_check(root: pathlib.Path) -> None:
    loaded = zhidu.PolicySet.load(root / "policies")
    assert not loaded.is_builtin
    assert loaded.policy_ids == zhidu.PolicySet.builtin().policy_ids
    assert zhidu.PolicySet.load(str(root / "policies" / "s2-service-center.toml")).policy_ids == [
        "s2-service-center"
    ]
    assert zhidu.PolicySet.check(root / "policies") == []
    with pytest.raises(zhidu.IoError) as e:
        zhidu.PolicySet.load(root / "no-such-dir")
    assert e.value.code == "io" and isinstance(e.value, OSError)
    assert e.value.filename.endswith("no-such-dir")


def test_from_sources_and_check_sources() -> None:
    text = """
[policy]
id = "town"
name = "镇便民服务中心"
version = "1"
effective_from = 2024-01-01
calendar = "cn-mainland"
source = "local rules"

[[class]]
id = "permit"
name = "许可件"
unit = "working_days"
limit = 20
source = { clause = "X.1", quote = "20个工作日内办结" }
"""
    for sources in ({"town.toml": text}, [("town.toml", text)], (("town.toml", text),)):
        town = zhidu.PolicySet.from_sources(sources).policy("town")
        assert town.due("permit", "2026-09-30").due_date == dt.date(2026, 11, 3)
    assert zhidu.PolicySet.check_sources({"town.toml": text}) == []
    found = zhidu.PolicySet.check_sources({"a.toml": "[policy]\nid = \"a\"\n"})
    assert found[0].message == "missing key `name`"
    assert (found[0].line, found[0].column, found[0].path, found[0].severity) == (1, 1, "policy", "error")
    assert found[0].to_dict() == {
        "severity": "error", "file": "a.toml", "line": 1, "column": 1, "path": "policy",
        "message": "missing key `name`", "help": found[0].help,
    }
    assert "a.toml:1:1" in str(found[0])


def test_policy_attributes(s2: zhidu.Policy) -> None:
    assert s2.id == "s2-service-center"
    assert s2.version == "2023-10-23"
    assert isinstance(s2.name, str) and s2.name
    assert s2.effective_from == dt.date(2004, 1, 1)
    assert s2.effective_until is None
    assert s2.calendar_id == "cn-mainland"
    assert s2.calendar_years == (2004, 2100)
    assert s2.calendar_notice_years == (2004, 2026)
    assert s2.utc_offset == dt.timedelta(hours=8)
    assert "promised" in s2.class_ids and "expert_review" in s2.suspension_ids
    assert s2.file.endswith("s2-service-center.toml")
    assert isinstance(s2.source, str)
    assert "s2-service-center" in repr(s2)
    assert s2 == zhidu.PolicySet.builtin().policy("s2-service-center")
    assert hash(s2) == hash(zhidu.PolicySet.builtin().policy("s2-service-center"))


@pytest.mark.parametrize(
    "accepted_at",
    [
        dt.datetime(2026, 9, 30, 10, tzinfo=CST),
        dt.datetime(2026, 9, 30, 10),  # naive: the calendar's zone
        dt.datetime(2026, 9, 30, 2, tzinfo=dt.timezone.utc),
        dt.datetime(2026, 9, 30, 10, tzinfo=ZoneInfo("Asia/Shanghai")),
        dt.date(2026, 9, 30),
        "2026-09-30T10:00:00+08:00",
        "2026-09-30T10:00",
        "2026-09-30",
    ],
)
def test_due_accepts_every_start(s2: zhidu.Policy, accepted_at: object) -> None:
    d = s2.due("promised", accepted_at=accepted_at, days=5)
    assert type(d.due_date) is dt.date and d.due_date == dt.date(2026, 10, 13)
    assert type(d.due_at) is dt.datetime and d.due_at == dt.datetime(2026, 10, 14, tzinfo=CST)
    assert d.due_at.utcoffset() == dt.timedelta(hours=8)
    assert (d.limit, d.unit) == (5, "working_days")


def test_due_result(s2: zhidu.Policy) -> None:
    d = s2.due("promised", "2026-09-30T10:00:00+08:00", 5)
    assert d.to_dict() == {
        "due_date": dt.date(2026, 10, 13),
        "due_at": dt.datetime(2026, 10, 14, tzinfo=CST),
        "limit": 5,
        "unit": "working_days",
        "provisional": False,
        "basis": [],
        "warnings": [],
    }
    assert list(d.to_dict()) == ["due_date", "due_at", "provisional", "basis", "limit", "unit", "warnings"]
    assert json.loads(d.to_json()) == {
        "due_date": "2026-10-13", "due_at": "2026-10-14T00:00:00+08:00", "limit": 5,
        "unit": "working_days", "provisional": False, "basis": [], "warnings": [],
    }
    # A3: 8 promised days are outside S2.xs.2's usual 3–5: the answer stands, with a warning.
    w = s2.due("promised", "2026-11-02T09:00", 8)
    assert w.due_date == dt.date(2026, 11, 12)
    assert [(x["code"], x["clause"], x["default"]) for x in w.warnings] == [
        ("outside_usual_range", "S2.xs.2", "A3")
    ]
    assert d == s2.due("promised", "2026-09-30", 5) and d != s2.due("promised", "2026-09-30", 4)
    assert "2026-10-13" in repr(d)
    ex = d.explanation
    assert ex is not None and ex is d.explanation  # computed once
    assert ex == s2.explain("promised", "2026-09-30T10:00:00+08:00", 5)
    assert (ex.policy, ex.policy_version, ex.class_id, ex.class_name) == (
        "s2-service-center", "2023-10-23", "promised", "承诺件"
    )
    assert ex.start == dt.datetime(2026, 9, 30, 10, tzinfo=CST)
    assert ex.due == d
    assert [day["date"] for day in ex.days][0] == dt.date(2026, 10, 1)
    counted = [day for day in ex.days if day["counted"]]
    assert [day["counted"] for day in counted] == [1, 2, 3, 4, 5]
    assert counted[2] == {
        "date": dt.date(2026, 10, 10), "kind": "makeup_workday", "festival": "国庆节",
        "counted": 3, "note": None,
    } or counted[2]["kind"] == "makeup_workday"
    assert ex.clauses[0]["clause"] == "S2.xs.2" and "S2.xs.2" in ex.clause_ids
    assert any(x["param"] == "A3" for x in ex.defaults)
    assert any("2026" in n for n in ex.notices)
    assert ex.rules
    whole = ex.to_dict()
    assert list(whole) == [
        "policy", "policy_version", "class", "class_name", "start", "due", "days", "clauses",
        "clause_ids", "defaults", "notices", "rules",
    ]
    assert whole["due"]["due_date"] == dt.date(2026, 10, 13)
    assert json.loads(ex.to_json())["due"]["due_at"] == "2026-10-14T00:00:00+08:00"
    assert ex.due.explanation is None


def test_due_minutes_class(ps: zhidu.PolicySet) -> None:
    s10 = ps.policy("s10-service-system")
    d = s10.due("immediate", dt.datetime(2026, 10, 12, 10, 50))
    assert d.due_at == dt.datetime(2026, 10, 12, 11, 20, tzinfo=CST)
    assert d.unit == "minutes" and d.explanation is not None and d.explanation.days == []
    with pytest.raises(zhidu.InputError) as e:
        s10.due("immediate", dt.date(2026, 10, 12))
    assert "needs an instant" in str(e.value) and e.value.help


def test_errors_of_due(ps: zhidu.PolicySet, s2: zhidu.Policy) -> None:
    with pytest.raises(zhidu.UnknownPolicyError) as up:
        ps.policy("s2-service-centre")
    assert (up.value.code, up.value.id, up.value.closest) == (
        "unknown_policy", "s2-service-centre", "s2-service-center"
    )
    assert up.value.help == "did you mean `s2-service-center`?" and up.value.index is None
    assert isinstance(up.value, LookupError)
    with pytest.raises(zhidu.UnknownClassError) as uc:
        s2.due("promsied", "2026-09-30", 5)
    assert (uc.value.policy, uc.value.id, uc.value.closest) == ("s2-service-center", "promsied", "promised")
    with pytest.raises(zhidu.CoverageError) as cov:
        s2.due("promised", "2101-01-04", 5)
    assert (cov.value.year, cov.value.calendar, cov.value.first_year, cov.value.last_year) == (
        2101, "cn-mainland", 2004, 2100
    )
    assert cov.value.to_dict() == {
        "code": "coverage", "message": "calendar `cn-mainland` does not cover 2101",
        "help": cov.value.help, "diagnostics": [],
    }
    with pytest.raises(zhidu.InputError):
        s2.due("promised", "2026-02-30", 5)
    with pytest.raises(zhidu.InputError):
        s2.due("promised", "2026-09-30", -1)
    with pytest.raises(zhidu.InputError):
        s2.due("promised", "2026-09-30", 2**32)
    with pytest.raises(zhidu.InputError):
        s2.due("complaint_complex", "2026-09-30", 3)  # a fixed limit takes no days
    with pytest.raises(zhidu.InputError):
        s2.due("promised", 20260930, 5)
    with pytest.raises(zhidu.InputError):
        s2.due(5, "2026-09-30", 5)


def test_not_in_force() -> None:
    text = """
[policy]
id = "new"
name = "新规"
version = "1"
effective_from = 2026-01-01
calendar = "cn-mainland"
source = "x"

[[class]]
id = "permit"
name = "许可件"
unit = "working_days"
limit = 20
source = { clause = "X.1", quote = "q" }
"""
    p = zhidu.PolicySet.from_sources({"new.toml": text}).policy("new")
    with pytest.raises(zhidu.NotInForceError) as e:
        p.due("permit", "2025-06-02")
    assert e.value.date == dt.date(2025, 6, 2) and e.value.policy == "new"


def test_too_large() -> None:
    with pytest.raises(zhidu.TooLargeError) as e:
        zhidu.PolicySet.from_sources({"big.toml": "#" * (8 * 1024 * 1024 + 1)})
    assert e.value.size > e.value.limit and isinstance(e.value, ValueError)


def test_policy_error_diagnostics() -> None:
    with pytest.raises(zhidu.PolicyError) as e:
        zhidu.PolicySet.from_sources({"bad.toml": "[policy]\nid = 5\n"})
    d = [x for x in e.value.diagnostics if x.path == "policy.id"][0]
    assert (d.file, d.line, d.column, d.severity) == ("bad.toml", 2, 6, "error")
    assert e.value.to_dict()["diagnostics"][0]["file"] == "bad.toml"


CASE = {
    "id": "C1",
    "class": "promised",
    "accepted_at": "2026-09-30T10:00:00+08:00",
    "days": 5,
    "handler": "张三",
    "window": "W01",
}


def test_case_status(s2: zhidu.Policy) -> None:
    s = s2.case_status(CASE, as_of="2026-10-12T09:00:00+08:00")
    assert (s.id, s.class_id, s.status, s.remaining, s.overdue_days) == ("C1", "promised", "yellow", 2, 0)
    assert s.due_date == dt.date(2026, 10, 13) and s.due_at == dt.datetime(2026, 10, 14, tzinfo=CST)
    assert (s.limit, s.unit, s.handler, s.window) == (5, "working_days", "张三", "W01")
    assert s.legal_due_date is None and s.completed_at is None and "S2.xs.2" in s.clauses
    assert list(s.to_dict())[:3] == ["id", "class", "status"]
    assert json.loads(s.to_json())["due_date"] == "2026-10-13"
    assert s == s2.case_status(json.dumps(CASE), dt.datetime(2026, 10, 12, 9))
    done = s2.case_status(dict(CASE, completed_at=dt.datetime(2026, 10, 14, 0, 0, 1)), "2026-10-20")
    assert done.status == "done_late" and done.completed_at == dt.datetime(2026, 10, 14, 0, 0, 1, tzinfo=CST)
    on_time = s2.case_status(dict(CASE, completed_at=dt.datetime(2026, 10, 14)), dt.date(2026, 10, 20))
    assert on_time.status == "done_on_time"
    csv_events = dict(CASE, events="suspend 2026-10-09T10:00 expert_review; resume 2026-10-14T09:00")
    assert s2.case_status(csv_events, "2026-10-15T12:00").due_date == dt.date(2026, 10, 19)
    ex = s2.explain_case(csv_events, "2026-10-15T12:00")
    assert ex.due.due_date == dt.date(2026, 10, 19)


def test_case_errors(s2: zhidu.Policy) -> None:
    for bad in [
        {"id": "C1"},
        dict(CASE, extra=1),
        dict(CASE, days="five"),
        dict(CASE, accepted_at="yesterday"),
        dict(CASE, events=[{"kind": "resume", "at": "2026-10-01"}]),
        dict(CASE, events="pause 2026-10-01"),
        "{not json",
        [1, 2],
        42,
    ]:
        with pytest.raises(zhidu.InputError):
            s2.case_status(bad, "2026-10-12")  # type: ignore[arg-type]
    with pytest.raises(zhidu.UnknownClassError):
        s2.case_status(dict(CASE, **{"class": "promsied"}), "2026-10-12")
    with pytest.raises(zhidu.InputError):
        s2.case_status(CASE, as_of="soon")


def test_provisional_years_and_notice_files(ps: zhidu.PolicySet) -> None:
    """Issue #12: a 20-working-day 承诺件 accepted 2026-12-10 is due 2027-01-08 by the statute
    (元旦 2027-01-01 is a Friday), provisional with its basis; the test notice moves it to
    2027-01-09 (01-04 off, Saturday 01-09 a make-up working day)."""
    s2 = ps.policy("s2-service-center")
    due = s2.due("promised", "2026-12-10", 20)
    assert due.due_date == dt.date(2027, 1, 8)
    assert due.provisional is True
    assert due.basis == [
        "2027: 国务院令第795号; the 2027 notice is not in the calendar; make-up working days unknown"
    ]
    assert due.to_dict()["provisional"] is True
    assert "provisional=True" in repr(due)
    assert s2.calendar_notice_years == (2004, 2026) and s2.calendar_years == (2004, 2100)
    assert s2.due("promised", "2026-09-30", 5).provisional is False
    notice = pathlib.Path(__file__).resolve().parents[3] / "tests" / "notices" / "test-2027.toml"
    with_notice = zhidu.PolicySet.load(notice).policy("s2-service-center")
    assert with_notice.calendar_notice_years == (2004, 2027)
    moved = with_notice.due("promised", "2026-12-10", 20)
    assert (moved.due_date, moved.provisional, moved.basis) == (dt.date(2027, 1, 9), False, [])
    cases = [
        {"id": "A", "class": "promised", "accepted_at": "2026-12-10T10:00:00+08:00", "days": 20},
        {"id": "C", "class": "promised", "accepted_at": "2026-12-01T10:00:00+08:00", "days": 5,
         "completed_at": "2026-12-05T10:00:00+08:00"},
    ]
    changes = s2.case_changes(with_notice, cases, "2027-01-06T09:00:00+08:00")
    assert [(c["index"], c["id"], c["changed"]) for c in changes] == [(0, "A", ["due_date"])]
    assert (changes[0]["old"]["due_date"], changes[0]["new"]["due_date"]) == (
        dt.date(2027, 1, 8), dt.date(2027, 1, 9)
    )
    status = s2.case_status(cases[0], "2027-01-06T09:00:00+08:00")
    assert status.provisional and status.basis[0].startswith("2027:")
