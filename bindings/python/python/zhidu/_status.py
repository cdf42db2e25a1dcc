"""``zhidu.Status``: a case's status as a ``str`` enumeration that refuses misspellings."""

from __future__ import annotations

import enum
from typing import Any
from ._zhidu import _text

_OPEN = ("not_started", "on_track", "yellow", "red", "suspended")


class Status(str, enum.Enum):
    """A case's status (``CaseStatus.status``), as the CLI's JSON spells it.

    A ``str``, so ``status == "red"`` and ``json.dumps`` work as before; but comparing with a
    string that is no status raises ``ValueError`` naming the statuses, so ``== "overdue"``
    (not a status: the past-due open status is ``"red"``) or ``== "rde"`` never silently
    matches nothing. ``is_overdue``, ``is_open`` and ``is_done`` answer the usual questions.

    >>> Status("red") == "red", Status.RED.is_overdue
    (True, True)
    """

    NOT_YET_ACCEPTED = "not_yet_accepted"
    NOT_STARTED = "not_started"
    ON_TRACK = "on_track"
    YELLOW = "yellow"
    RED = "red"
    SUSPENDED = "suspended"
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, str) and not isinstance(other, Status):
            if other not in _VALUES:
                statuses = ", ".join(f"`{v}`" for v in _VALUES)
                raise ValueError(_text("py.not_a_status", value=other, statuses=statuses))
            return str.__eq__(self.value, other)
        return str.__eq__(self, other) if isinstance(other, Status) else NotImplemented

    def __ne__(self, other: object) -> bool:
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    __hash__ = str.__hash__

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)

    @property
    def is_overdue(self) -> bool:
        """Past due: open and past due (``red``) or completed late (``done_late``)."""
        return self in (Status.RED, Status.DONE_LATE)

    @property
    def is_open(self) -> bool:
        """Not completed (and already accepted): ``not_started``, ``on_track``, ``yellow``,
        ``red`` or ``suspended``."""
        return self.value in _OPEN

    @property
    def is_done(self) -> bool:
        """Completed: ``done_on_time`` or ``done_late``."""
        return self in (Status.DONE_ON_TIME, Status.DONE_LATE)

    def __reduce_ex__(self, protocol: Any) -> Any:
        return (Status, (self.value,))


_VALUES = tuple(s.value for s in Status)
Status.__module__ = "zhidu"
