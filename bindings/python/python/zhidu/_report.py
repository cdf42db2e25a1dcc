"""The tables of a :class:`zhidu.Report` as pandas DataFrames (pandas is imported when asked)."""

from __future__ import annotations

import importlib
from typing import Any, Dict, List

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


def frames(report: Dict[str, Any]) -> Dict[str, Any]:
    """Every table of ``report`` (the dict of ``Report.to_dict()``) as a DataFrame."""
    try:
        pd = importlib.import_module("pandas")
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            "Report.frames() needs pandas, which is not installed: pip install pandas"
        ) from e
    out: Dict[str, Any] = {}
    for name in FIGURE_TABLES:
        rows = [_figure_row(f) for f in report.get(name) or []]
        out[name] = pd.DataFrame(rows).fillna(0) if rows else pd.DataFrame()
    for name in CASE_TABLES:
        out[name] = pd.DataFrame(
            [{k: v for k, v in c.items() if not isinstance(v, list)} for c in report.get(name) or []]
        )
    assessment = report.get("assessment") or {}
    cards: List[Dict[str, Any]] = []
    for c in assessment.get("scorecards") or []:
        if c.get("kind") != "person":
            continue
        row = {k: c.get(k) for k in ("subject", "window", "total", "bonus", "fines", "withholdings")}
        for cat in c.get("categories") or []:
            row[cat["id"]] = cat["score"]
        cards.append(row)
    out["scorecards"] = pd.DataFrame(cards)
    out["ranking"] = pd.DataFrame(
        [{k: w.get(k) for k in ("rank", "window", "score", "members", "eligible")} for w in report.get("ranking") or []]
    )
    out["decisions"] = pd.DataFrame(
        [
            {k: d.get(k) for k in ("row", "subject", "at", "violation", "applied", "tier", "needs_review")}
            | {"measures": "、".join(d.get("measures") or [])}
            for d in report.get("decisions") or []
        ]
    )
    return out
