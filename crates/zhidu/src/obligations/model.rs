//! The data of recurring obligations: what, how often, who is charged, and the clauses.

use crate::source::{Clause, DefaultNote};

/// How often an obligation falls due, and the window of each occurrence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Cadence {
    /// Once in each block of `every` calendar months, counted from January (1: each month,
    /// 3: each quarter), in the months of `season` only; met by an action in the block.
    Monthly {
        every: u32,
        season: Option<(u32, u32)>,
    },
    /// Each working day of the calendar (in `season`); met by an action that day.
    BusinessDays { season: Option<(u32, u32)> },
    /// Before each holiday block (a run of rest days holding a statutory holiday): due on the
    /// last working day before it; an action during the block is late.
    BeforeHolidayBlocks,
    /// `lead_minutes` before each office session opens, on each day the sessions are kept;
    /// an arrival after that but before the session ends is late.
    BeforeOpening { lead_minutes: u32 },
    /// The regulation gives no period (定期, A32): nothing falls due until a centre sets one.
    Unset { reason: String },
}

impl Cadence {
    /// The cadence's name, as in the policy file.
    pub(crate) fn name(&self) -> &'static str {
        match self {
            Cadence::Monthly { .. } => "monthly",
            Cadence::BusinessDays { .. } => "business_days",
            Cadence::BeforeHolidayBlocks => "before_holiday_blocks",
            Cadence::BeforeOpening { .. } => "before_opening",
            Cadence::Unset { .. } => "unset",
        }
    }
}

/// One `[[obligation]]`.
#[derive(Clone, Debug)]
pub(crate) struct Obligation {
    pub(crate) id: String,
    pub(crate) what: String,
    pub(crate) charge: String,
    pub(crate) cadence: Cadence,
    pub(crate) source: Vec<Clause>,
    pub(crate) defaults: Vec<DefaultNote>,
}

/// A policy's obligations, in file order.
#[derive(Clone, Debug)]
pub(crate) struct ObligationsModel {
    pub(crate) list: Vec<Obligation>,
}
