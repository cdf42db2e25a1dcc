"""zhidu's exceptions: one class per error code of the core, all under ``ZhiduError``.

The native module raises them with the core's fields as attributes (see ``error.rs``); each
also derives from the standard exception a caller would expect (``ValueError``,
``LookupError``, ``OSError``), so ``except ValueError`` keeps working.
"""

from __future__ import annotations

from typing import Any, Dict, List, NamedTuple, Optional


class ZhiduError(Exception):
    """Base class of every zhidu error.

    ``code`` is the core's stable error code, ``help`` how to fix the problem (or None),
    ``index`` the 0-based row of a batch call (or None), ``label`` that row's label (its
    DataFrame or Series index label, else the position; None outside a batch), ``diagnostics`` the located problems of a
    policy error (empty otherwise). For an input row that could not be read, ``row_error``
    is ``{kind, row, line, field, code, message, hint}`` (``row`` counted from 1, ``code``
    the row problem's code), the same as the CLI's JSON and JavaScript's ``error.row``.
    """

    code: str = "error"
    help: Optional[str] = None
    index: Optional[int] = None
    label: Any = None
    diagnostics: List[Any] = []
    row_error: Optional[Dict[str, Any]] = None

    @property
    def message(self) -> str:
        """The message, lowercase, user input in backticks."""
        return str(self.args[0]) if self.args else ""

    def to_dict(self) -> Dict[str, Any]:
        """``{code, message, help, diagnostics}``: the JSON error shape of every zhidu host."""
        out: Dict[str, Any] = {
            "code": self.code,
            "message": self.message,
            "help": self.help,
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }
        if self.row_error is not None:
            out["row"] = self.row_error
        return out


class PolicyError(ZhiduError, ValueError):
    """Policy files that do not load; ``diagnostics`` has every problem with its place."""

    code = "policy"


class CoverageError(ZhiduError, ValueError):
    """A date outside the years the calendar covers; ``year`` names it."""

    code = "coverage"
    calendar: str = ""
    year: int = 0
    first_year: int = 0
    last_year: int = 0


class InputError(ZhiduError, ValueError, TypeError):
    """A bad value in a request, a case or a row (``index`` is the row of a batch)."""

    code = "input"


class UnknownPolicyError(ZhiduError, LookupError):
    """A policy id the set does not have (``closest`` is the nearest known id)."""

    code = "unknown_policy"
    id: str = ""
    closest: Optional[str] = None


class UnknownClassError(ZhiduError, LookupError):
    """A deadline class or service item the policy does not have."""

    code = "unknown_class"
    policy: str = ""
    id: str = ""
    closest: Optional[str] = None


class NotInForceError(ZhiduError, ValueError):
    """A date the policy is not in force on."""

    code = "not_in_force"
    policy: str = ""
    date: Any = None


class TooLargeError(ZhiduError, ValueError):
    """An input over a documented size limit; refused, not parsed."""

    code = "too_large"
    what: str = ""
    size: int = 0
    limit: int = 0
    #: What ``size`` and ``limit`` count: ``"bytes"`` or ``"files"``.
    unit: str = ""


class ConflictError(ZhiduError, ValueError):
    """Two rules that both apply with no priority between them and different outcomes
    (``clauses`` names both): never resolved by picking the first."""

    code = "conflict"
    clauses: List[str] = []


class IoError(ZhiduError, OSError):
    """A policy file or directory that cannot be read (``filename`` is its path)."""

    code = "io"


class RowWarning(UserWarning):
    """Rows of a batch call that failed (with ``errors="warn"``, the default): one class for
    every batch call (``due_many``, ``case_statuses``, ``assess``, ``decide``, ``report`` and
    the ``zhidu.pandas`` frames).

    ``count`` is the number of bad rows, ``indices`` their 0-based positions and ``labels``
    their labels (a DataFrame's or Series' index labels, else the positions). The failed rows
    are NaT / None in a column result, and in ``.errors`` of an ``Assessment``,
    ``Decisions`` or ``Report``.
    """

    def __init__(
        self,
        message: str,
        count: int = 0,
        indices: Optional[List[int]] = None,
        labels: Any = None,
    ) -> None:
        super().__init__(message)
        self.count = count
        self.indices: List[int] = list(indices or [])
        self._labels = labels

    @property
    def labels(self) -> List[Any]:
        """The bad rows' index labels (the positions when the input had no index)."""
        src = self._labels
        if src is None:
            return list(self.indices)
        if isinstance(src, list):
            return src
        return list(src.take(self.indices).tolist())


class AsOfWarning(UserWarning):
    """An ``as_of`` given as a bare date: it means 00:00 at the *start* of that day, so
    statuses "as of 2026-10-31" leave out the day itself. Pass
    ``zhidu.end_of_day("2026-10-31")`` (``datetime(2026, 11, 1)``) for the end of the day,
    or a datetime for any other instant; silence the warning with
    ``warnings.simplefilter("ignore", zhidu.AsOfWarning)``.
    """


class RowError(NamedTuple):
    """A row of :meth:`Policy.assess` or :meth:`Policy.decide` input that could not be used;
    every other row was.

    ``input`` is ``"incident"``, ``"case"``, ``"violation"`` or ``"roster"``, ``row`` the 1-based row
    among those inputs (as the CLI reports it), ``error`` the zhidu exception (its ``index``
    is the 0-based position, ``row - 1``). Unpacks as ``input, row, error = e``.
    """

    input: str
    row: int
    error: ZhiduError

    def to_dict(self) -> Dict[str, Any]:
        """``{input, row, error}`` as the CLI's JSON has it (the error as ``{code, message,
        help, diagnostics}``)."""
        return {"input": self.input, "row": self.row, "error": self.error.to_dict()}


#: The class of each error code: the native module raises a core error by its code.
_BY_CODE: Dict[str, type] = {
    c.code: c
    for c in (
        PolicyError,
        CoverageError,
        InputError,
        UnknownPolicyError,
        UnknownClassError,
        NotInForceError,
        TooLargeError,
        ConflictError,
        IoError,
    )
}

for _cls in (
    ZhiduError,
    PolicyError,
    CoverageError,
    InputError,
    UnknownPolicyError,
    UnknownClassError,
    NotInForceError,
    TooLargeError,
    ConflictError,
    IoError,
    RowWarning,
    AsOfWarning,
    RowError,
):
    _cls.__module__ = "zhidu"
del _cls
