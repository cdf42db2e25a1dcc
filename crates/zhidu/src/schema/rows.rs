//! The JSON Schema of an input row kind, made from its [`crate::rows::Schema`] — the same
//! declaration every host's reader uses — so the schema accepts exactly the spellings the
//! readers accept (see `rows/values.rs`): a whole number may come as digits, a date as text.

use serde_json::{Map, Value, json};

use crate::Lang;
use crate::rows::{Field, FieldType, Schema};

/// A whole number given as digits (a CSV cell, a spreadsheet's text), or blank (missing).
const WHOLE_TEXT: &str = r"^\s*([+-]?[0-9]+)?\s*$";
/// Days given as digits: no sign but `+`; or blank.
const DAYS_TEXT: &str = r"^\s*(\+?[0-9]+)?\s*$";
/// A date, a wall time or an instant as text (`2026-10-12`, `2026-10-12T09:30`, RFC 3339),
/// or blank (missing).
const INSTANT_TEXT: &str = r"^\s*([0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?)?\s*$";
/// Yes or no as text, any case.
const BOOL_TEXT: &str =
    r"^\s*([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|[Yy][Ee][Ss]|[Nn][Oo]|1|0)?\s*$";
/// An exact decimal as text, or blank.
const AMOUNT_TEXT: &str = r"^\s*([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+))?\s*$";
/// Blank text, which every reader takes as a missing value.
const BLANK: &str = r"^\s*$";

/// `中文 / English` for a text of the catalogue, or the English alone where it has none.
pub(crate) fn both(english: &str) -> String {
    let zh = Lang::Zh.translate(english);
    if zh == english {
        english.to_owned()
    } else {
        [zh.as_str(), " / ", english].concat()
    }
}

/// The schema of one field's values.
fn field_type(ty: FieldType) -> Value {
    match ty {
        FieldType::Text => json!({ "type": ["string", "integer", "null"] }),
        FieldType::Whole => json!({ "anyOf": [
            { "type": ["integer", "null"] },
            { "type": "string", "pattern": WHOLE_TEXT },
        ]}),
        FieldType::Days => json!({ "anyOf": [
            { "type": "integer", "minimum": 0, "maximum": u32::MAX },
            { "type": "null" },
            { "type": "string", "pattern": DAYS_TEXT },
        ]}),
        FieldType::Instant => json!({ "type": ["string", "null"], "pattern": INSTANT_TEXT }),
        FieldType::Bool => json!({ "anyOf": [
            { "type": ["boolean", "null"] },
            { "enum": [0, 1] },
            { "type": "string", "pattern": BOOL_TEXT },
        ]}),
        FieldType::Flags => json!({ "anyOf": [
            { "type": "array", "items": { "type": "string" } },
            { "type": ["string", "null"] },
        ]}),
        FieldType::Events => json!({ "anyOf": [
            { "type": "array", "items": { "$ref": "#/definitions/event" } },
            { "type": ["string", "null"] },
        ]}),
        FieldType::Amount => json!({ "anyOf": [
            { "type": ["number", "null"] },
            { "type": "string", "pattern": AMOUNT_TEXT },
        ]}),
    }
}

/// One field's schema with its description in both languages; a required field may not be
/// null or blank, which the readers take as missing.
fn field(f: &Field) -> Value {
    let mut v = field_type(f.ty);
    if let Value::Object(m) = &mut v {
        if f.required {
            m.insert(
                "not".to_owned(),
                json!({ "anyOf": [{ "type": "null" }, { "type": "string", "pattern": BLANK }] }),
            );
        }
        m.insert(
            "description".to_owned(),
            Value::String(format!("{} ({})", both(f.doc), f.ty.name())),
        );
    }
    v
}

/// The object schema of a row kind (no `$schema`, for embedding).
fn object(kind: &Schema) -> Value {
    let mut properties = Map::new();
    let mut required: Vec<Value> = Vec::new();
    for f in kind.fields {
        properties.insert(f.name.to_owned(), field(f));
        for alias in f.aliases {
            properties.insert(
                (*alias).to_owned(),
                json!({ "$ref": format!("#/properties/{}", f.name), "description": format!("= `{}`", f.name) }),
            );
        }
        if f.required {
            // A required field may come under any of its names.
            let names: Vec<Value> = core::iter::once(f.name)
                .chain(f.aliases.iter().copied())
                .map(|n| json!({ "required": [n] }))
                .collect();
            required.push(json!({ "anyOf": names }));
        }
    }
    let name = Lang::Zh
        .text(&format!("rows.kind.{}", kind.kind), &[])
        .map_or_else(
            || kind.kind.to_owned(),
            |zh| [zh.as_str(), " / ", kind.kind].concat(),
        );
    let mut m = Map::new();
    m.insert("title".to_owned(), json!(name));
    m.insert("description".to_owned(), json!(both(kind.hint)));
    m.insert("type".to_owned(), json!("object"));
    m.insert("properties".to_owned(), Value::Object(properties));
    m.insert("additionalProperties".to_owned(), json!(false));
    if !required.is_empty() {
        m.insert("allOf".to_owned(), Value::Array(required));
    }
    Value::Object(m)
}

/// The schema of one row of `kind`, a JSON object (a line of JSON Lines, an element of a
/// JSON array, a CSV row read as texts).
pub(crate) fn row_schema(kind: &Schema) -> Value {
    let mut v = object(kind);
    if let Value::Object(m) = &mut v {
        m.insert(
            "$schema".to_owned(),
            json!("http://json-schema.org/draft-07/schema#"),
        );
        if kind.fields.iter().any(|f| f.ty == FieldType::Events) {
            m.insert(
                "definitions".to_owned(),
                json!({ "event": object(&crate::rows::EVENT) }),
            );
        }
    }
    v
}
