//! Words that stand inside messages as values: units, statuses, what a limit counts.
//!
//! A value equal to one of these is translated wherever it is not user input (a unit after a
//! number: `5 working_days` → `5个工作日`).

use super::{Entry, e};

pub(crate) const ENTRIES: &[Entry] = &[
    e("term.working_days", "working_days", "个工作日"),
    e("term.calendar_days", "calendar_days", "个自然日"),
    e("term.minutes", "minutes", "分钟"),
    e("term.office_minutes", "office_minutes", "分钟（办公时间）"),
    e("term.hours", "hours", "小时"),
    e("term.bytes", "bytes", "字节"),
    e("term.files", "files", "个文件"),
    e("term.policy_set", "the policy set", "制度集"),
    e("term.not_yet_accepted", "not_yet_accepted", "尚未受理"),
    e("term.not_started", "not_started", "尚未起算"),
    e("term.on_track", "on_track", "正常办理中"),
    e("term.yellow", "yellow", "黄牌预警"),
    e("term.red", "red", "已超期（红牌）"),
    e("term.suspended", "suspended", "已中止"),
    e("term.done_on_time", "done_on_time", "按时办结"),
    e("term.done_late", "done_late", "超期办结"),
    e("term.workday", "workday", "工作日"),
    e("term.weekend", "weekend", "周末"),
    e("term.holiday", "holiday", "法定节假日"),
    e("term.every_day", "every day", "每天"),
    e("term.on_working_days", "working days", "工作日"),
];
