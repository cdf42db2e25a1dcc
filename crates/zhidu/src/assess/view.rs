//! An incident as the scorer reads it: borrowed fields, from an [`Incident`] row or from
//! columns, so both paths share one scorer and give the same answers.

use super::Incident;

/// The fields of one incident the scorer reads (the subject and instant are read apart).
#[derive(Clone, Copy, Debug)]
pub(super) struct View<'i> {
    pub(super) rule: &'i str,
    pub(super) window: Option<&'i str>,
    pub(super) quantity: Option<i64>,
    pub(super) points: Option<i64>,
    pub(super) case: Option<&'i str>,
    pub(super) note: Option<&'i str>,
    pub(super) basis: Option<&'i str>,
    pub(super) reference: Option<&'i str>,
}

impl<'i> View<'i> {
    pub(super) fn of(incident: &'i Incident) -> View<'i> {
        View {
            rule: &incident.rule,
            window: incident.window.as_deref(),
            quantity: incident.quantity,
            points: incident.points,
            case: incident.case.as_deref(),
            note: incident.note.as_deref(),
            basis: incident.basis.as_deref(),
            reference: incident.reference.as_deref(),
        }
    }
}

/// Whether a text has anything but white space (as `!text.trim().is_empty()`), mostly
/// without decoding it: a first byte that starts no white-space character settles it.
pub(super) fn has_text(text: &str) -> bool {
    match text.as_bytes().first() {
        None => false,
        // `\t`–`\r`, the space, and the lead bytes of U+0085, U+00A0, U+1680, U+2000–U+205F
        // and U+3000, the other characters `char::is_whitespace` knows.
        Some(0x09..=0x0D | 0x20 | 0xC2 | 0xE1..=0xE3) => !text.trim().is_empty(),
        Some(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::has_text;

    /// The shortcut agrees with trimming on every character `char::is_whitespace` knows,
    /// alone and around text, and on texts that start with a non-ASCII letter.
    #[test]
    fn has_text_is_trim_not_empty() {
        let spaces: Vec<char> = (0..=0x3000_u32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .collect();
        let mut texts = vec![
            String::new(),
            "考评小组评议".to_owned(),
            "W01".to_owned(),
            "é".to_owned(),
        ];
        for c in spaces {
            texts.push(c.to_string());
            texts.push(format!("{c}{c}"));
            texts.push(format!("{c}考评"));
            texts.push(format!("{c}W01{c}"));
        }
        for t in texts {
            assert_eq!(has_text(&t), !t.trim().is_empty(), "{t:?}");
        }
    }
}
