//! `policy.flowFindings({ cases })`: the cases whose `step` events skip or reorder the item
//! flow (S14.biz.1.2a).

use wasm_bindgen::prelude::*;

use crate::Policy;
use crate::convert::to_js;
use crate::error::js;

const EXAMPLE: &str = r#"{ cases: [{ id: "C1", class: "promised", accepted_at: "2026-10-09T09:00+08:00", handler: "张三", events: "step 2026-10-09T09:00 accept" }] }"#;

#[wasm_bindgen]
impl Policy {
    /// The flow findings of a case log: `{ cases }` → the cases that skip or reorder a step,
    /// each one piece of the flow rule; bad rows in `errors`.
    #[wasm_bindgen(js_name = flowFindings, unchecked_return_type = "FlowFindings")]
    pub fn flow_findings(
        &self,
        #[wasm_bindgen(unchecked_param_type = "FlowRequest")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(|| {
            let rows = crate::scoring::request_rows(&request, "cases", "case", EXAMPLE)?;
            let out = self
                .inner
                .flow_findings(&rows)?
                .into_lang(crate::lang::current());
            let value = to_js(&out)?;
            crate::error::localize_row_errors(&value, &out.errors);
            crate::stamp::attach(&value, &self.inner)?;
            Ok(value)
        })
    }
}
