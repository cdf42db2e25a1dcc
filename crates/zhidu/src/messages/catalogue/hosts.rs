//! The hosts' own messages (the CLI's files, errors and summary lines), so that every host
//! speaks from the one catalogue. The CLI's lines that never become an error are labels,
//! rendered by id in the language of `--lang` / `LANG`.

use super::{Entry, e};

pub(crate) const ENTRIES: &[Entry] = &[
    // `zhidu schema` and `zhidu fmt` (issue #17).
    e(
        "host.cannot_write_file",
        "cannot write `{path}`: {source}",
        "无法写入`{path}`：{source}",
    ),
    e(
        "host.unknown_schema",
        "no schema for `{kind}`",
        "没有`{kind}`的模式",
    ),
    e(
        "host.unknown_schema.help",
        "the kinds are `{kinds}`",
        "可用的种类为`{kinds}`",
    ),
    e(
        "host.missing_column",
        "`{path}` has no `{column}` column",
        "`{path}`中没有`{column}`列",
    ),
    e(
        "host.missing_column.help",
        "the first line must name the columns, e.g. `accepted_at,days`",
        "第一行须写明各列列名，例如`accepted_at,days`",
    ),
    e(
        "host.cannot_write",
        "cannot write the output: {message}",
        "无法写出结果：{message}",
    ),
    e(
        "host.cannot_write_csv",
        "cannot write csv: {message}",
        "无法写出 CSV：{message}",
    ),
    e(
        "host.cannot_write_json",
        "cannot write json: {message}",
        "无法写出 JSON：{message}",
    ),
    // A row of a batch: the CLI's `error` cell of `due --csv` (counted from 1) and the
    // Python package's `errors="raise"` and warning (indices from 0).
    e("host.row", "row {row}: {message}", "第{row}行：{message}"),
    e(
        "cli.no_published",
        "the notice file gives no `published` date",
        "节假日通知文件没有写明`published`发布日期",
    ),
    e(
        "cli.no_published.help",
        "give `--as-of`, or `published = YYYY-MM-DD` in its `[[year]]`",
        "请提供`--as-of`，或在通知的`[[year]]`中写明`published = YYYY-MM-DD`",
    ),
    e(
        "cli.case",
        "case `{id}`: {message}",
        "办件`{id}`：{message}",
    ),
    // The CLI's summary lines on stderr and stdout.
    e(
        "label.cli.outside_period",
        "{count} incident(s) outside {period} not used (rows {rows})",
        "{count}条扣分事项不在{period}内，未计入（第{rows}行）",
    ),
    e(
        "label.cli.unpriced_late",
        "{count} late case(s) in {period} priced by no rule (case rows {rows})",
        "{period}有{count}件逾期办件没有可计的扣分规则（办件第{rows}行）",
    ),
    e(
        "label.cli.after_as_of",
        "{count} record(s) after --as-of not decided",
        "{count}条记录晚于--as-of，未作决定",
    ),
    e(
        "label.cli.rows_summary",
        "{rows} rows, {answered} answered, {bad} with errors{blank}",
        "共{rows}行，{answered}行已算出，{bad}行有错误{blank}",
    ),
    e(
        "label.cli.blank_line",
        ", 1 blank line skipped",
        "，跳过1个空行",
    ),
    e(
        "label.cli.blank_lines",
        ", {count} blank lines skipped",
        "，跳过{count}个空行",
    ),
    e(
        "label.cli.checked",
        "checked {files}: {errors}, {warnings}",
        "已检查{files}：{errors}，{warnings}",
    ),
    e("label.cli.file", "{count} file", "{count}个文件"),
    e("label.cli.files", "{count} files", "{count}个文件"),
    e(
        "label.cli.notice_file",
        "{count} notice file",
        "{count}个通知文件",
    ),
    e(
        "label.cli.notice_files",
        "{count} notice files",
        "{count}个通知文件",
    ),
    e("label.cli.error", "{count} error", "{count}个错误"),
    e("label.cli.errors", "{count} errors", "{count}个错误"),
    e("label.cli.warning", "{count} warning", "{count}个警告"),
    e("label.cli.warnings", "{count} warnings", "{count}个警告"),
    e("label.cli.wrote", "wrote {path}", "已写出{path}"),
    e(
        "label.cli.progress",
        "report over {cases} cases …",
        "正在为{cases}件办件生成报告…",
    ),
    e(
        "label.cli.error_line",
        "error: {message}",
        "错误：{message}",
    ),
    e("label.cli.help_line", "help: {help}", "帮助：{help}"),
    e(
        "label.cli.cases_summary",
        "{total} cases: {details}",
        "共{total}件：{details}",
    ),
    e(
        "label.cli.with_errors",
        ", {count} with errors",
        "，{count}件有错误",
    ),
    e(
        "label.cli.provisional",
        " ({count} provisional)",
        "（{count}件为暂定）",
    ),
    e(
        "label.cli.not_yet_accepted",
        "; {count} accepted after the as-of instant, left out",
        "；{count}件受理时间晚于查询时刻，未计入",
    ),
    e(
        "label.cli.set_hash",
        "computed under sha256:{hash}",
        "计算依据 sha256:{hash}",
    ),
    e(
        "label.cli.provisional_note",
        "* provisional: the answer touched a year after the calendar's last State Council notice",
        "* 暂定：结果涉及日历最后一份国务院节假日通知之后的年份",
    ),
    e(
        "label.cli.diff_summary",
        "{total} cases: {moved} move, {bad} with errors",
        "共{total}件：{moved}件变动，{bad}件有错误",
    ),
    e(
        "label.cli.set_failed",
        "the {side} set `{set}` cannot be loaded: {message}",
        "{side}的制度集`{set}`无法加载：{message}",
    ),
    e("label.cli.side_before", "before", "变更前"),
    e("label.cli.side_after", "after", "变更后"),
];
