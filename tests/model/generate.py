"""Seeded random case logs for the clock model, favouring the edges.

Each generated log is one case with its policy and as-of instant:

    {"policy": ..., "as_of": ..., "case": {...}, "tags": [...]}

Logs come in batches that share a policy and an as-of instant, so that one `zhidu cases`
run answers a whole batch. The edges (tags): events at 00:00, on holidays and make-up days,
month boundaries, extensions while suspended, completion while suspended, completion before
the start event, completion and as-of exactly at the due instant, acceptance after as-of,
events after as-of, suspensions and extensions after the due instant.

    python3 tests/model/generate.py --count 100 --seed 1 > logs.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from clock_model import case_status, load_policy  # noqa: E402

# (policy, class, days generator or None for a fixed limit, weight)
CLASSES = {
    "s2-service-center": [
        ("promised", lambda r: r.choice([None, 1, 2, 3, 3, 4, 5, 5, 5, 6, 8, 10, 0]), 30),
        ("reported_up", lambda r: r.randint(1, 15), 15),
        ("complaint_next_day", lambda r: None, 12),
        ("complaint_complex", lambda r: None, 12),
        ("forwarded_complaint", lambda r: None, 8),
    ],
    "s10-service-system": [
        ("immediate", lambda r: None, 25),
        ("promised", lambda r: r.randint(1, 12), 25),
        ("reported_up", lambda r: r.randint(1, 15), 10),
        ("supplement", lambda r: r.randint(1, 8), 25),
    ],
    "s12-confidentiality": [
        ("job_materials_return", lambda r: None, 1),
    ],
}
POLICY_WEIGHTS = [("s2-service-center", 55), ("s10-service-system", 38), ("s12-confidentiality", 7)]
REASONS = ["correction", "hearing", "testing", "expert_review", "awaiting_superior"]
TZ = timezone(timedelta(hours=8))
FIRST = date(2025, 1, 6)
LAST_ASOF = date(2026, 12, 2)  # today: as-of instants stay before it, so counts stay in 2026


class Gen:
    def __init__(self, seed: int):
        self.r = random.Random(seed)
        self.policies = {p: load_policy(p) for p, _ in POLICY_WEIGHTS}
        cal = self.policies["s2-service-center"].calendar
        self.cal = cal
        self.special = sorted(d for d in cal.holidays | cal.workdays if FIRST <= d <= LAST_ASOF)
        self.month_edges = []
        d = FIRST
        while d <= LAST_ASOF:
            if d.day == 1:
                self.month_edges += [d - timedelta(days=1), d]
            d += timedelta(days=1)

    # ------------------------------------------------------------------ instants
    def day_near(self, lo: date, hi: date) -> date:
        r = self.r
        if hi < lo:
            return lo
        x = r.random()
        pool = None
        if x < 0.25:
            pool = [d for d in self.special if lo <= d <= hi]
        elif x < 0.35:
            pool = [d for d in self.month_edges if lo <= d <= hi]
        if pool:
            return r.choice(pool)
        return lo + timedelta(days=r.randint(0, (hi - lo).days))

    def time_of_day(self) -> tuple[int, int, int]:
        r = self.r
        x = r.random()
        if x < 0.3:
            return (0, 0, 0)
        if x < 0.4:
            return (23, 59, 59)
        if x < 0.5:
            return (23, 59, 0)
        if x < 0.6:
            return (0, 0, 1)
        return (r.randint(7, 19), r.choice([0, 0, 15, 30, 45, r.randint(0, 59)]), 0)

    def at(self, d: date, hms=None) -> int:
        h, m, s = hms or self.time_of_day()
        return int(datetime(d.year, d.month, d.day, h, m, s, tzinfo=TZ).timestamp())

    def fmt(self, t: int) -> str:
        r = self.r
        dt = datetime.fromtimestamp(t, tz=TZ)
        x = r.random()
        if x < 0.1:
            return datetime.fromtimestamp(t, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        if x < 0.18 and dt.second == 0:
            return dt.strftime("%Y-%m-%dT%H:%M")
        return dt.isoformat()

    @staticmethod
    def date_of(t: int) -> date:
        return datetime.fromtimestamp(t, tz=TZ).date()

    # ------------------------------------------------------------------ batches
    def batch(self, n: int) -> list[dict]:
        r = self.r
        policy = r.choices([p for p, _ in POLICY_WEIGHTS], [w for _, w in POLICY_WEIGHTS])[0]
        d = self.day_near(date(2025, 2, 1), LAST_ASOF)
        A = self.at(d)
        logs = []
        for _ in range(n):
            logs.append(self.case(policy, A))
        return logs

    def case(self, policy: str, A: int) -> dict:
        r = self.r
        p = self.policies[policy]
        classes = CLASSES[policy]
        cls_id, days_gen, _ = r.choices(classes, [w for *_, w in classes])[0]
        cls = p.classes[cls_id]
        days = days_gen(r)
        wall = cls.unit in ("minutes", "hours")
        tags = []
        unit_s = {"minutes": 60, "hours": 3600}.get(cls.unit, 86400)
        span_units = (days if days is not None else (cls.limit if cls.limit is not None else cls.default_limit or 5))
        dA = self.date_of(A)
        # acceptance: mostly before A, sometimes so that the due instant is exactly A
        mode = r.random()
        if mode < 0.03:
            acc = A + r.choice([1, 60, 3600, 86400 * r.randint(1, 5)])
            tags.append("accepted_after_as_of")
        elif wall:
            back = r.choice([r.randint(0, span_units * unit_s * 2), r.randint(0, 3 * 86400), span_units * unit_s])
            acc = A - back
            if r.random() < 0.3:
                acc = acc - acc % 60  # whole minutes
        else:
            back_days = r.randint(0, max(3, span_units * 3 + 12))
            acc_day = self.day_near(dA - timedelta(days=back_days), dA - timedelta(days=max(0, back_days - 3)))
            acc = self.at(acc_day)
            if acc > A:
                acc = A - r.randint(0, 3600)
        if acc < self.at(FIRST, (0, 0, 0)):
            acc = self.at(FIRST, (9, 0, 0))
        case = {"id": None, "class": cls_id}
        if r.random() < 0.04 and not wall:
            case["accepted_at"] = self.date_of(acc).isoformat()
            tags.append("plain_date")
            acc = int(datetime.combine(self.date_of(acc), datetime.min.time(), tzinfo=TZ).timestamp())
            if acc > A:
                tags.append("accepted_after_as_of")
        else:
            case["accepted_at"] = self.fmt(acc)
        if days is not None:
            case["days"] = days
        events = []
        t = acc
        step_max = 3600 * 2 if wall else 86400 * 3
        start_class = cls.clock_starts == "start_event"
        start_t = None
        if start_class:
            if r.random() < 0.85:
                t = t + r.randint(0, step_max)
                if not wall and r.random() < 0.6:
                    t = self.at(self.day_near(self.date_of(t), self.date_of(t) + timedelta(days=2)))
                    t = max(t, acc)
                start_t = t
                events.append({"kind": "start", "at": t})
            else:
                tags.append("no_start_event")
        suspended = False
        ext_total = 0
        for _ in range(r.choice([0, 0, 1, 1, 2, 3, 4, 5])):
            t = t + r.randint(0 if r.random() < 0.1 else 1, step_max)
            if not wall and r.random() < 0.5:
                t = max(t, self.at(self.day_near(self.date_of(t), self.date_of(t) + timedelta(days=1))))
            x = r.random()
            if x < 0.25 and cls.max_extension > 0:
                cap = min(cls.max_extension, 30)  # an uncapped class (S2.ts.6d) gets weeks, not 10^9 days
                k = r.randint(1, max(1, cap - ext_total)) if (r.random() < 0.95 or cap < cls.max_extension) else cls.max_extension + 1
                ext_total += k
                ev = {"kind": "extend", "at": t, "days": k, "approved_by": "主任"}
                if not cls.needs_reason or r.random() < 0.9:
                    ev["reason"] = "已告知申请人"  # the logged notice; missing on 10 % where it is required
                else:
                    tags.append("extension_without_notice")
                events.append(ev)
                if suspended:
                    tags.append("extend_while_suspended")
                if ext_total > cls.max_extension:
                    tags.append("extension_over_cap")
            elif x < 0.04 and cls.max_extension == 0:
                events.append({"kind": "extend", "at": t, "days": 1})
                tags.append("extension_not_allowed")
            elif not suspended:
                if policy == "s12-confidentiality":
                    continue
                events.append({"kind": "suspend", "at": t, "reason": r.choice(REASONS)})
                suspended = True
            else:
                events.append({"kind": "resume", "at": t})
                suspended = False
        if policy == "s12-confidentiality":
            events = [e for e in events if e["kind"] != "suspend"]
        # the model's view with no completion, far in the future: the due instant
        probe = dict(case)
        probe["events"] = [dict(e, at=self.fmt_exact(e["at"])) for e in events]
        far = self.fmt_exact(self.at(date(2026, 12, 31), (23, 0, 0)))
        st = case_status(self.policies[policy], probe, far)
        due_at = None
        if st and "error" not in st and st.get("due_at"):
            due_at = int(datetime.fromisoformat(st["due_at"]).timestamp())
        # edges relative to the due instant
        if due_at is not None and r.random() < 0.12:
            x = r.random()
            if x < 0.5 and not (suspended and r.random() < 0.5):
                te = due_at + r.choice([0, 0, 1, 60, 86400, 86400 * 2])
                events.append({"kind": "suspend", "at": te, "reason": r.choice(REASONS)} if policy != "s12-confidentiality" else {"kind": "extend", "at": te, "days": 1})
                tags.append("suspend_at_or_after_due" if events[-1]["kind"] == "suspend" else "extension_not_allowed")
                if suspended and events[-1]["kind"] == "suspend":
                    tags.append("suspend_while_suspended")
            elif cls.max_extension > ext_total:
                te = due_at + r.choice([0, 0, 1, 60, 86400])
                events.append({"kind": "extend", "at": te, "days": 1})
                ext_total += 1
                tags.append("extend_at_due" if te == due_at else "extend_after_due")
        # an event exactly at the as-of instant (known: events after it are ignored)
        if events and r.random() < 0.06:
            events.sort(key=lambda e: e["at"])
            j = r.randrange(len(events))
            lo = events[j - 1]["at"] if j > 0 else acc
            hi = events[j + 1]["at"] if j + 1 < len(events) else A
            if lo <= A <= hi and A >= acc:
                events[j]["at"] = A
                tags.append("event_at_as_of")
        # completion
        x = r.random()
        completed = None
        if x < 0.45:
            y = r.random()
            if y < 0.05 and A >= acc:
                completed = A
                tags.append("completed_at_as_of")
            elif y < 0.18 and due_at is not None:
                completed = due_at + r.choice([0, 0, 1, -1])
                tags.append("completed_at_due")
            elif y < 0.3 and suspended:
                completed = events[-1]["at"] + r.randint(0, step_max)
                tags.append("completed_while_suspended")
            elif y < 0.4 and start_class and start_t is not None:
                completed = max(acc, start_t - r.randint(0, step_max))
                tags.append("completed_before_start")
            else:
                completed = t + r.randint(0, step_max * 2)
            if completed < acc:
                completed = acc
        if completed is not None:
            case["completed_at"] = self.fmt(completed)
            if completed > A:
                tags.append("completed_after_as_of")
        elif r.random() < 0.5:
            case["completed_at"] = None
        if any(e["at"] > A for e in events):
            tags.append("event_after_as_of")
        if due_at is not None and due_at == A:
            tags.append("as_of_at_due")
        if any(datetime.fromtimestamp(e["at"], tz=TZ).strftime("%H:%M:%S") == "00:00:00" for e in events):
            tags.append("event_at_midnight")
        if any(self.date_of(e["at"]) in self.cal.holidays or self.date_of(e["at"]) in self.cal.workdays for e in events):
            tags.append("event_on_special_day")
        events.sort(key=lambda e: e["at"])
        case["events"] = [dict(e, at=self.fmt(e["at"])) for e in events]
        if not case["events"] and r.random() < 0.3:
            del case["events"]
        return {"policy": policy, "as_of": self.fmt_exact(A), "case": case, "tags": sorted(set(tags))}

    @staticmethod
    def fmt_exact(t: int) -> str:
        return datetime.fromtimestamp(t, tz=TZ).isoformat()


def generate(count: int, seed: int, batch: int = 50) -> list[dict]:
    g = Gen(seed)
    out: list[dict] = []
    b = 0
    while len(out) < count:
        n = min(batch, count - len(out))
        logs = g.batch(n)
        # a batch whose as-of is exactly some case's due instant: make a few more such
        for i, lg in enumerate(logs):
            lg["case"]["id"] = f"S{seed}-{b}-{i}"
            lg["batch"] = b
        out.extend(logs)
        b += 1
    return out


def generate_at_due(count: int, seed: int) -> list[dict]:
    """Logs whose as-of is exactly their due instant (searched with the model)."""
    g = Gen(seed + 7919)
    out = []
    b = 10**6
    while len(out) < count:
        lg = g.batch(1)[0]
        p = g.policies[lg["policy"]]
        far = Gen.fmt_exact(g.at(date(2026, 12, 31), (23, 0, 0)))
        case = dict(lg["case"])
        case.pop("completed_at", None)
        st = case_status(p, case, far)
        if not st or "error" in st or not st.get("due_at"):
            continue
        lg["as_of"] = st["due_at"]
        if lg["as_of"] > "2026-12-02":
            continue
        lg["case"]["id"] = f"S{seed}-{b}-0"
        lg["batch"] = b
        lg["tags"] = sorted(set(lg["tags"]) | {"as_of_at_due"})
        out.append(lg)
        b += 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    for lg in generate(a.count, a.seed):
        print(json.dumps(lg, ensure_ascii=False))


if __name__ == "__main__":
    main()
