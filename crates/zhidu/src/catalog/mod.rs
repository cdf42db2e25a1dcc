//! A policy as a reader sees it: every entry of its files (class, rule, category, tier,
//! violation, flag, effect, obligation, access rule, retention, trigger, subsidy, flow …)
//! with its clauses and quotes, its values as written and its defaults, and the links
//! between entries. What `zhidu rules`, `zhidu explain` and `zhidu doc` show.
//!
//! The entries are read from the policy files the set was loaded from ([`collect`]), the
//! same way coverage reads citations: whatever the section, so a new kind of entry is listed
//! without code here. [`links`] finds which entry names which (a rule's `category`, a
//! violation's `tier`, an import's `rules`), [`explain`] answers for one code, and [`site`]
//! writes the static documentation site.

mod collect;
mod explain;
mod links;
mod site;

use std::collections::BTreeMap;

use serde::Serialize;

pub use explain::{Citing, ClauseFacts, EntryUse, Explanation};
pub use site::SiteFile;

use crate::source::{Clause, DefaultNote};
use crate::{Error, PolicySet};

/// How a default is marked: `default` when it sets one of regulations.md's open parameters
/// (§5, `A1` … `A33`: the DEFAULTs) as §5 suggests, `deviation` when its note says the
/// policy departs from §5's suggestion (`DEVIATION: …`), `choice` when §5 does not list the
/// value at all (`param = "—"`; the note says why).
///
/// # Example
///
/// ```
/// use zhidu::DefaultMark;
/// assert_eq!(DefaultMark::of("A6", "the assessor enters an integer"), DefaultMark::Default);
/// assert_eq!(DefaultMark::of("A19", "DEVIATION: A19 would charge the window too"), DefaultMark::Deviation);
/// assert_eq!(DefaultMark::of("—", "the seed carries no dates"), DefaultMark::Choice);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DefaultMark {
    /// An open parameter of regulations.md §5 (A1 … A33), set as §5 suggests.
    Default,
    /// An open parameter set otherwise than §5 suggests; the note says why.
    Deviation,
    /// A value §5 does not list; the note says where it comes from.
    Choice,
}

impl DefaultMark {
    /// The mark of a default with parameter `param` and note `note`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhidu::DefaultMark::of("A33", "x"), zhidu::DefaultMark::Default);
    /// ```
    #[must_use]
    pub fn of(param: &str, note: &str) -> DefaultMark {
        let open = param
            .strip_prefix('A')
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        if note.trim_start().starts_with("DEVIATION") {
            DefaultMark::Deviation
        } else if open {
            DefaultMark::Default
        } else {
            DefaultMark::Choice
        }
    }
}

/// A default of an entry with its mark.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin()?;
/// let rules = ps.rules("s14-window-scorecard")?;
/// let att6 = rules.entries.iter().find(|e| e.kind == "rule" && e.id == "S14.att.6").unwrap();
/// assert!(att6.defaults.iter().any(|d| d.mark == zhidu::DefaultMark::Default));
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MarkedDefault {
    /// The key the default sets (`points`, `otherwise.decision` …), when the note says.
    pub key: Option<String>,
    /// The §5 parameter (`A6`) or `—`.
    pub param: String,
    /// Default, deviation or choice.
    pub mark: DefaultMark,
    /// Why this value was chosen, as the policy file says.
    pub note: String,
}

impl From<DefaultNote> for MarkedDefault {
    fn from(d: DefaultNote) -> Self {
        MarkedDefault {
            mark: DefaultMark::of(&d.param, &d.note),
            key: d.key,
            param: d.param,
            note: d.note,
        }
    }
}

/// One value of an entry: its key, the value as JSON and as written in TOML.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin()?;
/// let rules = ps.rules("s2-service-center")?;
/// let de1a = rules.entries.iter().find(|e| e.id == "S2.assess.de.1a").unwrap();
/// let points = de1a.values.iter().find(|v| v.key == "points").unwrap();
/// assert_eq!((points.value.as_i64(), points.text.as_str()), (Some(2), "2"));
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct EntryValue {
    /// The key, such as `points` (a sub-table's key path, such as `otherwise`).
    pub key: String,
    /// The value as JSON (dates and times as strings; nested `source` and `defaults` left out,
    /// they are the entry's).
    pub value: serde_json::Value,
    /// The value as TOML on one line, strings quoted as in the file.
    pub text: String,
}

/// A reference to an entry: its policy, kind and id, and the key that names it.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin()?;
/// let rules = ps.rules("s2-service-center")?;
/// let de1a = rules.entries.iter().find(|e| e.id == "S2.assess.de.1a").unwrap();
/// let cat = &de1a.refers_to[0];
/// assert_eq!((cat.kind.as_str(), cat.id.as_str(), cat.key.as_str()), ("category", "de", "category"));
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[non_exhaustive]
pub struct EntryRef {
    /// The policy of the entry referred to.
    pub policy: String,
    /// Its kind (`rule`, `tier`, `access.rule` …).
    pub kind: String,
    /// Its id.
    pub id: String,
    /// The key of the referring entry that names it.
    pub key: String,
}

/// One entry of a policy file.
///
/// `kind` is the section (`class`, `rule`, `category`, `tier`, `violation`, `flag`,
/// `effect`, `obligation`, `retention`, `trigger`, `subsidy`, `import`, `access.rule` …;
/// `policy` for the policy's own table, and the section name for a single table such as
/// `assessment`); `id` is its `id`, `code` or `level`, or its number in the section when it
/// has none.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin()?;
/// let rules = ps.rules("s2-service-center")?;
/// let tier2 = rules.entries.iter().find(|e| e.kind == "tier" && e.id == "2").unwrap();
/// assert_eq!(tier2.name.as_deref(), Some("通报批评,调离窗口工作岗位"));
/// assert_eq!(tier2.sources[0].clause, "S2.zr.t2");
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Entry {
    /// The policy.
    pub policy: String,
    /// The kind of entry.
    pub kind: String,
    /// Its id within its kind.
    pub id: String,
    /// Its `name`, when it has one.
    pub name: Option<String>,
    /// The file it is in.
    pub file: String,
    /// Its key path in the file, such as `rule[12]`.
    pub path: String,
    /// The line it starts on.
    pub line: u32,
    /// The clauses it cites, with their quotes.
    pub sources: Vec<Clause>,
    /// Its other values, in file order.
    pub values: Vec<EntryValue>,
    /// The defaults it relies on.
    pub defaults: Vec<MarkedDefault>,
    /// The entries its values name.
    pub refers_to: Vec<EntryRef>,
}

impl Entry {
    /// `kind:id`, the form `zhidu explain` accepts to pick one kind.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin()?;
    /// let rules = ps.rules("s2-service-center")?;
    /// assert!(rules.entries.iter().any(|e| e.qualified() == "tier:3"));
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn qualified(&self) -> String {
        format!("{}:{}", self.kind, self.id)
    }

    /// The entry as a reference through `key`.
    fn as_ref_via(&self, key: &str) -> EntryRef {
        EntryRef {
            policy: self.policy.clone(),
            kind: self.kind.clone(),
            id: self.id.clone(),
            key: key.to_owned(),
        }
    }
}

/// Every entry of one policy, in file order, the policy's own table first.
///
/// The JSON of `zhidu rules --format json` and of the bindings: `{policy, name, version,
/// effective_from, effective_until, file, entries: [{policy, kind, id, name, file, path,
/// line, sources: [{clause, quote, external?}], values: [{key, value, text}], defaults:
/// [{key, param, mark, note}], refers_to: [{policy, kind, id, key}]}]}`.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin()?;
/// let s14 = ps.rules("s14-window-scorecard")?;
/// assert_eq!(s14.entries[0].kind, "policy");
/// assert_eq!(s14.entries.iter().filter(|e| e.kind == "rule").count(), 29);
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PolicyRules {
    /// The policy's id.
    pub policy: String,
    /// Its name.
    pub name: String,
    /// Its version.
    pub version: String,
    /// Its first day in force.
    pub effective_from: String,
    /// Its last day in force, if any.
    pub effective_until: Option<String>,
    /// Its file.
    pub file: String,
    /// Its entries.
    pub entries: Vec<Entry>,
}

/// Every policy's entries, with the links between them resolved.
pub(crate) struct Catalog {
    pub(crate) policies: Vec<PolicyRules>,
    /// `(policy, kind, id)` → the entries that name it, with the key that does (built once:
    /// a site asks for every entry's).
    referrers: BTreeMap<(String, String, String), Vec<EntryRef>>,
}

impl Catalog {
    fn new(policies: Vec<PolicyRules>) -> Catalog {
        let mut referrers: BTreeMap<(String, String, String), Vec<EntryRef>> = BTreeMap::new();
        for e in policies.iter().flat_map(|p| p.entries.iter()) {
            for r in &e.refers_to {
                let list = referrers
                    .entry((r.policy.clone(), r.kind.clone(), r.id.clone()))
                    .or_default();
                let by = e.as_ref_via(&r.key);
                if !list.contains(&by) {
                    list.push(by);
                }
            }
        }
        Catalog {
            policies,
            referrers,
        }
    }

    /// Every entry of every policy.
    pub(crate) fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.policies.iter().flat_map(|p| p.entries.iter())
    }

    /// The entries that refer to `target`, with the key that does, in file order.
    pub(crate) fn used_by(&self, target: &Entry) -> Vec<EntryRef> {
        self.referrers
            .get(&(
                target.policy.clone(),
                target.kind.clone(),
                target.id.clone(),
            ))
            .cloned()
            .unwrap_or_default()
    }
}

impl PolicySet {
    /// Every entry of policy `id` with its clauses, quotes, values and defaults, for reading
    /// a policy the way one reads its regulation.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownPolicy`] with the closest id; [`Error::Input`] when the policy's file
    /// is not among the set's sources.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin()?;
    /// let s2 = ps.rules("s2-service-center")?;
    /// let classes: Vec<&str> = s2.entries.iter().filter(|e| e.kind == "class").map(|e| e.id.as_str()).collect();
    /// assert!(classes.contains(&"promised"));
    /// assert!(ps.rules("s2").is_err());
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    pub fn rules(&self, id: &str) -> Result<PolicyRules, Error> {
        self.policy(id)?;
        let catalog = self.catalog()?;
        catalog
            .policies
            .into_iter()
            .find(|p| p.policy == id)
            .ok_or_else(|| Self::no_source(id))
    }

    /// Every policy's entries, links resolved.
    pub(crate) fn catalog(&self) -> Result<Catalog, Error> {
        let mut policies = Vec::new();
        for p in self.policies() {
            let text = self
                .sources()
                .iter()
                .find(|(name, _)| *name == p.file())
                .map(|(_, t)| t.as_str())
                .or_else(|| {
                    PolicySet::builtin_sources()
                        .iter()
                        .find(|(name, _)| *name == p.file())
                        .map(|(_, t)| *t)
                })
                .ok_or_else(|| Self::no_source(p.id()))?;
            policies.push(collect::policy_rules(p, text)?);
        }
        links::resolve(&mut policies);
        Ok(Catalog::new(policies))
    }

    fn no_source(id: &str) -> Error {
        Error::input(
            format!("the file of policy `{id}` is not among the loaded sources"),
            None,
        )
    }
}
