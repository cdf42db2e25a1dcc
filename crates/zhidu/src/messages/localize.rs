//! Finding a message's catalogue entry and rendering it in another language.

use std::sync::OnceLock;

use super::template::{self, Piece};
use super::{ALL, Entry, Lang};

/// An entry with its English template cut into pieces once, not once per message.
struct Compiled {
    entry: &'static Entry,
    pieces: Vec<Piece<'static>>,
    literal_len: usize,
    /// The placeholders written between backticks: user input, never translated.
    quoted: Vec<&'static str>,
}

fn compiled() -> &'static [Compiled] {
    static COMPILED: OnceLock<Vec<Compiled>> = OnceLock::new();
    COMPILED.get_or_init(|| {
        entries()
            .filter(|entry| !entry.id.starts_with(super::catalogue::LABEL))
            .map(|entry| Compiled {
                entry,
                pieces: template::pieces(entry.en),
                literal_len: template::literal_len(entry.en),
                quoted: quoted_params(entry.en),
            })
            .collect()
    })
}

/// How deep parameters are translated in turn (a diagnostic inside a policy error inside a
/// row error): deeper than any message the engine builds, and a bound on the work.
const MAX_DEPTH: u8 = 3;

/// Every catalogue entry.
pub(crate) fn entries() -> impl Iterator<Item = &'static Entry> {
    ALL.iter().flat_map(|part| part.iter())
}

/// `english` in Chinese, or as given when no entry produced it.
pub(crate) fn to_chinese(english: &str) -> String {
    translate_at(english, MAX_DEPTH).unwrap_or_else(|| english.to_owned())
}

fn translate_at(text: &str, depth: u8) -> Option<String> {
    let (c, params) = best_compiled(text)?;
    let (entry, quoted) = (c.entry, &c.quoted);
    Some(template::render(entry.zh, |name| {
        let value = params.iter().find(|(n, _)| n == name).map(|(_, v)| *v)?;
        // User input stands in backticks and is never translated: a class named `hours`
        // stays `hours`. Other values may be messages or terms of their own.
        if quoted.contains(&name) || depth == 0 {
            Some(value.to_owned())
        } else {
            Some(translate_at(value, depth - 1).unwrap_or_else(|| value.to_owned()))
        }
    }))
}

/// The id of the entry whose English template produces `text`, and the parameters.
pub(crate) fn identify(text: &str) -> Option<(&'static str, Vec<(String, &str)>)> {
    best_compiled(text).map(|(c, p)| (c.entry.id, p))
}

/// The entry whose English template produces `text`, the most specific when several do.
#[cfg(test)]
pub(crate) fn best_match(text: &str) -> Option<(&'static Entry, Vec<(String, &str)>)> {
    best_compiled(text).map(|(c, p)| (c.entry, p))
}

///
/// A parse whose user input (a value between backticks) holds no backtick of its own comes
/// first: "`roster.csv`: roster row 1: `window` is missing" is a file's message around a row
/// error, not "`{field}` is missing" of a field named "roster.csv`: roster row 1: `window".
fn best_compiled(text: &str) -> Option<(&'static Compiled, Vec<(String, &str)>)> {
    compiled()
        .iter()
        .filter_map(|c| template::match_pieces(&c.pieces, text).map(|p| (c, p)))
        .max_by_key(|(c, params)| {
            let plain = params
                .iter()
                .all(|(name, value)| !c.quoted.contains(&name.as_str()) || !value.contains('`'));
            (plain, c.literal_len)
        })
}

/// The placeholders written between backticks: user input.
fn quoted_params(template: &'static str) -> Vec<&'static str> {
    let pieces = template::pieces(template);
    pieces
        .iter()
        .enumerate()
        .filter_map(|(i, p)| match p {
            Piece::Param(name) => {
                let before = i
                    .checked_sub(1)
                    .and_then(|j| pieces.get(j))
                    .is_some_and(|p| matches!(p, Piece::Text(t) if t.ends_with('`')));
                let after = pieces
                    .get(i + 1)
                    .is_some_and(|p| matches!(p, Piece::Text(t) if t.starts_with('`')));
                (before && after).then_some(*name)
            }
            Piece::Text(_) => None,
        })
        .collect()
}

/// Entry `id` in `lang` with `params` filled as given.
pub(crate) fn render_id(lang: Lang, id: &str, params: &[(&str, &str)]) -> Option<String> {
    let entry = entries().find(|e| e.id == id)?;
    let text = match lang {
        Lang::Zh => entry.zh,
        Lang::En => entry.en,
    };
    Some(template::render(text, |name| {
        params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| (*v).to_owned())
    }))
}
