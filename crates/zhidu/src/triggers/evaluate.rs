//! One enterprise's facts against every trigger of the policy.

use chrono::{FixedOffset, Months, NaiveDate};
use rust_decimal::Decimal;

use super::model::{Model, Test, Trigger};
use super::{EnterpriseFacts, Fired};
use crate::Error;

/// `date` + `n` months on the calendar, clamped to the month's last day (08-31 + 6 = 02-28).
pub(crate) fn add_months(date: NaiveDate, n: u32) -> Option<NaiveDate> {
    date.checked_add_months(Months::new(n))
}

/// Whole calendar months from `start` to `end` (`start + n months ≤ end`).
pub(crate) fn whole_months(start: NaiveDate, end: NaiveDate) -> u32 {
    let mut n = 0u32;
    while add_months(start, n + 1).is_some_and(|d| d <= end) {
        n += 1;
    }
    n
}

pub(super) fn enterprise(
    model: &Model,
    f: &EnterpriseFacts,
    offset: FixedOffset,
) -> Result<(NaiveDate, Vec<Fired>), Error> {
    let as_of = f.as_of.local_date(offset);
    let halt = match f.halt_start {
        None => None,
        Some(start) => {
            let start = start.local_date(offset);
            let end = f.halt_end.map_or(as_of, |e| e.local_date(offset));
            if start > end {
                return Err(Error::input(
                    format!("the halt of `{}` starts on {start}, after it ends on {end}", f.enterprise),
                    Some("give `halt_end` on or after `halt_start`, or leave it empty while the halt lasts until the application".to_owned()),
                ));
            }
            if end > as_of {
                return Err(Error::input(
                    format!("the halt of `{}` ends on {end}, after the application on {as_of}", f.enterprise),
                    Some("the facts are those known on `as_of`: leave `halt_end` empty while the halt lasts".to_owned()),
                ));
            }
            Some((start, end))
        }
    };
    let mut fired = Vec::new();
    for t in &model.triggers {
        if let Some(reason) = test(t, f, as_of, halt) {
            fired.push(Fired {
                clause: t.source.clause.clone(),
                name: t.name.clone(),
                check: t.check,
                reason,
                defaults: t.defaults.clone(),
            });
        }
    }
    Ok((as_of, fired))
}

fn test(
    t: &Trigger,
    f: &EnterpriseFacts,
    as_of: NaiveDate,
    halt: Option<(NaiveDate, NaiveDate)>,
) -> Option<String> {
    match &t.test {
        Test::NewEnterprise => f
            .new_enterprise
            .then(|| "a newly established processing-trade firm".to_owned()),
        Test::NewContract => f
            .new_contract
            .then(|| "the firm applies for a new contract".to_owned()),
        Test::BeyondScope => f
            .beyond_scope
            .then(|| "its products go beyond the original business scope".to_owned()),
        Test::Other => f
            .other
            .as_ref()
            .filter(|o| !o.trim().is_empty())
            .map(|o| format!("recorded by a person: `{}`", o.trim())),
        Test::HaltThenNewContract { months } => {
            let (start, end) = halt?;
            let n = whole_months(start, end);
            (f.new_contract && n >= *months).then(|| {
                format!("halted from {start} to {end}, {n} whole months (at least {months}), then a new contract")
            })
        }
        Test::Arrears { months } => {
            let rent = f.rent_arrears_months.filter(|r| r >= months);
            let wages = f.wage_arrears_months.filter(|w| w >= months);
            // One catalogue text per case, so the reason renders whole in another language.
            match (rent, wages) {
                (Some(r), Some(w)) => Some(format!(
                    "rent in arrears {r} months (at least {months}); wages in arrears {w} months (at least {months})"
                )),
                (Some(r), None) => Some(format!("rent in arrears {r} months (at least {months})")),
                (None, Some(w)) => Some(format!("wages in arrears {w} months (at least {months})")),
                (None, None) => None,
            }
        }
        Test::DeclaredOverWriteOff { ratio, months } => {
            let declared = f.declared?;
            // The rolling window up to the application, both ends inclusive (A27).
            let from = as_of.checked_sub_months(Months::new(*months))?;
            let in_window: Vec<&Decimal> = f
                .writeoffs
                .iter()
                .filter(|w| (from..=as_of).contains(&w.executed))
                .map(|w| &w.quantity)
                .collect();
            let largest = in_window.iter().copied().max()?;
            let threshold = ratio.checked_mul(*largest)?;
            (declared >= threshold).then(|| {
                format!(
                    "declared {declared} ≥ {} = {ratio} × {largest}, the largest write-off of {} contracts executed from {from} to {as_of}",
                    threshold.normalize(),
                    in_window.len()
                )
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn months_clamp_to_the_last_day() {
        assert_eq!(whole_months(d("2026-08-31"), d("2027-02-27")), 5);
        assert_eq!(whole_months(d("2026-08-31"), d("2027-02-28")), 6);
        assert_eq!(whole_months(d("2026-03-01"), d("2026-09-01")), 6);
        assert_eq!(whole_months(d("2026-03-01"), d("2026-08-31")), 5);
        assert_eq!(whole_months(d("2026-03-01"), d("2026-03-01")), 0);
    }
}
