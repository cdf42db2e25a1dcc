//! Back-test of the provisional-year rule: every year since 2008 that has its State Council
//! notice, classified as if the notice had not come out yet, compared with the notice.
//!
//!     cargo run -p zhidu --example backtest
//!
//! For each year and each 补假 rule ([`SubstituteRule`]) it prints the days classified
//! differently (working vs. not), and for a seeded random set of cases (start a uniformly
//! random day from 1 December of the year before to 31 December, 1 to 20 working days; the
//! same set for every rule) how many due dates come out wrong and by how many calendar days.
//! Years other than the tested one keep their notices, as they would have at the time.
//! Output: the README's Markdown table.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a measurement script over the shipped data; a failure should be loud"
)]

use chrono::{Datelike, Days, NaiveDate};
use zhidu::{PolicySet, StatutoryKind, SubstituteRule};

const CASES_PER_YEAR: usize = 10_000;
const RULES: [(SubstituteRule, &str); 3] = [
    (SubstituteRule::None, "no 补假"),
    (SubstituteRule::NextWorkingDay, "补假 next working day"),
    (SubstituteRule::Nearest, "补假 nearest weekday"),
];

fn main() -> Result<(), zhidu::Error> {
    let ps = PolicySet::builtin()?;
    let cal = ps.calendar("cn-mainland")?;
    let (_, last_notice) = cal.notice_years();
    let mut totals = [(0usize, 0usize, 0i64, 0i64); 3];
    let mut statutory_working = 0;
    let mut rows = Vec::new();
    for year in 2008..=last_notice {
        // Two years of days around `year`: [year-1-01-01, year+1-12-31].
        let first = NaiveDate::from_ymd_opt(year - 1, 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(year + 1, 12, 31).unwrap();
        let dates: Vec<NaiveDate> = first.iter_days().take_while(|d| *d <= last).collect();
        let actual: Vec<bool> = dates
            .iter()
            .map(|d| cal.is_working_day(*d).unwrap_or_else(|_| is_weekday(*d)))
            .collect();
        // Statutory days the notice left working (there should be none).
        for d in cal.statutory_days(year, SubstituteRule::None)? {
            if d.kind == StatutoryKind::Statutory && cal.is_working_day(d.date)? {
                statutory_working += 1;
            }
        }
        let mut seed = 0x9E37_79B9_7F4A_7C15_u64 ^ u64::try_from(year).unwrap();
        let start0 = NaiveDate::from_ymd_opt(year - 1, 12, 1).unwrap();
        let span = (NaiveDate::from_ymd_opt(year, 12, 31).unwrap() - start0).num_days() + 1;
        let cases: Vec<(usize, u32)> = (0..CASES_PER_YEAR)
            .map(|_| {
                let r = next(&mut seed);
                let day = start0 + Days::new(r % u64::try_from(span).unwrap());
                let n = u32::try_from((r >> 32) % 20 + 1).unwrap();
                (index(first, day), n)
            })
            .collect();
        let mut cells = Vec::new();
        for (k, (rule, _)) in RULES.iter().enumerate() {
            let off: Vec<NaiveDate> = cal
                .statutory_days(year, *rule)?
                .into_iter()
                .map(|d| d.date)
                .collect();
            let provisional: Vec<bool> = dates
                .iter()
                .zip(&actual)
                .map(|(d, a)| {
                    if d.year() == year {
                        is_weekday(*d) && !off.contains(d)
                    } else {
                        *a
                    }
                })
                .collect();
            let differ = actual
                .iter()
                .zip(&provisional)
                .filter(|(a, p)| a != p)
                .count();
            let (mut wrong, mut shift, mut max_shift) = (0usize, 0i64, 0i64);
            for &(i, n) in &cases {
                let a = add(&actual, i, n);
                let p = add(&provisional, i, n);
                if a != p {
                    wrong += 1;
                    let s = (i64::try_from(a).unwrap() - i64::try_from(p).unwrap()).abs();
                    shift += s;
                    max_shift = max_shift.max(s);
                }
            }
            let t = &mut totals[k];
            t.0 += differ;
            t.1 += wrong;
            t.2 += shift;
            t.3 = t.3.max(max_shift);
            cells.push(format!(
                "{differ} | {:.1} % ({}) | {}",
                pct(wrong, CASES_PER_YEAR),
                if wrong == 0 {
                    "—".to_owned()
                } else {
                    format!("{:.1}", shift as f64 / wrong as f64)
                },
                max_shift
            ));
        }
        rows.push(format!("| {year} | {} |", cells.join(" | ")));
    }
    let years = usize::try_from(last_notice - 2008 + 1).unwrap();
    println!(
        "| year | {} |",
        RULES
            .iter()
            .map(|(_, name)| format!(
                "{name}: days differ | due dates wrong (mean shift, days) | max shift"
            ))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    println!("|---|{}", "---|---|---|".repeat(RULES.len()));
    for r in rows {
        println!("{r}");
    }
    let all: Vec<String> = totals
        .iter()
        .map(|(differ, wrong, shift, max)| {
            format!(
                "{:.1} a year | {:.1} % ({:.1}) | {max}",
                *differ as f64 / years as f64,
                pct(*wrong, CASES_PER_YEAR * years),
                if *wrong == 0 {
                    0.0
                } else {
                    *shift as f64 / *wrong as f64
                }
            )
        })
        .collect();
    println!("| **all** | {} |", all.join(" | "));
    println!();
    println!(
        "{CASES_PER_YEAR} seeded cases a year; statutory days a notice left working: {statutory_working}"
    );
    Ok(())
}

fn is_weekday(d: NaiveDate) -> bool {
    d.weekday().num_days_from_monday() < 5
}

fn index(first: NaiveDate, d: NaiveDate) -> usize {
    usize::try_from((d - first).num_days()).unwrap()
}

/// Index of the `n`-th working day strictly after index `i`.
fn add(working: &[bool], i: usize, n: u32) -> usize {
    let mut left = n;
    let mut j = i;
    while left > 0 {
        j += 1;
        if working[j] {
            left -= 1;
        }
    }
    j
}

fn pct(a: usize, b: usize) -> f64 {
    100.0 * a as f64 / b as f64
}

fn next(x: &mut u64) -> u64 {
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    *x
}
