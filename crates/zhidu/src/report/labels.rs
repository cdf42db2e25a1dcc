//! The report's labels: entries of the message catalogue,
//! `label.report.<id>` (`messages/catalogue/report.rs`), so a report speaks the language every other message does.

use crate::Lang;

/// The label `id` in `lang`; an unknown id prints as `??`, so a typo shows on the page
/// instead of failing a report (a test checks every id the renderers use).
pub(crate) fn label(id: &str, lang: Lang) -> &'static str {
    crate::messages::template(lang, "label.report.", id).unwrap_or("??")
}

/// A label with its `{n}` filled in.
pub(crate) fn label_n(id: &str, lang: Lang, n: impl core::fmt::Display) -> String {
    label(id, lang).replace("{n}", &n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_each_language() {
        assert_eq!(label("on_time_rate", Lang::Zh), "按时办结率");
        assert_eq!(label("on_time_rate", Lang::En), "on-time completion rate");
        assert_eq!(label_n("row", Lang::Zh, 3), "第 3 行");
        assert_eq!(label("no_such_label", Lang::En), "??");
    }

    /// Every `l("…")` and `label("…", …)` of the renderers names a label of the table.
    #[test]
    fn renderers_use_only_known_labels() {
        let sources = [include_str!("text.rs"), include_str!("html.rs")];
        for src in sources {
            for prefix in ["l(\"", "label(\"", "label_n(\""] {
                for (i, _) in src.match_indices(prefix) {
                    let rest = src.get(i + prefix.len()..).unwrap_or("");
                    let id = rest.split('"').next().unwrap_or("");
                    assert_ne!(label(id, Lang::En), "??", "unknown label `{id}`");
                }
            }
        }
    }
}
