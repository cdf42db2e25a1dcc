//! Checks of the values every section shares (ids and dates), so that calendars, deadlines,
//! scoring and accountability read them alike without depending on one another.

use chrono::NaiveDate;
use toml::Spanned;
use toml::value::Datetime;

use super::document::Document;
use crate::diagnostic::Diagnostic;

/// The longest id accepted.
pub const MAX_ID_LEN: usize = 128;

/// Check an id's shape: no path separators, spaces or control characters.
pub(crate) fn check_id(
    doc: &Document<'_>,
    id: &Spanned<String>,
    path: &str,
    out: &mut Vec<Diagnostic>,
) -> bool {
    let s = id.get_ref();
    let ok = !s.is_empty()
        && s.len() <= MAX_ID_LEN
        && s.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !ok {
        out.push(doc.error_at(
            id.span(),
            path,
            format!("`{s}` is not a valid id"),
            Some(format!("ids are 1–{MAX_ID_LEN} ASCII letters, digits, `-`, `_` or `.`, starting with a letter or digit")),
        ));
    }
    ok
}

/// A TOML local date (`2026-10-01`) as a date; anything else is a diagnostic.
pub(crate) fn to_date(
    doc: &Document<'_>,
    d: &Spanned<Datetime>,
    path: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<NaiveDate> {
    let dt = d.get_ref();
    let date = match (dt.date, dt.time, dt.offset) {
        (Some(date), None, None) => NaiveDate::from_ymd_opt(
            i32::from(date.year),
            u32::from(date.month),
            u32::from(date.day),
        ),
        _ => None,
    };
    if date.is_none() {
        out.push(doc.error_at(
            d.span(),
            path,
            format!("`{dt}` is not a date"),
            Some("write a plain TOML date such as `2026-10-01`, without time or offset".to_owned()),
        ));
    }
    date
}
