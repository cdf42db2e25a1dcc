// The language option of the Node package: setLang / getLang. Messages, help texts,
// diagnostics, row errors and explanations follow it; codes, rows and positions do not.
import { afterEach, test } from "node:test";
import assert from "node:assert/strict";
import { zhidu } from "./helpers.mjs";

const s2 = zhidu.PolicySet.builtin().policy("s2-service-center");
const badDate = () => {
  try {
    s2.due({ class: "promised", acceptedAt: "2026-13-45", days: 5 });
  } catch (e) {
    return e;
  }
  assert.fail("a bad date must throw");
};

afterEach(() => zhidu.setLang("en"));

test("English is the default; Chinese keeps the error's code", () => {
  assert.equal(zhidu.getLang(), "en");
  const en = badDate();
  assert.equal(en.name, "ZhiduError");
  assert.equal(en.code, "input");
  assert.equal(en.message, "`2026-13-45` is not a date or an instant");
  zhidu.setLang("zh");
  assert.equal(zhidu.getLang(), "zh");
  const zh = badDate();
  assert.equal(zh.code, "input");
  assert.equal(zh.message, "`2026-13-45`不是日期或时刻");
  assert.match(zh.help, /^请写`YYYY-MM-DD`/);
});

test("locale names are accepted, other names throw in the current language", () => {
  zhidu.setLang("zh-CN");
  assert.equal(zhidu.getLang(), "zh");
  zhidu.setLang("en_US.UTF-8");
  assert.equal(zhidu.getLang(), "en");
  assert.throws(() => zhidu.setLang("fr"), { code: "input", message: "`fr` is not a language zhidu writes" });
  assert.equal(zhidu.getLang(), "en");
});

test("diagnostics keep file, line, column and path", () => {
  zhidu.setLang("zh");
  assert.throws(
    () => zhidu.PolicySet.fromToml({ "bad.toml": '[policy]\nid = "x"\nname = 5\n' }),
    (e) => {
      assert.equal(e.code, "policy");
      assert.deepEqual([e.file, e.line, e.column, e.path], ["bad.toml", 3, 8, "policy.name"]);
      assert.equal(e.diagnostics[0].message, "类型不符：此处为整数`5`，应为字符串");
      return true;
    },
  );
});

test("explanations and row errors follow the language", () => {
  zhidu.setLang("zh");
  const ex = s2.explain({ class: "promised", acceptedAt: "2026-09-30T10:00:00+08:00", days: 5 });
  assert.equal(ex.due.due_date, "2026-10-13");
  assert.equal(ex.rules[0], "5个工作日，自受理次日起算");
  assert.equal(ex.days[0].note, "法定节假日（国庆节），非工作日");
  const s14 = zhidu.PolicySet.builtin().policy("s14-window-scorecard");
  const out = s14.assess({ period: "2026-10", incidents: [{ subject: "张三", window: "W01", at: "2026-10-09", rule: "S14.att.6", points: 25, note: "x" }] });
  assert.equal(out.errors[0].row, 1);
  assert.equal(out.errors[0].error.code, "input");
  assert.equal(out.errors[0].error.message, "分值`25`不在规则`S14.att.6`允许的取值10–20之内");
  zhidu.setLang("en");
  const again = s2.explain({ class: "promised", acceptedAt: "2026-09-30T10:00:00+08:00", days: 5 });
  assert.equal(again.rules[0], "5 working days, counted from the day after the start (次日起算)");
});

test("the package's own argument checks follow the language", () => {
  zhidu.setLang("zh");
  const missing = (() => {
    try {
      s2.due({ class: "promised" });
    } catch (e) {
      return e;
    }
    return assert.fail("a missing acceptedAt must throw");
  })();
  assert.equal(missing.code, "input");
  assert.equal(missing.message, "缺少`acceptedAt`");
  assert.throws(() => s2.reportFromFiles({ period: "2026-10" }), (e) => e.code === "input" && e.message === "缺少`cases`");
  zhidu.setLang("en");
  assert.throws(() => s2.due({ class: "promised" }), { code: "input", message: "missing `acceptedAt`" });
});
