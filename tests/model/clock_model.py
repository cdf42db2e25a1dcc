"""Reference model of zhidu's case clock, written from the documented semantics only.

Sources (see tests/model/README.md for the rule-by-rule table): README "Semantics", "Case
logs", "Limits and errors"; DESIGN "Deadline semantics", "Calendars"; regulations.md §3a and
§5 A3, A4, A21-A23; the policy files under policies/ (data only). The engine's code is not
read: this model must be able to disagree with it.

Python 3.11 standard library only.

    from clock_model import load_policy, case_status
    p = load_policy("s2-service-center")
    case_status(p, {"id": "C1", "class": "promised", ...}, "2026-03-16T09:00:00+08:00")

`case_status` returns None when the case is not yet known at the as-of instant (accepted
after it), {"error": code} for a case the engine must refuse, or a dict with the fields of
`zhidu cases --format json` that the model predicts: status, due_date, due_at, remaining,
overdue_days, limit.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
POLICY_DIR = ROOT / "policies"

DAY = 86400
UNIT_SECONDS = {"minutes": 60, "hours": 3600}
DAY_UNITS = ("working_days", "calendar_days")
# README "Policy files": the annotated class sets `warn_before = 2`; the s2 `promised` class
# has no key but its defaults note says "yellow when 2 working days or fewer remain". The
# default for a class without the key is not stated anywhere else: the model uses 2 units.
DEFAULT_WARN_BEFORE = 2


# Counterfactual switches, used only by compare.py to name the cause of a disagreement
# (a variant that reproduces the engine's answer points at the rule the engine reads
# differently). The model proper runs with every switch off.
OPTIONS = {"extension_after_due_applies": False, "extensions_from_start": False}


class ModelError(Exception):
    """A case the documented semantics say must be refused, with the error code."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


# --------------------------------------------------------------------------- calendar

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


@dataclass
class Calendar:
    id: str
    offset: int  # seconds east of UTC
    first_year: int
    last_year: int
    weekend: set[int]
    holidays: set[date] = field(default_factory=set)
    workdays: set[date] = field(default_factory=set)

    def check(self, d: date) -> None:
        if not (self.first_year <= d.year <= self.last_year):
            raise ModelError("coverage", f"{d} outside the calendar's years ({d.year})")

    def is_working(self, d: date) -> bool:
        """README Semantics "working day": a weekday that is not a holiday, or a make-up day."""
        self.check(d)
        if d in self.workdays:
            return True
        if d in self.holidays:
            return False
        return d.weekday() not in self.weekend

    # instants are int seconds since the Unix epoch (UTC)
    def local_date(self, t: int) -> date:
        return (datetime.fromtimestamp(t + self.offset, tz=timezone.utc)).date()

    def day_start(self, d: date) -> int:
        """00:00 of d in the calendar's zone: the close of d-1 (24:00) is this same instant."""
        return int(datetime(d.year, d.month, d.day, tzinfo=timezone.utc).timestamp()) - self.offset

    def fmt(self, t: int) -> str:
        off = self.offset
        dt = datetime.fromtimestamp(t, tz=timezone(timedelta(seconds=off)))
        return dt.isoformat()


def _parse_offset(s: str) -> int:
    m = re.fullmatch(r"([+-])(\d\d):(\d\d)", s)
    if not m:
        raise ValueError(f"bad offset {s}")
    v = int(m.group(2)) * 3600 + int(m.group(3)) * 60
    return -v if m.group(1) == "-" else v


def load_calendar(path: Path) -> Calendar:
    raw = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    c = raw["calendar"]
    cal = Calendar(
        id=c["id"],
        offset=_parse_offset(c["utc_offset"]),
        first_year=c["first_year"],
        last_year=c["last_year"],
        weekend={WEEKDAYS.index(w) for w in c["weekend"]},
    )
    for y in raw.get("year", []):
        for f in y.get("festival", []):
            cal.holidays.update(f.get("holidays", []))
            cal.workdays.update(f.get("workdays", []))
    return cal


# --------------------------------------------------------------------------- policy


@dataclass
class ClassDef:
    id: str
    unit: str
    limit: int | None  # fixed limit
    per_case: bool
    default_limit: int | None
    legal_limit: int | None
    warn_before: int
    max_extension: int
    clock_starts: str
    roll: bool
    # README Semantics "extension": S2.ts.6d (A21) extends only on a logged notice.
    needs_reason: bool = False


@dataclass
class Policy:
    id: str
    calendar: Calendar
    classes: dict[str, ClassDef]
    suspensions: dict[str, str]  # reason -> "pause" | "restart"
    day_ends_at: str


_CAL_CACHE: dict[str, Calendar] = {}


def load_policy(policy_id: str, policy_dir: Path = POLICY_DIR) -> Policy:
    for path in sorted(policy_dir.glob("*.toml")):
        raw = tomllib.loads(path.read_text(encoding="utf-8-sig"))
        if raw.get("policy", {}).get("id") != policy_id:
            continue
        p = raw["policy"]
        cal_id = p["calendar"]
        if cal_id not in _CAL_CACHE:
            _CAL_CACHE[cal_id] = load_calendar(policy_dir / "calendars" / f"{cal_id}.toml")
        classes = {}
        for c in raw.get("class", []):
            unit = c["unit"]
            classes[c["id"]] = ClassDef(
                id=c["id"],
                unit=unit,
                limit=c.get("limit"),
                per_case=c.get("per_case", False),
                default_limit=c.get("default_limit"),
                legal_limit=c.get("legal_limit"),
                warn_before=c.get("warn_before", DEFAULT_WARN_BEFORE),
                # README Semantics "extension": `uncapped_extension` (S2.ts.6d, A21) has no cap.
                max_extension=10**9 if c.get("uncapped_extension") else c.get("max_extension", 0),
                needs_reason=bool(c.get("extension_needs_reason", False)),
                clock_starts=c.get("clock_starts", "acceptance"),
                # README Semantics `calendar_days`: "a day off rolls to the next working day"
                # (setting roll_to_working_day, default on per DESIGN).
                roll=c.get("roll_to_working_day", True),
            )
        susp = {s["id"]: s["effect"] for s in raw.get("suspension", [])}
        return Policy(policy_id, _CAL_CACHE[cal_id], classes, susp, p.get("day_ends_at", "midnight"))
    raise ModelError("unknown_policy", policy_id)


# --------------------------------------------------------------------------- instants

_RFC3339 = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d))?(Z|[+-]\d\d:\d\d)?")
_DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")


def parse_instant(s: str, cal: Calendar, allow_date: bool = False) -> tuple[int, bool]:
    """(epoch seconds, was_plain_date). README CLI: an RFC 3339 instant, `YYYY-MM-DDTHH:MM`
    (calendar's zone) or, where a date is enough, a plain `YYYY-MM-DD`."""
    if not isinstance(s, str):
        raise ModelError("input", f"not an instant: {s!r}")
    m = _RFC3339.fullmatch(s)
    if m:
        y, mo, d, h, mi = (int(m.group(i)) for i in range(1, 6))
        sec = int(m.group(6) or 0)
        off = m.group(7)
        o = cal.offset if off is None else (0 if off == "Z" else _parse_offset(off))
        try:
            t = int(datetime(y, mo, d, h, mi, sec, tzinfo=timezone.utc).timestamp()) - o
        except ValueError as e:
            raise ModelError("input", str(e)) from e
        return t, False
    m = _DATE.fullmatch(s)
    if m and allow_date:
        d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return cal.day_start(d), True
    raise ModelError("input", f"not an instant: {s!r}")


# --------------------------------------------------------------------------- the clock


@dataclass
class Clock:
    """The clock as it stands at the judging instant T (events after T unknown)."""

    started: bool = True
    running: bool = True  # False: inside a suspension that counts
    due_at: int | None = None  # None while suspended or not started
    due_date: date | None = None
    limit: int = 0  # base + applied extensions
    count: int = 0  # units consumed (days) at T
    units_left: list = field(default_factory=list)  # day units: dates counted / rolled after T
    consumed: int = 0  # seconds, wall-clock units


def _limit_of(cls: ClassDef, days) -> int:
    """README Case logs / Policy files: a fixed `limit` refuses `days`; a per-case class takes
    `days` or its `default_limit`; neither is an input error; `legal_limit` caps `days`."""
    if cls.limit is not None and not cls.per_case:
        if days is not None:
            raise ModelError("input", "a fixed-limit class takes no days")
        return cls.limit
    if days is None:
        if cls.default_limit is not None:
            return cls.default_limit
        if cls.limit is not None:
            return cls.limit
        raise ModelError("input", "days required")
    if not isinstance(days, int) or isinstance(days, bool) or days < 0 or days > 4294967295:
        raise ModelError("input", f"bad days {days!r}")
    if cls.legal_limit is not None and days > cls.legal_limit:
        raise ModelError("input", "promised limit above the legal one")
    return days


def _day_clock(p: Policy, cls: ClassDef, start: int, limit: int, events: list, T: int) -> Clock:
    """Day units. DESIGN "Suspension": a day counts only if the clock is running at that day's
    close (just before 24:00; an event at exactly 00:00 belongs to the new day). Counting is
    次日起算 from the start date, or from the resume date after a restart. The due date is the
    N-th counted day (calendar days: rolled to the next working day). A suspension that starts
    at or after the count is complete does not move it; an extension recorded after the due
    instant does not either."""
    cal = p.calendar
    counted_working = cls.unit == "working_days"
    sd = cal.local_date(start)
    L = limit
    count = 0
    running = True
    effect = None
    ignored_open = False  # a suspension ignored because the count was complete
    counted: list[date] = []  # counted days, in order (reset by a restart)
    ev = sorted(events, key=lambda e: e["t"])
    i = 0
    n = len(ev)
    D = sd
    due_day = None
    due_at = None
    last_day = date(cal.last_year, 12, 31)
    while True:
        # events of day D (before its close), then D's close
        while i < n and cal.local_date(ev[i]["t"]) == D:
            e = ev[i]
            i += 1
            if e["kind"] == "suspend":
                if not running:
                    raise ModelError("input", "suspend while suspended")
                running = False
                effect = p.suspensions[e["reason"]]
            elif e["kind"] == "resume":
                if running:
                    raise ModelError("input", "resume without suspend")
                running = True
                if effect == "restart":
                    sd = D
                    count = 0
                    counted = []
            elif e["kind"] == "extend":
                L += e["days"]
        if D > sd and running:
            if D > last_day:
                cal.check(D)
            if (not counted_working) or cal.is_working(D):
                count += 1
                counted.append(D)
        # L = 0: due at the end of the start day itself (corpus promised-zero-days); a pause
        # does not move the start day, a restart does (its resume day is the new start).
        complete = (count >= L and D > sd and running) or (L == 0 and D == sd and (running or effect != "restart"))
        if complete:
            due_day = D
            if cls.unit == "calendar_days" and cls.roll:
                while not cal.is_working(due_day):
                    due_day += timedelta(days=1)
            due_at = cal.day_start(due_day + timedelta(days=1))
            # events after the count is complete: extensions at or before the due instant
            # reopen the count from the day after D; suspensions are ignored.
            reopened = False
            if not running:
                ignored_open = True  # L = 0 under a pause: its resume is bookkeeping only
            while i < n:
                e = ev[i]
                late = e["t"] > due_at
                i += 1
                if e["kind"] == "extend" and late and not OPTIONS["extension_after_due_applies"]:
                    continue  # an extension recorded after the due instant changes nothing
                if e["kind"] == "extend":
                    L += e["days"]
                    reopened = True
                    break
                elif e["kind"] == "suspend":
                    if ignored_open:
                        raise ModelError("input", "suspend while suspended")
                    ignored_open = True
                elif e["kind"] == "resume":
                    if not ignored_open:
                        raise ModelError("input", "resume without suspend")
                    ignored_open = False
            if not reopened:
                break
            # An extension reopened the count: a suspension that was only bookkeeping under a
            # complete count (L = 0 under a pause) stops the clock again, as `running` says.
            ignored_open = False
            # continue counting from D+1; events of D+1.. not yet consumed stay in ev[i:]
            due_day = None
            due_at = None
        if i >= n and not running:
            break  # suspended at T with no further known events: due unknown
        D += timedelta(days=1)
        if D > last_day + timedelta(days=1):
            cal.check(D)
    # the rest of the events (after the due instant) are ignored, but a resume still needs
    # its suspension, and a second suspension still needs a resume in between
    for e in ev[i:]:
        if e["kind"] == "suspend":
            if ignored_open:
                raise ModelError("input", "suspend while suspended")
            ignored_open = True
        elif e["kind"] == "resume":
            if not ignored_open:
                raise ModelError("input", "resume without suspend")
            ignored_open = False
    c = Clock(limit=L)
    if due_day is None:
        c.running = False
        # README Semantics "restart": the count begins again on resume, so a case suspended
        # for a restarting reason has its full limit left (corpus status-suspended-restart)
        c.count = 0 if effect == "restart" else count
        return c
    c.due_date = due_day
    c.due_at = due_at
    c.count = sum(1 for d in counted if cal.day_start(d + timedelta(days=1)) <= T)
    # remaining (README: counted units whose end lies after the instant, up to the due
    # instant): the counted days still open at T, plus the days a calendar-day due date was
    # rolled over (they are calendar days before the due instant).
    units = [d for d in counted if cal.day_start(d + timedelta(days=1)) > T]
    if counted:
        d = counted[-1] + timedelta(days=1)
        while d <= due_day:
            if cal.day_start(d + timedelta(days=1)) > T:
                units.append(d)
            d += timedelta(days=1)
    c.units_left = units
    return c


def _wall_clock(p: Policy, cls: ClassDef, start: int, limit: int, events: list, T: int) -> Clock:
    """Minutes and hours: wall clock from the start instant (README Semantics, A4, A22); a
    pause stops consumption; a restart runs the full limit again from the resume instant
    (corpus immediate-restart); an extension adds units; a suspension at or after the due
    instant, or an extension after it, changes nothing."""
    u = UNIT_SECONDS[cls.unit]
    Lsec = limit * u
    L = limit
    c = 0
    running = True
    effect = None
    last = start
    due = None
    ignored_open = False
    for e in sorted(events, key=lambda e: e["t"]):
        t = e["t"]
        if due is None and running and c + (t - last) >= Lsec:
            due = last + (Lsec - c)
        if due is not None:
            if t > due and OPTIONS["extension_after_due_applies"] and e["kind"] == "extend":
                t = due  # counterfactual only: the engine's suspected reading
            if t > due:
                kind_ok = e["kind"]
                if kind_ok == "suspend":
                    if ignored_open:
                        raise ModelError("input", "suspend while suspended")
                    ignored_open = True
                elif kind_ok == "resume":
                    if not ignored_open:
                        raise ModelError("input", "resume without suspend")
                    ignored_open = False
                continue
            # t == due
            if e["kind"] == "extend":
                L += e["days"]
                Lsec += e["days"] * u
                c = Lsec - e["days"] * u
                last = t
                due = None
                continue
            if e["kind"] == "suspend":
                if ignored_open:
                    raise ModelError("input", "suspend while suspended")
                ignored_open = True
            elif e["kind"] == "resume":
                if not ignored_open:
                    raise ModelError("input", "resume without suspend")
                ignored_open = False
            continue
        if running:
            c += t - last
        last = t
        if e["kind"] == "suspend":
            if not running:
                raise ModelError("input", "suspend while suspended")
            running = False
            effect = p.suspensions[e["reason"]]
        elif e["kind"] == "resume":
            if running:
                raise ModelError("input", "resume without suspend")
            running = True
            if effect == "restart":
                c = 0
        elif e["kind"] == "extend":
            L += e["days"]
            Lsec += e["days"] * u
    clk = Clock(limit=L)
    if due is None and running:
        due = last + (Lsec - c)
    if due is None:
        clk.running = False
        clk.consumed = 0 if effect == "restart" else c
        return clk
    clk.due_at = due
    clk.due_date = p.calendar.local_date(due)
    clk.consumed = Lsec - max(0, due - T)
    return clk


def _overdue_days(cal: Calendar, due_date: date, t: int) -> int:
    """README Semantics: each started working day after the due day, at least 1 when late.
    A day has started at its 00:00 (DESIGN: an event at exactly 00:00 belongs to the new day)."""
    n = 0
    d = due_date + timedelta(days=1)
    while cal.day_start(d) <= t:
        if cal.is_working(d):
            n += 1
        d += timedelta(days=1)
    return max(1, n)


def _events(p: Policy, cls: ClassDef, raw_events, cal: Calendar) -> list:
    if raw_events is None:
        raw_events = []
    if not isinstance(raw_events, list):
        raise ModelError("input", "events must be a list")
    if len(raw_events) > 1000:
        raise ModelError("input", "more than 1000 events")
    out = []
    for e in raw_events:
        kind = e.get("kind")
        t, _ = parse_instant(e.get("at"), cal)
        if kind == "suspend":
            if e.get("reason") not in p.suspensions:
                raise ModelError("input", f"unknown suspension reason {e.get('reason')!r}")
            out.append({"kind": kind, "t": t, "reason": e["reason"]})
        elif kind == "resume":
            out.append({"kind": kind, "t": t})
        elif kind == "extend":
            d = e.get("days")
            if not isinstance(d, int) or isinstance(d, bool) or d < 0:
                raise ModelError("input", "bad extension")
            out.append({"kind": kind, "t": t, "days": d, "noticed": bool(str(e.get("reason") or "").strip())})
        elif kind == "start":
            out.append({"kind": kind, "t": t})
        elif kind == "step":
            # README Item flow: a `step` event records a step of the item flow; the clock
            # ignores it. README Input rows: `step` is required by a `step` event.
            if not str(e.get("step") or "").strip():
                raise ModelError("input", "a step event without its step")
        else:
            raise ModelError("input", f"unknown event kind {kind!r}")
    return out


def _clock(p, cls, start, limit, events, T):
    if cls.unit in DAY_UNITS:
        return _day_clock(p, cls, start, limit, events, T)
    if cls.unit in UNIT_SECONDS:
        return _wall_clock(p, cls, start, limit, events, T)
    raise ModelError("unsupported", f"unit {cls.unit} is not modelled")


def case_status(p: Policy, case: dict, as_of: str) -> dict | None:
    try:
        return _case_status(p, case, as_of)
    except ModelError as e:
        return {"error": e.code, "message": str(e)}


def _case_status(p: Policy, case: dict, as_of: str) -> dict | None:
    cal = p.calendar
    A, _ = parse_instant(as_of, cal)
    cls = p.classes.get(case.get("class"))
    if cls is None:
        raise ModelError("unknown_class", str(case.get("class")))
    acc, plain = parse_instant(case.get("accepted_at"), cal, allow_date=cls.unit in DAY_UNITS)
    # brief / README Case logs: a case accepted after the as-of instant is not yet known
    if acc > A:
        return None
    limit = _limit_of(cls, case.get("days"))
    events = _events(p, cls, case.get("events"), cal)
    # README Case logs: events after --as-of are ignored (not yet known)
    events = [e for e in events if e["t"] <= A]
    completed = case.get("completed_at")
    C = None
    if completed is not None:
        C, _ = parse_instant(completed, cal)
        if C > A:
            C = None  # corpus completion-after-as-of-ignored
    T = A if C is None else C
    # DESIGN Status: a completed case is judged on the clock as it stood at completion
    events = [e for e in events if e["t"] <= T]
    # README Semantics "extension": a class that extends only on a logged notice (S2.ts.6d)
    # refuses a known extension without one (events after the horizon are not yet known).
    if cls.needs_reason and any(e["kind"] == "extend" and not e["noticed"] for e in events):
        raise ModelError("input", "an extension of this class needs its logged notice")
    # README Semantics: extensions are capped by max_extension (0 = none allowed)
    ext = sum(e["days"] for e in events if e["kind"] == "extend")
    if ext > cls.max_extension or any(e["kind"] == "extend" for e in events) and cls.max_extension == 0:
        raise ModelError("input", "extension over the cap")
    for d in (cal.local_date(acc),):
        cal.check(d)
    if OPTIONS["extensions_from_start"]:
        limit += ext
        events = [e for e in events if e["kind"] != "extend"]
    start = acc
    starts = [e for e in events if e["kind"] == "start"]
    events = [e for e in events if e["kind"] != "start"]
    if cls.clock_starts == "start_event":
        if not starts:
            out = _result("done_on_time" if C is not None else "not_started", None, None, None, 0, limit, cal)
            return out
        start = starts[0]["t"]
    clk = _clock(p, cls, start, limit, events, T)
    if clk.due_at is None:
        # suspended: the due date depends on the resume
        if C is not None:
            return _result("done_on_time", None, None, None, 0, clk.limit, cal)
        return _result("suspended", None, None, _remaining_suspended(cls, clk), 0, clk.limit, cal)
    if C is not None:
        if C <= clk.due_at:
            return _result("done_on_time", clk.due_date, clk.due_at, None, 0, clk.limit, cal)
        return _result("done_late", clk.due_date, clk.due_at, None, _overdue_days(cal, clk.due_date, C), clk.limit, cal)
    if A > clk.due_at:
        return _result("red", clk.due_date, clk.due_at, None, _overdue_days(cal, clk.due_date, A), clk.limit, cal)
    if cls.unit in DAY_UNITS:
        rem = len(clk.units_left)
    else:
        u = UNIT_SECONDS[cls.unit]
        rem = -(-(clk.due_at - A) // u)  # ceil: 4.5 minutes left is 5 (corpus)
    status = "yellow" if rem <= cls.warn_before else "on_track"
    return _result(status, clk.due_date, clk.due_at, rem, 0, clk.limit, cal)


def _remaining_suspended(cls: ClassDef, clk: Clock) -> int:
    if cls.unit in DAY_UNITS:
        return max(0, clk.limit - clk.count)
    u = UNIT_SECONDS[cls.unit]
    left = clk.limit * u - clk.consumed
    return max(0, math.ceil(left / u))


def _result(status, due_date, due_at, remaining, overdue, limit, cal: Calendar) -> dict:
    return {
        "status": status,
        "due_date": None if due_date is None else due_date.isoformat(),
        "due_at": None if due_at is None else cal.fmt(due_at),
        "remaining": remaining,
        "overdue_days": overdue,
        "limit": limit,
    }
