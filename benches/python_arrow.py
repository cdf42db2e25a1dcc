"""The Python binding's own Arrow rows of the peer harness, alone (issue #16): `due_many`
from numpy and from an Arrow table (answering numpy or Arrow) and `assess` from an Arrow table
of dictionary-encoded texts, one thread, on the harness's seeded rows — without installing the
peers or running the engines, so one change can be timed in a minute.

    python benches/python_arrow.py [--rows N] [--incidents N] [--repeat K]

Run with the Python that has the zhidu wheel and pyarrow installed (bindings/python/.venv).
Rates are per CPU-second of the process (best of the runs) and by the wall clock, as in
benches/RESULTS.md. Numbers are measured, never asserted.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "peers"))

import arrow_engines  # noqa: E402
import peers  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--incidents", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--seed", type=int, default=20261001)
    args = ap.parse_args()
    import zhidu

    starts, days = peers.due_rows(args.rows, args.seed)
    incidents = peers.incident_rows(args.incidents, args.seed + 1)
    got = arrow_engines.measure(zhidu, starts, days, incidents, args.repeat,
                                lambda m: print(m, file=sys.stderr, flush=True), engines=False)
    print(f"zhidu `due_many` (numpy datetime64[D], 1 thread): {got.get('due_numpy', 0) / 1e6:.1f} M rows/s (CPU)")
    for name, _host, n, cpu, wall, note in got["rows"]:
        print(f"{name}: {n:,} rows, {cpu / 1e6:.2f} M/s (CPU), {wall / 1e6:.2f} M/s (wall); {note}")
    for note in got["notes"]:
        print(f"note: {note}")


if __name__ == "__main__":
    main()
