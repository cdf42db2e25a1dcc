"""Seeded random comparison of `zhidu cases` against the reference clock model.

    python3 tests/model/compare.py --zhidu target/debug/zhidu --count 10000 --seed 1 [--report FILE]

Builds nothing: runs the given binary as `zhidu cases --policy ID --as-of T FILE --format
json` on batches of generated case logs (tests/model/generate.py), compares every case field
by field with tests/model/clock_model.py (presence, error code, status, due_date, due_at,
remaining, overdue_days, limit), groups the disagreements by kind, shrinks one reproduction
per kind and writes a Markdown report. The last line printed is `N passed, N failed`; the
exit status is 1 when any case disagrees.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import clock_model  # noqa: E402
from clock_model import case_status, load_policy  # noqa: E402
from generate import generate, generate_at_due  # noqa: E402

PINNED = Path(__file__).resolve().parent / "pinned.jsonl"
FIELDS = ["status", "due_date", "due_at", "remaining", "overdue_days", "limit"]


def run_engine(zhidu: str, policy: str, as_of: str, cases: list[dict], tmp: Path, tag: str) -> dict:
    """id -> engine answer ({"error": code, ...} for a refused line); missing ids are absent
    from the output. A crash or unreadable output is {"__crash__": message} for every id."""
    path = tmp / f"b{tag}.jsonl"
    path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")
    p = subprocess.run([zhidu, "cases", "--policy", policy, "--as-of", as_of, str(path), "--format", "json"], capture_output=True, text=True)
    try:
        # The answer is the envelope {"cases": [...], "stamp": {...}} (issue #17).
        out = json.loads(p.stdout)
        if not isinstance(out, dict) or set(out) != {"cases", "stamp"} or not isinstance(out["cases"], list):
            raise ValueError("not a {cases, stamp} envelope")
        out = out["cases"]
    except ValueError as e:
        msg = f"exit {p.returncode}: {e}: {p.stderr.strip()[:300]}"
        return {c["id"]: {"__crash__": msg} for c in cases}
    res = {}
    for v in out:
        if "error" in v and "line" in v:
            line = v["line"]
            if isinstance(line, int) and 1 <= line <= len(cases):
                res[cases[line - 1]["id"]] = {"error": v["error"].get("code"), "message": v["error"].get("message")}
        elif "id" in v:
            res[v["id"]] = v
    return res


def norm(v: dict | None) -> dict | None:
    if v is None:
        return None
    if "__crash__" in v:
        return {"crash": v["__crash__"]}
    if "error" in v:
        return {"error": v["error"]}
    return {k: v.get(k) for k in FIELDS}


def kind_of(model: dict | None, engine: dict | None) -> str | None:
    """None when they agree, else a label for the kind of disagreement."""
    m, e = norm(model), norm(engine)
    if m == e:
        return None
    if m is None:
        return f"engine lists a case the model excludes (accepted after as-of); engine status {e.get('status', e.get('error'))}"
    if e is None:
        return "engine omits a case the model answers"
    if "crash" in e:
        return "engine crashed or printed unreadable output"
    if "error" in m or "error" in e:
        return f"error: model {m.get('error', m.get('status'))}, engine {e.get('error', e.get('status'))}"
    diff = [k for k in FIELDS if m[k] != e[k]]
    if m["status"] != e["status"]:
        return f"status: model {m['status']}, engine {e['status']}" + (f" (also {', '.join(k for k in diff if k != 'status')})" if len(diff) > 1 else "")
    return f"{', '.join(diff)} differ (status {m['status']})"


def cause_of(lg: dict, m: dict | None, e: dict | None, policies: dict) -> str | None:
    """The rule the engine reads differently, where one is recognised; else the field kind."""
    k = kind_of(m, e)
    if k is None:
        return None
    nm, ne = norm(m), norm(e)
    if nm is None and ne is not None and "error" not in ne and "crash" not in ne:
        return "A. a case accepted after --as-of is listed (it is not yet known)"
    variants = []
    for opt in ("extension_after_due_applies", "extensions_from_start"):
        clock_model.OPTIONS[opt] = True
        try:
            v = norm(model_answer(lg, policies))
        finally:
            clock_model.OPTIONS[opt] = False
        variants.append(v)
        if v == ne:
            return "D. an extension recorded after the due instant moves the due date"
    late_ext = any(v != nm for v in variants)  # a late extension changes the model's answer
    evs = lg["case"].get("events") or []
    p = policies[lg["policy"]]
    if lg["case"].get("days") == 0 and any(p.suspensions.get(x.get("reason")) == "restart" for x in evs if x.get("kind") == "suspend"):
        return "F. (ambiguous) a 0-day limit with a restarting suspension: the engine keeps the start day as due day"
    if nm and ne and "status" in nm and "status" in ne and nm["status"].startswith("done_"):
        if ne["status"] == "suspended":
            if late_ext:
                return "B+D. completed while suspended, the suspension counting only because a late extension reopened the clock"
            return "B. a case completed while suspended is reported `suspended`"
        if ne["status"] == "not_started":
            return "C. a case completed before its start event is reported `not_started`"
    return "E. other: " + k


def model_answer(lg: dict, policies: dict) -> dict | None:
    ans = case_status(policies[lg["policy"]], lg["case"], lg["as_of"])
    return ans


def shrink(zhidu: str, lg: dict, kind: str, policies: dict, tmp: Path, budget: int = 40) -> tuple[dict, dict | None, dict | None]:
    """Drop events, the completion and optional fields while the disagreement keeps its kind."""
    cur = json.loads(json.dumps(lg))
    n = 0

    def answers(c):
        nonlocal n
        n += 1
        e = run_engine(zhidu, c["policy"], c["as_of"], [c["case"]], tmp, f"s{n}").get(c["case"]["id"])
        return model_answer(c, policies), e

    progress = True
    while progress and n < budget:
        progress = False
        cands = []
        evs = cur["case"].get("events") or []
        for i in range(len(evs)):
            c = json.loads(json.dumps(cur))
            del c["case"]["events"][i]
            cands.append(c)
        for key in ("completed_at", "events"):
            if key in cur["case"]:
                c = json.loads(json.dumps(cur))
                del c["case"][key]
                cands.append(c)
        for e in evs:
            if "approved_by" in e:
                c = json.loads(json.dumps(cur))
                for x in c["case"]["events"]:
                    x.pop("approved_by", None)
                cands.append(c)
                break
        for c in cands:
            if n >= budget:
                break
            m, e = answers(c)
            if cause_of(c, m, e, policies) == kind:
                cur = c
                progress = True
                break
    m, e = answers(cur)
    return cur, m, e


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--zhidu", required=True, help="path of the zhidu binary")
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--report", default=None, help="Markdown report of the disagreements")
    ap.add_argument("--batch", type=int, default=50)
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()

    at_due = max(1, a.count // 50)
    logs = generate(a.count - at_due, a.seed, a.batch) + generate_at_due(at_due, a.seed)
    # hand-written edges (tests/model/pinned.jsonl): the known disagreements and the edges
    # the engine got right, each in a batch of its own; they do not count against --count
    for i, line in enumerate(PINNED.read_text(encoding="utf-8").splitlines()):
        if line.strip():
            lg = json.loads(line)
            lg["batch"] = -1 - i
            logs.append(lg)
    policies = {p: load_policy(p) for p in {lg["policy"] for lg in logs}}
    batches: dict[int, list[dict]] = collections.defaultdict(list)
    for lg in logs:
        batches[lg["batch"]].append(lg)
    engine: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as td:
        tmp = Path(td)

        def work(item):
            b, lgs = item
            return run_engine(a.zhidu, lgs[0]["policy"], lgs[0]["as_of"], [lg["case"] for lg in lgs], tmp, str(b))

        with ThreadPoolExecutor(max_workers=a.jobs) as ex:
            for res in ex.map(work, batches.items()):
                engine.update(res)

        kinds: dict[str, list[tuple[dict, dict | None, dict | None]]] = collections.defaultdict(list)
        passed = failed = 0
        coverage = {"class": collections.defaultdict(lambda: [0, 0]), "tag": collections.defaultdict(lambda: [0, 0]), "status": collections.defaultdict(lambda: [0, 0])}
        for lg in logs:
            m = model_answer(lg, policies)
            e = engine.get(lg["case"]["id"])
            k = cause_of(lg, m, e, policies)
            st = "excluded" if m is None else m.get("status", "error " + str(m.get("error")))
            for table, key in [("class", f"{lg['policy']} / {lg['case']['class']}"), ("status", st)] + [("tag", t) for t in lg["tags"]]:
                coverage[table][key][0] += 1
                coverage[table][key][1] += k is not None
            if k is None:
                passed += 1
            else:
                failed += 1
                kinds[k].append((lg, m, e))

        ordered = sorted(kinds.items(), key=lambda kv: (kv[0][0], -len(kv[1])))
        repros = {}
        for k, items in ordered:
            smallest = min(items, key=lambda x: (len(x[0]["case"].get("events") or []), len(json.dumps(x[0]["case"]))))
            repros[k] = shrink(a.zhidu, smallest[0], k, policies, tmp)

    total = passed + failed
    print(f"model comparison: {total} case logs (seed {a.seed}), {len(kinds)} kinds of disagreement")
    for k, items in ordered:
        print(f"  {len(items):6d}  {100 * len(items) / total:5.2f} %  {k}")
    if a.report:
        write_report(Path(a.report), a, total, passed, failed, ordered, repros, coverage)
        print(f"report: {a.report}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def write_report(path: Path, a, total, passed, failed, ordered, repros, coverage) -> None:
    L = []
    L.append("# zhidu case clock against the reference model\n")
    L.append(f"`python3 tests/model/compare.py --zhidu {a.zhidu} --count {a.count} --seed {a.seed}`\n")
    L.append(f"{total} case logs: {passed} agree, {failed} disagree ({100 * failed / max(1, total):.2f} %), {len(ordered)} kinds.\n")
    L.append("| # | logs | % | kind | most frequent edge tags |")
    L.append("|---|---|---|---|---|")
    for i, (k, items) in enumerate(ordered, 1):
        tags = collections.Counter(t for lg, _, _ in items for t in lg["tags"])
        top = ", ".join(f"{t} {n}" for t, n in tags.most_common(4)) or "—"
        L.append(f"| {i} | {len(items)} | {100 * len(items) / total:.2f} | {k} | {top} |")
        sub = collections.Counter(kind_of(m, e) for _, m, e in items)
        if len(sub) > 1 or k.startswith(("A.", "B.", "C.", "D.")):
            for sk, n in sub.most_common():
                L.append(f"| | {n} | | &nbsp;&nbsp;↳ {sk} | |")
    L.append("")
    L.append("### Coverage\n")
    L.append("| policy / class | logs | disagree |")
    L.append("|---|---|---|")
    for key, (n, f) in sorted(coverage["class"].items()):
        L.append(f"| {key} | {n} | {f} |")
    L.append("")
    L.append("| edge tag | logs | disagree |")
    L.append("|---|---|---|")
    for key, (n, f) in sorted(coverage["tag"].items(), key=lambda kv: -kv[1][0]):
        L.append(f"| {key} | {n} | {f} |")
    L.append("")
    L.append("| model status | logs | disagree |")
    L.append("|---|---|---|")
    for key, (n, f) in sorted(coverage["status"].items(), key=lambda kv: -kv[1][0]):
        L.append(f"| {key} | {n} | {f} |")
    L.append("")
    for i, (k, items) in enumerate(ordered, 1):
        lg, m, e = repros[k]
        L.append(f"## {i}. {k}\n")
        L.append(f"{len(items)} logs. Shrunk reproduction (policy `{lg['policy']}`, as of `{lg['as_of']}`):\n")
        L.append("```sh")
        L.append(f"echo '{json.dumps(lg['case'], ensure_ascii=False)}' > /tmp/case.jsonl")
        L.append(f"zhidu cases --policy {lg['policy']} --as-of {lg['as_of']} /tmp/case.jsonl --format json")
        L.append("```\n")
        L.append(f"- engine: `{json.dumps(norm(e), ensure_ascii=False)}`")
        L.append(f"- model:  `{json.dumps(norm(m), ensure_ascii=False)}`")
        L.append(f"- tags of the original log: {', '.join(lg['tags']) or '—'}\n")
    path.write_text("\n".join(L) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
