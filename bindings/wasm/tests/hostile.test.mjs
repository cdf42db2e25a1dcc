// Hostile JavaScript values fed to every exported function of the package (the entry the
// users import, with its `ZhiduError` class): NaN, ±Infinity, -0, 2**64, a bigint, null,
// undefined, a symbol, objects with throwing getters, invalid Dates, and freed handles. Each
// call answers or throws a `ZhiduError` whose `key` is a catalogue id; no Rust wording (`inf`,
// `expected i64`, "null pointer passed to rust") and no glue TypeError ever reaches a user.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pkg, repoRoot } from "./helpers.mjs";

const { PolicySet, Policy, ZhiduError, setLang, getLang } = pkg;

/** Every catalogue id, read from the catalogue's sources. */
const catalogueDir = join(repoRoot, "crates", "zhidu", "src", "messages", "catalogue");
const KEYS = new Set(
  readdirSync(catalogueDir)
    .filter((f) => f.endsWith(".rs"))
    .flatMap((f) => [...readFileSync(join(catalogueDir, f), "utf8").matchAll(/\be\(\s*"([a-z0-9_.]+)"/g)].map((m) => m[1])),
);
const RUST_WORDING = /\binf\b|expected (i|u)\d+|null pointer|unreachable|RuntimeError|panicked|recursive use|borrowed|JsValue\(/;

const throwing = new Proxy({}, {
  get() { throw new Error("getter boom"); },
  ownKeys() { throw new Error("keys boom"); },
});
const getterObject = Object.defineProperty({}, "class", { enumerable: true, get() { throw new Error("boom"); } });
const HOSTILE = {
  NaN: NaN,
  Infinity: Infinity,
  "-Infinity": -Infinity,
  "-0": -0,
  "2**64": 2 ** 64,
  bigint: 10n,
  null: null,
  undefined: undefined,
  symbol: Symbol("s"),
  "throwing proxy": throwing,
  "throwing getter": getterObject,
  "invalid Date": new Date(NaN),
  function: () => 1,
};

/** `f()` answers, or throws a ZhiduError with a catalogue key and no Rust wording. */
function answersOrZhidu(f, what) {
  let out;
  try {
    out = f();
  } catch (e) {
    assert.ok(e instanceof ZhiduError, `${what}: not a ZhiduError: ${e?.stack ?? String(e)}`);
    assert.ok(e instanceof Error, what);
    assert.ok(KEYS.has(e.key), `${what}: key ${e.key} not in the catalogue (${e.message})`);
    assert.equal(typeof e.params, "object", what);
    assert.doesNotMatch(e.message, RUST_WORDING, what);
    assert.doesNotMatch(String(e.help ?? ""), RUST_WORDING, what);
    return "threw";
  }
  // A result's row errors obey the same rule.
  for (const row of out?.errors ?? []) {
    const err = row.error ?? row;
    assert.doesNotMatch(err.message, RUST_WORDING, `${what}: row error`);
    assert.ok(err.key === undefined || KEYS.has(err.key), `${what}: row key ${err.key}`);
  }
  return "answered";
}

const ps = PolicySet.builtin();
const s2 = ps.policy("s2-service-center");
const s14 = ps.policy("s14-window-scorecard");

/** Every method of a class (static) or of its instances, with the object to call it on. */
function methods() {
  const out = [];
  for (const key of Object.getOwnPropertyNames(PolicySet)) {
    if (typeof PolicySet[key] === "function" && !key.startsWith("__")) out.push([`PolicySet.${key}`, PolicySet, PolicySet[key]]);
  }
  for (const [name, cls, self] of [["PolicySet", PolicySet, ps], ["Policy", Policy, s2], ["Policy(s14)", Policy, s14]]) {
    for (const key of Object.getOwnPropertyNames(cls.prototype)) {
      if (key === "constructor" || key === "free" || key.startsWith("__")) continue;
      const d = Object.getOwnPropertyDescriptor(cls.prototype, key);
      if (d.get) out.push([`${name}.${key} (getter)`, self, d.get]);
      else if (typeof d.value === "function") out.push([`${name}.${key}`, self, d.value]);
    }
  }
  out.push(["setLang", undefined, setLang], ["getLang", undefined, getLang]);
  return out;
}

test("every exported function, every hostile value in every argument", () => {
  let calls = 0;
  for (const [name, self, f] of methods()) {
    for (const [label, h] of Object.entries(HOSTILE)) {
      for (const args of [[h], [h, h], [h, h, h], [s2, h, "2026-10-15"], [h, "2026-10-15"]]) {
        answersOrZhidu(() => f.apply(self, args), `${name}(${label} ×${args.length})`);
        calls++;
      }
    }
  }
  setLang("en");
  assert.ok(calls > 500, `${calls} calls`);
});

test("hostile values inside requests, rows and columns", () => {
  for (const [label, h] of Object.entries(HOSTILE)) {
    const what = (w) => `${w} with ${label}`;
    for (const key of ["class", "acceptedAt", "days"]) {
      const req = { class: "promised", acceptedAt: "2026-09-30T10:00", days: 5, [key]: h };
      for (const m of ["due", "explain", "yellowFrom"]) answersOrZhidu(() => s2[m](req), what(`${m}.${key}`));
    }
    answersOrZhidu(() => s2.dueMany({ class: "promised", acceptedAt: [h, "2026-09-30"], days: [5, 5] }), what("dueMany.acceptedAt"));
    answersOrZhidu(() => s2.dueMany({ class: "promised", acceptedAt: ["2026-09-30"], days: [h] }), what("dueMany.days"));
    answersOrZhidu(() => s2.dueMany({ class: "promised", acceptedAt: ["2026-09-30"], days: Float64Array.of(typeof h === "number" ? h : 1) }), what("dueMany.days typed"));
    answersOrZhidu(() => s2.calendarMonth(h, 1), what("calendarMonth year"));
    answersOrZhidu(() => s2.calendarMonth(2026, h), what("calendarMonth month"));
    answersOrZhidu(() => s2.caseStatus({ id: "C1", class: "promised", accepted_at: "2026-09-30", days: h }, "2026-10-15"), what("case days"));
    answersOrZhidu(() => s2.caseStatus({ id: "C1", class: "promised", accepted_at: "2026-09-30", days: 5 }, h), what("asOf"));
    const incident = { subject: "张三", window: "W01", at: "2026-10-12", rule: "S14.att.2", quantity: h };
    answersOrZhidu(() => s14.assess({ period: "2026-10", incidents: [incident] }), what("assess quantity"));
    answersOrZhidu(() => s14.assess({ period: h, incidents: [] }), what("assess period"));
    answersOrZhidu(() => s2.decide({ violations: [{ subject: "张三", at: h, violation: "S2.zr.t1.1" }] }), what("decide at"));
    answersOrZhidu(() => s2.decide({ violations: [], asOf: h }), what("decide asOf"));
    answersOrZhidu(() => s2.report({ period: "2026-10", cases: [{ id: h, class: "promised", accepted_at: "2026-09-30", days: 5 }] }), what("report case id"));
  }
});

test("Infinity and 2**64 are written as JavaScript writes them", () => {
  const e = (() => { try { s2.due({ class: "promised", acceptedAt: "2026-09-30", days: Infinity }); } catch (e) { return e; } })();
  assert.equal(e.key, "rows.bad_days");
  assert.deepEqual(e.params, { value: "Infinity" });
  const m = (() => { try { s2.calendarMonth(2 ** 64, 1); } catch (e) { return e; } })();
  assert.match(m.message, /18446744073709552000/);
  const rows = s2.dueMany({ class: "promised", acceptedAt: ["2026-09-30"], days: Float64Array.of(-Infinity) });
  assert.equal(rows.errors[0].params.value, "-Infinity");
});

test("freed handles and foreign objects throw js.closed, in either language", () => {
  const set = PolicySet.builtin();
  const p = set.policy("s2-service-center");
  const other = set.policy("s2-service-center");
  set.free();
  other.free();
  const closed = (f, call) => {
    try {
      f();
    } catch (e) {
      assert.ok(e instanceof ZhiduError, `${call}: ${e}`);
      assert.equal(e.key, "js.closed");
      assert.equal(e.params.call, call);
      return e;
    }
    assert.fail(`${call} did not throw`);
  };
  closed(() => set.policy("s2-service-center"), "PolicySet.policy");
  closed(() => set.policyIds, "PolicySet.policyIds");
  closed(() => other.due({ class: "promised", acceptedAt: "2026-09-30", days: 5 }), "Policy.due");
  closed(() => p.caseChange(other, { id: "A", class: "promised", accepted_at: "2026-09-30", days: 5 }, "2026-10-15"), "Policy.caseChange");
  closed(() => Policy.prototype.due.call({}, {}), "Policy.due");
  setLang("zh");
  const zh = closed(() => other.id, "Policy.id");
  assert.match(zh.message, /已释放/);
  setLang("en");
  // The handle taken before the set was freed still works: it shares the compiled policy.
  assert.equal(p.due({ class: "promised", acceptedAt: "2026-09-30T10:00", days: 5 }).due_date, "2026-10-13");
});
