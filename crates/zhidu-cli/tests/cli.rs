//! End-to-end tests of the `zhidu` binary.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test with a broken fixture should fail loudly"
)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use chrono::{Days, NaiveDate};
use serde_json::Value;

fn zhidu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhidu"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zhidu-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, text: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

/// No command may end in a Rust panic (exit code 101), whatever the input.
fn assert_no_panic(o: &Output) {
    assert_ne!(
        o.status.code(),
        Some(101),
        "panicked: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!String::from_utf8_lossy(&o.stderr).contains("panicked"));
}

#[test]
fn due_explains_national_day_and_the_makeup_saturday() {
    let o = zhidu(&[
        "due",
        "--policy",
        "s2-service-center",
        "--class",
        "promised",
        "--accepted",
        "2026-09-30T10:00:00+08:00",
        "--days",
        "5",
    ]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("due date  2026-10-13"), "{out}");
    assert!(out.contains("due at    2026-10-14T00:00:00+08:00"), "{out}");
    let line = |date: &str| {
        out.lines()
            .find(|l| l.trim_start().starts_with(date))
            .unwrap()
            .to_owned()
    };
    assert!(line("2026-10-01").contains("holiday 国庆节"));
    assert!(line("2026-10-07").contains("skipped"));
    assert!(line("2026-10-10").contains("make-up workday") && line("2026-10-10").contains("day 3"));
    assert!(line("2026-10-11").contains("weekend"));
    assert!(line("2026-10-13").contains("day 5"));
    assert!(out.contains("S2.xs.2"));
    assert!(out.contains("国务院办公厅关于2026年部分节假日安排的通知"));
}

#[test]
fn due_json_has_the_explanation_fields() {
    let o = zhidu(&[
        "due",
        "--policy",
        "s2-service-center",
        "--class",
        "promised",
        "--accepted",
        "2026-09-30",
        "--days",
        "5",
        "--format",
        "json",
    ]);
    assert!(o.status.success());
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["due"]["due_date"], "2026-10-13");
    assert_eq!(v["days"].as_array().unwrap().len(), 13);
    assert_eq!(v["days"][9]["date"], "2026-10-10");
    assert_eq!(v["days"][9]["kind"], "makeup_workday");
    assert_eq!(v["days"][9]["counted"], 3);
}

#[test]
fn due_errors_name_the_year_and_exit_2() {
    let o = zhidu(&[
        "due",
        "--policy",
        "s2-service-center",
        "--class",
        "promised",
        "--accepted",
        "2027-01-04",
        "--days",
        "5",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("does not cover 2027"), "{err}");
    let o = zhidu(&[
        "due",
        "--policy",
        "s2-service-centre",
        "--class",
        "promised",
        "--accepted",
        "2026-01-04",
    ]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("did you mean `s2-service-center`?"));
}

/// A deterministic pseudo-random sequence (no dependency needed for a test).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

#[test]
fn batch_answers_every_row_in_order_and_matches_the_core() {
    let dir = temp_dir("batch");
    let mut rng = Lcg(20_261_127);
    let base = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let mut csv = String::from("id,accepted_at,days\n");
    let mut rows = Vec::new();
    for i in 0..3000 {
        let date = base + Days::new(rng.next(1065));
        let days = rng.next(10) + 1;
        let accepted = match i % 3 {
            0 => date.to_string(),
            1 => format!("{date}T{:02}:{:02}:00+08:00", rng.next(24), rng.next(60)),
            _ => format!("{date}T09:30"),
        };
        // Bad rows in the middle: a bad date, a bad day count, a missing field.
        let line = match i {
            1000 => "r1000,2026-02-30,5".to_owned(),
            1500 => "r1500,2025-03-03,five".to_owned(),
            2000 => "r2000,2025-03-03".to_owned(),
            _ => format!("r{i},{accepted},{days}"),
        };
        csv.push_str(&line);
        csv.push('\n');
        rows.push((accepted, days));
    }
    let input = write(&dir, "rows.csv", csv.as_bytes());
    let o = zhidu(&[
        "due",
        "--policy",
        "s2-service-center",
        "--class",
        "promised",
        "--input",
        &input,
    ]);
    assert_no_panic(&o);
    assert_eq!(o.status.code(), Some(1), "bad rows make the exit code 1");
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(o.stdout.as_slice());
    assert_eq!(
        rdr.headers().unwrap().iter().collect::<Vec<_>>(),
        ["id", "accepted_at", "days", "due_date", "due_at", "error"]
    );
    let out: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(out.len(), 3000, "rows in = rows out");
    let ps = zhidu::PolicySet::builtin().unwrap();
    let class = ps
        .policy("s2-service-center")
        .unwrap()
        .class("promised")
        .unwrap();
    for (i, rec) in out.iter().enumerate() {
        assert_eq!(&rec[0], format!("r{i}"));
        match i {
            1000 => assert!(
                rec[5].starts_with("row 1001: `2026-02-30` is not a date or an instant"),
                "{:?}",
                rec
            ),
            1500 => assert!(
                rec[5].starts_with("row 1501: `five` is not a whole number"),
                "{:?}",
                rec
            ),
            2000 => assert!(
                rec[5].starts_with("row 2001: row 2001 has 2 fields"),
                "{:?}",
                rec
            ),
            _ => {
                let (accepted, days) = &rows[i];
                let due = class.due(
                    accepted.parse::<zhidu::Start>().unwrap(),
                    Some(u32::try_from(*days).unwrap()),
                );
                match due {
                    Ok(due) => {
                        assert_eq!(&rec[3], due.due_date.to_string());
                        assert_eq!(&rec[4], due.due_at.to_rfc3339());
                        assert_eq!(&rec[5], "");
                    }
                    Err(e) => assert!(rec[5].contains(&e.to_string())),
                }
            }
        }
    }
}

#[test]
fn check_reports_three_separate_faults_with_their_places() {
    let dir = temp_dir("check");
    let bad = write(
        &dir,
        "bad.toml",
        "[policy]\nid = \"town\"\nname = \"镇中心\"\nversion = \"1\"\neffective_from = 2024-01-01\ncalendar = \"cn-mainlnd\"\nsource = \"x\"\n\n[[class]]\nid = \"permit\"\nname = \"许可件\"\nuntis = \"working_days\"\nlimit = 20\nsource = { clause = \"X.1\", quote = \"q\" }\n\n[[class]]\nid = \"quick\"\nname = \"即办\"\nunit = \"minutes\"\nlimit = \"thirty\"\nsource = { clause = \"X.2\", quote = \"q\" }\n"
            .as_bytes(),
    );
    let o = zhidu(&["check", &bad, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let places: Vec<(u64, u64, &str)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["path"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        places,
        [
            (6, 12, "policy.calendar"),
            (12, 1, "class[0].untis"),
            (20, 9, "class[1].limit")
        ]
    );
    assert_eq!(v["diagnostics"][1]["help"], "did you mean `unit`?");
    let human = zhidu(&["check", &bad]);
    assert!(stdout(&human).contains("--> ") && stdout(&human).contains("bad.toml:12:1"));
}

#[test]
fn check_passes_on_the_shipped_policies() {
    let o = zhidu(&["check"]);
    assert!(o.status.success(), "{}", stdout(&o));
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../policies");
    let o = zhidu(&["check", dir]);
    assert!(o.status.success(), "{}", stdout(&o));
    assert!(stdout(&o).contains("checked 7 files: 0 errors"));
}

#[test]
fn cases_reads_json_lines_and_csv_and_reports_bad_lines() {
    let dir = temp_dir("cases");
    let jsonl = write(
        &dir,
        "log.jsonl",
        concat!(
            r#"{"id":"A","class":"promised","accepted_at":"2026-09-30T10:00:00+08:00","days":5,"handler":"张三","window":"W01","completed_at":"2026-10-13T16:00:00+08:00"}"#,
            "\n",
            r#"{"id":"B","class":"promised","accepted_at":"2026-09-30T10:00:00+08:00","days":5,"events":[{"kind":"suspend","at":"2026-10-09T10:00:00+08:00","reason":"expert_review"},{"kind":"resume","at":"2026-10-14T09:00:00+08:00"}]}"#,
            "\n\nnot json\n",
            r#"{"id":"D","class":"promised","accepted_at":"2026-10-08","days":5}"#,
            "\n"
        )
        .as_bytes(),
    );
    let o = zhidu(&[
        "cases",
        "--policy",
        "s2-service-center",
        "--as-of",
        "2026-10-15T12:00:00+08:00",
        &jsonl,
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let v = v.as_array().unwrap();
    assert_eq!(v.len(), 4);
    // A: due 10-13, completed 10-13 16:00 → on time.
    assert_eq!(
        (v[0]["status"].as_str(), v[0]["due_date"].as_str()),
        (Some("done_on_time"), Some("2026-10-13"))
    );
    // B: counted 10-08 (1); suspended 10-09 10:00 → 10-14 09:00, so 10-09, 10-10, 10-12 and
    // 10-13 are not counted; 10-14 (2), 10-15 (3), 10-16 (4), 10-19 (5) → due 10-19; on
    // 10-15 noon, 10-15, 10-16 and 10-19 remain.
    assert_eq!(
        (
            v[1]["status"].as_str(),
            v[1]["due_date"].as_str(),
            v[1]["remaining"].as_u64()
        ),
        (Some("on_track"), Some("2026-10-19"), Some(3))
    );
    assert_eq!(v[2]["line"], 4);
    assert_eq!(v[2]["error"]["code"], "input");
    // D: accepted 10-08 → 10-09, 10-10, 10-12, 10-13, 10-14 → due 10-14, red on 10-15 with 1 day over.
    assert_eq!(
        (v[3]["status"].as_str(), v[3]["overdue_days"].as_u64()),
        (Some("red"), Some(1))
    );

    let csv = write(
        &dir,
        "log.csv",
        "id,class,accepted_at,days,handler,window,completed_at,events\nA,promised,2026-09-30T10:00+08:00,5,张三,W01,,suspend 2026-10-09T10:00+08:00 expert_review; resume 2026-10-14T09:00+08:00\nB,immediate,2026-10-12T10:00+08:00,,李四,W02,2026-10-12T10:45+08:00,\n".as_bytes(),
    );
    let o = zhidu(&[
        "cases",
        "--policy",
        "s2-service-center",
        "--as-of",
        "2026-10-15T12:00:00+08:00",
        &csv,
        "--format",
        "csv",
    ]);
    assert_no_panic(&o);
    let out = stdout(&o);
    assert!(
        out.lines()
            .nth(1)
            .unwrap()
            .starts_with("2,A,promised,on_track,2026-10-19,"),
        "{out}"
    );
    // s2 has no `immediate` class: the row is reported with the closest id, the other kept.
    assert!(
        out.lines()
            .nth(2)
            .unwrap()
            .contains("no deadline class or service item `immediate`"),
        "{out}"
    );
}

#[test]
fn no_input_file_makes_any_command_panic() {
    let dir = temp_dir("hostile");
    let mut rng = Lcg(7);
    let mut garbage: Vec<u8> = (0..4096)
        .map(|_| u8::try_from(rng.next(256)).unwrap())
        .collect();
    garbage.extend_from_slice(b"\n[policy]\n[[class]]\nid=\n\xff\xfe");
    let inputs: Vec<(&str, Vec<u8>)> = vec![
        ("garbage.toml", garbage.clone()),
        ("garbage.csv", garbage.clone()),
        ("garbage.jsonl", garbage),
        (
            "deep.toml",
            format!("x = {}{}", "[".repeat(5000), "]".repeat(5000)).into_bytes(),
        ),
        ("unterminated.toml", b"[policy\nid = \"a".to_vec()),
        (
            "bom.csv",
            b"\xef\xbb\xbfaccepted_at,days\r\n2026-09-30,5\r\n\"2026-09-30\n\",5\r\n,\r\n".to_vec(),
        ),
        ("header-only.csv", b"accepted_at,days\n".to_vec()),
        ("empty.jsonl", Vec::new()),
    ];
    for (name, bytes) in inputs {
        let path = write(&dir, name, &bytes);
        for args in [
            vec!["check", path.as_str()],
            vec![
                "--policies",
                path.as_str(),
                "due",
                "--policy",
                "x",
                "--class",
                "y",
                "--accepted",
                "2026-01-01",
            ],
            vec![
                "due",
                "--policy",
                "s2-service-center",
                "--class",
                "promised",
                "--input",
                path.as_str(),
            ],
            vec![
                "cases",
                "--policy",
                "s2-service-center",
                "--as-of",
                "2026-10-01",
                path.as_str(),
            ],
        ] {
            let o = zhidu(&args);
            assert_no_panic(&o);
            assert!(
                matches!(o.status.code(), Some(0..=2)),
                "{name} {args:?}: {:?}",
                o.status
            );
        }
    }
    // A BOM and CRLF are read as a normal file; quoted newlines stay in their row.
    let o = zhidu(&[
        "due",
        "--policy",
        "s2-service-center",
        "--class",
        "promised",
        "--input",
        &dir.join("bom.csv").display().to_string(),
    ]);
    let out = stdout(&o);
    assert!(
        out.lines()
            .nth(1)
            .unwrap()
            .starts_with("2026-09-30,5,2026-10-13,"),
        "{out}"
    );
}

#[test]
fn batch_reads_standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhidu"))
        .args([
            "due",
            "--policy",
            "s10-service-system",
            "--class",
            "immediate",
            "--input",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"accepted_at\n2026-10-12T23:50:00+08:00\n2026-10-12\n")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    // 23:50 + 30 minutes crosses midnight.
    assert_eq!(
        lines[1],
        "2026-10-12T23:50:00+08:00,2026-10-13,2026-10-13T00:20:00+08:00,"
    );
    assert!(lines[2].contains("needs an instant"), "{out}");
}

/// An S14 month computed by hand from the regulation (S14 totals 90: 30 + 20 + 15 + 25, A9):
/// - 张三 (W01): 2 × late (att.1a −1, 10 yuan) + dozing (att.2 −2, 20 yuan) + 吃拿卡要 chosen
///   at 15 (att.6, 150 yuan, 取消年度评先资格) → 考勤 30 − 19 = 11, total 71, fines 190.00;
/// - 李四 (W01): praised, 4 points (svc.3 bonus) + a full day absent (att.1d, 2 half-days:
///   −4, 20 yuan) → total 86 + 4 = 90, fines 20.00;
/// - 王五 (W02): 3 pieces not following the flow (biz.1.2a −2 each) → 办件管理 9, total 84;
/// - W01's own card carries the att.6 line (the clause names window and person, A19): 75;
/// - a row with an unknown rule and a row from September are reported, not used.
const S14_MONTH: &str = "subject,window,at,rule,quantity,points,note
张三,W01,2026-10-09T08:40+08:00,S14.att.1a,2,,迟到两次
张三,W01,2026-10-12,S14.att.2,,,
张三,W01,2026-10-20,S14.att.6,,15,收受礼品
李四,W01,2026-10-14,S14.svc.3,,4,群众来信表扬
李四,W01,2026-10-21,S14.att.1d,2,,缺勤一天
王五,W02,2026-10-22,S14.biz.1.2a,3,,
王五,W02,2026-10-23,S14.att.7,,,
王五,W02,2026-09-30,S14.att.1a,,,
";

#[test]
fn assess_scores_a_hand_computed_s14_month() {
    let dir = temp_dir("assess");
    let incidents = write(&dir, "incidents.csv", S14_MONTH.as_bytes());
    let o = zhidu(&[
        "assess",
        "--policy",
        "s14-window-scorecard",
        "--period",
        "2026-10",
        "--incidents",
        &incidents,
        "--format",
        "json",
    ]);
    assert_no_panic(&o);
    assert_eq!(o.status.code(), Some(1), "one bad row");
    let cards: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let card = |s: &str| {
        cards
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["subject"] == s)
            .unwrap()
            .clone()
    };
    assert_eq!(
        (
            card("张三")["total"].as_i64(),
            card("张三")["fines"].as_str()
        ),
        (Some(71), Some("190.00"))
    );
    assert_eq!(card("张三")["effects"][0]["name"], "取消年度评先资格");
    assert_eq!(card("张三")["categories"][0]["score"], 11);
    assert_eq!(
        (
            card("李四")["total"].as_i64(),
            card("李四")["bonus"].as_i64(),
            card("李四")["fines"].as_str()
        ),
        (Some(90), Some(4), Some("20.00"))
    );
    assert_eq!(
        (
            card("王五")["total"].as_i64(),
            card("王五")["fines"].as_str()
        ),
        (Some(84), Some("0.00"))
    );
    assert_eq!(
        (card("W01")["kind"].as_str(), card("W01")["total"].as_i64()),
        (Some("window"), Some(75))
    );
    let line = &card("张三")["lines"][2];
    assert_eq!(
        (
            line["rule"].as_str(),
            line["points"].as_i64(),
            line["fine"].as_str()
        ),
        (Some("S14.att.6"), Some(-15), Some("150.00"))
    );
    assert!(line["quote"].as_str().unwrap().contains("150元"));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("incident row 7: policy `s14-window-scorecard` has no rule `S14.att.7`"),
        "{err}"
    );
    assert!(
        err.contains("1 incident(s) outside 2026-10 not used (rows 8)"),
        "{err}"
    );

    let o = zhidu(&[
        "rank",
        "--policy",
        "s14-window-scorecard",
        "--period",
        "2026-10",
        "--incidents",
        &incidents,
        "--format",
        "json",
    ]);
    let ranking: Value = serde_json::from_str(&stdout(&o)).unwrap();
    // W02: 84.00; W01: mean(71, 90) = 80.5 plus its own −15 = 65.50, not eligible (att.6).
    assert_eq!(
        (
            ranking[0]["window"].as_str(),
            ranking[0]["score"].as_str(),
            ranking[0]["rank"].as_u64()
        ),
        (Some("W02"), Some("84.00"), Some(1))
    );
    assert_eq!(
        (
            ranking[1]["window"].as_str(),
            ranking[1]["score"].as_str(),
            ranking[1]["eligible"].as_bool()
        ),
        (Some("W01"), Some("65.50"), Some(false))
    );
    assert_eq!(ranking[1]["disqualified_by"][0]["rule"], "S14.att.6");
}

#[test]
fn assess_turns_overdue_cases_into_deductions() {
    let dir = temp_dir("assess-cases");
    let incidents = write(
        &dir,
        "none.csv",
        b"subject,window,at,rule,quantity,points,note\n",
    );
    // Accepted 2026-10-12 with 3 working days → due 10-15; completed 10-20 → 10-16, 10-19,
    // 10-20 over: S2.assess.ji.2 charges −10 for the piece (绩 20 → 10), total 90.
    let cases = write(
        &dir,
        "cases.jsonl",
        r#"{"id":"C1","class":"promised","accepted_at":"2026-10-12T09:00:00+08:00","days":3,"handler":"赵敏","window":"W07","completed_at":"2026-10-20T10:00:00+08:00"}
"#
        .as_bytes(),
    );
    let o = zhidu(&[
        "assess",
        "--policy",
        "s2-service-center",
        "--period",
        "2026-10",
        "--incidents",
        &incidents,
        "--cases",
        &cases,
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let cards: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(cards[0]["subject"], "赵敏");
    assert_eq!(cards[0]["total"], 90);
    assert_eq!(cards[0]["lines"][0]["rule"], "S2.assess.ji.2");
    assert_eq!(cards[0]["lines"][0]["source"]["overdue_days"], 3);
}

/// A small month for `report`, computed by hand:
/// - A (promised 5, accepted 09-30, done 10-13 16:00): due 10-13 → done_on_time;
/// - B (promised 3, accepted 10-12, done 10-20): due 10-15 → done_late, 3 days over → the
///   handler 赵敏 gets S2.assess.ji.2 −10 (绩 20 → 10);
/// - C (promised 5, accepted 10-26, open on 10-31): due 11-02 → yellow (11-02 left);
/// - D (promised 3, accepted 10-26, open): due 10-29 → red, 10-30 over → 1 day, and as a
///   piece overdue in October it costs 赵敏 another S2.assess.ji.2 −10 (绩 10 → 0);
/// - incidents: 赵敏 late twice (S2.assess.qin.1 −2 each) → 勤 16; total 100 − 20 − 4 = 76;
///   王芳 praised by the district (S2.assess.bonus.1a +3) → 103.
/// - violations: 赵敏 left the post 2025-11-20 and again 2026-10-15 → tier 1 then tier 2
///   (S2.zr.t2.4); only the October decision is in the period.
#[test]
fn report_shows_a_hand_computed_month_in_every_format() {
    let dir = temp_dir("report");
    let cases = write(
        &dir,
        "cases.jsonl",
        concat!(
            r#"{"id":"A","class":"promised","accepted_at":"2026-09-30T10:00:00+08:00","days":5,"handler":"王芳","window":"W02","completed_at":"2026-10-13T16:00:00+08:00"}"#,
            "\n",
            r#"{"id":"B","class":"promised","accepted_at":"2026-10-12T09:00:00+08:00","days":3,"handler":"赵敏","window":"W07","completed_at":"2026-10-20T10:00:00+08:00"}"#,
            "\n",
            r#"{"id":"C","class":"promised","accepted_at":"2026-10-26T09:00:00+08:00","days":5,"handler":"王芳","window":"W02"}"#,
            "\n",
            r#"{"id":"D","class":"promised","accepted_at":"2026-10-26T09:00:00+08:00","days":3,"handler":"赵敏","window":"W07"}"#,
            "\n"
        )
        .as_bytes(),
    );
    let incidents = write(
        &dir,
        "incidents.csv",
        "subject,window,at,rule,quantity,points,note\n赵敏,W07,2026-10-09,S2.assess.qin.1,2,,\n王芳,W02,2026-10-16,S2.assess.bonus.1a,,,区政务办表扬\n".as_bytes(),
    );
    let violations = write(&dir, "violations.csv", "subject,at,violation,flags,note\n赵敏,2025-11-20,S2.zr.t1.1,,\n赵敏,2026-10-15,S2.zr.t1.1,,\n".as_bytes());
    let args = |format: &str| {
        vec![
            "report".to_owned(),
            "--policy".into(),
            "s2-service-center".into(),
            "--period".into(),
            "2026-10".into(),
            "--cases".into(),
            cases.clone(),
            "--incidents".into(),
            incidents.clone(),
            "--violations".into(),
            violations.clone(),
            "--format".into(),
            format.into(),
        ]
    };
    let run = |a: Vec<String>| {
        Command::new(env!("CARGO_BIN_EXE_zhidu"))
            .args(&a)
            .output()
            .unwrap()
    };
    let o = run(args("json"));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let r: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(r["cases_total"], 4);
    assert_eq!(
        r["by_status"],
        serde_json::json!({ "done_late": 1, "done_on_time": 1, "red": 1, "yellow": 1 })
    );
    assert_eq!(
        (
            r["red"][0]["id"].as_str(),
            r["red"][0]["overdue_days"].as_u64()
        ),
        (Some("D"), Some(1))
    );
    assert_eq!(r["yellow"][0]["due_date"], "2026-11-02");
    let card = |s: &str| {
        r["assessment"]["scorecards"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["subject"] == s)
            .unwrap()
            .clone()
    };
    assert_eq!(card("赵敏")["total"], 76);
    assert_eq!(card("王芳")["total"], 103);
    assert_eq!(r["ranking"][0]["window"], "W02");
    assert_eq!(r["decisions"].as_array().unwrap().len(), 1);
    assert_eq!(
        (
            r["decisions"][0]["tier"].as_u64(),
            r["decisions"][0]["escalation"]["clause"].as_str()
        ),
        (Some(2), Some("S2.zr.t2.4"))
    );

    let html_path = dir.join("report.html").display().to_string();
    let mut a = args("html");
    a.extend(["--out".to_owned(), html_path.clone()]);
    let o = run(a);
    assert!(o.status.success());
    let html = std::fs::read_to_string(&html_path).unwrap();
    assert!(html.starts_with("<!doctype html>"));
    assert!(
        html.contains("<svg")
            && html.contains("score distribution")
            && html.contains("window ranking")
    );
    assert!(
        !html.contains("<script") && !html.contains("http://") && !html.contains("https://"),
        "self-contained"
    );
    assert!(html.contains("@page { size: A4"));
    assert!(html.contains("S2.zr.t2.4"));

    let o = run(args("text"));
    let text = stdout(&o);
    assert!(
        text.contains("done_late 1, done_on_time 1, red 1, yellow 1"),
        "{text}"
    );
}
