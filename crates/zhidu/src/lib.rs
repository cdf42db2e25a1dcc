//! # zhidu (制度): the regulations of Chinese administrative service centres as code
//!
//! zhidu loads regulations as typed policies from TOML files — deadline classes with their
//! statutory working-day calendar, deduction tables, accountability tiers — and answers, with
//! an explanation that cites every clause used:
//!
//! - **when is a case due, and is it on time?** ([`Policy::due`], [`Policy::case_status`])
//!
//! ```
//! use zhidu::{PolicySet, Start};
//!
//! let policies = PolicySet::builtin()?;
//! let s2 = policies.policy("s2-service-center")?;
//! // A 承诺件 accepted on 2026-09-30 with 5 promised working days: 10-01..10-07 are the
//! // National Day holidays and Saturday 10-10 is a make-up working day (调休).
//! let due = s2.due("promised", "2026-09-30T10:00:00+08:00".parse::<Start>()?, Some(5))?;
//! assert_eq!(due.due_date.to_string(), "2026-10-13");
//! # Ok::<(), zhidu::Error>(())
//! ```
//!
//! The core does no I/O except in its explicit loader ([`PolicySet::load`]) and never reads
//! the clock: "now" is always a parameter.

mod assess;
mod calendar;
mod case;
mod deadline;
mod decide;
mod describe;
mod diagnostic;
mod error;
mod messages;
mod notice_diff;
mod policy;
mod source;
mod warning;

/// A hash map with foldhash instead of SipHash, for the maps looked up once or more per
/// answer (classes and suspension reasons by id, rules and subjects while scoring): SipHash
/// was a quarter of the scorer's time. Seeded at random per map like std's; its resistance to
/// crafted collisions is weaker than SipHash's, which would take an attacker able to study
/// the process's timing over many runs.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

pub use assess::{
    AssessRequest, Assessment, CategoryInfo, CategoryScore, Charge, DeductionTable,
    Disqualification, EffectHit, EffectInfo, Incident, Line, LineSource, MAX_FINE, MAX_QUANTITY,
    Period, PeriodKind, Points, RowError, RuleInfo, RuleKind, RuleUnit, Scorecard, SubjectKind,
    WindowRank,
};
pub use calendar::{Calendar, DayKind, StatutoryDay, StatutoryKind, SubstituteRule, YearDay};
pub use case::{Case, CaseEvent, CaseStatus, MAX_EVENTS_PER_CASE, Status};
pub use deadline::{
    Class, ClockStart, DayStep, DayStepKind, Due, DueExplanation, Effect, MAX_BATCH, Start,
    SuspensionReason, Unit,
};
pub use decide::{
    AccountabilityRules, Decision, Decisions, Escalation, FlagInfo, PriorDecision, SubjectSummary,
    TierInfo, ViolationInfo, ViolationRecord,
};
pub use describe::CalendarDay;
pub use diagnostic::{Diagnostic, Severity, closest};
pub use error::Error;
pub use messages::Lang;
pub use notice_diff::CaseChange;
pub use policy::{
    MAX_ENTRIES, MAX_FILE_BYTES, MAX_FILES, MAX_ID_LEN, MAX_NESTING, MAX_SET_BYTES, Policy,
    PolicySet,
};
pub use source::{Clause, DefaultNote};
pub use warning::Warning;

// Policies are shared across threads by every host (Python threads, worker pools), and
// results are sent between them: this fails to compile, in every build and not only under
// `cfg(test)`, if any of these stops being `Send + Sync`.
const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Policy>();
    assert_send_sync::<PolicySet>();
    assert_send_sync::<Calendar>();
    assert_send_sync::<Class<'static>>();
    assert_send_sync::<Error>();
    assert_send_sync::<Due>();
    assert_send_sync::<DueExplanation>();
    assert_send_sync::<CaseStatus>();
    assert_send_sync::<CaseChange>();
    assert_send_sync::<YearDay>();
    assert_send_sync::<StatutoryDay>();
    assert_send_sync::<Assessment>();
    assert_send_sync::<Decisions>();
    assert_send_sync::<AccountabilityRules>();
    assert_send_sync::<DeductionTable>();
};

/// The README's Rust examples run as doctests, so the front door never lies.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;
