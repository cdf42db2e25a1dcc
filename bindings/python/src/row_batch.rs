//! A batch call on one table of rows whose answer is a sequence class (`decide`, `access`,
//! `retention`): `errors=` and the rows' labels read first, the rows answered by the core
//! without the GIL, the rows it skipped reported as `errors=` says, and the answer wrapped
//! with the labels its `errors` show. Written once here so that every such call reports
//! its bad rows the same way (issue #14 point 7).

use std::sync::Arc;

use pyo3::prelude::*;

use crate::Obj;
use crate::batch::{self, Mode};
use crate::error::OrRaise;
use crate::labels::RowLabels;

/// A batch call's `errors=` and its input's row labels (a DataFrame's index).
pub(crate) struct RowBatch {
    mode: Mode,
    labels: RowLabels,
}

impl RowBatch {
    /// Read `errors` and the labels of `input`, whose rows are called `kind` in errors
    /// (`violation 3`).
    pub(crate) fn new(kind: &'static str, input: &Obj, errors: Option<&Obj>) -> PyResult<Self> {
        let mode = Mode::parse(errors)?;
        let labels = RowLabels::default().with(kind, Some(input))?;
        Ok(RowBatch { mode, labels })
    }

    /// Answer `rows` with `answer` (the GIL released), report the rows the answer skipped
    /// (`skipped`) as `errors=` says, and wrap the answer with the labels.
    pub(crate) fn answer<R, A, W>(
        self,
        py: Python<'_>,
        rows: Vec<R>,
        answer: impl FnOnce(&[R]) -> Result<A, zhidu::Error> + Send,
        skipped: fn(&A) -> &[zhidu::SkippedRow],
        wrap: impl FnOnce(Arc<A>, Arc<RowLabels>) -> W,
    ) -> PyResult<W>
    where
        R: Send,
        A: Send,
    {
        let n = rows.len();
        // The rows are dropped without the GIL too.
        let inner = py.detach(move || answer(&rows)).or_raise(py)?;
        batch::report_skipped(py, skipped(&inner), n, self.mode, &self.labels, 1)?;
        Ok(wrap(Arc::new(inner), Arc::new(self.labels)))
    }
}
