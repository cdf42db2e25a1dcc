//! A read-only view of a policy's deduction table, for calculators and documentation.

use rust_decimal::Decimal;
use serde::Serialize;

use super::model::Magnitude;
use super::{Charge, PeriodKind, RuleKind, RuleUnit};
use crate::source::{Clause, DefaultNote};
use crate::{Error, Policy};

/// How many points a rule's unit is worth.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Points {
    /// No points (effect-only rules).
    None,
    /// A fixed magnitude.
    Fixed {
        /// The magnitude, without sign.
        value: u32,
    },
    /// A discretionary range the assessor chooses in (A6).
    Range {
        /// Smallest magnitude (the default when none is chosen).
        min: u32,
        /// Largest magnitude.
        max: u32,
    },
    /// A fixed set of magnitudes.
    Choices {
        /// The allowed magnitudes, ascending.
        values: Vec<u32>,
    },
}

/// A rule of a deduction table, in its latest version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RuleInfo {
    /// The rule code (clause id).
    pub code: String,
    /// The policy that defines the rule when this one imports it (`[[import]]`).
    pub imported_from: Option<String>,
    /// The category it counts in.
    pub category: Option<String>,
    /// Deduction, bonus or effect only.
    pub kind: RuleKind,
    /// Its unit.
    pub unit: RuleUnit,
    /// Points per unit.
    pub points: Points,
    /// Yuan per unit, two places.
    #[serde(serialize_with = "super::money")]
    pub fine: Decimal,
    /// Yuan withheld from the month's bonus per unit (扣除当月奖励), two places.
    #[serde(serialize_with = "super::money")]
    pub withholding: Decimal,
    /// For a rule priced by another (S2.kq.5, A30): the code prefix of the rule a row names
    /// in `basis`.
    pub basis_from: Option<String>,
    /// A row must give `points` (A7, or a level that is a fact).
    pub points_required: bool,
    /// Effect names.
    pub effects: Vec<String>,
    /// Who is charged.
    pub charge: Charge,
    /// Whether it is generated from overdue cases.
    pub from_overdue_cases: bool,
    /// The source quote.
    pub quote: String,
    /// Dated versions the rule has (1 when undated).
    pub versions: usize,
    /// The defaults it relies on.
    pub defaults: Vec<DefaultNote>,
}

/// A category of a deduction table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CategoryInfo {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Maximum.
    pub maximum: i64,
    /// Floor.
    pub floor: i64,
    /// Where it comes from.
    pub source: Clause,
    /// Defaults.
    pub defaults: Vec<DefaultNote>,
}

/// An effect of a deduction table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct EffectInfo {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Whether it disqualifies a window from 红旗窗口.
    pub disqualifying: bool,
    /// The policy that defines the effect when it came with an imported rule.
    pub imported_from: Option<String>,
    /// Where it comes from.
    pub source: Clause,
    /// Defaults.
    pub defaults: Vec<DefaultNote>,
}

/// A policy's deduction table as data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DeductionTable {
    /// The policy.
    pub policy: String,
    /// The default period.
    pub period: PeriodKind,
    /// Categories, in file order.
    pub categories: Vec<CategoryInfo>,
    /// Rules, in file order.
    pub rules: Vec<RuleInfo>,
    /// Effects.
    pub effects: Vec<EffectInfo>,
    /// The table's source, if given.
    pub source: Option<Clause>,
    /// Table-level defaults.
    pub defaults: Vec<DefaultNote>,
}

impl Policy {
    /// The policy's deduction table as data (for a calculator's rule picker).
    ///
    /// # Errors
    ///
    /// [`Error::Input`] when the policy has none.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin()?;
    /// let t = ps.policy("s14-window-scorecard")?.deduction_table()?;
    /// let att6 = t.rules.iter().find(|r| r.code == "S14.att.6");
    /// let att6 = att6.ok_or(zhidu::Error::Input { message: "no att.6".into(), hint: None })?;
    /// assert_eq!(att6.points, zhidu::Points::Range { min: 10, max: 20 });
    /// assert_eq!((att6.fine.to_string(), att6.withholding.to_string()), ("0".into(), "150".into()));
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    pub fn deduction_table(&self) -> Result<DeductionTable, Error> {
        let m = self.assessment_model()?;
        let rules = m
            .rules
            .iter()
            .map(|r| {
                let latest = r.versions.last();
                RuleInfo {
                    code: r.meta.code.to_string(),
                    imported_from: r.meta.imported_from.as_deref().map(str::to_owned),
                    category: r.meta.category.as_deref().map(str::to_owned),
                    kind: r.meta.kind,
                    unit: r.meta.unit,
                    points: match latest.map(|v| &v.magnitude) {
                        Some(Magnitude::Fixed(n)) => Points::Fixed { value: *n },
                        Some(Magnitude::Range(lo, hi)) => Points::Range { min: *lo, max: *hi },
                        Some(Magnitude::Choices(c)) => Points::Choices { values: c.clone() },
                        Some(Magnitude::None) | None => Points::None,
                    },
                    fine: latest.map_or(Decimal::ZERO, |v| v.fine),
                    withholding: latest.map_or(Decimal::ZERO, |v| v.withholding),
                    basis_from: r.basis_from.clone(),
                    points_required: r.points_required,
                    effects: r
                        .effects
                        .iter()
                        .filter_map(|&e| m.effects.get(e))
                        .map(|e| e.name.clone())
                        .collect(),
                    charge: r.charge,
                    from_overdue_cases: r.overdue.is_some(),
                    quote: r.meta.quote.to_string(),
                    versions: r.versions.len(),
                    defaults: r.defaults.clone(),
                }
            })
            .collect();
        Ok(DeductionTable {
            policy: self.id.clone(),
            period: m.period,
            categories: m
                .categories
                .iter()
                .map(|c| CategoryInfo {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    maximum: c.maximum,
                    floor: c.floor,
                    source: c.source.clone(),
                    defaults: c.defaults.clone(),
                })
                .collect(),
            rules,
            effects: m
                .effects
                .iter()
                .enumerate()
                .map(|(i, e)| EffectInfo {
                    id: e.id.clone(),
                    name: e.name.clone(),
                    disqualifying: m.disqualifying.contains(&i),
                    imported_from: e.imported_from.as_deref().map(str::to_owned),
                    source: e.source.clone(),
                    defaults: e.defaults.clone(),
                })
                .collect(),
            source: m.source.clone(),
            defaults: m.defaults.clone(),
        })
    }
}
