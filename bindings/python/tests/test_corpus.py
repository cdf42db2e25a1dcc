"""The conformance corpus `tests/cases/**/*.toml` through Python, compared as
`crates/zhidu/tests/conformance.rs` compares it (kinds `due`, `case`, `load`; later
features' kinds are run by their own tests)."""

from __future__ import annotations

import pathlib
import sys
from typing import Any, Dict, List, Optional

import pytest

import zhidu

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CORPUS = pathlib.Path(__file__).resolve().parents[3] / "tests" / "cases"
KINDS = ("due", "case", "load")


def scenarios() -> List[Any]:
    out = []
    for path in sorted(CORPUS.rglob("*.toml")):
        scenario = tomllib.loads(path.read_text(encoding="utf-8"))
        if scenario.get("kind") in KINDS:
            out.append(pytest.param(scenario, id=str(path.relative_to(CORPUS))))
    return out


SCENARIOS = scenarios()


def test_corpus_found() -> None:
    assert len(SCENARIOS) >= 100


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


def check_error(expect: Dict[str, Any], err: zhidu.ZhiduError) -> None:
    assert err.code == expect["error"], f"expected error `{expect['error']}`, got `{err.code}`: {err}"
    if "message" in expect:
        assert str(err) == expect["message"]


def run(ps: zhidu.PolicySet, scenario: Dict[str, Any]) -> Optional[Any]:
    kind, data = scenario["kind"], scenario["input"]
    if kind == "due":
        p = ps.policy(scenario.get("policy", ""))
        return p.due(data.get("class", ""), data.get("accepted_at", ""), data.get("days"))
    if kind == "case":
        p = ps.policy(scenario.get("policy", ""))
        return p.case_status(data["case"], as_of=data.get("as_of", ""))
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
                for key in ("line", "column", "path", "message", "file"):
                    compare(w, key, getattr(g, key), errors)
                assert not errors, f"{'; '.join(errors)} (diagnostic: {g})"
        return
    assert "error" not in expect, f"expected error `{expect['error']}`, got {result!r}"
    errors: List[str] = []
    if scenario["kind"] == "due":
        compare(expect, "due_date", result.due_date, errors)
        compare(expect, "due_at", result.due_at, errors)
    elif scenario["kind"] == "case":
        for key in ("status", "due_date", "due_at", "remaining", "overdue_days", "legal_due_date"):
            compare(expect, key, getattr(result, key), errors)
    assert not errors, "; ".join(errors)
