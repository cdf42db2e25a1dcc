//! `zhidu rules`, `zhidu explain` and `zhidu doc` end to end (issue #17): golden fragments of
//! the tables, the JSON shapes, the unknown code's hint and the exit codes. Expected values are
//! worked by hand from regulations.md §3b/§3c and the seed lines they cite.

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

/// regulations.md §3b, S14 row att.6 (seed L913): 「经查实,有吃、拿、卡、要等不廉洁行为的,每次
/// 视情节轻重扣10—20分,扣除当月奖励150元」, in 考勤 (`att`), the range A6's, the charge
/// departing from A19's suggestion (the person, not the window, pays).
#[test]
fn rules_lists_every_entry_with_its_clause_values_and_marked_defaults() {
    let o = zhidu(&["rules", "--policy", "s14-window-scorecard"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert_eq!(
        out.lines().next(),
        Some("窗口工作人员考核 (S14) — policy s14-window-scorecard version 2023-10-23")
    );
    for fragment in [
        "Deduction rule (rule)\n  S14.att.1a\n",
        "Category (category)\n  att  考勤\n",
        "Clause         S14.att.6 「经查实,有吃、拿、卡、要等不廉洁行为的,每次视情节轻重扣10—20分,扣除当月奖励150元」",
        "category = \"att\" · kind = \"deduction\" · unit = \"occurrence\" · range = [10, 20] · withholding = \"150\"",
        "[DEFAULT A6] range: 视情节轻重",
        "[DEVIATION A19] charge: DEVIATION: A19 would charge the window too",
        "Refers to      s14-window-scorecard:category att · s14-window-scorecard:effect annual_commendation_revoked",
        // S4.req.4 comes from S4's policy (regulations.md §0): the import names it there.
        "Import (import)\n  1\n",
        "s4-duty-rota:rule S4.req.4",
    ] {
        assert!(out.contains(fragment), "missing {fragment:?} in:\n{out}");
    }
}

#[test]
fn rules_reads_in_chinese_with_lang_zh() {
    let o = zhidu(&["--lang", "zh", "rules", "--policy", "s14-window-scorecard"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert_eq!(
        out.lines().next(),
        Some("窗口工作人员考核 (S14)——制度s14-window-scorecard，版本2023-10-23")
    );
    assert!(out.contains("扣分规则 (rule)\n"), "{out}");
    assert!(
        out.contains("[默认值 A6] range: 视情节轻重：考核人员填写10至20的整数"),
        "{out}"
    );
    assert!(out.contains("[偏离默认值 A19] charge:"), "{out}");
}

/// The JSON shape documented on `zhidu::PolicyRules`. S14's table has 30 rows in
/// regulations.md §3b; S14.att.1f is the fine of att.1a–1d (A5), not a rule of its own: 29
/// rules. Its four categories are att 30, svc 20, biz.1 15 and the undefined 25 of 业务管理.
#[test]
fn rules_json_has_the_documented_shape() {
    let o = zhidu(&[
        "rules",
        "--policy",
        "s14-window-scorecard",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    let mut want = [
        "policy",
        "name",
        "version",
        "effective_from",
        "effective_until",
        "file",
        "entries",
        "stamp",
    ];
    want.sort_unstable();
    assert_eq!(keys, want);
    assert_eq!(v["stamp"], common::builtin_stamp("s14-window-scorecard"));
    let entries = v["entries"].as_array().unwrap();
    let of = |kind: &str| entries.iter().filter(|e| e["kind"] == kind).count();
    assert_eq!((of("rule"), of("category"), of("policy")), (29, 4, 1));
    let att6 = entries
        .iter()
        .find(|e| e["kind"] == "rule" && e["id"] == "S14.att.6")
        .unwrap();
    let mut keys: Vec<&str> = att6
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "defaults",
            "file",
            "id",
            "kind",
            "line",
            "name",
            "path",
            "policy",
            "refers_to",
            "sources",
            "values"
        ]
    );
    assert_eq!(att6["sources"][0]["clause"], "S14.att.6");
    let range = att6["values"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["key"] == "range")
        .unwrap();
    assert_eq!(range["value"], serde_json::json!([10, 20]));
    assert_eq!(range["text"], "[10, 20]");
    let a6 = att6["defaults"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["param"] == "A6")
        .unwrap();
    assert_eq!(
        (a6["key"].as_str(), a6["mark"].as_str()),
        (Some("range"), Some("default"))
    );
}

#[test]
fn rules_of_an_unknown_policy_fails_with_the_closest_id() {
    let o = zhidu(&["rules", "--policy", "s14-window-scorecrd"]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(err.contains("no policy `s14-window-scorecrd`"), "{err}");
    assert!(err.contains("s14-window-scorecard"), "{err}");
}

#[test]
fn explain_a_clause_shows_the_index_the_citing_entries_and_the_rule() {
    let o = zhidu(&["explain", "S14.att.6"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    for fragment in [
        "S14.att.6 — clause of S14 Window-staff scorecard\n",
        "  Seed line      L913\n",
        "  Kinds          deduction, fine, effect\n",
        "  Status         encoded\n",
        "  Cited by       s14-window-scorecard:effect annual_commendation_revoked 「并取消该窗口和工作人员年度评先资格」\n",
        "Deduction rule (rule) — s14-window-scorecard (policies/s14-window-scorecard.toml:190)\n",
        "range = [10, 20]",
    ] {
        assert!(out.contains(fragment), "missing {fragment:?} in:\n{out}");
    }
}

/// regulations.md §3c: tier 2 (通报批评, 调离窗口工作岗位) takes S2.zr.t2.1–t2.5.
#[test]
fn explain_a_tier_lists_the_violations_that_call_for_it() {
    let o = zhidu(&[
        "explain",
        "tier:2",
        "--policy",
        "s2-service-center",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["clause"].is_null());
    // Entries may come from several policies: the answer names the whole set by its hash.
    let hash = zhidu::PolicySet::builtin()
        .unwrap()
        .content_hash()
        .to_owned();
    assert_eq!(v["content_hash"], hash);
    let entries = v["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["entry"]["name"], "通报批评,调离窗口工作岗位");
    let mut users: Vec<&str> = entries[0]["used_by"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["kind"] == "violation" && u["key"] == "tier")
        .map(|u| u["id"].as_str().unwrap())
        .collect();
    users.sort_unstable();
    assert_eq!(
        users,
        [
            "S2.zr.t2.1",
            "S2.zr.t2.2",
            "S2.zr.t2.3",
            "S2.zr.t2.4",
            "S2.zr.t2.5"
        ]
    );
}

#[test]
fn explain_an_unknown_code_fails_with_the_closest_as_a_hint() {
    let o = zhidu(&["explain", "S14.att.66"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = text(&o.stderr);
    assert!(
        err.contains("no clause, rule, class, tier or other entry `S14.att.66`"),
        "{err}"
    );
    assert!(err.contains("did you mean `S14.att.6`?"), "{err}");
    let zh = zhidu(&["--lang", "zh", "explain", "promissed"]);
    assert_eq!(zh.status.code(), Some(2));
    let err = text(&zh.stderr);
    assert!(err.contains("没有编号为`promissed`的条款"), "{err}");
    assert!(err.contains("`promised`"), "{err}");
}

#[test]
fn doc_writes_the_site_with_relative_links_only() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("doc-site-cli");
    let _ = std::fs::remove_dir_all(&dir);
    let o = zhidu(&["doc", "--out", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(text(&o.stderr).starts_with("wrote "), "{}", text(&o.stderr));
    for page in [
        "index.html",
        "style.css",
        "coverage.html",
        "regulations/S14.html",
        "policies/s2-service-center/index.html",
        "policies/s2-service-center/class/promised.html",
        "policies/s2-service-center/tier/2.html",
        "policies/s8-investment-centre/trigger/S8.verify.5.html",
        "policies/s1-window-it/access.rule/s1-self-repair.html",
    ] {
        assert!(dir.join(page).is_file(), "no {page}");
    }
    let att6 =
        std::fs::read_to_string(dir.join("policies/s14-window-scorecard/rule/S14.att.6.html"))
            .unwrap();
    assert!(att6.contains("每次视情节轻重扣10—20分"));
    assert!(att6.contains("<td class=\"v\">[10, 20]</td>"));
    assert!(!att6.contains("<script"));
    assert!(!att6.contains("href=\"/") && !att6.contains("href=\"http"));
    // Writing into a path that is a file fails as a command (exit 2).
    let o = zhidu(&["doc", "--out", dir.join("index.html").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
}
