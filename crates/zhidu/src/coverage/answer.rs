//! The coverage answer: the index's clauses, each with its encodings or its reason, and the
//! totals per regulation and overall.

use serde::Serialize;

use super::index::{ClauseIndex, ClauseKind};
use crate::diagnostic::did_you_mean;
use crate::{Error, PolicySet};

/// Where a policy encodes a clause.
///
/// # Example
///
/// ```
/// let cov = zhidu::PolicySet::builtin()?.clause_coverage(Some("S2"))?;
/// let ji2 = cov.regulations[0].clauses.iter().find(|c| c.id == "S2.assess.ji.2").unwrap();
/// assert_eq!(ji2.encoded[0].policy, "s2-service-center");
/// assert_eq!(ji2.encoded[0].entry, "rule S2.assess.ji.2");
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Encoding {
    /// The policy's id.
    pub policy: String,
    /// The entry: its section and id (`rule S2.assess.ji.2`), or the section alone.
    pub entry: String,
    /// The key path of the citation in the policy file (`rule[12].source.clause`).
    pub path: String,
}

/// One clause: what the index says of it, and where it is encoded or why not.
///
/// # Example
///
/// ```
/// let cov = zhidu::PolicySet::builtin()?.clause_coverage(Some("S1"))?;
/// // S1.it.6 (窗口计算机应设置密码) is a standing set-up requirement, with no request to decide.
/// let setup = cov.regulations[0].clauses.iter().find(|c| c.id == "S1.it.6").unwrap();
/// assert!(setup.computable && setup.encoded.is_empty());
/// assert_eq!(setup.reason.as_deref(), Some("no-sanction"));
/// // S1.it.3 (定期进行杀毒) is an obligation of `s1-window-it` with no period (A32).
/// let scans = cov.regulations[0].clauses.iter().find(|c| c.id == "S1.it.3").unwrap();
/// assert_eq!(scans.encoded[0].policy, "s1-window-it");
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ClauseStatus {
    /// The clause id, such as `S2.assess.ji.2`.
    pub id: String,
    /// Its line in the seed text, when the index gives one.
    pub line: Option<u32>,
    /// Its kinds, as regulations.md gives them.
    pub kinds: Vec<ClauseKind>,
    /// Whether it states something to compute (descriptive clauses, section ids and `other`
    /// clauses with no number do not).
    pub computable: bool,
    /// Every policy entry that cites it.
    pub encoded: Vec<Encoding>,
    /// Why no policy encodes it, an id of the index's reasons table.
    pub reason: Option<String>,
    /// The reason's note for this clause.
    pub note: Option<String>,
}

/// Counts of one regulation's clauses, or of all. `encoded + with_reason + missing =
/// computable`: a computable clause is encoded, else has a reason, else is missing.
///
/// # Example
///
/// ```
/// let t = zhidu::PolicySet::builtin()?.clause_coverage(None)?.totals;
/// assert_eq!(t.encoded + t.with_reason + t.missing, t.computable);
/// assert_eq!(t.missing, 0);
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CoverageTotals {
    /// Clauses in the index.
    pub clauses: usize,
    /// Of those, the computable ones.
    pub computable: usize,
    /// Computable clauses some policy encodes.
    pub encoded: usize,
    /// Computable clauses no policy encodes, with a reason.
    pub with_reason: usize,
    /// Of `with_reason`, those whose reason is `planned`.
    pub planned: usize,
    /// Computable clauses with neither an encoding nor a reason.
    pub missing: usize,
}

impl CoverageTotals {
    fn add(&mut self, c: &ClauseStatus) {
        self.clauses += 1;
        if !c.computable {
            return;
        }
        self.computable += 1;
        if !c.encoded.is_empty() {
            self.encoded += 1;
        } else if let Some(r) = &c.reason {
            self.with_reason += 1;
            self.planned += usize::from(r == PLANNED);
        } else {
            self.missing += 1;
        }
    }

    fn sum(&mut self, o: &CoverageTotals) {
        self.clauses += o.clauses;
        self.computable += o.computable;
        self.encoded += o.encoded;
        self.with_reason += o.with_reason;
        self.planned += o.planned;
        self.missing += o.missing;
    }
}

/// The reason of a clause being encoded in a parallel branch.
pub(crate) const PLANNED: &str = "planned";

/// One regulation's clauses and totals.
///
/// # Example
///
/// ```
/// let cov = zhidu::PolicySet::builtin()?.clause_coverage(Some("S14"))?;
/// let s14 = &cov.regulations[0];
/// assert_eq!((s14.id.as_str(), s14.totals.missing), ("S14", 0));
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RegulationCoverage {
    /// The regulation, such as `S8`.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its lines in the seed text, such as `495–629`.
    pub lines: String,
    /// Its clauses, in the index's order.
    pub clauses: Vec<ClauseStatus>,
    /// Its counts.
    pub totals: CoverageTotals,
}

/// The coverage of the regulations by a policy set.
///
/// # Example
///
/// ```
/// let cov = zhidu::PolicySet::builtin()?.clause_coverage(None)?;
/// assert_eq!(cov.regulations.len(), 15);
/// assert!(cov.reasons.iter().any(|r| r.id == "descriptive"));
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ClauseCoverage {
    /// Where the clause index's facts come from.
    pub source: String,
    /// Each regulation asked for, in the index's order.
    pub regulations: Vec<RegulationCoverage>,
    /// The counts over those regulations.
    pub totals: CoverageTotals,
    /// The reasons table of the index, in its order.
    pub reasons: Vec<CoverageReason>,
}

/// A reason a clause is not encoded, from the index's reasons table.
///
/// # Example
///
/// ```
/// let cov = zhidu::PolicySet::builtin()?.clause_coverage(None)?;
/// let planned = cov.reasons.iter().find(|r| r.id == "planned").unwrap();
/// assert!(planned.note.contains("issue #15"));
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CoverageReason {
    /// The reason's id, such as `no-number`.
    pub id: String,
    /// What it means.
    pub note: String,
}

impl PolicySet {
    /// For each regulation (or only `regulation`, such as `S8`), every clause of the clause
    /// index with the policy entries that encode it or the reason none does, and the totals.
    ///
    /// # Errors
    ///
    /// [`Error::Input`] when `regulation` is not in the index (with the closest id), or
    /// the set has no clause index.
    ///
    /// # Example
    ///
    /// ```
    /// let cov = zhidu::PolicySet::builtin()?.clause_coverage(Some("S10"))?;
    /// let s10 = &cov.regulations[0];
    /// let quick = s10.clauses.iter().find(|c| c.id == "S10.xs.3.4a").unwrap();
    /// assert_eq!(quick.encoded[0].entry, "class immediate");
    /// assert!(zhidu::PolicySet::builtin()?.clause_coverage(Some("S16")).is_err());
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    pub fn clause_coverage(&self, regulation: Option<&str>) -> Result<ClauseCoverage, Error> {
        let index = self.clause_index().ok_or_else(|| {
            Error::input(
                "the policy set has no clause index",
                Some("load `policies/clauses.toml` with the policies".to_owned()),
            )
        })?;
        if let Some(r) = regulation {
            if !index.regulations.iter().any(|x| x.id == r) {
                return Err(Error::input(
                    format!("no regulation `{r}` in the clause index"),
                    did_you_mean(r, index.regulations.iter().map(|x| x.id.as_str())),
                ));
            }
        }
        // Every policy counts: one the builtin set could not compile is an error, not a gap.
        self.compile_all()?;
        Ok(self.coverage_of(&index, regulation))
    }

    fn coverage_of(&self, index: &ClauseIndex, regulation: Option<&str>) -> ClauseCoverage {
        let mut statuses: Vec<ClauseStatus> = index
            .clauses
            .iter()
            .map(|c| ClauseStatus {
                id: c.id.clone(),
                line: c.line,
                kinds: c.kinds.clone(),
                computable: c.computable,
                encoded: Vec::new(),
                reason: c.reason.clone(),
                note: c.note.clone(),
            })
            .collect();
        for p in self.policies() {
            for cite in &p.citations {
                if let Some(status) = index
                    .by_id
                    .get(&cite.clause)
                    .and_then(|&i| statuses.get_mut(i))
                {
                    status.encoded.push(Encoding {
                        policy: p.id().to_owned(),
                        entry: cite.entry.clone(),
                        path: cite.path.clone(),
                    });
                }
            }
        }
        let mut regulations: Vec<RegulationCoverage> = index
            .regulations
            .iter()
            .filter(|r| regulation.is_none_or(|want| want == r.id))
            .map(|r| RegulationCoverage {
                id: r.id.clone(),
                title: r.title.clone(),
                lines: r.lines.clone(),
                clauses: Vec::new(),
                totals: CoverageTotals::default(),
            })
            .collect();
        for (status, c) in statuses.into_iter().zip(&index.clauses) {
            if let Some(r) = regulations.iter_mut().find(|r| r.id == c.regulation) {
                r.totals.add(&status);
                r.clauses.push(status);
            }
        }
        let mut totals = CoverageTotals::default();
        for r in &regulations {
            totals.sum(&r.totals);
        }
        ClauseCoverage {
            source: index.source.clone(),
            regulations,
            totals,
            reasons: index
                .reasons
                .iter()
                .map(|(id, note)| CoverageReason {
                    id: id.clone(),
                    note: note.clone(),
                })
                .collect(),
        }
    }
}
