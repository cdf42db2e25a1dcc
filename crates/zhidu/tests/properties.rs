//! Property tests for the calendar and the case clock, against an independent day-by-day
//! reference built from the calendar file's text (not from the compiled index).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test with a broken fixture should fail loudly"
)]

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use proptest::prelude::*;
use zhidu::{Case, CaseEvent, PolicySet, Start, Status};

/// Holidays and make-up days read straight from the shipped calendar file.
fn reference_days() -> &'static HashMap<NaiveDate, bool> {
    static DAYS: std::sync::OnceLock<HashMap<NaiveDate, bool>> = std::sync::OnceLock::new();
    DAYS.get_or_init(|| {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../policies/calendars/cn-mainland.toml"
        ))
        .unwrap();
        let mut days = HashMap::new();
        // Line-based on purpose: an independent reading of the same data.
        for line in text.lines() {
            let line = line.trim();
            let working = if line.starts_with("holidays = [") {
                false
            } else if line.starts_with("workdays = [") {
                true
            } else {
                continue;
            };
            let list = line.split_once('[').unwrap().1.trim_end_matches(']');
            for d in list.split(',').map(str::trim).filter(|d| !d.is_empty()) {
                days.insert(d.parse::<NaiveDate>().unwrap(), working);
            }
        }
        days
    })
}

fn is_working(d: NaiveDate) -> bool {
    match reference_days().get(&d) {
        Some(&w) => w,
        None => !matches!(d.weekday(), Weekday::Sat | Weekday::Sun),
    }
}

/// The n-th working day after `d`, walking one day at a time.
fn naive_add(d: NaiveDate, n: u32) -> NaiveDate {
    let mut day = d;
    let mut left = n;
    while left > 0 {
        day = day + Days::new(1);
        if is_working(day) {
            left -= 1;
        }
    }
    day
}

fn date_in(range: std::ops::Range<i64>) -> impl Strategy<Value = NaiveDate> {
    let base = NaiveDate::from_ymd_opt(2004, 1, 1).unwrap();
    range.prop_map(move |i| base + Days::new(u64::try_from(i).unwrap()))
}

/// Days from 2004-01-01 to 2025-12-31: leaves a year of room for the count.
const SPAN: i64 = 8035;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, .. ProptestConfig::default() })]

    #[test]
    fn due_dates_agree_with_a_day_by_day_walk(start in date_in(0..SPAN), n in 0u32..80) {
        let ps = PolicySet::builtin().unwrap();
        let cal = ps.calendar("cn-mainland").unwrap();
        prop_assert_eq!(cal.add_working_days(start, n).unwrap(), naive_add(start, n));
    }

    #[test]
    fn due_dates_are_working_days(start in date_in(0..SPAN), n in 1u32..80) {
        let ps = PolicySet::builtin().unwrap();
        let due = ps.policy("s2-service-center").unwrap().due("promised", start, Some(n.min(5))).unwrap();
        prop_assert!(is_working(due.due_date));
        let cal = ps.calendar("cn-mainland").unwrap();
        prop_assert!(cal.is_working_day(cal.add_working_days(start, n).unwrap()).unwrap());
    }

    #[test]
    fn the_fast_path_and_the_case_clock_agree(start in date_in(0..SPAN), n in 0u32..=5, hour in 0u32..24) {
        // `Class::due` answers working days from the calendar index alone; a case without
        // events goes through the general clock. They must agree to the second.
        let ps = PolicySet::builtin().unwrap();
        let p = ps.policy("s2-service-center").unwrap();
        let accepted = Start::parse_instant(&format!("{start}T{hour:02}:30"), p.calendar().offset()).unwrap();
        let due = p.due("promised", accepted, Some(n)).unwrap();
        let as_of = Start::parse_instant("2026-12-31T23:00", p.calendar().offset()).unwrap();
        let status = p.case_status(&Case::new("F", "promised", accepted, Some(n)), as_of).unwrap();
        prop_assert_eq!(Some(due.due_date), status.due_date);
        prop_assert_eq!(Some(due.due_at), status.due_at);
    }

    #[test]
    fn one_more_day_is_later(start in date_in(0..SPAN), n in 0u32..80) {
        let ps = PolicySet::builtin().unwrap();
        let cal = ps.calendar("cn-mainland").unwrap();
        prop_assert!(cal.add_working_days(start, n + 1).unwrap() > cal.add_working_days(start, n).unwrap());
    }

    #[test]
    fn working_days_between_start_and_due_is_n(start in date_in(0..SPAN), n in 0u32..80) {
        let ps = PolicySet::builtin().unwrap();
        let cal = ps.calendar("cn-mainland").unwrap();
        let due = cal.add_working_days(start, n).unwrap();
        prop_assert_eq!(cal.working_days_between(start, due).unwrap(), i64::from(n));
    }

    #[test]
    fn a_suspension_never_makes_the_due_date_earlier_and_restart_is_not_before_pause(
        start in date_in(0..SPAN),
        days in 1u32..=5,
        suspend_after_hours in 0i64..(24 * 15),
        length_hours in 0i64..(24 * 20),
    ) {
        let ps = PolicySet::builtin().unwrap();
        let p = ps.policy("s2-service-center").unwrap();
        let off = p.calendar().offset();
        let accepted = Start::parse_instant(&format!("{start}T10:00"), off).unwrap();
        let suspended = accepted + chrono::Duration::hours(suspend_after_hours);
        let resumed = suspended + chrono::Duration::hours(length_hours);
        let as_of = Start::parse_instant("2026-12-31T23:00", off).unwrap();
        let due_with = |reason: Option<&str>| {
            let mut case = Case::new("P", "promised", accepted, Some(days));
            if let Some(reason) = reason {
                case.events = vec![
                    CaseEvent::Suspend { at: suspended.into(), reason: reason.to_owned() },
                    CaseEvent::Resume { at: resumed.into() },
                ];
            }
            let s = p.case_status(&case, as_of).unwrap();
            prop_assert_eq!(s.status, Status::Red);
            Ok(s.due_date.unwrap())
        };
        let plain = due_with(None)?;
        let paused = due_with(Some("hearing"))?;
        let restarted = due_with(Some("correction"))?;
        prop_assert!(paused >= plain, "pause {} before plain {}", paused, plain);
        prop_assert!(restarted >= paused, "restart {} before pause {}", restarted, paused);
    }
}

#[test]
fn reference_reads_the_calendar() {
    // Guards the reference itself: the 2026 National Day block and its make-up Saturday.
    assert!(!is_working(d("2026-10-01")));
    assert!(is_working(d("2026-10-10")));
    assert!(!is_working(d("2026-10-11")));
    assert_eq!(naive_add(d("2026-09-30"), 5), d("2026-10-13"));
    assert!(reference_days().len() > 700);
}
