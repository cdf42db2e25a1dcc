//! Loading policy files: the file's shape, ids, dates, sections, imports, office hours.

use super::{Entry, e};

pub(crate) const ENTRIES: &[Entry] = &[
    // The file as TOML.
    e(
        "load.nesting",
        "values are nested {depth} levels deep, over the limit of {limit}",
        "取值嵌套{depth}层，超过上限{limit}层",
    ),
    e(
        "load.nesting.help",
        "policy files need only a few levels of tables and arrays",
        "制度文件只需要几层表和数组",
    ),
    e(
        "load.array_of_tables",
        "`{key}` must be an array of tables",
        "`{key}`必须是表数组",
    ),
    e(
        "load.array_of_tables.help",
        "write each entry as a `[[{key}]]` table",
        "请把每一项写成一个`[[{key}]]`表",
    ),
    e(
        "load.unknown_key",
        "unknown key `{given}`",
        "未知的键`{given}`",
    ),
    e(
        "load.unknown_value",
        "unknown value `{given}`",
        "未知的取值`{given}`",
    ),
    e("load.missing_key", "missing key `{name}`", "缺少键`{name}`"),
    e(
        "load.missing_key.help",
        "add `{name} = …` to this table",
        "请在此表中加上`{name} = …`",
    ),
    e(
        "load.invalid_type",
        "invalid type: {found}, expected {expected}",
        "类型不符：此处为{found}，应为{expected}",
    ),
    e(
        "load.invalid_value",
        "invalid value: {found}, expected {expected}",
        "取值无效：此处为{found}，应为{expected}",
    ),
    e(
        "load.invalid_length",
        "invalid length {found}, expected {expected}",
        "长度不符：此处为{found}，应为{expected}",
    ),
    e("load.duplicate_key", "duplicate key", "键重复"),
    e("load.invalid_toml", "invalid toml", "不是有效的 TOML"),
    e("load.found.integer", "integer `{value}`", "整数`{value}`"),
    e(
        "load.found.float",
        "floating point `{value}`",
        "小数`{value}`",
    ),
    e("load.found.string", "string `{value}`", "字符串`{value}`"),
    e("load.found.boolean", "boolean `{value}`", "布尔值`{value}`"),
    e("load.found.sequence", "sequence", "数组"),
    e("load.found.map", "map", "表"),
    e("load.expected.string", "a string", "字符串"),
    e("load.expected.sequence", "a sequence", "数组"),
    e("load.expected.map", "a map", "表"),
    e(
        "load.expected.u32",
        "a whole number from 0 to 4294967295",
        "0至4294967295之间的整数",
    ),
    e(
        "load.expected.u64",
        "a whole number from 0",
        "不小于0的整数",
    ),
    e("load.expected.int", "a whole number", "整数"),
    e("load.expected.bool", "`true` or `false`", "`true`或`false`"),
    e("load.expected.pair", "a pair `[a, b]`", "一对取值`[a, b]`"),
    e("load.expected.struct", "struct {name}", "表（{name}）"),
    e(
        "load.too_many_entries",
        "`{name}` has {count} entries, over the limit of {limit}",
        "`{name}`有{count}项，超过上限{limit}项",
    ),
    e(
        "load.not_utf8",
        "the file is not UTF-8 (first bad byte at offset {offset})",
        "文件不是 UTF-8 编码（第一个无效字节在偏移量{offset}处）",
    ),
    e(
        "load.too_deep",
        "directories nest deeper than {depth} levels",
        "目录嵌套超过{depth}层",
    ),
    // Sections and kinds of file.
    e(
        "load.unknown_section",
        "unknown section `{name}`",
        "未知的表`{name}`",
    ),
    e(
        "load.unknown_section.help",
        "a policy file has `[policy]`, `[[import]]` and deadline (`[[class]]`, `[[item]]`, `[[suspension]]`), deduction (`[assessment]`, `[[category]]`, `[[rule]]`, `[[effect]]`) and accountability (`[accountability]`, `[[tier]]`, `[[flag]]`, `[[violation]]`) sections; a calendar file has `[calendar]` and `[[year]]`",
        "制度文件包含`[policy]`、`[[import]]`，以及办结时限（`[[class]]`、`[[item]]`、`[[suspension]]`）、考核扣分（`[assessment]`、`[[category]]`、`[[rule]]`、`[[effect]]`）和责任追究（`[accountability]`、`[[tier]]`、`[[flag]]`、`[[violation]]`）各部分；日历文件包含`[calendar]`和`[[year]]`",
    ),
    e(
        "load.both_kinds",
        "a file cannot be both a calendar and a policy",
        "一个文件不能既是日历又是制度",
    ),
    e(
        "load.both_kinds.help",
        "put the calendar in its own file and refer to it by id from `[policy] calendar`",
        "请把日历单独放在一个文件中，并在`[policy] calendar`中按编号引用",
    ),
    e(
        "load.neither_kind",
        "the file has neither a `[policy]` nor a `[calendar]` table",
        "文件中既没有`[policy]`表，也没有`[calendar]`表",
    ),
    e(
        "load.neither_kind.help",
        "start a policy file with `[policy]` and its `id`",
        "制度文件应以`[policy]`及其`id`开头",
    ),
    e(
        "load.calendar_entries",
        "a calendar file cannot have `[[{name}]]` entries",
        "日历文件中不能有`[[{name}]]`项",
    ),
    e(
        "load.calendar_entries.help",
        "put deadline classes in a policy file",
        "办结时限类别应写在制度文件中",
    ),
    e(
        "load.notice_statute",
        "a notice file cannot have `[[statute]]` entries",
        "通知文件中不能有`[[statute]]`项",
    ),
    e(
        "load.notice_statute.help",
        "statute versions belong in the calendar it extends",
        "放假办法的各版本应写在它所扩展的日历中",
    ),
    e(
        "load.policy_years",
        "a policy file cannot have `[[year]]` entries",
        "制度文件中不能有`[[year]]`项",
    ),
    e(
        "load.policy_years.help",
        "holidays belong in a calendar file",
        "节假日应写在日历文件中",
    ),
    // Ids and dates.
    e(
        "load.bad_id",
        "`{id}` is not a valid id",
        "`{id}`不是有效的编号",
    ),
    e(
        "load.bad_id.help",
        "ids are 1–{max} ASCII letters, digits, `-`, `_` or `.`, starting with a letter or digit",
        "编号由1—{max}个 ASCII 字母、数字、`-`、`_`或`.`组成，以字母或数字开头",
    ),
    e(
        "load.bad_date",
        "`{value}` is not a date",
        "`{value}`不是日期",
    ),
    e(
        "load.bad_date.help",
        "write a plain TOML date such as `2026-10-01`, without time or offset",
        "请写不带时间和时区的 TOML 日期，例如`2026-10-01`",
    ),
    e(
        "load.calendar_twice",
        "calendar `{id}` is defined twice",
        "日历`{id}`重复定义",
    ),
    e(
        "load.other_in",
        "the other is in `{file}`",
        "另一处在`{file}`",
    ),
    e(
        "load.no_calendar",
        "no calendar `{id}`",
        "没有编号为`{id}`的日历",
    ),
    e(
        "load.policy_twice",
        "policy `{id}` is defined twice",
        "制度`{id}`重复定义",
    ),
    e(
        "load.until_before_from",
        "`effective_until` {until} is before `effective_from` {from}",
        "`effective_until`（废止日期）{until}早于`effective_from`（施行日期）{from}",
    ),
    e(
        "load.not_covered",
        "no date the policy is in force on is covered by calendar `{id}` ({first}–{last})",
        "制度施行期内没有任何一天在日历`{id}`的覆盖范围内（{first}—{last}年）",
    ),
    e(
        "load.not_covered.help",
        "check `effective_from`/`effective_until`, or extend the calendar",
        "请核对`effective_from`/`effective_until`，或扩展日历",
    ),
    // Deadline classes, items and suspension reasons.
    e(
        "load.office_close",
        "`office_close` needs the policy's office sessions",
        "`office_close`（下班时到期）需要制度规定的办公时间",
    ),
    e(
        "load.no_sessions.help",
        "office hours are the policy's, not the calendar's: add `[policy.office_sessions]` with `sessions = [[\"08:30\", \"11:00\"], …]` and the `source` clause that states them",
        "办公时间属于制度而非日历：请加上`[policy.office_sessions]`，写明`sessions = [[\"08:30\", \"11:00\"], …]`和规定办公时间的`source`条款",
    ),
    e(
        "load.id_twice",
        "id `{id}` is used twice",
        "编号`{id}`被使用了两次",
    ),
    e(
        "load.already_id_of",
        "it is already the id of `{other}`",
        "它已是`{other}`的编号",
    ),
    e(
        "load.office_minutes_without_sessions",
        "class `{id}` counts `office_minutes` but the policy has no office sessions",
        "类别`{id}`按办公时间分钟计时，但制度没有规定办公时间",
    ),
    e(
        "load.no_class",
        "no deadline class `{id}`",
        "没有办结时限类别`{id}`",
    ),
    e(
        "load.promised_above_legal",
        "promised limit {promised} is above the legal limit {legal}",
        "承诺时限{promised}超过法定时限{legal}",
    ),
    e(
        "load.promised_above_legal.help",
        "a promised limit (承诺时限) may not exceed the legal one (法定时限)",
        "承诺时限不得超过法定时限",
    ),
    e(
        "load.item_replaces_fixed",
        "item's promised limit {promised} replaces class `{class}`'s fixed limit {limit}",
        "事项的承诺时限{promised}取代了类别`{class}`的固定时限{limit}",
    ),
    e(
        "load.reason_twice",
        "suspension reason `{id}` is defined twice",
        "中止事由`{id}`重复定义",
    ),
    e(
        "load.empty_policy",
        "policy `{id}` has no deadline classes and no deduction table",
        "制度`{id}`既没有办结时限类别，也没有扣分表",
    ),
    e(
        "load.limit_above_legal",
        "limit {limit} is above the legal limit {legal}",
        "时限{limit}超过法定时限{legal}",
    ),
    e(
        "load.fixed_and_per_case",
        "a class cannot have both a fixed `limit` and `per_case = true`",
        "类别不能同时有固定时限`limit`和`per_case = true`（按件承诺）",
    ),
    e(
        "load.fixed_and_per_case.help",
        "use `default_limit` for the per-case default",
        "按件承诺的默认时限请用`default_limit`",
    ),
    e(
        "load.no_limit",
        "class `{id}` has no limit",
        "类别`{id}`没有时限",
    ),
    e(
        "load.no_limit.help",
        "set `limit = N`, or `per_case = true` when the limit is promised per case; where the regulation leaves the number blank, set it and mark it as a default",
        "请设置`limit = N`；时限按件承诺的，设置`per_case = true`；规章未规定具体数值的，请自行设定并标注为默认值",
    ),
    e(
        "load.smaller_bound_first",
        "write the smaller bound first",
        "请先写较小的界限",
    ),
    e(
        "load.default_above_legal",
        "default limit {limit} is above the legal limit {legal}",
        "默认时限{limit}超过法定时限{legal}",
    ),
    e(
        "load.default_outside_usual",
        "default limit {limit} is outside the usual range [{lo}, {hi}]",
        "默认时限{limit}超出通常范围[{lo}, {hi}]",
    ),
    e(
        "load.default_needs_per_case",
        "`default_limit` needs `per_case = true`",
        "`default_limit`（默认时限）需要`per_case = true`（按件承诺）",
    ),
    e(
        "load.roll_only_calendar_days",
        "`roll_to_working_day` only affects `calendar_days` classes",
        "`roll_to_working_day`（到期日顺延至工作日）只对按自然日计算的类别起作用",
    ),
    e(
        "load.capped_and_uncapped",
        "a class cannot have both `max_extension` and `uncapped_extension = true`",
        "类别不能同时有`max_extension`（延长上限）和`uncapped_extension = true`（延长不设上限）",
    ),
    e(
        "load.capped_and_uncapped.help",
        "keep `max_extension = N` for a cap, or `uncapped_extension = true` for none",
        "设上限的保留`max_extension = N`，不设上限的保留`uncapped_extension = true`",
    ),
    e(
        "load.no_reason",
        "policy `{policy}` has no suspension reason `{id}`",
        "制度`{policy}`中没有中止事由`{id}`",
    ),
    e(
        "load.known_reasons",
        "known reasons: {list}",
        "已有的事由：{list}",
    ),
    // Office hours.
    e(
        "load.sessions_empty",
        "`sessions` is empty",
        "`sessions`（办公时段）为空",
    ),
    e(
        "load.sessions_empty.help",
        "list the sessions as `[[\"08:30\", \"11:00\"], …]`",
        "请把办公时段写成`[[\"08:30\", \"11:00\"], …]`",
    ),
    e(
        "load.session_overlaps",
        "session `{from}`–`{to}` overlaps or precedes the one before it",
        "办公时段`{from}`—`{to}`与前一时段重叠或早于前一时段",
    ),
    e(
        "load.session_overlaps.help",
        "list sessions in order, without overlap",
        "请按先后顺序列出办公时段，不要重叠",
    ),
    e(
        "load.session_backwards",
        "session `{from}`–`{to}` ends before it starts",
        "办公时段`{from}`—`{to}`的结束早于开始",
    ),
    e(
        "load.session_not_times",
        "`{from}`–`{to}` is not a pair of wall times",
        "`{from}`—`{to}`不是一对钟点时间",
    ),
    e(
        "load.session_not_times.help",
        "write sessions as `[\"08:30\", \"11:00\"]`, 24-hour `HH:MM`",
        "请用24小时制`HH:MM`写办公时段，例如`[\"08:30\", \"11:00\"]`",
    ),
    // Imports.
    e(
        "load.import_cycle",
        "import cycle: {cycle}",
        "循环导入：{cycle}",
    ),
    e(
        "load.import_cycle.help",
        "a policy cannot import, directly or through others, from itself: keep each rule in the policy of the regulation that states it",
        "制度不能直接或间接地从自身导入：每条规则应放在规定它的规章所对应的制度中",
    ),
    e(
        "load.import_unknown",
        "no policy `{id}` to import from",
        "没有可供导入的制度`{id}`",
    ),
    e(
        "load.import_unknown.help",
        "name a policy of the set or a builtin one",
        "请写本制度集中或内置的制度编号",
    ),
    e(
        "load.import_no_table",
        "policy `{id}` has no deduction table to import rules from",
        "制度`{id}`没有可供导入规则的扣分表",
    ),
    e(
        "load.import_twice",
        "rule `{rule}` is imported twice",
        "规则`{rule}`被导入了两次",
    ),
    e(
        "load.already_imported",
        "it is already imported at `{path}`",
        "已在`{path}`处导入",
    ),
    e(
        "load.already_set",
        "it is already set at `{path}`",
        "已在`{path}`处设置",
    ),
];
