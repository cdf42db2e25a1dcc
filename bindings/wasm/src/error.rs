//! All error translation: a core [`zhidu::Error`] becomes a JavaScript `Error` named
//! `ZhiduError` with the core's error shape as properties.
//!
//! `{ name: "ZhiduError", message, code, help, diagnostics }`, and for policy files also
//! `file`, `line`, `column` and `path` of the first error diagnostic, so that
//! `catch (e) { e.code }` and `e.line` work without digging. Messages, help and diagnostics
//! are in the language of `setLang` ([`crate::lang`]); codes and positions never change.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use zhidu::{Error, Severity};

use crate::convert::to_js;

/// Run `f` and turn its error into a thrown `ZhiduError`.
///
/// # Errors
///
/// The `ZhiduError` object for any error of `f`.
pub fn js<T>(f: impl FnOnce() -> Result<T, Error>) -> Result<T, JsValue> {
    f().map_err(|e| to_js_error(&e))
}

fn set(target: &JsValue, key: &str, value: &JsValue) {
    // Setting a property on a fresh, ordinary object cannot throw.
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

fn opt_str(s: Option<&str>) -> JsValue {
    s.map_or(JsValue::NULL, JsValue::from_str)
}

/// The `ZhiduError` for a core error.
#[must_use]
pub fn to_js_error(e: &Error) -> JsValue {
    let lang = crate::lang::current();
    let err = js_sys::Error::new(&e.message_in(lang));
    err.set_name("ZhiduError");
    let obj: JsValue = err.into();
    set(&obj, "code", &JsValue::from_str(e.code()));
    set(&obj, "help", &opt_str(e.help_in(lang).as_deref()));
    let diagnostics =
        to_js(&e.diagnostics_in(lang)).unwrap_or_else(|_| js_sys::Array::new().into());
    set(&obj, "diagnostics", &diagnostics);
    set_row(&obj, e);
    if let Some(d) = e
        .diagnostics()
        .iter()
        .find(|d| d.severity == Severity::Error)
    {
        set(&obj, "file", &JsValue::from_str(&d.file));
        set(&obj, "line", &JsValue::from(d.line));
        set(&obj, "column", &JsValue::from(d.column));
        set(&obj, "path", &JsValue::from_str(&d.path));
    }
    obj
}

/// One failed row of a column batch: `{ index, code, message, help }`.
#[must_use]
pub fn row_error(index: usize, e: &Error) -> JsValue {
    let obj: JsValue = Object::new().into();
    set(&obj, "index", &JsValue::from(index as f64));
    set(&obj, "code", &JsValue::from_str(e.code()));
    let lang = crate::lang::current();
    set(&obj, "message", &JsValue::from_str(&e.message_in(lang)));
    set(&obj, "help", &opt_str(e.help_in(lang).as_deref()));
    set_row(&obj, e);
    obj
}

/// A row that could not be read also carries its row error (`{ kind, row, line, field,
/// code, message, hint }`), the same in every host.
fn set_row(obj: &JsValue, e: &Error) {
    if let Some(row) = e.row().and_then(|r| to_js(r).ok()) {
        set(obj, "row", &row);
    }
}

/// Put the messages of a result's row errors (`result.errors[i].error`, as the core's serde
/// shape writes them in English) in the language of `setLang`; codes and rows are unchanged.
pub fn localize_row_errors(result: &JsValue, errors: &[zhidu::SkippedRow]) {
    let lang = crate::lang::current();
    if lang == zhidu::Lang::En {
        return;
    }
    let Ok(list) = Reflect::get(result, &JsValue::from_str("errors")) else {
        return;
    };
    for (i, e) in errors.iter().enumerate() {
        let Ok(row) = Reflect::get(&list, &JsValue::from(i as f64)) else {
            continue;
        };
        let Ok(error) = Reflect::get(&row, &JsValue::from_str("error")) else {
            continue;
        };
        if error.is_object() {
            set(
                &error,
                "message",
                &JsValue::from_str(&e.error.message_in(lang)),
            );
            set(&error, "help", &opt_str(e.error.help_in(lang).as_deref()));
        }
    }
}
