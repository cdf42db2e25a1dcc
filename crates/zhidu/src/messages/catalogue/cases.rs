//! Case logs: events, suspensions (中止), extensions (延长) and the warnings on a case.

use super::{Entry, e};

pub(crate) const ENTRIES: &[Entry] = &[
    e(
        "case.too_many_events",
        "more than {limit} events",
        "事件超过{limit}个",
    ),
    e(
        "case.bad_event",
        "event `{event}` is not `kind instant [reason|days]`",
        "事件`{event}`不符合`类型 时刻 [事由|天数]`的格式",
    ),
    e(
        "case.bad_event.help",
        "write e.g. `suspend 2026-10-09T10:00+08:00 hearing`, `resume 2026-10-14T09:00`, `extend 2026-10-15 2`, `start 2026-10-09` or `step 2026-10-09 accept`",
        "例如写`suspend 2026-10-09T10:00+08:00 hearing`（中止）、`resume 2026-10-14T09:00`（恢复）、`extend 2026-10-15 2`（延长）、`start 2026-10-09`（起算）或`step 2026-10-09 accept`（流程环节）",
    ),
    e(
        "case.bad_event_days",
        "`{days}` in event `{event}` is not a whole number of days",
        "事件`{event}`中的`{days}`不是整数天数",
    ),
    e(
        "case.completed_before_accepted",
        "case `{case}` is completed ({completed}) before it was accepted ({accepted})",
        "案件`{case}`的办结时间（{completed}）早于受理时间（{accepted}）",
    ),
    e(
        "case.no_due_date",
        "case `{case}` has no due date yet ({status})",
        "案件`{case}`尚无办结期限（{status}）",
    ),
    e(
        "case.events_over_limit",
        "case `{case}` has {count} events, over the limit of {limit}",
        "案件`{case}`有{count}个事件，超过上限{limit}个",
    ),
    e(
        "case.event_before_acceptance",
        "case `{case}` has an event at {at}, before its acceptance at {accepted}",
        "案件`{case}`在{at}有事件，早于受理时间{accepted}",
    ),
    e(
        "case.start_event_not_allowed",
        "case `{case}` has a `start` event, but the clock of class `{class}` starts at acceptance",
        "案件`{case}`有`start`（起算）事件，但类别`{class}`自受理起计时",
    ),
    e(
        "case.suspended_twice",
        "case `{case}` is suspended at {at} while already suspended",
        "案件`{case}`在{at}中止时已处于中止状态",
    ),
    e(
        "case.suspended_twice.help",
        "resume the case before suspending it again",
        "请先恢复计时，再次中止",
    ),
    e(
        "case.resumed_not_suspended",
        "case `{case}` is resumed at {at} without being suspended",
        "案件`{case}`在{at}恢复计时，但此前并未中止",
    ),
    e(
        "case.extension_without_reason",
        "case `{case}` is extended at {at} without a reason, but class `{class}` extends only on a logged notice",
        "案件`{case}`在{at}延长时限但未写明事由，而类别`{class}`只有在登记了告知的情况下才能延长",
    ),
    e(
        "case.extension_without_reason.help",
        "give the extension's `reason` (the notice to the complainant, {clause})",
        "请填写延长的`reason`（向投诉人发出的告知，{clause}）",
    ),
    e(
        "case.extension_over_cap",
        "case `{case}` is extended by {days} {unit} in total, over the cap of {cap} for class `{class}`",
        "案件`{case}`累计延长{days}{unit}，超过类别`{class}`的延长上限{cap}",
    ),
    e(
        "case.extension_over_cap.help",
        "the policy's `max_extension` caps extensions (0: none allowed)",
        "制度的`max_extension`规定了延长上限（0表示不得延长）",
    ),
    // Warnings: the answer stands.
    e(
        "warning.clock_never_started",
        "case `{case}` was completed before its clock started: it is on time and has no due date",
        "案件`{case}`在计时起算前已办结：按时办结，无办结期限",
    ),
    e(
        "warning.late_suspension_ignored",
        "case `{case}` is suspended ({reason}) at {at}, after its due instant {due}: the suspension does not move the due date",
        "案件`{case}`在{at}中止（{reason}），已晚于到期时刻{due}：此次中止不改变办结期限",
    ),
    e(
        "warning.late_extension_ignored",
        "case `{case}` is extended at {at}, after its due instant {due}: an overrun is not cured after the fact, so the extension does not move the due date",
        "案件`{case}`在{at}延长时限，已晚于到期时刻{due}：超期不能事后补救，此次延长不改变办结期限",
    ),
];
