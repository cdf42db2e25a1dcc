//! Due dates: limits, starts, the clock, and the explanation's counting rules and day notes.

use super::{Entry, e};

pub(crate) const ENTRIES: &[Entry] = &[
    // Limits and starts.
    e(
        "due.fixed_limit",
        "class `{class}` has a fixed limit of {limit} {unit}; `days` cannot be given",
        "类别`{class}`的时限固定为{limit}{unit}，不能另填`days`（承诺时限）",
    ),
    e(
        "due.fixed_limit.help",
        "leave `days` empty, or use a class whose limit is promised per case (got {days})",
        "请将`days`留空，或改用按件承诺时限的类别（填写的是{days}）",
    ),
    e(
        "due.needs_limit",
        "class `{class}` needs the limit promised for this case",
        "类别`{class}`须填写本件的承诺时限",
    ),
    e(
        "due.needs_limit.help",
        "give `days`: the promised limit in {unit}",
        "请填写`days`：以{unit}计的承诺时限",
    ),
    e(
        "due.above_legal",
        "a limit of {limit} {unit} exceeds the legal limit of {legal}",
        "时限{limit}{unit}超过法定时限{legal}",
    ),
    e(
        "due.above_legal.help",
        "a promised limit may not be longer than the legal one (法定时限)",
        "承诺时限不得长于法定时限",
    ),
    e(
        "warning.outside_usual_range",
        "the promised limit of `{days}` {unit} is outside the usual range {lo}–{hi} of class `{class}`",
        "承诺时限`{days}`{unit}超出类别`{class}`的通常范围{lo}—{hi}",
    ),
    e(
        "due.suspended",
        "the clock is suspended",
        "计时处于中止状态",
    ),
    e(
        "due.not_a_start",
        "`{value}` is not a date or an instant",
        "`{value}`不是日期或时刻",
    ),
    e(
        "due.not_a_start.help",
        "write `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` (calendar's zone) or an RFC 3339 instant such as `2026-09-30T10:00:00+08:00`",
        "请写`YYYY-MM-DD`、`YYYY-MM-DDTHH:MM`（按日历所在时区）或 RFC 3339 时刻，例如`2026-09-30T10:00:00+08:00`",
    ),
    e(
        "due.needs_instant",
        "`{date}` is a date, but class `{class}` counts {unit} and needs an instant",
        "`{date}`只是日期，但类别`{class}`按{unit}计时，须给出具体时刻",
    ),
    e(
        "due.needs_instant.help",
        "give the time too, such as `{date}T09:30`",
        "请同时写明时间，例如`{date}T09:30`",
    ),
    e(
        "due.not_in_zone",
        "`{value}` cannot be placed in zone {offset}",
        "`{value}`无法换算到时区{offset}",
    ),
    e(
        "due.no_sessions",
        "the policy has no office sessions to count office minutes in",
        "制度没有规定办公时间，无法按办公时间分钟计时",
    ),
    e(
        "due.no_sessions.help",
        "add `[policy.office_sessions]` with the clause that states them",
        "请加上`[policy.office_sessions]`及规定办公时间的条款",
    ),
    e(
        "due.month_range",
        "month `{month}` is not from 1 to 12",
        "月份`{month}`不在1至12之间",
    ),
    // Column batches.
    e(
        "due.batch_too_long",
        "a column of {rows} rows is over the limit of {limit} rows per call",
        "一列{rows}行，超过每次调用{limit}行的上限",
    ),
    e(
        "due.batch_too_long.help",
        "split the column into calls of at most {limit} rows",
        "请把这一列拆成每次不超过{limit}行的多次调用",
    ),
    e(
        "due.bad_day_number",
        "day number `{days}` is not a date",
        "日序号`{days}`不是有效日期",
    ),
    e(
        "due.counts_mismatch",
        "{starts} starts but {days} day counts",
        "有{starts}个起算时间，却有{days}个天数",
    ),
    e(
        "due.counts_mismatch.help",
        "give one day count per start, or none",
        "请为每个起算时间给出一个天数，或全部不给",
    ),
    e(
        "due.fast_path_days",
        "class `{class}` counts {unit}; the day-number fast path needs a day-counting class",
        "类别`{class}`按{unit}计时；按日序号的快速计算只适用于按天计算的类别",
    ),
    e(
        "due.fast_path_days.help",
        "use `due_many` with instants",
        "请用以时刻为输入的`due_many`",
    ),
    e(
        "due.column_lengths",
        "column lengths differ: {starts} starts, {days} day counts, {outputs} outputs",
        "各列长度不一致：起算时间{starts}个，天数{days}个，输出{outputs}个",
    ),
    // Explanation: counting rules.
    e(
        "explain.end_midnight",
        "at 24:00 of the due day",
        "到期日24:00",
    ),
    e(
        "explain.end_office_close",
        "at office close of the due day",
        "到期日下班时",
    ),
    e(
        "explain.same_day",
        "due the same day as the start (当天): a limit of 0 days counts no day",
        "当天办结：时限为0天，不计任何一天",
    ),
    e("explain.due_at", "due {end}", "{end}截止"),
    e(
        "explain.working_days",
        "{limit} working days, counted from the day after the start (次日起算)",
        "{limit}个工作日，自受理次日起算",
    ),
    e(
        "explain.calendar_days",
        "{limit} calendar days, counted from the day after the start (次日起算)",
        "{limit}个自然日，自受理次日起算",
    ),
    e(
        "explain.roll",
        "a due day that is not a working day rolls to the next working day",
        "到期日不是工作日的，顺延至下一个工作日",
    ),
    e(
        "explain.minutes",
        "{limit} wall-clock minutes from the start",
        "自起算时刻起{limit}分钟（按钟点计）",
    ),
    e(
        "explain.hours",
        "{limit} wall-clock hours from the start",
        "自起算时刻起{limit}小时（按钟点计）",
    ),
    e(
        "explain.office_minutes",
        "{limit} minutes inside the policy's office sessions of {days}, from the start or the next session",
        "在制度规定的{days}办公时间内计{limit}分钟，自起算时刻或其后的下一个办公时段起算",
    ),
    // Explanation: day notes.
    e(
        "explain.restarted",
        "count restarted after the suspension (重新计算)",
        "中止结束后重新计算时限",
    ),
    e(
        "explain.suspended_day",
        "suspended ({reason}) at the day's close",
        "当日结束时处于中止状态（{reason}）",
    ),
    e(
        "explain.resumed_to_restart",
        "resumed ({reason}): the count starts again the next day",
        "中止结束（{reason}），次日起重新计算时限",
    ),
    e(
        "explain.weekend",
        "weekend, not a working day",
        "周末，非工作日",
    ),
    e(
        "explain.holiday",
        "holiday ({festival}), not a working day",
        "法定节假日（{festival}），非工作日",
    ),
    e(
        "explain.rolls_forward",
        "the count landed on a day off and rolls forward to this working day",
        "期满之日为休息日，顺延至本工作日",
    ),
    e(
        "explain.rolls_past",
        "{note}: the due day rolls past it",
        "{note}：到期日顺延越过此日",
    ),
    e("explain.not_a_working_day", "not a working day", "非工作日"),
];
