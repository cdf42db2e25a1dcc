//! The compiled 验厂 triggers of a policy (S8.verify.1–7): each a clause, the kind of check it
//! calls for, and the test that fires it with its parameters.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::source::{Clause, DefaultNote};

/// What a verification looks at (S8 二(三): 生产能力 or 经营情况).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Check {
    /// 生产能力: the firm's production capacity (S8.verify.1, 4, 5).
    Capacity,
    /// 经营情况: the firm's operations (S8.verify.2, 3, 6).
    Operations,
    /// Any other case a person names (S8.verify.7).
    Other,
}

/// The test of a trigger, with its parameters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Test {
    /// A newly established processing-trade firm (S8.verify.1).
    NewEnterprise,
    /// A halt of at least `months` months, then a new contract (S8.verify.2).
    HaltThenNewContract { months: u32 },
    /// Any new contract (S8.verify.3).
    NewContract,
    /// Products beyond the original business scope (S8.verify.4).
    BeyondScope,
    /// Declared quantity ≥ `ratio` × the largest write-off of the contracts executed in the
    /// `months` months up to the application (S8.verify.5).
    DeclaredOverWriteOff { ratio: Decimal, months: u32 },
    /// Rent or wage arrears of at least `months` months (S8.verify.6).
    Arrears { months: u32 },
    /// Another case a person records with its reason (S8.verify.7).
    Other,
}

/// One trigger.
#[derive(Clone, Debug)]
pub(crate) struct Trigger {
    pub(crate) name: String,
    pub(crate) check: Check,
    pub(crate) test: Test,
    pub(crate) source: Clause,
    pub(crate) defaults: Vec<DefaultNote>,
}

/// A policy's triggers, in file order.
#[derive(Clone, Debug)]
pub(crate) struct Model {
    pub(crate) triggers: Vec<Trigger>,
}
