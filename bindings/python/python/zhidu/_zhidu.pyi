"""Type stubs of the native module ``zhidu._zhidu`` (hand-written; checked by mypy.stubtest)."""

import datetime
import decimal
import os
from typing import (
    Any,
    Dict,
    Iterable,
    Iterator,
    List,
    Literal,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    TypedDict,
    Union,
    final,
    overload,
)

import numpy
import numpy.typing

from ._errors import RowError, ZhiduError
from ._stamped import StampedList
from ._status import Status

__all__ = [
    "PolicySet",
    "Policy",
    "Due",
    "DueExplanation",
    "CaseStatus",
    "Diagnostic",
    "Assessment",
    "Scorecard",
    "WindowRank",
    "Decisions",
    "Decision",
    "Report",
    "AccessDecisions",
    "AccessDecision",
    "Retention",
    "RetentionLine",
    "WhatIf",
    "_restore_policy_set",
    "_restore_policy",
    "_set_lang",
    "_enter_lang",
    "_text",
    "__version__",
]

__version__: str

#: What a start (``accepted_at``) may be: a plain date, a datetime (naive: the calendar's
#: zone) or an ISO 8601 string.
_StartLike = Union[datetime.date, datetime.datetime, str]
#: A column of starts: a list or tuple of starts, a numpy ``datetime64`` array, a pandas
#: Series / DatetimeIndex (tz-aware ones are instants).
_StartColumn = Any
#: A column of per-case limits: one int for all rows, a list, a numpy int array, a pandas
#: Series (NaN: the class's default), or None.
_DaysColumn = Any
#: A case as a case log line has it (dict), or that line's JSON text.
_CaseLike = Union[Mapping[str, Any], str]
_Errors = Literal["warn", "raise", "collect"]
#: An Arrow table answer (``output="arrow"``, ``Assessment.to_arrow()``): a
#: ``pyarrow.Table``. pyarrow is optional and ships no inline types, so the stub says ``Any``.
#: Its schema metadata holds the policy's stamp as JSON under ``b"zhidu:stamp"``.
_ArrowTable = Any
#: What ``due_many`` returns: a ``datetime64[D]`` array (NaT for a bad row) where numpy is
#: installed, else a list of ``datetime.date`` (None for a bad row). numpy is optional, so
#: the type is both; ``isinstance(dates, numpy.ndarray)`` narrows it.
_DueDates = Union[numpy.typing.NDArray[numpy.datetime64], StampedList[Optional[datetime.date]]]
#: Rows: an iterable of dicts (or JSON lines), a pandas or polars DataFrame, a pyarrow Table
#: or a dict of equal-length columns.
_Rows = Any
#: ``{person: window}``, ``(person, window)`` pairs, dicts with ``subject`` and ``window``,
#: or a DataFrame with those columns.
_Roster = Any

@final
class Diagnostic:
    """One located problem in a policy file."""

    @property
    def severity(self) -> str: ...
    @property
    def file(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...
    @property
    def path(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def help(self) -> Optional[str]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...

@final
class Due:
    """A due date and the instant the case falls due."""

    @property
    def due_date(self) -> datetime.date: ...
    @property
    def due_at(self) -> datetime.datetime: ...
    @property
    def limit(self) -> int: ...
    @property
    def unit(self) -> str: ...
    @property
    def warnings(self) -> List[Dict[str, Optional[str]]]: ...
    @property
    def provisional(self) -> bool: ...
    @property
    def basis(self) -> List[str]: ...
    @property
    def explanation(self) -> Optional[DueExplanation]: ...
    @property
    def stamp(self) -> Dict[str, Any]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...

@final
class DueExplanation:
    """A due date with the reasoning behind it."""

    @property
    def policy(self) -> str: ...
    @property
    def policy_version(self) -> str: ...
    @property
    def class_id(self) -> str: ...
    @property
    def class_name(self) -> str: ...
    @property
    def start(self) -> datetime.datetime: ...
    @property
    def due(self) -> Due: ...
    @property
    def days(self) -> List[Dict[str, Any]]: ...
    @property
    def clauses(self) -> List[Dict[str, str]]: ...
    @property
    def clause_ids(self) -> List[str]: ...
    @property
    def defaults(self) -> List[Dict[str, Any]]: ...
    @property
    def notices(self) -> List[str]: ...
    @property
    def rules(self) -> List[str]: ...
    @property
    def stamp(self) -> Dict[str, Any]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...

@final
class CaseStatus:
    """A case's status at an instant."""

    @property
    def id(self) -> str: ...
    @property
    def class_id(self) -> str: ...
    @property
    def status(self) -> Status: ...
    @property
    def due_date(self) -> Optional[datetime.date]: ...
    @property
    def due_at(self) -> Optional[datetime.datetime]: ...
    @property
    def limit(self) -> int: ...
    @property
    def unit(self) -> str: ...
    @property
    def remaining(self) -> Optional[int]: ...
    @property
    def overdue_days(self) -> int: ...
    @property
    def legal_due_date(self) -> Optional[datetime.date]: ...
    @property
    def completed_at(self) -> Optional[datetime.datetime]: ...
    @property
    def handler(self) -> Optional[str]: ...
    @property
    def window(self) -> Optional[str]: ...
    @property
    def clauses(self) -> List[str]: ...
    @property
    def warnings(self) -> List[Dict[str, Optional[str]]]: ...
    @property
    def provisional(self) -> bool: ...
    @property
    def basis(self) -> List[str]: ...
    @property
    def stamp(self) -> Dict[str, Any]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...

@final
class Scorecard:
    """A subject's scorecard for a period."""

    @property
    def subject(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def window(self) -> Optional[str]: ...
    @property
    def period(self) -> str: ...
    @property
    def total(self) -> int: ...
    @property
    def bonus(self) -> int: ...
    @property
    def fines(self) -> decimal.Decimal: ...
    @property
    def withholdings(self) -> decimal.Decimal: ...
    @property
    def categories(self) -> List[Dict[str, Any]]: ...
    @property
    def effects(self) -> List[Dict[str, Any]]: ...
    @property
    def lines(self) -> List[Dict[str, Any]]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class WindowRank:
    """A window's place in the ranking (红旗窗口)."""

    @property
    def rank(self) -> int: ...
    @property
    def window(self) -> str: ...
    @property
    def score(self) -> decimal.Decimal: ...
    @property
    def members(self) -> int: ...
    @property
    def eligible(self) -> bool: ...
    @property
    def disqualified_by(self) -> List[Dict[str, Optional[str]]]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class Assessment:
    """The scorecards of a period (a sequence of ``Scorecard``), with the rows that could not
    be scored."""

    @property
    def policy(self) -> str: ...
    @property
    def period(self) -> str: ...
    @property
    def scorecards(self) -> List[Scorecard]: ...
    @property
    def errors(self) -> List[RowError]: ...
    @property
    def outside_period(self) -> int: ...
    @property
    def outside_rows(self) -> List[int]: ...
    @property
    def stamp(self) -> Dict[str, Any]: ...
    @property
    def unpriced_late(self) -> int: ...
    @property
    def unpriced_rows(self) -> List[int]: ...
    @property
    def category_names(self) -> Dict[str, str]: ...
    def _lines_columns(self) -> Tuple[List[str], List[List[Any]], int]: ...
    def card(self, subject: str) -> Optional[Scorecard]: ...
    def to_arrow(self, kind: Optional[Literal["person", "window"]] = "person") -> _ArrowTable:
        """The scorecards as a ``pyarrow.Table`` (pyarrow needed), one row per card.

        Parameters
        ----------
        kind : {"person", "window", None}, default "person"
            The people's cards, the windows' own (A19), or both.

        Returns
        -------
        pyarrow.Table
            ``subject``, ``kind``, ``window``, ``period`` (text), one ``int64`` score per
            category of the deduction table (by its id, in the table's order), ``bonus`` and
            ``total`` (``int64``), ``fines`` and ``withholdings`` (``decimal128``, exact),
            ``effects`` (the effects' names); the same columns with no card. The schema
            metadata holds the policy's stamp as JSON (``b"zhidu:stamp"``).
        """
    def rank(self) -> StampedList[WindowRank]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, index: int, /) -> Scorecard: ...
    @overload
    def __getitem__(self, index: slice, /) -> List[Scorecard]: ...
    def __iter__(self) -> Iterator[Scorecard]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class Decision:
    """The decision for one violation."""

    @property
    def row(self) -> int: ...
    @property
    def subject(self) -> str: ...
    @property
    def at(self) -> datetime.datetime: ...
    @property
    def violation(self) -> str: ...
    @property
    def applied(self) -> str: ...
    @property
    def tier(self) -> Optional[int]: ...
    @property
    def tier_name(self) -> Optional[str]: ...
    @property
    def measures(self) -> List[str]: ...
    @property
    def needs_review(self) -> bool: ...
    @property
    def review_reasons(self) -> List[str]: ...
    @property
    def escalation(self) -> Optional[Dict[str, Any]]: ...
    @property
    def candidate_tier(self) -> Optional[int]: ...
    @property
    def flags(self) -> List[str]: ...
    @property
    def clauses(self) -> List[str]: ...
    @property
    def note(self) -> Optional[str]: ...
    @property
    def compensation(self) -> Optional[decimal.Decimal]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __eq__(self, other: object, /) -> bool: ...

class _Rate(TypedDict):
    numerator: int
    denominator: int
    #: ``100 × numerator ÷ denominator``, two decimals, half away from zero.
    percent: Optional[decimal.Decimal]

class _Figures(TypedDict):
    """The figures of one group of cases (see the README's *Monthly report*)."""

    key: str
    by_status: Dict[str, int]
    cases: int
    received: int
    completed: int
    completed_on_time: int
    completed_late: int
    completed_early: int
    on_time_rate: _Rate
    open: int
    open_overdue: int
    overdue: int
    overdue_rate: _Rate
    days_mean: Optional[decimal.Decimal]
    days_p90: Optional[int]
    suspended_cases: int
    suspensions: int
    extended_cases: int
    extensions: int
    extension_units: int

class _Previous(TypedDict):
    period: str
    figures: _Figures
    mean_score: Optional[decimal.Decimal]

class _Change(TypedDict):
    received: int
    completed: int
    on_time_rate_points: Optional[decimal.Decimal]
    overdue: int
    overdue_rate_points: Optional[decimal.Decimal]
    days_mean: Optional[decimal.Decimal]
    open: int

@final
class Report:
    """A period's report: the supervisor's figures, case lists, scorecards, ranking and
    decisions (``Policy.report``)."""

    @property
    def policy(self) -> str: ...
    @property
    def period(self) -> str: ...
    @property
    def as_of(self) -> datetime.datetime: ...
    @property
    def cases_total(self) -> int: ...
    @property
    def figures(self) -> _Figures: ...
    @property
    def by_window(self) -> List[_Figures]: ...
    @property
    def by_class(self) -> List[_Figures]: ...
    @property
    def by_item(self) -> List[_Figures]: ...
    @property
    def complaints(self) -> _Figures: ...
    @property
    def top_windows(self) -> List[str]: ...
    @property
    def bottom_windows(self) -> List[str]: ...
    @property
    def yellow(self) -> List[Dict[str, Any]]: ...
    @property
    def red(self) -> List[Dict[str, Any]]: ...
    @property
    def longest_overdue(self) -> List[Dict[str, Any]]: ...
    @property
    def previous(self) -> Optional[_Previous]: ...
    @property
    def change(self) -> Optional[_Change]: ...
    @property
    def case_errors(self) -> List[RowError]: ...
    @property
    def assessment(self) -> Optional[Assessment]: ...
    @property
    def mean_score(self) -> Optional[decimal.Decimal]: ...
    @property
    def ranking(self) -> List[Dict[str, Any]]: ...
    @property
    def decisions(self) -> List[Dict[str, Any]]: ...
    @property
    def decision_errors(self) -> List[RowError]: ...
    @property
    def stamp(self) -> Dict[str, Any]: ...
    def has_errors(self) -> bool: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...
    def to_text(self, lang: str = "zh") -> str: ...
    def to_html(self, lang: str = "zh") -> str: ...
    def frames(self) -> Dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class WhatIf:
    """The same period's inputs under two policies (``Policy.what_if``, ``zhidu.diff``):
    totals, then every changed case, scorecard, ranking and decision with both values and
    the rules responsible."""

    @property
    def before(self) -> Dict[str, Any]: ...
    @property
    def after(self) -> Dict[str, Any]: ...
    @property
    def period(self) -> str: ...
    @property
    def as_of(self) -> datetime.datetime: ...
    @property
    def totals(self) -> Dict[str, int]: ...
    @property
    def cases(self) -> List[Dict[str, Any]]: ...
    @property
    def scorecards(self) -> List[Dict[str, Any]]: ...
    @property
    def ranks(self) -> List[Dict[str, Any]]: ...
    @property
    def decisions(self) -> List[Dict[str, Any]]: ...
    @property
    def skipped(self) -> List[Dict[str, Any]]: ...
    def is_empty(self) -> bool: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...
    def to_text(self, lang: str = "zh") -> str: ...
    def to_html(self, lang: str = "zh") -> str: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class Decisions:
    """Decisions for a history of violations (a sequence of ``Decision``, in time order),
    with the rows that could not be decided."""

    @property
    def policy(self) -> str: ...
    @property
    def decisions(self) -> List[Decision]: ...
    @property
    def errors(self) -> List[RowError]: ...
    @property
    def subjects(self) -> List[Dict[str, Any]]: ...
    @property
    def utc_offset(self) -> datetime.timedelta: ...
    @property
    def after_as_of(self) -> int: ...
    @property
    def stamp(self) -> Dict[str, Any]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, index: int, /) -> Decision: ...
    @overload
    def __getitem__(self, index: slice, /) -> List[Decision]: ...
    def __iter__(self) -> Iterator[Decision]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class AccessDecision:
    """The answer to one access request (issue #15 point 4)."""

    @property
    def row(self) -> int: ...
    @property
    def subject(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def action(self) -> str: ...
    @property
    def item(self) -> Optional[str]: ...
    @property
    def level(self) -> Optional[str]: ...
    @property
    def decision(self) -> str:
        """``allow``, ``deny`` or ``allow_with_approval``."""
    @property
    def approvals(self) -> List[Dict[str, Any]]:
        """The approvals needed: dicts with ``id``, ``name``, ``by`` and ``given``."""
    @property
    def conditions(self) -> List[Dict[str, Any]]:
        """Obligations that come with it: dicts with ``id`` and ``text``."""
    @property
    def rules(self) -> List[str]: ...
    @property
    def reasons(self) -> List[str]: ...
    @property
    def clauses(self) -> List[str]: ...
    @property
    def defaults(self) -> List[Dict[str, Any]]: ...
    @property
    def note(self) -> Optional[str]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class AccessDecisions:
    """The answers to access requests (a sequence of ``AccessDecision``, in row order), with
    the rows that could not be answered."""

    @property
    def policy(self) -> str: ...
    @property
    def decisions(self) -> List[AccessDecision]: ...
    @property
    def errors(self) -> List[RowError]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, index: int, /) -> AccessDecision: ...
    @overload
    def __getitem__(self, index: slice, /) -> List[AccessDecision]: ...
    def __iter__(self) -> Iterator[AccessDecision]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class RetentionLine:
    """One record's keep-until day and status (issue #15 point 6)."""

    @property
    def row(self) -> int: ...
    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def rule(self) -> str: ...
    @property
    def rule_name(self) -> str: ...
    @property
    def date(self) -> Optional[datetime.date]: ...
    @property
    def keep_until(self) -> Optional[datetime.date]:
        """The last day kept; None while the record waits for an event."""
    @property
    def until_event(self) -> Optional[str]: ...
    @property
    def status(self) -> str:
        """``keep``, ``past`` or ``destroy``."""
    @property
    def clauses(self) -> List[str]: ...
    @property
    def defaults(self) -> List[Dict[str, Any]]: ...
    @property
    def note(self) -> Optional[str]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class Retention:
    """Keep-until days of records on one day (a sequence of ``RetentionLine``, in row order),
    with the ids past keeping and the rows that could not be answered."""

    @property
    def policy(self) -> str: ...
    @property
    def as_of(self) -> datetime.date: ...
    @property
    def past(self) -> List[str]: ...
    @property
    def records(self) -> List[RetentionLine]: ...
    @property
    def errors(self) -> List[RowError]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, index: int, /) -> RetentionLine: ...
    @overload
    def __getitem__(self, index: slice, /) -> List[RetentionLine]: ...
    def __iter__(self) -> Iterator[RetentionLine]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class Policy:
    """One regulation as code, bound to its calendar. Picklable; safe to share across threads."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def effective_from(self) -> datetime.date: ...
    @property
    def effective_until(self) -> Optional[datetime.date]: ...
    @property
    def stamp(self) -> Dict[str, Any]: ...
    @property
    def source(self) -> str: ...
    @property
    def file(self) -> str: ...
    @property
    def calendar_id(self) -> str: ...
    @property
    def calendar_years(self) -> Tuple[int, int]: ...
    @property
    def calendar_notice_years(self) -> Tuple[int, int]: ...
    @property
    def utc_offset(self) -> datetime.timedelta: ...
    @property
    def class_ids(self) -> List[str]: ...
    @property
    def suspension_ids(self) -> List[str]: ...
    def due(self, class_id: str, accepted_at: _StartLike, days: Optional[int] = None) -> Due:
        """The due date of an item of a deadline class (or service item).

        Parameters
        ----------
        class_id : str
            The class's id (``"promised"`` …, see ``Policy.class_ids``) or a service item's.
        accepted_at : datetime.date | datetime.datetime | str
            When the item was accepted: a date, a datetime (naive: the calendar's zone) or an ISO
            8601 string.
        days : int, optional
            The per-case limit in the class's unit, for classes that take one; None for the
            class's default.

        Returns
        -------
        Due
            ``due_date``, ``due_at`` (24:00 of the due day), ``provisional``, ``basis``,
            ``warnings`` and ``clauses``.

        Raises
        ------
        UnknownClassError
            No class or service item ``class_id`` (``.closest`` names the nearest).
        InputError
            A start or a limit that cannot be read, or a limit the class does not take.
        CoverageError
            A date outside the calendar's years.
        NotInForceError
            A start before the policy is in force.
        """
    def explain(
        self, class_id: str, accepted_at: _StartLike, days: Optional[int] = None
    ) -> DueExplanation:
        """``due`` with its explanation: every day counted or skipped, and why.

        Parameters
        ----------
        class_id : str
            The class's or service item's id.
        accepted_at : datetime.date | datetime.datetime | str
            When the item was accepted.
        days : int, optional
            The per-case limit, or None for the class's default.

        Returns
        -------
        DueExplanation
            The due date with ``days`` (each day's kind and count), ``rules``, ``clauses`` and
            ``defaults``.

        Raises
        ------
        UnknownClassError, InputError, CoverageError, NotInForceError
            As ``due``.
        """
    @overload
    def due_many(
        self,
        class_id: str,
        accepted_at: _StartColumn,
        days: _DaysColumn = None,
        *,
        errors: Optional[Literal["warn", "raise"]] = None,
        output: Optional[Literal["numpy", "python"]] = None,
    ) -> _DueDates:
        """Due dates for whole columns, in one call with the GIL released.

        Parameters
        ----------
        class_id : str
            The class's or service item's id, the same for every row.
        accepted_at : column of starts
            A list or tuple, a numpy ``datetime64`` array, a pandas Series / DatetimeIndex (tz-aware
            ones are instants), or any Arrow column (``__arrow_c_array__`` /
            ``__arrow_c_stream__``: a pyarrow Array or ChunkedArray, a polars Series; ``date32``,
            ``timestamp`` — zoned ones are instants — or text, dictionary-encoded included); an
            Arrow table (a pyarrow Table or RecordBatch, a polars DataFrame, a DuckDB relation)
            gives its ``accepted_at`` and ``days`` columns; a pandas DataFrame is refused.
        days : int or column of ints, optional
            One limit for every row, one per row (NaN / None / null: the class's default), or None.
        errors : {"warn", "raise", "collect"}, default "warn"
            A bad row: ``"warn"`` one ``RowWarning``; ``"raise"`` ``InputError`` for the first
            (its own error as ``__cause__``); ``"collect"`` silently, and the call returns
            ``(dates, [(index, error), …])``. Each error has ``.index`` and ``.label``.
        output : {None, "numpy", "arrow"}, default None
            ``"arrow"``: a ``pyarrow.Table`` (pyarrow needed) of ``due_date`` (``date32``),
            ``due_at`` (``timestamp[s]`` in the calendar's zone), ``error`` and ``error_code``
            (null for a good row), one row per input row; a bad row's error is in its row in
            every mode but ``"raise"`` (``"collect"`` returns the table alone).

        Returns
        -------
        numpy.ndarray or list or pyarrow.Table
            ``datetime64[D]`` due dates, NaT for a bad row (a list of ``datetime.date`` / None
            without numpy); with ``errors="collect"``, ``(dates, errors)``; with
            ``output="arrow"``, the table.

        Raises
        ------
        UnknownClassError
            No class ``class_id``.
        InputError
            ``errors="raise"`` and a bad row; a column that cannot be read (``TypeError`` too).
        """
    @overload
    def due_many(
        self,
        class_id: str,
        accepted_at: _StartColumn,
        days: _DaysColumn = None,
        *,
        errors: Literal["collect"],
        output: Optional[Literal["numpy", "python"]] = None,
    ) -> Tuple[_DueDates, List[Tuple[int, ZhiduError]]]:
        """Due dates for whole columns, in one call with the GIL released.

        Parameters
        ----------
        class_id : str
            The class's or service item's id, the same for every row.
        accepted_at : column of starts
            A list or tuple, a numpy ``datetime64`` array, a pandas Series / DatetimeIndex (tz-aware
            ones are instants), or any Arrow column (``__arrow_c_array__`` /
            ``__arrow_c_stream__``: a pyarrow Array or ChunkedArray, a polars Series; ``date32``,
            ``timestamp`` — zoned ones are instants — or text, dictionary-encoded included); an
            Arrow table (a pyarrow Table or RecordBatch, a polars DataFrame, a DuckDB relation)
            gives its ``accepted_at`` and ``days`` columns; a pandas DataFrame is refused.
        days : int or column of ints, optional
            One limit for every row, one per row (NaN / None / null: the class's default), or None.
        errors : {"warn", "raise", "collect"}, default "warn"
            A bad row: ``"warn"`` one ``RowWarning``; ``"raise"`` ``InputError`` for the first
            (its own error as ``__cause__``); ``"collect"`` silently, and the call returns
            ``(dates, [(index, error), …])``. Each error has ``.index`` and ``.label``.
        output : {None, "numpy", "arrow"}, default None
            ``"arrow"``: a ``pyarrow.Table`` (pyarrow needed) of ``due_date`` (``date32``),
            ``due_at`` (``timestamp[s]`` in the calendar's zone), ``error`` and ``error_code``
            (null for a good row), one row per input row; a bad row's error is in its row in
            every mode but ``"raise"`` (``"collect"`` returns the table alone).

        Returns
        -------
        numpy.ndarray or list or pyarrow.Table
            ``datetime64[D]`` due dates, NaT for a bad row (a list of ``datetime.date`` / None
            without numpy); with ``errors="collect"``, ``(dates, errors)``; with
            ``output="arrow"``, the table.

        Raises
        ------
        UnknownClassError
            No class ``class_id``.
        InputError
            ``errors="raise"`` and a bad row; a column that cannot be read (``TypeError`` too).
        """
    @overload
    def due_many(
        self,
        class_id: str,
        accepted_at: _StartColumn,
        days: _DaysColumn = None,
        *,
        errors: Optional[_Errors] = None,
        output: Literal["arrow"],
    ) -> _ArrowTable:
        """Due dates for whole columns, in one call with the GIL released.

        Parameters
        ----------
        class_id : str
            The class's or service item's id, the same for every row.
        accepted_at : column of starts
            A list or tuple, a numpy ``datetime64`` array, a pandas Series / DatetimeIndex (tz-aware
            ones are instants), or any Arrow column (``__arrow_c_array__`` /
            ``__arrow_c_stream__``: a pyarrow Array or ChunkedArray, a polars Series; ``date32``,
            ``timestamp`` — zoned ones are instants — or text, dictionary-encoded included); an
            Arrow table (a pyarrow Table or RecordBatch, a polars DataFrame, a DuckDB relation)
            gives its ``accepted_at`` and ``days`` columns; a pandas DataFrame is refused.
        days : int or column of ints, optional
            One limit for every row, one per row (NaN / None / null: the class's default), or None.
        errors : {"warn", "raise", "collect"}, default "warn"
            A bad row: ``"warn"`` one ``RowWarning``; ``"raise"`` ``InputError`` for the first
            (its own error as ``__cause__``); ``"collect"`` silently, and the call returns
            ``(dates, [(index, error), …])``. Each error has ``.index`` and ``.label``.
        output : {None, "numpy", "arrow"}, default None
            ``"arrow"``: a ``pyarrow.Table`` (pyarrow needed) of ``due_date`` (``date32``),
            ``due_at`` (``timestamp[s]`` in the calendar's zone), ``error`` and ``error_code``
            (null for a good row), one row per input row; a bad row's error is in its row in
            every mode but ``"raise"`` (``"collect"`` returns the table alone).

        Returns
        -------
        numpy.ndarray or list or pyarrow.Table
            ``datetime64[D]`` due dates, NaT for a bad row (a list of ``datetime.date`` / None
            without numpy); with ``errors="collect"``, ``(dates, errors)``; with
            ``output="arrow"``, the table.

        Raises
        ------
        UnknownClassError
            No class ``class_id``.
        InputError
            ``errors="raise"`` and a bad row; a column that cannot be read (``TypeError`` too).
        """
    def _due_columns(
        self,
        class_id: str,
        accepted_at: _StartColumn,
        days: _DaysColumn,
        errors: _Errors,
        stacklevel: int,
    ) -> Tuple[bytearray, bytearray, List[Tuple[int, ZhiduError]]]: ...
    @overload
    def case_changes(
        self,
        with_policy: Policy,
        cases: _Rows,
        as_of: _StartLike,
        *,
        errors: Optional[Literal["warn", "raise"]] = None,
    ) -> List[Dict[str, Any]]:
        """What moves when a notice lands (``zhidu calendar diff``).

        Parameters
        ----------
        with_policy : Policy
            The same policy from a set loaded with the notice file.
        cases : rows
            Cases as ``case_statuses`` takes them.
        as_of : datetime.date | datetime.datetime | str
            The instant statuses are taken at (a bare date is 00:00 and warns ``AsOfWarning``).
        errors : {"warn", "raise", "collect"}, default "warn"
            A case that cannot be evaluated, as ``case_statuses``: it is left out of the list.

        Returns
        -------
        list of dict
            For every case whose due date, status or overdue days differ: ``{index, id, changed,
            old, new}`` with both statuses as ``CaseStatus.to_dict()`` has them; with
            ``errors="collect"``, ``(changes, [(index, error), …])``.

        Raises
        ------
        InputError
            ``errors="raise"`` and a bad case; rows in a container that is not read.
        """
    @overload
    def case_changes(
        self,
        with_policy: Policy,
        cases: _Rows,
        as_of: _StartLike,
        *,
        errors: Literal["collect"],
    ) -> Tuple[List[Dict[str, Any]], List[Tuple[int, ZhiduError]]]:
        """What moves when a notice lands (``zhidu calendar diff``).

        Parameters
        ----------
        with_policy : Policy
            The same policy from a set loaded with the notice file.
        cases : rows
            Cases as ``case_statuses`` takes them.
        as_of : datetime.date | datetime.datetime | str
            The instant statuses are taken at (a bare date is 00:00 and warns ``AsOfWarning``).
        errors : {"warn", "raise", "collect"}, default "warn"
            A case that cannot be evaluated, as ``case_statuses``: it is left out of the list.

        Returns
        -------
        list of dict
            For every case whose due date, status or overdue days differ: ``{index, id, changed,
            old, new}`` with both statuses as ``CaseStatus.to_dict()`` has them; with
            ``errors="collect"``, ``(changes, [(index, error), …])``.

        Raises
        ------
        InputError
            ``errors="raise"`` and a bad case; rows in a container that is not read.
        """
    def case_status(self, case: _CaseLike, as_of: _StartLike) -> CaseStatus:
        """The status of one case at an instant.

        Parameters
        ----------
        case : dict or str
            A case as a case log line has it (``id``, ``class``, ``accepted_at``, ``days``,
            ``events``, ``completed_at`` …) or that line's JSON text.
        as_of : datetime.date | datetime.datetime | str
            The instant. A bare date is 00:00 at its start and warns ``AsOfWarning``; write
            ``zhidu.end_of_day("2026-10-31")`` for the end of a day.

        Returns
        -------
        CaseStatus
            ``status`` (a ``zhidu.Status``), ``due_date``, ``due_at``, ``remaining``,
            ``overdue_days`` …

        Raises
        ------
        InputError
            A case that cannot be read.
        UnknownClassError, CoverageError, NotInForceError
            A case that cannot be evaluated.
        """
    @overload
    def case_statuses(
        self,
        cases: Iterable[_CaseLike],
        as_of: _StartLike,
        *,
        errors: Optional[Literal["warn", "raise"]] = None,
        output: None = None,
    ) -> StampedList[Optional[CaseStatus]]:
        """The status of every case at an instant, in order, with the GIL released.

        Parameters
        ----------
        cases : rows
            An iterable of dicts or JSON lines, a pandas or polars DataFrame, a pyarrow Table or a
            dict of columns; anything else raises ``InputError`` (a ``TypeError``).
        as_of : datetime.date | datetime.datetime | str
            The instant (a bare date is 00:00 and warns ``AsOfWarning``).
        errors : {"warn", "raise", "collect"}, default "warn"
            As ``due_many``: a bad case is None in the list.
        output : {None, "arrow"}, default None
            ``"arrow"``: a ``pyarrow.Table``, one row per case, with the fields of
            ``CaseStatus.to_dict()`` but ``warnings`` (``status`` and ``unit`` as text, dates
            ``date32``, instants ``timestamp[s]`` in the calendar's zone, ``basis`` and
            ``clauses`` lists of text), then ``error`` and ``error_code``; a bad case is nulls
            and its error, in every mode but ``"raise"``.

        Returns
        -------
        list of CaseStatus or None or pyarrow.Table
            One per case; with ``errors="collect"``, ``(statuses, [(index, error), …])``; with
            ``output="arrow"``, the table.

        Raises
        ------
        InputError
            ``errors="raise"`` and a bad case; rows in a container that is not read.
        """
    @overload
    def case_statuses(
        self,
        cases: Iterable[_CaseLike],
        as_of: _StartLike,
        *,
        errors: Literal["collect"],
        output: None = None,
    ) -> Tuple[StampedList[Optional[CaseStatus]], List[Tuple[int, ZhiduError]]]:
        """The status of every case at an instant, in order, with the GIL released.

        Parameters
        ----------
        cases : rows
            An iterable of dicts or JSON lines, a pandas or polars DataFrame, a pyarrow Table or a
            dict of columns; anything else raises ``InputError`` (a ``TypeError``).
        as_of : datetime.date | datetime.datetime | str
            The instant (a bare date is 00:00 and warns ``AsOfWarning``).
        errors : {"warn", "raise", "collect"}, default "warn"
            As ``due_many``: a bad case is None in the list.
        output : {None, "arrow"}, default None
            ``"arrow"``: a ``pyarrow.Table``, one row per case, with the fields of
            ``CaseStatus.to_dict()`` but ``warnings`` (``status`` and ``unit`` as text, dates
            ``date32``, instants ``timestamp[s]`` in the calendar's zone, ``basis`` and
            ``clauses`` lists of text), then ``error`` and ``error_code``; a bad case is nulls
            and its error, in every mode but ``"raise"``.

        Returns
        -------
        list of CaseStatus or None or pyarrow.Table
            One per case; with ``errors="collect"``, ``(statuses, [(index, error), …])``; with
            ``output="arrow"``, the table.

        Raises
        ------
        InputError
            ``errors="raise"`` and a bad case; rows in a container that is not read.
        """
    @overload
    def case_statuses(
        self,
        cases: Any,
        as_of: _StartLike,
        *,
        errors: Optional[_Errors] = None,
        output: Literal["arrow"],
    ) -> _ArrowTable:
        """The status of every case at an instant, in order, with the GIL released.

        Parameters
        ----------
        cases : rows
            An iterable of dicts or JSON lines, a pandas or polars DataFrame, a pyarrow Table or a
            dict of columns; anything else raises ``InputError`` (a ``TypeError``).
        as_of : datetime.date | datetime.datetime | str
            The instant (a bare date is 00:00 and warns ``AsOfWarning``).
        errors : {"warn", "raise", "collect"}, default "warn"
            As ``due_many``: a bad case is None in the list.
        output : {None, "arrow"}, default None
            ``"arrow"``: a ``pyarrow.Table``, one row per case, with the fields of
            ``CaseStatus.to_dict()`` but ``warnings`` (``status`` and ``unit`` as text, dates
            ``date32``, instants ``timestamp[s]`` in the calendar's zone, ``basis`` and
            ``clauses`` lists of text), then ``error`` and ``error_code``; a bad case is nulls
            and its error, in every mode but ``"raise"``.

        Returns
        -------
        list of CaseStatus or None or pyarrow.Table
            One per case; with ``errors="collect"``, ``(statuses, [(index, error), …])``; with
            ``output="arrow"``, the table.

        Raises
        ------
        InputError
            ``errors="raise"`` and a bad case; rows in a container that is not read.
        """
    def _case_statuses(
        self, cases: Iterable[_CaseLike], as_of: _StartLike, errors: _Errors, stacklevel: int
    ) -> Tuple[List[Optional[CaseStatus]], List[Tuple[int, ZhiduError]]]: ...
    def explain_case(self, case: _CaseLike, as_of: _StartLike) -> DueExplanation:
        """The explanation of a case's due date as of an instant: counted, skipped and
        suspended days with the clauses used.

        Parameters
        ----------
        case : dict or str
            A case, as ``case_status`` takes it.
        as_of : datetime.date | datetime.datetime | str
            The instant (a bare date is 00:00 and warns ``AsOfWarning``).

        Returns
        -------
        DueExplanation

        Raises
        ------
        InputError, UnknownClassError, CoverageError, NotInForceError
            As ``case_status``.
        """
    def assess(
        self,
        incidents: _Rows,
        period: str,
        *,
        cases: Optional[Any] = None,
        case_policy: Union[Policy, str, None] = None,
        roster: Optional[_Roster] = None,
        lines: Optional[bool] = None,
        errors: Optional[_Errors] = None,
    ) -> Assessment:
        """Score a period's incidents against the policy's deduction table (考核细则), with
        the GIL released.

        Parameters
        ----------
        incidents : rows
            Incidents (``subject``, ``window``, ``at``, ``rule``, ``quantity``, ``points``,
            ``note``, ``department``, ``case``, ``basis``, ``ref``): an iterable of dicts or JSON
            lines, a pandas or polars DataFrame, a pyarrow Table or a dict of columns.
        period : str
            ``"2026-10"``, ``"2026-Q4"`` or ``"2026"``.
        cases : rows, optional
            Cases whose overdue days are deductions, computed under ``case_policy``.
        case_policy : Policy or str, optional
            The policy of the cases' deadlines: a ``Policy`` or an id of this policy's set;
            default this policy.
        roster : dict, pairs or rows, optional
            ``{person: window}``, pairs, or rows with ``subject`` and ``window``: people scored
            even without incidents.
        lines : bool, default True
            Whether each card keeps its lines (False: the fast path for totals).
        errors : {"warn", "raise", "collect"}, default "warn"
            A row that cannot be scored: ``"warn"`` one ``RowWarning``; ``"raise"`` ``InputError``
            for the first; ``"collect"`` silently. In every mode but ``"raise"`` the other rows are
            scored and the bad ones are in ``.errors``.

        Returns
        -------
        Assessment
            One ``Scorecard`` per person (and per window for window-charged rules, A19), with
            ``.errors``, ``.outside_period``, ``.category_names`` …

        Raises
        ------
        InputError
            A bad ``period``, rows in a container that is not read, a column that is no field,
            ``errors="raise"`` and a bad row.
        """
    def rank(self, assessment: Assessment) -> StampedList[WindowRank]:
        """The window ranking (红旗窗口) of an assessment, under this policy.

        Parameters
        ----------
        assessment : Assessment
            The result of ``Policy.assess``.

        Returns
        -------
        StampedList of WindowRank
            Best first; equal scores share a rank; ``.stamp`` names this policy.

        Raises
        ------
        InputError
            ``assessment`` is not an ``Assessment``, or the policy ranks no windows.
        """
    def what_if(
        self,
        after: Policy,
        period: str,
        *,
        cases: Optional[Any] = None,
        incidents: Optional[_Rows] = None,
        violations: Optional[_Rows] = None,
        roster: Optional[_Roster] = None,
        as_of: Optional[_StartLike] = None,
    ) -> WhatIf:
        """The same inputs under this policy (before) and ``after`` (``zhidu diff``).

        Parameters
        ----------
        after : Policy
            The changed policy (another set's, e.g. a new version before its ``effective_from``).
        period : str
            ``"2026-10"`` …
        cases, incidents, violations, roster : rows, optional
            As for ``Policy.report``; rows that cannot be read are left out of the diff.
        as_of : datetime.datetime | str, optional
            The instant statuses are taken at (default and latest: the period's last second).

        Returns
        -------
        WhatIf
            Totals, then every case, scorecard, ranking and decision that changes, with both
            values and the rules responsible.

        Raises
        ------
        InputError
            A bad ``period`` or ``as_of``, or cases for a policy without deadline classes.
        """
    def report(
        self,
        period: str,
        *,
        cases: Optional[Any] = None,
        incidents: Optional[_Rows] = None,
        violations: Optional[_Rows] = None,
        roster: Optional[_Roster] = None,
        as_of: Optional[_StartLike] = None,
        case_policy: Union[Policy, str, None] = None,
        previous_cases: Optional[Any] = None,
        previous_incidents: Optional[_Rows] = None,
        errors: Optional[_Errors] = None,
    ) -> Report:
        """The report of a period, as ``zhidu report`` computes it, with the GIL released.

        Parameters
        ----------
        period : str
            ``"2026-10"`` …
        cases, incidents, violations : rows, optional
            As ``case_statuses``, ``assess`` and ``decide`` take them. ``cases`` may be an
            iterator (a generator over a large log): it is read 16,384 rows at a time and each
            chunk dropped once counted, so memory holds the report, not the log.
        roster : dict, pairs or rows, optional
            As ``assess`` takes it.
        as_of : datetime.date | datetime.datetime | str, optional
            The instant statuses are taken at; default the end of the period. A bare date is 00:00
            at its start (``AsOfWarning``): pass ``zhidu.end_of_day("2026-10-31")`` for the end of a day.
        case_policy : Policy or str, optional
            The cases' policy; default this one.
        previous_cases, previous_incidents : rows, optional
            The previous period's, for the month-on-month change.
        errors : {"warn", "raise", "collect"}, default "warn"
            Rows that cannot be used (in ``.case_errors``, ``.decision_errors`` and the
            assessment's ``.errors``): as ``assess``.

        Returns
        -------
        Report
            Figures, yellow and red lists, scorecards, ranking and decisions; ``to_html()``,
            ``to_text()``, ``frames()``.

        Raises
        ------
        InputError
            A bad ``period`` or ``as_of``, ``errors="raise"`` and a bad row.
        """
    def decide(
        self,
        violations: _Rows,
        *,
        as_of: Optional[_StartLike] = None,
        errors: Optional[_Errors] = None,
    ) -> Decisions:
        """Decide a history of violations (责任追究), with the GIL released.

        Parameters
        ----------
        violations : rows
            Violations (``subject``, ``at``, ``violation``, ``flags`` as a list or a
            ``;``-separated string, ``note``), in any order, as ``assess`` takes rows; each
            subject's history is read in time order.
        as_of : datetime.date | datetime.datetime | str, optional
            Records after it are not yet known (a bare date is 00:00 and warns ``AsOfWarning``).
        errors : {"warn", "raise", "collect"}, default "warn"
            Rows that cannot be decided (unknown codes or flags, conflicts): as ``assess``.

        Returns
        -------
        Decisions
            One ``Decision`` per record in time order, with ``.errors`` and ``.subjects``.

        Raises
        ------
        InputError
            ``errors="raise"`` and a bad row; rows in a container that is not read.
        """
    def rota(
        self,
        year: int,
        *,
        windows: Optional[_Rows] = None,
        away: Optional[_Rows] = None,
        errors: Optional[_Errors] = None,
    ) -> Dict[str, Any]:
        """The duty rota of ``year`` (S4): each month's duty windows, officers, convener and
        stand-ins.

        Parameters
        ----------
        year : int
        windows : rows, optional
            The ordered window list (``window``, ``head``); default: the policy's own (A25).
        away : rows, optional
            Officers away (``window``, ``from``, ``until``, ``stand_in``), S4.req.3.
        errors : {"warn", "raise", "collect"}, default "warn"

        Returns
        -------
        dict
            ``months`` (``month``, ``duty``, ``convener``), ``clauses``, ``defaults``,
            ``unused_rows``, ``errors``.

        Raises
        ------
        InputError
            No rota, no windows, a window listed twice, a bad window row.
        """
    def patrol_failures(
        self,
        period: str,
        log: _Rows,
        *,
        windows: Optional[_Rows] = None,
        errors: Optional[_Errors] = None,
    ) -> Dict[str, Any]:
        """A patrol log checked against the patrols each duty window owes a day (S4.req.1);
        each day short is a failure with the S4.req.4 incident row ``assess`` takes.

        Parameters
        ----------
        period : str
            A month ``2027-01``, a quarter or a year.
        log : rows
            Patrols (``window``, ``at``, ``by``).
        windows : rows, optional
            The ordered window list; default: the policy's own.
        errors : {"warn", "raise", "collect"}, default "warn"

        Returns
        -------
        dict
            ``windows``, ``failures`` (each with its ``incident``), ``ignored_rows``,
            ``clauses``, ``defaults``, ``errors``.

        Raises
        ------
        InputError
            No rota or patrol rule, no windows, a bad period.
        """
    def obligations(
        self,
        period: str,
        log: Optional[_Rows] = None,
        *,
        errors: Optional[_Errors] = None,
    ) -> Dict[str, Any]:
        """The recurring obligations due in ``period`` and, with a ``log`` of actions, each
        occurrence met, late or missed; obligations with no period (A32) with their reason.

        Parameters
        ----------
        period : str
            A year ``2027``, a quarter or a month.
        log : rows, optional
            Actions (``obligation``, ``at``, ``by``); without it, only the schedule.
        errors : {"warn", "raise", "collect"}, default "warn"

        Returns
        -------
        dict
            ``obligations`` (with ``occurrences``), ``unscheduled``, ``due``, ``met``,
            ``late``, ``missed``, ``unmatched_rows``, ``errors``.

        Raises
        ------
        InputError
            The policy has no obligations, a bad period.
        """
    def access(self, requests: _Rows, *, errors: Optional[_Errors] = None) -> AccessDecisions:
        """Answer access requests (issue #15 point 4): allow, deny or allow with an approval.

        Parameters
        ----------
        requests : rows
            Requests (``subject``, ``role``, ``action``, ``item``, ``level``, ``scope``,
            ``facts`` as a list or a ``;``-separated string, ``note``), as ``assess`` takes rows.
        errors : {"warn", "raise", "collect"}, default "warn"
            Rows that cannot be answered (unknown role, level, scope, action or fact): as
            ``assess``.

        Returns
        -------
        AccessDecisions
            One ``AccessDecision`` per good row, in row order, with ``.errors``.

        Raises
        ------
        InputError
            The policy has no access rules; ``errors="raise"`` and a bad row.
        """
    def retention(
        self,
        records: _Rows,
        *,
        as_of: _StartLike,
        errors: Optional[_Errors] = None,
    ) -> Retention:
        """Keep-until days of records, and which are past them on ``as_of`` (issue #15 point 6).

        Parameters
        ----------
        records : rows
            Records (``id``, ``kind``, ``date``, ``event_on``, ``note``), as ``assess`` takes
            rows.
        as_of : datetime.date | str
            The day asked.
        errors : {"warn", "raise", "collect"}, default "warn"
            Rows that cannot be answered (unknown kind, no date): as ``assess``.

        Returns
        -------
        Retention
            One ``RetentionLine`` per good row, in row order, with ``.past`` and ``.errors``.

        Raises
        ------
        InputError
            The policy has no retention rules; ``errors="raise"`` and a bad row.
        """
    def triggers(self, facts: _Rows, *, errors: Optional[_Errors] = None) -> Dict[str, Any]:
        """The 验厂 (factory verification) triggers each enterprise fires (S8.verify.1–7),
        with the GIL released.

        Parameters
        ----------
        facts : rows
            Enterprise facts (``enterprise``, ``as_of``, ``new_enterprise``, ``new_contract``,
            ``halt_start``, ``halt_end``, ``beyond_scope``, ``declared``, ``writeoffs`` as a
            list or a ``;``-separated string of ``date=quantity``, ``rent_arrears_months``,
            ``wage_arrears_months``, ``other``), as ``assess`` takes rows.
        errors : {"warn", "raise", "collect"}, default "warn"
            Rows that cannot be read or evaluated: as ``assess``.

        Returns
        -------
        dict
            ``policy``, ``enterprises`` (each with ``fired``: ``clause``, ``check``,
            ``reason``, ``defaults``; and ``clauses``) and ``errors``; dates as
            ``datetime.date``.

        Raises
        ------
        InputError
            The policy has no triggers; ``errors="raise"`` and a bad row.
        """
    def subsidies(self, trainees: _Rows, *, errors: Optional[_Errors] = None) -> Dict[str, Any]:
        """The training subsidies (S8.train.1a/1b) of each trainee and employer: full calendar
        months priced, partial months listed for a person to decide (A27).

        Parameters
        ----------
        trainees : rows
            Trainees (``person``, ``employer``, ``start``, ``end``; both days included), as
            ``assess`` takes rows.
        errors : {"warn", "raise", "collect"}, default "warn"
            Rows that cannot be read: as ``assess``.

        Returns
        -------
        dict
            ``trainees``, ``employers``, ``trainee_total``, ``employer_total``,
            ``needs_decision``, ``defaults``, ``errors``; money as ``decimal.Decimal``, days
            as ``datetime.date``.

        Raises
        ------
        InputError
            The policy has no subsidies; ``errors="raise"`` and a bad row.
        """
    def flow_findings(self, cases: _Rows, *, errors: Optional[_Errors] = None) -> Dict[str, Any]:
        """The cases whose ``step`` events skip or reorder the item flow (S14.biz.1.2a), each a
        finding charged as one piece of the flow rule.

        Parameters
        ----------
        cases : rows
            A case log, as ``case_statuses`` takes it, with ``step`` events.
        errors : {"warn", "raise", "collect"}, default "warn"
            Rows that cannot be read or checked: as ``assess``.

        Returns
        -------
        dict
            ``steps``, ``findings`` (``case``, ``subject``, ``at``, ``skipped``,
            ``out_of_order``, ``rule``, ``reason``), ``checked``, ``unlogged``, ``errors``.

        Raises
        ------
        InputError
            The policy has no flow; ``errors="raise"`` and a bad row.
        """
    def deduction_table(self) -> Dict[str, Any]:
        """The policy's deduction table as a dict (categories, rules, effects; money as
        ``Decimal``).

        Returns
        -------
        dict

        Raises
        ------
        InputError
            The policy has no deduction table.
        """
    def accountability_rules(self) -> Dict[str, Any]:
        """The policy's accountability rules (tiers, flags, violations, escalations) as
        a dict.

        Returns
        -------
        dict

        Raises
        ------
        InputError
            The policy has no accountability rules.
        """
    @property
    def has_deduction_table(self) -> bool: ...
    @property
    def has_accountability_rules(self) -> bool: ...
    def __reduce__(self) -> Tuple[Any, Tuple[PolicySet, str]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class PolicySet:
    """A validated set of calendars and policies. Picklable; safe to share across threads."""

    @staticmethod
    def builtin() -> PolicySet: ...
    @staticmethod
    def load(path: Union[str, "os.PathLike[str]"]) -> PolicySet: ...
    @staticmethod
    def from_sources(
        sources: Union[Mapping[str, str], Iterable[Tuple[str, str]]],
    ) -> PolicySet: ...
    @staticmethod
    def check_sources(
        sources: Union[Mapping[str, str], Iterable[Tuple[str, str]]],
    ) -> List[Diagnostic]: ...
    @staticmethod
    def check(path: Union[str, "os.PathLike[str]"]) -> List[Diagnostic]: ...
    def policy(self, id: str) -> Policy: ...
    def policies(self) -> List[Policy]: ...
    @property
    def policy_ids(self) -> List[str]: ...
    @property
    def content_hash(self) -> str:
        """SHA-256 (hex) of the set's files, independent of their names and load order."""
    @property
    def warnings(self) -> List[Diagnostic]: ...
    def clause_coverage(self, regulation: Optional[str] = None) -> Dict[str, Any]:
        """Coverage of the regulations by this set's policies.

        Parameters
        ----------
        regulation : str, optional
            Only this regulation, such as ``"S8"``; all of them when omitted.

        Returns
        -------
        dict
            ``source``, ``regulations`` (each with ``id``, ``title``, ``lines``, ``clauses`` and
            ``totals``), ``totals`` and ``reasons``, as ``zhidu coverage --format json`` prints
            them. Each clause has ``id``, ``line``, ``kinds``, ``computable``, ``encoded`` (a
            list of ``{"policy", "entry", "path"}``), ``reason`` and ``note``. A totals dict has
            ``clauses``, ``computable``, ``encoded``, ``with_reason``, ``planned`` and
            ``missing`` (``encoded + with_reason + missing == computable``).

        Raises
        ------
        zhidu.InputError
            ``regulation`` is not in the clause index.

        Examples
        --------
        >>> cov = PolicySet.builtin().clause_coverage("S1")
        >>> cov["regulations"][0]["totals"]["computable"]
        7
        """
        ...
    def rules(self, policy: str) -> Dict[str, Any]:
        """Every entry of a policy with its clauses, quotes, values and marked defaults.

        Returns
        -------
        dict
            ``policy``, ``name``, ``version``, ``effective_from``, ``effective_until``, ``file``
            and ``entries`` (each with ``policy``, ``kind``, ``id``, ``name``, ``file``,
            ``path``, ``line``, ``sources``, ``values``, ``defaults`` and ``refers_to``), as
            ``zhidu rules --format json`` prints it.

        Raises
        ------
        UnknownPolicyError
            For an unknown policy, with the closest id in ``help``.

        Examples
        --------
        >>> r = PolicySet.builtin().rules("s14-window-scorecard")
        >>> att6 = next(e for e in r["entries"] if e["kind"] == "rule" and e["id"] == "S14.att.6")
        >>> [v["text"] for v in att6["values"] if v["key"] == "range"]
        ['[10, 20]']
        """
        ...
    def explain(self, code: str, policy: Optional[str] = None) -> Dict[str, Any]:
        """One clause id, rule code, class or tier id (``"tier:2"``) in full, with where it is used.

        Returns
        -------
        dict
            ``code``, ``clause`` (``None`` unless the code is a clause id) and ``entries``
            (each ``{"entry": …, "used_by": […]}``), as ``zhidu explain --format json`` prints it.

        Raises
        ------
        InputError
            When nothing has that code, with the closest code in ``help``.

        Examples
        --------
        >>> x = PolicySet.builtin().explain("S14.att.6")
        >>> x["clause"]["status"]["line"]
        913
        """
        ...
    @property
    def sources(self) -> List[Tuple[str, str]]: ...
    @property
    def is_builtin(self) -> bool: ...
    def __contains__(self, key: object, /) -> bool: ...
    def __len__(self) -> int: ...
    def __reduce__(self) -> Tuple[Any, Tuple[Optional[List[Tuple[str, str]]]]]: ...

def _restore_policy_set(state: Optional[Sequence[Tuple[str, str]]]) -> PolicySet: ...
def _restore_policy(set: PolicySet, id: str) -> Policy: ...
def _set_lang(name: str) -> str: ...
def _enter_lang(name: str) -> str: ...
def _text(id: str, **params: str) -> str: ...
