//! The typed access rules of a policy: its secrecy levels, roles and scope items, and the
//! rules that answer a request with allow, deny, or allow with an approval.

use crate::source::{Clause, DefaultNote};

/// What a rule answers.
///
/// # Example
///
/// ```
/// assert_eq!(serde_json::to_string(&zhidu::Verdict::AllowWithApproval).unwrap(), "\"allow_with_approval\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Allowed as asked.
    Allow,
    /// Allowed once the named approval is given.
    AllowWithApproval,
    /// Not allowed.
    Deny,
}

impl core::fmt::Display for Verdict {
    /// The serde spelling: `allow`, `allow_with_approval`, `deny`.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            Verdict::Allow => "allow",
            Verdict::AllowWithApproval => "allow_with_approval",
            Verdict::Deny => "deny",
        })
    }
}

/// A named thing (a level, a role) with its display name.
#[derive(Clone, Debug)]
pub(crate) struct Named {
    pub(crate) id: String,
    pub(crate) name: String,
}

/// A scope item (S12.3.2 a–n): which level it has, if the regulation gives one.
#[derive(Clone, Debug)]
pub(crate) struct Scope {
    pub(crate) id: String,
    /// Index into the levels; `None` for an item the regulation leaves without a level.
    pub(crate) level: Option<usize>,
    pub(crate) sources: Vec<Clause>,
    pub(crate) defaults: Vec<DefaultNote>,
}

/// An approval a rule needs, and the fact that records it was given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Approval {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) by: String,
}

/// An obligation that comes with an allowed request (return the same day …).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Condition {
    pub(crate) id: String,
    pub(crate) text: String,
}

/// One rule: what it matches and what it answers.
#[derive(Clone, Debug)]
pub(crate) struct Rule {
    pub(crate) id: String,
    pub(crate) actions: Vec<String>,
    /// Level indices; empty = any.
    pub(crate) levels: Vec<usize>,
    pub(crate) scopes: Vec<String>,
    pub(crate) items: Vec<String>,
    /// Role indices; empty = anyone.
    pub(crate) roles: Vec<usize>,
    pub(crate) except_roles: Vec<usize>,
    pub(crate) when: Vec<String>,
    pub(crate) unless: Vec<String>,
    pub(crate) verdict: Verdict,
    pub(crate) approval: Option<Approval>,
    pub(crate) conditions: Vec<Condition>,
    pub(crate) reason: String,
    pub(crate) sources: Vec<Clause>,
    pub(crate) defaults: Vec<DefaultNote>,
}

/// The answer when no rule matches.
#[derive(Clone, Debug)]
pub(crate) struct Otherwise {
    pub(crate) verdict: Verdict,
    pub(crate) reason: String,
    pub(crate) sources: Vec<Clause>,
    pub(crate) defaults: Vec<DefaultNote>,
}

/// A policy's access rules.
#[derive(Clone, Debug)]
pub(crate) struct AccessModel {
    pub(crate) levels: Vec<Named>,
    pub(crate) roles: Vec<Named>,
    pub(crate) scopes: Vec<Scope>,
    /// The level of a scope item without one, and why (A24).
    pub(crate) unmapped_level: Option<(usize, Vec<DefaultNote>)>,
    pub(crate) rules: Vec<Rule>,
    pub(crate) otherwise: Otherwise,
    /// Every action some rule names.
    pub(crate) actions: Vec<String>,
    /// Every fact some rule reads (`when`, `unless`, approvals).
    pub(crate) facts: Vec<String>,
}

impl AccessModel {
    /// The index of a level by id or name.
    pub(crate) fn level(&self, key: &str) -> Option<usize> {
        self.levels
            .iter()
            .position(|l| l.id == key || l.name == key)
    }

    /// The index of a role by id or name.
    pub(crate) fn role(&self, key: &str) -> Option<usize> {
        self.roles.iter().position(|r| r.id == key || r.name == key)
    }
}
