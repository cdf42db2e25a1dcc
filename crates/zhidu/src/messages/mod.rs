//! Messages in 简体中文 and English: one catalogue, chosen per call by the host.
//!
//! Every message the engine writes (errors, help texts, loader diagnostics, warnings, the
//! counting rules and day notes of an explanation) is built in English where it arises, as
//! before, and has one catalogue entry: a stable id, its English template and its Chinese
//! template, with the same `{name}` parameters. [`Lang::translate`] finds the entry whose
//! English template produced a message, takes the parameters from it, translates those that
//! are themselves messages or terms (a unit, a nested diagnostic), and renders the Chinese
//! template. Codes (`Error::code`, `Warning::code`), file positions and key paths never
//! change with the language; only the words do.
//!
//! `Display` (and `to_string`) stays English, the least surprising for Rust users and what
//! logs and tests match on; ask for another language with [`crate::Error::message_in`],
//! [`crate::Error::help_in`], [`crate::Diagnostic::in_lang`], [`crate::Warning::in_lang`],
//! [`crate::DueExplanation::in_lang`] or, for any text the engine wrote, [`Lang::translate`].
//! Text that comes from policy files (class names, clause quotes, default notes) is shown as
//! the file gives it.
//!
//! Adding a message is one entry in `catalogue/` with both languages; a test fails when an
//! entry lacks either language, when the two templates' parameters differ, and when an error
//! kind, warning code or message the engine can write has no entry.

mod apply;
mod catalogue;
mod key;
mod localize;
mod s8_flow_lang;
mod table_lang;
pub(crate) mod template;
#[cfg(test)]
mod tests;

use core::fmt;
use core::str::FromStr;

use serde::Serialize;

pub(crate) use catalogue::{ALL, Entry};
pub use key::MessageKey;

/// A language the engine writes its messages in.
///
/// Parses from `zh` / `en` and from locale names (`zh_CN.UTF-8`, `zh-TW`, `en_US`, `C`);
/// English is the [`Default`], as `Display` is.
///
/// # Example
///
/// ```
/// use zhidu::Lang;
///
/// assert_eq!("zh".parse::<Lang>()?, Lang::Zh);
/// assert_eq!(Lang::from_locale("zh_CN.UTF-8"), Some(Lang::Zh));
/// assert_eq!(Lang::from_locale("en_GB.UTF-8"), Some(Lang::En));
/// assert_eq!(Lang::Zh.translate("no policy `s3`"), "没有编号为`s3`的制度");
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// 简体中文.
    Zh,
    /// English, the language the engine builds its messages in.
    #[default]
    En,
}

impl Lang {
    /// Every language, Chinese first.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhidu::Lang::ALL.len(), 2);
    /// ```
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The language's code: `zh` or `en`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhidu::Lang::Zh.code(), "zh");
    /// ```
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The language of a POSIX locale name such as `zh_CN.UTF-8`: Chinese for `zh…`,
    /// English for any other name, `None` for an empty one (an unset variable).
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::Lang;
    /// assert_eq!(Lang::from_locale("zh_TW.Big5"), Some(Lang::Zh));
    /// assert_eq!(Lang::from_locale("C.UTF-8"), Some(Lang::En));
    /// assert_eq!(Lang::from_locale(""), None);
    /// ```
    #[must_use]
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let locale = locale.trim();
        if locale.is_empty() {
            None
        } else if locale
            .get(..2)
            .is_some_and(|p| p.eq_ignore_ascii_case("zh"))
        {
            Some(Lang::Zh)
        } else {
            Some(Lang::En)
        }
    }

    /// The language a command-line program should use, from the values of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` in that order (POSIX precedence: the first one set decides).
    /// The caller reads the environment; the core does not.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::Lang;
    /// assert_eq!(Lang::from_locale_vars([None, None, Some("zh_CN.UTF-8")]), Lang::Zh);
    /// assert_eq!(Lang::from_locale_vars([Some("C"), None, Some("zh_CN.UTF-8")]), Lang::En);
    /// assert_eq!(Lang::from_locale_vars([None, None, None]), Lang::En);
    /// ```
    #[must_use]
    pub fn from_locale_vars<'a>(values: impl IntoIterator<Item = Option<&'a str>>) -> Lang {
        values
            .into_iter()
            .flatten()
            .find_map(Lang::from_locale)
            .unwrap_or_default()
    }

    /// A message the engine wrote in English, in this language.
    ///
    /// English returns the text as given. Chinese renders the catalogue entry whose English
    /// template produced the text; a text with no entry (an operating-system message, a
    /// policy file's own words) is returned as given.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::Lang;
    /// let en = "class `on_the_spot` needs the limit promised for this case";
    /// assert_eq!(Lang::En.translate(en), en);
    /// assert_eq!(Lang::Zh.translate(en), "类别`on_the_spot`须填写本件的承诺时限");
    /// ```
    #[must_use]
    pub fn translate(self, english: &str) -> String {
        match self {
            Lang::En => english.to_owned(),
            Lang::Zh => localize::to_chinese(english),
        }
    }

    /// The text of catalogue entry `id` in this language with its parameters filled, for
    /// hosts that word a message of their own (a calculator's hint, a report label).
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::Lang;
    /// assert_eq!(Lang::Zh.text("term.working_days", &[]).as_deref(), Some("个工作日"));
    /// assert_eq!(Lang::En.text("error.unknown_policy", &[("id", "x")]).as_deref(), Some("no policy `x`"));
    /// assert_eq!(Lang::En.text("no.such.id", &[]), None);
    /// ```
    #[must_use]
    pub fn text(self, id: &str, params: &[(&str, &str)]) -> Option<String> {
        localize::render_id(self, id, params)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = crate::Error;

    /// `zh`, `en`, or a locale name such as `zh_CN.UTF-8` or `en-US`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "" => Err(crate::Error::input(
                "the language is empty",
                Some("write `zh` (简体中文) or `en` (English)".to_owned()),
            )),
            s if s.eq_ignore_ascii_case("zh") => Ok(Lang::Zh),
            s if s.eq_ignore_ascii_case("en") => Ok(Lang::En),
            s if s.len() > 2 && matches!(s.as_bytes().get(2), Some(b'_' | b'-' | b'.')) => {
                match s.get(..2).map(str::to_ascii_lowercase).as_deref() {
                    Some("zh") => Ok(Lang::Zh),
                    Some("en") => Ok(Lang::En),
                    _ => Err(unknown_lang(s)),
                }
            }
            s => Err(unknown_lang(s)),
        }
    }
}

fn unknown_lang(s: &str) -> crate::Error {
    crate::Error::input(
        format!("`{s}` is not a language zhidu writes"),
        Some("write `zh` (简体中文) or `en` (English)".to_owned()),
    )
}

/// The template of catalogue entry `prefix` + `id` in `lang`, without rendering it (a report
/// label is looked up by id on every cell; this allocates nothing).
pub(crate) fn template(lang: Lang, prefix: &str, id: &str) -> Option<&'static str> {
    localize::entries()
        .find(|e| e.id.strip_prefix(prefix) == Some(id))
        .map(|e| match lang {
            Lang::Zh => e.zh,
            Lang::En => e.en,
        })
}
