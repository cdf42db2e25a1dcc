"""The tables of a :class:`zhidu.Report` as pandas DataFrames (pandas is imported when asked)."""

from __future__ import annotations

import importlib
from typing import Any, Dict, List, Optional
from ._zhidu import _text

#: The report's tables: figures per group, case lists, and the scoring and accountability
#: tables.
FIGURE_TABLES = ("by_window", "by_class", "by_item")
CASE_TABLES = ("red", "yellow", "longest_overdue")


def _figure_row(f: Dict[str, Any]) -> Dict[str, Any]:
    """One row of figures: rates spread over ``x`` (the percentage), ``x_numerator`` and
    ``x_denominator``; statuses as ``status_<name>``."""
    row: Dict[str, Any] = {}
    for k, v in f.items():
        if k == "by_status":
            for s, n in v.items():
                row[f"status_{s}"] = n
        elif isinstance(v, dict):
            row[k] = v.get("percent")
            row[f"{k}_numerator"] = v.get("numerator")
            row[f"{k}_denominator"] = v.get("denominator")
        else:
            row[k] = v
    return row


#: The figures of a group, in order (``key`` names the group); the statuses are spread over
#: ``status_<name>`` columns, one per status, and each rate over three columns.
FIGURES = ("key", "cases", "received", "completed", "completed_on_time", "completed_late",
           "completed_early", "on_time_rate", "open", "open_overdue", "overdue",
           "overdue_rate", "days_mean", "days_p90", "suspended_cases", "suspensions",
           "extended_cases", "extensions", "extension_units")
RATES = ("on_time_rate", "overdue_rate")
#: A case of the yellow, red and longest-overdue lists (its list fields left out).
CASE = ("id", "class", "status", "due_date", "due_at", "limit", "unit", "remaining",
        "overdue_days", "provisional", "legal_due_date", "completed_at", "handler", "window")
CASE_INTS = ("limit", "remaining", "overdue_days")


def _schema(pd: Any, frame: Any, columns: List[str], dtypes: Dict[str, Any]) -> Any:
    """``frame`` with exactly ``columns`` (missing ones empty) and ``dtypes``."""
    frame = frame.reindex(columns=columns)
    rest = {c: object for c in columns if c not in dtypes}
    return frame.astype({**rest, **dtypes})


def _instants(pd: Any, column: Any, zone: Any) -> Any:
    at = pd.to_datetime(column, utc=True).dt.tz_convert(zone)
    return at.astype(pd.DatetimeTZDtype("s", zone))


def frames(report: Dict[str, Any], categories: Optional[List[str]] = None) -> Dict[str, Any]:
    """Every table of ``report`` (the dict of ``Report.to_dict()``) as a DataFrame, each with
    the same columns and dtypes whatever the period (an empty one included); ``categories``
    are the ids of the deduction table's categories (the scorecards' score columns)."""
    try:
        pd = importlib.import_module("pandas")
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(_text("py.needs_pandas")) from e
    from ._status import Status

    zone = report["as_of"].tzinfo
    statuses = [f"status_{s.value}" for s in Status]
    figure_columns: List[str] = []
    for name in FIGURES:
        figure_columns.append(name)
        if name in RATES:
            figure_columns += [f"{name}_numerator", f"{name}_denominator"]
        if name == "key":
            figure_columns += statuses
    figure_ints = {c: "int64" for c in figure_columns
                   if c not in ("key", "days_mean", "days_p90", *RATES)}
    out: Dict[str, Any] = {}
    for name in FIGURE_TABLES:
        rows = [_figure_row(f) for f in report.get(name) or []]
        frame = pd.DataFrame(rows).reindex(columns=figure_columns)
        frame[statuses] = frame[statuses].fillna(0)
        out[name] = _schema(pd, frame, figure_columns, figure_ints)
    for name in CASE_TABLES:
        frame = pd.DataFrame(
            [{k: v for k, v in c.items() if not isinstance(v, list)} for c in report.get(name) or []]
        )
        frame = _schema(pd, frame, list(CASE), {c: "Int64" for c in CASE_INTS})
        frame["provisional"] = frame["provisional"].astype("boolean")
        frame["due_at"] = _instants(pd, frame["due_at"], zone)
        frame["completed_at"] = _instants(pd, frame["completed_at"], zone)
        out[name] = frame
    assessment = report.get("assessment") or {}
    cards: List[Dict[str, Any]] = []
    for c in assessment.get("scorecards") or []:
        if c.get("kind") != "person":
            continue
        row = {k: c.get(k) for k in ("subject", "window", "total", "bonus", "fines", "withholdings")}
        for cat in c.get("categories") or []:
            row[cat["id"]] = cat["score"]
        cards.append(row)
    ids = list(categories or [])
    card_columns = ["subject", "window", "total", "bonus", "fines", "withholdings", *ids]
    out["scorecards"] = _schema(pd, pd.DataFrame(cards), card_columns,
                                {c: "int64" for c in ("total", "bonus", *ids)})
    out["ranking"] = _schema(
        pd,
        pd.DataFrame([{k: w.get(k) for k in ("rank", "window", "score", "members", "eligible")}
                      for w in report.get("ranking") or []]),
        ["rank", "window", "score", "members", "eligible"],
        {"rank": "int64", "members": "int64", "eligible": bool},
    )
    decisions = _schema(
        pd,
        pd.DataFrame([
            {k: d.get(k) for k in ("row", "subject", "at", "violation", "applied", "tier", "needs_review")}
            | {"measures": "、".join(d.get("measures") or [])}
            for d in report.get("decisions") or []
        ]),
        ["row", "subject", "at", "violation", "applied", "tier", "needs_review", "measures"],
        {"row": "int64", "tier": "Int64", "needs_review": bool},
    )
    decisions["at"] = _instants(pd, decisions["at"], zone)
    out["decisions"] = decisions
    return out
