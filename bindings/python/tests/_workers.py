"""Functions run in worker processes by test_pickle_threads (importable by name)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Dict, List, Tuple

import zhidu


def due_in_worker(args: Tuple[zhidu.Policy, str, int]) -> Tuple[str, dt.date]:
    policy, start, days = args
    return policy.id, policy.due("promised", start, days).due_date


def set_in_worker(args: Tuple[zhidu.PolicySet, str]) -> Any:
    ps, policy_id = args
    return ps.is_builtin, ps.policy(policy_id).class_ids


def assess_in_worker(args: Tuple[zhidu.Policy, List[Dict[str, Any]], str]) -> Any:
    """Score a chunk of incidents in a worker; results travel back as plain data."""
    policy, incidents, period = args
    a = policy.assess(incidents, period=period)
    return [(c.subject, c.kind, c.total, c.fines) for c in a], [(e.input, e.row) for e in a.errors]


def decide_in_worker(args: Tuple[zhidu.Policy, List[Dict[str, Any]]]) -> Any:
    policy, violations = args
    return [d.to_dict() for d in policy.decide(violations)]
