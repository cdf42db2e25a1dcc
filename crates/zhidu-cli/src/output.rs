//! Printing helpers shared by the commands.

use std::sync::OnceLock;

use zhidu::Lang;

use crate::error::CliError;

/// The language of this run's messages, set once by `main` from `--lang` or the locale.
static LANG: OnceLock<Lang> = OnceLock::new();

/// Set the language of messages (the first call wins).
pub(crate) fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The language of messages: `--lang`, else the locale, else English.
pub(crate) fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// Print a failure to stderr with its help and, for policy errors, every diagnostic.
pub(crate) fn print_error(e: &CliError) {
    let lang = lang();
    let label = match lang {
        Lang::Zh => "错误：",
        Lang::En => "error: ",
    };
    eprintln!("{label}{}", e.message_in(lang));
    if let CliError::Core(core) = e {
        for d in core.diagnostics() {
            eprintln!("{}", d.render_in(lang));
        }
    }
    if let Some(help) = e.help_in(lang) {
        if e.diagnostics_len() == 0 {
            match lang {
                Lang::Zh => eprintln!("  帮助：{help}"),
                Lang::En => eprintln!("  help: {help}"),
            }
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
    let lang = lang();
    let mut v = serde_json::json!({ "code": e.code(), "message": e.message_in(lang), "help": e.help_in(lang) });
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
    let lang = lang();
    match (e.help_in(lang), lang) {
        (Some(h), Lang::Zh) => format!("{}（{h}）", e.message_in(lang)),
        (Some(h), Lang::En) => format!("{} ({h})", e.message_in(lang)),
        (None, _) => e.message_in(lang),
    }
}
