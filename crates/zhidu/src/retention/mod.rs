//! Retention (S6 purchase records, the logs the seed gives no period under A28, S12's
//! keep-until-public and destroy-on-discard): records with a kind and a date become a
//! keep-until date and whether they are past it on a given day.
//!
//! A period rule keeps a record at least `years` from its date: the last day kept is the
//! anniversary, and a record dated 29 February keeps until 28 February when the end year
//! has none (the corresponding day, else the month's last day, as 民法典 第二百零三条 counts
//! periods; a marked default). An event rule keeps a record until the event (made public,
//! discarded): a record whose event has not happened by the day asked keeps no date — it is
//! kept "until public", never until a made-up day.

pub(crate) mod compile;
mod evaluate;
pub(crate) mod model;

use chrono::NaiveDate;
use serde::Serialize;

use crate::deadline::Start;
use crate::source::DefaultNote;
use crate::{Error, SkippedRow};

/// A record to keep: its id, its kind (as the policy's `[[retention]]` kinds name it), its
/// date, and the day its rule's event happened, if it did.
///
/// # Example
///
/// ```
/// let r = zhidu::RetentionRecord::new("P-1", "purchase_record", "2024-02-29".parse::<zhidu::Start>().unwrap());
/// assert_eq!(r.kind, "purchase_record");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetentionRecord {
    /// The record's id.
    pub id: String,
    /// Its kind.
    pub kind: String,
    /// The record's date (进货日期, the log's day …); required by period rules.
    pub date: Option<Start>,
    /// When the event of an event rule happened (made public, discarded).
    pub event_on: Option<Start>,
    /// A note.
    pub note: Option<String>,
}

impl RetentionRecord {
    /// A dated record.
    ///
    /// # Example
    ///
    /// ```
    /// let r = zhidu::RetentionRecord::new("L-1", "usage_log", "2025-01-02".parse::<zhidu::Start>().unwrap());
    /// assert!(r.event_on.is_none());
    /// ```
    #[must_use]
    pub fn new(id: impl Into<String>, kind: impl Into<String>, date: impl Into<Start>) -> Self {
        RetentionRecord {
            id: id.into(),
            kind: kind.into(),
            date: Some(date.into()),
            event_on: None,
            note: None,
        }
    }
}

/// Where a record stands on the day asked.
///
/// # Example
///
/// ```
/// assert_eq!(serde_json::to_string(&zhidu::Retained::Past).unwrap(), "\"past\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Retained {
    /// Still to be kept.
    Keep,
    /// Past its keep-until day: no longer required to be kept.
    Past,
    /// Its event happened and the rule says destroy it (S12.3.4.8).
    Destroy,
}

impl core::fmt::Display for Retained {
    /// The serde spelling: `keep`, `past`, `destroy`.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            Retained::Keep => "keep",
            Retained::Past => "past",
            Retained::Destroy => "destroy",
        })
    }
}

/// One record's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RetentionLine {
    /// 1-based row of the record.
    pub row: usize,
    /// The record's id.
    pub id: String,
    /// Its kind.
    pub kind: String,
    /// The rule that keeps it.
    pub rule: String,
    /// The rule's name (进货查验记录 …).
    pub rule_name: String,
    /// The record's date.
    pub date: Option<NaiveDate>,
    /// The last day it is kept; none while it waits for an event.
    pub keep_until: Option<NaiveDate>,
    /// The event it is kept until, while that has not happened (`public` …).
    pub until_event: Option<String>,
    /// `keep`, `past` or `destroy` on the day asked.
    pub status: Retained,
    /// The rule's clauses.
    pub clauses: Vec<String>,
    /// The rule's defaults.
    pub defaults: Vec<DefaultNote>,
    /// The record's note.
    pub note: Option<String>,
}

/// The answers for a batch of records on one day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Retention {
    /// The policy.
    pub policy: String,
    /// The day asked.
    pub as_of: NaiveDate,
    /// One per good row, in row order.
    pub records: Vec<RetentionLine>,
    /// The ids of the records past their keep-until day or to destroy, in row order.
    pub past: Vec<String>,
    /// One per bad row.
    pub errors: Vec<SkippedRow>,
}

impl crate::Policy {
    /// Keep-until days of a batch of records, and which are past them on `as_of`: every
    /// good row answered, every bad row (an unknown kind, a period rule's record without a
    /// date) one error with its row number.
    ///
    /// # Errors
    ///
    /// [`Error::Input`] when the policy has no `[[retention]]` rules.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Retained, RetentionRecord, Start};
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let p = ps.policy("s6-food-additives").unwrap();
    /// let day = |s: &str| s.parse::<Start>().unwrap();
    /// // S6.mgmt.3b: purchase records at least two years; 2024-02-29 keeps until 2026-02-28.
    /// let r = p.retention(&[Ok(RetentionRecord::new("P-1", "purchase_record", day("2024-02-29")))], "2026-03-01".parse().unwrap()).unwrap();
    /// assert_eq!(r.records[0].keep_until.unwrap().to_string(), "2026-02-28");
    /// assert_eq!(r.records[0].status, Retained::Past);
    /// ```
    pub fn retention(
        &self,
        records: &[Result<RetentionRecord, Error>],
        as_of: NaiveDate,
    ) -> Result<Retention, Error> {
        let model = self.retention.as_ref().ok_or_else(|| {
            Error::input(
                format!("policy `{}` has no retention rules", self.id),
                Some("policies with `[[retention]]`: s2-service-center, s4-duty-rota, s5-pest-control, s6-food-additives, s11-occupational-health, s12-confidentiality, s15-township-center".to_owned()),
            )
        })?;
        let offset = self.calendar().offset();
        let mut lines = Vec::new();
        let mut errors = Vec::new();
        for (i, r) in records.iter().enumerate() {
            let row = i + 1;
            match r {
                Err(e) => errors.push(SkippedRow::new("record", row, e.clone())),
                Ok(rec) => match evaluate::keep(model, rec, row, as_of, offset) {
                    Ok(l) => lines.push(l),
                    Err(e) => errors.push(SkippedRow::new("record", row, e)),
                },
            }
        }
        let past = lines
            .iter()
            .filter(|l| l.status != Retained::Keep)
            .map(|l| l.id.clone())
            .collect();
        Ok(Retention {
            policy: self.id.clone(),
            as_of,
            records: lines,
            past,
            errors,
        })
    }
}
