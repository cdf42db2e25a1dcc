"""One PolicySet used from 8 threads at once gives the same answers as sequential use
(issue #18 point 4): due dates, case statuses, scoring, decisions and the monthly report on
the example month."""

from __future__ import annotations

import csv
import json
import pathlib
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Dict, List

import zhidu

MONTH = pathlib.Path(__file__).resolve().parents[3] / "examples" / "2026-10"
THREADS = 8


def rows(name: str) -> List[Dict[str, Any]]:
    with open(MONTH / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


CASES = [json.loads(line) for line in (MONTH / "cases.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
INCIDENTS = rows("incidents.csv")
VIOLATIONS = rows("violations.csv")
ROSTER = rows("roster.csv")


def answers(ps: zhidu.PolicySet) -> Dict[str, Any]:
    s2 = ps.policy("s2-service-center")
    dues = [s2.due("promised", f"2026-09-{d:02d}T09:30", 5).to_dict() for d in range(1, 29)]
    statuses = [s2.case_status(c, "2026-10-20T12:00").to_dict() for c in CASES]
    assessment = s2.assess(INCIDENTS, period="2026-10", cases=CASES, roster=ROSTER).to_dict()
    decisions = s2.decide(VIOLATIONS, as_of="2026-10-20T12:00").to_dict()
    report = s2.report("2026-10", cases=CASES, incidents=INCIDENTS, violations=VIOLATIONS, roster=ROSTER).to_dict()
    return {"due": dues, "status": statuses, "assess": assessment, "decide": decisions, "report": report}


def test_eight_threads_share_one_policy_set(ps: zhidu.PolicySet) -> None:
    sequential = answers(ps)
    assert len(sequential["status"]) == len(CASES) > 50
    barrier = threading.Barrier(THREADS)

    def work(_: int) -> List[Dict[str, Any]]:
        barrier.wait()
        return [answers(ps) for _ in range(3)]

    with ThreadPoolExecutor(THREADS) as pool:
        results = [a for batch in pool.map(work, range(THREADS)) for a in batch]
    assert len(results) == THREADS * 3
    for a in results:
        for kind in sequential:
            assert a[kind] == sequential[kind], kind
