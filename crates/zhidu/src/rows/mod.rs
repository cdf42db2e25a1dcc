//! Input rows, read once for every host: one schema per kind of row, one reader from
//! host-neutral cells, one shape of row error, and the CSV and JSON Lines text readers.
//!
//! A host (the CLI's files, Python's dicts and DataFrames, JavaScript objects) only turns
//! its values into [`Cell`]s; what a cell may mean for a field — the accepted spellings,
//! defaults, the limits — is decided here, so every host accepts exactly the same inputs and
//! reports the same [`RowError`] (kind, row counted from 1, field, code, message, hint).
//!
//! | kind | schema | value |
//! |---|---|---|
//! | `case` | [`CASE`] | [`crate::Case`] |
//! | `event` | [`EVENT`] | [`crate::CaseEvent`] |
//! | `incident` | [`INCIDENT`] | [`crate::Incident`] |
//! | `violation` | [`VIOLATION`] | [`crate::ViolationRecord`] |
//! | `roster` | [`ROSTER`] | [`RosterEntry`] |
//! | `due` | [`DUE`] | [`DueRow`] |
//! | `duty_window` | [`DUTY_WINDOW`] | [`crate::DutyWindow`] |
//! | `away` | [`AWAY`] | [`Away`] |
//! | `patrol` | [`PATROL`] | [`Patrol`] |
//! | `action` | [`ACTION`] | [`Action`] |
//! | `request` | [`REQUEST`] | [`crate::AccessRequest`] |
//! | `record` | [`RECORD`] | [`crate::RetentionRecord`] |
//! | `enterprise` | [`ENTERPRISE`] | [`crate::EnterpriseFacts`] |
//! | `trainee` | [`TRAINEE`] | [`crate::Trainee`] |
//!
//! # Example
//!
//! ```
//! use zhidu::rows::{self, Cell};
//! use zhidu::Incident;
//! let good = Cell::from_json(&serde_json::json!({"subject": "张三", "at": "2026-10-12", "rule": "S2.assess.qin.1", "quantity": 2}));
//! let bad = Cell::from_json(&serde_json::json!({"subject": "李四", "at": "2026-10-12", "rule": "S2.assess.qin.1", "quantity": "two"}));
//! let read: Vec<Result<Incident, rows::RowError>> = rows::read_all([good, bad]);
//! assert_eq!(read[0].as_ref().unwrap().quantity, Some(2));
//! let e = read[1].as_ref().unwrap_err();
//! assert_eq!((e.kind, e.row, e.field.as_deref(), e.code()), ("incident", 2, Some("quantity"), "not_whole"));
//! ```

mod cell;
pub mod csv;
mod doc;
mod error;
mod frame;
mod kinds;
mod problem;
mod record;
mod schedule;
mod schema;
mod stream;
mod text;
mod values;

pub use cell::Cell;
pub use doc::markdown_table;
pub use error::RowError;
pub use frame::{Column, read_frame};
pub use kinds::{
    CASE, DUE, DueRow, ENTERPRISE, EVENT, INCIDENT, KINDS, RECORD, REQUEST, ROSTER, RosterEntry,
    TRAINEE, VIOLATION,
};
pub use problem::RowProblem;
pub use record::{FromRow, Record};
pub use schedule::{ACTION, AWAY, Action, Away, DUTY_WINDOW, PATROL, Patrol};
pub use schema::{Field, FieldType, Schema};
pub use stream::{JsonlReader, RowStream};
pub use text::{
    CsvReader, Lined, RosterRow, TextFormat, json_message, read_csv, read_jsonl, read_named,
    read_roster,
};

/// Read one row of kind `T` from a cell that holds the whole row (a JSON object, a dict, a
/// JavaScript object), numbering its error `row` (counted from 1).
///
/// # Errors
///
/// The row's first problem.
///
/// # Example
///
/// ```
/// use zhidu::rows::Cell;
/// let e = zhidu::rows::read::<zhidu::Case>(Cell::from_json(&serde_json::json!({"id": "C1", "class": "promised"})), 4).unwrap_err();
/// assert_eq!(e.to_string(), "case row 4: `accepted_at` is missing");
/// ```
pub fn read<T: FromRow>(row: Cell, number: usize) -> Result<T, RowError> {
    Record::from_cell(T::SCHEMA, row)
        .and_then(|mut r| T::from_record(&mut r))
        .map_err(|e| e.at(number))
}

/// Read every row of kind `T`, each on its own and in its place, counted from 1.
///
/// # Example
///
/// ```
/// use zhidu::rows::Cell;
/// let rows: Vec<Result<zhidu::rows::RosterEntry, _>> = zhidu::rows::read_all([Cell::Missing]);
/// assert_eq!(rows[0].as_ref().unwrap_err().row, 1);
/// ```
pub fn read_all<T: FromRow>(rows: impl IntoIterator<Item = Cell>) -> Vec<Result<T, RowError>> {
    rows.into_iter()
        .enumerate()
        .map(|(i, cell)| read(cell, i + 1))
        .collect()
}

/// Read a JSON value holding one row of kind `T` (one element of a host's array).
///
/// # Errors
///
/// The row's first problem.
///
/// # Example
///
/// ```
/// let v: zhidu::ViolationRecord = zhidu::rows::read_json(&serde_json::json!({"subject": "张三", "at": "2026-10-09", "violation": "S2.zr.t1.1", "flags": ["serious"]}), 1).unwrap();
/// assert_eq!(v.flags, ["serious"]);
/// ```
pub fn read_json<T: FromRow>(value: &serde_json::Value, number: usize) -> Result<T, RowError> {
    read(Cell::from_json(value), number)
}

/// Read one row of kind `T` from JSON text (a line of a JSON Lines file, a host's string),
/// numbering its error `number` (counted from 1).
///
/// # Errors
///
/// `not_json` for text that is not JSON; otherwise the row's first problem.
///
/// # Example
///
/// ```
/// let e = zhidu::rows::read_json_line::<zhidu::Case>("{\"id\": ", 2).unwrap_err();
/// assert_eq!((e.row, e.code()), (2, "not_json"));
/// assert_eq!(e.to_string(), "case row 2: the line is not JSON: EOF while parsing a value");
/// ```
pub fn read_json_line<T: FromRow>(text: &str, number: usize) -> Result<T, RowError> {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(v) => read_json(&v, number),
        Err(e) => Err(RowError::new(
            T::SCHEMA.kind,
            RowProblem::NotJson {
                detail: json_message(&e),
            },
        )
        .at(number)),
    }
}

/// A row error as the core's [`crate::Error`], so a host can put a row that could not be read
/// in its place among the rows it hands to [`crate::Policy::assess`] or
/// [`crate::Policy::decide`]: the error keeps the row error (see [`crate::Error::row`]).
///
/// # Example
///
/// ```
/// let e = zhidu::rows::RowError::new("incident", zhidu::rows::RowProblem::Missing).field("rule").at(2);
/// let core = zhidu::Error::from(e);
/// assert_eq!((core.code(), core.to_string()), ("input", "`rule` is missing".to_owned()));
/// assert_eq!(core.row().unwrap().row, 2);
/// ```
impl From<RowError> for crate::Error {
    fn from(e: RowError) -> crate::Error {
        crate::Error::Row(Box::new(e))
    }
}
