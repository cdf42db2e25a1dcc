//! `Policy::patrol_failures`: the patrol log against the patrols owed each day by each duty
//! window (S4.req.1); each day short is a duty failure, an incident of S4.req.4.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::duty::{duty_of_month, month_bounds};
use super::model::{DutyWindow, PatrolDays};
use crate::rows::Patrol;
use crate::source::DefaultNote;
use crate::{Error, Incident, Period, Policy, SkippedRow, Start};

/// The incident row a window's duty failures of one month are scored as, shaped like an
/// `incident` input row, so it can be fed to `assess` or `rank` as it is: one row per window
/// and month, its `quantity` the days short (S4.req.4 costs the month's 红旗窗口 once,
/// however many days).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct FailureIncident {
    /// The duty officer, or the window when the list names no officer (the rule charges the
    /// window).
    pub subject: String,
    /// The duty window.
    pub window: String,
    /// The first day short in the month.
    pub at: NaiveDate,
    /// The failure rule, `S4.req.4`.
    pub rule: String,
    /// The days short.
    pub quantity: u32,
    /// What was short.
    pub note: String,
}

/// A day on which a duty window logged fewer patrols than it owed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DutyFailure {
    /// The duty window.
    pub window: String,
    /// Its officer.
    pub officer: Option<String>,
    /// The day.
    pub date: NaiveDate,
    /// Patrols logged that day.
    pub patrols: u32,
    /// Patrols owed.
    pub required: u32,
    /// The patrol clause and the failure rule's.
    pub clauses: Vec<String>,
}

/// One duty window's month of patrols.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct WindowPatrols {
    /// `YYYY-MM`.
    pub month: String,
    /// The window.
    pub window: String,
    /// Its officer.
    pub officer: Option<String>,
    /// Days patrols were owed.
    pub days: u32,
    /// Patrols logged on those days.
    pub patrols: u32,
    /// Days short.
    pub days_short: u32,
}

/// The patrol log checked over a period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PatrolCheck {
    /// The policy.
    pub policy: String,
    /// The period.
    pub period: String,
    /// Patrols owed a day.
    pub per_day: u32,
    /// Each duty window of each month.
    pub windows: Vec<WindowPatrols>,
    /// Each day short, by month, window and day.
    pub failures: Vec<DutyFailure>,
    /// The failures as incident rows to score, one per window and month.
    pub incidents: Vec<FailureIncident>,
    /// Patrol rows of a window not on duty that month, or of a day patrols are not owed
    /// (a rest day with `days = "working_days"`), or outside the period.
    pub ignored_rows: Vec<usize>,
    /// The clauses the check rests on.
    pub clauses: Vec<String>,
    /// The defaults it uses.
    pub defaults: Vec<DefaultNote>,
    /// Patrol rows that could not be read.
    pub errors: Vec<SkippedRow>,
}

impl PatrolCheck {
    /// The failures as incidents, to add to the incidents of `assess` or `rank`: each
    /// disqualifies its window from 红旗窗口 that month (S4.req.4).
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let p = ps.policy("s4-duty-rota").unwrap();
    /// let windows = [zhidu::DutyWindow::new("W01", Some("张三"))];
    /// let check = p.patrol_failures("2027-02".parse().unwrap(), &windows, &[]).unwrap();
    /// let incidents = check.incidents();
    /// // No patrol in February: one incident for the month, a quantity of every day short.
    /// assert_eq!(incidents.len(), 1);
    /// assert_eq!(incidents[0].rule, "S4.req.4");
    /// assert_eq!(incidents[0].quantity, Some(check.failures.len() as i64));
    /// ```
    #[must_use]
    pub fn incidents(&self) -> Vec<Incident> {
        self.incidents
            .iter()
            .map(|f| {
                let mut i = Incident::new(f.subject.clone(), f.rule.clone(), Start::Date(f.at));
                i.window = Some(f.window.clone());
                i.quantity = Some(i64::from(f.quantity));
                i.note = Some(f.note.clone());
                i
            })
            .collect()
    }
}

impl Policy {
    /// Check a patrol log over `period` (a month, quarter or year): each duty window of each
    /// month (round-robin over `windows`, or the policy's own list) owes `[patrols] per_day`
    /// patrols on each day of `[patrols] days`; each day short is a [`DutyFailure`] carrying
    /// the failure rule (S4.req.4); each window's days short in a month are one incident row
    /// to score.
    ///
    /// # Errors
    ///
    /// The policy has no rota or no patrol rule, no windows are listed, or a day of the period
    /// is outside the calendar. Bad patrol rows are returned in [`PatrolCheck::errors`].
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{Cell, Patrol};
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let p = ps.policy("s4-duty-rota").unwrap();
    /// let windows = [zhidu::DutyWindow::new("W01", Some("张三"))];
    /// let row = |at: &str| zhidu::rows::read::<Patrol>(Cell::from_json(&serde_json::json!({"window": "W01", "at": at})), 1).map_err(Into::into);
    /// let log = [row("2027-01-04T09:00"), row("2027-01-04T15:00"), row("2027-01-05T09:00")];
    /// let check = p.patrol_failures("2027-01".parse().unwrap(), &windows, &log).unwrap();
    /// // 20 working days in January 2027; 01-04 has its two patrols, the other 19 are short.
    /// assert_eq!(check.failures.len(), 19);
    /// assert_eq!((check.failures[0].date.to_string(), check.failures[0].patrols), ("2027-01-05".into(), 1));
    /// ```
    pub fn patrol_failures(
        &self,
        period: Period,
        windows: &[DutyWindow],
        patrols: &[Result<Patrol, Error>],
    ) -> Result<PatrolCheck, Error> {
        let model = self.rota_model()?;
        let rule = model.patrols.as_ref().ok_or_else(|| Error::Input {
            message: format!("policy `{}` has no patrol rule", self.id),
            hint: Some("patrols are S4's (S4.req.1): use `s4-duty-rota`, or a policy with a `[patrols]` section".to_owned()),
        })?;
        let list = self.rota_windows(windows)?;
        let (first, last) = period.days();
        self.check_in_force(first)?;
        let offset = self.calendar.offset();
        let mut errors = Vec::new();
        // (window, day) → patrols logged, and the rows that counted.
        let mut counts: HashMap<(&str, NaiveDate), u32> = HashMap::new();
        let mut rows_of: Vec<(usize, &str, NaiveDate)> = Vec::new();
        for (i, row) in patrols.iter().enumerate() {
            match row {
                Err(e) => errors.push(SkippedRow::new("patrol", i + 1, e.clone())),
                Ok(p) => rows_of.push((i + 1, p.window.as_str(), p.at.local_date(offset))),
            }
        }
        for &(_, w, d) in &rows_of {
            *counts.entry((w, d)).or_insert(0) += 1;
        }
        let mut owed: HashMap<(&str, NaiveDate), ()> = HashMap::new();
        let mut out_windows = Vec::new();
        let mut failures = Vec::new();
        let mut incidents = Vec::new();
        let mut month = NaiveDate::from_ymd_opt(first.year(), first.month(), 1);
        while let Some(m_first) = month.filter(|m| *m <= last) {
            let (_, m_last) =
                month_bounds(m_first.year(), m_first.month()).unwrap_or((m_first, m_first));
            let mut days = Vec::new();
            let mut d = m_first;
            while d <= m_last {
                let kept = match rule.days {
                    PatrolDays::EveryDay => true,
                    PatrolDays::WorkingDays => self.calendar.is_working_day(d)?,
                };
                if kept {
                    days.push(d);
                }
                let Some(next) = d.succ_opt() else { break };
                d = next;
            }
            let m0 = m_first.month0();
            for (_, w) in duty_of_month(list, model.per_month, m0) {
                let mut logged = 0;
                let mut short = 0;
                let mut first_short = None;
                for &day in &days {
                    owed.insert((w.window.as_str(), day), ());
                    let n = counts.get(&(w.window.as_str(), day)).copied().unwrap_or(0);
                    logged += n;
                    if n < rule.per_day {
                        short += 1;
                        first_short.get_or_insert(day);
                        failures.push(failure(w, day, n, rule));
                    }
                }
                if let Some(at) = first_short {
                    incidents.push(incident(w, at, short, rule));
                }
                out_windows.push(WindowPatrols {
                    month: format!("{:04}-{:02}", m_first.year(), m_first.month()),
                    window: w.window.clone(),
                    officer: w.head.clone(),
                    days: u32::try_from(days.len()).unwrap_or(u32::MAX),
                    patrols: logged,
                    days_short: short,
                });
            }
            month = m_first.checked_add_months(chrono::Months::new(1));
        }
        let ignored_rows = rows_of
            .iter()
            .filter(|(_, w, d)| !owed.contains_key(&(*w, *d)))
            .map(|(row, ..)| *row)
            .collect();
        let mut clauses: Vec<String> = rule.source.iter().map(|c| c.clause.clone()).collect();
        clauses.push(rule.failure_clause.clause.clone());
        clauses.extend(model.source.iter().map(|c| c.clause.clone()));
        let mut defaults = rule.defaults.clone();
        defaults.extend(model.defaults.iter().cloned());
        Ok(PatrolCheck {
            policy: self.id.clone(),
            period: period.to_string(),
            per_day: rule.per_day,
            windows: out_windows,
            failures,
            incidents,
            ignored_rows,
            clauses,
            defaults,
            errors,
        })
    }
}

fn failure(w: &DutyWindow, day: NaiveDate, n: u32, rule: &super::model::PatrolRule) -> DutyFailure {
    let mut clauses: Vec<String> = rule.source.iter().map(|c| c.clause.clone()).collect();
    clauses.push(rule.failure_clause.clause.clone());
    DutyFailure {
        window: w.window.clone(),
        officer: w.head.clone(),
        date: day,
        patrols: n,
        required: rule.per_day,
        clauses,
    }
}

fn incident(
    w: &DutyWindow,
    at: NaiveDate,
    short: u32,
    rule: &super::model::PatrolRule,
) -> FailureIncident {
    let patrol_clause = rule
        .source
        .first()
        .map_or_else(String::new, |c| c.clause.clone());
    FailureIncident {
        subject: w.head.clone().unwrap_or_else(|| w.window.clone()),
        window: w.window.clone(),
        at,
        rule: rule.failure_rule.clone(),
        quantity: short,
        note: format!(
            "{short} days short of {} patrols a day, the first {at} ({patrol_clause})",
            rule.per_day
        ),
    }
}
