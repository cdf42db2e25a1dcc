//! The raw layer: serde structs that mirror the policy files and reject unknown keys.
//!
//! Nothing here is validated beyond types; [`crate::policy::compile`] turns these into the model.
//! Fields that other entries refer to, or that validation may complain about, are
//! [`Spanned`] so a diagnostic can point at them.

use crate::load::spanned::Spanned;
use serde::Deserialize;
use toml::value::Datetime;

/// `[calendar]` of a calendar file.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCalendarHeader {
    pub(crate) id: Spanned<String>,
    pub(crate) name: String,
    pub(crate) utc_offset: Spanned<String>,
    pub(crate) first_year: Spanned<i32>,
    pub(crate) last_year: Spanned<i32>,
    pub(crate) weekend: Spanned<Vec<String>>,
    pub(crate) source: String,
    /// Not allowed: office hours belong to a policy. Read only to say so.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub(crate) office_sessions: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
    /// Past `last_year`, derive provisional years from `[[statute]]` up to this year.
    #[serde(default)]
    pub(crate) provisional_until: Option<Spanned<i32>>,
}

/// `[calendar]` of a notice file: a calendar it adds notice years to.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNoticeHeader {
    pub(crate) extends: Spanned<String>,
}

/// `[[statute]]` of a calendar file: one dated version of 《全国年节及纪念日放假办法》.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawStatute {
    pub(crate) id: String,
    #[serde(default)]
    #[expect(
        dead_code,
        reason = "documentation for readers of the file; answers cite the decree's number"
    )]
    pub(crate) title: Option<String>,
    #[cfg_attr(feature = "schema", schemars(with = "crate::load::shapes::TomlDate"))]
    pub(crate) in_force: Spanned<Datetime>,
    pub(crate) substitute_article: String,
    pub(crate) festival: Vec<RawStatuteFestival>,
}

/// One festival of a statute version.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawStatuteFestival {
    pub(crate) name: String,
    pub(crate) anchor: Spanned<String>,
    pub(crate) days: Spanned<u32>,
}

/// `[[year]]` of a calendar file: one State Council notice.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawYear {
    pub(crate) year: Spanned<i32>,
    pub(crate) notice: String,
    /// When the notice was published (notice files).
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::load::shapes::TomlDate>")
    )]
    pub(crate) published: Option<Spanned<Datetime>>,
    #[serde(default)]
    pub(crate) festival: Vec<RawFestival>,
}

/// `[[year.festival]]`: one holiday block and its make-up working days.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFestival {
    pub(crate) name: String,
    #[serde(default)]
    #[expect(
        dead_code,
        reason = "documentation for readers of the file; explanations use the Chinese name"
    )]
    pub(crate) name_en: Option<String>,
    /// A festival-level notice where it differs from the year's.
    #[serde(default)]
    pub(crate) notice: Option<String>,
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Vec<crate::load::shapes::TomlDate>")
    )]
    pub(crate) holidays: Vec<Spanned<Datetime>>,
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Vec<crate::load::shapes::TomlDate>")
    )]
    pub(crate) workdays: Vec<Spanned<Datetime>>,
}

/// A value the seed leaves open, set by the policy: `{ param = "A3", note = "…" }`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDefault {
    /// Which key of the entry the default sets (optional when obvious).
    #[serde(default)]
    pub(crate) key: Option<String>,
    /// The open parameter's number in regulations.md §5, such as `A3`.
    pub(crate) param: String,
    /// Why this value.
    pub(crate) note: String,
}

/// Where a rule comes from: `{ clause = "S2.xs.2", quote = "一般办理限时为3—5日" }`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSource {
    pub(crate) clause: Spanned<String>,
    pub(crate) quote: String,
    /// For a rule that comes from outside the seed (a national law): which text, in words.
    #[serde(default)]
    pub(crate) external: Option<String>,
}

/// When a due day ends.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawDayEnd {
    Midnight,
    OfficeClose,
}

/// `[policy]` of a policy file.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPolicyHeader {
    pub(crate) id: Spanned<String>,
    pub(crate) name: String,
    pub(crate) version: String,
    #[cfg_attr(feature = "schema", schemars(with = "crate::load::shapes::TomlDate"))]
    pub(crate) effective_from: Spanned<Datetime>,
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::load::shapes::TomlDate>")
    )]
    pub(crate) effective_until: Option<Spanned<Datetime>>,
    pub(crate) calendar: Spanned<String>,
    pub(crate) source: String,
    #[serde(default)]
    pub(crate) day_ends_at: Option<Spanned<RawDayEnd>>,
    /// The policy's own office hours, with the clause that states them.
    #[serde(default)]
    pub(crate) office_sessions: Option<RawOfficeSessions>,
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
    /// Past the calendar's last notice: `"provisional"` (the default) or `"error"`.
    #[serde(default)]
    pub(crate) beyond_notices: Option<RawBeyondNotices>,
}

/// What a policy does with a day past the calendar's last notice.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawBeyondNotices {
    Provisional,
    Error,
}

/// `[policy.office_sessions]`: the office hours a regulation states, half-open sessions.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOfficeSessions {
    pub(crate) sessions: Spanned<Vec<[String; 2]>>,
    /// The days the sessions are kept: the calendar's working days (the default), or every
    /// day (S3's culture centre, 周一至周日, A26).
    #[serde(default)]
    pub(crate) days: Option<RawOfficeDays>,
    pub(crate) source: RawSource,
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// `[[import]]`: rules of another policy's deduction table, used as that policy defines them.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawImport {
    /// The id of the policy that defines the rules.
    pub(crate) policy: Spanned<String>,
    /// Their codes; the effects they carry come with them.
    pub(crate) rules: Vec<Spanned<String>>,
}

/// The days office sessions are kept.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawOfficeDays {
    WorkingDays,
    EveryDay,
}

/// Deadline units.
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

/// What starts a class's clock.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawClockStart {
    /// The acceptance instant.
    Acceptance,
    /// A `start` event on the case (materials complete, the superior's reply, …).
    StartEvent,
}

/// `[[class]]`: a deadline class.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawClass {
    pub(crate) id: Spanned<String>,
    pub(crate) name: String,
    pub(crate) unit: Spanned<RawUnit>,
    /// A fixed limit in `unit`.
    #[serde(default)]
    pub(crate) limit: Option<Spanned<u32>>,
    /// The limit is given per case (承诺件).
    #[serde(default)]
    pub(crate) per_case: bool,
    /// With `per_case`: the limit when a case gives none.
    #[serde(default)]
    pub(crate) default_limit: Option<Spanned<u32>>,
    /// With `per_case`: the usual range; limits outside it are allowed with a warning.
    #[serde(default)]
    pub(crate) usual_range: Option<Spanned<[u32; 2]>>,
    /// The legal limit (法定时限) the per-case or item limit may not exceed.
    #[serde(default)]
    pub(crate) legal_limit: Option<Spanned<u32>>,
    /// Status turns yellow when this many units (or fewer) remain.
    #[serde(default)]
    pub(crate) warn_before: Option<u32>,
    /// For `calendar_days`: roll a due day that is not a working day to the next one.
    #[serde(default)]
    pub(crate) roll_to_working_day: Option<bool>,
    #[serde(default)]
    pub(crate) clock_starts: Option<RawClockStart>,
    /// The most units that extensions may add in total; 0 forbids extensions.
    #[serde(default)]
    pub(crate) max_extension: Option<u32>,
    /// Extensions have no cap (the regulation gives none, e.g. S2.ts.6d 直至处理完毕).
    #[serde(default)]
    pub(crate) uncapped_extension: bool,
    /// An extension must carry its reason (the logged notice, e.g. S2.ts.6d).
    #[serde(default)]
    pub(crate) extension_needs_reason: bool,
    pub(crate) source: RawSource,
    /// Further clauses the class implements.
    #[serde(default)]
    pub(crate) also: Vec<String>,
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// `[[item]]`: a service item with a legal and a promised limit.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawItem {
    pub(crate) id: Spanned<String>,
    pub(crate) name: String,
    pub(crate) class: Spanned<String>,
    #[serde(default)]
    pub(crate) legal_limit: Option<Spanned<u32>>,
    pub(crate) promised_limit: Spanned<u32>,
    pub(crate) source: RawSource,
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// How a suspension reason acts on the clock.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawClockEffect {
    Pause,
    Restart,
}

/// `[[suspension]]`: a reason a case clock may stop.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSuspension {
    pub(crate) id: Spanned<String>,
    pub(crate) name: String,
    pub(crate) effect: RawClockEffect,
    pub(crate) source: RawSource,
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// `[assessment]`: how scorecards are made and windows ranked.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAssessment {
    #[serde(default)]
    pub(crate) period: Option<RawPeriodKind>,
    #[serde(default)]
    #[expect(
        dead_code,
        reason = "one method today (`mean`); the key is accepted so files can say which"
    )]
    pub(crate) window_score: Option<RawWindowScore>,
    #[serde(default)]
    pub(crate) disqualifying_effects: Vec<Spanned<String>>,
    /// Deadline classes (`policy:class`) whose cases are joint items (联办件) without a flag.
    #[serde(default)]
    pub(crate) joint_classes: Vec<Spanned<String>>,
    #[serde(default)]
    pub(crate) source: Option<RawSource>,
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// How long an effect stays on a subject's cards.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawEffectLasts {
    /// The period of the incident only.
    Period,
    /// The rest of the incident's calendar year (年度).
    Year,
}

/// Which subjects an effect reaches.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawEffectReaches {
    /// The subjects the rule is charged to.
    Charged,
    /// The person and the window named on the row.
    PersonAndWindow,
}

/// Scorecard periods.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawPeriodKind {
    Month,
    Quarter,
    Year,
}

/// How a window's score is made from its members'.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawWindowScore {
    Mean,
}

/// `[[effect]]`: a named consequence such as 取消年度评先资格.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEffectDef {
    pub(crate) id: Spanned<String>,
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) lasts: Option<RawEffectLasts>,
    #[serde(default)]
    pub(crate) reaches: Option<RawEffectReaches>,
    pub(crate) source: RawSource,
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// `[[category]]`: a scored section with a maximum and a floor.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCategory {
    pub(crate) id: Spanned<String>,
    pub(crate) name: String,
    pub(crate) maximum: Spanned<u32>,
    #[serde(default)]
    pub(crate) floor: Option<Spanned<u32>>,
    pub(crate) source: RawSource,
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// Whether a rule deducts, adds, or only carries effects.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawRuleKind {
    Deduction,
    Bonus,
    EffectOnly,
}

/// What one unit of a rule is.
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

/// Who a rule's points are charged to (A19).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawCharge {
    Person,
    Window,
    PersonAndWindow,
}

/// Rules generated from overdue cases.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawOverdue {
    Piece,
    PieceDay,
}

/// Which cases an overdue rule applies to (A18).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawJoint {
    Only,
    Never,
    Any,
}

/// `[[rule.versions]]`: the rule's values over a date range.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRuleVersion {
    #[cfg_attr(feature = "schema", schemars(with = "crate::load::shapes::TomlDate"))]
    pub(crate) from: Spanned<Datetime>,
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::load::shapes::TomlDate>")
    )]
    pub(crate) until: Option<Spanned<Datetime>>,
    #[serde(default)]
    pub(crate) points: Option<Spanned<u32>>,
    #[serde(default)]
    pub(crate) range: Option<Spanned<[u32; 2]>>,
    #[serde(default)]
    pub(crate) choices: Option<Spanned<Vec<u32>>>,
    #[serde(default)]
    pub(crate) fine: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) withholding: Option<Spanned<String>>,
}

/// `[[rule]]`: one row of a deduction table.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRule {
    pub(crate) code: Spanned<String>,
    #[serde(default)]
    pub(crate) category: Option<Spanned<String>>,
    pub(crate) kind: RawRuleKind,
    pub(crate) unit: RawRuleUnit,
    #[serde(default)]
    pub(crate) points: Option<Spanned<u32>>,
    #[serde(default)]
    pub(crate) range: Option<Spanned<[u32; 2]>>,
    #[serde(default)]
    pub(crate) choices: Option<Spanned<Vec<u32>>>,
    #[serde(default)]
    pub(crate) fine: Option<Spanned<String>>,
    /// Yuan withheld from the month's bonus (扣除当月奖励), apart from fines.
    #[serde(default)]
    pub(crate) withholding: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) effects: Vec<Spanned<String>>,
    #[serde(default)]
    pub(crate) charge: Option<RawCharge>,
    #[serde(default)]
    pub(crate) overdue: Option<RawOverdue>,
    #[serde(default)]
    pub(crate) joint: Option<RawJoint>,
    /// With `overdue`: the deadline classes (`policy:class`) whose limit the rule prices.
    #[serde(default)]
    pub(crate) prices: Option<Spanned<Vec<String>>>,
    /// The row's `basis` names the rule whose amount, unit and category apply; its code must
    /// start with this prefix (A30).
    #[serde(default)]
    pub(crate) basis_from: Option<Spanned<String>>,
    /// A row must give `points` (a fact or a manual value, A7).
    #[serde(default)]
    pub(crate) points_required: bool,
    /// Rules of one family count once per subject and `ref`, at the highest level (A33).
    #[serde(default)]
    pub(crate) family: Option<String>,
    pub(crate) source: RawSource,
    #[serde(default)]
    pub(crate) versions: Vec<RawRuleVersion>,
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// `[accountability]`: the escalation settings of a policy's accountability rules.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAccountability {
    #[serde(default)]
    pub(crate) repeat_months: Option<Spanned<u32>>,
    #[serde(default)]
    pub(crate) repeat_escalation: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) complaint_threshold: Option<Spanned<u32>>,
    #[serde(default)]
    pub(crate) complaint_months: Option<Spanned<u32>>,
    #[serde(default)]
    pub(crate) complaint_escalation: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) complaint_flag: Option<Spanned<String>>,
    /// Groups of violation codes that describe one conduct: a repeat of any member after a
    /// recorded tier 1 of any other counts as a repeat (A11).
    #[serde(default)]
    pub(crate) same_conduct: Option<Spanned<Vec<Vec<String>>>>,
    #[serde(default)]
    pub(crate) source: Option<RawSource>,
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// `[[tier]]`: an accountability tier and its measures.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTier {
    pub(crate) level: Spanned<u32>,
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) measures: Vec<String>,
    pub(crate) source: RawSource,
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// `[[flag]]`: a qualitative fact only a person records (A12).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFlag {
    pub(crate) id: Spanned<String>,
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) adds_measures: Vec<String>,
    #[serde(default)]
    pub(crate) needs_review: bool,
    /// Why a person reviews, in words (instead of the generic reason).
    #[serde(default)]
    pub(crate) review_reason: Option<String>,
    /// Review only decisions whose tier is below this one (a manual decision counts as below).
    #[serde(default)]
    pub(crate) review_below_tier: Option<Spanned<u32>>,
    /// Flags this one implies: recording it records them too.
    #[serde(default)]
    pub(crate) implies: Option<Spanned<Vec<String>>>,
    pub(crate) source: RawSource,
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// `[[violation]]`: a violation type mapped to a tier, or an exception refining another.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawViolation {
    pub(crate) code: Spanned<String>,
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) tier: Option<Spanned<u32>>,
    #[serde(default)]
    pub(crate) manual: bool,
    #[serde(default)]
    pub(crate) refines: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) when_flags: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub(crate) priority: Option<i32>,
    #[serde(default)]
    pub(crate) candidate_only: bool,
    /// No tier and no review: the clause gives an effect (its `measures`).
    #[serde(default)]
    pub(crate) effect: bool,
    /// Measures the clause names itself, listed after the tier's.
    #[serde(default)]
    pub(crate) measures: Vec<String>,
    /// Every decision under this clause goes to a person (the tier stands).
    #[serde(default)]
    pub(crate) needs_review: bool,
    /// 照价赔偿: the subject pays the item's original price, the record's `amount`.
    #[serde(default)]
    pub(crate) compensation: bool,
    /// Why a person reviews or decides, in words (instead of the generic reason).
    #[serde(default)]
    pub(crate) review_reason: Option<String>,
    /// The clause a repeat of this one escalates to, instead of `[accountability]`'s.
    #[serde(default)]
    pub(crate) repeat_escalation: Option<Spanned<String>>,
    pub(crate) source: RawSource,
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

/// A clause with its quote; a rule may cite one or a list (`source = [{…}, {…}]`).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCite {
    pub(crate) clause: String,
    pub(crate) quote: String,
}

/// One citation or several, in the `{ clause, quote }` shape every policy uses.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone)]
#[serde(untagged)]
pub(crate) enum RawCites {
    One(RawCite),
    Many(Vec<RawCite>),
}

impl RawCites {
    /// The citations as the model's clauses.
    pub(crate) fn clauses(&self) -> Vec<crate::source::Clause> {
        let one = |c: &RawCite| crate::source::Clause {
            clause: c.clause.clone(),
            quote: c.quote.clone(),
            external: None,
        };
        match self {
            RawCites::One(c) => vec![one(c)],
            RawCites::Many(list) => list.iter().map(one).collect(),
        }
    }
}
