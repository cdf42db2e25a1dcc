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

/// An error as a JSON object with its code, message and help.
pub(crate) fn error_json(e: &zhidu::Error) -> serde_json::Value {
    serde_json::json!({ "code": e.code(), "message": e.to_string(), "help": e.help() })
}

/// One line of an error for a CSV `error` cell: message and help.
pub(crate) fn error_cell(e: &zhidu::Error) -> String {
    match e.help() {
        Some(h) => format!("{e} ({h})"),
        None => e.to_string(),
    }
}
