//! CSV inputs: open a file, read its header once, find columns by name.
//!
//! Every reader of the CLI (due rows, case logs, incidents, violations) looks columns up by
//! header name, tolerates a byte-order mark and surrounding spaces, and treats an empty cell
//! as absent.

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use crate::error::CliError;
use crate::rows::Rows;

/// A CSV file with its header read, its rows read one at a time in bounded memory (a stray
/// quote costs one row, not the rest of the file: see [`Rows`]).
pub(crate) struct CsvTable {
    rows: Rows<BufReader<File>>,
    headers: csv::StringRecord,
    path: PathBuf,
    fields: Vec<String>,
}

impl CsvTable {
    /// Open `path` and read its header.
    pub(crate) fn open(path: &Path) -> Result<CsvTable, CliError> {
        let read_error = |source: std::io::Error| CliError::Read {
            path: path.to_path_buf(),
            source,
        };
        let file = File::open(path).map_err(read_error)?;
        let mut rows = Rows::new(BufReader::new(file));
        let mut header = Vec::new();
        if let Some((line, Err(e))) = rows.next(&mut header, None).map_err(read_error)? {
            return Err(read_error(std::io::Error::other(format!(
                "the header (line {line}) cannot be read: {e}"
            ))));
        }
        Ok(CsvTable {
            rows,
            headers: csv::StringRecord::from(header),
            path: path.to_path_buf(),
            fields: Vec::new(),
        })
    }

    /// The next data row: its fields, or why it cannot be read; `None` at the end.
    pub(crate) fn next_record(
        &mut self,
    ) -> Result<Option<Result<csv::StringRecord, String>>, CliError> {
        let width = Some(self.headers.len());
        let next = self
            .rows
            .next(&mut self.fields, width)
            .map_err(|source| CliError::Read {
                path: self.path.clone(),
                source,
            })?;
        Ok(next.map(|(_, row)| row.map(|()| csv::StringRecord::from(self.fields.clone()))))
    }

    /// The index of column `name`, if the header has it.
    pub(crate) fn column(&self, name: &str) -> Option<usize> {
        column(&self.headers, name)
    }

    /// The index of column `name`, or an error naming the file and the column.
    pub(crate) fn require(&self, name: &str) -> Result<usize, CliError> {
        self.column(name).ok_or_else(|| CliError::MissingColumn {
            path: self.path.display().to_string(),
            column: name.to_owned(),
        })
    }
}

/// The index of column `name` in a header, ignoring a byte-order mark and spaces.
pub(crate) fn column(headers: &csv::StringRecord, name: &str) -> Option<usize> {
    headers
        .iter()
        .position(|h| h.trim().trim_start_matches('\u{feff}') == name)
}

/// A cell's text, trimmed; `None` for a missing column or an empty cell.
pub(crate) fn cell(record: &csv::StringRecord, column: Option<usize>) -> Option<&str> {
    column
        .and_then(|c| record.get(c))
        .map(str::trim)
        .filter(|s| !s.is_empty())
}
