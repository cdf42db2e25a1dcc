"""`Policy.report`: the CLI's report from Python, its renderers and its DataFrames."""

from __future__ import annotations

import csv
import decimal
import json
import os
import pathlib
import subprocess
from typing import Any, Dict, List

import pytest

import zhidu

MONTH = pathlib.Path(__file__).resolve().parents[3] / "examples" / "2026-10"


def rows(name: str) -> List[Dict[str, Any]]:
    """A CSV file of the example month as `csv.DictReader` gives it: every cell text, empty
    cells empty. The core reads those cells as the CLI reads the file."""
    with open(MONTH / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def example_report(s2: zhidu.Policy) -> zhidu.Report:
    cases = (MONTH / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    return s2.report(
        "2026-10",
        cases=[line for line in cases if line.strip()],
        incidents=rows("incidents.csv"),
        violations=rows("violations.csv"),
        roster=rows("roster.csv"),
    )


def cli_json(root: pathlib.Path) -> Dict[str, Any]:
    """`zhidu report --format json` on the example month (ZHIDU_CLI, or cargo run)."""
    cli = os.environ.get("ZHIDU_CLI")
    command = [cli] if cli else ["cargo", "run", "-q", "-p", "zhidu-cli", "--"]
    args = [
        "report", "--policy", "s2-service-center", "--period", "2026-10",
        "--cases", str(MONTH / "cases.jsonl"), "--incidents", str(MONTH / "incidents.csv"),
        "--violations", str(MONTH / "violations.csv"), "--roster", str(MONTH / "roster.csv"),
        "--format", "json",
    ]
    out = subprocess.run(command + args, cwd=root, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def test_same_report_as_the_cli(s2: zhidu.Policy, root: pathlib.Path) -> None:
    report = example_report(s2)
    assert not report.has_errors()
    assert json.loads(report.to_json()) == cli_json(root)


def test_typed_figures(s2: zhidu.Policy) -> None:
    report = example_report(s2)
    f = report.figures
    # Every case of the period is completed in it or open at its end.
    assert f["cases"] == f["completed"] + f["open"]
    assert f["completed"] == f["completed_on_time"] + f["completed_late"]
    rate = f["on_time_rate"]
    assert isinstance(rate["percent"], decimal.Decimal)
    assert rate["numerator"] == f["completed_on_time"] and rate["denominator"] == f["completed"]
    assert report.as_of.isoformat() == "2026-10-31T23:59:59+08:00"
    assert [w["key"] for w in report.by_window] == sorted(w["key"] for w in report.by_window)
    assert len(report.longest_overdue) <= 10
    assert report.assessment is not None and len(report.assessment) > 0
    assert isinstance(report.mean_score, decimal.Decimal)
    assert report == example_report(s2)
    assert "Report(policy=\"s2-service-center\"" in repr(report)


def test_a_hand_computed_month(s2: zhidu.Policy) -> None:
    # B: promised 3, accepted Mon 10-12, due 10-15, done 10-20 → late, 6 working days.
    # S0 was completed in September: not one of October's cases.
    report = s2.report(
        "2026-10",
        cases=[
            {"id": "S0", "class": "promised", "accepted_at": "2026-09-14T09:00", "days": 5,
             "completed_at": "2026-09-16T10:00"},
            {"id": "B", "class": "promised", "accepted_at": "2026-10-12T09:00", "days": 3,
             "window": "W07", "completed_at": "2026-10-20T10:00"},
            {"id": "X", "class": "immediate", "accepted_at": "2026-10-12T09:00"},
        ],
    )
    f = report.figures
    assert (f["cases"], f["received"], f["completed_late"], f["days_p90"]) == (1, 1, 1, 6)
    assert f["on_time_rate"]["percent"] == decimal.Decimal("0.00")
    assert [e.row for e in report.case_errors] == [3]
    assert report.case_errors[0].error.code == "unknown_class"


def test_renderers(s2: zhidu.Policy) -> None:
    report = example_report(s2)
    html = report.to_html()
    assert html.startswith("<!doctype html>") and "按时办结率" in html and "<script" not in html
    assert "on-time completion rate" in report.to_html(lang="en")
    assert "按时办结率" in report.to_text()
    with pytest.raises(zhidu.InputError):
        report.to_text(lang="fr")


def test_frames(s2: zhidu.Policy) -> None:
    pd = pytest.importorskip("pandas")
    frames = example_report(s2).frames()
    windows = frames["by_window"]
    assert isinstance(windows, pd.DataFrame)
    assert list(windows["key"])[:2] == ["W01 不动产登记", "W02 市场准入"]
    assert {"on_time_rate", "on_time_rate_numerator", "received"} <= set(windows.columns)
    assert len(frames["scorecards"]) == 40
    assert len(frames["ranking"]) == 12


def test_the_core_chooses_the_case_policy(ps: zhidu.PolicySet) -> None:
    """As in the CLI and JavaScript: without `case_policy` the cases are read with this
    policy, which needs deadline classes only when there are cases."""
    s14 = ps.policy("s14-window-scorecard")
    incidents = [{"subject": "张三", "window": "W01", "at": "2026-10-12", "rule": "S14.att.1a"}]
    report = s14.report("2026-10", incidents=incidents)
    assert report.cases_total == 0 and report.assessment is not None
    case = {"id": "C1", "class": "promised", "accepted_at": "2026-10-12", "days": 5}
    with pytest.raises(zhidu.InputError, match="no deadline classes"):
        s14.report("2026-10", cases=[case])
    report = s14.report("2026-10", cases=[case], case_policy="s2-service-center")
    assert report.cases_total == 1
    assert s14.report("2026-10", cases=[case], case_policy=ps.policy("s2-service-center")) == report


def test_cases_from_an_iterator_are_read_in_chunks(s2: zhidu.Policy) -> None:
    """A generator of case log lines (a large log read lazily) gives the report the list gives
    (issue #18: the core's ReportBuilder reads it 16,384 rows at a time), bad lines numbered
    in their places."""
    lines = [line for line in (MONTH / "cases.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    lines.insert(5, '{"id": 1}')
    kwargs = dict(incidents=rows("incidents.csv"), violations=rows("violations.csv"), roster=rows("roster.csv"), errors="collect")
    whole = s2.report("2026-10", cases=lines, **kwargs)
    streamed = s2.report("2026-10", cases=(line for line in lines), **kwargs)
    assert json.loads(streamed.to_json()) == json.loads(whole.to_json())
    assert [e.row for e in streamed.case_errors] == [6]
