// The conformance corpus tests/cases/**/*.toml through the Node package, compared exactly as
// crates/zhidu/tests/conformance.rs compares the core: kinds `due`, `case` and `load` (other
// kinds belong to later features and are run by their own tests).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "smol-toml";
import { corpusDir, zhidu } from "./helpers.mjs";

const { PolicySet } = zhidu;
const builtin = PolicySet.builtin();

function files(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return files(p);
      return name.endsWith(".toml") ? [p] : [];
    });
}

/** The expected value as conformance.rs prints it: strings as they are, the rest as JSON. */
const shown = (v) => (typeof v === "string" ? v : JSON.stringify(v));

function expectFields(expect, actual, keys) {
  const problems = [];
  for (const key of keys) {
    if (!(key in expect)) continue;
    const got = actual[key] === null || actual[key] === undefined ? "null" : shown(actual[key]);
    if (shown(expect[key]) !== got) problems.push(`${key}: expected ${shown(expect[key])}, got ${got}`);
  }
  return problems;
}

/** Run `f`; compare its error with `expect.error` (code) and `expect.message`, if expected. */
function outcome(expect, f, check) {
  let result;
  try {
    result = f();
  } catch (e) {
    if (e?.name !== "ZhiduError") throw e;
    if (!("error" in expect)) return [`unexpected error \`${e.code}\`: ${e.message}`];
    if (e.code !== expect.error) return [`expected error \`${expect.error}\`, got \`${e.code}\`: ${e.message}`];
    if ("message" in expect && e.message !== expect.message) {
      return [`expected message \`${expect.message}\`, got \`${e.message}\``];
    }
    return check.error ? check.error(e) : [];
  }
  if ("error" in expect) return [`expected error \`${expect.error}\`, got ${JSON.stringify(result).slice(0, 200)}`];
  return check.ok(result);
}

const runners = {
  due(s) {
    const { input, expect } = s;
    return outcome(
      expect,
      () =>
        builtin.policy(s.policy ?? "").due({
          class: input.class ?? "",
          acceptedAt: input.accepted_at ?? "",
          days: input.days,
        }),
      { ok: (due) => expectFields(expect, due, ["due_date", "due_at"]) },
    );
  },
  case(s) {
    const { input, expect } = s;
    return outcome(expect, () => builtin.policy(s.policy ?? "").caseStatus(input.case, input.as_of ?? ""), {
      ok: (st) =>
        expectFields(expect, st, ["status", "due_date", "due_at", "remaining", "overdue_days", "legal_due_date"]),
    });
  },
  load(s) {
    const { input, expect } = s;
    return outcome(expect, () => PolicySet.fromToml(input.files ?? {}), {
      ok: () => [],
      error: (e) => {
        const got = e.diagnostics.filter((d) => d.severity === "error");
        const want = expect.diagnostics ?? [];
        if (want.length && want.length !== got.length) {
          return [`expected ${want.length} diagnostics, got ${got.length}: ${JSON.stringify(got)}`];
        }
        // The error's own place is the first error diagnostic's.
        if (got.length && (e.line !== got[0].line || e.path !== got[0].path)) {
          return [`error place ${e.line}/${e.path} is not the first diagnostic's`];
        }
        return want.flatMap((w, i) => expectFields(w, got[i], ["line", "column", "path", "message", "file"]));
      },
    });
  },
};

const scenarios = files(corpusDir).map((path) => ({ path, scenario: parse(readFileSync(path, "utf8")) }));
const run = scenarios.filter(({ scenario }) => scenario.kind in runners);

test("the corpus has due, case and load scenarios", () => {
  const kinds = new Set(run.map(({ scenario }) => scenario.kind));
  assert.deepEqual([...kinds].sort(), ["case", "due", "load"]);
  assert.ok(run.length >= 100, `only ${run.length} scenarios`);
});

for (const { path, scenario } of run) {
  test(`${relative(corpusDir, path)}: ${scenario.description ?? ""}`, () => {
    const problems = runners[scenario.kind](scenario);
    assert.deepEqual(problems, [], problems.join("; "));
  });
}
