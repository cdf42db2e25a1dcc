//! The one error type of the core crate.

use crate::diagnostic::{Diagnostic, Severity};

/// Everything that can go wrong in zhidu.
///
/// Messages are lowercase, without a final period, with user input in backticks; the detail
/// that helps fix the problem is in [`Error::help`]. Every variant has a stable
/// [`code`](Error::code) that the Python and JavaScript bindings expose.
///
/// # Example
///
/// ```
/// use zhidu::{Error, PolicySet};
///
/// let ps = PolicySet::builtin().unwrap();
/// let err = ps.policy("s2-service-centre").unwrap_err();
/// assert_eq!(err.code(), "unknown_policy");
/// assert_eq!(err.to_string(), "no policy `s2-service-centre`");
/// assert_eq!(err.help().as_deref(), Some("did you mean `s2-service-center`?"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Policy files that do not load; every problem is one diagnostic.
    #[error("{}", policy_summary(.diagnostics))]
    Policy {
        /// Every problem found, errors and warnings, in file order.
        diagnostics: Vec<Diagnostic>,
    },
    /// A date outside the years a calendar covers.
    #[error("calendar `{calendar}` does not cover {year}")]
    Coverage {
        /// The calendar's id.
        calendar: String,
        /// The year that is not covered.
        year: i32,
        /// First covered year.
        first_year: i32,
        /// Last covered year.
        last_year: i32,
    },
    /// A policy id that the set does not have.
    #[error("no policy `{id}`")]
    UnknownPolicy {
        /// The id asked for.
        id: String,
        /// The closest known id, if any.
        closest: Option<String>,
    },
    /// A deadline class or service item that the policy does not have.
    #[error("policy `{policy}` has no deadline class or service item `{id}`")]
    UnknownClass {
        /// The policy asked.
        policy: String,
        /// The class id asked for.
        id: String,
        /// The closest known id, if any.
        closest: Option<String>,
    },
    /// A date the policy is not in force on.
    #[error("policy `{policy}` is not in force on {date}")]
    NotInForce {
        /// The policy asked.
        policy: String,
        /// The date asked about.
        date: String,
    },
    /// A bad value in a request, a case or a row.
    #[error("{message}")]
    Input {
        /// What is wrong.
        message: String,
        /// How to fix it.
        hint: Option<String>,
    },
    /// An input larger than the documented limit; it is refused, not parsed.
    #[error("{what} is {size} {unit}, over the limit of {limit} {unit}")]
    TooLarge {
        /// What was too large (a file name or "the policy set").
        what: String,
        /// Its size, in `unit`.
        size: u64,
        /// The limit, in `unit`.
        limit: u64,
        /// What `size` and `limit` count: `bytes` or `files` (a set of 1,001 files was once
        /// "1001 bytes, over the limit of 1000 bytes").
        unit: &'static str,
    },
    /// Two rules apply with no priority between them and different outcomes.
    #[error("{message}")]
    Conflict {
        /// The clause ids of the rules in conflict.
        clauses: Vec<String>,
        /// What conflicts.
        message: String,
    },
    /// An input row that could not be read: its kind, row, field and problem (see
    /// [`crate::rows`]). Its code is `input`, as for any bad value; [`Error::row`] gives the
    /// detail.
    #[error("{}", .0.message())]
    Row(Box<crate::rows::RowError>),
    /// A file or directory that could not be read.
    #[error("cannot read `{path}`: {message}")]
    Io {
        /// The path.
        path: String,
        /// The operating system's message.
        message: String,
    },
}

/// Every host sees the same error shape: `{code, message, help, diagnostics}`.
///
/// # Example
///
/// ```
/// let err = zhidu::PolicySet::builtin().unwrap().policy("nope").unwrap_err();
/// let v = serde_json::to_value(&err).unwrap();
/// assert_eq!(v["code"], "unknown_policy");
/// assert_eq!(v["message"], "no policy `nope`");
/// ```
impl serde::Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Error", 4)?;
        s.serialize_field("code", self.code())?;
        s.serialize_field("message", &self.to_string())?;
        s.serialize_field("help", &self.help())?;
        s.serialize_field("diagnostics", self.diagnostics())?;
        // Row errors also carry their place and problem code, the same in every host.
        if let Some(row) = self.row() {
            s.serialize_field("row", row)?;
        }
        s.end()
    }
}

fn policy_summary(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    match diagnostics.iter().find(|d| d.severity == Severity::Error) {
        Some(first) if errors == 1 => format!(
            "policy file `{}` has an error at {}:{}: {}",
            first.file, first.line, first.column, first.message
        ),
        Some(first) => format!(
            "policy files have {errors} errors, the first in `{}` at {}:{}: {}",
            first.file, first.line, first.column, first.message
        ),
        None => "policy files have no errors".to_owned(),
    }
}

impl Error {
    /// A stable, machine-readable name of the error kind.
    ///
    /// One of `policy`, `coverage`, `unknown_policy`, `unknown_class`, `not_in_force`,
    /// `input`, `too_large`, `conflict`, `io`.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let p = ps.policy("s2-service-center").unwrap();
    /// let err = p.due("promised", "2101-01-04".parse::<chrono::NaiveDate>().unwrap(), Some(5));
    /// assert_eq!(err.unwrap_err().code(), "coverage");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Error::Policy { .. } => "policy",
            Error::Coverage { .. } => "coverage",
            Error::UnknownPolicy { .. } => "unknown_policy",
            Error::UnknownClass { .. } => "unknown_class",
            Error::NotInForce { .. } => "not_in_force",
            Error::Input { .. } | Error::Row(_) => "input",
            Error::TooLarge { .. } => "too_large",
            Error::Conflict { .. } => "conflict",
            Error::Io { .. } => "io",
        }
    }

    /// How to fix the problem, when zhidu can tell.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let err = ps.policy("s2-service-center").unwrap().class("promsied").unwrap_err();
    /// assert_eq!(err.help().as_deref(), Some("did you mean `promised`?"));
    /// ```
    #[must_use]
    pub fn help(&self) -> Option<String> {
        match self {
            Error::Policy { diagnostics } => diagnostics
                .iter()
                .find(|d| d.severity == Severity::Error)
                .and_then(|d| d.help.clone()),
            Error::Coverage {
                first_year,
                last_year,
                ..
            } => Some(format!(
                "the calendar covers {first_year}–{last_year} (the notice years, then the years \
                 derived from the statute unless the policy sets `beyond_notices = \"error\"`); \
                 add the year's State Council notice as a notice file to go further"
            )),
            Error::UnknownPolicy { closest, .. } | Error::UnknownClass { closest, .. } => {
                closest.as_ref().map(|c| format!("did you mean `{c}`?"))
            }
            Error::NotInForce { .. } => {
                Some("check the policy's `effective_from` and `effective_until`".to_owned())
            }
            Error::Input { hint, .. } => hint.clone(),
            Error::Row(row) => row.hint.clone(),
            Error::TooLarge { .. } => {
                Some("split the input or check that the right file was given".to_owned())
            }
            Error::Conflict { .. } => Some(
                "decide this record by hand, or give one rule a higher `priority` in the policy"
                    .to_owned(),
            ),
            Error::Io { .. } => None,
        }
    }

    /// The diagnostics of a [`Error::Policy`] error; empty for every other kind.
    ///
    /// # Example
    ///
    /// ```
    /// let err = zhidu::PolicySet::from_sources(&[("a.toml", "[polcy]\n")]).unwrap_err();
    /// assert_eq!(err.diagnostics().len(), 1);
    /// assert_eq!(err.diagnostics()[0].help.as_deref(), Some("did you mean `policy`?"));
    /// ```
    #[must_use]
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Error::Policy { diagnostics } => diagnostics,
            _ => &[],
        }
    }

    /// The row error of an input row that could not be read (kind, row, field, problem
    /// code); `None` for every other error.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{Cell, read};
    /// let e: zhidu::Error = read::<zhidu::Incident>(Cell::Integer(1), 3).unwrap_err().into();
    /// assert_eq!(e.row().map(|r| (r.row, r.code())), Some((3, "not_record")));
    /// ```
    #[must_use]
    pub fn row(&self) -> Option<&crate::rows::RowError> {
        match self {
            Error::Row(row) => Some(row),
            _ => None,
        }
    }

    /// The fields of the error's kind beyond its code, message and help, by name: `calendar`,
    /// `year`, `first_year`, `last_year` (`coverage`); `id`, `closest` (`unknown_policy`);
    /// `policy`, `id`, `closest` (`unknown_class`); `policy`, `date` (`not_in_force`); `what`,
    /// `size`, `limit`, `unit` (`too_large`); `clauses` (`conflict`); `path` (`io`). Empty for
    /// the other kinds. Hosts show them as the error's attributes.
    ///
    /// # Example
    ///
    /// ```
    /// let err = zhidu::PolicySet::builtin()?.policy("s2-service-centre").unwrap_err();
    /// let fields = err.fields();
    /// assert_eq!(fields[0], ("id", serde_json::json!("s2-service-centre")));
    /// assert_eq!(fields[1], ("closest", serde_json::json!("s2-service-center")));
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn fields(&self) -> Vec<(&'static str, serde_json::Value)> {
        use serde_json::json;
        match self {
            Error::Coverage {
                calendar,
                year,
                first_year,
                last_year,
            } => vec![
                ("calendar", json!(calendar)),
                ("year", json!(year)),
                ("first_year", json!(first_year)),
                ("last_year", json!(last_year)),
            ],
            Error::UnknownPolicy { id, closest } => {
                vec![("id", json!(id)), ("closest", json!(closest))]
            }
            Error::UnknownClass {
                policy,
                id,
                closest,
            } => vec![
                ("policy", json!(policy)),
                ("id", json!(id)),
                ("closest", json!(closest)),
            ],
            Error::NotInForce { policy, date } => {
                vec![("policy", json!(policy)), ("date", json!(date))]
            }
            Error::TooLarge {
                what,
                size,
                limit,
                unit,
            } => vec![
                ("what", json!(what)),
                ("size", json!(size)),
                ("limit", json!(limit)),
                ("unit", json!(unit)),
            ],
            Error::Conflict { clauses, .. } => vec![("clauses", json!(clauses))],
            Error::Io { path, .. } => vec![("path", json!(path))],
            Error::Policy { .. } | Error::Input { .. } | Error::Row(_) => Vec::new(),
        }
    }

    pub(crate) fn input(message: impl Into<String>, hint: Option<String>) -> Self {
        Error::Input {
            message: message.into(),
            hint,
        }
    }
}
