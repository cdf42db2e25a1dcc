//! The 验厂 triggers (`crate::triggers`, S8.verify): loader diagnostics, the reasons a trigger
//! fires, the enterprise row's fields and errors.

use super::{Entry, e};

pub(crate) const ENTRIES: &[Entry] = &[
    e(
        "triggers.defined_twice",
        "trigger `{code}` is defined twice",
        "验厂条件`{code}`重复定义",
    ),
    e(
        "triggers.needs_months",
        "this test needs `months`, a whole number above 0",
        "该条件须有`months`（大于0的整数）",
    ),
    e(
        "triggers.needs_months.help",
        "e.g. `months = 6` for a half-year halt (A27)",
        "例如停产半年写`months = 6`（A27）",
    ),
    e(
        "triggers.needs_ratio",
        "this test needs `ratio`, a decimal number above 0 as text",
        "该条件须有`ratio`（大于0的十进制数，写成文本）",
    ),
    e(
        "triggers.needs_ratio.help",
        "e.g. `ratio = \"1.2\"` for 20%以上 (A14)",
        "例如20%以上写`ratio = \"1.2\"`（A14）",
    ),
    e(
        "triggers.halt_reversed",
        "the halt of `{enterprise}` starts on {start}, after it ends on {end}",
        "`{enterprise}`的停产开始于{start}，晚于结束日{end}",
    ),
    e(
        "triggers.halt_reversed.help",
        "give `halt_end` on or after `halt_start`, or leave it empty while the halt lasts until the application",
        "`halt_end`须不早于`halt_start`；停产持续至申请时请留空",
    ),
    e(
        "triggers.halt_after_as_of",
        "the halt of `{enterprise}` ends on {end}, after the application on {as_of}",
        "`{enterprise}`的停产结束于{end}，晚于申请日{as_of}",
    ),
    e(
        "triggers.halt_after_as_of.help",
        "the facts are those known on `as_of`: leave `halt_end` empty while the halt lasts",
        "情况以`as_of`当日所知为准：停产尚未结束时请将`halt_end`留空",
    ),
    e(
        "triggers.reason.new_enterprise",
        "a newly established processing-trade firm",
        "新成立的加工贸易企业",
    ),
    e(
        "triggers.reason.new_contract",
        "the firm applies for a new contract",
        "企业申报新合同",
    ),
    e(
        "triggers.reason.beyond_scope",
        "its products go beyond the original business scope",
        "加工产品超出原经营范围",
    ),
    e(
        "triggers.reason.other",
        "recorded by a person: `{reason}`",
        "经人工记录：`{reason}`",
    ),
    e(
        "triggers.reason.halt",
        "halted from {start} to {end}, {n} whole months (at least {months}), then a new contract",
        "自{start}至{end}停产，满{n}个月（不少于{months}个月），后申办新合同",
    ),
    e(
        "triggers.reason.rent",
        "rent in arrears {n} months (at least {months})",
        "拖欠厂租{n}个月（不少于{months}个月）",
    ),
    e(
        "triggers.reason.wages",
        "wages in arrears {n} months (at least {months})",
        "拖欠工人工资{n}个月（不少于{months}个月）",
    ),
    e(
        "triggers.reason.rent_and_wages",
        "rent in arrears {rent} months (at least {months}); wages in arrears {wages} months (at least {months})",
        "拖欠厂租{rent}个月（不少于{months}个月）；拖欠工人工资{wages}个月（不少于{months}个月）",
    ),
    e(
        "triggers.reason.declared",
        "declared {declared} ≥ {threshold} = {ratio} × {largest}, the largest write-off of {count} contracts executed from {from} to {to}",
        "申报数量{declared} ≥ {threshold} = {ratio} × {largest}，即{from}至{to}所执行{count}份合同中的最大核销数量",
    ),
    e(
        "triggers.bad_writeoff",
        "write-off `{text}` is not `date=quantity`",
        "核销记录`{text}`不符合`日期=数量`的格式",
    ),
    e(
        "triggers.bad_writeoff.help",
        "write e.g. `2026-03-01=1000`",
        "例如写`2026-03-01=1000`",
    ),
    e(
        "triggers.none",
        "policy `{policy}` has no verification triggers",
        "制度`{policy}`没有验厂条件",
    ),
    e(
        "triggers.none.help",
        "policies with `[[trigger]]`: s8-investment-centre",
        "有`[[trigger]]`的制度：s8-investment-centre",
    ),
    // The CLI's human table: what a verification looks at.
    e("label.check.capacity", "capacity", "生产能力"),
    e("label.check.operations", "operations", "经营情况"),
    e("label.check.other", "other", "其他"),
    // The enterprise row (`rows::ENTERPRISE`).
    e("rows.doc.enterprise", "the enterprise", "企业"),
    e("rows.doc.as_of", "the day of the application", "申请日"),
    e(
        "rows.doc.new_enterprise",
        "a newly established processing-trade firm; default: no",
        "新成立的加工贸易企业；默认：否",
    ),
    e(
        "rows.doc.new_contract",
        "it applies for a new contract; default: no",
        "申报新合同；默认：否",
    ),
    e(
        "rows.doc.halt_start",
        "the first day of a production halt",
        "停产第一天",
    ),
    e(
        "rows.doc.halt_end",
        "the day production resumed; default: the halt lasts until `as_of`",
        "恢复生产之日；默认：停产持续至`as_of`",
    ),
    e(
        "rows.doc.beyond_scope",
        "products beyond the original business scope; default: no",
        "加工产品超出原经营范围；默认：否",
    ),
    e(
        "rows.doc.declared",
        "the quantity the new contract declares",
        "新合同的申报数量",
    ),
    e(
        "rows.doc.writeoffs",
        "contracts executed, each `date=quantity` written off",
        "已执行的合同，每份写`日期=核销数量`",
    ),
    e(
        "rows.doc.rent_arrears",
        "months of rent in arrears",
        "拖欠厂租的月数",
    ),
    e(
        "rows.doc.wage_arrears",
        "months of wages in arrears",
        "拖欠工人工资的月数",
    ),
    e(
        "rows.doc.other",
        "another reason to verify, recorded by a person",
        "须验厂的其他情况，由人工记录",
    ),
    e(
        "rows.hint.enterprise",
        "an enterprise row has `enterprise` and `as_of`, and the facts the triggers read: `new_enterprise`, `new_contract`, `halt_start`, `halt_end`, `beyond_scope`, `declared`, `writeoffs` (`date=quantity;…`), `rent_arrears_months`, `wage_arrears_months`, `other`",
        "企业情况须有`enterprise`和`as_of`，以及验厂条件所读的情况：`new_enterprise`、`new_contract`、`halt_start`、`halt_end`、`beyond_scope`、`declared`、`writeoffs`（`日期=数量;…`）、`rent_arrears_months`、`wage_arrears_months`、`other`",
    ),
    e(
        "rows.hint.writeoffs",
        "write each contract as `date=quantity`, e.g. `2026-03-01=1000;2026-08-15=1500`",
        "每份合同写`日期=数量`，例如`2026-03-01=1000;2026-08-15=1500`",
    ),
];
