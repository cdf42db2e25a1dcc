"""Hostile inputs: whatever is passed, only zhidu exceptions come out (never a
PanicException, TypeError or anything else)."""

from __future__ import annotations

import datetime as dt
import math
import random
import string
import warnings
from typing import Any, Callable, Dict, List

import numpy as np
import pandas as pd
import pytest

import zhidu

N = 3000


def values(rng: random.Random) -> Any:
    choices: List[Callable[[], Any]] = [
        lambda: None,
        lambda: rng.randint(-(2**70), 2**70),
        lambda: rng.random() * 1e12,
        lambda: math.nan,
        lambda: math.inf,
        lambda: True,
        lambda: "".join(rng.choice(string.printable + "年月日调休\x00\ud800"[:-1]) for _ in range(rng.randrange(40))),
        lambda: rng.choice(["2026-09-30", "2026-13-01", "0000-01-01", "9999-12-31T23:59:59+14:00",
                            "2026-09-30T25:00", "2026-09-30T10:00:00-23:59", "+275760-09-13",
                            "2026-09-30 10:00", "1970-01-01", "2200-12-31", " 2026-09-30 "]),
        lambda: dt.date(rng.randint(1, 9999), rng.randint(1, 12), rng.randint(1, 28)),
        lambda: dt.datetime(rng.randint(1, 9999), 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=rng.randint(-23, 23)))),
        lambda: dt.datetime.max,
        lambda: dt.datetime.min,
        lambda: [1, "a", None],
        lambda: {"id": 1},
        lambda: {"id": "C", "class": "promised", "accepted_at": values(rng), "days": values(rng),
                 "events": [{"kind": rng.choice(["suspend", "resume", "extend", "start", "x"]),
                             "at": values(rng), "reason": values(rng), "days": values(rng)}]},
        lambda: b"bytes",
        lambda: object(),
        lambda: np.datetime64(rng.randint(-(2**40), 2**40), "D"),
        lambda: np.int64(rng.randint(-(2**62), 2**62)),
        lambda: np.float32(1.5),
        lambda: (x for x in [1, 2]),
    ]
    return rng.choice(choices)()


def call(fn: Callable[[], Any]) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fn()
    except zhidu.ZhiduError:
        pass


@pytest.mark.parametrize("seed", range(6))
def test_random_inputs_raise_only_zhidu_errors(ps: zhidu.PolicySet, seed: int) -> None:
    rng = random.Random(seed)
    policies = [ps.policy(i) for i in ps.policy_ids]
    for _ in range(N // 6):
        p = rng.choice(policies)
        cls = rng.choice(p.class_ids + [values(rng)])
        a, b = values(rng), values(rng)
        call(lambda: p.due(cls, a, b))
        call(lambda: p.explain(cls, a, b))
        call(lambda: p.case_status(a, b))
        call(lambda: p.explain_case(a, b))
        call(lambda: ps.policy(a))
        call(lambda: p.due_many(cls, [a, b, values(rng)], rng.choice([None, 5, [a, b, 1], b])))
        call(lambda: p.case_statuses([a, b], values(rng)))
        call(lambda: p.due_many(cls, a, errors=rng.choice(["warn", "collect", "raise", b])))


def test_random_numpy_columns(s2: zhidu.Policy) -> None:
    rng = np.random.default_rng(5)
    for unit in ["D", "s", "ns", "M", "W", "h"]:
        raw = rng.integers(-(2**62), 2**62, size=500)
        raw[::7] = np.iinfo(np.int64).min  # NaT
        col = raw.view(f"datetime64[{unit}]")
        for days in [rng.integers(-(2**40), 2**40, size=500), rng.normal(size=500) * 1e10, None]:
            call(lambda: s2.due_many("promised", col, days))
            call(lambda: s2.due_many("promised", col, days, errors="collect"))


def test_bad_policy_sources(s2: zhidu.Policy) -> None:
    rng = random.Random(9)
    text = "\n".join(line for _, t in zhidu.PolicySet.builtin().sources for line in t.splitlines()[:80])
    for _ in range(300):
        chars = list(text)
        for _ in range(rng.randrange(1, 20)):
            i = rng.randrange(len(chars))
            chars[i] = rng.choice("[]{}=\"'#\n.,0123456789年x ")
        call(lambda: zhidu.PolicySet.from_sources({"f.toml": "".join(chars)}))
        call(lambda: zhidu.PolicySet.check_sources({"f.toml": "".join(chars)}))
    for bad in [None, 5, {"a": 5}, {5: "a"}, [("a",)], [("a", "b", "c")], "text"]:
        call(lambda: zhidu.PolicySet.from_sources(bad))  # type: ignore[arg-type]
        call(lambda: zhidu.PolicySet.load(bad))  # type: ignore[arg-type]


class Broken:
    """An iterable whose iterator fails forever: the call must end, not loop."""

    def __iter__(self) -> "Broken":
        return self

    def __next__(self) -> object:
        raise RuntimeError("broken iterator")


class Interrupting:
    def __iter__(self) -> "Interrupting":
        return self

    def __next__(self) -> object:
        raise KeyboardInterrupt


def test_failing_iterators(s2: zhidu.Policy) -> None:
    with pytest.raises(zhidu.InputError) as e:
        s2.due_many("promised", Broken())
    assert isinstance(e.value.__cause__, RuntimeError)
    with pytest.raises(zhidu.InputError):
        s2.due_many("promised", ["2026-09-30"], Broken())
    with pytest.raises(zhidu.InputError):
        s2.case_statuses(Broken(), "2026-10-01")
    with pytest.raises(KeyboardInterrupt):  # not an error: it passes unchanged
        s2.due_many("promised", Interrupting())


def test_failing_values(s2: zhidu.Policy) -> None:
    class BadDate(dt.date):
        def isoformat(self) -> str:
            raise RuntimeError("no")

        def __reduce__(self) -> Any:
            raise RuntimeError("no")

    with pytest.raises(zhidu.InputError):
        s2.due("promised", BadDate(2026, 9, 30), 5)
    _, bad = s2.due_many("promised", [BadDate(2026, 9, 30), "2026-09-30"], 5, errors="collect")
    assert [i for i, _ in bad] == [0]


INCIDENT_KEYS = ["subject", "window", "at", "rule", "quantity", "points", "note", "department", "case"]
RULES = ["S14.att.1a", "S14.att.6", "S14.svc.4", "S2.assess.qin.1", "S2.assess.ji.2", "S4.req.4"]


def fuzz_row(rng: random.Random, keys: List[str], good: Dict[str, Any]) -> Any:
    """A row that is mostly right, with some values, keys or the row itself replaced."""
    roll = rng.random()
    if roll < 0.05:
        return values(rng)
    row = dict(good)
    for _ in range(rng.randrange(4)):
        key = rng.choice(keys + ["extra", "\ud800", 5])
        if rng.random() < 0.2:
            row.pop(key, None)
        else:
            row[key] = values(rng)
    return row


@pytest.mark.parametrize("seed", range(4))
def test_random_incidents_raise_only_zhidu_errors(ps: zhidu.PolicySet, seed: int) -> None:
    rng = random.Random(100 + seed)
    policies = [ps.policy(i) for i in ps.policy_ids]
    for _ in range(150):
        p = rng.choice(policies)
        good = {"subject": "张三", "window": "W01", "at": "2026-10-12", "rule": rng.choice(RULES)}
        rows = [fuzz_row(rng, INCIDENT_KEYS, good) for _ in range(rng.randrange(1, 12))]
        period = rng.choice(["2026-10", "2026-Q4", "2026", values(rng)])
        cases = rng.choice([None, [values(rng)], [{"id": "C", "class": "promised", "accepted_at": values(rng),
                                                   "days": values(rng), "handler": values(rng)}]])
        roster = rng.choice([None, {"a": "W1"}, [values(rng)], values(rng)])
        call(lambda: p.assess(rows, period=period, cases=cases, case_policy=rng.choice([None, "s2-service-center", values(rng)]),
                              roster=roster, lines=rng.choice([True, False, values(rng)])))
        call(lambda: p.assess(values(rng), period="2026-10"))
        try:
            frame = pd.DataFrame([r for r in rows if isinstance(r, dict)])
        except Exception:
            continue
        call(lambda: p.assess(frame, period="2026-10"))
        call(lambda: p.rank(rng.choice([values(rng), p])))


@pytest.mark.parametrize("seed", range(4))
def test_random_violations_raise_only_zhidu_errors(ps: zhidu.PolicySet, seed: int) -> None:
    rng = random.Random(200 + seed)
    policies = [ps.policy(i) for i in ps.policy_ids]
    keys = ["subject", "at", "violation", "flags", "note"]
    for _ in range(150):
        p = rng.choice(policies)
        good = {"subject": "赵敏", "at": "2026-10-12", "violation": rng.choice(["S2.zr.t1.1", "S7.zr.1", "S2.zr.t2.4"]),
                "flags": rng.choice([[], ["crime"], "complaint;serious", [values(rng)]])}
        rows = [fuzz_row(rng, keys, good) for _ in range(rng.randrange(1, 12))]
        call(lambda: p.decide(rows, as_of=rng.choice([None, "2026-10-20", values(rng)])))
        call(lambda: p.decide(values(rng)))
        try:
            frame = pd.DataFrame([r for r in rows if isinstance(r, dict)])
        except Exception:
            continue
        call(lambda: p.decide(frame))


def test_hostile_frames(s2: zhidu.Policy) -> None:
    good = {"subject": "张三", "at": "2026-10-12", "rule": "S2.assess.qin.1"}
    frames = [
        pd.DataFrame([good] * 3).assign(at=[np.datetime64("NaT"), np.datetime64("2026-10-12"), np.datetime64(2**40, "s")]),
        pd.DataFrame([good] * 3).assign(quantity=[np.inf, -np.inf, 2.0**70]),
        pd.DataFrame([good] * 3).assign(points=np.array([2**63 + 5] * 3, dtype=np.uint64)),
        pd.DataFrame([good] * 3).assign(quantity=[True, False, True]),
        pd.DataFrame([good] * 3).assign(window=[1, 2, 3]),
        pd.DataFrame([good] * 3).assign(subject=[None, np.nan, pd.NA]),
        pd.DataFrame([[good["subject"], good["at"], good["rule"]]] * 2, columns=["subject", "subject", "rule"]),
        pd.DataFrame({0: ["a"], "at": ["2026-10-12"], "rule": ["x"]}),
        pd.DataFrame([good] * 2).set_index(pd.MultiIndex.from_tuples([(1, 2), (3, 4)])),
        pd.DataFrame([good] * 2).assign(at=pd.to_datetime(["2026-10-12", "2026-10-13"]).tz_localize("Asia/Shanghai")),
    ]
    for frame in frames:
        call(lambda: s2.assess(frame, period="2026-10"))
    out = s2.assess(frames[0], period="2026-10")
    assert [e.row for e in out.errors] == [1, 3]   # NaT, and a year datetime cannot hold
