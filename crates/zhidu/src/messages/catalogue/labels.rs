//! Labels a host prints around an explanation (`zhidu due`'s human output), by id through
//! [`crate::Lang::text`].

use super::{Entry, e};

pub(crate) const ENTRIES: &[Entry] = &[
    e(
        "label.heading",
        "{name} ({class}) — policy {policy} version {version}",
        "{name}（{class}）——制度{policy}，版本{version}",
    ),
    e("label.start", "start", "受理时间"),
    e("label.limit", "limit", "时限"),
    e("label.due_date", "due date", "办结期限"),
    e("label.provisional", "(provisional)", "（暂定）"),
    e("label.due_at", "due at", "到期时刻"),
    e("label.basis", "basis", "依据"),
    e(
        "label.makeup_day",
        "make-up workday (调休) {festival}",
        "调休上班日 {festival}",
    ),
    e(
        "label.holiday_day",
        "holiday {festival}",
        "法定节假日 {festival}",
    ),
    e("label.day_n", "day {n}", "第{n}天"),
    e("label.due_day", "due day: {note}", "到期日：{note}"),
    e("label.skipped", "skipped: {note}", "不计：{note}"),
    e("label.not_counted", "not counted", "不计入"),
    e("label.rule", "rule", "计算规则"),
    e("label.clause", "clause", "条款"),
    e("label.from", "— from {what}", "——出自{what}"),
    e("label.default", "default", "默认值"),
    e("label.with_default", ", default {param}", "，默认值{param}"),
    e("label.notice", "notice", "放假通知"),
    e("label.warning", "warning", "提示"),
    // An instant as a clerk reads it (`instant_words`): a due instant at the end of its day
    // is written 24:00 of that day.
    e(
        "label.instant",
        "{date} ({weekday}) {time}",
        "{date}（星期{weekday}）{time}",
    ),
    e("label.weekday.mon", "Mon", "一"),
    e("label.weekday.tue", "Tue", "二"),
    e("label.weekday.wed", "Wed", "三"),
    e("label.weekday.thu", "Thu", "四"),
    e("label.weekday.fri", "Fri", "五"),
    e("label.weekday.sat", "Sat", "六"),
    e("label.weekday.sun", "Sun", "日"),
];
