#!/usr/bin/env python3
"""Generate policies/calendars/cn-mainland.toml from the State Council holiday data.

Why this exists: the shipped calendar must be auditable against its source. Every
holiday and make-up working day (调休上班) in cn-mainland.toml comes from
cn-holidays.tsv, which transcribes the State Council General Office notices
(国务院办公厅关于YYYY年部分节假日安排的通知). Nobody edits the TOML by hand:
when a new year's notice is published, add its rows to the TSV and regenerate:

    python3 policies/calendars/generate.py [PATH/TO/cn-holidays.tsv] \\
        > policies/calendars/cn-mainland.toml

(the TSV defaults to policies/calendars/cn-holidays.tsv, the copy checked in beside this
script, so a clean checkout regenerates the shipped calendar byte for byte; the Rust suite
checks that it does).

Input: a TSV with header `date<TAB>kind<TAB>name`, kind `holiday` or `workday`,
name like `National Day (国庆节)`. Output: TOML 1.0 on stdout, deterministic
(the same input always gives the same bytes). Python 3.11 standard library only.

Grouping: each row belongs to the notice of the festival occurrence it serves.
That is the row's calendar year, except New Year's Day (元旦) rows dated in
December, which serve the next 1 January and are announced in the next year's
notice (e.g. 2006-12-30 workday → 2007 notice). Any other cross-year row is not
guessed: the consistency checks below reject it, so the rule must be extended.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import sys
from collections import defaultdict

CALENDAR_ID = "cn-mainland"
NEW_YEAR = "元旦"
ANTI_FASCIST_70 = "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日"
SPRING_FESTIVAL = "春节"

# The 2015 commemoration day had its own notice from the State Council itself.
ANTI_FASCIST_70_NOTICE = "国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知"
# The 2020 Spring Festival was extended by a later notice (国办发明电〔2020〕1号).
SPRING_2020_EXTENSION_NOTICE = "国务院办公厅关于延长2020年春节假期的通知"
SPRING_2020_EXTENSION_DAYS = {dt.date(2020, 1, 31), dt.date(2020, 2, 1), dt.date(2020, 2, 2)}

# Past the last notice, provisional years are derived from the statute (statute.toml.in, copied
# into the output) up to this year, the last of the lunar table cn-lunar.tsv.
PROVISIONAL_UNTIL = 2100
STATUTE_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "statute.toml.in")

# A festival occurrence (holidays plus its make-up days) never spans more than this.
MAX_FESTIVAL_SPAN_DAYS = 45

NAME_RE = re.compile(r"^(?P<en>.+?) \((?P<zh>[^()]+)\)$")
KINDS = ("holiday", "workday")


def fail(message: str) -> None:
    print(f"generate.py: error: {message}", file=sys.stderr)
    sys.exit(1)


def year_notice(year: int) -> str:
    return f"国务院办公厅关于{year}年部分节假日安排的通知"


def notice_year(date: dt.date, name_zh: str) -> int:
    """The year of the notice that announced this row."""
    if name_zh == NEW_YEAR and date.month == 12:
        return date.year + 1
    return date.year


def toml_str(value: str) -> str:
    out = []
    for ch in value:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def toml_dates(dates: list[dt.date]) -> str:
    return "[" + ", ".join(d.isoformat() for d in dates) + "]"


class Festival:
    def __init__(self, name_zh: str, name_en: str) -> None:
        self.name_zh = name_zh
        self.name_en = name_en
        self.holidays: list[dt.date] = []
        self.workdays: list[dt.date] = []

    def dates(self) -> list[dt.date]:
        return self.holidays + self.workdays

    def first(self) -> dt.date:
        return min(self.dates())


def read_rows(path: str) -> list[tuple[dt.date, str, str, str]]:
    rows = []
    seen: dict[dt.date, int] = {}
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t")
        header = next(reader, None)
        if header != ["date", "kind", "name"]:
            fail(f"{path}: header must be `date<TAB>kind<TAB>name`, found {header!r}")
        for lineno, row in enumerate(reader, start=2):
            if not row:
                continue
            if len(row) != 3:
                fail(f"{path}:{lineno}: expected 3 fields, found {len(row)}")
            raw_date, kind, name = row
            try:
                date = dt.date.fromisoformat(raw_date)
            except ValueError:
                fail(f"{path}:{lineno}: bad date `{raw_date}`")
            if kind not in KINDS:
                fail(f"{path}:{lineno}: kind must be `holiday` or `workday`, found `{kind}`")
            m = NAME_RE.match(name)
            if m is None:
                fail(f"{path}:{lineno}: name must look like `English (中文)`, found `{name}`")
            if date in seen:
                fail(f"{path}:{lineno}: date {date} already listed on line {seen[date]}")
            seen[date] = lineno
            rows.append((date, kind, m["zh"], m["en"]))
    if not rows:
        fail(f"{path}: no rows")
    return rows


def group(rows: list[tuple[dt.date, str, str, str]]) -> dict[int, list[Festival]]:
    by_key: dict[tuple[int, str], Festival] = {}
    for date, kind, name_zh, name_en in rows:
        key = (notice_year(date, name_zh), name_zh)
        fest = by_key.get(key)
        if fest is None:
            fest = by_key[key] = Festival(name_zh, name_en)
        elif fest.name_en != name_en:
            fail(f"{name_zh}: two English names, `{fest.name_en}` and `{name_en}`")
        (fest.holidays if kind == "holiday" else fest.workdays).append(date)

    years: dict[int, list[Festival]] = defaultdict(list)
    for (year, name_zh), fest in by_key.items():
        fest.holidays.sort()
        fest.workdays.sort()
        if not fest.holidays:
            fail(f"{year} {name_zh}: make-up workdays but no holiday")
        span = (max(fest.dates()) - min(fest.dates())).days
        if span > MAX_FESTIVAL_SPAN_DAYS:
            fail(
                f"{year} {name_zh}: dates span {span} days "
                f"({min(fest.dates())} to {max(fest.dates())}); "
                "a cross-year row the grouping rule does not know about?"
            )
        if not any(d.year == year for d in fest.holidays):
            fail(f"{year} {name_zh}: no holiday falls in the notice year")
        if name_zh == NEW_YEAR and dt.date(year, 1, 1) not in fest.holidays:
            fail(f"{year} {NEW_YEAR}: 1 January is not listed as a holiday")
        years[year].append(fest)
    for fests in years.values():
        fests.sort(key=lambda f: (f.first(), f.name_zh))
    return years


def festival_notice(year: int, fest: Festival) -> tuple[str | None, list[str]]:
    """A festival-level notice where it differs from the year's, with comment lines."""
    if year == 2015 and fest.name_zh == ANTI_FASCIST_70:
        return ANTI_FASCIST_70_NOTICE, []
    if year == 2020 and fest.name_zh == SPRING_FESTIVAL:
        if SPRING_2020_EXTENSION_DAYS <= set(fest.holidays):
            return SPRING_2020_EXTENSION_NOTICE, [
                f"# 01-24..01-30 and the 01-19 make-up day are from {year_notice(2020)};",
                f"# {SPRING_2020_EXTENSION_NOTICE} (国办发明电〔2020〕1号) extended the",
                "# holiday to 02-02 (01-31, 02-01, 02-02), so 02-01 is no longer a make-up day.",
            ]
    return None, []


def cross_year_comment(year: int, fest: Festival) -> list[str]:
    def fmt(label: str, dates: list[dt.date]) -> str:
        return f"{label}{'s' if len(dates) > 1 else ''} " + ", ".join(d.isoformat() for d in dates)

    early_h = [d for d in fest.holidays if d.year != year]
    early_w = [d for d in fest.workdays if d.year != year]
    parts = []
    if early_h:
        parts.append(fmt("holiday", early_h))
    if early_w:
        parts.append(fmt("make-up workday", early_w))
    if not parts:
        return []
    return [f"# Cross-year, announced in the {year} notice for {fest.name_zh} {year}: {'; '.join(parts)}."]


def render(years: dict[int, list[Festival]], source_name: str) -> str:
    first_year, last_year = min(years), max(years)
    missing = [y for y in range(first_year, last_year + 1) if y not in years]
    if missing:
        fail(f"no rows for year(s) {', '.join(map(str, missing))}")
    span = f"{first_year}–{last_year}"
    out = [
        # The schema directive (taplo / Even Better TOML) comes first: editors read it there.
        "#:schema ../schema/calendar.json",
        f"# Generated by policies/calendars/generate.py from {source_name} — do not edit by hand.",
        f"# 中国大陆法定节假日与调休安排 {span}, one [[year]] per State Council notice year.",
        "",
        "[calendar]",
        f"id = {toml_str(CALENDAR_ID)}",
        f"name = {toml_str('中国大陆法定节假日与调休 (mainland China statutory holidays and make-up working days)')}",
        'utc_offset = "+08:00"',
        f"first_year = {first_year}",
        f"last_year = {last_year}",
        'weekend = ["saturday", "sunday"]',
        "source = "
        + toml_str(
            "国务院办公厅关于各年部分节假日安排的通知 "
            f"(State Council General Office notices on holiday arrangements), {span}"
        ),
        # Keys in the loader's order, the layout `zhidu fmt` keeps.
        f"provisional_until = {PROVISIONAL_UNTIL}",
    ]
    for year in sorted(years, reverse=True):
        out += ["", "[[year]]", f"year = {year}", f"notice = {toml_str(year_notice(year))}"]
        for fest in years[year]:
            notice, notice_comment = festival_notice(year, fest)
            out += ["", *cross_year_comment(year, fest), "[[year.festival]]"]
            out.append(f"name = {toml_str(fest.name_zh)}")
            out.append(f"name_en = {toml_str(fest.name_en)}")
            if notice is not None:
                out += notice_comment
                out.append(f"notice = {toml_str(notice)}")
            out.append(f"holidays = {toml_dates(fest.holidays)}")
            if fest.workdays:
                out.append(f"workdays = {toml_dates(fest.workdays)}")
    out += ["", f"# ---- copied from {os.path.basename(STATUTE_FILE)} ----", ""]
    with open(STATUTE_FILE, encoding="utf-8") as f:
        out.append(f.read().rstrip("\n"))
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) > 2:
        print(f"usage: {os.path.basename(argv[0])} [PATH/TO/cn-holidays.tsv] > cn-mainland.toml", file=sys.stderr)
        return 2
    here = os.path.dirname(os.path.abspath(__file__))
    path = argv[1] if len(argv) == 2 else os.path.join(here, "cn-holidays.tsv")
    years = group(read_rows(path))
    sys.stdout.reconfigure(encoding="utf-8", newline="\n")
    sys.stdout.write(render(years, os.path.basename(path)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
