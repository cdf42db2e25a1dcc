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
    eprintln!("{}", error_line(&e.message_in(lang)));
    if let CliError::Core(core) | CliError::Set { source: core, .. } = e {
        for d in core.diagnostics() {
            eprintln!("{}", d.render_in(lang));
        }
    }
    if let Some(help) = e.help_in(lang) {
        if e.diagnostics_len() == 0 {
            eprintln!("  {}", say("label.cli.help_line", &[("help", &help)]));
        }
    }
}

impl CliError {
    fn diagnostics_len(&self) -> usize {
        match self {
            CliError::Core(e) | CliError::Set { source: e, .. } => e.diagnostics().len(),
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
    match e.row() {
        Some(row) => with_help(lang().translate(&row.to_string()), e),
        None => error_cell(e),
    }
}

/// One line of an error for a CSV `error` cell: message and help.
pub(crate) fn error_cell(e: &zhidu::Error) -> String {
    with_help(e.message_in(lang()), e)
}

/// `message (help)`, the help in this run's language and brackets.
fn with_help(message: String, e: &zhidu::Error) -> String {
    let lang = lang();
    match (e.help_in(lang), lang) {
        (Some(h), Lang::Zh) => format!("{message}（{h}）"),
        (Some(h), Lang::En) => format!("{message} ({h})"),
        (None, _) => message,
    }
}

/// `error: message` in this run's language.
pub(crate) fn error_line(message: &str) -> String {
    say("label.cli.error_line", &[("message", message)])
}

/// The CLI's own line `id` (a label of the catalogue) in this run's language, its parameters
/// filled: summaries on stderr are read by people, so they follow `--lang` like errors do.
pub(crate) fn say(id: &str, params: &[(&str, &str)]) -> String {
    lang().text(id, params).unwrap_or_else(|| id.to_owned())
}

/// `1 file` or `3 files`: label `one` or `many` by the count.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    let n_text = n.to_string();
    say(if n == 1 { one } else { many }, &[("count", &n_text)])
}

/// The last line of `check`: `checked 3 files: 0 errors, 1 warning` (`files` already counted).
pub(crate) fn checked(files: &str, errors: usize, warnings: usize) -> String {
    let errors = count(errors, "label.cli.error", "label.cli.errors");
    let warnings = count(warnings, "label.cli.warning", "label.cli.warnings");
    say(
        "label.cli.checked",
        &[
            ("files", files),
            ("errors", &errors),
            ("warnings", &warnings),
        ],
    )
}

/// A bad row's line on stderr, `case row 3: message (help)`, in this run's language (the
/// kind and the frame from the rows' catalogue entry, the message already in it).
pub(crate) fn row_line(kind: &str, row: usize, e: &zhidu::Error) -> String {
    lang().translate(&format!("{kind} row {row}: {}", error_cell(e)))
}

/// A command's JSON answer, pretty-printed, with the policy's [`zhidu::Stamp`] as one more
/// `stamp` field, last, when the answer is an object (issue #17: every answer names the
/// rules that gave it). A list is wrapped by [`enveloped`] instead.
pub(crate) fn stamped<T: serde::Serialize>(
    answer: &T,
    policy: &zhidu::Policy,
) -> Result<String, serde_json::Error> {
    /// The answer's own fields in their order, then `stamp`.
    #[derive(serde::Serialize)]
    struct Stamped<'a, T> {
        #[serde(flatten)]
        answer: &'a T,
        stamp: zhidu::Stamp,
    }
    if serde_json::to_value(answer)?.is_object() {
        serde_json::to_string_pretty(&Stamped {
            answer,
            stamp: policy.stamp(),
        })
    } else {
        serde_json::to_string_pretty(answer)
    }
}

/// A command's answer that is a list, as an object: the list under `noun` (`cards`,
/// `decisions`, …), then the policy's `stamp` (issue #17: a list answer names its rules too,
/// so every `--format json` answer is an object with `stamp`).
pub(crate) fn enveloped<T: serde::Serialize + ?Sized>(
    noun: &str,
    items: &T,
    policy: &zhidu::Policy,
) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(&Envelope {
        noun,
        items,
        stamp: policy.stamp(),
    })
}

/// `{"<noun>": items, "stamp": …}` in that order, the items serialized as they are (no
/// detour through `serde_json::Value`, which would sort their keys).
struct Envelope<'a, T: ?Sized> {
    noun: &'a str,
    items: &'a T,
    stamp: zhidu::Stamp,
}

impl<T: serde::Serialize + ?Sized> serde::Serialize for Envelope<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry(self.noun, self.items)?;
        map.serialize_entry("stamp", &self.stamp)?;
        map.end()
    }
}

/// The stamp as the indented JSON value of a `"stamp": …` member written by hand after a
/// streamed list (`cases`), so a streamed answer ends the same way as [`enveloped`] ones.
pub(crate) fn stamp_member(policy: &zhidu::Policy) -> Result<String, serde_json::Error> {
    let pretty = serde_json::to_string_pretty(&policy.stamp())?;
    Ok(format!("\"stamp\": {}", pretty.replace('\n', "\n  ")))
}

/// The last line of a text or table answer: `computed under <stamp>`, the report footer's
/// label and the stamp's own rendering, so every text answer names its rules the same way.
pub(crate) fn stamp_line(policy: &zhidu::Policy) -> String {
    format!("{} {}", say("label.report.stamp", &[]), policy.stamp())
}

/// A set-wide answer (`coverage`, `explain`: no one policy gave it) as JSON with the set's
/// `content_hash` as one more field, last: the identity of all the files it was read from.
pub(crate) fn hashed<T: serde::Serialize>(
    answer: &T,
    set: &zhidu::PolicySet,
) -> Result<String, serde_json::Error> {
    /// The answer's own fields in their order, then `content_hash`.
    #[derive(serde::Serialize)]
    struct Hashed<'a, T> {
        #[serde(flatten)]
        answer: &'a T,
        content_hash: &'a str,
    }
    serde_json::to_string_pretty(&Hashed {
        answer,
        content_hash: set.content_hash(),
    })
}

/// The last line of a set-wide text answer: `computed under sha256:…`, the words of the
/// report footer's label.
pub(crate) fn hash_line(set: &zhidu::PolicySet) -> String {
    say("label.cli.set_hash", &[("hash", set.content_hash())])
}
