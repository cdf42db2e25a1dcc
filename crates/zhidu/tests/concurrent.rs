//! One `PolicySet` used from 8 threads at once gives the same answers as sequential use
//! (issue #18 point 4): due dates, case statuses, scoring, decisions and the monthly report,
//! on the example month.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test with a broken fixture should fail loudly"
)]

use std::path::Path;
use std::sync::Barrier;

use chrono::{DateTime, FixedOffset};
use zhidu::rows::read_named;
use zhidu::{
    AssessRequest, Assessment, Case, CaseStatus, Decisions, Due, Error, Incident, PolicySet,
    Report, ReportRequest, Start, ViolationRecord,
};

const THREADS: usize = 8;
const ROUNDS: usize = 5;

fn rows<T: zhidu::rows::FromRow>(name: &str) -> Vec<Result<T, Error>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/2026-10")
        .join(name);
    let text = std::fs::read(&path).unwrap();
    read_named::<T>(name, text.as_slice())
        .unwrap()
        .into_iter()
        .map(|(_, r)| r.map_err(Error::from))
        .collect()
}

struct Month {
    cases: Vec<Result<Case, Error>>,
    incidents: Vec<Result<Incident, Error>>,
    violations: Vec<Result<ViolationRecord, Error>>,
    roster: Vec<zhidu::rows::RosterRow>,
    as_of: DateTime<FixedOffset>,
}

fn month() -> Month {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/2026-10/roster.csv");
    let roster =
        zhidu::rows::read_roster("roster.csv", std::fs::read(path).unwrap().as_slice()).unwrap();
    Month {
        cases: rows("cases.jsonl"),
        incidents: rows("incidents.csv"),
        violations: rows("violations.csv"),
        roster,
        as_of: DateTime::parse_from_rfc3339("2026-10-20T12:00:00+08:00").unwrap(),
    }
}

/// Everything one thread computes: every answer of the five kinds.
#[derive(Debug, PartialEq)]
struct Answers {
    dues: Vec<Result<Due, Error>>,
    statuses: Vec<Result<CaseStatus, Error>>,
    assessment: Assessment,
    decisions: Decisions,
    report: Report,
}

fn answer(ps: &PolicySet, m: &Month) -> Answers {
    let s2 = ps.policy("s2-service-center").unwrap();
    let dues = [
        "promised",
        "reported_up",
        "complaint_next_day",
        "on_the_spot",
    ]
    .iter()
    .flat_map(|class| {
        (1..=28).map(move |d| {
            let start: Start = format!("2026-09-{d:02}T09:30").parse().unwrap();
            s2.due(class, start, None)
        })
    })
    .collect();
    let statuses = m
        .cases
        .iter()
        .filter_map(|c| c.as_ref().ok())
        .map(|c| s2.case_status(c, m.as_of))
        .collect();
    let assessment = s2
        .assess(
            &AssessRequest::new("2026-10".parse().unwrap())
                .incident_rows(&m.incidents)
                .roster_rows(&m.roster)
                .case_rows(s2, &m.cases),
        )
        .unwrap();
    let decisions = s2.decide(&m.violations, Some(m.as_of)).unwrap();
    let report = s2
        .report(
            &ReportRequest::new("2026-10".parse().unwrap())
                .cases(&m.cases)
                .incidents(&m.incidents)
                .violations(&m.violations)
                .roster_rows(&m.roster),
        )
        .unwrap();
    Answers {
        dues,
        statuses,
        assessment,
        decisions,
        report,
    }
}

#[test]
fn eight_threads_share_one_policy_set() {
    let ps = PolicySet::builtin().unwrap();
    let m = month();
    let sequential = answer(&ps, &m);
    // The example month exercises every kind: some answers of each.
    assert!(sequential.dues.iter().filter(|d| d.is_ok()).count() >= 56);
    assert!(sequential.statuses.len() > 50);
    assert!(!sequential.assessment.scorecards.is_empty());
    assert!(!sequential.decisions.decisions.is_empty());
    let barrier = Barrier::new(THREADS);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..THREADS)
            .map(|_| {
                s.spawn(|| {
                    barrier.wait();
                    (0..ROUNDS).map(|_| answer(&ps, &m)).collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            for a in h.join().unwrap() {
                assert!(
                    a == sequential,
                    "a thread's answers differ from sequential use"
                );
            }
        }
    });
}
