//! Citations: where each rule comes from, and which values are defaults rather than source.

use serde::Serialize;

/// A clause of the regulations that a rule encodes, with a short verbatim quote.
///
/// Clause ids are those of `regulations.md`, such as `S2.xs.2`.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin().unwrap();
/// let class = ps.policy("s10-service-system").unwrap().class("immediate").unwrap();
/// assert_eq!(class.source().clause, "S10.xs.3.4a");
/// assert!(class.source().quote.contains("30分钟"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Clause {
    /// The clause id, such as `S10.xs.3.4a`.
    pub clause: String,
    /// A short verbatim quote of the source text.
    pub quote: String,
    /// Set when the rule comes from outside the seed regulations (e.g. 行政许可法 第四十五条):
    /// which text it is, so an explanation never passes it off as the regulation's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external: Option<String>,
}

/// A value that the seed regulations leave open, set by the policy as a default.
///
/// `param` is the open parameter's number in `regulations.md` §5 (`A1` … `A33`), or `—`
/// for a default that §5 does not list (the note then says where it comes from).
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin().unwrap();
/// let class = ps.policy("s2-service-center").unwrap().class("promised").unwrap();
/// assert!(class.defaults().iter().any(|d| d.param == "A3"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DefaultNote {
    /// The key the default sets, when the entry has several.
    pub key: Option<String>,
    /// The §5 parameter number, such as `A3`.
    pub param: String,
    /// Why this value was chosen.
    pub note: String,
}

impl From<&crate::load::raw::RawDefault> for DefaultNote {
    fn from(raw: &crate::load::raw::RawDefault) -> Self {
        DefaultNote {
            key: raw.key.clone(),
            param: raw.param.clone(),
            note: raw.note.clone(),
        }
    }
}

impl From<&crate::load::raw::RawSource> for Clause {
    fn from(raw: &crate::load::raw::RawSource) -> Self {
        Clause {
            clause: raw.clause.get_ref().clone(),
            quote: raw.quote.clone(),
            external: raw.external.clone(),
        }
    }
}

/// The clauses of a `source = { … }` or `source = [{ … }, …]` entry.
pub(crate) fn clauses_of(raw: &crate::load::raw::RawSources) -> Vec<Clause> {
    raw.0.iter().map(Clause::from).collect()
}

/// The defaults of an entry.
pub(crate) fn notes_of(raw: &[crate::load::raw::RawDefault]) -> Vec<DefaultNote> {
    raw.iter().map(DefaultNote::from).collect()
}
