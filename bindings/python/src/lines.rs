//! The lines of an assessment as columns, for `zhidu.pandas.lines_frame`: one pass over the
//! core's lines in Rust, each value converted once by its type, with no dict per line (a
//! million lines as dicts took 18 s).

use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::Obj;
use crate::result_class::Field;

/// The columns of the lines table, in order.
pub(crate) const COLUMNS: [&str; 17] = [
    "subject",
    "card_kind",
    "window",
    "rule",
    "imported_from",
    "category",
    "kind",
    "unit",
    "quantity",
    "points_each",
    "points",
    "fine",
    "withholding",
    "at",
    "case",
    "note",
    "row",
];

/// The lines table for Python: the column names, one list per column, and the calendar's UTC
/// offset in seconds (the zone of `at`).
pub(crate) type Table<'py> = (Vec<&'static str>, Vec<Bound<'py, PyList>>, i32);

/// A serde enum's spelling (`deduction`, `person_time` …).
fn spelling<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn text<'py>(py: Python<'py>, s: Option<&str>) -> Obj<'py> {
    match s {
        Some(s) => PyString::new(py, s).into_any(),
        None => py.None().into_bound(py),
    }
}

/// Every line of every card, person cards first as the assessment orders them: one list per
/// column of [`COLUMNS`]; `at` as Unix seconds (the frame makes them aware), `row` the
/// incident's 1-based row (None for a case's line, whose id is in `case`).
pub(crate) fn columns<'py>(
    py: Python<'py>,
    assessment: &zhidu::Assessment,
) -> PyResult<Vec<Bound<'py, PyList>>> {
    let mut out: Vec<Vec<Obj<'py>>> = COLUMNS.iter().map(|_| Vec::new()).collect();
    for card in &assessment.scorecards {
        // The card's values are the same on each of its lines: converted once.
        let subject = PyString::new(py, &card.subject).into_any();
        let card_kind = card.kind.py(py)?;
        let window = text(py, card.window.as_deref());
        for line in &card.lines {
            let case = match &line.source {
                zhidu::LineSource::Case { id, .. } => Some(id.as_str()),
                _ => line.case.as_deref(),
            };
            let row = match &line.source {
                zhidu::LineSource::Incident { row } => Some(*row),
                _ => None,
            };
            let values = [
                subject.clone(),
                card_kind.clone(),
                window.clone(),
                PyString::new(py, &line.rule).into_any(),
                text(py, line.imported_from.as_deref()),
                text(py, line.category.as_deref()),
                PyString::new(py, &spelling(&line.kind)).into_any(),
                PyString::new(py, &spelling(&line.unit)).into_any(),
                line.quantity.py(py)?,
                line.points_each.py(py)?,
                line.points.py(py)?,
                line.fine.py(py)?,
                line.withholding.py(py)?,
                line.at.timestamp().py(py)?,
                text(py, case),
                text(py, line.note.as_deref()),
                row.py(py)?,
            ];
            for (column, value) in out.iter_mut().zip(values) {
                column.push(value);
            }
        }
    }
    out.into_iter().map(|c| PyList::new(py, c)).collect()
}
