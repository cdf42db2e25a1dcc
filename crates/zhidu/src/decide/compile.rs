//! Validating raw accountability rules: references, tiers, and conflicts that can be seen
//! without any record (two refinements of one base on the same flags with different outcomes
//! and no priority between them).

use std::collections::HashMap;

use super::model::{AccountabilityModel, Escalation, Flag, Outcome, Tier, Violation};
use crate::diagnostic::{Diagnostic, Severity, did_you_mean};
use crate::policy::compile::check_id;
use crate::policy::document::Document;
use crate::policy::raw::{RawAccountability, RawFlag, RawTier, RawViolation};
use crate::source::{Clause, DefaultNote};

/// The raw accountability sections of one policy file.
pub(crate) struct RawRules {
    pub(crate) accountability: Option<RawAccountability>,
    pub(crate) tiers: Vec<(usize, RawTier)>,
    pub(crate) flags: Vec<(usize, RawFlag)>,
    pub(crate) violations: Vec<(usize, RawViolation)>,
}

impl RawRules {
    pub(crate) fn is_empty(&self) -> bool {
        self.accountability.is_none()
            && self.tiers.is_empty()
            && self.flags.is_empty()
            && self.violations.is_empty()
    }
}

fn errors(out: &[Diagnostic]) -> usize {
    out.iter().filter(|d| d.severity == Severity::Error).count()
}

pub(crate) fn compile_rules(
    doc: &Document<'_>,
    raw: &RawRules,
    out: &mut Vec<Diagnostic>,
) -> Option<AccountabilityModel> {
    let before = errors(out);
    let mut tiers: Vec<Tier> = Vec::new();
    for (i, t) in &raw.tiers {
        let level = *t.level.get_ref();
        if tiers.iter().any(|x| x.level == level) {
            out.push(doc.error_at(
                t.level.span(),
                format!("tier[{i}].level"),
                format!("tier {level} is defined twice"),
                None,
            ));
            continue;
        }
        tiers.push(Tier {
            level,
            name: t.name.clone(),
            measures: t.measures.clone(),
            source: Clause::from(&t.source),
            defaults: t.defaults.iter().map(DefaultNote::from).collect(),
        });
    }
    tiers.sort_by_key(|t| t.level);
    let mut flags: Vec<Flag> = Vec::new();
    let mut flag_index: HashMap<String, usize> = HashMap::new();
    for (i, f) in &raw.flags {
        let path = format!("flag[{i}].id");
        if !check_id(doc, &f.id, &path, out) {
            continue;
        }
        if flag_index
            .insert(f.id.get_ref().clone(), flags.len())
            .is_some()
        {
            out.push(doc.error_at(
                f.id.span(),
                path,
                format!("flag `{}` is defined twice", f.id.get_ref()),
                None,
            ));
            continue;
        }
        flags.push(Flag {
            id: f.id.get_ref().clone(),
            name: f.name.clone(),
            adds_measures: f.adds_measures.clone(),
            needs_review: f.needs_review,
            source: Clause::from(&f.source),
            defaults: f.defaults.iter().map(DefaultNote::from).collect(),
        });
    }
    // First pass: codes, so refinements may name a base defined after them.
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut kept: Vec<&(usize, RawViolation)> = Vec::new();
    for entry in &raw.violations {
        let (i, v) = entry;
        let path = format!("violation[{i}].code");
        if !check_id(doc, &v.code, &path, out) {
            continue;
        }
        if index.insert(v.code.get_ref().clone(), kept.len()).is_some() {
            out.push(doc.error_at(
                v.code.span(),
                path,
                format!("violation `{}` is defined twice", v.code.get_ref()),
                None,
            ));
            continue;
        }
        kept.push(entry);
    }
    let mut violations: Vec<Violation> = Vec::new();
    let mut refinements: HashMap<usize, Vec<usize>> = HashMap::new();
    for (vi, (i, v)) in kept.iter().enumerate() {
        let path = format!("violation[{i}]");
        let outcome = match (v.tier.as_ref(), v.manual) {
            (Some(t), false) => {
                let level = *t.get_ref();
                if !tiers.iter().any(|x| x.level == level) {
                    out.push(doc.error_at(
                        t.span(),
                        format!("{path}.tier"),
                        format!("no tier {level}"),
                        Some(format!(
                                "tiers defined: {}",
                                tiers
                                    .iter()
                                    .map(|t| t.level.to_string())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            )),
                    ));
                }
                Outcome::Tier(level)
            }
            (None, true) => Outcome::Manual,
            (Some(t), true) => {
                out.push(doc.error_at(
                    t.span(),
                    format!("{path}.tier"),
                    "a violation is either `manual` or has a `tier`, not both".to_owned(),
                    None,
                ));
                Outcome::Manual
            }
            (None, false) => {
                out.push(doc.error_at(
                    v.code.span(),
                    format!("{path}.tier"),
                    format!("violation `{}` has no tier", v.code.get_ref()),
                    Some("give `tier = N`, or `manual = true` when a person decides".to_owned()),
                ));
                Outcome::Manual
            }
        };
        let refines = match &v.refines {
            Some(base) => match index.get(base.get_ref()) {
                Some(&b) if b == vi => {
                    out.push(doc.error_at(
                        base.span(),
                        format!("{path}.refines"),
                        "a violation cannot refine itself".to_owned(),
                        None,
                    ));
                    None
                }
                Some(&b) => Some(b),
                None => {
                    out.push(doc.error_at(
                        base.span(),
                        format!("{path}.refines"),
                        format!("no violation `{}`", base.get_ref()),
                        did_you_mean(base.get_ref(), index.keys().map(String::as_str)),
                    ));
                    None
                }
            },
            None => None,
        };
        let mut when_flags: Vec<usize> = Vec::new();
        if let Some(list) = &v.when_flags {
            for name in list.get_ref() {
                match flag_index.get(name) {
                    Some(&f) => when_flags.push(f),
                    None => out.push(doc.error_at(
                        list.span(),
                        format!("{path}.when_flags"),
                        format!("no flag `{name}`"),
                        did_you_mean(name, flag_index.keys().map(String::as_str)),
                    )),
                }
            }
            if refines.is_none() && v.refines.is_none() {
                out.push(doc.error_at(
                    list.span(),
                    format!("{path}.when_flags"),
                    "`when_flags` needs `refines`".to_owned(),
                    Some("name the base violation this exception refines".to_owned()),
                ));
            }
        }
        when_flags.sort_unstable();
        when_flags.dedup();
        if let Some(b) = refines {
            refinements.entry(b).or_default().push(vi);
        }
        violations.push(Violation {
            code: v.code.get_ref().clone(),
            name: v.name.clone(),
            outcome,
            refines,
            when_flags,
            priority: v.priority,
            candidate_only: v.candidate_only,
            source: Clause::from(&v.source),
            defaults: v.defaults.iter().map(DefaultNote::from).collect(),
        });
    }
    // Static conflicts: same base, same flags, different outcomes, no priority between them.
    for (base, list) in &refinements {
        for (k, &a) in list.iter().enumerate() {
            for &b in list.iter().skip(k + 1) {
                let (Some(va), Some(vb)) = (violations.get(a), violations.get(b)) else {
                    continue;
                };
                if va.when_flags == vb.when_flags
                    && va.outcome != vb.outcome
                    && va.priority == vb.priority
                {
                    let span_path = kept.get(b).map(|(i, rv)| {
                        (
                            rv.when_flags.as_ref().map_or(rv.code.span(), |w| w.span()),
                            format!("violation[{i}].when_flags"),
                        )
                    });
                    if let Some((span, path)) = span_path {
                        let base_code = violations.get(*base).map_or("", |v| v.code.as_str());
                        out.push(doc.error_at(
                            span,
                            path,
                            format!("`{}` and `{}` both refine `{base_code}` on the same flags with different outcomes", va.code, vb.code),
                            Some("give one of them a higher `priority`, or different `when_flags`".to_owned()),
                        ));
                    }
                }
            }
        }
    }
    let rules = raw.accountability.as_ref();
    let escalation = |code: Option<&toml::Spanned<String>>,
                      months: Option<&toml::Spanned<u32>>,
                      threshold: u32,
                      key: &str,
                      out: &mut Vec<Diagnostic>|
     -> Option<Escalation> {
        let code = code?;
        let Some(&v) = index.get(code.get_ref()) else {
            out.push(doc.error_at(
                code.span(),
                format!("accountability.{key}"),
                format!("no violation `{}`", code.get_ref()),
                did_you_mean(code.get_ref(), index.keys().map(String::as_str)),
            ));
            return None;
        };
        Some(Escalation {
            violation: v,
            months: months.map_or(12, |m| *m.get_ref()),
            threshold,
        })
    };
    let repeat = rules.and_then(|r| {
        escalation(
            r.repeat_escalation.as_ref(),
            r.repeat_months.as_ref(),
            0,
            "repeat_escalation",
            out,
        )
    });
    let complaints = rules.and_then(|r| {
        escalation(
            r.complaint_escalation.as_ref(),
            r.complaint_months.as_ref(),
            r.complaint_threshold.as_ref().map_or(3, |t| *t.get_ref()),
            "complaint_escalation",
            out,
        )
    });
    let complaint_flag = match rules.and_then(|r| r.complaint_flag.as_ref()) {
        Some(f) => match flag_index.get(f.get_ref()) {
            Some(&i) => Some(i),
            None => {
                out.push(doc.error_at(
                    f.span(),
                    "accountability.complaint_flag",
                    format!("no flag `{}`", f.get_ref()),
                    did_you_mean(f.get_ref(), flag_index.keys().map(String::as_str)),
                ));
                None
            }
        },
        None => flag_index.get("complaint").copied(),
    };
    if complaints.is_some() && complaint_flag.is_none() {
        out.push(doc.src.error(
            None,
            "accountability.complaint_flag",
            "the complaint escalation needs a flag marking verified complaints",
            Some("define `[[flag]] id = \"complaint\"` or set `complaint_flag`".to_owned()),
        ));
    }
    if errors(out) > before {
        return None;
    }
    Some(AccountabilityModel {
        tiers,
        flags,
        flag_index,
        violations,
        index,
        refinements,
        repeat,
        complaints,
        complaint_flag,
        source: rules.and_then(|r| r.source.as_ref()).map(Clause::from),
        defaults: rules
            .map(|r| r.defaults.iter().map(DefaultNote::from).collect())
            .unwrap_or_default(),
    })
}
