//! Deduction tables (考核细则): scorecards with category floors, bonuses, fines and effects,
//! automatic deductions from overdue cases, and the monthly window ranking (红旗窗口).
//!
//! Semantics: a category's score is `max(floor, maximum − deductions)`; bonuses are summed
//! apart, so `total = Σ category scores + bonus` and may exceed 100 (A8). Every line keeps
//! its rule code (the clause id), the Chinese source quote and the defaults it used.

mod cards;
pub(crate) mod compile;
pub(crate) mod model;
mod overdue;
mod period;
mod rank;
mod table;

pub use model::{Charge, RuleKind, RuleUnit};
pub use period::{Period, PeriodKind};
pub use rank::{Disqualification, WindowRank};
pub use table::{CategoryInfo, DeductionTable, EffectInfo, Points, RuleInfo};

use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::deadline::Start;
use crate::policy::Policy;
use crate::{Case, Error};
use cards::{Cards, Entry};
use model::{AssessmentModel, Magnitude, RuleMeta};

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
    /// A free note (the assessor's reason).
    #[serde(default)]
    pub note: Option<String>,
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
    cases: Option<(&'a Policy, Rows<'a, Case>)>,
    roster: &'a [(String, String)],
}

/// Input rows: all parsed, or as parsed by a host with the rows that failed kept in place
/// (so their row numbers stay those of the input).
#[derive(Debug)]
enum Rows<'a, T> {
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
            cases: None,
            roster: &[],
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
    /// An overdue case.
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
    /// Effects, in time order.
    pub effects: Vec<EffectHit>,
    /// Every line, in time order.
    pub lines: Vec<Line>,
}

/// A row that could not be scored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RowError {
    /// `incident` or `case`.
    pub input: &'static str,
    /// 1-based row among the incidents or cases.
    pub row: usize,
    /// What is wrong.
    pub error: Error,
}

impl RowError {
    /// A row error of `input` (`incident` or `case`) at 1-based `row`.
    ///
    /// # Example
    ///
    /// ```
    /// let e = zhidu::RowError::new("incident", 3, zhidu::Error::Input { message: "bad".into(), hint: None });
    /// assert_eq!(e.row, 3);
    /// ```
    #[must_use]
    pub fn new(input: &'static str, row: usize, error: Error) -> RowError {
        RowError { input, row, error }
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
    pub errors: Vec<RowError>,
    /// Incidents outside the period: counted, not used.
    pub outside_period: usize,
    /// Their rows.
    pub outside_rows: Vec<usize>,
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
    /// Signed points and yuan of the incident.
    points: i64,
    fine: Decimal,
    at: DateTime<FixedOffset>,
    /// The scorecard line, built only when lines are asked for (boxed: without lines the
    /// scored incident stays a few words to move, not a line's 200 bytes).
    line: Option<Box<Line>>,
    window: Option<&'i str>,
}

/// What holds for every instant of the period, decided once per call instead of once per
/// incident.
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

impl Policy {
    /// Score a period: one scorecard per person (and per window for window-charged rules),
    /// every bad row reported with its row number, nothing else lost.
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
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let p = ps.policy("s2-service-center").unwrap();
    /// let day = |s: &str| s.parse::<Start>().unwrap();
    /// let mut late = Incident::new("张三", "S2.assess.qin.1", day("2026-10-12"));
    /// late.quantity = Some(3);                       // 3 × 上班迟到 −2
    /// let typo = Incident::new("张三", "S2.assess.qin.9", day("2026-10-13"));
    /// let out = p.assess(&AssessRequest::new("2026-10".parse().unwrap()).incidents(&[late, typo])).unwrap();
    /// let card = out.card("张三").unwrap();
    /// assert_eq!(card.total, 94);
    /// assert_eq!(out.errors[0].row, 2);
    /// ```
    pub fn assess(&self, req: &AssessRequest<'_>) -> Result<Assessment, Error> {
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
        let mut cards = Cards::new(model.categories.len());
        let mut errors = Vec::new();
        let mut outside_rows = Vec::new();

        let place = |cards: &mut Cards, scored: Scored<'_, '_>, subject: &str, order: usize| {
            let Scored {
                rule,
                points,
                fine,
                at,
                line,
                window,
            } = scored;
            let hits: Vec<EffectHit> = rule
                .effects
                .iter()
                .filter_map(|&e| model.effects.get(e))
                .map(|e| EffectHit {
                    id: e.shared_id.clone(),
                    name: e.shared_name.clone(),
                    rule: rule.meta.code.clone(),
                    at,
                })
                .collect();
            let entry = Entry {
                points,
                fine,
                line,
                order,
            };
            let to_window = matches!(
                rule.charge,
                model::Charge::Window | model::Charge::PersonAndWindow
            );
            // Window-charged lines, and person-and-window lines (the clause names both, A19),
            // go on the window's own card in full.
            let window_copy = match (to_window, window) {
                (true, Some(w)) if rule.charge == model::Charge::PersonAndWindow => {
                    Some((w, entry.clone(), hits.clone()))
                }
                _ => None,
            };
            if rule.charge == model::Charge::Window {
                if let Some(w) = window {
                    let c = cards.window_card(w);
                    cards.add(c, rule, entry, hits);
                }
            } else {
                let c = cards.person(subject);
                if let Some(w) = window {
                    cards.count_window(c, w, 1);
                }
                cards.add(c, rule, entry, hits);
            }
            if let Some((w, entry, hits)) = window_copy {
                let c = cards.window_card(w);
                cards.add(c, rule, entry, hits);
            }
        };

        for (i, incident) in req.incidents.iter().enumerate() {
            let row = i + 1;
            let incident = match incident {
                Ok(incident) => incident,
                Err(error) => {
                    errors.push(RowError {
                        input: "incident",
                        row,
                        error: error.clone(),
                    });
                    continue;
                }
            };
            let at = match resolve(incident.at, offset) {
                Ok(at) => at,
                Err(error) => {
                    errors.push(RowError {
                        input: "incident",
                        row,
                        error,
                    });
                    continue;
                }
            };
            if at < start || at >= end {
                outside_rows.push(row);
                continue;
            }
            match self.score_incident(
                model,
                incident,
                at,
                LineSource::Incident { row },
                req.lines,
                &facts,
            ) {
                Ok(scored) => place(&mut cards, scored, &incident.subject, row),
                Err(error) => errors.push(RowError {
                    input: "incident",
                    row,
                    error,
                }),
            }
        }
        if let Some((case_policy, cases)) = req.cases {
            let generated = overdue::incidents(model, case_policy, cases, start, end);
            for g in generated {
                match g {
                    Ok((incident, source, order)) => {
                        let at = resolve(incident.at, offset).unwrap_or(start);
                        match self.score_incident(model, &incident, at, source, req.lines, &facts) {
                            Ok(scored) => place(
                                &mut cards,
                                scored,
                                &incident.subject,
                                req.incidents.len() + order,
                            ),
                            Err(error) => errors.push(RowError {
                                input: "case",
                                row: order,
                                error,
                            }),
                        }
                    }
                    Err((row, error)) => errors.push(RowError {
                        input: "case",
                        row,
                        error,
                    }),
                }
            }
        }
        for (person, window) in req.roster {
            // The roster names the window; it outweighs any count from incidents.
            let c = cards.person(person);
            cards.count_window(c, window, u32::MAX / 2);
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

    fn score_incident<'m, 'i>(
        &self,
        model: &'m AssessmentModel,
        incident: &'i Incident,
        at: DateTime<FixedOffset>,
        source: LineSource,
        with_line: bool,
        facts: &PeriodFacts,
    ) -> Result<Scored<'m, 'i>, Error> {
        let rule = model
            .rule_index
            .get(incident.rule.as_str())
            .and_then(|&r| model.rules.get(r))
            .ok_or_else(|| {
                Error::input(
                    format!("policy `{}` has no rule `{}`", self.id, incident.rule),
                    crate::closest(&incident.rule, model.rule_index.keys().map(String::as_str))
                        .map(|c| format!("did you mean `{c}`?")),
                )
            })?;
        // In a period the policy is in force for throughout, a rule with one version that
        // covers the whole period needs no date: the usual case skips both checks.
        let version = match rule.versions.as_slice() {
            [v] if facts.covers(at)
                && v.from <= facts.first
                && v.until.is_none_or(|u| facts.last <= u) =>
            {
                v
            }
            _ => {
                let date = at.date_naive();
                self.check_in_force(date)?;
                rule.version_on(date).ok_or_else(|| {
                    Error::input(
                        format!("rule `{}` has no version in force on {date}", incident.rule),
                        Some("check the rule's `versions`".to_owned()),
                    )
                })?
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
            (Magnitude::Range(lo, hi), Some(p)) if (*lo..=*hi).contains(&p) => p,
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
        let sign: i64 = match rule.meta.kind {
            RuleKind::Deduction => -1,
            RuleKind::Bonus => 1,
            RuleKind::EffectOnly => 0,
        };
        let points_each = sign * i64::from(magnitude);
        let meta: &Arc<RuleMeta> = &rule.meta;
        let points = points_each * i64::from(quantity);
        // Most rules carry no fine, and most incidents are one unit: skip the decimal product.
        let fine = if version.fine.is_zero() || quantity == 1 {
            version.fine
        } else {
            // Checked: a fine at the top of the decimal range times 8 once panicked here
            // (issue #8); the loader now caps fines at `MAX_FINE`, so this cannot fail.
            version
                .fine
                .checked_mul(Decimal::from(quantity))
                .ok_or_else(|| {
                    Error::input(
                        format!(
                            "the fine of rule `{}` for {quantity} units is too large",
                            incident.rule
                        ),
                        None,
                    )
                })?
        };
        let line = with_line.then(|| {
            Box::new(Line {
                rule: meta.code.clone(),
                imported_from: meta.imported_from.clone(),
                quote: meta.quote.clone(),
                category: meta.category.clone(),
                kind: meta.kind,
                unit: meta.unit,
                quantity,
                points_each,
                points,
                fine,
                effects: meta.effect_names.clone(),
                at,
                case: incident.case.clone(),
                note: incident.note.clone(),
                source,
                defaults: defaults.clone(),
            })
        });
        if rule.charge == model::Charge::Window && incident.window.is_none() {
            return Err(Error::input(
                format!(
                    "rule `{}` is charged to the window; the incident names none",
                    incident.rule
                ),
                Some("give `window`".to_owned()),
            ));
        }
        Ok(Scored {
            rule,
            points,
            fine,
            at,
            line,
            window: incident.window.as_deref(),
        })
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
