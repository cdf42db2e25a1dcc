//! CSV and JSON Lines inputs: open a file and hand it to the core's readers
//! (`zhidu::rows`), which read every kind of row the same way for every host.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use zhidu::rows::{FromRow, Lined};

use crate::error::CliError;

/// Every row of a file of kind `T`, with the file line each starts on: JSON Lines when the
/// name ends in `.jsonl` or `.json`, CSV otherwise.
pub(crate) fn read_rows<T: FromRow>(path: &Path) -> Result<Vec<Lined<T>>, CliError> {
    let file = File::open(path).map_err(|source| CliError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let src = BufReader::new(file);
    let jsonl = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("json"));
    let read = if jsonl {
        zhidu::rows::read_jsonl(src)
    } else {
        zhidu::rows::read_csv(src)
    };
    read.map_err(|e| in_file(path, e))
}

/// A reader's error, naming the file: a read failure, or a header without a needed column.
pub(crate) fn in_file(path: &Path, e: zhidu::Error) -> CliError {
    match e {
        zhidu::Error::Io { message, .. } => CliError::Read {
            path: path.to_path_buf(),
            source: std::io::Error::other(message),
        },
        zhidu::Error::Input { message, hint } => CliError::Core(zhidu::Error::Input {
            message: format!("`{}`: {message}", path.display()),
            hint,
        }),
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
