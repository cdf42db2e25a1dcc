//! The inputs the coverage-guided fuzzers found (or that pin an edge they reached), run on
//! stable in CI through the same entry functions the fuzz targets call: `fuzz/src/entries.rs`
//! is included here by path, so the targets and this test cannot drift.
//!
//! Each file `fuzz/regressions/<target>/<name>` is fed to the entry function of `<target>`;
//! it must return without a panic and with its invariants holding. `fuzz/run.sh` re-runs the
//! fuzzers; `fuzz/README.md` lists the findings.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs,
    reason = "a regression input that fails should fail loudly"
)]

#[path = "../../../fuzz/src/entries.rs"]
mod entries;

use std::path::Path;

type Entry = fn(&[u8]);

const TARGETS: [(&str, Entry); 8] = [
    ("loader", entries::loader),
    ("csv_rows", entries::csv_rows),
    ("jsonl_rows", entries::jsonl_rows),
    ("row_schema", entries::row_schema),
    ("clock", entries::clock),
    ("assess", entries::assess),
    ("decide", entries::decide),
    ("kinds", entries::kinds),
];

#[test]
fn every_regression_input_runs_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions");
    let mut ran = 0;
    for (target, entry) in TARGETS {
        let dir = root.join(target);
        let Ok(files) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<_> = files.map(|f| f.unwrap().path()).collect();
        files.sort();
        for f in files.iter().filter(|f| f.is_file()) {
            let data = std::fs::read(f).unwrap();
            let name = f.display().to_string();
            let outcome = std::panic::catch_unwind(|| entry(&data));
            assert!(outcome.is_ok(), "{name} panicked");
            ran += 1;
        }
    }
    // The directory holds at least the curated seeds of every target (fuzz/README.md).
    assert!(
        ran >= TARGETS.len(),
        "only {ran} regression inputs found under {}",
        root.display()
    );
}

/// Empty and tiny inputs reach every entry's early returns.
#[test]
fn empty_and_tiny_inputs() {
    for (_, entry) in TARGETS {
        for data in [
            &b""[..],
            b"\0",
            b"\n",
            b"\xff\xfe",
            b"incident\n",
            b"s2-service-center 2026-10\n",
        ] {
            entry(data);
        }
    }
}
