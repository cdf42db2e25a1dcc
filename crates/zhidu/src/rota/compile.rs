//! From `[rota]` and `[patrols]` to the model, with the loader's diagnostics.

use crate::load::spanned::Spanned;
use serde::Deserialize;

use super::model::{DutyWindow, PatrolDays, PatrolRule, RotaModel};
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::load::document::Document;
use crate::load::raw::{RawDefault, RawSources};
use crate::source::{Clause, clauses_of as clauses, notes_of as notes};

/// 值班轮换 / `[rota]`: the ordered window list, how many windows a month, who convenes, stand-ins.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRota {
    /// 窗口轮值顺序 / The ordered list; the seed's annex is empty (A25), so a centre gives it here or with
    /// each call.
    #[serde(default)]
    pub(crate) windows: Vec<RawDutyWindow>,
    /// 每月值班窗口数 / windows on duty a month
    pub(crate) per_month: Spanned<u32>,
    /// 出处：条款编号与原文 / where it comes from: the clause id and its words
    pub(crate) source: RawSources,
    /// 本制度为条文未定之处所设的默认值（开放参数及理由） / values the regulation leaves open, set here, each with its open
    /// parameter and reason
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
    /// 召集窗口 / who convenes
    pub(crate) convener: RawConvener,
    /// 代班条款 / the stand-in clause
    pub(crate) stand_in: RawStandIn,
}

/// 值班窗口 / `{ window = "W01", head = "张三" }`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDutyWindow {
    /// 窗口 / the window
    pub(crate) window: Spanned<String>,
    /// 窗口负责人 / the window's head
    #[serde(default)]
    pub(crate) head: Option<String>,
}

/// 召集窗口 / `[rota.convener]`: which window of the month's duty list convenes the joint inspection.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawConvener {
    /// 当月值班名单中召集窗口的位次 / the convening window's place in the month's duty list
    pub(crate) position: Spanned<u32>,
    /// 出处：条款编号与原文 / where it comes from: the clause id and its words
    pub(crate) source: RawSources,
    /// 本制度为条文未定之处所设的默认值（开放参数及理由） / values the regulation leaves open, set here, each with its open
    /// parameter and reason
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// 代班 / `[rota.stand_in]`: the clause that lets an absent officer name a stand-in.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawStandIn {
    /// 出处：条款编号与原文 / where it comes from: the clause id and its words
    pub(crate) source: RawSources,
    /// 本制度为条文未定之处所设的默认值（开放参数及理由） / values the regulation leaves open, set here, each with its open
    /// parameter and reason
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// 巡视日 / The days patrols are owed on.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawPatrolDays {
    WorkingDays,
    EveryDay,
}

/// 巡视 / `[patrols]`: at least `per_day` patrols a day; a day short is `failure_rule`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPatrols {
    /// 每天至少巡视次数 / the patrols owed a day, at least
    pub(crate) per_day: Spanned<u32>,
    /// 巡视日：工作日或每天 / the days patrols are owed
    pub(crate) days: RawPatrolDays,
    /// 当日巡视不足时的扣分规则 / the rule a day short is charged under
    pub(crate) failure_rule: Spanned<String>,
    /// 出处：条款编号与原文 / where it comes from: the clause id and its words
    pub(crate) source: RawSources,
    /// 本制度为条文未定之处所设的默认值（开放参数及理由） / values the regulation leaves open, set here, each with its open
    /// parameter and reason
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// Compile the rota and its patrol rule; the failure rule must be one of `rules`, the
/// `(code, quote)` of the policy's deduction table (its own or imported), so the failure is
/// something `assess` scores.
pub(crate) fn compile_rota(
    doc: &Document<'_>,
    rota: Option<&RawRota>,
    patrols: Option<&RawPatrols>,
    rules: &[(&str, &str)],
    out: &mut Vec<Diagnostic>,
) -> Option<RotaModel> {
    let Some(raw) = rota else {
        if let Some(p) = patrols {
            out.push(doc.error_at(
                p.per_day.span(),
                "patrols",
                "`[patrols]` needs a `[rota]`".to_owned(),
                Some("patrols are owed by the month's duty windows: add the `[rota]` they come from".to_owned()),
            ));
        }
        return None;
    };
    let before = out.len();
    let per_month = *raw.per_month.get_ref();
    if per_month == 0 {
        out.push(doc.error_at(
            raw.per_month.span(),
            "rota.per_month",
            "`per_month` is 0".to_owned(),
            Some("at least one window is on duty each month".to_owned()),
        ));
    }
    let position = *raw.convener.position.get_ref();
    if position == 0 || position > per_month {
        out.push(doc.error_at(
            raw.convener.position.span(),
            "rota.convener.position",
            format!("convener position {position} is not between 1 and {per_month}"),
            None,
        ));
    }
    let mut windows: Vec<DutyWindow> = Vec::new();
    // Windows seen, in a set: a scan per window is quadratic at 10^5 windows.
    let mut seen = std::collections::HashSet::new();
    for (i, w) in raw.windows.iter().enumerate() {
        let id = w.window.get_ref();
        if !seen.insert(id.as_str()) {
            out.push(doc.error_at(
                w.window.span(),
                format!("rota.windows[{i}].window"),
                format!("window `{id}` is listed twice"),
                Some("each window has one place in the rotation".to_owned()),
            ));
            continue;
        }
        windows.push(DutyWindow::new(id.clone(), w.head.as_deref()));
    }
    let patrol_rule = patrols.and_then(|p| {
        let code = p.failure_rule.get_ref();
        let Some(&(_, quote)) = rules.iter().find(|(c, _)| c == code) else {
            let known = rules.iter().map(|(c, _)| *c);
            out.push(doc.error_at(
                p.failure_rule.span(),
                "patrols.failure_rule",
                format!("no rule `{code}` in the policy's deduction table"),
                did_you_mean(code, known).or_else(|| Some("a day short is reported as an incident of a `[[rule]]` the assessment scores, such as `S4.req.4`".to_owned())),
            ));
            return None;
        };
        if *p.per_day.get_ref() == 0 {
            out.push(doc.error_at(
                p.per_day.span(),
                "patrols.per_day",
                "`per_day` is 0".to_owned(),
                None,
            ));
            return None;
        }
        Some(PatrolRule {
            per_day: *p.per_day.get_ref(),
            days: match p.days {
                RawPatrolDays::WorkingDays => PatrolDays::WorkingDays,
                RawPatrolDays::EveryDay => PatrolDays::EveryDay,
            },
            failure_rule: code.clone(),
            failure_clause: Clause {
                clause: code.clone(),
                quote: quote.to_owned(),
                external: None,
            },
            source: clauses(&p.source),
            defaults: notes(&p.defaults),
        })
    });
    if out.len() > before {
        return None;
    }
    Some(RotaModel {
        windows,
        per_month,
        source: clauses(&raw.source),
        defaults: notes(&raw.defaults),
        convener_position: position,
        convener_source: clauses(&raw.convener.source),
        convener_defaults: notes(&raw.convener.defaults),
        stand_in_source: clauses(&raw.stand_in.source),
        stand_in_defaults: notes(&raw.stand_in.defaults),
        patrols: patrol_rule,
    })
}
