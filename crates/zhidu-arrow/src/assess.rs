//! Scorecards for a batch of incidents.

use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::{ArrayRef, Decimal128Array, Int64Array, RecordBatch, UInt64Array};
use rust_decimal::Decimal;
use zhidu::rows::RosterEntry;
use zhidu::{AssessRequest, Assessment, Case, Incident, Lang, Period, Policy, SkippedRow};

use crate::Error;
use crate::rows::read_rows;
use crate::write::{code, texts};

/// What else an assessment takes besides its incidents.
///
/// # Example
///
/// ```
/// let o = zhidu_arrow::AssessOptions::new().lines(false);
/// # let _ = o;
/// ```
#[derive(Clone, Copy, Debug)]
pub struct AssessOptions<'a> {
    lines: bool,
    roster: Option<&'a RecordBatch>,
    cases: Option<(&'a Policy, &'a RecordBatch)>,
}

impl Default for AssessOptions<'_> {
    fn default() -> Self {
        AssessOptions::new()
    }
}

impl<'a> AssessOptions<'a> {
    /// Every line on the cards, no roster, no case log.
    ///
    /// # Example
    ///
    /// ```
    /// let o = zhidu_arrow::AssessOptions::new();
    /// # let _ = o;
    /// ```
    #[must_use]
    pub fn new() -> Self {
        AssessOptions {
            lines: true,
            roster: None,
            cases: None,
        }
    }

    /// Whether the cards list every line (the default); without them, the fast path.
    ///
    /// # Example
    ///
    /// ```
    /// let o = zhidu_arrow::AssessOptions::new().lines(false);
    /// # let _ = o;
    /// ```
    #[must_use]
    pub fn lines(mut self, lines: bool) -> Self {
        self.lines = lines;
        self
    }

    /// Everyone to score, incidents or not: a batch with `subject` and `window` columns.
    ///
    /// # Example
    ///
    /// ```
    /// # use std::sync::Arc;
    /// # use arrow_array::{ArrayRef, RecordBatch, StringArray};
    /// let roster = RecordBatch::try_from_iter([
    ///     ("subject", Arc::new(StringArray::from(vec!["李四"])) as ArrayRef),
    ///     ("window", Arc::new(StringArray::from(vec!["W02"])) as ArrayRef),
    /// ])?;
    /// let o = zhidu_arrow::AssessOptions::new().roster(&roster);
    /// # let _ = o;
    /// # Ok::<(), arrow_schema::ArrowError>(())
    /// ```
    #[must_use]
    pub fn roster(mut self, roster: &'a RecordBatch) -> Self {
        self.roster = Some(roster);
        self
    }

    /// The case log of deadline policy `policy`, whose late cases are charged to the rules
    /// bound to overdue cases (the columns of [`crate::case_statuses`]).
    ///
    /// # Example
    ///
    /// ```
    /// # use std::sync::Arc;
    /// # use arrow_array::{ArrayRef, RecordBatch, StringArray};
    /// let ps = zhidu::PolicySet::builtin()?;
    /// let cases = RecordBatch::new_empty(Arc::new(arrow_schema::Schema::empty()));
    /// let o = zhidu_arrow::AssessOptions::new().cases(ps.policy("s2-service-center")?, &cases);
    /// # let _ = o;
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn cases(mut self, policy: &'a Policy, cases: &'a RecordBatch) -> Self {
        self.cases = Some((policy, cases));
        self
    }
}

/// Score `period` for a batch of incidents: the columns of [`zhidu::rows::INCIDENT`]
/// (`subject`, `at`, `rule`, optionally `window`, `department`, `quantity`, `points`, `case`,
/// `note`, `basis`, `ref`). Dictionary-encoded text columns are read by their values once.
///
/// The answer is the core's [`Assessment`]: [`scorecards`] and [`skipped_rows`] turn it into
/// batches.
///
/// # Errors
///
/// A policy without a deduction table, a column that is no incident field, a required field
/// without a column, or a column of a type zhidu cannot read. A bad row is in
/// [`Assessment::errors`] with its row number (from 1).
///
/// # Example
///
/// ```
/// use std::sync::Arc;
/// use arrow_array::{ArrayRef, RecordBatch, StringArray, TimestampSecondArray};
/// let ps = zhidu::PolicySet::builtin()?;
/// let p = ps.policy("s14-window-scorecard")?;
/// let batch = RecordBatch::try_from_iter([
///     ("subject", Arc::new(StringArray::from(vec!["张三"])) as ArrayRef),
///     ("window", Arc::new(StringArray::from(vec!["W01"])) as ArrayRef),
///     // 2026-10-12 09:00 in Beijing, a wall time (no zone).
///     ("at", Arc::new(TimestampSecondArray::from(vec![1_791_795_600])) as ArrayRef),
///     ("rule", Arc::new(StringArray::from(vec!["S14.att.2"])) as ArrayRef),
/// ])?;
/// let out = zhidu_arrow::assess(p, &batch, "2026-10".parse()?, &Default::default())?;
/// let card = out.card("张三").unwrap();
/// assert_eq!((card.total, card.fines.to_string().as_str()), (88, "20")); // S14 totals 90 (A9); 迟到 −2, ¥20
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn assess(
    policy: &Policy,
    incidents: &RecordBatch,
    period: Period,
    options: &AssessOptions<'_>,
) -> Result<Assessment, Error> {
    let incidents = read_rows::<Incident>("incidents", incidents)?;
    let roster: Option<Vec<zhidu::rows::RosterRow>> = match options.roster {
        None => None,
        Some(r) => Some(
            read_rows::<RosterEntry>("roster", r)?
                .into_iter()
                .map(|r| r.map(|e| e.pair()))
                .collect(),
        ),
    };
    let cases: Option<(&Policy, Vec<Result<Case, zhidu::Error>>)> = match options.cases {
        None => None,
        Some((p, c)) => Some((p, read_rows::<Case>("cases", c)?)),
    };
    let mut req = AssessRequest::new(period)
        .incident_rows(&incidents)
        .lines(options.lines);
    if let Some(r) = &roster {
        req = req.roster_rows(r);
    }
    if let Some((p, c)) = &cases {
        req = req.case_rows(p, c);
    }
    Ok(policy.assess(&req)?)
}

fn money(values: impl Iterator<Item = Decimal>) -> Result<ArrayRef, Error> {
    // Fines are whole fen: the mantissa at two decimal places.
    let fen = values.map(|mut d| {
        d.rescale(2);
        Some(d.mantissa())
    });
    Ok(Arc::new(
        Decimal128Array::from_iter(fen).with_precision_and_scale(38, 2)?,
    ))
}

/// One row per scorecard of an assessment, in its order (person cards by subject, then
/// window cards): `subject`, `kind` (`person` or `window`), `window`, `period`, one `Int64`
/// column per category named `category_<id>` (its score), `bonus`, `total`, `fines` and
/// `withholdings` (`Decimal128(38, 2)` yuan), and `effects` (a `List` of effect ids).
///
/// # Errors
///
/// Only if arrow-rs refuses the batch.
///
/// # Example
///
/// ```
/// use arrow_array::cast::AsArray;
/// use arrow_array::types::Int64Type;
/// let ps = zhidu::PolicySet::builtin()?;
/// let p = ps.policy("s2-service-center")?;
/// let roster = [("李四".to_owned(), "W02".to_owned())];
/// let out = p.assess(&zhidu::AssessRequest::new("2026-10".parse()?).roster(&roster))?;
/// let batch = zhidu_arrow::scorecards(&out)?;
/// assert_eq!(batch.column_by_name("total").unwrap().as_primitive::<Int64Type>().value(0), 100);
/// assert!(batch.column_by_name("category_qin").is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn scorecards(assessment: &Assessment) -> Result<RecordBatch, Error> {
    let cards = &assessment.scorecards;
    let mut columns: Vec<(String, ArrayRef)> = vec![
        (
            "subject".into(),
            texts(cards.iter().map(|c| Some(&c.subject))),
        ),
        (
            "kind".into(),
            texts(cards.iter().map(|c| Some(c.kind.to_string()))),
        ),
        (
            "window".into(),
            texts(cards.iter().map(|c| c.window.as_ref())),
        ),
        (
            "period".into(),
            texts(cards.iter().map(|c| Some(&c.period))),
        ),
    ];
    // Every card has the table's categories, in the table's order.
    if let Some(first) = cards.first() {
        for (k, category) in first.categories.iter().enumerate() {
            let scores = cards.iter().map(|c| c.categories.get(k).map(|x| x.score));
            columns.push((
                format!("category_{}", category.id),
                Arc::new(Int64Array::from_iter(scores)),
            ));
        }
    }
    columns.push((
        "bonus".into(),
        Arc::new(Int64Array::from_iter_values(cards.iter().map(|c| c.bonus))),
    ));
    columns.push((
        "total".into(),
        Arc::new(Int64Array::from_iter_values(cards.iter().map(|c| c.total))),
    ));
    columns.push(("fines".into(), money(cards.iter().map(|c| c.fines))?));
    columns.push((
        "withholdings".into(),
        money(cards.iter().map(|c| c.withholdings))?,
    ));
    let mut effects = ListBuilder::new(StringBuilder::new());
    for c in cards {
        for e in &c.effects {
            effects.values().append_value(&*e.id);
        }
        effects.append(true);
    }
    columns.push(("effects".into(), Arc::new(effects.finish())));
    Ok(RecordBatch::try_from_iter(columns)?)
}

/// The rows an assessment skipped, one per row: `input` (`incident`, `case` or `roster`),
/// `row` (from 1), `field` (for a row that could not be read), `code` and `message` (in
/// `lang`).
///
/// # Errors
///
/// Only if arrow-rs refuses the batch.
///
/// # Example
///
/// ```
/// use arrow_array::cast::AsArray;
/// let e = zhidu::SkippedRow::new("incident", 3, zhidu::Error::Input { message: "policy `s2-service-center` has no rule `x`".into(), hint: None });
/// let batch = zhidu_arrow::skipped_rows(&[e], zhidu::Lang::Zh)?;
/// assert_eq!(batch.column_by_name("message").unwrap().as_string::<i32>().value(0), "制度`s2-service-center`中没有规则`x`");
/// # Ok::<(), zhidu_arrow::Error>(())
/// ```
pub fn skipped_rows(rows: &[SkippedRow], lang: Lang) -> Result<RecordBatch, Error> {
    let field = |r: &SkippedRow| match &r.error {
        zhidu::Error::Row(e) => e.field.clone(),
        _ => None,
    };
    Ok(RecordBatch::try_from_iter([
        ("input", texts(rows.iter().map(|r| Some(r.input)))),
        (
            "row",
            Arc::new(UInt64Array::from_iter_values(
                rows.iter()
                    .map(|r| u64::try_from(r.row).unwrap_or(u64::MAX)),
            )) as ArrayRef,
        ),
        ("field", texts(rows.iter().map(field))),
        ("code", texts(rows.iter().map(|r| Some(code(&r.error))))),
        (
            "message",
            texts(rows.iter().map(|r| Some(r.error.message_in(lang)))),
        ),
    ])?)
}
