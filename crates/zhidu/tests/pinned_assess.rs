//! Answers of the assessment module (`crates/zhidu/src/assess/`) that the conformance corpus
//! does not reach, each pinned for a mutant that cargo-mutants found surviving or that reading
//! the code showed would survive (tests/MUTANTS.md lists which).
//! Expected values come from the README and the regulations, never from the engine.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test with a broken fixture should fail loudly"
)]

use zhidu::{AssessRequest, PolicySet, Severity};

/// A policy file's header, with `body` after it.
fn policy(id: &str, body: &str) -> String {
    format!(
        "[policy]\nid = \"{id}\"\nname = \"{id}\"\nversion = \"1\"\neffective_from = 2024-01-01\n\
         calendar = \"cn-mainland\"\nsource = \"test\"\n\n{body}"
    )
}

fn load(id: &str, body: &str) -> PolicySet {
    let text = policy(id, body);
    match PolicySet::from_sources(&[(format!("{id}.toml"), text)]) {
        Ok(ps) => ps,
        Err(e) => {
            let all: Vec<String> = e.diagnostics().iter().map(ToString::to_string).collect();
            panic!("fixture does not load: {e}\n{}", all.join("\n"));
        }
    }
}

/// A table with `[assessment]` and a category but no rule yet is a deduction table: a
/// person on the roster scores the category's maximum (README, Semantics: a category scores
/// `max(floor, maximum − deductions)`, and nothing was deducted).
#[test]
fn categories_without_rules_are_a_table() {
    let ps = load(
        "cats-only",
        "[assessment]\nperiod = \"month\"\n\n[[category]]\nid = \"x\"\nname = \"X\"\nmaximum = 10\n\
         source = { clause = \"T.x\", quote = \"10分\" }\n",
    );
    let p = ps.policy("cats-only").unwrap();
    let table = p.deduction_table().unwrap();
    assert_eq!(table.categories.len(), 1);
    assert!(table.rules.is_empty());
    let roster = [("甲".to_owned(), "W1".to_owned())];
    let out = p
        .assess(&AssessRequest::new("2026-10".parse().unwrap()).roster(&roster))
        .unwrap();
    assert_eq!(out.scorecards.len(), 1);
    assert_eq!(
        (out.scorecards[0].subject.as_str(), out.scorecards[0].total),
        ("甲", 10)
    );
}

/// `[assessment]` alone is a (still empty) deduction table, not a policy without one: it
/// loads without the "no deadline classes and no deduction table" warning.
#[test]
fn an_assessment_table_alone_is_a_table() {
    let ps = load("table-only", "[assessment]\nperiod = \"quarter\"\n");
    let table = ps.policy("table-only").unwrap().deduction_table().unwrap();
    assert!(table.categories.is_empty() && table.rules.is_empty());
    assert_eq!(table.period, zhidu::PeriodKind::Quarter);
    assert!(ps.warnings().is_empty(), "{:?}", ps.warnings());
}

/// `joint` and `prices` only matter for overdue rules (README, the table keys): on a rule
/// without `overdue` each is a warning at its key, and an overdue rule that gives `prices`
/// but not `joint` (which then defaults to `any`) has none. A warning refuses nothing.
#[test]
fn joint_and_prices_warn_only_without_overdue() {
    let ps = load(
        "joint-warnings",
        r#"[assessment]
period = "month"

[[category]]
id = "x"
name = "X"
maximum = 10
source = { clause = "T.x", quote = "10分" }

[[rule]]
code = "T.overdue"
category = "x"
kind = "deduction"
unit = "piece"
points = 1
overdue = "piece"
prices = ["s2-service-center:promised"]
source = { clause = "T.overdue", quote = "每件扣1分" }

[[rule]]
code = "T.plain"
category = "x"
kind = "deduction"
unit = "occurrence"
points = 1
joint = "only"
prices = ["s2-service-center:promised"]
source = { clause = "T.plain", quote = "每次扣1分" }
"#,
    );
    let warnings: Vec<(&str, &str)> = ps
        .warnings()
        .iter()
        .map(|d| {
            assert_eq!(d.severity, Severity::Warning);
            (d.path.as_str(), d.message.as_str())
        })
        .collect();
    assert_eq!(
        warnings,
        [
            (
                "rule[1].joint",
                "`joint` only matters for rules with `overdue`"
            ),
            (
                "rule[1].prices",
                "`prices` only matters for rules with `overdue`"
            ),
        ]
    );
    // Warnings refuse nothing: the table has both rules.
    let table = ps
        .policy("joint-warnings")
        .unwrap()
        .deduction_table()
        .unwrap();
    assert_eq!(table.rules.len(), 2);
}

/// `(category, codes)` of each group a search of the table finds.
fn found(table: &zhidu::DeductionTable, query: &str) -> Vec<(Option<String>, Vec<String>)> {
    table
        .search(query)
        .into_iter()
        .map(|g| (g.category, g.rules))
        .collect()
}

fn owned(category: &str, codes: &[&str]) -> (Option<String>, Vec<String>) {
    (
        Some(category.to_owned()),
        codes.iter().map(|c| (*c).to_owned()).collect(),
    )
}

/// The rule picker's search of S14's table (`policies/s14-window-scorecard.toml`): seed L913
/// 「有吃、拿、卡、要等不廉洁行为的」 is S14.att.6 alone, in 考勤; the name of the category
/// 服务质量 finds its four rules S14.svc.1–4 and nothing of the other categories; words in no
/// rule find no group at all.
#[test]
fn the_s14_rule_picker_finds_by_words_and_by_category_name() {
    let ps = PolicySet::builtin().unwrap();
    let s14 = ps
        .policy("s14-window-scorecard")
        .unwrap()
        .deduction_table()
        .unwrap();
    assert_eq!(found(&s14, "吃拿卡要"), [owned("att", &["S14.att.6"])]);
    assert_eq!(
        found(&s14, "服务质量"),
        [owned(
            "svc",
            &["S14.svc.1", "S14.svc.2", "S14.svc.3", "S14.svc.4"]
        )]
    );
    assert_eq!(found(&s14, "no such words"), []);
}

/// The deadline policy that reads an assessment's case rows: S2 reads its own cases (it has
/// deadline classes); S14, a scorecard without classes, needs one named, and says which
/// (README, `--cases`; S14 prices the promised classes of S2, S10 and S15).
#[test]
fn the_case_policy_is_the_named_one_or_the_scorecards_own() {
    let ps = PolicySet::builtin().unwrap();
    let s2 = ps.policy("s2-service-center").unwrap();
    let s14 = ps.policy("s14-window-scorecard").unwrap();
    assert_eq!(ps.case_policy(s2, None).unwrap().id(), "s2-service-center");
    let e = ps.case_policy(s14, None).unwrap_err();
    assert_eq!(e.code(), "input");
    assert_eq!(
        e.to_string(),
        "policy `s14-window-scorecard` has no deadline classes to read the cases with"
    );
    assert_eq!(
        ps.case_policy(s14, Some("s10-service-system"))
            .unwrap()
            .id(),
        "s10-service-system"
    );
    assert_eq!(
        ps.case_policy(s2, Some("s15-township-center"))
            .unwrap()
            .id(),
        "s15-township-center"
    );
}

// The columnar request (`IncidentColumns`, issue #16). `tests/columns.rs` holds it equal to
// the row path over random rows; these pin its answers themselves, computed by hand, so a
// mutant of the column reader is caught without the proptest (which the mutants' runs leave
// out). Day numbers count from 1970-01-01: 2026-10-01 is day 20727, so 10-12 is 20738.

use zhidu::{Error, IncidentColumns, InstantColumn, InstantUnit, TextColumn};

const MISSING: u32 = TextColumn::MISSING;
/// 2026-11-01 00:00 +08:00, the end of October 2026 in China (day 20758 − 8 h), in seconds.
const OCTOBER_END: i64 = 20_758 * 86_400 - 8 * 3_600;

fn s14() -> PolicySet {
    PolicySet::builtin().unwrap()
}

/// Incidents of S14 as columns, each row a different reading (S14.att.1a: 迟到, 1 point and
/// 10 yuan, seed L903; S14.att.6: 扣10—20分 and 150 yuan withheld, 取消该窗口和工作人员年度评先
/// 资格, seed L913; S14.svc.3: a bonus of 1–5 per occurrence, 视情):
///
/// 1. 张三 att.1a on 10-12 at W01 → −1, 10 yuan.
/// 2. 张三 (the dictionary's second "张三", with spaces) att.1a × 2 → −2, 20 yuan.
/// 3. a blank subject, 4. a missing subject → row errors naming `subject`.
/// 5. no instant (NaT) → a row error naming `at`. 6. no rule → one naming `rule`.
/// 7. `S14.att.16`, no rule of S14 → a row error with `S14.att.1` as the hint's closest code.
/// 8. 李四 att.6, 15 points with its reason, at W02 → −15, 150 yuan withheld, the effect on 李四
///    and on W02's card.
/// 9. 李四 svc.3 × 4 at 5 points with its reason → +20.
/// 10. a row the host could not read (two errors given: the first is reported).
/// 11. 张三 att.1a on 11-02 → outside the period, counted, not scored.
/// 12. 王五 att.1a with quantity 0 → a row error (a quantity counts units from 1).
///
/// 张三: 90 − 3 = 87, 30.00 yuan, window W01; 李四: 90 − 15 + 20 = 95, 150.00 withheld;
/// W02: 90 with the effect only.
#[test]
fn incident_columns_are_scored_as_their_rows_say() {
    let ps = s14();
    let p = ps.policy("s14-window-scorecard").unwrap();
    let subjects = ["张三", " 张三 ", "  ", "李四", "王五"];
    let subject = [0, 1, 2, MISSING, 0, 0, 0, 3, 3, 0, 0, 4];
    let days = [
        20738,
        20739,
        20738,
        20738,
        zhidu::columns::NAT,
        20738,
        20738,
        20740,
        20741,
        20738,
        20759,
        20742,
    ];
    let rules = ["S14.att.1a", "S14.att.16", "S14.att.6", "S14.svc.3", ""];
    let rule = [0, 0, 0, 0, 0, 4, 1, 2, 3, 0, 0, 0];
    let windows = ["W01", "W02"];
    let window = [0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0];
    let quantity = [
        None,
        Some(2),
        None,
        None,
        None,
        None,
        None,
        None,
        Some(4),
        None,
        None,
        Some(0),
    ];
    let points = [
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        Some(15),
        Some(5),
        None,
        None,
        None,
    ];
    let notes = ["收受礼品, 经查实", "视情: 理由见记录"];
    let note = [
        MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, 0, 1, MISSING, MISSING,
        MISSING,
    ];
    let bad = [
        (
            9,
            Error::Input {
                message: "first".into(),
                hint: None,
            },
        ),
        (
            9,
            Error::Input {
                message: "second".into(),
                hint: None,
            },
        ),
    ];
    let columns = IncidentColumns::new(
        TextColumn::new(&subjects, &subject),
        InstantColumn::Days(&days),
        TextColumn::new(&rules, &rule),
    )
    .window(TextColumn::new(&windows, &window))
    .quantity(&quantity)
    .points(&points)
    .note(TextColumn::new(&notes, &note))
    .unreadable(&bad);
    assert_eq!(columns.len(), 12);
    let out = p
        .assess(&AssessRequest::new("2026-10".parse().unwrap()).incident_columns(&columns))
        .unwrap();
    assert_eq!(out.outside_period, 1);
    assert_eq!(out.outside_rows, [11]);
    let errors: Vec<(usize, String)> = out
        .errors
        .iter()
        .map(|e| {
            (
                e.row,
                format!("{} {}", e.error, e.error.help().unwrap_or_default()),
            )
        })
        .collect();
    let rows: Vec<usize> = errors.iter().map(|(r, _)| *r).collect();
    assert_eq!(rows, [3, 4, 5, 6, 7, 10, 12], "{errors:?}");
    for (row, part) in [
        (3, "subject"),
        (4, "subject"),
        (5, "`at`"),
        (6, "`rule`"),
        (7, "S14.att.1"),
        (10, "first"),
        (12, "quantity `0`"),
    ] {
        let text = &errors.iter().find(|(r, _)| *r == row).unwrap().1;
        assert!(text.contains(part), "row {row}: `{text}` lacks `{part}`");
    }
    assert!(!errors[5].1.contains("second"));
    let zhang = out.card("张三").unwrap();
    assert_eq!(
        (
            zhang.total,
            zhang.fines.to_string().as_str(),
            zhang.window.as_deref()
        ),
        (87, "30", Some("W01"))
    );
    let li = out.card("李四").unwrap();
    assert_eq!(
        (li.total, li.withholdings.to_string().as_str(), li.bonus),
        (95, "150", 20)
    );
    assert_eq!(&*li.effects[0].name, "取消年度评先资格");
    let w02 = out
        .scorecards
        .iter()
        .find(|c| c.subject == "W02" && c.kind == zhidu::SubjectKind::Window)
        .unwrap();
    assert_eq!((w02.total, w02.effects.len()), (90, 1));
    assert_eq!(out.scorecards.len(), 3);
}

/// One row of 张三's S14.att.1a at instant `at`, as the column `at` of `unit`: (total, the
/// line's instant) of October 2026, or `None` when the row is outside the period.
fn one_instant(at: InstantColumn<'_>) -> Option<(i64, String)> {
    let ps = s14();
    let p = ps.policy("s14-window-scorecard").unwrap();
    let columns = IncidentColumns::new(
        TextColumn::new(&["张三"], &[0]),
        at,
        TextColumn::new(&["S14.att.1a"], &[0]),
    );
    let out = p
        .assess(&AssessRequest::new("2026-10".parse().unwrap()).incident_columns(&columns))
        .unwrap();
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    let card = out.card("张三")?;
    Some((card.total, card.lines[0].at.to_rfc3339()))
}

/// Instants in each unit are counted from 1970-01-01 00:00 UTC and shown in the calendar's
/// zone (+08:00); October 2026 ends at 11-01 00:00 +08:00, which is November's (a period is
/// [start, end)). Wall times are read in the calendar's zone; days are their 00:00.
#[test]
fn instant_columns_in_every_unit_meet_the_period_end() {
    let last = OCTOBER_END - 1;
    let in_october = |at: &str| Some((89, at.to_owned()));
    assert_eq!(
        one_instant(InstantColumn::Instants(&[last], InstantUnit::Second)),
        in_october("2026-10-31T23:59:59+08:00")
    );
    assert_eq!(
        one_instant(InstantColumn::Instants(
            &[OCTOBER_END * 1_000],
            InstantUnit::Millisecond
        )),
        None
    );
    assert_eq!(
        one_instant(InstantColumn::Instants(
            &[last * 1_000 + 250],
            InstantUnit::Millisecond
        )),
        in_october("2026-10-31T23:59:59.250+08:00")
    );
    assert_eq!(
        one_instant(InstantColumn::Instants(
            &[last * 1_000_000 + 999_999],
            InstantUnit::Microsecond
        )),
        in_october("2026-10-31T23:59:59.999999+08:00")
    );
    assert_eq!(
        one_instant(InstantColumn::Instants(
            &[OCTOBER_END * 1_000_000_000],
            InstantUnit::Nanosecond
        )),
        None
    );
    assert_eq!(
        one_instant(InstantColumn::Instants(
            &[last * 1_000_000_000 + 5],
            InstantUnit::Nanosecond
        )),
        in_october("2026-10-31T23:59:59.000000005+08:00")
    );
    // Wall times: 2026-10-31 23:59:59 and 2026-11-01 00:00 as if the zone were UTC.
    let wall_end = 20_758 * 86_400;
    assert_eq!(
        one_instant(InstantColumn::WallTimes(
            &[wall_end - 1],
            InstantUnit::Second
        )),
        in_october("2026-10-31T23:59:59+08:00")
    );
    assert_eq!(
        one_instant(InstantColumn::WallTimes(&[wall_end], InstantUnit::Second)),
        None
    );
    // Days: 10-01 (day 20727) is October's first day; 11-01 (20758) is not October's.
    assert_eq!(
        one_instant(InstantColumn::Days(&[20_727])),
        in_october("2026-10-01T00:00:00+08:00")
    );
    assert_eq!(one_instant(InstantColumn::Days(&[20_758])), None);
}

/// Every column must have a value for each row: a shorter one is an error of the whole
/// request, naming the column and both counts.
#[test]
fn a_short_column_is_an_input_error() {
    let ps = s14();
    let p = ps.policy("s14-window-scorecard").unwrap();
    let q = [Some(1)];
    let columns = IncidentColumns::new(
        TextColumn::new(&["张三"], &[0, 0]),
        InstantColumn::Days(&[20738, 20738]),
        TextColumn::new(&["S14.att.1a"], &[0, 0]),
    )
    .quantity(&q);
    let e = p
        .assess(&AssessRequest::new("2026-10".parse().unwrap()).incident_columns(&columns))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "incidents: column `quantity` has 1 values for 2 rows"
    );
}

/// The `basis` and `ref` columns of S2 (`tests/cases/assess/s2-kq5-basis-lian.toml` and
/// `s2-bonus-one-deed-once.toml` as rows): S2.kq.5 takes the amount of its basis
/// S2.assess.lian.1, −10 in 廉 on the window W01 (A30); 郑一's bonus.1a (+3) and bonus.1b (+5)
/// with the same `ref` D1 are one deed, counted once at its highest (A33), and bonus.1a with
/// D2 is another: 100 + 5 + 3 = 108, three lines, one superseded.
#[test]
fn basis_and_ref_columns_are_read() {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let subjects = ["王五", "郑一"];
    let rules = ["S2.kq.5", "S2.assess.bonus.1a", "S2.assess.bonus.1b"];
    let bases = ["S2.assess.lian.1"];
    let refs = ["D1", "D2"];
    let notes = ["临时人员吃拿卡要, 查实"];
    let columns = IncidentColumns::new(
        TextColumn::new(&subjects, &[0, 1, 1, 1]),
        InstantColumn::Days(&[20738, 20735, 20738, 20739]),
        TextColumn::new(&rules, &[0, 1, 2, 1]),
    )
    .window(TextColumn::new(&["W01", "W05"], &[0, 1, 1, 1]))
    .basis(TextColumn::new(&bases, &[0, MISSING, MISSING, MISSING]))
    .reference(TextColumn::new(&refs, &[MISSING, 0, 0, 1]))
    .note(TextColumn::new(&notes, &[0, MISSING, MISSING, MISSING]));
    let out = p
        .assess(&AssessRequest::new("2026-10".parse().unwrap()).incident_columns(&columns))
        .unwrap();
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    let w01 = out.scorecards.iter().find(|c| c.subject == "W01").unwrap();
    assert_eq!(w01.total, 90);
    let zheng = out.card("郑一").unwrap();
    assert_eq!((zheng.total, zheng.bonus, zheng.lines.len()), (108, 8, 3));
    assert_eq!(zheng.lines.iter().filter(|l| l.superseded).count(), 1);
}

/// An item-flow finding (S14.biz.1.2a, 每件扣2分, one per case) that the incident columns
/// give already, with its case in the `case` column, is not charged a second time from the
/// case log (README, the item flow; issue #15 point 8). C1, accepted 10-12 09:00 with
/// 受理 logged and no 一次性告知 before it, completed on time on 10-13: one finding, −2 once:
/// 办件管理 15 − 2 = 13, 90 − 2 = 88. Without the `case` column the row is another incident
/// of the rule: −4, 86.
#[test]
fn a_flow_finding_given_in_the_columns_is_charged_once() {
    let ps = PolicySet::builtin().unwrap();
    let s14 = ps.policy("s14-window-scorecard").unwrap();
    let s2 = ps.policy("s2-service-center").unwrap();
    let case: zhidu::Case = serde_json::from_value(serde_json::json!({
        "id": "C1", "class": "promised", "accepted_at": "2026-10-12T09:00:00+08:00", "days": 5,
        "handler": "张三", "window": "W01", "completed_at": "2026-10-13T10:00:00+08:00",
        "joint": false,
        "events": [{ "kind": "step", "at": "2026-10-12T09:00:00+08:00", "step": "accept" }]
    }))
    .unwrap();
    let cases = [case];
    let subject = TextColumn::new(&["张三"], &[0]);
    let at = InstantColumn::Days(&[20738]);
    let rule = TextColumn::new(&["S14.biz.1.2a"], &[0]);
    let window = TextColumn::new(&["W01"], &[0]);
    let total = |columns: &IncidentColumns<'_>| {
        let req = AssessRequest::new("2026-10".parse().unwrap())
            .incident_columns(columns)
            .cases(s2, &cases);
        let out = s14.assess(&req).unwrap();
        assert!(out.errors.is_empty(), "{:?}", out.errors);
        out.card("张三").unwrap().total
    };
    let given = IncidentColumns::new(subject, at, rule)
        .window(window)
        .case(TextColumn::new(&["C1"], &[0]));
    assert_eq!(total(&given), 88);
    let other_case = IncidentColumns::new(subject, at, rule)
        .window(window)
        .case(TextColumn::new(&["C2"], &[0]));
    assert_eq!(total(&other_case), 86);
    assert_eq!(
        total(&IncidentColumns::new(subject, at, rule).window(window)),
        86
    );
    // A row the host could not read gives nothing, and only itself: with a second row (张三's
    // 迟到 on the same day) unreadable, row 1 still gives C1's finding, charged once: 88, and
    // row 2 is the one error. (Mutant: the unreadable test `*r == i` → `!=`, which took every
    // row but the unreadable one for unreadable.)
    let bad = [(
        1,
        zhidu::Error::Input {
            message: "`quantity` is not a whole number: `1.5`".into(),
            hint: None,
        },
    )];
    let two = IncidentColumns::new(
        TextColumn::new(&["张三"], &[0, 0]),
        InstantColumn::Days(&[20738, 20738]),
        TextColumn::new(&["S14.biz.1.2a", "S14.att.1a"], &[0, 1]),
    )
    .window(TextColumn::new(&["W01"], &[0, 0]))
    .case(TextColumn::new(&["C1"], &[0, TextColumn::MISSING]))
    .unreadable(&bad);
    let out = s14
        .assess(
            &AssessRequest::new("2026-10".parse().unwrap())
                .incident_columns(&two)
                .cases(s2, &cases),
        )
        .unwrap();
    let errors: Vec<(&str, usize)> = out.errors.iter().map(|e| (e.input, e.row)).collect();
    assert_eq!(errors, [("incident", 2)]);
    assert_eq!(out.card("张三").unwrap().total, 88);
}

/// `is_empty` of each column type and of the columns: true with no rows, false with one
/// (the API's answer; `len` is pinned by the scoring tests above).
#[test]
fn columns_know_when_they_are_empty() {
    assert!(TextColumn::new(&["张三"], &[]).is_empty());
    assert!(!TextColumn::new(&["张三"], &[0]).is_empty());
    assert!(InstantColumn::Days(&[]).is_empty());
    assert!(!InstantColumn::Days(&[20738]).is_empty());
    assert!(InstantColumn::Instants(&[], zhidu::InstantUnit::Second).is_empty());
    assert!(!InstantColumn::Instants(&[0], zhidu::InstantUnit::Second).is_empty());
    let none = IncidentColumns::new(
        TextColumn::new(&[], &[]),
        InstantColumn::Days(&[]),
        TextColumn::new(&[], &[]),
    );
    assert!(none.is_empty());
    let one = IncidentColumns::new(
        TextColumn::new(&["张三"], &[0]),
        InstantColumn::Days(&[20738]),
        TextColumn::new(&["S2.assess.qin.1"], &[0]),
    );
    assert!(!one.is_empty());
}

/// A row's `points` against its rule's magnitudes, with the allowed values in the message
/// (regulation values): S14.att.6 扣10—20分 (seed L913) refuses 25; S14.att.1a is fixed at
/// 1 point (迟到, L903) and takes none; S4.req.4 (imported by S14) is an effect only;
/// S2.assess.bonus.2's levels are 5, 10, 15 and 30 (区/市/省/国家) and are required (A6
/// deviation); S2.assess.bonus.4 is entered by hand, 1 to 5 (A7).
#[test]
fn points_outside_the_magnitudes_name_the_allowed_values() {
    let ps = PolicySet::builtin().unwrap();
    let row = |rule: &str, points: Option<i64>| {
        let mut i =
            zhidu::Incident::new("张三", rule, "2026-10-12".parse::<zhidu::Start>().unwrap());
        i.window = Some("W01".into());
        i.points = points;
        i.note = Some("理由见记录".into());
        i
    };
    let message = |policy: &str, incident: zhidu::Incident| {
        let incidents = [incident];
        let out = ps
            .policy(policy)
            .unwrap()
            .assess(&AssessRequest::new("2026-10".parse().unwrap()).incidents(&incidents))
            .unwrap();
        assert_eq!(out.errors.len(), 1, "{:?}", out.errors);
        out.errors[0].error.to_string()
    };
    let s14 = "s14-window-scorecard";
    let s2 = "s2-service-center";
    assert_eq!(
        message(s14, row("S14.att.6", Some(25))),
        "points `25` are outside the allowed values 10–20 of rule `S14.att.6`"
    );
    assert_eq!(
        message(s14, row("S14.att.1a", Some(2))),
        "rule `S14.att.1a` has fixed at 1; `points` (2) is only for discretionary rules"
    );
    assert_eq!(
        message(s14, row("S4.req.4", Some(1))),
        "rule `S4.req.4` has no points; `points` (1) is only for discretionary rules"
    );
    assert_eq!(
        message(s2, row("S2.assess.bonus.2", Some(20))),
        "points `20` are outside the allowed values 5, 10, 15, 30 of rule `S2.assess.bonus.2`"
    );
    assert_eq!(
        message(s2, row("S2.assess.bonus.2", None)),
        "rule `S2.assess.bonus.2` needs `points`: the level, one of 5, 10, 15, 30"
    );
    assert_eq!(
        message(s2, row("S2.assess.bonus.4", None)),
        "rule `S2.assess.bonus.4` needs `points`: a value entered by hand (1–5)"
    );
}

/// `Assessment::card` finds a person's card by name, never a window's: S14.svc.4 is the
/// window's (README: svc.4 … are the window's), so W01 has a window card and no person card,
/// and 李四's card is found though 张三's comes first. A card's kind reads `person` or
/// `window`, as its JSON has it.
#[test]
fn card_finds_a_person_by_name_and_kinds_read_as_in_json() {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s14-window-scorecard").unwrap();
    let row = |subject: &str, rule: &str| {
        let mut i =
            zhidu::Incident::new(subject, rule, "2026-10-12".parse::<zhidu::Start>().unwrap());
        i.window = Some("W01".into());
        i
    };
    let incidents = [
        row("张三", "S14.att.1a"),
        row("李四", "S14.att.2"),
        row("W01", "S14.svc.4"),
    ];
    let out = p
        .assess(&AssessRequest::new("2026-10".parse().unwrap()).incidents(&incidents))
        .unwrap();
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    assert_eq!(out.card("李四").unwrap().subject, "李四");
    assert_eq!(out.card("张三").unwrap().subject, "张三");
    assert!(out.card("W01").is_none());
    assert!(out.card("王五").is_none());
    assert_eq!(zhidu::SubjectKind::Person.to_string(), "person");
    assert_eq!(zhidu::SubjectKind::Window.to_string(), "window");
    let kinds: Vec<String> = out.scorecards.iter().map(|c| c.kind.to_string()).collect();
    assert!(kinds.contains(&"window".to_owned()) && kinds.contains(&"person".to_owned()));
}

/// A line names the defaults it used (README: a line carries "the defaults it used"): a
/// discretionary rule's line without `points` takes the smallest magnitude by A6, so it names
/// A6 once, whether or not the rule's own defaults already list it (S2.assess.bonus.3 lists
/// A6 for its range 1–5); a line whose points were chosen names only the rule's defaults.
#[test]
fn a_defaulted_line_names_a6_once() {
    let ps = PolicySet::builtin().unwrap();
    let s2 = ps.policy("s2-service-center").unwrap();
    let mut plain = zhidu::Incident::new(
        "张三",
        "S2.assess.bonus.3",
        "2026-10-12".parse::<zhidu::Start>().unwrap(),
    );
    plain.window = Some("W01".into());
    let incidents = [plain];
    let out = s2
        .assess(&AssessRequest::new("2026-10".parse().unwrap()).incidents(&incidents))
        .unwrap();
    let line = &out.card("张三").unwrap().lines[0];
    assert_eq!((line.points, &*line.defaults), (1, &["A6".to_owned()][..]));

    let own = load(
        "range-no-defaults",
        "[assessment]\nperiod = \"month\"\n\n[[category]]\nid = \"x\"\nname = \"X\"\nmaximum = 10\n\
         source = { clause = \"T.x\", quote = \"10分\" }\n\n[[rule]]\ncode = \"T.r\"\ncategory = \"x\"\n\
         kind = \"deduction\"\nunit = \"occurrence\"\nrange = [2, 4]\n\
         source = { clause = \"T.r\", quote = \"视情扣2-4分\" }\n",
    );
    let p = own.policy("range-no-defaults").unwrap();
    let mut defaulted =
        zhidu::Incident::new("甲", "T.r", "2026-10-12".parse::<zhidu::Start>().unwrap());
    defaulted.window = Some("W1".into());
    let mut chosen = defaulted.clone();
    chosen.points = Some(3);
    chosen.note = Some("理由".into());
    let incidents = [defaulted, chosen];
    let out = p
        .assess(&AssessRequest::new("2026-10".parse().unwrap()).incidents(&incidents))
        .unwrap();
    let lines = &out.card("甲").unwrap().lines;
    let got: Vec<(i64, Vec<String>)> = lines
        .iter()
        .map(|l| (l.points, l.defaults.to_vec()))
        .collect();
    assert_eq!(got, [(-2, vec!["A6".to_owned()]), (-3, vec![])]);
}

/// A person's card shows the window most of their rows name (README, where the documents are
/// silent, s-g: "the one most of the person's rows name … the smallest on a tie"), counted per window however many windows
/// the rows name: 张三's S14.att.1a (迟到, −1 each) at W01 once, then at W02 twice, as columns →
/// W02 (2 against 1), 90 − 3 = 87. (Mutant: the look-up of a second window's count,
/// `*id == w` → `!=`, which split W02's two rows into two counts of 1 and let W01 win the tie
/// by name.)
#[test]
fn a_persons_window_is_the_one_most_rows_name() {
    let ps = s14();
    let p = ps.policy("s14-window-scorecard").unwrap();
    let columns = IncidentColumns::new(
        TextColumn::new(&["张三"], &[0, 0, 0]),
        InstantColumn::Days(&[20738, 20739, 20740]),
        TextColumn::new(&["S14.att.1a"], &[0, 0, 0]),
    )
    .window(TextColumn::new(&["W01", "W02"], &[0, 1, 1]));
    let out = p
        .assess(&AssessRequest::new("2026-10".parse().unwrap()).incident_columns(&columns))
        .unwrap();
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    let zhang = out.card("张三").unwrap();
    assert_eq!((zhang.total, zhang.window.as_deref()), (87, Some("W02")));
}

/// The rows after a rule code's first one that give nothing of their own (no quantity,
/// points or basis) take the code's answer, made once (issue #16); every other row is scored
/// in full, and the answer still depends on what the row gives. Hand-computed from the S14
/// table: S14.att.3 (未佩证上岗…, 每人次扣1分,10元) is charged to the person and the window
/// (A19: the window loses the point, the 10 yuan are the person's). October 2026, lines off:
///
/// 1. 张三 at W01 on 10-12: −1 point, 10 yuan (the code's first row);
/// 2. 张三 at W01 on 10-13: the same, from the code's answer;
/// 3. 李四 at W01 on 09-30: outside the period, counted and not scored (no card);
/// 4. 王五 at no window on 10-14: refused, the rule needs a window;
/// 5. 张三 at W01 on 10-15, quantity 2: −2 points, 20 yuan;
/// 6. 李四 at W01 on 11-01: after the period, counted and not scored.
///
/// 张三: 服务纪律 (att) raw deductions 1 + 1 + 2 = 4, fines 10 + 10 + 20 = 40 yuan; W01's own
/// card: raw deductions 4, no money.
#[test]
fn the_codes_answer_is_taken_only_by_rows_that_fit_it() {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s14-window-scorecard").unwrap();
    let people = ["张三", "李四", "王五"];
    let windows = ["W01"];
    let columns = zhidu::IncidentColumns::new(
        zhidu::TextColumn::new(&people, &[0, 0, 1, 2, 0, 1]),
        // 2026-10-12, 10-13, 09-30, 10-14, 10-15, 11-01
        zhidu::InstantColumn::Days(&[20738, 20739, 20726, 20740, 20741, 20758]),
        zhidu::TextColumn::new(&["S14.att.3"], &[0; 6]),
    )
    .window(zhidu::TextColumn::new(
        &windows,
        &[0, 0, 0, zhidu::TextColumn::MISSING, 0, 0],
    ))
    .quantity(&[None, None, None, None, Some(2), None]);
    let out = october_columns(p, &columns, false);
    let att = |card: &zhidu::Scorecard| {
        card.categories
            .iter()
            .find(|c| c.id == "att")
            .map(|c| c.raw_deductions)
    };
    let zhang = out.card("张三").unwrap();
    assert_eq!(att(zhang), Some(4));
    assert_eq!(zhang.fines, rust_decimal::Decimal::from(40));
    let w01 = out
        .scorecards
        .iter()
        .find(|c| c.kind == zhidu::SubjectKind::Window && c.subject == "W01")
        .unwrap();
    assert_eq!(att(w01), Some(4));
    assert_eq!(w01.fines, rust_decimal::Decimal::ZERO);
    assert!(out.card("李四").is_none());
    assert_eq!(out.outside_rows, [3, 6]);
    let errors: Vec<(usize, String)> = out
        .errors
        .iter()
        .map(|e| (e.row, e.error.to_string()))
        .collect();
    assert_eq!(
        errors,
        [(
            4,
            "rule `S14.att.3` is charged to the window; the incident names none".to_owned()
        )]
    );
    assert!(out.card("王五").is_none());
}

/// An effect reaches the card from the code's answer too, at the row's own instant: S2's
/// 情节严重的退回原单位 (S2.assess.lian.2, effect only, no points) recorded twice for 张三, the
/// later day first. The card keeps both hits, in time order (10-12, then 10-20, each at 00:00
/// in Beijing), and the total stays 100.
#[test]
fn an_effect_from_the_codes_answer_keeps_each_rows_instant() {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let columns = zhidu::IncidentColumns::new(
        zhidu::TextColumn::new(&["张三"], &[0, 0]),
        // 2026-10-20, 2026-10-12
        zhidu::InstantColumn::Days(&[20746, 20738]),
        zhidu::TextColumn::new(&["S2.assess.lian.2"], &[0, 0]),
    )
    .window(zhidu::TextColumn::new(&["W01"], &[0, 0]));
    let out = october_columns(p, &columns, false);
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    let card = out.card("张三").unwrap();
    assert_eq!(card.total, 100);
    let hits: Vec<(String, String, String)> = card
        .effects
        .iter()
        .map(|e| (e.name.to_string(), e.rule.to_string(), e.at.to_rfc3339()))
        .collect();
    assert_eq!(
        hits,
        [
            (
                "退回原单位".to_owned(),
                "S2.assess.lian.2".to_owned(),
                "2026-10-12T00:00:00+08:00".to_owned()
            ),
            (
                "退回原单位".to_owned(),
                "S2.assess.lian.2".to_owned(),
                "2026-10-20T00:00:00+08:00".to_owned()
            ),
        ]
    );
}

/// With lines asked for, no row takes the code's answer (a line names its row): S14.att.3
/// twice for 张三 at W01 gives two lines, rows 1 and 2, each −1 point and 10 yuan.
#[test]
fn with_lines_each_row_of_a_code_has_its_own_line() {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s14-window-scorecard").unwrap();
    let columns = zhidu::IncidentColumns::new(
        zhidu::TextColumn::new(&["张三"], &[0, 0]),
        zhidu::InstantColumn::Days(&[20738, 20739]),
        zhidu::TextColumn::new(&["S14.att.3"], &[0, 0]),
    )
    .window(zhidu::TextColumn::new(&["W01"], &[0, 0]));
    let out = october_columns(p, &columns, true);
    let card = out.card("张三").unwrap();
    let lines: Vec<(String, i64, String)> = card
        .lines
        .iter()
        .map(|l| {
            let row = match &l.source {
                zhidu::LineSource::Incident { row } => format!("row {row}"),
                other => format!("{other:?}"),
            };
            (row, l.points, l.fine.to_string())
        })
        .collect();
    assert_eq!(
        lines,
        [
            ("row 1".to_owned(), -1, "10".to_owned()),
            ("row 2".to_owned(), -1, "10".to_owned()),
        ]
    );
}

/// A bonus of a family (A33: one deed counts once, at its highest level) never takes its
/// code's answer: S2.assess.bonus.1a (+3) twice for 郑一 with the same `ref` counts once,
/// 100 + 3 = 103.
#[test]
fn a_bonus_of_a_family_is_compared_not_answered_once() {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let columns = zhidu::IncidentColumns::new(
        zhidu::TextColumn::new(&["郑一"], &[0, 0]),
        zhidu::InstantColumn::Days(&[20738, 20739]),
        zhidu::TextColumn::new(&["S2.assess.bonus.1a"], &[0, 0]),
    )
    .window(zhidu::TextColumn::new(&["W01"], &[0, 0]))
    .reference(zhidu::TextColumn::new(&["R1"], &[0, 0]));
    let out = october_columns(p, &columns, false);
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    assert_eq!(out.card("郑一").unwrap().total, 103);
}

/// A rule with two versions in the period is priced per row, never by one answer for its
/// code: T.1 is 1 point until 2026-10-15 and 2 points from 10-16; 甲's rows on 10-12, 10-20
/// and 10-21 cost 1 + 2 + 2 = 5 of the 20 points, so 15.
#[test]
fn a_rule_whose_version_changes_in_the_period_is_priced_per_row() {
    let text = r#"
[policy]
id = "dated"
name = "dated rule versions"
version = "1"
effective_from = 2024-01-01
calendar = "cn-mainland"
source = "test"

[assessment]
period = "month"

[[category]]
id = "x"
name = "X"
maximum = 20
source = { clause = "T", quote = "20分" }

[[rule]]
code = "T.1"
category = "x"
kind = "deduction"
unit = "occurrence"
source = { clause = "T.1", quote = "每次扣分" }

[[rule.versions]]
from = 2024-01-01
until = 2026-10-15
points = 1

[[rule.versions]]
from = 2026-10-16
points = 2
"#;
    let ps = PolicySet::from_sources(&[("dated.toml", text)]).unwrap();
    let p = ps.policy("dated").unwrap();
    let columns = zhidu::IncidentColumns::new(
        zhidu::TextColumn::new(&["甲"], &[0, 0, 0]),
        // 2026-10-12, 10-20, 10-21
        zhidu::InstantColumn::Days(&[20738, 20746, 20747]),
        zhidu::TextColumn::new(&["T.1"], &[0, 0, 0]),
    )
    .window(zhidu::TextColumn::new(&["W1"], &[0, 0, 0]));
    let out = october_columns(p, &columns, false);
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    assert_eq!(out.card("甲").unwrap().total, 15);
}

/// `p`'s October 2026 assessment of `columns`, with or without lines.
fn october_columns(
    p: &zhidu::Policy,
    columns: &zhidu::IncidentColumns<'_>,
    lines: bool,
) -> zhidu::Assessment {
    p.assess(
        &AssessRequest::new("2026-10".parse().unwrap())
            .incident_columns(columns)
            .lines(lines),
    )
    .unwrap()
}
