"""pandas helpers: zhidu answers as DataFrames (pandas is imported only when called).

>>> import zhidu, zhidu.pandas as zpd                      # doctest: +SKIP
>>> frame = zpd.due_frame(policy, "promised", df["accepted_at"], df["days"])   # doctest: +SKIP

Each helper crosses into Rust once for the whole column and reports bad rows as the batch
calls do (``errors="warn" | "raise" | "collect"``; with ``collect`` the errors are only in the
``error`` column).
"""

from __future__ import annotations

import datetime
import importlib
from typing import TYPE_CHECKING, Any, Iterable, List, Optional

if TYPE_CHECKING:  # pragma: no cover
    from ._zhidu import Policy, _Errors

#: ``pandas.DataFrame`` (pandas ships no inline types; this module needs none of its stubs).
DataFrame = Any

__all__ = ["due_frame", "case_frame"]

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


def _missing(v: Any) -> bool:
    try:
        return v is None or (isinstance(v, float) and v != v)
    except Exception:  # pragma: no cover
        return False


def _import(name: str) -> Any:
    """Import pandas / numpy when a helper is called, not when zhidu is imported."""
    return importlib.import_module(name)
