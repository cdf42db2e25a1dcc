"""pandas helpers: zhidu answers as DataFrames (pandas is imported only when called).

>>> import zhidu, zhidu.pandas as zpd                      # doctest: +SKIP
>>> frame = zpd.due_frame(policy, "promised", df["accepted_at"], df["days"])   # doctest: +SKIP

``due_frame`` and ``case_frame`` cross into Rust once for the whole column and report bad rows
as the batch calls do (``errors="warn" | "raise" | "collect"``; with ``collect`` the errors are
only in the ``error`` column). ``scorecard_frame``, ``lines_frame``, ``rank_frame`` and
``decision_frame`` lay out the results of :meth:`Policy.assess` and :meth:`Policy.decide`
(which take DataFrames themselves) one row per card, line, window or decision, money as
``decimal.Decimal``. Every frame has fixed columns and dtypes, the same when empty.
"""

from __future__ import annotations

import datetime
import importlib
from typing import TYPE_CHECKING, Any, Dict, List, Optional
from ._zhidu import _text

if TYPE_CHECKING:  # pragma: no cover
    from ._zhidu import Assessment, Decisions, Policy, _Errors

#: ``pandas.DataFrame`` (pandas ships no inline types; this module needs none of its stubs).
DataFrame = Any

__all__ = [
    "due_frame", "case_frame", "scorecard_frame", "lines_frame", "rank_frame", "decision_frame",
]

#: The columns of :func:`case_frame` (the fields of ``CaseStatus.to_dict()``, then ``error``).
CASE_COLUMNS = [
    "id", "class", "status", "due_date", "due_at", "limit", "unit", "remaining",
    "overdue_days", "provisional", "basis", "legal_due_date", "completed_at", "handler",
    "window", "clauses", "warnings", "error",
]

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
    """Due dates of a column of starts as a DataFrame, in one call into Rust.

    Parameters
    ----------
    policy : Policy
        The policy whose class it is.
    class_id : str
        The class's or service item's id.
    accepted_at : column of starts
        As :meth:`Policy.due_many` takes it (a pandas Series keeps its index).
    days : int or column of ints, optional
        One limit, one per row (NaN / None: the class's default), or None.
    errors : {"warn", "raise", "collect"}, default "warn"
        A bad row: ``"warn"`` one ``RowWarning``; ``"raise"`` ``InputError`` for the first;
        ``"collect"`` silently. Its message is in the ``error`` column in every mode but
        ``"raise"``.

    Returns
    -------
    pandas.DataFrame
        ``due_date`` (``datetime64[s]``, the due day), ``due_at`` (tz-aware in the
        calendar's zone, the instant the limit ends) and ``error`` (the message of a bad row,
        else None); the index of ``accepted_at`` when it is a Series.

    Raises
    ------
    UnknownClassError
        No class ``class_id``.
    InputError
        ``errors="raise"`` and a bad row; a column that cannot be read.
    """
    np, pd = _import("numpy"), _import("pandas")

    dates, instants, bad = policy._due_columns(class_id, accepted_at, days, errors, 2)
    zone = datetime.timezone(policy.utc_offset)
    due_date = np.frombuffer(dates, dtype="<M8[D]").astype("datetime64[s]")
    at = pd.to_datetime(np.frombuffer(instants, dtype="<M8[s]")).tz_localize("UTC").tz_convert(zone)
    messages: List[Optional[str]] = [None] * len(due_date)
    for i, e in bad:
        messages[i] = str(e)
    frame = pd.DataFrame(
        {"due_date": due_date, "due_at": at, "error": messages},
        index=_index(accepted_at),
    )
    return _stamped(frame, policy.stamp)


def case_frame(
    policy: "Policy",
    cases: Any,
    as_of: Any,
    *,
    errors: "_Errors" = "warn",
) -> DataFrame:
    """Statuses of a DataFrame (or iterable) of cases as a DataFrame, one row per case.

    Parameters
    ----------
    policy : Policy
        The cases' policy.
    cases : rows
        As :meth:`Policy.case_statuses` takes them.
    as_of : datetime.date | datetime.datetime | str
        The instant (a bare date is 00:00 and warns ``AsOfWarning``; see
        :func:`zhidu.end_of_day`).
    errors : {"warn", "raise", "collect"}, default "warn"
        As :func:`due_frame`.

    Returns
    -------
    pandas.DataFrame
        The schema below.

    Raises
    ------
    InputError
        ``errors="raise"`` and a bad case; rows in a container that is not read.

    ``cases`` is what :meth:`Policy.case_statuses` takes (a pandas or polars DataFrame, a
    pyarrow Table, an iterable of dicts …); a pandas DataFrame's index is kept. ``events``
    may be a list of dicts or the case log's CSV form
    (``"suspend 2026-10-13T11:00+08:00 expert_review; resume 2026-10-20T09:00+08:00"``).

    The columns and dtypes are fixed (the same for no case at all): ``CASE_COLUMNS``, the
    fields of :meth:`zhidu.CaseStatus.to_dict` then ``error``; ``status`` is a categorical
    of the eight statuses (``df["status"].cat.categories`` lists them: a misspelt status
    matches no category); ``due_date`` and ``legal_due_date`` ``datetime64[s]``; ``due_at``
    and ``completed_at`` tz-aware in the calendar's zone; ``limit``, ``remaining``,
    ``overdue_days`` nullable ``Int64``; ``provisional`` nullable ``boolean``; the rest
    ``object`` (a bad row: missing values and its message in ``error``).
    """
    pd = _import("pandas")
    # A DataFrame (or any table) is read by the native module, column by column.
    index = cases.index if isinstance(cases, pd.DataFrame) else None
    rows: Any = cases
    statuses, bad = policy._case_statuses(rows, as_of, errors, 2)
    messages = {i: str(e) for i, e in bad}
    records = [
        dict(s.to_dict(), error=None) if s is not None else {"error": messages.get(i)}
        for i, s in enumerate(statuses)
    ]
    frame = pd.DataFrame.from_records(records, index=index, columns=CASE_COLUMNS)
    zone = datetime.timezone(policy.utc_offset)
    from ._status import Status

    for col in ("due_date", "legal_due_date"):
        frame[col] = pd.to_datetime(frame[col]).astype("datetime64[s]")
    for col in ("due_at", "completed_at"):
        instants = pd.to_datetime(frame[col], utc=True).dt.tz_convert(zone)
        frame[col] = instants.astype(pd.DatetimeTZDtype("s", zone))
    for col in ("limit", "remaining", "overdue_days"):
        frame[col] = frame[col].astype("Int64")
    frame["provisional"] = frame["provisional"].astype("boolean")
    frame["status"] = pd.Categorical(
        [None if v is None or v != v else str(v) for v in frame["status"]],
        categories=[s.value for s in Status],
    )
    for col in ("id", "class", "unit", "handler", "window", "basis", "clauses", "warnings",
                "error"):
        frame[col] = frame[col].astype(object)
    return _stamped(frame, policy.stamp)


def scorecard_frame(
    assessment: "Assessment",
    kind: Optional[str] = "person",
    *,
    names: bool = False,
) -> DataFrame:
    """The scorecards of an assessment as a DataFrame, one row per card in the assessment's
    order, with the same columns and dtypes whatever the cards (none included).

    Parameters
    ----------
    assessment : Assessment
        The result of :meth:`Policy.assess` (or ``Report.assessment``).
    kind : {"person", "window", None}, default "person"
        ``"person"`` (the default): the people's cards; ``"window"``: the windows' own cards
        (window-charged rules, A19); ``None``: both. A rule that reaches the person and the
        window (S14.att.3 …) is a line on both cards, so summing a frame of both kinds counts
        it twice: keep them apart unless you mean it.
    names : bool, default False
        Whether the category columns are headed by the categories' names (考勤 …) instead
        of their ids (``att`` …); ``frame.attrs["category_names"]`` maps ids to names either
        way.

    Returns
    -------
    pandas.DataFrame
        ``subject``, ``kind``, ``window``, ``period`` (``object``), one ``int64`` column per
        category of the deduction table (its score), ``bonus`` and ``total`` (``int64``),
        ``fines`` and ``withholdings`` (扣除当月奖励, apart from fines; ``decimal.Decimal``
        objects, so ``sum()`` stays exact) and ``effects`` (the effect names, a list per
        card).
    """
    pd = _import("pandas")
    if kind not in ("person", "window", None):
        raise ValueError(_text("py.scorecard_kind", kind=repr(kind)))
    category_names = dict(assessment.category_names)
    records: List[Dict[str, Any]] = []
    for card in assessment:
        if kind is not None and card.kind != kind:
            continue
        row: Dict[str, Any] = {"subject": card.subject, "kind": card.kind,
                               "window": card.window, "period": card.period}
        for c in card.categories:
            row[c["id"]] = c["score"]
        row.update(bonus=card.bonus, total=card.total, fines=card.fines,
                   withholdings=card.withholdings,
                   effects=[e["name"] for e in card.effects])
        records.append(row)
    categories = list(category_names)
    columns = ["subject", "kind", "window", "period", *categories, "bonus", "total", "fines",
               "withholdings", "effects"]
    frame = pd.DataFrame.from_records(records, columns=columns)
    dtypes = {c: "int64" for c in (*categories, "bonus", "total")}
    frame = frame.astype({c: "object" for c in columns if c not in dtypes}).astype(dtypes)
    if names:
        frame = frame.rename(columns=category_names)
    frame.attrs["category_names"] = category_names
    return _stamped(frame, assessment.stamp)


def lines_frame(assessment: "Assessment") -> DataFrame:
    """Every line of every card as one DataFrame, built in Rust in one pass (no dict per
    line), with the same columns and dtypes when there is none.

    Parameters
    ----------
    assessment : Assessment
        The result of :meth:`Policy.assess` scored with ``lines=True`` (the default).

    Returns
    -------
    pandas.DataFrame
        One row per line, cards in the assessment's order and each card's lines in time
        order: ``subject`` and ``card_kind`` (``person`` / ``window``) and ``window`` of the
        card; the line's ``rule``, ``imported_from``, ``category``, ``kind``, ``unit``;
        ``quantity``, ``points_each`` and ``points`` (``int64``); ``fine`` and
        ``withholding`` (``decimal.Decimal``); ``at`` (tz-aware in the calendar's zone);
        ``case`` (the case's id), ``note`` and ``row`` (the incident's 1-based row,
        ``Int64``, missing for a case's line). A window card's lines are its own; filter
        ``card_kind`` before summing fines.
    """
    pd = _import("pandas")
    names, columns, offset = assessment._lines_columns()
    data = dict(zip(names, columns))
    zone = datetime.timezone(datetime.timedelta(seconds=offset))
    at = pd.to_datetime(pd.Series(data.pop("at"), dtype="int64"), unit="s", utc=True)
    frame = pd.DataFrame({k: pd.Series(v, dtype="object") for k, v in data.items()})
    frame.insert(names.index("at"), "at", at.dt.tz_convert(zone))
    frame = frame.astype({"quantity": "int64", "points_each": "int64", "points": "int64",
                          "row": "Int64"})
    return _stamped(frame, assessment.stamp)


def rank_frame(assessment: "Assessment") -> DataFrame:
    """The window ranking (红旗窗口) of an assessment as a DataFrame, best first.

    Parameters
    ----------
    assessment : Assessment
        The result of :meth:`Policy.assess`.

    Returns
    -------
    pandas.DataFrame
        ``rank``, ``members`` (``int64``), ``window`` (``object``), ``score``
        (``decimal.Decimal``), ``eligible`` (``bool``) and ``disqualified_by`` (the rules that
        disqualified the window, a list per row); the same dtypes when empty.

    Raises
    ------
    InputError
        The policy ranks no windows.
    """
    pd = _import("pandas")
    ranks = assessment.rank()
    records = [
        {"rank": r.rank, "window": r.window, "score": r.score, "members": r.members,
         "eligible": r.eligible, "disqualified_by": [d["rule"] for d in r.disqualified_by]}
        for r in ranks
    ]
    columns = ["rank", "window", "score", "members", "eligible", "disqualified_by"]
    frame = pd.DataFrame.from_records(records, columns=columns)
    frame = frame.astype({"rank": "int64", "window": object, "score": object,
                          "members": "int64", "eligible": bool, "disqualified_by": object})
    return _stamped(frame, ranks.stamp)


def decision_frame(decisions: "Decisions") -> DataFrame:
    """Accountability decisions as a DataFrame, one row per decision in time order.

    Parameters
    ----------
    decisions : Decisions
        The result of :meth:`Policy.decide`.

    Returns
    -------
    pandas.DataFrame
        The columns below, the same dtypes when empty.

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
    zone = datetime.timezone(decisions.utc_offset)
    at = pd.to_datetime(frame["at"], utc=True).dt.tz_convert(zone)
    frame["at"] = at.astype(pd.DatetimeTZDtype("s", zone))
    frame = frame.astype({"row": "int64", "tier": "Int64", "candidate_tier": "Int64",
                          "needs_review": bool})
    for col in ("subject", "violation", "applied", "tier_name", "escalation",
                "escalation_kind", "note"):
        frame[col] = frame[col].astype(object)
    return _stamped(frame, decisions.stamp)


def _stamped(frame: DataFrame, stamp: Dict[str, Any]) -> DataFrame:
    """``frame`` with the rules it was computed under in ``frame.attrs["zhidu_stamp"]`` (a
    dict as ``Policy.stamp`` has it: issue #17, every answer names its rules)."""
    frame.attrs["zhidu_stamp"] = stamp
    return frame


def _import(name: str) -> Any:
    """Import pandas / numpy when a helper is called, not when zhidu is imported."""
    return importlib.import_module(name)
