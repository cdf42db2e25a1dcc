//! Training subsidies (`crate::subsidies`, S8.train.1): loader diagnostics, errors, the
//! trainee row's fields.

use super::{Entry, e};

pub(crate) const ENTRIES: &[Entry] = &[
    e(
        "subsidies.bad_monthly",
        "`{value}` is not an amount of yuan",
        "`{value}`不是元金额",
    ),
    e(
        "subsidies.bad_monthly.help",
        "write the yuan a month as decimal text, e.g. `monthly = \"400\"`",
        "以十进制文本写每月元数，例如`monthly = \"400\"`",
    ),
    e(
        "subsidies.payee_twice",
        "a second subsidy for the same payee",
        "同一领取方的第二项补贴",
    ),
    e(
        "subsidies.payee_twice.help",
        "one `[[subsidy]]` per payee (`trainee`, `employer`)",
        "每个领取方（`trainee`、`employer`）一项`[[subsidy]]`",
    ),
    e(
        "subsidies.none",
        "policy `{policy}` has no training subsidies",
        "制度`{policy}`没有培训补贴",
    ),
    e(
        "subsidies.none.help",
        "policies with `[[subsidy]]`: s8-investment-centre",
        "有`[[subsidy]]`的制度：s8-investment-centre",
    ),
    e(
        "subsidies.reversed",
        "the training of `{person}` ends on {end}, before it starts on {start}",
        "`{person}`的培训结束于{end}，早于开始日{start}",
    ),
    e(
        "subsidies.reversed.help",
        "give `end` on or after `start`; both days are training days",
        "`end`须不早于`start`；首尾两日均为培训日",
    ),
    // The trainee row (`rows::TRAINEE`).
    e(
        "rows.doc.trainee_person",
        "the trainee, a registered unemployed person",
        "学员（户籍无业人员）",
    ),
    e(
        "rows.doc.trainee_employer",
        "the employer the trainee is placed with",
        "学员所在的用人单位",
    ),
    e(
        "rows.doc.training_start",
        "the first day of training",
        "培训第一天",
    ),
    e(
        "rows.doc.training_end",
        "the last day of training",
        "培训最后一天",
    ),
    e(
        "rows.hint.trainee",
        "a trainee row has `person`, `employer`, `start` and `end`",
        "培训学员须有`person`、`employer`、`start`、`end`",
    ),
];
