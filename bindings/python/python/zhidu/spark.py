"""PySpark helpers: zhidu's Arrow batch calls inside ``DataFrame.mapInArrow``.

Each executor's Python worker compiles a policy once, not once per batch or per task: a
:class:`ShippedPolicy` pickles as the SHA-256 digest of its set's sources (and the sources),
and a worker keeps the sets it compiled by that digest::

    >>> import zhidu, zhidu.spark                                     # doctest: +SKIP
    >>> policy = zhidu.PolicySet.builtin().policy("s2-service-center")  # doctest: +SKIP
    >>> due = zhidu.spark.due_dates(df, policy, "promised", keep=["id"])  # doctest: +SKIP

``due_dates`` and ``case_statuses`` are row by row, so ``mapInArrow`` over any partitioning
gives the single-process answers. ``scorecards`` groups (``groupBy(by).applyInArrow``): a
person's caps and a window's card need all of their incidents in one group, so group by
``window`` when the policy charges or ranks windows (A19), by ``subject`` otherwise.

pyspark and pyarrow are imported only when a helper is called.
"""

from __future__ import annotations

import hashlib
import threading
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

if TYPE_CHECKING:  # pragma: no cover
    from ._zhidu import Policy, PolicySet

__all__ = ["ShippedPolicy", "due_dates", "case_statuses", "scorecards", "compiled_sets"]

#: Sets compiled in this process, by the digest of their sources ("builtin" for the shipped
#: set): what a worker keeps between batches and tasks.
_SETS: Dict[str, "PolicySet"] = {}
_LOCK = threading.Lock()
#: Sets compiled in this process (``compiled_sets()``): a test reads it to see that a worker
#: compiled once.
_COMPILED: List[str] = []


def _digest(sources: Optional[Sequence[Tuple[str, str]]]) -> str:
    if sources is None:
        return "builtin"
    h = hashlib.sha256()
    for name, text in sources:
        for part in (name, text):
            data = part.encode("utf-8")
            h.update(len(data).to_bytes(8, "little"))
            h.update(data)
    return h.hexdigest()


def _set(digest: str, sources: Optional[Sequence[Tuple[str, str]]]) -> "PolicySet":
    with _LOCK:
        found = _SETS.get(digest)
        if found is None:
            from ._zhidu import PolicySet

            found = PolicySet.builtin() if sources is None else PolicySet.from_sources(list(sources))
            _SETS[digest] = found
            _COMPILED.append(digest)
        return found


def compiled_sets() -> List[str]:
    """The digests of the sets this process compiled, in order (each at most once)."""
    return list(_COMPILED)


class ShippedPolicy:
    """A policy to send to Spark executors: pickles as ``(digest, sources, id)`` and is
    compiled once per worker process, found again by the digest of its sources.

    Parameters
    ----------
    policy : Policy
        The policy to ship.
    """

    def __init__(self, policy: "Policy") -> None:
        set_, id_ = policy.__reduce__()[1]
        sources = None if set_.is_builtin else [(n, t) for n, t in set_.sources]
        self.digest: str = _digest(sources)
        self.sources: Optional[List[Tuple[str, str]]] = sources
        self.id: str = id_
        _SETS.setdefault(self.digest, set_)

    @property
    def policy(self) -> "Policy":
        """The policy, from the set this process compiled for the digest (compiled now if
        none was)."""
        return _set(self.digest, self.sources).policy(self.id)

    def __reduce__(self) -> Tuple[Callable[..., "ShippedPolicy"], Tuple[str, Any, str]]:
        return (_restore, (self.digest, self.sources, self.id))

    def __repr__(self) -> str:
        return f"ShippedPolicy({self.id!r}, digest={self.digest[:12]!r})"


def _restore(digest: str, sources: Any, id_: str) -> ShippedPolicy:
    shipped = ShippedPolicy.__new__(ShippedPolicy)
    shipped.digest, shipped.sources, shipped.id = digest, sources, id_
    return shipped


def _shipped(policy: Any) -> ShippedPolicy:
    return policy if isinstance(policy, ShippedPolicy) else ShippedPolicy(policy)


def _spark_arrow_schema(schema: Any) -> Any:
    """The Arrow schema Spark expects back for a Spark ``StructType``."""
    from pyspark.sql.pandas.types import to_arrow_schema

    return to_arrow_schema(schema)


def _conform(table: Any, target: Any) -> Iterator[Any]:
    """``table``'s columns in the order and types of ``target`` (instants in UTC, as Spark
    keeps them), as record batches."""
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

    columns = []
    for field in target:
        column = table.column(field.name)
        if pa.types.is_timestamp(field.type) and pa.types.is_timestamp(column.type):
            column = column.cast(pa.timestamp(column.type.unit, "UTC")).cast(field.type)
        else:
            column = column.cast(field.type)
        columns.append(column)
    yield from pa.Table.from_arrays(columns, schema=target).to_batches()


def _keep(batch: Any, answer: Any, keep: Sequence[str]) -> Any:
    for name in reversed(list(keep)):
        answer = answer.add_column(0, name, batch.column(name))
    return answer


def due_dates(
    df: Any,
    policy: Any,
    class_id: str,
    *,
    accepted_at: str = "accepted_at",
    days: Optional[str] = None,
    keep: Sequence[str] = (),
) -> Any:
    """Due dates of a Spark DataFrame's rows, batch by batch in ``mapInArrow``.

    Parameters
    ----------
    df : pyspark.sql.DataFrame
        One row per case start.
    policy : Policy or ShippedPolicy
        The policy whose class it is (shipped to the executors once per worker process).
    class_id : str
        The class's or service item's id.
    accepted_at : str, default "accepted_at"
        The column of starts (date, timestamp or ISO 8601 text).
    days : str, optional
        The column of per-case limits (null: the class's default).
    keep : sequence of str
        Columns of ``df`` to carry into the answer first (an id).

    Returns
    -------
    pyspark.sql.DataFrame
        ``keep`` columns, then ``due_date`` (date), ``due_at`` (timestamp), ``error`` and
        ``error_code`` (null for a good row): what ``Policy.due_many(..., output="arrow")``
        gives, one row per input row.
    """
    from pyspark.sql.types import DateType, StringType, StructField, StructType, TimestampType

    shipped = _shipped(policy)
    kept = [df.schema[name] for name in keep]
    schema = StructType(kept + [
        StructField("due_date", DateType()),
        StructField("due_at", TimestampType()),
        StructField("error", StringType()),
        StructField("error_code", StringType()),
    ])
    target = _spark_arrow_schema(schema)
    keep = list(keep)

    def batches(it: Iterable[Any]) -> Iterator[Any]:
        p = shipped.policy
        for batch in it:
            limits = batch.column(days) if days else None
            answer = p.due_many(class_id, batch.column(accepted_at), limits,
                                errors="collect", output="arrow")
            yield from _conform(_keep(batch, answer, keep), target)

    return df.mapInArrow(batches, schema)


def case_statuses(
    df: Any,
    policy: Any,
    as_of: Any,
    *,
    keep: Sequence[str] = (),
) -> Any:
    """Statuses of a Spark DataFrame of cases at ``as_of``, batch by batch in ``mapInArrow``.

    Parameters
    ----------
    df : pyspark.sql.DataFrame
        Cases with the case log's columns (``id``, ``class``, ``accepted_at``, ``days``,
        ``events``, ``completed_at`` …).
    policy : Policy or ShippedPolicy
        The cases' policy.
    as_of : datetime.datetime
        The instant statuses are taken at.
    keep : sequence of str
        Columns of ``df`` to carry into the answer first.

    Returns
    -------
    pyspark.sql.DataFrame
        ``keep`` columns, then the columns of ``Policy.case_statuses(..., output="arrow")``.
    """
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]
    from pyspark.sql.pandas.types import from_arrow_schema

    shipped = _shipped(policy)
    keep = list(keep)
    # The answer's columns are fixed: those of no case at all, answered on the driver.
    none = pa.array([], pa.string())
    probe = shipped.policy.case_statuses(
        pa.table({"id": none, "class": none, "accepted_at": none}), as_of, output="arrow")
    answer_schema = from_arrow_schema(_spark_types(probe.schema))
    schema = type(answer_schema)([df.schema[name] for name in keep] + list(answer_schema.fields))
    target = _spark_arrow_schema(schema)

    def batches(it: Iterable[Any]) -> Iterator[Any]:
        p = shipped.policy
        for batch in it:
            answer = p.case_statuses(batch, as_of, errors="collect", output="arrow")
            yield from _conform(_keep(batch, answer, keep), target)

    return df.mapInArrow(batches, schema)


def _spark_types(schema: Any) -> Any:
    """An Arrow schema with instants in UTC (Spark's timestamps have no zone of their own)."""
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

    fields = []
    for f in schema:
        t = f.type
        if pa.types.is_timestamp(t):
            t = pa.timestamp("us", "UTC")
        elif pa.types.is_dictionary(t):
            t = t.value_type
        fields.append(pa.field(f.name, t))
    return pa.schema(fields)


def scorecards(
    df: Any,
    policy: Any,
    period: str,
    *,
    by: str = "subject",
) -> Any:
    """The people's scorecards of a Spark DataFrame of incidents, one group at a time
    (``groupBy(by).applyInArrow``).

    Parameters
    ----------
    df : pyspark.sql.DataFrame
        Incidents (``subject``, ``window``, ``at``, ``rule``, ``quantity``, ``points`` …).
    policy : Policy or ShippedPolicy
        The policy with the deduction table.
    period : str
        ``"2026-10"`` …
    by : str, default "subject"
        The column to group by: ``subject`` when only people are scored, ``window`` when the
        policy charges or ranks windows (a window's card needs all of its incidents).

    Returns
    -------
    pyspark.sql.DataFrame
        ``Assessment.to_arrow()``'s columns: one row per person.
    """
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]
    from pyspark.sql.pandas.types import from_arrow_schema

    shipped = _shipped(policy)
    # The cards' columns are fixed by the deduction table: those of no incident at all.
    none = pa.array([], pa.string())
    probe = shipped.policy.assess(pa.table({"subject": none, "at": none, "rule": none}),
                                  period).to_arrow()
    schema = from_arrow_schema(_spark_types(probe.schema))
    target = _spark_arrow_schema(schema)

    def group(table: Any) -> Any:
        cards = shipped.policy.assess(table, period, lines=False, errors="collect").to_arrow()
        return pa.Table.from_batches(list(_conform(cards, target)), target)

    return df.groupBy(by).applyInArrow(group, schema)
