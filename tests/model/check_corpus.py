"""Checks the reference model against the hand-computed conformance corpus
(tests/cases/deadline/*.toml, kind = "case" and kind = "due" for the modelled units).

    python3 tests/model/check_corpus.py

A `due` scenario is run as a case with no events, as of its acceptance instant.
Exit 1 when the model disagrees with a hand-computed expectation.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from clock_model import ROOT, ModelError, case_status, load_policy  # noqa: E402


def main() -> int:
    bad = 0
    n = 0
    for path in sorted((ROOT / "tests/cases/deadline").glob("*.toml")):
        sc = tomllib.loads(path.read_text(encoding="utf-8"))
        kind = sc.get("kind")
        if kind not in ("case", "due"):
            continue
        # Out of the model's scope (tests/model/README.md): provisional years after the last
        # notice (issue #12's own tests cover them) and policies given inline in the scenario.
        if "files" in sc["input"] or "provisional" in sc["expect"] or "basis" in sc["expect"]:
            continue
        try:
            p = load_policy(sc["policy"])
        except ModelError as e:
            got = {"error": e.code}
            exp = sc["expect"]
            if exp.get("error") != e.code:
                print(f"FAIL {path.name}: expected {exp}, model {got}")
                bad += 1
            n += 1
            continue
        inp = sc["input"]
        if kind == "case":
            case = dict(inp["case"])
            as_of = inp["as_of"]
        else:
            case = {"id": "C", "class": inp["class"], "accepted_at": inp["accepted_at"]}
            if "days" in inp:
                case["days"] = inp["days"]
            as_of = "2026-12-31T23:59:59+08:00"
            if inp["accepted_at"] > "2026-12-31":
                as_of = inp["accepted_at"] + ("T23:59:59+08:00" if len(inp["accepted_at"]) == 10 else "")
        got = case_status(p, case, as_of)
        exp = sc["expect"]
        n += 1
        if got is None and exp.get("status") == "not_yet_accepted":
            continue  # the model leaves out a case accepted after the as-of instant: agreed
        if got is None:
            print(f"FAIL {path.name}: model excluded the case")
            bad += 1
            continue
        diffs = []
        for k, v in exp.items():
            if k in ("message", "warnings"):
                continue  # the model checks the clock; warnings are compared by the hosts' runners
            if k == "error":
                if got.get("error") != v:
                    diffs.append(f"error: expected {v}, model {got.get('error')} ({got.get('message')})")
                continue
            if got.get(k) != v:
                diffs.append(f"{k}: expected {v!r}, model {got.get(k)!r}")
        if diffs:
            if kind == "due" and "error" not in exp and got.get("error") == "coverage":
                continue  # the model runs due scenarios as cases as of 2026-12-31; not a disagreement
            bad += 1
            print(f"FAIL {path.name}: " + "; ".join(diffs))
    print(f"corpus: {n} scenarios, {bad} disagree with the model")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
