//! Deduction tables (考核细则): scorecards with category floors, bonuses, fines and effects,
//! automatic deductions from overdue cases, and the monthly window ranking (红旗窗口).
//!
//! Semantics: a category's score is `max(floor, maximum − deductions)`; bonuses are summed
//! apart, so `total = Σ category scores + bonus` and may exceed 100 (A8). Every line keeps
//! its rule code (the clause id), the Chinese source quote and the defaults it used.

mod cards;
mod case_policy;
mod columns;
pub(crate) mod compile;
mod flow_cases;
mod incidents;
pub(crate) mod model;
mod money;
pub(crate) mod overdue;
mod period;
mod rank;
mod search;
mod table;
mod view;

pub use columns::{IncidentColumns, InstantColumn, InstantUnit, TextColumn};
pub use model::{Charge, RuleKind, RuleUnit};
pub use period::{Period, PeriodKind};
pub use rank::{Disqualification, WindowRank};
pub use search::RuleGroup;
pub use table::{CategoryInfo, DeductionTable, EffectInfo, Points, RuleInfo};

use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::Policy;
use crate::deadline::Start;
use crate::{Case, Error};
use cards::{Cards, Entry, Hit, Slots};
use model::{AssessmentModel, Magnitude, RuleMeta};
use money::Fen;
use view::{View, has_text};

/// The largest quantity one incident may carry.
pub const MAX_QUANTITY: i64 = 1_000_000;

/// The largest fine per unit a rule may set, in yuan; a larger one is a load diagnostic.
///
/// With [`MAX_QUANTITY`] it keeps every fine exact: one incident is at most 10^15 yuan and a
/// card would need more rows than fit in memory to reach the decimal type's limit (where sums
/// stop growing rather than fail).
pub const MAX_FINE: i64 = 1_000_000_000;

/// One recorded incident: a person, a rule, when, how many units, and the chosen points for
/// discretionary rules.
///
/// `points` is the magnitude chosen within the rule's range as the regulation writes it,
/// without sign: `15` for 扣10—20分, `3` for 加1—5分.
///
/// # Example
///
/// ```
/// let i: zhidu::Incident = serde_json::from_str(
///     r#"{"subject":"张三","window":"W01","at":"2026-10-12","rule":"S14.att.1a","quantity":2}"#,
/// ).unwrap();
/// assert_eq!(i.quantity, Some(2));
/// ```
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Incident {
    /// The person (or, for window-charged rules, anyone on the window).
    pub subject: String,
    /// The person's window.
    #[serde(default)]
    pub window: Option<String>,
    /// The person's department.
    #[serde(default)]
    pub department: Option<String>,
    /// When it happened: an instant, a wall time or a date in the calendar's zone.
    #[serde(deserialize_with = "crate::case::start")]
    pub at: Start,
    /// The rule code, a clause id such as `S14.att.1a`.
    pub rule: String,
    /// Units of the rule (occurrences, person-times, pieces, piece-days, half-days); 1 if
    /// absent. Signed so that a bad value is reported by the scorer, with its row, in every
    /// host alike.
    #[serde(default)]
    pub quantity: Option<i64>,
    /// The chosen magnitude for discretionary rules (signed for the same reason).
    #[serde(default)]
    pub points: Option<i64>,
    /// The case the incident concerns.
    #[serde(default)]
    pub case: Option<String>,
    /// A free note: the assessor's reason, required with a value chosen in a discretionary
    /// range (A6).
    #[serde(default)]
    pub note: Option<String>,
    /// For a rule priced by another (S2.kq.5, A30): the code of the rule whose amount, unit
    /// and category apply, such as `S2.assess.lian.1`.
    #[serde(default)]
    pub basis: Option<String>,
    /// The deed, event or case the incident is about: bonuses of one family for the same
    /// subject and `ref` count once, at the highest level (A33).
    #[serde(default, rename = "ref")]
    pub reference: Option<String>,
}

impl Incident {
    /// An incident of one unit.
    ///
    /// # Example
    ///
    /// ```
    /// let i = zhidu::Incident::new("张三", "S2.assess.qin.1", "2026-10-12".parse::<zhidu::Start>().unwrap());
    /// assert_eq!(i.quantity, None);
    /// ```
    #[must_use]
    pub fn new(
        subject: impl Into<String>,
        rule: impl Into<String>,
        at: impl Into<Start>,
    ) -> Incident {
        Incident {
            subject: subject.into(),
            window: None,
            department: None,
            at: at.into(),
            rule: rule.into(),
            quantity: None,
            points: None,
            case: None,
            note: None,
            basis: None,
            reference: None,
        }
    }
}

/// What to score: a period, incidents, optionally cases (for automatic overdue deductions)
/// and a roster (so people without incidents get full scores).
///
/// # Example
///
/// ```
/// use zhidu::{AssessRequest, Incident, Start};
/// let ps = zhidu::PolicySet::builtin().unwrap();
/// let p = ps.policy("s14-window-scorecard").unwrap();
/// let mut i = Incident::new("张三", "S14.att.2", "2026-10-12".parse::<Start>().unwrap());
/// i.window = Some("W01".into());
/// let incidents = [i];
/// let out = p.assess(&AssessRequest::new("2026-10".parse().unwrap()).incidents(&incidents)).unwrap();
/// assert_eq!(out.scorecards[0].total, 88); // S14 totals 90: 30 + 20 + 15 + 25 (A9)
/// assert_eq!(out.scorecards[0].fines.to_string(), "20");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct AssessRequest<'a> {
    period: Period,
    lines: bool,
    incidents: Rows<'a, Incident>,
    /// Incidents as columns instead of rows ([`AssessRequest::incident_columns`]).
    columns: Option<&'a IncidentColumns<'a>>,
    cases: Option<(&'a Policy, Rows<'a, Case>)>,
    roster: Rows<'a, (String, String)>,
}

/// Input rows: all parsed, or as parsed by a host with the rows that failed kept in place
/// (so their row numbers stay those of the input).
#[derive(Debug)]
pub(crate) enum Rows<'a, T> {
    Parsed(&'a [T]),
    Mixed(&'a [Result<T, Error>]),
}

// Derived `Copy` would ask `T: Copy`; the variants hold only references.
impl<T> Clone for Rows<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Rows<'_, T> {}

impl<'a, T> Rows<'a, T> {
    fn iter(self) -> Box<dyn Iterator<Item = Result<&'a T, &'a Error>> + 'a> {
        match self {
            Rows::Parsed(rows) => Box::new(rows.iter().map(Ok)),
            Rows::Mixed(rows) => Box::new(rows.iter().map(Result::as_ref)),
        }
    }

    fn len(self) -> usize {
        match self {
            Rows::Parsed(rows) => rows.len(),
            Rows::Mixed(rows) => rows.len(),
        }
    }
}

impl<'a> AssessRequest<'a> {
    /// A request for `period` with nothing in it yet.
    ///
    /// # Example
    ///
    /// ```
    /// let r = zhidu::AssessRequest::new("2026-10".parse().unwrap());
    /// # let _ = r;
    /// ```
    #[must_use]
    pub fn new(period: Period) -> Self {
        AssessRequest {
            period,
            lines: true,
            incidents: Rows::Parsed(&[]),
            columns: None,
            cases: None,
            roster: Rows::Parsed(&[]),
        }
    }

    /// The incidents to score.
    ///
    /// # Example
    ///
    /// ```
    /// let r = zhidu::AssessRequest::new("2026-10".parse().unwrap()).incidents(&[]);
    /// # let _ = r;
    /// ```
    #[must_use]
    pub fn incidents(mut self, incidents: &'a [Incident]) -> Self {
        self.incidents = Rows::Parsed(incidents);
        self.columns = None;
        self
    }

    /// The incidents to score, as columns ([`IncidentColumns`]): the same answers as the
    /// same incidents as rows, without a string per incident. Replaces any incident rows.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{AssessRequest, IncidentColumns, InstantColumn, TextColumn};
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let p = ps.policy("s2-service-center").unwrap();
    /// let days = [20738, 20739]; // 2026-10-12 and 13
    /// let columns = IncidentColumns::new(
    ///     TextColumn::new(&["张三"], &[0, 0]),
    ///     InstantColumn::Days(&days),
    ///     TextColumn::new(&["S2.assess.qin.1"], &[0, 0]),
    /// );
    /// let req = AssessRequest::new("2026-10".parse().unwrap()).incident_columns(&columns);
    /// assert_eq!(p.assess(&req).unwrap().card("张三").unwrap().total, 96); // 2 × 上班迟到 −2
    /// ```
    #[must_use]
    pub fn incident_columns(mut self, columns: &'a IncidentColumns<'a>) -> Self {
        self.columns = Some(columns);
        self.incidents = Rows::Parsed(&[]);
        self
    }

    /// Whether scorecards list every line (the default). Without lines a card still has its
    /// categories, bonus, total, fines and effects: the fast path for scoring a province.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{AssessRequest, Incident, Start};
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let p = ps.policy("s2-service-center").unwrap();
    /// let incidents = [Incident::new("张三", "S2.assess.qin.1", "2026-10-12".parse::<Start>().unwrap())];
    /// let req = AssessRequest::new("2026-10".parse().unwrap()).incidents(&incidents).lines(false);
    /// let card = &p.assess(&req).unwrap().scorecards[0];
    /// assert_eq!((card.total, card.lines.len()), (98, 0));
    /// ```
    #[must_use]
    pub fn lines(mut self, lines: bool) -> Self {
        self.lines = lines;
        self
    }

    /// Incident rows as a host read them: a row that could not be read is an `Err` in its
    /// place and is reported with its row number like any other bad row.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{AssessRequest, Error, Incident, Start};
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let p = ps.policy("s2-service-center").unwrap();
    /// let rows = vec![
    ///     Err(Error::Input { message: "`2026-10-32` is not a date".into(), hint: None }),
    ///     Ok(Incident::new("张三", "S2.assess.qin.1", "2026-10-12".parse::<Start>().unwrap())),
    /// ];
    /// let out = p.assess(&AssessRequest::new("2026-10".parse().unwrap()).incident_rows(&rows)).unwrap();
    /// assert_eq!((out.errors[0].row, out.card("张三").unwrap().total), (1, 98));
    /// ```
    #[must_use]
    pub fn incident_rows(mut self, rows: &'a [Result<Incident, Error>]) -> Self {
        self.incidents = Rows::Mixed(rows);
        self.columns = None;
        self
    }

    /// Case rows as a host read them (see [`AssessRequest::incident_rows`]).
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let r = zhidu::AssessRequest::new("2026-10".parse().unwrap()).case_rows(ps.policy("s2-service-center").unwrap(), &[]);
    /// # let _ = r;
    /// ```
    #[must_use]
    pub fn case_rows(mut self, policy: &'a Policy, rows: &'a [Result<Case, Error>]) -> Self {
        self.cases = Some((policy, Rows::Mixed(rows)));
        self
    }

    /// Cases of `policy` (a deadline policy) whose overdue pieces generate incidents for the
    /// rules bound to overdue cases.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let r = zhidu::AssessRequest::new("2026-10".parse().unwrap()).cases(ps.policy("s2-service-center").unwrap(), &[]);
    /// # let _ = r;
    /// ```
    #[must_use]
    pub fn cases(mut self, policy: &'a Policy, cases: &'a [Case]) -> Self {
        self.cases = Some((policy, Rows::Parsed(cases)));
        self
    }

    /// `(person, window)` pairs of everyone to score, incidents or not.
    ///
    /// # Example
    ///
    /// ```
    /// let roster = [("李四".to_owned(), "W02".to_owned())];
    /// let r = zhidu::AssessRequest::new("2026-10".parse().unwrap()).roster(&roster);
    /// # let _ = r;
    /// ```
    #[must_use]
    pub fn roster(mut self, roster: &'a [(String, String)]) -> Self {
        self.roster = Rows::Parsed(roster);
        self
    }

    /// Roster rows as a host read them ([`crate::rows::read_roster`]): an entry that could
    /// not be read is an `Err` in its place, reported as a `roster` row error with its row
    /// number while every other row is still answered.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{AssessRequest, Error};
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let p = ps.policy("s2-service-center").unwrap();
    /// let roster = vec![
    ///     Err(Error::Input { message: "`window` is missing".into(), hint: None }),
    ///     Ok(("王五".to_owned(), "W02".to_owned())),
    /// ];
    /// let out = p.assess(&AssessRequest::new("2025-04".parse().unwrap()).roster_rows(&roster)).unwrap();
    /// assert_eq!((out.errors[0].input, out.errors[0].row), ("roster", 1));
    /// assert_eq!(out.card("王五").unwrap().total, 100);
    /// ```
    #[must_use]
    pub fn roster_rows(mut self, rows: &'a [crate::rows::RosterRow]) -> Self {
        self.roster = Rows::Mixed(rows);
        self
    }

    /// The roster as another request holds it (the report's).
    pub(crate) fn roster_as(mut self, roster: Rows<'a, (String, String)>) -> Self {
        self.roster = roster;
        self
    }
}

/// Whether a scorecard is a person's or a window's own (window-charged rules, A19).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SubjectKind {
    /// A staff member.
    Person,
    /// A window (窗口) as such.
    Window,
}

/// The kind as its JSON has it: `person` or `window`.
///
/// # Example
///
/// ```
/// assert_eq!(zhidu::SubjectKind::Window.to_string(), "window");
/// ```
impl core::fmt::Display for SubjectKind {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            SubjectKind::Person => "person",
            SubjectKind::Window => "window",
        })
    }
}

/// One category of a scorecard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CategoryScore {
    /// Category id, such as `qin`.
    pub id: String,
    /// Its name, such as 勤.
    pub name: String,
    /// Points when nothing is deducted.
    pub maximum: i64,
    /// The lowest score (扣完为止: 0 by default, A8).
    pub floor: i64,
    /// Every deduction in the category, before the floor.
    pub raw_deductions: i64,
    /// Deductions after the floor.
    pub applied_deductions: i64,
    /// `maximum − applied_deductions`.
    pub score: i64,
}

/// Where a line came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum LineSource {
    /// An incident, by 1-based row.
    Incident {
        /// The row.
        row: usize,
    },
    /// A case of the case log: overdue, or one that broke the item flow (S14.biz.1.2a,
    /// `overdue_days` 0).
    Case {
        /// The case's id.
        id: String,
        /// Its overdue working days counted in this period.
        overdue_days: u32,
    },
}

/// One scored incident on a scorecard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Line {
    /// The rule code, which is the clause id (`S14.att.1a`).
    pub rule: Arc<str>,
    /// The policy that defines the rule when the assessing policy imports it
    /// (`[[import]]`, e.g. `s4-duty-rota` for S4.req.4 on an S2 card); `None` for its own.
    pub imported_from: Option<Arc<str>>,
    /// The Chinese source text of the rule.
    pub quote: Arc<str>,
    /// The category the points count in (none for bonuses outside categories).
    pub category: Option<Arc<str>>,
    /// Deduction, bonus or effect only.
    pub kind: RuleKind,
    /// The rule's unit.
    pub unit: RuleUnit,
    /// Units.
    pub quantity: u32,
    /// Signed points per unit.
    pub points_each: i64,
    /// Signed points of the line.
    pub points: i64,
    /// Yuan, two decimal places.
    #[serde(serialize_with = "money")]
    pub fine: Decimal,
    /// Yuan withheld from the month's bonus (扣除当月奖励), apart from fines.
    #[serde(serialize_with = "money")]
    pub withholding: Decimal,
    /// The rule whose amount, unit and category the line takes (S2.kq.5, A30).
    pub basis: Option<Arc<str>>,
    /// The deed, event or case the line is about.
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    /// Another line of the same family, subject and `ref` counts instead (A33): this one
    /// counts 0.
    pub superseded: bool,
    /// Effect names.
    pub effects: Arc<[String]>,
    /// When.
    pub at: DateTime<FixedOffset>,
    /// The case concerned.
    pub case: Option<String>,
    /// The note.
    pub note: Option<String>,
    /// Where the line came from.
    pub source: LineSource,
    /// The §5 defaults the line relies on (e.g. `A6` when no points were chosen).
    pub defaults: Arc<[String]>,
}

/// An effect that applies to a scorecard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct EffectHit {
    /// Effect id.
    pub id: Arc<str>,
    /// Its name, such as 取消年度评先资格.
    pub name: Arc<str>,
    /// The rule that carried it.
    pub rule: Arc<str>,
    /// When.
    pub at: DateTime<FixedOffset>,
}

/// A subject's scorecard for a period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Scorecard {
    /// The person, or the window for a window's own card.
    pub subject: String,
    /// Person or window.
    pub kind: SubjectKind,
    /// The window the person works at (most of their incidents name it; the roster wins).
    pub window: Option<String>,
    /// The period.
    pub period: String,
    /// Each category.
    pub categories: Vec<CategoryScore>,
    /// Bonus points, outside the categories.
    pub bonus: i64,
    /// `Σ category scores + bonus`.
    pub total: i64,
    /// Yuan, exact, two decimal places in JSON.
    #[serde(serialize_with = "money")]
    pub fines: Decimal,
    /// Yuan withheld from the month's bonus (扣除当月奖励, S14.att.6), apart from fines.
    #[serde(serialize_with = "money")]
    pub withholdings: Decimal,
    /// Effects, in time order; an annual effect (取消年度评先资格) stays for the rest of its
    /// calendar year, so it may be dated before the period.
    pub effects: Vec<EffectHit>,
    /// Every line, in time order.
    pub lines: Vec<Line>,
}

/// A row a batch skipped because it could not be used, with its error; every other row is
/// used. When the row itself could not be read, `error` is an [`Error::Row`] carrying the
/// [`crate::rows::RowError`] (kind, row, field, problem).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SkippedRow {
    /// `incident`, `case` or `roster`.
    pub input: &'static str,
    /// 1-based row among the incidents or cases.
    pub row: usize,
    /// What is wrong.
    pub error: Error,
}

impl SkippedRow {
    /// A row error of `input` (`incident` or `case`) at 1-based `row`.
    ///
    /// # Example
    ///
    /// ```
    /// let e = zhidu::SkippedRow::new("incident", 3, zhidu::Error::Input { message: "bad".into(), hint: None });
    /// assert_eq!(e.row, 3);
    /// ```
    #[must_use]
    pub fn new(input: &'static str, row: usize, error: Error) -> SkippedRow {
        SkippedRow { input, row, error }
    }
}

/// The result of scoring a period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Assessment {
    /// The policy.
    pub policy: String,
    /// The period.
    pub period: String,
    /// Person cards by subject, then window cards by window.
    pub scorecards: Vec<Scorecard>,
    /// Rows that could not be scored; every other row is scored.
    pub errors: Vec<SkippedRow>,
    /// Incidents outside the period: counted, not scored (an annual effect of one dated
    /// earlier in the period's calendar year still reaches the cards).
    pub outside_period: usize,
    /// Their rows.
    pub outside_rows: Vec<usize>,
    /// Late cases of the period that no overdue rule prices (complaint replies, 即收即办,
    /// classes of another policy): counted, not charged.
    pub unpriced_late: usize,
    /// Their case rows.
    pub unpriced_rows: Vec<usize>,
}

impl Assessment {
    /// The card of `subject`, if any.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let p = ps.policy("s2-service-center").unwrap();
    /// let roster = [("李四".to_owned(), "W02".to_owned())];
    /// let out = p.assess(&zhidu::AssessRequest::new("2026-10".parse().unwrap()).roster(&roster)).unwrap();
    /// assert_eq!(out.card("李四").unwrap().total, 100);
    /// ```
    #[must_use]
    pub fn card(&self, subject: &str) -> Option<&Scorecard> {
        self.scorecards
            .iter()
            .find(|c| c.subject == subject && c.kind == SubjectKind::Person)
    }
}

fn money<S: serde::Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&format_args!("{:.2}", d))
}

/// An incident checked against the table, ready to be put on cards.
struct Scored<'m, 'i> {
    rule: &'m model::Rule,
    /// The category the points count in: the rule's, or its basis rule's (A30).
    category: Option<usize>,
    /// Signed points, fine and withholding of the incident.
    points: i64,
    /// Signed points of one unit: the rule's level, which A33 compares (not `points`, which
    /// grows with the quantity).
    points_each: i64,
    fine: Fen,
    withholding: Fen,
    at: DateTime<FixedOffset>,
    /// The scorecard line, built only when lines are asked for (boxed: without lines the
    /// scored incident stays a few words to move, not a line's 200 bytes).
    line: Option<Box<Line>>,
    window: Option<&'i str>,
}

/// What holds for every instant of the period, decided once per call instead of once per
/// incident.
#[derive(Clone, Copy)]
struct PeriodFacts {
    start: DateTime<FixedOffset>,
    end: DateTime<FixedOffset>,
    /// The period's first and last dates.
    first: chrono::NaiveDate,
    last: chrono::NaiveDate,
    /// The policy is in force on every day of the period.
    in_force: bool,
}

impl PeriodFacts {
    /// Whether `at` lies in a period the policy is in force for throughout.
    fn covers(&self, at: DateTime<FixedOffset>) -> bool {
        self.in_force && at >= self.start && at < self.end
    }
}

/// What of a scored incident goes on the cards.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Points, money, line and effects.
    All,
    /// Only the annual effects (an incident earlier in the calendar year).
    AnnualEffects,
    /// The line of a superseded bonus: no points, no effects (A33).
    Superseded,
}

/// Put a scored incident on the cards its rule charges (A19) and its effects reach.
fn place(
    model: &AssessmentModel,
    cards: &mut Cards,
    scored: Scored<'_, '_>,
    subject: &str,
    slots: Slots<'_>,
    order: usize,
    part: Part,
) {
    place_inline(model, cards, scored, subject, slots, order, part);
}

/// [`place`], inlined into the scoring loop's step (`incidents.rs`): a call there moved the
/// scored incident, about 100 bytes, into a frame of its own once per incident.
#[inline(always)]
fn place_inline(
    model: &AssessmentModel,
    cards: &mut Cards,
    scored: Scored<'_, '_>,
    subject: &str,
    slots: Slots<'_>,
    order: usize,
    part: Part,
) {
    let Slots {
        person: person_slot,
        window: window_slot,
    } = slots;
    let Scored {
        rule,
        category,
        points,
        points_each: _,
        fine,
        withholding,
        at,
        line,
        window,
    } = scored;
    // The effect hits for the person's card (`false`) or the window's (`true`), made as the
    // card stores them: no list of hits per incident.
    let hits = |to_window: bool| {
        rule.effects
            .iter()
            .filter_map(|&e| model.effects.get(e).map(|def| (e, def)))
            .filter(move |(_, e)| {
                let kept = match part {
                    Part::All => true,
                    Part::AnnualEffects => e.annual,
                    Part::Superseded => false,
                };
                kept && match rule.charge {
                    model::Charge::Window => to_window,
                    model::Charge::PersonAndWindow => true,
                    model::Charge::Person => !to_window || e.reaches_window,
                }
            })
            .map(move |(e, _)| Hit {
                at,
                rule: rule.rank,
                effect: u32::try_from(e).unwrap_or(u32::MAX),
            })
    };
    let (points, fine, withholding, line) = match part {
        Part::All => (points, fine, withholding, line),
        Part::Superseded => (0, Fen::ZERO, Fen::ZERO, line),
        Part::AnnualEffects => (0, Fen::ZERO, Fen::ZERO, None),
    };
    if part == Part::AnnualEffects && hits(false).next().is_none() && hits(true).next().is_none() {
        return;
    }
    let entry = Entry {
        category,
        points,
        fine,
        withholding,
        line,
        order,
    };
    if rule.charge != model::Charge::Window {
        // The window copy of a person-and-window line: the points, not the person's money.
        let window_entry = (rule.charge == model::Charge::PersonAndWindow).then(|| Entry {
            fine: Fen::ZERO,
            withholding: Fen::ZERO,
            line: entry.line.as_ref().map(|l| {
                let mut l = l.clone();
                l.fine = Decimal::ZERO;
                l.withholding = Decimal::ZERO;
                l
            }),
            ..entry.clone()
        });
        let c = cards.person_in(subject, person_slot);
        // The window by its id when the caller keeps one, else by its name.
        let window_id = match (window, window_slot) {
            (Some(w), Some(slot)) => Some(cards.window_in(w, slot)),
            _ => None,
        };
        match (window, window_id) {
            (_, Some(id)) => cards.count_window_of(c, id, 1),
            (Some(w), None) => cards.count_window(c, w, 1),
            (None, None) => {}
        }
        cards.add(c, rule, entry, hits(false));
        let window_card = |cards: &mut Cards, w: &str| match window_id {
            Some(id) => cards.window_card_of(id),
            None => cards.window_card(w),
        };
        match (window, window_entry) {
            (Some(w), Some(entry)) => {
                let c = window_card(cards, w);
                cards.add(c, rule, entry, hits(true));
            }
            // The effect alone reaches the window (取消该窗口…, S14.att.6).
            (Some(w), None) if hits(true).next().is_some() => {
                let c = window_card(cards, w);
                let entry = Entry {
                    category: None,
                    points: 0,
                    fine: Fen::ZERO,
                    withholding: Fen::ZERO,
                    line: None,
                    order,
                };
                cards.add(c, rule, entry, hits(true));
            }
            _ => {}
        }
    } else if let Some(w) = window {
        let c = match window_slot {
            Some(slot) => {
                let id = cards.window_in(w, slot);
                cards.window_card_of(id)
            }
            None => cards.window_card(w),
        };
        cards.add(c, rule, entry, hits(true));
    }
}

/// A bonus waiting for the others of its family, subject and `ref` (A33).
struct Deferred<'m, 'i> {
    scored: Scored<'m, 'i>,
    subject: &'i str,
    reference: &'i str,
    order: usize,
}

impl Policy {
    /// Score a period: one scorecard per person (and per window for window-charged rules),
    /// every bad row reported with its row number, nothing else lost.
    ///
    /// Incidents dated earlier in the period's calendar year are outside the period, but the
    /// annual effects they carry (取消年度评先资格) still reach the cards.
    ///
    /// # Errors
    ///
    /// [`Error::Input`] when the policy has no deduction table. Problems with single rows
    /// are in [`Assessment::errors`].
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{AssessRequest, Incident, Start};
    /// let ps = zhidu::PolicySet::builtin()?;
    /// let p = ps.policy("s2-service-center")?;
    /// let day = |s: &str| s.parse::<Start>();
    /// let mut late = Incident::new("张三", "S2.assess.qin.1", day("2026-10-12")?);
    /// late.quantity = Some(3);                       // 3 × 上班迟到 −2
    /// let typo = Incident::new("张三", "S2.assess.qin.9", day("2026-10-13")?);
    /// let out = p.assess(&AssessRequest::new("2026-10".parse()?).incidents(&[late, typo]))?;
    /// let card = out.card("张三").ok_or(zhidu::Error::Input { message: "no card".into(), hint: None })?;
    /// assert_eq!(card.total, 94);
    /// assert_eq!(out.errors[0].row, 2);
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    pub fn assess(&self, req: &AssessRequest<'_>) -> Result<Assessment, Error> {
        self.assess_with(req, None)
    }

    /// What a case log gives a period's scoring (overdue cases and the item flow's findings
    /// as incidents, the unpriced late cases), rows counted inside `cases`: the report's
    /// stream gathers it chunk by chunk ([`overdue::FromCases::append`]) and scores it once.
    pub(crate) fn case_incidents(
        &self,
        case_policy: &Policy,
        cases: Rows<'_, Case>,
        // Whether a readable incident row gives this rule for this case already.
        given: &dyn Fn(&str, &str) -> bool,
        period: Period,
    ) -> Result<overdue::FromCases, Error> {
        let model = self.assessment_model()?;
        let (start, end) = period.bounds(self.calendar().offset());
        let (first, last) = period.days();
        let window = overdue::Window {
            start,
            end,
            first,
            last,
        };
        let mut from_cases = overdue::incidents(model, case_policy, cases, &window);
        // The item flow's findings are charged like overdue cases (issue #15 point 8).
        flow_cases::incidents(self, cases, given, &window, &mut from_cases.generated);
        from_cases.split_flow();
        Ok(from_cases)
    }

    /// [`Policy::assess`], with the case log's incidents already gathered when `from_cases`
    /// is given (then `req`'s case rows are not read).
    pub(crate) fn assess_with(
        &self,
        req: &AssessRequest<'_>,
        from_cases: Option<overdue::FromCases>,
    ) -> Result<Assessment, Error> {
        use chrono::Datelike;
        let model = self.assessment_model()?;
        let offset = self.calendar().offset();
        let (start, end) = req.period.bounds(offset);
        let (first, last) = req.period.days();
        let facts = PeriodFacts {
            start,
            end,
            first,
            last,
            in_force: self.check_in_force(first).is_ok() && self.check_in_force(last).is_ok(),
        };
        let mut scoring = incidents::Scoring {
            policy: self,
            model,
            facts,
            year: first.year(),
            has_annual: model.effects.iter().any(|e| e.annual),
            lines: req.lines,
            cards: Cards::new(model.categories.len()),
            errors: Vec::new(),
            outside_rows: Vec::new(),
            deferred: Vec::new(),
        };
        let incident_rows = match req.columns {
            Some(columns) => {
                columns.score(&mut scoring, offset)?;
                columns.len()
            }
            None => {
                // An unknown code's "did you mean" is searched once per code, not per row: a
                // month of rows with one mistyped code would otherwise search the table each time.
                let mut unknown: std::collections::HashMap<&str, Error> =
                    std::collections::HashMap::new();
                for (i, incident) in req.incidents.iter().enumerate() {
                    let row = i + 1;
                    let incident = match incident {
                        Ok(incident) => incident,
                        Err(error) => {
                            scoring.skip(row, error.clone());
                            continue;
                        }
                    };
                    match resolve(incident.at, offset) {
                        Ok(at) => scoring.incident(
                            row,
                            &incident.subject,
                            at,
                            None,
                            || match unknown.get(incident.rule.as_str()) {
                                Some(error) => Err(error.clone()),
                                None => self
                                    .find_rule(model, &incident.rule)
                                    .map(incidents::Plan::per_incident)
                                    .inspect_err(|e| {
                                        unknown.insert(&incident.rule, e.clone());
                                    }),
                            },
                            View::of(incident),
                            Slots::default(),
                        ),
                        Err(error) => scoring.skip(row, error),
                    }
                }
                req.incidents.len()
            }
        };
        let incidents::Scoring {
            facts,
            mut cards,
            mut errors,
            outside_rows,
            deferred,
            ..
        } = scoring;
        resolve_families(model, &mut cards, deferred);
        let mut unpriced_rows = Vec::new();
        let given = |rule: &str, case: &str| match req.columns {
            Some(columns) => columns.gives(rule, case),
            None => req
                .incidents
                .iter()
                .flatten()
                .any(|i| i.rule == rule && i.case.as_deref() == Some(case)),
        };
        let from_cases = match from_cases {
            Some(parts) => Some(parts),
            None => match req.cases {
                Some((case_policy, cases)) => {
                    Some(self.case_incidents(case_policy, cases, &given, req.period)?)
                }
                None => None,
            },
        };
        if let Some(from_cases) = from_cases {
            unpriced_rows = from_cases.unpriced;
            let generated = from_cases.generated.into_iter().chain(from_cases.flow);
            for g in generated {
                match g {
                    Ok((incident, source, order)) => {
                        let at = resolve(incident.at, offset).unwrap_or(start);
                        let scored = self.find_rule(model, &incident.rule).and_then(|rule| {
                            let view = View::of(&incident);
                            let source = req.lines.then_some(source);
                            self.score_incident(model, rule, view, at, source, &facts)
                        });
                        match scored {
                            Ok(scored) => place(
                                model,
                                &mut cards,
                                scored,
                                &incident.subject,
                                Slots::default(),
                                incident_rows + order,
                                Part::All,
                            ),
                            Err(error) => errors.push(SkippedRow {
                                input: "case",
                                row: order,
                                error,
                            }),
                        }
                    }
                    Err((row, error)) => errors.push(SkippedRow {
                        input: "case",
                        row,
                        error,
                    }),
                }
            }
        }
        for (i, entry) in req.roster.iter().enumerate() {
            match entry {
                Ok((person, window)) => {
                    // The roster names the window; it outweighs any count from incidents.
                    let c = cards.person(person);
                    cards.count_window(c, window, u32::MAX / 2);
                }
                Err(error) => errors.push(SkippedRow {
                    input: "roster",
                    row: i + 1,
                    error: error.clone(),
                }),
            }
        }
        let period = req.period.to_string();
        let scorecards = cards.finish(model, &period);
        Ok(Assessment {
            policy: self.id.clone(),
            period,
            scorecards,
            errors,
            outside_period: outside_rows.len(),
            outside_rows,
            unpriced_late: unpriced_rows.len(),
            unpriced_rows,
        })
    }

    pub(crate) fn assessment_model(&self) -> Result<&AssessmentModel, Error> {
        self.assessment.as_ref().ok_or_else(|| {
            Error::input(
                format!("policy `{}` has no deduction table", self.id),
                Some("policies with `[assessment]` and `[[rule]]`: s2-service-center, s14-window-scorecard".to_owned()),
            )
        })
    }

    fn find_rule<'m>(
        &self,
        model: &'m AssessmentModel,
        code: &str,
    ) -> Result<&'m model::Rule, Error> {
        model
            .rule_index
            .get(code)
            .and_then(|&r| model.rules.get(r))
            .ok_or_else(|| {
                Error::input(
                    format!("policy `{}` has no rule `{code}`", self.id),
                    crate::closest(code, model.rule_index.keys().map(String::as_str))
                        .map(|c| format!("did you mean `{c}`?")),
                )
            })
    }

    fn score_incident<'m, 'i>(
        &self,
        model: &'m AssessmentModel,
        rule: &'m model::Rule,
        incident: View<'i>,
        at: DateTime<FixedOffset>,
        line: Option<LineSource>,
        facts: &PeriodFacts,
    ) -> Result<Scored<'m, 'i>, Error> {
        let plan = incidents::Plan::per_incident(rule);
        self.score_incident_inline(model, plan, incident, at, line, facts)
    }

    /// [`Policy::score_incident`], inlined into the scoring loop's step (`incidents.rs`): a
    /// call there returned the scored incident, about 100 bytes, through a `Result` in
    /// memory once per incident.
    #[inline(always)]
    fn score_incident_inline<'m, 'i>(
        &self,
        model: &'m AssessmentModel,
        // The rule, and its version when found once for the rule's code (for an incident of
        // the period only).
        plan: incidents::Plan<'m>,
        incident: View<'i>,
        at: DateTime<FixedOffset>,
        // Where the scorecard line comes from, when lines are asked for.
        line: Option<LineSource>,
        facts: &PeriodFacts,
    ) -> Result<Scored<'m, 'i>, Error> {
        let rule = plan.rule;
        let (priced_by, version) = match (plan.version, incident.basis) {
            // A rule that prices itself, with its one version for the whole period.
            (Some(v), None) => (rule, v),
            _ => {
                // The rule whose amount, unit and category apply: the rule itself, or the row's
                // basis for a rule priced by another (S2.kq.5, A30).
                let priced_by = match (&rule.basis_from, incident.basis) {
                    (None, None) => rule,
                    (None, Some(b)) => {
                        return Err(Error::input(
                            format!("rule `{}` takes no `basis` (`{b}`)", incident.rule),
                            Some(
                                "`basis` names the rule whose amount applies, for S2.kq.5 only"
                                    .to_owned(),
                            ),
                        ));
                    }
                    (Some(prefix), None) => {
                        return Err(Error::input(
                            format!(
                                "rule `{}` needs a `basis`: the `{prefix}` deduction whose amount applies",
                                incident.rule
                            ),
                            Some(format!("give `basis`, e.g. `{prefix}lian.1` (A30)")),
                        ));
                    }
                    (Some(prefix), Some(b)) => {
                        let basis = self.find_rule(model, b)?;
                        if !b.starts_with(prefix.as_str())
                            || basis.meta.kind != RuleKind::Deduction
                            || basis.basis_from.is_some()
                        {
                            return Err(Error::input(
                                format!(
                                    "basis `{b}` of rule `{}` is not a `{prefix}` deduction",
                                    incident.rule
                                ),
                                Some(format!(
                                    "name a deduction rule whose code starts with `{prefix}` (A30)"
                                )),
                            ));
                        }
                        basis
                    }
                };
                // In a period the policy is in force for throughout, a rule with one version that
                // covers the whole period needs no date: the usual case skips both checks.
                let version = match priced_by.versions.as_slice() {
                    [v] if facts.covers(at)
                        && v.from <= facts.first
                        && v.until.is_none_or(|u| facts.last <= u) =>
                    {
                        v
                    }
                    _ => {
                        let date = at.date_naive();
                        self.check_in_force(date)?;
                        priced_by.version_on(date).ok_or_else(|| {
                            Error::input(
                                format!(
                                    "rule `{}` has no version in force on {date}",
                                    priced_by.meta.code
                                ),
                                Some("check the rule's `versions`".to_owned()),
                            )
                        })?
                    }
                };
                (priced_by, version)
            }
        };
        let quantity = match incident.quantity.unwrap_or(1) {
            q @ 1..=MAX_QUANTITY => u32::try_from(q).unwrap_or(1),
            q => {
                return Err(Error::input(
                    format!(
                        "quantity `{q}` of rule `{}` is not a count of units",
                        incident.rule
                    ),
                    Some(format!(
                        "quantity counts units: a whole number from 1 to {MAX_QUANTITY}"
                    )),
                ));
            }
        };
        let points = match incident.points {
            None => None,
            Some(p) => match u32::try_from(p) {
                Ok(p) => Some(p),
                Err(_) => {
                    return Err(Error::input(
                        format!("points `{p}` of rule `{}` are not a magnitude", incident.rule),
                        Some("give the magnitude as the regulation writes it, without sign: `15` for 扣10—20分".to_owned()),
                    ));
                }
            },
        };
        if points.is_none() && rule.points_required {
            return Err(Error::input(
                format!(
                    "rule `{}` needs `points`: {}",
                    incident.rule,
                    match &version.magnitude {
                        Magnitude::Choices(c) => format!(
                            "the level, one of {}",
                            c.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
                        ),
                        m => format!("a value entered by hand ({})", m.describe()),
                    }
                ),
                Some(
                    "the value is a fact or a person's decision, never a default (A6, A7)"
                        .to_owned(),
                ),
            ));
        }
        let mut defaults = &rule.meta.defaults;
        let magnitude = match (&version.magnitude, points) {
            (Magnitude::None, None) => 0,
            (Magnitude::Fixed(n), None) => *n,
            // No points chosen: the smallest magnitude, as a default (A6).
            (Magnitude::Range(lo, _), None) => {
                defaults = &rule.meta.defaults_with_a6;
                *lo
            }
            (Magnitude::Choices(c), None) => {
                defaults = &rule.meta.defaults_with_a6;
                c.first().copied().unwrap_or(0)
            }
            (Magnitude::Range(lo, hi), Some(p)) if (*lo..=*hi).contains(&p) => {
                // A value chosen in a discretionary range needs its reason (A6).
                if !incident.note.is_some_and(has_text) {
                    return Err(Error::input(
                        format!(
                            "points `{p}` of rule `{}` are chosen within {lo}–{hi}; the row gives no reason",
                            incident.rule
                        ),
                        Some("give the reason in `note`, or leave `points` empty for the smallest magnitude (A6)".to_owned()),
                    ));
                }
                p
            }
            (Magnitude::Choices(c), Some(p)) if c.contains(&p) => p,
            (m @ (Magnitude::Range(..) | Magnitude::Choices(_)), Some(p)) => {
                return Err(Error::input(
                    format!(
                        "points `{p}` are outside the allowed values {} of rule `{}`",
                        m.describe(),
                        incident.rule
                    ),
                    Some("give the magnitude as the regulation writes it, without sign".to_owned()),
                ));
            }
            (m @ (Magnitude::None | Magnitude::Fixed(_)), Some(p)) => {
                return Err(Error::input(
                    format!(
                        "rule `{}` has {}; `points` ({p}) is only for discretionary rules",
                        incident.rule,
                        m.describe()
                    ),
                    Some("leave `points` empty".to_owned()),
                ));
            }
        };
        let sign: i64 = match priced_by.meta.kind {
            RuleKind::Deduction => -1,
            RuleKind::Bonus => 1,
            RuleKind::EffectOnly => 0,
        };
        let points_each = sign * i64::from(magnitude);
        let meta: &Arc<RuleMeta> = &rule.meta;
        let points = points_each * i64::from(quantity);
        // In whole fen (exact, no `Decimal` per incident); a fine at the top of the decimal
        // range times 8 once panicked here (issue #8). The loader caps amounts at `MAX_FINE`
        // and refuses those finer than a fen, so this cannot fail.
        let times = |amount: Option<Fen>, what: &str| -> Result<Fen, Error> {
            amount.and_then(|a| a.times(quantity)).ok_or_else(|| {
                Error::input(
                    format!(
                        "the {what} of rule `{}` for {quantity} units is too large",
                        incident.rule
                    ),
                    None,
                )
            })
        };
        let (fine, withholding) = match version.in_fen {
            // One unit (most incidents): the rule's amounts as they are.
            Some(amounts) if quantity == 1 => amounts,
            amounts => (
                times(amounts.map(|(f, _)| f), "fine")?,
                times(amounts.map(|(_, w)| w), "withholding")?,
            ),
        };
        if rule.needs_window && !incident.window.is_some_and(has_text) {
            return Err(Error::input(
                if rule.charge == model::Charge::Person {
                    format!(
                        "rule `{}` reaches the window as well as the person; the incident names none",
                        incident.rule
                    )
                } else {
                    format!(
                        "rule `{}` is charged to the window; the incident names none",
                        incident.rule
                    )
                },
                Some("give `window`".to_owned()),
            ));
        }
        let with_basis = priced_by.basis_from.is_none() && rule.basis_from.is_some();
        let line = line.map(|source| {
            Box::new(Line {
                rule: meta.code.clone(),
                imported_from: meta.imported_from.clone(),
                quote: meta.quote.clone(),
                category: priced_by.meta.category.clone(),
                kind: priced_by.meta.kind,
                unit: priced_by.meta.unit,
                quantity,
                points_each,
                points,
                fine: fine.to_decimal(),
                withholding: withholding.to_decimal(),
                basis: with_basis.then(|| priced_by.meta.code.clone()),
                reference: incident.reference.map(str::to_owned),
                superseded: false,
                effects: meta.effect_names.clone(),
                at,
                case: incident.case.map(str::to_owned),
                note: incident.note.map(str::to_owned),
                source,
                defaults: defaults.clone(),
            })
        });
        Ok(Scored {
            rule,
            category: priced_by.category,
            points,
            points_each,
            fine,
            withholding,
            at,
            line,
            window: incident.window,
        })
    }
}

/// Bonuses of one family for the same subject and `ref` count once, at the highest level;
/// the others stay as lines marked superseded, counting 0 (A33).
fn resolve_families(
    model: &AssessmentModel,
    cards: &mut Cards,
    mut deferred: Vec<Deferred<'_, '_>>,
) {
    // By subject, family and ref; highest level first (the points of one unit: "one deed
    // counts once, at its highest level", so 1b supersedes 1a whatever the quantities); on a
    // tie of level the line with the most points, so the answer does not depend on the rows'
    // order; among equals, the first row counts.
    deferred.sort_by(|a, b| {
        (a.subject, &a.scored.rule.family, a.reference)
            .cmp(&(b.subject, &b.scored.rule.family, b.reference))
            .then_with(|| b.scored.points_each.cmp(&a.scored.points_each))
            .then_with(|| b.scored.points.cmp(&a.scored.points))
            .then_with(|| a.order.cmp(&b.order))
    });
    let mut previous: Option<(&str, Option<Arc<str>>, &str)> = None;
    for d in deferred {
        let Deferred {
            mut scored,
            subject,
            reference,
            order,
        } = d;
        let key = (subject, scored.rule.family.clone(), reference);
        if previous.as_ref() == Some(&key) {
            if let Some(line) = scored.line.as_mut() {
                line.points = 0;
                line.superseded = true;
                let mut d: Vec<String> = line.defaults.to_vec();
                if !d.iter().any(|x| x == "A33") {
                    d.push("A33".to_owned());
                }
                line.defaults = d.into();
            }
            scored.points = 0;
            let slots = Slots::default();
            place(
                model,
                cards,
                scored,
                subject,
                slots,
                order,
                Part::Superseded,
            );
        } else {
            place(
                model,
                cards,
                scored,
                subject,
                Slots::default(),
                order,
                Part::All,
            );
            previous = Some(key);
        }
    }
}

/// An incident's instant: a plain date is the start of that day in the calendar's zone.
pub(crate) fn resolve(at: Start, offset: FixedOffset) -> Result<DateTime<FixedOffset>, Error> {
    use chrono::TimeZone;
    let local = match at {
        Start::Instant(t) => return Ok(t.with_timezone(&offset)),
        Start::Local(t) => t,
        Start::Date(d) => d.and_time(chrono::NaiveTime::MIN),
    };
    offset
        .from_local_datetime(&local)
        .single()
        .ok_or_else(|| Error::input(format!("`{local}` cannot be placed in zone {offset}"), None))
}
