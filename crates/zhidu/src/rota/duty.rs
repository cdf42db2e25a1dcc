//! `Policy::rota`: the months of a year with their duty windows, officers, convener and
//! stand-ins.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::model::DutyWindow;
use crate::rows::Away;
use crate::source::DefaultNote;
use crate::{Error, Policy, SkippedRow};

/// A stand-in named while a duty officer is away (S4.req.3), within one month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct StandIn {
    /// The first day away in the month.
    pub from: NaiveDate,
    /// The last day away in the month.
    pub until: NaiveDate,
    /// The person named; `None` when the absence names nobody (S4.req.3 asks for one).
    pub stand_in: Option<String>,
    /// The absence's row.
    pub row: usize,
}

/// One window on duty in a month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DutyAssignment {
    /// The window.
    pub window: String,
    /// Its head, the duty officer (S4.est.2); `None` when the list does not name one.
    pub officer: Option<String>,
    /// 1-based place in the month's duty list.
    pub position: u32,
    /// Whether it convenes the month's joint inspection (S4.annex).
    pub convener: bool,
    /// Absences of the officer in the month, with their stand-ins.
    pub stand_ins: Vec<StandIn>,
}

/// A month of the rota.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RotaMonth {
    /// `YYYY-MM`.
    pub month: String,
    /// The windows on duty, in their order for the month.
    pub duty: Vec<DutyAssignment>,
    /// The convening window.
    pub convener: String,
}

/// The rota of a year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Rota {
    /// The policy.
    pub policy: String,
    /// The year.
    pub year: i32,
    /// How many windows the rotation runs over.
    pub windows: usize,
    /// Windows on duty a month (fewer when the list is shorter).
    pub per_month: u32,
    /// The twelve months.
    pub months: Vec<RotaMonth>,
    /// Absence rows that concern no duty month of the year.
    pub unused_rows: Vec<usize>,
    /// The clauses the rota rests on.
    pub clauses: Vec<String>,
    /// The defaults it uses.
    pub defaults: Vec<DefaultNote>,
    /// Absence rows that could not be used.
    pub errors: Vec<SkippedRow>,
}

/// The windows on duty in the year's month `m0` (0 for January): round-robin over the list,
/// `per_month` a month, continuing from the windows after last month's (A25), restarting
/// each January with the first-listed window. A list shorter than `per_month` puts every
/// window on duty each month, once.
pub(crate) fn duty_of_month(
    list: &[DutyWindow],
    per_month: u32,
    m0: u32,
) -> Vec<(u32, &DutyWindow)> {
    let n = list.len();
    if n == 0 {
        return Vec::new();
    }
    let k = (per_month as usize).min(n);
    let start = (m0 as usize * per_month as usize) % n;
    (0..k)
        .filter_map(|j| list.get((start + j) % n).map(|w| (j as u32 + 1, w)))
        .collect()
}

pub(crate) fn month_bounds(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let last = first
        .checked_add_months(chrono::Months::new(1))?
        .pred_opt()?;
    Some((first, last))
}

impl Policy {
    /// The duty rota of `year`: for each month the windows on duty (round-robin over
    /// `windows`, or the policy's own list when `windows` is empty), their officers, the
    /// convener, and the stand-ins named in `away` rows (S4.req.3: an input, never invented).
    ///
    /// # Errors
    ///
    /// The policy has no rota, no windows are listed or one is listed twice, or the policy
    /// is not in force in `year`. Bad absence rows are returned in [`Rota::errors`].
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let p = ps.policy("s4-duty-rota").unwrap();
    /// let windows: Vec<_> = (1..=10).map(|i| zhidu::DutyWindow::new(format!("W{i:02}"), None)).collect();
    /// let rota = p.rota(2027, &windows, &[]).unwrap();
    /// // January W01–W04, February W05–W08, March W09, W10, W01, W02.
    /// assert_eq!(rota.months[2].duty.iter().map(|d| d.window.as_str()).collect::<Vec<_>>(), ["W09", "W10", "W01", "W02"]);
    /// assert_eq!(rota.months[2].convener, "W09");
    /// ```
    pub fn rota(
        &self,
        year: i32,
        windows: &[DutyWindow],
        away: &[Result<Away, Error>],
    ) -> Result<Rota, Error> {
        let model = self.rota_model()?;
        let list = self.rota_windows(windows)?;
        let (_, last) = month_bounds(year, 12).ok_or_else(|| Error::Input {
            message: format!("`{year}` is not a year"),
            hint: None,
        })?;
        self.check_in_force(last)?;
        let offset = self.calendar.offset();
        let mut errors = Vec::new();
        let mut absences = Vec::new();
        for (i, row) in away.iter().enumerate() {
            match row {
                Err(e) => errors.push(SkippedRow::new("away", i + 1, e.clone())),
                Ok(a) => {
                    let from = a.from.local_date(offset);
                    let until = a.until.map_or(from, |u| u.local_date(offset));
                    if until < from {
                        errors.push(SkippedRow::new(
                            "away",
                            i + 1,
                            Error::Input {
                                message: format!("`until` {until} is before `from` {from}"),
                                hint: None,
                            },
                        ));
                    } else {
                        absences.push((i + 1, a, from, until));
                    }
                }
            }
        }
        let mut used = vec![false; absences.len()];
        let mut months = Vec::new();
        for m in 1..=12u32 {
            let Some((first, last)) = month_bounds(year, m) else {
                continue;
            };
            let mut duty = Vec::new();
            for (position, w) in duty_of_month(list, model.per_month, m - 1) {
                let mut stand_ins = Vec::new();
                for (k, (row, a, from, until)) in absences.iter().enumerate() {
                    if a.window == w.window && *from <= last && *until >= first {
                        if let Some(u) = used.get_mut(k) {
                            *u = true;
                        }
                        stand_ins.push(StandIn {
                            from: (*from).max(first),
                            until: (*until).min(last),
                            stand_in: a.stand_in.clone(),
                            row: *row,
                        });
                    }
                }
                duty.push(DutyAssignment {
                    window: w.window.clone(),
                    officer: w.head.clone(),
                    position,
                    convener: position == model.convener_position,
                    stand_ins,
                });
            }
            let convener = duty
                .iter()
                .find(|d| d.convener)
                .or(duty.first())
                .map(|d| d.window.clone())
                .unwrap_or_default();
            months.push(RotaMonth {
                month: format!("{:04}-{:02}", first.year(), m),
                duty,
                convener,
            });
        }
        let unused_rows = absences
            .iter()
            .zip(&used)
            .filter(|(_, u)| !**u)
            .map(|((row, ..), _)| *row)
            .collect();
        let mut clauses: Vec<String> = model.source.iter().map(|c| c.clause.clone()).collect();
        clauses.extend(model.convener_source.iter().map(|c| c.clause.clone()));
        if !away.is_empty() {
            clauses.extend(model.stand_in_source.iter().map(|c| c.clause.clone()));
        }
        let mut defaults = model.defaults.clone();
        defaults.extend(model.convener_defaults.iter().cloned());
        if !away.is_empty() {
            defaults.extend(model.stand_in_defaults.iter().cloned());
        }
        Ok(Rota {
            policy: self.id.clone(),
            year,
            windows: list.len(),
            per_month: model
                .per_month
                .min(u32::try_from(list.len()).unwrap_or(u32::MAX)),
            months,
            unused_rows,
            clauses,
            defaults,
            errors,
        })
    }
}
