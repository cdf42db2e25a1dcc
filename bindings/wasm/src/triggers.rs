//! `policy.triggers({ facts })`: the 验厂 triggers each enterprise fires (S8.verify.1–7).

use wasm_bindgen::prelude::*;

use crate::Policy;
use crate::convert::to_js;
use crate::error::js;

const EXAMPLE: &str = r#"{ facts: [{ enterprise: "E1", as_of: "2026-09-01", new_contract: true, halt_start: "2026-03-01" }] }"#;

#[wasm_bindgen]
impl Policy {
    /// The 验厂 triggers of enterprise facts: `{ facts }` → per enterprise every trigger that
    /// fires with its clause, check and reason; bad rows in `errors` by their 1-based row.
    #[wasm_bindgen(unchecked_return_type = "Triggers")]
    pub fn triggers(
        &self,
        #[wasm_bindgen(unchecked_param_type = "TriggersRequest")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(|| {
            let rows = crate::scoring::request_rows(&request, "facts", "enterprise", EXAMPLE)?;
            let out = self
                .inner
                .triggers(&rows)?
                .into_lang(crate::lang::current());
            let value = to_js(&out)?;
            crate::error::localize_row_errors(&value, &out.errors);
            crate::stamp::attach(&value, &self.inner)?;
            Ok(value)
        })
    }
}
