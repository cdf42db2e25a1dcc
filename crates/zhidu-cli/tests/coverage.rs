//! `zhidu coverage` end to end (issue #15): the table, the JSON, the README's table, and a
//! citation the index lacks. Expected counts are worked by hand from regulations.md §2.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test with a broken fixture should fail loudly"
)]

use std::path::Path;

use serde_json::Value;

mod common;
use common::zhidu;

fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).unwrap()
}

#[test]
fn the_readme_table_is_the_commands_output() {
    let o = zhidu(&["coverage", "--format", "markdown"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md"))
            .unwrap();
    let (_, rest) = readme
        .split_once("<!-- coverage:begin -->\n")
        .expect("README has the coverage markers");
    let (table, _) = rest.split_once("<!-- coverage:end -->").unwrap();
    assert_eq!(
        table,
        text(&o.stdout),
        "the README's coverage table is stale: paste `zhidu coverage --format markdown` between the markers"
    );
}

#[test]
fn the_table_lists_each_clause_with_its_encoding_or_reason() {
    // S1 (regulations.md §2): it.2–it.8 in the table, it.1 descriptive. `s1-window-it` encodes
    // it.2, 4, 5, 7 as access rules and it.3, it.8 as obligations with no period; it.6 keeps
    // its reason.
    let o = zhidu(&["coverage", "--regulation", "S1"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "S1 Window computer/IT security (L13–29)");
    assert!(
        lines[1].starts_with(
            "  S1.it.2        L17    access-control               s1-window-it access"
        ),
        "{out}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("  S1.it.3        L19    schedule")
                && l.contains("s1-window-it obligation antivirus-scan")),
        "{out}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("  S1.it.6        L25    access-control")
                && l.contains("[no-sanction]")),
        "{out}"
    );
    assert!(
        lines.iter().any(|l| l.trim_end()
            == "  S1.it.1               descriptive                  [descriptive]"),
        "{out}"
    );
    // The totals, then the set's content hash (issue #17: the answer names its rules).
    let hash = zhidu::PolicySet::builtin()
        .unwrap()
        .content_hash()
        .to_owned();
    assert!(
        out.ends_with(&format!(
            "| regulation | clauses | computable | encoded | with reason | planned | missing |\n\
         |---|---:|---:|---:|---:|---:|---:|\n\
         | S1 Window computer/IT security | 8 | 7 | 6 | 1 | 0 | 0 |\n\
         \ncomputed under sha256:{hash}\n"
        )),
        "{out}"
    );
    // An encoded clause names its policy and entry.
    let o = zhidu(&["coverage", "--regulation", "S10"]);
    let out = text(&o.stdout);
    assert!(
        out.lines()
            .any(|l| l.starts_with("  S10.xs.3.4a")
                && l.ends_with("s10-service-system class immediate")),
        "{out}"
    );
}

#[test]
fn json_is_the_cores_answer() {
    let o = zhidu(&["coverage", "--regulation", "S12", "--format", "json"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let v: Value = serde_json::from_str(&text(&o.stdout)).unwrap();
    let s12 = &v["regulations"][0];
    assert_eq!(s12["id"], "S12");
    // S12 §2: 13 clauses in the table, 4 descriptive (3.1, 3.2, 3.4.3, 3.4.11). Encoded (11):
    // the levels 3.3.1–3, readers 3.4.2, borrowing 3.4.5a, the deadlines 3.4.5b and 3.4.6, the
    // retention rules 3.4.7 and 3.4.8, the cabinets 3.4.10 and the escalation 3.4.12; with a
    // reason (2): 3.4.1 (an appointment) and 3.4.4 (where documents are kept).
    assert_eq!(
        s12["totals"],
        serde_json::json!({"clauses": 17, "computable": 13, "encoded": 11, "with_reason": 2, "planned": 0, "missing": 0})
    );
    let six = s12["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "S12.3.4.6")
        .unwrap();
    assert_eq!(six["line"], 841);
    assert_eq!(six["kinds"], serde_json::json!(["deadline"]));
    assert_eq!(six["encoded"][0]["policy"], "s12-confidentiality");
    assert_eq!(v["totals"], s12["totals"]);
    // A set-wide answer: no one policy gave it, so it names the set by its content hash.
    let hash = zhidu::PolicySet::builtin()
        .unwrap()
        .content_hash()
        .to_owned();
    assert_eq!(v["content_hash"], hash);
}

#[test]
fn an_unknown_regulation_fails_with_a_hint() {
    let o = zhidu(&["coverage", "--regulation", "S16"]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(
        err.contains("no regulation `S16` in the clause index"),
        "{err}"
    );
}

#[test]
fn a_citation_the_index_lacks_is_shown_and_the_builtin_index_serves_own_policies() {
    let dir = std::env::temp_dir().join(format!("zhidu-cli-coverage-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("local.toml"),
        r#"[policy]
id = "local"
name = "local"
version = "1"
effective_from = 2024-01-01
calendar = "cn-mainland"
source = "test"

[[class]]
id = "borrow"
name = "借阅"
unit = "calendar_days"
limit = 1
source = { clause = "S12.3.4.5", quote = "当天借阅,当天归还" }
"#,
    )
    .unwrap();
    let dir_arg = dir.display().to_string();
    let o = zhidu(&[
        "--policies",
        &dir_arg,
        "coverage",
        "--regulation",
        "S12",
        "--lang",
        "en",
    ]);
    // The builtin S12 policy is not loaded here, so the 11 clauses it encodes have neither an
    // encoding nor a reason: missing, exit code 1; 3.4.1 and 3.4.4 keep their reasons.
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(
        err.contains("clause `S12.3.4.5` is not in the clause index"),
        "{err}"
    );
    assert!(err.contains("local.toml:14:21"), "{err}");
    assert!(err.contains("class[0].source.clause"), "{err}");
    assert!(err.contains("did you mean `S12.3.4.5a`?"), "{err}");
    assert!(
        text(&o.stdout)
            .contains("| S12 Property company confidentiality | 17 | 13 | 0 | 2 | 0 | 11 |")
    );
    let o = zhidu(&["--policies", &dir_arg, "check"]);
    assert!(
        text(&o.stdout).contains("is not in the clause index"),
        "{}",
        text(&o.stdout)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn chinese_headers_with_lang_zh() {
    let o = zhidu(&[
        "coverage",
        "--regulation",
        "S13",
        "--format",
        "markdown",
        "--lang",
        "zh",
    ]);
    assert_eq!(
        text(&o.stdout),
        "| 规定 | 条款 | 可计算 | 已编码 | 注明理由 | 编码中 | 缺失 |\n\
         |---|---:|---:|---:|---:|---:|---:|\n\
         | S13 Appearance, conduct and phone-script code | 15 | 0 | 0 | 0 | 0 | 0 |\n"
    );
}
