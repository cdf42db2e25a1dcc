//! `zhidu fmt`: the canonical layout of a policy file (feature `schema`), so that a diff of
//! a rule change shows the change and nothing else.
//!
//! - sections in the order of the file's schema (`[policy]`, `[[import]]`, deadline classes,
//!   the deduction table, accountability, then the kinds of issue #15), and the keys of
//!   every table, inline or not, in the order of the loader's raw type for it;
//! - one entry per table: a top-level inline array of tables (`rule = [{…}, {…}]`) becomes
//!   `[[rule]]` tables (left as written when comments sit inside it);
//! - everything else verbatim: values keep their spelling and quotes, comments move with
//!   the key or table they precede, the file's header comment (its `#:schema` line first)
//!   stays at the top. Formatting twice changes nothing.

mod order;

use serde_json::Value as Json;
use toml_edit::{ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

use crate::Error;
use crate::diagnostic::Diagnostic;
use crate::load::document::Document;

/// `text` in the canonical layout; `name` names the file in diagnostics.
///
/// # Errors
///
/// [`Error::Policy`] with the located diagnostic when `text` is not TOML; a file that is TOML
/// but no policy, calendar or clause index is returned as it is.
///
/// # Example
///
/// ```
/// let scrambled = "# my centre\n\n[[class]]\nunit = \"working_days\" # days\nid = \"a\"\n\n[policy]\nname = \"x\"\nid = \"p\"\n";
/// let canonical = zhidu::fmt::format_policy("p.toml", scrambled).unwrap();
/// assert_eq!(canonical, "# my centre\n\n[policy]\nid = \"p\"\nname = \"x\"\n\n[[class]]\nid = \"a\"\nunit = \"working_days\" # days\n");
/// assert_eq!(zhidu::fmt::format_policy("p.toml", &canonical).unwrap(), canonical);
/// ```
pub fn format_policy(name: &str, text: &str) -> Result<String, Error> {
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    if Document::parse(name, text, &mut diagnostics).is_none() {
        return Err(Error::Policy { diagnostics });
    }
    let Ok(mut doc) = text.parse::<DocumentMut>() else {
        // The loader's parser accepted it; toml_edit agrees on TOML 1.1, so this is a file
        // the two read differently: leave it alone rather than guess.
        return Ok(text.to_owned());
    };
    let root = doc.as_table();
    let (kind, sections): (&str, &[&str]) = if root.contains_key("policy") {
        ("policy", &order::POLICY_SECTIONS)
    } else if root.contains_key("calendar") {
        ("calendar", &order::CALENDAR_SECTIONS)
    } else if root.contains_key("clause_index") {
        ("clauses", &order::CLAUSES_SECTIONS)
    } else {
        return Ok(text.to_owned());
    };
    let Some(schema) = crate::schema::schema(kind) else {
        return Ok(text.to_owned());
    };
    let root = doc.as_table_mut();
    tables_from_inline_arrays(root, sections);
    // The new tables take their place in the file before the header is found.
    let mut next = 0;
    renumber(root, &mut next);
    let header = take_header(root);
    order_table(root, &schema, &schema, Some(sections));
    let mut next = 0;
    renumber(root, &mut next);
    blank_line_before_tables(root);
    if let Some(header) = header {
        put_header(root, &header);
    }
    Ok(doc.to_string())
}

/// The file's header comment: what precedes its first table up to the first blank line (all
/// of it when it starts with a directive such as `#:schema`), taken off that table; later
/// paragraphs are the table's own.
fn take_header(root: &mut Table) -> Option<String> {
    let first = first_table(root)?;
    let prefix = first.decor().prefix()?.as_str()?.to_owned();
    let cut = match prefix.find("\n\n") {
        Some(i) => i + 2,
        None if prefix.starts_with("#:") => prefix.len(),
        None => return None,
    };
    let (header, own) = prefix.split_at(cut);
    let header = header.to_owned();
    first.decor_mut().set_prefix(own.to_owned());
    Some(header)
}

/// Put the header back before the table that is now first.
fn put_header(root: &mut Table, header: &str) {
    if let Some(first) = first_table(root) {
        let own = first
            .decor()
            .prefix()
            .and_then(|p| p.as_str())
            .unwrap_or_default()
            .trim_start_matches('\n')
            .to_owned();
        first.decor_mut().set_prefix(format!("{header}{own}"));
    }
}

/// A blank line before every table header but the first (which the header comment
/// precedes), so tables read apart wherever they moved.
fn blank_line_before_tables(root: &mut Table) {
    let mut first: Option<isize> = None;
    visit(root, &mut |t| {
        if let Some(p) = t.position() {
            if first.is_none_or(|f| p < f) {
                first = Some(p);
            }
        }
    });
    fn walk(table: &mut Table, first: Option<isize>) {
        for (_, item) in table.iter_mut() {
            let tables: Vec<&mut Table> = match item {
                Item::Table(t) => vec![t],
                Item::ArrayOfTables(a) => a.iter_mut().collect(),
                _ => Vec::new(),
            };
            for t in tables {
                if !t.is_implicit() && !t.is_dotted() && t.position() != first {
                    let prefix = t
                        .decor()
                        .prefix()
                        .and_then(|p| p.as_str())
                        .unwrap_or_default()
                        .to_owned();
                    if !prefix.starts_with('\n') {
                        t.decor_mut().set_prefix(format!("\n{prefix}"));
                    }
                }
                walk(t, first);
            }
        }
    }
    walk(root, first);
}

/// The table printed first: the visible table with the lowest position.
fn first_table(root: &mut Table) -> Option<&mut Table> {
    let mut lowest: Option<isize> = None;
    visit(root, &mut |t| {
        if let Some(p) = t.position() {
            if lowest.is_none_or(|l| p < l) {
                lowest = Some(p);
            }
        }
    });
    table_at(root, lowest?)
}

/// Call `f` on every table below `table` that prints a header.
fn visit(table: &Table, f: &mut impl FnMut(&Table)) {
    for (_, item) in table.iter() {
        let tables: Vec<&Table> = match item {
            Item::Table(t) => vec![t],
            Item::ArrayOfTables(a) => a.iter().collect(),
            _ => Vec::new(),
        };
        for t in tables {
            if !t.is_implicit() && !t.is_dotted() {
                f(t);
            }
            visit(t, f);
        }
    }
}

/// The visible table below `table` at `position`.
fn table_at(table: &mut Table, position: isize) -> Option<&mut Table> {
    for (_, item) in table.iter_mut() {
        let tables: Vec<&mut Table> = match item {
            Item::Table(t) => vec![t],
            Item::ArrayOfTables(a) => a.iter_mut().collect(),
            _ => Vec::new(),
        };
        for t in tables {
            if !t.is_implicit() && !t.is_dotted() && t.position() == Some(position) {
                return Some(t);
            }
            if let Some(found) = table_at(t, position) {
                return Some(found);
            }
        }
    }
    None
}

/// `key = [{…}, {…}]` at the top of the file → `[[key]]` tables, one per entry, for the
/// sections that are arrays of tables; left as written if a comment sits inside the array
/// (it has no place in the tables) or an entry is not an inline table.
fn tables_from_inline_arrays(root: &mut Table, sections: &[&str]) {
    for section in sections {
        let Some((key, Item::Value(Value::Array(array)))) = root.get_key_value_mut(section) else {
            continue;
        };
        let text = array.to_string();
        let all_tables = !array.is_empty() && array.iter().all(Value::is_inline_table);
        if !all_tables || has_comment(&text) {
            continue;
        }
        let key_prefix = key
            .leaf_decor()
            .prefix()
            .and_then(|p| p.as_str())
            .unwrap_or_default()
            .to_owned();
        let mut tables = ArrayOfTables::new();
        for (i, value) in array.iter().enumerate() {
            if let Some(inline) = value.as_inline_table() {
                let mut table = InlineTable::clone(inline).into_table();
                table.decor_mut().set_prefix(if i == 0 {
                    key_prefix.clone()
                } else {
                    "\n".to_owned()
                });
                table.decor_mut().set_suffix("");
                for (mut k, v) in table.iter_mut() {
                    k.leaf_decor_mut().set_prefix("");
                    if let Some(v) = v.as_value_mut() {
                        v.decor_mut().set_prefix(" ");
                        v.decor_mut().set_suffix("");
                    }
                }
                tables.push(table);
            }
        }
        root.insert(section, Item::ArrayOfTables(tables));
    }
}

/// Whether TOML text has a comment (a `#` outside strings).
fn has_comment(text: &str) -> bool {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in text.chars() {
        match (quote, c) {
            (Some('"'), '\\') if !escaped => {
                escaped = true;
                continue;
            }
            (Some(q), c) if c == q && !escaped => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') => return true,
            _ => {}
        }
        escaped = false;
    }
    false
}

/// The schema `schema` stands for, following `$ref`s, with the definition's name.
fn resolve<'s>(root: &'s Json, schema: &'s Json) -> (&'s Json, Option<&'s str>) {
    let mut current = schema;
    let mut name = None;
    for _ in 0..8 {
        match current.get("$ref").and_then(Json::as_str) {
            Some(r) => {
                let def = r.trim_start_matches("#/definitions/");
                name = Some(def);
                match root.get("definitions").and_then(|d| d.get(def)) {
                    Some(next) => current = next,
                    None => break,
                }
            }
            None => break,
        }
    }
    (current, name)
}

/// The object arm of `schema` (a table) with its definition's name.
fn object_arm<'s>(root: &'s Json, schema: &'s Json) -> Option<(&'s Json, Option<&'s str>)> {
    let (s, name) = resolve(root, schema);
    if s.get("properties").is_some() {
        return Some((s, name));
    }
    ["anyOf", "oneOf", "allOf"]
        .iter()
        .filter_map(|k| s.get(k).and_then(Json::as_array))
        .flatten()
        .find_map(|arm| object_arm(root, arm))
}

/// The item schema of the array arm of `schema`.
fn items_arm<'s>(root: &'s Json, schema: &'s Json) -> Option<&'s Json> {
    let (s, _) = resolve(root, schema);
    if let Some(items) = s.get("items") {
        return Some(items);
    }
    ["anyOf", "oneOf", "allOf"]
        .iter()
        .filter_map(|k| s.get(k).and_then(Json::as_array))
        .flatten()
        .find_map(|arm| items_arm(root, arm))
}

/// Where `key` goes in `order`: its index, or after every known key (kept as written).
fn rank(order: &[&str], key: &str) -> usize {
    order.iter().position(|k| *k == key).unwrap_or(order.len())
}

/// Sort a table's keys by its type's order, then each child by its own.
fn order_table(table: &mut Table, root: &Json, schema: &Json, order: Option<&[&str]>) {
    let Some((object, name)) = object_arm(root, schema) else {
        return;
    };
    let order = order.or_else(|| name.and_then(order::order_of));
    if let Some(order) = order {
        table.sort_values_by(|a, _, b, _| rank(order, a.get()).cmp(&rank(order, b.get())));
    }
    let properties = object.get("properties");
    for (key, item) in table.iter_mut() {
        let Some(child) = properties.and_then(|p| p.get(key.get())) else {
            continue;
        };
        match item {
            Item::Table(t) => order_table(t, root, child, None),
            Item::ArrayOfTables(a) => {
                if let Some(items) = items_arm(root, child) {
                    for t in a.iter_mut() {
                        order_table(t, root, items, None);
                    }
                }
            }
            Item::Value(v) => order_value(v, root, child),
            Item::None => {}
        }
    }
}

/// Sort the keys of the inline tables inside a value.
fn order_value(value: &mut Value, root: &Json, schema: &Json) {
    match value {
        Value::InlineTable(t) => {
            let Some((object, name)) = object_arm(root, schema) else {
                return;
            };
            if let Some(order) = name.and_then(order::order_of) {
                sort_inline(t, order);
            }
            let properties = object.get("properties");
            for (key, v) in t.iter_mut() {
                if let Some(child) = properties.and_then(|p| p.get(key.get())) {
                    order_value(v, root, child);
                }
            }
        }
        Value::Array(a) => {
            if let Some(items) = items_arm(root, schema) {
                for v in a.iter_mut() {
                    order_value(v, root, items);
                }
            }
        }
        _ => {}
    }
}

/// Sort an inline table's keys, keeping its spacing: the first key's lead and the last
/// value's tail stay where they were. One with a comment or a line break inside is left as
/// written (a moved key would take the wrong comment or line with it).
fn sort_inline(table: &mut InlineTable, order: &[&str]) {
    // Only what is inside the braces: a comment after them stays with the line.
    let mut inside = table.clone();
    inside.decor_mut().clear();
    let text = inside.to_string();
    if text.contains('\n') || has_comment(&text) {
        return;
    }
    let before: Vec<String> = table.iter().map(|(k, _)| k.to_owned()).collect();
    let mut after = before.clone();
    after.sort_by_key(|k| rank(order, k));
    if after == before {
        return;
    }
    let raw = |s: Option<&toml_edit::RawString>| {
        s.and_then(|r| r.as_str()).unwrap_or_default().to_owned()
    };
    let (mut lead, mut gap, mut tail) = (String::new(), " ".to_owned(), String::new());
    for (i, (key, value)) in table.iter_mut().enumerate() {
        if i == 0 {
            lead = raw(key.leaf_decor().prefix());
        } else if i == 1 {
            gap = raw(key.leaf_decor().prefix());
        }
        if i + 1 == before.len() {
            tail = raw(value.decor().suffix());
        }
    }
    table.sort_values_by(|a, _, b, _| rank(order, a.get()).cmp(&rank(order, b.get())));
    let last = before.len().saturating_sub(1);
    for (i, (mut key, value)) in table.iter_mut().enumerate() {
        key.leaf_decor_mut()
            .set_prefix(if i == 0 { lead.clone() } else { gap.clone() });
        value.decor_mut().set_suffix(if i == last {
            tail.clone()
        } else {
            String::new()
        });
    }
}

/// Number the tables in the order they now come (a table prints at its position).
fn renumber(table: &mut Table, next: &mut isize) {
    if !table.is_dotted() {
        table.set_position(Some(*next));
        *next += 1;
    }
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(t) => renumber(t, next),
            Item::ArrayOfTables(a) => {
                for t in a.iter_mut() {
                    renumber(t, next);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests;
