//! JSON Schemas of every policy file kind and every input row kind (feature `schema`), for
//! editors (taplo, Even Better TOML) and for checking inputs before `zhidu check` does.
//!
//! The policy schemas are derived (schemars) from the loader's own raw types, so a key the
//! loader rejects is one the schema rejects; the row schemas are made from the row kinds'
//! [`crate::rows::Schema`] declarations. Descriptions are in Chinese and English.
//!
//! | kind | file |
//! |---|---|
//! | `policy` | a policy file (`[policy]` and its sections) |
//! | `calendar` | a calendar or notice file (`[calendar]`, `[[year]]`, `[[statute]]`) |
//! | `clauses` | the clause index (`policies/clauses.toml`) |
//! | `case`, `incident`, … | one input row of that kind ([`crate::rows::KINDS`]) |

mod files;
mod rows;

use schemars::generate::SchemaSettings;
use serde_json::Value;

/// The kinds of policy file, in the order `zhidu schema` lists them.
pub const FILE_KINDS: [&str; 3] = ["policy", "calendar", "clauses"];

/// Every kind with a schema: the policy file kinds, then the row kinds.
///
/// # Example
///
/// ```
/// let kinds = zhidu::schema::kinds();
/// assert_eq!(kinds[..3], ["policy", "calendar", "clauses"]);
/// assert!(kinds.contains(&"incident"));
/// ```
#[must_use]
pub fn kinds() -> Vec<&'static str> {
    FILE_KINDS
        .iter()
        .copied()
        .chain(crate::rows::KINDS.iter().map(|k| k.kind))
        .collect()
}

/// The JSON Schema (draft 7) of `kind`, or `None` for a kind without one.
///
/// # Example
///
/// ```
/// let policy = zhidu::schema::schema("policy").unwrap();
/// assert_eq!(policy["additionalProperties"], false);
/// assert!(policy["properties"]["class"].is_object());
/// let case = zhidu::schema::schema("case").unwrap();
/// assert!(case["properties"]["accepted_at"].is_object());
/// assert!(zhidu::schema::schema("nope").is_none());
/// ```
#[must_use]
pub fn schema(kind: &str) -> Option<Value> {
    let generator = || SchemaSettings::draft07().into_generator();
    let file = match kind {
        "policy" => generator().into_root_schema_for::<files::PolicyFile>(),
        "calendar" => generator().into_root_schema_for::<files::CalendarFile>(),
        "clauses" => generator().into_root_schema_for::<files::ClauseIndexFile>(),
        _ => {
            return crate::rows::KINDS
                .iter()
                .find(|k| k.kind == kind)
                .map(|k| rows::row_schema(k));
        }
    };
    Some(toml_shaped(file.to_value()))
}

/// The derived schema as TOML sees it: TOML has no null (an absent key is the only "none"),
/// so `Option`'s null is dropped; and the root's identification comes first.
fn toml_shaped(value: Value) -> Value {
    let Value::Object(mut root) = drop_null(value) else {
        return Value::Null;
    };
    let mut out = serde_json::Map::new();
    for key in ["$schema", "title", "description"] {
        if let Some(v) = root.remove(key) {
            out.insert(key.to_owned(), v);
        }
    }
    out.extend(root);
    Value::Object(out)
}

/// `Option<T>`'s shapes without their null: `"type": [T, "null"]` → `T`, `anyOf: [T, null]`
/// → `T`, `"default": null` removed.
fn drop_null(value: Value) -> Value {
    match value {
        Value::Object(m) => {
            let mut out = serde_json::Map::new();
            for (k, v) in m {
                match (k.as_str(), v) {
                    ("default", Value::Null) => {}
                    ("type", Value::Array(types)) => {
                        let mut kept: Vec<Value> =
                            types.into_iter().filter(|t| t != "null").collect();
                        let v = match kept.len() {
                            1 => kept.pop().unwrap_or_default(),
                            _ => Value::Array(kept),
                        };
                        out.insert(k, v);
                    }
                    ("anyOf", Value::Array(arms)) => {
                        let null = serde_json::json!({ "type": "null" });
                        let mut kept: Vec<Value> = arms
                            .into_iter()
                            .filter(|a| *a != null)
                            .map(drop_null)
                            .collect();
                        match (kept.len(), kept.pop()) {
                            (1, Some(Value::Object(only))) => out.extend(only),
                            (_, Some(last)) => {
                                kept.push(last);
                                out.insert(k, Value::Array(kept));
                            }
                            (_, None) => {}
                        }
                    }
                    (_, v) => {
                        out.insert(k, drop_null(v));
                    }
                }
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.into_iter().map(drop_null).collect()),
        other => other,
    }
}

/// The JSON text of `kind`'s schema as shipped in `policies/schema/` (pretty, one final
/// newline), or `None` for a kind without one.
///
/// # Example
///
/// ```
/// let text = zhidu::schema::schema_text("calendar").unwrap();
/// assert!(text.starts_with("{\n") && text.ends_with("}\n"));
/// ```
#[must_use]
pub fn schema_text(kind: &str) -> Option<String> {
    let value = schema(kind)?;
    let mut text = serde_json::to_string_pretty(&value).ok()?;
    text.push('\n');
    Some(text)
}

#[cfg(test)]
mod tests;
