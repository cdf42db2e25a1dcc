//! End-to-end tests of `zhidu access` and `zhidu retention` (issue #15 points 4 and 6): the
//! expected values are worked by hand from the seed clauses and the DEFAULTs they name.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test with a broken fixture should fail loudly"
)]

use std::path::PathBuf;

use serde_json::Value;

mod common;
use common::zhidu;

fn file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("zhidu-cli-acc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p: PathBuf = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

#[test]
fn access_answers_every_good_row_and_reports_the_bad_one() {
    // Row 1: S12.3.4.5 borrowing 秘密 needs the manager's approval, returned the same day.
    // Row 2: a department head reads 机密: 3.4.2 gives 机密 to company leaders only → deny.
    // Row 3: an unknown role → one error for row 3, exit 1.
    // Row 4: scope k (leaders' phone) has no level; A24 makes it 秘密, which a department
    //        head reads → allow.
    let csv = "subject,role,action,item,level,scope,facts,note\n\
               赵六,staff,borrow,,秘密,,,\n\
               钱七,department_head,read,,机密,,,\n\
               孙八,boss,read,,秘密,,,\n\
               钱七,部门负责人,read,,,k,,\n";
    let path = file("requests.csv", csv);
    let o = zhidu(&[
        "access",
        "--policy",
        "s12-confidentiality",
        "--request",
        &path,
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let d = v["decisions"].as_array().unwrap();
    assert_eq!(d.len(), 3);
    assert_eq!(d[0]["decision"], "allow_with_approval");
    assert_eq!(d[0]["approvals"][0]["by"], "物业服务中心经理");
    assert_eq!(d[0]["conditions"][0]["id"], "same_day_return");
    assert_eq!(d[1]["decision"], "deny");
    assert_eq!(
        (d[2]["row"].as_u64(), &d[2]["decision"]),
        (Some(4), &Value::from("allow"))
    );
    assert_eq!(d[2]["level"], "secret");
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("row 3") && err.contains("`boss`"), "{err}");
}

#[test]
fn access_reads_json_lines_and_prints_a_table() {
    // S3.equip.3b: lending for a work need needs the 负责人's written approval.
    let path = file(
        "requests.jsonl",
        "{\"subject\": \"小赵\", \"role\": \"station_staff\", \"action\": \"lend\", \"item\": \"equipment\", \"facts\": [\"work_need\"]}\n",
    );
    let o = zhidu(&[
        "access",
        "--policy",
        "s3-culture-centre",
        "--request",
        &path,
    ]);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("allow_with_approval"), "{out}");
    assert!(
        out.contains("written_approval (负责人书面批准) by 负责人: needed"),
        "{out}"
    );
    assert!(out.contains("S3.equip.3b"), "{out}");
}

#[test]
fn retention_keeps_until_the_anniversary_and_lists_the_past() {
    // S6.mgmt.3b, A28: 2024-02-29 + 2 years = 2026-02-28 (民法典 第二百零三条), past on
    // 2027-01-01; 2025-01-02 keeps until 2027-01-02, still kept.
    let path = file(
        "records.csv",
        "id,kind,date,event_on,note\nP-1,purchase_record,2024-02-29,,\nP-2,purchase_record,2025-01-02,,\n",
    );
    let o = zhidu(&[
        "retention",
        "--policy",
        "s6-food-additives",
        "--records",
        &path,
        "--as-of",
        "2027-01-01",
        "--format",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains(
            "1,P-1,purchase_record,s6-purchase-records,2024-02-29,2026-02-28,,past,S6.mgmt.3b"
        ),
        "{out}"
    );
    assert!(
        out.contains("2,P-2,purchase_record,s6-purchase-records,2025-01-02,2027-01-02,,keep"),
        "{out}"
    );
}

#[test]
fn retention_until_an_event_gives_no_date() {
    // S12.3.4.7: not yet public → kept until public, no keep-until day.
    let path = file(
        "held.csv",
        "id,kind,date,event_on,note\nH-1,held_information,2025-03-01,,\n",
    );
    let o = zhidu(&[
        "retention",
        "--policy",
        "s12-confidentiality",
        "--records",
        &path,
        "--as-of",
        "2027-01-01",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["records"][0]["keep_until"], Value::Null);
    assert_eq!(v["records"][0]["until_event"], "public");
    assert_eq!(v["past"], serde_json::json!([]));
}

#[test]
fn a_policy_without_the_kind_is_a_usage_error() {
    let path = file("r.csv", "id,kind,date\nX,purchase_record,2025-01-01\n");
    let o = zhidu(&[
        "retention",
        "--policy",
        "s10-service-system",
        "--records",
        &path,
        "--as-of",
        "2027-01-01",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("has no retention rules"), "{err}");
}
