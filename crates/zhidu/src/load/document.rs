//! Reading one TOML file into raw entries, turning every fault into a located diagnostic.
//!
//! The file is parsed once into a spanned tree; each top-level section and each entry of an
//! array of tables is then decoded on its own, so that a fault in one class does not hide a
//! fault in the next: `zhidu check` reports them all.

use core::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use crate::diagnostic::{Diagnostic, SourceText, did_you_mean};

/// The most bytes one policy file may have; larger files are refused, not parsed.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// The deepest nesting of arrays and tables accepted in a policy file.
pub const MAX_NESTING: usize = 32;

/// A parsed file: its text and its spanned top-level table.
pub(crate) struct Document<'a> {
    pub(crate) src: SourceText<'a>,
    pub(crate) root: Spanned<DeTable<'a>>,
}

impl<'a> Document<'a> {
    /// Parse `text`, recovering from syntax errors so that each becomes a diagnostic.
    pub(crate) fn parse(name: &'a str, text: &'a str, out: &mut Vec<Diagnostic>) -> Option<Self> {
        let src = SourceText::new(name, text);
        let (root, errors) = DeTable::parse_recoverable(text);
        let had_errors = !errors.is_empty();
        for e in errors {
            out.push(src.error(e.span(), "", clean_message(e.message()), None));
        }
        if had_errors {
            return None;
        }
        // The first top-level key whose value nests too deep, pointed at the value that
        // passes the limit (not at the file's start: issue #18, a hostile rota).
        let deep = root.get_ref().iter().find_map(|(k, v)| {
            let (depth, at) = nesting(v, 1);
            (depth > MAX_NESTING).then(|| (depth, at, k.get_ref().to_string()))
        });
        if let Some((depth, at, key)) = deep {
            out.push(src.error(
                Some(at),
                &key,
                format!("values are nested {depth} levels deep, over the limit of {MAX_NESTING}"),
                Some("policy files need only a few levels of tables and arrays".to_owned()),
            ));
            return None;
        }
        Some(Document { src, root })
    }

    /// Top-level keys with their values, in file order.
    pub(crate) fn sections(
        &self,
    ) -> Vec<(&Spanned<std::borrow::Cow<'a, str>>, &Spanned<DeValue<'a>>)> {
        let mut v: Vec<_> = self.root.get_ref().iter().collect();
        v.sort_by_key(|(k, _)| k.span().start);
        v
    }

    /// Decode a whole section (a table) into `T`.
    pub(crate) fn decode<T: DeserializeOwned>(
        &self,
        path: &str,
        value: &Spanned<DeValue<'a>>,
        out: &mut Vec<Diagnostic>,
    ) -> Option<T> {
        let de = ValueDeserializer::from(value.clone());
        match T::deserialize(de) {
            Ok(t) => Some(t),
            Err(e) => {
                out.push(self.decode_error(path, value, &e));
                None
            }
        }
    }

    /// Decode each entry of an array of tables `[[key]]` into `T`, with its index.
    pub(crate) fn decode_entries<T: DeserializeOwned>(
        &self,
        key: &str,
        value: &Spanned<DeValue<'a>>,
        out: &mut Vec<Diagnostic>,
    ) -> Vec<(usize, T)> {
        let DeValue::Array(items) = value.get_ref() else {
            out.push(self.src.error(
                Some(value.span()),
                key,
                format!("`{key}` must be an array of tables"),
                Some(format!("write each entry as a `[[{key}]]` table")),
            ));
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                let path = format!("{key}[{i}]");
                self.decode(&path, item, out).map(|t| (i, t))
            })
            .collect()
    }

    fn decode_error(
        &self,
        path: &str,
        value: &Spanned<DeValue<'a>>,
        e: &toml::de::Error,
    ) -> Diagnostic {
        let span = e.span().unwrap_or_else(|| value.span());
        let full_path = path_at(value, path.to_owned(), span.start);
        let (message, help) = explain_serde_message(e.message());
        self.src.error(Some(span), full_path, message, help)
    }

    pub(crate) fn error_at(
        &self,
        span: Range<usize>,
        path: impl Into<String>,
        message: impl Into<String>,
        help: Option<String>,
    ) -> Diagnostic {
        self.src.error(Some(span), path, message, help)
    }
}

/// The deepest key path inside `value` whose key or value covers `offset`.
fn path_at(value: &Spanned<DeValue<'_>>, base: String, offset: usize) -> String {
    match value.get_ref() {
        DeValue::Table(t) => {
            for (k, v) in t.iter() {
                let covers = |r: Range<usize>| r.start <= offset && offset < r.end.max(r.start + 1);
                if covers(k.span()) || covers(v.span()) {
                    let path = if base.is_empty() {
                        k.get_ref().to_string()
                    } else {
                        format!("{base}.{}", k.get_ref())
                    };
                    return path_at(v, path, offset);
                }
            }
            base
        }
        DeValue::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let r = v.span();
                if r.start <= offset && offset < r.end {
                    return path_at(v, format!("{base}[{i}]"), offset);
                }
            }
            base
        }
        _ => base,
    }
}

/// How deeply `value` nests tables and arrays (stops counting past the limit), with the span
/// of the deepest value reached.
fn nesting(value: &Spanned<DeValue<'_>>, depth: usize) -> (usize, core::ops::Range<usize>) {
    if depth > MAX_NESTING {
        return (depth, value.span());
    }
    let children: Box<dyn Iterator<Item = &Spanned<DeValue<'_>>>> = match value.get_ref() {
        DeValue::Table(t) => Box::new(t.iter().map(|(_, v)| v)),
        DeValue::Array(a) => Box::new(a.iter()),
        _ => return (depth, value.span()),
    };
    children
        .map(|v| nesting(v, depth + 1))
        .max_by_key(|(d, _)| *d)
        .unwrap_or((depth, value.span()))
}

/// Turn serde's wording into ours: "unknown field" → "unknown key" with a did-you-mean.
fn explain_serde_message(msg: &str) -> (String, Option<String>) {
    let msg = clean_message(msg);
    for (prefix, noun) in [("unknown field `", "key"), ("unknown variant `", "value")] {
        if let Some(rest) = msg.strip_prefix(prefix) {
            let (given, tail) = rest.split_once('`').unwrap_or((rest, ""));
            let expected: Vec<&str> = tail.split('`').skip(1).step_by(2).collect();
            let help = did_you_mean(given, expected.iter().copied()).or_else(|| {
                (!expected.is_empty()).then(|| {
                    format!(
                        "expected one of {}",
                        expected
                            .iter()
                            .map(|e| format!("`{e}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                })
            });
            return (format!("unknown {noun} `{given}`"), help);
        }
    }
    if let Some(rest) = msg.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        return (
            format!("missing key `{name}`"),
            Some(format!("add `{name} = …` to this table")),
        );
    }
    (friendly_types(&msg), None)
}

/// Serde names Rust types; say what the file should hold instead.
fn friendly_types(msg: &str) -> String {
    let mut msg = msg.to_owned();
    for (rust, words) in [
        (
            "expected u32",
            "expected a whole number from 0 to 4294967295",
        ),
        ("expected u64", "expected a whole number from 0"),
        ("expected i32", "expected a whole number"),
        ("expected i64", "expected a whole number"),
        ("expected a boolean", "expected `true` or `false`"),
        // Integers past i64 come as i128 or u128: no Rust type names in messages.
        ("` as i128,", "`,"),
        ("` as u128,", "`,"),
        ("expected an array of length 2", "expected a pair `[a, b]`"),
    ] {
        msg = msg.replace(rust, words);
    }
    // Put user input in backticks: `invalid type: string "x"` → `invalid type: string `"x"``.
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            let found = match found.split_once(' ') {
                Some((kind, value)) if !value.starts_with('`') => format!("{kind} `{value}`"),
                _ => found.to_owned(),
            };
            return format!("invalid type: {found}, expected {expected}");
        }
    }
    msg
}

fn clean_message(msg: &str) -> String {
    let msg = msg.trim().trim_end_matches('.');
    let mut chars = msg.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => "invalid toml".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_field_gets_a_hint() {
        let (m, h) = explain_serde_message(
            "unknown field `untis`, expected one of `id`, `name`, `unit`, `limit`",
        );
        assert_eq!(m, "unknown key `untis`");
        assert_eq!(h.as_deref(), Some("did you mean `unit`?"));
    }

    #[test]
    fn unknown_variant_lists_choices_when_nothing_is_close() {
        let (m, h) =
            explain_serde_message("unknown variant `weeks`, expected `pause` or `restart`");
        assert_eq!(m, "unknown value `weeks`");
        assert_eq!(h.as_deref(), Some("expected one of `pause`, `restart`"));
    }
}
