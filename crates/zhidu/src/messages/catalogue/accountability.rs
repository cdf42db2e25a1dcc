//! Accountability (责任追究): tiers, flags, violations, and the reasons a decision goes to a
//! person.

use super::{Entry, e};

pub(crate) const ENTRIES: &[Entry] = &[
    // Loading accountability rules.
    e(
        "rules.tier_twice",
        "tier {level} is defined twice",
        "第{level}档重复定义",
    ),
    e(
        "rules.flag_twice",
        "flag `{id}` is defined twice",
        "情节标记`{id}`重复定义",
    ),
    e("rules.no_tier", "no tier {level}", "没有第{level}档"),
    e(
        "rules.tiers_defined",
        "tiers defined: {list}",
        "已定义的档次：{list}",
    ),
    e(
        "rules.flag_implies_itself",
        "a flag cannot imply itself",
        "情节标记不能蕴含其自身",
    ),
    e("rules.no_flag", "no flag `{id}`", "没有情节标记`{id}`"),
    e(
        "rules.violation_twice",
        "violation `{id}` is defined twice",
        "违规行为`{id}`重复定义",
    ),
    e(
        "rules.effect_with_tier",
        "a violation with `effect = true` has no `tier` and is not `manual`",
        "`effect = true`的违规行为不设`tier`（档次），也不是`manual`（人工认定）",
    ),
    e(
        "rules.effect_without_measures",
        "violation `{id}` is an effect with no `measures`",
        "违规行为`{id}`是处理结果，但没有`measures`（处理措施）",
    ),
    e(
        "rules.effect_without_measures.help",
        "list the effect the clause states in `measures`",
        "请在`measures`中列出条款规定的处理措施",
    ),
    e(
        "rules.manual_and_tier",
        "a violation is either `manual` or has a `tier`, not both",
        "违规行为要么是`manual`（人工认定），要么有`tier`（档次），不能两者兼有",
    ),
    e(
        "rules.no_tier_given",
        "violation `{id}` has no tier",
        "违规行为`{id}`没有档次",
    ),
    e(
        "rules.no_tier_given.help",
        "give `tier = N`, `manual = true` when a person decides, or `effect = true` with `measures`",
        "请写`tier = N`；由人认定的写`manual = true`；属于处理结果的写`effect = true`并列出`measures`",
    ),
    e(
        "rules.refines_itself",
        "a violation cannot refine itself",
        "违规行为不能细化其自身",
    ),
    e(
        "rules.no_violation",
        "no violation `{id}`",
        "没有违规行为`{id}`",
    ),
    e(
        "rules.when_flags_needs_refines",
        "`when_flags` needs `refines`",
        "`when_flags`需要`refines`",
    ),
    e(
        "rules.when_flags_needs_refines.help",
        "name the base violation this exception refines",
        "请写明此例外所细化的基本违规行为",
    ),
    e(
        "rules.refinement_conflict",
        "`{a}` and `{b}` both refine `{base}` on the same flags with different outcomes",
        "`{a}`和`{b}`在相同情节标记下都细化`{base}`，但处理结果不同",
    ),
    e(
        "rules.refinement_conflict.help",
        "give one of them a higher `priority`, or different `when_flags`",
        "请为其中之一设置更高的`priority`（优先级），或设置不同的`when_flags`",
    ),
    e(
        "rules.two_groups",
        "violation `{id}` is in two same-conduct groups",
        "违规行为`{id}`属于两个同一行为组",
    ),
    e(
        "rules.two_groups.help",
        "merge the groups: one conduct is one group",
        "请合并这两组：同一行为只属于一个组",
    ),
    e(
        "rules.complaint_flag",
        "the complaint escalation needs a flag marking verified complaints",
        "投诉升级需要一个标记“投诉属实”的情节标记",
    ),
    e(
        "rules.complaint_flag.help",
        "define `[[flag]] id = \"complaint\"` or set `complaint_flag`",
        "请定义`[[flag]] id = \"complaint\"`，或设置`complaint_flag`",
    ),
    // Deciding violations.
    e(
        "decide.no_rules",
        "policy `{policy}` has no accountability rules",
        "制度`{policy}`没有责任追究规则",
    ),
    e(
        "decide.no_rules.help",
        "policies with `[[violation]]`: s2-service-center, s7-joint-processing, s10-service-system, s15-township-center",
        "有`[[violation]]`的制度：s2-service-center、s7-joint-processing、s10-service-system、s15-township-center",
    ),
    e(
        "decide.no_violation",
        "policy `{policy}` has no violation `{id}`",
        "制度`{policy}`中没有违规行为`{id}`",
    ),
    e(
        "decide.internal_index",
        "internal index out of range",
        "内部索引越界",
    ),
    e(
        "decide.escalation_clause",
        "`{id}` is an escalation clause, applied by the engine",
        "`{id}`是升级条款，由引擎自动适用",
    ),
    e(
        "decide.escalation_clause.help",
        "record the underlying violation; repeats and complaints escalate by themselves",
        "请登记原始违规行为；再犯和投诉会自动升级",
    ),
    e(
        "decide.no_flag",
        "policy `{policy}` has no flag `{id}`",
        "制度`{policy}`中没有情节标记`{id}`",
    ),
    e(
        "decide.known_flags",
        "known flags: {list}",
        "已有的情节标记：{list}",
    ),
    e(
        "decide.by_person",
        "`{code}` is decided by a person",
        "`{code}`由人工认定",
    ),
    e(
        "decide.repeat",
        "repeat of {prior} (row {row}, {date}) within {months} months: {reason}",
        "{months}个月内再犯{prior}（第{row}行，{date}）：{reason}",
    ),
    e(
        "decide.complaints",
        "{count} verified complaints within {months} months: a candidate for {code} (never automatic)",
        "{months}个月内经核实的投诉{count}次：可考虑适用{code}（不自动适用）",
    ),
    e(
        "decide.flag_review",
        "flag `{id}` ({name}) needs a person's judgement",
        "情节标记`{id}`（{name}）须由人判断",
    ),
    e(
        "decide.conflict",
        "`{a}` and `{b}` both apply with no priority between them and different outcomes",
        "`{a}`和`{b}`同时适用，二者没有优先次序且处理结果不同",
    ),
    // 照价赔偿 (S3.equip.3a, S3.mfr.7, S3.rec.3, S9.equip.2): the record's original price.
    e(
        "decide.amount_negative",
        "`amount` {amount} is below 0",
        "`amount` {amount}小于0",
    ),
    e(
        "decide.amount_negative.help",
        "give the item's original price in yuan",
        "请填写物品原价（元）",
    ),
    e(
        "decide.no_price",
        "`{code}`: 照价赔偿 needs the item's original price, which is not recorded",
        "`{code}`：照价赔偿须有物品原价，但记录中没有",
    ),
    e(
        "decide.amount_without_compensation",
        "`{code}` carries no 照价赔偿, so the record takes no `amount`",
        "`{code}`没有照价赔偿，记录不应填写`amount`",
    ),
    e(
        "decide.amount_without_compensation.help",
        "`amount` is the original price of an item for a clause of 照价赔偿",
        "`amount`是照价赔偿条款所指物品的原价",
    ),
    e(
        "rows.doc.amount",
        "the original price of the item, for a clause of 照价赔偿",
        "物品原价，用于照价赔偿条款",
    ),
];
