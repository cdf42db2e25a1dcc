//! Calendars and notice files: years, holidays, make-up working days (调休), the statute.

use super::{Entry, e};

pub(crate) const ENTRIES: &[Entry] = &[
    e(
        "cal.provisional_until",
        "provisional years cannot run to {until}",
        "暂定年份不能延续到{until}年",
    ),
    e(
        "cal.provisional_until.help",
        "give a year from `last_year` to {max}, the last year of the lunar table",
        "请写从`last_year`到{max}之间的年份（{max}是农历表的最后一年）",
    ),
    e(
        "cal.provisional_needs_statute",
        "provisional years need the statute",
        "推算暂定年份需要《全国年节及纪念日放假办法》",
    ),
    e(
        "cal.provisional_needs_statute.help",
        "add `[[statute]]` entries, or remove `provisional_until`",
        "请加上`[[statute]]`各项，或删去`provisional_until`",
    ),
    e(
        "cal.bad_offset",
        "`{value}` is not a UTC offset",
        "`{value}`不是 UTC 时差",
    ),
    e(
        "cal.bad_offset.help",
        "write it as `+08:00`, from `-12:00` to `+14:00`",
        "请写成`+08:00`的形式，范围为`-12:00`至`+14:00`",
    ),
    e(
        "cal.year_out_of_range",
        "year {year} is out of range",
        "年份{year}超出范围",
    ),
    e(
        "cal.year_out_of_range.help",
        "calendars cover years {first}–{last}",
        "日历可覆盖{first}—{last}年",
    ),
    e(
        "cal.last_before_first",
        "last year {last} is before first year {first}",
        "末年{last}早于首年{first}",
    ),
    e(
        "cal.bad_weekday",
        "`{name}` is not a weekday name",
        "`{name}`不是星期名称",
    ),
    e(
        "cal.no_sessions",
        "a calendar has no office sessions",
        "日历中不设办公时间",
    ),
    e(
        "cal.no_sessions.help",
        "office hours belong to the policy whose regulation states them: move them to `[policy.office_sessions]` with their clause",
        "办公时间属于规定它的规章所对应的制度：请连同条款移到`[policy.office_sessions]`",
    ),
    e(
        "cal.year_twice",
        "year {year} is listed twice",
        "{year}年重复列出",
    ),
    e(
        "cal.year_twice.help",
        "the first is `year[{index}]`; merge them",
        "第一处是`year[{index}]`，请合并",
    ),
    e(
        "cal.year_outside",
        "year {year} is outside the covered years {first}–{last}",
        "{year}年不在覆盖年份{first}—{last}年之内",
    ),
    e(
        "cal.year_outside.help",
        "widen `first_year`/`last_year` or remove the entry",
        "请放宽`first_year`/`last_year`，或删去此项",
    ),
    e(
        "cal.too_many_festivals",
        "too many festivals in one calendar",
        "一个日历中的节日过多",
    ),
    e(
        "cal.date_outside_ignored",
        "{date} is outside the covered years and is ignored",
        "{date}不在覆盖年份之内，已忽略",
    ),
    e("cal.date_twice", "{date} is listed twice", "{date}重复列出"),
    e(
        "cal.holiday_and_makeup",
        "{date} is both a holiday and a make-up working day",
        "{date}既是放假日又是调休上班日",
    ),
    e(
        "cal.makeup_is_workday",
        "make-up working day {date} is a {kind}, already a working day",
        "调休上班日{date}是{kind}，本来就上班",
    ),
    e(
        "cal.year_missing",
        "year {year} is covered but has no `[[year]]` entry",
        "{year}年在覆盖范围内，但没有`[[year]]`项",
    ),
    e(
        "cal.year_missing.help",
        "add the {year} State Council notice's holidays, or narrow the covered years",
        "请加上国务院办公厅{year}年放假安排通知中的节假日，或缩小覆盖年份",
    ),
    e(
        "cal.no_statute_for_year",
        "no statute version or lunar data for the provisional year {year}",
        "暂定年份{year}没有适用的放假办法版本或农历数据",
    ),
    e(
        "cal.no_statute_for_year.help",
        "a `[[statute]]` must be in force on {year}-01-01, and the lunar table covers {first}–{last}",
        "须有一版`[[statute]]`在{year}-01-01施行，且农历表覆盖{first}—{last}年",
    ),
    e(
        "cal.bad_anchor",
        "`{value}` is not an anchor",
        "`{value}`不是有效的节日日期",
    ),
    e(
        "cal.bad_anchor.help",
        "write a date as `MM-DD`, or one of 除夕, 初一, 清明, 端午, 中秋",
        "请写`MM-DD`形式的日期，或除夕、初一、清明、端午、中秋之一",
    ),
    e(
        "cal.days_off_range",
        "{days} days off is out of range",
        "放假{days}天超出范围",
    ),
    e(
        "cal.days_off_range.help",
        "a statutory festival has 1–15 days",
        "法定节日放假1—15天",
    ),
    // Notice files (a State Council notice added to a calendar).
    e(
        "cal.notice_twice",
        "calendar `{id}` already has the {year} notice",
        "日历`{id}`已有{year}年的放假通知",
    ),
    e(
        "cal.notice_next.help",
        "a notice file adds the first year without one, {next}",
        "通知文件应补充第一个尚无通知的年份，即{next}年",
    ),
    e(
        "cal.notice_outside",
        "calendar `{id}` covers {first}–{last}; {year} is outside",
        "日历`{id}`覆盖{first}—{last}年，{year}年不在其内",
    ),
    e(
        "cal.notice_outside.help",
        "a notice can only replace a provisional year",
        "通知只能取代暂定年份",
    ),
    e(
        "cal.notice_order",
        "the {next} notice must come before the {year} one",
        "{next}年的通知须先于{year}年的通知加入",
    ),
    e(
        "cal.notice_order.help",
        "add a notice file for {next} first",
        "请先加入{next}年的通知文件",
    ),
    e(
        "cal.notice_date_outside",
        "{date} is outside {year}",
        "{date}不在{year}年之内",
    ),
    e(
        "cal.notice_date_outside.help",
        "a notice file for {year} lists only days of {year}; the year before is already in the calendar",
        "{year}年的通知文件只列{year}年的日期；上一年已在日历中",
    ),
    e(
        "cal.makeup_not_weekend",
        "make-up working day {date} is not on a weekend",
        "调休上班日{date}不在周末",
    ),
    e(
        "cal.makeup_not_weekend.help",
        "a make-up working day (调休上班) is a Saturday or Sunday; a weekday is already a working day",
        "调休上班日应为周六或周日；工作日本来就上班",
    ),
    e(
        "cal.statutory_missing",
        "{date} ({festival}) is a statutory day off ({statute} 第二条) that the notice does not list",
        "{date}（{festival}）是法定休假日（{statute} 第二条），但通知中没有列出",
    ),
    e(
        "cal.statutory_missing.help",
        "add {date} to the `holidays` of {festival}",
        "请把{date}加入{festival}的`holidays`",
    ),
    e(
        "cal.no_statute_check",
        "no statute version covers {year}; statutory days are not checked",
        "没有覆盖{year}年的放假办法版本，未核对法定休假日",
    ),
    e(
        "cal.long_stretch",
        "{n} consecutive working days from {from} to {to}",
        "自{from}至{to}连续上班{n}天",
    ),
    e(
        "cal.provisional_basis",
        "{year}: {statute}; the {year} notice is not in the calendar; make-up working days unknown",
        "{year}年：{statute}；日历中尚无{year}年的放假通知，调休上班日未知",
    ),
];
