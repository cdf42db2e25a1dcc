//! Message templates: `{name}` placeholders between literal text.
//!
//! A catalogue entry's English template is matched against a message the engine wrote in
//! English, which yields the parameters; its Chinese template is then rendered with them. A
//! placeholder is `{` + lowercase ASCII letters, digits or `_` + `}`; any other brace is text.

/// One piece of a template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Piece<'t> {
    /// Text that must appear as written.
    Text(&'t str),
    /// A placeholder, by name.
    Param(&'t str),
}

/// The template cut into text and placeholders, in order.
pub(crate) fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut text_start = 0;
    let mut i = 0;
    let bytes = template.as_bytes();
    while i < bytes.len() {
        if bytes.get(i) == Some(&b'{') {
            if let Some(len) = template.get(i + 1..).and_then(param_len) {
                if text_start < i {
                    out.extend(template.get(text_start..i).map(Piece::Text));
                }
                out.extend(template.get(i + 1..i + 1 + len).map(Piece::Param));
                i += len + 2;
                text_start = i;
                continue;
            }
        }
        i += 1;
    }
    if text_start < template.len() {
        out.extend(template.get(text_start..).map(Piece::Text));
    }
    out
}

/// The length of a placeholder name followed by `}` at the start of `s`, if there is one.
fn param_len(s: &str) -> Option<usize> {
    let len = s
        .bytes()
        .take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_')
        .count();
    (len > 0 && s.as_bytes().get(len) == Some(&b'}')).then_some(len)
}

/// The placeholder names of a template, in order of first appearance.
#[cfg(test)]
pub(crate) fn params(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    for p in pieces(template) {
        if let Piece::Param(n) = p {
            if !names.contains(&n) {
                names.push(n);
            }
        }
    }
    names
}

/// How many characters of literal text a template has: the more, the more specific.
pub(crate) fn literal_len(template: &str) -> usize {
    pieces(template)
        .iter()
        .map(|p| match p {
            Piece::Text(t) => t.chars().count(),
            Piece::Param(_) => 0,
        })
        .sum()
}

/// The parameters that make `template` produce exactly `text`, if it can.
///
/// Placeholders take the shortest text that lets the rest match (a value never swallows the
/// template's next literal), backtracking when that fails.
#[cfg(test)]
pub(crate) fn match_text<'x>(template: &str, text: &'x str) -> Option<Vec<(String, &'x str)>> {
    match_pieces(&pieces(template), text)
}

/// [`match_text`] over a template already cut into pieces.
pub(crate) fn match_pieces<'x>(
    pieces: &[Piece<'_>],
    text: &'x str,
) -> Option<Vec<(String, &'x str)>> {
    // Most entries fail on their first or last words: no allocation for those.
    if let Some(Piece::Text(first)) = pieces.first() {
        if !text.starts_with(first) {
            return None;
        }
    }
    if let Some(Piece::Text(last)) = pieces.last() {
        if !text.ends_with(last) {
            return None;
        }
    }
    let mut out = Vec::new();
    match_from(pieces, text, &mut out).then_some(out)
}

fn match_from<'x>(pieces: &[Piece<'_>], text: &'x str, out: &mut Vec<(String, &'x str)>) -> bool {
    match pieces.split_first() {
        None => text.is_empty(),
        Some((Piece::Text(t), rest)) => text
            .strip_prefix(t)
            .is_some_and(|after| match_from(rest, after, out)),
        Some((Piece::Param(name), rest)) => match rest.first() {
            None => {
                out.push(((*name).to_owned(), text));
                true
            }
            Some(Piece::Text(next)) => {
                for (at, _) in text.match_indices(next) {
                    let (value, after) = text.split_at(at);
                    let mark = out.len();
                    out.push(((*name).to_owned(), value));
                    if match_from(rest, after, out) {
                        return true;
                    }
                    out.truncate(mark);
                }
                false
            }
            // Two placeholders in a row cannot be told apart; the catalogue test forbids it.
            Some(Piece::Param(_)) => false,
        },
    }
}

/// `template` with each placeholder replaced by `value(name)`, or left as written when it has
/// none.
pub(crate) fn render(template: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    for p in pieces(template) {
        match p {
            Piece::Text(t) => out.push_str(t),
            Piece::Param(n) => match value(n) {
                Some(v) => out.push_str(&v),
                None => {
                    out.push('{');
                    out.push_str(n);
                    out.push('}');
                }
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_and_renders_round_trip() {
        let t = "case `{case}` is resumed at {at} without being suspended";
        let text = "case `A-1` is resumed at 2026-10-14T09:00:00+08:00 without being suspended";
        let m = match_text(t, text).unwrap();
        assert_eq!(
            m,
            vec![
                ("case".to_owned(), "A-1"),
                ("at".to_owned(), "2026-10-14T09:00:00+08:00")
            ]
        );
        let back = render(t, |n| {
            m.iter().find(|(k, _)| k == n).map(|(_, v)| (*v).to_owned())
        });
        assert_eq!(back, text);
    }

    #[test]
    fn backtracks_when_a_value_holds_the_next_literal() {
        // The id itself contains "` is": the first candidate split fails, the second fits.
        let m = match_text("`{a}` is {b}", "`x` is` is y").unwrap();
        assert_eq!(m, vec![("a".to_owned(), "x` is"), ("b".to_owned(), "y")]);
        assert_eq!(match_text("no policy `{id}`", "no calendar `x`"), None);
    }

    #[test]
    fn braces_that_are_not_placeholders_are_text() {
        assert_eq!(
            pieces("a {B} {x}"),
            vec![Piece::Text("a {B} "), Piece::Param("x")]
        );
        assert_eq!(params("{a} and {b} and {a}"), vec!["a", "b"]);
        assert_eq!(literal_len("{a}: {b}"), 2);
    }
}
