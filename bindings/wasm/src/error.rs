//! All error translation: a core [`zhidu::Error`] becomes a JavaScript `Error` named
//! `ZhiduError` with the core's error shape as properties.
//!
//! `{ name: "ZhiduError", message, code, key, params, help, diagnostics }`, and for policy
//! files also `file`, `line`, `column` and `path` of the first error diagnostic, so that
//! `catch (e) { e.code }` and `e.line` work without digging; the fields of the error's kind
//! (`year` of a coverage error …) are properties too, as in Python. `key` is the catalogue id
//! of the message (`js.missing`) and `params` its values: stable, for a page that words the
//! message itself. Messages, help and diagnostics are in the language of `setLang`
//! ([`crate::lang`]); codes, keys and positions never change.
//!
//! The package's entry files register their `ZhiduError` class ([`set_error_class`]), so that
//! `e instanceof ZhiduError` holds; the bare glue (the calculators' page) throws an `Error`
//! named `ZhiduError` with the same properties.

use std::cell::RefCell;

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;
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

thread_local! {
    /// The package's `ZhiduError` class, once its entry file registered it.
    static ERROR_CLASS: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Called by the package's entry files with their `ZhiduError` class (a subclass of
/// `Error` whose constructor takes the message): every error is then made with it. Not
/// for users, so not in the declarations.
#[wasm_bindgen(js_name = __zhiduSetErrorClass, skip_typescript)]
pub fn set_error_class(class: Function) {
    ERROR_CLASS.with(|c| {
        if let Ok(mut c) = c.try_borrow_mut() {
            *c = Some(class);
        }
    });
}

/// A new error object with `message`: an instance of the registered class, else an `Error`.
fn new_error(message: &str) -> JsValue {
    let class = ERROR_CLASS.with(|c| c.try_borrow().ok().and_then(|c| c.clone()));
    let made = class.and_then(|class| {
        Reflect::construct(&class, &Array::of1(&JsValue::from_str(message)))
            .ok()
            .filter(JsValue::is_object)
    });
    made.unwrap_or_else(|| js_sys::Error::new(message).into())
}

/// `key` and `params` of an error: its catalogue id (`null` for a message with no entry)
/// and its placeholders' values as an object.
fn set_key(obj: &JsValue, e: &Error) {
    let key = e.key();
    set(obj, "key", &opt_str(key.as_ref().map(|k| k.id)));
    let params: JsValue = Object::new().into();
    for (name, value) in key.iter().flat_map(|k| k.params.iter()) {
        set(&params, name, &JsValue::from_str(value));
    }
    set(obj, "params", &params);
}

/// The fields of the error's kind (`calendar`, `year`, `first_year` and `last_year` of a
/// coverage error, `id` and `closest` of an unknown policy …) as properties, as Python sets
/// them; a file path is `filename`, as in Python, since `path` is a key path here.
fn set_fields(obj: &JsValue, e: &Error) {
    for (name, value) in e.fields() {
        let name = if name == "path" { "filename" } else { name };
        if let Ok(value) = to_js(&value) {
            set(obj, name, &value);
        }
    }
}

/// The `ZhiduError` for a core error.
#[must_use]
pub fn to_js_error(e: &Error) -> JsValue {
    let lang = crate::lang::current();
    let obj = new_error(&e.message_in(lang));
    set(&obj, "name", &JsValue::from_str("ZhiduError"));
    set(&obj, "code", &JsValue::from_str(e.code()));
    set_key(&obj, e);
    set(&obj, "help", &opt_str(e.help_in(lang).as_deref()));
    set_fields(&obj, e);
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

/// One failed row of a column batch: `{ index, code, key, params, message, help }`.
#[must_use]
pub fn row_error(index: usize, e: &Error) -> JsValue {
    let obj: JsValue = Object::new().into();
    set(&obj, "index", &JsValue::from(index as f64));
    set(&obj, "code", &JsValue::from_str(e.code()));
    set_key(&obj, e);
    let lang = crate::lang::current();
    set(&obj, "message", &JsValue::from_str(&e.message_in(lang)));
    set(&obj, "help", &opt_str(e.help_in(lang).as_deref()));
    set_fields(&obj, e);
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
/// shape writes them in English) in the language of `setLang`, and give each its `key` and
/// `params`; codes and rows are unchanged.
pub fn localize_row_errors(result: &JsValue, errors: &[zhidu::SkippedRow]) {
    let lang = crate::lang::current();
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
            set_key(&error, &e.error);
            if lang == zhidu::Lang::En {
                continue;
            }
            set(
                &error,
                "message",
                &JsValue::from_str(&e.error.message_in(lang)),
            );
            set(&error, "help", &opt_str(e.error.help_in(lang).as_deref()));
        }
    }
}
