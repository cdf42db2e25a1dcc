//! Coverage of the regulations: for each clause of the clause index, where the loaded
//! policies encode it or, from the index's reasons table, why none does.
//!
//! The index (`policies/clauses.toml`) lists every clause id of regulations.md with its
//! seed line and kinds ([`index`]). The loader collects every `source = { clause, quote }`
//! of every policy file as it reads it ([`cite`]), whatever the section, so a new kind of
//! policy entry appears here without code. [`PolicySet::clause_coverage`] joins the two
//! ([`answer`]); a cited id in the index's namespace (`S<n>.`) that the index lacks is a
//! load warning with the closest id as a hint ([`check_citations`]).
//!
//! [`PolicySet::clause_coverage`]: crate::PolicySet::clause_coverage

mod answer;
pub(crate) mod cite;
pub(crate) mod index;

pub use answer::{
    ClauseCoverage, ClauseStatus, CoverageReason, CoverageTotals, Encoding, RegulationCoverage,
};
pub use index::ClauseKind;

use crate::Policy;
use crate::diagnostic::{Diagnostic, Severity};

/// A warning for every citation, in the index's namespace, of a clause the index lacks.
pub(crate) fn check_citations<'a>(
    index: &index::ClauseIndex,
    policies: impl Iterator<Item = &'a Policy>,
    out: &mut Vec<Diagnostic>,
) {
    for p in policies {
        for c in &p.citations {
            if index.regulation_of(&c.clause).is_none() || index.by_id.contains_key(&c.clause) {
                continue;
            }
            out.push(Diagnostic {
                severity: Severity::Warning,
                file: c.file.clone(),
                line: c.line,
                column: c.column,
                path: c.path.clone(),
                message: format!("clause `{}` is not in the clause index", c.clause),
                help: index.hint(&c.clause).or_else(|| {
                    Some(format!(
                        "check the id against regulations.md, or add it to `{}`",
                        index.file
                    ))
                }),
            });
        }
    }
}
