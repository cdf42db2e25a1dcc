//! From `[[obligation]]` entries to the model, with the loader's diagnostics.

use crate::load::spanned::Spanned;
use serde::Deserialize;

use super::model::{Cadence, Obligation, ObligationsModel};
use crate::diagnostic::Diagnostic;
use crate::load::document::Document;
use crate::load::fields::check_id;
use crate::load::raw::{RawDefault, RawSources};
use crate::source::{clauses_of as clauses, notes_of as notes};

/// 周期 / The cadences a file may name.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawCadence {
    Monthly,
    BusinessDays,
    BeforeHolidayBlocks,
    BeforeOpening,
    Unset,
}

/// 定期义务 / `[[obligation]]`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawObligation {
    /// 标识（ASCII 字母、数字、`-`、`_`、`.`） / the entry's id (ASCII letters, digits, `-`, `_`, `.`)
    pub(crate) id: Spanned<String>,
    /// 义务内容 / what is owed
    pub(crate) what: String,
    /// 责任人 / who owes it
    pub(crate) charge: String,
    /// 周期 / how often it falls due
    pub(crate) cadence: Spanned<RawCadence>,
    /// 每几个月一次 / `monthly`: months per block, counted from January (default 1).
    #[serde(default)]
    pub(crate) every: Option<Spanned<u32>>,
    /// 起止月份 / `monthly`, `business_days`: the first and last month, inclusive.
    #[serde(default)]
    pub(crate) season: Option<Spanned<[u32; 2]>>,
    /// 开门前多少分钟 / `before_opening`: minutes before each session opens.
    #[serde(default)]
    pub(crate) lead_minutes: Option<Spanned<u32>>,
    /// 不设周期的理由 / `unset`: why no period is built in.
    #[serde(default)]
    pub(crate) reason: Option<String>,
    /// 出处：条款编号与原文 / where it comes from: the clause id and its words
    pub(crate) source: RawSources,
    /// 本制度为条文未定之处所设的默认值（开放参数及理由） / values the regulation leaves open, set here, each with its open
    /// parameter and reason
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

pub(crate) fn compile_obligations(
    doc: &Document<'_>,
    raw: &[(usize, RawObligation)],
    has_office: bool,
    out: &mut Vec<Diagnostic>,
) -> Option<ObligationsModel> {
    if raw.is_empty() {
        return None;
    }
    let before = out.len();
    let mut list: Vec<Obligation> = Vec::new();
    // Ids seen, in a set: a scan per obligation is quadratic at 10^5 obligations.
    let mut ids = std::collections::HashSet::new();
    for (i, o) in raw {
        let path = format!("obligation[{i}]");
        if !check_id(doc, &o.id, &format!("{path}.id"), out) {
            continue;
        }
        if !ids.insert(o.id.get_ref().as_str()) {
            out.push(doc.error_at(
                o.id.span(),
                format!("{path}.id"),
                format!("obligation `{}` is defined twice", o.id.get_ref()),
                None,
            ));
            continue;
        }
        let kind = *o.cadence.get_ref();
        let misplaced = |key: &str, span: core::ops::Range<usize>, out: &mut Vec<Diagnostic>| {
            out.push(doc.error_at(
                span,
                format!("{path}.{key}"),
                format!("`{key}` does not apply to this cadence"),
                Some("`every` and `season` go with `monthly` (`season` also with `business_days`), `lead_minutes` with `before_opening`, `reason` with `unset`".to_owned()),
            ));
        };
        if let Some(e) = &o.every {
            if kind != RawCadence::Monthly {
                misplaced("every", e.span(), out);
            } else if !matches!(*e.get_ref(), 1 | 2 | 3 | 4 | 6 | 12) {
                out.push(
                    doc.error_at(
                        e.span(),
                        format!("{path}.every"),
                        format!("`every = {}` does not divide the year", e.get_ref()),
                        Some(
                            "blocks of months are counted from January: use 1, 2, 3, 4, 6 or 12"
                                .to_owned(),
                        ),
                    ),
                );
            }
        }
        let season = match &o.season {
            Some(s) if !matches!(kind, RawCadence::Monthly | RawCadence::BusinessDays) => {
                misplaced("season", s.span(), out);
                None
            }
            Some(s) => {
                let [a, b] = *s.get_ref();
                if !(1..=12).contains(&a) || !(1..=12).contains(&b) || a > b {
                    out.push(
                        doc.error_at(
                            s.span(),
                            format!("{path}.season"),
                            format!("season `[{a}, {b}]` is not two months in order"),
                            Some(
                                "write the first and last month, inclusive, such as `[4, 10]`"
                                    .to_owned(),
                            ),
                        ),
                    );
                }
                Some((a, b))
            }
            None => None,
        };
        if let Some(l) = &o.lead_minutes {
            if kind != RawCadence::BeforeOpening {
                misplaced("lead_minutes", l.span(), out);
            }
        }
        if o.reason.is_some() && kind != RawCadence::Unset {
            misplaced("reason", o.cadence.span(), out);
        }
        let cadence = match kind {
            RawCadence::Monthly => Cadence::Monthly {
                every: o.every.as_ref().map_or(1, |e| *e.get_ref()),
                season,
            },
            RawCadence::BusinessDays => Cadence::BusinessDays { season },
            RawCadence::BeforeHolidayBlocks => Cadence::BeforeHolidayBlocks,
            RawCadence::BeforeOpening => {
                if !has_office {
                    out.push(doc.error_at(
                        o.cadence.span(),
                        format!("{path}.cadence"),
                        "`before_opening` needs the policy's office sessions".to_owned(),
                        Some("add `[policy.office_sessions]` with the hours the regulation states and their clause".to_owned()),
                    ));
                }
                let Some(l) = &o.lead_minutes else {
                    out.push(doc.error_at(
                        o.cadence.span(),
                        format!("{path}.lead_minutes"),
                        "`before_opening` needs `lead_minutes`".to_owned(),
                        Some("write how long before opening, such as `lead_minutes = 30` (提前半小时)".to_owned()),
                    ));
                    continue;
                };
                Cadence::BeforeOpening {
                    lead_minutes: *l.get_ref(),
                }
            }
            RawCadence::Unset => {
                let Some(reason) = o.reason.clone().filter(|r| !r.trim().is_empty()) else {
                    out.push(doc.error_at(
                        o.cadence.span(),
                        format!("{path}.reason"),
                        "`unset` needs a `reason`".to_owned(),
                        Some("say why no period is built in, such as `定期 carries no number (A32)`".to_owned()),
                    ));
                    continue;
                };
                Cadence::Unset { reason }
            }
        };
        list.push(Obligation {
            id: o.id.get_ref().clone(),
            what: o.what.clone(),
            charge: o.charge.clone(),
            cadence,
            source: clauses(&o.source),
            defaults: notes(&o.defaults),
        });
    }
    if out.len() > before {
        return None;
    }
    Some(ObligationsModel { list })
}
