// The calculators page: loads the WebAssembly engine once and mounts the calculators.
//
// A calculator is a module whose default export is
//   { id, title, heading, subtitle: () => string, mount(container, ctx) → { refresh() } }
// and is listed in `calculators` below. With more than one, a tab bar appears (the hash picks
// the tab: #due, #score, #report) and the page's heading is the shown calculator's.
import init, { PolicySet, instantText, setLang as setEngineLang } from "../pkg/web/zhidu_wasm.js";
import { applyStatic, getLang, onLang, setLang, t } from "./i18n.js";
import due from "./due.js";
import score from "./score.js";
import report from "./report.js";

const calculators = [due, score, report];

const $ = (sel) => document.querySelector(sel);

async function main() {
  applyStatic();
  const langButton = $("#lang");
  langButton.textContent = t("lang.other");
  langButton.addEventListener("click", () => setLang(getLang() === "zh" ? "en" : "zh"));
  onLang(() => (langButton.textContent = t("lang.other")));

  try {
    await init();
  } catch (e) {
    $("#status").textContent = t("app.failed") + String(e?.message ?? e);
    $("#status").classList.add("error");
    throw e;
  }
  // The engine writes its messages (errors, counting rules, notes) in the page's language;
  // registered before the calculators, so it switches before they redraw.
  setEngineLang(getLang());
  onLang((lang) => setEngineLang(lang));
  const ctx = { policies: PolicySet.builtin(), t, onLang, instantText };
  $("#engine").textContent = t("app.engine");
  onLang(() => ($("#engine").textContent = t("app.engine")));

  const main = $("#main");
  main.textContent = "";
  const panels = new Map();
  for (const calc of calculators) {
    const panel = document.createElement("section");
    panel.className = "calculator";
    panel.id = `calc-${calc.id}`;
    main.append(panel);
    panels.set(calc.id, { panel, view: null });
  }
  // The shown calculator is mounted first and the others each in a later task: the builtin
  // set compiles a policy when first asked for, so the first answer waits only for the
  // policies it needs (issue #14 point 16).
  const mount = (id) => {
    const p = panels.get(id);
    if (p && !p.view) p.view = calculators.find((c) => c.id === id).mount(p.panel, ctx);
  };

  const tabs = $("#tabs");
  const show = () => {
    const wanted = location.hash.slice(1);
    const current = panels.has(wanted) ? wanted : calculators[0].id;
    mount(current);
    for (const [id, { panel }] of panels) panel.hidden = id !== current;
    for (const a of tabs.querySelectorAll("a")) a.setAttribute("aria-current", a.hash === `#${current}` ? "page" : "false");
    const calc = calculators.find((c) => c.id === current);
    $("#app-title").textContent = calc.heading();
    $(".subtitle").textContent = calc.subtitle();
    document.title = `${calc.heading()} · zhidu 制度`;
    document.body.dataset.calculator = current;
  };
  const drawTabs = () => {
    tabs.textContent = "";
    for (const calc of calculators) {
      const a = document.createElement("a");
      a.href = `#${calc.id}`;
      a.textContent = calc.title();
      tabs.append(a);
    }
    show();
  };
  tabs.hidden = calculators.length < 2;
  drawTabs();
  onLang(drawTabs);
  window.addEventListener("hashchange", show);
  document.body.dataset.ready = "true";
  calculators.forEach((c, i) => setTimeout(() => mount(c.id), 10 * (i + 1)));
}

main();
