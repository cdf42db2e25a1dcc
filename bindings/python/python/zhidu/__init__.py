"""zhidu (制度): the regulations of Chinese administrative service centres as code.

Due dates on the statutory working-day calendar (with 调休 make-up days), case clocks with
suspensions and extensions, scorecards from deduction tables (考核细则) and accountability
decisions (责任追究), and every answer explained clause by clause::

    >>> import zhidu
    >>> p = zhidu.PolicySet.builtin().policy("s2-service-center")
    >>> p.due("promised", accepted_at="2026-09-30T10:00:00+08:00", days=5).due_date
    datetime.date(2026, 10, 13)

numpy and pandas are optional: batch calls accept their columns and return numpy arrays
when numpy is installed; :mod:`zhidu.pandas` returns DataFrames.

Messages are in English unless asked otherwise: ``zhidu.set_lang("zh")`` for the process,
``with zhidu.lang("zh"):`` for a block (this thread or task); error codes never change.
"""

from typing import Any

from ._errors import (
    ConflictError,
    CoverageError,
    InputError,
    IoError,
    NotInForceError,
    PolicyError,
    RowError,
    RowWarning,
    AsOfWarning,
    TooLargeError,
    UnknownClassError,
    UnknownPolicyError,
    ZhiduError,
)
from ._instants import end_of_day
from ._lang import get_lang, lang, set_lang
from ._stamped import StampedList
from ._status import Status
from ._zhidu import (
    AccessDecision,
    AccessDecisions,
    Assessment,
    CaseStatus,
    Diagnostic,
    Decision,
    Decisions,
    Due,
    DueExplanation,
    Policy,
    PolicySet,
    Report,
    Retention,
    RetentionLine,
    Scorecard,
    WhatIf,
    WindowRank,
    __version__,
)

__all__ = [
    "end_of_day",
    "AccessDecision",
    "AccessDecisions",
    "Assessment",
    "CaseStatus",
    "ConflictError",
    "CoverageError",
    "Decision",
    "Decisions",
    "Diagnostic",
    "Due",
    "DueExplanation",
    "InputError",
    "IoError",
    "NotInForceError",
    "Policy",
    "PolicyError",
    "PolicySet",
    "Report",
    "Retention",
    "RetentionLine",
    "RowError",
    "RowWarning",
    "AsOfWarning",
    "Scorecard",
    "StampedList",
    "Status",
    "TooLargeError",
    "UnknownClassError",
    "UnknownPolicyError",
    "WhatIf",
    "WindowRank",
    "ZhiduError",
    "__version__",
    "diff",
    "get_lang",
    "lang",
    "set_lang",
]


def diff(
    before: "Policy | PolicySet",
    after: "Policy | PolicySet",
    period: str,
    *,
    policy: "str | None" = None,
    cases: "Any" = None,
    incidents: "Any" = None,
    violations: "Any" = None,
    roster: "Any" = None,
    as_of: "Any" = None,
) -> WhatIf:
    """The same period's inputs under two rule sets (``zhidu diff``): every case, scorecard,
    ranking and decision that changes, with both values and the rules responsible.

    ``before`` and ``after`` are policies, or policy sets with ``policy`` naming the policy
    (default ``"s2-service-center"``). A thin call of ``Policy.what_if``::

        >>> import zhidu
        >>> s = zhidu.PolicySet.builtin()
        >>> zhidu.diff(s, s, "2026-10").totals["cases"]
        0
    """
    def pick(side: "Policy | PolicySet") -> Policy:
        if isinstance(side, PolicySet):
            return side.policy(policy or "s2-service-center")
        return side

    return pick(before).what_if(
        pick(after),
        period,
        cases=cases,
        incidents=incidents,
        violations=violations,
        roster=roster,
        as_of=as_of,
    )
