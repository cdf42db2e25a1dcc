//! Reading JavaScript values into the core's types, and the core's results out as plain
//! JavaScript objects.
//!
//! Every read checks the type and size before copying anything into WebAssembly memory, and
//! every JavaScript call that can throw (getters, proxies, `JSON.stringify` of a cycle) is
//! caught, so a malformed input becomes a `ZhiduError` with code `input` (or `too_large`)
//! and never a trap.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use js_sys::{Array, Float64Array, Int32Array, JsString, Object, Reflect, Uint8Array, Uint32Array};
use serde::Serialize;
use serde::de::{self, Deserializer, IgnoredAny, SeqAccess, Visitor};
use wasm_bindgen::{JsCast, JsValue};
use zhidu::{Error, Start};

/// The most UTF-16 units of one small text field (an id, an instant); more is refused
/// before it is copied.
pub const MAX_FIELD: usize = 1024;

/// The most rows of one `dueMany` call; larger batches go in several calls.
pub const MAX_ROWS: usize = 10_000_000;

/// The most UTF-16 units of a `dueMany` column as JSON (about 25 per row).
pub const MAX_COLUMN_TEXT: usize = 512 * 1024 * 1024;

/// The most UTF-16 units of one case as JSON (1,000 events fit easily).
pub const MAX_CASE_TEXT: usize = 1024 * 1024;

/// An `input` error.
pub fn input(message: String, hint: Option<String>) -> Error {
    Error::Input { message, hint }
}

/// The error for an exception thrown while reading `what` (a getter, a proxy, a cycle).
pub fn thrown(what: &str, exception: &JsValue) -> Error {
    let detail = exception
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| exception.as_string())
        .unwrap_or_else(|| "an exception".to_owned());
    input(format!("reading `{what}` threw: {detail}"), None)
}

/// What a value is, in words, for messages.
pub fn kind(value: &JsValue) -> Cow<'static, str> {
    if value.is_undefined() {
        "undefined".into()
    } else if value.is_null() {
        "null".into()
    } else if let Some(n) = value.as_f64() {
        format!("the number `{}`", js_number(n)).into()
    } else if value.as_bool().is_some() {
        "a boolean".into()
    } else if value.is_string() {
        "a string".into()
    } else if value.is_bigint() {
        "a bigint".into()
    } else if value.is_symbol() {
        "a symbol".into()
    } else if value.is_function() {
        "a function".into()
    } else if Array::is_array(value) {
        "an array".into()
    } else {
        "an object".into()
    }
}

/// The `input` error for a value of the wrong type (or a missing one).
pub fn wrong_type(what: &str, expected: &str, value: &JsValue) -> Error {
    if value.is_undefined() {
        input(
            format!("missing `{what}`"),
            Some(format!("give `{what}`: {expected}")),
        )
    } else {
        input(
            format!("`{what}` must be {expected}, not {}", kind(value)),
            None,
        )
    }
}

/// A JavaScript string of at most `max` UTF-16 units, copied into a Rust string.
///
/// # Errors
///
/// `input` for a value that is not a string or is longer than `max`.
pub fn text(value: &JsValue, what: &str, max: usize) -> Result<String, Error> {
    let Some(s) = value.dyn_ref::<JsString>() else {
        return Err(wrong_type(what, "a string", value));
    };
    let len = s.length() as usize;
    if len > max {
        return Err(input(
            format!("`{what}` has {len} characters, over the limit of {max}"),
            None,
        ));
    }
    Ok(String::from(s))
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The platform's `TextEncoder` (Node and every browser).
    type TextEncoder;
    #[wasm_bindgen(constructor, catch)]
    fn new() -> Result<TextEncoder, JsValue>;
    #[wasm_bindgen(method)]
    fn encode(this: &TextEncoder, text: &JsString) -> Uint8Array;
}

/// A long JavaScript string (a whole column) as UTF-8 bytes: encoded natively by
/// `TextEncoder` and copied in one piece, several times faster than passing a `&str` (whose
/// glue copies ASCII one unit at a time). Lone surrogates become U+FFFD, as in every other
/// string read; the bytes are valid UTF-8.
///
/// # Errors
///
/// `input` over `max` UTF-16 units or where `TextEncoder` is missing.
pub fn long_text(s: &JsString, what: &str, max: usize) -> Result<Vec<u8>, Error> {
    let len = s.length() as usize;
    if len > max {
        return Err(input(
            format!("`{what}` has {len} characters, over the limit of {max}"),
            None,
        ));
    }
    let encoder = TextEncoder::new().map_err(|e| thrown("TextEncoder", &e))?;
    Ok(encoder.encode(s).to_vec())
}

/// An optional whole number from 0 to 4294967295 (`undefined` and `null` are none).
///
/// # Errors
///
/// `input` for anything else, `NaN` and fractions included.
pub fn opt_u32(value: &JsValue, what: &str) -> Result<Option<u32>, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    match value.as_f64() {
        Some(f) => whole_u32(f, what).map(Some),
        None => Err(wrong_type(what, "a whole number", value)),
    }
}

fn whole_u32(f: f64, what: &str) -> Result<u32, Error> {
    zhidu::columns::whole_days(f).ok_or_else(|| {
        input(
            format!(
                "`{what}` must be a whole number from 0 to 4294967295, not `{}`",
                js_number(f)
            ),
            None,
        )
    })
}

/// A number as JavaScript writes it (`Infinity`, `NaN`, `18446744073709552000`), never as
/// Rust does (`inf`, `NaN`, `18446744073709552000`… and `1e300` as 301 digits).
#[must_use]
pub fn js_number(f: f64) -> String {
    js_sys::Number::from(f)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_else(|_| format!("{f}"))
}

/// An instant or date given as a string, or as a `Date` (its instant, written as
/// `toISOString()` writes it, so that `due` reads it exactly as `dueMany` reads the
/// `JSON.stringify` of a `Date` cell).
///
/// # Errors
///
/// `input` for an invalid `Date`, a string over [`MAX_FIELD`] or any other value.
pub fn instant_text(value: &JsValue, what: &str) -> Result<String, Error> {
    if let Some(date) = value.dyn_ref::<js_sys::Date>() {
        if date.get_time().is_nan() {
            return Err(input(format!("`{what}` is an invalid `Date`"), None));
        }
        return Ok(String::from(date.to_iso_string()));
    }
    if !value.is_string() {
        return Err(wrong_type(what, "a string or a Date", value));
    }
    text(value, what, MAX_FIELD)
}

/// A whole number (for years and months).
///
/// # Errors
///
/// `input` for anything that is not a whole number of safe size.
pub fn int(value: &JsValue, what: &str) -> Result<i64, Error> {
    match value.as_f64() {
        Some(f) if f.fract() == 0.0 && f.abs() <= 9_007_199_254_740_991.0 => Ok(f as i64),
        _ => Err(wrong_type(what, "a whole number", value)),
    }
}

thread_local! {
    /// Key names made into JavaScript strings once, not on every call.
    static KEYS: RefCell<HashMap<&'static str, JsValue>> = RefCell::new(HashMap::new());
}

/// The JavaScript string of a key name, cached.
fn key_value(key: &'static str) -> JsValue {
    KEYS.with(|keys| match keys.try_borrow_mut() {
        Ok(mut keys) => keys
            .entry(key)
            .or_insert_with(|| JsValue::from_str(key))
            .clone(),
        Err(_) => JsValue::from_str(key),
    })
}

/// A plain object read field by field; unknown keys are refused with a "did you mean".
pub struct Fields<'a> {
    value: &'a JsValue,
}

impl<'a> Fields<'a> {
    /// Check that `value` is a plain object whose own keys are all in `keys`.
    ///
    /// # Errors
    ///
    /// `input` for a value that is not an object, an unknown key, or a proxy that throws.
    pub fn new(
        value: &'a JsValue,
        what: &str,
        keys: &[&'static str],
        example: &str,
    ) -> Result<Self, Error> {
        if !value.is_object() || Array::is_array(value) {
            return Err(wrong_type(
                what,
                &format!("an object such as {example}"),
                value,
            ));
        }
        let own = Reflect::own_keys(value).map_err(|e| thrown(what, &e))?;
        for key in own.iter() {
            // Compare as JavaScript values first: no text crosses for the usual keys.
            if !key.is_string() || keys.iter().any(|k| key_value(k) == key) {
                continue;
            }
            let key = text(&key, "key", MAX_FIELD).unwrap_or_else(|_| "…".to_owned());
            let shown: String = key.chars().take(64).collect();
            return Err(input(
                format!("unknown key `{shown}` in `{what}`"),
                zhidu::closest(&key, keys.iter().copied())
                    .map(|k| format!("did you mean `{k}`?"))
                    .or_else(|| Some(format!("the keys are `{}`", keys.join("`, `")))),
            ));
        }
        Ok(Fields { value })
    }

    /// The value of `key` (`undefined` when absent).
    ///
    /// # Errors
    ///
    /// `input` when a getter or proxy throws.
    pub fn get(&self, key: &'static str) -> Result<JsValue, Error> {
        Reflect::get(self.value, &key_value(key)).map_err(|e| thrown(key, &e))
    }
}

/// `{ class, acceptedAt, days }` of `due`, `explain` and `yellowFrom`.
#[derive(Debug)]
pub struct DueRequest {
    /// Class or service item id.
    pub class: String,
    /// The acceptance.
    pub start: Start,
    /// The per-case limit.
    pub days: Option<u32>,
}

const DUE_EXAMPLE: &str =
    r#"{ class: "promised", acceptedAt: "2026-09-30T10:00:00+08:00", days: 5 }"#;

impl DueRequest {
    /// Read a request object.
    ///
    /// # Errors
    ///
    /// `input` for a malformed request or an acceptance that is not a date or instant.
    pub fn read(value: &JsValue) -> Result<Self, Error> {
        let f = Fields::new(
            value,
            "request",
            &["class", "acceptedAt", "days"],
            DUE_EXAMPLE,
        )?;
        Ok(DueRequest {
            class: text(&f.get("class")?, "class", MAX_FIELD)?,
            start: instant_text(&f.get("acceptedAt")?, "acceptedAt")?.parse()?,
            days: opt_u32(&f.get("days")?, "days")?,
        })
    }
}

/// `{ class, acceptedAt: string[], days? }` of `dueMany`, read column-wise.
#[derive(Debug)]
pub struct DueManyRequest {
    /// Class or service item id.
    pub class: String,
    /// The number of rows.
    pub rows: usize,
    /// The `acceptedAt` column as JSON text in UTF-8 (one `JSON.stringify` for the whole
    /// column).
    pub accepted_json: Vec<u8>,
    /// The `days` column: empty, or one entry per row.
    pub days: Vec<Option<u32>>,
    /// Rows whose `days` cell is bad, by index.
    pub bad_days: Vec<(usize, Error)>,
}

const DUE_MANY_EXAMPLE: &str =
    r#"{ class: "promised", acceptedAt: ["2026-09-30T10:00:00+08:00"], days: Int32Array.of(5) }"#;

impl DueManyRequest {
    /// Read a column request.
    ///
    /// # Errors
    ///
    /// `input` for a malformed request or columns of different lengths, `input` over
    /// [`MAX_ROWS`] rows.
    pub fn read(value: &JsValue) -> Result<Self, Error> {
        let f = Fields::new(
            value,
            "request",
            &["class", "acceptedAt", "days"],
            DUE_MANY_EXAMPLE,
        )?;
        let class = text(&f.get("class")?, "class", MAX_FIELD)?;
        let column = f.get("acceptedAt")?;
        let Some(column) = column.dyn_ref::<Array>() else {
            return Err(wrong_type(
                "acceptedAt",
                "an array of strings or Dates",
                &column,
            ));
        };
        let rows = column.length() as usize;
        if rows > MAX_ROWS {
            return Err(input(
                format!("`acceptedAt` has {rows} rows, over the limit of {MAX_ROWS} per call"),
                Some("split the batch into several calls".to_owned()),
            ));
        }
        let json = js_sys::JSON::stringify(column).map_err(|e| thrown("acceptedAt", &e))?;
        let accepted_json = long_text(&json, "acceptedAt", MAX_COLUMN_TEXT)?;
        let (days, bad_days) = days_column(&f.get("days")?, rows)?;
        Ok(DueManyRequest {
            class,
            rows,
            accepted_json,
            days,
            bad_days,
        })
    }
}

/// The `days` column: absent, an `Int32Array`, `Uint32Array` or `Float64Array`, or an array
/// of numbers and `null`s; one entry per row. Bad cells are row errors, not call errors.
/// A day-count column and its bad cells by row index.
type DaysColumn = (Vec<Option<u32>>, Vec<(usize, Error)>);

fn days_column(value: &JsValue, rows: usize) -> Result<DaysColumn, Error> {
    let mut bad = Vec::new();
    let cell = |i: usize, f: f64, bad: &mut Vec<(usize, Error)>| match whole_u32(f, "days") {
        Ok(d) => Some(d),
        Err(e) => {
            bad.push((i, e));
            None
        }
    };
    let days: Vec<Option<u32>> = if value.is_undefined() || value.is_null() {
        return Ok((Vec::new(), bad));
    } else if let Some(a) = value.dyn_ref::<Int32Array>() {
        let v = a.to_vec();
        v.iter()
            .enumerate()
            .map(|(i, &d)| cell(i, f64::from(d), &mut bad))
            .collect()
    } else if let Some(a) = value.dyn_ref::<Uint32Array>() {
        a.to_vec().into_iter().map(Some).collect()
    } else if let Some(a) = value.dyn_ref::<Float64Array>() {
        let v = a.to_vec();
        v.iter()
            .enumerate()
            .map(|(i, &d)| cell(i, d, &mut bad))
            .collect()
    } else if let Some(a) = value.dyn_ref::<Array>() {
        let n = a.length();
        if n as usize != rows {
            return Err(length_error(rows, n as usize));
        }
        let mut out = Vec::with_capacity(rows);
        for i in 0..n {
            let v = Reflect::get_u32(a, i).map_err(|e| thrown("days", &e))?;
            match opt_u32(&v, "days") {
                Ok(d) => out.push(d),
                Err(e) => {
                    bad.push((i as usize, e));
                    out.push(None);
                }
            }
        }
        out
    } else {
        return Err(wrong_type(
            "days",
            "an Int32Array, Uint32Array, Float64Array or array of whole numbers",
            value,
        ));
    };
    if days.len() != rows {
        return Err(length_error(rows, days.len()));
    }
    Ok((days, bad))
}

fn length_error(rows: usize, days: usize) -> Error {
    input(
        format!("{rows} acceptances but {days} day counts"),
        Some("give one day count per acceptance, or none".to_owned()),
    )
}

/// One cell of the `acceptedAt` column as JSON: its text, or what it is instead.
#[derive(Debug)]
pub enum Cell<'a> {
    /// A string (borrowed when it has no escapes).
    Text(Cow<'a, str>),
    /// Not a string: a number, `null` (also `undefined` and `NaN`), an array or an object.
    Other(&'static str),
}

impl Cell<'_> {
    /// The acceptance in this cell.
    ///
    /// # Errors
    ///
    /// `input` for a cell that is not a string or not a date or instant.
    pub fn start(&self) -> Result<Start, Error> {
        match self {
            Cell::Text(t) => t.parse(),
            Cell::Other(kind) => Err(input(
                format!("`acceptedAt` must be a string or a Date, not {kind}"),
                None,
            )),
        }
    }
}

impl<'de> de::Deserialize<'de> for Cell<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Cell<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Cell<'de>, E> {
                Ok(Cell::Text(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Cell<'de>, E> {
                Ok(Cell::Text(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Cell<'de>, E> {
                Ok(Cell::Text(Cow::Owned(v)))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Cell<'de>, E> {
                Ok(Cell::Other("null"))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Cell<'de>, E> {
                Ok(Cell::Other("a boolean"))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Cell<'de>, E> {
                Ok(Cell::Other("a number"))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Cell<'de>, E> {
                Ok(Cell::Other("a number"))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Cell<'de>, E> {
                Ok(Cell::Other("a number"))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Cell<'de>, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Cell::Other("an array"))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Cell<'de>, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Cell::Other("an object"))
            }
        }
        d.deserialize_any(V)
    }
}

/// The cells of an `acceptedAt` column from its JSON text.
///
/// # Errors
///
/// `input` when the text is not a JSON array (it always is when it comes from
/// `JSON.stringify` of an array) or nests deeper than 128 levels.
pub fn cells(json: &[u8]) -> Result<Vec<Cell<'_>>, Error> {
    serde_json::from_slice(json)
        .map_err(|e| input(format!("`acceptedAt`: {}", json_message(&e)), None))
}

/// Policy files `{ "name.toml": text, … }`, read as `(name, text)` pairs.
///
/// # Errors
///
/// `input` for a value that is not an object of strings; `too_large` over the core's limits
/// (checked before the texts are copied).
pub fn sources(value: &JsValue) -> Result<Vec<(String, String)>, Error> {
    const EXAMPLE: &str = r#"{ "town.toml": "[policy]\nid = …" }"#;
    if !is_plain_object(value) {
        return Err(wrong_type(
            "files",
            &format!("an object of file names and texts such as {EXAMPLE}"),
            value,
        ));
    }
    let keys = Reflect::own_keys(value).map_err(|e| thrown("files", &e))?;
    if keys.length() as usize > zhidu::MAX_FILES {
        return Err(Error::TooLarge {
            what: "the policy set".to_owned(),
            size: u64::from(keys.length()),
            limit: zhidu::MAX_FILES as u64,
            unit: "files",
        });
    }
    let mut total = 0usize;
    let mut out = Vec::new();
    for key in keys.iter() {
        if !key.is_string() {
            continue;
        }
        let name = text(&key, "a file name", MAX_FIELD)?;
        let value = Reflect::get(value, &key).map_err(|e| thrown(&name, &e))?;
        let Some(js) = value.dyn_ref::<JsString>() else {
            return Err(wrong_type(
                &format!("files[\"{name}\"]"),
                "the file's text",
                &value,
            ));
        };
        // UTF-8 never has fewer bytes than UTF-16 units: a text over the limit in units is
        // over it in bytes, and is refused before it is copied.
        let units = js.length() as usize;
        total = total.saturating_add(units);
        if units > zhidu::MAX_FILE_BYTES || total > zhidu::MAX_SET_BYTES {
            let (what, size, limit) = if units > zhidu::MAX_FILE_BYTES {
                (format!("`{name}`"), units, zhidu::MAX_FILE_BYTES)
            } else {
                ("the policy set".to_owned(), total, zhidu::MAX_SET_BYTES)
            };
            return Err(Error::TooLarge {
                what,
                size: size as u64,
                limit: limit as u64,
                unit: "bytes",
            });
        }
        out.push((name, String::from(js)));
    }
    Ok(out)
}

/// Whether `value` is a plain object (`{…}` or `Object.create(null)`), not an array, a
/// `Date`, a class instance or a proxy that throws.
fn is_plain_object(value: &JsValue) -> bool {
    if !value.is_object() || Array::is_array(value) {
        return false;
    }
    let Ok(proto) = Reflect::get_prototype_of(value) else {
        return false;
    };
    let plain = Reflect::get_prototype_of(&Object::new().into());
    proto.is_null() || plain.is_ok_and(|p| JsValue::from(p) == JsValue::from(proto))
}

/// A case object, read as its JSON exactly like a line of a case log (`JSON.stringify`, so
/// `undefined` keys are absent and `NaN` is `null`).
///
/// # Errors
///
/// `input` for a value that is not an object, cannot be stringified (a cycle, a bigint, a
/// throwing getter) or is not a case.
pub fn case(value: &JsValue) -> Result<zhidu::Case, Error> {
    case_at(value, 1)
}

/// A case object that is row `number` (from 1) of a list, read as [`case`] reads one.
///
/// # Errors
///
/// As [`case`], with the row error placed at `number`.
pub fn case_at(value: &JsValue, number: usize) -> Result<zhidu::Case, Error> {
    if !value.is_object() || Array::is_array(value) {
        return Err(wrong_type(
            "case",
            r#"a case object such as { id: "C1", class: "promised", accepted_at: "2026-09-30T10:00:00+08:00", days: 5 }"#,
            value,
        ));
    }
    let json = js_sys::JSON::stringify(value).map_err(|e| thrown("case", &e))?;
    let text = text(&json.into(), "case", MAX_CASE_TEXT)?;
    let value: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| input(format!("case: {}", json_message(&e)), None))?;
    // Read by the core, as a case log's row is in every host.
    zhidu::rows::read_json(&value, number).map_err(Error::from)
}

/// A serde_json message without its " at line 1 column 40" (a place in JSON the caller
/// never saw): the core's.
pub use zhidu::rows::json_message;

/// A core result as a plain JavaScript object with the same field names as the CLI's JSON.
///
/// # Errors
///
/// `input` if the value cannot be written as JSON (it always can for the core's types).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Error> {
    let text = serde_json::to_string(value)
        .map_err(|e| input(format!("cannot convert the result: {e}"), None))?;
    js_sys::JSON::parse(&text).map_err(|e| thrown("the result", &e))
}

/// An output column of strings built row by row, each distinct value made into a JavaScript
/// string once: a million due dates of a few years are a thousand strings, not a million.
pub struct Column {
    out: Array,
    seen: HashMap<i64, JsValue, BuildHasherDefault<KeyHasher>>,
}

/// A multiplicative hash for the `i64` keys of [`Column`] (day numbers, Unix seconds): the
/// keys come from the core, not from an attacker, and SipHash was a tenth of `dueMany`.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_i64(&mut self, n: i64) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn finish(&self) -> u64 {
        // Fold the well-mixed high bits into the low ones the table indexes with.
        self.0 ^ (self.0 >> 32)
    }
}

impl Column {
    /// A column of `rows` empty slots.
    #[must_use]
    pub fn new(rows: usize) -> Self {
        Column {
            out: Array::new_with_length(u32::try_from(rows).unwrap_or(u32::MAX)),
            seen: HashMap::default(),
        }
    }

    /// Set row `i` to the text of the value with `key`, made by `text` the first time.
    pub fn set(&mut self, i: usize, key: i64, text: impl FnOnce() -> String) {
        let value = self
            .seen
            .entry(key)
            .or_insert_with(|| JsValue::from_str(&text()));
        self.out.set(index(i), value.clone());
    }

    /// Set row `i` to `null`.
    pub fn null(&mut self, i: usize) {
        self.out.set(index(i), JsValue::NULL);
    }

    /// The finished column.
    #[must_use]
    pub fn into_array(self) -> Array {
        self.out
    }
}

fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}
