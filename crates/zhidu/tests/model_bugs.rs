//! The three engine bugs the scoring reference model found (issue #18, tests/model/README.md
//! "Disagreements found"), each with the values the regulations give, computed by hand.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test with a broken fixture should fail loudly"
)]

use zhidu::{AssessRequest, Incident, PolicySet, Start};

fn incident(subject: &str, window: Option<&str>, at: &str, rule: &str) -> Incident {
    let mut i = Incident::new(subject, rule, at.parse::<Start>().unwrap());
    i.window = window.map(str::to_owned);
    i
}

/// BUG-1: S14.att.6 carries 取消该窗口和工作人员年度评先资格, an annual effect that reaches the
/// window (S14.att.6 seed line). A March row read in May for that effect, without a window,
/// is a row error (README Scorecards: "a row without a window is a row error"), not a row
/// silently counted outside the period.
#[test]
fn bug1_earlier_month_row_read_for_its_annual_effect_is_checked() {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s14-window-scorecard").unwrap();
    let incidents = [
        incident("张三", None, "2026-03-02", "S14.att.6"),
        incident("王五", Some("W03"), "2026-02-10", "S14.att.6"),
    ];
    let a = p
        .assess(&AssessRequest::new("2026-05".parse().unwrap()).incidents(&incidents))
        .unwrap();
    assert_eq!(a.errors.len(), 1);
    assert_eq!((a.errors[0].input, a.errors[0].row), ("incident", 1));
    assert!(a.errors[0].error.to_string().contains("window"));
    // Only the good row is outside; its effect reaches 王五 and W03 at full score (90, A9).
    assert_eq!(a.outside_rows, [2]);
    assert!(a.card("张三").is_none());
    let wang = a.card("王五").unwrap();
    assert_eq!(wang.total, 90);
    assert_eq!(wang.effects.len(), 1);
}

/// BUG-2: A33 "one deed counts once, at its highest level"; the S2 policy's note: "with the
/// same subject and `ref`, 1b supersedes 1a". 1a (+3 a time) three times against 1b (+5):
/// 1b counts, +5 → 105 (not the 1a line's 3 × 3 = 9 → 109).
#[test]
fn bug2_a33_keeps_the_highest_level_whatever_the_quantities() {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let mut district = incident("陈二", Some("W01"), "2026-06-14", "S2.assess.bonus.1a");
    district.quantity = Some(3);
    district.reference = Some("D1".to_owned());
    let mut city = incident("陈二", Some("W01"), "2026-06-03", "S2.assess.bonus.1b");
    city.reference = Some("D1".to_owned());
    let incidents = [district, city];
    let a = p
        .assess(&AssessRequest::new("2026-06".parse().unwrap()).incidents(&incidents))
        .unwrap();
    let card = a.card("陈二").unwrap();
    assert_eq!((card.total, card.bonus), (105, 5));
    let kept: Vec<(&str, i64, bool)> = card
        .lines
        .iter()
        .map(|l| (&*l.rule, l.points, l.superseded))
        .collect();
    assert!(kept.contains(&("S2.assess.bonus.1b", 5, false)));
    assert!(kept.contains(&("S2.assess.bonus.1a", 0, true)));
}

/// BUG-3: a roster row is a row like any other (README Input rows): a blank `window` is a
/// row error with its row number, and every other row is still answered.
#[test]
fn bug3_bad_roster_row_is_a_row_error_not_a_failed_command() {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let roster =
        zhidu::rows::read_roster("roster.csv", "subject,window\n李四,\n王五,W02\n".as_bytes())
            .unwrap();
    let incidents = [incident(
        "张三",
        Some("W01"),
        "2025-04-10",
        "S2.assess.qin.1",
    )];
    let a = p
        .assess(
            &AssessRequest::new("2025-04".parse().unwrap())
                .incidents(&incidents)
                .roster_rows(&roster),
        )
        .unwrap();
    assert_eq!(a.errors.len(), 1);
    assert_eq!((a.errors[0].input, a.errors[0].row), ("roster", 1));
    // 张三: S2.assess.qin.1 −2 → 98; 王五 from the roster, no incident → 100; no card for 李四.
    assert_eq!(a.card("张三").unwrap().total, 98);
    assert_eq!(a.card("王五").unwrap().total, 100);
    assert!(a.card("李四").is_none());
}

/// Read a JSON Lines case log as a host would.
fn case_rows(jsonl: &str) -> Vec<Result<zhidu::Case, zhidu::Error>> {
    zhidu::rows::read_jsonl::<zhidu::Case>(jsonl.as_bytes())
        .unwrap()
        .into_iter()
        .map(|(_, r)| r.map_err(zhidu::Error::from))
        .collect()
}

/// FLOW-1 (the scoring model with item flow, session 6): S14.biz.1.2a charges a flow breach
/// in the period it shows in (README Item flow). C1 logs 受理 on 2025-12-31 with no 一次性告知
/// before it: a December breach, nothing of January's, so January has no one to charge and no
/// error for the missing handler (as a late case of another period has none). C2 breaks the
/// flow in January without a handler: the one row error. Both are completed on 01-06, well
/// before their due day (5 working days from 01-05: 01-12), so neither is a late case.
#[test]
fn flow1_a_breach_of_another_period_needs_no_handler() {
    let ps = PolicySet::builtin().unwrap();
    let s2 = ps.policy("s2-service-center").unwrap();
    let p = ps.policy("s14-window-scorecard").unwrap();
    let cases = case_rows(concat!(
        r#"{"id":"C1","class":"promised","accepted_at":"2026-01-05T09:00+08:00","days":5,"window":"W02","completed_at":"2026-01-06T10:00+08:00","events":[{"kind":"step","at":"2025-12-31T23:49:59+08:00","step":"accept"}]}"#,
        "\n",
        r#"{"id":"C2","class":"promised","accepted_at":"2026-01-05T09:00+08:00","days":5,"window":"W02","completed_at":"2026-01-06T10:00+08:00","events":[{"kind":"step","at":"2026-01-05T09:00+08:00","step":"accept"}]}"#,
        "\n",
    ));
    let a = p
        .assess(&AssessRequest::new("2026-01".parse().unwrap()).case_rows(s2, &cases))
        .unwrap();
    let errors: Vec<_> = a.errors.iter().map(|e| (e.input, e.row)).collect();
    assert_eq!(errors, [("case", 2)]);
    assert!(a.scorecards.is_empty());
}

/// FLOW-2: a case row the engine reports as an error (class `promissed`, no class of S7) is
/// one error and charges nothing (one error per bad row; README Input rows): its logged 受理
/// without 一次性告知 is not also an S14.biz.1.2a line. 周九 has no card.
#[test]
fn flow2_a_bad_case_row_is_not_charged_for_its_flow() {
    let ps = PolicySet::builtin().unwrap();
    let s7 = ps.policy("s7-joint-processing").unwrap();
    let p = ps.policy("s14-window-scorecard").unwrap();
    let cases = case_rows(concat!(
        r#"{"id":"X3","class":"promissed","accepted_at":"2025-08-27T08:45:00Z","days":3,"handler":"周九","window":"W01","events":[{"kind":"step","at":"2025-08-01T00:48:00+08:00","step":"accept"}]}"#,
        "\n",
    ));
    let a = p
        .assess(&AssessRequest::new("2025-08".parse().unwrap()).case_rows(s7, &cases))
        .unwrap();
    let errors: Vec<_> = a.errors.iter().map(|e| (e.input, e.row)).collect();
    assert_eq!(errors, [("case", 1)]);
    assert!(a.card("周九").is_none());
}
