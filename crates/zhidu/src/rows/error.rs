//! The one shape of a row error, in every host.

use super::problem::RowProblem;

/// A row that could not be read: which input, which row, which field, what is wrong.
///
/// `row` counts the input's records from 1 as a person counts them: the first data row of a
/// CSV file (the header is not a row) or the first non-blank line of a JSON Lines file is row
/// 1, as is the first element of a list of dicts or objects. Blank lines are not rows. For a
/// file, `line` is the file line the row starts on (the header is line 1), so a person can
/// find it in an editor.
///
/// # Example
///
/// ```
/// use zhidu::rows::{RowError, RowProblem};
/// let e = RowError::new("incident", RowProblem::Missing).field("rule").at(2);
/// assert_eq!(e.to_string(), "incident row 2: `rule` is missing");
/// assert_eq!(e.code(), "missing");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RowError {
    /// The kind of row: `case`, `event`, `incident`, `violation`, `roster`, `due`.
    pub kind: &'static str,
    /// The row, counted from 1 (0 until the reader places it).
    pub row: usize,
    /// The file line the row starts on, when it was read from a file.
    pub line: Option<u64>,
    /// The field the problem is about, if it is about one.
    pub field: Option<String>,
    /// What is wrong.
    pub problem: RowProblem,
    /// How to fix it.
    pub hint: Option<String>,
}

impl RowError {
    /// A problem with a row of `kind`, not yet placed or tied to a field.
    ///
    /// # Example
    ///
    /// ```
    /// let e = zhidu::rows::RowError::new("case", zhidu::rows::RowProblem::Missing);
    /// assert_eq!(e.row, 0);
    /// ```
    #[must_use]
    pub fn new(kind: &'static str, problem: RowProblem) -> RowError {
        RowError {
            kind,
            row: 0,
            line: None,
            field: None,
            problem,
            hint: None,
        }
    }

    /// The same error about `field`.
    ///
    /// # Example
    ///
    /// ```
    /// let e = zhidu::rows::RowError::new("case", zhidu::rows::RowProblem::Missing).field("id");
    /// assert_eq!(e.field.as_deref(), Some("id"));
    /// ```
    #[must_use]
    pub fn field(mut self, field: impl Into<String>) -> RowError {
        self.field = Some(field.into());
        self
    }

    /// The same error at `row` (counted from 1).
    ///
    /// # Example
    ///
    /// ```
    /// let e = zhidu::rows::RowError::new("case", zhidu::rows::RowProblem::Missing).at(3);
    /// assert_eq!(e.row, 3);
    /// ```
    #[must_use]
    pub fn at(mut self, row: usize) -> RowError {
        self.row = row;
        self
    }

    /// The same error with a hint.
    ///
    /// # Example
    ///
    /// ```
    /// let e = zhidu::rows::RowError::new("case", zhidu::rows::RowProblem::Missing).hint("give `id`");
    /// assert_eq!(e.hint.as_deref(), Some("give `id`"));
    /// ```
    #[must_use]
    pub fn hint(mut self, hint: impl Into<String>) -> RowError {
        self.hint = Some(hint.into());
        self
    }

    /// The problem's stable code (see [`RowProblem::code`]).
    ///
    /// # Example
    ///
    /// ```
    /// let e = zhidu::rows::RowError::new("case", zhidu::rows::RowProblem::Missing);
    /// assert_eq!(e.code(), "missing");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.problem.code()
    }

    /// The problem in English, without the row (see [`RowProblem::message`]).
    ///
    /// # Example
    ///
    /// ```
    /// let e = zhidu::rows::RowError::new("case", zhidu::rows::RowProblem::Missing).field("id");
    /// assert_eq!(e.message(), "`id` is missing");
    /// ```
    #[must_use]
    pub fn message(&self) -> String {
        self.problem.message(self.field.as_deref())
    }
}

impl core::fmt::Display for RowError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{} row {}: {}", self.kind, self.row, self.message())
    }
}

impl std::error::Error for RowError {}

impl serde::Serialize for RowError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("RowError", 7)?;
        s.serialize_field("kind", self.kind)?;
        s.serialize_field("row", &self.row)?;
        s.serialize_field("line", &self.line)?;
        s.serialize_field("field", &self.field)?;
        s.serialize_field("code", self.code())?;
        s.serialize_field("message", &self.message())?;
        s.serialize_field("hint", &self.hint)?;
        s.end()
    }
}

#[cfg(test)]
mod tests {
    /// Small enough to return by value in every host without clippy's `result_large_err`.
    #[test]
    fn a_row_error_is_small() {
        assert!(core::mem::size_of::<super::RowError>() < 128);
    }
}
