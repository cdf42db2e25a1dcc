//! Answers of the core that the conformance corpus does not reach, each pinned for a mutant
//! that cargo-mutants found surviving, or that reading the code showed would survive
//! (tests/MUTANTS.md lists which).
//! Expected values come from the policy files and the regulations, never from the engine.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test with a broken fixture should fail loudly"
)]

use zhidu::PolicySet;

/// S2's deadline classes, in file order (`policies/s2-service-center.toml`): S2.xs.1
/// on-the-spot, S2.xs.2 promised, S2.xs.3 reported up, S2.ts.6a–c complaints, S2.ts.5
/// forwarded complaints.
#[test]
fn s2_lists_its_deadline_classes_in_file_order() {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let ids: Vec<&str> = p.classes().map(|c| c.id()).collect();
    assert_eq!(
        ids,
        [
            "on_the_spot",
            "promised",
            "reported_up",
            "complaint_on_spot",
            "complaint_next_day",
            "complaint_complex",
            "forwarded_complaint",
        ]
    );
}

/// S2's suspension reasons: 补正 restarts the clock; 听证, 检验检测, 专家评审 (行政许可法
/// art. 45, external) and 上报待批 pause it.
#[test]
fn s2_lists_its_suspension_reasons_in_file_order() {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let ids: Vec<&str> = p.suspensions().map(|s| s.id()).collect();
    assert_eq!(
        ids,
        [
            "correction",
            "hearing",
            "testing",
            "expert_review",
            "awaiting_superior"
        ]
    );
}

fn at(s: &str) -> zhidu::Start {
    s.parse().unwrap()
}

/// The CSV case log's event list as the README's Case logs section writes it: `kind instant
/// [reason|days]` separated by `;`, an extension ending with its logged notice (S2.ts.6d).
#[test]
fn case_log_event_list_reads_every_kind() {
    use zhidu::CaseEvent;
    let events = CaseEvent::parse_list(
        "start 2026-10-12T09:05+08:00; suspend 2026-10-13T11:00+08:00 expert_review; \
         resume 2026-10-20T09:00+08:00;; extend 2026-10-14T09:00 7 已告知 投诉人;",
    )
    .unwrap();
    assert_eq!(events.len(), 4);
    assert!(matches!(&events[0], CaseEvent::Start { at: a } if *a == at("2026-10-12T09:05+08:00")));
    assert!(matches!(
        &events[1],
        CaseEvent::Suspend { at: a, reason } if *a == at("2026-10-13T11:00+08:00") && reason == "expert_review"
    ));
    assert!(
        matches!(&events[2], CaseEvent::Resume { at: a } if *a == at("2026-10-20T09:00+08:00"))
    );
    assert!(matches!(
        &events[3],
        CaseEvent::Extend { at: a, days: 7, approved_by: None, reason: Some(why) }
            if *a == at("2026-10-14T09:00") && why == "已告知 投诉人"
    ));
}

/// Only an extension may carry more than `kind instant arg`; any other event with more
/// fields is not of the form, whatever its instant says.
#[test]
fn case_log_event_with_extra_fields_is_not_of_the_form() {
    use zhidu::CaseEvent;
    for text in [
        "suspend soon hearing twice",
        "resume 2026-10-20 now",
        "pause 2026-10-09",
    ] {
        let e = CaseEvent::parse_list(text).unwrap_err();
        assert!(
            e.to_string()
                .contains("is not `kind instant [reason|days]`"),
            "{text}: {e}"
        );
    }
}

/// A blank `completed_at` in a JSON case log is an open case (README, input rows: default
/// open), as a missing or null one is, not an instant that fails to parse.
#[test]
fn case_log_blank_completion_is_open() {
    for completed in [r#""""#, r#""  ""#, "null"] {
        let json = format!(
            r#"{{"id":"C1","class":"promised","accepted_at":"2026-03-10T09:30:00+08:00","days":5,"completed_at":{completed}}}"#
        );
        let case: zhidu::Case = serde_json::from_str(&json).unwrap();
        assert_eq!(case.completed_at, None, "{completed}");
    }
}

/// The README's statuses: `done_on_time` and `done_late` are the completed cases; every
/// status but `not_yet_accepted` is a case known at the as-of instant.
#[test]
fn statuses_done_and_known() {
    use zhidu::Status;
    let all = [
        Status::NotYetAccepted,
        Status::NotStarted,
        Status::OnTrack,
        Status::Yellow,
        Status::Red,
        Status::Suspended,
        Status::DoneOnTime,
        Status::DoneLate,
    ];
    let done: Vec<String> = all
        .iter()
        .filter(|s| s.is_done())
        .map(ToString::to_string)
        .collect();
    assert_eq!(done, ["done_on_time", "done_late"]);
    let unknown: Vec<String> = all
        .iter()
        .filter(|s| !s.is_known())
        .map(ToString::to_string)
        .collect();
    assert_eq!(unknown, ["not_yet_accepted"]);
}

/// A case's clauses: its class's (S2.xs.2 with S2.cn.3 and S2.gen.10, as the policy file
/// cites them) and, once however often it is used, the source of each suspension reason
/// (听证: 行政许可法 art. 45, external).
#[test]
fn case_status_cites_each_suspension_source_once() {
    use zhidu::{Case, CaseEvent, Start};
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let mut case = Case::new("C1", "promised", at("2026-03-10T09:30:00+08:00"), Some(5));
    case.events = CaseEvent::parse_list(
        "suspend 2026-03-11T10:00+08:00 hearing; resume 2026-03-12T10:00+08:00; \
         suspend 2026-03-16T10:00+08:00 hearing; resume 2026-03-17T10:00+08:00",
    )
    .unwrap();
    let as_of = Start::parse_instant("2026-03-18T09:00:00+08:00", p.calendar().offset()).unwrap();
    let st = p.case_status(&case, as_of).unwrap();
    let clauses: Vec<String> = st.clauses.iter().map(ToString::to_string).collect();
    assert_eq!(
        clauses,
        ["S2.xs.2", "S2.cn.3", "S2.gen.10", "行政许可法.45"]
    );
}

/// A batch of cases gives one answer per case, in order, a bad case an error in its place
/// (the team rule for batches). The good ones are S2.xs.2 承诺件 of 5 working days accepted
/// Tue 03-10: due 03-17, and as of 03-16 09:00 two days (03-16, 03-17) are left.
#[test]
fn case_statuses_answer_every_case_in_order() {
    use zhidu::{Case, Start, Status};
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let accepted = at("2026-03-10T09:30:00+08:00");
    let cases = [
        Case::new("a", "promised", accepted, Some(5)),
        Case::new("bad", "promsied", accepted, Some(5)),
        Case::new("b", "promised", accepted, Some(5)),
    ];
    let as_of = Start::parse_instant("2026-03-16T09:00:00+08:00", p.calendar().offset()).unwrap();
    let out = p.case_statuses(&cases, as_of);
    assert_eq!(out.len(), 3);
    for (i, id) in [(0, "a"), (2, "b")] {
        let st = out[i].as_ref().unwrap();
        assert_eq!(st.id, id);
        assert_eq!((st.status, st.remaining), (Status::Yellow, Some(2)));
        assert_eq!(st.due_date.unwrap().to_string(), "2026-03-17");
    }
    assert_eq!(out[1].as_ref().unwrap_err().code(), "unknown_class");
}

/// README limits: 1,000 events per case (`MAX_EVENTS_PER_CASE`); more is an `input` error
/// for that case. 500 one-second 听证 pauses on 03-11 drop no day (the clock runs at every
/// close), so 1,000 events leave the plain answer: due 03-17, two left on 03-16.
#[test]
fn case_with_a_thousand_events_is_read_and_more_is_an_input_error() {
    use zhidu::{Case, CaseEvent, Start, Status};
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let offset = p.calendar().offset();
    let base = Start::parse_instant("2026-03-11T10:00:00+08:00", offset).unwrap();
    let second = |s: i64| zhidu::Start::from(base + chrono::Duration::seconds(s));
    let mut case = Case::new("C1", "promised", at("2026-03-10T09:30:00+08:00"), Some(5));
    for k in 0..500 {
        case.events.push(CaseEvent::Suspend {
            at: second(2 * k),
            reason: "hearing".into(),
        });
        case.events.push(CaseEvent::Resume {
            at: second(2 * k + 1),
        });
    }
    let as_of = Start::parse_instant("2026-03-16T09:00:00+08:00", offset).unwrap();
    let st = p.case_status(&case, as_of).unwrap();
    assert_eq!((st.status, st.remaining), (Status::Yellow, Some(2)));
    case.events.push(CaseEvent::Suspend {
        at: second(1_000),
        reason: "hearing".into(),
    });
    assert_eq!(p.case_status(&case, as_of).unwrap_err().code(), "input");
}

/// Inconsistent case logs are `input` errors, never answers (README, errors): a case
/// completed one second before it was accepted, and a `start` event on S2.xs.2's 承诺件,
/// whose clock starts at acceptance. (Rust tests rather than corpus cases: the reference
/// model in tests/model/ does not check either, and reads the corpus too.)
#[test]
fn inconsistent_case_logs_are_input_errors() {
    use zhidu::{Case, CaseEvent, Start};
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let as_of = Start::parse_instant("2026-03-16T09:00:00+08:00", p.calendar().offset()).unwrap();
    let mut early = Case::new("C1", "promised", at("2026-03-10T09:30:00+08:00"), Some(5));
    early.completed_at = Some(at("2026-03-10T09:29:59+08:00"));
    assert_eq!(p.case_status(&early, as_of).unwrap_err().code(), "input");
    let mut started = Case::new("C2", "promised", at("2026-03-10T09:30:00+08:00"), Some(5));
    started.events = vec![CaseEvent::Start {
        at: at("2026-03-11T09:00:00+08:00"),
    }];
    assert_eq!(p.case_status(&started, as_of).unwrap_err().code(), "input");
}

/// A suspension after the due instant is set aside with a warning that names that instant:
/// S2.xs.2 承诺件 of 5 days accepted Tue 03-10 is due at the end of 03-17, written
/// `2026-03-18T00:00:00+08:00` (README, due instant).
#[test]
fn late_suspension_warning_names_the_due_instant() {
    use zhidu::{Case, CaseEvent, Start};
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let mut case = Case::new("C1", "promised", at("2026-03-10T09:30:00+08:00"), Some(5));
    case.events = vec![CaseEvent::Suspend {
        at: at("2026-03-18T10:00:00+08:00"),
        reason: "hearing".into(),
    }];
    let as_of = Start::parse_instant("2026-03-19T09:00:00+08:00", p.calendar().offset()).unwrap();
    let st = p.case_status(&case, as_of).unwrap();
    let w = st
        .warnings
        .iter()
        .find(|w| w.code == "late_suspension_ignored")
        .unwrap();
    assert!(
        w.message.contains("2026-03-18T00:00:00+08:00"),
        "{}",
        w.message
    );
}

/// A class's unit is written as the policy files write it (`unit = "…"`): S2.xs.2 承诺件 in
/// working days, S2.ts.6c 一周 in calendar days (A21), S10.xs.3.4a 即办件 in minutes,
/// S12.3.4.6's 24 h in hours.
#[test]
fn units_are_written_as_the_policy_files_write_them() {
    let ps = PolicySet::builtin().unwrap();
    for (policy, class, unit) in [
        ("s2-service-center", "promised", "working_days"),
        ("s2-service-center", "complaint_complex", "calendar_days"),
        ("s10-service-system", "immediate", "minutes"),
        ("s12-confidentiality", "job_materials_return", "hours"),
    ] {
        let c = ps.policy(policy).unwrap().class(class).unwrap();
        assert_eq!(c.unit().to_string(), unit, "{policy} {class}");
    }
}

/// S2's suspension reasons by name, each with the default note that explains its effect
/// (`policies/s2-service-center.toml`: the seed names no pause, so every effect is a marked
/// default on the key `effect`).
#[test]
fn s2_suspension_reasons_have_their_names_and_default_notes() {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let names: Vec<&str> = p.suspensions().map(|s| s.name()).collect();
    assert_eq!(names, ["补正", "听证", "检验检测", "专家评审", "上报待批"]);
    for s in p.suspensions() {
        assert!(
            s.defaults()
                .iter()
                .any(|d| d.key.as_deref() == Some("effect")),
            "{}",
            s.id()
        );
    }
}

/// A plain date is 00:00 of that day in the calendar's zone (README, edges), which a
/// day-counting class accepts: S2.xs.2 承诺件 accepted 2026-03-10 with 5 working days is
/// due 03-17, and as of 03-16 09:00 two days are left.
#[test]
fn plain_date_acceptance_for_a_day_class() {
    use zhidu::{Case, Start, Status};
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let case = Case::new("C1", "promised", at("2026-03-10"), Some(5));
    let as_of = Start::parse_instant("2026-03-16T09:00:00+08:00", p.calendar().offset()).unwrap();
    let st = p.case_status(&case, as_of).unwrap();
    assert_eq!((st.status, st.remaining), (Status::Yellow, Some(2)));
    assert_eq!(st.due_date.unwrap().to_string(), "2026-03-17");
}

/// `decide` counts the rows it leaves out as later than `as_of`, and sums each subject's
/// decisions and reviews (README, accountability: "赵敏 highest tier 2 (2 decisions, 0 for
/// review)"). S2: 潘六's S2.zr.t1.1 on 10-12 is tier 1; S2.zr.t1.3 recorded `serious` on 10-14
/// stays tier 1 and goes to review (A12: 情节严重 is a person's judgement); the second
/// S2.zr.t1.1 at the as-of instant itself is known (only rows *after* it are left out) and is
/// a repeat within 12 months: tier 2 (S2.zr.t2.4, A11). Two rows after 15:00 are counted.
#[test]
fn decide_counts_rows_after_as_of_and_sums_each_subject() {
    use zhidu::ViolationRecord;
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let mut serious = ViolationRecord::new("潘六", "S2.zr.t1.3", at("2026-10-14T10:00+08:00"));
    serious.flags = vec!["serious".to_owned()];
    let rows = [
        Ok(ViolationRecord::new(
            "潘六",
            "S2.zr.t1.1",
            at("2026-10-12T09:00+08:00"),
        )),
        Ok(serious),
        Ok(ViolationRecord::new(
            "潘六",
            "S2.zr.t1.1",
            at("2026-10-15T15:00+08:00"),
        )),
        Ok(ViolationRecord::new(
            "潘六",
            "S2.zr.t3.5",
            at("2026-10-15T15:01+08:00"),
        )),
        Ok(ViolationRecord::new(
            "王五",
            "S2.zr.t1.1",
            at("2026-10-20T09:00+08:00"),
        )),
    ];
    let as_of = at("2026-10-15T15:00+08:00");
    let zhidu::Start::Instant(as_of) = as_of else {
        panic!("an instant")
    };
    let d = p.decide(&rows, Some(as_of)).unwrap();
    assert_eq!(d.after_as_of, 2);
    let tiers: Vec<Option<u32>> = d.decisions.iter().map(|x| x.tier).collect();
    assert_eq!(tiers, [Some(1), Some(1), Some(2)]);
    assert_eq!(d.subjects.len(), 1);
    let s = &d.subjects[0];
    assert_eq!(
        (
            s.subject.as_str(),
            s.highest_tier,
            s.decisions,
            s.needs_review
        ),
        ("潘六", Some(2), 3, 1)
    );
}

/// Periods as the README and the CLI's `--period` write them: a month `2026-10`, a quarter
/// `2026-Q4`, a year `2026`, each from its first day to its last (A8: monthly scorecards,
/// rolled up by quarter and year). Anything else is an input error, not a guess.
#[test]
fn periods_are_a_month_a_quarter_or_a_year() {
    use zhidu::{Period, PeriodKind};
    let days = |s: &str| {
        let p: Period = s.parse().unwrap();
        let (a, b) = p.days();
        (p.kind(), p.to_string(), a.to_string(), b.to_string())
    };
    let own =
        |k: PeriodKind, s: &str, a: &str, b: &str| (k, s.to_owned(), a.to_owned(), b.to_owned());
    assert_eq!(
        days("2026-02"),
        own(PeriodKind::Month, "2026-02", "2026-02-01", "2026-02-28")
    );
    assert_eq!(
        days("2026-Q2"),
        own(PeriodKind::Quarter, "2026-Q2", "2026-04-01", "2026-06-30")
    );
    assert_eq!(
        days("2026-Q4"),
        own(PeriodKind::Quarter, "2026-Q4", "2026-10-01", "2026-12-31")
    );
    assert_eq!(
        days("2026"),
        own(PeriodKind::Year, "2026", "2026-01-01", "2026-12-31")
    );
    let q3: Period = "2026-Q3".parse().unwrap();
    assert_eq!(serde_json::to_string(&q3).unwrap(), "\"2026-Q3\"");
    for bad in [
        "2026-13", "2026-00", "2026-1", "2026-010", "2026-Q0", "2026-Q5", "2026-Q04", "26",
        "02026", "2026-", "x026-10", "2026-1x",
    ] {
        let e = bad.parse::<Period>().unwrap_err().to_string();
        assert!(e.contains(&format!("`{bad}`")), "{bad}: {e}");
    }
}

/// A policy has accountability rules when it has any `[accountability]`, `[[tier]]`, `[[flag]]`
/// or `[[violation]]` table (README, accountability: the clauses are encoded as those tables);
/// S14 (a scorecard, no 责任追究) has none and `decide` says so. Flag implications are
/// closed and listed once each: `a` implies `b` and `c`, and `b` implies `c` too.
#[test]
fn accountability_rules_come_from_any_of_their_tables() {
    use zhidu::ViolationRecord;
    let header = |id: &str| {
        format!(
            "[policy]\nid = \"{id}\"\nname = \"{id}\"\nversion = \"1\"\n\
             effective_from = 2024-01-01\ncalendar = \"cn-mainland\"\nsource = \"local rules\"\n"
        )
    };
    let tiers_and_flags = header("tiers-and-flags")
        + r#"
[[tier]]
level = 1
name = "批评教育"
measures = ["批评教育"]
source = { clause = "X.t1", quote = "给予批评教育" }

[[flag]]
id = "a"
name = "甲"
implies = ["b", "c"]
source = { clause = "X.f.a", quote = "甲" }

[[flag]]
id = "b"
name = "乙"
implies = ["c"]
source = { clause = "X.f.b", quote = "乙" }

[[flag]]
id = "c"
name = "丙"
source = { clause = "X.f.c", quote = "丙" }
"#;
    let one_manual_violation = header("one-manual-violation")
        + r#"
[[violation]]
code = "Y.1"
name = "另行处理"
manual = true
source = { clause = "Y.1", quote = "视情节轻重" }
"#;
    let ps = PolicySet::from_sources(&[
        ("tiers-and-flags.toml", tiers_and_flags.as_str()),
        ("one-manual-violation.toml", one_manual_violation.as_str()),
    ])
    .unwrap();
    let r = ps
        .policy("tiers-and-flags")
        .unwrap()
        .accountability_rules()
        .unwrap();
    assert_eq!(r.tiers.len(), 1);
    let implies: Vec<(&str, Vec<&str>)> = r
        .flags
        .iter()
        .map(|f| {
            (
                f.id.as_str(),
                f.implies.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        implies,
        [("a", vec!["b", "c"]), ("b", vec!["c"]), ("c", vec![])]
    );
    let manual = ps.policy("one-manual-violation").unwrap();
    // A manual violation is a person's decision, so the rules list it as needing review;
    // S2.zr.t1.1 (tier 1) does not.
    let listed = manual.accountability_rules().unwrap();
    assert_eq!(listed.violations.len(), 1);
    assert!(listed.violations[0].needs_review);
    let rows = [Ok(ViolationRecord::new(
        "测一",
        "Y.1",
        at("2026-10-12T09:00+08:00"),
    ))];
    let d = manual.decide(&rows, None).unwrap();
    assert_eq!(d.decisions.len(), 1);
    assert_eq!(
        (d.decisions[0].tier, d.decisions[0].needs_review),
        (None, true)
    );
    let builtin = PolicySet::builtin().unwrap();
    let s2 = builtin.policy("s2-service-center").unwrap();
    let s2_rules = s2.accountability_rules().unwrap();
    let t11 = s2_rules
        .violations
        .iter()
        .find(|v| v.code == "S2.zr.t1.1")
        .unwrap();
    assert!(!t11.needs_review);
    let s14 = builtin.policy("s14-window-scorecard").unwrap();
    assert!(s14.accountability_rules().is_err());
    let e = s14.decide(&rows, None).unwrap_err().to_string();
    assert!(e.contains("has no accountability rules"), "{e}");
}

/// An overdue piece is dated on its due day, also when the due instant is written as the next
/// day's 00:00 (README: a case due 09-30 at 24:00 is a September piece). S2: accepted Tue
/// 09-22 09:00 with 5 working days (09-23, 09-24, 中秋 09-25..27 skipped, 09-28, 09-29,
/// 09-30), due at 10-01 00:00, completed 10-09: its S2.assess.ji.2 line in 2026-09 is on 09-30.
#[test]
fn overdue_piece_line_is_on_its_due_day() {
    use zhidu::{AssessRequest, Case};
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let mut case = Case::new("N1", "promised", at("2026-09-22T09:00+08:00"), Some(5));
    case.handler = Some("孙八".to_owned());
    case.window = Some("W03".to_owned());
    case.completed_at = Some(at("2026-10-09T10:00+08:00"));
    let cases = [Ok(case)];
    let a = p
        .assess(
            &AssessRequest::new("2026-09".parse().unwrap())
                .lines(true)
                .case_rows(p, &cases),
        )
        .unwrap();
    let lines: Vec<(String, String)> = a
        .scorecards
        .iter()
        .flat_map(|c| c.lines.iter())
        .map(|l| (l.rule.to_string(), l.at.date_naive().to_string()))
        .collect();
    assert_eq!(
        lines,
        [("S2.assess.ji.2".to_owned(), "2026-09-30".to_owned())]
    );
}
