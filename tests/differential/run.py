"""Cross-host differential test: thousands of seeded random scenarios answered by the Rust
core, the CLI, the Python package and the WASM package in Node, compared field by field.

Run by tests/suites/differential.sh inside the Python package's venv, after the Python and
WASM suites have built their packages:

    python tests/differential/run.py [--seed N] [--due 3000] [--cases 1500] [--incidents 600]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

import zhidu

ROOT = Path(__file__).resolve().parents[2]
AS_OF = "2026-11-15T12:00:00+08:00"

DUE_KINDS = [
    ("s2-service-center", "promised", lambda r: r.randint(0, 12)),
    ("s2-service-center", "complaint_complex", lambda r: None),
    ("s2-service-center", "complaint_next_day", lambda r: None),
    ("s10-service-system", "immediate", lambda r: None),
    ("s10-service-system", "promised", lambda r: r.randint(1, 20)),
    ("s12-confidentiality", "job_materials_return", lambda r: None),
    ("s12-confidentiality", "borrowed_document", lambda r: None),
    ("s15-township-center", "defect_notice", lambda r: None),
    ("s2-service-center", "complaint_next_day", lambda r: 3),  # a fixed class given days: an error
]
S14_RULES = ["S14.att.1a", "S14.att.1d", "S14.att.2", "S14.att.3", "S14.att.6", "S14.svc.1", "S14.svc.3", "S14.svc.4", "S14.biz.1.2a", "S14.biz.1.4a", "S14.att.9"]


def instant(r: random.Random, day: date) -> str:
    """The same moment written the ways users write it."""
    h, m = r.randint(0, 23), r.choice([0, 5, 30, 59])
    match r.randint(0, 3):
        case 0:
            return day.isoformat()
        case 1:
            return f"{day}T{h:02}:{m:02}"
        case 2:
            return f"{day}T{h:02}:{m:02}:00+08:00"
        case _:
            return f"{day}T{h:02}:{m:02}:00Z"


def generate(seed: int, n_due: int, n_cases: int, n_incidents: int) -> dict:
    r = random.Random(seed)
    start = date(2024, 1, 1)
    day = lambda lo, hi: start + timedelta(days=r.randint(lo, hi))  # noqa: E731
    due = []
    for _ in range(n_due):
        policy, cls, days = r.choice(DUE_KINDS)
        d = day(0, 1100)  # a few land in 2027: coverage errors
        due.append({"policy": policy, "class": cls, "accepted_at": instant(r, d), "days": days(r)})
    cases = []
    for i in range(n_cases):
        accepted = day(365, 1035)
        t = accepted
        events = []
        for _ in range(r.choice([0, 0, 1, 2, 3])):
            t = t + timedelta(days=r.randint(0, 6))
            events.append({"kind": "suspend", "at": f"{t}T{r.randint(8, 17):02}:00:00+08:00", "reason": r.choice(["hearing", "testing", "expert_review", "correction", "awaiting_superior"])})
            if r.random() < 0.85:
                t = t + timedelta(days=r.randint(0, 8))
                events.append({"kind": "resume", "at": f"{t}T{r.randint(8, 17):02}:00:00+08:00"})
            else:
                break
        if r.random() < 0.1:
            events.append({"kind": "extend", "at": f"{accepted}T12:00:00+08:00", "days": r.randint(1, 6)})
        case = {"id": f"D{i}", "class": "promised", "accepted_at": f"{accepted}T{r.randint(8, 17):02}:15:00+08:00", "days": r.randint(1, 7), "events": events}
        if r.random() < 0.6:
            case["completed_at"] = f"{accepted + timedelta(days=r.randint(0, 25))}T16:00:00+08:00"
        cases.append({"policy": "s2-service-center", "as_of": AS_OF, "case": case})
    incidents = []
    for _ in range(n_incidents):
        rule = r.choice(S14_RULES)
        inc = {"subject": r.choice("甲乙丙丁戊己庚辛"), "window": r.choice(["W01", "W02", "W03"]), "at": f"2026-10-{r.randint(1, 31):02}", "rule": rule, "quantity": r.choice([1, 1, 1, 2, 3, 0])}
        if rule in ("S14.att.6", "S14.svc.3"):
            inc["points"] = r.choice([1, 3, 5, 10, 15, 20, 25])
        incidents.append(inc)
    return {"due": due, "cases": cases, "assess": {"policy": "s14-window-scorecard", "period": "2026-10", "incidents": incidents}}


def python_host(s: dict) -> dict:
    ps = zhidu.PolicySet.builtin()
    due = []
    for row in s["due"]:
        try:
            d = ps.policy(row["policy"]).due(row["class"], accepted_at=row["accepted_at"], days=row["days"])
            due.append({"due_date": str(d.due_date), "due_at": d.due_at.isoformat()})
        except zhidu.ZhiduError as e:
            due.append({"error": e.code})
    cases = []
    for row in s["cases"]:
        try:
            st = ps.policy(row["policy"]).case_status(row["case"], as_of=row["as_of"])
            cases.append({
                "status": st.status,
                "due_date": None if st.due_date is None else str(st.due_date),
                "due_at": None if st.due_at is None else st.due_at.isoformat(),
                "remaining": st.remaining,
                "overdue_days": st.overdue_days,
            })
        except zhidu.ZhiduError as e:
            cases.append({"error": e.code})
    a = s["assess"]
    out = ps.policy(a["policy"]).assess(a["incidents"], period=a["period"])
    cards = [
        {"subject": c.subject, "kind": c.kind, "total": c.total, "bonus": c.bonus, "fines": f"{c.fines:.2f}", "categories": {x["id"]: x["score"] for x in c.to_dict()["categories"]}}
        for c in out
    ]
    errors = [[e.row, e.error.code] for e in out.errors]
    return {"due": due, "cases": cases, "assess": {"cards": cards, "errors": errors}}


def cli_host(s: dict, zhidu_bin: Path, tmp: Path) -> dict:
    """The CLI answers in batches: due rows per (policy, class), the case log, the incidents."""
    due: list = [None] * len(s["due"])
    groups: dict = {}
    for i, row in enumerate(s["due"]):
        groups.setdefault((row["policy"], row["class"]), []).append(i)
    for (policy, cls), idx in groups.items():
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["accepted_at", "days"])
        for i in idx:
            w.writerow([s["due"][i]["accepted_at"], "" if s["due"][i]["days"] is None else s["due"][i]["days"]])
        out = subprocess.run([str(zhidu_bin), "due", "--policy", policy, "--class", cls, "--input", "-"], input=buf.getvalue(), capture_output=True, text=True)
        rows = list(csv.DictReader(io.StringIO(out.stdout)))
        assert len(rows) == len(idx), f"rows in {len(idx)} != rows out {len(rows)}"
        for i, row in zip(idx, rows):
            due[i] = {"error": "*"} if row["error"] else {"due_date": row["due_date"], "due_at": row["due_at"]}
    log = tmp / "cases.jsonl"
    log.write_text("".join(json.dumps(c["case"], ensure_ascii=False) + "\n" for c in s["cases"]), encoding="utf-8")
    out = subprocess.run([str(zhidu_bin), "cases", "--policy", "s2-service-center", "--as-of", AS_OF, str(log), "--format", "json"], capture_output=True, text=True)
    cases = []
    for v in json.loads(out.stdout)["cases"]:
        if "error" in v:
            cases.append({"error": v["error"]["code"]})
        else:
            cases.append({k: v[k] for k in ("status", "due_date", "due_at", "remaining", "overdue_days")})
    inc = tmp / "incidents.csv"
    with inc.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["subject", "window", "at", "rule", "quantity", "points", "note"])
        for i in s["assess"]["incidents"]:
            w.writerow([i["subject"], i["window"], i["at"], i["rule"], i["quantity"], i.get("points", ""), ""])
    out = subprocess.run([str(zhidu_bin), "assess", "--policy", "s14-window-scorecard", "--period", "2026-10", "--incidents", str(inc), "--format", "json"], capture_output=True, text=True)
    cards = [
        {"subject": c["subject"], "kind": c["kind"], "total": c["total"], "bonus": c["bonus"], "fines": c["fines"], "categories": {x["id"]: x["score"] for x in c["categories"]}}
        for c in json.loads(out.stdout)["scorecards"]
    ]
    errors = [[int(line.split()[2].rstrip(":")), "*"] for line in out.stderr.splitlines() if line.startswith("incident row ")]
    return {"due": due, "cases": cases, "assess": {"cards": cards, "errors": errors}}


def compare(name: str, want: dict, got: dict, loose_errors: bool = False) -> list[str]:
    problems = []
    for part in ("due", "cases"):
        for i, (w, g) in enumerate(zip(want[part], got[part])):
            if loose_errors and "error" in w and "error" in g:
                continue
            if w != g:
                problems.append(f"{name} {part}[{i}]: rust {w} != {g}")
        if len(want[part]) != len(got[part]):
            problems.append(f"{name} {part}: {len(want[part])} rows != {len(got[part])}")
    if want["assess"]["cards"] != got["assess"]["cards"]:
        problems.append(f"{name} assess cards differ: rust {want['assess']['cards'][:2]} … vs {got['assess']['cards'][:2]} …")
    we = [r for r, _ in want["assess"]["errors"]] if loose_errors else want["assess"]["errors"]
    ge = [r for r, _ in got["assess"]["errors"]] if loose_errors else got["assess"]["errors"]
    if we != ge:
        problems.append(f"{name} assess errors differ: {we[:5]} vs {ge[:5]}")
    return problems


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=20261127)
    ap.add_argument("--due", type=int, default=3000)
    ap.add_argument("--cases", type=int, default=1500)
    ap.add_argument("--incidents", type=int, default=600)
    ap.add_argument("--zhidu", default=str(ROOT / "target/debug/zhidu"))
    ap.add_argument("--rust", default=str(ROOT / "target/debug/examples/differential"))
    args = ap.parse_args()
    s = generate(args.seed, args.due, args.cases, args.incidents)
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        path = tmp / "scenarios.json"
        path.write_text(json.dumps(s, ensure_ascii=False), encoding="utf-8")
        rust = json.loads(subprocess.run([args.rust, str(path)], capture_output=True, text=True, check=True).stdout)
        wasm = json.loads(subprocess.run(["node", str(ROOT / "tests/differential/wasm_host.cjs"), str(path)], capture_output=True, text=True, check=True).stdout)
        py = python_host(s)
        cli = cli_host(s, Path(args.zhidu), tmp)
    problems = compare("python", rust, py) + compare("wasm", rust, wasm) + compare("cli", rust, cli, loose_errors=True)
    n = len(s["due"]) + len(s["cases"]) + len(s["assess"]["incidents"])
    errors = sum("error" in x for x in rust["due"] + rust["cases"])
    print(f"differential: {n} scenarios ({len(s['due'])} due, {len(s['cases'])} cases, {len(s['assess']['incidents'])} incidents; {errors} expected errors) through rust, cli, python, wasm")
    for p in problems[:30]:
        print("  " + p)
    print(f"{4 * n - len(problems)} passed, {len(problems)} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
