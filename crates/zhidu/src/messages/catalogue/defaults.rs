//! The notes of the shipped policies' deadline defaults (values the seed regulations leave
//! open), shown beside every explanation that rests on them. A policy file of your own keeps
//! its notes as written; a test fails when a shipped note has no entry here.

use super::{Entry, e};

pub(crate) const ENTRIES: &[Entry] = &[
    // Policy-wide.
    e(
        "note.no_dates",
        "the seed carries no dates; the policy applies to every year the calendar covers",
        "原文未载明施行日期；本制度适用于日历覆盖的每一年",
    ),
    e(
        "note.s10_units",
        "processing limits count working days; 24 h and 30 min are wall-clock; day 1 is the day after the start event",
        "办理时限按工作日计算；24小时和30分钟按钟点计算；第1天为起算事件的次日",
    ),
    e(
        "note.s2_units",
        "processing limits count working days; complaint limits count calendar days; day 1 is the day after the start event",
        "办理时限按工作日计算；投诉处理时限按自然日计算；第1天为起算事件的次日",
    ),
    e(
        "note.due_at_midnight",
        "a case is due at 24:00 of its due day; the seed states no hour",
        "原文未规定截止钟点；办件于到期日24:00到期",
    ),
    e(
        "note.s12_units",
        "24 h is wall-clock; same-day return counts calendar days and is due at the end of the start day itself (a limit of 0 days counts no day)",
        "24小时按钟点计算；当日归还按自然日计算，于起算当日结束时到期（时限为0天，不计任何一天）",
    ),
    e(
        "note.s14_name",
        "the source lacks S14's first heading; the name is descriptive",
        "原文缺少S14的首个标题；名称为概括性描述",
    ),
    e(
        "note.s14_overdue_days",
        "「每件每超1天」 counts working days of the calendar",
        "「每件每超1天」按日历的工作日计算",
    ),
    // S10.
    e(
        "note.s10_30_minutes",
        "the 30 minutes run from acceptance at the counter (即收), excluding the queue",
        "30分钟自窗口受理（即收）时起算，不含排队等候时间",
    ),
    e(
        "note.warn_10_minutes",
        "yellow when 10 minutes or fewer remain; the seed defines no warning",
        "原文未规定预警；剩余不超过10分钟时亮黄牌",
    ),
    e(
        "note.s10_promised",
        "S10 gives no number: the period promised on the acceptance notice is given per case",
        "S10未规定具体天数：按受理通知书上承诺的期限逐件填写",
    ),
    e(
        "note.day_is_working_day",
        "日 counted as working days",
        "「日」按工作日计算",
    ),
    e(
        "note.s10_extension_cap",
        "the seed allows no extension explicitly; capped at 5 working days",
        "原文未明确允许延长；延长以5个工作日为上限",
    ),
    e(
        "note.superior_limit",
        "the superior's limit is given per case",
        "上级机关的时限逐件填写",
    ),
    e(
        "note.petition_limit",
        "the external petition rules' limit is given per case; none is built in",
        "信访规定的时限逐件填写；本制度不内置",
    ),
    e(
        "note.petition_days",
        "petition limits count calendar days, rolled to the next working day",
        "信访时限按自然日计算，到期日逢休息日顺延至下一个工作日",
    ),
    e(
        "note.on_the_spot_minutes",
        "「当场」 has no number; the minutes are given per case",
        "「当场」没有具体时限；分钟数逐件填写",
    ),
    e(
        "note.at_the_scene_minutes",
        "「现场」 has no number; the minutes are given per case",
        "「现场」没有具体时限；分钟数逐件填写",
    ),
    e(
        "note.on_the_spot_notice",
        "「当场」 has no number: the notice is issued on the spot, within the minutes given per case",
        "「当场」没有具体时限：当场出具告知，分钟数逐件填写",
    ),
    e(
        "note.s10_start_event",
        "S10.xs.2b: the limit runs from formal acceptance, which needs complete materials (S10.xs.2a); the clock starts at the case's `start` event (materials complete)",
        "S10.xs.2b：时限自正式受理起算，正式受理须材料齐全（S10.xs.2a）；计时自案件的`start`事件（材料补齐）开始",
    ),
    e(
        "note.s10_acceptance_notice",
        "the period promised on the acceptance notice (S10.xs.3.4b) is given per case",
        "受理通知书上承诺的期限（S10.xs.3.4b）逐件填写",
    ),
    e(
        "note.intake_notice",
        "the notice is issued at intake; the minutes are given per case",
        "告知在收件时出具；分钟数逐件填写",
    ),
    e(
        "note.s10_restart",
        "materials completed after a correction notice restart the count from the day they are complete",
        "接到补正通知后补齐材料的，自材料补齐之日起重新计算时限",
    ),
    e(
        "note.pause_hearing",
        "the seed names no pause; 行政许可法 art. 45 (external law, cited as the source) keeps hearing time out of the limit",
        "原文未规定中止；依《行政许可法》第四十五条（外部法律，作为出处引用），听证所需时间不计算在时限内",
    ),
    e(
        "note.pause_testing",
        "the seed names no pause; 行政许可法 art. 45 (external law, cited as the source) keeps testing time out of the limit",
        "原文未规定中止；依《行政许可法》第四十五条（外部法律，作为出处引用），检验、检测所需时间不计算在时限内",
    ),
    e(
        "note.pause_expert_review",
        "the seed names no pause; 行政许可法 art. 45 (external law, cited as the source) keeps expert review time out of the limit",
        "原文未规定中止；依《行政许可法》第四十五条（外部法律，作为出处引用），专家评审所需时间不计算在时限内",
    ),
    e(
        "note.pause_superior",
        "time waiting for the superior's decision is the superior's, not the window's",
        "等待上级决定的时间属于上级机关，不计入窗口的时限",
    ),
    // S12.
    e(
        "note.s12_24h",
        "24 h is wall-clock, from the moment the job is done (办妥)",
        "24小时按钟点计算，自事项办妥时起算",
    ),
    e(
        "note.s12_all_materials",
        "the 24 h return covers 「所有资料」",
        "24小时内归还的范围为「所有资料」",
    ),
    e(
        "note.s12_same_day",
        "same-day return counts calendar days: due at the end of the borrowing day, whatever the day",
        "当日归还按自然日计算：无论哪一天，均于借用当日结束时到期",
    ),
    // S15.
    e(
        "note.told_limit",
        "the limit told to the applicant is given per case",
        "告知申请人的时限逐件填写",
    ),
    e(
        "note.s15_five_days",
        "the source leaves the day count blank; 5 working days per 行政许可法 art. 32 (「当场或者在五日内」, external, not source)",
        "原文天数空缺；依《行政许可法》第三十二条（「当场或者在五日内」，外部法律，非原文）定为5个工作日",
    ),
    // S2.
    e(
        "note.s2_on_the_spot",
        "the seed gives no minutes; the limit is given per case, and S10's 30 minutes are not imported",
        "原文未规定分钟数；时限逐件填写，不沿用S10的30分钟",
    ),
    e(
        "note.s2_usual_range",
        "3–5 days is a usual range, not a fixed limit: set per case, warn outside [3, 5], unset means 5",
        "3—5日是通常范围，不是固定时限：逐件承诺，超出[3, 5]时提示，未填写的按5日计",
    ),
    e(
        "note.s2_working_days",
        "日 counted as working days, by analogy with 行政许可法 art. 82 (external, not source)",
        "「日」按工作日计算，参照《行政许可法》第八十二条（外部法律，非原文）",
    ),
    e(
        "note.s2_extension_cap",
        "the seed allows no extension explicitly; extensions are capped at 5 working days (the top of the usual range)",
        "原文未明确允许延长；延长以5个工作日为上限（通常范围的上限）",
    ),
    e(
        "note.s2_warn",
        "yellow when 2 working days or fewer remain (the due day and the day before); the seed defines no warning",
        "原文未规定预警；剩余不超过2个工作日（到期日及其前一日）时亮黄牌",
    ),
    e(
        "note.as_soon_as_possible",
        "「尽快」 has no number; the limit promised in principle is given per case",
        "「尽快」没有具体时限；原则上承诺的时限逐件填写",
    ),
    e(
        "note.processing_working_days",
        "processing limits count working days",
        "办理时限按工作日计算",
    ),
    e(
        "note.complaint_next_day",
        "当日或次日 = by the end of the next calendar day after the complaint",
        "「当日或次日」＝投诉次日（自然日）结束前",
    ),
    e(
        "note.complaint_no_roll",
        "a complaint clock counts calendar days and does not roll to a working day: the seed gives 次日, not 次一工作日",
        "投诉时限按自然日计算，不顺延至工作日：原文写的是「次日」，不是「次一工作日」",
    ),
    e(
        "note.complaint_week",
        "一周 = 7 calendar days after the complaint; 比较复杂 is a manual flag (the class is chosen by a person)",
        "「一周」＝投诉后7个自然日；「比较复杂」由人工认定（类别由人选择）",
    ),
    e(
        "note.calendar_days_no_roll",
        "calendar days, no roll to a working day",
        "按自然日计算，不顺延至工作日",
    ),
    e(
        "note.complaint_extension",
        "S2.ts.6d 「确因客观原因就不能在规定时间内给予答复的,要及时向投诉人说明情况,并负责此项投诉的追踪处理,直至处理完毕」: an extension needs a logged notice (an `extend` event with its `reason`) and has no cap, as the seed gives none",
        "S2.ts.6d「确因客观原因就不能在规定时间内给予答复的,要及时向投诉人说明情况,并负责此项投诉的追踪处理,直至处理完毕」：延长须登记对投诉人的告知（带`reason`的`extend`事件）；原文未规定上限，故不设上限",
    ),
    e(
        "note.forwarded_complaint",
        "ts.5 inherits ts.6: an ordinary forwarded complaint is answered by the end of the next calendar day (a complex one is filed as `complaint_complex`)",
        "ts.5沿用ts.6：一般的转办投诉于次日（自然日）结束前答复（比较复杂的按`complaint_complex`登记）",
    ),
    e(
        "note.s2_restart",
        "materials completed after a 补办通知单 restart the count (S10.xs.2b, S15.xs.2b: the limit runs from formal acceptance)",
        "接到补办通知单后补齐材料的，重新计算时限（S10.xs.2b、S15.xs.2b：时限自正式受理起算）",
    ),
    // S7.
    e(
        "note.s7_promised",
        "the promised limit is given per case",
        "承诺时限逐件填写",
    ),
    e(
        "note.s7_blank_top",
        "the source leaves the day count blank; a required setting, 5 working days when forced (top of S2.xs.2)",
        "原文天数空缺；须设定，必须取值时定为5个工作日（S2.xs.2的上限）",
    ),
    e(
        "note.s7_blank",
        "the source leaves the day count blank; a required setting, 5 working days when forced",
        "原文天数空缺；须设定，必须取值时定为5个工作日",
    ),
    e(
        "note.s7_superior_reply",
        "the clock starts at the superior's reply, recorded as the case's `start` event",
        "计时自上级答复时开始，登记为案件的`start`事件",
    ),
];
