//! `zhidu diff` (issue #17, points 4 and 5): the example month (`examples/2026-10`, the
//! README's main command) under the shipped S2 policy and a copy with one deduction raised
//! and one class limit shortened. Every expected value is worked by hand below from the
//! example rows and the policy's clauses, never copied from the program's output.

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

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

mod common;
use common::zhidu;

/// A directory holding S2's policy file with `edit` applied (the rest comes from the builtin
/// set: the calendar and S4, which S2 imports).
fn changed_copy(tag: &str, edit: impl Fn(String) -> String) -> String {
    let dir = std::env::temp_dir().join(format!("zhidu-what-if-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let shipped = std::fs::read_to_string(root().join("policies/s2-service-center.toml")).unwrap();
    let changed = edit(shipped.clone());
    std::fs::write(dir.join("s2-service-center.toml"), changed).unwrap();
    dir.display().to_string()
}

fn replace_once(text: String, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "`{from}` once in the policy");
    text.replacen(from, to, 1)
}

/// The two edits: S2.assess.ji.1 (不严格执行收费标准) from 扣10分 to 15, and the
/// complaint_complex class (S2.ts.6c, 一周之内 = 7 calendar days, A21) shortened to 5.
fn raised_and_shortened(text: String) -> String {
    let text = replace_once(
        text,
        "code = \"S2.assess.ji.1\"\ncategory = \"ji\"\nkind = \"deduction\"\nunit = \"discovery\"\npoints = 10",
        "code = \"S2.assess.ji.1\"\ncategory = \"ji\"\nkind = \"deduction\"\nunit = \"discovery\"\npoints = 15",
    );
    replace_once(
        text,
        "id = \"complaint_complex\"\nname = \"复杂投诉 (一周内答复)\"\nunit = \"calendar_days\"\nlimit = 7",
        "id = \"complaint_complex\"\nname = \"复杂投诉 (一周内答复)\"\nunit = \"calendar_days\"\nlimit = 5",
    )
}

fn diff(after: &str, format: &str) -> Output {
    let ex = root().join("examples/2026-10");
    let p = |f: &str| ex.join(f).display().to_string();
    zhidu(&[
        "--lang",
        "en",
        "diff",
        "--before",
        "builtin",
        "--after",
        after,
        "--period",
        "2026-10",
        "--cases",
        &p("cases.jsonl"),
        "--incidents",
        &p("incidents.csv"),
        "--violations",
        &p("violations.csv"),
        "--roster",
        &p("roster.csv"),
        "--format",
        format,
    ])
}

fn json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_example_month_under_a_raised_deduction_and_a_shortened_class() {
    let after = changed_copy("main", raised_and_shortened);
    let d = json(&diff(&after, "json"));

    // Both sides are named: same policy and version, different content hashes.
    assert_eq!(d["before"]["policy"], "s2-service-center");
    assert_eq!(d["after"]["version"], d["before"]["version"]);
    assert_ne!(d["after"]["hash"], d["before"]["hash"]);

    // ---- Cases. complaint_complex counts calendar days, day 1 the day after the complaint
    // (A4), due at 24:00 of the due day, no roll to a working day (A21), an `extend` event
    // adds its days. So due = accepted date + 7 before, + 5 after (+ extensions): every
    // case of the class moves its due date two days earlier. The example log has 19 such
    // cases; a case belongs to October when accepted or completed in it, or open at its end
    // (as in the report): 09-15-038, 09-16-027, 09-18-005, 09-21-006, 09-28-141 and
    // 09-29-018 were completed in September, so 13 remain.
    //
    // Status and overdue days: overdue days are working days after the due day up to the
    // completion (CaseStatus::overdue_days). Yellow: an open case with ≤ 2 units left
    // (warn_before's default for calendar days), rounded up, at 10-31 23:59:59.
    //   id                accepted  completed        due 7d → 5d   status / overdue
    //   20260928-083      09-28     10-09            10-05 → 10-03  late both; working days
    //                     after 10-05 to 10-09: 10-08, 10-09 = 2; after 10-03: 10-04..07
    //                     are 国庆 holidays, so again 10-08, 10-09 = 2: unchanged
    //   20261008-161      10-08     10-15 08:52      10-15 → 10-13  on time → late, 0 → 2
    //                     (10-14, 10-15)
    //   20261010-028      10-10     10-10            10-17 → 10-15  on time both
    //   20261010-037      10-10     10-12            10-17 → 10-15  on time both
    //   20261012-031      10-12     10-15            10-19 → 10-17  on time both
    //   20261012-075      10-12     10-12            10-19 → 10-17  on time both
    //   20261012-120      10-12 +2d 10-19 15:42      10-21 → 10-19  on time both (24:00)
    //   20261015-033      10-15     10-15            10-22 → 10-20  on time both
    //   20261020-060      10-20     10-20            10-27 → 10-25  on time both
    //   20261027-005      10-27     open             11-03 → 11-01  on_track (4 days left,
    //                     rounded up) → yellow (the last second of 10-31 and 11-01: 2)
    //   20261027-088      10-27     open             11-03 → 11-01  on_track → yellow
    //   20261027-096      10-27     10-28            11-03 → 11-01  on time both
    //   20261029-064      10-29     open             11-05 → 11-03  on_track both (4 left)
    let expected: [(&str, &str, &str, &[&str]); 13] = [
        ("ZW-20260928-083", "2026-10-05", "2026-10-03", &["due_date"]),
        (
            "ZW-20261008-161",
            "2026-10-15",
            "2026-10-13",
            &["due_date", "status", "overdue_days"],
        ),
        ("ZW-20261010-028", "2026-10-17", "2026-10-15", &["due_date"]),
        ("ZW-20261010-037", "2026-10-17", "2026-10-15", &["due_date"]),
        ("ZW-20261012-031", "2026-10-19", "2026-10-17", &["due_date"]),
        ("ZW-20261012-075", "2026-10-19", "2026-10-17", &["due_date"]),
        ("ZW-20261012-120", "2026-10-21", "2026-10-19", &["due_date"]),
        ("ZW-20261015-033", "2026-10-22", "2026-10-20", &["due_date"]),
        ("ZW-20261020-060", "2026-10-27", "2026-10-25", &["due_date"]),
        (
            "ZW-20261027-005",
            "2026-11-03",
            "2026-11-01",
            &["due_date", "status"],
        ),
        (
            "ZW-20261027-088",
            "2026-11-03",
            "2026-11-01",
            &["due_date", "status"],
        ),
        ("ZW-20261027-096", "2026-11-03", "2026-11-01", &["due_date"]),
        ("ZW-20261029-064", "2026-11-05", "2026-11-03", &["due_date"]),
    ];
    let cases = d["cases"].as_array().unwrap();
    assert_eq!(cases.len(), expected.len());
    for (c, (id, old, new, changed)) in cases.iter().zip(expected) {
        assert_eq!(c["id"], id);
        assert_eq!(
            (c["old"]["due_date"].as_str(), c["new"]["due_date"].as_str()),
            (Some(old), Some(new)),
            "{id}"
        );
        assert_eq!(c["changed"], serde_json::json!(changed), "{id}");
        assert_eq!(
            c["responsible"],
            serde_json::json!([{"kind": "class", "id": "complaint_complex"}]),
            "{id}"
        );
    }
    let by_id = |id: &str| cases.iter().find(|c| c["id"] == id).unwrap();
    let c161 = by_id("ZW-20261008-161");
    assert_eq!(
        (
            c161["old"]["status"].as_str(),
            c161["new"]["status"].as_str()
        ),
        (Some("done_on_time"), Some("done_late"))
    );
    assert_eq!(
        (
            c161["old"]["overdue_days"].as_u64(),
            c161["new"]["overdue_days"].as_u64()
        ),
        (Some(0), Some(2))
    );
    for id in ["ZW-20261027-005", "ZW-20261027-088"] {
        let c = by_id(id);
        assert_eq!(
            (c["old"]["status"].as_str(), c["new"]["status"].as_str()),
            (Some("on_track"), Some("yellow")),
            "{id}"
        );
    }

    // ---- Scorecards. S2.assess.ji.1 is used twice in October: 马俊 (W06, 10-21) and 郑凯
    // (W07, 10-23). Complaint replies are priced by no rule (S2.assess.ji.2 prices the
    // promised and reported_up classes only), so the shortened class moves no score.
    //
    // 郑凯's October rows: de.2a 5, de.3a 3×1 → 德 8; neng.1 3×3 → 能 9; qin.3 1, qin.1
    // 3×2, qin.4b 2, qin.6 1, qin.5b 1 → 勤 11; ji.1 10 → 绩 10, and no late promised or
    // reported-up case due in October (ji.2). Every category is 20 with floor 0 (扣完为止,
    // A8): 100 − (8 + 9 + 11 + 10) = 62 before; after, 绩 loses 15: 100 − 43 = 57.
    //
    // 马俊: ji.1 10 plus ji.2's 10 for ZW-20260929-080 (承诺件, 3 working days from
    // 09-29 15:39: 09-30, then 10-08, 10-09 after the 国庆 holidays → due 10-09, completed
    // 10-14: a late piece due in October) make 绩's 20 already; raising ji.1 to 15 makes 25,
    // still floored at 0 (扣完为止): no change.
    let cards = d["scorecards"].as_array().unwrap();
    assert_eq!(cards.len(), 1, "{cards:?}");
    assert_eq!(cards[0]["subject"], "郑凯");
    assert_eq!(cards[0]["changed"], serde_json::json!(["total"]));
    assert_eq!(
        (
            cards[0]["before"]["total"].as_i64(),
            cards[0]["after"]["total"].as_i64()
        ),
        (Some(62), Some(57))
    );
    assert_eq!(
        cards[0]["responsible"],
        serde_json::json!([{"kind": "rule", "id": "S2.assess.ji.1"}])
    );

    // ---- Ranking. W07 民政 has three people on the roster (宋玉兰, 郑凯, 谢婷婷); its ranking
    // score is its people's mean, so it falls by 5/3 (1.66 or 1.67 after rounding both
    // means to two decimals). Its rank is the same on both sides (checked for consistency,
    // not worked out from the other windows' scores). W06's people do not change.
    let ranks = d["ranks"].as_array().unwrap();
    assert_eq!(ranks.len(), 1, "{ranks:?}");
    assert_eq!(ranks[0]["window"], "W07 民政");
    assert_eq!(ranks[0]["changed"], serde_json::json!(["score"]));
    let score = |side: &str| {
        ranks[0][side]["score"]
            .as_str()
            .unwrap()
            .parse::<f64>()
            .unwrap()
    };
    let drop = score("before") - score("after");
    assert!((1.655..1.675).contains(&drop), "{drop}");
    assert_eq!(ranks[0]["before"]["rank"], ranks[0]["after"]["rank"]);

    // ---- Decisions: no accountability rule changed.
    assert_eq!(d["decisions"], serde_json::json!([]));

    // ---- Totals first.
    assert_eq!(
        d["totals"],
        serde_json::json!({"cases": 13, "people": 1, "window_cards": 0, "ranks": 1, "decisions": 0, "skipped": 0})
    );
}

/// S2 without its complaint_complex class (S2.ts.6c): the after set cannot answer a case
/// of that class, so each such row of the example log is an `after`-side skipped row, not
/// a silent omission. The log (one case a line, row = line) has the class on lines 171,
/// 269, 450, 626, 1151, 1209, 1238, 1616, 1824, 1833, 1917, 1961, 2006, 2284, 2652, 3124,
/// 3207, 3215 and 3391 (19 rows, counted in `cases.jsonl`); the example rows are all good
/// under the shipped set, so nothing else is skipped.
#[test]
fn rows_a_side_cannot_answer_are_listed_per_side() {
    let after = changed_copy("no-class", |t| {
        let start = t.find("[[class]]\nid = \"complaint_complex\"").unwrap();
        let end = start + t[start + 1..].find("[[class]]").unwrap() + 1;
        format!("{}{}", &t[..start], &t[end..])
    });
    let d = json(&diff(&after, "json"));
    let rows: Vec<u64> = vec![
        171, 269, 450, 626, 1151, 1209, 1238, 1616, 1824, 1833, 1917, 1961, 2006, 2284, 2652, 3124,
        3207, 3215, 3391,
    ];
    assert_eq!(d["totals"]["skipped"], 19);
    let skipped = d["skipped"].as_array().unwrap();
    assert_eq!(
        skipped
            .iter()
            .map(|s| s["row"].as_u64().unwrap())
            .collect::<Vec<_>>(),
        rows
    );
    for s in skipped {
        assert_eq!(
            (&s["side"], &s["input"]),
            (&"after".into(), &"case".into()),
            "{s}"
        );
    }
    let out = diff(&after, "text");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("rows skipped"), "{text}");
    assert!(text.contains("[after] case row 171"), "{text}");
    let html = String::from_utf8(diff(&after, "html").stdout).unwrap();
    assert!(html.contains("id=\"skipped\""));
}

#[test]
fn text_and_html_show_totals_then_detail() {
    let after = changed_copy("text", raised_and_shortened);
    let out = diff(&after, "text");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let totals = text.find("cases changed: 13").unwrap();
    let detail = text.find("ZW-20261008-161").unwrap();
    assert!(totals < detail);
    assert!(text.contains("rules responsible: rule S2.assess.ji.1"));
    let html = String::from_utf8(diff(&after, "html").stdout).unwrap();
    assert!(html.starts_with("<!doctype html>") && !html.contains("<script"));
    assert!(html.contains("郑凯") && html.contains("complaint_complex"));
}

#[test]
fn identical_sets_make_an_empty_diff() {
    // The shipped directory holds the same bytes as the builtin set: same hash, no change.
    let policies = root().join("policies").display().to_string();
    let d = json(&diff(&policies, "json"));
    assert_eq!(d["before"], d["after"]);
    assert_eq!(
        d["totals"],
        serde_json::json!({"cases": 0, "people": 0, "window_cards": 0, "ranks": 0, "decisions": 0, "skipped": 0})
    );
    for part in ["cases", "scorecards", "ranks", "decisions", "skipped"] {
        assert_eq!(d[part], serde_json::json!([]), "{part}");
    }
}

#[test]
fn a_set_that_fails_to_load_is_named() {
    let broken = changed_copy("broken", |t| {
        replace_once(t, "limit = 7", "limit = \"seven\"")
    });
    let out = diff(&broken, "json");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(&format!("the after set `{broken}` cannot be loaded")),
        "{err}"
    );
    assert!(err.contains("s2-service-center.toml"), "{err}");
}

#[test]
fn the_report_is_stamped_in_json_and_footers() {
    let ex = root().join("examples/2026-10");
    let cases = ex.join("cases.jsonl").display().to_string();
    let run = |format: &str| {
        let out = zhidu(&[
            "report",
            "--policy",
            "s2-service-center",
            "--period",
            "2026-10",
            "--cases",
            &cases,
            "--format",
            format,
        ]);
        String::from_utf8(out.stdout).unwrap()
    };
    let r: Value = serde_json::from_str(&run("json")).unwrap();
    let hash = r["stamp"]["hash"].as_str().unwrap();
    assert_eq!(hash.len(), 64);
    assert_eq!(r["stamp"]["effective_from"], "2004-01-01");
    assert!(run("text").contains(&format!("sha256:{hash}")));
    assert!(run("html").contains(&format!("sha256:{hash}")));
}
