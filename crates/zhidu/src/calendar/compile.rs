//! Validating a raw calendar and compiling it into the dense day index.

use std::collections::BTreeMap;

use chrono::{Datelike, FixedOffset, NaiveDate, Weekday};

use super::{
    Calendar, Day, Festival, KIND_HOLIDAY, KIND_MAKEUP, KIND_WEEKEND, KIND_WORKDAY,
    weekday_from_name,
};
use crate::diagnostic::{Diagnostic, Severity};
use crate::policy::compile::{check_id, to_date};
use crate::policy::document::Document;
use crate::policy::raw::{RawCalendarHeader, RawYear};

/// Earliest and latest years a calendar may cover; also bounds the index size.
const YEARS: core::ops::RangeInclusive<i32> = 1949..=2200;

pub(crate) fn compile_calendar(
    doc: &Document<'_>,
    header: &RawCalendarHeader,
    years: &[(usize, RawYear)],
    out: &mut Vec<Diagnostic>,
) -> Option<Calendar> {
    let errors_before = count_errors(out);
    check_id(doc, &header.id, "calendar.id", out);
    let offset = parse_offset(header.utc_offset.get_ref());
    if offset.is_none() {
        out.push(doc.error_at(
            header.utc_offset.span(),
            "calendar.utc_offset",
            format!("`{}` is not a UTC offset", header.utc_offset.get_ref()),
            Some("write it as `+08:00`, from `-12:00` to `+14:00`".to_owned()),
        ));
    }
    let (first_year, last_year) = (*header.first_year.get_ref(), *header.last_year.get_ref());
    for (y, span, key) in [
        (first_year, header.first_year.span(), "calendar.first_year"),
        (last_year, header.last_year.span(), "calendar.last_year"),
    ] {
        if !YEARS.contains(&y) {
            out.push(doc.error_at(
                span,
                key,
                format!("year {y} is out of range"),
                Some(format!(
                    "calendars cover years {}–{}",
                    YEARS.start(),
                    YEARS.end()
                )),
            ));
        }
    }
    if first_year > last_year {
        out.push(doc.error_at(
            header.last_year.span(),
            "calendar.last_year",
            format!("last year {last_year} is before first year {first_year}"),
            None,
        ));
    }
    let mut weekend = [false; 7];
    for name in header.weekend.get_ref() {
        match weekday_from_name(name) {
            Some(w) => {
                if let Some(slot) = weekend.get_mut(w.num_days_from_monday() as usize) {
                    *slot = true;
                }
            }
            None => out.push(doc.error_at(
                header.weekend.span(),
                "calendar.weekend",
                format!("`{name}` is not a weekday name"),
                crate::diagnostic::did_you_mean(
                    name,
                    [
                        "monday",
                        "tuesday",
                        "wednesday",
                        "thursday",
                        "friday",
                        "saturday",
                        "sunday",
                    ],
                ),
            )),
        }
    }
    if let Some(list) = &header.office_sessions {
        out.push(doc.error_at(
            list.span(),
            "calendar.office_sessions",
            "a calendar has no office sessions".to_owned(),
            Some("office hours belong to the policy whose regulation states them: move them to `[policy.office_sessions]` with their clause".to_owned()),
        ));
    }
    if count_errors(out) > errors_before
        || !YEARS.contains(&first_year)
        || !YEARS.contains(&last_year)
        || first_year > last_year
    {
        return None;
    }
    let first_day = NaiveDate::from_ymd_opt(first_year, 1, 1)?;
    let last_day = NaiveDate::from_ymd_opt(last_year, 12, 31)?;
    let len = usize::try_from((last_day - first_day).num_days() + 1).ok()?;

    // Kinds from the weekly pattern, then the notices' holidays and make-up days.
    let mut days: Vec<Day> = (0..len)
        .map(|i| {
            let date = first_day + chrono::Days::new(i as u64);
            let weekend_day = weekend
                .get(date.weekday().num_days_from_monday() as usize)
                .copied()
                .unwrap_or(false);
            Day {
                kind: if weekend_day {
                    KIND_WEEKEND
                } else {
                    KIND_WORKDAY
                },
                festival: 0,
            }
        })
        .collect();
    let mut festivals = Vec::new();
    let mut seen_years: BTreeMap<i32, usize> = BTreeMap::new();
    let mut set_by: BTreeMap<NaiveDate, (String, &'static str)> = BTreeMap::new();
    for (i, year) in years {
        let y = *year.year.get_ref();
        let path = format!("year[{i}]");
        if let Some(prev) = seen_years.insert(y, *i) {
            out.push(doc.error_at(
                year.year.span(),
                format!("{path}.year"),
                format!("year {y} is listed twice"),
                Some(format!("the first is `year[{prev}]`; merge them")),
            ));
            continue;
        }
        if y < first_year || y > last_year {
            out.push(doc.error_at(
                year.year.span(),
                format!("{path}.year"),
                format!("year {y} is outside the covered years {first_year}–{last_year}"),
                Some("widen `first_year`/`last_year` or remove the entry".to_owned()),
            ));
            continue;
        }
        for (j, f) in year.festival.iter().enumerate() {
            let Ok(festival_index) = u16::try_from(festivals.len()) else {
                out.push(doc.error_at(
                    year.year.span(),
                    path.clone(),
                    "too many festivals in one calendar".to_owned(),
                    None,
                ));
                return None;
            };
            festivals.push(Festival {
                name: f.name.clone(),
                notice: f.notice.clone().unwrap_or_else(|| year.notice.clone()),
            });
            for (kind, list, key) in [
                (KIND_HOLIDAY, &f.holidays, "holidays"),
                (KIND_MAKEUP, &f.workdays, "workdays"),
            ] {
                for (k, d) in list.iter().enumerate() {
                    let dpath = format!("{path}.festival[{j}].{key}[{k}]");
                    let Some(date) = to_date(doc, d, &dpath, out) else {
                        continue;
                    };
                    if date < first_day || date > last_day {
                        out.push(doc.src.diagnostic(
                            Severity::Warning,
                            Some(d.span()),
                            dpath,
                            format!("{date} is outside the covered years and is ignored"),
                            None,
                        ));
                        continue;
                    }
                    if let Some((prev_path, prev_key)) = set_by.get(&date) {
                        let message = if *prev_key == key {
                            format!("{date} is listed twice")
                        } else {
                            format!("{date} is both a holiday and a make-up working day")
                        };
                        out.push(doc.error_at(
                            d.span(),
                            dpath,
                            message,
                            Some(format!("it is already set at `{prev_path}`")),
                        ));
                        continue;
                    }
                    let is_weekend = weekend
                        .get(date.weekday().num_days_from_monday() as usize)
                        .copied()
                        .unwrap_or(false);
                    if kind == KIND_MAKEUP && !is_weekend {
                        out.push(doc.src.diagnostic(
                            Severity::Warning,
                            Some(d.span()),
                            dpath.clone(),
                            format!(
                                "make-up working day {date} is a {}, already a working day",
                                weekday_name(date.weekday())
                            ),
                            None,
                        ));
                    }
                    set_by.insert(date, (dpath, key));
                    let idx = usize::try_from((date - first_day).num_days()).unwrap_or(usize::MAX);
                    if let Some(day) = days.get_mut(idx) {
                        *day = Day {
                            kind,
                            festival: festival_index,
                        };
                    }
                }
            }
        }
    }
    for y in first_year..=last_year {
        if !seen_years.contains_key(&y) {
            out.push(doc.error_at(
                header.last_year.span(),
                "calendar.last_year",
                format!("year {y} is covered but has no `[[year]]` entry"),
                Some(format!(
                    "add the {y} State Council notice's holidays, or narrow the covered years"
                )),
            ));
        }
    }
    if count_errors(out) > errors_before {
        return None;
    }
    let mut cumulative = Vec::with_capacity(len);
    let mut ordinals = Vec::new();
    let mut count = 0u32;
    for (i, d) in days.iter().enumerate() {
        if matches!(d.kind, KIND_WORKDAY | KIND_MAKEUP) {
            count += 1;
            ordinals.push(u32::try_from(i).unwrap_or(u32::MAX));
        }
        cumulative.push(count);
    }
    Some(Calendar {
        id: header.id.get_ref().clone(),
        name: header.name.clone(),
        offset: offset?,
        first_year,
        last_year,
        epoch: first_day.num_days_from_ce(),
        days,
        cumulative,
        ordinals,
        festivals,
        source: header.source.clone(),
        defaults: header
            .defaults
            .iter()
            .map(crate::DefaultNote::from)
            .collect(),
    })
}

fn count_errors(out: &[Diagnostic]) -> usize {
    out.iter().filter(|d| d.severity == Severity::Error).count()
}

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "monday",
        Weekday::Tue => "tuesday",
        Weekday::Wed => "wednesday",
        Weekday::Thu => "thursday",
        Weekday::Fri => "friday",
        Weekday::Sat => "saturday",
        Weekday::Sun => "sunday",
    }
}

fn parse_offset(s: &str) -> Option<FixedOffset> {
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, s.get(1..)?),
        b'-' => (-1, s.get(1..)?),
        _ => return None,
    };
    let (h, m) = rest.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    let seconds = sign * (h * 3600 + m * 60);
    // The offsets in use on Earth run from −12:00 to +14:00.
    if m > 59 || !(-12 * 3600..=14 * 3600).contains(&seconds) {
        return None;
    }
    FixedOffset::east_opt(seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets() {
        assert_eq!(
            parse_offset("+08:00").map(|o| o.local_minus_utc()),
            Some(8 * 3600)
        );
        assert_eq!(
            parse_offset("-12:00").map(|o| o.local_minus_utc()),
            Some(-12 * 3600)
        );
        assert_eq!(
            parse_offset("+14:00").map(|o| o.local_minus_utc()),
            Some(14 * 3600)
        );
        assert_eq!(parse_offset("+15:00"), None);
        assert_eq!(parse_offset("+14:01"), None);
        assert_eq!(parse_offset("-12:01"), None);
        assert_eq!(parse_offset("-13:00"), None);
        assert_eq!(
            parse_offset("-00:30").map(|o| o.local_minus_utc()),
            Some(-1800)
        );
        assert_eq!(parse_offset("08:00"), None);
        assert_eq!(parse_offset("+8"), None);
    }
}
