#!/usr/bin/env python3
"""Validate the shipped policies and example inputs against the shipped JSON Schemas.

    python3 tests/schema/validate.py ZHIDU_BINARY

Run by tests/suites/schema.sh (which installs `jsonschema`). Checks, each counted and printed:

1. every shipped policy, calendar and notice file declares its schema (`#:schema …` first
   line) and validates against it; `zhidu check` loads them all;
2. every example input row (examples/, tests/rows/) validates against its row kind's
   schema, except the rows the row tests keep bad on purpose, which the schema rejects
   where the fault is one of type (a date that does not exist is the reader's to find);
3. the conformance corpus: every policy file a case carries (`input.files`) and every input
   row of a case that expects no row errors validates; a policy file the schema accepts but
   the case expects diagnostics for fails only on what a schema cannot see (cross
   references, duplicates, ranges): counted and listed by the case's own diagnostics;
4. mutated copies of a shipped policy: a mistyped key, a wrong type, an unknown value, an
   unknown section are rejected by both the schema and the loader; a cross reference to a
   missing calendar passes the schema and is rejected by the loader.
"""

import csv
import datetime
import glob
import json
import os
import subprocess
import sys
import tempfile
import tomllib

import jsonschema

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
SCHEMAS = os.path.join(ROOT, "policies", "schema")
failures: list[str] = []


def fail(message: str) -> None:
    failures.append(message)
    print("FAIL", message)


def plain(value):
    """TOML values as JSON sees them: dates and times as their ISO text."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    return value


validators: dict[str, jsonschema.Draft7Validator] = {}


def validator(kind: str) -> jsonschema.Draft7Validator:
    if kind not in validators:
        with open(os.path.join(SCHEMAS, f"{kind}.json"), encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft7Validator.check_schema(schema)
        validators[kind] = jsonschema.Draft7Validator(
            schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
        )
    return validators[kind]


def errors(kind: str, value) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
        for e in validator(kind).iter_errors(value)
    ]


def file_kind(text: str) -> str:
    doc = tomllib.loads(text)
    if "policy" in doc:
        return "policy"
    if "calendar" in doc:
        return "calendar"
    return "clauses"


def loads(zhidu: str, path: str) -> tuple[int, str]:
    """Exit code and output of `zhidu check` on one file (builtin calendars serve it)."""
    run = subprocess.run(
        [zhidu, "--lang", "en", "check", "--format", "json", path],
        capture_output=True,
        text=True,
    )
    return run.returncode, run.stdout + run.stderr


def shipped(zhidu: str) -> None:
    files = sorted(glob.glob(os.path.join(ROOT, "policies", "**", "*.toml"), recursive=True))
    files += sorted(glob.glob(os.path.join(ROOT, "tests", "notices", "*.toml")))
    for path in files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        kind = file_kind(text)
        first = text.split("\n", 1)[0]
        if not (first.startswith("#:schema ") and first.endswith(f"schema/{kind}.json")):
            fail(f"{path}: first line is `{first}`, not the `#:schema …/{kind}.json` directive")
        target = os.path.normpath(os.path.join(os.path.dirname(path), first[len("#:schema "):]))
        if not os.path.exists(target):
            fail(f"{path}: its schema `{target}` does not exist")
        for e in errors(kind, plain(tomllib.loads(text))):
            fail(f"{path}: {e}")
    code, out = loads(zhidu, os.path.join(ROOT, "policies"))
    if code != 0:
        fail(f"the shipped policies do not load: {out[:500]}")
    print(f"shipped: {len(files)} policy, calendar and notice files valid and loaded")


ROW_FILES = {
    "examples/2026-10/cases.jsonl": "case",
    "examples/2026-10/incidents.csv": "incident",
    "examples/2026-10/roster.csv": "roster",
    "examples/2026-10/violations.csv": "violation",
    "examples/due-rows.csv": "due",
    "tests/rows/cases.csv": "case",
    "tests/rows/roster.csv": "roster",
    "tests/rows/roster_bad.csv": "roster",
    "tests/rows/due.csv": "due",
    "tests/rows/incidents.csv": "incident",
    "tests/rows/violations.csv": "violation",
}
# Rows the row tests keep bad on purpose, and whether the schema sees the fault (a type) or
# only the reader does (a date that does not exist, an empty required cell).
BAD_ROWS = {
    ("tests/rows/cases.csv", 3): True,  # days -1
    ("tests/rows/cases.csv", 5): True,  # class blank: missing
    ("tests/rows/cases.csv", 6): False,  # events `pause …`: the compact form's grammar
    ("tests/rows/due.csv", 2): False,  # 2026-02-30: a date-shaped text
    ("tests/rows/due.csv", 4): True,  # days `x`
    ("tests/rows/incidents.csv", 2): True,  # quantity `two`
    ("tests/rows/incidents.csv", 4): False,  # 2026-10-32: a date-shaped text
    ("tests/rows/incidents.csv", 5): True,  # rule blank: missing
    ("tests/rows/violations.csv", 2): True,  # at `yesterday`
    ("tests/rows/violations.csv", 4): True,  # violation blank: missing
    ("tests/rows/roster_bad.csv", 2): True,  # window blank: missing
}
# Columns a file carries for people, not the reader: `zhidu due --input` takes `case` as the
# row's label.
EXTRA_COLUMNS = {"examples/due-rows.csv": {"case"}}


def rows_of(path: str) -> list[dict]:
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        if path.endswith(".jsonl"):
            return [json.loads(line) for line in f if line.strip()]
        return list(csv.DictReader(f))


def example_rows() -> None:
    count = 0
    for path, kind in ROW_FILES.items():
        for i, row in enumerate(rows_of(path), start=1):
            for extra in EXTRA_COLUMNS.get(path, ()):
                row.pop(extra, None)
            found = errors(kind, row)
            bad = BAD_ROWS.get((path, i))
            if bad is None and found:
                fail(f"{path} row {i}: {found}")
            elif bad is True and not found:
                fail(f"{path} row {i} is bad on purpose but the schema accepts it")
            count += 1
    print(f"example rows: {count} rows of {len(ROW_FILES)} files checked")


CORPUS_ROWS = {
    "case": "case",
    "cases": "case",
    "incidents": "incident",
    "violations": "violation",
    "roster": "roster",
    "requests": "request",
    "records": "record",
    "trainees": "trainee",
    "facts": "enterprise",
    "away": "away",
    "windows": "duty_window",
}


def corpus(zhidu: str, tmp: str) -> None:
    files_ok = rows_ok = beyond = both = 0
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "cases", "**", "*.toml"), recursive=True)):
        with open(path, "rb") as f:
            case = tomllib.load(f)
        given = case.get("input", {})
        expect = case.get("expect", {})
        expects_diagnostics = bool(expect.get("diagnostics")) or "error" in expect
        for name, text in given.get("files", {}).items():
            try:
                kind = file_kind(text)
                found = errors(kind, plain(tomllib.loads(text)))
            except tomllib.TOMLDecodeError:
                continue  # a syntax error: the parser's, before any schema
            if found and not expects_diagnostics:
                fail(f"{path} file {name}: {found}")
            elif found:
                both += 1  # a key or type fault: the schema and the loader both reject it
            elif not found and expects_diagnostics:
                # The schema accepts what the loader rejects: a fault no schema can see.
                beyond += 1
            elif not found:
                files_ok += 1
        row_errors_expected = bool(expect.get("errors")) or "error" in expect
        if row_errors_expected:
            continue
        for key, kind in CORPUS_ROWS.items():
            value = given.get(key)
            rows = [value] if isinstance(value, dict) else value if isinstance(value, list) else []
            for i, row in enumerate(rows):
                if not isinstance(row, dict):
                    continue
                found = errors(kind, plain(row))
                if found:
                    fail(f"{path} input.{key}[{i}]: {found}")
                else:
                    rows_ok += 1
    print(
        f"corpus: {files_ok} policy files and {rows_ok} input rows valid; {both} bad files "
        f"rejected by both; {beyond} files the schema accepts fail only the loader's cross "
        "checks (unknown references, cycles, duplicates, overlaps, conflicts)"
    )


MUTATIONS = [
    # (what, old, new, schema rejects, loader rejects)
    ("a mistyped key", 'unit = "minutes"', 'untis = "minutes"', True, True),
    ("a wrong type", "default_limit = 5", 'default_limit = "5"', True, True),
    ("an unknown value", 'unit = "minutes"', 'unit = "weeks"', True, True),
    ("an unknown section", "[[class]]", "[[clas]]", True, True),
    # JSON has no dates: a TOML date and a text holding one look alike to a schema.
    ("a date that is text", "effective_from = 20", 'effective_from = "20', False, True),
    ("a missing calendar (cross reference)", 'calendar = "cn-mainland"', 'calendar = "nowhere"', False, True),
]


def mutations(zhidu: str, tmp: str) -> None:
    source = os.path.join(ROOT, "policies", "s2-service-center.toml")
    with open(source, encoding="utf-8") as f:
        text = f.read()
    for what, old, new, schema_rejects, loader_rejects in MUTATIONS:
        if old not in text:
            fail(f"mutation `{what}`: `{old}` is not in {source}")
            continue
        mutated = text.replace(old, new, 1)
        if new.endswith('"20'):
            # Close the quote around the whole date.
            line_end = mutated.index("\n", mutated.index(new))
            mutated = mutated[:line_end] + '"' + mutated[line_end:]
        path = os.path.join(tmp, "mutated.toml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(mutated)
        found = errors("policy", plain(tomllib.loads(mutated)))
        code, out = loads(zhidu, path)
        if bool(found) != schema_rejects:
            fail(f"mutation `{what}`: schema {'accepts' if not found else 'rejects'} it: {found}")
        if (code != 0) != loader_rejects:
            fail(f"mutation `{what}`: loader exit {code}: {out[:300]}")
    print(f"mutations: {len(MUTATIONS)} mutated files judged alike by schema and loader")


def main() -> int:
    zhidu = sys.argv[1]
    with tempfile.TemporaryDirectory(dir=os.path.join(ROOT, "target")) as tmp:
        shipped(zhidu)
        example_rows()
        corpus(zhidu, tmp)
        mutations(zhidu, tmp)
    if failures:
        print(f"{len(failures)} failures")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
