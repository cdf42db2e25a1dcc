//! Deduction tables and scorecards (考核扣分): rules, categories, effects, incidents.

use super::{Entry, e};

pub(crate) const ENTRIES: &[Entry] = &[
    // Loading a deduction table.
    e(
        "table.needs_assessment",
        "deduction-table entries need an `[assessment]` table",
        "扣分表各项需要`[assessment]`表",
    ),
    e(
        "table.needs_assessment.help",
        "add `[assessment]` with `period = \"month\"`",
        "请加上`[assessment]`，并写明`period = \"month\"`",
    ),
    e(
        "table.effect_twice",
        "effect `{id}` is defined twice",
        "处理结果`{id}`重复定义",
    ),
    e("table.no_effect", "no effect `{id}`", "没有处理结果`{id}`"),
    e(
        "table.no_effect.help",
        "define it in an `[[effect]]` table",
        "请在`[[effect]]`表中定义",
    ),
    e(
        "table.category_twice",
        "category `{id}` is defined twice",
        "考核类别`{id}`重复定义",
    ),
    e(
        "table.floor_above_max",
        "floor {floor} is above the maximum {maximum}",
        "最低分{floor}高于满分{maximum}",
    ),
    e(
        "table.rule_twice",
        "rule `{id}` is defined twice",
        "规则`{id}`重复定义",
    ),
    e(
        "table.no_category",
        "no category `{id}`",
        "没有考核类别`{id}`",
    ),
    e(
        "table.deduction_without_category",
        "deduction rule `{id}` has no category",
        "扣分规则`{id}`没有考核类别",
    ),
    e(
        "table.deduction_without_category.help",
        "name the category its points are taken from",
        "请写明从哪个考核类别扣分",
    ),
    e(
        "table.versions_and_values",
        "rule `{id}` has `versions` and top-level values",
        "规则`{id}`既有`versions`（版本）又有顶层取值",
    ),
    e(
        "table.versions_and_values.help",
        "with `versions`, put points, range, choices and fine in each version",
        "使用`versions`时，请把分值、幅度、可选分值和罚款写在各版本中",
    ),
    e(
        "table.version_backwards",
        "version ends before it starts ({from})",
        "版本的终止早于开始（{from}）",
    ),
    e(
        "table.versions_overlap",
        "versions of rule `{id}` overlap at {date}",
        "规则`{id}`的各版本在{date}重叠",
    ),
    e(
        "table.versions_overlap.help",
        "end each version (`until`) before the next one starts",
        "请让每个版本在下一版本开始前终止（`until`）",
    ),
    e(
        "table.joint_needs_overdue",
        "`joint` only matters for rules with `overdue`",
        "`joint`只对带`overdue`（超期）的规则起作用",
    ),
    e(
        "table.overdue_without_prices",
        "overdue rule `{id}` does not say which limits it prices",
        "超期规则`{id}`没有写明适用于哪些时限",
    ),
    e(
        "table.overdue_without_prices.help",
        "list the deadline classes as `prices = [\"policy:class\", …]`",
        "请以`prices = [\"policy:class\", …]`列出办结时限类别",
    ),
    e(
        "table.prices_needs_overdue",
        "`prices` only matters for rules with `overdue`",
        "`prices`只对带`overdue`（超期）的规则起作用",
    ),
    e(
        "table.rule_here_and_imported",
        "rule `{code}` is defined here and imported from `{policy}`",
        "规则`{code}`既在此处定义，又从`{policy}`导入",
    ),
    e(
        "table.rule_here_and_imported.help",
        "remove this copy: the policy uses `{code}` as `{policy}` defines it, through its import at `{path}`",
        "请删去此处的副本：本制度通过`{path}`处的导入，按`{policy}`的定义使用`{code}`",
    ),
    e(
        "table.imported_category_missing",
        "imported rule `{code}` counts its points in category `{category}`, which this policy does not have",
        "导入的规则`{code}`在考核类别`{category}`中计分，但本制度没有该类别",
    ),
    e(
        "table.imported_category_missing.help",
        "add a `[[category]]` `{category}`, or do not import the rule",
        "请加上`[[category]]` `{category}`，或不导入该规则",
    ),
    e(
        "table.effect_here_and_imported",
        "effect `{id}` is defined here and comes with rule `{rule}` imported from `{policy}`",
        "处理结果`{id}`既在此处定义，又随从`{policy}`导入的规则`{rule}`一并带入",
    ),
    e(
        "table.effect_here_and_imported.help",
        "remove this copy: an imported rule brings the effects it carries",
        "请删去此处的副本：导入的规则会带入它所附的处理结果",
    ),
    e(
        "table.effect_id_clash",
        "effect `{id}` of rule `{rule}` from `{policy}` has the id of an effect imported from another policy",
        "来自`{policy}`的规则`{rule}`的处理结果`{id}`，与从另一制度导入的处理结果编号相同",
    ),
    e(
        "table.effect_only_points",
        "an `effect_only` rule has no points",
        "`effect_only`（只产生处理结果）的规则没有分值",
    ),
    e(
        "table.effect_only_points.help",
        "use `kind = \"deduction\"` or `\"bonus\"` for a rule with points",
        "有分值的规则请用`kind = \"deduction\"`（扣分）或`\"bonus\"`（加分）",
    ),
    e(
        "table.empty_range",
        "range [{lo}, {hi}] is empty",
        "幅度[{lo}, {hi}]为空",
    ),
    e(
        "table.empty_range.help",
        "write the smaller magnitude first",
        "请先写较小的分值",
    ),
    e(
        "table.empty_choices",
        "`choices` is empty",
        "`choices`（可选分值）为空",
    ),
    e(
        "table.no_points",
        "the rule has no points",
        "该规则没有分值",
    ),
    e(
        "table.no_points.help",
        "give `points = N`, `range = [lo, hi]` or `choices = [...]`",
        "请写`points = N`、`range = [lo, hi]`或`choices = [...]`",
    ),
    e(
        "table.one_of_points",
        "give only one of `points`, `range` and `choices`",
        "`points`、`range`和`choices`只能写一个",
    ),
    e(
        "table.amount_negative",
        "{key} `{value}` is negative",
        "{key}`{value}`为负数",
    ),
    e(
        "table.amount_over_limit",
        "{key} `{value}` is over the limit of {limit} yuan",
        "{key}`{value}`超过上限{limit}元",
    ),
    e(
        "table.amount_per_unit.help",
        "a {key} is yuan per unit of the rule",
        "{key}按规则的每个计量单位以元计",
    ),
    e(
        "table.amount_below_fen",
        "{key} `{value}` is finer than a fen",
        "{key}`{value}`精确到分以下",
    ),
    e(
        "table.amount_below_fen.help",
        "yuan have at most two decimal places",
        "金额以元计，最多两位小数",
    ),
    e(
        "table.not_an_amount",
        "{key} `{value}` is not an amount of yuan",
        "{key}`{value}`不是以元计的金额",
    ),
    e(
        "table.not_an_amount.help",
        "write it as a string such as `\"150\"` or `\"12.50\"`",
        "请写成字符串，例如`\"150\"`或`\"12.50\"`",
    ),
    e(
        "table.bad_class_ref",
        "`{entry}` is not a deadline class reference",
        "`{entry}`不是办结时限类别的引用",
    ),
    e(
        "table.bad_class_ref.help",
        "write `policy:class`, e.g. `s2-service-center:promised`",
        "请写`制度:类别`，例如`s2-service-center:promised`",
    ),
    // Scoring incidents.
    e(
        "assess.no_table",
        "policy `{policy}` has no deduction table",
        "制度`{policy}`没有扣分表",
    ),
    e(
        "assess.no_table.help",
        "policies with `[assessment]` and `[[rule]]`: s2-service-center, s14-window-scorecard",
        "有`[assessment]`和`[[rule]]`的制度：s2-service-center、s14-window-scorecard",
    ),
    e(
        "assess.no_rule",
        "policy `{policy}` has no rule `{rule}`",
        "制度`{policy}`中没有规则`{rule}`",
    ),
    e(
        "assess.no_basis_wanted",
        "rule `{rule}` takes no `basis` (`{basis}`)",
        "规则`{rule}`不接受`basis`（`{basis}`）",
    ),
    e(
        "assess.no_basis_wanted.help",
        "`basis` names the rule whose amount applies, for S2.kq.5 only",
        "`basis`指明按哪条规则的金额处理，仅用于S2.kq.5",
    ),
    e(
        "assess.needs_basis",
        "rule `{rule}` needs a `basis`: the `{prefix}` deduction whose amount applies",
        "规则`{rule}`须填写`basis`：按哪一条`{prefix}`扣分规则的金额处理",
    ),
    e(
        "assess.needs_basis.help",
        "give `basis`, e.g. `{prefix}lian.1` (A30)",
        "请填写`basis`，例如`{prefix}lian.1`（A30）",
    ),
    e(
        "assess.bad_basis",
        "basis `{basis}` of rule `{rule}` is not a `{prefix}` deduction",
        "规则`{rule}`的`basis` `{basis}`不是`{prefix}`扣分规则",
    ),
    e(
        "assess.bad_basis.help",
        "name a deduction rule whose code starts with `{prefix}` (A30)",
        "请写编号以`{prefix}`开头的扣分规则（A30）",
    ),
    e(
        "assess.no_version",
        "rule `{rule}` has no version in force on {date}",
        "规则`{rule}`在{date}没有施行中的版本",
    ),
    e(
        "assess.no_version.help",
        "check the rule's `versions`",
        "请核对该规则的`versions`（版本）",
    ),
    e(
        "assess.bad_quantity",
        "quantity `{quantity}` of rule `{rule}` is not a count of units",
        "规则`{rule}`的数量`{quantity}`不是计量单位的个数",
    ),
    e(
        "assess.bad_quantity.help",
        "quantity counts units: a whole number from 1 to {max}",
        "数量按计量单位计：1至{max}之间的整数",
    ),
    e(
        "assess.bad_points",
        "points `{points}` of rule `{rule}` are not a magnitude",
        "规则`{rule}`的分值`{points}`不是分值大小",
    ),
    e(
        "assess.bad_points.help",
        "give the magnitude as the regulation writes it, without sign: `15` for 扣10—20分",
        "请按规章原文写分值大小，不带正负号：扣10—20分的写`15`",
    ),
    e(
        "assess.needs_points",
        "rule `{rule}` needs `points`: {what}",
        "规则`{rule}`须填写`points`（分值）：{what}",
    ),
    e(
        "assess.the_level",
        "the level, one of {choices}",
        "档次，取以下之一：{choices}",
    ),
    e(
        "assess.by_hand",
        "a value entered by hand ({range})",
        "人工填写的分值（{range}）",
    ),
    e(
        "assess.needs_points.help",
        "the value is a fact or a person's decision, never a default (A6, A7)",
        "分值是事实或人的决定，不设默认值（A6、A7）",
    ),
    e(
        "assess.points_without_reason",
        "points `{points}` of rule `{rule}` are chosen within {lo}–{hi}; the row gives no reason",
        "规则`{rule}`的分值`{points}`是在{lo}—{hi}之间酌定的，但该行没有写明理由",
    ),
    e(
        "assess.points_without_reason.help",
        "give the reason in `note`, or leave `points` empty for the smallest magnitude (A6)",
        "请在`note`中写明理由，或将`points`留空以按最低分值扣分（A6）",
    ),
    e(
        "assess.points_not_allowed_value",
        "points `{points}` are outside the allowed values {allowed} of rule `{rule}`",
        "分值`{points}`不在规则`{rule}`允许的取值{allowed}之内",
    ),
    e(
        "assess.points_not_allowed_value.help",
        "give the magnitude as the regulation writes it, without sign",
        "请按规章原文写分值大小，不带正负号",
    ),
    e(
        "assess.points_not_discretionary",
        "rule `{rule}` has {magnitude}; `points` ({points}) is only for discretionary rules",
        "规则`{rule}`{magnitude}；`points`（{points}）只用于可酌定分值的规则",
    ),
    e(
        "assess.points_not_discretionary.help",
        "leave `points` empty",
        "请将`points`留空",
    ),
    e("assess.magnitude.none", "no points", "不计分"),
    e(
        "assess.magnitude.fixed",
        "fixed at {points}",
        "分值固定为{points}",
    ),
    e(
        "assess.too_large",
        "the {what} of rule `{rule}` for {quantity} units is too large",
        "规则`{rule}`按{quantity}个单位计算的{what}过大",
    ),
    e(
        "assess.window_and_person",
        "rule `{rule}` reaches the window as well as the person; the incident names none",
        "规则`{rule}`同时涉及个人和窗口，但该记录没有写明窗口",
    ),
    e(
        "assess.window_only",
        "rule `{rule}` is charged to the window; the incident names none",
        "规则`{rule}`计入窗口，但该记录没有写明窗口",
    ),
    e(
        "assess.window.help",
        "give `window`",
        "请填写`window`（窗口）",
    ),
    e(
        "assess.late_without_handler",
        "late case `{case}` has no handler to charge",
        "超期案件`{case}`没有可追究的经办人",
    ),
    e(
        "assess.late_without_handler.help",
        "give the case's `handler`",
        "请填写案件的`handler`（经办人）",
    ),
    e(
        "assess.overdue_line",
        "overdue: due {due}, {days} working day(s) over in this period",
        "超期：{due}到期，本期内超出{days}个工作日",
    ),
    e(
        "assess.not_a_period",
        "`{value}` is not a period",
        "`{value}`不是考核期",
    ),
    e(
        "assess.not_a_period.help",
        "write a month `2026-10`, a quarter `2026-Q4` or a year `2026`",
        "请写月份`2026-10`、季度`2026-Q4`或年份`2026`",
    ),
    e("term.fine", "fine", "罚款"),
    e("term.withholding", "withholding", "扣发奖励"),
    e("term.points", "points", "分值"),
];
