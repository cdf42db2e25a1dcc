"""Flatten numpy / pandas columns to raw little-endian bytes for the native batch calls.

Called by the native module only for objects that are not lists or tuples. Neither numpy
nor pandas is imported here: an array of theirs can only exist if its library is already
imported, so it is taken from ``sys.modules``.
"""

from __future__ import annotations

import sys
from typing import Any, List, Optional, Tuple
from ._zhidu import _text


def _numpy() -> Any:
    return sys.modules.get("numpy")


def _pandas_utc(obj: Any) -> Any:
    """A tz-aware pandas column as naive UTC datetimes, or None if it is not one."""
    dtype = getattr(obj, "dtype", None)
    if getattr(dtype, "tz", None) is None:
        return None
    pd = sys.modules.get("pandas")
    if pd is None:
        return None
    return pd.DatetimeIndex(obj).tz_convert("UTC").tz_localize(None)


def _one_column(obj: Any, what: str) -> Any:
    """A column as numpy or Python values: a polars Series and a pyarrow array read as their
    values (Arrow proper is issue #16); a table refused with ``TypeError`` naming what to
    pass."""
    if _pandas_frame(obj) or _of_module(obj, "polars", "DataFrame") or _of_module(
        obj, "pyarrow", "Table"
    ):
        raise TypeError(_text("py.column_not_table", what=what, type=type(obj).__name__))
    if _of_module(obj, "polars", "Series"):
        return obj.to_list()
    if _of_module(obj, "pyarrow", "ChunkedArray") or type(obj).__module__.startswith("pyarrow"):
        if hasattr(obj, "to_pylist"):
            return obj.to_pylist()
    return obj


def starts(obj: Any) -> Tuple[str, Any]:
    """``("days", bytes)`` day numbers, ``("seconds" | "utc_seconds", bytes)`` Unix seconds
    (naive: wall times in the calendar's zone), or ``("objects", list)``; NaT is -2**63."""
    obj = _one_column(obj, "accepted_at")
    np = _numpy()
    if np is None or not hasattr(obj, "dtype"):
        return ("objects", list(obj))
    utc = _pandas_utc(obj)
    if utc is not None:
        arr = np.asarray(utc, dtype="datetime64[s]")
        return ("utc_seconds", np.ascontiguousarray(arr).view("<i8").tobytes())
    arr = np.asarray(obj)
    if arr.ndim != 1:
        raise ValueError(_text("py.column_shape", shape=str(arr.shape)))
    if arr.dtype.kind == "M":
        unit = np.datetime_data(arr.dtype)[0]
        if unit in ("Y", "M", "W", "D"):
            days = arr.astype("datetime64[D]", copy=False)
            return ("days", days.view("<i8").astype("<i8", copy=False).tobytes())
        seconds = arr.astype("datetime64[s]", copy=False)
        return ("seconds", seconds.view("<i8").astype("<i8", copy=False).tobytes())
    if arr.dtype.kind in "OUS":
        return ("objects", arr.tolist())
    raise TypeError(_text("py.column_not_dates", dtype=str(arr.dtype)))


def days(obj: Any) -> Tuple[str, Any]:
    """``("u32", bytes)`` (all in range), ``("ints", bytes)``, ``("floats", bytes)`` (NaN:
    the class's default) or ``("objects", list)``."""
    obj = _one_column(obj, "days")
    np = _numpy()
    if np is None or not hasattr(obj, "dtype"):
        return ("objects", list(obj))
    arr = np.asarray(obj)
    if arr.ndim != 1:
        raise ValueError(_text("py.column_shape", shape=str(arr.shape)))
    if arr.dtype.kind in "iu":
        if arr.size and 0 <= int(arr.min()) and int(arr.max()) <= 0xFFFFFFFF:
            # The common case: every count fits, one copy to the core's type.
            return ("u32", arr.astype("<u4", copy=False).tobytes())
        if arr.dtype.kind == "u" and arr.dtype.itemsize == 8:
            # uint64 above 2**63 would wrap; read those as objects.
            if int(arr.max()) >= 2**63:
                return ("objects", arr.tolist())
        return ("ints", arr.astype("<i8", copy=False).tobytes())
    if arr.dtype.kind == "f":
        return ("floats", np.ascontiguousarray(arr.astype("<f8")).tobytes())
    if arr.dtype.kind == "O":
        return ("objects", arr.tolist())
    raise TypeError(_text("py.column_not_days", dtype=str(arr.dtype)))


def _pandas_frame(obj: Any) -> bool:
    pd = sys.modules.get("pandas")
    return pd is not None and isinstance(obj, pd.DataFrame)


def _of_module(obj: Any, module: str, name: str) -> bool:
    """Whether ``obj`` is a ``module.name`` (checked without importing ``module``)."""
    cls = type(obj)
    return cls.__name__ == name and cls.__module__.split(".")[0] == module


def labels(obj: Any) -> Any:
    """The index of a pandas DataFrame or Series (the labels of its rows), else None."""
    pd = sys.modules.get("pandas")
    if pd is not None and isinstance(obj, (pd.DataFrame, pd.Series)):
        return obj.index
    return None


def _columns_of(mapping: Any) -> Optional[Tuple[int, List[Tuple[Any, str, Any]]]]:
    """A dict of equally long columns (lists, tuples, numpy arrays, pandas Series) as
    :func:`frame` gives a DataFrame; None when it is not one (a single row)."""
    values = list(mapping.values())
    if not values or not all(
        isinstance(v, (list, tuple)) or (hasattr(v, "__len__") and hasattr(v, "dtype"))
        for v in values
    ):
        return None
    lengths = {len(v) for v in values}
    if len(lengths) != 1:
        raise ValueError(_text("py.column_lengths", lengths=str(sorted(lengths))))
    out: List[Tuple[Any, str, Any]] = []
    for name, v in mapping.items():
        if isinstance(v, (list, tuple)):
            out.append((name, "objects", list(v)))
        else:
            out.append((name, *column(v)))
    return (lengths.pop(), out)


def frame(obj: Any) -> Optional[Tuple[int, List[Tuple[Any, str, Any]]]]:
    """A table of rows as ``(rows, [(name, tag, payload), …])``, one entry per column as
    :func:`column` gives it, or None when ``obj`` is to be iterated row by row.

    Read as tables: a pandas DataFrame (any selection of its columns), a polars DataFrame and
    a pyarrow Table (column by column, through Python values: Arrow proper is issue #16) and
    a dict of equal-length columns. Refused with ``TypeError``: containers that iterate over
    something other than rows (a Series, an array, a polars LazyFrame …).
    """
    if _pandas_frame(obj):
        names = list(obj.columns)
        if len(set(map(str, names))) != len(names):
            raise ValueError(_text("py.duplicate_columns", names=str(names)))
        return (len(obj), [(name, *column(obj.iloc[:, i])) for i, name in enumerate(names)])
    if _of_module(obj, "polars", "DataFrame"):
        return _columns_of(obj.to_dict(as_series=False))
    if _of_module(obj, "pyarrow", "Table") or _of_module(obj, "pyarrow", "RecordBatch"):
        return _columns_of(obj.to_pydict())
    if isinstance(obj, dict):
        return _columns_of(obj)
    module = type(obj).__module__.split(".")[0]
    if (
        isinstance(obj, (str, bytes))
        or module in ("pandas", "numpy", "polars", "pyarrow")
        or hasattr(obj, "dtype")
        or hasattr(obj, "columns")
    ):
        # A Series, an array, a LazyFrame, an Arrow array: iterating gives no rows.
        # (The native module words the TypeError, from the message catalogue.)
        raise TypeError(type(obj).__name__)
    return None


def column(obj: Any) -> Tuple[str, Any]:
    """One DataFrame column, by its dtype: dates as :func:`starts` gives them, ``("ints",
    bytes)``, ``("floats", bytes)`` (NaN: absent), ``("factorized", (codes, texts))`` for a
    column of text (int64 codes into the distinct strings, -1 for missing: names and rule codes
    repeat over many rows) or ``("objects", list)``."""
    np = _numpy()
    dtype = getattr(obj, "dtype", None)
    kind = getattr(dtype, "kind", "O")
    if kind == "M" or getattr(dtype, "tz", None) is not None:
        return starts(obj)
    if kind in "iuf":
        arr = np.asarray(obj)
        if arr.dtype.kind in "iu":
            if arr.dtype.kind == "u" and arr.size and int(arr.max()) >= 2**63:
                return ("objects", arr.tolist())
            return ("ints", arr.astype("<i8", copy=False).tobytes())
        if arr.dtype.kind == "f":
            return ("floats", np.ascontiguousarray(arr.astype("<f8")).tobytes())
        return ("objects", arr.tolist())
    if kind != "b":
        pd = sys.modules.get("pandas")
        try:
            codes, values = pd.factorize(obj, use_na_sentinel=True)  # type: ignore[union-attr]
        except (TypeError, ValueError, AttributeError):
            pass  # unhashable cells (lists of flags): one object per row
        else:
            values = list(values)
            # Only text: factorizing merges equal values of different types (1, 1.0, True).
            if all(type(v) is str for v in values):
                return ("factorized", (codes.astype("<i8", copy=False).tobytes(), values))
    return ("objects", np.asarray(obj).tolist())


def records(obj: Any) -> Any:
    """A DataFrame's rows as dicts without their missing cells (NaN, None, NaT); any other
    object as it is."""
    if not _pandas_frame(obj):
        return obj
    pd = sys.modules["pandas"]
    return [
        {k: v for k, v in row.items() if not (v is None or (pd.api.types.is_scalar(v) and pd.isna(v)))}
        for row in obj.to_dict("records")
    ]


__all__: List[str] = ["starts", "days", "column", "frame", "labels", "records"]
