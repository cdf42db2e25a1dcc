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

mod common;
use common::{builtin_stamp, listed, zhidu};

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

/// Explanations say what happened (issue #11): the day a rolled count lands on is the due
/// day, never "skipped"; a same-day limit is 当天, not 次日起算; a limit outside the usual
/// range prints its warning; a pause from 行政许可法 art. 45 says it is external.
#[test]
fn due_explanations_say_what_happened() {
    // 信访件, 1 calendar day from Fri 11-06: Sat 11-07 is day 1, a day off, so the due day
    // rolls over Sun 11-08 to Mon 11-09.
    let o = zhidu(&[
        "due",
        "--policy",
        "s10-service-system",
        "--class",
        "petition",
        "--accepted",
        "2026-11-06T10:00",
        "--days",
        "1",
    ]);
    assert!(o.status.success());
    let out = stdout(&o);
    let line = |date: &str| {
        out.lines()
            .find(|l| l.trim_start().starts_with(date))
            .unwrap()
            .to_owned()
    };
    assert!(out.contains("due date  2026-11-09"), "{out}");
    assert!(line("2026-11-07").contains("day 1"), "{out}");
    assert!(line("2026-11-08").contains("skipped"), "{out}");
    assert!(
        line("2026-11-09").contains("due day:") && !line("2026-11-09").contains("skipped"),
        "{out}"
    );

    // Same-day return (S12.3.4.5b): no 次日起算.
    let o = zhidu(&[
        "due",
        "--policy",
        "s12-confidentiality",
        "--class",
        "borrowed_document",
        "--accepted",
        "2026-11-07T10:00",
    ]);
    let out = stdout(&o);
    assert!(out.contains("due date  2026-11-07"), "{out}");
    assert!(out.contains("当天") && !out.contains("次日起算"), "{out}");

    // A3: 8 promised days are outside 3–5: the answer stands, with the warning.
    let o = zhidu(&[
        "due",
        "--policy",
        "s2-service-center",
        "--class",
        "promised",
        "--accepted",
        "2026-11-02T09:00",
        "--days",
        "8",
    ]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("due date  2026-11-12"), "{out}");
    assert!(
        out.contains("warning   [outside_usual_range]") && out.contains("default A3"),
        "{out}"
    );
}

/// A case accepted after `--as-of` is left out of `zhidu cases`; a case completed while
/// suspended is done; per-case warnings are printed and in the CSV.
#[test]
fn cases_leave_out_unknown_cases_and_print_warnings() {
    let dir = temp_dir("cases-fidelity");
    let log = write(
        &dir,
        "log.jsonl",
        concat!(
            r#"{"id":"K1","class":"promised","accepted_at":"2026-11-02T09:00:00+08:00","days":8}"#, "\n",
            r#"{"id":"K2","class":"promised","accepted_at":"2026-11-20T09:00:00+08:00","days":5}"#, "\n",
            r#"{"id":"K3","class":"promised","accepted_at":"2026-10-12T09:00:00+08:00","days":5,"completed_at":"2026-10-16T15:00:00+08:00","events":[{"kind":"suspend","at":"2026-10-14T10:00:00+08:00","reason":"expert_review"}]}"#, "\n",
        )
        .as_bytes(),
    );
    let o = zhidu(&[
        "cases",
        "--policy",
        "s2-service-center",
        "--as-of",
        "2026-11-04T12:00",
        &log,
    ]);
    assert!(o.status.success(), "{o:?}");
    let out = stdout(&o);
    assert!(!out.contains("K2"), "{out}");
    assert!(out.contains("warning [outside_usual_range]"), "{out}");
    let k3 = out.lines().find(|l| l.contains("K3")).unwrap();
    assert!(k3.contains("done_on_time"), "{out}");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("1 accepted after the as-of instant, left out"),
        "{err}"
    );
    let o = zhidu(&[
        "cases",
        "--policy",
        "s2-service-center",
        "--as-of",
        "2026-11-04T12:00",
        &log,
        "--format",
        "csv",
    ]);
    let out = stdout(&o);
    assert!(
        out.lines().next().unwrap().contains(",warnings,error"),
        "{out}"
    );
    assert!(
        out.contains("outside_usual_range: the promised limit of `8`"),
        "{out}"
    );
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
        "2101-01-04",
        "--days",
        "5",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("does not cover 2101"), "{err}");
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
        [
            "id",
            "accepted_at",
            "days",
            "due_date",
            "due_at",
            "provisional",
            "basis",
            "error"
        ]
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
                rec[7].starts_with(
                    "row 1001: `accepted_at` must be a date or an instant, not `2026-02-30`"
                ),
                "{:?}",
                rec
            ),
            1500 => assert!(
                rec[7].starts_with("row 1501: `days` must be a whole number, not `five`"),
                "{:?}",
                rec
            ),
            2000 => assert!(
                rec[7].starts_with("row 2001: the row has 2 fields"),
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
                        assert_eq!(&rec[5], due.provisional.to_string());
                        assert_eq!(&rec[6], due.basis.join(" | "));
                        assert_eq!(&rec[7], "");
                    }
                    Err(e) => assert!(rec[7].contains(&e.to_string())),
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
    // Every `.toml` under `policies/` (each branch of issue #15 adds its own files).
    let count = |d: &Path| {
        std::fs::read_dir(d)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == "toml")
            })
            .count()
    };
    let files = count(Path::new(dir)) + count(&Path::new(dir).join("calendars"));
    assert!(
        stdout(&o).contains(&format!("checked {files} files: 0 errors")),
        "{}",
        stdout(&o)
    );
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
    let (v, stamp) = listed(&stdout(&o), "cases");
    assert_eq!(stamp, builtin_stamp("s2-service-center"));
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
        "2026-10-12T23:50:00+08:00,2026-10-13,2026-10-13T00:20:00+08:00,false,,"
    );
    assert!(lines[2].contains("needs an instant"), "{out}");
}

/// An S14 month computed by hand from the regulation (S14 totals 90: 30 + 20 + 15 + 25, A9):
/// - 张三 (W01): 2 × late (att.1a −1, 10 yuan) + dozing (att.2 −2, 20 yuan) + 吃拿卡要 chosen
///   at 15 with its reason (att.6: 150 yuan withheld from 当月奖励, 取消年度评先资格) → 考勤
///   30 − 19 = 11, total 71, fines 40.00, withholdings 150.00;
/// - 李四 (W01): praised, 4 points (svc.3 bonus) + a full day absent (att.1d, 2 half-days:
///   −4, 20 yuan) → total 86 + 4 = 90, fines 20.00;
/// - 王五 (W02): 3 pieces not following the flow (biz.1.2a −2 each) → 办件管理 9, total 84;
/// - W01's own card carries only att.6's effect (取消该窗口和工作人员年度评先资格): 90;
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
    let (cards, _) = listed(&stdout(&o), "scorecards");
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
            card("张三")["fines"].as_str(),
            card("张三")["withholdings"].as_str()
        ),
        (Some(71), Some("40.00"), Some("150.00"))
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
        (
            card("W01")["kind"].as_str(),
            card("W01")["total"].as_i64(),
            card("W01")["effects"][0]["name"].as_str()
        ),
        (Some("window"), Some(90), Some("取消年度评先资格"))
    );
    let line = &card("张三")["lines"][2];
    assert_eq!(
        (
            line["rule"].as_str(),
            line["points"].as_i64(),
            line["fine"].as_str(),
            line["withholding"].as_str()
        ),
        (Some("S14.att.6"), Some(-15), Some("0.00"), Some("150.00"))
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
    let (ranking, stamp) = listed(&stdout(&o), "ranks");
    assert_eq!(stamp, builtin_stamp("s14-window-scorecard"));
    // W02: 84.00; W01: mean(71, 90) = 80.50, eligible: 取消年度评先资格 is annual, not the
    // monthly 红旗窗口, and att.6 puts no points on the window.
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
        (Some("W01"), Some("80.50"), Some(true))
    );
    assert_eq!(ranking[1]["disqualified_by"], serde_json::json!([]));
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
    let (cards, _) = listed(&stdout(&o), "scorecards");
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
/// - figures: received B, C, D (A came on 09-30) = 3; completed A, B = 2, on time 1 → 按时办结率
///   50.00 %; working days to complete A 5 (10-08, 10-09, 10-10 调休, 10-12, 10-13) and B 6
///   (10-13 … 10-16, 10-19, 10-20) → mean 5.50, 90th percentile (rank ⌈1.8⌉ = 2) 6; open C, D
///   = 2; overdue B and D = 2 of 4 → 50.00 %; W02 completed 1 of 1 on time, W07 0 of 1.
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
    let f = &r["figures"];
    assert_eq!(
        [
            &f["received"],
            &f["completed"],
            &f["completed_on_time"],
            &f["open"],
            &f["overdue"]
        ],
        [3, 2, 1, 2, 2]
    );
    assert_eq!(f["on_time_rate"]["percent"], "50.00");
    assert_eq!(f["overdue_rate"]["percent"], "50.00");
    assert_eq!(
        (f["days_mean"].as_str(), f["days_p90"].as_i64()),
        (Some("5.50"), Some(6))
    );
    assert_eq!(r["top_windows"], serde_json::json!(["W02", "W07"]));
    assert_eq!(r["bottom_windows"], serde_json::json!(["W07", "W02"]));
    assert_eq!(
        f["by_status"],
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
            && html.contains("data-chart=\"score-distribution\"")
            && html.contains("data-chart=\"ranking\"")
            && html.contains("按时办结率")
    );
    assert!(
        !html.contains("<script") && !html.contains("http://") && !html.contains("https://"),
        "self-contained"
    );
    assert!(html.contains("@page { size: A4"));
    assert!(html.contains("S2.zr.t2.4"));

    let mut a = args("text");
    a.extend(["--lang".to_owned(), "en".to_owned()]);
    let text = stdout(&run(a));
    assert!(
        text.contains("done late 1, done on time 1, red 1, yellow 1"),
        "{text}"
    );
    assert!(text.contains("50.00% (1/2)"), "{text}");
}

// ---- hostile inputs (issue #8) ----

/// The peak resident memory (kB) of process `pid`, sampled from `/proc` until it exits.
fn watch_peak_rss(pid: u32) -> std::thread::JoinHandle<u64> {
    std::thread::spawn(move || {
        let mut peak = 0;
        // A finished process (a zombie until it is waited for) has no memory lines.
        while let Some(hwm) = std::fs::read_to_string(format!("/proc/{pid}/status"))
            .ok()
            .and_then(|status| {
                status
                    .lines()
                    .find_map(|l| l.strip_prefix("VmHWM:"))
                    .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            })
        {
            peak = peak.max(hwm);
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        peak
    })
}

/// Stream `n` rows through `zhidu due --input -` from another thread, never holding them:
/// every 100,000th row (from the 50,000th) is bad. Returns the peak memory of `zhidu` (kB).
fn stream_rows(n: u64) -> u64 {
    let started = std::time::Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhidu"))
        .args([
            "due",
            "--policy",
            "s2-service-center",
            "--class",
            "promised",
            "--input",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let peak = watch_peak_rss(child.id());
    let base = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let date = move |i: u64| base + Days::new(i % 1000);
    let is_bad = |i: u64| i % 100_000 == 50_000;
    let mut stdin = std::io::BufWriter::with_capacity(1 << 16, child.stdin.take().unwrap());
    let writer = std::thread::spawn(move || {
        stdin.write_all(b"id,accepted_at,days\n").unwrap();
        for i in 0..n {
            if is_bad(i) {
                writeln!(stdin, "r{i},2026-02-30,5").unwrap();
            } else {
                writeln!(stdin, "r{i},{},{}", date(i), i % 7 + 1).unwrap();
            }
        }
        stdin.flush().unwrap();
    });
    let mut stderr = child.stderr.take().unwrap();
    let errors = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut s).unwrap();
        s
    });
    let ps = zhidu::PolicySet::builtin().unwrap();
    let class = ps
        .policy("s2-service-center")
        .unwrap()
        .class("promised")
        .unwrap();
    let mut out = std::io::BufReader::with_capacity(1 << 16, child.stdout.take().unwrap());
    let mut line = String::new();
    std::io::BufRead::read_line(&mut out, &mut line).unwrap();
    assert_eq!(
        line,
        "id,accepted_at,days,due_date,due_at,provisional,basis,error\n"
    );
    let mut rows = 0u64;
    let mut bad = 0u64;
    loop {
        line.clear();
        if std::io::BufRead::read_line(&mut out, &mut line).unwrap() == 0 {
            break;
        }
        let i = rows;
        rows += 1;
        let (id, rest) = line.split_once(',').unwrap();
        assert_eq!(
            id.strip_prefix('r').and_then(|x| x.parse::<u64>().ok()),
            Some(i),
            "row {rows} out of order: {line}"
        );
        if is_bad(i) {
            bad += 1;
            assert!(
                rest.contains(&format!(
                    "row {rows}: `accepted_at` must be a date or an instant, not `2026-02-30`"
                )),
                "{line}"
            );
        } else if i % 99_991 == 0 {
            let due = class
                .due(date(i), Some(u32::try_from(i % 7 + 1).unwrap()))
                .unwrap();
            assert!(
                rest.ends_with(&format!(
                    "{},{},{},{},\n",
                    due.due_date,
                    due.due_at.to_rfc3339(),
                    due.provisional,
                    due.basis.join(" | ")
                )),
                "{line}"
            );
        } else {
            assert!(rest.ends_with(",\n") && !rest.contains("row "), "{line}");
        }
    }
    writer.join().unwrap();
    let status = child.wait().unwrap();
    let peak = peak.join().unwrap();
    assert_eq!(rows, n, "rows in = rows out");
    assert_eq!(bad, n.saturating_sub(50_000).div_ceil(100_000));
    assert_eq!(status.code(), Some(if bad > 0 { 1 } else { 0 }));
    let summary = errors.join().unwrap();
    assert_eq!(
        summary,
        format!("{n} rows, {} answered, {bad} with errors\n", n - bad)
    );
    println!(
        "{n} rows through stdin: {:?}, zhidu peak RSS {peak} kB",
        started.elapsed()
    );
    peak
}

/// 200,000 rows through a pipe: every row answered in order, the bad ones in their place,
/// memory flat. The 10-million-row run is `ZHIDU_LONG_TESTS=1` (see below).
#[test]
fn batch_streams_200k_rows_from_a_pipe_in_flat_memory() {
    let peak = stream_rows(200_000);
    assert!(peak > 0 && peak < 64 * 1024, "peak RSS {peak} kB");
}

/// 10,000,000 rows: run with `ZHIDU_LONG_TESTS=1` (about 40 s in a debug build, 5 s in a
/// release build); memory must stay where it is for 200,000.
#[test]
fn batch_streams_10_million_rows_in_flat_memory() {
    if std::env::var_os("ZHIDU_LONG_TESTS").is_none() {
        println!("skipped: set ZHIDU_LONG_TESTS=1 to stream 10,000,000 rows");
        return;
    }
    let small = stream_rows(200_000);
    let big = stream_rows(10_000_000);
    assert!(
        big < small + 16 * 1024,
        "10M rows peak {big} kB vs 200k rows {small} kB"
    );
}

/// Every broken shape of a CSV export in one file: each row gets exactly one output row, in
/// order, the bad ones with their row number, and every good row its due date.
#[test]
fn batch_keeps_every_row_of_a_broken_export() {
    let dir = temp_dir("broken-csv");
    let long = "x".repeat(2 << 20);
    let mut csv: Vec<u8> = Vec::new();
    // A byte-order mark, CRLF line endings, a column the batch does not know.
    csv.extend_from_slice("\u{feff}id,accepted_at,days,note\r\n".as_bytes());
    let rows: Vec<(&str, Vec<u8>, Option<&str>)> = vec![
        ("ok", b"1,2026-09-30,5,plain".to_vec(), None),
        (
            "quoted newline",
            b"2,2026-09-30,5,\"two\r\nlines, and a comma\"".to_vec(),
            None,
        ),
        ("blank", Vec::new(), None),
        (
            "missing field",
            b"3,2026-09-30,5".to_vec(),
            Some("the row has 3 fields, the header has 4"),
        ),
        (
            "extra field",
            b"4,2026-09-30,5,x,y".to_vec(),
            Some("the row has 5 fields, the header has 4"),
        ),
        (
            "stray quote",
            b"5,\"2026-09-30,5,unclosed".to_vec(),
            Some("unreadable row: line 8 has a quote that is not closed"),
        ),
        (
            "after the quote",
            b"6,2026-10-09,3,\"quoted\"".to_vec(),
            None,
        ),
        (
            "inch mark",
            b"7,5\" pipe,1,x".to_vec(),
            Some("`accepted_at` must be a date or an instant, not `5\" pipe`"),
        ),
        (
            "not utf-8",
            b"8,2026-09-30,5,\xff\xfe".to_vec(),
            Some("unreadable row: line 11 is not UTF-8 (byte 0 of a field)"),
        ),
        (
            "too long",
            long.as_bytes().to_vec(),
            Some("unreadable row: line 12 is longer than 1048576 bytes"),
        ),
        (
            "negative days",
            b"9,2026-09-30,-5,x".to_vec(),
            Some("`days` must be a whole number from 0 to 4294967295, not `-5`"),
        ),
        (
            "days past u32",
            b"10,2026-09-30,4294967296,x".to_vec(),
            Some("`days` must be a whole number from 0 to 4294967295, not `4294967296`"),
        ),
        (
            "a billion days",
            b"11,2026-09-30,1000000000,x".to_vec(),
            Some("calendar `cn-mainland` does not cover 2101"),
        ),
        (
            "year 0",
            b"12,0000-01-01,5,x".to_vec(),
            Some("calendar `cn-mainland` does not cover 0"),
        ),
        (
            "24:00",
            b"13,2026-10-12T24:00,5,x".to_vec(),
            Some("`accepted_at` must be a date or an instant, not `2026-10-12T24:00`"),
        ),
        ("+14:00", b"14,2026-10-13T01:00:00+14:00,3,x".to_vec(), None),
        ("spaces", b"15, 2026-09-30 , 5 ,x".to_vec(), None),
        ("last, no newline", b"16,2026-09-30,,x".to_vec(), None),
    ];
    for (i, (_, bytes, _)) in rows.iter().enumerate() {
        csv.extend_from_slice(bytes);
        if i + 1 < rows.len() {
            csv.extend_from_slice(b"\r\n");
        }
    }
    let input = write(&dir, "broken.csv", &csv);
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
    assert_eq!(o.status.code(), Some(1));
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(o.stdout.as_slice());
    assert_eq!(
        rdr.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "id",
            "accepted_at",
            "days",
            "note",
            "due_date",
            "due_at",
            "provisional",
            "basis",
            "error"
        ]
    );
    let out: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    let expected: Vec<_> = rows
        .iter()
        .filter(|(what, _, _)| *what != "blank")
        .collect();
    assert_eq!(out.len(), expected.len(), "rows in = rows out");
    let ps = zhidu::PolicySet::builtin().unwrap();
    let class = ps
        .policy("s2-service-center")
        .unwrap()
        .class("promised")
        .unwrap();
    for (n, (rec, (what, bytes, error))) in out.iter().zip(&expected).enumerate() {
        let n = n + 1;
        match error {
            Some(message) => {
                assert!(
                    rec[8].starts_with(&format!("row {n}: {message}")),
                    "{what}: {:?}",
                    rec
                );
                assert_eq!((&rec[4], &rec[5]), ("", ""), "{what}");
            }
            None => {
                assert_eq!(&rec[8], "", "{what}: {:?}", rec);
                let fields: Vec<&str> = std::str::from_utf8(bytes).unwrap().split(',').collect();
                let days = fields[2].trim();
                let due = class
                    .due(
                        fields[1].trim().parse::<zhidu::Start>().unwrap(),
                        (!days.is_empty()).then(|| days.parse().unwrap()),
                    )
                    .unwrap();
                assert_eq!(
                    (&rec[4], &rec[5]),
                    (
                        due.due_date.to_string().as_str(),
                        due.due_at.to_rfc3339().as_str()
                    ),
                    "{what}"
                );
            }
        }
    }
    // The quoted field keeps its newline; the row after the stray quote is answered.
    assert_eq!(&out[1][3], "two\nlines, and a comma");
    assert_eq!((&out[5][0], &out[5][4]), ("6", "2026-10-13"));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        format!(
            "{} rows, 6 answered, {} with errors, 1 blank line skipped\n",
            expected.len(),
            expected.len() - 6
        )
    );
}

#[test]
fn batch_headers_that_cannot_be_used() {
    let dir = temp_dir("headers");
    let run = |name: &str, text: &[u8]| {
        let path = write(&dir, name, text);
        let o = zhidu(&[
            "due",
            "--policy",
            "s2-service-center",
            "--class",
            "promised",
            "--input",
            &path,
        ]);
        assert_no_panic(&o);
        (o, path)
    };
    // No `accepted_at` column (or no header at all): the command fails, naming the file.
    for (name, text) in [
        ("no-column.csv", &b"accepted,days\n2026-09-30,5\n"[..]),
        ("empty.csv", b""),
        ("blank.csv", b"\n\n"),
    ] {
        let (o, path) = run(name, text);
        assert_eq!(o.status.code(), Some(2), "{name}");
        assert_eq!(
            String::from_utf8_lossy(&o.stderr),
            format!(
                "error: `{path}` has no `accepted_at` column\n  help: the first line must name the columns, e.g. `accepted_at,days`\n"
            ),
            "{name}"
        );
        assert!(o.stdout.is_empty());
    }
    // A header only: no rows, success.
    let (o, _) = run("header-only.csv", b"accepted_at,days\r\n");
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        "accepted_at,days,due_date,due_at,provisional,basis,error\n"
    );
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "0 rows, 0 answered, 0 with errors\n"
    );
    // No `days` column: each row takes the class's default (5 for 承诺件).
    let (o, _) = run("no-days.csv", b"accepted_at\n2026-09-30\n");
    assert_eq!(
        stdout(&o).lines().nth(1),
        Some("2026-09-30,2026-10-13,2026-10-14T00:00:00+08:00,false,,")
    );
    // A header with an unclosed quote is an error of the file, not of a row.
    let (o, path) = run("bad-header.csv", b"\"accepted_at,days\n");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        format!(
            "error: cannot read `{path}`: the header (line 1) cannot be read: line 1 has a quote that is not closed\n"
        )
    );
}

#[test]
fn due_days_at_the_edges() {
    let due = |days: &str| {
        zhidu(&[
            "due",
            "--policy",
            "s2-service-center",
            "--class",
            "promised",
            "--accepted",
            "2026-09-30T10:00:00+08:00",
            "--days",
            days,
        ])
    };
    let o = due("1000000000");
    assert_no_panic(&o);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("error: calendar `cn-mainland` does not cover 2101\n"),
        "{err}"
    );
    for bad in ["4294967296", "5.5", ""] {
        let o = due(bad);
        assert_no_panic(&o);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.starts_with(&format!("error: invalid value '{bad}' for '--days <DAYS>'")),
            "{err}"
        );
    }
    // A negative number reads as an option unless it is attached.
    let o = due("-5");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).starts_with("error: unexpected argument '-5' found")
    );
    let o = zhidu(&[
        "due",
        "--policy",
        "s2-service-center",
        "--class",
        "promised",
        "--accepted",
        "2026-09-30",
        "--days=-5",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .starts_with("error: invalid value '-5' for '--days <DAYS>'")
    );
    let o = due("0");
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).contains("due date  2026-09-30"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn policy_files_that_cannot_be_read() {
    let dir = temp_dir("policy-files");
    let args = |path: &str| {
        vec![
            "--policies".to_owned(),
            path.to_owned(),
            "due".to_owned(),
            "--policy".to_owned(),
            "town".to_owned(),
            "--class".to_owned(),
            "permit".to_owned(),
            "--accepted".to_owned(),
            "2026-09-30".to_owned(),
        ]
    };
    let run = |path: &str| {
        let a = args(path);
        let o = zhidu(&a.iter().map(String::as_str).collect::<Vec<_>>());
        assert_no_panic(&o);
        o
    };
    let bad = write(&dir, "bad.toml", b"[policy]\nid = \"t\xffown\"\n");
    let o = run(&bad);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        format!(
            "error: cannot read `{bad}`: the file is not UTF-8 (first bad byte at offset 16)\n"
        )
    );
    let big = dir.join("big.toml");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(100 << 20)
        .unwrap();
    let t = std::time::Instant::now();
    let o = run(&big.display().to_string());
    assert!(t.elapsed() < std::time::Duration::from_secs(5));
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).starts_with(&format!(
            "error: `{}` is 104857600 bytes, over the limit of 8388608 bytes\n",
            big.display()
        )),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = run("/dev/zero");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).starts_with("error: `/dev/zero` is 8388609 bytes"));
    // `check` locates every problem: file, line, column and key path.
    let broken = write(
        &dir,
        "broken.toml",
        b"[policy]\r\nid = \"a/b\"\r\nname = 5\r\n",
    );
    let o = zhidu(&["check", &broken]);
    assert_no_panic(&o);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains(&format!("error: invalid type: integer `5`, expected a string\n  --> {broken}:3:8 (at `policy.name`)")), "{out}");
}

#[test]
fn case_logs_with_broken_lines_lose_no_good_case() {
    let dir = temp_dir("broken-logs");
    let good = |id: &str| {
        format!(r#"{{"id":"{id}","class":"promised","accepted_at":"2026-10-08","days":5}}"#)
    };
    let mut jsonl = Vec::new();
    jsonl.extend_from_slice(format!("{}\n", good("A")).as_bytes());
    jsonl.extend_from_slice(
        b"{\"id\":\"B\",\"class\":\"promised\",\"accepted_at\":\"2026-10-08\"\xff}\n",
    );
    jsonl.extend_from_slice(format!("{}\n", "x".repeat(2 << 20)).as_bytes());
    let events: Vec<String> = (0..1001)
        .map(|i| {
            format!(
                r#"{{"kind":"{}","at":"2026-10-09T10:{:02}:{:02}+08:00"{}}}"#,
                if i % 2 == 0 { "suspend" } else { "resume" },
                i / 60,
                i % 60,
                if i % 2 == 0 {
                    r#","reason":"hearing""#
                } else {
                    ""
                }
            )
        })
        .collect();
    jsonl.extend_from_slice(
        format!(
            r#"{{"id":"C","class":"promised","accepted_at":"2026-10-08","days":5,"events":[{}]}}"#,
            events.join(",")
        )
        .as_bytes(),
    );
    jsonl.extend_from_slice(format!("\n{}\n", good("D")).as_bytes());
    let path = write(&dir, "log.jsonl", &jsonl);
    let o = zhidu(&[
        "cases",
        "--policy",
        "s2-service-center",
        "--as-of",
        "2026-10-12T12:00:00+08:00",
        &path,
        "--format",
        "json",
    ]);
    assert_no_panic(&o);
    assert_eq!(o.status.code(), Some(1));
    let (v, stamp) = listed(&stdout(&o), "cases");
    assert_eq!(stamp, builtin_stamp("s2-service-center"));
    let v = v.as_array().unwrap();
    assert_eq!(v.len(), 5, "one answer per line");
    assert_eq!(
        (v[0]["id"].as_str(), v[4]["id"].as_str()),
        (Some("A"), Some("D"))
    );
    assert_eq!(
        v[1]["error"]["message"],
        "unreadable row: line 2 is not UTF-8 (byte 55)"
    );
    assert_eq!(
        v[2]["error"]["message"],
        "unreadable row: line 3 is longer than 1048576 bytes"
    );
    assert_eq!(
        v[3]["error"]["message"],
        "`events` has more than 1000 items"
    );
    // CSV: a stray quote costs its own line, not the cases after it.
    let csv = write(
        &dir,
        "log.csv",
        b"id,class,accepted_at,days,handler,window,completed_at,events\nA,promised,2026-10-08,5,,,,\nB,promised,\"2026-10-08,5,,,,\nC,promised,2026-10-08,5,,,,\n\nD,promised,2026-10-08,5,,,,\"suspend 2026-10-09T10:00 hearing;\n resume 2026-10-10T09:00\"\n",
    );
    let o = zhidu(&[
        "cases",
        "--policy",
        "s2-service-center",
        "--as-of",
        "2026-10-12T12:00:00+08:00",
        &csv,
        "--format",
        "csv",
    ]);
    assert_no_panic(&o);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    assert!(lines[1].starts_with("2,A,promised,"), "{out}");
    assert!(
        lines[2].starts_with("3,")
            && lines[2]
                .ends_with("case row 2: unreadable row: line 3 has a quote that is not closed"),
        "{out}"
    );
    assert!(lines[3].starts_with("4,C,promised,"), "{out}");
    assert!(lines[4].starts_with("6,D,promised,"), "{out}");
}

#[test]
fn a_stray_quote_in_an_incident_export_costs_one_row() {
    // Row 2 opens a quote it never closes; rows 3 and 4 must still be scored (S2: qin.1 −2
    // each → 96), and row 2 is reported with its number.
    let dir = temp_dir("stray-quote");
    let incidents = write(
        &dir,
        "incidents.csv",
        "subject,window,at,rule,quantity,points,note\n张三,W01,2026-10-09,S2.assess.qin.1,,,\n李四,W01,2026-10-10,S2.assess.qin.1,,,\"迟到\n张三,W01,2026-10-12,S2.assess.qin.1,,,\n王五,W02,2026-10-13,S2.assess.qin.1,,,\n".as_bytes(),
    );
    let o = zhidu(&[
        "assess",
        "--policy",
        "s2-service-center",
        "--period",
        "2026-10",
        "--incidents",
        &incidents,
        "--format",
        "json",
    ]);
    assert_no_panic(&o);
    assert_eq!(o.status.code(), Some(1));
    let (cards, _) = listed(&stdout(&o), "scorecards");
    let total = |s: &str| {
        cards
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["subject"] == s)
            .map(|c| c["total"].clone())
    };
    assert_eq!(total("张三"), Some(Value::from(96)));
    assert_eq!(total("王五"), Some(Value::from(98)));
    assert_eq!(total("李四"), None);
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("incident row 2:"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// The case log's `joint` column and the incidents' `basis` and `ref` columns are read from
/// CSV as from JSON, by hand:
/// - S14 with an S2 case log: J1 (joint, accepted Mon 10-12 with 5 days → due Mon 10-19, done
///   Wed 10-21: 2 working days over) → S14.biz.1.4c −4 on the window W02 (办件管理 11 → 86),
///   never S14.biz.1.6 on 李四; a complaint reply late (T1) is unpriced;
/// - S2: S2.kq.5 with basis S2.assess.lian.1 → W01 廉 10 → 90; bonus.1a and bonus.1b with the
///   same ref D1 → +5 once (A33) → 郑一 105; a joint value that is no boolean is a row error.
#[test]
fn csv_reads_joint_basis_and_ref() {
    let dir = temp_dir("csv-joint");
    let none = write(
        &dir,
        "none.csv",
        b"subject,window,at,rule,quantity,points,note\n",
    );
    let cases = write(
        &dir,
        "cases.csv",
        "id,class,accepted_at,days,handler,window,completed_at,joint
J1,promised,2026-10-12T09:00:00+08:00,5,李四,W02,2026-10-21T10:00:00+08:00,true
T1,complaint_next_day,2026-10-12T09:00:00+08:00,,李四,W02,2026-10-15T10:00:00+08:00,false
X1,promised,2026-10-12T09:00:00+08:00,5,李四,W02,,maybe
"
        .as_bytes(),
    );
    let o = zhidu(&[
        "assess",
        "--policy",
        "s14-window-scorecard",
        "--period",
        "2026-10",
        "--incidents",
        &none,
        "--cases",
        &cases,
        "--case-policy",
        "s2-service-center",
        "--format",
        "json",
    ]);
    assert_no_panic(&o);
    let (cards, _) = listed(&stdout(&o), "scorecards");
    let cards = cards.as_array().unwrap();
    assert_eq!(cards.len(), 1, "{cards:?}");
    assert_eq!(
        (cards[0]["subject"].as_str(), cards[0]["total"].as_i64()),
        (Some("W02"), Some(86))
    );
    assert_eq!(cards[0]["lines"][0]["rule"], "S14.biz.1.4c");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("`joint` must be `true` or `false`, not `maybe`"),
        "{err}"
    );
    assert!(
        err.contains("1 late case(s) in 2026-10 priced by no rule (case rows 2)"),
        "{err}"
    );

    let incidents = write(
        &dir,
        "incidents.csv",
        "subject,window,at,rule,quantity,points,note,basis,ref
王五,W01,2026-10-12,S2.kq.5,,,临时人员吃拿卡要,S2.assess.lian.1,
郑一,W05,2026-10-13,S2.assess.bonus.1a,,,区级通报表扬,,D1
郑一,W05,2026-10-14,S2.assess.bonus.1b,,,市级通报表扬,,D1
"
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
        "--format",
        "json",
    ]);
    assert_no_panic(&o);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let (cards, _) = listed(&stdout(&o), "scorecards");
    let card = |s: &str| {
        cards
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["subject"] == s)
            .unwrap()
            .clone()
    };
    assert_eq!(card("W01")["total"].as_i64(), Some(90));
    assert_eq!(card("W01")["lines"][0]["basis"], "S2.assess.lian.1");
    assert_eq!(
        (
            card("郑一")["total"].as_i64(),
            card("郑一")["bonus"].as_i64()
        ),
        (Some(105), Some(5))
    );
    let superseded: Vec<bool> = card("郑一")["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["superseded"].as_bool().unwrap())
        .collect();
    assert_eq!(superseded, [true, false]);
}

// ---- provisional years and notice files (issue #12) ----

fn notice_path() -> String {
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/notices/test-2027.toml"
    )
    .to_owned()
}

#[test]
fn due_past_the_last_notice_is_provisional_in_every_format() {
    let args = [
        "due",
        "--policy",
        "s2-service-center",
        "--class",
        "promised",
        "--accepted",
        "2026-12-10T10:00:00+08:00",
        "--days",
        "20",
    ];
    let o = zhidu(&args);
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(
        text.contains("due date  2027-01-08 (provisional)"),
        "{text}"
    );
    assert!(text.contains("basis     2027: 国务院令第795号; the 2027 notice is not in the calendar; make-up working days unknown"));
    let o = zhidu(&[&args[..], &["--format", "json"]].concat());
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["due"]["provisional"], true);
    assert_eq!(
        v["due"]["basis"][0].as_str().unwrap().get(..5),
        Some("2027:")
    );
    let o = zhidu(&[&args[..], &["--format", "csv"]].concat());
    let csv = stdout(&o);
    assert!(
        csv.starts_with(
            "due_date,due_at,provisional,basis\n2027-01-08,2027-01-09T00:00:00+08:00,true,2027: "
        ),
        "{csv}"
    );
    // With the notice file beside the builtin set: 2027-01-09, not provisional.
    let o = zhidu(&[&["--policies", &notice_path()][..], &args[..]].concat());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = stdout(&o);
    assert!(text.contains("due date  2027-01-09\n"), "{text}");
}

#[test]
fn calendar_show_check_and_diff() {
    let o = zhidu(&["calendar", "show", "2027"]);
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(
        text.starts_with("cn-mainland 2027 — PROVISIONAL\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "2027-02-10 Wed  day off              春节       国务院令第795号 第六条 补假"
        ),
        "{text}"
    );
    let o = zhidu(&["calendar", "show", "2026", "--format", "json"]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["provisional"], false);
    let oct10 = v["days"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["date"] == "2026-10-10")
        .unwrap();
    assert_eq!(oct10["kind"], "makeup_workday");
    assert_eq!(oct10["basis"], "国务院办公厅关于2026年部分节假日安排的通知");
    let o = zhidu(&["--policies", &notice_path(), "calendar", "show", "2027"]);
    assert!(
        stdout(&o).starts_with("cn-mainland 2027 — notice 测试用通知"),
        "{}",
        stdout(&o)
    );

    let o = zhidu(&["calendar", "check", &notice_path()]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("checked 1 notice file: 0 errors, 0 warnings"));
    let dir = temp_dir("notice");
    let bad = std::fs::read_to_string(notice_path())
        .unwrap()
        .replace("holidays = [2027-06-09]", "holidays = []")
        .replace("workdays = [2027-01-09]", "workdays = [2027-01-08]");
    let bad = write(&dir, "bad.toml", bad.as_bytes());
    let o = zhidu(&["calendar", "check", &bad, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let messages: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        [
            "2027-06-09 (端午) is a statutory day off (国务院令第795号 第二条) that the notice does not list",
            "make-up working day 2027-01-08 is not on a weekend",
        ]
    );

    // The hand-computed cases of tests/cases/notice_diff/test-2027-notice.toml.
    let log = write(
        &dir,
        "log.jsonl",
        br#"{"id": "A", "class": "promised", "accepted_at": "2026-12-10T10:00:00+08:00", "days": 20}
{"id": "B", "class": "promised", "accepted_at": "2026-12-21T10:00:00+08:00", "days": 5}
{"id": "C", "class": "promised", "accepted_at": "2026-12-01T10:00:00+08:00", "days": 5, "completed_at": "2026-12-05T10:00:00+08:00"}
{"id": "D", "class": "promised", "accepted_at": "2027-01-05T10:00:00+08:00", "days": 3}
{"id": "E", "class": "promised", "accepted_at": "2026-12-31T10:00:00+08:00", "days": 2}
"#,
    );
    let o = zhidu(&[
        "calendar",
        "diff",
        "--with",
        &notice_path(),
        "--cases",
        &log,
        "--as-of",
        "2027-01-06T09:00:00+08:00",
        "--format",
        "csv",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        stdout(&o),
        "line,id,changed,old_due_date,new_due_date,old_status,new_status,old_overdue_days,new_overdue_days,error\n\
         1,A,due_date,2027-01-08,2027-01-09,on_track,on_track,0,0,\n\
         2,B,overdue_days,2026-12-28,2026-12-28,red,red,6,5,\n\
         5,E,\"due_date,status,overdue_days\",2027-01-05,2027-01-06,red,yellow,1,0,\n"
    );
    // Without --as-of: the notice's publication day (2026-12-01). A and E are accepted after
    // it, so as of that day they are not yet known (not_yet_accepted) and nothing moves.
    let o = zhidu(&[
        "calendar",
        "diff",
        "--with",
        &notice_path(),
        "--cases",
        &log,
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v.as_object().unwrap().len(), 3, "cases, before, after");
    // Both sides name their rules: the stamp without the notice and the one with it.
    assert_eq!(v["before"], builtin_stamp("s2-service-center"));
    assert_eq!(v["after"]["policy"], "s2-service-center");
    assert_ne!(
        v["after"]["hash"], v["before"]["hash"],
        "the notice is one more file"
    );
    let ids: Vec<&str> = v["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert!(ids.is_empty(), "{ids:?}");
}
