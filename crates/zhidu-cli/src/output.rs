//! Printing helpers shared by the commands.

use crate::error::CliError;

/// Print a failure to stderr with its help and, for policy errors, every diagnostic.
pub(crate) fn print_error(e: &CliError) {
    eprintln!("error: {e}");
    if let CliError::Core(core) = e {
        for d in core.diagnostics() {
            eprintln!("{d}");
        }
    }
    if let Some(help) = e.help() {
        if e.diagnostics_len() == 0 {
            eprintln!("  help: {help}");
        }
    }
}

impl CliError {
    fn diagnostics_len(&self) -> usize {
        match self {
            CliError::Core(e) => e.diagnostics().len(),
            _ => 0,
        }
    }
}

/// An error as a JSON object with its code, message and help, and for a row that could not
/// be read, its row error (kind, row, line, field, code) as every host gives it.
pub(crate) fn error_json(e: &zhidu::Error) -> serde_json::Value {
    let mut v = serde_json::json!({ "code": e.code(), "message": e.to_string(), "help": e.help() });
    if let (Some(row), Some(map)) = (e.row(), v.as_object_mut()) {
        map.insert(
            "row".to_owned(),
            serde_json::to_value(row).unwrap_or(serde_json::Value::Null),
        );
    }
    v
}

/// One line of an error of a row: `kind row N: message (help)` for a row that could not be
/// read, the message and help otherwise.
pub(crate) fn row_error_cell(e: &zhidu::Error) -> String {
    match (e.row(), e.help()) {
        (Some(row), Some(h)) => format!("{row} ({h})"),
        (Some(row), None) => row.to_string(),
        (None, _) => error_cell(e),
    }
}

/// One line of an error for a CSV `error` cell: message and help.
pub(crate) fn error_cell(e: &zhidu::Error) -> String {
    match e.help() {
        Some(h) => format!("{e} ({h})"),
        None => e.to_string(),
    }
}
