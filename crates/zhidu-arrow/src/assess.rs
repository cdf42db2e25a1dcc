//! Scorecards for a batch of incidents.

use arrow_array::RecordBatch;
use zhidu::rows::RosterEntry;
use zhidu::{AssessRequest, Assessment, Case, Incident, Period, Policy};

use crate::Error;
use crate::incidents::Columns;
use crate::rows::read_rows;

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
/// The answer is the core's [`Assessment`]: [`crate::scorecards`] and
/// [`crate::skipped_rows`] turn it into batches.
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
    let with_the_rest = |req: AssessRequest<'_>| {
        let mut req = req.lines(options.lines);
        if let Some(r) = &roster {
            req = req.roster_rows(r);
        }
        if let Some((p, c)) = &cases {
            req = req.case_rows(p, c);
        }
        policy.assess(&req)
    };
    // The column path when every column has a type it takes; else the row reader.
    Ok(match Columns::read(incidents) {
        Some(columns) => columns
            .with(|columns| with_the_rest(AssessRequest::new(period).incident_columns(columns)))?,
        None => {
            let rows = read_rows::<Incident>("incidents", incidents)?;
            with_the_rest(AssessRequest::new(period).incident_rows(&rows))?
        }
    })
}
