//! The duty-window rota (S4): who is on duty each month, who convenes the joint inspection,
//! who stands in, and the patrol log checked against the daily patrols owed.
//!
//! The seed's roster annex (月值班窗口安排表) is empty (A25): the ordered window list is
//! configuration, in the policy's `[rota] windows` or given with each call. The rotation is
//! round-robin over that list, `per_month` windows a month (S4.est.1/2); the window at
//! `[rota.convener] position` of a month's duty list convenes (S4.annex). A day on which a
//! duty window logs fewer patrols than `[patrols] per_day` (S4.req.1) is a duty failure,
//! reported as an incident of the `failure_rule` (S4.req.4), which the window ranking of any
//! policy that imports that rule already understands.

mod compile;
mod duty;
pub(crate) mod model;
mod patrols;

#[cfg(feature = "schema")]
pub(crate) use compile::{RawConvener, RawDutyWindow, RawStandIn};
pub(crate) use compile::{RawPatrols, RawRota, compile_rota};
pub use duty::{DutyAssignment, Rota, RotaMonth, StandIn};
pub use model::DutyWindow;
pub use patrols::{DutyFailure, FailureIncident, PatrolCheck, WindowPatrols};

use crate::{Error, Policy};

impl Policy {
    /// The policy's duty rota, or an error naming the policy when it has none.
    pub(crate) fn rota_model(&self) -> Result<&model::RotaModel, Error> {
        self.rota.as_ref().ok_or_else(|| Error::Input {
            message: format!("policy `{}` has no duty rota", self.id),
            hint: Some(
                "the duty rota is S4's: use `s4-duty-rota`, or a policy with a `[rota]` section"
                    .to_owned(),
            ),
        })
    }

    /// The windows the rotation runs over: those given, else the policy's own list.
    pub(crate) fn rota_windows<'a>(
        &'a self,
        given: &'a [DutyWindow],
    ) -> Result<&'a [DutyWindow], Error> {
        let model = self.rota_model()?;
        let list = if given.is_empty() {
            &model.windows[..]
        } else {
            given
        };
        if list.is_empty() {
            return Err(Error::Input {
                message: "no duty windows: the policy lists none and none were given".to_owned(),
                hint: Some("give the ordered window list (rows `window,head`, `--windows F`); the seed's roster annex is empty (A25)".to_owned()),
            });
        }
        // A set, not a scan of the windows before each one: 10^5 windows would take
        // 5·10^9 comparisons (issue #18: 10^4 took 6 s in a debug build).
        let mut seen = std::collections::HashSet::with_capacity(list.len());
        for w in list {
            if !seen.insert(w.window.as_str()) {
                return Err(Error::Input {
                    message: format!("window `{}` is listed twice", w.window),
                    hint: Some("each window has one place in the rotation".to_owned()),
                });
            }
        }
        Ok(list)
    }
}
