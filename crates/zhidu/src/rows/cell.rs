//! The host-neutral value of one field of a row, before its schema gives it a type.

use crate::deadline::Start;

/// One value of a row as a host found it: a CSV cell, a JSON value, a Python object, a
/// JavaScript value. Hosts only build cells; what a cell may mean for a field is decided
/// once, by the row's schema (see [`crate::rows`]).
///
/// # Example
///
/// ```
/// use zhidu::rows::Cell;
/// let cell = Cell::from_json(&serde_json::json!(["a", 2, null]));
/// assert_eq!(cell, Cell::List(vec![Cell::Text("a".into()), Cell::Integer(2), Cell::Missing]));
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Cell {
    /// No value: an absent key, an empty CSV cell, `null`, `None`, `NaN`, `NaT`.
    Missing,
    /// Text as it was given (a CSV cell is always text).
    Text(String),
    /// A whole number (a JSON integer, a Python or numpy int).
    Integer(i64),
    /// A floating-point number (pandas makes whole numbers floats when a column has gaps).
    Float(f64),
    /// A boolean.
    Bool(bool),
    /// A date, a wall time or an instant the host already parsed (a Python `datetime`).
    Instant(Start),
    /// A list (flags, events).
    List(Vec<Cell>),
    /// A nested record with named fields (an event object inside a case).
    Record(Vec<(String, Cell)>),
    /// A value a host has no cell for (a Python object of another type, a JavaScript
    /// function), described in words for the message that refuses it.
    Other(String),
}

impl Cell {
    /// A cell from a JSON value: numbers that are whole integers stay integers, other
    /// numbers are floats, objects are records.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::Cell;
    /// assert_eq!(Cell::from_json(&serde_json::json!(5)), Cell::Integer(5));
    /// assert_eq!(Cell::from_json(&serde_json::json!(null)), Cell::Missing);
    /// ```
    #[must_use]
    pub fn from_json(value: &serde_json::Value) -> Cell {
        use serde_json::Value;
        match value {
            Value::Null => Cell::Missing,
            Value::Bool(b) => Cell::Bool(*b),
            Value::Number(n) => match (n.as_i64(), n.as_f64()) {
                (Some(i), _) => Cell::Integer(i),
                (None, Some(f)) => Cell::Float(f),
                (None, None) => Cell::Missing,
            },
            Value::String(s) => Cell::Text(s.clone()),
            Value::Array(items) => Cell::List(items.iter().map(Cell::from_json).collect()),
            Value::Object(map) => Cell::Record(
                map.iter()
                    .map(|(k, v)| (k.clone(), Cell::from_json(v)))
                    .collect(),
            ),
        }
    }

    /// Whether the cell holds nothing: missing, blank text, or a float that is not a number.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::Cell;
    /// assert!(Cell::Text("  ".into()).is_missing());
    /// assert!(Cell::Float(f64::NAN).is_missing());
    /// assert!(!Cell::Integer(0).is_missing());
    /// ```
    #[must_use]
    pub fn is_missing(&self) -> bool {
        match self {
            Cell::Missing => true,
            Cell::Text(t) => t.trim().is_empty(),
            Cell::Float(f) => f.is_nan(),
            _ => false,
        }
    }

    /// What the cell is, in words, for messages (`text \`x\``, `the number 2`, `a list` …).
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::Cell;
    /// assert_eq!(Cell::Integer(2).describe(), "the number `2`");
    /// assert_eq!(Cell::Text("two".into()).describe(), "`two`");
    /// ```
    #[must_use]
    pub fn describe(&self) -> String {
        match self {
            Cell::Missing => "nothing".to_owned(),
            Cell::Text(t) => format!("`{}`", shown(t.trim())),
            Cell::Integer(i) => format!("the number `{i}`"),
            Cell::Float(f) => format!("the number `{f}`"),
            Cell::Bool(b) => format!("the boolean `{b}`"),
            Cell::Instant(_) => "a date or time".to_owned(),
            Cell::List(_) => "a list".to_owned(),
            Cell::Record(_) => "an object".to_owned(),
            Cell::Other(what) => what.clone(),
        }
    }
}

/// The longest rendering of a value in a message, in characters.
const MAX_SHOWN: usize = 40;

/// A value cut short for a message.
pub(crate) fn shown(text: &str) -> String {
    if text.chars().count() > MAX_SHOWN {
        let cut: String = text.chars().take(MAX_SHOWN).collect();
        format!("{cut}…")
    } else {
        text.to_owned()
    }
}
