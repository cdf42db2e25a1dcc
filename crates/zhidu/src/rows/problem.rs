//! What can be wrong with one row, each problem with a stable code and its English text in
//! one place (the message catalogue takes the texts over, keyed by the codes).

/// A problem with one row (or one field of it).
///
/// The [`code`](RowProblem::code) is stable and the same in every host; the English text is
/// [`RowProblem::message`], lowercase, with the field and the user's value in backticks.
///
/// # Example
///
/// ```
/// use zhidu::rows::RowProblem;
/// let p = RowProblem::NotWhole { got: "`two`".into() };
/// assert_eq!(p.code(), "not_whole");
/// assert_eq!(p.message(Some("quantity")), "`quantity` must be a whole number, not `two`");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RowProblem {
    /// A required field without a value.
    Missing,
    /// A key that is no field of the row's kind.
    UnknownField,
    /// A text field given something else.
    NotText {
        /// What was given, in words.
        got: String,
    },
    /// A whole-number field given something else (a fraction, a word).
    NotWhole {
        /// What was given, in words.
        got: String,
    },
    /// A whole number outside the field's range.
    OutOfRange {
        /// What was given, in words.
        got: String,
        /// The largest value allowed (the smallest is 0).
        max: u32,
    },
    /// A field that must be a date or an instant.
    NotInstant {
        /// What was given, in words.
        got: String,
    },
    /// An amount field given something that is no exact decimal number.
    NotAmount {
        /// What was given, in words.
        got: String,
    },
    /// A yes/no field given something else.
    NotBool {
        /// What was given, in words.
        got: String,
    },
    /// A list field (flags, events) given something else.
    NotList {
        /// What was given, in words.
        got: String,
    },
    /// An event that cannot be read (the compact form, or an event object).
    BadEvent {
        /// Why, from the event reader.
        detail: String,
    },
    /// More list items than the limit (events of one case).
    TooMany {
        /// The limit.
        limit: usize,
    },
    /// A row that is not an object (a JSON line that is an array, a Python value that is
    /// no dict).
    NotRecord {
        /// What was given, in words.
        got: String,
    },
    /// A JSON line that is not JSON.
    NotJson {
        /// The parser's message.
        detail: String,
    },
    /// Text of a file that cannot be read as a row: an unclosed quote, a line over the
    /// limit, bytes that are not UTF-8.
    Unreadable {
        /// Why, with the file line.
        detail: String,
    },
    /// A CSV row without the header's number of fields.
    Width {
        /// Fields in the row.
        fields: usize,
        /// Fields in the header.
        header: usize,
    },
}

impl RowProblem {
    /// The stable, machine-readable name of the problem.
    ///
    /// One of `missing`, `unknown_field`, `not_text`, `not_whole`, `out_of_range`,
    /// `not_instant`, `not_amount`, `not_bool`, `not_list`, `bad_event`, `too_many`, `not_record`,
    /// `not_json`, `unreadable`, `width`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhidu::rows::RowProblem::Missing.code(), "missing");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            RowProblem::Missing => "missing",
            RowProblem::UnknownField => "unknown_field",
            RowProblem::NotText { .. } => "not_text",
            RowProblem::NotWhole { .. } => "not_whole",
            RowProblem::OutOfRange { .. } => "out_of_range",
            RowProblem::NotInstant { .. } => "not_instant",
            RowProblem::NotAmount { .. } => "not_amount",
            RowProblem::NotBool { .. } => "not_bool",
            RowProblem::NotList { .. } => "not_list",
            RowProblem::BadEvent { .. } => "bad_event",
            RowProblem::TooMany { .. } => "too_many",
            RowProblem::NotRecord { .. } => "not_record",
            RowProblem::NotJson { .. } => "not_json",
            RowProblem::Unreadable { .. } => "unreadable",
            RowProblem::Width { .. } => "width",
        }
    }

    /// The English text of the problem with `field` (the field's name, if the problem is
    /// about one field). Every English word of a row problem is here.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::RowProblem;
    /// assert_eq!(RowProblem::Missing.message(Some("rule")), "`rule` is missing");
    /// assert_eq!(
    ///     RowProblem::Width { fields: 3, header: 4 }.message(None),
    ///     "the row has 3 fields, the header has 4"
    /// );
    /// ```
    #[must_use]
    pub fn message(&self, field: Option<&str>) -> String {
        let f = field.unwrap_or("value");
        match self {
            RowProblem::Missing => format!("`{f}` is missing"),
            RowProblem::UnknownField => format!("unknown field `{f}`"),
            RowProblem::NotText { got } => format!("`{f}` must be text, not {got}"),
            RowProblem::NotWhole { got } => format!("`{f}` must be a whole number, not {got}"),
            RowProblem::OutOfRange { got, max } => {
                format!("`{f}` must be a whole number from 0 to {max}, not {got}")
            }
            RowProblem::NotInstant { got } => {
                format!("`{f}` must be a date or an instant, not {got}")
            }
            RowProblem::NotAmount { got } => format!("`{f}` must be a decimal number, not {got}"),
            RowProblem::NotBool { got } => format!("`{f}` must be `true` or `false`, not {got}"),
            RowProblem::NotList { got } => format!("`{f}` must be a list, not {got}"),
            RowProblem::BadEvent { detail } => format!("`{f}`: {detail}"),
            RowProblem::TooMany { limit } => format!("`{f}` has more than {limit} items"),
            RowProblem::NotRecord { got } => format!("the row must be an object, not {got}"),
            RowProblem::NotJson { detail } => format!("the line is not JSON: {detail}"),
            RowProblem::Unreadable { detail } => format!("unreadable row: {detail}"),
            RowProblem::Width { fields: 1, header } => {
                format!("the row has 1 field, the header has {header}")
            }
            RowProblem::Width { fields, header } => {
                format!("the row has {fields} fields, the header has {header}")
            }
        }
    }
}
