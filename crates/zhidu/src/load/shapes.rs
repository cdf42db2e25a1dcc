//! The JSON Schema shapes of the raw values the loader reads with its own code rather than a
//! derive: TOML dates, and `source` given as one table or a list of tables. Each says what
//! the file really accepts, so an editor flags exactly what `zhidu check` would.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::raw::{RawSource, RawSources};

/// A TOML local date such as `2026-10-01` (no time, no offset): what the loader's date
/// fields accept.
pub(crate) struct TomlDate;

impl JsonSchema for TomlDate {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "description": "日期，写作 TOML 本地日期，如 2026-10-01，不带时间和时区 / a TOML local date such as 2026-10-01, without time or offset",
        })
    }
}

impl JsonSchema for RawSources {
    fn schema_name() -> Cow<'static, str> {
        "Sources".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let one = generator.subschema_for::<RawSource>();
        json_schema!({
            "description": "出处：一个条款表，或多个条款表的列表 / where the entry comes from: one source table, or a list of them when it encodes several clauses",
            "anyOf": [one, { "type": "array", "items": one, "minItems": 1 }],
        })
    }
}
