//! The duty rota, patrols and recurring obligations: their loader diagnostics, errors, row
//! kinds and notes.

use super::{Entry, e};

pub(crate) const ENTRIES: &[Entry] = &[
    // Loading `[rota]`, `[patrols]`, `[[obligation]]`.
    e(
        "load.sources",
        "a source table or a list of source tables",
        "一个出处表或由出处表组成的列表",
    ),
    e(
        "rota.patrols_without_rota",
        "`[patrols]` needs a `[rota]`",
        "`[patrols]`需要`[rota]`",
    ),
    e(
        "rota.patrols_without_rota.help",
        "patrols are owed by the month's duty windows: add the `[rota]` they come from",
        "巡视由当月值班窗口负责：请添加它们所依据的`[rota]`",
    ),
    e("rota.per_month_zero", "`per_month` is 0", "`per_month`为0"),
    e(
        "rota.per_month_zero.help",
        "at least one window is on duty each month",
        "每月至少安排一个值班窗口",
    ),
    e("rota.per_day_zero", "`per_day` is 0", "`per_day`为0"),
    e(
        "rota.convener_position",
        "convener position {position} is not between 1 and {per_month}",
        "召集窗口位次{position}不在1到{per_month}之间",
    ),
    e(
        "rota.window_twice",
        "window `{window}` is listed twice",
        "窗口`{window}`重复列出",
    ),
    e(
        "rota.window_twice.help",
        "each window has one place in the rotation",
        "每个窗口在轮值顺序中只占一个位置",
    ),
    e(
        "rota.no_failure_rule",
        "no rule `{code}` in the policy's deduction table",
        "制度的扣分表中没有规则`{code}`",
    ),
    e(
        "rota.no_failure_rule.help",
        "a day short is reported as an incident of a `[[rule]]` the assessment scores, such as `S4.req.4`",
        "巡视不足的一天按考核所计的某条`[[rule]]`登记为事件，例如`S4.req.4`",
    ),
    e(
        "rota.no_rota",
        "policy `{policy}` has no duty rota",
        "制度`{policy}`没有值班轮值表",
    ),
    e(
        "rota.no_rota.help",
        "the duty rota is S4's: use `s4-duty-rota`, or a policy with a `[rota]` section",
        "值班轮值属于S4：请使用`s4-duty-rota`，或含有`[rota]`节的制度",
    ),
    e(
        "rota.no_windows",
        "no duty windows: the policy lists none and none were given",
        "没有值班窗口：制度未列出，调用时也未提供",
    ),
    e(
        "rota.no_windows.help",
        "give the ordered window list (rows `window,head`, `--windows F`); the seed's roster annex is empty (A25)",
        "请提供按顺序排列的窗口名单（行`window,head`，`--windows F`）；原文的月值班窗口安排表为空（A25）",
    ),
    e(
        "rota.no_patrols",
        "policy `{policy}` has no patrol rule",
        "制度`{policy}`没有巡视规定",
    ),
    e(
        "rota.no_patrols.help",
        "patrols are S4's (S4.req.1): use `s4-duty-rota`, or a policy with a `[patrols]` section",
        "巡视属于S4（S4.req.1）：请使用`s4-duty-rota`，或含有`[patrols]`节的制度",
    ),
    e(
        "rota.not_a_year",
        "`{year}` is not a year",
        "`{year}`不是年份",
    ),
    e(
        "rota.until_before_from",
        "`until` {until} is before `from` {from}",
        "`until` {until}早于`from` {from}",
    ),
    e(
        "rota.patrols_short",
        "{short} days short of {required} patrols a day, the first {day} ({clause})",
        "{short}天巡视少于每天{required}次，首日为{day}（{clause}）",
    ),
    e(
        "obligation.twice",
        "obligation `{id}` is defined twice",
        "义务`{id}`定义了两次",
    ),
    e(
        "obligation.misplaced",
        "`{key}` does not apply to this cadence",
        "`{key}`不适用于这种周期",
    ),
    e(
        "obligation.misplaced.help",
        "`every` and `season` go with `monthly` (`season` also with `business_days`), `lead_minutes` with `before_opening`, `reason` with `unset`",
        "`every`和`season`用于`monthly`（`season`也用于`business_days`），`lead_minutes`用于`before_opening`，`reason`用于`unset`",
    ),
    e(
        "obligation.every",
        "`every = {every}` does not divide the year",
        "`every = {every}`不能整除一年",
    ),
    e(
        "obligation.every.help",
        "blocks of months are counted from January: use 1, 2, 3, 4, 6 or 12",
        "月份区段从一月起算：请用1、2、3、4、6或12",
    ),
    e(
        "obligation.season",
        "season `[{first}, {last}]` is not two months in order",
        "季节`[{first}, {last}]`不是按顺序排列的两个月份",
    ),
    e(
        "obligation.season.help",
        "write the first and last month, inclusive, such as `[4, 10]`",
        "请写首尾两个月份（含），例如`[4, 10]`",
    ),
    e(
        "obligation.no_sessions",
        "`before_opening` needs the policy's office sessions",
        "`before_opening`需要制度自己的开放时间",
    ),
    e(
        "obligation.no_sessions.help",
        "add `[policy.office_sessions]` with the hours the regulation states and their clause",
        "请添加`[policy.office_sessions]`，写明制度规定的时间及其条款",
    ),
    e(
        "obligation.no_lead",
        "`before_opening` needs `lead_minutes`",
        "`before_opening`需要`lead_minutes`",
    ),
    e(
        "obligation.no_lead.help",
        "write how long before opening, such as `lead_minutes = 30` (提前半小时)",
        "请写明开放前多久，例如`lead_minutes = 30`（提前半小时）",
    ),
    e(
        "obligation.no_reason",
        "`unset` needs a `reason`",
        "`unset`需要`reason`",
    ),
    e(
        "obligation.no_reason.help",
        "say why no period is built in, such as `定期 carries no number (A32)`",
        "请说明为何未内置周期，例如`定期 carries no number (A32)`",
    ),
    e(
        "obligation.none",
        "policy `{policy}` has no obligations",
        "制度`{policy}`没有定期义务",
    ),
    e(
        "obligation.none.help",
        "obligations are in `s5-pest-control`, `s3-culture-centre`, `s1-window-it`, `s9-culture-centre-variant`, `s11-occupational-health` and `s6-food-additives`",
        "定期义务见`s5-pest-control`、`s3-culture-centre`、`s1-window-it`、`s9-culture-centre-variant`、`s11-occupational-health`和`s6-food-additives`",
    ),
    e(
        "obligation.unknown",
        "no obligation `{obligation}` in policy `{policy}`",
        "制度`{policy}`中没有义务`{obligation}`",
    ),
    e(
        "obligation.needs_time",
        "obligation `{obligation}` is due at a time of day, and `{date}` has none",
        "义务`{obligation}`按时刻到期，而`{date}`没有时刻",
    ),
    e(
        "obligation.needs_time.help",
        "give the time the action was done, such as `2026-10-01T08:00`",
        "请给出完成的时刻，例如`2026-10-01T08:00`",
    ),
    // The JavaScript requests.
    e(
        "js.period_text",
        "`period` must be a string such as `2027-01`",
        "`period`必须是字符串，例如`2027-01`",
    ),
    e(
        "js.year_whole",
        "`year` must be a whole number such as 2027",
        "`year`必须是整数，例如2027",
    ),
    // Row kinds.
    e(
        "rows.doc.duty_window",
        "the window, in rotation order",
        "窗口，按轮值顺序",
    ),
    e(
        "rows.doc.duty_head",
        "the window head (窗口负责人), the duty officer (S4.est.2)",
        "窗口负责人，即值班员（S4.est.2）",
    ),
    e(
        "rows.hint.duty_window",
        "a duty window has `window` and optionally `head`",
        "值班窗口有`window`，可选`head`",
    ),
    e(
        "rows.doc.away_window",
        "the duty window whose officer is away",
        "值班员不在位的值班窗口",
    ),
    e("rows.doc.away_from", "the first day away", "不在位的第一天"),
    e(
        "rows.doc.away_until",
        "the last day away; default: `from`",
        "不在位的最后一天；默认：`from`",
    ),
    e(
        "rows.doc.stand_in",
        "the person named to stand in (指定专人); default: none named",
        "指定代为履行职责的专人；默认：未指定",
    ),
    e(
        "rows.hint.away",
        "an absence has `window` and `from`, and optionally `until` and `stand_in`",
        "不在位记录有`window`和`from`，可选`until`和`stand_in`",
    ),
    e(
        "rows.doc.patrol_window",
        "the duty window that patrolled",
        "进行巡视的值班窗口",
    ),
    e(
        "rows.doc.patrol_at",
        "when (a date counts for its day)",
        "时间（只写日期的计入当天）",
    ),
    e(
        "rows.doc.patrol_by",
        "who patrolled (the officer or the stand-in)",
        "巡视人（值班员或代班人）",
    ),
    e(
        "rows.hint.patrol",
        "a patrol has `window` and `at`, and optionally `by`",
        "巡视记录有`window`和`at`，可选`by`",
    ),
    e(
        "rows.doc.action_obligation",
        "the obligation's id in the policy",
        "制度中义务的编号",
    ),
    e(
        "rows.doc.action_at",
        "when it was done (a time of day where the obligation has one)",
        "完成时间（义务按时刻到期时须写时刻）",
    ),
    e("rows.doc.action_by", "who did it", "完成人"),
    e(
        "rows.hint.action",
        "an action has `obligation` and `at`, and optionally `by`",
        "完成记录有`obligation`和`at`，可选`by`",
    ),
    // Notes of S3's opening hours (the `[policy]` defaults an explanation cites).
    e(
        "note.s3_every_day",
        "周一至周日 is every day, statutory holidays included: the seed names no closure",
        "周一至周日即每一天，含法定节假日：原文未规定闭馆日",
    ),
    e(
        "note.s3_sessions",
        "half-open sessions [08:30, 11:00) and [14:30, 17:00): 下午2:30——5:00 is 14:30–17:00",
        "半开区间[08:30, 11:00)和[14:30, 17:00)：下午2:30——5:00即14:30–17:00",
    ),
];
