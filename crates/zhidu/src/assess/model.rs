//! The compiled deduction table of a policy: categories, rules with dated versions, effects.

use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::PeriodKind;
use super::money::Fen;
use crate::FastMap;
use crate::source::{Clause, DefaultNote};

/// Whether a rule deducts points, adds them, or only carries effects.
///
/// # Example
///
/// ```
/// assert_eq!(serde_json::to_string(&zhidu::RuleKind::EffectOnly).unwrap(), "\"effect_only\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// Points are taken from the rule's category (扣分).
    Deduction,
    /// Points are added to the bonus (加分).
    Bonus,
    /// No points; the rule's effects apply (e.g. 退回原单位).
    EffectOnly,
}

/// What one unit of a rule counts.
///
/// # Example
///
/// ```
/// assert_eq!(serde_json::to_string(&zhidu::RuleUnit::PieceDay).unwrap(), "\"piece_day\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleUnit {
    /// 每次: per occurrence.
    Occurrence,
    /// 每人次: per person-time.
    PersonTime,
    /// 每件: per piece (case).
    Piece,
    /// 每件每超1天: per piece per overdue working day.
    PieceDay,
    /// 半天: per started half-day (A16).
    HalfDay,
    /// 每发现一次: per discovery.
    Discovery,
    /// 一件: per item (an archive item lost or damaged).
    Item,
    /// per title awarded.
    Title,
    /// per adopted proposal.
    Proposal,
}

/// Who a rule's points are charged to (A19).
///
/// # Example
///
/// ```
/// assert_eq!(serde_json::to_string(&zhidu::Charge::PersonAndWindow).unwrap(), "\"person_and_window\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Charge {
    /// The person named by the incident.
    Person,
    /// The window itself (a window-level scorecard).
    Window,
    /// Points to the person and to the window (A19: a window-level fact counted 每人次); the
    /// fine and the withholding are the person's.
    PersonAndWindow,
}

/// How a rule is generated from overdue cases.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Overdue {
    /// One unit per late case.
    Piece,
    /// One unit per late case per overdue working day.
    PieceDay,
}

/// Which cases an overdue rule applies to (A18).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Joint {
    Only,
    Never,
    Any,
}

impl Joint {
    pub(crate) fn applies(self, joint: bool) -> bool {
        match self {
            Joint::Only => joint,
            Joint::Never => !joint,
            Joint::Any => true,
        }
    }
}

/// How many points one unit of a rule is worth.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Magnitude {
    /// No points (effect-only rules).
    None,
    Fixed(u32),
    /// A discretionary range of magnitudes, inclusive.
    Range(u32, u32),
    /// A fixed set of magnitudes.
    Choices(Vec<u32>),
}

impl Magnitude {
    /// The allowed values in words, for error messages.
    pub(crate) fn describe(&self) -> String {
        match self {
            Magnitude::None => "no points".to_owned(),
            Magnitude::Fixed(n) => format!("fixed at {n}"),
            Magnitude::Range(lo, hi) => format!("{lo}–{hi}"),
            Magnitude::Choices(c) => c.iter().map(u32::to_string).collect::<Vec<_>>().join(", "),
        }
    }
}

/// The values of a rule in force over a date range.
#[derive(Clone, Debug)]
pub(crate) struct RuleVersion {
    pub(crate) from: NaiveDate,
    pub(crate) until: Option<NaiveDate>,
    pub(crate) magnitude: Magnitude,
    pub(crate) fine: Decimal,
    /// Yuan withheld from the month's bonus (扣除当月奖励), apart from fines.
    pub(crate) withholding: Decimal,
    /// The fine and the withholding in whole fen, made once per table
    /// ([`AssessmentModel::settle`]); `None` for an amount the loader would refuse.
    pub(crate) in_fen: Option<(Fen, Fen)>,
}

/// What a scorecard line needs to say about its rule, shared (not copied) by every line of
/// the rule: a million lines cost a million reference counts, not millions of strings.
#[derive(Debug)]
pub(crate) struct RuleMeta {
    pub(crate) code: Arc<str>,
    pub(crate) quote: Arc<str>,
    pub(crate) category: Option<Arc<str>>,
    pub(crate) kind: RuleKind,
    pub(crate) unit: RuleUnit,
    pub(crate) effect_names: Arc<[String]>,
    /// The rule's §5 defaults, and the same with `A6` for a line whose points were not chosen.
    pub(crate) defaults: Arc<[String]>,
    pub(crate) defaults_with_a6: Arc<[String]>,
    /// The policy that defines the rule, when this one imports it (`[[import]]`).
    pub(crate) imported_from: Option<Arc<str>>,
}

#[derive(Clone, Debug)]
pub(crate) struct Rule {
    pub(crate) meta: Arc<RuleMeta>,
    pub(crate) category: Option<usize>,
    pub(crate) effects: Vec<usize>,
    pub(crate) charge: Charge,
    pub(crate) overdue: Option<Overdue>,
    pub(crate) joint: Joint,
    /// With `overdue`: the `(policy, class)` pairs whose limit the rule prices.
    pub(crate) prices: Vec<(String, String)>,
    /// The amount is that of the rule the row's `basis` names, whose code starts so (A30).
    pub(crate) basis_from: Option<String>,
    /// A row must give `points` (A7; a level that is a fact).
    pub(crate) points_required: bool,
    /// Rules of one family count once per subject and `ref` (A33).
    pub(crate) family: Option<Arc<str>>,
    pub(crate) versions: Vec<RuleVersion>,
    pub(crate) defaults: Vec<DefaultNote>,
    /// The rule's place among the table's rules in the order of their codes: a card keeps
    /// its effect hits by it and orders them by it, with no shared string per hit. Set once
    /// the table is complete ([`AssessmentModel::settle`]).
    pub(crate) rank: u32,
    /// An incident of the rule must name its window: the rule charges the window, or one
    /// of its effects reaches it. Set with `rank`.
    pub(crate) needs_window: bool,
}

impl Rule {
    pub(crate) fn version_on(&self, date: NaiveDate) -> Option<&RuleVersion> {
        self.versions
            .iter()
            .find(|v| v.from <= date && v.until.is_none_or(|u| date <= u))
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Category {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) maximum: i64,
    pub(crate) floor: i64,
    pub(crate) source: Clause,
    pub(crate) defaults: Vec<DefaultNote>,
}

#[derive(Clone, Debug)]
pub(crate) struct EffectDef {
    pub(crate) id: String,
    pub(crate) name: String,
    /// The same, shared by every effect hit on a scorecard.
    pub(crate) shared_id: Arc<str>,
    pub(crate) shared_name: Arc<str>,
    /// An annual effect stays on the subject's cards for the rest of its calendar year.
    pub(crate) annual: bool,
    /// The effect reaches the window named on the row as well as the person.
    pub(crate) reaches_window: bool,
    pub(crate) source: Clause,
    pub(crate) defaults: Vec<DefaultNote>,
    /// The policy that defines the effect, when it came with an imported rule.
    pub(crate) imported_from: Option<Arc<str>>,
}

/// A policy's deduction table, compiled.
#[derive(Clone, Debug)]
pub(crate) struct AssessmentModel {
    /// `(policy, class)` pairs whose cases are joint items without a flag.
    pub(crate) joint_classes: Vec<(String, String)>,
    pub(crate) period: PeriodKind,
    pub(crate) disqualifying: Vec<usize>,
    pub(crate) effects: Vec<EffectDef>,
    pub(crate) categories: Vec<Category>,
    pub(crate) rules: Vec<Rule>,
    pub(crate) rule_index: FastMap<String, usize>,
    pub(crate) source: Option<Clause>,
    pub(crate) defaults: Vec<DefaultNote>,
}

impl Rule {
    /// Whether an overdue case of `class` in `policy` is priced by this rule.
    pub(crate) fn prices(&self, policy: &str, class: &str) -> bool {
        self.prices.iter().any(|(p, c)| p == policy && c == class)
    }
}

impl AssessmentModel {
    /// Whether a case is a joint item: flagged, or of a class that is joint by nature.
    pub(crate) fn is_joint(&self, policy: &str, class: &str, flagged: bool) -> bool {
        flagged
            || self
                .joint_classes
                .iter()
                .any(|(p, c)| p == policy && c == class)
    }

    /// Give every rule what is decided once per table: its rank in the order of codes,
    /// whether its incidents must name a window, and its amounts in fen.
    pub(crate) fn settle(&mut self) {
        let mut order: Vec<usize> = (0..self.rules.len()).collect();
        let code = |i: usize| self.rules.get(i).map(|r| &r.meta.code);
        order.sort_by(|&a, &b| code(a).cmp(&code(b)));
        for (rank, i) in order.into_iter().enumerate() {
            let effects = &self.effects;
            if let Some(rule) = self.rules.get_mut(i) {
                for v in &mut rule.versions {
                    v.in_fen = Fen::of(v.fine, 1).zip(Fen::of(v.withholding, 1));
                }
                rule.rank = u32::try_from(rank).unwrap_or(u32::MAX);
                rule.needs_window = rule.charge != Charge::Person
                    || rule
                        .effects
                        .iter()
                        .filter_map(|&e| effects.get(e))
                        .any(|e| e.reaches_window);
            }
        }
    }

    /// The rule of rank `rank` ([`Rule::rank`]): the inverse, made once per assessment.
    pub(crate) fn rules_by_rank(&self) -> Vec<usize> {
        let mut by_rank = vec![usize::MAX; self.rules.len()];
        for (i, rule) in self.rules.iter().enumerate() {
            if let Some(slot) = by_rank.get_mut(rule.rank as usize) {
                *slot = i;
            }
        }
        by_rank
    }

    /// The score of a card with no lines: the sum of the category maxima.
    pub(crate) fn full_score(&self) -> i64 {
        self.categories.iter().map(|c| c.maximum).sum()
    }
}
