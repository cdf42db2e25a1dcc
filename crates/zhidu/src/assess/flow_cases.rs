//! The item flow's findings (S14.biz.1.2a) of the case log of an assessment, turned into
//! incidents beside the overdue cases: "charged like an overdue case" (issue #15 point 8),
//! once in the core so every host gets it.
//!
//! Only a policy with `[flow]` checks its cases; a case without `step` events has no flow log
//! and is not checked. A finding counts in the period its breach shows in. A finding already
//! given as an incident row (`zhidu flow --format csv` fed to `--incidents`: the same case
//! under the flow rule) is not charged twice. A bad case row already has its error from the
//! overdue pass: it gets no second one.

use super::LineSource;
use super::Rows;
use super::overdue::{Generated, Window};
use crate::flow::check;
use crate::{Case, Policy};

pub(super) fn incidents(
    policy: &Policy,
    cases: Rows<'_, Case>,
    // Whether an incident row gives this rule for this case already.
    given: &dyn Fn(&str, &str) -> bool,
    period: &Window,
    generated: &mut Vec<Generated>,
) {
    let Some(model) = policy.flow.as_ref() else {
        return;
    };
    let offset = policy.calendar().offset();
    for (j, case) in cases.iter().enumerate() {
        let row = j + 1;
        // A row that failed to parse is reported by the overdue pass.
        let Ok(case) = case else { continue };
        match check::case(model, case, row, offset) {
            Ok(Some(Some(finding))) => {
                let given_already = given(&finding.rule, &finding.case);
                if given_already || finding.at < period.start || finding.at >= period.end {
                    continue;
                }
                let source = LineSource::Case {
                    id: finding.case.clone(),
                    overdue_days: 0,
                };
                generated.push(Ok((finding.incident(), source, row)));
            }
            Ok(_) => {}
            Err(e) => {
                let reported = generated
                    .iter()
                    .any(|g| matches!(g, Err((r, _)) if *r == row));
                if !reported {
                    generated.push(Err((row, e)));
                }
            }
        }
    }
}
