//! The messages of `zhidu-arrow`: Arrow record batches in and out (issue #16).

use super::{Entry, e};

pub(crate) const ENTRIES: &[Entry] = &[
    e(
        "arrow.unsupported_type",
        "column `{name}` has the Arrow type `{type}`, which zhidu does not read",
        "`{name}`列的 Arrow 类型为`{type}`，zhidu 无法读取",
    ),
    e(
        "arrow.unsupported_type.help",
        "give text (Utf8 or a dictionary of it), whole numbers, Float64, Boolean, Date32, Timestamp, a List or a Struct",
        "请给出文本（Utf8 或其字典编码）、整数、Float64、Boolean、Date32、Timestamp、List 或 Struct",
    ),
];
