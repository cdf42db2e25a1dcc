//! Due instants of a column of dates (issue #16 point 3): for a working-day class the
//! day-number path gives the instant as the end of the due day (`day_ends_at`), instead of
//! running each row through `Class::due`. It must be the row path's answer on every row —
//! every start date of 2024–2026, limits 0–20, both day ends (S2's midnight and a policy
//! closing with its last office session) — bad rows included.
//!
//! Hand-checked anchors: S2 承诺件 of 5 working days from 2026-09-30 is due 2026-10-13, the
//! instant 2026-10-14 00:00+08:00 (README, `Due`'s example); the town's 许可件 of 1 working
//! day from Friday 2026-11-27 ends Monday 11-30 at 17:00 (its last session's close).

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test with a broken fixture should fail loudly"
)]

use zhidu::PolicySet;
use zhidu::columns::{DueOptions, LimitColumn, NAT, StartColumn, epoch_day, from_epoch_day};

const TOWN: &str = r#"[policy]
id = "town"
name = "镇便民服务中心"
version = "1"
effective_from = 2024-01-01
calendar = "cn-mainland"
source = "local rules"
day_ends_at = "office_close"

[policy.office_sessions]
sessions = [["08:30", "11:00"], ["14:30", "17:00"]]
source = { clause = "X.1", quote = "上午8:30—11:00,下午2:30—5:00" }
defaults = [{ param = "A26", note = "half-open" }]

[[class]]
id = "permit"
name = "许可件"
unit = "working_days"
limit = 1
source = { clause = "X.3", quote = "1个工作日内办结" }
"#;

const WITH_INSTANTS: DueOptions = DueOptions {
    instants: true,
    details: false,
    threads: 1,
};

fn day(s: &str) -> i64 {
    epoch_day(s.parse().unwrap())
}

/// Both paths over the same starts and limits: the same dates, instants and bad rows.
fn same_as_rows(class: &zhidu::Class<'_>, days: &[i64], limits: &LimitColumn) {
    let by_days = class
        .due_column(&StartColumn::Days(days.to_vec()), limits, WITH_INSTANTS)
        .unwrap();
    let starts = days
        .iter()
        .map(|&d| from_epoch_day(d).unwrap().into())
        .collect();
    let by_rows = class
        .due_column(&StartColumn::Starts(starts), limits, WITH_INSTANTS)
        .unwrap();
    assert_eq!(by_days.dates, by_rows.dates);
    assert_eq!(by_days.instants, by_rows.instants);
    let codes = |c: &zhidu::columns::DueColumns| -> Vec<(usize, String)> {
        c.errors.iter().map(|(i, e)| (*i, e.to_string())).collect()
    };
    assert_eq!(codes(&by_days), codes(&by_rows));
}

#[test]
fn the_day_number_path_gives_the_row_paths_instants() {
    let (first, last) = (day("2024-01-01"), day("2026-12-31"));
    let days: Vec<i64> = (first..=last).collect();
    let ps = PolicySet::builtin().unwrap();
    let c = ps
        .policy("s2-service-center")
        .unwrap()
        .class("promised")
        .unwrap();
    for limit in 0..=20 {
        same_as_rows(&c, &days, &LimitColumn::Same(limit));
    }
    // Per-row limits, and a date the calendar does not cover (a bad row in its place).
    let mut mixed = days.clone();
    mixed.push(day("2189-01-01"));
    let limits = (0..mixed.len()).map(|i| (i % 21) as u32).collect();
    same_as_rows(&c, &mixed, &LimitColumn::Given(limits));

    let out = c
        .due_column(
            &StartColumn::Days(vec![day("2026-09-30"), day("2189-01-01")]),
            &LimitColumn::Same(5),
            WITH_INSTANTS,
        )
        .unwrap();
    assert_eq!(out.dates[0], day("2026-10-13"));
    let midnight = chrono::DateTime::parse_from_rfc3339("2026-10-14T00:00:00+08:00").unwrap();
    assert_eq!(out.instants, Some(vec![midnight.timestamp(), NAT]));

    let town = PolicySet::from_sources(&[("town.toml", TOWN)]).unwrap();
    let permit = town.policy("town").unwrap().class("permit").unwrap();
    same_as_rows(&permit, &days, &LimitColumn::Default);
    let out = permit
        .due_column(
            &StartColumn::Days(vec![day("2026-11-27")]),
            &LimitColumn::Default,
            WITH_INSTANTS,
        )
        .unwrap();
    let close = chrono::DateTime::parse_from_rfc3339("2026-11-30T17:00:00+08:00").unwrap();
    assert_eq!(out.instants, Some(vec![close.timestamp()]));
}
