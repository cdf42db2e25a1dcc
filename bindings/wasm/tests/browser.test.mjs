// The calculators page in headless Chromium (Debian's /usr/bin/chromium driven by
// playwright-core): served by a local static server from bindings/wasm/, filled like a clerk
// would, checked, and photographed to target/screenshots/.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { shots, startBrowser } from "./browser.mjs";
import { cliReport, exampleMonth } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await startBrowser();
});
after(async () => {
  await browser?.close();
});

const open = (path) => browser.open(path);

async function fill(page, { policy, klass, date, time, days }) {
  await page.selectOption("#policy", policy);
  await page.selectOption("#class", klass);
  await page.fill("#date", date);
  await page.fill("#time", time);
  if (days !== undefined) await page.fill("#days", String(days));
  await page.click("#calc");
}

test("办结时限计算器: S2 承诺件 accepted 2026-09-30 10:00 with 5 days is due 2026-10-13", async () => {
  const { page, problems } = await open("/www/index.html?lang=zh");
  assert.equal(await page.textContent("h1"), "办结时限计算器");
  await fill(page, { policy: "s2-service-center", klass: "promised", date: "2026-09-30", time: "10:00", days: 5 });

  assert.equal(await page.textContent("[data-testid=due-date]"), "2026-10-13");
  // The due instant as a clerk reads it: the end of 10-13 (a Tuesday), not 10-14T00:00 of
  // RFC 3339, which stays in the element's datetime.
  assert.equal(await page.textContent("[data-testid=due-at]"), "2026-10-13（星期二）24:00");
  assert.equal(await page.getAttribute("[data-testid=due-at]", "datetime"), "2026-10-14T00:00:00+08:00");
  assert.equal(await page.textContent("[data-testid=start]"), "2026-09-30（星期三）10:00");
  assert.match(await page.textContent("[data-testid=yellow-from]"), /2026-10-11（星期日）00:00/);

  const day = (date) =>
    page.$eval(`.cell[data-date="${date}"]`, (c) => ({ cls: c.className, counted: c.dataset.counted ?? null, text: c.textContent }));
  // 10-10 is a make-up working day (调休上班) and the third counted day
  const oct10 = await day("2026-10-10");
  assert.match(oct10.cls, /\bmakeup_workday\b/);
  assert.equal(oct10.counted, "3");
  assert.match(oct10.text, /调休上班/);
  // 10-01..07 are 国庆节 holidays, skipped
  for (let d = 1; d <= 7; d++) {
    const c = await day(`2026-10-0${d}`);
    assert.match(c.cls, /\bholiday\b/);
    assert.equal(c.counted, null);
    assert.match(c.text, /国庆节/);
  }
  assert.match((await day("2026-10-11")).cls, /\bweekend\b/);
  // the five counted days, numbered, and the due day
  const counted = await page.$$eval(".cell.counted", (cs) => cs.map((c) => `${c.dataset.date}:${c.dataset.counted}`));
  assert.deepEqual(counted, ["2026-10-08:1", "2026-10-09:2", "2026-10-10:3", "2026-10-12:4", "2026-10-13:5"]);
  assert.match((await day("2026-10-13")).cls, /\bdue\b/);
  assert.match((await day("2026-10-12")).cls, /\byellow\b/);
  // the clauses and defaults cited
  const basis = await page.textContent("#basis");
  assert.match(basis, /S2\.xs\.2/);
  assert.match(basis, /一般办理限时为3—5日/);
  assert.match(basis, /A3/);
  assert.match(basis, /国务院办公厅关于2026年部分节假日安排的通知/);

  await page.screenshot({ path: join(shots, "due-calculator-zh.png"), fullPage: true });

  // English, same answer
  await page.click("#lang");
  assert.equal(await page.textContent("h1"), "Processing deadline calculator");
  assert.equal(await page.textContent("[data-testid=due-date]"), "2026-10-13");
  assert.equal(await page.textContent("[data-testid=due-at]"), "2026-10-13 (Tue) 24:00");
  await page.screenshot({ path: join(shots, "due-calculator-en.png"), fullPage: true });
  await page.click("#lang");

  assert.deepEqual(problems, []);
  await page.close();
});

test("the calculators open without an error, in Chinese, on 承诺件; a class without a default limit asks for it", async () => {
  const { page, problems } = await open("/www/index.html");
  // The default language, not one a previous test saved.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  assert.equal(await page.textContent("h1"), "办结时限计算器");
  assert.equal(await page.$(".result.error"), null);
  assert.equal(await page.$eval("#class", (s) => s.value), "promised");
  assert.match(await page.textContent("#days-hint"), /^留空则按默认时限 5 个工作日$/);
  assert.match(await page.textContent("[data-testid=due-date]"), /^\d{4}-\d{2}-\d{2}$/);
  // The engine's counting rules in Chinese.
  assert.match(await page.textContent("#basis"), /5个工作日，自受理次日起算/);
  await page.screenshot({ path: join(shots, "due-calculator-opening-zh.png"), fullPage: true });

  // 即收即办 has no default limit: the page asks for it, in its unit, instead of failing.
  await page.selectOption("#class", "on_the_spot");
  assert.equal(await page.$(".result.error"), null);
  assert.equal(await page.textContent("[data-testid=ask-limit]"), "请填写承诺时限（分钟）");
  assert.equal(await page.textContent("#days-hint"), "本类别无默认时限，须按件填写（分钟）");
  await page.screenshot({ path: join(shots, "due-calculator-ask-limit-zh.png") });
  await page.fill("#days", "30");
  await page.fill("#date", "2026-10-12");
  await page.fill("#time", "10:50");
  await page.click("#calc");
  assert.equal(await page.textContent("[data-testid=due-at]"), "2026-10-12（星期一）11:20");

  // A bad input shows the engine's message in Chinese with its code.
  await page.selectOption("#class", "promised");
  await page.fill("#date", "2101-01-04");
  await page.click("#calc");
  assert.equal(await page.getAttribute(".result.error .message", "data-code"), "coverage");
  assert.equal(await page.textContent(".result.error .message"), "日历`cn-mainland`未覆盖2101年");
  assert.deepEqual(problems, []);
  await page.close();
});

test("a date outside the calendar shows the engine's error and help, and the page recovers", async () => {
  const { page, problems } = await open("/www/index.html?lang=zh");
  await fill(page, { policy: "s2-service-center", klass: "promised", date: "2101-01-04", time: "09:00", days: 5 });
  assert.equal(await page.getAttribute(".result.error .message", "data-code"), "coverage");
  // In Chinese: the engine's message and help from the core's catalogue, the code unchanged.
  assert.match(await page.textContent(".result.error .message"), /^日历`cn-mainland`未覆盖2101年$/);
  assert.match(await page.textContent(".result.error .help"), /国务院办公厅的放假安排通知/);
  await page.click("#lang");
  assert.match(await page.textContent(".result.error"), /does not cover 2101/);
  assert.equal(await page.getAttribute(".result.error .message", "data-code"), "coverage");
  await page.click("#lang");
  await fill(page, { policy: "s10-service-system", klass: "immediate", date: "2026-10-12", time: "10:50" });
  assert.equal(await page.textContent("[data-testid=due-date]"), "2026-10-12");
  assert.equal(await page.textContent("[data-testid=due-at]"), "2026-10-12（星期一）11:20");
  // a class with a fixed limit takes no days
  await page.selectOption("#policy", "s2-service-center");
  await page.selectOption("#class", "complaint_complex");
  assert.equal(await page.isDisabled("#days"), true);
  assert.deepEqual(problems, []);
  await page.close();
});

test("issue #12: 2026-12-10 + 20 working days is a provisional 2027-01-08 with a visible notice in both languages", async () => {
  const { page, problems } = await open("/www/index.html?lang=zh");
  // Hand-computed: 12-11 (1), 12-14..18 (2-6), 12-21..25 (7-11), 12-28..31 (12-15); 2027-01-01
  // (Friday) is 元旦 by 国务院令第795号; 01-04..08 (16-20).
  await fill(page, { policy: "s2-service-center", klass: "promised", date: "2026-12-10", time: "09:00", days: 20 });
  assert.equal(await page.textContent("[data-testid=due-date]"), "2027-01-08");
  assert.equal(await page.isVisible("[data-testid=provisional]"), true);
  const zh = await page.textContent("[data-testid=provisional]");
  assert.match(zh, /暂定结果/);
  assert.match(zh, /2027年：国务院令第795号；日历中尚无2027年的放假通知，调休上班日未知/);
  await page.click("#lang");
  assert.equal(await page.textContent("[data-testid=due-date]"), "2027-01-08");
  assert.match(await page.textContent("[data-testid=provisional]"), /2027: 国务院令第795号; the 2027 notice is not in the calendar; make-up working days unknown/);
  assert.match(await page.textContent("[data-testid=provisional]"), /Provisional.*State Council holiday notice is not out yet/);
  await page.screenshot({ path: join(shots, "due-calculator-provisional-en.png"), fullPage: true });
  await page.click("#lang");
  // Inside 2026 there is no notice.
  await fill(page, { policy: "s2-service-center", klass: "promised", date: "2026-09-30", time: "09:00", days: 5 });
  assert.equal(await page.textContent("[data-testid=due-date]"), "2026-10-13");
  assert.equal(await page.$("[data-testid=provisional]"), null);
  assert.deepEqual(problems, []);
  await page.close();
});

/** Add an incident with the score calculator's picker. */
async function addIncident(page, { rule, quantity, points, note, date }) {
  await page.selectOption("#rule", rule);
  if (quantity !== undefined) await page.fill("#quantity", String(quantity));
  if (points !== undefined) {
    if ((await page.$eval("#points", (e) => e.tagName)) === "SELECT") await page.selectOption("#points", String(points));
    else await page.fill("#points", String(points));
  }
  if (note !== undefined) await page.fill("#note", note);
  if (date !== undefined) await page.fill("#incident-date", date);
  await page.click("#add");
}

test("考核计分计算器: S14 att.1a ×2, att.2 ×1, att.6 at 15 points → 71, ¥40.00 fines, ¥150.00 withheld, 取消年度评先资格", async () => {
  const { page, problems } = await open("/www/index.html?lang=zh");
  // two calculators: the tab bar is shown, and the second tab switches the page
  assert.equal(await page.isVisible("#tabs"), true);
  await page.click('#tabs a[href="#score"]');
  await page.waitForSelector("#calc-score:not([hidden]) #score-form");
  assert.equal(await page.textContent("h1"), "考核计分计算器");
  assert.equal(await page.isHidden("#calc-due"), true);

  await page.selectOption("#score-policy", "s14-window-scorecard");
  await page.fill("#month", "2026-10");
  await page.dispatchEvent("#month", "change");
  // the picker lists the table's rules grouped by category, with points, unit and fine
  const groups = await page.$$eval("#rule optgroup", (gs) => gs.map((g) => g.label));
  assert.deepEqual(groups.slice(0, 3), ["考勤（30分）", "服务质量（20分）", "办件管理（15分）"]);
  const att6 = await page.$eval('#rule option[value="S14.att.6"]', (o) => o.textContent);
  assert.match(att6, /S14\.att\.6.*扣10—20分\/次.*¥150\.00/);
  await page.selectOption("#rule", "S14.att.6");
  assert.deepEqual(await page.$eval("#points", (e) => [e.min, e.max]), ["10", "20"]);
  assert.match(await page.textContent("#score-form"), /扣10—20分/);
  assert.equal((await page.inputValue("#incident-date")).slice(0, 7), "2026-10");

  await addIncident(page, { rule: "S14.att.1a", quantity: 2 });
  await addIncident(page, { rule: "S14.att.2", quantity: 1 });
  await addIncident(page, { rule: "S14.att.6", points: 15, note: "收受礼品, 经查实", date: "2026-10-12" });

  // S14 totals 90 (30 + 20 + 15 + 25); 考勤 30 − 2 − 2 − 15 = 11
  assert.equal(await page.textContent("[data-testid=total]"), "71");
  assert.equal(await page.textContent("[data-testid=fines]"), "¥40.00");
  assert.equal(await page.textContent("[data-testid=withholdings]"), "¥150.00");
  assert.match(await page.textContent("[data-testid=effects]"), /取消年度评先资格/);
  const card = page.locator('.card.person[data-subject="张三"]');
  const att = await card.locator('tr[data-category="att"]').textContent();
  assert.match(att, /考勤\s*11\s*\/\s*30/);
  assert.match(att, /−19.*−19/);
  // every line with its clause id and Chinese quote
  const lines = await card.locator(".lines tbody tr").evaluateAll((rs) => rs.map((r) => r.dataset.rule));
  assert.deepEqual(lines, ["S14.att.1a", "S14.att.2", "S14.att.6"]);
  const text = await card.locator(".lines").textContent();
  assert.match(text, /上班迟到或下班早退的,每人次扣1分/);
  assert.match(text, /每次视情节轻重扣10—20分,扣除当月奖励150元/);
  // att.6's effect names the window too (取消该窗口…): its own card shows, with no points
  assert.equal(await page.textContent('.card.window[data-subject="W01"] .summary strong'), "90");

  await page.screenshot({ path: join(shots, "score-calculator-zh.png"), fullPage: true });

  // points outside 10—20: the engine's error next to that line; the others still count
  await page.fill('#incidents tr[data-row="3"] .pts', "25");
  await page.dispatchEvent('#incidents tr[data-row="3"] .pts', "change");
  const bad = page.locator('#incidents tr[data-row="3"] .row-error');
  assert.match(await bad.textContent(), /分值`25`不在规则`S14\.att\.6`允许的取值10–20之内/);
  assert.equal(await bad.getAttribute("data-code"), "input");
  assert.equal(await page.textContent("[data-testid=total]"), String(90 - 4));
  assert.equal(await page.textContent("[data-testid=fines]"), "¥40.00");
  await page.fill('#incidents tr[data-row="3"] .pts', "15");
  await page.dispatchEvent('#incidents tr[data-row="3"] .pts', "change");
  assert.equal(await page.$$eval(".row-error", (e) => e.length), 0);

  // English, the same scorecard
  await page.click("#lang");
  assert.equal(await page.textContent("h1"), "Score calculator");
  assert.equal(await page.textContent("[data-testid=total]"), "71");
  await page.screenshot({ path: join(shots, "score-calculator-en.png"), fullPage: true });
  await page.click("#lang");

  // S2: a choice rule (荣誉 5/10/15/30) offers exactly its values; removing a line rescores
  await page.selectOption("#score-policy", "s2-service-center");
  await page.selectOption("#rule", "S2.assess.bonus.2");
  assert.deepEqual(await page.$$eval("#points option", (os) => os.map((o) => o.value).filter(Boolean)), ["5", "10", "15", "30"]);
  await addIncident(page, { rule: "S2.assess.bonus.2", points: 10 });
  await addIncident(page, { rule: "S2.assess.qin.1", quantity: 3 });
  assert.equal(await page.textContent("[data-testid=total]"), String(100 + 10 - 6));
  assert.equal(await page.textContent("[data-testid=bonus]"), "+10");
  await page.click('#incidents tr[data-row="1"] .remove');
  assert.equal(await page.textContent("[data-testid=total]"), "94");

  assert.deepEqual(problems, []);
  await page.close();
});

/** The month before today's in +08:00, as the report tab's default period. */
function monthBefore(now = Date.now()) {
  const d = new Date(now + 8 * 3_600_000);
  const [y, m] = [d.getUTCFullYear(), d.getUTCMonth()];
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, "0")}`;
}

test("月度报告: the example month's four files make the CLI's report in the page; a file without `rule` shows the error in Chinese", async () => {
  const { page, problems } = await open("/www/index.html");
  // The default language, not one a previous test saved.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  assert.deepEqual(await page.$$eval("#tabs a", (as) => as.map((a) => a.textContent)), ["办结时限", "考核计分", "月度报告"]);
  await page.click('#tabs a[href="#report"]');
  await page.waitForSelector("#calc-report:not([hidden]) #report-form");
  assert.equal(await page.textContent("h1"), "月度报告");
  assert.equal(await page.title(), "月度报告 · zhidu 制度");
  assert.equal(await page.isHidden("#calc-due"), true);
  assert.equal(await page.inputValue("#report-policy"), "s2-service-center");
  assert.equal(await page.inputValue("#report-period"), monthBefore());
  assert.match(await page.textContent("#report-form"), /办件台账.*必选.*考核记录.*违规记录.*人员名单.*上期办件台账.*上期考核记录/s);
  assert.equal(await page.textContent("#report-generate"), "生成报告");

  // Without a case log the page asks for it.
  await page.click("#report-generate");
  assert.equal(await page.textContent(".result.error .message"), "请选择办件台账文件（.jsonl 或 .csv）");

  await page.fill("#report-period", "2026-10");
  for (const [key, name] of [["cases", "cases.jsonl"], ["incidents", "incidents.csv"], ["violations", "violations.csv"], ["roster", "roster.csv"]]) {
    await page.setInputFiles(`#file-${key}`, join(exampleMonth, name));
  }
  const started = Date.now();
  await page.click("#report-generate");
  await page.waitForSelector("#report-frame");
  const frame = page.frameLocator("#report-frame");
  await frame.locator(".kpi").first().waitFor();
  const shown = Date.now() - started;
  const engineMs = Number(await page.getAttribute("#report-result", "data-ms"));
  console.log(`report tab: October report shown ${shown} ms after the click (engine ${engineMs} ms)`);

  // The figures in the frame are the CLI's, read independently from `zhidu report --format json`.
  const json = cliReport();
  const f = json.figures;
  // Known by hand from the CLI's run: 2,429 cases in October (2,067 received in it), 按时办结率
  // 93.42% = 1,944 / 2,081 completed.
  assert.deepEqual([f.cases, f.received, f.completed, f.on_time_rate], [2429, 2067, 2081, { numerator: 1944, denominator: 2081, percent: "93.42" }]);
  const kpi = async (id) => (await frame.locator(`.kpi[data-figure="${id}"] b`).innerText()).trim();
  assert.equal(Number(await kpi("received")), f.received);
  assert.equal(Number(await kpi("completed")), f.completed);
  assert.equal(await kpi("on_time_rate"), `${f.on_time_rate.percent}%`);
  assert.equal(Number(await kpi("overdue")), f.overdue);
  const cell = async (id) => (await frame.locator(`table.figures tr[data-figure="${id}"] td`).nth(1).innerText()).trim();
  const rate = (r) => (r.percent === null ? "—" : `${r.percent}% (${r.numerator}/${r.denominator})`);
  assert.equal(Number(await cell("received")), f.received);
  assert.equal(await cell("on_time_rate"), rate(f.on_time_rate));
  assert.equal(await cell("on_time_rate"), "93.42% (1944/2081)");
  assert.equal(await cell("overdue_rate"), rate(f.overdue_rate));
  assert.equal(await cell("days_mean"), f.days_mean ?? "—");
  for (const w of json.by_window) {
    const cells = await frame.locator(`table.groups tr[data-key="${w.key}"]`).first().locator("td").allInnerTexts();
    assert.deepEqual(cells.slice(2, 5).map((c) => c.trim()), [String(w.received), String(w.completed), rate(w.on_time_rate)], w.key);
  }
  const people = json.assessment.scorecards.filter((c) => c.kind === "person");
  assert.deepEqual((await frame.locator("table.scorecards tbody tr td b").allInnerTexts()).map(Number), people.map((c) => c.total));
  assert.match(await page.textContent("#report-status"), /^2026-10 报告已生成：办件 2429 件，用时 \d+ 毫秒$/);
  assert.equal(await page.$("#report-row-errors"), null);
  // The frame runs no script and is the engine's HTML, in Chinese.
  assert.equal(await page.getAttribute("#report-frame", "sandbox"), "allow-same-origin allow-modals");
  assert.match(await frame.locator("body").innerText(), /按时办结率/);
  assert.equal(await frame.locator("script").count(), 0);

  // The downloads: the same HTML, and the JSON is the CLI's report.
  assert.equal(await page.getAttribute("#report-html", "download"), "zhidu-report-2026-10.html");
  assert.equal(await page.getAttribute("#report-json", "download"), "zhidu-report-2026-10.json");
  const downloaded = await page.evaluate(async () => {
    const text = async (id) => (await fetch(document.getElementById(id).href)).text();
    return { html: await text("report-html"), json: await text("report-json"), srcdoc: document.getElementById("report-frame").srcdoc };
  });
  assert.deepEqual(JSON.parse(downloaded.json), json);
  assert.equal(downloaded.html, downloaded.srcdoc);
  // 打印 prints the frame (its print stubbed: a headless browser has no print dialog).
  await page.evaluate(() => {
    const w = document.getElementById("report-frame").contentWindow;
    w.print = () => (window.printed = "report");
  });
  await page.click("#report-print");
  assert.equal(await page.evaluate(() => window.printed), "report");
  // The page as it opens on the report (the frame is as tall as the report: not a full-page shot).
  await page.screenshot({ path: join(shots, "report-tab-zh.png") });

  // English: the page and the report remade in English from the same files, the same figures.
  await page.click("#lang");
  assert.equal(await page.textContent("h1"), "Monthly report");
  await frame.locator("body", { hasText: "on-time completion rate" }).waitFor();
  assert.equal(Number(await frame.locator('.kpi[data-figure="received"] b').innerText()), f.received);
  assert.equal(await page.textContent("#report-generate"), "Make the report");
  await page.click("#lang");
  await frame.locator("body", { hasText: "按时办结率" }).waitFor();

  // A bad incidents file (no `rule` column): the engine's error, in Chinese, naming the file.
  await page.setInputFiles("#file-incidents", { name: "incidents.csv", mimeType: "text/csv", buffer: Buffer.from("subject,window,at,quantity\n张三,W01,2026-10-12,1\n") });
  await page.click("#report-generate");
  await page.waitForSelector("#report-result.error");
  assert.equal(await page.getAttribute(".result.error .message", "data-code"), "input");
  assert.equal(await page.textContent(".result.error .message"), "`incidents.csv`有误：表头中没有`rule`列");
  assert.match(await page.textContent(".result.error .help"), /^第一行须写明各列列名；考核记录须有`subject`、`at`、`rule`/);
  assert.equal(await page.textContent(".result.error h2"), "无法生成报告");
  assert.equal(await page.$("#report-frame"), null);
  await page.screenshot({ path: join(shots, "report-tab-error-zh.png"), fullPage: true });
  // Cleared, the report comes back.
  await page.click('[data-clear="incidents"]');
  await page.click("#report-generate");
  await frame.locator(".kpi").first().waitFor();

  assert.deepEqual(problems, []);
  await page.close();
});
