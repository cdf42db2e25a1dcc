//! One hot path at a time, for `valgrind --tool=callgrind` (instruction counts do not depend
//! on the machine's load, so a change is measured exactly on a shared machine):
//!
//! ```sh
//! CARGO_PROFILE_RELEASE_DEBUG=line-tables-only cargo build --release -p zhidu-benches --example profile
//! valgrind --tool=callgrind target/…/release/examples/profile assess 100000
//! ```
//!
//! `WHAT` is `assess` (S14 incidents as in benches/core.rs, lines off; a third argument
//! sets the number of people, 10,000 by default), `assess-lines`, `columns` (the same
//! incidents as columns, `AssessRequest::incident_columns`, lines off; encoding them is not
//! timed),
//! `case` (the two-suspension case), `due` (`Class::due`, 5 working days), `compile` (the
//! builtin policy set), `frame` (reading the same incidents from a data frame's columns as
//! the Python binding hands them over: texts once each, `at` as Unix seconds, `points` as
//! floats; `frame-texts`: `at` as repeated texts; `frame-setup` and `frame-texts-setup`
//! build the columns only, to subtract) or `none` (setup only, to subtract). Prints how many operations ran
//! and their time each, on the CPU and by the wall clock (one run: the instruction counts
//! are the measure).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a benchmark with a broken fixture should stop at once"
)]

#[path = "encoded.rs"]
mod encoded;
use encoded::Encoded;

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use zhidu::rows::Column;
use zhidu::{AssessRequest, Case, CaseEvent, Incident, PolicySet, Start};

fn incidents(n: usize, people: usize, ps: &PolicySet) -> Vec<Incident> {
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
    let people: Vec<String> = (0..people).map(|i| format!("P{i:05}")).collect();
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
    (0..n)
        .map(|_| {
            let person = next(people.len());
            let rule = rules[next(rules.len())];
            let mut i = Incident::new(people[person].clone(), rule, days[next(days.len())]);
            i.window = Some(windows[person % windows.len()].clone());
            i.points = match rule {
                "S14.svc.3" => Some(1 + next(5) as i64),
                "S14.att.6" => Some(10 + next(11) as i64),
                _ => None,
            };
            // A chosen magnitude needs the assessor's reason (A6), as in benches/core.rs:
            // without it a quarter of the rows were refused and formatted their errors.
            i.note = i.points.map(|_| "考评小组评议".to_owned());
            i
        })
        .collect()
}

/// The incidents as a data frame's columns, as `zhidu._columns.frame` flattens a pandas one.
fn frame(rows: &[Incident], at_as_text: bool) -> Vec<(String, Column)> {
    let texts = |values: Vec<String>| {
        let mut distinct: Vec<String> = Vec::new();
        let mut seen = std::collections::HashMap::new();
        let codes = values
            .into_iter()
            .map(|v| {
                *seen.entry(v.clone()).or_insert_with(|| {
                    distinct.push(v);
                    distinct.len() as i64 - 1
                })
            })
            .collect();
        Column::Texts {
            codes,
            texts: distinct,
        }
    };
    let instant = |i: &Incident| match i.at {
        Start::Instant(t) => t,
        _ => panic!("the fixture's instants are instants"),
    };
    let at = if at_as_text {
        texts(rows.iter().map(|i| instant(i).to_rfc3339()).collect())
    } else {
        Column::Seconds {
            seconds: rows.iter().map(|i| instant(i).timestamp()).collect(),
            utc: true,
        }
    };
    let notes = rows.iter().map(|i| {
        i.points
            .map_or(String::new(), |_| "考评小组评议".to_owned())
    });
    vec![
        (
            "subject".into(),
            texts(rows.iter().map(|i| i.subject.clone()).collect()),
        ),
        (
            "window".into(),
            texts(
                rows.iter()
                    .map(|i| i.window.clone().unwrap_or_default())
                    .collect(),
            ),
        ),
        ("at".into(), at),
        (
            "rule".into(),
            texts(rows.iter().map(|i| i.rule.clone()).collect()),
        ),
        (
            "points".into(),
            Column::Floats(
                rows.iter()
                    .map(|i| i.points.map_or(f64::NAN, |p| p as f64))
                    .collect(),
            ),
        ),
        ("note".into(), texts(notes.collect())),
    ]
}

/// This thread's time on a CPU, in nanoseconds (`/proc/thread-self/schedstat`); on a shared
/// machine the wall clock also counts the time other work held the core.
fn cpu_ns() -> Option<u64> {
    // The kernel brings a running thread's total up to date when it schedules; without the
    // yield a read can lag by a whole tick.
    std::thread::yield_now();
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let what = args.first().map_or("none", String::as_str);
    let n: usize = args.get(1).map_or(100_000, |s| s.parse().unwrap());
    let ps = PolicySet::builtin().unwrap();
    let s2 = ps.policy("s2-service-center").unwrap();
    let off = s2.calendar().offset();
    let at = |s: &str| Start::parse_instant(s, off).unwrap();
    let people: usize = args.get(2).map_or(10_000, |s| s.parse().unwrap());
    let rows = incidents(
        if what.starts_with("assess")
            || what.starts_with("frame")
            || what == "scan"
            || what == "columns"
        {
            n
        } else {
            0
        },
        people,
        &ps,
    );
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
    let period = "2026-10".parse().unwrap();
    let s14 = ps.policy("s14-window-scorecard").unwrap();
    let class = s2.class("promised").unwrap();
    let base = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let columns = if what.starts_with("frame") {
        frame(&rows, what.starts_with("frame-texts"))
    } else {
        Vec::new()
    };
    // The incidents as columns a host hands over (texts once each, `at` as Unix seconds).
    let encoded = (what == "columns").then(|| Encoded::new(&rows));
    let t = std::time::Instant::now();
    let cpu = cpu_ns();
    let done = match what {
        "assess" | "assess-lines" => {
            let req = AssessRequest::new(period)
                .incidents(&rows)
                .lines(what == "assess-lines");
            s14.assess(black_box(&req)).unwrap().scorecards.len()
        }
        "columns" => {
            let e = encoded.as_ref().unwrap();
            let values = e.values();
            let columns = e.columns(&values);
            let req = AssessRequest::new(period)
                .incident_columns(&columns)
                .lines(false);
            s14.assess(black_box(&req)).unwrap().scorecards.len()
        }
        // The floor of any scorer over these rows: read each incident's subject, rule and
        // window (three heap strings each) once, in order.
        "scan" => rows
            .iter()
            .map(|i| {
                let w = i.window.as_deref().unwrap_or_default();
                i.subject
                    .bytes()
                    .chain(i.rule.bytes())
                    .chain(w.bytes())
                    .map(usize::from)
                    .sum::<usize>()
                    + usize::from(i.points.is_some())
            })
            .sum(),
        "frame" | "frame-texts" => {
            let read = zhidu::rows::read_frame::<Incident>("incidents", n, black_box(&columns));
            read.unwrap().iter().filter(|r| r.is_ok()).count()
        }
        "case" => (0..n)
            .filter(|_| s2.case_status(black_box(&case), as_of).is_ok())
            .count(),
        "due" => (0..n)
            .filter(|&i| {
                class
                    .due(black_box(base + Days::new((i * 7 % 1050) as u64)), Some(5))
                    .is_ok()
            })
            .count(),
        "compile" => (0..n)
            .map(|_| {
                PolicySet::from_sources(black_box(PolicySet::builtin_sources()))
                    .unwrap()
                    .policies()
                    .count()
            })
            .sum(),
        _ => 0,
    };
    let on_cpu = cpu
        .zip(cpu_ns())
        .map(|(a, b)| (b - a) as f64 / n.max(1) as f64);
    let ns = t.elapsed().as_nanos() as f64 / n.max(1) as f64;
    println!(
        "{what} {n}: {done} (Incident: {} bytes) ({:.1} ns each on the CPU, {ns:.1} ns wall clock)",
        std::mem::size_of::<Incident>(),
        on_cpu.unwrap_or(f64::NAN)
    );
}
