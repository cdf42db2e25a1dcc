"""``card.lines`` is built with the cyclic collector paused (its cost on a large card), and
the collector is on again afterwards, or stays off when the caller had turned it off."""

import gc

import zhidu


def _card():
    s14 = zhidu.PolicySet.builtin().policy("s14-window-scorecard")
    rows = [{"subject": "张三", "window": "W01", "at": "2026-10-09", "rule": "S14.att.1a"}] * 3
    return s14.assess(rows, period="2026-10").card("张三")


def test_the_collector_is_on_again_after_lines():
    assert gc.isenabled()
    card = _card()
    # S14.att.1a, seed L903: 上班迟到或下班早退的，每人次扣1分 — three lines of −1.
    assert [line["points"] for line in card.lines] == [-1, -1, -1]
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off():
    gc.disable()
    try:
        assert len(_card().lines) == 3
        assert not gc.isenabled()
    finally:
        gc.enable()
