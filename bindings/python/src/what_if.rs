//! `WhatIf`: the same inputs under two policies (`Policy.what_if`, `zhidu.diff`), wrapping
//! the core's `WhatIf`. The comparison is the core's; this converts and renders.

use std::sync::Arc;

use pyo3::prelude::*;

use crate::error::OrRaise;
use crate::result_class::{View, result_class};

/// The same period's inputs under two policies: totals, then every changed case, scorecard,
/// ranking and decision with both values and the rules responsible.
#[pyclass(frozen, module = "zhidu", name = "WhatIf")]
pub(crate) struct WhatIf {
    pub(crate) inner: Arc<zhidu::WhatIf>,
}

impl View for WhatIf {
    type Of = zhidu::WhatIf;
    fn view(&self) -> PyResult<&zhidu::WhatIf> {
        Ok(&self.inner)
    }
    /// The whole diff as `zhidu diff --format json` writes it (indented).
    fn json(&self) -> PyResult<String> {
        Ok(self.inner.to_json())
    }
}

result_class! {
    WhatIf: zhidu::WhatIf {
        /// The rules before: a dict with `policy`, `version`, `effective_from` and `hash`.
        before,
        /// The rules after, likewise.
        after,
        /// The period, such as `2026-10`.
        period,
        /// The instant statuses and decisions are taken at.
        as_of,
        /// How many rows change: `cases`, `people`, `window_cards`, `ranks`, `decisions`;
        /// and `skipped`, how many rows could not be used.
        totals,
        /// The cases that change (dicts: `id`, `changed`, `old`, `new`, `responsible`).
        cases,
        /// The scorecards that change (dicts: `subject`, `kind`, `window`, `changed`,
        /// `before`, `after`, `responsible`).
        scorecards,
        /// The windows whose ranking changes (dicts: `window`, `changed`, `before`, `after`,
        /// `responsible`).
        ranks,
        /// The decisions whose tier changes (dicts: `row`, `subject`, `at`, `violation`,
        /// `before`, `after`, `responsible`).
        decisions,
        /// The rows that could not be read, or answered under one side or both (dicts:
        /// `side` — `before`, `after` or `both` —, `input`, `row`, `error`); in no list above.
        skipped,
    }
    repr { period }
    methods {
        /// Whether nothing changes.
        fn is_empty(&self) -> bool {
            self.inner.is_empty()
        }

        /// The diff as plain text, labels in `lang` (`"zh"` or `"en"`).
        #[pyo3(signature = (lang = "zh"))]
        fn to_text(&self, py: Python<'_>, lang: &str) -> PyResult<String> {
            Ok(self.inner.to_text(lang.parse().or_raise(py)?))
        }

        /// The diff as one self-contained HTML page, labels in `lang`.
        #[pyo3(signature = (lang = "zh"))]
        fn to_html(&self, py: Python<'_>, lang: &str) -> PyResult<String> {
            Ok(self.inner.to_html(lang.parse().or_raise(py)?))
        }
    }
}
