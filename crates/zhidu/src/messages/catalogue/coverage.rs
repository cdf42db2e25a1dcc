//! Coverage: the clause index file and the citations checked against it.

use super::{Entry, e};

pub(crate) const ENTRIES: &[Entry] = &[
    e(
        "coverage.index_only",
        "a clause index file has only `[{section}]`, not `{name}`",
        "条款索引文件只能有`[{section}]`，不能有`{name}`",
    ),
    e(
        "coverage.index_only.help",
        "put policies and calendars in their own files",
        "制度和日历请放在各自的文件中",
    ),
    e(
        "coverage.regulation_twice",
        "regulation `{id}` is listed twice",
        "规定`{id}`重复列出",
    ),
    e(
        "coverage.reason_twice",
        "reason `{id}` is listed twice",
        "理由`{id}`重复列出",
    ),
    e(
        "coverage.clause_twice",
        "clause `{id}` is listed twice",
        "条款`{id}`重复列出",
    ),
    e(
        "coverage.no_regulation_of_clause",
        "clause `{id}` belongs to no regulation of the index",
        "条款`{id}`不属于索引中的任何规定",
    ),
    e(
        "coverage.no_regulation_of_clause.help",
        "a clause id starts with its regulation, such as `S2.`, listed in `regulations`",
        "条款编号以其所属规定开头（如`S2.`），该规定须列在`regulations`中",
    ),
    e(
        "coverage.no_reason",
        "no reason `{id}` in `reasons`",
        "`reasons`中没有理由`{id}`",
    ),
    e(
        "coverage.index_twice",
        "the clause index is defined twice",
        "条款索引重复定义",
    ),
    e(
        "coverage.not_indexed",
        "clause `{id}` is not in the clause index",
        "条款`{id}`不在条款索引中",
    ),
    e(
        "coverage.not_indexed.help",
        "check the id against regulations.md, or add it to `{file}`",
        "请对照regulations.md核对编号，或将其加入`{file}`",
    ),
    e(
        "coverage.no_index",
        "the policy set has no clause index",
        "制度集没有条款索引",
    ),
    e(
        "coverage.no_index.help",
        "load `policies/clauses.toml` with the policies",
        "请与制度一起加载`policies/clauses.toml`",
    ),
    e(
        "coverage.no_regulation",
        "no regulation `{id}` in the clause index",
        "条款索引中没有规定`{id}`",
    ),
    // `zhidu coverage`'s table.
    e("label.coverage.regulation", "regulation", "规定"),
    e("label.coverage.clauses", "clauses", "条款"),
    e("label.coverage.computable", "computable", "可计算"),
    e("label.coverage.encoded", "encoded", "已编码"),
    e("label.coverage.with_reason", "with reason", "注明理由"),
    e("label.coverage.planned", "planned", "编码中"),
    e("label.coverage.missing", "missing", "缺失"),
    e("label.coverage.total", "total", "合计"),
    e(
        "label.coverage.missing_clause",
        "missing: neither encoded nor a reason",
        "缺失：既未编码也无理由",
    ),
];
