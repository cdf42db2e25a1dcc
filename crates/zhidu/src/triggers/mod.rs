//! 验厂 triggers (S8.verify.1–7): the facts about an enterprise at the date it applies →
//! every verification that fires, each with its reason (the numbers compared), its clause and
//! the defaults it used. Every trigger is evaluated and every one that fires is reported
//! (A27); `以上` is inclusive (A14).
//!
//! Months are counted on the calendar: `n` months after a date is the same day-of-month `n`
//! months later, or the month's last day when it has no such day (08-31 + 6 months =
//! 02-28). A halt from `halt_start` to `halt_end` (or to the application date while it
//! lasts) is `n` months long when `halt_start + n months ≤ end`.

pub(crate) mod compile;
mod evaluate;
pub(crate) mod model;

pub use model::Check;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::deadline::Start;
use crate::source::DefaultNote;
use crate::{Error, Policy, SkippedRow};

/// A contract the enterprise executed: when, and the quantity written off (核销数量).
///
/// # Example
///
/// ```
/// let w = zhidu::WriteOff::parse("2026-03-01=1000").unwrap();
/// assert_eq!((w.executed.to_string(), w.quantity.to_string()), ("2026-03-01".into(), "1000".into()));
/// assert!(zhidu::WriteOff::parse("1000").is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct WriteOff {
    /// The day the contract was executed (its write-off).
    pub executed: NaiveDate,
    /// The quantity written off.
    pub quantity: Decimal,
}

impl WriteOff {
    /// A write-off from its text form `YYYY-MM-DD=quantity`.
    ///
    /// # Errors
    ///
    /// [`Error::Input`] when the text is not of that form.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhidu::WriteOff::parse(" 2026-08-15 = 1500.5 ").unwrap().quantity.to_string(), "1500.5");
    /// ```
    pub fn parse(text: &str) -> Result<WriteOff, Error> {
        use core::str::FromStr;
        let bad = || {
            Error::input(
                format!("write-off `{}` is not `date=quantity`", text.trim()),
                Some("write e.g. `2026-03-01=1000`".to_owned()),
            )
        };
        let (day, qty) = text.split_once('=').ok_or_else(bad)?;
        let executed = NaiveDate::from_str(day.trim()).map_err(|_| bad())?;
        let quantity = Decimal::from_str(qty.trim()).map_err(|_| bad())?;
        if quantity < Decimal::ZERO {
            return Err(bad());
        }
        Ok(WriteOff { executed, quantity })
    }
}

/// The facts about one enterprise on the day it applies (one row of `zhidu triggers`).
///
/// # Example
///
/// ```
/// let f = zhidu::EnterpriseFacts::new("E1", "2027-03-01".parse::<zhidu::Start>().unwrap());
/// assert!(!f.new_contract && f.writeoffs.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct EnterpriseFacts {
    /// The enterprise.
    pub enterprise: String,
    /// The day of the application the facts are about.
    pub as_of: Start,
    /// A newly established processing-trade firm (S8.verify.1).
    pub new_enterprise: bool,
    /// It applies for a new contract (S8.verify.2, 3).
    pub new_contract: bool,
    /// The first day of a production halt.
    pub halt_start: Option<Start>,
    /// The day production resumed; none while the halt lasts.
    pub halt_end: Option<Start>,
    /// Products beyond the original business scope (S8.verify.4).
    pub beyond_scope: bool,
    /// The quantity the new contract declares (S8.verify.5).
    pub declared: Option<Decimal>,
    /// Contracts executed, with their write-offs (S8.verify.5).
    pub writeoffs: Vec<WriteOff>,
    /// Months of rent in arrears (S8.verify.6).
    pub rent_arrears_months: Option<u32>,
    /// Months of wages in arrears (S8.verify.6).
    pub wage_arrears_months: Option<u32>,
    /// Another reason to verify, recorded by a person (S8.verify.7).
    pub other: Option<String>,
}

impl EnterpriseFacts {
    /// Facts with nothing set but the enterprise and the date.
    ///
    /// # Example
    ///
    /// ```
    /// let f = zhidu::EnterpriseFacts::new("E1", "2027-03-01".parse::<zhidu::Start>().unwrap());
    /// assert_eq!(f.enterprise, "E1");
    /// ```
    #[must_use]
    pub fn new(enterprise: impl Into<String>, as_of: impl Into<Start>) -> EnterpriseFacts {
        EnterpriseFacts {
            enterprise: enterprise.into(),
            as_of: as_of.into(),
            new_enterprise: false,
            new_contract: false,
            halt_start: None,
            halt_end: None,
            beyond_scope: false,
            declared: None,
            writeoffs: Vec::new(),
            rent_arrears_months: None,
            wage_arrears_months: None,
            other: None,
        }
    }
}

/// A trigger that fired.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Fired {
    /// The clause, such as `S8.verify.5`.
    pub clause: String,
    /// Its name.
    pub name: String,
    /// What the verification looks at.
    pub check: Check,
    /// Why it fired, with the numbers compared.
    pub reason: String,
    /// The defaults the test used.
    pub defaults: Vec<DefaultNote>,
}

/// The verifications one enterprise calls for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct EnterpriseTriggers {
    /// 1-based row.
    pub row: usize,
    /// The enterprise.
    pub enterprise: String,
    /// The day of the application.
    pub as_of: NaiveDate,
    /// Every trigger that fired, in the policy's order.
    pub fired: Vec<Fired>,
    /// The clauses of the triggers that fired.
    pub clauses: Vec<String>,
}

/// The triggers of a batch of enterprises.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Triggers {
    /// The policy.
    pub policy: String,
    /// One per good row, in input order.
    pub enterprises: Vec<EnterpriseTriggers>,
    /// One per bad row.
    pub errors: Vec<SkippedRow>,
}

impl Policy {
    /// Every 验厂 trigger each enterprise fires (S8.verify.1–7), with reasons and clauses.
    ///
    /// # Errors
    ///
    /// [`Error::Input`] when the policy has no `[[trigger]]`; bad rows are in
    /// [`Triggers::errors`].
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{EnterpriseFacts, Start};
    /// let ps = zhidu::PolicySet::builtin()?;
    /// let s8 = ps.policy("s8-investment-centre")?;
    /// // Halted 2026-03-01, applies for a new contract on 2026-09-01: exactly 6 months (A14, A27).
    /// let mut f = EnterpriseFacts::new("E1", "2026-09-01".parse::<Start>()?);
    /// f.new_contract = true;
    /// f.halt_start = Some("2026-03-01".parse::<Start>()?);
    /// let t = s8.triggers(&[Ok(f)])?;
    /// assert_eq!(t.enterprises[0].clauses, ["S8.verify.2", "S8.verify.3"]);
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    pub fn triggers(&self, rows: &[Result<EnterpriseFacts, Error>]) -> Result<Triggers, Error> {
        let model = self.triggers.as_ref().ok_or_else(|| {
            Error::input(
                format!("policy `{}` has no verification triggers", self.id),
                Some("policies with `[[trigger]]`: s8-investment-centre".to_owned()),
            )
        })?;
        let offset = self.calendar().offset();
        let mut out = Triggers {
            policy: self.id.clone(),
            enterprises: Vec::new(),
            errors: Vec::new(),
        };
        for (i, row) in rows.iter().enumerate() {
            let n = i + 1;
            match row
                .as_ref()
                .map_err(Clone::clone)
                .and_then(|f| evaluate::enterprise(model, f, offset))
            {
                Ok((as_of, fired)) => {
                    let facts = row
                        .as_ref()
                        .map(|f| f.enterprise.clone())
                        .unwrap_or_default();
                    out.enterprises.push(EnterpriseTriggers {
                        row: n,
                        enterprise: facts,
                        as_of,
                        clauses: fired.iter().map(|f| f.clause.clone()).collect(),
                        fired,
                    });
                }
                Err(e) => out.errors.push(SkippedRow::new("enterprise", n, e)),
            }
        }
        Ok(out)
    }
}
