//! Validating raw accountability rules: references, tiers, and conflicts that can be seen
//! without any record (two refinements of one base on the same flags with different outcomes
//! and no priority between them).

use std::collections::HashMap;

use super::model::{AccountabilityModel, Escalation, Flag, Outcome, Tier, Violation};
use crate::diagnostic::{Diagnostic, Severity, did_you_mean};
use crate::load::document::Document;
use crate::load::fields::check_id;
use crate::load::raw::{RawAccountability, RawFlag, RawTier, RawViolation};
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
        if let Some(t) = &f.review_below_tier {
            if !tiers.iter().any(|x| x.level == *t.get_ref()) {
                out.push(doc.error_at(
                    t.span(),
                    format!("flag[{i}].review_below_tier"),
                    format!("no tier {}", t.get_ref()),
                    None,
                ));
            }
        }
        flags.push(Flag {
            id: f.id.get_ref().clone(),
            name: f.name.clone(),
            adds_measures: f.adds_measures.clone(),
            needs_review: f.needs_review,
            review_reason: f.review_reason.clone(),
            review_below_tier: f.review_below_tier.as_ref().map(|t| *t.get_ref()),
            implies: Vec::new(),
            source: Clause::from(&f.source),
            defaults: f.defaults.iter().map(DefaultNote::from).collect(),
        });
    }
    // Implications, once every flag is known: each flag's direct ones, then their closure.
    let mut direct: Vec<Vec<usize>> = vec![Vec::new(); flags.len()];
    for (i, f) in &raw.flags {
        let (Some(list), Some(&me)) = (&f.implies, flag_index.get(f.id.get_ref())) else {
            continue;
        };
        for name in list.get_ref() {
            match flag_index.get(name) {
                Some(&g) if g == me => out.push(doc.error_at(
                    list.span(),
                    format!("flag[{i}].implies"),
                    "a flag cannot imply itself".to_owned(),
                    None,
                )),
                Some(&g) => {
                    if let Some(d) = direct.get_mut(me) {
                        d.push(g);
                    }
                }
                None => out.push(doc.error_at(
                    list.span(),
                    format!("flag[{i}].implies"),
                    format!("no flag `{name}`"),
                    did_you_mean(name, flag_index.keys().map(String::as_str)),
                )),
            }
        }
    }
    for (me, flag) in flags.iter_mut().enumerate() {
        let mut closure: Vec<usize> = Vec::new();
        let mut todo: Vec<usize> = direct.get(me).cloned().unwrap_or_default();
        while let Some(g) = todo.pop() {
            if g != me && !closure.contains(&g) {
                closure.push(g);
                todo.extend(direct.get(g).into_iter().flatten().copied());
            }
        }
        closure.sort_unstable();
        flag.implies = closure;
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
        if v.effect && (v.tier.is_some() || v.manual) {
            out.push(doc.error_at(
                v.code.span(),
                format!("{path}.effect"),
                "a violation with `effect = true` has no `tier` and is not `manual`".to_owned(),
                None,
            ));
        }
        if v.effect && v.measures.is_empty() {
            out.push(doc.error_at(
                v.code.span(),
                format!("{path}.measures"),
                format!(
                    "violation `{}` is an effect with no `measures`",
                    v.code.get_ref()
                ),
                Some("list the effect the clause states in `measures`".to_owned()),
            ));
        }
        let outcome = match (v.tier.as_ref(), v.manual) {
            _ if v.effect => Outcome::Effect,
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
                    Some("give `tier = N`, `manual = true` when a person decides, or `effect = true` with `measures`".to_owned()),
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
        let repeat_escalation = v.repeat_escalation.as_ref().and_then(|code| {
            let found = index.get(code.get_ref()).copied();
            if found.is_none() {
                out.push(doc.error_at(
                    code.span(),
                    format!("{path}.repeat_escalation"),
                    format!("no violation `{}`", code.get_ref()),
                    did_you_mean(code.get_ref(), index.keys().map(String::as_str)),
                ));
            }
            found
        });
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
            measures: v.measures.clone(),
            needs_review: v.needs_review,
            review_reason: v.review_reason.clone(),
            compensation: v.compensation,
            repeat_escalation,
            conduct: None,
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
    let escalation = |code: Option<&crate::load::spanned::Spanned<String>>,
                      months: Option<&crate::load::spanned::Spanned<u32>>,
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
    // Same conduct (A11): groups of codes whose repeats count across the group.
    let mut conducts: Vec<Vec<usize>> = Vec::new();
    if let Some(groups) = rules.and_then(|r| r.same_conduct.as_ref()) {
        for (g, group) in groups.get_ref().iter().enumerate() {
            let mut members: Vec<usize> = Vec::new();
            for code in group {
                let path = format!("accountability.same_conduct[{g}]");
                match index.get(code) {
                    None => out.push(doc.error_at(
                        groups.span(),
                        path,
                        format!("no violation `{code}`"),
                        did_you_mean(code, index.keys().map(String::as_str)),
                    )),
                    Some(&v) if violations.get(v).is_some_and(|x| x.conduct.is_some()) => {
                        out.push(doc.error_at(
                            groups.span(),
                            path,
                            format!("violation `{code}` is in two same-conduct groups"),
                            Some("merge the groups: one conduct is one group".to_owned()),
                        ));
                    }
                    Some(&v) => {
                        if let Some(x) = violations.get_mut(v) {
                            x.conduct = Some(conducts.len());
                        }
                        members.push(v);
                    }
                }
            }
            conducts.push(members);
        }
    }
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
        conducts,
        source: rules.and_then(|r| r.source.as_ref()).map(Clause::from),
        defaults: rules
            .map(|r| r.defaults.iter().map(DefaultNote::from).collect())
            .unwrap_or_default(),
    })
}
