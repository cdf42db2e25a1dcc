//! The column path of `assess` (issue #16) gives the row path's assessment: random incident
//! sets over the shipped S2 and S14 tables, bad rows included (unknown rules, bad quantities
//! and points, missing subjects, instants and rules, rows a host could not read), scored once
//! as columns and once as the rows a host's frame reader makes of the same columns.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test with a broken fixture should fail loudly"
)]

use proptest::prelude::*;
use zhidu::columns::NAT;
use zhidu::rows::{Cell, Column, read_frame};
use zhidu::{
    AssessRequest, Error, Incident, IncidentColumns, InstantColumn, InstantUnit, PolicySet,
    TextColumn,
};

const MISSING: u32 = TextColumn::MISSING;

/// One random row: positions into the pools below (the last of each pool, or past it, is a
/// missing value), a day, quantity and points, and whether the host could read it.
#[derive(Clone, Debug)]
struct Raw {
    subject: u32,
    rule: u32,
    window: u32,
    day: i64,
    quantity: Option<i64>,
    points: Option<i64>,
    note: u32,
    basis: u32,
    reference: u32,
    case: u32,
    unreadable: bool,
}

fn raw() -> impl Strategy<Value = Raw> {
    (
        (0u32..6, 0u32..40, 0u32..4, 0i64..130),
        (
            prop_oneof![Just(None), (-2i64..4).prop_map(Some), Just(Some(1_000_001))],
            prop_oneof![Just(None), (-1i64..25).prop_map(Some)],
        ),
        (
            0u32..4,
            0u32..8,
            0u32..5,
            0u32..3,
            prop::bool::weighted(0.03),
        ),
    )
        .prop_map(
            |(
                (subject, rule, window, day),
                (quantity, points),
                (note, basis, reference, case, unreadable),
            )| Raw {
                subject,
                rule,
                window,
                day,
                quantity,
                points,
                note,
                basis,
                reference,
                case,
                unreadable,
            },
        )
}

/// Day numbers from 2026-08-23 to 2026-12-30 (October 2026 is 20727 … 20757), and 5 % NaT.
fn day(d: i64) -> i64 {
    if d >= 125 { NAT } else { 20_688 + d }
}

fn texts(pool: &[&str], codes: &[u32]) -> Column {
    Column::Texts {
        codes: codes
            .iter()
            .map(|&c| if c == MISSING { -1 } else { i64::from(c) })
            .collect(),
        texts: pool.iter().map(|t| (*t).to_owned()).collect(),
    }
}

fn wholes(values: &[Option<i64>]) -> Column {
    Column::Cells(
        values
            .iter()
            .map(|v| v.map_or(Cell::Missing, Cell::Integer))
            .collect(),
    )
}

/// A position into `pool`, or missing past its end.
fn code(pool: &[&str], i: u32) -> u32 {
    if (i as usize) < pool.len() {
        i
    } else {
        MISSING
    }
}

fn check(policy: &str, rows: &[Raw], lines: bool, at_as_seconds: bool) {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy(policy).unwrap();
    let table = p.deduction_table().unwrap();
    // Every rule of the table, a typo, a blank, one with spaces around it.
    let mut rule_pool: Vec<String> = table.rules.iter().map(|r| r.code.clone()).collect();
    rule_pool.push("S14.att.99".into());
    rule_pool.push("   ".into());
    rule_pool.push(format!(" {} ", rule_pool[0]));
    let rule_pool: Vec<&str> = rule_pool.iter().map(String::as_str).collect();
    let subject_pool = ["张三", "李四", " 张三 ", "王五", ""];
    let window_pool = ["W01", "W02", "W01"];
    let note_pool = ["考评小组评议", "  ", "理由"];
    let basis_pool = ["S2.assess.lian.1", "S2.assess.qin.1", "S2.kq.5", "nope"];
    let reference_pool = ["D1", "D2", "D1"];
    let case_pool = ["C1", "C2"];

    let pick = |pool: &[&str], f: fn(&Raw) -> u32| -> Vec<u32> {
        rows.iter().map(|r| code(pool, f(r))).collect()
    };
    let subject = pick(&subject_pool, |r| r.subject);
    let rule: Vec<u32> = rows
        .iter()
        .map(|r| {
            if r.rule as usize >= rule_pool.len() {
                r.rule % rule_pool.len() as u32
            } else {
                r.rule
            }
        })
        .collect();
    let window = pick(&window_pool, |r| r.window);
    let note = pick(&note_pool, |r| r.note);
    let basis = pick(&basis_pool, |r| r.basis);
    let reference = pick(&reference_pool, |r| r.reference);
    let case = pick(&case_pool, |r| r.case);
    let days: Vec<i64> = rows.iter().map(|r| day(r.day)).collect();
    // The same days as instants: 10:00 in Beijing, 02:00 UTC.
    let seconds: Vec<i64> = days
        .iter()
        .map(|&d| if d == NAT { NAT } else { d * 86_400 + 7_200 })
        .collect();
    let quantity: Vec<Option<i64>> = rows.iter().map(|r| r.quantity).collect();
    let points: Vec<Option<i64>> = rows.iter().map(|r| r.points).collect();
    let unreadable: Vec<(usize, Error)> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.unreadable)
        .map(|(i, _)| {
            let message = format!("`quantity` of row {} could not be read", i + 1);
            (
                i,
                Error::Input {
                    message,
                    hint: None,
                },
            )
        })
        .collect();

    // The rows, as a host's frame reader reads the same columns.
    let at_column = if at_as_seconds {
        Column::Seconds {
            seconds: seconds.clone(),
            utc: true,
        }
    } else {
        Column::Days(days.clone())
    };
    let frame = vec![
        ("subject".to_owned(), texts(&subject_pool, &subject)),
        ("window".to_owned(), texts(&window_pool, &window)),
        ("at".to_owned(), at_column),
        ("rule".to_owned(), texts(&rule_pool, &rule)),
        ("quantity".to_owned(), wholes(&quantity)),
        ("points".to_owned(), wholes(&points)),
        ("case".to_owned(), texts(&case_pool, &case)),
        ("note".to_owned(), texts(&note_pool, &note)),
        ("basis".to_owned(), texts(&basis_pool, &basis)),
        ("ref".to_owned(), texts(&reference_pool, &reference)),
    ];
    let mut read: Vec<Result<Incident, Error>> =
        read_frame::<Incident>("incidents", rows.len(), &frame).unwrap();
    for (i, e) in &unreadable {
        read[*i] = Err(e.clone());
    }
    let period = "2026-10".parse().unwrap();
    let by_rows = p
        .assess(&AssessRequest::new(period).incident_rows(&read).lines(lines))
        .unwrap();

    let at = if at_as_seconds {
        InstantColumn::Instants(&seconds, InstantUnit::Second)
    } else {
        InstantColumn::Days(&days)
    };
    let columns = IncidentColumns::new(
        TextColumn::new(&subject_pool, &subject),
        at,
        TextColumn::new(&rule_pool, &rule),
    )
    .window(TextColumn::new(&window_pool, &window))
    .quantity(&quantity)
    .points(&points)
    .case(TextColumn::new(&case_pool, &case))
    .note(TextColumn::new(&note_pool, &note))
    .basis(TextColumn::new(&basis_pool, &basis))
    .reference(TextColumn::new(&reference_pool, &reference))
    .unreadable(&unreadable);
    let by_columns = p
        .assess(
            &AssessRequest::new(period)
                .incident_columns(&columns)
                .lines(lines),
        )
        .unwrap();
    assert_eq!(by_columns, by_rows);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn columns_score_as_rows_do_s14(rows in prop::collection::vec(raw(), 0..80), lines: bool, seconds: bool) {
        check("s14-window-scorecard", &rows, lines, seconds);
    }

    #[test]
    fn columns_score_as_rows_do_s2(rows in prop::collection::vec(raw(), 0..80), lines: bool, seconds: bool) {
        check("s2-service-center", &rows, lines, seconds);
    }
}

/// Hand-computed: the S2 rows of the README's example month, as columns with every kind of
/// bad row, each reported with its row and the reader's own words.
#[test]
fn bad_rows_are_reported_in_place_with_the_readers_words() {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let subjects = ["张三", ""];
    let rules = ["S2.assess.qin.1", "S2.assess.qin.9"];
    let days = [20738, 20738, NAT, 20738, 20738, 20738];
    let subject = [0, 1, 0, 0, 0, 0];
    let rule = [0, 0, 0, MISSING, 1, 0];
    let quantity = [Some(2), None, None, None, None, Some(0)];
    let columns = IncidentColumns::new(
        TextColumn::new(&subjects, &subject),
        InstantColumn::Days(&days),
        TextColumn::new(&rules, &rule),
    )
    .quantity(&quantity);
    let out = p
        .assess(&AssessRequest::new("2026-10".parse().unwrap()).incident_columns(&columns))
        .unwrap();
    // Row 1: 2 × 上班迟到 −2 (S2.assess.qin.1); every other row is bad.
    assert_eq!(out.card("张三").unwrap().total, 96);
    let errors: Vec<(usize, String)> = out
        .errors
        .iter()
        .map(|e| (e.row, e.error.to_string()))
        .collect();
    assert_eq!(
        errors,
        [
            (2, "`subject` is missing".to_owned()),
            (3, "`at` is missing".to_owned()),
            (4, "`rule` is missing".to_owned()),
            (
                5,
                "policy `s2-service-center` has no rule `S2.assess.qin.9`".to_owned()
            ),
            (
                6,
                "quantity `0` of rule `S2.assess.qin.1` is not a count of units".to_owned()
            ),
        ]
    );
}

#[test]
fn a_column_of_another_length_fails_the_call() {
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let columns = IncidentColumns::new(
        TextColumn::new(&["张三"], &[0, 0]),
        InstantColumn::Days(&[20738]),
        TextColumn::new(&["S2.assess.qin.1"], &[0, 0]),
    );
    let e = p
        .assess(&AssessRequest::new("2026-10".parse().unwrap()).incident_columns(&columns))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "incidents: column `at` has 1 values for 2 rows"
    );
}
