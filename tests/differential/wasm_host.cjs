// The WASM host of the differential test: the same scenarios through the node package.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { PolicySet } = require(path.resolve(__dirname, "../../bindings/wasm/pkg/node"));

const input = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const ps = PolicySet.builtin();
const policy = (id) => ps.policy(id);
const err = (e) => ({ error: e.code ?? "thrown" });

const due = input.due.map((r) => {
  try {
    const d = policy(r.policy).due({ class: r.class, acceptedAt: r.accepted_at, days: r.days ?? undefined });
    return { due_date: d.due_date, due_at: d.due_at };
  } catch (e) { return err(e); }
});
const cases = input.cases.map((r) => {
  try {
    const s = policy(r.policy).caseStatus(r.case, r.as_of);
    return { status: s.status, due_date: s.due_date, due_at: s.due_at, remaining: s.remaining, overdue_days: s.overdue_days };
  } catch (e) { return err(e); }
});
const a = policy(input.assess.policy).assess({ period: input.assess.period, incidents: input.assess.incidents });
const cards = a.scorecards.map((c) => ({
  subject: c.subject, kind: c.kind, total: c.total, bonus: c.bonus, fines: c.fines,
  categories: Object.fromEntries(c.categories.map((x) => [x.id, x.score])),
}));
const errors = a.errors.map((e) => [e.row, e.error.code]);
process.stdout.write(JSON.stringify({ due, cases, assess: { cards, errors } }));
