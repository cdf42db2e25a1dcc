//! Validating a raw calendar and compiling it into the dense day index.

use std::collections::BTreeMap;

use chrono::{Datelike, FixedOffset, NaiveDate, Weekday};

use super::provisional::{self, Anchor, LUNAR_YEARS, Statute, StatuteFestival, SubstituteRule};
use super::{
    Calendar, Day, Festival, KIND_HOLIDAY, KIND_MAKEUP, KIND_WEEKEND, KIND_WORKDAY,
    weekday_from_name,
};
use crate::diagnostic::{Diagnostic, Severity};
use crate::load::document::Document;
use crate::load::fields::{check_id, to_date};
use crate::load::raw::{RawCalendarHeader, RawStatute, RawYear};

/// Earliest and latest years a calendar may cover; also bounds the index size.
const YEARS: core::ops::RangeInclusive<i32> = 1949..=2200;

pub(crate) fn compile_calendar(
    doc: &Document<'_>,
    header: &RawCalendarHeader,
    years: &[(usize, RawYear)],
    raw_statutes: &[(usize, RawStatute)],
    out: &mut Vec<Diagnostic>,
) -> Option<Calendar> {
    let errors_before = count_errors(out);
    let statutes = compile_statutes(doc, raw_statutes, out);
    let provisional_until = match &header.provisional_until {
        None => *header.last_year.get_ref(),
        Some(p) => {
            let until = *p.get_ref();
            if until < *header.last_year.get_ref() || until > LUNAR_YEARS.1 {
                out.push(doc.error_at(
                    p.span(),
                    "calendar.provisional_until",
                    format!("provisional years cannot run to {until}"),
                    Some(format!(
                        "give a year from `last_year` to {}, the last year of the lunar table",
                        LUNAR_YEARS.1
                    )),
                ));
            } else if until > *header.last_year.get_ref() && statutes.is_empty() {
                out.push(doc.error_at(
                    p.span(),
                    "calendar.provisional_until",
                    "provisional years need the statute".to_owned(),
                    Some("add `[[statute]]` entries, or remove `provisional_until`".to_owned()),
                ));
            }
            until
        }
    };
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
    let cover_last = NaiveDate::from_ymd_opt(provisional_until.max(last_year), 12, 31)?;
    let len = usize::try_from((cover_last - first_day).num_days() + 1).ok()?;

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
                provisional: false,
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
    let mut basis = Vec::new();
    for y in last_year.saturating_add(1)..=provisional_until {
        let derived = provisional::statute_for(&statutes, y).and_then(|st| {
            provisional::derive(st, y, SubstituteRule::NextWorkingDay, &weekend).map(|d| (st, d))
        });
        let Some((statute, derived)) = derived else {
            out.push(doc.error_at(
                header.provisional_until.as_ref().map_or(0..0, crate::load::spanned::Spanned::span),
                "calendar.provisional_until",
                format!("no statute version or lunar data for the provisional year {y}"),
                Some(format!(
                    "a `[[statute]]` must be in force on {y}-01-01, and the lunar table covers {}–{}",
                    LUNAR_YEARS.0, LUNAR_YEARS.1
                )),
            ));
            break;
        };
        basis.push(provisional::basis_text(y, statute));
        set_provisional_days(&mut days, &mut festivals, first_day, &derived, statute);
    }
    if count_errors(out) > errors_before {
        return None;
    }
    let mut cal = Calendar {
        id: header.id.get_ref().clone(),
        name: header.name.clone(),
        offset: offset?,
        first_year,
        last_year: provisional_until.max(last_year),
        notice_last_year: last_year,
        epoch: first_day.num_days_from_ce(),
        first_provisional: usize::try_from((last_day - first_day).num_days() + 1).ok()?,
        days,
        cumulative: Vec::new(),
        ordinals: Vec::new(),
        festivals,
        source: header.source.clone(),
        defaults: header
            .defaults
            .iter()
            .map(crate::DefaultNote::from)
            .collect(),
        statutes,
        weekend,
        basis,
        notices_added: Vec::new(),
    };
    cal.index_days();
    Some(cal)
}

/// Mark the derived days off of a provisional year, each with a festival entry whose notice
/// is the statute version.
fn set_provisional_days(
    days: &mut [Day],
    festivals: &mut Vec<Festival>,
    first_day: NaiveDate,
    derived: &[provisional::StatutoryDay],
    statute: &Statute,
) {
    let first_of_year = festivals.len();
    for d in derived {
        let label = match d.kind {
            provisional::StatutoryKind::Statutory => statute.id.clone(),
            provisional::StatutoryKind::Substitute => {
                format!("{} {} 补假", statute.id, statute.substitute_article)
            }
        };
        // One festival entry per festival and basis of this year.
        let index = festivals
            .iter()
            .enumerate()
            .skip(first_of_year)
            .find(|(_, f)| f.name == d.festival && f.notice == label)
            .map(|(i, _)| i)
            .unwrap_or_else(|| {
                festivals.push(Festival {
                    name: d.festival.clone(),
                    notice: label.clone(),
                    provisional: true,
                });
                festivals.len() - 1
            });
        let Ok(festival) = u16::try_from(index) else {
            continue;
        };
        let idx = usize::try_from((d.date - first_day).num_days()).unwrap_or(usize::MAX);
        if let Some(day) = days.get_mut(idx) {
            *day = Day {
                kind: KIND_HOLIDAY,
                festival,
            };
        }
    }
}

/// The `[[statute]]` versions, checked.
fn compile_statutes(
    doc: &Document<'_>,
    raw: &[(usize, RawStatute)],
    out: &mut Vec<Diagnostic>,
) -> Vec<Statute> {
    let mut statutes = Vec::new();
    for (i, st) in raw {
        let path = format!("statute[{i}]");
        let Some(in_force) = to_date(doc, &st.in_force, &format!("{path}.in_force"), out) else {
            continue;
        };
        let mut festivals = Vec::new();
        for (j, f) in st.festival.iter().enumerate() {
            let Some(anchor) = Anchor::parse(f.anchor.get_ref()) else {
                out.push(
                    doc.error_at(
                        f.anchor.span(),
                        format!("{path}.festival[{j}].anchor"),
                        format!("`{}` is not an anchor", f.anchor.get_ref()),
                        Some(
                            "write a date as `MM-DD`, or one of 除夕, 初一, 清明, 端午, 中秋"
                                .to_owned(),
                        ),
                    ),
                );
                continue;
            };
            if !(1..=15).contains(f.days.get_ref()) {
                out.push(doc.error_at(
                    f.days.span(),
                    format!("{path}.festival[{j}].days"),
                    format!("{} days off is out of range", f.days.get_ref()),
                    Some("a statutory festival has 1–15 days".to_owned()),
                ));
                continue;
            }
            festivals.push(StatuteFestival {
                name: f.name.clone(),
                anchor,
                days: *f.days.get_ref(),
            });
        }
        statutes.push(Statute {
            id: st.id.clone(),
            in_force,
            substitute_article: st.substitute_article.clone(),
            festivals,
        });
    }
    statutes
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
