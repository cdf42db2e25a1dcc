//! The compiled item flow of a policy (S14.biz.1.2a): its ordered steps and the rule a case
//! that breaks the order is charged under.

use crate::source::{Clause, DefaultNote};

/// One step of the flow.
#[derive(Clone, Debug)]
pub(crate) struct Step {
    pub(crate) id: String,
    pub(crate) name: String,
}

/// The flow: steps in their required order.
#[derive(Clone, Debug)]
pub(crate) struct Model {
    pub(crate) steps: Vec<Step>,
    /// The deduction rule of a finding (a code of the policy's table).
    pub(crate) rule: String,
    /// The rule charges the window only: a case without a handler is charged to its window.
    pub(crate) window_only: bool,
    pub(crate) source: Clause,
    pub(crate) defaults: Vec<DefaultNote>,
}

impl Model {
    /// The rank of a step given by id or name.
    pub(crate) fn rank(&self, step: &str) -> Option<usize> {
        let s = step.trim();
        self.steps.iter().position(|x| x.id == s || x.name == s)
    }
}
