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
    "Status",
    "TooLargeError",
    "UnknownClassError",
    "UnknownPolicyError",
    "WindowRank",
    "ZhiduError",
    "__version__",
    "get_lang",
    "lang",
    "set_lang",
]
