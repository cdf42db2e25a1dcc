//! The README's defaults table tells the truth about the policy files: every open parameter
//! (`regulations.md` §5, A1–A33) a shipped policy uses has its row, every row names a real
//! parameter, and every deviation a policy marks (`DEVIATION:` in a default's note) is listed
//! with its reason.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test over the repository's own files should fail loudly"
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn policy_files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["policies", "policies/calendars"] {
        for e in std::fs::read_dir(root().join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "toml") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// `A<n>` values of `param = "…"` in a policy file.
fn params(text: &str) -> Vec<String> {
    text.match_indices("param = \"A")
        .filter_map(|(i, m)| {
            let rest = &text[i + m.len() - 1..];
            let end = rest.find('"')?;
            Some(rest[..end].to_owned())
        })
        .collect()
}

/// The README section between `## Defaults` and the next `## `.
fn readme_section() -> String {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme
        .find("\n## Defaults\n")
        .expect("README has a `## Defaults` section");
    let rest = &readme[start + 1..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |e| e + 3);
    rest[..end].to_owned()
}

/// The §5 numbers of the table rows (`| A3 | …`), in order.
fn rows(section: &str) -> Vec<String> {
    section
        .lines()
        .filter_map(|l| l.strip_prefix("| A"))
        .map(|l| format!("A{}", l.split_whitespace().next().unwrap_or("")))
        .collect()
}

#[test]
fn every_open_parameter_a_policy_uses_has_its_row() {
    let section = readme_section();
    let listed: BTreeSet<String> = rows(&section).into_iter().collect();
    let mut used = BTreeSet::new();
    for p in policy_files() {
        for a in params(&std::fs::read_to_string(&p).unwrap()) {
            assert!(
                listed.contains(&a),
                "{} uses {a}, which the README's defaults table does not list",
                p.display()
            );
            used.insert(a);
        }
    }
    // Every row is a real §5 number, once; a row no policy uses says so.
    let all: Vec<String> = (1..=33).map(|n| format!("A{n}")).collect();
    let rows_in_order: Vec<String> = rows(&section)
        .into_iter()
        .filter(|r| !r.is_empty())
        .collect();
    let first_table: Vec<&String> = rows_in_order.iter().take(33).collect();
    assert_eq!(
        first_table,
        all.iter().collect::<Vec<_>>(),
        "the defaults table has one row per open parameter, A1–A33 in order"
    );
    for line in section.lines().filter(|l| l.starts_with("| A")) {
        let a = format!("A{}", line[3..].split_whitespace().next().unwrap());
        if !used.contains(&a) && rows_in_order.iter().filter(|r| **r == a).count() == 1 {
            assert!(
                line.contains("not used yet")
                    || line.contains("no deadline class")
                    || line.contains("no shipped policy"),
                "{a} is used by no policy, so its row must say so: {line}"
            );
        }
    }
}

#[test]
fn every_marked_deviation_is_listed_with_its_reason() {
    let section = readme_section();
    let deviations = section
        .split("Deviations from a §5 DEFAULT")
        .nth(1)
        .expect("the defaults section lists the deviations");
    for p in policy_files() {
        let text = std::fs::read_to_string(&p).unwrap();
        for line in text.lines().filter(|l| l.contains("DEVIATION:")) {
            let a = params(line);
            let a = a.first().expect("a deviation names its §5 parameter");
            let id = p.file_stem().unwrap().to_string_lossy();
            assert!(
                deviations
                    .lines()
                    .any(|l| l.starts_with(&format!("| {a} |")) && l.contains(id.as_ref())),
                "{} marks a deviation from {a} that the README does not list: {line}",
                p.display()
            );
        }
    }
}
