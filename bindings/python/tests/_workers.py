"""Functions run in worker processes by test_pickle_threads (importable by name)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Tuple

import zhidu


def due_in_worker(args: Tuple[zhidu.Policy, str, int]) -> Tuple[str, dt.date]:
    policy, start, days = args
    return policy.id, policy.due("promised", start, days).due_date


def set_in_worker(args: Tuple[zhidu.PolicySet, str]) -> Any:
    ps, policy_id = args
    return ps.is_builtin, ps.policy(policy_id).class_ids
