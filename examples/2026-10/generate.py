#!/usr/bin/env python3
"""Generate the example month of zhidu: October 2026 at a municipal 政务服务中心.

What it models
--------------
A city administrative service centre (市政务服务中心) with 12 windows and 40 staff, run under
policy `s2-service-center` (S2 行政服务中心规章制度), for the month of October 2026 — National
Day included (10-01..10-07 holidays, Saturday 10-10 a make-up working day; Sunday 09-20 is the
other make-up day, 09-25..09-27 the Mid-Autumn holiday).

- `roster.csv` (`subject,window`): the 40 staff and their windows (`W01 不动产登记` … `W12
  公安户政`; the whole string is the window id), 3–4 per window.
- `cases.jsonl`: the case log as it stands at the end of 2026-10-31, one case per line, the
  fields of the README's case-log format. Cases are accepted from Monday 2026-09-14 through
  Friday 2026-10-30 on working days during office hours (08:30–11:00, 14:30–17:00, a few at
  odd times for 延时/预约 service), more on Mondays and right after the holidays, none on a
  holiday except a few complaints from the 12345 hotline. Classes: mostly 承诺件 `promised`
  (3, 4 or 5 working days; some lines leave `days` out, which means the default 5), some
  上报件 `reported_up` (10–20 working days), 即收即办件 `on_the_spot` (10–30 minutes,
  completed within the limit or just after) and the four complaint classes at W08 投诉受理
  (`complaint_on_spot` with minutes, `complaint_next_day`, `complaint_complex`,
  `forwarded_complaint`). About 8% of cases are suspended with the policy's reasons
  (`correction` 补正 restarts the count; `expert_review`, `hearing`, `testing` and
  `awaiting_superior` pause it), some still suspended at month end; about 2% are extended
  (`extend`, 1–5 working days in total, approved by a 主任). Most cases finish on time,
  about 6% late by 1–5 working days (more for a few handlers), and the cases still open at
  month end are on track, yellow (≤ 2 working days left) or red (past due). Nothing in the
  log happens after 2026-10-31: a case finished later is simply open here.
- `incidents.csv` (`subject,window,at,rule,quantity,points,note,basis`): a few hundred S2.assess
  incidents of October 2026 with realistic frequencies (lateness common, 旷工 rare and counted
  in half days, bonuses for praise, titles and proposals, one 廉 case with 退回原单位), a
  handful in late September and early November (outside the period), a few lines charged to
  windows (S2.kq.5 for temporary workers, one S4.req.4 duty failure). `points` is filled only for discretionary
  rules (choices or range), as a magnitude without sign. S2.assess.ji.2 never appears: the
  engine derives it from the overdue cases of the case log.
- `violations.csv` (`subject,at,violation,flags,note`): the accountability history from
  November 2025 to October 2026: repeats of S2.zr.t1.1 within 12 months (→ S2.zr.t2.4), an
  absence that delayed a pending item (`caused_delay` → S2.zr.t2.1), ordinary errors
  (S2.zr.t1.6, one with `loss;considerable_impact` → S2.zr.t2.3), three verified complaints
  of one person within 12 months (→ tier-3 candidate, S2.zr.t3.3), an overrun past the first
  reminder (`beyond_first_reminder`, manual), a `crime` (→ 移送司法机关) and 首问 failures
  (S2.fq.4).

The calendar below is written out by hand from the State Council notice for 2026 (the same
dates as policies/calendars/cn-mainland.toml); the generator computes due dates itself with
the README's semantics (次日起算, due at 24:00, pause/restart, calendar days rolled to the next
working day) so that it can aim at on-time, late and open cases. It depends on nothing but
the Python 3.11 standard library, uses one fixed seed and writes byte-identical files on
every run.

Rerun from the repository root:

    python3 examples/2026-10/generate.py examples/2026-10
"""

from __future__ import annotations

import bisect
import csv
import json
import random
import sys
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

SEED = 20261031
TZ = timezone(timedelta(hours=8))

# --------------------------------------------------------------------------------------
# Calendar (国务院办公厅关于2026年部分节假日安排的通知), September–December 2026.

HOLIDAYS = {
    date(2026, 9, 25), date(2026, 9, 26), date(2026, 9, 27),  # 中秋节
    *(date(2026, 10, d) for d in range(1, 8)),  # 国庆节
}
MAKEUP_WORKDAYS = {date(2026, 9, 20), date(2026, 10, 10)}  # 调休上班
CAL_FIRST, CAL_LAST = date(2026, 9, 1), date(2026, 12, 31)

FIRST_DAY = date(2026, 9, 14)  # first acceptance day (Monday)
LAST_DAY = date(2026, 10, 30)  # last working day of October
AS_OF = datetime(2026, 10, 31, 23, 59, 59, tzinfo=TZ)  # the log's snapshot


def is_working(d: date) -> bool:
    if not CAL_FIRST <= d <= CAL_LAST:
        raise ValueError(f"{d} is outside the generator's calendar")
    if d in MAKEUP_WORKDAYS:
        return True
    return d.weekday() < 5 and d not in HOLIDAYS


def days_between(a: date, b: date):
    d = a
    while d <= b:
        yield d
        d += timedelta(days=1)


WORKING_DAYS = [d for d in days_between(CAL_FIRST, CAL_LAST) if is_working(d)]


def next_working(d: date, n: int = 1) -> date:
    """The n-th working day after d (n ≥ 1); for n = 0, d itself or the next working day."""
    if n == 0:
        return WORKING_DAYS[bisect.bisect_left(WORKING_DAYS, d)]
    return WORKING_DAYS[bisect.bisect_right(WORKING_DAYS, d) + n - 1]


def prev_working(d: date, n: int = 1) -> date:
    """The n-th working day before d."""
    return WORKING_DAYS[bisect.bisect_left(WORKING_DAYS, d) - n]


# --------------------------------------------------------------------------------------
# The case clock, after the README's semantics (crates/zhidu/src/deadline/clock.rs): day
# units count the days whose close (24:00) lies in a running interval; the clock starts at
# the close of the acceptance day (次日起算); a pause stops it until the resume instant; a
# restart throws away what was counted and starts again at the close of the resume day.


def close(d: date) -> datetime:
    return datetime.combine(d + timedelta(days=1), time(0), TZ)


def clock_due(unit: str, accepted: datetime, limit: int, intervals) -> date | datetime | None:
    """Due date (day units) or due instant (minutes); None while an open suspension stops
    the clock. `intervals`: (suspended, resumed or None, effect) in time order."""
    if unit == "minutes":
        return accepted + timedelta(minutes=limit)
    working = unit == "working_days"

    def counted(a: datetime, b: datetime) -> int:
        if b <= a:
            return 0
        days = days_between(a.date(), b.date() - timedelta(days=1))
        return sum(1 for d in days if not working or is_working(d))

    def advance(a: datetime, n: int) -> date:
        d, left = a.date(), n
        while True:
            if not working or is_working(d):
                left -= 1
                if left == 0:
                    break
            d += timedelta(days=1)
        if not working and not is_working(d):
            d = next_working(d, 0)
        return d

    anchor, remaining = close(accepted.date()), limit
    for susp, resumed, effect in intervals:
        available = counted(anchor, susp) if susp > anchor else 0
        if available >= remaining:
            return advance(anchor, remaining)
        remaining -= available
        if resumed is None:
            return None
        if effect == "pause":
            anchor = max(anchor, resumed)
        else:
            anchor = max(anchor, close(resumed.date()))
            remaining = limit
    return advance(anchor, remaining)


def due_instant(due: date | datetime) -> datetime:
    return due if isinstance(due, datetime) else close(due)


# --------------------------------------------------------------------------------------
# The centre: windows, staff, and how each window works.

WINDOWS = [
    "W01 不动产登记", "W02 市场准入", "W03 社保医保", "W04 公积金", "W05 建设审批", "W06 税务",
    "W07 民政", "W08 投诉受理", "W09 交通运输", "W10 卫生健康", "W11 教育", "W12 公安户政",
]

STAFF = {
    "W01 不动产登记": ["张伟", "王秀英", "李明辉", "刘婷"],
    "W02 市场准入": ["陈静", "杨帆", "赵丽娟", "黄志强"],
    "W03 社保医保": ["周敏", "吴海燕", "徐磊", "孙晓燕"],
    "W04 公积金": ["胡建国", "朱琳", "高鹏"],
    "W05 建设审批": ["林国栋", "何雪梅", "郭振华"],
    "W06 税务": ["马俊", "罗佳怡", "梁晨"],
    "W07 民政": ["宋玉兰", "郑凯", "谢婷婷"],
    "W08 投诉受理": ["韩冰", "唐文杰", "冯淑芬"],
    "W09 交通运输": ["于洋", "董建军", "程雅琴"],
    "W10 卫生健康": ["曹颖", "袁立新", "邓慧"],
    "W11 教育": ["许文博", "傅晓丽", "沈思远"],
    "W12 公安户政": ["曾志伟", "彭丽华", "吕刚", "苏梦瑶"],
}

# Share of the centre's daily intake, and the class mix of each window.
WINDOW_SHARE = {
    "W01 不动产登记": 14, "W02 市场准入": 13, "W03 社保医保": 12, "W04 公积金": 9,
    "W05 建设审批": 6, "W06 税务": 10, "W07 民政": 6, "W08 投诉受理": 5.5,
    "W09 交通运输": 7, "W10 卫生健康": 6, "W11 教育": 4, "W12 公安户政": 10,
}
CLASS_MIX = {
    "W01 不动产登记": {"promised": 74, "on_the_spot": 21, "reported_up": 5},
    "W02 市场准入": {"promised": 66, "on_the_spot": 32, "reported_up": 2},
    "W03 社保医保": {"promised": 50, "on_the_spot": 48, "reported_up": 2},
    "W04 公积金": {"promised": 58, "on_the_spot": 42},
    "W05 建设审批": {"promised": 62, "reported_up": 38},
    "W06 税务": {"promised": 45, "on_the_spot": 55},
    "W07 民政": {"promised": 70, "reported_up": 18, "on_the_spot": 12},
    "W08 投诉受理": {"complaint_on_spot": 34, "complaint_next_day": 36,
                    "complaint_complex": 12, "forwarded_complaint": 18},
    "W09 交通运输": {"promised": 66, "on_the_spot": 29, "reported_up": 5},
    "W10 卫生健康": {"promised": 70, "reported_up": 14, "on_the_spot": 16},
    "W11 教育": {"promised": 76, "reported_up": 10, "on_the_spot": 14},
    "W12 公安户政": {"promised": 48, "on_the_spot": 47, "reported_up": 5},
}
# Promised days per window (3, 4, 5; None = the line leaves `days` out, the default 5).
PROMISED_DAYS = {
    "W02 市场准入": {3: 55, 4: 15, 5: 20, None: 10},
    "W03 社保医保": {3: 30, 4: 20, 5: 35, None: 15},
    "W06 税务": {3: 45, 4: 20, 5: 25, None: 10},
    "W12 公安户政": {3: 25, 4: 25, 5: 35, None: 15},
}
PROMISED_DAYS_DEFAULT = {3: 15, 4: 20, 5: 50, None: 15}
# Suspension reasons by window (promised and reported_up cases).
SUSPENSION_MIX = {
    "W05 建设审批": {"correction": 35, "expert_review": 30, "hearing": 12, "testing": 8},
    "W10 卫生健康": {"correction": 40, "testing": 45, "expert_review": 10},
    "W09 交通运输": {"correction": 60, "testing": 25},
    "W01 不动产登记": {"correction": 75, "hearing": 10},
}
SUSPENSION_MIX_DEFAULT = {"correction": 85, "expert_review": 5}
EFFECT = {"correction": "restart", "expert_review": "pause", "hearing": "pause",
          "testing": "pause", "awaiting_superior": "pause"}
# Working days a suspension usually lasts (min, max).
SUSPENSION_DAYS = {"correction": (1, 8), "expert_review": (4, 12), "hearing": (6, 15),
                   "testing": (3, 10), "awaiting_superior": (3, 12)}

APPROVERS = ["中心主任", "分管副主任", "窗口首席代表"]

# Working days that draw more (or fewer) people than usual.
DAY_FACTOR = {
    date(2026, 9, 20): 0.85,  # 调休 Sunday
    date(2026, 9, 24): 1.10,  # before 中秋
    date(2026, 9, 28): 1.35,  # after 中秋
    date(2026, 9, 30): 1.20,  # before 国庆
    date(2026, 10, 8): 1.75,  # first day after 国庆
    date(2026, 10, 9): 1.45,
    date(2026, 10, 10): 0.95,  # 调休 Saturday
    date(2026, 10, 12): 1.40,
}
WEEKDAY_FACTOR = [1.25, 1.05, 1.00, 0.97, 0.88, 0.9, 0.85]
BASE_PER_DAY = 104


def pick(rng: random.Random, weights: dict):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def at(d: date, hh: int, mm: int) -> datetime:
    return datetime(d.year, d.month, d.day, hh, mm, tzinfo=TZ)


def office_time(rng: random.Random, d: date, after: datetime | None = None,
                odd: float = 0.0) -> datetime:
    """An instant on d inside office hours (08:30–11:00, 14:30–17:00), after `after` if on
    the same day; with probability `odd`, at an odd time (延时/预约 service)."""
    if rng.random() < odd:
        lo, hi = rng.choice([(485, 509), (661, 720), (721, 869), (1021, 1110)])
    elif rng.random() < 0.58:
        lo, hi = 510, 659
    else:
        lo, hi = 870, 1019
    m = rng.randint(lo, hi)
    t = at(d, m // 60, m % 60)
    if after is not None and t <= after:
        t = after + timedelta(minutes=rng.randint(10, 45))
    return t


def rfc(t: datetime) -> str:
    return t.isoformat()


# --------------------------------------------------------------------------------------
# Cases


def late_by(rng: random.Random) -> int:
    return pick(rng, {1: 40, 2: 25, 3: 15, 4: 12, 5: 8})


def make_cases(rng: random.Random, handler_late: dict) -> list[dict]:
    # Intake per day and window.
    intake = []  # (accepted, window, class)
    for d in days_between(FIRST_DAY, LAST_DAY):
        if not is_working(d):
            continue
        f = DAY_FACTOR.get(d, WEEKDAY_FACTOR[d.weekday()])
        n = round(BASE_PER_DAY * f * rng.uniform(0.9, 1.1))
        for _ in range(n):
            w = pick(rng, WINDOW_SHARE)
            intake.append((office_time(rng, d, odd=0.015), w, pick(rng, CLASS_MIX[w])))
    # 12345-hotline complaints taken by the duty officer on holidays and a weekend.
    for (m, dd, hh, mi), cls in [
        ((10, 2, 10, 20), "forwarded_complaint"), ((10, 3, 15, 5), "forwarded_complaint"),
        ((10, 5, 9, 40), "complaint_next_day"), ((10, 6, 16, 10), "forwarded_complaint"),
        ((9, 26, 11, 15), "forwarded_complaint"), ((10, 31, 9, 35), "forwarded_complaint"),
    ]:
        intake.append((at(date(2026, m, dd), hh, mi), "W08 投诉受理", cls))
    intake.sort(key=lambda x: (x[0], x[1], x[2]))

    cases = []
    seq: dict[date, int] = {}
    handler_weights = {w: [rng.uniform(0.7, 1.3) for _ in STAFF[w]] for w in WINDOWS}
    for accepted, window, cls in intake:
        d = accepted.date()
        seq[d] = seq.get(d, 0) + 1
        handler = rng.choices(STAFF[window], weights=handler_weights[window])[0]
        case = {"id": f"ZW-{d:%Y%m%d}-{seq[d]:03d}", "class": cls, "accepted_at": rfc(accepted)}
        late_p = handler_late[handler]
        if cls in ("on_the_spot", "complaint_on_spot"):
            limit = pick(rng, {10: 15, 15: 35, 20: 25, 30: 25}) if cls == "on_the_spot" \
                else pick(rng, {15: 30, 20: 30, 30: 40})
            case["days"] = limit
            if rng.random() < 0.012 * late_p:
                took = limit + rng.randint(1, 8)
            else:
                took = max(3, round(limit * rng.uniform(0.3, 0.97)))
            case["handler"], case["window"] = handler, window
            case["completed_at"] = rfc(accepted + timedelta(minutes=took))
            cases.append(case)
            continue
        if cls == "promised":
            days = pick(rng, PROMISED_DAYS.get(window, PROMISED_DAYS_DEFAULT))
            limit = 5 if days is None else days
            if days is not None:
                case["days"] = days
            unit = "working_days"
        elif cls == "reported_up":
            limit = pick(rng, {10: 35, 12: 10, 15: 35, 20: 20})
            case["days"] = limit
            unit = "working_days"
        else:
            limit = {"complaint_next_day": 1, "complaint_complex": 7,
                     "forwarded_complaint": 1}[cls]
            unit = "calendar_days"
        case["handler"], case["window"] = handler, window

        events, intervals = [], []
        extension = 0
        last_event = accepted
        # Suspensions: about 12% of processing cases (≈ 8% of all cases).
        if unit == "working_days":
            p_susp = 0.32 if window == "W05 建设审批" else 0.16 if cls == "reported_up" else 0.12
            if rng.random() < p_susp:
                for k in range(2):
                    if k == 1 and not (events[-1]["kind"] == "resume"
                                       and events[0]["reason"] == "correction"
                                       and rng.random() < 0.15):
                        break  # a second suspension only after a 补正 was completed
                    if cls == "reported_up" and rng.random() < 0.6:
                        reason = "awaiting_superior"
                    elif k == 1:
                        reason = pick(rng, {"expert_review": 40, "testing": 40, "hearing": 20})
                    else:
                        reason = pick(rng, SUSPENSION_MIX.get(window, SUSPENSION_MIX_DEFAULT))
                    span = max(1, limit - 2) if k == 0 else 2
                    s_day = next_working(last_event.date(), rng.randint(1, span))
                    if reason == "correction" and k == 0 and rng.random() < 0.5:
                        s_day = next_working(accepted.date(), 1)
                    s_at = office_time(rng, s_day, after=last_event)
                    if s_at > AS_OF:
                        break
                    lo, hi = SUSPENSION_DAYS[reason]
                    r_day = next_working(s_day, rng.randint(lo, hi))
                    r_at = office_time(rng, r_day, after=s_at)
                    events.append({"kind": "suspend", "at": rfc(s_at), "reason": reason})
                    if r_at > AS_OF or (reason == "correction" and rng.random() < 0.04):
                        intervals.append((s_at, None, EFFECT[reason]))
                        last_event = s_at
                        break  # still suspended at month end
                    events.append({"kind": "resume", "at": rfc(r_at)})
                    intervals.append((s_at, r_at, EFFECT[reason]))
                    last_event = r_at
        # Extensions: about 2% of cases (promised, reported_up, complex complaints).
        p_ext = {"promised": 0.036, "reported_up": 0.07, "complaint_complex": 0.08}.get(cls, 0)
        if p_ext and rng.random() < p_ext and (not intervals or intervals[-1][1] is not None):
            due = clock_due(unit, accepted, limit, intervals)
            total = rng.randint(1, 5)
            parts = [total] if total < 3 or rng.random() < 0.8 else [total - 2, 2]
            for part in parts:
                e_day = prev_working(due, 1) if due > last_event.date() else last_event.date()
                if e_day < last_event.date():
                    e_day = last_event.date()
                e_at = office_time(rng, e_day, after=last_event)
                if e_at > AS_OF:
                    break
                # Every extension carries its logged notice: complaint clocks extend only on one
                # (S2.ts.6d, A21). A fixed text, so the random stream and every other row stay put.
                events.append({"kind": "extend", "at": rfc(e_at), "days": part,
                               "approved_by": rng.choice(APPROVERS),
                               "reason": "已告知投诉人延期原因" if cls.startswith("complaint") else "已书面告知申请人延期原因"})
                extension += part
                last_event = e_at
                due = clock_due(unit, accepted, limit + extension, intervals)
        if events:
            case["events"] = events

        due = clock_due(unit, accepted, limit + extension, intervals)
        if due is None:  # suspended at month end: open
            cases.append(case)
            continue
        if unit == "working_days" and rng.random() < 0.004:  # stalled: still open, red if due
            cases.append(case)
            continue
        # When is it finished? On time mostly; late by 1–5 working days for some.
        base_late = {"promised": 0.062, "reported_up": 0.09, "complaint_next_day": 0.05,
                     "complaint_complex": 0.06, "forwarded_complaint": 0.05}[cls]
        earliest = last_event.date() if is_working(last_event.date()) \
            else next_working(last_event.date(), 0)
        if rng.random() < base_late * late_p:
            done_day = next_working(due, late_by(rng))
        else:
            options = [x for x in days_between(earliest, due) if is_working(x)]
            if not options:
                options = [earliest]
            if unit == "calendar_days":
                weights = [6, 5, 2, 2, 1, 1, 1, 1, 1][: len(options)]
                weights += [1] * (len(options) - len(weights))
            else:
                weights = [1 + 2 * i for i in range(len(options))]
                weights[0] = max(weights[0], 2)
            done_day = rng.choices(options, weights=weights)[0]
        done_at = office_time(rng, done_day, after=last_event)
        if done_at.date() != done_day and not is_working(done_at.date()):
            done_at = office_time(rng, next_working(done_at.date(), 0))
        if done_at > due_instant(due) and done_day <= due:
            done_at = due_instant(due) - timedelta(minutes=rng.randint(400, 500))
        if done_at <= AS_OF:
            case["completed_at"] = rfc(done_at)
        cases.append(case)
    return cases


# --------------------------------------------------------------------------------------
# Incidents (S2.assess)

# rule: (monthly count, quantity choices, points choices or None, notes, time kind)
INCIDENT_RULES = {
    "S2.assess.qin.1": (75, None, None, ["上午{m}到岗,迟到{late}分钟", "考勤机记录{m}打卡,迟到"],
                        "late"),
    "S2.assess.de.3a": (30, None, None, ["窗口巡查发现未佩戴工作证上岗", "工作证放在抽屉里未佩戴",
                                          "督查暗访:未按规定佩证"], "day"),
    "S2.assess.de.2b": (20, None, None, ["接听咨询电话时说“不归我们管”", "电话回访中使用禁止用语“不知道”",
                                          "接听电话语气生硬,说“自己去网上查”"], "day"),
    "S2.assess.de.4": (10, None, None, ["上班时间玩手机游戏", "视频监控发现工作时间用电脑玩游戏",
                                        "工作时间闲聊打游戏,群众排队等候"], "day"),
    "S2.assess.qin.4b": (16, None, None, ["工作时间网购", "上班时间处理私人事务离开窗口",
                                           "工作时间炒股"], "day"),
    "S2.assess.qin.3": (11, None, None, ["周一工作例会迟到", "工作例会提前离场"], "meeting"),
    "S2.assess.qin.6": (13, None, None, ["下班后未关闭电脑和空调", "离岗未关闭饮水机电源",
                                          "夜间巡查发现窗口空调未关"], "evening"),
    "S2.assess.qin.4a": (8, None, None, ["在窗口接待私人朋友聊天", "与来访亲友在窗口闲谈"], "day"),
    "S2.assess.qin.5b": (7, None, None, ["未按排班表值日", "值日未完成窗口区域清洁"], "day"),
    "S2.assess.de.1b": (7, None, None, ["周五业务学习迟到", "政治理论学习早退"], "study"),
    "S2.assess.neng.1": (12, None, None, ["对新调整的办事指南不熟悉,答复不准确",
                                           "对一次性告知清单内容不熟悉"], "day"),
    "S2.assess.neng.3": (7, None, None, ["系统录入错误导致退件重办", "电脑操作不熟练,打印证照信息错误"], "day"),
    "S2.assess.neng.4": (5, None, None, ["月度统计报表未按时上报", "工作台账未按时完成"], "day"),
    "S2.assess.neng.2": (4, None, None, ["政策解答错误,群众来电投诉"], "day"),
    "S2.assess.de.3b": (5, None, None, ["穿拖鞋上岗", "着短裤上班"], "day"),
    "S2.assess.de.1a": (4, None, None, ["无故不参加周五业务学习"], "study"),
    "S2.assess.qin.2a": (4, None, None, ["请假未履行审批手续", "电话请假事后未补办手续"], "day"),
    "S2.assess.de.2a": (3, None, None, ["与办事群众发生争执,经调查属工作人员过错"], "day"),
    "S2.assess.qin.5a": (2, None, None, ["在大厅随地吐痰"], "day"),
    "S2.assess.neng.5": (2, [1, 2], None, ["申报材料丢失", "档案材料损坏"], "day"),
    "S2.assess.ji.1": (2, None, None, ["多收复印工本费", "未按收费标准收取登记费"], "day"),
    "S2.assess.bonus.1a": (7, None, None, ["区政务服务办通报表扬", "收到群众表扬信,区级通报",
                                            "区电视台报道优质服务事迹"], "day"),
    "S2.assess.bonus.1b": (3, None, None, ["市政府办公室通报表扬", "市级媒体报道服务事迹"], "day"),
    "S2.assess.bonus.2": (2, None, [5, 10], ["获评区级先进个人", "获评市级岗位能手"], "day"),
    "S2.assess.bonus.3": (5, None, [1, 2, 3, 4, 5], ["提出的“延时服务”建议被采纳",
                                                     "优化排队叫号流程的建议被采纳",
                                                     "编写的一次性告知模板被中心采用"], "day"),
    "S2.assess.bonus.4": (1, None, [3], ["拾金不昧,归还群众遗失的钱包"], "day"),
}


def incident_time(rng: random.Random, d: date, kind: str) -> datetime:
    if kind == "late":
        return at(d, 8, rng.randint(33, 59)) if rng.random() < 0.75 else at(d, 16, rng.randint(20, 55))
    if kind == "meeting":
        return at(d, 8, rng.randint(5, 20))
    if kind == "study":
        return at(d, 16, rng.randint(0, 30))
    if kind == "evening":
        return at(d, rng.choice([17, 18, 19]), rng.randint(10, 55))
    return office_time(rng, d)


def make_incidents(rng: random.Random, discipline: dict, star: dict) -> list[list[str]]:
    staff = [(s, w) for w in WINDOWS for s in STAFF[w]]
    oct_days = [d for d in days_between(date(2026, 10, 8), LAST_DAY) if is_working(d)]
    rows = []  # (at, subject, window, rule, quantity, points, note, basis)

    def add(subject, window, t, rule, quantity="1", points="", note="", basis=""):
        rows.append((t, subject, window, rule, quantity, points, note, basis))

    for rule, (count, qty, pts, notes, kind) in INCIDENT_RULES.items():
        bonus = ".bonus." in rule
        weights = [star[s] if bonus else discipline[s] for s, _ in staff]
        for _ in range(count):
            s, w = rng.choices(staff, weights=weights)[0]
            d = rng.choice(oct_days)
            if kind == "meeting":
                d = rng.choice([x for x in oct_days if x.weekday() == 0])
            if kind == "study":
                d = rng.choice([x for x in oct_days if x.weekday() == 4])
            t = incident_time(rng, d, kind)
            if kind == "late" and t.hour >= 12:
                note = f"下午{t.hour}:{t.minute:02d}提前离岗,早退{60 - t.minute}分钟"
            else:
                note = rng.choice(notes).format(m=f"{t.hour}:{t.minute:02d}", late=t.minute - 30)
            add(s, w, t, rule, str(rng.choice(qty)) if qty else "1",
                str(rng.choice(pts)) if pts else "", note)
    # 旷工 (rare, in half days): 吕刚 a full day on 10-13 (see violations.csv), 杨帆 half a day.
    add("吕刚", "W12 公安户政", at(date(2026, 10, 13), 8, 30), "S2.assess.qin.2b", "2", "",
        "全天旷工,未请假,致一件户口迁移业务延误")
    add("杨帆", "W02 市场准入", at(date(2026, 10, 22), 14, 30), "S2.assess.qin.2b", "1", "",
        "下午旷工半天,电话联系不上")
    # 廉: one verified 吃拿卡要 with 情节严重 (退回原单位).
    add("董建军", "W09 交通运输", at(date(2026, 10, 20), 10, 15), "S2.assess.lian.1", "1", "",
        "收受办事企业购物卡,经纪检调查属实")
    add("董建军", "W09 交通运输", at(date(2026, 10, 20), 10, 15), "S2.assess.lian.2", "1", "",
        "情节严重,中心研究决定退回原单位")
    # A higher title (province-level 先进个人).
    add("韩冰", "W08 投诉受理", at(date(2026, 10, 16), 9, 0), "S2.assess.bonus.2", "1", "15",
        "获评省级“人民满意公务员”")
    # Window-charged lines: temporary workers' breaches (S2.kq.5, each naming the S2.assess
    # rule whose amount applies in `basis`, A30) and a duty failure (S4.req.4).
    add("W03 社保医保", "W03 社保医保", at(date(2026, 10, 14), 8, 48), "S2.kq.5", "1", "",
        "临时工作人员迟到,扣窗口考核分", "S2.assess.qin.1")
    add("W06 税务", "W06 税务", at(date(2026, 10, 21), 15, 20), "S2.kq.5", "1", "",
        "临时辅助人员操作失误,扣窗口考核分", "S2.assess.neng.3")
    add("W01 不动产登记", "W01 不动产登记", at(date(2026, 10, 27), 10, 5), "S2.kq.5", "1", "",
        "临时工作人员未佩证上岗,扣窗口考核分", "S2.assess.de.3a")
    add("W06 税务", "W06 税务", at(date(2026, 10, 10), 8, 30), "S4.req.4", "1", "",
        "10-10调休日值班窗口未按时开窗")
    # Outside the period: late September and early November.
    for (m, dd, hh, mi), s, rule, note in [
        ((9, 28, 8, 51), "徐磊", "S2.assess.qin.1", "上午8:51到岗,迟到21分钟"),
        ((9, 29, 10, 30), "刘婷", "S2.assess.de.3a", "未佩戴工作证上岗"),
        ((9, 29, 15, 40), "郑凯", "S2.assess.qin.4b", "工作时间网购"),
        ((9, 30, 16, 35), "马俊", "S2.assess.qin.1", "节前提前离岗"),
        ((11, 2, 8, 46), "徐磊", "S2.assess.qin.1", "上午8:46到岗,迟到16分钟"),
        ((11, 3, 9, 50), "高鹏", "S2.assess.de.2b", "接听电话时说“不归我管”"),
        ((11, 4, 14, 55), "罗佳怡", "S2.assess.bonus.1a", "收到群众锦旗,区级通报表扬"),
    ]:
        w = next(w for w in WINDOWS if s in STAFF[w])
        add(s, w, at(date(2026, m, dd), hh, mi), rule, "1", "", note)
    rows.sort(key=lambda r: (r[0], r[1], r[3], r[6]))
    # No bad row: the README's main job runs on this month and should exit 0; bad rows are
    # the tests' business (tests/cases/, crates/zhidu-cli/tests/cli.rs).
    return [[r[1], r[2], rfc(r[0]), r[3], r[4], r[5], r[6], r[7]] for r in rows]


# --------------------------------------------------------------------------------------
# Violations (S2.zr): the accountability history, November 2025 – October 2026.

VIOLATIONS = [
    # subject, at, violation, flags, note
    ("徐磊", "2025-11-18T09:40", "S2.zr.t1.1", "", "未请假离岗40分钟"),
    ("郑凯", "2025-12-03T15:10", "S2.zr.t1.6", "", "录入申请人身份证号错误,当日更正"),
    ("高鹏", "2025-12-15T10:20", "S2.fq.4", "", "首问未引导办事群众到对应窗口"),
    ("唐文杰", "2026-01-09T10:05", "S2.zr.t1.5", "complaint", "未告知办结时限,群众投诉经查属实"),
    ("曹颖", "2026-01-21T14:50", "S2.zr.t1.3", "", "未一次性告知所需材料"),
    ("马俊", "2026-02-04T09:15", "S2.zr.t1.1", "", "上班时间擅自外出"),
    ("张伟", "2026-02-26T16:00", "S2.zr.t1.6", "loss", "抵押登记信息录错,申请人重复往返产生费用"),
    ("何雪梅", "2026-03-10T10:30", "S2.zr.t1.4", "", "材料齐全未及时受理"),
    ("杨帆", "2026-03-17T15:25", "S2.zr.t1.1", "", "未请假离开窗口"),
    ("林国栋", "2026-03-24T11:00", "S2.zr.t1.7", "", "施工许可超时限2个工作日,首次催办后办结"),
    ("唐文杰", "2026-04-14T09:30", "S2.zr.t1.3", "complaint", "答复投诉时未告知依据,经查属实"),
    ("于洋", "2026-04-22T14:40", "S2.fq.4", "", "首问推给其他窗口"),
    ("徐磊", "2026-05-06T08:55", "S2.zr.t1.1", "", "再次未请假离岗,经批评教育仍未改正"),
    ("朱琳", "2026-05-19T10:10", "S2.zr.t1.6", "", "提取金额计算错误,复核发现"),
    ("苏梦瑶", "2026-05-28T15:30", "S2.zr.t1.2", "", "首问责任人未履行首问责任"),
    ("赵丽娟", "2026-06-09T09:20", "S2.zr.t1.6", "loss;considerable_impact",
     "营业执照信息错误致企业招投标受阻,媒体报道"),
    ("高鹏", "2026-06-16T16:20", "S2.fq.4", "", "首问未登记,群众往返两次"),
    ("许文博", "2026-06-25T10:45", "S2.zr.t1.5", "complaint", "未告知办结时限,投诉经查属实"),
    ("马俊", "2026-07-07T14:35", "S2.zr.t1.1", "", "再次擅自离岗"),
    ("周敏", "2026-07-15T09:50", "S2.zr.t1.6", "", "参保信息核对错误"),
    ("沈思远", "2026-07-23T15:05", "S2.zr.t1.4", "", "符合条件未及时办理"),
    ("程雅琴", "2026-08-04T10:25", "S2.zr.t1.7", "beyond_first_reminder",
     "道路运输许可超时限,第一次催办后仍未办结"),
    ("曾志伟", "2026-08-12T09:05", "S2.fq.4", "", "首问未一次性告知"),
    ("郭振华", "2026-08-20T14:55", "S2.zr.t1.6", "", "图纸审查意见漏项"),
    ("吕刚", "2026-08-27T08:50", "S2.zr.t1.1", "", "未请假离岗"),
    ("罗佳怡", "2026-09-02T10:40", "S2.zr.t1.3", "", "未告知政策依据"),
    ("唐文杰", "2026-09-16T15:15", "S2.zr.t2.5", "complaint", "推诿投诉人,第三次投诉经查属实"),
    ("杨帆", "2026-09-22T14:45", "S2.zr.t1.1", "", "再次未请假离开窗口"),
    ("李明辉", "2026-09-29T11:20", "S2.zr.t1.6", "", "不动产证书打印信息错误"),
    ("邓慧", "2026-10-09T10:30", "S2.zr.t1.7", "", "卫生许可超时1个工作日,首次催办期内办结"),
    ("吕刚", "2026-10-13T17:30", "S2.zr.t1.1", "caused_delay", "全天旷工,致一件户口迁移业务延误"),
    ("许文博", "2026-10-15T09:35", "S2.zr.t1.3", "complaint", "未告知办事程序,投诉经查属实"),
    ("于洋", "2026-10-19T15:50", "S2.fq.4", "", "首问未履行引导职责,再次发生"),
    ("董建军", "2026-10-20T16:30", "S2.zr.t3.7", "crime", "收受办事企业财物,移送司法机关"),
    ("冯淑芬", "2026-10-22T10:00", "S2.zr.t1.2", "", "首问未登记投诉人联系方式"),
    ("黄志强", "2026-10-23T14:20", "S2.zr.t1.6", "", "经营范围录入错误"),
    ("袁立新", "2026-10-26T09:25", "S2.zr.t1.4", "", "材料齐全未当日受理"),
    ("胡建国", "2026-10-28T15:40", "S2.zr.t1.6", "", "贷款额度核算错误,当日纠正"),
    ("宋玉兰", "2026-10-29T10:50", "S2.zr.t1.5", "", "未告知办结时限"),
    ("梁晨", "2026-10-30T16:10", "S2.zr.t1.1", "", "未请假提前离岗"),
]


# --------------------------------------------------------------------------------------


def write_csv(path: Path, header: list[str], rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        print("usage: python3 examples/2026-10/generate.py OUT_DIR", file=sys.stderr)
        return 2
    out = Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)

    staff = [(s, w) for w in WINDOWS for s in STAFF[w]]
    # Per person: how often they are late with cases, break rules, earn praise.
    # Lateness is concentrated: most staff are rarely late, a few often (so the 绩 scores,
    # −10 per overdue piece, spread from 20 down to 0).
    factors = [0.05] * 14 + [0.3] * 10 + [1.0] * 7 + [2.5] * 5 + [5.0] * 4
    rng.shuffle(factors)
    handler_late = {s: f for (s, _), f in zip(staff, factors)}
    handler_late["程雅琴"], handler_late["邓慧"], handler_late["林国栋"] = 5.0, 2.5, 2.5
    handler_late["韩冰"] = 0.05
    discipline = {s: rng.choice([0.3, 0.5, 0.8, 1.0, 1.0, 1.5, 2.0]) for s, _ in staff}
    discipline["徐磊"], discipline["马俊"], discipline["杨帆"] = 5.0, 3.5, 3.0
    star = {s: rng.choice([0.2, 0.5, 1.0, 1.0, 2.0]) for s, _ in staff}
    star["韩冰"], star["罗佳怡"] = 4.0, 3.0

    write_csv(out / "roster.csv", ["subject", "window"], staff)

    cases = make_cases(rng, handler_late)
    with (out / "cases.jsonl").open("w", encoding="utf-8", newline="") as f:
        for c in cases:
            f.write(json.dumps(c, ensure_ascii=False, separators=(",", ":")) + "\n")

    write_csv(out / "incidents.csv",
              ["subject", "window", "at", "rule", "quantity", "points", "note", "basis"],
              make_incidents(rng, discipline, star))

    write_csv(out / "violations.csv", ["subject", "at", "violation", "flags", "note"],
              [[s, t + ":00+08:00", v, fl, n] for s, t, v, fl, n in VIOLATIONS])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
