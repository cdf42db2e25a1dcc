//! The raw layer: serde structs that mirror the policy files and reject unknown keys.
//!
//! Nothing here is validated beyond types; [`crate::policy::compile`] turns these into the model.
//! Fields that other entries refer to, or that validation may complain about, are
//! [`Spanned`] so a diagnostic can point at them.

use crate::load::spanned::Spanned;
use serde::Deserialize;
use toml::value::Datetime;

/// 日历 / `[calendar]` of a calendar file.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCalendarHeader {
    /// 标识（ASCII 字母、数字、`-`、`_`、`.`） / the entry's id (ASCII letters, digits, `-`, `_`, `.`)
    pub(crate) id: Spanned<String>,
    /// 日历名称 / the calendar's name
    pub(crate) name: String,
    /// 时区偏移，如 `+08:00` / the zone's offset, such as `+08:00`
    pub(crate) utc_offset: Spanned<String>,
    /// 覆盖的第一年 / the first year covered
    pub(crate) first_year: Spanned<i32>,
    /// 有通知的最后一年 / the last year with a notice
    pub(crate) last_year: Spanned<i32>,
    /// 周末的星期几 / the weekdays of the weekend
    pub(crate) weekend: Spanned<Vec<String>>,
    /// 来源 / where the days come from
    pub(crate) source: String,
    /// Not allowed: office hours belong to a policy. Read only to say so.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub(crate) office_sessions: Option<Spanned<toml::Value>>,
    /// 本制度为条文未定之处所设的默认值（开放参数及理由） / values the regulation leaves open, set here, each with its open
    /// parameter and reason
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
    /// 推算临时年份至此年 / Past `last_year`, derive provisional years from `[[statute]]` up to this year.
    #[serde(default)]
    pub(crate) provisional_until: Option<Spanned<i32>>,
}

/// 通知文件 / `[calendar]` of a notice file: a calendar it adds notice years to.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNoticeHeader {
    /// 所补充的日历标识 / the id of the calendar it adds years to
    pub(crate) extends: Spanned<String>,
}

/// 放假办法的一个版本 / `[[statute]]` of a calendar file: one dated version of 《全国年节及纪念日放假办法》.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawStatute {
    /// 版本标识，如国务院令编号 / the version's id, such as the decree's number
    pub(crate) id: String,
    /// 标题（仅供阅读） / the title, for readers
    #[serde(default)]
    #[expect(
        dead_code,
        reason = "documentation for readers of the file; answers cite the decree's number"
    )]
    pub(crate) title: Option<String>,
    /// 施行日期 / the day it took effect
    #[cfg_attr(feature = "schema", schemars(with = "crate::load::shapes::TomlDate"))]
    pub(crate) in_force: Spanned<Datetime>,
    /// 补假条款 / the article on substitute days
    pub(crate) substitute_article: String,
    /// 该版本规定的节日 / the festivals of this version
    pub(crate) festival: Vec<RawStatuteFestival>,
}

/// 放假办法规定的节日 / One festival of a statute version.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawStatuteFestival {
    /// 节日名称 / the festival's name
    pub(crate) name: String,
    /// 起始日：`MM-DD` 或农历节气表中的日子 / the first day: `MM-DD` or a day of the lunar table
    pub(crate) anchor: Spanned<String>,
    /// 连续放假天数 / consecutive days off
    pub(crate) days: Spanned<u32>,
}

/// 一年的放假通知 / `[[year]]` of a calendar file: one State Council notice.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawYear {
    /// 年份 / the year
    pub(crate) year: Spanned<i32>,
    /// 国务院办公厅通知的标题 / the State Council notice's title
    pub(crate) notice: String,
    /// 通知发布日期 / When the notice was published (notice files).
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::load::shapes::TomlDate>")
    )]
    pub(crate) published: Option<Spanned<Datetime>>,
    /// 节日安排 / the holiday blocks
    #[serde(default)]
    pub(crate) festival: Vec<RawFestival>,
}

/// 节日安排 / `[[year.festival]]`: one holiday block and its make-up working days.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFestival {
    /// 节日名称 / the festival's name
    pub(crate) name: String,
    /// 英文名称（仅供阅读） / the English name, for readers
    #[serde(default)]
    #[expect(
        dead_code,
        reason = "documentation for readers of the file; explanations use the Chinese name"
    )]
    pub(crate) name_en: Option<String>,
    /// 节日单独的通知 / A festival-level notice where it differs from the year's.
    #[serde(default)]
    pub(crate) notice: Option<String>,
    /// 放假日期 / the days off
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Vec<crate::load::shapes::TomlDate>")
    )]
    pub(crate) holidays: Vec<Spanned<Datetime>>,
    /// 调休上班日期 / the make-up working days
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Vec<crate::load::shapes::TomlDate>")
    )]
    pub(crate) workdays: Vec<Spanned<Datetime>>,
}

/// 默认值 / A value the seed leaves open, set by the policy: `{ param = "A3", note = "…" }`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDefault {
    /// 所设定的键 / Which key of the entry the default sets (optional when obvious).
    #[serde(default)]
    pub(crate) key: Option<String>,
    /// 开放参数编号 / The open parameter's number in regulations.md §5, such as `A3`.
    pub(crate) param: String,
    /// 理由 / Why this value.
    pub(crate) note: String,
}

/// 出处 / Where a rule comes from: `{ clause = "S2.xs.2", quote = "一般办理限时为3—5日" }`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSource {
    /// 条款编号，如 `S2.xs.2` / the clause id, such as `S2.xs.2`
    pub(crate) clause: Spanned<String>,
    /// 条款原文 / the clause's words, quoted
    pub(crate) quote: String,
    /// 种子文本以外的出处 / For a rule that comes from outside the seed (a national law): which text, in words.
    #[serde(default)]
    pub(crate) external: Option<String>,
}

/// 到期日结束时刻 / When a due day ends.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawDayEnd {
    Midnight,
    OfficeClose,
}

/// 制度 / `[policy]` of a policy file.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPolicyHeader {
    /// 标识（ASCII 字母、数字、`-`、`_`、`.`） / the entry's id (ASCII letters, digits, `-`, `_`, `.`)
    pub(crate) id: Spanned<String>,
    /// 制度名称 / the policy's name
    pub(crate) name: String,
    /// 版本 / the version
    pub(crate) version: String,
    /// 生效日期 / the first day in force
    #[cfg_attr(feature = "schema", schemars(with = "crate::load::shapes::TomlDate"))]
    pub(crate) effective_from: Spanned<Datetime>,
    /// 失效日期（含） / the last day in force
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::load::shapes::TomlDate>")
    )]
    pub(crate) effective_until: Option<Spanned<Datetime>>,
    /// 所用日历的标识 / the id of the calendar it counts with
    pub(crate) calendar: Spanned<String>,
    /// 来源文本 / the text it encodes
    pub(crate) source: String,
    /// 到期日何时结束：零点或下班时间 / when a due day ends: midnight or office close
    #[serde(default)]
    pub(crate) day_ends_at: Option<Spanned<RawDayEnd>>,
    /// 本制度规定的办公时间 / The policy's own office hours, with the clause that states them.
    #[serde(default)]
    pub(crate) office_sessions: Option<RawOfficeSessions>,
    /// 本制度为条文未定之处所设的默认值（开放参数及理由） / values the regulation leaves open, set here, each with its open
    /// parameter and reason
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
    /// 超出日历最后通知之后的处理 / Past the calendar's last notice: `"provisional"` (the default) or `"error"`.
    #[serde(default)]
    pub(crate) beyond_notices: Option<RawBeyondNotices>,
}

/// 超出通知年份的处理 / What a policy does with a day past the calendar's last notice.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawBeyondNotices {
    Provisional,
    Error,
}

/// 办公时间 / `[policy.office_sessions]`: the office hours a regulation states, half-open sessions.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOfficeSessions {
    /// 办公时段，半开区间 [开始, 结束) / the sessions, half-open [start, end)
    pub(crate) sessions: Spanned<Vec<[String; 2]>>,
    /// 办公日 / The days the sessions are kept: the calendar's working days (the default), or every
    /// day (S3's culture centre, 周一至周日, A26).
    #[serde(default)]
    pub(crate) days: Option<RawOfficeDays>,
    /// 出处：条款编号与原文 / where it comes from: the clause id and its words
    pub(crate) source: RawSource,
    /// 本制度为条文未定之处所设的默认值（开放参数及理由） / values the regulation leaves open, set here, each with its open
    /// parameter and reason
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// 引用规则 / `[[import]]`: rules of another policy's deduction table, used as that policy defines them.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawImport {
    /// 定义这些规则的制度 / The id of the policy that defines the rules.
    pub(crate) policy: Spanned<String>,
    /// 引用的规则编号 / Their codes; the effects they carry come with them.
    pub(crate) rules: Vec<Spanned<String>>,
}

/// 办公日 / The days office sessions are kept.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawOfficeDays {
    WorkingDays,
    EveryDay,
}

/// 时限单位 / Deadline units.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawUnit {
    Minutes,
    OfficeMinutes,
    Hours,
    WorkingDays,
    CalendarDays,
}

/// 起算点 / What starts a class's clock.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawClockStart {
    /// The acceptance instant.
    Acceptance,
    /// A `start` event on the case (materials complete, the superior's reply, …).
    StartEvent,
}

/// 时限类别 / `[[class]]`: a deadline class.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawClass {
    /// 标识（ASCII 字母、数字、`-`、`_`、`.`） / the entry's id (ASCII letters, digits, `-`, `_`, `.`)
    pub(crate) id: Spanned<String>,
    /// 名称 / the name, as the regulation words it
    pub(crate) name: String,
    /// 时限单位 / the unit of the limit
    pub(crate) unit: Spanned<RawUnit>,
    /// 固定时限 / A fixed limit in `unit`.
    #[serde(default)]
    pub(crate) limit: Option<Spanned<u32>>,
    /// 时限逐件承诺（承诺件） / The limit is given per case (承诺件).
    #[serde(default)]
    pub(crate) per_case: bool,
    /// 未给出本件时限时的默认时限 / With `per_case`: the limit when a case gives none.
    #[serde(default)]
    pub(crate) default_limit: Option<Spanned<u32>>,
    /// 通常的时限范围 / With `per_case`: the usual range; limits outside it are allowed with a warning.
    #[serde(default)]
    pub(crate) usual_range: Option<Spanned<[u32; 2]>>,
    /// 法定时限 / The legal limit (法定时限) the per-case or item limit may not exceed.
    #[serde(default)]
    pub(crate) legal_limit: Option<Spanned<u32>>,
    /// 剩余时限不多于此数时预警（黄灯） / Status turns yellow when this many units (or fewer) remain.
    #[serde(default)]
    pub(crate) warn_before: Option<u32>,
    /// 到期日非工作日时顺延 / For `calendar_days`: roll a due day that is not a working day to the next one.
    #[serde(default)]
    pub(crate) roll_to_working_day: Option<bool>,
    /// 起算点：受理或起算事件 / what starts the clock: acceptance or a start event
    #[serde(default)]
    pub(crate) clock_starts: Option<RawClockStart>,
    /// 延期合计上限，0 为不得延期 / The most units that extensions may add in total; 0 forbids extensions.
    #[serde(default)]
    pub(crate) max_extension: Option<u32>,
    /// 延期无上限 / Extensions have no cap (the regulation gives none, e.g. S2.ts.6d 直至处理完毕).
    #[serde(default)]
    pub(crate) uncapped_extension: bool,
    /// 延期须说明理由 / An extension must carry its reason (the logged notice, e.g. S2.ts.6d).
    #[serde(default)]
    pub(crate) extension_needs_reason: bool,
    /// 出处：条款编号与原文 / where it comes from: the clause id and its words
    pub(crate) source: RawSource,
    /// 本类别还实现的条款 / Further clauses the class implements.
    #[serde(default)]
    pub(crate) also: Vec<String>,
    /// 本制度为条文未定之处所设的默认值（开放参数及理由） / values the regulation leaves open, set here, each with its open
    /// parameter and reason
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// 服务事项 / `[[item]]`: a service item with a legal and a promised limit.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawItem {
    /// 标识（ASCII 字母、数字、`-`、`_`、`.`） / the entry's id (ASCII letters, digits, `-`, `_`, `.`)
    pub(crate) id: Spanned<String>,
    /// 名称 / the name, as the regulation words it
    pub(crate) name: String,
    /// 所属时限类别 / the deadline class it belongs to
    pub(crate) class: Spanned<String>,
    /// 法定时限 / the legal limit
    #[serde(default)]
    pub(crate) legal_limit: Option<Spanned<u32>>,
    /// 承诺时限 / the promised limit
    pub(crate) promised_limit: Spanned<u32>,
    /// 出处：条款编号与原文 / where it comes from: the clause id and its words
    pub(crate) source: RawSource,
    /// 本制度为条文未定之处所设的默认值（开放参数及理由） / values the regulation leaves open, set here, each with its open
    /// parameter and reason
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// 中止对计时的作用 / How a suspension reason acts on the clock.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawClockEffect {
    Pause,
    Restart,
}

/// 中止事由 / `[[suspension]]`: a reason a case clock may stop.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSuspension {
    /// 标识（ASCII 字母、数字、`-`、`_`、`.`） / the entry's id (ASCII letters, digits, `-`, `_`, `.`)
    pub(crate) id: Spanned<String>,
    /// 名称 / the name, as the regulation words it
    pub(crate) name: String,
    /// 对计时的作用：暂停或重新计算 / how it acts on the clock: pause or restart
    pub(crate) effect: RawClockEffect,
    /// 出处：条款编号与原文 / where it comes from: the clause id and its words
    pub(crate) source: RawSource,
    /// 本制度为条文未定之处所设的默认值（开放参数及理由） / values the regulation leaves open, set here, each with its open
    /// parameter and reason
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// 考核办法 / `[assessment]`: how scorecards are made and windows ranked.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAssessment {
    /// 考核周期：月、季或年 / the scorecard period: month, quarter or year
    #[serde(default)]
    pub(crate) period: Option<RawPeriodKind>,
    /// 窗口得分的算法（`mean`） / how a window's score is made (`mean`)
    #[serde(default)]
    #[expect(
        dead_code,
        reason = "one method today (`mean`); the key is accepted so files can say which"
    )]
    pub(crate) window_score: Option<RawWindowScore>,
    /// 使窗口不能参评的后果 / effects that take a window out of the ranking
    #[serde(default)]
    pub(crate) disqualifying_effects: Vec<Spanned<String>>,
    /// 视为联办件的时限类别 / Deadline classes (`policy:class`) whose cases are joint items (联办件) without a flag.
    #[serde(default)]
    pub(crate) joint_classes: Vec<Spanned<String>>,
    /// 出处：条款编号与原文 / where it comes from: the clause id and its words
    #[serde(default)]
    pub(crate) source: Option<RawSource>,
    /// 本制度为条文未定之处所设的默认值（开放参数及理由） / values the regulation leaves open, set here, each with its open
    /// parameter and reason
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// 后果的持续 / How long an effect stays on a subject's cards.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawEffectLasts {
    /// The period of the incident only.
    Period,
    /// The rest of the incident's calendar year (年度).
    Year,
}

/// 后果所及 / Which subjects an effect reaches.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawEffectReaches {
    /// The subjects the rule is charged to.
    Charged,
    /// The person and the window named on the row.
    PersonAndWindow,
}

/// 考核周期 / Scorecard periods.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawPeriodKind {
    Month,
    Quarter,
    Year,
}

/// 窗口得分算法 / How a window's score is made from its members'.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawWindowScore {
    Mean,
}

/// 后果 / `[[effect]]`: a named consequence such as 取消年度评先资格.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEffectDef {
    /// 标识（ASCII 字母、数字、`-`、`_`、`.`） / the entry's id (ASCII letters, digits, `-`, `_`, `.`)
    pub(crate) id: Spanned<String>,
    /// 名称 / the name, as the regulation words it
    pub(crate) name: String,
    /// 持续：当期或当年 / how long it lasts: the period or the year
    #[serde(default)]
    pub(crate) lasts: Option<RawEffectLasts>,
    /// 及于：被计分对象，或记录上的人员和窗口 / whom it reaches: the charged subjects, or the person and window on the
    /// row
    #[serde(default)]
    pub(crate) reaches: Option<RawEffectReaches>,
    /// 出处：条款编号与原文 / where it comes from: the clause id and its words
    pub(crate) source: RawSource,
    /// 本制度为条文未定之处所设的默认值（开放参数及理由） / values the regulation leaves open, set here, each with its open
    /// parameter and reason
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// 考核类别 / `[[category]]`: a scored section with a maximum and a floor.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCategory {
    /// 标识（ASCII 字母、数字、`-`、`_`、`.`） / the entry's id (ASCII letters, digits, `-`, `_`, `.`)
    pub(crate) id: Spanned<String>,
    /// 名称 / the name, as the regulation words it
    pub(crate) name: String,
    /// 满分 / the section's full marks
    pub(crate) maximum: Spanned<u32>,
    /// 保底分 / the lowest score of the section
    #[serde(default)]
    pub(crate) floor: Option<Spanned<u32>>,
    /// 出处：条款编号与原文 / where it comes from: the clause id and its words
    pub(crate) source: RawSource,
    /// 本制度为条文未定之处所设的默认值（开放参数及理由） / values the regulation leaves open, set here, each with its open
    /// parameter and reason
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// 规则种类 / Whether a rule deducts, adds, or only carries effects.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawRuleKind {
    Deduction,
    Bonus,
    EffectOnly,
}

/// 计量单位 / What one unit of a rule is.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawRuleUnit {
    Occurrence,
    PersonTime,
    Piece,
    PieceDay,
    HalfDay,
    Discovery,
    Item,
    Title,
    Proposal,
}

/// 计分对象 / Who a rule's points are charged to (A19).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawCharge {
    Person,
    Window,
    PersonAndWindow,
}

/// 超期计分方式 / Rules generated from overdue cases.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawOverdue {
    Piece,
    PieceDay,
}

/// 联办件适用 / Which cases an overdue rule applies to (A18).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawJoint {
    Only,
    Never,
    Any,
}

/// 规则的分值版本 / `[[rule.versions]]`: the rule's values over a date range.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRuleVersion {
    /// 起始日期 / the first day
    #[cfg_attr(feature = "schema", schemars(with = "crate::load::shapes::TomlDate"))]
    pub(crate) from: Spanned<Datetime>,
    /// 截止日期 / the last day
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::load::shapes::TomlDate>")
    )]
    pub(crate) until: Option<Spanned<Datetime>>,
    /// 分值 / the points per unit
    #[serde(default)]
    pub(crate) points: Option<Spanned<u32>>,
    /// 裁量幅度 / the discretionary range
    #[serde(default)]
    pub(crate) range: Option<Spanned<[u32; 2]>>,
    /// 可选分值 / the values a row may choose
    #[serde(default)]
    pub(crate) choices: Option<Spanned<Vec<u32>>>,
    /// 罚款（元） / the fine in yuan
    #[serde(default)]
    pub(crate) fine: Option<Spanned<String>>,
    /// 扣除当月奖励（元） / yuan withheld from the month's bonus
    #[serde(default)]
    pub(crate) withholding: Option<Spanned<String>>,
}

/// 扣分表的一行 / `[[rule]]`: one row of a deduction table.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRule {
    /// 条款编号，即本条的代码 / the clause id, the entry's code
    pub(crate) code: Spanned<String>,
    /// 所属考核类别 / the scored section it belongs to
    #[serde(default)]
    pub(crate) category: Option<Spanned<String>>,
    /// 扣分、加分或仅有后果 / deduction, bonus or effect only
    pub(crate) kind: RawRuleKind,
    /// 计量单位 / what one unit is
    pub(crate) unit: RawRuleUnit,
    /// 分值 / the points per unit
    #[serde(default)]
    pub(crate) points: Option<Spanned<u32>>,
    /// 裁量幅度 [最少, 最多] / the discretionary range [least, most]
    #[serde(default)]
    pub(crate) range: Option<Spanned<[u32; 2]>>,
    /// 可选分值 / the values a row may choose
    #[serde(default)]
    pub(crate) choices: Option<Spanned<Vec<u32>>>,
    /// 罚款（元，十进制文本） / the fine in yuan, as decimal text
    #[serde(default)]
    pub(crate) fine: Option<Spanned<String>>,
    /// 扣除当月奖励（元） / Yuan withheld from the month's bonus (扣除当月奖励), apart from fines.
    #[serde(default)]
    pub(crate) withholding: Option<Spanned<String>>,
    /// 附带的后果 / effects the rule carries
    #[serde(default)]
    pub(crate) effects: Vec<Spanned<String>>,
    /// 计分对象：个人、窗口或两者（A19） / whom the points are charged to (A19)
    #[serde(default)]
    pub(crate) charge: Option<RawCharge>,
    /// 由超期办件生成：按件或按件按日 / generated from overdue cases: per piece or per piece-day
    #[serde(default)]
    pub(crate) overdue: Option<RawOverdue>,
    /// 适用的办件：仅联办件、非联办件或全部（A18） / which cases it applies to (A18)
    #[serde(default)]
    pub(crate) joint: Option<RawJoint>,
    /// 所计价的时限类别 / With `overdue`: the deadline classes (`policy:class`) whose limit the rule prices.
    #[serde(default)]
    pub(crate) prices: Option<Spanned<Vec<String>>>,
    /// 依据规则的编号前缀（A30） / The row's `basis` names the rule whose amount, unit and category apply; its code must
    /// start with this prefix (A30).
    #[serde(default)]
    pub(crate) basis_from: Option<Spanned<String>>,
    /// 记录须给出分值（A7） / A row must give `points` (a fact or a manual value, A7).
    #[serde(default)]
    pub(crate) points_required: bool,
    /// 同类加分（A33） / Rules of one family count once per subject and `ref`, at the highest level (A33).
    #[serde(default)]
    pub(crate) family: Option<String>,
    /// 出处：条款编号与原文 / where it comes from: the clause id and its words
    pub(crate) source: RawSource,
    /// 按日期区间的分值版本 / the values over date ranges
    #[serde(default)]
    pub(crate) versions: Vec<RawRuleVersion>,
    /// 本制度为条文未定之处所设的默认值（开放参数及理由） / values the regulation leaves open, set here, each with its open
    /// parameter and reason
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// 问责设置 / `[accountability]`: the escalation settings of a policy's accountability rules.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAccountability {
    /// 再犯计算的月数 / months within which a repeat counts
    #[serde(default)]
    pub(crate) repeat_months: Option<Spanned<u32>>,
    /// 再犯升级到的条款 / the clause a repeat escalates to
    #[serde(default)]
    pub(crate) repeat_escalation: Option<Spanned<String>>,
    /// 升级所需的投诉次数 / complaints that escalate
    #[serde(default)]
    pub(crate) complaint_threshold: Option<Spanned<u32>>,
    /// 投诉计数的月数 / months over which complaints are counted
    #[serde(default)]
    pub(crate) complaint_months: Option<Spanned<u32>>,
    /// 投诉达到次数后升级到的条款 / the clause complaints escalate to
    #[serde(default)]
    pub(crate) complaint_escalation: Option<Spanned<String>>,
    /// 记录投诉的情节 / the flag that records a complaint
    #[serde(default)]
    pub(crate) complaint_flag: Option<Spanned<String>>,
    /// 同一行为的违规编号组（A11） / Groups of violation codes that describe one conduct: a repeat of any member after a
    /// recorded tier 1 of any other counts as a repeat (A11).
    #[serde(default)]
    pub(crate) same_conduct: Option<Spanned<Vec<Vec<String>>>>,
    /// 出处：条款编号与原文 / where it comes from: the clause id and its words
    #[serde(default)]
    pub(crate) source: Option<RawSource>,
    /// 本制度为条文未定之处所设的默认值（开放参数及理由） / values the regulation leaves open, set here, each with its open
    /// parameter and reason
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// 问责档次 / `[[tier]]`: an accountability tier and its measures.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTier {
    /// 档次（1 起） / the tier's level, from 1
    pub(crate) level: Spanned<u32>,
    /// 档次名称 / the tier's name
    pub(crate) name: String,
    /// 处理措施 / the measures of the tier
    #[serde(default)]
    pub(crate) measures: Vec<String>,
    /// 出处：条款编号与原文 / where it comes from: the clause id and its words
    pub(crate) source: RawSource,
    /// 本制度为条文未定之处所设的默认值（开放参数及理由） / values the regulation leaves open, set here, each with its open
    /// parameter and reason
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// 情节 / `[[flag]]`: a qualitative fact only a person records (A12).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFlag {
    /// 标识（ASCII 字母、数字、`-`、`_`、`.`） / the entry's id (ASCII letters, digits, `-`, `_`, `.`)
    pub(crate) id: Spanned<String>,
    /// 名称 / the name, as the regulation words it
    pub(crate) name: String,
    /// 追加的处理措施 / measures the flag adds
    #[serde(default)]
    pub(crate) adds_measures: Vec<String>,
    /// 须由人复核 / a person reviews decisions with it
    #[serde(default)]
    pub(crate) needs_review: bool,
    /// 复核理由 / Why a person reviews, in words (instead of the generic reason).
    #[serde(default)]
    pub(crate) review_reason: Option<String>,
    /// 仅复核低于此档次的决定 / Review only decisions whose tier is below this one (a manual decision counts as below).
    #[serde(default)]
    pub(crate) review_below_tier: Option<Spanned<u32>>,
    /// 隐含的其他情节 / Flags this one implies: recording it records them too.
    #[serde(default)]
    pub(crate) implies: Option<Spanned<Vec<String>>>,
    /// 出处：条款编号与原文 / where it comes from: the clause id and its words
    pub(crate) source: RawSource,
    /// 本制度为条文未定之处所设的默认值（开放参数及理由） / values the regulation leaves open, set here, each with its open
    /// parameter and reason
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// 违规类型 / `[[violation]]`: a violation type mapped to a tier, or an exception refining another.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawViolation {
    /// 条款编号，即本条的代码 / the clause id, the entry's code
    pub(crate) code: Spanned<String>,
    /// 名称 / the name, as the regulation words it
    pub(crate) name: String,
    /// 问责档次 / the accountability tier
    #[serde(default)]
    pub(crate) tier: Option<Spanned<u32>>,
    /// 档次由人决定 / a person decides the tier
    #[serde(default)]
    pub(crate) manual: bool,
    /// 细化的条款 / the clause this one refines
    #[serde(default)]
    pub(crate) refines: Option<Spanned<String>>,
    /// 适用所需的情节 / the flags that make it apply
    #[serde(default)]
    pub(crate) when_flags: Option<Spanned<Vec<String>>>,
    /// 多个细化条款同时适用时的优先级 / the priority among refinements that all apply
    #[serde(default)]
    pub(crate) priority: Option<i32>,
    /// 仅作候选，由人决定 / only a candidate: a person decides
    #[serde(default)]
    pub(crate) candidate_only: bool,
    /// 仅有后果，无档次 / No tier and no review: the clause gives an effect (its `measures`).
    #[serde(default)]
    pub(crate) effect: bool,
    /// 条款自身规定的措施 / Measures the clause names itself, listed after the tier's.
    #[serde(default)]
    pub(crate) measures: Vec<String>,
    /// 每个决定都须由人复核 / Every decision under this clause goes to a person (the tier stands).
    #[serde(default)]
    pub(crate) needs_review: bool,
    /// 照价赔偿 / 照价赔偿: the subject pays the item's original price, the record's `amount`.
    #[serde(default)]
    pub(crate) compensation: bool,
    /// 复核理由 / Why a person reviews or decides, in words (instead of the generic reason).
    #[serde(default)]
    pub(crate) review_reason: Option<String>,
    /// 再犯升级到的条款 / The clause a repeat of this one escalates to, instead of `[accountability]`'s.
    #[serde(default)]
    pub(crate) repeat_escalation: Option<Spanned<String>>,
    /// 出处：条款编号与原文 / where it comes from: the clause id and its words
    pub(crate) source: RawSource,
    /// 本制度为条文未定之处所设的默认值（开放参数及理由） / values the regulation leaves open, set here, each with its open
    /// parameter and reason
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// `source = { clause, quote }` or `source = [{ clause, quote }, …]`: an entry that encodes
/// several clauses cites each of them in the same shape (the coverage collects both forms).
#[derive(Debug, Clone)]
pub(crate) struct RawSources(pub(crate) Vec<RawSource>);

impl<'de> Deserialize<'de> for RawSources {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = RawSources;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("a source table or a list of source tables")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<RawSources, A::Error> {
                RawSource::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(|s| RawSources(vec![s]))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                seq: A,
            ) -> Result<RawSources, A::Error> {
                Vec::<RawSource>::deserialize(serde::de::value::SeqAccessDeserializer::new(seq))
                    .map(RawSources)
            }
        }
        d.deserialize_any(Visit)
    }
}
