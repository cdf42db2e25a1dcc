// Malformed inputs from JavaScript: wrong types, missing fields, garbage strings, huge
// numbers, nested junk, throwing getters and proxies. Every one must throw a ZhiduError with
// a code (never a `RuntimeError: unreachable`, never a plain TypeError from the glue), and the
// module must keep working afterwards.
import { test } from "node:test";
import assert from "node:assert/strict";
import { zhidu } from "./helpers.mjs";

const { PolicySet } = zhidu;
const ps = PolicySet.builtin();
const p = ps.policy("s2-service-center");
const good = { class: "promised", acceptedAt: "2026-09-30T10:00:00+08:00", days: 5 };
const goodCase = { id: "C1", class: "promised", accepted_at: "2026-09-30T10:00:00+08:00", days: 5 };
const CODES = new Set(["policy", "coverage", "unknown_policy", "unknown_class", "not_in_force", "input", "too_large", "conflict", "io"]);

/** `f` throws a ZhiduError (with `code` among the known ones, and `code` if given). */
function throwsZhidu(f, code, what = "") {
  let thrown;
  try {
    f();
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown !== undefined, `no error for ${what}`);
  assert.ok(!(thrown instanceof WebAssembly.RuntimeError), `trap for ${what}: ${thrown}`);
  assert.equal(thrown?.name, "ZhiduError", `${what}: ${thrown?.stack ?? thrown}`);
  assert.ok(thrown instanceof Error, what);
  assert.ok(CODES.has(thrown.code), `${what}: code ${thrown.code}`);
  assert.equal(typeof thrown.message, "string");
  assert.ok(thrown.help === null || typeof thrown.help === "string", what);
  assert.ok(Array.isArray(thrown.diagnostics), what);
  if (code) assert.equal(thrown.code, code, `${what}: ${thrown.message}`);
  return thrown;
}

/** `f` either returns or throws a ZhiduError: never a trap or another error. */
function answersOrThrowsZhidu(f, what) {
  try {
    f();
  } catch (e) {
    assert.ok(!(e instanceof WebAssembly.RuntimeError), `trap for ${what}: ${e}`);
    assert.equal(e?.name, "ZhiduError", `${what}: ${e?.stack ?? e}`);
  }
}

const still = () => assert.equal(p.due(good).due_date, "2026-10-13");

const throwingGetter = Object.defineProperty({}, "class", {
  enumerable: true,
  get() {
    throw new Error("boom");
  },
});
const throwingProxy = new Proxy(
  {},
  {
    ownKeys() {
      throw new Error("no keys");
    },
    get() {
      throw new Error("no get");
    },
  },
);
const cyclic = { ...goodCase };
cyclic.self = cyclic;
const deep = (n, leaf = 1) => {
  let v = leaf;
  for (let i = 0; i < n; i++) v = [v];
  return v;
};
const junk = [
  undefined, null, 0, -1, 1.5, NaN, Infinity, 1e300, 2n ** 70n, "", "x", "\u0000", "\ud800", true,
  Symbol("s"), () => 1, [], [1, 2], {}, Object.create(null), new Date(0), /re/, new Uint8Array(4),
  throwingGetter, throwingProxy, cyclic, deep(50),
];
const label = (v) => {
  try {
    return typeof v === "symbol" ? v.toString() : typeof v === "bigint" ? `${v}n` : JSON.stringify(v)?.slice(0, 40) ?? String(v);
  } catch {
    return v === throwingProxy ? "(throwing proxy)" : v === throwingGetter ? "(throwing getter)" : "(unprintable)";
  }
};
/** `{}` and `Object.create(null)`: empty plain objects, which are valid empty sets and rows. */
const isEmptyPlain = (v) =>
  v !== throwingProxy && v !== null && typeof v === "object" && !Array.isArray(v) &&
  [Object.prototype, null].includes(Object.getPrototypeOf(v)) && Reflect.ownKeys(v).length === 0;

test("PolicySet.fromToml and checkToml refuse what is not an object of texts", () => {
  for (const v of junk) {
    if (isEmptyPlain(v)) continue; // {} is an empty set
    throwsZhidu(() => PolicySet.fromToml(v), null, `fromToml(${label(v)})`);
  }
  throwsZhidu(() => PolicySet.fromToml({ "a.toml": 5 }), "input", "a number as text");
  throwsZhidu(() => PolicySet.checkToml({ "a.toml": null }), "input", "null as text");
  throwsZhidu(() => PolicySet.fromToml(throwingProxy), "input", "proxy");
  still();
});

test("policy texts: garbage, deep nesting, huge files and too many files", () => {
  for (const text of ["\u0000\uffff\ud800", "[policy\nid = \"a", "x = " + "[".repeat(100000), "x = " + "{a=".repeat(20000), "[[class]]\n".repeat(20000), "\ufeff[polcy]\n", "a = 1\n".repeat(200000)]) {
    const e = throwsZhidu(() => PolicySet.fromToml({ "bad.toml": text }), null, `text ${label(text)}`);
    assert.ok(["policy", "too_large"].includes(e.code), e.message);
    const d = PolicySet.checkToml({ "bad.toml": text });
    assert.ok(Array.isArray(d));
  }
  throwsZhidu(() => PolicySet.fromToml({ "big.toml": "#".repeat(9 * 1024 * 1024) }), "too_large", "9 MiB file");
  const many = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`f${i}.toml`, ""]));
  throwsZhidu(() => PolicySet.fromToml(many), "too_large", "1001 files");
  still();
});

test("policy errors carry every diagnostic and the first one's place", () => {
  const e = throwsZhidu(() => PolicySet.fromToml({ "town.toml": "[policy]\nid = 5\n" }), "policy");
  assert.equal(e.file, "town.toml");
  assert.equal(e.line, 2);
  assert.equal(e.column, 6);
  assert.equal(e.path, "policy.id");
  assert.ok(e.diagnostics.length >= 1);
  for (const d of e.diagnostics) {
    assert.deepEqual(Object.keys(d).sort(), ["column", "file", "help", "line", "message", "path", "severity"]);
  }
  const typo = throwsZhidu(() => PolicySet.fromToml({ "a.toml": "[polcy]\n" }), "policy");
  assert.equal(typo.help, "did you mean `policy`?");
});

test("policy() refuses junk ids and suggests close ones", () => {
  for (const v of junk) {
    if (typeof v === "string") continue;
    throwsZhidu(() => ps.policy(v), "input", `policy(${label(v)})`);
  }
  throwsZhidu(() => ps.policy("x".repeat(5000)), "input", "a 5000-character id");
  const e = throwsZhidu(() => ps.policy("s2-service-centre"), "unknown_policy");
  assert.equal(e.help, "did you mean `s2-service-center`?");
  still();
});

test("a Date is the instant it holds, in due as in dueMany (and in asOf)", () => {
  const instant = new Date("2026-09-30T02:00:00Z"); // 10:00 in Beijing
  const one = p.due({ class: "promised", acceptedAt: instant, days: 5 });
  const many = p.dueMany({ class: "promised", acceptedAt: [instant, new Date(NaN)], days: [5, 5] });
  assert.deepEqual([one.due_date, one.due_at], ["2026-10-13", "2026-10-14T00:00:00+08:00"]);
  assert.deepEqual([many.due_date[0], many.due_at[0]], [one.due_date, one.due_at]);
  assert.deepEqual(one, p.due({ class: "promised", acceptedAt: "2026-09-30T10:00:00+08:00", days: 5 }));
  // An invalid Date: an error in due, a failed row in dueMany.
  assert.equal(many.due_date[1], null);
  assert.equal(many.errors[0].index, 1);
  assert.equal(throwsZhidu(() => p.due({ class: "promised", acceptedAt: new Date(NaN), days: 5 }), "input").message,
    "`acceptedAt` is an invalid `Date`");
  const status = p.caseStatus(goodCase, new Date("2026-10-15T04:00:00Z"));
  assert.deepEqual(status, p.caseStatus(goodCase, "2026-10-15T12:00:00+08:00"));
});

test("due, explain and yellowFrom refuse malformed requests", () => {
  const requests = [
    ...junk,
    { class: "promised" },
    { acceptedAt: "2026-09-30" },
    { ...good, class: 5 },
    { ...good, class: null },
    { ...good, acceptedAt: 20260930 },
    { ...good, acceptedAt: new Date(NaN) },
    { ...good, acceptedAt: "garbage" },
    { ...good, acceptedAt: "2026-02-30" },
    { ...good, acceptedAt: "2026-09-30T25:00" },
    { ...good, acceptedAt: "99999-01-01" },
    { ...good, acceptedAt: "-2026-09-30" },
    { ...good, acceptedAt: "2026-09-30T10:00:00+99:00" },
    { ...good, acceptedAt: "2026-09-30".repeat(1000) },
    { ...good, acceptedAt: "\ud800\udfff\ud800" },
    { ...good, days: -1 },
    { ...good, days: 1.5 },
    { ...good, days: NaN },
    { ...good, days: Infinity },
    { ...good, days: 1e20 },
    { ...good, days: 4294967296 },
    { ...good, days: "5" },
    { ...good, days: 5n },
    { ...good, days: [5] },
    { ...good, days: { valueOf: () => 5 } },
    { ...good, days: 4294967295 },
    { ...good, days: 100000 }, // runs past 2100, the last covered year
    { ...good, class: "complaint_complex", days: 5 }, // fixed limit: days refused
    { ...good, class: "complaint_on_spot", acceptedAt: "2026-09-30" }, // minutes need a time
    { ...good, class: "promsied" },
    { ...good, accepted_at: good.acceptedAt },
    { ...good, extra: 1 },
    { ...good, acceptedAt: "2003-06-01" },
    { ...good, acceptedAt: "2101-01-04" },
    throwingGetter,
    throwingProxy,
    new Proxy(good, { get: () => { throw new Error("get"); } }),
  ];
  for (const r of requests) {
    for (const method of ["due", "explain", "yellowFrom"]) {
      throwsZhidu(() => p[method](r), null, `${method}(${label(r)})`);
    }
  }
  const typo = throwsZhidu(() => p.due({ ...good, accepted_at: "x", acceptedAt: undefined }), "input");
  assert.equal(typo.help, "did you mean `acceptedAt`?");
  assert.equal(throwsZhidu(() => p.due({ ...good, class: "promsied" }), "unknown_class").help, "did you mean `promised`?");
  assert.equal(throwsZhidu(() => p.due({ ...good, acceptedAt: "2101-01-04" }), "coverage").message, "calendar `cn-mainland` does not cover 2101");
  assert.match(throwsZhidu(() => p.due({ ...good, days: 1.5 }), "input").message, /whole number/);
  assert.match(throwsZhidu(() => p.due({ class: "promised" }), "input").message, /missing `acceptedAt`/);
  // undefined keys are absent keys; null days are no days
  assert.equal(p.due({ ...good, days: undefined, class: "complaint_complex" }).limit, 7);
  still();
});

test("dueMany: call errors for malformed columns, row errors for bad rows", () => {
  const bad = [
    ...junk,
    { class: "promised" },
    { class: "promised", acceptedAt: "2026-09-30" },
    { class: "promised", acceptedAt: { length: 2 } },
    { class: "promised", acceptedAt: ["2026-09-30"], days: "5" },
    { class: "promised", acceptedAt: ["2026-09-30"], days: new Int32Array(2) },
    { class: "promised", acceptedAt: ["2026-09-30"], days: [1, 2] },
    { class: "promised", acceptedAt: ["2026-09-30"], days: new BigInt64Array(1) },
    { class: "promised", acceptedAt: [1n] },
    { class: "promised", acceptedAt: [cyclic] },
    { class: "promised", acceptedAt: [deep(1e6)] }, // JSON.stringify runs out of stack: a call error
    { class: "promised", acceptedAt: new Array(10_000_001) },
    { class: "promsied", acceptedAt: [] },
    { class: "promised", acceptedAt: [], extra: true },
  ];
  for (const r of bad) {
    if (r && typeof r === "object" && "acceptedAt" in r && Array.isArray(r.acceptedAt) && r.acceptedAt.length === 0 && r.class === "promised" && !("extra" in r)) continue;
    throwsZhidu(() => p.dueMany(r), null, `dueMany(${label(r)})`);
  }
  const rows = ["2026-09-30T10:00:00+08:00", 5, null, undefined, "garbage", ["2026-09-30"], { a: 1 }, "2101-01-04", "2026-09-30\n", "2026-09-30", new Date("2026-09-30T02:00:00Z"), deep(20), deep(1000)];
  const days = [5, 5, 5, 5, 5, 5, 5, 5, 5, -1, 5, 5, 5];
  const out = p.dueMany({ class: "promised", acceptedAt: rows, days });
  assert.equal(out.due_date.length, rows.length);
  assert.equal(out.due_at.length, rows.length);
  assert.equal(out.due_date[0], "2026-10-13");
  // a Date is written as its ISO instant by JSON, as in every JSON host
  assert.equal(out.due_date[10], "2026-10-13");
  const failed = out.errors.map((e) => e.index);
  // row 8 ("2026-09-30\n") is answered: the core trims surrounding white space
  assert.deepEqual(failed, [1, 2, 3, 4, 5, 6, 7, 9, 11, 12]);
  for (const e of out.errors) {
    assert.ok(CODES.has(e.code));
    assert.equal(out.due_date[e.index], null);
    assert.equal(out.due_at[e.index], null);
    // A coverage error also has its kind's fields (as a thrown one has).
    const fields = e.code === "coverage" ? ["calendar", "first_year", "last_year", "year"] : [];
    assert.deepEqual(Object.keys(e).sort(), ["code", "help", "index", "key", "message", "params", ...fields].sort());
  }
  assert.equal(out.errors.find((e) => e.index === 7).code, "coverage");
  assert.match(out.errors.find((e) => e.index === 1).message, /must be a string or a Date, not a number/);
  assert.match(out.errors.find((e) => e.index === 9).message, /whole number/);
  // typed day columns: Int32Array (negative cells are row errors), Uint32Array, Float64Array
  for (const d of [Int32Array.of(5, -3), Uint32Array.of(5, 4294967295), Float64Array.of(5, NaN)]) {
    const r = p.dueMany({ class: "promised", acceptedAt: ["2026-09-30", "2026-09-30"], days: d });
    assert.equal(r.due_date[0], "2026-10-13");
    assert.equal(r.due_date[1], null);
    assert.equal(r.errors.length, 1);
  }
  // empty columns
  assert.deepEqual(p.dueMany({ class: "promised", acceptedAt: [] }), { due_date: [], due_at: [], provisional: [], basis: [], errors: [], error_count: 0, stamp: p.stamp });
  still();
});

test("cases: junk, cycles, deep nesting and too many events", () => {
  const events = (n) => Array.from({ length: n }, (_, i) => ({ kind: "extend", at: "2026-10-01", days: 0, n: i }));
  const cases = [
    ...junk.filter((v) => v !== cyclic),
    cyclic,
    {},
    { ...goodCase, id: [5] },
    { ...goodCase, accepted_at: "garbage" },
    { ...goodCase, accepted_at: 20260930 },
    { ...goodCase, days: -1 },
    { ...goodCase, days: 1e20 },
    { ...goodCase, days: 5n },
    { ...goodCase, extra: 1 },
    { ...goodCase, events: "suspend" },
    { ...goodCase, events: [{ kind: "pause", at: "2026-10-01" }] },
    { ...goodCase, events: [{ kind: "resume", at: "2026-10-01T09:00" }] },
    { ...goodCase, events: [{ kind: "suspend", at: "2026-10-01T09:00", reason: "holiday" }] },
    { ...goodCase, events: [{ kind: "extend", at: "2026-10-01", days: 99 }] },
    { ...goodCase, events: [{ kind: "suspend", at: deep(5000, "x"), reason: "hearing" }] },
    { ...goodCase, events: deep(200000) },
    { ...goodCase, events: Array.from({ length: 1001 }, () => ({ kind: "start", at: "2026-10-01" })) },
    { ...goodCase, completed_at: "2026-09-01" },
    { ...goodCase, class: "promsied" },
    { ...goodCase, handler: { toJSON() { throw new Error("toJSON"); } } },
    { ...goodCase, events: events(5000) },
    { ...goodCase, id: "x".repeat(2 * 1024 * 1024) },
  ];
  for (const c of cases) {
    for (const method of ["caseStatus", "explainCase"]) {
      throwsZhidu(() => p[method](c, "2026-10-12T09:00:00+08:00"), null, `${method}(${label(c)})`);
    }
  }
  for (const asOf of [undefined, null, 5, "", "garbage", "2026-13-01", "x".repeat(5000), {}, 5n]) {
    throwsZhidu(() => p.caseStatus(goodCase, asOf), "input", `asOf ${label(asOf)}`);
  }
  assert.equal(p.caseStatus(goodCase, "2026-10-12T09:00:00+08:00").status, "yellow");
  // a batch of cases: a bad case is a row error, the others are answered
  const out = p.caseStatuses([goodCase, {}, cyclic, { ...goodCase, id: "C2" }], "2026-10-12T09:00:00+08:00");
  assert.deepEqual(out.statuses.map((s) => s?.id ?? null), ["C1", null, null, "C2"]);
  assert.deepEqual(out.errors.map((e) => [e.index, e.code]), [[1, "input"], [2, "input"]]);
  throwsZhidu(() => p.caseStatuses("x", "2026-10-12"), "input", "caseStatuses of a string");
  still();
});

test("calendarMonth refuses impossible months and years", () => {
  for (const [y, m] of [[2026, 0], [2026, 13], [2026.5, 1], ["2026", 1], [1e300, 1], [2026, -1], [2101, 1], [2003, 12], [undefined, undefined], [2 ** 40, 1], [2026, 2 ** 40]]) {
    throwsZhidu(() => p.calendarMonth(y, m), null, `calendarMonth(${y}, ${m})`);
  }
  assert.equal(p.calendarMonth(2026, 10).length, 31);
  still();
});

test("a freed object throws a JavaScript Error, not a trap", () => {
  const q = ps.policy("s2-service-center");
  q.free();
  let e;
  try {
    q.due(good);
  } catch (x) {
    e = x;
  }
  assert.ok(e instanceof Error && !(e instanceof WebAssembly.RuntimeError), String(e));
  still();
});

test("seeded random junk never traps any method", () => {
  let seed = 20261001;
  const rnd = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const atoms = ["promised", "2026-09-30", "2026-09-30T10:00", "s2-service-center", "", "\u0000", "days", 5, -5, 0.5, 1e30, null, undefined, true, 2n, NaN];
  const keys = ["class", "acceptedAt", "days", "id", "accepted_at", "events", "kind", "at", "reason", "x"];
  const value = (depth) => {
    const k = rnd(depth > 3 ? 2 : 5);
    if (k < 2) return atoms[rnd(atoms.length)];
    if (k === 2) return Array.from({ length: rnd(4) }, () => value(depth + 1));
    if (k === 3) return Int32Array.from({ length: rnd(3) }, () => rnd(40) - 5);
    return Object.fromEntries(Array.from({ length: rnd(4) }, () => [keys[rnd(keys.length)], value(depth + 1)]));
  };
  for (let i = 0; i < 3000; i++) {
    const a = value(0);
    const b = value(1);
    const calls = [
      () => p.due(a),
      () => p.explain(a),
      () => p.yellowFrom(a),
      () => p.dueMany(a),
      () => p.dueMany({ class: "promised", acceptedAt: Array.isArray(a) ? a : [a], days: Array.isArray(b) ? b : undefined }),
      () => p.caseStatus(a, typeof b === "string" ? b : "2026-10-12"),
      () => p.explainCase(a, "2026-10-12"),
      () => p.calendarMonth(a, b),
      () => ps.policy(a),
      () => PolicySet.checkToml(a),
    ];
    const call = calls[i % calls.length];
    answersOrThrowsZhidu(call, `call ${i % calls.length} with ${label(a)}, ${label(b)}`);
  }
  still();
});

// ---- assess, rankPeriod and decide: a bad row is a row error, a bad request a ZhiduError ----

const s14 = ps.policy("s14-window-scorecard");
const inc = { subject: "张三", window: "W01", at: "2026-10-12", rule: "S14.att.2" };
const vio = { subject: "张三", at: "2026-10-12", violation: "S2.zr.t1.1" };
const scoreOf = (a) => a.scorecards.find((c) => c.subject === "张三" && c.kind === "person")?.total;

test("assess and rankPeriod refuse malformed requests with a ZhiduError", () => {
  const requests = [
    ...junk,
    {},
    { incidents: [inc] },
    { period: 202610, incidents: [inc] },
    { period: "2026-13", incidents: [inc] },
    { period: "2026-Q5", incidents: [inc] },
    { period: "garbage", incidents: [inc] },
    { period: "x".repeat(5000), incidents: [inc] },
    { period: "2026-10", incidents: "S14.att.2" },
    { period: "2026-10", incidents: { 0: inc, length: 1 } },
    { period: "2026-10", incidents: new Array(10_000_001) },
    { period: "2026-10", incidents: [inc], lines: "yes" },
    { period: "2026-10", incidents: [inc], roster: "张三" },
    { period: "2026-10", incidents: [inc], roster: [["张三"]] },
    { period: "2026-10", incidents: [inc], roster: [[1, null]] },
    { period: "2026-10", incidents: [inc], roster: { 张三: [5] } },
    { period: "2026-10", incidents: [inc], roster: [cyclic] },
    { period: "2026-10", incidents: [inc], cases: "C1" },
    { period: "2026-10", incidents: [inc], cases: [goodCase], casePolicy: "s2-service-centre" },
    { period: "2026-10", incidents: [inc], cases: [goodCase], casePolicy: 5 },
    { period: "2026-10", incident: [inc] },
    new Proxy({ period: "2026-10", incidents: [inc] }, { get: () => { throw new Error("get"); } }),
  ];
  for (const r of requests) {
    throwsZhidu(() => s14.assess(r), null, `assess(${label(r)})`);
    throwsZhidu(() => s14.rankPeriod(r), null, `rankPeriod(${label(r)})`);
  }
  assert.equal(throwsZhidu(() => s14.assess({ period: "2026-10", incident: [] }), "input").help, "did you mean `incidents`?");
  assert.match(throwsZhidu(() => s14.assess({ period: "2026-13" }), "input").message, /not a period/);
  assert.equal(throwsZhidu(() => s14.assess({ period: "2026-10", cases: [goodCase], casePolicy: "nope" }), "unknown_policy").code, "unknown_policy");
  // a policy without a deduction table
  throwsZhidu(() => ps.policy("s7-joint-processing").assess({ period: "2026-10", incidents: [] }), "input", "no table");
  still();
});

test("assess: every bad incident is a row error with its 1-based row; the good rows are scored", () => {
  const bad = [
    5, null, undefined, "S14.att.2", [inc], true, 2n, () => 1, Symbol("s"),
    {}, { ...inc, rule: 5 }, { ...inc, rule: "S14.att.9" }, { ...inc, rule: "" },
    { ...inc, at: "garbage" }, { ...inc, at: "2026-02-30" }, { ...inc, at: 20261012 }, { ...inc, at: "2026-10-12".repeat(500) },
    { ...inc, quantity: 0 }, { ...inc, quantity: -1 }, { ...inc, quantity: 1.5 }, { ...inc, quantity: NaN }, { ...inc, quantity: Infinity },
    { ...inc, quantity: 1e300 }, { ...inc, quantity: 2 ** 63 }, { ...inc, quantity: 1e7 }, { ...inc, quantity: "two" }, { ...inc, quantity: 2n },
    { ...inc, rule: "S14.att.6", points: 25 }, { ...inc, rule: "S14.att.6", points: -15 }, { ...inc, rule: "S14.att.6", points: 1e300 },
    { ...inc, rule: "S14.att.6", points: "fifteen" }, { ...inc, points: 3 }, { ...inc, extra: 1 }, { ...inc, subject: [5] },
    { ...inc, window: ["W01"] }, { ...inc, note: { toJSON() { throw new Error("toJSON"); } } }, cyclic, { ...inc, note: deep(5000) },
    throwingGetter, throwingProxy, new Date(0), new Uint8Array(4),
  ];
  const incidents = [inc, ...bad, { ...inc, rule: "S14.att.1a", quantity: 2 }];
  const a = s14.assess({ period: "2026-10", incidents });
  assert.equal(scoreOf(a), 90 - 2 - 2);
  assert.deepEqual(a.errors.map((e) => e.row), bad.map((_, i) => i + 2), JSON.stringify(a.errors.map((e) => [e.row, e.error.message])));
  for (const e of a.errors) {
    assert.equal(e.input, "incident");
    assert.ok(CODES.has(e.error.code), e.error.code);
    assert.equal(typeof e.error.message, "string");
    // A row that could not be read also says where and which problem (`row`), as in every host.
    assert.deepEqual(Object.keys(e.error).filter((k) => k !== "row").sort(), ["code", "diagnostics", "help", "key", "message", "params"]);
    if (e.error.row) assert.equal(e.error.row.row, e.row);
  }
  const message = (row) => a.errors.find((e) => e.row === row).error.message;
  assert.match(message(2), /must be an object, not the number `5`/);
  assert.match(message(13), /S14\.att\.9/);
  // every bad row alone, too (the row-by-row path and the whole-column path agree)
  for (const [i, row] of bad.entries()) {
    const one = s14.assess({ period: "2026-10", incidents: [inc, row] });
    assert.deepEqual(one.errors.map((e) => e.row), [2], `row ${label(row)}`);
    assert.equal(one.errors[0].error.message, message(i + 2), `row ${label(row)}`);
  }
  // bad cases are case row errors
  const handled = { ...goodCase, handler: "张三", window: "W01", completed_at: "2026-10-14T10:00:00+08:00" }; // due 10-13: 1 day late
  const withCases = s14.assess({ period: "2026-10", incidents: [inc], cases: [handled, {}, cyclic, 5, { ...goodCase, days: -1 }, { ...goodCase, days: NaN }], casePolicy: "s2-service-center" });
  assert.deepEqual(withCases.errors.map((e) => [e.input, e.row]), [["case", 2], ["case", 3], ["case", 4], ["case", 5], ["case", 6]]);
  assert.equal(scoreOf(withCases), 88 - 2); // S14.biz.1.6: 1 day × 2
  still();
});

test("decide: bad requests throw, bad violation rows are row errors", () => {
  const requests = [
    ...junk,
    {},
    { violations: "S2.zr.t1.1" },
    { violations: [vio], asOf: 5 },
    { violations: [vio], asOf: "garbage" },
    { violations: [vio], asOf: "2026-10-32" },
    { violations: [vio], asOf: "x".repeat(5000) },
    { violations: [vio], as_of: "2026-10-31" },
    { violations: new Array(10_000_001) },
  ];
  for (const r of requests) throwsZhidu(() => p.decide(r), null, `decide(${label(r)})`);
  assert.equal(throwsZhidu(() => p.decide({ violations: [], as_of: "x" }), "input").help, "did you mean `asOf`?");
  throwsZhidu(() => s14.decide({ violations: [] }), "input", "a policy without accountability rules");
  const bad = [
    5, null, "S2.zr.t1.1", [vio], {}, { ...vio, violation: "S2.zr.t9.9" }, { ...vio, violation: 5 }, { ...vio, at: "garbage" },
    { ...vio, flags: "no_such_flag;caused_delay" }, { ...vio, flags: ["no_such_flag"] }, { ...vio, flags: [5] }, { ...vio, extra: 1 },
    { ...vio, note: 5n }, cyclic, throwingGetter, { ...vio, at: 1e300 },
  ];
  const d = p.decide({ violations: [vio, ...bad] });
  assert.deepEqual(d.decisions.map((x) => x.row), [1]);
  assert.deepEqual(d.errors.map((e) => e.row), bad.map((_, i) => i + 2), JSON.stringify(d.errors.map((e) => [e.row, e.error.message])));
  for (const e of d.errors) {
    assert.equal(e.input, "violation");
    assert.ok(CODES.has(e.error.code));
  }
  still();
});

test("seeded random junk never traps assess, rankPeriod or decide", () => {
  let seed = 20261031;
  const rnd = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const atoms = ["S14.att.2", "S14.att.6", "S2.zr.t1.1", "2026-10-12", "2026-10", "2026-Q4", "张三", "W01", "", 5, -5, 0, 15, 1e30, 2 ** 53, null, undefined, true, NaN];
  const keys = ["subject", "window", "at", "rule", "quantity", "points", "violation", "flags", "period", "incidents", "roster", "cases", "lines", "asOf", "violations", "x"];
  const value = (depth) => {
    const k = rnd(depth > 3 ? 2 : 4);
    if (k < 2) return atoms[rnd(atoms.length)];
    if (k === 2) return Array.from({ length: rnd(4) }, () => value(depth + 1));
    return Object.fromEntries(Array.from({ length: rnd(5) }, () => [keys[rnd(keys.length)], value(depth + 1)]));
  };
  const row = () => ({ subject: "张三", at: "2026-10-12", rule: atoms[rnd(3)], violation: "S2.zr.t1.1", ...value(1) });
  for (let i = 0; i < 1500; i++) {
    const a = value(0);
    const rows = Array.from({ length: rnd(4) }, row);
    const calls = [
      () => s14.assess(a),
      () => s14.assess({ period: "2026-10", incidents: rows.map(({ violation, ...r }) => r) }),
      () => s14.rankPeriod({ period: "2026-10", incidents: Array.isArray(a) ? a : [a] }),
      () => p.decide(a),
      () => p.decide({ violations: rows.map(({ rule, ...r }) => r) }),
    ];
    answersOrThrowsZhidu(calls[i % calls.length], `call ${i % calls.length} with ${label(a)}`);
  }
  still();
});

test("reportFromFiles: junk for a request, a file, a name or a text throws a ZhiduError; junk text is bad rows", () => {
  const file = (name, text) => ({ name, text });
  const cases = file("cases.jsonl", JSON.stringify({ ...goodCase, accepted_at: "2026-10-12T10:00:00+08:00" }) + "\n");
  for (const v of junk) {
    if (!isEmptyPlain(v)) throwsZhidu(() => p.reportFromFiles(v), "input", `reportFromFiles(${label(v)})`);
    throwsZhidu(() => p.reportFromFiles({ period: "2026-10", cases: v }), "input", `cases ${label(v)}`);
    if (v !== undefined && v !== null) throwsZhidu(() => p.reportFromFiles({ period: "2026-10", cases, incidents: v }), "input", `incidents ${label(v)}`);
    if (typeof v !== "string") {
      throwsZhidu(() => p.reportFromFiles({ period: "2026-10", cases: file(v, "") }), "input", `name ${label(v)}`);
      throwsZhidu(() => p.reportFromFiles({ period: "2026-10", cases: file("a.jsonl", v) }), "input", `text ${label(v)}`);
    }
  }
  throwsZhidu(() => p.reportFromFiles({ period: "2026-10", cases: { ...cases, size: 3 } }), "input", "an unknown key of a file");
  // Garbage text is rows that cannot be read, in the report, never a throw; the module still works.
  for (const text of ["\u0000\uffff\ud800\n", "[".repeat(100000) + "\n", "{}\n".repeat(1000), '{"id":"x","class":"promised","accepted_at":"2026-10-12","days":1e400}\n']) {
    const { report } = p.reportFromFiles({ period: "2026-10", cases: file("a.jsonl", text) });
    assert.ok(report.case_errors.length >= 1, label(text));
  }
  answersOrThrowsZhidu(() => p.reportFromFiles({ period: "2026-10", cases: file("a.csv", '"\n'.repeat(1000)) }), "an unclosed quote");
  still();
});
