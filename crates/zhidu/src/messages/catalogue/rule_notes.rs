//! The notes of the shipped deduction tables' rules: values and readings the seed leaves
//! open, shown beside a rule in the score calculator and wherever a host shows a rule's
//! defaults. A policy file of your own keeps its notes as written; a test fails when a shipped
//! rule's note has no entry here.

use super::{Entry, e};

pub(crate) const ENTRIES: &[Entry] = &[
    e(
        "note.rule.s2_de_2a_unit",
        "the seed gives no unit: −5 per dispute found to be the staff member's fault",
        "原文未规定计量单位：每起经认定为工作人员过错的纠纷扣5分",
    ),
    e(
        "note.rule.s2_qin_2b_unit",
        "only the half-day is priced: −5 per started half-day, so a full day of absence is quantity 2 = −10",
        "原文只规定了半天的扣分：每开始一个半天扣5分，缺勤一整天即数量2，扣10分",
    ),
    e(
        "note.rule.s2_ji_2_prices",
        "超过承诺时限 prices a promised limit, and S2.cn.3 promises one only for what cannot be finished at once: the promised (承诺件, S2.xs.2) and reported-up (上报件, S2.xs.3) classes. Never 即收即办 (S2.xs.1) nor complaint replies (S2.ts.*: answered by the 中心管理办公室, seed L125, L135). A late case no rule prices is counted in the assessment's summary (unpriced_late)",
        "「超过承诺时限」针对承诺时限计分，而S2.cn.3只对不能当场办结的事项作出承诺：即承诺件（S2.xs.2）和上报件（S2.xs.3）。即收即办（S2.xs.1）和投诉答复（S2.ts.*：由中心管理办公室答复，原文L125、L135）都不适用。没有规则计分的超期办件计入考核汇总（unpriced_late）",
    ),
    e(
        "note.rule.s2_ji_2_overdue",
        "generated from the case log: one piece per case whose due day is in the period (a case due 09-30 at 24:00 is a September piece) and late (completed after its due instant, or open and past due at the period's end); −10 per piece, not per day",
        "由办件台账生成：到期日在考核期内且超期（在到期时刻之后办结，或至考核期末仍未办结且已过期）的每件计一件（09-30 24:00到期的办件属于9月）；每件扣10分，不按天计",
    ),
    e(
        "note.rule.s2_ji_2_joint",
        "S2 does not distinguish joint items: every late case counts (joint = any)",
        "S2不区分联办事项：每一件超期办件都计入（joint = any）",
    ),
    e(
        "note.rule.s2_ji_2_cumulative",
        "the score deduction and any 责任追究 sanction (S2.zr.scope.3) are cumulative",
        "扣分与责任追究处理（S2.zr.scope.3）并行累计",
    ),
    e(
        "note.rule.s2_lian_2_severity",
        "情节严重 is a human decision, never inferred: the assessor records lian.2 beside the lian.1 discovery, which keeps its −10",
        "「情节严重」由人认定，不自动推断：考核人员在lian.1的发现之外另录lian.2，lian.1仍扣10分",
    ),
    e(
        "note.rule.s2_bonus_1a_family",
        "one deed counts once, at its highest level (district 1a or city 1b, not both): rows of 1a and 1b with the same subject and `ref` count the highest, the others stay as superseded lines",
        "同一事迹只计一次，按最高级别计（区级1a或市级1b，不同时计）：同一人、同一`ref`的1a和1b各行只计最高者，其余作为被取代的明细保留",
    ),
    e(
        "note.rule.s2_bonus_1b_family",
        "one deed counts once, at its highest level: with the same subject and `ref`, 1b supersedes 1a",
        "同一事迹只计一次，按最高级别计：同一人、同一`ref`时，1b取代1a",
    ),
    e(
        "note.rule.s2_bonus_2_points_required",
        "DEVIATION: 区/市/省/国家 = 5/10/15/30: the level is a fact, not a discretion, so A6's smallest value does not apply: a row without the level's points is a row error",
        "偏离：区/市/省/国家 = 5/10/15/30：级别是事实而非裁量，A6的取最小值不适用：未填该级别分值的行为行错误",
    ),
    e(
        "note.rule.s2_bonus_2_family",
        "one title counts once, at its highest level: rows with the same subject and `ref` count the highest level, the others stay as superseded lines",
        "同一荣誉只计一次，按最高级别计：同一人、同一`ref`的各行只计最高级别，其余作为被取代的明细保留",
    ),
    e(
        "note.rule.s2_bonus_3_range",
        "the assessor enters an integer from 1 to 5 with a reason (`note`; a value without one is a row error); with none, +1",
        "考核人员填写1至5的整数并写明理由（`note`；有分值无理由为行错误）；未填分值则加1分",
    ),
    e(
        "note.rule.s2_bonus_4_range",
        "the seed gives no bounds: manual entry only, with a configurable cap of 5 points (a value above 5 is an input error)",
        "原文未规定上下限：只能手工录入，上限可配置为5分（超过5分为输入错误）",
    ),
    e(
        "note.rule.s2_bonus_4_points_required",
        "manual entry only: a row without points is a row error (no A6 smallest value), and a value needs its reason in `note` (A6)",
        "只能手工录入：未填分值的行为行错误（不适用A6的取最小值），填写的分值须在`note`中写明理由（A6）",
    ),
    e(
        "note.rule.s2_kq_5_basis_from",
        "the seed gives no amount: each row names the matching S2.assess deduction in `basis` (e.g. `S2.assess.lian.1`) and the line takes that rule's amount, unit and category; a row without a basis, or whose basis is not an S2.assess deduction, is a row error",
        "原文未规定分值：每行在`basis`中写明对应的S2.assess扣分条款（如`S2.assess.lian.1`），该行按该条款的分值、单位和类别计；未写basis或basis不是S2.assess扣分条款的行为行错误",
    ),
    e(
        "note.rule.s2_kq_5_charge",
        "a temporary worker's breach or mistake is charged to the window, not to a person",
        "临时工作人员的违规或差错计入窗口，不计入个人",
    ),
    e(
        "note.rule.s14_att_1a_fine",
        "「并分别给予每人次10元处罚」 read as 10 yuan for each of 1a–1d (分别 = respectively)",
        "「并分别给予每人次10元处罚」理解为1a至1d各罚10元（分别 = 各自）",
    ),
    e(
        "note.rule.s14_att_1b_fine",
        "10 yuan for each of 1a–1d (分别 = respectively)",
        "1a至1d各罚10元（分别 = 各自）",
    ),
    e(
        "note.rule.s14_att_1d_unit",
        "only the half-day is priced: −2 and 10 yuan per started half-day, so a full day is quantity 2 = −4 and 20 yuan",
        "原文只规定了半天的扣分：每开始一个半天扣2分、罚10元，一整天即数量2，扣4分、罚20元",
    ),
    e(
        "note.rule.s14_att_3_charge",
        "mixed subjects (窗口工作人员 and 窗口没有按规定摆放桌牌) counted 每人次: the window and each person lose the point; the 10 yuan are each person's (每人次), not the window's",
        "主体混合（窗口工作人员与「窗口没有按规定摆放桌牌」）按每人次计：窗口和每人各扣该分；10元由每人承担（每人次），不由窗口承担",
    ),
    e(
        "note.rule.s14_att_4_charge",
        "the clause names no subject: the section's subject 窗口工作人员 applies, the person who did not correct after the warning is charged",
        "条款未写明主体：适用本节的主体窗口工作人员，计入经提醒仍未改正的个人",
    ),
    e(
        "note.rule.s14_att_6_range",
        "视情节轻重: the assessor enters an integer from 10 to 20 with a reason (`note`; a value without one is a row error); with none, 10",
        "视情节轻重：考核人员填写10至20的整数并写明理由（`note`；有分值无理由为行错误）；未填分值则扣10分",
    ),
    e(
        "note.rule.s14_att_6_withholding",
        "150 yuan per occurrence, not once a month, withheld from the month's bonus (扣除当月奖励): a withholding, reported apart from fines",
        "每次150元，不是每月一次，从当月奖励中扣除（扣除当月奖励）：属于扣发奖励，与罚款分开列示",
    ),
    e(
        "note.rule.s14_att_6_charge",
        "DEVIATION: A19 would charge the window too; the points and the 150 yuan are the person's (有吃、拿、卡、要等不廉洁行为的 is a person's deed, 当月奖励 a person's pay); only the effect reaches the window, which the clause names (取消该窗口和工作人员年度评先资格)",
        "偏离：按A19也应计入窗口；但扣分和150元由个人承担（「有吃、拿、卡、要等不廉洁行为的」是个人行为，「当月奖励」是个人收入）；只有处理结果及于条款点名的窗口（取消该窗口和工作人员年度评先资格）",
    ),
    e(
        "note.rule.s14_svc_3_range",
        "the assessor enters an integer from 1 to 5 with a reason; with none, +1",
        "考核人员填写1至5的整数并写明理由；未填分值则加1分",
    ),
    e(
        "note.rule.s14_svc_3_bonus",
        "added to the total, not to 服务质量: the total may exceed 100",
        "加在总分上，不加在服务质量类：总分可以超过100",
    ),
    e(
        "note.rule.s14_svc_4_charge",
        "the clause names no subject: the window is charged",
        "条款未写明主体：计入窗口",
    ),
    e(
        "note.rule.s14_biz_1_1_charge",
        "「进驻行政服务中心的项目存在…」 is a fact of the stationed item (进驻项目), not of a person: the window is charged",
        "「进驻行政服务中心的项目存在…」是进驻项目的情况，不是个人的行为：计入窗口",
    ),
    e(
        "note.rule.s14_biz_1_3d_trips",
        "2次以上往返 = at least 2 return visits (3 visits in all), or a bad effect flagged by a person",
        "「2次以上往返」= 至少往返2次（共来3次），或经人工标记造成不良影响",
    ),
    e(
        "note.rule.s14_biz_1_3d_inclusive",
        "以上 is inclusive: 2 return visits already count",
        "「以上」含本数：往返2次即计",
    ),
    e(
        "note.rule.s14_biz_1_4a_charge",
        "责任部门 = the responsible department's window",
        "责任部门 = 负有责任的部门的窗口",
    ),
    e(
        "note.rule.s14_biz_1_4b_charge",
        "the subject is the 责任部门 of the same sentence: its window",
        "主体是同一句中的责任部门：即其窗口",
    ),
    e(
        "note.rule.s14_biz_1_4c_charge",
        "责任部门 = the window of the case",
        "责任部门 = 该办件的窗口",
    ),
    e(
        "note.rule.s14_biz_1_4c_joint",
        "joint items only (S7's classes, or a flagged case); a joint case never also takes S14.biz.1.6",
        "只适用于联办事项（S7的类别，或标记为联办的办件）；联办件不再同时适用S14.biz.1.6",
    ),
    e(
        "note.rule.s14_biz_1_4c_prices",
        "联办件超时办结: every limit of an S7 joint item, and the promised limits (S2.cn.3: 承诺件, 上报件 of S2 and S10, S15's told limit of 上报事项) of a case flagged joint; never complaint replies nor 即收即办/即办件",
        "联办件超时办结：S7联办事项的每一项时限，以及标记为联办的办件的承诺时限（S2.cn.3：S2和S10的承诺件、上报件，S15上报事项告知的时限）；投诉答复和即收即办/即办件都不适用",
    ),
    e(
        "note.rule.s14_biz_1_4c_unit",
        "per piece per overdue working day accrued in the period",
        "按件、按考核期内累计的超期工作日数计",
    ),
    e(
        "note.rule.s14_biz_1_4d_charge",
        "a department (window) attends the 联审会: the window is charged",
        "参加联审会的是部门（窗口）：计入窗口",
    ),
    e(
        "note.rule.s14_biz_1_6_joint",
        "non-joint items only: a joint case takes S14.biz.1.4c instead",
        "只适用于非联办事项：联办件改按S14.biz.1.4c计",
    ),
    e(
        "note.rule.s14_biz_1_6_prices",
        "办件超承诺时限 prices a promised limit (S2.cn.3 promises one only for what cannot be finished at once): 承诺件 and 上报件 of S2 and S10, S15's told limit of 上报事项; never complaint replies (S2.ts.*), 信访件, 即收即办 or 即办件. A late case no rule prices is counted in the assessment's summary",
        "「办件超承诺时限」针对承诺时限计分（S2.cn.3只对不能当场办结的事项作出承诺）：S2和S10的承诺件和上报件，S15上报事项告知的时限；投诉答复（S2.ts.*）、信访件、即收即办和即办件都不适用。没有规则计分的超期办件计入考核汇总",
    ),
    e(
        "note.rule.s14_biz_1_6_charge",
        "the case's handler: the section scores 窗口工作人员 and names no department here",
        "计入该办件的经办人：本节考核的是窗口工作人员，此处未点名部门",
    ),
    e(
        "note.rule.s4_req_4_scope",
        "当月 is the month of the failure; the criticism (给予批评) carries no points",
        "「当月」指未履行职责的那个月；批评（给予批评）不计分",
    ),
    e(
        "note.rule.s4_req_4_charge",
        "the clause sanctions the duty window (该窗口), not a person",
        "条款处理的是值班窗口（该窗口），不是个人",
    ),
];
