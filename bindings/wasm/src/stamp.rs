//! The stamp on object results: every answer of a policy that is an object (`due`,
//! `explain`, `caseStatus`, `explainCase`, `caseStatuses`, `dueMany`, `assess`, `decide`,
//! `access`, `retention`, `rota`, `patrolFailures`, `obligations`, `triggers`, `subsidies`,
//! `flowFindings`) carries `stamp`, the policy's own (`Policy.stamp`), so a result saved
//! alone still names the rules it was computed under. The stamp is the core's; this only
//! attaches it.

use wasm_bindgen::JsValue;

/// Set `stamp` on the result object `out` to `policy`'s stamp.
pub(crate) fn attach(out: &JsValue, policy: &zhidu::Policy) -> Result<(), zhidu::Error> {
    let stamp = crate::convert::to_js(&policy.stamp())?;
    js_sys::Reflect::set(out, &JsValue::from_str("stamp"), &stamp)
        .map_err(|e| crate::convert::thrown("stamp", &e))?;
    Ok(())
}
