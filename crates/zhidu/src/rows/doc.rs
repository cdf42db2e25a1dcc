//! The input-format table of the README, made from the schemas so it cannot drift.

use super::kinds::KINDS;

/// The Markdown table of every row kind and field: name (and other spellings), type,
/// whether it is required, what it is and its default. The README's "Input rows" section is
/// this table, checked by a test.
///
/// # Example
///
/// ```
/// let t = zhidu::rows::markdown_table();
/// assert!(t.contains("| case | `class` (or `item`) | text | yes |"));
/// ```
#[must_use]
pub fn markdown_table() -> String {
    let mut out =
        String::from("| kind | field | type | required | what it is |\n|---|---|---|---|---|\n");
    for schema in KINDS {
        for f in schema.fields {
            let aliases: String = f.aliases.iter().map(|a| format!(" (or `{a}`)")).collect();
            out.push_str(&format!(
                "| {} | `{}`{aliases} | {} | {} | {} |\n",
                schema.kind,
                f.name,
                f.ty.name(),
                if f.required { "yes" } else { "no" },
                f.doc
            ));
        }
    }
    out
}
