//! CSV and JSON Lines inputs: open a file and hand it to the core's readers
//! (`zhidu::rows`), which choose the format by the file's name and read every kind of row
//! the same way for every host.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use zhidu::rows::{FromRow, Lined};

use crate::error::CliError;

/// Every row of a file of kind `T`, with the file line each starts on, in the format its name
/// gives (`zhidu::rows::TextFormat::of_name`: JSON Lines for `.jsonl`, `.ndjson` and `.json`,
/// CSV otherwise).
pub(crate) fn read_rows<T: FromRow>(path: &Path) -> Result<Vec<Lined<T>>, CliError> {
    zhidu::rows::read_named(&path.display().to_string(), open(path)?).map_err(|e| in_file(path, e))
}

/// The rows of a file of kind `T`, to be read a chunk at a time (a case log too large to
/// hold); the format as [`read_rows`].
pub(crate) fn stream_rows<T: FromRow>(
    path: &Path,
) -> Result<zhidu::rows::RowStream<BufReader<File>, T>, CliError> {
    zhidu::rows::RowStream::named(&path.display().to_string(), open(path)?)
        .map_err(|e| in_file(path, e))
}

/// The roster file's `(person, window)` rows (`zhidu::rows::read_roster`): an entry that
/// cannot be read is a row error in its place, as in every host.
pub(crate) fn read_roster(path: &Path) -> Result<Vec<zhidu::rows::RosterRow>, CliError> {
    zhidu::rows::read_roster(&path.display().to_string(), open(path)?).map_err(|e| in_file(path, e))
}

fn open(path: &Path) -> Result<BufReader<File>, CliError> {
    File::open(path)
        .map(BufReader::new)
        .map_err(|source| CliError::Read {
            path: path.to_path_buf(),
            source,
        })
}

/// A reader's error: a read failure is the CLI's own (its exit code), any other the core's,
/// which already names the file.
pub(crate) fn in_file(path: &Path, e: zhidu::Error) -> CliError {
    match e {
        zhidu::Error::Io { message, .. } => CliError::Read {
            path: path.to_path_buf(),
            source: std::io::Error::other(message),
        },
        other => CliError::Core(other),
    }
}

/// Rows as the core's assessment and decisions take them: each value or, in its place, its
/// row error.
pub(crate) fn values<T>(rows: Vec<Lined<T>>) -> Vec<Result<T, zhidu::Error>> {
    rows.into_iter()
        .map(|(_, r)| r.map_err(zhidu::Error::from))
        .collect()
}
