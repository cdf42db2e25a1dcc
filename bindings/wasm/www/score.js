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

    function form() {
      const { info, table } = current();
      const rule = ruleOf(state.rule) ?? table.rules[0];
      const policySelect = el(
        "select",
        { id: "score-policy", name: "policy" },
        policies.map(({ info: p }) => el("option", { value: p.id, selected: p.id === state.policy, text: `${p.name}（${p.id}）` })),
      );
      const groups = [
        ...table.categories.map((c) => ({ label: t("score.group", { name: c.name, max: c.maximum }), rules: table.rules.filter((r) => r.category === c.id) })),
        { label: t("score.groupOther"), rules: table.rules.filter((r) => r.category === null) },
      ].filter((g) => g.rules.length);
      const ruleSelect = el(
        "select",
        { id: "rule", name: "rule" },
        groups.map((g) =>
          el(
            "optgroup",
            { label: g.label },
            g.rules.map((r) =>
              el("option", {
                value: r.code,
                selected: r.code === rule.code,
                title: r.quote,
                text: `${r.code}　${shortQuote(r.quote)}　${pointsText(r)}/${unitWord(r.unit)}${r.fine !== "0.00" ? `　${money(r.fine)}` : ""}${r.withholding !== "0.00" ? `　${t("score.withheld")} ${money(r.withholding)}` : ""}`,
              }),
            ),
          ),
        ),
      );
      const add = el("button", { type: "submit", id: "add", text: t("score.add") });
      const f = el(
        "form",
        { class: "due-form score-form", id: "score-form", novalidate: true },
        el("label", {}, el("span", { text: t("score.policy") }), policySelect),
        el(
          "div",
          { class: "row" },
          el("label", {}, el("span", { text: t("score.month") }), el("input", { id: "month", name: "month", type: "month", value: state.month, required: true })),
          el("label", {}, el("span", { text: t("score.period") }), el("input", { type: "text", disabled: true, value: t(`period.${table.period}`) })),
        ),
        el(
          "div",
          { class: "row" },
          el("label", {}, el("span", { text: t("score.subject") }), el("input", { id: "subject", name: "subject", type: "text", value: state.subject })),
          el("label", {}, el("span", { text: t("score.window") }), el("input", { id: "window", name: "window", type: "text", value: state.window })),
        ),
        el("h3", { class: "form-h", text: t("score.addIncident") }),
        el("label", {}, el("span", { text: t("score.rule") }), ruleSelect),
        ruleInfo(rule),
        el(
          "div",
          { class: "row three" },
          el("label", {}, el("span", { text: t("score.quantity") }), el("span", { class: "with-unit" }, el("input", { id: "quantity", name: "quantity", type: "number", min: 1, step: 1, inputmode: "numeric", value: state.quantity }), el("span", { class: "unit", text: unitWord(rule.unit) }))),
          discretionary(rule)
            ? el("label", {}, el("span", { text: t("score.chosen") }), pointsControl(rule, state.points, { id: "points", name: "points" }), el("small", { text: pointsText(rule) }))
            : el("label", { class: "fixed" }, el("span", { text: t("score.chosen") }), el("input", { id: "points", type: "text", disabled: true, value: pointsText(rule) })),
          el("label", {}, el("span", { text: t("score.date") }), el("input", { id: "incident-date", name: "date", type: "date", value: state.date, min: `${state.month}-01`, max: lastDay(state.month) })),
        ),
        // A value chosen in a range needs its reason (A6): the engine refuses the row without one.
        el("label", {}, el("span", { text: t("score.note") }), el("input", { id: "note", name: "note", type: "text", value: state.note })),
        add,
      );
      policySelect.addEventListener("change", () => {
        state.policy = policySelect.value;
        state.rule = current().table.rules[0]?.code;
        state.points = "";
        state.items = [];
        render();
      });
      ruleSelect.addEventListener("change", () => {
        read(f);
        state.rule = ruleSelect.value;
        state.points = "";
        render();
      });
      f.querySelector("#month").addEventListener("change", (e) => {
        const month = e.target.value;
        if (!/^\d{4}-\d{2}$/.test(month)) return;
        state.month = month;
        state.date = defaultDate();
        // incidents keep their day of the month where the new month has it
        state.items = state.items.map((i) => ({ ...i, at: `${month}-${i.at.slice(8, 10)}` <= lastDay(month) ? `${month}-${i.at.slice(8, 10)}` : lastDay(month) }));
        render();
      });
      for (const id of ["#subject", "#window"]) f.querySelector(id).addEventListener("change", () => (read(f), render()));
      f.addEventListener("submit", (e) => {
        e.preventDefault();
        read(f);
        const r = ruleOf(state.rule);
        state.items.push({ rule: r.code, quantity: state.quantity, points: discretionary(r) ? state.points : "", note: state.note, at: state.date });
        state.quantity = 1;
        state.points = "";
        state.note = "";
        render();
        root.querySelector("#add")?.focus();
      });
      return f;
    }

    function read(f) {
      state.subject = f.querySelector("#subject").value;
      state.window = f.querySelector("#window").value;
      state.quantity = f.querySelector("#quantity").value;
      const p = f.querySelector("#points");
      state.points = p && !p.disabled ? p.value : "";
      state.note = f.querySelector("#note").value;
      state.date = f.querySelector("#incident-date").value;
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

    function incidentList(assessment) {
      const errors = new Map((assessment?.errors ?? []).filter((e) => e.input === "incident").map((e) => [e.row, e.error]));
      const outside = new Set(assessment?.outside_rows ?? []);
      if (!state.items.length) return el("p", { class: "note", id: "incidents-empty", text: t("score.empty") });
      const rows = state.items.map((item, i) => {
        const rule = ruleOf(item.rule);
        const error = errors.get(i + 1);
        const qty = el("input", { type: "number", min: 1, step: 1, value: item.quantity, "aria-label": t("score.quantity"), class: "qty" });
        qty.addEventListener("change", () => ((item.quantity = qty.value), render()));
        let points = el("span", { class: "muted", text: pointsText(rule) });
        if (discretionary(rule)) {
          points = pointsControl(rule, item.points, { "aria-label": t("score.chosen"), class: "pts" });
          points.addEventListener("change", () => ((item.points = points.value), render()));
        }
        const date = el("input", { type: "date", value: item.at, "aria-label": t("score.date"), class: "when" });
        date.addEventListener("change", () => ((item.at = date.value), render()));
        const remove = el("button", { type: "button", class: "remove", title: t("score.remove"), "aria-label": t("score.remove"), text: "×" });
        remove.addEventListener("click", () => (state.items.splice(i, 1), render()));
        return el(
          "tr",
          { "data-row": i + 1, "data-rule": item.rule, class: error ? "bad" : outside.has(i + 1) ? "outside" : "" },
          el("td", {}, el("code", { text: item.rule }), el("div", { class: "quote", text: rule?.quote ?? "" })),
          el("td", {}, qty, " ", el("span", { class: "muted", text: rule ? unitWord(rule.unit) : "" })),
          el("td", {}, points),
          el("td", {}, date),
          el("td", {}, remove),
          error || outside.has(i + 1)
            ? el("td", { class: "row-error", role: error ? "alert" : null, "data-code": error?.code }, error ? [error.message, error.help ? el("small", { text: ` ${error.help}` }) : null] : t("score.outside"))
            : el("td"),
        );
      });
      return el(
        "table",
        { class: "incidents", id: "incidents" },
        el("thead", {}, el("tr", {}, [t("score.rule"), t("score.quantity"), t("score.chosen"), t("score.date"), "", ""].map((h) => el("th", { text: h })))),
        el("tbody", {}, rows),
      );
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
        categories,
        c.lines.length ? [el("h4", { text: t("score.lines") }), lines] : null,
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

    function render() {
      let assessment = null;
      let failure = null;
      try {
        const r = request();
        // An empty table still gives the full-score card of the person (the roster).
        assessment = current().handle.assess({ ...r, roster: state.subject ? [[state.subject, state.window]] : [] });
      } catch (e) {
        failure = e;
      }
      root.replaceChildren(
        el(
          "div",
          { class: "due-layout score-layout", "data-lang": getLang() },
          form(),
          el("div", { class: "score-right" }, el("section", { class: "result", id: "incident-list" }, el("h2", { text: t("score.incidents") }), incidentList(assessment)), result(assessment, failure)),
        ),
      );
    }

    render();
    ctx.onLang(render);
    return { refresh: render };
  },
};
