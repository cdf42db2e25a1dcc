//! Fuzzing (proptest-driven) of scoring: arbitrary incidents (unknown rules, quantities and
//! points anywhere in `i64`, instants in years 0–9999, rows that could not be read), overdue
//! cases, rosters and periods, on the shipped tables and on one with every number at its
//! extreme (points `u32::MAX`, fines at the top of the decimal range).
//!
//! Every call is `Ok` or a typed error; rows in = rows out (each incident row is on a card,
//! reported as an error, or outside the period — exactly one of these); categories stay
//! between floor and maximum; totals and fines add up; the ranking does not fail.
//!
//! `PROPTEST_CASES=200000 cargo test --release -p zhidu --test fuzz_scoring` runs it long.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a fuzz target fails loudly"
)]

mod common;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use chrono::{FixedOffset, NaiveDate, TimeZone};
use proptest::prelude::*;
use rust_decimal::Decimal;
use zhidu::{
    AssessRequest, Assessment, Case, Error, Incident, LineSource, MAX_QUANTITY, Period, Policy,
    PolicySet, Start,
};

use common::{cases, check_error, timed};

fn sets() -> &'static (PolicySet, PolicySet) {
    static SETS: OnceLock<(PolicySet, PolicySet)> = OnceLock::new();
    SETS.get_or_init(|| {
        let extreme = common::extreme_table_policy("x");
        (
            PolicySet::builtin().unwrap(),
            common::load(&[("x.toml", &extreme)]),
        )
    })
}

/// The policy to score with: S2, S14 or the extreme table.
fn policy(which: usize) -> &'static Policy {
    let (builtin, extreme) = sets();
    match which % 3 {
        0 => builtin.policy("s2-service-center").unwrap(),
        1 => builtin.policy("s14-window-scorecard").unwrap(),
        _ => extreme.policy("x").unwrap(),
    }
}

fn start() -> impl Strategy<Value = Start> {
    let date = (
        prop_oneof![6 => Just(2026), 1 => 2025i32..=2027, 1 => 0i32..=9999],
        prop_oneof![4 => Just(10u32), 1 => 1u32..=12],
        1u32..=31,
    )
        .prop_map(|(y, m, d)| {
            NaiveDate::from_ymd_opt(y, m, d)
                .or_else(|| NaiveDate::from_ymd_opt(y, m, 28))
                .unwrap()
        });
    (
        date,
        0u32..24,
        prop_oneof![Just(0i32), -720i32..=840],
        0usize..3,
    )
        .prop_map(|(d, h, off, form)| {
            let wall = d.and_hms_opt(h, 0, 0).unwrap();
            match form {
                0 => Start::Date(d),
                1 => Start::Local(wall),
                _ => Start::Instant(
                    FixedOffset::east_opt(off * 60)
                        .unwrap()
                        .from_local_datetime(&wall)
                        .single()
                        .unwrap(),
                ),
            }
        })
}

fn signed() -> impl Strategy<Value = Option<i64>> {
    prop_oneof![
        2 => Just(None),
        4 => (1i64..10).prop_map(Some),
        1 => any::<i64>().prop_map(Some),
        1 => prop::sample::select(vec![0, -1, MAX_QUANTITY, MAX_QUANTITY + 1, i64::MIN, i64::MAX, i64::from(u32::MAX), i64::from(u32::MAX) + 1]).prop_map(Some),
    ]
}

/// A generated incident: subject, window, when, rule (an index into the policy's rules, or
/// an unknown code), quantity, points, whether the row could not be read, how many times
/// the row repeats (to reach totals no month of one office has).
#[derive(Clone, Debug)]
struct Raw {
    subject: usize,
    window: Option<usize>,
    at: Start,
    rule: Result<prop::sample::Index, String>,
    quantity: Option<i64>,
    points: Option<i64>,
    unreadable: bool,
    repeat: usize,
}

fn raw() -> impl Strategy<Value = Raw> {
    (
        0usize..6,
        prop::option::weighted(0.8, 0usize..4),
        start(),
        prop_oneof![
            8 => any::<prop::sample::Index>().prop_map(Ok),
            1 => prop::sample::select(vec!["".to_owned(), "S2.assess.qin.9".to_owned(), "R.max ".to_owned(), "../x".to_owned()]).prop_map(Err),
        ],
        signed(),
        signed(),
        prop::bool::weighted(0.05),
        prop_oneof![60 => Just(1usize), 1 => 1usize..2_500],
    )
        .prop_map(|(subject, window, at, rule, quantity, points, unreadable, repeat)| Raw {
            subject,
            window,
            at,
            rule,
            quantity,
            points,
            unreadable,
            repeat,
        })
}

const SUBJECTS: [&str; 6] = ["甲", "乙", "", "  ", "a/b", "丙"];
const WINDOWS: [&str; 4] = ["W1", "W2", "", "窗口3"];

fn rows(p: &Policy, raw: &[Raw]) -> Vec<Result<Incident, Error>> {
    let codes: Vec<String> = p
        .deduction_table()
        .unwrap()
        .rules
        .into_iter()
        .map(|r| r.code)
        .collect();
    let mut out = Vec::new();
    for r in raw {
        let row = if r.unreadable {
            Err(Error::Input {
                message: "row is not an incident".to_owned(),
                hint: None,
            })
        } else {
            let code = match &r.rule {
                Ok(i) => codes[i.index(codes.len())].clone(),
                Err(s) => s.clone(),
            };
            let mut i = Incident::new(SUBJECTS[r.subject], code, r.at);
            i.window = r.window.map(|w| WINDOWS[w].to_owned());
            i.quantity = r.quantity;
            i.points = r.points;
            Ok(i)
        };
        for _ in 0..r.repeat {
            out.push(row.clone());
        }
    }
    out
}

/// Overdue cases of S2 (promised, 1–10 days), open or done, with or without a handler.
fn case() -> impl Strategy<Value = Case> {
    (
        start(),
        prop_oneof![Just(None), (0u32..10).prop_map(Some), Just(Some(u32::MAX))],
        prop::option::of(0usize..6),
        prop::option::of(0i64..90),
        any::<bool>(),
        prop::sample::select(vec![
            "promised",
            "reported_up",
            "complaint_next_day",
            "nope",
        ]),
    )
        .prop_map(|(at, days, handler, done_after, joint, class)| {
            let mut c = Case::new("C", class, at, days);
            c.handler = handler.map(|h| SUBJECTS[h].to_owned());
            c.window = Some("W1".to_owned());
            c.joint = joint;
            if let (Some(d), Ok(t)) = (
                done_after,
                at.instant_in(FixedOffset::east_opt(8 * 3600).unwrap()),
            ) {
                c.completed_at = t
                    .checked_add_signed(chrono::Duration::days(d))
                    .map(Start::Instant);
            }
            c
        })
}

fn period() -> impl Strategy<Value = Period> {
    prop_oneof![
        6 => Just("2026-10".to_owned()),
        1 => prop::sample::select(vec!["2026-Q4", "2026", "2025-12", "0000-01", "9999-12", "9999", "2027-01"]).prop_map(str::to_owned),
    ]
    .prop_map(|s| s.parse().unwrap())
}

/// Rows in = rows out, and every card's numbers add up.
fn check_assessment(p: &Policy, a: &Assessment, n: usize, lines: bool) {
    let errors: Vec<usize> = a
        .errors
        .iter()
        .filter(|e| e.input == "incident")
        .map(|e| e.row)
        .collect();
    for e in &a.errors {
        check_error(&e.error, &[]);
    }
    let outside: BTreeSet<usize> = a.outside_rows.iter().copied().collect();
    assert_eq!(outside.len(), a.outside_rows.len(), "an outside row twice");
    assert_eq!(a.outside_period, a.outside_rows.len());
    let erred: BTreeSet<usize> = errors.iter().copied().collect();
    assert_eq!(erred.len(), errors.len(), "an error row twice");
    assert!(
        erred.is_disjoint(&outside),
        "a row both in error and outside the period"
    );
    if lines {
        let scored: BTreeSet<usize> = a
            .scorecards
            .iter()
            .flat_map(|c| &c.lines)
            .filter_map(|l| match l.source {
                LineSource::Incident { row } => Some(row),
                _ => None,
            })
            .collect();
        assert!(scored.is_disjoint(&erred) && scored.is_disjoint(&outside));
        assert_eq!(
            scored.len() + erred.len() + outside.len(),
            n,
            "rows in = rows out"
        );
    } else {
        assert!(erred.len() + outside.len() <= n);
    }
    for card in &a.scorecards {
        for c in &card.categories {
            assert!(
                c.floor <= c.score && c.score <= c.maximum,
                "{}: {c:?}",
                card.subject
            );
            assert_eq!(c.applied_deductions, c.maximum - c.score);
            assert!(c.applied_deductions <= c.raw_deductions);
        }
        let categories = card
            .categories
            .iter()
            .map(|c| c.score)
            .fold(0i64, i64::saturating_add);
        assert_eq!(
            card.total,
            categories.saturating_add(card.bonus),
            "{}",
            card.subject
        );
        if lines {
            let fines = card
                .lines
                .iter()
                .map(|l| l.fine)
                .fold(Decimal::ZERO, |a, b| a.saturating_add(b));
            assert_eq!(card.fines, fines, "{}", card.subject);
        }
        assert!(card.fines >= Decimal::ZERO);
    }
    match timed("rank", || p.rank(a)) {
        Ok(ranking) => {
            let windows: BTreeSet<&str> = a
                .scorecards
                .iter()
                .filter_map(|c| c.window.as_deref())
                .collect();
            assert_eq!(ranking.len(), windows.len());
            // JSON is what every host sees.
            serde_json::to_string(&ranking).unwrap();
        }
        Err(e) => check_error(&e, &[]),
    }
    serde_json::to_string(a).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), .. ProptestConfig::default() })]

    #[test]
    fn scoring_arbitrary_incidents(
        which in 0usize..3,
        raw in prop::collection::vec(raw(), 0..40),
        cases in prop::option::of(prop::collection::vec(case(), 0..12)),
        roster in prop::collection::vec((0usize..6, 0usize..4), 0..4),
        period in period(),
        lines in prop::bool::weighted(0.8),
    ) {
        let p = policy(which);
        let rows = rows(p, &raw);
        let roster: Vec<(String, String)> = roster.iter().map(|&(s, w)| (SUBJECTS[s].to_owned(), WINDOWS[w].to_owned())).collect();
        let s2 = sets().0.policy("s2-service-center").unwrap();
        let case_rows: Vec<Result<Case, Error>> = cases.unwrap_or_default().into_iter().map(Ok).collect();
        let mut req = AssessRequest::new(period).incident_rows(&rows).roster(&roster).lines(lines);
        if !case_rows.is_empty() {
            req = req.case_rows(s2, &case_rows);
        }
        match timed("assess", || p.assess(&req)) {
            Ok(a) => check_assessment(p, &a, rows.len(), lines),
            Err(e) => check_error(&e, &[]),
        }
    }
}

#[test]
fn the_extreme_table_loads() {
    let p = policy(2);
    let t = p.deduction_table().unwrap();
    assert_eq!(t.rules.len(), 7);
    assert_eq!(t.categories[0].maximum, i64::from(u32::MAX));
}

// ---- findings of this fuzzer, kept as named regression tests ----

/// A fine at the top of the decimal range times a quantity of 8 panicked ("Multiplication
/// overflowed"); fines are now capped at `MAX_FINE` yuan when the policy loads.
#[test]
fn regression_fine_past_the_limit_is_a_load_diagnostic() {
    let text = common::extreme_table_policy("x").replace(
        "fine = \"1000000000\"",
        "fine = \"79228162514264337593543950335\"",
    );
    let e = PolicySet::from_sources(&[("x.toml", &text)]).unwrap_err();
    assert_eq!(e.code(), "policy");
    let d = &e.diagnostics()[0];
    assert_eq!(d.path, "rule[0].fine");
    assert_eq!(
        d.message,
        "fine `79228162514264337593543950335` is over the limit of 1000000000 yuan"
    );
    assert_eq!((d.file.as_str(), d.column), ("x.toml", 8));
    // At the limit it loads, and the largest quantity is exact.
    let p = policy(2);
    let mut i = Incident::new("甲", "R.max", "2026-10-12".parse::<Start>().unwrap());
    i.quantity = Some(MAX_QUANTITY);
    // R.max is charged to the person and the window: the row names its window.
    i.window = Some("W".into());
    let incidents = [i];
    let a = p
        .assess(&AssessRequest::new("2026-10".parse().unwrap()).incidents(&incidents))
        .unwrap();
    assert_eq!(a.card("甲").unwrap().fines.to_string(), "1000000000000000");
}

/// Points sums overflowed `i64` (a panic in debug builds, a wrapped total in release) after
/// about 2,150 incidents of `u32::MAX` points at the largest quantity; they saturate now.
#[test]
fn regression_point_sums_saturate() {
    let p = policy(2);
    let at: Start = "2026-10-12".parse().unwrap();
    let mut deduction = Incident::new("甲", "R.max", at);
    deduction.quantity = Some(MAX_QUANTITY);
    deduction.window = Some("W".into());
    let mut bonus = Incident::new("甲", "R.bonus", at);
    bonus.quantity = Some(MAX_QUANTITY);
    bonus.points = Some(i64::from(u32::MAX));
    let mut incidents = vec![deduction; 2_200];
    incidents.extend(vec![bonus; 2_200]);
    for lines in [true, false] {
        let a = p
            .assess(
                &AssessRequest::new("2026-10".parse().unwrap())
                    .incidents(&incidents)
                    .lines(lines),
            )
            .unwrap();
        let card = a.card("甲").unwrap();
        let small = card.categories.iter().find(|c| c.id == "small").unwrap();
        assert_eq!((small.score, small.raw_deductions), (0, i64::MAX));
        assert_eq!(card.bonus, i64::MAX);
        assert_eq!(card.total, i64::MAX);
        assert!(p.rank(&a).is_ok());
    }
}
