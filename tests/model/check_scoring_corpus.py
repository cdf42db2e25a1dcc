"""Checks the scoring model against the hand-computed conformance corpus
(tests/cases/assess/*.toml, kind = "assess" and kind = "rank", builtin policies S2 and S14).

    python3 tests/model/check_scoring_corpus.py [-v]

Scenarios that bring their own policy files (`[input.files]`: dated versions, load errors)
are out of the model's scope and skipped. Exit 1 when the model disagrees with a
hand-computed expectation.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring_model import ROOT, assess, load_scoring, rank  # noqa: E402

MODELLED = {"s2-service-center", "s14-window-scorecard"}


def cell(v) -> str:
    """A TOML value as the CSV cell that carries it."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def rows_of(items: list[dict]) -> list[tuple[int, dict]]:
    return [(i, {k: cell(v) for k, v in it.items()}) for i, it in enumerate(items, 1)]


def check(path: Path, policies: dict) -> tuple[bool, list[str]]:
    sc = tomllib.loads(path.read_text(encoding="utf-8"))
    inp, exp = sc["input"], sc["expect"]
    p = policies[sc["policy"]]
    cases = [(i, c) for i, c in enumerate(inp.get("cases", []), 1)] or None
    out = assess(p, inp["period"], rows_of(inp.get("incidents", [])), rows_of(inp.get("roster", [])) or None,
                 cases, inp.get("case_policy"))
    diffs = []
    if "outside_period" in exp and len(out["outside"]) != exp["outside_period"]:
        diffs.append(f"outside_period: expected {exp['outside_period']}, model {len(out['outside'])} (rows {out['outside']})")
    if "unpriced_late" in exp and len(out["unpriced"]) != exp["unpriced_late"]:
        diffs.append(f"unpriced_late: expected {exp['unpriced_late']}, model {len(out['unpriced'])}")
    if "errors" in exp:
        # (input, row): a case row's error (a late case with no handler) is compared too
        want = sorted((e.get("input", "incident"), e["row"]) for e in exp["errors"])
        got = sorted((k, n) for k, n, _ in out["errors"])
        if want != got:
            diffs.append(f"error rows: expected {want}, model {got} ({out['errors']})")
    cards = out["cards"]
    if "scorecard_count" in exp and len(cards) != exp["scorecard_count"]:
        diffs.append(f"scorecard_count: expected {exp['scorecard_count']}, model {len(cards)} ({sorted(cards)})")
    for ec in exp.get("scorecards", []):
        key = (ec.get("kind", "person"), ec["subject"])
        c = cards.get(key)
        if c is None:
            diffs.append(f"no card {key}")
            continue
        for f in ("total", "bonus", "fines", "withholdings", "window"):
            if f in ec and c[f] != ec[f]:
                diffs.append(f"{key[1]}.{f}: expected {ec[f]!r}, model {c[f]!r}")
        for cid, v in ec.get("categories", {}).items():
            if c["categories"][cid]["score"] != v:
                diffs.append(f"{key[1]}.{cid}: expected {v}, model {c['categories'][cid]['score']}")
        if "effects" in ec and sorted(set(ec["effects"])) != c["effects"]:
            diffs.append(f"{key[1]}.effects: expected {ec['effects']}, model {c['effects']}")
        if "lines" in ec and len(c["lines"]) != ec["lines"]:
            diffs.append(f"{key[1]}.lines: expected {ec['lines']}, model {len(c['lines'])}")
    if sc["kind"] == "rank" or "ranking" in exp:
        rk = rank(p, out)
        for er in exp.get("ranking", []):
            r = rk.get(er["window"])
            if r is None:
                diffs.append(f"no ranking row {er['window']}")
                continue
            for f in ("rank", "score", "members", "eligible"):
                if f in er and r[f] != er[f]:
                    diffs.append(f"rank {er['window']}.{f}: expected {er[f]!r}, model {r[f]!r}")
            if "disqualified_by" in er:
                want = sorted((d["rule"], d.get("imported_from", "")) for d in er["disqualified_by"])
                if want != r["disqualified_by"]:
                    diffs.append(f"rank {er['window']}.disqualified_by: expected {want}, model {r['disqualified_by']}")
        if "ranking" in exp and len(rk) != len(exp["ranking"]):
            diffs.append(f"ranking rows: expected {len(exp['ranking'])}, model {len(rk)}")
    return not diffs, diffs


def main() -> int:
    verbose = "-v" in sys.argv
    policies = {p: load_scoring(p) for p in MODELLED}
    n = bad = skipped = 0
    for path in sorted((ROOT / "tests/cases/assess").glob("*.toml")):
        sc = tomllib.loads(path.read_text(encoding="utf-8"))
        if sc.get("kind") not in ("assess", "rank") or sc.get("policy") not in MODELLED or "files" in sc.get("input", {}):
            skipped += 1
            continue
        n += 1
        ok, diffs = check(path, policies)
        if not ok:
            bad += 1
            print(f"FAIL {path.name}: " + "; ".join(diffs))
        elif verbose:
            print(f"ok   {path.name}")
    print(f"scoring corpus: {n} scenarios ({skipped} skipped: own policy files or load scenarios), {bad} disagree with the model")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
