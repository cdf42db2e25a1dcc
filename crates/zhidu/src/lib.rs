//! # zhidu (制度): the regulations of Chinese administrative service centres as code
//!
//! zhidu loads regulations as typed policies from TOML files — deadline classes with their
//! statutory working-day calendar, deduction tables, accountability tiers — and answers, each
//! citing every clause used:
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
//! - **what does a month of incidents cost each person and window?** ([`Policy::assess`]:
//!   scorecards with exact points and money, the window ranking)
//!
//! ```
//! use zhidu::{AssessRequest, Incident, PolicySet, Start};
//!
//! let s14 = PolicySet::builtin()?.policy_arc("s14-window-scorecard")?;
//! // S14.att.6 (收受礼品): 扣10—20分, here 15, with its reason (A6).
//! let mut bribe = Incident::new("张三", "S14.att.6", "2026-10-20".parse::<Start>()?);
//! bribe.window = Some("W01".into());
//! bribe.points = Some(15);
//! bribe.note = Some("收受礼品, 经查实".into());
//! let out = s14.assess(&AssessRequest::new("2026-10".parse()?).incidents(&[bribe]))?;
//! assert_eq!((out.scorecards[0].subject.as_str(), out.scorecards[0].total), ("张三", 75));
//! # Ok::<(), zhidu::Error>(())
//! ```
//!
//! - **which tier of accountability does a violation call for?** ([`Policy::decide`])
//!
//! ```
//! use zhidu::{PolicySet, Start, ViolationRecord};
//!
//! let s2 = PolicySet::builtin()?.policy_arc("s2-service-center")?;
//! // Left the post twice within 12 months: 批评教育, then tier 2 (S2.zr.t2.4).
//! let history = [
//!     Ok(ViolationRecord::new("张三", "S2.zr.t1.1", "2025-11-03".parse::<Start>()?)),
//!     Ok(ViolationRecord::new("张三", "S2.zr.t1.1", "2026-10-12".parse::<Start>()?)),
//! ];
//! let d = s2.decide(&history, None)?;
//! assert_eq!((d.decisions[0].tier, d.decisions[1].tier), (Some(1), Some(2)));
//! # Ok::<(), zhidu::Error>(())
//! ```
//!
//! The core does no I/O except in its explicit loader ([`PolicySet::load`]) and never reads
//! the clock: "now" is always a parameter.
//!
//! # Layout
//!
//! The modules are layered (the README's Layout section has the map, and
//! `tests/layout.rs` keeps it):
//!
//! - the **ground floor**: the working-day [`Calendar`], [`Diagnostic`]s, the one [`Error`],
//!   [`Warning`]s, the [`Clause`]s answers cite, and the loader's reading layer (`load/`:
//!   TOML with spans, the sections' shapes, and the file-system walk, the only I/O);
//! - the **domains**, each with its data, the compiler of its sections and its answers as
//!   an `impl Policy` block: deadlines ([`Policy::due`], [`Class`]), cases
//!   ([`Policy::case_status`]), scoring ([`Policy::assess`]) and accountability
//!   ([`Policy::decide`]);
//! - **policy**: what a [`Policy`] is (its identity and the domains' data it holds) and how a
//!   [`PolicySet`] is assembled from files.

mod access;
mod assess;
mod calendar;
mod case;
mod catalog;
pub mod columns;
mod coverage;
mod deadline;
mod decide;
mod describe;
mod diagnostic;
mod error;
mod flow;
#[cfg(feature = "schema")]
pub mod fmt;
mod load;
mod messages;
mod notice_diff;
mod obligations;
mod policy;
mod report;
mod retention;
mod rota;
pub mod rows;
#[cfg(feature = "schema")]
pub mod schema;
mod source;
mod stamp;
mod subsidies;
mod triggers;
mod warning;
mod what_if;

/// A hash map with foldhash instead of SipHash, for the maps looked up once or more per
/// answer (classes and suspension reasons by id, rules and subjects while scoring): SipHash
/// was a quarter of the scorer's time. Seeded at random per map like std's; its resistance to
/// crafted collisions is weaker than SipHash's, which would take an attacker able to study
/// the process's timing over many runs.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

pub use access::{
    AccessCondition, AccessDecision, AccessDecisions, AccessRequest, ApprovalNeed, Verdict,
};
pub use assess::{
    AssessRequest, Assessment, CategoryInfo, CategoryScore, Charge, DeductionTable,
    Disqualification, EffectHit, EffectInfo, Incident, Line, LineSource, MAX_FINE, MAX_QUANTITY,
    Period, PeriodKind, Points, RuleGroup, RuleInfo, RuleKind, RuleUnit, Scorecard, SkippedRow,
    SubjectKind, WindowRank,
};
pub use assess::{IncidentColumns, InstantColumn, InstantUnit, TextColumn};
pub use calendar::{Calendar, DayKind, StatutoryDay, StatutoryKind, SubstituteRule, YearDay};
pub use case::{Case, CaseEvent, CaseStatus, MAX_EVENTS_PER_CASE, Status};
pub use catalog::{
    Citing, ClauseFacts, DefaultMark, Entry, EntryRef, EntryUse, EntryValue, Explanation,
    MarkedDefault, PolicyRules, SiteFile,
};
pub use coverage::{
    ClauseCoverage, ClauseKind, ClauseStatus, CoverageReason, CoverageTotals, Encoding,
    RegulationCoverage,
};
pub use deadline::{
    Class, ClockStart, DayStep, DayStepKind, Due, DueExplanation, Effect, MAX_BATCH, Start,
    SuspensionReason, Unit, instant_words,
};
pub use decide::{
    AccountabilityRules, Decision, Decisions, Escalation, FlagInfo, PriorDecision, SubjectSummary,
    TierInfo, ViolationInfo, ViolationRecord,
};
pub use describe::CalendarDay;
pub use diagnostic::{Diagnostic, Severity, closest};
pub use error::Error;
pub use flow::{FlowFinding, FlowFindings};
pub use load::{MAX_FILE_BYTES, MAX_FILES, MAX_ID_LEN, MAX_NESTING, MAX_SET_BYTES};
pub use messages::{Lang, MessageKey};
pub use obligations::{ObligationOutcome, Obligations, Occurrence, OccurrenceStatus, Unscheduled};
pub use policy::{MAX_ENTRIES, Policy, PolicySet};
pub use report::{
    CategoryDeduction, Change, Figures, HighestTier, LONGEST_OVERDUE, PreviousPeriod, Rate, Report,
    ReportBuilder, ReportRequest, TOP_WINDOWS,
};
pub use retention::{Retained, Retention, RetentionLine, RetentionRecord};
pub use rota::{
    DutyAssignment, DutyFailure, DutyWindow, FailureIncident, PatrolCheck, Rota, RotaMonth,
    StandIn, WindowPatrols,
};
pub use source::{Clause, DefaultNote};
pub use stamp::Stamp;
pub use subsidies::{EmployerSubsidy, PartialMonth, Payee, Subsidies, Trainee, TraineeSubsidy};
pub use triggers::{Check, EnterpriseFacts, EnterpriseTriggers, Fired, Triggers, WriteOff};
pub use warning::Warning;
pub use what_if::{
    CaseChange, DecisionChange, RankChange, RankSide, Responsible, ScoreChange, ScoreSide, WhatIf,
    WhatIfSkipped, WhatIfTotals,
};

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
    assert_send_sync::<Report>();
    assert_send_sync::<AccessDecisions>();
    assert_send_sync::<Retention>();
    assert_send_sync::<Triggers>();
    assert_send_sync::<Subsidies>();
    assert_send_sync::<FlowFindings>();
};

/// The README's Rust examples run as doctests, so the front door never lies.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;
