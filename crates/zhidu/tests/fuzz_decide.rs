//! Fuzzing (proptest-driven) of accountability decisions: arbitrary histories (known,
//! unknown and escalation-only codes, any flags, instants in years 0–9999, rows that could
//! not be read, long runs of one subject) with and without an "as of" instant, on the
//! shipped rules and on a set with every number at its extreme (windows of `u32::MAX`
//! months, a complaint threshold of 0, priorities at the ends of `i32`, conflicting
//! refinements).
//!
//! Every call is `Ok` or a typed error; rows in = rows out (each row is decided, reported
//! as an error, or after the "as of" instant — exactly one); decisions are in time order;
//! tiers exist; review flags agree with their reasons; summaries add up.
//!
//! `PROPTEST_CASES=200000 cargo test --release -p zhidu --test fuzz_decide` runs it long.

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

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use proptest::prelude::*;
use zhidu::{Decisions, Error, Policy, PolicySet, Start, ViolationRecord};

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

fn policy(which: usize) -> &'static Policy {
    let (builtin, extreme) = sets();
    match which % 4 {
        0 => builtin.policy("s2-service-center").unwrap(),
        1 => builtin.policy("s7-joint-processing").unwrap(),
        2 => builtin.policy("s15-township-center").unwrap(),
        _ => extreme.policy("x").unwrap(),
    }
}

fn instant() -> impl Strategy<Value = DateTime<FixedOffset>> {
    (
        prop_oneof![6 => 2024i32..=2027, 1 => 0i32..=9999],
        1u32..=12,
        1u32..=31,
        0u32..24,
        prop_oneof![3 => Just(480i32), 1 => -720i32..=840],
    )
        .prop_map(|(y, m, d, h, off)| {
            let date = NaiveDate::from_ymd_opt(y, m, d)
                .or_else(|| NaiveDate::from_ymd_opt(y, m, 28))
                .unwrap();
            FixedOffset::east_opt(off * 60)
                .unwrap()
                .from_local_datetime(&date.and_hms_opt(h, 0, 0).unwrap())
                .single()
                .unwrap()
        })
}

fn start() -> impl Strategy<Value = Start> {
    (instant(), 0usize..3).prop_map(|(t, form)| match form {
        0 => Start::Date(t.date_naive()),
        1 => Start::Local(t.naive_local()),
        _ => Start::Instant(t),
    })
}

/// A generated record: subject, when, code (an index into the policy's violations, or an
/// unknown code), flags (indices into the policy's flags, or unknown ones), whether the row
/// could not be read, and how many times it repeats.
#[derive(Clone, Debug)]
struct Raw {
    subject: usize,
    at: Start,
    code: Result<prop::sample::Index, String>,
    flags: Vec<Result<prop::sample::Index, String>>,
    unreadable: bool,
    repeat: usize,
}

fn raw() -> impl Strategy<Value = Raw> {
    let flag = prop_oneof![
        6 => any::<prop::sample::Index>().prop_map(Ok),
        1 => prop::sample::select(vec!["".to_owned(), " ".to_owned(), "nope".to_owned(), "serious ".to_owned()]).prop_map(Err),
    ];
    (
        0usize..4,
        start(),
        prop_oneof![
            8 => any::<prop::sample::Index>().prop_map(Ok),
            1 => prop::sample::select(vec!["".to_owned(), "S2.zr.t1.9".to_owned(), "V.base ".to_owned()]).prop_map(Err),
        ],
        prop::collection::vec(flag, 0..4),
        prop::bool::weighted(0.05),
        prop_oneof![20 => Just(1usize), 1 => 1usize..500],
    )
        .prop_map(|(subject, at, code, flags, unreadable, repeat)| Raw {
            subject,
            at,
            code,
            flags,
            unreadable,
            repeat,
        })
}

const SUBJECTS: [&str; 4] = ["张三", "李四", "", "a/b"];

fn records(p: &Policy, raw: &[Raw]) -> Vec<Result<ViolationRecord, Error>> {
    let rules = p.accountability_rules().unwrap();
    let codes: Vec<&str> = rules.violations.iter().map(|v| v.code.as_str()).collect();
    let flags: Vec<&str> = rules.flags.iter().map(|f| f.id.as_str()).collect();
    let mut out = Vec::new();
    for r in raw {
        let row = if r.unreadable {
            Err(Error::Input {
                message: "row is not a violation".to_owned(),
                hint: None,
            })
        } else {
            let code = match &r.code {
                Ok(i) => codes[i.index(codes.len())].to_owned(),
                Err(s) => s.clone(),
            };
            let mut v = ViolationRecord::new(SUBJECTS[r.subject], code, r.at);
            v.flags = r
                .flags
                .iter()
                .map(|f| match f {
                    Ok(i) if !flags.is_empty() => flags[i.index(flags.len())].to_owned(),
                    Ok(_) => "none".to_owned(),
                    Err(s) => s.clone(),
                })
                .collect();
            Ok(v)
        };
        for _ in 0..r.repeat {
            out.push(row.clone());
        }
    }
    out
}

fn check_decisions(p: &Policy, d: &Decisions, n: usize) {
    let rules = p.accountability_rules().unwrap();
    let levels: BTreeSet<u32> = rules.tiers.iter().map(|t| t.level).collect();
    let decided: BTreeSet<usize> = d.decisions.iter().map(|x| x.row).collect();
    let erred: BTreeSet<usize> = d.errors.iter().map(|e| e.row).collect();
    assert_eq!(decided.len(), d.decisions.len(), "a row decided twice");
    assert_eq!(erred.len(), d.errors.len(), "a row in error twice");
    assert!(decided.is_disjoint(&erred));
    assert_eq!(
        d.decisions.len() + d.errors.len() + d.after_as_of,
        n,
        "rows in = rows out"
    );
    assert!(decided.iter().chain(&erred).all(|&r| (1..=n).contains(&r)));
    for e in &d.errors {
        check_error(&e.error, &[]);
        if let Error::Conflict { clauses, .. } = &e.error {
            assert_eq!(clauses.len(), 2);
        }
    }
    for pair in d.decisions.windows(2) {
        assert!(
            (pair[0].at, pair[0].row) < (pair[1].at, pair[1].row),
            "decisions out of order"
        );
    }
    for x in &d.decisions {
        if let Some(t) = x.tier {
            assert!(levels.contains(&t), "tier {t} not in the policy");
            assert!(x.tier_name.is_some());
        } else {
            assert!(x.tier_name.is_none());
        }
        assert_eq!(x.needs_review, !x.review_reasons.is_empty());
        assert!(x.clauses.contains(&x.violation) && x.clauses.contains(&x.applied));
        if let Some(prior) = x.escalation.as_ref().and_then(|e| e.refers_to.as_ref()) {
            assert!(prior.at <= x.at && decided.contains(&prior.row));
        }
        if let Some(c) = x.candidate_tier {
            assert!(levels.contains(&c));
        }
    }
    // Escalation for repeats, against a scan of every earlier decision (the reference the
    // indexed lookup replaced): the prior is the latest tier-1 decision of the subject for
    // the code within the window, and a tier-1 decision without escalation has none.
    if let Some((_, months)) = rules.repeat {
        let within = |earlier: NaiveDate, later: NaiveDate| {
            later >= earlier
                && earlier
                    .checked_add_months(chrono::Months::new(months))
                    .is_none_or(|end| later <= end)
        };
        for (i, x) in d.decisions.iter().enumerate() {
            // The same conduct: the same code, or codes the policy groups (`same_conduct`).
            let same = |a: &str, b: &str| {
                a == b
                    || rules
                        .same_conduct
                        .iter()
                        .any(|g| g.iter().any(|c| c == a) && g.iter().any(|c| c == b))
            };
            let prior = d.decisions[..i].iter().rev().find(|e| {
                e.subject == x.subject
                    && same(&e.violation, &x.violation)
                    && e.tier == Some(1)
                    && within(e.at.date_naive(), x.at.date_naive())
            });
            match x.escalation.as_ref().filter(|e| e.kind == "repeat") {
                Some(e) => {
                    let got = e.refers_to.as_ref().map(|p| p.row);
                    assert_eq!(got, prior.map(|p| p.row), "row {}: repeat of", x.row);
                }
                None if x.tier == Some(1) && x.escalation.is_none() => {
                    assert!(
                        prior.is_none(),
                        "row {}: a repeat of row {} was missed",
                        x.row,
                        prior.map_or(0, |p| p.row)
                    );
                }
                None => {}
            }
        }
    }
    let total: usize = d.subjects.iter().map(|s| s.decisions).sum();
    assert_eq!(total, d.decisions.len());
    for s in &d.subjects {
        let mine: Vec<_> = d
            .decisions
            .iter()
            .filter(|x| x.subject == s.subject)
            .collect();
        assert_eq!(mine.len(), s.decisions);
        assert_eq!(mine.iter().filter_map(|x| x.tier).max(), s.highest_tier);
        assert_eq!(
            mine.iter().filter(|x| x.needs_review).count(),
            s.needs_review
        );
    }
    serde_json::to_string(d).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), .. ProptestConfig::default() })]

    #[test]
    fn deciding_arbitrary_histories(
        which in 0usize..4,
        raw in prop::collection::vec(raw(), 0..30),
        as_of in prop::option::of(instant()),
    ) {
        let p = policy(which);
        let records = records(p, &raw);
        match timed("decide", || p.decide(&records, as_of)) {
            Ok(d) => check_decisions(p, &d, records.len()),
            Err(e) => check_error(&e, &[]),
        }
    }
}

#[test]
fn the_extreme_rules_load() {
    let r = policy(3).accountability_rules().unwrap();
    assert_eq!(r.repeat.as_ref().map(|x| x.1), Some(u32::MAX));
    assert_eq!(r.complaints.as_ref().map(|x| x.2), Some(0));
}

// ---- findings, kept as named regression tests ----

/// Every record scanned every earlier decision for repeats and complaints: 40,000 records of
/// one person took 28 s in a release build, a million would not have finished. Escalations
/// now look up an index; the answers are those of the scan (checked on every fuzz case).
#[test]
fn regression_a_long_history_is_decided_in_linear_time() {
    let p = policy(0);
    // One person, one code, one year: every record repeats the first (tier 1) and every
    // third is a verified complaint, so the old scan walked the whole history each time.
    let n: u64 = 40_000;
    let records: Vec<Result<ViolationRecord, Error>> = (0..n)
        .map(|i| {
            let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(i * 365 / n);
            let mut r = ViolationRecord::new("张三", "S2.zr.t1.1", Start::Date(day));
            if i % 3 == 0 {
                r.flags = vec!["complaint".to_owned()];
            }
            Ok(r)
        })
        .collect();
    let t = std::time::Instant::now();
    let d = p.decide(&records, None).unwrap();
    let took = t.elapsed();
    println!("{n} records of one person: {took:?}");
    assert!(
        took < std::time::Duration::from_secs(15),
        "{n} records took {took:?}"
    );
    assert!(d.errors.is_empty(), "{:?}", d.errors.first());
    assert_eq!(d.decisions.len(), n as usize);
    assert_eq!(d.decisions[0].tier, Some(1));
    for (i, x) in d.decisions.iter().enumerate().skip(1) {
        let prior = x
            .escalation
            .as_ref()
            .and_then(|e| e.refers_to.as_ref())
            .map(|r| r.row);
        assert_eq!((x.tier, prior), (Some(2), Some(1)), "row {}", x.row);
        // The k-th complaint counts k (all are within 12 months), from the third on.
        if i % 3 == 0 && i >= 6 {
            let k = i / 3 + 1;
            let reason = format!("{k} verified complaints within 12 months");
            assert!(
                x.review_reasons.iter().any(|r| r.starts_with(&reason)),
                "row {}: {:?}",
                x.row,
                x.review_reasons
            );
        }
    }
    // The indexed answers are the scan's, on a prefix short enough to scan.
    let short = p.decide(&records[..3_000], None).unwrap();
    check_decisions(p, &short, 3_000);
}

/// A repeat window of `u32::MAX` months overflowed the date type and was treated as empty,
/// so a repeat never escalated; a window past the last date holds every later date.
#[test]
fn regression_a_window_past_the_last_date_is_not_empty() {
    let p = policy(3); // repeat_months = 4294967295
    let at = |s: &str| s.parse::<Start>().unwrap();
    let records = [
        Ok(ViolationRecord::new("张三", "V.base", at("2004-01-02"))),
        Ok(ViolationRecord::new("张三", "V.base", at("2026-10-12"))),
    ];
    let d = p.decide(&records, None).unwrap();
    assert_eq!(d.decisions[0].tier, Some(1));
    assert_eq!(d.decisions[1].tier, Some(u32::MAX));
    let e = d.decisions[1].escalation.as_ref().unwrap();
    assert_eq!((e.kind, e.clause.as_str()), ("repeat", "V.repeat"));
}
