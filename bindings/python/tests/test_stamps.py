"""Every answer names the rules that gave it (issue #17, point 5): list answers are
``zhidu.StampedList``s, single answers have ``.stamp``, pandas frames ``attrs["zhidu_stamp"]``;
each stamp equals ``policy.stamp`` and its hash is the set's content hash, recomputed here
from the policy files with hashlib."""

from __future__ import annotations

import copy
import csv
import hashlib
import json
import pathlib
import pickle
import sys
from typing import Any, Dict, List

import pytest

import zhidu

ROOT = pathlib.Path(__file__).resolve().parents[3]
MONTH = ROOT / "examples" / "2026-10"
AS_OF = "2026-10-31T18:00:00+08:00"


def rows(name: str) -> List[Dict[str, Any]]:
    with open(MONTH / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def cases() -> List[str]:
    return (MONTH / "cases.jsonl").read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def s2() -> zhidu.Policy:
    return zhidu.PolicySet.builtin().policy("s2-service-center")


@pytest.fixture(scope="module")
def files_hash() -> str:
    """The content hash by its definition: the sorted SHA-256 hex digests of the policy
    files, one a line, hashed."""
    files = sorted((ROOT / "policies").rglob("*.toml"))
    digests = sorted(hashlib.sha256(p.read_bytes()).hexdigest() for p in files)
    return hashlib.sha256("".join(d + "\n" for d in digests).encode()).hexdigest()


def assert_stamp(stamp: Dict[str, Any], policy: zhidu.Policy, files_hash: str) -> None:
    assert stamp == policy.stamp
    assert stamp["hash"] == files_hash


def test_case_statuses_are_a_stamped_list_of_stamped_statuses(
    s2: zhidu.Policy, files_hash: str
) -> None:
    statuses = s2.case_statuses(cases(), AS_OF)
    assert isinstance(statuses, zhidu.StampedList) and isinstance(statuses, list)
    assert_stamp(statuses.stamp, s2, files_hash)
    assert len(statuses) == len(cases())
    assert all(s is None or s.stamp == s2.stamp for s in statuses)
    # errors="collect": the list of the pair carries it too.
    collected, errors = s2.case_statuses(cases() + ["{}"], AS_OF, errors="collect")
    assert_stamp(collected.stamp, s2, files_hash)
    assert len(errors) == 1 and collected[-1] is None


def test_single_answers_carry_the_stamp(s2: zhidu.Policy, files_hash: str) -> None:
    case = json.loads(cases()[0])
    assert_stamp(s2.case_status(case, AS_OF).stamp, s2, files_hash)
    due = s2.due("promised", "2026-09-30T10:00:00+08:00", days=5)
    assert due.due_date.isoformat() == "2026-10-13"
    assert_stamp(due.stamp, s2, files_hash)
    explanation = due.explanation
    assert explanation is not None
    assert_stamp(explanation.stamp, s2, files_hash)
    assert_stamp(explanation.due.stamp, s2, files_hash)
    assert_stamp(s2.explain("promised", "2026-09-30", days=5).stamp, s2, files_hash)
    assert_stamp(s2.explain_case(case, AS_OF).stamp, s2, files_hash)


def test_rankings_are_stamped_lists(files_hash: str) -> None:
    s14 = zhidu.PolicySet.builtin().policy("s14-window-scorecard")
    incidents = [
        {"subject": "张三", "window": "W01", "at": "2026-10-09", "rule": "S14.att.1a"},
        {"subject": "李四", "window": "W02", "at": "2026-10-10", "rule": "S14.att.1a"},
    ]
    a = s14.assess(incidents, "2026-10")
    for ranks in (a.rank(), s14.rank(a)):
        assert isinstance(ranks, zhidu.StampedList)
        assert_stamp(ranks.stamp, s14, files_hash)
        assert {r.window for r in ranks} == {"W01", "W02"}


def test_due_many_is_a_stamped_list_without_numpy(
    s2: zhidu.Policy, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime

    # With numpy the answer is a bare ndarray (it cannot carry an attribute); without it, a
    # list: ``None`` in sys.modules makes ``import numpy`` fail as if it were not installed.
    monkeypatch.setitem(sys.modules, "numpy", None)
    dates = s2.due_many("promised", ["2026-09-30T10:00:00+08:00"], days=5)
    assert isinstance(dates, zhidu.StampedList)
    assert dates == [datetime.date(2026, 10, 13)]
    assert dates.stamp == s2.stamp


def test_a_stamped_list_is_a_list_in_every_other_way(s2: zhidu.Policy) -> None:
    answer = zhidu.StampedList([1, 2, 3], s2.stamp)
    assert answer == [1, 2, 3] and [1, 2, 3] == answer
    assert repr(answer) == "[1, 2, 3]" and str(answer) == "[1, 2, 3]"
    assert json.dumps(answer) == "[1, 2, 3]"
    for again in (
        pickle.loads(pickle.dumps(answer)),
        copy.copy(answer),
        copy.deepcopy(answer),
    ):
        assert type(again) is zhidu.StampedList
        assert again == answer and again.stamp == s2.stamp
    # Read-only: no setter, no other attributes, and the dict handed out is a copy.
    with pytest.raises(AttributeError):
        answer.stamp = {}  # type: ignore[misc]
    with pytest.raises(AttributeError):
        answer.other = 1  # type: ignore[attr-defined]
    answer.stamp["hash"] = "edited"
    assert answer.stamp == s2.stamp
    # A part is not the answer the stamp vouches for.
    assert type(answer[:2]) is list and type(answer + [4]) is list


def test_pandas_frames_keep_the_stamp_in_attrs(s2: zhidu.Policy, files_hash: str) -> None:
    pytest.importorskip("pandas")
    import zhidu.pandas as zpd

    a = s2.assess(rows("incidents.csv"), "2026-10")
    frames = [
        zpd.due_frame(s2, "promised", ["2026-09-30"], [5]),
        zpd.case_frame(s2, cases(), AS_OF),
        zpd.scorecard_frame(a),
        zpd.lines_frame(a),
        zpd.rank_frame(a),
        zpd.decision_frame(s2.decide(rows("violations.csv"))),
    ]
    for frame in frames:
        assert_stamp(frame.attrs["zhidu_stamp"], s2, files_hash)


def test_dict_answers_have_a_stamp_key_as_the_cli_json(files_hash: str) -> None:
    s = zhidu.PolicySet.builtin()
    windows = [{"window": w} for w in "ABCDEF"]
    answers = [
        ("s4-duty-rota", s.policy("s4-duty-rota").rota(2026, windows=windows)),
        ("s4-duty-rota", s.policy("s4-duty-rota").patrol_failures("2026-03", [], windows=windows)),
        ("s1-window-it", s.policy("s1-window-it").obligations("2026-10")),
        ("s8-investment-centre", s.policy("s8-investment-centre").triggers([])),
        ("s8-investment-centre", s.policy("s8-investment-centre").subsidies([])),
        ("s14-window-scorecard", s.policy("s14-window-scorecard").flow_findings([])),
    ]
    for policy, answer in answers:
        assert list(answer)[-1] == "stamp"
        assert_stamp(answer["stamp"], s.policy(policy), files_hash)
