//! CSV inputs: open a file, read its header once, find columns by name.
//!
//! Every reader of the CLI (due rows, case logs, incidents, violations) looks columns up by
//! header name, tolerates a byte-order mark and surrounding spaces, and treats an empty cell
//! as absent.

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use crate::error::CliError;

/// A CSV file with its header read.
pub(crate) struct CsvTable {
    pub(crate) reader: csv::Reader<BufReader<File>>,
    headers: csv::StringRecord,
    path: PathBuf,
}

impl CsvTable {
    /// Open `path` and read its header. Rows may have more or fewer fields than the header
    /// (`flexible`): the readers report them per row instead of stopping.
    pub(crate) fn open(path: &Path) -> Result<CsvTable, CliError> {
        let file = File::open(path).map_err(|source| CliError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(BufReader::new(file));
        let headers = reader
            .headers()
            .map_err(|e| CliError::Read {
                path: path.to_path_buf(),
                source: std::io::Error::other(e.to_string()),
            })?
            .clone();
        Ok(CsvTable {
            reader,
            headers,
            path: path.to_path_buf(),
        })
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
