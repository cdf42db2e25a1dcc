#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, extracted from the policies, the example month and the
conformance corpus (tests/cases/), in the input formats of fuzz/src/entries.rs.

    python3 fuzz/seeds.py [OUT]        # default OUT: fuzz/corpus (git-ignored)

Writes OUT/<target>/<name> for loader, csv_rows, jsonl_rows, assess, decide and kinds (row_schema and
clock take `arbitrary` bytes and start from the curated seeds in fuzz/regressions/). Python
3.11 standard library only; deterministic (names are content hashes).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INCIDENT_COLUMNS = ["subject", "window", "at", "rule", "quantity", "points", "note", "ref", "basis", "case", "department"]
VIOLATION_COLUMNS = ["subject", "at", "violation", "flags", "note", "window", "department"]


def write(out: Path, target: str, data: bytes) -> None:
    d = out / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


def text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return ";".join(text(x) for x in v)
    return str(v)


def to_csv(rows: list[dict], preferred: list[str]) -> str:
    keys = [k for k in preferred if any(k in r for r in rows)]
    keys += sorted({k for r in rows for k in r} - set(keys))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(keys)
    for r in rows:
        w.writerow([text(r.get(k)) for k in keys])
    return buf.getvalue()


def jsonable(v):
    if isinstance(v, dict):
        return {k: jsonable(x) for k, x in v.items()}
    if isinstance(v, list):
        return [jsonable(x) for x in v]
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return v


def to_jsonl(rows: list[dict]) -> str:
    return "".join(json.dumps(jsonable(r), ensure_ascii=False) + "\n" for r in rows)


# The `kinds` target: `KIND POLICY [ARG]`, then the rows (JSON Lines, and CSV when flat).
KIND_ROWS = {
    "access": ("requests", None), "retention": ("records", "as_of"), "triggers": ("facts", None),
    "flow": ("cases", None), "patrols": ("log", "period"), "obligations": ("log", "period"),
    "subsidies": ("trainees", None), "rota": ("away", "year"),
}


def kinds_seed(out: Path, case: dict, inp: dict) -> None:
    kind = case.get("kind")
    if kind not in KIND_ROWS or inp.get("files"):
        return
    key, arg = KIND_ROWS[kind]
    rows = inp.get(key) or []
    head = f"{kind} {case.get('policy', 's2-service-center')}"
    if arg and arg in inp:
        head += f" {jsonable(inp[arg])}"
    write(out, "kinds", (head + "\n" + to_jsonl(rows)).encode())
    if rows and all(not isinstance(v, (dict, list)) for r in rows for v in r.values()):
        write(out, "kinds", (head + "\n" + to_csv(rows, [])).encode())


def sample_lines(data: bytes, stride: int = 25) -> bytes:
    """Every `stride`-th line, plus the first line with each class and each event kind not yet
    taken. The example month's case log is 695 KB; whole, it made libFuzzer's `max_len` 726 KB,
    so every mutation of it was a new 700 KB corpus file (300 MB in minutes) for rows that
    repeat. A 30 KB sample keeps every class and event kind and a corpus small enough to keep."""
    kept, seen = [], set()
    for n, line in enumerate(data.splitlines(keepends=True)):
        row = json.loads(line)
        keys = {("class", row.get("class"))} | {("event", e.get("kind")) for e in row.get("events", [])}
        if n % stride == 0 or not keys <= seen:
            kept.append(line)
            seen |= keys
    return b"".join(kept)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "fuzz" / "corpus"
    for f in sorted((ROOT / "policies").rglob("*.toml")):
        write(out, "loader", f.read_bytes())
    ex = ROOT / "examples" / "2026-10"
    write(out, "csv_rows", b"incident\n" + (ex / "incidents.csv").read_bytes())
    write(out, "csv_rows", b"violation\n" + (ex / "violations.csv").read_bytes())
    write(out, "csv_rows", b"roster\n" + (ex / "roster.csv").read_bytes())
    month_cases = sample_lines((ex / "cases.jsonl").read_bytes())
    write(out, "jsonl_rows", b"case\n" + month_cases)
    write(out, "assess", b"s2-service-center 2026-10\n" + (ex / "incidents.csv").read_bytes()
          + b"\0" + (ex / "roster.csv").read_bytes() + b"\0" + month_cases)
    write(out, "decide", b"s2-service-center\n" + (ex / "violations.csv").read_bytes())
    n = 0
    for f in sorted((ROOT / "tests" / "cases").rglob("*.toml")):
        case = tomllib.loads(f.read_text(encoding="utf-8"))
        inp = case.get("input", {})
        for body in (inp.get("files") or {}).values():
            write(out, "loader", body.encode())
        policy = case.get("policy", "s2-service-center")
        incidents = inp.get("incidents")
        if incidents:
            body = to_csv(incidents, INCIDENT_COLUMNS)
            write(out, "csv_rows", ("incident\n" + body).encode())
            write(out, "jsonl_rows", ("incident\n" + to_jsonl(incidents)).encode())
            if case.get("kind") == "assess" and not inp.get("files"):
                data = f"{policy} {inp.get('period', '2026-10')}\n{body}"
                roster = inp.get("roster")
                cases = inp.get("cases")
                if roster or cases:
                    data += "\0" + to_csv(roster or [], ["subject", "window"])
                if cases:
                    data += "\0" + to_jsonl(cases)
                write(out, "assess", data.encode())
        violations = inp.get("violations")
        if violations:
            body = to_csv(violations, VIOLATION_COLUMNS)
            write(out, "csv_rows", ("violation\n" + body).encode())
            if not inp.get("files"):
                as_of = inp.get("as_of")
                head = policy + (f" {jsonable(as_of)}" if as_of else "")
                write(out, "decide", f"{head}\n{body}".encode())
        cases = inp.get("cases") or ([inp["case"]] if "case" in inp else [])
        if cases:
            write(out, "jsonl_rows", ("case\n" + to_jsonl(cases)).encode())
            events = [e for c in cases if isinstance(c, dict) for e in c.get("events", []) if isinstance(e, dict)]
            if events:
                write(out, "jsonl_rows", ("event\n" + to_jsonl(events)).encode())
                write(out, "csv_rows", ("event\n" + to_csv(events, ["kind", "at", "reason", "days"])).encode())
        kinds_seed(out, case, inp)
        n += 1
    counts = {d.name: len(list(d.iterdir())) for d in sorted(out.iterdir()) if d.is_dir()}
    print(f"{n} conformance cases read; seeds: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
