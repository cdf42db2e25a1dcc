//! Result stamps (issue #17, point 5): a policy set's content hash is SHA-256 over the
//! files' own SHA-256 digests, sorted, each followed by a newline. These tests recompute it
//! with `sha256sum` (coreutils, another implementation) and check what changes it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test with a broken fixture should fail loudly"
)]

use std::path::Path;
use std::process::{Command, Stdio};

use zhidu::PolicySet;

fn sha256sum(bytes: &[u8]) -> String {
    use std::io::Write;
    let mut child = Command::new("sha256sum")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(bytes).unwrap();
    let out = child.wait_with_output().unwrap();
    String::from_utf8(out.stdout).unwrap()[..64].to_owned()
}

/// The definition, by hand: the sorted per-file digests, one a line, hashed.
fn by_definition(files: &[&[u8]]) -> String {
    let mut digests: Vec<String> = files.iter().map(|f| sha256sum(f)).collect();
    digests.sort();
    let joined: String = digests.iter().map(|d| format!("{d}\n")).collect();
    sha256sum(joined.as_bytes())
}

fn s2() -> &'static str {
    PolicySet::builtin_sources()
        .iter()
        .find(|(n, _)| n.ends_with("s2-service-center.toml"))
        .unwrap()
        .1
}

fn calendar() -> &'static str {
    PolicySet::builtin_sources()
        .iter()
        .find(|(n, _)| n.ends_with("calendars/cn-mainland.toml"))
        .unwrap()
        .1
}

#[test]
fn the_builtin_hash_is_the_definition_over_the_shipped_files() {
    if Command::new("sha256sum").arg("--version").output().is_err() {
        eprintln!("sha256sum not found: skipped");
        return;
    }
    let files: Vec<&[u8]> = PolicySet::builtin_sources()
        .iter()
        .map(|(_, t)| t.as_bytes())
        .collect();
    let builtin = PolicySet::builtin().unwrap();
    assert_eq!(builtin.content_hash(), by_definition(&files));
    // The repository's policies/ read from disk holds the same bytes: the same hash.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../policies");
    assert_eq!(
        PolicySet::load(dir).unwrap().content_hash(),
        builtin.content_hash()
    );
    for p in builtin.policies() {
        assert_eq!(p.stamp().hash, builtin.content_hash(), "{}", p.id());
    }
}

#[test]
fn a_set_borrowing_the_builtin_calendar_hashes_that_file_too() {
    if Command::new("sha256sum").arg("--version").output().is_err() {
        return;
    }
    // S2 alone counts in cn-mainland, which it does not ship: the calendar's bytes are part
    // of every due date, so they are part of the hash.
    let set = PolicySet::from_sources(&[("s2.toml", s2())]).unwrap();
    assert_eq!(
        set.content_hash(),
        by_definition(&[s2().as_bytes(), calendar().as_bytes()])
    );
}

#[test]
fn a_changed_rule_value_changes_the_stamp_and_so_does_reformatting() {
    let base = PolicySet::from_sources(&[("s2.toml", s2())]).unwrap();
    let stamp = base.policy("s2-service-center").unwrap().stamp();
    assert_eq!(
        (stamp.policy.as_str(), stamp.version.as_str()),
        ("s2-service-center", "2023-10-23")
    );
    assert_eq!(stamp.effective_from.to_string(), "2004-01-01");

    // A rule value: 迟到 (S2.assess.qin.1) from 2 points to 3.
    let rule = "code = \"S2.assess.qin.1\"\ncategory = \"qin\"\nkind = \"deduction\"\nunit = \"occurrence\"\npoints = ";
    let raised = s2().replacen(&format!("{rule}2"), &format!("{rule}3"), 1);
    assert_ne!(raised, s2());
    let raised = PolicySet::from_sources(&[("s2.toml", raised.as_str())]).unwrap();
    assert_ne!(raised.content_hash(), base.content_hash());

    // Reformatting only (a comment and a blank line): the rules are the same, the bytes are
    // not, and the hash is a hash of bytes: it changes. Documented in the README.
    let reformatted = format!("# reformatted\n\n{}", s2());
    let reformatted = PolicySet::from_sources(&[("s2.toml", reformatted.as_str())]).unwrap();
    assert_ne!(reformatted.content_hash(), base.content_hash());

    // The file's name does not count.
    let renamed = PolicySet::from_sources(&[("another-name.toml", s2())]).unwrap();
    assert_eq!(renamed.content_hash(), base.content_hash());
}
