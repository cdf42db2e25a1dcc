//! One code in full: a clause id with the index's facts and every entry citing it, or an
//! entry (rule, class, tier, violation, any kind) with its values, defaults, what it names
//! and what names it.

use serde::Serialize;

use super::{Catalog, Entry, EntryRef};
use crate::diagnostic::did_you_mean;
use crate::source::Clause;
use crate::{ClauseStatus, Error, PolicySet};

/// What the clause index says of a clause, and who cites it with which quote.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin()?;
/// let x = ps.explain("S14.att.6", None)?;
/// let c = x.clause.unwrap();
/// assert_eq!((c.regulation.as_deref(), c.status.unwrap().line), (Some("S14"), Some(913)));
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ClauseFacts {
    /// The clause id.
    pub id: String,
    /// Its regulation (`S14`), when the index has it.
    pub regulation: Option<String>,
    /// The regulation's title.
    pub regulation_title: Option<String>,
    /// The index's entry with every encoding, or none when the index lacks the id.
    pub status: Option<ClauseStatus>,
    /// What the status's reason means, from the index's reasons table.
    pub reason_note: Option<String>,
    /// Every entry that cites it, with the quote it gives.
    pub cited_by: Vec<Citing>,
}

/// An entry citing a clause, with its quote.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin()?;
/// let c = ps.explain("S2.xs.2", Some("s2-service-center"))?.clause.unwrap();
/// assert!(c.cited_by.iter().any(|x| x.entry.kind == "class" && x.source.quote.contains("3—5日")));
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Citing {
    /// The entry (its `key` is `source`).
    pub entry: EntryRef,
    /// Its name.
    pub name: Option<String>,
    /// The citation: clause, quote and, for an outside text, which.
    pub source: Clause,
}

/// An entry and the entries that name it.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin()?;
/// let x = ps.explain("tier:2", Some("s2-service-center"))?;
/// assert!(x.entries[0].used_by.iter().any(|u| u.id == "S2.zr.t2.1" && u.key == "tier"));
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct EntryUse {
    /// The entry.
    pub entry: Entry,
    /// The entries whose values name it, with the key that does.
    pub used_by: Vec<EntryRef>,
}

/// The answer of [`PolicySet::explain`]: the clause (when the code is one) and every entry
/// with that id.
///
/// JSON: `{code, clause: null | {id, regulation, regulation_title, status, reason_note,
/// cited_by: [{entry, name, source}]}, entries: [{entry, used_by}]}`.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin()?;
/// // S2 and S10 both have a `promised` class (承诺件).
/// let x = ps.explain("promised", None)?;
/// assert!(x.clause.is_none());
/// let policies: Vec<&str> = x.entries.iter().map(|u| u.entry.policy.as_str()).collect();
/// assert_eq!(policies, ["s10-service-system", "s2-service-center"]);
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Explanation {
    /// The code asked for.
    pub code: String,
    /// The clause, when the code is a clause id of the index or cited by an entry.
    pub clause: Option<ClauseFacts>,
    /// Every entry with that id (a rule whose code is the clause id, a class, a tier …).
    pub entries: Vec<EntryUse>,
}

impl PolicySet {
    /// One code in full: a clause id (`S14.att.6`), a rule code, a class or tier id (`2`,
    /// or `tier:2` to pick the kind), any entry's `kind:id`, or `policy:code` to pick the
    /// policy; `policy` limits the answer to one policy.
    ///
    /// # Errors
    ///
    /// [`Error::Input`] when nothing has that code, with the closest code as a hint;
    /// [`Error::UnknownPolicy`] for an unknown `policy`.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin()?;
    /// let x = ps.explain("S14.att.6", None)?;
    /// let rule = &x.entries.iter().find(|u| u.entry.kind == "rule").unwrap().entry;
    /// assert!(rule.values.iter().any(|v| v.key == "range" && v.text == "[10, 20]"));
    /// let e = ps.explain("S14.att.66", None).unwrap_err();
    /// assert_eq!(e.help().as_deref(), Some("did you mean `S14.att.6`?"));
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    pub fn explain(&self, code: &str, policy: Option<&str>) -> Result<Explanation, Error> {
        if let Some(p) = policy {
            self.policy(p)?;
        }
        let catalog = self.catalog()?;
        let (policy, kind, id) = split_code(code, policy, &catalog);
        let in_scope = |e: &Entry| policy.as_deref().is_none_or(|p| e.policy == p);
        let entries: Vec<EntryUse> = catalog
            .entries()
            .filter(|e| in_scope(e) && e.id == id && kind.is_none_or(|k| e.kind == k))
            .map(|e| EntryUse {
                used_by: catalog.used_by(e),
                entry: e.clone(),
            })
            .collect();
        let clause = if kind.is_none() {
            self.clause_facts(&catalog, id, &in_scope)?
        } else {
            None
        };
        if entries.is_empty() && clause.is_none() {
            return Err(Error::input(
                format!("no clause, rule, class, tier or other entry `{code}`"),
                self.closest_code(&catalog, code),
            ));
        }
        Ok(Explanation {
            code: code.to_owned(),
            clause,
            entries,
        })
    }

    fn clause_facts(
        &self,
        catalog: &Catalog,
        id: &str,
        in_scope: &dyn Fn(&Entry) -> bool,
    ) -> Result<Option<ClauseFacts>, Error> {
        let cited_by: Vec<Citing> = catalog
            .entries()
            .filter(|e| in_scope(e))
            .flat_map(|e| {
                e.sources
                    .iter()
                    .filter(|s| s.clause == id)
                    .map(move |s| Citing {
                        entry: e.as_ref_via("source"),
                        name: e.name.clone(),
                        source: s.clone(),
                    })
            })
            .collect();
        let mut facts = ClauseFacts {
            id: id.to_owned(),
            regulation: None,
            regulation_title: None,
            status: None,
            reason_note: None,
            cited_by,
        };
        if self.clause_index().is_some() {
            let coverage = self.clause_coverage(None)?;
            for r in coverage.regulations {
                if let Some(status) = r.clauses.into_iter().find(|c| c.id == id) {
                    facts.reason_note = status.reason.as_ref().and_then(|why| {
                        coverage
                            .reasons
                            .iter()
                            .find(|x| x.id == *why)
                            .map(|x| x.note.clone())
                    });
                    facts.regulation = Some(r.id);
                    facts.regulation_title = Some(r.title);
                    facts.status = Some(status);
                    break;
                }
            }
        }
        Ok((facts.status.is_some() || !facts.cited_by.is_empty()).then_some(facts))
    }

    /// The closest clause id or entry code, as a "did you mean".
    fn closest_code(&self, catalog: &Catalog, code: &str) -> Option<String> {
        let index = self.clause_index();
        let mut known: Vec<String> = catalog.entries().map(|e| e.id.clone()).collect();
        known.extend(catalog.entries().map(Entry::qualified));
        if let Some(index) = &index {
            known.extend(index.by_id.keys().cloned());
        }
        known.sort_unstable();
        known.dedup();
        did_you_mean(code, known.iter().map(String::as_str))
    }
}

/// `policy:kind:id`, `policy:id`, `kind:id` or `id`: the policy (the argument's unless the
/// code names one), the kind, and the id.
fn split_code<'c>(
    code: &'c str,
    policy: Option<&str>,
    catalog: &Catalog,
) -> (Option<String>, Option<&'c str>, &'c str) {
    let mut policy = policy.map(str::to_owned);
    let mut rest = code;
    if let Some((p, tail)) = rest.split_once(':') {
        if catalog.policies.iter().any(|x| x.policy == p) {
            policy = Some(p.to_owned());
            rest = tail;
        }
    }
    if let Some((k, tail)) = rest.split_once(':') {
        if catalog.entries().any(|e| e.kind == k) {
            return (policy, Some(k), tail);
        }
    }
    (policy, None, rest)
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::indexing_slicing,
        reason = "a test with a broken fixture should fail loudly"
    )]

    use crate::{DefaultMark, PolicySet};

    /// S14.att.6, worked from regulations.md §3b (S14 table) and seed L913: 「经查实,有吃、拿、
    /// 卡、要等不廉洁行为的,每次视情节轻重扣10—20分,扣除当月奖励150元,并取消该窗口和工作人员
    /// 年度评先资格」 — a deduction of 10–20 points per occurrence in 考勤 (the section of
    /// L901–915, 30 points), 150 yuan withheld from the month's bonus, and the annual
    /// commendation revoked for the person and the window; the range is A6's.
    #[test]
    fn s14_att_6_in_full() {
        let ps = PolicySet::builtin().unwrap();
        let x = ps.explain("S14.att.6", None).unwrap();
        let clause = x.clause.as_ref().unwrap();
        assert_eq!(clause.regulation.as_deref(), Some("S14"));
        let status = clause.status.as_ref().unwrap();
        assert_eq!(status.line, Some(913));
        assert!(status.computable);
        // Cited by the rule, by the assessment table (the 150 yuan) and by the effect.
        let citing: Vec<(&str, &str)> = clause
            .cited_by
            .iter()
            .map(|c| (c.entry.kind.as_str(), c.entry.id.as_str()))
            .collect();
        assert_eq!(
            citing,
            [
                ("assessment", "assessment"),
                ("effect", "annual_commendation_revoked"),
                ("rule", "S14.att.6")
            ]
        );
        let rule = x.entries.iter().find(|u| u.entry.kind == "rule").unwrap();
        let e = &rule.entry;
        assert_eq!(e.policy, "s14-window-scorecard");
        assert!(e.sources[0].quote.contains("每次视情节轻重扣10—20分"));
        assert!(e.sources[0].quote.contains("扣除当月奖励150元"));
        let value = |k: &str| e.values.iter().find(|v| v.key == k).unwrap().text.as_str();
        assert_eq!(value("range"), "[10, 20]");
        assert_eq!(value("category"), "\"att\"");
        assert_eq!(value("withholding"), "\"150\"");
        // The range is an open parameter: A6 (the assessor chooses in it, with a reason).
        assert!(
            e.defaults
                .iter()
                .any(|d| d.param == "A6" && d.mark == DefaultMark::Default)
        );
        // It counts in 考勤 and carries the annual effect.
        let refs: Vec<(&str, &str)> = e
            .refers_to
            .iter()
            .map(|r| (r.kind.as_str(), r.id.as_str()))
            .collect();
        assert!(refs.contains(&("category", "att")), "{refs:?}");
        assert!(
            refs.contains(&("effect", "annual_commendation_revoked")),
            "{refs:?}"
        );
    }

    /// S2's tiers (regulations.md §3c): tier 2 is 通报批评 + 调离窗口, and the five clauses
    /// S2.zr.t2.1–t2.5 are its violations.
    #[test]
    fn a_tier_is_used_by_its_violations() {
        let ps = PolicySet::builtin().unwrap();
        let x = ps.explain("tier:2", Some("s2-service-center")).unwrap();
        assert_eq!(x.entries.len(), 1);
        let mut users: Vec<&str> = x.entries[0]
            .used_by
            .iter()
            .filter(|u| u.kind == "violation")
            .map(|u| u.id.as_str())
            .collect();
        users.sort_unstable();
        for t2 in ["S2.zr.t2.1", "S2.zr.t2.2", "S2.zr.t2.3", "S2.zr.t2.5"] {
            assert!(users.contains(&t2), "{users:?}");
        }
    }

    #[test]
    fn an_unknown_code_gets_the_closest_as_a_hint() {
        let ps = PolicySet::builtin().unwrap();
        let e = ps.explain("promissed", None).unwrap_err();
        assert_eq!(e.code(), "input");
        assert_eq!(e.help().as_deref(), Some("did you mean `promised`?"));
        assert!(ps.explain("S2.xs.2", Some("s99")).is_err());
    }

    /// S14 imports S4.req.4 from s4-duty-rota: the import names the S4 rule, so S4's rule
    /// is used by S14's import.
    #[test]
    fn an_import_links_to_the_imported_rule() {
        let ps = PolicySet::builtin().unwrap();
        let x = ps.explain("rule:S4.req.4", Some("s4-duty-rota")).unwrap();
        assert!(
            x.entries[0]
                .used_by
                .iter()
                .any(|u| u.policy == "s14-window-scorecard" && u.kind == "import"),
            "{:?}",
            x.entries[0].used_by
        );
    }
}
