//! The compiled training subsidies of a policy (S8.train.1a/1b): who is paid and how much a
//! full month.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::source::{Clause, DefaultNote};

/// Who a subsidy is paid to.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Payee {
    /// The trainee (生活补贴, S8.train.1a).
    Trainee,
    /// The employer, per trainee (随岗培训补贴管理费, S8.train.1b).
    Employer,
}

/// One monthly subsidy.
#[derive(Clone, Debug)]
pub(crate) struct Subsidy {
    pub(crate) monthly: Decimal,
    pub(crate) source: Clause,
    pub(crate) defaults: Vec<DefaultNote>,
}

/// A policy's subsidies: at most one per payee.
#[derive(Clone, Debug)]
pub(crate) struct Model {
    pub(crate) trainee: Option<Subsidy>,
    pub(crate) employer: Option<Subsidy>,
}
