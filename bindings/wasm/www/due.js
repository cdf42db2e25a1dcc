// 办结时限计算器: regulation and item class → due date and instant, a month calendar of the
// counted and skipped days, the yellow-warning day, and the clauses and defaults cited.
// Every answer comes from the engine (explain, yellowFrom, calendarMonth, info); this file
// only draws it.
import { getLang, t } from "./i18n.js";

/** A small DOM builder: el("div", { class: "x", "data-date": d }, child, "text", …). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (v === true) node.setAttribute(k, "");
    else node.setAttribute(k, String(v));
  }
  for (const c of children.flat(Infinity)) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

const pad = (n) => String(n).padStart(2, "0");
/** A class whose limit is promised per case with no default: the clerk must give it. */
const needsLimit = (c) => c.per_case && (c.limit === null || c.limit === undefined);
const dateOf = (instant) => instant.slice(0, 10);
/** 0 = Monday … 6 = Sunday. */
function weekdayIndex(date) {
  const [y, m, d] = date.split("-").map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}
const weekday = (date) => t("weekday", { d: t("weekdays")[weekdayIndex(date)] });
/** Today in the calendar's zone (+08:00 for the shipped calendar). */
function today(offset) {
  const [h, m] = offset.slice(1).split(":").map(Number);
  const sign = offset.startsWith("-") ? -1 : 1;
  return new Date(Date.now() + sign * (h * 60 + m) * 60_000).toISOString().slice(0, 10);
}
function* months(from, to, most = 24) {
  let [y, m] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  for (let i = 0; i < most && (y < ty || (y === ty && m <= tm)); i++) {
    yield [y, m];
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

export default {
  id: "due",
  title: () => t("due.tab"),
  heading: () => t("app.title"),
  subtitle: () => t("app.subtitle"),
  mount(root, ctx) {
    // Only policies with deadline classes (a scorecard-only policy has none to compute).
    const entry = (handle) => ({ handle, info: handle.info() });
    const computable = (p) => p.info.classes.length > 0;
    // The builtin set compiles a policy when first asked for: the page opens on S2 alone and
    // lists the others once its first answer is on screen (issue #14 point 16).
    const policies = ctx.policies.policyIds.includes("s2-service-center")
      ? [entry(ctx.policies.policy("s2-service-center"))].filter(computable)
      : [];
    if (policies.length === 0) policies.push(...ctx.policies.policies().map(entry).filter(computable));
    const first = policies[0];
    // Open on 承诺件 (`promised`), the everyday class with a default limit, so the page shows
    // an answer at once; a class without one asks for its limit instead of failing.
    const openingClass = (info) => (info.classes.find((c) => c.id === "promised") ?? info.classes.find((c) => !needsLimit(c)) ?? info.classes[0])?.id;
    const state = {
      policy: first.info.id,
      class: openingClass(first.info),
      date: today(first.info.calendar.utc_offset),
      time: "09:00",
      days: null, // null: the class's default
    };
    const current = () => policies.find((p) => p.info.id === state.policy) ?? first;
    const currentClass = () => current().info.classes.find((c) => c.id === state.class) ?? current().info.classes[0];
    const unitWord = (unit) => t(`unit.${unit}`);

    function classInfo(c, info) {
      const parts = [
        [t("info.unit"), t(`unitName.${c.unit}`)],
        c.per_case
          ? [t("info.perCase"), c.limit === null ? t("info.none") : `${t("info.limit")} ${c.limit} ${unitWord(c.unit)}`]
          : [t("info.fixed"), `${c.limit} ${unitWord(c.unit)}`],
        c.usual_range && ["", t("info.usual", { a: c.usual_range[0], b: c.usual_range[1] })],
        c.legal_limit !== null && [t("info.legal"), `${c.legal_limit} ${unitWord(c.unit)}`],
        c.warn_before > 0 && [t("info.warn"), `≤ ${c.warn_before} ${unitWord(c.unit)}`],
        [t("info.source"), `${c.source.clause}「${c.source.quote}」`],
      ].filter(Boolean);
      return el(
        "div",
        { class: "class-info", id: "class-info" },
        el("ul", {}, parts.map(([k, v]) => el("li", {}, k ? el("span", { class: "k", text: k }) : null, " ", v))),
        c.clock_starts === "start_event" ? el("p", { class: "note", text: t("due.clockStartEvent") }) : null,
        el("p", { class: "note", text: t("due.coverage", { from: info.calendar.first_year, to: info.calendar.last_year, notice: info.calendar.last_notice_year }) }),
      );
    }

    // The form is built once per language and kept: typing, a select change or an edit of
    // the limit updates the state and redraws the result region only, so the focused field,
    // its caret and a half-typed date (Chromium's date input keeps the unfinished part in
    // the node) survive every keystroke. A policy or class change updates the parts of the
    // form that depend on it (the class list, the class card, the limit field) in place.
    const nodes = {};

    const policyOptions = () =>
      policies.map(({ info: p }) => el("option", { value: p.id, selected: p.id === state.policy, text: `${p.name}（${p.id}）` }));

    function form() {
      const info = current().info;
      nodes.policy = el(
        "select",
        { id: "policy", name: "policy" },
        policyOptions(),
      );
      nodes.class = el("select", { id: "class", name: "class" });
      nodes.classInfo = el("div", { id: "class-info-slot" });
      // The calendar's years bound the date: the year part then takes four digits and moves on,
      // so 20260930 typed is 2026-09-30 (unbounded, Chromium's year takes up to six).
      const cal = info.calendar;
      nodes.date = el("input", { id: "date", name: "date", type: "date", value: state.date, required: true, min: `${cal.first_year}-01-01`, max: `${cal.last_year}-12-31` });
      nodes.time = el("input", { id: "time", name: "time", type: "time", value: state.time });
      nodes.days = el("input", { id: "days", name: "days", type: "number", min: 0, step: 1, inputmode: "numeric" });
      nodes.unit = el("span", { class: "unit" });
      nodes.hint = el("small", { id: "days-hint" });
      nodes.daysField = el("label", { id: "days-field" }, el("span", { text: t("due.days") }), el("span", { class: "with-unit" }, nodes.days, nodes.unit), nodes.hint);
      const f = el(
        "form",
        { class: "due-form", id: "due-form", novalidate: true },
        el("label", {}, el("span", { text: t("due.policy") }), nodes.policy),
        el("label", {}, el("span", { text: t("due.class") }), nodes.class),
        nodes.classInfo,
        el(
          "div",
          { class: "row" },
          el("label", {}, el("span", { text: t("due.date") }), nodes.date),
          el("label", {}, el("span", { text: t("due.time") }), nodes.time),
        ),
        nodes.daysField,
        el("button", { type: "submit", id: "calc", text: t("due.submit") }),
      );
      syncClasses(info);
      nodes.policy.addEventListener("change", () => {
        state.policy = nodes.policy.value;
        state.class = openingClass(current().info);
        state.days = null;
        syncClasses(current().info);
        showResult();
      });
      nodes.class.addEventListener("change", () => {
        state.class = nodes.class.value;
        state.days = null;
        syncClass();
        showResult();
      });
      f.addEventListener("submit", (e) => {
        e.preventDefault();
        read();
        showResult();
      });
      for (const input of [nodes.date, nodes.time, nodes.days]) {
        input.addEventListener("input", () => (read(), showResult()));
        input.addEventListener("change", () => (read(), showResult()));
      }
      return f;
    }

    /** The class list of the current policy, then the class-dependent parts. */
    function syncClasses(info) {
      nodes.class.replaceChildren(...info.classes.map((k) => el("option", { value: k.id, selected: k.id === state.class, text: `${k.name}（${k.id}）` })));
      nodes.class.value = state.class;
      syncClass();
    }

    /** The class card and the limit field of the current class, changed in place. */
    function syncClass() {
      const c = currentClass();
      nodes.classInfo.replaceChildren(classInfo(c, current().info));
      const d = nodes.days;
      d.disabled = !c.per_case;
      d.required = needsLimit(c);
      // The default is the placeholder, not a value: typed digits replace it, never follow it.
      d.placeholder = c.limit ?? "";
      d.value = c.per_case ? state.days ?? "" : c.limit;
      nodes.unit.textContent = unitWord(c.unit);
      nodes.hint.textContent = daysHint(c);
      nodes.daysField.className = c.per_case ? "" : "fixed";
    }

    /** The hint under the limit field: whether a default exists decides what it says. */
    function daysHint(c) {
      if (!c.per_case) return t("due.daysFixed");
      if (needsLimit(c)) return t("due.daysRequired", { unit: t(`unitName.${c.unit}`) });
      return t("due.daysHint", { n: c.limit, unit: unitWord(c.unit) });
    }

    function read() {
      state.date = nodes.date.value;
      state.time = nodes.time.value;
      const d = nodes.days;
      state.days = d.disabled || d.value === "" ? null : d.value;
    }

    function request() {
      const c = currentClass();
      const acceptedAt = state.time ? `${state.date}T${state.time}` : state.date;
      const days = c.per_case && state.days !== null ? Number(state.days) : undefined;
      return { class: c.id, acceptedAt, days };
    }

    function result() {
      const policy = current().handle;
      const c = currentClass();
      // What is missing is asked for, not computed into an error: a half-typed date is
      // empty in the input until its last digit.
      const ask = (testid, text) =>
        el("div", { class: "result ask", id: "result", role: "status" }, el("h2", { text: t("due.result") }), el("p", { class: "ask", "data-testid": testid, text }));
      if (!state.date) return ask("ask-date", t("due.askDate"));
      if (needsLimit(c) && state.days === null) return ask("ask-limit", t("due.askLimit", { unit: t(`unitName.${c.unit}`) }));
      let ex;
      let yellow;
      try {
        ex = policy.explain(request());
        yellow = policy.yellowFrom(request());
      } catch (e) {
        return el(
          "div",
          { class: "result error", id: "result", role: "alert" },
          el("h2", { text: t("due.error") }),
          el("p", { class: "message", "data-code": e.code, text: e.message }),
          e.help ? el("p", { class: "help", text: e.help }) : null,
        );
      }
      const dayEnds = current().info.day_ends_at;
      const startDate = dateOf(ex.start);
      const dueDate = ex.due.due_date;
      const yellowDate = dateOf(yellow);
      const summary = el(
        "dl",
        { class: "summary" },
        el("div", { class: "big" }, el("dt", { text: t("due.dueDate") }), el("dd", {}, el("strong", { "data-testid": "due-date", text: dueDate }), " ", el("span", { class: "wd", text: weekday(dueDate) }))),
        el(
          "div",
          {},
          el("dt", { text: t("due.dueAt") }),
          // The engine's words (`2026-10-13（星期二）24:00`): an RFC 3339 instant at 24:00
          // names the next day. The instant itself stays in `datetime` for machines.
          el("dd", {}, el("time", { "data-testid": "due-at", datetime: ex.due.due_at, text: ctx.instantText(ex.due.due_at, dueDate) }), el("small", { text: ` ${t("due.dueAtNote", { end: t(`end.${dayEnds}`) })}` })),
        ),
        el("div", {}, el("dt", { text: t("due.start") }), el("dd", {}, el("time", { "data-testid": "start", datetime: ex.start, text: ctx.instantText(ex.start) }))),
        el("div", {}, el("dt", { text: t("due.limit") }), el("dd", { text: `${ex.due.limit} ${unitWord(ex.due.unit)} · ${ex.class_name}` })),
        el(
          "div",
          { class: "warn" },
          el("dt", { text: t("due.yellow") }),
          el("dd", { "data-testid": "yellow-from" }, yellow === ex.start ? t("due.yellowAtStart", { n: c.warn_before, unit: unitWord(c.unit) }) : t("due.yellowFrom", { at: ctx.instantText(yellow), n: c.warn_before, unit: unitWord(c.unit) })),
        ),
      );
      return el(
        "div",
        { class: "result", id: "result" },
        el("h2", { text: t("due.result") }),
        ex.due.provisional
          ? el(
              "div",
              { class: "provisional", role: "note", "data-testid": "provisional" },
              el("strong", { text: t("due.provisional") }),
              el("p", { text: t("due.provisionalText") }),
              el("ul", {}, ex.due.basis.map((b) => el("li", { text: b }))),
            )
          : null,
        summary,
        el("h3", { text: t("due.calendar") }),
        calendar(policy, ex, { startDate, dueDate, yellowDate }),
        legend(ex.days.some((d) => d.rolled)),
        basis(ex),
      );
    }

    function calendar(policy, ex, { startDate, dueDate, yellowDate }) {
      const steps = new Map(ex.days.map((d) => [d.date, d]));
      const wrap = el("div", { class: "months" });
      for (const [y, m] of months(startDate, dueDate)) {
        let days;
        try {
          days = policy.calendarMonth(y, m);
        } catch {
          continue;
        }
        const grid = el(
          "div",
          { class: "grid", role: "grid" },
          t("weekdays").map((w, i) => el("div", { class: `wdh${i >= 5 ? " we" : ""}`, role: "columnheader", text: w })),
          Array.from({ length: weekdayIndex(days[0].date) }, () => el("div", { class: "blank" })),
          days.map((d) => cell(d, steps.get(d.date), { startDate, dueDate, yellowDate })),
        );
        wrap.append(el("figure", { class: "month" }, el("figcaption", { text: t("month", { y, m }) }), grid));
      }
      return wrap;
    }

    function cell(day, step, { startDate, dueDate, yellowDate }) {
      const d = day.date;
      const inside = d > startDate && d <= dueDate;
      const yellow = inside && d >= yellowDate && yellowDate > startDate;
      const classes = ["cell", day.kind, step?.counted ? "counted" : "", step?.rolled ? "rolled" : "", d === startDate ? "start" : "", d === dueDate ? "due" : "", yellow ? "yellow" : "", inside || d === startDate ? "" : "outside"];
      const tag = d === dueDate ? t("cell.due") : d === startDate ? t("cell.start") : d === yellowDate && yellow ? t("cell.yellow") : "";
      const label =
        day.kind === "holiday"
          ? day.festival ?? t("cell.holiday")
          : day.kind === "makeup_workday"
            ? `${t("cell.makeup")}`
            : day.kind === "weekend" && inside
              ? t("cell.weekend")
              : "";
      const title = [d, day.festival, day.notice, step?.note, step?.counted ? t("cell.day", { n: step.counted }) : null].filter(Boolean).join(" · ");
      return el(
        "div",
        { class: classes.filter(Boolean).join(" "), role: "gridcell", "data-date": d, "data-kind": day.kind, "data-counted": step?.counted ?? null, title },
        el(
          "span",
          { class: "head" },
          el("span", { class: "dom", text: Number(d.slice(8)) }),
          tag ? el("span", { class: "tag", text: tag }) : null,
          // 顺延 is written on the day, not in the tooltip: phones and paper have none.
          step?.rolled ? el("span", { class: "tag rolled", "data-testid": "rolled", text: t("cell.rolled") }) : null,
        ),
        step?.counted ? el("span", { class: "ord", "aria-label": t("cell.day", { n: step.counted }), text: step.counted }) : null,
        label ? el("span", { class: "label", text: label.trim() }) : null,
      );
    }

    function legend(rolled) {
      const item = (cls, key, sample = "") => el("li", {}, el("span", { class: `swatch ${cls}`, text: sample }), t(key));
      return el(
        "ul",
        { class: "legend" },
        item("counted workday", "legend.counted", "1"),
        item("weekend", "legend.weekend"),
        item("holiday", "legend.holiday"),
        item("makeup_workday counted", "legend.makeup", "3"),
        item("yellow", "legend.yellow"),
        item("due", "legend.due"),
        rolled ? item("rolled", "legend.rolled", t("cell.rolled")) : null,
      );
    }

    function basis(ex) {
      const quoted = new Set(ex.clauses.map((c) => c.clause));
      const related = ex.clause_ids.filter((id) => !quoted.has(id));
      const section = (title, items) => (items.length ? [el("h4", { text: title }), el("ul", {}, items)] : []);
      return el(
        "section",
        { class: "basis", id: "basis" },
        el("h3", { text: t("due.basis") }),
        section(
          t("due.warnings"),
          (ex.due.warnings ?? []).map((w) =>
            el("li", { class: "warning", "data-code": w.code }, el("code", { text: w.clause }), ` ${w.message}`, w.default ? el("code", { class: "param", text: ` ${w.default}` }) : null),
          ),
        ),
        section(
          t("due.clauses"),
          ex.clauses.map((c) =>
            el("li", {}, el("code", { text: c.clause }), ` 「${c.quote}」`, c.external ? el("span", { class: "external", text: ` — ${c.external}` }) : null),
          ),
        ),
        section(t("due.related"), related.map((id) => el("li", {}, el("code", { text: id })))),
        section(
          t("due.defaults"),
          ex.defaults.map((d) => el("li", {}, el("code", { class: "param", text: d.param }), d.key ? el("span", { class: "k", text: ` ${d.key}` }) : null, ` ${d.note}`)),
        ),
        section(t("due.notices"), ex.notices.map((n) => el("li", { text: n }))),
        section(t("due.rules"), ex.rules.map((r) => el("li", { text: r }))),
      );
    }

    const resultSlot = el("div", { class: "result-slot", id: "result-slot", "aria-live": "polite" });

    /** The answer for the form's values: the only part redrawn while the clerk types. */
    function showResult() {
      resultSlot.replaceChildren(result());
    }

    /** The whole calculator, once and on a language switch. */
    function render() {
      root.replaceChildren(el("div", { class: "due-layout", "data-lang": getLang() }, form(), resultSlot));
      showResult();
    }

    render();
    ctx.onLang(render);
    // The rest of the set, in the page's next task: the first answer is drawn by then.
    setTimeout(() => {
      const all = ctx.policies.policies().map(entry).filter(computable);
      policies.splice(0, policies.length, ...all.map((p) => (p.info.id === first.info.id ? first : p)));
      nodes.policy.replaceChildren(...policyOptions());
    }, 0);
    return { refresh: render };
  },
};
