//! An assessment as batches: its scorecards, and the rows it skipped.

use std::sync::Arc;

use arrow_array::{ArrayRef, Int64Array, RecordBatch, UInt64Array};
use rust_decimal::Decimal;
use zhidu::{Assessment, Lang, Policy, Scorecard, SkippedRow, SubjectKind};

use crate::Error;
use crate::write::{code, money, stamped_batch, text_lists, texts};

/// One row per scorecard of an assessment by `policy`, in its order (person cards by
/// subject, then window cards), only cards of `kind` if given: `subject`, `kind` (`person` or
/// `window`), `window`, `period`, one `Int64` column per category of the deduction table
/// named by its id (`qin`, `att` …: its score; the same columns with no card), `bonus`,
/// `total`, `fines` and `withholdings` (`Decimal128(38, 2)` yuan, more places only if a value
/// has them), and `effects` (a `List` of the effects' names). Stamped with the policy
/// ([`crate::STAMP_KEY`]).
///
/// The columns are those of the Python binding's `Assessment.to_arrow()` and
/// `zhidu.pandas.scorecard_frame`, which convert this batch.
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
/// let batch = zhidu_arrow::scorecards(p, &out, None)?;
/// assert_eq!(batch.column_by_name("total").unwrap().as_primitive::<Int64Type>().value(0), 100);
/// assert!(batch.column_by_name("qin").is_some()); // 勤
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn scorecards(
    policy: &Policy,
    assessment: &Assessment,
    kind: Option<SubjectKind>,
) -> Result<RecordBatch, Error> {
    let cards: Vec<&Scorecard> = assessment
        .scorecards
        .iter()
        .filter(|c| kind.is_none_or(|k| c.kind == k))
        .collect();
    let ints = |f: &dyn Fn(&Scorecard) -> Option<i64>| -> ArrayRef {
        Arc::new(Int64Array::from_iter(cards.iter().map(|c| f(c))))
    };
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
    // The table's categories, in its order: every card has them, in the same order.
    let ids: Vec<String> = match policy.deduction_table() {
        Ok(table) => table.categories.iter().map(|c| c.id.clone()).collect(),
        Err(_) => Vec::new(),
    };
    for (k, id) in ids.iter().enumerate() {
        let score = |c: &Scorecard| {
            let at = c.categories.get(k).filter(|s| s.id == *id);
            at.or_else(|| c.categories.iter().find(|s| s.id == *id))
                .map(|s| s.score)
        };
        columns.push((id.clone(), ints(&score)));
    }
    columns.push(("bonus".into(), ints(&|c| Some(c.bonus))));
    columns.push(("total".into(), ints(&|c| Some(c.total))));
    let fines: Vec<Decimal> = cards.iter().map(|c| c.fines).collect();
    columns.push(("fines".into(), money(&fines)?));
    let held: Vec<Decimal> = cards.iter().map(|c| c.withholdings).collect();
    columns.push(("withholdings".into(), money(&held)?));
    let effects = cards
        .iter()
        .map(|c| Some(c.effects.iter().map(|e| &*e.name)));
    columns.push(("effects".into(), text_lists(effects)));
    stamped_batch(policy, columns)
}

/// The rows an assessment by `policy` skipped, one per row: `input` (`incident`, `case` or
/// `roster`), `row` (from 1), `field` (for a row that could not be read), `code` and
/// `message` (in `lang`). Stamped with the policy ([`crate::STAMP_KEY`]).
///
/// # Errors
///
/// Only if arrow-rs refuses the batch.
///
/// # Example
///
/// ```
/// use arrow_array::cast::AsArray;
/// let ps = zhidu::PolicySet::builtin()?;
/// let p = ps.policy("s2-service-center")?;
/// let e = zhidu::SkippedRow::new("incident", 3, zhidu::Error::Input { message: "policy `s2-service-center` has no rule `x`".into(), hint: None });
/// let batch = zhidu_arrow::skipped_rows(p, &[e], zhidu::Lang::Zh)?;
/// assert_eq!(batch.column_by_name("message").unwrap().as_string::<i32>().value(0), "制度`s2-service-center`中没有规则`x`");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn skipped_rows(
    policy: &Policy,
    rows: &[SkippedRow],
    lang: Lang,
) -> Result<RecordBatch, Error> {
    let field = |r: &SkippedRow| match &r.error {
        zhidu::Error::Row(e) => e.field.clone(),
        _ => None,
    };
    let numbers = rows
        .iter()
        .map(|r| u64::try_from(r.row).unwrap_or(u64::MAX));
    stamped_batch(
        policy,
        [
            ("input", texts(rows.iter().map(|r| Some(r.input)))),
            (
                "row",
                Arc::new(UInt64Array::from_iter_values(numbers)) as ArrayRef,
            ),
            ("field", texts(rows.iter().map(field))),
            ("code", texts(rows.iter().map(|r| Some(code(&r.error))))),
            (
                "message",
                texts(rows.iter().map(|r| Some(r.error.message_in(lang)))),
            ),
        ],
    )
}
