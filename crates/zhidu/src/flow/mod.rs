//! The item flow (S14.biz.1.2a): 一次性告知 → 受理 → 出具收件通知单内部流转 → 通知申请人结果 →
//! 发放审批结果, checked on the `step` events of each case. A case whose logged steps skip a
//! step or come out of order is one finding (每件扣2分: one piece), and each finding is an
//! incident of the policy's flow rule, charged like an overdue case: to the case's handler
//! (and its window), at the instant the breach shows. An assessment given a case log checks
//! the flow itself (`crate::assess`'s `flow_cases`): every host charges the findings without
//! feeding them back as incidents.
//!
//! A case without `step` events has no flow log and is not checked. A step is skipped when a
//! later step is logged without it, or when the case is completed without it (a completed
//! case has gone through the whole flow). A step is out of order when it is logged after a
//! later step.

pub(crate) mod check;
pub(crate) mod compile;
pub(crate) mod model;

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::source::DefaultNote;
use crate::{Case, Error, Incident, Policy, SkippedRow};

/// One case that broke the flow.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct FlowFinding {
    /// 1-based row of the case.
    pub row: usize,
    /// The case's id.
    pub case: String,
    /// Who is charged: the handler (the window only when the rule charges windows alone).
    pub subject: String,
    /// The case's window.
    pub window: Option<String>,
    /// When the breach shows: the first step logged out of order or past a skipped one, or
    /// the completion.
    pub at: DateTime<FixedOffset>,
    /// The steps logged, by id, in time order.
    pub logged: Vec<String>,
    /// Steps skipped, by id, in flow order.
    pub skipped: Vec<String>,
    /// Steps logged after a later step, by id, in time order.
    pub out_of_order: Vec<String>,
    /// The rule the finding is charged under (S14.biz.1.2a).
    pub rule: String,
    /// What went wrong, in words.
    pub reason: String,
    /// The clauses: the flow's.
    pub clauses: Vec<String>,
}

impl FlowFinding {
    /// The incident a finding is charged as: one piece of the flow rule, with its case.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Case, CaseEvent, Start};
    /// let s14 = zhidu::PolicySet::builtin()?.policy_arc("s14-window-scorecard")?;
    /// let mut c = Case::new("C1", "promised", "2026-10-09T09:00+08:00".parse::<Start>()?, Some(5));
    /// c.handler = Some("张三".into());
    /// c.events = CaseEvent::parse_list("step 2026-10-09T09:00 accept; step 2026-10-09T09:10 receipt")?;
    /// let f = s14.flow_findings(&[Ok(c)])?;
    /// let i = f.findings[0].incident();
    /// assert_eq!((i.rule.as_str(), i.quantity, i.case.as_deref()), ("S14.biz.1.2a", Some(1), Some("C1")));
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn incident(&self) -> Incident {
        let mut i = Incident::new(
            self.subject.clone(),
            self.rule.clone(),
            crate::deadline::Start::Instant(self.at),
        );
        i.window = self.window.clone();
        i.quantity = Some(1);
        i.case = Some(self.case.clone());
        i.note = Some(self.reason.clone());
        i
    }
}

/// The flow check of a case log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct FlowFindings {
    /// The policy.
    pub policy: String,
    /// The flow's steps, by id, in order.
    pub steps: Vec<String>,
    /// Cases that broke the flow, in input order.
    pub findings: Vec<FlowFinding>,
    /// Cases with `step` events, checked.
    pub checked: usize,
    /// Cases without `step` events: no flow log, not checked.
    pub unlogged: usize,
    /// The defaults the check used.
    pub defaults: Vec<DefaultNote>,
    /// One per bad row.
    pub errors: Vec<SkippedRow>,
}

impl FlowFindings {
    /// Every finding as an incident, for [`Policy::assess`]'s incidents.
    ///
    /// # Example
    ///
    /// ```
    /// let s14 = zhidu::PolicySet::builtin()?.policy_arc("s14-window-scorecard")?;
    /// assert!(s14.flow_findings(&[])?.incidents().is_empty());
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn incidents(&self) -> Vec<Incident> {
        self.findings.iter().map(FlowFinding::incident).collect()
    }
}

impl Policy {
    /// The cases whose logged steps skip or reorder the item flow (S14.biz.1.2a), each a
    /// finding charged as one piece of the flow rule.
    ///
    /// # Errors
    ///
    /// [`Error::Input`] when the policy has no `[flow]`; bad rows (an unknown step, a finding
    /// with nobody to charge) are in [`FlowFindings::errors`].
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Case, CaseEvent, Start};
    /// let s14 = zhidu::PolicySet::builtin()?.policy_arc("s14-window-scorecard")?;
    /// let mut c = Case::new("C1", "promised", "2026-10-09T09:00+08:00".parse::<Start>()?, Some(5));
    /// c.handler = Some("张三".into());
    /// // 受理 and 出具收件通知单 without the 一次性告知 before them: skipped.
    /// c.events = CaseEvent::parse_list("step 2026-10-09T09:00 accept; step 2026-10-09T09:10 receipt")?;
    /// let f = s14.flow_findings(&[Ok(c)])?;
    /// assert_eq!(f.findings[0].skipped, ["notice"]);
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    pub fn flow_findings(&self, cases: &[Result<Case, Error>]) -> Result<FlowFindings, Error> {
        let model = self.flow.as_ref().ok_or_else(|| {
            Error::input(
                format!("policy `{}` has no item flow", self.id),
                Some("policies with `[flow]`: s14-window-scorecard".to_owned()),
            )
        })?;
        let offset = self.calendar().offset();
        let mut out = FlowFindings {
            policy: self.id.clone(),
            steps: model.steps.iter().map(|s| s.id.clone()).collect(),
            findings: Vec::new(),
            checked: 0,
            unlogged: 0,
            defaults: model.defaults.clone(),
            errors: Vec::new(),
        };
        for (i, case) in cases.iter().enumerate() {
            let row = i + 1;
            let case = match case {
                Ok(c) => c,
                Err(e) => {
                    out.errors.push(SkippedRow::new("case", row, e.clone()));
                    continue;
                }
            };
            match check::case(model, case, row, offset) {
                Ok(None) => out.unlogged += 1,
                Ok(Some(finding)) => {
                    out.checked += 1;
                    out.findings.extend(finding);
                }
                Err(e) => out.errors.push(SkippedRow::new("case", row, e)),
            }
        }
        Ok(out)
    }
}
