//! Citations collected from a policy file as it is read: every `source = { clause, quote }`
//! (and every `source = [{ clause, quote }, …]`) at any depth, whatever section holds it, so
//! a new kind of policy entry is visible to coverage without code here.

use toml::Spanned;
use toml::de::DeValue;

use crate::load::document::Document;

/// One clause a policy file cites, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Citation {
    /// The clause id, such as `S2.assess.ji.2`.
    pub(crate) clause: String,
    /// The entry that cites it: its section and its `id` (`code`, `level`), such as
    /// `rule S2.assess.ji.2`, or the section alone for a single table.
    pub(crate) entry: String,
    /// The key path of the `clause` key, such as `rule[12].source.clause`.
    pub(crate) path: String,
    /// The file, line and column of the `clause` value, for a diagnostic.
    pub(crate) file: String,
    pub(crate) line: u32,
    pub(crate) column: u32,
}

/// Every citation of `doc`, in file order.
pub(crate) fn collect(doc: &Document<'_>) -> Vec<Citation> {
    let mut out = Vec::new();
    let mut path = Vec::new();
    for (key, value) in doc.sections() {
        let section = key.get_ref().as_ref();
        path.push(Seg::Key(section));
        match value.get_ref() {
            DeValue::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    path.push(Seg::Index(i));
                    let entry = entry_name(section, item).unwrap_or_else(|| render(&path));
                    walk(doc, item, &mut path, &entry, &mut out);
                    path.pop();
                }
            }
            _ => walk(doc, value, &mut path, section, &mut out),
        }
        path.pop();
    }
    out
}

/// One step of a key path: kept as borrowed pieces while walking, rendered only for a
/// citation (a policy file has thousands of keys and a few hundred citations).
#[derive(Clone, Copy)]
enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// `rule[12].source.clause`.
fn render(path: &[Seg<'_>]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Seg::Index(i) => {
                s.push('[');
                s.push_str(&i.to_string());
                s.push(']');
            }
        }
    }
    s
}

/// `section id` for an entry with an `id` (a rule's or a violation's `code`, a tier's
/// `level`), which names it for a reader better than its index does.
fn entry_name(section: &str, item: &Spanned<DeValue<'_>>) -> Option<String> {
    let DeValue::Table(t) = item.get_ref() else {
        return None;
    };
    t.iter()
        .find_map(|(k, v)| match (k.get_ref().as_ref(), v.get_ref()) {
            ("id" | "code", DeValue::String(s)) => Some(format!("{section} {s}")),
            ("level", DeValue::Integer(n)) => Some(format!("{section} {}", n.as_str())),
            _ => None,
        })
}

fn walk<'a>(
    doc: &Document<'_>,
    value: &'a Spanned<DeValue<'_>>,
    path: &mut Vec<Seg<'a>>,
    entry: &str,
    out: &mut Vec<Citation>,
) {
    match value.get_ref() {
        DeValue::Table(t) => {
            for (k, v) in t.iter() {
                let key = k.get_ref().as_ref();
                path.push(Seg::Key(key));
                if key == "source" {
                    cited(doc, v, path, entry, out);
                } else {
                    walk(doc, v, path, entry, out);
                }
                path.pop();
            }
        }
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Seg::Index(i));
                walk(doc, item, path, entry, out);
                path.pop();
            }
        }
        _ => {}
    }
}

/// The clause ids of one `source` value: a `{ clause, quote }` table or a list of them (a
/// plain string `source`, as `[policy] source` is, cites no clause).
fn cited<'a>(
    doc: &Document<'_>,
    value: &'a Spanned<DeValue<'_>>,
    path: &mut Vec<Seg<'a>>,
    entry: &str,
    out: &mut Vec<Citation>,
) {
    match value.get_ref() {
        DeValue::Table(t) => {
            for (k, v) in t.iter() {
                if let ("clause", DeValue::String(s)) = (k.get_ref().as_ref(), v.get_ref()) {
                    let (line, column) = doc.src.locate(v.span().start);
                    path.push(Seg::Key("clause"));
                    out.push(Citation {
                        clause: s.to_string(),
                        entry: entry.to_owned(),
                        path: render(path),
                        file: doc.src.name.to_owned(),
                        line,
                        column,
                    });
                    path.pop();
                }
            }
        }
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Seg::Index(i));
                cited(doc, item, path, entry, out);
                path.pop();
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::indexing_slicing,
        reason = "a test with a broken fixture should fail loudly"
    )]

    use super::*;

    #[test]
    fn sources_are_found_at_any_depth_and_in_lists_in_any_section() {
        // A section the loader does not know yet, as a new kind's would be.
        let text = r#"
[policy]
source = "not a clause: a plain string"

[[trigger]]
id = "v2"
source = [
  { clause = "S8.verify.2", quote = "停产半年后重新申办新合同" },
  { clause = "S8.verify.3", quote = "核查申报新合同的企业生产经营情况" },
]

[[trigger]]
when = { source = { clause = "S8.verify.6", quote = "拖欠厂租或工人工资两个月以上" } }
"#;
        let mut out = Vec::new();
        let doc = Document::parse("t.toml", text, &mut out).unwrap_or_else(|| panic!("{out:?}"));
        let got: Vec<(String, String, String, u32)> = collect(&doc)
            .into_iter()
            .map(|c| (c.clause, c.entry, c.path, c.line))
            .collect();
        let want = [
            (
                "S8.verify.2",
                "trigger v2",
                "trigger[0].source[0].clause",
                8,
            ),
            (
                "S8.verify.3",
                "trigger v2",
                "trigger[0].source[1].clause",
                9,
            ),
            (
                "S8.verify.6",
                "trigger[1]",
                "trigger[1].when.source.clause",
                13,
            ),
        ];
        assert_eq!(got.len(), want.len(), "{got:?}");
        for (g, w) in got.iter().zip(want) {
            assert_eq!((g.0.as_str(), g.1.as_str(), g.2.as_str(), g.3), w);
        }
    }
}
