//! `Policy.access` and `Policy.retention` (issue #15 points 4 and 6): the request object read
//! with the core's row schemas (`zhidu::rows::REQUEST`, `RECORD`), the answer the core's
//! serde shape, bad rows in `errors` by their 1-based row, never thrown.

use wasm_bindgen::prelude::*;
use zhidu::Start;

use crate::Policy;
use crate::convert::{Fields, instant_text, to_js};
use crate::error::{self, js};
use crate::scoring::{access_request_rows, record_rows};

const ACCESS_EXAMPLE: &str =
    r#"{ requests: [{ subject: "赵六", role: "staff", action: "borrow", level: "秘密" }] }"#;

const RETENTION_EXAMPLE: &str = r#"{ records: [{ id: "P-1", kind: "purchase_record", date: "2024-02-29" }], asOf: "2027-01-01" }"#;

#[wasm_bindgen]
impl Policy {
    /// Answer access requests: `{ requests }` → allow, deny or allow with the approval
    /// needed and who gives it, with clauses and defaults; bad rows in `errors`.
    #[wasm_bindgen(unchecked_return_type = "AccessDecisions")]
    pub fn access(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AccessRequestBatch")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(|| {
            let f = Fields::new(&request, "request", &["requests"], ACCESS_EXAMPLE)?;
            let rows = access_request_rows(&f.get("requests")?)?;
            let answer = self.inner.access(&rows)?;
            let out = to_js(&answer)?;
            error::localize_row_errors(&out, &answer.errors);
            crate::stamp::attach(&out, &self.inner)?;
            Ok(out)
        })
    }

    /// Keep-until days of records: `{ records, asOf }` → each record's keep-until day (or
    /// the event it waits for) and status on `asOf`; bad rows in `errors`.
    #[wasm_bindgen(unchecked_return_type = "Retention")]
    pub fn retention(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RetentionRequest")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(|| {
            let f = Fields::new(&request, "request", &["records", "asOf"], RETENTION_EXAMPLE)?;
            let as_of = instant_text(&f.get("asOf")?, "asOf")?;
            let day = Start::parse_instant(&as_of, self.inner.calendar().offset())?.date_naive();
            let rows = record_rows(&f.get("records")?)?;
            let answer = self.inner.retention(&rows, day)?;
            let out = to_js(&answer)?;
            error::localize_row_errors(&out, &answer.errors);
            crate::stamp::attach(&out, &self.inner)?;
            Ok(out)
        })
    }
}
