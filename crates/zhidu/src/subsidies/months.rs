//! A training period split into calendar months: the months it covers whole, and the months
//! it covers in part, with their days.

use chrono::{Datelike, NaiveDate};

use super::PartialMonth;

/// The first day of the month after `d`'s.
fn next_month(d: NaiveDate) -> Option<NaiveDate> {
    let (y, m) = if d.month() == 12 {
        (d.year().checked_add(1)?, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
}

/// Calendar months of `[start, end]` (both days inclusive): `(full, partial)`, each in order.
pub(super) fn split(start: NaiveDate, end: NaiveDate) -> (Vec<String>, Vec<PartialMonth>) {
    let mut full = Vec::new();
    let mut partial = Vec::new();
    let Some(mut first) = start.with_day(1) else {
        return (full, partial);
    };
    while first <= end {
        let Some(next) = next_month(first) else { break };
        let last = next.pred_opt().unwrap_or(first);
        let month = first.format("%Y-%m").to_string();
        let from = start.max(first);
        let to = end.min(last);
        let of_days = u32::try_from((last - first).num_days() + 1).unwrap_or(0);
        let days = u32::try_from((to - from).num_days() + 1).unwrap_or(0);
        if days == of_days {
            full.push(month);
        } else {
            partial.push(PartialMonth {
                month,
                from,
                to,
                days,
                of_days,
            });
        }
        first = next;
    }
    (full, partial)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn whole_and_partial_calendar_months() {
        let (full, partial) = split(d("2027-01-15"), d("2027-04-14"));
        assert_eq!(full, ["2027-02", "2027-03"]);
        assert_eq!(partial.len(), 2);
        assert_eq!((partial[0].days, partial[0].of_days), (17, 31));
        assert_eq!((partial[1].days, partial[1].of_days), (14, 30));
        let (full, partial) = split(d("2028-02-01"), d("2028-02-29"));
        assert_eq!((full.len(), partial.len()), (1, 0));
    }
}
