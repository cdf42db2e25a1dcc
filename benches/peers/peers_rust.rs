//! The native side of `benches/peers/run.sh`: the same rows as the peers, through the core.
//!
//! ```sh
//! cargo run --release -p zhidu-benches --example peers_rust -- DIR [REPEAT]
//! ```
//!
//! `DIR` holds what `benches/peers/peers.py` wrote: `starts.i32` and `days.i32` (due rows:
//! days since 1970-01-01 and promised working days, little-endian `i32`), `dates.txt` (the
//! same starts as `YYYY-MM-DD`, one a line) and `incidents.csv`
//! (`subject,window,at,rule,points,note`, S14 incidents of October 2026) with `zen_sample`, the
//! number of leading incidents whose lines are written for the zen-engine comparison.
//!
//! Every timing is the best of `REPEAT` runs (default 5) on one thread, as time on the CPU
//! (`/proc/thread-self/schedstat`: on a shared machine the wall clock also counts the time
//! other work held the core); each `KEY_ns` has its wall-clock `KEY_wall_ns` beside it. Writes `rust_due.i32`
//! (the due day of every row, `Class::due` one row at a time) and `rust_lines.tsv`
//! (`row, points, fine` of the first `zen_sample` incidents), and prints one JSON object with
//! the measurements.

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

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{Datelike, Days, NaiveDate};
use zhidu::{AssessRequest, Case, CaseEvent, Incident, LineSource, PolicySet, Start, SubjectKind};

/// Days from 0001-01-01 (day 1 in chrono's count) to 1970-01-01.
const UNIX_EPOCH_CE: i64 = 719_163;

fn read_i32(path: &Path) -> Vec<i32> {
    std::fs::read(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .chunks_exact(4)
        .map(|b| i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect()
}

fn epoch_date(day: i64) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(day + UNIX_EPOCH_CE).unwrap()).unwrap()
}

/// This thread's time on a CPU so far, in nanoseconds.
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

/// The best of `repeat` runs of `f`: time on the CPU (the wall clock where the kernel does
/// not tell) and wall-clock time, in nanoseconds, and the last result.
fn best<T>(repeat: usize, mut f: impl FnMut() -> T) -> ((f64, f64), T) {
    let (mut cpu, mut wall) = (f64::INFINITY, f64::INFINITY);
    let mut out = None;
    for _ in 0..repeat.max(1) {
        let c = cpu_ns();
        let t = Instant::now();
        let r = black_box(f());
        let w = t.elapsed().as_nanos() as f64;
        wall = wall.min(w);
        cpu = cpu.min(c.zip(cpu_ns()).map_or(w, |(a, b)| (b - a) as f64));
        out = Some(r);
    }
    ((cpu, wall), out.unwrap())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(args.first().expect("usage: peers_rust DIR [REPEAT]"));
    let repeat: usize = args.get(1).map_or(5, |r| r.parse().unwrap());
    let ps = PolicySet::builtin().unwrap();
    let s2 = ps.policy("s2-service-center").unwrap();
    let class = s2.class("promised").unwrap();
    let cal = s2.calendar();
    let mut json = String::from("{");
    let mut put = |key: &str, value: f64| {
        let _ = write!(
            json,
            "{}\"{key}\":{value:.3}",
            if json.len() > 1 { "," } else { "" }
        );
    };
    // A timing per operation: on the CPU as `KEY`, by the wall clock as `KEY_wall`.
    macro_rules! per {
        ($key:expr, $t:expr, $n:expr) => {{
            let (cpu, wall) = $t;
            let n = $n as f64;
            put($key, cpu / n);
            put(&format!("{}_wall", $key), wall / n);
        }};
    }

    // ---- due dates: the peers' rows ----
    let starts: Vec<i64> = read_i32(&dir.join("starts.i32"))
        .into_iter()
        .map(i64::from)
        .collect();
    let days: Vec<u32> = read_i32(&dir.join("days.i32"))
        .into_iter()
        .map(|d| u32::try_from(d).unwrap())
        .collect();
    let n = starts.len();
    let dates: Vec<NaiveDate> = starts.iter().map(|&s| epoch_date(s)).collect();
    put("due_rows", n as f64);
    // One row at a time, as a loop over `Class::due` (no memo: every row is computed).
    let (ns, answers) = best(repeat, || {
        dates
            .iter()
            .zip(&days)
            .map(|(&d, &k)| match class.due(d, Some(k)) {
                Ok(due) => (i64::from(due.due_date.num_days_from_ce()) - UNIX_EPOCH_CE) as i32,
                Err(_) => i32::MIN,
            })
            .collect::<Vec<i32>>()
    });
    per!("due_single_ns", ns, n);
    let bytes: Vec<u8> = answers.iter().flat_map(|d| d.to_le_bytes()).collect();
    std::fs::write(dir.join("rust_due.i32"), bytes).unwrap();
    // The column fast path (the one the Python binding's `due_many` calls on datetime64[D]).
    let mut out = vec![None; n];
    let (ns, errors) = best(repeat, || {
        class
            .due_epoch_days(&starts, &days, &mut out)
            .unwrap()
            .len()
    });
    assert_eq!(errors, 0, "rows outside the calendar");
    per!("due_epoch_days_ns", ns, n);
    let same = out
        .iter()
        .zip(&answers)
        .all(|(a, &b)| a.map(|d| d as i32) == Some(b));
    put("due_epoch_days_agrees", f64::from(u8::from(same)));
    // What `dueMany` does for a JavaScript caller, natively: parse `YYYY-MM-DD`, the column
    // batch `Class::due_many`, the due dates written as text.
    let text = std::fs::read_to_string(dir.join("dates.txt")).unwrap();
    let accepted: Vec<&str> = text.lines().collect();
    let limits: Vec<Option<u32>> = days.iter().map(|&d| Some(d)).collect();
    let (ns, written) = best(repeat, || {
        let parsed: Vec<Start> = accepted.iter().map(|a| a.parse().unwrap()).collect();
        let rows = class.due_many(&parsed, &limits).unwrap();
        let mut due_date = String::with_capacity(rows.len() * 11);
        let mut due_at = String::with_capacity(rows.len() * 26);
        for d in rows.iter().flatten() {
            let _ = writeln!(due_date, "{}", d.due_date);
            due_at.push_str(&d.due_at.to_rfc3339());
            due_at.push('\n');
        }
        due_date.len() + due_at.len()
    });
    assert!(written > 0);
    per!("due_strings_ns", ns, n);

    // ---- the core's targets, on the fixtures of benches/core.rs ----
    let base = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let mut x: u64 = 0x2026_1127;
    let fixture: Vec<NaiveDate> = (0..4096)
        .map(|_| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            base + Days::new((x >> 33) % 1050)
        })
        .collect();
    let rounds = 250;
    let (ns, _) = best(repeat, || {
        (0..rounds)
            .filter_map(|_| {
                fixture
                    .iter()
                    .map(|&d| cal.add_working_days(black_box(d), 5).unwrap())
                    .max()
            })
            .count()
    });
    per!("add_working_days_ns", ns, rounds * fixture.len());
    let (ns, _) = best(repeat, || {
        (0..rounds)
            .filter_map(|_| {
                fixture
                    .iter()
                    .map(|&d| class.due(black_box(d), Some(5)).unwrap().due_date)
                    .max()
            })
            .count()
    });
    per!("due_promised5_ns", ns, rounds * fixture.len());

    let off = cal.offset();
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
    let calls = 200_000;
    let (ns, _) = best(repeat, || {
        (0..calls)
            .filter(|_| s2.case_status(black_box(&case), as_of).is_ok())
            .count()
    });
    per!("case_status_ns", ns, calls);

    let sources = PolicySet::builtin_sources();
    let (ns, _) = best(repeat, || {
        (0..20)
            .map(|_| {
                PolicySet::from_sources(black_box(sources))
                    .unwrap()
                    .policies()
                    .count()
            })
            .sum::<usize>()
    });
    per!("compile_ms", ns, 20e6);

    // ---- scoring: the peers' incidents ----
    let s14 = ps.policy("s14-window-scorecard").unwrap();
    let text = std::fs::read_to_string(dir.join("incidents.csv")).unwrap();
    let mut incidents = Vec::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let mut i = Incident::new(f[0], f[3], Start::parse_instant(f[2], off).unwrap());
        i.window = Some(f[1].to_owned());
        i.points = f[4].parse().ok();
        // The assessor's reason for a chosen magnitude (A6).
        i.note = f.get(5).filter(|n| !n.is_empty()).map(|n| (*n).to_owned());
        incidents.push(i);
    }
    put("incidents", incidents.len() as f64);
    let period = "2026-10".parse().unwrap();
    let (ns, cards) = best(repeat, || {
        let req = AssessRequest::new(period)
            .incidents(&incidents)
            .lines(false);
        let out = s14.assess(&req).unwrap();
        assert!(out.errors.is_empty());
        out.scorecards.len()
    });
    per!("assess_totals_ns", ns, incidents.len());
    put("assess_cards", cards as f64);
    // The same incidents as columns (issue #16 point 1): texts given once and referred to by
    // index, instants as Unix seconds; encoding them is the host's work, not timed.
    let encoded = Encoded::new(&incidents);
    let values = encoded.values();
    let columns = encoded.columns(&values);
    let (ns, column_cards) = best(repeat, || {
        let req = AssessRequest::new(period)
            .incident_columns(&columns)
            .lines(false);
        let out = s14.assess(&req).unwrap();
        assert!(out.errors.is_empty());
        out.scorecards.len()
    });
    assert_eq!(column_cards, cards, "the columns give the rows' cards");
    per!("assess_columns_ns", ns, incidents.len());
    let (ns, _) = best(repeat.min(3), || {
        let req = AssessRequest::new(period).incidents(&incidents);
        s14.assess(&req).unwrap().scorecards.len()
    });
    per!("assess_lines_ns", ns, incidents.len());
    // Lines of the zen-engine sample, row by row.
    let sample: usize = std::fs::read_to_string(dir.join("zen_sample"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let req = AssessRequest::new(period).incidents(&incidents[..sample.min(incidents.len())]);
    let out = s14.assess(&req).unwrap();
    let mut lines: Vec<(usize, i64, String)> = out
        .scorecards
        .iter()
        .filter(|c| c.kind == SubjectKind::Person)
        .flat_map(|c| &c.lines)
        .filter_map(|l| match l.source {
            LineSource::Incident { row } => Some((row, l.points, format!("{:.2}", l.fine))),
            LineSource::Case { .. } => None,
        })
        .collect();
    lines.sort();
    let mut tsv = String::new();
    for (row, points, fine) in &lines {
        let _ = writeln!(tsv, "{row}\t{points}\t{fine}");
    }
    std::fs::write(dir.join("rust_lines.tsv"), tsv).unwrap();
    json.push('}');
    println!("{json}");
}
