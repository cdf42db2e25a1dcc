//! The notes of the shipped deduction tables' categories, effects and tables (rules' notes
//! are in rule_notes.rs): readings the seed leaves open (A8, A9, A18, A25), shown in a
//! calculator's rule card and a report in Chinese. A policy file of your own keeps its notes
//! as written; `tests/table_notes_lang.rs` fails when a shipped note has no entry here. The
//! Chinese keeps the seed's own words (扣完为止, 当月, 红旗窗口, 取消该窗口和工作人员…).

use super::{Entry, e};

pub(crate) const ENTRIES: &[Entry] = &[
    e(
        "note.table.no_floor",
        "扣完为止: the seed gives no floor",
        "扣完为止：原文未规定下限",
    ),
    e(
        "note.table.floor_zero",
        "every category floors at 0 (扣完为止); raw deductions stay on the scorecard",
        "各类别扣到0分为止（扣完为止）；原始扣分仍列在考核表上",
    ),
    e(
        "note.table.s2_period",
        "the seed gives no period: monthly scorecards, rolled up by quarter or year on request (annual roll-up)",
        "原文未规定考核周期：按月考核，需要时按季度或年度汇总（年度汇总）",
    ),
    e(
        "note.table.s14_period",
        "monthly, as 「当月奖励」 implies; quarter and year are roll-ups on request",
        "按月考核，依「当月奖励」推定；季度和年度为需要时的汇总",
    ),
    e(
        "note.table.s2_bonus",
        "bonuses are not capped: a total may exceed 100",
        "加分不设上限：总分可以超过100分",
    ),
    e(
        "note.table.s14_bonus",
        "bonuses (S14.svc.3) are not capped by 服务质量's 20 points: a total may exceed 100",
        "加分（S14.svc.3）不受服务质量20分的限制：总分可以超过100分",
    ),
    e(
        "note.table.window_score",
        "the criteria of the monthly 红旗窗口 are not in the seed (§4.1): a window scores the mean of its members' totals plus its window-charged lines",
        "原文未规定每月红旗窗口的评选标准（§4.1）：窗口得分为其工作人员总分的平均值，加上记在窗口名下的各项",
    ),
    e(
        "note.table.s4_window_score",
        "the criteria of the monthly 红旗窗口 are not in the seed (§4.1); S4 scores nothing, a policy that imports S4.req.4 ranks by its own table",
        "原文未规定每月红旗窗口的评选标准（§4.1）；S4本身不计分，引入S4.req.4的制度按其自身的考核细则排名",
    ),
    e(
        "note.table.s2_disqualifying",
        "S2 disqualifies nothing itself: S4.req.4's 当月不得评为红旗窗口 comes, disqualifying, with the rule imported from s4-duty-rota",
        "S2本身不取消任何评选资格：S4.req.4的「当月不得评为红旗窗口」随从s4-duty-rota引入的规则而来，并取消评选资格",
    ),
    e(
        "note.table.s14_disqualifying",
        "S14 disqualifies nothing itself: S4.req.4's no_red_flag comes, disqualifying, with the rule imported from s4-duty-rota; S14.att.6's 取消年度评先资格 is an annual commendation, not the monthly 红旗窗口, so it does not disqualify unless a policy lists it here",
        "S14本身不取消任何评选资格：S4.req.4的no_red_flag随从s4-duty-rota引入的规则而来，并取消评选资格；S14.att.6的「取消年度评先资格」针对年度评先，不是每月的红旗窗口，因此除非某项制度在此列出，否则不取消评选资格",
    ),
    e(
        "note.table.s4_red_flag",
        "S4.req.4: the duty window that failed its duty is not 红旗窗口 in the month of the failure; the effect disqualifies wherever the rule is imported",
        "S4.req.4：未履行值班职责的值班窗口当月不得评为红旗窗口；凡引入该规则之处，此后果均取消评选资格",
    ),
    e(
        "note.table.s14_joint",
        "S7's classes are joint items (联合办理) by nature, without a `joint` flag: an overdue S7 case is priced by S14.biz.1.4c, never S14.biz.1.6. A case of another policy is joint when its `joint` field says so",
        "S7的办件类别本身即为联办事项（联合办理），无需`joint`标记：S7的超期办件按S14.biz.1.4c计分，从不按S14.biz.1.6计分。其他制度的办件以其`joint`字段判断是否为联办",
    ),
    e(
        "note.category.s14_att_heading",
        "the section heading is missing; L901 cites the 考勤制度",
        "原文缺少该节标题；L901引用了考勤制度",
    ),
    e(
        "note.category.s14_biz_undefined",
        "业务管理 is worth 40 points but only 办件管理 (15) is defined: the undefined 25 points are granted in full and no rules are invented",
        "业务管理共40分，但原文只规定了办件管理（15分）：未规定的25分全额给予，不另设规则",
    ),
    e(
        "note.effect.no_red_flag_month",
        "当月 is the month of the failure",
        "「当月」指未履职发生的月份",
    ),
    e(
        "note.effect.s14_revoked_both",
        "「取消该窗口和工作人员」 names both: the person and the window named on the row (a row without a window is a row error)",
        "「取消该窗口和工作人员」两者都包括：该行所列的工作人员和窗口（没有窗口的行是行错误）",
    ),
    e(
        "note.effect.s14_revoked_year",
        "年度: the effect stays on both cards for the rest of the calendar year; incidents of earlier months of the year, passed with the period's, are read for this effect only",
        "年度：该后果在本自然年剩余时间内保留在两张考核表上；随考核期一并传入的本年度以前月份的事项，只用于判断该后果",
    ),
];
