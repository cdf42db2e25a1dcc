//! Answers of the deadline module (`crates/zhidu/src/deadline/`) that the conformance corpus
//! does not reach: explanations, the class's accessors, the column APIs, the office
//! sessions and the clerk's instant words. Each was pinned for a mutant that cargo-mutants
//! found surviving, or that reading the code showed would survive (tests/MUTANTS.md lists
//! which). Expected values come from the policy files, the calendar and the README, worked
//! by hand, never from the engine.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test with a broken fixture should fail loudly"
)]

use chrono::NaiveDate;
use zhidu::{Case, ClockStart, DayStepKind, DueExplanation, Lang, PolicySet, Start, Unit};

const NATIONAL_DAY_NOTICE: &str = "国务院办公厅关于2026年部分节假日安排的通知";

fn start(s: &str) -> Start {
    s.parse().unwrap()
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A day of an explanation as `(date, kind, counted, note, rolled)`.
type Step = (String, DayStepKind, Option<u32>, Option<String>, bool);

fn steps(ex: &DueExplanation) -> Vec<Step> {
    ex.days
        .iter()
        .map(|d| {
            (
                d.date.to_string(),
                d.kind,
                d.counted,
                d.note.clone(),
                d.rolled,
            )
        })
        .collect()
}

fn step(
    day: &str,
    kind: DayStepKind,
    counted: Option<u32>,
    note: Option<&str>,
    rolled: bool,
) -> Step {
    (
        day.to_owned(),
        kind,
        counted,
        note.map(str::to_owned),
        rolled,
    )
}

const HOLIDAY: &str = "holiday (国庆节), not a working day";
const WEEKEND: &str = "weekend, not a working day";

/// The README's `zhidu due` example: S2 承诺件 (S2.xs.2, A3, A4) accepted Wed 2026-09-30
/// with 5 working days. 10-01..07 are 国庆节 holidays, 10-08 (1), 10-09 (2), Sat 10-10 调休
/// 上班 (3), Sun 10-11 weekend, 10-12 (4), 10-13 (5); due at 24:00 of 10-13. One notice (the
/// 2026 one) although eight days belong to its festival; nothing rolls.
#[test]
fn explanation_of_the_readme_example_day_by_day() {
    use DayStepKind::{Holiday, MakeupWorkday, Weekend, Workday};
    let ps = PolicySet::builtin().unwrap();
    let class = ps
        .policy("s2-service-center")
        .unwrap()
        .class("promised")
        .unwrap();
    let ex = class
        .explain(start("2026-09-30T10:00:00+08:00"), Some(5))
        .unwrap();
    assert_eq!(ex.due.due_date, date("2026-10-13"));
    assert_eq!(ex.due.due_at.to_rfc3339(), "2026-10-14T00:00:00+08:00");
    let mut want = Vec::new();
    for d in 1..=7 {
        want.push(step(
            &format!("2026-10-0{d}"),
            Holiday,
            None,
            Some(HOLIDAY),
            false,
        ));
    }
    want.extend([
        step("2026-10-08", Workday, Some(1), None, false),
        step("2026-10-09", Workday, Some(2), None, false),
        step("2026-10-10", MakeupWorkday, Some(3), None, false),
        step("2026-10-11", Weekend, None, Some(WEEKEND), false),
        step("2026-10-12", Workday, Some(4), None, false),
        step("2026-10-13", Workday, Some(5), None, false),
    ]);
    assert_eq!(steps(&ex), want);
    assert_eq!(ex.days[0].festival.as_deref(), Some("国庆节"));
    assert_eq!(ex.days[9].festival.as_deref(), Some("国庆节"));
    assert_eq!(ex.days[10].festival, None);
    assert_eq!(ex.notices, [NATIONAL_DAY_NOTICE]);
    assert_eq!(
        ex.rules,
        [
            "5 working days, counted from the day after the start (次日起算)",
            "due at 24:00 of the due day"
        ]
    );
    assert_eq!(ex.clause_ids, ["S2.xs.2", "S2.cn.3", "S2.gen.10"]);
    let clauses: Vec<&str> = ex.clauses.iter().map(|c| c.clause.as_str()).collect();
    assert_eq!(clauses, ["S2.xs.2"]);
    assert_eq!(
        (ex.class.as_str(), ex.class_name.as_str()),
        ("promised", "承诺件")
    );
    assert_eq!(ex.policy, "s2-service-center");
}

/// A limit of 0 days (README edges i: due at the end of the start day) counts no day: no
/// day steps, and the rules say so.
#[test]
fn explanation_of_a_zero_day_limit() {
    let ps = PolicySet::builtin().unwrap();
    let class = ps
        .policy("s2-service-center")
        .unwrap()
        .class("promised")
        .unwrap();
    let ex = class
        .explain(start("2026-11-03T10:00:00+08:00"), Some(0))
        .unwrap();
    assert_eq!(ex.due.due_at.to_rfc3339(), "2026-11-04T00:00:00+08:00");
    assert!(ex.days.is_empty());
    assert_eq!(
        ex.rules,
        [
            "due the same day as the start (当天): a limit of 0 days counts no day",
            "due at 24:00 of the due day"
        ]
    );
}

/// S10 信访件 counts calendar days and rolls a due day off work to the next working day (A4,
/// README semantics `calendar_days`). Accepted Mon 2026-09-28 with 3 days: 09-29 (1), 09-30
/// (2), 10-01 (3, a 国庆节 holiday: every calendar day counts); the count lands on a day off
/// and rolls past 10-02..07 to Thu 10-08.
#[test]
fn explanation_of_calendar_days_rolled_to_a_working_day() {
    use DayStepKind::{Holiday, Workday};
    let ps = PolicySet::builtin().unwrap();
    let class = ps
        .policy("s10-service-system")
        .unwrap()
        .class("petition")
        .unwrap();
    let ex = class
        .explain(start("2026-09-28T10:00:00+08:00"), Some(3))
        .unwrap();
    assert_eq!(ex.due.due_date, date("2026-10-08"));
    let past = |d: &str| {
        step(
            d,
            Holiday,
            None,
            // Counted kinds past the limit have no reason of their own to be skipped.
            Some("not a working day: the due day rolls past it"),
            true,
        )
    };
    assert_eq!(
        steps(&ex),
        [
            step("2026-09-29", Workday, Some(1), None, false),
            step("2026-09-30", Workday, Some(2), None, false),
            step("2026-10-01", Holiday, Some(3), None, false),
            past("2026-10-02"),
            past("2026-10-03"),
            past("2026-10-04"),
            past("2026-10-05"),
            past("2026-10-06"),
            past("2026-10-07"),
            step(
                "2026-10-08",
                Workday,
                None,
                Some("the count landed on a day off and rolls forward to this working day"),
                true,
            ),
        ]
    );
    assert_eq!(
        ex.rules,
        [
            "3 calendar days, counted from the day after the start (次日起算)",
            "a due day that is not a working day rolls to the next working day",
            "due at 24:00 of the due day"
        ]
    );
}

/// S2 一般投诉 (当日或次日, S2.ts.6b, A21): calendar days without a roll; a weekend day is
/// counted like any other. Accepted Fri 2026-11-06: due at the end of Sat 11-07.
#[test]
fn explanation_of_calendar_days_counts_a_weekend() {
    let ps = PolicySet::builtin().unwrap();
    let class = ps
        .policy("s2-service-center")
        .unwrap()
        .class("complaint_next_day")
        .unwrap();
    let ex = class
        .explain(start("2026-11-06T15:00:00+08:00"), None)
        .unwrap();
    assert_eq!(
        steps(&ex),
        [step(
            "2026-11-07",
            DayStepKind::Weekend,
            Some(1),
            None,
            false
        )]
    );
    assert_eq!(
        ex.rules,
        [
            "1 calendar days, counted from the day after the start (次日起算)",
            "due at 24:00 of the due day"
        ]
    );
}

fn case(json: &str) -> Case {
    serde_json::from_str(json).unwrap()
}

/// The explanation of an S2 case (`json`) as of `as_of` (an instant in the calendar's zone).
fn explain_s2(json: &str, as_of: &str) -> DueExplanation {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let as_of = Start::parse_instant(as_of, p.calendar().offset()).unwrap();
    p.explain_case(&case(json), as_of).unwrap()
}

/// A pause (听证, 行政许可法.45 external, README semantics: a day counts only if the clock
/// runs at its close). S2 承诺件 of 5 days accepted Mon 2026-11-02 09:00, 听证 from Tue
/// 11-03 15:00 to Thu 11-05 10:00: 11-03 and 11-04 are suspended at their close; 11-05 (1),
/// 11-06 (2), weekend, 11-09 (3), 11-10 (4), 11-11 (5). The explanation cites the
/// suspension's source, once among the clause ids.
#[test]
fn explanation_of_a_case_with_a_pause() {
    use DayStepKind::{Weekend, Workday};
    let ex = explain_s2(
        r#"{"id":"C1","class":"promised","accepted_at":"2026-11-02T09:00:00+08:00","days":5,
            "events":[{"kind":"suspend","at":"2026-11-03T15:00:00+08:00","reason":"hearing"},
                      {"kind":"resume","at":"2026-11-05T10:00:00+08:00"}]}"#,
        "2026-11-06T09:00:00+08:00",
    );
    assert_eq!(ex.due.due_date, date("2026-11-11"));
    let hearing = Some("suspended (hearing) at the day's close");
    assert_eq!(
        steps(&ex),
        [
            step("2026-11-03", Workday, None, hearing, false),
            step("2026-11-04", Workday, None, hearing, false),
            step("2026-11-05", Workday, Some(1), None, false),
            step("2026-11-06", Workday, Some(2), None, false),
            step("2026-11-07", Weekend, None, Some(WEEKEND), false),
            step("2026-11-08", Weekend, None, Some(WEEKEND), false),
            step("2026-11-09", Workday, Some(3), None, false),
            step("2026-11-10", Workday, Some(4), None, false),
            step("2026-11-11", Workday, Some(5), None, false),
        ]
    );
    assert_eq!(
        ex.clause_ids,
        ["S2.xs.2", "S2.cn.3", "S2.gen.10", "行政许可法.45"]
    );
    let clauses: Vec<&str> = ex.clauses.iter().map(|c| c.clause.as_str()).collect();
    assert_eq!(clauses, ["S2.xs.2", "行政许可法.45"]);
}

/// A pause that starts exactly at 00:00 (README semantics, pause: the day's close is the
/// instant just before 24:00, an event at 00:00 belongs to the new day): 听证 from Wed
/// 2026-11-04 00:00 to Thu 11-05 10:00 leaves Tue 11-03 counted (1) and stops Wed 11-04;
/// then 11-05 (2), 11-06 (3), weekend, 11-09 (4), 11-10 (5).
#[test]
fn a_pause_at_midnight_belongs_to_the_new_day() {
    use DayStepKind::Workday;
    let ex = explain_s2(
        r#"{"id":"C1","class":"promised","accepted_at":"2026-11-02T09:00:00+08:00","days":5,
            "events":[{"kind":"suspend","at":"2026-11-04T00:00:00+08:00","reason":"hearing"},
                      {"kind":"resume","at":"2026-11-05T10:00:00+08:00"}]}"#,
        "2026-11-06T09:00:00+08:00",
    );
    assert_eq!(ex.due.due_date, date("2026-11-10"));
    let got = steps(&ex);
    assert_eq!(got[0], step("2026-11-03", Workday, Some(1), None, false));
    assert_eq!(
        got[1],
        step(
            "2026-11-04",
            Workday,
            None,
            Some("suspended (hearing) at the day's close"),
            false
        )
    );
    assert_eq!(got[2], step("2026-11-05", Workday, Some(2), None, false));
    assert_eq!(got.len(), 8);
}

/// A restart (补正, S2.ycx.2; README semantics: on resume the count begins again from the
/// day after the resume day). S2 承诺件 of 5 days accepted Mon 2026-11-02 09:00: Tue 11-03
/// (1); 补正 from Wed 11-04 10:00 to Thu 11-05 16:00 stops Wed; the count starts again on
/// Fri 11-06 (1), 11-09 (2), 11-10 (3), 11-11 (4), 11-12 (5). The restart is noted on
/// 11-06, the first day of the new count.
#[test]
fn explanation_of_a_case_with_a_restart() {
    use DayStepKind::Workday;
    let ex = explain_s2(
        r#"{"id":"C1","class":"promised","accepted_at":"2026-11-02T09:00:00+08:00","days":5,
            "events":[{"kind":"suspend","at":"2026-11-04T10:00:00+08:00","reason":"correction"},
                      {"kind":"resume","at":"2026-11-05T16:00:00+08:00"}]}"#,
        "2026-11-06T09:00:00+08:00",
    );
    assert_eq!(ex.due.due_date, date("2026-11-12"));
    let got = steps(&ex);
    assert_eq!(got[0], step("2026-11-03", Workday, Some(1), None, false));
    assert_eq!(
        got[1],
        step(
            "2026-11-04",
            Workday,
            None,
            Some("suspended (correction) at the day's close"),
            false
        )
    );
    // Thu 11-05, the resume day, runs at its close but is not counted: the count starts
    // again the day after.
    assert_eq!(
        got[2],
        step(
            "2026-11-05",
            Workday,
            None,
            Some("resumed (correction): the count starts again the next day"),
            false
        )
    );
    assert_eq!(
        got[3],
        step(
            "2026-11-06",
            Workday,
            Some(1),
            Some("count restarted after the suspension (重新计算)"),
            false
        )
    );
    assert_eq!(
        got.last().unwrap(),
        &step("2026-11-12", Workday, Some(5), None, false)
    );
    let zh = ex.in_lang(Lang::Zh);
    assert_eq!(
        zh.days[2].note.as_deref(),
        Some("中止结束（correction），次日起重新计算时限")
    );
}

/// A town policy: a per-case class with a usual range whose open parameter is keyed
/// `usual_range` (after another default), a service item of it with a legal limit, an
/// office-minutes class, and office sessions; its days end at 24:00.
const TOWN: &str = r#"[policy]
id = "town"
name = "镇便民服务中心"
version = "1"
effective_from = 2024-01-01
calendar = "cn-mainland"
source = "local rules"

[policy.office_sessions]
sessions = [["08:30", "11:00"], ["14:30", "17:00"]]
source = { clause = "X.9", quote = "上午8:30—11:00,下午2:30—5:00" }
defaults = [{ param = "A26", note = "half-open" }]

[[class]]
id = "permit"
name = "许可件"
unit = "working_days"
per_case = true
usual_range = [3, 5]
source = { clause = "X.1", quote = "一般3至5个工作日内办结" }
defaults = [
  { key = "unit", param = "A4", note = "working days" },
  { key = "usual_range", param = "A3", note = "3–5 days is a usual range" },
]

[[class]]
id = "counter"
name = "窗口办件"
unit = "office_minutes"
limit = 30
source = { clause = "X.3", quote = "30分钟内办结" }

[[item]]
id = "license"
name = "营业执照"
class = "permit"
legal_limit = 20
promised_limit = 5
source = { clause = "X.2", quote = "法定时限20个工作日" }
defaults = [{ param = "A9", note = "an item's own default" }]
"#;

fn town() -> PolicySet {
    PolicySet::from_sources(&[("town.toml", TOWN)]).unwrap()
}

/// A class answers its own id, name, unit, clause, defaults and clock start; a service item
/// its own id, name and clause, with its class's id, unit and defaults.
#[test]
fn a_class_and_an_item_answer_their_own_fields() {
    let ps = town();
    let p = ps.policy("town").unwrap();
    let params = |c: &zhidu::Class<'_>| -> Vec<String> {
        c.defaults().iter().map(|d| d.param.clone()).collect()
    };
    let permit = p.class("permit").unwrap();
    assert_eq!(
        (permit.id(), permit.class_id(), permit.name()),
        ("permit", "permit", "许可件")
    );
    assert_eq!(permit.unit(), Unit::WorkingDays);
    assert_eq!(permit.source().clause, "X.1");
    assert_eq!(params(&permit), ["A4", "A3"]);
    assert_eq!(permit.clock_start(), ClockStart::Acceptance);
    let license = p.class("license").unwrap();
    assert_eq!(
        (license.id(), license.class_id(), license.name()),
        ("license", "permit", "营业执照")
    );
    assert_eq!(license.source().clause, "X.2");
    assert_eq!(params(&license), ["A4", "A3"]);
    assert_eq!(p.class("counter").unwrap().unit(), Unit::OfficeMinutes);
    let builtin = PolicySet::builtin().unwrap();
    let s12 = builtin.policy("s12-confidentiality").unwrap();
    assert_eq!(
        s12.class("job_materials_return").unwrap().unit(),
        Unit::Hours
    );
    // S10.xs.2b: 补齐材料 starts the clock of a 补正 case.
    let s10 = builtin.policy("s10-service-system").unwrap();
    assert_eq!(
        s10.class("supplement").unwrap().clock_start(),
        ClockStart::StartEvent
    );
}

/// README semantics, legal vs promised: a promised limit may not exceed the legal one, and
/// may equal it. The item `license` has a legal limit of 20 working days: from Tue 2026-03-10
/// 20 days end on 04-08 (03-11..13, 16..20, 23..27, 30, 31, 04-01..03, 清明 04-04..06 off,
/// 04-07, 04-08: the corpus's legal-due-date-of-an-item.toml); 21 is refused.
#[test]
fn a_per_case_limit_may_reach_the_legal_limit_but_not_pass_it() {
    let ps = town();
    let license = ps.policy("town").unwrap().class("license").unwrap();
    let accepted = start("2026-03-10T09:30:00+08:00");
    assert_eq!(
        license.due(accepted, Some(20)).unwrap().due_date,
        date("2026-04-08")
    );
    let e = license.due(accepted, Some(21)).unwrap_err();
    assert_eq!(e.code(), "input");
    assert!(
        e.to_string()
            .contains("a limit of 21 working_days exceeds the legal limit of 20"),
        "{e}"
    );
}

/// README semantics, warnings: `outside_usual_range` cites the class's clause and the open
/// parameter of its usual range, A3, whether the policy keys that default `default_limit`
/// (S2.xs.2) or `usual_range` after another default (the town's class); inside the range
/// there is no warning.
#[test]
fn the_usual_range_warning_names_its_open_parameter() {
    let ps = town();
    let permit = ps.policy("town").unwrap().class("permit").unwrap();
    let accepted = start("2026-03-10T09:30:00+08:00");
    let w = permit.due(accepted, Some(8)).unwrap().warnings;
    assert_eq!(w.len(), 1);
    assert_eq!(
        (
            w[0].code.as_str(),
            w[0].clause.as_str(),
            w[0].default.as_deref()
        ),
        ("outside_usual_range", "X.1", Some("A3"))
    );
    assert_eq!(
        w[0].message,
        "the promised limit of `8` working_days is outside the usual range 3–5 of class `permit`"
    );
    assert!(permit.due(accepted, Some(5)).unwrap().warnings.is_empty());
    let builtin = PolicySet::builtin().unwrap();
    let promised = builtin
        .policy("s2-service-center")
        .unwrap()
        .class("promised")
        .unwrap();
    let w = promised.due(accepted, Some(2)).unwrap().warnings;
    assert_eq!(
        (w[0].clause.as_str(), w[0].default.as_deref()),
        ("S2.xs.2", Some("A3"))
    );
}

/// `Class::due_many`: one day count per start, or none (README limits: `input` before any
/// row). S2 承诺件 from 2026-09-30: 5 days → 10-13 (the README example); without a count the
/// class's default, 5 (A3), gives the same.
#[test]
fn due_many_takes_one_day_count_per_start_or_none() {
    let ps = PolicySet::builtin().unwrap();
    let c = ps
        .policy("s2-service-center")
        .unwrap()
        .class("promised")
        .unwrap();
    let starts = [start("2026-09-30"), start("2026-09-30")];
    let due_dates = |out: Vec<Result<zhidu::Due, zhidu::Error>>| -> Vec<String> {
        out.into_iter()
            .map(|r| r.unwrap().due_date.to_string())
            .collect()
    };
    assert_eq!(
        due_dates(c.due_many(&starts, &[]).unwrap()),
        ["2026-10-13", "2026-10-13"]
    );
    // 10-08 (1), 10-09 (2), 10-10 调休 (3).
    assert_eq!(
        due_dates(c.due_many(&starts, &[Some(5), Some(3)]).unwrap()),
        ["2026-10-13", "2026-10-10"]
    );
    let e = c.due_many(&starts, &[Some(5)]).unwrap_err();
    assert!(e.to_string().contains("2 starts but 1 day counts"), "{e}");
}

/// `Class::due_epoch_days` (README limits: a column holds at most 10,000,000 rows, `input`
/// before any row is computed): only for day-counting classes, with columns of one length;
/// exactly 10,000,000 rows pass the size check (and meet the length check), one more does not.
#[test]
fn due_epoch_days_checks_the_class_and_the_columns() {
    let ps = PolicySet::builtin().unwrap();
    let s2 = ps.policy("s2-service-center").unwrap();
    let c = s2.class("promised").unwrap();
    // 2026-09-30 is day 20726 since 1970-01-01; 2026-10-13 is day 20739, 10-10 day 20736.
    let mut out = vec![None; 2];
    assert!(
        c.due_epoch_days(&[20726, 20726], &[5, 3], &mut out)
            .unwrap()
            .is_empty()
    );
    assert_eq!(out, [Some(20739), Some(20736)]);
    let mut out = vec![None; 2];
    assert!(
        c.due_epoch_days(&[20726, 20726], &[], &mut out)
            .unwrap()
            .is_empty()
    );
    assert_eq!(out, [Some(20739), Some(20739)]);
    let lengths = |e: zhidu::Error| e.to_string();
    let mut out2 = vec![None; 2];
    assert!(
        lengths(
            c.due_epoch_days(&[20726, 20726], &[5], &mut out2)
                .unwrap_err()
        )
        .contains("column lengths differ: 2 starts, 1 day counts, 2 outputs")
    );
    let mut out1 = vec![None; 1];
    assert!(
        lengths(
            c.due_epoch_days(&[20726, 20726], &[], &mut out1)
                .unwrap_err()
        )
        .contains("column lengths differ: 2 starts, 0 day counts, 1 outputs")
    );
    let hours = ps
        .policy("s12-confidentiality")
        .unwrap()
        .class("job_materials_return")
        .unwrap();
    let e = hours
        .due_epoch_days(&[20726], &[], &mut [None])
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("the day-number fast path needs a day-counting class"),
        "{e}"
    );
    // Zeroed columns cost no memory until read; the checks read only their lengths.
    let at_limit = vec![0i64; zhidu::MAX_BATCH];
    let e = c.due_epoch_days(&at_limit, &[], &mut []).unwrap_err();
    assert!(
        e.to_string()
            .contains("column lengths differ: 10000000 starts, 0 day counts, 0 outputs"),
        "{e}"
    );
    drop(at_limit);
    let over = vec![0i64; zhidu::MAX_BATCH + 1];
    let e = c.due_epoch_days(&over, &[], &mut []).unwrap_err();
    assert!(
        e.to_string()
            .contains("a column of 10000001 rows is over the limit of 10000000 rows per call"),
        "{e}"
    );
}

/// The clerk's words for an instant (README: a due instant is 24:00 of its due day): only
/// 00:00 of the day after the due day is written 24:00 of the due day; 00:30 or 17:00 of that
/// next day are written as they are.
#[test]
fn only_midnight_after_the_due_day_is_written_24_00() {
    let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
    let due_day = Some(date("2026-10-13"));
    assert_eq!(
        zhidu::instant_words(at("2026-10-14T00:30:00+08:00"), due_day, Lang::Zh),
        "2026-10-14（星期三）00:30"
    );
    assert_eq!(
        zhidu::instant_words(at("2026-10-14T17:00:00+08:00"), due_day, Lang::En),
        "2026-10-14 (Wed) 17:00"
    );
    let ps = PolicySet::builtin().unwrap();
    let due = ps
        .policy("s2-service-center")
        .unwrap()
        .due("promised", start("2026-09-30T10:00:00+08:00"), Some(5))
        .unwrap();
    assert_eq!(due.due_at_words(Lang::Zh), "2026-10-13（星期二）24:00");
    assert_eq!(due.due_at_words(Lang::En), "2026-10-13 (Tue) 24:00");
}

/// Office sessions are cited where the answer uses them (README: due explanations list the
/// sessions' clause and defaults): an `office_minutes` class counts in them; a working-day
/// class of a policy whose days end at 24:00 does not, and one whose days end at office close
/// (`day_ends_at = "office_close"`) does, and is due at 17:00.
#[test]
fn explanations_cite_the_office_sessions_only_where_they_are_used() {
    let ps = town();
    let p = ps.policy("town").unwrap();
    let accepted = start("2026-11-27T10:00:00+08:00");
    // Fri 10:00 + 30 office minutes = 10:30.
    let counter = p.class("counter").unwrap().explain(accepted, None).unwrap();
    assert_eq!(counter.due.due_at.to_rfc3339(), "2026-11-27T10:30:00+08:00");
    assert_eq!(counter.clause_ids, ["X.3", "X.9"]);
    assert!(counter.defaults.iter().any(|d| d.param == "A26"));
    assert_eq!(
        counter.rules,
        [
            "30 minutes inside the policy's office sessions of working days, from the start or the next session"
        ]
    );
    let permit = p
        .class("permit")
        .unwrap()
        .explain(accepted, Some(1))
        .unwrap();
    assert_eq!(permit.clause_ids, ["X.1"]);
    assert!(!permit.defaults.iter().any(|d| d.param == "A26"));
    assert_eq!(
        permit.rules,
        [
            "1 working days, counted from the day after the start (次日起算)",
            "due at 24:00 of the due day"
        ]
    );
    let closing = TOWN.replace(
        "source = \"local rules\"\n",
        "source = \"local rules\"\nday_ends_at = \"office_close\"\n",
    );
    let ps = PolicySet::from_sources(&[("town.toml", &closing)]).unwrap();
    let permit = ps
        .policy("town")
        .unwrap()
        .class("permit")
        .unwrap()
        .explain(accepted, Some(1))
        .unwrap();
    // Fri 11-27 + 1 working day = Mon 11-30, closing at 17:00.
    assert_eq!(permit.due.due_at.to_rfc3339(), "2026-11-30T17:00:00+08:00");
    assert_eq!(permit.clause_ids, ["X.1", "X.9"]);
    assert_eq!(
        permit.rules,
        [
            "1 working days, counted from the day after the start (次日起算)",
            "due at office close of the due day"
        ]
    );
}

/// A legal due date (法定时限) only for a class or item with a legal limit: the town's item
/// `license` (legal 20 working days from Tue 2026-03-10: 04-08, as the corpus's
/// legal-due-date-of-an-item.toml), none for S2's 承诺件, which has none.
#[test]
fn a_legal_due_date_only_where_there_is_a_legal_limit() {
    let ps = town();
    let p = ps.policy("town").unwrap();
    let as_of = Start::parse_instant("2026-03-12T09:00:00+08:00", p.calendar().offset()).unwrap();
    let item = case(r#"{"id":"C1","class":"license","accepted_at":"2026-03-10T09:30:00+08:00"}"#);
    assert_eq!(
        p.case_status(&item, as_of).unwrap().legal_due_date,
        Some(date("2026-04-08"))
    );
    let builtin = PolicySet::builtin().unwrap();
    let s2 = builtin.policy("s2-service-center").unwrap();
    let promised = case(
        r#"{"id":"C2","class":"promised","accepted_at":"2026-03-10T09:30:00+08:00","days":5}"#,
    );
    let st = s2.case_status(&promised, as_of).unwrap();
    assert_eq!(st.due_date, Some(date("2026-03-17")));
    assert_eq!(st.legal_due_date, None);
}
