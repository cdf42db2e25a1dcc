//! Input rows (`crate::rows`): what can be wrong with a row, the words that describe a value,
//! the field docs that hints and the README's table are made of.

use super::{Entry, e};

pub(crate) const ENTRIES: &[Entry] = &[
    // Kinds of row, as a row error names them.
    e("rows.kind.case", "case", "办件"),
    e("rows.kind.event", "event", "办件事件"),
    e("rows.kind.incident", "incident", "考核记录"),
    e("rows.kind.violation", "violation", "违规记录"),
    e("rows.kind.roster", "roster", "人员名单"),
    e("rows.kind.due", "due", "时限计算"),
    e("rows.kind.enterprise", "enterprise", "企业情况"),
    e("rows.kind.trainee", "trainee", "培训学员"),
    e("rows.kind.duty_window", "duty_window", "值班窗口"),
    e("rows.kind.away", "away", "不在位记录"),
    e("rows.kind.patrol", "patrol", "巡视记录"),
    e("rows.kind.action", "action", "完成记录"),
    e("rows.kind.request", "request", "访问请求"),
    e("rows.kind.record", "record", "记录"),
    e(
        "rows.error",
        "{kind} row {row}: {message}",
        "{kind}第{row}行：{message}",
    ),
    // Problems (`RowProblem`).
    e("rows.missing", "`{field}` is missing", "缺少`{field}`"),
    e(
        "rows.unknown_field",
        "unknown field `{field}`",
        "未知的字段`{field}`",
    ),
    e(
        "rows.not_text",
        "`{field}` must be text, not {got}",
        "`{field}`须为文本，而不是{got}",
    ),
    e(
        "rows.not_whole",
        "`{field}` must be a whole number, not {got}",
        "`{field}`须为整数，而不是{got}",
    ),
    e(
        "rows.out_of_range",
        "`{field}` must be a whole number from 0 to {max}, not {got}",
        "`{field}`须为0至{max}的整数，而不是{got}",
    ),
    e(
        "rows.not_instant",
        "`{field}` must be a date or an instant, not {got}",
        "`{field}`须为日期或时刻，而不是{got}",
    ),
    e(
        "rows.not_amount",
        "`{field}` must be a decimal number, not {got}",
        "`{field}`须为十进制数，而不是{got}",
    ),
    e(
        "rows.not_bool",
        "`{field}` must be `true` or `false`, not {got}",
        "`{field}`须为`true`或`false`，而不是{got}",
    ),
    e(
        "rows.not_list",
        "`{field}` must be a list, not {got}",
        "`{field}`须为列表，而不是{got}",
    ),
    e(
        "rows.bad_event",
        "`{field}`: {detail}",
        "`{field}`有误：{detail}",
    ),
    e(
        "rows.too_many",
        "`{field}` has more than {limit} items",
        "`{field}`超过{limit}项",
    ),
    e(
        "rows.not_record",
        "the row must be an object, not {got}",
        "每行须为对象，而不是{got}",
    ),
    e(
        "rows.not_json",
        "the line is not JSON: {detail}",
        "该行不是 JSON：{detail}",
    ),
    e(
        "rows.unreadable",
        "unreadable row: {detail}",
        "无法读取的行：{detail}",
    ),
    e(
        "rows.width_one",
        "the row has 1 field, the header has {header}",
        "该行只有1个字段，表头有{header}个",
    ),
    e(
        "rows.width",
        "the row has {fields} fields, the header has {header}",
        "该行有{fields}个字段，表头有{header}个",
    ),
    e(
        "rows.event",
        "event {number}: {message}",
        "第{number}个事件：{message}",
    ),
    e(
        "rows.event_kind",
        "`{kind}` is not `suspend`, `resume`, `extend`, `start` or `step`",
        "`{kind}`不是`suspend`、`resume`、`extend`、`start`或`step`",
    ),
    // What a value is, in words (`Cell::describe`).
    e("rows.got.nothing", "nothing", "空值"),
    e("rows.got.number", "the number `{value}`", "数字`{value}`"),
    e(
        "rows.got.boolean",
        "the boolean `{value}`",
        "布尔值`{value}`",
    ),
    e("rows.got.instant", "a date or time", "日期或时刻"),
    e("rows.got.list", "a list", "列表"),
    e("rows.got.object", "an object", "对象"),
    e(
        "rows.got.list_holding",
        "a list holding {got}",
        "含有{got}的列表",
    ),
    e("rows.type.whole", "whole number", "整数"),
    // Files of rows (CSV and JSON Lines).
    e(
        "rows.header_unreadable",
        "the header (line {line}) cannot be read: {message}",
        "表头（第{line}行）无法读取：{message}",
    ),
    e(
        "rows.header_column",
        "the header has no `{column}` column",
        "表头中没有`{column}`列",
    ),
    e(
        "rows.header_column.help",
        "the first line must name the columns; {hint}",
        "第一行须写明各列列名；{hint}",
    ),
    e(
        "rows.line_too_long",
        "line {line} is longer than {limit} bytes",
        "第{line}行超过{limit}字节",
    ),
    e(
        "rows.line_not_utf8",
        "line {line} is not UTF-8 (byte {byte})",
        "第{line}行不是 UTF-8 编码（第{byte}字节）",
    ),
    e(
        "rows.field_not_utf8",
        "line {line} is not UTF-8 (byte {byte} of a field)",
        "第{line}行不是 UTF-8 编码（某字段的第{byte}字节）",
    ),
    e(
        "rows.unclosed_quote",
        "line {line} has a quote that is not closed",
        "第{line}行有未闭合的引号",
    ),
    // Hints: what each kind of row has.
    e(
        "rows.hint.case",
        "a case has `id`, `class`, `accepted_at` and optionally `days`, `handler`, `window`, `completed_at`, `events` and `joint`",
        "办件须有`id`、`class`、`accepted_at`，可选`days`、`handler`、`window`、`completed_at`、`events`、`joint`",
    ),
    e(
        "rows.hint.event",
        "an event has `kind` (`suspend`, `resume`, `extend`, `start` or `step`) and `at`; `suspend` takes a `reason`, `extend` takes `days` and optionally `approved_by` and `reason`, `step` takes `step`",
        "事件须有`kind`（`suspend`、`resume`、`extend`、`start`或`step`）和`at`；`suspend`须有`reason`，`extend`须有`days`，可选`approved_by`和`reason`，`step`须有`step`",
    ),
    e(
        "rows.hint.incident",
        "an incident has `subject`, `at` and `rule`, and optionally `window`, `department`, `quantity`, `points`, `case`, `note`, `basis` and `ref`",
        "考核记录须有`subject`、`at`、`rule`，可选`window`、`department`、`quantity`、`points`、`case`、`note`、`basis`、`ref`",
    ),
    e(
        "rows.hint.violation",
        "a violation has `subject`, `at` and `violation`, and optionally `flags` (a list or a `;`-separated text), `note` and `amount` (the original price, 照价赔偿)",
        "违规记录须有`subject`、`at`、`violation`，可选`flags`（列表或以`;`分隔的文本）、`note`和`amount`（原价，照价赔偿）",
    ),
    e(
        "rows.hint.roster",
        "a roster entry has `subject` and `window`",
        "名单每项须有`subject`和`window`",
    ),
    e(
        "rows.hint.due",
        "a due row has `accepted_at` and optionally `days`",
        "每行须有`accepted_at`，可选`days`",
    ),
    // Field docs.
    e(
        "rows.doc.case_id",
        "the case's id in the log",
        "办件在台账中的编号",
    ),
    e(
        "rows.doc.class",
        "deadline class or service item id",
        "时限类别或事项编号",
    ),
    e(
        "rows.doc.accepted_at",
        "when it was accepted (受理)",
        "受理时间",
    ),
    e(
        "rows.doc.days",
        "the per-case limit (promised days); default: the class's",
        "本件时限（承诺天数）；默认：类别的时限",
    ),
    e("rows.doc.handler", "the handling person", "经办人"),
    e("rows.doc.window", "the window (窗口)", "窗口"),
    e(
        "rows.doc.completed_at",
        "when it was completed (办结); default: open",
        "办结时间；默认：未办结",
    ),
    e(
        "rows.doc.events",
        "suspensions, resumptions, extensions, clock starts; default: none",
        "中止、恢复、延期、起算；默认：无",
    ),
    e(
        "rows.doc.joint",
        "a joint item (联办件, A18); default: no",
        "联办件（A18）；默认：否",
    ),
    e(
        "rows.doc.event_kind",
        "`suspend`, `resume`, `extend`, `start` or `step`",
        "`suspend`、`resume`、`extend`、`start`或`step`",
    ),
    e(
        "rows.doc.reason",
        "a suspension reason id (required to suspend), or an extension's logged notice",
        "中止事由编号（中止时必填），或延期的告知记录",
    ),
    e(
        "rows.doc.extend_days",
        "units an extension adds (required to extend)",
        "延期增加的时限（延期时必填）",
    ),
    e(
        "rows.doc.approved_by",
        "who approved an extension",
        "延期的批准人",
    ),
    e(
        "rows.doc.subject",
        "the person (or anyone on the window)",
        "被考核人（或该窗口任一人员）",
    ),
    e("rows.doc.person_window", "the person's window", "所在窗口"),
    e("rows.doc.department", "the person's department", "所在部门"),
    e("rows.doc.at", "when it happened", "发生时间"),
    e(
        "rows.doc.rule",
        "the rule code, a clause id such as `S14.att.1a`",
        "规则代码，即条款编号，如`S14.att.1a`",
    ),
    e(
        "rows.doc.quantity",
        "units of the rule; default: 1",
        "计量数；默认：1",
    ),
    e(
        "rows.doc.points",
        "the magnitude chosen in a discretionary range, without sign",
        "在裁量幅度内选定的分值，不带正负号",
    ),
    e("rows.doc.case", "the case it concerns", "所涉办件"),
    e(
        "rows.doc.note",
        "the assessor's reason (required with a chosen value, A6)",
        "考核人的理由（选定分值时必填，A6）",
    ),
    e(
        "rows.doc.basis",
        "the rule whose amount applies (S2.kq.5, A30)",
        "适用其分值的规则（S2.kq.5，A30）",
    ),
    e(
        "rows.doc.ref",
        "the deed the incident is about: bonuses of one family count once per `ref` (A33)",
        "所涉事迹：同一类加分每个`ref`只计一次（A33）",
    ),
    e("rows.doc.person", "the person", "当事人"),
    e(
        "rows.doc.violation",
        "the violation's clause id, such as `S2.zr.t1.1`",
        "违规条款编号，如`S2.zr.t1.1`",
    ),
    e(
        "rows.doc.flags",
        "flag ids set by a person (情节严重 …); default: none",
        "由人认定的情节编号（情节严重等）；默认：无",
    ),
    e("rows.doc.violation_note", "a note", "备注"),
    e(
        "rows.doc.due_accepted_at",
        "when the clock starts",
        "起算时间",
    ),
    e(
        "rows.doc.due_days",
        "the per-case limit; default: the class's",
        "本件时限；默认：类别的时限",
    ),
    // Choosing the deadline policy of cases, and column batches.
    e(
        "rows.no_deadline_classes",
        "policy `{policy}` has no deadline classes to read the cases with",
        "制度`{policy}`没有可用于读取办件的时限类别",
    ),
    e(
        "rows.no_deadline_classes.help",
        "name the deadline policy of the cases, e.g. `s2-service-center`",
        "请指定办件所用的时限制度，例如`s2-service-center`",
    ),
    e(
        "rows.report_no_deadline_classes",
        "policy `{policy}` has no deadline classes to read the case log with",
        "制度`{policy}`没有可用于读取办件台账的时限类别",
    ),
    e(
        "rows.report_no_deadline_classes.help",
        "give the case policy, e.g. `s10-service-system`",
        "请指定办件所用的时限制度，例如`s10-service-system`",
    ),
    // Rows given as a data frame (`read_frame`).
    e(
        "rows.frame_length",
        "{what}: column `{name}` has {count} values for {rows} rows",
        "{what}：`{name}`列有{count}个值，而表有{rows}行",
    ),
    e(
        "rows.frame_unknown_column",
        "{what}: the DataFrame has a column `{name}` that is not a field",
        "{what}：DataFrame 的`{name}`列不是字段",
    ),
    e(
        "rows.frame_unknown_column_closest",
        "{what}: the DataFrame has a column `{name}` that is not a field; did you mean `{closest}`?",
        "{what}：DataFrame 的`{name}`列不是字段；是否想写`{closest}`？",
    ),
    e(
        "rows.frame_unknown_column.help",
        "{hint}; select those columns first",
        "{hint}；请先只选出这些列",
    ),
    e(
        "rows.frame_missing_column",
        "{what}: the DataFrame has no column `{name}`",
        "{what}：DataFrame 没有`{name}`列",
    ),
    e(
        "rows.missing_start",
        "the start is missing (NaT or None)",
        "缺少起算时间（NaT 或 None）",
    ),
    e(
        "rows.bad_days",
        "`days` must be a whole number from 0 to 4294967295, not `{value}`",
        "`days`须为0至4294967295的整数，而不是`{value}`",
    ),
    e(
        "rows.day_counts",
        "give one day count per start, one for all, or none",
        "时限天数须每个起算时间一个、全部共用一个，或不填",
    ),
];
