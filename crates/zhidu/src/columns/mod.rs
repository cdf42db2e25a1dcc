//! Column batches for every host: due dates over many starts with one class, and case
//! statuses over many cases, chunked and spread over threads here, so that a host only
//! converts its columns (numpy arrays, JavaScript arrays, CSV columns) in and out.
//!
//! The number of threads is the host's choice (the core reads no environment): Python uses
//! `ZHIDU_THREADS` or the machine's cores, WebAssembly one.
//!
//! # Example
//!
//! ```
//! use zhidu::columns::{DueOptions, LimitColumn, StartColumn, from_epoch_day};
//! let ps = zhidu::PolicySet::builtin()?;
//! let c = ps.policy("s2-service-center")?.class("promised")?;
//! let out = c.due_column(&StartColumn::Days(vec![20726; 3]), &LimitColumn::Same(5), DueOptions { threads: 2, ..Default::default() })?;
//! assert!(out.dates.iter().all(|&d| from_epoch_day(d).map(|d| d.to_string()).as_deref() == Some("2026-10-13")));
//! # Ok::<(), zhidu::Error>(())
//! ```

mod chunks;
mod due;
mod read;
mod status;

pub use chunks::PARALLEL_MIN_ROWS;
pub use due::{DueColumns, DueOptions, LimitColumn, NAT, StartColumn, epoch_day, from_epoch_day};
pub use read::{RowErrors, whole_days};
