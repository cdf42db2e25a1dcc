"""Reference model of zhidu's scoring (`zhidu assess`, `zhidu rank`), written from the
documented semantics only.

Sources (tests/model/README.md, part "Scoring", has the rule-by-rule table and the choices): README "Scorecards",
"Accountability" (nothing of it is scoring, read to be sure), "Semantics", "Defaults",
"Input rows", "Limits and errors"; regulations.md §3b and §5 (A5–A9, A16–A20, A25, A30, A33);
DESIGN "Assessment semantics"; the policy files under policies/ (data only, read with
tomllib). The engine's scoring code is not read: this model must be able to disagree with it.
The case clock (due instants of the cases whose lateness is priced) is the clock model's
(clock_model.py), itself written the same way.

Python 3.11 standard library only.

    from scoring_model import load_scoring, assess, rank
    p = load_scoring("s14-window-scorecard")
    out = assess(p, "2026-10", rows)        # rows: list of (row_number, {column: text})
    out["cards"]                            # {(kind, subject): card}
    out["errors"]                           # [(input, row, [reasons])]
    out["outside"]                          # incident rows outside the period
    out["unpriced"]                         # case rows of late cases no rule prices
    out["annual"]                           # outside rows read for an annual effect
    rank(p, out)                            # {window: {rank, score, members, eligible, disqualified_by}}

Every cell is text as a CSV gives it; a blank cell is missing (README Input rows).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import clock_model
from clock_model import ModelError, parse_instant

ROOT = Path(__file__).resolve().parents[2]
POLICY_DIR = ROOT / "policies"

# README Limits and errors: quantity of one incident 1 to 1,000,000 (MAX_QUANTITY).
MAX_QUANTITY = 1_000_000

# Choices where the documents are silent (tests/model/README.md, "Scoring", choices table).
# compare.py switches them only to name the cause of a disagreement; the model runs with the
# defaults below.
OPTIONS = {
    # (s-f) a rule whose charge or effect needs a window takes it from the row only; with
    # this switch on, a blank window is filled from the roster first.
    "window_from_roster": False,
    # (s-j) the per-day accrual of a month ends at the period's last second (as-of of the
    # report); on: at the exclusive end instant (00:00 of the next period).
    "accrual_at_end_instant": False,
    # engine readings recognised by compare.py (tests/model/README.md, "Disagreements found"):
    # A33's kept line is the one with the most points (level × quantity), not the highest level
    "family_by_line_total": False,
    # a row of an earlier month read for an annual effect is not checked: one that fails the
    # check gives neither its effect nor a row error (it is only counted as outside)
    "annual_rows_unchecked": False,
}


# --------------------------------------------------------------------------- policy


@dataclass
class Rule:
    code: str
    category: str | None
    kind: str  # deduction | bonus | effect_only
    points: int | None
    range: tuple[int, int] | None
    choices: list[int] | None
    unit: str
    fine: Decimal
    withholding: Decimal
    charge: str  # person | window | person_and_window
    effects: list[str]
    family: str | None
    points_required: bool
    basis_from: str | None
    overdue: str | None  # piece | piece_day
    joint: str  # any | only | never
    prices: set[str]
    imported_from: str | None


@dataclass
class Effect:
    id: str
    name: str
    lasts: str  # period | year
    reaches: str  # charged | person_and_window
    disqualifying: bool
    imported_from: str | None


@dataclass
class Category:
    id: str
    maximum: int
    floor: int


@dataclass
class ScoringPolicy:
    id: str
    calendar: clock_model.Calendar
    categories: list[Category]
    rules: dict[str, Rule]
    effects: dict[str, Effect]
    joint_classes: set[str]
    has_classes: bool
    # README Item flow: `[flow]` — the rule a breach is charged under and the steps in order,
    # each known by its id or its name; None without a flow.
    flow_rule: str | None = None
    flow_steps: list[tuple[str, str]] = field(default_factory=list)


def _raw_policy(policy_id: str) -> dict:
    for path in sorted(POLICY_DIR.glob("*.toml")):
        raw = tomllib.loads(path.read_text(encoding="utf-8-sig"))
        if raw.get("policy", {}).get("id") == policy_id:
            return raw
    raise ModelError("unknown_policy", policy_id)


def _rule(r: dict, imported_from: str | None) -> Rule:
    rng = r.get("range")
    return Rule(
        code=r["code"],
        category=r.get("category"),
        kind=r["kind"],
        points=r.get("points"),
        range=tuple(rng) if rng else None,
        choices=list(r["choices"]) if "choices" in r else None,
        unit=r.get("unit", "occurrence"),
        fine=Decimal(str(r.get("fine", "0"))),
        withholding=Decimal(str(r.get("withholding", "0"))),
        # DESIGN "Who is charged follows the clause"; README Policy files: a rule without
        # `charge` is the person's (the S14 table says so of every rule it does not mark).
        charge=r.get("charge", "person"),
        effects=list(r.get("effects", [])),
        family=r.get("family"),
        points_required=bool(r.get("points_required", False)),
        basis_from=r.get("basis_from"),
        overdue=r.get("overdue"),
        joint=r.get("joint", "any"),
        prices=set(r.get("prices", [])),
        imported_from=imported_from,
    )


def _effect(e: dict, disq: set[str], imported_from: str | None) -> Effect:
    return Effect(
        id=e["id"],
        name=e["name"],
        # README Scorecards: `lasts = "year"` or "period"; `reaches = "person_and_window"` or
        # "charged". Without the key: "period" and "charged" (the S2 and S4 effects).
        lasts=e.get("lasts", "period"),
        reaches=e.get("reaches", "charged"),
        disqualifying=e["id"] in disq,
        imported_from=imported_from,
    )


def load_scoring(policy_id: str) -> ScoringPolicy:
    raw = _raw_policy(policy_id)
    cal = clock_model.load_policy(policy_id).calendar
    a = raw.get("assessment", {})
    disq = set(a.get("disqualifying_effects", []))
    effects = {e["id"]: _effect(e, disq, None) for e in raw.get("effect", [])}
    rules = {r["code"]: _rule(r, None) for r in raw.get("rule", [])}
    # README Policy files "Imports": the imported rules join the table exactly as their policy
    # defines them, with the effects they carry (an effect that disqualifies there
    # disqualifies here).
    for imp in raw.get("import", []):
        src = _raw_policy(imp["policy"])
        sdisq = set(src.get("assessment", {}).get("disqualifying_effects", []))
        seff = {e["id"]: e for e in src.get("effect", [])}
        for r in src.get("rule", []):
            if r["code"] in imp["rules"]:
                rules[r["code"]] = _rule(r, imp["policy"])
                for eid in r.get("effects", []):
                    effects[eid] = _effect(seff[eid], sdisq, imp["policy"])
    cats = [Category(c["id"], c["maximum"], c.get("floor", 0)) for c in raw.get("category", [])]
    return ScoringPolicy(
        id=policy_id,
        calendar=cal,
        categories=cats,
        rules=rules,
        effects=effects,
        joint_classes=set(a.get("joint_classes", [])),
        has_classes=bool(raw.get("class")),
        flow_rule=raw.get("flow", {}).get("rule"),
        flow_steps=[(st["id"], st["name"]) for st in raw.get("flow", {}).get("steps", [])],
    )


# --------------------------------------------------------------------------- periods


@dataclass
class Period:
    label: str
    start: int  # first instant (epoch seconds)
    end: int  # exclusive
    year_start: int  # 00:00 of 1 January of the period's year


def parse_period(s: str, cal: clock_model.Calendar) -> Period:
    """README CLI: `2026-10`, `2026-Q4` or `2026`; a period is [first 00:00, next 00:00) in
    the calendar's zone (corpus s14-period-filter, s14-year)."""
    m = re.fullmatch(r"(\d{4})-(\d\d)", s)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        a, b = date(y, mo, 1), date(y + (mo == 12), mo % 12 + 1, 1)
    elif (m := re.fullmatch(r"(\d{4})-Q([1-4])", s)):
        y, q = int(m.group(1)), int(m.group(2))
        a = date(y, 3 * q - 2, 1)
        b = date(y + (q == 4), (3 * q) % 12 + 1, 1)
    elif (m := re.fullmatch(r"(\d{4})", s)):
        y = int(m.group(1))
        a, b = date(y, 1, 1), date(y + 1, 1, 1)
    else:
        raise ModelError("input", f"bad period {s}")
    return Period(s, cal.day_start(a), cal.day_start(b), cal.day_start(date(a.year, 1, 1)))


# --------------------------------------------------------------------------- cells

_WHOLE = re.compile(r"[+-]?\d+")


def whole(s: str) -> int | None:
    """README Input rows "whole number": an integer, a whole float or its digits. A CSV cell is
    text, so it must be the digits: `2.0` is not a whole number there (choice s-a, the engine's
    reading; a host float 2.0 is another matter, not modelled). None: not one."""
    s = s.strip()
    if _WHOLE.fullmatch(s):
        return int(s)
    return None


def money(d: Decimal) -> str:
    return str(d.quantize(Decimal("0.01")))


def text(row: dict, key: str) -> str | None:
    v = row.get(key)
    if v is None:
        return None
    v = v.strip()
    return v or None


# --------------------------------------------------------------------------- incidents


@dataclass
class Incident:
    row: int
    subject: str
    window: str | None
    at: int
    rule: Rule
    quantity: int
    points_each: int  # signed: deductions negative, bonuses positive
    note: str | None
    basis: Rule | None
    ref: str | None
    category: str | None
    defaulted: bool = False


@dataclass
class Cells:
    """An incident row as read (README Input rows: the reading every host shares)."""

    row: int
    subject: str
    window: str | None
    at: int
    rule_code: str
    q_s: str | None
    quantity: int | None
    pts_s: str | None
    pts: int | None
    note: str | None
    ref: str | None
    basis_code: str | None


def read_cells(p: ScoringPolicy, n: int, row: dict) -> tuple[Cells | None, list[str]]:
    """The reading of an incident row: a required cell missing, an instant or a whole number
    that cannot be read. These are row errors whatever the row's date (corpus
    s14-bad-quantity-points-date: a date that does not exist)."""
    reasons: list[str] = []
    subject = text(row, "subject")
    if subject is None:
        reasons.append("missing_subject")
    rule_code = text(row, "rule")
    if rule_code is None:
        reasons.append("missing_rule")
    at_s = text(row, "at")
    at = None
    if at_s is None:
        reasons.append("missing_at")
    else:
        try:
            at, _ = parse_instant(at_s, p.calendar, allow_date=True)
        except (ModelError, ValueError):
            reasons.append("bad_at")
    q_s = text(row, "quantity")
    q = None
    if q_s is not None:
        q = whole(q_s)
        if q is None:
            reasons.append("bad_quantity")
    pts_s = text(row, "points")
    pts = None
    if pts_s is not None:
        pts = whole(pts_s)
        if pts is None:
            reasons.append("bad_points")
    if reasons:
        return None, reasons
    return Cells(n, subject, text(row, "window"), at, rule_code, q_s, q, pts_s, pts, text(row, "note"), text(row, "ref"),
                 text(row, "basis")), []


def check_incident(p: ScoringPolicy, c: Cells, roster: dict[str, str]) -> tuple[Incident | None, list[str]]:
    """The row against the deduction table → (incident, []) or (None, [reasons]). Every reason
    the row has is listed; the engine reports one message, which must be one of them."""
    reasons: list[str] = []
    n, subject, rule_code, at, pts_s, pts, note, window, ref, basis_code = (
        c.row, c.subject, c.rule_code, c.at, c.pts_s, c.pts, c.note, c.window, c.ref, c.basis_code)
    quantity = 1  # README Scorecards: quantity defaults to 1
    if c.quantity is not None:
        if not (1 <= c.quantity <= MAX_QUANTITY):
            # README Limits and errors: quantity of one incident 1 to 1,000,000
            reasons.append("quantity_out_of_range")
        else:
            quantity = c.quantity
    rule = p.rules.get(rule_code)
    if rule is None:
        reasons.append("unknown_rule")
    points_each = 0
    basis = None
    category = None
    defaulted = False
    if rule is not None:
        category = rule.category
        sign = -1 if rule.kind == "deduction" else 1
        if rule.basis_from is None and basis_code is not None:
            # README Scorecards: "`basis` is for S2.kq.5" (choice s-b: on another rule it is a
            # row error, as `points` on a fixed-points rule is)
            reasons.append("basis_not_allowed")
        if rule.basis_from is not None:
            # README Scorecards (A30): `basis` names the matching S2.assess deduction, whose
            # amount, unit and category the window's line takes; no basis, or one that is not
            # an S2.assess deduction, is a row error.
            if pts_s is not None:
                reasons.append("points_not_allowed")
            if basis_code is None:
                reasons.append("basis_missing")
            else:
                b = p.rules.get(basis_code)
                if b is None or not b.code.startswith(rule.basis_from) or b.kind != "deduction" or b.points is None:
                    reasons.append("basis_bad")
                else:
                    basis = b
                    category = b.category
                    points_each = -b.points
        elif rule.kind == "effect_only":
            # corpus s14-bad-quantity-points-date: points on an effect-only rule are an error
            if pts_s is not None:
                reasons.append("points_not_allowed")
        elif rule.range is not None or rule.choices is not None:
            if pts_s is None:
                if rule.points_required:
                    # README Scorecards: S2.bonus.4 is manual only and bonus.2's level is a
                    # fact: without points both are row errors.
                    reasons.append("points_required")
                elif rule.range is not None:
                    # A6: none given → the smallest magnitude, marked A6
                    points_each = sign * rule.range[0]
                    defaulted = True
            elif pts is not None:
                if rule.choices is not None:
                    if pts not in rule.choices:
                        reasons.append("points_out_of_range")
                    else:
                        points_each = sign * pts
                else:
                    lo, hi = rule.range
                    if not (lo <= pts <= hi):
                        reasons.append("points_out_of_range")
                    elif note is None:
                        # README Scorecards (A6): a value chosen in a range needs its reason
                        # in `note` (a row error otherwise). A level among `choices` is a
                        # fact (bonus.2), not a choice in a range: no note needed.
                        reasons.append("note_required")
                    else:
                        points_each = sign * pts
        else:
            # a fixed amount: `points` is only for discretionary rules (README Scorecards;
            # corpus s14-bad-quantity-points-date)
            if pts_s is not None:
                reasons.append("points_not_allowed")
            points_each = sign * (rule.points or 0)
        needs_window = rule.charge in ("window", "person_and_window") or any(
            p.effects[e].reaches == "person_and_window" for e in rule.effects if e in p.effects
        )
        if needs_window and window is None:
            if OPTIONS["window_from_roster"] and subject in roster:
                window = roster[subject]
            else:
                # README Scorecards (A19): S14.att.6's effect reaches the window named on the
                # row, "a row without a window is a row error"; corpus s14-biz11-window for
                # the window-charged rules.
                reasons.append("window_required")
    if reasons:
        return None, reasons
    return Incident(n, subject, window, at, rule, quantity, points_each, note, basis, ref, category, defaulted), []


# --------------------------------------------------------------------------- cards


@dataclass
class Line:
    rule: str
    source: tuple  # ("incident", row) or ("case", id)
    category: str | None
    quantity: int
    points: int
    fine: Decimal
    withholding: Decimal
    superseded: bool = False
    basis: str | None = None
    ref: str | None = None
    family: str | None = None
    points_each: int = 0
    at: int = 0
    imported_from: str | None = None


@dataclass
class Card:
    subject: str
    kind: str  # person | window
    window: str | None
    lines: list[Line] = field(default_factory=list)
    effects: list[tuple[str, str, int]] = field(default_factory=list)  # (effect id, rule, at)
    votes: dict = field(default_factory=dict)  # source row or case -> the window it names


def _card(cards: dict, kind: str, subject: str, window: str | None = None, source=None) -> Card:
    """The card of a subject. A person's window (choice s-g, README silent): the roster's;
    else the window named by most of the rows that reach the person's card (its lines and the
    rows of its effects, each row once; a window-charged row is the window's, not the
    person's), the smallest window id on a tie, so that the order of the rows does not matter
    (corpus *-order-a/b)."""
    key = (kind, subject)
    c = cards.get(key)
    if c is None:
        c = Card(subject, kind, None if kind == "person" else subject)
        cards[key] = c
    if kind == "person" and window is not None:
        c.votes[source] = window
        votes = list(c.votes.values())
        c.window = min(set(votes), key=lambda w: (-votes.count(w), w))
    return c


def _charge(p: ScoringPolicy, cards: dict, inc: Incident) -> None:
    r = inc.rule
    q = inc.quantity
    line_person = Line(r.code, ("incident", inc.row), inc.category, q, inc.points_each * q, r.fine * q, r.withholding * q,
                       basis=inc.basis.code if inc.basis else None, ref=inc.ref, family=r.family, points_each=inc.points_each, at=inc.at,
                       imported_from=r.imported_from)
    if r.charge == "person":
        _card(cards, "person", inc.subject, inc.window, inc.row).lines.append(line_person)
    elif r.charge == "window":
        _card(cards, "window", inc.window, None).lines.append(line_person)
    else:  # person_and_window (A19): each person the points and the money, the window the points
        _card(cards, "person", inc.subject, inc.window, inc.row).lines.append(line_person)
        wl = Line(r.code, ("incident", inc.row), inc.category, q, inc.points_each * q, Decimal(0), Decimal(0),
                  ref=inc.ref, family=r.family, points_each=inc.points_each, at=inc.at, imported_from=r.imported_from)
        _card(cards, "window", inc.window, None).lines.append(wl)


def _effects_of(p: ScoringPolicy, cards: dict, inc: Incident) -> None:
    r = inc.rule
    for eid in r.effects:
        e = p.effects[eid]
        targets = []
        if e.reaches == "person_and_window":
            targets = [("person", inc.subject), ("window", inc.window)]
        else:  # "charged": the subjects the rule is charged to
            if r.charge in ("person", "person_and_window"):
                targets.append(("person", inc.subject))
            if r.charge in ("window", "person_and_window"):
                targets.append(("window", inc.window))
        for kind, subj in targets:
            _card(cards, kind, subj, inc.window, inc.row).effects.append((eid, r.code, inc.at))


def _supersede(cards: dict) -> None:
    """README Scorecards (A33): bonuses of one family with the same subject and `ref` count
    once, at the highest level; the others stay on the card as lines marked superseded
    (0 points). Choice (s-c): the kept line is the one with the highest points per unit, the
    earliest row on a tie, and it keeps its quantity."""
    for c in cards.values():
        groups: dict[tuple, list[Line]] = {}
        for ln in c.lines:
            if ln.family and ln.ref:
                groups.setdefault((ln.family, ln.ref), []).append(ln)
        for lines in groups.values():
            if len(lines) < 2:
                continue
            if OPTIONS["family_by_line_total"]:
                keep = max(lines, key=lambda ln: (ln.points_each * ln.quantity, -ln.source[1]))
            else:
                # the highest level; on a tie the line with the most points (so the answer
                # does not depend on the rows' order), then the earliest row
                keep = max(lines, key=lambda ln: (ln.points_each, ln.points_each * ln.quantity, -ln.source[1]))
            for ln in lines:
                if ln is not keep:
                    ln.superseded = True
                    ln.points = 0


# --------------------------------------------------------------------------- cases


def _od(cal, due_date: date, due_at: int, t: int) -> int:
    """Overdue days as of t (README Semantics "overdue days": each started working day after
    the due day, at least 1 when late; a day has started at its 00:00)."""
    if t <= due_at:
        return 0
    return clock_model._overdue_days(cal, due_date, t)


def _case_lines(p: ScoringPolicy, cp_id: str, cp, per: Period, cases: list[tuple[int, dict]], cards: dict, errors: list, unpriced: list) -> None:
    """README Scorecards `--cases`: overdue cases become deductions for the rules bound to them,
    only for the limits a rule prices; a piece belongs to the month of its due day; per-day
    deductions land in the month each day accrues; a late case no rule prices is counted in
    `unpriced_late`."""
    cal = p.calendar
    overdue_rules = [r for r in p.rules.values() if r.overdue]
    for n, case in cases:
        cls_id = case.get("class")
        # the due instant: the clock model's, as of the last event (the generated cases carry
        # no suspension, only a `start` event for a class whose clock starts with one, so the
        # due instant is fixed once the clock has started)
        # README Input rows: a case row that cannot be read is a row error of its own
        if not case.get("accepted_at"):
            errors.append(("case", n, ["case_missing"]))
            continue
        try:
            acc, _ = parse_instant(case["accepted_at"], cal, allow_date=True)
        except (ModelError, ValueError):
            errors.append(("case", n, ["case_bad_at"]))
            continue
        try:
            T = max([acc] + [parse_instant(e["at"], cal)[0] for e in case.get("events") or []])
            st = clock_model.case_status(cp, {k: v for k, v in case.items() if k != "completed_at"}, cal.fmt(T))
        except ModelError as e:
            st = {"error": e.code}
        if st is None or "error" in st:
            errors.append(("case", n, [("case_" + st["error"]) if st else "case_unreadable"]))
            continue
        if not st.get("due_at"):
            continue  # a clock that never started has no due instant: never late
        due_at, _ = parse_instant(st["due_at"], cal)
        due_date = date.fromisoformat(st["due_date"])
        C = None
        if case.get("completed_at"):
            C, _ = parse_instant(case["completed_at"], cal)
        key = f"{cp_id}:{cls_id}"
        joint = bool(case.get("joint")) or key in p.joint_classes
        due_day_in = per.start <= cal.day_start(due_date) < per.end
        last = per.end if OPTIONS["accrual_at_end_instant"] else per.end - 1
        prev_last = per.start if OPTIONS["accrual_at_end_instant"] else per.start - 1
        # Overdue days accrued in the period (README: per-day deductions land in the month each
        # day accrues; corpus s14-overdue-split-*: the days by the period's end, or by the
        # completion, minus those already accrued before the period). The period's end is its
        # last second, the as-of of the monthly report (README Monthly report).
        hi = last if C is None else min(C, last)
        lo = prev_last if C is None else min(C, prev_last)
        accrued = _od(cal, due_date, due_at, hi) - _od(cal, due_date, due_at, lo)
        # Late, as the piece rules read it (policy note of S2.assess.ji.2): completed after its
        # due instant (a completion after the period counts: corpus s2-ji2-due-0930-september),
        # or open and past due at the period's end. Choice s-h: an open case whose due day is
        # the period's last day is past due at the period's end (its limit ran out at 24:00).
        late = C > due_at if C is not None else due_at <= per.end
        # Choice s-i: a late case belongs to a period when its due day lies in it or it
        # accrues an overdue day in it.
        late_here = late and (due_day_in or accrued > 0)
        priced = []
        for r in overdue_rules:
            if key not in r.prices:
                continue
            if r.joint == "only" and not joint or r.joint == "never" and joint:
                continue
            priced.append(r)
        if not priced:
            # README Scorecards: a late case no rule prices is counted in `unpriced_late`, not
            # dropped (in every period it belongs to, choice s-i)
            if late_here:
                unpriced.append(n)
            continue
        if not late_here:
            continue
        for r in priced:
            if r.overdue == "piece":
                q = 1 if due_day_in and late else 0
            else:
                q = accrued
            # the subject a late case is charged to must be on the case (checked for every late
            # case of the period that a rule prices)
            if r.charge == "window" and not case.get("window"):
                errors.append(("case", n, ["case_no_window"]))
                break
            if r.charge != "window" and not case.get("handler"):
                errors.append(("case", n, ["case_no_handler"]))
                break
            if q <= 0:
                continue
            line = Line(r.code, ("case", case["id"]), r.category, q, -(r.points or 0) * q, r.fine * q, r.withholding * q,
                        points_each=-(r.points or 0))
            if r.charge == "window":
                _card(cards, "window", case["window"], None).lines.append(line)
            else:
                _card(cards, "person", case["handler"], case.get("window"), ("case", n)).lines.append(line)


def _flow_breach(p: ScoringPolicy, case: dict) -> int | None:
    """README Item flow: the instant a case's breach of the flow shows, or None. Steps are
    taken in the order of their instants (corpus s14-flow-log-order-not-time-order); a step
    logged while an earlier step of the flow has not been logged before it is a breach at that
    step's instant: the earlier one was skipped, or comes later out of order (corpus
    s14-flow-reordered: notify reached without receipt shows at notify). A completed case
    without every step logged by its completion breaches at the completion (corpus
    s14-flow-completed-without-issue). A step that is no step of the flow makes the row
    unreadable (corpus s14-flow-bad-rows): ModelError."""
    cal = p.calendar
    index = {}
    for k, (sid, name) in enumerate(p.flow_steps):
        index[sid] = k
        index[name] = k
    steps = []
    for e in case.get("events") or []:
        if e.get("kind") != "step":
            continue
        k = index.get(str(e.get("step") or "").strip())
        if k is None:
            raise ModelError("input", f"unknown flow step {e.get('step')!r}")
        steps.append((parse_instant(e["at"], cal)[0], k))
    if not steps:
        return None  # README: a case with no `step` event has no flow log, not checked
    steps.sort(key=lambda x: x[0])
    seen: set[int] = set()
    for t, k in steps:
        if any(j not in seen for j in range(k)):
            return t
        seen.add(k)
    if case.get("completed_at"):
        C, _ = parse_instant(case["completed_at"], cal)
        if len(seen) < len(p.flow_steps):
            return C
    return None


def _flow_lines(p: ScoringPolicy, per: Period, cases: list[tuple[int, dict]], rows: list[tuple[int, dict]],
                cards: dict, errors: list) -> None:
    """README Item flow, "It happens automatically": with a case log and a `[flow]`, each case
    that breaches the flow is one piece of the flow rule, charged like an overdue case to the
    handler (with the case's window) in the period its breach shows in; a finding also given
    as a readable incident row (the same case under the flow rule) is charged once, by that
    row. One
    error per bad row (team rule): a row that already has an error gets no second one."""
    if not p.flow_rule:
        return
    r = p.rules[p.flow_rule]
    # README Item flow: "given as an incident row" is a row that can be read (its cells parse);
    # a row that cannot be read is a row error and gives nothing, so the case's finding is
    # charged (once) from the case log.
    given = {text(row, "case") for n, row in rows
             if text(row, "rule") == p.flow_rule and read_cells(p, n, row)[0] is not None}
    has_error = {n for kind, n, _ in errors if kind == "case"}
    for n, case in cases:
        if n in has_error or not case.get("accepted_at"):
            continue
        try:
            at = _flow_breach(p, case)
        except (ModelError, ValueError):
            errors.append(("case", n, ["case_flow_step"]))
            continue
        if at is None or not (per.start <= at < per.end) or case.get("id") in given:
            continue
        if r.charge != "window" and not case.get("handler"):
            errors.append(("case", n, ["case_no_handler"]))
            continue
        line = Line(r.code, ("case", case["id"]), r.category, 1, -(r.points or 0), r.fine, r.withholding,
                    points_each=-(r.points or 0), at=at)
        _card(cards, "person", case["handler"], case.get("window"), ("case", n)).lines.append(line)


# --------------------------------------------------------------------------- assess


def assess(p: ScoringPolicy, period: str, rows: list[tuple[int, dict]], roster: list[tuple[int, dict]] | None = None,
           cases: list[tuple[int, dict]] | None = None, case_policy: str | None = None) -> dict:
    per = parse_period(period, p.calendar)
    cards: dict[tuple[str, str], Card] = {}
    errors: list[tuple[str, int, list[str]]] = []
    outside: list[int] = []
    unpriced: list[int] = []
    ros: dict[str, str] = {}
    ros_rows: dict[str, list[str]] = {}
    for n, r in roster or []:
        s, w = text(r, "subject"), text(r, "window")
        if s is None or w is None:
            errors.append(("roster", n, ["roster_missing"]))
            continue
        ros_rows.setdefault(s, []).append(w)
    # choice s-p (README silent): a person listed more than once takes the window most of
    # their roster rows name, the smallest id on a tie (as a person's window from the rows)
    for s, ws in ros_rows.items():
        ros[s] = min(set(ws), key=lambda w: (-ws.count(w), w))
    annual: list[int] = []
    for n, row in rows:
        cells, reasons = read_cells(p, n, row)
        if cells is None:
            errors.append(("incident", n, reasons))
            continue
        if not (per.start <= cells.at < per.end):
            # README Scorecards: incidents outside the period are counted, not used; those of
            # earlier months of the same calendar year are read for annual effects only.
            # Choice s-e: a row outside the period is checked against the table only when it
            # is read for an annual effect (it is then used, so its problems are reported).
            rule = p.rules.get(cells.rule_code)
            yearly = [e for e in rule.effects if p.effects[e].lasts == "year"] if rule else []
            if yearly and per.year_start <= cells.at < per.start:
                annual.append(n)
                inc, reasons = check_incident(p, cells, ros)
                if inc is None:
                    if OPTIONS["annual_rows_unchecked"]:
                        outside.append(n)
                    else:
                        errors.append(("incident", n, reasons))
                    continue
                _effects_of(p, cards, replace(inc, rule=replace(inc.rule, effects=yearly)))
            outside.append(n)
            continue
        inc, reasons = check_incident(p, cells, ros)
        if inc is None:
            errors.append(("incident", n, reasons))
            continue
        _charge(p, cards, inc)
        _effects_of(p, cards, inc)
    if cases:
        cp_id = case_policy or p.id
        cp = clock_model.load_policy(cp_id)
        _case_lines(p, cp_id, cp, per, cases, cards, errors, unpriced)
        _flow_lines(p, per, cases, rows, cards, errors)
    # README Scorecards: `--roster` scores people without incidents too
    # and a person's window is the roster's where it names one (choice s-g)
    for s, w in ros.items():
        c = _card(cards, "person", s, None)
        # choice s-p, a tie among the roster's windows: the window most of the person's rows
        # name (as without a roster), then the smallest id (engine; seed 2 of session 6)
        ws = ros_rows[s]
        top = max(ws.count(x) for x in ws)
        tied = sorted({x for x in ws if ws.count(x) == top})
        if len(tied) > 1:
            votes = list(c.votes.values())
            w = min(tied, key=lambda x: (-votes.count(x), x))
        c.window = w
    _supersede(cards)
    return {
        "period": per,
        "cards": {k: finish(p, c) for k, c in cards.items()},
        "errors": errors,
        "outside": outside,
        "unpriced": unpriced,
        "annual": annual,
    }


def finish(p: ScoringPolicy, c: Card) -> dict:
    """README Scorecards "Semantics": a category scores max(floor, maximum − deductions);
    bonuses are summed apart, so total = Σ categories + bonus may pass 100; fines exact."""
    cats = {}
    for cat in p.categories:
        raw = -sum(ln.points for ln in c.lines if ln.category == cat.id and ln.points < 0)
        score = max(cat.floor, cat.maximum - raw)
        cats[cat.id] = {"raw": raw, "applied": cat.maximum - score, "score": score}
    bonus = sum(ln.points for ln in c.lines if ln.points > 0)
    total = sum(v["score"] for v in cats.values()) + bonus
    return {
        "subject": c.subject,
        "kind": c.kind,
        "window": c.window,
        "total": total,
        "bonus": bonus,
        "fines": money(sum((ln.fine for ln in c.lines), Decimal(0))),
        "withholdings": money(sum((ln.withholding for ln in c.lines), Decimal(0))),
        "categories": cats,
        "effects": sorted({p.effects[e].name for e, _, _ in c.effects}),
        "effect_ids": sorted({e for e, _, _ in c.effects}),
        # one entry per incident that carries the effect to this card (choice s-l)
        "effect_events": sorted(c.effects),
        "lines": sorted(line_key(ln) for ln in c.lines),
        # choice s-l: one disqualification per incident that carries the effect
        "_disq": sorted((r, p.rules[r].imported_from or "") for e, r, at in c.effects
                        if p.effects[e].disqualifying),
        "_line_points": sum(ln.points for ln in c.lines),
    }


def line_key(ln: Line) -> tuple:
    return (ln.rule, ln.source[0], str(ln.source[1]), ln.category or "", ln.quantity, ln.points, money(ln.fine), money(ln.withholding),
            ln.superseded, ln.basis or "", ln.ref or "", ln.imported_from or "")


# --------------------------------------------------------------------------- rank


def rank(p: ScoringPolicy, out: dict) -> dict:
    """README Scorecards: windows ranked by the mean of their members' totals plus their
    window-level lines; equal scores share a rank; a window with a disqualifying effect that
    month is listed as not eligible with the rule that disqualified it. Corpus
    s14-rank-rounding: the mean is exact, rounded half-up to two places."""
    cards = out["cards"]
    members: dict[str, list[int]] = {}
    for (kind, s), c in cards.items():
        if kind == "person" and c["window"]:
            members.setdefault(c["window"], []).append(c["total"])
        elif kind == "window":
            members.setdefault(s, [])
    scale = sum(c.maximum for c in p.categories)
    rows = {}
    for w, totals in members.items():
        wc = cards.get(("window", w))
        # choice s-k (README silent): a window with a card but no member is ranked too, its
        # members' mean taken as the full scale (nobody lost a point)
        mean = Decimal(sum(totals)) / Decimal(len(totals)) if totals else Decimal(scale)
        score = mean + Decimal(wc["_line_points"] if wc else 0)
        disq = wc["_disq"] if wc else []
        rows[w] = {"score": score.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), "members": len(totals),
                   "eligible": not disq, "disqualified_by": sorted(disq)}
    for w in rows:
        rows[w]["rank"] = 1 + sum(1 for v in rows.values() if v["score"] > rows[w]["score"])
    for w in rows:
        rows[w]["score"] = str(rows[w]["score"])
    return rows
