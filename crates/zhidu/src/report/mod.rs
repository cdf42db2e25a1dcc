//! The monthly report: one run over a period — case statuses and the supervisor's figures,
//! scorecards, the window ranking and accountability decisions — and its renderers (text,
//! JSON, one self-contained HTML file), all pure.
//!
//! It is a [`Policy`] method, not a [`crate::PolicySet`] one: a report reads one regulation,
//! and a policy already carries its deadline classes, deduction table and accountability
//! rules with its imports resolved (S2 imports S4's duties). A case log kept under another
//! policy's classes is given with [`ReportRequest::case_policy`], as for
//! [`crate::AssessRequest::case_rows`].

mod build;
mod figures;
mod html;
mod labels;
mod stream;
mod svg;
pub(crate) mod text;

use chrono::{DateTime, FixedOffset};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::{
    Assessment, Case, CaseStatus, Decision, Error, Incident, Lang, Period, Policy, SkippedRow,
    ViolationRecord, WindowRank,
};

pub(crate) use figures::Window;
pub use figures::{Change, Figures, Rate};
pub use stream::ReportBuilder;
pub(crate) use svg::esc;

/// How many open cases the longest-overdue list holds.
pub const LONGEST_OVERDUE: usize = 10;
/// How many windows the top and bottom lists hold.
pub const TOP_WINDOWS: usize = 3;

/// What a report reads: the period, the instant statuses are taken at, and the rows a host
/// has read (a row that could not be read is an `Err` in its place, reported with its row
/// number), with the previous period's for the month-on-month change.
///
/// # Example
///
/// ```
/// use zhidu::{Case, ReportRequest, Start};
/// let cases = [Ok(Case::new("C1", "promised", "2026-10-12".parse::<Start>().unwrap(), Some(5)))];
/// let req = ReportRequest::new("2026-10".parse().unwrap()).cases(&cases);
/// # let _ = req;
/// ```
#[derive(Clone, Copy, Debug)]
pub struct ReportRequest<'a> {
    pub(crate) period: Period,
    pub(crate) as_of: Option<DateTime<FixedOffset>>,
    pub(crate) case_policy: Option<&'a Policy>,
    pub(crate) cases: &'a [Result<Case, Error>],
    pub(crate) incidents: &'a [Result<Incident, Error>],
    pub(crate) violations: &'a [Result<ViolationRecord, Error>],
    pub(crate) roster: crate::assess::Rows<'a, (String, String)>,
    pub(crate) previous_cases: Option<&'a [Result<Case, Error>]>,
    pub(crate) previous_incidents: Option<&'a [Result<Incident, Error>]>,
}

impl<'a> ReportRequest<'a> {
    /// A request for `period` with no rows yet.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let r = ps.policy("s2-service-center").unwrap()
    ///     .report(&zhidu::ReportRequest::new("2026-10".parse().unwrap())).unwrap();
    /// assert_eq!((r.figures.received, r.as_of.to_rfc3339().as_str()), (0, "2026-10-31T23:59:59+08:00"));
    /// ```
    #[must_use]
    pub fn new(period: Period) -> Self {
        ReportRequest {
            period,
            as_of: None,
            case_policy: None,
            cases: &[],
            incidents: &[],
            violations: &[],
            roster: crate::assess::Rows::Parsed(&[]),
            previous_cases: None,
            previous_incidents: None,
        }
    }

    /// The instant statuses and decisions are taken at (default and latest: the period's
    /// last second; a later instant is brought back to it, so a figure never counts what
    /// happened after the period).
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{ReportRequest, Start};
    /// let at = Start::parse_instant("2026-10-15T12:00", chrono::FixedOffset::east_opt(8 * 3600).unwrap()).unwrap();
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let r = ps.policy("s2-service-center").unwrap()
    ///     .report(&ReportRequest::new("2026-10".parse().unwrap()).as_of(at)).unwrap();
    /// assert_eq!(r.as_of, at);
    /// ```
    #[must_use]
    pub fn as_of(mut self, at: DateTime<FixedOffset>) -> Self {
        self.as_of = Some(at);
        self
    }

    /// The policy whose deadline classes the case log uses (default: the report's own).
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let req = zhidu::ReportRequest::new("2026-10".parse().unwrap()).case_policy(ps.policy("s10-service-system").unwrap());
    /// # let _ = req;
    /// ```
    #[must_use]
    pub fn case_policy(mut self, policy: &'a Policy) -> Self {
        self.case_policy = Some(policy);
        self
    }

    /// The case log's rows.
    ///
    /// # Example
    ///
    /// ```
    /// let req = zhidu::ReportRequest::new("2026-10".parse().unwrap()).cases(&[]);
    /// # let _ = req;
    /// ```
    #[must_use]
    pub fn cases(mut self, rows: &'a [Result<Case, Error>]) -> Self {
        self.cases = rows;
        self
    }

    /// The incident rows to score.
    ///
    /// # Example
    ///
    /// ```
    /// let req = zhidu::ReportRequest::new("2026-10".parse().unwrap()).incidents(&[]);
    /// # let _ = req;
    /// ```
    #[must_use]
    pub fn incidents(mut self, rows: &'a [Result<Incident, Error>]) -> Self {
        self.incidents = rows;
        self
    }

    /// The violation history (earlier rows count toward repeats; the report lists the
    /// decisions dated in the period).
    ///
    /// # Example
    ///
    /// ```
    /// let req = zhidu::ReportRequest::new("2026-10".parse().unwrap()).violations(&[]);
    /// # let _ = req;
    /// ```
    #[must_use]
    pub fn violations(mut self, rows: &'a [Result<ViolationRecord, Error>]) -> Self {
        self.violations = rows;
        self
    }

    /// `(person, window)` of everyone to score, incidents or not.
    ///
    /// # Example
    ///
    /// ```
    /// let roster = [("李四".to_owned(), "W02".to_owned())];
    /// let req = zhidu::ReportRequest::new("2026-10".parse().unwrap()).roster(&roster);
    /// # let _ = req;
    /// ```
    #[must_use]
    pub fn roster(mut self, roster: &'a [(String, String)]) -> Self {
        self.roster = crate::assess::Rows::Parsed(roster);
        self
    }

    /// Roster rows as a host read them ([`crate::rows::read_roster`]): an entry that could
    /// not be read is a `roster` row error of the report's assessment, with its row number.
    ///
    /// # Example
    ///
    /// ```
    /// let roster = vec![Ok(("李四".to_owned(), "W02".to_owned()))];
    /// let req = zhidu::ReportRequest::new("2026-10".parse().unwrap()).roster_rows(&roster);
    /// # let _ = req;
    /// ```
    #[must_use]
    pub fn roster_rows(mut self, rows: &'a [crate::rows::RosterRow]) -> Self {
        self.roster = crate::assess::Rows::Mixed(rows);
        self
    }

    /// The previous period's case log (it may be the same log: figures count only what
    /// belongs to each period). Gives [`Report::previous`] and [`Report::change`].
    ///
    /// # Example
    ///
    /// ```
    /// let req = zhidu::ReportRequest::new("2026-10".parse().unwrap()).previous_cases(&[]);
    /// # let _ = req;
    /// ```
    #[must_use]
    pub fn previous_cases(mut self, rows: &'a [Result<Case, Error>]) -> Self {
        self.previous_cases = Some(rows);
        self
    }

    /// The previous period's incidents, for its mean score (the roster is this period's).
    ///
    /// # Example
    ///
    /// ```
    /// let req = zhidu::ReportRequest::new("2026-10".parse().unwrap()).previous_incidents(&[]);
    /// # let _ = req;
    /// ```
    #[must_use]
    pub fn previous_incidents(mut self, rows: &'a [Result<Incident, Error>]) -> Self {
        self.previous_incidents = Some(rows);
        self
    }
}

/// Points deducted in one category over every person's card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CategoryDeduction {
    /// The category id (`de`, `qin` …).
    pub category: String,
    /// Its name (德, 勤 …).
    pub name: String,
    /// Raw deductions, before any category floor.
    pub points: i64,
}

/// A person's highest accountability tier among the period's decisions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct HighestTier {
    /// The person.
    pub subject: String,
    /// The tier; none when every decision is a person's to make.
    pub tier: Option<u32>,
}

/// The previous period's headline figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PreviousPeriod {
    /// The period, such as `2026-09`.
    pub period: String,
    /// Its figures, as of its last second.
    pub figures: Figures,
    /// Its people's mean score, when its incidents were given.
    pub mean_score: Option<Decimal>,
}

/// Everything a period's report shows, in one serializable shape.
///
/// # Example
///
/// ```
/// use zhidu::{Case, Lang, ReportRequest, Start};
/// let ps = zhidu::PolicySet::builtin().unwrap();
/// let p = ps.policy("s2-service-center").unwrap();
/// let cases = [Ok(Case::new("C1", "promised", "2026-10-12T09:00:00+08:00".parse::<Start>().unwrap(), Some(5)))];
/// let r = p.report(&ReportRequest::new("2026-10".parse().unwrap()).cases(&cases)).unwrap();
/// // Due 10-19 and still open on 10-31: red, 9 working days over (10-20 … 10-30).
/// assert_eq!((r.figures.open_overdue, r.longest_overdue[0].overdue_days), (1, 9));
/// assert!(r.to_html(Lang::Zh).contains("按时办结率"));
/// assert!(r.to_text(Lang::En).contains("on-time completion rate"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Report {
    /// The policy's id.
    pub policy: String,
    /// Its name.
    pub policy_name: String,
    /// The period.
    pub period: String,
    /// The instant statuses and decisions are taken at.
    pub as_of: DateTime<FixedOffset>,
    /// The period's cases plus the case rows that could not be read or evaluated.
    pub cases_total: u64,
    /// The period's case answers that touched a provisional year.
    pub cases_provisional: u64,
    /// The basis of each provisional year they touched.
    pub provisional_basis: Vec<String>,
    /// The figures over every case of the period.
    pub figures: Figures,
    /// Per window (`—` for cases without one), by window.
    pub by_window: Vec<Figures>,
    /// Per deadline class, by class id.
    pub by_class: Vec<Figures>,
    /// Per service item, for cases logged under an item, by item id.
    pub by_item: Vec<Figures>,
    /// The complaints: cases of a class of a complaints section (`ts`, 投诉).
    pub complaints: Figures,
    /// The windows with the highest 按时办结率 (ties: more completed, then window id),
    /// among those that completed a case in the period.
    pub top_windows: Vec<String>,
    /// The windows with the lowest 按时办结率, lowest first.
    pub bottom_windows: Vec<String>,
    /// Open cases within their warning threshold (黄牌), by due instant.
    pub yellow: Vec<CaseStatus>,
    /// Open cases past due (红牌), longest overdue first.
    pub red: Vec<CaseStatus>,
    /// The first [`LONGEST_OVERDUE`] of `red`.
    pub longest_overdue: Vec<CaseStatus>,
    /// The previous period's figures, when its inputs were given.
    pub previous: Option<PreviousPeriod>,
    /// This period minus the previous one.
    pub change: Option<Change>,
    /// Case rows that could not be read or evaluated (row counted from 1).
    pub case_errors: Vec<SkippedRow>,
    /// The scorecards, when the policy has a deduction table.
    pub assessment: Option<Assessment>,
    /// The people's mean score, two decimals, half away from zero.
    pub mean_score: Option<Decimal>,
    /// Deductions per category over every person's card, in table order.
    pub deductions_by_category: Vec<CategoryDeduction>,
    /// The window ranking (红旗窗口).
    pub ranking: Vec<WindowRank>,
    /// Accountability decisions dated in the period.
    pub decisions: Vec<Decision>,
    /// Violation rows that could not be decided.
    pub decision_errors: Vec<SkippedRow>,
    /// Each person's highest tier among the period's decisions.
    pub highest_tiers: Vec<HighestTier>,
    /// The rules the report was computed under: policy id, version and the set's content hash.
    pub stamp: crate::Stamp,
}

impl Report {
    /// Person scorecards only.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let roster = [("李四".to_owned(), "W02".to_owned())];
    /// let r = ps.policy("s2-service-center").unwrap()
    ///     .report(&zhidu::ReportRequest::new("2026-10".parse().unwrap()).roster(&roster)).unwrap();
    /// assert_eq!(r.people().count(), 1);
    /// ```
    pub fn people(&self) -> impl Iterator<Item = &crate::Scorecard> {
        self.assessment
            .iter()
            .flat_map(|a| a.scorecards.iter())
            .filter(|c| c.kind == crate::SubjectKind::Person)
    }

    /// Whether any input row could not be used.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let bad = [Err(zhidu::Error::Input { message: "bad".into(), hint: None })];
    /// let r = ps.policy("s2-service-center").unwrap()
    ///     .report(&zhidu::ReportRequest::new("2026-10".parse().unwrap()).cases(&bad)).unwrap();
    /// assert!(r.has_errors());
    /// assert_eq!(r.case_errors[0].row, 1);
    /// ```
    #[must_use]
    pub fn has_errors(&self) -> bool {
        !self.case_errors.is_empty()
            || self
                .assessment
                .as_ref()
                .is_some_and(|a| !a.errors.is_empty())
            || !self.decision_errors.is_empty()
    }

    /// The report as plain text for a terminal.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let r = ps.policy("s2-service-center").unwrap()
    ///     .report(&zhidu::ReportRequest::new("2026-10".parse().unwrap())).unwrap();
    /// assert!(r.to_text(zhidu::Lang::Zh).contains("按时办结率"));
    /// ```
    #[must_use]
    pub fn to_text(&self, lang: Lang) -> String {
        text::render(self, lang)
    }

    /// The report as one pretty-printed JSON document (money and percentages as strings).
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let r = ps.policy("s2-service-center").unwrap()
    ///     .report(&zhidu::ReportRequest::new("2026-10".parse().unwrap())).unwrap();
    /// assert!(r.to_json().contains("\"period\": \"2026-10\""));
    /// ```
    #[must_use]
    pub fn to_json(&self) -> String {
        // Every field serializes (strings, integers, decimals as strings, maps with string
        // keys), so this cannot fail; an empty object would be the answer if it did.
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_owned())
    }

    /// The report as one self-contained HTML file: inline CSS and SVG charts, no script and
    /// no network, laid out to print on A4.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let r = ps.policy("s2-service-center").unwrap()
    ///     .report(&zhidu::ReportRequest::new("2026-10".parse().unwrap())).unwrap();
    /// let html = r.to_html(zhidu::Lang::En);
    /// assert!(html.starts_with("<!doctype html>") && !html.contains("<script"));
    /// ```
    #[must_use]
    pub fn to_html(&self, lang: Lang) -> String {
        html::render(self, lang)
    }
}
