//! `Policy::report`: statuses at the as-of instant, the cases that belong to the period,
//! their figures by group, then scorecards, ranking and decisions.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, FixedOffset};
use rust_decimal::Decimal;

use super::figures::{Counted, Window};
use super::{
    CategoryDeduction, Change, Figures, HighestTier, LONGEST_OVERDUE, PreviousPeriod, Report,
    ReportRequest, TOP_WINDOWS,
};
use crate::{
    AssessRequest, Case, CaseStatus, Error, Period, PeriodKind, Policy, SkippedRow, Status,
    SubjectKind,
};

/// The figures of one period's cases, with what the lists need.
struct CaseFigures<'a> {
    counted: Vec<Counted<'a>>,
    errors: Vec<SkippedRow>,
    window: Window,
}

impl Policy {
    /// The report of a period: case statuses and the supervisor's figures, yellow and red
    /// lists, scorecards, the window ranking and accountability decisions, with the previous
    /// period's figures and the change when its inputs are given.
    ///
    /// A period's figures count what belongs to it: cases received in it, completed in it,
    /// or open at its end; a case completed before the period is not among them.
    ///
    /// # Errors
    ///
    /// [`Error::Input`] when cases are given and neither this policy nor
    /// [`ReportRequest::case_policy`] has deadline classes, or violations are given and the
    /// policy has no accountability rules. Bad rows are not errors: they are in
    /// [`Report::case_errors`], the assessment's errors and [`Report::decision_errors`].
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Case, ReportRequest, Start};
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let p = ps.policy("s2-service-center").unwrap();
    /// let day = |s: &str| s.parse::<Start>().unwrap();
    /// let mut september = Case::new("C0", "promised", day("2026-09-14T09:00"), Some(5));
    /// september.completed_at = Some(day("2026-09-16T10:00"));
    /// let mut october = Case::new("C1", "promised", day("2026-10-12T09:00"), Some(5));
    /// october.completed_at = Some(day("2026-10-20T10:00")); // due 10-19: one day late
    /// let cases = [Ok(september), Ok(october)];
    /// let r = p.report(&ReportRequest::new("2026-10".parse().unwrap()).cases(&cases)).unwrap();
    /// assert_eq!((r.figures.cases, r.figures.completed, r.figures.overdue), (1, 1, 1));
    /// assert_eq!(r.figures.on_time_rate.percent.unwrap().to_string(), "0.00");
    /// ```
    pub fn report(&self, req: &ReportRequest<'_>) -> Result<Report, Error> {
        let case_policy = req.case_policy.unwrap_or(self);
        if case_policy.classes.is_empty()
            && (!req.cases.is_empty() || req.previous_cases.is_some_and(|c| !c.is_empty()))
        {
            return Err(Error::input(
                format!(
                    "policy `{}` has no deadline classes to read the case log with",
                    case_policy.id
                ),
                Some("give the case policy, e.g. `s10-service-system`".to_owned()),
            ));
        }
        let offset = self.calendar().offset();
        let (start, end) = req.period.bounds(offset);
        let last = end - Duration::seconds(1);
        let as_of = req.as_of.map_or(last, |t| t.min(last));
        let cases = case_figures(case_policy, req.cases, start, end, as_of);

        let mut all = Figures::keyed("");
        let mut by_window: BTreeMap<String, Figures> = BTreeMap::new();
        let mut by_class: BTreeMap<String, Figures> = BTreeMap::new();
        let mut by_item: BTreeMap<String, Figures> = BTreeMap::new();
        let mut complaints = Figures::keyed("complaints");
        for c in &cases.counted {
            let w = &cases.window;
            all.add(c, w);
            let window = c.status.window.clone().unwrap_or_else(|| "—".to_owned());
            by_window
                .entry(window.clone())
                .or_insert_with(|| Figures::keyed(window))
                .add(c, w);
            if let Ok(class) = case_policy.class(&c.case.class) {
                let class_id = class.class_id();
                by_class
                    .entry(class_id.to_owned())
                    .or_insert_with(|| Figures::keyed(class_id))
                    .add(c, w);
                if class.id() != class_id {
                    by_item
                        .entry(class.id().to_owned())
                        .or_insert_with(|| Figures::keyed(class.id()))
                        .add(c, w);
                }
                if is_complaint(&class.class.source.clause) {
                    complaints.add(c, w);
                }
            }
        }
        let by_window: Vec<Figures> = by_window.into_values().map(Figures::finish).collect();
        let (top_windows, bottom_windows) = top_and_bottom(&by_window);

        let mut yellow: Vec<CaseStatus> = statuses(&cases, Status::Yellow);
        yellow.sort_by(|a, b| (a.due_at, &a.id).cmp(&(b.due_at, &b.id)));
        let mut red: Vec<CaseStatus> = statuses(&cases, Status::Red);
        red.sort_by(|a, b| {
            b.overdue_days
                .cmp(&a.overdue_days)
                .then_with(|| a.id.cmp(&b.id))
        });
        let longest_overdue = red.iter().take(LONGEST_OVERDUE).cloned().collect();

        let assessment = match self.assessment {
            Some(_) => Some(
                self.assess(
                    &AssessRequest::new(req.period)
                        .incident_rows(req.incidents)
                        .roster_as(req.roster)
                        .case_rows(case_policy, req.cases),
                )?,
            ),
            None => None,
        };
        let ranking = match &assessment {
            Some(a) => self.rank(a)?,
            None => Vec::new(),
        };
        let (decisions, decision_errors) = if req.violations.is_empty() {
            (Vec::new(), Vec::new())
        } else {
            let d = self.decide(req.violations, Some(as_of))?;
            let (first, last_day) = req.period.days();
            let in_period = d
                .decisions
                .into_iter()
                .filter(|x| (first..=last_day).contains(&x.at.with_timezone(&offset).date_naive()))
                .collect::<Vec<_>>();
            (in_period, d.errors)
        };
        let mut highest: BTreeMap<String, Option<u32>> = BTreeMap::new();
        for x in &decisions {
            let h = highest.entry(x.subject.clone()).or_default();
            *h = (*h).max(x.tier);
        }

        let figures = all.finish();
        let previous = match req.previous_cases {
            Some(rows) => Some(self.previous_period(req, case_policy, rows)?),
            None => None,
        };
        let change = previous
            .as_ref()
            .map(|p| Change::between(&figures, &p.figures));
        let in_scope = &cases.counted;
        let mut basis: Vec<String> = in_scope
            .iter()
            .flat_map(|c| c.status.basis.iter().cloned())
            .collect();
        basis.sort();
        basis.dedup();
        Ok(Report {
            policy: self.id.clone(),
            policy_name: self.name.clone(),
            period: req.period.to_string(),
            as_of,
            cases_total: count(in_scope.len() + cases.errors.len()),
            cases_provisional: count(in_scope.iter().filter(|c| c.status.provisional).count()),
            provisional_basis: basis,
            figures,
            by_window,
            by_class: by_class.into_values().map(Figures::finish).collect(),
            by_item: by_item.into_values().map(Figures::finish).collect(),
            complaints: complaints.finish(),
            top_windows,
            bottom_windows,
            yellow,
            red,
            longest_overdue,
            previous,
            change,
            case_errors: cases.errors,
            mean_score: assessment.as_ref().and_then(mean_score),
            deductions_by_category: assessment
                .as_ref()
                .map(deductions_by_category)
                .unwrap_or_default(),
            assessment,
            ranking,
            decisions,
            decision_errors,
            highest_tiers: highest
                .into_iter()
                .map(|(subject, tier)| HighestTier { subject, tier })
                .collect(),
            stamp: self.stamp(),
        })
    }

    /// The previous period's figures (as of its last second) and its mean score.
    fn previous_period(
        &self,
        req: &ReportRequest<'_>,
        case_policy: &Policy,
        rows: &[Result<Case, Error>],
    ) -> Result<PreviousPeriod, Error> {
        let period = previous(req.period)?;
        let (start, end) = period.bounds(self.calendar().offset());
        let cases = case_figures(case_policy, rows, start, end, end - Duration::seconds(1));
        let mut figures = Figures::keyed("");
        for c in &cases.counted {
            figures.add(c, &cases.window);
        }
        let mean = match (req.previous_incidents, &self.assessment) {
            (Some(incidents), Some(_)) => mean_score(
                &self.assess(
                    &AssessRequest::new(period)
                        .incident_rows(incidents)
                        .roster_as(req.roster)
                        .case_rows(case_policy, rows),
                )?,
            ),
            _ => None,
        };
        Ok(PreviousPeriod {
            period: period.to_string(),
            figures: figures.finish(),
            mean_score: mean,
        })
    }
}

/// Each case's status at `as_of`, kept when it belongs to the period; a row that could not be
/// read or evaluated is a row error with its 1-based row.
fn case_figures<'a>(
    policy: &Policy,
    rows: &'a [Result<Case, Error>],
    start: DateTime<FixedOffset>,
    end: DateTime<FixedOffset>,
    as_of: DateTime<FixedOffset>,
) -> CaseFigures<'a> {
    let offset = policy.calendar().offset();
    let window = Window {
        start,
        end,
        as_of,
        offset,
    };
    let mut counted = Vec::new();
    let mut errors = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let one = |case: &'a Case| -> Result<Option<Counted<'a>>, Error> {
            let status = policy.case_status(case, as_of)?;
            if !status.status.is_known() {
                return Ok(None);
            }
            let accepted = case.accepted_at.instant_in(offset)?;
            if !window.belongs(accepted, &status) {
                return Ok(None);
            }
            let days = match status.completed_at {
                Some(done) if window.contains(done) => {
                    Some(policy.calendar().working_days_between(
                        accepted.date_naive(),
                        done.with_timezone(&offset).date_naive(),
                    )?)
                }
                _ => None,
            };
            Ok(Some(Counted {
                case,
                status,
                accepted,
                days,
            }))
        };
        match row.as_ref().map_err(Clone::clone).and_then(one) {
            Ok(Some(c)) => counted.push(c),
            Ok(None) => {}
            Err(e) => errors.push(SkippedRow::new("case", i + 1, e)),
        }
    }
    CaseFigures {
        counted,
        errors,
        window,
    }
}

fn statuses(cases: &CaseFigures<'_>, status: Status) -> Vec<CaseStatus> {
    cases
        .counted
        .iter()
        .filter(|c| c.status.status == status)
        .map(|c| c.status.clone())
        .collect()
}

/// A class of a complaints section (投诉, section `ts` of the digest: S2.ts.5, S2.ts.6a …).
fn is_complaint(clause: &str) -> bool {
    clause.split('.').nth(1) == Some("ts")
}

/// The windows that completed a case, best and worst by 按时办结率 compared exactly; ties go
/// to more completed cases, then the window id.
fn top_and_bottom(windows: &[Figures]) -> (Vec<String>, Vec<String>) {
    let mut ranked: Vec<&Figures> = windows.iter().filter(|w| w.completed > 0).collect();
    ranked.sort_by(|a, b| {
        b.on_time_rate
            .cmp_exact(&a.on_time_rate)
            .then_with(|| b.completed.cmp(&a.completed))
            .then_with(|| a.key.cmp(&b.key))
    });
    let top = ranked
        .iter()
        .take(TOP_WINDOWS)
        .map(|w| w.key.clone())
        .collect();
    ranked.sort_by(|a, b| {
        a.on_time_rate
            .cmp_exact(&b.on_time_rate)
            .then_with(|| b.completed.cmp(&a.completed))
            .then_with(|| a.key.cmp(&b.key))
    });
    let bottom = ranked
        .iter()
        .take(TOP_WINDOWS)
        .map(|w| w.key.clone())
        .collect();
    (top, bottom)
}

/// The mean of the people's totals, two decimals, half away from zero.
fn mean_score(a: &crate::Assessment) -> Option<Decimal> {
    let totals: Vec<i64> = a
        .scorecards
        .iter()
        .filter(|c| c.kind == SubjectKind::Person)
        .map(|c| c.total)
        .collect();
    let n = totals.len();
    (n > 0).then(|| {
        super::figures::two_places(Decimal::from(totals.iter().sum::<i64>()) / Decimal::from(n))
    })
}

fn deductions_by_category(a: &crate::Assessment) -> Vec<CategoryDeduction> {
    let mut out: Vec<CategoryDeduction> = Vec::new();
    for card in a
        .scorecards
        .iter()
        .filter(|c| c.kind == SubjectKind::Person)
    {
        for c in &card.categories {
            match out.iter_mut().find(|d| d.category == c.id) {
                Some(d) => d.points += c.raw_deductions,
                None => out.push(CategoryDeduction {
                    category: c.id.clone(),
                    name: c.name.clone(),
                    points: c.raw_deductions,
                }),
            }
        }
    }
    out
}

/// The period before `p`, of the same kind.
fn previous(p: Period) -> Result<Period, Error> {
    let (first, _) = p.days();
    let day = first.pred_opt().unwrap_or(first);
    let text = match p.kind() {
        PeriodKind::Month => day.format("%Y-%m").to_string(),
        PeriodKind::Quarter => {
            use chrono::Datelike;
            format!("{}-Q{}", day.year(), day.month().div_ceil(3))
        }
        PeriodKind::Year => day.format("%Y").to_string(),
    };
    text.parse()
}

fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previous_periods() {
        let prev =
            |s: &str| previous(s.parse().unwrap_or_else(|_| unreachable!())).map(|p| p.to_string());
        assert_eq!(prev("2026-10").ok().as_deref(), Some("2026-09"));
        assert_eq!(prev("2026-01").ok().as_deref(), Some("2025-12"));
        assert_eq!(prev("2026-Q1").ok().as_deref(), Some("2025-Q4"));
        assert_eq!(prev("2026").ok().as_deref(), Some("2025"));
    }

    /// An as-of instant after the period is brought back to its last second: a completion in
    /// November is not October's, and the case is open at October's end.
    #[test]
    fn as_of_after_the_period_is_its_last_second() -> Result<(), Error> {
        let ps = crate::PolicySet::builtin()?;
        let p = ps.policy("s2-service-center")?;
        let offset = p.calendar().offset();
        let mut c = Case::new(
            "C",
            "promised",
            "2026-10-26T09:00".parse::<crate::Start>()?,
            Some(3),
        );
        c.completed_at = Some("2026-11-02T10:00".parse()?);
        let cases = [Ok(c)];
        let later = crate::Start::parse_instant("2026-11-30T12:00", offset)?;
        let r = p.report(
            &ReportRequest::new("2026-10".parse()?)
                .cases(&cases)
                .as_of(later),
        )?;
        assert_eq!(r.as_of.to_rfc3339(), "2026-10-31T23:59:59+08:00");
        // Due 10-29 (27, 28, 29), open on 10-31: red, not completed.
        assert_eq!(
            (r.figures.completed, r.figures.open, r.figures.open_overdue),
            (0, 1, 1)
        );
        Ok(())
    }

    #[test]
    fn complaint_sections() {
        assert!(is_complaint("S2.ts.6b"));
        assert!(!is_complaint("S2.xs.2"));
    }
}
