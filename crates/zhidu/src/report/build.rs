//! `Policy::report`: statuses at the as-of instant, the cases that belong to the period,
//! their figures by group, then scorecards, ranking and decisions.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::stream::{Groups, Tally};
use super::{
    CategoryDeduction, Change, Figures, HighestTier, LONGEST_OVERDUE, PreviousPeriod, Report,
    ReportRequest, TOP_WINDOWS,
};
use crate::{AssessRequest, Error, Period, PeriodKind, Policy, SubjectKind};

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
        // One chunk of the stream: the answer is the same whichever way the rows come.
        let mut b = super::ReportBuilder::new(self, req)?;
        b.push_cases(req.cases)?;
        if let Some(rows) = req.previous_cases {
            b.push_previous_cases(rows)?;
        }
        b.finish()
    }
}

/// The report from the counts of the case log (`current`, `previous`) and the request's other
/// inputs: scorecards, ranking and decisions.
pub(super) fn finish(
    policy: &Policy,
    req: &ReportRequest<'_>,
    current: Tally,
    previous: Option<Tally>,
) -> Result<Report, Error> {
    let offset = policy.calendar().offset();
    let as_of = current.window.as_of;
    let (mut cases, groups) = current.groups();
    let Groups {
        by_window,
        by_class,
        by_item,
        complaints,
    } = groups.unwrap_or_else(|| Groups {
        by_window: BTreeMap::new(),
        by_class: BTreeMap::new(),
        by_item: BTreeMap::new(),
        complaints: Figures::keyed("complaints"),
    });
    let by_window: Vec<Figures> = by_window.into_values().map(Figures::finish).collect();
    let (top_windows, bottom_windows) = top_and_bottom(&by_window);

    let mut yellow = core::mem::take(&mut cases.yellow);
    yellow.sort_by(|a, b| (a.due_at, &a.id).cmp(&(b.due_at, &b.id)));
    let mut red = core::mem::take(&mut cases.red);
    red.sort_by(|a, b| {
        b.overdue_days
            .cmp(&a.overdue_days)
            .then_with(|| a.id.cmp(&b.id))
    });
    let longest_overdue = red.iter().take(LONGEST_OVERDUE).cloned().collect();

    let assessment = match &policy.assessment {
        Some(_) => Some(
            policy.assess_with(
                &AssessRequest::new(req.period)
                    .incident_rows(req.incidents)
                    .roster_as(req.roster),
                cases.from_cases.take(),
            )?,
        ),
        None => None,
    };
    let ranking = match &assessment {
        Some(a) => policy.rank(a)?,
        None => Vec::new(),
    };
    let (decisions, decision_errors) = if req.violations.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        let d = policy.decide(req.violations, Some(as_of))?;
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

    let figures = core::mem::take(&mut cases.all).finish();
    let previous = match previous {
        Some(t) => Some(previous_period(policy, req, t)?),
        None => None,
    };
    let change = previous
        .as_ref()
        .map(|p| Change::between(&figures, &p.figures));
    Ok(Report {
        policy: policy.id.clone(),
        policy_name: policy.name.clone(),
        period: req.period.to_string(),
        as_of,
        cases_total: cases.counted.saturating_add(count(cases.errors.len())),
        cases_provisional: cases.provisional,
        provisional_basis: cases.basis.into_iter().collect(),
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
        stamp: policy.stamp(),
    })
}

/// The previous period's figures (as of its last second) and its mean score.
fn previous_period(
    policy: &Policy,
    req: &ReportRequest<'_>,
    mut t: Tally,
) -> Result<PreviousPeriod, Error> {
    let mean = match (req.previous_incidents, &policy.assessment) {
        (Some(incidents), Some(_)) => mean_score(
            &policy.assess_with(
                &AssessRequest::new(t.period)
                    .incident_rows(incidents)
                    .roster_as(req.roster),
                t.from_cases.take(),
            )?,
        ),
        _ => None,
    };
    Ok(PreviousPeriod {
        period: t.period.to_string(),
        figures: core::mem::take(&mut t.all).finish(),
        mean_score: mean,
    })
}

/// A class of a complaints section (投诉, section `ts` of the digest: S2.ts.5, S2.ts.6a …).
pub(super) fn is_complaint(clause: &str) -> bool {
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
pub(super) fn previous(p: Period) -> Result<Period, Error> {
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
    use crate::Case;

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
