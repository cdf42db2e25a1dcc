//! The days a due day rolls over (顺延) are marked on the explanation, for hosts to show on
//! the day itself. Hand-computed from cn-holidays.tsv: 2026-10-01..07 are 国庆节 holidays,
//! 2026-10-08 (Thursday) is the first working day after them.

use zhidu::{Lang, PolicySet, Start};

#[test]
fn a_petition_due_on_a_holiday_rolls_to_the_next_working_day_and_marks_the_days() {
    let ps = PolicySet::builtin().unwrap();
    // S10 信访件: calendar days rolled to a working day (A4). Accepted Mon 09-28 with 3 days:
    // 09-29 (1), 09-30 (2), 10-01 (3, 国庆节) → rolls past 10-02..10-07 to Thu 10-08.
    let class = ps
        .policy("s10-service-system")
        .unwrap()
        .class("petition")
        .unwrap();
    let start: Start = "2026-09-28T10:00:00+08:00".parse().unwrap();
    let ex = class.explain(start, Some(3)).unwrap();
    assert_eq!(ex.due.due_date.to_string(), "2026-10-08");
    assert_eq!(ex.due.due_at_words(Lang::Zh), "2026-10-08（星期四）24:00");
    let rolled: Vec<String> = ex
        .days
        .iter()
        .filter(|d| d.rolled)
        .map(|d| d.date.to_string())
        .collect();
    assert_eq!(
        rolled,
        [
            "2026-10-02",
            "2026-10-03",
            "2026-10-04",
            "2026-10-05",
            "2026-10-06",
            "2026-10-07",
            "2026-10-08"
        ]
    );
    // The day the count landed on is counted, not rolled over.
    let landed = ex.days.iter().find(|d| d.date.to_string() == "2026-10-01");
    assert_eq!(
        landed.map(|d| (d.counted, d.rolled)),
        Some((Some(3), false))
    );
}

#[test]
fn a_working_day_count_rolls_over_nothing() {
    let ps = PolicySet::builtin().unwrap();
    let class = ps
        .policy("s2-service-center")
        .unwrap()
        .class("promised")
        .unwrap();
    let start: Start = "2026-09-30T10:00:00+08:00".parse().unwrap();
    let ex = class.explain(start, Some(5)).unwrap();
    assert!(ex.days.iter().all(|d| !d.rolled));
}
