//! Which catalogue entry a message comes from, with its parameters: a stable key a host can
//! hand to its users (a page that translates on its own, a test that must not match words).

use serde::Serialize;

use super::localize;

/// The catalogue entry a message the engine wrote in English comes from (`js.missing`,
/// `error.unknown_policy` …) and the values of its `{name}` placeholders, as written.
///
/// The id is stable across versions and languages; the words are not. A message with no
/// entry (an operating-system message) has no key.
///
/// # Example
///
/// ```
/// use zhidu::MessageKey;
///
/// let key = MessageKey::of("no policy `s3`").unwrap();
/// assert_eq!(key.id, "error.unknown_policy");
/// assert_eq!(key.params, vec![("id".to_owned(), "s3".to_owned())]);
/// assert_eq!(MessageKey::of("permission denied (os error 13)"), None);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MessageKey {
    /// The entry's id, `domain.name`.
    pub id: &'static str,
    /// Each placeholder's name and value, in the order the English template writes them.
    pub params: Vec<(String, String)>,
}

impl MessageKey {
    /// The key of `english`, a message as the engine writes it (`Display` of an error, an
    /// English diagnostic), or `None` when no catalogue entry produces it.
    ///
    /// # Example
    ///
    /// ```
    /// let err = zhidu::PolicySet::builtin()?.policy("nope").unwrap_err();
    /// let key = zhidu::MessageKey::of(&err.to_string()).unwrap();
    /// assert_eq!(key.id, "error.unknown_policy");
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn of(english: &str) -> Option<MessageKey> {
        let (id, params) = localize::identify(english)?;
        Some(MessageKey {
            id,
            params: params
                .into_iter()
                .map(|(name, value)| (name, value.to_owned()))
                .collect(),
        })
    }
}
