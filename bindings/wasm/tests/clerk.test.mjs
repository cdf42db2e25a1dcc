// The calculators as a clerk meets them (issue #14, points 1–6): typing with the keyboard
// keeps the form's nodes and focus, the page opens on an answer, the due instant and 顺延 are
// written out, phones (375 px) scroll only down, the answer prints on one A4 page, a page
// opened as a file says how to serve it, and the score calculator's rule picker finds a rule
// by its clause id or its words. Every date asserted is hand-computed from
// /work/shared/data/cn-holidays.tsv and S2's counting (次日起算, working days), never read
// off the page: 2026-10-01..07 are 国庆节 holidays, 2026-10-10 (Saturday) is a make-up
// working day, November 2026 has no holiday.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { shots, startBrowser } from "./browser.mjs";
import { wasmDir, zhidu } from "./helpers.mjs";

let browser;
before(async () => {
  // The typing tests are a Chinese clerk's: Chromium's date inputs read yyyy/mm/dd only with
  // its Chinese UI (en-US is mm/dd/yyyy, where 20260930 cannot be typed as a date).
  assert.ok(existsSync("/usr/lib/chromium/locales/zh-CN.pak"), "Chromium's Chinese UI is missing: apt-get install chromium-l10n (test.sh does)");
  browser = await startBrowser();
});
after(async () => {
  await browser?.close();
});

test("instantText writes the due instant as a clerk reads it, in the language of setLang", () => {
  // 2026-09-30 + 5 working days is due at the end of Tuesday 2026-10-13 (RFC 3339: 10-14T00:00).
  try {
    zhidu.setLang("zh");
    assert.equal(zhidu.instantText("2026-10-14T00:00:00+08:00", "2026-10-13"), "2026-10-13（星期二）24:00");
    assert.equal(zhidu.instantText("2026-09-30T10:00:00+08:00"), "2026-09-30（星期三）10:00");
    assert.throws(() => zhidu.instantText("30/09/2026"), (e) => e.name === "ZhiduError" && e.code === "input" && e.message === "`30/09/2026`不是日期或时刻");
    zhidu.setLang("en");
    assert.equal(zhidu.instantText("2026-10-14T00:00:00+08:00", "2026-10-13"), "2026-10-13 (Tue) 24:00");
    assert.throws(() => zhidu.instantText("2026-10-14T00:00:00+08:00", "13.10.2026"), (e) => e.code === "input" && e.message === "`13.10.2026` is not a date");
  } finally {
    zhidu.setLang("en");
  }
});

/** A fresh page in the default language (Chinese), not one an earlier test saved. */
async function fresh(path = "/www/index.html", viewport = { width: 1280, height: 900 }) {
  const { page, problems } = await browser.open(path);
  await page.evaluate(() => localStorage.clear());
  await page.setViewportSize(viewport);
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  return { page, problems };
}

/** Remember the form's nodes, to check later that the same nodes are still in the page. */
const markNodes = (page, form) =>
  page.$$eval(`${form} input, ${form} select`, (ns) => {
    window.__kept = ns;
  });
const nodesKept = (page) => page.evaluate(() => window.__kept.every((n) => n.isConnected));
const focused = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.className);
const text = (page, sel) => page.textContent(sel);
/** Press Tab until the element `id` has the focus (a date input takes a Tab per part). */
async function tabTo(page, id, most = 8) {
  for (let i = 0; i < most && (await focused(page)) !== id; i++) await page.keyboard.press("Tab");
  assert.equal(await focused(page), id);
}

test("typing 20260930 into 受理日期 gives 2026-09-30, due 2026-10-13, with focus and nodes kept", async () => {
  const { page, problems } = await fresh();
  // Point 2: the page opens on 承诺件 with an answer, no error.
  assert.equal(await page.inputValue("#class"), "promised");
  assert.equal(await page.$(".result.error"), null);
  assert.match(await text(page, "[data-testid=due-date]"), /^\d{4}-\d{2}-\d{2}$/);
  await markNodes(page, "#due-form");

  // The year is the first part of Chromium's zh-CN date input (yyyy/mm/dd): click it.
  await page.click("#date", { position: { x: 12, y: 12 } });
  await page.keyboard.type("20260930");
  assert.equal(await page.inputValue("#date"), "2026-09-30");
  assert.equal(await focused(page), "date");
  assert.equal(await nodesKept(page), true);
  // 2026-09-30 (Wed) 09:00 + 5 working days: 10-08 (1), 10-09 (2), 10-10 调休 (3), 10-12 (4), 10-13 (5).
  assert.equal(await text(page, "[data-testid=start]"), "2026-09-30（星期三）09:00");
  assert.equal(await text(page, "[data-testid=due-date]"), "2026-10-13");
  assert.equal(await text(page, "[data-testid=due-at]"), "2026-10-13（星期二）24:00");

  // Shift+Tab from the day back to the month, ArrowUp: 2026-10-30 (Fri) + 5 = 11-02 .. 11-06 (Fri).
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("ArrowUp");
  assert.equal(await page.inputValue("#date"), "2026-10-30");
  assert.equal(await focused(page), "date");
  assert.equal(await text(page, "[data-testid=due-date]"), "2026-11-06");
  // Tab to the day, ArrowDown: 2026-10-29 (Thu) + 5 = 10-30, 11-02, 11-03, 11-04, 11-05.
  await page.keyboard.press("Tab");
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.inputValue("#date"), "2026-10-29");
  assert.equal(await text(page, "[data-testid=due-date]"), "2026-11-05");
  assert.equal(await focused(page), "date");
  assert.equal(await nodesKept(page), true);
  assert.deepEqual(problems, []);
  await page.close();
});

test("承诺时限 typed digit by digit, the time, and a class chosen with the arrow keys keep their focus", async () => {
  const { page, problems } = await fresh();
  await page.fill("#date", "2026-09-30");
  await markNodes(page, "#due-form");

  // 12 typed as two keystrokes is 12, not 2: 10-08 … 10-22 is the twelfth working day
  // (10-08, 09, 10, 12, 13, 14, 15, 16, 19, 20, 21, 22).
  await page.click("#days");
  await page.keyboard.type("12");
  assert.equal(await focused(page), "days");
  assert.equal(await page.inputValue("#days"), "12");
  assert.equal(await text(page, "[data-testid=due-date]"), "2026-10-22");
  // Emptied, the class's default of 5 days applies again.
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Backspace");
  assert.equal(await text(page, "[data-testid=due-date]"), "2026-10-13");
  assert.equal(await focused(page), "days");

  // The time, typed: 16:30 changes the start, not the due day (working days count whole days).
  await page.click("#time", { position: { x: 12, y: 12 } });
  await page.keyboard.type("1630");
  assert.equal(await page.inputValue("#time"), "16:30");
  assert.equal(await focused(page), "time");
  assert.equal(await text(page, "[data-testid=start]"), "2026-09-30（星期三）16:30");

  // The class, by keyboard: ArrowDown from 承诺件 is 上报件, whose limit is given per case.
  await page.focus("#class");
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.inputValue("#class"), "reported_up");
  assert.equal(await focused(page), "class");
  assert.equal(await page.$(".result.error"), null);
  assert.equal(await text(page, "[data-testid=ask-limit]"), "请填写承诺时限（工作日）");
  assert.equal(await text(page, "#days-hint"), "本类别无默认时限，须按件填写（工作日）");
  // 3 working days: 10-08 (1), 10-09 (2), 10-10 调休上班 (3).
  await page.keyboard.press("Tab");
  assert.equal(await focused(page), "date");
  await page.focus("#days");
  await page.keyboard.type("3");
  assert.equal(await text(page, "[data-testid=due-at]"), "2026-10-10（星期六）24:00");
  assert.equal(await nodesKept(page), true);

  // The policy select by keyboard keeps its focus too (the class list is refilled in place).
  await page.focus("#policy");
  const before = await page.inputValue("#policy");
  await page.keyboard.press("ArrowDown");
  assert.notEqual(await page.inputValue("#policy"), before);
  assert.equal(await focused(page), "policy");
  assert.equal(await page.$(".result.error"), null);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a due day that lands on 国庆节 is rolled, and 顺延 is written on each day it rolls over", async () => {
  const { page, problems } = await fresh("/www/index.html?lang=zh");
  // S10 信访件 counts calendar days rolled to a working day (A4): Mon 09-28 + 3 = 10-01
  // (国庆节), rolled past 10-02..10-07 to Thu 10-08.
  await page.selectOption("#policy", "s10-service-system");
  await page.selectOption("#class", "petition");
  await page.fill("#date", "2026-09-28");
  await page.fill("#time", "10:00");
  await page.fill("#days", "3");
  assert.equal(await text(page, "[data-testid=due-date]"), "2026-10-08");
  assert.equal(await text(page, "[data-testid=due-at]"), "2026-10-08（星期四）24:00");
  const rolled = await page.$$eval(".cell", (cs) => cs.filter((c) => c.querySelector("[data-testid=rolled]")).map((c) => c.dataset.date));
  assert.deepEqual(rolled, ["2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07", "2026-10-08"]);
  // Visible text on the day, not a tooltip.
  assert.equal(await page.isVisible('.cell[data-date="2026-10-05"] [data-testid=rolled]'), true);
  assert.equal(await text(page, '.cell[data-date="2026-10-05"] [data-testid=rolled]'), "顺延");
  assert.match(await text(page, ".legend"), /期限顺延/);
  // The counting rules and the default notes in Chinese, from the engine's catalogue.
  const basis = await text(page, "#basis");
  assert.match(basis, /3个自然日，自受理次日起算/);
  assert.match(basis, /到期日不是工作日的，顺延至下一个工作日|顺延/);
  assert.doesNotMatch(basis, /calendar days, counted from|rolls to the next working day/);
  await page.screenshot({ path: join(shots, "due-rolled-zh.png"), fullPage: true });
  await page.click("#lang");
  assert.equal(await text(page, '.cell[data-date="2026-10-05"] [data-testid=rolled]'), "rolled");
  assert.equal(await text(page, "[data-testid=due-at]"), "2026-10-08 (Thu) 24:00");
  await page.click("#lang");
  assert.deepEqual(problems, []);
  await page.close();
});

test("score calculator: every field keeps its focus and node while typed in; the answer follows", async () => {
  const { page, problems } = await fresh("/www/index.html#score");
  await page.waitForSelector("#calc-score:not([hidden]) #score-form");
  await page.selectOption("#score-policy", "s14-window-scorecard");
  await page.fill("#month", "2026-10");
  await page.click("#subject", { clickCount: 3 });
  await page.keyboard.type("李四");
  assert.equal(await focused(page), "subject");
  assert.equal(await page.getAttribute(".card.person", "data-subject"), "李四");
  await page.click("#window", { clickCount: 3 });
  await page.keyboard.type("W07");
  assert.equal(await focused(page), "window");
  assert.match(await text(page, ".card.person h3"), /李四（窗口 W07）/);

  // The rule by keyboard, then its quantity, points and reason typed.
  await page.focus("#rule-search");
  await page.keyboard.type("吃拿卡要");
  assert.equal(await page.inputValue("#rule"), "S14.att.6");
  assert.equal(await focused(page), "rule-search");
  // From here the rule is chosen: the fields typed in below stay the same nodes.
  await markNodes(page, "#score-form");
  await page.focus("#quantity");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("2");
  assert.equal(await focused(page), "quantity");
  await page.focus("#points");
  await page.keyboard.type("15");
  assert.equal(await focused(page), "points");
  assert.equal(await page.inputValue("#points"), "15");
  await page.focus("#note");
  await page.keyboard.type("经查实");
  assert.equal(await focused(page), "note");
  await page.click("#incident-date", { position: { x: 12, y: 12 } });
  await page.keyboard.type("20261012");
  assert.equal(await page.inputValue("#incident-date"), "2026-10-12");
  assert.equal(await nodesKept(page), true);
  await page.keyboard.press("Enter");
  // S14 totals 90; 考勤 30 − 2 × 15 = 0 (floored at 0, 扣完为止): 60; ¥300.00 withheld (2 × 150).
  assert.equal(await text(page, "[data-testid=total]"), "60");
  assert.equal(await text(page, "[data-testid=withholdings]"), "¥300.00");

  // A line's own fields: typed, the answer follows and the field keeps its focus.
  await page.click('#incidents tr[data-row="1"] .qty', { clickCount: 3 });
  await page.keyboard.type("1");
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains("qty")), true);
  // 考勤 30 − 15 = 15: 75; ¥150.00.
  assert.equal(await text(page, "[data-testid=total]"), "75");
  assert.equal(await text(page, "[data-testid=withholdings]"), "¥150.00");
  await page.click('#incidents tr[data-row="1"] .pts', { clickCount: 3 });
  await page.keyboard.type("12");
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains("pts")), true);
  assert.equal(await text(page, "[data-testid=total]"), "78");
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("25");
  // Outside 10—20: the engine's error on the line, the field still focused.
  assert.match(await text(page, '#incidents tr[data-row="1"] .row-error'), /不在规则`S14\.att\.6`允许的取值10–20之内/);
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains("pts")), true);
  assert.equal(await text(page, "[data-testid=total]"), "90");
  await page.click('#incidents tr[data-row="1"] .when', { position: { x: 12, y: 12 } });
  await page.keyboard.type("20261013");
  assert.equal(await page.inputValue('#incidents tr[data-row="1"] .when'), "2026-10-13");
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains("when")), true);

  // The month, typed: incidents keep their day in the new month.
  await page.click("#month", { position: { x: 12, y: 12 } });
  await page.keyboard.type("202611");
  assert.equal(await page.inputValue("#month"), "2026-11");
  assert.equal(await focused(page), "month");
  assert.equal(await page.inputValue('#incidents tr[data-row="1"] .when'), "2026-11-13");
  assert.deepEqual(problems, []);
  await page.close();
});

test("rule picker: 吃拿卡要 finds S14.att.6, clause ids find their rule, grouped by the policy's categories", async () => {
  const { page, problems } = await fresh("/www/index.html#score");
  await page.waitForSelector("#calc-score:not([hidden]) #score-form");
  await page.selectOption("#score-policy", "s14-window-scorecard");
  const found = () => page.$$eval("#rule optgroup", (gs) => gs.map((g) => [g.label, [...g.querySelectorAll("option")].map((o) => o.value)]));
  await page.fill("#rule-search", "吃拿卡要");
  // The quote is 「有吃、拿、卡、要等不廉洁行为的」: punctuation does not stop the words.
  assert.deepEqual(await found(), [["考勤（30分）", ["S14.att.6"]]]);
  assert.equal(await page.inputValue("#rule"), "S14.att.6");
  assert.match(await text(page, "#rule-info-slot"), /S14\.att\.6/);
  assert.equal(await text(page, "#rule-search-note"), "找到 1 条");
  // Its default notes in Chinese from the catalogue (A6: 视情节轻重, a reason with the value).
  assert.match(await text(page, "#rule-info-slot"), /视情节轻重：考核人员填写10至20的整数并写明理由/);
  assert.doesNotMatch(await text(page, "#rule-info-slot"), /the assessor enters/);
  await page.click("#lang");
  assert.match(await text(page, "#rule-info-slot"), /the assessor enters an integer from 10 to 20/);
  await page.click("#lang");
  await page.fill("#rule-search", "s14.att.6");
  assert.deepEqual(await found(), [["考勤（30分）", ["S14.att.6"]]]);
  // Words across categories: 迟到 is S14.att.1a's 上班迟到.
  await page.fill("#rule-search", "迟到");
  const late = await found();
  assert.ok(late.some(([, codes]) => codes.includes("S14.att.1a")), JSON.stringify(late));
  // Every group label is one of the policy's categories, as the package reads the policy.
  const table = zhidu.PolicySet.builtin().policy("s14-window-scorecard").deductionTable();
  const labels = new Set([...table.categories.map((c) => `${c.name}（${c.maximum}分）`), "加分与其他"]);
  assert.ok(late.every(([label]) => labels.has(label)), JSON.stringify(late));
  // Nothing found: said so, and the full list stays.
  await page.fill("#rule-search", "没有这种条款");
  assert.match(await text(page, "#rule-search-note"), /没有找到/);
  assert.ok((await page.$$eval("#rule option", (os) => os.length)) > 20);
  // S2: by clause id.
  await page.selectOption("#score-policy", "s2-service-center");
  await page.fill("#rule-search", "S2.assess.qin.1");
  assert.equal(await page.inputValue("#rule"), "S2.assess.qin.1");
  // Enter in the search box goes to the list, it does not add a line.
  await page.focus("#rule-search");
  await page.keyboard.press("Enter");
  assert.equal(await focused(page), "rule");
  assert.equal(await page.$("#incidents"), null);
  assert.deepEqual(problems, []);
  await page.close();
});

test("keyboard only: from the top of the page to a due date and to a scorecard line", async () => {
  const { page, problems } = await fresh();
  // Tab from the start of the page reaches the calculator's fields in order.
  const order = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press("Tab");
    order.push(await focused(page));
  }
  for (const id of ["policy", "class", "date"]) assert.ok(order.includes(id), order.join(" "));
  assert.ok(order.indexOf("policy") < order.indexOf("class") && order.indexOf("class") < order.indexOf("date"), order.join(" "));
  await page.focus("#lang");
  // Tab on to 受理日期 (its year part first), type the date; Tab on (through the date's
  // parts) to 受理时间 and type it, then to 承诺时限.
  await tabTo(page, "date");
  await page.keyboard.type("20260930");
  await tabTo(page, "time");
  await page.keyboard.type("1000");
  await tabTo(page, "days");
  await page.keyboard.type("5");
  await page.keyboard.press("Enter");
  assert.equal(await text(page, "[data-testid=due-at]"), "2026-10-13（星期二）24:00");

  // The score tab by keyboard: focus the tab link and press Enter.
  await page.focus('#tabs a[href="#score"]');
  await page.keyboard.press("Enter");
  await page.waitForSelector("#calc-score:not([hidden]) #score-form");
  await page.focus("#score-policy");
  await page.keyboard.press("ArrowDown"); // the policy after S2 in the list
  await page.keyboard.press("ArrowUp");
  assert.equal(await page.inputValue("#score-policy"), "s2-service-center");
  await page.focus("#rule-search");
  await page.keyboard.type("S2.assess.qin.1");
  await page.keyboard.press("Enter"); // → the rule list
  await page.keyboard.press("Tab"); // → 数量
  assert.equal(await focused(page), "quantity");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("3");
  await page.focus("#add");
  await page.keyboard.press("Enter");
  // S2.assess.qin.1 「上班迟到或早退的,每次扣2分」 ×3 = −6 of 100.
  assert.equal(await text(page, "[data-testid=total]"), "94");
  assert.equal(await focused(page), "add");
  // Removing the line by keyboard leaves the focus on 添加.
  await page.focus('#incidents tr[data-row="1"] .remove');
  await page.keyboard.press("Enter");
  assert.equal(await text(page, "[data-testid=total]"), "100");
  assert.equal(await focused(page), "add");
  assert.deepEqual(problems, []);
  await page.close();
});

/** The page is no wider than the window: nothing scrolls sideways. */
const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
/** How many lines the title takes. */
const titleLines = (page) =>
  page.$eval("h1", (h) => Math.round(h.getBoundingClientRect().height / parseFloat(getComputedStyle(h).lineHeight)));

for (const width of [375, 1280]) {
  test(`${width} px: no sideways scroll on any tab, the title on one or two lines, the form never over the answer`, async () => {
    const { page, problems } = await fresh("/www/index.html", { width, height: 800 });
    await page.fill("#date", "2026-09-30");
    await page.fill("#time", "10:00");
    await page.click("#calc");
    assert.equal(await sideways(page), 0);
    assert.ok((await titleLines(page)) <= 2, `title lines: ${await titleLines(page)}`);
    // Scrolled to the calendar and to the clauses, what is on screen there is the answer, not
    // the form (a sticky form in one column would slide over it).
    for (const sel of [".months", "#basis"]) {
      await page.$eval(sel, (m) => m.scrollIntoView({ block: "start" }));
      const covered = await page.$eval(sel, (m) => {
        const r = m.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 60), Math.max(r.top, 0) + 20);
        return hit && !m.contains(hit) ? hit.closest("form")?.id ?? hit.tagName : null;
      });
      assert.equal(covered, null, sel);
    }
    await page.screenshot({ path: join(shots, `due-${width}.png`), fullPage: true });

    await page.click('#tabs a[href="#score"]');
    await page.waitForSelector("#calc-score:not([hidden]) #score-form");
    await page.selectOption("#score-policy", "s14-window-scorecard");
    await page.fill("#month", "2026-10");
    await page.fill("#rule-search", "吃拿卡要");
    await page.fill("#points", "15");
    await page.fill("#note", "经查实");
    await page.click("#add");
    assert.equal(await text(page, "[data-testid=total]"), "75");
    assert.equal(await sideways(page), 0);
    await page.screenshot({ path: join(shots, `score-${width}.png`), fullPage: true });

    await page.click('#tabs a[href="#report"]');
    await page.waitForSelector("#calc-report:not([hidden]) #report-form");
    assert.equal(await sideways(page), 0);

    // English: the longer title still takes at most two lines.
    await page.click('#tabs a[href="#due"]');
    await page.click("#lang");
    assert.ok((await titleLines(page)) <= 2, `English title lines: ${await titleLines(page)}`);
    assert.equal(await sideways(page), 0);
    await page.click("#lang");
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test("print: the answer, the calendar and the clauses on one A4 page, with the day colours", async () => {
  const { page, problems } = await fresh();
  await page.fill("#date", "2026-09-30");
  await page.fill("#time", "10:00");
  await page.click("#calc");
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isVisible("#due-form"), false);
  for (const sel of ["[data-testid=due-date]", ".months", "#basis"]) assert.equal(await page.isVisible(sel), true, sel);
  assert.equal(await page.$eval(".cell.holiday", (c) => getComputedStyle(c).printColorAdjust), "exact");
  const pdf = await page.pdf({ format: "A4", printBackground: false, preferCSSPageSize: true });
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length;
  assert.equal(pages, 1);
  writeFileSync(join(shots, "due-print-a4.pdf"), pdf);
  // An A4 page at 96 dpi is 794 × 1123 px: the same layout, to look at.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({ path: join(shots, "due-print-a4.png"), fullPage: true });
  await page.emulateMedia({ media: "screen" });
  assert.deepEqual(problems, []);
  await page.close();
});

test("file://: index.html opened as a file says in Chinese how to serve it, and that exact command serves a working page", async () => {
  const url = pathToFileURL(join(wasmDir, "www", "index.html")).href;
  const { page, problems } = await browser.open(url, { ready: false });
  await page.waitForSelector("body[data-ready=file]");
  const notice = await text(page, "#file-notice");
  assert.match(notice, /^请用本地服务器打开：http:\/\/127\.0\.0\.1:8000\/www\/index\.html/);
  assert.equal(await text(page, "#serve-command"), `python3 -m http.server 8000 --bind 127.0.0.1 --directory "${wasmDir}"`);
  await page.screenshot({ path: join(shots, "file-url-zh.png") });
  assert.deepEqual(problems, []);
  await page.close();

  // The command as shown (on a free port instead of 8000) serves a page that works.
  const port = await new Promise((ok) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
  const [cmd, ...args] = notice.match(/python3 -m http\.server 8000 [^"]*"[^"]*"/)[0].replace(" 8000 ", ` ${port} `).match(/"[^"]*"|\S+/g).map((a) => a.replace(/^"|"$/g, ""));
  const server = spawn(cmd, args, { stdio: "ignore" });
  try {
    const served = await browser.context.newPage();
    const errors = [];
    served.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    for (let i = 0; i < 50; i++) {
      try {
        await served.goto(`http://127.0.0.1:${port}/www/index.html`);
        break;
      } catch {
        await new Promise((ok) => setTimeout(ok, 100));
      }
    }
    await served.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
    assert.match(await served.textContent("[data-testid=due-date]"), /^\d{4}-\d{2}-\d{2}$/);
    assert.deepEqual(errors, []);
    await served.close();
  } finally {
    server.kill();
  }
});
