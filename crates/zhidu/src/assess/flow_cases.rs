//! The item flow's findings (S14.biz.1.2a) of the case log of an assessment, turned into
//! incidents beside the overdue cases: "charged like an overdue case" (issue #15 point 8),
//! once in the core so every host gets it.
//!
//! Only a policy with `[flow]` checks its cases; a case without `step` events has no flow log
//! and is not checked. A finding counts in the period its breach shows in, and only then
//! needs a handler to charge. A finding already given as an incident row (`zhidu flow
//! --format csv` fed to `--incidents`: the same case under the flow rule) is not charged
//! twice. A case row the overdue pass found bad (unreadable, an unknown class, late without a
//! handler) already has its error: it gets no second one and no flow charge.

use super::LineSource;
use super::Rows;
use super::overdue::{Generated, Window};
use crate::flow::check;
use crate::{Case, Policy};

pub(super) fn incidents(
    policy: &Policy,
    cases: Rows<'_, Case>,
    // Whether a readable incident row gives this rule for this case already.
    given: &dyn Fn(&str, &str) -> bool,
    period: &Window,
    generated: &mut Vec<Generated>,
) {
    let Some(model) = policy.flow.as_ref() else {
        return;
    };
    let offset = policy.calendar().offset();
    let bad_rows: std::collections::BTreeSet<usize> = generated
        .iter()
        .filter_map(|g| g.as_ref().err().map(|(r, _)| *r))
        .collect();
    for (j, case) in cases.iter().enumerate() {
        let row = j + 1;
        // A row that failed to parse, or that the overdue pass could not use (an unknown
        // class, a late case without a handler), has its error already: one error per bad
        // row, and a bad row is charged nothing.
        let Ok(case) = case else { continue };
        if bad_rows.contains(&row) {
            continue;
        }
        // Only a breach of the period is charged, so only it needs a handler to charge.
        match check::breach(model, case, offset) {
            Ok(Some(Some(b))) if b.at >= period.start && b.at < period.end => {}
            Ok(_) => continue,
            Err(e) => {
                generated.push(Err((row, e)));
                continue;
            }
        }
        match check::case(model, case, row, offset) {
            Ok(Some(Some(finding))) => {
                if given(&finding.rule, &finding.case) {
                    continue;
                }
                let source = LineSource::Case {
                    id: finding.case.clone(),
                    overdue_days: 0,
                };
                generated.push(Ok((finding.incident(), source, row)));
            }
            Ok(_) => {}
            Err(e) => generated.push(Err((row, e))),
        }
    }
}
