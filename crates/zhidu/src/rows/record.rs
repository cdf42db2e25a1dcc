//! A row's cells placed by its schema, read field by field into a typed value.

use super::cell::Cell;
use super::error::RowError;
use super::problem::RowProblem;
use super::schema::Schema;
use super::values;
use crate::deadline::Start;

/// The cell of every field a row does not have.
static MISSING: Cell = Cell::Missing;

/// A row of one kind: one cell per field of its schema, in the schema's order.
///
/// Hosts build one from named cells ([`Record::from_pairs`], [`Record::from_cell`]) or from
/// cells in the schema's order ([`Record::new`]); a kind's reader ([`FromRow`]) takes the
/// fields out with the typed getters, which report a problem with the field's name.
///
/// # Example
///
/// ```
/// use zhidu::rows::{Cell, Record, INCIDENT};
/// let mut r = Record::from_pairs(&INCIDENT, [("subject", Cell::Text("张三".into())), ("quantity", Cell::Float(2.0))]).unwrap();
/// assert_eq!(r.whole("quantity").unwrap(), Some(2));
/// assert_eq!(r.required_text("rule").unwrap_err().code(), "missing");
/// ```
#[derive(Debug)]
pub struct Record {
    schema: &'static Schema,
    cells: Vec<Cell>,
    /// The field after the last one taken: readers take fields in the schema's order, so
    /// the next lookup is usually one comparison.
    next: usize,
}

impl Record {
    /// A record from cells in the schema's order (missing ones are [`Cell::Missing`]).
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{Cell, Record, ROSTER};
    /// let mut r = Record::new(&ROSTER, vec![Cell::Text("张三".into()), Cell::Text("W01".into())]);
    /// assert_eq!(r.required_text("window").unwrap(), "W01");
    /// ```
    #[must_use]
    pub fn new(schema: &'static Schema, mut cells: Vec<Cell>) -> Record {
        if cells.len() != schema.fields.len() {
            cells.resize(schema.fields.len(), Cell::Missing);
        }
        Record {
            schema,
            cells,
            next: 0,
        }
    }

    /// A record from `(name, cell)` pairs: a name that is no field (nor an alias) is an
    /// `unknown_field` error with a "did you mean".
    ///
    /// # Errors
    ///
    /// [`RowProblem::UnknownField`] for the first unknown name.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{Cell, Record, ROSTER};
    /// let e = Record::from_pairs(&ROSTER, [("windwo", Cell::Text("W01".into()))]).unwrap_err();
    /// assert_eq!((e.code(), e.hint.as_deref()), ("unknown_field", Some("did you mean `window`?")));
    /// ```
    pub fn from_pairs<K: AsRef<str>>(
        schema: &'static Schema,
        pairs: impl IntoIterator<Item = (K, Cell)>,
    ) -> Result<Record, RowError> {
        let mut cells = vec![Cell::Missing; schema.fields.len()];
        for (key, cell) in pairs {
            let key = key.as_ref();
            match schema.position(key).and_then(|i| cells.get_mut(i)) {
                Some(slot) => *slot = cell,
                None => {
                    let hint = crate::closest(key, schema.names()).map_or_else(
                        || schema.hint.to_owned(),
                        |c| format!("did you mean `{c}`?"),
                    );
                    return Err(RowError::new(schema.kind, RowProblem::UnknownField)
                        .field(super::cell::shown(key))
                        .hint(hint));
                }
            }
        }
        Ok(Record {
            schema,
            cells,
            next: 0,
        })
    }

    /// A record from one cell that must be a [`Cell::Record`] (a JSON object, a dict).
    ///
    /// # Errors
    ///
    /// [`RowProblem::NotRecord`] for any other cell; see [`Record::from_pairs`].
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{Cell, Record, ROSTER};
    /// assert_eq!(Record::from_cell(&ROSTER, Cell::Integer(3)).unwrap_err().code(), "not_record");
    /// ```
    pub fn from_cell(schema: &'static Schema, cell: Cell) -> Result<Record, RowError> {
        match cell {
            Cell::Record(pairs) => Record::from_pairs(schema, pairs),
            other => Err(RowError::new(
                schema.kind,
                RowProblem::NotRecord {
                    got: other.describe(),
                },
            )
            .hint(schema.hint)),
        }
    }

    /// The cell of field `name`, taken out; `None` when it is missing (or the kind has no such
    /// field). A missing cell is not moved out and dropped: most fields of most rows are
    /// missing, and a cell's drop is a call.
    #[inline(always)]
    fn take(&mut self, name: &str) -> Option<Cell> {
        let schema: &'static Schema = self.schema;
        // The readers name fields with the schema's own literals: the same pointer, so the
        // usual lookup compares no bytes.
        let at = match schema.fields.get(self.next) {
            Some(f) if core::ptr::eq(f.name, name) || f.name == name => Some(self.next),
            _ => schema.position(name),
        };
        let i = at?;
        self.next = i + 1;
        match self.cells.get_mut(i) {
            Some(Cell::Missing) | None => None,
            Some(c) => Some(std::mem::replace(c, Cell::Missing)),
        }
    }

    fn error(&self, name: &str, problem: RowProblem) -> RowError {
        let e = RowError::new(self.schema.kind, problem).field(name);
        match e.problem {
            RowProblem::Missing => e.hint(self.schema.hint),
            _ => e,
        }
    }

    fn get<T>(
        &mut self,
        name: &str,
        read: impl FnOnce(&Cell) -> Result<T, RowProblem>,
    ) -> Result<T, RowError> {
        match self.take(name) {
            Some(cell) => read(&cell).map_err(|p| self.error(name, p)),
            None => read(&MISSING).map_err(|p| self.error(name, p)),
        }
    }

    /// An optional text field.
    ///
    /// # Errors
    ///
    /// `not_text` for a value that is no text (nor a whole number).
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{Cell, Record, CASE};
    /// let mut r = Record::from_pairs(&CASE, [("id", Cell::Integer(1001))]).unwrap();
    /// assert_eq!(r.text("id").unwrap().as_deref(), Some("1001"));
    /// ```
    pub fn text(&mut self, name: &str) -> Result<Option<String>, RowError> {
        match self.take(name) {
            Some(cell) => values::text(cell).map_err(|p| self.error(name, p)),
            None => Ok(None),
        }
    }

    /// A required text field.
    ///
    /// # Errors
    ///
    /// `missing` when absent or blank; see [`Record::text`].
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{Record, CASE};
    /// assert_eq!(Record::new(&CASE, vec![]).required_text("id").unwrap_err().code(), "missing");
    /// ```
    pub fn required_text(&mut self, name: &str) -> Result<String, RowError> {
        self.text(name)?
            .ok_or_else(|| self.error(name, RowProblem::Missing))
    }

    /// An optional signed whole number.
    ///
    /// # Errors
    ///
    /// `not_whole` for a fraction, a word or another type.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{Cell, Record, INCIDENT};
    /// let mut r = Record::from_pairs(&INCIDENT, [("points", Cell::Text("2.5".into()))]).unwrap();
    /// assert_eq!(r.whole("points").unwrap_err().code(), "not_whole");
    /// ```
    pub fn whole(&mut self, name: &str) -> Result<Option<i64>, RowError> {
        self.get(name, values::whole)
    }

    /// An optional day count (0 to 4294967295).
    ///
    /// # Errors
    ///
    /// `not_whole`, or `out_of_range` for a negative or too large count.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{Cell, Record, CASE};
    /// let mut r = Record::from_pairs(&CASE, [("days", Cell::Integer(-5))]).unwrap();
    /// assert_eq!(r.days("days").unwrap_err().code(), "out_of_range");
    /// ```
    pub fn days(&mut self, name: &str) -> Result<Option<u32>, RowError> {
        self.get(name, values::days)
    }

    /// An optional exact decimal (money, a quantity).
    ///
    /// # Errors
    ///
    /// `not_amount` for text that is no decimal number, or another type.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{Cell, Record, ENTERPRISE};
    /// let mut r = Record::from_pairs(&ENTERPRISE, [("declared", Cell::Text("1200.50".into()))]).unwrap();
    /// assert_eq!(r.amount("declared").unwrap().unwrap().to_string(), "1200.50");
    /// ```
    pub fn amount(&mut self, name: &str) -> Result<Option<rust_decimal::Decimal>, RowError> {
        self.get(name, values::amount)
    }

    /// An optional date or instant.
    ///
    /// # Errors
    ///
    /// `not_instant` for text that is no date or instant, or another type.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{Cell, Record, CASE};
    /// let mut r = Record::from_pairs(&CASE, [("completed_at", Cell::Text("2026-10-09".into()))]).unwrap();
    /// assert!(r.instant("completed_at").unwrap().is_some());
    /// ```
    pub fn instant(&mut self, name: &str) -> Result<Option<Start>, RowError> {
        self.get(name, values::instant)
    }

    /// A required date or instant.
    ///
    /// # Errors
    ///
    /// `missing`; see [`Record::instant`].
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{Record, CASE};
    /// assert_eq!(Record::new(&CASE, vec![]).required_instant("accepted_at").unwrap_err().code(), "missing");
    /// ```
    pub fn required_instant(&mut self, name: &str) -> Result<Start, RowError> {
        self.instant(name)?
            .ok_or_else(|| self.error(name, RowProblem::Missing))
    }

    /// A yes/no field (missing is no).
    ///
    /// # Errors
    ///
    /// `not_bool` for anything but the accepted spellings.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{Cell, Record, CASE};
    /// let mut r = Record::from_pairs(&CASE, [("joint", Cell::Text("1".into()))]).unwrap();
    /// assert!(r.boolean("joint").unwrap());
    /// ```
    pub fn boolean(&mut self, name: &str) -> Result<bool, RowError> {
        self.get(name, values::boolean)
    }

    /// A list of ids (a list of texts or one `;`-separated text).
    ///
    /// # Errors
    ///
    /// `not_list` for anything else.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{Cell, Record, VIOLATION};
    /// let mut r = Record::from_pairs(&VIOLATION, [("flags", Cell::Text("a; b".into()))]).unwrap();
    /// assert_eq!(r.flags("flags").unwrap(), ["a", "b"]);
    /// ```
    pub fn flags(&mut self, name: &str) -> Result<Vec<String>, RowError> {
        self.get(name, values::flags)
    }

    /// The raw cell of a field, for types read by their own kind (events).
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{Cell, Record, CASE};
    /// let mut r = Record::from_pairs(&CASE, [("events", Cell::Text("resume 2026-10-09".into()))]).unwrap();
    /// assert_eq!(r.cell("events"), Cell::Text("resume 2026-10-09".into()));
    /// ```
    pub fn cell(&mut self, name: &str) -> Cell {
        self.take(name).unwrap_or(Cell::Missing)
    }

    /// Put the cell of the field at `position` (in the schema's order, see
    /// [`Schema::position`]) into a record being filled for the next row.
    ///
    /// A host reading many rows fills one record again for each: [`Record::set`] the row's
    /// cells, [`Record::read`] it, and the record is empty again, its cells allocated once.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{Cell, Record, RosterEntry, ROSTER};
    /// let mut r = Record::new(&ROSTER, vec![]);
    /// let mut read = Vec::new();
    /// for (subject, window) in [("张三", Some("W01")), ("李四", None)] {
    ///     r.set(0, Cell::Text(subject.into()));
    ///     if let Some(w) = window {
    ///         r.set(1, Cell::Text(w.into()));
    ///     }
    ///     read.push(r.read::<RosterEntry>());
    /// }
    /// assert_eq!(read[0].as_ref().unwrap().window, "W01");
    /// assert_eq!(read[1].as_ref().unwrap_err().code(), "missing");
    /// ```
    pub fn set(&mut self, position: usize, cell: Cell) {
        if let Some(slot) = self.cells.get_mut(position) {
            let old = std::mem::replace(slot, cell);
            // A missing cell owns nothing: forgotten rather than dropped, since a cell's drop
            // is an out-of-line call (`Cell` is recursive) and most old cells are missing.
            if matches!(old, Cell::Missing) {
                std::mem::forget(old);
            }
        }
    }

    /// Read the record as a `T` (a kind of the record's schema), leaving it empty for the
    /// next row (see [`Record::set`]).
    ///
    /// # Errors
    ///
    /// The row's first problem, as [`FromRow::from_record`] finds it.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{Cell, Record, RosterEntry, ROSTER};
    /// let mut r = Record::new(&ROSTER, vec![Cell::Text("张三".into()), Cell::Text("W01".into())]);
    /// assert_eq!(r.read::<RosterEntry>().unwrap().subject, "张三");
    /// assert_eq!(r.read::<RosterEntry>().unwrap_err().code(), "missing");
    /// ```
    pub fn read<T: FromRow>(&mut self) -> Result<T, RowError> {
        self.next = 0;
        let read = T::from_record(self);
        self.clear();
        read
    }

    /// Empty the record: every cell missing, for the next row.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{Cell, Record, ROSTER};
    /// let mut r = Record::new(&ROSTER, vec![Cell::Text("张三".into())]);
    /// r.clear();
    /// assert_eq!(r.required_text("subject").unwrap_err().code(), "missing");
    /// ```
    pub fn clear(&mut self) {
        self.next = 0;
        for c in &mut self.cells {
            // Only cells that own something are dropped (see `set`).
            if !matches!(c, Cell::Missing) {
                *c = Cell::Missing;
            }
        }
    }

    /// The record's cells, to be cleared and filled again for the next row (a host reading
    /// millions of rows then allocates the row once).
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{Cell, Record, ROSTER};
    /// let mut cells = Record::new(&ROSTER, vec![Cell::Text("张三".into())]).into_cells();
    /// cells.clear();
    /// assert!(cells.capacity() >= 2);
    /// ```
    #[must_use]
    pub fn into_cells(self) -> Vec<Cell> {
        self.cells
    }

    /// The error for a problem with field `name` of this record.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{Record, RowProblem, CASE};
    /// let e = Record::new(&CASE, vec![]).problem("events", RowProblem::TooMany { limit: 1000 });
    /// assert_eq!(e.field.as_deref(), Some("events"));
    /// ```
    #[must_use]
    pub fn problem(&self, name: &str, problem: RowProblem) -> RowError {
        self.error(name, problem)
    }
}

/// A value read from a row of one kind: its schema and how its fields make it.
///
/// A new kind is declared once, in a few lines: a `static` [`Schema`] and this trait.
///
/// # Example
///
/// ```
/// use zhidu::rows::{Cell, Field, FieldType, FromRow, Record, RowError, Schema};
/// struct Patrol { at: zhidu::Start, note: Option<String> }
/// static PATROL: Schema = Schema::new("patrol", &[
///     Field::required("at", FieldType::Instant, "when"),
///     Field::optional("note", FieldType::Text, "a note"),
/// ], "a patrol has `at` and optionally `note`");
/// impl FromRow for Patrol {
///     const SCHEMA: &'static Schema = &PATROL;
///     fn from_record(r: &mut Record) -> Result<Self, RowError> {
///         Ok(Patrol { at: r.required_instant("at")?, note: r.text("note")? })
///     }
/// }
/// let p = zhidu::rows::read::<Patrol>(Cell::from_json(&serde_json::json!({"at": "2026-10-09"})), 1).unwrap();
/// assert!(p.note.is_none());
/// ```
pub trait FromRow: Sized {
    /// The kind's schema.
    const SCHEMA: &'static Schema;
    /// Read the value from a record of the kind.
    ///
    /// # Errors
    ///
    /// The first problem found, with its field.
    fn from_record(record: &mut Record) -> Result<Self, RowError>;
}
