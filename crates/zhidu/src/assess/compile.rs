//! Validating a raw deduction table and compiling it.

use std::collections::HashMap;
use std::ops::Range;
use std::str::FromStr;
use std::sync::Arc;

use crate::load::spanned::Spanned;
use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::PeriodKind;
use super::model::{
    AssessmentModel, Category, Charge, EffectDef, Joint, Magnitude, Overdue, Rule, RuleKind,
    RuleMeta, RuleUnit, RuleVersion,
};
use crate::diagnostic::{Diagnostic, Severity, did_you_mean};
use crate::load::document::Document;
use crate::load::fields::{check_id, to_date};
use crate::load::raw::{
    RawAssessment, RawCategory, RawCharge, RawEffectDef, RawEffectLasts, RawEffectReaches,
    RawJoint, RawOverdue, RawPeriodKind, RawRule, RawRuleKind, RawRuleUnit,
};
use crate::source::{Clause, DefaultNote};

/// One imported rule, ready for the importer's deduction table.
#[derive(Debug)]
pub(crate) struct Imported {
    /// The id of the policy that defines the rule.
    pub(crate) from: Arc<str>,
    /// The rule as its policy compiled it; effect and category indexes are the exporter's.
    pub(crate) rule: Rule,
    /// The rule's effects, parallel to `rule.effects`, each with whether the exporter's
    /// ranking disqualifies a window that carries it.
    pub(crate) effects: Vec<(EffectDef, bool)>,
    /// The id of the category the rule's points count in, if any.
    pub(crate) category: Option<String>,
    /// Where the import names the rule, for diagnostics in the importer's file.
    pub(crate) span: core::ops::Range<usize>,
    pub(crate) path: String,
}

/// The raw deduction-table sections of one policy file.
pub(crate) struct RawTable {
    pub(crate) assessment: Option<RawAssessment>,
    pub(crate) effects: Vec<(usize, RawEffectDef)>,
    pub(crate) categories: Vec<(usize, RawCategory)>,
    pub(crate) rules: Vec<(usize, RawRule)>,
}

impl RawTable {
    pub(crate) fn is_empty(&self) -> bool {
        self.assessment.is_none()
            && self.effects.is_empty()
            && self.categories.is_empty()
            && self.rules.is_empty()
    }
}

/// Compile a policy's deduction table, with the rules it imports from other policies
/// (resolved by [`crate::policy::import::resolve`]) after its own.
pub(crate) fn compile_table(
    doc: &Document<'_>,
    raw: &RawTable,
    imports: Vec<Imported>,
    out: &mut Vec<Diagnostic>,
) -> Option<AssessmentModel> {
    let errors_before = errors(out);
    let Some(assessment) = &raw.assessment else {
        out.push(doc.src.error(
            Some(0..0),
            "assessment",
            "deduction-table entries need an `[assessment]` table",
            Some("add `[assessment]` with `period = \"month\"`".to_owned()),
        ));
        return None;
    };
    let mut effects_defs: Vec<EffectDef> = Vec::new();
    let mut effect_ids: HashMap<String, usize> = HashMap::new();
    let mut effect_spans: HashMap<String, (Range<usize>, String)> = HashMap::new();
    for (i, e) in &raw.effects {
        let path = format!("effect[{i}].id");
        if !check_id(doc, &e.id, &path, out) {
            continue;
        }
        if effect_ids
            .insert(e.id.get_ref().clone(), effects_defs.len())
            .is_some()
        {
            out.push(doc.error_at(
                e.id.span(),
                path,
                format!("effect `{}` is defined twice", e.id.get_ref()),
                None,
            ));
            continue;
        }
        effect_spans.insert(e.id.get_ref().clone(), (e.id.span(), path));
        effects_defs.push(EffectDef {
            id: e.id.get_ref().clone(),
            name: e.name.clone(),
            shared_id: Arc::from(e.id.get_ref().as_str()),
            shared_name: Arc::from(e.name.as_str()),
            annual: e.lasts == Some(RawEffectLasts::Year),
            reaches_window: e.reaches == Some(RawEffectReaches::PersonAndWindow),
            source: Clause::from(&e.source),
            defaults: e.defaults.iter().map(DefaultNote::from).collect(),
            imported_from: None,
        });
    }
    let (imported_effects, mut disqualifying) = import_effects(
        doc,
        &imports,
        &mut effects_defs,
        &mut effect_ids,
        &effect_spans,
        out,
    );
    let find_effect =
        |id: &Spanned<String>, path: String, out: &mut Vec<Diagnostic>| -> Option<usize> {
            let found = effect_ids.get(id.get_ref()).copied();
            if found.is_none() {
                out.push(
                    doc.error_at(
                        id.span(),
                        path,
                        format!("no effect `{}`", id.get_ref()),
                        did_you_mean(id.get_ref(), effect_ids.keys().map(String::as_str))
                            .or_else(|| Some("define it in an `[[effect]]` table".to_owned())),
                    ),
                );
            }
            found
        };
    for (i, id) in assessment.disqualifying_effects.iter().enumerate() {
        if let Some(e) = find_effect(id, format!("assessment.disqualifying_effects[{i}]"), out) {
            if !disqualifying.contains(&e) {
                disqualifying.push(e);
            }
        }
    }
    let mut categories = Vec::new();
    let mut category_ids: HashMap<String, usize> = HashMap::new();
    for (i, c) in &raw.categories {
        let path = format!("category[{i}]");
        if !check_id(doc, &c.id, &format!("{path}.id"), out) {
            continue;
        }
        if category_ids
            .insert(c.id.get_ref().clone(), categories.len())
            .is_some()
        {
            out.push(doc.error_at(
                c.id.span(),
                format!("{path}.id"),
                format!("category `{}` is defined twice", c.id.get_ref()),
                None,
            ));
            continue;
        }
        let maximum = *c.maximum.get_ref();
        let floor = c.floor.as_ref().map_or(0, |f| *f.get_ref());
        if let Some(f) = &c.floor {
            if floor > maximum {
                out.push(doc.error_at(
                    f.span(),
                    format!("{path}.floor"),
                    format!("floor {floor} is above the maximum {maximum}"),
                    None,
                ));
            }
        }
        categories.push(Category {
            id: c.id.get_ref().clone(),
            name: c.name.clone(),
            maximum: i64::from(maximum),
            floor: i64::from(floor),
            source: Clause::from(&c.source),
            defaults: c.defaults.iter().map(DefaultNote::from).collect(),
        });
    }
    let mut rules = Vec::new();
    let mut rule_index: crate::FastMap<String, usize> = Default::default();
    let mut rule_spans: HashMap<String, (Range<usize>, String)> = HashMap::new();
    for (i, r) in &raw.rules {
        let path = format!("rule[{i}]");
        if !check_id(doc, &r.code, &format!("{path}.code"), out) {
            continue;
        }
        if rule_index.contains_key(r.code.get_ref()) {
            out.push(doc.error_at(
                r.code.span(),
                format!("{path}.code"),
                format!("rule `{}` is defined twice", r.code.get_ref()),
                None,
            ));
            continue;
        }
        let kind = match r.kind {
            RawRuleKind::Deduction => RuleKind::Deduction,
            RawRuleKind::Bonus => RuleKind::Bonus,
            RawRuleKind::EffectOnly => RuleKind::EffectOnly,
        };
        let category = match &r.category {
            Some(c) => match category_ids.get(c.get_ref()) {
                Some(&idx) => Some(idx),
                None => {
                    out.push(doc.error_at(
                        c.span(),
                        format!("{path}.category"),
                        format!("no category `{}`", c.get_ref()),
                        did_you_mean(c.get_ref(), category_ids.keys().map(String::as_str)),
                    ));
                    continue;
                }
            },
            None if kind == RuleKind::Deduction && r.basis_from.is_none() => {
                out.push(doc.error_at(
                    r.code.span(),
                    format!("{path}.category"),
                    format!("deduction rule `{}` has no category", r.code.get_ref()),
                    Some("name the category its points are taken from".to_owned()),
                ));
                continue;
            }
            None => None,
        };
        let effects: Vec<usize> = r
            .effects
            .iter()
            .enumerate()
            .filter_map(|(j, e)| find_effect(e, format!("{path}.effects[{j}]"), out))
            .collect();
        let basis = r.basis_from.is_some();
        let versions = if r.versions.is_empty() {
            match values(
                doc,
                (&path, r.code.span()),
                kind,
                basis,
                (&r.points, &r.range, &r.choices),
                (&r.fine, &r.withholding),
                out,
            ) {
                Some((magnitude, fine, withholding)) => vec![RuleVersion {
                    from: NaiveDate::MIN,
                    until: None,
                    magnitude,
                    fine,
                    withholding,
                    in_fen: None,
                }],
                None => continue,
            }
        } else {
            if r.points.is_some()
                || r.range.is_some()
                || r.choices.is_some()
                || r.fine.is_some()
                || r.withholding.is_some()
            {
                out.push(
                    doc.error_at(
                        r.code.span(),
                        path.clone(),
                        format!(
                            "rule `{}` has `versions` and top-level values",
                            r.code.get_ref()
                        ),
                        Some(
                            "with `versions`, put points, range, choices and fine in each version"
                                .to_owned(),
                        ),
                    ),
                );
                continue;
            }
            // Each version with the span of its `from`, so an overlap points at the later one.
            let mut versions: Vec<(RuleVersion, core::ops::Range<usize>, usize)> = Vec::new();
            for (j, v) in r.versions.iter().enumerate() {
                let vpath = format!("{path}.versions[{j}]");
                let from = to_date(doc, &v.from, &format!("{vpath}.from"), out);
                let until = v
                    .until
                    .as_ref()
                    .and_then(|u| to_date(doc, u, &format!("{vpath}.until"), out));
                let vals = values(
                    doc,
                    (&vpath, v.from.span()),
                    kind,
                    basis,
                    (&v.points, &v.range, &v.choices),
                    (&v.fine, &v.withholding),
                    out,
                );
                if let (Some(from), Some((magnitude, fine, withholding))) = (from, vals) {
                    if until.is_some_and(|u| u < from) {
                        out.push(doc.error_at(
                            v.from.span(),
                            format!("{vpath}.until"),
                            format!("version ends before it starts ({from})"),
                            None,
                        ));
                        continue;
                    }
                    versions.push((
                        RuleVersion {
                            from,
                            until,
                            magnitude,
                            fine,
                            withholding,
                            in_fen: None,
                        },
                        v.from.span(),
                        j,
                    ));
                }
            }
            versions.sort_by_key(|(v, _, _)| v.from);
            for pair in versions.windows(2) {
                if let [(a, _, _), (b, span, j)] = pair {
                    if a.until.is_none_or(|u| u >= b.from) {
                        out.push(doc.error_at(
                            span.clone(),
                            format!("{path}.versions[{j}].from"),
                            format!(
                                "versions of rule `{}` overlap at {}",
                                r.code.get_ref(),
                                b.from
                            ),
                            Some(
                                "end each version (`until`) before the next one starts".to_owned(),
                            ),
                        ));
                    }
                }
            }
            versions.into_iter().map(|(v, _, _)| v).collect()
        };
        let overdue = r.overdue.map(|o| match o {
            RawOverdue::Piece => Overdue::Piece,
            RawOverdue::PieceDay => Overdue::PieceDay,
        });
        if r.joint.is_some() && overdue.is_none() {
            out.push(doc.src.diagnostic(
                Severity::Warning,
                Some(r.code.span()),
                format!("{path}.joint"),
                "`joint` only matters for rules with `overdue`".to_owned(),
                None,
            ));
        }
        let prices = match (&r.prices, overdue) {
            (Some(list), Some(_)) => {
                match class_refs(
                    doc,
                    list.get_ref(),
                    list.span(),
                    &format!("{path}.prices"),
                    out,
                ) {
                    Some(refs) => refs,
                    None => continue,
                }
            }
            (None, Some(_)) => {
                out.push(doc.error_at(
                    r.code.span(),
                    format!("{path}.prices"),
                    format!(
                        "overdue rule `{}` does not say which limits it prices",
                        r.code.get_ref()
                    ),
                    Some(
                        "list the deadline classes as `prices = [\"policy:class\", …]`".to_owned(),
                    ),
                ));
                continue;
            }
            (Some(list), None) => {
                out.push(doc.src.diagnostic(
                    Severity::Warning,
                    Some(list.span()),
                    format!("{path}.prices"),
                    "`prices` only matters for rules with `overdue`".to_owned(),
                    None,
                ));
                Vec::new()
            }
            (None, None) => Vec::new(),
        };
        let defaults: Vec<String> = r.defaults.iter().map(|d| d.param.clone()).collect();
        let mut with_a6 = defaults.clone();
        if !with_a6.iter().any(|d| d == "A6") {
            with_a6.push("A6".to_owned());
        }
        let meta = RuleMeta {
            code: Arc::from(r.code.get_ref().as_str()),
            quote: Arc::from(r.source.quote.as_str()),
            category: category
                .and_then(|c| categories.get(c))
                .map(|c: &Category| Arc::from(c.id.as_str())),
            kind,
            unit: unit(r.unit),
            effect_names: effects
                .iter()
                .filter_map(|&e| effects_defs.get(e))
                .map(|e: &EffectDef| e.name.clone())
                .collect(),
            defaults: defaults.into(),
            defaults_with_a6: with_a6.into(),
            imported_from: None,
        };
        rule_spans.insert(
            r.code.get_ref().clone(),
            (r.code.span(), format!("{path}.code")),
        );
        rule_index.insert(r.code.get_ref().clone(), rules.len());
        rules.push(Rule {
            meta: Arc::new(meta),
            category,
            effects,
            charge: match r.charge.unwrap_or(RawCharge::Person) {
                RawCharge::Person => Charge::Person,
                RawCharge::Window => Charge::Window,
                RawCharge::PersonAndWindow => Charge::PersonAndWindow,
            },
            overdue,
            joint: match r.joint.unwrap_or(RawJoint::Any) {
                RawJoint::Only => Joint::Only,
                RawJoint::Never => Joint::Never,
                RawJoint::Any => Joint::Any,
            },
            prices,
            basis_from: r.basis_from.as_ref().map(|b| b.get_ref().clone()),
            points_required: r.points_required,
            family: r.family.as_deref().map(Arc::from),
            versions,
            defaults: r.defaults.iter().map(DefaultNote::from).collect(),
            rank: 0,
            needs_window: false,
        });
    }
    let joint_classes = class_refs(
        doc,
        &assessment
            .joint_classes
            .iter()
            .map(|c| c.get_ref().clone())
            .collect::<Vec<_>>(),
        assessment.joint_classes.first().map_or(0..0, Spanned::span),
        "assessment.joint_classes",
        out,
    )
    .unwrap_or_default();
    for (imp, effects) in imports.into_iter().zip(imported_effects) {
        let code = imp.rule.meta.code.to_string();
        if let Some((span, path)) = rule_spans.get(&code) {
            out.push(doc.error_at(
                span.clone(),
                path.clone(),
                format!(
                    "rule `{code}` is defined here and imported from `{}`",
                    imp.from
                ),
                Some(format!("remove this copy: the policy uses `{code}` as `{}` defines it, through its import at `{}`", imp.from, imp.path)),
            ));
            continue;
        }
        let category = match &imp.category {
            None => None,
            Some(c) => match category_ids.get(c) {
                Some(&k) => Some(k),
                None => {
                    out.push(doc.error_at(
                        imp.span.clone(),
                        imp.path.clone(),
                        format!("imported rule `{code}` counts its points in category `{c}`, which this policy does not have"),
                        Some(format!("add a `[[category]]` `{c}`, or do not import the rule")),
                    ));
                    continue;
                }
            },
        };
        let old = &imp.rule.meta;
        let meta = RuleMeta {
            code: old.code.clone(),
            quote: old.quote.clone(),
            category: category
                .and_then(|c| categories.get(c))
                .map(|c: &Category| Arc::from(c.id.as_str())),
            kind: old.kind,
            unit: old.unit,
            effect_names: old.effect_names.clone(),
            defaults: old.defaults.clone(),
            defaults_with_a6: old.defaults_with_a6.clone(),
            imported_from: Some(imp.from.clone()),
        };
        rule_index.insert(code, rules.len());
        rules.push(Rule {
            meta: Arc::new(meta),
            category,
            effects,
            ..imp.rule
        });
    }
    if errors(out) > errors_before {
        return None;
    }
    let mut model = AssessmentModel {
        joint_classes,
        period: match assessment.period.unwrap_or(RawPeriodKind::Month) {
            RawPeriodKind::Month => PeriodKind::Month,
            RawPeriodKind::Quarter => PeriodKind::Quarter,
            RawPeriodKind::Year => PeriodKind::Year,
        },
        disqualifying,
        effects: effects_defs,
        categories,
        rules,
        rule_index,
        source: assessment.source.as_ref().map(Clause::from),
        defaults: assessment.defaults.iter().map(DefaultNote::from).collect(),
    };
    model.settle();
    Some(model)
}

/// Add the effects that come with imported rules to the table: each imported rule's effect
/// indexes in the importer's table, and the imported effects the exporter's ranking treats as
/// disqualifying. An effect the importer defines itself under the same id is a copy and a
/// diagnostic, as is one id brought by rules of two different policies.
fn import_effects(
    doc: &Document<'_>,
    imports: &[Imported],
    defs: &mut Vec<EffectDef>,
    ids: &mut HashMap<String, usize>,
    own: &HashMap<String, (Range<usize>, String)>,
    out: &mut Vec<Diagnostic>,
) -> (Vec<Vec<usize>>, Vec<usize>) {
    let mut disqualifying = Vec::new();
    let mut reported: Vec<String> = Vec::new();
    let mapped = imports
        .iter()
        .map(|imp| {
            let mut mapped = Vec::new();
            for (def, disqualifies) in &imp.effects {
                if let Some((span, path)) = own.get(&def.id) {
                    if !reported.contains(&def.id) {
                        reported.push(def.id.clone());
                        out.push(doc.error_at(
                            span.clone(),
                            path.clone(),
                            format!(
                                "effect `{}` is defined here and comes with rule `{}` imported from `{}`",
                                def.id, imp.rule.meta.code, imp.from
                            ),
                            Some("remove this copy: an imported rule brings the effects it carries".to_owned()),
                        ));
                    }
                    continue;
                }
                match ids.get(&def.id) {
                    Some(&k) => {
                        let same = defs
                            .get(k)
                            .is_some_and(|d| d.imported_from.as_deref() == Some(&*imp.from));
                        if same {
                            mapped.push(k);
                        } else {
                            out.push(doc.error_at(
                                imp.span.clone(),
                                imp.path.clone(),
                                format!(
                                    "effect `{}` of rule `{}` from `{}` has the id of an effect imported from another policy",
                                    def.id, imp.rule.meta.code, imp.from
                                ),
                                None,
                            ));
                        }
                    }
                    None => {
                        let k = defs.len();
                        ids.insert(def.id.clone(), k);
                        defs.push(EffectDef {
                            imported_from: Some(imp.from.clone()),
                            ..def.clone()
                        });
                        if *disqualifies {
                            disqualifying.push(k);
                        }
                        mapped.push(k);
                    }
                }
            }
            mapped
        })
        .collect();
    (mapped, disqualifying)
}

fn errors(out: &[Diagnostic]) -> usize {
    out.iter().filter(|d| d.severity == Severity::Error).count()
}

fn unit(u: RawRuleUnit) -> RuleUnit {
    match u {
        RawRuleUnit::Occurrence => RuleUnit::Occurrence,
        RawRuleUnit::PersonTime => RuleUnit::PersonTime,
        RawRuleUnit::Piece => RuleUnit::Piece,
        RawRuleUnit::PieceDay => RuleUnit::PieceDay,
        RawRuleUnit::HalfDay => RuleUnit::HalfDay,
        RawRuleUnit::Discovery => RuleUnit::Discovery,
        RawRuleUnit::Item => RuleUnit::Item,
        RawRuleUnit::Title => RuleUnit::Title,
        RawRuleUnit::Proposal => RuleUnit::Proposal,
    }
}

/// The `points`, `range` and `choices` keys of a rule or version.
type Magnitudes<'a> = (
    &'a Option<Spanned<u32>>,
    &'a Option<Spanned<[u32; 2]>>,
    &'a Option<Spanned<Vec<u32>>>,
);

/// The points, fine and withholding of a rule or version: exactly one of `points`, `range`,
/// `choices` (none for effect-only rules and rules whose amount is the row's basis), and yuan
/// with at most two decimal places. `path` comes with the span a diagnostic points at when no
/// magnitude key has one (the rule's code, or the version's `from`): every diagnostic has a
/// line and a column.
fn values(
    doc: &Document<'_>,
    (path, at): (&str, Range<usize>),
    kind: RuleKind,
    basis: bool,
    (points, range, choices): Magnitudes<'_>,
    (fine, withholding): (&Option<Spanned<String>>, &Option<Spanned<String>>),
    out: &mut Vec<Diagnostic>,
) -> Option<(Magnitude, Decimal, Decimal)> {
    let given = usize::from(points.is_some())
        + usize::from(range.is_some())
        + usize::from(choices.is_some());
    let magnitude = match (kind, given) {
        (RuleKind::EffectOnly, 0) => Magnitude::None,
        // The amount is the basis rule's, named on each row (A30).
        (_, 0) if basis => Magnitude::None,
        (RuleKind::EffectOnly, _) => {
            out.push(doc.src.error(
                Some(magnitude_span(points, range, choices).unwrap_or_else(|| at.clone())),
                format!("{path}.points"),
                "an `effect_only` rule has no points",
                Some("use `kind = \"deduction\"` or `\"bonus\"` for a rule with points".to_owned()),
            ));
            return None;
        }
        (_, 1) => {
            if let Some(p) = points {
                Magnitude::Fixed(*p.get_ref())
            } else if let Some(r) = range {
                let [lo, hi] = *r.get_ref();
                if lo > hi {
                    out.push(doc.error_at(
                        r.span(),
                        format!("{path}.range"),
                        format!("range [{lo}, {hi}] is empty"),
                        Some("write the smaller magnitude first".to_owned()),
                    ));
                    return None;
                }
                Magnitude::Range(lo, hi)
            } else if let Some(c) = choices {
                let mut list = c.get_ref().clone();
                if list.is_empty() {
                    out.push(doc.error_at(
                        c.span(),
                        format!("{path}.choices"),
                        "`choices` is empty".to_owned(),
                        None,
                    ));
                    return None;
                }
                list.sort_unstable();
                list.dedup();
                Magnitude::Choices(list)
            } else {
                return None;
            }
        }
        (_, 0) => {
            out.push(doc.src.error(
                Some(at),
                path.to_owned(),
                "the rule has no points",
                Some("give `points = N`, `range = [lo, hi]` or `choices = [...]`".to_owned()),
            ));
            return None;
        }
        _ => {
            out.push(doc.src.error(
                Some(magnitude_span(points, range, choices).unwrap_or_else(|| at.clone())),
                path.to_owned(),
                "give only one of `points`, `range` and `choices`",
                None,
            ));
            return None;
        }
    };
    let fine = yuan(doc, path, "fine", fine, out)?;
    let withholding = yuan(doc, path, "withholding", withholding, out)?;
    Some((magnitude, fine, withholding))
}

/// The span of the first magnitude key given: `points`, else `range`, else `choices`.
fn magnitude_span(
    points: &Option<Spanned<u32>>,
    range: &Option<Spanned<[u32; 2]>>,
    choices: &Option<Spanned<Vec<u32>>>,
) -> Option<Range<usize>> {
    points
        .as_ref()
        .map(Spanned::span)
        .or_else(|| range.as_ref().map(Spanned::span))
        .or_else(|| choices.as_ref().map(Spanned::span))
}

/// An amount of yuan per unit (`fine`, `withholding`): at most [`super::MAX_FINE`], to the fen.
fn yuan(
    doc: &Document<'_>,
    path: &str,
    key: &str,
    amount: &Option<Spanned<String>>,
    out: &mut Vec<Diagnostic>,
) -> Option<Decimal> {
    let d = match amount {
        None => Decimal::ZERO,
        Some(f) => match Decimal::from_str(f.get_ref().trim()) {
            Ok(d) if d.is_sign_negative() => {
                out.push(doc.error_at(
                    f.span(),
                    format!("{path}.{key}"),
                    format!("{key} `{}` is negative", f.get_ref()),
                    None,
                ));
                return None;
            }
            Ok(d) if d > Decimal::from(super::MAX_FINE) => {
                out.push(doc.error_at(
                    f.span(),
                    format!("{path}.{key}"),
                    format!(
                        "{key} `{}` is over the limit of {} yuan",
                        f.get_ref(),
                        super::MAX_FINE
                    ),
                    Some(format!("a {key} is yuan per unit of the rule")),
                ));
                return None;
            }
            Ok(d) if d.scale() > 2 => {
                out.push(doc.error_at(
                    f.span(),
                    format!("{path}.{key}"),
                    format!("{key} `{}` is finer than a fen", f.get_ref()),
                    Some("yuan have at most two decimal places".to_owned()),
                ));
                return None;
            }
            Ok(d) => d,
            Err(_) => {
                out.push(doc.error_at(
                    f.span(),
                    format!("{path}.{key}"),
                    format!("{key} `{}` is not an amount of yuan", f.get_ref()),
                    Some("write it as a string such as `\"150\"` or `\"12.50\"`".to_owned()),
                ));
                return None;
            }
        },
    };
    Some(d)
}

/// `policy:class` references to deadline classes, each split in two.
fn class_refs(
    doc: &Document<'_>,
    list: &[String],
    span: core::ops::Range<usize>,
    path: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<Vec<(String, String)>> {
    let mut refs = Vec::with_capacity(list.len());
    for (i, entry) in list.iter().enumerate() {
        match entry.split_once(':') {
            Some((p, c)) if !p.trim().is_empty() && !c.trim().is_empty() => {
                refs.push((p.trim().to_owned(), c.trim().to_owned()));
            }
            _ => {
                out.push(doc.error_at(
                    span.clone(),
                    format!("{path}[{i}]"),
                    format!("`{entry}` is not a deadline class reference"),
                    Some("write `policy:class`, e.g. `s2-service-center:promised`".to_owned()),
                ));
                return None;
            }
        }
    }
    Some(refs)
}
