use super::*;

/// Every table kind of the three file schemas has a key order, naming exactly its keys.
#[test]
fn every_table_of_the_schemas_has_an_order() {
    for kind in crate::schema::FILE_KINDS {
        let schema = crate::schema::schema(kind).unwrap_or_default();
        let defs = schema["definitions"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        for (name, def) in defs {
            let Some(props) = def.get("properties").and_then(Json::as_object) else {
                continue;
            };
            let order =
                order::order_of(&name).unwrap_or_else(|| panic!("No order for {kind}: {name}"));
            let mut keys: Vec<&str> = props.keys().map(String::as_str).collect();
            keys.sort_unstable();
            let mut fields: Vec<&str> = order
                .iter()
                .copied()
                .filter(|f| *f != "office_sessions" || name != "RawCalendarHeader")
                .collect();
            fields.sort_unstable();
            assert_eq!(keys, fields, "{kind}: {name}");
        }
    }
    assert_eq!(
        order::POLICY_SECTIONS.len() + order::CALENDAR_SECTIONS.len(),
        crate::policy::compile::SECTIONS.len()
    );
}

/// A shipped file with every table's keys and every section in reverse (the header kept on
/// top): what an author who wrote the same rules in their own order might have.
fn scrambled(text: &str) -> String {
    fn reverse(table: &mut Table) {
        let keys: Vec<String> = table.iter().map(|(k, _)| k.to_owned()).collect();
        table.sort_values_by(|a, _, b, _| {
            let pos = |k: &str| keys.iter().position(|x| x == k).unwrap_or(0);
            pos(b.get()).cmp(&pos(a.get()))
        });
        for (_, item) in table.iter_mut() {
            match item {
                Item::Table(t) => reverse(t),
                Item::ArrayOfTables(a) => a.iter_mut().for_each(reverse),
                _ => {}
            }
        }
    }
    let mut doc: DocumentMut = text.parse().unwrap_or_default();
    let header = take_header(doc.as_table_mut());
    reverse(doc.as_table_mut());
    let mut next = 0;
    renumber(doc.as_table_mut(), &mut next);
    if let Some(h) = header {
        put_header(doc.as_table_mut(), &h);
    }
    doc.to_string()
}

/// The first line where two texts differ, for a readable failure.
fn first_difference(a: &str, b: &str) -> String {
    let mut lines = a.lines().zip(b.lines()).enumerate();
    match lines.find(|(_, (x, y))| x != y) {
        Some((i, (x, y))) => format!("L{}: `{x}` ≠ `{y}`", i + 1),
        None => format!("Lines {} ≠ {}", a.lines().count(), b.lines().count()),
    }
}

/// A compiled policy's debug text without the lines and columns its citations point at
/// (formatting moves lines; what the policy says stays).
fn without_places(debug: &str) -> String {
    // The set's content hash is of the files' bytes, so formatting changes it by design
    // (README, Stamped results): it is no part of what the policy computes.
    let unhashed;
    let debug = match debug.split_once("set_hash: OnceLock(\"") {
        Some((head, tail)) => {
            unhashed = format!(
                "{head}set_hash{}",
                tail.split_once("\")").map_or("", |t| t.1)
            );
            unhashed.as_str()
        }
        None => debug,
    };
    let mut out = String::with_capacity(debug.len());
    let mut rest = debug;
    while let Some(i) = rest.find(['l', 'c']) {
        let (head, tail) = rest.split_at(i);
        out.push_str(head);
        let key = ["line", "column"].into_iter().find_map(|k| {
            tail.strip_prefix(k)
                .and_then(|r| r.strip_prefix(": "))
                .map(|after| (k, after))
        });
        match key {
            Some((k, after)) => {
                out.push_str(k);
                rest = after.trim_start_matches(|c: char| c.is_ascii_digit());
            }
            None => {
                out.push_str(&tail[..1]);
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Debug text with the entries of every map (`{k: v, …}`, whose order is the hasher's) and
/// of the citation list in sorted order; a struct's braces (`Name { … }`) are left alone.
fn sorted_maps(debug: &str) -> String {
    /// The end (exclusive) of the bracketed group opening at byte `open`.
    fn group_end(s: &str, open: usize) -> usize {
        let mut depth = 0usize;
        let mut in_string = false;
        let mut escaped = false;
        for (i, c) in s[open..].char_indices() {
            match (in_string, c) {
                (true, '\\') if !escaped => {
                    escaped = true;
                    continue;
                }
                (true, '"') if !escaped => in_string = false,
                (false, '"') => in_string = true,
                (false, '{' | '[' | '(') => depth += 1,
                (false, '}' | ']' | ')') => {
                    depth -= 1;
                    if depth == 0 {
                        return open + i + 1;
                    }
                }
                _ => {}
            }
            escaped = false;
        }
        s.len()
    }
    /// Split at `, ` outside strings and brackets.
    fn entries(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let (mut start, mut i) = (0, 0);
        while i < s.len() {
            let c = s[i..].chars().next().unwrap_or(' ');
            if matches!(c, '"' | '{' | '[' | '(') {
                i = if c == '"' {
                    let mut j = i + 1;
                    let mut escaped = false;
                    for (k, d) in s[i + 1..].char_indices() {
                        if d == '\\' && !escaped {
                            escaped = true;
                            continue;
                        }
                        if d == '"' && !escaped {
                            j = i + 1 + k + 1;
                            break;
                        }
                        escaped = false;
                    }
                    j
                } else {
                    group_end(s, i)
                };
                continue;
            }
            if s[i..].starts_with(", ") {
                out.push(&s[start..i]);
                start = i + 2;
                i += 2;
                continue;
            }
            i += c.len_utf8();
        }
        out.push(&s[start..]);
        out
    }
    let mut out = String::with_capacity(debug.len());
    let mut i = 0;
    while i < debug.len() {
        let c = debug[i..].chars().next().unwrap_or(' ');
        // `Name {` is a struct; `: {`, `[{`, `({` open a map.
        let named = out
            .strip_suffix(' ')
            .is_some_and(|o| o.ends_with(|p: char| p.is_alphanumeric() || p == '>'));
        // Citations are listed in file order, which formatting changes: a set too.
        let citations = c == '['
            && out
                .strip_suffix(' ')
                .is_some_and(|o| o.ends_with("citations:"));
        if (c == '{' && !named) || citations {
            let end = group_end(debug, i);
            let inner = &debug[i + 1..end.saturating_sub(1)];
            let mut items: Vec<String> = entries(inner).into_iter().map(sorted_maps).collect();
            items.sort();
            out.push(c);
            out.push_str(&items.join(", "));
            out.push(if citations { ']' } else { '}' });
            i = end;
            continue;
        }
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// Where two long one-line texts first differ, with some context.
fn first_difference_in(a: &str, b: &str) -> String {
    let at = a
        .bytes()
        .zip(b.bytes())
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    let from = a.floor_char_boundary(at.saturating_sub(80));
    let to = |s: &str| s.ceil_char_boundary((at + 80).min(s.len()));
    format!("…{}… vs …{}…", &a[from..to(a)], &b[from..to(b)])
}

fn comments(text: &str) -> Vec<&str> {
    let mut v: Vec<&str> = text
        .lines()
        .filter_map(|l| l.find('#').map(|i| &l[i..]))
        .collect();
    v.sort_unstable();
    v
}

/// Every shipped file: formatting is idempotent, keeps every comment, and a scrambled copy
/// formats to the same text as the file; the policies compiled from the formatted and the
/// scrambled-then-formatted files are the ones compiled from the shipped files.
#[test]
fn shipped_files_format_idempotently_and_load_the_same() {
    let shipped = crate::PolicySet::builtin_sources();
    let mut formatted: Vec<(String, String)> = Vec::new();
    let mut unscrambled: Vec<(String, String)> = Vec::new();
    for (name, text) in shipped {
        let once = format_policy(name, text).unwrap_or_default();
        let twice = format_policy(name, &once).unwrap_or_default();
        assert!(
            twice == once,
            "Not idempotent ({name}): {}",
            first_difference(&twice, &once)
        );
        assert_eq!(comments(&once), comments(text), "Comments changed ({name})");
        assert!(
            once.starts_with("#:schema "),
            "The directive left the first line ({name})"
        );
        let mixed = scrambled(text);
        assert_ne!(mixed, *text, "Scrambling changed nothing ({name})");
        let back = format_policy(name, &mixed).unwrap_or_default();
        assert!(
            back == once,
            "A scrambled copy formats differently ({name}): {}",
            first_difference(&back, &once)
        );
        formatted.push(((*name).to_owned(), once));
        unscrambled.push(((*name).to_owned(), back));
    }
    let dump = |files: &[(String, String)]| -> Vec<String> {
        let set = crate::PolicySet::from_sources(files).unwrap_or_else(|e| panic!("{e}"));
        set.policies()
            .map(|p| sorted_maps(&without_places(&format!("{p:?}"))))
            .collect()
    };
    let original: Vec<(String, String)> = shipped
        .iter()
        .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
        .collect();
    let before = dump(&original);
    assert_eq!(before.len(), 14);
    for (what, after) in [
        ("formatted", dump(&formatted)),
        ("unscrambled", dump(&unscrambled)),
    ] {
        for (a, b) in after.iter().zip(&before) {
            assert!(a == b, "Differs ({what}): {}", first_difference_in(a, b));
        }
    }
}

/// A scrambled file with comments and an inline array of tables formats to the canonical
/// text, worked by hand: sections and keys in the raw types' order, `[[suspension]]` tables,
/// every comment with the line it precedes, quotes and spellings as written.
#[test]
fn a_scrambled_file_formats_to_the_canonical_one() {
    let scrambled = r#"#:schema ./schema/policy.json
# A centre's own rules.

suspension = [{ name = "补正", effect = "pause", id = "fix", source = { clause = "X.2", quote = "补正" } }]

# Why this class.
[[class]]
source = { quote = '3日', clause = "X.1" } # the clause
unit = "working_days"
limit = 3 # 三个工作日
name = "一般"
id = "general"

# The header.
[policy]
calendar = "cn-mainland"
version = "1"
effective_from = 2026-01-01
name = "测试"
id = "t"
source = "X"
"#;
    let canonical = r#"#:schema ./schema/policy.json
# A centre's own rules.

# The header.
[policy]
id = "t"
name = "测试"
version = "1"
effective_from = 2026-01-01
calendar = "cn-mainland"
source = "X"

# Why this class.
[[class]]
id = "general"
name = "一般"
unit = "working_days"
limit = 3 # 三个工作日
source = { clause = "X.1", quote = '3日' } # the clause

[[suspension]]
id = "fix"
name = "补正"
effect = "pause"
source = { clause = "X.2", quote = "补正" }
"#;
    let out = format_policy("t.toml", scrambled).unwrap_or_default();
    assert!(
        out == canonical,
        "{}\n{out}",
        first_difference(&out, canonical)
    );
    assert_eq!(format_policy("t.toml", &out).unwrap_or_default(), canonical);
    let load = |text: &str| {
        crate::PolicySet::from_sources(&[("t.toml", text)])
            .map(|s| s.policies().map(|p| format!("{p:?}")).collect::<Vec<_>>())
    };
    assert!(load(&out).is_ok());
    assert_eq!(
        load(&out).map(|v| v
            .iter()
            .map(|d| sorted_maps(&without_places(d)))
            .collect::<Vec<_>>()),
        load(scrambled).map(|v| v
            .iter()
            .map(|d| sorted_maps(&without_places(d)))
            .collect::<Vec<_>>())
    );
}

#[test]
fn a_file_that_is_not_toml_is_a_located_error() {
    let e = format_policy("bad.toml", "[policy\nid = 1").err();
    let d = e
        .as_ref()
        .map(crate::Error::diagnostics)
        .unwrap_or_default();
    assert_eq!(d.len(), 1);
    assert_eq!(d.first().map(|d| d.line), Some(1));
}
