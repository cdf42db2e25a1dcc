//! The three kinds of policy file as wholes: the loader reads a file section by section
//! (`policy::compile::read_file`), so these structs only gather the sections' raw types in
//! one place for the schema — and their field order is the canonical section order of
//! `zhidu fmt`. A test checks they name exactly the sections the loader accepts.

use schemars::JsonSchema;

use crate::load::raw::{
    RawAccountability, RawAssessment, RawCalendarHeader, RawCategory, RawClass, RawEffectDef,
    RawFlag, RawImport, RawItem, RawNoticeHeader, RawPolicyHeader, RawRule, RawStatute,
    RawSuspension, RawTier, RawViolation, RawYear,
};

/// 制度文件：一套时限、考核、问责等规则 / a policy file: deadline classes, deduction tables,
/// accountability rules and the other kinds of one regulation.
#[expect(dead_code, reason = "read by the schema derive only, never built")]
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, title = "制度文件 / zhidu policy file")]
pub(crate) struct PolicyFile {
    /// 制度的标识、版本、生效日期与日历 / the policy's id, version, effective dates and calendar.
    pub(crate) policy: RawPolicyHeader,
    /// 引用其他制度扣分表中的规则 / rules of another policy's deduction table, used as that policy defines them.
    #[schemars(default)]
    pub(crate) import: Vec<RawImport>,
    /// 时限类别 / deadline classes.
    #[schemars(default)]
    pub(crate) class: Vec<RawClass>,
    /// 服务事项（法定时限与承诺时限）/ service items with a legal and a promised limit.
    #[schemars(default)]
    pub(crate) item: Vec<RawItem>,
    /// 中止（暂停计时）事由 / reasons a case clock may stop.
    #[schemars(default)]
    pub(crate) suspension: Vec<RawSuspension>,
    /// 考核办法：考核周期、取消评先的后果 / how scorecards are made and windows ranked.
    #[schemars(default)]
    pub(crate) assessment: Option<RawAssessment>,
    /// 具名后果，如取消年度评先资格 / named consequences such as 取消年度评先资格.
    #[schemars(default)]
    pub(crate) effect: Vec<RawEffectDef>,
    /// 考核类别（满分与保底分）/ scored sections with a maximum and a floor.
    #[schemars(default)]
    pub(crate) category: Vec<RawCategory>,
    /// 扣分表的一行 / rows of the deduction table.
    #[schemars(default)]
    pub(crate) rule: Vec<RawRule>,
    /// 问责的升级设置 / the escalation settings of the accountability rules.
    #[schemars(default)]
    pub(crate) accountability: Option<RawAccountability>,
    /// 问责档次及其处理措施 / accountability tiers and their measures.
    #[schemars(default)]
    pub(crate) tier: Vec<RawTier>,
    /// 只能由人认定的情节 / qualitative facts only a person records (A12).
    #[schemars(default)]
    pub(crate) flag: Vec<RawFlag>,
    /// 违规类型及其问责档次 / violation types mapped to a tier.
    #[schemars(default)]
    pub(crate) violation: Vec<RawViolation>,
    /// 值班轮换 / the duty rota.
    #[schemars(default)]
    pub(crate) rota: Option<crate::rota::RawRota>,
    /// 巡查要求 / the patrols owed each day.
    #[schemars(default)]
    pub(crate) patrols: Option<crate::rota::RawPatrols>,
    /// 定期义务 / recurring duties.
    #[schemars(default)]
    pub(crate) obligation: Vec<crate::obligations::RawObligation>,
    /// 访问控制 / who may do what.
    #[schemars(default)]
    pub(crate) access: Option<crate::access::compile::RawAccess>,
    /// 档案保管期限 / how long records are kept.
    #[schemars(default)]
    pub(crate) retention: Vec<crate::retention::compile::RawRetention>,
    /// 触发核查的条件 / conditions that set off a verification.
    #[schemars(default)]
    pub(crate) trigger: Vec<crate::triggers::compile::RawTrigger>,
    /// 补贴 / subsidies paid per full month.
    #[schemars(default)]
    pub(crate) subsidy: Vec<crate::subsidies::compile::RawSubsidy>,
    /// 办理流程的步骤 / the steps a case goes through, in order.
    #[schemars(default)]
    pub(crate) flow: Option<crate::flow::compile::RawFlow>,
}

/// `[calendar]`：日历本身，或为其补充通知年份的通知文件 / a calendar's header, or a notice
/// file's (`extends`).
#[expect(dead_code, reason = "read by the schema derive only, never built")]
#[expect(
    clippy::large_enum_variant,
    reason = "read by the schema derive only, never built"
)]
#[derive(JsonSchema)]
#[schemars(untagged)]
pub(crate) enum CalendarHeader {
    /// 日历 / a calendar.
    Calendar(RawCalendarHeader),
    /// 通知文件 / a notice file adding years to a calendar.
    Notice(RawNoticeHeader),
}

/// 日历文件：工作日、法定节假日与调休 / a calendar file: working days, public holidays and
/// make-up working days.
#[expect(dead_code, reason = "read by the schema derive only, never built")]
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, title = "日历文件 / zhidu calendar file")]
pub(crate) struct CalendarFile {
    /// 日历的标识、时区、年份范围与周末 / the calendar's id, zone, years and weekend.
    pub(crate) calendar: CalendarHeader,
    /// 每年国务院办公厅的放假通知 / one State Council notice a year.
    #[schemars(default)]
    pub(crate) year: Vec<RawYear>,
    /// 《全国年节及纪念日放假办法》的各版本 / dated versions of the national holiday statute.
    #[schemars(default)]
    pub(crate) statute: Vec<RawStatute>,
}

/// 条款索引：种子文本的每一条款及其性质 / the clause index: every clause of the seed texts
/// and what kind of rule it is.
#[expect(dead_code, reason = "read by the schema derive only, never built")]
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, title = "条款索引 / zhidu clause index")]
pub(crate) struct ClauseIndexFile {
    /// 条款索引 / the index.
    pub(crate) clause_index: crate::coverage::index::RawIndex,
}
