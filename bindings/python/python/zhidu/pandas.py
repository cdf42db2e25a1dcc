"""pandas helpers: zhidu answers as DataFrames (pandas is imported only when called).

>>> import zhidu, zhidu.pandas as zpd                      # doctest: +SKIP
>>> frame = zpd.due_frame(policy, "promised", df["accepted_at"], df["days"])   # doctest: +SKIP

``due_frame`` and ``case_frame`` cross into Rust once for the whole column and report bad rows
as the batch calls do (``errors="warn" | "raise" | "collect"``; with ``collect`` the errors are
only in the ``error`` column). ``scorecard_frame``, ``rank_frame`` and ``decision_frame`` lay
out the results of :meth:`Policy.assess` and :meth:`Policy.decide` (which take DataFrames
themselves) one row per card, window or decision, money as ``decimal.Decimal``.
"""

from __future__ import annotations

import datetime
import importlib
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional

if TYPE_CHECKING:  # pragma: no cover
    from ._zhidu import Assessment, Decisions, Policy, _Errors

#: ``pandas.DataFrame`` (pandas ships no inline types; this module needs none of its stubs).
DataFrame = Any

__all__ = ["due_frame", "case_frame", "scorecard_frame", "rank_frame", "decision_frame"]

def _index(obj: Any) -> Any:
    return getattr(obj, "index", None) if hasattr(obj, "dtype") else None


def due_frame(
    policy: "Policy",
    class_id: str,
    accepted_at: Any,
    days: Any = None,
    *,
    errors: "_Errors" = "warn",
) -> DataFrame:
    """Due dates of a column of starts as a DataFrame.

    Columns: ``due_date`` (datetime64, the due day), ``due_at`` (tz-aware in the calendar's
    zone, the instant the limit ends) and ``error`` (the message of a bad row, else None).
    The index is that of ``accepted_at`` when it is a Series.
    """
    np, pd = _import("numpy"), _import("pandas")

    dates, instants, bad = policy._due_columns(class_id, accepted_at, days, errors, 2)
    zone = datetime.timezone(policy.utc_offset)
    due_date = np.frombuffer(dates, dtype="<M8[D]").astype("datetime64[s]")
    at = pd.to_datetime(np.frombuffer(instants, dtype="<M8[s]")).tz_localize("UTC").tz_convert(zone)
    messages: List[Optional[str]] = [None] * len(due_date)
    for i, e in bad:
        messages[i] = str(e)
    return pd.DataFrame(
        {"due_date": due_date, "due_at": at, "error": messages},
        index=_index(accepted_at),
    )


def case_frame(
    policy: "Policy",
    cases: Any,
    as_of: Any,
    *,
    errors: "_Errors" = "warn",
) -> DataFrame:
    """Statuses of a DataFrame (or iterable) of cases as a DataFrame, one row per case.

    Columns are the fields of :meth:`zhidu.CaseStatus.to_dict` (``id``, ``class``,
    ``status``, ``due_date``, ``remaining``, ``overdue_days`` …) and ``error``; a DataFrame's
    index is kept. ``events`` may be a list of dicts or the case log's CSV form
    (``"suspend 2026-10-13T11:00+08:00 expert_review; resume 2026-10-20T09:00+08:00"``).
    """
    pd = _import("pandas")
    index = None
    rows: Iterable[Any] = cases
    if isinstance(cases, pd.DataFrame):
        index = cases.index
        rows = [
            {k: v for k, v in record.items() if not _missing(v)}
            for record in cases.to_dict("records")
        ]
    statuses, bad = policy._case_statuses(list(rows), as_of, errors, 2)
    messages = {i: str(e) for i, e in bad}
    records = [
        dict(s.to_dict(), error=None) if s is not None else {"error": messages.get(i)}
        for i, s in enumerate(statuses)
    ]
    frame = pd.DataFrame.from_records(records, index=index)
    for col in ("due_date", "legal_due_date"):
        if col in frame:
            frame[col] = pd.to_datetime(frame[col])
    return frame


def scorecard_frame(assessment: "Assessment") -> DataFrame:
    """The scorecards of an assessment as a DataFrame, one row per card in the assessment's
    order.

    Columns: ``subject``, ``kind`` (``person`` / ``window``), ``window``, ``period``, one
    column per category of the deduction table (named by its id, holding its score),
    ``bonus``, ``total``, ``fines`` and ``withholdings`` (扣除当月奖励, apart from fines; both
    ``decimal.Decimal`` objects: exact, so ``sum()`` stays exact) and ``effects`` (the effect
    names, a list per card).
    """
    pd = _import("pandas")
    records: List[Dict[str, Any]] = []
    categories: List[str] = []
    for card in assessment:
        row: Dict[str, Any] = {"subject": card.subject, "kind": card.kind,
                               "window": card.window, "period": card.period}
        for c in card.categories:
            row[c["id"]] = c["score"]
            if c["id"] not in categories:
                categories.append(c["id"])
        row.update(bonus=card.bonus, total=card.total, fines=card.fines,
                   withholdings=card.withholdings,
                   effects=[e["name"] for e in card.effects])
        records.append(row)
    columns = ["subject", "kind", "window", "period", *categories, "bonus", "total", "fines",
               "withholdings", "effects"]
    frame = pd.DataFrame.from_records(records, columns=columns)
    frame["fines"] = frame["fines"].astype(object)
    frame["withholdings"] = frame["withholdings"].astype(object)
    return frame


def rank_frame(assessment: "Assessment") -> DataFrame:
    """The window ranking of an assessment as a DataFrame, best first: ``rank``, ``window``,
    ``score`` (``decimal.Decimal``), ``members``, ``eligible`` and ``disqualified_by`` (the
    rules that disqualified the window, a list per row)."""
    pd = _import("pandas")
    records = [
        {"rank": r.rank, "window": r.window, "score": r.score, "members": r.members,
         "eligible": r.eligible, "disqualified_by": [d["rule"] for d in r.disqualified_by]}
        for r in assessment.rank()
    ]
    columns = ["rank", "window", "score", "members", "eligible", "disqualified_by"]
    frame = pd.DataFrame.from_records(records, columns=columns)
    frame["score"] = frame["score"].astype(object)
    return frame


def decision_frame(decisions: "Decisions") -> DataFrame:
    """Accountability decisions as a DataFrame, one row per decision in time order.

    Columns: ``row`` (the record's 1-based row), ``subject``, ``at`` (tz-aware in the
    calendar's zone), ``violation``, ``applied``, ``tier`` and ``candidate_tier`` (nullable
    ``Int64``: missing when a person decides), ``tier_name``, ``measures`` (a list),
    ``needs_review``, ``review_reasons`` (a list), ``escalation`` (the escalation's clause,
    or None), ``escalation_kind`` (``repeat`` / ``complaints`` / None), ``flags``,
    ``clauses`` (lists) and ``note``.
    """
    pd = _import("pandas")
    columns = ["row", "subject", "at", "violation", "applied", "tier", "tier_name",
               "measures", "needs_review", "review_reasons", "escalation", "escalation_kind",
               "candidate_tier", "flags", "clauses", "note"]
    records = []
    for d in decisions:
        esc = d.escalation
        records.append({
            "row": d.row, "subject": d.subject, "at": d.at, "violation": d.violation,
            "applied": d.applied, "tier": d.tier, "tier_name": d.tier_name,
            "measures": d.measures, "needs_review": d.needs_review,
            "review_reasons": d.review_reasons,
            "escalation": esc["clause"] if esc else None,
            "escalation_kind": esc["kind"] if esc else None,
            "candidate_tier": d.candidate_tier, "flags": d.flags, "clauses": d.clauses,
            "note": d.note,
        })
    frame = pd.DataFrame.from_records(records, columns=columns)
    for col in ("tier", "candidate_tier"):
        frame[col] = frame[col].astype("Int64")
    frame["at"] = pd.to_datetime(frame["at"])
    frame["needs_review"] = frame["needs_review"].astype(bool)
    return frame


def _missing(v: Any) -> bool:
    try:
        return v is None or (isinstance(v, float) and v != v)
    except Exception:  # pragma: no cover
        return False


def _import(name: str) -> Any:
    """Import pandas / numpy when a helper is called, not when zhidu is imported."""
    return importlib.import_module(name)
