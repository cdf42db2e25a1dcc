"""Hostile inputs: whatever is passed, only zhidu exceptions come out (never a
PanicException, TypeError or anything else)."""

from __future__ import annotations

import datetime as dt
import math
import random
import string
import warnings
from typing import Any, Callable, List

import numpy as np
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
