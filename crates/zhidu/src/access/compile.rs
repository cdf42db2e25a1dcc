//! From a policy file's `[access]` table to the access model, with the loader's diagnostics
//! (file, line, column, key path, hint): unknown levels, roles and scope items named by a
//! rule, an approval on a rule that is not `allow_with_approval`, a rule with no action.

use crate::load::spanned::Spanned;
use serde::Deserialize;

use super::model::{AccessModel, Approval, Condition, Named, Otherwise, Rule, Scope, Verdict};
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::load::document::Document;
use crate::load::fields::check_id;
use crate::load::raw::{RawDefault, RawSources};
use crate::source::DefaultNote;

/// 答复 / A verdict as the file writes it.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawVerdict {
    Allow,
    AllowWithApproval,
    Deny,
}

impl From<RawVerdict> for Verdict {
    fn from(v: RawVerdict) -> Verdict {
        match v {
            RawVerdict::Allow => Verdict::Allow,
            RawVerdict::AllowWithApproval => Verdict::AllowWithApproval,
            RawVerdict::Deny => Verdict::Deny,
        }
    }
}

/// 级别或角色 / `[[access.level]]`, `[[access.role]]`: an id and a display name.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNamed {
    /// 标识 / the id
    pub(crate) id: Spanned<String>,
    /// 名称 / the display name
    pub(crate) name: String,
}

/// 范围事项 / `[[access.scope]]`: a scope item and the level the regulation gives it, if any.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawScope {
    /// 标识（ASCII 字母、数字、`-`、`_`、`.`） / the entry's id (ASCII letters, digits, `-`, `_`, `.`)
    pub(crate) id: Spanned<String>,
    /// 条文给出的级别 / the level the regulation gives it
    #[serde(default)]
    pub(crate) level: Option<Spanned<String>>,
    /// 出处：条款编号与原文 / where it comes from: the clause id and its words
    pub(crate) source: RawSources,
    /// 本制度为条文未定之处所设的默认值（开放参数及理由） / values the regulation leaves open, set here, each with its open
    /// parameter and reason
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// 无规则适用时 / `[access.otherwise]`: the answer when no rule matches.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOtherwise {
    /// 答复 / the verdict
    pub(crate) decision: RawVerdict,
    /// 理由 / the reason given
    pub(crate) reason: String,
    /// 出处：条款编号与原文 / where it comes from: the clause id and its words
    #[serde(default)]
    pub(crate) source: Option<RawSources>,
    /// 本制度为条文未定之处所设的默认值（开放参数及理由） / values the regulation leaves open, set here, each with its open
    /// parameter and reason
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// 批准 / `approval = { id, name, by }`: the fact that records it, what it is, who gives it.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawApproval {
    /// 记录批准的事实 / the fact that records it
    pub(crate) id: Spanned<String>,
    /// 批准的名称 / what it is
    pub(crate) name: String,
    /// 批准人 / who gives it
    pub(crate) by: String,
}

/// 条件 / `conditions = [{ id, text }]`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCondition {
    /// 条件标识 / the condition's id
    pub(crate) id: String,
    /// 条件内容 / what the condition says
    pub(crate) text: String,
}

/// 访问规则 / `[[access.rule]]`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "RawAccessRule"))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRule {
    /// 标识（ASCII 字母、数字、`-`、`_`、`.`） / the entry's id (ASCII letters, digits, `-`, `_`, `.`)
    pub(crate) id: Spanned<String>,
    /// 适用的行为 / the actions the rule covers
    pub(crate) actions: Spanned<Vec<String>>,
    /// 适用的级别 / the levels the rule covers
    #[serde(default)]
    pub(crate) levels: Option<Spanned<Vec<String>>>,
    /// 适用的范围事项 / the scope items the rule covers
    #[serde(default)]
    pub(crate) scopes: Option<Spanned<Vec<String>>>,
    /// 适用的事项 / the items the rule covers
    #[serde(default)]
    pub(crate) items: Vec<String>,
    /// 适用的角色 / the roles the rule covers
    #[serde(default)]
    pub(crate) roles: Option<Spanned<Vec<String>>>,
    /// 除外的角色 / roles the rule does not cover
    #[serde(default)]
    pub(crate) except_roles: Option<Spanned<Vec<String>>>,
    /// 仅在有这些事实时适用 / facts a request must have
    #[serde(default)]
    pub(crate) when: Vec<String>,
    /// 有这些事实时不适用 / facts that exempt a request
    #[serde(default)]
    pub(crate) unless: Vec<String>,
    /// 答复：允许、经批准允许或禁止 / the verdict: allow, allow with approval, or deny
    pub(crate) decision: Spanned<RawVerdict>,
    /// 需要的批准 / the approval needed
    #[serde(default)]
    pub(crate) approval: Option<RawApproval>,
    /// 附加条件 / conditions attached to the answer
    #[serde(default)]
    pub(crate) conditions: Vec<RawCondition>,
    /// 理由 / the reason given with the answer
    pub(crate) reason: String,
    /// 出处：条款编号与原文 / where it comes from: the clause id and its words
    pub(crate) source: RawSources,
    /// 本制度为条文未定之处所设的默认值（开放参数及理由） / values the regulation leaves open, set here, each with its open
    /// parameter and reason
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// 访问控制 / `[access]`: the whole section.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAccess {
    /// 密级或访问级别 / access levels
    #[serde(default)]
    pub(crate) level: Vec<RawNamed>,
    /// 角色 / roles
    #[serde(default)]
    pub(crate) role: Vec<RawNamed>,
    /// 范围事项及其级别 / scope items and the level the regulation gives each
    #[serde(default)]
    pub(crate) scope: Vec<RawScope>,
    /// 未列明事项的级别 / the level of an item the scope does not list
    #[serde(default)]
    pub(crate) unmapped_level: Option<Spanned<String>>,
    /// `unmapped_level` 的默认值说明 / the defaults behind `unmapped_level`
    #[serde(default)]
    pub(crate) unmapped_defaults: Vec<RawDefault>,
    /// 无规则适用时的答复 / the answer when no rule matches
    pub(crate) otherwise: RawOtherwise,
    /// 访问规则 / access rules
    #[serde(default)]
    pub(crate) rule: Vec<RawRule>,
}

fn defaults(list: &[RawDefault]) -> Vec<DefaultNote> {
    list.iter().map(DefaultNote::from).collect()
}

/// Named entries (levels, roles), each id once.
fn named(
    doc: &Document<'_>,
    list: &[RawNamed],
    key: &str,
    out: &mut Vec<Diagnostic>,
) -> Vec<Named> {
    let mut v: Vec<Named> = Vec::new();
    // Ids seen, in a set: a scan of the list per entry is quadratic at 10^5 entries.
    let mut seen = std::collections::HashSet::new();
    for (i, n) in list.iter().enumerate() {
        let path = format!("access.{key}[{i}].id");
        if !check_id(doc, &n.id, &path, out) {
            continue;
        }
        if !seen.insert(n.id.get_ref().as_str()) {
            out.push(doc.error_at(
                n.id.span(),
                path,
                format!("access level or role `{}` is defined twice", n.id.get_ref()),
                None,
            ));
            continue;
        }
        v.push(Named {
            id: n.id.get_ref().clone(),
            name: n.name.clone(),
        });
    }
    v
}

/// Look up names (ids or display names) in `known`, one diagnostic per unknown name.
fn indices(
    doc: &Document<'_>,
    list: Option<&Spanned<Vec<String>>>,
    known: &[Named],
    path: &str,
    out: &mut Vec<Diagnostic>,
) -> Vec<usize> {
    let Some(list) = list else {
        return Vec::new();
    };
    let mut v = Vec::new();
    for name in list.get_ref() {
        match known.iter().position(|k| k.id == *name || k.name == *name) {
            Some(i) => v.push(i),
            None => out.push(doc.error_at(
                list.span(),
                path,
                format!("no access level or role `{name}`"),
                did_you_mean(name, known.iter().map(|k| k.id.as_str())),
            )),
        }
    }
    v
}

/// Compile `[access]`.
pub(crate) fn compile_access(
    doc: &Document<'_>,
    raw: &RawAccess,
    out: &mut Vec<Diagnostic>,
) -> Option<AccessModel> {
    let before = out.len();
    let levels = named(doc, &raw.level, "level", out);
    let roles = named(doc, &raw.role, "role", out);
    let mut scopes: Vec<Scope> = Vec::new();
    for (i, s) in raw.scope.iter().enumerate() {
        let path = format!("access.scope[{i}]");
        if !check_id(doc, &s.id, &format!("{path}.id"), out) {
            continue;
        }
        let level = s.level.as_ref().and_then(|l| {
            let found = levels
                .iter()
                .position(|x| x.id == *l.get_ref() || x.name == *l.get_ref());
            if found.is_none() {
                out.push(doc.error_at(
                    l.span(),
                    format!("{path}.level"),
                    format!("no access level or role `{}`", l.get_ref()),
                    did_you_mean(l.get_ref(), levels.iter().map(|k| k.id.as_str())),
                ));
            }
            found
        });
        scopes.push(Scope {
            id: s.id.get_ref().clone(),
            level,
            sources: crate::source::clauses_of(&s.source),
            defaults: defaults(&s.defaults),
        });
    }
    let unmapped_level = raw.unmapped_level.as_ref().and_then(|l| {
        let found = levels
            .iter()
            .position(|x| x.id == *l.get_ref() || x.name == *l.get_ref());
        if found.is_none() {
            out.push(doc.error_at(
                l.span(),
                "access.unmapped_level",
                format!("no access level or role `{}`", l.get_ref()),
                did_you_mean(l.get_ref(), levels.iter().map(|k| k.id.as_str())),
            ));
        }
        found.map(|i| (i, defaults(&raw.unmapped_defaults)))
    });
    let mut rules: Vec<Rule> = Vec::new();
    let mut actions: Vec<String> = Vec::new();
    let mut facts: Vec<String> = Vec::new();
    // Rule ids, actions and facts seen, in sets: scans per rule are quadratic at 10^5 rules.
    let mut rule_ids = std::collections::HashSet::new();
    let mut actions_seen = std::collections::HashSet::new();
    let mut facts_seen = std::collections::HashSet::new();
    for (i, r) in raw.rule.iter().enumerate() {
        let path = format!("access.rule[{i}]");
        if !check_id(doc, &r.id, &format!("{path}.id"), out) {
            continue;
        }
        if !rule_ids.insert(r.id.get_ref().as_str()) {
            out.push(doc.error_at(
                r.id.span(),
                format!("{path}.id"),
                format!("access rule `{}` is defined twice", r.id.get_ref()),
                None,
            ));
            continue;
        }
        if r.actions.get_ref().is_empty() {
            out.push(doc.error_at(
                r.actions.span(),
                format!("{path}.actions"),
                format!("access rule `{}` names no action", r.id.get_ref()),
                Some("list the actions it answers, such as `actions = [\"read\"]`".to_owned()),
            ));
        }
        let verdict = Verdict::from(*r.decision.get_ref());
        match (verdict, &r.approval) {
            (Verdict::AllowWithApproval, None) => out.push(doc.error_at(
                r.decision.span(),
                format!("{path}.approval"),
                format!(
                    "access rule `{}` allows with an approval but names none",
                    r.id.get_ref()
                ),
                Some("add an `approval` table with its `id`, `name` and `by`".to_owned()),
            )),
            (Verdict::Allow | Verdict::Deny, Some(a)) => out.push(doc.error_at(
                a.id.span(),
                format!("{path}.approval"),
                format!(
                    "access rule `{}` has an approval but its decision is not `allow_with_approval`",
                    r.id.get_ref()
                ),
                None,
            )),
            _ => {}
        }
        let scopes_named: Vec<String> = r.scopes.as_ref().map_or_else(Vec::new, |s| {
            for name in s.get_ref() {
                if !scopes.iter().any(|x| x.id == *name) {
                    out.push(doc.error_at(
                        s.span(),
                        format!("{path}.scopes"),
                        format!("no access scope `{name}`"),
                        did_you_mean(name, scopes.iter().map(|k| k.id.as_str())),
                    ));
                }
            }
            s.get_ref().clone()
        });
        let approval = r.approval.as_ref().map(|a| Approval {
            id: a.id.get_ref().clone(),
            name: a.name.clone(),
            by: a.by.clone(),
        });
        for a in r.actions.get_ref() {
            if actions_seen.insert(a.as_str()) {
                actions.push(a.clone());
            }
        }
        for f in r
            .when
            .iter()
            .chain(&r.unless)
            .chain(approval.as_ref().map(|a| &a.id))
        {
            if facts_seen.insert(f.clone()) {
                facts.push(f.clone());
            }
        }
        rules.push(Rule {
            id: r.id.get_ref().clone(),
            actions: r.actions.get_ref().clone(),
            levels: indices(
                doc,
                r.levels.as_ref(),
                &levels,
                &format!("{path}.levels"),
                out,
            ),
            scopes: scopes_named,
            items: r.items.clone(),
            roles: indices(doc, r.roles.as_ref(), &roles, &format!("{path}.roles"), out),
            except_roles: indices(
                doc,
                r.except_roles.as_ref(),
                &roles,
                &format!("{path}.except_roles"),
                out,
            ),
            when: r.when.clone(),
            unless: r.unless.clone(),
            verdict,
            approval,
            conditions: r
                .conditions
                .iter()
                .map(|c| Condition {
                    id: c.id.clone(),
                    text: c.text.clone(),
                })
                .collect(),
            reason: r.reason.clone(),
            sources: crate::source::clauses_of(&r.source),
            defaults: defaults(&r.defaults),
        });
    }
    let otherwise = Otherwise {
        verdict: raw.otherwise.decision.into(),
        reason: raw.otherwise.reason.clone(),
        sources: raw
            .otherwise
            .source
            .as_ref()
            .map(crate::source::clauses_of)
            .unwrap_or_default(),
        defaults: defaults(&raw.otherwise.defaults),
    };
    if out.len() > before {
        return None;
    }
    Some(AccessModel {
        levels,
        roles,
        scopes,
        unmapped_level,
        rules,
        otherwise,
        actions,
        facts,
    })
}
