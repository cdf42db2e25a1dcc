//! The language of messages: `setLang("zh")` / `getLang()`.
//!
//! One setting for the module (a page has one user): errors thrown (`message`, `help`,
//! `diagnostics`), row errors and explanations (counting rules, day notes, warnings) are
//! written in it when they are made. Codes, files, lines and columns never change. English is
//! the default, as in the Rust core; the calculators switch to Chinese on loading.

use core::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::prelude::*;
use zhidu::Lang;

use crate::error::js;

/// Whether messages are in Chinese (the module runs on one thread; an atomic keeps it safe
/// without `unsafe` or a lock).
static CHINESE: AtomicBool = AtomicBool::new(false);

/// The language messages are written in now.
#[must_use]
pub fn current() -> Lang {
    if CHINESE.load(Ordering::Relaxed) {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// Write messages in `lang` from now on: `"zh"` (简体中文), `"en"`, or a locale name such as
/// `"zh-CN"` or `navigator.language`'s value. Throws a `ZhiduError` (`code: "input"`) for any
/// other name.
///
/// # Errors
///
/// A `ZhiduError` for a name that is not a language zhidu writes.
#[wasm_bindgen(js_name = setLang)]
pub fn set_lang(
    #[wasm_bindgen(unchecked_param_type = "Lang | string")] lang: JsValue,
) -> Result<(), JsValue> {
    js(|| {
        let lang: Lang = crate::convert::text(&lang, "lang", crate::convert::MAX_FIELD)?.parse()?;
        CHINESE.store(lang == Lang::Zh, Ordering::Relaxed);
        Ok(())
    })
}

/// The language messages are written in now: `"zh"` or `"en"`.
#[wasm_bindgen(js_name = getLang, unchecked_return_type = "Lang")]
#[must_use]
pub fn get_lang() -> String {
    current().code().to_owned()
}
