//! Every answer names the rules that gave it (issue #17, point 5): each command whose answer
//! is a list (`cases`, `assess`, `rank`, `decide`) answers `--format json` with the envelope
//! `{"<noun>": [...], "stamp": {...}}`, and its table ends with `computed under <stamp>`; the
//! stamp is the policy's, its hash the builtin set's content hash.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test with a broken fixture should fail loudly"
)]

use std::path::PathBuf;

mod common;
use common::{builtin_stamp, listed, zhidu};

/// The example month's inputs (`examples/2026-10`).
fn example(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/2026-10")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// `args` as JSON and as a table: the JSON's list under `noun` with the policy's stamp, the
/// table's last line the same stamp in words. Returns the list's length.
fn stamped_both_ways(args: &[&str], noun: &str, policy: &str) -> usize {
    let o = zhidu(&[args, &["--format", "json"]].concat());
    let out = String::from_utf8(o.stdout).unwrap();
    let (list, stamp) = listed(&out, noun);
    assert_eq!(stamp, builtin_stamp(policy), "{args:?}");
    let o = zhidu(args);
    let table = String::from_utf8(o.stdout).unwrap();
    let set = zhidu::PolicySet::builtin().unwrap();
    let want = format!("computed under {}", set.policy(policy).unwrap().stamp());
    assert_eq!(table.lines().last(), Some(want.as_str()), "{args:?}");
    assert!(want.ends_with(set.content_hash()));
    list.as_array().unwrap().len()
}

#[test]
fn cases_are_listed_with_the_stamp() {
    let log = example("cases.jsonl");
    let args = [
        "cases",
        "--policy",
        "s2-service-center",
        "--as-of",
        "2026-10-31T18:00:00+08:00",
        &log,
    ];
    // One answer per line of the log (the streamed list loses none).
    let lines = std::fs::read_to_string(&log).unwrap().lines().count();
    assert!(stamped_both_ways(&args, "cases", "s2-service-center") <= lines);
}

#[test]
fn scorecards_and_ranks_are_listed_with_the_stamp() {
    let incidents = example("incidents.csv");
    let args = [
        "--policy",
        "s2-service-center",
        "--period",
        "2026-10",
        "--incidents",
        &incidents,
    ];
    let cards = stamped_both_ways(
        &[&["assess"], &args[..]].concat(),
        "scorecards",
        "s2-service-center",
    );
    assert!(cards > 0);
    let ranks = stamped_both_ways(
        &[&["rank"], &args[..]].concat(),
        "ranks",
        "s2-service-center",
    );
    assert!(ranks > 0);
}

#[test]
fn decisions_are_listed_with_the_stamp() {
    let violations = example("violations.csv");
    let args = [
        "decide",
        "--policy",
        "s2-service-center",
        "--violations",
        &violations,
    ];
    assert!(stamped_both_ways(&args, "decisions", "s2-service-center") > 0);
}
