//! Core benchmarks: calendar lookups, due dates and case status.
//!
//! `cargo bench -p zhidu-benches --bench core`; each group prints time per operation and
//! throughput. Targets (issue #2 / #7): ≤ 50 ns per due date, ≤ 200 ns per case status
//! with two suspensions. Measured, never asserted.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a benchmark with a broken fixture should stop at once"
)]

#[path = "peers/encoded.rs"]
mod encoded;
use encoded::Encoded;

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use zhidu::{Case, CaseEvent, PolicySet, Start};

/// 4096 dates spread over 2024–2026, the same in every run.
fn dates() -> Vec<NaiveDate> {
    let base = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let mut x: u64 = 0x2026_1127;
    (0..4096)
        .map(|_| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            base + Days::new((x >> 33) % 1050)
        })
        .collect()
}

fn calendar(c: &mut Criterion) {
    let ps = PolicySet::builtin().unwrap();
    let cal = ps.calendar("cn-mainland").unwrap();
    let dates = dates();
    let mut g = c.benchmark_group("calendar");
    g.throughput(Throughput::Elements(dates.len() as u64));
    g.bench_function("is_working_day", |b| {
        b.iter(|| {
            dates
                .iter()
                .filter(|&&d| cal.is_working_day(black_box(d)).unwrap())
                .count()
        });
    });
    g.bench_function("add_working_days(5)", |b| {
        b.iter(|| {
            dates
                .iter()
                .map(|&d| cal.add_working_days(black_box(d), 5).unwrap())
                .max()
        });
    });
    g.bench_function("working_days_between", |b| {
        b.iter(|| {
            dates
                .iter()
                .zip(dates.iter().skip(1))
                .map(|(&a, &b)| cal.working_days_between(a, b).unwrap())
                .sum::<i64>()
        });
    });
    g.finish();
}

fn due(c: &mut Criterion) {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let class = p.class("promised").unwrap();
    let dates = dates();
    let instants: Vec<Start> = dates
        .iter()
        .map(|d| {
            Start::parse_instant(&format!("{d}T10:30"), p.calendar().offset())
                .unwrap()
                .into()
        })
        .collect();
    let immediate = ps
        .policy("s10-service-system")
        .unwrap()
        .class("immediate")
        .unwrap();
    let mut g = c.benchmark_group("due");
    g.throughput(Throughput::Elements(dates.len() as u64));
    g.bench_function("promised 5 working days (date)", |b| {
        b.iter(|| {
            dates
                .iter()
                .map(|&d| class.due(black_box(d), Some(5)).unwrap().due_date)
                .max()
        });
    });
    g.bench_function("promised 5 working days (instant)", |b| {
        b.iter(|| {
            instants
                .iter()
                .map(|&s| class.due(black_box(s), Some(5)).unwrap().due_date)
                .max()
        });
    });
    g.bench_function("immediate 30 minutes", |b| {
        b.iter(|| {
            instants
                .iter()
                .map(|&s| immediate.due(black_box(s), None).unwrap().due_at)
                .max()
        });
    });
    g.bench_function("explain (with day list)", |b| {
        b.iter(|| {
            instants
                .iter()
                .take(256)
                .map(|&s| class.explain(black_box(s), Some(5)).unwrap().days.len())
                .sum::<usize>()
        });
    });
    g.finish();
}

fn case_status(c: &mut Criterion) {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let off = p.calendar().offset();
    let at = |s: &str| Start::parse_instant(s, off).unwrap();
    let mut case = Case::new("B1", "promised", at("2026-03-02T09:00"), Some(5));
    case.events = vec![
        CaseEvent::Suspend {
            at: at("2026-03-03T10:00").into(),
            reason: "expert_review".into(),
        },
        CaseEvent::Resume {
            at: at("2026-03-05T09:00").into(),
        },
        CaseEvent::Suspend {
            at: at("2026-03-06T10:00").into(),
            reason: "hearing".into(),
        },
        CaseEvent::Resume {
            at: at("2026-03-10T09:00").into(),
        },
    ];
    case.completed_at = Some(at("2026-03-12T16:00").into());
    let as_of = at("2026-03-31T17:00");
    let mut g = c.benchmark_group("case_status");
    g.throughput(Throughput::Elements(1));
    g.bench_function("two suspensions, completed", |b| {
        b.iter(|| p.case_status(black_box(&case), as_of).unwrap().status)
    });
    let open = Case::new("O1", "promised", at("2026-03-02T09:00"), Some(5));
    g.bench_function("no events, open", |b| {
        b.iter(|| p.case_status(black_box(&open), as_of).unwrap().status)
    });
    g.finish();
}

fn loading(c: &mut Criterion) {
    let sources = PolicySet::builtin_sources();
    let mut g = c.benchmark_group("load");
    g.sample_size(20);
    g.bench_function("compile the builtin policy set", |b| {
        b.iter(|| {
            PolicySet::from_sources(black_box(sources))
                .unwrap()
                .policies()
                .count()
        })
    });
    g.finish();
}

/// 1 million incidents for 10,000 people over a month of S14 rules (fixed and discretionary).
fn scoring(c: &mut Criterion) {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s14-window-scorecard").unwrap();
    let rules = [
        "S14.att.1a",
        "S14.att.2",
        "S14.att.3",
        "S14.svc.1",
        "S14.svc.3",
        "S14.biz.1.2a",
        "S14.att.1d",
        "S14.att.6",
    ];
    let people: Vec<String> = (0..10_000).map(|i| format!("P{i:05}")).collect();
    let windows: Vec<String> = (0..120).map(|i| format!("W{i:03}")).collect();
    let off = p.calendar().offset();
    let days: Vec<Start> = (1..=31)
        .map(|d| {
            Start::parse_instant(&format!("2026-10-{d:02}T10:00"), off)
                .unwrap()
                .into()
        })
        .collect();
    let mut x: u64 = 7;
    let mut next = |n: usize| {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((x >> 33) as usize) % n
    };
    let incidents: Vec<zhidu::Incident> = (0..1_000_000)
        .map(|_| {
            let person = next(people.len());
            let rule = rules[next(rules.len())];
            let mut i = zhidu::Incident::new(people[person].clone(), rule, days[next(days.len())]);
            i.window = Some(windows[person % windows.len()].clone());
            i.points = match rule {
                "S14.svc.3" => Some(1 + next(5) as i64),
                "S14.att.6" => Some(10 + next(11) as i64),
                _ => None,
            };
            // A chosen magnitude needs the assessor's reason (A6), or the row is refused.
            i.note = i.points.map(|_| "考评小组评议".to_owned());
            i
        })
        .collect();
    let period = "2026-10".parse().unwrap();
    let mut g = c.benchmark_group("scoring");
    g.sample_size(10);
    g.throughput(Throughput::Elements(incidents.len() as u64));
    g.bench_function("1M incidents, 10k people, totals", |b| {
        b.iter(|| {
            let req = zhidu::AssessRequest::new(period)
                .incidents(black_box(&incidents))
                .lines(false);
            p.assess(&req).unwrap().scorecards.len()
        });
    });
    g.bench_function("1M incidents, 10k people, every line", |b| {
        b.iter(|| {
            let req = zhidu::AssessRequest::new(period).incidents(black_box(&incidents));
            p.assess(&req).unwrap().scorecards.len()
        });
    });
    // The same incidents as columns (issue #16): texts once each, rows by position, `at` as
    // Unix seconds. Encoding them is the host's work, done once outside the timing.
    let encoded = Encoded::new(&incidents);
    let values = encoded.values();
    let columns = encoded.columns(&values);
    let req = zhidu::AssessRequest::new(period)
        .incident_columns(&columns)
        .lines(false);
    assert_eq!(
        p.assess(&req).unwrap(),
        p.assess(
            &zhidu::AssessRequest::new(period)
                .incidents(&incidents)
                .lines(false)
        )
        .unwrap(),
        "the column path gives the row path's answer"
    );
    g.bench_function("1M incidents, 10k people, totals, columns", |b| {
        b.iter(|| p.assess(black_box(&req)).unwrap().scorecards.len());
    });
    g.finish();
}

criterion_group!(benches, calendar, due, case_status, loading, scoring);
criterion_main!(benches);
