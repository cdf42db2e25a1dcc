//! `rota`, `patrolFailures` and `obligations` on a `Policy`: S4's duty rota and patrols and
//! the recurring obligations, read from plain objects and answered with the core's shapes.

use wasm_bindgen::prelude::*;
use zhidu::rows::{Action, Away, Patrol};
use zhidu::{DutyWindow, Error};

use crate::convert::{Fields, input, to_js};
use crate::error::js;
use crate::scoring::schedule_rows;
use crate::{Policy, error};

const ROTA_EXAMPLE: &str = r#"{ year: 2027, windows: [{ window: "W01", head: "张三" }] }"#;
const PATROLS_EXAMPLE: &str =
    r#"{ period: "2027-01", log: [{ window: "W01", at: "2027-01-04T09:00" }] }"#;
const OBLIGATIONS_EXAMPLE: &str =
    r#"{ period: "2027", log: [{ obligation: "rodents-cockroaches", at: "2027-01-15" }] }"#;

fn absent(v: &JsValue) -> bool {
    v.is_undefined() || v.is_null()
}

/// The ordered window list: every row must read, since a missing window shifts the rotation.
fn windows(v: &JsValue) -> Result<Vec<DutyWindow>, Error> {
    if absent(v) {
        return Ok(Vec::new());
    }
    schedule_rows::<DutyWindow>(v, "windows", "duty_window")?
        .into_iter()
        .collect()
}

fn period(v: &JsValue) -> Result<zhidu::Period, Error> {
    let text = v.as_string().ok_or_else(|| {
        input(
            "`period` must be a string such as `2027-01`".to_owned(),
            None,
        )
    })?;
    text.parse()
}

#[wasm_bindgen]
impl Policy {
    /// S4's duty rota for a year: `{ year, windows?, away? }` → the months with their duty
    /// windows, officers, convener and stand-ins; bad absence rows in `errors`.
    #[wasm_bindgen(unchecked_return_type = "Rota")]
    pub fn rota(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RotaRequest")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(|| {
            let f = Fields::new(
                &request,
                "request",
                &["year", "windows", "away"],
                ROTA_EXAMPLE,
            )?;
            let year = f
                .get("year")?
                .as_f64()
                .filter(|y| y.fract() == 0.0 && y.abs() < 1e6)
                .ok_or_else(|| {
                    input(
                        "`year` must be a whole number such as 2027".to_owned(),
                        None,
                    )
                })?;
            let list = windows(&f.get("windows")?)?;
            let away_value = f.get("away")?;
            let away: Vec<Result<Away, Error>> = if absent(&away_value) {
                Vec::new()
            } else {
                schedule_rows(&away_value, "away", "away")?
            };
            let rota = self.inner.rota(year as i32, &list, &away)?;
            let out = to_js(&rota)?;
            error::localize_row_errors(&out, &rota.errors);
            crate::stamp::attach(&out, &self.inner)?;
            Ok(out)
        })
    }

    /// A patrol log against the patrols each duty window owes a day (S4.req.1):
    /// `{ period, log, windows? }` → each day short, with the S4.req.4 incident row that
    /// `assess` takes.
    #[wasm_bindgen(js_name = patrolFailures, unchecked_return_type = "PatrolCheck")]
    pub fn patrol_failures(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PatrolRequest")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(|| {
            let f = Fields::new(
                &request,
                "request",
                &["period", "log", "windows"],
                PATROLS_EXAMPLE,
            )?;
            let period = period(&f.get("period")?)?;
            let list = windows(&f.get("windows")?)?;
            let log: Vec<Result<Patrol, Error>> = schedule_rows(&f.get("log")?, "log", "patrol")?;
            let check = self.inner.patrol_failures(period, &list, &log)?;
            let out = to_js(&check)?;
            error::localize_row_errors(&out, &check.errors);
            crate::stamp::attach(&out, &self.inner)?;
            Ok(out)
        })
    }

    /// The recurring obligations due in a period: `{ period, log? }` → each occurrence due,
    /// or met, late or missed against the log; obligations with no period with their reason.
    #[wasm_bindgen(unchecked_return_type = "Obligations")]
    pub fn obligations(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ObligationsRequest")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(|| {
            let f = Fields::new(&request, "request", &["period", "log"], OBLIGATIONS_EXAMPLE)?;
            let period = period(&f.get("period")?)?;
            let log_value = f.get("log")?;
            let log: Option<Vec<Result<Action, Error>>> = if absent(&log_value) {
                None
            } else {
                Some(schedule_rows(&log_value, "log", "action")?)
            };
            let answer = self.inner.obligations(period, log.as_deref())?;
            let out = to_js(&answer)?;
            error::localize_row_errors(&out, &answer.errors);
            crate::stamp::attach(&out, &self.inner)?;
            Ok(out)
        })
    }
}
