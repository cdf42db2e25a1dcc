// The page's words in Chinese (default) and English. Data from the policies (names, clause
// quotes, notes, rules) is shown as the policy files and the engine give it.

const words = {
  zh: {
    "app.title": "办结时限计算器",
    "app.subtitle": "按法定节假日与调休安排计算办件的办结期限，并列出所依据的条款",
    "app.loading": "正在加载规则引擎…",
    "app.offline": "离线可用：所有计算都在本页内完成，不上传任何数据。",
    "app.failed": "规则引擎加载失败：",
    "app.engine": "引擎 zhidu（WebAssembly）",
    "lang.other": "English",
    "due.tab": "办结时限",
    "due.policy": "规章制度",
    "due.class": "事项类别",
    "due.date": "受理日期",
    "due.time": "受理时间",
    "due.days": "承诺时限",
    "due.daysHint": "留空则用默认时限",
    "due.daysFixed": "本类别时限固定，无需填写",
    "due.submit": "计算",
    "due.result": "计算结果",
    "due.dueDate": "办结期限",
    "due.dueAt": "到期时刻",
    "due.dueAtNote": "即办结期限当日 {end}",
    "due.start": "受理时间",
    "due.limit": "时限",
    "due.yellow": "黄牌预警",
    "due.yellowFrom": "{at} 起（剩余不超过 {n} {unit}）",
    "due.yellowAtStart": "受理即进入预警（时限不超过 {n} {unit}）",
    "due.calendar": "日历",
    "due.basis": "依据",
    "due.clauses": "条款",
    "due.related": "相关条款",
    "due.defaults": "默认值（原文未定，由政策文件设定）",
    "due.notices": "节假日安排",
    "due.rules": "计算规则",
    "due.error": "无法计算",
    "due.coverage": "日历覆盖 {from}–{to} 年",
    "due.clockStartEvent": "此类别自补齐材料等事件起算；此处按所填时间起算。",
    "info.unit": "计时单位",
    "info.limit": "默认时限",
    "info.fixed": "固定时限",
    "info.perCase": "按件承诺",
    "info.none": "须逐件填写",
    "info.usual": "通常 {a}–{b}",
    "info.legal": "法定时限",
    "info.warn": "预警",
    "info.source": "出处",
    "cell.start": "受理",
    "cell.due": "到期",
    "cell.day": "第{n}天",
    "cell.yellow": "黄牌",
    "cell.makeup": "调休上班",
    "cell.holiday": "休",
    "cell.weekend": "周末",
    "legend.counted": "计入时限的工作日（编号）",
    "legend.weekend": "周末（不计）",
    "legend.holiday": "法定节假日（不计）",
    "legend.makeup": "调休上班日（计入）",
    "legend.yellow": "黄牌预警期",
    "legend.due": "办结期限",
    "unit.minutes": "分钟",
    "unit.office_minutes": "办公分钟",
    "unit.hours": "小时",
    "unit.working_days": "个工作日",
    "unit.calendar_days": "个自然日",
    "unitName.minutes": "分钟",
    "unitName.office_minutes": "办公时间分钟",
    "unitName.hours": "小时",
    "unitName.working_days": "工作日",
    "unitName.calendar_days": "自然日",
    "end.midnight": "24:00",
    "end.office_close": "下班时",
    weekdays: ["一", "二", "三", "四", "五", "六", "日"],
    weekday: "星期{d}",
    month: "{y}年{m}月",
  },
  en: {
    "app.title": "Processing deadline calculator",
    "app.subtitle": "When an item is due on the statutory calendar of holidays and make-up working days, with the clauses it rests on",
    "app.loading": "Loading the rules engine…",
    "app.offline": "Works offline: everything is computed in this page; nothing is sent anywhere.",
    "app.failed": "The rules engine did not load: ",
    "app.engine": "engine: zhidu (WebAssembly)",
    "lang.other": "中文",
    "due.tab": "Deadlines",
    "due.policy": "Regulation",
    "due.class": "Item class",
    "due.date": "Accepted on",
    "due.time": "at",
    "due.days": "Promised limit",
    "due.daysHint": "empty: the default limit",
    "due.daysFixed": "this class has a fixed limit",
    "due.submit": "Calculate",
    "due.result": "Result",
    "due.dueDate": "Due date",
    "due.dueAt": "Due at",
    "due.dueAtNote": "the end of the due day, {end}",
    "due.start": "Accepted",
    "due.limit": "Limit",
    "due.yellow": "Yellow warning",
    "due.yellowFrom": "from {at} (at most {n} {unit} left)",
    "due.yellowAtStart": "from acceptance (the limit is at most {n} {unit})",
    "due.calendar": "Calendar",
    "due.basis": "Basis",
    "due.clauses": "Clauses",
    "due.related": "Related clauses",
    "due.defaults": "Defaults (left open by the source, set by the policy file)",
    "due.notices": "Holiday arrangements",
    "due.rules": "Counting rules",
    "due.error": "Cannot compute",
    "due.coverage": "calendar covers {from}–{to}",
    "due.clockStartEvent": "This class starts on an event such as complete materials; the time entered is taken as that start.",
    "info.unit": "unit",
    "info.limit": "default limit",
    "info.fixed": "fixed limit",
    "info.perCase": "promised per case",
    "info.none": "given per case",
    "info.usual": "usually {a}–{b}",
    "info.legal": "legal limit",
    "info.warn": "warning",
    "info.source": "source",
    "cell.start": "accepted",
    "cell.due": "due",
    "cell.day": "day {n}",
    "cell.yellow": "yellow",
    "cell.makeup": "make-up day",
    "cell.holiday": "holiday",
    "cell.weekend": "weekend",
    "legend.counted": "counted working day (numbered)",
    "legend.weekend": "weekend (skipped)",
    "legend.holiday": "statutory holiday (skipped)",
    "legend.makeup": "make-up working day (counted)",
    "legend.yellow": "yellow-warning period",
    "legend.due": "due date",
    "unit.minutes": "minutes",
    "unit.office_minutes": "office minutes",
    "unit.hours": "hours",
    "unit.working_days": "working days",
    "unit.calendar_days": "calendar days",
    "unitName.minutes": "minutes",
    "unitName.office_minutes": "minutes of office hours",
    "unitName.hours": "hours",
    "unitName.working_days": "working days",
    "unitName.calendar_days": "calendar days",
    "end.midnight": "24:00",
    "end.office_close": "office close",
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    weekday: "{d}",
    month: "{y}-{m}",
  },
};

const listeners = [];
let lang = pick();

function pick() {
  const asked = new URLSearchParams(location.search).get("lang");
  if (asked === "en" || asked === "zh") return asked;
  try {
    const saved = localStorage.getItem("zhidu.lang");
    if (saved === "en" || saved === "zh") return saved;
  } catch {
    // storage may be off (file://, private mode): Chinese then
  }
  return "zh";
}

/** The current language: `zh` or `en`. */
export const getLang = () => lang;

/** A word of the page, with `{name}` filled from `vars`. */
export function t(key, vars = {}) {
  const w = words[lang][key] ?? words.zh[key] ?? key;
  return typeof w === "string" ? w.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? "")) : w;
}

/** Switch the language, refresh `[data-i18n]` texts and tell the calculators. */
export function setLang(next) {
  lang = next;
  try {
    localStorage.setItem("zhidu.lang", next);
  } catch {
    // not kept then
  }
  applyStatic();
  for (const f of listeners) f(lang);
}

/** Call `f` after every language switch. */
export const onLang = (f) => listeners.push(f);

/** Fill every element with a `data-i18n` key. */
export function applyStatic() {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  document.title = `${t("app.title")} · zhidu 制度`;
}
