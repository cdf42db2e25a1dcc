//! A policy set: the files read, checked and compiled together, and the policies and
//! calendars looked up by id.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use super::lazy::{Slot, filled};
use super::{Policy, builtin, compile};
use crate::coverage::index::{self, ClauseIndex};
use crate::diagnostic::{Diagnostic, Severity, closest};
use crate::load::document::Document;
use crate::load::walk::read_paths;
use crate::load::{MAX_FILE_BYTES, MAX_FILES, MAX_SET_BYTES};
use crate::{Calendar, Error};

/// A validated set of calendars and policies.
///
/// # Example
///
/// ```
/// use zhidu::PolicySet;
/// let ps = PolicySet::builtin().unwrap();
/// let ids: Vec<&str> = ps.policies().map(|p| p.id()).collect();
/// assert!(ids.contains(&"s2-service-center") && ids.contains(&"s10-service-system"));
/// ```
#[derive(Clone, Debug)]
pub struct PolicySet {
    /// Compiled with the set, or (the builtin set) when first asked for (lazy.rs).
    pub(super) calendars: BTreeMap<String, Slot<Calendar>>,
    /// As `calendars`.
    pub(super) policies: BTreeMap<String, Slot<Policy>>,
    pub(super) warnings: Arc<Vec<Diagnostic>>,
    pub(super) sources: Arc<Vec<(String, String)>>,
    pub(super) builtin: bool,
    /// This set's own `[clause_index]` file, if it has one other than the shipped index;
    /// otherwise [`PolicySet::clause_index`] answers with the shipped one.
    pub(super) clause_index: Option<Arc<ClauseIndex>>,
    /// Every file of the set is a notice file (`[calendar] extends = …`).
    pub(super) notice_only: bool,
    /// SHA-256 of the set's files (`crate::stamp`), computed once when the set is compiled;
    /// `None` for the lazy builtin set, whose hash is computed on first use (`builtin_hash`).
    pub(super) hash: Option<Arc<str>>,
}

static BUILTIN: OnceLock<PolicySet> = OnceLock::new();

impl PolicySet {
    /// The shipped policies (`policies/` of the repository), embedded in the crate.
    ///
    /// Cheap: each policy (and the calendar) is compiled when first asked for, once per
    /// process, and shared by every clone of the set and every thread. The whole set's
    /// compile is checked by the test suite, so a shipped policy does not fail then; if one
    /// did, [`PolicySet::policy`] would return its diagnostics.
    ///
    /// # Errors
    ///
    /// None: the `Result` keeps the signature of the other constructors.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// assert!(ps.is_builtin());
    /// ```
    pub fn builtin() -> Result<PolicySet, Error> {
        Ok(BUILTIN.get_or_init(Self::lazy_builtin).clone())
    }

    /// The embedded source files of [`PolicySet::builtin`], as `(name, text)` pairs.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhidu::PolicySet::builtin_sources().iter().any(|(n, _)| n.ends_with("cn-mainland.toml")));
    /// ```
    #[must_use]
    pub fn builtin_sources() -> &'static [(&'static str, &'static str)] {
        builtin::SOURCES
    }

    /// Load a set from `(file name, text)` pairs (`&str` or `String`). Calendars the files
    /// refer to but do not define are taken from the builtin set (so a policy file can say
    /// `calendar = "cn-mainland"` on its own).
    ///
    /// A notice file (`[calendar] extends = "cn-mainland"` and one `[[year]]`) adds the State
    /// Council notice of the first provisional year to the calendar it extends, replacing
    /// the year derived from the statute. A set of notice files only is loaded beside the
    /// builtin policies, which then count in the extended calendar:
    ///
    /// ```
    /// let notice = r#"
    /// [calendar]
    /// extends = "cn-mainland"
    ///
    /// [[year]]
    /// year = 2027
    /// notice = "a test notice, not the real one"
    /// [[year.festival]]
    /// name = "元旦"
    /// holidays = [2027-01-01]
    /// [[year.festival]]
    /// name = "春节"
    /// holidays = [2027-02-05, 2027-02-06, 2027-02-07, 2027-02-08]
    /// [[year.festival]]
    /// name = "清明"
    /// holidays = [2027-04-05]
    /// [[year.festival]]
    /// name = "劳动节"
    /// holidays = [2027-05-01, 2027-05-02]
    /// [[year.festival]]
    /// name = "端午"
    /// holidays = [2027-06-09]
    /// [[year.festival]]
    /// name = "中秋"
    /// holidays = [2027-09-15]
    /// [[year.festival]]
    /// name = "国庆节"
    /// holidays = [2027-10-01, 2027-10-02, 2027-10-03]
    /// "#;
    /// let ps = zhidu::PolicySet::from_sources(&[("2027.toml", notice)])?;
    /// assert_eq!(ps.calendar("cn-mainland")?.notice_years(), (2004, 2027));
    /// let due = ps.policy("s2-service-center")?.due("promised", "2026-12-10".parse::<zhidu::Start>()?, Some(20))?;
    /// assert_eq!((due.due_date.to_string(), due.provisional), ("2027-01-08".to_owned(), false));
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Policy`] with every diagnostic when any file has an error;
    /// [`Error::TooLarge`] when a file or the set is over the size limits.
    ///
    /// # Example
    ///
    /// ```
    /// let text = r#"
    /// [policy]
    /// id = "town"
    /// name = "镇便民服务中心"
    /// version = "1"
    /// effective_from = 2024-01-01
    /// calendar = "cn-mainland"
    /// source = "local rules"
    ///
    /// [[class]]
    /// id = "permit"
    /// name = "许可件"
    /// unit = "working_days"
    /// limit = 20
    /// source = { clause = "X.1", quote = "20个工作日内办结" }
    /// "#;
    /// let ps = zhidu::PolicySet::from_sources(&[("town.toml", text)]).unwrap();
    /// let due = ps.policy("town").unwrap().due("permit", "2026-09-30".parse::<zhidu::Start>().unwrap(), None).unwrap();
    /// assert_eq!(due.due_date.to_string(), "2026-11-03");
    /// ```
    pub fn from_sources<N: AsRef<str>, T: AsRef<str>>(
        sources: &[(N, T)],
    ) -> Result<PolicySet, Error> {
        let sources: Vec<(&str, &str)> = sources
            .iter()
            .map(|(n, t)| (n.as_ref(), t.as_ref()))
            .collect();
        let sources = sources.as_slice();
        let builtin = Self::builtin()?;
        let set = Self::compile_sources(sources, Some(&builtin))?;
        if set.notice_only {
            // Notice files alone are loaded beside the builtin set: its policies then count
            // in the calendars the notices extend.
            let mut all: Vec<(&str, &str)> = builtin::SOURCES.to_vec();
            all.extend_from_slice(sources);
            return Self::compile_sources(&all, None);
        }
        Ok(set)
    }

    /// Load every `*.toml` file under a directory (recursively, in name order), or one file.
    ///
    /// Symbolic links are not followed, so a link cannot pull in files from outside the
    /// directory.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when a path cannot be read, and as [`PolicySet::from_sources`].
    ///
    /// # Example
    ///
    /// ```
    /// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../policies");
    /// let ps = zhidu::PolicySet::load(dir).unwrap();
    /// assert!(ps.policy("s2-service-center").is_ok());
    /// ```
    pub fn load(path: impl AsRef<Path>) -> Result<PolicySet, Error> {
        Self::from_sources(&read_paths(&[path.as_ref().to_path_buf()])?)
    }

    /// Check files and return every diagnostic (errors and warnings) without failing.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] or [`Error::TooLarge`] when the files cannot be read at all.
    ///
    /// # Example
    ///
    /// ```
    /// let d = zhidu::PolicySet::check_sources(&[("a.toml", "[policy]\nid = \"a\"\n")]).unwrap();
    /// assert_eq!(d[0].message, "missing key `name`");
    /// assert_eq!((d[0].line, d[0].column, d[0].path.as_str()), (1, 1, "policy"));
    /// ```
    pub fn check_sources<N: AsRef<str>, T: AsRef<str>>(
        sources: &[(N, T)],
    ) -> Result<Vec<Diagnostic>, Error> {
        match Self::from_sources(sources) {
            Ok(set) => Ok(set.warnings.as_ref().clone()),
            Err(Error::Policy { diagnostics }) => Ok(diagnostics),
            Err(e) => Err(e),
        }
    }

    /// Read `paths` (files or directories) as [`PolicySet::load`] does, as `(name, text)`.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] for unreadable paths or non-UTF-8 files, [`Error::TooLarge`] over the
    /// limits.
    ///
    /// # Example
    ///
    /// ```
    /// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../policies");
    /// let files = zhidu::PolicySet::read_paths(&[dir.into()]).unwrap();
    /// assert!(files.len() >= 6);
    /// ```
    pub fn read_paths(paths: &[PathBuf]) -> Result<Vec<(String, String)>, Error> {
        read_paths(paths)
    }

    pub(super) fn compile_sources(
        sources: &[(&str, &str)],
        fallback: Option<&PolicySet>,
    ) -> Result<PolicySet, Error> {
        if sources.len() > MAX_FILES {
            return Err(Error::TooLarge {
                what: "the policy set".to_owned(),
                size: sources.len() as u64,
                limit: MAX_FILES as u64,
                unit: "files",
            });
        }
        // A file over its own limit is named first: the more useful message.
        for (name, text) in sources {
            if text.len() > MAX_FILE_BYTES {
                return Err(Error::TooLarge {
                    what: format!("`{name}`"),
                    size: text.len() as u64,
                    limit: MAX_FILE_BYTES as u64,
                    unit: "bytes",
                });
            }
        }
        let total: usize = sources.iter().map(|(_, t)| t.len()).sum();
        if total > MAX_SET_BYTES {
            return Err(Error::TooLarge {
                what: "the policy set".to_owned(),
                size: total as u64,
                limit: MAX_SET_BYTES as u64,
                unit: "bytes",
            });
        }
        // The calendars and policies a user set falls back on, every one compiled.
        let base = fallback.map(PolicySet::compiled_maps).transpose()?;
        let mut diagnostics = Vec::new();
        let mut files = Vec::new();
        let mut clause_index: Option<Arc<ClauseIndex>> = None;
        let texts: Vec<std::borrow::Cow<'_, str>> =
            sources.iter().map(|(_, t)| normalized(t)).collect();
        for ((name, _), text) in sources.iter().zip(&texts) {
            if builtin::is_shipped_index(text) {
                // Read when first asked for (coverage, or a set's citations), not with the
                // policies: the shipped set's compile time is budgeted (benches/RESULTS.md).
                continue;
            }
            if let Some(doc) = Document::parse(name, text, &mut diagnostics) {
                if doc.root.get_ref().contains_key(index::SECTION) {
                    read_index(&doc, &mut clause_index, &mut diagnostics);
                } else if let Some(raw) = compile::read_file(&doc, &mut diagnostics) {
                    files.push((doc, raw));
                }
            }
        }
        let notice_only = !files.is_empty()
            && files
                .iter()
                .all(|(_, f)| matches!(f, compile::RawFile::Notice { .. }));
        let compiled = compile::compile(
            &files,
            base.as_ref()
                .map(|(calendars, policies)| compile::Fallback {
                    calendars,
                    policies,
                })
                .as_ref(),
            &mut diagnostics,
        );
        let clause_index = clause_index.or_else(|| fallback.and_then(|f| f.clause_index.clone()));
        // The shipped policies are held to the index by the tests; another set's citations
        // are checked here, against its own index or the shipped one.
        let checked = match &clause_index {
            Some(own) => Some(Arc::clone(own)),
            None if fallback.is_some() => shipped_index(),
            None => None,
        };
        if let Some(index) = &checked {
            crate::coverage::check_citations(
                index,
                compiled.policies.values().map(AsRef::as_ref),
                &mut diagnostics,
            );
        }
        // Report in file order, then by place in the file.
        let order = |name: &str| {
            sources
                .iter()
                .position(|(n, _)| *n == name)
                .unwrap_or(usize::MAX)
        };
        diagnostics.sort_by_key(|d| (order(&d.file), d.line, d.column));
        if diagnostics.iter().any(|d| d.severity == Severity::Error) {
            return Err(Error::Policy { diagnostics });
        }
        let hash: Arc<str> = content_hash(sources, &compiled, fallback.is_some()).into();
        for p in compiled.policies.values() {
            // A fresh policy of this set: the cell is empty, so the set cannot fail.
            let _ = p.set_hash.set(Arc::clone(&hash));
        }
        let mut calendars = fallback.map(|f| f.calendars.clone()).unwrap_or_default();
        calendars.extend(
            compiled
                .calendars
                .into_iter()
                .map(|(id, c)| (id, filled(c))),
        );
        Ok(PolicySet {
            calendars,
            policies: compiled
                .policies
                .into_iter()
                .map(|(id, p)| (id, filled(p)))
                .collect(),
            warnings: Arc::new(diagnostics),
            sources: Arc::new(
                sources
                    .iter()
                    .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
                    .collect(),
            ),
            builtin: false,
            clause_index,
            notice_only,
            hash: Some(hash),
        })
    }

    /// The content hash of the set's files: SHA-256 (lowercase hex) over each file's own
    /// SHA-256, sorted, so that it depends on the files' bytes only, not on their names nor
    /// on the order they were loaded in. A set that counts in a builtin calendar without
    /// shipping it includes that calendar file. Bytes, not meaning: reformatting a file
    /// changes the hash. Every result's [`crate::Stamp`] carries it.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::PolicySet;
    /// let files = PolicySet::builtin_sources();
    /// let mut reversed = files.to_vec();
    /// reversed.reverse();
    /// let renamed: Vec<(String, &str)> = reversed.iter().enumerate().map(|(i, (_, t))| (format!("f{i}.toml"), *t)).collect();
    /// assert_eq!(PolicySet::from_sources(&renamed)?.content_hash(), PolicySet::builtin()?.content_hash());
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn content_hash(&self) -> &str {
        match &self.hash {
            Some(hash) => hash,
            None => builtin_hash(),
        }
    }

    /// The clause index of the set, for coverage: its own, else the shipped one.
    pub(crate) fn clause_index(&self) -> Option<Arc<ClauseIndex>> {
        self.clause_index.clone().or_else(shipped_index)
    }

    /// A policy by id.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownPolicy`] with the closest id as a hint.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// assert!(ps.policy("s12-confidentiality").is_ok());
    /// ```
    pub fn policy(&self, id: &str) -> Result<&Policy, Error> {
        self.compiled_policy(id).map(AsRef::as_ref)
    }

    /// A shared handle to a policy, for keeping it beyond the set's lifetime.
    ///
    /// # Errors
    ///
    /// As [`PolicySet::policy`].
    ///
    /// # Example
    ///
    /// ```
    /// let p = zhidu::PolicySet::builtin().unwrap().policy_arc("s2-service-center").unwrap();
    /// assert_eq!(p.id(), "s2-service-center");
    /// ```
    pub fn policy_arc(&self, id: &str) -> Result<Arc<Policy>, Error> {
        self.compiled_policy(id).map(Arc::clone)
    }

    /// Every policy, by id.
    ///
    /// Compiles the builtin set's policies not asked for yet; one that failed to compile
    /// (never a shipped one: the tests compile them all) is left out here, and
    /// [`PolicySet::policy`] returns its error.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhidu::PolicySet::builtin().unwrap().policies().count() >= 5);
    /// ```
    pub fn policies(&self) -> impl Iterator<Item = &Policy> {
        self.policies
            .keys()
            .filter_map(|id| self.compiled_policy(id).ok())
            .map(AsRef::as_ref)
    }

    /// The id of every policy, sorted, without compiling any (listing the builtin set's
    /// policies costs nothing).
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let ids: Vec<&str> = ps.policy_ids().collect();
    /// assert_eq!(ids.len(), ps.policies().count());
    /// assert!(ids.contains(&"s14-window-scorecard"));
    /// ```
    pub fn policy_ids(&self) -> impl Iterator<Item = &str> {
        self.policies.keys().map(String::as_str)
    }

    /// A calendar by id.
    ///
    /// # Errors
    ///
    /// [`Error::Input`] naming the closest known calendar.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhidu::PolicySet::builtin().unwrap().calendar("cn-mainland").is_ok());
    /// ```
    pub fn calendar(&self, id: &str) -> Result<&Calendar, Error> {
        if !self.calendars.contains_key(id) {
            return Err(Error::input(
                format!("no calendar `{id}`"),
                closest(id, self.calendars.keys().map(String::as_str))
                    .map(|c| format!("did you mean `{c}`?")),
            ));
        }
        self.compiled_calendar(id).map(AsRef::as_ref)
    }

    /// Warnings found while loading (errors make loading fail instead).
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhidu::PolicySet::builtin().unwrap().warnings().is_empty());
    /// ```
    #[must_use]
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// The `(name, text)` pairs the set was loaded from (empty names none for builtin).
    ///
    /// Bindings use this to rebuild a set in another process (pickling).
    ///
    /// # Example
    ///
    /// ```
    /// assert!(!zhidu::PolicySet::builtin().unwrap().sources().is_empty());
    /// ```
    #[must_use]
    pub fn sources(&self) -> &[(String, String)] {
        &self.sources
    }

    /// Whether this is the embedded builtin set.
    ///
    /// # Example
    ///
    /// ```
    /// let text = zhidu::PolicySet::builtin_sources()[0];
    /// assert!(!zhidu::PolicySet::from_sources(&[text]).unwrap().is_builtin());
    /// ```
    #[must_use]
    pub fn is_builtin(&self) -> bool {
        self.builtin
    }
}

/// The builtin set's hash, computed once per process when first asked for: hashing its files
/// in `PolicySet::builtin` would undo the lazy compile's saving (issue #14 point 16).
pub(super) fn builtin_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| {
        crate::stamp::set_hash(
            builtin::SOURCES
                .iter()
                .map(|(_, t)| crate::stamp::sha256_hex(t.as_bytes()))
                .collect(),
        )
    })
}

/// The set hash of `sources`, with the builtin calendar files that a set loaded beside the
/// builtin one (`borrows`) counts its policies in without defining them.
fn content_hash(sources: &[(&str, &str)], compiled: &compile::Compiled, borrows: bool) -> String {
    let mut digests: Vec<String> = sources
        .iter()
        .map(|(_, t)| crate::stamp::sha256_hex(t.as_bytes()))
        .collect();
    if borrows {
        let mut borrowed: Vec<&str> = compiled
            .policies
            .values()
            .map(|p| p.calendar.id())
            .filter(|id| !compiled.calendars.contains_key(*id))
            .collect();
        borrowed.sort_unstable();
        borrowed.dedup();
        for id in borrowed {
            let file = format!("policies/calendars/{id}.toml");
            if let Some((_, text)) = builtin::SOURCES.iter().find(|(n, _)| *n == file) {
                digests.push(crate::stamp::sha256_hex(text.as_bytes()));
            }
        }
    }
    crate::stamp::set_hash(digests)
}

/// The shipped clause index (`policies/clauses.toml`, embedded), read once per process.
fn shipped_index() -> Option<Arc<ClauseIndex>> {
    static SHIPPED: OnceLock<Option<Arc<ClauseIndex>>> = OnceLock::new();
    SHIPPED
        .get_or_init(|| {
            let (name, text) = builtin::shipped_index()?;
            let mut out = Vec::new();
            let doc = Document::parse(name, text, &mut out)?;
            index::read(&doc, &mut out).map(Arc::new)
        })
        .clone()
}

/// Read a clause index file into `slot`; a second one is an error naming the first.
fn read_index(doc: &Document<'_>, slot: &mut Option<Arc<ClauseIndex>>, out: &mut Vec<Diagnostic>) {
    if let Some(first) = slot {
        out.push(doc.src.error(
            Some(0..0),
            index::SECTION,
            "the clause index is defined twice",
            Some(format!("the other is in `{}`", first.file)),
        ));
        return;
    }
    *slot = index::read(doc, out).map(Arc::new);
}

/// A file's text as the parser sees it: without a byte-order mark (invisible in editors),
/// and with CRLF line endings as LF, so that a file saved on Windows has the same
/// diagnostics at the same lines and columns (an unterminated string before a CRLF was
/// reported twice, issue #8). Lines and columns are unchanged: only the `\r` before each
/// `\n` goes. TOML allows parsers to normalise newlines, also inside multi-line strings.
pub(super) fn normalized(text: &str) -> std::borrow::Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains("\r\n") {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}
