"""The conformance corpus `tests/cases/**/*.toml` through Python, compared as
`crates/zhidu/tests/conformance.rs` compares it (kinds `due`, `case`, `load`, `assess`,
`rank`, `decide`, `notice_diff`, `report`, `access` and `retention`; other kinds are run by their own tests)."""

from __future__ import annotations

import decimal
import json
import pathlib
import sys
from typing import Any, Dict, List, Optional

import pytest

import zhidu

# The scenarios give `as_of` as the CLI takes it; a bare date there is meant (00:00).
pytestmark = pytest.mark.filterwarnings("ignore::zhidu.AsOfWarning")

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CORPUS = pathlib.Path(__file__).resolve().parents[3] / "tests" / "cases"
KINDS = (
    "due", "case", "load", "assess", "rank", "decide", "notice_diff", "report", "rota", "patrols",
    "obligations", "access", "retention", "triggers", "subsidies", "flow",
)


def scenarios() -> List[Any]:
    out = []
    for path in sorted(CORPUS.rglob("*.toml")):
        scenario = tomllib.loads(path.read_text(encoding="utf-8"))
        if scenario.get("kind") in KINDS:
            out.append(pytest.param(scenario, id=str(path.relative_to(CORPUS))))
    return out


SCENARIOS = scenarios()


def test_corpus_found() -> None:
    assert len(SCENARIOS) >= 200
    kinds = {p.values[0]["kind"] for p in SCENARIOS}
    assert kinds == set(KINDS)


def text(value: Any) -> str:
    """A value as conformance.rs prints it: strings as they are, None as null."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def compare(expect: Dict[str, Any], key: str, actual: Any, errors: List[str]) -> None:
    if key in expect:
        want, got = text(expect[key]), text(actual)
        if want != got:
            errors.append(f"{key}: expected {want}, got {got}")


def compare_warnings(expect: Dict[str, Any], warnings: List[Dict[str, Any]], errors: List[str]) -> None:
    """`warnings` in a scenario lists the codes, in order."""
    if "warnings" in expect:
        got = [w["code"] for w in warnings]
        if got != expect["warnings"]:
            errors.append(f"warnings: expected {expect['warnings']}, got {got}")


def check_error(expect: Dict[str, Any], err: zhidu.ZhiduError) -> None:
    assert err.code == expect["error"], f"expected error `{expect['error']}`, got `{err.code}`: {err}"
    if "message" in expect:
        assert str(err) == expect["message"]


def with_files(ps: zhidu.PolicySet, scenario: Dict[str, Any]) -> zhidu.PolicySet:
    """The builtin set plus the scenario's `[input.files]`, if it has any."""
    files = scenario["input"].get("files")
    if not files:
        return ps
    return zhidu.PolicySet.from_sources(list(ps.sources) + list(files.items()))


def assessment(ps: zhidu.PolicySet, scenario: Dict[str, Any]) -> zhidu.Assessment:
    data = scenario["input"]
    p = ps.policy(scenario.get("policy", ""))
    cases = data.get("cases") or None
    case_policy = data.get("case_policy", scenario.get("policy", "")) if cases else None
    roster = [(r.get("subject", ""), r.get("window", "")) for r in data.get("roster", [])]
    return p.assess(
        data.get("incidents", []),
        period=data.get("period", ""),
        cases=cases,
        case_policy=case_policy,
        roster=roster,
        errors="collect",       # the scenario's expected output lists its bad rows
    )


def decisions(ps: zhidu.PolicySet, scenario: Dict[str, Any]) -> zhidu.Decisions:
    data = scenario["input"]
    p = ps.policy(scenario.get("policy", ""))
    return p.decide(data.get("violations", []), as_of=data.get("as_of"), errors="collect")


def run(ps: zhidu.PolicySet, scenario: Dict[str, Any]) -> Optional[Any]:
    kind, data = scenario["kind"], scenario["input"]
    if kind in ("assess", "rank"):
        return assessment(with_files(ps, scenario), scenario)
    if kind == "decide":
        return decisions(with_files(ps, scenario), scenario)
    if kind == "access":
        p = with_files(ps, scenario).policy(scenario.get("policy", ""))
        return p.access(data.get("requests", []), errors="collect")
    if kind == "retention":
        p = ps.policy(scenario.get("policy", ""))
        return p.retention(data.get("records", []), as_of=data["as_of"], errors="collect")
    if kind == "due":
        p = with_files(ps, scenario).policy(scenario.get("policy", ""))
        return p.due(data.get("class", ""), data.get("accepted_at", ""), data.get("days"))
    if kind == "case":
        p = with_files(ps, scenario).policy(scenario.get("policy", ""))
        return p.case_status(data["case"], as_of=data.get("as_of", ""))
    if kind == "report":
        # `previous_cases = "cases"`: the same log (each period counts only its own cases).
        previous = data.get("previous_cases")
        return ps.policy(scenario.get("policy", "")).report(
            data.get("period", ""),
            cases=data.get("cases", []),
            incidents=data.get("incidents"),
            violations=data.get("violations"),
            as_of=data.get("as_of"),
            previous_cases=data.get("cases", []) if previous == "cases" else previous,
            errors="collect",
        )
    if kind in ("rota", "patrols", "obligations"):
        p = with_files(ps, scenario).policy(scenario.get("policy", ""))
        if kind == "rota":
            return p.rota(data.get("year", 0), windows=data.get("windows"), away=data.get("away"), errors="collect")
        if kind == "patrols":
            return p.patrol_failures(data.get("period", ""), data.get("log", []), windows=data.get("windows"), errors="collect")
        return p.obligations(data.get("period", ""), data.get("log"), errors="collect")
    if kind == "triggers":
        return ps.policy(scenario["policy"]).triggers(data.get("facts", []), errors="collect")
    if kind == "subsidies":
        return ps.policy(scenario["policy"]).subsidies(data.get("trainees", []), errors="collect")
    if kind == "flow":
        return ps.policy(scenario["policy"]).flow_findings(data.get("cases", []), errors="collect")
    if kind == "notice_diff":
        # What moves when the scenario's notice file is loaded beside the builtin set.
        pid = scenario.get("policy", "")
        new = zhidu.PolicySet.from_sources(list(data["files"].items())).policy(pid)
        return ps.policy(pid).case_changes(new, data["cases"], data["as_of"])
    return zhidu.PolicySet.from_sources(data.get("files", {}))


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_scenario(ps: zhidu.PolicySet, scenario: Dict[str, Any]) -> None:
    expect = scenario["expect"]
    try:
        result = run(ps, scenario)
    except zhidu.ZhiduError as err:
        assert "error" in expect, f"unexpected error `{err.code}`: {err}"
        check_error(expect, err)
        if scenario["kind"] == "load":
            got = [d for d in err.diagnostics if d.severity == "error"]
            want = expect.get("diagnostics", [])
            if want:
                assert len(want) == len(got), f"expected {len(want)} diagnostics, got {got}"
            for w, g in zip(want, got):
                errors: List[str] = []
                for key in ("line", "column", "path", "message", "file", "help"):
                    compare(w, key, getattr(g, key), errors)
                assert not errors, f"{'; '.join(errors)} (diagnostic: {g})"
        return
    assert "error" not in expect, f"expected error `{expect['error']}`, got {result!r}"
    errors: List[str] = []
    if scenario["kind"] == "due":
        compare(expect, "due_date", result.due_date, errors)
        compare(expect, "due_at", result.due_at, errors)
        check_provisional(expect, result, errors)
        compare_warnings(expect, result.warnings, errors)
    elif scenario["kind"] == "case":
        for key in ("status", "due_date", "due_at", "remaining", "overdue_days", "legal_due_date"):
            compare(expect, key, getattr(result, key), errors)
        check_provisional(expect, result, errors)
        compare_warnings(expect, result.warnings, errors)
    elif scenario["kind"] == "notice_diff":
        got = [
            {
                "id": c["id"], "changed": c["changed"],
                "old_due_date": text(c["old"]["due_date"]), "new_due_date": text(c["new"]["due_date"]),
                "old_status": c["old"]["status"], "new_status": c["new"]["status"],
                "old_overdue_days": c["old"]["overdue_days"], "new_overdue_days": c["new"]["overdue_days"],
            }
            for c in result
        ]
        if got != expect["changes"]:
            errors.append(f"changes: expected {expect['changes']}, got {got}")
    elif scenario["kind"] in ("assess", "rank"):
        check_assessment(with_files(ps, scenario), scenario, result, errors)
    elif scenario["kind"] == "decide":
        check_decisions(expect, result, errors)
    elif scenario["kind"] in ("report", "access", "retention"):
        report_matches("", expect, json.loads(result.to_json()), errors)
    elif scenario["kind"] in ("rota", "patrols", "obligations"):
        report_matches("", expect, plain(result), errors)
    elif scenario["kind"] in ("triggers", "subsidies", "flow"):
        # The answer is a dict of Python values: Decimals, dates and datetimes by their text.
        report_matches("", expect, json.loads(json.dumps(result, default=text)), errors)
    assert not errors, "; ".join(errors)


def plain(value: Any) -> Any:
    """A result dict as its JSON: dates back to their ISO text."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def report_matches(path: str, expect: Any, actual: Any, errors: List[str]) -> None:
    """As conformance.rs: tables key by key, lists item by item, a rate by its percentage, a
    case by its id, a row error by its row, scalars by their text."""
    if isinstance(expect, dict) and isinstance(actual, dict):
        for k, w in expect.items():
            report_matches(f"{path}.{k}", w, actual.get(k), errors)
    elif isinstance(expect, list) and isinstance(actual, list):
        if len(expect) != len(actual):
            errors.append(f"{path}: expected {len(expect)} items, got {len(actual)}")
        for i, (w, g) in enumerate(zip(expect, actual)):
            report_matches(f"{path}[{i}]", w, g, errors)
    elif not isinstance(expect, dict) and isinstance(actual, dict):
        for key in ("percent", "id", "row"):
            if key in actual:
                report_matches(path, expect, actual[key], errors)
                return
        errors.append(f"{path}: expected {expect}, got {actual}")
    else:
        want = expect if isinstance(expect, str) else json.dumps(expect)
        got = actual if isinstance(actual, str) else json.dumps(actual)
        if want != got:
            errors.append(f"{path}: expected {want}, got {got}")


def check_provisional(expect: Dict[str, Any], result: Any, errors: List[str]) -> None:
    compare(expect, "provisional", result.provisional, errors)
    if "basis" in expect and result.basis != expect["basis"]:
        errors.append(f"basis: expected {expect['basis']}, got {result.basis}")


def check_row_errors(
    want: List[Dict[str, Any]], got: List[zhidu.RowError], default_input: Optional[str],
    errors: List[str],
) -> None:
    """Row errors as conformance.rs checks them: the count, then each expected one by row
    (and input), its code and a part of its message or help."""
    shown = [f"{e.input} row {e.row}: {e.error.code} {e.error}" for e in got]
    if len(want) != len(got):
        errors.append(f"expected {len(want)} row errors, got {len(got)}: {shown}")
    for w in want:
        row, input_ = w.get("row", 0), w.get("input", default_input)
        found = [e for e in got if e.row == row and (input_ is None or e.input == input_)]
        if not found:
            errors.append(f"expected an error at {input_ or ''} row {row}, got {shown}")
            continue
        e = found[0]
        assert isinstance(e.error, zhidu.ZhiduError) and e.error.index == row - 1
        if "code" in w and e.error.code != w["code"]:
            errors.append(f"row {row}: expected `{w['code']}`, got `{e.error.code}`")
        if "message_contains" in w:
            text_ = f"{e.error} {e.error.help or ''}"
            if w["message_contains"] not in text_:
                errors.append(f"row {row}: `{text_}` does not contain `{w['message_contains']}`")


def check_assessment(
    ps: zhidu.PolicySet, scenario: Dict[str, Any], a: zhidu.Assessment, errors: List[str]
) -> None:
    expect = scenario["expect"]
    compare(expect, "outside_period", a.outside_period, errors)
    compare(expect, "unpriced_late", a.unpriced_late, errors)
    assert a.outside_period == len(a.outside_rows)
    assert a.unpriced_late == len(a.unpriced_rows)
    if "errors" in expect:
        check_row_errors(expect["errors"], a.errors, "incident", errors)
    for want in expect.get("scorecards", []):
        subject, kind = want.get("subject", ""), want.get("kind", "any")
        cards = [c for c in a if c.subject == subject and kind in ("any", c.kind)]
        if not cards:
            errors.append(f"no {kind} scorecard for `{subject}`; cards: {[c.subject for c in a]}")
            continue
        card, e = cards[0], []
        # The typed attributes, rendered as the CLI's JSON has them (fines: "190.00").
        assert isinstance(card.total, int) and isinstance(card.fines, decimal.Decimal)
        assert str(card.fines) == json.loads(card.to_json())["fines"]
        assert str(card.withholdings) == json.loads(card.to_json())["withholdings"]
        for key in ("total", "bonus", "fines", "withholdings", "window"):
            compare(want, key, getattr(card, key), e)
        for cat_id, score in want.get("categories", {}).items():
            got = [c["score"] for c in card.categories if c["id"] == cat_id]
            if got != [score]:
                e.append(f"category {cat_id}: expected {score}, got {got}")
        if "effects" in want:
            w, g = sorted(set(want["effects"])), sorted({x["name"] for x in card.effects})
            if w != g:
                e.append(f"effects: expected {w}, got {g}")
        if "lines" in want and len(card.lines) != want["lines"]:
            e.append(f"lines: expected {want['lines']}, got {len(card.lines)}")
        # Provenance: every line of the rule names the policy it is imported from ("" for own).
        for rule, policy in want.get("imported_from", {}).items():
            got = [line["imported_from"] or "" for line in card.lines if line["rule"] == rule]
            if not got or any(g != policy for g in got):
                e.append(f"imported_from of {rule}: expected `{policy}`, got {got}")
        errors.extend(f"{subject}: {x}" for x in e)
    if "scorecards" in expect and "scorecard_count" in expect:
        if len(a) != expect["scorecard_count"]:
            errors.append(f"expected {expect['scorecard_count']} scorecards, got {len(a)}")
    if "ranking" in expect:
        ranking = ps.policy(scenario.get("policy", "")).rank(a)
        assert ranking == a.rank()
        for w in expect["ranking"]:
            found = [r for r in ranking if r.window == w.get("window", "")]
            if not found:
                errors.append(f"window `{w.get('window')}` not ranked")
                continue
            for key in ("rank", "score", "eligible", "members"):
                compare(w, key, getattr(found[0], key), errors)
            if "disqualified_by" in w:
                want_d = [(d.get("rule", ""), d.get("imported_from", "")) for d in w["disqualified_by"]]
                got_d = [(d["rule"], d["imported_from"] or "") for d in found[0].disqualified_by]
                if want_d != got_d:
                    errors.append(f"{w['window']} disqualified_by: expected {want_d}, got {got_d}")


def check_decisions(expect: Dict[str, Any], d: zhidu.Decisions, errors: List[str]) -> None:
    check_row_errors(expect.get("errors", []), d.errors, None, errors)
    want = expect.get("decisions")
    if want is not None:
        if len(want) != len(d):
            errors.append(f"expected {len(want)} decisions, got {len(d)}")
        for i, (w, g) in enumerate(zip(want, d)):
            e: List[str] = []
            compare(w, "subject", g.subject, e)
            if "at" in w:
                got = g.at.date().isoformat() if len(w["at"]) == 10 else g.at.isoformat()
                if got != w["at"]:
                    e.append(f"at: expected {w['at']}, got {got}")
            compare(w, "violation", g.violation, e)
            compare(w, "applied", g.applied, e)
            compare(w, "tier", g.tier or 0, e)
            compare(w, "needs_review", g.needs_review, e)
            compare(w, "compensation", "" if g.compensation is None else str(g.compensation), e)
            compare(w, "escalation", (g.escalation or {}).get("clause", ""), e)
            compare(w, "candidate_tier", g.candidate_tier or 0, e)
            if "measures" in w and w["measures"] != g.measures:
                e.append(f"measures: expected {w['measures']}, got {g.measures}")
            if "clauses" in w and w["clauses"] != g.clauses:
                e.append(f"clauses: expected {w['clauses']}, got {g.clauses}")
            prior = ((g.escalation or {}).get("refers_to") or {}).get("at", "")
            compare(w, "refers_to", str(prior)[:10], e)
            if "review_contains" in w and w["review_contains"] not in "; ".join(g.review_reasons):
                e.append(f"review reasons {g.review_reasons} do not contain `{w['review_contains']}`")
            errors.extend(f"decision {i + 1} ({g.subject} {g.violation}): {x}" for x in e)
    for w in expect.get("highest", []):
        got = [s["highest_tier"] for s in d.subjects if s["subject"] == w.get("subject", "")]
        tier = (got[0] if got else None) or 0
        if tier != w.get("tier", 0):
            errors.append(f"highest tier of {w.get('subject')}: expected {w.get('tier')}, got {tier}")
