"""Seeded random assessment periods for the scoring model, favouring the edges.

Each generated period is one `zhidu assess` run:

    {"id", "policy", "period", "columns", "rows", "roster", "cases", "case_policy", "rank", "tags"}

`rows` are the incident CSV's data rows in file order as {column: text} (None: a blank line,
which is not a row); `roster` is a list of {subject, window} or None; `cases` a list of case
objects (JSON Lines) or None. The edges (tags): categories deducted to exactly their maximum,
one point past it and far past it; bonus families with the same and different `ref`; chosen
points at the ends of a range and one past them, with and without a `note`; quantities 0,
-1, 1,000,000, 1,000,001, whole floats and text; incidents at the first and the last second
of the period and one second outside it, in the three instant forms and in UTC; incidents of
earlier months of the year (annual effects), of the previous year and of later months;
unknown and misspelt rule codes; window rules with and without a window; S2.kq.5 with good
and bad `basis`; fines and withholdings; rosters; late cases around the month's boundaries
(joint and not, priced and unpriced classes); blank lines; extra columns.

    python3 tests/model/scoring_generate.py --count 20 --seed 1 > periods.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import clock_model  # noqa: E402
from scoring_model import load_scoring, parse_period  # noqa: E402

TZ = timezone(timedelta(hours=8))
NAMES = ["张三", "李四", "王五", "赵六", "钱七", "孙八", "周九", "吴十", "郑一", "陈二", "刘洋", "黄敏", "杨帆", "林静"]
WINDOWS = ["W01", "W02", "W03", "W04", "W05", "W06"]
NOTES = ["视情: 理由见记录", "经查实", "收受礼品, 经查实", "表扬信", '说明 "引号", 逗号', "建议被采纳"]
POLICIES = [("s14-window-scorecard", 55), ("s2-service-center", 45)]
# misspelt and foreign codes (README Scorecards: an unknown rule is a row error)
# case policies and their classes: (class, days generator or None, weight); S14 prices S2,
# S10 and S15 promised limits (1.6, or 1.4c when joint) and every S7 class (1.4c)
CASE_CLASSES = {
    "s2-service-center": [("promised", lambda r: r.choice([None, 0, 1, 2, 3, 5, 5, 8]), 50), ("reported_up", lambda r: r.randint(1, 10), 15),
                          ("complaint_next_day", lambda r: None, 10), ("complaint_complex", lambda r: None, 10),
                          ("on_the_spot", lambda r: r.choice([10, 30, 60]), 15)],
    "s7-joint-processing": [("joint_related", lambda r: r.randint(1, 8), 50), ("joint_report_up", lambda r: None, 30),
                            ("joint_feedback", lambda r: None, 20)],
    "s10-service-system": [("promised", lambda r: r.randint(1, 8), 40), ("reported_up", lambda r: r.randint(1, 10), 15),
                           ("immediate", lambda r: None, 15), ("petition", lambda r: r.randint(5, 30), 10),
                           ("supplement", lambda r: r.randint(1, 5), 20)],
    "s15-township-center": [("reported_up", lambda r: r.randint(1, 10), 50), ("defect_notice", lambda r: None, 30),
                            ("on_site", lambda r: r.choice([20, 60]), 20)],
}
# policies with an item flow (README Item flow): its steps, as `[flow]` lists them
FLOW = {"s14-window-scorecard"}
FLOW_STEPS = load_scoring("s14-window-scorecard").flow_steps
CASE_POLICY_WEIGHTS = {"s2-service-center": [("s2-service-center", 1)],
                       "s14-window-scorecard": [("s2-service-center", 55), ("s7-joint-processing", 20), ("s10-service-system", 15),
                                                ("s15-township-center", 10)]}
UNKNOWN = {
    "s14-window-scorecard": ["S14.biz.16", "S14.att.1f", "S14.att.7", "S2.assess.qin.1", "s14.att.1a", "S14.att.1a ", "S4.req.5", "S14.svc"],
    "s2-service-center": ["S2.asess.qin.1", "S14.att.1a", "S2.assess.bonus.5", "S2.kq.4", "S2.assess.qin", "S2.zr.t1.1", "S4.req.5"],
}


class Gen:
    def __init__(self, seed: int):
        self.r = random.Random(seed)
        self.pol = {p: load_scoring(p) for p, _ in POLICIES}
        self.cal = self.pol["s2-service-center"].calendar
        self.clock = {p: clock_model.load_policy(p) for p in CASE_CLASSES}

    # ------------------------------------------------------------------ instants
    def fmt(self, t: int, form: str | None = None) -> str:
        r = self.r
        dt = datetime.fromtimestamp(t, tz=TZ)
        if form is None:
            x = r.random()
            if dt.hour == dt.minute == dt.second == 0 and x < 0.45:
                form = "date"
            elif x < 0.6:
                form = "offset"
            elif x < 0.8:
                form = "z"
            else:
                form = "local"
        if form == "date" and dt.hour == dt.minute == dt.second == 0:
            return dt.strftime("%Y-%m-%d")
        if form == "local" and dt.second == 0:
            return dt.strftime("%Y-%m-%dT%H:%M")
        if form == "z":
            return datetime.fromtimestamp(t, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        return dt.isoformat()

    def t_of(self, d: date, h=0, m=0, s=0) -> int:
        return int(datetime(d.year, d.month, d.day, h, m, s, tzinfo=TZ).timestamp())

    def inside(self, per) -> int:
        r = self.r
        t = r.randint(per.start, per.end - 1)
        x = r.random()
        if x < 0.35:
            return t - (t - per.start) % 86400  # 00:00 of a day
        if x < 0.5:
            return t - t % 60
        return t

    def when(self, per, tags: list) -> str:
        """An incident instant: mostly inside the period, often on its edges, sometimes outside."""
        r = self.r
        x = r.random()
        if x < 0.62:
            return self.fmt(self.inside(per))
        if x < 0.70:
            tags.append("at_first_instant")
            return self.fmt(per.start)
        if x < 0.78:
            tags.append("at_last_second")
            return self.fmt(per.end - 1)
        if x < 0.83:
            tags.append("at_second_before")
            return self.fmt(per.start - 1)
        if x < 0.88:
            tags.append("at_period_end")
            return self.fmt(per.end)
        if x < 0.93 and per.start > per.year_start:
            tags.append("earlier_month_same_year")
            return self.fmt(r.randint(per.year_start, per.start - 1))
        if x < 0.96:
            tags.append("previous_year")
            return self.fmt(per.year_start - r.randint(1, 40 * 86400))
        if x < 0.985:
            tags.append("later_month")
            return self.fmt(per.end + r.randint(0, 40 * 86400))
        tags.append("bad_instant")
        return r.choice(["2026-02-30", "2026-13-01", "2025-02-29", "yesterday", "2026-10-01T25:00:00+08:00"])

    # ------------------------------------------------------------------ rows
    def row(self, pid: str, per, people: dict, tags: list, code: str | None = None, who: str | None = None) -> dict:
        r = self.r
        p = self.pol[pid]
        if code is None:
            code = r.choice(list(p.rules))
        rule = p.rules.get(code)
        who = who or r.choice(list(people))
        row = {"subject": who, "window": people[who], "at": self.when(per, tags), "rule": code,
               "quantity": "", "points": "", "note": "", "ref": "", "basis": ""}
        # quantity
        x = r.random()
        if x < 0.45:
            pass
        elif x < 0.75:
            row["quantity"] = str(r.choice([1, 1, 2, 2, 3, 4, 5, 8]))
        elif x < 0.8:
            row["quantity"] = r.choice(["1000", "999999", "1000000"])
            tags.append("large_quantity")
        elif x < 0.85:
            row["quantity"] = r.choice(["0", "-1", "1000001", "1.5", "abc"])
            tags.append("bad_quantity")
        elif x < 0.88:
            row["quantity"] = r.choice(["2.0", "3.00"])
            tags.append("whole_float_quantity")
        # points and note
        if rule is not None and (rule.range or rule.choices):
            row["points"], row["note"] = self.points_for(rule, tags)
        elif r.random() < 0.04:
            row["points"] = str(r.choice([0, 1, 2, 10]))
            tags.append("points_on_fixed_rule")
        if not row["note"] and r.random() < 0.15:
            row["note"] = r.choice(NOTES)
        if r.random() < 0.02:
            row["quantity"] = r.choice(["+3", "03", " 2", "2 "])
            tags.append("quantity_cell_form")
        # window: rules that charge or reach a window need one
        if r.random() < 0.03:
            row["window"] = r.choice([w for w in WINDOWS if w != people[who]])
            tags.append("person_two_windows")
        elif r.random() < 0.07:
            row["window"] = ""
            tags.append("no_window")
        if rule is not None and rule.basis_from:
            row["basis"] = self.basis(p, tags)
        elif r.random() < 0.02:
            row["basis"] = "S2.assess.qin.1"
            tags.append("basis_on_other_rule")
        if rule is not None and rule.family:
            x = r.random()
            if x < 0.7:
                row["ref"] = r.choice(["D1", "D1", "D2", "T1", "T2"])
        elif r.random() < 0.03:
            row["ref"] = "D1"
        return row

    def points_for(self, rule, tags: list) -> tuple[str, str]:
        r = self.r
        note = r.choice(NOTES)
        if rule.choices:
            x = r.random()
            if x < 0.15 and not rule.points_required:
                return "", ""
            if x < 0.2:
                tags.append("choice_missing")
                return "", ""
            if x < 0.3:
                tags.append("choice_invalid")
                return str(r.choice([0, 20, 1, 31, 6])), note if r.random() < 0.5 else ""
            return str(r.choice(rule.choices)), note if r.random() < 0.6 else ""
        lo, hi = rule.range
        x = r.random()
        if x < 0.25:
            if rule.points_required:
                tags.append("points_required_missing")
            else:
                tags.append("range_default")
            return "", note if r.random() < 0.3 else ""
        if x < 0.6:
            v = r.choice([lo, hi])
            tags.append("range_end")
        elif x < 0.75:
            v = r.choice([lo - 1, hi + 1, 0, -lo])
            tags.append("range_outside")
        else:
            v = r.randint(lo, hi)
        if r.random() < 0.25:
            tags.append("chosen_without_note")
            return str(v), ""
        return str(v), note

    def basis(self, p, tags: list) -> str:
        r = self.r
        good = [c for c, ru in p.rules.items() if c.startswith("S2.assess.") and ru.kind == "deduction"]
        x = r.random()
        if x < 0.75:
            return r.choice(good)
        tags.append("kq5_bad_basis")
        return r.choice(["", "", "S2.assess.bonus.1a", "S2.assess.lian.2", "S2.assess.lian.9", "S2.kq.5", "S4.req.4", "S14.att.1a"])

    # ------------------------------------------------------------------ themes
    def floor_rows(self, pid: str, per, people: dict, tags: list) -> list[dict]:
        """Deductions that bring one category to exactly its maximum, one past it, one short
        of it or far past it."""
        r = self.r
        p = self.pol[pid]
        cat = r.choice([c for c in p.categories if any(ru.category == c.id and ru.points for ru in p.rules.values())])
        person_rules = [ru for ru in p.rules.values() if ru.category == cat.id and ru.kind == "deduction" and ru.points
                        and ru.charge != "window" and not ru.overdue]
        if not person_rules:
            return []
        who = r.choice(list(people))
        target = cat.maximum + r.choice([0, 0, 1, -1, 7])
        tags.append({0: "floor_exact", 1: "floor_overshoot_1", -1: "floor_short_1", 7: "floor_overshoot"}[target - cat.maximum])
        rows = []
        left = target
        while left > 0 and len(rows) < 12:
            fits = [ru for ru in person_rules if ru.points <= left]
            if not fits:
                break
            ru = r.choice(fits)
            q = r.randint(1, max(1, left // ru.points))
            left -= q * ru.points
            row = self.row(pid, per, people, [], ru.code, who)
            row.update(at=self.fmt(self.inside(per)), quantity=str(q) if q > 1 or r.random() < 0.5 else "", points="", window=people[who])
            rows.append(row)
        if left:
            tags.append("floor_target_missed")
        return rows

    def family_rows(self, pid: str, per, people: dict, tags: list) -> list[dict]:
        r = self.r
        who = r.choice(list(people))
        rows = []
        for _ in range(r.randint(2, 5)):
            code = r.choice(["S2.assess.bonus.1a", "S2.assess.bonus.1b", "S2.assess.bonus.2"])
            row = self.row(pid, per, people, [], code, who if r.random() < 0.8 else None)
            row["at"] = self.fmt(self.inside(per))
            row["ref"] = r.choice(["D1", "D1", "T1", ""])
            row["window"] = people[row["subject"]]
            if code == "S2.assess.bonus.2":
                row["points"] = str(r.choice([5, 10, 15, 30]))
            if r.random() < 0.1:
                row["quantity"] = "2"
                tags.append("family_quantity_2")
            rows.append(row)
        refs = [(x["subject"], x["rule"][:len("S2.assess.bonus.1")], x["ref"]) for x in rows if x["ref"]]
        if len(refs) != len(set(refs)):
            tags.append("family_same_ref")
        tags.append("family")
        return rows

    def annual_rows(self, per, people: dict, tags: list) -> list[dict]:
        r = self.r
        rows = []
        for _ in range(r.randint(1, 3)):
            row = self.row("s14-window-scorecard", per, people, [], "S14.att.6")
            y = r.random()
            if y < 0.5 and per.start > per.year_start:
                row["at"] = self.fmt(r.choice([per.year_start, r.randint(per.year_start, per.start - 1), per.start - 1]))
                tags.append("att6_earlier_month")
            elif y < 0.7:
                row["at"] = self.fmt(per.year_start - r.choice([1, 86400 * 10]))
                tags.append("att6_previous_year")
            elif y < 0.8:
                row["at"] = self.fmt(per.end + r.choice([0, 86400 * 3]))
                tags.append("att6_later")
            else:
                row["at"] = self.fmt(self.inside(per))
            rows.append(row)
        return rows

    # ------------------------------------------------------------------ cases
    def cases(self, pid: str, per, people: dict, tags: list) -> tuple[list[dict], str]:
        r = self.r
        wc = CASE_POLICY_WEIGHTS[pid]
        cp = r.choices([c for c, _ in wc], [w for _, w in wc])[0]
        clock = self.clock[cp]
        cal = self.cal
        out = []
        first = cal.local_date(per.start)
        last = cal.local_date(per.end - 1)
        for i in range(r.randint(1, 6)):
            classes = CASE_CLASSES[cp]
            cls, dgen, _ = r.choices(classes, [w for *_, w in classes])[0]
            days = dgen(r)
            unit = clock.classes[cls].unit
            # acceptance so that the due day falls near the period's edges
            anchor = r.choice([first, last, first - timedelta(days=1), last + timedelta(days=1), first + timedelta(days=r.randint(0, (last - first).days))])
            span = (days or 5) if unit in ("working_days", "calendar_days") else 0
            acc_day = anchor - timedelta(days=r.randint(0, int(span * 1.6) + 3))
            hms = r.choice([(9, 0, 0), (10, 30, 0), (0, 0, 0), (16, 45, 0), (23, 59, 59)])
            acc = self.t_of(acc_day, *hms)
            case = {"id": f"C{i + 1}", "class": cls, "accepted_at": self.fmt(acc, r.choice(["offset", "z", "offset"]))}
            if days is not None:
                case["days"] = days
            T = acc
            if clock.classes[cls].clock_starts == "start_event":
                if r.random() < 0.85:
                    T = acc + r.choice([0, 3600, 86400, 2 * 86400 + 7200])
                    case["events"] = [{"kind": "start", "at": self.fmt(T, "offset")}]
                    tags.append("start_event")
                else:
                    tags.append("no_start_event")
            st = clock_model.case_status(clock, dict(case), cal.fmt(T))
            if not st or "error" in st:
                continue
            if not st.get("due_at"):
                out.append(dict(case, handler=r.choice(list(people)), window=r.choice(WINDOWS[:3])))
                continue
            due_at = int(datetime.fromisoformat(st["due_at"]).timestamp())
            if due_at > self.t_of(date(2026, 12, 20)):
                continue
            who = r.choice(list(people))
            case["handler"] = who
            case["window"] = people[who] or r.choice(WINDOWS[:3])
            if r.random() < 0.03:
                del case["handler"]
                tags.append("case_without_handler")
            x = r.random()
            if x < 0.3:
                tags.append("case_open")
            else:
                if x < 0.45:
                    c = due_at + r.choice([0, -1, 1])
                    tags.append("case_completed_at_due")
                elif x < 0.55:
                    c = due_at - r.randint(60, 5 * 86400)
                else:
                    # late by k days, sometimes exactly at a day's 00:00
                    k = r.randint(0, 10)
                    c = due_at + k * 86400 + r.choice([0, 1, 9 * 3600, 15 * 3600 + 59 * 60 + 59])
                    tags.append("case_late")
                c = max(c, acc)
                case["completed_at"] = self.fmt(c, r.choice(["offset", "z"]))
                if c >= per.end:
                    tags.append("case_completed_after_period")
            if pid in FLOW and r.random() < 0.4:
                self.flow_steps(case, acc, per, tags)
            if cp != "s7-joint-processing":
                j = r.random()
                if j < 0.25:
                    case["joint"] = True
                    tags.append("joint_flag")
                elif j < 0.5:
                    case["joint"] = False
            else:
                tags.append("s7_case")
                if r.random() < 0.2:
                    case["joint"] = False
                    tags.append("s7_case_joint_false")
            tags.append(f"case_policy_{cp.split('-')[0]}")
            if cal.is_working(cal.local_date(per.end)):
                tags.append("next_period_starts_on_working_day")
            out.append(case)
        if out and r.random() < 0.05:
            bad = dict(r.choice(out), id=f"X{len(out) + 1}")
            x = r.random()
            if x < 0.4:
                bad["class"] = "promissed"
                tags.append("case_unknown_class")
            elif x < 0.7:
                bad["accepted_at"] = "2026-02-30T09:00:00+08:00"
                tags.append("case_bad_instant")
            else:
                bad.pop("accepted_at")
                tags.append("case_missing_accepted_at")
            out.insert(r.randint(0, len(out)), bad)
        return out, cp

    def flow_steps(self, case: dict, acc: int, per, tags: list) -> None:
        """Item-flow `step` events (README Item flow, S14.biz.1.2a): the whole flow in order,
        a prefix (open, or completed without the rest), one step skipped, two swapped, a step
        by its Chinese name, the log listed out of time order, rarely a step that is no step
        of the flow; instants apart (never two steps at one instant), before the completion,
        some across the period's start or end."""
        r = self.r
        ids = [sid for sid, _ in FLOW_STEPS]
        pattern = r.choice(["in_order", "prefix", "skip", "swap", "swap", "skip"])
        seq = list(range(len(ids)))
        if pattern == "prefix":
            seq = seq[:r.randint(1, len(ids) - 1)]
        elif pattern == "skip":
            del seq[r.randrange(len(seq))]
        elif pattern == "swap":
            k = r.randrange(len(seq) - 1)
            seq[k], seq[k + 1] = seq[k + 1], seq[k]
        tags.append(f"flow_{pattern}")
        t = acc - r.choice([0, 600, 3600])
        if r.random() < 0.3:
            # a breach near the period's edges: the step at or just before its start or end
            t = r.choice([per.start, per.end, per.start - 1, per.end - 1]) - 60 * r.randint(0, 3) * len(seq)
            tags.append("flow_at_period_edge")
        done = None
        if case.get("completed_at"):
            done = int(datetime.fromisoformat(case["completed_at"].replace("Z", "+00:00")).timestamp())
        events = list(case.get("events") or [])
        for k in seq:
            if done is not None and t > done:
                tags.append("flow_cut_by_completion")
                break
            step = ids[k]
            if r.random() < 0.2:
                step = FLOW_STEPS[k][1]
                tags.append("flow_step_by_name")
            events.append({"kind": "step", "at": self.fmt(t, "offset"), "step": step})
            t += r.choice([60, 600, 3600, 86400, 3 * 86400])
        if r.random() < 0.03:
            events.append({"kind": "step", "at": self.fmt(acc + 1, "offset"), "step": "approve"})
            tags.append("flow_unknown_step")
        if r.random() < 0.3:
            r.shuffle(events)
            tags.append("flow_log_not_time_order")
        case["events"] = events

    # ------------------------------------------------------------------ a period
    def period(self, i: int, seed: int) -> dict:
        r = self.r
        pid = r.choices([p for p, _ in POLICIES], [w for _, w in POLICIES])[0]
        tags: list[str] = []
        x = r.random()
        if x < 0.8:
            y, m = r.choice([(2025, mo) for mo in range(1, 13)] + [(2026, mo) for mo in range(1, 12)] * 2)
            label = f"{y}-{m:02d}"
            tags.append("month")
        elif x < 0.9:
            label = r.choice(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"])
            tags.append("quarter")
        else:
            label = r.choice(["2025", "2026"])
            tags.append("year")
        per = parse_period(label, self.cal)
        nw = r.randint(1, 4)
        wins = r.sample(WINDOWS, nw)
        people = {n: r.choice(wins) for n in r.sample(NAMES, r.randint(1, 7))}
        rows: list[dict] = []
        themes = r.sample(["floor", "family", "annual", "discretionary", "window", "unknown", "edges", "fines"], r.randint(1, 3))
        for th in themes:
            if th == "floor":
                rows += self.floor_rows(pid, per, people, tags)
            elif th == "family" and pid == "s2-service-center":
                rows += self.family_rows(pid, per, people, tags)
            elif th == "annual" and pid == "s14-window-scorecard":
                rows += self.annual_rows(per, people, tags)
            elif th == "discretionary":
                codes = [c for c, ru in self.pol[pid].rules.items() if ru.range or ru.choices]
                rows += [self.row(pid, per, people, tags, r.choice(codes)) for _ in range(r.randint(1, 4))]
            elif th == "window":
                codes = [c for c, ru in self.pol[pid].rules.items() if ru.charge != "person" or any(
                    self.pol[pid].effects[e].reaches == "person_and_window" for e in ru.effects)]
                for _ in range(r.randint(1, 4)):
                    row = self.row(pid, per, people, tags, r.choice(codes))
                    if r.random() < 0.2:
                        row["window"] = ""
                        tags.append("window_rule_without_window")
                    rows.append(row)
            elif th == "unknown":
                for _ in range(r.randint(1, 2)):
                    rows.append(self.row(pid, per, people, tags, r.choice(UNKNOWN[pid] + [""])))
                tags.append("unknown_rule")
            elif th == "edges":
                for _ in range(r.randint(1, 4)):
                    row = self.row(pid, per, people, tags)
                    e = r.choice([per.start, per.end - 1, per.start - 1, per.end])
                    row["at"] = self.fmt(e)
                    rows.append(row)
                tags.append("edge_instants")
            elif th == "fines" and pid == "s14-window-scorecard":
                codes = [c for c, ru in self.pol[pid].rules.items() if ru.fine or ru.withholding]
                rows += [self.row(pid, per, people, tags, r.choice(codes)) for _ in range(r.randint(2, 6))]
                tags.append("fines")
        rows += [self.row(pid, per, people, tags) for _ in range(r.choice([0, 1, 2, 3, 5, 8, 12]))]
        r.shuffle(rows)
        # a few rows with a missing required cell
        if r.random() < 0.05 and rows:
            k = r.randrange(len(rows))
            col = r.choice(["subject", "at", "rule"])
            rows[k][col] = ""
            tags.append(f"missing_{col}")
        cases, cp = (None, None)
        if r.random() < 0.3 and per.end <= self.t_of(date(2026, 12, 1)):
            cases, cp = self.cases(pid, per, people, tags)
            tags.append("cases")
        roster = None
        if r.random() < 0.3:
            names = list(people) + r.sample([n for n in NAMES if n not in people], r.randint(0, 2))
            roster = []
            for n in names:
                if n in people and people[n] is not None and r.random() < 0.85:
                    roster.append({"subject": n, "window": people[n]})
                elif n not in people:
                    roster.append({"subject": n, "window": r.choice(wins)})
            if roster and r.random() < 0.1:
                roster.append(dict(r.choice(roster)))
                tags.append("roster_duplicate")
            if roster and r.random() < 0.05:
                roster.append({"subject": r.choice(NAMES), "window": ""})
                tags.append("roster_missing_window")
            if roster and r.random() < 0.1:
                k = r.randrange(len(roster))
                roster[k] = dict(roster[k], window=r.choice([w for w in WINDOWS if w != roster[k]["window"]]))
                tags.append("roster_other_window")
            tags.append("roster")
        # columns: the documented header, sometimes the optional columns, an extra one, another order
        cols = ["subject", "window", "at", "rule", "quantity", "points", "note"]
        opt = ["ref", "basis"]
        if r.random() < 0.2:
            opt += ["department", "case", "remark"]
            tags.append("extra_columns")
        cols += opt
        if r.random() < 0.15:
            r.shuffle(cols)
            tags.append("column_order")
        for row in rows:
            if "department" in cols:
                row["department"] = r.choice(["", "市场监管局", "人社局"])
                row["case"] = r.choice(["", "C1"])
                row["remark"] = r.choice(["", "x"])
        out_rows: list[dict | None] = list(rows)
        if rows and r.random() < 0.1:
            for _ in range(r.randint(1, 2)):
                out_rows.insert(r.randint(0, len(out_rows)), None)
            tags.append("blank_line")
        return {"id": f"S{seed}-{i}", "policy": pid, "period": label, "columns": cols, "rows": out_rows,
                "roster": roster, "cases": cases, "case_policy": cp, "rank": r.random() < 0.25,
                "tags": sorted(set(tags))}


def generate(count: int, seed: int) -> list[dict]:
    g = Gen(seed)
    return [g.period(i, seed) for i in range(count)]


def numbered(rows: list[dict | None]) -> list[tuple[int, dict]]:
    """README Input rows: rows are counted from 1, the first data row after the header;
    blank lines are not rows."""
    out = []
    n = 0
    for row in rows:
        if row is None:
            continue
        n += 1
        out.append((n, row))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    for per in generate(a.count, a.seed):
        print(json.dumps(per, ensure_ascii=False))


if __name__ == "__main__":
    main()
