//! `policy.subsidies({ trainees })`: training subsidies per trainee and employer
//! (S8.train.1a/1b); money as strings.

use wasm_bindgen::prelude::*;

use crate::Policy;
use crate::convert::to_js;
use crate::error::js;

const EXAMPLE: &str =
    r#"{ trainees: [{ person: "王五", employer: "E1", start: "2027-01-15", end: "2027-04-14" }] }"#;

#[wasm_bindgen]
impl Policy {
    /// The training subsidies of trainees: `{ trainees }` → full calendar months priced
    /// (money as strings), partial months listed for a person; bad rows in `errors`.
    #[wasm_bindgen(unchecked_return_type = "Subsidies")]
    pub fn subsidies(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SubsidiesRequest")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(|| {
            let rows = crate::scoring::request_rows(&request, "trainees", "trainee", EXAMPLE)?;
            let out = self.inner.subsidies(&rows)?;
            let value = to_js(&out)?;
            crate::error::localize_row_errors(&value, &out.errors);
            crate::stamp::attach(&value, &self.inner)?;
            Ok(value)
        })
    }
}
