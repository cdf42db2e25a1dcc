//! End-to-end tests of `zhidu rota`, `zhidu patrols` and `zhidu obligations`: hand-computed
//! answers through the binary, its CSV and JSON outputs and its exit codes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test with a broken fixture should fail loudly"
)]

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

mod common;
use common::zhidu;

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zhidu-sched-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

#[test]
fn rota_rotates_seven_windows_and_names_the_convener() {
    let dir = temp_dir("rota");
    let windows = write(
        &dir,
        "windows.csv",
        "window,head\nA,甲\nB,乙\nC,丙\nD,丁\nE,戊\nF,己\nG,庚\n",
    );
    let o = zhidu(&[
        "rota",
        "--policy",
        "s4-duty-rota",
        "--year",
        "2028",
        "--windows",
        &windows,
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    // Month m starts at place 4(m−1) mod 7: 0, 4, 1, 5, 2, 6, 3, 0, 4, 1, 5, 2.
    let conveners: Vec<&str> = v["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["convener"].as_str().unwrap())
        .collect();
    assert_eq!(
        conveners,
        ["A", "E", "B", "F", "C", "G", "D", "A", "E", "B", "F", "C"]
    );
    let feb: Vec<&str> = v["months"][1]["duty"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["window"].as_str().unwrap())
        .collect();
    assert_eq!(feb, ["E", "F", "G", "A"]);
    assert_eq!(v["months"][1]["duty"][0]["officer"], "戊");
    // The human table says the same.
    let o = zhidu(&[
        "rota",
        "--policy",
        "s4-duty-rota",
        "--year",
        "2028",
        "--windows",
        &windows,
    ]);
    assert!(stdout(&o).contains("2028-02  convener E      E(戊) F(己) G(庚) A(甲)"));
}

#[test]
fn rota_without_windows_exits_2_with_the_hint() {
    let o = zhidu(&["rota", "--policy", "s4-duty-rota", "--year", "2027"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("no duty windows"), "{err}");
    assert!(err.contains("A25"), "{err}");
}

#[test]
fn patrol_failures_are_incident_rows_the_ranking_takes() {
    let dir = temp_dir("patrols");
    let windows = write(&dir, "windows.csv", "window,head\nW01,张一\n");
    // January 2026: 21 working days; 01-05 has its two patrols, a bad row is reported.
    let log = write(
        &dir,
        "log.csv",
        "window,at,by\nW01,2026-01-05T09:00,张一\nW01,2026-01-05T15:00,张一\nW01,not a day,张一\n",
    );
    let o = zhidu(&[
        "patrols",
        "--policy",
        "s4-duty-rota",
        "--period",
        "2026-01",
        "--windows",
        &windows,
        "--log",
        &log,
        "--format",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(1), "a bad row exits 1");
    assert!(stderr(&o).contains("row 3"), "{}", stderr(&o));
    let csv = stdout(&o);
    assert_eq!(
        csv,
        "subject,window,at,rule,quantity,note\n张一,W01,2026-01-04,S4.req.4,20,\"20 days short of 2 patrols a day, the first 2026-01-04 (S4.req.1)\"\n"
    );
    let incidents = write(&dir, "incidents.csv", &csv);
    let o = zhidu(&[
        "rank",
        "--policy",
        "s2-service-center",
        "--period",
        "2026-01",
        "--incidents",
        &incidents,
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (v, _) = common::listed(&stdout(&o), "ranks");
    let w01 = v
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["window"] == "W01")
        .unwrap();
    assert_eq!(w01["eligible"], false, "{w01}");
}

#[test]
fn obligations_schedule_and_judged_log() {
    // Without a log: the schedule (S3.clean.2 in 2025: 01-27, 04-03, 04-30, 05-30, 09-30,
    // 12-31, from the 2025 and 2026 notices).
    let o = zhidu(&[
        "obligations",
        "--policy",
        "s3-culture-centre",
        "--period",
        "2025",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let dues: Vec<&str> = v["obligations"][0]["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["due"].as_str().unwrap())
        .collect();
    assert_eq!(
        dues,
        [
            "2025-01-27",
            "2025-04-03",
            "2025-04-30",
            "2025-05-30",
            "2025-09-30",
            "2025-12-31"
        ]
    );
    assert_eq!(v["unscheduled"][0]["id"], "electrical-check");
    // With a log, as CSV: one row per occurrence with its status.
    let dir = temp_dir("obligations");
    let log = write(
        &dir,
        "log.csv",
        "obligation,at,by\nrodents-cockroaches,2026-01-15,李四\nrodents-cockroaches,2026-03-31T23:00,李四\n",
    );
    let o = zhidu(&[
        "obligations",
        "--policy",
        "s5-pest-control",
        "--period",
        "2026-Q1",
        "--log",
        &log,
        "--format",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "obligation,opens,due,late_until,status,done_at,by,row\n\
         rodents-cockroaches,2026-01-01,2026-01-31,,met,2026-01-15T00:00,李四,1\n\
         rodents-cockroaches,2026-02-01,2026-02-28,,missed,,,\n\
         rodents-cockroaches,2026-03-01,2026-03-31,,met,2026-03-31T23:00,李四,2\n"
    );
}
