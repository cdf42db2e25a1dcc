//! The S4 duty-rota policy at its limits (issue #18 point 4, the part computable today): its
//! one rule S4.req.4 (该窗口当月不得评为“红旗窗口”, effect only, charged to the window) on every
//! window of a large month, at the largest quantity, scored by S4 itself and through the
//! imports of S2 and S14. Expected values by hand: an effect-only rule costs no points, so every
//! window card keeps its full scale (S2 100, S14 90, A9), and every window with the effect is
//! not eligible for 红旗窗口 that month, disqualified by S4.req.4 imported from `s4-duty-rota`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test with a broken fixture should fail loudly"
)]

use std::time::Instant;

use zhidu::{AssessRequest, Incident, MAX_QUANTITY, PolicySet, Start, SubjectKind};

const WINDOWS: usize = 2_000;
const ROWS_PER_WINDOW: usize = 5;

fn duty_failures(month_day: &str) -> Vec<Incident> {
    let at: Start = month_day.parse().unwrap();
    (0..WINDOWS * ROWS_PER_WINDOW)
        .map(|i| {
            let mut x = Incident::new(format!("值班员{i}"), "S4.req.4", at);
            x.window = Some(format!("W{:04}", i % WINDOWS));
            x.quantity = Some(MAX_QUANTITY);
            x
        })
        .collect()
}

#[test]
fn every_window_disqualified_at_the_largest_quantity() {
    let ps = PolicySet::builtin().unwrap();
    let incidents = duty_failures("2026-10-31T23:59:59+08:00");
    for (policy, scale, imported) in [
        ("s2-service-center", 100, Some("s4-duty-rota")),
        ("s14-window-scorecard", 90, Some("s4-duty-rota")),
        ("s4-duty-rota", 0, None),
    ] {
        let p = ps.policy(policy).unwrap();
        let t = Instant::now();
        let a = p
            .assess(&AssessRequest::new("2026-10".parse().unwrap()).incidents(&incidents))
            .unwrap();
        assert!(a.errors.is_empty(), "{policy}: {:?}", a.errors.first());
        let windows: Vec<_> = a
            .scorecards
            .iter()
            .filter(|c| c.kind == SubjectKind::Window)
            .collect();
        assert_eq!(windows.len(), WINDOWS, "{policy}");
        for w in &windows {
            // S4 itself has no categories: its window cards total 0, the effect only.
            assert_eq!((w.total, w.bonus), (scale, 0), "{policy} {}", w.subject);
            assert_eq!(
                w.effects.len(),
                ROWS_PER_WINDOW,
                "{policy}: one entry per incident"
            );
            assert!(
                w.lines
                    .iter()
                    .all(|l| l.points == 0 && l.quantity == 1_000_000)
            );
        }
        let ranking = p.rank(&a).unwrap();
        assert_eq!(ranking.len(), WINDOWS, "{policy}");
        for r in &ranking {
            assert!(!r.eligible, "{policy} {}", r.window);
            assert_eq!(
                r.disqualified_by.len(),
                ROWS_PER_WINDOW,
                "{policy} {}",
                r.window
            );
            assert_eq!(&*r.disqualified_by[0].rule, "S4.req.4");
            assert_eq!(r.disqualified_by[0].imported_from.as_deref(), imported);
        }
        eprintln!(
            "{policy}: {} rows, {WINDOWS} windows in {:?}",
            incidents.len(),
            t.elapsed()
        );
    }
}

#[test]
fn a_failure_one_second_past_the_month_is_the_next_months() {
    // 当月 is the month of the failure (A25): 2026-11-01 00:00 +08:00 is November's.
    let ps = PolicySet::builtin().unwrap();
    let p = ps.policy("s2-service-center").unwrap();
    let incidents = duty_failures("2026-11-01T00:00:00+08:00");
    let a = p
        .assess(&AssessRequest::new("2026-10".parse().unwrap()).incidents(&incidents))
        .unwrap();
    assert_eq!(a.outside_period, WINDOWS * ROWS_PER_WINDOW);
    assert!(p.rank(&a).unwrap().is_empty());
}
