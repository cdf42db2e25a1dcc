//! Property tests for scoring: category bounds, totals, fines and order independence, on
//! random incidents drawn from the shipped S2 and S14 tables.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test with a broken fixture should fail loudly"
)]

use proptest::prelude::*;
use rust_decimal::Decimal;
use zhidu::{AssessRequest, Incident, Points, PolicySet, Start};

/// A random incident: rule index, subject, window, day of October, quantity, chosen points.
type Raw = (usize, usize, usize, u32, i64, u32);

fn incidents(policy: &str, raw: &[Raw]) -> Vec<Incident> {
    let ps = PolicySet::builtin().unwrap();
    let table = ps.policy(policy).unwrap().deduction_table().unwrap();
    let rules: Vec<_> = table
        .rules
        .iter()
        .filter(|r| !r.from_overdue_cases)
        .collect();
    raw.iter()
        .map(|&(r, s, w, day, q, p)| {
            let rule = rules[r % rules.len()];
            let mut i = Incident::new(
                ["甲", "乙", "丙", "丁", "戊"][s % 5],
                rule.code.clone(),
                format!("2026-10-{:02}T10:00", day)
                    .parse::<Start>()
                    .unwrap(),
            );
            i.window = Some(["W01", "W02", "W03"][w % 3].to_owned());
            i.quantity = Some(q);
            // A chosen value has its reason (A6); S2.kq.5 names its basis (A30); bonuses of a
            // family may share a deed (A33).
            i.note = Some("理由".to_owned());
            if rule.basis_from.is_some() {
                i.basis = Some(
                    ["S2.assess.qin.1", "S2.assess.lian.1", "S2.assess.neng.5"][p as usize % 3]
                        .to_owned(),
                );
            }
            i.reference = Some(["D1", "D2"][s % 2].to_owned());
            i.points = match &rule.points {
                Points::Range { min, max } => Some(i64::from(min + p % (max - min + 1))),
                Points::Choices { values } => Some(i64::from(values[p as usize % values.len()])),
                _ => None,
            };
            i
        })
        .collect()
}

fn raw_incidents() -> impl Strategy<Value = Vec<Raw>> {
    prop::collection::vec(
        (
            0usize..64,
            0usize..5,
            0usize..3,
            1u32..=31,
            1i64..=6,
            0u32..100,
        ),
        0..60,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn cards_keep_their_invariants(raw in raw_incidents(), s14 in any::<bool>()) {
        let policy = if s14 { "s14-window-scorecard" } else { "s2-service-center" };
        let ps = PolicySet::builtin().unwrap();
        let p = ps.policy(policy).unwrap();
        let incidents = incidents(policy, &raw);
        let a = p.assess(&AssessRequest::new("2026-10".parse().unwrap()).incidents(&incidents)).unwrap();
        prop_assert!(a.errors.is_empty(), "{:?}", a.errors);
        for card in &a.scorecards {
            for c in &card.categories {
                prop_assert!(c.floor <= c.score && c.score <= c.maximum, "{} {}: {}", card.subject, c.id, c.score);
                prop_assert_eq!(c.applied_deductions, c.maximum - c.score);
                prop_assert!(c.applied_deductions <= c.raw_deductions);
            }
            let categories: i64 = card.categories.iter().map(|c| c.score).sum();
            prop_assert_eq!(card.total, categories + card.bonus);
            let fines: Decimal = card.lines.iter().map(|l| l.fine).sum();
            prop_assert_eq!(card.fines, fines);
            let withholdings: Decimal = card.lines.iter().map(|l| l.withholding).sum();
            prop_assert_eq!(card.withholdings, withholdings);
            prop_assert!(card.lines.iter().filter(|l| l.superseded).all(|l| l.points == 0));
            let bonus: i64 = card.lines.iter().filter(|l| l.points > 0).map(|l| l.points).sum();
            prop_assert_eq!(card.bonus, bonus);
        }
    }

    #[test]
    fn scoring_does_not_depend_on_incident_order(raw in raw_incidents(), seed in any::<u64>(), s14 in any::<bool>()) {
        let policy = if s14 { "s14-window-scorecard" } else { "s2-service-center" };
        let ps = PolicySet::builtin().unwrap();
        let p = ps.policy(policy).unwrap();
        let forward = incidents(policy, &raw);
        let mut shuffled = forward.clone();
        // Fisher–Yates with a simple generator: any permutation will do.
        let mut x = seed | 1;
        for i in (1..shuffled.len()).rev() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            shuffled.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let period = "2026-10".parse().unwrap();
        let a = p.assess(&AssessRequest::new(period).incidents(&forward)).unwrap();
        let b = p.assess(&AssessRequest::new(period).incidents(&shuffled)).unwrap();
        prop_assert_eq!(a.scorecards.len(), b.scorecards.len());
        for (x, y) in a.scorecards.iter().zip(&b.scorecards) {
            prop_assert_eq!(&x.subject, &y.subject);
            prop_assert_eq!(x.total, y.total);
            prop_assert_eq!(x.fines, y.fines);
            prop_assert_eq!(x.withholdings, y.withholdings);
            prop_assert_eq!(&x.categories, &y.categories);
            prop_assert_eq!(x.lines.len(), y.lines.len());
            let mut ex: Vec<&str> = x.effects.iter().map(|e| &*e.name).collect();
            let mut ey: Vec<&str> = y.effects.iter().map(|e| &*e.name).collect();
            ex.sort_unstable();
            ey.sort_unstable();
            prop_assert_eq!(ex, ey);
        }
        prop_assert_eq!(p.rank(&a).unwrap(), p.rank(&b).unwrap());
    }
}
