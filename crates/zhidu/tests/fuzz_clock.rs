//! Fuzzing (proptest-driven) of deadline and case-clock evaluation: arbitrary instants in
//! years 0–9999 at every offset from −12:00 to +14:00, every unit, limits up to `u32::MAX`,
//! and arbitrary event sequences (suspend, resume, extend, start in any order, equal
//! instants, events before acceptance).
//!
//! Each answer is `Ok` or a typed error with a message, and the invariants of a due date
//! hold: due ≥ start, a working-day due date is a working day, minutes are exact, one more
//! unit never makes a case due earlier, and a case's status agrees with its fields.
//!
//! `PROPTEST_CASES=200000 cargo test --release -p zhidu --test fuzz_clock` runs it long.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a fuzz target fails loudly"
)]

mod common;

use std::sync::OnceLock;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};
use proptest::prelude::*;
use zhidu::{Case, CaseEvent, Class, ClockStart, Error, Policy, PolicySet, Start, Status, Unit};

use common::{ALL_UNIT_CLASSES, cases, check_error, timed};

/// Calendars 1949–2200 at the extreme and usual offsets, each with a policy of every unit
/// ending the day at midnight and one ending it at office close.
const OFFSETS: [(&str, &str); 5] = [
    ("-12:00", "17:00"),
    ("+14:00", "24:00"),
    ("+05:45", "17:00"),
    ("+00:00", "23:59"),
    ("+08:00", "17:00"),
];

fn fixtures() -> &'static Vec<PolicySet> {
    static SETS: OnceLock<Vec<PolicySet>> = OnceLock::new();
    SETS.get_or_init(|| {
        OFFSETS
            .iter()
            .map(|(offset, close)| {
                let cal = common::calendar_with_festival("wide", offset, 1949, 2200);
                let midnight = common::all_units_policy("p-midnight", "wide", false, close);
                let close = common::all_units_policy("p-close", "wide", true, close);
                common::load(&[
                    ("wide.toml", &cal),
                    ("midnight.toml", &midnight),
                    ("close.toml", &close),
                ])
            })
            .collect()
    })
}

fn builtin() -> &'static PolicySet {
    static SET: OnceLock<PolicySet> = OnceLock::new();
    SET.get_or_init(|| PolicySet::builtin().unwrap())
}

/// A year: anywhere in 0–9999, or near the covered ranges (where the interesting edges are).
fn year() -> impl Strategy<Value = i32> {
    prop_oneof![
        2 => 0i32..=9999,
        3 => 1948i32..=2201,
        3 => 2003i32..=2027,
        1 => prop::sample::select(vec![0, 1, 1948, 1949, 2200, 2201, 2003, 2004, 2026, 2027, 9999]),
    ]
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (year(), 1u32..=12, 1u32..=31).prop_map(|(y, m, d)| {
        NaiveDate::from_ymd_opt(y, m, d)
            .or_else(|| NaiveDate::from_ymd_opt(y, m, 28))
            .unwrap()
    })
}

fn wall() -> impl Strategy<Value = NaiveDateTime> {
    (
        date(),
        prop_oneof![0u32..24, Just(0), Just(23), Just(8), Just(17)],
        prop_oneof![0u32..60, Just(0), Just(59), Just(30)],
        prop_oneof![Just(0u32), 0u32..60],
    )
        .prop_map(|(d, h, m, s)| d.and_hms_opt(h, m, s).unwrap())
}

/// An offset from −12:00 to +14:00, in minutes.
fn offset() -> impl Strategy<Value = FixedOffset> {
    prop_oneof![
        (-720i32..=840).prop_map(|m| m * 60),
        prop::sample::select(vec![-720 * 60, 840 * 60, 0, 8 * 3600, 345 * 60]),
    ]
    .prop_map(|s| FixedOffset::east_opt(s).unwrap())
}

fn instant() -> impl Strategy<Value = DateTime<FixedOffset>> {
    (wall(), offset()).prop_map(|(w, o)| o.from_local_datetime(&w).single().unwrap())
}

fn start() -> impl Strategy<Value = Start> {
    prop_oneof![
        3 => instant().prop_map(Start::Instant),
        1 => wall().prop_map(Start::Local),
        1 => date().prop_map(Start::Date),
        // Through the text parser, in the forms people type.
        1 => (instant(), 0usize..4).prop_filter_map("parses", |(t, form)| {
            let text = match form {
                0 => t.to_rfc3339(),
                1 => t.format("%Y-%m-%dT%H:%M%:z").to_string(),
                2 => t.format("%Y-%m-%d %H:%M").to_string(),
                _ => t.format("%Y-%m-%d").to_string(),
            };
            text.parse::<Start>().ok()
        }),
    ]
}

fn days() -> impl Strategy<Value = Option<u32>> {
    prop_oneof![
        1 => Just(None),
        4 => (0u32..40).prop_map(Some),
        1 => (0u32..100_000).prop_map(Some),
        1 => any::<u32>().prop_map(Some),
        1 => prop::sample::select(vec![0, 1, 1_000_000_000, u32::MAX, u32::MAX - 1, 92_000]).prop_map(Some),
    ]
}

/// The instant a start stands for in the calendar's zone.
fn resolved(start: Start, offset: FixedOffset) -> Option<DateTime<FixedOffset>> {
    start.instant_in(offset).ok()
}

/// The invariants of one due date of `class` started at `start`.
fn check_due(class: &Class<'_>, policy: &Policy, start: Start, days: Option<u32>, midnight: bool) {
    let what = format!("{}/{} {start:?} {days:?}", policy.id(), class.id());
    let result = timed(&what, || class.due(start, days));
    let due = match result {
        Ok(due) => due,
        Err(e) => {
            check_error(&e, &[]);
            return;
        }
    };
    let cal = policy.calendar();
    let offset = cal.offset();
    let at = resolved(start, offset).unwrap();
    assert!(
        due.due_at >= at,
        "{what}: due {} before start {at}",
        due.due_at
    );
    assert_eq!(due.unit, class.unit(), "{what}");
    if let Some(d) = days {
        assert_eq!(due.limit, d, "{what}");
    }
    let limit = due.limit;
    match class.unit() {
        Unit::Minutes => assert_eq!(
            due.due_at - at,
            Duration::minutes(i64::from(limit)),
            "{what}"
        ),
        Unit::Hours => assert_eq!(due.due_at - at, Duration::hours(i64::from(limit)), "{what}"),
        Unit::WorkingDays if limit > 0 => {
            assert!(
                cal.is_working_day(due.due_date).unwrap(),
                "{what}: {} is not a working day",
                due.due_date
            );
            if midnight {
                let n = cal
                    .working_days_between(at.date_naive(), due.due_date)
                    .unwrap();
                assert_eq!(n, i64::from(limit), "{what}: {} counted", n);
            }
        }
        Unit::CalendarDays if limit > 0 && midnight => {
            assert!(due.due_date > at.date_naive(), "{what}");
        }
        _ => {}
    }
    if class.unit().is_days() {
        assert!(
            due.due_date <= due.due_at.with_timezone(&offset).date_naive(),
            "{what}"
        );
    }
    // The fast path of `Class::due` and the general case clock agree to the second.
    if class.clock_start() == ClockStart::Acceptance {
        let case = Case::new("F", class.id(), start, days);
        let s = timed(&what, || policy.case_status(&case, due.due_at)).unwrap();
        assert_eq!(s.due_date, Some(due.due_date), "{what}: case clock");
        assert_eq!(s.due_at, Some(due.due_at), "{what}: case clock");
    }
    // One more unit never makes the case due earlier.
    if let Some(d) = days.and_then(|d| d.checked_add(1)) {
        if let Ok(later) = class.due(start, Some(d)) {
            assert!(
                later.due_at >= due.due_at,
                "{what}: +1 gives {}",
                later.due_at
            );
        }
    }
    // The explanation agrees with the answer (bounded: explanations list every day).
    if limit <= 2_000 {
        let ex = timed(&what, || class.explain(start, days)).unwrap();
        assert_eq!(ex.due, due, "{what}");
        if class.unit() == Unit::WorkingDays && limit > 0 && midnight {
            let counted = ex.days.iter().filter(|d| d.counted.is_some()).count();
            assert_eq!(counted as u32, limit, "{what}");
        }
        let y = timed(&what, || class.yellow_from(start, days)).unwrap();
        assert!(y >= at && y <= due.due_at, "{what}: yellow from {y}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), .. ProptestConfig::default() })]

    /// Every unit and setting, on calendars at every offset, anywhere in years 0–9999.
    #[test]
    fn due_dates_on_wide_calendars(
        set in 0usize..OFFSETS.len(),
        office_close in any::<bool>(),
        class in prop::sample::select(ALL_UNIT_CLASSES.to_vec()),
        start in start(),
        days in days(),
    ) {
        let ps = &fixtures()[set];
        let p = ps.policy(if office_close { "p-close" } else { "p-midnight" }).unwrap();
        let c = p.class(class).unwrap();
        check_due(&c, p, start, days, !office_close);
    }

    /// Every class of every shipped policy.
    #[test]
    fn due_dates_of_the_shipped_policies(
        pick in any::<prop::sample::Index>(),
        start in start(),
        days in days(),
    ) {
        let ps = builtin();
        let classes: Vec<(&Policy, Class<'_>)> = ps
            .policies()
            .flat_map(|p| p.classes().map(move |c| (p, c)))
            .collect();
        let (p, c) = classes[pick.index(classes.len())];
        check_due(&c, p, start, days, true);
    }
}

/// One event of a generated case: kind, when (relative to acceptance, absolute, or the same
/// instant as the event before), reason and days.
#[derive(Clone, Debug)]
enum When {
    After(i64),
    At(DateTime<FixedOffset>),
    Same,
}

fn when() -> impl Strategy<Value = When> {
    prop_oneof![
        6 => (-3_000i64..80_000).prop_map(When::After),
        1 => instant().prop_map(When::At),
        2 => Just(When::Same),
    ]
}

type RawEvent = (u8, When, usize, u32);

fn raw_events() -> impl Strategy<Value = Vec<RawEvent>> {
    prop::collection::vec(
        (
            0u8..4,
            when(),
            0usize..4,
            prop_oneof![0u32..10, Just(u32::MAX), any::<u32>()],
        ),
        0..10,
    )
}

fn build_events(
    accepted: DateTime<FixedOffset>,
    raw: &[RawEvent],
    reasons: &[&str],
) -> Vec<CaseEvent> {
    let mut last = accepted;
    raw.iter()
        .map(|(kind, when, reason, days)| {
            let at = match when {
                When::After(minutes) => accepted
                    .checked_add_signed(Duration::minutes(*minutes))
                    .unwrap_or(accepted),
                When::At(t) => *t,
                When::Same => last,
            };
            last = at;
            let at = Start::Instant(at);
            match kind {
                0 => CaseEvent::Suspend {
                    at,
                    reason: reasons[reason % reasons.len()].to_owned(),
                },
                1 => CaseEvent::Resume { at },
                2 => CaseEvent::Extend {
                    at,
                    days: *days,
                    approved_by: None,
                    reason: Some("延期告知".to_owned()),
                },
                _ => CaseEvent::Start { at },
            }
        })
        .collect()
}

fn event_at(e: &CaseEvent) -> Start {
    match e {
        CaseEvent::Suspend { at, .. }
        | CaseEvent::Resume { at }
        | CaseEvent::Extend { at, .. }
        | CaseEvent::Start { at } => *at,
        _ => unreachable!("a new event kind"),
    }
}

/// The invariants of one case status.
fn check_case(
    p: &Policy,
    case: &Case,
    as_of: DateTime<FixedOffset>,
) -> Result<zhidu::CaseStatus, Error> {
    let what = format!("{}/{} {case:?} as of {as_of}", p.id(), case.class);
    let result = timed(&what, || p.case_status(case, as_of));
    let s = match result {
        Ok(s) => s,
        Err(e) => {
            check_error(&e, &[]);
            return Err(e);
        }
    };
    let offset = p.calendar().offset();
    let accepted = case.accepted_at.instant_in(offset).unwrap();
    if let Some(due) = s.due_at {
        assert!(due >= accepted, "{what}: due {due} before acceptance");
        assert!(s.due_date.is_some());
    }
    match s.status {
        Status::Red | Status::DoneLate => {
            assert!(s.overdue_days >= 1, "{what}: {s:?}");
            assert!(s.due_at.is_some(), "{what}");
        }
        Status::DoneOnTime => {
            // On time with a due date, or completed while the clock was stopped (no due date).
            assert!(
                s.completed_at.is_some() && s.due_at.is_none_or(|d| s.completed_at <= Some(d)),
                "{what}: {s:?}"
            );
            assert_eq!(s.overdue_days, 0);
        }
        Status::OnTrack | Status::Yellow => {
            assert!(s.remaining.is_some() && s.due_at.is_some(), "{what}: {s:?}");
            assert!(
                s.due_at.unwrap() >= as_of,
                "{what}: open case past due but not red"
            );
            assert_eq!(s.overdue_days, 0);
        }
        Status::Suspended => {
            assert!(s.due_at.is_none() && s.remaining.is_some(), "{what}: {s:?}");
        }
        Status::NotStarted => assert!(s.due_at.is_none(), "{what}: {s:?}"),
        Status::NotYetAccepted => {
            assert!(accepted > as_of, "{what}: {s:?}");
            assert!(
                s.due_at.is_none() && s.completed_at.is_none(),
                "{what}: {s:?}"
            );
        }
    }
    // A completed case is done, never open afterwards (issue #11).
    if s.status.is_known()
        && case
            .completed_at
            .is_some_and(|c| c.instant_in(offset).unwrap() <= as_of)
    {
        assert!(s.status.is_done(), "{what}: completed but {s:?}");
    }
    if matches!(s.status, Status::DoneOnTime | Status::DoneLate) {
        assert!(s.completed_at.is_some_and(|c| c <= as_of), "{what}");
    }
    // The explanation of a case with a due date agrees with it.
    if s.due_at.is_some() && s.limit <= 2_000 {
        let ex = timed(&what, || p.explain_case(case, as_of));
        match ex {
            Ok(ex) => assert_eq!(Some(ex.due.due_date), s.due_date, "{what}"),
            Err(e) => check_error(&e, &[]),
        }
    }
    Ok(s)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), .. ProptestConfig::default() })]

    /// Arbitrary event sequences on every unit; the result does not depend on the order the
    /// log lists events at distinct instants in.
    #[test]
    fn case_clocks_on_arbitrary_events(
        set in 0usize..OFFSETS.len(),
        office_close in any::<bool>(),
        shipped in any::<bool>(),
        class in any::<prop::sample::Index>(),
        accepted in start(),
        days in days(),
        raw in raw_events(),
        completed in prop::option::of(-100i64..90_000),
        as_of in prop_oneof![3 => (-100i64..120_000).prop_map(When::After), 1 => instant().prop_map(When::At)],
        seed in any::<u64>(),
    ) {
        let ps = if shipped { builtin() } else { &fixtures()[set] };
        let (p, class_id) = if shipped {
            let all: Vec<(&Policy, String)> = ps
                .policies()
                .flat_map(|p| p.classes().map(move |c| (p, c.id().to_owned())))
                .collect();
            all[class.index(all.len())].clone()
        } else {
            let p = ps.policy(if office_close { "p-close" } else { "p-midnight" }).unwrap();
            (p, ALL_UNIT_CLASSES[class.index(ALL_UNIT_CLASSES.len())].to_owned())
        };
        let offset = p.calendar().offset();
        let Some(acc) = resolved(accepted, offset) else { return Ok(()) };
        let mut reasons: Vec<&str> = p.suspensions().map(|s| s.id()).collect();
        reasons.push("no-such-reason");
        let mut case = Case::new("C", class_id.as_str(), accepted, days);
        case.events = build_events(acc, &raw, &reasons);
        case.completed_at = completed.map(|m| Start::Instant(acc.checked_add_signed(Duration::minutes(m)).unwrap_or(acc)));
        let as_of = match as_of {
            When::After(m) => acc.checked_add_signed(Duration::minutes(m)).unwrap_or(acc),
            When::At(t) => t,
            When::Same => acc,
        };
        let first = check_case(p, &case, as_of);
        // Shuffle when every event has its own instant: the order of the log must not matter.
        let mut instants: Vec<DateTime<FixedOffset>> = case.events.iter().map(|e| event_at(e).instant_in(offset).unwrap()).collect();
        instants.sort();
        instants.dedup();
        if instants.len() == case.events.len() && case.events.len() > 1 {
            let mut x = seed | 1;
            for i in (1..case.events.len()).rev() {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                case.events.swap(i, (x % (i as u64 + 1)) as usize);
            }
            let second = check_case(p, &case, as_of);
            match (first, second) {
                (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
                (Err(a), Err(b)) => prop_assert_eq!(a.code(), b.code()),
                (a, b) => prop_assert!(false, "order changed the answer: {:?} vs {:?}", a, b),
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), .. ProptestConfig::default() })]

    /// The column APIs on arbitrary day numbers and limits: one answer per row, in order.
    #[test]
    fn column_batches_on_arbitrary_day_numbers(
        starts in prop::collection::vec(prop_oneof![
            4 => 12_000i64..21_000,
            1 => any::<i64>(),
            1 => prop::sample::select(vec![i64::MIN, i64::MAX, -719_163, -719_164, 2_932_896, 2_932_897, 0]),
        ], 0..40),
        limits in prop::collection::vec(prop_oneof![4 => 0u32..30, 1 => any::<u32>()], 0..40),
        with_days in any::<bool>(),
        class in prop::sample::select(vec!["promised", "complaint_next_day", "complaint_complex"]),
    ) {
        let p = builtin().policy("s2-service-center").unwrap();
        let c = p.class(class).unwrap();
        let n = starts.len();
        let days: Vec<u32> = if with_days { (0..n).map(|i| limits.get(i).copied().unwrap_or(5)).collect() } else { Vec::new() };
        let mut out = vec![Some(-1); n];
        let errors = timed("due_epoch_days", || c.due_epoch_days(&starts, &days, &mut out));
        match errors {
            Ok(errors) => {
                let bad: Vec<usize> = errors.iter().map(|(i, _)| *i).collect();
                for (i, slot) in out.iter().enumerate() {
                    prop_assert_eq!(slot.is_none(), bad.contains(&i), "row {}", i);
                    if let Some(due) = slot {
                        prop_assert!(*due >= starts[i], "row {} due {} before {}", i, due, starts[i]);
                    }
                }
                for (_, e) in &errors {
                    check_error(e, &[]);
                }
            }
            Err(e) => check_error(&e, &[]),
        }
        // The same rows through `due_many`.
        let dates: Vec<Start> = starts
            .iter()
            .map(|&s| {
                i32::try_from(s.saturating_add(719_163))
                    .ok()
                    .and_then(NaiveDate::from_num_days_from_ce_opt)
                    .unwrap_or(NaiveDate::MAX)
                    .into()
            })
            .collect();
        let opt: Vec<Option<u32>> = days.iter().map(|&d| Some(d)).collect();
        let rows = c.due_many(&dates, &opt).unwrap();
        prop_assert_eq!(rows.len(), n);
    }

    /// The calendar on any date chrono can hold, any count, any month.
    #[test]
    fn calendar_queries_on_any_date(
        a in any::<i32>(),
        b in prop_oneof![any::<i32>(), 731_000i32..740_000],
        n in any::<u32>(),
        year in any::<i32>(),
        month in any::<u32>(),
        set in 0usize..OFFSETS.len(),
    ) {
        for cal in [builtin().calendar("cn-mainland").unwrap(), fixtures()[set].calendar("wide").unwrap()] {
            let (Some(da), Some(db)) = (NaiveDate::from_num_days_from_ce_opt(a), NaiveDate::from_num_days_from_ce_opt(b % 3_000_000)) else {
                continue;
            };
            for r in [cal.is_working_day(da).map(|_| ()), cal.day_kind(da).map(|_| ()), cal.notice(da).map(|_| ())] {
                if let Err(e) = r { check_error(&e, &[]); }
            }
            match timed("add_working_days", || cal.add_working_days(db, n)) {
                Ok(d) => {
                    prop_assert!(d >= db);
                    prop_assert_eq!(cal.working_days_between(db, d).unwrap(), i64::from(n));
                }
                Err(e) => check_error(&e, &[]),
            }
            if let Err(e) = cal.working_days_between(da, db) { check_error(&e, &[]); }
            match cal.month(year, month) {
                Ok(days) => prop_assert!((28..=31).contains(&days.len())),
                Err(e) => check_error(&e, &[]),
            }
            let _ = cal.month(year % 400 + 1900, month % 13);
        }
    }

    /// Text that should be an instant, a period or an event list, whatever it is.
    #[test]
    fn parsers_on_arbitrary_text(text in prop_oneof![
        ".{0,40}",
        "[0-9]{1,6}-[0-9]{1,2}-[0-9]{1,2}([T ][0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?(Z|[+-][0-9]{2}:[0-9]{2})?",
        "(suspend|resume|extend|start|pause) [0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2})?( [a-z0-9_]{0,12})?(; ?)?",
    ]) {
        for r in [
            text.parse::<Start>().map(|_| ()),
            text.parse::<zhidu::Period>().map(|_| ()),
            CaseEvent::parse_list(&text).map(|_| ()),
            Start::parse_instant(&text, FixedOffset::east_opt(14 * 3600).unwrap()).map(|_| ()),
        ] {
            if let Err(e) = r { check_error(&e, &[]); }
        }
        let list = format!("{text};{text}");
        if let Err(e) = CaseEvent::parse_list(&list) { check_error(&e, &[]); }
    }
}

#[test]
fn fixtures_cover_the_extreme_offsets() {
    let sets = fixtures();
    assert_eq!(
        sets[0].calendar("wide").unwrap().offset().local_minus_utc(),
        -12 * 3600
    );
    assert_eq!(
        sets[1].calendar("wide").unwrap().offset().local_minus_utc(),
        14 * 3600
    );
    assert_eq!(sets[0].calendar("wide").unwrap().years(), (1949, 2200));
    let p = sets[0].policy("p-close").unwrap();
    assert_eq!(p.classes().count(), ALL_UNIT_CLASSES.len());
    assert!(
        p.class("wd")
            .unwrap()
            .due(NaiveDate::from_ymd_opt(1949, 1, 1).unwrap(), Some(1))
            .is_ok()
    );
}

// ---- findings of this fuzzer, kept as named regression tests ----

/// `due_epoch_days` added the epoch offset to the day number unchecked: `i64::MAX`
/// overflowed (a panic in debug builds, a wrong date in release).
#[test]
fn regression_day_number_i64_max_is_a_row_error() {
    let ps = builtin();
    let c = ps
        .policy("s2-service-center")
        .unwrap()
        .class("promised")
        .unwrap();
    let mut out = vec![None; 3];
    let errors = c
        .due_epoch_days(&[i64::MAX, i64::MIN, 20_726], &[5, 5, 5], &mut out)
        .unwrap();
    assert_eq!(out, [None, None, Some(20_739)]);
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0].1.code(), "input");
    assert_eq!(
        errors[0].1.to_string(),
        "day number `9223372036854775807` is not a date"
    );
}

/// With `day_ends_at = "office_close"`, a case accepted after the close with a limit of 0
/// days was due at the close, before it was accepted: in the working-day fast path and in
/// the general clock (calendar days) alike.
#[test]
fn regression_zero_days_after_office_close_is_due_at_the_start() {
    let ps = &fixtures()[2]; // +05:45, office close 17:00
    let p = ps.policy("p-close").unwrap();
    for class in ["wd", "cd", "cd_plain"] {
        let c = p.class(class).unwrap();
        let start: Start = "1949-01-04T23:00".parse().unwrap();
        let due = c.due(start, Some(0)).unwrap();
        assert_eq!(
            due.due_at.to_rfc3339(),
            "1949-01-04T23:00:00+05:45",
            "{class}"
        );
        assert_eq!(due.due_date.to_string(), "1949-01-04", "{class}");
        // Before the close, 0 days end at the close; 1 day is the next working day's close.
        let early: Start = "1949-01-04T09:00".parse().unwrap();
        assert_eq!(
            c.due(early, Some(0)).unwrap().due_at.to_rfc3339(),
            "1949-01-04T17:00:00+05:45"
        );
        assert_eq!(
            c.due(start, Some(1)).unwrap().due_at.to_rfc3339(),
            "1949-01-05T17:00:00+05:45"
        );
    }
}

/// A case of a class with a legal limit longer than its own failed as a whole (`coverage`)
/// when only the legal due date fell after the calendar's last year: late-December cases of
/// the shipped calendar would all have failed.
#[test]
fn regression_legal_due_date_past_the_calendar_does_not_fail_the_case() {
    let ps = &fixtures()[0];
    let p = ps.policy("p-midnight").unwrap();
    // wd_fixed: 10 working days, legal limit 20.
    let start: Start = "2200-12-04".parse().unwrap();
    let due = p.class("wd_fixed").unwrap().due(start, None).unwrap();
    assert_eq!(due.due_date.to_string(), "2200-12-18");
    let s = p
        .case_status(&Case::new("C", "wd_fixed", start, None), due.due_at)
        .unwrap();
    assert_eq!(s.due_date, Some(due.due_date));
    assert_eq!(s.legal_due_date, None);
    // Inside the calendar the legal due date is there.
    let earlier: Start = "2200-11-02".parse().unwrap();
    let s = p
        .case_status(&Case::new("C", "wd_fixed", earlier, None), due.due_at)
        .unwrap();
    assert_eq!(
        s.legal_due_date.map(|d| d.to_string()).as_deref(),
        Some("2200-11-28")
    );
}
