//! The rows a what-if could not use: unreadable rows, and rows one side cannot answer (a
//! case of a class the other set lacks, an incident under a rule it does not have …). The
//! diff lists them per side rather than leaving them out without a word.

use serde::Serialize;

use crate::SkippedRow;

/// A row the what-if could not use under one side (`before` or `after`) or under both
/// (`both`: the row could not be read, or both sides fail it alike).
///
/// # Example
///
/// ```
/// let e = zhidu::SkippedRow::new("case", 2, zhidu::Error::Input { message: "bad".into(), hint: None });
/// let s = zhidu::WhatIfSkipped::new("after", e);
/// assert_eq!((s.side, s.skipped.input, s.skipped.row), ("after", "case", 2));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct WhatIfSkipped {
    /// `before`, `after` or `both`.
    pub side: &'static str,
    /// The row (input kind, 1-based row, error).
    #[serde(flatten)]
    pub skipped: SkippedRow,
}

impl WhatIfSkipped {
    /// A skipped row on `side`.
    ///
    /// # Example
    ///
    /// ```
    /// let e = zhidu::SkippedRow::new("incident", 1, zhidu::Error::Input { message: "bad".into(), hint: None });
    /// assert_eq!(zhidu::WhatIfSkipped::new("before", e).side, "before");
    /// ```
    #[must_use]
    pub fn new(side: &'static str, skipped: SkippedRow) -> WhatIfSkipped {
        WhatIfSkipped { side, skipped }
    }
}

/// The two sides' skipped rows as one list by input and row: a row both sides fail with
/// the same error once as `both`, every other once per side.
pub(super) fn merge(before: Vec<SkippedRow>, after: Vec<SkippedRow>) -> Vec<WhatIfSkipped> {
    let mut out: Vec<WhatIfSkipped> = Vec::new();
    let mut after: Vec<Option<SkippedRow>> = after.into_iter().map(Some).collect();
    for b in before {
        let twin = after.iter_mut().find(|a| a.as_ref() == Some(&b));
        let side = match twin {
            Some(slot) => {
                *slot = None;
                "both"
            }
            None => "before",
        };
        out.push(WhatIfSkipped::new(side, b));
    }
    out.extend(
        after
            .into_iter()
            .flatten()
            .map(|a| WhatIfSkipped::new("after", a)),
    );
    out.sort_by(|x, y| {
        (x.skipped.input, x.skipped.row, x.side).cmp(&(y.skipped.input, y.skipped.row, y.side))
    });
    out
}
