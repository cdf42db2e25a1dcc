//! The report built from case rows given in chunks (issue #18 point 4): a case log of a
//! million rows is read, counted and dropped chunk by chunk, so the report's memory is what
//! its answer holds, not the log.
//!
//! What is kept per case after its chunk:
//!
//! - nothing for a case that is not of the period, or of it and neither yellow nor red nor
//!   late: it is a count in each figure group it belongs to (the whole period, its window,
//!   class, item, complaints); working days to complete are a histogram per group;
//! - its status, for an open case within its warning threshold (yellow) or past due (red):
//!   the report lists every one;
//! - the incidents it is charged with, for a late case a deduction rule prices (and an item
//!   flow finding): each becomes a line of a scorecard; and its row, for a late case no rule
//!   prices;
//! - one row error per bad row.
//!
//! Incidents, violations and the roster are given whole, as [`ReportRequest`] takes them
//! (a month's incidents and violations are a few per person; the case log is the large
//! input).

use std::collections::{BTreeMap, BTreeSet};

use chrono::Duration;

use super::figures::{Counted, Window};
use super::{Figures, Report, ReportRequest};
use crate::assess::Rows;
use crate::assess::overdue::FromCases;
use crate::{Case, CaseStatus, Error, Period, Policy, SkippedRow, Status};

/// A report fed its case log in chunks: [`ReportBuilder::push_cases`] as the rows are read,
/// then [`ReportBuilder::finish`]. The answer is [`Policy::report`]'s over the same rows
/// (which is this, with one chunk).
///
/// # Example
///
/// ```
/// use zhidu::{Case, ReportBuilder, ReportRequest, Start};
/// let ps = zhidu::PolicySet::builtin()?;
/// let p = ps.policy("s2-service-center")?;
/// let case = |id: &str| Ok(Case::new(id, "promised", "2026-10-12T09:00".parse::<Start>().unwrap(), Some(5)));
/// let mut b = ReportBuilder::new(p, &ReportRequest::new("2026-10".parse()?))?;
/// b.push_cases(&[case("C1"), case("C2")])?;
/// b.push_cases(&[case("C3")])?;
/// let r = b.finish()?;
/// // Due 10-19, open on 10-31: three red cases.
/// assert_eq!((r.figures.cases, r.red.len()), (3, 3));
/// # Ok::<(), zhidu::Error>(())
/// ```
pub struct ReportBuilder<'a> {
    policy: &'a Policy,
    case_policy: &'a Policy,
    req: ReportRequest<'a>,
    current: Tally,
    previous: Option<Tally>,
}

impl core::fmt::Debug for ReportBuilder<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("ReportBuilder")
            .field("policy", &self.policy.id)
            .field("period", &self.current.period)
            .field("rows", &self.current.rows)
            .finish_non_exhaustive()
    }
}

/// One period's counts over the chunks read so far.
pub(super) struct Tally {
    pub(super) period: Period,
    pub(super) window: Window,
    /// Rows read so far (a chunk's rows are numbered after them).
    rows: usize,
    pub(super) all: Figures,
    /// Per window, class and item, and the complaints: only for the report's own period.
    groups: Option<Groups>,
    pub(super) yellow: Vec<CaseStatus>,
    pub(super) red: Vec<CaseStatus>,
    pub(super) errors: Vec<SkippedRow>,
    /// Cases of the period.
    pub(super) counted: u64,
    pub(super) provisional: u64,
    pub(super) basis: BTreeSet<String>,
    /// The case log's incidents for scoring, when the period is scored.
    pub(super) from_cases: Option<FromCases>,
}

pub(super) struct Groups {
    pub(super) by_window: BTreeMap<String, Figures>,
    pub(super) by_class: BTreeMap<String, Figures>,
    pub(super) by_item: BTreeMap<String, Figures>,
    pub(super) complaints: Figures,
}

impl<'a> ReportBuilder<'a> {
    /// A report of `policy` for `req`'s period, as of its instant, with its incidents,
    /// violations, roster and previous incidents; its case rows are not read (give them with
    /// [`ReportBuilder::push_cases`]). The previous period is reported when `req` has
    /// previous cases (an empty slice will do: give them with
    /// [`ReportBuilder::push_previous_cases`]).
    ///
    /// # Errors
    ///
    /// None today; kept for the period's checks.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin()?;
    /// let req = zhidu::ReportRequest::new("2026-10".parse()?).previous_cases(&[]);
    /// let r = zhidu::ReportBuilder::new(ps.policy("s2-service-center")?, &req)?.finish()?;
    /// assert_eq!(r.previous.map(|p| p.period).as_deref(), Some("2026-09"));
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    pub fn new(policy: &'a Policy, req: &ReportRequest<'a>) -> Result<Self, Error> {
        let case_policy = req.case_policy.unwrap_or(policy);
        let offset = policy.calendar().offset();
        let (start, end) = req.period.bounds(offset);
        let last = end - Duration::seconds(1);
        let as_of = req.as_of.map_or(last, |t| t.min(last));
        let scored = policy.assessment.is_some();
        let current = Tally::new(
            req.period,
            Window {
                start,
                end,
                as_of,
                offset,
            },
            true,
            scored,
        );
        let previous = match req.previous_cases {
            Some(_) => {
                let period = super::build::previous(req.period)?;
                let (start, end) = period.bounds(offset);
                let window = Window {
                    start,
                    end,
                    as_of: end - Duration::seconds(1),
                    offset,
                };
                let scored = scored && req.previous_incidents.is_some();
                Some(Tally::new(period, window, false, scored))
            }
            None => None,
        };
        Ok(ReportBuilder {
            policy,
            case_policy,
            req: *req,
            current,
            previous,
        })
    }

    /// The next rows of the period's case log (a row that could not be read is an `Err` in
    /// its place; rows are numbered across chunks).
    ///
    /// # Errors
    ///
    /// [`Error::Input`] when rows are given and the case policy has no deadline classes.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin()?;
    /// let mut b = zhidu::ReportBuilder::new(ps.policy("s2-service-center")?, &zhidu::ReportRequest::new("2026-10".parse()?))?;
    /// b.push_cases(&[Err(zhidu::Error::Input { message: "bad".into(), hint: None })])?;
    /// assert_eq!(b.finish()?.case_errors[0].row, 1);
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    pub fn push_cases(&mut self, rows: &[Result<Case, Error>]) -> Result<(), Error> {
        self.check_classes(rows)?;
        self.current
            .push(self.policy, self.case_policy, &self.req, rows, false)
    }

    /// The next rows of the previous period's case log (it may be the same log: give each
    /// chunk to both). Without previous cases in the request, they start the previous period.
    ///
    /// # Errors
    ///
    /// As [`ReportBuilder::push_cases`].
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Case, Start};
    /// let ps = zhidu::PolicySet::builtin()?;
    /// let mut b = zhidu::ReportBuilder::new(ps.policy("s2-service-center")?, &zhidu::ReportRequest::new("2026-10".parse()?))?;
    /// b.push_previous_cases(&[Ok(Case::new("C0", "promised", "2026-09-14".parse::<Start>()?, Some(5)))])?;
    /// assert_eq!(b.finish()?.previous.unwrap().figures.received, 1);
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    pub fn push_previous_cases(&mut self, rows: &[Result<Case, Error>]) -> Result<(), Error> {
        self.check_classes(rows)?;
        if self.previous.is_none() {
            let req = self.req.previous_cases(&[]);
            self.previous = ReportBuilder::new(self.policy, &req)?.previous;
        }
        match &mut self.previous {
            Some(t) => t.push(self.policy, self.case_policy, &self.req, rows, true),
            None => Ok(()),
        }
    }

    fn check_classes(&self, rows: &[Result<Case, Error>]) -> Result<(), Error> {
        if self.case_policy.classes.is_empty() && !rows.is_empty() {
            return Err(Error::input(
                format!(
                    "policy `{}` has no deadline classes to read the case log with",
                    self.case_policy.id
                ),
                Some("give the case policy, e.g. `s10-service-system`".to_owned()),
            ));
        }
        Ok(())
    }

    /// The report over every row given.
    ///
    /// # Errors
    ///
    /// [`Error::Input`] when violations are given and the policy has no accountability rules.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin()?;
    /// let b = zhidu::ReportBuilder::new(ps.policy("s2-service-center")?, &zhidu::ReportRequest::new("2026-10".parse()?))?;
    /// assert_eq!(b.finish()?.cases_total, 0);
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    pub fn finish(self) -> Result<Report, Error> {
        super::build::finish(self.policy, &self.req, self.current, self.previous)
    }
}

impl Tally {
    fn new(period: Period, window: Window, groups: bool, scored: bool) -> Tally {
        Tally {
            period,
            window,
            rows: 0,
            all: Figures::keyed(""),
            groups: groups.then(|| Groups {
                by_window: BTreeMap::new(),
                by_class: BTreeMap::new(),
                by_item: BTreeMap::new(),
                complaints: Figures::keyed("complaints"),
            }),
            yellow: Vec::new(),
            red: Vec::new(),
            errors: Vec::new(),
            counted: 0,
            provisional: 0,
            basis: BTreeSet::new(),
            from_cases: scored.then(FromCases::empty),
        }
    }

    /// Count a chunk: each case's status at the as-of instant, kept when it belongs to the
    /// period; a row that could not be read or evaluated is a row error with its row.
    fn push(
        &mut self,
        policy: &Policy,
        case_policy: &Policy,
        req: &ReportRequest<'_>,
        rows: &[Result<Case, Error>],
        previous: bool,
    ) -> Result<(), Error> {
        let before = self.rows;
        let window = self.window;
        for (i, row) in rows.iter().enumerate() {
            match row
                .as_ref()
                .map_err(Clone::clone)
                .and_then(|case| counted(case_policy, case, &window))
            {
                Ok(Some(c)) => self.add(case_policy, &c),
                Ok(None) => {}
                Err(e) => self.errors.push(SkippedRow::new("case", before + i + 1, e)),
            }
        }
        if let Some(from_cases) = &mut self.from_cases {
            let incidents = match (previous, req.previous_incidents) {
                (true, Some(rows)) => rows,
                _ => req.incidents,
            };
            let given = |rule: &str, case: &str| {
                incidents
                    .iter()
                    .flatten()
                    .any(|i| i.rule == rule && i.case.as_deref() == Some(case))
            };
            let chunk =
                policy.case_incidents(case_policy, Rows::Mixed(rows), &given, self.period)?;
            from_cases.append(chunk, before);
        }
        self.rows += rows.len();
        Ok(())
    }

    /// Count one case of the period in each group it belongs to.
    fn add(&mut self, case_policy: &Policy, c: &Counted<'_>) {
        let w = &self.window;
        self.all.add(c, w);
        self.counted += 1;
        self.provisional += u64::from(c.status.provisional);
        for b in &c.status.basis {
            if !self.basis.contains(b) {
                self.basis.insert(b.clone());
            }
        }
        let Some(g) = &mut self.groups else { return };
        match c.status.status {
            Status::Yellow => self.yellow.push(c.status.clone()),
            Status::Red => self.red.push(c.status.clone()),
            _ => {}
        }
        let window = c.status.window.as_deref().unwrap_or("—");
        match g.by_window.get_mut(window) {
            Some(f) => f.add(c, w),
            None => {
                let mut f = Figures::keyed(window);
                f.add(c, w);
                g.by_window.insert(window.to_owned(), f);
            }
        }
        if let Ok(class) = case_policy.class(&c.case.class) {
            let class_id = class.class_id();
            g.by_class
                .entry(class_id.to_owned())
                .or_insert_with(|| Figures::keyed(class_id))
                .add(c, w);
            if class.id() != class_id {
                g.by_item
                    .entry(class.id().to_owned())
                    .or_insert_with(|| Figures::keyed(class.id()))
                    .add(c, w);
            }
            if super::build::is_complaint(&class.class.source.clause) {
                g.complaints.add(c, w);
            }
        }
    }

    pub(super) fn groups(self) -> (Tally, Option<Groups>) {
        let mut t = self;
        let g = t.groups.take();
        (t, g)
    }
}

/// A case's status at the as-of instant, when it belongs to the period.
fn counted<'c>(
    policy: &Policy,
    case: &'c Case,
    window: &Window,
) -> Result<Option<Counted<'c>>, Error> {
    let offset = window.offset;
    let status = policy.case_status(case, window.as_of)?;
    if !status.status.is_known() {
        return Ok(None);
    }
    let accepted = case.accepted_at.instant_in(offset)?;
    if !window.belongs(accepted, &status) {
        return Ok(None);
    }
    let days = match status.completed_at {
        Some(done) if window.contains(done) => Some(policy.calendar().working_days_between(
            accepted.date_naive(),
            done.with_timezone(&offset).date_naive(),
        )?),
        _ => None,
    };
    Ok(Some(Counted {
        case,
        status,
        accepted,
        days,
    }))
}
