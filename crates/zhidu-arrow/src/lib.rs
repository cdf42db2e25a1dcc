//! A zhidu [`Policy`](zhidu::Policy) over Arrow [`RecordBatch`](arrow_array::RecordBatch)es,
//! for Rust services that already speak Arrow (DataFusion, Polars in Rust, a Flight server):
//! due dates, case statuses and scorecards, batches in and batches out.
//!
//! The crate only converts: every answer is the core's, computed once there. Input columns
//! are named as the core's row schemas name their fields ([`zhidu::rows::INCIDENT`],
//! [`zhidu::rows::CASE`], [`zhidu::rows::DUE`], [`zhidu::rows::ROSTER`]), in any order; the
//! types each field takes are in [`column`]'s table (texts as `Utf8`, `LargeUtf8`, `Utf8View`
//! or a dictionary of them; integer ids accepted as text, as in every host; instants as
//! `Timestamp` — with a time zone that instant, without one a wall time in the calendar's
//! zone — or `Date32`; quantities and points as any integer type; a null is a missing value).
//!
//! A bad row is an error in its place with its row number (counted from 1, or its position in
//! the output batch) and every other row is answered, as in every batch of the project. A
//! column of a type zhidu cannot read, or a column that is no field, fails the whole call.
//!
//! Every batch written carries the policy's [`zhidu::Stamp`] in its schema metadata, under
//! [`STAMP_KEY`], as JSON: an answer always names the rules that gave it.
//!
//! arrow-rs is pinned to the version of the newest `pyo3-arrow` for pyo3 0.30 (arrow 59), so
//! the Python binding shares it; [`arrow_array`] and [`arrow_schema`] are re-exported.
//!
//! # Example
//!
//! ```
//! use std::sync::Arc;
//! use arrow_array::{ArrayRef, DictionaryArray, Int64Array, RecordBatch, StringArray};
//! use arrow_array::types::Int32Type;
//! let ps = zhidu::PolicySet::builtin()?;
//! let p = ps.policy("s2-service-center")?;
//! let subject: DictionaryArray<Int32Type> = vec!["张三", "张三", "李四"].into_iter().collect();
//! let batch = RecordBatch::try_from_iter([
//!     ("subject", Arc::new(subject) as ArrayRef),
//!     ("at", Arc::new(StringArray::from(vec!["2026-10-12"; 3])) as ArrayRef),
//!     ("rule", Arc::new(StringArray::from(vec!["S2.assess.qin.1", "S2.assess.qin.1", "S2.assess.qin.9"])) as ArrayRef),
//!     ("quantity", Arc::new(Int64Array::from(vec![Some(3), None, None])) as ArrayRef),
//! ])?;
//! let options = zhidu_arrow::AssessOptions::new().lines(false);
//! let out = zhidu_arrow::assess(p, &batch, "2026-10".parse()?, &options)?;
//! assert_eq!(out.card("张三").map(|c| c.total), Some(92)); // 4 × 上班迟到 −2 (S2.assess.qin.1)
//! assert_eq!(out.errors[0].row, 3);                       // no rule `S2.assess.qin.9`
//! let cards = zhidu_arrow::scorecards(p, &out, None)?;
//! assert_eq!(cards.num_rows(), 1);
//! assert!(cards.schema().metadata()[zhidu_arrow::STAMP_KEY].contains(&ps.content_hash()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod assess;
mod cards;
mod cases;
mod column;
mod due;
mod incidents;
mod rows;
mod write;

pub use arrow_array;
pub use arrow_schema;

pub use assess::{AssessOptions, assess};
pub use cards::{scorecards, skipped_rows};
pub use cases::{CaseOptions, case_statuses, status_batch};
pub use column::column;
pub use due::{DueOptions, due_batch, due_many, due_many_arrays, limit_column};
pub use rows::read_rows;
pub use write::STAMP_KEY;

/// An input error of the core's kind (so its `message_in` finds the catalogue's Chinese).
pub(crate) fn input(message: impl Into<String>, hint: Option<String>) -> zhidu::Error {
    zhidu::Error::Input {
        message: message.into(),
        hint,
    }
}

/// What went wrong with a whole call (a bad row is never one: it is an error in its place).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The core's error: an unknown class or rule-less policy, a column that is no field or
    /// of a type zhidu cannot read. Its `message_in` speaks Chinese too.
    #[error(transparent)]
    Zhidu(#[from] zhidu::Error),
    /// arrow-rs refused to build an output batch.
    #[error(transparent)]
    Arrow(#[from] arrow_schema::ArrowError),
}
