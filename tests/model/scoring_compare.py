"""Seeded random comparison of `zhidu assess` (and `zhidu rank`) against the scoring model.

    python3 tests/model/scoring_compare.py --zhidu target/debug/zhidu --count 2000 --seed 1 [--report FILE]

Builds nothing: runs the given binary as `zhidu assess --policy P --period X --incidents CSV
[--roster CSV] [--cases LOG --case-policy ID] --format json --lang en` on generated periods
(tests/model/scoring_generate.py) and on the pinned periods (tests/model/scoring_pinned.jsonl),
and `zhidu rank` on a quarter of them; compares field by field with
tests/model/scoring_model.py: the scorecards present (person and window), each card's
window, total, bonus, fines, withholdings, every category's raw and applied deductions and
score, its effects and its lines (rule, source row or case, category, quantity, points, fine,
withholding, superseded, basis); the row errors (input kind, row number, reason); the rows
outside the period; the late cases priced by no rule; the ranking (rank, score, members,
eligibility, disqualifying rules). Groups the disagreements by kind, shrinks one
reproduction per kind, writes a Markdown report. Kinds listed in KNOWN_ENGINE_BUGS are
reported loudly but do not fail; any other disagreement does. The last line printed is
`N passed, N failed`; the exit status is 1 when any period disagrees outside the known bugs.
"""

from __future__ import annotations

import argparse
import collections
import csv
import io
import json
import re
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import scoring_model  # noqa: E402
from scoring_generate import generate, numbered  # noqa: E402
from scoring_model import assess, load_scoring, rank  # noqa: E402

PINNED = Path(__file__).resolve().parent / "scoring_pinned.jsonl"

# Kinds of disagreement judged to be the engine's fault (tests/model/README.md, "Disagreements
# found"): reported loudly, with their reproduction, but they do not fail the run, so that CI
# stays green while the engine is being fixed elsewhere. Each entry: kind prefix -> the
# pinned period that reproduces it.
# BUG-1…3 were fixed in the engine (issue #18): their pinned periods now fail when they regress.
KNOWN_ENGINE_BUGS: dict[str, str] = {}

# Causes recognised by a counterfactual switch of the model (scoring_model.OPTIONS): when the
# model with the switch on gives exactly the engine's answer, the disagreement is named by the
# cause instead of by the first field that differs.
CAUSES = [
    ("annual_rows_unchecked", "BUG-1. an earlier-month row read for an annual effect is not checked: a bad one gives neither its effect nor a row error"),
    ("family_by_line_total", "BUG-2. A33: one deed is kept at the line with the most points (level × quantity), not at its highest level"),
    ("accrual_at_end_instant", "overdue days of a period counted up to its exclusive end (00:00 of the next period), not its last second"),
    ("window_from_roster", "a row's missing window is taken from the roster"),
]
BUG_ROSTER = "BUG-3. a roster row that cannot be read fails the whole command (exit 2) instead of being a row error"


# --------------------------------------------------------------------------- inputs


def write_inputs(per: dict, d: Path) -> dict[str, Path]:
    files = {}
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(per["columns"])
    for row in per["rows"]:
        if row is None:
            buf.write("\n")
        else:
            w.writerow([row.get(c, "") for c in per["columns"]])
    files["incidents"] = d / "incidents.csv"
    files["incidents"].write_text(buf.getvalue(), encoding="utf-8")
    if per.get("roster") is not None:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["subject", "window"])
        for r in per["roster"]:
            w.writerow([r["subject"], r["window"]])
        files["roster"] = d / "roster.csv"
        files["roster"].write_text(buf.getvalue(), encoding="utf-8")
    if per.get("cases"):
        files["cases"] = d / "cases.jsonl"
        files["cases"].write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in per["cases"]), encoding="utf-8")
    return files


def command(zhidu: str, per: dict, files: dict, sub: str = "assess") -> list[str]:
    cmd = [zhidu, sub, "--policy", per["policy"], "--period", per["period"], "--incidents", str(files["incidents"])]
    if "roster" in files:
        cmd += ["--roster", str(files["roster"])]
    if "cases" in files:
        cmd += ["--cases", str(files["cases"])]
        if per.get("case_policy") and (per["case_policy"] != per["policy"] or per.get("explicit_case_policy", True)):
            cmd += ["--case-policy", per["case_policy"]]
    return cmd + ["--format", "json", "--lang", "en"]


# --------------------------------------------------------------------------- the engine's answer

_ROW_ERR = re.compile(r"^(incident|case|roster) row (\d+): (.*)$")
_OUTSIDE = re.compile(r"^(\d+) incident\(s\) outside (\S+) not used \(rows ([^)]*)\)$")
_UNPRICED = re.compile(r"^(\d+) late case\(s\) in (\S+) priced by no rule \(case rows ([^)]*)\)$")


def _rows_list(s: str) -> list[int]:
    return [int(x) for x in re.findall(r"\d+", s)]


def classify_message(msg: str) -> str:
    """The reason of an engine row error, from its English message (the CLI prints no code)."""
    m = msg.lower()
    table = [
        ("is missing", "missing"),
        ("has no rule", "unknown_rule"),
        ("takes no `basis`", "basis_not_allowed"),
        ("no handler", "case_no_handler"),
        ("not a step of the flow", "case_flow_step"),
        ("no deadline class", "case_unknown_class"),
        ("gives no reason", "note_required"),
        ("window", "window_required"),
        ("basis", "basis"),
        ("quantity", "quantity"),
        ("not one of", "points_out_of_range"),
        ("outside", "points_out_of_range"),
        ("points", "points"),
        ("missing", "missing"),
        ("instant", "bad_at"),
        ("date", "bad_at"),
    ]
    for k, v in table:
        if k in m:
            return v
    return "unclassified: " + re.sub(r"\d+", "N", msg)[:80]


# model reasons → the engine's reason class they may be reported as
REASON_CLASS = {
    "missing_subject": {"missing"}, "missing_rule": {"missing"}, "missing_at": {"missing"},
    "bad_at": {"bad_at"}, "bad_quantity": {"quantity"}, "quantity_out_of_range": {"quantity"},
    "bad_points": {"points"}, "unknown_rule": {"unknown_rule"},
    "points_not_allowed": {"points"}, "points_out_of_range": {"points_out_of_range", "points"},
    "note_required": {"note_required"}, "points_required": {"points"},
    "window_required": {"window_required"}, "basis_missing": {"basis"}, "basis_bad": {"basis", "unknown_rule"},
    "basis_not_allowed": {"basis_not_allowed"},
    "case_no_handler": {"case_no_handler"}, "case_no_window": {"window_required"},
    "case_unknown_class": {"case_unknown_class"}, "roster_missing": {"missing"},
    "case_missing": {"missing"}, "case_bad_at": {"bad_at"},
}


def run_engine(zhidu: str, per: dict, d: Path) -> dict:
    files = write_inputs(per, d)
    p = subprocess.run(command(zhidu, per, files), capture_output=True, text=True)
    res: dict = {"exit": p.returncode, "errors": [], "outside": [], "unpriced": [], "other": [], "cards": {}}
    for line in p.stderr.splitlines():
        line = line.strip()
        if not line:
            continue
        if m := _ROW_ERR.match(line):
            res["errors"].append((m.group(1), int(m.group(2)), classify_message(m.group(3)), m.group(3)))
        elif m := _OUTSIDE.match(line):
            res["outside"] = _rows_list(m.group(3))
        elif m := _UNPRICED.match(line):
            res["unpriced"] = _rows_list(m.group(3))
        else:
            res["other"].append(line)
    try:
        # The answer is the envelope {"scorecards": [...], "stamp": {...}} (issue #17).
        cards = json.loads(p.stdout)
        if not isinstance(cards, dict) or set(cards) != {"scorecards", "stamp"}:
            raise ValueError("not a {scorecards, stamp} envelope")
        cards = cards["scorecards"]
        if not isinstance(cards, list):
            raise ValueError("not a list")
    except ValueError as e:
        res["crash"] = f"exit {p.returncode}: {e}: {p.stderr.strip()[:300]}"
        return res
    for c in cards:
        res["cards"][(c["kind"], c["subject"])] = engine_card(c)
    if per.get("rank"):
        q = subprocess.run(command(zhidu, per, files, "rank"), capture_output=True, text=True)
        try:
            rows = json.loads(q.stdout)["ranks"]
            res["rank"] = {r["window"]: {"rank": r["rank"], "score": r["score"], "members": r["members"], "eligible": r["eligible"],
                                         "disqualified_by": sorted((x["rule"], x.get("imported_from") or "") for x in r.get("disqualified_by", []))}
                           for r in rows}
        except (ValueError, KeyError, TypeError) as e:
            res["rank"] = {"__crash__": f"exit {q.returncode}: {e}: {q.stderr.strip()[:300]}"}
    return res


def _epoch(s: str) -> int:
    return int(datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp())


def engine_card(c: dict) -> dict:
    lines = []
    for ln in c.get("lines", []):
        src = ln.get("source") or {}
        sid = src.get("row", src.get("id"))
        lines.append((ln["rule"], src.get("from", ""), str(sid), ln.get("category") or "", ln["quantity"], ln["points"],
                      ln["fine"], ln["withholding"], bool(ln.get("superseded")), ln.get("basis") or "", ln.get("ref") or "",
                      ln.get("imported_from") or ""))
    return {
        "subject": c["subject"], "kind": c["kind"], "window": c.get("window"), "total": c["total"], "bonus": c["bonus"],
        "fines": c["fines"], "withholdings": c["withholdings"],
        "categories": {x["id"]: {"raw": x["raw_deductions"], "applied": x["applied_deductions"], "score": x["score"]} for x in c["categories"]},
        "effects": sorted({e["name"] for e in c.get("effects", [])}),
        "effect_events": sorted((e["id"], e["rule"], _epoch(e["at"])) for e in c.get("effects", [])),
        "lines": sorted(lines),
    }


# --------------------------------------------------------------------------- the model's answer

_POL: dict = {}


def model_answer(per: dict, **options) -> dict:
    pid = per["policy"]
    if pid not in _POL:
        _POL[pid] = load_scoring(pid)
    p = _POL[pid]
    cases = list(enumerate(per["cases"], 1)) if per.get("cases") else None
    roster = list(enumerate(per["roster"], 1)) if per.get("roster") is not None else None
    saved = dict(scoring_model.OPTIONS)
    scoring_model.OPTIONS.update(options)
    try:
        out = assess(p, per["period"], numbered(per["rows"]), roster, cases, per.get("case_policy"))
    finally:
        scoring_model.OPTIONS.update(saved)
    res = {"errors": out["errors"], "outside": sorted(out["outside"]), "unpriced": sorted(out["unpriced"]), "cards": out["cards"],
           "annual": set(out["annual"])}
    if per.get("rank"):
        res["rank"] = rank(p, out)
    return res


# --------------------------------------------------------------------------- comparing

CARD_FIELDS = ["window", "total", "bonus", "fines", "withholdings"]


def differences(m: dict, e: dict) -> list[tuple[str, str]]:
    """[(kind, detail)]: every field that differs, each named by a kind without the values."""
    out = []
    if "crash" in e:
        return [("engine crashed or printed unreadable JSON", e["crash"])]
    if e["other"]:
        out.append(("engine printed an unrecognised stderr line", "; ".join(e["other"])[:300]))
    # row errors
    me = {(k, n): rs for k, n, rs in m["errors"]}
    ee = {(k, n): (cls, msg) for k, n, cls, msg in e["errors"]}
    for key in sorted(set(me) | set(ee)):
        if key not in ee:
            if key[0] == "incident" and key[1] in m.get("annual", ()):
                out.append((f"earlier-month row read for an annual effect: row error in the model only ({'/'.join(me[key])})",
                            f"row {key[1]}"))
            else:
                out.append((f"{key[0]} row error in the model only ({'/'.join(me[key])})", f"row {key[1]}"))
        elif key not in me:
            out.append((f"{key[0]} row error in the engine only ({ee[key][0]})", f"row {key[1]}: {ee[key][1]}"))
        else:
            ok = any(ee[key][0] in REASON_CLASS.get(r, {r}) for r in me[key])
            if not ok:
                out.append((f"{key[0]} row error reason: model {'/'.join(me[key])}, engine {ee[key][0]}", f"row {key[1]}: {ee[key][1]}"))
    if m["outside"] != e["outside"]:
        out.append(("rows outside the period differ", f"model {m['outside']}, engine {e['outside']}"))
    if m["unpriced"] != e["unpriced"]:
        out.append(("late cases priced by no rule differ", f"model {m['unpriced']}, engine {e['unpriced']}"))
    mc, ec = m["cards"], e["cards"]
    for key in sorted(set(mc) | set(ec)):
        if key not in ec:
            out.append((f"{key[0]} card in the model only", key[1]))
            continue
        if key not in mc:
            out.append((f"{key[0]} card in the engine only", key[1]))
            continue
        a, b = mc[key], ec[key]
        for f in CARD_FIELDS:
            if a[f] != b[f]:
                out.append((f"{key[0]} card {f} differs", f"{key[1]}: model {a[f]!r}, engine {b[f]!r}"))
        for cid in sorted(set(a["categories"]) | set(b["categories"])):
            x, y = a["categories"].get(cid), b["categories"].get(cid)
            if x != y:
                out.append((f"{key[0]} card category differs", f"{key[1]}.{cid}: model {x}, engine {y}"))
        if a["effects"] != b["effects"]:
            out.append((f"{key[0]} card effects differ", f"{key[1]}: model {a['effects']}, engine {b['effects']}"))
        elif a["effect_events"] != b["effect_events"]:
            out.append((f"{key[0]} card effect entries differ (same effects, other incidents)",
                        f"{key[1]}: model {a['effect_events']}, engine {b['effect_events']}"))
        if a["lines"] != b["lines"]:
            ma = collections.Counter(map(tuple, a["lines"]))
            mb = collections.Counter(map(tuple, b["lines"]))
            only_m = list((ma - mb).elements())
            only_e = list((mb - ma).elements())
            out.append((f"{key[0]} card lines differ", f"{key[1]}: model only {only_m}, engine only {only_e}"))
    if "rank" in m or "rank" in e:
        mr, er = m.get("rank", {}), e.get("rank", {})
        if "__crash__" in er:
            out.append(("rank crashed or printed unreadable JSON", er["__crash__"]))
        else:
            for w in sorted(set(mr) | set(er)):
                if w not in er:
                    out.append(("ranking row in the model only", w))
                elif w not in mr:
                    out.append(("ranking row in the engine only", f"{w}: {er[w]}"))
                else:
                    for f in ("rank", "score", "members", "eligible", "disqualified_by"):
                        if mr[w][f] != er[w][f]:
                            out.append((f"ranking {f} differs", f"{w}: model {mr[w][f]!r}, engine {er[w][f]!r}"))
    return out


def kind_of(diffs: list[tuple[str, str]]) -> str | None:
    """The kind of a period's disagreement: its first difference's kind (the fields that follow
    from the same cause, such as a total after a category, are listed in the report)."""
    if not diffs:
        return None
    order = ["row error", "outside", "card in the", "lines differ", "category differs", "effects", "card window", "card total",
             "card bonus", "card fines", "card withholdings", "priced", "ranking", "rank", "stderr", "crash"]
    for o in order:
        for k, _ in diffs:
            if o in k:
                return k
    return diffs[0][0]


def cause_of(per: dict, m: dict, e: dict) -> tuple[str | None, list]:
    """(kind, differences) of a period: None when the model and the engine agree."""
    diffs = differences(m, e)
    if not diffs:
        return None, diffs
    if "crash" in e and "roster row" in e["crash"] and any(k == "roster" for k, _, _ in m["errors"]):
        return BUG_ROSTER, diffs
    if "crash" not in e:
        for opt, label in CAUSES:
            if not differences(model_answer(per, **{opt: True}), e):
                return label, diffs
    return kind_of(diffs), diffs


def known_bug(kind: str) -> str | None:
    for k, v in KNOWN_ENGINE_BUGS.items():
        if kind.startswith(k):
            return v
    return None


# --------------------------------------------------------------------------- shrinking


def shrink(zhidu: str, per: dict, kind: str, tmp: Path, budget: int = 80) -> dict:
    """Drop rows, the roster, cases and the rank run while the disagreement keeps its kind."""
    cur = json.loads(json.dumps(per))
    n = 0

    def same(c) -> bool:
        nonlocal n
        n += 1
        d = tmp / f"shrink{n}"
        d.mkdir(exist_ok=True)
        return cause_of(c, model_answer(c), run_engine(zhidu, c, d))[0] == kind

    def variants(c):
        if c.get("rank") and not kind.startswith(("rank", "ranking")):
            yield dict(c, rank=False)
        if c.get("roster") is not None:
            yield dict(c, roster=None)
        if c.get("cases"):
            yield dict(c, cases=None, case_policy=None)
        rows = c["rows"]
        if len(rows) > 4:
            h = len(rows) // 2
            yield dict(c, rows=rows[:h])
            yield dict(c, rows=rows[h:])
        for i in range(len(rows)):
            yield dict(c, rows=rows[:i] + rows[i + 1:])
        for i in range(len(c.get("cases") or [])):
            yield dict(c, cases=c["cases"][:i] + c["cases"][i + 1:])
        for i in range(len(c.get("roster") or [])):
            yield dict(c, roster=c["roster"][:i] + c["roster"][i + 1:])
        extra = [x for x in c["columns"] if x in ("department", "case", "remark")]
        if extra:
            yield dict(c, columns=[x for x in c["columns"] if x not in extra])

    progress = True
    while progress and n < budget:
        progress = False
        for v in variants(cur):
            if n >= budget:
                break
            if same(v):
                cur = v
                progress = True
                break
    return cur


# --------------------------------------------------------------------------- main


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--zhidu", required=True, help="path of the zhidu binary")
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--report", default=None, help="Markdown report of the disagreements")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--no-pinned", action="store_true")
    a = ap.parse_args()

    t0 = time.time()
    periods = generate(a.count, a.seed)
    if PINNED.exists() and not a.no_pinned:
        for line in PINNED.read_text(encoding="utf-8").splitlines():
            if line.strip():
                periods.append(json.loads(line))
    with tempfile.TemporaryDirectory() as td:
        tmp = Path(td)

        def work(item):
            i, per = item
            d = tmp / f"p{i}"
            d.mkdir()
            return run_engine(a.zhidu, per, d)

        with ThreadPoolExecutor(max_workers=a.jobs) as ex:
            engine = list(ex.map(work, enumerate(periods)))

        kinds: dict[str, list[tuple[dict, list]]] = collections.defaultdict(list)
        tags = collections.defaultdict(lambda: [0, 0])
        passed = failed = known = 0
        for per, e in zip(periods, engine):
            k, diffs = cause_of(per, model_answer(per), e)
            for t in per["tags"] + [per["policy"]]:
                tags[t][0] += 1
                tags[t][1] += k is not None
            if k is None:
                passed += 1
                continue
            kinds[k].append((per, diffs))
            if known_bug(k):
                known += 1
            else:
                failed += 1
        ordered = sorted(kinds.items(), key=lambda kv: -len(kv[1]))
        repros = {}
        for k, items in ordered:
            smallest = min(items, key=lambda x: (len(x[0]["rows"]) + len(x[0].get("cases") or []), len(json.dumps(x[0]))))
            sp = shrink(a.zhidu, smallest[0], k, tmp)
            d = tmp / "final"
            d.mkdir(exist_ok=True)
            repros[k] = (sp, differences(model_answer(sp), run_engine(a.zhidu, sp, d)))
    elapsed = time.time() - t0
    total = len(periods)
    print(f"scoring model comparison: {total} periods (seed {a.seed}), {len(kinds)} kinds of disagreement, {elapsed:.0f} s")
    for k, items in ordered:
        flag = "  KNOWN ENGINE BUG" if known_bug(k) else ""
        print(f"  {len(items):6d}  {k}{flag}")
    if known:
        print(f"!! {known} periods disagree on known engine bugs (KNOWN_ENGINE_BUGS): reported, not failed")
    if a.report:
        write_report(Path(a.report), a, total, passed, failed, known, ordered, repros, tags, elapsed)
        print(f"report: {a.report}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def repro_commands(per: dict) -> list[str]:
    L = []
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(per["columns"])
    for row in per["rows"]:
        if row is None:
            buf.write("\n")
        else:
            w.writerow([row.get(c, "") for c in per["columns"]])
    L.append("cat > /tmp/incidents.csv <<'EOF'")
    L.append(buf.getvalue().rstrip("\n"))
    L.append("EOF")
    files = {"incidents": "/tmp/incidents.csv"}
    if per.get("roster") is not None:
        L.append("cat > /tmp/roster.csv <<'EOF'")
        L.append("subject,window")
        L += [f"{r['subject']},{r['window']}" for r in per["roster"]]
        L.append("EOF")
        files["roster"] = "/tmp/roster.csv"
    if per.get("cases"):
        L.append("cat > /tmp/cases.jsonl <<'EOF'")
        L += [json.dumps(c, ensure_ascii=False) for c in per["cases"]]
        L.append("EOF")
        files["cases"] = "/tmp/cases.jsonl"
    L.append(" ".join(command("zhidu", per, files, "rank" if per.get("rank") else "assess")))
    return L


def write_report(path: Path, a, total, passed, failed, known, ordered, repros, tags, elapsed) -> None:
    L = ["# zhidu scoring against the reference model\n"]
    L.append(f"`python3 tests/model/scoring_compare.py --zhidu {a.zhidu} --count {a.count} --seed {a.seed}` ({elapsed:.0f} s)\n")
    L.append(f"{total} periods: {passed} agree, {failed} disagree, {known} disagree on known engine bugs only; {len(ordered)} kinds.\n")
    if ordered:
        L.append("| # | periods | kind | known engine bug | most frequent edge tags |")
        L.append("|---|---|---|---|---|")
        for i, (k, items) in enumerate(ordered, 1):
            tc = collections.Counter(t for per, _ in items for t in per["tags"])
            top = ", ".join(f"{t} {n}" for t, n in tc.most_common(4)) or "—"
            L.append(f"| {i} | {len(items)} | {k} | {known_bug(k) or '—'} | {top} |")
        L.append("")
    L.append("### Coverage\n")
    L.append("| tag | periods | disagree |")
    L.append("|---|---|---|")
    for t, (n, f) in sorted(tags.items(), key=lambda kv: -kv[1][0]):
        L.append(f"| {t} | {n} | {f} |")
    L.append("")
    for i, (k, items) in enumerate(ordered, 1):
        per, diffs = repros[k]
        L.append(f"## {i}. {k}\n")
        if known_bug(k):
            L.append(f"**Known engine bug**, pinned as `{known_bug(k)}` in `tests/model/scoring_pinned.jsonl`.\n")
        L.append(f"{len(items)} periods. Shrunk reproduction (policy `{per['policy']}`, period `{per['period']}`):\n")
        L.append("```sh")
        L += repro_commands(per)
        L.append("```\n")
        for dk, dd in diffs:
            L.append(f"- {dk}: {dd}")
        L.append(f"- pinned form: `{json.dumps(dict(per, tags=sorted(set(per['tags']) | {'pinned'})), ensure_ascii=False)}`\n")
    path.write_text("\n".join(L) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
