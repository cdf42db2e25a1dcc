//! Reading a policy file into entries: each top-level table and each table of an array of
//! tables is one entry; inside a single table (`[access]`, `[rota]`, `[policy]`) an array of
//! tables or a sub-table with its own `source` is an entry of its own (`access.rule`,
//! `rota.convener`). Every other key is a value, kept as written.

use std::borrow::Cow;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Entry, EntryValue, MarkedDefault, PolicyRules};
use crate::load::document::Document;
use crate::source::{Clause, DefaultNote};
use crate::{Error, Policy};

/// The entries of policy `p` read from its file's `text`.
pub(super) fn policy_rules(p: &Policy, text: &str) -> Result<PolicyRules, Error> {
    // As the loader reads it: no byte-order mark, `\n` line ends.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text: Cow<'_, str> = if text.contains("\r\n") {
        Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(text)
    };
    let mut diagnostics = Vec::new();
    let doc =
        Document::parse(p.file(), &text, &mut diagnostics).ok_or(Error::Policy { diagnostics })?;
    let mut reader = Reader {
        doc: &doc,
        policy: p.id(),
        entries: Vec::new(),
    };
    for (key, value) in doc.sections() {
        let section = key.get_ref().as_ref();
        match value.get_ref() {
            DeValue::Table(t) => {
                let id = if section == "policy" { p.id() } else { section };
                reader.entry(section, section, id, value.span().start, t, true);
            }
            DeValue::Array(items) => reader.array(section, section, items),
            _ => {}
        }
    }
    let (from, until) = p.effective();
    Ok(PolicyRules {
        policy: p.id().to_owned(),
        name: p.name().to_owned(),
        version: p.version().to_owned(),
        effective_from: from.to_string(),
        effective_until: until.map(|d| d.to_string()),
        file: p.file().to_owned(),
        entries: reader.entries,
    })
}

struct Reader<'d, 'a> {
    doc: &'d Document<'a>,
    policy: &'d str,
    entries: Vec<Entry>,
}

impl Reader<'_, '_> {
    /// One entry per table of an array of tables.
    fn array(&mut self, kind: &str, path: &str, items: &[Spanned<DeValue<'_>>]) {
        for (i, item) in items.iter().enumerate() {
            if let DeValue::Table(t) = item.get_ref() {
                let number = (i + 1).to_string();
                let id = own_id(t).unwrap_or(Cow::Borrowed(&number));
                let at = format!("{path}[{i}]");
                self.entry(kind, &at, &id, item.span().start, t, false);
            }
        }
    }

    /// The entry of table `t`; with `nested`, its arrays of tables and cited sub-tables are
    /// entries of their own, listed after it.
    fn entry(
        &mut self,
        kind: &str,
        path: &str,
        id: &str,
        start: usize,
        t: &DeTable<'_>,
        nested: bool,
    ) {
        let (line, _) = self.doc.src.locate(start);
        let mut e = Entry {
            policy: self.policy.to_owned(),
            kind: kind.to_owned(),
            id: id.to_owned(),
            name: None,
            file: self.doc.src.name.to_owned(),
            path: path.to_owned(),
            line,
            sources: Vec::new(),
            values: Vec::new(),
            defaults: Vec::new(),
            refers_to: Vec::new(),
        };
        let mut subs = Vec::new();
        for (k, v) in in_file_order(t) {
            let key = k.get_ref().as_ref();
            match (key, v.get_ref()) {
                // A plain string `source` (`[policy] source`) cites no clause: it is a value.
                ("source", DeValue::Table(_) | DeValue::Array(_)) => {
                    sources(v.get_ref(), &mut e.sources);
                }
                ("defaults", _) => defaults(v.get_ref(), &mut e.defaults),
                ("name", DeValue::String(s)) => e.name = Some(s.to_string()),
                ("id" | "code", DeValue::String(_)) | ("level", DeValue::Integer(_)) => {}
                (_, DeValue::Array(items)) if nested && is_tables(items) => subs.push((key, v)),
                (_, DeValue::Table(sub)) if nested && sub.contains_key("source") => {
                    subs.push((key, v));
                }
                (_, value) => {
                    nested_notes(value, &mut e.sources, &mut e.defaults);
                    e.values.push(EntryValue {
                        key: key.to_owned(),
                        value: json(value),
                        text: toml_text(value),
                    });
                }
            }
        }
        self.entries.push(e);
        for (key, v) in subs {
            let sub_kind = format!("{kind}.{key}");
            let sub_path = format!("{path}.{key}");
            match v.get_ref() {
                DeValue::Array(items) => self.array(&sub_kind, &sub_path, items),
                DeValue::Table(sub) => {
                    self.entry(&sub_kind, &sub_path, key, v.span().start, sub, false);
                }
                _ => {}
            }
        }
    }
}

/// An entry's own id: its `id` or `code`, or a tier's `level`.
fn own_id<'t>(t: &'t DeTable<'_>) -> Option<Cow<'t, str>> {
    t.iter()
        .find_map(|(k, v)| match (k.get_ref().as_ref(), v.get_ref()) {
            ("id" | "code", DeValue::String(s)) => Some(Cow::Borrowed(s.as_ref())),
            ("level", DeValue::Integer(n)) => Some(Cow::Borrowed(n.as_str())),
            _ => None,
        })
}

fn is_tables(items: &[Spanned<DeValue<'_>>]) -> bool {
    !items.is_empty()
        && items
            .iter()
            .all(|i| matches!(i.get_ref(), DeValue::Table(_)))
}

/// A table's keys as the file has them (the parsed map is sorted by name).
fn in_file_order<'t, 'a>(
    t: &'t DeTable<'a>,
) -> Vec<(&'t Spanned<Cow<'a, str>>, &'t Spanned<DeValue<'a>>)> {
    let mut v: Vec<_> = t.iter().collect();
    v.sort_by_key(|(k, _)| k.span().start);
    v
}

/// The clauses of a `source` value: a `{ clause, quote }` table or a list of them.
fn sources(v: &DeValue<'_>, out: &mut Vec<Clause>) {
    match v {
        DeValue::Table(t) => {
            let text = |key: &str| match t.get(key).map(Spanned::get_ref) {
                Some(DeValue::String(s)) => Some(s.to_string()),
                _ => None,
            };
            if let Some(clause) = text("clause") {
                out.push(Clause {
                    clause,
                    quote: text("quote").unwrap_or_default(),
                    external: text("external"),
                });
            }
        }
        DeValue::Array(items) => items.iter().for_each(|i| sources(i.get_ref(), out)),
        _ => {}
    }
}

/// The notes of a `defaults` list.
fn defaults(v: &DeValue<'_>, out: &mut Vec<MarkedDefault>) {
    let DeValue::Array(items) = v else { return };
    for item in items {
        let DeValue::Table(t) = item.get_ref() else {
            continue;
        };
        let text = |key: &str| match t.get(key).map(Spanned::get_ref) {
            Some(DeValue::String(s)) => Some(s.to_string()),
            _ => None,
        };
        out.push(MarkedDefault::from(DefaultNote {
            key: text("key"),
            param: text("param").unwrap_or_default(),
            note: text("note").unwrap_or_default(),
        }));
    }
}

/// Sources and defaults inside a value (an inline table such as `otherwise = { …, defaults =
/// [ … ] }`): the entry's, like its own.
fn nested_notes(v: &DeValue<'_>, out: &mut Vec<Clause>, notes: &mut Vec<MarkedDefault>) {
    match v {
        DeValue::Table(t) => {
            for (k, v) in in_file_order(t) {
                match k.get_ref().as_ref() {
                    "source" => sources(v.get_ref(), out),
                    "defaults" => defaults(v.get_ref(), notes),
                    _ => nested_notes(v.get_ref(), out, notes),
                }
            }
        }
        DeValue::Array(items) => items
            .iter()
            .for_each(|i| nested_notes(i.get_ref(), out, notes)),
        _ => {}
    }
}

/// A value as JSON; `source` and `defaults` of inline tables left out (they are the
/// entry's). Floats stay text: no float is ever a result.
fn json(v: &DeValue<'_>) -> serde_json::Value {
    use serde_json::Value;
    match v {
        DeValue::String(s) => Value::String(s.to_string()),
        DeValue::Integer(n) => {
            let digits = n.as_str().replace('_', "");
            let digits = digits
                .strip_prefix("0x")
                .or_else(|| digits.strip_prefix("0o"))
                .or_else(|| digits.strip_prefix("0b"))
                .unwrap_or(&digits);
            i64::from_str_radix(digits, n.radix())
                .map_or_else(|_| Value::String(n.as_str().to_owned()), Value::from)
        }
        DeValue::Float(f) => Value::String(f.as_str().to_owned()),
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Datetime(d) => Value::String(d.to_string()),
        DeValue::Array(items) => Value::Array(items.iter().map(|i| json(i.get_ref())).collect()),
        DeValue::Table(t) => Value::Object(
            in_file_order(t)
                .into_iter()
                .filter(|(k, _)| !matches!(k.get_ref().as_ref(), "source" | "defaults"))
                .map(|(k, v)| (k.get_ref().to_string(), json(v.get_ref())))
                .collect(),
        ),
    }
}

/// A value as TOML on one line, inline tables without their `source` and `defaults`.
pub(super) fn toml_text(v: &DeValue<'_>) -> String {
    match v {
        DeValue::String(s) => serde_json::to_string(s.as_ref()).unwrap_or_default(),
        DeValue::Integer(n) => n.as_str().to_owned(),
        DeValue::Float(f) => f.as_str().to_owned(),
        DeValue::Boolean(b) => b.to_string(),
        DeValue::Datetime(d) => d.to_string(),
        DeValue::Array(items) => {
            let parts: Vec<String> = items.iter().map(|i| toml_text(i.get_ref())).collect();
            ["[", &parts.join(", "), "]"].concat()
        }
        DeValue::Table(t) => {
            let parts: Vec<String> = in_file_order(t)
                .into_iter()
                .filter(|(k, _)| !matches!(k.get_ref().as_ref(), "source" | "defaults"))
                .map(|(k, v)| [k.get_ref().as_ref(), " = ", &toml_text(v.get_ref())].concat())
                .collect();
            if parts.is_empty() {
                "{}".to_owned()
            } else {
                ["{ ", &parts.join(", "), " }"].concat()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::indexing_slicing,
        reason = "a test with a broken fixture should fail loudly"
    )]

    use crate::PolicySet;

    /// Every entry of a small file, with nested entries, inline defaults and TOML text.
    #[test]
    fn a_file_reads_into_entries_in_file_order() {
        let text = r#"
[policy]
id = "town"
name = "镇便民服务中心"
version = "1"
effective_from = 2024-01-01
calendar = "cn-mainland"
source = "local rules"

[[class]]
id = "quick"
name = "即办件"
unit = "working_days"
limit = 1
source = { clause = "S2.xs.1", quote = "即办件" }
defaults = [{ key = "unit", param = "A4", note = "working days" }]

[access]
otherwise = { decision = "allow", reason = "r", defaults = [{ key = "otherwise", param = "—", note = "n" }] }

[[access.role]]
id = "staff"
name = "工作人员"

[[access.rule]]
id = "sign"
actions = ["reimburse"]
decision = "allow_with_approval"
approval = { id = "sig", name = "经手人签字", by = "经手人" }
reason = "要有经手人签字"
source = { clause = "X.2", quote = "要有经手人签字" }
"#;
        let ps = PolicySet::from_sources(&[("town.toml", text)]).unwrap();
        let r = ps.rules("town").unwrap();
        // Each entry starts on its table's header line (line 1 is the string's first, empty).
        let got: Vec<(&str, &str, u32)> = r
            .entries
            .iter()
            .map(|e| (e.kind.as_str(), e.id.as_str(), e.line))
            .collect();
        assert_eq!(
            got,
            [
                ("policy", "town", 2),
                ("class", "quick", 10),
                ("access", "access", 18),
                ("access.role", "staff", 21),
                ("access.rule", "sign", 25)
            ]
        );
        let quick = &r.entries[1];
        assert_eq!(quick.name.as_deref(), Some("即办件"));
        let values: Vec<(&str, &str)> = quick
            .values
            .iter()
            .map(|v| (v.key.as_str(), v.text.as_str()))
            .collect();
        assert_eq!(values, [("unit", "\"working_days\""), ("limit", "1")]);
        assert_eq!(quick.defaults[0].mark, crate::DefaultMark::Default);
        let access = &r.entries[2];
        assert_eq!(
            access.values[0].text,
            r#"{ decision = "allow", reason = "r" }"#
        );
        assert_eq!(access.defaults[0].mark, crate::DefaultMark::Choice);
    }
}
