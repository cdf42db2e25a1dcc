"""Policies travel to worker processes (pickle) and are shared by threads."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import pickle
import random
import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any, Dict, List

import numpy as np
import pandas as pd
import pytest

import zhidu
from _workers import assess_in_worker, decide_in_worker, due_in_worker, set_in_worker

TOWN = """
[policy]
id = "town"
name = "镇便民服务中心"
version = "1"
effective_from = 2024-01-01
calendar = "cn-mainland"
source = "local rules"

[[class]]
id = "promised"
name = "承诺件"
unit = "working_days"
per_case = true
default_limit = 5
source = { clause = "X.1", quote = "q" }
"""


def test_pickle_builtin(ps: zhidu.PolicySet, s2: zhidu.Policy) -> None:
    data = pickle.dumps(ps)
    assert len(data) < 200  # by name, not by text
    back = pickle.loads(data)
    assert back.is_builtin and back.policy_ids == ps.policy_ids
    p = pickle.loads(pickle.dumps(s2))
    assert p == s2 and p.due("promised", "2026-09-30", 5) == s2.due("promised", "2026-09-30", 5)


def test_pickle_loaded_set_by_source() -> None:
    ps = zhidu.PolicySet.from_sources({"town.toml": TOWN})
    back = pickle.loads(pickle.dumps(ps, protocol=pickle.HIGHEST_PROTOCOL))
    assert not back.is_builtin and back.sources == [("town.toml", TOWN)]
    p = pickle.loads(pickle.dumps(ps.policy("town")))
    assert p.due("promised", "2026-09-30").due_date == dt.date(2026, 10, 13)
    assert p == ps.policy("town")


def test_exceptions_pickle(s2: zhidu.Policy) -> None:
    try:
        s2.due("promised", "2027-01-04", 5)
    except zhidu.CoverageError as e:
        back = pickle.loads(pickle.dumps(e))
        assert type(back) is zhidu.CoverageError and back.year == 2027 and str(back) == str(e)


def test_multiprocessing_pool(s2: zhidu.Policy) -> None:
    town = zhidu.PolicySet.from_sources({"town.toml": TOWN}).policy("town")
    ctx = multiprocessing.get_context("spawn")  # everything crosses by pickle
    with ctx.Pool(2) as pool:
        out = pool.map(due_in_worker, [(s2, "2026-09-30", 5), (town, "2026-09-30", 5)] * 4)
        sets = pool.map(set_in_worker, [(zhidu.PolicySet.builtin(), "s2-service-center")])
    assert out == [("s2-service-center", dt.date(2026, 10, 13)), ("town", dt.date(2026, 10, 13))] * 4
    assert sets == [(True, s2.class_ids)]


def test_threads_share_one_policy(s2: zhidu.Policy) -> None:
    starts = np.arange(np.datetime64("2024-01-01"), np.datetime64("2026-12-01"))
    want = s2.due_many("promised", starts, 5)
    single = [s2.due("promised", str(d), 5).due_date for d in starts[:200].astype(object)]
    barrier = threading.Barrier(4)

    def work(k: int) -> bool:
        barrier.wait()
        ok = True
        for _ in range(5):
            ok &= bool(np.array_equal(s2.due_many("promised", starts, 5), want))
            ok &= [s2.due("promised", str(d), 5).due_date for d in starts[:200].astype(object)] == single
            ok &= s2.case_status(
                {"id": str(k), "class": "promised", "accepted_at": "2026-09-30", "days": 5}, "2026-10-12"
            ).status == "yellow"
        return ok

    with ThreadPoolExecutor(4) as pool:
        assert all(pool.map(work, range(4)))


def test_gil_released_during_batch(s2: zhidu.Policy) -> None:
    # While one thread computes a big column, another thread keeps running Python code.
    starts = np.repeat(np.arange(np.datetime64("2024-01-01"), np.datetime64("2026-12-01")), 2000)
    ticks = 0
    done = threading.Event()

    def ticker() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1

    t = threading.Thread(target=ticker)
    t.start()
    try:
        s2.due_many("promised", starts, 5)
    finally:
        done.set()
        t.join()
    assert ticks > 0


def incidents(n: int, seed: int = 1) -> List[Dict[str, Any]]:
    rng = random.Random(seed)
    rules = ["S14.att.1a", "S14.att.1b", "S14.att.2", "S14.svc.1", "S14.svc.4", "S14.att.6"]
    rows = []
    for i in range(n):
        rule = rng.choice(rules)
        row: Dict[str, Any] = {
            "subject": f"员{rng.randrange(40)}", "window": f"W{rng.randrange(8)}",
            "at": f"2026-10-{rng.randrange(1, 32):02d}T{rng.randrange(8, 18):02d}:00", "rule": rule,
        }
        if rule == "S14.att.6":
            row["points"] = rng.randint(10, 20)
            row["note"] = "经查实"            # a chosen value needs its reason (A6)
        if i % 97 == 0:
            row["rule"] = "S14.nope"           # a bad row now and then
        rows.append(row)
    return rows


def test_assess_in_a_multiprocessing_pool(ps: zhidu.PolicySet) -> None:
    s14 = pickle.loads(pickle.dumps(ps.policy("s14-window-scorecard")))
    rows = incidents(2000)
    whole = s14.assess(rows, period="2026-10")
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        out = pool.map(assess_in_worker, [(s14, rows, "2026-10"), (s14, rows[:10], "2026-10")])
        decided = pool.map(decide_in_worker, [(ps.policy("s2-service-center"),
                                              [{"subject": "赵敏", "at": "2026-10-12", "violation": "S2.zr.t1.1"}])])
    cards, errors = out[0]
    assert cards == [(c.subject, c.kind, c.total, c.fines) for c in whole]
    assert errors == [(e.input, e.row) for e in whole.errors] and len(errors) == 21
    assert isinstance(cards[0][3], Decimal)
    assert decided[0][0]["tier"] == 1


def test_threads_share_one_policy_when_scoring(ps: zhidu.PolicySet) -> None:
    s14 = ps.policy("s14-window-scorecard")
    chunks = [incidents(1500, seed) for seed in range(4)]
    want = [[c.to_dict() for c in s14.assess(rows, period="2026-10")] for rows in chunks]
    frames = [pd.DataFrame(rows) for rows in chunks]
    barrier = threading.Barrier(4)

    def work(k: int) -> bool:
        barrier.wait()
        ok = True
        for _ in range(3):
            ok &= [c.to_dict() for c in s14.assess(chunks[k], period="2026-10")] == want[k]
            ok &= [c.to_dict() for c in s14.assess(frames[k], period="2026-10")] == want[k]
        return ok

    with ThreadPoolExecutor(4) as pool:
        assert all(pool.map(work, range(4)))


def test_gil_released_while_scoring(ps: zhidu.PolicySet) -> None:
    s14 = ps.policy("s14-window-scorecard")
    rows = pd.DataFrame(incidents(2000)).sample(n=300_000, replace=True, random_state=1)
    ticks_during = 0
    scoring = threading.Event()
    done = threading.Event()

    def ticker() -> None:
        nonlocal ticks_during
        while not done.is_set():
            if scoring.is_set():
                ticks_during += 1

    t = threading.Thread(target=ticker)
    t.start()
    try:
        scoring.set()
        s14.assess(rows, period="2026-10", lines=False)
    finally:
        done.set()
        t.join()
    assert ticks_during > 0


def test_results_do_not_pickle_but_their_data_does(ps: zhidu.PolicySet) -> None:
    a = ps.policy("s14-window-scorecard").assess(incidents(50), period="2026-10")
    with pytest.raises(TypeError):
        pickle.dumps(a)
    back = pickle.loads(pickle.dumps((a.to_dict(), a.errors)))
    assert back[0]["scorecards"][0]["fines"] == a[0].fines
    assert back[1][0].row == a.errors[0].row and isinstance(back[1][0].error, zhidu.InputError)
