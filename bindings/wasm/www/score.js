// 考核计分计算器: pick incidents from a deduction table (S2 or S14) with quantities and, for
// discretionary rules, the chosen points → the scorecard by category, with bonus, total, fines,
// effects and the clause of every line. Every number comes from the engine (deductionTable,
// assess); this file only collects the incidents and draws the answer. A bad incident (points
// outside the range, a date that does not exist) is the engine's row error, shown on its line.
import { el } from "./due.js";
import { getLang, t } from "./i18n.js";

const pad = (n) => String(n).padStart(2, "0");
/** Today in the calendar's zone (+08:00 for the shipped calendar). */
function today(offset = "+08:00") {
  const [h, m] = offset.slice(1).split(":").map(Number);
  const sign = offset.startsWith("-") ? -1 : 1;
  return new Date(Date.now() + sign * (h * 60 + m) * 60_000).toISOString().slice(0, 10);
}
/** The last day of a `YYYY-MM` month. */
function lastDay(month) {
  const [y, m] = month.split("-").map(Number);
  return `${month}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}
const shortQuote = (q, n = 22) => (q.length > n ? `${q.slice(0, n)}…` : q);

/** `扣10—20分`, `加1/2/3分`, `不计分`: the points of one unit of a rule. */
function pointsText(rule) {
  const p = rule.points;
  if (p.type === "none") return t("score.noPoints");
  const magnitude =
    p.type === "fixed" ? `${p.value}` : p.type === "range" ? `${p.min}—${p.max}` : p.values.join("/");
  return t(rule.kind === "bonus" ? "score.plus" : "score.minus", { n: magnitude });
}
const unitWord = (unit) => t(`ruleUnit.${unit}`);
const money = (s) => `¥${s}`;
const signed = (n) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "0");

export default {
  id: "score",
  title: () => t("score.tab"),
  heading: () => t("score.title"),
  subtitle: () => t("score.subtitle"),
  mount(root, ctx) {
    const policies = ctx.policies
      .policies()
      .filter((p) => p.hasDeductionTable)
      .map((handle) => ({ handle, info: handle.info(), table: handle.deductionTable() }));
    const first = policies.find((p) => p.info.id === "s2-service-center") ?? policies[0];
    const offset = first?.info.calendar.utc_offset;
    const state = {
      policy: first?.info.id,
      month: today(offset).slice(0, 7),
      subject: "张三",
      window: "W01",
      rule: null,
      quantity: 1,
      points: "",
      note: "",
      date: null,
      search: "",
      items: [], // { rule, quantity, points, note, at }
    };
    const current = () => policies.find((p) => p.info.id === state.policy) ?? first;
    const ruleOf = (code) => current().table.rules.find((r) => r.code === code);
    const discretionary = (rule) => rule && (rule.points.type === "range" || rule.points.type === "choices");
    /** A date in the chosen month: today if it is in it, else the month's first day. */
    const defaultDate = () => {
      const d = today(offset);
      return d.startsWith(state.month) ? d : `${state.month}-01`;
    };

    if (!first) {
      root.replaceChildren(el("p", { class: "status", text: t("score.noTable") }));
      return { refresh() {} };
    }
    state.rule = current().table.rules[0]?.code;
    state.date = defaultDate();

    /** The points control of a rule: a number limited to the range, or the allowed choices. */
    function pointsControl(rule, value, attrs) {
      const p = rule.points;
      if (p.type === "choices") {
        return el(
          "select",
          attrs,
          el("option", { value: "", text: t("score.pointsDefault"), selected: value === "" }),
          p.values.map((v) => el("option", { value: v, text: v, selected: String(value) === String(v) })),
        );
      }
      return el("input", { ...attrs, type: "number", min: p.min, max: p.max, step: 1, inputmode: "numeric", placeholder: `${p.min}—${p.max}`, value });
    }

    function ruleInfo(rule) {
      const parts = [
        [t("score.points"), `${pointsText(rule)} / ${unitWord(rule.unit)}`],
        rule.fine !== "0.00" && [t("score.fine"), `${money(rule.fine)} / ${unitWord(rule.unit)}`],
        rule.effects.length && [t("score.effects"), rule.effects.join("、")],
        [t("score.charge"), t(`charge.${rule.charge}`)],
        rule.from_overdue_cases && ["", t("score.fromCases")],
        [t("info.source"), `${rule.code}「${rule.quote}」`],
      ].filter(Boolean);
      return el(
        "div",
        { class: "class-info", id: "rule-info" },
        el("ul", {}, parts.map(([k, v]) => el("li", {}, k ? el("span", { class: "k", text: k }) : null, " ", v))),
        rule.defaults.length
          ? el(
              "details",
              { class: "note" },
              el("summary", { text: `${t("due.defaults")} ${rule.defaults.map((d) => d.param).join(", ")}` }),
              el("ul", {}, rule.defaults.map((d) => el("li", {}, el("code", { class: "param", text: d.param }), d.key ? el("span", { class: "k", text: ` ${d.key}` }) : null, ` ${d.note}`))),
            )
          : null,
      );
    }

    // The form is built once per language and kept: typing in any field, a select change
    // or an edit of a line updates the state and redraws the answer only (and a line's own
    // error cell), so the focused field keeps its focus, caret and IME state. Parts that
    // depend on the rule or the policy (the rule card, the points control, the rule list)
    // are changed in place.
    const nodes = {};

    /** The table's rules grouped by category, keeping those the search finds: the engine
     * searches (`searchRules`: clause ids, their prefixes, words of the rule), the page only
     * labels the groups. */
    function ruleGroups(query) {
      const { handle, table } = current();
      const rules = new Map(table.rules.map((r) => [r.code, r]));
      const categories = new Map(table.categories.map((c) => [c.id, c]));
      return handle.searchRules(query).map((g) => {
        const c = g.category === null ? undefined : categories.get(g.category);
        return {
          label: c ? t("score.group", { name: c.name, max: c.maximum }) : t("score.groupOther"),
          rules: g.rules.map((code) => rules.get(code)).filter(Boolean),
        };
      });
    }

    /** The rule list for the search box's words; the chosen rule moves to the first found. */
    function syncRules() {
      let groups = ruleGroups(state.search);
      const none = groups.length === 0;
      nodes.searchNote.textContent = state.search ? (none ? t("score.searchNone", { q: state.search }) : t("score.searchFound", { n: groups.reduce((n, g) => n + g.rules.length, 0) })) : "";
      nodes.searchNote.className = none ? "note bad" : "note";
      if (none) groups = ruleGroups("");
      const codes = groups.flatMap((g) => g.rules.map((r) => r.code));
      if (!codes.includes(state.rule)) {
        state.rule = codes[0];
        state.points = "";
      }
      nodes.rule.replaceChildren(
        ...groups.map((g) =>
          el(
            "optgroup",
            { label: g.label },
            g.rules.map((r) =>
              el("option", {
                value: r.code,
                selected: r.code === state.rule,
                title: r.quote,
                text: `${r.code}　${shortQuote(r.quote)}　${pointsText(r)}/${unitWord(r.unit)}${r.fine !== "0.00" ? `　${money(r.fine)}` : ""}${r.withholding !== "0.00" ? `　${t("score.withheld")} ${money(r.withholding)}` : ""}`,
              }),
            ),
          ),
        ),
      );
      nodes.rule.value = state.rule;
      syncRule();
    }

    /** The rule card, the unit and the points control of the chosen rule, in place. */
    function syncRule() {
      const rule = ruleOf(state.rule) ?? current().table.rules[0];
      nodes.ruleInfo.replaceChildren(ruleInfo(rule));
      nodes.unit.textContent = unitWord(rule.unit);
      const points = discretionary(rule)
        ? el("label", {}, el("span", { text: t("score.chosen") }), pointsControl(rule, state.points, { id: "points", name: "points" }), el("small", { text: pointsText(rule) }))
        : el("label", { class: "fixed" }, el("span", { text: t("score.chosen") }), el("input", { id: "points", type: "text", disabled: true, value: pointsText(rule) }));
      nodes.pointsSlot.replaceChildren(points);
      const control = points.querySelector("#points");
      if (!control.disabled) for (const ev of ["input", "change"]) control.addEventListener(ev, () => (state.points = control.value));
    }

    /** The parts that follow the month: the incident date's bounds. */
    function syncMonth() {
      nodes.month.value = state.month;
      nodes.date.min = `${state.month}-01`;
      nodes.date.max = lastDay(state.month);
      nodes.date.value = state.date;
    }

    function form() {
      nodes.policy = el(
        "select",
        { id: "score-policy", name: "policy" },
        policies.map(({ info: p }) => el("option", { value: p.id, selected: p.id === state.policy, text: `${p.name}（${p.id}）` })),
      );
      // Bounded by the calendar's years, so a typed year takes four digits and moves on.
      const cal = current().info.calendar;
      nodes.month = el("input", { id: "month", name: "month", type: "month", value: state.month, required: true, min: `${cal.first_year}-01`, max: `${cal.last_year}-12` });
      nodes.period = el("input", { id: "score-period", type: "text", disabled: true, value: t(`period.${current().table.period}`) });
      nodes.subject = el("input", { id: "subject", name: "subject", type: "text", value: state.subject });
      nodes.window = el("input", { id: "window", name: "window", type: "text", value: state.window });
      nodes.search = el("input", {
        id: "rule-search",
        name: "rule-search",
        type: "search",
        value: state.search,
        placeholder: t("score.searchPlaceholder"),
        autocomplete: "off",
        "aria-describedby": "rule-search-note",
      });
      nodes.searchNote = el("small", { id: "rule-search-note", "aria-live": "polite" });
      nodes.rule = el("select", { id: "rule", name: "rule" });
      nodes.ruleInfo = el("div", { id: "rule-info-slot" });
      nodes.quantity = el("input", { id: "quantity", name: "quantity", type: "number", min: 1, step: 1, inputmode: "numeric", value: state.quantity });
      nodes.unit = el("span", { class: "unit" });
      nodes.pointsSlot = el("div", { class: "points-slot" });
      nodes.date = el("input", { id: "incident-date", name: "date", type: "date" });
      nodes.note = el("input", { id: "note", name: "note", type: "text", value: state.note });
      const add = el("button", { type: "submit", id: "add", text: t("score.add") });
      const f = el(
        "form",
        { class: "due-form score-form", id: "score-form", novalidate: true },
        el("label", {}, el("span", { text: t("score.policy") }), nodes.policy),
        el("div", { class: "row" }, el("label", {}, el("span", { text: t("score.month") }), nodes.month), el("label", {}, el("span", { text: t("score.period") }), nodes.period)),
        el("div", { class: "row" }, el("label", {}, el("span", { text: t("score.subject") }), nodes.subject), el("label", {}, el("span", { text: t("score.window") }), nodes.window)),
        el("h3", { class: "form-h", text: t("score.addIncident") }),
        el("label", {}, el("span", { text: t("score.search") }), nodes.search, nodes.searchNote),
        el("label", {}, el("span", { text: t("score.rule") }), nodes.rule),
        nodes.ruleInfo,
        el(
          "div",
          { class: "row three" },
          el("label", {}, el("span", { text: t("score.quantity") }), el("span", { class: "with-unit" }, nodes.quantity, nodes.unit)),
          nodes.pointsSlot,
          el("label", {}, el("span", { text: t("score.date") }), nodes.date),
        ),
        // A value chosen in a range needs its reason (A6): the engine refuses the row without one.
        el("label", {}, el("span", { text: t("score.note") }), nodes.note),
        add,
      );
      syncMonth();
      syncRules();
      nodes.policy.addEventListener("change", () => {
        state.policy = nodes.policy.value;
        state.rule = null;
        state.points = "";
        state.items = [];
        nodes.period.value = t(`period.${current().table.period}`);
        syncRules();
        showIncidents();
      });
      nodes.rule.addEventListener("change", () => {
        state.rule = nodes.rule.value;
        state.points = "";
        syncRule();
      });
      nodes.search.addEventListener("input", () => {
        state.search = nodes.search.value;
        syncRules();
      });
      // Enter in the search box goes to the list of what it found; it does not add a line.
      nodes.search.addEventListener("keydown", (e) => {
        if (e.key !== "Enter") return;
        e.preventDefault();
        nodes.rule.focus();
      });
      const onMonth = () => {
        const month = nodes.month.value;
        if (!/^\d{4}-\d{2}$/.test(month) || month === state.month) return;
        state.month = month;
        state.date = defaultDate();
        // incidents keep their day of the month where the new month has it
        state.items = state.items.map((i) => ({ ...i, at: `${month}-${i.at.slice(8, 10)}` <= lastDay(month) ? `${month}-${i.at.slice(8, 10)}` : lastDay(month) }));
        syncMonth();
        showIncidents();
      };
      nodes.month.addEventListener("input", onMonth);
      nodes.month.addEventListener("change", onMonth);
      for (const [node, key] of [[nodes.subject, "subject"], [nodes.window, "window"]]) {
        node.addEventListener("input", () => ((state[key] = node.value), showResult()));
      }
      // The incident being entered is not scored until it is added: typing only keeps it.
      for (const [node, key] of [[nodes.quantity, "quantity"], [nodes.date, "date"], [nodes.note, "note"]]) {
        for (const ev of ["input", "change"]) node.addEventListener(ev, () => (state[key] = node.value));
      }
      f.addEventListener("submit", (e) => {
        e.preventDefault();
        const r = ruleOf(state.rule);
        if (!r) return;
        state.items.push({ rule: r.code, quantity: state.quantity, points: discretionary(r) ? state.points : "", note: state.note, at: state.date });
        state.quantity = 1;
        state.points = "";
        state.note = "";
        nodes.quantity.value = "1";
        nodes.note.value = "";
        const p = nodes.pointsSlot.querySelector("#points");
        if (p && !p.disabled) p.value = "";
        showIncidents();
      });
      return f;
    }

    /** The request for the engine: one incident per added line, in order (row = index + 1). */
    function request() {
      const num = (v) => (v === "" || v === null || v === undefined ? undefined : Number(v));
      return {
        period: state.month,
        incidents: state.items.map((i) => ({
          subject: state.subject,
          window: state.window || undefined,
          at: i.at,
          rule: i.rule,
          quantity: num(i.quantity),
          points: num(i.points),
          note: i.note || undefined,
        })),
      };
    }

    /** The lines entered so far, with inputs to change them; their status cells are filled by `showResult`. */
    function showIncidents() {
      if (!state.items.length) {
        nodes.incidents.replaceChildren(el("p", { class: "note", id: "incidents-empty", text: t("score.empty") }));
        showResult();
        return;
      }
      const rows = state.items.map((item, i) => {
        const rule = ruleOf(item.rule);
        const edit = (node, key) => {
          for (const ev of ["input", "change"]) node.addEventListener(ev, () => ((item[key] = node.value), showResult()));
          return node;
        };
        const qty = edit(el("input", { type: "number", min: 1, step: 1, value: item.quantity, "aria-label": t("score.quantity"), class: "qty" }), "quantity");
        const points = discretionary(rule)
          ? edit(pointsControl(rule, item.points, { "aria-label": t("score.chosen"), class: "pts" }), "points")
          : el("span", { class: "muted", text: pointsText(rule) });
        const date = edit(el("input", { type: "date", value: item.at, min: `${state.month}-01`, max: lastDay(state.month), "aria-label": t("score.date"), class: "when" }), "at");
        const remove = el("button", { type: "button", class: "remove", title: t("score.remove"), "aria-label": `${t("score.remove")} ${item.rule}`, text: "×" });
        remove.addEventListener("click", () => {
          state.items.splice(i, 1);
          showIncidents();
          // Keyboard users stay in the list: the next line's ×, else the previous one's, else 添加.
          const removes = nodes.incidents.querySelectorAll(".remove");
          (removes[i] ?? removes[i - 1] ?? root.querySelector("#add"))?.focus();
        });
        return el(
          "tr",
          { "data-row": i + 1, "data-rule": item.rule },
          el("td", {}, el("code", { text: item.rule }), el("div", { class: "quote", text: rule?.quote ?? "" })),
          el("td", {}, qty, " ", el("span", { class: "muted", text: rule ? unitWord(rule.unit) : "" })),
          el("td", {}, points),
          el("td", {}, date),
          el("td", {}, remove),
          el("td", { class: "status" }),
        );
      });
      nodes.incidents.replaceChildren(
        el(
          "div",
          { class: "scroll" },
          el(
            "table",
            { class: "incidents", id: "incidents" },
            el("thead", {}, el("tr", {}, [t("score.rule"), t("score.quantity"), t("score.chosen"), t("score.date"), "", ""].map((h) => el("th", { text: h })))),
            el("tbody", {}, rows),
          ),
        ),
      );
      showResult();
    }

    /** Each line's error or out-of-period mark, set on the kept row. */
    function markRows(assessment) {
      const errors = new Map((assessment?.errors ?? []).filter((e) => e.input === "incident").map((e) => [e.row, e.error]));
      const outside = new Set(assessment?.outside_rows ?? []);
      for (const tr of nodes.incidents.querySelectorAll("tr[data-row]")) {
        const row = Number(tr.dataset.row);
        const error = errors.get(row);
        tr.className = error ? "bad" : outside.has(row) ? "outside" : "";
        const cell = el(
          "td",
          error || outside.has(row) ? { class: "status row-error", role: error ? "alert" : null, "data-code": error?.code } : { class: "status" },
          error ? [error.message, error.help ? el("small", { text: ` ${error.help}` }) : null] : outside.has(row) ? t("score.outside") : null,
        );
        tr.querySelector("td.status")?.replaceWith(cell);
      }
    }

    function card(c, full) {
      const categories = el(
        "table",
        { class: "cats" },
        el("thead", {}, el("tr", {}, [t("score.category"), t("score.score"), t("score.raw"), t("score.applied")].map((h) => el("th", { text: h })))),
        el(
          "tbody",
          {},
          c.categories.map((k) =>
            el(
              "tr",
              { "data-category": k.id, class: k.applied_deductions < k.raw_deductions ? "floored" : "" },
              el("td", { text: k.name }),
              el("td", {}, el("strong", { text: k.score }), ` / ${k.maximum}`, el("span", { class: "bar", style: `--f:${k.maximum ? k.score / k.maximum : 0}` })),
              el("td", { text: k.raw_deductions ? `−${k.raw_deductions}` : "0" }),
              el("td", { text: k.applied_deductions ? `−${k.applied_deductions}` : "0" }),
            ),
          ),
        ),
      );
      const lines = el(
        "table",
        { class: "lines" },
        el("thead", {}, el("tr", {}, [t("score.clause"), t("score.quoteHead"), t("score.quantity"), t("score.pointsHead"), t("score.fine"), t("score.date")].map((h) => el("th", { text: h })))),
        el(
          "tbody",
          {},
          c.lines.map((l) =>
            el(
              "tr",
              { "data-rule": l.rule },
              el("td", {}, el("code", { text: l.rule })),
              el("td", {}, `「${l.quote}」`, l.effects.length ? el("div", { class: "eff", text: `→ ${l.effects.join("、")}` }) : null, l.defaults.length ? el("div", { class: "muted", text: `${t("score.defaultsUsed")} ${l.defaults.join(", ")}` }) : null),
              el("td", { text: `${l.quantity} ${unitWord(l.unit)}` }),
              el("td", { class: l.points < 0 ? "neg" : l.points > 0 ? "pos" : "", text: `${signed(l.points)}${l.quantity > 1 ? ` (${signed(l.points_each)}×${l.quantity})` : ""}` }),
              el("td", { text: l.fine === "0.00" ? "—" : money(l.fine) }),
              el("td", { text: l.at.slice(0, 10) }),
            ),
          ),
        ),
      );
      const full_score = c.categories.reduce((s, k) => s + k.maximum, 0);
      const who = c.kind === "window" ? t("score.windowCard", { w: c.subject }) : t("score.personCard", { s: c.subject, w: c.window ?? "—" });
      return el(
        "article",
        { class: `card ${c.kind}`, "data-subject": c.subject, "data-kind": c.kind },
        el("h3", { text: who }),
        el(
          "dl",
          { class: "summary" },
          el("div", { class: "big" }, el("dt", { text: t("score.total") }), el("dd", {}, el("strong", { "data-testid": full ? "total" : null, text: c.total }), el("small", { text: ` ${t("score.of", { n: full_score })}` }))),
          el("div", {}, el("dt", { text: t("score.fines") }), el("dd", {}, el("strong", { class: "money", "data-testid": full ? "fines" : null, text: money(c.fines) }))),
          el("div", {}, el("dt", { text: t("score.withholdings") }), el("dd", {}, el("strong", { class: "money", "data-testid": full ? "withholdings" : null, text: money(c.withholdings) }))),
          el("div", {}, el("dt", { text: t("score.bonus") }), el("dd", { "data-testid": full ? "bonus" : null, text: signed(c.bonus) })),
          el(
            "div",
            { class: c.effects.length ? "warn" : "" },
            el("dt", { text: t("score.effects") }),
            el("dd", { "data-testid": full ? "effects" : null }, c.effects.length ? c.effects.map((e) => el("div", {}, el("strong", { text: e.name }), el("small", { text: ` ${e.rule} · ${e.at.slice(0, 10)}` }))) : t("score.none")),
          ),
        ),
        el("div", { class: "scroll" }, categories),
        c.lines.length ? [el("h4", { text: t("score.lines") }), el("div", { class: "scroll" }, lines)] : null,
      );
    }

    function result(assessment, failure) {
      if (failure) {
        return el(
          "div",
          { class: "result error", id: "score-result", role: "alert" },
          el("h2", { text: t("due.error") }),
          el("p", { class: "message", "data-code": failure.code, text: failure.message }),
          failure.help ? el("p", { class: "help", text: failure.help }) : null,
        );
      }
      const person = assessment.scorecards.find((c) => c.kind === "person" && c.subject === state.subject);
      const others = assessment.scorecards.filter((c) => c !== person);
      return el(
        "div",
        { class: "result", id: "score-result" },
        el("h2", { text: `${t("score.result")} · ${assessment.period}` }),
        person ? card(person, true) : el("p", { class: "note", text: t("score.noCard") }),
        others.length ? [el("h3", { class: "others", text: t("score.otherCards") }), others.map((c) => card(c, false))] : null,
      );
    }

    /** Score the lines and redraw the answer and the lines' status cells, nothing else. */
    function showResult() {
      let assessment = null;
      let failure = null;
      try {
        // An empty table still gives the full-score card of the person (the roster).
        assessment = current().handle.assess({ ...request(), roster: state.subject ? [[state.subject, state.window]] : [] });
      } catch (e) {
        failure = e;
      }
      markRows(assessment);
      nodes.result.replaceChildren(result(assessment, failure));
    }

    /** The whole calculator, once and on a language switch. */
    function render() {
      // The tables again: their default notes are in the engine's language, just switched.
      for (const p of policies) p.table = p.handle.deductionTable();
      nodes.incidents = el("div", { id: "incidents-slot" });
      nodes.result = el("div", { id: "score-result-slot", "aria-live": "polite" });
      root.replaceChildren(
        el(
          "div",
          { class: "due-layout score-layout", "data-lang": getLang() },
          form(),
          el("div", { class: "score-right" }, el("section", { class: "result", id: "incident-list" }, el("h2", { text: t("score.incidents") }), nodes.incidents), nodes.result),
        ),
      );
      showIncidents();
    }

    render();
    ctx.onLang(render);
    return { refresh: render };
  },
};
