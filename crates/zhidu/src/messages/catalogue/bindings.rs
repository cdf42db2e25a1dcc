//! The bindings' own messages (the JavaScript package's and the Python package's argument
//! checks), so that a page or a notebook in Chinese shows them in Chinese: the binding builds
//! the English message, `message_in` renders it from here. `js.*` began as the JavaScript
//! package's, `py.*` are the Python package's own; the Python binding words a wrong-type and
//! a not-whole argument exactly as `js.wrong_type` and `js.not_whole` do and shares those two
//! entries, which keep their ids: the JavaScript package hands an error's catalogue id to its
//! users as a stable `key`.

use super::{Entry, e};

pub(crate) const ENTRIES: &[Entry] = &[
    // An argument that is missing, of the wrong type, or too large.
    e("js.missing", "missing `{what}`", "缺少`{what}`"),
    e(
        "js.give",
        "give `{what}`: {expected}",
        "请提供`{what}`：{expected}",
    ),
    e(
        "js.wrong_type",
        "`{what}` must be {expected}, not {got}",
        "`{what}`须为{expected}，而不是{got}",
    ),
    e(
        "js.not_whole",
        "`{what}` must be a whole number from 0 to 4294967295, not `{value}`",
        "`{what}`须为0至4294967295的整数，而不是`{value}`",
    ),
    e(
        "js.not_a_number",
        "`{key}` is {value}, which is not a number",
        "`{key}`为{value}，不是数字",
    ),
    e(
        "js.too_long",
        "`{what}` has {len} characters, over the limit of {max}",
        "`{what}`有{len}个字符，超过上限{max}",
    ),
    e(
        "js.too_many_rows",
        "`{what}` has {rows} rows, over the limit of {max} per call",
        "`{what}`有{rows}行，超过每次调用的上限{max}行",
    ),
    e(
        "js.too_many_acceptances",
        "`acceptedAt` has {rows} rows, over the limit of {max} per call",
        "`acceptedAt`有{rows}行，超过每次调用的上限{max}行",
    ),
    e(
        "js.accepted_at_not_string",
        "`acceptedAt` must be a string or a Date, not {kind}",
        "`acceptedAt`须为字符串或 Date 对象，而不是{kind}",
    ),
    e(
        "js.invalid_date",
        "`{what}` is an invalid `Date`",
        "`{what}`是无效的`Date`",
    ),
    // Thrown by the package's entry files (JavaScript, not the module): a function called
    // before `await init()` in the web build, and a handle used after `free()`. The entry
    // files carry these two templates; a test checks they are the same as here.
    e(
        "js.not_initialised",
        "`{call}` was called before the module was loaded: `await init()` first",
        "调用`{call}`时模块尚未加载：请先`await init()`",
    ),
    e(
        "js.closed",
        "`{call}` needs a live `{class}`: this one was freed, or is not one",
        "`{call}`需要有效的`{class}`：此对象已释放，或不是`{class}`",
    ),
    e(
        "js.accepted_at",
        "`acceptedAt`: {message}",
        "`acceptedAt`有误：{message}",
    ),
    e("js.case", "case: {message}", "办件有误：{message}"),
    e(
        "js.roster",
        "`roster`: {message}",
        "`roster`有误：{message}",
    ),
    e(
        "js.unknown_key",
        "unknown key `{key}` in `{what}`",
        "`{what}`中有未知的键`{key}`",
    ),
    e(
        "js.the_keys_are",
        "the keys are `{keys}`",
        "可用的键为`{keys}`",
    ),
    e(
        "js.threw",
        "reading `{what}` threw: {detail}",
        "读取`{what}`时抛出异常：{detail}",
    ),
    e(
        "js.cannot_convert",
        "cannot convert the result: {message}",
        "无法转换结果：{message}",
    ),
    e("js.cannot_set", "cannot set `{key}`", "无法设置`{key}`"),
    e(
        "js.cases_array",
        "`cases` must be an array of case objects",
        "`cases`须为办件对象的数组",
    ),
    e(
        "js.day_counts",
        "give one day count per acceptance, or none",
        "时限天数须每个受理时间一个，或不填",
    ),
    e(
        "js.day_counts_mismatch",
        "{rows} acceptances but {days} day counts",
        "受理时间{rows}个，但时限天数{days}个",
    ),
    e(
        "js.split_batch",
        "split the batch into several calls",
        "请将这批数据分成多次调用",
    ),
    e(
        "js.split_rows",
        "split the rows into several calls",
        "请将这些行分成多次调用",
    ),
    e(
        "js.month",
        "give a year such as 2026 and a month from 1 to 12",
        "请提供年份（如2026）和1至12的月份",
    ),
    e(
        "js.no_month",
        "no month {month} of year {year}",
        "{year}年没有第{month}月",
    ),
    // What an argument should be, or was, in words (`a string`, `a whole number` and `an
    // object` are the loader's and the rows' entries).
    e("js.a_bigint", "a bigint", "BigInt 类型的值"),
    e("js.a_boolean", "a boolean", "布尔值"),
    e("js.a_function", "a function", "函数"),
    e("js.a_number", "a number", "数字"),
    e("js.a_symbol", "a symbol", "Symbol 类型的值"),
    e("js.an_array", "an array", "数组"),
    e("js.an_exception", "an exception", "异常"),
    e("js.array_of_strings", "an array of strings", "字符串数组"),
    e(
        "js.array_of_strings_or_dates",
        "an array of strings or Dates",
        "字符串或 Date 对象的数组",
    ),
    e(
        "js.string_or_date",
        "a string or a Date",
        "字符串或 Date 对象",
    ),
    e("js.array_of_objects", "an array of objects", "对象数组"),
    e(
        "js.typed_array",
        "an Int32Array, Uint32Array, Float64Array or array of whole numbers",
        "Int32Array、Uint32Array、Float64Array 或整数数组",
    ),
    e("js.any_json", "any JSON value", "任意 JSON 值"),
    e("js.true_or_false", "true or false", "true 或 false"),
    e("js.a_file_name", "a file name", "文件名"),
    e("js.the_file_text", "the file's text", "文件的文本"),
    e(
        "js.the_file_text_await",
        "the file's text (`await file.text()`)",
        "文件的文本（`await file.text()`）",
    ),
    e("js.the_result", "the result", "结果"),
    e(
        "js.object_such_as",
        "an object such as {example}",
        "对象，例如{example}",
    ),
    e(
        "js.files_such_as",
        "an object of file names and texts such as {example}",
        "由文件名和文本组成的对象，例如{example}",
    ),
    e(
        "js.case_log_file",
        "the case log as a file such as {example}",
        "办件台账文件，例如{example}",
    ),
    // The Python package's own: its argument checks, the values a row cell cannot hold, and
    // the warning of a batch with bad rows.
    e(
        "py.errors_mode",
        "`errors` must be \"warn\", \"raise\" or \"collect\", not {got}",
        "`errors`须为\"warn\"、\"raise\"或\"collect\"，而不是{got}",
    ),
    e(
        "py.rows_failed",
        "{failed} of {rows} rows failed (rows {indices}); {first}; pass errors=\"collect\" to get every error or errors=\"raise\" to stop",
        "{rows}行中有{failed}行出错（行{indices}）；{first}；传入errors=\"collect\"可取得全部错误，传入errors=\"raise\"则在出错时停止",
    ),
    e(
        "py.index_out_of_range",
        "index out of range",
        "索引超出范围",
    ),
    e(
        "py.start_hint",
        "give a `datetime.date`, a `datetime.datetime` (naive means the calendar's zone) or an ISO 8601 string such as `2026-09-30T10:00:00+08:00`",
        "请提供`datetime.date`、`datetime.datetime`（不带时区的按日历所在时区）或 ISO 8601 字符串，例如`2026-09-30T10:00:00+08:00`",
    ),
    e(
        "py.start_type",
        "a start cannot be a `{kind}`",
        "起始时间不能是`{kind}`类型的值",
    ),
    e(
        "py.days_hint",
        "give the per-case limit in the class's unit, or None for the class's default",
        "请按类别的单位填写本件时限，或填None使用类别的默认时限",
    ),
    e(
        "py.column_names",
        "{what}: column names must be strings, not {got}",
        "{what}：列名须为字符串，而不是{got}",
    ),
    e(
        "py.nested_too_deep",
        "a value nested deeper than {levels} levels",
        "嵌套超过{levels}层的值",
    ),
    e(
        "py.not_utf8",
        "a string that is not UTF-8",
        "不是 UTF-8 的字符串",
    ),
    e(
        "py.unreadable_date",
        "a date that cannot be read ({message})",
        "无法读取的日期（{message}）",
    ),
    e(
        "py.unreadable_value",
        "a value that cannot be read",
        "无法读取的值",
    ),
    e("py.a_type", "a `{kind}`", "`{kind}`类型的值"),
    e(
        "py.rows_type",
        "an iterable of dicts, a pandas or polars DataFrame, a pyarrow Table or a dict of columns",
        "由字典组成的可迭代对象、pandas 或 polars DataFrame、pyarrow Table 或由列组成的字典",
    ),
    e(
        "py.wrap_row",
        "wrap a single row in a list",
        "单独一行请放在列表中传入",
    ),
    e(
        "py.sources",
        "`sources` must map file names to texts, or be (name, text) pairs",
        "`sources`须为文件名到文本的映射，或(name, text)对",
    ),
    e(
        "py.true_or_false",
        "`{what}` must be True or False",
        "`{what}`须为True或False",
    ),
    // The package's own Python code (`zhidu._columns`, `zhidu.pandas`, …), through `_text`.
    e(
        "py.column_not_table",
        "`{what}` must be one column, not a `{type}`: select it, such as `df[\"{what}\"]`",
        "`{what}`须为一列，而不是`{type}`：请选出该列，例如`df[\"{what}\"]`",
    ),
    e(
        "py.column_shape",
        "expected a one-dimensional column, got shape {shape}",
        "须为一维的列，实际形状为{shape}",
    ),
    e(
        "py.column_not_dates",
        "a column of dtype {dtype} is not dates: give datetime64 values, dates, datetimes or ISO 8601 strings",
        "dtype 为{dtype}的列不是日期：请提供 datetime64 值、date、datetime 或 ISO 8601 文本",
    ),
    e(
        "py.column_not_days",
        "a column of dtype {dtype} is not day counts: give integers",
        "dtype 为{dtype}的列不是天数：请提供整数",
    ),
    e(
        "py.column_lengths",
        "the columns have different lengths: {lengths}",
        "各列长度不一：{lengths}",
    ),
    e(
        "py.duplicate_columns",
        "the DataFrame has duplicate column names: {names}",
        "DataFrame 有重复的列名：{names}",
    ),
    e(
        "py.needs_pandas",
        "`Report.frames()` needs pandas, which is not installed: pip install pandas",
        "`Report.frames()`需要 pandas，但未安装：pip install pandas",
    ),
    e(
        "py.not_a_status",
        "`{value}` is not a case status: compare with one of {statuses} (past due and open is `red`; see also `.is_overdue`)",
        "`{value}`不是办件状态：请与{statuses}之一比较（已超期且未办结为`red`；另见`.is_overdue`）",
    ),
    e(
        "py.end_of_day_type",
        "`day` must be a date or `YYYY-MM-DD` text, not {type}",
        "`day`须为日期或`YYYY-MM-DD`文本，而不是{type}",
    ),
    e(
        "py.scorecard_kind",
        "`kind` must be \"person\", \"window\" or None, not {kind}",
        "`kind`须为\"person\"、\"window\"或 None，而不是{kind}",
    ),
    e(
        "py.as_of_date",
        "`as_of` `{date}` is 00:00 at the start of that day, so the day itself is not counted; pass `zhidu.end_of_day(\"{date}\")` for its end",
        "`as_of` `{date}`指当日0时（当日开始），当日本身不计入；如指当日结束，请传入`zhidu.end_of_day(\"{date}\")`",
    ),
    // Arrow in and out (issue #16): `zhidu._zhidu`'s `arrow` and `arrow_out`.
    e(
        "py.arrow_unreadable",
        "`{what}`: an Arrow stream that cannot be read ({message})",
        "`{what}`：无法读取的 Arrow 数据流（{message}）",
    ),
    e(
        "py.output_mode",
        "`output` must be None, \"numpy\" or \"arrow\", not {got}",
        "`output`须为 None、\"numpy\"或\"arrow\"，而不是{got}",
    ),
    e(
        "py.needs_pyarrow",
        "`output=\"arrow\"` needs pyarrow, which is not installed: pip install pyarrow",
        "`output=\"arrow\"`需要 pyarrow，但未安装：pip install pyarrow",
    ),
    e(
        "py.assessment",
        "`assessment` must be the result of `Policy.assess`",
        "`assessment`须为`Policy.assess`的结果",
    ),
];
