"""One Python call of zhidu at a time, for `valgrind --tool=callgrind` (instruction counts do
not depend on the machine's load, so two builds compare exactly on a shared machine):

    valgrind --tool=callgrind --toggle-collect='*__pymethod_assess__*' \\
        python benches/python_instructions.py assess-df 50000
    valgrind --tool=callgrind --toggle-collect='*__pymethod_assess__*' \\
        python benches/python_instructions.py assess-dicts 50000
    valgrind --tool=callgrind --toggle-collect='*__pymethod_due__*' \\
        python benches/python_instructions.py due 20000
    ZHIDU_THREADS=1 valgrind --tool=callgrind --toggle-collect='*__pymethod_due_many__*' \\
        python benches/python_instructions.py due-many 200000

`assess-df` and `assess-dicts` score the incidents of `python_assess.py` (a DataFrame with a
datetime64 `at`, or its rows as dicts with ISO `at` texts), lines off; `due` is one `due()`
call per row (a `datetime.date` and an int); `due-many` one `due_many` over datetime64[D] and
int32 columns. Only the native method is counted (the toggle), so the setup is not; divide
by the rows.
"""

from __future__ import annotations

import datetime as dt
import os
import sys

import zhidu

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def main() -> None:
    what, n = sys.argv[1], int(sys.argv[2])
    if what.startswith("assess"):
        from python_assess import incidents

        p = zhidu.PolicySet.builtin().policy("s14-window-scorecard")
        df = incidents(n, p.deduction_table())
        rows = df
        if what == "assess-dicts":
            rows = df.assign(at=df["at"].dt.strftime("%Y-%m-%dT%H:%M:%S")).to_dict("records")
            for r in rows:
                if r["points"] != r["points"]:
                    del r["points"]
        assert not p.assess(rows, period="2026-10", lines=False).errors
    elif what == "due":
        p = zhidu.PolicySet.builtin().policy("s2-service-center")
        days = [dt.date(2024, 1, 1) + dt.timedelta(days=i % 1000) for i in range(n)]
        for i, d in enumerate(days):
            p.due("promised", d, 1 + i % 20)
    elif what == "due-many":
        import numpy as np

        p = zhidu.PolicySet.builtin().policy("s2-service-center")
        rng = np.random.default_rng(1)
        starts = np.datetime64("2024-01-01") + rng.integers(0, 1000, n).astype("timedelta64[D]")
        p.due_many("promised", starts, rng.integers(1, 21, n).astype(np.int32))
    else:
        raise SystemExit(f"unknown {what!r}: assess-df, assess-dicts, due or due-many")


if __name__ == "__main__":
    main()
