//! Warnings: an answer that stands, with something a person should look at.
//!
//! A warning never changes a result. It says that an input is unusual for the regulation (a
//! promised limit outside the usual 3–5 days, A3) or that the engine set an input aside for a
//! stated reason (an extension recorded after the overrun), and it cites the clause and the
//! open parameter behind that judgement, so a host can print it beside the answer.

use serde::Serialize;

/// Something about an answer that a person should know; the answer itself stands.
///
/// `code` is stable (hosts and tests match on it); `message` is for people; `clause` is the
/// clause id the judgement rests on and `default` the open parameter of `regulations.md` §5
/// (`A3` …) or `—` when it is the engine's documented semantics.
///
/// # Example
///
/// ```
/// use zhidu::{PolicySet, Start};
/// let ps = PolicySet::builtin()?;
/// let due = ps.policy("s2-service-center")?.due("promised", "2026-09-30".parse::<Start>()?, Some(8))?;
/// assert_eq!(due.warnings[0].code, "outside_usual_range");
/// assert_eq!(due.warnings[0].default.as_deref(), Some("A3"));
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct Warning {
    /// A stable code: `outside_usual_range`, `clock_never_started`, `late_extension_ignored`,
    /// `late_suspension_ignored`.
    pub code: String,
    /// What happened, in words.
    pub message: String,
    /// The clause the judgement rests on.
    pub clause: String,
    /// The open parameter (§5 number) or `—` for the engine's documented semantics.
    pub default: Option<String>,
}

impl Warning {
    pub(crate) fn new(
        code: &str,
        message: String,
        clause: impl Into<String>,
        default: Option<&str>,
    ) -> Warning {
        Warning {
            code: code.to_owned(),
            message,
            clause: clause.into(),
            default: default.map(str::to_owned),
        }
    }
}
