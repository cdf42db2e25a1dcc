//! `zhidu doc`: the policy set as a static site that reads offline from `file://` — an
//! index, the coverage table, a page per regulation listing its clauses with their status,
//! a page per policy and a page per entry with the regulation's text beside the encoded
//! values. Plain HTML and one CSS file; relative links only; every string escaped.
//!
//! The pages are built here, as data; writing them to a folder is the host's.

mod html;
mod pages;

use std::collections::BTreeMap;

use serde::Serialize;

use super::Catalog;
use crate::{ClauseCoverage, Error, PolicySet};

/// One file of the documentation site: its path under the site's folder (always `/`-separated
/// and relative, such as `policies/s2-service-center/rule/S2.assess.ji.2.html`) and its text.
///
/// # Example
///
/// ```
/// let files = zhidu::PolicySet::builtin()?.doc_site()?;
/// assert!(files.iter().any(|f| f.path == "index.html"));
/// assert!(files.iter().all(|f| !f.path.starts_with('/') && !f.path.contains("..")));
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SiteFile {
    /// The relative path.
    pub path: String,
    /// The file's text (HTML or CSS).
    pub contents: String,
}

/// What every page is built from.
pub(super) struct Site<'a> {
    pub(super) catalog: &'a Catalog,
    pub(super) coverage: Option<&'a ClauseCoverage>,
    /// Clause id → its regulation's id, for links into the regulation pages.
    pub(super) regulation_of: BTreeMap<&'a str, &'a str>,
    /// Clause id → the entries citing it, in file order.
    pub(super) citing: BTreeMap<&'a str, Vec<&'a super::Entry>>,
    /// `(policy, kind, id)` → the entry's name, for the text of links to it.
    pub(super) names: BTreeMap<(&'a str, &'a str, &'a str), &'a str>,
}

impl PolicySet {
    /// The documentation site of every policy of the set: `index.html`, `style.css`,
    /// `coverage.html`, `regulations/<S…>.html`, `policies/<id>/index.html` and
    /// `policies/<id>/<kind>/<entry>.html`. In Chinese with English; no scripts; relative
    /// links only.
    ///
    /// # Errors
    ///
    /// As [`PolicySet::rules`].
    ///
    /// # Example
    ///
    /// ```
    /// let files = zhidu::PolicySet::builtin()?.doc_site()?;
    /// let att6 = files.iter().find(|f| f.path == "policies/s14-window-scorecard/rule/S14.att.6.html").unwrap();
    /// assert!(att6.contents.contains("每次视情节轻重扣10—20分"));
    /// assert!(att6.contents.contains("href=\"../../../regulations/S14.html#S14.att.6\""));
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    pub fn doc_site(&self) -> Result<Vec<SiteFile>, Error> {
        let catalog = self.catalog()?;
        let coverage = match self.clause_index() {
            Some(_) => Some(self.clause_coverage(None)?),
            None => None,
        };
        let regulation_of = coverage
            .iter()
            .flat_map(|c| c.regulations.iter())
            .flat_map(|r| {
                r.clauses
                    .iter()
                    .map(move |c| (c.id.as_str(), r.id.as_str()))
            })
            .collect();
        let mut citing: BTreeMap<&str, Vec<&super::Entry>> = BTreeMap::new();
        for e in catalog.entries() {
            for s in &e.sources {
                let list = citing.entry(s.clause.as_str()).or_default();
                if !list.iter().any(|x| std::ptr::eq(*x, e)) {
                    list.push(e);
                }
            }
        }
        let names = catalog
            .entries()
            .filter_map(|e| {
                let name = e.name.as_deref()?;
                Some(((e.policy.as_str(), e.kind.as_str(), e.id.as_str()), name))
            })
            .collect();
        let site = Site {
            catalog: &catalog,
            coverage: coverage.as_ref(),
            regulation_of,
            citing,
            names,
        };
        let mut files = vec![
            SiteFile {
                path: "style.css".to_owned(),
                contents: html::CSS.to_owned(),
            },
            SiteFile {
                path: "index.html".to_owned(),
                contents: pages::index(&site),
            },
            SiteFile {
                path: "coverage.html".to_owned(),
                contents: pages::coverage(&site),
            },
        ];
        if let Some(cov) = &coverage {
            for r in &cov.regulations {
                files.push(SiteFile {
                    path: format!("regulations/{}.html", html::slug(&r.id)),
                    contents: pages::regulation(&site, r),
                });
            }
        }
        for p in &catalog.policies {
            files.push(SiteFile {
                path: format!("policies/{}/index.html", html::slug(&p.policy)),
                contents: pages::policy(&site, p),
            });
            for e in p.entries.iter().filter(|e| e.kind != "policy") {
                files.push(SiteFile {
                    path: pages::entry_path(&e.policy, &e.kind, &e.id),
                    contents: pages::entry(&site, e),
                });
            }
        }
        Ok(files)
    }
}
