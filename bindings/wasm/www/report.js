// 月度报告: the files of a period (办件台账, 考核记录, 违规记录, 人员名单, and the previous
// period's for the month-on-month change) → the report `zhidu report` writes, made in this page.
// The files are read with File.text() and handed to the engine as they are
// (policy.reportFromFiles: CSV or JSON Lines by name, bad rows listed in the report); the
// engine computes and renders the self-contained HTML, shown here in a sandboxed frame with no
// scripts, to print or download with its JSON. Nothing is uploaded.
import { el } from "./due.js";
import { getLang, t } from "./i18n.js";

/** The request's file keys, in the order of the form; `previous` ones are for the change. */
const FILES = [
  { key: "cases", label: "report.cases", required: true },
  { key: "incidents", label: "report.incidents" },
  { key: "violations", label: "report.violations" },
  { key: "roster", label: "report.roster" },
  { key: "previousCases", label: "report.previousCases", previous: true },
  { key: "previousIncidents", label: "report.previousIncidents", previous: true },
];
const ACCEPT = ".jsonl,.ndjson,.json,.csv,text/csv,application/json";

const pad = (n) => String(n).padStart(2, "0");
/** The month before today's, by the browser's clock in the calendar's zone (+08:00 for the shipped one). */
function previousMonth(offset = "+08:00") {
  const [h, m] = offset.slice(1).split(":").map(Number);
  const sign = offset.startsWith("-") ? -1 : 1;
  const now = new Date(Date.now() + sign * (h * 60 + m) * 60_000);
  const y = now.getUTCFullYear();
  const month = now.getUTCMonth(); // 0-based: this is already the previous month's 1-based number
  return month === 0 ? `${y - 1}-12` : `${y}-${pad(month)}`;
}

/** A text of the page that follows the language: `el` with `data-t` (relabelled on a switch). */
const tx = (tag, key, attrs = {}) => el(tag, { ...attrs, "data-t": key, text: t(key) });

export default {
  id: "report",
  title: () => t("report.tab"),
  heading: () => t("report.title"),
  subtitle: () => t("report.subtitle"),
  mount(root, ctx) {
    const policies = ctx.policies.policies();
    const first = policies.find((p) => p.id === "s2-service-center") ?? policies[0];
    const state = {
      files: {}, // key → File, as picked
      // The last request made (file texts read), so a language switch remakes the same report.
      last: null,
      // What the result area shows: null, { error }, or { report, html, ms }.
      shown: null,
      urls: [],
    };

    const policySelect = el(
      "select",
      { id: "report-policy", name: "policy" },
      policies.map((p) => el("option", { value: p.id, selected: p === first, text: `${p.name}（${p.id}）` })),
    );
    const period = el("input", {
      id: "report-period",
      name: "period",
      type: "text",
      value: previousMonth(first?.info().calendar.utc_offset),
      placeholder: "2026-10",
      autocomplete: "off",
      spellcheck: "false",
      required: true,
    });
    const inputs = new Map();
    const fileRow = ({ key, label, required }) => {
      const input = el("input", { id: `file-${key}`, name: key, type: "file", accept: ACCEPT });
      const clear = el("button", { type: "button", class: "clear", "data-clear": key, "aria-label": t("report.clear"), title: t("report.clear"), text: "×", hidden: true });
      input.addEventListener("change", () => {
        state.files[key] = input.files?.[0];
        clear.hidden = !state.files[key] || required;
      });
      clear.addEventListener("click", () => {
        input.value = "";
        delete state.files[key];
        clear.hidden = true;
      });
      inputs.set(key, input);
      return el(
        "label",
        { class: "file", "data-file": key },
        el("span", {}, tx("span", label), " ", tx("small", required ? "report.required" : "report.optional", { class: required ? "req" : "" })),
        el("span", { class: "pick" }, input, clear),
      );
    };
    const generate = tx("button", "report.generate", { type: "submit", id: "report-generate" });
    const form = el(
      "form",
      { class: "due-form report-form", id: "report-form", novalidate: true },
      el("label", {}, tx("span", "report.policy"), policySelect),
      el("label", {}, tx("span", "report.period"), period, tx("small", "report.periodHint")),
      tx("h3", "report.files", { class: "form-h" }),
      FILES.filter((f) => !f.previous).map(fileRow),
      tx("small", "report.formats"),
      tx("h3", "report.previous", { class: "form-h" }),
      FILES.filter((f) => f.previous).map(fileRow),
      generate,
    );
    const result = el("div", { class: "report-right", id: "report-result-area" });
    root.replaceChildren(el("div", { class: "due-layout report-layout" }, form, result));

    /** Read every picked file as `{ name, text }`. */
    async function readFiles() {
      const out = {};
      for (const { key } of FILES) {
        const f = state.files[key];
        if (!f) continue;
        try {
          out[key] = { name: f.name, text: await f.text() };
        } catch (e) {
          throw { code: "io", message: t("report.unreadable", { name: f.name, message: String(e?.message ?? e) }), help: null };
        }
      }
      return out;
    }

    /** Make the report of `request` with the policy `id`: the engine's answer or its error. */
    function make(id, request) {
      const policy = policies.find((p) => p.id === id) ?? first;
      const started = performance.now();
      try {
        const { report, html } = policy.reportFromFiles({ ...request, lang: getLang() });
        return { report, html, ms: Math.round(performance.now() - started) };
      } catch (e) {
        return { error: { code: e?.code ?? "error", message: String(e?.message ?? e), help: e?.help ?? null } };
      }
    }

    function download(text, type, name, id, label) {
      const url = URL.createObjectURL(new Blob([text], { type }));
      state.urls.push(url);
      return tx("a", label, { id, class: "button", href: url, download: name });
    }

    function show() {
      for (const url of state.urls.splice(0)) URL.revokeObjectURL(url);
      const s = state.shown;
      if (!s) {
        result.replaceChildren(el("section", { class: "result", id: "report-result" }, tx("p", "report.empty", { class: "note" })));
        return;
      }
      if (s.error) {
        result.replaceChildren(
          el(
            "div",
            { class: "result error", id: "report-result", role: "alert" },
            tx("h2", "report.error"),
            el("p", { class: "message", "data-code": s.error.code, text: s.error.message }),
            s.error.help ? el("p", { class: "help", text: s.error.help }) : null,
          ),
        );
        return;
      }
      const { report, html, ms } = s;
      const rowErrors =
        report.case_errors.length +
        (report.assessment?.errors.filter((e) => e.input !== "case").length ?? 0) +
        report.decision_errors.length;
      const frame = el("iframe", {
        id: "report-frame",
        title: t("report.title"),
        // No scripts in the report (the engine writes none) nor here; same origin only so that
        // this page can print it and size the frame to it.
        sandbox: "allow-same-origin allow-modals",
        srcdoc: html,
      });
      frame.addEventListener("load", () => {
        const doc = frame.contentDocument;
        if (doc) frame.style.height = `${doc.documentElement.scrollHeight + 24}px`;
      });
      const print = tx("button", "report.print", { type: "button", id: "report-print", class: "button" });
      print.addEventListener("click", () => frame.contentWindow?.print());
      const name = `zhidu-report-${report.period}`;
      result.replaceChildren(
        el(
          "section",
          { class: "result", id: "report-result", "data-ms": ms },
          el(
            "div",
            { class: "report-bar" },
            el("p", { id: "report-status", text: t("report.done", { period: report.period, cases: report.figures.cases, ms }) }),
            rowErrors ? el("p", { id: "report-row-errors", class: "warn", text: t("report.rowErrors", { n: rowErrors }) }) : null,
            el(
              "div",
              { class: "actions" },
              print,
              download(html, "text/html;charset=utf-8", `${name}.html`, "report-html", "report.downloadHtml"),
              download(`${JSON.stringify(report, null, 2)}\n`, "application/json", `${name}.json`, "report-json", "report.downloadJson"),
            ),
          ),
          frame,
        ),
      );
    }

    async function run() {
      if (!state.files.cases) {
        state.last = null;
        state.shown = { error: { code: "missing", message: t("report.needCases"), help: null, page: true } };
        show();
        return;
      }
      generate.disabled = true;
      generate.textContent = t("report.working");
      try {
        const files = await readFiles();
        state.last = { policy: policySelect.value, request: { period: period.value.trim(), ...files } };
        // Let the button's state paint before the engine takes the thread.
        await new Promise((ok) => setTimeout(ok, 0));
        state.shown = make(state.last.policy, state.last.request);
      } catch (e) {
        state.last = null;
        state.shown = { error: e };
      } finally {
        generate.disabled = false;
        generate.textContent = t("report.generate");
      }
      show();
    }

    form.addEventListener("submit", (e) => {
      e.preventDefault();
      run();
    });

    function relabel() {
      for (const node of root.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
      for (const b of root.querySelectorAll("[data-clear]")) {
        b.title = t("report.clear");
        b.setAttribute("aria-label", t("report.clear"));
      }
      // The same report (or error) in the new language: the engine speaks it now.
      if (state.last) state.shown = make(state.last.policy, state.last.request);
      else if (state.shown?.error?.page) state.shown.error.message = t("report.needCases");
      show();
    }

    show();
    ctx.onLang(relabel);
    return { refresh: relabel };
  },
};
