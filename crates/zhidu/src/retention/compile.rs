//! From a policy file's `[[retention]]` entries to the retention model, with the loader's
//! diagnostics: exactly one of `years` and `until`, each record kind covered once.

use crate::load::spanned::Spanned;
use serde::Deserialize;

use super::model::{Keep, RetentionModel, RetentionRule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::load::document::Document;
use crate::load::fields::check_id;
use crate::load::raw::{RawDefault, RawSources};
use crate::source::DefaultNote;

/// 事件发生时 / What happens at the event of an `until` rule.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawAtEvent {
    /// The obligation ends.
    End,
    /// The record must be destroyed.
    Destroy,
}

/// 保存期限 / `[[retention]]`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRetention {
    /// 标识（ASCII 字母、数字、`-`、`_`、`.`） / the entry's id (ASCII letters, digits, `-`, `_`, `.`)
    pub(crate) id: Spanned<String>,
    /// 名称 / the name, as the regulation words it
    pub(crate) name: String,
    /// 适用的记录种类 / the record kinds it keeps
    pub(crate) kinds: Spanned<Vec<String>>,
    /// 保存年数 / years to keep
    #[serde(default)]
    pub(crate) years: Option<Spanned<u32>>,
    /// 保存至某事件 / keep until this event
    #[serde(default)]
    pub(crate) until: Option<Spanned<String>>,
    /// 事件发生时：义务结束或销毁 / at the event: the duty ends, or the record is destroyed
    #[serde(default)]
    pub(crate) at_event: Option<RawAtEvent>,
    /// 出处：条款编号与原文 / where it comes from: the clause id and its words
    pub(crate) source: RawSources,
    /// 本制度为条文未定之处所设的默认值（开放参数及理由） / values the regulation leaves open, set here, each with its open
    /// parameter and reason
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

/// The most years a rule may keep a record.
const MAX_YEARS: u32 = 1000;

/// Compile `[[retention]]`.
pub(crate) fn compile_retention(
    doc: &Document<'_>,
    raw: &[(usize, RawRetention)],
    out: &mut Vec<Diagnostic>,
) -> Option<RetentionModel> {
    let before = out.len();
    let mut rules: Vec<RetentionRule> = Vec::new();
    // Ids and record kinds seen, in maps: scans per rule are quadratic at 10^5 rules.
    let mut ids = std::collections::HashSet::new();
    let mut kept_by: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    for (i, r) in raw {
        let path = format!("retention[{i}]");
        if !check_id(doc, &r.id, &format!("{path}.id"), out) {
            continue;
        }
        if !ids.insert(r.id.get_ref().as_str()) {
            out.push(doc.error_at(
                r.id.span(),
                format!("{path}.id"),
                format!("retention rule `{}` is defined twice", r.id.get_ref()),
                None,
            ));
            continue;
        }
        if r.kinds.get_ref().is_empty() {
            // Loads (nothing contradicts), but no record is ever kept by it: say so where the
            // author wrote it rather than let the rule sit there unused.
            out.push(doc.src.diagnostic(
                Severity::Warning,
                Some(r.kinds.span()),
                format!("{path}.kinds"),
                format!(
                    "retention rule `{}` lists no record kinds, so it keeps nothing",
                    r.id.get_ref()
                ),
                Some("name the record kinds it keeps, as `kinds = [\"complaint\"]`".to_owned()),
            ));
        }
        for k in r.kinds.get_ref() {
            if let Some(other) = kept_by.get(k.as_str()) {
                out.push(doc.error_at(
                    r.kinds.span(),
                    format!("{path}.kinds"),
                    format!("record kind `{k}` is already kept by `{other}`"),
                    None,
                ));
            }
        }
        let keep = match (&r.years, &r.until) {
            (Some(y), None) if (1..=MAX_YEARS).contains(y.get_ref()) => Keep::Years(*y.get_ref()),
            (Some(y), None) => {
                out.push(doc.error_at(
                    y.span(),
                    format!("{path}.years"),
                    format!("`years` must be from 1 to {MAX_YEARS}"),
                    None,
                ));
                continue;
            }
            (None, Some(e)) => Keep::UntilEvent {
                event: e.get_ref().clone(),
                destroy: r.at_event == Some(RawAtEvent::Destroy),
            },
            _ => {
                out.push(doc.error_at(
                    r.id.span(),
                    format!("{path}.years"),
                    format!(
                        "retention rule `{}` needs exactly one of `years` and `until`",
                        r.id.get_ref()
                    ),
                    Some("keep for a period (`years = 2`) or until an event (`until = \"public\"`)".to_owned()),
                ));
                continue;
            }
        };
        for k in r.kinds.get_ref() {
            kept_by.entry(k.as_str()).or_insert(r.id.get_ref().as_str());
        }
        rules.push(RetentionRule {
            id: r.id.get_ref().clone(),
            name: r.name.clone(),
            kinds: r.kinds.get_ref().clone(),
            keep,
            sources: crate::source::clauses_of(&r.source),
            defaults: r.defaults.iter().map(DefaultNote::from).collect(),
        });
    }
    // Warnings (a rule without kinds) leave the model usable; errors do not.
    if out
        .iter()
        .skip(before)
        .any(|d| d.severity == Severity::Error)
    {
        return None;
    }
    Some(RetentionModel { rules })
}

#[cfg(test)]
mod tests {
    use crate::{Lang, PolicySet, RetentionRecord, Severity, Start};

    /// Two rules; the second lists no record kinds (line 19).
    const KEEP: &str = r#"[policy]
id = "keep"
name = "记录保存"
version = "1"
effective_from = 2024-01-01
calendar = "cn-mainland"
source = "test fixture"

[[retention]]
id = "log"
name = "台账"
kinds = ["ledger"]
years = 2
source = { clause = "X.1", quote = "台账保存两年" }

[[retention]]
id = "nothing"
name = "无类别"
kinds = []
years = 3
source = { clause = "X.2", quote = "保存三年" }
"#;

    /// `kinds = []` cannot apply to any record: the file loads, with one warning at the
    /// empty list (line 19, column 9), in both languages; the other rule still answers.
    #[test]
    fn a_rule_without_record_kinds_loads_with_a_located_warning() {
        let ps = PolicySet::from_sources(&[("keep.toml", KEEP)]).unwrap();
        let w = ps.warnings();
        assert_eq!(w.len(), 1, "{w:#?}");
        let d = &w[0];
        assert_eq!(
            (
                d.severity,
                d.file.as_str(),
                d.line,
                d.column,
                d.path.as_str()
            ),
            (Severity::Warning, "keep.toml", 19, 9, "retention[1].kinds")
        );
        assert_eq!(
            d.message,
            "retention rule `nothing` lists no record kinds, so it keeps nothing"
        );
        assert_eq!(
            d.help.as_deref(),
            Some("name the record kinds it keeps, as `kinds = [\"complaint\"]`")
        );
        let zh = d.in_lang(Lang::Zh);
        assert_eq!(
            zh.message,
            "保存规则`nothing`未列出任何记录类别，不适用于任何记录"
        );
        assert_eq!(
            zh.help.as_deref(),
            Some("请写明其保存的记录类别，如`kinds = [\"complaint\"]`")
        );
        // `check` shows the same warning, and the rule with kinds keeps its records.
        assert_eq!(PolicySet::check_sources(&[("keep.toml", KEEP)]).unwrap(), w);
        let rec = RetentionRecord::new("L-1", "ledger", "2025-01-02".parse::<Start>().unwrap());
        let answer = ps
            .policy("keep")
            .unwrap()
            .retention(&[Ok(rec)], "2026-01-01".parse().unwrap())
            .unwrap();
        assert_eq!(answer.records.len(), 1);
        assert!(answer.errors.is_empty());
    }
}
