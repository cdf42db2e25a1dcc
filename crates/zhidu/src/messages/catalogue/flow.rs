//! The item flow (`crate::flow`, S14.biz.1.2a): loader diagnostics, findings, errors, the
//! `step` event's field.

use super::{Entry, e};

pub(crate) const ENTRIES: &[Entry] = &[
    e(
        "flow.step_twice",
        "step `{step}` is listed twice",
        "环节`{step}`重复列出",
    ),
    e(
        "flow.too_few_steps",
        "a flow needs at least two steps",
        "流程至少须有两个环节",
    ),
    // "no rule `…` in the policy's deduction table" is `rota.no_failure_rule`'s text: one
    // entry per English template.
    e(
        "flow.no_rule.help",
        "a finding is charged like an overdue case: add the `[[rule]]` it names",
        "违反流程按超期办件同样扣分：请添加其所指的`[[rule]]`",
    ),
    e(
        "flow.none",
        "policy `{policy}` has no item flow",
        "制度`{policy}`没有办理流程",
    ),
    e(
        "flow.none.help",
        "policies with `[flow]`: s14-window-scorecard",
        "有`[flow]`的制度：s14-window-scorecard",
    ),
    e(
        "flow.unknown_step",
        "case `{case}` logs step `{step}`, which is not a step of the flow",
        "办件`{case}`记录的环节`{step}`不是流程中的环节",
    ),
    e(
        "flow.unknown_step.help",
        "the steps, in order: {steps}",
        "流程环节依次为：{steps}",
    ),
    e(
        "flow.no_handler",
        "case `{case}` broke the flow but has no handler to charge",
        "办件`{case}`未按流程办理，但没有可扣分的经办人",
    ),
    e("flow.skipped", "skipped {steps}", "跳过{steps}"),
    e(
        "flow.skipped_and_out_of_order",
        "skipped {skipped}; out of order {reordered}",
        "跳过{skipped}；顺序颠倒：{reordered}",
    ),
    e(
        "flow.out_of_order",
        "out of order {steps}",
        "顺序颠倒：{steps}",
    ),
    e(
        "rows.doc.step",
        "the flow step done (required by `step`, S14.biz.1.2a)",
        "完成的流程环节（`step`必填，S14.biz.1.2a）",
    ),
];
