//! One request against the rules: resolve the role, level and facts, collect every matching
//! rule, and combine them (deny overrides; approvals add up; no match → `otherwise`).

use super::model::{AccessModel, Rule, Verdict};
use super::{AccessCondition, AccessDecision, AccessRequest, ApprovalNeed};
use crate::Error;
use crate::source::DefaultNote;

/// A name the policy does not know, with a "did you mean" among the known ones.
fn unknown<'a>(what: &str, given: &str, known: impl IntoIterator<Item = &'a str>) -> Error {
    Error::input(
        format!("policy has no access {what} `{given}`"),
        crate::closest(given, known).map(|c| format!("did you mean `{c}`?")),
    )
}

fn push_unique<T: PartialEq>(list: &mut Vec<T>, value: T) {
    if !list.contains(&value) {
        list.push(value);
    }
}

/// Whether `rule` applies to the resolved request.
fn matches(
    rule: &Rule,
    req: &AccessRequest,
    role: usize,
    level: Option<usize>,
    facts: &[&str],
) -> bool {
    rule.actions.contains(&req.action)
        && (rule.levels.is_empty() || level.is_some_and(|l| rule.levels.contains(&l)))
        && (rule.scopes.is_empty() || req.scope.as_ref().is_some_and(|s| rule.scopes.contains(s)))
        && (rule.items.is_empty() || req.item.as_ref().is_some_and(|i| rule.items.contains(i)))
        && (rule.roles.is_empty() || rule.roles.contains(&role))
        && !rule.except_roles.contains(&role)
        && rule.when.iter().all(|f| facts.contains(&f.as_str()))
        && !rule.unless.iter().any(|f| facts.contains(&f.as_str()))
}

pub(super) fn decide(
    m: &AccessModel,
    req: &AccessRequest,
    row: usize,
) -> Result<AccessDecision, Error> {
    let role = m
        .role(&req.role)
        .ok_or_else(|| unknown("role", &req.role, m.roles.iter().map(|r| r.id.as_str())))?;
    if !m.actions.contains(&req.action) {
        return Err(unknown(
            "action",
            &req.action,
            m.actions.iter().map(String::as_str),
        ));
    }
    let facts: Vec<&str> = req
        .facts
        .iter()
        .map(|f| f.trim())
        .filter(|f| !f.is_empty())
        .collect();
    if let Some(f) = facts.iter().find(|f| !m.facts.iter().any(|k| k == *f)) {
        return Err(unknown("fact", f, m.facts.iter().map(String::as_str)));
    }
    let mut clauses: Vec<String> = Vec::new();
    let mut defaults: Vec<DefaultNote> = Vec::new();
    // The level: the request's marking, else its scope item's, else the unmapped level (A24).
    let level = match (&req.level, &req.scope) {
        (Some(l), _) => Some(
            m.level(l)
                .ok_or_else(|| unknown("level", l, m.levels.iter().map(|x| x.id.as_str())))?,
        ),
        (None, Some(s)) => {
            let scope = m
                .scopes
                .iter()
                .find(|x| x.id == *s)
                .ok_or_else(|| unknown("scope", s, m.scopes.iter().map(|x| x.id.as_str())))?;
            for c in &scope.sources {
                push_unique(&mut clauses, c.clause.clone());
            }
            defaults.extend(scope.defaults.iter().cloned());
            match (scope.level, &m.unmapped_level) {
                (Some(l), _) => Some(l),
                (None, Some((l, notes))) => {
                    defaults.extend(notes.iter().cloned());
                    Some(*l)
                }
                (None, None) => None,
            }
        }
        (None, None) => None,
    };
    let matched: Vec<&Rule> = m
        .rules
        .iter()
        .filter(|r| matches(r, req, role, level, &facts))
        .collect();
    let denied = matched.iter().any(|r| r.verdict == Verdict::Deny);
    // A denial is decided by the denying rules only; otherwise by every matching rule.
    let deciding: Vec<&Rule> = matched
        .iter()
        .copied()
        .filter(|r| !denied || r.verdict == Verdict::Deny)
        .collect();
    let mut approvals: Vec<ApprovalNeed> = Vec::new();
    let mut conditions: Vec<AccessCondition> = Vec::new();
    let mut reasons: Vec<String> = Vec::new();
    for r in &deciding {
        for c in &r.sources {
            push_unique(&mut clauses, c.clause.clone());
        }
        for d in &r.defaults {
            push_unique(&mut defaults, d.clone());
        }
        push_unique(&mut reasons, r.reason.clone());
        if denied {
            continue;
        }
        if let Some(a) = &r.approval {
            if !approvals.iter().any(|x| x.id == a.id) {
                approvals.push(ApprovalNeed {
                    id: a.id.clone(),
                    name: a.name.clone(),
                    by: a.by.clone(),
                    given: facts.contains(&a.id.as_str()),
                });
            }
        }
        for c in &r.conditions {
            if !conditions.iter().any(|x| x.id == c.id) {
                conditions.push(AccessCondition {
                    id: c.id.clone(),
                    text: c.text.clone(),
                });
            }
        }
    }
    let decision = if deciding.is_empty() {
        let o = &m.otherwise;
        for c in &o.sources {
            push_unique(&mut clauses, c.clause.clone());
        }
        for d in &o.defaults {
            push_unique(&mut defaults, d.clone());
        }
        reasons.push(o.reason.clone());
        o.verdict
    } else if denied {
        Verdict::Deny
    } else if approvals.iter().all(|a| a.given) {
        Verdict::Allow
    } else {
        Verdict::AllowWithApproval
    };
    Ok(AccessDecision {
        row,
        subject: req.subject.clone(),
        role: m
            .roles
            .get(role)
            .map_or_else(|| req.role.clone(), |r| r.id.clone()),
        action: req.action.clone(),
        item: req.item.clone(),
        level: level.and_then(|l| m.levels.get(l)).map(|l| l.id.clone()),
        decision,
        approvals,
        conditions,
        rules: deciding.iter().map(|r| r.id.clone()).collect(),
        reasons,
        clauses,
        defaults,
        note: req.note.clone(),
    })
}
