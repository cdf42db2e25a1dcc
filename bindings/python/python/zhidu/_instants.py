"""``zhidu.end_of_day``: the instant a day ends, for ``as_of`` (a bare date is its start)."""

from __future__ import annotations

import datetime
from typing import Union
from ._zhidu import _text


def end_of_day(day: Union[datetime.date, str]) -> datetime.datetime:
    """24:00 of ``day``: 00:00 of the next day, as a naive datetime (the calendar's zone).

    ``as_of="2026-10-31"`` means 00:00 at the *start* of the 31st (as the CLI reads it, and
    with a ``zhidu.AsOfWarning``); ``as_of=zhidu.end_of_day("2026-10-31")`` is the end of it,
    what a month-end status means.

    Parameters
    ----------
    day : datetime.date or str
        A date, or its ISO text ``YYYY-MM-DD`` (a datetime is refused: it is an instant
        already).

    Returns
    -------
    datetime.datetime
        The next day at 00:00, naive.

    Raises
    ------
    TypeError
        ``day`` is a datetime or not a date.
    ValueError
        Text that is no ``YYYY-MM-DD`` date.

    >>> end_of_day("2026-10-31")
    datetime.datetime(2026, 11, 1, 0, 0)
    """
    if isinstance(day, datetime.datetime) or not isinstance(day, (datetime.date, str)):
        raise TypeError(_text("py.end_of_day_type", type=type(day).__name__))
    if isinstance(day, str):
        day = datetime.date.fromisoformat(day.strip())
    return datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time())
