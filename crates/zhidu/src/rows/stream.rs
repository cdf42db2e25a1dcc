//! Rows of one kind read from text one at a time, in the format the file's name gives: for
//! inputs too large to hold (a year's case log), read in chunks and dropped as they are used.

use std::io::BufRead;

use super::csv::{Line, Lines, MAX_ROW_BYTES};
use super::error::RowError;
use super::problem::RowProblem;
use super::record::FromRow;
use super::text::{CsvReader, Lined, TextFormat, io, placed};
use crate::Error;

/// The rows of a JSON Lines input of kind `T`, read one at a time (see
/// [`super::read_jsonl`], which reads them all with it).
///
/// # Example
///
/// ```
/// use zhidu::rows::JsonlReader;
/// let mut r = JsonlReader::<_, zhidu::rows::RosterEntry>::new("\n{\"subject\":\"李四\",\"window\":\"W02\"}\n".as_bytes());
/// let (line, row) = r.next_row()?.unwrap();
/// assert_eq!((line, row.unwrap().window.as_str()), (2, "W02"));
/// assert!(r.next_row()?.is_none());
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Debug)]
pub struct JsonlReader<R, T> {
    lines: Lines<R>,
    row: usize,
    kind: core::marker::PhantomData<fn() -> T>,
}

impl<R: BufRead, T: FromRow> JsonlReader<R, T> {
    /// A reader of `src`.
    ///
    /// # Example
    ///
    /// ```
    /// let r = zhidu::rows::JsonlReader::<_, zhidu::Case>::new(&b""[..]);
    /// # let _ = r;
    /// ```
    pub fn new(src: R) -> Self {
        JsonlReader {
            lines: Lines::new(src),
            row: 0,
            kind: core::marker::PhantomData,
        }
    }

    /// The next row with the file line it is on; `None` at the end. Blank lines are not rows;
    /// a line that is not JSON, not UTF-8 or longer than [`MAX_ROW_BYTES`] is one bad row.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when reading fails.
    ///
    /// # Example
    ///
    /// ```
    /// let mut r = zhidu::rows::JsonlReader::<_, zhidu::rows::RosterEntry>::new(&b"[1]\n"[..]);
    /// let (_, row) = r.next_row()?.unwrap();
    /// assert_eq!(row.unwrap_err().code(), "not_record");
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    pub fn next_row(&mut self) -> Result<Option<Lined<T>>, Error> {
        let kind = T::SCHEMA.kind;
        while let Some((line, read)) = self.lines.next_line().map_err(|e| io(&e))? {
            let unreadable =
                |detail: String| Err(RowError::new(kind, RowProblem::Unreadable { detail }));
            let value = match read {
                Line::TooLong => {
                    unreadable(format!("line {line} is longer than {MAX_ROW_BYTES} bytes"))
                }
                Line::Text(bytes) => match std::str::from_utf8(&bytes) {
                    Err(e) => unreadable(format!(
                        "line {line} is not UTF-8 (byte {})",
                        e.valid_up_to()
                    )),
                    Ok(text) => {
                        let text = text.trim().trim_start_matches('\u{feff}');
                        if text.is_empty() {
                            continue;
                        }
                        super::read_json_line(text, 0)
                    }
                },
            };
            self.row += 1;
            return Ok(Some((line, value.map_err(|e| placed(e, self.row, line)))));
        }
        Ok(None)
    }
}

/// The rows of kind `T` of a file, one at a time, in the format its name gives
/// ([`TextFormat::of_name`]): what [`super::read_named`] reads whole, for a host that uses
/// rows as they come ([`crate::ReportBuilder`]).
///
/// # Example
///
/// ```
/// use zhidu::rows::RowStream;
/// let mut r = RowStream::<_, zhidu::rows::RosterEntry>::named("roster.csv", "subject,window\n张三,W01\n李四,W02\n".as_bytes())?;
/// let chunk = r.chunk(8)?;
/// assert_eq!(chunk.len(), 2);
/// assert!(r.chunk(8)?.is_empty());
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Debug)]
pub struct RowStream<R, T> {
    name: String,
    reader: Reader<R, T>,
}

#[derive(Debug)]
enum Reader<R, T> {
    Csv(CsvReader<R, T>),
    Jsonl(JsonlReader<R, T>),
}

impl<R: BufRead, T: FromRow> RowStream<R, T> {
    /// A stream of the file called `name` (its header is read now, for CSV).
    ///
    /// # Errors
    ///
    /// As [`super::read_named`]: a CSV header without a required column, or a file that
    /// cannot be read, named.
    ///
    /// # Example
    ///
    /// ```
    /// let e = zhidu::rows::RowStream::<_, zhidu::Incident>::named("incidents.csv", "subject,at\n".as_bytes()).unwrap_err();
    /// assert_eq!(e.to_string(), "`incidents.csv`: the header has no `rule` column");
    /// ```
    pub fn named(name: &str, src: R) -> Result<Self, Error> {
        let reader = match TextFormat::of_name(name) {
            TextFormat::Csv => Reader::Csv(CsvReader::new(src).map_err(|e| named(name, e))?),
            TextFormat::JsonLines => Reader::Jsonl(JsonlReader::new(src)),
        };
        Ok(RowStream {
            name: name.to_owned(),
            reader,
        })
    }

    /// The next row; `None` at the end.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] with the file's name when reading fails (a bad row is an `Err` inside).
    ///
    /// # Example
    ///
    /// ```
    /// let mut r = zhidu::rows::RowStream::<_, zhidu::rows::RosterEntry>::named("r.jsonl", &b"{\"subject\":\"a\",\"window\":\"W\"}\n"[..])?;
    /// assert!(r.next_row()?.is_some() && r.next_row()?.is_none());
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    pub fn next_row(&mut self) -> Result<Option<Lined<T>>, Error> {
        let next = match &mut self.reader {
            Reader::Csv(r) => r.next_row(),
            Reader::Jsonl(r) => r.next_row(),
        };
        next.map_err(|e| named(&self.name, e))
    }

    /// Up to `n` next rows; empty at the end.
    ///
    /// # Errors
    ///
    /// As [`RowStream::next_row`].
    ///
    /// # Example
    ///
    /// ```
    /// let mut r = zhidu::rows::RowStream::<_, zhidu::rows::RosterEntry>::named("r.csv", &b"subject,window\na,W\nb,W\nc,W\n"[..])?;
    /// assert_eq!((r.chunk(2)?.len(), r.chunk(2)?.len(), r.chunk(2)?.len()), (2, 1, 0));
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    pub fn chunk(&mut self, n: usize) -> Result<Vec<Lined<T>>, Error> {
        let mut out = Vec::with_capacity(n.min(1 << 16));
        while out.len() < n {
            match self.next_row()? {
                Some(row) => out.push(row),
                None => break,
            }
        }
        Ok(out)
    }
}

/// An error of the whole file, named as [`super::read_named`] names it.
pub(super) fn named(name: &str, e: Error) -> Error {
    match e {
        Error::Io { message, .. } => Error::Io {
            path: name.to_owned(),
            message,
        },
        Error::Input { message, hint } => Error::Input {
            message: format!("`{name}`: {message}"),
            hint,
        },
        other => other,
    }
}
