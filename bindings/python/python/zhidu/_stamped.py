"""``zhidu.StampedList``: a list answer that names the rules that gave it (issue #17)."""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Tuple, TypeVar

T = TypeVar("T")


class StampedList(List[T]):
    """A ``list`` of answers with the ``stamp`` of the policy that computed them.

    What ``Policy.case_statuses``, ``Policy.rank``, ``Assessment.rank`` and, when numpy is
    not installed, ``Policy.due_many`` return (a numpy array cannot carry an attribute: take
    ``policy.stamp`` beside it). It is a plain list in every other way: it equals a list with
    the same items, prints like one, pickles and copies with its stamp; a slice or a ``+`` is
    a plain list (a part of an answer is no longer the whole answer its stamp vouches for).

    >>> import zhidu
    >>> p = zhidu.PolicySet.builtin().policy("s2-service-center")
    >>> case = {"id": "A", "class": "promised", "accepted_at": "2026-09-30T10:00:00+08:00", "days": 5}
    >>> answer = p.case_statuses([case], "2026-10-09T12:00:00+08:00")
    >>> [s.due_date for s in answer] == [__import__("datetime").date(2026, 10, 13)]
    True
    >>> answer.stamp == p.stamp, answer.stamp["hash"] == zhidu.PolicySet.builtin().content_hash
    (True, True)
    """

    __slots__ = ("_stamp",)

    def __init__(self, items: Iterable[T] = (), stamp: "Dict[str, Any] | None" = None) -> None:
        super().__init__(items)
        self._stamp: Dict[str, Any] = dict(stamp or {})

    @property
    def stamp(self) -> Dict[str, Any]:
        """The rules these answers were computed under (``Policy.stamp``): a dict with
        ``policy``, ``version``, ``effective_from`` and ``hash``; a fresh copy each time, so
        the answer's own stamp cannot be edited."""
        return dict(self._stamp)

    def __reduce__(self) -> Tuple[Any, ...]:
        return (StampedList, (list(self), self._stamp))
