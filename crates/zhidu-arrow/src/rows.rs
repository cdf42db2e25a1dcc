//! A record batch read as rows of any kind, by the core's one row reader.

use arrow_array::RecordBatch;
use zhidu::rows::{Column, FromRow, read_frame};

use crate::{Error, column};

/// The columns of a batch as the core's row reader takes them.
pub(crate) fn frame(batch: &RecordBatch) -> Result<Vec<(String, Column)>, Error> {
    let schema = batch.schema();
    let mut columns = Vec::with_capacity(batch.num_columns());
    for (field, array) in schema.fields().iter().zip(batch.columns()) {
        columns.push((field.name().clone(), column(field.name(), array.as_ref())?));
    }
    Ok(columns)
}

/// Every row of a batch read as a row of kind `T` (a [`zhidu::Case`], a
/// [`zhidu::rows::RosterEntry`], a [`zhidu::rows::DueRow`] …): each row in its place, a row
/// that cannot be read an error with its row number (from 1). `what` names the input in
/// messages (`cases`).
///
/// # Errors
///
/// A column that is no field of the kind, a required field without a column, or a column
/// of a type zhidu cannot read.
///
/// # Example
///
/// ```
/// use std::sync::Arc;
/// use arrow_array::{ArrayRef, RecordBatch, StringArray};
/// let batch = RecordBatch::try_from_iter([
///     ("subject", Arc::new(StringArray::from(vec![Some("张三"), Some("李四")])) as ArrayRef),
///     ("window", Arc::new(StringArray::from(vec![Some("W01"), None])) as ArrayRef),
/// ])?;
/// let rows = zhidu_arrow::read_rows::<zhidu::rows::RosterEntry>("roster", &batch)?;
/// assert_eq!(rows[0].as_ref().map(|r| r.window.as_str()).ok(), Some("W01"));
/// assert_eq!(rows[1].as_ref().map_err(|e| e.to_string()).err().as_deref(), Some("`window` is missing"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_rows<T: FromRow>(
    what: &str,
    batch: &RecordBatch,
) -> Result<Vec<Result<T, zhidu::Error>>, Error> {
    Ok(read_frame::<T>(what, batch.num_rows(), &frame(batch)?)?)
}
