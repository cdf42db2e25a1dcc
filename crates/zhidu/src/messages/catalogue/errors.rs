//! The error kinds' own messages and help texts, and the ones every domain shares.

use super::{Entry, e};

pub(crate) const ENTRIES: &[Entry] = &[
    // One per `Error` variant, as its `Display` writes it.
    e(
        "error.policy.one",
        "policy file `{file}` has an error at {line}:{column}: {message}",
        "制度文件`{file}`第{line}行第{column}列有错误：{message}",
    ),
    e(
        "error.policy.many",
        "policy files have {errors} errors, the first in `{file}` at {line}:{column}: {message}",
        "制度文件有{errors}处错误，第一处在`{file}`第{line}行第{column}列：{message}",
    ),
    e(
        "error.policy.none",
        "policy files have no errors",
        "制度文件没有错误",
    ),
    e(
        "error.coverage",
        "calendar `{calendar}` does not cover {year}",
        "日历`{calendar}`未覆盖{year}年",
    ),
    e(
        "error.unknown_policy",
        "no policy `{id}`",
        "没有编号为`{id}`的制度",
    ),
    e(
        "error.unknown_class",
        "policy `{policy}` has no deadline class or service item `{id}`",
        "制度`{policy}`中没有办结时限类别或事项`{id}`",
    ),
    e(
        "error.not_in_force",
        "policy `{policy}` is not in force on {date}",
        "制度`{policy}`在{date}不在施行期内",
    ),
    e(
        "error.too_large",
        "{what} is {size} {unit}, over the limit of {limit} {unit}",
        "{what}为{size}{unit}，超过上限{limit}{unit}",
    ),
    e(
        "error.io",
        "cannot read `{path}`: {message}",
        "无法读取`{path}`：{message}",
    ),
    // `Error::Input` and `Error::Conflict` carry the message of their site (other files).
    // Help texts of the error kinds.
    e(
        "help.coverage",
        "the calendar covers {first}–{last} (the notice years, then the years derived from the statute unless the policy sets `beyond_notices = \"error\"`); add the year's State Council notice as a notice file to go further",
        "该日历覆盖{first}—{last}年（先是已发布放假通知的年份，其后是依《全国年节及纪念日放假办法》推算的年份，除非制度设置了`beyond_notices = \"error\"`）；如需更晚的年份，请把当年国务院办公厅的放假安排通知作为通知文件加入",
    ),
    e(
        "help.did_you_mean",
        "did you mean `{name}`?",
        "是否想写`{name}`？",
    ),
    e(
        "help.not_in_force",
        "check the policy's `effective_from` and `effective_until`",
        "请核对制度的`effective_from`（施行日期）和`effective_until`（废止日期）",
    ),
    e(
        "help.too_large",
        "split the input or check that the right file was given",
        "请拆分输入，或确认给出的文件是否正确",
    ),
    e(
        "help.conflict",
        "decide this record by hand, or give one rule a higher `priority` in the policy",
        "请人工认定这条记录，或在制度中为其中一条规则设置更高的`priority`（优先级）",
    ),
    e(
        "help.expected_one_of",
        "expected one of {list}",
        "应为以下之一：{list}",
    ),
    // Naming the language itself (`Lang::from_str`).
    e("lang.empty", "the language is empty", "未指定语言"),
    e(
        "lang.unknown",
        "`{given}` is not a language zhidu writes",
        "zhidu 不支持语言`{given}`",
    ),
    e(
        "lang.help",
        "write `zh` (简体中文) or `en` (English)",
        "请写`zh`（简体中文）或`en`（English）",
    ),
];
