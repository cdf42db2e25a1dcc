//! The site's building blocks: escaping, file names, links, the page frame and its CSS, and
//! labels in both languages. Plain HTML and CSS; no script anywhere.

use core::fmt::Write as _;

use crate::Lang;

/// The style sheet, one file for every page.
pub(super) const CSS: &str = r#"* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: #1d2330; margin: 0 auto; max-width: 1100px; padding: 16px 20px 40px; line-height: 1.5; }
nav { font-size: 0.9em; margin-bottom: 12px; color: #5b6475; }
nav a { margin-right: 12px; }
a { color: #1f5aa6; text-decoration: none; } a:hover { text-decoration: underline; }
h1 { font-size: 1.6em; margin: 4px 0 8px; } h2 { font-size: 1.2em; margin: 24px 0 8px; border-bottom: 2px solid #b3261e; padding-bottom: 2px; }
.en { color: #5b6475; font-size: 0.85em; margin-left: 0.4em; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 0.92em; }
th, td { border-bottom: 1px solid #e3e6ee; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f3f5f9; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
code, .v { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.92em; word-break: break-word; }
blockquote { margin: 4px 0 10px; padding: 6px 10px; border-left: 4px solid #b3261e; background: #fbf6f5; }
.side { display: grid; grid-template-columns: 1fr 1fr; gap: 20px; }
.mark { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 0.8em; font-weight: bold; }
.mark.default { background: #fff1d6; color: #7a4b00; } .mark.deviation { background: #fde2e0; color: #8c1d18; } .mark.choice { background: #e6eefa; color: #1f3f73; }
.muted { color: #8a93a6; } .tag { display: inline-block; padding: 0 5px; border-radius: 3px; background: #eef1f6; font-size: 0.85em; margin-right: 3px; }
:target { background: #fff7cc; } table.clauses td:first-child { white-space: nowrap; }
@media (max-width: 700px) { .side { grid-template-columns: 1fr; } }
"#;

/// Escape text for HTML content and attribute values: every string of a policy file is
/// user input.
pub(super) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A file name or anchor for an id: ASCII letters, digits, `-` and `_` kept, `.` kept but
/// not first, every other byte as `~xx`; never empty. Distinct ids give distinct names.
pub(super) fn slug(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for (i, b) in id.bytes().enumerate() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' => out.push(char::from(b)),
            b'.' if i > 0 => out.push('.'),
            _ => {
                let _ = write!(out, "~{b:02x}");
            }
        }
    }
    if out.is_empty() {
        out.push('~');
    }
    out
}

/// `../` repeated: from a page `depth` folders down back to the site's root.
pub(super) fn root(depth: usize) -> String {
    "../".repeat(depth)
}

/// A catalogue label in both languages: Chinese, then English in a muted span.
pub(super) fn bi(id: &str) -> String {
    let zh = Lang::Zh.text(id, &[]).unwrap_or_else(|| id.to_owned());
    let en = Lang::En.text(id, &[]).unwrap_or_else(|| id.to_owned());
    [esc(&zh), english(&en)].concat()
}

/// English beside Chinese: muted, marked as English.
fn english(en: &str) -> String {
    ["<span class=\"en\" lang=\"en\">", &esc(en), "</span>"].concat()
}

/// The label of an entry kind in both languages, or the kind itself when it has none.
pub(super) fn kind_label(kind: &str) -> String {
    let id = format!("label.doc.kind.{kind}");
    if Lang::En.text(&id, &[]).is_some() {
        bi(&id)
    } else {
        format!("<code>{}</code>", esc(kind))
    }
}

/// A note as the file gives it (English), with its Chinese from the catalogue when it has one.
pub(super) fn note_text(note: &str) -> String {
    let zh = Lang::Zh.translate(note);
    if zh == note {
        esc(note)
    } else {
        [esc(&zh), "<br>".to_owned(), english(note)].concat()
    }
}

/// A whole page: the frame, the navigation back to the root, the title and the body.
pub(super) fn page(depth: usize, title: &str, body: &str) -> String {
    let r = root(depth);
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(h, "<title>{}</title>", esc(title));
    let _ = writeln!(h, "<link rel=\"stylesheet\" href=\"{r}style.css\">");
    h.push_str("</head>\n<body>\n<nav>");
    let _ = write!(
        h,
        "<a href=\"{r}index.html\">{}</a><a href=\"{r}coverage.html\">{}</a>",
        bi("label.doc.home"),
        bi("label.doc.coverage")
    );
    h.push_str("</nav>\n<main>\n");
    h.push_str(body);
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::{esc, slug};

    #[test]
    fn ids_become_safe_distinct_names() {
        assert_eq!(slug("S2.assess.ji.2"), "S2.assess.ji.2");
        assert_eq!(slug("../x"), "~2e.~2fx");
        assert_eq!(slug(""), "~");
        assert_ne!(slug("a b"), slug("a_b"));
        assert_eq!(slug("值"), "~e5~80~bc");
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            esc("<script>\"x\" & 'y'</script>"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }
}
