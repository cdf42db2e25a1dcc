//! 1 M S14 incidents over 10,000 people (the fixture of benches/core.rs), lines off, scored
//! three ways: the core's column call, `zhidu_arrow::assess` on a batch with dictionary
//! columns, and on a batch of plain `Utf8` columns (dictionary-encoded by zhidu-arrow).
//! Prints the CPU time per incident of each (best of `RUNS`); under
//! `valgrind --tool=callgrind --toggle-collect='*zhidu_arrow*assess*'` it counts instructions.
//!
//! ```sh
//! cargo run --release -p zhidu-arrow --example throughput [WHAT] [N]
//! ```
//!
//! `WHAT` is `all` (default), `core`, `dictionary` or `plain`. Measured, never asserted.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss,
    reason = "a benchmark with a broken fixture should stop at once"
)]

use std::hint::black_box;
use std::sync::Arc;

use arrow_array::types::Int32Type;
use arrow_array::{
    ArrayRef, DictionaryArray, Int64Array, RecordBatch, StringArray, TimestampSecondArray,
};
use zhidu::{AssessRequest, IncidentColumns, InstantColumn, InstantUnit, PolicySet, TextColumn};

const RUNS: usize = 5;

/// This thread's time on a CPU, in nanoseconds.
fn cpu_ns() -> u64 {
    std::thread::yield_now();
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn best(n: usize, mut f: impl FnMut() -> usize) -> f64 {
    (0..RUNS)
        .map(|_| {
            let t = cpu_ns();
            black_box(f());
            (cpu_ns() - t) as f64 / n as f64
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let what = args.first().map_or("all", String::as_str);
    let n: usize = args.get(1).map_or(1_000_000, |s| s.parse().unwrap());
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
    // 10:00 in Beijing (02:00 UTC) on each day of October 2026.
    let days: Vec<i64> = (0..31).map(|d| (20_727 + d) * 86_400 + 7_200).collect();
    let mut x: u64 = 7;
    let mut next = |k: usize| {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((x >> 33) as usize) % k
    };
    let (mut person, mut rule, mut at, mut points) = (vec![], vec![], vec![], vec![]);
    for _ in 0..n {
        let who = next(people.len()) as u32;
        let r = next(rules.len());
        person.push(who);
        rule.push(r as u32);
        at.push(days[next(days.len())]);
        points.push(match rules[r] {
            "S14.svc.3" => Some(1 + next(5) as i64),
            "S14.att.6" => Some(10 + next(11) as i64),
            _ => None,
        });
    }
    let window: Vec<u32> = person.iter().map(|&w| w % 120).collect();
    let note: Vec<u32> = points
        .iter()
        .map(|p| if p.is_some() { 0 } else { TextColumn::MISSING })
        .collect();
    let people_str: Vec<&str> = people.iter().map(String::as_str).collect();
    let windows_str: Vec<&str> = windows.iter().map(String::as_str).collect();
    let notes = ["考评小组评议"];
    let period = "2026-10".parse().unwrap();

    let columns = IncidentColumns::new(
        TextColumn::new(&people_str, &person),
        InstantColumn::Instants(&at, InstantUnit::Second),
        TextColumn::new(&rules, &rule),
    )
    .window(TextColumn::new(&windows_str, &window))
    .points(&points)
    .note(TextColumn::new(&notes, &note));
    let dict = |values: &[&str], codes: &[u32]| -> ArrayRef {
        let keys = arrow_array::Int32Array::from_iter_values(codes.iter().map(|&c| c as i32));
        let keys = arrow_array::Int32Array::from_iter(
            keys.iter()
                .zip(codes)
                .map(|(k, &c)| k.filter(|_| c != TextColumn::MISSING)),
        );
        let values = Arc::new(StringArray::from(values.to_vec()));
        Arc::new(DictionaryArray::<Int32Type>::try_new(keys, values).unwrap())
    };
    let plain = |values: &[&str], codes: &[u32]| -> ArrayRef {
        Arc::new(StringArray::from_iter(
            codes.iter().map(|&c| values.get(c as usize).copied()),
        ))
    };
    let batch = |text: &dyn Fn(&[&str], &[u32]) -> ArrayRef| {
        RecordBatch::try_from_iter([
            ("subject", text(&people_str, &person)),
            ("window", text(&windows_str, &window)),
            (
                "at",
                Arc::new(TimestampSecondArray::from(at.clone()).with_timezone("+08:00"))
                    as ArrayRef,
            ),
            ("rule", text(&rules, &rule)),
            (
                "points",
                Arc::new(Int64Array::from(points.clone())) as ArrayRef,
            ),
            ("note", text(&notes, &note)),
        ])
        .unwrap()
    };
    let dictionary = batch(&dict);
    let plain = batch(&plain);
    let options = zhidu_arrow::AssessOptions::new().lines(false);
    let core = || {
        let req = AssessRequest::new(period)
            .incident_columns(&columns)
            .lines(false);
        p.assess(&req).unwrap().scorecards.len()
    };
    let arrow = |b: &RecordBatch| zhidu_arrow::assess(p, b, period, &options).unwrap();
    if what == "all" {
        assert_eq!(arrow(&dictionary), arrow(&plain));
    }
    for (name, f) in [
        ("core", &core as &dyn Fn() -> usize),
        ("dictionary", &|| arrow(&dictionary).scorecards.len()),
        ("plain", &|| arrow(&plain).scorecards.len()),
    ] {
        if what == "all" || what == name {
            let ns = best(n, f);
            println!(
                "{name}: {n} incidents, {ns:.1} ns each on the CPU ({:.2} M/s)",
                1_000.0 / ns
            );
        }
    }
}
