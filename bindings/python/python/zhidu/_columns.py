"""Flatten numpy / pandas columns to raw little-endian bytes for the native batch calls.

Called by the native module only for objects that are not lists or tuples. Neither numpy
nor pandas is imported here: an array of theirs can only exist if its library is already
imported, so it is taken from ``sys.modules``.
"""

from __future__ import annotations

import sys
from typing import Any, List, Optional, Tuple


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


def starts(obj: Any) -> Tuple[str, Any]:
    """``("days", bytes)`` day numbers, ``("seconds" | "utc_seconds", bytes)`` Unix seconds
    (naive: wall times in the calendar's zone), or ``("objects", list)``; NaT is -2**63."""
    np = _numpy()
    if np is None or not hasattr(obj, "dtype"):
        return ("objects", list(obj))
    utc = _pandas_utc(obj)
    if utc is not None:
        arr = np.asarray(utc, dtype="datetime64[s]")
        return ("utc_seconds", np.ascontiguousarray(arr).view("<i8").tobytes())
    arr = np.asarray(obj)
    if arr.ndim != 1:
        raise ValueError(f"expected a one-dimensional column, got shape {arr.shape}")
    if arr.dtype.kind == "M":
        unit = np.datetime_data(arr.dtype)[0]
        if unit in ("Y", "M", "W", "D"):
            days = arr.astype("datetime64[D]", copy=False)
            return ("days", days.view("<i8").astype("<i8", copy=False).tobytes())
        seconds = arr.astype("datetime64[s]", copy=False)
        return ("seconds", seconds.view("<i8").astype("<i8", copy=False).tobytes())
    if arr.dtype.kind in "OUS":
        return ("objects", arr.tolist())
    raise TypeError(
        f"a column of dtype {arr.dtype} is not dates: give datetime64 values, dates, "
        "datetimes or ISO 8601 strings"
    )


def days(obj: Any) -> Tuple[str, Any]:
    """``("u32", bytes)`` (all in range), ``("ints", bytes)``, ``("floats", bytes)`` (NaN:
    the class's default) or ``("objects", list)``."""
    np = _numpy()
    if np is None or not hasattr(obj, "dtype"):
        return ("objects", list(obj))
    arr = np.asarray(obj)
    if arr.ndim != 1:
        raise ValueError(f"expected a one-dimensional column, got shape {arr.shape}")
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
    raise TypeError(f"a column of dtype {arr.dtype} is not day counts: give integers")


def _pandas_frame(obj: Any) -> bool:
    pd = sys.modules.get("pandas")
    return pd is not None and isinstance(obj, pd.DataFrame)


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


def frame(obj: Any) -> Optional[Tuple[int, List[Tuple[Any, str, Any]]]]:
    """A pandas DataFrame as ``(rows, [(name, tag, payload), …])``, one entry per column as
    :func:`column` gives it; None when ``obj`` is not a DataFrame."""
    if not _pandas_frame(obj):
        return None
    names = list(obj.columns)
    if len(set(map(str, names))) != len(names):
        raise ValueError(f"the DataFrame has duplicate column names: {names}")
    return (len(obj), [(name, *column(obj.iloc[:, i])) for i, name in enumerate(names)])


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


__all__: List[str] = ["starts", "days", "column", "frame", "records"]
