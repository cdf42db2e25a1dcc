//! `zhidu schema` end to end (issue #17): the shipped schemas in `policies/schema/` are the
//! command's output, every shipped policy declares its own, and the command's list, one kind
//! and unknown kind behave as documented. Validation of files against the schemas is
//! tests/schema/validate.py's (run by tests/suites/schema.sh).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test with a broken fixture should fail loudly"
)]

use std::path::{Path, PathBuf};

mod common;
use common::zhidu;

fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).unwrap()
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

const REGENERATE: &str = "cargo run -p zhidu-cli -- schema --out policies/schema";

#[test]
fn the_shipped_schemas_are_up_to_date() {
    let dir = root().join("policies/schema");
    let kinds = zhidu::schema::kinds();
    for kind in &kinds {
        let shipped =
            std::fs::read_to_string(dir.join(format!("{kind}.json"))).unwrap_or_else(|_| {
                panic!("policies/schema/{kind}.json is missing: run `{REGENERATE}`")
            });
        let now = zhidu::schema::schema_text(kind).unwrap();
        assert!(
            shipped == now,
            "policies/schema/{kind}.json is stale: run `{REGENERATE}`"
        );
    }
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut expected: Vec<String> = kinds.iter().map(|k| format!("{k}.json")).collect();
    expected.sort();
    assert_eq!(
        files, expected,
        "policies/schema/ holds a schema of no kind"
    );
}

#[test]
fn every_shipped_policy_declares_its_schema() {
    let mut checked = 0;
    let mut stack = vec![root().join("policies")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|x| x != "toml") {
                continue;
            }
            let body = std::fs::read_to_string(&path).unwrap();
            let kind = if body.contains("\n[policy]") {
                "policy"
            } else if body.contains("\n[calendar]") {
                "calendar"
            } else {
                "clauses"
            };
            let first = body.lines().next().unwrap_or_default();
            let target = first.strip_prefix("#:schema ").unwrap_or_else(|| {
                panic!(
                    "{}: the first line is not a `#:schema` directive",
                    path.display()
                )
            });
            assert!(
                target.ends_with(&format!("schema/{kind}.json")),
                "{}: declares {target}, not the {kind} schema",
                path.display()
            );
            assert!(
                path.parent().unwrap().join(target).exists(),
                "{}: {target} does not exist",
                path.display()
            );
            checked += 1;
        }
    }
    // 14 policies (S1–S15 but S13), the clause index, the calendar.
    assert_eq!(checked, 16);
}

#[test]
fn the_command_lists_prints_and_refuses() {
    let list = zhidu(&["schema"]);
    assert!(list.status.success());
    let kinds = text(&list.stdout);
    assert!(
        kinds.starts_with("policy\ncalendar\nclauses\ncase\n"),
        "{kinds}"
    );
    assert_eq!(kinds.lines().count(), 17);

    let one = zhidu(&["schema", "incident"]);
    assert!(one.status.success());
    let v: serde_json::Value = serde_json::from_slice(&one.stdout).unwrap();
    assert_eq!(v["title"], "考核记录 / incident");
    assert_eq!(v["additionalProperties"], false);

    let bad = zhidu(&["--lang", "en", "schema", "incidnet"]);
    assert_eq!(bad.status.code(), Some(2));
    let err = text(&bad.stderr);
    assert!(err.contains("no schema for `incidnet`"), "{err}");
    assert!(err.contains("`incident`"), "{err}");
}

#[test]
fn out_writes_every_kind() {
    let dir = root().join("target/tmp/schema-out-test");
    let _ = std::fs::remove_dir_all(&dir);
    let o = zhidu(&["schema", "--out", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout).lines().count(), 17);
    let policy = std::fs::read_to_string(dir.join("policy.json")).unwrap();
    assert_eq!(policy, zhidu::schema::schema_text("policy").unwrap());
    std::fs::remove_dir_all(&dir).unwrap();
}
