//! From a policy file's `[access]` table to the access model, with the loader's diagnostics
//! (file, line, column, key path, hint): unknown levels, roles and scope items named by a
//! rule, an approval on a rule that is not `allow_with_approval`, a rule with no action.

use crate::load::spanned::Spanned;
use serde::Deserialize;

use super::model::{AccessModel, Approval, Condition, Named, Otherwise, Rule, Scope, Verdict};
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::load::document::Document;
use crate::load::fields::check_id;
use crate::load::raw::{RawCites, RawDefault};
use crate::source::DefaultNote;

/// A verdict as the file writes it.
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

/// `[[access.level]]`, `[[access.role]]`: an id and a display name.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNamed {
    pub(crate) id: Spanned<String>,
    pub(crate) name: String,
}

/// `[[access.scope]]`: a scope item and the level the regulation gives it, if any.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawScope {
    pub(crate) id: Spanned<String>,
    #[serde(default)]
    pub(crate) level: Option<Spanned<String>>,
    pub(crate) source: RawCites,
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// `[access.otherwise]`: the answer when no rule matches.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOtherwise {
    pub(crate) decision: RawVerdict,
    pub(crate) reason: String,
    #[serde(default)]
    pub(crate) source: Option<RawCites>,
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// `approval = { id, name, by }`: the fact that records it, what it is, who gives it.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawApproval {
    pub(crate) id: Spanned<String>,
    pub(crate) name: String,
    pub(crate) by: String,
}

/// `conditions = [{ id, text }]`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCondition {
    pub(crate) id: String,
    pub(crate) text: String,
}

/// `[[access.rule]]`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "RawAccessRule"))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRule {
    pub(crate) id: Spanned<String>,
    pub(crate) actions: Spanned<Vec<String>>,
    #[serde(default)]
    pub(crate) levels: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub(crate) scopes: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub(crate) items: Vec<String>,
    #[serde(default)]
    pub(crate) roles: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub(crate) except_roles: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub(crate) when: Vec<String>,
    #[serde(default)]
    pub(crate) unless: Vec<String>,
    pub(crate) decision: Spanned<RawVerdict>,
    #[serde(default)]
    pub(crate) approval: Option<RawApproval>,
    #[serde(default)]
    pub(crate) conditions: Vec<RawCondition>,
    pub(crate) reason: String,
    pub(crate) source: RawCites,
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// `[access]`: the whole section.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAccess {
    #[serde(default)]
    pub(crate) level: Vec<RawNamed>,
    #[serde(default)]
    pub(crate) role: Vec<RawNamed>,
    #[serde(default)]
    pub(crate) scope: Vec<RawScope>,
    #[serde(default)]
    pub(crate) unmapped_level: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) unmapped_defaults: Vec<RawDefault>,
    pub(crate) otherwise: RawOtherwise,
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
    for (i, n) in list.iter().enumerate() {
        let path = format!("access.{key}[{i}].id");
        if !check_id(doc, &n.id, &path, out) {
            continue;
        }
        if v.iter().any(|x| x.id == *n.id.get_ref()) {
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
            sources: s.source.clauses(),
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
    for (i, r) in raw.rule.iter().enumerate() {
        let path = format!("access.rule[{i}]");
        if !check_id(doc, &r.id, &format!("{path}.id"), out) {
            continue;
        }
        if rules.iter().any(|x| x.id == *r.id.get_ref()) {
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
            if !actions.contains(a) {
                actions.push(a.clone());
            }
        }
        for f in r
            .when
            .iter()
            .chain(&r.unless)
            .chain(approval.as_ref().map(|a| &a.id))
        {
            if !facts.contains(f) {
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
            sources: r.source.clauses(),
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
            .map(RawCites::clauses)
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
