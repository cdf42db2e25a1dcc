"""Benchmark: a scorecard's lines in Python (issue #14 point 10).

    bindings/python/.venv/bin/python benches/python_lines.py [--lines N]

Scores N incidents of one person (one line each) and times, in wall-clock seconds:
`card.lines` on first access and on a second access (kept since issue #14, rebuilt on every
access before), and `zhidu.pandas.lines_frame` (every card's lines as one DataFrame, built in
Rust without a dict per line). Numbers are measured, never asserted.
"""

from __future__ import annotations

import argparse
import time

import pandas as pd

import zhidu
import zhidu.pandas as zpd


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=1_000_000)
    n = parser.parse_args().lines
    s14 = zhidu.PolicySet.builtin().policy("s14-window-scorecard")
    frame = pd.DataFrame({
        "subject": ["张三"] * n,
        "window": ["W01"] * n,
        "at": pd.Timestamp("2026-10-09") + pd.to_timedelta(pd.RangeIndex(n) % 20, unit="D"),
        "rule": ["S14.att.1a"] * n,
    })
    t = time.perf_counter()
    cards = s14.assess(frame, period="2026-10")
    print(f"assess {n} incidents: {time.perf_counter() - t:.2f} s")
    card = cards.card("张三")
    assert card is not None
    for access in ("first", "second"):
        t = time.perf_counter()
        lines = card.lines
        print(f"card.lines, {access} access: {time.perf_counter() - t:.2f} s ({len(lines)} lines)")
    t = time.perf_counter()
    table = zpd.lines_frame(cards)
    print(f"lines_frame: {time.perf_counter() - t:.2f} s {table.shape}")


if __name__ == "__main__":
    main()
