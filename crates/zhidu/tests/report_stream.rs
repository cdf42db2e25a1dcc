//! The report over a case log given in chunks ([`zhidu::ReportBuilder`], issue #18 point 4)
//! is the report over the whole log ([`zhidu::Policy::report`]): on the example month and on
//! seeded random months (late, suspended, extended, flow-logged and bad rows), for chunk
//! sizes that cut the log everywhere, with the previous period from the same log.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs,
    reason = "tests fail loudly"
)]

use std::fmt::Write as _;
use std::path::Path;

use zhidu::{Case, Error, Incident, Policy, PolicySet, Report, ReportBuilder, ReportRequest};

type CaseRows = Vec<Result<Case, Error>>;

fn example(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/2026-10")
        .join(name);
    std::fs::read_to_string(p).unwrap()
}

fn rows<T: zhidu::rows::FromRow>(text: &str, jsonl: bool) -> Vec<Result<T, Error>> {
    let read = if jsonl {
        zhidu::rows::read_jsonl::<T>(text.as_bytes())
    } else {
        zhidu::rows::read_csv::<T>(text.as_bytes())
    };
    read.unwrap()
        .into_iter()
        .map(|(_, r)| r.map_err(Error::from))
        .collect()
}

/// The report of `req` with `cases` (and the same log as the previous period's) pushed `n`
/// rows at a time.
fn chunked(p: &Policy, req: &ReportRequest<'_>, cases: &[Result<Case, Error>], n: usize) -> Report {
    let mut b = ReportBuilder::new(p, &req.previous_cases(&[])).unwrap();
    for chunk in cases.chunks(n) {
        b.push_cases(chunk).unwrap();
        b.push_previous_cases(chunk).unwrap();
    }
    b.finish().unwrap()
}

fn same_in_chunks(p: &Policy, req: ReportRequest<'_>, cases: &CaseRows) -> Report {
    let whole = p.report(&req.cases(cases).previous_cases(cases)).unwrap();
    for n in [1, 2, 7, 64, 1000, cases.len().max(1)] {
        let r = chunked(p, &req, cases, n);
        assert!(r == whole, "chunks of {n} differ from the whole log");
    }
    whole
}

#[test]
fn the_example_month_in_chunks() {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let cases: CaseRows = rows(&example("cases.jsonl"), true);
    let incidents: Vec<Result<Incident, Error>> = rows(&example("incidents.csv"), false);
    let violations = rows(&example("violations.csv"), false);
    let roster = zhidu::rows::read_roster("roster.csv", example("roster.csv").as_bytes()).unwrap();
    let req = ReportRequest::new("2026-10".parse().unwrap())
        .incidents(&incidents)
        .violations(&violations)
        .roster_rows(&roster)
        .previous_incidents(&incidents);
    let r = same_in_chunks(p, req, &cases);
    // The example month is not empty: the comparison compared something.
    assert!(r.figures.cases > 1000 && r.assessment.is_some() && r.previous.is_some());
}

/// A small deterministic generator (xorshift64*), so the test needs no dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n.max(1)
    }
}

/// A case log of `n` cases over September–October 2026 as JSON Lines: promised and reported
/// up cases, suspensions, extensions, flow steps in and out of order, completions on time,
/// late and never, a row in ten without a handler or a window, and a bad row in fifty.
fn random_log(seed: u64, n: usize) -> String {
    const STEPS: [&str; 5] = ["notice", "accept", "receipt", "notify", "issue"];
    let mut r = Rng(seed | 1);
    let mut out = String::new();
    for i in 0..n {
        if r.below(50) == 0 {
            out.push_str("{\"id\": 1}\n");
            continue;
        }
        let day = 1 + r.below(61);
        let (month, d) = if day <= 30 { (9, day) } else { (10, day - 30) };
        let hour = 8 + r.below(10);
        let at = |m: u64, d: u64, h: u64| format!("2026-{m:02}-{d:02}T{h:02}:{:02}+08:00", 0);
        let later = |r: &mut Rng, m: u64, d: u64| {
            let dd = d + 1 + r.below(12);
            if dd > 28 { (m + 1, dd - 28) } else { (m, dd) }
        };
        let class = if r.below(4) == 0 {
            "reported_up"
        } else {
            "promised"
        };
        let days = if class == "promised" {
            3 + r.below(3)
        } else {
            5 + r.below(15)
        };
        let mut line = format!(
            "{{\"id\":\"R{seed}-{i}\",\"class\":\"{class}\",\"accepted_at\":\"{}\",\"days\":{days}",
            at(month, d, hour)
        );
        if r.below(10) != 0 {
            write!(line, ",\"handler\":\"办事员{}\"", r.below(12)).unwrap();
        }
        if r.below(10) != 0 {
            write!(line, ",\"window\":\"W{:02}\"", r.below(5)).unwrap();
        }
        let mut events = Vec::new();
        if r.below(6) == 0 {
            let (m, dd) = later(&mut r, month, d);
            events.push(format!(
                "{{\"kind\":\"suspend\",\"at\":\"{}\",\"reason\":\"correction\"}}",
                at(m, dd, 10)
            ));
            if r.below(3) != 0 {
                let (m2, d2) = later(&mut r, m, dd);
                events.push(format!(
                    "{{\"kind\":\"resume\",\"at\":\"{}\"}}",
                    at(m2, d2, 9)
                ));
            }
        } else if r.below(8) == 0 {
            let (m, dd) = later(&mut r, month, d);
            events.push(format!(
                "{{\"kind\":\"extend\",\"at\":\"{}\",\"days\":{},\"approved_by\":\"主任\"}}",
                at(m, dd, 11),
                1 + r.below(3)
            ));
        }
        if r.below(3) == 0 {
            // Flow steps: in order, one skipped, or two swapped.
            let mut steps: Vec<&str> = STEPS[..2 + usize::try_from(r.below(4)).unwrap()].to_vec();
            match r.below(3) {
                0 if steps.len() > 2 => {
                    steps.remove(1);
                }
                1 => steps.swap(0, 1),
                _ => {}
            }
            for (k, s) in steps.iter().enumerate() {
                events.push(format!(
                    "{{\"kind\":\"step\",\"at\":\"{}\",\"step\":\"{s}\"}}",
                    at(month, d, (hour + u64::try_from(k).unwrap()).min(23))
                ));
            }
        }
        if !events.is_empty() {
            write!(line, ",\"events\":[{}]", events.join(",")).unwrap();
        }
        if r.below(5) != 0 {
            let (m, dd) = later(&mut r, month, d);
            if m <= 11 {
                write!(line, ",\"completed_at\":\"{}\"", at(m, dd.min(28), 15)).unwrap();
            }
        }
        line.push_str("}\n");
        out.push_str(&line);
    }
    out
}

#[test]
fn seeded_random_months_in_chunks() {
    let ps = PolicySet::builtin().unwrap();
    let s2 = ps.policy("s2-service-center").unwrap();
    let s14 = ps.policy("s14-window-scorecard").unwrap();
    let mut flow_lines = 0;
    for seed in [1, 18, 2026] {
        let cases: CaseRows = rows(&random_log(seed, 1500), true);
        assert!(cases.iter().any(Result::is_err), "seed {seed}: no bad rows");
        for (p, period) in [(s2, "2026-10"), (s2, "2026-09"), (s14, "2026-10")] {
            let req = ReportRequest::new(period.parse().unwrap()).case_policy(s2);
            let r = same_in_chunks(p, req, &cases);
            assert!(
                r.figures.overdue > 0 && !r.red.is_empty(),
                "seed {seed}: nothing late"
            );
            flow_lines += r
                .assessment
                .iter()
                .flat_map(|a| &a.scorecards)
                .flat_map(|c| &c.lines)
                .filter(|l| &*l.rule == "S14.biz.1.2a")
                .count();
        }
    }
    // The flow's findings were scored, so their chunking was compared too.
    assert!(flow_lines > 0);
}
