//! The CLI's one error type.

use std::path::PathBuf;

/// What can make a command fail outright (bad rows are reported per row instead).
#[derive(Debug, thiserror::Error)]
pub(crate) enum CliError {
    /// An error of the core, shown with its help text.
    #[error(transparent)]
    Core(#[from] zhidu::Error),
    /// A file that cannot be opened or read.
    #[error("cannot read `{path}`: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Writing the output failed (a closed pipe, a full disk).
    #[error("cannot write the output: {0}")]
    Write(#[from] std::io::Error),
    /// A file the command writes cannot be written.
    #[error("cannot write `{path}`: {source}")]
    WriteFile {
        path: PathBuf,
        source: std::io::Error,
    },
    /// `zhidu schema KIND` for a kind without a schema.
    #[error("no schema for `{kind}`")]
    UnknownSchema { kind: String, kinds: String },
    /// A CSV file whose header lacks a needed column.
    #[error("`{path}` has no `{column}` column")]
    MissingColumn { path: String, column: String },
    /// CSV output could not be written.
    #[error("cannot write csv: {0}")]
    Csv(#[from] csv::Error),
    /// One of `diff`'s two policy sets cannot be loaded: named, with the core's error.
    #[error("the {side} set `{set}` cannot be loaded: {source}")]
    Set {
        side: &'static str,
        set: String,
        source: zhidu::Error,
    },
    /// JSON output could not be written.
    #[error("cannot write json: {0}")]
    Json(#[from] serde_json::Error),
}

impl CliError {
    /// The message in `lang` (the core's catalogue has the CLI's own messages too).
    pub(crate) fn message_in(&self, lang: zhidu::Lang) -> String {
        match self {
            CliError::Core(e) => e.message_in(lang),
            CliError::Set { side, set, source } => lang
                .text(
                    "label.cli.set_failed",
                    &[
                        (
                            "side",
                            &lang
                                .text(&format!("label.cli.side_{side}"), &[])
                                .unwrap_or_else(|| (*side).to_owned()),
                        ),
                        ("set", set),
                        ("message", &source.message_in(lang)),
                    ],
                )
                .unwrap_or_else(|| self.to_string()),
            _ => lang.translate(&self.to_string()),
        }
    }

    /// The help text in `lang`.
    pub(crate) fn help_in(&self, lang: zhidu::Lang) -> Option<String> {
        match self {
            CliError::Core(e) | CliError::Set { source: e, .. } => e.help_in(lang),
            _ => self.help().map(|h| lang.translate(&h)),
        }
    }

    pub(crate) fn help(&self) -> Option<String> {
        match self {
            CliError::Core(e) | CliError::Set { source: e, .. } => e.help(),
            CliError::UnknownSchema { kinds, .. } => Some(format!("the kinds are `{kinds}`")),
            CliError::MissingColumn { .. } => {
                Some("the first line must name the columns, e.g. `accepted_at,days`".to_owned())
            }
            _ => None,
        }
    }
}
