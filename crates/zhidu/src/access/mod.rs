//! Access rules (S12 secrecy levels and readers, S1 window IT, S3/S9 equipment, S6 additive
//! stores): a request — who, in which role, does what to which item — becomes `allow`,
//! `deny`, or `allow_with_approval` naming the approval and who gives it, with the clauses and
//! defaults that decided it.
//!
//! A policy's `[access]` table declares its levels, roles and scope items and its rules. Every
//! rule that matches a request counts: a `deny` overrides everything (a ban the regulation
//! states is never lifted by another rule's permission); otherwise the approvals of the
//! matching rules are all needed, and a request whose facts record every one of them is
//! allowed; with no approval needed it is allowed. With no rule matching, the table's
//! `otherwise` answers.

pub(crate) mod compile;
mod evaluate;
pub(crate) mod model;

use serde::Serialize;

pub use model::Verdict;

use crate::source::DefaultNote;
use crate::{Error, SkippedRow};

/// A request: who asks, in which role, to do what with which item, and the facts known.
///
/// # Example
///
/// ```
/// let r = zhidu::AccessRequest::new("王五", "leader", "read").level("绝密");
/// assert_eq!(r.level.as_deref(), Some("绝密"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct AccessRequest {
    /// The person.
    pub subject: String,
    /// The person's role or level, as the policy names it (id or display name).
    pub role: String,
    /// The action: `read`, `copy`, `borrow`, `lend`, `take_out`, `repair`, `share` …
    pub action: String,
    /// The item, as the policy's rules name items (`window_disk`, `equipment` …).
    pub item: Option<String>,
    /// The item's secrecy level (id or name, such as `秘密`).
    pub level: Option<String>,
    /// The item's scope item when it has no level marked (S12.3.2 `k` …).
    pub scope: Option<String>,
    /// Facts the rules read: approvals given, `work_need`, `permission` …
    pub facts: Vec<String>,
    /// A note.
    pub note: Option<String>,
}

impl AccessRequest {
    /// A request without item, level, scope or facts.
    ///
    /// # Example
    ///
    /// ```
    /// let r = zhidu::AccessRequest::new("张三", "staff", "repair");
    /// assert!(r.facts.is_empty());
    /// ```
    #[must_use]
    pub fn new(
        subject: impl Into<String>,
        role: impl Into<String>,
        action: impl Into<String>,
    ) -> AccessRequest {
        AccessRequest {
            subject: subject.into(),
            role: role.into(),
            action: action.into(),
            item: None,
            level: None,
            scope: None,
            facts: Vec::new(),
            note: None,
        }
    }

    /// The same request about an item.
    ///
    /// # Example
    ///
    /// ```
    /// let r = zhidu::AccessRequest::new("张三", "staff", "lend").item("window_disk");
    /// assert_eq!(r.item.as_deref(), Some("window_disk"));
    /// ```
    #[must_use]
    pub fn item(mut self, item: impl Into<String>) -> AccessRequest {
        self.item = Some(item.into());
        self
    }

    /// The same request about an item of a secrecy level.
    ///
    /// # Example
    ///
    /// ```
    /// let r = zhidu::AccessRequest::new("张三", "staff", "read").level("秘密");
    /// assert_eq!(r.level.as_deref(), Some("秘密"));
    /// ```
    #[must_use]
    pub fn level(mut self, level: impl Into<String>) -> AccessRequest {
        self.level = Some(level.into());
        self
    }

    /// The same request about a scope item without a marked level.
    ///
    /// # Example
    ///
    /// ```
    /// let r = zhidu::AccessRequest::new("张三", "staff", "read").scope("k");
    /// assert_eq!(r.scope.as_deref(), Some("k"));
    /// ```
    #[must_use]
    pub fn scope(mut self, scope: impl Into<String>) -> AccessRequest {
        self.scope = Some(scope.into());
        self
    }

    /// The same request with facts.
    ///
    /// # Example
    ///
    /// ```
    /// let r = zhidu::AccessRequest::new("张三", "staff", "borrow").facts(["manager_approval"]);
    /// assert_eq!(r.facts, ["manager_approval"]);
    /// ```
    #[must_use]
    pub fn facts<S: Into<String>>(mut self, facts: impl IntoIterator<Item = S>) -> AccessRequest {
        self.facts = facts.into_iter().map(Into::into).collect();
        self
    }
}

/// An approval a decision needs, and whether the request's facts record it as given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ApprovalNeed {
    /// The fact that records it (`manager_approval` …).
    pub id: String,
    /// What it is (经理审批同意 …).
    pub name: String,
    /// Who gives it.
    pub by: String,
    /// Whether the request's facts record it.
    pub given: bool,
}

/// An obligation that comes with an allowed request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct AccessCondition {
    /// Its id (`same_day_return` …).
    pub id: String,
    /// What it asks, in the regulation's words.
    pub text: String,
}

/// The answer to one request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct AccessDecision {
    /// 1-based row of the request.
    pub row: usize,
    /// The person.
    pub subject: String,
    /// The role, as the policy names it (its id).
    pub role: String,
    /// The action.
    pub action: String,
    /// The item.
    pub item: Option<String>,
    /// The secrecy level the decision used (its id): the request's, or its scope item's.
    pub level: Option<String>,
    /// `allow`, `deny` or `allow_with_approval`.
    pub decision: Verdict,
    /// The approvals needed (all given when `decision` is `allow` after an approval).
    pub approvals: Vec<ApprovalNeed>,
    /// Obligations that come with it (return the same day …); none on a denial.
    pub conditions: Vec<AccessCondition>,
    /// The rules that decided, in the policy's order; empty when `otherwise` answered.
    pub rules: Vec<String>,
    /// Why, in the rules' words.
    pub reasons: Vec<String>,
    /// The clauses of the deciding rules (and of the scope item's level).
    pub clauses: Vec<String>,
    /// The defaults used: the rules', the scope item's, the unmapped level's.
    pub defaults: Vec<DefaultNote>,
    /// The request's note.
    pub note: Option<String>,
}

/// The answers to a batch of requests.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct AccessDecisions {
    /// The policy.
    pub policy: String,
    /// One per good row, in row order.
    pub decisions: Vec<AccessDecision>,
    /// One per bad row.
    pub errors: Vec<SkippedRow>,
}

impl crate::Policy {
    /// Answer a batch of access requests: every good row is answered, every bad row (an
    /// unknown role, level, scope item, action or fact) is one error with its row number.
    ///
    /// # Errors
    ///
    /// [`Error::Input`] when the policy has no `[access]` table.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{AccessRequest, Verdict};
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let p = ps.policy("s12-confidentiality").unwrap();
    /// // 3.4.5: borrowing a secret document needs the manager's approval, returned the same day.
    /// let d = p.access(&[Ok(AccessRequest::new("赵六", "staff", "borrow").level("秘密"))]).unwrap();
    /// let one = &d.decisions[0];
    /// assert_eq!(one.decision, Verdict::AllowWithApproval);
    /// assert_eq!(one.approvals[0].by, "物业服务中心经理");
    /// assert_eq!(one.conditions[0].id, "same_day_return");
    /// ```
    pub fn access(
        &self,
        requests: &[Result<AccessRequest, Error>],
    ) -> Result<AccessDecisions, Error> {
        let model = self.access.as_ref().ok_or_else(|| {
            Error::input(
                format!("policy `{}` has no access rules", self.id),
                Some("policies with `[access]`: s1-window-it, s3-culture-centre, s6-food-additives, s9-culture-centre-variant, s12-confidentiality".to_owned()),
            )
        })?;
        let mut decisions = Vec::new();
        let mut errors = Vec::new();
        for (i, r) in requests.iter().enumerate() {
            let row = i + 1;
            match r {
                Err(e) => errors.push(SkippedRow::new("request", row, e.clone())),
                Ok(req) => match evaluate::decide(model, req, row) {
                    Ok(d) => decisions.push(d),
                    Err(e) => errors.push(SkippedRow::new("request", row, e)),
                },
            }
        }
        Ok(AccessDecisions {
            policy: self.id.clone(),
            decisions,
            errors,
        })
    }
}
