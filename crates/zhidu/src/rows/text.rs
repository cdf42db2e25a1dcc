//! Whole inputs of one row kind read from text: CSV with a header, or JSON Lines. Both read
//! any `BufRead` in bounded memory per row and keep every row in its place: a row that
//! cannot be read is a row error with its row and file line, never the end of the input.
//!
//! Which of the two a file is follows from its name ([`TextFormat::of_name`]), the same in
//! every host that reads files (the CLI's paths, the names of files picked in a browser).

use std::io::BufRead;
use std::path::Path;

use super::cell::Cell;
use super::csv::Rows;
use super::error::RowError;
use super::kinds::RosterEntry;
use super::problem::RowProblem;
use super::record::{FromRow, Record};
use crate::Error;

/// A row as read from a file: the file line it starts on, and the value or its error.
pub type Lined<T> = (u64, Result<T, RowError>);

/// A roster row as [`read_roster`] gives it and [`crate::AssessRequest::roster_rows`] takes
/// it: the `(person, window)` pair, or the row's error in its place.
///
/// # Example
///
/// ```
/// let row: zhidu::rows::RosterRow = Ok(("张三".to_owned(), "W01".to_owned()));
/// assert!(row.is_ok());
/// ```
pub type RosterRow = Result<(String, String), Error>;

pub(super) fn io(e: &std::io::Error) -> Error {
    Error::Io {
        path: String::new(),
        message: e.to_string(),
    }
}

/// The rows of a CSV input of kind `T`, read one at a time.
///
/// The header names the columns (a byte-order mark and spaces around names are ignored);
/// columns that are no field of the kind are ignored, so exports may carry more. An empty
/// cell is a missing value. Rows are counted from 1 after the header; blank lines are not
/// rows.
///
/// # Example
///
/// ```
/// use zhidu::rows::CsvReader;
/// let text = "subject,window,extra\n张三,W01,x\n李四\n";
/// let mut r = CsvReader::<_, zhidu::rows::RosterEntry>::new(text.as_bytes())?;
/// let (line, first) = r.next_row()?.unwrap();
/// assert_eq!((line, first.unwrap().window.as_str()), (2, "W01"));
/// let (_, second) = r.next_row()?.unwrap();
/// let e = second.unwrap_err();
/// assert_eq!((e.row, e.line, e.code()), (2, Some(3), "width"));
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Debug)]
pub struct CsvReader<R, T> {
    rows: Rows<R>,
    /// For each field of the kind, its column.
    columns: Vec<Option<usize>>,
    width: usize,
    fields: Vec<String>,
    row: usize,
    kind: core::marker::PhantomData<fn() -> T>,
}

impl<R: BufRead, T: FromRow> CsvReader<R, T> {
    /// Read the header of `src`.
    ///
    /// # Errors
    ///
    /// [`Error::Input`] for a header that cannot be read or lacks a required column;
    /// [`Error::Io`] (with an empty path, for the host to name) when reading fails.
    ///
    /// # Example
    ///
    /// ```
    /// let e = zhidu::rows::CsvReader::<_, zhidu::Incident>::new(&b"subject,at\n"[..]).unwrap_err();
    /// assert_eq!(e.to_string(), "the header has no `rule` column");
    /// ```
    pub fn new(src: R) -> Result<Self, Error> {
        let schema = T::SCHEMA;
        let mut rows = Rows::new(src);
        let mut header = Vec::new();
        if let Some((line, Err(e))) = rows.next(&mut header, None).map_err(|e| io(&e))? {
            return Err(Error::input(
                format!("the header (line {line}) cannot be read: {e}"),
                None,
            ));
        }
        let names: Vec<&str> = header
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').trim())
            .collect();
        let mut columns = Vec::with_capacity(schema.fields.len());
        for field in schema.fields {
            let at = names
                .iter()
                .position(|n| *n == field.name || field.aliases.contains(n));
            if at.is_none() && field.required {
                return Err(Error::input(
                    format!("the header has no `{}` column", field.name),
                    Some(format!(
                        "the first line must name the columns; {}",
                        schema.hint
                    )),
                ));
            }
            columns.push(at);
        }
        Ok(CsvReader {
            rows,
            columns,
            width: header.len(),
            fields: Vec::new(),
            row: 0,
            kind: core::marker::PhantomData,
        })
    }

    /// Blank lines skipped so far.
    ///
    /// # Example
    ///
    /// ```
    /// let r = zhidu::rows::CsvReader::<_, zhidu::rows::DueRow>::new(&b"accepted_at\n"[..]).unwrap();
    /// assert_eq!(r.blank(), 0);
    /// ```
    #[must_use]
    pub fn blank(&self) -> u64 {
        self.rows.blank
    }

    /// The next row with the file line it starts on; `None` at the end.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when reading fails (a bad row is an `Err` inside, not an error).
    ///
    /// # Example
    ///
    /// ```
    /// let mut r = zhidu::rows::CsvReader::<_, zhidu::rows::DueRow>::new(&b"accepted_at,days\n2026-09-30,x\n"[..])?;
    /// let (_, row) = r.next_row()?.unwrap();
    /// assert_eq!(row.unwrap_err().to_string(), "due row 1: `days` must be a whole number, not `x`");
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    pub fn next_row(&mut self) -> Result<Option<Lined<T>>, Error> {
        let Some((line, read)) = self
            .rows
            .next(&mut self.fields, Some(self.width))
            .map_err(|e| io(&e))?
        else {
            return Ok(None);
        };
        self.row += 1;
        let kind = T::SCHEMA.kind;
        let value = match read {
            Err(detail) => Err(RowError::new(kind, RowProblem::Unreadable { detail })),
            Ok(()) if self.fields.len() != self.width => Err(RowError::new(
                kind,
                RowProblem::Width {
                    fields: self.fields.len(),
                    header: self.width,
                },
            )),
            Ok(()) => {
                let cells = self
                    .columns
                    .iter()
                    .map(|c| match c.and_then(|c| self.fields.get_mut(c)) {
                        Some(f) => Cell::Text(std::mem::take(f)),
                        None => Cell::Missing,
                    })
                    .collect();
                T::from_record(&mut Record::new(T::SCHEMA, cells))
            }
        };
        Ok(Some((line, value.map_err(|e| placed(e, self.row, line)))))
    }
}

pub(super) fn placed(mut e: RowError, row: usize, line: u64) -> RowError {
    e.row = row;
    e.line = Some(line);
    e
}

/// Every row of a CSV input of kind `T` (see [`CsvReader`]).
///
/// # Errors
///
/// See [`CsvReader::new`] and [`CsvReader::next_row`].
///
/// # Example
///
/// ```
/// let rows = zhidu::rows::read_csv::<zhidu::ViolationRecord>(
///     "subject,at,violation,flags\n张三,2026-10-09,S2.zr.t1.1,serious;repeat\n".as_bytes(),
/// )?;
/// assert_eq!(rows[0].1.as_ref().unwrap().flags, ["serious", "repeat"]);
/// # Ok::<(), zhidu::Error>(())
/// ```
pub fn read_csv<T: FromRow>(src: impl BufRead) -> Result<Vec<Lined<T>>, Error> {
    let mut reader = CsvReader::<_, T>::new(src)?;
    let mut out = Vec::new();
    while let Some(row) = reader.next_row()? {
        out.push(row);
    }
    Ok(out)
}

/// Every row of a JSON Lines input of kind `T`: one object per line, keys as the kind's
/// fields (unknown keys are row errors). Blank lines are not rows; a line that is not JSON,
/// not UTF-8 or longer than [`MAX_ROW_BYTES`](super::csv::MAX_ROW_BYTES) is one bad row.
///
/// # Errors
///
/// [`Error::Io`] when reading fails.
///
/// # Example
///
/// ```
/// let text = "{\"subject\":\"李四\",\"window\":\"W02\"}\n\n[1]\n{\"subject\":\"王五\"}\n";
/// let rows = zhidu::rows::read_jsonl::<zhidu::rows::RosterEntry>(text.as_bytes())?;
/// let codes: Vec<_> = rows.iter().map(|(line, r)| (*line, r.as_ref().err().map(|e| (e.row, e.code())))).collect();
/// assert_eq!(codes, [(1, None), (3, Some((2, "not_record"))), (4, Some((3, "missing")))]);
/// # Ok::<(), zhidu::Error>(())
/// ```
pub fn read_jsonl<T: FromRow>(src: impl BufRead) -> Result<Vec<Lined<T>>, Error> {
    let mut reader = super::stream::JsonlReader::<_, T>::new(src);
    let mut out = Vec::new();
    while let Some(row) = reader.next_row()? {
        out.push(row);
    }
    Ok(out)
}

/// A serde_json message without its " at line 1 column 40": the place is the row's, or in
/// JSON that the user never saw (a host's own serialization).
///
/// # Example
///
/// ```
/// let e = serde_json::from_str::<serde_json::Value>("[1,").unwrap_err();
/// assert_eq!(zhidu::rows::json_message(&e), "EOF while parsing a value");
/// ```
#[must_use]
pub fn json_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s.get(..i).unwrap_or(&s).to_owned(),
        None => s,
    }
}

/// How a file of rows is written: CSV with a header, or JSON Lines.
///
/// # Example
///
/// ```
/// use zhidu::rows::TextFormat;
/// assert_eq!(TextFormat::of_name("2026-10/cases.JSONL"), TextFormat::JsonLines);
/// assert_eq!(TextFormat::of_name("incidents.csv"), TextFormat::Csv);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TextFormat {
    /// CSV with a header line ([`read_csv`]).
    Csv,
    /// One JSON object per line ([`read_jsonl`]).
    JsonLines,
}

impl TextFormat {
    /// The format of a file by its name: JSON Lines when the name ends in `.jsonl`, `.ndjson`
    /// or `.json` (in any case), CSV otherwise (`.csv`, `.txt`, no extension).
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::TextFormat;
    /// assert_eq!(TextFormat::of_name("log.ndjson"), TextFormat::JsonLines);
    /// assert_eq!(TextFormat::of_name("export"), TextFormat::Csv);
    /// ```
    #[must_use]
    pub fn of_name(name: impl AsRef<Path>) -> TextFormat {
        let jsonl = name.as_ref().extension().is_some_and(|e| {
            ["jsonl", "ndjson", "json"]
                .iter()
                .any(|x| e.eq_ignore_ascii_case(x))
        });
        if jsonl {
            TextFormat::JsonLines
        } else {
            TextFormat::Csv
        }
    }

    /// Every row of kind `T` of `src` in this format ([`read_csv`] or [`read_jsonl`]).
    ///
    /// # Errors
    ///
    /// As [`read_csv`] and [`read_jsonl`].
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{RosterEntry, TextFormat};
    /// let rows = TextFormat::Csv.read::<RosterEntry>("subject,window\n张三,W01\n".as_bytes())?;
    /// assert_eq!(rows.len(), 1);
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    pub fn read<T: FromRow>(self, src: impl BufRead) -> Result<Vec<Lined<T>>, Error> {
        match self {
            TextFormat::Csv => read_csv(src),
            TextFormat::JsonLines => read_jsonl(src),
        }
    }
}

/// Every row of kind `T` of the file called `name`, in the format its name gives
/// ([`TextFormat::of_name`]). Bad rows are row errors in their places; an error of the whole
/// file names it: [`Error::Input`] `` `name`: … `` for a header without a required column,
/// [`Error::Io`] with `name` as its path when reading fails.
///
/// # Errors
///
/// The header's or the reading's, named as above.
///
/// # Example
///
/// ```
/// let e = zhidu::rows::read_named::<zhidu::Incident>("incidents.csv", "subject,at\n".as_bytes()).unwrap_err();
/// assert_eq!(e.to_string(), "`incidents.csv`: the header has no `rule` column");
/// let rows = zhidu::rows::read_named::<zhidu::Incident>("incidents.jsonl", "{\"subject\":\"张三\"}\n".as_bytes())?;
/// assert_eq!(rows[0].1.as_ref().unwrap_err().field.as_deref(), Some("at"));
/// # Ok::<(), zhidu::Error>(())
/// ```
pub fn read_named<T: FromRow>(name: &str, src: impl BufRead) -> Result<Vec<Lined<T>>, Error> {
    TextFormat::of_name(name)
        .read(src)
        .map_err(|e| super::stream::named(name, e))
}

/// The roster of the file called `name` (`subject,window`, CSV or JSON Lines by its name) as
/// the rows [`crate::AssessRequest::roster_rows`] takes: a `(person, window)` pair per entry,
/// or the entry's row error in its place, so a bad entry is one row error and every other
/// row is still answered (issue #18 BUG-3).
///
/// # Errors
///
/// As [`read_named`]: a header without a required column, or a file that cannot be read.
///
/// # Example
///
/// ```
/// let rows = zhidu::rows::read_roster("roster.csv", "subject,window\n张三,\n李四,W02\n".as_bytes())?;
/// assert_eq!(rows[0].as_ref().unwrap_err().to_string(), "`window` is missing"); // a row error: the host says "roster row 1"
/// assert_eq!(rows[1].as_ref().unwrap(), &("李四".to_owned(), "W02".to_owned()));
/// # Ok::<(), zhidu::Error>(())
/// ```
pub fn read_roster(name: &str, src: impl BufRead) -> Result<Vec<RosterRow>, Error> {
    Ok(read_named::<RosterEntry>(name, src)?
        .into_iter()
        .map(|(_, entry)| entry.map(|e| e.pair()).map_err(Error::from))
        .collect())
}
