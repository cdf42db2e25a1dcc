//! `zhidu fmt` end to end (issue #17): the shipped files are in the canonical layout, and on a
//! file that is not `--check` names it and exits 1, `fmt` rewrites it (comments kept) and a
//! second run changes nothing. The layout itself is tested in the core (`fmt/tests.rs`).

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

#[test]
fn the_shipped_files_are_canonical() {
    let policies = root().join("policies");
    let notices = root().join("tests/notices");
    let o = zhidu(&[
        "fmt",
        "--check",
        policies.to_str().unwrap(),
        notices.to_str().unwrap(),
    ]);
    assert!(
        o.status.success(),
        "not in the canonical layout (run `cargo run -p zhidu-cli -- fmt policies tests/notices`):\n{}",
        text(&o.stdout)
    );
    assert_eq!(text(&o.stdout), "");
}

#[test]
fn check_names_fmt_rewrites_and_a_second_run_changes_nothing() {
    let dir = root().join("target/tmp/fmt-cli-test");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("local.toml");
    let scrambled = "# 本中心的规则\n\n[[class]]\nunit = \"working_days\" # 工作日\nlimit = 3\nname = \"一般\"\nid = \"general\"\nsource = { quote = \"三日\", clause = \"X.1\" }\n\n[policy]\nsource = \"X\"\ncalendar = \"cn-mainland\"\neffective_from = 2026-01-01\nversion = \"1\"\nname = \"测试\"\nid = \"local\"\n";
    std::fs::write(&file, scrambled).unwrap();
    let path = file.to_str().unwrap();

    let check = zhidu(&["fmt", "--check", path]);
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(text(&check.stdout).trim(), path);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), scrambled);

    let run = zhidu(&["fmt", path]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let formatted = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        formatted,
        "# 本中心的规则\n\n[policy]\nid = \"local\"\nname = \"测试\"\nversion = \"1\"\neffective_from = 2026-01-01\ncalendar = \"cn-mainland\"\nsource = \"X\"\n\n[[class]]\nid = \"general\"\nname = \"一般\"\nunit = \"working_days\" # 工作日\nlimit = 3\nsource = { clause = \"X.1\", quote = \"三日\" }\n"
    );
    let again = zhidu(&["fmt", "--check", path]);
    assert!(again.status.success());
    assert_eq!(text(&again.stdout), "");
    // The formatted file loads.
    let loads = zhidu(&["check", path]);
    assert!(loads.status.success(), "{}", text(&loads.stdout));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_file_that_is_not_toml_is_reported_with_its_place() {
    let dir = root().join("target/tmp/fmt-cli-bad");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.toml");
    std::fs::write(&file, "[policy\nid = 1\n").unwrap();
    let o = zhidu(&["--lang", "en", "fmt", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("bad.toml:1:"),
        "{}",
        text(&o.stderr)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
