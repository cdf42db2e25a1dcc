//! Reading the requests of `assess`, `rankPeriod` and `decide`: incident, case and
//! violation rows, rosters and periods.
//!
//! Rows are JSON values read by the core (`zhidu::rows`), as every host reads them: a row
//! that is not an object, cannot be written as JSON (a cycle, a bigint, a throwing getter)
//! or is not an incident (a missing `rule`, a `quantity` of `"two"`) is an `Err` in its
//! place, and the core reports it with its 1-based row in `errors` like any other bad row. Only a request that is not a
//! request at all (no `period`, `incidents` not an array) throws.

use js_sys::{Array, Function, JsString, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use zhidu::rows::{Cell, FromRow, RosterEntry};
use zhidu::{Case, Error, Incident, Period, ViolationRecord};

use crate::convert::{self, Fields, MAX_CASE_TEXT, MAX_FIELD, MAX_ROWS, input, text};

/// The most UTF-16 units of a whole row column as JSON; a larger one is read row by row.
const MAX_ROWS_TEXT: usize = 512 * 1024 * 1024;

/// What a row of each kind is, for messages.
struct RowKind {
    /// `incidents`, `cases`, `violations`.
    what: &'static str,
    /// `incident`, `case`, `violation`.
    one: &'static str,
}

const INCIDENT: RowKind = RowKind {
    what: "incidents",
    one: "incident",
};

const CASE: RowKind = RowKind {
    what: "cases",
    one: "case",
};

const VIOLATION: RowKind = RowKind {
    what: "violations",
    one: "violation",
};

const REQUEST: RowKind = RowKind {
    what: "requests",
    one: "request",
};

const RECORD: RowKind = RowKind {
    what: "records",
    one: "record",
};

/// Access request rows (`access`), read as `decide` reads violations.
///
/// # Errors
///
/// `input` when `value` is not an array. Bad rows are not errors here.
pub(crate) fn access_request_rows(
    value: &JsValue,
) -> Result<Vec<Result<zhidu::AccessRequest, Error>>, Error> {
    rows(value, &REQUEST)
}

/// Record rows (`retention`).
///
/// # Errors
///
/// As [`access_request_rows`].
pub(crate) fn record_rows(
    value: &JsValue,
) -> Result<Vec<Result<zhidu::RetentionRecord, Error>>, Error> {
    rows(value, &RECORD)
}

thread_local! {
    /// The `JSON.stringify` replacer of rows, made once.
    static FINITE: Closure<dyn Fn(JsValue, JsValue) -> Result<JsValue, JsValue>> =
        Closure::new(|key: JsValue, value: JsValue| match value.as_f64() {
            Some(f) if !f.is_finite() => {
                let key = key.as_string().unwrap_or_default();
                let f = crate::convert::js_number(f);
                Err(js_sys::TypeError::new(&format!("`{key}` is {f}, which is not a number")).into())
            }
            _ => Ok(value),
        });
}

/// `JSON.stringify` of a row or a column, refusing `NaN` and `±Infinity` (which JSON would
/// silently write as `null`: a `quantity` of `NaN` must not count as one unit).
fn stringify(value: &JsValue) -> Result<JsString, JsValue> {
    FINITE.with(|f| {
        let replacer: &Function = f.as_ref().unchecked_ref();
        js_sys::JSON::stringify_with_replacer(value, replacer)
    })
}

/// Rows of `kind` from a JavaScript array, each read on its own.
///
/// The whole column is written as JSON once when it can be (the fast path); when that throws
/// (one cyclic or bigint row) or nests too deep, every row is written on its own so that
/// only the bad rows fail.
fn rows<T: FromRow>(value: &JsValue, kind: &RowKind) -> Result<Vec<Result<T, Error>>, Error> {
    let Some(array) = value.dyn_ref::<Array>() else {
        return Err(convert::wrong_type(kind.what, "an array of objects", value));
    };
    let n = array.length() as usize;
    if n > MAX_ROWS {
        return Err(input(
            format!(
                "`{}` has {n} rows, over the limit of {MAX_ROWS} per call",
                kind.what
            ),
            Some("split the rows into several calls".to_owned()),
        ));
    }
    if let Some(rows) = whole_column(array, kind) {
        return Ok(rows);
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let row = Reflect::get_u32(array, i as u32).map_err(|e| convert::thrown(kind.what, &e))?;
        out.push(one_row(&row, kind, i + 1));
    }
    Ok(out)
}

/// The rows of `key` in a request `{ key: [...] }` (`{ facts }`, `{ trainees }`, `{ cases }`)
/// of the kinds of issue #15, read by the core one by one, each `one` a row kind's name.
///
/// # Errors
///
/// `input` for a request that is not an object, an unknown key, or rows that are no array.
pub(crate) fn request_rows<T: FromRow>(
    request: &JsValue,
    key: &'static str,
    one: &'static str,
    example: &'static str,
) -> Result<Vec<Result<T, Error>>, Error> {
    let f = Fields::new(request, "request", &[key], example)?;
    rows(&f.get(key)?, &RowKind { what: key, one })
}

/// Every row through one `JSON.stringify` of the column, or `None` when that fails.
fn whole_column<T: FromRow>(array: &Array, kind: &RowKind) -> Option<Vec<Result<T, Error>>> {
    let json = stringify(array).ok()?;
    let bytes = convert::long_text(&json, kind.what, MAX_ROWS_TEXT).ok()?;
    let values: Vec<serde_json::Value> = serde_json::from_slice(&bytes).ok()?;
    if values.len() != array.length() as usize {
        return None;
    }
    Some(
        values
            .iter()
            .enumerate()
            .map(|(i, v)| from_value(v, i + 1))
            .collect(),
    )
}

/// One row on its own, read exactly as the whole-column path reads it (`JSON.stringify`, so
/// a function or symbol row is `null` and a `Date` is its ISO string).
fn one_row<T: FromRow>(row: &JsValue, kind: &RowKind, number: usize) -> Result<T, Error> {
    let json = stringify(row).map_err(|e| convert::thrown(kind.one, &e))?;
    let value = if json.is_undefined() {
        serde_json::Value::Null
    } else {
        let json = text(&json.into(), kind.one, MAX_CASE_TEXT)?;
        serde_json::from_str(&json)
            .map_err(|e| input(format!("{}: {}", kind.one, convert::json_message(&e)), None))?
    };
    from_value(&value, number)
}

/// One row read by the core, as every host reads it (`zhidu::rows`).
fn from_value<T: FromRow>(value: &serde_json::Value, number: usize) -> Result<T, Error> {
    zhidu::rows::read_json(value, number).map_err(Error::from)
}

/// The roster: `[[subject, window], …]`, `[{ subject, window }, …]` or `{ subject: window }`.
fn roster(value: &JsValue) -> Result<Vec<(String, String)>, Error> {
    const HINT: &str = r#"give `[["张三", "W01"], …]`, `[{ subject: "张三", window: "W01" }, …]` or `{ "张三": "W01", … }`"#;
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    if !value.is_object() {
        return Err(convert::wrong_type("roster", HINT, value));
    }
    let json = js_sys::JSON::stringify(value).map_err(|e| convert::thrown("roster", &e))?;
    let bytes = convert::long_text(&json, "roster", MAX_ROWS_TEXT)?;
    let value: serde_json::Value = serde_json::from_slice(&bytes)
        .map_err(|e| input(format!("`roster`: {}", convert::json_message(&e)), None))?;
    // Pairs and `{ person: window }` are entries with `subject` and `window`; every entry is
    // then read by the core, as in every host.
    let pair = |s: &serde_json::Value, w: &serde_json::Value| {
        RosterEntry::row(Cell::from_json(s), Cell::from_json(w))
    };
    let entries: Vec<Cell> = match &value {
        serde_json::Value::Array(items) => items
            .iter()
            .map(|item| match item.as_array().map(Vec::as_slice) {
                Some([s, w]) => pair(s, w),
                _ => Cell::from_json(item),
            })
            .collect(),
        serde_json::Value::Object(map) => map
            .iter()
            .map(|(s, w)| pair(&serde_json::Value::String(s.clone()), w))
            .collect(),
        other => {
            return Err(convert::wrong_type(
                "roster",
                HINT,
                &JsValue::from_str(&other.to_string()),
            ));
        }
    };
    zhidu::rows::read_all::<RosterEntry>(entries)
        .into_iter()
        .map(|e| e.map(|e| e.pair()).map_err(Error::from))
        .collect()
}

/// `{ period, incidents, cases?, casePolicy?, roster?, lines? }` of `assess` and
/// `rankPeriod`.
pub struct AssessInput {
    /// The period.
    pub period: Period,
    /// Incident rows.
    pub incidents: Vec<Result<Incident, Error>>,
    /// Case rows, if any were given.
    pub cases: Option<Vec<Result<Case, Error>>>,
    /// The id of the deadline policy the cases are under (this policy if none).
    pub case_policy: Option<String>,
    /// `(person, window)` pairs.
    pub roster: Vec<(String, String)>,
    /// Whether cards list their lines.
    pub lines: bool,
}

const ASSESS_EXAMPLE: &str = r#"{ period: "2026-10", incidents: [{ subject: "张三", window: "W01", at: "2026-10-12", rule: "S14.att.1a", quantity: 2 }] }"#;

impl AssessInput {
    /// Read an assessment request.
    ///
    /// # Errors
    ///
    /// `input` for a request that is not an object, an unknown key, a bad period, roster or
    /// `lines`, or `incidents`/`cases` that are not arrays. Bad rows are not errors here.
    pub fn read(value: &JsValue) -> Result<Self, Error> {
        let f = Fields::new(
            value,
            "request",
            &[
                "period",
                "incidents",
                "cases",
                "casePolicy",
                "roster",
                "lines",
            ],
            ASSESS_EXAMPLE,
        )?;
        let period: Period = text(&f.get("period")?, "period", MAX_FIELD)?.parse()?;
        let incidents = f.get("incidents")?;
        let incidents = if incidents.is_undefined() {
            Vec::new()
        } else {
            rows(&incidents, &INCIDENT)?
        };
        let cases = f.get("cases")?;
        let cases = if cases.is_undefined() || cases.is_null() {
            None
        } else {
            Some(rows(&cases, &CASE)?)
        };
        let case_policy = f.get("casePolicy")?;
        let case_policy = if case_policy.is_undefined() || case_policy.is_null() {
            None
        } else {
            Some(text(&case_policy, "casePolicy", MAX_FIELD)?)
        };
        let lines = f.get("lines")?;
        let lines = if lines.is_undefined() || lines.is_null() {
            true
        } else {
            lines
                .as_bool()
                .ok_or_else(|| convert::wrong_type("lines", "true or false", &lines))?
        };
        Ok(AssessInput {
            period,
            incidents,
            cases,
            case_policy,
            roster: roster(&f.get("roster")?)?,
            lines,
        })
    }
}

/// `{ violations, asOf? }` of `decide`.
pub struct DecideInput {
    /// Violation rows.
    pub violations: Vec<Result<ViolationRecord, Error>>,
    /// `asOf` as given (parsed in the policy's zone by the caller).
    pub as_of: Option<String>,
}

const DECIDE_EXAMPLE: &str = r#"{ violations: [{ subject: "张三", at: "2026-10-12", violation: "S2.zr.t1.1", flags: [] }], asOf: "2026-10-31" }"#;

impl DecideInput {
    /// Read a decision request.
    ///
    /// # Errors
    ///
    /// `input` for a request that is not an object, an unknown key, `violations` that is not
    /// an array or an `asOf` that is not a string.
    pub fn read(value: &JsValue) -> Result<Self, Error> {
        let f = Fields::new(value, "request", &["violations", "asOf"], DECIDE_EXAMPLE)?;
        let as_of = f.get("asOf")?;
        Ok(DecideInput {
            violations: rows(&f.get("violations")?, &VIOLATION)?,
            as_of: if as_of.is_undefined() || as_of.is_null() {
                None
            } else {
                Some(crate::convert::instant_text(&as_of, "asOf")?)
            },
        })
    }
}

/// Case rows of another request (`report`), read as `assess` reads them.
///
/// # Errors
///
/// `input` when `value` is not an array. Bad rows are not errors here.
pub(crate) fn case_rows(value: &JsValue) -> Result<Vec<Result<Case, Error>>, Error> {
    rows(value, &CASE)
}

/// Incident rows of another request (`report`).
///
/// # Errors
///
/// As [`case_rows`].
pub(crate) fn incident_rows(value: &JsValue) -> Result<Vec<Result<Incident, Error>>, Error> {
    rows(value, &INCIDENT)
}

/// Violation rows of another request (`report`).
///
/// # Errors
///
/// As [`case_rows`].
pub(crate) fn violation_rows(
    value: &JsValue,
) -> Result<Vec<Result<ViolationRecord, Error>>, Error> {
    rows(value, &VIOLATION)
}

/// A roster of another request (`report`).
///
/// # Errors
///
/// `input` for a roster that is not one.
pub(crate) fn roster_rows(value: &JsValue) -> Result<Vec<(String, String)>, Error> {
    roster(value)
}

/// Rows of a schedule request (`rota`, `patrolFailures`, `obligations`): `what` names the
/// array in messages, `one` a row of it.
///
/// # Errors
///
/// As [`case_rows`].
pub(crate) fn schedule_rows<T: FromRow>(
    value: &JsValue,
    what: &'static str,
    one: &'static str,
) -> Result<Vec<Result<T, Error>>, Error> {
    rows(value, &RowKind { what, one })
}
