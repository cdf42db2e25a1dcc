//! The hosts' own messages (the CLI's files and output), so that every host speaks from the
//! one catalogue.

use super::{Entry, e};

pub(crate) const ENTRIES: &[Entry] = &[
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
];
