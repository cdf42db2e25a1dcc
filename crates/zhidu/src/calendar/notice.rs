//! Notice files: a State Council notice a user adds to a calendar, replacing a provisional
//! year (`[calendar] extends = "cn-mainland"` and one `[[year]]`).
//!
//! Checked as the notice's own rules require: every statutory day (第二条) listed as a day
//! off, make-up working days only on weekends, every date inside the year, and (a warning)
//! no more than 6 consecutive working days (第七条).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::provisional::SubstituteRule;
use super::{Calendar, Day, Festival, KIND_HOLIDAY, KIND_MAKEUP, KIND_WEEKEND, KIND_WORKDAY};
use crate::diagnostic::{Diagnostic, Severity};
use crate::load::document::Document;
use crate::load::fields::to_date;
use crate::load::raw::RawYear;

/// Most consecutive working days 第七条 allows around a holiday, save special cases.
const MAX_CONSECUTIVE_WORKING_DAYS: usize = 6;

/// `base` with the notice year `year` in place of its provisional year, or `None` after
/// reporting the problems.
pub(crate) fn add_notice(
    doc: &Document<'_>,
    base: &Calendar,
    (i, year): &(usize, RawYear),
    out: &mut Vec<Diagnostic>,
) -> Option<Calendar> {
    let errors_before = count_errors(out);
    let y = *year.year.get_ref();
    let path = format!("year[{i}]");
    let next = base.notice_last_year.saturating_add(1);
    if y != next || y > base.last_year {
        let (message, help) = if y <= base.notice_last_year {
            (
                format!("calendar `{}` already has the {y} notice", base.id),
                format!("a notice file adds the first year without one, {next}"),
            )
        } else if y > base.last_year {
            (
                format!(
                    "calendar `{}` covers {}–{}; {y} is outside",
                    base.id, base.first_year, base.last_year
                ),
                "a notice can only replace a provisional year".to_owned(),
            )
        } else {
            (
                format!("the {next} notice must come before the {y} one"),
                format!("add a notice file for {next} first"),
            )
        };
        out.push(doc.error_at(
            year.year.span(),
            format!("{path}.year"),
            message,
            Some(help),
        ));
        return None;
    }
    let published = year
        .published
        .as_ref()
        .and_then(|p| to_date(doc, p, &format!("{path}.published"), out));
    let is_weekend = |d: NaiveDate| {
        base.weekend
            .get(d.weekday().num_days_from_monday() as usize)
            .copied()
            .unwrap_or(false)
    };
    // date → (kind, festival index in `year.festival`)
    let mut set: BTreeMap<NaiveDate, (u8, usize, String)> = BTreeMap::new();
    for (j, f) in year.festival.iter().enumerate() {
        for (kind, list, key) in [
            (KIND_HOLIDAY, &f.holidays, "holidays"),
            (KIND_MAKEUP, &f.workdays, "workdays"),
        ] {
            for (k, d) in list.iter().enumerate() {
                let dpath = format!("{path}.festival[{j}].{key}[{k}]");
                let Some(date) = to_date(doc, d, &dpath, out) else {
                    continue;
                };
                if date.year() != y {
                    out.push(doc.error_at(
                        d.span(),
                        dpath,
                        format!("{date} is outside {y}"),
                        Some(format!(
                            "a notice file for {y} lists only days of {y}; the year before is already in the calendar"
                        )),
                    ));
                    continue;
                }
                if kind == KIND_MAKEUP && !is_weekend(date) {
                    out.push(doc.error_at(
                        d.span(),
                        dpath.clone(),
                        format!("make-up working day {date} is not on a weekend"),
                        Some("a make-up working day (调休上班) is a Saturday or Sunday; a weekday is already a working day".to_owned()),
                    ));
                    continue;
                }
                if let Some((_, _, prev)) = set.get(&date) {
                    out.push(doc.error_at(
                        d.span(),
                        dpath,
                        format!("{date} is listed twice"),
                        Some(format!("it is already set at `{prev}`")),
                    ));
                    continue;
                }
                set.insert(date, (kind, j, dpath));
            }
        }
    }
    // Every statutory day off must be a day off of the notice.
    match base.statutory_days(y, SubstituteRule::None) {
        Ok(days) => {
            for d in days {
                if !matches!(set.get(&d.date), Some((KIND_HOLIDAY, _, _))) {
                    out.push(doc.error_at(
                        year.year.span(),
                        format!("{path}.festival"),
                        format!(
                            "{} ({}) is a statutory day off ({} 第二条) that the notice does not list",
                            d.date, d.festival, d.statute
                        ),
                        Some(format!("add {} to the `holidays` of {}", d.date, d.festival)),
                    ));
                }
            }
        }
        Err(_) => out.push(doc.src.diagnostic(
            Severity::Warning,
            Some(year.year.span()),
            format!("{path}.year"),
            format!("no statute version covers {y}; statutory days are not checked"),
            None,
        )),
    }
    if count_errors(out) > errors_before {
        return None;
    }
    let mut cal = base.clone();
    let first_day = NaiveDate::from_ymd_opt(y, 1, 1)?;
    let a = cal.index(first_day).ok()?;
    let b = cal.index(NaiveDate::from_ymd_opt(y, 12, 31)?).ok()?;
    let mut festival_ids = Vec::new();
    for f in &year.festival {
        festival_ids.push(u16::try_from(cal.festivals.len()).ok()?);
        cal.festivals.push(Festival {
            name: f.name.clone(),
            notice: f.notice.clone().unwrap_or_else(|| year.notice.clone()),
            provisional: false,
        });
    }
    for idx in a..=b {
        let date = cal.date_at(idx);
        let day = match set.get(&date) {
            Some((kind, j, _)) => Day {
                kind: *kind,
                festival: festival_ids.get(*j).copied().unwrap_or(0),
            },
            None if is_weekend(date) => Day {
                kind: KIND_WEEKEND,
                festival: 0,
            },
            None => Day {
                kind: KIND_WORKDAY,
                festival: 0,
            },
        };
        if let Some(slot) = cal.days.get_mut(idx) {
            *slot = day;
        }
    }
    // 第七条: at most 6 consecutive working days (a warning: "save special cases").
    let mut run_start = None;
    for idx in a..=b.saturating_add(1) {
        let working = idx <= b && cal.working_at(idx);
        match (working, run_start) {
            (true, None) => run_start = Some(idx),
            (false, Some(s)) => {
                let n = idx - s;
                if n > MAX_CONSECUTIVE_WORKING_DAYS {
                    out.push(doc.src.diagnostic(
                        Severity::Warning,
                        Some(year.year.span()),
                        format!("{path}.festival"),
                        format!(
                            "{n} consecutive working days from {} to {}",
                            cal.date_at(s),
                            cal.date_at(idx - 1)
                        ),
                        Some(format!(
                            "第七条: save special cases, no more than {MAX_CONSECUTIVE_WORKING_DAYS} consecutive working days around a holiday"
                        )),
                    ));
                }
                run_start = None;
            }
            _ => {}
        }
    }
    cal.notice_last_year = y;
    cal.first_provisional = b + 1;
    if !cal.basis.is_empty() {
        cal.basis.remove(0);
    }
    cal.notices_added.push((y, year.notice.clone(), published));
    cal.index_days();
    Some(cal)
}

fn count_errors(out: &[Diagnostic]) -> usize {
    out.iter().filter(|d| d.severity == Severity::Error).count()
}

#[cfg(test)]
mod tests {
    #[test]
    fn statute_matches_provisional_module() {
        // The statutory check and the provisional year use the same derivation.
        let ps = crate::PolicySet::builtin().unwrap();
        let cal = ps.calendar("cn-mainland").unwrap();
        let days = cal
            .statutory_days(2027, super::SubstituteRule::None)
            .unwrap();
        assert_eq!(days.len(), 13);
    }
}
