#!/usr/bin/env python3
"""Generate policies/calendars/cn-lunar.tsv: the lunar and solar-term dates the statute needs.

Why this exists: past the last State Council notice, zhidu derives a provisional year from
《全国年节及纪念日放假办法》, whose days off are fixed by the lunar calendar (除夕 and 正月初一
for 春节, 五月初五 for 端午, 八月十五 for 中秋) and by a solar term (清明). zhidu has no runtime
dependency for that: the dates are a table checked into the repository, and this script makes
it from two independent sources that must agree on every date:

    source A  lunar-python (6tail): the 寿星天文历 astronomical algorithm, for every column;
    source B  ephem (XEphem: VSOP87 sun, its own moon theory), for every column: new moons
              and principal terms (中气) as instants, taken as dates in UTC+8; a lunar month
              runs from a new-moon day to the day before the next, the month holding 冬至
              is 十一月, and of 13 months between two 十一月s the first holding no 中气 is
              the leap month; 清明 is the day the sun reaches 15°.

Any date on which A and B differ stops the script with an error; nothing is written.

    python3 policies/calendars/lunar.py > policies/calendars/cn-lunar.tsv

The script installs the sources into a temporary virtual environment of its own (they are not
a dependency of the project) and re-runs itself there. Needs Python 3.9+ and access to PyPI.
Output: TSV `year, chuxi, chunjie, qingming, duanwu, zhongqiu`, one row per Gregorian year
2008–2100, deterministic.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile

FIRST_YEAR = 2008
LAST_YEAR = 2100
PINS = ["lunar-python==1.4.8", "ephem==4.2.1"]
MARK = "ZHIDU_LUNAR_VENV"


def fail(message: str) -> None:
    print(f"lunar.py: error: {message}", file=sys.stderr)
    sys.exit(1)


def reexec_in_venv() -> int:
    with tempfile.TemporaryDirectory(prefix="zhidu-lunar-") as tmp:
        subprocess.run([sys.executable, "-m", "venv", tmp], check=True)
        py = os.path.join(tmp, "bin", "python")
        subprocess.run([py, "-m", "pip", "install", "-q", *PINS], check=True, stdout=sys.stderr)
        env = dict(os.environ, **{MARK: "1"})
        return subprocess.run([py, os.path.abspath(__file__), *sys.argv[1:]], env=env).returncode


def source_a(year: int) -> dict[str, dt.date]:
    from lunar_python import Lunar, Solar

    def d(s) -> dt.date:  # a lunar_python Solar
        return dt.date(s.getYear(), s.getMonth(), s.getDay())

    chunjie = d(Lunar.fromYmd(year, 1, 1).getSolar())
    return {
        "chuxi": chunjie - dt.timedelta(days=1),
        "chunjie": chunjie,
        "qingming": d(Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable()["清明"]),
        "duanwu": d(Lunar.fromYmd(year, 5, 5).getSolar()),
        "zhongqiu": d(Lunar.fromYmd(year, 8, 15).getSolar()),
    }


def crossing(near: dt.date, target: float):
    """The instant (an ephem date) the sun's apparent ecliptic longitude of date reaches
    `target` degrees, searched within eight days either side of `near`."""
    import math

    import ephem

    def behind(t: float) -> float:  # degrees still to go, in (-180, 180]
        sun = ephem.Sun(ephem.Date(t))
        eq = ephem.Equatorial(sun.g_ra, sun.g_dec, epoch=ephem.Date(t))
        lon = math.degrees(float(ephem.Ecliptic(eq).lon))
        return (target - lon + 180.0) % 360.0 - 180.0

    mid = float(ephem.Date(dt.datetime(near.year, near.month, near.day)))
    lo, hi = mid - 8.0, mid + 8.0
    if not (behind(lo) > 0 > behind(hi)):
        fail(f"the sun does not reach {target}° within eight days of {near}")
    for _ in range(60):  # bisection to well under a second
        m = (lo + hi) / 2
        if behind(m) > 0:
            lo = m
        else:
            hi = m
    return hi


def local_date(t) -> dt.date:
    import ephem

    return (ephem.Date(t).datetime() + dt.timedelta(hours=8)).date()


def new_moon_days(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every new-moon day (UTC+8) from the one on or before `first` to the one after `last`."""
    import ephem

    t = ephem.previous_new_moon(ephem.Date(dt.datetime(first.year, first.month, first.day) + dt.timedelta(hours=16)))
    out = [local_date(t)]
    while out[-1] <= last:
        t = ephem.next_new_moon(ephem.Date(t + 1))
        out.append(local_date(t))
    return out


def lunar_months(year: int) -> dict[tuple[int, bool], dt.date]:
    """First days of the lunar months from the 十一月 holding 冬至 of `year - 1` to the one
    holding 冬至 of `year`, by (month number, leap). The month holding 冬至 is 十一月; when 13
    months run from one 十一月 to the next, the first of them holding no principal term (中气)
    is the leap month and repeats the number before it."""
    ws0 = local_date(crossing(dt.date(year - 1, 12, 21), 270.0))
    ws1 = local_date(crossing(dt.date(year, 12, 21), 270.0))
    zhongqi = [ws0] + [
        local_date(crossing(dt.date(year - 1, 12, 21) + dt.timedelta(days=round(30.44 * k)), (270.0 + 30.0 * k) % 360.0))
        for k in range(1, 12)
    ] + [ws1]
    moons = new_moon_days(ws0, ws1)
    # starts[i]: first day of month i; the span runs from the month holding ws0 to the one holding ws1.
    i0 = max(i for i, d in enumerate(moons) if d <= ws0)
    i1 = max(i for i, d in enumerate(moons) if d <= ws1)
    starts = moons[i0 : i1 + 1]
    ends = [b - dt.timedelta(days=1) for b in moons[i0 + 1 : i1 + 2]]
    leap_at = None
    if len(starts) == 14:  # 13 months between the two 十一月s
        for i in range(1, 13):
            if not any(starts[i] <= z <= ends[i] for z in zhongqi):
                leap_at = i
                break
        if leap_at is None:
            fail(f"{year}: 13 months between the 十一月s but none without a principal term")
    elif len(starts) != 13:
        fail(f"{year}: {len(starts) - 1} months between the 十一月s")
    out: dict[tuple[int, bool], dt.date] = {}
    number = 11
    for i, start in enumerate(starts[:-1]):
        if i == leap_at:
            out[(number, True)] = start
            continue
        if i > 0:
            number = number % 12 + 1
        out[(number, False)] = start
    return out


def source_b(year: int) -> dict[str, dt.date]:
    months = lunar_months(year)
    chunjie = months[(1, False)]
    return {
        "chuxi": chunjie - dt.timedelta(days=1),
        "chunjie": chunjie,
        "qingming": local_date(crossing(dt.date(year, 4, 5), 15.0)),
        "duanwu": months[(5, False)] + dt.timedelta(days=4),
        "zhongqiu": months[(8, False)] + dt.timedelta(days=14),
    }


COLUMNS = ["chuxi", "chunjie", "qingming", "duanwu", "zhongqiu"]


def main() -> int:
    if os.environ.get(MARK) != "1":
        return reexec_in_venv()
    rows = []
    disagreements = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        a, b = source_a(year), source_b(year)
        for col in COLUMNS:
            if a[col] != b[col]:
                disagreements.append(f"{year} {col}: lunar-python {a[col]}, other source {b[col]}")
            if a[col].year != year:
                fail(f"{year} {col}: {a[col]} is not in {year}")
        rows.append([str(year)] + [a[c].isoformat() for c in COLUMNS])
    if disagreements:
        fail("the sources disagree:\n  " + "\n  ".join(disagreements))
    sys.stdout.reconfigure(encoding="utf-8", newline="\n")
    print("# Generated by policies/calendars/lunar.py — do not edit by hand.")
    print("# Two sources agreeing date by date: lunar-python 1.4.8 (寿星天文历 algorithm) and")
    print("# ephem 4.2.1 (new moons and solar longitudes, dates in UTC+8).")
    print("\t".join(["year", *COLUMNS]))
    for row in rows:
        print("\t".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
