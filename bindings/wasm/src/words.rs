//! Instants written as a clerk reads them, for pages: `instantText`.
//!
//! The core writes the words ([`zhidu::instant_words`]); this reads the two strings and uses
//! the language of `setLang`.

use chrono::{DateTime, NaiveDate};
use wasm_bindgen::prelude::*;

use crate::convert::input;
use crate::error::js;

/// An instant as `2026-10-13（星期二）24:00` (`2026-10-13 (Tue) 24:00` in English), in the
/// language of `setLang`. `instant` is RFC 3339, as results give it; with `dueDate`
/// (`YYYY-MM-DD`, a due date), midnight after that day is written 24:00 of it, so
/// `instantText(due.due_at, due.due_date)` names the due day itself.
///
/// # Errors
///
/// A `ZhiduError` (`code: "input"`) for a string that is not an RFC 3339 instant or a date.
///
/// # Example
///
/// ```
/// let text = zhidu_wasm::words::instant_text("2026-10-14T00:00:00+08:00", Some("2026-10-13".to_owned()));
/// assert_eq!(text.ok().as_deref(), Some("2026-10-13 (Tue) 24:00"));
/// ```
#[wasm_bindgen(js_name = instantText)]
pub fn instant_text(
    instant: &str,
    #[wasm_bindgen(js_name = dueDate)] due_date: Option<String>,
) -> Result<String, JsValue> {
    js(|| {
        let at = DateTime::parse_from_rfc3339(instant.trim())
            .map_err(|_| input(format!("`{instant}` is not a date or an instant"), None))?;
        let end_of = due_date
            .map(|d| {
                NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
                    .map_err(|_| input(format!("`{d}` is not a date"), None))
            })
            .transpose()?;
        Ok(zhidu::instant_words(at, end_of, crate::lang::current()))
    })
}
