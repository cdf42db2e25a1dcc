//! `[flow]` → the flow model, with the loader's diagnostics.

use crate::load::spanned::Spanned;
use serde::Deserialize;

use super::model::{Model, Step};
use crate::assess::model::AssessmentModel;
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::load::document::Document;
use crate::load::fields::check_id;
use crate::load::raw::{RawDefault, RawSource};
use crate::source::{Clause, DefaultNote};

/// 流程步骤 / One step of `[flow]`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawStep {
    /// 步骤标识 / the step's id
    pub(crate) id: Spanned<String>,
    /// 步骤名称 / the step's name
    pub(crate) name: String,
}

/// 办理流程 / `[flow]`: the steps a case goes through, in order, and the rule that prices a breach.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFlow {
    /// 按顺序的步骤 / the steps, in order
    pub(crate) steps: Spanned<Vec<RawStep>>,
    /// 违反流程时适用的扣分规则 / the deduction rule that prices a breach
    pub(crate) rule: Spanned<String>,
    /// 出处：条款编号与原文 / where it comes from: the clause id and its words
    pub(crate) source: RawSource,
    /// 本制度为条文未定之处所设的默认值（开放参数及理由） / values the regulation leaves open, set here, each with its open
    /// parameter and reason
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

pub(crate) fn compile(
    doc: &Document<'_>,
    raw: Option<&RawFlow>,
    table: Option<&AssessmentModel>,
    out: &mut Vec<Diagnostic>,
) -> Option<Model> {
    let raw = raw?;
    let mut steps: Vec<Step> = Vec::new();
    // Every id and name names one step (a log gives a step by either): a name that is another
    // step's id would make `step b` mean two steps (issue #18, a hostile flow). A set, so
    // a long list is not a scan per step.
    let mut names: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (i, s) in raw.steps.get_ref().iter().enumerate() {
        let path = format!("flow.steps[{i}].id");
        if !check_id(doc, &s.id, &path, out) {
            continue;
        }
        let id = s.id.get_ref().as_str();
        let taken = [id, s.name.as_str()]
            .into_iter()
            .find(|t| names.contains(t));
        if let Some(t) = taken {
            out.push(doc.error_at(
                s.id.span(),
                path,
                format!("step `{t}` is listed twice"),
                None,
            ));
            continue;
        }
        names.insert(id);
        names.insert(s.name.as_str());
        steps.push(Step {
            id: s.id.get_ref().clone(),
            name: s.name.clone(),
        });
    }
    if steps.len() < 2 {
        out.push(doc.error_at(
            raw.steps.span(),
            "flow.steps",
            "a flow needs at least two steps".to_owned(),
            None,
        ));
    }
    let rule = raw.rule.get_ref();
    let known = table.is_some_and(|t| t.rule_index.contains_key(rule.as_str()));
    if !known {
        let codes: Vec<&str> = table
            .map(|t| t.rules.iter().map(|r| &*r.meta.code).collect())
            .unwrap_or_default();
        out.push(doc.error_at(
            raw.rule.span(),
            "flow.rule",
            format!("no rule `{rule}` in the policy's deduction table"),
            did_you_mean(rule, codes).or_else(|| {
                Some(
                    "a finding is charged like an overdue case: add the `[[rule]]` it names"
                        .to_owned(),
                )
            }),
        ));
    }
    let window_only = table
        .and_then(|t| {
            t.rule_index
                .get(rule.as_str())
                .and_then(|&i| t.rules.get(i))
        })
        .is_some_and(|r| r.charge == crate::assess::model::Charge::Window);
    Some(Model {
        steps,
        rule: rule.clone(),
        window_only,
        source: Clause::from(&raw.source),
        defaults: raw.defaults.iter().map(DefaultNote::from).collect(),
    })
}
