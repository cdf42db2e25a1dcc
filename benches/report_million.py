#!/usr/bin/env python3
"""A report over a million cases (issue #18 point 4): generate N cases with events
deterministically, run `zhidu report` on them under `/usr/bin/time -v`, print the peak RSS and
the time. Nothing is committed: the case log is written to target/million/.

    cargo build --release -p zhidu-cli
    python3 benches/report_million.py                       # 1,000,000 cases
    python3 benches/report_million.py --count 100000        # the same at a tenth, to see growth

Cases of s2-service-center over August–October 2026 (the report is October's): promised
(3–5 days), reported_up (5–20 days), on_the_spot (30 minutes), complaint_next_day; one in ten suspended and resumed
(correction restarts, testing pauses), one in fifty extended; eight in ten completed, some late;
200 handlers over 20 windows. Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TZ = dt.timezone(dt.timedelta(hours=8))
CLASSES = [("promised", 0.55), ("reported_up", 0.10), ("on_the_spot", 0.25), ("complaint_next_day", 0.10)]


def iso(t: dt.datetime) -> str:
    return t.isoformat(timespec="minutes")


def generate(path: Path, count: int, seed: int) -> None:
    r = random.Random(seed)
    start = dt.datetime(2026, 8, 1, 8, 30, tzinfo=TZ)
    span = 92 * 24 * 60  # August to October, in minutes
    names, weights = zip(*CLASSES)
    with path.open("w", encoding="utf-8") as f:
        for i in range(count):
            cls = r.choices(names, weights)[0]
            acc = start + dt.timedelta(minutes=r.randrange(span))
            acc = acc.replace(hour=8 + r.randrange(9))
            case = {"id": f"M{i:07d}", "class": cls, "accepted_at": iso(acc)}
            if cls == "promised":
                case["days"] = r.randint(3, 5)
            elif cls == "reported_up":
                case["days"] = r.randint(5, 20)
            elif cls == "on_the_spot":
                case["days"] = 30  # minutes: the class's limit is promised per case
            h = r.randrange(200)
            case["handler"] = f"办事员{h:03d}"
            case["window"] = f"W{h % 20:02d}"
            events = []
            t = acc
            if r.random() < 0.10 and cls in ("promised", "reported_up"):
                t = t + dt.timedelta(hours=r.randint(2, 48))
                events.append({"kind": "suspend", "at": iso(t), "reason": r.choice(["correction", "testing"])})
                t = t + dt.timedelta(hours=r.randint(2, 120))
                events.append({"kind": "resume", "at": iso(t)})
            if r.random() < 0.02 and cls == "promised":
                t = t + dt.timedelta(hours=r.randint(1, 24))
                events.append({"kind": "extend", "at": iso(t), "days": r.randint(1, 3), "approved_by": "主任"})
            if events:
                case["events"] = events
            if r.random() < 0.8:
                done = t + dt.timedelta(minutes=r.choice([20, 90, 60 * 24, 60 * 24 * 4, 60 * 24 * 9]))
                case["completed_at"] = iso(done)
            f.write(json.dumps(case, ensure_ascii=False))
            f.write("\n")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--zhidu", default=str(ROOT / "target" / "release" / "zhidu"))
    args = ap.parse_args()
    out = ROOT / "target" / "million"
    out.mkdir(parents=True, exist_ok=True)
    log = out / f"cases-{args.count}.jsonl"
    if not log.exists():
        generate(log, args.count, args.seed)
    size = log.stat().st_size
    cmd = ["/usr/bin/time", "-v", args.zhidu, "report", "--policy", "s2-service-center",
           "--period", "2026-10", "--cases", str(log), "--format", "json", "--lang", "en"]
    p = subprocess.run(cmd, capture_output=True, text=True)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", p.stderr)
    user = re.search(r"User time \(seconds\): (\S+)", p.stderr)
    if p.returncode not in (0, 1) or not rss:
        print(p.stderr[-2000:], file=sys.stderr)
        return 2
    report = json.loads(p.stdout)
    figures = report.get("figures", {})
    print(f"cases {args.count:,} ({size / 1e6:.0f} MB of JSON Lines), exit {p.returncode}: "
          f"peak RSS {int(rss.group(1)) / 1024:.0f} MiB, wall {wall.group(1) if wall else '?'}, "
          f"user {user.group(1) if user else '?'} s; October figures: received {figures.get('received')}, "
          f"cases {figures.get('cases')}, overdue {figures.get('overdue')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
