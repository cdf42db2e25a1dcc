//! The clause index (`policies/clauses.toml`): every clause id of the regulations with its
//! seed line, its kinds and, when no policy encodes it, why not. Read by the loader beside
//! the policy files and embedded in the builtin set, as they are.

use std::collections::BTreeMap;

use crate::load::spanned::Spanned;
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::load::document::Document;

/// The top-level key that makes a file a clause index.
pub(crate) const SECTION: &str = "clause_index";

/// What kind of rule a clause states, as regulations.md §0 names them, plus `descriptive`
/// (no rule) and `section` (an id for a whole section that policies cite).
///
/// # Example
///
/// ```
/// let cov = zhidu::PolicySet::builtin()?.clause_coverage(Some("S8"))?;
/// let v1 = &cov.regulations[0].clauses[0];
/// assert_eq!(v1.id, "S8.verify.1");
/// assert_eq!(v1.kinds, [zhidu::ClauseKind::ThresholdTrigger]);
/// # Ok::<(), zhidu::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ClauseKind {
    /// A time limit.
    Deadline,
    /// Points taken off a score.
    Deduction,
    /// Points added to a score.
    Bonus,
    /// A money penalty.
    Fine,
    /// A consequence other than points or money (no award, compensation, removal).
    Effect,
    /// A tier of sanctions and what falls in it.
    AccountabilityTier,
    /// A matter passed up to someone else, or a sanction that grows.
    Escalation,
    /// Something due on a recurring date or time.
    Schedule,
    /// A condition on facts that sets something off.
    ThresholdTrigger,
    /// How long a record is kept.
    Retention,
    /// Who may do what.
    AccessControl,
    /// Anything else (a spec, a record schema, a subsidy …).
    Other,
    /// A duty, purpose or slogan with nothing to compute.
    Descriptive,
    /// A whole section's id, cited by an entry that encodes the section (its cap, its tier).
    Section,
}

impl ClauseKind {
    /// Whether a clause of only this kind needs no encoding.
    fn is_narrative(self) -> bool {
        matches!(self, ClauseKind::Descriptive | ClauseKind::Section)
    }
}

/// `[clause_index]`：条款索引 / the clause index
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawIndex {
    /// 来源 / the digest it is copied from
    source: String,
    /// 规章 / the regulations
    regulations: Vec<RawRegulation>,
    /// 不编码的理由 / the reasons a clause is not encoded
    reasons: Vec<RawReason>,
    /// 条款 / the clauses
    clauses: Vec<RawClause>,
}

/// 一部规章 / one regulation of the seed
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRegulation {
    /// 规章编号，如 `S2` / the regulation's id, such as `S2`
    id: Spanned<String>,
    /// 标题 / the title
    title: String,
    /// 在种子文本中的行范围 / its lines in the seed text
    lines: String,
}

/// 不编码的一种理由 / a reason clauses are not encoded
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawReason {
    /// 理由标识 / the reason's id
    id: Spanned<String>,
    /// 理由 / the reason
    note: String,
}

/// 一个条款及其性质 / one clause and the kinds of rule it gives
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawClause {
    /// 条款编号 / the clause id
    id: Spanned<String>,
    /// 种子文本中的行号 / its line in the seed text
    #[serde(default)]
    line: Option<u32>,
    /// 条款性质 / what kinds of rule it gives
    kinds: Vec<ClauseKind>,
    /// 是否可计算 / whether the clause has something to compute
    #[serde(default)]
    computable: Option<bool>,
    /// 不编码的理由（`reasons` 中的标识） / why it is not encoded (an id of `reasons`)
    #[serde(default)]
    reason: Option<Spanned<String>>,
    /// 说明 / a note
    #[serde(default)]
    note: Option<String>,
}

/// One regulation of the index.
#[derive(Clone, Debug)]
pub(crate) struct Regulation {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) lines: String,
}

/// One clause of the index.
#[derive(Clone, Debug)]
pub(crate) struct IndexedClause {
    pub(crate) id: String,
    pub(crate) regulation: String,
    pub(crate) line: Option<u32>,
    pub(crate) kinds: Vec<ClauseKind>,
    pub(crate) computable: bool,
    pub(crate) reason: Option<String>,
    pub(crate) note: Option<String>,
}

/// The whole index, in file order.
#[derive(Debug)]
pub(crate) struct ClauseIndex {
    pub(crate) file: String,
    /// Where the index's facts come from, in words.
    pub(crate) source: String,
    pub(crate) regulations: Vec<Regulation>,
    /// The reasons table, `(id, note)` in file order.
    pub(crate) reasons: Vec<(String, String)>,
    pub(crate) clauses: Vec<IndexedClause>,
    /// Clause id → its place in `clauses`.
    pub(crate) by_id: BTreeMap<String, usize>,
}

impl ClauseIndex {
    /// The regulation an id claims to belong to (`S12` of `S12.3.4.6`), if the index has it:
    /// only ids in the index's namespace are checked against it, so a policy for another
    /// text (`行政许可法.45`, a local rule `X.1`) cites freely.
    pub(crate) fn regulation_of(&self, clause: &str) -> Option<&Regulation> {
        let prefix = clause.split('.').next()?;
        self.regulations.iter().find(|r| r.id == prefix)
    }

    /// The closest indexed id, for a "did you mean": first an item the digest splits with a
    /// letter (`S12.3.4.5` → `S12.3.4.5a`), the likeliest meaning of a whole item's id, then
    /// the nearest by edits.
    pub(crate) fn hint(&self, clause: &str) -> Option<String> {
        let split = self.by_id.keys().find(|k| {
            k.strip_prefix(clause)
                .is_some_and(|rest| rest.len() == 1 && rest.chars().all(|c| c.is_ascii_lowercase()))
        });
        match split {
            Some(k) => Some(format!("did you mean `{k}`?")),
            None => did_you_mean(clause, self.by_id.keys().map(String::as_str)),
        }
    }
}

/// Read the `[clause_index]` file `doc`, every fault a diagnostic.
pub(crate) fn read(doc: &Document<'_>, out: &mut Vec<Diagnostic>) -> Option<ClauseIndex> {
    let mut raw = None;
    for (key, value) in doc.sections() {
        let name = key.get_ref().as_ref();
        if name == SECTION {
            raw = doc.decode::<RawIndex>(SECTION, value, out);
        } else {
            out.push(doc.error_at(
                key.span(),
                name,
                format!("a clause index file has only `[{SECTION}]`, not `{name}`"),
                Some("put policies and calendars in their own files".to_owned()),
            ));
        }
    }
    let raw = raw?;
    let errors_before = out.len();
    let mut regulations: Vec<Regulation> = Vec::new();
    for (i, r) in raw.regulations.iter().enumerate() {
        if regulations.iter().any(|x| x.id == *r.id.get_ref()) {
            out.push(doc.error_at(
                r.id.span(),
                format!("{SECTION}.regulations[{i}].id"),
                format!("regulation `{}` is listed twice", r.id.get_ref()),
                None,
            ));
        }
        regulations.push(Regulation {
            id: r.id.get_ref().clone(),
            title: r.title.clone(),
            lines: r.lines.clone(),
        });
    }
    let mut reasons: Vec<(String, String)> = Vec::new();
    for (i, r) in raw.reasons.iter().enumerate() {
        let twice = reasons.iter().any(|(id, _)| id == r.id.get_ref());
        reasons.push((r.id.get_ref().clone(), r.note.clone()));
        if twice {
            out.push(doc.error_at(
                r.id.span(),
                format!("{SECTION}.reasons[{i}].id"),
                format!("reason `{}` is listed twice", r.id.get_ref()),
                None,
            ));
        }
    }
    let mut clauses = Vec::new();
    let mut by_id = BTreeMap::new();
    for (i, c) in raw.clauses.iter().enumerate() {
        let id = c.id.get_ref();
        let path = format!("{SECTION}.clauses[{i}]");
        let prefix = id.split('.').next().unwrap_or_default();
        if !id.contains('.') || !regulations.iter().any(|r| r.id == prefix) {
            out.push(doc.error_at(
                c.id.span(),
                format!("{path}.id"),
                format!("clause `{id}` belongs to no regulation of the index"),
                Some("a clause id starts with its regulation, such as `S2.`, listed in `regulations`".to_owned()),
            ));
            continue;
        }
        if by_id.insert(id.clone(), clauses.len()).is_some() {
            out.push(doc.error_at(
                c.id.span(),
                format!("{path}.id"),
                format!("clause `{id}` is listed twice"),
                None,
            ));
            continue;
        }
        if let Some(reason) = &c.reason {
            if !reasons.iter().any(|(id, _)| id == reason.get_ref()) {
                out.push(doc.error_at(
                    reason.span(),
                    format!("{path}.reason"),
                    format!("no reason `{}` in `reasons`", reason.get_ref()),
                    did_you_mean(reason.get_ref(), reasons.iter().map(|(id, _)| id.as_str())),
                ));
            }
        }
        let narrative = !c.kinds.is_empty() && c.kinds.iter().all(|k| k.is_narrative());
        clauses.push(IndexedClause {
            id: id.clone(),
            regulation: prefix.to_owned(),
            line: c.line,
            kinds: c.kinds.clone(),
            computable: c.computable.unwrap_or(!narrative),
            reason: c.reason.as_ref().map(|r| r.get_ref().clone()),
            note: c.note.clone(),
        });
    }
    if out.len() > errors_before {
        return None;
    }
    Some(ClauseIndex {
        file: doc.src.name.to_owned(),
        source: raw.source,
        regulations,
        reasons,
        clauses,
        by_id,
    })
}
