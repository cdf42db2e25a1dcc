//! Recurring obligations (S5, S3, S1, S9, S11, S6): what is owed, how often, in which window
//! from the calendar, who is charged; and a log of actions judged against them.
//!
//! Each `[[obligation]]` has a cadence: `monthly` (once per block of `every` calendar
//! months, optionally in a `season` of months), `business_days` (each working day of the
//! calendar, optionally in a season), `before_holiday_blocks` (due on the last working day
//! before each run of rest days that holds a statutory holiday), `before_opening`
//! (`lead_minutes` before each of the policy's office sessions opens), or `unset` with the
//! `reason` no period is built in (定期 carries no number, A32): a centre gives such an
//! obligation a cadence in its own policy file.

mod compile;
mod judge;
pub(crate) mod model;
mod schedule;

pub(crate) use compile::{RawObligation, compile_obligations};
pub use judge::{ObligationOutcome, Obligations, Occurrence, OccurrenceStatus, Unscheduled};
