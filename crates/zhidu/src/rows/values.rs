//! What each field type accepts: one function per type, from a cell to the typed value or
//! the problem. Every host's rows go through these, so they accept the same spellings.

use super::cell::Cell;
use super::problem::RowProblem;
use crate::deadline::Start;

/// A text field: text (trimmed), or a whole number taken as its digits. Takes the cell, so
/// text that needs no trimming is moved, not copied (the hot path of every text column).
pub(crate) fn text(cell: Cell) -> Result<Option<String>, RowProblem> {
    match cell {
        Cell::Missing => Ok(None),
        // Trimmed once; text that needs none is moved as it is.
        Cell::Text(t) => {
            let trimmed = t.trim();
            if trimmed.is_empty() {
                Ok(None)
            } else if trimmed.len() == t.len() {
                Ok(Some(t))
            } else {
                Ok(Some(trimmed.to_owned()))
            }
        }
        _ if cell.is_missing() => Ok(None),
        Cell::Integer(i) => Ok(Some(i.to_string())),
        Cell::Float(f) => {
            whole_float(f)
                .map(|i| Some(i.to_string()))
                .ok_or_else(|| RowProblem::NotText {
                    got: cell.describe(),
                })
        }
        _ => Err(RowProblem::NotText {
            got: cell.describe(),
        }),
    }
}

/// A whole number that fits an `i64` exactly, from a float.
fn whole_float(f: f64) -> Option<i64> {
    // 2^63 is exactly representable; every whole float below it in magnitude fits.
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    (f.fract() == 0.0 && (-LIMIT..LIMIT).contains(&f)).then(|| {
        #[expect(
            clippy::cast_possible_truncation,
            reason = "whole and in range, checked above"
        )]
        let n = f as i64;
        n
    })
}

/// A whole number from text, as a person writes it (`3`, `+3`, `-3`, ` 3 `).
pub(crate) fn whole_text(text: &str) -> Result<Option<i64>, RowProblem> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<i64>()
        .map(Some)
        .map_err(|_| RowProblem::NotWhole {
            got: Cell::Text(t.to_owned()).describe(),
        })
}

/// A signed whole-number field.
pub(crate) fn whole(cell: &Cell) -> Result<Option<i64>, RowProblem> {
    if cell.is_missing() {
        return Ok(None);
    }
    match cell {
        Cell::Integer(i) => Ok(Some(*i)),
        Cell::Float(f) => whole_float(*f)
            .map(Some)
            .ok_or_else(|| RowProblem::NotWhole {
                got: cell.describe(),
            }),
        Cell::Text(t) => whole_text(t),
        _ => Err(RowProblem::NotWhole {
            got: cell.describe(),
        }),
    }
}

/// A day count from text.
pub(crate) fn days_text(text: &str) -> Result<Option<u32>, RowProblem> {
    match whole_text(text)? {
        None => Ok(None),
        Some(n) => in_days(n, &Cell::Text(text.trim().to_owned())).map(Some),
    }
}

fn in_days(n: i64, cell: &Cell) -> Result<u32, RowProblem> {
    u32::try_from(n).map_err(|_| RowProblem::OutOfRange {
        got: cell.describe(),
        max: u32::MAX,
    })
}

/// A day-count field, 0 to 4294967295.
pub(crate) fn days(cell: &Cell) -> Result<Option<u32>, RowProblem> {
    match whole(cell)? {
        None => Ok(None),
        Some(n) => in_days(n, cell).map(Some),
    }
}

/// A start from text: what [`Start`] parses.
pub(crate) fn instant_text(text: &str) -> Result<Option<Start>, RowProblem> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<Start>()
        .map(Some)
        .map_err(|_| RowProblem::NotInstant {
            got: Cell::Text(t.to_owned()).describe(),
        })
}

/// An instant field.
pub(crate) fn instant(cell: &Cell) -> Result<Option<Start>, RowProblem> {
    if cell.is_missing() {
        return Ok(None);
    }
    match cell {
        Cell::Instant(s) => Ok(Some(*s)),
        Cell::Text(t) => instant_text(t),
        _ => Err(RowProblem::NotInstant {
            got: cell.describe(),
        }),
    }
}

/// A yes/no field; missing is no.
pub(crate) fn boolean(cell: &Cell) -> Result<bool, RowProblem> {
    if cell.is_missing() {
        return Ok(false);
    }
    let bad = || RowProblem::NotBool {
        got: cell.describe(),
    };
    match cell {
        Cell::Bool(b) => Ok(*b),
        Cell::Integer(1) => Ok(true),
        Cell::Integer(0) => Ok(false),
        Cell::Text(t) => match t.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" => Ok(true),
            "false" | "no" | "0" => Ok(false),
            _ => Err(bad()),
        },
        _ => Err(bad()),
    }
}

/// Ids: a list of texts, or one text separated by `;`.
pub(crate) fn flags(cell: &Cell) -> Result<Vec<String>, RowProblem> {
    if cell.is_missing() {
        return Ok(Vec::new());
    }
    match cell {
        Cell::Text(t) => Ok(t
            .split(';')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(str::to_owned)
            .collect()),
        Cell::List(items) => {
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                match item {
                    Cell::Text(t) if !t.trim().is_empty() => out.push(t.trim().to_owned()),
                    _ => {
                        return Err(RowProblem::NotList {
                            got: format!("a list holding {}", item.describe()),
                        });
                    }
                }
            }
            Ok(out)
        }
        _ => Err(RowProblem::NotList {
            got: cell.describe(),
        }),
    }
}

/// An exact decimal field: an integer, digits as text, or a float read by its shortest
/// decimal spelling (what a spreadsheet shows), never by its binary value.
pub(crate) fn amount(cell: &Cell) -> Result<Option<rust_decimal::Decimal>, RowProblem> {
    use core::str::FromStr;
    if cell.is_missing() {
        return Ok(None);
    }
    let bad = || RowProblem::NotAmount {
        got: cell.describe(),
    };
    match cell {
        Cell::Integer(i) => Ok(Some(rust_decimal::Decimal::from(*i))),
        Cell::Float(f) if f.is_finite() => rust_decimal::Decimal::from_str(&f.to_string())
            .map(Some)
            .map_err(|_| bad()),
        Cell::Text(t) => rust_decimal::Decimal::from_str(t.trim())
            .map(Some)
            .map_err(|_| bad()),
        _ => Err(bad()),
    }
}
