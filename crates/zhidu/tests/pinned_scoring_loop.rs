//! Answers of the scoring loop (`crates/zhidu/src/assess/mod.rs`) that the conformance corpus
//! cannot check (its scenarios compare card fields, not line order, line defaults or the API's
//! row numbers), each pinned for a mutant that cargo-mutants found surviving
//! (tests/MUTANTS.md, `assess/mod.rs` shard 0/2, lists which; `Assessment::card` is pinned by
//! `pinned_assess::card_finds_a_person_by_name_and_kinds_read_as_in_json`).
//! Expected values come from the README and the regulations, never from the engine.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test with a broken fixture should fail loudly"
)]

use zhidu::{AssessRequest, Error, Incident, LineSource, PolicySet, Start};

fn at(s: &str) -> Start {
    s.parse().unwrap()
}

fn incident(subject: &str, window: &str, rule: &str, when: &str) -> Incident {
    let mut i = Incident::new(subject, rule, at(when));
    i.window = Some(window.to_owned());
    i
}

/// A card's lines are in time order (`Scorecard::lines`) and, at one instant, in input order:
/// every incident row, then the case log's lines (`cards.rs`: "lines by time, then by input
/// order"; the case log is read after the incidents). S2.assess.ji.2 (每件扣10分, a piece of
/// the month of its due day): C1, accepted Mon 10-12 09:00, 5 working days → due Mon 10-19
/// at 24:00, completed Fri 10-23 → one October piece, its line on 10-19 at 23:59:59 (on its
/// due day). Three incident rows at that same instant (S2.assess.qin.1, 上班迟到 −2 each): the
/// lines are row 1, row 2, row 3, then C1; 孙八 100 − 6 − 10 = 84. (Three, not two: the case
/// lines' order key starts after the last incident row, and with two rows a count of rows off
/// by one still sorted the same; mutant `Rows::len` → 1.)
#[test]
fn lines_at_one_instant_are_incidents_then_cases() {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let instant = "2026-10-19T23:59:59+08:00";
    let incidents = [
        incident("孙八", "W03", "S2.assess.qin.1", instant),
        incident("孙八", "W03", "S2.assess.qin.1", instant),
        incident("孙八", "W03", "S2.assess.qin.1", instant),
    ];
    let case: zhidu::Case = serde_json::from_str(
        r#"{"id":"C1","class":"promised","accepted_at":"2026-10-12T09:00:00+08:00","days":5,
            "handler":"孙八","window":"W03","completed_at":"2026-10-23T10:00:00+08:00","joint":false}"#,
    )
    .unwrap();
    let cases = [case];
    let out = p
        .assess(
            &AssessRequest::new("2026-10".parse().unwrap())
                .incidents(&incidents)
                .cases(p, &cases),
        )
        .unwrap();
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    let card = out.card("孙八").unwrap();
    assert_eq!(card.total, 84);
    let sources: Vec<String> = card
        .lines
        .iter()
        .map(|l| {
            assert_eq!(l.at.to_rfc3339(), instant);
            match &l.source {
                LineSource::Incident { row } => format!("row {row}"),
                LineSource::Case { id, .. } => format!("case {id}"),
            }
        })
        .collect();
    assert_eq!(sources, ["row 1", "row 2", "row 3", "case C1"]);
}

/// A bonus superseded by a higher one of its family for the same deed stays as a line of 0
/// points marked superseded, and names the default it used, A33, once (README: a line keeps
/// the defaults it used; A33: one deed counts once, at its highest level), whether or not its
/// rule's own defaults list A33 already. S2: 郑一's bonus.1a (+3) and bonus.1b (+5) with `ref`
/// D1 → +5; bonus.2 at levels 10 and 30 for title T1 → +30: 100 + 35 = 135, two lines
/// superseded (1a and the level 10).
#[test]
fn a_superseded_bonus_line_names_a33_once() {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let with_ref = |rule: &str, day: &str, points: Option<i64>, reference: &str| {
        let mut i = incident("郑一", "W05", rule, day);
        i.points = points;
        i.reference = Some(reference.to_owned());
        i
    };
    let incidents = [
        with_ref("S2.assess.bonus.1a", "2026-10-09", None, "D1"),
        with_ref("S2.assess.bonus.1b", "2026-10-12", None, "D1"),
        with_ref("S2.assess.bonus.2", "2026-10-14", Some(10), "T1"),
        with_ref("S2.assess.bonus.2", "2026-10-15", Some(30), "T1"),
    ];
    let out = p
        .assess(&AssessRequest::new("2026-10".parse().unwrap()).incidents(&incidents))
        .unwrap();
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    let card = out.card("郑一").unwrap();
    assert_eq!((card.total, card.bonus), (135, 35));
    let superseded: Vec<(&str, i64, i64, usize)> = card
        .lines
        .iter()
        .filter(|l| l.superseded)
        .map(|l| {
            let a33 = l.defaults.iter().filter(|d| *d == "A33").count();
            (&*l.rule, l.points_each, l.points, a33)
        })
        .collect();
    assert_eq!(
        superseded,
        [
            ("S2.assess.bonus.1a", 3, 0, 1),
            ("S2.assess.bonus.2", 10, 0, 1)
        ]
    );
}

/// A roster entry a host could not read is a `roster` row error with its 1-based row, and
/// every other entry still gets its card (README: batches return every good row plus one
/// error per bad row): the second of two entries is row 2; 王五 scores S2's full 100.
#[test]
fn roster_row_errors_count_from_one() {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let roster: Vec<zhidu::rows::RosterRow> = vec![
        Ok(("王五".to_owned(), "W02".to_owned())),
        Err(Error::Input {
            message: "`window` is missing".into(),
            hint: None,
        }),
    ];
    let out = p
        .assess(&AssessRequest::new("2026-10".parse().unwrap()).roster_rows(&roster))
        .unwrap();
    let errors: Vec<(&str, usize)> = out.errors.iter().map(|e| (e.input, e.row)).collect();
    assert_eq!(errors, [("roster", 2)]);
    assert_eq!(out.card("王五").unwrap().total, 100);
}

/// The case log's lines at one instant are in case-row order, a flow finding of an earlier
/// row before an overdue line of a later one, though the overdue pass is scored first (the
/// same tie-break as `lines_at_one_instant_are_incidents_then_cases`, here without incident
/// rows). S14 with S2's cases (README, the item flow): C1, accepted Mon 10-19, due 10-26, is
/// completed on time on Fri 10-23 at 10:00 with 发放审批结果 never logged, so its breach shows
/// at the completion: one finding, S14.biz.1.2a −2; C2, accepted Mon 10-12 09:00 with 5
/// working days, is due Mon 10-19 and completed at that same instant, 10-20 … 10-23 = 4
/// working days over: S14.biz.1.6 (每件每超过1天扣2分) −8, its line at the completion.
/// 办件管理 15 − 10 = 5; 张三 90 − 10 = 80; lines C1 then C2.
#[test]
fn case_lines_at_one_instant_are_in_case_row_order() {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s14-window-scorecard").unwrap();
    let s2 = ps.policy("s2-service-center").unwrap();
    let done = "2026-10-23T10:00:00+08:00";
    let cases: Vec<zhidu::Case> = [
        format!(
            r#"{{"id":"C1","class":"promised","accepted_at":"2026-10-19T09:00:00+08:00","days":5,
            "handler":"张三","window":"W01","completed_at":"{done}","joint":false,
            "events":[{{"kind":"step","at":"2026-10-19T08:50:00+08:00","step":"notice"}},
                {{"kind":"step","at":"2026-10-19T09:00:00+08:00","step":"accept"}},
                {{"kind":"step","at":"2026-10-19T09:10:00+08:00","step":"receipt"}},
                {{"kind":"step","at":"2026-10-23T09:00:00+08:00","step":"notify"}}]}}"#
        ),
        format!(
            r#"{{"id":"C2","class":"promised","accepted_at":"2026-10-12T09:00:00+08:00","days":5,
            "handler":"张三","window":"W01","completed_at":"{done}","joint":false}}"#
        ),
    ]
    .iter()
    .map(|c| serde_json::from_str(c).unwrap())
    .collect();
    let out = p
        .assess(&AssessRequest::new("2026-10".parse().unwrap()).cases(s2, &cases))
        .unwrap();
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    let card = out.card("张三").unwrap();
    assert_eq!(card.total, 80);
    let lines: Vec<(String, &str, String)> = card
        .lines
        .iter()
        .map(|l| {
            let case = match &l.source {
                LineSource::Case { id, .. } => id.clone(),
                LineSource::Incident { row } => format!("row {row}"),
            };
            (case, &*l.rule, l.at.to_rfc3339())
        })
        .collect();
    assert_eq!(
        lines,
        [
            ("C1".to_owned(), "S14.biz.1.2a", done.to_owned()),
            ("C2".to_owned(), "S14.biz.1.6", done.to_owned()),
        ]
    );
}

/// A period the policy comes into force during is not "in force throughout": a row dated
/// before `effective_from` is refused with `not_in_force` (README, the error codes: "a date
/// before `effective_from`"), a row after it is scored. A table in force from Fri 2024-03-15,
/// period 2024-03: row 1 on 03-10 is refused; row 2 on 03-20 costs T.1's 1 point, 10 − 1 = 9.
/// (Mutant `in_force`: `&&` → `||`, which took the in-force shortcut when only the period's
/// last day was in force.)
#[test]
fn a_row_before_effective_from_inside_the_period_is_refused() {
    let text = "[policy]\nid = \"mid-march\"\nname = \"mid-march\"\nversion = \"1\"\n\
                effective_from = 2024-03-15\ncalendar = \"cn-mainland\"\nsource = \"test\"\n\n\
                [assessment]\nperiod = \"month\"\n\n\
                [[category]]\nid = \"x\"\nname = \"X\"\nmaximum = 10\n\
                source = { clause = \"T.x\", quote = \"10分\" }\n\n\
                [[rule]]\ncode = \"T.1\"\ncategory = \"x\"\nkind = \"deduction\"\n\
                unit = \"occurrence\"\npoints = 1\n\
                source = { clause = \"T.1\", quote = \"每次扣1分\" }\n";
    let ps = PolicySet::from_sources(&[("mid-march.toml".to_owned(), text.to_owned())]).unwrap();
    let p = ps.policy("mid-march").unwrap();
    let incidents = [
        Incident::new("赵六", "T.1", at("2024-03-10")),
        Incident::new("赵六", "T.1", at("2024-03-20")),
    ];
    let out = p
        .assess(&AssessRequest::new("2024-03".parse().unwrap()).incidents(&incidents))
        .unwrap();
    let errors: Vec<(&str, usize, &Error)> = out
        .errors
        .iter()
        .map(|e| (e.input, e.row, &e.error))
        .collect();
    assert_eq!(
        errors,
        [(
            "incident",
            1,
            &Error::NotInForce {
                policy: "mid-march".to_owned(),
                date: "2024-03-10".to_owned(),
            }
        )]
    );
    assert_eq!(out.card("赵六").unwrap().total, 9);
}

/// Only a line priced through its row's `basis` names that basis (A30, S2.kq.5: "将扣除窗口的
/// 考核分", the amount of the S2.assess deduction the row names): W01's S2.kq.5 line with basis
/// S2.assess.lian.1 says `basis = S2.assess.lian.1` and takes its 10 points (廉 20 − 10,
/// W01 100 − 10 = 90); 王五's own 上班迟到 (S2.assess.qin.1, −2, 98) is priced by itself and names
/// no basis. (Mutant `with_basis`: `&&` → `||`, which marked every line as priced by a basis.)
#[test]
fn only_a_basis_priced_line_names_its_basis() {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let mut kq5 = incident("王五", "W01", "S2.kq.5", "2026-10-12");
    kq5.basis = Some("S2.assess.lian.1".to_owned());
    let incidents = [
        kq5,
        incident("王五", "W01", "S2.assess.qin.1", "2026-10-13"),
    ];
    let out = p
        .assess(&AssessRequest::new("2026-10".parse().unwrap()).incidents(&incidents))
        .unwrap();
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    let window = out
        .scorecards
        .iter()
        .find(|c| c.subject == "W01" && c.kind == zhidu::SubjectKind::Window)
        .unwrap();
    assert_eq!(window.total, 90);
    let window_lines: Vec<(&str, Option<&str>, i64)> = window
        .lines
        .iter()
        .map(|l| (&*l.rule, l.basis.as_deref(), l.points))
        .collect();
    assert_eq!(window_lines, [("S2.kq.5", Some("S2.assess.lian.1"), -10)]);
    let person = out.card("王五").unwrap();
    assert_eq!(person.total, 98);
    let person_lines: Vec<(&str, Option<&str>, i64)> = person
        .lines
        .iter()
        .map(|l| (&*l.rule, l.basis.as_deref(), l.points))
        .collect();
    assert_eq!(person_lines, [("S2.assess.qin.1", None, -2)]);
}
