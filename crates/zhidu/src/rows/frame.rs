//! Rows given as a table of named columns (a data frame), read column by column.

use chrono::DateTime;

use super::cell::Cell;
use super::record::{FromRow, Record};
use super::schema::FieldType;
use super::values;
use crate::Error;
use crate::columns::{NAT, from_epoch_day};
use crate::deadline::Start;

/// One column of a data frame, as a host flattened it.
///
/// A host hands over whole columns in the cheapest form it has (numbers and dates as
/// numbers, repeated texts once each); the cell of each row is made only when the row is
/// read.
///
/// # Example
///
/// ```
/// use zhidu::rows::{Cell, Column};
/// let names = Column::Texts { codes: vec![1, -1, 0], texts: vec!["张三".into(), "李四".into()] };
/// assert_eq!(names.cell(0), Cell::Text("李四".into()));
/// assert_eq!(names.cell(1), Cell::Missing);
/// assert_eq!(Column::Floats(vec![f64::NAN]).cell(0), Cell::Missing);
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Column {
    /// One cell per row (a host's own values, converted one by one).
    Cells(Vec<Cell>),
    /// Texts given once each, and for each row the position of its text (a negative or
    /// unknown position is a missing value): names and rule codes repeat over many rows.
    Texts {
        /// The position of each row's text in `texts`.
        codes: Vec<i64>,
        /// The distinct texts.
        texts: Vec<String>,
    },
    /// Whole numbers.
    Integers(Vec<i64>),
    /// Floating-point numbers; NaN is a missing value.
    Floats(Vec<f64>),
    /// Dates as days since 1970-01-01; [`NAT`] is a missing value.
    Days(Vec<i64>),
    /// Seconds since 1970-01-01 00:00; [`NAT`] is a missing value. Instants when `utc`,
    /// else wall times in the calendar's zone.
    Seconds {
        /// The seconds of each row.
        seconds: Vec<i64>,
        /// Whether they count from 00:00 UTC (instants) rather than local midnight.
        utc: bool,
    },
}

impl Column {
    /// The number of rows.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhidu::rows::Column::Integers(vec![1, 2]).len(), 2);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        match self {
            Column::Cells(v) => v.len(),
            Column::Texts { codes, .. } => codes.len(),
            Column::Integers(v) | Column::Days(v) => v.len(),
            Column::Floats(v) => v.len(),
            Column::Seconds { seconds, .. } => seconds.len(),
        }
    }

    /// Whether the column has no rows.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhidu::rows::Column::Floats(vec![]).is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The cell of row `i` (counted from 0); missing past the end.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{Cell, Column};
    /// use zhidu::columns::NAT;
    /// let c = Column::Seconds { seconds: vec![1_790_000_000, NAT], utc: true };
    /// assert!(matches!(c.cell(0), Cell::Instant(zhidu::Start::Instant(_))));
    /// assert_eq!(c.cell(1), Cell::Missing);
    /// ```
    #[must_use]
    pub fn cell(&self, i: usize) -> Cell {
        // `match`es, not `map_or(Cell::Missing, …)`: a default cell built and dropped for
        // every value would cost more than the value.
        let start = match self {
            Column::Cells(v) => {
                return match v.get(i) {
                    Some(c) => c.clone(),
                    None => Cell::Missing,
                };
            }
            Column::Texts { codes, texts } => {
                let text = codes
                    .get(i)
                    .and_then(|&c| usize::try_from(c).ok())
                    .and_then(|c| texts.get(c));
                return match text {
                    Some(t) => Cell::Text(t.clone()),
                    None => Cell::Missing,
                };
            }
            Column::Integers(v) => {
                return match v.get(i) {
                    Some(&n) => Cell::Integer(n),
                    None => Cell::Missing,
                };
            }
            Column::Floats(v) => {
                return match v.get(i) {
                    Some(&f) if !f.is_nan() => Cell::Float(f),
                    _ => Cell::Missing,
                };
            }
            Column::Days(v) => v
                .get(i)
                .filter(|&&d| d != NAT)
                .and_then(|&d| from_epoch_day(d))
                .map(Start::Date),
            Column::Seconds { seconds, utc } => seconds
                .get(i)
                .filter(|&&s| s != NAT)
                .and_then(|&s| DateTime::from_timestamp(s, 0))
                .map(|t| {
                    if *utc {
                        Start::Instant(t.fixed_offset())
                    } else {
                        Start::Local(t.naive_utc())
                    }
                }),
        };
        match start {
            Some(s) => Cell::Instant(s),
            None => Cell::Missing,
        }
    }
}

/// Where a field's cells come from.
enum Source<'a> {
    Column(&'a Column),
    /// A column of texts parsed once each: the codes, and the cell of each distinct text.
    Parsed(&'a [i64], Vec<Cell>),
    Missing,
}

/// Read every row of kind `T` from a data frame of `rows` rows: its named columns, in any
/// order, each holding one field of the kind (by its name or an alias).
///
/// Every row is read on its own, in its place, numbered from 1. A column that is no field
/// of the kind, a required field without a column, or a column of another length concerns
/// every row: the call fails. `what` names the input in those messages (`incidents`).
///
/// # Errors
///
/// [`Error::Input`] for a column of the wrong length, a column that is no field (with the
/// closest field's name), or a missing required column.
///
/// # Example
///
/// ```
/// use zhidu::rows::{Column, read_frame};
/// let columns = vec![
///     ("subject".to_owned(), Column::Texts { codes: vec![0, 0], texts: vec!["张三".into()] }),
///     ("window".to_owned(), Column::Texts { codes: vec![0, -1], texts: vec!["W01".into()] }),
/// ];
/// let rows = read_frame::<zhidu::rows::RosterEntry>("roster", 2, &columns)?;
/// assert_eq!(rows[0].as_ref().unwrap().window, "W01");
/// assert_eq!(rows[1].as_ref().unwrap_err().to_string(), "`window` is missing");
///
/// let typo = vec![("subjcet".to_owned(), Column::Integers(vec![1, 2]))];
/// let e = read_frame::<zhidu::rows::RosterEntry>("roster", 2, &typo).unwrap_err();
/// assert_eq!(e.to_string(), "roster: the DataFrame has a column `subjcet` that is not a field; did you mean `subject`?");
/// assert_eq!(e.message_in(zhidu::Lang::Zh), "人员名单：DataFrame 的`subjcet`列不是字段；是否想写`subject`？");
/// # Ok::<(), zhidu::Error>(())
/// ```
pub fn read_frame<T: FromRow>(
    what: &str,
    rows: usize,
    columns: &[(String, Column)],
) -> Result<Vec<Result<T, Error>>, Error> {
    let schema = T::SCHEMA;
    for (name, column) in columns {
        if column.len() != rows {
            return Err(Error::input(
                format!(
                    "{what}: column `{name}` has {} values for {rows} rows",
                    column.len()
                ),
                None,
            ));
        }
    }
    for (name, _) in columns {
        if schema.field(name).is_none() {
            let message = match crate::closest(name, schema.fields.iter().map(|f| f.name)) {
                Some(c) => format!(
                    "{what}: the DataFrame has a column `{name}` that is not a field; did you mean `{c}`?"
                ),
                None => format!("{what}: the DataFrame has a column `{name}` that is not a field"),
            };
            return Err(Error::input(
                message,
                Some(format!("{}; select those columns first", schema.hint)),
            ));
        }
    }
    let mut at: Vec<Source<'_>> = Vec::with_capacity(schema.fields.len());
    for f in schema.fields {
        let column = columns.iter().find(|(n, _)| schema.field(n) == Some(f));
        at.push(match column {
            None if f.required => {
                return Err(Error::input(
                    format!("{what}: the DataFrame has no column `{}`", f.name),
                    Some(schema.hint.to_owned()),
                ));
            }
            None => Source::Missing,
            // Dates as repeated texts (a CSV read by pandas): each distinct text is parsed
            // once; one that is no date stays text, for the row's own error.
            Some((_, Column::Texts { codes, texts })) if f.ty == FieldType::Instant => {
                let cells = texts.iter().map(|t| match values::instant_text(t) {
                    Ok(Some(s)) => Cell::Instant(s),
                    _ => Cell::Text(t.clone()),
                });
                Source::Parsed(codes, cells.collect())
            }
            Some((_, c)) => Source::Column(c),
        });
    }
    let mut out = Vec::with_capacity(rows);
    // One record, filled again for every row.
    let mut record = Record::new(schema, Vec::new());
    for i in 0..rows {
        for (position, source) in at.iter().enumerate() {
            match source {
                Source::Column(column) => record.set(position, column.cell(i)),
                Source::Parsed(codes, parsed) => {
                    let cell = codes
                        .get(i)
                        .and_then(|&c| usize::try_from(c).ok())
                        .and_then(|c| parsed.get(c));
                    if let Some(c) = cell {
                        record.set(position, c.clone());
                    }
                }
                Source::Missing => {}
            }
        }
        out.push(record.read::<T>().map_err(|e| e.at(i + 1).into()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "tests")]
    use super::{Column, read_frame};
    use crate::rows::Cell;

    /// Texts parsed once per distinct value read exactly as the same texts cell by cell.
    #[test]
    fn repeated_date_texts_read_as_cells_do() {
        let at = [
            "2026-10-12",
            " 2026-10-13T09:00 ",
            "2026-13-45",
            "",
            "2026-10-12",
        ];
        let codes: Vec<i64> = vec![0, 1, 2, 3, 0, -1];
        let texts: Vec<String> = at.iter().map(|t| (*t).to_owned()).collect();
        let cells = codes
            .iter()
            .map(|&c| usize::try_from(c).map_or(Cell::Missing, |c| Cell::Text(texts[c].clone())))
            .collect();
        let frame = |at: Column| {
            let subject = Column::Texts {
                codes: vec![0; 6],
                texts: vec!["张三".into()],
            };
            let rule = Column::Texts {
                codes: vec![0; 6],
                texts: vec!["S14.att.1a".into()],
            };
            let columns = vec![
                ("subject".to_owned(), subject),
                ("at".to_owned(), at),
                ("rule".to_owned(), rule),
            ];
            read_frame::<crate::Incident>("incidents", 6, &columns).unwrap()
        };
        let parsed = frame(Column::Texts { codes, texts });
        assert_eq!(parsed, frame(Column::Cells(cells)));
        let codes: Vec<_> = parsed
            .iter()
            .map(|r| r.as_ref().err().map(crate::Error::code))
            .collect();
        assert_eq!(
            codes,
            [
                None,
                None,
                Some("input"),
                Some("input"),
                None,
                Some("input")
            ]
        );
    }
}
